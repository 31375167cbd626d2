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

/* What the frames of one sentence share, found once for all of them:
 * where its words lie (a frame asks whether words come before it, or more
 * than three after it) and what its speaker's own views have marked so
 * far (one's own frames may follow each other: "..., said Okafor, ...,
 * said Okafor").  Asked of every frame by walking the sentence, a sentence
 * of many frames cost the square of its length. */
typedef struct {
  uint32_t first_word;       /* its first word token, or tend */
  uint32_t fourth_last_word; /* its fourth word from the end, or 0 */
  size_t before_hi;          /* own views before their frame: [m0, before_hi) marked */
  uint32_t after_clause;     /* own views after their frame: in this clause */
  size_t after_lo, after_hi; /* [after_lo, after_hi) marked, after_hi its end */
} view_state;

static view_state find_view_state(const lxs_tokenizer *tk, const sent_ctx *cx) {
  view_state w = {cx->tend, 0, cx->m0, UINT32_MAX, cx->m1, cx->m1};
  for (uint32_t k = cx->t0; k < cx->tend; k++)
    if (tk->toks[k].kind == LXS_TOK_WORD) {
      w.first_word = k;
      break;
    }
  unsigned seen = 0;
  for (uint32_t k = cx->tend; k > cx->t0 && seen < 4; k--)
    if (tk->toks[k - 1].kind == LXS_TOK_WORD && ++seen == 4) w.fourth_last_word = k - 1;
  return w;
}

static int is_punct(const lxs_tokenizer *tk, uint32_t k, char ch) {
  return tk->toks[k].kind == LXS_TOK_PUNCT && tk->toks[k].punct == ch;
}

/* Where the view of frame x lies (VIEW_*).  A frame is post-posed when a
 * comma, dash or quotation mark sets its subject off and at most three
 * words follow it ("..., critics say on Monday."). */
static int view_side(const lxs_scorer *sc, const sent_ctx *cx, const view_state *w,
                     const lxs_holder *x) {
  const lxs_tokenizer *tk = sc->tok;
  if (x->inverted) return w->first_word >= x->verb ? VIEW_AFTER_HOLDER : VIEW_BEFORE;
  uint32_t s = x->subj;
  int more_than_three_after = w->fourth_last_word && x->end + 1 <= w->fourth_last_word;
  if (s <= cx->t0 || more_than_three_after) return VIEW_AFTER;
  const lxs_token *b = &tk->toks[s - 1];
  int set_off = b->kind == LXS_TOK_PUNCT &&
                (b->punct == LXS_P_COMMA || b->punct == LXS_P_DASH || b->punct == LXS_P_QUOTE);
  return set_off ? VIEW_BEFORE : VIEW_AFTER;
}

/* The first of the sentence's matches that starts at or after token t
 * (matches are in token order and do not overlap). */
static size_t match_from(const sent_ctx *cx, const lxs_match *M, uint32_t t) {
  size_t lo = cx->m0, hi = cx->m1;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (M[mid].tok_first < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static void mark_range(const sent_ctx *cx, size_t lo, size_t hi, int own) {
  for (size_t k = lo; k < hi; k++) {
    lxs_mrec *r = rec_of(cx, k);
    if (own) r->own_speech = 1;
    else r->reported = 1;
  }
}

/* Marks the matches inside the view of frame x (as reported, or as the
 * speaker's own speech when own is set); returns how many.  A view
 * before its frame is the matches that end before it; one after it runs
 * from the first match after it to the end of that match's clause.  One's
 * own views skip what an earlier one marked (w). */
static size_t mark_view(const lxs_scorer *sc, const sent_ctx *cx, view_state *w,
                        const lxs_holder *x, int own) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  int side = view_side(sc, cx, w, x);
  uint32_t from = x->end + 1, upto = x->subj < x->verb ? x->subj : x->verb;
  if (side == VIEW_BEFORE) {
    size_t end = match_from(cx, M, upto);
    if (end > cx->m0 && M[end - 1].tok_last >= upto) end--;
    size_t lo = own && w->before_hi > cx->m0 ? w->before_hi : cx->m0;
    if (end > lo) mark_range(cx, lo, end, own);
    if (own && end > w->before_hi) w->before_hi = end;
    return end - cx->m0;
  }
  if (side == VIEW_AFTER_HOLDER) { /* after the comma that ends the holder */
    for (uint32_t k = x->end + 1; k < cx->tend; k++)
      if (is_punct(tk, k, LXS_P_COMMA)) {
        from = k + 1;
        break;
      }
  }
  size_t i = match_from(cx, M, from);
  if (i >= cx->m1) return 0;
  uint32_t clause = rec_of(cx, i)->clause;
  if (own && clause == w->after_clause) { /* the clause's end is marked */
    if (i < w->after_lo) mark_range(cx, i, w->after_lo, own);
    if (i < w->after_lo) w->after_lo = i;
    return w->after_hi - i;
  }
  size_t end = i;
  while (end < cx->m1 && rec_of(cx, end)->clause == clause) end++;
  mark_range(cx, i, end, own);
  if (own) {
    w->after_clause = clause;
    w->after_lo = i;
    w->after_hi = end;
  }
  return end - i;
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
  view_state w = find_view_state(sc->tok, cx);
  for (; i < H->n && H->items[i].verb < cx->tend; i++) {
    const lxs_holder *x = &H->items[i];
    const char *name = H->names.data + x->name;
    if (strcmp(name, speaker) == 0) { /* a view of one's own */
      mark_view(sc, cx, &w, x, 1);
      continue;
    }
    if (!mark_view(sc, cx, &w, x, 0)) continue;
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
