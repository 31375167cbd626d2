/* test_lexicon.c - loading TSV lexicons: validation, errors, overrides,
 * themes. */
#include "testutil.h"

#include "lexicon.h"

#define FIXTURE_LEXICON "tests/fixtures/lexicons/stance.tsv"

static lxs_lexicon *empty_lexicon(void) {
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  return lex;
}

static int load(lxs_lexicon *lex, const char *tsv, char *err, size_t errlen) {
  err[0] = '\0';
  return lxs_lexicon_load_buffer(lex, "test.tsv", tsv, strlen(tsv), err, errlen);
}

static void loads_fixture_file(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256] = "";
  int rc = lxs_lexicon_load_file(lex, FIXTURE_LEXICON, err, sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(lxs_lexicon_theme_count(lex), 3);
  assert_string_equal(lxs_lexicon_theme_name(lex, 0), "multilateralism");
  assert_string_equal(lxs_lexicon_theme_name(lex, 1), "us_protectionism");
  assert_string_equal(lxs_lexicon_theme_name(lex, 2), "global_south");
  assert_null(lxs_lexicon_theme_name(lex, 3));
  assert_int_equal(lxs_lexicon_entry_count(lex), 20);
  assert_int_equal(lxs_lexicon_source_count(lex), 1);
  assert_string_equal(lxs_lexicon_source(lex, 0)->name, FIXTURE_LEXICON);
  assert_int_equal(lxs_lexicon_source(lex, 0)->entries, 20);
  assert_int_equal(strlen(lxs_lexicon_source(lex, 0)->sha256), 64);
  lxs_lexicon_free(lex);
}

static void missing_file_is_io_error(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256] = "";
  assert_int_equal(lxs_lexicon_load_file(lex, "tests/fixtures/no-such.tsv", err, sizeof err),
                   LXS_EIO);
  assert_string_equal(err, "tests/fixtures/no-such.tsv: No such file or directory");
  lxs_lexicon_free(lex);
}

typedef struct {
  const char *tsv;
  const char *where; /* expected "test.tsv:LINE: " prefix */
  const char *why;   /* expected substring of the message */
} bad_case;

static const bad_case kBad[] = {
    {"wto\tmulti\ttarget\n", "test.tsv:1: ", "expected 4 tab-separated fields"},
    {"wto\tmulti\n", "test.tsv:1: ", "found 2"},
    {"wto\tmulti\ttarget\t1\tnote\textra\n", "test.tsv:1: ", "too many fields"},
    {"wto\tmulti\ttarget\t1\ntariff\tprot\ttarget\theavy\n",
     "test.tsv:2: ", "weight 'heavy' is not a number"},
    {"wto\tmulti\ttarget\t1x\n", "test.tsv:1: ", "weight '1x' is not a number"},
    {"wto\tmulti\ttarget\tnan\n", "test.tsv:1: ", "is not a number"},
    {"wto\tmulti\ttarget\t2\n", "test.tsv:1: ", "target weight must be in [-1, 1]"},
    {"wto\tmulti\ttarget\t0\n", "test.tsv:1: ", "not 0"},
    {"wto\tmulti\tfavours\t1\n", "test.tsv:1: ", "unknown role 'favours'"},
    {"wto\tMulti\ttarget\t1\n", "test.tsv:1: ", "invalid theme 'Multi'"},
    {"wto\tmulti-lat\ttarget\t1\n", "test.tsv:1: ", "invalid theme 'multi-lat'"},
    {"wto\t9multi\ttarget\t1\n", "test.tsv:1: ", "invalid theme '9multi'"},
    {"\tmulti\ttarget\t1\n", "test.tsv:1: ", "field 1 is empty"},
    {"wto\t\ttarget\t1\n", "test.tsv:1: ", "field 2 is empty"},
    {"wto\tmulti\t\t1\n", "test.tsv:1: ", "field 3 is empty"},
    {"wto\tmulti\ttarget\t\n", "test.tsv:1: ", "field 4 is empty"},
    {"wto \tmulti\ttarget\t1\n", "test.tsv:1: ", "leading or trailing spaces"},
    {"wto\t-\ttarget\t1\n", "test.tsv:1: ", "role not allowed for theme '-'"},
    {"good\tsentiment\tnegator\t-1\n", "test.tsv:1: ", "role not allowed for theme 'sentiment'"},
    {"good\tmulti\tharm\t-0.5\n", "test.tsv:1: ", "role not allowed for a theme"},
    {"very\t-\tintensifier\t0.5\n", "test.tsv:1: ", "intensifier weight must be in [1, 4]"},
    {"not\t-\tnegator\t0.5\n", "test.tsv:1: ", "negator weight must be in [-2, 0]"},
    {"threat\tsentiment\tharm\t0.5\n", "test.tsv:1: ", "harm weight must be in [-1, 0)"},
    {"w\xFFto\tmulti\ttarget\t1\n", "test.tsv:1: ", "invalid UTF-8 at byte 2"},
    {"ok\tmulti\ttarget\t1\nw\xC0\xAFto\tmulti\ttarget\t1\n", "test.tsv:2: ", "invalid UTF-8"},
    {"*\tmulti\ttarget\t1\n", "test.tsv:1: ", "a glob needs a prefix before '*'"},
    {"trade *\tmulti\ttarget\t1\n", "test.tsv:1: ", "a glob needs a prefix"},
    {"pro*tect*\tmulti\ttarget\t1\n", "test.tsv:1: ", "a glob needs a prefix"},
    {"trade  war\tprot\tstance\t-0.5\n", "test.tsv:1: ", "empty word"},
    {"...\tmulti\ttarget\t1\n", "test.tsv:1: ", "term"},
};

static void malformed_lines_report_file_and_line(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof kBad / sizeof *kBad; i++) {
    lxs_lexicon *lex = empty_lexicon();
    char err[512];
    int rc = load(lex, kBad[i].tsv, err, sizeof err);
    if (rc != LXS_EDATA) fail_msg("case %zu: rc %d, want LXS_EDATA (err '%s')", i, rc, err);
    if (strncmp(err, kBad[i].where, strlen(kBad[i].where)) != 0 || !strstr(err, kBad[i].why))
      fail_msg("case %zu: err '%s', want '%s...%s...'", i, err, kBad[i].where, kBad[i].why);
    lxs_lexicon_free(lex);
  }
}

static void exact_error_message(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[512];
  assert_int_equal(load(lex, "# themes\nwto\tmulti\ttarget\n", err, sizeof err), LXS_EDATA);
  assert_string_equal(err, "test.tsv:2: expected 4 tab-separated fields "
                           "(term, theme, role, weight), found 3");
  lxs_lexicon_free(lex);
}

static void nul_byte_in_line_is_rejected(void **state) {
  (void)state;
  static const char data[] = "wto\tmulti\ttarget\t1\nw\0to\tmulti\ttarget\t1\n";
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  assert_int_equal(lxs_lexicon_load_buffer(lex, "test.tsv", data, sizeof data - 1, err, sizeof err),
                   LXS_EDATA);
  assert_string_equal(err, "test.tsv:2: NUL byte in line");
  lxs_lexicon_free(lex);
}

static void crlf_and_bom_accepted(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  int rc = load(lex, "\xEF\xBB\xBFwto\tmulti\ttarget\t1\r\ngood\tsentiment\teval\t0.5\r\n", err,
                sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(lxs_lexicon_entry_count(lex), 2);
  assert_int_equal(lxs_lexicon_theme_count(lex), 1);
  /* the BOM is not part of the first term, the CR not part of the weight */
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "The WTO is good.");
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 1);
  assert_near(test_score(r, lex, 0, "multi")->raw, 0.5, TEST_EPS);
  lxs_scorer_free(sc);
  /* line numbers still count CRLF lines */
  assert_int_equal(load(lex, "# c\r\n\r\nwto\tmulti\tbogus\t1\r\n", err, sizeof err), LXS_EDATA);
  assert_non_null(strstr(err, "test.tsv:3: unknown role 'bogus'"));
  lxs_lexicon_free(lex);
}

static void comments_and_blank_lines_skipped(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  const char *tsv = "# a comment\n"
                    "\n"
                    "   \n"
                    "\t\n"
                    "  # indented comment\n"
                    "wto\tmulti\ttarget\t1\n"
                    "# trailing comment without newline";
  int rc = load(lex, tsv, err, sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(lxs_lexicon_entry_count(lex), 1);
  assert_int_equal(lxs_lexicon_theme_count(lex), 1);
  /* ... and they count as lines */
  assert_int_equal(load(lex, "# c\n\nwto\tmulti\ttarget\t7\n", err, sizeof err), LXS_EDATA);
  assert_true(strncmp(err, "test.tsv:3: ", 12) == 0);
  lxs_lexicon_free(lex);
}

static void last_line_without_newline(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  int rc = load(lex, "wto\tmulti\ttarget\t1\ntariff\tprot\ttarget\t1", err, sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(lxs_lexicon_entry_count(lex), 2);
  assert_int_equal(lxs_lexicon_theme_count(lex), 2);
  lxs_lexicon_free(lex);
}

static void note_field_allowed(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  int rc = load(lex, "wto\tmulti\ttarget\t1\tthe World Trade Organization\n", err, sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(lxs_lexicon_entry_count(lex), 1);
  lxs_lexicon_free(lex);
}

/* Raw multi stance of "The WTO is good." under lex. */
static double wto_good(const lxs_lexicon *lex) {
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "The WTO is good.");
  double raw = test_score(r, lex, 0, "multi")->raw;
  lxs_scorer_free(sc);
  return raw;
}

static void later_entry_overrides_weight(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("wto\tmulti\ttarget\t1\n"
                                  "good\tsentiment\teval\t0.5\n"
                                  "good\tsentiment\teval\t0.8\n");
  assert_near(wto_good(lex), 0.8, TEST_EPS);
  /* a second source overrides the first */
  char err[256];
  assert_int_equal(load(lex, "wto\tmulti\ttarget\t-1\n", err, sizeof err), 0);
  assert_near(wto_good(lex), -0.8, TEST_EPS);
  lxs_lexicon_free(lex);
}

static void override_keeps_one_entry(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("good\tsentiment\teval\t0.5\n"
                                  "good\tsentiment\teval\t0.8\n"
                                  "wto\tmulti\ttarget\t1\n");
  size_t n = lxs_lexicon_entry_count(lex);
  lxs_lexicon_free(lex);
  /* two distinct (term, theme, role) senses */
  assert_int_equal(n, 2);
}

static void different_role_or_theme_is_not_an_override(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("unilateral\tmulti\ttarget\t-1\n"
                                  "unilateral\tsentiment\teval\t-0.5\n"
                                  "unilateral\tprot\ttarget\t1\n");
  assert_int_equal(lxs_lexicon_entry_count(lex), 3);
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "A unilateral move.");
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 1);
  assert_int_equal(test_score(r, lex, 0, "prot")->mentions, 1);
  assert_int_equal(r->sentences[0].sentiment_hits, 1);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void new_theme_from_data(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("wto\tmultilateralism\ttarget\t1\n");
  assert_int_equal(lxs_lexicon_theme_count(lex), 1);
  char err[256];
  assert_int_equal(load(lex, "data centre\tdigital_economy_2\ttarget\t1\n", err, sizeof err), 0);
  assert_int_equal(lxs_lexicon_theme_count(lex), 2);
  assert_string_equal(lxs_lexicon_theme_name(lex, 1), "digital_economy_2");
  assert_int_equal(lxs_lexicon_theme_index(lex, "digital_economy_2"), 1);
  assert_int_equal(lxs_lexicon_theme_index(lex, "nope"), -1);
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "New data centres opened.");
  assert_int_equal(r->n_themes, 2);
  assert_int_equal(test_score(r, lex, 0, "digital_economy_2")->mentions, 1);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void theme_order_is_first_appearance(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("good\tsentiment\teval\t0.5\n"
                                  "not\t-\tnegator\t-0.75\n"
                                  "a\tzeta\ttarget\t1\n"
                                  "b\talpha\ttarget\t1\n"
                                  "c\tzeta\ttarget\t1\n"
                                  "d\tmid\tstance\t0.5\n"
                                  "e\talpha\teval\t0.5\n");
  assert_int_equal(lxs_lexicon_theme_count(lex), 3);
  assert_string_equal(lxs_lexicon_theme_name(lex, 0), "zeta");
  assert_string_equal(lxs_lexicon_theme_name(lex, 1), "alpha");
  assert_string_equal(lxs_lexicon_theme_name(lex, 2), "mid");
  /* 'sentiment' and '-' are not themes */
  assert_int_equal(lxs_lexicon_theme_index(lex, "sentiment"), -1);
  assert_int_equal(lxs_lexicon_theme_index(lex, "-"), -1);
  assert_int_equal(lxs_lexicon_entry_count(lex), 7);
  lxs_lexicon_free(lex);
}

static void entry_counts_per_source(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  assert_int_equal(load(lex, "a\tt\ttarget\t1\nb\tt\ttarget\t1\n", err, sizeof err), 0);
  assert_int_equal(
      lxs_lexicon_load_buffer(lex, "second.tsv", "c\tt\ttarget\t1\n", 13, err, sizeof err), 0);
  assert_int_equal(lxs_lexicon_entry_count(lex), 3);
  assert_int_equal(lxs_lexicon_source_count(lex), 2);
  assert_int_equal(lxs_lexicon_source(lex, 0)->entries, 2);
  assert_int_equal(lxs_lexicon_source(lex, 1)->entries, 1);
  assert_string_equal(lxs_lexicon_source(lex, 1)->name, "second.tsv");
  lxs_lexicon_free(lex);
}

static void empty_buffer_loads_nothing(void **state) {
  (void)state;
  lxs_lexicon *lex = empty_lexicon();
  char err[256];
  assert_int_equal(lxs_lexicon_load_buffer(lex, "test.tsv", "", 0, err, sizeof err), 0);
  assert_int_equal(lxs_lexicon_entry_count(lex), 0);
  assert_int_equal(lxs_lexicon_theme_count(lex), 0);
  lxs_lexicon_free(lex);
}

static void unknown_stemmer_language(void **state) {
  (void)state;
  char err[256] = "";
  assert_null(lxs_lexicon_new("klingon", err, sizeof err));
  assert_string_equal(err, "unknown stemmer language 'klingon'");
}

/* The two-word pattern "first second" (stems), or NULL. */
static const lxs_pattern *phrase(const lxs_lexicon *lex, const char *first, const char *second) {
  const lxs_patlist *l = lxs_lexicon_find(lex, first, strlen(first), 0);
  for (size_t i = 0; l && i < l->n; i++)
    if (l->pats[i]->nwords == 2 && strcmp(l->pats[i]->words[1].key, second) == 0) return l->pats[i];
  return NULL;
}

/* Snowball leaves "fought" as it is: a phrase entry's verb also matches
 * its irregular past forms (lexicons/words/irregular-verbs.txt), with the
 * entry's own sense; one-word entries are not expanded. */
static void phrase_verbs_match_irregular_past(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("fight for\tsentiment\timpose\t0.4\n"
                                  "fight\tsentiment\teval\t-0.3\n"
                                  "go it alone\tmulti\ttarget\t-1\n");
  const lxs_pattern *p = phrase(lex, "fought", "for");
  assert_non_null(p);
  assert_int_equal(p->nsenses, 1);
  assert_string_equal(p->senses[0].term, "fight for");
  assert_int_equal(p->senses[0].role, LXS_R_IMPOSE);
  assert_near(p->senses[0].weight, 0.4, TEST_EPS);
  const lxs_patlist *one = lxs_lexicon_find(lex, "fought", 6, 0);
  for (size_t i = 0; i < one->n; i++) assert_int_equal(one->pats[i]->nwords, 2);
  assert_int_equal(lxs_lexicon_entry_count(lex), 3); /* derived patterns are no entries */
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "Washington went it alone.");
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 1);
  r = test_run(sc, "Washington has gone it alone.");
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 1);
  r = test_run(sc, "Washington walked it alone.");
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 0);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* An entry written out for the past form keeps its own weight, whether it
 * comes before or after the base form's entry. */
static void written_past_entry_wins(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("took part\tsentiment\teval\t0.6\n"
                                  "take part\tsentiment\teval\t0.3\n");
  assert_near(phrase(lex, "took", "part")->senses[0].weight, 0.6, TEST_EPS);
  assert_near(phrase(lex, "taken", "part")->senses[0].weight, 0.3, TEST_EPS);
  lxs_lexicon_free(lex);
  lex = test_lexicon("take part\tsentiment\teval\t0.3\n"
                     "took part\tsentiment\teval\t0.6\n");
  assert_near(phrase(lex, "took", "part")->senses[0].weight, 0.6, TEST_EPS);
  lxs_lexicon_free(lex);
}

/* The list is English: a German lexicon derives nothing. */
static void irregular_past_only_in_english(void **state) {
  (void)state;
  char err[256] = "";
  lxs_lexicon *lex = lxs_lexicon_new("german", err, sizeof err);
  assert_non_null(lex);
  assert_int_equal(load(lex, "fight for\tt\ttarget\t1\n", err, sizeof err), 0);
  assert_null(lxs_lexicon_find(lex, "fought", 6, 0));
  lxs_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(loads_fixture_file),
      cmocka_unit_test(missing_file_is_io_error),
      cmocka_unit_test(malformed_lines_report_file_and_line),
      cmocka_unit_test(exact_error_message),
      cmocka_unit_test(nul_byte_in_line_is_rejected),
      cmocka_unit_test(crlf_and_bom_accepted),
      cmocka_unit_test(comments_and_blank_lines_skipped),
      cmocka_unit_test(last_line_without_newline),
      cmocka_unit_test(note_field_allowed),
      cmocka_unit_test(later_entry_overrides_weight),
      cmocka_unit_test(override_keeps_one_entry),
      cmocka_unit_test(different_role_or_theme_is_not_an_override),
      cmocka_unit_test(new_theme_from_data),
      cmocka_unit_test(theme_order_is_first_appearance),
      cmocka_unit_test(entry_counts_per_source),
      cmocka_unit_test(empty_buffer_loads_nothing),
      cmocka_unit_test(unknown_stemmer_language),
      cmocka_unit_test(phrase_verbs_match_irregular_past),
      cmocka_unit_test(written_past_entry_wins),
      cmocka_unit_test(irregular_past_only_in_english),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
