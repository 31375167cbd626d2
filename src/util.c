/* util.c - checked allocation and growable buffers. */
#include "util.h"

#include "lexstance.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- out of memory -------------------------------------------------------- */

static lxs_oom_handler *g_oom_handler;
static void *g_oom_data;
static _Thread_local lxs_guard *tl_guard;
static unsigned long g_fail_after; /* tests: the countdown to a failure */

void lxs_set_oom_handler(lxs_oom_handler *handler, void *data) {
  g_oom_handler = handler;
  g_oom_data = data;
}

void lxs_guard_enter(lxs_guard *g) {
  g->prev = tl_guard;
  tl_guard = g;
}

void lxs_guard_leave(lxs_guard *g) { tl_guard = g->prev; }

int lxs_out_of_memory(char *err, size_t errlen) {
  lxs_set_err(err, errlen, "out of memory");
  return LXS_ENOMEM;
}

unsigned long lxs_fail_allocation(unsigned long n) {
  unsigned long left = g_fail_after;
  g_fail_after = n;
  return left;
}

/* An allocation that must fail now (lxs_fail_allocation). */
static int injected_failure(void) { return g_fail_after && --g_fail_after == 0; }

_Noreturn void lxs_oom(void) {
  if (g_oom_handler) g_oom_handler(g_oom_data);
  lxs_guard *g = tl_guard;
  if (!g) __builtin_trap(); /* unreachable through the public API */
  tl_guard = g->prev;
  longjmp(g->jb, 1);
}

void *lxs_xmalloc(size_t n) {
  void *p = injected_failure() ? NULL : malloc(n ? n : 1);
  if (!p) lxs_oom();
  return p;
}

void *lxs_xcalloc(size_t n, size_t size) {
  void *p = injected_failure() ? NULL : calloc(n ? n : 1, size ? size : 1);
  if (!p) lxs_oom();
  return p;
}

void *lxs_xrealloc(void *p, size_t n) {
  void *q = injected_failure() ? NULL : realloc(p, n ? n : 1);
  if (!q) lxs_oom();
  return q;
}

void *lxs_uthash_malloc(size_t n) { return lxs_xmalloc(n); }

char *lxs_xstrndup(const char *s, size_t n) {
  char *p = lxs_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void lxs_buf_init(lxs_buf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void lxs_buf_free(lxs_buf *b) {
  free(b->data);
  lxs_buf_init(b);
}

void lxs_buf_grow_(lxs_buf *b, size_t need) {
  if (need <= b->cap) return;
  size_t nc = b->cap ? b->cap : 64;
  while (nc < need) nc *= 2;
  b->data = lxs_xrealloc(b->data, nc);
  b->cap = nc;
}

/* "00" to "99": numbers are written two digits a step. */
static const char kDigitPairs[201] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

void lxs_buf_put_uint(lxs_buf *b, unsigned long long v) {
  /* the digits counted first, then written in place from the last, two
   * at a time and in 32 bits when the value fits (line-number ids, counts:
   * one per document and row): no copy call, half the divisions */
  size_t n = 1;
  for (unsigned long long x = v; x >= 10; x /= 10) n++;
  lxs_buf_reserve(b, n);
  char *d = b->data + b->len + n;
  *d = '\0';
  for (; v > UINT32_MAX; v /= 10) *--d = (char)('0' + v % 10);
  uint32_t x = (uint32_t)v;
  for (; x >= 100; x /= 100) {
    d -= 2;
    memcpy(d, kDigitPairs + 2 * (x % 100), 2);
  }
  if (x >= 10) memcpy(d - 2, kDigitPairs + 2 * x, 2);
  else d[-1] = (char)('0' + x);
  b->len += n;
}

void lxs_buf_put_int(lxs_buf *b, long long v) {
  if (v < 0) {
    lxs_buf_putc(b, '-');
    lxs_buf_put_uint(b, 0ULL - (unsigned long long)v);
  } else {
    lxs_buf_put_uint(b, (unsigned long long)v);
  }
}

void lxs_buf_printf(lxs_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    lxs_buf_put(b, tmp, (size_t)n);
    return;
  }
  lxs_buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

const char *lxs_buf_cstr(lxs_buf *b) {
  lxs_buf_reserve(b, 0);
  b->data[b->len] = '\0';
  return b->data;
}

int lxs_read_file(const char *path, lxs_buf *b, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    lxs_set_err(err, errlen, "%s: %s", path, strerror(errno));
    return LXS_EIO;
  }
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) lxs_buf_put(b, chunk, n);
  int bad = ferror(f);
  int saved = errno;
  fclose(f);
  if (bad) {
    lxs_set_err(err, errlen, "%s: read error: %s", path, strerror(saved));
    return LXS_EIO;
  }
  lxs_buf_cstr(b);
  return 0;
}

int lxs_version(void) { return LXS_VERSION_NUMBER; }
const char *lxs_version_string(void) { return LXS_VERSION; }

const char *lxs_status_string(lxs_status status) {
  switch (status) {
  case LXS_OK: return "ok";
  case LXS_EDATA: return "malformed data";
  case LXS_EINVAL: return "invalid argument";
  case LXS_EIO: return "input/output error";
  case LXS_ENOMEM: return "out of memory";
  }
  return "unknown status";
}

void lxs_set_err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}
