/* report.c - number formatting (text: escape.c; files: reportset.c). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void lxs_fmt_num(lxs_buf *b, double v) {
  if (!isfinite(v)) v = 0;
  if (fabs(v) < 0.00005) { /* never print -0.0000; and zero is common */
    lxs_buf_put(b, "0.0000", 6);
    return;
  }
  /* Hot in large reports: print digits directly, and leave the rare value
   * that sits within rounding noise of a half (or is huge) to printf, so
   * the bytes always equal "%.4f". */
  double scaled = fabs(v) * 10000.0;
  double frac = scaled - floor(scaled);
  if (scaled > 9e15 || fabs(frac - 0.5) < 1e-6) {
    lxs_buf_printf(b, "%.4f", v);
    return;
  }
  uint64_t n = (uint64_t)(scaled + 0.5);
  char tmp[32];
  int k = 0;
  for (int d = 0; d < 4; d++) {
    tmp[k++] = (char)('0' + n % 10);
    n /= 10;
  }
  tmp[k++] = '.';
  do {
    tmp[k++] = (char)('0' + n % 10);
    n /= 10;
  } while (n);
  if (v < 0) tmp[k++] = '-';
  lxs_buf_reserve(b, (size_t)k);
  while (k) b->data[b->len++] = tmp[--k];
  b->data[b->len] = '\0';
}
