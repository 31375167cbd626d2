/* score_report.c - reported views.
 *
 * A reporting verb ("say", "argue", "according to") with a subject that
 * is not the speaker ("Critics say the WTO is broken") marks the clause it
 * introduces as the holder's view: the sentence still expresses it, but
 * per-speaker totals credit the holder.  Post-posed frames ("..., critics
 * say") report what precedes them; inverted ones ("..., said Zhang Wei")
 * name the holder after the verb.  First-person subjects and endorsements
 * ("rightly") keep the view the speaker's own.
 *
 * The pass has two halves with a narrow interface between them: finding
 * the holder's words around the verb (find_holder, a heuristic over the
 * sentence alone), and marking the matches the view covers. */
#include <stdint.h>
#include <string.h>

#include "scoring.h"
#include "wordclass.h"

/* The holder of a reported view: tokens [h0, h1) of the sentence, and
 * where the view lies relative to the reporting verb. */
typedef struct {
  uint32_t h0, h1;
  int span_before;  /* the view precedes the frame */
  int after_named;  /* the holder follows the verb ("according to X") */
} holder_span;

/* Word class bits (lexicons/words/scoring.tsv) of token k. */
static lxs_wbits wclass_at(const lxs_tokenizer *tk, uint32_t k) {
  const lxs_token *t = &tk->toks[k];
  return lxs_wclass(lxs_tok_norm(tk, t), t->norm_len);
}

/* Subject words right before the verb (at most 6), or the words after it
 * when none precede ("according to X, ..."). */
static void holder_words_around(const lxs_scorer *sc, const sent_ctx *cx,
                                size_t r, holder_span *h) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  uint32_t rs = rec_of(cx, r)->seg;
  uint32_t subj_first = M[r].tok_first, nsubj = 0;
  while (subj_first > cx->t0 && nsubj < 6) {
    const lxs_token *t = &tk->toks[subj_first - 1];
    if (t->kind != LXS_TOK_WORD) break;
    subj_first--;
    if (!(t->flags & LXS_TF_PART)) nsubj++;
  }
  h->after_named = nsubj == 0 || (M[r].wpos == 0);
  if (!h->after_named) {
    h->h0 = subj_first;
    h->h1 = M[r].tok_first;
    /* Post-posed frame: the verb's segment is the last one with words. */
    h->span_before = rs > 0;
    for (size_t i = r + 1; i < cx->m1; i++)
      if (rec_of(cx, i)->seg == rs && is_evaluative(&M[i])) h->span_before = 0;
    if (rs > 0) {
      int later_words = 0;
      for (uint32_t k = M[r].tok_last + 1; k < cx->tend; k++)
        if (tk->toks[k].kind == LXS_TOK_WORD) later_words++;
      if (later_words > 3) h->span_before = 0;
    }
  } else {
    h->h0 = M[r].tok_last + 1;
    h->h1 = h->h0;
    while (h->h1 < cx->tend && tk->toks[h->h1].kind == LXS_TOK_WORD) h->h1++;
    h->span_before = M[r].wpos > 0;
  }
}

/* The reporting word must be a verb: not "the warning", "a claim",
 * "saying". */
static int reporting_verb(const lxs_scorer *sc, const sent_ctx *cx,
                          const lxs_match *m) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_token *v = &tk->toks[m->tok_first];
  const char *vn = lxs_tok_norm(tk, v);
  size_t vl = v->norm_len;
  if (vl > 4 && strcmp(vn + vl - 3, "ing") == 0) return 0;
  if (m->tok_first > cx->t0) {
    const lxs_token *pv = &tk->toks[m->tok_first - 1];
    if (pv->kind == LXS_TOK_WORD && (wclass_at(tk, m->tok_first - 1) & W_NOUNDET)) return 0;
  }
  return 1;
}

/* The holder must read as a name or a group, not a clause fragment or
 * the speaker ("we"). */
static int reads_as_holder(const lxs_tokenizer *tk, uint32_t h0, uint32_t h1) {
  uint32_t holder_words = 0;
  for (uint32_t k = h0; k < h1; k++) {
    const lxs_token *ht = &tk->toks[k];
    if (ht->flags & LXS_TF_PART) continue;
    holder_words++;
    if (wclass_at(tk, k) & (W_FIRSTP | W_CLAUSEW)) return 0;
    if (strcmp(lxs_tok_norm(tk, ht), "of") == 0 &&
        (k + 1 >= h1 || !(tk->toks[k + 1].flags & LXS_TF_CAPITAL)))
      return 0;
  }
  return holder_words <= 5;
}

/* Finds the holder of the view reported by the verb at match r, or
 * returns 0 when there is none (the speaker's own view). */
static int find_holder(const lxs_scorer *sc, const sent_ctx *cx, size_t r,
                       holder_span *h) {
  const lxs_tokenizer *tk = sc->tok;
  holder_words_around(sc, cx, r, h);
  while (h->h0 < h->h1 && (wclass_at(tk, h->h0) & W_HOLDERDET)) h->h0++;
  /* Drop a trailing reflexive ("the Ministry itself said"). */
  while (h->h1 > h->h0 && (wclass_at(tk, h->h1 - 1) & W_REFLEXIVE)) h->h1--;
  if (h->h0 >= h->h1) return 0;
  if (!reporting_verb(sc, cx, &sc->mt.m[r])) return 0;
  return reads_as_holder(tk, h->h0, h->h1);
}

/* Marks the matches inside the reported view; returns how many. */
static int mark_reported(const lxs_scorer *sc, const sent_ctx *cx, size_t r,
                         const holder_span *h) {
  const lxs_match *M = sc->mt.m;
  uint32_t rs = rec_of(cx, r)->seg;
  int any = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *ri = rec_of(cx, i);
    int in;
    if (h->span_before) {
      in = i < r && M[i].tok_last < h->h0 && ri->seg < rs;
      if (h->after_named) in = i < r;
    } else if (h->after_named) {
      in = M[i].tok_first >= h->h1;
    } else {
      in = i > r && ri->clause == rec_of(cx, r)->clause;
    }
    if (in) {
      ri->reported = 1;
      any = 1;
    }
  }
  return any;
}

/* "Critics say the WTO is broken": the matches after "say" are the
 * critics' view, and cx->holder names them. */
void lxs_score_reported_views(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  cx->holder = NULL;
  size_t r = SIZE_MAX;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    if (has_role(&M[i], LXS_R_ENDORSE)) return;
    if (r == SIZE_MAX && has_role(&M[i], LXS_R_REPORT)) r = i;
  }
  if (r == SIZE_MAX) return;
  holder_span h;
  if (!find_holder(sc, cx, r, &h)) return;
  if (!mark_reported(sc, cx, r, &h)) return;
  size_t start = tk->toks[h.h0].start, end = tk->toks[h.h1 - 1].end;
  sc->holder_idx = lxs_speakers_intern(&sc->speakers, sc->text + start, end - start, "", 0);
  cx->holder = sc->speakers.names[sc->holder_idx];
}
