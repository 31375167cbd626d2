/* cmd_compare.c - `lexstance compare`: pool speakers across articles and
 * write the comparison table, differences, evidence, chart and report. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aggregate.h"
#include "chart.h"
#include "cli.h"
#include "lexformat.h"
#include "lexicon.h"
#include "validate.h"

#define MAX_DIFF_SPEAKERS 40

typedef struct {
  char *name, *desc, *article;
  char *key;                /* identity: folded name ("Jose Nunez" = "José Núñez") */
  int keyed;                /* one row per article: the writer, or --by article */
  lxs_agg agg;
  lxs_interval *st, *sa, se;
  int *rank;                /* per theme; 0 = not ranked */
} pooled;

typedef struct {
  pooled *p;
  size_t n, cap;
  size_t *slot;          /* open-addressing index into p (+1; 0 = empty) */
  size_t nslot;
} pool_set;

static uint64_t pool_hash(const char *key, int keyed, const char *article) {
  uint64_t h = lxs_hash_bytes(key, strlen(key));
  h = (h ^ 0x1f) * 1099511628211ULL;
  return keyed ? h ^ lxs_hash_bytes(article, strlen(article)) : h;
}

static void pool_reindex(pool_set *ps) {
  ps->nslot = ps->nslot ? ps->nslot * 2 : 64;
  free(ps->slot);
  ps->slot = lxs_xcalloc(ps->nslot, sizeof *ps->slot);
  for (size_t i = 0; i < ps->n; i++) {
    const pooled *p = &ps->p[i];
    size_t h = pool_hash(p->key, p->keyed, p->article) & (ps->nslot - 1);
    while (ps->slot[h]) h = (h + 1) & (ps->nslot - 1);
    ps->slot[h] = i + 1;
  }
}

/* The row of a speaker: named people pool across articles by their
 * identity key; with article set, the row is that article's alone (the
 * writer of an article, or every row with --by article). */
static pooled *pool_get(pool_set *ps, const char *name, const char *desc,
                        const char *article, size_t nth, lxs_buf *key) {
  if (ps->nslot == 0) pool_reindex(ps);
  key->len = 0;
  lxs_name_key(name, strlen(name), key);
  if (!key->len) lxs_buf_puts(key, name); /* a name of marks only keeps itself */
  lxs_buf_cstr(key);
  int keyed = article != NULL;
  size_t h = pool_hash(key->data, keyed, article ? article : "") & (ps->nslot - 1);
  for (; ps->slot[h]; h = (h + 1) & (ps->nslot - 1)) {
    pooled *q = &ps->p[ps->slot[h] - 1];
    if (strcmp(q->key, key->data) == 0 && q->keyed == keyed &&
        (!keyed || strcmp(q->article, article) == 0))
      return q;
  }
  LXS_VEC_GROW(ps->p, ps->n, ps->cap);
  pooled *p = &ps->p[ps->n++];
  memset(p, 0, sizeof *p);
  p->name = lxs_xstrndup(name, strlen(name));
  p->key = lxs_xstrndup(key->data, key->len);
  p->keyed = keyed;
  p->desc = lxs_xstrndup(desc, strlen(desc));
  p->article = lxs_xstrndup(article ? article : "", article ? strlen(article) : 0);
  lxs_agg_init(&p->agg, nth);
  p->agg.keep_samples = 1;
  p->st = lxs_xcalloc(nth + 1, sizeof *p->st);
  p->sa = lxs_xcalloc(nth + 1, sizeof *p->sa);
  p->rank = lxs_xcalloc(nth + 1, sizeof *p->rank);
  if (ps->n * 2 > ps->nslot) pool_reindex(ps);
  else {
    size_t k = pool_hash(p->key, keyed, p->article) & (ps->nslot - 1);
    while (ps->slot[k]) k = (k + 1) & (ps->nslot - 1);
    ps->slot[k] = ps->n;
  }
  return p;
}

static void fmt_signed(lxs_buf *b, double v) {
  if (fabs(v) < 0.005) v = 0;
  lxs_buf_printf(b, "%+.2f", v);
}

static int active(const pooled *p) { return p->agg.sentences > 0 || p->agg.tokens > 0; }
/* A speaker has sentences of their own; a "reported" entry only holds
 * views others report ("critics say ..."). */
static int is_speaker(const pooled *p) { return p->agg.sentences > 0; }

/* Ranks per theme: 1 = most favourable stance; ties share the order of
 * appearance. */
static void rank_theme(pool_set *ps, size_t t) {
  for (size_t i = 0; i < ps->n; i++) {
    int present;
    double si = lxs_agg_stance(&ps->p[i].agg, t, &present);
    if (!present || !is_speaker(&ps->p[i])) continue;
    int r = 1;
    for (size_t j = 0; j < ps->n; j++) {
      int pj;
      double sj = lxs_agg_stance(&ps->p[j].agg, t, &pj);
      if (pj && is_speaker(&ps->p[j]) && (sj > si || (sj == si && j < i))) r++;
    }
    ps->p[i].rank[t] = r;
  }
}

/* Why a pair cannot be told apart, by the rule that says so (interval
 * excluding 0 and p below 1 - level): each condition that fails. */
static void why_not_told_apart(lxs_buf *b, const lxs_interval *ci, double pv, double level,
                               int html) {
  int includes = !ci->ok || !(ci->lo > 0 || ci->hi < 0);
  int high_p = !(pv < 1 - level);
  if (includes) lxs_buf_puts(b, "the interval includes 0");
  if (includes && high_p) lxs_buf_puts(b, html ? " and p &ge; " : " and p >= ");
  else if (high_p) lxs_buf_puts(b, html ? "the interval excludes 0, but p &ge; " : "the interval excludes 0, but p >= ");
  if (high_p) lxs_buf_printf(b, "%.2f", 1 - level);
}

static const char *display_name(const pooled *p, lxs_buf *tmp, int by_article) {
  (void)by_article; /* with --by article every row is keyed */
  if (!p->keyed) return p->name;
  tmp->len = 0;
  lxs_buf_printf(tmp, "%s (%s)", p->name, p->article);
  return lxs_buf_cstr(tmp);
}

int cmd_compare(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  if (first >= argc) cli_usage_error("%s", "compare needs at least one ARTICLE");
  for (int i = first; i < argc; i++) cli_check_input_name(&o, argv[i]);
  if (o.output && !*o.output) cli_usage_error("%s", "-o needs a directory name");
  if (!o.bootstrap_set) o.bootstrap = 2000;
  lxs_lexicon *lex = cli_load_lexicon(&o);
  size_t nth = lxs_lexicon_theme_count(lex);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) {
    cli_err("%s", err);
    return CLI_EXIT_USAGE;
  }
  pool_set ps = {NULL, 0, 0, NULL, 0};
  lxs_buf spk, evid, evhtml, name, tmp;
  lxs_buf_init(&spk);
  lxs_buf_init(&evid);
  lxs_buf_init(&evhtml);
  lxs_buf_init(&name);
  lxs_buf_init(&tmp);
  cli_opts lo = o;
  lo.unit = UNIT_SPEAKER;
  lo.format = FMT_CSV;
  cli_header(&spk, &lo, lex);
  lxs_evidence_header(&evid);
  int rc = 0;
  lxs_speaker_hints *hints = cli_load_hints(&o);
  lxs_options sopt = {!o.no_attribution, hints};
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(argv[i], o.input_set ? o.input : LXS_IN_TEXT, err,
                                     sizeof err);
    if (!rd) {
      cli_err("%s", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k;
    /* Articles are one record per file; --input lines/tsv/jsonl corpora
     * give many, each attributed like an article, except that a JSONL
     * "speaker" field names the whole record's speaker. */
    while ((k = lxs_reader_next(rd, &rec, err, sizeof err)) == 1) {
      lxs_options ropt = sopt;
      if (rec.speaker) ropt.segment_speakers = 0;
      const lxs_result *res = lxs_scorer_run(sc, rec.text, rec.len, &ropt);
      if (rec.speaker) {
        /* the record's speaker replaces "author" */
        ((lxs_speaker *)res->speakers)[0].name = rec.speaker;
      }
      cli_doc_rows(&spk, &lo, lex, rec.id, NULL, res);
      lxs_evidence_rows(&evid, lex, rec.id, rec.text, res);
      lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
      for (size_t sp = 0; sp < res->n_speakers; sp++) {
        lxs_agg_init(&aggs[sp], nth);
        aggs[sp].keep_samples = 1;
      }
      lxs_agg_sum_speakers(aggs, res);
      for (size_t sp = 0; sp < res->n_speakers; sp++) {
        /* The writer is each article's own (named by its byline, kept in
         * the author's description); named people pool across articles. */
        int writer = sp == 0 && !rec.speaker;
        const char *byline = res->speakers[0].description;
        const char *nm = writer && byline[0] ? byline : res->speakers[sp].name;
        const char *ds = writer ? (byline[0] ? "author" : "") : res->speakers[sp].description;
        pooled *p = pool_get(&ps, nm, ds, o.by_article || writer ? rec.id : NULL, nth, &name);
        lxs_agg_sum_agg(&p->agg, &aggs[sp]);
        lxs_agg_clear(&aggs[sp]);
      }
      free(aggs);
      /* Evidence for the HTML report: stance rows with their sentence. */
      for (size_t e = 0; e < res->n_evidence; e++) {
        const lxs_evidence *ev = &res->evidence[e];
        if (ev->theme == LXS_THEME_NONE || ev->contribution == 0) continue;
        const lxs_sentence *s = &res->sentences[ev->sentence];
        lxs_buf_puts(&evhtml, "<tr><td>");
        const char *spn = res->speakers[s->speaker].name;
        lxs_html_escape(&evhtml, spn, strlen(spn));
        lxs_buf_puts(&evhtml, "</td><td>");
        const char *tn = lxs_lexicon_theme_name(lex, ev->theme);
        lxs_html_escape(&evhtml, tn, strlen(tn));
        lxs_buf_puts(&evhtml, "</td><td>");
        lxs_html_escape(&evhtml, rec.text + s->start, ev->start - s->start);
        lxs_buf_puts(&evhtml, "<mark>");
        lxs_html_escape(&evhtml, rec.text + ev->start, ev->end - ev->start);
        lxs_buf_puts(&evhtml, "</mark>");
        lxs_html_escape(&evhtml, rec.text + ev->end, s->end - ev->end);
        lxs_buf_puts(&evhtml, "</td><td>");
        lxs_html_escape(&evhtml, ev->role, strlen(ev->role));
        for (unsigned m = 0; lxs_modifier_name(m); m++)
          if (ev->modifiers & (1u << m)) {
            lxs_buf_puts(&evhtml, ", ");
            lxs_buf_puts(&evhtml, lxs_modifier_name(m));
          }
        lxs_buf_puts(&evhtml, "</td><td class=\"num\">");
        fmt_signed(&evhtml, ev->contribution);
        lxs_buf_puts(&evhtml, "</td></tr>\n");
      }
    }
    if (k < 0) {
      cli_err("%s", err);
      rc = cli_exit_code(lxs_reader_error(rd));
    }
    lxs_reader_close(rd);
  }
  /* Intervals and ranks. */
  for (size_t i = 0; i < ps.n; i++) {
    pooled *p = &ps.p[i];
    tmp.len = 0;
    /* seeded by the name alone (--by article too): renaming a file must
     * not change the intervals */
    lxs_bootstrap(&p->agg, o.bootstrap, o.ci, lxs_seed_mix(o.seed, p->name), p->st,
                  p->sa, &p->se);
  }
  for (size_t t = 0; t < nth; t++) rank_theme(&ps, t);

  /* comparison.csv (wide) and the Markdown table. */
  lxs_buf cmp, md, diff;
  lxs_buf_init(&cmp);
  lxs_buf_init(&md);
  lxs_buf_init(&diff);
  int pct = (int)lround(o.ci * 100);
  lxs_buf_puts(&cmp, "speaker,kind,");
  if (o.by_article) lxs_buf_puts(&cmp, "doc,");
  lxs_buf_puts(&cmp, "description,sentences,tokens");
  /* a lexicon named "x--><img ...>.tsv" must not end the comment early */
  if (lxs_lexicon_source_count(lex)) lxs_provenance_md(&md, lex);
  lxs_buf_puts(&md, "| speaker |");
  for (size_t t = 0; t < nth; t++) {
    const char *tn = lxs_lexicon_theme_name(lex, t);
    lxs_buf_printf(&cmp, ",%s_stance,%s_stance_lo,%s_stance_hi,%s_rank,%s_salience,%s_mentions",
                   tn, tn, tn, tn, tn, tn);
    lxs_buf_printf(&md, " %s |", tn);
  }
  lxs_buf_puts(&cmp, ",sentiment,sentiment_lo,sentiment_hi\r\n");
  lxs_buf_puts(&md, " sentiment |\n|---|");
  for (size_t t = 0; t <= nth; t++) lxs_buf_puts(&md, "---|");
  lxs_buf_putc(&md, '\n');
  size_t nrows = 0, nreported = 0;
  lxs_chart_row *rows = lxs_xcalloc(ps.n + 1, sizeof *rows);
  lxs_buf mdrep;
  lxs_buf_init(&mdrep);
  for (int pass = 0; pass < 2; pass++)
  for (size_t i = 0; i < ps.n; i++) {
    pooled *p = &ps.p[i];
    const lxs_agg *a = &p->agg;
    if (!active(p) || is_speaker(p) != (pass == 0)) continue;
    lxs_buf *mdt = pass == 0 ? &md : &mdrep;
    if (pass == 0) {
      rows[nrows].name = lxs_xstrndup(display_name(p, &tmp, o.by_article),
                                      strlen(display_name(p, &tmp, o.by_article)));
      rows[nrows].description = p->desc;
      rows[nrows].agg = a;
      rows[nrows].stance_ci = p->st;
      nrows++;
    } else {
      nreported++;
    }
    lxs_csv_str(&cmp, o.by_article ? p->name : display_name(p, &tmp, 0));
    lxs_buf_puts(&cmp, pass == 0 ? ",speaker" : ",reported");
    if (o.by_article) {
      lxs_buf_putc(&cmp, ',');
      lxs_csv_str(&cmp, p->article);
    }
    lxs_buf_putc(&cmp, ',');
    lxs_csv_str(&cmp, p->desc);
    lxs_buf_printf(&cmp, ",%zu,%zu", a->sentences, a->tokens);
    lxs_buf_puts(mdt, "| ");
    lxs_md_cell(mdt, display_name(p, &tmp, o.by_article));
    lxs_buf_puts(mdt, " |");
    for (size_t t = 0; t < nth; t++) {
      int present;
      double st = lxs_agg_stance(a, t, &present);
      lxs_buf_putc(&cmp, ',');
      if (present) lxs_fmt_num(&cmp, st);
      lxs_buf_putc(&cmp, ',');
      if (present && p->st[t].ok) lxs_fmt_num(&cmp, p->st[t].lo);
      lxs_buf_putc(&cmp, ',');
      if (present && p->st[t].ok) lxs_fmt_num(&cmp, p->st[t].hi);
      lxs_buf_putc(&cmp, ',');
      if (p->rank[t]) lxs_buf_printf(&cmp, "%d", p->rank[t]);
      lxs_buf_putc(&cmp, ',');
      lxs_fmt_num(&cmp, lxs_agg_salience(a, t));
      lxs_buf_printf(&cmp, ",%u", a->mentions[t]);
      if (present) {
        lxs_buf_putc(mdt, ' ');
        fmt_signed(mdt, st);
        if (p->st[t].ok) {
          lxs_buf_puts(mdt, " [");
          fmt_signed(mdt, p->st[t].lo);
          lxs_buf_puts(mdt, ", ");
          fmt_signed(mdt, p->st[t].hi);
          lxs_buf_putc(mdt, ']');
        }
        if (p->rank[t]) lxs_buf_printf(mdt, " #%d", p->rank[t]);
        lxs_buf_printf(mdt, " (%.1f/1k, n=%u) |", lxs_agg_salience(a, t), a->mentions[t]);
      } else {
        lxs_buf_puts(mdt, " - |");
      }
    }
    lxs_buf_putc(&cmp, ',');
    lxs_fmt_num(&cmp, lxs_agg_sentiment(a));
    lxs_buf_putc(&cmp, ',');
    if (p->se.ok) lxs_fmt_num(&cmp, p->se.lo);
    lxs_buf_putc(&cmp, ',');
    if (p->se.ok) lxs_fmt_num(&cmp, p->se.hi);
    lxs_buf_puts(&cmp, "\r\n");
    lxs_buf_putc(mdt, ' ');
    fmt_signed(mdt, lxs_agg_sentiment(a));
    lxs_buf_puts(mdt, " |\n");
  }
  if (nreported) {
    lxs_buf_puts(&md, "\nViews reported from others (\"critics say ...\"): they count for "
                      "their holder, not for the speaker who reports them.\n\n| holder |");
    for (size_t t = 0; t < nth; t++) lxs_buf_printf(&md, " %s |", lxs_lexicon_theme_name(lex, t));
    lxs_buf_puts(&md, " sentiment |\n|---|");
    for (size_t t = 0; t <= nth; t++) lxs_buf_puts(&md, "---|");
    lxs_buf_putc(&md, '\n');
    lxs_buf_put(&md, mdrep.data, mdrep.len);
  }
  lxs_buf_free(&mdrep);
  lxs_buf_printf(&md, "\nStance in [-1, +1] with its %d%% bootstrap interval "
                      "(%u resamples, seed %llu), rank within the theme (#1 most "
                      "favourable), salience per 1,000 words and mentions; "
                      "'-' = theme not mentioned.\n",
                 pct, o.bootstrap, (unsigned long long)o.seed);

  /* differences.csv: every pair of speakers per theme. */
  lxs_buf_puts(&diff, "theme,speaker_a,speaker_b,stance_a,stance_b,difference,"
                      "diff_lo,diff_hi,p_value,distinguishable\r\n");
  lxs_buf undist, diffhtml;
  lxs_buf_init(&undist);
  lxs_buf_init(&diffhtml);
  size_t n_undist = 0, n_pairs = 0;
  /* Pairwise differences grow with the square of the speakers: keep them to
   * the MAX_DIFF_SPEAKERS speakers with the most sentences (ties: order of
   * appearance), which is every speaker of an ordinary article. */
  unsigned char *in_diff = lxs_xcalloc(ps.n + 1, 1);
  size_t n_active = 0;
  for (size_t i = 0; i < ps.n; i++) n_active += is_speaker(&ps.p[i]) != 0;
  for (size_t i = 0; i < ps.n; i++) {
    if (!is_speaker(&ps.p[i])) continue;
    size_t better = 0;
    for (size_t j = 0; j < ps.n && better < MAX_DIFF_SPEAKERS; j++)
      if (is_speaker(&ps.p[j]) && (ps.p[j].agg.sentences > ps.p[i].agg.sentences ||
                               (j < i && ps.p[j].agg.sentences == ps.p[i].agg.sentences)))
        better++;
    in_diff[i] = better < MAX_DIFF_SPEAKERS;
  }
  for (size_t t = 0; t < nth; t++) {
    const char *tn = lxs_lexicon_theme_name(lex, t);
    for (size_t i = 0; i < ps.n; i++) {
      if (!in_diff[i]) continue;
      for (size_t j = i + 1; j < ps.n; j++) {
        if (!in_diff[j]) continue;
        double d, pv;
        lxs_interval ci;
        tmp.len = 0;
        lxs_buf_printf(&tmp, "%s\x1f%s\x1f%s", tn, ps.p[i].name, ps.p[j].name);
        lxs_stance_difference(&ps.p[i].agg, &ps.p[j].agg, t, o.bootstrap ? o.bootstrap : 2000,
                              o.ci, lxs_seed_mix(o.seed, tmp.data), &d, &ci, &pv);
        if (!ci.ok) continue;
        /* Both the interval and the permutation test must agree: with one
         * or two sentences a degenerate interval alone over-reads. */
        int dist = ci.ok && (ci.lo > 0 || ci.hi < 0) && pv < 1 - o.ci;
        n_pairs++;
        int pa, pb;
        lxs_csv_str(&diff, tn);
        lxs_buf_putc(&diff, ',');
        lxs_csv_str(&diff, display_name(&ps.p[i], &tmp, o.by_article));
        lxs_buf_putc(&diff, ',');
        lxs_csv_str(&diff, display_name(&ps.p[j], &tmp, o.by_article));
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, lxs_agg_stance(&ps.p[i].agg, t, &pa));
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, lxs_agg_stance(&ps.p[j].agg, t, &pb));
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, d);
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, ci.lo);
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, ci.hi);
        lxs_buf_putc(&diff, ',');
        lxs_fmt_num(&diff, pv);
        lxs_buf_puts(&diff, dist ? ",yes\r\n" : ",no\r\n");
        lxs_buf_puts(&diffhtml, "<tr><td>");
        lxs_html_escape(&diffhtml, tn, strlen(tn));
        lxs_buf_puts(&diffhtml, "</td><td>");
        const char *na = display_name(&ps.p[i], &tmp, o.by_article);
        lxs_html_escape(&diffhtml, na, strlen(na));
        lxs_buf_puts(&diffhtml, " &ndash; ");
        const char *nb = display_name(&ps.p[j], &tmp, o.by_article);
        lxs_html_escape(&diffhtml, nb, strlen(nb));
        lxs_buf_puts(&diffhtml, "</td><td class=\"num\">");
        fmt_signed(&diffhtml, d);
        lxs_buf_puts(&diffhtml, "</td><td class=\"num\">[");
        fmt_signed(&diffhtml, ci.lo);
        lxs_buf_puts(&diffhtml, ", ");
        fmt_signed(&diffhtml, ci.hi);
        lxs_buf_printf(&diffhtml, "]</td><td class=\"num\">%.3f</td><td>%s", pv,
                       dist ? "yes" : "no &mdash; ");
        if (!dist) why_not_told_apart(&diffhtml, &ci, pv, o.ci, 1);
        lxs_buf_puts(&diffhtml, "</td></tr>\n");
        if (!dist) {
          n_undist++;
          lxs_buf_printf(&undist, "- %s: ", tn);
          lxs_md_cell(&undist, display_name(&ps.p[i], &tmp, o.by_article));
          lxs_buf_puts(&undist, " vs ");
          lxs_md_cell(&undist, display_name(&ps.p[j], &tmp, o.by_article));
          lxs_buf_printf(&undist, " (difference %+.2f, %d%% CI [%+.2f, %+.2f], p = %.3f: ",
                         d, pct, ci.lo, ci.hi, pv);
          why_not_told_apart(&undist, &ci, pv, o.ci, 0);
          lxs_buf_puts(&undist, ")\n");
        }
      }
    }
  }
  free(in_diff);
  if (n_active > MAX_DIFF_SPEAKERS)
    lxs_buf_printf(&md, "\nDifferences are computed among the %d speakers with the most "
                        "sentences (of %zu).\n", MAX_DIFF_SPEAKERS, n_active);
  if (n_pairs) {
    lxs_buf_printf(&md, "\n%zu of %zu speaker pairs cannot be told apart on a theme: a pair "
                        "is told apart only when the %d%% interval of the difference excludes 0 "
                        "and the permutation test gives p < %.2f%s\n",
                   n_undist, n_pairs, pct, 1 - o.ci, n_undist ? ":" : ".");
    if (undist.len) lxs_buf_put(&md, undist.data, undist.len);
  }

  /* Chart, HTML report, provenance. */
  lxs_buf svg, html, lexcsv;
  lxs_buf_init(&svg);
  lxs_buf_init(&html);
  lxs_buf_init(&lexcsv);
  lxs_chart_svg(&svg, lex, rows, nrows, o.ci);
  lxs_buf_puts(&lexcsv, "name,format,entries,sha256\r\n");
  for (size_t l = 0; l < lxs_lexicon_source_count(lex); l++) {
    const lxs_source *so = lxs_lexicon_source(lex, l);
    lxs_csv_str(&lexcsv, so->name);
    lxs_buf_putc(&lexcsv, ',');
    lxs_csv_str(&lexcsv, so->format);
    lxs_buf_printf(&lexcsv, ",%zu,%s\r\n", so->entries, so->sha256);
  }
  lxs_buf_puts(&html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<title>lexstance comparison</title>\n<style>\n"
                      "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222;max-width:1200px}\n"
                      "table{border-collapse:collapse;margin:1em 0}\n"
                      "th,td{border:1px solid #ccd;padding:4px 8px;vertical-align:top}\n"
                      "th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
                      "mark{background:#ffe08a}\n.small{font-size:85%;color:#555}\n"
                      "</style>\n</head>\n<body>\n<h1>Speaker comparison</h1>\n<p class=\"small\">");
  for (int i = first; i < argc; i++) {
    lxs_doc_name(argv[i], &name);
    if (i > first) lxs_buf_puts(&html, ", ");
    lxs_html_escape(&html, name.data, name.len);
  }
  lxs_buf_printf(&html, " &mdash; stance in [-1, +1] (codebook sign convention), %d%% "
                        "bootstrap intervals (%u resamples, seed %llu).</p>\n",
                 pct, o.bootstrap, (unsigned long long)o.seed);
  lxs_buf_puts(&html, "<h2>Table</h2>\n<table>\n<tr><th>speaker</th><th>description</th>");
  for (size_t t = 0; t < nth; t++) {
    lxs_buf_puts(&html, "<th>");
    const char *tn = lxs_lexicon_theme_name(lex, t);
    lxs_html_escape(&html, tn, strlen(tn));
    lxs_buf_puts(&html, "</th>");
  }
  lxs_buf_puts(&html, "<th>sentiment</th></tr>\n");
  for (size_t r = 0; r < nrows; r++) {
    lxs_buf_puts(&html, "<tr><td>");
    lxs_html_escape(&html, rows[r].name, strlen(rows[r].name));
    lxs_buf_puts(&html, "</td><td class=\"small\">");
    lxs_html_escape(&html, rows[r].description, strlen(rows[r].description));
    lxs_buf_puts(&html, "</td>");
    for (size_t t = 0; t < nth; t++) {
      int present;
      double st = lxs_agg_stance(rows[r].agg, t, &present);
      lxs_buf_puts(&html, "<td class=\"num\">");
      if (present) {
        fmt_signed(&html, st);
        if (rows[r].stance_ci[t].ok) {
          lxs_buf_puts(&html, " [");
          fmt_signed(&html, rows[r].stance_ci[t].lo);
          lxs_buf_puts(&html, ", ");
          fmt_signed(&html, rows[r].stance_ci[t].hi);
          lxs_buf_puts(&html, "]");
        }
        lxs_buf_printf(&html, "<br><span class=\"small\">%.1f/1k, n=%u</span>",
                       lxs_agg_salience(rows[r].agg, t), rows[r].agg->mentions[t]);
      } else {
        lxs_buf_puts(&html, "&ndash;");
      }
      lxs_buf_puts(&html, "</td>");
    }
    lxs_buf_puts(&html, "<td class=\"num\">");
    fmt_signed(&html, lxs_agg_sentiment(rows[r].agg));
    lxs_buf_puts(&html, "</td></tr>\n");
  }
  lxs_buf_puts(&html, "</table>\n<h2>Chart</h2>\n");
  lxs_buf_put(&html, svg.data, svg.len);
  lxs_buf_printf(&html, "<h2>Differences</h2>\n<p>%zu of %zu speaker pairs cannot be "
                        "told apart on a theme: a pair is told apart only when the %d%% "
                        "interval of the difference excludes 0 and the permutation test "
                        "gives p &lt; %.2f.</p>\n<table>\n<tr><th>theme</th><th>pair</th>"
                        "<th>difference</th><th>%d%% interval</th><th>p</th>"
                        "<th>distinguishable</th></tr>\n",
                 n_undist, n_pairs, pct, 1 - o.ci, pct);
  lxs_buf_put(&html, diffhtml.data ? diffhtml.data : "", diffhtml.len);
  lxs_buf_puts(&html, "</table>\n<h2>Evidence</h2>\n<table>\n<tr><th>speaker</th>"
                      "<th>theme</th><th>sentence (match highlighted)</th><th>rule</th>"
                      "<th>contribution</th></tr>\n");
  lxs_buf_put(&html, evhtml.data ? evhtml.data : "", evhtml.len);
  lxs_buf_puts(&html, "</table>\n<h2>Lexicons</h2>\n<table>\n<tr><th>name</th><th>format</th>"
                      "<th>entries</th><th>sha256</th></tr>\n");
  for (size_t l = 0; l < lxs_lexicon_source_count(lex); l++) {
    const lxs_source *so = lxs_lexicon_source(lex, l);
    lxs_buf_puts(&html, "<tr><td>");
    lxs_html_escape(&html, so->name, strlen(so->name));
    lxs_buf_printf(&html, "</td><td>%s</td><td class=\"num\">%zu</td><td class=\"small\">%s</td></tr>\n",
                   so->format, so->entries, so->sha256);
  }
  lxs_buf_puts(&html, "</table>\n<p class=\"small\">Generated by lexstance " LXS_VERSION
                      ".</p>\n</body>\n</html>\n");

  /* The report directory: staged whole, swapped in as one set. */
  lxs_buf dir;
  lxs_buf_init(&dir);
  if (o.output) lxs_buf_puts(&dir, o.output);
  else cli_default_report_dir(argv[first], &dir);
  const lxs_report_file files[] = {
      {"comparison.csv", cmp.data, cmp.len},  {"speakers.csv", spk.data, spk.len},
      {"evidence.csv", evid.data, evid.len},  {"differences.csv", diff.data, diff.len},
      {"lexicons.csv", lexcsv.data, lexcsv.len}, {"comparison.svg", svg.data, svg.len},
      {"report.html", html.data, html.len}};
  if (rc == 0 && lxs_reportset_write(lxs_buf_cstr(&dir), files, sizeof files / sizeof *files,
                                     err, sizeof err)) {
    cli_err("%s", err);
    rc = LXS_EIO;
  }
  /* through lxs_out: on a terminal, control characters are shown */
  if (rc == 0) rc = cli_write_whole(NULL, &md);
  for (size_t i = 0; i < ps.n; i++) {
    free(ps.p[i].name);
    free(ps.p[i].key);
    free(ps.p[i].desc);
    free(ps.p[i].article);
    free(ps.p[i].st);
    free(ps.p[i].sa);
    free(ps.p[i].rank);
    lxs_agg_clear(&ps.p[i].agg);
  }
  for (size_t r = 0; r < nrows; r++) free((void *)rows[r].name);
  free(rows);
  free(ps.p);
  free(ps.slot);
  lxs_buf *bufs[] = {&dir, &cmp, &md, &diff, &undist, &diffhtml, &svg, &html, &lexcsv,
                     &spk, &evid, &evhtml, &name, &tmp};
  for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) lxs_buf_free(bufs[i]);
  lxs_scorer_free(sc);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
