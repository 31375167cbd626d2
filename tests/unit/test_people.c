/* test_people.c - who holds a view when no single named person speaks
 * (issue 15): groups named by a post-modifier, organisations referred to
 * by one of their words, "they" after a group, and the name variants of
 * one speaker.  Invented sentences only. */
#include "testutil.h"

#include "attrib_run.h"
#include "lexstance.h"

/* For each sentence: "speaker" or "author>holder" when the sentence stays
 * the author's and a reported view's holder was found in it; joined by
 * "|" into out. */
static void attribution_of(const char *t, char *out, size_t cap) {
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
  for (size_t s = 0; s < tk->nsent; s++) {
    size_t len = strlen(out);
    snprintf(out + len, cap - len, "%s%s", s ? "|" : "", sp.names[ss[s]]);
    const lxs_sent *S = &tk->sents[s];
    for (size_t i = 0; i < h.n; i++) {
      uint32_t v = h.items[i].verb;
      if (ss[s] != 0 || v < S->first_tok || v >= S->first_tok + S->ntok) continue;
      len = strlen(out);
      snprintf(out + len, cap - len, ">%s", h.names.data + h.items[i].name);
      break;
    }
  }
  lxs_holders_free(&h);
  free(ss);
  free(sf);
  free(cue);
  lxs_speakers_free(&sp);
  lxs_tokenizer_free(tk);
}

/* A group with a post-modifier holds the view, not the body after "at"
 * or the place after "in"; groups without one are named by their words. */
static void groups_named_by_description(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Experts at the Northwind Institute said the levy would hurt small ports.\n\n"
                 "Officials in Eastport said the measures broke the harbour rules.\n\n"
                 "Harbour leaders said the new fees were unfair to small boats.\n\n"
                 "Consumer groups warned that ferry prices would rise by a fifth.\n\n"
                 "The Ferry Safety Commission said it would respond with new rules.\n",
                 got, sizeof got);
  assert_string_equal(got, "author>Experts at the Northwind Institute|"
                           "author>Officials in Eastport|author>Harbour leaders|"
                           "author>Consumer groups|Ferry Safety Commission");
}

/* "The Fund", "the Commission": a word of an organisation's name, after
 * "the", is that organisation (never an acronym or a longer name). */
static void organisation_by_one_word(void **state) {
  (void)state;
  char got[1024];
  attribution_of("The Harbour Stability Fund (HSF) said on Tuesday that berth fees would fall.\n\n"
                 "\"Small ports are at risk,\" the HSF said in its report.\n\n"
                 "The Fund also warned that ferry traffic was slowing.\n\n"
                 "The Ferry Safety Commission said it would respond. The Commission added that "
                 "talks were still possible.\n",
                 got, sizeof got);
  assert_string_equal(got, "Harbour Stability Fund|Harbour Stability Fund|Harbour Stability Fund|"
                           "Ferry Safety Commission|Ferry Safety Commission");
  /* no organisation of that word before: the word holds the view, no
   * speaker is made of it */
  attribution_of("The Fund also warned that ferry traffic was slowing.\n", got, sizeof got);
  assert_string_equal(got, "author>Fund");
}

/* "They" after a plural group subject (in a speech frame or not) is that
 * group, for two sentences; a "they" with no group before stays nobody's. */
static void they_after_a_group(void **state) {
  (void)state;
  char got[1024];
  attribution_of("The fishermen's unions were angry on Monday. They said the levy sold them "
                 "out.\n\n"
                 "Dock workers said the quay was full. They also warned that the night shift "
                 "would stop.\n\n"
                 "The board met on Friday. They said the fees would stay.\n",
                 got, sizeof got);
  assert_string_equal(got, "author|author>fishermen's unions|author>Dock workers|"
                           "author>Dock workers|author|author");
  /* a single person's role is no "they" */
  attribution_of("A harbour official said the quay was full. They said the fees would stay.\n", got,
                 sizeof got);
  assert_string_equal(got, "author>harbour official|author");
}

/* One speaker across the name variants of one text. */
static void one_speaker_across_variants(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Amara Okoye-Bello, the director-general of the Harbour Council, said the rules "
                 "still mattered.\n\n"
                 "\"We need reform,\" Okoye-Bello said.\n\n"
                 "Ms Okoye-Bello added that members must act.\n\n"
                 "The director-general said talks would resume in May.\n\n"
                 "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                 "ez said the deal was fair. Jose Nunez later "
                 "added that it was overdue.\n",
                 got, sizeof got);
  assert_string_equal(got, "Amara Okoye-Bello|Amara Okoye-Bello|Amara Okoye-Bello|"
                           "Amara Okoye-Bello|Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                           "ez|"
                           "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                           "ez");
}

/* "He" after a role that spoke ("the harbour minister said") is that
 * role: the person named with it later, or nobody (the author) when no
 * one is. */
static void pronoun_after_a_role(void **state) {
  (void)state;
  char got[1024];
  attribution_of("The harbour minister said on Monday that the fees would fall. He later said "
                 "the quay would reopen in June.\n\n"
                 "Harbour Minister Tomas Brenner said he took office in May.\n",
                 got, sizeof got);
  assert_string_equal(got, "Tomas Brenner|Tomas Brenner|Tomas Brenner");
  attribution_of("The harbour minister said on Monday that the fees would fall. He later said "
                 "the quay would reopen in June.\n",
                 got, sizeof got);
  assert_string_equal(got, "author|author");
}

/* "The economist said" right after a named person spoke is that person
 * when nothing said of them names another role; a role they are known by
 * otherwise ("the chair of the Guild") keeps the description pending. */
static void definite_role_after_a_speaker(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Ines Varga said the berth fees were fair. The economist said the levy would "
                 "fall next year.\n\n"
                 "Pim Alders, the first man to run the east quay, said reform was urgent. The "
                 "Dutch economist said the board must go.\n",
                 got, sizeof got);
  assert_string_equal(got, "Ines Varga|Ines Varga|Pim Alders|Pim Alders");
  attribution_of("Ines Varga, the chair of the Pilots Guild, said the fees were fair. The "
                 "economist said the levy would fall.\n",
                 got, sizeof got);
  assert_string_equal(got, "Ines Varga|author");
}

/* "He" and "she" never name an organisation that spoke last. */
static void pronoun_skips_organisations(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Ruth Okafor chairs the harbour board.\n\n"
                 "The Northport Pilots Guild said the levy was unfair. She said the board would "
                 "fight it.\n",
                 got, sizeof got);
  assert_string_equal(got, "author|Northport Pilots Guild|Ruth Okafor");
}

/* Places listed as one subject hold the view together, and "the two
 * countries" later are that list. */
static void listed_places_hold_together(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Chile and New Zealand said the harbour rules were unfair. The two countries "
                 "argued that small ports needed time.\n\n"
                 "Kenya, Peru and Norway warned that the levy would hurt trade.\n",
                 got, sizeof got);
  assert_string_equal(got, "author>Chile and New Zealand|author>Chile and New Zealand|"
                           "author>Kenya, Peru and Norway");
}

/* A surname joined to a lower-case particle by a hyphen ("al-Hadi") is
 * part of the name, and a later "Al-Hadi" is the same person. */
static void hyphenated_particle_names(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Harbour Minister Faris al-Hadi said the quay would reopen in May. Al-Hadi "
                 "told reporters that the fees were fair.\n\n"
                 "Samir el-Badawi said the levy was a tax on breathing.\n",
                 got, sizeof got);
  assert_string_equal(got, "Faris al-Hadi|Faris al-Hadi|Samir el-Badawi");
}

/* Dutch, German and Italian particles inside a name: "van den", "zu",
 * "della" keep the whole name, and the surname with its particles names
 * the same person later. */
static void multi_particle_names(void **state) {
  (void)state;
  char got[1024];
  attribution_of("Harbour minister Pieter van den Berg warned that the levy hurt everyone. "
                 "Van den Berg said the port would suffer.\n\n"
                 "Lotte zu Ebersdorf said the ferries were too slow.\n\n"
                 "Marco della Rovere argued that the quay was too small.\n",
                 got, sizeof got);
  assert_string_equal(got, "Pieter van den Berg|Pieter van den Berg|Lotte zu Ebersdorf|"
                           "Marco della Rovere");
}

/* "It said" right after an organisation spoke is the organisation; later
 * on, after other sentences, "it" names nobody. */
static void it_after_an_organisation(void **state) {
  (void)state;
  char got[1024];
  attribution_of("The Northport Pilots Guild praised the decision. In a statement, it said the "
                 "berth rules were overdue.\n\n"
                 "The Ferry Safety Commission welcomed the rules. The quay was busy on Monday. "
                 "The boats came in late. It said the fees were fair.\n",
                 got, sizeof got);
  assert_string_equal(got, "Northport Pilots Guild|Northport Pilots Guild|"
                           "Ferry Safety Commission|author|author|author");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(groups_named_by_description),
      cmocka_unit_test(organisation_by_one_word),
      cmocka_unit_test(they_after_a_group),
      cmocka_unit_test(one_speaker_across_variants),
      cmocka_unit_test(pronoun_after_a_role),
      cmocka_unit_test(definite_role_after_a_speaker),
      cmocka_unit_test(pronoun_skips_organisations),
      cmocka_unit_test(listed_places_hold_together),
      cmocka_unit_test(hyphenated_particle_names),
      cmocka_unit_test(it_after_an_organisation),
      cmocka_unit_test(multi_particle_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
