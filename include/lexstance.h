/* lexstance.h - the public API of lexstance.
 *
 * Pipeline: tokenize -> stem -> match lexicons -> score sentences ->
 * attribute speakers -> aggregate -> report.  A program loads a lexicon
 * once, makes a scorer per thread, scores documents, and adds what it
 * needs (sentences, speakers, documents) into aggregates:
 *
 *   char err[256];
 *   lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
 *   lxs_lexicon_load_defaults(lex, err, sizeof err);
 *   lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
 *   lxs_options opt = {.segment_speakers = 1};
 *   const lxs_result *r = lxs_scorer_run(sc, text, len, &opt);
 *   lxs_agg *a = lxs_agg_new(lxs_lexicon_theme_count(lex), 0);
 *   lxs_agg_add_speaker(a, r, 1);     (or every sentence, every document)
 *   int present;
 *   double stance = lxs_agg_stance(a, 0, &present);
 *   lxs_agg_free(a);
 *   lxs_scorer_free(sc);
 *   lxs_lexicon_free(lex);
 *
 * Conventions (each function says where it departs from them):
 *
 *  - Ownership.  A function named _new returns an object the caller owns
 *    and releases with the matching _free, which accepts NULL.  Every other
 *    pointer a function returns is owned by the library and stays valid as
 *    long as the object it came from, unless its comment says otherwise.
 *    Strings passed in are copied when the library keeps them.
 *  - Text.  Documents are passed as pointer and length, UTF-8 (invalid
 *    bytes are read as U+FFFD), need not be NUL-terminated, and are not
 *    kept: results refer to them by byte offsets.
 *  - Errors.  A call that can fail returns an lxs_status (or NULL) and, when
 *    it takes err/errlen, writes a one-line message there ("FILE:LINE:
 *    message" for bad data), truncated to errlen; err may be NULL.
 *    Out of memory is LXS_ENOMEM (see lxs_set_oom_handler); after it the
 *    object the call was working on can only be freed.
 *  - Threads.  Objects are not locked.  A lexicon or a speaker-hint set
 *    may be used by any number of threads at once once it is loaded
 *    (loading is not thread-safe); a scorer and an aggregate belong to one
 *    thread at a time.  Functions without an object are thread-safe
 *    except where noted.
 *  - Nothing here prints, exits, aborts or installs signal handlers.
 *
 * Linking: `pkg-config --cflags --libs lexstance` (shared library,
 * liblexstance.so) or `pkg-config --static --cflags --libs lexstance`. */
#ifndef LEXSTANCE_H
#define LEXSTANCE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What the shared library exports: these declarations and nothing else
 * (it is built with -fvisibility=hidden). */
#if defined(__GNUC__) || defined(__clang__)
#define LXS_API __attribute__((visibility("default")))
#else
#define LXS_API
#endif

/* ---- version ------------------------------------------------------------- */

/* The version of this header.  lxs_version() gives the library's, which
 * can differ when a program runs against another build; the shared
 * library's soname changes with LXS_VERSION_MAJOR. */
#define LXS_VERSION "0.1.0"
#define LXS_VERSION_MAJOR 0
#define LXS_VERSION_MINOR 1
#define LXS_VERSION_PATCH 0
#define LXS_VERSION_NUMBER                                                                         \
  ((LXS_VERSION_MAJOR << 16) | (LXS_VERSION_MINOR << 8) | LXS_VERSION_PATCH)

/* LXS_VERSION_NUMBER of the library (0x000100 for 0.1.0). */
LXS_API int lxs_version(void);
/* LXS_VERSION of the library ("0.1.0"); static. */
LXS_API const char *lxs_version_string(void);

/* ---- status and memory --------------------------------------------------- */

/* What a call that can fail returns (SQLite's result codes in spirit).
 * The values are stable; the command-line tool maps them to its exit
 * codes (the same numbers, plus 2 for a usage error and 130 for an
 * interrupt, which are the tool's, not the library's). */
typedef enum lxs_status {
  LXS_OK = 0,
  LXS_EDATA = 1,  /* malformed input or lexicon data: err names FILE:LINE */
  LXS_EINVAL = 2, /* an invalid argument: unknown language or format,
                     malformed category mapping, theme out of range */
  LXS_EIO = 3,    /* a file cannot be read */
  LXS_ENOMEM = 4  /* out of memory */
} lxs_status;

/* A short English description of a status ("out of memory"); static. */
LXS_API const char *lxs_status_string(lxs_status status);

/* Out of memory.  When an allocation fails inside a call, the library
 * calls the out-of-memory handler, if one is set, on the failing thread.
 * If it returns (or none is set), the call gives up and returns
 * LXS_ENOMEM, or NULL where it returns an object or a result.  The object
 * the call was working on can then only be freed, and memory the call had
 * not yet linked to an object is lost.  The library never ends the process
 * itself: the lexstance command's handler prints "out of memory" and
 * exits with status 4.  Process-wide: set it before other calls (not
 * thread-safe against running calls). */
typedef void lxs_oom_handler(void *data);
LXS_API void lxs_set_oom_handler(lxs_oom_handler *handler, void *data);

/* ---- lexicons ------------------------------------------------------------ */

/* Terms by theme and role (lexicons/README.md): loaded once, then
 * read-only and shared by any number of scorers and threads. */
typedef struct lxs_lexicon lxs_lexicon;

/* An empty lexicon whose terms are stemmed with the Snowball stemmer of
 * language (NULL: "english").  NULL with err on an unknown language or
 * when out of memory.  language is copied. */
LXS_API lxs_lexicon *lxs_lexicon_new(const char *language, char *err, size_t errlen);
LXS_API void lxs_lexicon_free(lxs_lexicon *lex);
/* Adds the lexicons embedded in the library (copies of the source tree's
 * lexicons/ at build time: the themes multilateralism, us_protectionism,
 * global_south, then sentiment and modifiers).  LXS_OK, or LXS_ENOMEM. */
LXS_API lxs_status lxs_lexicon_load_defaults(lxs_lexicon *lex, char *err, size_t errlen);
/* Adds a TSV lexicon (term<TAB>theme<TAB>role<TAB>weight[<TAB>note]);
 * an entry with the same term, theme and role as an earlier one replaces
 * it.  LXS_OK; LXS_EIO ("PATH: reason"); LXS_EDATA ("PATH:LINE: message"),
 * with the lines before the bad one loaded; LXS_ENOMEM.  Not thread-safe
 * with other calls on lex. */
LXS_API lxs_status lxs_lexicon_load_file(lxs_lexicon *lex, const char *path, char *err,
                                         size_t errlen);
/* The same from memory; name stands for the file in messages.  data is
 * not kept. */
LXS_API lxs_status lxs_lexicon_load_buffer(lxs_lexicon *lex, const char *name, const char *data,
                                           size_t len, char *err, size_t errlen);
/* Themes in load order (the order of every per-theme array below). */
LXS_API size_t lxs_lexicon_theme_count(const lxs_lexicon *lex);
/* The theme id ("multilateralism"), or NULL when i is out of range;
 * valid while lex lives. */
LXS_API const char *lxs_lexicon_theme_name(const lxs_lexicon *lex, size_t i);
/* Distinct entries (pattern, theme, role) loaded. */
LXS_API size_t lxs_lexicon_entry_count(const lxs_lexicon *lex);

/* ---- speaker hints ------------------------------------------------------- */

/* Known speakers and the other names the text uses for them ("Ursula von
 * der Leyen": "von der Leyen", "the Commission president"); attribution
 * then gives those mentions to the speaker.  Read-only once built, and
 * shared by any number of scorers and threads. */
typedef struct lxs_speaker_hints lxs_speaker_hints;

/* An empty set; NULL when out of memory. */
LXS_API lxs_speaker_hints *lxs_speaker_hints_new(void);
LXS_API void lxs_speaker_hints_free(lxs_speaker_hints *h);
/* Adds a speaker by canonical name (a second call with the same name adds
 * to it) with n_aliases other names; all strings are copied.  LXS_OK,
 * LXS_EINVAL for an empty name or alias, or LXS_ENOMEM. */
LXS_API lxs_status lxs_speaker_hints_add(lxs_speaker_hints *h, const char *name,
                                         const char *const *aliases, size_t n_aliases);
/* Adds the speakers of a file: "Name<TAB>alias<TAB>alias..." per line;
 * blank lines and lines starting with '#' are skipped.  LXS_OK, LXS_EIO,
 * LXS_EDATA ("PATH:LINE: message") or LXS_ENOMEM. */
LXS_API lxs_status lxs_speaker_hints_load_file(lxs_speaker_hints *h, const char *path, char *err,
                                               size_t errlen);
/* The same from memory; name stands for the file in messages. */
LXS_API lxs_status lxs_speaker_hints_load_buffer(lxs_speaker_hints *h, const char *name,
                                                 const char *data, size_t len, char *err,
                                                 size_t errlen);
LXS_API size_t lxs_speaker_hints_count(const lxs_speaker_hints *h);

/* ---- scoring ------------------------------------------------------------- */

/* Per-thread scoring state: a stemmer, its word cache and the buffers a
 * result lives in.  Use one per thread; any number may share a lexicon. */
typedef struct lxs_scorer lxs_scorer;

typedef struct {
  int segment_speakers;              /* 1: attribute sentences to speakers (articles);
                                        0: every sentence is the author's */
  const lxs_speaker_hints *speakers; /* known names and aliases, or NULL;
                                        must outlive the run */
} lxs_options;

typedef struct {
  size_t start, end; /* byte range in the document */
  uint32_t speaker;  /* index into lxs_result.speakers */
  uint32_t paragraph;
  uint32_t tokens;  /* word tokens */
  double sentiment; /* [-1, 1] */
  uint32_t sentiment_hits;
  unsigned flags;  /* LXS_SENTENCE_* */
  uint32_t holder; /* speaker index of a reported view's holder, or
                      LXS_NO_HOLDER */
  const char *cue; /* how the speaker was found: "header", "said-after",
                      "pronoun", ... or "author" (static string) */
} lxs_sentence;

#define LXS_NO_HOLDER 0xFFFFFFFFu

/* The speaker's own header line ("Name, title"): not scored. */
#define LXS_SENTENCE_HEADER 1u

typedef struct {
  uint32_t mentions;      /* theme terms matched in the sentence */
  double raw;             /* sum of stance contributions */
  double stance;          /* raw squashed into [-1, 1]: raw / sqrt(raw^2 + 1) */
  uint32_t held_mentions; /* of those, inside a view reported from the holder */
  double held_raw;        /* of raw, the reported view's part */
} lxs_theme_score;

/* Modifier flags recorded on evidence rows. */
enum {
  LXS_MOD_NEGATED = 1 << 0,
  LXS_MOD_INTENSIFIED = 1 << 1,
  LXS_MOD_DIMINISHED = 1 << 2,
  LXS_MOD_HEDGED = 1 << 3,
  LXS_MOD_CONTRAST_UP = 1 << 4,   /* clause after but/however */
  LXS_MOD_CONTRAST_DOWN = 1 << 5, /* clause before but, or concessive */
  LXS_MOD_CONDITIONAL = 1 << 6,
  LXS_MOD_QUESTION = 1 << 7,
  LXS_MOD_HARM_PATIENT = 1 << 8, /* harm done to the target: inverted */
  LXS_MOD_AGENT = 1 << 9,        /* target causes the harm/benefit */
  LXS_MOD_DISTANCED = 1 << 10,   /* so-called ... */
  LXS_MOD_REPORTED = 1 << 11,    /* view reported from another holder */
  LXS_MOD_WEAK_LINK = 1 << 12,   /* target outside the phrase */
  LXS_MOD_CONTEXT = 1 << 13,     /* theme from an earlier sentence */
  LXS_MOD_SCENE = 1 << 14        /* inside a scene-setting phrase */
};

/* One lexicon match and what it contributed. */
typedef struct {
  uint32_t sentence;
  uint32_t theme;                  /* theme index; LXS_THEME_NONE for sentiment */
  const char *term;                /* lexicon term as written (valid while the
                                      lexicon lives) */
  const char *role;                /* "target", "stance", "eval", "harm", ... (static) */
  size_t start, end;               /* the matched bytes of the document */
  size_t target_start, target_end; /* the theme term it was tied to (bytes
                            of the document; equal when none) */
  double weight;                   /* lexicon weight */
  unsigned modifiers;              /* LXS_MOD_* */
  double contribution;             /* to the sentence's raw stance (or sentiment) */
  const char *holder;              /* who holds the view when reported, else NULL */
} lxs_evidence;

#define LXS_THEME_NONE 0xFFFFFFFFu

typedef struct {
  const char *name;        /* "author" for unattributed text */
  const char *description; /* affiliation from the header line, or "" */
} lxs_speaker;

/* A scored document.  Speaker 0 is always "author". */
typedef struct {
  const lxs_sentence *sentences;
  size_t n_sentences;
  const lxs_theme_score *scores; /* n_sentences * n_themes, row-major */
  size_t n_themes;
  const lxs_speaker *speakers;
  size_t n_speakers;
  const lxs_evidence *evidence;
  size_t n_evidence;
  size_t tokens; /* word tokens outside header lines */
} lxs_result;

/* A scorer for lex, which must outlive it.  NULL with err when out of
 * memory, or when an earlier load into lex ran out of memory. */
LXS_API lxs_scorer *lxs_scorer_new(const lxs_lexicon *lex, char *err, size_t errlen);
LXS_API void lxs_scorer_free(lxs_scorer *sc);
/* Scores one document (opt NULL: no speaker attribution).  The result,
 * and every pointer in it except lexicon terms, is owned by the scorer and
 * valid until its next lxs_scorer_run or lxs_scorer_free; text is not kept
 * (offsets in the result refer to it).  Deterministic: the same text gives
 * the same result on any scorer.  NULL only when out of memory; the
 * scorer can then only be freed.  Cost linear in len. */
LXS_API const lxs_result *lxs_scorer_run(lxs_scorer *sc, const char *text, size_t len,
                                         const lxs_options *opt);

/* Stance class of a score: +1 above LXS_CLASS_THRESHOLD, -1 below its
 * negative, else 0.  The threshold was chosen on tests/eval/stance-dev.tsv
 * (see `make eval`). */
#define LXS_CLASS_THRESHOLD 0.05
static inline int lxs_stance_class(double stance) {
  return stance > LXS_CLASS_THRESHOLD ? 1 : stance < -LXS_CLASS_THRESHOLD ? -1 : 0;
}

/* ---- aggregation --------------------------------------------------------- */

/* Totals of a unit -- a speaker, a document, a corpus -- over the
 * sentences (or whole documents) added to it:
 *   stance    = mean sentence stance over the sentences that mention the
 *               theme (absent when none does);
 *   salience  = theme mentions per 1,000 word tokens;
 *   sentiment = mean sentence sentiment over the sentences with sentiment
 *               terms (0 when none).
 * With keep_samples, each addition is also kept as a resampling unit for
 * lxs_bootstrap and lxs_stance_difference (memory grows with the
 * additions).  Sentences taken from a result are copied: the result may go
 * away.  One thread at a time. */
typedef struct lxs_agg lxs_agg;

/* An empty aggregate over n_themes themes (a lexicon's theme count).
 * NULL when out of memory. */
LXS_API lxs_agg *lxs_agg_new(size_t n_themes, int keep_samples);
LXS_API void lxs_agg_free(lxs_agg *a);
/* Empties it (keeping n_themes and keep_samples). */
LXS_API void lxs_agg_reset(lxs_agg *a);

/* Which part of a sentence to add: all it expresses, reported views
 * included; the sentence speaker's own view (reported views removed); or
 * the reported view's holder's part. */
enum { LXS_PART_ALL, LXS_PART_OWN, LXS_PART_HELD };

/* Each of these returns LXS_OK, LXS_EINVAL (a sentence or speaker index
 * out of range) or LXS_ENOMEM.  Header lines (LXS_SENTENCE_HEADER) are
 * never added. */
LXS_API lxs_status lxs_agg_add_sentence(lxs_agg *a, const lxs_result *r, size_t sentence);
LXS_API lxs_status lxs_agg_add_part(lxs_agg *a, const lxs_result *r, size_t sentence, int part);
/* Every sentence speaker sp speaks (their own part) or holds a view
 * reported in (the held part): a speaker's totals. */
LXS_API lxs_status lxs_agg_add_speaker(lxs_agg *a, const lxs_result *r, uint32_t sp);
/* The same for all speakers in one pass: aggs[sp] for each of the
 * r->n_speakers speakers. */
LXS_API lxs_status lxs_agg_add_speakers(lxs_agg *const *aggs, const lxs_result *r);
/* One resampling unit with the given sums (n_themes entries each): how
 * merged partial results are added (one unit per document). */
LXS_API lxs_status lxs_agg_add_unit(lxs_agg *a, size_t tokens, size_t sentences,
                                    double sentiment_sum, size_t sentiment_n,
                                    const uint32_t *mentions, const double *stance_sum,
                                    const uint32_t *stance_n);
/* Adds from's totals and resampling units to into (same n_themes, else
 * LXS_EINVAL). */
LXS_API lxs_status lxs_agg_merge(lxs_agg *into, const lxs_agg *from);

LXS_API size_t lxs_agg_theme_count(const lxs_agg *a);
LXS_API size_t lxs_agg_tokens(const lxs_agg *a);
/* Sentences spoken (held parts do not count). */
LXS_API size_t lxs_agg_sentences(const lxs_agg *a);
/* Theme mentions (0 for t out of range). */
LXS_API size_t lxs_agg_mentions(const lxs_agg *a, size_t t);
/* Stance on theme t in [-1, 1]; 0 with *present = 0 when absent (present
 * may be NULL). */
LXS_API double lxs_agg_stance(const lxs_agg *a, size_t t, int *present);
LXS_API double lxs_agg_salience(const lxs_agg *a, size_t t); /* per 1,000 tokens */
LXS_API double lxs_agg_sentiment(const lxs_agg *a);

/* ---- uncertainty --------------------------------------------------------- */

typedef struct {
  double lo, hi;
  int ok; /* 0 when undefined (theme never mentioned) */
} lxs_interval;

/* Percentile bootstrap over the aggregate's resampling units: B resamples
 * with replacement at confidence level (e.g. 0.95), seeded: the same
 * arguments give the same intervals.  stance and salience have
 * lxs_agg_theme_count(a) entries; all intervals are not ok without
 * resampling units.  LXS_OK or LXS_ENOMEM.  Cost O(B x units x themes). */
LXS_API lxs_status lxs_bootstrap(const lxs_agg *a, unsigned B, double level, uint64_t seed,
                                 lxs_interval *stance, lxs_interval *salience,
                                 lxs_interval *sentiment);
/* Difference of stance on theme t between a and b (a - b): its bootstrap
 * interval and a two-sided permutation p-value, B of each, over the
 * resampling units that mention t.  When either never mentions t,
 * ci->ok = 0 and *diff, *p_value are untouched.  LXS_OK, LXS_EINVAL (t
 * out of range) or LXS_ENOMEM. */
LXS_API lxs_status lxs_stance_difference(const lxs_agg *a, const lxs_agg *b, size_t t, unsigned B,
                                         double level, uint64_t seed, double *diff,
                                         lxs_interval *ci, double *p_value);
/* A seed derived from seed and the string s (a unit's name), so each
 * unit's resamples differ and do not depend on the order of units. */
LXS_API uint64_t lxs_seed_mix(uint64_t seed, const char *s);

/* ---- jobs: the command line's tables (src/api_table.c) ------------------- */

/* A job runs what `lexstance score` runs over documents held in memory
 * and returns the very bytes the command line would write, so a language
 * binding (bindings/python, bindings/r) reads the command line's columns
 * and numbers from a CSV parser:
 *
 *   lxs_job *j = lxs_job_new();
 *   lxs_job_set(j, "unit", "speaker", err, sizeof err);
 *   lxs_job_add(j, "article", text, len, NULL);
 *   char *csv;
 *   size_t n;
 *   if (lxs_job_run(j, "score", &csv, &n, err, sizeof err) == LXS_OK) {
 *     ... csv[0..n), as `lexstance score article.txt` writes it ...
 *     lxs_text_free(csv);
 *   }
 *   lxs_job_free(j);
 *
 * A job belongs to one thread at a time; jobs are independent. */
typedef struct lxs_job lxs_job;

/* A job with the command line's defaults (articles, --unit by the input,
 * embedded lexicons, English, seed 1, level 0.95).  Never NULL: running
 * out of memory calls the out-of-memory handler. */
LXS_API lxs_job *lxs_job_new(void);
LXS_API void lxs_job_free(lxs_job *j); /* accepts NULL */
/* An option by its command-line name, value as on the command line
 * (NULL for a flag): unit (sentence|speaker|doc), input (text: each
 * document an article split into speakers; lines, tsv, csv, jsonl: one
 * document each, split into speakers too with unit speaker), format (csv|wide), lexicon PATH
 * (repeatable, any lexicon format by extension), no-default-lexicons, language, speakers PATH
 * (known speakers), no-attribution, bootstrap N, seed S, ci LEVEL. LXS_EINVAL with err for an
 * unknown name or a bad value; files are read when the job runs. */
LXS_API lxs_status lxs_job_set(lxs_job *j, const char *name, const char *value, char *err,
                               size_t errlen);
/* Adds a document (copied): its id (the doc column), text[0..len) and,
 * when speaker is not NULL or "", the speaker of all of it (no
 * attribution inside it, as a JSON Lines record's "speaker").  LXS_EINVAL
 * for a NULL id; LXS_ENOMEM. */
LXS_API lxs_status lxs_job_add(lxs_job *j, const char *id, const char *text, size_t len,
                               const char *speaker);
/* The documents added so far; lxs_job_clear forgets them (the options
 * stay). */
LXS_API size_t lxs_job_count(const lxs_job *j);
LXS_API void lxs_job_clear(lxs_job *j);
/* Scores the documents and writes, into *out (from malloc, NUL-terminated,
 * *out_len bytes; free it with lxs_text_free):
 *   "score"     the rows of `lexstance score` (long CSV, or wide with
 *               format wide), header first;
 *   "partial"   the mergeable statistics of `score --partial -`;
 *   "evidence"  every match, as compare's evidence.csv: doc, speaker,
 *               sentence, theme, term, role, matched, byte_start,
 *               byte_end, target, weight, modifiers, contribution, holder.
 * LXS_OK; LXS_EINVAL (an unknown table, language or lexicon format),
 * LXS_EDATA or LXS_EIO (a lexicon or speakers file; err names FILE:LINE),
 * LXS_ENOMEM.  *out is NULL on failure. */
LXS_API lxs_status lxs_job_run(lxs_job *j, const char *what, char **out, size_t *out_len, char *err,
                               size_t errlen);
LXS_API void lxs_text_free(char *text); /* accepts NULL */

#ifdef __cplusplus
}
#endif

#endif
