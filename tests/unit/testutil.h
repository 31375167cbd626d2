/* testutil.h - shared helpers for the cmocka unit tests. */
#ifndef LXS_TESTUTIL_H
#define LXS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>

#include "lexstance.h"

/* |a - b| <= eps for doubles (cmocka 1.1.5 only compares floats). */
#define assert_near(a, b, eps)                                                                     \
  do {                                                                                             \
    double tu_a_ = (a), tu_b_ = (b);                                                               \
    if (!(fabs(tu_a_ - tu_b_) <= (eps))) fail_msg("%s = %.6f, expected %.6f", #a, tu_a_, tu_b_);   \
  } while (0)

#define TEST_EPS 1e-9

/* The scorer's squashing of raw stance and sentiment into [-1, 1]. */
static inline double test_squash(double raw) { return raw / sqrt(raw * raw + 1.0); }

/* A lexicon from TSV text only (no embedded defaults). */
static inline lxs_lexicon *test_lexicon(const char *tsv) {
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  int rc = lxs_lexicon_load_buffer(lex, "test.tsv", tsv, strlen(tsv), err, sizeof err);
  if (rc) fail_msg("lexicon: %s", err);
  return lex;
}

/* The embedded default lexicons. */
static inline lxs_lexicon *test_default_lexicon(void) {
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  if (lxs_lexicon_load_defaults(lex, err, sizeof err)) fail_msg("defaults: %s", err);
  return lex;
}

static inline int test_theme(const lxs_lexicon *lex, const char *name) {
  for (size_t i = 0; i < lxs_lexicon_theme_count(lex); i++)
    if (strcmp(lxs_lexicon_theme_name(lex, i), name) == 0) return (int)i;
  fail_msg("no theme %s", name);
  return -1;
}

/* Raw stance of theme in the whole text taken as one document. */
static inline double test_doc_stance(lxs_scorer *sc, const lxs_lexicon *lex, const char *text,
                                     const char *theme, int *present) {
  lxs_options opt = {0};
  const lxs_result *r = lxs_scorer_run(sc, text, strlen(text), &opt);
  lxs_agg *a = lxs_agg_new(r->n_themes, 0);
  for (size_t s = 0; s < r->n_sentences; s++)
    assert_int_equal(lxs_agg_add_sentence(a, r, s), LXS_OK);
  double v = lxs_agg_stance(a, (size_t)test_theme(lex, theme), present);
  lxs_agg_free(a);
  return v;
}

/* Score text (NUL-terminated) as one document without speaker detection. */
static inline const lxs_result *test_run(lxs_scorer *sc, const char *text) {
  lxs_options opt = {0};
  const lxs_result *r = lxs_scorer_run(sc, text, strlen(text), &opt);
  assert_non_null(r);
  return r;
}

static inline lxs_scorer *test_scorer(const lxs_lexicon *lex) {
  char err[256];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) fail_msg("scorer: %s", err);
  return sc;
}

/* The score of theme (by name) in sentence s. */
static inline const lxs_theme_score *test_score(const lxs_result *r, const lxs_lexicon *lex,
                                                size_t s, const char *theme) {
  assert_true(s < r->n_sentences);
  return &r->scores[s * r->n_themes + (size_t)test_theme(lex, theme)];
}

/* The first evidence row with this theme (NULL: sentiment), role and term;
 * fails the test when there is none. */
static inline const lxs_evidence *test_evidence(const lxs_result *r, const lxs_lexicon *lex,
                                                const char *theme, const char *role,
                                                const char *term) {
  uint32_t th = theme ? (uint32_t)test_theme(lex, theme) : LXS_THEME_NONE;
  for (size_t i = 0; i < r->n_evidence; i++) {
    const lxs_evidence *e = &r->evidence[i];
    if (e->theme == th && strcmp(e->role, role) == 0 && strcmp(e->term, term) == 0) return e;
  }
  fail_msg("no evidence row theme=%s role=%s term=%s", theme ? theme : "sentiment", role, term);
  return NULL;
}

/* Asserts that text[start, end) is exactly want. */
#define assert_span(text, start, end, want)                                                        \
  do {                                                                                             \
    size_t tu_s_ = (start), tu_e_ = (end);                                                         \
    const char *tu_w_ = (want);                                                                    \
    if (tu_e_ < tu_s_ || tu_e_ - tu_s_ != strlen(tu_w_) ||                                         \
        memcmp((text) + tu_s_, tu_w_, tu_e_ - tu_s_) != 0)                                         \
      fail_msg("span [%zu,%zu) is '%.*s', expected '%s'", tu_s_, tu_e_,                            \
               (int)(tu_e_ >= tu_s_ ? tu_e_ - tu_s_ : 0), (text) + tu_s_, tu_w_);                  \
  } while (0)

#endif
