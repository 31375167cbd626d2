/* labels.h - hand codes for `lexstance validate`: labelled sentences and
 * per-speaker stance judgements, read from TSV or CSV files with a header.
 *
 * A labels file names its columns in its first line (case-insensitive):
 *   - the document: file, doc, doc_id, document or id (the first present
 *     in this order); optional, but context mode needs it;
 *   - the sentence: sentence or text (required);
 *   - the holder of the view: speaker (optional; "author" is the writer);
 *   - one column per theme, named as the lexicon's theme id, holding 1,
 *     +1, 0, -1, or blank / NA when the sentence does not name the theme;
 *   - any other column is ignored.
 * TSV is unquoted (a field holds no tab or newline); CSV follows RFC 4180
 * (read with libcsv).  A UTF-8 byte-order mark is skipped, CRLF accepted.
 * Every malformed record is an error "FILE:LINE: message". */
#ifndef LXS_LABELS_H
#define LXS_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "lexstance.h"

/* A gold value: -1, 0, 1, or this when the label does not name the theme. */
#define LXS_GOLD_ABSENT 2

typedef enum { LXS_TABLE_AUTO, LXS_TABLE_TSV, LXS_TABLE_CSV } lxs_table_format;

/* "tsv", "csv" -> format; returns -1 for anything else. */
int lxs_table_format_parse(const char *s, lxs_table_format *out);

typedef struct {
  char *file;    /* document column ("" when there is none) */
  char *speaker; /* view holder ("" when there is no speaker column) */
  char *sentence;
  int8_t *gold;       /* per lexicon theme: -1, 0, 1 or LXS_GOLD_ABSENT */
  unsigned long line; /* line of the record in the labels file */
} lxs_label_row;

typedef struct {
  lxs_label_row *rows;
  size_t n, cap;
  size_t n_themes;          /* the lexicon's themes */
  unsigned char *has_theme; /* per lexicon theme: a column names it */
  int has_file, has_speaker;
} lxs_labels;

/* Reads labels for the themes of lex.  LXS_TABLE_AUTO picks CSV for a ".csv"
 * name, TSV for ".tsv"/".tab", else TSV when the header holds a tab.
 * Returns LXS_OK, LXS_EDATA (err "FILE:LINE: message") or LXS_EIO. */
int lxs_labels_read(lxs_labels *L, const char *path, lxs_table_format fmt, const lxs_lexicon *lex,
                    char *err, size_t errlen);
int lxs_labels_read_buffer(lxs_labels *L, const char *name, const char *data, size_t len,
                           lxs_table_format fmt, const lxs_lexicon *lex, char *err, size_t errlen);
void lxs_labels_free(lxs_labels *L);

/* Per-speaker judgements (like stance-real/speakers.tsv): columns file and
 * speaker, and one column per theme holding a value in [-1, 1] or blank
 * (the speaker is silent on the theme).  Other columns are ignored. */
typedef struct {
  char *file, *speaker;
  double *value;      /* per lexicon theme */
  unsigned char *has; /* per lexicon theme: a value is given */
  unsigned long line;
} lxs_speaker_label;

typedef struct {
  lxs_speaker_label *rows;
  size_t n, cap;
  size_t n_themes;
  unsigned char *has_theme;
} lxs_speaker_labels;

int lxs_speaker_labels_read(lxs_speaker_labels *S, const char *path, lxs_table_format fmt,
                            const lxs_lexicon *lex, char *err, size_t errlen);
int lxs_speaker_labels_read_buffer(lxs_speaker_labels *S, const char *name, const char *data,
                                   size_t len, lxs_table_format fmt, const lxs_lexicon *lex,
                                   char *err, size_t errlen);
void lxs_speaker_labels_free(lxs_speaker_labels *S);

#endif
