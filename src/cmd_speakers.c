/* cmd_speakers.c - `lexstance speakers [--sentences] ARTICLE...`: who was
 * found speaking, how many sentences each has, the attribution cues and
 * how much to trust them, so a user can check the attribution before
 * trusting a comparison.  With --sentences, one row per sentence, or per
 * clause when a second speaker holds part of a sentence. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "segment.h"
#include "tokenize.h"

/* One article's attribution. */
typedef struct {
  lxs_tokenizer *tk;
  lxs_speakers sp;
  uint32_t *ss, *sf;
  uint8_t *cue;
  size_t cap;
  lxs_clauses cl;
} attribution;

static void attribute(attribution *a, const char *text, size_t len, const lxs_speaker_hints *hints,
                      int segment) {
  lxs_tokenize(a->tk, text, len);
  size_t n = a->tk->nsent + 1;
  if (a->cap < n) {
    a->cap = n;
    a->ss = lxs_xrealloc(a->ss, n * sizeof *a->ss);
    a->sf = lxs_xrealloc(a->sf, n * sizeof *a->sf);
    a->cue = lxs_xrealloc(a->cue, n);
  }
  lxs_speakers_clear(&a->sp);
  if (segment) {
    lxs_attribute_clauses(a->tk, text, &a->sp, hints, a->ss, a->sf, a->cue, &a->cl, NULL);
    return;
  }
  memset(a->ss, 0, n * sizeof *a->ss);
  memset(a->sf, 0, n * sizeof *a->sf);
  memset(a->cue, LXS_CUE_AUTHOR, n);
  a->cl.n = 0;
}

static void put_confidence(lxs_buf *b, double c) {
  if (c >= 0) lxs_buf_printf(b, "%.2f", c);
}

static void put_span(lxs_buf *b, const char *id, size_t s, size_t start, size_t end,
                     const char *speaker, const char *cue, double conf) {
  lxs_csv_str(b, id);
  lxs_buf_printf(b, ",%zu,%zu,%zu,", s + 1, start, end);
  lxs_csv_str(b, speaker);
  lxs_buf_putc(b, ',');
  lxs_buf_puts(b, cue);
  lxs_buf_putc(b, ',');
  put_confidence(b, conf);
  lxs_buf_puts(b, "\r\n");
}

/* doc,sentence,byte_start,byte_end,speaker,cue,confidence */
static void sentence_rows(lxs_buf *b, const char *id, const char *text, const attribution *a) {
  size_t ci = 0;
  for (size_t s = 0; s < a->tk->nsent; s++) {
    const lxs_sent *S = &a->tk->sents[s];
    int header = (a->sf[s] & LXS_SENT_HEADER) != 0;
    const char *name = a->sp.names[a->ss[s]];
    size_t end = S->end;
    while (ci < a->cl.n && a->cl.items[ci].sentence < s) ci++;
    const lxs_clause *x = ci < a->cl.n && a->cl.items[ci].sentence == s ? &a->cl.items[ci] : NULL;
    if (x) {
      end = x->start;
      while (end > S->start && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
    }
    put_span(b, id, s, S->start, end, name, header ? "header-line" : lxs_cue_name(a->cue[s]),
             header ? -1 : lxs_cue_confidence(a->cue[s]));
    for (; ci < a->cl.n && a->cl.items[ci].sentence == s; ci++) {
      const lxs_clause *c = &a->cl.items[ci];
      put_span(b, id, s, c->start, c->end, a->sp.names[c->speaker], lxs_cue_name(c->cue),
               lxs_cue_confidence(c->cue));
    }
  }
}

/* doc,speaker,description,sentences,cues,confidence: per speaker, the
 * sentences and clauses attributed, the cues most used first, and their
 * mean confidence. */
static void speaker_rows(lxs_buf *b, const char *id, const attribution *a) {
  size_t ns = a->sp.n;
  size_t *count = lxs_xcalloc(ns + 1, sizeof *count);
  size_t *cues = lxs_xcalloc((ns + 1) * LXS_CUE_COUNT, sizeof *cues);
  double *conf = lxs_xcalloc(ns + 1, sizeof *conf);
  for (size_t s = 0; s < a->tk->nsent; s++) {
    if (a->sf[s] & LXS_SENT_HEADER) continue;
    count[a->ss[s]]++;
    cues[a->ss[s] * LXS_CUE_COUNT + a->cue[s]]++;
    conf[a->ss[s]] += lxs_cue_confidence(a->cue[s]);
  }
  for (size_t i = 0; i < a->cl.n; i++) {
    const lxs_clause *x = &a->cl.items[i];
    count[x->speaker]++;
    cues[x->speaker * LXS_CUE_COUNT + x->cue]++;
    conf[x->speaker] += lxs_cue_confidence(x->cue);
  }
  for (size_t sp = 0; sp < ns; sp++) {
    if (!count[sp]) continue;
    lxs_csv_str(b, id);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, a->sp.names[sp]);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, a->sp.descs[sp]);
    lxs_buf_printf(b, ",%zu,", count[sp]);
    size_t *row = cues + sp * LXS_CUE_COUNT;
    int firstc = 1;
    for (;;) {
      int best = -1;
      for (int c = 0; c < LXS_CUE_COUNT; c++)
        if (row[c] && (best < 0 || row[c] > row[best])) best = c;
      if (best < 0) break;
      lxs_buf_printf(b, "%s%s:%zu", firstc ? "" : " ", lxs_cue_name(best), row[best]);
      row[best] = 0;
      firstc = 0;
    }
    lxs_buf_putc(b, ',');
    put_confidence(b, sp == 0 ? -1 : conf[sp] / (double)count[sp]);
    lxs_buf_puts(b, "\r\n");
  }
  free(count);
  free(cues);
  free(conf);
}

int cmd_speakers(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  int sentences = o.sentences;
  if (first >= argc) cli_usage_error("%s", "speakers needs at least one ARTICLE");
  lxs_lexicon *lex = cli_load_lexicon(&o); /* checks the lexicon options */
  lxs_speaker_hints *hints = cli_load_hints(&o);
  char err[ERRLEN];
  attribution a;
  memset(&a, 0, sizeof a);
  a.tk = lxs_tokenizer_new();
  lxs_speakers_init(&a.sp);
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_buf_puts(&b, sentences ? "doc,sentence,byte_start,byte_end,speaker,cue,confidence\r\n"
                             : "doc,speaker,description,sentences,cues,confidence\r\n");
  int rc = 0;
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(argv[i], LXS_IN_TEXT, err, sizeof err);
    if (!rd) {
      cli_err("%s", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k = lxs_reader_next(rd, &rec, err, sizeof err);
    if (k < 0) {
      cli_err("%s", err);
      rc = LXS_EIO;
    } else if (k == 1) {
      attribute(&a, rec.text, rec.len, hints, !o.no_attribution);
      if (sentences) sentence_rows(&b, rec.id, rec.text, &a);
      else speaker_rows(&b, rec.id, &a);
    }
    lxs_reader_close(rd);
  }
  if (rc == 0) rc = cli_write_whole(o.output, &b);
  lxs_buf_free(&b);
  lxs_tokenizer_free(a.tk);
  lxs_speakers_free(&a.sp);
  lxs_clauses_free(&a.cl);
  free(a.ss);
  free(a.sf);
  free(a.cue);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
