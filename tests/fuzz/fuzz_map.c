/* libFuzzer target: --map files ("category<TAB>theme[:pole]" lines) on
 * arbitrary bytes, then a LIWC dictionary loaded through what was read.
 * A map loads or fails with "fuzz.map:LINE: ..."; a dictionary loaded with
 * any map it accepted gives entries in [-1, 1] and scores. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexformat.h"
#include "lexstance.h"

static const char kDic[] = "%\n1\tposemo\n2\tnegemo\n3\ttrade\n4\tSkip Me\n%\n"
                           "good\t1\nbad*\t2\nwto\t3\nfree trade\t3\t1\ntariff*\t2\t4\n";

static void on_entry(void *ud, const lxs_dict_entry *e) {
  (void)ud;
  if (!e->term || !e->term[0] || !(fabs(e->weight) <= 1.0)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  lxs_mapping *map = lxs_mapping_new();
  err[0] = '\0';
  int rc = lxs_mapping_load_buffer(map, "fuzz.map", (const char *)data, size, err, sizeof err);
  if (rc != LXS_OK && strncmp(err, "fuzz.map:", 9) != 0) abort();
  if (rc == LXS_OK) {
    lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
    lxs_load_opts opts = {"liwc", map, NULL, on_entry, NULL};
    rc = lxs_lexicon_load_any_buffer(lex, "fuzz.dic", kDic, sizeof kDic - 1, &opts, err,
                                     sizeof err);
    if (rc != LXS_OK && strncmp(err, "fuzz.dic:", 9) != 0) abort();
    if (rc == LXS_OK && lxs_lexicon_theme_count(lex) > 0) {
      lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
      static const char kText[] = "Free trade at the WTO is good; tariffs are bad.";
      lxs_options opt = {0};
      const lxs_result *r = lxs_scorer_run(sc, kText, sizeof kText - 1, &opt);
      for (size_t s = 0; s < r->n_sentences; s++)
        for (size_t t = 0; t < r->n_themes; t++)
          if (!(fabs(r->scores[s * r->n_themes + t].stance) <= 1.0)) abort();
      lxs_scorer_free(sc);
    }
    lxs_lexicon_free(lex);
  }
  lxs_mapping_free(map);
  return 0;
}
