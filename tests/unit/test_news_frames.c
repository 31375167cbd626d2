/* test_news_frames.c - more speech frames of ordinary news style (issue
 * 15): inverted "Said X:" introducers, offices premodified by their
 * organisation, fronted subordinate clauses, ages set off by commas,
 * lists after a colon, "Those were the words of X", headlines led by a
 * bare office, organisations' declared positions and outlets' interview
 * labels.  Every sentence is invented. */
#include "testutil.h"

#include "attrib_run.h"
#include "lexstance.h"

/* Runs text and checks (needle, speaker, cue) triples; NULL ends them. */
static void check(const char *text, const char *const *triples) {
  arun r;
  arun_str(&r, text, NULL);
  for (size_t i = 0; triples[i]; i += 3) EXPECT(&r, triples[i], triples[i + 1], triples[i + 2]);
  arun_free(&r);
}

/* "Said Anton Reyes, president of the Guild:" is an inverted frame, not
 * a round-up header naming "Said Anton Reyes"; after an inverted verb an
 * organisation before an office premodifies it ("said WTO chief Anna
 * Lind", "Said Guild for Harbour Pilots (GHP) President Anton Reyes:"). */
static void inverted_said_and_offices(void **state) {
  (void)state;
  const char *t = "The guild met on Monday.\n\n"
                  "Said Anton Reyes, president of the Guild:\n\n"
                  "\"The rules are fair.\"\n\n"
                  "\"It will pass,\" said WTO chief Anna Lind.\n\n"
                  "Said Guild for Harbour Pilots (GHP) President Tomas Brenner:\n\n"
                  "\"The berth rules are overdue.\"\n\n"
                  "Dock work resumed on Tuesday.\n";
  const char *want[] = {"Said Anton Reyes",
                        "Anton Reyes",
                        "indirect",
                        "The rules are fair",
                        "Anton Reyes",
                        "quote",
                        "It will pass",
                        "Anna Lind",
                        "said-after",
                        "Said Guild",
                        "Tomas Brenner",
                        "indirect",
                        "berth rules are overdue",
                        "Tomas Brenner",
                        "quote",
                        "Dock work resumed",
                        "author",
                        "author",
                        NULL};
  check(t, want);
  arun r;
  arun_str(&r, t, NULL);
  const char *names[] = {"author", "Anton Reyes", "Anna Lind", "Tomas Brenner", NULL};
  expect_speakers(&r, names);
  arun_free(&r);
}

/* A speaker found in a fronted subordinate clause gives way to the main
 * clause's; a passive agent after a possessive description ("by her
 * counterpart, Pim Alders") is the name, not the pronoun. */
static void fronted_clauses_and_agents(void **state) {
  (void)state;
  const char *t =
      "Dorian Vale said the fees were fair. And after she criticised the fees, the "
      "Northland minister was told by her counterpart, Pim Alders: \"You are wrong.\"\n\n"
      "When Ines Varga spoke of the levy, Tom Birch said it was unfair.\n";
  const char *want[] = {"fees were fair", "Dorian Vale", "indirect",      "You are wrong",
                        "Pim Alders",     "said-before", "it was unfair", "Tom Birch",
                        "indirect",       NULL};
  check(t, want);
}

/* "Birch, 61, said": an age set off by commas stands between a subject
 * and its verb, also for a surname never named in full. */
static void ages_before_the_verb(void **state) {
  (void)state;
  const char *t = "The port is busy.\n\n"
                  "\"It is a bad plan,\" Birch, 61, said.\n\n"
                  "Okafor, 52, argued that the levy was fair.\n\n"
                  "The quay, 200, was built in 1901.\n";
  const char *want[] = {"a bad plan", "Birch",     "short-name", "levy was fair", "Okafor",
                        "short-name", "was built", "author",     "author",        NULL};
  check(t, want);
}

/* A list after "X said ...:" is X's, item by item; the paragraph after
 * the list is the reporter's again, and a list after a colon that no
 * frame opens is nobody's. */
static void lists_after_a_frame(void **state) {
  (void)state;
  const char *t = "Ruth Okafor said the board would act on three points:\n\n"
                  "- Fees will be capped at 5 percent.\n"
                  "- Small boats will be exempt.\n"
                  "- The levy ends in 2028.\n\n"
                  "The board meets on Monday. The agenda has two items:\n\n"
                  "1. The budget for the quay.\n"
                  "2. The new lights.\n";
  const char *want[] = {"capped at 5", "Ruth Okafor", "run-on",    "Small boats",
                        "Ruth Okafor", "run-on",      "levy ends", "Ruth Okafor",
                        "run-on",      "board meets", "author",    "author",
                        "The budget",  "author",      "author",    "The new lights",
                        "author",      "author",      NULL};
  check(t, want);
}

/* "Those were the words of Anna Varga": the quotation before it, in the
 * paragraph before, is hers. */
static void words_of_before(void **state) {
  (void)state;
  const char *t = "\"We cannot afford this levy. It will sink us.\"\n\n"
                  "Those were the words of Anna Varga, who chairs the port board.\n\n"
                  "The board meets on Monday.\n";
  const char *want[] = {"cannot afford",
                        "Anna Varga",
                        "said-after",
                        "It will sink us",
                        "Anna Varga",
                        "said-after",
                        "Those were the words",
                        "Anna Varga",
                        "indirect",
                        "board meets",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* A headline led by a bare office ("Minister slams tariff plan") is the
 * person the article names with that office, not whoever comes first. */
static void headline_office(void **state) {
  (void)state;
  const char *t = "Minister slams tariff plan\n\n"
                  "The government unveiled a tariff plan on Monday. Opposition leader Tom Birch "
                  "was not consulted.\n\n"
                  "Trade Minister Ines Varga said the plan would hurt exporters.\n";
  const char *want[] = {"Minister slams", "Ines Varga", "description", "was not consulted",
                        "author",         "author",     NULL};
  check(t, want);
  const char *t2 = "Minister slams tariff plan\n\n"
                   "The government unveiled a tariff plan on Monday. Tom Birch said it would "
                   "hurt exporters.\n";
  const char *want2[] = {"Minister slams", "author", "author", NULL};
  check(t2, want2);
}

/* A description set off before a name ("The trade minister, Ines Varga,
 * ...", "Its chief, Anton Reyes, ...") describes the person, so a
 * headline's office or "Role: claim" label finds them. */
static void description_before_name(void **state) {
  (void)state;
  const char *t = "Minister slams tariff plan\n\n"
                  "The plan was unveiled on Monday. The trade minister, Ines Varga, spoke "
                  "first.\n";
  const char *want[] = {"Minister slams", "Ines Varga", "description", "spoke first",
                        "author",         "author",     NULL};
  check(t, want);
  const char *t2 = "Pilots' guild chief: New berth rules are overdue\n\n"
                   "The Pilots' Guild met on Monday. Its chief, Anton Reyes, spoke first.\n\n"
                   "\"We waited too long,\" Reyes said.\n";
  const char *want2[] = {"New berth rules", "Anton Reyes", "headline", "Guild met",
                         "author",          "author",      NULL};
  check(t2, want2);
}

/* An organisation's stance in the present is its declared position; in
 * the past ("backed") it is an act, and a country's is never a
 * speaker's. */
static void organisations_declare(void **state) {
  (void)state;
  const char *t = "The Guild of Steelmakers strongly opposes the levy.\n\n"
                  "The Northport Chamber of Commerce supports the plan.\n\n"
                  "The Pilots Guild backed the levy.\n\n"
                  "Brazil strongly opposes the levy.\n";
  const char *want[] = {"strongly opposes the levy",
                        "Guild of Steelmakers",
                        "indirect",
                        "supports the plan",
                        "Northport Chamber of Commerce",
                        "indirect",
                        "backed the levy",
                        "author",
                        "author",
                        "Brazil strongly",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* An outlet's interview label ("Courier: ...") asks; the questions are
 * the author's, the answers the interviewee's. */
static void outlet_interview_labels(void **state) {
  (void)state;
  const char *t = "Courier: Why did you oppose the levy?\n\n"
                  "Varga: Because it hurts small ports.\n\n"
                  "Courier: What comes next?\n\n"
                  "Varga: We will fight it in court.\n";
  const char *want[] = {
      "Why did you", "author",          "transcript", "hurts small ports", "Varga",
      "transcript",  "What comes next", "author",     "transcript",        "fight it in court",
      "Varga",       "transcript",      NULL};
  check(t, want);
}

/* A title-case headline whose speech verb ends it ("Tariffs Hurt
 * Farmers, Minister Says") is no round-up header "Name, description":
 * the text after it is not the headline's. */
static void headline_ending_in_says(void **state) {
  (void)state;
  const char *t = "Tariffs Will Hurt Small Farms, Economist Warns\n\n"
                  "By Jane Miller\n\n"
                  "New tariffs will hurt small farms, the Farm Institute said on Tuesday.\n\n"
                  "\"Farmers cannot absorb these costs,\" said Paul Dorsey, chief economist at "
                  "the Farm Institute.\n\n"
                  "The White House did not respond.\n";
  const char *want[] = {"Farmers cannot absorb",
                        "Paul Dorsey",
                        "said-after",
                        "White House did not",
                        "author",
                        "author",
                        NULL};
  check(t, want);
  arun r;
  arun_str(&r, t, NULL);
  const char *names[] = {"author", "Farm Institute", "Paul Dorsey", NULL};
  expect_speakers(&r, names);
  arun_free(&r);
}

/* A teaser line ("(RELATED: ...)", "READ MORE: ...") is the author's
 * and leaves a quotation running across paragraphs open. */
static void teaser_lines(void **state) {
  (void)state;
  const char *t = "Senator Pim Alders said on Monday that the levy was unfair.\n\n"
                  "\"The levy is a tax on breathing,\" Alders said. \"It must go.\n\n"
                  "(RELATED: Mayor Hits Out At Port Board Over Fees)\n\n"
                  "\"We will fight it in every court.\"\n\n"
                  "READ MORE: Ferry Operators Say Levy Is Unfair\n\n"
                  "The vote is due in May.\n";
  const char *want[] = {"It must go",   "Pim Alders", "continuation", "RELATED",
                        "author",       "author",     "every court",  "Pim Alders",
                        "continuation", "READ MORE",  "author",       "author",
                        "vote is due",  "author",     "author",       NULL};
  check(t, want);
}

/* "The 58-year-old (diplomat) said": an age describes the person spoken
 * of last, even when what is known of them shares no word with it. */
static void age_as_description(void **state) {
  (void)state;
  const char *t = "The bloc will retaliate, EU trade chief Maros Kral said on Thursday.\n\n"
                  "The 58-year-old diplomat said the bloc had a list of goods ready.\n\n"
                  "Ines Varga, a port official, said the quay would close. The 61-year-old "
                  "said it was a pity.\n";
  const char *want[] = {"list of goods", "Maros Kral",  "description", "was a pity",
                        "Ines Varga",    "description", NULL};
  check(t, want);
}

/* The speaker named in the next sentence: "So argues X", "Or so says
 * X", "At least, that is what X believes", "That, at least, is the view
 * of economist X" hold the sentence before. */
static void speaker_in_next_sentence(void **state) {
  (void)state;
  const char *t = "The port met on Monday.\n\n"
                  "Trade wars are easy to win. At least, that is what President Rex Donner "
                  "believes.\n\n"
                  "Global trade is at a crossroads. So argues Kofi Boateng, a fellow at the Bay "
                  "Institute.\n\n"
                  "Tariffs protect nobody. Or so says Lena Park, the trade envoy.\n\n"
                  "Free trade lifted millions out of poverty. That, at least, is the view of "
                  "economist Omar Haddad.\n\n"
                  "So the port closed early.\n";
  const char *want[] = {"easy to win",       "Rex Donner",     "said-after",     "at a crossroads",
                        "Kofi Boateng",      "said-after",     "protect nobody", "Lena Park",
                        "said-after",        "out of poverty", "Omar Haddad",    "said-after",
                        "port closed early", "author",         "author",         NULL};
  check(t, want);
}

/* A fronted adverbial of speech ("Speaking to reporters", "Writing in
 * ...", "In an interview with ...") makes the main clause's subject the
 * speaker, whatever its verb; "Speaking of ..." and "In a sign of ..."
 * make no one speak. */
static void fronted_speech_adverbials(void **state) {
  (void)state;
  const char *t = "The port met on Monday.\n\n"
                  "Speaking to reporters on Monday, Ines Varga called the levy unfair.\n\n"
                  "Writing in the Courier, Tom Birch called the quay a relic.\n\n"
                  "In an interview with the Courier, Pim Alders called the fees unfair.\n\n"
                  "Speaking of fees, Ada Moreau runs the east quay.\n\n"
                  "In a sign of trouble, Lena Park left the board.\n";
  const char *want[] = {"Speaking to reporters",
                        "Ines Varga",
                        "indirect",
                        "Writing in the Courier",
                        "Tom Birch",
                        "indirect",
                        "In an interview",
                        "Pim Alders",
                        "indirect",
                        "Speaking of fees",
                        "author",
                        "author",
                        "In a sign of trouble",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* A weak verb set off after what it reports: inverted after the comma
 * ("..., warned Ines Varga, the guild chair."), or before a place or time
 * phrase ("..., Tom Birch warned in a letter to members."), also in a
 * headline; a title-case headline's capitalised verb names no one. */
static void post_posed_weak_verbs(void **state) {
  (void)state;
  const char *t = "Levy will ruin small ports, warns Varga\n\n"
                  "The port met on Monday.\n\n"
                  "The levy will ruin small ports, warned Ines Varga, the guild chair.\n\n"
                  "The quay must close, the harbour master Tom Birch warned in a letter to "
                  "members.\n\n"
                  "Port Fees Rise Again, Urges Restraint Of Owners\n\n"
                  "After the vote, Pim Alders announced a new fee.\n";
  const char *want[] = {"warns Varga",
                        "Ines Varga",
                        "short-name",
                        "warned Ines Varga",
                        "Ines Varga",
                        "indirect",
                        "The quay must close",
                        "Tom Birch",
                        "indirect",
                        "Urges Restraint",
                        "author",
                        "author",
                        "After the vote",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* More speech frames: "pointed to", "warned on Monday of", "called it a
 * tax" (not "called it off", nor a quoted "I call it"), "Critics,
 * including X, said" (the one named), a participle after an opening
 * appositive ("X's predecessor, Rui Costa, took a softer line, telling
 * ..."), and a view phrase set off at the end ("..., in his view.",
 * "..., by Birch's account."). */
static void pointers_calls_and_tail_views(void **state) {
  (void)state;
  const char *t = "The port met on Monday.\n\n"
                  "Tom Birch runs the guild. He points to the new quays as proof. Small boats "
                  "will gain within five years, in his view. The levy is fair, by Birch's "
                  "account.\n\n"
                  "Harbour official Lena Park warned on Monday of a long strike.\n\n"
                  "Ada Moreau chairs the board. She calls it a tax on breathing. Then she "
                  "called it off.\n\n"
                  "Critics, including lawmaker Pim Alders, said the fee was unfair.\n\n"
                  "\"You may call it a levy, I call it a tax,\" said Omar Haddad.\n\n"
                  "Park's predecessor, Rui Costa, took a softer line, telling reporters the fee "
                  "was fair.\n";
  const char *want[] = {"points to the new quays",
                        "Tom Birch",
                        "pronoun",
                        "in his view",
                        "Tom Birch",
                        "pronoun",
                        "by Birch's account",
                        "Tom Birch",
                        "short-name",
                        "warned on Monday",
                        "Lena Park",
                        "indirect",
                        "calls it a tax",
                        "Ada Moreau",
                        "pronoun",
                        "called it off",
                        "author",
                        "author",
                        "Critics, including",
                        "Pim Alders",
                        "indirect",
                        "I call it a tax",
                        "Omar Haddad",
                        "said-after",
                        "took a softer line",
                        "Rui Costa",
                        "indirect",
                        NULL};
  check(t, want);
  arun r;
  arun_str(&r, t, NULL);
  const char *names[] = {"author",     "Tom Birch",   "Lena Park", "Ada Moreau",
                         "Pim Alders", "Omar Haddad", "Rui Costa", NULL};
  expect_speakers(&r, names);
  arun_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(inverted_said_and_offices),
      cmocka_unit_test(fronted_clauses_and_agents),
      cmocka_unit_test(ages_before_the_verb),
      cmocka_unit_test(lists_after_a_frame),
      cmocka_unit_test(words_of_before),
      cmocka_unit_test(headline_office),
      cmocka_unit_test(organisations_declare),
      cmocka_unit_test(description_before_name),
      cmocka_unit_test(outlet_interview_labels),
      cmocka_unit_test(headline_ending_in_says),
      cmocka_unit_test(teaser_lines),
      cmocka_unit_test(age_as_description),
      cmocka_unit_test(speaker_in_next_sentence),
      cmocka_unit_test(fronted_speech_adverbials),
      cmocka_unit_test(post_posed_weak_verbs),
      cmocka_unit_test(pointers_calls_and_tail_views),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
