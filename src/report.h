/* report.h - stage 7: the fields of tables (CSV, Markdown, JSON Lines).
 * Output files themselves are written by src/reportset.c (CLI), which
 * puts them in place whole or not at all. */
#ifndef LXS_REPORT_H
#define LXS_REPORT_H

#include <stdio.h>

#include "escape.h" /* the text fields */
#include "util.h"

/* Fixed 4-decimal number (no "-0.0000"). */
void lxs_fmt_num(lxs_buf *b, double v);

#endif
