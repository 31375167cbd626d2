/* aggregate.c - stage 6: per-unit totals (speaker, document, sentence).
 *
 * stance    = mean sentence stance over sentences that mention the theme
 * salience  = theme mentions per 1,000 word tokens
 * sentiment = mean sentence sentiment over sentences with sentiment terms */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "util.h"

/* One block for the three per-theme arrays (an aggregate is made per
 * document in large runs): the doubles first, for their alignment. */
_Static_assert(sizeof(double) == 2 * sizeof(uint32_t),
               "LXS_AGG_BLOCK_DOUBLES holds the three arrays");

void lxs_agg_init_in(lxs_agg *a, size_t n_themes, double *block) {
  memset(a, 0, sizeof *a);
  a->n_themes = n_themes;
  size_t n = n_themes + 1;
  a->borrowed = block != NULL;
  if (!block) block = lxs_xcalloc(LXS_AGG_BLOCK_DOUBLES(n_themes), sizeof(double));
  a->stance_sum = block;
  a->mentions = (void *)((char *)block + n * sizeof(double));
  a->stance_n = a->mentions + n;
}

void lxs_agg_init(lxs_agg *a, size_t n_themes) { lxs_agg_init_in(a, n_themes, NULL); }

void lxs_agg_clear(lxs_agg *a) {
  if (!a) return;
  free(a->s_tokens);
  free(a->s_sentiment_sum);
  free(a->s_sentiment_n);
  free(a->s_mentions);
  free(a->s_stance_sum);
  free(a->s_stance_n);
  if (!a->borrowed) free(a->stance_sum); /* the block of all three (lxs_agg_init) */
  memset(a, 0, sizeof *a);
}

void lxs_agg_reset(lxs_agg *a) {
  a->tokens = a->sentences = a->sentiment_n = 0;
  a->sentiment_sum = 0;
  memset(a->mentions, 0, a->n_themes * sizeof *a->mentions);
  memset(a->stance_sum, 0, a->n_themes * sizeof *a->stance_sum);
  memset(a->stance_n, 0, a->n_themes * sizeof *a->stance_n);
  a->n_samples = 0;
}

static void add_sample(lxs_agg *a) {
  if (a->n_samples == a->cap_samples) {
    size_t nc = a->cap_samples ? a->cap_samples * 2 : 32, nt = a->n_themes + 1;
    a->s_tokens = lxs_xrealloc(a->s_tokens, nc * sizeof *a->s_tokens);
    a->s_sentiment_sum = lxs_xrealloc(a->s_sentiment_sum, nc * sizeof *a->s_sentiment_sum);
    a->s_sentiment_n = lxs_xrealloc(a->s_sentiment_n, nc * sizeof *a->s_sentiment_n);
    a->s_mentions = lxs_xrealloc(a->s_mentions, nc * nt * sizeof *a->s_mentions);
    a->s_stance_sum = lxs_xrealloc(a->s_stance_sum, nc * nt * sizeof *a->s_stance_sum);
    a->s_stance_n = lxs_xrealloc(a->s_stance_n, nc * nt * sizeof *a->s_stance_n);
    a->cap_samples = nc;
  }
  size_t i = a->n_samples++;
  a->s_tokens[i] = 0;
  a->s_sentiment_sum[i] = 0;
  a->s_sentiment_n[i] = 0;
  memset(a->s_mentions + i * a->n_themes, 0, a->n_themes * sizeof *a->s_mentions);
  memset(a->s_stance_sum + i * a->n_themes, 0, a->n_themes * sizeof *a->s_stance_sum);
  memset(a->s_stance_n + i * a->n_themes, 0, a->n_themes * sizeof *a->s_stance_n);
}

void lxs_agg_sum_unit(lxs_agg *a, size_t tokens, size_t sentences, double sentiment_sum,
                      size_t sentiment_n, const uint32_t *mentions, const double *stance_sum,
                      const uint32_t *stance_n) {
  a->tokens += tokens;
  a->sentences += sentences;
  a->sentiment_sum += sentiment_sum;
  a->sentiment_n += sentiment_n;
  size_t si = 0;
  if (a->keep_samples) {
    add_sample(a);
    si = a->n_samples - 1;
    a->s_tokens[si] = (uint32_t)tokens;
    a->s_sentiment_sum[si] = sentiment_sum;
    a->s_sentiment_n[si] = (uint32_t)sentiment_n;
  }
  for (size_t t = 0; t < a->n_themes; t++) {
    a->mentions[t] += mentions[t];
    a->stance_sum[t] += stance_sum[t];
    a->stance_n[t] += stance_n[t];
    if (a->keep_samples) {
      a->s_mentions[si * a->n_themes + t] = mentions[t];
      a->s_stance_sum[si * a->n_themes + t] = stance_sum[t];
      a->s_stance_n[si * a->n_themes + t] = stance_n[t];
    }
  }
}

void lxs_agg_sum_part(lxs_agg *a, const lxs_result *r, size_t s, int part) {
  const lxs_sentence *se = &r->sentences[s];
  if (se->flags & LXS_SENTENCE_HEADER) return;
  size_t si = 0;
  if (a->keep_samples) {
    add_sample(a);
    si = a->n_samples - 1;
    a->s_tokens[si] = se->tokens;
    if (part != LXS_PART_HELD && se->sentiment_hits) {
      a->s_sentiment_sum[si] = se->sentiment;
      a->s_sentiment_n[si] = 1;
    }
  }
  a->tokens += se->tokens;
  if (part != LXS_PART_HELD) {
    /* The sentence and its tone belong to whoever speaks it. */
    a->sentences++;
    if (se->sentiment_hits) {
      a->sentiment_sum += se->sentiment;
      a->sentiment_n++;
    }
  }
  for (size_t t = 0; t < a->n_themes && t < r->n_themes; t++) {
    const lxs_theme_score *ts = &r->scores[s * r->n_themes + t];
    uint32_t m;
    double raw;
    if (part == LXS_PART_ALL) {
      m = ts->mentions;
      raw = ts->raw;
    } else if (part == LXS_PART_OWN) {
      m = ts->mentions - ts->held_mentions;
      raw = ts->raw - ts->held_raw;
    } else {
      m = ts->held_mentions;
      raw = ts->held_raw;
    }
    if (!m) continue;
    double st = part == LXS_PART_ALL ? ts->stance : raw / sqrt(raw * raw + 1.0);
    a->mentions[t] += m;
    a->stance_sum[t] += st;
    a->stance_n[t]++;
    if (a->keep_samples) {
      a->s_mentions[si * a->n_themes + t] = m;
      a->s_stance_sum[si * a->n_themes + t] = st;
      a->s_stance_n[si * a->n_themes + t] = 1;
    }
  }
}

void lxs_agg_sum_sentence(lxs_agg *a, const lxs_result *r, size_t s) {
  lxs_agg_sum_part(a, r, s, LXS_PART_ALL);
}

/* Sentence s to its speaker's aggregate (spk), and the part a reported
 * view's holder holds to theirs (held); either may be NULL. */
static void sum_to_speakers(lxs_agg *spk, lxs_agg *held, const lxs_result *r, size_t s) {
  const lxs_sentence *se = &r->sentences[s];
  if (spk) lxs_agg_sum_part(spk, r, s, se->holder == LXS_NO_HOLDER ? LXS_PART_ALL : LXS_PART_OWN);
  if (held) lxs_agg_sum_part(held, r, s, LXS_PART_HELD);
}

/* The holder of sentence s's reported view, if another speaker. */
static int has_holder(const lxs_result *r, size_t s) {
  const lxs_sentence *se = &r->sentences[s];
  return se->holder != LXS_NO_HOLDER && se->holder != se->speaker && se->holder < r->n_speakers;
}

void lxs_agg_sum_speakers(lxs_agg *aggs, const lxs_result *r) {
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    sum_to_speakers(se->speaker < r->n_speakers ? &aggs[se->speaker] : NULL,
                    has_holder(r, s) ? &aggs[se->holder] : NULL, r, s);
  }
}

/* The same over an array of pointers (the public lxs_agg_add_speakers). */
static void sum_speakers_at(lxs_agg *const *aggs, const lxs_result *r) {
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    sum_to_speakers(se->speaker < r->n_speakers ? aggs[se->speaker] : NULL,
                    has_holder(r, s) ? aggs[se->holder] : NULL, r, s);
  }
}

void lxs_agg_sum_speaker(lxs_agg *a, const lxs_result *r, uint32_t sp) {
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    if (se->speaker == sp)
      lxs_agg_sum_part(a, r, s, se->holder == LXS_NO_HOLDER ? LXS_PART_ALL : LXS_PART_OWN);
    if (se->holder == sp && se->holder != se->speaker) lxs_agg_sum_part(a, r, s, LXS_PART_HELD);
  }
}

void lxs_agg_sum_agg(lxs_agg *into, const lxs_agg *from) {
  if (into->keep_samples && from->keep_samples) {
    for (size_t i = 0; i < from->n_samples; i++) {
      add_sample(into);
      size_t k = into->n_samples - 1;
      into->s_tokens[k] = from->s_tokens[i];
      into->s_sentiment_sum[k] = from->s_sentiment_sum[i];
      into->s_sentiment_n[k] = from->s_sentiment_n[i];
      for (size_t t = 0; t < into->n_themes && t < from->n_themes; t++) {
        into->s_mentions[k * into->n_themes + t] = from->s_mentions[i * from->n_themes + t];
        into->s_stance_sum[k * into->n_themes + t] = from->s_stance_sum[i * from->n_themes + t];
        into->s_stance_n[k * into->n_themes + t] = from->s_stance_n[i * from->n_themes + t];
      }
    }
  }
  into->tokens += from->tokens;
  into->sentences += from->sentences;
  into->sentiment_sum += from->sentiment_sum;
  into->sentiment_n += from->sentiment_n;
  for (size_t t = 0; t < into->n_themes && t < from->n_themes; t++) {
    into->mentions[t] += from->mentions[t];
    into->stance_sum[t] += from->stance_sum[t];
    into->stance_n[t] += from->stance_n[t];
  }
}

double lxs_agg_stance(const lxs_agg *a, size_t t, int *present) {
  if (t >= a->n_themes || a->stance_n[t] == 0) {
    if (present) *present = 0;
    return 0;
  }
  if (present) *present = 1;
  return a->stance_sum[t] / a->stance_n[t];
}

double lxs_agg_salience(const lxs_agg *a, size_t t) {
  if (t >= a->n_themes || a->tokens == 0) return 0;
  return 1000.0 * a->mentions[t] / (double)a->tokens;
}

double lxs_agg_sentiment(const lxs_agg *a) {
  return a->sentiment_n ? a->sentiment_sum / a->sentiment_n : 0;
}

/* ---- the public API: checked and guarded (util.h) ------------------------ */

lxs_agg *lxs_agg_new(size_t n_themes, int keep_samples) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return NULL;
  lxs_agg *a = lxs_xmalloc(sizeof *a);
  lxs_agg_init(a, n_themes);
  a->keep_samples = keep_samples != 0;
  lxs_guard_leave(&g);
  return a;
}

void lxs_agg_free(lxs_agg *a) {
  lxs_agg_clear(a);
  free(a);
}

/* The public add functions: what to add, checked, then done under a
 * guard. */
typedef enum { ADD_PART, ADD_SPEAKER, ADD_SPEAKERS, ADD_UNIT, ADD_AGG } add_kind;
typedef struct {
  add_kind kind;
  lxs_agg *a;
  lxs_agg *const *aggs;
  const lxs_result *r;
  size_t index; /* sentence or speaker */
  int part;
  const lxs_agg *from;
  size_t tokens, sentences, sentiment_n;
  double sentiment_sum;
  const uint32_t *mentions, *stance_n;
  const double *stance_sum;
} add_args;

static lxs_status check_add(const add_args *x) {
  switch (x->kind) {
  case ADD_PART:
    return x->index < x->r->n_sentences &&
                   (x->part == LXS_PART_ALL || x->part == LXS_PART_OWN || x->part == LXS_PART_HELD)
               ? LXS_OK
               : LXS_EINVAL;
  case ADD_SPEAKER: return x->index < x->r->n_speakers ? LXS_OK : LXS_EINVAL;
  case ADD_AGG: return x->from->n_themes == x->a->n_themes ? LXS_OK : LXS_EINVAL;
  default: return LXS_OK;
  }
}

static void do_add(const add_args *x) {
  switch (x->kind) {
  case ADD_PART: lxs_agg_sum_part(x->a, x->r, x->index, x->part); break;
  case ADD_SPEAKER: lxs_agg_sum_speaker(x->a, x->r, (uint32_t)x->index); break;
  case ADD_SPEAKERS: sum_speakers_at(x->aggs, x->r); break;
  case ADD_UNIT:
    lxs_agg_sum_unit(x->a, x->tokens, x->sentences, x->sentiment_sum, x->sentiment_n, x->mentions,
                     x->stance_sum, x->stance_n);
    break;
  case ADD_AGG: lxs_agg_sum_agg(x->a, x->from); break;
  }
}

static lxs_status guarded_add(const add_args *x) {
  lxs_status rc = check_add(x);
  if (rc) return rc;
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return LXS_ENOMEM;
  do_add(x);
  lxs_guard_leave(&g);
  return LXS_OK;
}

lxs_status lxs_agg_add_part(lxs_agg *a, const lxs_result *r, size_t sentence, int part) {
  return guarded_add(
      &(add_args){.kind = ADD_PART, .a = a, .r = r, .index = sentence, .part = part});
}

lxs_status lxs_agg_add_sentence(lxs_agg *a, const lxs_result *r, size_t sentence) {
  return lxs_agg_add_part(a, r, sentence, LXS_PART_ALL);
}

lxs_status lxs_agg_add_speaker(lxs_agg *a, const lxs_result *r, uint32_t sp) {
  return guarded_add(&(add_args){.kind = ADD_SPEAKER, .a = a, .r = r, .index = sp});
}

lxs_status lxs_agg_add_speakers(lxs_agg *const *aggs, const lxs_result *r) {
  return guarded_add(&(add_args){.kind = ADD_SPEAKERS, .aggs = aggs, .r = r});
}

lxs_status lxs_agg_add_unit(lxs_agg *a, size_t tokens, size_t sentences, double sentiment_sum,
                            size_t sentiment_n, const uint32_t *mentions, const double *stance_sum,
                            const uint32_t *stance_n) {
  return guarded_add(&(add_args){.kind = ADD_UNIT,
                                 .a = a,
                                 .tokens = tokens,
                                 .sentences = sentences,
                                 .sentiment_sum = sentiment_sum,
                                 .sentiment_n = sentiment_n,
                                 .mentions = mentions,
                                 .stance_sum = stance_sum,
                                 .stance_n = stance_n});
}

lxs_status lxs_agg_merge(lxs_agg *into, const lxs_agg *from) {
  return guarded_add(&(add_args){.kind = ADD_AGG, .a = into, .from = from});
}

size_t lxs_agg_theme_count(const lxs_agg *a) { return a->n_themes; }
size_t lxs_agg_tokens(const lxs_agg *a) { return a->tokens; }
size_t lxs_agg_sentences(const lxs_agg *a) { return a->sentences; }
size_t lxs_agg_mentions(const lxs_agg *a, size_t t) { return t < a->n_themes ? a->mentions[t] : 0; }
