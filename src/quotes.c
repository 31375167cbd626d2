/* quotes.c - the quotation spans of a paragraph: which marks open and
 * close, which spans read as speech rather than scare quotes, and how
 * many of each sentence's words are quoted speech. */
#include "attrib.h"

#include <string.h>

#include "utf8.h"

/* Quotation mark kind of a token: 0 none, 1 opening, 2 closing, 3 straight
 * double (direction from context), 4 opening single, 5 closing single. */
int lxs_qkind(const actx *c, const lxs_token *t) {
  if (t->kind != LXS_TOK_PUNCT || t->punct != LXS_P_QUOTE) return 0;
  int32_t cp;
  lxs_utf8_decode((const unsigned char *)c->text + t->start, t->end - t->start, &cp);
  if (cp == '"' || cp == 0xFF02) return 3;
  if (cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == 0x201F) return 1;
  if (cp == 0x201D || cp == 0x00BB) return 2;
  if (cp == 0x2018) return 4;
  /* a straight single mark: its side from the spacing around it ("'The
   * quay is too small,' she said."); the span checks below keep
   * apostrophes out */
  if (cp == '\'') return (t->flags & LXS_TF_CLOSING) ? 5 : 4;
  if (cp == 0x2019) return 5;
  return 0;
}

/* Opens a span at token i of sentence s. */
static int open_span(actx *c, const lxs_para *P, uint32_t s, uint32_t i, int q) {
  LXS_VEC_GROW(c->spans, c->nspans, c->capspans);
  qspan *sp = &c->spans[c->nspans];
  memset(sp, 0, sizeof *sp);
  sp->open = i;
  sp->close = NO_TOK;
  sp->s_open = s;
  sp->s_close = P->first_sent + P->nsent - 1;
  sp->single = q >= 4;
  sp->straight = q == 3;
  sp->who = WHO_NONE;
  return (int)c->nspans++;
}

/* The quotation marks of a paragraph, paired into spans (c->spans). */
static void pair_marks(actx *c, const lxs_para *P) {
  const lxs_tokenizer *tk = c->tk;
  c->nspans = 0;
  int open = -1, nested = 0;
  /* a single opening quote counts only if a closing one follows */
  uint32_t last_single_close = 0;
  int any_single_close = 0;
  for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
    const lxs_sent *S = &tk->sents[s];
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++)
      if (lxs_qkind(c, &tk->toks[i]) == 5) {
        last_single_close = i;
        any_single_close = 1;
      }
  }
  for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
    const lxs_sent *S = &tk->sents[s];
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      int q = lxs_qkind(c, t);
      if (!q) continue;
      int single = q >= 4;
      if (open < 0) {
        if (q == 2 || q == 5) continue;                      /* stray close */
        if (q == 3 && (t->flags & LXS_TF_CLOSING)) continue; /* stray close */
        if (q == 4) {
          /* an opening single quote needs a word right after it */
          if (i + 1 >= tk->ntok || tk->toks[i + 1].kind != LXS_TOK_WORD ||
              tk->toks[i + 1].start != t->end || !any_single_close || i > last_single_close)
            continue;
        }
        open = open_span(c, P, s, i, q);
        nested = 0;
        continue;
      }
      qspan *sp = &c->spans[open];
      if (sp->single != single) continue; /* a quote inside a quote */
      if (q == 1 || q == 4) {
        /* an opening mark used as a closing one: no space before it */
        if (i > 0 && tk->toks[i - 1].end == t->start &&
            (i + 1 >= tk->ntok || tk->toks[i + 1].start > t->end))
          ;
        else continue;
      }
      /* straight marks nest: ""We prepare for the "WTO minus US" system."" */
      if (q == 3 && sp->straight && !(t->flags & LXS_TF_CLOSING) && i > 0 &&
          tk->toks[i - 1].end < t->start && i + 1 < tk->ntok &&
          tk->toks[i + 1].kind == LXS_TOK_WORD && tk->toks[i + 1].start == t->end) {
        nested++;
        continue;
      }
      if (q == 3 && nested > 0) {
        nested--;
        continue;
      }
      sp->close = i;
      sp->s_close = s;
      open = -1;
    }
  }
}

/* Build the quotation spans of paragraph pi. */
void lxs_build_spans(actx *c, const lxs_para *P) {
  const lxs_tokenizer *tk = c->tk;
  pair_marks(c, P);
  uint32_t ns = P->nsent;
  for (uint32_t k = 0; k < ns; k++) {
    c->sspan0[k] = NO_TOK;
    c->sspan1[k] = NO_TOK;
    c->qwords[k] = 0;
  }
  uint32_t para_last = tk->sents[P->first_sent + ns - 1].first_tok +
                       tk->sents[P->first_sent + ns - 1].ntok - 1;
  for (size_t x = 0; x < c->nspans; x++) {
    qspan *sp = &c->spans[x];
    uint32_t end = sp->close == NO_TOK ? para_last : sp->close;
    uint32_t nwords = 0;
    for (uint32_t i = sp->open; i <= end; i++) {
      c->inq[i] = (uint32_t)x + 1;
      const lxs_token *t = &tk->toks[i];
      if (t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_PART)) nwords++;
    }
    sp->nwords = nwords;
    int punct_end = 0;
    if (sp->close != NO_TOK && sp->close > sp->open + 1) {
      const lxs_token *b = &tk->toks[sp->close - 1];
      punct_end = b->kind == LXS_TOK_PUNCT &&
                  (b->punct == LXS_P_COMMA || b->punct == LXS_P_PERIOD || b->punct == LXS_P_QUEST ||
                   b->punct == LXS_P_EXCL);
    }
    sp->speech = nwords >= 4 || (nwords >= 1 && punct_end) || sp->close == NO_TOK;
    /* single marks double as apostrophes: short spans must open a sentence */
    if (sp->single && (sp->close == NO_TOK ||
                       (nwords < 4 && !(punct_end && sp->open == tk->sents[sp->s_open].first_tok))))
      sp->speech = 0;
    for (uint32_t s = sp->s_open; s <= sp->s_close; s++) {
      uint32_t k = s - P->first_sent;
      if (c->sspan0[k] == NO_TOK) c->sspan0[k] = (uint32_t)x;
      c->sspan1[k] = (uint32_t)x;
    }
  }
  for (uint32_t k = 0; k < ns; k++) {
    const lxs_sent *S = &tk->sents[P->first_sent + k];
    uint32_t qw = 0;
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      if (t->kind != LXS_TOK_WORD || (t->flags & LXS_TF_PART)) continue;
      uint32_t q = c->inq[i];
      if (q && c->spans[q - 1].speech) qw++;
    }
    c->qwords[k] = qw;
  }
}
