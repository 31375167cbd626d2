/* test_comparison.c - the comparison model (src/comparison.c): pooling,
 * ranks, the speakers the differences take, evidence and the wording of
 * an undistinguishable pair.  The renderers' bytes are the CLI goldens'. */
#include "testutil.h"

#include "comparison.h"

static const char *kLex = "wto\tmultilateralism\ttarget\t1\n"
                          "good\tsentiment\teval\t0.5\n"
                          "bad\tsentiment\teval\t-0.5\n";

/* One document of one speaker, as a JSONL record with a "speaker". */
static void add_doc(lxs_comparison *c, lxs_scorer *sc, const char *doc, const char *speaker,
                    const char *text) {
  lxs_options opt = {0};
  const lxs_result *res = lxs_scorer_run(sc, text, strlen(text), &opt);
  assert_non_null(res);
  ((lxs_speaker *)res->speakers)[0].name = speaker;
  lxs_comparison_add(c, doc, text, res, 1);
}

static void test_pools_ranks_and_evidence(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon(kLex);
  lxs_scorer *sc = lxs_scorer_new(lex, NULL, 0);
  lxs_cmp_opts o = {200, 0.95, 1, 0};
  lxs_comparison c;
  lxs_comparison_init(&c, lex, &o);
  add_doc(&c, sc, "d1", "Ann", "The WTO is good.");
  add_doc(&c, sc, "d2", "Bob", "The WTO is bad.");
  add_doc(&c, sc, "d3", "ann", "The WTO is good."); /* same identity key as Ann */
  add_doc(&c, sc, "d4", "Cy", "The WTO is good.");
  lxs_comparison_finish(&c);
  assert_int_equal(c.n_speakers, 3);
  assert_string_equal(c.speakers[0].label, "Ann");
  assert_int_equal(c.speakers[0].agg.sentences, 2);
  assert_string_equal(c.speakers[2].label, "Cy");
  /* Ann and Cy tie at the top: the first to appear ranks first */
  assert_int_equal(c.speakers[0].rank[0], 1);
  assert_int_equal(c.speakers[2].rank[0], 2);
  assert_int_equal(c.speakers[1].rank[0], 3);
  assert_int_equal(c.n_with_sentences, 3);
  /* the stance matches only, each with its sentence */
  assert_int_equal(c.n_evidence, 4);
  const lxs_cmp_evidence *e = &c.evidence[1];
  assert_string_equal(e->doc, "d2");
  assert_string_equal(e->speaker, "Bob");
  assert_string_equal(e->text, "The WTO is bad.");
  assert_int_equal(e->match_start, 11); /* "bad", the word that carries the stance */
  assert_int_equal(e->match_end, 14);
  assert_true(e->contribution < 0);
  lxs_comparison_free(&c);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void test_by_article_keeps_rows_apart(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon(kLex);
  lxs_scorer *sc = lxs_scorer_new(lex, NULL, 0);
  lxs_cmp_opts o = {0, 0.95, 1, 1};
  lxs_comparison c;
  lxs_comparison_init(&c, lex, &o);
  add_doc(&c, sc, "d1", "Ann", "The WTO is good.");
  add_doc(&c, sc, "d3", "Ann", "The WTO is bad.");
  lxs_comparison_finish(&c);
  assert_int_equal(c.n_speakers, 2);
  assert_string_equal(c.speakers[0].label, "Ann (d1)");
  assert_string_equal(c.speakers[1].label, "Ann (d3)");
  assert_string_equal(c.speakers[1].article, "d3");
  assert_false(c.speakers[0].stance_ci[0].ok); /* no resamples: no interval */
  lxs_comparison_free(&c);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* 45 speakers: the differences take the 40 with the most sentences, the
 * first to appear among equals. */
static void test_differences_take_the_most_sentences(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon(kLex);
  lxs_scorer *sc = lxs_scorer_new(lex, NULL, 0);
  lxs_cmp_opts o = {0, 0.95, 1, 0};
  lxs_comparison c;
  lxs_comparison_init(&c, lex, &o);
  char name[16];
  for (int i = 0; i < 45; i++) {
    snprintf(name, sizeof name, "Speaker %c%c", 'a' + i / 26, 'a' + i % 26);
    add_doc(&c, sc, "d", name,
            i == 44 ? "The WTO is bad. The WTO is bad. The WTO is good."
            : i % 2 ? "The WTO is bad."
                    : "The WTO is good.");
  }
  lxs_comparison_finish(&c);
  assert_int_equal(c.n_with_sentences, 45);
  int seen[45] = {0};
  for (size_t k = 0; k < c.n_pairs; k++) {
    seen[c.pairs[k].a] = seen[c.pairs[k].b] = 1;
    assert_true(c.pairs[k].a < c.pairs[k].b);
  }
  for (int i = 0; i < 45; i++) assert_int_equal(seen[i], i < 39 || i == 44);
  assert_int_equal(c.n_pairs, 40 * 39 / 2);
  lxs_comparison_free(&c);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void test_why_not_apart_names_each_failing_condition(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon(kLex);
  lxs_cmp_opts o = {0, 0.9, 1, 0};
  lxs_comparison c;
  lxs_comparison_init(&c, lex, &o);
  lxs_cmp_pair both = {.p_value = 0.5, .ci = {.lo = -0.2, .hi = 0.3, .ok = 1}};
  lxs_cmp_pair high_p = {.p_value = 0.2, .ci = {.lo = 0.1, .hi = 0.3, .ok = 1}};
  lxs_cmp_pair zero = {.p_value = 0.01, .ci = {.lo = -0.1, .hi = 0.3, .ok = 1}};
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_cmp_why_not_apart(&b, &c, &both, ">=");
  assert_string_equal(lxs_buf_cstr(&b), "the interval includes 0 and p >= 0.10");
  b.len = 0;
  lxs_cmp_why_not_apart(&b, &c, &high_p, "&ge;");
  assert_string_equal(lxs_buf_cstr(&b), "the interval excludes 0, but p &ge; 0.10");
  b.len = 0;
  lxs_cmp_why_not_apart(&b, &c, &zero, ">=");
  assert_string_equal(lxs_buf_cstr(&b), "the interval includes 0");
  b.len = 0;
  lxs_cmp_signed(&b, -0.004);
  lxs_cmp_signed(&b, -0.25);
  assert_string_equal(lxs_buf_cstr(&b), "+0.00-0.25");
  lxs_buf_free(&b);
  lxs_comparison_free(&c);
  lxs_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pools_ranks_and_evidence),
      cmocka_unit_test(test_by_article_keeps_rows_apart),
      cmocka_unit_test(test_differences_take_the_most_sentences),
      cmocka_unit_test(test_why_not_apart_names_each_failing_condition),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
