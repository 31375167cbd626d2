/* score_clause.c - the passes that weigh a sentence's clauses and scope its
 * modifiers, before anything is tied to a theme term.
 *
 * Segments are stretches between commas, semicolons, colons, brackets,
 * dashes and contrast markers; clauses are stretches between the strong
 * ones (semicolons, colons, contrast markers).  Each pass fills fields of
 * the per-match records (scoring.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "scoring.h"
#include "wordclass.h"

/* What a punctuation class does to the segments of a sentence: ";" and
 * ":" end a segment and a clause; "," brackets and dashes a segment;
 * "?" makes a question; quotes are counted (for scare quotes). */
enum { PE_SEG = 1, PE_CLAUSE = 2, PE_QUESTION = 4, PE_QUOTE = 8 };
static const uint8_t kPunctEffect[128] = {[LXS_P_SEMI] = PE_SEG | PE_CLAUSE,
                                          [LXS_P_COLON] = PE_SEG | PE_CLAUSE,
                                          [LXS_P_COMMA] = PE_SEG,
                                          [LXS_P_OPEN] = PE_SEG,
                                          [LXS_P_CLOSE] = PE_SEG,
                                          [LXS_P_DASH] = PE_SEG,
                                          [LXS_P_QUEST] = PE_QUESTION,
                                          [LXS_P_QUOTE] = PE_QUOTE};

/* Segments and clauses.  "Tariffs protect some jobs, but they raise
 * prices; exporters pay." has segments [Tariffs protect some jobs]
 * [but they raise prices] [exporters pay] and three clauses.  The segment
 * and clause of each match, at its first token: the punctuation tokens
 * before it (the tokenizer lists them) and the contrast/concessive markers
 * up to it (they open a new segment and clause) are counted in one merge,
 * so the words between cost nothing.  Also notes whether the sentence is a
 * question, how many quote marks it has, and which roles occur. */
void lxs_score_segments(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  const uint32_t markers = 1u << LXS_R_CONTRAST | 1u << LXS_R_CONCESSIVE;
  const uint32_t *P = tk->puncts;
  size_t np = tk->npunct, pi = sc->pcur;
  while (pi < np && P[pi] < cx->t0) pi++; /* header sentences are skipped */
  uint32_t seg = 0, cl = 0;
  int question = 0, quotes = 0;
  uint32_t sroles = 0, smod = 0;
#define PUNCT_UPTO(limit)                                                                          \
  for (; pi < np && P[pi] < (limit); pi++) {                                                       \
    unsigned f = kPunctEffect[(unsigned char)tk->toks[P[pi]].punct & 127];                         \
    seg += f & PE_SEG;                                                                             \
    cl += (f >> 1) & 1;                                                                            \
    question |= (f >> 2) & 1;                                                                      \
    quotes += (f >> 3) & 1;                                                                        \
  }
  for (size_t i = cx->m0; i < cx->m1; i++) {
    PUNCT_UPTO(M[i].tok_first)
    if ((M[i].roles & markers) && M[i].tok_first != cx->t0) {
      seg++;
      cl++;
    }
    rec_of(cx, i)->seg = seg;
    rec_of(cx, i)->clause = cl;
    sroles |= M[i].roles;
    smod |= M[i].mod_roles;
  }
  /* the counts past the last match are not needed, its question mark is */
  // cppcheck-suppress unreadVariable
  PUNCT_UPTO(cx->tend)
#undef PUNCT_UPTO
  sc->pcur = pi;
  cx->question = question;
  cx->quotes = quotes;
  cx->sroles = sroles;
  cx->smod = smod;
}

/* Every other field of the records set in one loop (sentences have a few
 * matches: a call to memset each would cost more than the stores).  A
 * question ("Could the duties cripple the plants?") states no settled
 * view: every match is damped. */
void lxs_score_reset_records(const sent_ctx *cx) {
  size_t nm = cx->m1 - cx->m0;
  for (size_t i = 0; i < nm; i++) {
    lxs_mrec *r = &cx->rec[i];
    r->reported = r->own_speech = r->advocated = r->cross_ref = r->no_stance = r->scene = 0;
    r->venue = r->remedied = 0;
    r->ante = r->harmed_by = -1;
    r->mult = cx->question ? QUESTION_DAMP : 1.0;
    r->neg = 1.0;
    r->intens = 1.0;
    r->dist = 0.0;
    r->flags = cx->question ? LXS_MOD_QUESTION : 0;
  }
}

/* Does match m cue distance from a quoted term: a negative evaluation,
 * harm or loaded term, or a negator, distancer or sceptical frame? */
static int distance_cue(const lxs_scorer *sc, const lxs_match *m) {
  const uint32_t mods = 1u << LXS_R_NEGATOR | 1u << LXS_R_DISTANCER | 1u << LXS_R_DOUBT;
  if (m->mod_roles & mods) return 1;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->weight >= 0 || s->theme == LXS_THEME_MODIFIER) continue;
    if (s->role == LXS_R_EVAL || s->role == LXS_R_HARM || s->role == LXS_R_DECAY ||
        s->role == LXS_R_THREAT || s->role == LXS_R_STANCE)
      return 1;
  }
  return 0;
}

/* Scare quotes: a theme term alone in short quotes (the 'rules-based
 * order' ... never stopped Beijing) is held at a distance, and a quoted
 * praise word (the "fair" tariffs have been anything but fair) is ironic --
 * when a cue outside the quotes, in their clause segment, says so
 * (distance_cue).  Without one, news
 * writing is quoting a name or a term of art ("unveiled his “fair-share
 * tariffs”", the “most-favoured-nation” principle): the evaluative words
 * and loaded terms ("fair-trade") of a quoted name with a plain theme
 * term in it take no side -- but a loaded term alone in quotes ("naked
 * economic bullying") is a quoted verdict, and a quoted
 * clause ("tariffs are bad") is a quotation, and keeps them.  A naming
 * word ("known as", "dubbed") always introduces a name. */
static void quoted_span(lxs_scorer *sc, sent_ctx *cx, size_t mp, uint32_t begin, uint32_t end,
                        int cued) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  int named = 0;
  for (size_t i = mp; i < cx->m1 && M[i].tok_first < end; i++)
    if (M[i].tok_last < end && has_role(&M[i], LXS_R_TARGET)) named = 1;
  for (uint32_t k = begin; k < end && named; k++) {
    const lxs_token *t = &tk->toks[k];
    if (tok_wclass(tk, t) & W_CLAUSEW) named = 0;
  }
  for (size_t i = mp; i < cx->m1 && M[i].tok_first < end; i++) {
    if (M[i].tok_last >= end) continue;
    lxs_mrec *r = rec_of(cx, i);
    if (!cued) {
      if (named && !has_role(&M[i], LXS_R_TARGET)) r->no_stance = 1;
    } else if (is_target(&M[i])) {
      r->dist = SCARE_QUOTE;
      r->flags |= LXS_MOD_DISTANCED;
    } else if (eval_weight(sc, &M[i]) > 0) {
      r->mult *= -1;
      r->flags |= LXS_MOD_DISTANCED;
    }
  }
}

/* A longer quotation in title case ("the forum, themed “Building
 * Momentum For Growth, Promoting Solidarity”") is a name or a slogan
 * quoted: its evaluative words take no side.  The span runs from begin,
 * after the opening quote, to the closing one. */
static void quoted_title(lxs_scorer *sc, sent_ctx *cx, size_t mp, uint32_t begin) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  uint32_t end = begin, lower = 0, words = 0;
  for (; end < cx->tend; end++) {
    const lxs_token *t = &tk->toks[end];
    if (t->kind != LXS_TOK_WORD) {
      if (t->punct == LXS_P_QUOTE) break;
      if (t->punct == LXS_P_COMMA || t->punct == LXS_P_DASH) continue;
      return;
    }
    if (t->flags & LXS_TF_PART) continue;
    words++;
    if (!(t->flags & (LXS_TF_CAPITAL | LXS_TF_ALLCAPS)) && ++lower > words / 4) return;
  }
  if (end >= cx->tend || words > 16) return;
  for (size_t i = mp; i < cx->m1 && M[i].tok_first < end; i++)
    if (M[i].tok_first >= begin && !is_target(&M[i])) rec_of(cx, i)->no_stance = 1;
}

/* The distance cues of one clause segment.  Segments number the
 * sentence's matches in order, so each is a range of them, and the
 * quotes of a sentence, read in order, ask for them in order: each range
 * is counted once (a sentence of many quotes stays linear). */
typedef struct {
  uint32_t seg;
  size_t hi; /* the match after the segment */
  int cues;
} segment_cues;

static void segment_cues_at(const lxs_scorer *sc, const sent_ctx *cx, segment_cues *s,
                            uint32_t seg) {
  if (s->seg == seg) return;
  size_t i = s->hi;
  while (i < cx->m1 && rec_of(cx, i)->seg < seg) i++;
  s->cues = 0;
  for (; i < cx->m1 && rec_of(cx, i)->seg == seg; i++) s->cues += distance_cue(sc, &sc->mt.m[i]);
  s->hi = i;
  s->seg = seg;
}

/* The cues of segment seg among the matches that reach into tokens
 * [begin, end): matches do not overlap, so only the one before mp (the
 * first at or after begin) can reach in from before. */
static int cues_within(const lxs_scorer *sc, const sent_ctx *cx, size_t mp, uint32_t seg,
                       uint32_t begin, uint32_t end) {
  const lxs_match *M = sc->mt.m;
  int n = 0;
  if (mp > cx->m0 && M[mp - 1].tok_last >= begin && rec_of(cx, mp - 1)->seg == seg)
    n += distance_cue(sc, &M[mp - 1]);
  for (size_t i = mp; i < cx->m1 && M[i].tok_first < end; i++)
    if (rec_of(cx, i)->seg == seg) n += distance_cue(sc, &M[i]);
  return n;
}

void lxs_score_scare_quotes(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_tokenizer *tk = sc->tok;
  const lxs_match *M = sc->mt.m;
  const lxs_sent *S = &tk->sents[cx->sent];
  uint32_t t0 = cx->t0;
  segment_cues sg = {UINT32_MAX, cx->m0, 0};
  size_t mp = cx->m0; /* first match at or after token k */
  for (uint32_t k = 0; k + 2 < S->ntok; k++) {
    while (mp < cx->m1 && M[mp].tok_first < t0 + k) mp++;
    const lxs_token *q = &tk->toks[t0 + k];
    if (q->kind != LXS_TOK_PUNCT || q->punct != LXS_P_QUOTE || (q->flags & LXS_TF_CLOSING))
      continue;
    uint32_t e = k + 1, words = 0;
    while (e < S->ntok && tk->toks[t0 + e].kind == LXS_TOK_WORD && words <= SCARE_WORDS) {
      if (!(tk->toks[t0 + e].flags & LXS_TF_PART)) words++;
      e++;
    }
    if (e >= S->ntok || words == 0) continue;
    const lxs_token *qc = &tk->toks[t0 + e];
    if (words > SCARE_WORDS || qc->kind != LXS_TOK_PUNCT || qc->punct != LXS_P_QUOTE) {
      quoted_title(sc, cx, mp, t0 + k + 1);
      continue;
    }
    int naming = mp > cx->m0 && M[mp - 1].tok_last + 1 == t0 + k &&
                 has_role(&M[mp - 1], LXS_R_NAMING);
    if (mp >= cx->m1) continue;
    /* the cue must stand in the quotes' own segment ("In the absence of
     * a better word, writers use “Global South”" quotes a name) */
    uint32_t seg = rec_of(cx, mp)->seg;
    segment_cues_at(sc, cx, &sg, seg);
    int outside = sg.cues - cues_within(sc, cx, mp, seg, t0 + k, t0 + e);
    quoted_span(sc, cx, mp, t0 + k + 1, t0 + e, !naming && outside > 0);
  }
}

/* Contrast ("Tariffs protect some jobs, but they raise prices"): the
 * clause after a marker of weight w weighs w, the one before it 2 - w.
 * Prefix and suffix products, one pass each. */
void lxs_score_contrast(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  double pre = 1;
  int seen = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    if (seen) {
      rec_of(cx, i)->mult *= pre;
      rec_of(cx, i)->flags |= LXS_MOD_CONTRAST_UP;
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
      rec_of(cx, i)->mult *= suf;
      rec_of(cx, i)->flags |= LXS_MOD_CONTRAST_DOWN;
    }
    double w = role_weight(sc, &M[i], LXS_R_CONTRAST);
    if (w) {
      suf *= 2 - w;
      seen = 1;
    }
  }
}

/* Concessives ("Although the WTO is slow, it remains indispensable"):
 * their own segment weighs w, the rest of the sentence 2 - w. */
void lxs_score_concession(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  double all = 1;
  int any = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    double w = role_weight(sc, &M[i], LXS_R_CONCESSIVE);
    if (w) {
      all *= 2 - w;
      any = 1;
    }
  }
  if (!any) return;
  double run = 1; /* concessives earlier in this segment */
  uint32_t cur = UINT32_MAX;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *r = rec_of(cx, i);
    if (r->seg != cur) {
      cur = r->seg;
      run = 1;
    }
    double w = role_weight(sc, &M[i], LXS_R_CONCESSIVE);
    double f = all * run / (w ? 2 - w : 1);
    r->mult *= f;
    r->flags |= run != 1 ? LXS_MOD_CONTRAST_DOWN : LXS_MOD_CONTRAST_UP;
    if (w) run *= w / (2 - w);
  }
}

/* Is the word after token k a coordinator ("and", "or", "nor")? */
static int coordinated_after(const lxs_tokenizer *tk, uint32_t k, uint32_t tend) {
  for (uint32_t n = k + 1; n < tend; n++) {
    const lxs_token *t = &tk->toks[n];
    if (t->flags & LXS_TF_PART) continue;
    if (t->kind != LXS_TOK_WORD) return 0;
    return (tok_wclass(tk, t) & W_COORD) != 0;
  }
  return 0;
}

/* Does the negator at match m deny a clause ("dismissed the idea that
 * ...", "denied that ...")?  Its scope then runs past theme terms. */
static int denies_clause(const lxs_tokenizer *tk, const lxs_match *m, uint32_t tend) {
  for (uint32_t k = m->tok_last; k <= m->tok_last + 1 && k < tend; k++) {
    const lxs_token *t = &tk->toks[k];
    if (t->kind == LXS_TOK_WORD && strcmp(lxs_tok_norm(tk, t), "that") == 0) return 1;
  }
  return 0;
}

/* Segment-scoped modifiers, in one forward pass: conditionals ("if") and
 * hedges ("may") damp the rest of their segment; negation runs to the
 * segment's end but past the first evaluative term only over a
 * coordination ("not fair or wise"), so "not a solution to the deficit"
 * leaves "deficit" alone.  A denial of a clause ("dismissed the idea that
 * the G77 is a talking shop") reaches past its theme terms.  "Without the WTO, small nations would
 * have no recourse": a negated theme term at the end of its segment is imagined absent, and what
 * follows are the consequences of its absence. */
void lxs_score_scopes(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  uint32_t cur = UINT32_MAX, neg_at = 0;
  double cond = 1, hedge = 1, neg = 1;
  int negs = 0, denial = 0;
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *r = rec_of(cx, i);
    if (r->seg != cur) {
      cur = r->seg;
      cond = hedge = neg = 1;
      negs = denial = 0;
    }
    if (cond != 1) {
      r->mult *= cond;
      r->flags |= LXS_MOD_CONDITIONAL;
    }
    if (hedge != 1) {
      r->mult *= hedge;
      r->flags |= LXS_MOD_HEDGED;
    }
    r->neg = neg;
    if (negs & 1) r->flags |= LXS_MOD_NEGATED;
    double w;
    if ((w = role_weight(sc, &M[i], LXS_R_CONDITIONAL))) cond *= w;
    if ((w = role_weight(sc, &M[i], LXS_R_HEDGE))) hedge *= w;
    if ((w = role_weight(sc, &M[i], LXS_R_NEGATOR))) {
      neg *= w;
      negs++;
      neg_at = M[i].wpos_last;
      denial = denies_clause(sc->tok, &M[i], cx->tend);
    } else if (negs && is_evaluative(&M[i]) &&
               !coordinated_after(sc->tok, M[i].tok_last, cx->tend)) {
      neg = 1;
      negs = 0;
    } else if (negs && is_target_ref(sc, cx, i) && M[i].wpos <= neg_at + 2 &&
               rec_of(cx, i + 1 < cx->m1 ? i + 1 : i)->seg != r->seg) {
      lxs_mrec *g = rec_of(cx, local_ref(cx, i));
      if (g->harmed_by < 0) g->harmed_by = (long)i;
    } else if (negs && !denial && is_target(&M[i]) && M[i].wpos > neg_at + 2) {
      /* "no intention of returning to the WTO's broken system": what
       * follows a theme term describes it, not the negated predicate;
       * "no tariff has ever helped" (term right after) keeps scope. */
      neg = 1;
      negs = 0;
    }
  }
}

/* Modifiers that reach a few words ahead in their segment: "should
 * withdraw from the WTO" (the speaker calls for the harm), "very good",
 * "slightly better", "so-called reciprocal tariffs". */
void lxs_score_near_modifiers(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  for (size_t j = cx->m0; j < cx->m1; j++) {
    if (!M[j].mod_roles) continue;
    uint32_t sj = rec_of(cx, j)->seg;
    for (uint32_t k = 0; k < M[j].nsenses; k++) {
      const lxs_sense *se = sense_at(sc, &M[j], k);
      if (se->theme != LXS_THEME_MODIFIER) continue;
      double w = se->weight;
      switch (se->role) {
      case LXS_R_ADVOCATE:
        for (size_t i = j + 1; i < cx->m1 && rec_of(cx, i)->seg == sj; i++) {
          if (M[i].wpos - M[j].wpos_last > ADVOCATE_REACH) break;
          if (has_role(&M[i], LXS_R_HARM)) {
            rec_of(cx, i)->advocated = 1;
            break;
          }
        }
        break;
      case LXS_R_INTENSIFIER:
      case LXS_R_DIMINISHER:
        for (size_t i = j + 1; i < cx->m1 && rec_of(cx, i)->seg == sj; i++) {
          if (M[i].wpos - M[j].wpos_last > NEAR_WORDS) break;
          if (!is_evaluative(&M[i])) continue;
          rec_of(cx, i)->intens *= w;
          rec_of(cx, i)->flags |= se->role == LXS_R_INTENSIFIER ? LXS_MOD_INTENSIFIED
                                                                : LXS_MOD_DIMINISHED;
          break;
        }
        break;
      case LXS_R_DISTANCER:
        for (size_t i = j + 1; i < cx->m1 && rec_of(cx, i)->seg == sj; i++) {
          if (M[i].wpos - M[j].wpos_last > NEAR_WORDS) break;
          if (!is_target(&M[i])) {
            /* "the supposed benefits", "its so-called success": praise
             * held at a distance is ironic */
            if (!is_evaluative(&M[i])) continue;
            if (eval_weight(sc, &M[i]) > 0 || has_role(&M[i], LXS_R_BENEFIT)) {
              rec_of(cx, i)->mult *= -1;
              rec_of(cx, i)->flags |= LXS_MOD_DISTANCED;
            }
            break;
          }
          rec_of(cx, i)->dist = w;
          rec_of(cx, i)->flags |= LXS_MOD_DISTANCED;
          break;
        }
        break;
      default: break;
      }
    }
  }
}

/* "spectacular failure", "remarkable mess": an evaluative adjective right
 * before an evaluative noun of the other sign intensifies it instead of
 * counting on its own. */
void lxs_score_eval_pairs(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  for (size_t j = cx->m0; j + 1 < cx->m1; j++) {
    double a = eval_weight(sc, &M[j]), b = eval_weight(sc, &M[j + 1]);
    if (a == 0 || b == 0 || (a > 0) == (b > 0)) continue;
    if (M[j + 1].wpos != M[j].wpos_last + 1 || rec_of(cx, j)->seg != rec_of(cx, j + 1)->seg)
      continue;
    if (is_target(&M[j]) || is_target(&M[j + 1])) continue;
    rec_of(cx, j)->mult = 0;
    rec_of(cx, j + 1)->intens *= 1.0 + fabs(a) / 2;
    rec_of(cx, j + 1)->flags |= LXS_MOD_INTENSIFIED;
  }
}

/* Questions ("Will the WTO deliver anything on fisheries?") take no side
 * unless a cue makes them rhetorical ("Why should ...", "Isn't it time
 * ...", "How long will ... keep", "Has it delivered the so-called
 * gains?"): a rhetorical cue, a negation or a distancer keeps them,
 * damped; otherwise no match of the question binds to a theme. */
void lxs_score_question(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  const uint32_t cues = 1u << LXS_R_RHETORICAL | 1u << LXS_R_NEGATOR | 1u << LXS_R_DISTANCER;
  for (size_t i = cx->m0; i < cx->m1; i++)
    if (M[i].mod_roles & cues) return;
  for (size_t i = cx->m0; i < cx->m1; i++) rec_of(cx, i)->no_stance = 1;
}

/* Scene-setting ("Amid soaring inflation and a currency crisis, ASEAN
 * ministers met"): what follows the marker in its segment describes the
 * times: an evaluation inside it binds only inside it, one outside never
 * to a term inside, and a loaded term inside it carries no stance. */
void lxs_score_scene(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  uint32_t seg = UINT32_MAX; /* the segment of the last marker */
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *r = rec_of(cx, i);
    if ((M[i].mod_roles >> LXS_R_SCENE) & 1) seg = r->seg;
    if (r->seg != seg) continue;
    r->scene = 1;
    r->flags |= LXS_MOD_SCENE;
  }
}

/* Sceptical reporting ("China likes to portray itself as a champion of the
 * WTO", "the secretary keeps insisting the tariffs work"): the rest of the
 * clause is held at a distance, scaled by the cue's weight. */
void lxs_score_doubt(lxs_scorer *sc, sent_ctx *cx) {
  const lxs_match *M = sc->mt.m;
  uint32_t clause = UINT32_MAX;
  double f = 1; /* the doubts earlier in this clause */
  for (size_t i = cx->m0; i < cx->m1; i++) {
    lxs_mrec *r = rec_of(cx, i);
    if (r->clause != clause) {
      clause = r->clause;
      f = 1;
    }
    if (f != 1) {
      r->mult *= f;
      r->flags |= LXS_MOD_DISTANCED;
    }
    double w = role_weight(sc, &M[i], LXS_R_DOUBT);
    if (w) f *= w == 1e-9 ? 0 : w;
  }
}
