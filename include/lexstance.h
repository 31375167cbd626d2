/* lexstance.h - the public API of lexstance.
 *
 * Pipeline: tokenize -> stem -> match lexicons -> score sentences ->
 * segment speakers -> aggregate -> report.
 *
 * A lxs_lexicon is loaded once and is read-only afterwards, so one lexicon
 * may be shared by many threads.  A lxs_scorer holds per-thread state (the
 * stemmer, its word cache and reusable buffers): use one per thread.
 * Text is passed as pointer + length and need not be NUL-terminated. */
#ifndef LEXSTANCE_H
#define LEXSTANCE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LXS_VERSION "0.1.0"

/* What a call that can fail returns (SQLite's result codes in spirit).
 * The values are stable; the command-line tool maps them to its exit
 * codes (the same numbers, plus 2 for a usage error and 130 for an
 * interrupt, which are the tool's, not the library's). */
typedef enum lxs_status {
  LXS_OK = 0,
  LXS_EDATA = 1,   /* malformed input or lexicon data: err names FILE:LINE */
  LXS_EINVAL = 2,  /* an invalid argument: unknown language or format,
                      malformed category mapping */
  LXS_EIO = 3,     /* a file cannot be read */
  LXS_ENOMEM = 4   /* out of memory */
} lxs_status;

/* A short English description of a status ("out of memory"); static. */
const char *lxs_status_string(lxs_status status);

/* Out of memory.  When an allocation fails inside a call, the library
 * calls the out-of-memory handler, if one is set, on the failing thread.
 * If it returns (or none is set), the call gives up and returns
 * LXS_ENOMEM, or NULL where it returns an object or a result.  The object
 * the call was working on can then only be freed, and memory the call had
 * not yet linked to an object is lost.  The library never ends the process
 * itself: the lexstance command's handler prints "out of memory" and
 * exits with status 4.  Set the handler before other calls (it is
 * process-wide; not thread-safe against running calls). */
typedef void lxs_oom_handler(void *data);
void lxs_set_oom_handler(lxs_oom_handler *handler, void *data);

/* ---- lexicons ---------------------------------------------------------- */

typedef struct lxs_lexicon lxs_lexicon;

/* language: Snowball algorithm name, NULL for English. */
lxs_lexicon *lxs_lexicon_new(const char *language, char *err, size_t errlen);
void lxs_lexicon_free(lxs_lexicon *lex);
/* The lexicons embedded in the library (copies of lexicons/ at build). */
lxs_status lxs_lexicon_load_defaults(lxs_lexicon *lex, char *err, size_t errlen);
/* Load a TSV lexicon; entries add to or override earlier ones.  On error
 * returns LXS_EDATA/LXS_EIO and err holds "FILE:LINE: message". */
lxs_status lxs_lexicon_load_file(lxs_lexicon *lex, const char *path, char *err,
                                 size_t errlen);
lxs_status lxs_lexicon_load_buffer(lxs_lexicon *lex, const char *name,
                                   const char *data, size_t len, char *err,
                                   size_t errlen);
size_t lxs_lexicon_theme_count(const lxs_lexicon *lex);
const char *lxs_lexicon_theme_name(const lxs_lexicon *lex, size_t i);
size_t lxs_lexicon_entry_count(const lxs_lexicon *lex);

/* ---- scoring ----------------------------------------------------------- */

typedef struct lxs_scorer lxs_scorer;
/* Known speakers and their aliases (see src/segment.h; may be NULL). */
typedef struct lxs_speaker_hints lxs_speaker_hints;

typedef struct {
  int segment_speakers;  /* attribute sentences to speakers (articles) */
  const lxs_speaker_hints *speakers;  /* known names and aliases, or NULL */
} lxs_options;

typedef struct {
  size_t start, end;     /* byte range in the document */
  uint32_t speaker;      /* index into lxs_result.speakers */
  uint32_t paragraph;
  uint32_t tokens;       /* word tokens */
  double sentiment;      /* [-1, 1] */
  uint32_t sentiment_hits;
  unsigned flags;        /* LXS_SENTENCE_* */
  uint32_t holder;       /* speaker index of a reported view's holder, or
                            LXS_NO_HOLDER */
  const char *cue;       /* how the speaker was found: "header", "said-after",
                            "pronoun", ... or "author" (static string) */
} lxs_sentence;

#define LXS_NO_HOLDER 0xFFFFFFFFu

/* The speaker's own header line ("Name, title"): not scored. */
#define LXS_SENTENCE_HEADER 1u

typedef struct {
  uint32_t mentions;     /* theme terms matched in the sentence */
  double raw;            /* sum of stance contributions */
  double stance;         /* raw squashed into [-1, 1] */
  uint32_t held_mentions;/* of those, inside a view reported from the holder */
  double held_raw;       /* of raw, the reported view's part */
} lxs_theme_score;

/* Modifier flags recorded on evidence rows. */
enum {
  LXS_MOD_NEGATED = 1 << 0,
  LXS_MOD_INTENSIFIED = 1 << 1,
  LXS_MOD_DIMINISHED = 1 << 2,
  LXS_MOD_HEDGED = 1 << 3,
  LXS_MOD_CONTRAST_UP = 1 << 4,    /* clause after but/however */
  LXS_MOD_CONTRAST_DOWN = 1 << 5,  /* clause before but, or concessive */
  LXS_MOD_CONDITIONAL = 1 << 6,
  LXS_MOD_QUESTION = 1 << 7,
  LXS_MOD_HARM_PATIENT = 1 << 8,   /* harm done to the target: inverted */
  LXS_MOD_AGENT = 1 << 9,          /* target causes the harm/benefit */
  LXS_MOD_DISTANCED = 1 << 10,     /* so-called ... */
  LXS_MOD_REPORTED = 1 << 11,      /* view reported from another holder */
  LXS_MOD_WEAK_LINK = 1 << 12      /* target outside the phrase */
};

typedef struct {
  uint32_t sentence;
  uint32_t theme;        /* theme index; LXS_THEME_NONE for sentiment */
  const char *term;      /* lexicon term as written */
  const char *role;      /* "target", "stance", "eval", "harm", ... */
  size_t start, end;     /* matched bytes */
  size_t target_start, target_end; /* the theme term it was tied to */
  double weight;         /* lexicon weight */
  unsigned modifiers;    /* LXS_MOD_* */
  double contribution;   /* to the sentence's raw stance (or sentiment) */
  const char *holder;    /* who holds the view when reported, else NULL */
} lxs_evidence;

#define LXS_THEME_NONE 0xFFFFFFFFu

typedef struct {
  const char *name;         /* "author" for unattributed text */
  const char *description;  /* affiliation from the header line, or "" */
} lxs_speaker;

typedef struct {
  const lxs_sentence *sentences;
  size_t n_sentences;
  const lxs_theme_score *scores;  /* n_sentences * n_themes, row-major */
  size_t n_themes;
  const lxs_speaker *speakers;
  size_t n_speakers;
  const lxs_evidence *evidence;
  size_t n_evidence;
  size_t tokens;
} lxs_result;

lxs_scorer *lxs_scorer_new(const lxs_lexicon *lex, char *err, size_t errlen);
void lxs_scorer_free(lxs_scorer *sc);
/* Score one document.  The result is owned by the scorer and valid until
 * the next call. */
const lxs_result *lxs_scorer_run(lxs_scorer *sc, const char *text, size_t len,
                                 const lxs_options *opt);

/* Stance class of a score: +1 above LXS_CLASS_THRESHOLD, -1 below its
 * negative, else 0.  The threshold was chosen on tests/eval/stance-dev.tsv
 * (see `make eval`). */
#define LXS_CLASS_THRESHOLD 0.05
static inline int lxs_stance_class(double stance) {
  return stance > LXS_CLASS_THRESHOLD ? 1 : stance < -LXS_CLASS_THRESHOLD ? -1 : 0;
}

/* ---- aggregation ------------------------------------------------------- */

/* Per-unit totals: build one per speaker / document / sentence.  With
 * keep_samples set, the per-sentence values are kept too, for bootstrap
 * intervals (see lxs_bootstrap). */
typedef struct {
  size_t tokens;
  size_t sentences;
  double sentiment_sum;       /* over sentences with sentiment hits */
  size_t sentiment_n;
  size_t n_themes;
  uint32_t *mentions;         /* per theme */
  double *stance_sum;         /* per theme, over mentioning sentences */
  uint32_t *stance_n;         /* sentences mentioning the theme */
  /* Resampling units (when keep_samples): one per sentence, or one per
   * document when merged from partial results.  Each holds the same sums
   * as the totals above, so a resample's statistic is a ratio of sums. */
  int keep_samples;
  size_t n_samples, cap_samples;
  uint32_t *s_tokens;         /* [n_samples] */
  double *s_sentiment_sum;    /* [n_samples] */
  uint32_t *s_sentiment_n;    /* [n_samples] */
  uint32_t *s_mentions;       /* [n_samples * n_themes] */
  double *s_stance_sum;       /* [n_samples * n_themes] */
  uint32_t *s_stance_n;       /* [n_samples * n_themes] */
} lxs_agg;

/* Append one resampling unit with the given sums (used by merge). */
void lxs_agg_add_unit(lxs_agg *a, size_t tokens, size_t sentences,
                      double sentiment_sum, size_t sentiment_n,
                      const uint32_t *mentions, const double *stance_sum,
                      const uint32_t *stance_n);

void lxs_agg_init(lxs_agg *a, size_t n_themes);
void lxs_agg_free(lxs_agg *a);
void lxs_agg_reset(lxs_agg *a);
/* Adds the whole sentence: what it expresses, reported views included. */
void lxs_agg_add_sentence(lxs_agg *a, const lxs_result *r, size_t sentence);
/* Adds the part held by one person: LXS_PART_OWN is the sentence speaker's
 * own view (reported views removed), LXS_PART_HELD the holder's view. */
enum { LXS_PART_ALL, LXS_PART_OWN, LXS_PART_HELD };
void lxs_agg_add_part(lxs_agg *a, const lxs_result *r, size_t sentence,
                      int part);
/* Adds every sentence that speaker sp speaks or holds a reported view in. */
void lxs_agg_add_speaker(lxs_agg *a, const lxs_result *r, uint32_t sp);
/* The same for all speakers at once, in one pass: aggs[sp] for each of
 * r->n_speakers speakers. */
void lxs_agg_add_speakers(lxs_agg *aggs, const lxs_result *r);
void lxs_agg_merge(lxs_agg *into, const lxs_agg *from);
/* stance of theme t in [-1,1]; returns 0 and sets *present=0 when absent */
double lxs_agg_stance(const lxs_agg *a, size_t t, int *present);
double lxs_agg_salience(const lxs_agg *a, size_t t);  /* per 1,000 tokens */
double lxs_agg_sentiment(const lxs_agg *a);

/* ---- uncertainty ------------------------------------------------------- */

typedef struct {
  double lo, hi;
  int ok;                     /* 0 when undefined (theme never mentioned) */
} lxs_interval;

/* Percentile bootstrap over the unit's sentences: B resamples (with
 * replacement) at confidence level (e.g. 0.95), seeded; deterministic.
 * stance and salience have n_themes entries. */
void lxs_bootstrap(const lxs_agg *a, unsigned B, double level, uint64_t seed,
                   lxs_interval *stance, lxs_interval *salience,
                   lxs_interval *sentiment);
/* Difference of stance on theme t between units a and b: bootstrap
 * interval of (a - b) and a two-sided permutation p-value (P permutations
 * of the pooled mentioning sentences).  Returns 0 if either unit never
 * mentions the theme. */
int lxs_stance_difference(const lxs_agg *a, const lxs_agg *b, size_t t,
                          unsigned B, double level, uint64_t seed,
                          double *diff, lxs_interval *ci, double *p_value);
uint64_t lxs_seed_mix(uint64_t seed, const char *s);

#ifdef __cplusplus
}
#endif

#endif
