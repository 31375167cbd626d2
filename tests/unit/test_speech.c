/* test_speech.c - attribution in real news (issue 15): one test per
 * failure category of the error analysis, each from invented sentences in
 * the style of wire copy, press releases and transcripts. */
#include "testutil.h"

#include "attrib_run.h"

/* Runs text and checks (needle, speaker, cue) triples; NULL ends them. */
static void check(const char *text, const char *const *triples) {
  arun r;
  arun_str(&r, text, NULL);
  for (size_t i = 0; triples[i]; i += 3) EXPECT(&r, triples[i], triples[i + 1], triples[i + 2]);
  arun_free(&r);
}

/* 1. Reporting verbs and speech acts beyond "say". */
static void reporting_verbs(void **state) {
  (void)state;
  const char *t =
      "Councillor Ines Varga has called the ferry levy \"a tax on breathing.\"\n\n"
      "Harbour chief Odile Marsh called on shipowners to resist the levy. "
      "She called for a slower phase-in.\n\n"
      "Varga urged the smaller ports to reject the berth lottery.\n\n"
      "Senator Pim Alders proposed scrapping the port board.\n\n"
      "Mayor Ruth Okafor tweeted that the east quay will reopen in May.\n\n"
      "Mayor Ruth Okafor issued a formal warning to late payers, vowing to suspend their "
      "berths.\n\n"
      "Minister Ada Moreau conveyed that message in person to the fishing cooperatives.\n\n"
      "Tom Birch described the pilots' union as \"a closed shop\".\n\n"
      "The council backed the plan, with Governor Hana Lindqvist calling it \"reckless\".\n\n"
      "Senator Pim Alders is urging the ports to reject the levy.\n\n"
      "Tom Birch condemned the new tariff on small boats.\n\n"
      "Mayor Ruth Okafor called the meeting to order at noon.\n\n"
      "The so-called reform was called off.\n\n"
      "Ada Moreau was told the fees would rise.\n";
  const char *want[] = {
      "a tax on breathing", "Ines Varga", "said-before",
      "called on shipowners", "Odile Marsh", "indirect",
      "slower phase-in", "Odile Marsh", "pronoun",
      "reject the berth lottery", "Ines Varga", "short-name",
      "scrapping the port board", "Pim Alders", "indirect",
      "east quay will reopen", "Ruth Okafor", "indirect",
      "a formal warning", "Ruth Okafor", "indirect",
      "conveyed that message", "Ada Moreau", "indirect",
      "a closed shop", "Tom Birch", "indirect",
      "calling it", "Hana Lindqvist", "indirect",
      "is urging the ports", "Pim Alders", "indirect",
      "condemned the new tariff", "Tom Birch", "indirect",
      "called the meeting to order", "author", "author",
      "was called off", "author", "author",
      "was told the fees", "author", "author",
      NULL};
  check(t, want);
}

/* 3. Colon-introduced quotes whose introducer is not a plain "X said". */
static void colon_introducers(void **state) {
  (void)state;
  const char *t =
      "Guild for Harbour Pilots (GHP) President Anton Reyes: \"The new rules are "
      "overdue. Small boats have waited long enough.\"\n\n"
      "Said Coastal Freight Union Chair Lena Holt:\n\n"
      "\"We will not pay twice for the same berth.\"\n\n"
      "On 3 May, Governor Hana Lindqvist signed a directive on berth fees, stating:\n\n"
      "\"Berths will be allocated by tonnage from July.\"\n\n"
      "Minister Ada Moreau was told by the harbour master, Pim Alders: \"Fees are not your "
      "business.\"\n\n"
      "A former chief of the port board, Tomas Brenner, told reporters that the levy was "
      "unlawful.\n\n"
      "Northland's Brenner summed it up: \"It is a tax on work.\"\n\n"
      "The Harbour Gazette's take: \"A levy nobody asked for.\"\n";
  const char *want[] = {
      "The new rules are overdue", "Anton Reyes", "said-before",
      "Small boats have waited", "Anton Reyes", "quote",
      "We will not pay twice", "Lena Holt", "quote",
      "allocated by tonnage", "Hana Lindqvist", "quote",
      "Fees are not your business", "Pim Alders", "said-before",
      "the levy was unlawful", "Tomas Brenner", "indirect",
      "It is a tax on work", "Tomas Brenner", "short-name",
      "A levy nobody asked for", "author", "author",
      NULL};
  check(t, want);
}

/* 5. Headlines: "Name: claim" names who claims it; the name may be given
 * in full only later, and an outlet or topic label is nobody. */
static void headlines(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Okafor: East quay will reopen in May\n\n"
           "Mayor Ruth Okafor said on Monday that repairs were ahead of schedule.\n\n"
           "Ports: Tonnage rules come into force\n\n"
           "The rules apply to every berth.\n",
           NULL);
  const char *want[] = {"author", "Ruth Okafor", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "East quay will reopen", "Ruth Okafor", "headline");
  EXPECT(&r, "repairs were ahead", "Ruth Okafor", "indirect");
  EXPECT(&r, "Tonnage rules", "author", "author");
  arun_free(&r);
}

/* 10. One person whatever the spelling: diacritics and particles. */
static void one_person_per_name(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Von der Leyen: Ports must stay open\n\n"
           "Ursula von der Leyen said the harbour levy would hurt trade.\n\n"
           "José Núñez, a pilot in Northport, said the fees were fair. "
           "\"We can live with it,\" Jose Nunez added.\n\n"
           "\"It is overdue,\" von der Leyen said.\n",
           NULL);
  const char *want[] = {"author", "Ursula von der Leyen", "José Núñez", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Ports must stay open", "Ursula von der Leyen", "headline");
  EXPECT(&r, "We can live with it", "José Núñez", "continuation");
  EXPECT(&r, "It is overdue", "Ursula von der Leyen", "short-name");
  arun_free(&r);
}

/* 8. Pronouns agree in gender with the given name. */
static void pronoun_gender_from_names(void **state) {
  (void)state;
  const char *t =
      "Mayor Ruth Okafor opened the meeting. Tomas Brenner, a historian, spoke after "
      "her about the old quay. She said the quay would reopen in May.\n";
  const char *want[] = {"quay would reopen", "Ruth Okafor", "pronoun", NULL};
  check(t, want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reporting_verbs),
      cmocka_unit_test(colon_introducers),
      cmocka_unit_test(headlines),
      cmocka_unit_test(one_person_per_name),
      cmocka_unit_test(pronoun_gender_from_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
