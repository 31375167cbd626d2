/* strmap.h - internal: the library's one string -> int map.  Its keys
 * compare ASCII case-insensitively (the segmenter's name tables, the
 * speaker registry, theme names, the directory walk's) or, made with
 * lxs_strmap_init_exact, byte for byte (lexicon check's indexes, VADER's
 * emoji by code point).  The
 * word classes keep a static table of their own (wordclass.c says why). */
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
  int exact; /* keys compare byte for byte; the empty key is a key */
} lxs_strmap;

/* FNV-1a of s with ASCII letters lower-cased. */
uint64_t lxs_hash_lower(const char *s, size_t n);
/* a and b equal with ASCII letters compared case-insensitively. */
int lxs_eq_lower(const char *a, size_t an, const char *b, size_t bn);

/* A map whose keys compare ASCII case-insensitively; the empty key is
 * none (get: -1, put: nothing), as a name that folds to nothing is none. */
void lxs_strmap_init(lxs_strmap *m);
/* A map whose keys compare byte for byte, the empty key included. */
void lxs_strmap_init_exact(lxs_strmap *m);
/* Empties m, keeping its memory and kind. */
void lxs_strmap_clear(lxs_strmap *m);
void lxs_strmap_free(lxs_strmap *m);
/* Value of key, or -1.  Read-only: threads may share a map nobody puts to. */
int lxs_strmap_get(const lxs_strmap *m, const char *k, size_t n);
/* Set key to val (>= 0); with keep, an existing different value becomes
 * -2 (ambiguous) instead of being replaced. */
void lxs_strmap_put(lxs_strmap *m, const char *k, size_t n, int val, int keep);

#endif
