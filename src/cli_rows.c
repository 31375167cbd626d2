/* cli_rows.c - the command line's side of the rows (src/rows.c): its
 * options as the row writers take them. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

_Static_assert((int)UNIT_SENTENCE == (int)LXS_UNIT_SENTENCE &&
                   (int)UNIT_SPEAKER == (int)LXS_UNIT_SPEAKER && (int)UNIT_DOC == (int)LXS_UNIT_DOC,
               "cli_unit and lxs_unit agree");
_Static_assert((int)FMT_CSV == (int)LXS_FMT_CSV && (int)FMT_MD == (int)LXS_FMT_MD &&
                   (int)FMT_JSONL == (int)LXS_FMT_JSONL && (int)FMT_WIDE == (int)LXS_FMT_WIDE,
               "cli_format and lxs_rows_format agree");

static lxs_rows_opts rows_opts(const cli_opts *o) {
  return (lxs_rows_opts){(lxs_rows_format)o->format,
                         (lxs_unit)o->unit,
                         o->bootstrap,
                         o->seed,
                         o->ci,
                         o->sentiment_vader,
                         (const char *const *)o->keep_names,
                         o->nkeep};
}

void cli_header(lxs_buf *b, const cli_opts *o, lxs_themes th) {
  lxs_rows_opts r = rows_opts(o);
  lxs_rows_header(b, &r, th);
}

void cli_doc_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex, const char *doc,
                  const char *speaker_override, const lxs_result *res) {
  lxs_rows_opts r = rows_opts(o);
  lxs_rows_doc(b, &r, lxs_themes_of(lex), doc, NULL, speaker_override, res, NULL, 0, NULL);
}

void cli_row_writer_init(lxs_row_writer *w, const cli_opts *o, const lxs_lexicon *lex) {
  lxs_rows_opts r = rows_opts(o);
  lxs_row_writer_init(w, &r, lxs_themes_of(lex));
}

void cli_agg_rows(lxs_buf *b, const cli_opts *o, lxs_themes th, const char *doc,
                  const char *speaker, const lxs_agg *a) {
  lxs_rows_opts r = rows_opts(o);
  lxs_rows_agg(b, &r, th, doc, speaker, a);
}
