/* test_partial.c - partial results: what the writer writes, the reader
 * reads back exactly; what it did not write, the reader refuses. */
#define _POSIX_C_SOURCE 200809L
#include "aggregate.h"
#include "testutil.h"

#include "partial.h"

static const char kLex[] = "wto\tmultilateralism\ttarget\t1\n"
                           "tariffs\tus_protectionism\ttarget\t1\n"
                           "good\tsentiment\teval\t0.8\n"
                           "hurt\tsentiment\teval\t-0.7\n";

typedef struct {
  lxs_buf lines;
  size_t n;
} sink;

static int collect(void *ud, const char *line, size_t len) {
  sink *s = ud;
  lxs_buf_put(&s->lines, line, len);
  lxs_buf_putc(&s->lines, '\n');
  s->n++;
  return 0;
}

/* Reads text as a partial file; returns the reader's status. */
static int read_text(lxs_partial_reader *r, const char *text, size_t len, sink *s, char *err,
                     size_t errlen) {
  FILE *f = fmemopen((void *)text, len, "rb");
  assert_non_null(f);
  int rc = lxs_partial_read(r, f, "t.part", collect, s, err, errlen);
  fclose(f);
  return rc;
}

static void written_records_read_back_exactly(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon(kLex);
  char err[256];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  static const char kText[] = "The WTO is good. Tariffs hurt. The WTO is good for us.";
  lxs_options opt = {0};
  const lxs_result *res = lxs_scorer_run(sc, kText, sizeof kText - 1, &opt);
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_partial_header(&b, lex);
  lxs_partial_rows(&b, lex, "d1", NULL, res);
  lxs_partial_reader *r = lxs_partial_reader_new();
  sink s = {{NULL, 0, 0}, 0};
  assert_int_equal(read_text(r, b.data, b.len, &s, err, sizeof err), LXS_OK);
  assert_int_equal(s.n, 1);
  assert_int_equal(lxs_partial_theme_count(r), 2);
  assert_string_equal(lxs_partial_theme(r, 0), "multilateralism");
  assert_string_equal(lxs_partial_theme(r, 1), "us_protectionism");
  uint32_t men[2], sn[2];
  double ss[2], sq[2];
  lxs_partial_rec rec = {.mentions = men, .stance_n = sn, .stance_sum = ss, .stance_sumsq = sq};
  assert_int_equal(lxs_partial_parse(r, s.lines.data, s.lines.len - 1, &rec, err, sizeof err), 0);
  assert_int_equal(rec.speaker_len, 6);
  assert_memory_equal(rec.speaker, "author", 6);
  assert_memory_equal(rec.doc, "d1", 2);
  /* the same numbers as an aggregate of the document gives */
  lxs_agg *a = lxs_agg_new(2, 0);
  for (size_t i = 0; i < res->n_sentences; i++)
    assert_int_equal(lxs_agg_add_sentence(a, res, i), LXS_OK);
  assert_int_equal(rec.tokens, a->tokens);
  assert_int_equal(rec.sentences, 3);
  assert_int_equal(rec.sentiment_n, a->sentiment_n);
  assert_true(rec.sentiment_sum == a->sentiment_sum); /* %.17g reads back exactly */
  for (size_t t = 0; t < 2; t++) {
    assert_int_equal(men[t], a->mentions[t]);
    assert_int_equal(sn[t], a->stance_n[t]);
    assert_true(ss[t] == a->stance_sum[t]);
  }
  assert_int_equal(men[0], 2);
  assert_int_equal(men[1], 1);
  lxs_agg_free(a);
  lxs_partial_reader_free(r);
  lxs_buf_free(&s.lines);
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

static void concatenated_partials_and_crlf_read(void **state) {
  (void)state;
  static const char kTwo[] =
      "#lexstance-partial 1\r\n#themes\ta\r\nU\tx\td\t3\t1\t0\t0\t1\t1\t1\t1\r\n\n"
      "# comment\n#lexstance-partial 1\n#themes\ta\nU\ty\td\t3\t1\t0\t0\t0\t0\t0\t0\n";
  lxs_partial_reader *r = lxs_partial_reader_new();
  sink s = {{NULL, 0, 0}, 0};
  char err[256] = "";
  assert_int_equal(read_text(r, kTwo, sizeof kTwo - 1, &s, err, sizeof err), LXS_OK);
  assert_int_equal(s.n, 2);
  assert_string_equal(s.lines.data,
                      "U\tx\td\t3\t1\t0\t0\t1\t1\t1\t1\nU\ty\td\t3\t1\t0\t0\t0\t0\t0\t0\n");
  lxs_partial_reader_free(r);
  lxs_buf_free(&s.lines);
}

/* Sums beyond what their counts allow: a sentence's stance lies in
 * [-1, 1], so a sum over n sentences lies in [-n, n]. */
static void sums_bounded_by_their_counts(void **state) {
  (void)state;
  static const struct {
    const char *rec, *msg;
  } kCases[] = {
      {"U\tx\td\t3\t1\t0\t0\t1\t1.5\t1\t1",
       "t.part:3: a stance_sum 1.5 is out of range for 1 sentence"},
      {"U\tx\td\t3\t1\t0\t0\t1\t0\t0\t0", NULL},
      {"U\tx\td\t3\t1\t0\t0\t1\t-0.5\t0.25\t0",
       "t.part:3: a stance_sum -0.5 is out of range for 0 sentences"},
      {"U\tx\td\t3\t1\t2.5\t2\t1\t1\t1\t1",
       "t.part:3: sentiment_sum 2.5 is out of range for 2 sentences"},
      {"U\tx\td\t3\t1\t-2\t2\t1\t1\t1\t1", NULL},
      {"U\tx\td\t3\t1\t-0\t0\t1\t1\t1\t1", NULL},
      {"U\tx\td\t3\t1\t1e-5\t1\t1\t1\t1\t1", NULL},
      {"U\tx\td\t3\t1\t.5\t1\t1\t1\t1\t1", NULL},
      {"U\tx\td\t3\t1\t5.\t1\t1\t1\t1\t1",
       "t.part:3: sentiment_sum 5. is out of range for 1 sentence"},
      {"U\tx\td\t3\t1\t1e\t1\t1\t1\t1\t1", "t.part:3: sentiment_sum '1e' is not a finite number"},
      {"U\tx\td\t3\t1\t-\t1\t1\t1\t1\t1", "t.part:3: sentiment_sum '-' is not a finite number"},
      {"U\tx\td\t3\t1\t1e999\t1\t1\t1\t1\t1",
       "t.part:3: sentiment_sum '1e999' is not a finite number"},
      {"U\tx\td\t+3\t1\t0\t0\t1\t1\t1\t1",
       "t.part:3: tokens '+3' is not a whole number from 0 to 4294967295"},
      {"U\tx\td\t00000000001\t1\t0\t0\t1\t1\t1\t1",
       "t.part:3: tokens '00000000001' is not a whole number from 0 to 4294967295"},
  };
  for (size_t i = 0; i < sizeof kCases / sizeof *kCases; i++) {
    lxs_buf t;
    lxs_buf_init(&t);
    lxs_buf_printf(&t, "#lexstance-partial 1\n#themes\ta\n%s\n", kCases[i].rec);
    lxs_partial_reader *r = lxs_partial_reader_new();
    sink s = {{NULL, 0, 0}, 0};
    char err[256] = "";
    int rc = read_text(r, t.data, t.len, &s, err, sizeof err);
    if (kCases[i].msg) {
      assert_int_equal(rc, LXS_EDATA);
      assert_string_equal(err, kCases[i].msg);
      assert_int_equal(s.n, 0);
    } else {
      if (rc) fail_msg("%s: %s", kCases[i].rec, err);
      assert_int_equal(s.n, 1);
    }
    lxs_partial_reader_free(r);
    lxs_buf_free(&s.lines);
    lxs_buf_free(&t);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(written_records_read_back_exactly),
      cmocka_unit_test(concatenated_partials_and_crlf_read),
      cmocka_unit_test(sums_bounded_by_their_counts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
