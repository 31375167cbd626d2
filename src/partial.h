/* partial.h - mergeable results.  A partial file holds, per document and
 * speaker, the sufficient statistics of every theme; `lexstance merge`
 * combines any number of them into the report one run over all the input
 * gives.  Format (UTF-8 text, LF):
 *
 *   #lexstance-partial 1
 *   #themes<TAB>theme1<TAB>theme2...
 *   U<TAB>speaker<TAB>doc<TAB>tokens<TAB>sentences<TAB>sentiment_sum<TAB>
 *     sentiment_n{<TAB>mentions<TAB>stance_sum<TAB>stance_sumsq<TAB>stance_n}
 *     (one group per theme, in header order; sums printed with %.17g so
 *     they read back exactly)
 *
 * Several partials may follow each other in one file (shards written to
 * one pipe); each repeats the header, with the same themes.  The writer
 * and the reader are both here, so they cannot drift apart.
 */
#ifndef LXS_PARTIAL_H
#define LXS_PARTIAL_H

#include <stdint.h>
#include <stdio.h>

#include "lexstance.h"
#include "rows.h" /* lxs_themes */
#include "util.h"

void lxs_partial_header(lxs_buf *b, const lxs_lexicon *lex);
void lxs_partial_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                      const char *speaker_override, const lxs_result *res);

/* ---- reading ------------------------------------------------------------- */

/* Counts in a record are whole numbers from 0 to this (the aggregates keep
 * per-document counts in 32 bits). */
#define LXS_PARTIAL_COUNT_MAX 4294967295u

/* One record.  speaker and doc point into the parsed line (not
 * NUL-terminated); the arrays are the caller's, n_themes entries each. */
typedef struct {
  const char *speaker, *doc;
  size_t speaker_len, doc_len;
  uint32_t tokens, sentences, sentiment_n;
  double sentiment_sum;
  uint32_t *mentions, *stance_n;
  double *stance_sum, *stance_sumsq;
} lxs_partial_rec;

typedef struct lxs_partial_reader lxs_partial_reader;

lxs_partial_reader *lxs_partial_reader_new(void);
void lxs_partial_reader_free(lxs_partial_reader *r); /* accepts NULL */
/* The themes of the first file read; every later one must list the same. */
size_t lxs_partial_theme_count(const lxs_partial_reader *r);
const char *lxs_partial_theme(const lxs_partial_reader *r, size_t t);
/* The same as the rows take them (merge's header and rows). */
lxs_themes lxs_partial_themes(const lxs_partial_reader *r);

/* Reads one partial file from f (name is used in messages) and calls
 * on_record with every record line, after checking all of it: its field
 * count, that every count is a whole number in range, every sum a finite
 * number no larger in magnitude than its count allows.  An empty file, a
 * record before the header, a missing #themes line or a last line without
 * its line end (a truncated file) are errors.  on_record returns 0 to go
 * on.  Returns LXS_OK, LXS_EDATA with err "NAME:LINE: message" (or
 * "NAME: message"), or LXS_EIO with "NAME: read error: reason". */
int lxs_partial_read(lxs_partial_reader *r, FILE *f, const char *name,
                     int (*on_record)(void *ud, const char *line, size_t len), void *ud, char *err,
                     size_t errlen);

/* Parses one record line (without its line end) of the reader's themes
 * into rec, whose arrays have lxs_partial_theme_count(r) entries; 0, or -1
 * with err = the message (no file or line).  Lines given to on_record
 * always parse. */
int lxs_partial_parse(const lxs_partial_reader *r, const char *line, size_t len,
                      lxs_partial_rec *rec, char *err, size_t errlen);

#endif
