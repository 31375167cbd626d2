/* tokenize.h - stage 1: UTF-8 text -> words, punctuation, sentences and
 * paragraphs, all with byte offsets into the original text. */
#ifndef LXS_TOKENIZE_H
#define LXS_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "stem.h"
#include "util.h"

enum lxs_tok_kind { LXS_TOK_WORD = 1, LXS_TOK_PUNCT = 2 };

enum lxs_tok_flag {
  LXS_TF_COMPOUND = 1 << 0, /* hyphenated compound; nparts PART tokens follow */
  LXS_TF_PART = 1 << 1,     /* one part of the preceding compound */
  LXS_TF_ALLCAPS = 1 << 2,  /* every cased letter upper, >= 2 letters */
  LXS_TF_CAPITAL = 1 << 3,  /* first letter upper case */
  LXS_TF_ACRO = 1 << 4,     /* has an acronym key ("U.S." -> "US") */
  LXS_TF_NUMBER = 1 << 5,   /* starts with a digit */
  LXS_TF_ABBR = 1 << 6,     /* abbreviation with its period ("Dr.", "U.S.") */
  LXS_TF_CLOSING = 1 << 7,  /* closing quote/bracket punctuation */
  LXS_TF_NT = 1 << 8,       /* the "n't" split off a contraction */
};

typedef struct {
  size_t start, end; /* bytes in the original text */
  uint32_t norm;     /* offset of the NUL-terminated normal form in norms */
  uint32_t norm_len;
  uint32_t acro;     /* offset of the acronym key (if LXS_TF_ACRO) */
  uint32_t sentence; /* index into sents */
  uint16_t flags;
  uint8_t kind;
  uint8_t nparts;   /* for LXS_TF_COMPOUND */
  char punct;       /* punctuation class, see tokenize.c */
  uint32_t stem_id; /* word cache: the lexicon number of the stem, or 0 */
  uint32_t cands;   /* word cache: the match stage's value for the word
                       (lxs_word_ref.user; see lxs_tok_intern) */
  uint64_t hash;    /* words: lxs_hash_word(normal form) */
} lxs_token;

typedef struct {
  size_t start, end;
  uint32_t first_tok, ntok;
  uint32_t nwords; /* word tokens, not counting compound parts */
  uint32_t paragraph;
} lxs_sent;

typedef struct {
  size_t start, end;
  uint32_t first_sent, nsent;
} lxs_para;

/* The word cache each word is looked up in as the tokenizer makes it --
 * one pass per word rather than a second pass over the tokens (make
 * bench-ipb: see the commit).  The match stage attaches its own on first
 * use (match.c) and reads the values the lookups leave in each word's
 * stem_id and cands (id and user of its lxs_word_ref). */
typedef struct {
  lxs_stemmer *st; /* NULL: no lookups */
  lxs_word_init_fn init;
  void *ctx;
} lxs_tok_intern;

typedef struct lxs_tokenizer {
  lxs_token *toks;
  size_t ntok, captok;
  /* Per token (captok of them): its word position in its sentence, the
   * words before it (a compound's parts: the compound's) -- what the
   * match stage needs, counted here rather than in a second pass over the
   * tokens (make bench-ipb: see the commit). */
  uint32_t *wpos;
  /* The word tokens whose word-cache value (lxs_word_ref.user) is not 0
   * or that have an acronym key, in token order, each once (captok of
   * room): when the words were looked up (interned), the only tokens that
   * may start a match. */
  uint32_t *marks;
  size_t nmarks;
  lxs_sent *sents;
  size_t nsent, capsent;
  lxs_para *paras;
  size_t npara, cappara;
  uint32_t *puncts; /* indices of the punctuation tokens, in order */
  size_t npunct, cappunct;
  lxs_buf norms; /* arena of normal forms, reset per document */
  size_t nwords; /* word tokens in the document (no parts) */
  size_t len;    /* bytes of the document's text: it need not end in NUL */
  lxs_tok_intern intern;
  int interned;     /* this document's words were looked up in intern */
  int general_only; /* tests: every word takes the general path, to check
                       that the fast ASCII path makes the same tokens */
} lxs_tokenizer;

lxs_tokenizer *lxs_tokenizer_new(void);

/* Checks the word lists the tokenizer reads (lexicons/words/abbreviations*.txt,
 * sentence-openers.txt): LXS_OK, or the first problem as
 * "lexicons/words/x.txt: message" (a build with a bad list fails its unit
 * test, not a user). */
int lxs_tokenize_lists_check(char *err, size_t errlen);
void lxs_tokenizer_free(lxs_tokenizer *t);

/* Tokenise text[0..len).  Replaces the previous document's results.
 * Invalid UTF-8 is read as U+FFFD; NUL bytes are treated as spaces. */
void lxs_tokenize(lxs_tokenizer *t, const char *text, size_t len);

static inline const char *lxs_tok_norm(const lxs_tokenizer *t, const lxs_token *k) {
  return t->norms.data + k->norm;
}
static inline const char *lxs_tok_acro(const lxs_tokenizer *t, const lxs_token *k) {
  return t->norms.data + k->acro;
}

/* Punctuation classes (lxs_token.punct). */
#define LXS_P_COMMA ','
#define LXS_P_SEMI ';'
#define LXS_P_COLON ':'
#define LXS_P_PERIOD '.'
#define LXS_P_EXCL '!'
#define LXS_P_QUEST '?'
#define LXS_P_OPEN '('
#define LXS_P_CLOSE ')'
#define LXS_P_QUOTE '"'
#define LXS_P_DASH '-'
#define LXS_P_OTHER '*'

#endif
