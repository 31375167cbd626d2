/* input_table.h - the table side of the readers (input.c): a TSV or CSV
 * header naming the columns, the choice of the text, id and kept columns
 * by name, CSV records read with libcsv a line at a time, and the kept
 * values of a record (JSON Lines too). */
#ifndef LXS_INPUT_TABLE_H
#define LXS_INPUT_TABLE_H

#include <stdio.h>

#include "input.h"
#include "util.h"

typedef struct {
  const char *name; /* the file, for messages */
  int csv;
  lxs_columns cols;
  int state;             /* TABLE_* in input_table.c */
  size_t ncols;          /* fields of the header */
  long text_idx, id_idx; /* -1: none */
  long speaker_idx;      /* a "speaker" column, or -1 */
  long *keep_idx;
  /* the current record's fields: base + off[i], len[i] bytes */
  const char *base;
  lxs_buf cells; /* CSV: the fields, NUL-terminated */
  size_t *off, *len;
  size_t nf, capf;
  lxs_buf id, speaker;
  /* the kept values, NUL-separated, and pointers to them */
  lxs_buf keepbuf;
  size_t *keepoff;
  const char **keepv;
  size_t nkeepv, capkeep;
  /* CSV: the parser, fed one line (or one CR-ended piece) at a time */
  struct csv_parser *parser;
  char *line;
  size_t cap, linelen, pos, lineno, rec_line;
  int between, ended, eof;
  lxs_status error; /* of the last -1 */
} lxs_table;

void lxs_table_init(lxs_table *t, const char *name, int csv);
void lxs_table_free(lxs_table *t);

/* A TSV line (line number lineno, without its line end): 1 with rec
 * filled, 2 for the header line (read on), 3 when the file has no header
 * (the caller reads id<TAB>text), -1 for an error (err set; t->error is
 * LXS_EDATA for a malformed record, LXS_EINVAL for a named column the
 * header lacks). */
int lxs_table_tsv_line(lxs_table *t, size_t lineno, const char *s, size_t len, lxs_record *rec,
                       char *err, size_t errlen);
/* The next CSV record of f: 1, 0 at the end, -1 for an error as above
 * (after a malformed record the next call reads on from the next line;
 * after a malformed header, or LXS_EIO when f cannot be read, there is no
 * next record). */
int lxs_table_next_csv(lxs_table *t, FILE *f, lxs_record *rec, char *err, size_t errlen);

/* Kept values of a record from elsewhere (JSON Lines): reset, then one
 * put per kept column, in order; the values stay until the next reset. */
void lxs_table_keep_reset(lxs_table *t);
void lxs_table_keep_put(lxs_table *t, const char *s, size_t n);
const char *const *lxs_table_keep_values(lxs_table *t);

#endif
