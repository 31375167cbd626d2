/* prose.c - attribution of a prose paragraph: quotations get the speaker
 * of the frame that introduces or closes them, sentences with a frame get
 * its speaker, and quotations and reported speech continue across
 * sentences and paragraphs. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

static void grow_para(actx *c, uint32_t nsent) {
  if (c->capfr >= nsent) return;
  c->capfr = nsent + 16;
  c->fr = lxs_xrealloc(c->fr, c->capfr * sizeof *c->fr);
  c->subj = lxs_xrealloc(c->subj, c->capfr * sizeof *c->subj);
  c->sspan0 = lxs_xrealloc(c->sspan0, c->capfr * sizeof *c->sspan0);
  c->sspan1 = lxs_xrealloc(c->sspan1, c->capfr * sizeof *c->sspan1);
  c->qwords = lxs_xrealloc(c->qwords, c->capfr * sizeof *c->qwords);
}

/* Reported speech goes on in the next sentence of its paragraph when that
 * sentence is backshifted ("It would help ...") or opens with a word
 * pointing back ("It gives small operators ...", "These markets have
 * ..."), opens with no name or pronoun of its own and carries none of the
 * reporter's marks (dates, figures, "Meanwhile"). */
static int continues_report(actx *c, uint32_t s) {
  static const char *const back[] = {"it", "this", "that", "such", "these", "those", NULL};
  static const char *const modal[] = {"would", "could", "might", "should", "must", NULL};
  lxs_sent_words(c, s);
  if (!c->nw || !is_word(c, 0)) return 0;
  const char *f = NORM(c, 0);
  if (pronoun_gender(f) || strcmp(f, "i") == 0 || strcmp(f, "we") == 0 ||
      (namey(c, 0) && !(c->wc[0] & W_OPENER)))
    return 0;
  int pointer = lxs_in_words(back, f), marks = 0;
  for (size_t k = 0; k < c->nw && k < 40; k++) {
    if (!is_word(c, k)) continue;
    if (lxs_in_words(modal, NORM(c, k))) return 1;
    if ((TK(c, k)->flags & LXS_TF_NUMBER) || (c->wc[k] & W_TIME)) marks = 1;
  }
  return pointer && !marks;
}

/* Attaches the frames of a paragraph to the quotations they introduce or
 * close. */
static void attach_frames(actx *c, const lxs_para *P) {
  for (uint32_t k = 0; k < P->nsent; k++) {
    frame_t *f = &c->fr[k];
    if (f->who == WHO_NONE) continue;
    uint32_t s = P->first_sent + k;
    if (c->sspan0[k] != NO_TOK)
      for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++) {
        qspan *sp = &c->spans[x];
        if (!sp->speech || sp->attached) continue;
        if (sp->close != NO_TOK && sp->close < f->verb && sp->s_close == s) {
          sp->attached = 1;
          sp->who = f->who;
          f->after = 1;
        } else if (sp->open > f->verb && sp->s_open == s) {
          sp->attached = 1;
          sp->who = f->who;
          f->before = 1;
        }
      }
    /* "Is it?" Menon asked.  (the question mark ended the sentence); ""A new
     * dawn." That is how Okafor described the vote." */
    if (!f->after && !f->before && (f->at_start || f->back) && k > 0 &&
        c->sspan0[k - 1] != NO_TOK) {
      qspan *sp = &c->spans[c->sspan1[k - 1]];
      const lxs_sent *S = &c->tk->sents[s - 1];
      if (sp->speech && !sp->attached && sp->close != NO_TOK && sp->s_close == s - 1 &&
          sp->close + 1 >= S->first_tok + S->ntok - 1 &&
          (c->sspan0[k] == NO_TOK || c->spans[c->sspan0[k]].open > f->verb)) {
        sp->attached = 1;
        sp->who = f->who;
        f->after = 1;
      }
    }
  }
}

/* An open quotation of the previous paragraph continues here: its
 * sentences waiting for a speaker get this paragraph's. */
static void resume_pending(actx *c, const lxs_para *P) {
  if (!c->npend) return;
  qspan *s0 = c->nspans ? &c->spans[0] : NULL;
  int continues = s0 && s0->open == c->tk->sents[P->first_sent].first_tok;
  int who = WHO_NONE;
  if (continues && s0->attached && s0->who >= 0) who = s0->who;
  /* "...," ¶ "Lina Osei, Trade Commission President, said,
   * ..." -- or the person the next paragraph opens with */
  else if (!continues && c->pend_comma && c->fr[0].who >= 0 && !c->fr[0].after) who = c->fr[0].who;
  else if (!continues && c->pend_comma && c->fr[0].who == WHO_NONE && c->subj[0] >= 0)
    who = c->subj[0];
  if (who >= 0) {
    for (size_t i = 0; i < c->npend; i++)
      lxs_put_sent(c, c->pend[i], who, LXS_CUE_QUOTE, LXS_SENT_QUOTE);
    lxs_recent_push(c, who);
    c->chain = who;
    c->npend = 0;
  } else if (!continues || s0->close != NO_TOK || s0->attached) {
    c->npend = 0;
  }
}

/* A quotation closed with a comma at the very end of its paragraph: its
 * frame follows in the next paragraph. */
static int comma_closed_at_end(const actx *c, const lxs_para *P, const qspan *sp) {
  if (sp->close == NO_TOK || sp->close < 1) return 0;
  const lxs_sent *L = &c->tk->sents[P->first_sent + P->nsent - 1];
  const lxs_token *b = &c->tk->toks[sp->close - 1];
  return sp->close == L->first_tok + L->ntok - 1 && b->kind == LXS_TOK_PUNCT &&
         b->punct == LXS_P_COMMA;
}

/* The quotation that dominates sentence k of the paragraph, or -1. */
static int dominant_quote(const actx *c, uint32_t k, const lxs_sent *S) {
  if (!(c->qwords[k] * 2 >= S->nwords && c->qwords[k] > 0)) return -1;
  for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++)
    if (c->spans[x].speech) return (int)x;
  return -1;
}

/* The speaker of an unattached quotation that dominates sentence k: the
 * speaker of a quotation left open, a person introducing it, or the last
 * person quoted nearby. */
static int quote_speaker(actx *c, uint32_t pi, uint32_t k, int qx, int *cue) {
  const lxs_para *P = &c->tk->paras[pi];
  qspan *sp = &c->spans[qx];
  int who;
  int intro = k > 0 ? (c->fr[k - 1].who == WHO_NONE ? c->subj[k - 1] : WHO_NONE) : c->intro_next;
  *cue = LXS_CUE_CONTINUATION;
  if (qx == 0 && sp->open == c->tk->sents[P->first_sent].first_tok && c->dangling != WHO_NONE) {
    who = c->dangling;
    sp->pending = c->npend > 0 && sp->close == NO_TOK;
  } else if (intro >= 0) {
    who = intro;
    *cue = LXS_CUE_QUOTE;
  } else {
    who = c->chain >= 0 && pi - c->chain_para <= 2 ? c->chain : WHO_AUTHOR;
    /* "... ¶ "...," Menon said." may name the speaker later, and so may
     * the next paragraph after a quote ending in a comma ("...," ¶ she
     * said.) */
    sp->pending = sp->close == NO_TOK || comma_closed_at_end(c, P, sp);
  }
  sp->attached = 1;
  sp->who = who;
  return who;
}

/* The quotation sentences right before sentence s that went to nobody
 * (at most a paragraph's worth) are who's: a sentence opening its
 * paragraph points back to them ("Those were the words of X"). */
static void back_to_quote(actx *c, uint32_t s, int who) {
  for (uint32_t t = s, n = 0; t-- > 0 && n < 12; n++) {
    if (!(c->sf[t] & LXS_SENT_QUOTE) || c->who[t] >= 0) break;
    lxs_put_sent(c, t, who, LXS_CUE_SAID_AFTER, LXS_SENT_QUOTE);
  }
}

/* Attributes sentence k of paragraph pi; *reported carries a person whose
 * reported speech may continue into the next sentence. */
static void assign_sentence(actx *c, uint32_t pi, uint32_t k, int *reported) {
  const lxs_para *P = &c->tk->paras[pi];
  uint32_t s = P->first_sent + k;
  frame_t *f = &c->fr[k];
  const lxs_sent *S = &c->tk->sents[s];
  int who = WHO_NONE, cue = LXS_CUE_AUTHOR;
  int qx = dominant_quote(c, k, S);
  if (f->who >= 0) {
    who = f->who;
    cue = lxs_frame_cue(f);
    if (f->colon && !f->headline) cue = f->ref == REF_FULL ? LXS_CUE_SAID_BEFORE : lxs_frame_cue(f);
  } else if (f->who == WHO_AUTHOR) {
    c->chain = WHO_AUTHOR;
  } else if (qx >= 0) {
    qspan *sp = &c->spans[qx];
    if (sp->attached) {
      who = sp->who;
      cue = LXS_CUE_QUOTE;
    } else {
      who = quote_speaker(c, pi, k, qx, &cue);
    }
    if (sp->pending) {
      LXS_VEC_GROW(c->pend, c->npend, c->cappend);
      c->pend[c->npend++] = s;
    }
  }
  if (who == WHO_NONE && f->who == WHO_NONE && qx < 0 && *reported >= 0 && c->subj[k] == WHO_NONE &&
      continues_report(c, s))
    who = *reported, cue = LXS_CUE_CONTINUATION; /* "It would help small firms." */
  *reported = WHO_NONE;
  if (who >= 0 && qx < 0 && (f->who >= 0 || cue == LXS_CUE_CONTINUATION)) *reported = who;
  if (who >= 0) {
    c->chain = who;
    c->chain_para = pi;
    c->P[who].spoke = (int)s + 1;
    lxs_recent_push(c, who);
    if (cue != LXS_CUE_HEADLINE) c->P[who].tentative = 0; /* the body names them */
  }
  lxs_put_sent(c, s, who, cue, qx >= 0 ? LXS_SENT_QUOTE : 0);
  if (f->who >= 0 && qx < 0) lxs_frame_clauses(c, S, s, f);
  /* "Fix the quay or we walk away. That was the message Okafor had ...":
   * the sentence before, unmarked and nobody's, says the message */
  if (f->back && f->who >= 0 && !f->after && k > 0 && c->sspan0[k - 1] == NO_TOK &&
      c->fr[k - 1].who == WHO_NONE && c->who[s - 1] < 0)
    lxs_put_sent(c, s - 1, f->who, LXS_CUE_SAID_AFTER, 0);
  /* ""We cannot afford it." ¶ Those were the words of Anna Varga": the
   * quotation of the paragraph before, if it went to nobody */
  if (f->back && f->who >= 0 && !f->after && k == 0 && s > 0) back_to_quote(c, s, f->who);
}

/* Was the quotation opened right after a colon ("stating: "...", or a
 * paragraph after one ending in a colon)? */
static int colon_opened(const actx *c, const lxs_para *P, const qspan *sp) {
  if (sp->open > 0) {
    const lxs_token *b = &c->tk->toks[sp->open - 1];
    if (b->kind == LXS_TOK_PUNCT && b->punct == LXS_P_COLON) return 1;
  }
  return sp->open == c->tk->sents[P->first_sent].first_tok && c->para_after_colon;
}

/* A quotation opened after a colon and never closed runs on into the
 * paragraphs after it while they carry no marks, no frame and read like
 * more of the same (not a one-line aside).  1 when this paragraph did. */
static int run_on(actx *c, uint32_t pi) {
  const lxs_para *P = &c->tk->paras[pi];
  int who = c->runon;
  c->runon = WHO_NONE;
  if (who < 0 || c->nspans) return 0;
  uint32_t words = 0;
  for (uint32_t k = 0; k < P->nsent; k++) {
    if (c->fr[k].who != WHO_NONE) return 0;
    words += c->tk->sents[P->first_sent + k].nwords;
  }
  if (words < 8) return 0;
  lxs_put_para(c, P, who, LXS_CUE_RUN_ON, LXS_SENT_QUOTE);
  c->runon = who;
  c->chain = who;
  c->chain_para = pi;
  return 1;
}

/* Does paragraph P open with a list bullet ("- ", "* ", "• ", "– ",
 * "1. ", "2) ")? */
static int bullet_item(const actx *c, const lxs_para *P) {
  const unsigned char *t = (const unsigned char *)c->text + P->start;
  size_t n = P->end - P->start;
  if (n < 3) return 0;
  if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return 1;
  /* "•", "–", "—", "▪" and a space */
  if (n > 4 && t[0] == 0xE2 && t[3] == ' ' &&
      ((t[1] == 0x80 && (t[2] == 0xA2 || t[2] == 0x93 || t[2] == 0x94)) ||
       (t[1] == 0x96 && t[2] == 0xAA)))
    return 1;
  size_t d = 0;
  while (d < n && d < 3 && t[d] >= '0' && t[d] <= '9') d++;
  return d > 0 && d + 1 < n && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

/* A paragraph after one ending in a speech frame and a colon ("Varga said
 * in a statement:") with no quotation marks of its own is the statement
 * itself, when it carries no frame: the speaker's (run-on cue, as a quote
 * left open).  So is each further item of a list it opens ("X said:" ¶
 * "- ..." ¶ "- ...").  1 when this paragraph was. */
static int colon_statement(actx *c, uint32_t pi) {
  const lxs_para *P = &c->tk->paras[pi];
  int list = c->list_who, who = WHO_NONE, bullet = bullet_item(c, P);
  c->list_who = WHO_NONE;
  if (c->para_after_colon && c->intro_frame && c->intro_next >= 0) who = c->intro_next;
  else if (list >= 0 && bullet) who = list; /* the next item of the same list */
  if (who < 0 || c->nspans) return 0;
  for (uint32_t k = 0; k < P->nsent; k++)
    if (c->fr[k].who != WHO_NONE) return 0;
  lxs_put_para(c, P, who, LXS_CUE_RUN_ON, LXS_SENT_QUOTE);
  c->chain = who;
  c->chain_para = pi;
  if (bullet) c->list_who = who;
  return 1;
}

/* What the paragraph leaves to the next: a quotation left open, and a
 * speaker introducing the next paragraph's quote ("Menon put it this
 * way:"). */
static void close_paragraph(actx *c, const lxs_para *P) {
  uint32_t ns = P->nsent;
  c->dangling = WHO_NONE;
  c->runon = WHO_NONE;
  c->pend_comma = 0;
  if (c->nspans) {
    qspan *sp = &c->spans[c->nspans - 1];
    if (sp->close == NO_TOK && sp->speech && sp->attached) {
      c->dangling = sp->who;
      if (colon_opened(c, P, sp)) c->runon = sp->who;
    }
    if (!sp->pending) c->npend = 0;
    else c->pend_comma = sp->close != NO_TOK;
  } else {
    c->npend = 0;
  }
  c->intro_next = WHO_NONE;
  const lxs_sent *L = &c->tk->sents[P->first_sent + ns - 1];
  const lxs_token *lt = &c->tk->toks[L->first_tok + L->ntok - 1];
  c->para_after_colon = lt->kind == LXS_TOK_PUNCT && lt->punct == LXS_P_COLON;
  if (c->para_after_colon) {
    c->intro_frame = c->fr[ns - 1].who >= 0 && !c->fr[ns - 1].colon;
    if (c->fr[ns - 1].who >= 0) c->intro_next = c->fr[ns - 1].who;
    else c->intro_next = c->subj[ns - 1];
    if (c->intro_next < 0) { /* "Northland's Brenner summed it up:" */
      lxs_sent_words(c, P->first_sent + ns - 1);
      int ref;
      size_t pos;
      int who = lxs_main_subject(c, &ref, &pos);
      if (who >= 0) c->intro_next = who;
    }
  }
}

/* A pull quote's attribution: a line holding a person's name alone (not
 * the text's last line) right under a line with no full stop ("... not
 * the mayor" / "Tomas Brenner").  The person, or WHO_NONE.  c holds the
 * words of the paragraph's only sentence. */
static int pull_quote_name(actx *c, uint32_t pi) {
  const lxs_para *P = &c->tk->paras[pi];
  if (P->nsent != 1 || pi == 0 || pi + 1 >= c->tk->npara || c->nw < 2 || c->nw > 4) return WHO_NONE;
  for (size_t x = 0; x < c->nw; x++)
    if (!namey(c, x)) return WHO_NONE;
  const lxs_para *B = &c->tk->paras[pi - 1];
  const lxs_sent *S = &c->tk->sents[B->first_sent + B->nsent - 1];
  if (c->tk->toks[S->first_tok + S->ntok - 1].kind != LXS_TOK_WORD) return WHO_NONE;
  int breaks = 0;
  for (size_t i = B->end; i < P->start; i++) breaks += c->text[i] == '\n';
  if (breaks != 1) return WHO_NONE;
  nameinfo ni;
  lxs_analyze_run(c, 0, c->nw - 1, 1, &ni);
  if (!ni.ok || ni.ref != REF_FULL) return WHO_NONE;
  for (uint32_t s = B->first_sent; s < B->first_sent + B->nsent; s++)
    if (c->who[s] < 0) lxs_put_sent(c, s, ni.pi, LXS_CUE_QUOTE, LXS_SENT_QUOTE);
  return ni.pi;
}

/* A sign-off under or after a quotation ("— Tom Birch, United
 * Steelworkers", ""...," — CPA chairman Zach Mottl."): a dash opening the
 * sentence or right after a closing quote mark, then a person's name, at
 * most a description after a comma, and no speech verb.  The person, or
 * WHO_NONE; *d is the dash.  c holds the sentence's words. */
static int signoff_name(actx *c, size_t *d) {
  size_t x = 0;
  while (x < c->nw && x < 40 && !is_p(c, x, LXS_P_DASH)) x++;
  if (x + 2 >= c->nw || x + 24 < c->nw || !namey(c, x + 1)) return WHO_NONE;
  if (x > 0 && !(is_quote(c, x - 1) || (x > 1 && is_quote(c, x - 2) && !is_word(c, x - 1))))
    return WHO_NONE;
  /* (an embedded post's "— Name (@handle) March 1, 2018" signs no quote) */
  for (size_t k = x + 1; k < c->nw; k++)
    if ((is_word(c, k) && (c->wc[k] & (W_SPEECH | W_AUX))) || is_p(c, k, LXS_P_OPEN))
      return WHO_NONE;
  int ref, who = lxs_np_right(c, x + 1, &ref);
  /* ("— CPA chairman Zach Mottl": an organisation and a title before) */
  for (size_t k = x + 1; who < 0 && k < c->nw && k < x + 6 && is_word(c, k); k++) {
    if (!namey(c, k) && !(c->wc[k] & (W_TITLE | W_ROLE | W_ROLEADJ))) break;
    if (!namey(c, k)) continue;
    nameinfo ni;
    lxs_analyze_run(c, k, lxs_run_right(c, k, c->nw), 1, &ni);
    if (ni.ok && ni.pi >= 0) who = ni.pi, ref = ni.ref;
  }
  if (who < 0 || ref != REF_FULL || c->P[lxs_person_root(c, who)].entity) return WHO_NONE;
  *d = x;
  return who;
}

/* The quotation a sign-off closes is the person's: the sentences before
 * it in quotation marks that no frame of their own attributed (those the
 * author or the last quoted person got by default), back to the first
 * that is no quotation.  A sign-off line alone is a header, not scored. */
static void sign_off(actx *c, uint32_t s, int who, int alone) {
  lxs_put_sent(c, s, who, LXS_CUE_SAID_AFTER, alone ? LXS_SENT_HEADER : LXS_SENT_QUOTE);
  for (uint32_t t = s, n = 0; t-- > 0 && n < 12; n++) {
    uint8_t cue = c->sc[t];
    if (!(c->sf[t] & LXS_SENT_QUOTE) || !(cue == LXS_CUE_AUTHOR || cue == LXS_CUE_CONTINUATION ||
                                          cue == LXS_CUE_QUOTE || cue == LXS_CUE_RUN_ON))
      break;
    lxs_put_sent(c, t, who, LXS_CUE_SAID_AFTER, LXS_SENT_QUOTE);
  }
  lxs_recent_push(c, who);
  c->chain = who;
}

/* Prose: quotations, frames, continuations. */
void lxs_prose_paragraph(actx *c, uint32_t pi) {
  const lxs_para *P = &c->tk->paras[pi];
  uint32_t ns = P->nsent;
  grow_para(c, ns);
  lxs_build_spans(c, P);
  for (uint32_t k = 0; k < ns; k++) {
    lxs_sent_words(c, P->first_sent + k);
    lxs_scan_mentions(c, k);
    lxs_find_frame(c, k, &c->fr[k]);
    c->fr[k].back = c->fr[k].who >= 0 && lxs_points_back(c);
    /* A speaker framed here is the most recent person for the pronouns of
     * the next sentences in this paragraph ("..., said X. He added ..."). */
    if (c->fr[k].who >= 0) {
      lxs_recent_push(c, c->fr[k].who);
      c->P[c->fr[k].who].spoke = (int)(P->first_sent + k) + 1;
    }
  }
  if (run_on(c, pi) || colon_statement(c, pi)) {
    c->para_after_colon = 0;
    return;
  }
  attach_frames(c, P);
  resume_pending(c, P);
  int reported = WHO_NONE; /* the previous sentence reported this person */
  for (uint32_t k = 0; k < ns; k++) assign_sentence(c, pi, k, &reported);
  for (uint32_t k = 0; k < ns; k++) {
    if (c->fr[k].who != WHO_NONE) continue;
    lxs_sent_words(c, P->first_sent + k);
    size_t d;
    int who = signoff_name(c, &d);
    if (who >= 0) sign_off(c, P->first_sent + k, who, d == 0);
  }
  int pulled = pull_quote_name(c, pi);
  if (pulled >= 0) lxs_put_sent(c, P->first_sent, pulled, LXS_CUE_QUOTE, LXS_SENT_HEADER);
  close_paragraph(c, P);
}
