/* segment.h - stage 5: who is speaking.
 *
 * Attributes every sentence of an article to a speaker (index 0 is always
 * "author") and records the cue that decided it:
 *
 *  - layouts: round-up header lines ("Name, title, affiliation"), explicit
 *    "Speaker: Name" lines, "Q:/A:" interviews and "Name: text"
 *    transcripts;
 *  - prose: direct quotes with a speech verb after or before them, "according
 *    to X", indirect speech ("X said that ..."), continuations ("He added",
 *    a following unattributed quote, multi-paragraph quotes), and references
 *    back to a known person by pronoun, short name ("Menon", "Dr Menon") or
 *    description ("the former ADB economist").
 *
 * Names are canonical: titles and honorifics stripped, initials joined
 * ("Peter T.C. Chang" -> "Peter T C Chang"), short names resolved to the
 * full name already seen.  The whole pass is linear in the article; its
 * files and passes are listed in attrib.h. */
#ifndef LXS_SEGMENT_H
#define LXS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "strmap.h"
#include "tokenize.h"
#include "util.h"

#define LXS_SENT_HEADER 1u /* a speaker's header/label line itself */
#define LXS_SENT_QUOTE 2u  /* mostly inside a direct quotation */

typedef struct {
  char **names; /* canonical names; names[0] = "author" */
  char **descs; /* descriptions ("" if none) */
  size_t n, cap;
  lxs_strmap index; /* internal: name (case-insensitive) -> index */
} lxs_speakers;

void lxs_speakers_init(lxs_speakers *sp);
void lxs_speakers_clear(lxs_speakers *sp); /* keeps index 0 = author */
void lxs_speakers_free(lxs_speakers *sp);
/* Canonicalises name (see lxs_canonical_name) and returns the index of the
 * speaker with that name (case-insensitive), adding it if new.  A non-empty
 * desc fills in an empty description. */
uint32_t lxs_speakers_intern(lxs_speakers *sp, const char *name, size_t nlen, const char *desc,
                             size_t dlen);
/* The same for a name that is no person's and keeps its words and case
 * ("European Union", "AAM", "Chinese experts"): only spaces collapse. */
uint32_t lxs_speakers_intern_as_is(lxs_speakers *sp, const char *name, size_t nlen,
                                   const char *desc, size_t dlen);

/* Canonical form of a personal name, appended to out (NUL-terminated, not
 * counted): whitespace collapsed, leading titles and honorifics removed
 * ("Dr.", "Prof", "Foreign Minister"), initials split and undotted ("T.C."
 * and a middle "TC" -> "T C"), a possessive "'s" dropped, an all-capitals
 * name title-cased.  Returns the bytes appended. */
size_t lxs_canonical_name(const char *name, size_t len, lxs_buf *out);

/* ---- user-supplied speakers ------------------------------------------ */

typedef struct {
  char *name;     /* canonical name as the user wrote it */
  char **aliases; /* other ways the text names this speaker */
  size_t n_aliases;
} lxs_speaker_hint;

typedef struct lxs_speaker_hints {
  lxs_speaker_hint *items;
  size_t n, cap;
} lxs_speaker_hints;

/* Built and loaded through the public API (lexstance.h, src/hints.c). */

/* ---- attribution ------------------------------------------------------ */

/* How a sentence's speaker was decided (sent_cue). */
enum lxs_cue {
  LXS_CUE_AUTHOR = 0,   /* nothing attributes it: the author */
  LXS_CUE_HEADER,       /* round-up section opened by "Name, title" line */
  LXS_CUE_SPEAKER_LINE, /* section opened by "Speaker: Name" / "Name:" line */
  LXS_CUE_QA,           /* "Q:" (author) or "A:" (interviewee) turn */
  LXS_CUE_TRANSCRIPT,   /* "Name: text" turn */
  LXS_CUE_QUOTE,        /* inside a quotation attributed elsewhere */
  LXS_CUE_SAID_AFTER,   /* "...," Name said. / said Name */
  LXS_CUE_SAID_BEFORE,  /* Name said: "..." */
  LXS_CUE_ACCORDING_TO, /* according to Name, ... */
  LXS_CUE_INDIRECT,     /* Name said (that) ... without quotation marks */
  LXS_CUE_CONTINUATION, /* He added ...; a following quote; next paragraph */
  LXS_CUE_PRONOUN,      /* frame subject "he"/"she" -> last person */
  LXS_CUE_SHORT_NAME,   /* frame subject "Menon", "Dr Menon" */
  LXS_CUE_DESCRIPTION,  /* frame subject "the former ADB economist" */
  LXS_CUE_HEADLINE,     /* a headline "Name: claim" */
  LXS_CUE_RUN_ON,       /* paragraph after an unclosed colon-opened quote */
  LXS_CUE_COUNT
};

/* "author", "header", "speaker-line", "qa", "transcript", "quote",
 * "said-after", "said-before", "according-to", "indirect", "continuation",
 * "pronoun", "short-name", "description", "headline", "run-on"; "?" when
 * out of range. */
const char *lxs_cue_name(int cue);

/* Assign each sentence of the tokenised text a speaker (interned in sp,
 * which should be cleared first), flags (LXS_SENT_*) and a cue
 * (enum lxs_cue).  hints and sent_cue may be NULL. */
void lxs_attribute(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                   const lxs_speaker_hints *hints, uint32_t *sent_speaker, uint32_t *sent_flags,
                   uint8_t *sent_cue);

/* A clause of a sentence that another speaker holds: "Mayor Ruth Okafor
 * said the levy is temporary, while the ferry operators' lawyer, Tom
 * Birch, argued that it breaks the charter." gives Okafor the sentence
 * and Birch the clause from "while". */
typedef struct {
  uint32_t sentence;
  size_t start, end; /* bytes of the clause (to the end of its sentence) */
  uint32_t speaker;
  uint8_t cue;
} lxs_clause;

typedef struct {
  lxs_clause *items;
  size_t n, cap;
} lxs_clauses;

void lxs_clauses_free(lxs_clauses *cl);

/* Who holds the view a reporting verb introduces, as the segmenter reads
 * the verb's subject through its person table: a person of the article
 * (by their full name: "Zafrul Aziz", never "Zafrul"), or a group or an
 * organisation named by its words ("Critics", "China's Ministry of
 * Commerce").  Verbs whose subject is nobody ("we", "it", a date) have no
 * entry.  The scorer's holder pass looks its reporting verbs up here. */
typedef struct {
  uint32_t verb;    /* the reporting verb's first token */
  uint32_t end;     /* the frame's last token ("according to", "issued a
                       warning") */
  uint32_t subj;    /* first token of its subject */
  uint32_t name;    /* offset of the holder's name in names */
  uint8_t inverted; /* the subject follows the verb ("said X", "according to X") */
} lxs_holder;

typedef struct {
  lxs_holder *items; /* in token order */
  size_t n, cap;
  lxs_buf names; /* NUL-terminated names */
} lxs_holders;

void lxs_holders_free(lxs_holders *h);
/* May this word (a normal form) report speech: one of the speech verbs
 * of lexicons/words/speech.tsv, "according" or "per"?  Without
 * attribution the scorer looks for holders of reported views only in
 * texts with such a word (the match stage counts them on first sight of
 * each word: lxs_matcher.nspeech). */
int lxs_speech_word(const char *norm, size_t len);
/* The index of the first entry whose verb is at or after token tok (n
 * when none is). */
size_t lxs_holders_from(const lxs_holders *h, uint32_t tok);

/* lxs_attribute that also lists the clauses of second speakers and the
 * holders of reported views (each emptied first; either may be NULL). */
void lxs_attribute_clauses(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                           const lxs_speaker_hints *hints, uint32_t *sent_speaker,
                           uint32_t *sent_flags, uint8_t *sent_cue, lxs_clauses *clauses,
                           lxs_holders *holders);

/* How much to trust a cue, in [0, 1] (the attribution's confidence); -1
 * for LXS_CUE_AUTHOR (nothing was attributed) and out of range. */
double lxs_cue_confidence(int cue);

/* lxs_attribute without hints or cues (what the scorer calls). */
void lxs_segment(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                 uint32_t *sent_speaker, uint32_t *sent_flags);

#endif
