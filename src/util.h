/* util.h - small internal helpers: checked allocation, growable buffers,
 * error formatting.  Internal to lexstance; not part of the public API. */
#ifndef LXS_UTIL_H
#define LXS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

/* Allocation failure is not recoverable for a command-line scorer; like
 * cmark we abort with a clear message rather than thread ENOMEM through
 * every pipeline stage. */
void *lxs_xmalloc(size_t n);
void *lxs_xcalloc(size_t n, size_t size);
void *lxs_xrealloc(void *p, size_t n);
char *lxs_xstrndup(const char *s, size_t n);

/* Growable byte buffer; reused across calls to avoid per-token allocation. */
typedef struct {
  char *data;
  size_t len;
  size_t cap;
} lxs_buf;

void lxs_buf_init(lxs_buf *b);
void lxs_buf_free(lxs_buf *b);
/* Out-of-line part of lxs_buf_reserve. */
void lxs_buf_grow_(lxs_buf *b, size_t need);
/* Room for extra more bytes and a NUL. */
static inline void lxs_buf_reserve(lxs_buf *b, size_t extra) {
  if (b->len + extra + 1 > b->cap) lxs_buf_grow_(b, b->len + extra + 1);
}
void lxs_buf_put(lxs_buf *b, const char *s, size_t n);
static inline void lxs_buf_putc(lxs_buf *b, char c) {
  lxs_buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}
void lxs_buf_puts(lxs_buf *b, const char *s);
/* Decimal integers, as "%llu" and "%lld" would print them (report rows are
 * hot; printf is not). */
void lxs_buf_put_uint(lxs_buf *b, unsigned long long v);
void lxs_buf_put_int(lxs_buf *b, long long v);
void lxs_buf_printf(lxs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Keeps a trailing NUL after len (not counted). */
const char *lxs_buf_cstr(lxs_buf *b);

/* Generic growable array of fixed-size elements. */
#define LXS_VEC_GROW(ptr, len, cap)                                         \
  do {                                                                      \
    if ((len) >= (cap)) {                                                   \
      size_t lxs_nc_ = (cap) ? (cap)*2 : 16;                                \
      (ptr) = lxs_xrealloc((ptr), lxs_nc_ * sizeof(*(ptr)));                \
      (cap) = lxs_nc_;                                                      \
    }                                                                       \
  } while (0)

/* Append the whole file at path to b (NUL-terminated after len).  Returns
 * 0, or LXS_EIO (3) with err = "PATH: reason". */
int lxs_read_file(const char *path, lxs_buf *b, char *err, size_t errlen);

/* Write "msg" into err (may be NULL) as printf. */
void lxs_set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* FNV-1a, used by the internal hash tables. */
static inline uint64_t lxs_hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* A faster hash for short keys (whole words per multiply, as in wyhash),
 * used by the word cache on every token; all 64 bits are well mixed. */
static inline uint64_t lxs_hash_word(const char *s, size_t n) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h = ((uint64_t)n + 1) * k; /* so that hash("") != 0 */
  uint64_t v;
  while (n > 8) {
    memcpy(&v, p, 8);
    h = (h ^ v) * k;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n >= 4) { /* 4..8 bytes: first four and last four (may overlap) */
    uint32_t a, b;
    memcpy(&a, p, 4);
    memcpy(&b, p + n - 4, 4);
    v = (uint64_t)a << 32 | b;
  } else if (n) { /* 1..3 bytes */
    v = (uint64_t)p[0] << 16 | (uint64_t)p[n >> 1] << 8 | p[n - 1];
  } else {
    v = 0;
  }
  h = (h ^ v) * k;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

#endif
