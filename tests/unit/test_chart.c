/* test_chart.c - what the chart (src/chart.c) and the report page's
 * evidence (src/compare_html.c) show: a dot coloured only where its
 * interval excludes 0, the whisker drawn over the dot, long names cut with
 * the whole name in the tooltip, an article's row naming its article, and
 * the evidence once per sentence with the article when there are several.
 * The whole bytes are the CLI goldens' (tests/cli/cases/render.sh). */
#include "testutil.h"

#include "comparison.h"

static const char *kLex = "wto\tmultilateralism\ttarget\t1\n"
                          "good\tsentiment\teval\t0.5\n"
                          "bad\tsentiment\teval\t-0.5\n";

#define NEUTRAL_DOT "fill=\"#b3b9c1\" fill-opacity=\"0.8\" stroke=\"#ffffff\"><title>"
#define FAVOURS_DOT "fill=\"#2f6db5\" fill-opacity=\"0.8\" stroke=\"#ffffff\"><title>"
#define OPPOSES_DOT "fill=\"#d95f02\" fill-opacity=\"0.8\" stroke=\"#ffffff\"><title>"

typedef struct {
  lxs_lexicon *lex;
  lxs_scorer *sc;
  lxs_comparison c;
  lxs_buf out;
} fixture;

static void setup(fixture *f, int by_article) {
  f->lex = test_lexicon(kLex);
  f->sc = lxs_scorer_new(f->lex, NULL, 0);
  lxs_cmp_opts o = {0, 0.95, 1, by_article};
  lxs_comparison_init(&f->c, f->lex, &o);
  lxs_buf_init(&f->out);
}

static void teardown(fixture *f) {
  lxs_buf_free(&f->out);
  lxs_comparison_free(&f->c);
  lxs_scorer_free(f->sc);
  lxs_lexicon_free(f->lex);
}

/* One document of one speaker, as a JSONL record with a "speaker". */
static void add_doc(fixture *f, const char *doc, const char *speaker, const char *text) {
  lxs_options opt = {0};
  const lxs_result *res = lxs_scorer_run(f->sc, text, strlen(text), &opt);
  assert_non_null(res);
  ((lxs_speaker *)res->speakers)[0].name = speaker;
  lxs_comparison_add(&f->c, doc, text, res, 1);
}

static void set_interval(lxs_cmp_speaker *s, double lo, double hi) {
  s->stance_ci[0].ok = 1;
  s->stance_ci[0].lo = lo;
  s->stance_ci[0].hi = hi;
}

static void test_colour_only_where_the_interval_excludes_zero(void **state) {
  (void)state;
  fixture f;
  setup(&f, 0);
  add_doc(&f, "d1", "Ann", "The WTO is bad.");
  add_doc(&f, "d2", "Bob", "The WTO is good.");
  add_doc(&f, "d3", "Cy", "The WTO is bad.");
  add_doc(&f, "d4", "Di", "The WTO is good.");
  lxs_comparison_finish(&f.c);
  set_interval(&f.c.speakers[0], -0.30, 0.20); /* negative, but spans 0: not "against" */
  set_interval(&f.c.speakers[1], 0.20, 0.80);
  set_interval(&f.c.speakers[2], -0.80, -0.20);
  /* Di: no interval (no resamples): not coloured either */
  lxs_compare_svg(&f.out, &f.c);
  const char *svg = lxs_buf_cstr(&f.out);
  assert_non_null(strstr(svg, NEUTRAL_DOT "Ann: stance -"));
  assert_non_null(strstr(svg, FAVOURS_DOT "Bob: stance +"));
  assert_non_null(strstr(svg, OPPOSES_DOT "Cy: stance -"));
  assert_non_null(strstr(svg, NEUTRAL_DOT "Di: stance +"));
  /* the legend says what each colour, a whisker and a dot's size mean,
   * and each panel has its axis title */
  assert_non_null(strstr(svg, ">favours: interval above 0</text>"));
  assert_non_null(strstr(svg, ">opposes: interval below 0</text>"));
  assert_non_null(strstr(svg, ">interval includes 0, or none</text>"));
  assert_non_null(strstr(svg, ">95% interval</text>"));
  assert_non_null(strstr(svg, ">dot area: salience (mentions per 1,000 words)</text>"));
  assert_non_null(strstr(svg, ">stance (-1 opposes, +1 favours)</text>"));
  teardown(&f);
}

static void test_whisker_over_the_dot(void **state) {
  (void)state;
  fixture f;
  setup(&f, 0);
  add_doc(&f, "d1", "Ann", "The WTO is good.");
  lxs_comparison_finish(&f.c);
  set_interval(&f.c.speakers[0], 0.10, 0.30);
  lxs_compare_svg(&f.out, &f.c);
  const char *svg = lxs_buf_cstr(&f.out);
  const char *dot = strstr(svg, "<circle cx=\"");
  while (dot && !strstr(dot, "Ann: stance")) dot = strstr(dot + 1, "<circle cx=\"");
  const char *whisker = strstr(svg, "stroke-width=\"1.6\" fill=\"none\"/>");
  assert_non_null(dot);
  assert_non_null(whisker);
  assert_true(whisker > dot); /* drawn after, so on top */
  teardown(&f);
}

/* A 53-character name: the label shows 40 characters and an ellipsis (the
 * column as wide as that), the tooltip the whole name, escaped. */
static void test_long_name_cut_whole_in_tooltip(void **state) {
  (void)state;
  fixture f;
  setup(&f, 0);
  const char *name = "José <Ana> María de los Santos y Fernández-Ortega III";
  add_doc(&f, "d1", name, "The WTO is good.");
  lxs_comparison_finish(&f.c);
  lxs_compare_svg(&f.out, &f.c);
  const char *svg = lxs_buf_cstr(&f.out);
  assert_non_null(strstr(svg, "text-anchor=\"end\">José &lt;Ana&gt; María de los Santos y "
                              "Fernánd…</text>"));
  assert_non_null(strstr(svg, "<title>José &lt;Ana&gt; María de los Santos y "
                              "Fernández-Ortega III: stance"));
  /* 41 characters of 7.2 px and a 24 px margin: the first panel starts there */
  assert_non_null(strstr(svg, "<rect x=\"320.0\" y=\"126.0\" width=\"230.0\""));
  teardown(&f);
}

static void test_by_article_row_names_its_article(void **state) {
  (void)state;
  fixture f;
  setup(&f, 1);
  add_doc(&f, "gt-2025-11-02", "Ann", "The WTO is good.");
  lxs_comparison_finish(&f.c);
  lxs_compare_svg(&f.out, &f.c);
  const char *svg = lxs_buf_cstr(&f.out);
  assert_non_null(strstr(svg, "text-anchor=\"end\">Ann</text>"));
  assert_non_null(strstr(svg, "font-size=\"10\" fill=\"#666666\">gt-2025-11-02</text>"));
  teardown(&f);
}

/* Two matches in one sentence: the sentence once, both marked, each match
 * listed under it; the article shown, as the matches come from two. */
static void test_evidence_once_per_sentence(void **state) {
  (void)state;
  fixture f;
  setup(&f, 0);
  add_doc(&f, "d1", "Ann", "The WTO is good, the WTO is bad.");
  add_doc(&f, "d2", "Bob", "The WTO is <b>bad</b>.");
  lxs_comparison_finish(&f.c);
  assert_int_equal(f.c.n_evidence, 3);
  lxs_compare_html(&f.out, &f.c);
  const char *html = lxs_buf_cstr(&f.out);
  assert_non_null(strstr(html, "<tr><th>article</th><th>speaker</th>"));
  assert_non_null(strstr(html, "<tr><td>d1</td><td>Ann</td><td><p>The WTO is <mark>good</mark>, "
                               "the WTO is <mark>bad</mark>.</p><ul><li><b>+"));
  assert_non_null(strstr(html, "<tr><td>d2</td><td>Bob</td><td><p>The WTO is &lt;b&gt;"
                               "<mark>bad</mark>&lt;/b&gt;.</p><ul><li><b>-"));
  const char *p = html;
  size_t rows = 0;
  while ((p = strstr(p, "<tr><td>d")) != NULL) rows++, p++;
  assert_int_equal(rows, 2);
  teardown(&f);
}

/* Overlapping matches are marked as one span; one article: no column. */
static void test_overlapping_matches_one_mark(void **state) {
  (void)state;
  fixture f;
  setup(&f, 0);
  add_doc(&f, "d1", "Ann", "The WTO is good, the WTO is bad.");
  lxs_comparison_finish(&f.c);
  assert_int_equal(f.c.n_evidence, 2);
  f.c.evidence[1].match_start = 13; /* "od, the WTO is bad" over "good" */
  lxs_compare_html(&f.out, &f.c);
  const char *html = lxs_buf_cstr(&f.out);
  assert_null(strstr(html, "<th>article</th>"));
  assert_non_null(
      strstr(html, "<p>The WTO is <mark>good</mark><mark>, the WTO is bad</mark>.</p>"));
  teardown(&f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_colour_only_where_the_interval_excludes_zero),
      cmocka_unit_test(test_whisker_over_the_dot),
      cmocka_unit_test(test_long_name_cut_whole_in_tooltip),
      cmocka_unit_test(test_by_article_row_names_its_article),
      cmocka_unit_test(test_evidence_once_per_sentence),
      cmocka_unit_test(test_overlapping_matches_one_mark),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
