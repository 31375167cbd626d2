/* compare_csv.c - the comparison's CSV tables (comparison.h):
 * comparison.csv, one wide row per speaker, and differences.csv, one row
 * per pair of speakers and theme.  RFC 4180 with CRLF line ends, numbers
 * with four decimals, an empty field where a value is undefined. */
#include "comparison.h"
#include "report.h"

static void header(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "speaker,kind,");
  if (c->opts.by_article) lxs_buf_puts(b, "doc,");
  lxs_buf_puts(b, "description,sentences,tokens");
  for (size_t t = 0; t < c->n_themes; t++) {
    const char *tn = lxs_lexicon_theme_name(c->lex, t);
    lxs_buf_printf(b, ",%s_stance,%s_stance_lo,%s_stance_hi,%s_rank,%s_salience,%s_mentions", tn,
                   tn, tn, tn, tn, tn);
  }
  lxs_buf_puts(b, ",sentiment,sentiment_lo,sentiment_hi\r\n");
}

/* ,value  or  , when absent */
static void opt_num(lxs_buf *b, int present, double v) {
  lxs_buf_putc(b, ',');
  if (present) lxs_fmt_num(b, v);
}

static void row(lxs_buf *b, const lxs_comparison *c, const lxs_cmp_speaker *s) {
  const lxs_agg *a = &s->agg;
  /* with by_article the article has its own column */
  lxs_csv_str(b, c->opts.by_article ? s->name : s->label);
  lxs_buf_puts(b, lxs_cmp_is_speaker(s) ? ",speaker" : ",reported");
  if (c->opts.by_article) {
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, s->article);
  }
  lxs_buf_putc(b, ',');
  lxs_csv_str(b, s->description);
  lxs_buf_printf(b, ",%zu,%zu", a->sentences, a->tokens);
  for (size_t t = 0; t < c->n_themes; t++) {
    int present;
    double st = lxs_agg_stance(a, t, &present);
    opt_num(b, present, st);
    opt_num(b, present && s->stance_ci[t].ok, s->stance_ci[t].lo);
    opt_num(b, present && s->stance_ci[t].ok, s->stance_ci[t].hi);
    lxs_buf_putc(b, ',');
    if (s->rank[t]) lxs_buf_printf(b, "%d", s->rank[t]);
    opt_num(b, 1, lxs_agg_salience(a, t));
    lxs_buf_printf(b, ",%u", a->mentions[t]);
  }
  opt_num(b, 1, lxs_agg_sentiment(a));
  opt_num(b, s->sentiment_ci.ok, s->sentiment_ci.lo);
  opt_num(b, s->sentiment_ci.ok, s->sentiment_ci.hi);
  lxs_buf_puts(b, "\r\n");
}

void lxs_compare_csv(lxs_buf *b, const lxs_comparison *c) {
  header(b, c);
  /* speakers first, then the holders of reported views */
  for (size_t i = 0; i < c->n_speakers; i++)
    if (lxs_cmp_is_speaker(&c->speakers[i])) row(b, c, &c->speakers[i]);
  for (size_t i = 0; i < c->n_speakers; i++)
    if (lxs_cmp_is_reported(&c->speakers[i])) row(b, c, &c->speakers[i]);
}

void lxs_compare_differences_csv(lxs_buf *b, const lxs_comparison *c) {
  lxs_buf_puts(b, "theme,speaker_a,speaker_b,stance_a,stance_b,difference,"
                  "diff_lo,diff_hi,p_value,distinguishable\r\n");
  for (size_t k = 0; k < c->n_pairs; k++) {
    const lxs_cmp_pair *p = &c->pairs[k];
    const lxs_cmp_speaker *sa = &c->speakers[p->a], *sb = &c->speakers[p->b];
    int present;
    lxs_csv_str(b, lxs_lexicon_theme_name(c->lex, p->theme));
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, sa->label);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, sb->label);
    opt_num(b, 1, lxs_agg_stance(&sa->agg, p->theme, &present));
    opt_num(b, 1, lxs_agg_stance(&sb->agg, p->theme, &present));
    opt_num(b, 1, p->difference);
    opt_num(b, 1, p->ci.lo);
    opt_num(b, 1, p->ci.hi);
    opt_num(b, 1, p->p_value);
    lxs_buf_puts(b, p->distinguishable ? ",yes\r\n" : ",no\r\n");
  }
}
