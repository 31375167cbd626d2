/* libFuzzer target: the TSV lexicon reader on arbitrary bytes.  A load
 * either succeeds or fails with a "NAME:LINE: message" error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexstance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  err[0] = '\0';
  int rc = lxs_lexicon_load_buffer(lex, "fuzz.tsv", (const char *)data, size, err, sizeof err);
  if (rc != LXS_OK && strncmp(err, "fuzz.tsv:", 9) != 0) abort();
  if (rc == LXS_OK && lxs_lexicon_theme_count(lex) > 0) {
    /* Score a fixed sentence with whatever loaded. */
    lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
    static const char kText[] = "The WTO is not a failure, but tariffs hurt the Global South.";
    lxs_options opt = {0};
    lxs_scorer_run(sc, kText, sizeof kText - 1, &opt);
    lxs_scorer_free(sc);
  }
  lxs_lexicon_free(lex);
  return 0;
}
