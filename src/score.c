/* score.c - stage 4: the scoring model's driver.
 *
 * For each sentence, score_sentence runs the named passes of scoring.h
 * over its lexicon matches: clause weights (contrast, concession,
 * condition, question), scopes (negation to the end of its clause segment,
 * hedges), local modifiers (intensifiers, diminishers, distancers),
 * references, reported views, and then binding, which ties each
 * evaluative term to the theme terms it speaks about (harm roles
 * included).  See README "Scoring model" for the formulas. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoring.h"
#include "stem.h"
#include "util.h"

static lxs_scorer *scorer_new(const lxs_lexicon *lex, char *err, size_t errlen) {
  lxs_stemmer *st = lxs_stemmer_new(lxs_lexicon_language(lex), err, errlen);
  if (!st) return NULL;
  lxs_scorer *sc = lxs_xcalloc(1, sizeof *sc);
  sc->lex = lex;
  sc->stemmer = st;
  sc->tok = lxs_tokenizer_new();
  lxs_matcher_init(&sc->mt);
  lxs_speakers_init(&sc->speakers);
  lxs_speakers_init(&sc->scratch);
  return sc;
}

lxs_scorer *lxs_scorer_new(const lxs_lexicon *lex, char *err, size_t errlen) {
  if (lxs_lexicon_broken(lex)) {
    lxs_set_err(err, errlen, "lexicon unusable after running out of memory");
    return NULL;
  }
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) {
    lxs_out_of_memory(err, errlen);
    return NULL;
  }
  lxs_scorer *sc = scorer_new(lex, err, errlen);
  lxs_guard_leave(&g);
  return sc;
}

void lxs_scorer_free(lxs_scorer *sc) {
  if (!sc) return;
  lxs_stemmer_free(sc->stemmer);
  free(sc->raw);
  free(sc->ctx_match);
  free(sc->ctx_sent);
  free(sc->ctx_sign);
  free(sc->held_raw);
  free(sc->mentions);
  free(sc->held_mentions);
  lxs_tokenizer_free(sc->tok);
  lxs_matcher_free(&sc->mt);
  lxs_speakers_free(&sc->speakers);
  lxs_speakers_free(&sc->scratch);
  lxs_holders_free(&sc->holders);
  free(sc->spk_view);
  free(sc->sents);
  free(sc->sent_speaker);
  free(sc->sent_flags);
  free(sc->sent_cue);
  free(sc->scores);
  free(sc->ev);
  free(sc->rec);
  free(sc->prev_t);
  free(sc->next_t);
  free(sc->last);
  free(sc);
}

lxs_tokenizer *lxs_scorer_tokenizer(lxs_scorer *sc) { return sc->tok; }
const lxs_matcher *lxs_scorer_matcher(const lxs_scorer *sc) { return &sc->mt; }
lxs_stemmer *lxs_scorer_stemmer(lxs_scorer *sc) { return sc->stemmer; }
void lxs_scorer_theme_views_only(lxs_scorer *sc, int on) { sc->theme_views_only = on; }
void lxs_scorer_keep_evidence(lxs_scorer *sc, int on) { sc->no_evidence = !on; }

/* Does a match of the document have a sense of some theme? */
static int names_a_theme(const lxs_matcher *mt) {
  for (size_t i = 0; i < mt->n; i++)
    if (mt->m[i].themes) return 1;
  return 0;
}

/* The sentence's stance per theme and its tone, squashed into [-1, 1]. */
static void finish_sentence(lxs_scorer *sc, const sent_ctx *cx, double sent_raw,
                            uint32_t sent_hits) {
  lxs_sentence *out = &sc->sents[cx->sent];
  /* (zero, the common case, without the division's latency) */
  out->sentiment = sent_raw == 0 ? sent_raw
                                 : sent_raw / sqrt(sent_raw * sent_raw + SENTIMENT_ALPHA);
  out->sentiment_hits = sent_hits;
  for (size_t t = 0; t < cx->nth; t++) {
    lxs_theme_score *ts = &sc->scores[cx->sent * cx->nth + t];
    ts->mentions = cx->mentions[t];
    ts->raw = cx->raw[t];
    ts->stance = ts->raw == 0 ? ts->raw : ts->raw / sqrt(ts->raw * ts->raw + STANCE_ALPHA);
    ts->held_raw = 0;
    ts->held_mentions = 0;
  }
}

/* The passes, in order; each one's comment in scoring.h's files gives an
 * example.  A pass for a role the sentence lacks is skipped (each costs a
 * sweep over the matches). */
static void score_sentence(lxs_scorer *sc, sent_ctx *cx) {
  size_t nm = cx->m1 - cx->m0;
  if (sc->capm < nm + 1) {
    sc->capm = nm + 1;
    sc->rec = lxs_xrealloc(sc->rec, sc->capm * sizeof *sc->rec);
  }
  cx->rec = sc->rec;
  lxs_score_segments(sc, cx);
  lxs_score_reset_records(cx);
  uint32_t sroles = cx->sroles, smod = cx->smod;
  if (cx->question) lxs_score_question(sc, cx);
  if ((sroles >> LXS_R_ANAPHOR) & 1) lxs_score_anaphors(sc, cx);
  if ((sroles >> LXS_R_SHELL) & 1) lxs_score_shells(sc, cx);
  if (cx->quotes >= 2) lxs_score_scare_quotes(sc, cx);
  if ((smod >> LXS_R_CONTRAST) & 1) lxs_score_contrast(sc, cx);
  if ((smod >> LXS_R_CONCESSIVE) & 1) lxs_score_concession(sc, cx);
  if (smod & (1u << LXS_R_CONDITIONAL | 1u << LXS_R_HEDGE | 1u << LXS_R_NEGATOR))
    lxs_score_scopes(sc, cx);
  if ((smod >> LXS_R_DOUBT) & 1) lxs_score_doubt(sc, cx);
  if (smod) lxs_score_near_modifiers(sc, cx);
  if ((smod >> LXS_R_SCENE) & 1) lxs_score_scene(sc, cx);
  lxs_score_venues(sc, cx);
  lxs_score_target_index(sc, cx);
  lxs_score_eval_pairs(sc, cx);
  lxs_score_reported_views(sc, cx); /* (the segmenter's speech verbs) */
  if (cx->holder && ((smod >> LXS_R_CONTRAST) & 1)) lxs_score_rebuttal(sc, cx);
  double sent_raw = 0;
  uint32_t sent_hits = 0;
  lxs_score_bind(sc, cx, &sent_raw, &sent_hits);
  if (cx->sent > 0) lxs_score_context_carry(sc, cx);
  finish_sentence(sc, cx, sent_raw, sent_hits);
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

/* Does a match of the document feed a pass that reads the holders of
 * reported views when only theme scores and tone are wanted: the
 * rebuttal (a contrast) or a measure put in place (impose, own_act)?
 * Elsewhere a holder only splits off the part per-speaker totals credit
 * it, which these rows never print.  (A pass that comes to read
 * lxs_mrec.reported, .own_speech or cx->holder must be added here.) */
static int holders_read(const lxs_matcher *mt) {
  for (size_t i = 0; i < mt->n; i++)
    if (((mt->m[i].mod_roles >> LXS_R_CONTRAST) & 1) || ((mt->m[i].roles >> LXS_R_IMPOSE) & 1))
      return 1;
  return 0;
}

/* Room for the document's sentences and scores, its speakers found, and
 * the per-theme scratch (kept for the scorer's lifetime). */
static void prepare_document(lxs_scorer *sc, const char *text, const lxs_options *opt) {
  const lxs_tokenizer *tk = sc->tok;
  size_t ns = tk->nsent, nth = lxs_lexicon_theme_count(sc->lex);
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
  sc->holders.n = 0;
  if (opt && opt->segment_speakers) {
    lxs_attribute_clauses(tk, text, &sc->speakers, opt->speakers, sc->sent_speaker, sc->sent_flags,
                          sc->sent_cue, NULL, &sc->holders);
  } else {
    /* Reported views need their holders even when the text is all the
     * author's: the segmenter reads them, its speakers are dropped.  A
     * view with no theme term only moves tone between speakers. */
    if (sc->mt.nspeech &&
        (!sc->theme_views_only || (names_a_theme(&sc->mt) && holders_read(&sc->mt)))) {
      lxs_speakers_clear(&sc->scratch);
      lxs_attribute_clauses(tk, text, &sc->scratch, opt ? opt->speakers : NULL, sc->sent_speaker,
                            sc->sent_flags, sc->sent_cue, NULL, &sc->holders);
    }
    for (size_t i = 0; i < ns; i++) {
      sc->sent_speaker[i] = 0;
      sc->sent_flags[i] = 0;
      sc->sent_cue[i] = LXS_CUE_AUTHOR;
    }
  }
  sc->nev = 0;
  sc->pcur = 0;
  sc->last_target = -1;
  if (!sc->raw) {
    sc->ctx_match = lxs_xcalloc(nth + 1, sizeof(long));
    sc->ctx_sent = lxs_xcalloc(nth + 1, sizeof(size_t));
    sc->ctx_sign = lxs_xcalloc(nth + 1, 1);
    sc->last = lxs_xcalloc(nth + 1, sizeof(long));
    sc->caplast = nth + 1;
    sc->raw = lxs_xcalloc(nth + 1, sizeof(double));
    sc->mentions = lxs_xcalloc(nth + 1, sizeof(uint32_t));
    sc->held_raw = lxs_xcalloc(nth + 1, sizeof(double));
    sc->held_mentions = lxs_xcalloc(nth + 1, sizeof(uint32_t));
  }
  for (size_t t = 0; t < nth; t++) sc->ctx_match[t] = -1;
  sc->text = text;
}

/* Sentence s's output record, before scoring. */
static lxs_sentence *open_sentence(lxs_scorer *sc, size_t s) {
  const lxs_sent *S = &sc->tok->sents[s];
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
  o->holder = LXS_NO_HOLDER;
  return o;
}

/* Scores sentence s (matches [m0, m1)); a reported view held by someone
 * other than the sentence's speaker is kept apart. */
static void score_one(lxs_scorer *sc, size_t s, size_t m0, size_t m1, lxs_sentence *o) {
  const lxs_sent *S = &sc->tok->sents[s];
  size_t nth = lxs_lexicon_theme_count(sc->lex);
  double *raw = sc->raw, *held_raw = sc->held_raw;
  uint32_t *mentions = sc->mentions, *held_mentions = sc->held_mentions;
  for (size_t t = 0; t < nth; t++) { /* a few themes: no memset calls */
    raw[t] = held_raw[t] = 0;
    mentions[t] = held_mentions[t] = 0;
  }
  sent_ctx cx = {.m0 = m0,
                 .m1 = m1,
                 .raw = raw,
                 .mentions = mentions,
                 .held_raw = held_raw,
                 .held_mentions = held_mentions,
                 .sent = (uint32_t)s,
                 .nth = nth,
                 .t0 = S->first_tok,
                 .tend = S->first_tok + S->ntok};
  score_sentence(sc, &cx);
  lxs_score_remember_targets(sc, &cx);
  if (cx.holder && !same_person(cx.holder, sc->speakers.names[o->speaker])) {
    o->holder = sc->holder_idx;
    for (size_t t = 0; t < nth; t++) {
      sc->scores[s * nth + t].held_raw = held_raw[t];
      sc->scores[s * nth + t].held_mentions = held_mentions[t];
    }
  }
}

static const lxs_result *publish_result(lxs_scorer *sc, size_t total_tokens) {
  if (sc->capspk < sc->speakers.n) {
    sc->capspk = sc->speakers.n;
    sc->spk_view = lxs_xrealloc(sc->spk_view, sc->capspk * sizeof *sc->spk_view);
  }
  for (size_t i = 0; i < sc->speakers.n; i++) {
    sc->spk_view[i].name = sc->speakers.names[i];
    sc->spk_view[i].description = sc->speakers.descs[i];
  }
  sc->res.sentences = sc->sents;
  sc->res.n_sentences = sc->tok->nsent;
  sc->res.scores = sc->scores;
  sc->res.n_themes = lxs_lexicon_theme_count(sc->lex);
  sc->res.speakers = sc->spk_view;
  sc->res.n_speakers = sc->speakers.n;
  sc->res.evidence = sc->ev;
  sc->res.n_evidence = sc->nev;
  sc->res.tokens = total_tokens;
  return &sc->res;
}

static const lxs_result *run(lxs_scorer *sc, const char *text, size_t len, const lxs_options *opt) {
  lxs_stemmer_trim(sc->stemmer);
  lxs_tokenize(sc->tok, text, len);
  lxs_match_document(&sc->mt, sc->lex, sc->stemmer, sc->tok);
  prepare_document(sc, text, opt);
  const lxs_tokenizer *tk = sc->tok;
  size_t ns = tk->nsent, nth = lxs_lexicon_theme_count(sc->lex);
  size_t mi = 0, total_tokens = 0;
  for (size_t s = 0; s < ns; s++) {
    lxs_sentence *o = open_sentence(sc, s);
    size_t m0 = mi;
    while (mi < sc->mt.n && sc->mt.m[mi].sentence == s) mi++;
    int header = (o->flags & LXS_SENTENCE_HEADER) != 0;
    if (!header) total_tokens += tk->sents[s].nwords;
    if (header || m0 == mi) {
      /* A header is not scored; a sentence with no lexicon term is
       * neutral, with no mention and nothing held -- what score_sentence
       * would conclude, without its passes (many sentences are like
       * this). */
      for (size_t t = 0; t < nth; t++) sc->scores[s * nth + t] = (lxs_theme_score){0};
      if (!header) sc->last_target = -1;
      continue;
    }
    score_one(sc, s, m0, mi, o);
  }
  return publish_result(sc, total_tokens);
}

/* One guard per document (a setjmp: some 20 instructions). */
const lxs_result *lxs_scorer_run(lxs_scorer *sc, const char *text, size_t len,
                                 const lxs_options *opt) {
  if (sc->broken) return NULL;
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) {
    sc->broken = 1;
    return NULL;
  }
  const lxs_result *r = run(sc, text, len, opt);
  lxs_guard_leave(&g);
  return r;
}
