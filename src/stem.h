/* stem.h - stage 2: Snowball stemming (libstemmer) with a per-thread cache
 * of distinct words.  The only file that includes libstemmer.h is stem.c. */
#ifndef LXS_STEM_H
#define LXS_STEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lxs_stemmer lxs_stemmer;

/* An interned distinct word: its normal form, its stem, and one slot the
 * match stage uses to remember the lexicon patterns that start with it.
 * Valid until lxs_stemmer_trim() drops the cache. */
typedef struct lxs_word {
  const char *norm;
  const char *stem;
  unsigned norm_len, stem_len;
  uint64_t stem_hash;     /* lxs_hash_bytes(stem): cheap equality pre-check */
} lxs_word;

/* language: a Snowball algorithm name ("english", "french", ...) or NULL for
 * English.  Returns NULL with a message in err for an unknown language. */
lxs_stemmer *lxs_stemmer_new(const char *language, char *err, size_t errlen);
void lxs_stemmer_free(lxs_stemmer *s);

/* Stem one normalised (lower-case NFC) word.  The result belongs to the
 * stemmer until the next call. */
const char *lxs_stem(lxs_stemmer *s, const char *word, size_t len,
                     size_t *out_len);

/* Intern word (normalised) and return its cached entry, stemming it on
 * first sight. */
lxs_word *lxs_stem_word(lxs_stemmer *s, const char *word, size_t len);
/* Same, and *user points to one pointer-sized slot kept with the word for
 * the caller (NULL until set); valid until the next call on s. */
lxs_word *lxs_stem_lookup(lxs_stemmer *s, const char *word, size_t len,
                          const void ***user);

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
