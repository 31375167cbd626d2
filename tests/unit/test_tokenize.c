/* test_tokenize.c - stage 1: words, punctuation, sentences, paragraphs. */
#include "testutil.h"

#include <time.h>

#include "tokenize.h"
#include "utf8.h"

static lxs_tokenizer *tk;

static int setup(void **state) {
  (void)state;
  tk = lxs_tokenizer_new();
  return tk ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  lxs_tokenizer_free(tk);
  return 0;
}

static void tok(const char *text, size_t len) { lxs_tokenize(tk, text, len); }
static void toks(const char *text) { tok(text, strlen(text)); }

/* Normal forms of the word tokens (compound parts included, marked with
 * '+'), joined with '|'. */
static const char *norms(void) {
  static char buf[4096];
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < tk->ntok; i++) {
    const lxs_token *k = &tk->toks[i];
    if (k->kind != LXS_TOK_WORD) continue;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s", n ? "|" : "",
                          (k->flags & LXS_TF_PART) ? "+" : "", lxs_tok_norm(tk, k));
    assert_true(n < sizeof buf);
  }
  return buf;
}

/* Sentences as the original text they span, joined with '|'. */
static const char *sentences(const char *text) {
  static char buf[4096];
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < tk->nsent; i++) {
    const lxs_sent *s = &tk->sents[i];
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s", i ? "|" : "", (int)(s->end - s->start),
                          text + s->start);
    assert_true(n < sizeof buf);
  }
  return buf;
}

static const lxs_token *word(size_t i) {
  size_t w = 0;
  for (size_t k = 0; k < tk->ntok; k++) {
    if (tk->toks[k].kind != LXS_TOK_WORD) continue;
    if (w++ == i) return &tk->toks[k];
  }
  fail_msg("no word %zu", i);
  return NULL;
}

/* ---- offsets and normal forms ------------------------------------------ */

static void offsets_slice_the_original_text(void **state) {
  (void)state;
  const char *t = "  The  cat,\tsat (twice).";
  toks(t);
  assert_int_equal(tk->ntok, 8);
  assert_span(t, tk->toks[0].start, tk->toks[0].end, "The");
  assert_span(t, tk->toks[1].start, tk->toks[1].end, "cat");
  assert_span(t, tk->toks[2].start, tk->toks[2].end, ",");
  assert_int_equal(tk->toks[2].kind, LXS_TOK_PUNCT);
  assert_int_equal(tk->toks[2].punct, LXS_P_COMMA);
  assert_span(t, tk->toks[3].start, tk->toks[3].end, "sat");
  assert_span(t, tk->toks[4].start, tk->toks[4].end, "(");
  assert_int_equal(tk->toks[4].punct, LXS_P_OPEN);
  assert_span(t, tk->toks[5].start, tk->toks[5].end, "twice");
  assert_span(t, tk->toks[6].start, tk->toks[6].end, ")");
  assert_int_equal(tk->toks[6].punct, LXS_P_CLOSE);
  assert_span(t, tk->toks[7].start, tk->toks[7].end, ".");
  assert_int_equal(tk->toks[7].punct, LXS_P_PERIOD);
  assert_string_equal(norms(), "the|cat|sat|twice");
  assert_int_equal(tk->nwords, 4);
}

static void normal_forms_are_case_folded_nfc(void **state) {
  (void)state;
  /* precomposed, decomposed (e + U+0301), upper case, sharp s */
  const char *t = "CAF\xC3\x89 Cafe\xCC\x81 caf\xC3\xA9 Stra\xC3\x9F"
                  "e";
  toks(t);
  assert_string_equal(norms(), "caf\xC3\xA9|caf\xC3\xA9|caf\xC3\xA9|strasse");
  /* offsets still cover the original bytes, not the normal form */
  assert_span(t, word(1)->start, word(1)->end, "Cafe\xCC\x81");
  assert_span(t, word(3)->start, word(3)->end,
              "Stra\xC3\x9F"
              "e");
  assert_true(word(0)->flags & LXS_TF_ALLCAPS);
  assert_true(word(1)->flags & LXS_TF_CAPITAL);
  assert_false(word(2)->flags & LXS_TF_CAPITAL);
}

static void curly_apostrophe_normalised_to_ascii(void **state) {
  (void)state;
  const char *t = "China\xE2\x80\x99s role";
  toks(t);
  assert_string_equal(norms(), "china's|role");
  assert_span(t, word(0)->start, word(0)->end, "China\xE2\x80\x99s");
  /* both curly marks, upper case; and one beside another non-ASCII letter */
  toks("O\xE2\x80\x98NEILL\xE2\x80\x99S caf\xC3\xA9\xE2\x80\x99s");
  assert_string_equal(norms(), "o'neill's|caf\xC3\xA9's");
}

static void no_break_space_separates_words(void **state) {
  (void)state;
  const char *t = "Global\xC2\xA0South\xE2\x80\x89rises"; /* NBSP, thin space */
  toks(t);
  assert_string_equal(norms(), "global|south|rises");
  assert_span(t, word(0)->start, word(0)->end, "Global");
  assert_span(t, word(1)->start, word(1)->end, "South");
  assert_span(t, word(2)->start, word(2)->end, "rises");
}

/* ---- abbreviations and numbers ----------------------------------------- */

static void dotted_acronym_is_one_token_with_key(void **state) {
  (void)state;
  const char *t = "The U.S. economy grew.";
  toks(t);
  assert_string_equal(norms(), "the|us|economy|grew");
  const lxs_token *us = word(1);
  assert_span(t, us->start, us->end, "U.S.");
  assert_true(us->flags & LXS_TF_ACRO);
  assert_true(us->flags & LXS_TF_ABBR);
  assert_string_equal(lxs_tok_acro(tk, us), "US");
  /* "economy" is lower case: the acronym's period does not end the sentence */
  assert_int_equal(tk->nsent, 1);
  assert_string_equal(sentences(t), "The U.S. economy grew.");
}

/* The possessive belongs to the acronym ("U.S.'s" -> key "US"); it must not
 * leave a stray word "s". */
static void dotted_acronym_possessive_is_one_word(void **state) {
  (void)state;
  const char *t = "The U.S.'s stance.";
  toks(t);
  assert_int_equal(tk->nwords, 3);
  assert_span(t, word(1)->start, word(1)->end, "U.S.'s");
  assert_string_equal(lxs_tok_acro(tk, word(1)), "US");
}

static void all_caps_word_has_acronym_key(void **state) {
  (void)state;
  toks("US and us and Us");
  assert_true(word(0)->flags & LXS_TF_ACRO);
  assert_string_equal(lxs_tok_acro(tk, word(0)), "US");
  assert_false(word(2)->flags & LXS_TF_ACRO);
  assert_false(word(4)->flags & LXS_TF_ACRO);
  assert_string_equal(norms(), "us|and|us|and|us");
}

static void acronym_period_ends_sentence_before_capital_opener(void **state) {
  (void)state;
  const char *t = "Jobs moved to the U.S. The trend continued.";
  toks(t);
  assert_string_equal(sentences(t), "Jobs moved to the U.S.|The trend continued.");
}

static void title_abbreviation_does_not_split(void **state) {
  (void)state;
  const char *t = "Dr. Menon and Mr. Chang spoke. They agreed.";
  toks(t);
  assert_string_equal(sentences(t), "Dr. Menon and Mr. Chang spoke.|They agreed.");
  assert_span(t, word(0)->start, word(0)->end, "Dr.");
  assert_true(word(0)->flags & LXS_TF_ABBR);
  assert_string_equal(lxs_tok_norm(tk, word(0)), "dr");
  /* the longest abbreviations, before a capital and before a number */
  const char *u = "Messrs. Menon and Chang met approx. 5 ministers. Prof. Li came.";
  toks(u);
  assert_string_equal(sentences(u), "Messrs. Menon and Chang met approx. 5 ministers.|"
                                    "Prof. Li came.");
}

/* "no" is a title only in "No. 5"; as a plain word its period ends the
 * sentence. */
static void word_no_at_sentence_end_splits(void **state) {
  (void)state;
  const char *t = "The answer was no. Then talks resumed.";
  toks(t);
  assert_string_equal(sentences(t), "The answer was no.|Then talks resumed.");
}

/* A period that ends the text (a line's last "word.") ends the sentence
 * and stays out of the word; an abbreviation there still takes it. */
static void period_at_end_of_text(void **state) {
  (void)state;
  const char *t = "Tariffs rose.";
  toks(t);
  assert_string_equal(norms(), "tariffs|rose");
  assert_int_equal(tk->ntok, 3);
  assert_span(t, word(1)->start, word(1)->end, "rose");
  assert_int_equal(tk->nsent, 1);
  assert_string_equal(sentences(t), "Tariffs rose.");
  const char *u = "She met Dr.";
  toks(u);
  assert_span(u, word(2)->start, word(2)->end, "Dr.");
  assert_true(word(2)->flags & LXS_TF_ABBR);
  const char *v = "It was 3.";
  toks(v);
  assert_string_equal(norms(), "it|was|3");
  assert_span(v, word(2)->start, word(2)->end, "3");
}

static void decimal_and_thousands_are_one_token(void **state) {
  (void)state;
  const char *t = "CAFTA 3.0 covers 1,000 firms in 2025, and 3.5.";
  toks(t);
  assert_string_equal(norms(), "cafta|3.0|covers|1,000|firms|in|2025|and|3.5");
  assert_span(t, word(1)->start, word(1)->end, "3.0");
  assert_true(word(1)->flags & LXS_TF_NUMBER);
  assert_span(t, word(3)->start, word(3)->end, "1,000");
  assert_span(t, word(6)->start, word(6)->end, "2025");
  assert_span(t, word(8)->start, word(8)->end, "3.5");
  assert_int_equal(tk->nsent, 1);
  /* the final period is punctuation, not part of the number */
  assert_int_equal(tk->toks[tk->ntok - 1].kind, LXS_TOK_PUNCT);
  assert_int_equal(tk->toks[tk->ntok - 1].punct, LXS_P_PERIOD);
}

/* ---- sentences and paragraphs ------------------------------------------ */

static void sentences_split_on_period_exclamation_question(void **state) {
  (void)state;
  const char *t = "It works. Does it? Yes! Fine...  Done";
  toks(t);
  assert_string_equal(sentences(t), "It works.|Does it?|Yes!|Fine...|Done");
  for (size_t i = 0; i < tk->nsent; i++) assert_int_equal(tk->sents[i].paragraph, 0);
  assert_int_equal(tk->npara, 1);
}

static void closing_quotes_stay_in_the_sentence(void **state) {
  (void)state;
  const char *t =
      "He said \"It works.\" Then \xE2\x80\x9CGreat!\xE2\x80\x9D She said (really?) Next.";
  toks(t);
  assert_string_equal(sentences(t), "He said \"It works.\"|Then \xE2\x80\x9CGreat!\xE2\x80\x9D"
                                    "|She said (really?)|Next.");
}

static void sentence_counts_words(void **state) {
  (void)state;
  toks("One two three. Four.");
  assert_int_equal(tk->nsent, 2);
  assert_int_equal(tk->sents[0].nwords, 3);
  assert_int_equal(tk->sents[1].nwords, 1);
  assert_int_equal(tk->sents[1].first_tok, 4);
  assert_int_equal(tk->sents[1].ntok, 2);
}

static void blank_line_starts_paragraph(void **state) {
  (void)state;
  const char *t = "One. Two.\n\n  \nThree.";
  toks(t);
  assert_int_equal(tk->npara, 2);
  assert_int_equal(tk->nsent, 3);
  assert_int_equal(tk->sents[1].paragraph, 0);
  assert_int_equal(tk->sents[2].paragraph, 1);
  assert_int_equal(tk->paras[1].first_sent, 2);
  assert_int_equal(tk->paras[1].nsent, 1);
  assert_span(t, tk->paras[0].start, tk->paras[0].end, "One. Two.");
  assert_span(t, tk->paras[1].start, tk->paras[1].end, "Three.");
}

static void single_newline_starts_paragraph(void **state) {
  (void)state;
  const char *t = "A headline without period\nBody text follows here.";
  toks(t);
  assert_int_equal(tk->npara, 2);
  assert_string_equal(sentences(t), "A headline without period|Body text follows here.");
  assert_int_equal(tk->sents[1].paragraph, 1);
}

/* Hard-wrapped prose (many lines of similar length, blank-line paragraphs):
 * a single newline is a soft wrap, not a boundary. */
static void hard_wrapped_text_joins_lines(void **state) {
  (void)state;
  const char *t = "The agreement between the two blocs was signed in October\n"
                  "after years of negotiation, and both sides said it would\n"
                  "bring more certainty to regional trade in difficult times.\n"
                  "\n"
                  "Officials from every member state attended the ceremony in\n"
                  "the capital, where the new chapters were presented in full\n"
                  "to the press and to business groups from across the region.\n";
  toks(t);
  assert_int_equal(tk->npara, 2);
  assert_int_equal(tk->nsent, 2);
  assert_int_equal(tk->sents[0].nwords, 29);
}

/* ---- compounds and contractions ---------------------------------------- */

static void hyphenated_compound_then_parts(void **state) {
  (void)state;
  const char *t = "A rules-based order.";
  toks(t);
  assert_string_equal(norms(), "a|rules-based|+rules|+based|order");
  const lxs_token *c = &tk->toks[1];
  assert_true(c->flags & LXS_TF_COMPOUND);
  assert_int_equal(c->nparts, 2);
  assert_span(t, c->start, c->end, "rules-based");
  assert_true(tk->toks[2].flags & LXS_TF_PART);
  assert_span(t, tk->toks[2].start, tk->toks[2].end, "rules");
  assert_true(tk->toks[3].flags & LXS_TF_PART);
  assert_span(t, tk->toks[3].start, tk->toks[3].end, "based");
  assert_false(tk->toks[4].flags & (LXS_TF_PART | LXS_TF_COMPOUND));
  /* parts are not counted as extra words */
  assert_int_equal(tk->sents[0].nwords, 3);
  assert_int_equal(tk->nwords, 3);
}

static void three_part_compound(void **state) {
  (void)state;
  const char *t = "forward-looking small-and-medium firms";
  toks(t);
  assert_string_equal(norms(), "forward-looking|+forward|+looking|small-and-medium|"
                               "+small|+and|+medium|firms");
  assert_int_equal(tk->toks[3].nparts, 3);
}

static void suspended_hyphen_and_dash_are_not_compounds(void **state) {
  (void)state;
  const char *t = "micro-, small- and medium-sized firms - and others";
  toks(t);
  assert_string_equal(norms(), "micro|small|and|medium-sized|+medium|+sized|firms|and|others");
}

static void contraction_splits_nt(void **state) {
  (void)state;
  const char *t = "We don't agree. They didn\xE2\x80\x99t.";
  toks(t);
  assert_string_equal(norms(), "we|do|n't|agree|they|did|n't");
  assert_span(t, word(1)->start, word(1)->end, "do");
  assert_span(t, word(2)->start, word(2)->end, "n't");
  assert_true(word(2)->flags & LXS_TF_NT);
  assert_span(t, word(6)->start, word(6)->end, "n\xE2\x80\x99t");
  assert_int_equal(tk->sents[0].nwords, 4);
}

/* ---- hostile input ----------------------------------------------------- */

static void assert_words_valid_utf8(const char *t) {
  for (size_t i = 0; i < tk->ntok; i++) {
    const lxs_token *k = &tk->toks[i];
    if (k->kind != LXS_TOK_WORD) continue;
    size_t n = k->end - k->start;
    assert_int_equal(lxs_utf8_validate(t + k->start, n), n);
    assert_int_equal(lxs_utf8_validate(lxs_tok_norm(tk, k), k->norm_len), k->norm_len);
    assert_null(strstr(lxs_tok_norm(tk, k), "\xEF\xBF\xBD"));
  }
}

static void invalid_utf8_never_inside_words(void **state) {
  (void)state;
  static const char *const bad[] = {
      "\xFF",             /* lone byte */
      "\xE2\x82",         /* truncated 3-byte sequence */
      "\xC0\xAF",         /* overlong '/' */
      "\xED\xA0\x80",     /* UTF-16 surrogate */
      "\xF4\x90\x80\x80", /* beyond U+10FFFF */
      "\x80\x80",         /* stray continuation bytes */
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char t[64];
    int n = snprintf(t, sizeof t, "ab%scd %sef%s", bad[i], bad[i], bad[i]);
    tok(t, (size_t)n);
    assert_string_equal(norms(), "ab|cd|ef");
    assert_words_valid_utf8(t);
  }
}

static void truncated_sequence_at_end_of_input(void **state) {
  (void)state;
  const char t[] = "trade \xE2\x80";
  tok(t, sizeof t - 1);
  assert_string_equal(norms(), "trade");
  assert_int_equal(tk->sents[0].end, 5);
}

static void nul_bytes_separate_words(void **state) {
  (void)state;
  const char t[] = "alpha\0beta\0\0gamma.";
  tok(t, sizeof t - 1);
  assert_string_equal(norms(), "alpha|beta|gamma");
  assert_int_equal(word(1)->start, 6);
  assert_int_equal(word(2)->start, 12);
}

/* The folded key of a name: ASCII lower-cased (without utf8proc) and
 * other letters folded and stripped of marks, the same either way; runs
 * of anything else are one space, none at the ends. */
static void fold_key_ascii_and_accented_agree(void **state) {
  (void)state;
  lxs_buf b;
  lxs_buf_init(&b);
  const char *ascii = "  Dr. O'Neil-SMITH 3rd! ";
  lxs_utf8_fold_key(ascii, strlen(ascii), &b);
  assert_string_equal(b.data, "dr o neil smith 3rd");
  b.len = 0;
  const char *accented = "Jos\xC3\xA9 \xC3\x89MILE\xE2\x80\x94Stra\xC3\x9F"
                         "e";
  lxs_utf8_fold_key(accented, strlen(accented), &b);
  assert_string_equal(b.data, "jose emile strasse");
  b.len = 0;
  const char *compat = "\xEF\xBC\xA1"
                       "b\xE2\x85\xA0"; /* fullwidth A, b, Roman numeral one */
  lxs_utf8_fold_key(compat, strlen(compat), &b);
  assert_string_equal(b.data, "abi");
  /* appended after what the buffer holds: no space before the key's first
   * character, one per gap, across ASCII and non-ASCII runs alike; a long
   * run of separators and letters grows the buffer as it goes */
  b.len = 0;
  lxs_buf_puts(&b, "k:");
  const char *mixed = "..a, \xC3\xA9-b..\xE2\x80\x94 C";
  lxs_utf8_fold_key(mixed, strlen(mixed), &b);
  assert_string_equal(b.data, "k:a e b c");
  b.len = 0;
  char many[601];
  for (int i = 0; i < 600; i++) many[i] = i % 2 ? ' ' : 'Q';
  many[600] = '\0';
  lxs_utf8_fold_key(many, 600, &b);
  assert_int_equal(b.len, 599);
  assert_int_equal(b.data[598], 'q');
  assert_int_equal(b.data[599], '\0');
  lxs_buf_free(&b);
}

static void byte_order_mark_is_skipped(void **state) {
  (void)state;
  const char *t = "\xEF\xBB\xBFHello world.";
  toks(t);
  assert_string_equal(norms(), "hello|world");
  assert_int_equal(word(0)->start, 3);
  assert_int_equal(tk->sents[0].start, 3);
  assert_true(word(0)->flags & LXS_TF_CAPITAL);
}

static void crlf_line_ends(void **state) {
  (void)state;
  const char *t = "First line.\r\nSecond line.\r\n\r\nThird.\r\n";
  toks(t);
  assert_string_equal(sentences(t), "First line.|Second line.|Third.");
  assert_int_equal(tk->npara, 3);
  for (size_t i = 0; i < tk->ntok; i++)
    assert_null(memchr(t + tk->toks[i].start, '\r', tk->toks[i].end - tk->toks[i].start));
}

/* The sentence-end word lists are data (the .txt files of lexicons/words/): they are
 * embedded whole, and each of them is read ("approx." from the titles,
 * "No." before a number, "U.S." before a non-opener, "The" as opener). */
static void sentence_end_lists_are_data(void **state) {
  (void)state;
  char err[256] = "";
  assert_int_equal(lxs_tokenize_lists_check(err, sizeof err), LXS_OK);
  assert_string_equal(err, "");
  lxs_tokenizer *t = lxs_tokenizer_new();
  const char *a = "It costs approx. five dollars. See No. 5 now. The U.S. tariffs rose. "
                  "They met in the U.S. The talks ended.";
  lxs_tokenize(t, a, strlen(a));
  assert_int_equal(t->nsent, 5);
  lxs_tokenizer_free(t);
}

static void empty_and_blank_input(void **state) {
  (void)state;
  toks("A sentence first.");
  assert_int_equal(tk->nsent, 1);
  tok("", 0);
  assert_int_equal(tk->ntok, 0);
  assert_int_equal(tk->nsent, 0);
  assert_int_equal(tk->npara, 0);
  assert_int_equal(tk->nwords, 0);
  toks(" \n\n\t\r\n \xC2\xA0 ");
  assert_int_equal(tk->ntok, 0);
  assert_int_equal(tk->nsent, 0);
  assert_int_equal(tk->npara, 0);
  toks("... !? -- ,");
  assert_int_equal(tk->nwords, 0);
  assert_int_equal(tk->nsent, 0);
}

static double seconds(clock_t a, clock_t b) { return (double)(b - a) / CLOCKS_PER_SEC; }

static void megabyte_word_is_one_token_in_linear_time(void **state) {
  (void)state;
  size_t n = 1u << 20;
  char *t = malloc(4 * n + 1);
  assert_non_null(t);
  memset(t, 'a', 4 * n);
  t[4 * n] = '\0';
  clock_t c0 = clock();
  tok(t, n);
  clock_t c1 = clock();
  assert_int_equal(tk->ntok, 1);
  assert_int_equal(tk->toks[0].end, n);
  assert_int_equal(tk->toks[0].norm_len, n);
  tok(t, 4 * n);
  clock_t c2 = clock();
  assert_int_equal(tk->ntok, 1);
  assert_int_equal(tk->toks[0].end, 4 * n);
  /* 4x the input must not take much more than 4x the time */
  double t1 = seconds(c0, c1), t4 = seconds(c1, c2);
  if (t4 > 0.05 && t4 > 8 * t1 + 0.02) fail_msg("1 MB: %.3fs, 4 MB: %.3fs (not linear)", t1, t4);
  free(t);
}

static void megabyte_word_through_the_scorer(void **state) {
  (void)state;
  lxs_lexicon *lex = test_lexicon("tariff\tprot\ttarget\t1\n");
  lxs_scorer *sc = test_scorer(lex);
  size_t n = 1u << 20;
  char *t = malloc(n + 32);
  assert_non_null(t);
  memset(t, 'x', n);
  strcpy(t + n, " tariffs.");
  const lxs_result *r = test_run(sc, t);
  assert_int_equal(r->n_sentences, 1);
  assert_int_equal(r->sentences[0].tokens, 2);
  assert_int_equal(test_score(r, lex, 0, "prot")->mentions, 1);
  free(t);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
}

/* The fast ASCII path hashes words from its SIMD register; the hash must
 * equal lxs_hash_word of the normal form whatever the word's length, case,
 * position or what follows it (the end of the text included). */
static void word_hash_is_hash_of_normal_form(void **state) {
  (void)state;
  const char *texts[] = {"a An THE Trade-war U.S. don't 3.0 naïve abcdefgh abcdefghi "
                         "ABCDEFGHIJKLMNOP abcdefghijklmnopq x1234567890123456789 end",
                         "abcdefghijklmno",
                         "abcdefghijklmnop",
                         "Seventeen-letters",
                         "word.",
                         "zz\tyy\nxx,ww;vv(uu)",
                         "multilateralism's WTO-led rules-based"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    toks(texts[i]);
    size_t words = 0;
    for (size_t j = 0; j < tk->ntok; j++) {
      const lxs_token *k = &tk->toks[j];
      if (k->kind != LXS_TOK_WORD) continue;
      words++;
      assert_true(k->hash == lxs_hash_word(lxs_tok_norm(tk, k), k->norm_len));
    }
    assert_true(words > 0);
  }
  /* every prefix length of a long word, ending at the end of the text */
  char buf[40];
  for (size_t n = 1; n < sizeof buf; n++) {
    memset(buf, 'Q', n);
    tok(buf, n);
    assert_int_equal(tk->ntok, 1);
    assert_true(tk->toks[0].hash == lxs_hash_word(lxs_tok_norm(tk, &tk->toks[0]), n));
  }
}

/* Each token's word position in its sentence: the words before it; a
 * compound's parts share the compound's, the "n't" of a contraction is a
 * word of its own, punctuation has the position of the word after it. */
static void word_positions(void **state) {
  (void)state;
  const char *text = "Free trade isn't well-known, Dr. Lee said. Tariffs rose.";
  /* Free trade is n't well-known well known , Dr. Lee said . Tariffs rose . */
  const uint32_t want[] = {0, 1, 2, 3, 4, 4, 4, 5, 5, 6, 7, 8, 0, 1, 2};
  for (int general = 0; general < 2; general++) {
    tk->general_only = general;
    toks(text);
    assert_int_equal(tk->ntok, sizeof want / sizeof *want);
    for (size_t i = 0; i < tk->ntok; i++) assert_int_equal(tk->wpos[i], want[i]);
  }
  tk->general_only = 0;
}

/* Tokens of text with the fast ASCII path on and with every word on the
 * general path (scan_word, emit_word) must be the same, field for field:
 * the fast path is only a shortcut.  Sentences and their word counts
 * too. */
static void assert_fast_path_matches_general(const char *text) {
  size_t len = strlen(text);
  tk->general_only = 1;
  tok(text, len);
  size_t ntok = tk->ntok, nsent = tk->nsent;
  uint32_t *wslow = malloc(ntok * sizeof *wslow + 1);
  memcpy(wslow, tk->wpos, ntok * sizeof *wslow);
  lxs_token *slow = malloc(ntok * sizeof *slow + 1);
  lxs_sent *ss = malloc(nsent * sizeof *ss + 1);
  char *nslow = malloc(tk->norms.len + 1);
  memcpy(slow, tk->toks, ntok * sizeof *slow);
  memcpy(ss, tk->sents, nsent * sizeof *ss);
  memcpy(nslow, tk->norms.data ? tk->norms.data : "", tk->norms.len);
  tk->general_only = 0;
  tok(text, len);
  assert_int_equal(tk->ntok, ntok);
  assert_int_equal(tk->nsent, nsent);
  for (size_t i = 0; i < ntok; i++) {
    const lxs_token *a = &slow[i], *b = &tk->toks[i];
    assert_int_equal(a->start, b->start);
    assert_int_equal(a->end, b->end);
    assert_int_equal(a->flags, b->flags);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->sentence, b->sentence);
    assert_int_equal(a->norm_len, b->norm_len);
    assert_true(a->hash == b->hash);
    assert_int_equal(wslow[i], tk->wpos[i]);
    if (a->kind == LXS_TOK_WORD) assert_string_equal(nslow + a->norm, lxs_tok_norm(tk, b));
    if (a->flags & LXS_TF_ACRO) assert_string_equal(nslow + a->acro, lxs_tok_acro(tk, b));
  }
  for (size_t i = 0; i < nsent; i++) {
    assert_int_equal(ss[i].start, tk->sents[i].start);
    assert_int_equal(ss[i].end, tk->sents[i].end);
    assert_int_equal(ss[i].nwords, tk->sents[i].nwords);
  }
  free(slow);
  free(wslow);
  free(ss);
  free(nslow);
}

/* Possessives ("'s" in every case, after letters, capitals and digits),
 * words before curly quotes and dashes, periods before them, and the
 * words the fast path leaves to the general one. */
static void fast_path_makes_the_general_paths_tokens(void **state) {
  (void)state;
  const char *texts[] = {
      "The city's plan and Mary's view. The US's role, the UK's.",
      "I's US'S Us's NATO's 1990's 9's. A's x's's it's' it'sa it's-done",
      "abcdefghijklm's abcdefghijklmn's abcdefghijkl's end's",
      "He said \xE2\x80\x9Cthe South\xE2\x80\x9D was fine\xE2\x80\x94"
      "and then more.\xE2\x80\x9D "
      "Then prosperity.\xE2\x80\x9D"
      " And again,\xE2\x80\x9D she said\xE2\x80\x93so.",
      "China\xE2\x80\x99s role, US\xE2\x80\x99 view, don\xE2\x80\x99t go. Dr. Smith's No. 5's",
      "word\xE2\x80\x9C next \xE2\x80\x94 dash 1990\xE2\x80\x93"
      "2000 a.\xE2\x80\x9D b",
      "end's",
      "it's.",
      "Trump's\n\nParagraph's start. It's.\xE2\x80\x9D",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
    assert_fast_path_matches_general(texts[i]);
  /* and the fast path took the plain possessive: one word, its span */
  const char *t = "The city's plan";
  toks(t);
  assert_string_equal(norms(), "the|city's|plan");
  assert_span(t, word(1)->start, word(1)->end, "city's");
  toks("The US's role");
  assert_true(word(1)->flags & LXS_TF_ALLCAPS);
  assert_string_equal(lxs_tok_acro(tk, word(1)), "US");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(offsets_slice_the_original_text),
      cmocka_unit_test(word_hash_is_hash_of_normal_form),
      cmocka_unit_test(fast_path_makes_the_general_paths_tokens),
      cmocka_unit_test(word_positions),
      cmocka_unit_test(normal_forms_are_case_folded_nfc),
      cmocka_unit_test(curly_apostrophe_normalised_to_ascii),
      cmocka_unit_test(no_break_space_separates_words),
      cmocka_unit_test(dotted_acronym_is_one_token_with_key),
      cmocka_unit_test(dotted_acronym_possessive_is_one_word),
      cmocka_unit_test(all_caps_word_has_acronym_key),
      cmocka_unit_test(acronym_period_ends_sentence_before_capital_opener),
      cmocka_unit_test(title_abbreviation_does_not_split),
      cmocka_unit_test(word_no_at_sentence_end_splits),
      cmocka_unit_test(period_at_end_of_text),
      cmocka_unit_test(decimal_and_thousands_are_one_token),
      cmocka_unit_test(sentences_split_on_period_exclamation_question),
      cmocka_unit_test(closing_quotes_stay_in_the_sentence),
      cmocka_unit_test(sentence_counts_words),
      cmocka_unit_test(blank_line_starts_paragraph),
      cmocka_unit_test(single_newline_starts_paragraph),
      cmocka_unit_test(hard_wrapped_text_joins_lines),
      cmocka_unit_test(hyphenated_compound_then_parts),
      cmocka_unit_test(three_part_compound),
      cmocka_unit_test(suspended_hyphen_and_dash_are_not_compounds),
      cmocka_unit_test(contraction_splits_nt),
      cmocka_unit_test(invalid_utf8_never_inside_words),
      cmocka_unit_test(truncated_sequence_at_end_of_input),
      cmocka_unit_test(nul_bytes_separate_words),
      cmocka_unit_test(byte_order_mark_is_skipped),
      cmocka_unit_test(fold_key_ascii_and_accented_agree),
      cmocka_unit_test(crlf_line_ends),
      cmocka_unit_test(sentence_end_lists_are_data),
      cmocka_unit_test(empty_and_blank_input),
      cmocka_unit_test(megabyte_word_is_one_token_in_linear_time),
      cmocka_unit_test(megabyte_word_through_the_scorer),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
