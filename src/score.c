/* score.c - stage 4: the scoring model.
 *
 * For each sentence: lexicon matches are turned into clause weights
 * (contrast, concession, condition, question), scopes (negation to the end
 * of its clause segment, hedges), local modifiers (intensifiers,
 * diminishers, distancers), and then each evaluative term is tied to the
 * theme terms it speaks about.  See README "Scoring model" for the formulas.
 *
 * Segments are stretches between commas, semicolons, colons, brackets,
 * dashes and contrast markers; clauses are stretches between the strong
 * ones (semicolons, colons, contrast markers). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "match.h"
#include "scorer.h"
#include "segment.h"
#include "stem.h"
#include "tokenize.h"
#include "util.h"

#define STANCE_ALPHA 1.0     /* raw -> raw / sqrt(raw^2 + alpha) */
#define SENTIMENT_ALPHA 1.0
#define QUESTION_DAMP 0.5    /* questions state no settled view */
#define WEAK_LINK 0.5        /* evaluative term tied across a comma */
#define SENTENCE_LINK 0.35   /* ... across a clause boundary */
#define NEAR_WORDS 3         /* reach of intensifiers and distancers */
#define AGENT_REACH 8        /* words before a harm verb for its agent */
#define ADVOCATE_REACH 4     /* "should ... withdraw from" */
#define SCARE_QUOTE -0.6     /* a theme term in scare quotes is disapproved */
#define SCARE_WORDS 4        /* longest quoted span read as scare quotes */
#define DECAY_START 5        /* tie strength falls off beyond this distance */
#define DECAY_SCALE 5.0

struct lxs_scorer {
  const lxs_lexicon *lex;
  lxs_stemmer *stemmer;
  double *raw, *held_raw;               /* per theme, for one sentence */
  long *last;                           /* build_target_index scratch */
  size_t caplast;
  uint32_t *mentions, *held_mentions;
  lxs_tokenizer *tok;
  lxs_matcher mt;
  lxs_speakers speakers;
  lxs_speaker *spk_view;
  size_t capspk;
  lxs_sentence *sents;
  size_t capsents;
  uint32_t *sent_speaker, *sent_flags;
  uint8_t *sent_cue;
  lxs_theme_score *scores;
  size_t capscores;
  lxs_evidence *ev;
  size_t nev, capev;
  /* per-match scratch for the current sentence */
  double *mult, *neg, *intens, *dist;
  unsigned *mflags;
  unsigned char *inrep;     /* match lies inside a reported view */
  long *ante;               /* anaphor's antecedent match, or -1 */
  long *prev_t, *next_t;    /* target index, see build_target_index */
  size_t captix;
  uint32_t *agents;         /* agent markers before each match */
  size_t capagent;
  unsigned char *advocated; /* harm term under "should", "must", ... */
  unsigned char *cross_ref; /* anaphor resolved to the previous sentence */
  long last_target;         /* last theme term of the previous sentence */
  long *harmed_by;          /* target suffers the harm at this match, or -1 */
  uint32_t *seg, *clause;   /* per match of the sentence (at its first token) */
  size_t pcur;              /* next entry of the tokenizer's puncts */
  const char *text;         /* the current document */
  uint32_t holder_idx;
  size_t capm;
  lxs_result res;
};

lxs_scorer *lxs_scorer_new(const lxs_lexicon *lex, char *err, size_t errlen) {
  lxs_stemmer *st = lxs_stemmer_new(lxs_lexicon_language(lex), err, errlen);
  if (!st) return NULL;
  lxs_scorer *sc = lxs_xcalloc(1, sizeof *sc);
  sc->lex = lex;
  sc->stemmer = st;
  sc->tok = lxs_tokenizer_new();
  lxs_matcher_init(&sc->mt);
  lxs_speakers_init(&sc->speakers);
  return sc;
}

void lxs_scorer_free(lxs_scorer *sc) {
  if (!sc) return;
  lxs_stemmer_free(sc->stemmer);
  free(sc->raw);
  free(sc->held_raw);
  free(sc->mentions);
  free(sc->held_mentions);
  lxs_tokenizer_free(sc->tok);
  lxs_matcher_free(&sc->mt);
  lxs_speakers_free(&sc->speakers);
  free(sc->spk_view);
  free(sc->sents);
  free(sc->sent_speaker);
  free(sc->sent_flags);
  free(sc->sent_cue);
  free(sc->scores);
  free(sc->ev);
  free(sc->mult);
  free(sc->neg);
  free(sc->intens);
  free(sc->dist);
  free(sc->mflags);
  free(sc->inrep);
  free(sc->ante);
  free(sc->prev_t);
  free(sc->last);
  free(sc->next_t);
  free(sc->agents);
  free(sc->advocated);
  free(sc->cross_ref);
  free(sc->harmed_by);
  free(sc->seg);
  free(sc->clause);
  free(sc);
}

lxs_tokenizer *lxs_scorer_tokenizer(lxs_scorer *sc) { return sc->tok; }
const lxs_matcher *lxs_scorer_matcher(const lxs_scorer *sc) { return &sc->mt; }
lxs_stemmer *lxs_scorer_stemmer(lxs_scorer *sc) { return sc->stemmer; }

static const lxs_sense *sense_at(const lxs_scorer *sc, const lxs_match *m,
                                 uint32_t k) {
  return sc->mt.senses[m->sense_off + k];
}

static int has_role(const lxs_scorer *sc, const lxs_match *m, lxs_role r) {
  (void)sc;
  return (m->roles >> r) & 1;
}

static int is_target(const lxs_scorer *sc, const lxs_match *m) {
  (void)sc;
  return m->target != 0;
}

static int is_evaluative(const lxs_scorer *sc, const lxs_match *m) {
  (void)sc;
  const uint32_t evaluative = 1u << LXS_R_EVAL | 1u << LXS_R_HARM |
                              1u << LXS_R_BENEFIT | 1u << LXS_R_OPPOSE |
                              1u << LXS_R_STANCE | 1u << LXS_R_DECAY;
  return (m->roles & evaluative) != 0;
}

/* Orientation of match m as a target of theme t (0 when not a target). */
static double orientation(const lxs_scorer *sc, const lxs_match *m, uint32_t t) {
  double o = 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->theme != t) continue;
    if (s->role == LXS_R_TARGET) return s->weight > 0 ? 1 : -1;
    /* A loaded term names the theme's own object ("trade war" is US
     * protectionism): praising it is support, whatever its connotation. */
    if (s->role == LXS_R_STANCE) o = 1;
  }
  return o;
}

static void add_evidence(lxs_scorer *sc, uint32_t sent, uint32_t theme,
                         const lxs_sense *se, const lxs_match *m,
                         const lxs_match *target, unsigned mods,
                         double contribution) {
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
}

typedef struct {
  size_t m0, m1;          /* matches of the sentence */
  double *raw;            /* per theme */
  uint32_t *mentions;
  double *held_raw;       /* per theme: the reported view's part */
  uint32_t *held_mentions;
  uint32_t sent;
  const char *holder;     /* holder of the reported view, or NULL */
} sent_ctx;

/* Weight of the match's modifier sense with role r (0 if none). */
static double role_weight(const lxs_scorer *sc, const lxs_match *m, lxs_role r) {
  if (!((m->mod_roles >> r) & 1)) return 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->role == r && s->theme == LXS_THEME_MODIFIER) return s->weight ? s->weight : 1e-9;
  }
  return 0;
}

/* Weight of the match's general evaluative sense (0 if none). */
static double eval_weight(const lxs_scorer *sc, const lxs_match *m) {
  if (!((m->roles >> LXS_R_EVAL) & 1)) return 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->theme == LXS_THEME_SENTIMENT && s->role == LXS_R_EVAL) return s->weight;
  }
  return 0;
}

/* Is the word after token k a coordinator ("and", "or", "nor")? */
static int coordinated_after(const lxs_tokenizer *tk, uint32_t k, uint32_t tend) {
  for (uint32_t n = k + 1; n < tend; n++) {
    const lxs_token *t = &tk->toks[n];
    if (t->flags & LXS_TF_PART) continue;
    if (t->kind != LXS_TOK_WORD) return 0;
    const char *nm = lxs_tok_norm(tk, t);
    return (nm[0] == 'a' && strcmp(nm, "and") == 0) ||
           (nm[0] == 'o' && strcmp(nm, "or") == 0) ||
           (nm[0] == 'n' && strcmp(nm, "nor") == 0);
  }
  return 0;
}

/* Match index a target reference resolves to: an anaphor ("it", "they")
 * stands for its antecedent. */
static size_t resolve(const lxs_scorer *sc, const sent_ctx *cx, size_t i) {
  long a = sc->ante[i - cx->m0];
  return a >= 0 ? (size_t)a : i;
}

/* Like resolve, but stays inside the sentence (for per-sentence arrays):
 * an antecedent in the previous sentence is represented by its anaphor. */
static size_t local_ref(const lxs_scorer *sc, const sent_ctx *cx, size_t i) {
  size_t r = resolve(sc, cx, i);
  return r >= cx->m0 && r < cx->m1 ? r : i;
}

static int is_target_ref(const lxs_scorer *sc, const sent_ctx *cx, size_t i) {
  return is_target(sc, &sc->mt.m[i]) || sc->ante[i - cx->m0] >= 0;
}

static unsigned wdist(const lxs_match *a, const lxs_match *b) {
  if (a->wpos > b->wpos_last) return a->wpos - b->wpos_last;
  if (b->wpos > a->wpos_last) return b->wpos - a->wpos_last;
  return 0;
}

/* Nearest target of theme (or any theme if theme == LXS_THEME_NONE) to
 * match e, among matches [lo, hi) satisfying the segment/clause filter. */
/* For every match, the nearest target reference before and after it, for
 * any theme and per theme, plus a running count of agent markers: built in
 * two passes so each lookup below is O(1). */
static void build_target_index(lxs_scorer *sc, const sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  size_t nm = cx->m1 - cx->m0, nth = lxs_lexicon_theme_count(sc->lex);
  size_t need = (nm + 1) * (nth + 1);
  if (sc->captix < need) {
    sc->captix = need;
    sc->prev_t = lxs_xrealloc(sc->prev_t, need * sizeof(long));
    sc->next_t = lxs_xrealloc(sc->next_t, need * sizeof(long));
  }
  if (sc->capagent < nm + 1) {
    sc->capagent = nm + 1;
    sc->agents = lxs_xrealloc(sc->agents, (nm + 1) * sizeof(uint32_t));
  }
  /* row t (0..nth-1) per theme, row nth for any theme */
  if (sc->caplast < nth + 1) {
    sc->caplast = nth + 1;
    sc->last = lxs_xrealloc(sc->last, (nth + 1) * sizeof(long));
  }
  long *last = sc->last;
  for (size_t t = 0; t <= nth; t++) last[t] = -1;
  uint32_t agents = 0;
  for (size_t i = 0; i < nm; i++) {
    size_t mi = cx->m0 + i;
    for (size_t t = 0; t <= nth; t++) sc->prev_t[t * nm + i] = last[t];
    sc->agents[i] = agents;
    if (has_role(sc, &M[mi], LXS_R_AGENT)) agents++;
    if (!is_target_ref(sc, cx, mi)) continue;
    last[nth] = (long)mi;
    const lxs_match *r = &M[resolve(sc, cx, mi)];
    for (size_t t = 0; t < nth; t++)
      if (orientation(sc, r, (uint32_t)t) != 0) last[t] = (long)mi;
  }
  sc->agents[nm] = agents;
  for (size_t t = 0; t <= nth; t++) last[t] = -1;
  for (size_t i = nm; i-- > 0;) {
    size_t mi = cx->m0 + i;
    for (size_t t = 0; t <= nth; t++) sc->next_t[t * nm + i] = last[t];
    if (!is_target_ref(sc, cx, mi)) continue;
    last[nth] = (long)mi;
    const lxs_match *r = &M[resolve(sc, cx, mi)];
    for (size_t t = 0; t < nth; t++)
      if (orientation(sc, r, (uint32_t)t) != 0) last[t] = (long)mi;
  }
}

/* Nearest target reference of theme (or any theme if theme ==
 * LXS_THEME_NONE) to match e on the given side (0 = either), within the
 * scope.  Segments are contiguous, so if the nearest one on a side is out
 * of scope, so are all further ones. */
enum { SAME_SEG, SAME_CLAUSE, SAME_SENT };
static long nearest_target(lxs_scorer *sc, const sent_ctx *cx, size_t e,
                           uint32_t theme, int scope, int side,
                           unsigned *dist_out) {
  const lxs_match *M = sc->mt.m;
  size_t nm = cx->m1 - cx->m0, nth = lxs_lexicon_theme_count(sc->lex);
  size_t row = (theme == LXS_THEME_NONE ? nth : theme) * nm;
  uint32_t es = sc->seg[e - cx->m0], ec = sc->clause[e - cx->m0];
  long cand[2] = {side > 0 ? -1 : sc->prev_t[row + e - cx->m0],
                  side < 0 ? -1 : sc->next_t[row + e - cx->m0]};
  long best = -1;
  unsigned bd = ~0u;
  for (int k = 0; k < 2; k++) {
    long i = cand[k];
    if (i < 0) continue;
    uint32_t is = sc->seg[i - (long)cx->m0], ic = sc->clause[i - (long)cx->m0];
    if (scope == SAME_SEG && is != es) continue;
    if (scope == SAME_CLAUSE && ic != ec) continue;
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

static int agent_between(lxs_scorer *sc, const sent_ctx *cx, size_t a,
                         size_t b) {
  if (b <= a + 1) return 0;
  return sc->agents[b - cx->m0] > sc->agents[a + 1 - cx->m0];
}

static int passive_before(lxs_scorer *sc, const lxs_match *e) {
  static const char *const be[] = {"is", "are", "was", "were", "be", "been",
                                   "being", "get", "gets", "got", "getting",
                                   "become", "became", NULL};
  const lxs_tokenizer *tk = sc->tok;
  uint32_t t0 = tk->sents[e->sentence].first_tok;
  for (int back = 1; back <= 2; back++) {
    if (e->tok_first < t0 + (uint32_t)back) return 0;
    const lxs_token *t = &tk->toks[e->tok_first - back];
    if (t->kind != LXS_TOK_WORD) return 0;
    const char *nm = lxs_tok_norm(tk, t);
    for (int i = 0; be[i]; i++) /* first letters first: this runs often */
      if (nm[0] == be[i][0] && strcmp(nm, be[i]) == 0) return 1;
  }
  return 0;
}

/* Remember that target g (resolved) suffers the harm at match e. */
static void mark_harmed(lxs_scorer *sc, const sent_ctx *cx, size_t g, size_t e) {
  size_t r = local_ref(sc, cx, g) - cx->m0;
  if (sc->harmed_by[r] < 0) sc->harmed_by[r] = (long)e;
}

/* Add contribution of evaluative sense se at match e toward target g, for
 * every theme g is a target of (skipping themes in 'done'). */
static uint64_t credit_x(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se,
                         size_t g, double factor, unsigned mods, uint32_t only_theme,
                         uint64_t skip) {
  const lxs_match *M = sc->mt.m;
  size_t nth = lxs_lexicon_theme_count(sc->lex);
  size_t gr = resolve(sc, cx, g);
  uint64_t done = 0;
  for (uint32_t t = 0; t < nth; t++) {
    if (only_theme != LXS_THEME_NONE && t != only_theme) continue;
    if (t < 64 && (skip >> t & 1)) continue;
    double o = orientation(sc, &M[gr], t);
    if (o == 0) continue;
    double c = factor * o;
    cx->raw[t] += c;
    unsigned f = mods | sc->mflags[e - cx->m0];
    if (sc->inrep[e - cx->m0]) {
      cx->held_raw[t] += c;
      f |= LXS_MOD_REPORTED;
    }
    add_evidence(sc, cx->sent, t, se, &M[e], &M[g], f, c);
    if (f & LXS_MOD_REPORTED) sc->ev[sc->nev - 1].holder = cx->holder;
    if (t < 64) done |= (uint64_t)1 << t;
  }
  return done;
}

static void credit(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se,
                   size_t g, double factor, unsigned mods, uint32_t only_theme) {
  credit_x(sc, cx, e, se, g, factor, mods, only_theme, 0);
}

/* Reported views.  A reporting verb ("say", "argue", "according to") with a
 * subject that is not the speaker ("Critics say the WTO is broken") marks
 * the clause it introduces as the holder's view: the sentence still
 * expresses it, but per-speaker totals credit the holder.  Post-posed
 * frames ("..., critics say") report what precedes them; inverted ones
 * ("..., said Zhang Wei") name the holder after the verb.  First-person
 * subjects and endorsements ("rightly") keep the view the speaker's own. */
static void detect_report(lxs_scorer *sc, sent_ctx *cx) {
  static const char *const first_person[] = {"i", "we", "our", "my", "us", NULL};
  static const char *const skip_det[] = {"the", "a", "an", "some", "many", "most", NULL};
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  const lxs_sent *S = &tk->sents[cx->sent];
  uint32_t t0 = S->first_tok, tend = S->first_tok + S->ntok;
  cx->holder = NULL;
  size_t r = SIZE_MAX;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    if (has_role(sc, &M[i], LXS_R_ENDORSE)) return;
    if (r == SIZE_MAX && has_role(sc, &M[i], LXS_R_REPORT)) r = i;
  }
  if (r == SIZE_MAX) return;
  uint32_t rs = sc->seg[r - cx->m0];
  /* Subject: words right before the verb in its segment (max 6). */
  uint32_t subj_first = M[r].tok_first, nsubj = 0;
  while (subj_first > t0 && nsubj < 6) {
    const lxs_token *t = &tk->toks[subj_first - 1];
    if (t->kind != LXS_TOK_WORD) break;
    subj_first--;
    if (!(t->flags & LXS_TF_PART)) nsubj++;
  }
  /* "according to X, ..." names the holder after the verb. */
  int after_named = nsubj == 0 || (M[r].wpos == 0);
  uint32_t h0, h1; /* holder tokens [h0, h1) */
  int span_before; /* the view precedes the frame */
  if (!after_named) {
    h0 = subj_first;
    h1 = M[r].tok_first;
    /* Post-posed frame: the verb's segment is the last one with words. */
    span_before = rs > 0;
    for (size_t i = r + 1; i < cx->m1; i++)
      if (sc->seg[i - cx->m0] == rs && is_evaluative(sc, &M[i]))
        span_before = 0;
    if (rs > 0) {
      int later_words = 0;
      for (uint32_t k = M[r].tok_last + 1; k < tend; k++)
        if (tk->toks[k].kind == LXS_TOK_WORD) later_words++;
      if (later_words > 3) span_before = 0;
    }
  } else {
    h0 = M[r].tok_last + 1;
    h1 = h0;
    while (h1 < tend && tk->toks[h1].kind == LXS_TOK_WORD) h1++;
    span_before = M[r].wpos > 0;
  }
  while (h0 < h1) { /* drop leading determiners */
    const char *nm = lxs_tok_norm(tk, &tk->toks[h0]);
    int det = 0;
    for (int i = 0; skip_det[i]; i++)
      if (nm[0] == skip_det[i][0] && strcmp(nm, skip_det[i]) == 0) det = 1;
    if (!det) break;
    h0++;
  }
  /* Drop a trailing reflexive ("the Ministry itself said"). */
  while (h1 > h0) {
    const char *nm = lxs_tok_norm(tk, &tk->toks[h1 - 1]);
    if (strcmp(nm, "itself") && strcmp(nm, "himself") && strcmp(nm, "herself") &&
        strcmp(nm, "themselves"))
      break;
    h1--;
  }
  if (h0 >= h1) return;
  /* The reporting word must be a verb: not "the warning", "a claim",
   * "saying". */
  {
    const lxs_token *v = &tk->toks[M[r].tok_first];
    const char *vn = lxs_tok_norm(tk, v);
    size_t vl = v->norm_len;
    if (vl > 4 && strcmp(vn + vl - 3, "ing") == 0) return;
    if (M[r].tok_first > t0) {
      const lxs_token *pv = &tk->toks[M[r].tok_first - 1];
      const char *pn = pv->kind == LXS_TOK_WORD ? lxs_tok_norm(tk, pv) : "";
      if (!strcmp(pn, "the") || !strcmp(pn, "a") || !strcmp(pn, "an") ||
          !strcmp(pn, "this") || !strcmp(pn, "its") || !strcmp(pn, "their"))
        return;
    }
  }
  /* The holder must read as a name or a group, not a clause fragment. */
  static const char *const not_holder[] = {
      "and", "or", "but", "for", "to", "in", "on", "with", "by", "that",
      "which", "who", "whom", "it", "this", "these", "those", "is", "are",
      "was", "were", "has", "have", "had", "be", "been", "not", "no",
      "because", "if", "when", "while", "as", "he", "she", "they", "them",
      "there", "what", "also", NULL};
  uint32_t holder_words = 0;
  for (uint32_t k = h0; k < h1; k++) {
    const lxs_token *ht = &tk->toks[k];
    if (ht->flags & LXS_TF_PART) continue;
    holder_words++;
    const char *nm = lxs_tok_norm(tk, ht);
    for (int i = 0; first_person[i]; i++)
      if (nm[0] == first_person[i][0] && strcmp(nm, first_person[i]) == 0) return;
    for (int i = 0; not_holder[i]; i++)
      if (nm[0] == not_holder[i][0] && strcmp(nm, not_holder[i]) == 0) return;
    if (strcmp(nm, "of") == 0 &&
        (k + 1 >= h1 || !(tk->toks[k + 1].flags & LXS_TF_CAPITAL)))
      return;
  }
  if (holder_words > 5) return;
  /* Mark the reported matches. */
  int any = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    uint32_t is = sc->seg[i - cx->m0];
    int in;
    if (span_before) {
      in = i < r && M[i].tok_last < h0 && is < rs;
      if (after_named) in = i < r;
    } else if (after_named) {
      in = M[i].tok_first >= h1;
    } else {
      in = i > r && sc->clause[i - cx->m0] == sc->clause[r - cx->m0];
    }
    if (in) {
      sc->inrep[i - cx->m0] = 1;
      any = 1;
    }
  }
  if (!any) return;
  size_t start = tk->toks[h0].start, end = tk->toks[h1 - 1].end;
  if (tk->toks[h1 - 1].flags & LXS_TF_PART) {
    /* extend to the compound's end */
  }
  const char *text = sc->text;
  sc->holder_idx = lxs_speakers_intern(&sc->speakers, text + start, end - start, "", 0);
  cx->holder = sc->speakers.names[sc->holder_idx];
}

/* What a punctuation class does to the segments of a sentence: ";" and
 * ":" end a segment and a clause; "," brackets and dashes a segment;
 * "?" makes a question; quotes are counted (for scare quotes). */
enum { PE_SEG = 1, PE_CLAUSE = 2, PE_QUESTION = 4, PE_QUOTE = 8 };
static const uint8_t kPunctEffect[128] = {
    [LXS_P_SEMI] = PE_SEG | PE_CLAUSE, [LXS_P_COLON] = PE_SEG | PE_CLAUSE,
    [LXS_P_COMMA] = PE_SEG,            [LXS_P_OPEN] = PE_SEG,
    [LXS_P_CLOSE] = PE_SEG,            [LXS_P_DASH] = PE_SEG,
    [LXS_P_QUEST] = PE_QUESTION,       [LXS_P_QUOTE] = PE_QUOTE};

static void score_sentence(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_sent *S = &tk->sents[cx->sent];
  const lxs_match *M = sc->mt.m;
  size_t nth = lxs_lexicon_theme_count(sc->lex);
  uint32_t t0 = S->first_tok;
  lxs_sentence *out = &sc->sents[cx->sent];

  /* The segment and clause of each match, at its first token: the
   * punctuation tokens before it (the tokenizer lists them) and the
   * contrast/concessive markers up to it (they open a new segment and
   * clause) are counted in one merge, so the words between cost nothing. */
  size_t nm = cx->m1 - cx->m0;
  if (sc->capm < nm + 1) { /* per-match scratch */
    sc->capm = nm + 1;
    sc->seg = lxs_xrealloc(sc->seg, sc->capm * sizeof *sc->seg);
    sc->clause = lxs_xrealloc(sc->clause, sc->capm * sizeof *sc->clause);
    sc->mult = lxs_xrealloc(sc->mult, sc->capm * sizeof(double));
    sc->neg = lxs_xrealloc(sc->neg, sc->capm * sizeof(double));
    sc->intens = lxs_xrealloc(sc->intens, sc->capm * sizeof(double));
    sc->dist = lxs_xrealloc(sc->dist, sc->capm * sizeof(double));
    sc->mflags = lxs_xrealloc(sc->mflags, sc->capm * sizeof(unsigned));
    sc->inrep = lxs_xrealloc(sc->inrep, sc->capm);
    sc->ante = lxs_xrealloc(sc->ante, sc->capm * sizeof(long));
    sc->advocated = lxs_xrealloc(sc->advocated, sc->capm);
    sc->cross_ref = lxs_xrealloc(sc->cross_ref, sc->capm);
    sc->harmed_by = lxs_xrealloc(sc->harmed_by, sc->capm * sizeof(long));
  }
  const uint32_t markers = 1u << LXS_R_CONTRAST | 1u << LXS_R_CONCESSIVE;
  const uint32_t *P = tk->puncts;
  size_t np = tk->npunct, pi = sc->pcur;
  uint32_t tend = t0 + S->ntok;
  while (pi < np && P[pi] < t0) pi++; /* header sentences are skipped */
  uint32_t seg = 0, cl = 0;
  int question = 0, quotes = 0;
  /* The roles present in the sentence: the passes below that look for a
   * role the sentence lacks are skipped (each pass costs a loop). */
  uint32_t sroles = 0, smod = 0;
#define PUNCT_UPTO(limit)                                                   \
  for (; pi < np && P[pi] < (limit); pi++) {                                \
    unsigned f = kPunctEffect[(unsigned char)tk->toks[P[pi]].punct & 127];  \
    seg += f & PE_SEG;                                                      \
    cl += (f >> 1) & 1;                                                     \
    question |= (f >> 2) & 1;                                               \
    quotes += (f >> 3) & 1;                                                 \
  }
  for (size_t i = cx->m0; i < cx->m1; i++) {
    PUNCT_UPTO(M[i].tok_first)
    if ((M[i].roles & markers) && M[i].tok_first != t0) {
      seg++;
      cl++;
    }
    sc->seg[i - cx->m0] = seg;
    sc->clause[i - cx->m0] = cl;
    sroles |= M[i].roles;
    smod |= M[i].mod_roles;
  }
  PUNCT_UPTO(tend)
#undef PUNCT_UPTO
  sc->pcur = pi;

  /* Every per-match scratch value set in one loop (sentences have a few
   * matches: a call to memset each would cost more than the stores). */
  for (size_t i = 0; i < nm; i++) {
    sc->inrep[i] = sc->advocated[i] = sc->cross_ref[i] = 0;
    sc->ante[i] = sc->harmed_by[i] = -1;
    sc->mult[i] = question ? QUESTION_DAMP : 1.0;
    sc->neg[i] = 1.0;
    sc->intens[i] = 1.0;
    sc->dist[i] = 0.0;
    sc->mflags[i] = question ? LXS_MOD_QUESTION : 0;
  }
  /* Index scratch arrays by match index minus m0 via these macros. */
#define MULT(i) sc->mult[(i) - cx->m0]
#define NEG(i) sc->neg[(i) - cx->m0]
#define INT(i) sc->intens[(i) - cx->m0]
#define DIST(i) sc->dist[(i) - cx->m0]
#define FLG(i) sc->mflags[(i) - cx->m0]
#define SEG(i) sc->seg[(i) - cx->m0]
#define CLA(i) sc->clause[(i) - cx->m0]
  /* Everything below is a constant number of passes over the sentence's
   * matches: hostile input (a megabyte of "not not not ...", thousands of
   * quotes or contrast markers in one sentence) stays linear. */

  /* Anaphors ("it", "they", "its") stand for the nearest theme term
   * before them in the sentence. */
  /* A sentence that opens with no theme term of its own may refer back to
   * the previous sentence of the paragraph ("The WTO is slow. Without it,
   * small states would be at the mercy of the strong."). */
  long last_target = -1;
  int prev_ok = sc->last_target >= 0 && cx->sent > 0 &&
                tk->sents[cx->sent - 1].paragraph == S->paragraph;
  for (size_t j = cx->m0; (sroles >> LXS_R_ANAPHOR) & 1 && j < cx->m1; j++) {
    if (is_target(sc, &M[j])) last_target = (long)j;
    else if (has_role(sc, &M[j], LXS_R_ANAPHOR)) {
      if (last_target >= 0) sc->ante[j - cx->m0] = last_target;
      else if (prev_ok) {
        sc->ante[j - cx->m0] = sc->last_target;
        sc->cross_ref[j - cx->m0] = 1;
      }
    }
  }
  /* Scare quotes: a theme term alone in short quotes ("the 'rules-based
   * order'") is held at a distance -- unless a naming word introduces it
   * ("known as", "dubbed"). */
  size_t mp = cx->m0; /* first match at or after token k */
  for (uint32_t k = 0; quotes >= 2 && k + 2 < S->ntok; k++) {
    while (mp < cx->m1 && M[mp].tok_first < t0 + k) mp++;
    const lxs_token *q = &tk->toks[t0 + k];
    if (q->kind != LXS_TOK_PUNCT || q->punct != LXS_P_QUOTE || (q->flags & LXS_TF_CLOSING))
      continue;
    uint32_t e = k + 1, words = 0;
    while (e < S->ntok && tk->toks[t0 + e].kind == LXS_TOK_WORD && words <= SCARE_WORDS) {
      if (!(tk->toks[t0 + e].flags & LXS_TF_PART)) words++;
      e++;
    }
    if (e >= S->ntok || words == 0 || words > SCARE_WORDS) continue;
    const lxs_token *qc = &tk->toks[t0 + e];
    if (qc->kind != LXS_TOK_PUNCT || qc->punct != LXS_P_QUOTE) continue;
    if (mp > cx->m0 && M[mp - 1].tok_last + 1 == t0 + k &&
        has_role(sc, &M[mp - 1], LXS_R_NAMING))
      continue;
    for (size_t i = mp; i < cx->m1 && M[i].tok_first < t0 + e; i++) {
      if (M[i].tok_last >= t0 + e) continue;
      if (is_target(sc, &M[i])) {
        DIST(i) = SCARE_QUOTE;
        FLG(i) |= LXS_MOD_DISTANCED;
      } else if (eval_weight(sc, &M[i]) > 0) {
        /* a quoted praise word ("the 'fair' tariffs") is ironic */
        MULT(i) *= -1;
        FLG(i) |= LXS_MOD_DISTANCED;
      }
    }
  }
  /* Contrast ("but", "however"): the clause after a marker weighs w, the
   * one before it 2 - w.  Prefix and suffix products, one pass each. */
  if ((smod >> LXS_R_CONTRAST) & 1) {
    double pre = 1;
    int seen = 0;
    for (size_t i = cx->m0; i < cx->m1; i++) {
      if (seen) {
        MULT(i) *= pre;
        FLG(i) |= LXS_MOD_CONTRAST_UP;
      }
      double w = role_weight(sc, &M[i], LXS_R_CONTRAST);
      if (w) {
        pre *= w;
        seen = 1;
      }
    }
    double suf = 1;
    seen = 0;
    for (size_t i = cx->m1; i-- > cx->m0;) {
      if (seen) {
        MULT(i) *= suf;
        FLG(i) |= LXS_MOD_CONTRAST_DOWN;
      }
      double w = role_weight(sc, &M[i], LXS_R_CONTRAST);
      if (w) {
        suf *= 2 - w;
        seen = 1;
      }
    }
  }
  /* Concessives ("although", "while"): their own segment weighs w, the rest
   * of the sentence 2 - w. */
  if ((smod >> LXS_R_CONCESSIVE) & 1) {
    double all = 1;
    int any = 0;
    for (size_t i = cx->m0; i < cx->m1; i++) {
      double w = role_weight(sc, &M[i], LXS_R_CONCESSIVE);
      if (w) {
        all *= 2 - w;
        any = 1;
      }
    }
    if (any) {
      double run = 1; /* concessives earlier in this segment */
      uint32_t cur = UINT32_MAX;
      for (size_t i = cx->m0; i < cx->m1; i++) {
        if (SEG(i) != cur) {
          cur = SEG(i);
          run = 1;
        }
        double w = role_weight(sc, &M[i], LXS_R_CONCESSIVE);
        double f = all * run / (w ? 2 - w : 1);
        MULT(i) *= f;
        FLG(i) |= run != 1 ? LXS_MOD_CONTRAST_DOWN : LXS_MOD_CONTRAST_UP;
        if (w) run *= w / (2 - w);
      }
    }
  }
  /* Segment-scoped modifiers, in one forward pass: conditionals and hedges
   * damp the rest of their segment; negation runs to the segment's end but
   * past the first evaluative term only over a coordination ("not fair or
   * wise"), so "not a solution to the deficit" leaves "deficit" alone. */
  if (smod & (1u << LXS_R_CONDITIONAL | 1u << LXS_R_HEDGE | 1u << LXS_R_NEGATOR)) {
    uint32_t cur = UINT32_MAX, neg_at = 0;
    double cond = 1, hedge = 1, neg = 1;
    int negs = 0;
    for (size_t i = cx->m0; i < cx->m1; i++) {
      if (SEG(i) != cur) {
        cur = SEG(i);
        cond = hedge = neg = 1;
        negs = 0;
      }
      if (cond != 1) { MULT(i) *= cond; FLG(i) |= LXS_MOD_CONDITIONAL; }
      if (hedge != 1) { MULT(i) *= hedge; FLG(i) |= LXS_MOD_HEDGED; }
      NEG(i) = neg;
      if (negs & 1) FLG(i) |= LXS_MOD_NEGATED;
      double w;
      if ((w = role_weight(sc, &M[i], LXS_R_CONDITIONAL))) cond *= w;
      if ((w = role_weight(sc, &M[i], LXS_R_HEDGE))) hedge *= w;
      if ((w = role_weight(sc, &M[i], LXS_R_NEGATOR))) {
        neg *= w;
        negs++;
        neg_at = M[i].wpos_last;
      } else if (negs && is_evaluative(sc, &M[i]) &&
                 !coordinated_after(tk, M[i].tok_last, t0 + S->ntok)) {
        neg = 1;
        negs = 0;
      } else if (negs && is_target_ref(sc, cx, i) && M[i].wpos <= neg_at + 2 &&
                 SEG(i + 1 < cx->m1 ? i + 1 : i) != SEG(i)) {
        /* "Without the WTO, small nations would have no recourse": the
         * theme is imagined absent, and what follows in the next
         * segments are the consequences of its absence. */
        if (sc->harmed_by[local_ref(sc, cx, i) - cx->m0] < 0)
          sc->harmed_by[local_ref(sc, cx, i) - cx->m0] = (long)i;
      } else if (negs && is_target(sc, &M[i]) && M[i].wpos > neg_at + 2) {
        /* "no intention of returning to the WTO's broken system": what
         * follows a theme term describes it, not the negated predicate;
         * "no tariff has ever helped" (term right after) keeps scope. */
        neg = 1;
        negs = 0;
      }
    }
  }
  /* Modifiers that reach a few words ahead. */
  for (size_t j = cx->m0; smod && j < cx->m1; j++) {
    if (!M[j].mod_roles) continue;
    for (uint32_t k = 0; k < M[j].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[j], k);
      if (se->theme != LXS_THEME_MODIFIER) continue;
      double w = se->weight;
      switch (se->role) {
      case LXS_R_ADVOCATE:
        /* "should withdraw from the WTO": the speaker wants the harm */
        for (size_t i = j + 1; i < cx->m1 && SEG(i) == SEG(j); i++) {
          if (M[i].wpos - M[j].wpos_last > ADVOCATE_REACH) break;
          if (has_role(sc, &M[i], LXS_R_HARM)) {
            sc->advocated[i - cx->m0] = 1;
            break;
          }
        }
        break;
      case LXS_R_INTENSIFIER:
      case LXS_R_DIMINISHER:
        for (size_t i = j + 1; i < cx->m1 && SEG(i) == SEG(j); i++) {
          if (M[i].wpos - M[j].wpos_last > NEAR_WORDS) break;
          if (!is_evaluative(sc, &M[i])) continue;
          INT(i) *= w;
          FLG(i) |= se->role == LXS_R_INTENSIFIER ? LXS_MOD_INTENSIFIED
                                                  : LXS_MOD_DIMINISHED;
          break;
        }
        break;
      case LXS_R_DISTANCER:
        for (size_t i = j + 1; i < cx->m1 && SEG(i) == SEG(j); i++) {
          if (M[i].wpos - M[j].wpos_last > NEAR_WORDS) break;
          if (!is_target(sc, &M[i])) continue;
          DIST(i) = w;
          FLG(i) |= LXS_MOD_DISTANCED;
          break;
        }
        break;
      default:
        break;
      }
    }
  }
  build_target_index(sc, cx);

  /* "spectacular failure", "remarkable mess": an evaluative adjective right
   * before an evaluative noun of the other sign intensifies it instead of
   * counting on its own. */
  for (size_t j = cx->m0; j + 1 < cx->m1; j++) {
    double a = eval_weight(sc, &M[j]), b = eval_weight(sc, &M[j + 1]);
    if (a == 0 || b == 0 || (a > 0) == (b > 0)) continue;
    if (M[j + 1].wpos != M[j].wpos_last + 1 || SEG(j) != SEG(j + 1)) continue;
    if (is_target(sc, &M[j]) || is_target(sc, &M[j + 1])) continue;
    MULT(j) = 0;
    INT(j + 1) *= 1.0 + fabs(a) / 2;
    FLG(j + 1) |= LXS_MOD_INTENSIFIED;
  }
  if ((sroles >> LXS_R_REPORT) & 1) detect_report(sc, cx);

  double sent_raw = 0;
  uint32_t sent_hits = 0;
  for (size_t e = cx->m0; e < cx->m1; e++) {
    double me = MULT(e) * INT(e), ne = NEG(e);
    /* Mentions, loaded terms and distancing (nothing to do for a match
     * with no theme sense that refers back to no earlier sentence). */
    for (uint32_t t = 0; t < nth && (M[e].themes || sc->cross_ref[e - cx->m0]); t++) {
      int mentioned = 0;
      for (uint32_t k = 0; k < M[e].nsenses; k++) {
        const lxs_sense *se = sense_at(sc, &M[e], k);
        if (se->theme != t) continue;
        if (se->role == LXS_R_TARGET || se->role == LXS_R_STANCE) mentioned = 1;
        if (se->role == LXS_R_STANCE) {
          double c = se->weight * me * ne;
          cx->raw[t] += c;
          if (sc->inrep[e - cx->m0]) cx->held_raw[t] += c;
          add_evidence(sc, cx->sent, t, se, &M[e], &M[e], FLG(e), c);
        } else if (se->role == LXS_R_TARGET) {
          double c = 0;
          unsigned f = FLG(e);
          if (DIST(e) != 0) {
            c = DIST(e) * orientation(sc, &M[e], t) * MULT(e);
            cx->raw[t] += c;
            if (sc->inrep[e - cx->m0]) cx->held_raw[t] += c;
          }
          add_evidence(sc, cx->sent, t, se, &M[e], &M[e], f, c);
        }
      }
      /* an anaphor that reaches back to the previous sentence is this
       * sentence's reference to the theme */
      if (!mentioned && sc->cross_ref[e - cx->m0] &&
          orientation(sc, &M[resolve(sc, cx, e)], t) != 0)
        mentioned = 1;
      if (mentioned) {
        cx->mentions[t]++;
        if (sc->inrep[e - cx->m0]) cx->held_mentions[t]++;
      }
    }
    for (uint32_t k = 0; k < M[e].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[e], k);
      double w = se->weight;
      if (se->theme == LXS_THEME_SENTIMENT) {
        if (se->role != LXS_R_OPPOSE) {
          double c = w * me * ne;
          sent_raw += c;
          sent_hits++;
          add_evidence(sc, cx->sent, LXS_THEME_NONE, se, &M[e], NULL, FLG(e), c);
        }
        unsigned d = 0;
        if (se->role == LXS_R_EVAL) {
          long g = nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, 0, &d);
          double f = 1.0;
          unsigned mods = 0;
          if (g < 0) {
            g = nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_CLAUSE, 0, &d);
            f = WEAK_LINK;
            mods = LXS_MOD_WEAK_LINK;
          }
          if (g < 0) {
            /* Across a contrast or semicolon: the sentence is still about
             * its theme ("Tariffs protect jobs, but they raise prices"). */
            g = nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SENT, 0, &d);
            f = SENTENCE_LINK;
            mods = LXS_MOD_WEAK_LINK;
          }
          if (g < 0) continue;
          if (d > DECAY_START) f /= 1.0 + (d - DECAY_START) / DECAY_SCALE;
          /* After "the collapse of the WTO", what follows describes the
           * consequences of the harm ("small economies would be the first
           * casualties"): its tone is the tone about the harm, so it
           * counts the other way for the harmed theme. */
          long hb = sc->harmed_by[local_ref(sc, cx, (size_t)g) - cx->m0];
          if (hb >= 0 && (size_t)hb < e && !is_target(sc, &M[e])) {
            f = -f;
            mods |= LXS_MOD_HARM_PATIENT;
          }
          credit(sc, cx, e, se, (size_t)g, w * me * ne * f, mods, LXS_THEME_NONE);
          /* Other themes' terms right next to it get the same reading. */
          for (uint32_t t = 0; t < nth; t++) {
            if (orientation(sc, &M[resolve(sc, cx, (size_t)g)], t) != 0) continue;
            unsigned d2;
            long h = nearest_target(sc, cx, e, t, SAME_SEG, 0, &d2);
            if (h >= 0 && d2 <= NEAR_WORDS)
              credit(sc, cx, e, se, (size_t)h, w * me * ne, 0, t);
          }
        } else if (se->role == LXS_R_HARM || se->role == LXS_R_BENEFIT ||
                   se->role == LXS_R_OPPOSE || se->role == LXS_R_DECAY) {
          long g = nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, +1, &d);
          uint64_t done = 0;
          if (g >= 0) {
            int agent = agent_between(sc, cx, e, (size_t)g);
            double c;
            unsigned mods = 0;
            if (se->role == LXS_R_BENEFIT) {
              c = w * me * ne;
              if (agent) mods |= LXS_MOD_AGENT;
            } else if (se->role == LXS_R_OPPOSE) {
              c = agent ? 0 : -w * me * ne;
            } else if ((agent && se->role != LXS_R_DECAY) || sc->advocated[e - cx->m0]) {
              /* The cause of a harm is blamed; a harm the speaker calls for
               * ("should withdraw from X") goes against its target. */
              c = w * me * ne;
              if (agent) mods |= LXS_MOD_AGENT;
            } else {
              /* Harm done to the theme: the speaker defends it.  A denied
               * harm ("not a threat to X") says nothing either way. */
              c = ne < 0 ? 0 : -w * me * ne;
              mods |= LXS_MOD_HARM_PATIENT;
              mark_harmed(sc, cx, (size_t)g, e);
            }
            if (c != 0) done = credit_x(sc, cx, e, se, (size_t)g, c, mods, LXS_THEME_NONE, 0);
          }
          long b = nearest_target(sc, cx, e, LXS_THEME_NONE, SAME_SEG, -1, &d);
          if (b >= 0 && d <= AGENT_REACH && se->role != LXS_R_OPPOSE) {
            /* "The WTO is collapsing": a decay verb's subject suffers it */
            int passive = passive_before(sc, &M[e]) || se->role == LXS_R_DECAY;
            double c;
            unsigned mods;
            if (se->role == LXS_R_BENEFIT) {
              c = w * me * ne;
              mods = passive ? 0 : LXS_MOD_AGENT;
            } else if (passive || sc->harmed_by[local_ref(sc, cx, (size_t)b) - cx->m0] >= 0) {
              /* Also "the sidelining of X ... undermines the deal": X sits
               * inside an earlier harm, so this one is its consequence. */
              c = ne < 0 ? 0 : -w * me * ne;
              mods = LXS_MOD_HARM_PATIENT;
              mark_harmed(sc, cx, (size_t)b, e);
            } else {
              c = w * me * ne;
              mods = LXS_MOD_AGENT;
            }
            /* One event counts once per theme: "X joined Y" with X and Y
             * on the same theme is one act of support, not two. */
            if (c != 0) credit_x(sc, cx, e, se, (size_t)b, c, mods, LXS_THEME_NONE, done);
          }
        }
      } else if (se->theme < LXS_THEME_SENTIMENT && se->role == LXS_R_EVAL) {
        unsigned d;
        long g = nearest_target(sc, cx, e, se->theme, SAME_SEG, 0, &d);
        double f = 1.0;
        unsigned mods = 0;
        if (g < 0) {
          g = nearest_target(sc, cx, e, se->theme, SAME_SENT, 0, &d);
          f = WEAK_LINK;
          mods = LXS_MOD_WEAK_LINK;
        }
        if (g >= 0) credit(sc, cx, e, se, (size_t)g, w * me * ne * f, mods, se->theme);
      }
    }
  }
#undef MULT
#undef NEG
#undef INT
#undef DIST
#undef FLG
#undef SEG
#undef CLA
  /* (zero, the common case, without the division's latency) */
  out->sentiment = sent_raw == 0 ? sent_raw
                                 : sent_raw / sqrt(sent_raw * sent_raw + SENTIMENT_ALPHA);
  out->sentiment_hits = sent_hits;
  for (size_t t = 0; t < nth; t++) {
    lxs_theme_score *ts = &sc->scores[cx->sent * nth + t];
    ts->mentions = cx->mentions[t];
    ts->raw = cx->raw[t];
    ts->stance = ts->raw == 0 ? ts->raw : ts->raw / sqrt(ts->raw * ts->raw + STANCE_ALPHA);
    ts->held_raw = 0;
    ts->held_mentions = 0;
  }
}

/* "Menon" and "Dr. Jayant Menon" are the same person, and so are "Li" and
 * "Li Wei" (family name first): the holder's last word is one of the
 * speaker's name words. */
static int same_person(const char *a, const char *b) {
  const char *la = strrchr(a, ' ');
  la = la ? la + 1 : a;
  size_t n = strlen(la);
  for (const char *p = b; *p;) {
    const char *sp = strchr(p, ' ');
    size_t l = sp ? (size_t)(sp - p) : strlen(p);
    if (l == n && strncasecmp(p, la, n) == 0) return 1;
    if (!sp) break;
    p = sp + 1;
  }
  return 0;
}

const lxs_result *lxs_scorer_run(lxs_scorer *sc, const char *text, size_t len,
                                 const lxs_options *opt) {
  lxs_stemmer_trim(sc->stemmer);
  lxs_tokenize(sc->tok, text, len);
  lxs_match_document(&sc->mt, sc->lex, sc->stemmer, sc->tok);
  const lxs_tokenizer *tk = sc->tok;
  size_t ns = tk->nsent;
  size_t nth = lxs_lexicon_theme_count(sc->lex);
  if (sc->capsents < ns + 1) {
    sc->capsents = ns + 1;
    sc->sents = lxs_xrealloc(sc->sents, sc->capsents * sizeof *sc->sents);
    sc->sent_speaker = lxs_xrealloc(sc->sent_speaker, sc->capsents * sizeof(uint32_t));
    sc->sent_flags = lxs_xrealloc(sc->sent_flags, sc->capsents * sizeof(uint32_t));
    sc->sent_cue = lxs_xrealloc(sc->sent_cue, sc->capsents);
  }
  if (sc->capscores < ns * nth + 1) {
    sc->capscores = ns * nth + 1;
    sc->scores = lxs_xrealloc(sc->scores, sc->capscores * sizeof *sc->scores);
  }
  lxs_speakers_clear(&sc->speakers);
  if (opt && opt->segment_speakers) {
    lxs_attribute(tk, text, &sc->speakers, opt->speakers, sc->sent_speaker,
                  sc->sent_flags, sc->sent_cue);
  } else {
    for (size_t i = 0; i < ns; i++) {
      sc->sent_speaker[i] = 0;
      sc->sent_flags[i] = 0;
      sc->sent_cue[i] = LXS_CUE_AUTHOR;
    }
  }
  sc->nev = 0;
  sc->pcur = 0;
  sc->last_target = -1;
  if (!sc->raw) { /* per-theme scratch, kept for the scorer's lifetime */
    sc->raw = lxs_xcalloc(nth + 1, sizeof(double));
    sc->mentions = lxs_xcalloc(nth + 1, sizeof(uint32_t));
    sc->held_raw = lxs_xcalloc(nth + 1, sizeof(double));
    sc->held_mentions = lxs_xcalloc(nth + 1, sizeof(uint32_t));
  }
  double *raw = sc->raw, *held_raw = sc->held_raw;
  uint32_t *mentions = sc->mentions, *held_mentions = sc->held_mentions;
  sc->text = text;
  size_t mi = 0;
  size_t total_tokens = 0;
  for (size_t s = 0; s < ns; s++) {
    const lxs_sent *S = &tk->sents[s];
    lxs_sentence *o = &sc->sents[s];
    o->start = S->start;
    o->end = S->end;
    o->paragraph = S->paragraph;
    o->tokens = S->nwords;
    o->speaker = sc->sent_speaker[s];
    o->flags = (sc->sent_flags[s] & LXS_SENT_HEADER) ? LXS_SENTENCE_HEADER : 0;
    o->cue = lxs_cue_name(sc->sent_cue[s]);
    o->sentiment = 0;
    o->sentiment_hits = 0;
    size_t m0 = mi;
    while (mi < sc->mt.n && sc->mt.m[mi].sentence == s) mi++;
    o->holder = LXS_NO_HOLDER;
    int header = (o->flags & LXS_SENTENCE_HEADER) != 0;
    if (header || m0 == mi) {
      /* A header is not scored; a sentence with no lexicon term is
       * neutral, with no mention and nothing held -- what score_sentence
       * would conclude, without its passes (many sentences are like
       * this). */
      for (size_t t = 0; t < nth; t++) sc->scores[s * nth + t] = (lxs_theme_score){0};
      if (!header) {
        total_tokens += S->nwords;
        sc->last_target = -1;
      }
      continue;
    }
    for (size_t t = 0; t < nth; t++) { /* a few themes: no memset calls */
      raw[t] = held_raw[t] = 0;
      mentions[t] = held_mentions[t] = 0;
    }
    total_tokens += S->nwords;
    sent_ctx cx = {m0, mi, raw, mentions, held_raw, held_mentions, (uint32_t)s, NULL};
    score_sentence(sc, &cx);
    sc->last_target = -1;
    for (size_t j = m0; j < mi; j++)
      if (is_target(sc, &sc->mt.m[j])) sc->last_target = (long)j;
    if (cx.holder && !same_person(cx.holder, sc->speakers.names[o->speaker])) {
      o->holder = sc->holder_idx;
      for (size_t t = 0; t < nth; t++) {
        sc->scores[s * nth + t].held_raw = held_raw[t];
        sc->scores[s * nth + t].held_mentions = held_mentions[t];
      }
    }
  }
  if (sc->capspk < sc->speakers.n) {
    sc->capspk = sc->speakers.n;
    sc->spk_view = lxs_xrealloc(sc->spk_view, sc->capspk * sizeof *sc->spk_view);
  }
  for (size_t i = 0; i < sc->speakers.n; i++) {
    sc->spk_view[i].name = sc->speakers.names[i];
    sc->spk_view[i].description = sc->speakers.descs[i];
  }
  sc->res.sentences = sc->sents;
  sc->res.n_sentences = ns;
  sc->res.scores = sc->scores;
  sc->res.n_themes = nth;
  sc->res.speakers = sc->spk_view;
  sc->res.n_speakers = sc->speakers.n;
  sc->res.evidence = sc->ev;
  sc->res.n_evidence = sc->nev;
  sc->res.tokens = total_tokens;
  return &sc->res;
}
