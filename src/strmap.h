/* strmap.h - internal: a small string -> int map whose keys compare ASCII
 * case-insensitively, and the hash and comparison it uses (the segmenter's
 * name tables and speaker index). */
#ifndef LXS_STRMAP_H
#define LXS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct {
  uint32_t *slots; /* entry index + 1, 0 = empty */
  size_t cap;
  struct {
    uint32_t off, len;
    int val;
  } * ents;
  size_t n, capents;
  lxs_buf keys;
} lxs_strmap;

/* FNV-1a of s with ASCII letters lower-cased. */
uint64_t lxs_hash_lower(const char *s, size_t n);
/* a and b equal with ASCII letters compared case-insensitively. */
int lxs_eq_lower(const char *a, size_t an, const char *b, size_t bn);

void lxs_strmap_init(lxs_strmap *m);
void lxs_strmap_free(lxs_strmap *m);
/* Value of key, or -1. */
int lxs_strmap_get(const lxs_strmap *m, const char *k, size_t n);
/* Set key to val; with keep, an existing different value becomes -2
 * (ambiguous) instead of being replaced. */
void lxs_strmap_put(lxs_strmap *m, const char *k, size_t n, int val, int keep);

#endif
