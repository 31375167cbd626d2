/* libFuzzer target: tokenizer and speaker segmentation on arbitrary bytes.
 * Checks the invariants every later stage relies on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static lxs_tokenizer *tk;
  if (!tk) tk = lxs_tokenizer_new();
  const char *text = (const char *)data;
  lxs_tokenize(tk, text, size);
  size_t prev_end = 0;
  for (size_t i = 0; i < tk->ntok; i++) {
    const lxs_token *t = &tk->toks[i];
    if (t->start > t->end || t->end > size) abort();
    if (!(t->flags & LXS_TF_PART)) {
      if (t->start < prev_end && !(t->flags & LXS_TF_NT)) abort();
      prev_end = t->end;
    }
    if (t->sentence >= tk->nsent) abort();
    if (t->kind == LXS_TOK_WORD && strlen(lxs_tok_norm(tk, t)) != t->norm_len) abort();
  }
  for (size_t s = 0; s < tk->nsent; s++) {
    const lxs_sent *se = &tk->sents[s];
    if (se->start > se->end || se->end > size || se->nwords == 0) abort();
    if (se->first_tok + se->ntok > tk->ntok) abort();
  }
  lxs_speakers sp;
  lxs_speakers_init(&sp);
  uint32_t *spk = malloc((tk->nsent + 1) * sizeof *spk);
  uint32_t *fl = malloc((tk->nsent + 1) * sizeof *fl);
  lxs_segment(tk, text, &sp, spk, fl);
  for (size_t s = 0; s < tk->nsent; s++)
    if (spk[s] >= sp.n) abort();
  free(spk);
  free(fl);
  lxs_speakers_free(&sp);
  return 0;
}
