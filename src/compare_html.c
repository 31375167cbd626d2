/* compare_html.c - the comparison as one self-contained HTML page
 * (comparison.h): the table, the chart (chart.c), the differences, the
 * evidence with each match highlighted in its sentence, and the lexicons.
 * Every text from the input goes through lxs_html_escape. */
#include <math.h>
#include <stdlib.h>
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
                  "table.evidence p{margin:0 0 .3em}table.evidence ul{margin:0;"
                  "padding-left:1.2em;font-size:90%}\n"
                  "</style>\n</head>\n<body>\n<h1>Speaker comparison</h1>\n<p class=\"small\">");
  for (size_t i = 0; i < c->n_inputs; i++) {
    if (i) lxs_buf_puts(b, ", ");
    esc(b, c->inputs[i]);
  }
  lxs_buf_printf(b,
                 " &mdash; stance in [-1, +1] (codebook sign convention), %d%% "
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
  lxs_buf_printf(b,
                 "<h2>Differences</h2>\n<p>%zu of %zu speaker pairs cannot be "
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

/* Evidence k and j are matches in one sentence. */
static int same_sentence(const lxs_cmp_evidence *k, const lxs_cmp_evidence *j) {
  return k->sentence == j->sentence && strcmp(k->doc, j->doc) == 0 && strcmp(k->text, j->text) == 0;
}

static int by_match_start(const void *pa, const void *pb) {
  const lxs_cmp_evidence *a = *(const lxs_cmp_evidence *const *)pa;
  const lxs_cmp_evidence *b = *(const lxs_cmp_evidence *const *)pb;
  if (a->match_start != b->match_start) return a->match_start < b->match_start ? -1 : 1;
  return a->match_end < b->match_end ? -1 : a->match_end > b->match_end;
}

/* The sentence of matches g[0..n) once, every match marked (overlapping
 * matches marked as one span). */
static void marked_sentence(lxs_buf *b, const lxs_cmp_evidence **g, size_t n) {
  const char *text = g[0]->text;
  size_t len = strlen(text), pos = 0;
  qsort(g, n, sizeof *g, by_match_start);
  for (size_t k = 0; k < n; k++) {
    size_t from = g[k]->match_start > pos ? g[k]->match_start : pos;
    size_t to = g[k]->match_end < len ? g[k]->match_end : len;
    if (to <= from) continue;
    lxs_html_escape(b, text + pos, from - pos);
    lxs_buf_puts(b, "<mark>");
    lxs_html_escape(b, text + from, to - from);
    lxs_buf_puts(b, "</mark>");
    pos = to;
  }
  lxs_html_escape(b, text + pos, len - pos);
}

/* One match under its sentence: the words, theme, rule and contribution. */
static void match_item(lxs_buf *b, const lxs_comparison *c, const lxs_cmp_evidence *e) {
  size_t len = strlen(e->text);
  size_t to = e->match_end < len ? e->match_end : len;
  size_t from = e->match_start < to ? e->match_start : to;
  lxs_buf_puts(b, "<li><b>");
  lxs_cmp_signed(b, e->contribution);
  lxs_buf_puts(b, "</b> ");
  esc(b, lxs_lexicon_theme_name(c->lex, e->theme));
  lxs_buf_puts(b, ": <mark>");
  lxs_html_escape(b, e->text + from, to - from);
  lxs_buf_puts(b, "</mark> <span class=\"small\">(");
  esc(b, e->role);
  for (unsigned m = 0; lxs_modifier_name(m); m++)
    if (e->modifiers & (1u << m)) {
      lxs_buf_puts(b, ", ");
      lxs_buf_puts(b, lxs_modifier_name(m));
    }
  lxs_buf_puts(b, ")</span></li>");
}

/* The evidence by sentence: each sentence once with its matches under it;
 * the article too when the matches come from more than one. */
static void evidence(lxs_buf *b, const lxs_comparison *c) {
  int articles = 0;
  for (size_t k = 1; k < c->n_evidence && !articles; k++)
    articles = strcmp(c->evidence[k].doc, c->evidence[0].doc) != 0;
  lxs_buf_puts(b, "<h2>Evidence</h2>\n<p class=\"small\">Each sentence with a stance "
                  "match, once; under it, each match's contribution, theme, words and "
                  "rule.</p>\n<table class=\"evidence\">\n<tr>");
  if (articles) lxs_buf_puts(b, "<th>article</th>");
  lxs_buf_puts(b, "<th>speaker</th><th>sentence (matches highlighted) and its matches</th></tr>\n");
  const lxs_cmp_evidence **group = lxs_xcalloc(c->n_evidence + 1, sizeof *group);
  for (size_t k = 0, j; k < c->n_evidence; k = j) {
    const lxs_cmp_evidence *e = &c->evidence[k];
    for (j = k; j < c->n_evidence && same_sentence(e, &c->evidence[j]); j++)
      group[j - k] = &c->evidence[j];
    lxs_buf_puts(b, "<tr>");
    if (articles) {
      lxs_buf_puts(b, "<td>");
      esc(b, e->doc);
      lxs_buf_puts(b, "</td>");
    }
    lxs_buf_puts(b, "<td>");
    esc(b, e->speaker);
    lxs_buf_puts(b, "</td><td><p>");
    marked_sentence(b, group, j - k);
    lxs_buf_puts(b, "</p><ul>");
    for (size_t m = k; m < j; m++) match_item(b, c, &c->evidence[m]);
    lxs_buf_puts(b, "</ul></td></tr>\n");
  }
  free(group);
  lxs_buf_puts(b, "</table>\n");
}

static void lexicons(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "<h2>Lexicons</h2>\n<table>\n<tr><th>name</th><th>format</th>"
                  "<th>entries</th><th>sha256</th></tr>\n");
  for (size_t l = 0; l < lxs_lexicon_source_count(c->lex); l++) {
    const lxs_source *so = lxs_lexicon_source(c->lex, l);
    lxs_buf_puts(b, "<tr><td>");
    esc(b, so->name);
    lxs_buf_printf(b,
                   "</td><td>%s</td><td class=\"num\">%zu</td><td class=\"small\">%s</td></tr>\n",
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
  lxs_buf_puts(b, "<p class=\"small\">Generated by lexstance " LXS_VERSION
                  ".</p>\n</body>\n</html>\n");
}
