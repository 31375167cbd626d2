/* report.h - stage 7: writing tables (CSV, Markdown, JSON Lines) safely.
 * Files are written to a temporary name beside the target and renamed
 * into place only when complete, so a failed or interrupted run never
 * leaves a truncated report or clobbers an existing one. */
#ifndef LXS_REPORT_H
#define LXS_REPORT_H

#include <stdio.h>

#include "util.h"

typedef struct lxs_out lxs_out;

/* Open path for atomic writing ("-" or NULL means standard output). */
lxs_out *lxs_out_open(const char *path, char *err, size_t errlen);
FILE *lxs_out_file(lxs_out *o);
/* Flush, close and rename into place; returns 0 or -1 with err set. */
int lxs_out_commit(lxs_out *o, char *err, size_t errlen);
/* Discard: remove the temporary file. Accepts NULL. */
void lxs_out_abort(lxs_out *o);
/* Remove every temporary file still open (for signal handlers). */
void lxs_out_cleanup_all(void);
/* Install SIGINT/SIGTERM/SIGHUP handlers that remove temporaries and exit
 * with status 130 (or 128+signal). */
void lxs_out_install_signal_handlers(void);

/* RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
void lxs_csv_field(lxs_buf *b, const char *s, size_t n);
void lxs_csv_str(lxs_buf *b, const char *s);
/* Fixed 4-decimal number (no "-0.0000"). */
void lxs_fmt_num(lxs_buf *b, double v);
/* JSON string with escapes; invalid UTF-8 written as U+FFFD. */
void lxs_json_str(lxs_buf *b, const char *s, size_t n);
/* Markdown table cell: pipes and newlines escaped. */
void lxs_md_cell(lxs_buf *b, const char *s);

#endif
