/* chart.h - stage 7b: the comparison chart (SVG) and the self-contained
 * HTML report. */
#ifndef LXS_CHART_H
#define LXS_CHART_H

#include "escape.h" /* lxs_html_escape */
#include "lexstance.h"
#include "util.h"

typedef struct {
  const char *name;
  const char *description;
  const lxs_agg *agg;
  const lxs_interval *stance_ci;   /* per theme */
} lxs_chart_row;

/* Dot-and-whisker chart: speakers as rows, themes as panels; dot at the
 * stance, whisker over its interval, dot area by salience. */
void lxs_chart_svg(lxs_buf *out, const lxs_lexicon *lex,
                   const lxs_chart_row *rows, size_t nrows, double level);


#endif
