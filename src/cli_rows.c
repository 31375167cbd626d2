/* cli_rows.c - the rows score, compare and merge write: the long table
 * (one row per unit and theme) in CSV, Markdown and JSON Lines, and the
 * evidence rows. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "vader.h"

/* ---- rows ---------------------------------------------------------------- */

static const char kLongHeader[] =
    "doc,speaker,sentence,theme,tokens,mentions,stance,salience,sentiment,"
    "class,stance_lo,stance_hi,salience_lo,salience_hi,sentiment_lo,"
    "sentiment_hi,sentences";

void cli_header(lxs_buf *b, const cli_opts *o) {
  if (o->format == FMT_CSV) {
    lxs_buf_puts(b, kLongHeader);
    if (o->sentiment_vader) lxs_buf_puts(b, ",neg,neu,pos,compound");
    lxs_buf_puts(b, "\r\n");
  } else if (o->format == FMT_MD) {
    lxs_buf_puts(b, "| doc | speaker | sentence | theme | tokens | mentions | "
                    "stance | salience | sentiment | class | stance 95% CI | "
                    "salience CI | sentiment CI | sentences |\n");
    lxs_buf_puts(b, "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|\n");
  }
}

typedef struct {
  size_t tokens, mentions, sentences;
  int present;
  double stance, salience, sentiment;
  lxs_interval ci_st, ci_sa, ci_se;
  const lxs_vader_scores *vader;  /* VADER mode: its four scores */
} row_vals;

static void put_num_or_empty(lxs_buf *b, int ok, double v, const char *empty) {
  if (ok) lxs_fmt_num(b, v);
  else lxs_buf_puts(b, empty);
}

/* The part of a row before its theme (doc, speaker, sentence), the same
 * for every theme's row: escaped once, copied per row. */
static void row_prefix(lxs_buf *p, const cli_opts *o, const char *doc,
                       const char *speaker, long sentence) {
  p->len = 0;
  if (o->format == FMT_JSONL) {
    lxs_buf_puts(p, "{\"doc\":");
    lxs_json_str(p, doc, strlen(doc));
    lxs_buf_puts(p, ",\"speaker\":");
    lxs_json_str(p, speaker, strlen(speaker));
    lxs_buf_puts(p, ",\"sentence\":");
    if (sentence >= 0) lxs_buf_put_int(p, sentence);
    else lxs_buf_puts(p, "null");
    lxs_buf_puts(p, ",\"theme\":");
    return;
  }
  int csv = o->format == FMT_CSV;
  const char *sep = csv ? "," : " | ";
  if (!csv) lxs_buf_puts(p, "| ");
  if (csv) lxs_csv_str(p, doc); else lxs_md_cell(p, doc);
  lxs_buf_puts(p, sep);
  if (csv) lxs_csv_str(p, speaker); else lxs_md_cell(p, speaker);
  lxs_buf_puts(p, sep);
  if (sentence >= 0) lxs_buf_put_int(p, sentence);
  lxs_buf_puts(p, sep);
}

static void emit_row(lxs_buf *b, const cli_opts *o, const lxs_buf *prefix,
                     const char *theme, const row_vals *v) {
  int cls = v->present ? lxs_stance_class(v->stance) : 0;
  lxs_buf_put(b, prefix->data, prefix->len);
  if (o->format == FMT_JSONL) {
    lxs_json_str(b, theme, strlen(theme));
    lxs_buf_puts(b, ",\"tokens\":");
    lxs_buf_put_uint(b, v->tokens);
    lxs_buf_puts(b, ",\"mentions\":");
    lxs_buf_put_uint(b, v->mentions);
    lxs_buf_puts(b, ",\"stance\":");
    put_num_or_empty(b, v->present, v->stance, "null");
    lxs_buf_puts(b, ",\"salience\":");
    lxs_fmt_num(b, v->salience);
    lxs_buf_puts(b, ",\"sentiment\":");
    lxs_fmt_num(b, v->sentiment);
    lxs_buf_puts(b, ",\"class\":");
    if (v->present) lxs_buf_put_int(b, cls);
    else lxs_buf_puts(b, "null");
    const char *k[6] = {"stance_lo", "stance_hi", "salience_lo", "salience_hi",
                        "sentiment_lo", "sentiment_hi"};
    const lxs_interval *iv[3] = {&v->ci_st, &v->ci_sa, &v->ci_se};
    for (int i = 0; i < 6; i++) {
      lxs_buf_puts(b, ",\"");
      lxs_buf_puts(b, k[i]);
      lxs_buf_puts(b, "\":");
      const lxs_interval *x = iv[i / 2];
      put_num_or_empty(b, x->ok, i % 2 ? x->hi : x->lo, "null");
    }
    lxs_buf_puts(b, ",\"sentences\":");
    lxs_buf_put_uint(b, v->sentences);
    if (v->vader) {
      lxs_buf_puts(b, ",\"neg\":");
      lxs_fmt_num(b, v->vader->neg);
      lxs_buf_puts(b, ",\"neu\":");
      lxs_fmt_num(b, v->vader->neu);
      lxs_buf_puts(b, ",\"pos\":");
      lxs_fmt_num(b, v->vader->pos);
      lxs_buf_puts(b, ",\"compound\":");
      lxs_fmt_num(b, v->vader->compound);
    }
    lxs_buf_puts(b, "}\n");
    return;
  }
  int csv = o->format == FMT_CSV;
  /* separators by length: this runs for every row of large reports */
  const char *sep = csv ? "," : " | ";
  size_t seplen = csv ? 1 : 3;
#define SEP() lxs_buf_put(b, sep, seplen)
  if (csv) lxs_csv_str(b, theme); else lxs_md_cell(b, theme);
  SEP();
  lxs_buf_put_uint(b, v->tokens);
  SEP();
  lxs_buf_put_uint(b, v->mentions);
  SEP();
  if (v->present) lxs_fmt_num(b, v->stance);
  SEP();
  lxs_fmt_num(b, v->salience);
  SEP();
  lxs_fmt_num(b, v->sentiment);
  SEP();
  if (v->present) lxs_buf_put_int(b, cls);
  const lxs_interval *iv[3] = {&v->ci_st, &v->ci_sa, &v->ci_se};
  for (int i = 0; i < 3; i++) {
    if (csv) {
      if (iv[i]->ok) {
        lxs_buf_putc(b, ',');
        lxs_fmt_num(b, iv[i]->lo);
        lxs_buf_putc(b, ',');
        lxs_fmt_num(b, iv[i]->hi);
      } else {
        lxs_buf_put(b, ",,", 2);
      }
    } else {
      SEP();
      if (iv[i]->ok) {
        lxs_buf_putc(b, '[');
        lxs_fmt_num(b, iv[i]->lo);
        lxs_buf_put(b, ", ", 2);
        lxs_fmt_num(b, iv[i]->hi);
        lxs_buf_putc(b, ']');
      }
    }
  }
  SEP();
#undef SEP
  lxs_buf_put_uint(b, v->sentences);
  if (v->vader && csv) {
    const double x[4] = {v->vader->neg, v->vader->neu, v->vader->pos, v->vader->compound};
    for (int i = 0; i < 4; i++) {
      lxs_buf_putc(b, ',');
      lxs_fmt_num(b, x[i]);
    }
  }
  if (csv) lxs_buf_put(b, "\r\n", 2);
  else lxs_buf_put(b, " |\n", 3);
}

static void agg_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                     const char *doc, const char *speaker, const lxs_agg *a,
                     const lxs_vader_scores *vs) {
  size_t nth = lxs_lexicon_theme_count(lex);
  /* intervals stay empty ("not ok") without the bootstrap */
  enum { FEW_THEMES = 16 };
  lxs_interval st_few[FEW_THEMES + 1], sa_few[FEW_THEMES + 1];
  lxs_interval *st = st_few, *sa = sa_few;
  if (nth > FEW_THEMES) {
    st = lxs_xcalloc(nth + 1, sizeof *st);
    sa = lxs_xcalloc(nth + 1, sizeof *sa);
  } else {
    memset(st_few, 0, (nth + 1) * sizeof *st_few);
    memset(sa_few, 0, (nth + 1) * sizeof *sa_few);
  }
  lxs_interval se = {0, 0, 0};
  if (o->bootstrap && a->keep_samples) {
    lxs_buf key;
    lxs_buf_init(&key);
    lxs_buf_printf(&key, "%s\x1f%s", doc, speaker);
    lxs_bootstrap(a, o->bootstrap, o->ci, lxs_seed_mix(o->seed, key.data), st, sa, &se);
    lxs_buf_free(&key);
  }
  lxs_buf prefix;
  lxs_buf_init(&prefix);
  row_prefix(&prefix, o, doc, speaker, -1);
  for (size_t t = 0; t < nth; t++) {
    row_vals v;
    memset(&v, 0, sizeof v);
    v.tokens = a->tokens;
    v.mentions = a->mentions[t];
    v.sentences = a->sentences;
    v.stance = lxs_agg_stance(a, t, &v.present);
    v.salience = lxs_agg_salience(a, t);
    v.sentiment = lxs_agg_sentiment(a);
    v.ci_st = st[t];
    v.ci_sa = sa[t];
    v.ci_se = se;
    if (vs) {
      v.vader = vs;
      v.sentiment = vs->compound;
    }
    emit_row(b, o, &prefix, lxs_lexicon_theme_name(lex, t), &v);
  }
  lxs_buf_free(&prefix);
  if (st != st_few) {
    free(st);
    free(sa);
  }
}

void cli_agg_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                  const char *doc, const char *speaker, const lxs_agg *a) {
  agg_rows(b, o, lex, doc, speaker, a, NULL);
}

void cli_doc_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                  const char *doc, const char *speaker_override,
                  const lxs_result *res) {
  cli_doc_rows_v(b, o, lex, doc, speaker_override, res, NULL, 0, NULL);
}

void cli_doc_rows_v(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                    const char *doc, const char *speaker_override,
                    const lxs_result *res, const char *text, size_t len,
                    lxs_vader *vd) {
  size_t nth = lxs_lexicon_theme_count(lex);
  if (o->unit == UNIT_SENTENCE) {
    lxs_buf prefix;
    lxs_buf_init(&prefix);
    for (size_t s = 0; s < res->n_sentences; s++) {
      const lxs_sentence *se = &res->sentences[s];
      if (se->flags & LXS_SENTENCE_HEADER) continue;
      const char *spk = speaker_override ? speaker_override : res->speakers[se->speaker].name;
      lxs_vader_scores vs;
      row_prefix(&prefix, o, doc, spk, (long)s + 1);
      for (size_t t = 0; t < nth; t++) {
        const lxs_theme_score *ts = &res->scores[s * res->n_themes + t];
        row_vals v;
        memset(&v, 0, sizeof v);
        v.tokens = se->tokens;
        v.mentions = ts->mentions;
        v.sentences = 1;
        v.present = ts->mentions > 0;
        v.stance = ts->stance;
        v.salience = se->tokens ? 1000.0 * ts->mentions / se->tokens : 0;
        v.sentiment = se->sentiment;
        if (vd) {
          if (t == 0) lxs_vader_score(vd, text + se->start, se->end - se->start, &vs, NULL);
          v.vader = &vs;
          v.sentiment = vs.compound;
        }
        emit_row(b, o, &prefix, lxs_lexicon_theme_name(lex, t), &v);
      }
    }
    lxs_buf_free(&prefix);
    return;
  }
  if (o->unit == UNIT_DOC) {
    lxs_agg a;
    lxs_agg_init(&a, nth);
    a.keep_samples = o->bootstrap > 0;
    for (size_t s = 0; s < res->n_sentences; s++) lxs_agg_add_sentence(&a, res, s);
    lxs_vader_scores vs;
    /* VADER scores the document as one text, as the reference does. */
    if (vd) lxs_vader_score(vd, text, len, &vs, NULL);
    agg_rows(b, o, lex, doc, speaker_override ? speaker_override : "", &a, vd ? &vs : NULL);
    lxs_agg_free(&a);
    return;
  }
  lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg_init(&aggs[sp], nth);
    aggs[sp].keep_samples = o->bootstrap > 0;
  }
  lxs_agg_add_speakers(aggs, res);
  /* VADER: each sentence scored once, means per speaker in one pass. */
  lxs_vader_scores *vsum = NULL;
  size_t *vn = NULL;
  if (vd) {
    vsum = lxs_xcalloc(res->n_speakers + 1, sizeof *vsum);
    vn = lxs_xcalloc(res->n_speakers + 1, sizeof *vn);
    for (size_t s = 0; s < res->n_sentences; s++) {
      const lxs_sentence *se = &res->sentences[s];
      if ((se->flags & LXS_SENTENCE_HEADER) || se->speaker >= res->n_speakers) continue;
      lxs_vader_scores v;
      lxs_vader_score(vd, text + se->start, se->end - se->start, &v, NULL);
      lxs_vader_scores *t = &vsum[se->speaker];
      t->neg += v.neg;
      t->neu += v.neu;
      t->pos += v.pos;
      t->compound += v.compound;
      vn[se->speaker]++;
    }
  }
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg *a = &aggs[sp];
    lxs_vader_scores vs = {0, 0, 0, 0};
    if (vd && vn[sp]) {
      double n = (double)vn[sp];
      vs.neg = vsum[sp].neg / n;
      vs.neu = vsum[sp].neu / n;
      vs.pos = vsum[sp].pos / n;
      vs.compound = vsum[sp].compound / n;
    }
    if (a->sentences > 0 || a->tokens > 0)
      agg_rows(b, o, lex, doc, speaker_override ? speaker_override : res->speakers[sp].name,
               a, vd ? &vs : NULL);
    lxs_agg_free(a);
  }
  free(aggs);
  free(vsum);
  free(vn);
}

static const char *const kModNames[] = {
    "negated", "intensified", "diminished", "hedged", "contrast+", "contrast-",
    "conditional", "question", "harm-inverted", "agent", "distanced",
    "reported", "weak-link"};

const char *cli_modifier_name(unsigned bit) {
  return bit < sizeof kModNames / sizeof *kModNames ? kModNames[bit] : NULL;
}

void cli_evidence_header(lxs_buf *b) {
  lxs_buf_puts(b, "doc,speaker,sentence,theme,term,role,matched,byte_start,"
                  "byte_end,target,weight,modifiers,contribution,holder\r\n");
}

void cli_evidence_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                       const char *text, const lxs_result *res) {
  for (size_t i = 0; i < res->n_evidence; i++) {
    const lxs_evidence *e = &res->evidence[i];
    const lxs_sentence *s = &res->sentences[e->sentence];
    lxs_csv_str(b, doc);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, res->speakers[s->speaker].name);
    lxs_buf_printf(b, ",%u,", e->sentence + 1);
    lxs_csv_str(b, e->theme == LXS_THEME_NONE ? "sentiment"
                                              : lxs_lexicon_theme_name(lex, e->theme));
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, e->term);
    lxs_buf_putc(b, ',');
    lxs_buf_puts(b, e->role);
    lxs_buf_putc(b, ',');
    lxs_csv_field(b, text + e->start, e->end - e->start);
    lxs_buf_printf(b, ",%zu,%zu,", e->start, e->end);
    if (e->target_end > e->target_start)
      lxs_csv_field(b, text + e->target_start, e->target_end - e->target_start);
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, e->weight);
    lxs_buf_putc(b, ',');
    int first = 1;
    for (unsigned k = 0; cli_modifier_name(k); k++)
      if (e->modifiers & (1u << k)) {
        if (!first) lxs_buf_putc(b, ' ');
        lxs_buf_puts(b, cli_modifier_name(k));
        first = 0;
      }
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, e->contribution);
    lxs_buf_putc(b, ',');
    if (e->holder) lxs_csv_str(b, e->holder);
    lxs_buf_puts(b, "\r\n");
  }
}

