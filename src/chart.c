/* chart.c - the comparison as an SVG dot-and-whisker chart
 * (comparison.h): speakers as rows, themes as panels; a dot at the
 * stance, a whisker over its interval, dot area by salience.  Plain text
 * with fixed number formatting, so the same input gives the same bytes. */
#include "comparison.h"

#include <math.h>
#include <string.h>

#include "escape.h"

#define LABEL_W 190.0
#define PANEL_W 230.0
#define PANEL_GAP 36.0
#define ROW_H 34.0
#define TOP 64.0

static double xpos(size_t panel, double v) {
  if (v < -1) v = -1;
  if (v > 1) v = 1;
  return LABEL_W + (double)panel * (PANEL_W + PANEL_GAP) + (v + 1) / 2 * PANEL_W;
}

void lxs_compare_svg(lxs_buf *o, const lxs_comparison *c) {
  const lxs_lexicon *lex = c->lex;
  size_t nth = c->n_themes;
  double level = c->opts.level;
  size_t nrows = 0;
  for (size_t i = 0; i < c->n_speakers; i++) nrows += lxs_cmp_is_speaker(&c->speakers[i]);
  double width = LABEL_W + (double)nth * (PANEL_W + PANEL_GAP) + 10;
  double height = TOP + (double)nrows * ROW_H + 60;
  lxs_buf_printf(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                 "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                 "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" "
                 "role=\"img\">\n",
                 width, height, width, height);
  lxs_buf_printf(o, "<title>Stance by speaker and theme (dot: mean stance; "
                    "whisker: %.0f%% bootstrap interval; dot size: salience)</title>\n",
                 level * 100);
  lxs_buf_printf(o, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                 width, height);
  lxs_buf_printf(o, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
                    "Stance by speaker (-1 opposes, +1 favours); whiskers: %.0f%% "
                    "interval; dot area: salience</text>\n",
                 level * 100);
  for (size_t t = 0; t < nth; t++) {
    double x0 = xpos(t, -1), x1 = xpos(t, 1), xm = xpos(t, 0);
    double ybot = TOP + (double)nrows * ROW_H;
    lxs_buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                      "font-weight=\"bold\">",
                   xm, TOP - 22);
    const char *tn = lxs_lexicon_theme_name(lex, t);
    lxs_html_escape(o, tn, strlen(tn));
    lxs_buf_puts(o, "</text>\n");
    lxs_buf_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                      "fill=\"#f6f7f9\" stroke=\"#c8ccd2\"/>\n",
                   x0, TOP - 10, x1 - x0, ybot - TOP + 10);
    for (int g = -2; g <= 2; g++) {
      double x = xpos(t, g / 2.0);
      lxs_buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        "stroke=\"%s\" stroke-width=\"%s\"/>\n",
                     x, TOP - 10, x, ybot, g == 0 ? "#555555" : "#dde0e4",
                     g == 0 ? "1.2" : "1");
      lxs_buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                        "font-size=\"10\" fill=\"#555555\">%+.1f</text>\n",
                     x, ybot + 14, g / 2.0);
    }
  }
  for (size_t i = 0, r = 0; i < c->n_speakers; i++) {
    const lxs_cmp_speaker *sp = &c->speakers[i];
    if (!lxs_cmp_is_speaker(sp)) continue;
    double y = TOP + (double)r++ * ROW_H + ROW_H / 2;
    lxs_buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                   LABEL_W - 12, y + 4);
    lxs_html_escape(o, sp->label, strlen(sp->label));
    lxs_buf_puts(o, "</text>\n");
    for (size_t t = 0; t < nth; t++) {
      int present;
      double st = lxs_agg_stance(&sp->agg, t, &present);
      if (!present) {
        lxs_buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                          "fill=\"#999999\" font-size=\"10\">not mentioned</text>\n",
                       xpos(t, 0), y + 4);
        continue;
      }
      const lxs_interval *ci = &sp->stance_ci[t];
      if (ci->ok) {
        double a = xpos(t, ci->lo), b = xpos(t, ci->hi);
        lxs_buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                          "stroke=\"#2b5d9b\" stroke-width=\"2\"/>\n",
                       a, y, b, y);
        lxs_buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                          "stroke=\"#2b5d9b\" stroke-width=\"2\"/>\n",
                       a, y - 5, a, y + 5);
        lxs_buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                          "stroke=\"#2b5d9b\" stroke-width=\"2\"/>\n",
                       b, y - 5, b, y + 5);
      }
      double sal = lxs_agg_salience(&sp->agg, t);
      double rad = 3 + 1.6 * sqrt(sal > 100 ? 100 : sal);
      lxs_buf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
                        "fill=\"%s\" fill-opacity=\"0.85\" stroke=\"#1d3557\">"
                        "<title>",
                     xpos(t, st), y, rad, st >= 0 ? "#3a86c8" : "#d1495b");
      lxs_html_escape(o, sp->label, strlen(sp->label));
      lxs_buf_printf(o, ": stance %+.2f", st);
      if (ci->ok) lxs_buf_printf(o, " [%+.2f, %+.2f]", ci->lo, ci->hi);
      lxs_buf_printf(o, ", salience %.1f per 1,000 words, %u mentions</title></circle>\n",
                     sal, sp->agg.mentions[t]);
    }
  }
  lxs_buf_puts(o, "</svg>\n");
}
