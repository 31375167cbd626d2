/* score_context.c - what a sentence refers to beyond its own theme terms:
 * anaphors resolved within the sentence and back to the previous one. */
#include "scoring.h"

/* Anaphors ("it", "they", "its") stand for the nearest theme term before
 * them in the sentence.  A sentence that opens with no theme term of its
 * own may refer back to the previous sentence of the paragraph ("The WTO
 * is slow. Without it, small states would be at the mercy of the
 * strong."). */
void lxs_score_anaphors(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  long last_target = -1;
  int prev_ok = sc->last_target >= 0 && cx->sent > 0 &&
                tk->sents[cx->sent - 1].paragraph == tk->sents[cx->sent].paragraph;
  for (size_t j = cx->m0; j < cx->m1; j++) {
    if (is_target(&M[j])) last_target = (long)j;
    else if (has_role(&M[j], LXS_R_ANAPHOR)) {
      lxs_mrec *r = rec_of(cx, j);
      if (last_target >= 0) r->ante = last_target;
      else if (prev_ok) {
        r->ante = sc->last_target;
        r->cross_ref = 1;
      }
    }
  }
}

/* After a sentence: its last theme term is what an anaphor opening the
 * next sentence refers to. */
void lxs_score_remember_targets(lxs_scorer *sc, const sent_ctx *cx) {
  sc->last_target = -1;
  for (size_t j = cx->m0; j < cx->m1; j++)
    if (is_target(&sc->mt.m[j])) sc->last_target = (long)j;
}
