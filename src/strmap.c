/* strmap.c - the library's one string -> int map (strmap.h).  Open
 * addressing with linear probing, at most half full; the keys live
 * side by side in one buffer. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t lxs_hash_lower(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

int lxs_eq_lower(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t i = 0; i < an; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

void lxs_strmap_init(lxs_strmap *m) {
  memset(m, 0, sizeof *m);
  lxs_buf_init(&m->keys);
}

void lxs_strmap_init_exact(lxs_strmap *m) {
  lxs_strmap_init(m);
  m->exact = 1;
}

void lxs_strmap_clear(lxs_strmap *m) {
  if (m->cap) memset(m->slots, 0, m->cap * sizeof *m->slots);
  m->n = 0;
  m->keys.len = 0;
}

void lxs_strmap_free(lxs_strmap *m) {
  free(m->slots);
  free(m->ents);
  lxs_buf_free(&m->keys);
  memset(m, 0, sizeof *m);
}

/* The slot holding key k, or the empty slot where it would go. */
static uint32_t *slot(lxs_strmap *m, const char *k, size_t n) {
  uint64_t hash = m->exact ? lxs_hash_bytes(k, n) : lxs_hash_lower(k, n);
  size_t h = (size_t)(hash & (m->cap - 1));
  for (;;) {
    uint32_t e = m->slots[h];
    if (!e) return &m->slots[h];
    const char *ek = m->keys.data + m->ents[e - 1].off;
    size_t en = m->ents[e - 1].len;
    if (m->exact ? en == n && (!n || memcmp(ek, k, n) == 0) : lxs_eq_lower(ek, en, k, n))
      return &m->slots[h];
    h = (h + 1) & (m->cap - 1);
  }
}

int lxs_strmap_get(const lxs_strmap *m, const char *k, size_t n) {
  if (!m->cap || (!n && !m->exact)) return -1;
  uint32_t e = *slot((lxs_strmap *)m, k, n);
  return e ? m->ents[e - 1].val : -1;
}

static void grow(lxs_strmap *m) {
  size_t nc = m->cap ? m->cap * 2 : 64;
  /* allocate before freeing: lxs_xcalloc may unwind on out-of-memory,
   * and the map must then still own a valid slot array */
  uint32_t *ns = lxs_xcalloc(nc, sizeof *ns);
  free(m->slots);
  m->slots = ns;
  m->cap = nc;
  for (size_t i = 0; i < m->n; i++) {
    uint32_t *s = slot(m, m->keys.data + m->ents[i].off, m->ents[i].len);
    *s = (uint32_t)i + 1;
  }
}

void lxs_strmap_put(lxs_strmap *m, const char *k, size_t n, int val, int keep) {
  if (!n && !m->exact) return;
  /* the entries and key offsets are 32-bit: more would not fit in memory
   * anyway, so running past them is running out of it */
  if (m->n >= UINT32_MAX - 1 || n > UINT32_MAX - m->keys.len) lxs_oom();
  if ((m->n + 1) * 2 > m->cap) grow(m);
  uint32_t *s = slot(m, k, n);
  if (*s) {
    int *v = &m->ents[*s - 1].val;
    if (!keep) *v = val;
    else if (*v != val) *v = -2;
    return;
  }
  LXS_VEC_GROW(m->ents, m->n, m->capents);
  m->ents[m->n].off = (uint32_t)m->keys.len;
  m->ents[m->n].len = (uint32_t)n;
  m->ents[m->n].val = val;
  lxs_buf_put(&m->keys, k, n);
  *s = (uint32_t)++m->n;
}
