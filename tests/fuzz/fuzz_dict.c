/* libFuzzer target: the imported dictionary readers (LIWC .dic, LIWC-22
 * .dicx, Lexicoder, WordStat, quanteda YAML, VADER lexicon) on arbitrary
 * bytes.  The first byte picks the format, the rest is the file.  A load
 * succeeds or fails with a "NAME:..." error; every entry it accepts has a
 * term and a finite weight in [-1, 1]; what loads can score a sentence. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexformat.h"
#include "lexstance.h"

static const struct {
  const char *format, *name;
} kFormats[] = {
    {"liwc", "fuzz.dic"},     {"dicx", "fuzz.dicx"}, {"lexicoder", "fuzz.lc3"},
    {"wordstat", "fuzz.cat"}, {"yaml", "fuzz.yml"},  {"vader", "fuzz_vader.txt"},
};

static void on_warn(void *ud, const char *file, uint32_t line, const char *msg) {
  (void)line;
  if (strcmp(file, (const char *)ud) != 0 || !msg[0]) abort();
}

static void on_entry(void *ud, const lxs_dict_entry *e) {
  (void)ud;
  if (!e->term || !e->term[0] || !e->theme || !e->role) abort();
  if (!(fabs(e->weight) <= 1.0)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static lxs_mapping *map;
  char err[512];
  if (!map) { /* some categories mapped, the rest counted LIWC-style */
    static const char *const kSpecs[] = {"posemo=sentiment:+",      "negemo=sentiment:-",
                                         "trade=multilateralism:-", "tariff=us_protectionism",
                                         "1=global_south:+",        "skip=-"};
    map = lxs_mapping_new();
    for (size_t i = 0; i < sizeof kSpecs / sizeof *kSpecs; i++)
      if (lxs_mapping_add_spec(map, kSpecs[i], err, sizeof err)) abort();
  }
  if (size < 1) return 0;
  size_t f = data[0] % (sizeof kFormats / sizeof *kFormats);
  const char *name = kFormats[f].name;
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  lxs_load_opts opts = {kFormats[f].format, (data[0] & 0x80) ? NULL : map, on_warn, on_entry,
                        (void *)name};
  err[0] = '\0';
  int rc = lxs_lexicon_load_any_buffer(lex, name, (const char *)data + 1, size - 1, &opts, err,
                                       sizeof err);
  size_t nl = strlen(name);
  if (rc != LXS_OK && (strncmp(err, name, nl) != 0 || (err[nl] != ':'))) abort();
  if (rc == LXS_OK && lxs_lexicon_theme_count(lex) > 0) {
    lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
    static const char kText[] = "Trade is not good, but tariffs hurt the poor; happy :) days.";
    lxs_options opt = {0};
    const lxs_result *r = lxs_scorer_run(sc, kText, sizeof kText - 1, &opt);
    for (size_t e = 0; e < r->n_evidence; e++)
      if (r->evidence[e].end > sizeof kText - 1 || !isfinite(r->evidence[e].contribution)) abort();
    lxs_scorer_free(sc);
  }
  lxs_lexicon_free(lex);
  return 0;
}
