/* labels.c - reading hand codes for `lexstance validate` (see labels.h).
 *
 * One table reader turns a TSV or CSV file into records of fields with the
 * line each record starts on; the labels and speaker-labels readers map the
 * header to columns and check every value. */
#include "labels.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "utf8.h"
#include "util.h"
#include "validate.h"

int lxs_table_format_parse(const char *s, lxs_table_format *out) {
  if (strcmp(s, "tsv") == 0) *out = LXS_TABLE_TSV;
  else if (strcmp(s, "csv") == 0) *out = LXS_TABLE_CSV;
  else return -1;
  return 0;
}

/* ---- records ------------------------------------------------------------- */

typedef struct table table;
/* Called for each record; fields are NUL-terminated.  Returns 0 or an
 * error code (the message already in t->err). */
typedef int (*table_record_fn)(table *t, char **f, size_t n);

struct table {
  const char *name; /* file name for messages */
  char *err;
  size_t errlen;
  unsigned long line; /* line the current record starts on */
  lxs_buf cells;      /* the current record's fields, NUL-separated */
  size_t *off;        /* start of each field in cells */
  size_t nf, capf;
  char **fields; /* scratch for the callback */
  size_t capv;
  table_record_fn record;
  void *ctx;
  int rc;
  int between;           /* CSV: the last line fed ended a record */
  unsigned long records; /* records seen (the first is the header) */
};

static int table_fail(table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int table_fail(table *t, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  lxs_set_err(t->err, t->errlen, "%s:%lu: %s", t->name, t->line, msg);
  t->rc = LXS_EDATA;
  return LXS_EDATA;
}

/* A value quoted in a message: display-safe (see lxs_display_text). */
static const char *shown(const char *s, char *out, size_t cap) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_display_text(s, strlen(s), 40, &b);
  snprintf(out, cap, "%s", b.data ? b.data : "");
  lxs_buf_free(&b);
  return out;
}

static void table_field(table *t, const char *s, size_t n) {
  LXS_VEC_GROW(t->off, t->nf, t->capf);
  t->off[t->nf++] = t->cells.len;
  lxs_buf_put(&t->cells, s, n);
  lxs_buf_putc(&t->cells, '\0');
}

static int table_emit(table *t) {
  if (t->capv < t->nf) {
    t->capv = t->nf;
    t->fields = lxs_xrealloc(t->fields, t->capv * sizeof *t->fields);
  }
  for (size_t i = 0; i < t->nf; i++) t->fields[i] = t->cells.data + t->off[i];
  int rc = t->record(t, t->fields, t->nf);
  t->records++;
  t->nf = 0;
  t->cells.len = 0;
  if (rc && !t->rc) t->rc = rc;
  return rc;
}

/* Next line of data[*pos..len): *n bytes without the line end. */
static const char *next_line(const char *data, size_t len, size_t *pos, size_t *n) {
  if (*pos >= len) return NULL;
  const char *p = data + *pos;
  const char *nl = memchr(p, '\n', len - *pos);
  size_t m = nl ? (size_t)(nl - p) : len - *pos;
  *pos += m + (nl != NULL);
  *n = m;
  return p;
}

static int read_tsv(table *t, const char *data, size_t len) {
  size_t pos = 0, n;
  const char *p;
  unsigned long no = 0;
  while ((p = next_line(data, len, &pos, &n)) != NULL) {
    t->line = ++no;
    if (n && p[n - 1] == '\r') n--;
    if (n == 0) continue; /* a blank line holds no record */
    if (memchr(p, '\0', n)) return table_fail(t, "NUL byte in the line");
    size_t st = 0;
    for (size_t i = 0; i <= n; i++)
      if (i == n || p[i] == '\t') {
        table_field(t, p + st, i - st);
        st = i + 1;
      }
    if (table_emit(t)) return t->rc;
  }
  return 0;
}

static void csv_field_cb(void *s, size_t n, void *data) {
  table *t = data;
  if (t->rc) return;
  if (s && memchr(s, '\0', n)) {
    table_fail(t, "NUL byte in a field");
    return;
  }
  table_field(t, s ? s : "", s ? n : 0);
}

static void csv_row_cb(int c, void *data) {
  (void)c;
  table *t = data;
  t->between = 1;
  if (t->rc) return;
  table_emit(t);
}

/* Fed a line at a time, so that each record knows the line it starts on
 * (libcsv reports a record when it ends). */
static int read_csv(table *t, const char *data, size_t len) {
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    return table_fail(t, "cannot start the CSV parser");
  t->between = 1;
  size_t pos = 0, n;
  const char *ln;
  unsigned long no = 0;
  while (!t->rc && (ln = next_line(data, len, &pos, &n)) != NULL) {
    no++;
    size_t chunk = (size_t)(data + pos - ln);
    if (t->between) {
      if (n == 0 || (n == 1 && ln[0] == '\r')) continue; /* blank line */
      t->line = no;
      t->between = 0;
    }
    if (csv_parse(&p, ln, chunk, csv_field_cb, csv_row_cb, t) != chunk && !t->rc)
      table_fail(t, "malformed CSV: %s", csv_strerror(csv_error(&p)));
  }
  if (!t->rc && csv_fini(&p, csv_field_cb, csv_row_cb, t) != 0 && !t->rc)
    table_fail(t, "malformed CSV: %s (a quoted field is never closed)",
               csv_strerror(csv_error(&p)));
  csv_free(&p);
  return t->rc;
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int read_table(table *t, const char *data, size_t len, lxs_table_format fmt) {
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3; /* byte-order mark */
    len -= 3;
  }
  if (fmt == LXS_TABLE_AUTO) {
    if (ends_with(t->name, ".csv")) fmt = LXS_TABLE_CSV;
    else if (ends_with(t->name, ".tsv") || ends_with(t->name, ".tab")) fmt = LXS_TABLE_TSV;
    else {
      const char *nl = memchr(data, '\n', len);
      size_t first = nl ? (size_t)(nl - data) : len;
      fmt = memchr(data, '\t', first) ? LXS_TABLE_TSV : LXS_TABLE_CSV;
    }
  }
  int rc = fmt == LXS_TABLE_CSV ? read_csv(t, data, len) : read_tsv(t, data, len);
  return rc ? rc : t->rc;
}

/* Reads data as a table, handing each record to fn (the first is the
 * header); an empty file is an error. */
static int read_records(const char *name, const char *data, size_t len, lxs_table_format fmt,
                        table_record_fn fn, void *ctx, char *err, size_t errlen) {
  table t;
  memset(&t, 0, sizeof t);
  t.name = name;
  t.err = err;
  t.errlen = errlen;
  t.record = fn;
  t.ctx = ctx;
  lxs_buf_init(&t.cells);
  int rc = read_table(&t, data, len, fmt);
  if (!rc && t.records == 0) {
    t.line = 1;
    rc = table_fail(&t, "empty file: expected a header line naming the columns");
  }
  lxs_buf_free(&t.cells);
  free(t.off);
  free(t.fields);
  return rc;
}

/* ---- header -------------------------------------------------------------- */

/* Column of the first name of names[] the header holds, or -1. */
static long find_column(char **f, size_t n, const char *const *names) {
  for (size_t k = 0; names[k]; k++)
    for (size_t i = 0; i < n; i++)
      if (strcasecmp(f[i], names[k]) == 0) return (long)i;
  return -1;
}

static const char *const kFileCols[] = {"file", "doc", "doc_id", "document", "id", NULL};
static const char *const kSentenceCols[] = {"sentence", "text", NULL};
static const char *const kSpeakerCols[] = {"speaker", NULL};

static int is_known_column(const char *name, const lxs_lexicon *lex) {
  const char *const *lists[] = {kFileCols, kSentenceCols, kSpeakerCols};
  for (size_t k = 0; k < 3; k++)
    for (size_t j = 0; lists[k][j]; j++)
      if (strcasecmp(name, lists[k][j]) == 0) return 1;
  for (size_t th = 0; th < lxs_lexicon_theme_count(lex); th++)
    if (strcasecmp(name, lxs_lexicon_theme_name(lex, th)) == 0) return 1;
  return 0;
}

/* Header fields are trimmed in place; a name read twice is an error when
 * it is one the reader uses. */
static int check_header(table *t, char **f, size_t n, const lxs_lexicon *lex) {
  if (n == 1 && f[0][0] == '\0') return table_fail(t, "empty header line");
  for (size_t i = 0; i < n; i++) {
    size_t m = strlen(f[i]);
    while (m && (f[i][m - 1] == ' ' || f[i][m - 1] == '\t')) f[i][--m] = '\0';
    size_t s = 0;
    while (f[i][s] == ' ') s++;
    memmove(f[i], f[i] + s, m - s + 1);
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; is_known_column(f[i], lex) && j < n; j++)
      if (strcasecmp(f[i], f[j]) == 0) {
        char a[64];
        return table_fail(t, "column '%s' appears twice in the header", shown(f[i], a, sizeof a));
      }
  return 0;
}

/* The column of each lexicon theme (-1 when none); fails if no column
 * names a theme. */
static int theme_columns(table *t, char **f, size_t n, const lxs_lexicon *lex, long *col,
                         unsigned char *has) {
  size_t nth = lxs_lexicon_theme_count(lex), found = 0;
  for (size_t th = 0; th < nth; th++) {
    const char *names[2] = {lxs_lexicon_theme_name(lex, th), NULL};
    col[th] = find_column(f, n, names);
    has[th] = col[th] >= 0;
    found += has[th];
  }
  if (found) return 0;
  lxs_buf list;
  lxs_buf_init(&list);
  for (size_t th = 0; th < nth; th++)
    lxs_buf_printf(&list, "%s%s", th ? ", " : "", lxs_lexicon_theme_name(lex, th));
  table_fail(t, "no column names a theme of the lexicon (%s)", list.data ? list.data : "");
  lxs_buf_free(&list);
  return LXS_EDATA;
}

/* ---- labelled sentences -------------------------------------------------- */

typedef struct {
  lxs_labels *L;
  const lxs_lexicon *lex;
  size_t ncols;
  long col_file, col_sentence, col_speaker;
  long *col_theme;
} labels_ctx;

static int check_utf8(table *t, char **f, size_t n, const long *cols, size_t ncols) {
  for (size_t k = 0; k < ncols; k++) {
    if (cols[k] < 0 || (size_t)cols[k] >= n) continue;
    size_t m = strlen(f[cols[k]]);
    if (lxs_utf8_validate(f[cols[k]], m) < m)
      return table_fail(t, "invalid UTF-8 in column %ld", cols[k] + 1);
  }
  return 0;
}

static int parse_gold(table *t, const char *v, const char *theme, int8_t *out) {
  while (*v == ' ') v++;
  size_t n = strlen(v);
  while (n && v[n - 1] == ' ') n--;
  if (n == 0 || (n == 2 && strncasecmp(v, "NA", 2) == 0)) *out = LXS_GOLD_ABSENT;
  else if ((n == 1 && v[0] == '1') || (n == 2 && memcmp(v, "+1", 2) == 0)) *out = 1;
  else if (n == 1 && v[0] == '0') *out = 0;
  else if (n == 2 && memcmp(v, "-1", 2) == 0) *out = -1;
  else {
    char a[64];
    return table_fail(t, "%s: '%s' is not 1, 0, -1, blank or NA", theme, shown(v, a, sizeof a));
  }
  return 0;
}

static int labels_header(table *t, labels_ctx *c, char **f, size_t n) {
  if (check_header(t, f, n, c->lex)) return t->rc;
  c->ncols = n;
  c->col_file = find_column(f, n, kFileCols);
  c->col_sentence = find_column(f, n, kSentenceCols);
  c->col_speaker = find_column(f, n, kSpeakerCols);
  if (c->col_sentence < 0)
    return table_fail(t, "no sentence column (a header field 'sentence' or 'text')");
  c->L->has_file = c->col_file >= 0;
  c->L->has_speaker = c->col_speaker >= 0;
  return theme_columns(t, f, n, c->lex, c->col_theme, c->L->has_theme);
}

static int labels_record(table *t, char **f, size_t n) {
  labels_ctx *c = t->ctx;
  if (t->records == 0) return labels_header(t, c, f, n);
  if (n != c->ncols)
    return table_fail(t, "%zu field%s, the header has %zu", n, n == 1 ? "" : "s", c->ncols);
  size_t nth = c->L->n_themes;
  long cols[3] = {c->col_file, c->col_sentence, c->col_speaker};
  if (check_utf8(t, f, n, cols, 3) || check_utf8(t, f, n, c->col_theme, nth)) return t->rc;
  const char *sent = f[c->col_sentence];
  size_t sp = strspn(sent, " \t");
  if (sent[sp] == '\0') return table_fail(t, "empty sentence");
  int8_t *gold = lxs_xmalloc(nth + 1);
  for (size_t th = 0; th < nth; th++) {
    gold[th] = LXS_GOLD_ABSENT;
    if (c->col_theme[th] >= 0 &&
        parse_gold(t, f[c->col_theme[th]], lxs_lexicon_theme_name(c->lex, th), &gold[th])) {
      free(gold);
      return t->rc;
    }
  }
  lxs_labels *L = c->L;
  LXS_VEC_GROW(L->rows, L->n, L->cap);
  lxs_label_row *r = &L->rows[L->n++];
  r->file = lxs_xstrndup(c->col_file >= 0 ? f[c->col_file] : "",
                         c->col_file >= 0 ? strlen(f[c->col_file]) : 0);
  r->speaker = lxs_xstrndup(c->col_speaker >= 0 ? f[c->col_speaker] : "",
                            c->col_speaker >= 0 ? strlen(f[c->col_speaker]) : 0);
  r->sentence = lxs_xstrndup(sent, strlen(sent));
  r->gold = gold;
  r->line = t->line;
  return 0;
}

int lxs_labels_read_buffer(lxs_labels *L, const char *name, const char *data, size_t len,
                           lxs_table_format fmt, const lxs_lexicon *lex, char *err, size_t errlen) {
  memset(L, 0, sizeof *L);
  L->n_themes = lxs_lexicon_theme_count(lex);
  L->has_theme = lxs_xcalloc(L->n_themes + 1, 1);
  labels_ctx c = {L, lex, 0, -1, -1, -1, NULL};
  c.col_theme = lxs_xcalloc(L->n_themes + 1, sizeof(long));
  int rc = read_records(name, data, len, fmt, labels_record, &c, err, errlen);
  free(c.col_theme);
  return rc;
}

int lxs_labels_read(lxs_labels *L, const char *path, lxs_table_format fmt, const lxs_lexicon *lex,
                    char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = lxs_read_file(path, &b, err, errlen);
  if (rc == 0)
    rc = lxs_labels_read_buffer(L, path, b.data ? b.data : "", b.len, fmt, lex, err, errlen);
  else memset(L, 0, sizeof *L);
  lxs_buf_free(&b);
  return rc;
}

void lxs_labels_free(lxs_labels *L) {
  for (size_t i = 0; i < L->n; i++) {
    free(L->rows[i].file);
    free(L->rows[i].speaker);
    free(L->rows[i].sentence);
    free(L->rows[i].gold);
  }
  free(L->rows);
  free(L->has_theme);
  memset(L, 0, sizeof *L);
}

/* ---- per-speaker judgements ---------------------------------------------- */

typedef struct {
  lxs_speaker_labels *S;
  const lxs_lexicon *lex;
  size_t ncols;
  long col_file, col_speaker;
  long *col_theme;
} speakers_ctx;

static int speakers_header(table *t, speakers_ctx *c, char **f, size_t n) {
  if (check_header(t, f, n, c->lex)) return t->rc;
  c->ncols = n;
  c->col_file = find_column(f, n, kFileCols);
  c->col_speaker = find_column(f, n, kSpeakerCols);
  if (c->col_file < 0 || c->col_speaker < 0)
    return table_fail(t, "speaker labels need a file column (file, doc, doc_id, "
                         "document or id) and a speaker column");
  return theme_columns(t, f, n, c->lex, c->col_theme, c->S->has_theme);
}

static int parse_mean(table *t, const char *v, const char *theme, double *out, unsigned char *has) {
  while (*v == ' ') v++;
  size_t n = strlen(v);
  while (n && v[n - 1] == ' ') n--;
  *has = 0;
  if (n == 0 || (n == 2 && strncasecmp(v, "NA", 2) == 0)) return 0;
  char buf[64], *end = buf;
  double x = 0;
  if (n < sizeof buf) {
    memcpy(buf, v, n);
    buf[n] = '\0';
    x = strtod(buf, &end);
  }
  if (n >= sizeof buf || *end || end == buf || !isfinite(x) || x < -1 || x > 1) {
    char a[64];
    return table_fail(t, "%s: '%s' is not a number from -1 to 1 (or blank)", theme,
                      shown(v, a, sizeof a));
  }
  *out = x;
  *has = 1;
  return 0;
}

static int speakers_record(table *t, char **f, size_t n) {
  speakers_ctx *c = t->ctx;
  if (t->records == 0) return speakers_header(t, c, f, n);
  if (n != c->ncols)
    return table_fail(t, "%zu field%s, the header has %zu", n, n == 1 ? "" : "s", c->ncols);
  lxs_speaker_labels *S = c->S;
  long cols[2] = {c->col_file, c->col_speaker};
  if (check_utf8(t, f, n, cols, 2) || check_utf8(t, f, n, c->col_theme, S->n_themes)) return t->rc;
  lxs_speaker_label r = {NULL, NULL, lxs_xcalloc(S->n_themes + 1, sizeof(double)),
                         lxs_xcalloc(S->n_themes + 1, 1), t->line};
  for (size_t th = 0; th < S->n_themes; th++)
    if (c->col_theme[th] >= 0 &&
        parse_mean(t, f[c->col_theme[th]], lxs_lexicon_theme_name(c->lex, th), &r.value[th],
                   &r.has[th])) {
      free(r.value);
      free(r.has);
      return t->rc;
    }
  r.file = lxs_xstrndup(f[c->col_file], strlen(f[c->col_file]));
  r.speaker = lxs_xstrndup(f[c->col_speaker], strlen(f[c->col_speaker]));
  LXS_VEC_GROW(S->rows, S->n, S->cap);
  S->rows[S->n++] = r;
  return 0;
}

int lxs_speaker_labels_read_buffer(lxs_speaker_labels *S, const char *name, const char *data,
                                   size_t len, lxs_table_format fmt, const lxs_lexicon *lex,
                                   char *err, size_t errlen) {
  memset(S, 0, sizeof *S);
  S->n_themes = lxs_lexicon_theme_count(lex);
  S->has_theme = lxs_xcalloc(S->n_themes + 1, 1);
  speakers_ctx c = {S, lex, 0, -1, -1, NULL};
  c.col_theme = lxs_xcalloc(S->n_themes + 1, sizeof(long));
  int rc = read_records(name, data, len, fmt, speakers_record, &c, err, errlen);
  free(c.col_theme);
  return rc;
}

int lxs_speaker_labels_read(lxs_speaker_labels *S, const char *path, lxs_table_format fmt,
                            const lxs_lexicon *lex, char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = lxs_read_file(path, &b, err, errlen);
  if (rc == 0)
    rc = lxs_speaker_labels_read_buffer(S, path, b.data ? b.data : "", b.len, fmt, lex, err,
                                        errlen);
  else memset(S, 0, sizeof *S);
  lxs_buf_free(&b);
  return rc;
}

void lxs_speaker_labels_free(lxs_speaker_labels *S) {
  for (size_t i = 0; i < S->n; i++) {
    free(S->rows[i].file);
    free(S->rows[i].speaker);
    free(S->rows[i].value);
    free(S->rows[i].has);
  }
  free(S->rows);
  free(S->has_theme);
  memset(S, 0, sizeof *S);
}
