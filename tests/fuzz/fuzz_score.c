/* libFuzzer target: the scorer end to end (default lexicons, speaker
 * segmentation, aggregation, bootstrap) on arbitrary bytes. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_scorer.h"
#include "lexstance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lxs_scorer *sc = fuzz_default_scorer();
  lxs_options opt = {1};
  const lxs_result *r = lxs_scorer_run(sc, (const char *)data, size, &opt);
  for (size_t s = 0; s < r->n_sentences; s++) {
    if (r->sentences[s].speaker >= r->n_speakers) abort();
    if (!(fabs(r->sentences[s].sentiment) <= 1.0)) abort();
    for (size_t t = 0; t < r->n_themes; t++)
      if (!(fabs(r->scores[s * r->n_themes + t].stance) <= 1.0)) abort();
  }
  for (size_t e = 0; e < r->n_evidence; e++)
    if (r->evidence[e].end > size || r->evidence[e].start > r->evidence[e].end) abort();
  lxs_agg *a = lxs_agg_new(r->n_themes, 1);
  for (size_t sp = 0; sp < r->n_speakers; sp++)
    if (lxs_agg_add_speaker(a, r, (uint32_t)sp) != LXS_OK) abort();
  lxs_interval st[64], sa[64], se;
  if (r->n_themes <= 64 && lxs_bootstrap(a, 20, 0.9, 7, st, sa, &se) != LXS_OK) abort();
  lxs_agg_free(a);
  return 0;
}
