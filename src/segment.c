/* segment.c - who is speaking: the driver over the paragraphs (see
 * segment.h for the cues and attrib.h for the passes and their files).
 *
 * A cheap pre-pass classifies the paragraphs' layouts, then one pass
 * attributes each paragraph by its layout or as prose. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

#include "lexstance.h"

static const char *const kCueNames[LXS_CUE_COUNT] = {
    "author",     "header",      "speaker-line", "qa",       "transcript",   "quote",
    "said-after", "said-before", "according-to", "indirect", "continuation", "pronoun",
    "short-name", "description", "headline",     "run-on"};

const char *lxs_cue_name(int cue) { return cue >= 0 && cue < LXS_CUE_COUNT ? kCueNames[cue] : "?"; }

/* How often a cue names the right person, judged from the cue alone: a
 * layout or a named frame next to the words rarely errs; references and
 * continuations are guesses (users review them first). */
static const double kCueConfidence[LXS_CUE_COUNT] = {
    [LXS_CUE_AUTHOR] = -1,       [LXS_CUE_HEADER] = 0.95,      [LXS_CUE_SPEAKER_LINE] = 0.95,
    [LXS_CUE_QA] = 0.9,          [LXS_CUE_TRANSCRIPT] = 0.9,   [LXS_CUE_QUOTE] = 0.8,
    [LXS_CUE_SAID_AFTER] = 0.95, [LXS_CUE_SAID_BEFORE] = 0.9,  [LXS_CUE_ACCORDING_TO] = 0.9,
    [LXS_CUE_INDIRECT] = 0.85,   [LXS_CUE_CONTINUATION] = 0.6, [LXS_CUE_PRONOUN] = 0.7,
    [LXS_CUE_SHORT_NAME] = 0.85, [LXS_CUE_DESCRIPTION] = 0.6,  [LXS_CUE_HEADLINE] = 0.6,
    [LXS_CUE_RUN_ON] = 0.5};

double lxs_cue_confidence(int cue) {
  return cue >= 0 && cue < LXS_CUE_COUNT ? kCueConfidence[cue] : -1;
}

void lxs_clauses_free(lxs_clauses *cl) {
  free(cl->items);
  memset(cl, 0, sizeof *cl);
}

void lxs_holders_free(lxs_holders *h) {
  free(h->items);
  lxs_buf_free(&h->names);
  memset(h, 0, sizeof *h);
}

int lxs_speech_word(const char *norm, size_t len) {
  return (lxs_wclass(norm, len) & W_SPEECH) || (len == 9 && memcmp(norm, "according", 9) == 0) ||
         (len == 3 && memcmp(norm, "per", 3) == 0);
}

size_t lxs_holders_from(const lxs_holders *h, uint32_t tok) {
  size_t lo = 0, hi = h->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (h->items[mid].verb < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A group's words as its name: without leading determiners ("some",
 * "many", "the": lexicons/words/scoring.tsv) and with single spaces. */
static void group_name(actx *c, uint32_t a, uint32_t e, lxs_buf *out) {
  while (a < e) {
    const lxs_token *t = &c->tk->toks[a];
    if (t->kind == LXS_TOK_WORD &&
        !(lxs_wclass(lxs_tok_norm(c->tk, t), t->norm_len) & (W_HOLDERDET | W_DET)))
      break;
    a++;
  }
  if (a >= e) return;
  char *s = lxs_clean_copy(c->text + c->tk->toks[a].start,
                           c->tk->toks[e - 1].end - c->tk->toks[a].start);
  lxs_buf_puts(out, s);
  free(s);
}

void lxs_name_holders(actx *c) {
  lxs_holders *h = c->holders;
  for (size_t i = 0; i < c->nph; i++) {
    const struct pending_holder *x = &c->ph[i];
    size_t at = h->names.len;
    if (x->who >= 0) {
      int pi = lxs_person_root(c, x->who);
      if (pi < 0 || lxs_person_unnamed(c, pi)) continue;
      lxs_buf_puts(&h->names, c->P[pi].name);
    } else {
      group_name(c, x->a, x->e, &h->names);
    }
    if (h->names.len == at) continue;
    lxs_buf_putc(&h->names, '\0');
    LXS_VEC_GROW(h->items, h->n, h->cap);
    h->items[h->n++] = (lxs_holder){x->verb, x->end, x->subj, (uint32_t)at, x->inverted};
  }
}

/* A token's class as the segmenter reads it: "China's", "Gazette's" take
 * the class of the word without "'s".  The whole word's class comes from
 * the per-thread memo keyed by the tokenizer's hash (wordclass.c). */
static lxs_wbits token_class(const lxs_tokenizer *tk, const lxs_token *t) {
  const char *n = lxs_tok_norm(tk, t);
  size_t len = t->norm_len;
  lxs_wbits cl = lxs_wclass_hashed(n, len, t->hash);
  if (!cl && len > 3 && n[len - 2] == '\'' && n[len - 1] == 's') cl = lxs_wclass(n, len - 2);
  return cl;
}

/* The main (non-part) tokens of every sentence and their classes, once
 * per document: the layout pre-pass and the prose reading each go over
 * every sentence's words, some sentences more than once (make bench-ipb:
 * 168.8 -> 165.9 instructions per byte steady). */
static void doc_words(actx *c) {
  const lxs_tokenizer *tk = c->tk;
  c->doc_w = lxs_xrealloc(NULL, (tk->ntok + 1) * sizeof *c->doc_w);
  c->doc_wc = lxs_xrealloc(NULL, (tk->ntok + 1) * sizeof *c->doc_wc);
  c->sent_w0 = lxs_xrealloc(NULL, (tk->nsent + 1) * sizeof *c->sent_w0);
  uint32_t n = 0;
  for (uint32_t s = 0; s < tk->nsent; s++) {
    const lxs_sent *S = &tk->sents[s];
    c->sent_w0[s] = n;
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      if (t->flags & LXS_TF_PART) continue;
      c->doc_w[n] = i;
      c->doc_wc[n] = t->kind == LXS_TOK_WORD ? token_class(tk, t) : 0;
      n++;
    }
  }
  c->sent_w0[tk->nsent] = n;
}

void lxs_sent_words(actx *c, uint32_t s) {
  c->cur_sent = s;
  c->w = c->doc_w + c->sent_w0[s];
  c->wc = c->doc_wc + c->sent_w0[s];
  c->nw = c->sent_w0[s + 1] - c->sent_w0[s];
}

void lxs_put_sent(actx *c, uint32_t s, int who, int cue, uint32_t flags) {
  c->who[s] = who;
  c->sf[s] = flags;
  c->sc[s] = (uint8_t)(who >= 0 || cue == LXS_CUE_QA || cue == LXS_CUE_TRANSCRIPT ? cue
                                                                                  : LXS_CUE_AUTHOR);
}

void lxs_put_para(actx *c, const lxs_para *P, int who, int cue, uint32_t flags) {
  for (uint32_t k = 0; k < P->nsent; k++) lxs_put_sent(c, P->first_sent + k, who, cue, flags);
}

/* User-supplied speakers become people, their aliases keys. */
static void apply_hints(actx *c) {
  const lxs_speaker_hints *hints = c->hints;
  for (size_t i = 0; i < hints->n; i++) {
    const lxs_speaker_hint *h = &hints->items[i];
    int pi = lxs_person_from_text(c, h->name, strlen(h->name));
    if (pi < 0) continue;
    for (size_t a = 0; a < h->n_aliases; a++) {
      c->tmp.len = 0;
      lxs_canonical_name(h->aliases[a], strlen(h->aliases[a]), &c->tmp);
      lxs_key_put(c, &c->full, c->tmp.data, c->tmp.len, pi, 0);
      /* the alias as written, too ("Dr Menon") */
      size_t al = strlen(h->aliases[a]);
      lxs_key_put(c, &c->full, h->aliases[a], al, pi, 0);
    }
  }
}

/* Speakers are interned once every name is complete, in the order of
 * their first sentence. */
static void intern_speakers(actx *c) {
  for (size_t s = 0; s < c->tk->nsent; s++) {
    int pi = lxs_person_root(c, c->who[s]);
    if (pi >= 0 && lxs_person_unnamed(c, pi)) {
      pi = WHO_AUTHOR;
      c->sc[s] = LXS_CUE_AUTHOR;
    }
    c->ss[s] = pi >= 0 ? lxs_person_speaker(c, pi) : 0;
  }
  if (!c->clauses) return;
  /* a clause of nobody, or of the speaker of the span before it, joins
   * that span */
  size_t n = 0;
  for (size_t i = 0; i < c->clauses->n; i++) {
    lxs_clause x = c->clauses->items[i];
    int pi = lxs_person_root(c, (int)x.speaker);
    lxs_clause *prev = n && c->clauses->items[n - 1].sentence == x.sentence
                           ? &c->clauses->items[n - 1]
                           : NULL;
    uint32_t before = prev ? prev->speaker : c->ss[x.sentence];
    if (pi >= 0 && !lxs_person_unnamed(c, pi)) x.speaker = lxs_person_speaker(c, pi);
    if (pi < 0 || lxs_person_unnamed(c, pi) || x.speaker == before) {
      if (prev) prev->end = x.end;
      continue;
    }
    c->clauses->items[n++] = x;
  }
  c->clauses->n = n;
}

static void ctx_free(actx *c) {
  free(c->who);
  free(c->sc_own);
  free(c->ph);
  lxs_buf_free(&c->key);
  lxs_people_free(c);
  free(c->doc_w);
  free(c->doc_wc);
  free(c->sent_w0);
  free(c->inq);
  free(c->spans);
  free(c->sspan0);
  free(c->sspan1);
  free(c->qwords);
  free(c->subj);
  free(c->fr);
  free(c->pk);
  free(c->pend);
  lxs_buf_free(&c->tmp);
}

void lxs_attribute(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                   const lxs_speaker_hints *hints, uint32_t *sent_speaker, uint32_t *sent_flags,
                   uint8_t *sent_cue) {
  lxs_attribute_clauses(tk, text, sp, hints, sent_speaker, sent_flags, sent_cue, NULL, NULL);
}

void lxs_attribute_clauses(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                           const lxs_speaker_hints *hints, uint32_t *sent_speaker,
                           uint32_t *sent_flags, uint8_t *sent_cue, lxs_clauses *clauses,
                           lxs_holders *holders) {
  actx C;
  actx *c = &C;
  memset(c, 0, sizeof *c);
  c->clauses = clauses;
  if (clauses) clauses->n = 0;
  c->holders = holders;
  if (holders) {
    holders->n = 0;
    holders->names.len = 0;
  }
  c->tk = tk;
  c->text = text;
  c->sp = sp;
  c->hints = hints;
  c->ss = sent_speaker;
  c->sf = sent_flags;
  /* (cues are kept when the caller wants none: later passes read them) */
  c->sc = sent_cue ? sent_cue : (c->sc_own = lxs_xcalloc(tk->nsent + 1, 1));
  c->chain = WHO_NONE;
  c->dangling = WHO_NONE;
  c->intro_next = WHO_NONE;
  c->runon = WHO_NONE;
  c->list_who = WHO_NONE;
  c->interviewee = WHO_NONE;
  c->they_tok = UINT32_MAX; /* (no "they" read yet) */
  c->intro_best = -1;
  lxs_strmap_init(&c->full);
  lxs_strmap_init(&c->sur);
  lxs_strmap_init(&c->given);
  lxs_strmap_init(&c->orgs);
  lxs_buf_init(&c->tmp);
  lxs_buf_init(&c->key);
  c->who = lxs_xcalloc(tk->nsent + 1, sizeof *c->who);
  for (size_t s = 0; s < tk->nsent; s++) {
    c->who[s] = WHO_AUTHOR;
    sent_speaker[s] = 0;
    sent_flags[s] = 0;
    c->sc[s] = LXS_CUE_AUTHOR;
  }
  if (hints) apply_hints(c);
  c->inq = lxs_xcalloc(tk->ntok + 1, sizeof *c->inq);
  c->pk = lxs_xcalloc(tk->npara + 1, sizeof *c->pk);
  doc_words(c);
  lxs_layout_prepass(c);
  for (uint32_t p = 0; p < tk->npara; p++) {
    int layout = lxs_layout_paragraph(c, p);
    if (!layout) {
      lxs_prose_paragraph(c, p);
      continue;
    }
    if (layout == 2) continue;         /* a teaser line leaves the prose open */
    c->runon = c->list_who = WHO_NONE; /* a layout paragraph ends what prose left open */
    c->para_after_colon = 0;
  }
  lxs_settle_descriptions(c);
  intern_speakers(c);
  if (holders) lxs_name_holders(c);
  if (c->byline_e > c->byline_s) { /* the author's description names them */
    free(sp->descs[0]);
    sp->descs[0] = lxs_clean_copy(text + c->byline_s, c->byline_e - c->byline_s);
  }
  ctx_free(c);
}

void lxs_segment(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                 uint32_t *sent_speaker, uint32_t *sent_flags) {
  lxs_attribute(tk, text, sp, NULL, sent_speaker, sent_flags, NULL);
}
