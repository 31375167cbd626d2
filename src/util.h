/* util.h - small internal helpers: checked allocation, growable buffers,
 * error formatting.  Internal to lexstance; not part of the public API. */
#ifndef LXS_UTIL_H
#define LXS_UTIL_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

/* Allocation.  These never return NULL: a failure calls the application's
 * out-of-memory handler (lxs_set_oom_handler), then unwinds to the
 * innermost guard on this thread -- every public entry point that
 * allocates runs under one -- whose call returns LXS_ENOMEM.  The
 * pipeline stages thus need no error path for memory, and the library
 * never ends the process (the CLI's handler does: exit 4).
 *
 * A public entry point guards itself like this (its own locals are not
 * read after a failure, so they need not be volatile):
 *
 *   lxs_guard g;
 *   lxs_guard_enter(&g);
 *   if (setjmp(g.jb)) return lxs_out_of_memory(err, errlen);  (LXS_ENOMEM)
 *   ... the work, usually a static function ...
 *   lxs_guard_leave(&g);
 *
 * Without a guard (internal functions called from outside the library,
 * which only the CLI and the tests do) a failure the handler returns
 * from cannot be reported, and traps. */
typedef struct lxs_guard {
  jmp_buf jb;
  struct lxs_guard *prev;
} lxs_guard;
/* Pushes g on this thread's guards. */
void lxs_guard_enter(lxs_guard *g);
/* Pops g (the innermost guard). */
void lxs_guard_leave(lxs_guard *g);
/* After the unwinding (the guard already popped): err = "out of memory";
 * returns LXS_ENOMEM. */
int lxs_out_of_memory(char *err, size_t errlen);
/* For tests: the n-th allocation from now fails (n = 0: none fails);
 * returns how many were still to go before this call. */
unsigned long lxs_fail_allocation(unsigned long n);
/* uthash's allocation goes through these (hashtab.h). */
void *lxs_uthash_malloc(size_t n);
_Noreturn void lxs_oom(void);

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
static inline void lxs_buf_put(lxs_buf *b, const char *s, size_t n) {
  lxs_buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}
static inline void lxs_buf_putc(lxs_buf *b, char c) {
  lxs_buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}
static inline void lxs_buf_puts(lxs_buf *b, const char *s) { lxs_buf_put(b, s, strlen(s)); }
/* Decimal integers, as "%llu" and "%lld" would print them (report rows are
 * hot; printf is not). */
void lxs_buf_put_uint(lxs_buf *b, unsigned long long v);
void lxs_buf_put_int(lxs_buf *b, long long v);
void lxs_buf_printf(lxs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Keeps a trailing NUL after len (not counted). */
const char *lxs_buf_cstr(lxs_buf *b);

/* Generic growable array of fixed-size elements. */
#define LXS_VEC_GROW(ptr, len, cap)                                                                \
  do {                                                                                             \
    if ((len) >= (cap)) {                                                                          \
      size_t lxs_nc_ = (cap) ? (cap)*2 : 16;                                                       \
      (ptr) = lxs_xrealloc((ptr), lxs_nc_ * sizeof(*(ptr)));                                       \
      (cap) = lxs_nc_;                                                                             \
    }                                                                                              \
  } while (0)

/* Append the whole file at path to b (NUL-terminated after len).  Returns
 * 0, or LXS_EIO with err = "PATH: reason". */
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

/* The word hash, used by the word cache on every token: the word is read
 * as little-endian 64-bit chunks, the last one zero-padded, taken in
 * pairs whose two multiplications are independent (a short dependency
 * chain: the tokenizer hashes every word), so the tokenizer can compute
 * the same value from the SIMD register it scanned a word of up to 16
 * bytes with (lxs_hash_word_pair, lxs_hash_word_finish). */
#define LXS_HASH_K 0x9E3779B97F4A7C15ULL
#define LXS_HASH_K2 0xC2B2AE3D27D4EB4FULL
static inline uint64_t lxs_hash_word_start(size_t n) {
  return ((uint64_t)n + 1) * LXS_HASH_K; /* so that hash("") != 0 */
}
static inline uint64_t lxs_hash_word_pair(uint64_t h, uint64_t a, uint64_t b) {
  return ((h ^ a) * LXS_HASH_K) ^ (b * LXS_HASH_K2);
}
static inline uint64_t lxs_hash_word_finish(uint64_t h) {
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}
static inline uint64_t lxs_hash_word_chunk(const unsigned char *p, size_t m) {
  uint64_t c = 0;
  for (size_t j = 0; j < m; j++) c |= (uint64_t)p[j] << (8 * j);
  return c;
}
static inline uint64_t lxs_hash_word(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h = lxs_hash_word_start(n);
  for (size_t i = 0; i < n; i += 16) {
    size_t left = n - i;
    uint64_t a = lxs_hash_word_chunk(p + i, left < 8 ? left : 8);
    uint64_t b = left > 8 ? lxs_hash_word_chunk(p + i + 8, left < 16 ? left - 8 : 8) : 0;
    if (i) h ^= h >> 32; /* mix the pair before into the low bits */
    h = lxs_hash_word_pair(h, a, b);
  }
  return lxs_hash_word_finish(h);
}

#endif
