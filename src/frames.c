/* frames.c - speech frames: the verb that reports speech in a sentence
 * ("said", "argued", "according to", ", saying", "In X's view", "X was
 * blunt: ...") and the person it names as speaker. */
#include "attrib.h"

#include <string.h>

static int time_word(const actx *c, size_t k) {
  static const char *const w[] = {"week", "month", "year", "weekend", "morning",
                                  "afternoon", "evening", "night", "today", "yesterday",
                                  "earlier", "later", NULL};
  if (c->wc[k] & W_TIME) return 1;
  if (TK(c, k)->flags & LXS_TF_NUMBER) return 1;
  const char *n = NORM(c, k);
  for (int i = 0; w[i]; i++)
    if (strcmp(n, w[i]) == 0) return 1;
  return 0;
}

/* Is there a speech quote in sentence k (of the paragraph) that closes
 * before token v? */
static int quote_closes_before(const actx *c, uint32_t k, uint32_t v) {
  if (c->sspan0[k] == NO_TOK) return 0;
  for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++) {
    const qspan *sp = &c->spans[x];
    if (sp->speech && sp->close != NO_TOK && sp->close < v &&
        sp->s_close == c->cur_sent)
      return 1;
  }
  return 0;
}

/* Is word k (class cl, normal form nm) a speech verb here?  Sets *ve to
 * the verb's last word ("pointed out", "according to", "went on to say"). */
static int speech_verb(actx *c, uint32_t k_in_para, size_t k, lxs_wbits cl, const char *nm,
                       int according, size_t *ve) {
  *ve = k;
  if (according) {
    if (k + 1 >= c->nw || !norm_is(c, k + 1, "to")) return 0;
    *ve = k + 1;
  } else if (strcmp(nm, "pointed") == 0 || strcmp(nm, "pointing") == 0) {
    if (k + 1 >= c->nw || !norm_is(c, k + 1, "out")) return 0;
    *ve = k + 1;
  } else if (strcmp(nm, "went") == 0) {
    if (k + 1 >= c->nw || !norm_is(c, k + 1, "on")) return 0;
    *ve = k + 1;
    if (*ve + 2 < c->nw && norm_is(c, *ve + 1, "to") && (c->wc[*ve + 2] & (W_SAY | W_WEAK)))
      *ve += 2;
  } else if (strcmp(nm, "continued") == 0 || strcmp(nm, "continues") == 0) {
    if (k + 1 < c->nw && !is_p(c, k + 1, LXS_P_COMMA) && !is_p(c, k + 1, LXS_P_COLON) &&
        !is_quote(c, k + 1) && !terminal(c, k + 1) && !norm_is(c, k + 1, "that"))
      return 0;
  } else if (strcmp(nm, "asked") == 0 && k == 0) {
    return 0; /* "Asked about ..., Menon said" */
  }
  if (!according && k >= 1 && is_word(c, k - 1) &&
      (strcmp(nm, "told") == 0 || strcmp(nm, "asked") == 0 || strcmp(nm, "said") == 0) &&
      (norm_is(c, k - 1, "was") || norm_is(c, k - 1, "were") || norm_is(c, k - 1, "is") ||
       norm_is(c, k - 1, "are") || norm_is(c, k - 1, "been") || norm_is(c, k - 1, "being") ||
       norm_is(c, k - 1, "be")))
    return 0; /* "He was told ...": not his words */
  if (!according && k >= 1 && is_word(c, k - 1)) {
    lxs_wbits pc = c->wc[k - 1];
    if ((pc & W_NEG) || (pc & W_DET) || norm_is(c, k - 1, "to")) return 0;
    if (k >= 2 && (pc & W_AUX) && is_word(c, k - 2) && (c->wc[k - 2] & W_NEG)) return 0;
  }
  if ((cl & W_WEAK) && !(cl & W_SAY)) {
    size_t nx = *ve + 1;
    int ok = nx < c->nw && (norm_is(c, nx, "that") || is_p(c, nx, LXS_P_COLON) ||
                            is_quote(c, nx) ||
                            (is_p(c, nx, LXS_P_COMMA) && nx + 1 < c->nw && is_quote(c, nx + 1)));
    if (!ok) ok = quote_closes_before(c, k_in_para, c->w[k]);
    /* "Menon believes the pact will help" */
    if (!ok && (cl & W_OPINE) && nx < c->nw && is_word(c, nx)) ok = 1;
    if (!ok) return 0;
  }
  return 1;
}

/* Where the subject before the verb at k ends: auxiliaries, ", however,"
 * and time phrases ("China on Thursday said") are skipped.  Returns the
 * position after the subject's last word (0: the verb opens the clause). */
static size_t subject_end(const actx *c, size_t k) {
  size_t j = k;
  int steps = 0;
  while (j > 0 && steps < 6) {
    size_t p = j - 1;
    if (is_word(c, p) && (c->wc[p] & W_AUX)) {
      j = p;
      steps++;
      continue;
    }
    if (is_p(c, p, LXS_P_COMMA) && p >= 2 && is_word(c, p - 1) &&
        (c->wc[p - 1] & (W_AUX | W_OPENER)) && is_p(c, p - 2, LXS_P_COMMA) &&
        !(c->wc[p - 1] & W_STOP)) {
      j = p - 2;
      steps++;
      continue;
    }
    /* "China on Thursday said", "Menon last week argued" */
    if (is_word(c, p) && time_word(c, p)) {
      size_t q = p;
      while (q > 0 && p - q < 3 && is_word(c, q - 1) && time_word(c, q - 1)) q--;
      if (q > 0 && (norm_is(c, q - 1, "on") || norm_is(c, q - 1, "last") ||
                    norm_is(c, q - 1, "this") || norm_is(c, q - 1, "in") ||
                    norm_is(c, q - 1, "earlier") || norm_is(c, q - 1, "late"))) {
        j = q - 1;
        steps++;
        continue;
      }
    }
    break;
  }
  return j;
}

/* Appositive subject: "Jayant Menon, a visiting senior fellow ..., said"
 * (p is the comma before the verb). */
static int appositive_subject(actx *c, size_t p, int *ref, size_t *spos) {
  size_t lo = p > APPOS_REACH ? p - APPOS_REACH : 0;
  for (size_t x = p; x-- > lo;) {
    if (is_quote(c, x) || terminal(c, x)) break;
    if (!is_p(c, x, LXS_P_COMMA) || x == 0 || !namey(c, x - 1)) continue;
    size_t a = lxs_run_left(c, x - 1, 0);
    if (!lxs_clause_start(c, a)) continue;
    nameinfo ni;
    lxs_analyze_run(c, a, x - 1, 1, &ni);
    if (!ni.ok) continue;
    lxs_prename_desc(c, ni.pi, a, ni.n0);
    lxs_set_appositive(c, ni.pi, x + 1, p);
    *ref = ni.ref;
    *spos = a;
    return ni.pi;
  }
  return WHO_NONE;
}

/* The speaker of a verb at k whose last word is ve, searched before it
 * (the subject) or after it (inverted "said Menon"). */
static int verb_subject(actx *c, size_t k, size_t ve, int *ref, size_t *spos) {
  size_t j = subject_end(c, k);
  if (j == 0) return lxs_np_right(c, ve + 1, ref);
  size_t p = j - 1;
  int who = WHO_NONE;
  if (is_quote(c, p) || (is_p(c, p, LXS_P_COMMA) && p >= 1 && is_quote(c, p - 1)) ||
      is_p(c, p, LXS_P_COLON) || is_p(c, p, LXS_P_DASH)) {
    who = lxs_np_right(c, ve + 1, ref);
  } else if (is_p(c, p, LXS_P_COMMA)) {
    who = appositive_subject(c, p, ref, spos);
    if (who == WHO_NONE) who = lxs_np_right(c, ve + 1, ref);
  } else if (is_p(c, p, LXS_P_CLOSE)) {
    size_t o = p;
    while (o > 0 && p - o < 15 && !is_p(c, o, LXS_P_OPEN)) o--;
    if (is_p(c, o, LXS_P_OPEN) && o > 0) {
      who = lxs_np_left(c, o - 1, ref);
      if (who >= 0 && p > o + 1) {
        const char *tp;
        size_t tn = tok_text(c, o + 1, p - 1, &tp);
        lxs_person_set_desc(c, who, tp, tn);
      }
      *spos = lxs_run_left(c, o - 1, 0);
    }
  } else if (is_word(c, p)) {
    who = lxs_np_left(c, p, ref);
    *spos = namey(c, p) ? lxs_run_left(c, p, 0) : p;
  }
  return who;
}

/* A frame at word k, if it is one: 1 and *cur filled. */
static int verb_frame(actx *c, uint32_t k_in_para, size_t k, frame_t *cur) {
  if (!is_word(c, k) || c->inq[c->w[k]]) return 0;
  lxs_wbits cl = c->wc[k];
  const char *nm = NORM(c, k);
  int according = strcmp(nm, "according") == 0;
  if (!(cl & (W_SAY | W_WEAK | W_SAYING)) && !according) return 0;
  size_t ve;
  int add = (cl & W_ADD) != 0;
  if (!speech_verb(c, k_in_para, k, cl, nm, according, &ve)) return 0;
  int who = WHO_NONE, ref = REF_FULL, at_start = 0;
  size_t spos = 0;
  if (cl & W_SAYING) {
    if (k >= 1 && is_p(c, k - 1, LXS_P_COMMA)) {
      who = lxs_main_subject(c, &ref, &spos);
    } else if (k >= 3 && norm_is(c, k - 1, "as") && norm_is(c, k - 2, "quoted")) {
      size_t j = k - 3;
      while (j > 0 && is_word(c, j) && (c->wc[j] & W_AUX)) j--;
      who = lxs_np_left(c, j, &ref);
    } else {
      return 0;
    }
  } else if (according) {
    who = lxs_np_right(c, ve + 1, &ref);
  } else {
    who = verb_subject(c, k, ve, &ref, &spos);
  }
  if (who == WHO_NONE) return 0;
  if (who == WHO_AUTHOR && add) return 0; /* "value added" */
  at_start = spos <= 1 && k <= spos + MAX_RUN + 2;
  frame_t f = {who, ref, add, according, 0, c->w[k], at_start, 0, 0};
  *cur = f;
  return 1;
}

/* "In Menon's view, ...", "In his view, ..." */
static int view_frame(actx *c, frame_t *f) {
  if (!(c->nw > 4 && norm_is(c, 0, "in"))) return 0;
  size_t e = 1;
  while (e + 1 < c->nw && namey(c, e) && !possessive(c, e) && e < 6) e++;
  static const char *const views[] = {"view", "opinion", "words", "assessment",
                                      "estimation", "analysis", "judgment", "judgement",
                                      "eyes", "mind", NULL};
  if (!(e + 1 < c->nw && lxs_in_words(views, NORM(c, e + 1)))) return 0;
  int who = WHO_NONE, ref = REF_FULL;
  const char *pn = NORM(c, e);
  if (e == 1 && (strcmp(pn, "his") == 0 || strcmp(pn, "her") == 0)) {
    ref = REF_PRONOUN;
    who = lxs_resolve_pronoun(c, pn[0] == 'h' && pn[1] == 'i' ? 1 : 2, 1);
  } else if (possessive(c, e) && namey(c, e)) {
    nameinfo ni;
    lxs_analyze_run(c, 1, e, 1, &ni);
    if (ni.ok) who = ni.pi, ref = ni.ref;
  }
  if (who < 0) return 0;
  frame_t cur = {who, ref, 0, 1, 0, c->w[0], 0, 0, 0};
  *f = cur;
  return 1;
}

/* "Menon was blunt: "..."" */
static int colon_frame(actx *c, frame_t *f) {
  for (size_t k = 1; k + 1 < c->nw; k++) {
    if (!is_p(c, k, LXS_P_COLON) || c->inq[c->w[k]] || !is_quote(c, k + 1) ||
        !in_speech(c, k + 1))
      continue;
    int ref;
    size_t spos;
    int who = lxs_main_subject(c, &ref, &spos);
    if (who >= 0) {
      frame_t cur = {who, ref, 0, 0, 1, c->w[k], 0, 0, 0};
      *f = cur;
      return 1;
    }
    break;
  }
  return 0;
}

void lxs_find_frame(actx *c, uint32_t k_in_para, frame_t *f) {
  memset(f, 0, sizeof *f);
  f->who = WHO_NONE;
  frame_t nonperson, cur;
  int have_np = 0;
  for (size_t k = 0; k < c->nw; k++) {
    if (!verb_frame(c, k_in_para, k, &cur)) continue;
    if (cur.who >= 0) {
      *f = cur;
      return;
    }
    if (!have_np) {
      nonperson = cur;
      have_np = 1;
    }
  }
  if (view_frame(c, f) || colon_frame(c, f)) return;
  if (have_np) *f = nonperson;
}

int lxs_frame_cue(const frame_t *f) {
  if (f->add) return LXS_CUE_CONTINUATION;
  if (f->ref == REF_PRONOUN) return LXS_CUE_PRONOUN;
  if (f->ref == REF_SHORT) return LXS_CUE_SHORT_NAME;
  if (f->ref == REF_DESC) return LXS_CUE_DESCRIPTION;
  if (f->according) return LXS_CUE_ACCORDING_TO;
  if (f->after) return LXS_CUE_SAID_AFTER;
  if (f->before) return LXS_CUE_SAID_BEFORE;
  return LXS_CUE_INDIRECT;
}
