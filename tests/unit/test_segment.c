/* test_segment.c - stage 5: speaker sections of round-up articles. */
#include "testutil.h"

#include <stdio.h>

#define SEED "corpora/cafta-3.0-global-times-2025-11-02.txt"

static lxs_lexicon *lex;
static lxs_scorer *sc;

static int setup(void **state) {
  (void)state;
  lex = test_lexicon("wto\tmulti\ttarget\t1\n"
                     "multilateralism\tmulti\ttarget\t1\n"
                     "global south\tsouth\ttarget\t1\n"
                     "good\tsentiment\teval\t0.5\n");
  sc = test_scorer(lex);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  return 0;
}

static const lxs_result *run_article(const char *text, size_t len) {
  lxs_options opt = {0};
  opt.segment_speakers = 1;
  const lxs_result *r = lxs_scorer_run(sc, text, len, &opt);
  assert_non_null(r);
  return r;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot open %s (run the tests from the project root)", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static size_t count_headers(const lxs_result *r) {
  size_t n = 0;
  for (size_t s = 0; s < r->n_sentences; s++)
    if (r->sentences[s].flags & LXS_SENTENCE_HEADER) n++;
  return n;
}

/* Sentence s begins with prefix. */
static void assert_sentence_starts(const char *text, const lxs_result *r, size_t s,
                                   const char *prefix) {
  const lxs_sentence *se = &r->sentences[s];
  size_t n = strlen(prefix);
  if (se->end - se->start < n || memcmp(text + se->start, prefix, n) != 0)
    fail_msg("sentence %zu is '%.40s...', want '%s...'", s, text + se->start, prefix);
}

static void seed_article_speakers(void **state) {
  (void)state;
  size_t len;
  char *text = read_file(SEED, &len);
  const lxs_result *r = run_article(text, len);
  assert_int_equal(r->n_speakers, 4);
  assert_string_equal(r->speakers[0].name, "author");
  assert_string_equal(r->speakers[0].description, "");
  assert_string_equal(r->speakers[1].name, "Kin Phea");
  assert_string_equal(r->speakers[1].description,
                      "director general of the International Relations Institute of the "
                      "Royal Academy of Cambodia");
  assert_string_equal(r->speakers[2].name, "Peter T C Chang");
  assert_string_equal(r->speakers[2].description,
                      "former deputy director, Institute of China Studies, University "
                      "Malaya and research associate, China-Malaysia Friendship Association");
  assert_string_equal(r->speakers[3].name, "Jayant Menon");
  assert_string_equal(r->speakers[3].description,
                      "a visiting senior fellow at the ISEAS-Yusof Ishak Institute in "
                      "Singapore, and former lead economist at the Asian Development Bank");

  /* exactly the three header lines are flagged, each opening its section */
  assert_int_equal(count_headers(r), 3);
  uint32_t prev = 0;
  int seen[4] = {0};
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    assert_true(se->speaker >= prev); /* sections follow each other */
    if (se->flags & LXS_SENTENCE_HEADER) {
      assert_int_equal(se->speaker, prev + 1);
      assert_sentence_starts(text, r, s, r->speakers[se->speaker].name);
      /* headers are not scored */
      for (size_t t = 0; t < r->n_themes; t++)
        assert_int_equal(r->scores[s * r->n_themes + t].mentions, 0);
    }
    prev = se->speaker;
    seen[se->speaker] = 1;
  }
  for (int i = 0; i < 4; i++) assert_true(seen[i]);
  /* the editor's note is the author's, the closing sentence Menon's */
  assert_int_equal(r->sentences[0].speaker, 0);
  assert_sentence_starts(text, r, 0, "OPINION\xC2\xA0/\xC2\xA0VIEWPOINT"); /* NBSPs */
  assert_int_equal(r->sentences[r->n_sentences - 1].speaker, 3);
  assert_sentence_starts(text, r, r->n_sentences - 1, "Initiatives like CAFTA 3.0");
  free(text);
}

static void seed_article_without_segmentation(void **state) {
  (void)state;
  size_t len;
  char *text = read_file(SEED, &len);
  lxs_options opt = {0};
  const lxs_result *r = lxs_scorer_run(sc, text, len, &opt);
  assert_int_equal(r->n_speakers, 1);
  assert_int_equal(count_headers(r), 0);
  for (size_t s = 0; s < r->n_sentences; s++) assert_int_equal(r->sentences[s].speaker, 0);
  free(text);
}

static void header_line_starts_a_section(void **state) {
  (void)state;
  const char *t = "The WTO met today.\n"
                  "\n"
                  "Maria Lopez, trade minister of Chile\n"
                  "\n"
                  "The WTO is good. It works.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 2);
  assert_string_equal(r->speakers[1].name, "Maria Lopez");
  assert_string_equal(r->speakers[1].description, "trade minister of Chile");
  assert_int_equal(r->n_sentences, 4);
  assert_int_equal(r->sentences[0].speaker, 0);
  assert_int_equal(r->sentences[0].flags, 0);
  assert_int_equal(r->sentences[1].speaker, 1);
  assert_int_equal(r->sentences[1].flags, LXS_SENTENCE_HEADER);
  assert_int_equal(r->sentences[2].speaker, 1);
  assert_int_equal(r->sentences[2].flags, 0);
  assert_int_equal(r->sentences[3].speaker, 1);
  /* the header's words are not counted */
  assert_int_equal(r->tokens, 4 + 4 + 2);
}

static void speaker_colon_line_starts_a_section(void **state) {
  (void)state;
  const char *t = "Intro text here.\n"
                  "\n"
                  "Speaker: Tom Reed, economist at the Example Institute\n"
                  "\n"
                  "The WTO is good.\n"
                  "\n"
                  "Speaker: Ana Silva\n"
                  "\n"
                  "Multilateralism works.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 3);
  assert_string_equal(r->speakers[1].name, "Tom Reed");
  assert_string_equal(r->speakers[1].description, "economist at the Example Institute");
  assert_string_equal(r->speakers[2].name, "Ana Silva");
  assert_string_equal(r->speakers[2].description, "");
  assert_int_equal(count_headers(r), 2);
  assert_int_equal(r->sentences[2].speaker, 1);
  assert_int_equal(r->sentences[4].speaker, 2);
}

static void sentence_like_line_with_comma_is_not_a_header(void **state) {
  (void)state;
  const char *t = "In Geneva, officials said the talks would resume\n"
                  "\n"
                  "The WTO is good.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 1);
  assert_int_equal(count_headers(r), 0);
}

static void line_ending_with_period_is_not_a_header(void **state) {
  (void)state;
  const char *t = "Maria Lopez, trade minister of Chile, spoke.\n"
                  "\n"
                  "The WTO is good.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 1);
  assert_int_equal(count_headers(r), 0);
  const char *q = "Maria Lopez, trade minister of Chile?\n\nThe WTO is good.\n";
  r = run_article(q, strlen(q));
  assert_int_equal(r->n_speakers, 1);
}

static void header_needs_following_text(void **state) {
  (void)state;
  const char *t = "The WTO is good.\n\nMaria Lopez, trade minister of Chile\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 1);
  assert_int_equal(count_headers(r), 0);
}

static void lowercase_or_single_name_is_not_a_header(void **state) {
  (void)state;
  const char *t = "maria lopez, trade minister of Chile\n\nThe WTO is good.\n"
                  "\nChile, a trading nation in South America\n\nMore text.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 1);
  assert_int_equal(count_headers(r), 0);
}

static void name_spaces_are_collapsed_and_repeats_interned(void **state) {
  (void)state;
  const char *t = "Maria\xC2\xA0 Lopez, trade  minister of Chile\n"
                  "\n"
                  "The WTO is good.\n"
                  "\n"
                  "Tom Reed, economist at the Institute\n"
                  "\n"
                  "Multilateralism works.\n"
                  "\n"
                  "Maria Lopez, trade minister of Chile\n"
                  "\n"
                  "The WTO is good again.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 3);
  assert_string_equal(r->speakers[1].name, "Maria Lopez");
  assert_string_equal(r->speakers[1].description, "trade minister of Chile");
  assert_int_equal(r->sentences[r->n_sentences - 1].speaker, 1);
}

static void speakers_reset_between_documents(void **state) {
  (void)state;
  const char *t = "Maria Lopez, trade minister of Chile\n\nThe WTO is good.\n";
  const lxs_result *r = run_article(t, strlen(t));
  assert_int_equal(r->n_speakers, 2);
  const char *u = "Just the author here.";
  r = run_article(u, strlen(u));
  assert_int_equal(r->n_speakers, 1);
  assert_string_equal(r->speakers[0].name, "author");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(seed_article_speakers),
      cmocka_unit_test(seed_article_without_segmentation),
      cmocka_unit_test(header_line_starts_a_section),
      cmocka_unit_test(speaker_colon_line_starts_a_section),
      cmocka_unit_test(sentence_like_line_with_comma_is_not_a_header),
      cmocka_unit_test(line_ending_with_period_is_not_a_header),
      cmocka_unit_test(header_needs_following_text),
      cmocka_unit_test(lowercase_or_single_name_is_not_a_header),
      cmocka_unit_test(name_spaces_are_collapsed_and_repeats_interned),
      cmocka_unit_test(speakers_reset_between_documents),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
