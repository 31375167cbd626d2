/* match.c - longest-match lookup of lexicon patterns over tokens.
 *
 * Each distinct word is stemmed once and its candidate patterns (those whose
 * first word is its stem, or a glob prefix of it) are kept in the matcher
 * under a handle stored with the word in the stemmer's cache, so the
 * per-token cost is one hash probe plus a short candidate scan. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "util.h"

typedef struct {
  const lxs_pattern **p;
  size_t n, cap;
} cand_list;

/* Candidate list cached on a word.  Each candidate carries its length and
 * the number of its second word, so most multiword candidates are turned
 * down without touching the pattern itself (a cache miss). */
typedef struct lxs_cand {
  const lxs_pattern *p;
  uint32_t second; /* stem id of an exact second word, else 0 */
  uint32_t nwords;
} cand;

/* What lxs_match keeps of a match's senses besides the senses. */
typedef struct sense_summary {
  uint32_t nsenses, roles, mod_roles, target, themes;
} sense_summary;

/* A word's candidates: pool[off, off + n).  The first nsingle are one-word
 * patterns; the next nkeyed have an exact second word and are sorted by
 * its stem id, so a token tries only those whose second word is the next
 * token's; then the rest (second word a glob or acronym).  Frequent words
 * start dozens of patterns. */
struct lxs_cand_list {
  uint32_t off, n, nsingle, nkeyed;
  uint64_t seconds; /* bit (id % 64) set for each keyed second-word id */
  /* The match of the one-word patterns alone, the commonest outcome,
   * worked out on first sight: its senses at spool[soff, soff +
   * single.nsenses) and their summaries, as lxs_match keeps them. */
  uint32_t soff;
  struct sense_summary single;
};
typedef struct lxs_cand_list cand_list_hdr;

static int cand_rank(const cand *x) { return x->nwords == 1 ? 0 : x->second ? 1 : 2; }

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  int rx = cand_rank(x), ry = cand_rank(y);
  if (rx != ry) return rx < ry ? -1 : 1;
  if (x->second != y->second) return x->second < y->second ? -1 : 1;
  return x->p->order < y->p->order ? -1 : x->p->order > y->p->order;
}

static void add_list(const lxs_patlist *l, void *ud) {
  cand_list *c = ud;
  for (size_t i = 0; i < l->n; i++) {
    LXS_VEC_GROW(c->p, c->n, c->cap);
    c->p[c->n++] = l->pats[i];
  }
}

_Static_assert(LXS_R_COUNT <= 32, "lxs_match role masks are 32 bits");

static int better(const lxs_pattern *a, const lxs_pattern *b) {
  /* exact beats glob; later-loaded beats earlier */
  if (a->nglobs != b->nglobs) return a->nglobs < b->nglobs;
  return a->order > b->order;
}

/* Order tied patterns so the preferred sense of a (theme, role) comes
 * first (a stable insertion sort: ties are few). */
static void order_tied(const lxs_pattern **pats, size_t n) {
  for (size_t a = 1; a < n; a++) {
    const lxs_pattern *x = pats[a];
    size_t b = a;
    while (b > 0 && better(x, pats[b - 1])) {
      pats[b] = pats[b - 1];
      b--;
    }
    pats[b] = x;
  }
}

/* Append the union of the senses of pats[0..n) to *v (*nv, *capv): the
 * first pattern's sense of a (theme, role) wins.  Returns the summary. */
static sense_summary union_senses(const lxs_pattern *const *pats, size_t n, const lxs_sense ***v,
                                  size_t *nv, size_t *capv) {
  sense_summary r = {0, 0, 0, 0, 0};
  size_t off = *nv;
  for (size_t a = 0; a < n; a++) {
    const lxs_pattern *p = pats[a];
    for (size_t s = 0; s < p->nsenses; s++) {
      const lxs_sense *se = &p->senses[s];
      int dup = 0;
      /* one pattern's senses differ in (theme, role) already */
      for (uint32_t q = 0; a > 0 && q < r.nsenses; q++) {
        const lxs_sense *o = (*v)[off + q];
        if (o->theme == se->theme && o->role == se->role) dup = 1;
      }
      if (dup) continue;
      LXS_VEC_GROW(*v, *nv, *capv);
      (*v)[(*nv)++] = se;
      r.nsenses++;
      r.roles |= 1u << se->role;
      if (se->theme == LXS_THEME_MODIFIER) r.mod_roles |= 1u << se->role;
      if (se->theme < LXS_THEME_SENTIMENT) r.themes |= 1u << (se->theme < 31 ? se->theme : 31);
      if (se->theme < LXS_THEME_SENTIMENT && (se->role == LXS_R_TARGET || se->role == LXS_R_STANCE))
        r.target = 1;
    }
  }
  return r;
}

/* A word's ref->user: the handle of its candidate patterns (index + 1; 0
 * for none) and, in the top bit, whether it may report speech -- the
 * segmenter's question, answered once per distinct word here rather than
 * by a word-class lookup per token (make bench-ipb: 28 instructions per
 * byte). */
#define USER_SPEECH (UINT32_C(1) << 31)
#define USER_HANDLE(u) ((u) & ~USER_SPEECH)

/* Candidate handles live as long as the stemmer's cache: dropped when it
 * was (a new generation), before the first word of the new one is
 * initialised -- which may be in the tokenizer, before
 * lxs_match_document. */
static void sync_generation(lxs_matcher *mt) {
  if (mt->generation != lxs_stemmer_generation(mt->st) || !mt->lists) {
    mt->generation = lxs_stemmer_generation(mt->st);
    mt->nlists = mt->npool = mt->nspool = 0;
  }
}

/* Fills a new word's ref (lxs_word_init_fn): the handle of its candidate
 * patterns (by stem and globs, or by acronym key for words interned as
 * "\x01KEY"; 0 for none) and the lexicon number of its stem, computed
 * once per distinct word.  A word without candidates (most words) has
 * values that other threads may share; a handle is this matcher's own. */
static int init_word(void *ctx, const lxs_word *w, lxs_word_ref *ref) {
  lxs_matcher *mt = ctx;
  const lxs_lexicon *lex = mt->lex;
  sync_generation(mt);
  cand_list c = {mt->found, 0, mt->capfound};
  if (w->norm_len && w->norm[0] == '\x01') {
    const lxs_patlist *l = lxs_lexicon_find(lex, w->norm + 1, w->norm_len - 1, 1);
    if (l) add_list(l, &c);
  } else {
    const lxs_patlist *l = lxs_lexicon_find(lex, w->stem, w->stem_len, 0);
    if (l) add_list(l, &c);
    lxs_lexicon_find_globs(lex, w->norm, w->norm_len, add_list, &c);
    ref->id = lxs_lexicon_stem_id(lex, w->stem, w->stem_len);
    if (lxs_speech_word(w->norm, w->norm_len)) ref->user = USER_SPEECH;
  }
  mt->found = c.p; /* reused for the next word */
  mt->capfound = c.cap;
  if (!c.n) return 1;
  /* Kept until the stemmer drops its cache (lxs_match_document notices). */
  LXS_VEC_GROW(mt->lists, mt->nlists, mt->caplists);
  cand_list_hdr *h = &mt->lists[mt->nlists++];
  while (mt->npool + c.n > mt->cappool) {
    mt->cappool = mt->cappool ? mt->cappool * 2 : 1024;
    mt->pool = lxs_xrealloc(mt->pool, mt->cappool * sizeof *mt->pool);
  }
  h->off = (uint32_t)mt->npool;
  h->n = (uint32_t)c.n;
  h->nsingle = h->nkeyed = 0;
  h->seconds = 0;
  cand *cc = mt->pool + mt->npool;
  mt->npool += c.n;
  for (size_t i = 0; i < c.n; i++) {
    const lxs_pattern *p = c.p[i];
    cc[i].p = p;
    cc[i].nwords = p->nwords;
    cc[i].second = p->nwords > 1 ? p->words[1].id : 0;
    int r = cand_rank(&cc[i]);
    h->nsingle += r == 0;
    h->nkeyed += r == 1;
    if (r == 1) h->seconds |= (uint64_t)1 << (cc[i].second % 64);
  }
  qsort(cc, c.n, sizeof(cand), cmp_cand);
  h->soff = (uint32_t)mt->nspool;
  for (uint32_t i = 0; i < h->nsingle; i++) c.p[i] = cc[i].p;
  order_tied(c.p, h->nsingle);
  h->single = union_senses(c.p, h->nsingle, &mt->spool, &mt->nspool, &mt->capspool);
  ref->user |= (uint32_t)mt->nlists; /* index + 1 */
  return 0;
}

void lxs_matcher_init(lxs_matcher *mt) { memset(mt, 0, sizeof *mt); }

void lxs_matcher_free(lxs_matcher *mt) {
  free(mt->m);
  free(mt->senses);
  free(mt->own_starts);
  free(mt->cand);
  free(mt->lists);
  free(mt->pool);
  free(mt->found);
  free(mt->spool);
  memset(mt, 0, sizeof *mt);
}

/* The token after k for multiword matching: skips a compound's parts;
 * returns SIZE_MAX at punctuation or the sentence end. */
static size_t next_word(const lxs_tokenizer *tk, size_t k) {
  const lxs_token *t = &tk->toks[k];
  size_t n = k + 1;
  if (t->flags & LXS_TF_COMPOUND) n += t->nparts;
  if (n >= tk->ntok) return SIZE_MAX;
  const lxs_token *u = &tk->toks[n];
  if (u->kind != LXS_TOK_WORD || u->sentence != t->sentence) return SIZE_MAX;
  return n;
}

static int word_matches(const lxs_tokenizer *tk, const lxs_token *t, const lxs_pword *pw) {
  if (pw->acro) {
    if (!(t->flags & LXS_TF_ACRO)) return 0;
    const char *a = lxs_tok_acro(tk, t);
    return strlen(a) == pw->len && memcmp(a, pw->key, pw->len) == 0;
  }
  if (pw->glob) return t->norm_len >= pw->len && memcmp(lxs_tok_norm(tk, t), pw->key, pw->len) == 0;
  return pw->id && t->stem_id == pw->id;
}

/* Length in tokens (index of last token) of pattern p at k, or SIZE_MAX. */
static size_t try_pattern(const lxs_tokenizer *tk, size_t k, const lxs_pattern *p,
                          uint32_t nwords) {
  size_t cur = k;
  for (uint32_t i = 1; i < nwords; i++) {
    cur = next_word(tk, cur);
    if (cur == SIZE_MAX) return SIZE_MAX;
    if (!word_matches(tk, &tk->toks[cur], &p->words[i])) return SIZE_MAX;
  }
  return cur;
}

/* Looks the words of tk up in the word cache (each distinct word is
 * stemmed and given its candidate patterns once per stemmer cache), as a
 * tokenizer with the cache attached does while it makes them: the values
 * go into each word's stem_id and cands.  Only for a document tokenized
 * before the attachment (the first). */
static void lookup_words(lxs_matcher *mt, lxs_tokenizer *tk) {
  /* The tokenizer hashed every word, so the cache lookup of a word can be
   * prefetched a few words ahead. */
  enum { PREFETCH_AHEAD = 16 };
  for (size_t i = 0; i < tk->ntok && i < PREFETCH_AHEAD; i++)
    if (tk->toks[i].kind == LXS_TOK_WORD) lxs_stem_prefetch(mt->st, tk->toks[i].hash);
  for (size_t i = 0; i < tk->ntok; i++) {
    if (i + PREFETCH_AHEAD < tk->ntok) lxs_stem_prefetch(mt->st, tk->toks[i + PREFETCH_AHEAD].hash);
    lxs_token *t = &tk->toks[i];
    if (t->kind != LXS_TOK_WORD) continue;
    const lxs_word_ref *ref = lxs_stem_lookup(mt->st, lxs_tok_norm(tk, t), t->norm_len, t->hash,
                                              init_word, mt);
    t->cands = ref->user;
    t->stem_id = ref->id;
  }
}

/* Lists the tokens that may start a match (a word-cache value or an
 * acronym key) in mt->starts: most words start none, and the matching
 * pass visits only these.  A tokenizer that looked the words up listed
 * them as it went (its marks); else every token is visited. */
static void index_words(lxs_matcher *mt, lxs_tokenizer *tk, int looked_up) {
  if (looked_up) {
    mt->starts = tk->marks;
    mt->nstarts = tk->nmarks;
  } else {
    if (mt->capstarts < tk->ntok + 1) {
      mt->capstarts = tk->ntok + 1;
      mt->own_starts = lxs_xrealloc(mt->own_starts, mt->capstarts * sizeof *mt->own_starts);
    }
    size_t n = 0;
    for (size_t i = 0; i < tk->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      mt->own_starts[n] = (uint32_t)i;
      n += t->kind == LXS_TOK_WORD && (t->cands | (t->flags & LXS_TF_ACRO)) != 0;
    }
    mt->starts = mt->own_starts;
    mt->nstarts = n;
  }
}

/* The candidate handle of an acronym token's key ("\x01KEY", interned as a
 * word; akey is scratch), or 0. */
static uint32_t acronym_handle(lxs_matcher *mt, const lxs_tokenizer *tk, const lxs_token *t,
                               lxs_buf *akey) {
  if (!(t->flags & LXS_TF_ACRO)) return 0;
  akey->len = 0;
  lxs_buf_putc(akey, '\x01');
  lxs_buf_puts(akey, lxs_tok_acro(tk, t));
  return USER_HANDLE(lxs_stem_lookup(mt->st, akey->data, akey->len,
                                     lxs_hash_word(akey->data, akey->len), init_word, mt)
                         ->user);
}

/* The best match so far at a token: its last token and its length in
 * words (0: none yet); the patterns of that length that match are in
 * mt->cand. */
typedef struct {
  size_t end;
  uint32_t words;
  uint32_t next_id; /* stem id of the next word; 0 until needed */
} best_match;

/* The keyed candidates of c whose second word is next_id: [*lo, *hi).
 * A binary search, skipped when no such id is among them. */
static void keyed_range(const cand_list_hdr *c, const cand *cs, uint32_t next_id, uint32_t *lo,
                        uint32_t *hi) {
  uint32_t l = c->nsingle, h = c->nsingle + c->nkeyed;
  if (!((c->seconds >> (next_id % 64)) & 1)) l = h;
  while (l < h) {
    uint32_t mid = l + (h - l) / 2;
    if (cs[mid].second < next_id) l = mid + 1;
    else h = mid;
  }
  h = l;
  while (h < c->nsingle + c->nkeyed && cs[h].second == next_id) h++;
  *lo = l;
  *hi = h;
}

static void add_cand(lxs_matcher *mt, const lxs_pattern *p) {
  LXS_VEC_GROW(mt->cand, mt->ncand, mt->capcand);
  mt->cand[mt->ncand++] = p;
}

/* Tries the candidates of handle at token i against *b.  With an acronym
 * handle (ha) as well, the one-word patterns are collected for merging;
 * without, a one-word match takes the senses worked out on first sight
 * (record_match). */
static void try_candidates(lxs_matcher *mt, const lxs_tokenizer *tk, size_t i, uint32_t handle,
                           uint32_t ha, best_match *b) {
  const cand_list_hdr *c = &mt->lists[handle - 1];
  const cand *cs = mt->pool + c->off;
  /* The one-word patterns match here by construction (candidates were
   * looked up by this token's stem, acronym key or glob prefix). */
  if (c->nsingle && b->words <= 1) {
    if (b->words == 0) {
      b->words = 1;
      b->end = i;
    }
    for (uint32_t j = 0; ha && j < c->nsingle; j++) add_cand(mt, cs[j].p);
  }
  if (c->n == c->nsingle) return;
  if (!b->next_id) {
    size_t nx = next_word(tk, i);
    uint32_t id = nx == SIZE_MAX ? UINT32_MAX : tk->toks[nx].stem_id;
    /* a next word in no pattern (id 0) becomes an id no pattern has,
     * without a branch: it is as likely as not */
    b->next_id = id | (uint32_t) - (int32_t)(id == 0) << 1;
  }
  /* Patterns whose second word is the next token's stem, then those with a
   * glob or acronym second word. */
  uint32_t lo, hi;
  keyed_range(c, cs, b->next_id, &lo, &hi);
  const uint32_t range[2][2] = {{lo, hi}, {c->nsingle + c->nkeyed, c->n}};
  for (int r = 0; r < 2; r++)
    for (uint32_t j = range[r][0]; j < range[r][1]; j++) {
      const cand *cd = &cs[j];
      if (cd->nwords < b->words) continue;
      size_t e = try_pattern(tk, i, cd->p, cd->nwords);
      if (e == SIZE_MAX) continue;
      if (cd->nwords > b->words) {
        b->words = cd->nwords;
        b->end = e;
        mt->ncand = 0;
      }
      add_cand(mt, cd->p);
    }
}

/* Appends the match b at token i and its senses.  Returns the token after
 * it (a matched compound skips its parts). */
static size_t record_match(lxs_matcher *mt, const lxs_tokenizer *tk, size_t i, const best_match *b,
                           uint32_t hc, uint32_t ha) {
  LXS_VEC_GROW(mt->m, mt->n, mt->cap);
  lxs_match *m = &mt->m[mt->n++];
  m->tok_first = (uint32_t)i;
  m->tok_last = (uint32_t)b->end;
  m->sentence = tk->toks[i].sentence;
  m->wpos = mt->wpos[i];
  m->wpos_last = mt->wpos[b->end];
  m->sense_off = (uint32_t)mt->nsenses;
  sense_summary r;
  if (b->words == 1 && !ha) { /* the word's one-word patterns alone */
    const cand_list_hdr *c = &mt->lists[hc - 1];
    r = c->single;
    while (mt->nsenses + r.nsenses > mt->capsenses) {
      mt->capsenses = mt->capsenses ? mt->capsenses * 2 : 64;
      mt->senses = lxs_xrealloc(mt->senses, mt->capsenses * sizeof *mt->senses);
    }
    memcpy(mt->senses + mt->nsenses, mt->spool + c->soff, r.nsenses * sizeof *mt->senses);
    mt->nsenses += r.nsenses;
  } else {
    order_tied(mt->cand, mt->ncand);
    r = union_senses(mt->cand, mt->ncand, &mt->senses, &mt->nsenses, &mt->capsenses);
  }
  m->nsenses = r.nsenses;
  m->roles = r.roles;
  m->mod_roles = r.mod_roles;
  m->target = r.target;
  m->themes = r.themes;
  const lxs_token *last = &tk->toks[b->end];
  size_t next = b->end + 1;
  if (last->flags & LXS_TF_COMPOUND) next += last->nparts;
  return next;
}

/* Whether the candidates of handle at token i cannot match: none is a
 * one-word pattern, every one needs an exact second word, and the next
 * word is no second word of any (its stem id is not in their filter).
 * Two thirds of the tokens with candidates are such starts, mostly
 * frequent words ("trade") that begin only longer terms. */
static int no_match_possible(const lxs_matcher *mt, const lxs_tokenizer *tk, size_t i,
                             uint32_t handle) {
  const cand_list_hdr *c = &mt->lists[handle - 1];
  if (c->nsingle || c->nkeyed != c->n) return 0;
  size_t nx = next_word(tk, i);
  uint32_t id = nx == SIZE_MAX ? 0 : tk->toks[nx].stem_id;
  return !id || !((c->seconds >> (id % 64)) & 1);
}

void lxs_match_document(lxs_matcher *mt, const lxs_lexicon *lex, lxs_stemmer *st,
                        lxs_tokenizer *tk) {
  mt->n = 0;
  mt->nsenses = 0;
  mt->wpos = tk->wpos;
  mt->nspeech = 0;
  /* The tokenizer looked this document's words up if it did so in this
   * matcher's cache; else they are looked up here, and the tokenizer
   * does it from the next document on. */
  int looked_up = tk->interned && tk->intern.st == st && tk->intern.ctx == mt && mt->lex == lex;
  mt->lex = lex;
  mt->st = st;
  sync_generation(mt);
  if (!looked_up) lookup_words(mt, tk);
  tk->intern = (lxs_tok_intern){st, init_word, mt};
  index_words(mt, tk, looked_up);
  lxs_buf akey;
  lxs_buf_init(&akey);
  size_t i = 0; /* tokens before i are taken by a match already */
  for (size_t si = 0; si < mt->nstarts; si++) {
    /* the words that may report speech are among the starts */
    const lxs_token *t = &tk->toks[mt->starts[si]];
    uint32_t user = t->cands;
    mt->nspeech += (t->flags & LXS_TF_PART) ? 0 : user >> 31;
    if (mt->starts[si] < i) continue;
    i = mt->starts[si];
    mt->ncand = 0;
    uint32_t hc = USER_HANDLE(user);
    uint32_t ha = acronym_handle(mt, tk, &tk->toks[i], &akey);
    if (!ha && (!hc || no_match_possible(mt, tk, i, hc))) continue;
    best_match b = {SIZE_MAX, 0, 0};
    if (hc) try_candidates(mt, tk, i, hc, ha, &b);
    if (ha) try_candidates(mt, tk, i, ha, ha, &b);
    /* a compound without a whole match is tried by its parts */
    if (b.end == SIZE_MAX) continue;
    i = record_match(mt, tk, i, &b, hc, ha);
  }
  lxs_buf_free(&akey);
}
