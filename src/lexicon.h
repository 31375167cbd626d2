/* lexicon.h - stage 3 data: lexicon entries loaded from TSV files, stemmed
 * with the same tokenizer and stemmer as the text, indexed by first word
 * (uthash, through hashtab.h). */
#ifndef LXS_LEXICON_H
#define LXS_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "lexstance.h"

#define LXS_MAX_PATTERN_WORDS 8
#define LXS_THEME_SENTIMENT 0xFFFEu
#define LXS_THEME_MODIFIER 0xFFFFu

typedef enum {
  LXS_R_TARGET,
  LXS_R_STANCE,
  LXS_R_EVAL,
  LXS_R_HARM,
  LXS_R_BENEFIT,
  LXS_R_OPPOSE,
  LXS_R_NEGATOR,
  LXS_R_NEUTRAL,
  LXS_R_INTENSIFIER,
  LXS_R_DIMINISHER,
  LXS_R_HEDGE,
  LXS_R_CONTRAST,
  LXS_R_CONCESSIVE,
  LXS_R_CONDITIONAL,
  LXS_R_REPORT,
  LXS_R_AGENT,
  LXS_R_DISTANCER,
  LXS_R_ENDORSE,
  LXS_R_ANAPHOR,
  LXS_R_ADVOCATE,
  LXS_R_NAMING,
  LXS_R_DECAY,
  LXS_R_THREAT,     /* sentiment: a harm whose "of" object is the theme
                       itself ("the threat of tariffs") */
  LXS_R_DESCRIBE,   /* sentiment: news-register description, tone only */
  LXS_R_AGENCY,     /* sentiment: an act of agency, credits its subject */
  LXS_R_SCENE,      /* modifier: scene-setting ("amid"): binds nothing */
  LXS_R_RHETORICAL, /* modifier: a question with it takes a side */
  LXS_R_DOUBT,      /* modifier: a sceptical reporting verb ("claims") */
  LXS_R_SHELL,      /* theme: a shell noun ("the measure") standing for
                       the theme when the context has it */
  LXS_R_REPAIR,     /* sentiment: a benefit that says its object is in bad
                       shape ("reform the WTO") */
  LXS_R_IMPOSE,     /* sentiment: putting a measure in place ("impose"):
                       support when the act is the holder's own */
  LXS_R_INSTRUMENT, /* theme: the term names a policy instrument (a tariff,
                       a quota): harm to it is its removal, not a loss */
  LXS_R_COUNT
} lxs_role;

const char *lxs_role_name(lxs_role r);

typedef struct {
  uint32_t theme; /* theme index, LXS_THEME_SENTIMENT or _MODIFIER */
  lxs_role role;
  double weight;
  const char *term; /* as written in the file */
  uint32_t source;  /* index into the lexicon's source list */
  uint32_t line;
} lxs_sense;

typedef struct {
  const char *key; /* stem, glob prefix, or acronym key */
  uint32_t id;     /* exact words: lxs_lexicon_stem_id(key), else 0 */
  uint16_t len;
  uint8_t glob; /* prefix glob on the normal form */
  uint8_t acro; /* case-sensitive acronym key */
} lxs_pword;

typedef struct lxs_pattern {
  uint8_t nwords;
  uint8_t nglobs;
  lxs_pword words[LXS_MAX_PATTERN_WORDS];
  lxs_sense *senses;
  size_t nsenses, capsenses;
  uint32_t order; /* load order, later overrides earlier */
} lxs_pattern;

/* Patterns sharing a first-word key. */
typedef struct {
  const lxs_pattern **pats;
  size_t n;
} lxs_patlist;

typedef struct {
  char *name; /* file name or "embedded:lexicons/x.tsv" */
  char *format;
  size_t entries;
  char sha256[65];
  const char *language; /* "# language: NAME" (lxs_language_name) or NULL */
  uint32_t language_line;
} lxs_source;

/* Exact (stem) or acronym lookup of a first word. */
const lxs_patlist *lxs_lexicon_find(const lxs_lexicon *lex, const char *key, size_t len, int acro);
/* A small number (1, 2, ...) naming each distinct stem that occurs as an
 * exact word of some pattern, or 0 when stem is in no pattern; lets the
 * matcher compare words by number. */
uint32_t lxs_lexicon_stem_id(const lxs_lexicon *lex, const char *stem, size_t len);
/* Calls cb for every glob whose prefix starts norm. */
void lxs_lexicon_find_globs(const lxs_lexicon *lex, const char *norm, size_t len,
                            void (*cb)(const lxs_patlist *, void *), void *ud);
int lxs_lexicon_has_globs(const lxs_lexicon *lex);

/* The theme names, lxs_lexicon_theme_count of them, in load order. */
const char *const *lxs_lexicon_theme_names(const lxs_lexicon *lex);
const lxs_source *lxs_lexicon_source(const lxs_lexicon *lex, size_t i);
size_t lxs_lexicon_source_count(const lxs_lexicon *lex);
/* The stemmer's language, as lxs_language_name gives it. */
const char *lxs_lexicon_language(const lxs_lexicon *lex);
/* LXS_EINVAL with err naming the first source that declares another
 * language than the lexicon's ("x.tsv:3: this lexicon is in german, the
 * run in english"); sources that declare none are taken to be in the
 * lexicon's language. */
lxs_status lxs_lexicon_check_language(const lxs_lexicon *lex, char *err, size_t errlen);
/* Whether a load ran out of memory: the lexicon can then only be freed. */
int lxs_lexicon_broken(const lxs_lexicon *lex);
/* Returns index of theme name, or -1. */
int lxs_lexicon_theme_index(const lxs_lexicon *lex, const char *name);

/* The default lexicons, compiled in from lexicons/ by tools/embed.c. */
typedef struct {
  const char *name;
  const char *data;
  size_t len;
  const char *sha256; /* data's digest in hex, worked out at build time */
} lxs_embedded_file;
extern const lxs_embedded_file lxs_embedded_lexicons[];
extern const size_t lxs_embedded_lexicon_count;

/* Programmatic loading, used by the dictionary-format readers: register a
 * source (for provenance; data/len are hashed), then add entries to it.
 * Entry fields are validated exactly like a TSV line; errors are
 * "NAME:LINE: message" and LXS_EDATA. */
uint32_t lxs_lexicon_begin_source(lxs_lexicon *lex, const char *name, const char *format,
                                  const char *data, size_t len);
int lxs_lexicon_add_entry(lxs_lexicon *lex, uint32_t src, uint32_t line, const char *term,
                          const char *theme, const char *role, const char *weight, char *err,
                          size_t errlen);
/* Count one more entry for a source (readers call it per accepted entry). */
void lxs_lexicon_count_entry(lxs_lexicon *lex, uint32_t src);

#endif
