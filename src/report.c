/* report.c - field formatting (atomic output files: reportset.c). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void lxs_csv_field(lxs_buf *b, const char *s, size_t n) {
  /* Most fields (ids, names, theme names) are plain ASCII that needs no
   * quotes: one pass decides, and they are copied as they are. */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 || c == ',' || c == '"' || c == '\r' || c == '\n') break;
    i++;
  }
  if (i == n) {
    lxs_buf_put(b, s, n);
    return;
  }
  if (lxs_utf8_validate(s, n) < n) {
    /* Reports are always valid UTF-8: repair, then quote as usual. */
    lxs_buf fixed;
    lxs_buf_init(&fixed);
    lxs_utf8_repair(s, n, &fixed);
    lxs_csv_field(b, fixed.data, fixed.len);
    lxs_buf_free(&fixed);
    return;
  }
  int quote = 0;
  for (size_t j = 0; j < n; j++)
    if (s[j] == ',' || s[j] == '"' || s[j] == '\r' || s[j] == '\n') {
      quote = 1;
      break;
    }
  if (!quote) {
    lxs_buf_put(b, s, n);
    return;
  }
  lxs_buf_putc(b, '"');
  for (size_t j = 0; j < n; j++) {
    if (s[j] == '"') lxs_buf_putc(b, '"');
    lxs_buf_putc(b, s[j]);
  }
  lxs_buf_putc(b, '"');
}

void lxs_csv_str(lxs_buf *b, const char *s) { lxs_csv_field(b, s, strlen(s)); }

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

void lxs_json_str(lxs_buf *b, const char *s, size_t n) {
  lxs_buf_putc(b, '"');
  size_t pos = 0;
  while (pos < n) {
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
      switch (c) {
      case '"': lxs_buf_puts(b, "\\\""); break;
      case '\\': lxs_buf_puts(b, "\\\\"); break;
      case '\n': lxs_buf_puts(b, "\\n"); break;
      case '\r': lxs_buf_puts(b, "\\r"); break;
      case '\t': lxs_buf_puts(b, "\\t"); break;
      default:
        if (c < 0x20) lxs_buf_printf(b, "\\u%04x", c);
        else lxs_buf_putc(b, (char)c);
      }
      pos++;
      continue;
    }
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(b, "\xEF\xBF\xBD", 3);
    else lxs_buf_put(b, s + pos, m);
    pos += m;
  }
  lxs_buf_putc(b, '"');
}

void lxs_md_cell(lxs_buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '|') lxs_buf_puts(b, "\\|");
    else if (*s == '\n' || *s == '\r') lxs_buf_putc(b, ' ');
    else lxs_buf_putc(b, *s);
  }
}
