/* input.h - stage 0: streaming document readers (text, lines, tsv, jsonl).
 * Memory is bounded by the longest record, never by the corpus. */
#ifndef LXS_INPUT_H
#define LXS_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "lexstance.h"
#include "util.h"

typedef enum {
  LXS_IN_TEXT,   /* the whole file is one article */
  LXS_IN_LINES,  /* each non-blank line a document */
  LXS_IN_TSV,    /* id<TAB>text */
  LXS_IN_JSONL   /* {"id":..., "text":..., "speaker":...} */
} lxs_input_format;

int lxs_input_format_parse(const char *s, lxs_input_format *out);

typedef struct {
  const char *id;        /* document id */
  const char *text;
  size_t len;
  const char *speaker;   /* jsonl "speaker" or NULL */
  size_t line;           /* line number of the record (1-based) */
} lxs_record;

typedef struct lxs_reader lxs_reader;

/* path "-" reads standard input.  NULL with err on failure to open. */
lxs_reader *lxs_reader_open(const char *path, lxs_input_format fmt,
                            char *err, size_t errlen);
/* 1: a record; 0: end of input; -1: error (err = "FILE:LINE: msg"),
 * whose status lxs_reader_error gives. */
int lxs_reader_next(lxs_reader *r, lxs_record *rec, char *err, size_t errlen);
/* After -1 from lxs_reader_next: LXS_EIO when the input could not be
 * read, LXS_EDATA when a record is malformed (the reader can go on to the
 * next record: --on-error skip). */
lxs_status lxs_reader_error(const lxs_reader *r);
void lxs_reader_close(lxs_reader *r);
/* After lxs_reader_next gave rec from a lines or TSV input, whose text
 * lies in the reader's line buffer: swap that buffer with *buf (a buffer
 * of *cap bytes from malloc, or NULL), so the caller keeps the text
 * without a copy and the reader reads on into the caller's old buffer.
 * Returns the offset of the text in the new *buf, or -1 (the buffers
 * untouched) for the other formats. */
long lxs_reader_take_line(lxs_reader *r, const lxs_record *rec, char **buf,
                          size_t *cap);
/* Display name of the input: its path, or "-" for stdin. */
const char *lxs_reader_name(const lxs_reader *r);
/* Base name without directory and extension ("corpora/x.txt" -> "x"). */
void lxs_doc_name(const char *path, lxs_buf *out);

#endif
