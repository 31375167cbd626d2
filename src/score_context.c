/* score_context.c - what a sentence refers to beyond its own theme terms:
 * anaphors and shell nouns resolved within the sentence and back to the
 * discourse context, and evaluations of a sentence that names no theme
 * carried to the theme the context is about.
 *
 * The context is, per theme, its last target match in the document and
 * that match's sentence; a theme is active for CONTEXT_SENTENCES
 * sentences after it was last named. */
#include <string.h>

#include "scoring.h"
#include "wordclass.h"

/* Number of a theme term, for anaphors: W_PLURAL for "tariffs",
 * W_SINGULAR for "the WTO", both for an acronym ("BRICS ... they"). */
static lxs_wbits term_number(const lxs_scorer *sc, const lxs_match *m) {
  const lxs_token *t = &sc->tok->toks[m->tok_last];
  if (t->flags & (LXS_TF_ALLCAPS | LXS_TF_ACRO)) return W_SINGULAR | W_PLURAL;
  const char *nm = lxs_tok_norm(sc->tok, t);
  size_t n = t->norm_len;
  int plural = n > 3 && nm[n - 1] == 's' && nm[n - 2] != 's' && nm[n - 2] != 'u' &&
               nm[n - 2] != 'i';
  return plural ? W_PLURAL : W_SINGULAR;
}

/* The number an anaphor asks for (both when it does not say: "which"),
 * and W_RELATIVE for a relative pronoun. */
static lxs_wbits anaphor_number(const lxs_scorer *sc, const lxs_match *m) {
  const lxs_token *t = &sc->tok->toks[m->tok_first];
  lxs_wbits c = tok_wclass(sc->tok, t) & (W_SINGULAR | W_PLURAL | W_RELATIVE);
  return (c & (W_SINGULAR | W_PLURAL)) ? c : c | W_SINGULAR | W_PLURAL;
}

/* "It is important to recognise ...", "it can be said that ...": "it"
 * before a form of be (after at most two auxiliaries) and, a word or two
 * on, "to" or "that" -- with no determiner after the verb ("it is a tool
 * to punish": a noun phrase that "it" refers to) -- is a dummy subject,
 * no anaphor.  The contraction holds the verb itself ("it's better to
 * wait", but "it's a failure" refers back). */
static int expletive_it(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *m) {
  const lxs_tokenizer *tk = sc->tok;
  uint32_t k = m->tok_first, v = k + 1;
  if (m->tok_last != k) return 0;
  if (tok_is(tk, k, "it's")) v = k; /* "it's better to wait": the verb is in the word */
  else if (!tok_is(tk, k, "it")) return 0;
  for (; v > k && v < cx->tend && v <= k + 3; v++) {
    const lxs_token *t = &tk->toks[v];
    if (t->kind != LXS_TOK_WORD) return 0;
    lxs_wbits c = tok_wclass(tk, t);
    if (c & W_PASSIVE) break;
    if (!(c & W_AUX)) return 0;
  }
  if (v > k + 3 || v >= cx->tend) return 0;
  for (uint32_t j = v + 1; j < cx->tend && j <= v + 3; j++) {
    const lxs_token *t = &tk->toks[j];
    if (t->kind != LXS_TOK_WORD) return 0;
    lxs_wbits c = tok_wclass(tk, t);
    if (c & W_DET) return 0;
    if (j > v + 1 && ((c & W_INFINITIVE) || tok_is(tk, j, "that"))) return 1;
  }
  return 0;
}

/* Is t an adverb in -ly ("it bluntly said")? */
static int ly_word(const lxs_tokenizer *tk, const lxs_token *t) {
  size_t n = t->norm_len;
  return n > 4 && strcmp(lxs_tok_norm(tk, t) + n - 2, "ly") == 0;
}

/* ", it added.", "it said in a statement": a pronoun right before a speech
 * verb (an adverb such as "also" may stand between) is the holder of the
 * view, which speaks about something else, not the thing evaluated. */
static int speaking_pronoun(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *m) {
  const lxs_tokenizer *tk = sc->tok;
  for (uint32_t k = m->tok_last + 1; k < cx->tend && k <= m->tok_last + 2; k++) {
    const lxs_token *t = &tk->toks[k];
    if (t->kind != LXS_TOK_WORD) return 0;
    lxs_wbits c = tok_wclass(tk, t);
    if (c & (W_SAY | W_ADD)) return 1;
    if (!tok_is(tk, k, "also") && !ly_word(tk, t)) return 0;
  }
  return 0;
}

/* Does a noun that the pronoun at m could stand for come before it in
 * its own sentence -- a name (a capitalised word that does not open the
 * sentence) for "it" / "its", a plural noun for "they" / "them"?  Then the
 * pronoun refers to it, not back to the previous sentence: "America
 * needs to restore its leadership", "Leaders gathered in Rio, among them
 * ...", "South Africa finds itself in the firing line". */
static int local_rival(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *m,
                       lxs_wbits want) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_wbits function = W_STOP | W_AUX | W_DET | W_OPENER | W_FIRSTP | W_SINGULAR | W_PLURAL |
                             W_PREP;
  for (uint32_t k = cx->t0; k < m->tok_first; k++) {
    const lxs_token *t = &tk->toks[k];
    if (t->kind != LXS_TOK_WORD || (tok_wclass(tk, t) & function)) continue;
    const char *nm = lxs_tok_norm(tk, t);
    size_t n = t->norm_len;
    if ((want & W_SINGULAR) && k > cx->t0 && (t->flags & LXS_TF_CAPITAL)) return 1;
    if ((want & W_PLURAL) && n > 3 && nm[n - 1] == 's' && nm[n - 2] != 's' && nm[n - 2] != 'u' &&
        nm[n - 2] != 'i' && nm[n - 2] != '\'')
      return 1;
  }
  return 0;
}

/* Anaphors ("it", "they", "its") stand for the nearest theme term before
 * them in the sentence that agrees in number ("The trade war hurt farmers
 * so badly that Washington had to bail them out": not the trade war).  A
 * sentence that opens with no theme term of its own may refer back to
 * the previous sentence ("The WTO is slow. Without it, small states would
 * be at the mercy of the strong.") -- but not with a relative pronoun
 * ("The Global Century, which argued ...": a noun this sentence names),
 * nor past a noun of its own sentence it may stand for (local_rival). */
void lxs_score_anaphors(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  long last_sg = -1, last_pl = -1;
  int any = 0;
  long prev = sc->last_target >= 0 && cx->sent > 0 ? sc->last_target : -1;
  for (size_t j = cx->m0; j < cx->m1; j++) {
    if (is_target(&M[j])) {
      lxs_wbits n = term_number(sc, &M[j]);
      if (n & W_SINGULAR) last_sg = (long)j;
      if (n & W_PLURAL) last_pl = (long)j;
      any = 1;
    } else if (has_role(&M[j], LXS_R_ANAPHOR) && !expletive_it(sc, cx, &M[j]) &&
               !speaking_pronoun(sc, cx, &M[j])) {
      lxs_mrec *r = rec_of(cx, j);
      lxs_wbits want = anaphor_number(sc, &M[j]);
      long a = -1;
      if (want & W_SINGULAR) a = last_sg;
      if ((want & W_PLURAL) && last_pl > a) a = last_pl;
      if (a >= 0) r->ante = a;
      else if (!any && !(want & W_RELATIVE) && prev >= 0 && (term_number(sc, &M[prev]) & want) &&
               !local_rival(sc, cx, &M[j], want)) {
        r->ante = prev;
        r->cross_ref = 1;
      }
    }
  }
}

/* Is theme t active at sentence s (named within the last sentences)? */
static int active(const lxs_scorer *sc, uint32_t t, size_t s) {
  return sc->ctx_match[t] >= 0 && s - sc->ctx_sent[t] <= CONTEXT_SENTENCES;
}

/* Is token t a possessive noun ("Washington's", "the president's") --
 * not a pronoun's contraction ("it's", "there's", "what's": function
 * words that may open a sentence)? */
static int possessive_noun(const lxs_tokenizer *tk, const lxs_token *t) {
  const char *nm = lxs_tok_norm(tk, t);
  size_t n = t->norm_len;
  if (n < 4 || nm[n - 1] != 's' || nm[n - 2] != '\'') return 0;
  return !(lxs_wclass(nm, n - 2) & (W_OPENER | W_STOP));
}

/* Is the word before m a determiner that makes it refer back ("the",
 * "this", "such", "his"; "the new" is allowed one word between), or a
 * possessive noun right before it ("Washington's move"), or "like this"
 * after it ("action like this")? */
static int determined(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *m) {
  const lxs_tokenizer *tk = sc->tok;
  for (uint32_t back = 1; back <= 2 && m->tok_first >= cx->t0 + back; back++) {
    const lxs_token *t = &tk->toks[m->tok_first - back];
    if (t->kind != LXS_TOK_WORD) return 0;
    if (tok_wclass(tk, t) & W_SHELLDET) return 1;
    if (back == 1 && possessive_noun(tk, t)) return 1;
  }
  /* after it: "action like this", "measures like these" */
  uint32_t k = m->tok_last + 1;
  return k + 1 < cx->tend && tok_is(tk, k, "like") &&
         (tok_wclass(tk, &tk->toks[k + 1]) & W_SHELLDET) && !tok_is(tk, k + 1, "the");
}

/* Shell nouns ("the measure", "the move", "this approach", "the bloc")
 * stand for a theme their lexicon line allows, when a term of that theme
 * comes earlier in the sentence ("Protectionist measures are multiplying,
 * and the forum exists to reverse that trend") or in the context ("Trump
 * imposed new steel tariffs. The move drew immediate praise."). */
void lxs_score_shells(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  long *seen = sc->last; /* per theme: its last target so far in the sentence */
  for (size_t t = 0; t < cx->nth; t++) seen[t] = -1;
  for (size_t j = cx->m0; j < cx->m1; j++) {
    if (is_target(&M[j])) {
      for (uint32_t t = 0; t < cx->nth; t++)
        if (orientation(sc, &M[j], t) != 0) seen[t] = (long)j;
      continue;
    }
    if (!has_role(&M[j], LXS_R_SHELL) || !determined(sc, cx, &M[j])) continue;
    /* Of the themes the noun may stand for, the one its lexicon weight
     * prefers ("the bloc" is a group of countries before it is an
     * institution), then the one named last; the sentence before the
     * context. */
    long best = -1;
    double bw = 0;
    int cross = 0;
    for (uint32_t k = 0; k < M[j].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[j], k);
      if (se->role != LXS_R_SHELL || se->theme >= cx->nth) continue;
      long a = seen[se->theme];
      int x = 0;
      if (a < 0 && active(sc, se->theme, cx->sent)) {
        a = sc->ctx_match[se->theme];
        x = 1;
      }
      if (a < 0) continue;
      if (best < 0 || se->weight > bw || (se->weight == bw && a > best)) {
        best = a;
        bw = se->weight;
        cross = x;
      }
    }
    if (best >= 0) {
      rec_of(cx, j)->ante = best;
      rec_of(cx, j)->cross_ref = (uint8_t)cross;
    }
  }
}

/* A sentence that names no theme but evaluates ("I deeply regret this
 * choice", after a sentence on tariffs) speaks about the theme of the
 * context: its evaluations count, at CONTEXT_WEIGHT, for the theme(s)
 * named most recently, with that mention's orientation.  News-register
 * description, scene-setting and a bad thing fought or mended ("the pact
 * tackles the bitter disputes of the past") carry nothing. */
void lxs_score_context_carry(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  size_t latest = 0;
  int any = 0;
  for (uint32_t t = 0; t < cx->nth; t++) {
    if (cx->mentions[t]) return;
    if (active(sc, t, cx->sent) && (!any || sc->ctx_sent[t] > latest)) {
      latest = sc->ctx_sent[t];
      any = 1;
    }
  }
  if (!any) return;
  for (uint32_t t = 0; t < cx->nth; t++) {
    if (!active(sc, t, cx->sent) || sc->ctx_sent[t] != latest) continue;
    const lxs_match *a = &M[sc->ctx_match[t]];
    double o = orientation(sc, a, t);
    double sum = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (size_t e = cx->m0; e < cx->m1; e++) {
        const lxs_mrec *r = rec_of(cx, e);
        if (r->no_stance || r->scene || r->remedied) continue;
        for (uint32_t k = 0; k < M[e].nsenses; k++) {
          const lxs_sense *se = sense_at(sc, &M[e], k);
          if (se->theme != LXS_THEME_SENTIMENT || se->role == LXS_R_DESCRIBE ||
              se->role == LXS_R_IMPOSE)
            continue;
          double w = se->role == LXS_R_OPPOSE ? -se->weight : se->weight;
          double c = CONTEXT_WEIGHT * w * r->mult * r->intens * r->neg * o;
          if (c == 0) continue;
          if (pass == 0) {
            sum += c;
            continue;
          }
          cx->raw[t] += c;
          lxs_add_evidence(sc, cx->sent, t, se, &M[e], a, r->flags | LXS_MOD_CONTEXT, c);
        }
      }
      /* An argument goes on in one direction: a carried evaluation that
       * contradicts the stance the theme last had is about something
       * else ("This upgrade introduces new chapters", after a sentence
       * against protectionism, praises the upgrade). */
      if (pass == 0 && (sum == 0 || (sc->ctx_sign[t] && (sum > 0) != (sc->ctx_sign[t] > 0)))) break;
      if (pass == 1) cx->mentions[t]++;
    }
  }
}

/* After a sentence: its last theme term is what an anaphor opening the
 * next sentence refers to, and each theme it names is active, with the
 * sign of the sentence's stance on it.  A shell noun or an anaphor that
 * refers back to an earlier sentence keeps its theme active, as naming it
 * would ("Washington raised tariffs. The move angered allies. Critics
 * called the measure a blunder."): the antecedent stays the term named. */
void lxs_score_remember_targets(lxs_scorer *sc, const sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  sc->last_target = -1;
  for (size_t j = cx->m0; j < cx->m1; j++) {
    size_t a = j;
    if (!is_target(&M[j])) {
      const lxs_mrec *r = rec_of(cx, j);
      if (!r->cross_ref || r->ante < 0) continue;
      a = (size_t)r->ante;
    }
    sc->last_target = (long)a;
    for (uint32_t t = 0; t < cx->nth; t++)
      if (orientation(sc, &M[a], t) != 0) {
        sc->ctx_match[t] = (long)a;
        sc->ctx_sent[t] = cx->sent;
        int c = lxs_stance_class(sc->scores[cx->sent * cx->nth + t].stance);
        sc->ctx_sign[t] = (signed char)c;
      }
  }
}
