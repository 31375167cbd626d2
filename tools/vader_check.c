/* vader_check.c - check the VADER-compatible mode against reference output.
 *
 *   vader_check VADER_LEXICON EMOJI_LEXICON GROUNDTRUTH REFERENCE_TSV
 *     Scores column 3 of every ground-truth line (id<TAB>mean<TAB>text,
 *     CRLF), compares with the reference row (id neg neu pos compound,
 *     printed like Python floats) and reports mismatches.  Exit 0 when at
 *     least 99.9% of the rows match exactly.
 *
 *   vader_check --bench [--passes N] FILE VADER_LEXICON EMOJI_LEXICON
 *     Scores each line of FILE repeatedly for about two seconds (or
 *     exactly N times) and prints the single-thread throughput (best pass
 *     and mean).  A fixed N makes instruction counts reproducible:
 *       valgrind --tool=callgrind --toggle-collect=lxs_vader_score \
 *         vader_check --bench --passes 1 FILE ...
 *     counts the scoring loop alone, whatever the machine's load. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "vader.h"

#define MIN_MATCH_RATE 0.999

typedef struct {
  const char *s;
  size_t n;
} slice;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "vader_check: cannot open %s\n", path);
    return NULL;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) lxs_buf_put(&b, chunk, got);
  fclose(f);
  lxs_buf_reserve(&b, 0);
  *len = b.len;
  return b.data;
}

/* Split data into lines without their LF or CRLF.  A final empty line
 * (after a trailing newline) is dropped. */
static slice *split_lines(const char *data, size_t len, size_t *count) {
  slice *lines = NULL;
  size_t n = 0, cap = 0, pos = 0;
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t e = end;
    if (e > pos && data[e - 1] == '\r') e--;
    LXS_VEC_GROW(lines, n, cap);
    lines[n].s = data + pos;
    lines[n].n = e - pos;
    n++;
    pos = end + 1;
  }
  *count = n;
  return lines;
}

/* The k-th tab-separated field of a line (k from 0); the last field asked
 * for runs to the end of the line when `rest` is set. */
static int field(slice line, int k, int rest, slice *out) {
  const char *p = line.s, *end = line.s + line.n;
  for (int i = 0; i < k; i++) {
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    if (!tab) return -1;
    p = tab + 1;
  }
  const char *tab = rest ? NULL : memchr(p, '\t', (size_t)(end - p));
  out->s = p;
  out->n = (size_t)((tab ? tab : end) - p);
  return 0;
}

static int slice_eq(slice a, slice b) { return a.n == b.n && memcmp(a.s, b.s, a.n) == 0; }

static lxs_vader *load(const char *lex, const char *emoji) {
  char err[512];
  lxs_vader *v = lxs_vader_new();
  if (lxs_vader_load_lexicon(v, lex, err, sizeof err) != 0 ||
      lxs_vader_load_emoji(v, emoji, err, sizeof err) != 0) {
    fprintf(stderr, "vader_check: %s\n", err);
    lxs_vader_free(v);
    return NULL;
  }
  return v;
}

/* "neg neu pos compound" as Python prints them. */
static void format_scores(const lxs_vader_scores *s, char out[4][40]) {
  lxs_vader_format(s->neg, out[0], 40);
  lxs_vader_format(s->neu, out[1], 40);
  lxs_vader_format(s->pos, out[2], 40);
  lxs_vader_format(s->compound, out[3], 40);
}

/* Set name for messages: the reference file's base name without ".tsv". */
static void set_name(const char *path, char *out, size_t outlen) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  if (n > 4 && strcmp(base + n - 4, ".tsv") == 0) n -= 4;
  snprintf(out, outlen, "%.*s", (int)n, base);
}

/* Compare one scored text with its reference row; 1 when all four
 * values print identically (so even the sign of a zero must agree). */
static int compare_row(const char *set, slice truth, slice ref, lxs_vader *v) {
  slice id, text, rid, want[4];
  if (field(truth, 0, 0, &id) || field(truth, 2, 1, &text) || field(ref, 0, 0, &rid)) {
    printf("MISMATCH %s: malformed line '%.*s'\n", set, (int)truth.n, truth.s);
    return 0;
  }
  for (int k = 0; k < 4; k++)
    if (field(ref, k + 1, k == 3, &want[k])) {
      printf("MISMATCH %s %.*s: malformed reference row\n", set, (int)id.n, id.s);
      return 0;
    }
  if (!slice_eq(id, rid)) {
    printf("MISMATCH %s %.*s: reference row has id %.*s\n", set, (int)id.n, id.s, (int)rid.n,
           rid.s);
    return 0;
  }
  lxs_vader_scores got;
  char g[4][40];
  lxs_vader_score(v, text.s, text.n, &got, NULL);
  format_scores(&got, g);
  int same = 1;
  for (int k = 0; k < 4; k++) same &= slice_eq((slice){g[k], strlen(g[k])}, want[k]);
  if (!same)
    printf("MISMATCH %s %.*s: got %s %s %s %s, want %.*s %.*s %.*s %.*s\n", set, (int)id.n, id.s,
           g[0], g[1], g[2], g[3], (int)want[0].n, want[0].s, (int)want[1].n, want[1].s,
           (int)want[2].n, want[2].s, (int)want[3].n, want[3].s);
  return same;
}

static int run_check(const char *lex, const char *emoji, const char *truth_path,
                     const char *ref_path) {
  size_t tlen, rlen, nt, nr;
  char *tdata = slurp(truth_path, &tlen);
  char *rdata = tdata ? slurp(ref_path, &rlen) : NULL;
  lxs_vader *v = rdata ? load(lex, emoji) : NULL;
  if (!v) {
    free(tdata);
    free(rdata);
    return 2;
  }
  slice *truth = split_lines(tdata, tlen, &nt);
  slice *ref = split_lines(rdata, rlen, &nr);
  char set[256];
  set_name(ref_path, set, sizeof set);
  size_t skip = (nr > 0 && ref[0].n >= 2 && memcmp(ref[0].s, "id", 2) == 0);
  if (nr - skip != nt)
    printf("MISMATCH %s: %zu ground-truth lines but %zu reference rows\n", set, nt, nr - skip);
  size_t ok = 0;
  for (size_t i = 0; i < nt; i++)
    ok += i + skip < nr && compare_row(set, truth[i], ref[i + skip], v);
  double rate = nt ? (double)ok / (double)nt : 0.0;
  printf("%s: %zu/%zu match (%.2f%%)\n", set, ok, nt, 100.0 * rate);
  free(truth);
  free(ref);
  free(tdata);
  free(rdata);
  lxs_vader_free(v);
  return (nt > 0 && nr - skip == nt && rate >= MIN_MATCH_RATE) ? 0 : 1;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int run_bench(const char *file, const char *lex, const char *emoji, size_t fixed_passes) {
  size_t len, n;
  char *data = slurp(file, &len);
  lxs_vader *v = data ? load(lex, emoji) : NULL;
  if (!v) {
    free(data);
    return 2;
  }
  slice *lines = split_lines(data, len, &n);
  size_t bytes_per_pass = 0;
  for (size_t i = 0; i < n; i++) bytes_per_pass += lines[i].n;
  /* Repeat for about two seconds; the best pass is the figure least
   * disturbed by other processes, the mean the sustained one. */
  double checksum = 0.0, t0 = now_seconds(), elapsed, best = 1e30;
  size_t passes = 0;
  do {
    double p0 = now_seconds();
    for (size_t i = 0; i < n; i++) {
      lxs_vader_scores s;
      lxs_vader_score(v, lines[i].s, lines[i].n, &s, NULL);
      checksum += s.compound;
    }
    double dt = now_seconds() - p0;
    if (dt < best) best = dt;
    passes++;
    elapsed = now_seconds() - t0;
  } while (fixed_passes ? passes < fixed_passes : elapsed < 2.0);
  double mb = (double)bytes_per_pass / 1e6;
  printf("%s: %zu lines, %zu bytes, %zu passes in %.3f s\n", file, n, bytes_per_pass, passes,
         elapsed);
  printf("best pass: %.1f MB/s, %.0f sentences/s\n", mb / best, (double)n / best);
  printf("mean:      %.1f MB/s, %.0f sentences/s (checksum %.4f)\n", mb * (double)passes / elapsed,
         (double)(n * passes) / elapsed, checksum / (double)passes);
  free(lines);
  free(data);
  lxs_vader_free(v);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 5 && strcmp(argv[1], "--bench") == 0) return run_bench(argv[2], argv[3], argv[4], 0);
  if (argc == 7 && strcmp(argv[1], "--bench") == 0 && strcmp(argv[2], "--passes") == 0) {
    char *end;
    unsigned long n = strtoul(argv[3], &end, 10);
    if (*end == '\0' && n > 0) return run_bench(argv[4], argv[5], argv[6], (size_t)n);
  }
  if (argc == 5 && argv[1][0] != '-') return run_check(argv[1], argv[2], argv[3], argv[4]);
  fprintf(stderr, "usage: vader_check VADER_LEXICON EMOJI_LEXICON GROUNDTRUTH "
                  "REFERENCE_TSV\n"
                  "       vader_check --bench [--passes N] FILE VADER_LEXICON EMOJI_LEXICON\n");
  return 2;
}
