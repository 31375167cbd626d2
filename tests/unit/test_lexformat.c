/* test_lexformat.c - dictionary formats, category mapping, per-category
 * counts and provenance (src/lexformat.c). */
#include "testutil.h"

#include <unistd.h>

#include "lexformat.h"
#include "lexicon.h"
#include "sha256.h"

#define DICTS "tests/fixtures/dicts/"

/* ---- helpers ------------------------------------------------------------- */

typedef struct {
  int n;
  char text[4096]; /* "FILE:LINE: msg\n" per warning */
  int entries;
  char log[8192]; /* "LINE [category] term -> theme role weight\n" */
} capture;

static void on_warn(void *ud, const char *file, uint32_t line, const char *msg) {
  capture *c = ud;
  size_t n = strlen(c->text);
  snprintf(c->text + n, sizeof c->text - n, "%s:%u: %s\n", file, line, msg);
  c->n++;
}

static void on_entry(void *ud, const lxs_dict_entry *e) {
  capture *c = ud;
  size_t n = strlen(c->log);
  snprintf(c->log + n, sizeof c->log - n, "%u [%s] %s -> %s %s %g\n", e->line,
           e->category ? e->category : "", e->term, e->theme, e->role, e->weight);
  c->entries++;
}

/* Loads path (format by extension) with the given mapping specs into a
 * fresh lexicon (plus base TSV if not NULL); fails the test on error. */
static lxs_lexicon *load(const char *base, const char *path, const char *const *specs,
                         capture *cap) {
  char err[512];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  if (base)
    assert_int_equal(lxs_lexicon_load_buffer(lex, "base.tsv", base, strlen(base), err, sizeof err),
                     0);
  lxs_mapping *m = lxs_mapping_new();
  for (int i = 0; specs && specs[i]; i++)
    if (lxs_mapping_add_spec(m, specs[i], err, sizeof err)) fail_msg("spec: %s", err);
  memset(cap, 0, sizeof *cap);
  lxs_load_opts o = {NULL, m, on_warn, on_entry, cap};
  int rc = lxs_lexicon_load_any_ex(lex, path, &o, err, sizeof err);
  lxs_mapping_free(m);
  if (rc) fail_msg("load %s: %s", path, err);
  return lex;
}

/* Loads data as NAME and returns the status; err gets the message. */
static int load_str(const char *name, const char *data, const char *format,
                    const char *const *specs, char *err, size_t errlen) {
  char e2[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, e2, sizeof e2);
  lxs_mapping *m = lxs_mapping_new();
  for (int i = 0; specs && specs[i]; i++)
    assert_int_equal(lxs_mapping_add_spec(m, specs[i], e2, sizeof e2), 0);
  capture cap;
  memset(&cap, 0, sizeof cap);
  lxs_load_opts o = {format, m, on_warn, on_entry, &cap};
  err[0] = '\0';
  int rc = lxs_lexicon_load_any_buffer(lex, name, data, strlen(data), &o, err, errlen);
  lxs_mapping_free(m);
  lxs_lexicon_free(lex);
  return rc;
}

static uint32_t mentions(const lxs_result *r, const lxs_lexicon *lex, const char *theme) {
  int t = lxs_lexicon_theme_index(lex, theme);
  if (t < 0) fail_msg("no theme %s", theme);
  uint32_t n = 0;
  for (size_t s = 0; s < r->n_sentences; s++) n += r->scores[s * r->n_themes + (size_t)t].mentions;
  return n;
}

static int has_evidence_term(const lxs_result *r, const char *term) {
  for (size_t i = 0; i < r->n_evidence; i++)
    if (strcmp(r->evidence[i].term, term) == 0) return 1;
  return 0;
}

/* ---- format guessing ---------------------------------------------------- */

static void test_guess(void **state) {
  (void)state;
  assert_string_equal(lxs_lexformat_guess("a/b/LIWC2015.dic"), "liwc");
  assert_string_equal(lxs_lexformat_guess("x.DICX"), "dicx");
  assert_string_equal(lxs_lexformat_guess("lsd.lc3"), "lexicoder");
  assert_string_equal(lxs_lexformat_guess("lsd.lcd"), "lexicoder");
  assert_string_equal(lxs_lexformat_guess("d.cat"), "wordstat");
  assert_string_equal(lxs_lexformat_guess("d.yml"), "yaml");
  assert_string_equal(lxs_lexformat_guess("d.yaml"), "yaml");
  assert_string_equal(lxs_lexformat_guess("vader_lexicon.txt"), "vader");
  assert_string_equal(lxs_lexformat_guess("notes.txt"), "tsv");
  assert_string_equal(lxs_lexformat_guess("lexicons/x.tsv"), "tsv");
  assert_string_equal(lxs_lexformat_guess("noext"), "tsv");
  assert_string_equal(lxs_lexformat_guess("dir.dic/file"), "tsv");
  assert_string_equal(lxs_lexformat_canonical("dic"), "liwc");
  assert_string_equal(lxs_lexformat_canonical("LIWC22"), "dicx");
  assert_string_equal(lxs_lexformat_canonical("quanteda"), "yaml");
  assert_string_equal(lxs_lexformat_canonical("lcd"), "lexicoder");
  assert_null(lxs_lexformat_canonical("excel"));
}

static void test_category_theme(void **state) {
  (void)state;
  static const char *const cases[][2] = {{"posemo", "posemo"},
                                         {"Pos, Emo", "pos_emo"},
                                         {"ECONOMY.POSITIVE", "economy_positive"},
                                         {"2", "cat_2"},
                                         {"sentiment", "cat_sentiment"},
                                         {"  a--b  ", "a_b"},
                                         {"émotion", "motion"},
                                         {"!!!", "cat_"},
                                         {"NEG_POSITIVE", "neg_positive"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    lxs_buf b;
    lxs_buf_init(&b);
    lxs_category_theme(cases[i][0], &b);
    assert_string_equal(lxs_buf_cstr(&b), cases[i][1]);
    lxs_buf_free(&b);
  }
}

/* ---- one test per format, with its quirks -------------------------------- */

static void test_liwc2015(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "liwc2015.dic", NULL, &cap);
  /* BOM, CRLF, nested ids (each its own category), wildcard, multiword */
  assert_string_equal(cap.log, "8 [function] i -> function target 1\n"
                               "8 [pronoun] i -> pronoun target 1\n"
                               "8 [i] i -> i target 1\n"
                               "9 [posemo] good* -> posemo target 1\n"
                               "10 [function] kind of -> function target 1\n"
                               "11 [negemo] not good -> negemo target 1\n"
                               "12 [negemo] hate -> negemo target 1\n");
  assert_string_equal(cap.text, DICTS "liwc2015.dic:13: ':)' can never match: text tokens "
                                      "never carry its punctuation; skipped\n");
  assert_int_equal(lxs_lexicon_source(lex, 0)->entries, 7);
  assert_string_equal(lxs_lexicon_source(lex, 0)->format, "liwc");
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "I think it is kind of goodish. It is not good; I hate it.");
  assert_int_equal(mentions(r, lex, "i"), 2);
  assert_int_equal(mentions(r, lex, "pronoun"), 2);
  assert_int_equal(mentions(r, lex, "function"), 3); /* i, kind of, i */
  assert_int_equal(mentions(r, lex, "posemo"), 1);   /* goodish; "not good" is negemo */
  assert_int_equal(mentions(r, lex, "negemo"), 2);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void test_liwc2007(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "liwc2007.dic", NULL, &cap);
  assert_string_equal(cap.log, "8 [posemo] good -> posemo target 1\n"
                               "8 [affect] good -> affect target 1\n"
                               "9 [pronoun] like -> pronoun target 1\n"
                               "9 [affect] like -> affect target 1\n"
                               "10 [posemo] well said -> posemo target 1\n"
                               "11 [funct] i -> funct target 1\n"
                               "11 [pronoun] i -> pronoun target 1\n");
  assert_string_equal(cap.text, DICTS "liwc2007.dic:9: LIWC2007 conditional category "
                                      "'(02 12)/126/464' of 'like' is not supported; ignored\n");
  lxs_lexicon_free(lex);
  /* categories map by number too, zero padding ignored */
  static const char *const specs[] = {"02=-", "126=sentiment:+", NULL};
  lex = load(NULL, DICTS "liwc2007.dic", specs, &cap);
  assert_string_equal(cap.log, "8 [posemo] good -> sentiment eval 0.5\n"
                               "8 [affect] good -> affect target 1\n"
                               "9 [affect] like -> affect target 1\n"
                               "10 [posemo] well said -> sentiment eval 0.5\n"
                               "11 [funct] i -> funct target 1\n");
  lxs_lexicon_free(lex);
}

static void test_liwc_cr_line_ends(void **state) {
  (void)state;
  char err[256];
  /* classic Mac line ends: errors still name the right line */
  assert_int_equal(
      load_str("mac.dic", "%\r1\tfoo\r%\rbar*\t1\rbaz\t2\r", NULL, NULL, err, sizeof err),
      LXS_EDATA);
  assert_string_equal(err, "mac.dic:5: unknown category id '2' for 'baz'");
  assert_int_equal(
      load_str("mac.dic", "%\r\n1\tfoo\r\n%\r\n\r\nbar*\t1\r\n", NULL, NULL, err, sizeof err),
      LXS_OK);
}

static void test_dicx(void **state) {
  (void)state;
  capture cap;
  static const char *const specs[] = {"Pos, Emo=sentiment:+", "trade=us_protectionism", NULL};
  lxs_lexicon *lex = load(NULL, DICTS "sample.dicx", specs, &cap);
  /* quoted header cell with a comma; X, x and numbers; weights scale */
  assert_string_equal(cap.log, "2 [trade] tariff* -> us_protectionism target 1\n"
                               "2 [weighted] tariff* -> weighted target 0.5\n"
                               "3 [trade] trade war -> us_protectionism target 1\n"
                               "4 [Pos, Emo] good -> sentiment eval 0.5\n"
                               "5 [Pos, Emo] great -> sentiment eval 1\n"
                               "5 [weighted] great -> weighted target 1\n"
                               "6 [weighted] bad -> weighted target -1\n");
  assert_int_equal(cap.n, 0);
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "Great tariffs, a bad trade war.");
  assert_int_equal(mentions(r, lex, "us_protectionism"), 2);
  assert_int_equal(mentions(r, lex, "weighted"), 3);
  assert_near(test_evidence(r, lex, NULL, "eval", "great")->weight, 1.0, TEST_EPS);
  assert_near(test_evidence(r, lex, "weighted", "target", "bad")->weight, -1.0, TEST_EPS);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  /* a row without any membership is reported, not silently dropped */
  char err[256];
  assert_int_equal(load_str("w.dicx", "DicTerm,a\nfoo,\nbar,X\n", NULL, NULL, err, sizeof err),
                   LXS_OK);
}

static void test_dicx_no_membership_warns(void **state) {
  (void)state;
  capture cap;
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  memset(&cap, 0, sizeof cap);
  lxs_load_opts o = {NULL, NULL, on_warn, on_entry, &cap};
  static const char d[] = "DicTerm,a,b\r\nfoo,,0\r\nbar,X,\r\n";
  assert_int_equal(lxs_lexicon_load_any_buffer(lex, "w.dicx", d, strlen(d), &o, err, sizeof err),
                   0);
  assert_string_equal(cap.text, "w.dicx:2: 'foo' belongs to no category; ignored\n");
  assert_string_equal(cap.log, "3 [a] bar -> a target 1\n");
  lxs_lexicon_free(lex);
}

static const char kModifiers[] = "not\t-\tnegator\t-0.75\n"
                                 "very\t-\tintensifier\t1.5\n"
                                 "but\t-\tcontrast\t1.5\n";

static void test_lexicoder_negation(void **state) {
  (void)state;
  capture cap;
  static const char *const specs[] = {"positive=sentiment:+", "negative=sentiment:-", NULL};
  lxs_lexicon *lex = load(kModifiers, DICTS "sample.lc3", specs, &cap);
  /* NEG_X inherits X's mapping with the pole flipped */
  assert_string_equal(cap.log, "2 [POSITIVE] good* -> sentiment eval 0.5\n"
                               "3 [POSITIVE] fair deal -> sentiment eval 0.5\n"
                               "5 [NEGATIVE] bad -> sentiment eval -0.5\n"
                               "6 [NEGATIVE] harm* -> sentiment eval -0.5\n"
                               "8 [NEG_POSITIVE] not good* -> sentiment eval -0.5\n"
                               "10 [NEG_NEGATIVE] not bad -> sentiment eval 0.5\n");
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "The deal is not good.");
  const lxs_evidence *e = test_evidence(r, lex, NULL, "eval", "not good*");
  /* the phrase is matched whole: "good*" does not fire, and the negator
   * inside the phrase does not flip it a second time */
  assert_near(e->contribution, -0.5, TEST_EPS);
  assert_false(has_evidence_term(r, "good*"));
  assert_int_equal(r->sentences[0].sentiment_hits, 1);
  r = test_run(sc, "The deal is good.");
  assert_near(test_evidence(r, lex, NULL, "eval", "good*")->contribution, 0.5, TEST_EPS);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);

  /* unmapped: each category counted on its own, as Lexicoder reports */
  lex = load(NULL, DICTS "sample.lc3", NULL, &cap);
  sc = test_scorer(lex);
  r = test_run(sc, "Not good at all, but not bad and a fair deal; goodness.");
  assert_int_equal(mentions(r, lex, "neg_positive"), 1);
  assert_int_equal(mentions(r, lex, "neg_negative"), 1);
  assert_int_equal(mentions(r, lex, "positive"), 2);
  assert_int_equal(mentions(r, lex, "negative"), 0);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);

  /* an explicit mapping of NEG_X wins over the inherited one */
  static const char *const specs2[] = {"positive=sentiment:+", "neg_positive=-", NULL};
  lex = load(NULL, DICTS "sample.lc3", specs2, &cap);
  assert_null(strstr(cap.log, "NEG_POSITIVE"));
  lxs_lexicon_free(lex);
}

static void test_wordstat(void **state) {
  (void)state;
  capture cap;
  static const char *const specs[] = {"economy.positive=economy:+", "ECONOMY.NEGATIVE=economy:-",
                                      NULL};
  lxs_lexicon *lex = load(NULL, DICTS "sample.cat", specs, &cap);
  /* nesting joins names with '.', '_' separates words, weights scale and
   * clamp, an entry without a weight has weight 1 */
  assert_string_equal(cap.log, "3 [ECONOMY.POSITIVE] growth -> economy stance 1\n"
                               "4 [ECONOMY.POSITIVE] boom* -> economy stance 1\n"
                               "6 [ECONOMY.NEGATIVE] recession -> economy stance -1\n"
                               "7 [ECONOMY.NEGATIVE] trade war -> economy stance -1\n"
                               "9 [POLITICS] govern* -> politics target 1\n"
                               "10 [POLITICS] wto -> politics target 1\n");
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "The WTO and the government see a boom, not a trade war.");
  assert_int_equal(mentions(r, lex, "politics"), 2);
  assert_int_equal(mentions(r, lex, "economy"), 2);
  assert_near(r->scores[(size_t)test_theme(lex, "economy")].raw, 0.0, TEST_EPS);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  lex = load(NULL, DICTS "sample.cat", NULL, &cap);
  assert_true(lxs_lexicon_theme_index(lex, "economy_positive") >= 0);
  assert_true(lxs_lexicon_theme_index(lex, "economy_negative") >= 0);
  lxs_lexicon_free(lex);
}

static void test_yaml(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "sample.yml", NULL, &cap);
  assert_string_equal(cap.log, "3 [economy.positive] growth -> economy_positive target 1\n"
                               "3 [economy.positive] boom* -> economy_positive target 1\n"
                               "5 [economy.negative] recession -> economy_negative target 1\n"
                               "6 [economy.negative] trade war -> economy_negative target 1\n"
                               "8 [politics] govern* -> politics target 1\n"
                               "9 [politics] wto -> politics target 1\n"
                               "11 [single] tariff -> single target 1\n");
  assert_string_equal(cap.text, DICTS "sample.yml:10: category 'empty' has no entries\n");
  assert_string_equal(lxs_lexicon_source(lex, 0)->format, "yaml");
  lxs_lexicon_free(lex);
  static const char *const specs[] = {"economy.positive=economy:+", NULL};
  lex = load(NULL, DICTS "sample.yml", specs, &cap);
  assert_non_null(strstr(cap.log, "3 [economy.positive] boom* -> economy stance 1\n"));
  lxs_lexicon_free(lex);
}

static void test_vader(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "vader_sample.txt", NULL, &cap);
  assert_string_equal(cap.log, "1 [] good -> sentiment eval 0.475\n"
                               "2 [] bad -> sentiment eval -0.625\n"
                               "4 [] superb -> sentiment eval 1\n"
                               "5 [] good -> sentiment eval 0.75\n"
                               "6 [] fine -> sentiment eval 0.2\n");
  assert_string_equal(
      cap.text, DICTS "vader_sample.txt:3: ':)' can never match: text tokens never "
                      "carry its punctuation; skipped\n"
      /* a mean beyond VADER's scale is clamped, and said so */
      DICTS "vader_sample.txt:4: mean 5 is outside VADER's [-4, 4]; taken as 4\n" DICTS
                      "vader_sample.txt:7: '*<|:-)' can never match: text tokens never "
                      "carry its punctuation; skipped\n");
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "Good, and FINE.");
  /* the later duplicate wins */
  assert_near(test_evidence(r, lex, NULL, "eval", "good")->weight, 0.75, TEST_EPS);
  assert_near(test_evidence(r, lex, NULL, "eval", "fine")->weight, 0.2, TEST_EPS);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void test_tsv_delegates(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "eq.tsv", NULL, &cap);
  assert_int_equal(cap.entries, 8);
  assert_non_null(strstr(cap.log, "3 [] fair deal -> sentiment eval 0.5\n"));
  assert_string_equal(lxs_lexicon_source(lex, 0)->format, "tsv");
  assert_int_equal(lxs_lexicon_source(lex, 0)->entries, 8);
  lxs_lexicon_free(lex);
  char err[256];
  assert_int_equal(
      load_str("bad.tsv", "wto\tmultilateralism\ttarget\n", NULL, NULL, err, sizeof err),
      LXS_EDATA);
  assert_string_equal(err, "bad.tsv:1: expected 4 tab-separated fields (term, theme, role, "
                           "weight), found 3");
  /* an explicit format beats the extension */
  assert_int_equal(load_str("x.tsv", "+pos\ngood\n", "lexicoder", NULL, err, sizeof err), 0);
}

static void test_load_any_errors(void **state) {
  (void)state;
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_int_equal(lxs_lexicon_load_any_ex(lex, DICTS "missing.dic", NULL, err, sizeof err),
                   LXS_EIO);
  assert_string_equal(err, DICTS "missing.dic: No such file or directory");
  assert_int_equal(lxs_lexicon_load_any_ex(lex, DICTS "eq.dic", &(lxs_load_opts){.format = "excel"},
                                           err, sizeof err),
                   LXS_EINVAL);
  assert_string_equal(err, "unknown lexicon format 'excel' (tsv, liwc, dicx, lexicoder, "
                           "wordstat, yaml, vader)");
  assert_int_equal(lxs_lexicon_load_any_ex(lex, DICTS "eq.dic", &(lxs_load_opts){.format = "dic"},
                                           err, sizeof err),
                   0);
  assert_int_equal(lxs_lexicon_source_count(lex), 1);
  lxs_lexicon_free(lex);
}

/* ---- malformed lines: exact "FILE:LINE: message" and LXS_EDATA ------------ */

typedef struct {
  const char *name, *data, *err;
} bad_case;

static void run_bad(const bad_case *c, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char err[512];
    int rc = load_str(c[i].name, c[i].data, NULL, NULL, err, sizeof err);
    if (rc != LXS_EDATA) fail_msg("case %zu (%s): rc %d, err '%s'", i, c[i].name, rc, err);
    if (strcmp(err, c[i].err) != 0) fail_msg("case %zu:\n got  '%s'\n want '%s'", i, err, c[i].err);
  }
}

static void test_bad_liwc(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"x.dic", "1\tfoo\n", "x.dic:1: expected '%' to open the category block"},
      {"x.dic", "%\n1\tfoo\n%\nbar\t2\n", "x.dic:4: unknown category id '2' for 'bar'"},
      {"x.dic", "%\n1\tfoo\n1\tbar\n%\n",
       "x.dic:3: category id '1' is defined twice (first on line 2)"},
      {"x.dic", "%\n1\tfoo\n", "x.dic:2: the category block is not closed by '%'"},
      {"x.dic", "%\n%\n", "x.dic:2: the category block defines no category"},
      {"x.dic", "%\n1\tfoo\n%\nab*c\t1\n",
       "x.dic:4: '*' inside a word in 'ab*c' (only a trailing '*' is a wildcard)"},
      {"x.dic", "%\n1\tfoo\n%\n*\t1\n", "x.dic:4: a wildcard needs a prefix before '*' in '*'"},
      {"x.dic", "%\n1\n%\n", "x.dic:2: category '1' has no name"},
      {"x.dic", "%\n1\tfoo\n%\nbar\n", "x.dic:4: entry 'bar' has no category id"},
      {"x.dic", "%\n1\tfoo\n%\nbar\t1 (2\n", "x.dic:4: unbalanced '(' in the category ids"},
      {"x.dic", "%\n1\tfoo\n%\nb\xff\t1\n", "x.dic:4: invalid UTF-8 at byte 2 of the line"},
      {"x.dic", "%\n1\tfoo\n%\ngood\t1\n%\n", "x.dic:5: unexpected '%' after the category block"},
      {"x.dic", "", "x.dic:1: no '%' category block (not a LIWC dictionary?)"},
  };
  run_bad(c, sizeof c / sizeof *c);
  /* a NUL byte inside the data (load_str stops at it) */
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  static const char nul[] = "%\n1\tfoo\n%\nba\0r\t1\n";
  assert_int_equal(
      lxs_lexicon_load_any_buffer(lex, "x.dic", nul, sizeof nul - 1, NULL, err, sizeof err),
      LXS_EDATA);
  assert_string_equal(err, "x.dic:4: NUL byte in line");
  lxs_lexicon_free(lex);
}

static void test_bad_dicx(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"x.dicx", "Term,a\n", "x.dicx:1: first header cell must be 'DicTerm' (found 'Term')"},
      {"x.dicx", "DicTerm\n", "x.dicx:1: the header names no category"},
      {"x.dicx", "DicTerm,a,a\n", "x.dicx:1: category 'a' appears twice in the header"},
      {"x.dicx", "DicTerm,a,\n", "x.dicx:1: header cell 3 (category name) is empty"},
      {"x.dicx", "DicTerm,a\nfoo,Y\n",
       "x.dicx:2: cell 'Y' for category 'a' is neither X nor a number"},
      {"x.dicx", "DicTerm,a\r\nfoo,X,X\r\n", "x.dicx:2: row has 3 cells, the header 2"},
      {"x.dicx", "DicTerm,a\n,X\n", "x.dicx:2: row has no term (DicTerm is empty)"},
      {"x.dicx", "DicTerm,a\ngood,X\nfo\"o,X\n",
       "x.dicx:3: malformed CSV: error parsing data while strict checking enabled"},
      {"x.dicx", "DicTerm,a\n\"foo,X\n",
       "x.dicx:2: malformed CSV: error parsing data while strict checking enabled "
       "(unterminated quoted field?)"},
      {"x.dicx", "DicTerm,a\nab*c,X\n",
       "x.dicx:2: '*' inside a word in 'ab*c' (only a trailing '*' is a wildcard)"},
      {"x.dicx", "", "x.dicx:1: empty file: expected the header 'DicTerm,category,...'"},
  };
  run_bad(c, sizeof c / sizeof *c);
}

static void test_bad_lexicoder(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"x.lc3", "good\n+pos\n", "x.lc3:1: entry before the first '+category' line"},
      {"x.lc3", "+pos\ngood\n+ \n", "x.lc3:3: empty category name after '+'"},
      {"x.lc3", "+pos\r\ngood\r\nba*d\r\n",
       "x.lc3:3: '*' inside a word in 'ba*d' (only a trailing '*' is a wildcard)"},
  };
  run_bad(c, sizeof c / sizeof *c);
}

static void test_bad_wordstat(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"x.cat", "GOOD (1)\n", "x.cat:1: entry 'GOOD' is outside any category"},
      {"x.cat", "POS\n\tGOOD (one)\n", "x.cat:2: weight '(one)' is not a number"},
      {"x.cat", "POS\n\t(1)\n", "x.cat:2: entry has no word before its weight"},
      /* the dictionary weight reaches lxs_lexicon_add_entry's checks */
      {"x.cat", "POS\n\tGOOD (0)\n",
       "x.cat:2: target weight must be in [-1, 1], not 0 (role target, weight 0)"},
      {"x.cat", "POS\n\tGOOD\nBAD\n", "x.cat:3: entry 'BAD' is outside any category"},
  };
  run_bad(c, sizeof c / sizeof *c);
}

static void test_bad_yaml(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"x.yml", "- a\n- b\n", "x.yml:1: a dictionary is a mapping of categories, not a list"},
      {"x.yml", "word\n", "x.yml:1: a dictionary is a mapping of categories, not a single value"},
      {"x.yml", "pos: [a, [b]]\n", "x.yml:1: a list of entries cannot hold a list"},
      {"x.yml", "pos:\n  - a\n  - {b: c}\n", "x.yml:3: a list of entries cannot hold a mapping"},
      {"x.yml", "pos: [a]\npos: [b]\n", "x.yml:2: duplicate category 'pos'"},
      {"x.yml", "pos: &x [a]\nneg: *x\n",
       "x.yml:2: YAML aliases are not supported in a dictionary"},
      {"x.yml", "pos: [\"\"]\n", "x.yml:1: empty entry in category 'pos'"},
      {"x.yml", "pos: [a\n",
       "x.yml:2: YAML: did not find expected ',' or ']' while parsing a "
       "flow sequence"},
      {"x.yml", "pos: [a]\n---\nneg: [b]\n", "x.yml:2: more than one YAML document"},
      {"x.yml", "", "x.yml:1: empty YAML file: expected a mapping of categories"},
      {"x.yml", "eco:\n  pos: [go*od]\n",
       "x.yml:2: '*' inside a word in 'go*od' (only a trailing '*' is a wildcard)"},
  };
  run_bad(c, sizeof c / sizeof *c);
}

static void test_bad_vader(void **state) {
  (void)state;
  static const bad_case c[] = {
      {"vader.txt", "good\t1.0\nbad\n", "vader.txt:2: expected token<TAB>mean"},
      {"vader.txt", "good\tvery\t0.1\n", "vader.txt:1: mean 'very' is not a number"},
      {"vader.txt", "\t1.0\n", "vader.txt:1: empty token"},
      {"vader.txt", "good\tnan\n", "vader.txt:1: mean 'nan' is not a number"},
  };
  run_bad(c, sizeof c / sizeof *c);
}

/* ---- mapping -------------------------------------------------------------- */

static void test_mapping_specs(void **state) {
  (void)state;
  static const struct {
    const char *spec, *err;
  } c[] = {
      {"posemo", "--map 'posemo': expected CATEGORY=theme[:+|-]"},
      {"=sentiment:+", "--map '=sentiment:+': empty category"},
      {"posemo=Bad Theme", "--map 'posemo=Bad Theme': invalid theme (use [a-z][a-z0-9_]* or "
                           "'sentiment')"},
      {"posemo=sentiment", "--map 'posemo=sentiment': 'sentiment' needs a pole (sentiment:+ or "
                           "sentiment:-)"},
      {"posemo=x:*", "--map 'posemo=x:*': pole must be '+' or '-'"},
      {"posemo=", "--map 'posemo=': no theme (use CATEGORY=theme[:+|-] or CATEGORY=-)"},
      {"posemo=:+", "--map 'posemo=:+': no theme (use CATEGORY=theme[:+|-] or CATEGORY=-)"},
  };
  lxs_mapping *m = lxs_mapping_new();
  char err[256];
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
    assert_int_equal(lxs_mapping_add_spec(m, c[i].spec, err, sizeof err), LXS_EINVAL);
    assert_string_equal(err, c[i].err);
  }
  assert_int_equal(lxs_mapping_count(m), 0);
  assert_int_equal(lxs_mapping_add_spec(m, "a=b=c", err, sizeof err), 0); /* category 'a=b' */
  assert_int_equal(lxs_mapping_add_spec(m, "Pos Emo = sentiment:+", err, sizeof err), 0);
  assert_int_equal(lxs_mapping_add_spec(m, "x=-", err, sizeof err), 0);
  assert_int_equal(lxs_mapping_count(m), 3);
  lxs_mapping_free(m);
  lxs_mapping_free(NULL);
}

static void test_mapping_file(void **state) {
  (void)state;
  char err[256];
  lxs_mapping *m = lxs_mapping_new();
  assert_int_equal(lxs_mapping_load_file(m, DICTS "map.tsv", err, sizeof err), 0);
  assert_int_equal(lxs_mapping_count(m), 3);
  capture cap;
  memset(&cap, 0, sizeof cap);
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  lxs_load_opts o = {NULL, m, on_warn, on_entry, &cap};
  assert_int_equal(lxs_lexicon_load_any_ex(lex, DICTS "liwc2015.dic", &o, err, sizeof err), 0);
  assert_string_equal(cap.log, "8 [pronoun] i -> pronoun target 1\n"
                               "8 [i] i -> i target 1\n"
                               "9 [posemo] good* -> sentiment eval 0.5\n"
                               "11 [negemo] not good -> sentiment eval -0.5\n"
                               "12 [negemo] hate -> sentiment eval -0.5\n");
  lxs_lexicon_free(lex);
  static const struct {
    const char *data, *err;
  } c[] = {
      {"posemo\tsentiment\n", "m.tsv:1: 'sentiment' needs a pole (sentiment:+ or sentiment:-)"},
      {"# c\n\nposemo sentiment:+\n", "m.tsv:3: expected category<TAB>theme[:+|-]"},
      {"a\tb\n\tsentiment:+\n", "m.tsv:2: expected category<TAB>theme[:+|-]"},
      {"a\tb:x\n", "m.tsv:1: pole must be '+' or '-'"},
  };
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
    assert_int_equal(
        lxs_mapping_load_buffer(m, "m.tsv", c[i].data, strlen(c[i].data), err, sizeof err),
        LXS_EDATA);
    assert_string_equal(err, c[i].err);
  }
  assert_int_equal(lxs_mapping_load_file(m, DICTS "nope.tsv", err, sizeof err), LXS_EIO);
  lxs_mapping_free(m);
}

/* ---- one dictionary in every format gives identical matches ---------------- */

static int cmp_lines(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every evidence row, per-sentence theme mentions and raw stance, and
 * sentence sentiment, as sorted lines keyed by theme name (theme order
 * depends on the order a format lists its categories). */
static void snapshot(lxs_scorer *sc, const lxs_lexicon *lex, const char *const *texts,
                     lxs_buf *out) {
  lxs_buf raw;
  lxs_buf_init(&raw);
  for (int d = 0; texts[d]; d++) {
    const lxs_result *r = test_run(sc, texts[d]);
    for (size_t i = 0; i < r->n_evidence; i++) {
      const lxs_evidence *e = &r->evidence[i];
      lxs_buf_printf(
          &raw, "%d ev s%u %s %s %s [%zu,%zu) t[%zu,%zu) w%.6f m%u c%.6f\n", d, e->sentence,
          e->theme == LXS_THEME_NONE ? "sentiment" : lxs_lexicon_theme_name(lex, e->theme), e->term,
          e->role, e->start, e->end, e->target_start, e->target_end, e->weight, e->modifiers,
          e->contribution);
    }
    for (size_t s = 0; s < r->n_sentences; s++) {
      lxs_buf_printf(&raw, "%d s%zu sentiment %.6f hits %u\n", d, s, r->sentences[s].sentiment,
                     r->sentences[s].sentiment_hits);
      for (size_t t = 0; t < r->n_themes; t++) {
        const lxs_theme_score *ts = &r->scores[s * r->n_themes + t];
        lxs_buf_printf(&raw, "%d s%zu %s mentions %u raw %.6f\n", d, s,
                       lxs_lexicon_theme_name(lex, t), ts->mentions, ts->raw);
      }
    }
  }
  char *p = (char *)lxs_buf_cstr(&raw);
  char **lines = NULL;
  size_t n = 0, cap = 0;
  for (char *q = p; *q;) {
    char *nl = strchr(q, '\n');
    *nl = '\0';
    LXS_VEC_GROW(lines, n, cap);
    lines[n++] = q;
    q = nl + 1;
  }
  qsort(lines, n, sizeof *lines, cmp_lines);
  out->len = 0;
  for (size_t i = 0; i < n; i++) {
    lxs_buf_puts(out, lines[i]);
    lxs_buf_putc(out, '\n');
  }
  lxs_buf_cstr(out);
  free(lines);
  lxs_buf_free(&raw);
}

static void equivalence(const char *base, const char *const *files, const char *const *specs,
                        const char *const *texts, int min_evidence) {
  lxs_buf ref, got;
  lxs_buf_init(&ref);
  lxs_buf_init(&got);
  for (int i = 0; files[i]; i++) {
    capture cap;
    lxs_lexicon *lex = load(base, files[i], specs, &cap);
    assert_int_equal(cap.n, 0);
    lxs_scorer *sc = test_scorer(lex);
    snapshot(sc, lex, texts, i ? &got : &ref);
    if (i == 0) {
      int nev = 0;
      for (const char *q = ref.data; (q = strstr(q, " ev ")); q++) nev++;
      if (nev < min_evidence) fail_msg("reference has only %d evidence rows:\n%s", nev, ref.data);
    } else if (strcmp(ref.data, got.data) != 0) {
      fail_msg("%s differs from %s:\n--- %s\n%s--- %s\n%s", files[i], files[0], files[0], ref.data,
               files[i], got.data);
    }
    lxs_scorer_free(sc);
    lxs_lexicon_free(lex);
  }
  lxs_buf_free(&ref);
  lxs_buf_free(&got);
}

static void test_equivalence_all_formats(void **state) {
  (void)state;
  static const char base[] = "wto\tmultilateralism\ttarget\t1\n"
                             "tariff\tus_protectionism\ttarget\t1\n"
                             "not\t-\tnegator\t-0.75\n"
                             "very\t-\tintensifier\t1.5\n"
                             "but\t-\tcontrast\t1.5\n";
  static const char *const files[] = {
      DICTS "eq.tsv", DICTS "eq.dic", DICTS "eq.dicx",      DICTS "eq.lc3",
      DICTS "eq.cat", DICTS "eq.yml", DICTS "eq_vader.txt", NULL};
  static const char *const specs[] = {"posemo=sentiment:+", "negemo=sentiment:-", NULL};
  static const char *const texts[] = {
      "The WTO is good, but tariffs are very harmful.",
      "The tariff is not a fair deal. A win-win WTO beats a trade war.",
      "Unfair tariffs hurt a strong WTO; bad, BAD tariffs.", NULL};
  equivalence(base, files, specs, texts, 12);
}

static void test_equivalence_themes(void **state) {
  (void)state;
  static const char *const files[] = {DICTS "th.tsv",
                                      DICTS "th.dic",
                                      DICTS "th.dicx",
                                      DICTS "th.lc3",
                                      DICTS "th.cat",
                                      DICTS "th.yml",
                                      NULL};
  static const char *const specs[] = {"trade=us_protectionism", "coop=multilateralism:+",
                                      "posemo=sentiment:+", "negemo=sentiment:-", NULL};
  static const char *const texts[] = {
      "Tariffs harm the economy, but cooperation is good.",
      "The trade war is bad for economic growth. Multilateralism and rules-based trade are fair.",
      "Protectionism is not good for the economy.", NULL};
  equivalence(kModifiers, files, specs, texts, 14);
}

/* ---- reports ----------------------------------------------------------------- */

static void test_categories_csv(void **state) {
  (void)state;
  capture cap;
  lxs_lexicon *lex = load(NULL, DICTS "liwc2015.dic", NULL, &cap);
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "I hate it, I think. It is good, kind of.");
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_categories_csv(&b, lex, r, "doc, 1", 1);
  /* 10 words; themes in lexicon order */
  assert_string_equal(lxs_buf_cstr(&b), "doc,speaker,category,count,percent\r\n"
                                        "\"doc, 1\",author,function,3,30.0000\r\n"
                                        "\"doc, 1\",author,pronoun,2,20.0000\r\n"
                                        "\"doc, 1\",author,i,2,20.0000\r\n"
                                        "\"doc, 1\",author,posemo,1,10.0000\r\n"
                                        "\"doc, 1\",author,negemo,1,10.0000\r\n");
  /* speakers get their own rows; header lines are not counted */
  b.len = 0;
  lxs_options opt = {1};
  static const char art[] = "I hate tariffs.\n\nSpeaker: Jane Doe\n\nI think it is good.\n";
  r = lxs_scorer_run(sc, art, strlen(art), &opt);
  lxs_categories_csv(&b, lex, r, "a", 0);
  assert_string_equal(lxs_buf_cstr(&b), "a,author,function,1,33.3333\r\n"
                                        "a,author,pronoun,1,33.3333\r\n"
                                        "a,author,i,1,33.3333\r\n"
                                        "a,author,posemo,0,0.0000\r\n"
                                        "a,author,negemo,1,33.3333\r\n"
                                        "a,Jane Doe,function,1,20.0000\r\n"
                                        "a,Jane Doe,pronoun,1,20.0000\r\n"
                                        "a,Jane Doe,i,1,20.0000\r\n"
                                        "a,Jane Doe,posemo,1,20.0000\r\n"
                                        "a,Jane Doe,negemo,0,0.0000\r\n");
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void test_provenance(void **state) {
  (void)state;
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  static const char tsv[] = "wto\tmultilateralism\ttarget\t1\n";
  assert_int_equal(lxs_lexicon_load_buffer(lex, "my--lex.tsv", tsv, strlen(tsv), err, sizeof err),
                   0);
  assert_int_equal(lxs_lexicon_load_any_ex(lex, DICTS "sample.lc3", NULL, err, sizeof err), 0);
  char h1[65], h2[65];
  lxs_sha256_hex(tsv, strlen(tsv), h1);
  strcpy(h2, lxs_lexicon_source(lex, 1)->sha256);
  assert_int_equal(strlen(h2), 64);
  lxs_buf b, want;
  lxs_buf_init(&b);
  lxs_buf_init(&want);
  lxs_provenance_csv(&b, lex);
  lxs_buf_printf(&want,
                 "name,format,entries,sha256\r\nmy--lex.tsv,tsv,1,%s\r\n" DICTS
                 "sample.lc3,lexicoder,6,%s\r\n",
                 h1, h2);
  assert_string_equal(lxs_buf_cstr(&b), lxs_buf_cstr(&want));
  b.len = want.len = 0;
  lxs_provenance_md(&b, lex);
  /* "--" would end the HTML comment early */
  lxs_buf_printf(&want,
                 "<!-- lexicons:\n  my%%2D-lex.tsv (tsv, 1 entries, sha256 %s)\n"
                 "  " DICTS "sample.lc3 (lexicoder, 6 entries, sha256 %s)\n-->\n",
                 h1, h2);
  assert_string_equal(lxs_buf_cstr(&b), lxs_buf_cstr(&want));
  lxs_buf_free(&b);
  lxs_buf_free(&want);
  lxs_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_guess),
      cmocka_unit_test(test_category_theme),
      cmocka_unit_test(test_liwc2015),
      cmocka_unit_test(test_liwc2007),
      cmocka_unit_test(test_liwc_cr_line_ends),
      cmocka_unit_test(test_dicx),
      cmocka_unit_test(test_dicx_no_membership_warns),
      cmocka_unit_test(test_lexicoder_negation),
      cmocka_unit_test(test_wordstat),
      cmocka_unit_test(test_yaml),
      cmocka_unit_test(test_vader),
      cmocka_unit_test(test_tsv_delegates),
      cmocka_unit_test(test_load_any_errors),
      cmocka_unit_test(test_bad_liwc),
      cmocka_unit_test(test_bad_dicx),
      cmocka_unit_test(test_bad_lexicoder),
      cmocka_unit_test(test_bad_wordstat),
      cmocka_unit_test(test_bad_yaml),
      cmocka_unit_test(test_bad_vader),
      cmocka_unit_test(test_mapping_specs),
      cmocka_unit_test(test_mapping_file),
      cmocka_unit_test(test_equivalence_all_formats),
      cmocka_unit_test(test_equivalence_themes),
      cmocka_unit_test(test_categories_csv),
      cmocka_unit_test(test_provenance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
