/* fuzz_scorer.h - the scorer the scoring fuzz targets share: the default
 * lexicons, built on the first input and kept for the process (libFuzzer
 * runs one input at a time on one thread). */
#ifndef LXS_FUZZ_SCORER_H
#define LXS_FUZZ_SCORER_H

#include <stdlib.h>

#include "lexstance.h"

static lxs_scorer *fuzz_default_scorer(void) {
  static lxs_scorer *sc;
  if (!sc) {
    char err[512];
    lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
    if (!lex || lxs_lexicon_load_defaults(lex, err, sizeof err)) abort();
    sc = lxs_scorer_new(lex, err, sizeof err);
    if (!sc) abort();
  }
  return sc;
}

#endif
