/* stem.c - libstemmer wrapper and the distinct-word cache.
 *
 * Stemming dominates the per-token cost, so each distinct word is stemmed
 * once per thread and kept in an open-addressing table whose entries live in
 * a chunked arena (stable pointers, no per-token allocation). */
#include "stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define CACHE_MAX_WORDS (1u << 18) /* bound memory on huge corpora */
#define CHUNK_BYTES (64 * 1024)

typedef struct chunk {
  struct chunk *next;
  size_t used, cap;
  char data[];
} chunk;

/* The hash is kept beside the pointer so a probe touches the entry only on
 * a likely hit: the table is the hot spot of the whole pipeline. */
typedef struct {
  uint64_t hash;
  uint32_t len;
  lxs_word *w;
  const void *user;   /* the match stage's data for this word, or NULL */
} slot;

struct lxs_stemmer {
  struct sb_stemmer *sb;
  slot *slots;
  size_t nslots, nwords;
  chunk *chunks;
};

static void *arena_alloc(lxs_stemmer *s, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (!s->chunks || s->chunks->used + n > s->chunks->cap) {
    size_t cap = n > CHUNK_BYTES ? n : CHUNK_BYTES;
    chunk *c = lxs_xmalloc(sizeof(chunk) + cap);
    c->next = s->chunks;
    c->used = 0;
    c->cap = cap;
    s->chunks = c;
  }
  void *p = s->chunks->data + s->chunks->used;
  s->chunks->used += n;
  return p;
}

static void cache_clear(lxs_stemmer *s) {
  chunk *c = s->chunks;
  while (c) {
    chunk *nx = c->next;
    free(c);
    c = nx;
  }
  s->chunks = NULL;
  if (s->slots) memset(s->slots, 0, s->nslots * sizeof *s->slots);
  s->nwords = 0;
}

lxs_stemmer *lxs_stemmer_new(const char *language, char *err, size_t errlen) {
  const char *lang = language ? language : "english";
  struct sb_stemmer *sb = sb_stemmer_new(lang, "UTF_8");
  if (!sb) {
    lxs_set_err(err, errlen, "unknown stemmer language '%s'", lang);
    return NULL;
  }
  lxs_stemmer *s = lxs_xcalloc(1, sizeof *s);
  s->sb = sb;
  s->nslots = 1024;
  s->slots = lxs_xcalloc(s->nslots, sizeof *s->slots);
  return s;
}

void lxs_stemmer_free(lxs_stemmer *s) {
  if (!s) return;
  cache_clear(s);
  free(s->slots);
  sb_stemmer_delete(s->sb);
  free(s);
}

const char *lxs_stem(lxs_stemmer *s, const char *word, size_t len,
                     size_t *out_len) {
  const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
  if (!r) { /* libstemmer only fails on allocation */
    *out_len = len;
    return word;
  }
  *out_len = (size_t)sb_stemmer_length(s->sb);
  return (const char *)r;
}

static void grow(lxs_stemmer *s) {
  size_t nn = s->nslots * 2;
  slot *ns = lxs_xcalloc(nn, sizeof *ns);
  for (size_t i = 0; i < s->nslots; i++) {
    if (!s->slots[i].w) continue;
    size_t h = s->slots[i].hash & (nn - 1);
    while (ns[h].w) h = (h + 1) & (nn - 1);
    ns[h] = s->slots[i];
  }
  free(s->slots);
  s->slots = ns;
  s->nslots = nn;
}

lxs_word *lxs_stem_lookup(lxs_stemmer *s, const char *word, size_t len,
                          const void ***user) {
  uint64_t hv = lxs_hash_bytes(word, len);
  size_t mask = s->nslots - 1;
  size_t h = hv & mask;
  while (s->slots[h].w) {
    /* A 64-bit hash and the length identify the word; the entry itself is
     * not touched, which saves a cache miss per token on large
     * vocabularies (a collision needs ~2^32 distinct words). */
    if (s->slots[h].hash == hv && s->slots[h].len == len) {
      *user = &s->slots[h].user;
      return s->slots[h].w;
    }
    h = (h + 1) & mask;
  }
  /* Very long "words" (a megabyte without a space) are stemmed but not
   * worth caching beyond their own document; they still go through the
   * arena so their pointer stays valid for the document. */
  size_t sl;
  const char *st = lxs_stem(s, word, len, &sl);
  lxs_word *w = arena_alloc(s, sizeof *w + len + 1 + sl + 1);
  char *nm = (char *)(w + 1);
  memcpy(nm, word, len);
  nm[len] = '\0';
  char *sm = nm + len + 1;
  memcpy(sm, st, sl);
  sm[sl] = '\0';
  w->norm = nm;
  w->stem = sm;
  w->norm_len = (unsigned)len;
  w->stem_len = (unsigned)sl;
  w->stem_hash = lxs_hash_bytes(sm, sl);
  if (s->nwords * 2 + 2 > s->nslots) {
    grow(s);
    mask = s->nslots - 1;
    h = hv & mask;
    while (s->slots[h].w) h = (h + 1) & mask;
  }
  s->slots[h].hash = hv;
  s->slots[h].len = (uint32_t)len;
  s->slots[h].w = w;
  s->slots[h].user = NULL;
  s->nwords++;
  *user = &s->slots[h].user;
  return w;
}

lxs_word *lxs_stem_word(lxs_stemmer *s, const char *word, size_t len) {
  const void **user;
  return lxs_stem_lookup(s, word, len, &user);
}

void *lxs_stem_alloc(lxs_stemmer *s, size_t n) { return arena_alloc(s, n); }

void lxs_stemmer_trim(lxs_stemmer *s) {
  if (s->nwords > CACHE_MAX_WORDS) cache_clear(s);
}

size_t lxs_stemmer_cache_size(const lxs_stemmer *s) { return s->nwords; }

const char **lxs_stem_languages(void) { return sb_stemmer_list(); }
