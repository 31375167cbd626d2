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

#include "utf8.h"
#include "util.h"

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
  KW_NO, KW_BUT, KW_KIND, KW_OF, KW_LEAST, KW_AT, KW_VERY, KW_NEVER,
  KW_SO, KW_THIS, KW_WITHOUT, KW_DOUBT, KW_OR, KW_NOR,
  /* parts of the multi-word boosters and special-case idioms */
  KW_JUST, KW_ENOUGH, KW_SORT, KW_THE, KW_SHIT, KW_BOMB, KW_BAD, KW_ASS,
  KW_BUS, KW_STOP, KW_YEAH, KW_RIGHT, KW_KISS, KW_DEATH, KW_TO, KW_DIE,
  KW_FOR, KW_BEATING, KW_HEART, KW_BROKEN,
  KW_COUNT
};

static const char *const kw_names[KW_COUNT] = {
    "", "no", "but", "kind", "of", "least", "at", "very", "never",
    "so", "this", "without", "doubt", "or", "nor",
    "just", "enough", "sort", "the", "shit", "bomb", "bad", "ass",
    "bus", "stop", "yeah", "right", "kiss", "death", "to", "die",
    "for", "beating", "heart", "broken"};

/* Negation words; any word containing "n't" also negates. */
static const char *const negate_words[] = {
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
    "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't",
    "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt",
    "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
    "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope",
    "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt",
    "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh",
    "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't",
    "rarely", "seldom", "despite"};

/* Single-word intensifiers (+) and dampeners (-). */
static const char *const booster_incr[] = {
    "absolutely", "amazingly", "awfully", "completely", "considerable",
    "considerably", "decidedly", "deeply", "effing", "enormous",
    "enormously", "entirely", "especially", "exceptional", "exceptionally",
    "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin",
    "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
    "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly",
    "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
    "more", "most", "particularly", "purely", "quite", "really",
    "remarkably", "so", "substantially", "thoroughly", "total", "totally",
    "tremendous", "tremendously", "uber", "unbelievably", "unusually",
    "utter", "utterly", "very"};
static const char *const booster_decr[] = {
    "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less",
    "little", "marginal", "marginally", "occasional", "occasionally",
    "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
    "sorta", "sortof", "sort-of"};

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
    {{KW_THE, KW_SHIT, 0}, 2, 3.0},       {{KW_THE, KW_BOMB, 0}, 2, 3.0},
    {{KW_BAD, KW_ASS, 0}, 2, 1.5},        {{KW_BUS, KW_STOP, 0}, 2, 0.0},
    {{KW_YEAH, KW_RIGHT, 0}, 2, -2.0},    {{KW_KISS, KW_OF, KW_DEATH}, 3, -1.5},
    {{KW_TO, KW_DIE, KW_FOR}, 3, 3.0},    {{KW_BEATING, KW_HEART, 0}, 2, 3.1},
    {{KW_BROKEN, KW_HEART, 0}, 2, -2.9}};

/* Two-word dampeners, added (unsigned) by the idiom step. */
static const vader_phrase booster_phrases[] = {
    {{KW_JUST, KW_ENOUGH, 0}, 2, VADER_B_DECR},
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

/* One lowercase key: lexicon valence, booster kind, negation flag and
 * keyword id live in one 32-byte entry so each word costs one look-up. */
typedef struct {
  char key[KEY_INLINE];
  double valence;
  uint32_t key_off; /* in lxs_vader.keys */
  uint16_t key_len;
  uint8_t flags;
  uint8_t kw;
} vader_entry;

typedef struct {
  uint32_t idx; /* entry index + 1; 0 = empty */
  uint32_t hash;
} vader_slot;

/* Emoji map: one code point -> description. */
typedef struct {
  int32_t cp; /* -1 = empty */
  uint32_t off, len;
} vader_emoji;

/* Per-word facts the rules need, computed once per word. */
typedef struct {
  double valence; /* lexicon valence when flags & F_LEX */
  uint8_t flags;  /* F_* */
  uint8_t upper;  /* Python str.isupper() of the word */
  uint8_t kw;     /* KW_* id of the lowercased word */
} vader_word;

/* Byte classes of the tokeniser's ASCII fast path. */
enum {
  C_SPACE = 1, /* str.split() whitespace */
  C_PUNCT = 2, /* string.punctuation */
  C_UPPER = 4,
  C_LOWER = 8,
  C_HIGH = 16, /* >= 0x80: decode and take the slow path */
  C_MARK = 32, /* '!' or '?', counted for emphasis */
  C_APOS = 64  /* '\'', so the word may contain "n't" */
};

struct lxs_vader {
  vader_entry *ents;
  size_t nents, ents_cap;
  vader_slot *slots;
  size_t nslots; /* power of two */
  lxs_buf keys;
  /* Bloom filter over the keys (4 bits per slot, 2 probes): three words in
   * four are in no table, and the filter answers those from L1 cache. */
  uint64_t *filter;
  size_t filter_mask; /* number of bits - 1 */

  vader_emoji *emo;
  size_t nemo, emo_slots; /* emo_slots: power of two or 0 */
  lxs_buf emo_desc;
  size_t ascii_emoji; /* number of ASCII keys (none in the real file) */
  uint8_t cls[256];   /* C_* per byte */
  uint8_t lower_tab[256]; /* ASCII lowercase per byte */

  /* scratch reused across calls; this is why one instance = one thread */
  lxs_buf text;  /* emoji-replaced text */
  lxs_buf lower; /* the current word, lowercased, zero-padded */
  vader_word *words;
  size_t nwords, words_cap;
  double *sent;
  size_t *nonzero;
  size_t sent_cap;
  size_t bangs, questions;
};

static void filter_add(lxs_vader *v, uint64_t h) {
  size_t b1 = (size_t)(h >> 20) & v->filter_mask;
  size_t b2 = (size_t)(h >> 42) & v->filter_mask;
  v->filter[b1 >> 6] |= 1ULL << (b1 & 63);
  v->filter[b2 >> 6] |= 1ULL << (b2 & 63);
}

static int filter_may_have(const lxs_vader *v, uint64_t h) {
  size_t b1 = (size_t)(h >> 20) & v->filter_mask;
  size_t b2 = (size_t)(h >> 42) & v->filter_mask;
  return (v->filter[b1 >> 6] >> (b1 & 63)) & (v->filter[b2 >> 6] >> (b2 & 63)) & 1;
}

/* key must be zero-padded to KEY_INLINE bytes when n <= KEY_INLINE. */
static const vader_entry *table_find(const lxs_vader *v, const char *key,
                                     size_t n, uint64_t h) {
  size_t mask = v->nslots - 1;
  uint32_t h32 = (uint32_t)h;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    const vader_slot *sl = &v->slots[i];
    if (!sl->idx) return NULL;
    if (sl->hash != h32) continue;
    const vader_entry *e = &v->ents[sl->idx - 1];
    if (e->key_len != n) continue;
    if (n <= KEY_INLINE ? memcmp(e->key, key, KEY_INLINE) == 0
                        : memcmp(v->keys.data + e->key_off, key, n) == 0)
      return e;
  }
}

static void table_place(vader_slot *slots, size_t nslots, uint32_t idx,
                        uint64_t h) {
  size_t mask = nslots - 1, i = (size_t)h & mask;
  while (slots[i].idx) i = (i + 1) & mask;
  slots[i].idx = idx;
  slots[i].hash = (uint32_t)h;
}

/* (Re)build slots and filter for ns slots.  The load factor stays at most
 * 1/2 so that slots and entries of the real lexicon fit in L2 together. */
static void table_resize(lxs_vader *v, size_t ns) {
  free(v->slots);
  free(v->filter);
  v->slots = lxs_xcalloc(ns, sizeof *v->slots);
  v->nslots = ns;
  v->filter_mask = ns * 4 - 1;
  v->filter = lxs_xcalloc(ns * 4 / 64, sizeof *v->filter);
  for (size_t i = 0; i < v->nents; i++) {
    const vader_entry *e = &v->ents[i];
    uint64_t h = lxs_hash_bytes(v->keys.data + e->key_off, e->key_len);
    table_place(v->slots, ns, (uint32_t)(i + 1), h);
    filter_add(v, h);
  }
}

/* Find or create the entry for key s[0..n), n <= KEY_MAX. */
static vader_entry *table_intern(lxs_vader *v, const char *s, size_t n) {
  char padded[KEY_INLINE] = {0};
  const char *key = s;
  if (n <= KEY_INLINE) {
    memcpy(padded, s, n);
    key = padded;
  }
  uint64_t h = lxs_hash_bytes(s, n);
  const vader_entry *found = table_find(v, key, n, h);
  if (found) return (vader_entry *)found;
  if ((v->nents + 1) * 2 > v->nslots) table_resize(v, v->nslots * 2);
  LXS_VEC_GROW(v->ents, v->nents, v->ents_cap);
  vader_entry *e = &v->ents[v->nents++];
  memset(e, 0, sizeof *e);
  if (n <= KEY_INLINE) memcpy(e->key, padded, KEY_INLINE);
  e->key_off = (uint32_t)v->keys.len;
  e->key_len = (uint16_t)n;
  lxs_buf_put(&v->keys, s, n);
  table_place(v->slots, v->nslots, (uint32_t)v->nents, h);
  filter_add(v, h);
  return e;
}

static void add_words(lxs_vader *v, const char *const *words, size_t n,
                      uint8_t flags) {
  for (size_t i = 0; i < n; i++)
    table_intern(v, words[i], strlen(words[i]))->flags |= flags;
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
    if (c >= 0x80)
      k = C_HIGH;
    else if (lxs_utf8_py_isspace(c))
      k = C_SPACE;
    else if (c >= 'A' && c <= 'Z')
      k = C_UPPER;
    else if (c >= 'a' && c <= 'z')
      k = C_LOWER;
    else if (c > ' ' && c < 0x7F && !(c >= '0' && c <= '9'))
      k = C_PUNCT;
    if (c == '!' || c == '?') k |= C_MARK;
    if (c == '\'') k |= C_APOS;
    cls[c] = k;
  }
}

lxs_vader *lxs_vader_new(void) {
  lxs_vader *v = lxs_xcalloc(1, sizeof *v);
  table_resize(v, 1024);
  lxs_buf_init(&v->keys);
  lxs_buf_init(&v->emo_desc);
  lxs_buf_init(&v->text);
  lxs_buf_init(&v->lower);
  init_byte_classes(v->cls);
  for (int c = 0; c < 256; c++)
    v->lower_tab[c] = (uint8_t)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  add_builtin_words(v);
  return v;
}

void lxs_vader_free(lxs_vader *v) {
  if (!v) return;
  free(v->ents);
  free(v->slots);
  free(v->filter);
  lxs_buf_free(&v->keys);
  free(v->emo);
  lxs_buf_free(&v->emo_desc);
  lxs_buf_free(&v->text);
  lxs_buf_free(&v->lower);
  free(v->words);
  free(v->sent);
  free(v->nonzero);
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
typedef const char *(*line_fn)(lxs_vader *v, const char *key, size_t klen,
                               const char *val, size_t vlen);

/* Walk LF-separated lines; each non-blank line is stripped (like the
 * reference's line.strip()) and split at the first two tabs. */
static int for_each_line(lxs_vader *v, const char *name, const char *data,
                         size_t len, line_fn fn, const char *what,
                         char *err, size_t errlen) {
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
      lxs_set_err(err, errlen, "%s:%zu: missing tab after the %s", name,
                  lineno, what);
      return -1;
    }
    size_t klen = (size_t)(tab - line);
    const char *val = tab + 1;
    const char *tab2 = memchr(val, '\t', n - klen - 1);
    size_t vlen = tab2 ? (size_t)(tab2 - val) : n - klen - 1;
    if (klen == 0) {
      lxs_set_err(err, errlen, "%s:%zu: empty %s", name, lineno, what);
      return -1;
    }
    const char *bad = klen > KEY_MAX ? "key too long"
                                            : fn(v, line, klen, val, vlen);
    if (bad) {
      lxs_set_err(err, errlen, "%s:%zu: %s '%.*s'", name, lineno, bad,
                  (int)(vlen > 40 ? 40 : vlen), val);
      return -1;
    }
  }
  return 0;
}

static const char *lexicon_line(lxs_vader *v, const char *key, size_t klen,
                                const char *val, size_t vlen) {
  double mean;
  if (parse_mean(val, vlen, &mean) != 0) return "non-numeric mean";
  vader_entry *e = table_intern(v, key, klen);
  e->flags |= F_LEX; /* a later duplicate overwrites, as in a dict */
  e->valence = mean;
  return NULL;
}

int lxs_vader_load_lexicon_buffer(lxs_vader *v, const char *name,
                                  const char *data, size_t len, char *err,
                                  size_t errlen) {
  return for_each_line(v, name, data, len, lexicon_line, "token", err,
                       errlen);
}

/* Read a whole file; NULL with err set on failure. */
static char *read_file(const char *path, size_t *len, char *err,
                       size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    lxs_set_err(err, errlen, "%s: cannot open", path);
    return NULL;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) lxs_buf_put(&b, chunk, got);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    lxs_buf_free(&b);
    lxs_set_err(err, errlen, "%s: read error", path);
    return NULL;
  }
  lxs_buf_reserve(&b, 0);
  *len = b.len;
  return b.data;
}

int lxs_vader_load_lexicon(lxs_vader *v, const char *path, char *err,
                           size_t errlen) {
  size_t len;
  char *data = read_file(path, &len, err, errlen);
  if (!data) return -1;
  int rc = lxs_vader_load_lexicon_buffer(v, path, data, len, err, errlen);
  free(data);
  return rc;
}

/* ---- emoji --------------------------------------------------------------- */

static uint64_t hash_cp(int32_t cp) {
  return (uint64_t)(uint32_t)cp * 0x9E3779B97F4A7C15ULL;
}

static const vader_emoji *emoji_find(const lxs_vader *v, int32_t cp) {
  if (!v->emo_slots) return NULL;
  size_t mask = v->emo_slots - 1;
  for (size_t i = (size_t)(hash_cp(cp) >> 32) & mask;; i = (i + 1) & mask) {
    if (v->emo[i].cp == cp) return &v->emo[i];
    if (v->emo[i].cp < 0) return NULL;
  }
}

static void emoji_grow(lxs_vader *v) {
  size_t ns = v->emo_slots ? v->emo_slots * 2 : 256;
  vader_emoji *t = lxs_xmalloc(ns * sizeof *t);
  for (size_t i = 0; i < ns; i++) t[i].cp = -1;
  for (size_t i = 0; i < v->emo_slots; i++) {
    if (v->emo[i].cp < 0) continue;
    size_t j = (size_t)(hash_cp(v->emo[i].cp) >> 32) & (ns - 1);
    while (t[j].cp >= 0) j = (j + 1) & (ns - 1);
    t[j] = v->emo[i];
  }
  free(v->emo);
  v->emo = t;
  v->emo_slots = ns;
}

static const char *emoji_line(lxs_vader *v, const char *key, size_t klen,
                              const char *val, size_t vlen) {
  int32_t cp;
  /* The reference looks text up one code point at a time, so only
   * single-code-point keys can ever match; skip the rest. */
  if (lxs_utf8_decode((const unsigned char *)key, klen, &cp) != klen)
    return NULL;
  if (cp == LXS_REPLACEMENT_CHAR && klen == 1) return NULL; /* invalid byte */
  if ((v->nemo + 1) * 2 > v->emo_slots) emoji_grow(v);
  vader_emoji *e = (vader_emoji *)emoji_find(v, cp);
  if (!e) {
    size_t j = (size_t)(hash_cp(cp) >> 32) & (v->emo_slots - 1);
    while (v->emo[j].cp >= 0) j = (j + 1) & (v->emo_slots - 1);
    e = &v->emo[j];
    e->cp = cp;
    v->nemo++;
    if (cp < 128) v->ascii_emoji++;
  }
  /* Repaired so a description never ends in a partial sequence that could
   * combine with the bytes following the emoji. */
  e->off = (uint32_t)v->emo_desc.len;
  lxs_utf8_repair(val, vlen, &v->emo_desc);
  e->len = (uint32_t)(v->emo_desc.len - e->off);
  return NULL;
}

int lxs_vader_load_emoji_buffer(lxs_vader *v, const char *name,
                                const char *data, size_t len, char *err,
                                size_t errlen) {
  return for_each_line(v, name, data, len, emoji_line, "emoji", err, errlen);
}

int lxs_vader_load_emoji(lxs_vader *v, const char *path, char *err,
                         size_t errlen) {
  size_t len;
  char *data = read_file(path, &len, err, errlen);
  if (!data) return -1;
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
static const vader_emoji *emoji_at(const lxs_vader *v, const char *text,
                                   size_t len, size_t pos, size_t *n) {
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
static const char *replace_emoji(lxs_vader *v, const char *text, size_t len,
                                 size_t *outlen) {
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

/* The tokeniser hashes words as it lowercases them; this must be the same
 * FNV-1a as lxs_hash_bytes, which hashes the table's keys. */
#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* Record a word: low[0..ln) is its lowercased form, zero-padded to
 * KEY_INLINE bytes, h its hash. */
static void add_word(lxs_vader *v, const char *low, size_t ln, uint64_t h,
                     int upper, int maybe_nt) {
  const vader_entry *e =
      filter_may_have(v, h) ? table_find(v, low, ln, h) : NULL;
  LXS_VEC_GROW(v->words, v->nwords, v->words_cap);
  vader_word *w = &v->words[v->nwords++];
  w->upper = (uint8_t)upper;
  w->valence = e ? e->valence : 0.0;
  w->flags = e ? e->flags : 0;
  w->kw = e ? e->kw : KW_NONE;
  if (maybe_nt && !(w->flags & F_NEG) && has_nt(low, ln)) w->flags |= F_NEG;
}

static void count_marks(lxs_vader *v, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    v->bangs += s[i] == '!';
    v->questions += s[i] == '?';
  }
}

/* Hash an already lowercased word in v->lower, pad it, record it. */
static void add_lowered(lxs_vader *v, size_t ln, int upper) {
  lxs_buf_reserve(&v->lower, ln + KEY_INLINE);
  char *low = v->lower.data;
  memset(low + ln, 0, KEY_INLINE);
  add_word(v, low, ln, lxs_hash_bytes(low, ln), upper, 1);
}

/* Length of the code point at s if it is str.split() whitespace, else 0;
 * *n gets its byte length either way. */
static size_t utf8_space(const unsigned char *s, size_t len, size_t *n) {
  int32_t cp;
  *n = lxs_utf8_decode(s, len, &cp);
  return lxs_utf8_py_isspace(cp) ? *n : 0;
}

/* Slow path: a token with non-ASCII bytes starting at t[start].  Returns
 * the position after it. */
static size_t utf8_token(lxs_vader *v, const unsigned char *t, size_t len,
                         size_t start) {
  const uint8_t *cls = v->cls;
  size_t pos = start, n;
  for (;;) {
    while (pos < len && !(cls[t[pos]] & (C_SPACE | C_HIGH))) pos++;
    if (pos == len || (cls[t[pos]] & C_SPACE) ||
        utf8_space(t + pos, len - pos, &n))
      break;
    pos += n;
  }
  const unsigned char *s = t + start;
  size_t tn = pos - start, b = 0, e = tn;
  count_marks(v, s, tn);
  /* strip string.punctuation; keep the token if <= 2 code points remain */
  while (b < e && (cls[s[b]] & C_PUNCT)) b++;
  while (e > b && (cls[s[e - 1]] & C_PUNCT)) e--;
  if (count_cps((const char *)s + b, e - b, 3) <= 2) b = 0, e = tn;
  v->lower.len = 0;
  lxs_utf8_py_lower((const char *)s + b, e - b, &v->lower);
  add_lowered(v, v->lower.len,
              lxs_utf8_py_isupper((const char *)s + b, e - b));
  return pos;
}

/* Fast path: an ASCII token at t[start].  Strips string.punctuation from
 * both ends while lowercasing and hashing in the same pass (the hash of
 * the stripped word is the state after its last non-punctuation byte).
 * If fewer than three characters remain, the reference keeps the whole
 * token (emoticons such as ":)" and ":-D").  Returns the position after
 * the token. */
static size_t ascii_token(lxs_vader *v, const unsigned char *t, size_t len,
                          size_t start) {
  const uint8_t *cls = v->cls;
  const uint8_t *lower = v->lower_tab;
  char *low = v->lower.data; /* reserved for the whole text + padding */
#define CLS_AT(p) ((p) < len ? cls[t[p]] : C_SPACE)
  size_t pos = start;
  unsigned acc = 0, k;
  while ((k = CLS_AT(pos)) & C_PUNCT) {
    acc |= k;
    pos++;
  }
  size_t b = pos, e = pos;
  uint64_t h = FNV_OFFSET, he = h;
  while (!((k = CLS_AT(pos)) & (C_SPACE | C_HIGH))) {
    acc |= k;
    unsigned char c = lower[t[pos]];
    low[pos - b] = (char)c;
    h = (h ^ c) * FNV_PRIME;
    if (!(k & C_PUNCT)) {
      he = h;
      e = pos + 1;
    }
    pos++;
  }
#undef CLS_AT
  size_t n;
  if ((k & C_HIGH) && !utf8_space(t + pos, len - pos, &n))
    return utf8_token(v, t, len, start); /* non-ASCII inside: start over */
  if (acc & C_MARK) count_marks(v, t + start, pos - start);
  /* Letters are never punctuation, so the token's classes tell
   * str.isupper() of the word whether or not it was stripped. */
  int upper = (acc & C_UPPER) && !(acc & C_LOWER);
  if (e - b <= 2 && (b != start || e != pos)) {
    for (size_t i = start; i < pos; i++) low[i - start] = (char)lower[t[i]];
    add_lowered(v, pos - start, upper);
  } else {
    memset(low + (e - b), 0, KEY_INLINE);
    add_word(v, low, e - b, he, upper, acc & C_APOS);
  }
  return pos;
}

/* Python's str.split(), handing each token to the fast or slow path. */
static void tokenize(lxs_vader *v, const char *text, size_t len) {
  const unsigned char *t = (const unsigned char *)text;
  const uint8_t *cls = v->cls;
  size_t pos = 0, n;
  v->nwords = v->bangs = v->questions = 0;
  lxs_buf_reserve(&v->lower, len + KEY_INLINE);
  while (pos < len) {
    uint8_t k = cls[t[pos]];
    if (k & C_SPACE)
      pos++;
    else if (!(k & C_HIGH))
      pos = ascii_token(v, t, len, pos);
    else if (utf8_space(t + pos, len - pos, &n))
      pos += n;
    else
      pos = utf8_token(v, t, len, pos);
  }
}

/* ---- the rules ----------------------------------------------------------- */

static int in_lex(const vader_word *w) { return (w->flags & F_LEX) != 0; }
static int negated(const vader_word *w) { return (w->flags & F_NEG) != 0; }
static double booster_value(const vader_word *w) {
  return (w->flags & F_DECR) ? VADER_B_DECR : VADER_B_INCR;
}

/* Booster/dampener effect of word w on a valence (scalar_inc_dec). */
static double scalar_inc_dec(const vader_word *w, double valence,
                             int cap_diff) {
  if (!(w->flags & F_BOOST)) return 0.0;
  double scalar = booster_value(w);
  if (valence < 0) scalar = -scalar;
  if (w->upper && cap_diff)
    scalar = valence > 0 ? scalar + VADER_C_INCR : scalar - VADER_C_INCR;
  return scalar;
}

static int is_so_or_this(const vader_word *w) {
  return w->kw == KW_SO || w->kw == KW_THIS;
}

/* Negation by the word `start + 1` places before word i. */
static double negation_check(const vader_word *w, size_t i, int start,
                             double valence) {
  if (start == 0) {
    if (negated(&w[i - 1])) valence = valence * VADER_N_SCALAR;
  } else if (start == 1) {
    if (w[i - 2].kw == KW_NEVER && is_so_or_this(&w[i - 1]))
      valence = valence * 1.25;
    else if (w[i - 2].kw == KW_WITHOUT && w[i - 1].kw == KW_DOUBT)
      ; /* "without doubt" is not a negation */
    else if (negated(&w[i - 2]))
      valence = valence * VADER_N_SCALAR;
  } else {
    /* The reference's condition reads `A and B or C`, so a "so"/"this"
     * just before the word boosts even without "never". */
    if ((w[i - 3].kw == KW_NEVER && is_so_or_this(&w[i - 2])) ||
        is_so_or_this(&w[i - 1]))
      valence = valence * 1.25;
    else if (w[i - 3].kw == KW_WITHOUT &&
             (w[i - 2].kw == KW_DOUBT || w[i - 1].kw == KW_DOUBT))
      ;
    else if (negated(&w[i - 3]))
      valence = valence * VADER_N_SCALAR;
  }
  return valence;
}

/* Do words[at..at+p->n) spell phrase p? */
static int phrase_at(const vader_word *w, size_t at, const vader_phrase *p) {
  for (uint8_t k = 0; k < p->n; k++)
    if (w[at + k].kw != p->w[k]) return 0;
  return 1;
}

static const vader_phrase *find_phrase(const vader_phrase *ps, size_t count,
                                       const vader_word *w, size_t at,
                                       size_t n) {
  if (w[at].kw == KW_NONE) return NULL; /* the common case */
  for (size_t k = 0; k < count; k++)
    if (ps[k].n == n && phrase_at(w, at, &ps[k])) return &ps[k];
  return NULL;
}

static const vader_phrase *special_case(const vader_word *w, size_t at,
                                        size_t n) {
  return find_phrase(special_cases, COUNT_OF(special_cases), w, at, n);
}

/* _special_idioms_check; only called with i >= 3. */
static double idioms_check(const vader_word *w, size_t nw, size_t i,
                           double valence) {
  /* n-grams ending before or at i, in the reference's order: (i-1,i),
   * (i-2..i), (i-2,i-1), (i-3..i-1), (i-3,i-2); the first hit wins. */
  static const struct { uint8_t back, n; } seqs[] = {
      {1, 2}, {2, 3}, {2, 2}, {3, 3}, {3, 2}};
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
    if (w[i - 2].kw != KW_AT && w[i - 2].kw != KW_VERY)
      valence = valence * VADER_N_SCALAR;
  } else if (i > 0 && !in_lex(&w[i - 1]) && w[i - 1].kw == KW_LEAST) {
    valence = valence * VADER_N_SCALAR;
  }
  return valence;
}

/* Valence of lexicon word i with all its context rules. */
static double word_valence(const vader_word *w, size_t nw, size_t i,
                           int cap_diff) {
  double valence = w[i].valence;
  /* "no" directly before a lexicon word acts as a negation, not as
   * a negative word itself. */
  if (w[i].kw == KW_NO && i != nw - 1 && in_lex(&w[i + 1])) valence = 0.0;
  if ((i > 0 && w[i - 1].kw == KW_NO) || (i > 1 && w[i - 2].kw == KW_NO) ||
      (i > 2 && w[i - 3].kw == KW_NO &&
       (w[i - 1].kw == KW_OR || w[i - 1].kw == KW_NOR)))
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
 * so only the nonzero entries take part (O(m^2) in the number of
 * sentiment words, fine for sentence-sized texts). */
static void but_check(lxs_vader *v, size_t nw, size_t bi) {
  double *a = v->sent;
  size_t m = 0;
  for (size_t k = 0; k < nw; k++)
    if (a[k] != 0) v->nonzero[m++] = k;
  for (size_t t = 0; t < m; t++) {
    double s = a[v->nonzero[t]];
    size_t j = v->nonzero[t];
    for (size_t u = 0; u < t; u++)
      if (a[v->nonzero[u]] == s) {
        j = v->nonzero[u];
        break;
      }
    if (j < bi)
      a[j] = s * 0.5;
    else if (j > bi)
      a[j] = s * 1.5;
  }
}

static int cap_differential(const vader_word *w, size_t nw) {
  size_t caps = 0;
  for (size_t i = 0; i < nw; i++) caps += w[i].upper;
  return caps > 0 && caps < nw;
}

static void compute_sentiments(lxs_vader *v) {
  const vader_word *w = v->words;
  size_t nw = v->nwords;
  int cap_diff = cap_differential(w, nw);
  if (v->sent_cap < nw) {
    v->sent_cap = v->words_cap;
    v->sent = lxs_xrealloc(v->sent, v->sent_cap * sizeof *v->sent);
    v->nonzero = lxs_xrealloc(v->nonzero, v->sent_cap * sizeof *v->nonzero);
  }
  size_t bi = nw;
  for (size_t i = 0; i < nw; i++) {
    double s = 0.0;
    if (w[i].kw == KW_BUT && bi == nw) bi = i;
    if (w[i].flags & F_BOOST)
      s = 0.0; /* modifiers carry no valence of their own */
    else if (i + 1 < nw && w[i].kw == KW_KIND && w[i + 1].kw == KW_OF)
      s = 0.0;
    else if (w[i].flags & F_LEX)
      s = word_valence(w, nw, i, cap_diff);
    v->sent[i] = s;
  }
  if (bi < nw) but_check(v, nw, bi);
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

static void score_valence(const lxs_vader *v, lxs_vader_scores *raw) {
  size_t nw = v->nwords;
  memset(raw, 0, sizeof *raw);
  if (nw == 0) return;
  const double *a = v->sent;
  double sum = 0.0;
  for (size_t i = 0; i < nw; i++) sum += a[i];
  double amp = punctuation_emphasis(v->bangs, v->questions);
  if (sum > 0)
    sum += amp;
  else if (sum < 0)
    sum -= amp;
  raw->compound = normalize(sum);

  double pos_sum = 0.0, neg_sum = 0.0;
  size_t neu = 0;
  for (size_t i = 0; i < nw; i++) {
    if (a[i] > 0) pos_sum += a[i] + 1; /* +1/-1: comparable to neutral count */
    if (a[i] < 0) neg_sum += a[i] - 1;
    if (a[i] == 0) neu++;
  }
  if (pos_sum > fabs(neg_sum))
    pos_sum += amp;
  else if (pos_sum < fabs(neg_sum))
    neg_sum -= amp;
  double total = pos_sum + fabs(neg_sum) + (double)neu;
  raw->pos = fabs(pos_sum / total);
  raw->neg = fabs(neg_sum / total);
  raw->neu = fabs((double)neu / total);
}

void lxs_vader_score(lxs_vader *v, const char *text, size_t len,
                     lxs_vader_scores *out, lxs_vader_scores *raw) {
  if (!text) len = 0;
  size_t tlen;
  const char *t = len ? replace_emoji(v, text, len, &tlen) : "";
  if (!len) tlen = 0;
  tokenize(v, t, tlen);
  compute_sentiments(v);
  lxs_vader_scores r;
  score_valence(v, &r);
  if (raw) *raw = r;
  if (out) {
    out->neg = lxs_vader_round(r.neg, 3);
    out->neu = lxs_vader_round(r.neu, 3);
    out->pos = lxs_vader_round(r.pos, 3);
    out->compound = lxs_vader_round(r.compound, 4);
  }
}

/* ---- Python number semantics -------------------------------------------- */

double lxs_vader_round(double x, int ndigits) {
  static const double p10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (!isfinite(x) || ndigits < 0 || ndigits > 15) return x;
  double t = x * p10[ndigits];
  if (fabs(t) < 1e6) {
    /* t is within ~1e-10 of the exact x*10^n; unless that is near a tie
     * the nearest integer r is the correctly rounded result, and r/10^n
     * (one correctly rounded division of exact values) is the double
     * strtod would give for the decimal string. */
    double fl = floor(t), frac = t - fl;
    if (fabs(frac - 0.5) > 1e-7) {
      double r = frac > 0.5 ? fl + 1 : fl;
      return r == 0 ? copysign(0.0, x) : r / p10[ndigits];
    }
  }
  /* Near a tie: glibc's printf is exact and rounds ties to even, like
   * CPython's dtoa-based round(). */
  char buf[400];
  snprintf(buf, sizeof buf, "%.*f", ndigits, x);
  return strtod(buf, NULL);
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
    o += (size_t)snprintf(out + o, sizeof out - o, "e%c%02d",
                          exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
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
