/* util.h - small internal helpers: checked allocation, growable buffers,
 * error formatting.  Internal to lexstance; not part of the public API. */
#ifndef LXS_UTIL_H
#define LXS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

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
void lxs_buf_reserve(lxs_buf *b, size_t extra);
void lxs_buf_put(lxs_buf *b, const char *s, size_t n);
void lxs_buf_putc(lxs_buf *b, char c);
void lxs_buf_puts(lxs_buf *b, const char *s);
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

#endif
