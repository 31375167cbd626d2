/* compare_md.c - the comparison as the Markdown summary compare prints
 * (comparison.h): the speakers' table, the holders of reported views, how
 * to read it, and the pairs that cannot be told apart.  Every cell goes
 * through lxs_md_cell, so no name can break the table. */
#include <math.h>

#include "comparison.h"
#include "lexformat.h" /* lxs_provenance_md */

static void table_head(lxs_buf *b, const lxs_comparison *c, const char *first) {
  lxs_buf_printf(b, "| %s |", first);
  for (size_t t = 0; t < c->n_themes; t++)
    lxs_buf_printf(b, " %s |", lxs_lexicon_theme_name(c->lex, t));
  lxs_buf_puts(b, " sentiment |\n|---|");
  for (size_t t = 0; t <= c->n_themes; t++) lxs_buf_puts(b, "---|");
  lxs_buf_putc(b, '\n');
}

/* "+0.40 [+0.10, +0.70] #1 (12.5/1k, n=3)", or "-" when not mentioned */
static void stance_cell(lxs_buf *b, const lxs_cmp_speaker *s, size_t t) {
  int present;
  lxs_agg_stance(&s->agg, t, &present);
  if (!present) {
    lxs_buf_puts(b, " - |");
    return;
  }
  lxs_buf_putc(b, ' ');
  lxs_cmp_stance(b, s, t);
  if (s->rank[t]) lxs_buf_printf(b, " #%d", s->rank[t]);
  lxs_buf_printf(b, " (%.1f/1k, n=%u) |", lxs_agg_salience(&s->agg, t), s->agg.mentions[t]);
}

static void rows(lxs_buf *b, const lxs_comparison *c, int (*which)(const lxs_cmp_speaker *)) {
  for (size_t i = 0; i < c->n_speakers; i++) {
    const lxs_cmp_speaker *s = &c->speakers[i];
    if (!which(s)) continue;
    lxs_buf_puts(b, "| ");
    lxs_md_cell(b, s->label);
    lxs_buf_puts(b, " |");
    for (size_t t = 0; t < c->n_themes; t++) stance_cell(b, s, t);
    lxs_buf_putc(b, ' ');
    lxs_cmp_signed(b, lxs_agg_sentiment(&s->agg));
    lxs_buf_puts(b, " |\n");
  }
}

static void undistinguishable(lxs_buf *b, const lxs_comparison *c, int pct) {
  lxs_buf_printf(b,
                 "\n%zu of %zu speaker pairs cannot be told apart on a theme: a pair "
                 "is told apart only when the %d%% interval of the difference excludes 0 "
                 "and the permutation test gives p < %.2f%s\n",
                 c->n_undistinguishable, c->n_pairs, pct, 1 - c->opts.level,
                 c->n_undistinguishable ? ":" : ".");
  for (size_t k = 0; k < c->n_pairs; k++) {
    const lxs_cmp_pair *p = &c->pairs[k];
    if (p->distinguishable) continue;
    lxs_buf_printf(b, "- %s: ", lxs_lexicon_theme_name(c->lex, p->theme));
    lxs_md_cell(b, c->speakers[p->a].label);
    lxs_buf_puts(b, " vs ");
    lxs_md_cell(b, c->speakers[p->b].label);
    lxs_buf_printf(b, " (difference %+.2f, %d%% CI [%+.2f, %+.2f], p = %.3f: ", p->difference, pct,
                   p->ci.lo, p->ci.hi, p->p_value);
    lxs_cmp_why_not_apart(b, c, p, ">=");
    lxs_buf_puts(b, ")\n");
  }
}

void lxs_compare_md(lxs_buf *b, const lxs_comparison *c) {
  int pct = (int)lround(c->opts.level * 100);
  /* a lexicon named "x--><img ...>.tsv" must not end the comment early */
  if (lxs_lexicon_source_count(c->lex)) lxs_provenance_md(b, c->lex);
  table_head(b, c, "speaker");
  rows(b, c, lxs_cmp_is_speaker);
  size_t n_reported = 0;
  for (size_t i = 0; i < c->n_speakers; i++) n_reported += lxs_cmp_is_reported(&c->speakers[i]);
  if (n_reported) {
    lxs_buf_puts(b, "\nViews reported from others (\"critics say ...\"): they count for "
                    "their holder, not for the speaker who reports them.\n\n");
    table_head(b, c, "holder");
    rows(b, c, lxs_cmp_is_reported);
  }
  lxs_buf_printf(b,
                 "\nStance in [-1, +1] with its %d%% bootstrap interval "
                 "(%u resamples, seed %llu), rank within the theme (#1 most "
                 "favourable), salience per 1,000 words and mentions; "
                 "'-' = theme not mentioned.\n",
                 pct, c->opts.bootstrap, (unsigned long long)c->opts.seed);
  if (c->n_with_sentences > LXS_CMP_MAX_DIFF_SPEAKERS)
    lxs_buf_printf(b,
                   "\nDifferences are computed among the %d speakers with the most "
                   "sentences (of %zu).\n",
                   LXS_CMP_MAX_DIFF_SPEAKERS, c->n_with_sentences);
  if (c->n_pairs) undistinguishable(b, c, pct);
}
