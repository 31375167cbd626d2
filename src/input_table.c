/* input_table.c - TSV and CSV corpora: the header line names the columns,
 * and the text, the id and the kept metadata columns are found by name
 * (case-insensitive).  CSV (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks) is parsed by libcsv, fed one line at a time so
 * that memory stays bounded by the longest record and each record knows
 * the line it starts on. */
#define _POSIX_C_SOURCE 200809L
#include "input_table.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "validate.h"

enum {
  TABLE_START,  /* before the header */
  TABLE_HEADER, /* the header was read: columns by name */
  TABLE_PLAIN   /* TSV without a header: id<TAB>text */
};

/* The id column when none is named: the first of these present. */
static const char *const kIdNames[] = {"id", "doc_id", "doc", "document"};

void lxs_table_init(lxs_table *t, const char *name, int csv) {
  memset(t, 0, sizeof *t);
  t->name = name;
  t->csv = csv;
  t->text_idx = t->id_idx = t->speaker_idx = -1;
  t->between = 1;
  lxs_buf_init(&t->cells);
  lxs_buf_init(&t->id);
  lxs_buf_init(&t->speaker);
  lxs_buf_init(&t->keepbuf);
}

void lxs_table_free(lxs_table *t) {
  if (t->parser) {
    csv_free(t->parser);
    free(t->parser);
  }
  free(t->keep_idx);
  free(t->off);
  free(t->len);
  free(t->keepoff);
  free(t->keepv);
  free(t->line);
  lxs_buf_free(&t->cells);
  lxs_buf_free(&t->id);
  lxs_buf_free(&t->speaker);
  lxs_buf_free(&t->keepbuf);
}

/* ---- kept values --------------------------------------------------------- */

void lxs_table_keep_reset(lxs_table *t) {
  t->keepbuf.len = 0;
  t->nkeepv = 0;
}

void lxs_table_keep_put(lxs_table *t, const char *s, size_t n) {
  if (t->nkeepv == t->capkeep) {
    t->capkeep = t->capkeep ? t->capkeep * 2 : 8;
    t->keepoff = lxs_xrealloc(t->keepoff, t->capkeep * sizeof *t->keepoff);
    t->keepv = lxs_xrealloc(t->keepv, t->capkeep * sizeof *t->keepv);
  }
  t->keepoff[t->nkeepv++] = t->keepbuf.len;
  lxs_buf_put(&t->keepbuf, s, n);
  lxs_buf_putc(&t->keepbuf, '\0');
}

const char *const *lxs_table_keep_values(lxs_table *t) {
  for (size_t i = 0; i < t->nkeepv; i++) t->keepv[i] = t->keepbuf.data + t->keepoff[i];
  return t->keepv;
}

/* ---- fields -------------------------------------------------------------- */

static void add_field(lxs_table *t, size_t off, size_t n) {
  if (t->nf == t->capf) {
    t->capf = t->capf ? t->capf * 2 : 16;
    t->off = lxs_xrealloc(t->off, t->capf * sizeof *t->off);
    t->len = lxs_xrealloc(t->len, t->capf * sizeof *t->len);
  }
  t->off[t->nf] = off;
  t->len[t->nf++] = n;
}

/* Sets err to "FILE:LINE: message" and t->error to status; returns -1. */
static int fail(lxs_table *t, size_t line, lxs_status status, char *err, size_t errlen,
                const char *fmt, const char *arg) {
  char msg[512];
  snprintf(msg, sizeof msg, fmt, arg);
  lxs_set_err(err, errlen, "%s:%zu: %s", t->name, line, msg);
  t->error = status;
  return -1;
}

static const char *field_ptr(const lxs_table *t, size_t i) { return t->base + t->off[i]; }

static int field_is(const lxs_table *t, size_t i, const char *name) {
  return t->len[i] == strlen(name) && strncasecmp(field_ptr(t, i), name, t->len[i]) == 0;
}

/* The header's columns, for a message: "a, b, c" (display-safe). */
static void column_list(const lxs_table *t, lxs_buf *b) {
  for (size_t i = 0; i < t->nf && b->len < 200; i++) {
    if (i) lxs_buf_puts(b, ", ");
    lxs_display_text(field_ptr(t, i), t->len[i], 40, b);
  }
  lxs_buf_cstr(b);
}

/* The index of the column called name; -1 when there is none, -2 when
 * there are two. */
static long find_column(const lxs_table *t, const char *name) {
  long at = -1;
  for (size_t i = 0; i < t->nf; i++)
    if (field_is(t, i, name)) {
      if (at >= 0) return -2;
      at = (long)i;
    }
  return at;
}

/* The column a name given by the user stands for, or an error naming it
 * and listing the header's columns. */
static int named_column(lxs_table *t, const char *name, const char *what, long *idx, char *err,
                        size_t errlen) {
  *idx = find_column(t, name);
  if (*idx == -2)
    return fail(t, t->rec_line, LXS_EINVAL, err, errlen, "column '%s' appears twice in the header",
                name);
  if (*idx >= 0) return 0;
  lxs_buf msg;
  lxs_buf_init(&msg);
  lxs_buf_printf(&msg, "no %s column '", what);
  lxs_display_text(name, strlen(name), 40, &msg);
  lxs_buf_puts(&msg, "' in the header (its columns: ");
  column_list(t, &msg);
  lxs_buf_puts(&msg, ")");
  if (strcmp(what, "text") == 0) lxs_buf_puts(&msg, "; name the text column with --text-col");
  int rc = fail(t, t->rec_line, LXS_EINVAL, err, errlen, "%s", msg.data);
  lxs_buf_free(&msg);
  return rc;
}

/* Reads the header (the current fields): where the text, the id and the
 * kept columns are. */
static int map_header(lxs_table *t, char *err, size_t errlen) {
  t->ncols = t->nf;
  t->state = TABLE_HEADER;
  const char *text = t->cols.text_col ? t->cols.text_col : "text";
  if (named_column(t, text, "text", &t->text_idx, err, errlen)) return -1;
  if (t->cols.id_col) {
    if (named_column(t, t->cols.id_col, "id", &t->id_idx, err, errlen)) return -1;
  } else {
    for (size_t i = 0; t->id_idx < 0 && i < sizeof kIdNames / sizeof *kIdNames; i++)
      if (find_column(t, kIdNames[i]) >= 0) t->id_idx = find_column(t, kIdNames[i]);
  }
  t->speaker_idx = find_column(t, "speaker") >= 0 ? find_column(t, "speaker") : -1;
  t->keep_idx = lxs_xcalloc(t->cols.nkeep + 1, sizeof *t->keep_idx);
  for (size_t k = 0; k < t->cols.nkeep; k++)
    if (named_column(t, t->cols.keep[k], "kept", &t->keep_idx[k], err, errlen)) return -1;
  return 2;
}

/* Checks a column the caller reads as a C string. */
static int no_nul(lxs_table *t, long i, char *err, size_t errlen) {
  if (!memchr(field_ptr(t, (size_t)i), '\0', t->len[i])) return 0;
  return fail(t, t->rec_line, LXS_EDATA, err, errlen, "NUL byte in the %s column",
              i == t->id_idx        ? "id"
              : i == t->speaker_idx ? "speaker"
                                    : "kept");
}

/* A record of the header's shape: its id, text and kept values. */
static int table_record(lxs_table *t, lxs_record *rec, char *err, size_t errlen) {
  if (t->nf != t->ncols) {
    char n[64];
    snprintf(n, sizeof n, "%zu field%s, the header has %zu", t->nf, t->nf == 1 ? "" : "s",
             t->ncols);
    return fail(t, t->rec_line, LXS_EDATA, err, errlen, "%s", n);
  }
  t->id.len = 0;
  if (t->id_idx >= 0) {
    if (t->len[t->id_idx] == 0)
      return fail(t, t->rec_line, LXS_EDATA, err, errlen, "empty id%s", "");
    if (no_nul(t, t->id_idx, err, errlen)) return -1;
    lxs_buf_put(&t->id, field_ptr(t, (size_t)t->id_idx), t->len[t->id_idx]);
  } else {
    lxs_buf_put_uint(&t->id, t->rec_line);
  }
  lxs_table_keep_reset(t);
  for (size_t k = 0; k < t->cols.nkeep; k++) {
    if (no_nul(t, t->keep_idx[k], err, errlen)) return -1;
    lxs_table_keep_put(t, field_ptr(t, (size_t)t->keep_idx[k]), t->len[t->keep_idx[k]]);
  }
  if (t->speaker_idx >= 0 && t->len[t->speaker_idx]) {
    if (no_nul(t, t->speaker_idx, err, errlen)) return -1;
    t->speaker.len = 0;
    lxs_buf_put(&t->speaker, field_ptr(t, (size_t)t->speaker_idx), t->len[t->speaker_idx]);
    rec->speaker = lxs_buf_cstr(&t->speaker);
  }
  rec->id = lxs_buf_cstr(&t->id);
  rec->text = field_ptr(t, (size_t)t->text_idx);
  rec->len = t->len[t->text_idx];
  rec->line = t->rec_line;
  rec->keep = t->cols.nkeep ? lxs_table_keep_values(t) : NULL;
  return 1;
}

/* ---- TSV ----------------------------------------------------------------- */

int lxs_table_tsv_line(lxs_table *t, size_t lineno, const char *s, size_t len, lxs_record *rec,
                       char *err, size_t errlen) {
  if (t->state == TABLE_PLAIN) return 3;
  t->nf = 0;
  t->base = s;
  t->rec_line = lineno;
  size_t st = 0;
  for (size_t i = 0; i <= len; i++)
    if (i == len || s[i] == '\t') {
      add_field(t, st, i - st);
      st = i + 1;
    }
  if (t->state == TABLE_HEADER) return table_record(t, rec, err, errlen);
  /* The first line: a header when it names the text column (always when
   * columns were named: then it must). */
  int named = t->cols.text_col || t->cols.id_col || t->cols.nkeep;
  if (!named && find_column(t, "text") < 0) {
    t->state = TABLE_PLAIN;
    return 3;
  }
  return map_header(t, err, errlen);
}

/* ---- CSV ----------------------------------------------------------------- */

static void csv_field_cb(void *s, size_t n, void *data) {
  lxs_table *t = data;
  add_field(t, t->cells.len, s ? n : 0);
  lxs_buf_put(&t->cells, s ? s : "", s ? n : 0);
  lxs_buf_putc(&t->cells, '\0');
}

static void csv_row_cb(int c, void *data) {
  (void)c;
  lxs_table *t = data;
  t->ended = 1;
}

static void csv_restart(lxs_table *t) {
  if (t->parser) csv_free(t->parser);
  else t->parser = lxs_xmalloc(sizeof *t->parser);
  /* libcsv fails only for a NULL parser; treated as the allocation it
   * follows (util.h), so the library never aborts */
  if (csv_init(t->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) lxs_oom();
  t->nf = 0;
  t->cells.len = 0;
  t->between = 1;
  t->ended = 0;
}

/* A record ended: the header, or a record of its shape. */
static int csv_record(lxs_table *t, lxs_record *rec, char *err, size_t errlen) {
  t->ended = 0;
  t->between = 1;
  t->base = t->cells.data ? t->cells.data : "";
  int k = t->state == TABLE_START ? map_header(t, err, errlen) : table_record(t, rec, err, errlen);
  if (k < 0 && t->error != LXS_EDATA) t->eof = 1; /* a column the header lacks */
  t->nf = 0;
  t->cells.len = 0;
  return k;
}

/* The next piece of the line to feed: up to and including the next CR or
 * LF, so that at most one record ends in it.  0 when the line is used up. */
static size_t next_piece(lxs_table *t) {
  size_t e = t->pos;
  while (e < t->linelen && t->line[e] != '\r' && t->line[e] != '\n') e++;
  return (e < t->linelen ? e + 1 : e) - t->pos;
}

static int all_breaks(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != '\r' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* The end of the file: a record still open must end properly. */
static int csv_end(lxs_table *t, lxs_record *rec, char *err, size_t errlen) {
  t->eof = 1;
  if (csv_fini(t->parser, csv_field_cb, csv_row_cb, t) != 0) {
    csv_restart(t);
    return fail(t, t->rec_line, LXS_EDATA, err, errlen,
                "malformed CSV: a quoted field opened in this record is never closed%s", "");
  }
  if (!t->ended) return 0;
  int k = csv_record(t, rec, err, errlen);
  return k == 2 ? 0 : k;
}

static int read_line(lxs_table *t, FILE *f, char *err, size_t errlen) {
  errno = 0;
  ssize_t n = getline(&t->line, &t->cap, f);
  if (n < 0) {
    if (ferror(f)) {
      lxs_set_err(err, errlen, "%s: read error: %s", t->name, strerror(errno));
      t->error = LXS_EIO;
      t->eof = 1;
      return -1;
    }
    return 0;
  }
  t->lineno++;
  t->linelen = (size_t)n;
  t->pos = t->lineno == 1 && n >= 3 && memcmp(t->line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  return 1;
}

int lxs_table_next_csv(lxs_table *t, FILE *f, lxs_record *rec, char *err, size_t errlen) {
  if (!t->parser) csv_restart(t);
  if (t->eof) return 0;
  for (;;) {
    if (t->pos >= t->linelen) {
      int k = read_line(t, f, err, errlen);
      if (k == 0) return csv_end(t, rec, err, errlen);
      if (k < 0) return k;
      continue; /* a line holding only a byte-order mark has nothing left */
    }
    const char *piece = t->line + t->pos;
    size_t n = next_piece(t);
    t->pos += n;
    size_t line = t->lineno;
    /* a CR alone ends a line too (old Mac files) */
    if (piece[n - 1] == '\r' && (t->pos >= t->linelen || t->line[t->pos] != '\n')) t->lineno++;
    if (t->between) {
      if (all_breaks(piece, n)) continue; /* blank lines hold no record */
      t->rec_line = line;
      t->between = 0;
    }
    if (csv_parse(t->parser, piece, n, csv_field_cb, csv_row_cb, t) != n) {
      int e = csv_error(t->parser);
      csv_restart(t);
      t->pos = t->linelen;                     /* read on from the next line */
      if (t->state == TABLE_START) t->eof = 1; /* no header: nothing to read on */
      return fail(t, line, LXS_EDATA, err, errlen, "malformed CSV: %s",
                  e == CSV_EPARSE ? "a quote inside an unquoted field, or text after a "
                                    "closing quote"
                                  : csv_strerror(e));
    }
    if (t->ended) {
      int k = csv_record(t, rec, err, errlen);
      if (k != 2) return k;
    }
  }
}
