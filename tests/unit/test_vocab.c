/* test_vocab.c - the shipped theme vocabulary on invented sentences: each
 * kind of entry added from real writing (issue 14) is detected, and the
 * sense blockers beside it keep unrelated senses out. */
#include "testutil.h"

/* One invented sentence, a theme and how many of its terms the shipped
 * lexicons should match there (0: the sentence does not name the theme). */
typedef struct {
  const char *text;
  const char *theme;
  uint32_t mentions;
} vocab_case;

static void check_cases(const vocab_case *cases, size_t n) {
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  for (size_t i = 0; i < n; i++) {
    const lxs_result *r = test_run(sc, cases[i].text);
    assert_int_equal(r->n_sentences, 1);
    uint32_t got = test_score(r, lex, 0, cases[i].theme)->mentions;
    if (got != cases[i].mentions)
      fail_msg("'%s': %u %s mentions, expected %u", cases[i].text, got, cases[i].theme,
               cases[i].mentions);
  }
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* multilateralism: the UN and its court by their newspaper names, the
 * WTO's agreements and bound commitments by their full names, the rules of
 * world trade with other prepositions, and the opposite pole's adverb. A
 * protection word inside an agreement's name is the agreement's. */
static void multilateralism_by_kind(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"The world body adopted the resolution on Friday.", "multilateralism", 1},
      {"Kenya took the border case to the World Court.", "multilateralism", 1},
      {"The Technical Barriers to Trade committee met on Tuesday.", "multilateralism", 1},
      {"The Technical Barriers to Trade committee met on Tuesday.", "us_protectionism", 0},
      {"Ministers hailed the Agreement on Government Procurement.", "multilateralism", 1},
      {"Canada tabled new schedules of concessions.", "multilateralism", 1},
      {"The body sets rules for global trade and settles disputes.", "multilateralism", 1},
      {"Officials prefer to negotiate bilaterally with each partner.", "multilateralism", 1},
      {"Delegates recalled the Geneva Conventions.", "multilateralism", 0},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* us_protectionism: a partner's counter-duties, the conflict's news
 * names, dumped imports and import protection; excise duties and fishing quotas are not import
 * duties or quotas. */
static void us_protectionism_by_kind(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"Brussels readied counter-duties on bourbon and jeans.", "us_protectionism", 1},
      {"The trade clash between the two powers dragged on.", "us_protectionism", 1},
      {"Excise duties on tobacco rose again.", "us_protectionism", 0},
      {"Norway cut fishing quotas for cod.", "us_protectionism", 0},
      {"A stamp duty on homes was announced.", "us_protectionism", 0},
      {"Mills struggled against dumped steel from abroad.", "us_protectionism", 1},
      {"Growers asked for import protection on tomatoes.", "us_protectionism", 1},
      {"The remedy shields mills from import competition.", "us_protectionism", 1},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* global_south: hyphenated coalition names, the BASIC group in capitals
 * only, aid recipients, industrialising economies. */
static void global_south_by_kind(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"The G-33 tabled a proposal on food stocks.", "global_south", 1},
      {"The BASIC group met before the climate talks.", "global_south", 1},
      {"Schools lack basic supplies.", "global_south", 0},
      {"Aid recipients face deep cuts this year.", "global_south", 1},
      {"Industrialising economies pressed for more time.", "global_south", 1},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Eighth pass: the WTO's dispute bodies and packages by acronym and name,
 * UN agencies and regional unions by their short names, the trade-remedy
 * law's own terms, the South's finance initiatives; and blockers for the
 * senses that are not the theme (a person's duties, an industry's trade
 * body, the National Security Council, dumping shares, another holder's
 * trade policy, a world war). */
static void eighth_pass_by_kind(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"Members invoked the DSU to request consultations.", "multilateralism", 1},
      {"Negotiators sought a Trips waiver for vaccines.", "multilateralism", 1},
      {"WAEMU states share a currency.", "multilateralism", 1},
      {"The AU summit opened in Addis Ababa.", "multilateralism", 1},
      {"The global rulebook is clear on this.", "multilateralism", 1},
      {"Washington went its own way on steel.", "multilateralism", 1},
      {"The National Security Council met at the White House.", "multilateralism", 0},
      {"The trade body for carmakers warned of job losses.", "multilateralism", 0},
      {"The EU emissions trading system sets a carbon price.", "multilateralism", 0},
      {"Growers petitioned for relief under the escape clause.", "us_protectionism", 1},
      {"The safeguard on washing machines expired.", "us_protectionism", 1},
      {"Officials vowed to safeguard jobs in the region.", "us_protectionism", 0},
      {"Commerce issued a preliminary CVD determination.", "us_protectionism", 1},
      {"The 301 investigation into shipbuilding concluded.", "us_protectionism", 1},
      {"He resumed his duties as mayor.", "us_protectionism", 0},
      {"Investors were dumping shares all week.", "us_protectionism", 0},
      {"The council will levy a fine on late payers.", "us_protectionism", 0},
      {"Students protested the job quotas.", "us_protectionism", 0},
      {"China's trade policy is set in Beijing.", "us_protectionism", 0},
      {"The Bridgetown Initiative calls for cheaper loans.", "global_south", 1},
      {"Lesser-developed countries want more time.", "global_south", 1},
      {"Aid cuts hit clinics hardest.", "global_south", 1},
      {"Pundits warned of a third world war.", "global_south", 0},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Ninth pass: terms of art whose words read as a verdict take no side.
 * Section 232's legal standard is no threat made by the tariffs, a
 * safeguard named as tariffs is no praise of them ("safeguard" the verb),
 * and the national-treatment test is no negated "favourable". Each
 * sentence names its theme once and scores exactly 0. */
static void terms_of_art_take_no_side(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"Section 232 lets the president curb steel imports that he finds are threats to "
       "national security.",
       "us_protectionism", 1},
      {"Commerce may restrict imports that threaten to impair the national security under "
       "Section 232.",
       "us_protectionism", 1},
      {"The safeguard tariffs on solar cells took effect in February.", "us_protectionism", 1},
      {"Officials warned of a national security threat before the tariffs took effect.",
       "us_protectionism", 1},
      {"The rule accords less favourable treatment to imported cars than the WTO allows.",
       "multilateralism", 1},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const lxs_result *r = test_run(sc, cases[i].text);
    double got = test_score(r, lex, 0, cases[i].theme)->stance;
    if (got != 0.0)
      fail_msg("'%s': %s stance %.4f, expected 0", cases[i].text, cases[i].theme, got);
  }
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* Ninth pass vocabulary: the IMF's instruments, US trade laws by name,
 * Africa's solidarity movement. */
static void ninth_pass_by_kind(void **state) {
  (void)state;
  static const vocab_case cases[] = {
      {"The board approved an Extended Fund Facility for Egypt.", "multilateralism", 1},
      {"SDRs were rechannelled to poorer members.", "multilateralism", 1},
      {"The Cairns Group pressed for farm reform.", "multilateralism", 1},
      {"Customs held the shipment under the UFLPA.", "us_protectionism", 1},
      {"The Byrd Amendment paid the proceeds to petitioners.", "us_protectionism", 1},
      {"Pan-Africanism inspired the founders.", "global_south", 1},
  };
  check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Tenth pass: a measure found inconsistent with (incompatible with, afoul
 * of) the WTO's rules is a verdict for the rules and against the measure,
 * as "WTO-inconsistent" is; word by word, "inconsistent with" fell on the
 * WTO. */
static void rule_verdicts_side_with_the_rules(void **state) {
  (void)state;
  static const char *const texts[] = {
      "The panel found the duties inconsistent with WTO rules.",
      "The levies are incompatible with the WTO agreements, Ottawa argued.",
      "The tariffs run afoul of WTO rules.",
  };
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    const lxs_result *r = test_run(sc, texts[i]);
    double multi = test_score(r, lex, 0, "multilateralism")->stance;
    double prot = test_score(r, lex, 0, "us_protectionism")->stance;
    if (!(multi > 0.25 && prot < -0.25))
      fail_msg("'%s': multilateralism %.4f (want > 0.25), us_protectionism %.4f (want < -0.25)",
               texts[i], multi, prot);
  }
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* Tenth pass: a meeting "on the sidelines of" a summit harms neither the
 * summit nor the ministers who met there; a group "left on the sidelines"
 * suffers it (passive: sympathy, as "sidelined"), and so does a group
 * that stands to lose; goods on store shelves are no harm "shelve". */
static void sidelines_of_a_summit_take_no_side(void **state) {
  (void)state;
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "Ministers met on the sidelines of the G20 summit in Rio.");
  assert_int_equal(test_score(r, lex, 0, "multilateralism")->mentions, 1);
  assert_true(test_score(r, lex, 0, "multilateralism")->stance == 0.0);
  r = test_run(sc, "Developing countries met on the sidelines of the UN General Assembly.");
  assert_true(test_score(r, lex, 0, "global_south")->stance == 0.0);
  assert_true(test_score(r, lex, 0, "multilateralism")->stance == 0.0);
  r = test_run(sc, "Poor countries were left on the sidelines.");
  assert_true(test_score(r, lex, 0, "global_south")->stance > 0.25);
  r = test_run(sc, "Developing countries stand to lose the most from the new duties.");
  assert_true(test_score(r, lex, 0, "global_south")->stance > 0.25);
  r = test_run(sc, "The levies put fewer imported toys on store shelves.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance == 0.0);
  r = test_run(sc, "Retailers warned that the levies would lead to empty shelves.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance < -0.25);
  r = test_run(sc, "Emerging-market currencies weakened against the dollar.");
  assert_int_equal(test_score(r, lex, 0, "global_south")->mentions, 0);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* Tenth pass: the noun "blocks" is not the harm verb "block" (Snowball
 * stems both "block"): trade blocks are blocs, the rules as "building
 * blocks" are praised, negotiating blocks and blocks of goods take no
 * side; the verb still harms ("Washington blocks appointments"). */
static void blocks_the_noun_is_no_harm(void **state) {
  (void)state;
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "Trade blocks are multiplying in Asia.");
  assert_int_equal(test_score(r, lex, 0, "multilateralism")->mentions, 1);
  assert_true(test_score(r, lex, 0, "multilateralism")->stance == 0.0);
  r = test_run(sc, "Shared rules are the building blocks of the trading system.");
  assert_true(test_score(r, lex, 0, "multilateralism")->stance > 0.25);
  r = test_run(sc, "Levies on several blocks of Chinese goods took effect.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance == 0.0);
  r = test_run(sc, "Poorer countries formed negotiating blocks at the WTO.");
  assert_true(test_score(r, lex, 0, "global_south")->stance == 0.0);
  assert_true(test_score(r, lex, 0, "multilateralism")->stance == 0.0);
  r = test_run(sc, "Washington blocks appointments to the Appellate Body.");
  assert_true(test_score(r, lex, 0, "multilateralism")->stance > 0.25);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* Tenth pass: verbs Snowball merges with a noun or a verdict. Cement the
 * building material is no help to the tariffs; a measure that "runs
 * counter to" WTO rules breaks them (as "violate"), it does not oppose
 * them; India's buffer stocks are a term of art, no benefit; levies that
 * "hit goods" cover them, while levies that hit farmers harm them. */
static void merged_senses_take_their_own_side(void **state) {
  (void)state;
  lxs_lexicon *lex = test_default_lexicon();
  lxs_scorer *sc = test_scorer(lex);
  const lxs_result *r = test_run(sc, "The levies on steel and cement were raised.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance == 0.0);
  r = test_run(sc, "The levies run counter to WTO rules, Ottawa said.");
  assert_true(test_score(r, lex, 0, "multilateralism")->stance > 0.25);
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance < -0.25);
  r = test_run(sc, "Buffer stocks of grain are covered by the peace clause.");
  assert_true(test_score(r, lex, 0, "multilateralism")->stance == 0.0);
  r = test_run(sc, "The new levies hit goods worth 50 billion dollars.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance == 0.0);
  r = test_run(sc, "The new levies hit farmers hard.");
  assert_true(test_score(r, lex, 0, "us_protectionism")->stance < -0.25);
  r = test_run(sc, "The summit helped cement ties within the WTO.");
  assert_true(test_score(r, lex, 0, "multilateralism")->stance > 0.25);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(multilateralism_by_kind),
      cmocka_unit_test(us_protectionism_by_kind),
      cmocka_unit_test(global_south_by_kind),
      cmocka_unit_test(eighth_pass_by_kind),
      cmocka_unit_test(terms_of_art_take_no_side),
      cmocka_unit_test(ninth_pass_by_kind),
      cmocka_unit_test(rule_verdicts_side_with_the_rules),
      cmocka_unit_test(sidelines_of_a_summit_take_no_side),
      cmocka_unit_test(blocks_the_noun_is_no_harm),
      cmocka_unit_test(merged_senses_take_their_own_side),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
