/* stem.c - libstemmer wrapper and the distinct-word cache.
 *
 * Stemming dominates the per-token cost, so each distinct word is stemmed
 * once per thread; an open-addressing table keeps its ref (the 64-bit hash
 * and the caller's two values, 16 bytes).  The word and its stem are
 * needed only by the caller's init on first sight, so they are not kept
 * (no per-token or per-word allocation).
 *
 * A probe of a big table is a cache miss, and on these machines a miss past
 * ~2 MB costs as much as the rest of a token's processing.  So lookups go
 * first to a small 4-way set-associative front table of 16-byte refs (a
 * hit moves one way up, a new word enters at the back, see stem.h) that
 * stays in L2 and holds the frequent words -- in
 * English a few thousand words make up most tokens -- and only rare words
 * reach the big table, which is allocated on huge pages to spare TLB
 * misses.
 *
 * The trade: neither table keeps the word, so a word is told apart from
 * the others by its 64-bit hash alone (lxs_hash_word, unkeyed).  Two
 * words with one hash are one word to the cache: the second one seen
 * takes the first one's stem number and candidate patterns, so it
 * matches (or fails to match) the lexicon as the first would, silently,
 * in every later document of that thread until the cache is cleared.
 * Words of up to 8 bytes and equal length never collide (the hash is a
 * bijection of their bytes).  By chance, with at most n = 2^17 distinct
 * words per cache (CACHE_MAX_WORDS; the cache is cleared beyond it), the
 * chance of any collision is about n^2 / 2^65 = 2^-31 (5e-10) per cache
 * fill.  On purpose it is easy: the hash is not keyed, so a hostile text
 * can carry a made-up word that collides with a lexicon word and is
 * scored as it, or that makes a later real word lose its meaning.  What
 * keeping and comparing the words would cost: a pointer and length per
 * 16-byte entry (the front table would hold half as many words in L2)
 * and a memcmp per token. */
#define _DEFAULT_SOURCE /* madvise */
#include "stem.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "util.h"

#define CACHE_MAX_WORDS (1u << 17) /* bound memory on huge corpora */
#define HUGE_PAGE (2u << 20)
#define CACHE_LINE 64u

/* A slot of the main table is the ref alone, 16 bytes (a 64-bit hash
 * identifies a word, as in the front table): small, so that more of it
 * stays in the CPU caches. */
typedef lxs_word_ref slot; /* hash 0: empty */
typedef lxs_front_set front_set;
#define FRONT_SETS LXS_FRONT_SETS

/* Zeroed table memory, aligned to cache lines (a front set must not
 * straddle two lines); big tables are aligned for transparent huge
 * pages. */
static void *table_alloc(size_t bytes) {
  size_t align = bytes < HUGE_PAGE ? CACHE_LINE : HUGE_PAGE;
  size_t rounded = (bytes + align - 1) & ~(align - 1);
  void *p = aligned_alloc(align, rounded);
  if (!p) return lxs_xcalloc(1, rounded); /* slower, still correct */
#ifdef MADV_HUGEPAGE
  if (align == HUGE_PAGE) madvise(p, rounded, MADV_HUGEPAGE); /* a hint; failure is harmless */
#endif
  memset(p, 0, rounded);
  return p;
}

static void cache_clear(lxs_stemmer *s) {
  if (s->slots) memset(s->slots, 0, s->nslots * sizeof *s->slots);
  memset(s->front, 0, FRONT_SETS * sizeof *s->front);
  s->nwords = 0;
  s->generation++;
}

/* Snowball's algorithms and the ISO 639 codes libstemmer takes for them
 * (its modules.txt), so that "de" and "german" name one language. */
static const char *const kLanguages[][4] = {
    {"arabic", "ar", "ara", NULL},     {"armenian", "hy", "hye", "arm"},
    {"basque", "eu", "eus", "baq"},    {"catalan", "ca", "cat", NULL},
    {"danish", "da", "dan", NULL},     {"dutch", "nl", "dut", "nld"},
    {"english", "en", "eng", NULL},    {"finnish", "fi", "fin", NULL},
    {"french", "fr", "fre", "fra"},    {"german", "de", "ger", "deu"},
    {"greek", "el", "gre", "ell"},     {"hindi", "hi", "hin", NULL},
    {"hungarian", "hu", "hun", NULL},  {"indonesian", "id", "ind", NULL},
    {"irish", "ga", "gle", NULL},      {"italian", "it", "ita", NULL},
    {"lithuanian", "lt", "lit", NULL}, {"nepali", "ne", "nep", NULL},
    {"norwegian", "no", "nor", NULL},  {"porter", NULL, NULL, NULL},
    {"portuguese", "pt", "por", NULL}, {"romanian", "ro", "rum", "ron"},
    {"russian", "ru", "rus", NULL},    {"serbian", "sr", "srp", NULL},
    {"spanish", "es", "esl", "spa"},   {"swedish", "sv", "swe", NULL},
    {"tamil", "ta", "tam", NULL},      {"turkish", "tr", "tur", NULL},
    {"yiddish", "yi", "yid", NULL}};

const char *lxs_language_name(const char *name) {
  if (!name) return "english";
  for (size_t i = 0; i < sizeof kLanguages / sizeof *kLanguages; i++)
    for (int k = 0; k < 4 && kLanguages[i][k]; k++)
      if (strcasecmp(name, kLanguages[i][k]) == 0) return kLanguages[i][0];
  return NULL;
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
  s->max_words = CACHE_MAX_WORDS;
  s->nslots = 1024;
  s->slots = table_alloc(s->nslots * sizeof *s->slots);
  s->front = table_alloc(FRONT_SETS * sizeof *s->front);
  return s;
}

void lxs_stemmer_free(lxs_stemmer *s) {
  if (!s) return;
  cache_clear(s);
  free(s->slots);
  free(s->front);
  sb_stemmer_delete(s->sb);
  free(s);
}

const char *lxs_stem(lxs_stemmer *s, const char *word, size_t len, size_t *out_len) {
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
  slot *ns = table_alloc(nn * sizeof *ns);
  for (size_t i = 0; i < s->nslots; i++) {
    if (!s->slots[i].hash) continue;
    size_t h = s->slots[i].hash & (nn - 1);
    while (ns[h].hash) h = (h + 1) & (nn - 1);
    ns[h] = s->slots[i];
  }
  free(s->slots);
  s->slots = ns;
  s->nslots = nn;
}

/* ---- the memo shared between threads ---------------------------------- */

#define MEMO_MAX_WORDS (1u << 17) /* 4 MB of slots at most */

struct lxs_word_memo {
  pthread_mutex_t mu;
  slot *slots; /* open addressing, 2 x MEMO_MAX_WORDS (hash 0: empty) */
  size_t nwords;
};

lxs_word_memo *lxs_word_memo_new(void) {
  lxs_word_memo *m = lxs_xcalloc(1, sizeof *m);
  pthread_mutex_init(&m->mu, NULL);
  m->slots = lxs_xcalloc(2 * (size_t)MEMO_MAX_WORDS, sizeof *m->slots);
  return m;
}

void lxs_word_memo_free(lxs_word_memo *m) {
  if (!m) return;
  pthread_mutex_destroy(&m->mu);
  free(m->slots);
  free(m);
}

void lxs_stemmer_set_memo(lxs_stemmer *s, lxs_word_memo *m) { s->memo = m; }

size_t lxs_word_memo_size(lxs_word_memo *m) {
  pthread_mutex_lock(&m->mu);
  size_t n = m->nwords;
  pthread_mutex_unlock(&m->mu);
  return n;
}

/* The slot of hash hv in m: its entry, or the empty slot it would take
 * (m->mu held). */
static slot *memo_slot(lxs_word_memo *m, uint64_t hv) {
  size_t mask = 2 * (size_t)MEMO_MAX_WORDS - 1, h = hv & mask;
  while (m->slots[h].hash && m->slots[h].hash != hv) h = (h + 1) & mask;
  return &m->slots[h];
}

/* A word's values from the memo into *rec; 0 when it holds none. */
static int memo_get(lxs_word_memo *m, uint64_t hv, slot *rec) {
  pthread_mutex_lock(&m->mu);
  const slot *e = memo_slot(m, hv);
  int found = e->hash != 0;
  if (found) *rec = *e;
  pthread_mutex_unlock(&m->mu);
  return found;
}

static void memo_put(lxs_word_memo *m, const slot *rec) {
  pthread_mutex_lock(&m->mu);
  if (m->nwords >= MEMO_MAX_WORDS) { /* full: start again, as the caches do */
    memset(m->slots, 0, 2 * (size_t)MEMO_MAX_WORDS * sizeof *m->slots);
    m->nwords = 0;
  }
  slot *e = memo_slot(m, rec->hash);
  if (!e->hash) { /* (another thread may have put it meanwhile) */
    *e = *rec;
    m->nwords++;
  }
  pthread_mutex_unlock(&m->mu);
}

/* A word's first sight in this stemmer: its values from the memo, else
 * stemmed and given by the caller's init (and shared when init allows). */
static void first_sight(lxs_stemmer *s, const char *word, size_t len, lxs_word_init_fn init,
                        void *ctx, slot *rec) {
  if (s->memo && memo_get(s->memo, rec->hash, rec)) return;
  size_t sl;
  const char *st = lxs_stem(s, word, len, &sl);
  lxs_word w = {word, st, (unsigned)len, (unsigned)sl};
  if (init(ctx, &w, rec) && s->memo) memo_put(s->memo, rec);
}

/* The big table: find or insert. */
static slot *table_lookup(lxs_stemmer *s, const char *word, size_t len, uint64_t hv,
                          lxs_word_init_fn init, void *ctx) {
  size_t mask = s->nslots - 1;
  size_t h = hv & mask;
  while (s->slots[h].hash) {
    if (s->slots[h].hash == hv) return &s->slots[h];
    h = (h + 1) & mask;
  }
  slot rec = {hv, 0, 0};
  if (init) first_sight(s, word, len, init, ctx, &rec);
  if (len > UINT32_MAX) { /* a 4 GB "word": stem it, do not cache it */
    s->scratch = rec;
    return &s->scratch;
  }
  if (s->nwords * 2 + 2 > s->nslots) {
    grow(s);
    mask = s->nslots - 1;
    h = hv & mask;
    while (s->slots[h].hash) h = (h + 1) & mask;
  }
  s->slots[h] = rec;
  s->nwords++;
  return &s->slots[h];
}

const lxs_word_ref *lxs_stem_lookup_slow(lxs_stemmer *s, const char *word, size_t len, uint64_t hv,
                                         lxs_word_init_fn init, void *ctx) {
  lxs_word_ref *way = s->front[(hv >> 40) & (FRONT_SETS - 1)].way;
  const slot *rec = table_lookup(s, word, len, hv, init, ctx);
  if (rec == &s->scratch) return &s->scratch;
  way[3] = *rec; /* enters at the back, evicting the last */
  return &way[3];
}

void lxs_stemmer_trim(lxs_stemmer *s) {
  if (s->nwords > s->max_words) cache_clear(s);
}

void lxs_stemmer_set_max_words(lxs_stemmer *s, size_t n) { s->max_words = n; }

size_t lxs_stemmer_cache_size(const lxs_stemmer *s) { return s->nwords; }

const char **lxs_stem_languages(void) { return sb_stemmer_list(); }
