/* eval.c - the sentiment half of `make eval` (stance is measured by
 * `lexstance validate`, src/cmd_validate.c).
 *
 *   eval sentiment VADER_DIR|- DEV.tsv
 *     Pearson r against human ratings and 3-class macro-F1 (+-0.05), for
 *     the default lexicon and VADER mode on VADER's four rated sets, and
 *     VADER mode checked against the reference outputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexstance.h"
#include "util.h"
#include "vader.h"

static int split_tabs(char *line, char **f, int max) {
  int n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  return n;
}

static void chomp(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

static int cls(double v, double t) { return v > t ? 1 : v < -t ? -1 : 0; }

static lxs_lexicon *load_lex(int argc, char **argv) {
  char err[512];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  if (!lex || lxs_lexicon_load_defaults(lex, err, sizeof err)) {
    fprintf(stderr, "eval: %s\n", err);
    exit(1);
  }
  for (int i = 0; i < argc - 1; i++)
    if (strcmp(argv[i], "--lexicon") == 0 &&
        lxs_lexicon_load_file(lex, argv[i + 1], err, sizeof err)) {
      fprintf(stderr, "eval: %s\n", err);
      exit(1);
    }
  return lex;
}

typedef struct {
  double *human, *ours, *vader;
  size_t n;
} sent_set;

static double pearson(const double *x, const double *y, size_t n) {
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= (double)n;
  my /= (double)n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

static double f1_3(const double *gold, const double *pred, size_t n) {
  int tp[3] = {0}, fp[3] = {0}, fn[3] = {0};
  for (size_t i = 0; i < n; i++) {
    int g = cls(gold[i], 0.05) + 1, p = cls(pred[i], 0.05) + 1;
    if (g == p) tp[g]++;
    else {
      fp[p]++;
      fn[g]++;
    }
  }
  double f = 0;
  for (int c = 0; c < 3; c++) {
    double pr = (tp[c] + fp[c]) ? (double)tp[c] / (tp[c] + fp[c]) : 0;
    double rc = (tp[c] + fn[c]) ? (double)tp[c] / (tp[c] + fn[c]) : 0;
    f += pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
  }
  return f / 3;
}

static double doc_sentiment(lxs_scorer *sc, const char *text, size_t len) {
  lxs_options opt = {0};
  const lxs_result *r = lxs_scorer_run(sc, text, len, &opt);
  lxs_agg *a = lxs_agg_new(r->n_themes, 0);
  for (size_t s = 0; s < r->n_sentences; s++) lxs_agg_add_sentence(a, r, s);
  double v = lxs_agg_sentiment(a);
  lxs_agg_free(a);
  return v;
}

/* Reads "id<TAB>rating<TAB>text" (CRLF tolerated); header skipped. */
static int load_rated(const char *path, lxs_scorer *sc, lxs_vader *vd, sent_set *out, char ***texts,
                      char ***ids) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char *line = NULL;
  size_t lcap = 0;
  size_t cap = 0;
  while (getline(&line, &lcap, f) > 0) {
    chomp(line);
    char *fl[4];
    if (split_tabs(line, fl, 3) < 3) continue;
    char *end;
    double h = strtod(fl[1], &end);
    if (*end) continue; /* header */
    if (out->n == cap) {
      cap = cap ? cap * 2 : 1024;
      out->human = lxs_xrealloc(out->human, cap * sizeof(double));
      out->ours = lxs_xrealloc(out->ours, cap * sizeof(double));
      out->vader = lxs_xrealloc(out->vader, cap * sizeof(double));
      if (texts) *texts = lxs_xrealloc(*texts, cap * sizeof(char *));
      if (ids) *ids = lxs_xrealloc(*ids, cap * sizeof(char *));
    }
    out->human[out->n] = h;
    out->ours[out->n] = doc_sentiment(sc, fl[2], strlen(fl[2]));
    lxs_vader_scores vs = {0, 0, 0, 0};
    if (vd) lxs_vader_score(vd, fl[2], strlen(fl[2]), &vs, NULL);
    out->vader[out->n] = vs.compound;
    if (texts) (*texts)[out->n] = lxs_xstrndup(fl[2], strlen(fl[2]));
    if (ids) (*ids)[out->n] = lxs_xstrndup(fl[0], strlen(fl[0]));
    out->n++;
  }
  free(line);
  fclose(f);
  return 0;
}

/* Exact comparison with the reference VADER outputs. */
static void check_reference(lxs_vader *vd, const char *dir, const char *set, char **texts,
                            char **ids, size_t n, size_t *tot_ok, size_t *tot) {
  char path[4096];
  snprintf(path, sizeof path, "%s/reference/%s.tsv", dir, set);
  FILE *f = fopen(path, "r");
  if (!f) return;
  char *line = NULL;
  size_t lcap = 0, i = 0, ok = 0, rows = 0;
  while (getline(&line, &lcap, f) > 0) {
    chomp(line);
    if (strncmp(line, "id\t", 3) == 0) continue;
    char *fl[6];
    if (split_tabs(line, fl, 5) < 5) continue;
    if (i >= n) break;
    rows++;
    lxs_vader_scores o;
    lxs_vader_score(vd, texts[i], strlen(texts[i]), &o, NULL);
    char got[4][40];
    lxs_vader_format(o.neg, got[0], sizeof got[0]);
    lxs_vader_format(o.neu, got[1], sizeof got[1]);
    lxs_vader_format(o.pos, got[2], sizeof got[2]);
    lxs_vader_format(o.compound, got[3], sizeof got[3]);
    int same = strcmp(fl[0], ids[i]) == 0;
    for (int k = 0; k < 4 && same; k++) same = strtod(got[k], NULL) == strtod(fl[1 + k], NULL);
    if (same) ok++;
    else
      printf("  MISMATCH %s %s: got %s %s %s %s, reference %s %s %s %s\n", set, fl[0], got[0],
             got[1], got[2], got[3], fl[1], fl[2], fl[3], fl[4]);
    i++;
  }
  free(line);
  fclose(f);
  printf("  VADER reference %-22s %5zu/%-5zu match (%.2f%%)\n", set, ok, rows,
         rows ? 100.0 * ok / rows : 0);
  *tot_ok += ok;
  *tot += rows;
}

static int eval_sentiment(const char *dir, const char *dev, int argc, char **argv) {
  lxs_lexicon *lex = load_lex(argc, argv);
  char err[512];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  lxs_vader *vd = NULL;
  char path[4096];
  if (strcmp(dir, "-") != 0) {
    vd = lxs_vader_new();
    snprintf(path, sizeof path, "%s/vader_lexicon.txt", dir);
    if (lxs_vader_load_lexicon(vd, path, err, sizeof err)) {
      fprintf(stderr, "eval: %s\n", err);
      return 1;
    }
    snprintf(path, sizeof path, "%s/emoji_utf8_lexicon.txt", dir);
    if (lxs_vader_load_emoji(vd, path, err, sizeof err)) {
      fprintf(stderr, "eval: %s\n", err);
      return 1;
    }
  }
  printf("Sentiment evaluation: Pearson r with the mean human rating, and 3-class\n"
         "macro-F1 (thresholds +-0.05 on both sides), lexstance default vs VADER mode\n\n");
  printf("  %-24s %6s  %9s %9s  %9s %9s\n", "set", "n", "ours r", "ours F1", "vader r", "vader F1");
  static const char *const sets[] = {"nytEditorialSnippets", "tweets", "movieReviewSnippets",
                                     "amazonReviewSnippets", NULL};
  size_t ref_ok = 0, ref_n = 0;
  lxs_buf mism;
  lxs_buf_init(&mism);
  for (int k = 0; vd && sets[k]; k++) {
    snprintf(path, sizeof path, "%s/%s_GroundTruth.txt", dir, sets[k]);
    sent_set ss = {0};
    char **texts = NULL, **ids = NULL;
    if (load_rated(path, sc, vd, &ss, &texts, &ids)) {
      printf("  %-24s missing\n", sets[k]);
      continue;
    }
    printf("  %-24s %6zu  %9.3f %9.3f  %9.3f %9.3f\n", sets[k], ss.n,
           pearson(ss.human, ss.ours, ss.n), f1_3(ss.human, ss.ours, ss.n),
           pearson(ss.human, ss.vader, ss.n), f1_3(ss.human, ss.vader, ss.n));
    fflush(stdout);
    check_reference(vd, dir, sets[k], texts, ids, ss.n, &ref_ok, &ref_n);
    for (size_t i = 0; i < ss.n; i++) {
      free(texts[i]);
      free(ids[i]);
    }
    free(texts);
    free(ids);
    free(ss.human);
    free(ss.ours);
    free(ss.vader);
  }
  if (dev) {
    sent_set ss = {0};
    if (load_rated(dev, sc, vd, &ss, NULL, NULL) == 0 && ss.n) {
      if (vd)
        printf("  %-24s %6zu  %9.3f %9.3f  %9.3f %9.3f\n", "policy dev (ours)", ss.n,
               pearson(ss.human, ss.ours, ss.n), f1_3(ss.human, ss.ours, ss.n),
               pearson(ss.human, ss.vader, ss.n), f1_3(ss.human, ss.vader, ss.n));
      else
        printf("  %-24s %6zu  %9.3f %9.3f\n", "policy dev (ours)", ss.n,
               pearson(ss.human, ss.ours, ss.n), f1_3(ss.human, ss.ours, ss.n));
    }
    free(ss.human);
    free(ss.ours);
    free(ss.vader);
  }
  if (ref_n)
    printf("\nVADER mode vs reference outputs: %zu/%zu sentences match exactly (%.3f%%; "
           "goal >= 99.9%%)\n",
           ref_ok, ref_n, 100.0 * ref_ok / ref_n);
  lxs_buf_free(&mism);
  lxs_vader_free(vd);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  return ref_n && ref_ok * 1000 < ref_n * 999 ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc >= 4 && strcmp(argv[1], "sentiment") == 0)
    return eval_sentiment(argv[2], argv[3], argc, argv);
  fprintf(stderr, "usage: eval sentiment VADER_DIR|- DEV.tsv [--lexicon PATH]\n"
                  "(stance: lexstance validate --baselines --sweep LABELS)\n");
  return 2;
}
