/* lexformat.h - "bring your own dictionary": readers for the dictionary
 * formats of other content-analysis tools, category mapping, per-category
 * (LIWC-style) counts and lexicon provenance.
 *
 * Every reader feeds lxs_lexicon_add_entry(), so an imported term is
 * tokenised and stemmed exactly like a TSV term; one dictionary written in
 * any of the formats gives the same matches.
 *
 * Formats (name: extensions):
 *   tsv       .tsv (and any unknown extension): our own format, lexicons/README.md
 *   liwc      .dic   LIWC 2001-2015: '%' category block "ID<TAB>NAME", then
 *                    "term<TAB>ID<TAB>ID..." (LIWC2007 blanks also read: the
 *                    trailing known ids are the categories).  Indentation
 *                    (nesting) is ignored: every id is its own category.
 *                    LIWC2007's conditional "(02 12)/125/464" needs the
 *                    previous word, which the matcher does not see: it is
 *                    dropped with a warning, the entry's other ids kept.
 *   dicx      .dicx  LIWC-22: CSV "DicTerm,cat1,cat2,..." (libcsv, strict
 *                    quoting); a cell X marks membership, a number is a
 *                    weight, empty or 0 is no membership; a row in no
 *                    category is reported with a warning
 *   lexicoder .lc3 .lcd  "+category" lines, then one entry per line
 *   wordstat  .cat   indented category names, entries "WORD_WORD* (weight)";
 *                    a name without a weight heads a category when the next
 *                    line is indented deeper, else it is an entry of weight 1
 *   yaml      .yml .yaml  quanteda dictionary (libyaml): nested mappings of
 *                    lists ("key: [a, b*]", block lists, "key: word")
 *   vader     vader*.txt  "token<TAB>mean[<TAB>...]": sentiment eval,
 *                    weight mean/4 clamped to [-1, 1] (a mean beyond
 *                    [-4, 4] with a warning); a later line for the
 *                    same token wins; '*' is literal (emoticons)
 *
 * Imported terms (all formats but tsv) are lower-cased (these tools match
 * without case; an all-caps term would otherwise become a case-sensitive
 * acronym key), runs of blanks become one space, WordStat's '_' is a
 * space, and a trailing '*' is our prefix glob.  A '*' inside a word is an
 * error.  An entry the tokenizer can never produce as words (an emoticon
 * such as ":)", or a term with punctuation between its words) is skipped
 * with a warning: it could never match, and a tsv line like it is an error.
 *
 * Categories become lexicon entries through a mapping:
 *   CAT=theme:+ / CAT=theme:-   role stance, weight +1 / -1 (times the
 *                               dictionary weight, clamped to [-1, 1]
 *                               with a warning)
 *   CAT=sentiment:+ / :-        role eval, weight +0.5 / -0.5 (times it)
 *   CAT=theme                   role target, weight 1 (times it)
 *   CAT=-                       the category is not loaded
 * An unmapped category is counted like LIWC does: it becomes a theme named
 * after the category (lower-cased, other characters '_', prefixed "cat_"
 * when it does not start with a letter or is "sentiment"; nested names are
 * joined with '.', which becomes '_') with role target, weight 1.
 * Category names match case-insensitively; a LIWC category also by its
 * number.  Lexicoder NEG_X categories hold negated phrases ("not good*"):
 * they are multiword entries, so the longest match takes "not good" whole
 * and the plain X entry "good*" does not fire; an unmapped NEG_X inherits
 * X's mapping with the pole flipped (else it is its own category). */
#ifndef LXS_LEXFORMAT_H
#define LXS_LEXFORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "lexstance.h"
#include "util.h"

/* ---- category mapping ---------------------------------------------------- */

typedef struct lxs_mapping lxs_mapping;

lxs_mapping *lxs_mapping_new(void);
void lxs_mapping_free(lxs_mapping *m); /* accepts NULL */
/* "CAT=theme:pole", "CAT=theme" or "CAT=-" (a later spec for the same
 * category wins).  LXS_EINVAL with err "--map 'SPEC': message". */
int lxs_mapping_add_spec(lxs_mapping *m, const char *spec, char *err, size_t errlen);
/* "category<TAB>theme[:pole]" per line ('-' for not loaded); blank lines and
 * lines starting with '#' are skipped.  LXS_EDATA with "FILE:LINE: message"
 * or LXS_EIO. */
int lxs_mapping_load_file(lxs_mapping *m, const char *path, char *err, size_t errlen);
int lxs_mapping_load_buffer(lxs_mapping *m, const char *name, const char *data, size_t len,
                            char *err, size_t errlen);
size_t lxs_mapping_count(const lxs_mapping *m);

/* ---- loading --------------------------------------------------------------- */

/* One entry as a reader gave it to lxs_lexicon_add_entry. */
typedef struct {
  uint32_t source;  /* lexicon source index */
  const char *file; /* the source's name */
  uint32_t line;
  const char *term;  /* as added: lower-cased, globs kept */
  const char *theme; /* theme name, "sentiment" or "-" */
  const char *role;
  double weight;
  const char *category; /* dictionary category, NULL for tsv */
} lxs_dict_entry;

typedef struct {
  const char *format;     /* NULL: lxs_lexformat_guess(path) */
  const lxs_mapping *map; /* NULL: every category unmapped */
  /* Warnings (skipped entries, ignored LIWC2007 conditions, empty
   * categories); msg has no "FILE:LINE:" prefix.  NULL: none reported. */
  void (*warn)(void *ud, const char *file, uint32_t line, const char *msg);
  /* Called after every accepted entry (lexicon check and coverage). */
  void (*entry)(void *ud, const lxs_dict_entry *e);
  void *ud;
} lxs_load_opts;

/* Load a dictionary in any format (opts->format NULL: by extension);
 * warnings go to opts->warn (opts may be NULL: no warnings).  Returns
 * LXS_OK, LXS_EDATA ("FILE:LINE: message"), LXS_EIO, or LXS_EINVAL for an
 * unknown format name. */
int lxs_lexicon_load_any_ex(lxs_lexicon *lex, const char *path, const lxs_load_opts *opts,
                            char *err, size_t errlen);
/* From memory; name is used in messages and provenance. */
int lxs_lexicon_load_any_buffer(lxs_lexicon *lex, const char *name, const char *data, size_t len,
                                const lxs_load_opts *opts, char *err, size_t errlen);

/* Canonical format name for a path's extension; "tsv" when unknown. */
const char *lxs_lexformat_guess(const char *path);
/* Canonical name of a format name or alias (dic, liwc22, lc3, cat, yml,
 * quanteda...), or NULL when unknown. */
const char *lxs_lexformat_canonical(const char *name);
/* "tsv, liwc, dicx, lexicoder, wordstat, yaml, vader" */
const char *lxs_lexformat_names(void);

/* The theme name an unmapped category becomes ("Pos Emo" -> "pos_emo",
 * "2" -> "cat_2").  Appends to out. */
void lxs_category_theme(const char *category, lxs_buf *out);

/* ---- reports ----------------------------------------------------------------- */

/* LIWC-style per-category counts of one scored document: one row per
 * speaker (with words) and theme, "doc,speaker,category,count,percent";
 * count = theme mentions in the speaker's own sentences, percent = 100 *
 * count / word tokens.  header: write the header line first.  RFC 4180,
 * CRLF, four decimals. */
void lxs_categories_csv(lxs_buf *out, const lxs_lexicon *lex, const lxs_result *r, const char *doc,
                        int header);

/* Lexicon provenance: "name,format,entries,sha256" and one row per source. */
void lxs_provenance_csv(lxs_buf *out, const lxs_lexicon *lex);
/* The same as an HTML comment for the top of Markdown reports:
 * "<!-- lexicons:\n  NAME (FORMAT, N entries, sha256 HEX)\n-->\n". */
void lxs_provenance_md(lxs_buf *out, const lxs_lexicon *lex);

#endif
