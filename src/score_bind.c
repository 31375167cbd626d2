/* score_bind.c - binding: each evaluative term of a sentence is tied to
 * the theme term(s) it speaks about, and its contribution is credited to
 * their themes with the modifiers the earlier passes recorded.
 *
 *   contribution = weight * orientation(target) * clause weight
 *                  * intensifier * negation * link strength
 *
 * where the link is full inside a segment, WEAK_LINK across a comma and
 * SENTENCE_LINK across a clause boundary, and falls off with distance. */
#include <stdint.h>
#include <string.h>

#include "scoring.h"
#include "wordclass.h"
#include "util.h"

lxs_evidence *lxs_add_evidence(lxs_scorer *sc, uint32_t sent, uint32_t theme, const lxs_sense *se,
                               const lxs_match *m, const lxs_match *target, unsigned mods,
                               double contribution) {
  if (sc->no_evidence) return NULL;
  LXS_VEC_GROW(sc->ev, sc->nev, sc->capev);
  lxs_evidence *e = &sc->ev[sc->nev++];
  const lxs_tokenizer *tk = sc->tok;
  e->sentence = sent;
  e->theme = theme;
  e->term = se->term;
  e->role = lxs_role_name(se->role);
  e->start = tk->toks[m->tok_first].start;
  e->end = tk->toks[m->tok_last].end;
  if (target) {
    e->target_start = tk->toks[target->tok_first].start;
    e->target_end = tk->toks[target->tok_last].end;
  } else {
    e->target_start = e->target_end = 0;
  }
  e->weight = se->weight;
  e->modifiers = mods;
  e->contribution = contribution;
  e->holder = NULL;
  return e;
}

static unsigned wdist(const lxs_match *a, const lxs_match *b) {
  if (a->wpos > b->wpos_last) return a->wpos - b->wpos_last;
  if (b->wpos > a->wpos_last) return b->wpos - a->wpos_last;
  return 0;
}

/* One sweep of the target index: row t of prev (or next) at match i is
 * the nearest target reference of theme t before (after) it; row nth is
 * for any theme.  Also counts agent markers before each match. */
static void index_sweep(lxs_scorer *sc, const sent_ctx *cx, long *rows, int forward) {
  const lxs_match *M = sc->mt.m;
  size_t nm = cx->m1 - cx->m0, nth = cx->nth;
  long *last = sc->last;
  for (size_t t = 0; t <= nth; t++) last[t] = -1;
  uint32_t agents = 0;
  for (size_t n = 0; n < nm; n++) {
    size_t i = forward ? n : nm - 1 - n, mi = cx->m0 + i;
    for (size_t t = 0; t <= nth; t++) rows[t * nm + i] = last[t];
    if (forward) {
      cx->rec[i].agents = agents;
      if (has_role(&M[mi], LXS_R_AGENT)) agents++;
    }
    if (!is_target_ref(sc, cx, mi)) continue;
    last[nth] = (long)mi;
    const lxs_match *r = &M[resolve(cx, mi)];
    for (size_t t = 0; t < nth; t++)
      if (orientation(sc, r, (uint32_t)t) != 0) last[t] = (long)mi;
  }
}

/* What the forward sweep of index_sweep counts: the agent markers before
 * each match. */
static void count_agents(const lxs_scorer *sc, const sent_ctx *cx) {
  uint32_t agents = 0;
  for (size_t mi = cx->m0; mi < cx->m1; mi++) {
    cx->rec[mi - cx->m0].agents = agents;
    if (has_role(&sc->mt.m[mi], LXS_R_AGENT)) agents++;
  }
}

/* For every match, the nearest target reference before and after it, for
 * any theme and per theme: built in two sweeps so each lookup in
 * lxs_nearest_target is O(1). */
void lxs_score_target_index(lxs_scorer *sc, const sent_ctx *cx) {
  size_t nm = cx->m1 - cx->m0, nth = cx->nth;
  /* Most sentences refer to no target: their index would be all -1, and
   * lxs_nearest_target answers that without one (make bench-ipb: 172.7
   * -> 168.8 instructions per byte steady). */
  sc->no_targets = 1;
  for (size_t i = cx->m0; i < cx->m1 && sc->no_targets; i++)
    sc->no_targets = !is_target_ref(sc, cx, i);
  if (sc->no_targets) {
    count_agents(sc, cx);
    return;
  }
  size_t need = (nm + 1) * (nth + 1);
  if (sc->captix < need) {
    sc->captix = need;
    sc->prev_t = lxs_xrealloc(sc->prev_t, need * sizeof(long));
    sc->next_t = lxs_xrealloc(sc->next_t, need * sizeof(long));
  }
  if (sc->caplast < nth + 1) {
    sc->caplast = nth + 1;
    sc->last = lxs_xrealloc(sc->last, (nth + 1) * sizeof(long));
  }
  index_sweep(sc, cx, sc->prev_t, 1);
  index_sweep(sc, cx, sc->next_t, 0);
}

/* Segments are contiguous, so if the nearest target on a side is out of
 * scope, so are all further ones. */
long lxs_nearest_target(const lxs_scorer *sc, const sent_ctx *cx, size_t e, uint32_t theme,
                        int scope, int side, unsigned *dist_out) {
  if (sc->no_targets) {
    if (dist_out) *dist_out = ~0u;
    return -1;
  }
  const lxs_match *M = sc->mt.m;
  size_t nm = cx->m1 - cx->m0, nth = cx->nth;
  size_t row = (theme == LXS_THEME_NONE ? nth : theme) * nm;
  const lxs_mrec *er = rec_of(cx, e);
  const long cand[2] = {side > 0 ? -1 : sc->prev_t[row + e - cx->m0],
                        side < 0 ? -1 : sc->next_t[row + e - cx->m0]};
  long best = -1;
  unsigned bd = ~0u;
  for (int k = 0; k < 2; k++) {
    long i = cand[k];
    if (i < 0) continue;
    const lxs_mrec *ir = rec_of(cx, (size_t)i);
    if (scope == SAME_SEG && ir->seg != er->seg) continue;
    if (scope == SAME_CLAUSE && ir->clause != er->clause) continue;
    unsigned d = wdist(&M[e], &M[i]);
    /* ties go to the term after: modifiers precede their nouns */
    if (d < bd || (d == bd && k == 1)) {
      bd = d;
      best = i;
    }
  }
  if (dist_out) *dist_out = bd;
  return best;
}

/* Venues: "concern over the way the debate at the WTO is being
 * deflected" -- a theme term after "at" (and a determiner) names where
 * something happens: it is a mention, and no evaluation elsewhere in the
 * sentence is about it.  Not after an evaluative word, whose object "at"
 * introduces ("anger at the WTO", "take aim at the tariffs"). */
void lxs_score_venues(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    if (!is_target(&M[i])) continue;
    uint32_t k = M[i].tok_first;
    if (k > cx->t0 && (tok_class_at(tk, k - 1) & W_DET)) k--;
    if (k <= cx->t0 || !tok_is(tk, k - 1, "at")) continue;
    int object = 0;
    for (size_t j = cx->m0; j < i && !object; j++)
      object = M[j].tok_last + 2 == k && is_evaluative(&M[j]);
    if (!object) rec_of(cx, i)->venue = 1;
  }
}

/* "The ministerial conference collapsed in the small hours", "with the
 * collapse of the fisheries negotiations": a meeting or negotiation (a
 * theme term whose last word is an event noun) that breaks down, stalls
 * or is harmed is news of how the event went, not a verdict on the theme
 * -- a decay or harm word, or a negative word in a past form ("collapsed",
 * "stalled").  A verdict on what the talks did is still one ("the
 * negotiations have produced nothing but communiques"). */
static int event_outcome(const lxs_scorer *sc, const lxs_match *e, const lxs_sense *se,
                         const lxs_match *g) {
  if (se->theme != LXS_THEME_SENTIMENT || se->weight >= 0 || e == g) return 0;
  if (!(tok_class_at(sc->tok, g->tok_last) & W_EVENT)) return 0;
  if (se->role == LXS_R_DECAY || se->role == LXS_R_HARM) return 1;
  if (se->role != LXS_R_EVAL) return 0;
  const lxs_token *t = &sc->tok->toks[e->tok_first];
  const char *nm = lxs_tok_norm(sc->tok, t);
  return t->norm_len > 4 && strcmp(nm + t->norm_len - 2, "ed") == 0;
}

uint64_t lxs_credit(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, size_t g,
                    double factor, unsigned mods, uint32_t only_theme, uint64_t skip) {
  const lxs_match *M = sc->mt.m;
  size_t gr = resolve(cx, g);
  const lxs_mrec *er = rec_of(cx, e);
  uint64_t done = 0;
  if (er->scene != rec_of(cx, local_ref(cx, g))->scene) return 0;
  if (rec_of(cx, local_ref(cx, g))->venue && e != local_ref(cx, g)) return 0;
  if (event_outcome(sc, &M[e], se, &M[gr])) return 0;
  for (uint32_t t = 0; t < cx->nth; t++) {
    if (only_theme != LXS_THEME_NONE && t != only_theme) continue;
    if (t < 64 && (skip >> t & 1)) continue;
    double o = orientation(sc, &M[gr], t);
    if (o == 0) continue;
    double c = factor * o;
    cx->raw[t] += c;
    unsigned f = mods | er->flags;
    if (er->reported) {
      cx->held_raw[t] += c;
      f |= LXS_MOD_REPORTED;
    }
    lxs_evidence *ev = lxs_add_evidence(sc, cx->sent, t, se, &M[e], &M[g], f, c);
    if (ev && (f & LXS_MOD_REPORTED)) ev->holder = cx->holder;
    if (t < 64) done |= (uint64_t)1 << t;
  }
  return done;
}

/* Mentions, loaded terms and distancing of match e.  "the so-called
 * rules-based order": "rules-based" is a mention of multilateralism with
 * its own stance (+0.5), "so-called" distances it (-0.6).  An anaphor that
 * reaches back to the previous sentence ("Without it, ...") is this
 * sentence's mention of the theme. */
static void bind_mentions(lxs_scorer *sc, sent_ctx *cx, size_t e, double me, double ne) {
  const lxs_match *M = sc->mt.m;
  const lxs_mrec *r = rec_of(cx, e);
  for (uint32_t t = 0; t < cx->nth; t++) {
    int mentioned = 0;
    const lxs_sense *loaded = NULL, *named = NULL;
    for (uint32_t k = 0; k < M[e].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[e], k);
      if (se->theme != t) continue;
      if (se->role == LXS_R_TARGET || se->role == LXS_R_STANCE) mentioned = 1;
      if (se->role == LXS_R_STANCE) {
        double c = r->no_stance || r->scene ? 0 : se->weight * me * ne;
        cx->raw[t] += c;
        if (r->reported) cx->held_raw[t] += c;
        lxs_add_evidence(sc, cx->sent, t, se, &M[e], &M[e], r->flags, c);
        loaded = se;
      } else if (se->role == LXS_R_TARGET) {
        double c = 0;
        if (r->dist != 0) {
          c = r->dist * orientation(sc, &M[e], t) * r->mult;
          cx->raw[t] += c;
          if (r->reported) cx->held_raw[t] += c;
        }
        lxs_add_evidence(sc, cx->sent, t, se, &M[e], &M[e], r->flags, c);
        named = se;
      }
    }
    if (loaded && !named && r->dist != 0) {
      /* a loaded term is a mention too: "so-called tariff bullying" */
      double c = r->dist * r->mult;
      cx->raw[t] += c;
      if (r->reported) cx->held_raw[t] += c;
      lxs_add_evidence(sc, cx->sent, t, loaded, &M[e], &M[e], r->flags, c);
    }
    if (!mentioned && r->cross_ref && orientation(sc, &M[resolve(cx, e)], t) != 0) mentioned = 1;
    if (mentioned) {
      cx->mentions[t]++;
      if (r->reported) cx->held_mentions[t]++;
    }
  }
}

/* After "the collapse of the WTO", what follows describes the
 * consequences of the harm ("small economies would be the first
 * casualties"), and after "restore the WTO" what is to be repaired ("its
 * battered courts"): a negative word there is the tone about the harm, so
 * it counts the other way for the harmed theme (factor -1).  After a
 * change that takes no side ("reform the IMF, which they described as
 * outdated") it is the case for the change, not a verdict on the theme
 * (factor 0).  Praise after it describes what is harmed ("the rules that
 * small economies rely on to settle disputes fairly"), and keeps its sign
 * (factor 1). */
static double harm_consequence(const lxs_scorer *sc, const sent_ctx *cx, size_t e, size_t g,
                               const lxs_sense *se) {
  long hb = rec_of(cx, local_ref(cx, g))->harmed_by;
  if (hb < 0 || (size_t)hb >= e || is_target(&sc->mt.m[e]) || se->weight >= 0) return 1;
  const lxs_match *h = &sc->mt.m[hb];
  for (uint32_t k = 0; k < h->nsenses; k++) {
    const lxs_sense *hs = sense_at(sc, h, k);
    if (hs->role == LXS_R_REPAIR && hs->weight == 0) return 0;
  }
  return -1;
}

/* Is token k a word ending in "-ly" ("deeply", "bitterly")? */
static int ly_adverb(const lxs_tokenizer *tk, uint32_t k) {
  const lxs_token *t = &tk->toks[k];
  const char *nm = lxs_tok_norm(tk, t);
  return t->kind == LXS_TOK_WORD && t->norm_len > 4 && nm[t->norm_len - 2] == 'l' &&
         nm[t->norm_len - 1] == 'y';
}

/* Modifier and head.  "A deeply divided Congress debated the tariff bill":
 * an evaluative adjective in the noun phrase that opens a segment, between
 * its determiner and a noun that is no lexicon term (or a news-register
 * one: "the bitter standoff over tariffs"), describes that noun (the
 * subject), not a theme term later in the clause -- unless the noun
 * relates to a theme term by "of" or "for" ("the harmful effects of
 * tariffs"), which it then evaluates.  So does one after a preposition,
 * with or without a determiner ("replace open markets with failed
 * policies").  Later in a clause a noun phrase is often said of the
 * subject ("the CPTPP offers a better template", "tariffs are a bad idea")
 * and binds as usual.  Returns ATTR_USUAL, ATTR_HEAD
 * (binds to nothing), or the match of the theme term it evaluates. */
enum { ATTR_USUAL = -1, ATTR_HEAD = -2 };
static long attributive_target(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  uint32_t k = M[e].tok_first;
  /* an adverb before an evaluative adjective ("bitterly divided") goes
   * with it: the phrase is [e, a] */
  size_t a = e;
  if (ly_adverb(tk, M[e].tok_last) && e + 1 < cx->m1 && M[e + 1].tok_first == M[e].tok_last + 1 &&
      is_evaluative(&M[e + 1]))
    a = e + 1;
  if (k <= cx->t0) return ATTR_USUAL;
  k--;
  if (ly_adverb(tk, k) ||
      (e > cx->m0 && M[e - 1].tok_last == k &&
       (M[e - 1].mod_roles & (1u << LXS_R_INTENSIFIER | 1u << LXS_R_DIMINISHER)))) {
    if (e > cx->m0 && M[e - 1].tok_last == k) k = M[e - 1].tok_first;
    if (k <= cx->t0) return ATTR_USUAL;
    k--;
  }
  /* the phrase opens its segment, or follows a preposition */
  if (tok_class_at(tk, k) & W_DET) {
    int opens = k <= cx->t0 || tk->toks[k - 1].kind != LXS_TOK_WORD;
    if (!opens && !(tok_class_at(tk, k - 1) & W_PREP)) return ATTR_USUAL;
  } else if (!(tok_class_at(tk, k) & W_PREP)) {
    return ATTR_USUAL;
  }
  uint32_t h = M[a].tok_last + 1;
  if (h >= cx->tend || tk->toks[h].kind != LXS_TOK_WORD) return ATTR_USUAL;
  if (tok_class_at(tk, h) & (W_STOP | W_AUX | W_PASSIVE)) return ATTR_USUAL;
  /* a head noun of the news register ("the bitter standoff over tariffs")
   * is a plain noun: it takes no side, the adjective describes it */
  if (a + 1 < cx->m1 && M[a + 1].tok_first <= h &&
      (is_target(&M[a + 1]) || is_evaluative(&M[a + 1]) || M[a + 1].mod_roles))
    return ATTR_USUAL;
  /* the head's "of" complement, a few words on */
  uint32_t of = 0, words = 0;
  for (uint32_t j = h + 1; j < cx->tend && words < 3; j++) {
    if (tk->toks[j].kind != LXS_TOK_WORD) break;
    if (tk->toks[j].flags & LXS_TF_PART) continue;
    words++;
    if (tok_is(tk, j, "of") || tok_is(tk, j, "for")) {
      of = j;
      break;
    }
  }
  if (!of) return ATTR_HEAD;
  for (size_t i = a + 1; i < cx->m1 && M[i].tok_first <= of + 4; i++)
    if (M[i].tok_first > of && is_target_ref(sc, cx, i)) return (long)i;
  return ATTR_HEAD;
}

/* The themes whose own evaluative sense match m has: for them it
 * replaces the general reading ("poverty" is sympathy when said of the
 * Global South, a global_south eval +, though a general eval -). */
static uint64_t own_readings(const lxs_scorer *sc, const lxs_match *m) {
  uint64_t own = 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->role == LXS_R_EVAL && s->theme < 64) own |= (uint64_t)1 << s->theme;
  }
  return own;
}

/* "Special treatment is an integral part of the WTO": an evaluative noun
 * phrase after a copula (and a determiner) with an "of" complement is said
 * of the subject, not of the whole it is part of.  Returns the subject
 * (the nearest theme term before it in its clause), or -1. */
static long predicate_of_subject(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  uint32_t of = M[e].tok_last + 1, k = M[e].tok_first;
  if (of >= cx->tend || !tok_is(tk, of, "of") || k <= cx->t0) return -1;
  if (tok_class_at(tk, k - 1) & W_DET) k--;
  if (k <= cx->t0 || !(tok_class_at(tk, k - 1) & W_PASSIVE)) return -1;
  unsigned d;
  return lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_CLAUSE, -1, &d);
}

/* "Exporters fear that the WTO will collapse": a negative evaluation of
 * what follows it (not an adjective after a determiner: "the disastrous
 * WTO"), whose theme term comes a few words on and suffers a harm, is
 * about the harm -- concern for the term, as when the harm is lamented. */
static int feared_harm(const lxs_scorer *sc, const sent_ctx *cx, size_t e, size_t g,
                       const lxs_sense *se) {
  const lxs_match *M = sc->mt.m;
  if (se->weight >= 0 || g <= e || M[g].wpos > M[e].wpos_last + 3) return 0;
  uint32_t k = M[e].tok_first;
  if (k > cx->t0 && (tok_class_at(sc->tok, k - 1) & W_DET)) return 0;
  return lxs_suffers_harm_after(sc, cx, g);
}

/* "The WTO is facing difficulties", "developing economies suffered
 * shortages", "the problems facing the WTO": a misfortune that the theme
 * term undergoes (a negative word a few words after a verb of undergoing
 * whose subject it is, or right before "facing" and the term) makes it
 * the patient, as a harm does: lamented, not blamed.  Not after a verb of
 * receiving ("the plan drew scorn": a verdict on it). */
static int suffered_misfortune(const lxs_scorer *sc, const sent_ctx *cx, size_t e, size_t g) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  const lxs_wbits suffer = W_UNDERGO, receive = W_RECEIVE;
  if (g < e) {
    uint32_t k = M[e].tok_first;
    for (uint32_t j = k; j-- > cx->t0 && j + 3 >= k && j > M[g].tok_last;) {
      if (tk->toks[j].kind != LXS_TOK_WORD) return 0;
      lxs_wbits c = tok_class_at(tk, j);
      if (c & suffer) return !(c & receive);
    }
    return 0;
  }
  uint32_t v = M[e].tok_last + 1;
  lxs_wbits c = v < cx->tend ? tok_class_at(tk, v) : 0;
  return (c & suffer) && !(c & receive) && M[g].tok_first > v && M[g].tok_first <= v + 2;
}

/* A general evaluative word ("The WTO is broken") is tied to the nearest
 * theme term in its segment, else its clause (weak), else the sentence
 * (weaker: "Tariffs protect jobs, but they raise prices"). */
static void bind_eval(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                      double ne) {
  const lxs_match *M = sc->mt.m;
  uint64_t own = M[e].themes ? own_readings(sc, &M[e]) : 0;
  long at = attributive_target(sc, cx, e);
  if (at == ATTR_HEAD) return;
  if (at < 0) at = predicate_of_subject(sc, cx, e);
  if (at >= 0) {
    lxs_credit(sc, cx, e, se, (size_t)at, se->weight * me * ne, 0, LXS_THEME_NONE, own);
    return;
  }
  unsigned d = 0;
  long g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, 0, &d);
  double f = 1.0;
  unsigned mods = 0;
  if (g < 0) {
    g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_CLAUSE, 0, &d);
    f = WEAK_LINK;
    mods = LXS_MOD_WEAK_LINK;
  }
  if (g < 0) {
    g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SENT, 0, &d);
    f = SENTENCE_LINK;
    mods = LXS_MOD_WEAK_LINK;
  }
  if (g < 0) return;
  if (d > DECAY_START) f /= 1.0 + (d - DECAY_START) / DECAY_SCALE;
  if (feared_harm(sc, cx, e, (size_t)g, se) ||
      (se->weight < 0 && suffered_misfortune(sc, cx, e, (size_t)g))) {
    f = -f;
    mods |= LXS_MOD_HARM_PATIENT;
  }
  double hc = harm_consequence(sc, cx, e, (size_t)g, se);
  if (hc == 0) return;
  if (hc < 0) {
    f = -f;
    mods |= LXS_MOD_HARM_PATIENT;
  }
  lxs_credit(sc, cx, e, se, (size_t)g, se->weight * me * ne * f, mods, LXS_THEME_NONE, own);
  /* Other themes' terms right next to it get the same reading. */
  for (uint32_t t = 0; t < cx->nth; t++) {
    if (orientation(sc, &M[resolve(cx, (size_t)g)], t) != 0) continue;
    if (t < 64 && (own >> t & 1)) continue;
    unsigned d2;
    long h = lxs_nearest_target(sc, cx, e, t, SAME_SEG, 0, &d2);
    if (h >= 0 && d2 <= NEAR_WORDS)
      lxs_credit(sc, cx, e, se, (size_t)h, se->weight * me * ne, 0, t, 0);
  }
}

/* A theme's own evaluative word ("toothless" for multilateralism) counts
 * only with a term of that theme: in its segment, else in the sentence. */
static void bind_theme_eval(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                            double ne) {
  unsigned d;
  long g = lxs_nearest_target(sc, cx, e, se->theme, SAME_SEG, 0, &d);
  double f = 1.0;
  unsigned mods = 0;
  if (g < 0) {
    g = lxs_nearest_target(sc, cx, e, se->theme, SAME_SENT, 0, &d);
    f = WEAK_LINK;
    mods = LXS_MOD_WEAK_LINK;
  }
  if (g < 0) return;
  double hc = harm_consequence(sc, cx, e, (size_t)g, se);
  if (hc == 0) return;
  if (hc < 0) {
    f = -f;
    mods |= LXS_MOD_HARM_PATIENT;
  }
  lxs_credit(sc, cx, e, se, (size_t)g, se->weight * me * ne * f, mods, se->theme, 0);
}

/* A harm word in an adjective form ("destructive", "harmful",
 * "disastrous") says that what it describes is harmful: it evaluates,
 * like an eval word, rather than naming a harm done to a patient. */
static int adjectival_harm(const lxs_scorer *sc, const lxs_match *m, const lxs_sense *se) {
  if (se->role != LXS_R_HARM && se->role != LXS_R_THREAT) return 0;
  const lxs_token *t = &sc->tok->toks[m->tok_last];
  const char *nm = lxs_tok_norm(sc->tok, t);
  size_t n = t->norm_len;
  if (n < 6) return 0;
  const char *end = nm + n - 3;
  return strcmp(end, "ive") == 0 || strcmp(end, "ful") == 0 || strcmp(end, "ous") == 0;
}

/* Is token k a word ending in "ed" ("imposed", "unveiled")? */
static int ed_form(const lxs_tokenizer *tk, uint32_t k) {
  const lxs_token *t = &tk->toks[k];
  const char *nm = lxs_tok_norm(tk, t);
  return t->kind == LXS_TOK_WORD && t->norm_len > 4 && nm[t->norm_len - 2] == 'e' &&
         nm[t->norm_len - 1] == 'd';
}

/* A one-word harm in "-ing" inside a noun phrase, right before the theme
 * term it describes ("the punishing tariffs", "imposed crippling 40%
 * duties"), is an adjective: the thing it describes does the harm, as
 * with "harmful".  It is one when a determiner or a past verb stands
 * before it, or a number between it and the term; a determiner or a
 * preposition after it makes it a verb with an object ("undermining the
 * WTO"), and so does a subject or a preposition before it ("by slashing
 * tariffs"). */
static int attributive_ing(const lxs_scorer *sc, const sent_ctx *cx, size_t e,
                           const lxs_sense *se) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  if (se->role != LXS_R_HARM || M[e].tok_first != M[e].tok_last || e + 1 >= cx->m1) return 0;
  const lxs_token *t = &tk->toks[M[e].tok_first];
  const char *nm = lxs_tok_norm(tk, t);
  if (t->norm_len < 6 || strcmp(nm + t->norm_len - 3, "ing") != 0) return 0;
  const lxs_match *g = &M[e + 1];
  if (!is_target(g) || g->wpos > M[e].wpos_last + 3) return 0;
  int number = 0;
  for (uint32_t k = M[e].tok_last + 1; k < g->tok_first; k++) {
    const lxs_token *b = &tk->toks[k];
    if (b->kind == LXS_TOK_PUNCT) {
      if (b->punct != LXS_P_OTHER) return 0;
      continue; /* "40%" */
    }
    if (b->flags & LXS_TF_NUMBER) number = 1;
    else if (tok_class_at(tk, k) & (W_STOP | W_DET | W_AUX)) return 0;
  }
  uint32_t k = M[e].tok_first;
  if (k <= cx->t0 || tk->toks[k - 1].kind != LXS_TOK_WORD) return number;
  return number || (tok_class_at(tk, k - 1) & (W_DET | W_NOUNDET)) || ed_form(tk, k - 1);
}

/* Is the praise word at match e the object of a harm just before it ("the
 * duties will shave a point off growth", "tariffs destroy jobs")?  The
 * good thing harmed is what the harm is about: the harm word has counted
 * it, and as praise of the theme it would count against the harm.  Only
 * a harm word in its segment, within OBJECT_REACH words, with no theme
 * term and no other evaluation between. */
static int harmed_good(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_match *M = sc->mt.m;
  const uint32_t harms = 1u << LXS_R_HARM | 1u << LXS_R_DECAY | 1u << LXS_R_THREAT;
  uint32_t seg = rec_of(cx, e)->seg;
  for (size_t j = e; j-- > cx->m0 && rec_of(cx, j)->seg == seg;) {
    if (M[e].wpos > M[j].wpos_last + OBJECT_REACH || is_target_ref(sc, cx, j)) return 0;
    if (M[j].roles & harms) return 1;
    if (is_evaluative(&M[j])) return 0;
  }
  return 0;
}

/* "The tariffs shield farmers from the crisis", "protect workers against
 * unfair competition": a benefit verb with "from" or "against" between it
 * and a bad thing wards the bad thing off. */
static int warded_off(const lxs_scorer *sc, const lxs_match *b, const lxs_match *bad) {
  if (!((b->roles >> LXS_R_BENEFIT) & 1)) return 0;
  for (uint32_t k = b->tok_last + 1; k < bad->tok_first; k++)
    if (tok_is(sc->tok, k, "from") || tok_is(sc->tok, k, "against")) return 1;
  return 0;
}

/* The mirror of harmed_good: "the tariffs counter harmful practices
 * abroad", "the pact will fix a broken system", "leaders vowed to reform
 * the dysfunctional body".  A negative word in the object of an act
 * against something or of a repair (an oppose or repair word before it in
 * its segment, within OBJECT_REACH words, with no theme term and no other
 * evaluation between) names what is fought or mended: it is no verdict on
 * the theme term that acts.  When the object names a theme term itself
 * ("counter the harmful tariffs") the word is about that term and binds
 * as usual. */
static int remedied_bad(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_match *M = sc->mt.m;
  const uint32_t remedies = 1u << LXS_R_OPPOSE | 1u << LXS_R_REPAIR;
  uint32_t seg = rec_of(cx, e)->seg;
  for (size_t j = e; j-- > cx->m0 && rec_of(cx, j)->seg == seg;) {
    if (M[e].wpos > M[j].wpos_last + OBJECT_REACH || is_target_ref(sc, cx, j)) return 0;
    if ((M[j].roles & remedies) || warded_off(sc, &M[j], &M[e])) {
      unsigned d;
      long g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, 1, &d);
      return g < 0 || d > OBJECT_REACH;
    }
    if (is_evaluative(&M[j])) return 0;
  }
  return 0;
}

/* Has match m a negative general evaluation, harm or decay sense? */
static int negative_sentiment(const lxs_scorer *sc, const lxs_match *m) {
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *se = sense_at(sc, m, k);
    if (se->theme == LXS_THEME_SENTIMENT && se->weight < 0 && se->role != LXS_R_DESCRIBE) return 1;
  }
  return 0;
}

/* "Poor countries were hit hard by the tariffs": a negative evaluation
 * with an agent marker right after it (at most one word between) is a
 * harm that the agent does and the subject suffers, and takes the harm
 * roles: the tariffs are blamed, and harm suffered is defended. */
static int agentive_eval(const lxs_scorer *sc, const sent_ctx *cx, size_t e, const lxs_sense *se) {
  const lxs_match *M = sc->mt.m;
  if (se->weight >= 0 || e + 1 >= cx->m1 || !((M[e + 1].mod_roles >> LXS_R_AGENT) & 1)) return 0;
  return M[e + 1].wpos <= M[e].wpos_last + 2 && rec_of(cx, e + 1)->seg == rec_of(cx, e)->seg;
}

/* Has match m a negative general sense, the news register's included? */
static int negative_or_conflict(const lxs_scorer *sc, const lxs_match *m) {
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *se = sense_at(sc, m, k);
    if (se->theme == LXS_THEME_SENTIMENT && se->weight < 0) return 1;
  }
  return 0;
}

/* "The tariffs deepened the rift", "the levies will fuel the crisis":
 * a benefit verb whose direct object is a bad thing (at most two words
 * between, no preposition: "shield farmers from the crisis" protects the
 * farmers) makes the bad thing grow -- no good done to the theme.  The
 * object's own word says what it is (a harm, or news of a conflict). */
static int amplified_bad(const lxs_scorer *sc, const sent_ctx *cx, size_t e, const lxs_sense *se) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  if (se->role != LXS_R_BENEFIT || se->weight <= 0 || e + 1 >= cx->m1) return 0;
  size_t j = e + 1;
  if (rec_of(cx, j)->seg != rec_of(cx, e)->seg || is_target_ref(sc, cx, j)) return 0;
  if (!negative_or_conflict(sc, &M[j])) return 0;
  unsigned words = 0;
  for (uint32_t k = M[e].tok_last + 1; k < M[j].tok_first; k++) {
    if (tk->toks[k].kind != LXS_TOK_WORD) {
      if (tk->toks[k].flags & LXS_TF_PART) continue;
      return 0;
    }
    if (++words > 2 || (tok_class_at(tk, k) & W_PREP)) return 0;
  }
  return 1;
}

/* Every match in order: its mentions, its tone, and each evaluative sense
 * bound to its target.  Contributions are summed in match order. */
void lxs_score_bind(lxs_scorer *sc, sent_ctx *cx, double *sent_raw, uint32_t *sent_hits) {
  const lxs_match *M = sc->mt.m;
  for (size_t e = cx->m0; e < cx->m1; e++) {
    const lxs_mrec *r = rec_of(cx, e);
    double me = r->mult * r->intens, ne = r->neg;
    /* (nothing to do for a match with no theme sense that refers back to
     * no earlier sentence) */
    if (M[e].themes || r->cross_ref) bind_mentions(sc, cx, e, me, ne);
    /* A neutral sense on the same words blocks the others: "successive"
     * (successive*) is not "success", though Snowball stems them alike. */
    if ((M[e].mod_roles >> LXS_R_NEUTRAL) & 1) continue;
    if (!is_target(&M[e]) && negative_sentiment(sc, &M[e]) && remedied_bad(sc, cx, e))
      rec_of(cx, e)->remedied = 1;
    for (uint32_t k = 0; k < M[e].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[e], k);
      if (se->theme == LXS_THEME_SENTIMENT && se->role == LXS_R_IMPOSE) {
        if (!r->no_stance) lxs_score_imposition(sc, cx, e, se, me, ne);
      } else if (se->theme == LXS_THEME_SENTIMENT) {
        if (se->role != LXS_R_OPPOSE) {
          double c = se->weight * me * ne;
          *sent_raw += c;
          (*sent_hits)++;
          lxs_add_evidence(sc, cx->sent, LXS_THEME_NONE, se, &M[e], NULL, r->flags, c);
        }
        if (r->no_stance || se->role == LXS_R_DESCRIBE) continue; /* tone only */
        if (r->remedied && se->weight < 0) continue;              /* tone only */
        if (amplified_bad(sc, cx, e, se)) continue;               /* tone only */
        if (se->role == LXS_R_EVAL && se->weight > 0 && harmed_good(sc, cx, e)) continue;
        if ((se->role == LXS_R_EVAL && !agentive_eval(sc, cx, e, se)) ||
            adjectival_harm(sc, &M[e], se) || attributive_ing(sc, cx, e, se))
          bind_eval(sc, cx, e, se, me, ne);
        else lxs_score_harm_roles(sc, cx, e, se, me, ne);
      } else if (se->theme < LXS_THEME_SENTIMENT && se->role == LXS_R_EVAL && !r->no_stance) {
        bind_theme_eval(sc, cx, e, se, me, ne);
      } else if (se->role == LXS_R_ADVOCATE && !r->no_stance) {
        lxs_score_advocacy(sc, cx, e, se, me, ne);
      }
    }
  }
}
