/* stem.h - stage 2: Snowball stemming (libstemmer) with a per-thread cache
 * of distinct words.  The only file that includes libstemmer.h is stem.c. */
#ifndef LXS_STEM_H
#define LXS_STEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lxs_stemmer lxs_stemmer;

/* An interned distinct word: its normal form and its stem.  Valid until
 * lxs_stemmer_trim() drops the cache. */
typedef struct lxs_word {
  const char *norm;
  const char *stem;
  unsigned norm_len, stem_len;
} lxs_word;

/* A cache record: the word plus two fields owned by the caller (the match
 * stage keeps the word's lexicon candidates and stem id there).  32 bytes,
 * so two share a cache line in the hot front table. */
typedef struct lxs_cached_word {
  uint64_t hash;          /* lxs_hash_word(norm) */
  uint32_t len;           /* norm_len */
  uint32_t id;            /* caller's */
  lxs_word *w;
  const void *user;       /* caller's */
} lxs_cached_word;

/* Fills a new record's caller fields on first sight of a word.  It may
 * allocate with lxs_stem_alloc() but must not look words up. */
typedef void (*lxs_word_init_fn)(void *ctx, lxs_stemmer *s,
                                 lxs_cached_word *rec);

/* language: a Snowball algorithm name ("english", "french", ...) or NULL for
 * English.  Returns NULL with a message in err for an unknown language. */
lxs_stemmer *lxs_stemmer_new(const char *language, char *err, size_t errlen);
void lxs_stemmer_free(lxs_stemmer *s);

/* Stem one normalised (lower-case NFC) word.  The result belongs to the
 * stemmer until the next call. */
const char *lxs_stem(lxs_stemmer *s, const char *word, size_t len,
                     size_t *out_len);

/* The hot front of the cache: a small 2-way set-associative table that
 * stays in L2 (see stem.c).  Visible here so the lookup can be inline. */
#define LXS_FRONT_SETS 4096 /* x 2 ways x 32 bytes = 256 KB */
typedef struct {
  lxs_cached_word way[2]; /* way[0] most recently used */
} lxs_front_set;

/* The stemmer, visible so that the hot lookups below can be inline;
 * only stem.c touches its fields otherwise. */
struct lxs_stemmer {
  lxs_front_set *front;
  struct sb_stemmer *sb;        /* libstemmer's, opaque here */
  lxs_cached_word *slots;       /* the main table; w == NULL: empty */
  size_t nslots, nwords;
  struct lxs_stem_chunk *chunks;
  lxs_cached_word scratch;      /* record returned for uncached lookups */
};

const lxs_cached_word *lxs_stem_lookup_slow(lxs_stemmer *s, const char *word,
                                            size_t len, uint64_t hash,
                                            lxs_word_init_fn init, void *ctx);

/* Intern word (normalised; hash = lxs_hash_word(word, len)) and return
 * its record, stemming it and calling init (may be NULL) on first sight.
 * The record is a copy that stays valid only until the next call on s. */
static inline const lxs_cached_word *lxs_stem_lookup(
    lxs_stemmer *s, const char *word, size_t len, uint64_t hash,
    lxs_word_init_fn init, void *ctx) {
  lxs_front_set *fs = &s->front[(hash >> 40) & (LXS_FRONT_SETS - 1)];
  /* An empty way (hash 0, len 0) never matches: only "" has len 0, and
   * lxs_hash_word("") is not 0. */
  if (fs->way[0].hash == hash && fs->way[0].len == len) return &fs->way[0];
  if (fs->way[1].hash == hash && fs->way[1].len == len) {
    lxs_cached_word t = fs->way[1];
    fs->way[1] = fs->way[0];
    fs->way[0] = t;
    return &fs->way[0];
  }
  return lxs_stem_lookup_slow(s, word, len, hash, init, ctx);
}

/* Start loading the cache memory that a lookup of hash will read. */
static inline void lxs_stem_prefetch(const lxs_stemmer *s, uint64_t hash) {
  __builtin_prefetch(&s->front[(hash >> 40) & (LXS_FRONT_SETS - 1)]);
  __builtin_prefetch(&s->slots[hash & (s->nslots - 1)]);
}

/* The same without caller data. */
lxs_word *lxs_stem_word(lxs_stemmer *s, const char *word, size_t len);

/* Drop the cache when it has grown beyond its bound; call between
 * documents only (pointers from lxs_stem_word become invalid). */
void lxs_stemmer_trim(lxs_stemmer *s);
size_t lxs_stemmer_cache_size(const lxs_stemmer *s);

/* Memory that lives as long as the word cache (until lxs_stemmer_trim
 * drops it); for data the match stage attaches to words. */
void *lxs_stem_alloc(lxs_stemmer *s, size_t n);

/* NULL-terminated list of available Snowball algorithms. */
const char **lxs_stem_languages(void);

#endif
