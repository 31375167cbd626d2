/* test_speech.c - attribution in real news (issue 15): one test per
 * failure category of the error analysis, each from invented sentences in
 * the style of wire copy, press releases and transcripts. */
#include "testutil.h"

#include "attrib_run.h"
#include "lexstance.h"
#include "scorer.h"

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
  const char *want[] = {"a tax on breathing",
                        "Ines Varga",
                        "said-before",
                        "called on shipowners",
                        "Odile Marsh",
                        "indirect",
                        "slower phase-in",
                        "Odile Marsh",
                        "pronoun",
                        "reject the berth lottery",
                        "Ines Varga",
                        "short-name",
                        "scrapping the port board",
                        "Pim Alders",
                        "indirect",
                        "east quay will reopen",
                        "Ruth Okafor",
                        "indirect",
                        "a formal warning",
                        "Ruth Okafor",
                        "indirect",
                        "conveyed that message",
                        "Ada Moreau",
                        "indirect",
                        "a closed shop",
                        "Tom Birch",
                        "indirect",
                        "calling it",
                        "Hana Lindqvist",
                        "indirect",
                        "is urging the ports",
                        "Pim Alders",
                        "indirect",
                        "condemned the new tariff",
                        "Tom Birch",
                        "indirect",
                        "called the meeting to order",
                        "author",
                        "author",
                        "was called off",
                        "author",
                        "author",
                        "was told the fees",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* 1b. Weak verbs before an object or a time phrase and their clause,
 * opinion adjectives, stance verbs and more speech nouns; a country or
 * an organisation "opposing" something is no speaker. */
static void complements_and_stances(void **state) {
  (void)state;
  const char *t = "Economist Sara Lind warned shipowners that the fees would rise again.\n\n"
                  "Mayor Ruth Okafor hinted on Monday that the quay would reopen.\n\n"
                  "Okafor acknowledged the timetable was tight.\n\n"
                  "Lind questioned whether the levy was legal.\n\n"
                  "Okafor is convinced the levy is fair.\n\n"
                  "Lind was adamant that the board had erred.\n\n"
                  "Okafor voiced support for the pilots.\n\n"
                  "Lind has long opposed the levy.\n\n"
                  "Norland and Ostria strongly oppose the levy.\n\n"
                  "The Pilots Guild backed the levy.\n\n"
                  "Lind announced a plan that the board rejected.\n\n"
                  "The ferry was warned that the quay would close.\n";
  const char *want[] = {"warned shipowners that",
                        "Sara Lind",
                        "indirect",
                        "hinted on Monday",
                        "Ruth Okafor",
                        "indirect",
                        "timetable was tight",
                        "Ruth Okafor",
                        "short-name",
                        "questioned whether",
                        "Sara Lind",
                        "short-name",
                        "is convinced",
                        "Ruth Okafor",
                        "short-name",
                        "was adamant",
                        "Sara Lind",
                        "short-name",
                        "voiced support",
                        "Ruth Okafor",
                        "short-name",
                        "long opposed",
                        "Sara Lind",
                        "short-name",
                        "strongly oppose",
                        "author",
                        "author",
                        "Guild backed",
                        "author",
                        "author",
                        "announced a plan",
                        "author",
                        "author",
                        "was warned that",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* A surname alone, never named in full, speaks (not a group holding a
 * view); plural group names, places and "everyone" do not.  A name after
 * its description opens the sentence as its subject ("The historian Karl
 * Weiss ... He said"), and a description keeps its verb over an aside
 * ("The minister, speaking at the harbour, said"). */
static void lone_surnames_and_described_subjects(void **state) {
  (void)state;
  const char *t = "The levy passed on Monday.\n\n"
                  "Okafor said the levy was fair.\n\n"
                  "\"It is unfair,\" said Lund.\n\n"
                  "Varga was blunt: \"The levy stays.\"\n\n"
                  "The toll rose in May, but in an interview with the Courier Falk said it "
                  "would fall.\n\n"
                  "Democrats said the levy was unfair.\n\n"
                  "Everyone said the levy was unfair.\n\n"
                  "Brussels said the levy was unfair.\n\n"
                  "Tomas Brenner, a ferry captain, disagreed with the plan.\n\n"
                  "The historian Karl Weiss first mapped the old quay. "
                  "He said the levy would end a tradition.\n\n"
                  "The transport minister, Ada Moreau, defended the vote.\n\n"
                  "The minister, speaking at the harbour, said the fares were fair.\n";
  const char *want[] = {"Okafor said",
                        "Okafor",
                        "short-name",
                        "said Lund",
                        "Lund",
                        "short-name",
                        "Varga was blunt",
                        "Varga",
                        "short-name",
                        "Falk said",
                        "Falk",
                        "short-name",
                        "Democrats said",
                        "author",
                        "author",
                        "Everyone said",
                        "author",
                        "author",
                        "Brussels said",
                        "author",
                        "author",
                        "end a tradition",
                        "Karl Weiss",
                        "pronoun",
                        "speaking at the harbour",
                        "Ada Moreau",
                        "description",
                        NULL};
  check(t, want);
}

/* "The statement quoted X as saying" (active: the one quoted speaks, not
 * the statement; the passive "X was quoted by the Courier as saying" is
 * X's too); "outlined" presents a case. */
static void quoted_as_saying_and_plans(void **state) {
  (void)state;
  const char *t = "The levy passed.\n\n"
                  "The ministry statement quoted Minister Ada Moreau as saying the levy was "
                  "fair.\n\n"
                  "The Courier quoted her as saying the levy would stay.\n\n"
                  "Tomas Brenner was quoted by the Courier as saying the levy was unfair.\n\n"
                  "Moreau outlined the case for a levy.\n";
  const char *want[] = {"ministry statement quoted",
                        "Ada Moreau",
                        "indirect",
                        "quoted her",
                        "Ada Moreau",
                        "pronoun",
                        "quoted by the Courier",
                        "Tomas Brenner",
                        "indirect",
                        "outlined the case",
                        "Ada Moreau",
                        "short-name",
                        NULL};
  check(t, want);
}

/* A possessive speech noun before a colon and a quotation names the
 * speaker: not the one quoted before ("Brenner's reply was short:"). */
static void speech_noun_before_colon(void **state) {
  (void)state;
  const char *t = "Levy row\n\n"
                  "\"We will see,\" said Mayor Ruth Okafor.\n\n"
                  "Tomas Brenner, a ferry captain, was at the meeting.\n\n"
                  "Okafor told the council: \"The dredging alone costs millions.\"\n\n"
                  "Brenner's reply was short: \"Then cut your salary.\"\n\n"
                  "Her answer was blunt: \"The levy stays.\"\n";
  const char *want[] = {"Brenner's reply", "Tomas Brenner", "short-name", "Her answer",
                        "Ruth Okafor",     "pronoun",       NULL};
  check(t, want);
}

/* A paragraph ending in a colon with no speech verb introduces the next
 * paragraph's quotation by its subject, also a surname after a place
 * ("Northland's Brenner summed it up:"), not by the last one quoted. */
static void colon_paragraph_subject(void **state) {
  (void)state;
  const char *t = "Levy row\n\n"
                  "Minister Ada Moreau was told by the harbour master, Pim Alders: \"Fees are not "
                  "your business.\"\n\n"
                  "Northland's Brenner summed it up:\n\n"
                  "\"This is the end of the open harbour.\"\n";
  const char *want[] = {"end of the open harbour", "Brenner", "quote", NULL};
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
  const char *want[] = {"The new rules are overdue",
                        "Anton Reyes",
                        "said-before",
                        "Small boats have waited",
                        "Anton Reyes",
                        "quote",
                        "We will not pay twice",
                        "Lena Holt",
                        "quote",
                        "allocated by tonnage",
                        "Hana Lindqvist",
                        "quote",
                        "Fees are not your business",
                        "Pim Alders",
                        "said-before",
                        "the levy was unlawful",
                        "Tomas Brenner",
                        "indirect",
                        "It is a tax on work",
                        "Tomas Brenner",
                        "short-name",
                        "A levy nobody asked for",
                        "Harbour Gazette",
                        "said-before",
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
  const char *t = "Mayor Ruth Okafor opened the meeting. Tomas Brenner, a historian, spoke after "
                  "her about the old quay. She said the quay would reopen in May.\n";
  const char *want[] = {"quay would reopen", "Ruth Okafor", "pronoun", NULL};
  check(t, want);
}

/* 4. A quotation opened after a colon and never closed runs on. */
static void run_on_quotes(void **state) {
  (void)state;
  const char *t =
      "Governor Hana Lindqvist signed a directive on berth fees, stating:\n\n"
      "\"Berths will be allocated by tonnage from July. Smaller vessels will use the east "
      "quay.\n\n"
      "Pilots must book 48 hours ahead of arrival. Late bookings incur a surcharge of ten "
      "percent.\n\n"
      "Ferries were exempted.\n\n"
      "The directive was welcomed by the pilots on the east quay and the ferry operators.\n";
  const char *want[] = {"allocated by tonnage",
                        "Hana Lindqvist",
                        "quote",
                        "Smaller vessels",
                        "Hana Lindqvist",
                        "quote",
                        "Pilots must book",
                        "Hana Lindqvist",
                        "run-on",
                        "Late bookings",
                        "Hana Lindqvist",
                        "run-on",
                        "Ferries were exempted",
                        "author",
                        "author",
                        "The directive was welcomed",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* 5b. More headline frames: the speaker after the claim, a role label
 * resolved to the person holding the role, a title-case headline that is
 * no byline, a clause in title case before a colon that is no label, and
 * a role label opening a news text that is no remarks transcript. */
static void headline_frames(void **state) {
  (void)state;
  const char *body = "\n\nThe levy passed on Monday.\n\n"
                     "Mayor Ruth Okafor said the quay would reopen in May. Anton Reyes, chief "
                     "of the Pilots Guild, said the rules were overdue.\n";
  static const char *const heads[][3] = {
      {"East quay will reopen: Okafor", "Ruth Okafor", "headline"},
      {"Berth reform a win for small ports: Pilots Guild statement", "Pilots Guild", "headline"},
      {"Pilots' guild chief: New berth rules are overdue", "Anton Reyes", "headline"},
      {"Mayor: East quay will reopen", "Ruth Okafor", "headline"},
      {"Okafor Slams Port Board Over Fees", "Ruth Okafor", "short-name"},
      {"Berth Reform Is A Win For Small Ports: Guild Rules", "author", "author"},
  };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
    char t[512];
    snprintf(t, sizeof t, "%s%s", heads[i][0], body);
    arun r;
    arun_str(&r, t, NULL);
    EXPECT(&r, heads[i][0], heads[i][1], heads[i][2]);
    EXPECT(&r, "quay would reopen", "Ruth Okafor", "indirect");
    arun_free(&r);
  }
}

/* 6. Reported speech goes on without a cue; a quote ending in a comma
 * takes the speaker the next paragraph names. */
static void speech_goes_on(void **state) {
  (void)state;
  const char *t =
      "Ines Varga, who runs the port office, said the new timetable was the fairest "
      "option. It gives small operators a fixed slot every week. The timetable was "
      "published on 3 May.\n\n"
      "\u201cThe levy is a major blow to the harbour. I deeply regret it,\u201d\n\n"
      "Mayor Ruth Okafor said on Tuesday.\n\n"
      "\"We must prepare for the \"harbour minus ferries\" plan. It needs imagination,\" "
      "Pim Alders said.\n";
  const char *want[] = {"the fairest option",
                        "Ines Varga",
                        "indirect",
                        "It gives small operators",
                        "Ines Varga",
                        "continuation",
                        "published on 3 May",
                        "author",
                        "author",
                        "a major blow",
                        "Ruth Okafor",
                        "quote",
                        "I deeply regret it",
                        "Ruth Okafor",
                        "quote",
                        "said on Tuesday",
                        "Ruth Okafor",
                        "indirect",
                        "We must prepare",
                        "Pim Alders",
                        "quote",
                        "It needs imagination",
                        "Pim Alders",
                        "said-after",
                        NULL};
  check(t, want);
}

/* 7. Post-modifiers and straight single quotes. */
static void postmodifiers_and_single_quotes(void **state) {
  (void)state;
  const char *t = "Hana Lindqvist from Northport University said the fees were fair.\n\n"
                  "Tomas Brenner of the Harbour Pilots Guild said they were not.\n\n"
                  "Mayor Ruth Okafor visited the port on Monday.\n\n"
                  "'The quay is too small. We said so in March,' she said.\n\n"
                  "The pilots call it the 'quay'.\n";
  const char *want[] = {"the fees were fair",
                        "Hana Lindqvist",
                        "indirect",
                        "they were not",
                        "Tomas Brenner",
                        "indirect",
                        "The quay is too small",
                        "Ruth Okafor",
                        "quote",
                        "We said so in March",
                        "Ruth Okafor",
                        "pronoun",
                        "The pilots call it",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* 2. Transcripts: labels with titles, in capitals, role-only, ending in
 * "." or ":"; one label opening a remarks text makes it that speaker's;
 * a role label maps to a name through a --speakers alias. */
static void transcripts(void **state) {
  (void)state;
  const char *remarks =
      "Remarks at the reopening of the east quay\n\n"
      "THE MAYOR. Good evening, and welcome to the quay. We open the east berth "
      "tonight.\n\n"
      "The port has waited ten years for this. I thank the pilots and the ferry crews.\n";
  const char *want1[] = {
      "welcome to the quay", "The Mayor",  "transcript",         "We open the east berth",
      "The Mayor",           "transcript", "I thank the pilots", "The Mayor",
      "continuation",        NULL};
  check(remarks, want1);
  /* the same text, with the role known as a name */
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  const char *tsv = "Ruth Okafor\tThe Mayor\n";
  char err[256];
  assert_int_equal(lxs_speaker_hints_load_buffer(h, "hints.tsv", tsv, strlen(tsv), err, sizeof err),
                   LXS_OK);
  arun r;
  arun_str(&r, remarks, h);
  EXPECT(&r, "welcome to the quay", "Ruth Okafor", "transcript");
  EXPECT(&r, "I thank the pilots", "Ruth Okafor", "continuation");
  arun_free(&r);
  lxs_speaker_hints_free(h);

  const char *debate = "Mayor Okafor: The levy stays until May.\n\n"
                       "Councillor Varga: It is a tax on breathing.\n\n"
                       "MAYOR OKAFOR: We will review it in May.\n\n"
                       "THE CHAIR. Thank you both. The next item is the ferry timetable.\n";
  const char *want2[] = {
      "The levy stays",  "Okafor",         "transcript",       "tax on breathing",
      "Varga",           "transcript",     "review it in May", "Okafor",
      "transcript",      "Thank you both", "The Chair",        "transcript",
      "ferry timetable", "The Chair",      "transcript",       NULL};
  check(debate, want2);

  const char *qa = "Q: Will the levy stay?\n\n"
                   "Mayor Ruth Okafor: It stays until May, and then we will see.\n";
  const char *want3[] = {"Will the levy stay", "author",     "qa", "It stays until May",
                         "Ruth Okafor",        "transcript", NULL};
  check(qa, want3);
}

/* 7. Bylines name the author and are never round-up headers. */
static void bylines(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "The harbour levy is a tax on breathing\n\n"
           "Ines Varga, Pim Alders\n\n"
           "The council wants every boat to pay twice for the same berth. Small operators "
           "cannot carry that cost, and the east quay will empty within a year.\n\n"
           "There is a better way: charge by tonnage and exempt the ferries.\n",
           NULL);
  const char *want[] = {"author", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Ines Varga, Pim Alders", "author", "author");
  assert_true(r.sf[sent_with(&r, "Ines Varga, Pim Alders")] & LXS_SENT_HEADER);
  EXPECT(&r, "pay twice for the same berth", "author", "author");
  assert_string_equal(desc_of(&r, "author"), "Ines Varga, Pim Alders");
  arun_free(&r);

  arun_str(&r,
           "Ports brace for the new levy\n\nBy Li Wen, harbour correspondent\n\n"
           "Mayor Ruth Okafor said the levy would stay until May.\n",
           NULL);
  const char *want2[] = {"author", "Ruth Okafor", NULL};
  expect_speakers(&r, want2);
  assert_string_equal(desc_of(&r, "author"), "Li Wen");
  EXPECT(&r, "would stay until May", "Ruth Okafor", "indirect");
  arun_free(&r);
}

/* 7. The speaker named in the next sentence; 8. object mentions as
 * antecedents (below the subjects). */
static void speaker_named_next_and_objects(void **state) {
  (void)state;
  const char *t =
      "\"A new dawn for the harbour.\" That is how Mayor Ruth Okafor described the vote.\n\n"
      "The plan drew criticism in a letter from the fishermen's adviser Tomas Brenner. He "
      "said the plan ignored small boats.\n\n"
      "\"It cannot wait.\" That is what Okafor said about the levy.\n";
  const char *want[] = {"A new dawn for the harbour",
                        "Ruth Okafor",
                        "quote",
                        "He said the plan ignored",
                        "Tomas Brenner",
                        "pronoun",
                        "It cannot wait",
                        "Ruth Okafor",
                        "quote",
                        NULL};
  check(t, want);
}

/* A text attributed sentence by sentence and clause by clause (up to
 * eight sentences): what the clause tests below look at. */
typedef struct {
  lxs_tokenizer *tk;
  lxs_speakers sp;
  uint32_t ss[8], sf[8];
  uint8_t cue[8];
  lxs_clauses cl;
} attributed;

static void attribute(attributed *a, const char *t) {
  memset(a, 0, sizeof *a);
  a->tk = lxs_tokenizer_new();
  lxs_tokenize(a->tk, t, strlen(t));
  assert_true(a->tk->nsent <= 8);
  lxs_speakers_init(&a->sp);
  lxs_attribute_clauses(a->tk, t, &a->sp, NULL, a->ss, a->sf, a->cue, &a->cl, NULL);
}

static void attributed_free(attributed *a) {
  lxs_clauses_free(&a->cl);
  lxs_speakers_free(&a->sp);
  lxs_tokenizer_free(a->tk);
}

/* Clause n of the clauses: its speaker and first words. */
static void expect_clause(const char *t, const lxs_speakers *sp, const lxs_clauses *cl, size_t n,
                          uint32_t sentence, const char *speaker, const char *from,
                          const char *upto) {
  assert_true(n < cl->n);
  const lxs_clause *x = &cl->items[n];
  assert_int_equal(x->sentence, sentence);
  assert_string_equal(sp->names[x->speaker], speaker);
  assert_int_equal(x->start, (size_t)(strstr(t, from) - t));
  assert_int_equal(x->end, (size_t)(strstr(t, upto) - t) + strlen(upto));
}

/* 7. Several speakers in one sentence: each later one holds the span
 * from its clause's start (a conjunction after a comma, a semicolon, or a
 * comma before a subject whose verb reports) to the next one. */
static void several_speakers_one_sentence(void **state) {
  (void)state;
  const char *t =
      "John Smith said tariffs work, while Mary Jones, an economist at the Institute, said they "
      "backfire.\n\n"
      "Tariffs protect jobs, Smith argued, but Jones disagreed, calling them a tax.\n\n"
      "Smith said the fees fund dredging, Jones said they are too high, and Mayor Ruth Okafor "
      "warned that the board must decide, but Smith insisted the money is needed.\n\n"
      "Smith said tariffs work; Jones said they fail.\n\n"
      "Smith said tariffs work, Jones noted.\n\n"
      "Jones said nothing after the vote.\n";
  attributed a;
  attribute(&a, t);
  assert_int_equal(a.tk->nsent, 6);
  assert_string_equal(a.sp.names[a.ss[0]], "John Smith");
  expect_clause(t, &a.sp, &a.cl, 0, 0, "Mary Jones", "while Mary", "backfire.");
  assert_string_equal(a.sp.descs[a.cl.items[0].speaker], "an economist at the Institute");
  /* a post-posed frame holds the first clause; the participle the second's */
  assert_string_equal(a.sp.names[a.ss[1]], "John Smith");
  expect_clause(t, &a.sp, &a.cl, 1, 1, "Mary Jones", "but Jones", "a tax.");
  /* four spans: the sentence's speaker may hold a later one again */
  assert_string_equal(a.sp.names[a.ss[2]], "John Smith");
  expect_clause(t, &a.sp, &a.cl, 2, 2, "Mary Jones", "Jones said they are", "too high,");
  expect_clause(t, &a.sp, &a.cl, 3, 2, "Ruth Okafor", "and Mayor", "must decide,");
  expect_clause(t, &a.sp, &a.cl, 4, 2, "John Smith", "but Smith insisted", "is needed.");
  assert_string_equal(lxs_cue_name(a.cl.items[4].cue), "short-name");
  expect_clause(t, &a.sp, &a.cl, 5, 3, "Mary Jones", "Jones said they fail", "fail.");
  /* "..., Jones noted." reports nothing of its own; "said nothing" no view */
  assert_int_equal(a.cl.n, 6);
  assert_string_equal(a.sp.names[a.ss[4]], "John Smith");
  assert_string_equal(a.sp.names[a.ss[5]], "author");
  attributed_free(&a);
}

/* A later speaker's clause opens at the boundary nearest to them, not
 * at the first one after the previous frame; past four clauses each
 * speaker still holds their own. */
static void clause_opens_nearest_its_speaker(void **state) {
  (void)state;
  const char *t =
      "Ines Varga and Pim Alders spoke at the quay.\n\n"
      "Varga said the levy is high, and the port is busy, but Alders disagreed, calling it a "
      "tax.\n\n"
      "Ann Lee, Bo Dahl, Cy Moss, Di Roe and Ed Fox met.\n\n"
      "Lee said fees rise; Dahl said fees fall; Moss said fees stay; Roe said fees go; Fox said "
      "fees end; Varga said fees vary.\n";
  attributed a;
  attribute(&a, t);
  assert_int_equal(a.tk->nsent, 4);
  assert_string_equal(a.sp.names[a.ss[1]], "Ines Varga");
  expect_clause(t, &a.sp, &a.cl, 0, 1, "Pim Alders", "but Alders", "a tax.");
  assert_string_equal(a.sp.names[a.ss[3]], "Ann Lee");
  expect_clause(t, &a.sp, &a.cl, 1, 3, "Bo Dahl", "Dahl said", "fees fall;");
  expect_clause(t, &a.sp, &a.cl, 2, 3, "Cy Moss", "Moss said", "fees stay;");
  expect_clause(t, &a.sp, &a.cl, 3, 3, "Di Roe", "Roe said", "fees go;");
  expect_clause(t, &a.sp, &a.cl, 4, 3, "Ed Fox", "Fox said", "fees end;");
  expect_clause(t, &a.sp, &a.cl, 5, 3, "Ines Varga", "Varga said fees", "vary.");
  assert_int_equal(a.cl.n, 6);
  attributed_free(&a);
}

/* The text need not end in NUL: a title-like last line is read up to the
 * text's length, never past it (make asan catches a read beyond). */
static void headline_at_unterminated_end(void **state) {
  (void)state;
  static const char s[] = "Varga said the levy is fair.\n\nPort Board Keeps Berth Levy";
  size_t n = sizeof s - 1;
  char *t = malloc(n); /* no room for a NUL */
  memcpy(t, s, n);
  lxs_tokenizer *tk = lxs_tokenizer_new();
  lxs_tokenize(tk, t, n);
  lxs_speakers sp;
  lxs_speakers_init(&sp);
  uint32_t ss[4], sf[4];
  uint8_t cue[4];
  lxs_attribute_clauses(tk, t, &sp, NULL, ss, sf, cue, NULL, NULL);
  assert_int_equal(tk->nsent, 2);
  assert_string_equal(sp.names[ss[1]], "author");
  lxs_speakers_free(&sp);
  lxs_tokenizer_free(tk);
  free(t);
}

/* Post-posed weak verbs, with a time phrase after them, and the agent
 * between "quoted" and "as saying". */
static void post_posed_and_quoted_by(void **state) {
  (void)state;
  const char *t = "The levy is unfair, Ines Varga warned on Monday.\n\n"
                  "Fees must fall, Pim Alders urged.\n\n"
                  "Ada Moreau was quoted by the Courier as saying the quay is too small.\n\n"
                  "The board met, Varga warned the pilots about the tide.\n";
  const char *const want[] = {"The levy", "Ines Varga", "indirect",   "Fees must", "Pim Alders",
                              "indirect", "Ada Moreau", "Ada Moreau", "indirect",  "The board met",
                              "author",   "author",     NULL};
  check(t, want);
}

/* A title-case sentence is a headline only where one stands: first in
 * the text or alone on its line without a full stop.  In the body its
 * names are people. */
static void headlines_only_where_they_stand(void **state) {
  (void)state;
  const char *t = "Port Board Keeps Berth Levy\n\n"
                  "The board met on Monday. Ines Varga and Pim Alders disagreed. Varga said the "
                  "levy is unfair.\n\n"
                  "Fees Rise For Small Boats\n\n"
                  "Alders said the fees are fair.\n";
  const char *const want[] = {"Port Board", "author",          "author",     "Varga said the",
                              "Ines Varga", "short-name",      "Fees Rise",  "author",
                              "author",     "Alders said the", "Pim Alders", "short-name",
                              NULL};
  check(t, want);
}

/* 7. Two speakers in one sentence: the second holds its clause. */
static void two_speakers_one_sentence(void **state) {
  (void)state;
  const char *t =
      "Mayor Ruth Okafor said the levy is temporary, while the ferry operators' lawyer, "
      "Tom Birch, argued that it breaks the 1998 charter.\n\n"
      "Okafor said the levy would stay, and Birch said nothing.\n";
  attributed a;
  attribute(&a, t);
  assert_string_equal(a.sp.names[a.ss[0]], "Ruth Okafor");
  assert_int_equal(a.cl.n, 1);
  assert_int_equal(a.cl.items[0].sentence, 0);
  assert_string_equal(a.sp.names[a.cl.items[0].speaker], "Tom Birch");
  assert_int_equal(a.cl.items[0].start, (size_t)(strstr(t, "while") - t));
  assert_int_equal(a.cl.items[0].end, a.tk->sents[0].end);
  assert_string_equal(lxs_cue_name(a.cl.items[0].cue), "indirect");
  assert_string_equal(a.sp.descs[a.cl.items[0].speaker], "the ferry operators' lawyer");
  /* "and" alone opens no clause of a second speaker */
  assert_string_equal(a.sp.names[a.ss[1]], "Ruth Okafor");
  attributed_free(&a);
  assert_true(lxs_cue_confidence(LXS_CUE_SAID_AFTER) > lxs_cue_confidence(LXS_CUE_PRONOUN));
  assert_true(lxs_cue_confidence(LXS_CUE_AUTHOR) < 0);
  assert_true(lxs_cue_confidence(LXS_CUE_COUNT) < 0);
}

/* Views held without a speech verb: "X is a vocal critic of ...", a
 * person's study or report, and an organisation set off by an
 * appositive ("The GHP, a lobby formed in 1990, said"). */
static void held_views_and_works(void **state) {
  (void)state;
  const char *t =
      "Councillor Ines Varga is a vocal critic of the ferry levy.\n\n"
      "Tom Birch said the levy was fair. He has long been a supporter of the berth "
      "lottery.\n\n"
      "The ferry lobby keeps citing Ada Moreau's study of berth delays, which blames the "
      "lottery.\n\n"
      "Pim Alders's latest report finds that the levy hurts small ports.\n\n"
      "The Guild for Harbour Pilots (GHP) was founded in 1990.\n\n"
      "The GHP, a lobby formed in 1990 by pilots and the dockers' union, said the levy was "
      "fair.\n\n"
      "The pier is a favourite of anglers.\n\n"
      "Ruth Okafor's boat was moored at the east quay.\n\n"
      "The critic of the levy was never named.\n";
  const char *want[] = {"a vocal critic",
                        "Ines Varga",
                        "indirect",
                        "supporter of the berth",
                        "Tom Birch",
                        "pronoun",
                        "study of berth delays",
                        "Ada Moreau",
                        "according-to",
                        "latest report finds",
                        "Pim Alders",
                        "according-to",
                        "lobby formed in 1990 by",
                        "Guild for Harbour Pilots",
                        "short-name",
                        "a favourite of anglers",
                        "author",
                        "author",
                        "boat was moored",
                        "author",
                        "author",
                        "was never named",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* The segmenter's holders of text as "verb>holder" items joined by "|"
 * (into out). */
static void holders_of(const char *t, char *out, size_t cap) {
  lxs_tokenizer *tk = lxs_tokenizer_new();
  lxs_tokenize(tk, t, strlen(t));
  lxs_speakers sp;
  lxs_speakers_init(&sp);
  size_t n = tk->nsent + 1;
  uint32_t *ss = calloc(n, sizeof *ss), *sf = calloc(n, sizeof *sf);
  uint8_t *cue = calloc(n, 1);
  lxs_holders h = {0};
  lxs_attribute_clauses(tk, t, &sp, NULL, ss, sf, cue, NULL, &h);
  out[0] = 0;
  for (size_t i = 0; i < h.n; i++) {
    const lxs_token *v = &tk->toks[h.items[i].verb];
    size_t len = strlen(out);
    snprintf(out + len, cap - len, "%s%.*s>%s", i ? "|" : "", (int)(v->end - v->start),
             t + v->start, h.names.data + h.items[i].name);
  }
  lxs_holders_free(&h);
  free(ss);
  free(sf);
  free(cue);
  lxs_speakers_free(&sp);
  lxs_tokenizer_free(tk);
}

/* 9. Holders of reported views come from the person table and the group
 * words, never from a date or a clause fragment; the scorer credits them
 * (score_report.c). */
static void holders_of_reported_views(void **state) {
  (void)state;
  char got[1024];
  holders_of("Dock workers are praising the levy on cruise ships.\n\n"
             "Labor unions are lauding the levy, saying it helps small ports.\n\n"
             "Northport, along with Eastport and Westhaven, has insisted on keeping the "
             "old rules.\n\n"
             "Ruth Okafor, the mayor, said the levy was fair. Later Okafor said it was too "
             "low.\n\n"
             "The levy is too high, harbour experts say.\n\n"
             "\"Critics say the levy is unfair,\" she said.\n\n"
             "The fees will help the port, the head of the Pilots Guild said Monday.\n\n"
             "We say the levy is fair.\n\n"
             "The lottery was commended by participants at the Harbour (Ports and Ferries) "
             "Cooperation Forum.\n\n"
             "Quay Watch, a group that calls itself \"independent,\" released a handbook on "
             "fees.\n",
             got, sizeof got);
  assert_string_equal(got, "praising>Dock workers|lauding>Labor unions|saying>Labor unions|"
                           "insisted>Northport, along with Eastport and Westhaven|"
                           "said>Ruth Okafor|said>Ruth Okafor|say>harbour experts|"
                           "say>Critics|said>Ruth Okafor|said>Pilots Guild|"
                           "commended>participants at the Harbour (Ports and Ferries) "
                           "Cooperation Forum");
}

/* A group named by its number ("the four ports") is the group listed
 * before with as many names; a document ("The letter said") is the
 * previous sentence's holder's (a report with no holder before it stays
 * the group word it was). */
static void listed_groups_and_their_documents(void **state) {
  (void)state;
  char got[1024];
  holders_of("The report said the fees were high.\n\n"
             "Northland, along with Southmark, Eastvale and Westport, has insisted on "
             "keeping the old berth rules.\n\n"
             "In a letter sent to the board on Monday, the four ports said the levy had "
             "failed.\n\n"
             "The letter said the smaller harbours would close within a year.\n\n"
             "Ruth Okafor told the council the quay was full. Her letter says the levy "
             "must go.\n\n"
             "Later the two ports said the levy was unfair.\n",
             got, sizeof got);
  assert_string_equal(got, "said>report|"
                           "insisted>Northland, along with Southmark, Eastvale and Westport|"
                           "said>Northland, along with Southmark, Eastvale and Westport|"
                           "said>Northland, along with Southmark, Eastvale and Westport|"
                           "told>Ruth Okafor|says>Ruth Okafor|said>two ports");
}

/* The scorer credits the segmenter's holders: a view reported from a
 * group goes to the group, a date after the verb is nobody, and a view
 * of the sentence's own speaker is not reported. */
static void scorer_credits_holders(void **state) {
  (void)state;
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  const char *lx = "tariff\tus_protectionism\ttarget\t1\nharmful\tus_protectionism\teval\t-1\n";
  assert_int_equal(lxs_lexicon_load_buffer(lex, "t.tsv", lx, strlen(lx), err, sizeof err), LXS_OK);
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  const char *t = "Dock workers are warning that the tariff is harmful.\n\n"
                  "The tariff is harmful, the head of the pilots said Monday.\n\n"
                  "Mayor Ruth Okafor said the tariff is harmful.\n";
  lxs_options opt = {1, NULL};
  const lxs_result *r = lxs_scorer_run(sc, t, strlen(t), &opt);
  assert_int_equal(r->n_sentences, 3);
  uint32_t h = r->sentences[0].holder;
  assert_true(h < r->n_speakers);
  assert_string_equal(r->speakers[h].name, "Dock workers");
  assert_string_equal(r->speakers[r->sentences[0].speaker].name, "author");
  assert_true(r->scores[0 * r->n_themes].held_mentions == 1);
  assert_int_equal(r->sentences[1].holder, LXS_NO_HOLDER);
  assert_int_equal(r->sentences[2].holder, LXS_NO_HOLDER);
  assert_string_equal(r->speakers[r->sentences[2].speaker].name, "Ruth Okafor");
  for (size_t i = 0; i < r->n_speakers; i++) assert_string_not_equal(r->speakers[i].name, "Monday");
  /* without attribution the sentences are the author's, the holders stay */
  r = lxs_scorer_run(sc, t, strlen(t), NULL);
  assert_string_equal(r->speakers[r->sentences[2].holder].name, "Ruth Okafor");
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* A scorer that keeps no evidence (score's rows never read it) scores
 * the same: the same stances and holders, only no evidence records. */
static void scorer_without_evidence(void **state) {
  (void)state;
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  const char *lx = "tariff\tus_protectionism\ttarget\t1\nharmful\tus_protectionism\teval\t-1\n";
  assert_int_equal(lxs_lexicon_load_buffer(lex, "t.tsv", lx, strlen(lx), err, sizeof err), LXS_OK);
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  const char *t = "Dock workers are warning that the tariff is harmful.\n\n"
                  "The new tariff is harmful.\n";
  const lxs_result *r = lxs_scorer_run(sc, t, strlen(t), NULL);
  assert_int_equal(r->n_sentences, 2);
  size_t nev = r->n_evidence;
  assert_int_equal(nev, 4); /* a target and an evaluation a sentence */
  assert_null(r->evidence[0].holder);
  assert_non_null(r->evidence[1].holder);
  assert_string_equal(r->evidence[1].holder, "Dock workers");
  double stance0 = r->scores[0].stance, stance1 = r->scores[r->n_themes].stance;
  assert_true(stance0 < 0 && stance1 < 0);
  lxs_scorer_keep_evidence(sc, 0);
  r = lxs_scorer_run(sc, t, strlen(t), NULL);
  assert_int_equal(r->n_evidence, 0);
  assert_true(r->scores[0].stance == stance0 && r->scores[r->n_themes].stance == stance1);
  assert_string_equal(r->speakers[r->sentences[0].holder].name, "Dock workers");
  lxs_scorer_keep_evidence(sc, 1);
  r = lxs_scorer_run(sc, t, strlen(t), NULL);
  assert_int_equal(r->n_evidence, nev);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* Organisations speak as people do (the codebook's view holder): a name
 * with an organisation word, an acronym in brackets, later the acronym,
 * its initials or "the group"; a person "of" one is that person. */
/* 7. A description before the name: "the minister said" is the one
 * minister the article names, before or after; two candidates leave it. */
static void descriptions_named_later(void **state) {
  (void)state;
  const char *t = "The harbour opened a new quay on Monday.\n\n"
                  "The minister said the fees were too high.\n\n"
                  "Trade Minister Lina Osei said the quay was late.\n";
  const char *want[] = {"fees were too high", "Lina Osei", "description", "quay was late",
                        "Lina Osei",          "indirect",  NULL};
  check(t, want);
  const char *two = "The minister said the fees were too high.\n\n"
                    "Trade Minister Lina Osei said the quay was late.\n\n"
                    "Transport Minister Pim Alders said the ferries were full.\n";
  const char *want2[] = {"fees were too high", "author", "author", NULL};
  check(two, want2);
  const char *mods = "The transport minister said the ferries were full.\n\n"
                     "Trade Minister Lina Osei said the quay was late.\n\n"
                     "Transport Minister Pim Alders said the fees were fair.\n";
  const char *want3[] = {"ferries were full", "Pim Alders", "description", NULL};
  check(mods, want3);
  const char *nobody = "The president said the fees were too high.\n\n"
                       "Trade Minister Lina Osei said the quay was late.\n";
  const char *want4[] = {"fees were too high", "author", "author", NULL};
  check(nobody, want4);
  /* "the chair of the Guild" is a person of the Guild, named later; with
   * nobody holding the role the Guild speaks, as before */
  const char *org = "Berth fees should be capped, the chair of the Pilots' Guild said on "
                    "Tuesday.\n\n"
                    "The chair of the Pilots' Guild said the quay was too small.\n\n"
                    "\"It is overdue,\" Guild chair Tomas Reyes told the Courier.\n";
  const char *want5[] = {"should be capped", "Tomas Reyes", "description",   "quay was too small",
                         "Tomas Reyes",      "description", "It is overdue", "Tomas Reyes",
                         "said-after",       NULL};
  check(org, want5);
  const char *alone = "Berth fees should be capped, the chair of the Pilots' Guild said on "
                      "Tuesday.\n";
  const char *want6[] = {"should be capped", "Pilots' Guild", "description", NULL};
  check(alone, want6);
  /* a name in a sentence without speech is named all the same */
  const char *met = "The minister said the fees were too high.\n\n"
                    "Later that week, Trade Minister Lina Osei visited the new quay with her "
                    "staff.\n";
  const char *want7[] = {"fees were too high", "Lina Osei", "description", NULL};
  check(met, want7);
}

/* "said the head of the Pilots Guild, Anton Reyes": the name after the
 * role's organisation speaks, and the head of another organisation is
 * not him. */
static void role_of_org_then_name(void **state) {
  (void)state;
  const char *t = "The port board raised berth fees on Monday.\n\n"
                  "The fees are a mistake, said the head of the Pilots Guild, Anton Reyes.\n\n"
                  "\"We were not asked,\" said the chair of the Quay Traders Guild, Ines Varga.\n\n"
                  "The levy is unfair, the head of the Ferry Union said on Tuesday.\n";
  const char *want[] = {"are a mistake", "Anton Reyes", "indirect",  "We were not asked",
                        "Ines Varga",    "said-after",  "is unfair", "Ferry Union",
                        "description",   NULL};
  check(t, want);
}

/* A proxy speaks for the person named with it (view-holder convention):
 * "X's office said", "a spokesman for X said", "the office of X said";
 * an organisation's office stays the organisation. */
static void proxies_speak_for_their_person(void **state) {
  (void)state;
  const char *t = "The port board raised berth fees on Monday.\n\n"
                  "Governor Hana Lindqvist's office said the fees were lawful.\n\n"
                  "\"The fees will go,\" said a spokesman for Mayor Ruth Okafor.\n\n"
                  "The office of Senator Tom Birch said the fees were low.\n\n"
                  "The office of the Pilots Guild said the fees were high.\n";
  const char *want[] = {"were lawful", "Hana Lindqvist", "indirect",     "The fees will go",
                        "Ruth Okafor", "said-after",     "were low",     "Tom Birch",
                        "indirect",    "were high",      "Pilots Guild", "indirect",
                        NULL};
  check(t, want);
}

/* "For X, ..." gives the view that follows to the person X; a place, an
 * organisation or a time after "For" is nobody. */
static void for_person_frames(void **state) {
  (void)state;
  const char *t = "The port board raised berth fees on Monday.\n\n"
                  "For Ines Varga, the fees are a tax on small boats.\n\n"
                  "For Brazil, the fees are a detail.\n\n"
                  "For years, the fees were low.\n\n"
                  "Mayor Ruth Okafor spoke on Monday. For her, the levy is overdue.\n\n"
                  "For the Pilots Guild, the fees are a loss.\n";
  const char *want[] = {"tax on small boats",
                        "Ines Varga",
                        "according-to",
                        "are a detail",
                        "author",
                        "author",
                        "were low",
                        "author",
                        "author",
                        "overdue",
                        "Ruth Okafor",
                        "pronoun",
                        "are a loss",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* "the head of the Pilots Guild said" is the person later described as
 * "who heads the Pilots Guild"; "the leader" is "who leads". */
static void role_named_later_by_its_verb(void **state) {
  (void)state;
  const char *t = "The port board raised berth fees on Monday.\n\n"
                  "The fees will hurt small operators, the head of the Pilots Guild said.\n\n"
                  "Anton Reyes, who heads the Pilots Guild, has fought the fees for years.\n";
  const char *want[] = {"hurt small operators", "Anton Reyes", "description", NULL};
  check(t, want);
  const char *l = "The port board raised berth fees on Monday.\n\n"
                  "The fees will hurt small operators, the leader of the Ferry Union said.\n\n"
                  "Tomas Brenner, who leads the Ferry Union, met the board on Friday.\n";
  const char *want2[] = {"hurt small operators", "Tomas Brenner", "description", NULL};
  check(l, want2);
}

static void organisations_speak(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "The Guild for Harbour Pilots (GHP) is urging members of the council to reject "
           "the berth lottery.\n\n"
           "The GHP also objects to the new fees for night arrivals.\n\n"
           "Anton Reyes of the Guild for Harbour Pilots said the fees were too high.\n\n"
           "The president of the Coastal Freight Association, Lena Holt, issued a statement "
           "on Monday. The group predicted a revival of the east quay, saying, \"Small boats "
           "will come back.\"\n\n"
           "The National Ferrymen's Union backed the plan. The NFU said the levy was fair.\n\n"
           "In an interview with Harbour News Radio Ada Moreau said the quay would reopen.\n\n"
           "Northport's Ministry of Transport said in a statement that the rules stand.\n\n"
           "The Quay Gazette asked three captains how the lottery works.\n",
           NULL);
  const char *want[] = {"author",     "Guild for Harbour Pilots",    "Anton Reyes",
                        "Lena Holt",  "Coastal Freight Association", "National Ferrymen's Union",
                        "Ada Moreau", "Ministry of Transport",       NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "is urging members", "Guild for Harbour Pilots", "indirect");
  assert_string_equal(desc_of(&r, "Guild for Harbour Pilots"), "GHP");
  EXPECT(&r, "also objects", "Guild for Harbour Pilots", "short-name");
  EXPECT(&r, "fees were too high", "Anton Reyes", "indirect");
  EXPECT(&r, "predicted a revival", "Coastal Freight Association", "description");
  EXPECT(&r, "The NFU said", "National Ferrymen's Union", "short-name");
  EXPECT(&r, "quay would reopen", "Ada Moreau", "indirect");
  EXPECT(&r, "the rules stand", "Ministry of Transport", "indirect");
  EXPECT(&r, "asked three captains", "author", "author");
  arun_free(&r);
}

/* 7. The speaker named in the next sentence without quotation marks;
 * an outlet's verdict; labelling verbs; a dateline before the subject. */
static void messages_outlets_datelines(void **state) {
  (void)state;
  const char *t =
      "Fix the quay or we walk away. That was essentially the message Mayor Ruth Okafor "
      "had for the port board on Monday.\n\n"
      "The Courier's verdict: \"The levy is a tax on breathing.\"\n\n"
      "Northport (Harbour Morning Courier) \xE2\x80\x93 The Pilots Guild is drafting a "
      "reply, labeling the levy a \"setback for small ports.\"\n\n"
      "The quay was rebuilt in May. That was the year the ferries came back.\n";
  const char *want[] = {"Fix the quay or we walk away",
                        "Ruth Okafor",
                        "said-after",
                        "That was essentially the message",
                        "Ruth Okafor",
                        "indirect",
                        "The levy is a tax",
                        "Courier",
                        "said-before",
                        "is drafting a reply",
                        "Pilots Guild",
                        "said-before",
                        "The quay was rebuilt",
                        "author",
                        "author",
                        "That was the year",
                        "author",
                        "author",
                        NULL};
  check(t, want);
  char got[512];
  holders_of("NORTHPORT (Reuters) - The Pilots Guild is drafting a reply, saying the levy "
             "is a setback.\n\n"
             "Dock workers termed the levy \"theft\".\n",
             got, sizeof got);
  assert_string_equal(got, "saying>Pilots Guild|termed>Dock workers");
}

/* A pull quote: a line holding a name alone right under a line with no
 * full stop attributes that line; after a blank line it does not. */
static void pull_quotes(void **state) {
  (void)state;
  const char *t = "The levy row goes on.\n\nThe pilots met on Monday.\n\n"
                  "The mayor met them on Tuesday.\n\nThe quay is full.\n\n"
                  "The board is a member-run body, which means every fee is set by a vote "
                  "of the pilots, not the mayor\nTomas Brenner\n\n"
                  "Complaints about the east quay are many.\n\n"
                  "The board meets in May\n\nAda Moreau\n\nThe last word.\n";
  const char *want[] = {"every fee is set by a vote",
                        "Tomas Brenner",
                        "quote",
                        "Complaints about the east quay",
                        "author",
                        "author",
                        "The board meets in May",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* 1. The speech vocabulary's breadth: base forms after a plural subject
 * or an auxiliary, evaluative acts ("touted", "disputed", "questioned"),
 * "sees ... as" and "raised concerns"; nouns that are also verbs stay
 * nouns. */
static void broad_reporting_verbs(void **state) {
  (void)state;
  const char *t = "Ines Varga would later admit that the levy was a mistake.\n\n"
                  "Tomas Brenner signaled that the fees would stay.\n\n"
                  "Odile Marsh touted the deal as a win for workers.\n\n"
                  "Pim Alders disputed the figures.\n\n"
                  "Ada Moreau questioned the wisdom of the fees.\n\n"
                  "Ruth Okafor bemoaned the loss of berths.\n\n"
                  "Hana Lindqvist sees the levy as a tax on the poor.\n\n"
                  "Anton Reyes raised concerns about the timetable.\n\n"
                  "Tom Birch disagreed with the port board.\n\n"
                  "Lena Falk will reiterate her support for the quay.\n\n"
                  "The harbour saw ships leave as the tide turned.\n\n"
                  "The old state pier was raised in 1990.\n";
  const char *want[] = {"admit that the levy",
                        "Ines Varga",
                        "indirect",
                        "signaled that the fees",
                        "Tomas Brenner",
                        "indirect",
                        "touted the deal",
                        "Odile Marsh",
                        "indirect",
                        "disputed the figures",
                        "Pim Alders",
                        "indirect",
                        "questioned the wisdom",
                        "Ada Moreau",
                        "indirect",
                        "bemoaned the loss",
                        "Ruth Okafor",
                        "indirect",
                        "sees the levy as",
                        "Hana Lindqvist",
                        "indirect",
                        "raised concerns",
                        "Anton Reyes",
                        "indirect",
                        "disagreed with",
                        "Tom Birch",
                        "indirect",
                        "reiterate her support",
                        "Lena Falk",
                        "indirect",
                        "saw ships leave",
                        "author",
                        "author",
                        "state pier was raised",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* Organisations whose names join words with "and" or a list ("Ministry of
 * Trade and Industry", "Iron and Steel Institute"), and research firms
 * ("Capital Economics") that are no person: "Capital Economics" is not
 * "Oxford Economics" by a shared surname. */
static void organisation_names_with_and(void **state) {
  (void)state;
  const char *t = "Northland's Ministry of Trade and Industry said growth would slow.\n\n"
                  "The Northland Iron and Steel Institute said the levy was overdue.\n\n"
                  "The Department of Ports, Harbours and Fisheries said the quay would reopen.\n\n"
                  "Oxford Economics said the fees would cut trade.\n\n"
                  "Capital Economics said in a note that the impact would be small.\n";
  const char *want[] = {"growth would slow",
                        "Ministry of Trade and Industry",
                        "indirect",
                        "the levy was overdue",
                        "Northland Iron and Steel Institute",
                        "indirect",
                        "quay would reopen",
                        "Department of Ports, Harbours and Fisheries",
                        "indirect",
                        "cut trade",
                        "Oxford Economics",
                        "indirect",
                        "impact would be small",
                        "Capital Economics",
                        "indirect",
                        NULL};
  check(t, want);
}

/* Frames of news prose beyond a verb and its clause: "warned of",
 * "As X put it", "In the words of X", "made it clear that", "is opposed
 * to", "pushed back against", "spoke of"; plural titles before names. */
static void more_frames(void **state) {
  (void)state;
  const char *t = "Ines Varga warned of a new levy war.\n\n"
                  "As Tomas Brenner put it, the levy is a tax on breathing.\n\n"
                  "In the words of Odile Marsh, the quay is a disgrace.\n\n"
                  "Pim Alders made it clear that the fees must go.\n\n"
                  "Ada Moreau is opposed to the berth lottery.\n\n"
                  "Ruth Okafor pushed back against calls for new fees.\n\n"
                  "Hana Lindqvist spoke of a new era for the ports.\n\n"
                  "Senators Anton Reyes and Lena Falk filed a bill.\n\n"
                  "\"The fees are unfair,\" Reyes said.\n\n"
                  "The crane was put back on the quay.\n";
  const char *want[] = {"warned of a new levy war",
                        "Ines Varga",
                        "indirect",
                        "put it, the levy",
                        "Tomas Brenner",
                        "indirect",
                        "the quay is a disgrace",
                        "Odile Marsh",
                        "according-to",
                        "made it clear",
                        "Pim Alders",
                        "indirect",
                        "opposed to the berth",
                        "Ada Moreau",
                        "indirect",
                        "pushed back against",
                        "Ruth Okafor",
                        "indirect",
                        "spoke of a new era",
                        "Hana Lindqvist",
                        "indirect",
                        "The fees are unfair",
                        "Anton Reyes",
                        "short-name",
                        "crane was put back",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* Sign-offs under quotations ("— Name, Title") give the quotation to the
 * person; an embedded post's "— Name (@handle) date" does not. */
static void quote_sign_offs(void **state) {
  (void)state;
  const char *t = "The board voted on Monday.\n\n"
                  "\"The fees are a tax on small boats. We will fight them.\"\n\n"
                  "— Ines Varga, chair of the Pilots' Guild\n\n"
                  "\"The quay is too small,\" — Harbour chief Tomas Brenner.\n\n"
                  "The vote was close.\n";
  const char *want[] = {"a tax on small boats",
                        "Ines Varga",
                        "said-after",
                        "We will fight them",
                        "Ines Varga",
                        "said-after",
                        "The quay is too small",
                        "Tomas Brenner",
                        "said-after",
                        "The vote was close",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* An unquoted statement after "X said in a statement:" is X's. */
static void colon_statement_paragraph(void **state) {
  (void)state;
  const char *t = "Guild chair Ines Varga said in a statement:\n\n"
                  "The fees restore a level playing field. Our members are hiring again.\n\n"
                  "The harbour reopened in May.\n";
  const char *want[] = {"level playing field",
                        "Ines Varga",
                        "run-on",
                        "hiring again",
                        "Ines Varga",
                        "run-on",
                        "harbour reopened",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* A three-letter month abbreviation inside a name ("Zhang Jun", "Jan
 * Kowalski") is a name; a date's is not. */
static void month_abbreviations_in_names(void **state) {
  (void)state;
  const char *t = "Ambassador Zhang Jun said the port supports open trade.\n\n"
                  "Jan Kowalski warned that the levy would close small ports.\n\n"
                  "The quay reopens on Jun. 5, the board said.\n";
  const char *want[] = {"supports open trade",
                        "Zhang Jun",
                        "indirect",
                        "close small ports",
                        "Jan Kowalski",
                        "indirect",
                        "reopens on Jun",
                        "author",
                        "author",
                        NULL};
  check(t, want);
}

/* A title line "Remarks by Minister X at ..." makes the text X's. */
static void speech_title_lines(void **state) {
  (void)state;
  const char *t = "Remarks by Minister Ada Moreau at the Harbour Forum\n\n"
                  "Thank you, Chair. It is an honour to be here.\n\n"
                  "The levy is a tax on the poor. We will fight it.\n";
  const char *want[] = {"honour to be here", "Ada Moreau", "header", "tax on the poor",
                        "Ada Moreau",        "header",     NULL};
  check(t, want);
  /* the speech noun owned by a name ("X's speech", "X’s address") */
  const char *t2 = "Full text of Governor Hana Lindqvist's speech at the Northport Forum\n\n"
                   "It is an honour to address this forum. Trade built this city.\n\n"
                   "We will never accept tariffs that punish the poor.\n";
  const char *want2[] = {"honour to address", "Hana Lindqvist", "header", "never accept",
                         "Hana Lindqvist",    "header",         NULL};
  check(t2, want2);
  const char *t3 = "Full text: Minister Anton Reyes\u2019s opening remarks at the Guild\n\n"
                   "Good morning. The levy is a tax on the poor.\n";
  const char *want3[] = {"tax on the poor", "Anton Reyes", "header", NULL};
  check(t3, want3);
  /* a possessive that is no speech title leaves the text the author's */
  const char *t4 = "Governor Hana Lindqvist's port plan\n\n"
                   "The plan will cost a lot. It is late.\n";
  const char *want4[] = {"cost a lot", "author", "author", NULL};
  check(t4, want4);
}

/* Hyphenated offices are titles, not given names: "Vice-Minister Li
 * Chenggang" is Li Chenggang, and "Li" later is the same person. */
static void hyphenated_titles(void **state) {
  (void)state;
  const char *t = "Vice-Minister Wen Haobo told the forum that the port supports open trade. "
                  "Wen said the rules must be kept.\n\n"
                  "Vice-Premier Ines Varga said the levy was fair.\n";
  const char *want[] = {
      "supports open trade", "Wen Haobo",     "indirect",   "rules must be kept", "Wen Haobo",
      "short-name",          "levy was fair", "Ines Varga", "indirect",           NULL};
  check(t, want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reporting_verbs),
      cmocka_unit_test(complements_and_stances),
      cmocka_unit_test(colon_paragraph_subject),
      cmocka_unit_test(speech_noun_before_colon),
      cmocka_unit_test(quoted_as_saying_and_plans),
      cmocka_unit_test(lone_surnames_and_described_subjects),
      cmocka_unit_test(colon_introducers),
      cmocka_unit_test(headlines),
      cmocka_unit_test(headline_frames),
      cmocka_unit_test(one_person_per_name),
      cmocka_unit_test(pronoun_gender_from_names),
      cmocka_unit_test(run_on_quotes),
      cmocka_unit_test(speech_goes_on),
      cmocka_unit_test(postmodifiers_and_single_quotes),
      cmocka_unit_test(transcripts),
      cmocka_unit_test(bylines),
      cmocka_unit_test(speaker_named_next_and_objects),
      cmocka_unit_test(scorer_without_evidence),
      cmocka_unit_test(two_speakers_one_sentence),
      cmocka_unit_test(several_speakers_one_sentence),
      cmocka_unit_test(headlines_only_where_they_stand),
      cmocka_unit_test(post_posed_and_quoted_by),
      cmocka_unit_test(holders_of_reported_views),
      cmocka_unit_test(held_views_and_works),
      cmocka_unit_test(listed_groups_and_their_documents),
      cmocka_unit_test(scorer_credits_holders),
      cmocka_unit_test(messages_outlets_datelines),
      cmocka_unit_test(pull_quotes),
      cmocka_unit_test(clause_opens_nearest_its_speaker),
      cmocka_unit_test(headline_at_unterminated_end),
      cmocka_unit_test(organisations_speak),
      cmocka_unit_test(descriptions_named_later),
      cmocka_unit_test(role_of_org_then_name),
      cmocka_unit_test(proxies_speak_for_their_person),
      cmocka_unit_test(for_person_frames),
      cmocka_unit_test(role_named_later_by_its_verb),
      cmocka_unit_test(broad_reporting_verbs),
      cmocka_unit_test(organisation_names_with_and),
      cmocka_unit_test(more_frames),
      cmocka_unit_test(quote_sign_offs),
      cmocka_unit_test(colon_statement_paragraph),
      cmocka_unit_test(month_abbreviations_in_names),
      cmocka_unit_test(speech_title_lines),
      cmocka_unit_test(hyphenated_titles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
