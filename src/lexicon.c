/* lexicon.c - loading TSV lexicons and indexing them for matching.
 *
 * Lexicons hold plain words; every term is tokenised and stemmed here with
 * the same tokenizer and stemmer that later read the text, so a term and
 * the text it should match always agree (stems differ between Snowball
 * releases, so stems are never stored in files). */
#include "lexicon.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "strmap.h"
#include "sha256.h"
#include "stem.h"
#include "tokenize.h"
#include "utf8.h"
#include "util.h"
#include "wordclass.h"

typedef struct {
  char *key; /* kind char + key bytes */
  lxs_patlist list;
  size_t cap;
  UT_hash_handle hh;
} index_entry;

#define STEM_BLOOM_BITS (1u << 17)

static int bit_test(const uint64_t *set, size_t i) { return (set[i / 64] >> (i % 64)) & 1; }
static void bit_set(uint64_t *set, size_t i) { set[i / 64] |= (uint64_t)1 << (i % 64); }
static size_t bloom_bit(const char *key, size_t len) {
  return lxs_hash_word(key, len) & (STEM_BLOOM_BITS - 1);
}
#define GLOB_HEAD_MAX 4 /* bytes of a glob prefix in its filter key */

typedef struct {
  char *key; /* a stem used as an exact pattern word */
  uint32_t id;
  UT_hash_handle hh;
} stem_entry;

typedef struct {
  char *key; /* serialised pattern words */
  lxs_pattern *pat;
  UT_hash_handle hh;
} pattern_entry;

/* Where a pattern's sense of a theme and role is: a word of a dictionary
 * may be in 20,000 categories, and each of its entries must find (and
 * override) an earlier one in constant time. */
typedef struct {
  uint32_t pattern, theme, role; /* no padding: the bytes are the hash key */
} sense_key;

typedef struct {
  sense_key key;
  size_t at; /* index in the pattern's senses */
  UT_hash_handle hh;
} sense_entry;

struct lxs_lexicon {
  lxs_stemmer *stemmer;
  lxs_tokenizer *tok;
  char *language;
  char **themes;
  size_t nthemes, capthemes;
  lxs_strmap theme_index; /* name -> index: a dictionary may bring 20,000 */
  index_entry *first;     /* exact and acronym first words */
  index_entry *globs;     /* glob prefixes */
  stem_entry *stems;      /* exact pattern words, numbered */
  uint32_t nstems;
  /* Cheap filters in front of the hash tables, consulted once per distinct
   * word of the text (most of which are in no lexicon): one-hash Bloom
   * filters of exact pattern words and of the first (up to four) bytes of
   * glob prefixes. */
  uint64_t stem_bloom[STEM_BLOOM_BITS / 64];
  uint64_t glob_bloom[STEM_BLOOM_BITS / 64];
  unsigned glob_heads;   /* bit k: some glob's filter key has k bytes */
  uint64_t glob_lengths; /* bit L set: a glob prefix of length L exists */
  pattern_entry *patterns;
  size_t npatterns;
  sense_entry *sense_index;
  size_t nentries; /* distinct (pattern, theme, role) senses */
  lxs_source *sources;
  size_t nsources, capsources;
  char **terms; /* owned copies of terms as written */
  size_t nterms, capterms;
  lxs_buf scratch;
  /* Term words stemmed so far: normal form -> offset of its stem (NUL
   * ended) in stem_text.  Entries repeat words, and Snowball costs
   * thousands of instructions a word: half the default lexicons' words
   * were stemmed again. */
  lxs_strmap stem_cache;
  lxs_buf stem_text;
  /* Irregular past forms (read_past_forms), read on the first phrase
   * entry: the verbs sorted by base stem, their stems in past_text.  Not
   * through stem_cache or a strmap: the list must not grow them. */
  struct past_verb *past;
  size_t npast, cappast;
  lxs_buf past_text;
  int past_read;
  int broken; /* a call ran out of memory: only free it */
};

static const char *const kRoleNames[LXS_R_COUNT] = {
    "target",  "stance",      "eval",       "harm",      "benefit",  "oppose",     "negator",
    "neutral", "intensifier", "diminisher", "hedge",     "contrast", "concessive", "conditional",
    "report",  "agent",       "distancer",  "endorse",   "anaphor",  "advocate",   "naming",
    "decay",   "threat",      "describe",   "agency",    "scene",    "rhetorical", "doubt",
    "shell",   "repair",      "impose",     "instrument"};

const char *lxs_role_name(lxs_role r) { return (unsigned)r < LXS_R_COUNT ? kRoleNames[r] : "?"; }

static int role_from_name(const char *s) {
  for (int i = 0; i < LXS_R_COUNT; i++)
    if (strcmp(kRoleNames[i], s) == 0) return i;
  return -1;
}

static lxs_lexicon *lexicon_new(const char *language, char *err, size_t errlen) {
  lxs_stemmer *st = lxs_stemmer_new(language, err, errlen);
  if (!st) return NULL;
  lxs_lexicon *lex = lxs_xcalloc(1, sizeof *lex);
  lex->stemmer = st;
  lex->tok = lxs_tokenizer_new();
  const char *name = lxs_language_name(language);
  if (!name) name = language; /* libstemmer knows more names than we do */
  lex->language = lxs_xstrndup(name, strlen(name));
  lxs_buf_init(&lex->scratch);
  lxs_strmap_init(&lex->theme_index);
  lxs_strmap_init_exact(&lex->stem_cache);
  lxs_buf_init(&lex->stem_text);
  lxs_buf_init(&lex->past_text);
  return lex;
}

lxs_lexicon *lxs_lexicon_new(const char *language, char *err, size_t errlen) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) {
    lxs_out_of_memory(err, errlen);
    return NULL;
  }
  lxs_lexicon *lex = lexicon_new(language, err, errlen);
  lxs_guard_leave(&g);
  return lex;
}

/* Each table is cleared first (uthash frees its buckets, not the items),
 * then its items are freed along their list: no item is deleted from a
 * table one by one. */
static void free_index(index_entry **head) {
  index_entry *e = *head, *next;
  HASH_CLEAR(hh, *head);
  for (; e; e = next) {
    next = e->hh.next;
    free(e->key);
    free((void *)e->list.pats);
    free(e);
  }
}

void lxs_lexicon_free(lxs_lexicon *lex) {
  if (!lex) return;
  free_index(&lex->first);
  free_index(&lex->globs);
  stem_entry *se = lex->stems, *snext;
  HASH_CLEAR(hh, lex->stems);
  for (; se; se = snext) {
    snext = se->hh.next;
    free(se->key);
    free(se);
  }
  pattern_entry *p = lex->patterns, *next;
  HASH_CLEAR(hh, lex->patterns);
  for (; p; p = next) {
    next = p->hh.next;
    for (int i = 0; i < p->pat->nwords; i++) free((void *)p->pat->words[i].key);
    free(p->pat->senses);
    free(p->pat);
    free(p->key);
    free(p);
  }
  sense_entry *sx = lex->sense_index, *sxnext;
  HASH_CLEAR(hh, lex->sense_index);
  for (; sx; sx = sxnext) {
    sxnext = sx->hh.next;
    free(sx);
  }
  for (size_t i = 0; i < lex->nthemes; i++) free(lex->themes[i]);
  free(lex->themes);
  lxs_strmap_free(&lex->theme_index);
  for (size_t i = 0; i < lex->nsources; i++) {
    free(lex->sources[i].name);
    free(lex->sources[i].format);
  }
  free(lex->sources);
  for (size_t i = 0; i < lex->nterms; i++) free(lex->terms[i]);
  free(lex->terms);
  lxs_buf_free(&lex->scratch);
  lxs_strmap_free(&lex->stem_cache);
  lxs_buf_free(&lex->stem_text);
  free(lex->past);
  lxs_buf_free(&lex->past_text);
  lxs_tokenizer_free(lex->tok);
  lxs_stemmer_free(lex->stemmer);
  free(lex->language);
  free(lex);
}

size_t lxs_lexicon_theme_count(const lxs_lexicon *lex) { return lex->nthemes; }
const char *const *lxs_lexicon_theme_names(const lxs_lexicon *lex) {
  return (const char *const *)lex->themes;
}
const char *lxs_lexicon_theme_name(const lxs_lexicon *lex, size_t i) {
  return i < lex->nthemes ? lex->themes[i] : NULL;
}
size_t lxs_lexicon_entry_count(const lxs_lexicon *lex) { return lex->nentries; }
const lxs_source *lxs_lexicon_source(const lxs_lexicon *lex, size_t i) {
  return i < lex->nsources ? &lex->sources[i] : NULL;
}
size_t lxs_lexicon_source_count(const lxs_lexicon *lex) { return lex->nsources; }
const char *lxs_lexicon_language(const lxs_lexicon *lex) { return lex->language; }
int lxs_lexicon_has_globs(const lxs_lexicon *lex) { return lex->globs != NULL; }

int lxs_lexicon_theme_index(const lxs_lexicon *lex, const char *name) {
  /* the map folds case; theme names compare exactly */
  int i = lxs_strmap_get(&lex->theme_index, name, strlen(name));
  return i >= 0 && strcmp(lex->themes[i], name) == 0 ? i : -1;
}

const lxs_patlist *lxs_lexicon_find(const lxs_lexicon *lex, const char *key, size_t len, int acro) {
  char buf[256];
  if (len + 1 >= sizeof buf) return NULL; /* no lexicon key is that long */
  if (!acro && !bit_test(lex->stem_bloom, bloom_bit(key, len))) return NULL;
  buf[0] = acro ? 'a' : 'e';
  memcpy(buf + 1, key, len);
  index_entry *e = NULL;
  HASH_FIND(hh, lex->first, buf, (unsigned)(len + 1), e);
  return e ? &e->list : NULL;
}

uint32_t lxs_lexicon_stem_id(const lxs_lexicon *lex, const char *stem, size_t len) {
  if (!bit_test(lex->stem_bloom, bloom_bit(stem, len))) return 0;
  stem_entry *e = NULL;
  HASH_FIND(hh, lex->stems, stem, (unsigned)len, e);
  return e ? e->id : 0;
}

static uint32_t stem_id_add(lxs_lexicon *lex, const char *stem, size_t len) {
  uint32_t id = lxs_lexicon_stem_id(lex, stem, len);
  if (id) return id;
  stem_entry *e = lxs_xcalloc(1, sizeof *e);
  e->key = lxs_xstrndup(stem, len);
  e->id = ++lex->nstems;
  bit_set(lex->stem_bloom, bloom_bit(stem, len));
  HASH_ADD_KEYPTR(hh, lex->stems, e->key, (unsigned)len, e);
  return e->id;
}

void lxs_lexicon_find_globs(const lxs_lexicon *lex, const char *norm, size_t len,
                            void (*cb)(const lxs_patlist *, void *), void *ud) {
  if (!lex->globs) return;
  int maybe = 0;
  for (size_t k = 1; k <= GLOB_HEAD_MAX && k <= len && !maybe; k++)
    maybe = (lex->glob_heads >> k & 1) && bit_test(lex->glob_bloom, bloom_bit(norm, k) ^ k);
  if (!maybe) return;
  for (size_t l = 1; l <= len && l < 64; l++) {
    if (!(lex->glob_lengths & ((uint64_t)1 << l))) continue;
    index_entry *e = NULL;
    HASH_FIND(hh, lex->globs, norm, (unsigned)l, e);
    if (e) cb(&e->list, ud);
  }
}

static void index_add(index_entry **head, const char *key, size_t len, const lxs_pattern *p) {
  index_entry *e = NULL;
  HASH_FIND(hh, *head, key, (unsigned)len, e);
  if (!e) {
    e = lxs_xcalloc(1, sizeof *e);
    e->key = lxs_xstrndup(key, len);
    HASH_ADD_KEYPTR(hh, *head, e->key, (unsigned)len, e);
  }
  if (e->list.n == e->cap) {
    e->cap = e->cap ? e->cap * 2 : 4;
    e->list.pats = lxs_xrealloc((void *)e->list.pats, e->cap * sizeof(void *));
  }
  e->list.pats[e->list.n++] = p;
}

static int theme_for(lxs_lexicon *lex, const char *name) {
  int i = lxs_lexicon_theme_index(lex, name);
  if (i >= 0) return i;
  LXS_VEC_GROW(lex->themes, lex->nthemes, lex->capthemes);
  lex->themes[lex->nthemes] = lxs_xstrndup(name, strlen(name));
  lxs_strmap_put(&lex->theme_index, name, strlen(name), (int)lex->nthemes, 0);
  return (int)lex->nthemes++;
}

/* The stem of the term word norm[0..n), stemmed on its first sight only;
 * valid until the next call. */
static const char *term_stem(lxs_lexicon *lex, const char *norm, size_t n, size_t *sl) {
  int at = lxs_strmap_get(&lex->stem_cache, norm, n);
  if (at >= 0) {
    const char *st = lex->stem_text.data + at;
    *sl = strlen(st);
    return st;
  }
  const char *st = lxs_stem(lex->stemmer, norm, n, sl);
  if (lex->stem_text.len + *sl < INT32_MAX) {
    lxs_strmap_put(&lex->stem_cache, norm, n, (int)lex->stem_text.len, 0);
    lxs_buf_put(&lex->stem_text, st, *sl);
    lxs_buf_putc(&lex->stem_text, '\0');
  }
  return st;
}

/* Turn one written term into pattern words.  alt: the variant with every
 * hyphenated compound replaced by its parts.  Returns words, or -1 with
 * message in why. */
static int term_to_words_(lxs_lexicon *lex, const char *term, lxs_pword *out, lxs_pword *alt,
                          int *nalt, int *nout, const char **why);

static int term_to_words(lxs_lexicon *lex, const char *term, lxs_pword *out, lxs_pword *alt,
                         int *nalt, const char **why) {
  int n = 0;
  *nalt = 0;
  int r = term_to_words_(lex, term, out, alt, nalt, &n, why);
  if (r < 0) {
    for (int i = 0; i < n; i++) free((void *)out[i].key);
    for (int i = 0; i < *nalt; i++) free((void *)alt[i].key);
    *nalt = 0;
  }
  return r;
}

static int term_to_words_(lxs_lexicon *lex, const char *term, lxs_pword *out, lxs_pword *alt,
                          int *nalt, int *nout, const char **why) {
#define n (*nout)
#define na (*nalt)
  const char *p = term;
  while (*p) {
    const char *sp = strchr(p, ' ');
    size_t wl = sp ? (size_t)(sp - p) : strlen(p);
    if (wl == 0) {
      *why = "term has an empty word (double space)";
      return -1;
    }
    int glob = p[wl - 1] == '*';
    size_t core = glob ? wl - 1 : wl;
    if (glob) {
      if (core == 0 || memchr(p, '*', core)) {
        *why = "a glob needs a prefix before '*'";
        return -1;
      }
      if (n >= LXS_MAX_PATTERN_WORDS || na >= LXS_MAX_PATTERN_WORDS) {
        *why = "term has too many words";
        return -1;
      }
      lex->scratch.len = 0;
      lxs_utf8_normalize_word(p, core, &lex->scratch);
      if (lex->scratch.len >= 63) {
        *why = "glob prefix longer than 62 bytes";
        return -1;
      }
      lxs_pword w = {.key = lxs_xstrndup(lex->scratch.data, lex->scratch.len),
                     .len = (uint16_t)lex->scratch.len,
                     .glob = 1,
                     .acro = 0};
      out[n++] = w;
      lxs_pword w2 = {.key = lxs_xstrndup(w.key, w.len), .len = w.len, .glob = 1, .acro = 0};
      alt[na++] = w2;
    } else {
      lxs_tokenize(lex->tok, p, core);
      lxs_tokenizer *t = lex->tok;
      if (t->ntok == 0) {
        *why = "term word has no letters or digits";
        return -1;
      }
      for (size_t i = 0; i < t->ntok; i++) {
        lxs_token *k = &t->toks[i];
        if (k->kind != LXS_TOK_WORD) {
          *why = "term contains punctuation that text tokens never carry";
          return -1;
        }
        if (n >= LXS_MAX_PATTERN_WORDS || na >= LXS_MAX_PATTERN_WORDS) {
          *why = "term has too many words";
          return -1;
        }
        lxs_pword w;
        memset(&w, 0, sizeof w);
        if ((k->flags & LXS_TF_ACRO) && !(k->flags & LXS_TF_PART)) {
          const char *a = lxs_tok_acro(t, k);
          w.key = lxs_xstrndup(a, strlen(a));
          w.len = (uint16_t)strlen(a);
          w.acro = 1;
        } else {
          size_t sl;
          const char *st = term_stem(lex, lxs_tok_norm(t, k), k->norm_len, &sl);
          w.key = lxs_xstrndup(st, sl);
          w.len = (uint16_t)sl;
        }
        if (k->flags & LXS_TF_PART) {
          alt[na++] = w;
        } else {
          out[n++] = w;
          if (!(k->flags & LXS_TF_COMPOUND)) {
            lxs_pword w2 = w;
            w2.key = lxs_xstrndup(w.key, w.len);
            alt[na++] = w2;
          }
        }
      }
    }
    p += wl;
    if (*p == ' ') p++;
  }
  return n;
#undef n
#undef na
}

static void serialise(const lxs_pword *w, int n, lxs_buf *b) {
  b->len = 0;
  for (int i = 0; i < n; i++) {
    lxs_buf_putc(b, w[i].glob ? 'g' : w[i].acro ? 'a' : 'e');
    lxs_buf_put(b, w[i].key, w[i].len);
    lxs_buf_putc(b, '\x1f');
  }
}

/* Adds (or overrides) one sense for the pattern; takes ownership of words.
 * Returns 1 for a new sense, 0 for an override. */
static int add_sense(lxs_lexicon *lex, lxs_pword *words, int n, const lxs_sense *sense) {
  lxs_buf key;
  lxs_buf_init(&key);
  serialise(words, n, &key);
  pattern_entry *pe = NULL;
  HASH_FIND(hh, lex->patterns, key.data, (unsigned)key.len, pe);
  lxs_pattern *pat;
  if (!pe) {
    pat = lxs_xcalloc(1, sizeof *pat);
    pat->nwords = (uint8_t)n;
    for (int i = 0; i < n; i++) {
      pat->words[i] = words[i];
      pat->words[i].id = words[i].glob || words[i].acro
                             ? 0
                             : stem_id_add(lex, words[i].key, words[i].len);
      if (words[i].glob) pat->nglobs++;
    }
    pat->order = (uint32_t)lex->npatterns++;
    pe = lxs_xcalloc(1, sizeof *pe);
    pe->key = lxs_xstrndup(key.data, key.len);
    pe->pat = pat;
    HASH_ADD_KEYPTR(hh, lex->patterns, pe->key, (unsigned)key.len, pe);
    const lxs_pword *f = &pat->words[0];
    if (f->glob) {
      index_add(&lex->globs, f->key, f->len, pat);
      if (f->len < 64) lex->glob_lengths |= (uint64_t)1 << f->len;
      size_t head = f->len < GLOB_HEAD_MAX ? f->len : GLOB_HEAD_MAX;
      lex->glob_heads |= 1u << head;
      bit_set(lex->glob_bloom, bloom_bit(f->key, head) ^ head);
    } else {
      char buf[512];
      size_t l = f->len < sizeof buf - 1 ? f->len : sizeof buf - 2;
      buf[0] = f->acro ? 'a' : 'e';
      memcpy(buf + 1, f->key, l);
      index_add(&lex->first, buf, l + 1, pat);
      if (!f->acro) bit_set(lex->stem_bloom, bloom_bit(f->key, f->len));
    }
  } else {
    pat = pe->pat;
    for (int i = 0; i < n; i++) free((void *)words[i].key);
  }
  lxs_buf_free(&key);
  sense_key k;
  memset(&k, 0, sizeof k); /* every byte defined: the bytes are the key */
  k.pattern = pat->order;
  k.theme = sense->theme;
  k.role = (uint32_t)sense->role;
  sense_entry *se = NULL;
  HASH_FIND(hh, lex->sense_index, &k, sizeof k, se);
  if (se) {
    pat->senses[se->at] = *sense; /* later entry overrides */
    return 0;
  }
  LXS_VEC_GROW(pat->senses, pat->nsenses, pat->capsenses);
  se = lxs_xcalloc(1, sizeof *se);
  se->key = k;
  se->at = pat->nsenses;
  HASH_ADD(hh, lex->sense_index, key, sizeof k, se);
  pat->senses[pat->nsenses++] = *sense;
  return 1;
}

/* ---- irregular past forms of phrase verbs ----
 * Snowball maps "fights" and "fighting" to "fight" but leaves "fought"
 * alone, so the entry "fight for" missed "fought for" (and "stand by"
 * "stood by", "go it alone" "went it alone").  In an English lexicon
 * every phrase entry therefore also matches with each of its words that
 * is a verb of lexicons/words/irregular-verbs.txt (embedded data: "base
 * past participle ...") replaced by its irregular forms.  The list says
 * which forms; this code only substitutes them. */

struct past_verb {
  uint32_t base, len; /* the base form's stem: past_text[base, base + len) */
  uint32_t forms;     /* its past stems from there, each NUL ended, then "" */
};

static int stem_cmp(const char *a, size_t an, const char *b, size_t bn) {
  int c = memcmp(a, b, an < bn ? an : bn);
  return c ? c : (an > bn) - (an < bn);
}

/* The first verb whose base stem is not below key[0..n). */
static size_t past_lower_bound(const lxs_lexicon *lex, const char *key, size_t n) {
  size_t lo = 0, hi = lex->npast;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const struct past_verb *v = &lex->past[mid];
    if (stem_cmp(lex->past_text.data + v->base, v->len, key, n) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Appends the stem of word[0..n) to past_text, NUL ended; its length. */
static size_t put_stem(lxs_lexicon *lex, const char *word, size_t n) {
  size_t sl;
  const char *st = lxs_stem(lex->stemmer, word, n, &sl);
  lxs_buf_put(&lex->past_text, st, sl);
  lxs_buf_putc(&lex->past_text, '\0');
  return sl;
}

/* Reads the list once; nothing for other languages (it is English). */
static void read_past_forms(lxs_lexicon *lex) {
  lex->past_read = 1;
  if (strcmp(lex->language, "english") != 0) return;
  lxs_word_cursor c = lxs_word_list("irregular-verbs.txt");
  const char *l;
  size_t n;
  while (lxs_word_list_next(&c, &l, &n)) {
    const char *end = l + n, *sp = memchr(l, ' ', n);
    if (!sp || sp == l) continue;
    struct past_verb v = {(uint32_t)lex->past_text.len, 0, 0};
    v.len = (uint32_t)put_stem(lex, l, (size_t)(sp - l));
    v.forms = (uint32_t)lex->past_text.len;
    for (const char *p = sp + 1; p < end;) {
      const char *q = memchr(p, ' ', (size_t)(end - p));
      size_t wl = q ? (size_t)(q - p) : (size_t)(end - p), at = lex->past_text.len;
      size_t sl = wl ? put_stem(lex, p, wl) : 0;
      if (!wl || stem_cmp(lex->past_text.data + at, sl, lex->past_text.data + v.base, v.len) == 0)
        lex->past_text.len = at; /* the base's own stem ("beat" "beaten") */
      p += wl + 1;
    }
    lxs_buf_putc(&lex->past_text, '\0');
    size_t at = past_lower_bound(lex, lex->past_text.data + v.base, v.len);
    LXS_VEC_GROW(lex->past, lex->npast, lex->cappast);
    memmove(&lex->past[at + 1], &lex->past[at], (lex->npast - at) * sizeof *lex->past);
    lex->past[at] = v;
    lex->npast++;
  }
}

/* Whether the pattern words[0..n) already has a sense of this theme and
 * role: an entry written out ("took effect") wins over a derived one. */
static int has_sense(lxs_lexicon *lex, const lxs_pword *words, int n, const lxs_sense *sense) {
  lxs_buf key;
  lxs_buf_init(&key);
  serialise(words, n, &key);
  pattern_entry *pe = NULL;
  HASH_FIND(hh, lex->patterns, key.data, (unsigned)key.len, pe);
  lxs_buf_free(&key);
  if (!pe) return 0;
  sense_key k;
  memset(&k, 0, sizeof k);
  k.pattern = pe->pat->order;
  k.theme = sense->theme;
  k.role = (uint32_t)sense->role;
  sense_entry *se = NULL;
  HASH_FIND(hh, lex->sense_index, &k, sizeof k, se);
  return se != NULL;
}

/* Adds sense to the phrase words[0..n) with one word replaced by each of
 * its irregular past forms.  An entry written later for the same words
 * overrides the derived sense, as any later entry does. */
static void add_past_forms(lxs_lexicon *lex, const lxs_pword *words, int n,
                           const lxs_sense *sense) {
  if (n < 2) return;
  if (!lex->past_read) read_past_forms(lex);
  for (int i = 0; i < n; i++) {
    if (words[i].glob || words[i].acro) continue;
    size_t vi = past_lower_bound(lex, words[i].key, words[i].len);
    if (vi == lex->npast) continue;
    const struct past_verb *v = &lex->past[vi];
    if (stem_cmp(lex->past_text.data + v->base, v->len, words[i].key, words[i].len) != 0) continue;
    for (size_t at = v->forms; lex->past_text.data[at];) {
      const char *past = lex->past_text.data + at;
      size_t pl = strlen(past);
      at += pl + 1;
      lxs_pword w[LXS_MAX_PATTERN_WORDS];
      for (int k = 0; k < n; k++) {
        w[k] = words[k];
        w[k].key = k == i ? lxs_xstrndup(past, pl) : lxs_xstrndup(words[k].key, words[k].len);
        w[k].len = k == i ? (uint16_t)pl : words[k].len;
      }
      if (!has_sense(lex, w, n, sense)) {
        add_sense(lex, w, n, sense); /* takes the keys */
        continue;
      }
      for (int k = 0; k < n; k++) free((void *)w[k].key);
    }
  }
}

static int parse_weight(const char *s, double *out) {
  if (!*s) return -1;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || v != v) return -1;
  *out = v;
  return 0;
}

static int valid_theme_name(const char *s) {
  if (!(*s >= 'a' && *s <= 'z')) return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
  return 1;
}

/* Which roles each kind of theme column accepts, and weight ranges. */
static const char *check_role(uint32_t theme, lxs_role r, double w) {
  if (theme == LXS_THEME_MODIFIER) {
    switch (r) {
    case LXS_R_NEGATOR: return (w < -2 || w > 0) ? "negator weight must be in [-2, 0]" : NULL;
    case LXS_R_NEUTRAL:
    case LXS_R_REPORT:
    case LXS_R_ENDORSE:
    case LXS_R_ANAPHOR:
    case LXS_R_ADVOCATE:
    case LXS_R_NAMING:
    case LXS_R_AGENT:
    case LXS_R_SCENE:
    case LXS_R_RHETORICAL: return (w < 0 || w > 2) ? "weight must be in [0, 2]" : NULL;
    case LXS_R_DOUBT: return (w < -1 || w > 1) ? "doubt weight must be in [-1, 1]" : NULL;
    case LXS_R_INTENSIFIER: return (w < 1 || w > 4) ? "intensifier weight must be in [1, 4]" : NULL;
    case LXS_R_DIMINISHER:
    case LXS_R_HEDGE:
    case LXS_R_CONCESSIVE:
    case LXS_R_CONDITIONAL: return (w < 0 || w > 1) ? "weight must be in [0, 1]" : NULL;
    case LXS_R_CONTRAST: return (w < 1 || w > 2) ? "contrast weight must be in [1, 2]" : NULL;
    case LXS_R_DISTANCER: return (w < -1 || w > 0) ? "distancer weight must be in [-1, 0]" : NULL;
    default: return "role not allowed for theme '-' (modifiers)";
    }
  }
  if (theme == LXS_THEME_SENTIMENT) {
    switch (r) {
    case LXS_R_EVAL: return (w < -1 || w > 1) ? "weight must be in [-1, 1]" : NULL;
    case LXS_R_HARM: return (w < -1 || w >= 0) ? "harm weight must be in [-1, 0)" : NULL;
    case LXS_R_DECAY: return (w < -1 || w >= 0) ? "decay weight must be in [-1, 0)" : NULL;
    case LXS_R_THREAT: return (w < -1 || w >= 0) ? "threat weight must be in [-1, 0)" : NULL;
    case LXS_R_DESCRIBE: return (w < -1 || w > 1) ? "weight must be in [-1, 1]" : NULL;
    case LXS_R_BENEFIT:
    case LXS_R_OPPOSE:
    case LXS_R_AGENCY:
    case LXS_R_IMPOSE: return (w <= 0 || w > 1) ? "weight must be in (0, 1]" : NULL;
    case LXS_R_REPAIR: /* 0: a change that takes no side ("reform") */
      return (w < 0 || w > 1) ? "repair weight must be in [0, 1]" : NULL;
    default: return "role not allowed for theme 'sentiment'";
    }
  }
  switch (r) {
  case LXS_R_TARGET:
    return (w < -1 || w > 1 || w == 0) ? "target weight must be in [-1, 1], not 0" : NULL;
  case LXS_R_STANCE:
  case LXS_R_EVAL: return (w < -1 || w > 1) ? "weight must be in [-1, 1]" : NULL;
  case LXS_R_SHELL: return (w <= 0 || w > 1) ? "shell weight must be in (0, 1]" : NULL;
  case LXS_R_INSTRUMENT: return (w <= 0 || w > 1) ? "instrument weight must be in (0, 1]" : NULL;
  default: return "role not allowed for a theme (use target, stance, eval, shell or instrument)";
  }
}

static char *keep_term(lxs_lexicon *lex, const char *s) {
  LXS_VEC_GROW(lex->terms, lex->nterms, lex->capterms);
  char *c = lxs_xstrndup(s, strlen(s));
  lex->terms[lex->nterms++] = c;
  return c;
}

/* A malformed entry: "NAME:LINE: message", LXS_EDATA, and out via "done".
 * Used where name, lineno, err, errlen and rc are in scope. */
#define FAIL(...)                                                                                  \
  do {                                                                                             \
    char m_[400];                                                                                  \
    snprintf(m_, sizeof m_, __VA_ARGS__);                                                          \
    lxs_set_err(err, errlen, "%s:%u: %s", name, lineno, m_);                                       \
    rc = LXS_EDATA;                                                                                \
    goto done;                                                                                     \
  } while (0)

/* A new source whose data has the digest sha256 (64 hex digits), or,
 * when sha256 is NULL, the digest of data[0..len). */
static uint32_t begin_source(lxs_lexicon *lex, const char *name, const char *format,
                             const char *data, size_t len, const char *sha256) {
  LXS_VEC_GROW(lex->sources, lex->nsources, lex->capsources);
  uint32_t src = (uint32_t)lex->nsources;
  lxs_source *so = &lex->sources[lex->nsources++];
  memset(so, 0, sizeof *so);
  so->name = lxs_xstrndup(name, strlen(name));
  so->format = lxs_xstrndup(format, strlen(format));
  if (sha256) memcpy(so->sha256, sha256, sizeof so->sha256);
  else lxs_sha256_hex(data, len, so->sha256);
  return src;
}

uint32_t lxs_lexicon_begin_source(lxs_lexicon *lex, const char *name, const char *format,
                                  const char *data, size_t len) {
  return begin_source(lex, name, format, data, len, NULL);
}

int lxs_lexicon_add_entry(lxs_lexicon *lex, uint32_t src, uint32_t lineno, const char *term,
                          const char *theme, const char *role, const char *weight, char *err,
                          size_t errlen) {
  const char *name = src < lex->nsources ? lex->sources[src].name : "?";
  int rc = LXS_OK;
  {
    if (!term[0]) FAIL("empty term");
    uint32_t th = 0;
    if (strcmp(theme, "-") == 0) th = LXS_THEME_MODIFIER;
    else if (strcmp(theme, "sentiment") == 0) th = LXS_THEME_SENTIMENT;
    else if (valid_theme_name(theme)) th = (uint32_t)theme_for(lex, theme);
    else FAIL("invalid theme '%s' (use [a-z][a-z0-9_]*, 'sentiment' or '-')", theme);
    int r = role_from_name(role);
    if (r < 0)
      FAIL("unknown role '%s' (target, stance, eval, harm, benefit, oppose, "
           "negator, neutral, intensifier, diminisher, hedge, contrast, "
           "concessive, conditional, report, agent, distancer, endorse, anaphor, "
           "advocate, naming, decay, threat, describe, agency, scene, "
           "rhetorical, doubt, shell, repair, impose)",
           role);
    double w;
    if (parse_weight(weight, &w)) FAIL("weight '%s' is not a number", weight);
    const char *why = check_role(th, (lxs_role)r, w);
    if (why) FAIL("%s (role %s, weight %s)", why, role, weight);
    lxs_pword words[LXS_MAX_PATTERN_WORDS], alt[LXS_MAX_PATTERN_WORDS];
    int nalt = 0;
    int nw = term_to_words(lex, term, words, alt, &nalt, &why);
    if (nw < 0) {
      /* term_to_words leaves no allocation behind on failure */
      FAIL("term '%s': %s", term, why);
    }
    lxs_sense sense;
    sense.theme = th;
    sense.role = (lxs_role)r;
    sense.weight = w;
    sense.term = keep_term(lex, term);
    sense.source = src;
    sense.line = lineno;
    int same = nalt == nw;
    for (int i = 0; same && i < nw; i++)
      same = alt[i].len == words[i].len && alt[i].glob == words[i].glob &&
             memcmp(alt[i].key, words[i].key, words[i].len) == 0;
    add_past_forms(lex, words, nw, &sense); /* before add_sense takes the keys */
    if (!same) add_past_forms(lex, alt, nalt, &sense);
    int fresh = add_sense(lex, words, nw, &sense);
    if (!same) add_sense(lex, alt, nalt, &sense);
    else
      for (int i = 0; i < nalt; i++) free((void *)alt[i].key);
    lex->nentries += (size_t)fresh;
  }
done:
  return rc;
}

void lxs_lexicon_count_entry(lxs_lexicon *lex, uint32_t src) {
  if (src < lex->nsources) lex->sources[src].entries++;
}

/* A "# language: NAME" comment declares the language the file's terms are
 * written in (checked by lxs_lexicon_check_language). */
static int language_comment(lxs_source *so, const char *s, uint32_t lineno, char *err,
                            size_t errlen) {
  s++;
  while (*s == ' ' || *s == '\t') s++;
  if (strncmp(s, "language:", 9) != 0) return 0;
  s += 9;
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strcspn(s, " \t\r");
  char word[32];
  snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), s);
  const char *lang = lxs_language_name(word);
  if (!lang || n >= sizeof word) {
    lxs_set_err(err, errlen,
                "%s:%u: unknown language '%s' (a Snowball language: english, "
                "german, french, ...)",
                so->name, lineno, word);
    return -1;
  }
  if (so->language && strcmp(so->language, lang) != 0) {
    lxs_set_err(err, errlen, "%s:%u: a second language, %s (line %u says %s)", so->name, lineno,
                lang, so->language_line, so->language);
    return -1;
  }
  so->language = lang;
  so->language_line = lineno;
  return 0;
}

lxs_status lxs_lexicon_check_language(const lxs_lexicon *lex, char *err, size_t errlen) {
  for (size_t i = 0; i < lex->nsources; i++) {
    const lxs_source *so = &lex->sources[i];
    if (!so->language || strcmp(so->language, lex->language) == 0) continue;
    lxs_set_err(err, errlen, "%s:%u: this lexicon is in %s, the run in %s", so->name,
                so->language_line, so->language, lex->language);
    return LXS_EINVAL;
  }
  return LXS_OK;
}

/* Loads a TSV lexicon; sha256: its digest when known (embedded files),
 * else NULL. */
static lxs_status load_buffer(lxs_lexicon *lex, const char *name, const char *data, size_t len,
                              const char *sha256, char *err, size_t errlen) {
  uint32_t src = begin_source(lex, name, "tsv", data, len, sha256);
  lxs_source *so = &lex->sources[src];
  size_t pos = 0;
  uint32_t lineno = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  lxs_buf line;
  lxs_buf_init(&line);
  int rc = LXS_OK;
  while (pos < len) {
    lineno++;
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t l = end - pos;
    if (l && data[pos + l - 1] == '\r') l--;
    line.len = 0;
    lxs_buf_put(&line, data + pos, l);
    pos = nl ? end + 1 : len;
    if (memchr(line.data, '\0', line.len)) FAIL("NUL byte in line");
    size_t bad = lxs_utf8_validate(line.data, line.len);
    if (bad < line.len) FAIL("invalid UTF-8 at byte %zu of the line", bad + 1);
    const char *s = line.data;
    size_t k = 0;
    while (k < line.len && (s[k] == ' ' || s[k] == '\t')) k++;
    if (k < line.len && s[k] == '#') {
      if (language_comment(so, s + k, lineno, err, errlen)) {
        rc = LXS_EDATA;
        goto done;
      }
      continue;
    }
    if (k == line.len) continue;
    char *fields[6];
    int nf = 0;
    char *q = line.data;
    for (;;) {
      if (nf == 6) break;
      fields[nf++] = q;
      char *tab = strchr(q, '\t');
      if (!tab) break;
      *tab = '\0';
      q = tab + 1;
    }
    if (nf < 4) FAIL("expected 4 tab-separated fields (term, theme, role, weight), found %d", nf);
    if (nf > 5) FAIL("too many fields (at most 5: term, theme, role, weight, note)");
    for (int i = 0; i < 4; i++) {
      if (!fields[i][0]) FAIL("field %d is empty", i + 1);
      size_t fl = strlen(fields[i]);
      if (fields[i][0] == ' ' || fields[i][fl - 1] == ' ')
        FAIL("field %d has leading or trailing spaces", i + 1);
    }
    int arc = lxs_lexicon_add_entry(lex, src, lineno, fields[0], fields[1], fields[2], fields[3],
                                    err, errlen);
    if (arc) {
      rc = arc;
      goto done;
    }
    so = &lex->sources[src];
    so->entries++;
  }
done:
  lxs_buf_free(&line);
  return rc;
}

static lxs_status load_file(lxs_lexicon *lex, const char *path, char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_status rc = lxs_read_file(path, &b, err, errlen);
  if (rc == LXS_OK) rc = load_buffer(lex, path, b.data ? b.data : "", b.len, NULL, err, errlen);
  lxs_buf_free(&b);
  return rc;
}

static lxs_status load_defaults(lxs_lexicon *lex, char *err, size_t errlen) {
  for (size_t i = 0; i < lxs_embedded_lexicon_count; i++) {
    const lxs_embedded_file *f = &lxs_embedded_lexicons[i];
    lxs_status rc = load_buffer(lex, f->name, f->data, f->len, f->sha256, err, errlen);
    if (rc) return rc;
  }
  return LXS_OK;
}

/* The public loaders: one of the three under a guard (util.h). */
enum { FROM_BUFFER, FROM_FILE, FROM_DEFAULTS };
static lxs_status guarded_load(lxs_lexicon *lex, int from, const char *name, const char *data,
                               size_t len, char *err, size_t errlen) {
  if (lex->broken) {
    lxs_set_err(err, errlen, "lexicon unusable after running out of memory");
    return LXS_ENOMEM;
  }
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) {
    lex->broken = 1;
    return lxs_out_of_memory(err, errlen);
  }
  lxs_status rc = from == FROM_FILE       ? load_file(lex, name, err, errlen)
                  : from == FROM_DEFAULTS ? load_defaults(lex, err, errlen)
                                          : load_buffer(lex, name, data, len, NULL, err, errlen);
  lxs_guard_leave(&g);
  return rc;
}

lxs_status lxs_lexicon_load_buffer(lxs_lexicon *lex, const char *name, const char *data, size_t len,
                                   char *err, size_t errlen) {
  return guarded_load(lex, FROM_BUFFER, name, data, len, err, errlen);
}

lxs_status lxs_lexicon_load_file(lxs_lexicon *lex, const char *path, char *err, size_t errlen) {
  return guarded_load(lex, FROM_FILE, path, NULL, 0, err, errlen);
}

lxs_status lxs_lexicon_load_defaults(lxs_lexicon *lex, char *err, size_t errlen) {
  return guarded_load(lex, FROM_DEFAULTS, NULL, NULL, 0, err, errlen);
}

int lxs_lexicon_broken(const lxs_lexicon *lex) { return lex->broken; }
