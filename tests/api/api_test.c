/* api_test.c - the public API as a program outside the source tree sees
 * it: compiled against the installed lexstance.h and linked with
 * `pkg-config --cflags --libs lexstance` only (tests/api/run.sh), as
 * cmark's api_test.  Prints "ok NAME" or "not ok NAME" per check and
 * exits 1 if any failed. */
#include <lexstance.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check(int cond, const char *name) {
  printf("%s api-%s\n", cond ? "ok" : "not ok", name);
  if (!cond) failures++;
}

static int near(double a, double b) { return fabs(a - b) < 5e-5; }

static const char kLexicon[] = "wto\tmultilateralism\ttarget\t1\n"
                               "tariff\tus_protectionism\ttarget\t1\n"
                               "trade war\tus_protectionism\tstance\t-0.5\n"
                               "global south\tglobal_south\ttarget\t1\n"
                               "developing countries\tglobal_south\ttarget\t1\n"
                               "good\tsentiment\teval\t0.5\n"
                               "strong\tsentiment\teval\t0.5\n"
                               "harmful\tsentiment\teval\t-0.7\n"
                               "erosion\tsentiment\tharm\t-0.6\n"
                               "not\t-\tnegator\t-0.75\n"
                               "very\t-\tintensifier\t1.5\n"
                               "but\t-\tcontrast\t1.5\n";

static const char kArticle[] =
    "Ministers met in Lima on Monday. The WTO is good for developing countries.\n\n"
    "Ana Ruiz, trade minister of Peru\n\n"
    "The erosion of the WTO worries her. Tariffs are very harmful.\n\n"
    "Speaker: Tom Reed, economist at the Example Institute\n\n"
    "Tariffs are good, but the trade war goes on. The Global South is not strong.\n";

static void version_and_status(void) {
  check(lxs_version() == LXS_VERSION_NUMBER, "version-number");
  check(strcmp(lxs_version_string(), LXS_VERSION) == 0, "version-string");
  check(strcmp(lxs_status_string(LXS_ENOMEM), "out of memory") == 0, "status-string");
  check(strcmp(lxs_status_string(LXS_EDATA), "malformed data") == 0, "status-string-data");
}

static lxs_lexicon *lexicon(void) {
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  check(lex != NULL, "lexicon-new");
  check(lxs_lexicon_new("klingon", err, sizeof err) == NULL &&
            strcmp(err, "unknown stemmer language 'klingon'") == 0,
        "lexicon-unknown-language");
  lxs_status rc = lxs_lexicon_load_buffer(lex, "api.tsv", kLexicon, strlen(kLexicon), err,
                                          sizeof err);
  check(rc == LXS_OK, "lexicon-load-buffer");
  check(lxs_lexicon_theme_count(lex) == 3, "lexicon-themes");
  check(strcmp(lxs_lexicon_theme_name(lex, 1), "us_protectionism") == 0 &&
            lxs_lexicon_theme_name(lex, 3) == NULL,
        "lexicon-theme-name");
  check(lxs_lexicon_entry_count(lex) == 12, "lexicon-entries");
  rc = lxs_lexicon_load_buffer(lex, "bad.tsv", "wto\tx\ttarget\n", 14, err, sizeof err);
  check(rc == LXS_EDATA && strncmp(err, "bad.tsv:1: ", 11) == 0, "lexicon-bad-line");
  rc = lxs_lexicon_load_file(lex, "/nonexistent/x.tsv", err, sizeof err);
  check(rc == LXS_EIO && strstr(err, "/nonexistent/x.tsv") != NULL, "lexicon-missing-file");
  lxs_lexicon *defaults = lxs_lexicon_new("english", err, sizeof err);
  rc = lxs_lexicon_load_defaults(defaults, err, sizeof err);
  check(rc == LXS_OK && lxs_lexicon_theme_count(defaults) >= 3 &&
            strcmp(lxs_lexicon_theme_name(defaults, 0), "multilateralism") == 0,
        "lexicon-defaults");
  lxs_lexicon_free(defaults);
  lxs_lexicon_free(NULL);
  return lex;
}

static double speaker_stance(const lxs_result *r, uint32_t sp, size_t t, int *present) {
  lxs_agg *a = lxs_agg_new(r->n_themes, 0);
  lxs_agg_add_speaker(a, r, sp);
  double v = lxs_agg_stance(a, t, present);
  lxs_agg_free(a);
  return v;
}

static void scoring(lxs_lexicon *lex) {
  char err[256];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  check(sc != NULL, "scorer-new");
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  const char *alias[] = {"Reed"};
  check(lxs_speaker_hints_add(h, "Tom Reed", alias, 1) == LXS_OK && lxs_speaker_hints_count(h) == 1,
        "hints-add");
  check(lxs_speaker_hints_load_buffer(h, "h.tsv", "Ana Ruiz\tRuiz\n", 14, err, sizeof err) ==
                LXS_OK &&
            lxs_speaker_hints_count(h) == 2,
        "hints-load-buffer");
  check(lxs_speaker_hints_load_buffer(h, "h.tsv", "\tRuiz\n", 6, err, sizeof err) == LXS_EDATA &&
            strcmp(err, "h.tsv:1: empty speaker name") == 0,
        "hints-bad-line");
  lxs_options opt = {.segment_speakers = 1, .speakers = h};
  const lxs_result *r = lxs_scorer_run(sc, kArticle, strlen(kArticle), &opt);
  check(r != NULL && r->n_themes == 3 && r->n_speakers == 3, "run");
  check(strcmp(r->speakers[0].name, "author") == 0 &&
            strcmp(r->speakers[1].name, "Ana Ruiz") == 0 &&
            strcmp(r->speakers[1].description, "trade minister of Peru") == 0 &&
            strcmp(r->speakers[2].name, "Tom Reed") == 0,
        "run-speakers");
  int present;
  double v = speaker_stance(r, 1, 1, &present);
  check(present && near(v, -0.7241), "speaker-stance"); /* "Tariffs are very harmful." */
  speaker_stance(r, 1, 2, &present);
  check(!present, "speaker-absent-theme");
  v = speaker_stance(r, 2, 2, &present);
  check(present && near(v, -0.3511), "speaker-negated");
  check(lxs_stance_class(-0.3511) == -1 && lxs_stance_class(0.01) == 0, "stance-class");
  int found = 0;
  for (size_t i = 0; i < r->n_evidence; i++) {
    const lxs_evidence *e = &r->evidence[i];
    if (strcmp(e->term, "harmful") == 0 && (e->modifiers & LXS_MOD_INTENSIFIED))
      found = memcmp(kArticle + e->start, "harmful", 7) == 0 &&
              memcmp(kArticle + e->target_start, "Tariffs", 7) == 0;
  }
  check(found, "evidence-offsets");
  /* all speakers at once, a corpus total, intervals and a difference */
  lxs_agg *aggs[3], *all = lxs_agg_new(r->n_themes, 1);
  for (int i = 0; i < 3; i++) aggs[i] = lxs_agg_new(r->n_themes, 1);
  check(lxs_agg_add_speakers(aggs, r) == LXS_OK, "agg-add-speakers");
  check(lxs_agg_sentences(aggs[1]) == 2 && lxs_agg_tokens(aggs[1]) == 11 &&
            lxs_agg_mentions(aggs[2], 1) == 2 && near(lxs_agg_salience(aggs[2], 1), 133.3333),
        "agg-accessors");
  for (int i = 0; i < 3; i++) lxs_agg_merge(all, aggs[i]);
  check(lxs_agg_sentences(all) == 6 && lxs_agg_theme_count(all) == 3, "agg-merge");
  lxs_interval st[3], sa[3], se;
  check(lxs_bootstrap(all, 200, 0.95, 1, st, sa, &se) == LXS_OK && st[1].ok && st[1].lo <= st[1].hi,
        "bootstrap");
  double d = 0, p = 0;
  lxs_interval ci;
  check(lxs_stance_difference(aggs[1], aggs[2], 1, 200, 0.95, lxs_seed_mix(1, "x"), &d, &ci, &p) ==
                LXS_OK &&
            ci.ok && near(d, -0.7241 - -0.4472) && p > 0 && p <= 1,
        "stance-difference");
  check(lxs_stance_difference(aggs[1], aggs[2], 2, 200, 0.95, 1, &d, &ci, &p) == LXS_OK && !ci.ok,
        "stance-difference-undefined");
  check(lxs_stance_difference(aggs[1], aggs[2], 9, 200, 0.95, 1, &d, &ci, &p) == LXS_EINVAL,
        "stance-difference-bad-theme");
  check(lxs_agg_add_sentence(all, r, r->n_sentences) == LXS_EINVAL, "agg-bad-sentence");
  lxs_agg_reset(all);
  check(lxs_agg_sentences(all) == 0 && lxs_agg_sentiment(all) == 0, "agg-reset");
  for (int i = 0; i < 3; i++) lxs_agg_free(aggs[i]);
  lxs_agg_free(all);
  lxs_agg_free(NULL);
  /* without attribution everything is the author's */
  r = lxs_scorer_run(sc, kArticle, strlen(kArticle), NULL);
  check(r != NULL && r->n_speakers == 1, "run-no-attribution");
  lxs_speaker_hints_free(h);
  lxs_scorer_free(sc);
  lxs_scorer_free(NULL);
}

int main(void) {
  lxs_set_oom_handler(NULL, NULL);
  version_and_status();
  lxs_lexicon *lex = lexicon();
  scoring(lex);
  lxs_lexicon_free(lex);
  return failures ? 1 : 0;
}
