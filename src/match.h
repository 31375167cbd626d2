/* match.h - stage 3: find lexicon entries in the token stream (longest
 * match wins; compounds match whole first, then by their parts). */
#ifndef LXS_MATCH_H
#define LXS_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "stem.h"
#include "tokenize.h"

typedef struct {
  uint32_t tok_first, tok_last; /* token range, inclusive */
  uint32_t sentence;
  uint32_t wpos; /* word position of the first token */
  uint32_t wpos_last;
  uint32_t sense_off, nsenses; /* into lxs_matcher.senses */
  /* Summaries of the senses, so the scorer's many "has this match role r"
   * questions are bit tests: */
  uint32_t roles;     /* bit r: a sense of any theme has role r */
  uint32_t mod_roles; /* bit r: a modifier sense has role r */
  uint32_t target;    /* a theme sense with role target/stance */
  uint32_t themes;    /* bit min(t, 31): a sense of theme t */
} lxs_match;

typedef struct {
  lxs_match *m;
  size_t n, cap;
  const lxs_sense **senses;
  size_t nsenses, capsenses;
  const uint32_t *wpos;   /* per token: word position in sentence (the
                             tokenizer's: lxs_tokenizer.wpos) */
  const uint32_t *starts; /* tokens that may start a match: own_starts or
                             the tokenizer's marks */
  size_t nstarts;
  uint32_t *own_starts;
  size_t capstarts;
  size_t nspeech;           /* word tokens (no compound parts) that may report
                               speech (lxs_speech_word) */
  const lxs_pattern **cand; /* scratch */
  size_t ncand, capcand;
  /* Candidate patterns of the words seen, by handle (match.c); dropped
   * when the stemmer drops its cache (a new generation). */
  struct lxs_cand_list *lists;
  size_t nlists, caplists;
  struct lxs_cand *pool;
  size_t npool, cappool;
  uint32_t generation;
  const lxs_sense **spool; /* senses of the lists' one-word matches */
  size_t nspool, capspool;
  const lxs_pattern **found; /* scratch for one word's patterns */
  size_t capfound;
  /* What new words are initialised with (match.c): set by
   * lxs_match_document, which also attaches this matcher's word lookups
   * to the tokenizer it is given (lxs_tok_intern). */
  const lxs_lexicon *lex;
  lxs_stemmer *st;
} lxs_matcher;

void lxs_matcher_init(lxs_matcher *mt);
void lxs_matcher_free(lxs_matcher *mt);
/* Fill mt with every match in the tokenised document, in token order.
 * From then on tk looks its words up in st as it makes them (the match
 * stage's word cache, one pass per word): mt, st and tk must then be
 * freed together (a scorer owns all three). */
void lxs_match_document(lxs_matcher *mt, const lxs_lexicon *lex, lxs_stemmer *st,
                        lxs_tokenizer *tk);

#endif
