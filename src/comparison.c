/* comparison.c - building the comparison (comparison.h): pooling speakers
 * across documents, then their intervals, ranks and pairwise differences.
 * Everything the renderers print is decided here. */
#include "comparison.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "input.h"
#include "validate.h" /* lxs_name_key */

/* A row by its identity: the folded name, and for a keyed row its
 * article ("KEY\0" "0", or "KEY\0" "1" ARTICLE: a key has no NUL). */
struct lxs_cmp_index {
  char *key;
  size_t len, row;
  UT_hash_handle hh;
};

void lxs_comparison_init(lxs_comparison *c, const lxs_lexicon *lex, const lxs_cmp_opts *o) {
  memset(c, 0, sizeof *c);
  c->lex = lex;
  c->opts = *o;
  c->n_themes = lxs_lexicon_theme_count(lex);
  lxs_buf_init(&c->scratch);
}

static void free_speaker(lxs_cmp_speaker *s) {
  free(s->name);
  free(s->label);
  free(s->description);
  free(s->article);
  free(s->stance_ci);
  free(s->salience_ci);
  free(s->rank);
  lxs_agg_clear(&s->agg);
}

static void free_evidence(lxs_cmp_evidence *e) {
  free(e->doc);
  free(e->speaker);
  free(e->text);
  free(e->term);
  free(e->role);
}

void lxs_comparison_free(lxs_comparison *c) {
  for (size_t i = 0; i < c->n_speakers; i++) free_speaker(&c->speakers[i]);
  for (size_t i = 0; i < c->n_evidence; i++) free_evidence(&c->evidence[i]);
  for (size_t i = 0; i < c->n_inputs; i++) free(c->inputs[i]);
  /* the table first (uthash frees its buckets), then the entries */
  lxs_cmp_index *e = c->index, *next;
  HASH_CLEAR(hh, c->index);
  for (; e; e = next) {
    next = e->hh.next;
    free(e->key);
    free(e);
  }
  free(c->speakers);
  free(c->evidence);
  free(c->pairs);
  free(c->inputs);
  lxs_buf_free(&c->scratch);
}

static char *dup_str(const char *s) { return lxs_xstrndup(s, strlen(s)); }

void lxs_comparison_add_input(lxs_comparison *c, const char *path) {
  LXS_VEC_GROW(c->inputs, c->n_inputs, c->cap_inputs);
  c->scratch.len = 0;
  lxs_doc_name(path, &c->scratch);
  c->inputs[c->n_inputs++] = lxs_xstrndup(lxs_buf_cstr(&c->scratch), c->scratch.len);
}

static lxs_cmp_speaker *new_speaker(lxs_comparison *c, const char *name, const char *desc,
                                    const char *article) {
  LXS_VEC_GROW(c->speakers, c->n_speakers, c->cap_speakers);
  lxs_cmp_speaker *s = &c->speakers[c->n_speakers++];
  memset(s, 0, sizeof *s);
  size_t nth = c->n_themes;
  s->name = dup_str(name);
  s->keyed = article != NULL;
  s->description = dup_str(desc);
  s->article = dup_str(article ? article : "");
  lxs_buf label;
  lxs_buf_init(&label);
  if (s->keyed) lxs_buf_printf(&label, "%s (%s)", name, article);
  else lxs_buf_puts(&label, name);
  s->label = lxs_xstrndup(label.data, label.len);
  lxs_buf_free(&label);
  lxs_agg_init(&s->agg, nth);
  s->agg.keep_samples = 1;
  s->stance_ci = lxs_xcalloc(nth + 1, sizeof *s->stance_ci);
  s->salience_ci = lxs_xcalloc(nth + 1, sizeof *s->salience_ci);
  s->rank = lxs_xcalloc(nth + 1, sizeof *s->rank);
  return s;
}

/* The row of a speaker: named people pool across documents by their
 * identity key ("José Núñez" = "Jose Nunez"); with article set, the row
 * is that article's alone. */
static lxs_cmp_speaker *row_of(lxs_comparison *c, const char *name, const char *desc,
                               const char *article) {
  lxs_buf *k = &c->scratch;
  k->len = 0;
  lxs_name_key(name, strlen(name), k);
  if (!k->len) lxs_buf_puts(k, name); /* a name of marks only keeps itself */
  lxs_buf_putc(k, '\0');
  lxs_buf_putc(k, article ? '1' : '0');
  if (article) lxs_buf_puts(k, article);
  lxs_cmp_index *e;
  HASH_FIND(hh, c->index, k->data, (unsigned)k->len, e);
  if (e) return &c->speakers[e->row];
  e = lxs_xcalloc(1, sizeof *e);
  e->key = lxs_xstrndup(k->data, k->len);
  e->len = k->len;
  e->row = c->n_speakers;
  HASH_ADD_KEYPTR(hh, c->index, e->key, (unsigned)e->len, e);
  return new_speaker(c, name, desc, article);
}

/* The document's stance matches, with their sentences, for the report's
 * evidence table. */
static void add_evidence(lxs_comparison *c, const char *doc, const char *text,
                         const lxs_result *res) {
  for (size_t i = 0; i < res->n_evidence; i++) {
    const lxs_evidence *ev = &res->evidence[i];
    if (ev->theme == LXS_THEME_NONE || ev->contribution == 0) continue;
    const lxs_sentence *s = &res->sentences[ev->sentence];
    LXS_VEC_GROW(c->evidence, c->n_evidence, c->cap_evidence);
    lxs_cmp_evidence *e = &c->evidence[c->n_evidence++];
    e->doc = dup_str(doc);
    e->speaker = dup_str(res->speakers[s->speaker].name);
    e->sentence = ev->sentence;
    e->theme = ev->theme;
    e->text = lxs_xstrndup(text + s->start, s->end - s->start);
    e->match_start = ev->start - s->start;
    e->match_end = ev->end - s->start;
    e->term = dup_str(ev->term);
    e->role = dup_str(ev->role);
    e->modifiers = ev->modifiers;
    e->contribution = ev->contribution;
  }
}

void lxs_comparison_add(lxs_comparison *c, const char *doc, const char *text, const lxs_result *res,
                        int record_speaker) {
  size_t nth = c->n_themes;
  lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg_init(&aggs[sp], nth);
    aggs[sp].keep_samples = 1;
  }
  lxs_agg_sum_speakers(aggs, res);
  const char *byline = res->speakers[0].description;
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    /* The writer is each article's own (named by its byline, kept in the
     * author's description); named people pool across articles. */
    int writer = sp == 0 && !record_speaker;
    const char *name = writer && byline[0] ? byline : res->speakers[sp].name;
    const char *desc = writer ? (byline[0] ? "author" : "") : res->speakers[sp].description;
    lxs_cmp_speaker *s = row_of(c, name, desc, c->opts.by_article || writer ? doc : NULL);
    lxs_agg_sum_agg(&s->agg, &aggs[sp]);
    lxs_agg_clear(&aggs[sp]);
  }
  free(aggs);
  add_evidence(c, doc, text, res);
}

/* ---- finishing ------------------------------------------------------------- */

typedef struct {
  double key;   /* larger first */
  size_t index; /* then in order of appearance */
} ordered;

static int cmp_ordered(const void *a, const void *b) {
  const ordered *x = a, *y = b;
  if (x->key != y->key) return x->key > y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Ranks on theme t: 1 = most favourable stance; equal stances in order of
 * appearance.  Speakers without sentences or without the theme have none. */
static void rank_theme(lxs_comparison *c, size_t t, ordered *buf) {
  size_t n = 0;
  for (size_t i = 0; i < c->n_speakers; i++) {
    int present;
    double st = lxs_agg_stance(&c->speakers[i].agg, t, &present);
    if (present && lxs_cmp_is_speaker(&c->speakers[i])) buf[n++] = (ordered){st, i};
  }
  qsort(buf, n, sizeof *buf, cmp_ordered);
  for (size_t r = 0; r < n; r++) c->speakers[buf[r].index].rank[t] = (int)r + 1;
}

/* Which speakers the differences take: the most sentences first. */
static unsigned char *speakers_compared(lxs_comparison *c, ordered *buf) {
  unsigned char *in = lxs_xcalloc(c->n_speakers + 1, 1);
  size_t n = 0;
  for (size_t i = 0; i < c->n_speakers; i++)
    if (lxs_cmp_is_speaker(&c->speakers[i]))
      buf[n++] = (ordered){(double)c->speakers[i].agg.sentences, i};
  c->n_with_sentences = n;
  qsort(buf, n, sizeof *buf, cmp_ordered);
  for (size_t r = 0; r < n && r < LXS_CMP_MAX_DIFF_SPEAKERS; r++) in[buf[r].index] = 1;
  return in;
}

static void add_pair(lxs_comparison *c, size_t t, size_t i, size_t j) {
  const lxs_cmp_speaker *a = &c->speakers[i], *b = &c->speakers[j];
  lxs_cmp_pair p = {.theme = t, .a = i, .b = j};
  c->scratch.len = 0;
  lxs_buf_printf(&c->scratch, "%s\x1f%s\x1f%s", lxs_lexicon_theme_name(c->lex, t), a->name,
                 b->name);
  lxs_stance_difference(&a->agg, &b->agg, t, c->opts.bootstrap ? c->opts.bootstrap : 2000,
                        c->opts.level, lxs_seed_mix(c->opts.seed, c->scratch.data), &p.difference,
                        &p.ci, &p.p_value);
  if (!p.ci.ok) return;
  /* Both the interval and the permutation test must agree: with one or
   * two sentences a degenerate interval alone over-reads. */
  p.distinguishable = (p.ci.lo > 0 || p.ci.hi < 0) && p.p_value < 1 - c->opts.level;
  c->n_undistinguishable += !p.distinguishable;
  LXS_VEC_GROW(c->pairs, c->n_pairs, c->cap_pairs);
  c->pairs[c->n_pairs++] = p;
}

void lxs_comparison_finish(lxs_comparison *c) {
  for (size_t i = 0; i < c->n_speakers; i++) {
    lxs_cmp_speaker *s = &c->speakers[i];
    /* seeded by the name alone (by_article too): renaming a file must not
     * change the intervals */
    lxs_bootstrap(&s->agg, c->opts.bootstrap, c->opts.level, lxs_seed_mix(c->opts.seed, s->name),
                  s->stance_ci, s->salience_ci, &s->sentiment_ci);
  }
  ordered *buf = lxs_xcalloc(c->n_speakers + 1, sizeof *buf);
  for (size_t t = 0; t < c->n_themes; t++) rank_theme(c, t, buf);
  unsigned char *in = speakers_compared(c, buf);
  for (size_t t = 0; t < c->n_themes; t++)
    for (size_t i = 0; i < c->n_speakers; i++)
      for (size_t j = i + 1; in[i] && j < c->n_speakers; j++)
        if (in[j]) add_pair(c, t, i, j);
  free(in);
  free(buf);
}

/* ---- wording shared by the renderers ----------------------------------------- */

void lxs_cmp_why_not_apart(lxs_buf *b, const lxs_comparison *c, const lxs_cmp_pair *p,
                           const char *ge) {
  int includes = !(p->ci.lo > 0 || p->ci.hi < 0);
  int high_p = !(p->p_value < 1 - c->opts.level);
  if (includes) lxs_buf_puts(b, "the interval includes 0");
  if (includes && high_p) lxs_buf_printf(b, " and p %s ", ge);
  else if (high_p) lxs_buf_printf(b, "the interval excludes 0, but p %s ", ge);
  if (high_p) lxs_buf_printf(b, "%.2f", 1 - c->opts.level);
}

void lxs_cmp_signed(lxs_buf *b, double v) {
  if (fabs(v) < 0.005) v = 0;
  lxs_buf_printf(b, "%+.2f", v);
}

void lxs_cmp_stance(lxs_buf *b, const lxs_cmp_speaker *s, size_t t) {
  int present;
  lxs_cmp_signed(b, lxs_agg_stance(&s->agg, t, &present));
  if (!s->stance_ci[t].ok) return;
  lxs_buf_puts(b, " [");
  lxs_cmp_signed(b, s->stance_ci[t].lo);
  lxs_buf_puts(b, ", ");
  lxs_cmp_signed(b, s->stance_ci[t].hi);
  lxs_buf_putc(b, ']');
}
