/* input.h - stage 0: streaming document readers (text, lines, tsv, csv,
 * jsonl).  Memory is bounded by the longest record, never by the corpus.
 *
 * Tables (TSV with a header line, CSV) and JSON Lines name their columns:
 * the text, the id and the metadata columns to keep are chosen by name
 * (lxs_reader_set_columns), matched without regard to case. */
#ifndef LXS_INPUT_H
#define LXS_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "lexstance.h"
#include "util.h"

typedef enum {
  LXS_IN_TEXT,  /* the whole file is one article */
  LXS_IN_LINES, /* each non-blank line a document */
  LXS_IN_TSV,   /* id<TAB>text, or a header line naming the columns */
  LXS_IN_JSONL, /* {"id":..., "text":..., "speaker":...} */
  LXS_IN_CSV    /* RFC 4180 with a header line naming the columns */
} lxs_input_format;

int lxs_input_format_parse(const char *s, lxs_input_format *out);

typedef struct {
  const char *id; /* document id */
  const char *text;
  size_t len;
  const char *speaker;     /* jsonl "speaker" or NULL */
  size_t line;             /* line number of the record (1-based) */
  const char *const *keep; /* the kept columns' values, in the order they
                              were named ("" when a JSON record lacks one) */
} lxs_record;

/* Which columns of a table or keys of a JSON record to read.  NULL
 * names take the defaults: the text is "text"; the id is "id", "doc_id",
 * "doc" or "document" (the first present), else the record's line. */
typedef struct {
  const char *text_col;
  const char *id_col;
  const char *const *keep; /* metadata columns carried into every row */
  size_t nkeep;
} lxs_columns;

typedef struct lxs_reader lxs_reader;

/* path "-" reads standard input.  NULL with err on failure to open. */
lxs_reader *lxs_reader_open(const char *path, lxs_input_format fmt, char *err, size_t errlen);
/* 1: a record; 0: end of input; -1: error (err = "FILE:LINE: msg"),
 * whose status lxs_reader_error gives. */
int lxs_reader_next(lxs_reader *r, lxs_record *rec, char *err, size_t errlen);
/* After -1 from lxs_reader_next: LXS_EIO when the input could not be
 * read, LXS_EDATA when a record is malformed (the reader can go on to the
 * next record: --on-error skip). */
lxs_status lxs_reader_error(const lxs_reader *r);
void lxs_reader_close(lxs_reader *r);
/* Choose the columns before the first lxs_reader_next (the names are not
 * copied: they must outlive the reader).  A TSV file has a header when its
 * first line holds the text column's name, or must have one when columns
 * are named; a named column missing from the header is an error
 * "FILE:1: ..." from lxs_reader_next. */
void lxs_reader_set_columns(lxs_reader *r, const lxs_columns *cols);
/* After lxs_reader_next gave rec from a lines or TSV input, whose text
 * lies in the reader's line buffer: swap that buffer with *buf (a buffer
 * of *cap bytes from malloc, or NULL), so the caller keeps the text
 * without a copy and the reader reads on into the caller's old buffer.
 * Returns the offset of the text in the new *buf, or -1 (the buffers
 * untouched) for the other formats. */
long lxs_reader_take_line(lxs_reader *r, const lxs_record *rec, char **buf, size_t *cap);
/* Display name of the input: its path, or "-" for stdin. */
const char *lxs_reader_name(const lxs_reader *r);
/* Base name without directory and extension ("corpora/x.txt" -> "x"). */
void lxs_doc_name(const char *path, lxs_buf *out);

#endif
