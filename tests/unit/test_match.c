/* test_match.c - stage 3: finding lexicon terms in text (stems, globs,
 * multiword terms, longest match, compounds, acronyms). */
#include "testutil.h"

#include <stdio.h>

#include "lexicon.h"
#include "match.h"
#include "scorer.h"

static const char kLex[] = "tariff\tprot\ttarget\t1\n"
                           "protection*\tprot\ttarget\t1\n"
                           "trade war\tprot\tstance\t-0.5\n"
                           "war\tconflict\ttarget\t1\n"
                           "world trade organization\tmulti\ttarget\t1\n"
                           "rules-based\tmulti\tstance\t0.5\n"
                           "south south\tsouth\ttarget\t1\n"
                           "china\tchina\ttarget\t1\n"
                           "US\tprot\ttarget\t0.5\n"
                           "US tariffs\tprot\ttarget\t1\n"
                           "unilateral\tmulti\ttarget\t-1\n"
                           "unilateral\tsentiment\teval\t-0.3\n"
                           "so-called\t-\tdistancer\t-0.5\n";

static lxs_lexicon *lex;
static lxs_scorer *sc;

static int setup(void **state) {
  (void)state;
  lex = test_lexicon(kLex);
  sc = test_scorer(lex);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  return 0;
}

/* Every match in text as "surface=term" (first sense), joined by '|'. */
static const char *matches(const char *text) {
  static char buf[2048];
  test_run(sc, text);
  const lxs_matcher *mt = lxs_scorer_matcher(sc);
  const lxs_tokenizer *tk = lxs_scorer_tokenizer(sc);
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < mt->n; i++) {
    const lxs_match *m = &mt->m[i];
    size_t s = tk->toks[m->tok_first].start, e = tk->toks[m->tok_last].end;
    assert_true(m->nsenses > 0);
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s=%s", n ? "|" : "", (int)(e - s),
                          text + s, mt->senses[m->sense_off]->term);
    assert_true(n < sizeof buf);
  }
  return buf;
}

static void single_word_matches_through_stemming(void **state) {
  (void)state;
  assert_string_equal(matches("Tariffs, tariff and TARIFFS."),
                      "Tariffs=tariff|tariff=tariff|TARIFFS=tariff");
  assert_string_equal(matches("The tariffing rose."), "");
}

static void multiword_term(void **state) {
  (void)state;
  assert_string_equal(matches("The World Trade Organization met."),
                      "World Trade Organization=world trade organization");
  /* every word is stemmed: plural of the last word */
  assert_string_equal(matches("Two trade wars."), "trade wars=trade war");
  /* an incomplete multiword term does not match */
  assert_string_equal(matches("The World Trade Forum met."), "");
}

static void glob_matches_prefix_of_normal_form(void **state) {
  (void)state;
  assert_string_equal(matches("Protectionism, protectionist, protection."),
                      "Protectionism=protection*|protectionist=protection*|"
                      "protection=protection*");
  assert_string_equal(matches("They protect and are protective."), "");
}

static void longest_match_wins(void **state) {
  (void)state;
  assert_string_equal(matches("A trade war is a war."), "trade war=trade war|war=war");
  const lxs_result *r = test_run(sc, "A trade war.");
  assert_int_equal(test_score(r, lex, 0, "conflict")->mentions, 0);
  assert_int_equal(test_score(r, lex, 0, "prot")->mentions, 1);
}

static void punctuation_breaks_multiword(void **state) {
  (void)state;
  assert_string_equal(matches("More trade, war and tariffs."), "war=war|tariffs=tariff");
  assert_string_equal(matches("More trade. War came."), "War=war");
  assert_string_equal(matches("World Trade (Organization)"), "");
}

static void compound_matched_whole(void **state) {
  (void)state;
  const char *t = "A rules-based order.";
  assert_string_equal(matches(t), "rules-based=rules-based");
  /* the parts are not matched again */
  const lxs_result *r = test_run(sc, t);
  assert_int_equal(test_score(r, lex, 0, "multi")->mentions, 1);
  /* other joiners normalise to the same compound */
  assert_string_equal(matches("A rules\xE2\x80\x91"
                              "based order."), /* U+2011 */
                      "rules\xE2\x80\x91"
                      "based=rules-based");
}

static void compound_matched_by_parts(void **state) {
  (void)state;
  assert_string_equal(matches("South-South cooperation."), "South-South=south south");
  assert_string_equal(matches("anti-protectionism"), "protectionism=protection*");
  assert_string_equal(matches("The China-ASEAN trade war."), "China=china|trade war=trade war");
}

/* An all-caps part of a compound is an acronym too ("US-China"). */
static void acronym_part_of_compound_matches(void **state) {
  (void)state;
  assert_string_equal(matches("The US-China trade war."), "US=US|China=china|trade war=trade war");
}

static void hyphenated_entry_matches_spaced_text(void **state) {
  (void)state;
  assert_string_equal(matches("A rules based order."), "rules based=rules-based");
  assert_string_equal(matches("The so called reform."), "so called=so-called");
  assert_string_equal(matches("Trade-war fears."), "Trade-war=trade war");
}

static void acronym_entry_is_case_sensitive(void **state) {
  (void)state;
  assert_string_equal(matches("The US and the U.S. told us."), "US=US|U.S.=US");
  assert_string_equal(matches("Us and us."), "");
  /* in a multiword term */
  assert_string_equal(matches("New U.S. tariffs."), "U.S. tariffs=US tariffs");
}

static void acronym_with_possessive_matches(void **state) {
  (void)state;
  assert_string_equal(matches("The US' approach."), "US'=US");
  assert_string_equal(matches("The US's approach."), "US's=US");
}

static void one_match_carries_every_sense(void **state) {
  (void)state;
  test_run(sc, "A unilateral move.");
  const lxs_matcher *mt = lxs_scorer_matcher(sc);
  assert_int_equal(mt->n, 1);
  assert_int_equal(mt->m[0].nsenses, 2);
  int multi = 0, senti = 0;
  for (uint32_t k = 0; k < mt->m[0].nsenses; k++) {
    const lxs_sense *s = mt->senses[mt->m[0].sense_off + k];
    if (s->theme == (uint32_t)test_theme(lex, "multi") && s->role == LXS_R_TARGET) multi++;
    if (s->theme == LXS_THEME_SENTIMENT && s->role == LXS_R_EVAL) senti++;
  }
  assert_int_equal(multi, 1);
  assert_int_equal(senti, 1);
}

static void match_positions(void **state) {
  (void)state;
  const char *t = "Yes. The new trade war hurts.";
  test_run(sc, t);
  const lxs_matcher *mt = lxs_scorer_matcher(sc);
  assert_int_equal(mt->n, 1);
  assert_int_equal(mt->m[0].sentence, 1);
  assert_int_equal(mt->m[0].wpos, 2); /* The=0 new=1 trade=2 */
  assert_int_equal(mt->m[0].wpos_last, 3);
}

/* The word cache is dropped between documents when it outgrows its bound;
 * the candidate lists kept for its words go with it.  Matches must be the
 * same whether the cache was dropped or not. */
static void matches_survive_word_cache_drops(void **state) {
  (void)state;
  const char *doc = "The so-called rules-based order and US tariffs: a trade "
                    "war the World Trade Organization cannot stop; unilateral "
                    "protectionism and South South ties with China.";
  char first[2048];
  snprintf(first, sizeof first, "%s", matches(doc));
  assert_string_equal(first, "so-called=so-called|rules-based=rules-based|"
                             "US tariffs=US tariffs|trade war=trade war|"
                             "World Trade Organization=world trade organization|"
                             "unilateral=unilateral|protectionism=protection*|"
                             "South South=south south|China=china");
  lxs_stemmer *st = lxs_scorer_stemmer(sc);
  lxs_stemmer_set_max_words(st, 3);
  for (int round = 0; round < 4; round++) {
    /* other words fill the cache past its bound; the next run drops it */
    matches("Alpha beta gamma delta epsilon zeta eta theta iota kappa.");
    assert_true(lxs_stemmer_cache_size(st) > 3);
    uint32_t gen = lxs_stemmer_generation(st);
    assert_string_equal(matches(doc), first);
    assert_true(lxs_stemmer_generation(st) != gen);
  }
  lxs_stemmer_set_max_words(st, (size_t)1 << 17);
}

/* Scorers of several threads share first sights through a memo: the words
 * one stemmed are taken from it by the other, but a word's candidate
 * patterns stay each matcher's own (their handles differ between
 * matchers: the second scorer sees another text first).  Matches must be
 * those of a scorer without a memo. */
static void matches_same_with_shared_memo(void **state) {
  (void)state;
  const char *doc = "The so-called rules-based order and US tariffs: a trade "
                    "war the World Trade Organization cannot stop; unilateral "
                    "protectionism and South South ties with China.";
  char alone[2048];
  snprintf(alone, sizeof alone, "%s", matches(doc));
  lxs_word_memo *memo = lxs_word_memo_new();
  lxs_scorer *a = test_scorer(lex), *b = test_scorer(lex), *keep = sc;
  lxs_stemmer_set_memo(lxs_scorer_stemmer(a), memo);
  lxs_stemmer_set_memo(lxs_scorer_stemmer(b), memo);
  sc = a;
  assert_string_equal(matches(doc), alone);
  assert_true(lxs_word_memo_size(memo) > 10);
  sc = b;
  assert_string_equal(matches("China and the war on unilateral protectionism."),
                      "China=china|war=war|unilateral=unilateral|protectionism=protection*");
  size_t before = lxs_word_memo_size(memo);
  assert_string_equal(matches(doc), alone);
  assert_int_equal(lxs_word_memo_size(memo), before); /* b stemmed no word of doc again */
  sc = keep;
  lxs_scorer_free(a);
  lxs_scorer_free(b);
  lxs_word_memo_free(memo);
}

/* The words that may report speech, counted once per token whether the
 * word is new or cached (the scorer looks for holders of reported views
 * only in a text with one); a compound's parts are not words of their
 * own. */
static void speech_words_counted_per_token(void **state) {
  (void)state;
  const char *doc = "Critics said, and aides said, the tariff stays, according to officials; "
                    "per the memo, a well-said line.";
  for (int round = 0; round < 2; round++) {
    matches(doc);
    assert_int_equal(lxs_scorer_matcher(sc)->nspeech, 4);
  }
  matches("The tariff stays on steel, a well-said line.");
  assert_int_equal(lxs_scorer_matcher(sc)->nspeech, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(single_word_matches_through_stemming),
      cmocka_unit_test(speech_words_counted_per_token),
      cmocka_unit_test(matches_same_with_shared_memo),
      cmocka_unit_test(multiword_term),
      cmocka_unit_test(glob_matches_prefix_of_normal_form),
      cmocka_unit_test(longest_match_wins),
      cmocka_unit_test(punctuation_breaks_multiword),
      cmocka_unit_test(compound_matched_whole),
      cmocka_unit_test(compound_matched_by_parts),
      cmocka_unit_test(acronym_part_of_compound_matches),
      cmocka_unit_test(hyphenated_entry_matches_spaced_text),
      cmocka_unit_test(acronym_entry_is_case_sensitive),
      cmocka_unit_test(acronym_with_possessive_matches),
      cmocka_unit_test(one_match_carries_every_sense),
      cmocka_unit_test(match_positions),
      cmocka_unit_test(matches_survive_word_cache_drops),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
