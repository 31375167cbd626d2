/* rows.h - the rows of score, merge and compare's speakers.csv (long,
 * wide), and the evidence rows, written by the command line and by the
 * table API alike (src/rows.c). */
#ifndef LXS_ROWS_H
#define LXS_ROWS_H

#include <stdint.h>

#include "lexstance.h"
#include "util.h"

typedef enum { LXS_FMT_CSV, LXS_FMT_MD, LXS_FMT_JSONL, LXS_FMT_WIDE } lxs_rows_format;

/* The themes the rows are about, in column order (borrowed names): a
 * lexicon's (lxs_themes_of), or a partial file's (lxs_partial_themes). */
typedef struct {
  const char *const *name;
  size_t n;
} lxs_themes;
lxs_themes lxs_themes_of(const lxs_lexicon *lex);
typedef enum { LXS_UNIT_SENTENCE, LXS_UNIT_SPEAKER, LXS_UNIT_DOC } lxs_unit;

typedef struct {
  lxs_rows_format format;
  lxs_unit unit;
  unsigned bootstrap; /* resamples; 0: no intervals */
  uint64_t seed;
  double ci;                     /* confidence level */
  int sentiment_vader;           /* the neg, neu, pos, compound columns */
  const char *const *keep_names; /* the kept columns' names (lxs_keep_names) */
  size_t nkeep;
} lxs_rows_opts;

/* name made a valid R and Python identifier, appended to out: letters,
 * digits and '_' (runs of anything else become one '_'), a letter first
 * ("2020" -> "x2020"), a keyword of either language followed by '_'. */
void lxs_identifier(const char *name, lxs_buf *out);
/* The output names of kept columns: identifiers, none equal to a fixed
 * column or to another ("speaker" -> "speaker_2"); nkeep strings from
 * malloc, in an array from malloc. */
char **lxs_keep_names(const char *const *keep, size_t nkeep);

/* The header line of the rows (nothing for JSON Lines). */
void lxs_rows_header(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th);
/* The rows of one scored document: per sentence, speaker or document (the
 * unit), keep the document's kept values (o->nkeep, or NULL), a non-NULL
 * speaker_override naming every row's speaker.  With vd (VADER mode) the
 * sentiment is VADER's, computed on text[0..len). */
typedef struct lxs_vader lxs_vader;
void lxs_rows_doc(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th, const char *doc,
                  const char *const *keep, const char *speaker_override, const lxs_result *res,
                  const char *text, size_t len, lxs_vader *vd);
/* The rows' options and themes prepared once for many documents: every
 * theme's cell escaped for the format (a run of short documents writes a
 * row per theme each, and escaping the names again for each row was a
 * tenth of the row cost).  The themes' names are borrowed. */
typedef struct {
  lxs_rows_opts o;
  lxs_themes th;
  lxs_buf cells;    /* the theme cells, one after another */
  size_t *cell_end; /* theme t's cell ends at cells.data + cell_end[t] */
} lxs_row_writer;
void lxs_row_writer_init(lxs_row_writer *w, const lxs_rows_opts *o, lxs_themes th);
void lxs_row_writer_free(lxs_row_writer *w);
/* lxs_rows_doc with the writer's options and themes. */
void lxs_row_writer_doc(lxs_buf *b, const lxs_row_writer *w, const char *doc,
                        const char *const *keep, const char *speaker_override,
                        const lxs_result *res, const char *text, size_t len, lxs_vader *vd);
/* The rows of one aggregated unit (merge). */
void lxs_rows_agg(lxs_buf *b, const lxs_rows_opts *o, lxs_themes th, const char *doc,
                  const char *speaker, const lxs_agg *a);

/* Evidence rows (compare's evidence.csv): every match of a document. */
void lxs_evidence_header(lxs_buf *b);
void lxs_evidence_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc, const char *text,
                       const lxs_result *res);
/* The name of modifier bit LXS_MOD_* (1 << bit), or NULL past the last. */
const char *lxs_modifier_name(unsigned bit);

#endif
