/* partial.c - writing partial results (see partial.h for the format). */
#include "partial.h"

#include <stdlib.h>
#include <string.h>

static void put_clean(lxs_buf *b, const char *s) {
  for (; *s; s++) lxs_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

void lxs_partial_header(lxs_buf *b, const lxs_lexicon *lex) {
  lxs_buf_puts(b, "#lexstance-partial 1\n#themes");
  for (size_t t = 0; t < lxs_lexicon_theme_count(lex); t++) {
    lxs_buf_putc(b, '\t');
    lxs_buf_puts(b, lxs_lexicon_theme_name(lex, t));
  }
  lxs_buf_putc(b, '\n');
}

void lxs_partial_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                      const char *speaker_override, const lxs_result *res) {
  size_t nth = lxs_lexicon_theme_count(lex);
  lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg_init(&aggs[sp], nth);
    aggs[sp].keep_samples = 1; /* for the sum of squares */
  }
  lxs_agg_add_speakers(aggs, res);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg a = aggs[sp];
    if (a.sentences || a.tokens) {
      lxs_buf_puts(b, "U\t");
      put_clean(b, speaker_override ? speaker_override : res->speakers[sp].name);
      lxs_buf_putc(b, '\t');
      put_clean(b, doc);
      lxs_buf_printf(b, "\t%zu\t%zu\t%.17g\t%zu", a.tokens, a.sentences, a.sentiment_sum,
                     a.sentiment_n);
      for (size_t t = 0; t < nth; t++) {
        double sq = 0;
        for (size_t i = 0; i < a.n_samples; i++) {
          double v = a.s_stance_sum[i * nth + t];
          sq += v * v;
        }
        lxs_buf_printf(b, "\t%u\t%.17g\t%.17g\t%u", a.mentions[t], a.stance_sum[t], sq,
                       a.stance_n[t]);
      }
      lxs_buf_putc(b, '\n');
    }
    lxs_agg_free(&aggs[sp]);
  }
  free(aggs);
}
