/* libFuzzer target: the partial reader behind `lexstance merge` on
 * arbitrary bytes, as one or (split at a form feed) two files read by one
 * reader.  A file is read or fails with a "fuzz-N.part..." error; every
 * record handed on parses, and its numbers are in range: counts within
 * 32 bits, sums finite and no larger than their counts allow. */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "partial.h"

typedef struct {
  const lxs_partial_reader *r;
  size_t nrec;
} ctx;

static int on_record(void *ud, const char *line, size_t len) {
  ctx *c = ud;
  size_t nt = lxs_partial_theme_count(c->r);
  uint32_t *mentions = calloc(nt + 1, sizeof *mentions),
           *stance_n = calloc(nt + 1, sizeof *stance_n);
  double *sum = calloc(nt + 1, sizeof *sum), *sumsq = calloc(nt + 1, sizeof *sumsq);
  lxs_partial_rec rec = {
      .mentions = mentions, .stance_n = stance_n, .stance_sum = sum, .stance_sumsq = sumsq};
  char err[256];
  if (lxs_partial_parse(c->r, line, len, &rec, err, sizeof err)) abort();
  if (rec.speaker < line || rec.speaker + rec.speaker_len > line + len) abort();
  if (rec.doc < line || rec.doc + rec.doc_len > line + len) abort();
  if (!isfinite(rec.sentiment_sum) || fabs(rec.sentiment_sum) > rec.sentiment_n) abort();
  for (size_t t = 0; t < nt; t++) {
    if (!isfinite(sum[t]) || !isfinite(sumsq[t]) || sumsq[t] < 0) abort();
    if (fabs(sum[t]) > stance_n[t] || sumsq[t] > stance_n[t]) abort();
  }
  free(mentions);
  free(stance_n);
  free(sum);
  free(sumsq);
  c->nrec++;
  return 0;
}

static int read_one(lxs_partial_reader *r, const uint8_t *data, size_t size, const char *name) {
  FILE *f = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
  if (!f) return -1;
  ctx c = {r, 0};
  char err[512];
  err[0] = '\0';
  int rc = lxs_partial_read(r, f, name, on_record, &c, err, sizeof err);
  fclose(f);
  size_t nl = strlen(name);
  if (rc != LXS_OK && (strncmp(err, name, nl) != 0 || err[nl] != ':')) abort();
  if (rc != LXS_OK && rc != LXS_EDATA) abort();
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lxs_partial_reader *r = lxs_partial_reader_new();
  const uint8_t *ff = memchr(data, '\f', size);
  size_t first = ff ? (size_t)(ff - data) : size;
  if (read_one(r, data, first, "fuzz-1.part") == LXS_OK && ff)
    read_one(r, ff + 1, size - first - 1, "fuzz-2.part");
  for (size_t t = 0; t < lxs_partial_theme_count(r); t++)
    if (!lxs_partial_theme(r, t)) abort();
  lxs_partial_reader_free(r);
  return 0;
}
