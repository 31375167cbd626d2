/* vader.c - VADER-compatible sentiment scoring.
 *
 * Re-implements the rules of vaderSentiment's polarity_scores so that the
 * rounded outputs match the reference exactly.  The reference's behaviour is
 * mirrored on purpose where it looks odd, because exact agreement is the
 * point of this mode:
 *   - emoji are replaced one code point at a time, a space before the
 *     description but not after it;
 *   - words come from Python's str.split(), with ASCII punctuation stripped
 *     from both ends unless that leaves two code points or fewer;
 *   - capitalised lexicon entries never match (look-ups are lowercased);
 *   - "no" before a lexicon word loses its own valence;
 *   - the three-words-back negation test multiplies by 1.25 whenever the
 *     word just before is "so" or "this" (an operator-precedence slip in
 *     the reference);
 *   - the "but" rule finds each sentiment's index with list.index(), i.e.
 *     the FIRST equal value, so equal values before "but" interact;
 *   - sums are plain left-to-right double additions (CPython 3.11 sum()).
 * Arithmetic is done in the same order as the reference; do not build this
 * file with -ffast-math or FP contraction. */
#include "vader.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "utf8.h"
#include "util.h"

/* SSE2 (every x86-64) classifies 16 bytes at a time for the bitmap
 * tokeniser; elsewhere, or with -DLXS_VADER_NO_SIMD, a portable loop
 * builds the same bitmaps. */
#if defined(__SSE2__) && !defined(LXS_VADER_NO_SIMD)
#include <emmintrin.h>
#define VADER_SSE2 1
#endif

/* Empirical constants of the reference. */
#define VADER_B_INCR 0.293
#define VADER_B_DECR (-0.293)
#define VADER_C_INCR 0.733
#define VADER_N_SCALAR (-0.74)
#define VADER_ALPHA 15.0

/* ---- built-in word lists ------------------------------------------------ */

/* Words that the rules compare against literally.  Each gets an id so the
 * rules compare small integers instead of strings. */
enum {
  KW_NONE,
  KW_NO,
  KW_BUT,
  KW_KIND,
  KW_OF,
  KW_LEAST,
  KW_AT,
  KW_VERY,
  KW_NEVER,
  KW_SO,
  KW_THIS,
  KW_WITHOUT,
  KW_DOUBT,
  KW_OR,
  KW_NOR,
  /* parts of the multi-word boosters and special-case idioms */
  KW_JUST,
  KW_ENOUGH,
  KW_SORT,
  KW_THE,
  KW_SHIT,
  KW_BOMB,
  KW_BAD,
  KW_ASS,
  KW_BUS,
  KW_STOP,
  KW_YEAH,
  KW_RIGHT,
  KW_KISS,
  KW_DEATH,
  KW_TO,
  KW_DIE,
  KW_FOR,
  KW_BEATING,
  KW_HEART,
  KW_BROKEN,
  KW_COUNT
};

static const char *const kw_names[KW_COUNT] = {
    "",     "no",    "but",     "kind",  "of",  "least",   "at",    "very",   "never",
    "so",   "this",  "without", "doubt", "or",  "nor",     "just",  "enough", "sort",
    "the",  "shit",  "bomb",    "bad",   "ass", "bus",     "stop",  "yeah",   "right",
    "kiss", "death", "to",      "die",   "for", "beating", "heart", "broken"};

/* Negation words; any word containing "n't" also negates. */
static const char *const negate_words[] = {
    "aint",   "arent",    "cannot",  "cant",     "couldnt",  "darent",   "didnt",   "doesnt",
    "ain't",  "aren't",   "can't",   "couldn't", "daren't",  "didn't",   "doesn't", "dont",
    "hadnt",  "hasnt",    "havent",  "isnt",     "mightnt",  "mustnt",   "neither", "don't",
    "hadn't", "hasn't",   "haven't", "isn't",    "mightn't", "mustn't",  "neednt",  "needn't",
    "never",  "none",     "nope",    "nor",      "not",      "nothing",  "nowhere", "oughtnt",
    "shant",  "shouldnt", "uhuh",    "wasnt",    "werent",   "oughtn't", "shan't",  "shouldn't",
    "uh-uh",  "wasn't",   "weren't", "without",  "wont",     "wouldnt",  "won't",   "wouldn't",
    "rarely", "seldom",   "despite"};

/* Single-word intensifiers (+) and dampeners (-). */
static const char *const booster_incr[] = {
    "absolutely",    "amazingly",    "awfully",       "completely", "considerable", "considerably",
    "decidedly",     "deeply",       "effing",        "enormous",   "enormously",   "entirely",
    "especially",    "exceptional",  "exceptionally", "extreme",    "extremely",    "fabulously",
    "flipping",      "flippin",      "frackin",       "fracking",   "fricking",     "frickin",
    "frigging",      "friggin",      "fully",         "fuckin",     "fucking",      "fuggin",
    "fugging",       "greatly",      "hella",         "highly",     "hugely",       "incredible",
    "incredibly",    "intensely",    "major",         "majorly",    "more",         "most",
    "particularly",  "purely",       "quite",         "really",     "remarkably",   "so",
    "substantially", "thoroughly",   "total",         "totally",    "tremendous",   "tremendously",
    "uber",          "unbelievably", "unusually",     "utter",      "utterly",      "very"};
static const char *const booster_decr[] = {
    "almost",   "barely",   "hardly",     "kinda",      "kindof",       "kind-of", "less",
    "little",   "marginal", "marginally", "occasional", "occasionally", "partly",  "scarce",
    "scarcely", "slight",   "slightly",   "somewhat",   "sorta",        "sortof",  "sort-of"};

/* A phrase of up to three keyword ids with a value. */
typedef struct {
  uint8_t w[3];
  uint8_t n;
  double value;
} vader_phrase;

/* Idioms whose value replaces the word's valence.  The reference also
 * lists the single word "badass", which can never equal a space-joined
 * n-gram, so it is left out. */
static const vader_phrase special_cases[] = {
    {{KW_THE, KW_SHIT, 0}, 2, 3.0},     {{KW_THE, KW_BOMB, 0}, 2, 3.0},
    {{KW_BAD, KW_ASS, 0}, 2, 1.5},      {{KW_BUS, KW_STOP, 0}, 2, 0.0},
    {{KW_YEAH, KW_RIGHT, 0}, 2, -2.0},  {{KW_KISS, KW_OF, KW_DEATH}, 3, -1.5},
    {{KW_TO, KW_DIE, KW_FOR}, 3, 3.0},  {{KW_BEATING, KW_HEART, 0}, 2, 3.1},
    {{KW_BROKEN, KW_HEART, 0}, 2, -2.9}};

/* Two-word dampeners, added (unsigned) by the idiom step. */
static const vader_phrase booster_phrases[] = {{{KW_JUST, KW_ENOUGH, 0}, 2, VADER_B_DECR},
                                               {{KW_KIND, KW_OF, 0}, 2, VADER_B_DECR},
                                               {{KW_SORT, KW_OF, 0}, 2, VADER_B_DECR}};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the word table ------------------------------------------------------ */

enum {
  F_LEX = 1,   /* in the sentiment lexicon */
  F_BOOST = 2, /* booster / dampener word */
  F_DECR = 4,  /* ... a dampener (B_DECR rather than B_INCR) */
  F_NEG = 8    /* negation word (or, on a vader_word, contains "n't") */
};

/* Keys up to this length are kept inline, zero-padded, so a look-up is a
 * fixed 16-byte compare without touching the key arena. */
#define KEY_INLINE 16
#define KEY_MAX 65535

/* log2 of the Bloom filter's size in bits (see filter_bit) */
#define FILTER_LOG2 17

/* One lowercase key: lexicon valence, booster kind, negation flag and
 * keyword id live in one 32-byte entry, and the entries themselves form
 * the open-addressing table, so a look-up touches one cache line.
 *
 * Why not uthash (src/hashtab.h), as the library's other tables: the
 * scoring loop alone (lxs_vader_score over the lines of the four VADER
 * ground-truth files, 2,409,742 bytes; callgrind, a second pass minus the
 * first, per byte) executes 46.7 instructions per byte with this table
 * and its filter, 50.1 with HASH_FIND on the same entries behind the same
 * filter, 50.2 with uthash alone (measured 2026-12-03): 7% more, and a
 * pointer chase per hit besides. */
typedef struct {
  char key[KEY_INLINE];
  double valence;
  uint32_t key_off; /* in lxs_vader.keys */
  uint16_t key_len; /* 0 = empty slot (keys are never empty) */
  uint8_t flags;
  uint8_t kw;
} vader_entry;

/* An emoji's description, in lxs_vader.emo_desc. */
typedef struct {
  uint32_t off, len;
} vader_emoji;

/* Per-word facts the rules need, computed once per word. */
typedef struct {
  double valence; /* lexicon valence when flags & F_LEX */
  size_t key;     /* offset of the lowercased word in lxs_vader.lower */
  size_t len;     /* its length in bytes */
  uint8_t flags;  /* F_* */
  uint8_t upper;  /* Python str.isupper() of the word */
  uint8_t kw;     /* KW_* id of the lowercased word */
} vader_word;

/* A word that passed the Bloom filter, on its way through the table. */
typedef struct {
  size_t word;
  uint64_t hash;
} vader_cand;

/* A nonzero sentiment: only these matter for the "but" rule and the sums
 * (zeros add nothing and just count as neutral). */
typedef struct {
  size_t idx; /* word index */
  double val;
} vader_senti;

/* Bitmaps of an ASCII text, one bit a byte (bit i of word j is byte
 * 64j + i), one after the other: byte i is ...  (letter case and
 * apostrophes are read from each word's bytes, '!' and '?' counted) */
enum {
  BM_SPACE, /* str.split() whitespace */
  BM_WORD,  /* neither whitespace nor string.punctuation */
  BM_COUNT
};

/* Byte classes of the scalar tokeniser. */
enum {
  C_SPACE = 1, /* str.split() whitespace */
  C_PUNCT = 2, /* string.punctuation */
  C_UPPER = 4,
  C_LOWER = 8,
  C_HIGH = 16, /* >= 0x80: decode and take the slow path */
  C_APOS = 32  /* '\'', so the word may contain "n't" */
};

struct lxs_vader {
  vader_entry *tab;
  size_t nslots;       /* power of two */
  unsigned slot_shift; /* 64 - log2(nslots): a key's slot is its hash's top bits */
  size_t nents;
  lxs_buf keys;
  /* Bloom filter over the keys: three words in four are in no table, and
   * the filter answers those from L1 cache, so the table is only probed
   * for likely hits. */
  uint64_t filter[(size_t)1 << (FILTER_LOG2 - 6)];

  /* the shared map from a code point (its 4 bytes as the key) to its
   * index in emo; emoji lookups happen only at non-ASCII bytes, so the
   * word table's tuning is not needed here */
  lxs_strmap emo_index;
  vader_emoji *emo;
  size_t nemo, emo_cap;
  lxs_buf emo_desc;
  size_t ascii_emoji;     /* number of ASCII keys (none in the real file) */
  uint8_t cls[256];       /* C_* per byte */
  uint8_t lower_tab[256]; /* ASCII lowercase per byte */

  /* Scratch reused across calls (this is why one instance = one thread).
   * Per text: the words, the indices of the lexicon words among them, the
   * nonzero sentiments, and counts the rules need. */
  lxs_buf text;   /* emoji-replaced text */
  lxs_buf pad;    /* ASCII text padded with spaces for the bitmaps */
  lxs_buf lower;  /* the words, lowercased, each zero-padded to 16 bytes */
  uint64_t *bits; /* the bitmaps: BM_COUNT of (64-byte blocks + 1) words */
  size_t bits_cap;
  vader_word *words;
  size_t nwords, words_cap;
  vader_cand *cand;
  size_t ncand, cand_cap;
  size_t *lexw;
  size_t nlexw, lexw_cap;
  vader_senti *senti;
  size_t nsenti, senti_cap;
  size_t ncaps;     /* words for which str.isupper() holds */
  size_t but_index; /* first "but", or SIZE_MAX */
  size_t bangs, questions;
  struct but_bucket *but_tab; /* but_check's table, kept empty between texts */
  size_t but_cap;             /* its slots: a power of two, or 0 */
};

static void but_table_free(lxs_vader *v);

/* The hash of a key, for the filter and the table alike, so a word is
 * hashed once: for keys of up to KEY_INLINE bytes (given zero-padded) one
 * multiply on two 8-byte loads instead of FNV's multiply per byte; longer
 * keys, which are rare, use FNV.  Only the well-mixed high bits of the
 * product are used. */
static uint64_t key_hash(const char *key, size_t n) {
  uint64_t a, b;
  if (n > KEY_INLINE) return lxs_hash_bytes(key, n);
  memcpy(&a, key, 8);
  memcpy(&b, key + 8, 8);
  uint64_t x = a ^ ((b << 29) | (b >> 35)) ^ b ^ n;
  return x * 0x9E3779B97F4A7C15ULL;
}

/* A Bloom filter of fixed size with one bit per key, picked by the top
 * bits of the hash: a test is a shift, a load and a bit test.  With the
 * real lexicon (about 7,600 keys) 6% of its 2^17 bits are set; on the
 * VADER sets 3.9% of the words not in the table get through, against
 * 3.0% with the blocked filter of two bits per key in 8 KB used before,
 * which took twice the instructions per word.  16 KB still stays in L1.
 * A bigger custom lexicon only lets more through. */

static inline size_t filter_bit(uint64_t h) { return (size_t)(h >> (64 - FILTER_LOG2)); }

static void filter_add(lxs_vader *v, uint64_t h) {
  size_t bit = filter_bit(h);
  v->filter[bit >> 6] |= 1ULL << (bit & 63);
}

/* 1 if the key hashed to h may be in the table, else 0. */
static inline unsigned filter_may_have(const uint64_t *filter, uint64_t h) {
  size_t bit = filter_bit(h);
  return (unsigned)(filter[bit >> 6] >> (bit & 63)) & 1;
}

static size_t table_slot(const lxs_vader *v, uint64_t h) { return (size_t)(h >> v->slot_shift); }

/* key must be zero-padded to KEY_INLINE bytes when n <= KEY_INLINE. */
static const vader_entry *table_find(const lxs_vader *v, const char *key, size_t n, uint64_t h) {
  size_t mask = v->nslots - 1;
  for (size_t i = table_slot(v, h);; i = (i + 1) & mask) {
    const vader_entry *e = &v->tab[i];
    if (!e->key_len) return NULL;
    if (e->key_len != n) continue;
    if (n <= KEY_INLINE ? memcmp(e->key, key, KEY_INLINE) == 0
                        : memcmp(v->keys.data + e->key_off, key, n) == 0)
      return e;
  }
}

static const char *entry_key(const lxs_vader *v, const vader_entry *e) {
  return e->key_len <= KEY_INLINE ? e->key : v->keys.data + e->key_off;
}

static vader_entry *table_place(lxs_vader *v, uint64_t h) {
  size_t mask = v->nslots - 1, i = table_slot(v, h);
  while (v->tab[i].key_len) i = (i + 1) & mask;
  return &v->tab[i];
}

/* Rebuild table and filter with ns slots.  The load factor stays at most
 * 1/2 to keep probe sequences short. */
static void table_resize(lxs_vader *v, size_t ns) {
  vader_entry *old = v->tab;
  size_t oldn = v->nslots;
  v->tab = lxs_xcalloc(ns, sizeof *v->tab);
  v->nslots = ns;
  v->slot_shift = 64;
  while (ns > 1) ns >>= 1, v->slot_shift--;
  memset(v->filter, 0, sizeof v->filter);
  for (size_t i = 0; i < oldn; i++) {
    if (!old[i].key_len) continue;
    uint64_t h = key_hash(entry_key(v, &old[i]), old[i].key_len);
    *table_place(v, h) = old[i];
    filter_add(v, h);
  }
  free(old);
}

/* Find or create the entry for key s[0..n), 0 < n <= KEY_MAX.  The
 * pointer is valid until the next call. */
static vader_entry *table_intern(lxs_vader *v, const char *s, size_t n) {
  char padded[KEY_INLINE] = {0};
  const char *key = s;
  if (n <= KEY_INLINE) {
    memcpy(padded, s, n);
    key = padded;
  }
  uint64_t h = key_hash(key, n);
  const vader_entry *found = table_find(v, key, n, h);
  if (found) return (vader_entry *)found;
  if ((v->nents + 1) * 2 > v->nslots) table_resize(v, v->nslots * 2);
  vader_entry *e = table_place(v, h);
  memset(e, 0, sizeof *e);
  if (n <= KEY_INLINE) memcpy(e->key, padded, KEY_INLINE);
  e->key_off = (uint32_t)v->keys.len;
  e->key_len = (uint16_t)n;
  lxs_buf_put(&v->keys, s, n);
  v->nents++;
  filter_add(v, h);
  return e;
}

static void add_words(lxs_vader *v, const char *const *words, size_t n, uint8_t flags) {
  for (size_t i = 0; i < n; i++) table_intern(v, words[i], strlen(words[i]))->flags |= flags;
}

static void add_builtin_words(lxs_vader *v) {
  for (int k = 1; k < KW_COUNT; k++)
    table_intern(v, kw_names[k], strlen(kw_names[k]))->kw = (uint8_t)k;
  add_words(v, negate_words, COUNT_OF(negate_words), F_NEG);
  add_words(v, booster_incr, COUNT_OF(booster_incr), F_BOOST);
  add_words(v, booster_decr, COUNT_OF(booster_decr), F_BOOST | F_DECR);
}

static void init_byte_classes(uint8_t cls[256]) {
  for (int c = 0; c < 256; c++) {
    uint8_t k = 0;
    if (c >= 0x80) k = C_HIGH;
    else if (lxs_utf8_py_isspace(c)) k = C_SPACE;
    else if (c >= 'A' && c <= 'Z') k = C_UPPER;
    else if (c >= 'a' && c <= 'z') k = C_LOWER;
    else if (c > ' ' && c < 0x7F && !(c >= '0' && c <= '9')) k = C_PUNCT;
    if (c == '\'') k |= C_APOS;
    cls[c] = k;
  }
}

lxs_vader *lxs_vader_new(void) {
  lxs_vader *v = lxs_xcalloc(1, sizeof *v);
  table_resize(v, 1024);
  lxs_buf_init(&v->keys);
  lxs_buf_init(&v->emo_desc);
  lxs_strmap_init_exact(&v->emo_index);
  lxs_buf_init(&v->text);
  lxs_buf_init(&v->pad);
  lxs_buf_init(&v->lower);
  init_byte_classes(v->cls);
  for (int c = 0; c < 256; c++) v->lower_tab[c] = (uint8_t)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  add_builtin_words(v);
  return v;
}

void lxs_vader_free(lxs_vader *v) {
  if (!v) return;
  free(v->tab);
  lxs_buf_free(&v->keys);
  free(v->emo);
  lxs_strmap_free(&v->emo_index);
  lxs_buf_free(&v->emo_desc);
  lxs_buf_free(&v->text);
  lxs_buf_free(&v->pad);
  lxs_buf_free(&v->lower);
  free(v->bits);
  free(v->words);
  free(v->cand);
  free(v->lexw);
  free(v->senti);
  but_table_free(v);
  free(v);
}

/* ---- lexicon files ------------------------------------------------------- */

/* Python's str.strip() with no argument, on a UTF-8 slice. */
static void py_strip(const char **s, size_t *n) {
  const unsigned char *u = (const unsigned char *)*s;
  size_t b = 0, e = *n;
  while (b < e) {
    int32_t cp;
    size_t k = lxs_utf8_decode(u + b, e - b, &cp);
    if (!lxs_utf8_py_isspace(cp)) break;
    b += k;
  }
  while (e > b) {
    size_t q = e - 1; /* start of the last code point */
    while (q > b && (u[q] & 0xC0) == 0x80 && e - q < 4) q--;
    int32_t cp;
    if (lxs_utf8_decode(u + q, e - q, &cp) != e - q) {
      q = e - 1;
      cp = LXS_REPLACEMENT_CHAR;
    }
    if (!lxs_utf8_py_isspace(cp)) break;
    e = q;
  }
  *s += b;
  *n = e - b;
}

/* Parse a mean like Python's float() would for the decimal forms the
 * lexicon uses; rejects hex, inf and nan, which no lexicon should hold. */
static int parse_mean(const char *s, size_t n, double *out) {
  char tmp[64];
  while (n && (*s == ' ' || *s == '\t' || *s == '\r')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  if (n == 0 || n >= sizeof tmp) return -1;
  for (size_t i = 0; i < n; i++)
    if (!s[i] || !strchr("0123456789+-.eE", s[i])) return -1;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  char *end;
  *out = strtod(tmp, &end);
  return (*end == '\0' && isfinite(*out)) ? 0 : -1;
}

/* Returns NULL, or what is wrong with the value. */
typedef const char *(*line_fn)(lxs_vader *v, const char *key, size_t klen, const char *val,
                               size_t vlen);

/* Walk LF-separated lines; each non-blank line is stripped (like the
 * reference's line.strip()) and split at the first two tabs. */
static int for_each_line(lxs_vader *v, const char *name, const char *data, size_t len, line_fn fn,
                         const char *what, char *err, size_t errlen) {
  size_t pos = 0, lineno = 0;
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    const char *line = data + pos;
    size_t n = end - pos;
    pos = end + 1;
    lineno++;
    py_strip(&line, &n);
    if (n == 0) continue;
    const char *tab = memchr(line, '\t', n);
    if (!tab) {
      lxs_set_err(err, errlen, "%s:%zu: missing tab after the %s", name, lineno, what);
      return LXS_EDATA;
    }
    size_t klen = (size_t)(tab - line);
    const char *val = tab + 1;
    const char *tab2 = memchr(val, '\t', n - klen - 1);
    size_t vlen = tab2 ? (size_t)(tab2 - val) : n - klen - 1;
    if (klen == 0) {
      lxs_set_err(err, errlen, "%s:%zu: empty %s", name, lineno, what);
      return LXS_EDATA;
    }
    const char *bad = klen > KEY_MAX ? "key too long" : fn(v, line, klen, val, vlen);
    if (bad) {
      lxs_set_err(err, errlen, "%s:%zu: %s '%.*s'", name, lineno, bad, (int)(vlen > 40 ? 40 : vlen),
                  val);
      return LXS_EDATA;
    }
  }
  return 0;
}

static const char *lexicon_line(lxs_vader *v, const char *key, size_t klen, const char *val,
                                size_t vlen) {
  double mean;
  if (parse_mean(val, vlen, &mean) != 0) return "non-numeric mean";
  vader_entry *e = table_intern(v, key, klen);
  e->flags |= F_LEX; /* a later duplicate overwrites, as in a dict */
  e->valence = mean;
  return NULL;
}

lxs_status lxs_vader_load_lexicon_buffer(lxs_vader *v, const char *name, const char *data,
                                         size_t len, char *err, size_t errlen) {
  return for_each_line(v, name, data, len, lexicon_line, "token", err, errlen);
}

/* Read a whole file; NULL with err set on failure. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  if (lxs_read_file(path, &b, err, errlen)) {
    lxs_buf_free(&b);
    return NULL;
  }
  lxs_buf_reserve(&b, 0);
  *len = b.len;
  return b.data;
}

lxs_status lxs_vader_load_lexicon(lxs_vader *v, const char *path, char *err, size_t errlen) {
  size_t len;
  char *data = read_file(path, &len, err, errlen);
  if (!data) return LXS_EIO;
  int rc = lxs_vader_load_lexicon_buffer(v, path, data, len, err, errlen);
  free(data);
  return rc;
}

/* ---- emoji --------------------------------------------------------------- */

static const vader_emoji *emoji_find(const lxs_vader *v, int32_t cp) {
  int i = lxs_strmap_get(&v->emo_index, (const char *)&cp, sizeof cp);
  return i < 0 ? NULL : &v->emo[i];
}

static const char *emoji_line(lxs_vader *v, const char *key, size_t klen, const char *val,
                              size_t vlen) {
  int32_t cp;
  /* The reference looks text up one code point at a time, so only
   * single-code-point keys can ever match; skip the rest. */
  if (lxs_utf8_decode((const unsigned char *)key, klen, &cp) != klen) return NULL;
  if (cp == LXS_REPLACEMENT_CHAR && klen == 1) return NULL; /* invalid byte */
  vader_emoji *e = (vader_emoji *)emoji_find(v, cp);
  if (!e) { /* a repeated key's later line wins, as in the reference's dict */
    LXS_VEC_GROW(v->emo, v->nemo, v->emo_cap);
    lxs_strmap_put(&v->emo_index, (const char *)&cp, sizeof cp, (int)v->nemo, 0);
    e = &v->emo[v->nemo++];
    if (cp < 128) v->ascii_emoji++;
  }
  /* Repaired so a description never ends in a partial sequence that could
   * combine with the bytes following the emoji. */
  e->off = (uint32_t)v->emo_desc.len;
  lxs_utf8_repair(val, vlen, &v->emo_desc);
  e->len = (uint32_t)(v->emo_desc.len - e->off);
  return NULL;
}

lxs_status lxs_vader_load_emoji_buffer(lxs_vader *v, const char *name, const char *data, size_t len,
                                       char *err, size_t errlen) {
  return for_each_line(v, name, data, len, emoji_line, "emoji", err, errlen);
}

lxs_status lxs_vader_load_emoji(lxs_vader *v, const char *path, char *err, size_t errlen) {
  size_t len;
  char *data = read_file(path, &len, err, errlen);
  if (!data) return LXS_EIO;
  int rc = lxs_vader_load_emoji_buffer(v, path, data, len, err, errlen);
  free(data);
  return rc;
}

/* Offset of the first byte >= 0x80 in s[0..n), or n; 8 bytes a step. */
static size_t first_high_byte(const char *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (x & 0x8080808080808080ULL) break;
  }
  for (; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return i;
  return n;
}

/* Is there an emoji at text[pos]?  *n gets the code point's byte length. */
static const vader_emoji *emoji_at(const lxs_vader *v, const char *text, size_t len, size_t pos,
                                   size_t *n) {
  unsigned char c = (unsigned char)text[pos];
  int32_t cp;
  if (c < 0x80) {
    *n = 1;
    return v->ascii_emoji ? emoji_find(v, c) : NULL;
  }
  *n = lxs_utf8_decode((const unsigned char *)text + pos, len - pos, &cp);
  return emoji_find(v, cp);
}

/* The reference's emoji step: each emoji code point becomes its
 * description, preceded by a space unless the previous character was a
 * space (or it is at the start).  Returns text itself when nothing
 * changes, which is the common case. */
static const char *replace_emoji(lxs_vader *v, const char *text, size_t len, size_t *outlen) {
  *outlen = len;
  if (!v->nemo) return text;
  /* Without ASCII keys only non-ASCII bytes can start an emoji, and most
   * texts have none. */
  size_t pos = v->ascii_emoji ? 0 : first_high_byte(text, len), n = 0;
  const vader_emoji *e = NULL;
  while (pos < len && !(e = emoji_at(v, text, len, pos, &n))) pos += n;
  if (!e) return text;
  lxs_buf *b = &v->text;
  b->len = 0;
  lxs_buf_put(b, text, pos);
  int prev_space = pos == 0 || text[pos - 1] == ' ';
  while (pos < len) {
    e = emoji_at(v, text, len, pos, &n);
    if (e) {
      if (!prev_space) lxs_buf_putc(b, ' ');
      lxs_buf_put(b, v->emo_desc.data + e->off, e->len);
      prev_space = 0;
    } else {
      lxs_buf_put(b, text + pos, n);
      prev_space = n == 1 && text[pos] == ' ';
    }
    pos += n;
  }
  *outlen = b->len;
  return b->data;
}

/* ---- tokenising ---------------------------------------------------------- */

/* Number of code points in s[0..n), counting at most to `cap`. */
static size_t count_cps(const char *s, size_t n, size_t cap) {
  size_t count = 0, pos = 0;
  while (pos < n && count < cap) {
    int32_t cp;
    pos += lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    count++;
  }
  return count;
}

/* Does the lowercased word contain "n't"? */
static int has_nt(const char *s, size_t n) {
  for (size_t i = 1; i + 1 < n; i++)
    if (s[i] == '\'' && s[i - 1] == 'n' && s[i + 1] == 't') return 1;
  return 0;
}

/* Words are looked up in two passes, so that the tokeniser runs without
 * data-dependent branches and the table's cache misses overlap:
 *   1. while tokenising: hash the key; the Bloom filter (in L1) marks
 *      possible hits, which keep their hash;
 *   2. for those: probe, compare keys, copy the entry's facts into the
 *      word. */

/* Room for a key of up to n bytes (+ padding) in the key arena; returns
 * its offset. */
static size_t key_begin(lxs_vader *v, size_t n) {
  lxs_buf *k = &v->lower;
  size_t off = (k->len + 15) & ~(size_t)15;
  if (off + n + KEY_INLINE >= k->cap) lxs_buf_reserve(k, off - k->len + n + KEY_INLINE);
  return off;
}

/* Record the word whose lowercased form is at `key` (zero-padded to
 * KEY_INLINE bytes), n bytes long. */
static void add_word(lxs_vader *v, size_t key, size_t n, int upper, int maybe_nt) {
  const char *low = v->lower.data + key;
  v->lower.len = key + (n < KEY_INLINE ? KEY_INLINE : n);
  LXS_VEC_GROW(v->words, v->nwords, v->words_cap);
  vader_word *w = &v->words[v->nwords];
  w->valence = 0.0;
  w->key = key;
  w->len = n;
  w->flags = (maybe_nt && has_nt(low, n)) ? F_NEG : 0;
  w->upper = (uint8_t)upper;
  w->kw = KW_NONE;
  v->ncaps += (size_t)upper;
  uint64_t h = key_hash(low, n);
  if (filter_may_have(v->filter, h)) {
    LXS_VEC_GROW(v->cand, v->ncand, v->cand_cap);
    v->cand[v->ncand].word = v->nwords;
    v->cand[v->ncand++].hash = h;
  }
  v->nwords++;
}

/* Pass 2: look the candidates up and take over the entry's facts.  (No
 * prefetching: a text has a handful of candidates, and their look-ups are
 * independent, so the processor overlaps their misses anyway.) */
static void resolve_candidates(lxs_vader *v) {
  if (v->lexw_cap < v->ncand) { /* room for every candidate being a lexicon word */
    v->lexw_cap = v->ncand + 16;
    v->lexw = lxs_xrealloc(v->lexw, v->lexw_cap * sizeof *v->lexw);
  }
  vader_word *words = v->words;
  size_t nlexw = 0;
  for (size_t k = 0; k < v->ncand; k++) {
    const vader_cand *c = &v->cand[k];
    vader_word *w = &words[c->word];
    const vader_entry *e = table_find(v, v->lower.data + w->key, w->len, c->hash);
    if (!e) continue;
    w->valence = e->valence;
    w->flags |= e->flags;
    w->kw = e->kw;
    v->lexw[nlexw] = c->word;
    nlexw += (e->flags & F_LEX) != 0;
    if (e->kw == KW_BUT && v->but_index == SIZE_MAX) v->but_index = c->word;
  }
  v->nlexw = nlexw;
}

static void begin_words(lxs_vader *v) {
  v->nwords = v->ncand = v->nlexw = v->ncaps = v->bangs = v->questions = 0;
  v->but_index = SIZE_MAX;
  v->lower.len = 0;
}

static void end_words(lxs_vader *v) { resolve_candidates(v); }

/* Length of the code point at s if it is str.split() whitespace, else 0;
 * *n gets its byte length either way. */
static size_t utf8_space(const unsigned char *s, size_t len, size_t *n) {
  int32_t cp;
  *n = lxs_utf8_decode(s, len, &cp);
  return lxs_utf8_py_isspace(cp) ? *n : 0;
}

/* Slow path: a token with non-ASCII bytes starting at t[start].  Returns
 * the position after it. */
static size_t utf8_token(lxs_vader *v, const unsigned char *t, size_t len, size_t start) {
  const uint8_t *cls = v->cls;
  size_t pos = start, n;
  for (;;) {
    while (pos < len && !(cls[t[pos]] & (C_SPACE | C_HIGH))) pos++;
    if (pos == len || (cls[t[pos]] & C_SPACE) || utf8_space(t + pos, len - pos, &n)) break;
    pos += n;
  }
  const unsigned char *s = t + start;
  size_t tn = pos - start, b = 0, e = tn;
  /* strip string.punctuation; keep the token if <= 2 code points remain */
  while (b < e && (cls[s[b]] & C_PUNCT)) b++;
  while (e > b && (cls[s[e - 1]] & C_PUNCT)) e--;
  if (count_cps((const char *)s + b, e - b, 3) <= 2) b = 0, e = tn;
  size_t key = key_begin(v, 0);
  v->lower.len = key;
  lxs_utf8_py_lower((const char *)s + b, e - b, &v->lower);
  size_t kn = v->lower.len - key;
  lxs_buf_reserve(&v->lower, KEY_INLINE);
  memset(v->lower.data + key + kn, 0, KEY_INLINE);
  add_word(v, key, kn, lxs_utf8_py_isupper((const char *)s + b, e - b), 1);
  return pos;
}

/* SWAR on 8 ASCII bytes (all < 0x80, so byte-wise additions never
 * carry): the high bit of each byte of the result tells whether that byte
 * lies in lo..hi (lo > 0). */
#define SWAR_ONES 0x0101010101010101ULL
static uint64_t swar_in(uint64_t x, unsigned lo, unsigned hi) {
  uint64_t ge_lo = x + SWAR_ONES * (0x80 - lo);
  uint64_t gt_hi = x + SWAR_ONES * (0x7F - hi);
  return ge_lo & ~gt_hi & (SWAR_ONES * 0x80);
}

/* Lowercase 8 ASCII bytes at once: 'A'..'Z' get 0x20 added. */
static uint64_t swar_lower(uint64_t x) { return x | (swar_in(x, 'A', 'Z') >> 2); }

/* Put the lowercased ASCII word t[at..at+n) into the key arena,
 * zero-padded; returns its offset.  Words of up to KEY_INLINE bytes are
 * built in two 8-byte registers and stored whole: byte stores followed by
 * the look-up's 8-byte loads would defeat store forwarding. */
static size_t lower_ascii(lxs_vader *v, const unsigned char *t, size_t len, size_t at, size_t n) {
  static const unsigned char keep[2 * KEY_INLINE] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                     0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                     0xFF, 0xFF, 0xFF, 0xFF};
  size_t key = key_begin(v, n);
  char *low = v->lower.data + key;
  if (n > KEY_INLINE) {
    for (size_t i = 0; i < n; i++) low[i] = (char)v->lower_tab[t[at + i]];
    memset(low + n, 0, KEY_INLINE);
    return key;
  }
  uint64_t w[2], m[2];
  if (at + KEY_INLINE <= len) {
    memcpy(w, t + at, KEY_INLINE);
  } else { /* near the end of the text: do not read past it */
    unsigned char tmp[KEY_INLINE] = {0};
    memcpy(tmp, t + at, n);
    memcpy(w, tmp, KEY_INLINE);
  }
  memcpy(m, keep + KEY_INLINE - n, KEY_INLINE); /* n bytes of 0xFF */
  w[0] = swar_lower(w[0] & m[0]);
  w[1] = swar_lower(w[1] & m[1]);
  memcpy(low, w, KEY_INLINE);
  return key;
}

/* Fast path: an ASCII token at t[start].  Strips string.punctuation from
 * both ends; if fewer than three characters remain, the reference keeps
 * the whole token (emoticons such as ":)" and ":-D").  Returns the
 * position after the token. */
static size_t ascii_token(lxs_vader *v, const unsigned char *t, size_t len, size_t start) {
  const uint8_t *cls = v->cls;
#define CLS_AT(p) ((p) < len ? cls[t[p]] : C_SPACE)
  size_t pos = start;
  unsigned acc = 0, k;
  while ((k = CLS_AT(pos)) & C_PUNCT) {
    acc |= k;
    pos++;
  }
  size_t b = pos, e = pos;
  while (!((k = CLS_AT(pos)) & (C_SPACE | C_HIGH))) {
    acc |= k;
    pos++;
    if (!(k & C_PUNCT)) e = pos;
  }
#undef CLS_AT
  size_t n;
  if ((k & C_HIGH) && !utf8_space(t + pos, len - pos, &n))
    return utf8_token(v, t, len, start); /* non-ASCII inside: start over */
  if (e - b <= 2) b = start, e = pos;
  size_t key = lower_ascii(v, t, len, b, e - b);
  /* Letters are never punctuation, so the token's classes tell
   * str.isupper() of the word whether or not it was stripped. */
  add_word(v, key, e - b, (acc & C_UPPER) && !(acc & C_LOWER), acc & C_APOS);
  return pos;
}

/* Python's str.split() for any text, one byte at a time, handing each
 * token to the ASCII or UTF-8 path. */
static void tokenize_scalar(lxs_vader *v, const char *text, size_t len) {
  const unsigned char *t = (const unsigned char *)text;
  const uint8_t *cls = v->cls;
  size_t pos = 0, n;
  /* '!' and '?' are never whitespace, so counting them in the whole text
   * (as the reference does) is the same as counting them in the tokens */
  for (size_t i = 0; i < len; i++) {
    v->bangs += t[i] == '!';
    v->questions += t[i] == '?';
  }
  while (pos < len) {
    uint8_t k = cls[t[pos]];
    if (k & C_SPACE) pos++;
    else if (!(k & C_HIGH)) pos = ascii_token(v, t, len, pos);
    else if (utf8_space(t + pos, len - pos, &n)) pos += n;
    else pos = utf8_token(v, t, len, pos);
  }
}

/* ---- the bitmap tokeniser (ASCII texts) ---------------------------------- */

/* Branches on every byte (is it the end of the token? of the spaces?)
 * mispredict once or twice per word, which dominated the scalar
 * tokeniser's cost.  For ASCII texts we instead classify all bytes into
 * per-class bitmaps first and find each token's end, stripped part and
 * letter case with bit operations. */

static unsigned ctz64(uint64_t x) { /* x != 0 */
#if defined(__GNUC__)
  return (unsigned)__builtin_ctzll(x);
#else
  unsigned n = 0;
  while (!(x & 1)) x >>= 1, n++;
  return n;
#endif
}

static unsigned clz64(uint64_t x) { /* x != 0 */
#if defined(__GNUC__)
  return (unsigned)__builtin_clzll(x);
#else
  unsigned n = 0;
  while (!(x & (1ULL << 63))) x <<= 1, n++;
  return n;
#endif
}

static unsigned popcount64(uint64_t x) {
#if defined(__GNUC__) && defined(__POPCNT__)
  return (unsigned)__builtin_popcountll(x);
#else /* inline SWAR rather than libgcc's out-of-line call */
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return (unsigned)((x * 0x0101010101010101ULL) >> 56);
#endif
}

/* The bits of bitmap bm from byte pos on: bit k is byte pos + k for k up
 * to 56 at least (the higher bits are 0 or also right).  One unaligned
 * load at the bitmap byte holding bit pos, instead of two words shifted
 * and merged; bm must have a word after the one holding bit pos. */
static uint64_t bits_from(const uint64_t *bm, size_t pos) {
  uint64_t x;
  memcpy(&x, (const unsigned char *)bm + (pos >> 3), sizeof x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x); /* byte pos/8 holds the low bits */
#endif
  return x >> (pos & 7);
}

#ifdef VADER_SSE2
#define B8(c) _mm_set1_epi8((char)(c))

/* 0xFF for the bytes of x in lo..hi, for ASCII x and 0 < lo <= hi < 0x80:
 * the add moves lo to -128, so one signed compare tests both ends (two
 * compares and an AND otherwise, and SSE2 has no "less than" of its own:
 * the compiler adds a negation). */
static inline __m128i ascii_in(__m128i x, int lo, int hi) {
  return _mm_cmpgt_epi8(B8(hi - lo - 127), _mm_add_epi8(x, B8(0x80 - lo)));
}

/* Classify the 16 ASCII bytes x into the 16-bit masks m[BM_*]. */
static void classify16(__m128i x, unsigned m[BM_COUNT]) {
  __m128i space = _mm_or_si128(ascii_in(x, 0x09, 0x0D), ascii_in(x, 0x1C, 0x20));
  /* x | 0x20 maps 'A'..'Z' onto 'a'..'z' and no other ASCII byte there */
  __m128i letter = ascii_in(_mm_or_si128(x, B8(0x20)), 'a', 'z');
  __m128i alnum = _mm_or_si128(letter, ascii_in(x, '0', '9'));
  __m128i punct = _mm_andnot_si128(alnum, ascii_in(x, 0x21, 0x7E));
  m[BM_SPACE] = (unsigned)_mm_movemask_epi8(space);
  m[BM_WORD] = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(space, punct)) & 0xFFFF;
}

/* The sum of the 16 bytes of x. */
static size_t byte_sum(__m128i x) {
  __m128i s = _mm_sad_epu8(x, _mm_setzero_si128()); /* two 16-bit sums */
  return (size_t)_mm_cvtsi128_si32(s) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(s, 8));
}
#endif

/* Fill the bitmaps bm (BM_COUNT of stride words) for blocks 0..nb from
 * p[0..len) (readable and space-padded up to nb*64) and count the '!' and
 * '?' into v; returns 0 (counting nothing) if a byte is >= 0x80. */
static int classify_blocks(lxs_vader *v, const unsigned char *p, size_t len, uint64_t *bm,
                           size_t stride, size_t nb) {
#ifdef VADER_SSE2
  /* '!' and '?' are counted per byte lane (a compare gives -1), and the
   * lanes summed every 32 blocks, before one can reach 256 */
  __m128i high = _mm_setzero_si128(), bangs = high, quests = high;
  size_t nchunks = (len + 15) / 16, nbang = 0, nquest = 0;
  for (size_t b = 0; b < nb; b++) {
    uint64_t m[BM_COUNT] = {0};
    for (unsigned c = 0; c < 4; c++) {
      unsigned cm[BM_COUNT] = {0xFFFF, 0}; /* chunks past the text are all spaces */
      if (b * 4 + c < nchunks) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + b * 64 + c * 16));
        classify16(x, cm);
        high = _mm_or_si128(high, x);
        bangs = _mm_sub_epi8(bangs, _mm_cmpeq_epi8(x, B8('!')));
        quests = _mm_sub_epi8(quests, _mm_cmpeq_epi8(x, B8('?')));
      }
      for (int k = 0; k < BM_COUNT; k++) m[k] |= (uint64_t)cm[k] << (16 * c);
    }
    for (int k = 0; k < BM_COUNT; k++) bm[k * stride + b] = m[k];
    if ((b & 31) == 31 || b + 1 == nb) {
      nbang += byte_sum(bangs), nquest += byte_sum(quests);
      bangs = quests = _mm_setzero_si128();
    }
  }
  if (_mm_movemask_epi8(high)) return 0; /* the compares are only right for ASCII */
  v->bangs += nbang, v->questions += nquest;
  return 1;
#else
  for (int k = 0; k < BM_COUNT; k++) memset(bm + k * stride, 0, nb * sizeof *bm);
  for (size_t i = len; i < nb * 64; i++) /* the padding is spaces */
    bm[BM_SPACE * stride + (i >> 6)] |= 1ULL << (i & 63);
  for (size_t i = 0; i < len; i++) {
    unsigned c = p[i], k = v->cls[c];
    uint64_t bit = 1ULL << (i & 63);
    uint64_t *m = bm + (i >> 6);
    if (c >= 0x80) return 0;
    if (k & C_SPACE) m[BM_SPACE * stride] |= bit;
    if (!(k & (C_SPACE | C_PUNCT))) m[BM_WORD * stride] |= bit;
  }
  for (size_t i = 0; i < len; i++) {
    v->bangs += p[i] == '!';
    v->questions += p[i] == '?';
  }
  return 1;
#endif
}

/* Copy an ASCII text into v->pad (space-padded to whole blocks) and build
 * its bitmaps, plus one all-space block so every token ends.  Returns the
 * number of text blocks, or 0 when the text is not ASCII. */
static size_t build_bitmaps(lxs_vader *v, const char *text, size_t len) {
  size_t nb = (len + 63) / 64;
  lxs_buf *pad = &v->pad;
  pad->len = 0;
  lxs_buf_reserve(pad, nb * 64 + KEY_INLINE);
  memcpy(pad->data, text, len);
  memset(pad->data + len, ' ', nb * 64 + KEY_INLINE - len);
  size_t stride = nb + 1;
  if (v->bits_cap < BM_COUNT * stride) {
    v->bits_cap = BM_COUNT * stride;
    v->bits = lxs_xrealloc(v->bits, v->bits_cap * sizeof *v->bits);
  }
  for (int k = 0; k < BM_COUNT; k++) v->bits[k * stride + nb] = k == BM_SPACE ? ~0ULL : 0;
  if (!classify_blocks(v, (const unsigned char *)pad->data, len, v->bits, stride, nb)) return 0;
  return nb;
}

/* Sizes the per-text arrays for ntok more words and len more key bytes,
 * so the tokeniser's loop needs no capacity checks. */
static void reserve_words(lxs_vader *v, size_t ntok, size_t len) {
  size_t need = v->nwords + ntok;
  if (v->words_cap < need) {
    v->words_cap = need + 16;
    v->words = lxs_xrealloc(v->words, v->words_cap * sizeof *v->words);
  }
  need = v->ncand + ntok;
  if (v->cand_cap < need) {
    v->cand_cap = need + 16;
    v->cand = lxs_xrealloc(v->cand, v->cand_cap * sizeof *v->cand);
  }
  /* a short key takes 16 bytes, a long one its length + up to 31 */
  lxs_buf_reserve(&v->lower, 32 * ntok + len + 32);
}

/* What the tokeniser needs to know about a word besides its key. */
typedef struct {
  uint64_t fh; /* filter hash */
  int upper;   /* has an uppercase letter */
  int lower;   /* has a lowercase letter */
  int apos;    /* has an apostrophe (so maybe "n't") */
} vader_keyinfo;

static const unsigned char keep_bytes[2 * KEY_INLINE] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* Lowercase the n <= KEY_INLINE bytes at p (16 readable) into dst,
 * zero-padded, noting case and apostrophes on the way. */
static void short_key(const unsigned char *p, size_t n, char *dst, vader_keyinfo *ki) {
#ifdef VADER_SSE2
  __m128i x = _mm_and_si128(
      _mm_loadu_si128((const __m128i *)(const void *)p),
      _mm_loadu_si128((const __m128i *)(const void *)(keep_bytes + KEY_INLINE - n)));
  __m128i up = ascii_in(x, 'A', 'Z');
  ki->upper = _mm_movemask_epi8(up) != 0;
  ki->lower = _mm_movemask_epi8(ascii_in(x, 'a', 'z')) != 0;
  ki->apos = _mm_movemask_epi8(_mm_cmpeq_epi8(x, B8('\''))) != 0;
  x = _mm_add_epi8(x, _mm_and_si128(up, B8(0x20)));
  _mm_storeu_si128((__m128i *)(void *)dst, x);
  uint64_t w[2];
  memcpy(w, &x, sizeof w);
  ki->fh = key_hash((const char *)w, n);
#else
  const unsigned char *keep = keep_bytes;
  uint64_t w[2], m[2];
  memcpy(w, p, KEY_INLINE);
  memcpy(m, keep + KEY_INLINE - n, KEY_INLINE); /* n bytes of 0xFF */
  w[0] &= m[0];
  w[1] &= m[1];
  uint64_t up0 = swar_in(w[0], 'A', 'Z'), up1 = swar_in(w[1], 'A', 'Z');
  ki->upper = (up0 | up1) != 0;
  ki->lower = (swar_in(w[0], 'a', 'z') | swar_in(w[1], 'a', 'z')) != 0;
  ki->apos = (swar_in(w[0], '\'', '\'') | swar_in(w[1], '\'', '\'')) != 0;
  w[0] |= up0 >> 2; /* lowercase: +0x20 on 'A'..'Z' */
  w[1] |= up1 >> 2;
  memcpy(dst, w, KEY_INLINE);
  ki->fh = key_hash((const char *)w, n);
#endif
}

/* Lowercase the ASCII word p[0..n), n > KEY_INLINE, into dst. */
static void long_key(const lxs_vader *v, const unsigned char *p, size_t n, char *dst,
                     vader_keyinfo *ki) {
  unsigned seen = 0;
  for (size_t i = 0; i < n; i++) {
    seen |= v->cls[p[i]];
    dst[i] = (char)v->lower_tab[p[i]];
  }
  memset(dst + n, 0, KEY_INLINE);
  ki->fh = key_hash(dst, n);
  ki->upper = (seen & C_UPPER) != 0;
  ki->lower = (seen & C_LOWER) != 0;
  ki->apos = (seen & C_APOS) != 0;
}

/* The tokens of the nb blocks.  All state lives in locals: the key stores
 * are char-typed and would otherwise force the compiler to reload every
 * field of v after each one. */
static void bitmap_tokens(lxs_vader *v, size_t nb) {
  const uint64_t *space = v->bits + BM_SPACE * (nb + 1), *word = v->bits + BM_WORD * (nb + 1);
  const unsigned char *t = (const unsigned char *)v->pad.data;
  const uint64_t *filter = v->filter;
  vader_word *words = v->words;
  vader_cand *cand = v->cand;
  char *keys = v->lower.data;
  size_t nw = v->nwords, nc = v->ncand, klen = v->lower.len, ncaps = v->ncaps;
  uint64_t carry = 1; /* the text starts after a virtual space */
  for (size_t i = 0; i < nb; i++) {
    uint64_t sp = space[i];
    uint64_t starts = ~sp & ((sp << 1) | carry);
    carry = sp >> 63;
    for (; starts; starts &= starts - 1) {
      size_t s = i * 64 + ctz64(starts);
      uint64_t tsp = bits_from(space, s);
      if (!tsp) { /* 57 bytes or longer: the scalar path walks it */
        v->nwords = nw, v->ncand = nc, v->lower.len = klen, v->ncaps = ncaps;
        ascii_token(v, t, v->pad.len, s);
        words = v->words, cand = v->cand, keys = v->lower.data;
        nw = v->nwords, nc = v->ncand, klen = v->lower.len, ncaps = v->ncaps;
        continue;
      }
      unsigned n = ctz64(tsp); /* token length, 1..63 */
      uint64_t tok = (1ULL << n) - 1;
      /* strip string.punctuation: the word is the first..last WORD byte,
       * but the whole token if that leaves <= 2 bytes (":)", ":-D") */
      uint64_t wb = bits_from(word, s) & tok;
      unsigned b = 0, e = n;
      if (wb) { /* else all punctuation: the whole token */
        unsigned wfirst = ctz64(wb), wend = 64 - clz64(wb);
        /* branch-free (which way this goes is unpredictable): all ones
         * when more than two bytes remain stripped */
        unsigned stripped = 0u - (unsigned)(wend - wfirst > 2);
        b = wfirst & stripped;
        e = n ^ ((wend ^ n) & stripped);
      }
      size_t wn = e - b, key = klen;
      vader_keyinfo ki;
      if (wn <= KEY_INLINE) {
        short_key(t + s + b, wn, keys + key, &ki);
        klen = key + KEY_INLINE;
      } else {
        long_key(v, t + s + b, wn, keys + key, &ki);
        klen = (key + wn + KEY_INLINE + 15) & ~(size_t)15;
      }
      /* letters are never punctuation: the word's case is the token's */
      unsigned upper = (unsigned)ki.upper & (unsigned)!ki.lower;
      vader_word *w = &words[nw];
      w->valence = 0.0;
      w->key = key;
      w->len = wn;
      w->flags = (ki.apos && has_nt(keys + key, wn)) ? F_NEG : 0;
      w->upper = (uint8_t)upper;
      w->kw = KW_NONE;
      ncaps += upper;
      cand[nc].word = nw; /* kept only if the filter agrees */
      cand[nc].hash = ki.fh;
      nc += filter_may_have(filter, ki.fh);
      nw++;
    }
  }
  v->nwords = nw, v->ncand = nc, v->lower.len = klen, v->ncaps = ncaps;
}

/* Python's str.split() for ASCII texts; returns 0 (having done nothing)
 * for other texts. */
static int tokenize_bitmaps(lxs_vader *v, const char *text, size_t len) {
  size_t nb = build_bitmaps(v, text, len);
  if (!nb) return 0;
  const uint64_t *space = v->bits + BM_SPACE * (nb + 1);
  v->pad.len = nb * 64 + KEY_INLINE; /* readable; all but the text is spaces */
  uint64_t carry = 1;
  size_t ntok = 0;
  for (size_t i = 0; i < nb; i++) {
    uint64_t sp = space[i];
    ntok += popcount64(~sp & ((sp << 1) | carry));
    carry = sp >> 63;
  }
  reserve_words(v, ntok, len);
  bitmap_tokens(v, nb);
  return 1;
}

/* ---- the rules ----------------------------------------------------------- */

static int in_lex(const vader_word *w) { return (w->flags & F_LEX) != 0; }
static int negated(const vader_word *w) { return (w->flags & F_NEG) != 0; }
static double booster_value(const vader_word *w) {
  return (w->flags & F_DECR) ? VADER_B_DECR : VADER_B_INCR;
}

/* Booster/dampener effect of word w on a valence (scalar_inc_dec). */
static double scalar_inc_dec(const vader_word *w, double valence, int cap_diff) {
  if (!(w->flags & F_BOOST)) return 0.0;
  double scalar = booster_value(w);
  if (valence < 0) scalar = -scalar;
  if (w->upper && cap_diff) scalar = valence > 0 ? scalar + VADER_C_INCR : scalar - VADER_C_INCR;
  return scalar;
}

static int is_so_or_this(const vader_word *w) { return w->kw == KW_SO || w->kw == KW_THIS; }

/* Negation by the word `start + 1` places before word i. */
static double negation_check(const vader_word *w, size_t i, int start, double valence) {
  if (start == 0) {
    if (negated(&w[i - 1])) valence = valence * VADER_N_SCALAR;
  } else if (start == 1) {
    if (w[i - 2].kw == KW_NEVER && is_so_or_this(&w[i - 1])) valence = valence * 1.25;
    else if (w[i - 2].kw == KW_WITHOUT && w[i - 1].kw == KW_DOUBT)
      ; /* "without doubt" is not a negation */
    else if (negated(&w[i - 2])) valence = valence * VADER_N_SCALAR;
  } else {
    /* The reference's condition reads `A and B or C`, so a "so"/"this"
     * just before the word boosts even without "never". */
    if ((w[i - 3].kw == KW_NEVER && is_so_or_this(&w[i - 2])) || is_so_or_this(&w[i - 1]))
      valence = valence * 1.25;
    else if (w[i - 3].kw == KW_WITHOUT && (w[i - 2].kw == KW_DOUBT || w[i - 1].kw == KW_DOUBT))
      ;
    else if (negated(&w[i - 3])) valence = valence * VADER_N_SCALAR;
  }
  return valence;
}

/* Do words[at..at+p->n) spell phrase p? */
static int phrase_at(const vader_word *w, size_t at, const vader_phrase *p) {
  for (uint8_t k = 0; k < p->n; k++)
    if (w[at + k].kw != p->w[k]) return 0;
  return 1;
}

static const vader_phrase *find_phrase(const vader_phrase *ps, size_t count, const vader_word *w,
                                       size_t at, size_t n) {
  if (w[at].kw == KW_NONE) return NULL; /* the common case */
  for (size_t k = 0; k < count; k++)
    if (ps[k].n == n && phrase_at(w, at, &ps[k])) return &ps[k];
  return NULL;
}

static const vader_phrase *special_case(const vader_word *w, size_t at, size_t n) {
  return find_phrase(special_cases, COUNT_OF(special_cases), w, at, n);
}

/* _special_idioms_check; only called with i >= 3. */
static double idioms_check(const vader_word *w, size_t nw, size_t i, double valence) {
  /* n-grams ending before or at i, in the reference's order: (i-1,i),
   * (i-2..i), (i-2,i-1), (i-3..i-1), (i-3,i-2); the first hit wins. */
  static const struct { uint8_t back, n; } seqs[] = {{1, 2}, {2, 3}, {2, 2}, {3, 3}, {3, 2}};
  for (size_t k = 0; k < COUNT_OF(seqs); k++) {
    const vader_phrase *p = special_case(w, i - seqs[k].back, seqs[k].n);
    if (p) {
      valence = p->value;
      break;
    }
  }
  /* n-grams starting at i override. */
  const vader_phrase *p;
  if (nw - 1 > i && (p = special_case(w, i, 2))) valence = p->value;
  if (nw - 1 > i + 1 && (p = special_case(w, i, 3))) valence = p->value;
  /* Two-word dampeners before i: (i-3,i-2) then (i-2,i-1). */
  for (size_t back = 3; back >= 2; back--) {
    p = find_phrase(booster_phrases, COUNT_OF(booster_phrases), w, i - back, 2);
    if (p) valence = valence + p->value;
  }
  return valence;
}

/* "least" before the word negates it, except "at least" / "very least". */
static double least_check(const vader_word *w, size_t i, double valence) {
  if (i > 1 && !in_lex(&w[i - 1]) && w[i - 1].kw == KW_LEAST) {
    if (w[i - 2].kw != KW_AT && w[i - 2].kw != KW_VERY) valence = valence * VADER_N_SCALAR;
  } else if (i > 0 && !in_lex(&w[i - 1]) && w[i - 1].kw == KW_LEAST) {
    valence = valence * VADER_N_SCALAR;
  }
  return valence;
}

/* Can any rule but ALL CAPS apply to word i?  Every rule needs a keyword
 * (no, but, least, so, never, idiom words ...), a booster or a negation at
 * i or among the three words before it; most lexicon words have none. */
static int plain_context(const vader_word *w, size_t i) {
  unsigned any = w[i].kw;
  /* OR the facts of the (up to) three words before i without branches */
  for (size_t k = 1; k <= 3; k++) {
    const vader_word *p = &w[i >= k ? i - k : i];
    any |= (unsigned)(p->flags & (F_BOOST | F_NEG)) | p->kw;
  }
  return any == 0;
}

/* Valence of lexicon word i with all its context rules. */
static double word_valence(const vader_word *w, size_t nw, size_t i, int cap_diff) {
  double valence = w[i].valence;
  if (plain_context(w, i)) { /* what the rules below would compute */
    if (w[i].upper && cap_diff)
      valence = valence > 0 ? valence + VADER_C_INCR : valence - VADER_C_INCR;
    return valence;
  }
  /* "no" directly before a lexicon word acts as a negation, not as
   * a negative word itself. */
  if (w[i].kw == KW_NO && i != nw - 1 && in_lex(&w[i + 1])) valence = 0.0;
  if ((i > 0 && w[i - 1].kw == KW_NO) || (i > 1 && w[i - 2].kw == KW_NO) ||
      (i > 2 && w[i - 3].kw == KW_NO && (w[i - 1].kw == KW_OR || w[i - 1].kw == KW_NOR)))
    valence = w[i].valence * VADER_N_SCALAR;
  /* ALL-CAPS word among mixed-case words. */
  if (w[i].upper && cap_diff)
    valence = valence > 0 ? valence + VADER_C_INCR : valence - VADER_C_INCR;
  for (int start = 0; start < 3; start++) {
    if (i <= (size_t)start || in_lex(&w[i - start - 1])) continue;
    double s = scalar_inc_dec(&w[i - start - 1], valence, cap_diff);
    /* boosters further away count less */
    if (start == 1 && s != 0) s = s * 0.95;
    if (start == 2 && s != 0) s = s * 0.9;
    valence = valence + s;
    valence = negation_check(w, i, start, valence);
    if (start == 2) valence = idioms_check(w, nw, i, valence);
  }
  return least_check(w, i, valence);
}

/* The contrastive "but": halve sentiments before it, scale by 1.5 after.
 * Reproduces the reference's list.index() lookup: the element changed is
 * the FIRST one equal to the current value.  Zeros stay zero either way,
 * so only the nonzero entries take part.
 *
 * Done in O(m log m) so a hostile megabyte-long "sentence" stays fast:
 * each distinct current value keeps a min-heap of the indices holding it;
 * the first index equal to a[t] is that heap's minimum (t itself is in it),
 * and changing a[j] moves j from one heap to another. */
typedef struct but_bucket {
  uint64_t key; /* bits of the value; 0 = empty slot */
  size_t *h;    /* min-heap of indices */
  size_t n, cap;
} but_bucket;

static uint64_t dbits(double x) {
  uint64_t u;
  memcpy(&u, &x, sizeof u);
  return u;
}

static but_bucket *but_find(but_bucket *tab, size_t cap, double v) {
  uint64_t k = dbits(v), h = (k * 0x9E3779B97F4A7C15ULL) >> 20;
  for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
    if (tab[i].key == k || tab[i].key == 0) {
      tab[i].key = k;
      return &tab[i];
    }
}

static void heap_push(but_bucket *b, size_t x) {
  LXS_VEC_GROW(b->h, b->n, b->cap);
  size_t i = b->n++;
  while (i > 0 && b->h[(i - 1) / 2] > x) {
    b->h[i] = b->h[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  b->h[i] = x;
}

static void heap_pop(but_bucket *b) {
  size_t x = b->h[--b->n], i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= b->n) break;
    if (c + 1 < b->n && b->h[c + 1] < b->h[c]) c++;
    if (b->h[c] >= x) break;
    b->h[i] = b->h[c];
    i = c;
  }
  if (b->n) b->h[i] = x;
}

static void but_table_free(lxs_vader *v) {
  for (size_t i = 0; i < v->but_cap; i++) free(v->but_tab[i].h);
  free(v->but_tab);
  v->but_tab = NULL;
  v->but_cap = 0;
}

/* The table for m values, emptied (here, not after use: running out of
 * memory may leave a call half done); it and its heaps' arrays are kept
 * for the next text, since one text in ten has a "but". */
static but_bucket *but_table(lxs_vader *v, size_t m, size_t *cap_out) {
  /* values only shrink/grow by 0.5/1.5, so at most 3m distinct values */
  size_t cap = 16;
  while (cap < 8 * m) cap *= 2;
  if (v->but_cap < cap) {
    but_table_free(v);
    v->but_tab = lxs_xcalloc(cap, sizeof *v->but_tab);
    v->but_cap = cap;
  }
  for (size_t i = 0; i < cap; i++) v->but_tab[i].key = 0, v->but_tab[i].n = 0;
  *cap_out = cap;
  return v->but_tab;
}

static void but_check(lxs_vader *v, vader_senti *a, size_t m, size_t bi) {
  if (m == 0) return;
  size_t cap;
  but_bucket *tab = but_table(v, m, &cap);
  for (size_t t = 0; t < m; t++) heap_push(but_find(tab, cap, a[t].val), t);
  for (size_t t = 0; t < m; t++) {
    double s = a[t].val;
    but_bucket *b = but_find(tab, cap, s);
    size_t j = b->h[0]; /* first index holding s; never after t */
    double ns;
    if (a[j].idx < bi) ns = s * 0.5;
    else if (a[j].idx > bi) ns = s * 1.5;
    else continue;
    heap_pop(b);
    a[j].val = ns;
    heap_push(but_find(tab, cap, ns), j);
  }
}

/* Sentiment of every lexicon word; boosters and the "kind" of "kind of"
 * score 0 like all non-lexicon words. */
static void compute_sentiments(lxs_vader *v) {
  const vader_word *w = v->words;
  size_t nw = v->nwords;
  /* some but not all words in ALL CAPS */
  int cap_diff = v->ncaps > 0 && v->ncaps < nw;
  v->nsenti = 0;
  for (size_t k = 0; k < v->nlexw; k++) {
    size_t i = v->lexw[k];
    if (w[i].flags & F_BOOST) continue;
    if (i + 1 < nw && w[i].kw == KW_KIND && w[i + 1].kw == KW_OF) continue;
    double s = word_valence(w, nw, i, cap_diff);
    if (s == 0) continue;
    LXS_VEC_GROW(v->senti, v->nsenti, v->senti_cap);
    v->senti[v->nsenti].idx = i;
    v->senti[v->nsenti].val = s;
    v->nsenti++;
  }
  if (v->but_index != SIZE_MAX) but_check(v, v->senti, v->nsenti, v->but_index);
}

/* ---- scoring ------------------------------------------------------------- */

static double punctuation_emphasis(size_t bangs, size_t questions) {
  double ep = (double)(bangs > 4 ? 4 : bangs) * 0.292;
  double qm = 0.0;
  if (questions > 1) qm = questions <= 3 ? (double)questions * 0.18 : 0.96;
  return ep + qm;
}

static double normalize(double score) {
  double norm = score / sqrt(score * score + VADER_ALPHA);
  if (norm < -1.0) return -1.0;
  if (norm > 1.0) return 1.0;
  return norm;
}

/* Skipping the zero sentiments changes none of the sums: adding 0 to a
 * double leaves it as it is (and a sum never starts at -0.0, as Python's
 * sum() starts from the integer 0). */
static void score_valence(const lxs_vader *v, lxs_vader_scores *raw) {
  memset(raw, 0, sizeof *raw);
  if (v->nwords == 0) return;
  const vader_senti *a = v->senti;
  size_t m = v->nsenti;
  double sum = 0.0, pos_sum = 0.0, neg_sum = 0.0;
  for (size_t k = 0; k < m; k++) {
    double s = a[k].val;
    sum += s;
    /* +1/-1 make a sentiment word comparable to a neutral word's count;
     * adding 0.0 to the other sum leaves it unchanged */
    pos_sum += s > 0 ? s + 1 : 0.0;
    neg_sum += s < 0 ? s - 1 : 0.0;
  }
  double amp = punctuation_emphasis(v->bangs, v->questions);
  if (sum > 0) sum += amp;
  else if (sum < 0) sum -= amp;
  raw->compound = normalize(sum);

  double neu = (double)(v->nwords - m);
  if (pos_sum > fabs(neg_sum)) pos_sum += amp;
  else if (pos_sum < fabs(neg_sum)) neg_sum -= amp;
  double total = pos_sum + fabs(neg_sum) + neu;
  raw->pos = fabs(pos_sum / total);
  raw->neg = fabs(neg_sum / total);
  raw->neu = fabs(neu / total);
}

static inline double py_round(double x, int ndigits);

void lxs_vader_score(lxs_vader *v, const char *text, size_t len, lxs_vader_scores *out,
                     lxs_vader_scores *raw) {
  if (!text) text = "", len = 0;
  begin_words(v);
  /* Only a non-ASCII code point can be an emoji (unless the emoji lexicon
   * has ASCII keys), so an ASCII text goes straight to the tokeniser. */
  if (v->ascii_emoji || !tokenize_bitmaps(v, text, len)) {
    size_t tlen;
    const char *t = replace_emoji(v, text, len, &tlen);
    if ((t == text && !v->ascii_emoji) || !tokenize_bitmaps(v, t, tlen))
      tokenize_scalar(v, t, tlen);
  }
  end_words(v);
  compute_sentiments(v);
  lxs_vader_scores r;
  score_valence(v, &r);
  if (raw) *raw = r;
  if (out) {
    out->neg = py_round(r.neg, 3);
    out->neu = py_round(r.neu, 3);
    out->pos = py_round(r.pos, 3);
    out->compound = py_round(r.compound, 4);
  }
}

/* ---- Python number semantics -------------------------------------------- */

static const double p10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* Python's round(x, ndigits) for finite x and ndigits in 0..15. */
static inline double py_round(double x, int ndigits) {
  double t = x * p10[ndigits];
  if (fabs(t) < 1e6) {
    /* t is within ~1e-10 of the exact x*10^n; unless that is near a tie
     * the nearest integer r is the correctly rounded result, and r/10^n
     * (one correctly rounded division of exact values) is the double
     * strtod would give for the decimal string. */
    double fl = (double)(int64_t)t; /* floor without a libm call */
    if (fl > t) fl -= 1;
    double frac = t - fl;
    if (fabs(frac - 0.5) > 1e-7) {
      double r = fl + (double)(frac > 0.5);
      /* r has x's sign (or is 0, where Python keeps x's sign too) */
      return copysign(r / p10[ndigits], x);
    }
  }
  /* Near a tie: glibc's printf is exact and rounds ties to even, like
   * CPython's dtoa-based round(). */
  char buf[400];
  snprintf(buf, sizeof buf, "%.*f", ndigits, x);
  return strtod(buf, NULL);
}

double lxs_vader_round(double x, int ndigits) {
  if (!isfinite(x) || ndigits < 0 || ndigits > 15) return x;
  return py_round(x, ndigits);
}

size_t lxs_vader_format(double x, char *buf, size_t buflen) {
  char tmp[40], digits[24], out[64];
  if (isnan(x)) return (size_t)snprintf(buf, buflen, "nan");
  if (isinf(x)) return (size_t)snprintf(buf, buflen, x < 0 ? "-inf" : "inf");
  int prec;
  for (prec = 1; prec < 17; prec++) { /* shortest round-tripping digits */
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
    if (strtod(tmp, NULL) == x) break;
  }
  snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
  /* tmp = [-]d[.ddd]e[+-]xx */
  const char *p = tmp;
  int neg = *p == '-';
  if (neg) p++;
  size_t nd = 0;
  for (; *p && *p != 'e'; p++)
    if (*p != '.') digits[nd++] = *p;
  int exp = atoi(p + 1);
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = '\0';
  size_t o = 0;
  if (neg) out[o++] = '-';
  if (exp < -4 || exp >= 16) { /* Python repr switches to exponent form */
    out[o++] = digits[0];
    if (nd > 1) {
      out[o++] = '.';
      memcpy(out + o, digits + 1, nd - 1);
      o += nd - 1;
    }
    o += (size_t)snprintf(out + o, sizeof out - o, "e%c%02d", exp < 0 ? '-' : '+',
                          exp < 0 ? -exp : exp);
  } else if (exp < 0) {
    out[o++] = '0';
    out[o++] = '.';
    for (int k = -1; k > exp; k--) out[o++] = '0';
    memcpy(out + o, digits, nd);
    o += nd;
  } else {
    for (int k = 0; k <= exp; k++) out[o++] = (size_t)k < nd ? digits[k] : '0';
    out[o++] = '.';
    if ((size_t)exp + 1 < nd) {
      memcpy(out + o, digits + exp + 1, nd - (size_t)exp - 1);
      o += nd - (size_t)exp - 1;
    } else {
      out[o++] = '0';
    }
  }
  out[o] = '\0';
  return (size_t)snprintf(buf, buflen, "%s", out);
}
