/* scoring.h - internal: the scorer's state and the passes that score one
 * sentence (score.c is the driver; one file per concern).
 *
 * A sentence is scored over its lexicon matches M[m0..m1), each with one
 * record (lxs_mrec) that the passes fill in order:
 *
 *   score_clause.c   segments and clauses, contrast, concession, scopes of
 *                    negation / hedges / conditions, near modifiers,
 *                    scare quotes, evaluative pairs
 *   score_context.c  references: anaphors, within the sentence and back
 *                    to the previous one
 *   score_report.c   reported views: who holds the view a reporting verb
 *                    introduces, and which matches it covers; a view
 *                    the reporter answers with "but" is rebutted
 *   score_bind.c     binding: each evaluative term tied to the theme
 *                    term(s) it speaks about, and the contributions
 *   score_harm.c     harm roles: who suffers or causes a harm, benefit or
 *                    opposition
 *
 * Every pass is a constant number of sweeps over the sentence's matches,
 * so hostile input (a megabyte of "not not not ...") stays linear. */
#ifndef LXS_SCORING_H
#define LXS_SCORING_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "match.h"
#include "scorer.h"
#include "segment.h"
#include "tokenize.h"
#include "wordclass.h"

#define STANCE_ALPHA 1.0 /* raw -> raw / sqrt(raw^2 + alpha) */
#define SENTIMENT_ALPHA 1.0
#define QUESTION_DAMP 0.5    /* questions state no settled view */
#define WEAK_LINK 0.5        /* evaluative term tied across a comma */
#define SENTENCE_LINK 0.35   /* ... across a clause boundary */
#define NEAR_WORDS 3         /* reach of intensifiers and distancers */
#define AGENT_REACH 8        /* words before a harm verb for its agent */
#define OBJECT_REACH 6       /* words after a harm verb for its object */
#define SUBJECT_WORDS 6      /* a sentence's subject term starts this early */
#define ADVOCATE_REACH 4     /* "should ... withdraw from" */
#define ADVOCATE_SUPPORT 0.5 /* "calls for a quicker start of the free-trade area" */
#define SCARE_QUOTE -0.6     /* a theme term in scare quotes is disapproved */
#define SCARE_WORDS 4        /* longest quoted span read as scare quotes */
#define DECAY_START 5        /* tie strength falls off beyond this distance */
#define DECAY_SCALE 5.0
#define CONTEXT_SENTENCES 2 /* a theme stays active this many sentences */
#define CONTEXT_WEIGHT 0.5  /* an evaluation carried to the active theme */

/* What the passes know about one match of the sentence. */
typedef struct {
  uint32_t seg, clause; /* segment and clause number at its first token */
  uint32_t agents;      /* agent markers ("by", "posed by") before it */
  double mult;          /* clause weight: contrast, concession, condition,
                           hedge, question, irony */
  double neg;           /* negation in scope (1 when none) */
  double intens;        /* intensifier / diminisher just before it */
  double dist;          /* a distanced target's disapproval, or 0 */
  unsigned flags;       /* LXS_MOD_* to record on its evidence */
  long ante;            /* an anaphor's antecedent match, or -1 */
  long harmed_by;       /* the target suffers the harm at this match, or -1 */
  uint8_t reported;     /* inside a view reported from another holder */
  uint8_t own_speech;   /* inside the speaker's own speech frame ("Trump
                           warned that ...", said by Trump) */
  uint8_t advocated;    /* a harm the speaker calls for ("should leave") */
  uint8_t cross_ref;    /* an anaphor resolved to the previous sentence */
  uint8_t no_stance;    /* takes no side: a genuine question */
  uint8_t scene;        /* inside a scene-setting phrase ("amid ...") */
  uint8_t venue;        /* a theme term named as the place ("at the WTO") */
  uint8_t remedied;     /* a bad thing fought or mended ("counter harmful
                           practices"): no verdict on the actor */
} lxs_mrec;

struct lxs_scorer {
  const lxs_lexicon *lex;
  int broken; /* ran out of memory: only free it */
  lxs_stemmer *stemmer;
  double *raw, *held_raw; /* per theme, for one sentence */
  long *last;             /* target index scratch */
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
  lxs_mrec *rec; /* per match of the current sentence */
  size_t capm;
  long *prev_t, *next_t; /* target index, see lxs_score_target_index */
  size_t captix;
  int no_targets;        /* the sentence has no target reference: no index */
  long last_target;      /* last theme term of the previous sentence */
  long *ctx_match;       /* per theme: its last target match, or -1 */
  size_t *ctx_sent;      /* per theme: the sentence of that match */
  signed char *ctx_sign; /* per theme: sign of that sentence's stance */
  size_t pcur;           /* next entry of the tokenizer's puncts */
  const char *text;      /* the current document */
  lxs_holders holders;   /* the segmenter's holder of each reporting verb */
  lxs_speakers scratch;  /* speakers found when they are not wanted */
  int theme_views_only;  /* lxs_scorer_theme_views_only */
  int no_evidence;       /* lxs_scorer_keep_evidence(sc, 0) */
  uint32_t holder_idx;
  lxs_result res;
};

/* One sentence being scored. */
typedef struct {
  size_t m0, m1; /* matches of the sentence */
  lxs_mrec *rec; /* rec[i - m0] is match i's record */
  double *raw;   /* per theme */
  uint32_t *mentions;
  double *held_raw; /* per theme: the reported view's part */
  uint32_t *held_mentions;
  uint32_t sent;
  size_t nth;            /* themes */
  uint32_t t0, tend;     /* its tokens */
  uint32_t sroles, smod; /* roles (of any sense / of modifier senses)
                            present: passes for absent roles are skipped */
  int question, quotes;  /* ends with "?"; quote marks in it */
  const char *holder;    /* holder of the reported view, or NULL */
} sent_ctx;

static inline lxs_mrec *rec_of(const sent_ctx *cx, size_t i) { return &cx->rec[i - cx->m0]; }

static inline const lxs_sense *sense_at(const lxs_scorer *sc, const lxs_match *m, uint32_t k) {
  return sc->mt.senses[m->sense_off + k];
}

static inline int has_role(const lxs_match *m, lxs_role r) { return (m->roles >> r) & 1; }

static inline int is_target(const lxs_match *m) { return m->target != 0; }

/* The word classes of token t (0 for punctuation). */
static inline lxs_wbits tok_wclass(const lxs_tokenizer *tk, const lxs_token *t) {
  return lxs_wclass_hashed(lxs_tok_norm(tk, t), t->norm_len, t->hash);
}

/* The word classes of token k (0 for punctuation). */
static inline lxs_wbits tok_class_at(const lxs_tokenizer *tk, uint32_t k) {
  const lxs_token *t = &tk->toks[k];
  return t->kind == LXS_TOK_WORD ? tok_wclass(tk, t) : 0;
}

/* Is token k the word w (lower case) exactly? */
static inline int tok_is(const lxs_tokenizer *tk, uint32_t k, const char *w) {
  const lxs_token *t = &tk->toks[k];
  return t->kind == LXS_TOK_WORD && strcmp(lxs_tok_norm(tk, t), w) == 0;
}

static inline int is_evaluative(const lxs_match *m) {
  const uint32_t evaluative = 1u << LXS_R_EVAL | 1u << LXS_R_HARM | 1u << LXS_R_BENEFIT |
                              1u << LXS_R_OPPOSE | 1u << LXS_R_STANCE | 1u << LXS_R_DECAY |
                              1u << LXS_R_THREAT | 1u << LXS_R_AGENCY | 1u << LXS_R_REPAIR;
  return (m->roles & evaluative) != 0;
}

/* Orientation of match m as a target of theme t (0 when not a target). */
static inline double orientation(const lxs_scorer *sc, const lxs_match *m, uint32_t t) {
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

/* Weight of the match's modifier sense with role r (0 if none). */
static inline double role_weight(const lxs_scorer *sc, const lxs_match *m, lxs_role r) {
  if (!((m->mod_roles >> r) & 1)) return 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->role == r && s->theme == LXS_THEME_MODIFIER) return s->weight ? s->weight : 1e-9;
  }
  return 0;
}

/* Weight of the match's general evaluative sense (0 if none). */
static inline double eval_weight(const lxs_scorer *sc, const lxs_match *m) {
  if (!((m->roles >> LXS_R_EVAL) & 1)) return 0;
  for (uint32_t k = 0; k < m->nsenses; k++) {
    const lxs_sense *s = sense_at(sc, m, k);
    if (s->theme == LXS_THEME_SENTIMENT && s->role == LXS_R_EVAL) return s->weight;
  }
  return 0;
}

/* Match index a target reference resolves to: an anaphor ("it", "they")
 * stands for its antecedent. */
static inline size_t resolve(const sent_ctx *cx, size_t i) {
  long a = rec_of(cx, i)->ante;
  return a >= 0 ? (size_t)a : i;
}

/* Like resolve, but stays inside the sentence (for per-sentence records):
 * an antecedent in the previous sentence is represented by its anaphor. */
static inline size_t local_ref(const sent_ctx *cx, size_t i) {
  size_t r = resolve(cx, i);
  return r >= cx->m0 && r < cx->m1 ? r : i;
}

static inline int is_target_ref(const lxs_scorer *sc, const sent_ctx *cx, size_t i) {
  return is_target(&sc->mt.m[i]) || rec_of(cx, i)->ante >= 0;
}

/* ---- passes, in the order score_sentence runs them -------------------- */

/* score_clause.c */
void lxs_score_segments(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_reset_records(const sent_ctx *cx);
void lxs_score_scare_quotes(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_contrast(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_concession(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_scopes(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_near_modifiers(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_eval_pairs(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_question(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_scene(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_doubt(lxs_scorer *sc, sent_ctx *cx);
/* score_context.c */
void lxs_score_anaphors(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_shells(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_context_carry(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_remember_targets(lxs_scorer *sc, const sent_ctx *cx);
/* score_report.c */
void lxs_score_reported_views(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_rebuttal(lxs_scorer *sc, sent_ctx *cx);
/* score_bind.c */
void lxs_score_venues(lxs_scorer *sc, sent_ctx *cx);
void lxs_score_target_index(lxs_scorer *sc, const sent_ctx *cx);
void lxs_score_bind(lxs_scorer *sc, sent_ctx *cx, double *sent_raw, uint32_t *sent_hits);

/* ---- shared by the binding passes (score_bind.c) ----------------------- */

enum { SAME_SEG, SAME_CLAUSE, SAME_SENT };
/* Nearest target reference of theme (any theme for LXS_THEME_NONE) to
 * match e on the given side (0 = either, -1 before, +1 after) within the
 * scope; -1 if none.  *dist_out gets its distance in words. */
long lxs_nearest_target(const lxs_scorer *sc, const sent_ctx *cx, size_t e, uint32_t theme,
                        int scope, int side, unsigned *dist_out);
/* Credit evaluative sense se at match e toward target reference g with
 * contribution factor * orientation, for every theme g is a target of
 * (only only_theme unless LXS_THEME_NONE; themes in skip are left out).
 * Returns the themes credited. */
uint64_t lxs_credit(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, size_t g,
                    double factor, unsigned mods, uint32_t only_theme, uint64_t skip);
/* Records one contribution as evidence: the record, or NULL when the
 * scorer keeps none (lxs_scorer_keep_evidence). */
lxs_evidence *lxs_add_evidence(lxs_scorer *sc, uint32_t sent, uint32_t theme, const lxs_sense *se,
                               const lxs_match *m, const lxs_match *target, unsigned mods,
                               double contribution);

/* score_harm.c: harm, benefit, opposition and decay at match e. */
void lxs_score_harm_roles(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                          double ne);
void lxs_score_advocacy(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                        double ne);
void lxs_score_imposition(lxs_scorer *sc, sent_ctx *cx, size_t e, const lxs_sense *se, double me,
                          double ne);
/* Does theme term g suffer a harm named just after it (a decay, or a
 * passive harm)? */
int lxs_suffers_harm_after(const lxs_scorer *sc, const sent_ctx *cx, size_t g);

#endif
