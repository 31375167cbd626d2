/* chart.c - the comparison as an SVG dot-and-whisker chart
 * (comparison.h): speakers as rows, themes as panels; a dot at the
 * stance, a whisker over its interval (drawn over the dot, so a small
 * speaker's interval shows), dot area by salience.  A dot is coloured only
 * when its interval excludes 0: a stance of -0.04 whose interval spans 0
 * is grey, not "against".  The label column is as wide as the longest
 * name (cut with an ellipsis past LABEL_MAX_CP characters; the dot's
 * tooltip has the whole name), and a row keyed by article shows the
 * article on a second line.  Plain text with fixed number formatting, so
 * the same input gives the same bytes. */
#include "comparison.h"

#include <math.h>
#include <string.h>

#include "escape.h"
#include "utf8.h"

#define PANEL_W 230.0
#define PANEL_GAP 36.0
#define ROW_H 38.0
#define TOP 132.0       /* title and legend above the panels */
#define CHAR_W 7.2      /* average advance of DejaVu Sans at 12px */
#define SMALL_W 6.0     /* ... at 10px */
#define LABEL_MAX_CP 40 /* longer names and article names are cut */
#define MIN_WIDTH 720.0 /* the legend's width */

#define FAVOURS "#2f6db5"
#define OPPOSES "#d95f02"
#define NEUTRAL "#b3b9c1"
#define INK "#1a1a1a"

typedef struct {
  double label_w; /* the label column, margin included */
  double width, height;
  size_t nrows;
} layout;

static size_t cp_count(const char *s) {
  size_t n = 0, len = strlen(s);
  for (size_t i = 0; i < len; n++) {
    int32_t cp;
    i += lxs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
  }
  return n;
}

/* s, escaped, cut after max code points with an ellipsis. */
static void cut_text(lxs_buf *o, const char *s, size_t max) {
  size_t len = strlen(s), i = 0;
  for (size_t n = 0; i < len && n < max; n++) {
    int32_t cp;
    i += lxs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
  }
  lxs_html_escape(o, s, i);
  if (i < len) lxs_buf_puts(o, "\xe2\x80\xa6");
}

static double text_w(const char *s, double char_w) {
  size_t n = cp_count(s);
  return (double)(n > LABEL_MAX_CP ? LABEL_MAX_CP + 1 : n) * char_w;
}

static void plan(layout *L, const lxs_comparison *c) {
  double w = 60;
  L->nrows = 0;
  for (size_t i = 0; i < c->n_speakers; i++) {
    const lxs_cmp_speaker *sp = &c->speakers[i];
    if (!lxs_cmp_is_speaker(sp)) continue;
    L->nrows++;
    double lw = text_w(sp->keyed ? sp->name : sp->label, CHAR_W);
    if (lw > w) w = lw;
    if (sp->keyed && text_w(sp->article, SMALL_W) > w) w = text_w(sp->article, SMALL_W);
  }
  L->label_w = ceil(w) + 24;
  L->width = L->label_w + (double)c->n_themes * (PANEL_W + PANEL_GAP) + 10;
  if (L->width < MIN_WIDTH) L->width = MIN_WIDTH;
  L->height = TOP + (double)L->nrows * ROW_H + 56;
}

static double xpos(const layout *L, size_t panel, double v) {
  if (v < -1) v = -1;
  if (v > 1) v = 1;
  return L->label_w + (double)panel * (PANEL_W + PANEL_GAP) + (v + 1) / 2 * PANEL_W;
}

static double radius(double salience) { return 3 + 1.6 * sqrt(salience > 100 ? 100 : salience); }

static void swatch(lxs_buf *o, double x, double y, const char *fill, const char *text) {
  lxs_buf_printf(o,
                 "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#ffffff\"/>"
                 "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                 x, y, fill, x + 11, y + 4, text);
}

/* What a colour, a whisker and a dot's size mean. */
static void legend(lxs_buf *o, double level) {
  double y = 48;
  swatch(o, 16, y, FAVOURS, "favours: interval above 0");
  swatch(o, 206, y, OPPOSES, "opposes: interval below 0");
  swatch(o, 396, y, NEUTRAL, "interval includes 0, or none");
  lxs_buf_printf(o,
                 "<line x1=\"598\" y1=\"%.1f\" x2=\"626\" y2=\"%.1f\" stroke=\"" INK
                 "\" stroke-width=\"1.6\"/><text x=\"634\" y=\"%.1f\">%.0f%% interval</text>\n",
                 y, y, y + 4, level * 100);
  y = 88;
  lxs_buf_printf(
      o, "<text x=\"10\" y=\"%.1f\">dot area: salience (mentions per 1,000 words)</text>\n", y + 4);
  static const double sizes[] = {1, 10, 50};
  double x = 318;
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    double r = radius(sizes[k]);
    lxs_buf_printf(
        o,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"" NEUTRAL "\" "
        "fill-opacity=\"0.8\" stroke=\"#ffffff\"/><text x=\"%.1f\" y=\"%.1f\">%.0f</text>\n",
        x + r, y, r, x + 2 * r + 5, y + 4, sizes[k]);
    x += 2 * r + 40;
  }
}

/* Each theme's panel: its name, grid, ticks and axis title. */
static void panels(lxs_buf *o, const layout *L, const lxs_comparison *c) {
  double ybot = TOP + (double)L->nrows * ROW_H;
  for (size_t t = 0; t < c->n_themes; t++) {
    double x0 = xpos(L, t, -1), x1 = xpos(L, t, 1), xm = xpos(L, t, 0);
    lxs_buf_printf(o,
                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                   "font-weight=\"bold\">",
                   xm, TOP - 16);
    const char *tn = lxs_lexicon_theme_name(c->lex, t);
    lxs_html_escape(o, tn, strlen(tn));
    lxs_buf_puts(o, "</text>\n");
    lxs_buf_printf(o,
                   "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "fill=\"#f6f7f9\" stroke=\"#c8ccd2\"/>\n",
                   x0, TOP - 6, x1 - x0, ybot - TOP + 6);
    for (int g = -2; g <= 2; g++) {
      double x = xpos(L, t, g / 2.0);
      lxs_buf_printf(o,
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                     "stroke=\"%s\" stroke-width=\"%s\"/>\n",
                     x, TOP - 6, x, ybot, g == 0 ? "#555555" : "#dde0e4", g == 0 ? "1.2" : "1");
      lxs_buf_printf(o,
                     "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                     "font-size=\"10\" fill=\"#555555\">%+.1f</text>\n",
                     x, ybot + 14, g / 2.0);
    }
    lxs_buf_printf(o,
                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" "
                   "fill=\"#333333\">stance (-1 opposes, +1 favours)</text>\n",
                   xm, ybot + 32);
  }
}

/* A row's label: the name; a row keyed by article has the article below. */
static void row_label(lxs_buf *o, const layout *L, const lxs_cmp_speaker *sp, double y) {
  lxs_buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", L->label_w - 12,
                 sp->keyed ? y - 1 : y + 4);
  cut_text(o, sp->keyed ? sp->name : sp->label, LABEL_MAX_CP);
  lxs_buf_puts(o, "</text>\n");
  if (!sp->keyed) return;
  lxs_buf_printf(o,
                 "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\" "
                 "fill=\"#666666\">",
                 L->label_w - 12, y + 12);
  cut_text(o, sp->article, LABEL_MAX_CP);
  lxs_buf_puts(o, "</text>\n");
}

static void whisker(lxs_buf *o, double a, double b, double y) {
  lxs_buf_printf(o,
                 "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
                 "stroke=\"" INK "\" stroke-width=\"1.6\" fill=\"none\"/>\n",
                 a, y, b, a, y - 5, y + 5, b, y - 5, y + 5);
}

/* Speaker sp's dot on theme t, its tooltip, and its whisker over it. */
static void dot(lxs_buf *o, const layout *L, const lxs_cmp_speaker *sp, size_t t, double y) {
  int present;
  double st = lxs_agg_stance(&sp->agg, t, &present);
  if (!present) {
    lxs_buf_printf(o,
                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                   "fill=\"#999999\" font-size=\"10\">not mentioned</text>\n",
                   xpos(L, t, 0), y + 4);
    return;
  }
  const lxs_interval *ci = &sp->stance_ci[t];
  const char *fill = !ci->ok ? NEUTRAL : ci->lo > 0 ? FAVOURS : ci->hi < 0 ? OPPOSES : NEUTRAL;
  double sal = lxs_agg_salience(&sp->agg, t);
  lxs_buf_printf(o,
                 "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
                 "fill-opacity=\"0.8\" stroke=\"#ffffff\"><title>",
                 xpos(L, t, st), y, radius(sal), fill);
  lxs_html_escape(o, sp->label, strlen(sp->label));
  lxs_buf_printf(o, ": stance %+.2f", st);
  if (ci->ok) lxs_buf_printf(o, " [%+.2f, %+.2f]", ci->lo, ci->hi);
  lxs_buf_printf(o, ", salience %.1f per 1,000 words, %u mentions</title></circle>\n", sal,
                 sp->agg.mentions[t]);
  if (ci->ok) whisker(o, xpos(L, t, ci->lo), xpos(L, t, ci->hi), y);
  /* the stance itself, visible through a whisker that covers the dot */
  lxs_buf_printf(o, "<path d=\"M%.1f %.1fV%.1f\" stroke=\"" INK "\" stroke-width=\"1.6\"/>\n",
                 xpos(L, t, st), y - 3, y + 3);
}

void lxs_compare_svg(lxs_buf *o, const lxs_comparison *c) {
  layout L;
  plan(&L, c);
  lxs_buf_printf(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                 "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                 "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" "
                 "role=\"img\">\n",
                 L.width, L.height, L.width, L.height);
  lxs_buf_printf(o,
                 "<title>Stance by speaker and theme (dot: mean stance; "
                 "whisker: %.0f%% bootstrap interval; dot area: salience)</title>\n",
                 c->opts.level * 100);
  lxs_buf_printf(o, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", L.width, L.height);
  lxs_buf_puts(o, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">"
                  "Stance by speaker and theme</text>\n");
  legend(o, c->opts.level);
  panels(o, &L, c);
  for (size_t i = 0, r = 0; i < c->n_speakers; i++) {
    const lxs_cmp_speaker *sp = &c->speakers[i];
    if (!lxs_cmp_is_speaker(sp)) continue;
    double y = TOP + (double)r++ * ROW_H + ROW_H / 2;
    row_label(o, &L, sp, y);
    for (size_t t = 0; t < c->n_themes; t++) dot(o, &L, sp, t, y);
  }
  lxs_buf_puts(o, "</svg>\n");
}
