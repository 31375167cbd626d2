/* test_score.c - stage 4: the scoring rules, on sentences written for each
 * rule.  Expected values follow the formulas in src/score.c:
 *   contribution = weight * orientation(target) * clause multipliers
 *                  * intensifier * negator (* 0.5 for a weak link)
 *   raw = sum of contributions,  stance = raw / sqrt(raw^2 + 1)
 *   sentiment = s / sqrt(s^2 + 1), s = sum of sentiment weights * modifiers */
#include "testutil.h"

static const char kLex[] = "wto\tmulti\ttarget\t1\n"
                           "multilateralism\tmulti\ttarget\t1\n"
                           "unilateralism\tmulti\ttarget\t-1\n"
                           "tariff\tprot\ttarget\t1\n"
                           "us protectionism\tprot\ttarget\t1\n"
                           "trade war\tprot\tstance\t-0.5\n"
                           "global south\tsouth\ttarget\t1\n"
                           "good\tsentiment\teval\t0.5\n"
                           "helpful\tsentiment\teval\t0.4\n"
                           "bad\tsentiment\teval\t-0.5\n"
                           "broken\tsentiment\teval\t-0.6\n"
                           "solution\tsentiment\teval\t0.4\n"
                           "threat\tsentiment\tthreat\t-0.8\n"
                           "erosion\tsentiment\tharm\t-0.6\n"
                           "risk\tsentiment\tharm\t-0.4\n"
                           "undermine\tsentiment\tharm\t-0.7\n"
                           "not\t-\tnegator\t-0.75\n"
                           "very\t-\tintensifier\t1.5\n"
                           "extremely\t-\tintensifier\t2\n"
                           "somewhat\t-\tdiminisher\t0.5\n"
                           "but\t-\tcontrast\t1.5\n"
                           "although\t-\tconcessive\t0.5\n"
                           "if\t-\tconditional\t0.5\n"
                           "may\t-\thedge\t0.6\n"
                           "so-called\t-\tdistancer\t-0.5\n"
                           "posed by\t-\tagent\t1\n"
                           "by\t-\tagent\t1\n"
                           "say\t-\treport\t1\n"
                           "free trade\tprot\ttarget\t-1\n"
                           "measure\tprot\tshell\t1\n"
                           "bloc\tsouth\tshell\t1\n"
                           "bloc\tmulti\tshell\t0.5\n"
                           "fear\tsentiment\teval\t-0.6\n"
                           "crisis\tsentiment\teval\t-0.5\n"
                           "regret\tsentiment\teval\t-0.5\n"
                           "hurt\tsentiment\tharm\t-0.5\n"
                           "collapse\tsentiment\tdecay\t-0.6\n"
                           "steep\tsentiment\tdescribe\t-0.2\n"
                           "walk out\tsentiment\tagency\t0.4\n"
                           "criticise\tsentiment\toppose\t0.5\n"
                           "amid\t-\tscene\t1\n"
                           "why\t-\trhetorical\t1\n"
                           "likes to portray\t-\tdoubt\t0\n"
                           "they\t-\tanaphor\t1\n"
                           "destruction\tsentiment\tharm\t-0.8\n"
                           "reform\tsentiment\trepair\t0.3\n"
                           "dysfunctional\tsentiment\teval\t-0.6\n"
                           "call for\t-\tadvocate\t1\n"
                           "oppose\tsentiment\toppose\t0.6\n"
                           "overhaul\tsentiment\trepair\t0\n"
                           "impose\tsentiment\timpose\t0.5\n"
                           "divided\tsentiment\teval\t-0.4\n"
                           "harmful\tsentiment\teval\t-0.6\n"
                           "deeply\t-\tintensifier\t1.5\n"
                           "less\t-\tnegator\t-0.5\n"
                           "dismiss the idea\t-\tnegator\t-0.75\n"
                           "burden\tsentiment\tharm\t-0.5\n"
                           "which\t-\tanaphor\t1\n"
                           "them\t-\tanaphor\t1\n"
                           "poverty\tsentiment\teval\t-0.5\n"
                           "poverty\tsouth\teval\t0.3\n"
                           "announce\tsentiment\timpose\t0.4\n"
                           "announce\t-\treport\t1\n"
                           "boost\tsentiment\tbenefit\t0.4\n"
                           "more than they\t-\tconcessive\t0.5\n"
                           "subject to\tsentiment\timpose\t0.4\n"
                           "cripple\tsentiment\tharm\t-0.7\n"
                           "withdraw from\tsentiment\tharm\t-0.5\n"
                           "blow to\tsentiment\tharm\t-0.5\n"
                           "trade cheating\tprot\tstance\t0.6\n"
                           "trade cheating\tprot\ttarget\t-0.5\n"
                           "crack down on\tsentiment\toppose\t0.4\n"
                           "tariff\tprot\tinstrument\t1\n"
                           "slash\tsentiment\tharm\t-0.4\n"
                           "fight\tsentiment\toppose\t0.5\n"
                           "dumping\tprot\ttarget\t-0.5\n"
                           "criticism*\tsentiment\toppose\t0.5\n"
                           "standoff\tsentiment\tdescribe\t-0.2\n"
                           "bitter\tsentiment\teval\t-0.6\n"
                           "growth\tsentiment\teval\t0.3\n"
                           "battered\tsentiment\teval\t-0.5\n"
                           "integral part\tsentiment\teval\t0.4\n"
                           "threaten\tsentiment\tthreat\t-0.8\n"
                           "wto talks\tmulti\ttarget\t0.5\n"
                           "stalled\tsentiment\teval\t-0.4\n"
                           "unproductive\tsentiment\teval\t-0.5\n";

static lxs_lexicon *lex;
static lxs_scorer *sc;

#define CONTEXT_HALF 0.5   /* an evaluation carried to the context's theme */
#define WEAK_LINK_HALF 0.5 /* an evaluation tied across a comma */

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

/* Raw stance of theme in sentence s of the last run, checking the squash. */
static double raw_of(const lxs_result *r, size_t s, const char *theme) {
  const lxs_theme_score *ts = test_score(r, lex, s, theme);
  assert_near(ts->stance, test_squash(ts->raw), TEST_EPS);
  return ts->raw;
}

static uint32_t mentions_of(const lxs_result *r, size_t s, const char *theme) {
  return test_score(r, lex, s, theme)->mentions;
}

/* ---- plain evaluation -------------------------------------------------- */

static void eval_ties_to_its_target(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is good.");
  assert_int_equal(r->n_sentences, 1);
  assert_int_equal(r->n_themes, 3);
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
  assert_near(test_score(r, lex, 0, "multi")->stance, 0.5 / sqrt(1.25), 1e-12);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  assert_near(r->sentences[0].sentiment, test_squash(0.5), TEST_EPS);
  assert_int_equal(r->sentences[0].sentiment_hits, 1);
  assert_int_equal(r->sentences[0].tokens, 4);
}

static void eval_ties_to_nearest_target(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs rose and the WTO is good.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
}

static void eval_of_negative_target_inverts(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Unilateralism is bad.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS); /* -0.5 * -1 */
}

static void eval_across_comma_is_weak_link(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO, in my view, is good.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5, TEST_EPS);
  const lxs_evidence *e = test_evidence(r, lex, "multi", "eval", "good");
  assert_true(e->modifiers & LXS_MOD_WEAK_LINK);
}

static void loaded_stance_term_counts_alone(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The trade war goes on.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
}

/* Codebook: criticising a trade war is -1 on us_protectionism.  The stance
 * term is negative and "bad" agrees with it; they must not cancel out. */
static void criticised_stance_term_stays_negative(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The trade war is bad.");
  double raw = raw_of(r, 0, "prot");
  if (!(raw < 0)) fail_msg("'The trade war is bad.' prot raw = %.4f, want < 0", raw);
}

/* ---- negation ---------------------------------------------------------- */

static void negation_flips_and_scales(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is not good.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * -0.75, TEST_EPS);
  assert_near(r->sentences[0].sentiment, test_squash(-0.375), TEST_EPS);
  const lxs_evidence *e = test_evidence(r, lex, "multi", "eval", "good");
  assert_true(e->modifiers & LXS_MOD_NEGATED);
}

static void negated_solution_is_against_tariffs(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs are not a solution.");
  assert_near(raw_of(r, 0, "prot"), 0.4 * -0.75, TEST_EPS);
}

static void negation_scope_ends_at_clause_end(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is not good, and tariffs are bad.");
  assert_near(raw_of(r, 0, "multi"), -0.375, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS); /* not negated */
  const lxs_evidence *e = test_evidence(r, lex, "prot", "eval", "bad");
  assert_false(e->modifiers & LXS_MOD_NEGATED);
  r = test_run(sc, "The WTO is not good; tariffs are bad.");
  assert_near(raw_of(r, 0, "multi"), -0.375, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
}

static void negation_scope_ends_at_sentence(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "It is not over. The WTO is good.");
  assert_near(raw_of(r, 1, "multi"), 0.5, TEST_EPS);
}

static void double_negation(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is not not good.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.75 * 0.75, TEST_EPS);
  const lxs_evidence *e = test_evidence(r, lex, "multi", "eval", "good");
  assert_false(e->modifiers & LXS_MOD_NEGATED);
}

/* ---- intensity --------------------------------------------------------- */

static void intensifier_and_diminisher(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is very good.");
  assert_near(raw_of(r, 0, "multi"), 0.75, TEST_EPS);
  assert_true(test_evidence(r, lex, "multi", "eval", "good")->modifiers & LXS_MOD_INTENSIFIED);
  r = test_run(sc, "The WTO is somewhat good.");
  assert_near(raw_of(r, 0, "multi"), 0.25, TEST_EPS);
  assert_true(test_evidence(r, lex, "multi", "eval", "good")->modifiers & LXS_MOD_DIMINISHED);
}

static void strength_orders_somewhat_plain_extremely(void **state) {
  (void)state;
  double s[3];
  const char *texts[3] = {"The WTO is somewhat helpful.", "The WTO is helpful.",
                          "The WTO is extremely helpful."};
  for (int i = 0; i < 3; i++) s[i] = test_score(test_run(sc, texts[i]), lex, 0, "multi")->stance;
  assert_near(s[0], test_squash(0.2), TEST_EPS);
  assert_near(s[1], test_squash(0.4), TEST_EPS);
  assert_near(s[2], test_squash(0.8), TEST_EPS);
  assert_true(0 < s[0] && s[0] < s[1] && s[1] < s[2]);
}

static void intensifier_reaches_three_words(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Very many members now think the WTO is good.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
}

static void negated_intensified(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is not very good.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 1.5 * -0.75, TEST_EPS);
}

/* ---- clauses ----------------------------------------------------------- */

static void contrast_weights_clauses(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO is good but tariffs are bad.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5, TEST_EPS); /* before: 2 - 1.5 */
  assert_near(raw_of(r, 0, "prot"), -0.5 * 1.5, TEST_EPS); /* after: 1.5 */
  assert_near(r->sentences[0].sentiment, test_squash(0.25 - 0.75), TEST_EPS);
  assert_true(test_evidence(r, lex, "multi", "eval", "good")->modifiers & LXS_MOD_CONTRAST_DOWN);
  assert_true(test_evidence(r, lex, "prot", "eval", "bad")->modifiers & LXS_MOD_CONTRAST_UP);
}

static void concessive_weights_clauses(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Although the WTO is good, tariffs are bad.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.5 * 1.5, TEST_EPS);
}

static void conditional_scales_its_segment(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "If the WTO is good, trade grows.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5, TEST_EPS);
  r = test_run(sc, "The WTO is good, if anyone asks.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
}

/* Questions take no side unless a cue makes them rhetorical. */
static void genuine_question_takes_no_side(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Is the WTO good?");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  assert_near(r->sentences[0].sentiment, test_squash(0.25), TEST_EPS); /* tone stays */
}

static void rhetorical_question_is_damped(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Why is the WTO good?");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5, TEST_EPS);
  assert_true(test_evidence(r, lex, "multi", "eval", "good")->modifiers & LXS_MOD_QUESTION);
  r = test_run(sc, "Is the WTO not good?"); /* a negation is a cue too */
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.5 * -0.75, TEST_EPS);
}

static void hedge_scales(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO may be good.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.6, TEST_EPS);
  assert_true(test_evidence(r, lex, "multi", "eval", "good")->modifiers & LXS_MOD_HEDGED);
}

/* ---- harm, agents, distancing ------------------------------------------ */

static void harm_to_target_is_support(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The erosion of the WTO worries us.");
  assert_near(raw_of(r, 0, "multi"), 0.6, TEST_EPS);
  assert_near(r->sentences[0].sentiment, test_squash(-0.6), TEST_EPS);
  const lxs_evidence *e = test_evidence(r, lex, "multi", "harm", "erosion");
  assert_true(e->modifiers & LXS_MOD_HARM_PATIENT);
  assert_near(e->contribution, 0.6, TEST_EPS);
}

static void agent_of_harm_after_posed_by(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The fragmentation risk posed by US protectionism grows.");
  assert_near(raw_of(r, 0, "prot"), -0.4, TEST_EPS);
  assert_true(test_evidence(r, lex, "prot", "harm", "risk")->modifiers & LXS_MOD_AGENT);
}

static void harm_verb_credits_patient_and_agent(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs undermine the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.7, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  r = test_run(sc, "The WTO is undermined by tariffs."); /* passive */
  assert_near(raw_of(r, 0, "multi"), 0.7, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
}

static void negated_harm_is_neutral(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "This is not a threat to the Global South.");
  assert_near(raw_of(r, 0, "south"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "south"), 1);
}

static void distancer_disapproves_of_the_thing_named(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The so-called reciprocal tariffs arrived.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  const lxs_evidence *e = test_evidence(r, lex, "prot", "target", "tariff");
  assert_true(e->modifiers & LXS_MOD_DISTANCED);
  assert_near(e->contribution, -0.5, TEST_EPS);
}

/* Codebook: "Critics say the WTO is broken" expresses -1 on multilateralism,
 * and that stance belongs to the critics, not to the person reporting it. */
static void reported_view_belongs_to_its_holder(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Critics say the WTO is broken.");
  const lxs_theme_score *ts = test_score(r, lex, 0, "multi");
  assert_int_equal(ts->mentions, 1);
  assert_near(ts->raw, -0.6, TEST_EPS); /* the sentence expresses it */
  assert_int_equal(ts->held_mentions, 1);
  assert_near(ts->held_raw, -0.6, TEST_EPS); /* ... as the critics' view */
  uint32_t h = r->sentences[0].holder;
  assert_true(h != LXS_NO_HOLDER && h < r->n_speakers);
  assert_string_equal(r->speakers[h].name, "Critics");
  assert_int_equal(r->sentences[0].speaker, 0);
  const lxs_evidence *e = test_evidence(r, lex, "multi", "eval", "broken");
  assert_true(e->modifiers & LXS_MOD_REPORTED);
  assert_non_null(e->holder);
  assert_string_equal(e->holder, "Critics");

  int present = -1;
  lxs_agg *a = lxs_agg_new(r->n_themes, 0);
  assert_int_equal(lxs_agg_add_speaker(a, r, 0), LXS_OK); /* the author */
  lxs_agg_stance(a, (size_t)test_theme(lex, "multi"), &present);
  assert_int_equal(present, 0);
  lxs_agg_reset(a);
  assert_int_equal(lxs_agg_add_speaker(a, r, h), LXS_OK); /* the critics */
  assert_near(lxs_agg_stance(a, (size_t)test_theme(lex, "multi"), &present), test_squash(-0.6),
              TEST_EPS);
  assert_int_equal(present, 1);
  assert_int_equal(lxs_agg_add_speaker(a, r, (uint32_t)r->n_speakers), LXS_EINVAL);
  lxs_agg_free(a);
}

/* First-person reporting keeps the view the speaker's own. */
static void first_person_report_is_own_view(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We say the WTO is broken.");
  assert_int_equal(r->sentences[0].holder, LXS_NO_HOLDER);
  assert_int_equal(test_score(r, lex, 0, "multi")->held_mentions, 0);
  assert_near(test_score(r, lex, 0, "multi")->held_raw, 0.0, TEST_EPS);
}

/* ---- mentions and absence ---------------------------------------------- */

static void mentions_are_counted(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO, the WTO and multilateralism. Tariffs.");
  assert_int_equal(mentions_of(r, 0, "multi"), 3);
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 0);
  assert_int_equal(mentions_of(r, 1, "prot"), 1);
  assert_int_equal(r->tokens, 7);
  int present = -1;
  double st = test_doc_stance(sc, lex, "The WTO met.", "multi", &present);
  assert_int_equal(present, 1);
  assert_near(st, 0.0, TEST_EPS);
}

static void absent_theme_has_no_mentions(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Nothing here is good.");
  for (size_t t = 0; t < r->n_themes; t++) {
    assert_int_equal(r->scores[t].mentions, 0);
    assert_near(r->scores[t].raw, 0.0, TEST_EPS);
  }
  int present = -1;
  test_doc_stance(sc, lex, "Nothing here is good.", "multi", &present);
  assert_int_equal(present, 0);
}

static void no_sentiment_terms(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO met.");
  assert_int_equal(r->sentences[0].sentiment_hits, 0);
  assert_near(r->sentences[0].sentiment, 0.0, TEST_EPS);
}

static void empty_document(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "");
  assert_int_equal(r->n_sentences, 0);
  assert_int_equal(r->n_evidence, 0);
  assert_int_equal(r->tokens, 0);
  assert_int_equal(r->n_speakers, 1);
  assert_string_equal(r->speakers[0].name, "author");
}

/* ---- evidence ---------------------------------------------------------- */

static void evidence_rows(void **state) {
  (void)state;
  const char *t = "Yes. The WTO is not very good.";
  const lxs_result *r = test_run(sc, t);
  assert_int_equal(r->n_evidence, 3);

  const lxs_evidence *tg = test_evidence(r, lex, "multi", "target", "wto");
  assert_int_equal(tg->sentence, 1);
  assert_span(t, tg->start, tg->end, "WTO");
  assert_span(t, tg->target_start, tg->target_end, "WTO");
  assert_near(tg->weight, 1.0, TEST_EPS);
  assert_near(tg->contribution, 0.0, TEST_EPS);
  assert_null(tg->holder);

  const lxs_evidence *ev = test_evidence(r, lex, "multi", "eval", "good");
  assert_int_equal(ev->sentence, 1);
  assert_span(t, ev->start, ev->end, "good");
  assert_span(t, ev->target_start, ev->target_end, "WTO");
  assert_near(ev->weight, 0.5, TEST_EPS);
  assert_int_equal(ev->modifiers, LXS_MOD_NEGATED | LXS_MOD_INTENSIFIED);
  assert_near(ev->contribution, 0.5 * 1.5 * -0.75, TEST_EPS);

  const lxs_evidence *se = test_evidence(r, NULL, NULL, "eval", "good");
  assert_int_equal(se->theme, LXS_THEME_NONE);
  assert_span(t, se->start, se->end, "good");
  assert_int_equal(se->target_start, 0);
  assert_int_equal(se->target_end, 0);
  assert_int_equal(se->modifiers, LXS_MOD_NEGATED | LXS_MOD_INTENSIFIED);
  assert_near(se->contribution, -0.5625, TEST_EPS);
}

static void evidence_spans_multiword_and_compound(void **state) {
  (void)state;
  const char *t = "Risks posed by US protectionism hurt the so-called Global South.";
  const lxs_result *r = test_run(sc, t);
  const lxs_evidence *e = test_evidence(r, lex, "prot", "target", "us protectionism");
  assert_span(t, e->start, e->end, "US protectionism");
  e = test_evidence(r, lex, "south", "target", "global south");
  assert_span(t, e->start, e->end, "Global South");
  e = test_evidence(r, lex, "prot", "harm", "risk");
  assert_span(t, e->start, e->end, "Risks");
  assert_span(t, e->target_start, e->target_end, "US protectionism");
}

/* Sentence-level modifiers must reach the theme rows of every sentence,
 * not only the first one of the document.  (A fresh scorer, so the result
 * does not depend on scratch memory left by earlier tests.) */
static void evidence_modifiers_in_later_sentences(void **state) {
  (void)state;
  lxs_scorer *fresh = test_scorer(lex);
  const lxs_result *r = test_run(
      fresh, "The WTO and the WTO met. Tariffs are very bad and the WTO and the WTO met.");
  const lxs_evidence *s = test_evidence(r, NULL, NULL, "eval", "bad");
  assert_int_equal(s->modifiers, LXS_MOD_INTENSIFIED);
  const lxs_evidence *e = test_evidence(r, lex, "prot", "eval", "bad");
  assert_int_equal(e->sentence, 1);
  assert_near(e->contribution, -0.75, TEST_EPS);
  assert_int_equal(e->modifiers, LXS_MOD_INTENSIFIED);
  lxs_scorer_free(fresh);
}

/* ---- scene-setting, news register, harm roles ------------------------- */

static void scene_setting_binds_to_nothing(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Amid a crisis, the WTO met.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  assert_near(r->sentences[0].sentiment, test_squash(-0.5), TEST_EPS);
  assert_true(test_evidence(r, lex, NULL, "eval", "crisis")->modifiers & LXS_MOD_SCENE);
}

static void news_register_is_tone_only(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Steep tariffs take effect.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
  assert_near(r->sentences[0].sentiment, test_squash(-0.2), TEST_EPS);
}

/* "the threat of tariffs" is the theme itself; "a threat to X" harms X. */
static void threat_of_names_the_theme(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Exporters fear the threat of tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS); /* "fear" alone */
  r = test_run(sc, "Tariffs are a threat to the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.8, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.8, TEST_EPS);
}

/* "are undermining" is progressive: its subject acts. */
static void progressive_subject_is_the_cause(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs are undermining the WTO.");
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  assert_near(raw_of(r, 0, "multi"), 0.7, TEST_EPS);
}

/* A decay suffered by a non-theme subject after a theme term: its cause. */
static void decay_after_theme_blames_it(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Exports collapse after the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
  assert_true(test_evidence(r, lex, "prot", "decay", "collapse")->modifiers & LXS_MOD_AGENT);
  r = test_run(sc, "The collapse of the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.6, TEST_EPS);
}

/* How a meeting went is news: "the WTO talks collapsed" or "stalled"
 * takes no side, while a verdict on the talks ("unproductive") and the
 * collapse of the institution itself still count. */
static void event_outcome_is_news(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The collapse of the WTO talks.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  r = test_run(sc, "The WTO talks stalled on Monday.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  r = test_run(sc, "The WTO talks were unproductive.");
  assert_near(raw_of(r, 0, "multi"), -0.5, TEST_EPS);
  r = test_run(sc, "The collapse of the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.6, TEST_EPS);
}

/* An agent marker after a harm word makes it passive: "a world fractured
 * by X" -- the subject suffers, X causes. */
static void harm_with_agent_is_passive(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South was hurt by tariffs.");
  assert_near(raw_of(r, 0, "south"), 0.5, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
}

static void agency_credits_its_actor(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South walked out.");
  assert_near(raw_of(r, 0, "south"), 0.4, TEST_EPS);
}

/* A group that criticises passes the criticism to its object. */
static void critic_passes_evaluation_to_object(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South will criticise the tariffs.");
  assert_near(raw_of(r, 0, "south"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "south"), 1);
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "The tariffs were criticised by exporters.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
}

static void doubt_distances_the_view(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "China likes to portray itself as a good friend of the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
}

/* The opposite pole: attacking free trade supports protection. */
static void opposite_pole_inverts(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Free trade is bad.");
  assert_near(raw_of(r, 0, "prot"), 0.5, TEST_EPS);
}

/* A grievance is a stance term and an opposite-pole target at once:
 * naming it supports protection, and so does acting against it ("crack
 * down on trade cheating") or condemning it; welcoming it does not. */
static void grievance_follows_the_opposite_pole(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We must crack down on trade cheating.");
  assert_near(raw_of(r, 0, "prot"), 0.6 + 0.4, TEST_EPS);
  r = test_run(sc, "Trade cheating is bad.");
  assert_near(raw_of(r, 0, "prot"), 0.6 + 0.5, TEST_EPS);
  r = test_run(sc, "Trade cheating is good.");
  assert_near(raw_of(r, 0, "prot"), 0.6 - 0.5, TEST_EPS);
}

/* The shipped lexicons: leaving an institution is a harm done to it,
 * against it when called for ("should leave the WTO", as "should
 * withdraw from"), lamented when narrated; acting against a grievance
 * supports protection. */
static void shipped_leave_and_grievance(void **state) {
  (void)state;
  lxs_lexicon *dl = test_default_lexicon();
  lxs_scorer *ds = test_scorer(dl);
  const lxs_result *r = test_run(ds, "America should leave the WTO.");
  assert_near(test_score(r, dl, 0, "multilateralism")->raw, -0.5, TEST_EPS);
  r = test_run(ds, "Washington will leave the WTO.");
  assert_near(test_score(r, dl, 0, "multilateralism")->raw, 0.5, TEST_EPS);
  r = test_run(ds, "The United States ought to exit the WTO.");
  assert_near(test_score(r, dl, 0, "multilateralism")->raw, -0.5, TEST_EPS);
  r = test_run(ds, "We must crack down on trade cheating.");
  assert_near(test_score(r, dl, 0, "us_protectionism")->raw, 0.6 + 0.4, TEST_EPS);
  lxs_scorer_free(ds);
  lxs_lexicon_free(dl);
}

static void anaphor_agrees_in_number(void **state) {
  (void)state;
  /* "they" is the farmers, not the trade war: the war is the cause */
  const lxs_result *r = test_run(sc, "The trade war hurt farmers so much that they quit.");
  assert_near(raw_of(r, 0, "prot"), -0.5 - 0.5, TEST_EPS);
}

/* "destructive" describes what is harmful; "destruction of X" harms X. */
static void adjectival_harm_evaluates(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The destructive tariffs arrived.");
  assert_near(raw_of(r, 0, "prot"), -0.8, TEST_EPS);
  r = test_run(sc, "The destruction of the WTO is near.");
  assert_near(raw_of(r, 0, "multi"), 0.8, TEST_EPS);
}

/* A theme term far after an opposition word is seldom its object. */
static void far_object_is_not_opposed(void **state) {
  (void)state;
  const lxs_result *r = test_run(
      sc, "Members oppose a bill that would end the old and costly tariffs.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "Members oppose the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
}

/* Repairing a theme is support, and what it must be repaired of is not
 * the speaker's verdict on it. */
static void repair_supports_and_reads_faults_as_need(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We must reform the WTO and its dysfunctional courts.");
  assert_near(raw_of(r, 0, "multi"), 0.3 + 0.6, TEST_EPS);
}

/* A change that takes no side ("reform", "overhaul": weight 0): no
 * stance, and what it must be changed of is the case for the change. */
static void reform_takes_no_side(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We must overhaul the WTO and its dysfunctional courts.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
}

/* Quotes distance only with a cue outside them; without one, a quoted
 * name's evaluative words take no side. */
static void scare_quotes_need_a_cue(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The president unveiled his \u201cgood tariff\u201d today.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
  /* "bad" is the cue: the quoted term is distanced (-0.6) and "good" is
   * ironic (-0.5); "bad" itself binds to the term (-0.5) */
  r = test_run(sc, "The \u201cgood tariff\u201d is bad.");
  assert_near(raw_of(r, 0, "prot"), -0.6 - 0.5 - 0.5, TEST_EPS);
}

/* An adjective in the noun phrase opening a segment describes its head
 * noun, not a theme term later on; through "of" it reaches its
 * complement. */
static void adjective_binds_to_its_head(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "A deeply divided Congress debated the tariff.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
  r = test_run(sc, "The harmful effects of the tariff are clear.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
  r = test_run(sc, "The tariff is a harmful idea."); /* said of the subject */
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
}

/* A holder who puts a measure in place supports it; narrated of a third
 * party, the act takes no side. */
static void imposition_by_the_holder_supports(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We will impose a tariff on cars.");
  assert_near(raw_of(r, 0, "prot"), 0.5, TEST_EPS);
  r = test_run(sc, "Washington will impose a tariff on cars.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "US officials will impose a tariff on cars."); /* "US" is not "us" */
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "Officials say Washington will impose a tariff on cars.");
  assert_near(raw_of(r, 0, "prot"), 0.5, TEST_EPS);
  r = test_run(sc, "We face the threat to impose a tariff."); /* the threat names it */
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* "less" denies a quality, at -0.5; a denial of a clause reaches past its
 * theme terms. */
/* A sentence the segmenter gives to the holder of its own speech frame is
 * still that holder's act: the frame is not "reported", yet the measure
 * it puts in place is the speaker's. */
static void imposition_in_own_speech_supports(void **state) {
  (void)state;
  const char *text = "Ana Reyes is the trade minister.  "
                     "Reyes warned that any country joining the pact would be subject to a tariff.";
  lxs_options opt = {.segment_speakers = 1};
  const lxs_result *r = lxs_scorer_run(sc, text, strlen(text), &opt);
  assert_non_null(r);
  assert_string_equal(r->speakers[r->sentences[1].speaker].name, "Ana Reyes");
  assert_int_equal(r->sentences[1].holder, LXS_NO_HOLDER);
  assert_near(raw_of(r, 1, "prot"), 0.4, TEST_EPS);
  /* narrated, the same act takes no side */
  r = test_run(sc, "Any country joining the pact would be subject to a tariff.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* A speech frame whose holder has no name (a role noun: "the president")
 * still makes the measure inside it the holder's own act -- unless the
 * act's subject names another actor. */
static void imposition_in_an_unnamed_frame_supports(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The president said he would impose tariffs on steel.");
  assert_near(raw_of(r, 0, "prot"), 0.5, TEST_EPS);
  r = test_run(sc, "The president warned that every car would be subject to a tariff.");
  assert_near(raw_of(r, 0, "prot"), 0.4, TEST_EPS);
  r = test_run(sc, "Every car will be subject to a tariff, the president said.");
  assert_near(raw_of(r, 0, "prot"), 0.4, TEST_EPS);
  r = test_run(sc, "The president said Washington would impose tariffs.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "Member states impose tariffs."); /* "states" is no frame here */
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* "crippling 40% tariffs": an -ing harm inside the noun phrase of the
 * theme term describes it, so the term does the harm; with a determiner
 * after it, the -ing word is a verb and the term its patient. */
static void attributive_ing_harm_blames(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The president unveiled crippling 40% tariffs on coffee.");
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  r = test_run(sc, "The crippling tariffs stay.");
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  r = test_run(sc, "Washington is crippling the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.7, TEST_EPS);
  /* after a present-tense verb it may be a gerund ("began slashing
   * tariffs"): read as a verb, tariffs its patient (a known limit) */
  r = test_run(sc, "Exporters fear crippling tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS); /* harm to an instrument: no loss */
}

/* Acting against the theme's opposite pole supports the theme ("fight
 * dumping"), against the theme opposes it; an oppose word before "over",
 * "about", "between" or "with" names a dispute, taking no side in it. */
static void dispute_topic_is_not_opposed(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Ministers will fight dumping.");
  assert_near(raw_of(r, 0, "prot"), 0.5, TEST_EPS);
  r = test_run(sc, "Farmers will fight the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "A fight over tariffs broke out in Congress.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
  r = test_run(sc, "Ottawa will criticise Washington about the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS); /* a direct object first */
  r = test_run(sc, "They criticise about tariffs.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* Harm done to a policy instrument is its removal, not a loss the speaker
 * laments: narrated it takes no side, done or called for by the speaker it
 * goes against the measure; harm to an institution stays a lament. */
static void harm_to_an_instrument_is_its_removal(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The president is slashing the tariffs.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "prot"), 1);
  r = test_run(sc, "The tariffs were slashed.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "We will slash the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.4, TEST_EPS);
  r = test_run(sc, "The president is slashing the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.4, TEST_EPS);
}

/* A first-person subject doing a harm ("We will withdraw from the WTO")
 * is the speaker's own act against its object, as a harm called for is;
 * the same harm narrated of others is lamented. */
static void first_person_harm_is_the_speakers_act(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "We will withdraw from the WTO.");
  assert_near(raw_of(r, 0, "multi"), -0.5, TEST_EPS);
  r = test_run(sc, "We will not withdraw from the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.5 * 0.75, TEST_EPS);
  r = test_run(sc, "Washington will withdraw from the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
}

/* A harm predicated after a copula is said of the sentence's subject,
 * however long the subject phrase: its theme term causes the harm, or
 * suffers a decay. */
static void copula_harm_reaches_the_subject(void **state) {
  (void)state;
  const lxs_result *r = test_run(
      sc, "The tariff on imported steel, with its many exemptions, is a blow to farmers.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc,
               "The tariff on imported steel, with its many exemptions, dealt a blow to farmers.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS); /* no copula: too far to tell */
  r = test_run(sc, "The WTO, on whose rulings many small states rely, is in collapse.");
  assert_near(raw_of(r, 0, "multi"), 0.6, TEST_EPS);
}

static void less_and_denial_negate(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The tariff is less helpful.");
  assert_near(raw_of(r, 0, "prot"), 0.4 * -0.5, TEST_EPS);
  r = test_run(sc, "They dismissed the idea that the WTO is broken.");
  assert_near(raw_of(r, 0, "multi"), -0.6 * -0.75, TEST_EPS);
}

/* The subject of "face" undergoes the harm named after it. */
static void undergoing_subject_is_the_patient(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South faces a heavy burden.");
  assert_near(raw_of(r, 0, "south"), 0.5, TEST_EPS);
  r = test_run(sc, "The tariff is a heavy burden."); /* the cause */
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
}

/* "It is important to ...", "it is clear that ...": a dummy subject, no
 * anaphor -- the evaluation only carries to the context, at half weight;
 * "it is a good way to ..." and "it is bad" refer back.  (A lexicon of
 * its own: "it" also matches "its" in the other tests' sentences.) */
static void expletive_it_refers_to_nothing(void **state) {
  (void)state;
  char tsv[sizeof kLex + 64];
  snprintf(tsv, sizeof tsv, "%sit\t-\tanaphor\t1\nimportant\tsentiment\teval\t0.3\n", kLex);
  lxs_lexicon *lx = test_lexicon(tsv);
  lxs_scorer *s2 = test_scorer(lx);
  const lxs_result *r = test_run(s2, "The WTO met. It is important to rest.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * 0.3, TEST_EPS);
  r = test_run(s2, "The WTO met. It is clear that the weather was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It could be said that the weather was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It can be said that the weather was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It's important to rest.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * 0.3, TEST_EPS);
  r = test_run(s2, "The WTO met. It\u2019s clear that the weather was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It's bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It could rest.");
  assert_int_equal(test_score(r, lx, 1, "multi")->mentions, 1);
  r = test_run(s2, "The WTO met. It is bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. It is a good way to settle disputes.");
  assert_near(test_score(r, lx, 1, "multi")->raw, 0.5, TEST_EPS);
  lxs_scorer_free(s2);
  lxs_lexicon_free(lx);
}

/* "..., it added.": a pronoun before a speech verb holds the view; it
 * stands for no theme term.  The evaluation only carries to the context. */
static void speaking_pronoun_is_the_holder(void **state) {
  (void)state;
  char tsv[sizeof kLex + 64];
  snprintf(tsv, sizeof tsv, "%sit\t-\tanaphor\t1\n", kLex);
  lxs_lexicon *lx = test_lexicon(tsv);
  lxs_scorer *s2 = test_scorer(lx);
  const lxs_result *r = test_run(s2, "The WTO met in Geneva. The weather was bad, it added.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met in Geneva. It also said the weather was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met in Geneva. It was bad, it said.");
  assert_near(test_score(r, lx, 1, "multi")->raw, -0.5, TEST_EPS); /* the first "it" refers */
  lxs_scorer_free(s2);
  lxs_lexicon_free(lx);
}

/* A relative pronoun never refers back to the sentence before. */
static void relative_pronoun_stays_in_its_sentence(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO met. The book, which we read, sold well.");
  assert_int_equal(mentions_of(r, 1, "multi"), 0);
  r = test_run(sc, "Tariffs rose. They stayed."); /* "they" does */
  assert_int_equal(mentions_of(r, 1, "prot"), 1);
}

/* A pronoun after a noun of its own sentence that it may stand for (a
 * name for "it", a plural noun for "they") refers to that noun, not back
 * to the sentence before: the evaluation only carries to the context. */
static void pronoun_prefers_a_noun_of_its_sentence(void **state) {
  (void)state;
  char tsv[sizeof kLex + 32];
  snprintf(tsv, sizeof tsv, "%sit\t-\tanaphor\t1\n", kLex);
  lxs_lexicon *lx = test_lexicon(tsv);
  lxs_scorer *s2 = test_scorer(lx);
  const lxs_result *r = test_run(s2, "The WTO met. Later, Kenya found it was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, CONTEXT_HALF * -0.5, TEST_EPS);
  r = test_run(s2, "The WTO met. Later, it was bad.");
  assert_near(test_score(r, lx, 1, "multi")->raw, -0.5, TEST_EPS);
  lxs_scorer_free(s2);
  lxs_lexicon_free(lx);
  r = test_run(sc, "Tariffs rose. Farmers stayed because they could.");
  assert_int_equal(mentions_of(r, 1, "prot"), 0);
  r = test_run(sc, "Tariffs rose. Still, they stayed.");
  assert_int_equal(mentions_of(r, 1, "prot"), 1);
}

/* A theme's own evaluative sense replaces the general one for that theme:
 * poverty said of the Global South is sympathy. */
static void own_reading_replaces_general(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South lives in poverty.");
  assert_near(raw_of(r, 0, "south"), 0.3, TEST_EPS);
  r = test_run(sc, "The WTO lives in poverty.");
  assert_near(raw_of(r, 0, "multi"), -0.5, TEST_EPS);
}

/* A theme term after "with" or "through" is the means of the harm before
 * it, and does the harm, as an agent does. */
static void means_of_a_harm_is_its_cause(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Washington keeps hurting farmers with the tariffs.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "Washington keeps hurting farmers and the tariffs stay.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS); /* an instrument harmed: no loss */
  r = test_run(sc, "Washington keeps hurting the WTO with vetoes.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
}

/* The act after "threaten to" is what the threat names: it takes no side
 * of its own, as the measure after "threatened to impose" does not. */
static void threatened_act_takes_no_side(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Washington threatened to withdraw from the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  r = test_run(sc, "The bill would threaten to oppose the tariff.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  r = test_run(sc, "The bill would oppose the tariff.");
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
  r = test_run(sc, "The tariff threatens the WTO."); /* the threat's own object */
  assert_near(raw_of(r, 0, "multi"), 0.8, TEST_EPS);
}

/* "X is an integral part of Y" evaluates X, the subject, not the whole it
 * is part of. */
static void predicate_with_of_is_said_of_the_subject(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South is an integral part of the WTO.");
  assert_near(raw_of(r, 0, "south"), 0.4, TEST_EPS);
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  r = test_run(sc, "The WTO is an integral part of the Global South.");
  assert_near(raw_of(r, 0, "multi"), 0.4, TEST_EPS);
  assert_near(raw_of(r, 0, "south"), 0.0, TEST_EPS);
}

/* Fear of a harm to the theme ("fear that the WTO will collapse") is
 * concern for it; fear of what the theme does stays against it. */
static void feared_harm_is_concern(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Exporters fear that the WTO will collapse.");
  assert_near(raw_of(r, 0, "multi"), 0.6 + 0.6, TEST_EPS);
  r = test_run(sc, "Exporters fear the tariff will undermine farmers.");
  assert_near(raw_of(r, 0, "prot"), -0.6 - 0.7, TEST_EPS);
  r = test_run(sc, "The bad WTO is in collapse."); /* an adjective: said of the WTO */
  assert_near(raw_of(r, 0, "multi"), -0.5 + 0.6, TEST_EPS);
}

/* A negative evaluation with its agent after it is a harm: the agent
 * does it, the subject suffers it. */
static void agentive_evaluation_is_a_harm(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South was battered by the tariff.");
  assert_near(raw_of(r, 0, "south"), 0.5, TEST_EPS);
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "The Global South was battered."); /* no agent: a plain evaluation */
  assert_near(raw_of(r, 0, "south"), -0.5, TEST_EPS);
}

/* An adjective after a preposition describes its own head noun: "with
 * broken rules" says nothing of the WTO; of a theme term as its head it
 * does ("with the broken WTO"). */
static void adjective_after_a_preposition_binds_to_its_head(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Washington replaced the WTO with broken rules.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  r = test_run(sc, "Washington replaced the WTO with the broken rules.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  r = test_run(sc, "Ministers met with the broken WTO.");
  assert_near(raw_of(r, 0, "multi"), -0.6, TEST_EPS);
  r = test_run(sc, "The WTO has broken rules."); /* after a verb: said of the subject */
  assert_near(raw_of(r, 0, "multi"), -0.6, TEST_EPS);
}

/* A good thing harmed ("undermine growth") is what the harm is about: it
 * is no praise of the harm's cause; helped, it is ("boost growth"). */
static void harmed_good_is_no_praise(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs undermine growth.");
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  r = test_run(sc, "Tariffs boost growth.");
  assert_near(raw_of(r, 0, "prot"), 0.4 + 0.3, TEST_EPS);
  r = test_run(sc, "Tariffs undermine farmers, and growth rose."); /* another segment */
  assert_near(raw_of(r, 0, "prot"), -0.7 + WEAK_LINK_HALF * 0.3, TEST_EPS);
}

/* The mirror: a bad thing fought or mended ("fight harmful subsidies",
 * "reform the dysfunctional courts") is what the act is about, no verdict
 * on the theme term that acts; a theme term in the object takes it. */
static void remedied_bad_is_no_blame(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO will fight harmful subsidies.");
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  assert_int_equal(mentions_of(r, 0, "multi"), 1);
  r = test_run(sc, "The tariff will reform the dysfunctional courts.");
  assert_near(raw_of(r, 0, "prot"), 0.3, TEST_EPS); /* the repairer's credit only */
  r = test_run(sc, "The WTO will fight the harmful tariff.");
  assert_near(raw_of(r, 0, "prot"), -0.5 + -0.6, TEST_EPS);
  assert_near(raw_of(r, 0, "multi"), 0.0, TEST_EPS);
  r = test_run(sc, "The WTO is harmful and will fight subsidies."); /* before the act */
  assert_near(raw_of(r, 0, "multi"), -0.6, TEST_EPS);
}

/* A benefit verb whose direct object is a bad thing ("deepen the rift",
 * "deepen the crisis") makes it grow: no good done to the theme term
 * that acts; the object's own word counts.  Not past a preposition
 * ("shield farmers from the crisis" protects the farmers). */
static void amplified_bad_is_no_benefit(void **state) {
  (void)state;
  char tsv[sizeof kLex + 128];
  snprintf(tsv, sizeof tsv,
           "%sdeepen\tsentiment\tbenefit\t0.5\nrift\tsentiment\tdescribe\t-0.4\n"
           "shield\tsentiment\tbenefit\t0.4\n",
           kLex);
  lxs_lexicon *lx = test_lexicon(tsv);
  lxs_scorer *s2 = test_scorer(lx);
  const lxs_result *r = test_run(s2, "The tariff will deepen the rift.");
  assert_near(test_score(r, lx, 0, "prot")->raw, 0.0, TEST_EPS);
  assert_int_equal(test_score(r, lx, 0, "prot")->mentions, 1);
  r = test_run(s2, "The tariff will deepen the crisis.");
  assert_near(test_score(r, lx, 0, "prot")->raw, -0.5, TEST_EPS);
  r = test_run(s2, "The tariff will deepen good ties.");
  assert_near(test_score(r, lx, 0, "prot")->raw, 0.5 + 0.5, TEST_EPS);
  r = test_run(s2, "The tariff will shield farmers from the rift.");
  assert_near(test_score(r, lx, 0, "prot")->raw, 0.4, TEST_EPS);
  lxs_scorer_free(s2);
  lxs_lexicon_free(lx);
}

/* A bad thing after a benefit verb and "from" or "against" is warded
 * off: no verdict on the theme term that protects. */
static void warded_off_bad_is_no_blame(void **state) {
  (void)state;
  char tsv[sizeof kLex + 64];
  snprintf(tsv, sizeof tsv, "%sshield\tsentiment\tbenefit\t0.4\n", kLex);
  lxs_lexicon *lx = test_lexicon(tsv);
  lxs_scorer *s2 = test_scorer(lx);
  const lxs_result *r = test_run(s2, "The tariff will shield farmers from the crisis.");
  assert_near(test_score(r, lx, 0, "prot")->raw, 0.4, TEST_EPS);
  r = test_run(s2, "The tariff will shield farmers against the crisis.");
  assert_near(test_score(r, lx, 0, "prot")->raw, 0.4, TEST_EPS);
  r = test_run(s2, "The tariff will shield farmers in a crisis."); /* no warding word */
  assert_true(test_score(r, lx, 0, "prot")->raw < 0.4 - TEST_EPS);
  lxs_scorer_free(s2);
  lxs_lexicon_free(lx);
}

/* A misfortune the theme term undergoes ("faces a crisis", "the crisis
 * facing the WTO") is lamented, as a harm done to it; a verdict it
 * receives ("drew bad reviews") is not. */
static void suffered_misfortune_is_lamented(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The WTO faces a crisis.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
  r = test_run(sc, "The Global South suffered a deep crisis.");
  assert_near(raw_of(r, 0, "south"), 0.5, TEST_EPS);
  r = test_run(sc, "Leaders discussed the crisis facing the WTO.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
  r = test_run(sc, "The WTO drew bad reviews.");
  assert_near(raw_of(r, 0, "multi"), -0.5, TEST_EPS);
  r = test_run(sc, "The WTO is in crisis."); /* no verb of undergoing: as before */
  assert_near(raw_of(r, 0, "multi"), -0.5, TEST_EPS);
}

/* A news-register noun is a plain head for the adjective before it: "the
 * bitter standoff over tariffs" is bitter, the tariffs are its topic. */
static void adjective_describes_a_news_register_head(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The bitter standoff over tariffs dragged on.");
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
  assert_near(r->sentences[0].sentiment, test_squash(-0.6 - 0.2), TEST_EPS);
  r = test_run(sc, "The tariffs caused a bitter standoff."); /* later in the clause */
  assert_near(raw_of(r, 0, "prot"), -0.6, TEST_EPS);
}

/* The subject of "draw" or "attract" receives the criticism after it, as
 * the subject of "face" undergoes a harm. */
static void drawn_criticism_opposes_the_subject(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The tariff drew sharp criticism from allies.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "The tariff attracted criticism.");
  assert_near(raw_of(r, 0, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "The tariff prompted criticism."); /* no undergoing verb */
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* A pronoun object comes right after its verb: in "undermine farmers so
 * they stay" "they" is a subject, and the tariffs are the cause. */
static void distant_pronoun_is_no_object(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs undermine farmers so they stay.");
  assert_near(raw_of(r, 0, "prot"), -0.7, TEST_EPS);
  r = test_run(sc, "Farmers said the WTO matters and rivals undermine them."); /* adjacent */
  assert_near(raw_of(r, 0, "multi"), 0.7, TEST_EPS);
}

/* A frame after the measure that announces it is the holder's own act. */
static void announcing_frame_supports(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Cars will pay a tariff, the secretary announced.");
  assert_near(raw_of(r, 0, "prot"), 0.4, TEST_EPS);
  r = test_run(sc, "Trump announced a tariff."); /* narrated */
  assert_near(raw_of(r, 0, "prot"), 0.0, TEST_EPS);
}

/* The lesser side of a comparison is concessive: "hurt ... more than they
 * boost" gives the main clause 1.5, and its "they" is part of the cue, so
 * the lesser benefit is not credited to the tariffs (as it is after "and"). */
static void comparison_lesser_side_is_concessive(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Tariffs hurt farmers more than they boost workers.");
  assert_near(raw_of(r, 0, "prot"), -0.5 * 1.5, TEST_EPS);
  r = test_run(sc, "Tariffs hurt farmers and they boost workers.");
  assert_near(raw_of(r, 0, "prot"), -0.5 + 0.4, TEST_EPS);
}

static void advocacy_supports_its_object(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Ministers call for the WTO to act.");
  assert_near(raw_of(r, 0, "multi"), 0.5, TEST_EPS);
}

/* ---- discourse context -------------------------------------------------- */

static void shell_noun_refers_back(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Washington raised tariffs. The measure is bad.");
  assert_int_equal(mentions_of(r, 1, "prot"), 1);
  assert_near(raw_of(r, 1, "prot"), -0.5, TEST_EPS);
  r = test_run(sc, "Washington raised tariffs. Measure the cost."); /* no determiner */
  assert_int_equal(mentions_of(r, 1, "prot"), 0);
  r = test_run(sc, "Washington raised tariffs. It rained. We waited. The measure is bad.");
  assert_int_equal(mentions_of(r, 3, "prot"), 0); /* too far back */
}

/* A shell noun that refers back keeps its theme active, as naming it
 * would: the discourse goes on about the measure. */
static void shell_noun_keeps_the_theme_active(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "Washington raised tariffs. It rained. The measure is bad. "
                                     "We waited. The measure is harmful.");
  assert_int_equal(mentions_of(r, 2, "prot"), 1);
  assert_int_equal(mentions_of(r, 4, "prot"), 1);
  assert_near(raw_of(r, 4, "prot"), -0.6, TEST_EPS);
  r = test_run(sc, "Washington raised tariffs. It rained. We waited. We left. The measure is bad.");
  assert_int_equal(mentions_of(r, 4, "prot"), 0);
}

static void shell_noun_prefers_its_weightier_theme(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The Global South met. The WTO watched. The bloc is good.");
  assert_near(raw_of(r, 2, "south"), 0.5, TEST_EPS);
  assert_int_equal(mentions_of(r, 2, "multi"), 0);
}

static void evaluation_carries_to_the_active_theme(void **state) {
  (void)state;
  const lxs_result *r = test_run(sc, "The tariffs are bad. I regret this.");
  assert_int_equal(mentions_of(r, 1, "prot"), 1);
  assert_near(raw_of(r, 1, "prot"), 0.5 * -0.5, TEST_EPS);
  assert_true(test_evidence(r, lex, "prot", "eval", "regret")->modifiers & LXS_MOD_CONTEXT);
  /* an evaluation against the grain of the argument is about something else */
  r = test_run(sc, "The tariffs are bad. This is good.");
  assert_int_equal(mentions_of(r, 1, "prot"), 0);
}

static void scorer_reuse_gives_same_result(void **state) {
  (void)state;
  const char *t = "The WTO is good but tariffs are bad.";
  double a = test_score(test_run(sc, t), lex, 0, "prot")->raw;
  test_run(sc, "Something else entirely, with the WTO and tariffs.");
  double b = test_score(test_run(sc, t), lex, 0, "prot")->raw;
  assert_near(a, b, 0.0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(eval_ties_to_its_target),
      cmocka_unit_test(eval_ties_to_nearest_target),
      cmocka_unit_test(eval_of_negative_target_inverts),
      cmocka_unit_test(eval_across_comma_is_weak_link),
      cmocka_unit_test(loaded_stance_term_counts_alone),
      cmocka_unit_test(criticised_stance_term_stays_negative),
      cmocka_unit_test(negation_flips_and_scales),
      cmocka_unit_test(negated_solution_is_against_tariffs),
      cmocka_unit_test(negation_scope_ends_at_clause_end),
      cmocka_unit_test(negation_scope_ends_at_sentence),
      cmocka_unit_test(double_negation),
      cmocka_unit_test(intensifier_and_diminisher),
      cmocka_unit_test(strength_orders_somewhat_plain_extremely),
      cmocka_unit_test(intensifier_reaches_three_words),
      cmocka_unit_test(negated_intensified),
      cmocka_unit_test(contrast_weights_clauses),
      cmocka_unit_test(concessive_weights_clauses),
      cmocka_unit_test(conditional_scales_its_segment),
      cmocka_unit_test(genuine_question_takes_no_side),
      cmocka_unit_test(rhetorical_question_is_damped),
      cmocka_unit_test(hedge_scales),
      cmocka_unit_test(harm_to_target_is_support),
      cmocka_unit_test(agent_of_harm_after_posed_by),
      cmocka_unit_test(harm_verb_credits_patient_and_agent),
      cmocka_unit_test(negated_harm_is_neutral),
      cmocka_unit_test(distancer_disapproves_of_the_thing_named),
      cmocka_unit_test(reported_view_belongs_to_its_holder),
      cmocka_unit_test(first_person_report_is_own_view),
      cmocka_unit_test(mentions_are_counted),
      cmocka_unit_test(absent_theme_has_no_mentions),
      cmocka_unit_test(no_sentiment_terms),
      cmocka_unit_test(empty_document),
      cmocka_unit_test(evidence_rows),
      cmocka_unit_test(evidence_spans_multiword_and_compound),
      cmocka_unit_test(evidence_modifiers_in_later_sentences),
      cmocka_unit_test(scene_setting_binds_to_nothing),
      cmocka_unit_test(event_outcome_is_news),
      cmocka_unit_test(news_register_is_tone_only),
      cmocka_unit_test(threat_of_names_the_theme),
      cmocka_unit_test(progressive_subject_is_the_cause),
      cmocka_unit_test(decay_after_theme_blames_it),
      cmocka_unit_test(harm_with_agent_is_passive),
      cmocka_unit_test(agency_credits_its_actor),
      cmocka_unit_test(critic_passes_evaluation_to_object),
      cmocka_unit_test(doubt_distances_the_view),
      cmocka_unit_test(opposite_pole_inverts),
      cmocka_unit_test(grievance_follows_the_opposite_pole),
      cmocka_unit_test(shipped_leave_and_grievance),
      cmocka_unit_test(anaphor_agrees_in_number),
      cmocka_unit_test(pronoun_prefers_a_noun_of_its_sentence),
      cmocka_unit_test(adjectival_harm_evaluates),
      cmocka_unit_test(far_object_is_not_opposed),
      cmocka_unit_test(repair_supports_and_reads_faults_as_need),
      cmocka_unit_test(advocacy_supports_its_object),
      cmocka_unit_test(reform_takes_no_side),
      cmocka_unit_test(scare_quotes_need_a_cue),
      cmocka_unit_test(adjective_binds_to_its_head),
      cmocka_unit_test(imposition_by_the_holder_supports),
      cmocka_unit_test(imposition_in_own_speech_supports),
      cmocka_unit_test(imposition_in_an_unnamed_frame_supports),
      cmocka_unit_test(attributive_ing_harm_blames),
      cmocka_unit_test(harm_to_an_instrument_is_its_removal),
      cmocka_unit_test(dispute_topic_is_not_opposed),
      cmocka_unit_test(first_person_harm_is_the_speakers_act),
      cmocka_unit_test(copula_harm_reaches_the_subject),
      cmocka_unit_test(less_and_denial_negate),
      cmocka_unit_test(undergoing_subject_is_the_patient),
      cmocka_unit_test(relative_pronoun_stays_in_its_sentence),
      cmocka_unit_test(expletive_it_refers_to_nothing),
      cmocka_unit_test(speaking_pronoun_is_the_holder),
      cmocka_unit_test(own_reading_replaces_general),
      cmocka_unit_test(distant_pronoun_is_no_object),
      cmocka_unit_test(drawn_criticism_opposes_the_subject),
      cmocka_unit_test(adjective_describes_a_news_register_head),
      cmocka_unit_test(harmed_good_is_no_praise),
      cmocka_unit_test(remedied_bad_is_no_blame),
      cmocka_unit_test(amplified_bad_is_no_benefit),
      cmocka_unit_test(warded_off_bad_is_no_blame),
      cmocka_unit_test(suffered_misfortune_is_lamented),
      cmocka_unit_test(adjective_after_a_preposition_binds_to_its_head),
      cmocka_unit_test(agentive_evaluation_is_a_harm),
      cmocka_unit_test(feared_harm_is_concern),
      cmocka_unit_test(predicate_with_of_is_said_of_the_subject),
      cmocka_unit_test(threatened_act_takes_no_side),
      cmocka_unit_test(means_of_a_harm_is_its_cause),
      cmocka_unit_test(announcing_frame_supports),
      cmocka_unit_test(comparison_lesser_side_is_concessive),
      cmocka_unit_test(shell_noun_refers_back),
      cmocka_unit_test(shell_noun_keeps_the_theme_active),
      cmocka_unit_test(shell_noun_prefers_its_weightier_theme),
      cmocka_unit_test(evaluation_carries_to_the_active_theme),
      cmocka_unit_test(scorer_reuse_gives_same_result),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
