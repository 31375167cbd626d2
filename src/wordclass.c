/* wordclass.c - the segmenter's word classes, read from the embedded word
 * lists (the files in lexicons/words/) into one hash table on first use.
 *
 * A line is "word<TAB>class class ..."; '#' starts a comment line.  A word
 * listed in several files or lines has the union of its classes. */
#include "wordclass.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "lexstance.h"
#include "strmap.h"
#include "util.h"

extern const lxs_embedded_file lxs_embedded_words[];
extern const size_t lxs_embedded_word_count;

/* Unsized, so a class added to wordclass.h without its name here fails
 * the build below instead of leaving a NULL that crashes the parser. */
static const char *const kClassNames[] = {
    "title",   "role",        "roleadj",    "org",        "place",      "nation",     "opener",
    "time",    "meta",        "say",        "weak",       "saying",     "add",        "male",
    "female",  "aux",         "det",        "particle",   "asker",      "answer",     "postnom",
    "stop",    "honorific",   "neg",        "group",      "suffix",     "opine",      "coord",
    "passive", "firstperson", "reflexive",  "holderdet",  "noundet",    "clauseword", "urge",
    "inf",     "act",         "as",         "call",       "light",      "noun",       "view",
    "given",   "phrasal",     "sufferprep", "causeprep",  "infinitive", "shelldet",   "singular",
    "plural",  "undergo",     "relative",   "viewholder", "topicprep",  "prep",       "means",
    "stance",  "proxy",       "event",      "receive"};
_Static_assert(sizeof kClassNames / sizeof kClassNames[0] == W_NCLASSES,
               "each word class in wordclass.h needs its name in kClassNames");

const char *lxs_wclass_name(unsigned n) { return n < W_NCLASSES ? kClassNames[n] : NULL; }

/* The words' table is its own, not the shared lxs_strmap (strmap.h).  It
 * is filled inside pthread_once, which an out-of-memory unwind (util.h)
 * must not leave, so it allocates nothing: static slots, keys pointing
 * into the embedded lists (on the shared map test_oom failed).  It is
 * also the cheaper lookup: on the shared map make bench-ipb measured
 * 231.1 -> 232.1 instructions per byte steady, 373.5 -> 382.2 on first
 * sight of the words (the match stage looks each new word up once). */
#define WTAB_BITS 13
#define WTAB_SIZE (1u << WTAB_BITS)
#define MAX_WORD 40
/* A slot is known by its word's 64-bit case-folded hash and length: a
 * lookup compares those, not the bytes (the segmenter and the scorer ask
 * about nearly every token, and the byte compare of a found word was
 * half the cost).  Two listed words with the same hash and length would
 * share a slot: lxs_wordclass_check (a unit test) fails then, and a word of
 * the text takes a listed word's classes only if it collides with it, as
 * likely as a collision in the stemmer's cache (stem.c). */
static struct {
  const char *w; /* into the embedded data, not NUL-terminated */
  uint32_t n;
  lxs_wbits c;
  uint64_t hash; /* lxs_hash_lower(w, n) */
} g_wtab[WTAB_SIZE];
static size_t g_nwords;
static int g_collision; /* two listed words share a hash and a length */
static pthread_once_t g_wtab_once = PTHREAD_ONCE_INIT;
static atomic_int g_wtab_built; /* set once the table is filled */

static void wtab_put(const char *w, size_t n, lxs_wbits c) {
  uint64_t hash = lxs_hash_lower(w, n);
  size_t h = (size_t)(hash & (WTAB_SIZE - 1));
  while (g_wtab[h].w && !(g_wtab[h].hash == hash && g_wtab[h].n == n))
    h = (h + 1) & (WTAB_SIZE - 1);
  if (g_wtab[h].w && !lxs_eq_lower(g_wtab[h].w, g_wtab[h].n, w, n)) g_collision = 1;
  g_wtab[h].hash = hash;
  if (!g_wtab[h].w) {
    if ((g_nwords + 1) * 2 > WTAB_SIZE) return; /* checked by the unit test */
    g_nwords++;
  }
  g_wtab[h].w = w;
  g_wtab[h].n = (uint32_t)n;
  g_wtab[h].c |= c;
}

static int class_bit(const char *s, size_t n) {
  for (unsigned i = 0; i < W_NCLASSES; i++)
    if (strlen(kClassNames[i]) == n && memcmp(kClassNames[i], s, n) == 0) return (int)i;
  return -1;
}

/* Parses one list; with put, enters its words.  Returns LXS_OK or
 * LXS_EDATA with err naming the line. */
static int parse_list(const lxs_embedded_file *f, int put, char *err, size_t errlen) {
  const char *d = f->data, *end = f->data + f->len;
  for (size_t line = 1; d < end; line++) {
    const char *nl = memchr(d, '\n', (size_t)(end - d));
    const char *le = nl ? nl : end;
    const char *l = d;
    d = nl ? nl + 1 : end;
    if (l == le || l[0] == '#') continue;
    const char *tab = memchr(l, '\t', (size_t)(le - l));
    size_t wn = tab ? (size_t)(tab - l) : 0;
    if (!tab || wn == 0 || wn > MAX_WORD) {
      lxs_set_err(err, errlen, "%s:%zu: expected word<TAB>classes (a word of 1 to %d bytes)",
                  f->name, line, MAX_WORD);
      return LXS_EDATA;
    }
    lxs_wbits bits = 0;
    for (const char *p = tab + 1; p < le;) {
      const char *q = p;
      while (q < le && *q != ' ') q++;
      int b = class_bit(p, (size_t)(q - p));
      if (b < 0) {
        lxs_set_err(err, errlen, "%s:%zu: unknown class '%.*s'", f->name, line, (int)(q - p), p);
        return LXS_EDATA;
      }
      bits |= W_BIT(b);
      p = q < le ? q + 1 : le;
    }
    if (!bits) {
      lxs_set_err(err, errlen, "%s:%zu: no class", f->name, line);
      return LXS_EDATA;
    }
    if (put) wtab_put(l, wn, bits);
  }
  return LXS_OK;
}

/* Whether s ends in suffix. */
static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* The class lists are the .tsv files; the .txt files are plain word lists
 * (lxs_word_list). */
static int is_class_list(const lxs_embedded_file *f) { return ends_with(f->name, ".tsv"); }

static void wtab_build(void) {
  char err[256];
  for (size_t i = 0; i < lxs_embedded_word_count; i++)
    if (is_class_list(&lxs_embedded_words[i]))
      parse_list(&lxs_embedded_words[i], 1, err, sizeof err);
  atomic_store_explicit(&g_wtab_built, 1, memory_order_release);
}

int lxs_wordclass_check(char *err, size_t errlen) {
  for (size_t i = 0; i < lxs_embedded_word_count; i++) {
    if (!is_class_list(&lxs_embedded_words[i])) continue;
    int rc = parse_list(&lxs_embedded_words[i], 0, err, errlen);
    if (rc) return rc;
  }
  pthread_once(&g_wtab_once, wtab_build);
  if ((g_nwords + 1) * 2 > WTAB_SIZE) {
    lxs_set_err(err, errlen, "lexicons/words: more than %u words", WTAB_SIZE / 2 - 1);
    return LXS_EDATA;
  }
  if (g_collision) {
    lxs_set_err(err, errlen, "lexicons/words: two words share a hash (see wordclass.c)");
    return LXS_EDATA;
  }
  return LXS_OK;
}

lxs_wbits lxs_wclass(const char *s, size_t n) {
  /* (the flag spares the pthread_once call on every lookup) */
  if (!atomic_load_explicit(&g_wtab_built, memory_order_acquire))
    pthread_once(&g_wtab_once, wtab_build);
  if (n == 0 || n > MAX_WORD) return 0;
  uint64_t hash = lxs_hash_lower(s, n);
  size_t h = (size_t)(hash & (WTAB_SIZE - 1));
  while (g_wtab[h].w) {
    if (g_wtab[h].hash == hash && g_wtab[h].n == n) return g_wtab[h].c;
    h = (h + 1) & (WTAB_SIZE - 1);
  }
  return 0;
}

/* The classes of the words asked about last on this thread, by the hash
 * the tokenizer gave each word (64 bits tell words apart, as in the
 * stemmer's cache: stem.c).  A probe of this small table costs a tenth of
 * hashing the word's bytes again and probing the 256 KB table above
 * (make bench-ipb: 175.4 -> 172.7 instructions per byte steady). */
enum { HASHED_MEMO_BITS = 12 };
typedef struct {
  uint64_t hash; /* 0: empty */
  lxs_wbits cl;
} hashed_memo;
static _Thread_local hashed_memo tl_hashed_memo[1u << HASHED_MEMO_BITS];

lxs_wbits lxs_wclass_hashed(const char *s, size_t n, uint64_t hash) {
  if (!hash) return lxs_wclass(s, n);
  hashed_memo *m = &tl_hashed_memo[hash >> (64 - HASHED_MEMO_BITS)];
  if (m->hash != hash) {
    m->hash = hash;
    m->cl = lxs_wclass(s, n);
  }
  return m->cl;
}

int lxs_in_words(const char *const *l, const char *w) {
  for (int i = 0; l[i]; i++) /* (the first letter rules out most) */
    if (l[i][0] == w[0] && strcmp(l[i], w) == 0) return 1;
  return 0;
}

int lxs_word_list_next(lxs_word_cursor *c, const char **w, size_t *n) {
  while (c->at < c->end) {
    const char *l = c->at;
    const char *nl = memchr(l, '\n', (size_t)(c->end - l));
    const char *le = nl ? nl : c->end;
    c->at = nl ? nl + 1 : c->end;
    if (le == l || l[0] == '#') continue;
    *w = l;
    *n = (size_t)(le - l);
    return 1;
  }
  return 0;
}

lxs_word_cursor lxs_word_list(const char *name) {
  lxs_word_cursor c = {NULL, NULL};
  size_t m = strlen(name);
  for (size_t i = 0; i < lxs_embedded_word_count; i++) {
    const lxs_embedded_file *f = &lxs_embedded_words[i];
    size_t n = strlen(f->name);
    if (n > m && f->name[n - m - 1] == '/' && ends_with(f->name, name)) {
      c.at = f->data;
      c.end = f->data + f->len;
      break;
    }
  }
  return c;
}
