/* test_lexcheck.c - `lexstance lexicon check` and `lexicon coverage`
 * (src/lexcheck.c). */
#include "testutil.h"

#include "lexcheck.h"

#define D "tests/fixtures/dicts/"

static char *g_out, *g_err;

/* Runs "lexicon ARGS..." with output captured in g_out and g_err. */
static int run(const char *const *args) {
  char *argv[64];
  int argc = 0;
  argv[argc++] = (char *)"lexicon";
  for (int i = 0; args[i]; i++) argv[argc++] = (char *)args[i];
  argv[argc] = NULL;
  free(g_out);
  free(g_err);
  size_t no, ne;
  FILE *fo = open_memstream(&g_out, &no), *fe = open_memstream(&g_err, &ne);
  assert_non_null(fo);
  assert_non_null(fe);
  int rc = lxs_cmd_lexicon_io(argc, argv, fo, fe);
  fclose(fo);
  fclose(fe);
  return rc;
}

static int teardown(void **state) {
  (void)state;
  free(g_out);
  free(g_err);
  g_out = g_err = NULL;
  return 0;
}

/* ---- check ------------------------------------------------------------------- */

static void test_check_clean(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-clean.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(g_out, "1 file, 4 entries, 0 warnings, 0 errors\n");
}

static void test_check_duplicate_and_conflict(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-a.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:2: warning: duplicate of " D
                                "check-a.tsv:1 ('wto', multilateralism target 1)\n"));
  /* same stem, other weight */
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:4: warning: conflicts with " D
                                "check-a.tsv:3: 'tariff' and 'tariffs' have the same stem, "
                                "us_protectionism target weight 1 there and -1 here (the later "
                                "entry wins)\n"));
  /* different words, one stem, one weight: still a duplicate */
  assert_int_equal(run((const char *const[]){"check", D "check-stem.tsv", NULL}), 0);
  assert_string_equal(g_err, "lexstance: " D "check-stem.tsv:2: warning: duplicate of " D
                             "check-stem.tsv:1: 'abandon' and 'abandons' have the same stem "
                             "(sentiment eval -0.5)\n");
}

static void test_check_conflict_across_files(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-a.tsv", D "check-c.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-c.tsv:1: warning: conflicts with " D
                                "check-a.tsv:2: 'wto' is multilateralism target weight 1 there "
                                "and -1 here (the later entry wins)\n"));
}

static void test_check_opposite_pole(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-pole.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_string_equal(g_err, "lexstance: " D "check-pole.tsv:2: warning: opposite pole to " D
                             "check-pole.tsv:1: 'trade' is us_protectionism target 1 there, "
                             "'trading' stance -0.5 here\n");
  assert_string_equal(g_out, "1 file, 2 entries, 1 warning, 0 errors\n");
}

static void test_check_broad_glob(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-a.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:5: warning: glob 'stat*' covers 7 "
                                "different common words (state, statement, station, statistic, "
                                "status, statute, ...); narrow the prefix or list the words\n"));
  /* a narrow glob is quiet */
  static const char *const b[] = {"check", D "check-clean.tsv", D "th.dic", NULL};
  assert_int_equal(run(b), 0);
  assert_null(strstr(g_err, "glob"));
}

static void test_glob_breadth(void **state) {
  (void)state;
  char ex[200];
  assert_int_equal(lxs_glob_breadth("tariff", NULL, ex, sizeof ex, 5), 1);
  assert_string_equal(ex, "tariff");
  assert_int_equal(lxs_glob_breadth("econom", NULL, ex, sizeof ex, 5), 3);
  assert_true(lxs_glob_breadth("econom", NULL, NULL, 0, 0) <= LXS_GLOB_BREADTH_MAX);
  assert_true(lxs_glob_breadth("ban", NULL, ex, sizeof ex, 2) > LXS_GLOB_BREADTH_MAX);
  assert_string_equal(ex, "ban, band");
  assert_true(lxs_glob_breadth("Pro", NULL, NULL, 0, 0) > 30);
  assert_int_equal(lxs_glob_breadth("zzz", NULL, ex, sizeof ex, 5), 0);
  assert_string_equal(ex, "");
}

static void test_check_never_matches_and_collision(void **state) {
  (void)state;
  static const char *const a[] = {"check", D "check-b.dic", NULL};
  assert_int_equal(run(a), 0);
  assert_string_equal(g_err,
                      "lexstance: " D "check-b.dic:6: warning: same stem as " D "check-b.dic:5: "
                      "'good' is a target of theme 'posemo' and 'goods' a target of theme "
                      "'negemo'\n"
                      "lexstance: " D "check-b.dic:7: warning: 'fair :) deal' can never match: "
                      "text tokens never carry its punctuation; skipped\n");
  assert_string_equal(g_out, "1 file, 2 entries, 2 warnings, 0 errors\n");
  /* a stance term on another theme's target */
  assert_int_equal(run((const char *const[]){"check", D "check-a.tsv", NULL}), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:7: warning: same stem as " D
                                "check-a.tsv:6: 'trade' is a target of theme 'us_protectionism' "
                                "and 'trade' a stance term of theme 'multilateralism'\n"));
  /* mapped to one theme, the two become a conflict instead */
  static const char *const b[] = {"check", "--map", "posemo=sentiment:+",
                                  "--map=negemo=sentiment:-", D "check-b.dic", NULL};
  assert_int_equal(run(b), 0);
  assert_non_null(strstr(g_err, "check-b.dic:6: warning: conflicts with " D "check-b.dic:5: "
                                "'good' and 'goods' have the same stem, sentiment eval weight "
                                "0.5 there and -0.5 here (the later entry wins)\n"));
}

static void test_check_full_report(void **state) {
  (void)state;
  /* warnings sorted by file then line; the parse error keeps its place;
   * exit 1 because of it */
  static const char *const a[] = {"check", D "check-a.tsv", D "check-bad.lc3", D "liwc2007.dic",
                                  NULL};
  assert_int_equal(run(a), LXS_EDATA);
  assert_string_equal(
      g_err,
      "lexstance: " D "check-a.tsv:2: warning: duplicate of " D "check-a.tsv:1 ('wto', "
      "multilateralism target 1)\n"
      "lexstance: " D "check-a.tsv:4: warning: conflicts with " D "check-a.tsv:3: 'tariff' and "
      "'tariffs' have the same stem, us_protectionism target weight 1 there and -1 here (the "
      "later entry wins)\n"
      "lexstance: " D "check-a.tsv:5: warning: glob 'stat*' covers 7 different common words "
      "(state, statement, station, statistic, status, statute, ...); narrow the prefix or list "
      "the words\n"
      "lexstance: " D "check-a.tsv:7: warning: same stem as " D "check-a.tsv:6: 'trade' is a "
      "target of theme 'us_protectionism' and 'trade' a stance term of theme 'multilateralism'\n"
      "lexstance: " D "check-bad.lc3:1: entry before the first '+category' line\n"
      "lexstance: " D "liwc2007.dic:9: warning: LIWC2007 conditional category '(02 12)/126/464' "
      "of 'like' is not supported; ignored\n");
  assert_string_equal(g_out, "3 files, 14 entries, 5 warnings, 1 error\n");
}

static void test_check_errors(void **state) {
  (void)state;
  assert_int_equal(run((const char *const[]){"check", D "nope.dic", NULL}), LXS_EIO);
  assert_string_equal(g_err, "lexstance: " D "nope.dic: No such file or directory\n");
  assert_int_equal(run((const char *const[]){"check", NULL}), LXS_EUSAGE);
  assert_non_null(strstr(g_err, "lexstance: lexicon check needs at least one FILE\nusage: "));
  assert_int_equal(run((const char *const[]){"check", "--bogus", D "eq.tsv", NULL}), LXS_EUSAGE);
  assert_non_null(strstr(g_err, "lexstance: unknown option '--bogus'\n"));
  assert_int_equal(run((const char *const[]){"check", "--map", "posemo", D "eq.dic", NULL}),
                   LXS_EUSAGE);
  assert_non_null(strstr(g_err, "lexstance: --map 'posemo': expected CATEGORY=theme[:+|-]\n"));
  assert_int_equal(run((const char *const[]){"check", "--lexicon-format", "xls", D "eq.dic", NULL}),
                   LXS_EUSAGE);
  assert_int_equal(run((const char *const[]){"check", "--top", "3", D "eq.dic", NULL}), LXS_EUSAGE);
  assert_non_null(strstr(g_err, "lexstance: option '--top' is not for this subcommand\n"));
  assert_int_equal(run((const char *const[]){"frobnicate", NULL}), LXS_EUSAGE);
  assert_non_null(strstr(g_err, "unknown lexicon subcommand 'frobnicate' (check, coverage)"));
  assert_int_equal(run((const char *const[]){NULL}), LXS_EUSAGE);
  assert_int_equal(run((const char *const[]){"check", "--language", "klingon", D "eq.tsv", NULL}),
                   LXS_EUSAGE);
  assert_int_equal(run((const char *const[]){"check", "--map-file", D "nope.tsv", D "eq.dic",
                                             NULL}), LXS_EIO);
  assert_int_equal(run((const char *const[]){"--help", NULL}), 0);
  assert_non_null(strstr(g_out, "usage: lexstance lexicon check"));
}

static void test_check_formats_and_mapping(void **state) {
  (void)state;
  /* every fixture dictionary of the equivalence set is clean */
  static const char *const a[] = {"check", "--map-file", D "th.map", D "th.dic", NULL};
  assert_int_equal(run(a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(g_out, "1 file, 12 entries, 0 warnings, 0 errors\n");
  /* the same dictionary twice: every entry a duplicate of the other file */
  static const char *const b[] = {"check", "--map-file", D "th.map", D "th.dic", D "th.yml",
                                  NULL};
  assert_int_equal(run(b), 0);
  assert_string_equal(g_out, "2 files, 24 entries, 12 warnings, 0 errors\n");
  assert_non_null(strstr(g_err, "lexstance: " D "th.yml:1: warning: duplicate of " D
                                "th.dic:18 ('tariff*', us_protectionism target 1)\n"));
  /* an explicit format */
  static const char *const c[] = {"check", "--lexicon-format", "lexicoder", D "check-bad.lc3",
                                  NULL};
  assert_int_equal(run(c), LXS_EDATA);
}

/* ---- coverage ------------------------------------------------------------------ */

static void test_coverage_sections(void **state) {
  (void)state;
  static const char *const a[] = {"coverage", "--no-default-lexicons", "--corpus",
                                  D "corpus.txt", "--", D "cov.tsv", NULL};
  assert_int_equal(run(a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(
      g_out,
      "# entries\r\n"
      "source,line,term,theme,role,weight,hits,docs\r\n"
      D "cov.tsv,1,wto,multilateralism,target,1.0000,2,1\r\n"
      D "cov.tsv,2,tariff*,us_protectionism,target,1.0000,0,0\r\n"
      D "cov.tsv,3,tariffs,us_protectionism,target,1.0000,3,1\r\n"
      D "cov.tsv,4,trade war,us_protectionism,stance,-0.5000,0,0\r\n"
      D "cov.tsv,5,good,sentiment,eval,0.5000,1,1\r\n"
      D "cov.tsv,6,harmful,sentiment,eval,-0.5000,1,1\r\n"
      D "cov.tsv,7,very,-,intensifier,1.5000,1,1\r\n"
      D "cov.tsv,8,but,-,contrast,1.5000,1,1\r\n"
      D "cov.tsv,9,global south,global_south,target,1.0000,0,0\r\n"
      "\r\n# speakers\r\n"
      "source,line,term,theme,role,speaker,hits\r\n"
      D "cov.tsv,1,wto,multilateralism,target,author,1\r\n"
      D "cov.tsv,1,wto,multilateralism,target,Jane Doe,1\r\n"
      D "cov.tsv,3,tariffs,us_protectionism,target,author,1\r\n"
      D "cov.tsv,3,tariffs,us_protectionism,target,Jane Doe,2\r\n"
      D "cov.tsv,5,good,sentiment,eval,author,1\r\n"
      D "cov.tsv,6,harmful,sentiment,eval,author,1\r\n"
      D "cov.tsv,7,very,-,intensifier,author,1\r\n"
      D "cov.tsv,8,but,-,contrast,author,1\r\n"
      "\r\n# unmatched\r\n"
      "source,line,term,theme,role,reason\r\n"
      D "cov.tsv,2,tariff*,us_protectionism,target,no match in the corpus\r\n"
      D "cov.tsv,4,trade war,us_protectionism,stance,no match in the corpus\r\n"
      D "cov.tsv,9,global south,global_south,target,no match in the corpus\r\n"
      "\r\n# candidates\r\n"
      "word,stem,count,themes\r\n"
      "farmers,farmer,3,multilateralism us_protectionism\r\n"
      "workers,worker,2,multilateralism us_protectionism\r\n"
      "failed,fail,1,multilateralism us_protectionism\r\n"
      "helps,help,1,us_protectionism\r\n"
      "jobs,job,1,us_protectionism\r\n"
      "protect,protect,1,us_protectionism\r\n");
}

static void test_coverage_tsv_corpus_and_top(void **state) {
  (void)state;
  /* lexicons before --corpus, corpus files up to the next option */
  static const char *const a[] = {"coverage", "--no-default-lexicons", D "cov.tsv", "--corpus",
                                  D "corpus.tsv", "--input", "tsv", "--top", "1", NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_out, D "cov.tsv,4,trade war,us_protectionism,stance,-0.5000,1,1\r\n"));
  assert_non_null(strstr(g_out, D "cov.tsv,1,wto,multilateralism,target,1.0000,1,1\r\n"));
  const char *c = strstr(g_out, "# candidates\r\nword,stem,count,themes\r\n");
  assert_non_null(c);
  assert_string_equal(c, "# candidates\r\nword,stem,count,themes\r\n"
                         "exporters,export,2,multilateralism us_protectionism\r\n");
}

static void test_coverage_overridden_and_mapped(void **state) {
  (void)state;
  /* a dictionary with a mapping; an entry overridden by a later file */
  static const char *const a[] = {"coverage", "--no-default-lexicons", "--map-file", D "th.map",
                                  "--corpus=" D "corpus.txt", "--", D "th.tsv", D "th.yml",
                                  NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_out, D "th.tsv,1,tariff*,us_protectionism,target,overridden by "
                                D "th.yml:1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,1,tariff*,us_protectionism,target,1.0000,3,1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,7,harm*,sentiment,eval,-0.5000,1,1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,6,good,sentiment,eval,0.5000,1,1\r\n"));
}

static void test_coverage_with_defaults(void **state) {
  (void)state;
  static const char *const a[] = {"coverage", "--corpus", D "corpus.txt", "--", D "cov.tsv",
                                  NULL};
  assert_int_equal(run(a), 0);
  assert_non_null(strstr(g_out, D "cov.tsv,1,wto,multilateralism,target,1.0000,2,1\r\n"));
  /* the embedded lexicons' entries are listed first */
  assert_true(strstr(g_out, "# entries\r\nsource,line,term,theme,role,weight,hits,docs\r\n" D) ==
              NULL);
}

static void test_coverage_errors(void **state) {
  (void)state;
  assert_int_equal(run((const char *const[]){"coverage", D "cov.tsv", NULL}), LXS_EUSAGE);
  assert_non_null(strstr(g_err, "lexstance: lexicon coverage needs --corpus FILE...\n"));
  assert_int_equal(run((const char *const[]){"coverage", "--no-default-lexicons", "--corpus",
                                             D "missing.txt", "--", D "cov.tsv", NULL}),
                   LXS_EIO);
  assert_int_equal(run((const char *const[]){"coverage", "--no-default-lexicons", "--corpus",
                                             D "corpus.txt", "--", D "eq.tsv", NULL}),
                   LXS_EDATA);
  assert_string_equal(g_err, "lexstance: no themes loaded (no lexicon defines a theme)\n");
  assert_int_equal(run((const char *const[]){"coverage", "--no-default-lexicons", "--corpus",
                                             D "corpus.txt", "--", D "check-bad.lc3", NULL}),
                   LXS_EDATA);
  assert_string_equal(g_err, "lexstance: " D "check-bad.lc3:1: entry before the first "
                             "'+category' line\n");
  assert_int_equal(run((const char *const[]){"coverage", "--top", "x", "--corpus",
                                             D "corpus.txt", NULL}), LXS_EUSAGE);
  assert_int_equal(run((const char *const[]){"coverage", "--input", "xml", "--corpus",
                                             D "corpus.txt", NULL}), LXS_EUSAGE);
  assert_int_equal(run((const char *const[]){"coverage", "--with-defaults", "--corpus",
                                             D "corpus.txt", NULL}), LXS_EUSAGE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_check_clean, teardown),
      cmocka_unit_test_teardown(test_check_duplicate_and_conflict, teardown),
      cmocka_unit_test_teardown(test_check_conflict_across_files, teardown),
      cmocka_unit_test_teardown(test_check_opposite_pole, teardown),
      cmocka_unit_test_teardown(test_check_broad_glob, teardown),
      cmocka_unit_test_teardown(test_glob_breadth, teardown),
      cmocka_unit_test_teardown(test_check_never_matches_and_collision, teardown),
      cmocka_unit_test_teardown(test_check_full_report, teardown),
      cmocka_unit_test_teardown(test_check_errors, teardown),
      cmocka_unit_test_teardown(test_check_formats_and_mapping, teardown),
      cmocka_unit_test_teardown(test_coverage_sections, teardown),
      cmocka_unit_test_teardown(test_coverage_tsv_corpus_and_top, teardown),
      cmocka_unit_test_teardown(test_coverage_overridden_and_mapped, teardown),
      cmocka_unit_test_teardown(test_coverage_with_defaults, teardown),
      cmocka_unit_test_teardown(test_coverage_errors, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
