/* report.h - stage 7: the fields of tables (CSV, Markdown, JSON Lines).
 * Output files themselves are written by src/reportset.c (CLI), which
 * puts them in place whole or not at all. */
#ifndef LXS_REPORT_H
#define LXS_REPORT_H

#include <stdio.h>

#include "util.h"

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
