/* score_harm.c - harm roles: for a harm, decay, threat, benefit, agency or
 * opposition word, which theme term suffers it, which causes it, and what
 * that says about the speaker's stance.
 *
 *   "the erosion of the multilateral order"   harm done TO the theme: +1
 *   "the fragmentation risk posed by US protectionism"   the cause: -1
 *   "protectionist reflexes are corroding the rules"     the cause: -1
 *   "the WTO is collapsing"                   decay of the subject: +1
 *   "farm exports collapsed after the tariffs"   decay, theme the cause: -1
 *   "exporters fear the threat of new tariffs"   the threat is the theme
 *                                             itself ("fear" gives -1)
 *   "tariffs revived American steelmaking"    benefit: the helper +1
 *   "G77 ministers walked out of the talks"   agency: the actor +1
 *   "countermeasures against the tariffs"     opposition: the object -1
 *   "we will impose tariffs on every car"     imposition by the holder: +1 */
#include <stdint.h>
#include <string.h>

#include "scoring.h"
#include "wordclass.h"

/* Is there an agent marker ("by", "posed by") between matches a and b? */
static int agent_between(const sent_ctx *cx, size_t a, size_t b) {
  if (b <= a + 1) return 0;
  return rec_of(cx, b)->agents > rec_of(cx, a + 1)->agents;
}

/* Word class bits of token k of the sentence (0 past its end or for
 * punctuation). */
static lxs_wbits wclass_tok(const lxs_scorer *sc, const sent_ctx *cx, uint32_t k) {
  return k < cx->tend ? tok_class_at(sc->tok, k) : 0;
}

/* Does the word (the first of a phrase: "tearing holes in") end in "ing"
 * (a progressive or a gerund, never passive)? */
static int ing_form(const lxs_scorer *sc, const lxs_match *e) {
  const lxs_token *t = &sc->tok->toks[e->tok_first];
  const char *nm = lxs_tok_norm(sc->tok, t);
  return t->norm_len > 4 && strcmp(nm + t->norm_len - 3, "ing") == 0;
}

/* "is undermined", "got eroded": a form of be/get/become right before --
 * but "are corroding" is a progressive, and its subject acts, and "are a
 * threat" a noun.  A verb of undergoing ("face a crushing debt burden",
 * "suffered a blow") makes its subject the patient of the harm named a few
 * words after it, noun or not. */
static int passive_before(const lxs_scorer *sc, const lxs_match *e) {
  const lxs_tokenizer *tk = sc->tok;
  uint32_t t0 = tk->sents[e->sentence].first_tok;
  int progressive = ing_form(sc, e), noun = 0;
  for (int back = 1; back <= 3; back++) {
    if (e->tok_first < t0 + (uint32_t)back) return 0;
    const lxs_token *t = &tk->toks[e->tok_first - back];
    if (t->kind != LXS_TOK_WORD) return 0;
    lxs_wbits c = tok_wclass(tk, t);
    if (c & W_UNDERGO) return 1;
    if ((c & W_PASSIVE) && !progressive && !noun && back <= 2) return 1;
    if (c & (W_DET | W_NOUNDET)) noun = 1;
  }
  return 0;
}

/* The themes for which match g (resolved) names a policy instrument
 * ("tariffs", "quotas"): harm done to it is its removal ("the president
 * is slashing the tariffs"), an act against the theme that, narrated,
 * takes no side -- unlike harm done to an institution or an order ("the
 * erosion of the WTO"), which the speaker laments. */
static uint64_t instrument_themes(const lxs_scorer *sc, const sent_ctx *cx, size_t g) {
  const lxs_match *m = &sc->mt.m[resolve(cx, g)];
  if (!has_role(m, LXS_R_INSTRUMENT)) return 0;
  uint64_t mask = 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->role == LXS_R_INSTRUMENT && s->theme < 64) mask |= (uint64_t)1 << s->theme;
  }
  return mask;
}

/* Does theme term g suffer a harm named a few words after it in its
 * clause: a decay, or a harm in the passive ("the WTO will collapse",
 * "the appellate body may be dismantled"), with no theme term between?
 * An active harm ("tariffs will hurt them") makes g its cause. */
int lxs_suffers_harm_after(const lxs_scorer *sc, const sent_ctx *cx, size_t g) {
  const lxs_match *M = sc->mt.m;
  const uint32_t harms = 1u << LXS_R_HARM | 1u << LXS_R_DECAY;
  for (size_t h = g + 1; h < cx->m1 && rec_of(cx, h)->clause == rec_of(cx, g)->clause; h++) {
    if (M[h].wpos > M[g].wpos_last + AGENT_REACH || is_target_ref(sc, cx, h)) return 0;
    if (!(M[h].roles & harms)) continue;
    if (agent_between(cx, g, h)) return 0;
    return has_role(&M[h], LXS_R_DECAY) || passive_before(sc, &M[h]);
  }
  return 0;
}

/* Remember that target g (resolved) suffers the harm at match e. */
static void mark_harmed(const sent_ctx *cx, size_t g, size_t e) {
  lxs_mrec *r = rec_of(cx, local_ref(cx, g));
  if (r->harmed_by < 0) r->harmed_by = (long)e;
}

/* A threat word names the theme term after it as the threat itself
 * ("the threat of tariffs", "threatened to impose tariffs"), not as its
 * victim ("a threat to the WTO", "threatens the WTO"). */
static int names_the_threat(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *e,
                            const lxs_match *g) {
  uint32_t k = e->tok_last + 1;
  lxs_wbits link = wclass_tok(sc, cx, k);
  if (link & W_CAUSEPREP) return 1;
  if (!(link & W_INFINITIVE) || k + 1 >= g->tok_first) return 0;
  return !(wclass_tok(sc, cx, k + 1) & (W_DET | W_NOUNDET));
}

/* A decay word's object suffers the decay only when linked by "of" / "in"
 * or right after it ("the decline of the WTO", "a crumbling WTO"); any
 * other link makes it the cause ("exports collapsed after the tariffs"). */
static int decay_patient(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *e,
                         const lxs_match *g) {
  if (g->wpos == e->wpos_last + 1) return 1;
  return (wclass_tok(sc, cx, e->tok_last + 1) & W_SUFFERPREP) != 0;
}

/* Does the speaker do the harm at match e: a first-person subject right
 * before it, with at most auxiliaries between ("We will withdraw from the
 * WTO", "I would pull out of the deal")?  The harm is then the speaker's
 * own act, as when called for ("should withdraw"), and goes against its
 * object.  "We fear tariffs will undermine the WTO" has a verb between. */
static int first_person_act(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_tokenizer *tk = sc->tok;
  uint32_t words = 0;
  for (uint32_t k = sc->mt.m[e].tok_first; k > cx->t0 && words < 4; k--) {
    const lxs_token *t = &tk->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) return 0;
    if (t->flags & LXS_TF_PART) continue;
    words++;
    if (t->flags & (LXS_TF_ALLCAPS | LXS_TF_ACRO)) return 0; /* "US", not "us" */
    lxs_wbits c = tok_wclass(tk, t);
    if (c & W_FIRSTP) return !(c & W_DET); /* "we", "I"; not "our" */
    if (!(c & (W_AUX | W_INFINITIVE | W_NEG)) && !(t->flags & LXS_TF_NT)) return 0;
  }
  return 0;
}

/* Is theme term g the means of the harm before it, introduced by "with"
 * or "through" (a determiner may stand between): "punishing its own
 * consumers with tariffs", "hurting allies through the levies"?  The
 * means does the harm, as an agent does. */
static int means_of(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *g) {
  uint32_t k = g->tok_first;
  if (k > cx->t0 && (wclass_tok(sc, cx, k - 1) & (W_DET | W_NOUNDET))) k--;
  return k > cx->t0 && (wclass_tok(sc, cx, k - 1) & W_MEANS);
}

/* The theme term after the word (its object): harmed or opposed, unless
 * an agent marker makes it the cause ("risk posed by tariffs") or the
 * speaker calls for the harm ("should withdraw from the WTO"); helped by
 * a benefit.  Returns the themes credited. */
static uint64_t harm_object(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                            double ne, int *agent_out) {
  const lxs_match *M = sc->mt.m;
  if (se->role == LXS_R_AGENCY) return 0;
  unsigned d;
  long g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, +1, &d);
  if (g < 0) return 0;
  if (se->role == LXS_R_THREAT && names_the_threat(sc, cx, &M[e], &M[g])) return 0;
  double w = se->weight;
  int agent = agent_between(cx, e, (size_t)g) || means_of(sc, cx, &M[g]);
  *agent_out = agent;
  /* far beyond the word, a theme term is seldom its object ("oppose a bill
   * that would curb the minister's power to raise the levies"), and a
   * pronoun object comes right after it ("hurt them"; in "hurt farmers
   * more than they help" "they" is a subject) */
  if (d > OBJECT_REACH && !agent) return 0;
  if (has_role(&M[g], LXS_R_ANAPHOR) && d > 1 && !agent) return 0;
  int cause = agent || (se->role == LXS_R_DECAY && !decay_patient(sc, cx, &M[e], &M[g]));
  double c;
  unsigned mods = 0;
  uint64_t skip = 0;
  if (se->role == LXS_R_BENEFIT || se->role == LXS_R_REPAIR) {
    c = w * me * ne;
    if (agent) mods |= LXS_MOD_AGENT;
    /* "reform the dysfunctional appeals body": what follows describes
     * what is to be repaired, as after a harm */
    if (se->role == LXS_R_REPAIR && !agent) mark_harmed(cx, (size_t)g, e);
  } else if (se->role == LXS_R_OPPOSE) {
    /* "a fight over tariffs" names a dispute, not a side in it */
    c = agent || (wclass_tok(sc, cx, M[e].tok_last + 1) & W_TOPICPREP) ? 0 : -w * me * ne;
  } else if (cause || rec_of(cx, e)->advocated ||
             (se->role == LXS_R_HARM && first_person_act(sc, cx, e))) {
    /* The cause of a harm is blamed; a harm the speaker calls for, or
     * does, goes against its target. */
    c = w * me * ne;
    if (cause) mods |= LXS_MOD_AGENT;
  } else {
    /* Harm done to the theme: the speaker defends it.  A denied harm
     * ("not a threat to X") says nothing either way. */
    c = ne < 0 ? 0 : -w * me * ne;
    mods |= LXS_MOD_HARM_PATIENT;
    mark_harmed(cx, (size_t)g, e);
    skip = instrument_themes(sc, cx, (size_t)g);
  }
  if (c == 0) return 0;
  return lxs_credit(sc, cx, e, se, (size_t)g, c, mods, LXS_THEME_NONE, skip);
}

/* Is there a copula a few words before match e ("is a severe blow to",
 * "are under attack")? */
static int copula_before(const lxs_scorer *sc, const sent_ctx *cx, const lxs_match *e) {
  uint32_t words = 0;
  for (uint32_t k = e->tok_first; k > cx->t0 && words < 3; k--) {
    const lxs_token *t = &sc->tok->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) return 0;
    if (t->flags & LXS_TF_PART) continue;
    words++;
    if (tok_wclass(sc->tok, t) & W_PASSIVE) return 1;
  }
  return 0;
}

/* "The announcement of sweeping tariffs on every partner, including its
 * allies, is a severe blow to the economy": a harm predicated after a
 * copula, with no theme term near before it, is said of the sentence's
 * subject -- a theme term among its first words, in the harm's clause,
 * however long the subject phrase runs. */
static long sentence_subject(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_match *M = sc->mt.m;
  if (!copula_before(sc, cx, &M[e])) return -1;
  for (size_t i = cx->m0; i < e && M[i].wpos <= SUBJECT_WORDS; i++)
    if (is_target_ref(sc, cx, i) && rec_of(cx, i)->clause == rec_of(cx, e)->clause) return (long)i;
  return -1;
}

/* The theme term before the word (its subject, within AGENT_REACH
 * words, or the sentence's subject before a copula): the cause of a harm, unless the verb is
 * passive or a decay
 * ("The WTO is collapsing"), or the term already suffers an earlier harm
 * ("the sidelining of X ... undermines the deal": a consequence); the
 * actor of a benefit or of agency. */
static void harm_subject(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                         double ne, uint64_t done, int passive) {
  unsigned d;
  long b = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, -1, &d);
  if (b < 0 || d > AGENT_REACH) b = sentence_subject(sc, cx, e);
  if (b < 0) return;
  double w = se->weight;
  double c;
  unsigned mods;
  if (se->role == LXS_R_BENEFIT || se->role == LXS_R_AGENCY || se->role == LXS_R_REPAIR) {
    c = w * me * ne;
    mods = passive ? 0 : LXS_MOD_AGENT;
  } else if (se->role == LXS_R_OPPOSE) {
    c = -w * me * ne; /* "the tariffs were criticised by businesses" */
    mods = 0;
  } else if (passive || rec_of(cx, local_ref(cx, (size_t)b))->harmed_by >= 0) {
    c = ne < 0 ? 0 : -w * me * ne;
    mods = LXS_MOD_HARM_PATIENT;
    mark_harmed(cx, (size_t)b, e);
    done |= instrument_themes(sc, cx, (size_t)b); /* "the tariffs were slashed" */
  } else {
    c = w * me * ne;
    mods = LXS_MOD_AGENT;
  }
  /* One event counts once per theme: "X joined Y" with X and Y on the
   * same theme is one act of support, not two. */
  if (c != 0) lxs_credit(sc, cx, e, se, (size_t)b, c, mods, LXS_THEME_NONE, done);
}

/* "The bill would threaten to repeal the tariffs": the act after
 * "threaten to" is what the threat names, as "threatened to impose
 * tariffs" names the measure -- the threat's word says how the speaker
 * sees it, and the act takes no side of its own. */
static int threatened_act(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_match *M = sc->mt.m;
  if (e == cx->m0 || !has_role(&M[e - 1], LXS_R_THREAT)) return 0;
  uint32_t k = M[e - 1].tok_last + 1;
  return k + 1 == M[e].tok_first && (wclass_tok(sc, cx, k) & W_INFINITIVE);
}

void lxs_score_harm_roles(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                          double ne) {
  if (threatened_act(sc, cx, e)) return;
  int agent = 0;
  uint64_t done = harm_object(sc, cx, e, se, me, ne, &agent);
  /* A word whose object is its agent ("a world fractured by
   * protectionism") is passive too: its subject suffers it. */
  int passive = passive_before(sc, &sc->mt.m[e]) || agent || se->role == LXS_R_DECAY;
  /* the actor of an opposition gets nothing, the subject of a passive one
   * is what is opposed */
  if (se->role != LXS_R_OPPOSE || passive) harm_subject(sc, cx, e, se, me, ne, done, passive);
}

/* "calls for a quicker start of the regional free-trade area", "urged a
 * return to the WTO": an advocacy word whose next match is a theme term,
 * with no evaluation between, supports it.  (Before a harm it is the harm that is called
 * for: see the advocate pass.) */
void lxs_score_advocacy(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                        double ne) {
  const lxs_match *M = sc->mt.m;
  uint32_t seg = rec_of(cx, e)->seg;
  for (size_t i = e + 1; i < cx->m1 && rec_of(cx, i)->seg == seg; i++) {
    if (M[i].wpos - M[e].wpos_last > ADVOCATE_REACH + 2) return;
    if (is_evaluative(&M[i]) || M[i].mod_roles) return;
    if (!is_target_ref(sc, cx, i)) continue;
    lxs_credit(sc, cx, e, se, i, ADVOCATE_SUPPORT * me * ne, 0, LXS_THEME_NONE, 0);
    return;
  }
}

/* A frame set off after its clause and ending the sentence ("..., the
 * secretary announced on Monday."): at most four words follow match e. */
static int postposed_frame(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  if (rec_of(cx, e)->seg == 0) return 0;
  unsigned after = 0;
  for (uint32_t k = sc->mt.m[e].tok_last + 1; k < cx->tend; k++)
    after += sc->tok->toks[k].kind == LXS_TOK_WORD;
  return after <= 4;
}

/* The subject of the act at match e names another actor: the first word
 * before it, past auxiliaries, negators and "to", is a capitalised name
 * ("said Washington would impose tariffs", "China will slap duties"), not
 * a pronoun or a form of be ("he would impose", "would be subject to"). */
static int named_subject(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_tokenizer *tk = sc->tok;
  for (uint32_t k = sc->mt.m[e].tok_first; k > cx->t0; k--) {
    const lxs_token *t = &tk->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) return 0;
    if (t->flags & LXS_TF_PART) continue;
    lxs_wbits c = tok_wclass(tk, t);
    if (c & (W_AUX | W_NEG | W_INFINITIVE) || (t->flags & LXS_TF_NT)) continue;
    return (t->flags & (LXS_TF_CAPITAL | LXS_TF_ALLCAPS)) && k - 1 > cx->t0 && !(c & W_FIRSTP);
  }
  return 0;
}

/* Is match e inside a speech frame whose holder the segmenter does not
 * name ("The president warned that every car would be subject to a
 * tariff", "..., the minister said")?  A say verb before it that opens a
 * clause ("said he", "warned that", "said the"; not the noun in "member
 * states pushed for"), or a post-posed frame after it: a last segment of
 * at most four words, one a say verb. */
#define FRAME_REACH 48 /* tokens looked back for a say verb */
static int unnamed_frame(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_wbits say = W_SAY | W_WEAK, opens = W_CLAUSEW | W_DET | W_FIRSTP;
  lxs_wbits next = 0; /* the class of the word after token k - 1 */
  uint32_t lo = sc->mt.m[e].tok_first > cx->t0 + FRAME_REACH ? sc->mt.m[e].tok_first - FRAME_REACH
                                                             : cx->t0; /* (bounded: linear) */
  for (uint32_t k = sc->mt.m[e].tok_first; k > lo; k--) {
    const lxs_token *t = &tk->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) {
      next = t->punct == LXS_P_COLON || t->punct == LXS_P_QUOTE ? opens : 0;
      continue;
    }
    lxs_wbits c = tok_wclass(tk, t);
    if ((c & say) && (next & opens)) return 1;
    next = c;
  }
  int found = 0;
  unsigned words = 0;
  for (uint32_t k = cx->tend; k > sc->mt.m[e].tok_last + 1; k--) {
    const lxs_token *t = &tk->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) {
      if (t->punct == LXS_P_COMMA || t->punct == LXS_P_DASH) return found && words <= 4;
      continue;
    }
    if (++words > 4) return 0; /* a frame of a few words only */
    if (tok_wclass(tk, t) & say) found = 1;
  }
  return 0;
}

/* Is the act at match e the holder's own: inside a view reported from its
 * holder ("Trump warned that any country ... would be subject to a
 * tariff"), inside the same frame when the sentence is that holder's own
 * (the segmenter gives it to Trump), inside a frame whose holder has no
 * name ("The president said he would impose tariffs") unless its subject
 * names another actor (the frame then reports what the actor does), or
 * with a first-person subject a few
 * words before it in its segment ("We will impose tariffs")? */
static int own_act(const lxs_scorer *sc, const sent_ctx *cx, size_t e) {
  const lxs_mrec *r = rec_of(cx, e);
  if (r->reported || r->own_speech) return 1;
  if (unnamed_frame(sc, cx, e) && !named_subject(sc, cx, e)) return 1;
  const lxs_tokenizer *tk = sc->tok;
  uint32_t words = 0;
  for (uint32_t k = sc->mt.m[e].tok_first; k > cx->t0 && words < AGENT_REACH; k--) {
    const lxs_token *t = &tk->toks[k - 1];
    if (t->kind != LXS_TOK_WORD) {
      if (t->punct == LXS_P_QUOTE) continue;
      break;
    }
    if (t->flags & LXS_TF_PART) continue;
    words++;
    if (t->flags & (LXS_TF_ALLCAPS | LXS_TF_ACRO)) continue; /* "US", not "us" */
    if (tok_wclass(tk, t) & W_FIRSTP) return 1;
  }
  return 0;
}

/* Performatives: a holder who puts a measure in place supports it ("We
 * will impose tariffs on every imported car"; "..., the secretary warned
 * that they would be subject to a 10% tariff"), and so does one who
 * announces it in a frame after the measure ("Every shipment will pay a
 * 30 percent tariff, the commerce secretary announced").  Narrated of a
 * third party ("Washington imposed new steel quotas on Tuesday") the act
 * takes no side, and the measure is a plain mention. */
void lxs_score_imposition(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                          double ne) {
  /* "threatened to impose tariffs": the threat names the measure */
  if (e > cx->m0 && has_role(&sc->mt.m[e - 1], LXS_R_THREAT)) return;
  unsigned d;
  long g = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, +1, &d);
  if (g >= 0 && d <= OBJECT_REACH) {
    if (own_act(sc, cx, e))
      lxs_credit(sc, cx, e, se, (size_t)g, se->weight * me * ne, 0, LXS_THEME_NONE, 0);
    return;
  }
  if (!has_role(&sc->mt.m[e], LXS_R_REPORT) || !postposed_frame(sc, cx, e)) return;
  long b = lxs_nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SENT, -1, &d);
  if (b >= 0 && rec_of(cx, (size_t)b)->seg < rec_of(cx, e)->seg)
    lxs_credit(sc, cx, e, se, (size_t)b, se->weight * me * ne, 0, LXS_THEME_NONE, 0);
}
