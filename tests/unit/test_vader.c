/* test_vader.c - unit tests of the VADER-compatible mode (src/vader.c).
 *
 * The rule tests load the real lexicons from $LXS_VADER_DATA, or else
 * ../shared/data/vader (relative to the repository root), and are skipped
 * when they are absent.  Each expected value is what the reference
 * algorithm gives, worked out from the lexicon means quoted in the
 * comments; the rounded values are compared exactly. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vader.h"

#define N_SCALAR (-0.74)

/* ---- helpers ------------------------------------------------------------- */

static const char *data_dir(void) {
  const char *d = getenv("LXS_VADER_DATA");
  return d && *d ? d : "../shared/data/vader";
}

/* Group setup: the real lexicons, or NULL state when they are absent. */
static int load_real(void **state) {
  char lex[1024], emo[1024], err[512];
  snprintf(lex, sizeof lex, "%s/vader_lexicon.txt", data_dir());
  snprintf(emo, sizeof emo, "%s/emoji_utf8_lexicon.txt", data_dir());
  lxs_vader *v = lxs_vader_new();
  if (lxs_vader_load_lexicon(v, lex, err, sizeof err) != 0 ||
      lxs_vader_load_emoji(v, emo, err, sizeof err) != 0) {
    print_message("vader data not loaded (%s); set LXS_VADER_DATA\n", err);
    lxs_vader_free(v);
    v = NULL;
  }
  *state = v;
  return 0;
}

static int free_real(void **state) {
  lxs_vader_free(*state);
  return 0;
}

static lxs_vader *real(void **state) {
  if (!*state) {
    print_message("skipped: no lexicon in %s\n", data_dir());
    skip();
  }
  return *state;
}

static lxs_vader_scores score(lxs_vader *v, const char *text) {
  lxs_vader_scores s;
  lxs_vader_score(v, text, strlen(text), &s, NULL);
  return s;
}

/* Exact comparison of the rounded scores, with the text in the message. */
static void check(lxs_vader *v, const char *text, double neg, double neu, double pos,
                  double compound) {
  lxs_vader_scores s = score(v, text);
  if (s.neg != neg || s.neu != neu || s.pos != pos || s.compound != compound)
    fail_msg("\"%s\": got %.17g %.17g %.17g %.17g, want %g %g %g %g", text, s.neg, s.neu, s.pos,
             s.compound, neg, neu, pos, compound);
}

/* The compound the reference computes from a sum of valences. */
static double compound_of(double sum) { return sum / sqrt(sum * sum + 15); }

/* ---- basic scoring ------------------------------------------------------- */

static void test_single_word(void **state) {
  lxs_vader *v = real(state);
  check(v, "good", 0.0, 0.0, 1.0, 0.4404); /* good 1.9 */
  check(v, "The food is good", 0.0, 0.508, 0.492, 0.4404);
  /* raw values are the unrounded ones */
  lxs_vader_scores raw;
  lxs_vader_score(v, "good", 4, NULL, &raw);
  assert_true(raw.compound == compound_of(1.9));
  assert_true(raw.pos == 1.0 && raw.neg == 0.0 && raw.neu == 0.0);
}

static void test_empty_and_blank(void **state) {
  lxs_vader *v = real(state);
  check(v, "", 0.0, 0.0, 0.0, 0.0);
  check(v, "   \t ", 0.0, 0.0, 0.0, 0.0);
  lxs_vader_scores s;
  lxs_vader_score(v, NULL, 0, &s, NULL);
  assert_true(s.compound == 0.0 && s.neu == 0.0);
}

static void test_punctuation_stripping(void **state) {
  lxs_vader *v = real(state);
  /* "good," is stripped to "good"; ":)" (2.0) would strip to nothing, so
   * it stays whole: sum 3.9 */
  check(v, "The food is good, :)", 0.0, 0.337, 0.663, 0.7096);
  check(v, ":-)", 0.0, 0.0, 1.0, 0.3182); /* 1.3 */
}

/* ---- negation ------------------------------------------------------------ */

static void test_negation(void **state) {
  lxs_vader *v = real(state);
  /* 1.9 * -0.74 = -1.406; neg = 2.406 / 3.406 */
  check(v, "not good", 0.706, 0.294, 0.0, -0.3412);
  check(v, "isn't good", 0.706, 0.294, 0.0, -0.3412); /* "n't" */
  /* three words back still negates */
  check(v, "he is not at all good", 0.325, 0.675, 0.0, -0.3412);
  lxs_vader_scores raw;
  lxs_vader_score(v, "not good", 8, NULL, &raw);
  assert_true(raw.compound == compound_of(1.9 * N_SCALAR));
}

static void test_no_rule(void **state) {
  lxs_vader *v = real(state);
  /* "no" (-1.2) before a lexicon word scores 0 and negates it */
  check(v, "no good", 0.706, 0.294, 0.0, -0.3412);
  /* "no" before a non-lexicon word keeps its own -1.2; "bad" (-2.5) two
   * words after "no" is negated: +1.85 */
  check(v, "no or bad", 0.364, 0.165, 0.471, 0.1655);
}

static void test_never_so(void **state) {
  lxs_vader *v = real(state);
  /* "so" boosts (+0.293) and "never so" multiplies by 1.25 instead of
   * negating: (1.9 + 0.293 * 0.95) * 1.25 ... */
  check(v, "it was never so good", 0.0, 0.475, 0.525, 0.6626);
  /* the reference's precedence slip: "so" just before the word also
   * multiplies by 1.25 when the word three back is not "never" */
  check(v, "it was so good", 0.0, 0.445, 0.555, 0.5777);
  lxs_vader_scores raw;
  lxs_vader_score(v, "it was so good", 14, NULL, &raw);
  assert_true(raw.compound == compound_of((1.9 + 0.293) * 1.25));
}

static void test_without_doubt(void **state) {
  lxs_vader *v = real(state);
  /* "without" negates "doubt" (-1.5 -> 1.11) but not the "good" after
   * "without doubt" (1.9) */
  check(v, "without doubt good", 0.0, 0.166, 0.834, 0.6136);
  lxs_vader_scores raw;
  lxs_vader_score(v, "without doubt good", 18, NULL, &raw);
  assert_true(raw.compound == compound_of(-1.5 * N_SCALAR + 1.9));
}

static void test_least(void **state) {
  lxs_vader *v = real(state);
  check(v, "the least good", 0.546, 0.454, 0.0, -0.3412); /* negated */
  check(v, "at least good", 0.0, 0.408, 0.592, 0.4404);   /* not */
}

/* ---- "but" --------------------------------------------------------------- */

static void test_but(void **state) {
  lxs_vader *v = real(state);
  /* good 1.9 halved, bad -2.5 times 1.5 */
  check(v, "The food is good but the service is bad", 0.347, 0.511, 0.142, -0.5859);
  lxs_vader_scores raw;
  lxs_vader_score(v, "good but bad", 12, NULL, &raw);
  assert_true(raw.compound == compound_of(1.9 * 0.5 + -2.5 * 1.5));
}

static void test_but_first_equal_value(void **state) {
  lxs_vader *v = real(state);
  /* love 3.2 is halved to 1.6; then "(-:" (1.6) after "but" finds that
   * 1.6 first, so "love" is halved again and "(-:" is not scaled: the
   * sum is 0.8 + 1.6, not 1.6 + 2.4 */
  check(v, "I love it but it was (-:", 0.0, 0.532, 0.468, 0.5267);
  lxs_vader_scores raw;
  lxs_vader_score(v, "I love it but it was (-:", 24, NULL, &raw);
  assert_true(raw.compound == compound_of(0.8 + 1.6));
}

/* ---- caps, boosters ------------------------------------------------------ */

static void test_caps_emphasis(void **state) {
  lxs_vader *v = real(state);
  /* GOOD in caps among other words: 1.9 + 0.733 */
  check(v, "The food is GOOD", 0.0, 0.452, 0.548, 0.5622);
  /* all words in caps: no emphasis */
  check(v, "GOOD", 0.0, 0.0, 1.0, 0.4404);
}

static void test_boosters(void **state) {
  lxs_vader *v = real(state);
  check(v, "very good", 0.0, 0.238, 0.762, 0.4927);   /* 1.9 + 0.293 */
  check(v, "barely good", 0.0, 0.277, 0.723, 0.3832); /* 1.9 - 0.293 */
  /* VERY in caps: 0.293 + 0.733 */
  check(v, "VERY good food", 0.0, 0.337, 0.663, 0.6028);
  lxs_vader_scores raw;
  lxs_vader_score(v, "VERY good food", 14, NULL, &raw);
  assert_true(raw.compound == compound_of(1.9 + (0.293 + 0.733)));
}

static void test_kind_of(void **state) {
  lxs_vader *v = real(state);
  /* "kind" (2.4) scores 0 before "of"; "kind of" dampens "good" by 0.293 */
  check(v, "it was kind of good", 0.0, 0.605, 0.395, 0.3832);
}

static void test_idioms(void **state) {
  lxs_vader *v = real(state);
  /* "the shit" is worth 3 instead of shit's -2.6 */
  check(v, "that movie was the shit", 0.0, 0.5, 0.5, 0.6124);
}

/* ---- "!" and "?" --------------------------------------------------------- */

static void test_exclamations(void **state) {
  lxs_vader *v = real(state);
  check(v, "good!", 0.0, 0.0, 1.0, 0.4926);      /* + 0.292 */
  check(v, "good!!!!!!", 0.0, 0.0, 1.0, 0.6209); /* at most 4 count */
  lxs_vader_scores raw;
  lxs_vader_score(v, "good!!!!!!", 10, NULL, &raw);
  assert_true(raw.compound == compound_of(1.9 + 4 * 0.292));
}

static void test_questions(void **state) {
  lxs_vader *v = real(state);
  check(v, "good?", 0.0, 0.0, 1.0, 0.4404);   /* one "?" adds nothing */
  check(v, "good??", 0.0, 0.0, 1.0, 0.504);   /* 2 * 0.18 */
  check(v, "good???", 0.0, 0.0, 1.0, 0.533);  /* 3 * 0.18 */
  check(v, "good????", 0.0, 0.0, 1.0, 0.594); /* 0.96 from 4 on */
}

/* ---- emoji --------------------------------------------------------------- */

static void test_emoji(void **state) {
  lxs_vader *v = real(state);
  /* U+1F600 -> "grinning face"; grinning 1.5 */
  check(v, "\xF0\x9F\x98\x80", 0.0, 0.286, 0.714, 0.3612);
  check(v, "I am \xF0\x9F\x98\x80", 0.0, 0.545, 0.455, 0.3612);
  /* a space goes before the description, none after: "facehappy" */
  check(v, "I am\xF0\x9F\x98\x80happy", 0.0, 0.545, 0.455, 0.3612);
  /* "good crying face": 1.9 and crying -2.1 */
  check(v, "good\xF0\x9F\x98\xA2", 0.443, 0.143, 0.414, -0.0516);
  check(v, "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 0.0, 0.286, 0.714, 0.6124);
}

static void test_invalid_utf8(void **state) {
  lxs_vader *v = real(state);
  /* invalid bytes read as U+FFFD */
  lxs_vader_scores a = score(v, "good \xFF\xC3 bad \x80");
  lxs_vader_scores b = score(v, "good \xEF\xBF\xBD\xEF\xBF\xBD bad \xEF\xBF\xBD");
  assert_true(a.compound == b.compound && a.neu == b.neu);
  /* truncated sequence at the very end */
  lxs_vader_scores c = score(v, "good \xF0\x9F\x98");
  assert_true(c.compound == 0.4404);
}

static void test_unicode_whitespace(void **state) {
  lxs_vader *v = real(state);
  /* NBSP and U+2003 split words like str.split(); U+200B does not */
  check(v, "not\xC2\xA0good", 0.706, 0.294, 0.0, -0.3412);
  check(v, "not\xE2\x80\x83good", 0.706, 0.294, 0.0, -0.3412);
  check(v, "not\xE2\x80\x8Bgood", 0.0, 1.0, 0.0, 0.0);
}

/* ---- lexicon files ------------------------------------------------------- */

static lxs_vader *tiny(const char *data, char *err, size_t errlen, int *rc) {
  lxs_vader *v = lxs_vader_new();
  *rc = lxs_vader_load_lexicon_buffer(v, "tiny", data, strlen(data), err, errlen);
  return v;
}

static void test_lexicon_missing_tab(void **state) {
  (void)state;
  char err[256] = "";
  int rc;
  lxs_vader *v = tiny("good\t1.9\nbad -2.5\n", err, sizeof err, &rc);
  assert_int_equal(rc, LXS_EDATA);
  assert_string_equal(err, "tiny:2: missing tab after the token");
  lxs_vader_free(v);
}

static void test_lexicon_bad_mean(void **state) {
  (void)state;
  char err[256] = "";
  int rc;
  lxs_vader *v = tiny("good\t1.9\t0.5\t[1, 2]\n\nbad\tabc\n", err, sizeof err, &rc);
  assert_int_equal(rc, LXS_EDATA);
  assert_string_equal(err, "tiny:3: non-numeric mean 'abc'");
  lxs_vader_free(v);
  v = tiny("bad\t\t0.5\n", err, sizeof err, &rc);
  assert_int_equal(rc, LXS_EDATA);
  lxs_vader_free(v);
  v = tiny("bad\t1.5x\n", err, sizeof err, &rc);
  assert_int_equal(rc, LXS_EDATA);
  lxs_vader_free(v);
}

static void test_lexicon_later_duplicate_wins(void **state) {
  (void)state;
  char err[256] = "";
  int rc;
  /* CRLF and a blank line are fine; the second "nice" replaces the first */
  lxs_vader *v = tiny("nice\t2.0\r\n\r\nnice\t-2.0\r\n", err, sizeof err, &rc);
  assert_int_equal(rc, 0);
  lxs_vader_scores s = score(v, "nice");
  assert_true(s.compound == -0.4588); /* -2.0 / sqrt(19) */
  lxs_vader_free(v);
}

static void test_lexicon_capitals_never_match(void **state) {
  (void)state;
  char err[256] = "";
  int rc;
  /* look-ups are lowercased, so ":D" cannot match but ":d" can */
  lxs_vader *v = tiny(":D\t2.3\n", err, sizeof err, &rc);
  assert_int_equal(rc, 0);
  assert_true(score(v, ":D").compound == 0.0);
  lxs_vader_free(v);
  v = tiny(":d\t2.3\n", err, sizeof err, &rc);
  assert_true(score(v, ":D").compound == 0.5106); /* 2.3 / sqrt(20.29) */
  lxs_vader_free(v);
}

static void test_missing_file(void **state) {
  (void)state;
  char err[256] = "";
  lxs_vader *v = lxs_vader_new();
  assert_int_equal(lxs_vader_load_lexicon(v, "/nonexistent/lex.txt", err, sizeof err), LXS_EIO);
  assert_non_null(strstr(err, "/nonexistent/lex.txt"));
  lxs_vader_free(v);
  lxs_vader_free(NULL);
}

static void test_emoji_buffer(void **state) {
  (void)state;
  char err[256] = "";
  lxs_vader *v = lxs_vader_new();
  const char *lex = "happy\t2.7\n";
  /* multi-code-point keys are ignored, as the reference never matches them */
  const char *emo = "\xE2\x98\xBA\thappy face\n\xE2\x9C\x8B\xF0\x9F\x8F\xBF\tbad";
  assert_int_equal(lxs_vader_load_lexicon_buffer(v, "l", lex, strlen(lex), err, sizeof err), 0);
  assert_int_equal(lxs_vader_load_emoji_buffer(v, "e", emo, strlen(emo), err, sizeof err), 0);
  assert_true(score(v, "\xE2\x98\xBA").compound == 0.5719); /* 2.7 */
  assert_true(score(v, "\xE2\x9C\x8B\xF0\x9F\x8F\xBF").compound == 0.0);
  lxs_vader_free(v);
}

/* ---- Python number semantics -------------------------------------------- */

static void test_round(void **state) {
  (void)state;
  assert_true(lxs_vader_round(0.0625, 3) == 0.062); /* exact tie: even */
  assert_true(lxs_vader_round(0.0635, 3) == 0.064); /* 0.06350000000000000061 */
  assert_true(lxs_vader_round(2.675, 2) == 2.67);   /* 2.67499999999999982236 */
  assert_true(lxs_vader_round(0.5, 0) == 0.0);
  assert_true(lxs_vader_round(1.5, 0) == 2.0);
  double z = lxs_vader_round(-0.00001, 4);
  assert_true(z == 0.0 && signbit(z)); /* Python keeps the sign: -0.0 */
  assert_true(lxs_vader_round(-0.12345678, 4) == -0.1235);
}

static void test_format(void **state) {
  (void)state;
  char buf[40];
  const struct {
    double x;
    const char *want;
  } cases[] = {{0.0, "0.0"},
               {-0.0, "-0.0"},
               {0.34, "0.34"},
               {-0.128, "-0.128"},
               {0.9571, "0.9571"},
               {1.0, "1.0"},
               {0.0001, "0.0001"},
               {1e-05, "1e-05"},
               {1e16, "1e+16"},
               {123.5, "123.5"},
               {0.1 + 0.2, "0.30000000000000004"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    lxs_vader_format(cases[i].x, buf, sizeof buf);
    assert_string_equal(buf, cases[i].want);
  }
}

int main(void) {
  const struct CMUnitTest real_lexicon[] = {
      cmocka_unit_test(test_single_word),
      cmocka_unit_test(test_empty_and_blank),
      cmocka_unit_test(test_punctuation_stripping),
      cmocka_unit_test(test_negation),
      cmocka_unit_test(test_no_rule),
      cmocka_unit_test(test_never_so),
      cmocka_unit_test(test_without_doubt),
      cmocka_unit_test(test_least),
      cmocka_unit_test(test_but),
      cmocka_unit_test(test_but_first_equal_value),
      cmocka_unit_test(test_caps_emphasis),
      cmocka_unit_test(test_boosters),
      cmocka_unit_test(test_kind_of),
      cmocka_unit_test(test_idioms),
      cmocka_unit_test(test_exclamations),
      cmocka_unit_test(test_questions),
      cmocka_unit_test(test_emoji),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_unicode_whitespace),
  };
  const struct CMUnitTest standalone[] = {
      cmocka_unit_test(test_lexicon_missing_tab),
      cmocka_unit_test(test_lexicon_bad_mean),
      cmocka_unit_test(test_lexicon_later_duplicate_wins),
      cmocka_unit_test(test_lexicon_capitals_never_match),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_emoji_buffer),
      cmocka_unit_test(test_round),
      cmocka_unit_test(test_format),
  };
  int failed = cmocka_run_group_tests_name("vader rules (real lexicon)", real_lexicon, load_real,
                                           free_real);
  failed += cmocka_run_group_tests_name("vader files and numbers", standalone, NULL, NULL);
  return failed ? 1 : 0;
}
