/* input.c - streaming readers.  Each record is read with getline, so cost
 * is linear and memory bounded by the longest line (the longest record for
 * CSV); JSON Lines records are parsed with jansson, CSV with libcsv (in
 * input_table.c, with the header and column choice of TSV and CSV). */
#define _POSIX_C_SOURCE 200809L
#include "input.h"

#include "input_table.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define READ_BUFFER (64 * 1024) /* 256 KB measured slower: the kernel copy evicts L2 */

struct lxs_reader {
  FILE *f;
  int close_f;
  char *iobuf; /* stdio buffer of a file we opened */
  char *name;
  lxs_input_format fmt;
  char *line;
  size_t cap;
  size_t lineno;
  int done;
  lxs_buf id, text, speaker, all;
  json_t *json;
  lxs_status error; /* of the last -1 from lxs_reader_next */
  lxs_table tab;    /* TSV and CSV: header, columns, fields */
};

int lxs_input_format_parse(const char *s, lxs_input_format *out) {
  if (strcmp(s, "text") == 0) *out = LXS_IN_TEXT;
  else if (strcmp(s, "lines") == 0) *out = LXS_IN_LINES;
  else if (strcmp(s, "tsv") == 0) *out = LXS_IN_TSV;
  else if (strcmp(s, "jsonl") == 0) *out = LXS_IN_JSONL;
  else if (strcmp(s, "csv") == 0) *out = LXS_IN_CSV;
  else return -1;
  return 0;
}

lxs_reader *lxs_reader_open(const char *path, lxs_input_format fmt, char *err, size_t errlen) {
  FILE *f;
  int close_f = 1;
  if (strcmp(path, "-") == 0) {
    f = stdin;
    close_f = 0;
  } else {
    f = fopen(path, "rb");
    if (!f) {
      lxs_set_err(err, errlen, "%s: %s", path, strerror(errno));
      return NULL;
    }
  }
  lxs_reader *r = lxs_xcalloc(1, sizeof *r);
  r->f = f;
  r->close_f = close_f;
  if (close_f) { /* fewer, larger reads: a corpus streams at ~100 MB/s */
    r->iobuf = lxs_xmalloc(READ_BUFFER);
    setvbuf(f, r->iobuf, _IOFBF, READ_BUFFER);
  }
  r->name = lxs_xstrndup(path, strlen(path));
  r->fmt = fmt;
  lxs_buf_init(&r->id);
  lxs_buf_init(&r->text);
  lxs_buf_init(&r->speaker);
  lxs_buf_init(&r->all);
  lxs_table_init(&r->tab, r->name, fmt == LXS_IN_CSV);
  return r;
}

void lxs_reader_set_columns(lxs_reader *r, const lxs_columns *cols) { r->tab.cols = *cols; }

long lxs_reader_take_line(lxs_reader *r, const lxs_record *rec, char **buf, size_t *cap) {
  if ((r->fmt != LXS_IN_LINES && r->fmt != LXS_IN_TSV) || !r->line || rec->text < r->line ||
      rec->text + rec->len > r->line + r->cap)
    return -1;
  long off = (long)(rec->text - r->line);
  char *l = r->line;
  size_t c = r->cap;
  r->line = *buf;
  r->cap = *buf ? *cap : 0;
  *buf = l;
  *cap = c;
  return off;
}

void lxs_reader_close(lxs_reader *r) {
  if (!r) return;
  if (r->close_f) fclose(r->f);
  free(r->iobuf);
  free(r->line);
  free(r->name);
  lxs_buf_free(&r->id);
  lxs_buf_free(&r->text);
  lxs_buf_free(&r->speaker);
  lxs_buf_free(&r->all);
  if (r->json) json_decref(r->json);
  lxs_table_free(&r->tab);
  free(r);
}

const char *lxs_reader_name(const lxs_reader *r) { return r->name; }

void lxs_doc_name(const char *path, lxs_buf *out) {
  out->len = 0;
  if (strcmp(path, "-") == 0) {
    lxs_buf_puts(out, "stdin");
    return;
  }
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  lxs_buf_put(out, base, n);
}

static int read_error(lxs_reader *r, char *err, size_t errlen) {
  lxs_set_err(err, errlen, "%s: read error: %s", r->name, strerror(errno));
  r->error = LXS_EIO;
  return -1;
}

static int all_space(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
  return 1;
}

lxs_status lxs_reader_error(const lxs_reader *r) { return r->error; }

/* A JSON value as the text of a kept column: strings as they are, null
 * empty, numbers and booleans as written, objects and arrays as compact
 * JSON. */
static void json_cell(lxs_buf *b, json_t *v) {
  if (!v || json_is_null(v)) return;
  if (json_is_string(v)) {
    lxs_buf_put(b, json_string_value(v), json_string_length(v));
    return;
  }
  char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  if (s) lxs_buf_puts(b, s);
  free(s);
}

/* The id of a JSON record: the --id-col key (required), else "id",
 * "doc_id", "doc" or "document", else the line number. */
static int json_id(lxs_reader *r, char *err, size_t errlen) {
  static const char *const kIds[] = {"id", "doc_id", "doc", "document"};
  const char *name = r->tab.cols.id_col;
  json_t *id = name ? json_object_get(r->json, name) : NULL;
  for (size_t i = 0; !name && !id && i < sizeof kIds / sizeof *kIds; i++) {
    id = json_object_get(r->json, kIds[i]);
    if (id) name = kIds[i];
  }
  r->id.len = 0;
  if (json_is_string(id)) {
    lxs_buf_put(&r->id, json_string_value(id), json_string_length(id));
    if (memchr(json_string_value(id), '\0', json_string_length(id))) {
      /* "\u0000" would cut the id short everywhere it is a C string */
      lxs_set_err(err, errlen, "%s:%zu: NUL character in \"%s\"", r->name, r->lineno, name);
      return -1;
    }
  } else if (json_is_integer(id)) {
    lxs_buf_put_int(&r->id, (long long)json_integer_value(id));
  } else if (id && !json_is_null(id)) {
    lxs_set_err(err, errlen, "%s:%zu: \"%s\" must be a string or integer", r->name, r->lineno,
                name);
    return -1;
  } else if (r->tab.cols.id_col) {
    lxs_set_err(err, errlen, "%s:%zu: no \"%s\" in the record", r->name, r->lineno, name);
    return -1;
  } else {
    lxs_buf_put_uint(&r->id, r->lineno);
  }
  return 0;
}

static int next_json(lxs_reader *r, const char *s, size_t len, lxs_record *rec, char *err,
                     size_t errlen) {
  if (r->json) {
    json_decref(r->json);
    r->json = NULL;
  }
  json_error_t je;
  r->json = json_loadb(s, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
  if (!r->json) {
    lxs_set_err(err, errlen, "%s:%zu: invalid JSON: %s", r->name, r->lineno, je.text);
    return -1;
  }
  if (!json_is_object(r->json)) {
    lxs_set_err(err, errlen, "%s:%zu: expected a JSON object", r->name, r->lineno);
    return -1;
  }
  const char *text_key = r->tab.cols.text_col ? r->tab.cols.text_col : "text";
  json_t *text = json_object_get(r->json, text_key);
  if (!json_is_string(text)) {
    lxs_set_err(err, errlen, "%s:%zu: missing string field \"%s\"", r->name, r->lineno, text_key);
    return -1;
  }
  if (json_id(r, err, errlen)) return -1;
  rec->id = lxs_buf_cstr(&r->id);
  rec->text = json_string_value(text);
  rec->len = json_string_length(text);
  json_t *sp = json_object_get(r->json, "speaker");
  if (sp && !json_is_null(sp)) {
    if (!json_is_string(sp)) {
      lxs_set_err(err, errlen, "%s:%zu: \"speaker\" must be a string", r->name, r->lineno);
      return -1;
    }
    if (memchr(json_string_value(sp), '\0', json_string_length(sp))) {
      lxs_set_err(err, errlen, "%s:%zu: NUL character in \"speaker\"", r->name, r->lineno);
      return -1;
    }
    r->speaker.len = 0;
    lxs_buf_put(&r->speaker, json_string_value(sp), json_string_length(sp));
    rec->speaker = lxs_buf_cstr(&r->speaker);
  }
  if (r->tab.cols.nkeep) {
    lxs_table_keep_reset(&r->tab);
    for (size_t k = 0; k < r->tab.cols.nkeep; k++) {
      r->text.len = 0;
      json_cell(&r->text, json_object_get(r->json, r->tab.cols.keep[k]));
      if (r->text.len && memchr(r->text.data, '\0', r->text.len)) {
        lxs_set_err(err, errlen, "%s:%zu: NUL character in \"%s\"", r->name, r->lineno,
                    r->tab.cols.keep[k]);
        return -1;
      }
      lxs_table_keep_put(&r->tab, r->text.data ? r->text.data : "", r->text.len);
    }
    rec->keep = lxs_table_keep_values(&r->tab);
  }
  return 1;
}

static int next_text(lxs_reader *r, lxs_record *rec, char *err, size_t errlen) {
  r->done = 1;
  r->all.len = 0;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) lxs_buf_put(&r->all, chunk, n);
  if (ferror(r->f)) return read_error(r, err, errlen);
  lxs_doc_name(r->name, &r->id);
  rec->id = lxs_buf_cstr(&r->id);
  rec->text = r->all.data ? r->all.data : "";
  rec->len = r->all.len;
  rec->line = 1;
  return 1;
}

/* A TSV line without a header: id<TAB>text, the text running to the end
 * of the line. */
static int next_plain_tsv(lxs_reader *r, char *s, size_t len, lxs_record *rec, char *err,
                          size_t errlen) {
  char *tab = memchr(s, '\t', len);
  if (!tab) {
    lxs_set_err(err, errlen, "%s:%zu: expected id<TAB>text", r->name, r->lineno);
    return -1;
  }
  size_t idl = (size_t)(tab - s);
  if (idl == 0) {
    lxs_set_err(err, errlen, "%s:%zu: empty id", r->name, r->lineno);
    return -1;
  }
  if (memchr(s, '\0', idl)) { /* as in a headed table: it would cut the id */
    lxs_set_err(err, errlen, "%s:%zu: NUL byte in the id column", r->name, r->lineno);
    return -1;
  }
  r->id.len = 0;
  lxs_buf_put(&r->id, s, idl);
  rec->id = lxs_buf_cstr(&r->id);
  rec->text = tab + 1;
  rec->len = len - idl - 1;
  return 1;
}

int lxs_reader_next(lxs_reader *r, lxs_record *rec, char *err, size_t errlen) {
  r->error = LXS_EDATA; /* what a -1 means unless read_error says otherwise */
  memset(rec, 0, sizeof *rec);
  if (r->done) return 0;
  if (r->fmt == LXS_IN_TEXT) return next_text(r, rec, err, errlen);
  if (r->fmt == LXS_IN_CSV) {
    int k = lxs_table_next_csv(&r->tab, r->f, rec, err, errlen);
    if (k == 0) r->done = 1;
    if (k < 0) r->error = r->tab.error;
    return k;
  }
  for (;;) {
    errno = 0;
    ssize_t n = getline(&r->line, &r->cap, r->f);
    if (n < 0) {
      if (ferror(r->f)) return read_error(r, err, errlen);
      r->done = 1;
      return 0;
    }
    r->lineno++;
    size_t len = (size_t)n;
    if (len && r->line[len - 1] == '\n') len--;
    if (len && r->line[len - 1] == '\r') len--;
    char *s = r->line;
    if (r->lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
      s += 3;
      len -= 3;
    }
    if (all_space(s, len)) continue; /* blank lines separate nothing */
    rec->line = r->lineno;
    if (r->fmt == LXS_IN_LINES) {
      r->id.len = 0;
      lxs_buf_put_uint(&r->id, r->lineno);
      rec->id = lxs_buf_cstr(&r->id);
      rec->text = s;
      rec->len = len;
      return 1;
    }
    if (r->fmt == LXS_IN_JSONL) return next_json(r, s, len, rec, err, errlen);
    int k = lxs_table_tsv_line(&r->tab, r->lineno, s, len, rec, err, errlen);
    if (k == 2) continue; /* the header */
    if (k == 3) return next_plain_tsv(r, s, len, rec, err, errlen);
    if (k < 0) {
      r->error = r->tab.error;
      if (r->error != LXS_EDATA) r->done = 1; /* a column the header lacks */
    }
    return k;
  }
}
