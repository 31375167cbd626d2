/* compare_html.c - the comparison as one self-contained HTML page
 * (comparison.h): the table, the chart (chart.c), the differences, the
 * evidence with each match highlighted in its sentence, and the lexicons.
 * Every text from the input goes through lxs_html_escape. */
#include <math.h>
#include <string.h>

#include "comparison.h"
#include "lexicon.h" /* lxs_lexicon_source */
#include "rows.h"    /* lxs_modifier_name */

static void esc(lxs_buf *b, const char *s) { lxs_html_escape(b, s, strlen(s)); }

static void head(lxs_buf *b, const lxs_comparison *c, int pct) {
  lxs_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<title>lexstance comparison</title>\n<style>\n"
                  "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222;"
                  "max-width:1200px}\n"
                  "table{border-collapse:collapse;margin:1em 0}\n"
                  "th,td{border:1px solid #ccd;padding:4px 8px;vertical-align:top}\n"
                  "th{background:#eef1f5}td.num{text-align:right;"
                  "font-variant-numeric:tabular-nums}\n"
                  "mark{background:#ffe08a}\n.small{font-size:85%;color:#555}\n"
                  "</style>\n</head>\n<body>\n<h1>Speaker comparison</h1>\n<p class=\"small\">");
  for (size_t i = 0; i < c->n_inputs; i++) {
    if (i) lxs_buf_puts(b, ", ");
    esc(b, c->inputs[i]);
  }
  lxs_buf_printf(b, " &mdash; stance in [-1, +1] (codebook sign convention), %d%% "
                    "bootstrap intervals (%u resamples, seed %llu).</p>\n",
                 pct, c->opts.bootstrap, (unsigned long long)c->opts.seed);
}

static void stance_cell(lxs_buf *b, const lxs_cmp_speaker *s, size_t t) {
  int present;
  lxs_agg_stance(&s->agg, t, &present);
  lxs_buf_puts(b, "<td class=\"num\">");
  if (present) {
    lxs_cmp_stance(b, s, t);
    lxs_buf_printf(b, "<br><span class=\"small\">%.1f/1k, n=%u</span>",
                   lxs_agg_salience(&s->agg, t), s->agg.mentions[t]);
  } else {
    lxs_buf_puts(b, "&ndash;");
  }
  lxs_buf_puts(b, "</td>");
}

static void table(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "<h2>Table</h2>\n<table>\n<tr><th>speaker</th><th>description</th>");
  for (size_t t = 0; t < c->n_themes; t++) {
    lxs_buf_puts(b, "<th>");
    esc(b, lxs_lexicon_theme_name(c->lex, t));
    lxs_buf_puts(b, "</th>");
  }
  lxs_buf_puts(b, "<th>sentiment</th></tr>\n");
  for (size_t i = 0; i < c->n_speakers; i++) {
    const lxs_cmp_speaker *s = &c->speakers[i];
    if (!lxs_cmp_is_speaker(s)) continue;
    lxs_buf_puts(b, "<tr><td>");
    esc(b, s->label);
    lxs_buf_puts(b, "</td><td class=\"small\">");
    esc(b, s->description);
    lxs_buf_puts(b, "</td>");
    for (size_t t = 0; t < c->n_themes; t++) stance_cell(b, s, t);
    lxs_buf_puts(b, "<td class=\"num\">");
    lxs_cmp_signed(b, lxs_agg_sentiment(&s->agg));
    lxs_buf_puts(b, "</td></tr>\n");
  }
  lxs_buf_puts(b, "</table>\n");
}

static void differences(lxs_buf *b, const lxs_comparison *c, int pct) {
  lxs_buf_printf(b, "<h2>Differences</h2>\n<p>%zu of %zu speaker pairs cannot be "
                    "told apart on a theme: a pair is told apart only when the %d%% "
                    "interval of the difference excludes 0 and the permutation test "
                    "gives p &lt; %.2f.</p>\n<table>\n<tr><th>theme</th><th>pair</th>"
                    "<th>difference</th><th>%d%% interval</th><th>p</th>"
                    "<th>distinguishable</th></tr>\n",
                 c->n_undistinguishable, c->n_pairs, pct, 1 - c->opts.level, pct);
  for (size_t k = 0; k < c->n_pairs; k++) {
    const lxs_cmp_pair *p = &c->pairs[k];
    lxs_buf_puts(b, "<tr><td>");
    esc(b, lxs_lexicon_theme_name(c->lex, p->theme));
    lxs_buf_puts(b, "</td><td>");
    esc(b, c->speakers[p->a].label);
    lxs_buf_puts(b, " &ndash; ");
    esc(b, c->speakers[p->b].label);
    lxs_buf_puts(b, "</td><td class=\"num\">");
    lxs_cmp_signed(b, p->difference);
    lxs_buf_puts(b, "</td><td class=\"num\">[");
    lxs_cmp_signed(b, p->ci.lo);
    lxs_buf_puts(b, ", ");
    lxs_cmp_signed(b, p->ci.hi);
    lxs_buf_printf(b, "]</td><td class=\"num\">%.3f</td><td>%s", p->p_value,
                   p->distinguishable ? "yes" : "no &mdash; ");
    if (!p->distinguishable) lxs_cmp_why_not_apart(b, c, p, "&ge;");
    lxs_buf_puts(b, "</td></tr>\n");
  }
  lxs_buf_puts(b, "</table>\n");
}

static void evidence(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "<h2>Evidence</h2>\n<table>\n<tr><th>speaker</th>"
                  "<th>theme</th><th>sentence (match highlighted)</th><th>rule</th>"
                  "<th>contribution</th></tr>\n");
  for (size_t k = 0; k < c->n_evidence; k++) {
    const lxs_cmp_evidence *e = &c->evidence[k];
    lxs_buf_puts(b, "<tr><td>");
    esc(b, e->speaker);
    lxs_buf_puts(b, "</td><td>");
    esc(b, lxs_lexicon_theme_name(c->lex, e->theme));
    lxs_buf_puts(b, "</td><td>");
    lxs_html_escape(b, e->text, e->match_start);
    lxs_buf_puts(b, "<mark>");
    lxs_html_escape(b, e->text + e->match_start, e->match_end - e->match_start);
    lxs_buf_puts(b, "</mark>");
    esc(b, e->text + e->match_end);
    lxs_buf_puts(b, "</td><td>");
    esc(b, e->role);
    for (unsigned m = 0; lxs_modifier_name(m); m++)
      if (e->modifiers & (1u << m)) {
        lxs_buf_puts(b, ", ");
        lxs_buf_puts(b, lxs_modifier_name(m));
      }
    lxs_buf_puts(b, "</td><td class=\"num\">");
    lxs_cmp_signed(b, e->contribution);
    lxs_buf_puts(b, "</td></tr>\n");
  }
  lxs_buf_puts(b, "</table>\n");
}

static void lexicons(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "<h2>Lexicons</h2>\n<table>\n<tr><th>name</th><th>format</th>"
                  "<th>entries</th><th>sha256</th></tr>\n");
  for (size_t l = 0; l < lxs_lexicon_source_count(c->lex); l++) {
    const lxs_source *so = lxs_lexicon_source(c->lex, l);
    lxs_buf_puts(b, "<tr><td>");
    esc(b, so->name);
    lxs_buf_printf(b, "</td><td>%s</td><td class=\"num\">%zu</td><td class=\"small\">%s</td></tr>\n",
                   so->format, so->entries, so->sha256);
  }
  lxs_buf_puts(b, "</table>\n");
}

void lxs_compare_html(lxs_buf *b, const lxs_comparison *c) {
  int pct = (int)lround(c->opts.level * 100);
  head(b, c, pct);
  table(b, c);
  lxs_buf_puts(b, "<h2>Chart</h2>\n");
  lxs_compare_svg(b, c);
  differences(b, c, pct);
  evidence(b, c);
  lexicons(b, c);
  lxs_buf_puts(b, "<p class=\"small\">Generated by lexstance " LXS_VERSION ".</p>\n</body>\n</html>\n");
}
