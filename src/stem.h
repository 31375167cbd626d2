/* stem.h - stage 2: Snowball stemming (libstemmer) with a per-thread cache
 * of distinct words.  The only file that includes libstemmer.h is stem.c. */
#ifndef LXS_STEM_H
#define LXS_STEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lxs_stemmer lxs_stemmer;

/* A distinct word on first sight, as lxs_word_init_fn sees it: its normal
 * form and its stem, valid during that call only. */
typedef struct lxs_word {
  const char *norm;
  const char *stem;
  unsigned norm_len, stem_len;
} lxs_word;

/* What a lookup gives the caller: two 32-bit values the caller set on the
 * word's first sight (the match stage keeps the lexicon number of the
 * word's stem and a handle of its candidate patterns there).  With the
 * hash, 16 bytes: four fit a cache line of the hot front table. */
typedef struct {
  uint64_t hash;     /* lxs_hash_word(norm); 0: empty */
  uint32_t id, user; /* the caller's */
} lxs_word_ref;

/* Fills a new word's caller values on first sight.  It must not look
 * words up.  Returns 1 when the values depend on the word alone (not on
 * the caller's state), so that other threads' stemmers may take them from
 * a shared memo (lxs_word_memo) instead of stemming the word again. */
typedef int (*lxs_word_init_fn)(void *ctx, const lxs_word *w, lxs_word_ref *ref);

/* The Snowball algorithm a language name stands for ("de", "ger" and
 * "german" are all "german"; case does not matter), or NULL when there is
 * none.  NULL name: "english". */
const char *lxs_language_name(const char *name);

/* language: a Snowball algorithm name ("english", "french", ...) or NULL for
 * English.  Returns NULL with a message in err for an unknown language. */
lxs_stemmer *lxs_stemmer_new(const char *language, char *err, size_t errlen);
void lxs_stemmer_free(lxs_stemmer *s);

/* First-sight values shared by the stemmers of several threads.  Each
 * stemmer caches the words it has seen; without a memo every thread
 * stems and initialises each distinct word again (with -j 2 on real text,
 * 4% more instructions than -j 1, three quarters of them libstemmer's).
 * A stemmer given a memo looks a word it has not seen up there first and
 * adds what its init marked as shareable.  Thread-safe (a mutex: lookups
 * reach it only on a thread's first sight of a word); bounded (cleared
 * when full, like the per-thread caches).  Values depend on the word
 * alone, so which thread stems a word first does not change any
 * output. */
typedef struct lxs_word_memo lxs_word_memo;
lxs_word_memo *lxs_word_memo_new(void);
void lxs_word_memo_free(lxs_word_memo *m);
/* s consults and fills m from now on (NULL: no memo).  Every stemmer
 * sharing m must serve the same init (the same lexicon and language). */
void lxs_stemmer_set_memo(lxs_stemmer *s, lxs_word_memo *m);
/* The words m holds (tests). */
size_t lxs_word_memo_size(lxs_word_memo *m);

/* Stem one normalised (lower-case NFC) word.  The result belongs to the
 * stemmer until the next call. */
const char *lxs_stem(lxs_stemmer *s, const char *word, size_t len, size_t *out_len);

/* The hot front of the cache: a small 4-way set-associative table of
 * refs that stays in L2 (see stem.c).  Visible here so that the lookup can
 * be inline. */
#define LXS_FRONT_SETS 4096 /* x 4 ways x 16 bytes = 256 KB */
typedef struct {
  lxs_word_ref way[4]; /* a hit moves one way up; a new word enters at 3 */
} lxs_front_set;

/* The stemmer, visible so that the hot lookups below can be inline;
 * only stem.c touches its fields otherwise. */
struct lxs_stemmer {
  lxs_front_set *front;
  struct sb_stemmer *sb; /* libstemmer's, opaque here */
  lxs_word_ref *slots;   /* the main table (hash 0: empty) */
  size_t nslots, nwords;
  uint32_t generation;  /* counts cache drops (lxs_stemmer_trim) */
  size_t max_words;     /* lxs_stemmer_trim drops the cache beyond */
  lxs_word_ref scratch; /* for a word too long to cache */
  lxs_word_memo *memo;  /* shared with other threads' stemmers, or NULL */
};

const lxs_word_ref *lxs_stem_lookup_slow(lxs_stemmer *s, const char *word, size_t len,
                                         uint64_t hash, lxs_word_init_fn init, void *ctx);

/* Intern word (normalised; hash = lxs_hash_word(word, len)) and return
 * its ref, stemming it and calling init on first sight.  The ref is a
 * copy that stays valid only until the next call on s.  The 64-bit hash
 * alone identifies a word (the length is in the hash), in both tables:
 * stem.c says what a collision would do and how likely it is. */
static inline const lxs_word_ref *lxs_stem_lookup(lxs_stemmer *s, const char *word, size_t len,
                                                  uint64_t hash, lxs_word_init_fn init, void *ctx) {
  lxs_word_ref *way = s->front[(hash >> 40) & (LXS_FRONT_SETS - 1)].way;
  /* An empty way (hash 0) never matches: lxs_hash_word is never 0 for
   * the words looked up (the empty string's is not, and a collision of a
   * 64-bit hash with 0 is as likely as any other).  The ways are compared
   * without a branch: which way hits is as unpredictable as the text. */
  unsigned hit = (unsigned)(way[0].hash == hash) | (unsigned)(way[1].hash == hash) << 1 |
                 (unsigned)(way[2].hash == hash) << 2 | (unsigned)(way[3].hash == hash) << 3;
  if (__builtin_expect(!hit, 0)) return lxs_stem_lookup_slow(s, word, len, hash, init, ctx);
  /* Promote the hit one place (swapped with the way before it; way 0
   * stays): frequent words rise to the front and a new word enters at the
   * back (lxs_stem_lookup_slow), so a run of rare words evicts only rare
   * words.  Two loads and two stores, no branch; on the bench corpus it
   * misses 14% less often than moving hits to the front (LRU). */
  unsigned i = (unsigned)__builtin_ctz(hit);
  unsigned j = i - (i != 0);
  lxs_word_ref a = way[j], b = way[i];
  way[i] = a;
  way[j] = b;
  return &way[j];
}

/* Start loading the cache memory that a lookup of hash will read. */
static inline void lxs_stem_prefetch(const lxs_stemmer *s, uint64_t hash) {
  __builtin_prefetch(&s->front[(hash >> 40) & (LXS_FRONT_SETS - 1)]);
  __builtin_prefetch(&s->slots[hash & (s->nslots - 1)]);
}

/* Drop the cache when it has grown beyond its bound; call between
 * documents only (the cache's words and the callers' values go). */
void lxs_stemmer_trim(lxs_stemmer *s);
/* The bound lxs_stemmer_trim keeps the cache to (tests use a tiny one). */
void lxs_stemmer_set_max_words(lxs_stemmer *s, size_t n);
/* Changes whenever the cache is dropped: values the caller keeps per word
 * (see lxs_word_init_fn) may then be dropped too. */
static inline uint32_t lxs_stemmer_generation(const lxs_stemmer *s) { return s->generation; }
size_t lxs_stemmer_cache_size(const lxs_stemmer *s);

/* NULL-terminated list of available Snowball algorithms. */
const char **lxs_stem_languages(void);

#endif
