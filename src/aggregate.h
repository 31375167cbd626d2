/* aggregate.h - stage 6 inside the library: the aggregate's fields and
 * the unguarded functions the CLI and the library use on aggregates they
 * keep in place (arrays of them, struct members).  The public API
 * (lexstance.h) is lxs_agg_new and the guarded lxs_agg_add_* over the
 * same code.  None of these report out of memory: outside a public call
 * only the CLI, whose handler exits, calls them. */
#ifndef LXS_AGGREGATE_H
#define LXS_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "lexstance.h"

struct lxs_agg {
  size_t tokens;
  size_t sentences;
  double sentiment_sum; /* over sentences with sentiment hits */
  size_t sentiment_n;
  size_t n_themes;
  uint32_t *mentions; /* per theme */
  double *stance_sum; /* per theme, over mentioning sentences */
  uint32_t *stance_n; /* sentences mentioning the theme */
  /* Resampling units (when keep_samples): one per sentence, or one per
   * document when merged from partial results.  Each holds the same sums
   * as the totals above, so a resample's statistic is a ratio of sums. */
  int keep_samples;
  size_t n_samples, cap_samples;
  uint32_t *s_tokens;      /* [n_samples] */
  double *s_sentiment_sum; /* [n_samples] */
  uint32_t *s_sentiment_n; /* [n_samples] */
  uint32_t *s_mentions;    /* [n_samples * n_themes] */
  double *s_stance_sum;    /* [n_samples * n_themes] */
  uint32_t *s_stance_n;    /* [n_samples * n_themes] */
  int borrowed;            /* the per-theme arrays are the caller's (lxs_agg_init_in) */
};

/* An aggregate in place: init, then clear to release its arrays. */
void lxs_agg_init(lxs_agg *a, size_t n_themes);
/* The same with the per-theme arrays in the caller's zeroed block (e.g. on
 * the stack, for an aggregate made and dropped per document) of
 * LXS_AGG_BLOCK_DOUBLES(n_themes) doubles, which lxs_agg_clear leaves;
 * a NULL block is lxs_agg_init. */
#define LXS_AGG_BLOCK_DOUBLES(n_themes) (2 * ((n_themes) + 1))
void lxs_agg_init_in(lxs_agg *a, size_t n_themes, double *block);
void lxs_agg_clear(lxs_agg *a);

/* The unguarded forms of lxs_agg_add_* (same arguments, no checks). */
void lxs_agg_sum_part(lxs_agg *a, const lxs_result *r, size_t sentence, int part);
void lxs_agg_sum_sentence(lxs_agg *a, const lxs_result *r, size_t sentence);
void lxs_agg_sum_speaker(lxs_agg *a, const lxs_result *r, uint32_t sp);
/* aggs is an array here: aggs[sp] for each speaker. */
void lxs_agg_sum_speakers(lxs_agg *aggs, const lxs_result *r);
void lxs_agg_sum_unit(lxs_agg *a, size_t tokens, size_t sentences, double sentiment_sum,
                      size_t sentiment_n, const uint32_t *mentions, const double *stance_sum,
                      const uint32_t *stance_n);
void lxs_agg_sum_agg(lxs_agg *into, const lxs_agg *from);

#endif
