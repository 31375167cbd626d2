/* score_report.c - reported views.
 *
 * A speech frame ("say", "urged ... to", "according to", "issued a
 * warning") whose holder is not the sentence's speaker ("Critics say the
 * WTO is broken") marks the view it introduces as the holder's: the
 * sentence still expresses it, but per-speaker totals credit the holder.
 * Endorsements ("rightly") keep the view the speaker's own.
 *
 * Who holds the view is the segmenter's reading (sc->holders, segment.h):
 * it finds the frame's subject through its person table and its word
 * lists -- "Zafrul Aziz" for "Zafrul", "critics", "the four countries",
 * never "Monday", "we" or "Okafor's May 3" -- for every speech verb it
 * knows.  This pass only decides which of the sentence's matches the view
 * covers, from where the frame stands:
 *
 *   after it, in the clause it opens:  "Critics say the WTO is broken, but
 *                                       it has settled disputes"
 *   before it, when it is post-posed:  "The WTO is broken, critics say."
 *                                      "..., said Zhang Wei."
 *   after the holder, when inverted
 *   at the start of the sentence:      "According to critics, the WTO ..." */
#include <stdint.h>
#include <string.h>

#include "scoring.h"

enum { VIEW_AFTER, VIEW_BEFORE, VIEW_AFTER_HOLDER };

/* Word tokens in [a, b). */
static uint32_t words_in(const lxs_tokenizer *tk, uint32_t a, uint32_t b) {
  uint32_t n = 0;
  for (uint32_t k = a; k < b; k++) n += tk->toks[k].kind == LXS_TOK_WORD;
  return n;
}

static int is_punct(const lxs_tokenizer *tk, uint32_t k, char ch) {
  return tk->toks[k].kind == LXS_TOK_PUNCT && tk->toks[k].punct == ch;
}

/* Where the view of frame x lies (VIEW_*).  A frame is post-posed when a
 * comma, dash or quotation mark sets its subject off and at most three
 * words follow it ("..., critics say on Monday."). */
static int view_side(const lxs_scorer *sc, const sent_ctx *cx, const lxs_holder *x) {
  const lxs_tokenizer *tk = sc->tok;
  if (x->inverted) return words_in(tk, cx->t0, x->verb) == 0 ? VIEW_AFTER_HOLDER : VIEW_BEFORE;
  uint32_t s = x->subj;
  if (s <= cx->t0 || words_in(tk, x->end + 1, cx->tend) > 3) return VIEW_AFTER;
  const lxs_token *b = &tk->toks[s - 1];
  int set_off = b->kind == LXS_TOK_PUNCT &&
                (b->punct == LXS_P_COMMA || b->punct == LXS_P_DASH || b->punct == LXS_P_QUOTE);
  return set_off ? VIEW_BEFORE : VIEW_AFTER;
}

/* Marks the matches inside the view of frame x (as reported, or as the
 * speaker's own speech when own is set); returns how many. */
static int mark_view(const lxs_scorer *sc, const sent_ctx *cx, const lxs_holder *x, int own) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  int side = view_side(sc, cx, x);
  uint32_t from = x->end + 1, upto = x->subj < x->verb ? x->subj : x->verb;
  if (side == VIEW_AFTER_HOLDER) { /* after the comma that ends the holder */
    for (uint32_t k = x->end + 1; k < cx->tend; k++)
      if (is_punct(tk, k, LXS_P_COMMA)) {
        from = k + 1;
        break;
      }
  }
  uint32_t clause = UINT32_MAX;
  int n = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *ri = rec_of(cx, i);
    int in;
    if (side == VIEW_BEFORE) {
      in = M[i].tok_last < upto;
    } else {
      in = M[i].tok_first >= from;
      if (in && side == VIEW_AFTER && clause == UINT32_MAX) clause = ri->clause;
      if (side == VIEW_AFTER) in = in && ri->clause == clause;
    }
    if (in) {
      if (own) ri->own_speech = 1;
      else ri->reported = 1;
      n++;
    }
  }
  return n;
}

/* "Critics say the WTO is broken": the matches after "say" are the
 * critics' view, and cx->holder names them.  The first frame of the
 * sentence held by someone other than its speaker counts ("Okafor said
 * ..., while the lawyer, Tom Birch, argued that ..." reports Birch). */
void lxs_score_reported_views(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_holders *H = &sc->holders;
  cx->holder = NULL;
  size_t i = lxs_holders_from(H, cx->t0);
  if (i >= H->n || H->items[i].verb >= cx->tend) return;
  for (size_t m = cx->m0; m < cx->m1; m++)
    if (has_role(&sc->mt.m[m], LXS_R_ENDORSE)) return;
  const char *speaker = sc->speakers.names[sc->sent_speaker[cx->sent]];
  for (; i < H->n && H->items[i].verb < cx->tend; i++) {
    const lxs_holder *x = &H->items[i];
    const char *name = H->names.data + x->name;
    if (strcmp(name, speaker) == 0) { /* a view of one's own */
      mark_view(sc, cx, x, 1);
      continue;
    }
    if (!mark_view(sc, cx, x, 0)) continue;
    sc->holder_idx = lxs_speakers_intern_as_is(&sc->speakers, name, strlen(name), "", 0);
    cx->holder = sc->speakers.names[sc->holder_idx];
    return;
  }
}

/* Rebuttal: "Skeptics insist the WTO is obsolete, but its panels have
 * resolved hundreds of disputes" -- a view reported from another holder
 * and answered by a contrast ("but", "yet", "instead") in the reporter's
 * own voice is cited to be refuted: it counts against itself. */
void lxs_score_rebuttal(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  size_t marker = cx->m1;
  int before = 0;
  for (size_t i = cx->m0; i < cx->m1 && marker == cx->m1; i++) {
    if (rec_of(cx, i)->reported) before = 1;
    else if (before && ((M[i].mod_roles >> LXS_R_CONTRAST) & 1)) marker = i;
  }
  if (marker == cx->m1) return;
  for (size_t i = marker + 1; i < cx->m1; i++)
    if (rec_of(cx, i)->reported) return; /* the view goes on past the marker */
  for (size_t i = cx->m0; i < marker; i++) {
    lxs_mrec *r = rec_of(cx, i);
    if (!r->reported) continue;
    r->mult *= -1;
    r->flags |= LXS_MOD_DISTANCED;
  }
}
