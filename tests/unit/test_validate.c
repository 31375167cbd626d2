/* test_validate.c - `lexstance validate`'s library: agreement measures,
 * reading labels, locating sentences, matching names. */
#include "testutil.h"

#include "labels.h"
#include "validate.h"

/* ---- measures ------------------------------------------------------------- */

static void macro_f1_perfect_and_all_wrong(void **state) {
  (void)state;
  const unsigned long perfect[9] = {3, 0, 0, 0, 2, 0, 0, 0, 5};
  assert_near(lxs_macro_f1(perfect, 3), 1.0, TEST_EPS);
  const unsigned long wrong[9] = {0, 3, 0, 0, 0, 2, 5, 0, 0};
  assert_near(lxs_macro_f1(wrong, 3), 0.0, TEST_EPS);
}

/* F1 per class is 2tp / (2tp + fp + fn): gold [-1,-1,0,+1,+1,+1],
 * predicted [-1,0,0,+1,+1,-1]: F1(-1) = 2/(2+1+1) = 0.5, F1(0) =
 * 2/(2+1+0) = 2/3, F1(+1) = 4/(4+0+1) = 0.8. */
static void macro_f1_worked_example(void **state) {
  (void)state;
  const unsigned long m[9] = {1, 1, 0, 0, 1, 0, 1, 0, 2};
  assert_near(lxs_macro_f1(m, 3), (0.5 + 2.0 / 3 + 0.8) / 3, TEST_EPS);
}

/* A class that neither gold nor prediction uses has no F1 and is left out
 * of the mean; an empty matrix has no macro-F1 at all. */
static void macro_f1_empty_classes(void **state) {
  (void)state;
  const unsigned long no_zero[9] = {2, 0, 1, 0, 0, 0, 0, 0, 3};
  /* F1(-1) = 4/5, F1(+1) = 6/7, class 0 unused */
  assert_near(lxs_macro_f1(no_zero, 3), (0.8 + 6.0 / 7) / 2, TEST_EPS);
  /* class 0 predicted but never gold: it counts, with F1 0 */
  const unsigned long predicted_zero[9] = {2, 1, 0, 0, 0, 0, 0, 0, 3};
  assert_near(lxs_macro_f1(predicted_zero, 3), (0.8 + 0 + 1) / 3, TEST_EPS);
  const unsigned long empty[9] = {0};
  assert_true(isnan(lxs_macro_f1(empty, 3)));
}

static void kappa_values(void **state) {
  (void)state;
  /* po = 35/50 = 0.7, pe = (25*30 + 25*20)/2500 = 0.5: kappa 0.4 */
  const unsigned long m[4] = {20, 5, 10, 15};
  assert_near(lxs_cohen_kappa(m, 2), 0.4, TEST_EPS);
  const unsigned long perfect[4] = {4, 0, 0, 6};
  assert_near(lxs_cohen_kappa(perfect, 2), 1.0, TEST_EPS);
  /* po = 0, pe = (5*5 + 5*5)/100 = 0.5: kappa -1 */
  const unsigned long opposite[4] = {0, 5, 5, 0};
  assert_near(lxs_cohen_kappa(opposite, 2), -1.0, TEST_EPS);
  /* both raters always say the same one class: pe = 1, undefined */
  const unsigned long one_class[4] = {7, 0, 0, 0};
  assert_true(isnan(lxs_cohen_kappa(one_class, 2)));
  const unsigned long empty[4] = {0};
  assert_true(isnan(lxs_cohen_kappa(empty, 2)));
}

static void prf_undefined_is_nan(void **state) {
  (void)state;
  lxs_prf p;
  lxs_prf_set(&p, 3, 1, 2);
  assert_near(p.precision, 0.75, TEST_EPS);
  assert_near(p.recall, 0.6, TEST_EPS);
  assert_near(p.f1, 6.0 / 9, TEST_EPS);
  lxs_prf_set(&p, 0, 0, 2); /* nothing predicted */
  assert_true(isnan(p.precision));
  assert_near(p.recall, 0, TEST_EPS);
  assert_near(p.f1, 0, TEST_EPS);
  lxs_prf_set(&p, 0, 0, 0);
  assert_true(isnan(p.precision) && isnan(p.recall) && isnan(p.f1));
}

/* The theme figures from one 4 x 4 matrix: a predicted absent counts as 0
 * for stance, and the detected-only figure drops it. */
static void theme_metrics_from_confusion(void **state) {
  (void)state;
  lxs_confusion c;
  memset(&c, 0, sizeof c);
  const int rows[][2] = {{-1, -1},
                         {0, LXS_GOLD_ABSENT},
                         {1, 0},
                         {1, 1},
                         {LXS_GOLD_ABSENT, 1},
                         {LXS_GOLD_ABSENT, LXS_GOLD_ABSENT},
                         {LXS_GOLD_ABSENT, LXS_GOLD_ABSENT},
                         {LXS_GOLD_ABSENT, LXS_GOLD_ABSENT}};
  for (size_t i = 0; i < 8; i++) lxs_confusion_add(&c, rows[i][0], rows[i][1]);
  lxs_theme_metrics m;
  lxs_theme_metrics_compute(&c, &m);
  assert_int_equal(m.rows, 8);
  assert_int_equal(m.gold_present, 4);
  assert_int_equal(m.detected, 3);
  assert_int_equal(m.detection.fp, 1);
  assert_int_equal(m.detection.fn, 1);
  assert_near(m.macro_f1, (1 + 2.0 / 3 + 2.0 / 3) / 3, TEST_EPS);
  assert_near(m.macro_f1_detected, (1 + 0 + 2.0 / 3) / 3, TEST_EPS);
  assert_near(m.kappa4, 3.0 / 7, TEST_EPS);
  assert_near(m.kappa_stance, 7.0 / 11, TEST_EPS);
  assert_int_equal(m.stance[1][3], 1);
  assert_int_equal(m.stance[2][1], 1);
}

/* ---- labels ---------------------------------------------------------------- */

static lxs_lexicon *themes_lex(void) {
  return test_lexicon("wto\tmultilateralism\ttarget\t1\n"
                      "tariff\tus_protectionism\ttarget\t1\n");
}

static int read_labels(lxs_labels *L, const lxs_lexicon *lex, const char *name, const char *data,
                       char *err) {
  return lxs_labels_read_buffer(L, name, data, strlen(data), LXS_TABLE_AUTO, lex, err, 256);
}

static void labels_tsv_columns_and_values(void **state) {
  (void)state;
  lxs_lexicon *lex = themes_lex();
  lxs_labels L;
  char err[256];
  int rc = read_labels(&L, lex, "x.tsv",
                       "\xEF\xBB\xBFnote\tDOC\tText\tus_protectionism\tspeaker\r\n"
                       "a\td1\tThe WTO.\t+1\tJane Roe\r\n"
                       "\r\n"
                       "b\td2\tTariffs.\tNA\tauthor\r\n",
                       err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(L.n, 2);
  assert_true(L.has_file && L.has_speaker);
  assert_false(L.has_theme[0]); /* no multilateralism column */
  assert_true(L.has_theme[1]);
  assert_string_equal(L.rows[0].file, "d1");
  assert_string_equal(L.rows[0].sentence, "The WTO.");
  assert_string_equal(L.rows[0].speaker, "Jane Roe");
  assert_int_equal(L.rows[0].gold[1], 1);
  assert_int_equal(L.rows[1].gold[1], LXS_GOLD_ABSENT);
  assert_int_equal(L.rows[1].line, 4);
  lxs_labels_free(&L);
  lxs_lexicon_free(lex);
}

/* CSV: quoted fields with commas, doubled quotes and line breaks; a record
 * knows the line it starts on. */
static void labels_csv_quoting_and_lines(void **state) {
  (void)state;
  lxs_lexicon *lex = themes_lex();
  lxs_labels L;
  char err[256];
  int rc = read_labels(&L, lex, "x.csv",
                       "id,sentence,multilateralism\n"
                       "1,\"The WTO, \"\"they say\"\",\nis old.\",-1\n"
                       "2,Plain.,0\n",
                       err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(L.n, 2);
  assert_string_equal(L.rows[0].sentence, "The WTO, \"they say\",\nis old.");
  assert_int_equal(L.rows[0].gold[0], -1);
  assert_int_equal(L.rows[0].line, 2);
  assert_int_equal(L.rows[1].line, 4);
  assert_int_equal(L.rows[1].gold[1], LXS_GOLD_ABSENT);
  lxs_labels_free(&L);
  /* the error names the line of the bad record, after a two-line one */
  rc = read_labels(&L, lex, "y.csv", "id,sentence,multilateralism\n1,\"a\nb\",1\n2,c,maybe\n", err);
  assert_int_equal(rc, LXS_EDATA);
  assert_string_equal(err, "y.csv:4: multilateralism: 'maybe' is not 1, 0, -1, blank or NA");
  lxs_labels_free(&L);
  lxs_lexicon_free(lex);
}

static void labels_errors_name_file_and_line(void **state) {
  (void)state;
  lxs_lexicon *lex = themes_lex();
  lxs_labels L;
  char err[256];
  assert_int_equal(
      read_labels(&L, lex, "a.tsv", "file\tsentence\tmultilateralism\nf\tx\t1\t\n", err),
      LXS_EDATA);
  assert_string_equal(err, "a.tsv:2: 4 fields, the header has 3");
  lxs_labels_free(&L);
  /* control characters in a bad value are not echoed to the terminal */
  assert_int_equal(read_labels(&L, lex, "b.tsv", "sentence\tmultilateralism\nx\t\033[2J\n", err),
                   LXS_EDATA);
  assert_string_equal(err, "b.tsv:2: multilateralism: '?[2J' is not 1, 0, -1, blank or NA");
  lxs_labels_free(&L);
  const char nul[] = "sentence\tmultilateralism\nx\0y\t1\n";
  assert_int_equal(
      lxs_labels_read_buffer(&L, "d.tsv", nul, sizeof nul - 1, LXS_TABLE_TSV, lex, err, sizeof err),
      LXS_EDATA);
  assert_string_equal(err, "d.tsv:2: NUL byte in the line");
  lxs_labels_free(&L);
  lxs_lexicon_free(lex);
}

static void speaker_labels_values(void **state) {
  (void)state;
  lxs_lexicon *lex = themes_lex();
  lxs_speaker_labels S;
  char err[256];
  const char *data = "file\tspeaker\tmultilateralism\tus_protectionism\n"
                     "a.txt\tJane Roe\t-0.5\t\n";
  int rc = lxs_speaker_labels_read_buffer(&S, "s.tsv", data, strlen(data), LXS_TABLE_AUTO, lex, err,
                                          sizeof err);
  if (rc) fail_msg("%s", err);
  assert_int_equal(S.n, 1);
  assert_true(S.rows[0].has[0]);
  assert_near(S.rows[0].value[0], -0.5, TEST_EPS);
  assert_false(S.rows[0].has[1]);
  lxs_speaker_labels_free(&S);
  data = "file\tspeaker\tmultilateralism\na.txt\tX\tnan\n";
  assert_int_equal(lxs_speaker_labels_read_buffer(&S, "s.tsv", data, strlen(data), LXS_TABLE_AUTO,
                                                  lex, err, sizeof err),
                   LXS_EDATA);
  assert_string_equal(err,
                      "s.tsv:2: multilateralism: 'nan' is not a number from -1 to 1 (or blank)");
  lxs_speaker_labels_free(&S);
  lxs_lexicon_free(lex);
}

/* ---- locating sentences ------------------------------------------------------ */

static void span_find_folds_whitespace(void **state) {
  (void)state;
  const char *text = "Intro.  The WTO is\n  old.\nThe WTO is old.";
  lxs_span_index ix;
  lxs_span_index_init(&ix);
  lxs_span_index_build(&ix, text, strlen(text));
  size_t s, e;
  const char *want = " The WTO is old. ";
  assert_int_equal(lxs_span_find(&ix, want, strlen(want), 0, &s, &e), 0);
  assert_span(text, s, e, "The WTO is\n  old.");
  /* from past the first occurrence: the second */
  assert_int_equal(lxs_span_find(&ix, want, strlen(want), s + 1, &s, &e), 0);
  assert_span(text, s, e, "The WTO is old.");
  assert_int_equal(lxs_span_find(&ix, "The WTO is new.", 15, 0, &s, &e), -1);
  assert_int_equal(lxs_span_find(&ix, "   ", 3, 0, &s, &e), -1);
  /* a no-break space in the article matches a space in the label */
  lxs_span_index_build(&ix,
                       "A\xC2\xA0"
                       "B",
                       4);
  assert_int_equal(lxs_span_find(&ix, "A B", 3, 0, &s, &e), 0);
  assert_int_equal(s, 0);
  assert_int_equal(e, 4);
  lxs_span_index_free(&ix);
}

static void span_sentences_overlapping(void **state) {
  (void)state;
  lxs_lexicon *lex = themes_lex();
  lxs_scorer *sc = test_scorer(lex);
  const char *text = "One WTO. Two tariffs. Three.";
  const lxs_result *r = test_run(sc, text);
  assert_int_equal(r->n_sentences, 3);
  size_t first;
  assert_int_equal(lxs_span_sentences(r, 4, 7, &first), 1); /* "WTO" */
  assert_int_equal(first, 0);
  assert_int_equal(lxs_span_sentences(r, 4, 12, &first), 2); /* across two */
  assert_int_equal(first, 0);
  assert_int_equal(lxs_span_sentences(r, 9, 21, &first), 1);
  assert_int_equal(first, 1);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* ---- names ---------------------------------------------------------------- */

static const char *key(lxs_buf *b, const char *name) {
  b->len = 0;
  lxs_name_key(name, strlen(name), b);
  return lxs_buf_cstr(b);
}

static void name_keys_fold_titles_case_diacritics(void **state) {
  (void)state;
  lxs_buf b;
  lxs_buf_init(&b);
  assert_string_equal(key(&b, "President Jos\xC3\xA9  N\xC3\xBA\xC3\xB1"
                              "ez"),
                      "jose nunez");
  assert_string_equal(key(&b, "Dr. Ivo Brandt"), "ivo brandt");
  assert_string_equal(key(&b, "JEAN-CLAUDE DURAND"), "jean claude durand");
  lxs_buf_free(&b);
}

static void name_match_levels(void **state) {
  (void)state;
  assert_int_equal(lxs_name_match("ivo brandt", "ivo brandt"), 3);
  assert_int_equal(lxs_name_match("donald j trump", "donald trump"), 2);
  assert_int_equal(lxs_name_match("trump", "donald trump"), 1);
  assert_int_equal(lxs_name_match("donald trump", "trump"), 1);
  assert_int_equal(lxs_name_match("melania trump", "donald trump"), 0);
  assert_int_equal(lxs_name_match("brandt", "ivo brand"), 0);
  assert_int_equal(lxs_name_match("", "x"), 0);
  /* the same body with other spaces */
  assert_int_equal(lxs_name_match("harbour pilot workers", "harbour pilotworkers"), 3);
  assert_int_equal(lxs_name_match("harbourpilot workers", "harbour pilot workers"), 3);
  assert_int_equal(lxs_name_match("pilot dock workers", "pilots dock workers"), 0);
}

/* A set finds a name spelled with other spaces, though its last word
 * differs ("Dock Workers" / "Dockworkers"), in either direction. */
static void name_set_finds_other_spacing(void **state) {
  (void)state;
  lxs_name_set tool;
  lxs_name_set_init(&tool);
  lxs_name_set_add(&tool, "United Dock Workers", 20);
  lxs_name_set_add(&tool, "Ferry Boatmen", 21);
  lxs_name_set_add(&tool, "Ana Roe", 22);
  lxs_name_set_finish(&tool, 1);
  int level;
  long i = lxs_name_set_best(&tool, "united dockworkers", NULL, 1, &level);
  assert_true(i >= 0);
  assert_int_equal(tool.e[i].id, 20);
  assert_int_equal(level, 3);
  i = lxs_name_set_best(&tool, "ferry boat men", NULL, 1, &level);
  assert_true(i >= 0);
  assert_int_equal(tool.e[i].id, 21);
  assert_int_equal(lxs_name_set_best(&tool, "united dock wor kers x", NULL, 1, &level), -1);
  assert_int_equal(lxs_name_set_best(&tool, "dockworkers", NULL, 1, &level), -1);
  lxs_name_set_free(&tool);
}

/* One to one: a person the tool finds twice ("Jane Doe" and "Doe") is one
 * match and one false speaker; exact matches pair before surnames. */
static void name_set_pairs_one_to_one(void **state) {
  (void)state;
  lxs_name_set gold, tool;
  lxs_name_set_init(&gold);
  lxs_name_set_init(&tool);
  lxs_name_set_add(&gold, "Jane Doe", 0);
  lxs_name_set_add(&gold, "Mr. John Doe", 1);
  lxs_name_set_add(&gold, "jane  doe", 2); /* the same key again */
  lxs_name_set_add(&gold, "", 3);          /* no key: not added */
  lxs_name_set_add(&tool, "Doe", 10);
  lxs_name_set_add(&tool, "Jane Doe", 11);
  lxs_name_set_add(&tool, "Ana Roe", 12);
  lxs_name_set_finish(&gold, 1);
  lxs_name_set_finish(&tool, 1);
  assert_int_equal(gold.n, 2);
  assert_int_equal(tool.n, 3);
  /* jane doe = jane doe; john doe ~ doe (surname only); ana roe alone */
  assert_int_equal(lxs_name_set_pairs(&gold, &tool), 2);
  int level;
  long i = lxs_name_set_best(&tool, "jane doe", NULL, 1, &level);
  assert_true(i >= 0);
  assert_int_equal(tool.e[i].id, 11);
  assert_int_equal(level, 3);
  assert_int_equal(lxs_name_set_best(&tool, "ana smith", NULL, 1, &level), -1);
  lxs_name_set_free(&gold);
  lxs_name_set_free(&tool);
}

static void display_text_is_terminal_safe(void **state) {
  (void)state;
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_display_text("a\033]0;x\007b\xC2\x9B"
                   "c\xFF",
                   12, 100, &b);
  assert_string_equal(b.data, "a?]0;x?b?c?");
  b.len = 0;
  lxs_display_text("abcdef", 6, 4, &b);
  assert_string_equal(b.data, "abcd...");
  b.len = 0;
  lxs_display_text("\xC3\xA9\xC3\xA9\xC3\xA9", 6, 3, &b); /* never half a character */
  assert_string_equal(b.data, "\xC3\xA9...");
  lxs_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(macro_f1_perfect_and_all_wrong),
      cmocka_unit_test(macro_f1_worked_example),
      cmocka_unit_test(macro_f1_empty_classes),
      cmocka_unit_test(kappa_values),
      cmocka_unit_test(prf_undefined_is_nan),
      cmocka_unit_test(theme_metrics_from_confusion),
      cmocka_unit_test(labels_tsv_columns_and_values),
      cmocka_unit_test(labels_csv_quoting_and_lines),
      cmocka_unit_test(labels_errors_name_file_and_line),
      cmocka_unit_test(speaker_labels_values),
      cmocka_unit_test(span_find_folds_whitespace),
      cmocka_unit_test(span_sentences_overlapping),
      cmocka_unit_test(name_keys_fold_titles_case_diacritics),
      cmocka_unit_test(name_match_levels),
      cmocka_unit_test(name_set_pairs_one_to_one),
      cmocka_unit_test(name_set_finds_other_spacing),
      cmocka_unit_test(display_text_is_terminal_safe),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
