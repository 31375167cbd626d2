/* test_attrib.c - speaker attribution: layouts, quotations, speech frames,
 * references, name normalisation, user hints, linear behaviour. */
#include <stdio.h>

#include "testutil.h"

#include "segment.h"
#include "tokenize.h"
#include "wordclass.h"

#include "attrib_run.h"

/* ---- the seed round-up ------------------------------------------------- */

static void seed_roundup(void **state) {
  (void)state;
  arun r;
  size_t len;
  char *t = read_seed(&len);
  arun_text(&r, t, len, NULL);
  const char *want[] = {"author", "Kin Phea", "Peter T C Chang", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  assert_string_equal(desc_of(&r, "Kin Phea"),
                      "director general of the International Relations Institute of the "
                      "Royal Academy of Cambodia");
  assert_string_equal(desc_of(&r, "Peter T C Chang"),
                      "former deputy director, Institute of China Studies, University Malaya "
                      "and research associate, China-Malaysia Friendship Association");
  assert_string_equal(desc_of(&r, "Jayant Menon"),
                      "a visiting senior fellow at the ISEAS-Yusof Ishak Institute in "
                      "Singapore, and former lead economist at the Asian Development Bank");
  EXPECT(&r, "The Global Times collected the opinions", "author", "author");
  EXPECT(&r, "Kin Phea, director general", "Kin Phea", "header");
  assert_int_equal(r.sf[sent_with(&r, "Kin Phea, director general")] & LXS_SENT_HEADER,
                   LXS_SENT_HEADER);
  EXPECT(&r, "The evolving partnership", "Kin Phea", "header");
  assert_int_equal(r.sf[sent_with(&r, "The evolving partnership")] & LXS_SENT_HEADER, 0);
  /* an organisation quoted inside an expert's section stays with the expert */
  EXPECT(&r, "The Chinese Ministry of Commerce itself said", "Peter T C Chang", "header");
  EXPECT(&r, "Initiatives like CAFTA 3.0", "Jayant Menon", "header");
  arun_free(&r);
}

static void segment_matches_attribute(void **state) {
  (void)state;
  size_t len;
  char *t = read_seed(&len);
  lxs_tokenizer *tk = lxs_tokenizer_new();
  lxs_tokenize(tk, t, len);
  lxs_speakers a, b;
  lxs_speakers_init(&a);
  lxs_speakers_init(&b);
  uint32_t *s1 = calloc(tk->nsent, 4), *f1 = calloc(tk->nsent, 4);
  uint32_t *s2 = calloc(tk->nsent, 4), *f2 = calloc(tk->nsent, 4);
  lxs_segment(tk, t, &a, s1, f1);
  lxs_attribute(tk, t, &b, NULL, s2, f2, NULL);
  assert_int_equal(a.n, 4);
  assert_int_equal(a.n, b.n);
  assert_memory_equal(s1, s2, tk->nsent * 4);
  assert_memory_equal(f1, f2, tk->nsent * 4);
  /* a second document in the same speakers list after a clear */
  lxs_speakers_clear(&a);
  assert_int_equal(a.n, 1);
  lxs_segment(tk, t, &a, s1, f1);
  assert_int_equal(a.n, 4);
  assert_string_equal(a.names[2], "Peter T C Chang");
  free(s1);
  free(f1);
  free(s2);
  free(f2);
  lxs_speakers_free(&a);
  lxs_speakers_free(&b);
  lxs_tokenizer_free(tk);
  free(t);
}

/* ---- house styles ------------------------------------------------------- */

static void wire_story(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "wire-said-after.txt");
  const char *want[] = {"author",       "Zafrul Aziz", "Jayant Menon", "Ministry of Commerce",
                        "Deborah Elms", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "China, ASEAN hail", "author", "author");
  EXPECT(&r, "a deal officials said would deepen", "author", "author");
  EXPECT(&r, "This is a signal that our region", "Zafrul Aziz", "said-after");
  EXPECT(&r, "The upgrade adds chapters", "author", "author");
  EXPECT(&r, "Small firms will gain the most", "Zafrul Aziz", "short-name");
  EXPECT(&r, "They finally get rules", "Zafrul Aziz", "continuation");
  EXPECT(&r, "said the timing was no accident", "Jayant Menon", "indirect");
  EXPECT(&r, "The US has walked away", "Jayant Menon", "short-name");
  EXPECT(&r, "Nobody else is going to do it", "Jayant Menon", "continuation");
  /* a paragraph that reopens a quotation left open */
  EXPECT(&r, "If anything, the tariffs", "Jayant Menon", "continuation");
  EXPECT(&r, "The former ADB economist said", "Jayant Menon", "description");
  /* an organisation speaks (codebook: the view is its own) */
  EXPECT(&r, "China's Ministry of Commerce said", "Ministry of Commerce", "said-before");
  EXPECT(&r, "Washington has argued", "author", "author");
  EXPECT(&r, "was more cautious", "author", "author");
  EXPECT(&r, "It is a useful upgrade", "Deborah Elms", "pronoun");
  EXPECT(&r, "Implementation is where", "Deborah Elms", "continuation");
  assert_string_equal(desc_of(&r, "Zafrul Aziz"), "Malaysian Trade Minister");
  assert_string_equal(desc_of(&r, "Deborah Elms"),
                      "head of trade policy at the Hinrich Foundation");
  assert_true(r.sf[sent_with(&r, "If anything")] & LXS_SENT_QUOTE);
  arun_free(&r);
}

static void according_to_story(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "according-to.txt");
  const char *want[] = {"author", "Kin Phea", "Sarah Chan", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "By Li Wen", "author", "author");
  EXPECT(&r, "according to a new survey", "author", "author");
  EXPECT(&r, "the shift reflects a longer trend", "Kin Phea", "according-to");
  EXPECT(&r, "Cambodian garment makers", "Kin Phea", "indirect");
  EXPECT(&r, "He noted that the upgraded", "Kin Phea", "pronoun");
  EXPECT(&r, "Some economists are less sure", "author", "author");
  EXPECT(&r, "argued that the gains would be uneven", "Sarah Chan", "indirect");
  EXPECT(&r, "According to Chan", "Sarah Chan", "short-name");
  EXPECT(&r, "Chinese officials said", "author", "author");
  /* a description matching the affiliation ("Cambodian" ~ "Cambodia") */
  EXPECT(&r, "The Cambodian scholar also warned", "Kin Phea", "description");
  EXPECT(&r, "Shipping rates", "author", "author");
  assert_string_equal(desc_of(&r, "Sarah Chan"), "a trade economist at the Asian Trade Centre");
  arun_free(&r);
}

static void roundup_layout(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "roundup.txt");
  const char *want[] = {"author", "Peter T C Chang", "Sarah Chan", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "three scholars", "author", "author");
  EXPECT(&r, "Prof. Peter T.C. Chang, deputy", "Peter T C Chang", "header");
  EXPECT(&r, "double down on regional", "Peter T C Chang", "header");
  EXPECT(&r, "The Ministry of Commerce itself said", "Peter T C Chang", "header");
  EXPECT(&r, "That is the right message", "Peter T C Chang", "header");
  EXPECT(&r, "Middle powers have more room", "Sarah Chan", "header");
  /* quoted material and other names inside a section stay with its owner */
  EXPECT(&r, "We are not simply price-takers", "Sarah Chan", "header");
  EXPECT(&r, "Peter TC Chang is right", "Sarah Chan", "header");
  EXPECT(&r, "Speaker: Jayant Menon", "Jayant Menon", "speaker-line");
  EXPECT(&r, "Protectionism is a tax", "Jayant Menon", "speaker-line");
  assert_true(r.sf[sent_with(&r, "Dr. Sarah Chan, a trade")] & LXS_SENT_HEADER);
  assert_true(r.sf[sent_with(&r, "Speaker: Jayant")] & LXS_SENT_HEADER);
  assert_false(r.sf[sent_with(&r, "Protectionism is")] & LXS_SENT_HEADER);
  assert_string_equal(desc_of(&r, "Peter T C Chang"),
                      "deputy director of the Institute of China Studies, University of Malaya");
  assert_string_equal(desc_of(&r, "Jayant Menon"),
                      "visiting senior fellow, ISEAS-Yusof Ishak Institute");
  arun_free(&r);
}

static void bare_name_roundup(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "How should Asia respond to the tariff shock?\n\nWe asked two economists.\n\n"
           "Sarah Chan\n\nTrade economist, Asian Trade Centre\n\n"
           "Asia should respond by opening further. The worst thing the region could do is "
           "retaliate with tariffs of its own.\n\nJayant Menon\n\n"
           "The multilateral system is wounded but not dead. Regional agreements can keep its "
           "principles alive until Washington returns.\n",
           NULL);
  const char *want[] = {"author", "Sarah Chan", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "We asked two", "author", "author");
  EXPECT(&r, "Trade economist, Asian", "Sarah Chan", "header");
  assert_true(r.sf[sent_with(&r, "Trade economist, Asian")] & LXS_SENT_HEADER);
  EXPECT(&r, "The worst thing", "Sarah Chan", "header");
  EXPECT(&r, "Regional agreements can", "Jayant Menon", "header");
  assert_string_equal(desc_of(&r, "Sarah Chan"), "Trade economist, Asian Trade Centre");
  arun_free(&r);
}

static void qa_interview(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "qa-interview.txt");
  /* the reporter named in the introduction is not the interviewee */
  const char *want[] = {"author", "Kin Phea", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Global Times reporter Wang Qi", "author", "author");
  EXPECT(&r, "Q: How significant", "author", "qa");
  EXPECT(&r, "A: It is very significant", "Kin Phea", "qa");
  EXPECT(&r, "Our exporters gain", "Kin Phea", "qa");
  EXPECT(&r, "Small and medium-sized firms", "Kin Phea", "continuation");
  EXPECT(&r, "Q: Some analysts say", "author", "qa");
  EXPECT(&r, "Do you agree?", "author", "qa");
  EXPECT(&r, "A: No.", "Kin Phea", "qa");
  EXPECT(&r, "A: That openness works", "Kin Phea", "qa");
  assert_string_equal(desc_of(&r, "Kin Phea"),
                      "director general of the International Relations Institute of the "
                      "Royal Academy of Cambodia");
  arun_free(&r);
}

static void transcript_layout(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "transcript.txt");
  /* the moderator asks the questions: the publication's side, like Q: */
  const char *want[] = {"author", "Jayant Menon", "Deborah Elms", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "The following is an edited transcript", "author", "author");
  EXPECT(&r, "Li Wen: Let us start", "author", "transcript");
  EXPECT(&r, "Is the multilateral trading system finished", "author", "transcript");
  /* a short label resolves to the full name from the introduction */
  EXPECT(&r, "Menon: Not finished", "Jayant Menon", "transcript");
  EXPECT(&r, "Deborah Elms: I am", "Deborah Elms", "transcript");
  EXPECT(&r, "They would not bother", "Deborah Elms", "continuation");
  /* capitals normalised */
  EXPECT(&r, "LI WEN: What about", "author", "transcript");
  EXPECT(&r, "JAYANT MENON: They are a tax", "Jayant Menon", "transcript");
  assert_string_equal(desc_of(&r, "Jayant Menon"),
                      "a visiting senior fellow at the ISEAS-Yusof Ishak Institute");
  arun_free(&r);
  /* a panel whose chair is not introduced as such is quoted like the rest */
  arun_str(&r,
           "Kin Phea: The pact is a milestone for Cambodia.\n\n"
           "Deborah Elms: It is useful, but implementation will be slow.\n\n"
           "Kin Phea: We have already started.\n",
           NULL);
  const char *want2[] = {"author", "Kin Phea", "Deborah Elms", NULL};
  expect_speakers(&r, want2);
  EXPECT(&r, "We have already started", "Kin Phea", "transcript");
  arun_free(&r);
}

static void outlet_interview(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "gt-interview.txt");
  const char *want[] = {"author", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Editor's Note: Global Times reporter", "author", "author");
  EXPECT(&r, "GT: Why does", "author", "transcript");
  EXPECT(&r, "Menon: Because the US", "Jayant Menon", "transcript");
  EXPECT(&r, "Countries in the region are left", "Jayant Menon", "transcript");
  EXPECT(&r, "GT: Will smaller", "author", "transcript");
  EXPECT(&r, "Menon: Yes, if they", "Jayant Menon", "transcript");
  assert_string_equal(desc_of(&r, "Jayant Menon"),
                      "a visiting senior fellow at the ISEAS-Yusof Ishak Institute in Singapore");
  arun_free(&r);
}

static void oped_mentions_are_not_speakers(void **state) {
  (void)state;
  arun r;
  arun_fixture(&r, "oped.txt");
  const char *want[] = {"author", NULL};
  expect_speakers(&r, want);
  for (size_t s = 0; s < r.tk->nsent; s++) {
    assert_int_equal(r.ss[s], 0);
    assert_int_equal(r.cue[s], LXS_CUE_AUTHOR);
  }
  arun_free(&r);
}

static void quotes_introduced_and_split(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Indonesian Trade Minister Budi Santoso put it bluntly: \"We will not choose "
           "between our partners.\"\n\n"
           "The minister's comments came a day after Washington announced new duties.\n\n"
           "\"Is this how friends behave?\" Santoso asked.\n\n"
           "Deborah Elms, head of trade policy at the Hinrich Foundation, was unconvinced. "
           "\"The 'new normal' is here to stay,\" she said.\n\n"
           "Officials from Vietnam said they would seek an exemption. \"We are confident,\" the "
           "officials said.\n\n"
           "Kin Phea was blunt. \"Tariffs are a tax on our own consumers.\"\n\n"
           "\"Quotes without a speaker nearby are the author's own,\" wrote nobody.\n",
           NULL);
  const char *want[] = {"author", "Budi Santoso", "Deborah Elms", "Kin Phea", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "put it bluntly", "Budi Santoso", "said-before");
  EXPECT(&r, "The minister's comments", "author", "author");
  EXPECT(&r, "Is this how friends behave?", "Budi Santoso", "quote");
  EXPECT(&r, "Santoso asked.", "Budi Santoso", "short-name");
  EXPECT(&r, "here to stay", "Deborah Elms", "pronoun");
  EXPECT(&r, "Officials from Vietnam", "author", "author");
  EXPECT(&r, "We are confident", "author", "author");
  /* a quote right after a sentence about a person */
  EXPECT(&r, "Tariffs are a tax on our own", "Kin Phea", "quote");
  arun_free(&r);
}

static void inverted_and_titled_frames(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Chinese Foreign Ministry spokesperson Mao Ning said on Monday that the agreement "
           "sends a clear signal.\n\n"
           "\"China is willing to work with ASEAN countries,\" Mao said, adding that tariffs "
           "serve no one.\n\n"
           "U.S. Secretary of State Marco Rubio, who attended a related meeting, said the "
           "United States remained committed to the region.\n\n"
           "\"It's a big deal, but it won't replace the American market,\" said Rajiv Biswas, "
           "Asia-Pacific chief economist at S&P Global Market Intelligence.\n\n"
           "Philippine President Ferdinand Marcos Jr. called for calm. \"We have to be patient,\" "
           "Marcos told reporters.\n\n"
           "Kin Phea and Jayant Menon said the deal was overdue.\n\n"
           "Mr. Tan said the rules were clear.\n\n"
           "\"The risk is escalation,\" the Cambodian-born analyst said.\n",
           NULL);
  const char *want[] = {"author", "Mao Ning", "Marco Rubio", "Rajiv Biswas", "Ferdinand Marcos Jr",
                        "Tan",    NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "sends a clear signal", "Mao Ning", "indirect");
  EXPECT(&r, "China is willing", "Mao Ning", "short-name");
  EXPECT(&r, "remained committed", "Marco Rubio", "indirect");
  EXPECT(&r, "It's a big deal", "Rajiv Biswas", "said-after");
  /* "call for" reports a view (issue 15) */
  EXPECT(&r, "called for calm", "Ferdinand Marcos Jr", "indirect");
  EXPECT(&r, "We have to be patient", "Ferdinand Marcos Jr", "short-name");
  /* two people speaking together are nobody's in particular */
  EXPECT(&r, "the deal was overdue", "author", "author");
  EXPECT(&r, "the rules were clear", "Tan", "indirect");
  assert_string_equal(desc_of(&r, "Mao Ning"), "Chinese Foreign Ministry spokesperson");
  assert_string_equal(desc_of(&r, "Marco Rubio"), "U.S. Secretary of State");
  assert_string_equal(desc_of(&r, "Rajiv Biswas"),
                      "Asia-Pacific chief economist at S&P Global Market Intelligence");
  arun_free(&r);
}

static void pronoun_gender(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Jayant Menon, an economist, said the upgrade was overdue.\n\n"
           "Deborah Elms disagreed. \"It is a useful upgrade, not a revolution,\" she said.\n\n"
           "\"The region has no choice,\" he said.\n\n"
           "She added that implementation would be slow.\n",
           NULL);
  EXPECT(&r, "not a revolution", "Deborah Elms", "pronoun");
  EXPECT(&r, "The region has no choice", "Jayant Menon", "pronoun");
  EXPECT(&r, "implementation would be slow", "Deborah Elms", "continuation");
  arun_free(&r);
}

static void news_edge_cases(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "China's Ministry of Commerce (MOFCOM) on Thursday criticized new US export "
           "controls. \"The move seriously undermines the multilateral trading system,\" a "
           "MOFCOM spokesperson said at a press conference.\n\n"
           "Wang Yiwei, director of the Institute of International Affairs at Renmin "
           "University of China, told the Global Times on Sunday that the curbs would "
           "backfire. They would push companies to look elsewhere.\n\n"
           "He was told by US counterparts that more controls were coming.\n\n"
           "\"Washington is isolating itself,\" Wang noted.\n\n"
           "Jayant Menon, a senior fellow at ISEAS, speaks at a forum in Singapore on Monday\n\n"
           "Menon said the region would keep trading with both powers. He did not mention "
           "the chip curbs.\n",
           NULL);
  const char *want[] = {"author", "Ministry of Commerce", "Wang Yiwei", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "criticized new US export", "Ministry of Commerce", "indirect");
  assert_string_equal(desc_of(&r, "Ministry of Commerce"), "MOFCOM");
  /* an unnamed spokesperson is nobody we can name */
  EXPECT(&r, "seriously undermines", "author", "author");
  EXPECT(&r, "the curbs would backfire", "Wang Yiwei", "indirect");
  /* backshifted reported speech goes on; narrative about him does not */
  EXPECT(&r, "They would push companies", "Wang Yiwei", "continuation");
  EXPECT(&r, "He was told by US", "author", "author");
  EXPECT(&r, "Washington is isolating", "Wang Yiwei", "short-name");
  /* a photo caption is not a round-up header */
  EXPECT(&r, "speaks at a forum", "author", "author");
  EXPECT(&r, "keep trading with both", "Jayant Menon", "short-name");
  EXPECT(&r, "He did not mention", "author", "author");
  arun_free(&r);
}

static void multi_paragraph_quotes(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Trade ministers met on Monday.\n\n"
           "\"The region has done well out of open markets. We intend to keep it that way.\n\n"
           "\"Nobody should mistake our patience for weakness,\" Kin Phea said.\n\n"
           "Analysts were divided.\n\n"
           "\"The first paragraph of a long quote.\n\n"
           "\"The second paragraph.\n\n"
           "\"The third, and last,\" said Jayant Menon, a visiting senior fellow at ISEAS.\n\n"
           "\"An unattributed closing quote ends the piece.\n",
           NULL);
  const char *want[] = {"author", "Kin Phea", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  /* the speaker is named only at the end of the quotation */
  EXPECT(&r, "done well out of open markets", "Kin Phea", "quote");
  EXPECT(&r, "We intend to keep", "Kin Phea", "quote");
  EXPECT(&r, "mistake our patience", "Kin Phea", "said-after");
  EXPECT(&r, "Analysts were divided", "author", "author");
  EXPECT(&r, "The first paragraph", "Jayant Menon", "quote");
  EXPECT(&r, "The second paragraph", "Jayant Menon", "quote");
  EXPECT(&r, "The third, and last", "Jayant Menon", "said-after");
  EXPECT(&r, "An unattributed closing", "Jayant Menon", "continuation");
  arun_free(&r);
}

static void label_variants(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Editor's Note: Global Times reporter Wang Qi talked with Jayant Menon (Menon), a "
           "visiting senior fellow at the ISEAS-Yusof Ishak Institute, about the tariffs.\n\n"
           "Global Times (GT): Why does the upgrade matter now?\n\n"
           "Menon: Because the US has turned away from the system it built.\n\n"
           "GT: Will smaller members benefit?\n\n"
           "Menon: Yes, if they invest in digital infrastructure.\n\n"
           "Q. And the bigger members?\n\n"
           "A. They gain too.\n\n"
           "Published: Nov 02, 2025\n",
           NULL);
  const char *want[] = {"author", "Jayant Menon", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Global Times (GT): Why", "author", "transcript");
  EXPECT(&r, "Because the US has turned", "Jayant Menon", "transcript");
  EXPECT(&r, "Q. And the bigger", "author", "qa");
  EXPECT(&r, "A. They gain too", "Jayant Menon", "qa");
  assert_string_equal(desc_of(&r, "Jayant Menon"),
                      "a visiting senior fellow at the ISEAS-Yusof Ishak Institute");
  arun_free(&r);
}

static void odd_input_is_safe(void **state) {
  (void)state;
  const char *cases[] = {
      "",
      "\n\n\n",
      "\"",
      "\"\"\"\"",
      "said.",
      "\xe2\x80\x9c\xe2\x80\x9d \xe2\x80\x98 \xe2\x80\x99 said he.",
      "Q:\n\nA:\n\nQ: ?\n\nA: !",
      "Speaker:\n\nSpeaker: ,\n\n",
      "Jayant Menon,\n\nKin Phea\n\n\"",
      "According to\n\naccording to the\n\n, said , said Dr.",
      "Mr.\n\nDr. Dr. Dr. said.\n\n\"Hello,\" said the.",
      "\xff\xfe\xfd \"\xc3\x28 said Menon\xe2\x80\x9d",
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    arun r;
    arun_str(&r, cases[i], NULL);
    for (size_t s = 0; s < r.tk->nsent; s++) {
      assert_true(r.ss[s] < r.sp.n);
      assert_true(r.cue[s] < LXS_CUE_COUNT);
    }
    arun_free(&r);
  }
  /* byte soup built from the pieces attribution looks at */
  const char *bits[] = {"\"",
                        "\xe2\x80\x9c",
                        "\xe2\x80\x9d",
                        " said ",
                        " Menon",
                        " Jayant",
                        ", ",
                        ". ",
                        "\n\n",
                        "Q: ",
                        "A: ",
                        " he ",
                        " the economist ",
                        " according to ",
                        "(",
                        ")",
                        ":",
                        " Dr. ",
                        " Kin Phea",
                        " added ",
                        "\xe2\x80\x98",
                        "\xe2\x80\x99",
                        " who ",
                        "Speaker: "};
  unsigned seed = 12345;
  lxs_buf b;
  for (int round = 0; round < 200; round++) {
    lxs_buf_init(&b);
    int n = 20 + round * 3;
    for (int i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      lxs_buf_puts(&b, bits[(seed >> 16) % (sizeof bits / sizeof bits[0])]);
    }
    arun r;
    lxs_buf_putc(&b, 0);
    arun_text(&r, b.data, b.len - 1, NULL);
    for (size_t s = 0; s < r.tk->nsent; s++) assert_true(r.ss[s] < r.sp.n);
    arun_free(&r);
  }
}

static void names_that_look_like_titles(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Mervyn King, a former governor of the Bank of England, said the tariffs were a "
           "mistake. \"It is folly,\" King said.\n\n"
           "Dean Baker said prices would rise.\n\n"
           "China on Thursday said it would retaliate. Menon last week argued that the pact "
           "was overdue.\n\n"
           "Li Haidong, a professor at the China Foreign Affairs University, said the curbs "
           "would backfire. The expert noted that firms would adapt.\n\n"
           "\"We will respond,\" said the spokesperson for the ministry.\n\n"
           "According to him, the talks failed.\n",
           NULL);
  const char *want[] = {"author", "Mervyn King", "Dean Baker", "Menon", "Li Haidong", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "It is folly", "Mervyn King", "short-name");
  EXPECT(&r, "prices would rise", "Dean Baker", "indirect");
  /* a country is no speaker; a surname never introduced in full is one
   * (news often names a well-known person by surname alone) */
  EXPECT(&r, "China on Thursday said", "author", "author");
  EXPECT(&r, "Menon last week argued", "Menon", "short-name");
  /* "the expert" refers back to a professor */
  EXPECT(&r, "The expert noted", "Li Haidong", "description");
  /* a description matching nobody is not the last speaker */
  EXPECT(&r, "We will respond", "author", "author");
  EXPECT(&r, "According to him", "Li Haidong", "pronoun");
  arun_free(&r);
}

static void british_single_quotes(void **state) {
  (void)state;
  arun r;
  arun_str(
      &r,
      "Since the \xe2\x80\x98"
      "90s, trade in the region has grown fast.\n\n"
      "Jayant Menon said the region was open. \xe2\x80\x98We will not choose sides,\xe2\x80\x99 "
      "he said. \xe2\x80\x98Never.\xe2\x80\x99\n\n"
      "Deborah Elms, an analyst, said: \xe2\x80\x98It is a \xe2\x80\x9cnew normal\xe2\x80\x9d "
      "for the region, and it will last.\xe2\x80\x99\n",
      NULL);
  const char *want[] = {"author", "Jayant Menon", "Deborah Elms", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "Since the", "author", "author");
  EXPECT(&r, "We will not choose sides", "Jayant Menon", "pronoun");
  EXPECT(&r, "Never.", "Jayant Menon", "continuation");
  EXPECT(&r, "new normal", "Deborah Elms", "said-before");
  arun_free(&r);
}

static void asian_names_and_opinions(void **state) {
  (void)state;
  arun r;
  arun_str(&r,
           "Chinese Vice Premier He Lifeng said the talks were constructive. He added that "
           "more work was needed.\n\n"
           "Hong Kong said it would comply. Hong Lei, a former diplomat, said the region was "
           "calm. Long Yongtu, who was China's chief WTO negotiator, said the rules "
           "mattered.\n\n"
           "Jayant Menon, an economist, believes the pact will help. In his view, the US has "
           "walked away.\n\n"
           "In Kin Phea's view, the region is united. In China's view, the deal is a win. "
           "Trump announced tariffs on Monday.\n",
           NULL);
  const char *want[] = {"author",       "He Lifeng", "Hong Lei", "Long Yongtu",
                        "Jayant Menon", "Kin Phea",  NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "talks were constructive", "He Lifeng", "indirect");
  EXPECT(&r, "He added that", "He Lifeng", "continuation");
  EXPECT(&r, "Hong Kong said", "author", "author");
  EXPECT(&r, "the region was calm", "Hong Lei", "indirect");
  EXPECT(&r, "the rules mattered", "Long Yongtu", "indirect");
  EXPECT(&r, "believes the pact", "Jayant Menon", "indirect");
  EXPECT(&r, "In his view", "Jayant Menon", "pronoun");
  EXPECT(&r, "In Kin Phea's view", "Kin Phea", "according-to");
  EXPECT(&r, "In China's view", "author", "author");
  /* announcing is not speaking for a stance */
  EXPECT(&r, "Trump announced tariffs", "author", "author");
  assert_string_equal(desc_of(&r, "He Lifeng"), "Chinese Vice Premier");
  assert_string_equal(desc_of(&r, "Long Yongtu"), "China's chief WTO negotiator");
  arun_free(&r);
}

/* ---- names --------------------------------------------------------------- */

static void canon(const char *in, const char *want) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_canonical_name(in, strlen(in), &b);
  if (strcmp(b.data ? b.data : "", want) != 0)
    fail_msg("canonical(\"%s\") = \"%s\", want \"%s\"", in, b.data ? b.data : "", want);
  lxs_buf_free(&b);
}

char *lxs_clean_copy(const char *s, size_t n); /* src/attrib.h (its statics clash here) */

static void clean(const char *in, const char *want) {
  char *s = lxs_clean_copy(in, strlen(in));
  assert_string_equal(s, want);
  free(s);
}

/* Plain names are copied as they are; anything else goes the long way. */
static void clean_copies(void **state) {
  (void)state;
  clean("Jayant Menon", "Jayant Menon");
  clean("", "");
  clean("Jayant  Menon", "Jayant Menon");
  clean(" Jayant Menon ", "Jayant Menon");
  clean("Jayant\tMenon\n", "Jayant Menon");
  clean("Jos\xC3\xA9\xC2\xA0N\xC3\xBA\xC3\xB1"
        "ez",
        "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
        "ez");
  clean("Ann\xFFLi", "Ann\xEF\xBF\xBDLi");
}

static void name_normalisation(void **state) {
  (void)state;
  canon("Peter T C Chang", "Peter T C Chang");
  canon("Peter T.C. Chang", "Peter T C Chang");
  canon("Peter TC Chang", "Peter T C Chang");
  canon("Peter T. C. Chang", "Peter T C Chang");
  canon("Prof. Peter T.C. Chang", "Peter T C Chang");
  canon("Dr. Jayant Menon", "Jayant Menon");
  canon("Dr Jayant  Menon", "Jayant Menon");
  canon("Mr. Menon", "Menon");
  canon("Ms Deborah Elms", "Deborah Elms");
  canon("Mrs. Deborah Elms", "Deborah Elms");
  canon("Sen. Elizabeth Warren", "Elizabeth Warren");
  canon("President Xi Jinping", "Xi Jinping");
  canon("Foreign Minister Wang Yi", "Wang Yi");
  canon("Chinese Foreign Ministry spokesperson Mao Ning", "Mao Ning");
  canon("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim");
  canon("JAYANT MENON", "Jayant Menon");
  canon("Menon's", "Menon");
  canon("Menon\xE2\x80\x99s", "Menon");
  canon("Kin Phea", "Kin Phea");
  canon("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr");
  canon("Jayant Menon PhD", "Jayant Menon");
  canon("Ludwig van Beethoven", "Ludwig van Beethoven");
  canon("author", "author");
}

static void intern_dedupes_canonical(void **state) {
  (void)state;
  lxs_speakers sp;
  lxs_speakers_init(&sp);
  uint32_t a = lxs_speakers_intern(&sp, "Peter T.C. Chang", 16, "", 0);
  uint32_t b = lxs_speakers_intern(&sp, "Peter TC Chang", 14, "a scholar", 9);
  uint32_t c = lxs_speakers_intern(&sp, "prof. peter t c chang", 21, "other", 5);
  uint32_t d = lxs_speakers_intern(&sp, "Jayant Menon", 12, "", 0);
  uint32_t e = lxs_speakers_intern(&sp, "AUTHOR", 6, "", 0);
  assert_int_equal(a, 1);
  assert_int_equal(b, 1);
  assert_int_equal(c, 1);
  assert_int_equal(d, 2);
  assert_int_equal(e, 0);
  assert_string_equal(sp.names[1], "Peter T C Chang");
  assert_string_equal(sp.descs[1], "a scholar"); /* first non-empty wins */
  /* many speakers: the index stays consistent after rehashing */
  char nm[32];
  for (int i = 0; i < 500; i++) {
    snprintf(nm, sizeof nm, "Speaker Number%d", i);
    assert_int_equal(lxs_speakers_intern(&sp, nm, strlen(nm), "", 0), (uint32_t)(3 + i));
  }
  for (int i = 0; i < 500; i++) {
    snprintf(nm, sizeof nm, "speaker number%d", i);
    assert_int_equal(lxs_speakers_intern(&sp, nm, strlen(nm), "", 0), (uint32_t)(3 + i));
  }
  lxs_speakers_clear(&sp);
  assert_int_equal(sp.n, 1);
  assert_int_equal(lxs_speakers_intern(&sp, "Jayant Menon", 12, "", 0), 1);
  lxs_speakers_free(&sp);
}

static void same_person_across_articles(void **state) {
  (void)state;
  arun r1, r2;
  arun_str(&r1,
           "\"Regional deals matter,\" said Prof. Peter T.C. Chang of the University of Malaya.\n",
           NULL);
  arun_str(&r2,
           "Peter TC Chang, a scholar in Kuala Lumpur, said the pact was a milestone. "
           "\"It is a signal,\" Dr Chang said. Chang added that the WTO still mattered.\n",
           NULL);
  assert_int_equal(r1.sp.n, 2);
  assert_int_equal(r2.sp.n, 2);
  assert_string_equal(r1.sp.names[1], "Peter T C Chang");
  assert_string_equal(r2.sp.names[1], "Peter T C Chang");
  EXPECT(&r1, "Regional deals matter", "Peter T C Chang", "said-after");
  EXPECT(&r2, "It is a signal", "Peter T C Chang", "short-name");
  EXPECT(&r2, "Chang added", "Peter T C Chang", "continuation");
  assert_string_equal(desc_of(&r2, "Peter T C Chang"), "a scholar in Kuala Lumpur");
  arun_free(&r1);
  arun_free(&r2);
}

/* ---- hints ------------------------------------------------------------ */

static const char kHints[] = "# known speakers\n"
                             "Jayant Menon\tDr Menon\tthe ADB veteran\n"
                             "\n"
                             "Ministry of Commerce\tMOFCOM\tChinese Ministry of Commerce\r\n";

static void hints_resolve_aliases(void **state) {
  (void)state;
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  char err[256];
  assert_int_equal(
      lxs_speaker_hints_load_buffer(h, "hints.tsv", kHints, strlen(kHints), err, sizeof err),
      LXS_OK);
  assert_int_equal(lxs_speaker_hints_count(h), 2);
  assert_string_equal(h->items[0].name, "Jayant Menon");
  assert_int_equal(h->items[0].n_aliases, 2);
  assert_string_equal(h->items[1].aliases[1], "Chinese Ministry of Commerce");
  arun r;
  arun_str(&r,
           "Dr Menon said the pact was overdue.\n\n"
           "\"The region will benefit,\" said the ADB veteran.\n\n"
           "MOFCOM said the protocol \"demonstrates a shared commitment to multilateralism.\"\n\n"
           "The Chinese Ministry of Commerce said more talks would follow.\n\n"
           "China said it welcomed the deal.\n",
           h);
  const char *want[] = {"author", "Jayant Menon", "Ministry of Commerce", NULL};
  expect_speakers(&r, want);
  EXPECT(&r, "the pact was overdue", "Jayant Menon", "short-name");
  EXPECT(&r, "The region will benefit", "Jayant Menon", "short-name");
  EXPECT(&r, "MOFCOM said", "Ministry of Commerce", "short-name");
  EXPECT(&r, "more talks would follow", "Ministry of Commerce", "short-name");
  EXPECT(&r, "China said it welcomed", "author", "author");
  arun_free(&r);
  /* without hints nothing ties the short form to the name: two
   * organisations */
  arun_str(&r,
           "MOFCOM said the protocol was signed.\n\nThe Chinese Ministry of Commerce said "
           "more talks would follow.\n",
           NULL);
  const char *two[] = {"author", "MOFCOM", "Chinese Ministry of Commerce", NULL};
  expect_speakers(&r, two);
  arun_free(&r);
  lxs_speaker_hints_free(h);
}

/* The same speakers built through the API instead of a file. */
static void hints_built_through_the_api(void **state) {
  (void)state;
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  const char *aliases[] = {"Dr Menon", "the ADB veteran"};
  assert_int_equal(lxs_speaker_hints_add(h, "Jayant Menon", aliases, 2), LXS_OK);
  assert_int_equal(lxs_speaker_hints_add(h, "Jayant Menon", NULL, 0), LXS_OK); /* same one */
  assert_int_equal(lxs_speaker_hints_count(h), 1);
  const char *empty[] = {" "};
  assert_int_equal(lxs_speaker_hints_add(h, "Kin Phea", empty, 1), LXS_EINVAL);
  assert_int_equal(lxs_speaker_hints_add(h, "", NULL, 0), LXS_EINVAL);
  assert_int_equal(lxs_speaker_hints_count(h), 1);
  arun r;
  arun_str(&r,
           "Dr Menon said the pact was overdue.\n\n"
           "\"The region will benefit,\" said the ADB veteran.\n",
           h);
  EXPECT(&r, "the pact was overdue", "Jayant Menon", "short-name");
  EXPECT(&r, "The region will benefit", "Jayant Menon", "short-name");
  arun_free(&r);
  lxs_speaker_hints_free(h);
  lxs_speaker_hints_free(NULL);
}

static void hints_file_and_errors(void **state) {
  (void)state;
  char path[] = "/tmp/lxs-hints-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs(kHints, f);
  fclose(f);
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  char err[512];
  assert_int_equal(lxs_speaker_hints_load_file(h, path, err, sizeof err), LXS_OK);
  assert_int_equal(lxs_speaker_hints_count(h), 2);
  /* loading again merges by name */
  assert_int_equal(lxs_speaker_hints_load_file(h, path, err, sizeof err), LXS_OK);
  assert_int_equal(lxs_speaker_hints_count(h), 2);
  assert_int_equal(h->items[0].n_aliases, 2);
  remove(path);
  assert_int_equal(lxs_speaker_hints_load_file(h, path, err, sizeof err), LXS_EIO);
  assert_non_null(strstr(err, path));
  lxs_speaker_hints_free(h);

  struct {
    const char *data, *msg;
  } bad[] = {
      {"Jayant Menon\tMenon\n\tAlias\n", "s.tsv:2: empty speaker name"},
      {"# c\nJayant Menon\t\tMenon\n", "s.tsv:2: empty alias (field 2)"},
      {"Jayant Menon\tMenon\t\n", "s.tsv:1: empty alias (field 3)"},
      {"Kin Phea\n\nJayant \xff Menon\n", "s.tsv:3: invalid UTF-8"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    h = lxs_speaker_hints_new();
    int rc = lxs_speaker_hints_load_buffer(h, "s.tsv", bad[i].data, strlen(bad[i].data), err,
                                           sizeof err);
    assert_int_equal(rc, LXS_EDATA);
    assert_string_equal(err, bad[i].msg);
    lxs_speaker_hints_free(h);
  }
}

static void cue_names(void **state) {
  (void)state;
  const char *want[] = {"author",       "header",      "speaker-line", "qa",
                        "transcript",   "quote",       "said-after",   "said-before",
                        "according-to", "indirect",    "continuation", "pronoun",
                        "short-name",   "description", "headline",     "run-on"};
  assert_int_equal(LXS_CUE_COUNT, 16);
  for (int i = 0; i < LXS_CUE_COUNT; i++) assert_string_equal(lxs_cue_name(i), want[i]);
  assert_string_equal(lxs_cue_name(-1), "?");
  assert_string_equal(lxs_cue_name(LXS_CUE_COUNT), "?");
}

/* The embedded word lists parse cleanly, and their classes arrive. */
static void word_lists(void **state) {
  (void)state;
  char err[256] = "";
  if (lxs_wordclass_check(err, sizeof err) != LXS_OK) fail_msg("%s", err);
  assert_true(lxs_wclass("said", 4) & W_SAY);
  assert_true(lxs_wclass("SAID", 4) & W_SAY);
  assert_true(lxs_wclass("urged", 5) & W_WEAK);
  assert_true((lxs_wclass("Mrs", 3) & (W_TITLE | W_HONOR | W_FEMALE)) ==
              (W_TITLE | W_HONOR | W_FEMALE));
  /* "asked" is an opener in one file and a speech verb in another */
  assert_true((lxs_wclass("asked", 5) & (W_OPENER | W_SAY)) == (W_OPENER | W_SAY));
  assert_true(lxs_wclass("Beijing", 7) & W_PLACE);
  assert_int_equal(lxs_wclass("quay", 4), 0);
  assert_int_equal(lxs_wclass("", 0), 0);
  assert_string_equal(lxs_wclass_name(0), "title");
  assert_null(lxs_wclass_name(W_NCLASSES));
}

/* The plain lists (.txt) are read whole and in order, comments skipped;
 * they are no class lists ("statute" has no class). */
static void plain_word_lists(void **state) {
  (void)state;
  const char *w;
  size_t n, count = 0;
  lxs_word_cursor c = lxs_word_list("common.txt");
  assert_true(lxs_word_list_next(&c, &w, &n));
  assert_int_equal(n, 1);
  assert_memory_equal(w, "a", 1);
  count = 1;
  const char *last = w;
  size_t lastn = n;
  while (lxs_word_list_next(&c, &w, &n)) {
    count++;
    last = w;
    lastn = n;
  }
  assert_int_equal(count, 3057);
  assert_int_equal(lastn, 4);
  assert_memory_equal(last, "zone", 4);
  assert_int_equal(lxs_wclass("statute", 7), 0);
  c = lxs_word_list("stopwords.txt");
  for (count = 0; lxs_word_list_next(&c, &w, &n);) count++;
  assert_int_equal(count, 167);
  c = lxs_word_list("missing.txt");
  assert_false(lxs_word_list_next(&c, &w, &n));
  c = lxs_word_list("mmon.txt"); /* a whole file name, not a suffix */
  assert_false(lxs_word_list_next(&c, &w, &n));
}

/* ---- scale ------------------------------------------------------------ */

static const char *const kSyl[] = {"ka", "lo", "mi", "ran", "tei", "su", "vi", "no", "pe", "dar",
                                   "zu", "ri", "ho", "ben", "ta",  "lu", "ge", "mo", "si", "fa"};

static void gen_name(unsigned i, char *first, char *last) {
  snprintf(first, 32, "%s%s%s", kSyl[i % 20], kSyl[(i / 20) % 20], kSyl[(i / 400) % 20]);
  snprintf(last, 32, "%s%s", kSyl[(i / 8000 + i * 7) % 20], kSyl[(i * 3 + 1) % 20]);
  first[0] = (char)(first[0] - 32);
  last[0] = (char)(last[0] - 32);
}

/* A long article with thousands of speakers in every prose pattern; the
 * pass must stay linear (this would take minutes if it rescanned). */
static void long_article_is_linear(void **state) {
  (void)state;
  const unsigned N = 12000;
  lxs_buf b;
  lxs_buf_init(&b);
  char first[32], last[32];
  for (unsigned i = 0; i < N; i++) {
    gen_name(i, first, last);
    switch (i % 4) {
    case 0:
      lxs_buf_printf(&b,
                     "%s %s, a researcher at the Institute, said the tariffs were harmful. "
                     "\"Trade is good for everyone,\" %s added.\n\n",
                     first, last, last);
      break;
    case 1:
      lxs_buf_printf(&b,
                     "\"The region must stay open to trade,\" said %s %s. \"Rules matter.\n\n"
                     "\"They always have.\"\n\n",
                     first, last);
      break;
    case 2:
      lxs_buf_printf(&b,
                     "According to %s %s, the agreement is a milestone. "
                     "Exports rose last year.\n\n",
                     first, last);
      break;
    default:
      lxs_buf_printf(&b,
                     "%s %s, an economist at the bank, was blunt. \"Tariffs are a tax on "
                     "consumers,\" he said. The economist noted that prices rose.\n\n",
                     first, last);
    }
  }
  /* one very long paragraph of sentences and one long quotation */
  lxs_buf_puts(&b, "Kin Phea said the following. \"");
  for (unsigned i = 0; i < 20000; i++) lxs_buf_puts(&b, "Trade rose again. ");
  lxs_buf_puts(&b, "\"\n\n");
  for (unsigned i = 0; i < 20000; i++) lxs_buf_puts(&b, "\"\" \" \"a\" \" ");
  lxs_buf_puts(&b, "said Jayant Menon.\n");
  arun r;
  arun_text(&r, b.data, b.len, NULL);
  assert_true(r.sp.n >= N + 1);
  size_t s = 0;
  for (unsigned i = 0; i < N; i++) {
    gen_name(i, first, last);
    char full[80];
    snprintf(full, sizeof full, "%s %s", first, last);
    int per = i % 4 == 0 ? 2 : i % 4 == 1 ? 3 : i % 4 == 2 ? 2 : 3;
    for (int k = 0; k < per; k++, s++) {
      int narrative = (i % 4 == 2 && k == 1) || (i % 4 == 3 && k == 0);
      const char *want = narrative ? "author" : full;
      if (strcmp(r.sp.names[r.ss[s]], want) != 0)
        fail_msg("paragraph %u sentence %d: %s, want %s", i, k, r.sp.names[r.ss[s]], want);
    }
  }
  assert_string_equal(r.sp.names[r.ss[s]], "Kin Phea");
  assert_string_equal(r.sp.names[r.ss[s + 1]], "Kin Phea");
  assert_string_equal(r.sp.names[r.ss[s + 19999]], "Kin Phea");
  arun_free(&r); /* frees b.data */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(seed_roundup),
      cmocka_unit_test(segment_matches_attribute),
      cmocka_unit_test(wire_story),
      cmocka_unit_test(according_to_story),
      cmocka_unit_test(roundup_layout),
      cmocka_unit_test(bare_name_roundup),
      cmocka_unit_test(qa_interview),
      cmocka_unit_test(transcript_layout),
      cmocka_unit_test(outlet_interview),
      cmocka_unit_test(oped_mentions_are_not_speakers),
      cmocka_unit_test(quotes_introduced_and_split),
      cmocka_unit_test(inverted_and_titled_frames),
      cmocka_unit_test(pronoun_gender),
      cmocka_unit_test(news_edge_cases),
      cmocka_unit_test(multi_paragraph_quotes),
      cmocka_unit_test(label_variants),
      cmocka_unit_test(odd_input_is_safe),
      cmocka_unit_test(names_that_look_like_titles),
      cmocka_unit_test(british_single_quotes),
      cmocka_unit_test(asian_names_and_opinions),
      cmocka_unit_test(clean_copies),
      cmocka_unit_test(name_normalisation),
      cmocka_unit_test(intern_dedupes_canonical),
      cmocka_unit_test(same_person_across_articles),
      cmocka_unit_test(hints_resolve_aliases),
      cmocka_unit_test(hints_built_through_the_api),
      cmocka_unit_test(hints_file_and_errors),
      cmocka_unit_test(cue_names),
      cmocka_unit_test(word_lists),
      cmocka_unit_test(plain_word_lists),
      cmocka_unit_test(long_article_is_linear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
