/* rows.c - the rows of score, merge and compare's speakers.csv: the long
 * table (one row per unit and theme) in CSV, Markdown and JSON Lines, the
 * wide table (one row per unit), and the evidence rows.  The command line
 * and the table API (api_table.c) both write them, so the bindings get the
 * command line's bytes. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "lexicon.h"
#include "report.h"
#include "rows.h"
#include "vader.h"

/* ---- column names --------------------------------------------------------- */

/* Words neither R nor Python takes as a bare name. */
static const char *const kKeywords[] = {
    "False",    "None",          "True",       "and",   "as",
    "assert",   "async",         "await",      "break", "class",
    "continue", "def",           "del",        "elif",  "else",
    "except",   "finally",       "for",        "from",  "global",
    "if",       "import",        "in",         "is",    "lambda",
    "nonlocal", "not",           "or",         "pass",  "raise",
    "return",   "try",           "while",      "with",  "yield",
    "repeat",   "function",      "next",       "TRUE",  "FALSE",
    "NULL",     "Inf",           "NaN",        "NA",    "NA_integer_",
    "NA_real_", "NA_character_", "NA_complex_"};

/* Every fixed column of score's outputs: a kept column does not take
 * their names. */
static const char *const kFixedColumns[] = {
    "doc",         "speaker",     "sentence",     "theme",        "tokens",    "mentions",
    "stance",      "salience",    "sentiment",    "class",        "stance_lo", "stance_hi",
    "salience_lo", "salience_hi", "sentiment_lo", "sentiment_hi", "sentences", "neg",
    "neu",         "pos",         "compound"};

static int in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return 1;
  return 0;
}

void lxs_identifier(const char *name, lxs_buf *out) {
  size_t start = out->len;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    int word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
    if (word) lxs_buf_putc(out, (char)*p);
    else if (out->len > start && out->data[out->len - 1] != '_') lxs_buf_putc(out, '_');
  }
  while (out->len > start && out->data[out->len - 1] == '_') out->len--;
  lxs_buf_cstr(out);
  if (out->len == start || (out->data[start] >= '0' && out->data[start] <= '9')) {
    /* "2020" -> "x2020", as R's make.names */
    lxs_buf tail;
    lxs_buf_init(&tail);
    lxs_buf_put(&tail, out->data + start, out->len - start);
    out->len = start;
    lxs_buf_putc(out, 'x');
    lxs_buf_put(out, tail.data ? tail.data : "", tail.len);
    lxs_buf_free(&tail);
  }
  if (in_list(out->data + start, kKeywords, sizeof kKeywords / sizeof *kKeywords))
    lxs_buf_putc(out, '_');
}

char **lxs_keep_names(const char *const *keep, size_t nkeep) {
  char **names = lxs_xcalloc(nkeep + 1, sizeof *names);
  lxs_buf b;
  lxs_buf_init(&b);
  for (size_t k = 0; k < nkeep; k++) {
    b.len = 0;
    lxs_identifier(keep[k], &b);
    size_t base = b.len;
    for (unsigned n = 2;; n++) {
      int taken = in_list(b.data, kFixedColumns, sizeof kFixedColumns / sizeof *kFixedColumns) ||
                  in_list(b.data, (const char *const *)names, k);
      if (!taken) break;
      b.len = base;
      lxs_buf_printf(&b, "_%u", n);
    }
    names[k] = lxs_xstrndup(b.data, b.len);
  }
  lxs_buf_free(&b);
  return names;
}

/* ---- headers --------------------------------------------------------------- */

/* The wide rows carry intervals when they are computed: aggregated units
 * with the bootstrap on. */
static int wide_intervals(const lxs_rows_opts *o) {
  return o->bootstrap > 0 && o->unit != LXS_UNIT_SENTENCE;
}

lxs_themes lxs_themes_of(const lxs_lexicon *lex) {
  return (lxs_themes){lxs_lexicon_theme_names(lex), lxs_lexicon_theme_count(lex)};
}

static void wide_header(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th) {
  lxs_buf_puts(b, "doc");
  for (size_t k = 0; k < o->nkeep; k++) lxs_buf_printf(b, ",%s", o->keep_names[k]);
  if (o->unit != LXS_UNIT_DOC) lxs_buf_puts(b, ",speaker");
  if (o->unit == LXS_UNIT_SENTENCE) lxs_buf_puts(b, ",sentence");
  lxs_buf_puts(b, ",tokens,sentences");
  int ci = wide_intervals(o);
  for (size_t t = 0; t < th.n; t++) {
    const char *tn = th.name[t];
    lxs_buf_printf(b, ",%s_stance", tn);
    if (ci) lxs_buf_printf(b, ",%s_stance_lo,%s_stance_hi", tn, tn);
    lxs_buf_printf(b, ",%s_stance_class,%s_salience,%s_mentions", tn, tn, tn);
  }
  lxs_buf_puts(b, ci ? ",sentiment,sentiment_lo,sentiment_hi" : ",sentiment");
  if (o->sentiment_vader) lxs_buf_puts(b, ",neg,neu,pos,compound");
  lxs_buf_puts(b, "\r\n");
}

static const char kLongHeader[] =
    "speaker,sentence,theme,tokens,mentions,stance,salience,sentiment,"
    "class,stance_lo,stance_hi,salience_lo,salience_hi,sentiment_lo,"
    "sentiment_hi,sentences";

void lxs_rows_header(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th) {
  if (o->format == LXS_FMT_WIDE) {
    wide_header(b, o, th);
  } else if (o->format == LXS_FMT_CSV) {
    lxs_buf_puts(b, "doc,");
    for (size_t k = 0; k < o->nkeep; k++) lxs_buf_printf(b, "%s,", o->keep_names[k]);
    lxs_buf_puts(b, kLongHeader);
    if (o->sentiment_vader) lxs_buf_puts(b, ",neg,neu,pos,compound");
    lxs_buf_puts(b, "\r\n");
  } else if (o->format == LXS_FMT_MD) {
    lxs_buf_puts(b, "| doc |");
    for (size_t k = 0; k < o->nkeep; k++) lxs_buf_printf(b, " %s |", o->keep_names[k]);
    lxs_buf_puts(b, " speaker | sentence | theme | tokens | mentions | "
                    "stance | salience | sentiment | class | stance 95% CI | "
                    "salience CI | sentiment CI | sentences |\n|---|");
    for (size_t k = 0; k < o->nkeep; k++) lxs_buf_puts(b, "---|");
    lxs_buf_puts(b, "---|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|\n");
  }
}

/* ---- rows ------------------------------------------------------------------ */

typedef struct {
  size_t tokens, mentions, sentences;
  int present;
  double stance, salience, sentiment;
  lxs_interval ci_st, ci_sa, ci_se;
  const lxs_vader_scores *vader; /* VADER mode: its four scores */
} row_vals;

/* A unit's rows: the values of every theme, and what comes before them. */
typedef struct {
  const char *doc;
  const char *const *keep; /* o->nkeep values, or NULL */
  const char *speaker;
  long sentence; /* 1-based, or -1 */
} row_key;

static void put_num_or_empty(lxs_buf *b, int ok, double v, const char *empty) {
  if (ok) lxs_fmt_num(b, v);
  else lxs_buf_puts(b, empty);
}

static void put_cell(lxs_buf *b, const lxs_rows_opts *o, const char *s) {
  if (o->format == LXS_FMT_JSONL) lxs_json_str(b, s, strlen(s));
  else if (o->format == LXS_FMT_MD) lxs_md_cell(b, s);
  else lxs_csv_str(b, s);
}

/* The part of a row before its theme (doc, kept columns, speaker,
 * sentence), the same for every theme's row: appended to p, escaped once
 * per unit, copied for the unit's other rows. */
static void row_prefix(lxs_buf *p, const lxs_rows_opts *o, const row_key *k) {
  const char *const *keep = k->keep;
  if (o->format == LXS_FMT_JSONL) {
    lxs_buf_puts(p, "{\"doc\":");
    put_cell(p, o, k->doc);
    for (size_t i = 0; i < o->nkeep; i++) {
      lxs_buf_printf(p, ",\"%s\":", o->keep_names[i]);
      put_cell(p, o, keep ? keep[i] : "");
    }
    lxs_buf_puts(p, ",\"speaker\":");
    put_cell(p, o, k->speaker);
    lxs_buf_puts(p, ",\"sentence\":");
    if (k->sentence >= 0) lxs_buf_put_int(p, k->sentence);
    else lxs_buf_puts(p, "null");
    lxs_buf_puts(p, ",\"theme\":");
    return;
  }
  if (o->format == LXS_FMT_CSV && !o->nkeep && !k->speaker[0] && k->sentence < 0) {
    lxs_csv_str(p, k->doc); /* a document's rows: no speaker, no sentence */
    lxs_buf_put(p, ",,,", 3);
    return;
  }
  int md = o->format == LXS_FMT_MD, wide = o->format == LXS_FMT_WIDE;
  const char *sep = md ? " | " : ",";
  if (md) lxs_buf_puts(p, "| ");
  put_cell(p, o, k->doc);
  for (size_t i = 0; i < o->nkeep; i++) {
    lxs_buf_puts(p, sep);
    put_cell(p, o, keep ? keep[i] : "");
  }
  lxs_buf_puts(p, sep);
  if (wide && o->unit == LXS_UNIT_DOC) return;
  put_cell(p, o, k->speaker);
  lxs_buf_puts(p, sep);
  if (wide && o->unit != LXS_UNIT_SENTENCE) return;
  if (k->sentence >= 0) lxs_buf_put_int(p, k->sentence);
  lxs_buf_puts(p, sep);
}

/* A CSV row's values, the commonest row of all: separators and the empty
 * intervals are stored by constant sizes, no copy calls. */
static void csv_values(lxs_buf *b, const row_vals *v, int cls) {
  lxs_buf_putc(b, ',');
  lxs_buf_put_uint(b, v->tokens);
  lxs_buf_putc(b, ',');
  lxs_buf_put_uint(b, v->mentions);
  lxs_buf_putc(b, ',');
  if (v->present) lxs_fmt_num(b, v->stance);
  lxs_buf_putc(b, ',');
  lxs_fmt_num(b, v->salience);
  lxs_buf_putc(b, ',');
  lxs_fmt_num(b, v->sentiment);
  lxs_buf_putc(b, ',');
  if (v->present) lxs_buf_put_int(b, cls);
  const lxs_interval *iv[3] = {&v->ci_st, &v->ci_sa, &v->ci_se};
  if (!iv[0]->ok && !iv[1]->ok && !iv[2]->ok) {
    lxs_buf_put(b, ",,,,,,", 6); /* no bootstrap: no intervals */
  } else {
    for (int i = 0; i < 3; i++) {
      if (iv[i]->ok) {
        lxs_buf_putc(b, ',');
        lxs_fmt_num(b, iv[i]->lo);
        lxs_buf_putc(b, ',');
        lxs_fmt_num(b, iv[i]->hi);
      } else {
        lxs_buf_put(b, ",,", 2);
      }
    }
  }
  lxs_buf_putc(b, ',');
  lxs_buf_put_uint(b, v->sentences);
  if (v->vader) {
    const double x[4] = {v->vader->neg, v->vader->neu, v->vader->pos, v->vader->compound};
    for (int i = 0; i < 4; i++) {
      lxs_buf_putc(b, ',');
      lxs_fmt_num(b, x[i]);
    }
  }
  lxs_buf_put(b, "\r\n", 2);
}

/* A row's values: everything after its theme cell. */
static void row_values(lxs_buf *b, const lxs_rows_opts *o, const row_vals *v) {
  int cls = v->present ? lxs_stance_class(v->stance) : 0;
  if (o->format == LXS_FMT_JSONL) {
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
    const char *k[6] = {"stance_lo",   "stance_hi",    "salience_lo",
                        "salience_hi", "sentiment_lo", "sentiment_hi"};
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
  if (o->format == LXS_FMT_CSV) {
    csv_values(b, v, cls);
    return;
  }
  /* Markdown */
  lxs_buf_put(b, " | ", 3);
  lxs_buf_put_uint(b, v->tokens);
  lxs_buf_put(b, " | ", 3);
  lxs_buf_put_uint(b, v->mentions);
  lxs_buf_put(b, " | ", 3);
  if (v->present) lxs_fmt_num(b, v->stance);
  lxs_buf_put(b, " | ", 3);
  lxs_fmt_num(b, v->salience);
  lxs_buf_put(b, " | ", 3);
  lxs_fmt_num(b, v->sentiment);
  lxs_buf_put(b, " | ", 3);
  if (v->present) lxs_buf_put_int(b, cls);
  const lxs_interval *iv[3] = {&v->ci_st, &v->ci_sa, &v->ci_se};
  for (int i = 0; i < 3; i++) {
    lxs_buf_put(b, " | ", 3);
    if (iv[i]->ok) {
      lxs_buf_putc(b, '[');
      lxs_fmt_num(b, iv[i]->lo);
      lxs_buf_put(b, ", ", 2);
      lxs_fmt_num(b, iv[i]->hi);
      lxs_buf_putc(b, ']');
    }
  }
  lxs_buf_put(b, " | ", 3);
  lxs_buf_put_uint(b, v->sentences);
  lxs_buf_put(b, " |\n", 3);
}

/* One wide row: every theme's stance, its interval, class, salience and
 * mentions, then the sentiment. */
static void emit_wide(lxs_buf *b, const lxs_rows_opts *o, const row_vals *v, size_t nth) {
  lxs_buf_put_uint(b, nth ? v[0].tokens : 0);
  lxs_buf_putc(b, ',');
  lxs_buf_put_uint(b, nth ? v[0].sentences : 0);
  int ci = wide_intervals(o);
  for (size_t t = 0; t < nth; t++) {
    const row_vals *x = &v[t];
    lxs_buf_putc(b, ',');
    if (x->present) lxs_fmt_num(b, x->stance);
    if (ci) {
      lxs_buf_putc(b, ',');
      if (x->present && x->ci_st.ok) lxs_fmt_num(b, x->ci_st.lo);
      lxs_buf_putc(b, ',');
      if (x->present && x->ci_st.ok) lxs_fmt_num(b, x->ci_st.hi);
    }
    lxs_buf_putc(b, ',');
    if (x->present) lxs_buf_put_int(b, lxs_stance_class(x->stance));
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, x->salience);
    lxs_buf_putc(b, ',');
    lxs_buf_put_uint(b, x->mentions);
  }
  const row_vals *x = &v[0];
  lxs_buf_putc(b, ',');
  lxs_fmt_num(b, nth ? x->sentiment : 0);
  if (ci) {
    lxs_buf_putc(b, ',');
    if (nth && x->ci_se.ok) lxs_fmt_num(b, x->ci_se.lo);
    lxs_buf_putc(b, ',');
    if (nth && x->ci_se.ok) lxs_fmt_num(b, x->ci_se.hi);
  }
  if (nth && x->vader) {
    const double vs[4] = {x->vader->neg, x->vader->neu, x->vader->pos, x->vader->compound};
    for (int i = 0; i < 4; i++) {
      lxs_buf_putc(b, ',');
      lxs_fmt_num(b, vs[i]);
    }
  }
  lxs_buf_put(b, "\r\n", 2);
}

static int same_interval(const lxs_interval *a, const lxs_interval *b) {
  return a->ok == b->ok && (!a->ok || (a->lo == b->lo && a->hi == b->hi));
}

/* Whether two rows' values print the same bytes. */
static int same_values(const row_vals *a, const row_vals *b) {
  return a->tokens == b->tokens && a->mentions == b->mentions && a->sentences == b->sentences &&
         a->present == b->present && (!a->present || a->stance == b->stance) &&
         a->salience == b->salience && a->sentiment == b->sentiment &&
         same_interval(&a->ci_st, &b->ci_st) && same_interval(&a->ci_sa, &b->ci_sa) &&
         same_interval(&a->ci_se, &b->ci_se) && a->vader == b->vader;
}

/* Appends b[from..from+n), bytes already in b. */
static void put_again(lxs_buf *b, size_t from, size_t n) {
  lxs_buf_reserve(b, n);
  memcpy(b->data + b->len, b->data + from, n);
  b->len += n;
  b->data[b->len] = '\0';
}

/* A unit's rows in the chosen format: one per theme (long), or one.
 * Real corpora are mostly short documents that mention no theme, and
 * their rows were a quarter of the cost: the prefix is escaped once per
 * unit, and the values of the themes a unit does not mention, the same
 * for all of them, are formatted once and copied. */
static void emit_rows(lxs_buf *b, const lxs_row_writer *w, const row_key *k, const row_vals *v) {
  const lxs_rows_opts *o = &w->o;
  size_t nth = w->th.n;
  size_t prefix = b->len;
  row_prefix(b, o, k);
  size_t prefix_len = b->len - prefix;
  if (o->format == LXS_FMT_WIDE) {
    emit_wide(b, o, v, nth);
    return;
  }
  const row_vals *quiet = NULL; /* the last row without mentions, at b[qstart..+qlen) */
  size_t qstart = 0, qlen = 0;
  for (size_t t = 0; t < nth; t++) {
    if (t) put_again(b, prefix, prefix_len);
    size_t cell = t ? w->cell_end[t - 1] : 0;
    lxs_buf_put(b, w->cells.data + cell, w->cell_end[t] - cell);
    if (quiet && v[t].mentions == 0 && same_values(quiet, &v[t])) {
      put_again(b, qstart, qlen);
      continue;
    }
    size_t start = b->len;
    row_values(b, o, &v[t]);
    if (v[t].mentions == 0) {
      quiet = &v[t];
      qstart = start;
      qlen = b->len - start;
    }
  }
}

/* v in decimal at d (room for 20 digits); returns how many. */
static size_t put_digits(char *d, size_t v) {
  size_t n = 1;
  for (size_t x = v; x >= 10; x /= 10) n++;
  for (size_t i = n; i-- > 0; v /= 10) d[i] = (char)('0' + v % 10);
  return n;
}

/* csv_values of a row with no mention, no interval and no VADER columns
 * -- the commonest row of all -- written in place: "," tokens ",0,,0.0000,"
 * sentiment ",,,,,,,," sentences CRLF. */
static void quiet_csv_values(lxs_buf *b, const row_vals *v) {
  lxs_buf_reserve(b, 40);
  char *d = b->data + b->len;
  d[0] = ',';
  size_t n = 1 + put_digits(d + 1, v->tokens);
  memcpy(d + n, ",0,,0.0000,", 11);
  b->len += n + 11;
  lxs_fmt_num(b, v->sentiment);
  lxs_buf_reserve(b, 40);
  d = b->data + b->len;
  memcpy(d, ",,,,,,,,", 8);
  n = 8 + put_digits(d + 8, v->sentences);
  memcpy(d + n, "\r\n", 3); /* with the NUL */
  b->len += n + 2;
}

/* A document that mentions no theme, the commonest unit on real text:
 * its rows differ only in the theme cell, and their values are its
 * tokens, sentences and tone -- summed by an aggregate of no themes, so
 * no per-theme values or comparison are built -- formatted once.  0 when
 * the document mentions a theme, or the rows need what only the full
 * aggregate gives (intervals, the wide shape). */
static int quiet_doc_rows(lxs_buf *b, const lxs_row_writer *w, const row_key *k,
                          const lxs_result *res, const lxs_vader_scores *vs) {
  const lxs_rows_opts *o = &w->o;
  if (o->format == LXS_FMT_WIDE || o->bootstrap || w->th.n == 0) return 0;
  size_t nscores = res->n_sentences * res->n_themes;
  for (size_t i = 0; i < nscores; i++)
    if (res->scores[i].mentions) return 0;
  lxs_agg a;
  double block[LXS_AGG_BLOCK_DOUBLES(0)];
  lxs_agg_init_in(&a, 0, block);
  for (size_t s = 0; s < res->n_sentences; s++) lxs_agg_sum_sentence(&a, res, s);
  row_vals v;
  memset(&v, 0, sizeof v);
  v.tokens = a.tokens;
  v.sentences = a.sentences;
  v.sentiment = lxs_agg_sentiment(&a);
  lxs_agg_clear(&a);
  if (vs) {
    v.vader = vs;
    v.sentiment = vs->compound;
  }
  size_t prefix = b->len;
  row_prefix(b, o, k);
  size_t prefix_len = b->len - prefix, values = 0, values_len = 0;
  for (size_t t = 0; t < w->th.n; t++) {
    if (t) put_again(b, prefix, prefix_len);
    size_t cell = t ? w->cell_end[t - 1] : 0;
    lxs_buf_put(b, w->cells.data + cell, w->cell_end[t] - cell);
    if (t) {
      put_again(b, values, values_len);
      continue;
    }
    values = b->len;
    if (o->format == LXS_FMT_CSV && !vs) quiet_csv_values(b, &v);
    else row_values(b, o, &v);
    values_len = b->len - values;
  }
  return 1;
}

/* Space for a unit's per-theme values: on the stack for a few themes. */
enum { FEW_THEMES = 16 };
typedef struct {
  row_vals few[FEW_THEMES];
  lxs_interval st_few[FEW_THEMES + 1], sa_few[FEW_THEMES + 1];
  row_vals *v;
  lxs_interval *st, *sa;
} theme_space;

static void space_init(theme_space *s, size_t nth) {
  if (nth > FEW_THEMES) {
    s->v = lxs_xcalloc(nth, sizeof *s->v);
    s->st = lxs_xcalloc(nth + 1, sizeof *s->st);
    s->sa = lxs_xcalloc(nth + 1, sizeof *s->sa);
    return;
  }
  s->v = s->few;
  s->st = s->st_few;
  s->sa = s->sa_few;
  memset(s->few, 0, nth * sizeof *s->few);
  memset(s->st_few, 0, (nth + 1) * sizeof *s->st_few);
  memset(s->sa_few, 0, (nth + 1) * sizeof *s->sa_few);
}

static void space_free(theme_space *s) {
  if (s->v == s->few) return;
  free(s->v);
  free(s->st);
  free(s->sa);
}

static void agg_rows(lxs_buf *b, const lxs_row_writer *w, const row_key *k, const lxs_agg *a,
                     const lxs_vader_scores *vs) {
  const lxs_rows_opts *o = &w->o;
  size_t nth = w->th.n;
  theme_space sp;
  space_init(&sp, nth);
  /* intervals stay empty ("not ok") without the bootstrap */
  lxs_interval se = {0, 0, 0};
  if (o->bootstrap && a->keep_samples) {
    /* seeded by the speaker, not the document: renaming a file must not
     * change its intervals */
    lxs_bootstrap(a, o->bootstrap, o->ci, lxs_seed_mix(o->seed, k->speaker), sp.st, sp.sa, &se);
  }
  for (size_t t = 0; t < nth; t++) {
    row_vals *v = &sp.v[t];
    memset(v, 0, sizeof *v);
    v->tokens = a->tokens;
    v->mentions = a->mentions[t];
    v->sentences = a->sentences;
    v->stance = lxs_agg_stance(a, t, &v->present);
    v->salience = lxs_agg_salience(a, t);
    v->sentiment = lxs_agg_sentiment(a);
    v->ci_st = sp.st[t];
    v->ci_sa = sp.sa[t];
    v->ci_se = se;
    if (vs) {
      v->vader = vs;
      v->sentiment = vs->compound;
    }
  }
  emit_rows(b, w, k, sp.v);
  space_free(&sp);
}

void lxs_row_writer_init(lxs_row_writer *w, const lxs_rows_opts *o, lxs_themes th) {
  w->o = *o;
  w->th = th;
  lxs_buf_init(&w->cells);
  w->cell_end = lxs_xcalloc(th.n + 1, sizeof *w->cell_end);
  for (size_t t = 0; t < th.n; t++) {
    put_cell(&w->cells, o, th.name[t]);
    w->cell_end[t] = w->cells.len;
  }
}

void lxs_row_writer_free(lxs_row_writer *w) {
  lxs_buf_free(&w->cells);
  free(w->cell_end);
}

void lxs_rows_agg(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th, const char *doc,
                  const char *speaker, const lxs_agg *a) {
  row_key k = {doc, NULL, speaker, -1};
  lxs_row_writer w;
  lxs_row_writer_init(&w, o, th);
  agg_rows(b, &w, &k, a, NULL);
  lxs_row_writer_free(&w);
}

/* One row (or one per theme) per sentence. */
static void sentence_rows(lxs_buf *b, const lxs_row_writer *w, row_key *k, const lxs_result *res,
                          const char *text, lxs_vader *vd) {
  size_t nth = w->th.n;
  const char *speaker_override = k->speaker;
  theme_space sp;
  space_init(&sp, nth);
  for (size_t s = 0; s < res->n_sentences; s++) {
    const lxs_sentence *se = &res->sentences[s];
    if (se->flags & LXS_SENTENCE_HEADER) continue;
    k->speaker = speaker_override ? speaker_override : res->speakers[se->speaker].name;
    k->sentence = (long)s + 1;
    lxs_vader_scores vs;
    if (vd) lxs_vader_score(vd, text + se->start, se->end - se->start, &vs, NULL);
    for (size_t t = 0; t < nth; t++) {
      const lxs_theme_score *ts = &res->scores[s * res->n_themes + t];
      row_vals *v = &sp.v[t];
      memset(v, 0, sizeof *v);
      v->tokens = se->tokens;
      v->mentions = ts->mentions;
      v->sentences = 1;
      v->present = ts->mentions > 0;
      v->stance = ts->stance;
      v->salience = se->tokens ? 1000.0 * ts->mentions / se->tokens : 0;
      v->sentiment = se->sentiment;
      if (vd) {
        v->vader = &vs;
        v->sentiment = vs.compound;
      }
    }
    emit_rows(b, w, k, sp.v);
  }
  space_free(&sp);
}

void lxs_rows_doc(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th, const char *doc,
                  const char *const *keep, const char *speaker_override, const lxs_result *res,
                  const char *text, size_t len, lxs_vader *vd) {
  lxs_row_writer w;
  lxs_row_writer_init(&w, o, th);
  lxs_row_writer_doc(b, &w, doc, keep, speaker_override, res, text, len, vd);
  lxs_row_writer_free(&w);
}

void lxs_row_writer_doc(lxs_buf *b, const lxs_row_writer *w, const char *doc,
                        const char *const *keep, const char *speaker_override,
                        const lxs_result *res, const char *text, size_t len, lxs_vader *vd) {
  const lxs_rows_opts *o = &w->o;
  size_t nth = w->th.n;
  row_key k = {doc, keep, speaker_override, -1};
  if (o->unit == LXS_UNIT_SENTENCE) {
    sentence_rows(b, w, &k, res, text, vd);
    return;
  }
  if (o->unit == LXS_UNIT_DOC) {
    lxs_vader_scores vs;
    /* VADER scores the document as one text, as the reference does. */
    if (vd) lxs_vader_score(vd, text, len, &vs, NULL);
    if (!speaker_override) k.speaker = "";
    if (quiet_doc_rows(b, w, &k, res, vd ? &vs : NULL)) return;
    lxs_agg a;
    double few[LXS_AGG_BLOCK_DOUBLES(FEW_THEMES)] = {0};
    lxs_agg_init_in(&a, nth, nth <= FEW_THEMES ? few : NULL);
    a.keep_samples = o->bootstrap > 0;
    for (size_t s = 0; s < res->n_sentences; s++) lxs_agg_sum_sentence(&a, res, s);
    agg_rows(b, w, &k, &a, vd ? &vs : NULL);
    lxs_agg_clear(&a);
    return;
  }
  lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg_init(&aggs[sp], nth);
    aggs[sp].keep_samples = o->bootstrap > 0;
  }
  lxs_agg_sum_speakers(aggs, res);
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
    k.speaker = speaker_override ? speaker_override : res->speakers[sp].name;
    if (a->sentences > 0 || a->tokens > 0) agg_rows(b, w, &k, a, vd ? &vs : NULL);
    lxs_agg_clear(a);
  }
  free(aggs);
  free(vsum);
  free(vn);
}

static const char *const kModNames[] = {"negated",       "intensified", "diminished",  "hedged",
                                        "contrast+",     "contrast-",   "conditional", "question",
                                        "harm-inverted", "agent",       "distanced",   "reported",
                                        "weak-link",     "context",     "scene"};

const char *lxs_modifier_name(unsigned bit) {
  return bit < sizeof kModNames / sizeof *kModNames ? kModNames[bit] : NULL;
}

void lxs_evidence_header(lxs_buf *b) {
  lxs_buf_puts(b, "doc,speaker,sentence,theme,term,role,matched,byte_start,"
                  "byte_end,target,weight,modifiers,contribution,holder\r\n");
}

void lxs_evidence_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc, const char *text,
                       const lxs_result *res) {
  for (size_t i = 0; i < res->n_evidence; i++) {
    const lxs_evidence *e = &res->evidence[i];
    const lxs_sentence *s = &res->sentences[e->sentence];
    lxs_csv_str(b, doc);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, res->speakers[s->speaker].name);
    lxs_buf_printf(b, ",%u,", e->sentence + 1);
    lxs_csv_str(b,
                e->theme == LXS_THEME_NONE ? "sentiment" : lxs_lexicon_theme_name(lex, e->theme));
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
    for (unsigned k = 0; lxs_modifier_name(k); k++)
      if (e->modifiers & (1u << k)) {
        if (!first) lxs_buf_putc(b, ' ');
        lxs_buf_puts(b, lxs_modifier_name(k));
        first = 0;
      }
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, e->contribution);
    lxs_buf_putc(b, ',');
    if (e->holder) lxs_csv_str(b, e->holder);
    lxs_buf_puts(b, "\r\n");
  }
}
