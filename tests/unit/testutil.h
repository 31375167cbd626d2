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

#include "lexstance.h"

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
static inline double test_doc_stance(lxs_scorer *sc, const lxs_lexicon *lex,
                                     const char *text, const char *theme,
                                     int *present) {
  lxs_options opt = {0};
  const lxs_result *r = lxs_scorer_run(sc, text, strlen(text), &opt);
  lxs_agg a;
  lxs_agg_init(&a, r->n_themes);
  for (size_t s = 0; s < r->n_sentences; s++) lxs_agg_add_sentence(&a, r, s);
  double v = lxs_agg_stance(&a, (size_t)test_theme(lex, theme), present);
  lxs_agg_free(&a);
  return v;
}

#endif
