/* test_job.c - the jobs API (api_table.c) gives the command line's bytes:
 * each test compares a job's table with a CLI golden file of the same
 * input and options (tests/cli/golden/). */
#include "testutil.h"

#define FX "tests/fixtures/input/"
#define GOLDEN "tests/cli/golden/"
#define LEX "tests/fixtures/lexicons/stance.tsv"

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot read %s", path);
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)len + 1);
  assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
  s[len] = '\0';
  fclose(f);
  if (n) *n = (size_t)len;
  return s;
}

/* A job on the fixture lexicon alone. */
static lxs_job *fixture_job(void) {
  char err[256];
  lxs_job *j = lxs_job_new();
  assert_int_equal(lxs_job_set(j, "no-default-lexicons", NULL, err, sizeof err), LXS_OK);
  assert_int_equal(lxs_job_set(j, "lexicon", LEX, err, sizeof err), LXS_OK);
  return j;
}

static void add_file(lxs_job *j, const char *id, const char *path) {
  size_t n;
  char *text = slurp(path, &n);
  assert_int_equal(lxs_job_add(j, id, text, n, NULL), LXS_OK);
  free(text);
}

/* The three documents of docs.tsv, as `--input tsv` reads them. */
static void add_docs_tsv(lxs_job *j) {
  static const char *const ids[] = {"d1", "d2", "d3"};
  static const char *const texts[] = {"The WTO is good. Tariffs are very harmful.",
                                      "The Global South is strong, but the trade war goes on.",
                                      "Nothing to see here."};
  for (int i = 0; i < 3; i++)
    assert_int_equal(lxs_job_add(j, ids[i], texts[i], strlen(texts[i]), NULL), LXS_OK);
}

static void assert_table(lxs_job *j, const char *what, const char *golden) {
  char err[256], *out;
  size_t n;
  lxs_status rc = lxs_job_run(j, what, &out, &n, err, sizeof err);
  if (rc) fail_msg("%s: %s", what, err);
  char *want = slurp(golden, NULL);
  assert_int_equal(n, strlen(out));
  assert_string_equal(out, want);
  free(want);
  lxs_text_free(out);
}

/* `score --unit speaker article.txt` (the default unit for articles, with
 * 2000 resamples). */
static void test_score_article(void **state) {
  (void)state;
  lxs_job *j = fixture_job();
  add_file(j, "article", FX "article.txt");
  assert_int_equal(lxs_job_count(j), 1);
  assert_table(j, "score", GOLDEN "score-speaker.out");
  lxs_job_free(j);
}

/* `score --input tsv --unit doc docs.tsv`: one document per text. */
static void test_score_docs(void **state) {
  (void)state;
  char err[256];
  lxs_job *j = fixture_job();
  assert_int_equal(lxs_job_set(j, "input", "tsv", err, sizeof err), LXS_OK);
  add_docs_tsv(j);
  assert_table(j, "score", GOLDEN "score-tsv-doc.out");
  lxs_job_free(j);
}

/* compare's evidence.csv of the same article. */
static void test_job_evidence(void **state) {
  (void)state;
  lxs_job *j = fixture_job();
  add_file(j, "article", FX "article.txt");
  assert_table(j, "evidence", GOLDEN "compare-evidence-csv.out");
  lxs_job_clear(j);
  assert_int_equal(lxs_job_count(j), 0);
  lxs_job_free(j);
}

/* `score --format wide --bootstrap 200 article.txt`. */
static void test_wide(void **state) {
  (void)state;
  char err[256];
  lxs_job *j = fixture_job();
  assert_int_equal(lxs_job_set(j, "format", "wide", err, sizeof err), LXS_OK);
  assert_int_equal(lxs_job_set(j, "bootstrap", "200", err, sizeof err), LXS_OK);
  add_file(j, "article", FX "article.txt");
  assert_table(j, "score", GOLDEN "wide-speaker.out");
  lxs_job_free(j);
}

/* A job with input (and unit, when not NULL) set, on the fixture lexicon. */
static lxs_job *input_job(const char *input, const char *unit) {
  char err[256];
  lxs_job *j = fixture_job();
  assert_int_equal(lxs_job_set(j, "input", input, err, sizeof err), LXS_OK);
  if (unit) assert_int_equal(lxs_job_set(j, "unit", unit, err, sizeof err), LXS_OK);
  return j;
}

/* `score --unit sentence` and `score --no-attribution` of the article. */
static void test_sentence_and_no_attribution(void **state) {
  (void)state;
  lxs_job *j = input_job("text", "sentence");
  add_file(j, "article", FX "article.txt");
  assert_table(j, "score", GOLDEN "score-sentence.out");
  lxs_job_free(j);
  char err[256];
  j = fixture_job();
  assert_int_equal(lxs_job_set(j, "no-attribution", NULL, err, sizeof err), LXS_OK);
  add_file(j, "article", FX "article.txt");
  assert_table(j, "score", GOLDEN "score-no-attribution.out");
  lxs_job_free(j);
}

/* `score --input lines --unit doc docs.tsv`: each non-empty line a
 * document named by its line number, tab and all. */
static void test_lines(void **state) {
  (void)state;
  lxs_job *j = input_job("lines", "doc");
  char *all = slurp(FX "docs.tsv", NULL);
  int line = 0;
  for (char *p = all, *nl; *p; p = nl + 1) {
    nl = strchr(p, '\n');
    *nl = '\0';
    line++;
    if (!*p) continue;
    char id[16];
    snprintf(id, sizeof id, "%d", line);
    assert_int_equal(lxs_job_add(j, id, p, strlen(p), NULL), LXS_OK);
  }
  free(all);
  assert_int_equal(lxs_job_count(j), 4);
  assert_table(j, "score", GOLDEN "score-lines.out");
  lxs_job_free(j);
}

/* A record holding an article (`score --input jsonl --unit speaker
 * article.jsonl`) is attributed as the article's own file is: the very
 * rows of `score --unit speaker article.txt`.  The same records, each a
 * document (no --unit), are not. */
static void test_record_article(void **state) {
  (void)state;
  lxs_job *j = input_job("jsonl", "speaker");
  add_file(j, "article", FX "article.txt");
  assert_table(j, "score", GOLDEN "score-speaker.out");
  lxs_job_free(j);
  j = input_job("jsonl", NULL);
  add_file(j, "article", FX "article.txt");
  assert_table(j, "score", GOLDEN "score-jsonl-article-doc.out");
  lxs_job_free(j);
}

/* Records with their own speaker (a JSON Lines "speaker", a speaker
 * column): `score --input jsonl docs.jsonl` and its --partial -. */
static void test_record_speaker(void **state) {
  (void)state;
  lxs_job *j = input_job("jsonl", NULL);
  static const char a[] = "The WTO is good.", b[] = "Tariffs are \"bad\", very bad.";
  assert_int_equal(lxs_job_add(j, "a", a, strlen(a), "Ann"), LXS_OK);
  assert_int_equal(lxs_job_add(j, "2", b, strlen(b), ""), LXS_OK);
  assert_table(j, "score", GOLDEN "score-jsonl-csv.out");
  assert_table(j, "partial", GOLDEN "score-jsonl-partial.out");
  lxs_job_free(j);
}

/* `score --input tsv --partial - docs.tsv`: the map step's statistics. */
static void test_partial(void **state) {
  (void)state;
  lxs_job *j = input_job("tsv", NULL);
  add_docs_tsv(j);
  assert_table(j, "partial", GOLDEN "score-tsv-partial.out");
  lxs_job_free(j);
}

static void test_bad_options(void **state) {
  (void)state;
  char err[256], *out = (char *)1;
  lxs_job *j = lxs_job_new();
  assert_int_equal(lxs_job_set(j, "unit", "paragraph", err, sizeof err), LXS_EINVAL);
  assert_string_equal(err, "unit: 'paragraph' is not sentence, speaker or doc");
  assert_int_equal(lxs_job_set(j, "bootstrap", "-3", err, sizeof err), LXS_EINVAL);
  assert_int_equal(lxs_job_set(j, "ci", "1.5", err, sizeof err), LXS_EINVAL);
  assert_int_equal(lxs_job_set(j, "colour", "1", err, sizeof err), LXS_EINVAL);
  assert_int_equal(lxs_job_add(j, NULL, "x", 1, NULL), LXS_EINVAL);
  assert_int_equal(lxs_job_run(j, "tables", &out, NULL, err, sizeof err), LXS_EINVAL);
  assert_null(out);
  /* a missing lexicon file: LXS_EIO when the job runs */
  assert_int_equal(lxs_job_set(j, "lexicon", "no/such.tsv", err, sizeof err), LXS_OK);
  assert_int_equal(lxs_job_run(j, "score", &out, NULL, err, sizeof err), LXS_EIO);
  /* another language with the English lexicons only */
  lxs_job *g = lxs_job_new();
  assert_int_equal(lxs_job_set(g, "language", "german", err, sizeof err), LXS_OK);
  assert_int_equal(lxs_job_run(g, "score", &out, NULL, err, sizeof err), LXS_EINVAL);
  lxs_job_free(g);
  lxs_job_free(j);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_score_article),
      cmocka_unit_test(test_score_docs),
      cmocka_unit_test(test_job_evidence),
      cmocka_unit_test(test_wide),
      cmocka_unit_test(test_sentence_and_no_attribution),
      cmocka_unit_test(test_lines),
      cmocka_unit_test(test_record_article),
      cmocka_unit_test(test_record_speaker),
      cmocka_unit_test(test_partial),
      cmocka_unit_test(test_bad_options),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
