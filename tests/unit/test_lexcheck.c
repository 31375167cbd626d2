/* test_lexcheck.c - `lexstance lexicon check` and `lexicon coverage`
 * (src/lexcheck.c). */
#include "testutil.h"

#include "lexcheck.h"

#define D "tests/fixtures/dicts/"

static char *g_out, *g_err;

/* What a test gives the checks: the options the command line would
 * parse (src/cmd_lexicon.c; its usage errors are CLI tests). */
typedef struct {
  const char *format, *map_file, *language;
  const char *maps[4];
  int with_defaults, no_defaults;
  lxs_input_format input;
  size_t top; /* 0: the default, 20 */
  const char *files[8];
  const char *corpus[4];
} args;

static size_t count(const char *const *v) {
  size_t n = 0;
  while (v[n]) n++;
  return n;
}

/* Runs check (coverage = 0) or coverage with output captured in g_out
 * and g_err. */
static int run_with(int coverage, const args *a) {
  free(g_out);
  free(g_err);
  size_t no, ne;
  FILE *fo = open_memstream(&g_out, &no), *fe = open_memstream(&g_err, &ne);
  assert_non_null(fo);
  assert_non_null(fe);
  char err[256];
  lxs_mapping *map = lxs_mapping_new();
  for (size_t i = 0; a->maps[i]; i++)
    assert_int_equal(lxs_mapping_add_spec(map, a->maps[i], err, sizeof err), 0);
  int rc = 0;
  if (a->map_file) rc = lxs_mapping_load_file(map, a->map_file, err, sizeof err);
  if (rc == 0) {
    lxs_lexcheck_opts o = {a->format,      map,
                           a->language,    a->with_defaults,
                           a->no_defaults, 0,
                           a->input,       a->top ? a->top : 20,
                           a->files,       count(a->files),
                           a->corpus,      count(a->corpus)};
    if (coverage) {
      /* the four tables, each after a "# name" line, as one text */
      lxs_buf t[LXS_COV_TABLES];
      for (int i = 0; i < LXS_COV_TABLES; i++) lxs_buf_init(&t[i]);
      rc = lxs_lexicon_coverage(&o, t, fe);
      for (int i = 0; rc == 0 && i < LXS_COV_TABLES; i++)
        fprintf(fo, "%s# %s\r\n%s", i ? "\r\n" : "", lxs_coverage_table_names[i],
                t[i].data ? t[i].data : "");
      for (int i = 0; i < LXS_COV_TABLES; i++) lxs_buf_free(&t[i]);
    } else {
      rc = lxs_lexicon_check(&o, fo, fe);
    }
  } else {
    fprintf(fe, "lexstance: %s\n", err);
  }
  lxs_mapping_free(map);
  fclose(fo);
  fclose(fe);
  return rc;
}

static int check(const args *a) { return run_with(0, a); }
static int coverage(const args *a) { return run_with(1, a); }

/* check FILE... */
#define CHECK(...) check(&(args){.files = {__VA_ARGS__}})

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
  static const args a = {.files = {
                             D "check-clean.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(g_out, "1 file, 4 entries, 0 warnings, 0 errors\n");
}

static void test_check_duplicate_and_conflict(void **state) {
  (void)state;
  static const args a = {.files = {
                             D "check-a.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:2: warning: duplicate of " D
                                "check-a.tsv:1 ('wto', multilateralism target 1)\n"));
  /* same stem, other weight */
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:4: warning: conflicts with " D
                                "check-a.tsv:3: 'tariff' and 'tariffs' have the same stem, "
                                "us_protectionism target weight 1 there and -1 here (the later "
                                "entry wins)\n"));
  /* different words, one stem, one weight: still a duplicate */
  assert_int_equal(CHECK(D "check-stem.tsv"), 0);
  assert_string_equal(g_err, "lexstance: " D "check-stem.tsv:2: warning: duplicate of " D
                             "check-stem.tsv:1: 'abandon' and 'abandons' have the same stem "
                             "(sentiment eval -0.5)\n");
}

static void test_check_conflict_across_files(void **state) {
  (void)state;
  static const args a = {.files = {
                             D "check-a.tsv",
                             D "check-c.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-c.tsv:1: warning: conflicts with " D
                                "check-a.tsv:2: 'wto' is multilateralism target weight 1 there "
                                "and -1 here (the later entry wins)\n"));
}

static void test_check_opposite_pole(void **state) {
  (void)state;
  static const args a = {.files = {
                             D "check-pole.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_string_equal(g_err, "lexstance: " D "check-pole.tsv:2: warning: opposite pole to " D
                             "check-pole.tsv:1: 'trade' is us_protectionism target 1 there, "
                             "'trading' stance -0.5 here\n");
  assert_string_equal(g_out, "1 file, 2 entries, 1 warning, 0 errors\n");
}

/* A positive stance term that is also a negative target of its theme is
 * a grievance, written so on purpose; the other way round it clashes. */
static void test_check_grievance_pair(void **state) {
  (void)state;
  static const args a = {.files = {
                             D "check-grievance.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_string_equal(g_err, "lexstance: " D "check-grievance.tsv:4: warning: opposite pole to " D
                             "check-grievance.tsv:3: 'trade war' is us_protectionism stance -0.5 "
                             "there, 'trade war' target 1 here\n");
  assert_string_equal(g_out, "1 file, 4 entries, 1 warning, 0 errors\n");
}

static void test_check_broad_glob(void **state) {
  (void)state;
  static const args a = {.files = {
                             D "check-a.tsv",
                         }};
  assert_int_equal(check(&a), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:5: warning: glob 'stat*' covers 7 "
                                "different common words (state, statement, station, statistic, "
                                "status, statute, ...); narrow the prefix or list the words\n"));
  /* a narrow glob is quiet */
  static const args b = {.files = {
                             D "check-clean.tsv",
                             D "th.dic",
                         }};
  assert_int_equal(check(&b), 0);
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
  static const args a = {.files = {
                             D "check-b.dic",
                         }};
  assert_int_equal(check(&a), 0);
  assert_string_equal(g_err,
                      "lexstance: " D "check-b.dic:6: warning: same stem as " D "check-b.dic:5: "
                      "'good' is a target of theme 'posemo' and 'goods' a target of theme "
                      "'negemo'\n"
                      "lexstance: " D "check-b.dic:7: warning: 'fair :) deal' can never match: "
                      "text tokens never carry its punctuation; skipped\n");
  assert_string_equal(g_out, "1 file, 2 entries, 2 warnings, 0 errors\n");
  /* a stance term on another theme's target */
  assert_int_equal(CHECK(D "check-a.tsv"), 0);
  assert_non_null(strstr(g_err, "lexstance: " D "check-a.tsv:7: warning: same stem as " D
                                "check-a.tsv:6: 'trade' is a target of theme 'us_protectionism' "
                                "and 'trade' a stance term of theme 'multilateralism'\n"));
  /* mapped to one theme, the two become a conflict instead */
  static const args b = {.maps = {"posemo=sentiment:+", "negemo=sentiment:-"},
                         .files = {D "check-b.dic"}};
  assert_int_equal(check(&b), 0);
  assert_non_null(strstr(g_err, "check-b.dic:6: warning: conflicts with " D "check-b.dic:5: "
                                "'good' and 'goods' have the same stem, sentiment eval weight "
                                "0.5 there and -0.5 here (the later entry wins)\n"));
}

static void test_check_full_report(void **state) {
  (void)state;
  /* warnings sorted by file then line; the parse error keeps its place;
   * exit 1 because of it */
  static const args a = {.files = {
                             D "check-a.tsv",
                             D "check-bad.lc3",
                             D "liwc2007.dic",
                         }};
  assert_int_equal(check(&a), LXS_EDATA);
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

/* The usage errors (options, subcommands) are the CLI's: tests/cli/cases/lexicon.sh. */
static void test_check_errors(void **state) {
  (void)state;
  assert_int_equal(CHECK(D "nope.dic"), LXS_EIO);
  assert_string_equal(g_err, "lexstance: " D "nope.dic: No such file or directory\n");
  assert_int_equal(check(&(args){.language = "klingon", .files = {D "eq.tsv"}}), LXS_EINVAL);
  assert_non_null(strstr(g_err, "klingon"));
}

static void test_check_formats_and_mapping(void **state) {
  (void)state;
  /* every fixture dictionary of the equivalence set is clean */
  static const args a = {.map_file = D "th.map", .files = {D "th.dic"}};
  assert_int_equal(check(&a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(g_out, "1 file, 12 entries, 0 warnings, 0 errors\n");
  /* the same dictionary twice: every entry a duplicate of the other file */
  static const args b = {.map_file = D "th.map", .files = {D "th.dic", D "th.yml"}};
  assert_int_equal(check(&b), 0);
  assert_string_equal(g_out, "2 files, 24 entries, 12 warnings, 0 errors\n");
  assert_non_null(strstr(g_err, "lexstance: " D "th.yml:1: warning: duplicate of " D
                                "th.dic:18 ('tariff*', us_protectionism target 1)\n"));
  /* an explicit format */
  static const args c = {.format = "lexicoder", .files = {D "check-bad.lc3"}};
  assert_int_equal(check(&c), LXS_EDATA);
}

/* ---- coverage ------------------------------------------------------------------ */

static void test_coverage_sections(void **state) {
  (void)state;
  static const args a = {.no_defaults = 1, .corpus = {D "corpus.txt"}, .files = {D "cov.tsv"}};
  assert_int_equal(coverage(&a), 0);
  assert_string_equal(g_err, "");
  assert_string_equal(
      g_out,
      "# entries\r\n"
      "source,line,term,theme,role,weight,hits,docs\r\n" D
      "cov.tsv,1,wto,multilateralism,target,1.0000,2,1\r\n" D
      "cov.tsv,2,tariff*,us_protectionism,target,1.0000,0,0\r\n" D
      "cov.tsv,3,tariffs,us_protectionism,target,1.0000,3,1\r\n" D
      "cov.tsv,4,trade war,us_protectionism,stance,-0.5000,0,0\r\n" D
      "cov.tsv,5,good,sentiment,eval,0.5000,1,1\r\n" D
      "cov.tsv,6,harmful,sentiment,eval,-0.5000,1,1\r\n" D
      "cov.tsv,7,very,-,intensifier,1.5000,1,1\r\n" D "cov.tsv,8,but,-,contrast,1.5000,1,1\r\n" D
      "cov.tsv,9,global south,global_south,target,1.0000,0,0\r\n"
      "\r\n# speakers\r\n"
      "source,line,term,theme,role,speaker,hits\r\n" D
      "cov.tsv,1,wto,multilateralism,target,author,1\r\n" D
      "cov.tsv,1,wto,multilateralism,target,Jane Doe,1\r\n" D
      "cov.tsv,3,tariffs,us_protectionism,target,author,1\r\n" D
      "cov.tsv,3,tariffs,us_protectionism,target,Jane Doe,2\r\n" D
      "cov.tsv,5,good,sentiment,eval,author,1\r\n" D
      "cov.tsv,6,harmful,sentiment,eval,author,1\r\n" D
      "cov.tsv,7,very,-,intensifier,author,1\r\n" D "cov.tsv,8,but,-,contrast,author,1\r\n"
      "\r\n# unmatched\r\n"
      "source,line,term,theme,role,reason\r\n" D
      "cov.tsv,2,tariff*,us_protectionism,target,no match in the corpus\r\n" D
      "cov.tsv,4,trade war,us_protectionism,stance,no match in the corpus\r\n" D
      "cov.tsv,9,global south,global_south,target,no match in the corpus\r\n"
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
  static const args a = {.no_defaults = 1,
                         .files = {D "cov.tsv"},
                         .corpus = {D "corpus.tsv"},
                         .input = LXS_IN_TSV,
                         .top = 1};
  assert_int_equal(coverage(&a), 0);
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
  static const args a = {.no_defaults = 1,
                         .map_file = D "th.map",
                         .corpus = {D "corpus.txt"},
                         .files = {D "th.tsv", D "th.yml"}};
  assert_int_equal(coverage(&a), 0);
  assert_non_null(
      strstr(g_out, D "th.tsv,1,tariff*,us_protectionism,target,overridden by " D "th.yml:1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,1,tariff*,us_protectionism,target,1.0000,3,1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,7,harm*,sentiment,eval,-0.5000,1,1\r\n"));
  assert_non_null(strstr(g_out, D "th.yml,6,good,sentiment,eval,0.5000,1,1\r\n"));
}

static void test_coverage_with_defaults(void **state) {
  (void)state;
  static const args a = {.corpus = {D "corpus.txt"}, .files = {D "cov.tsv"}};
  assert_int_equal(coverage(&a), 0);
  assert_non_null(strstr(g_out, D "cov.tsv,1,wto,multilateralism,target,1.0000,2,1\r\n"));
  /* the embedded lexicons' entries are listed first */
  assert_true(strstr(g_out, "# entries\r\nsource,line,term,theme,role,weight,hits,docs\r\n" D) ==
              NULL);
}

static void test_coverage_errors(void **state) {
  (void)state;
  assert_int_equal(
      coverage(&(args){.no_defaults = 1, .corpus = {D "missing.txt"}, .files = {D "cov.tsv"}}),
      LXS_EIO);
  assert_int_equal(
      coverage(&(args){.no_defaults = 1, .corpus = {D "corpus.txt"}, .files = {D "eq.tsv"}}),
      LXS_EDATA);
  assert_string_equal(g_err, "lexstance: no themes loaded (no lexicon defines a theme)\n");
  assert_int_equal(
      coverage(&(args){.no_defaults = 1, .corpus = {D "corpus.txt"}, .files = {D "check-bad.lc3"}}),
      LXS_EDATA);
  assert_string_equal(g_err, "lexstance: " D "check-bad.lc3:1: entry before the first "
                             "'+category' line\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_check_clean, teardown),
      cmocka_unit_test_teardown(test_check_duplicate_and_conflict, teardown),
      cmocka_unit_test_teardown(test_check_conflict_across_files, teardown),
      cmocka_unit_test_teardown(test_check_opposite_pole, teardown),
      cmocka_unit_test_teardown(test_check_grievance_pair, teardown),
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
