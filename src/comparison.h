/* comparison.h - the comparison `lexstance compare` reports: speakers
 * pooled across articles, their intervals and ranks, the differences of
 * every pair, and the evidence behind them.  Built once (comparison.c),
 * then rendered by format: compare_csv.c (comparison.csv,
 * differences.csv), compare_md.c (the Markdown summary), compare_html.c
 * (report.html) and chart.c (comparison.svg).  No renderer computes a
 * statistic; none writes a file (src/reportset.c does). */
#ifndef LXS_COMPARISON_H
#define LXS_COMPARISON_H

#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"
#include "escape.h" /* the renderers' text fields */
#include "lexstance.h"
#include "util.h"

/* Pairwise differences grow with the square of the speakers: they are
 * taken among this many speakers with the most sentences (ties: order of
 * appearance), which is every speaker of an ordinary article. */
#define LXS_CMP_MAX_DIFF_SPEAKERS 40

typedef struct {
  unsigned bootstrap; /* resamples of the intervals; 0: none (differences use 2000) */
  double level;       /* confidence level of every interval */
  uint64_t seed;
  int by_article; /* every row is one speaker in one article */
} lxs_cmp_opts;

typedef struct {
  char *name;  /* as found; a writer's is the byline */
  char *label; /* as the reports show it: "name (article)" for a keyed row */
  char *description;
  char *article; /* the article of a keyed row, else "" */
  int keyed;     /* one row per article: a writer, or every row with by_article */
  lxs_agg agg;   /* with resampling units */
  lxs_interval *stance_ci, *salience_ci, sentiment_ci; /* per theme */
  int *rank; /* per theme: 1 = most favourable; 0 = not ranked */
} lxs_cmp_speaker;

/* A speaker has sentences of their own; a "reported" row only holds views
 * others report ("critics say ..."). */
static inline int lxs_cmp_is_speaker(const lxs_cmp_speaker *s) { return s->agg.sentences > 0; }
static inline int lxs_cmp_is_reported(const lxs_cmp_speaker *s) {
  return s->agg.sentences == 0 && s->agg.tokens > 0;
}

/* The difference of speakers a and b (indices, a < b) on a theme. */
typedef struct {
  size_t theme, a, b;
  double difference, p_value;
  lxs_interval ci;     /* always ok: pairs without an interval are left out */
  int distinguishable; /* the interval excludes 0 and p < 1 - level */
} lxs_cmp_pair;

/* A stance match with a nonzero contribution, with its sentence (copied:
 * the model outlives the texts). */
typedef struct {
  char *doc;
  char *speaker;     /* the speaker's name in its article */
  uint32_t sentence; /* index in its document */
  size_t theme;
  char *text;                    /* the sentence */
  size_t match_start, match_end; /* the match, as offsets into text */
  char *term, *role;
  uint32_t modifiers; /* LXS_MOD_* bits (lxs_modifier_name) */
  double contribution;
} lxs_cmp_evidence;

typedef struct lxs_cmp_index lxs_cmp_index;

typedef struct {
  const lxs_lexicon *lex; /* themes and sources (borrowed) */
  lxs_cmp_opts opts;
  size_t n_themes;
  char **inputs; /* the inputs' display names, in order */
  size_t n_inputs, cap_inputs;
  lxs_cmp_speaker *speakers; /* in order of first appearance */
  size_t n_speakers, cap_speakers;
  lxs_cmp_pair *pairs; /* by theme, then a, then b */
  size_t n_pairs, cap_pairs;
  size_t n_undistinguishable;
  size_t n_with_sentences;    /* speakers with sentences of their own (the
                                 differences take LXS_CMP_MAX_DIFF_SPEAKERS) */
  lxs_cmp_evidence *evidence; /* in input order */
  size_t n_evidence, cap_evidence;
  lxs_cmp_index *index; /* the rows by identity (comparison.c) */
  lxs_buf scratch;
} lxs_comparison;

void lxs_comparison_init(lxs_comparison *c, const lxs_lexicon *lex, const lxs_cmp_opts *o);
void lxs_comparison_free(lxs_comparison *c);
/* An input's name for the reports ("corpora/x.txt" -> "x"). */
void lxs_comparison_add_input(lxs_comparison *c, const char *path);
/* Pools the speakers of one scored document (text is its text): named
 * people across documents by their identity key, each document's writer
 * apart (named by its byline).  With record_speaker, the document is one
 * speaker's (a JSONL "speaker" field): speaker 0 is that person, not a
 * writer. */
void lxs_comparison_add(lxs_comparison *c, const char *doc, const char *text, const lxs_result *res,
                        int record_speaker);
/* Intervals, ranks and differences, once every document is in. */
void lxs_comparison_finish(lxs_comparison *c);

/* Why pair p cannot be told apart, by each condition that fails ("the
 * interval includes 0", "p >= 0.05"); ge is how the format writes ">=". */
void lxs_cmp_why_not_apart(lxs_buf *b, const lxs_comparison *c, const lxs_cmp_pair *p,
                           const char *ge);
/* v with a sign and 2 decimals, "+0.00" for |v| < 0.005. */
void lxs_cmp_signed(lxs_buf *b, double v);
/* A present stance on theme t and its interval if any: "+0.40 [+0.10, +0.70]". */
void lxs_cmp_stance(lxs_buf *b, const lxs_cmp_speaker *s, size_t t);

/* ---- renderers ------------------------------------------------------------ */
void lxs_compare_csv(lxs_buf *b, const lxs_comparison *c);             /* comparison.csv */
void lxs_compare_differences_csv(lxs_buf *b, const lxs_comparison *c); /* differences.csv */
void lxs_compare_md(lxs_buf *b, const lxs_comparison *c);              /* standard output */
void lxs_compare_svg(lxs_buf *b, const lxs_comparison *c);             /* comparison.svg */
void lxs_compare_html(lxs_buf *b, const lxs_comparison *c);            /* report.html */

#endif
