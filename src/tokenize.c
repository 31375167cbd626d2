/* tokenize.c - words, punctuation, sentences and paragraphs.
 *
 * One left-to-right pass over the bytes (plus a cheap pre-pass that decides
 * whether single newlines are hard wraps).  Every token keeps byte offsets
 * into the original text so evidence can quote it exactly. */
#include "tokenize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lexstance.h"
#include "utf8.h"
#include "wordclass.h"

/* Word lists carry their lengths: they are consulted for every word
 * before a period. */
typedef struct {
  uint8_t n;
  char s[9];
} list_word;

/* The word lists of lexicons/words/ that decide sentence ends, as
 * zero-padded keys for in_list (each ends with an empty entry), read once
 * per process:
 *   titles:          a period that never ends a sentence ("Dr.", "approx.")
 *   number_abbrevs:  none before a number ("No. 5"), maybe before else
 *   abbrevs:         one only before a clear sentence opener
 *   openers:         capitalised after an abbreviation, a new sentence */
#define LIST_CAP 64
static list_word g_titles[LIST_CAP + 1], g_number_abbrevs[LIST_CAP + 1], g_abbrevs[LIST_CAP + 1],
    g_openers[LIST_CAP + 1];
/* The longest word of the three abbreviation lists: longer words need no
 * look at them. */
static size_t g_abbrev_max;
/* A Bloom filter of the three abbreviation lists' keys: nearly every word
 * before a period is in none of them, and it was two scans of 64 keys
 * (make bench-ipb: 3 instructions per byte). */
#define ABBREV_BLOOM_BITS 1024
static uint64_t g_abbrev_bloom[ABBREV_BLOOM_BITS / 64];
static pthread_once_t g_lists_once = PTHREAD_ONCE_INIT;

/* s[0..n) (n < 9, no NUL inside) as a zero-padded 8-byte key. */
static uint64_t list_key(const char *s, size_t n) {
  char w[8] = {0};
  memcpy(w, s, n);
  uint64_t key;
  memcpy(&key, w, 8);
  return key;
}

static unsigned bloom_bit(uint64_t key) {
  return (unsigned)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 54) & (ABBREV_BLOOM_BITS - 1);
}

/* Whether s[0..n) may be in an abbreviation list (0: it is in none). */
static int maybe_abbrev(const char *s, size_t n) {
  if (n >= sizeof g_titles->s) return 0;
  unsigned bit = bloom_bit(list_key(s, n));
  return (g_abbrev_bloom[bit / 64] >> (bit % 64)) & 1;
}

/* Fills out from the list NAME; the length of its longest word.  A word
 * that does not fit or a list over LIST_CAP is reported by
 * lxs_tokenize_lists_check (the unit tests), never read half. */
static size_t fill_list(list_word *out, const char *name) {
  lxs_word_cursor c = lxs_word_list(name);
  const char *w;
  size_t n, k = 0, longest = 0;
  while (lxs_word_list_next(&c, &w, &n)) {
    if (k == LIST_CAP || n == 0 || n >= sizeof out->s) continue;
    out[k].n = (uint8_t)n;
    memcpy(out[k].s, w, n);
    k++;
    if (n > longest) longest = n;
  }
  return longest;
}

/* Each list, where it is read to, and whether it is an abbreviation list
 * (those decide g_abbrev_max). */
static const struct {
  const char *name;
  list_word *words;
  int abbrev;
} kLists[] = {{"abbreviations-titles.txt", g_titles, 1},
              {"abbreviations-numbers.txt", g_number_abbrevs, 1},
              {"abbreviations.txt", g_abbrevs, 1},
              {"sentence-openers.txt", g_openers, 0}};
#define N_LISTS (sizeof kLists / sizeof *kLists)

static void read_lists(void) {
  for (size_t i = 0; i < N_LISTS; i++) {
    size_t longest = fill_list(kLists[i].words, kLists[i].name);
    if (!kLists[i].abbrev) continue;
    if (longest > g_abbrev_max) g_abbrev_max = longest;
    for (const list_word *w = kLists[i].words; w->n; w++) {
      unsigned bit = bloom_bit(list_key(w->s, w->n));
      g_abbrev_bloom[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
  }
}

int lxs_tokenize_lists_check(char *err, size_t errlen) {
  for (size_t i = 0; i < N_LISTS; i++) {
    lxs_word_cursor c = lxs_word_list(kLists[i].name);
    const char *w;
    size_t n, k = 0;
    while (lxs_word_list_next(&c, &w, &n)) {
      if (++k > LIST_CAP || n >= sizeof g_titles->s) {
        lxs_set_err(err, errlen, "lexicons/words/%s: %s", kLists[i].name,
                    k > LIST_CAP ? "more than 64 words" : "a word longer than 8 bytes");
        return LXS_EDATA;
      }
    }
    if (k == 0) {
      lxs_set_err(err, errlen, "lexicons/words/%s: not embedded or empty", kLists[i].name);
      return LXS_EDATA;
    }
  }
  return LXS_OK;
}

/* Whether s[0..n) (no NUL inside) is in list.  Words are compared as
 * zero-padded 8-byte keys, every entry without an early exit: the tests of
 * a linear search mispredict on nearly every call. */
static int in_list(const list_word *list, const char *s, size_t n) {
  if (n >= sizeof list->s) return 0;
  uint64_t key = list_key(s, n);
  unsigned hit = 0;
  for (size_t i = 0; list[i].n; i++) {
    uint64_t k;
    memcpy(&k, list[i].s, 8);
    hit |= k == key;
  }
  return hit != 0;
}

lxs_tokenizer *lxs_tokenizer_new(void) {
  pthread_once(&g_lists_once, read_lists);
  lxs_tokenizer *t = lxs_xcalloc(1, sizeof *t);
  lxs_buf_init(&t->norms);
  return t;
}

void lxs_tokenizer_free(lxs_tokenizer *t) {
  if (!t) return;
  free(t->toks);
  free(t->wpos);
  free(t->marks);
  free(t->sents);
  free(t->paras);
  free(t->puncts);
  lxs_buf_free(&t->norms);
  free(t);
}

typedef struct {
  lxs_tokenizer *t;
  const char *text;
  size_t len;
  int in_sent; /* a sentence is open */
  int in_para;
  int pending_break;  /* terminal punctuation seen; break before next word */
  int pending_soft;   /* break only if next word is a clear opener */
  int prev_was_space; /* the byte before pos was white space */
  int wrapped;        /* single newlines are soft wraps; -1 = not known */
} tk_state;

static int32_t peek_cp(const tk_state *s, size_t pos, size_t *n) {
  int32_t cp;
  if (pos >= s->len) {
    *n = 0;
    return -1;
  }
  *n = lxs_utf8_decode((const unsigned char *)s->text + pos, s->len - pos, &cp);
  if (cp == 0) cp = ' ';
  return cp;
}

static void close_sentence(tk_state *s) {
  lxs_tokenizer *t = s->t;
  if (!s->in_sent) return;
  s->in_sent = 0;
  lxs_sent *se = &t->sents[t->nsent - 1];
  if (se->nwords == 0) { /* punctuation only: drop it */
    t->ntok = se->first_tok;
    while (t->npunct && t->puncts[t->npunct - 1] >= t->ntok) t->npunct--;
    t->nsent--;
    if (t->npara && t->paras[t->npara - 1].nsent) t->paras[t->npara - 1].nsent--;
    return;
  }
  lxs_token *last = &t->toks[se->first_tok + se->ntok - 1];
  se->end = last->end;
  lxs_para *pa = &t->paras[t->npara - 1];
  pa->end = se->end;
}

static void close_paragraph(tk_state *s) {
  close_sentence(s);
  if (!s->in_para) return;
  s->in_para = 0;
  lxs_tokenizer *t = s->t;
  if (t->paras[t->npara - 1].nsent == 0) t->npara--;
}

static void open_sentence(tk_state *s, size_t start) {
  lxs_tokenizer *t = s->t;
  if (!s->in_para) {
    LXS_VEC_GROW(t->paras, t->npara, t->cappara);
    lxs_para *pa = &t->paras[t->npara++];
    pa->start = start;
    pa->end = start;
    pa->first_sent = (uint32_t)t->nsent;
    pa->nsent = 0;
    s->in_para = 1;
  }
  LXS_VEC_GROW(t->sents, t->nsent, t->capsent);
  lxs_sent *se = &t->sents[t->nsent++];
  se->start = start;
  se->end = start;
  se->first_tok = (uint32_t)t->ntok;
  se->ntok = 0;
  se->nwords = 0;
  se->paragraph = (uint32_t)(t->npara - 1);
  t->paras[t->npara - 1].nsent++;
  s->in_sent = 1;
}

/* Room for one more token (and its wpos and mark). */
static inline void grow_toks(lxs_tokenizer *t) {
  if (t->ntok < t->captok) return;
  t->captok = t->captok ? t->captok * 2 : 64;
  t->toks = lxs_xrealloc(t->toks, t->captok * sizeof *t->toks);
  t->wpos = lxs_xrealloc(t->wpos, t->captok * sizeof *t->wpos);
  t->marks = lxs_xrealloc(t->marks, t->captok * sizeof *t->marks);
}

/* A new token; its word position is the words of its sentence so far
 * (the caller corrects a compound part's and a contraction's "n't"). */
static lxs_token *push_token(tk_state *s, int kind, size_t start, size_t end) {
  lxs_tokenizer *t = s->t;
  if (!s->in_sent) open_sentence(s, start);
  grow_toks(t);
  lxs_sent *se = &t->sents[t->nsent - 1];
  t->wpos[t->ntok] = se->nwords;
  lxs_token *k = &t->toks[t->ntok++];
  memset(k, 0, sizeof *k);
  k->kind = (uint8_t)kind;
  k->start = start;
  k->end = end;
  k->sentence = (uint32_t)(t->nsent - 1);
  se->ntok++;
  return k;
}

/* Token k joins the marks (once). */
static inline void mark_token(lxs_tokenizer *t, const lxs_token *k) {
  uint32_t i = (uint32_t)(k - t->toks);
  if (t->nmarks && t->marks[t->nmarks - 1] == i) return;
  t->marks[t->nmarks++] = i;
}

/* Word k (normal form norm, hashed) looked up in the word cache, if one
 * is attached: its values go into k->stem_id and k->cands.  Returns
 * whether the value is not 0 (the word is to be marked). */
static inline int intern_word(const lxs_tok_intern *in, lxs_token *k, const char *norm) {
  if (!in->st) return 0;
  const lxs_word_ref *ref = lxs_stem_lookup(in->st, norm, k->norm_len, k->hash, in->init, in->ctx);
  k->stem_id = ref->id;
  k->cands = ref->user;
  return ref->user != 0;
}

static void set_norm(tk_state *s, lxs_token *k, const char *src, size_t n) {
  lxs_buf *b = &s->t->norms;
  k->norm = (uint32_t)b->len;
  k->norm_len = (uint32_t)lxs_utf8_normalize_word(src, n, b);
  lxs_buf_putc(b, '\0');
  k->hash = lxs_hash_word(b->data + k->norm, k->norm_len);
  if (intern_word(&s->t->intern, k, b->data + k->norm)) mark_token(s->t, k);
}

static void set_norm_str(tk_state *s, lxs_token *k, const char *str) {
  lxs_buf *b = &s->t->norms;
  k->norm = (uint32_t)b->len;
  k->norm_len = (uint32_t)strlen(str);
  lxs_buf_put(b, str, k->norm_len);
  lxs_buf_putc(b, '\0');
  k->hash = lxs_hash_word(b->data + k->norm, k->norm_len);
  if (intern_word(&s->t->intern, k, b->data + k->norm)) mark_token(s->t, k);
}

/* Acronym key: upper-case letters and digits, dots and a possessive
 * suffix removed ("U.S.'s" -> "US"). */
static void set_acro(tk_state *s, lxs_token *k, const char *src, size_t n) {
  lxs_buf *b = &s->t->norms;
  size_t at = b->len;
  size_t pos = 0;
  while (pos < n) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)src + pos, n - pos, &cp);
    if (lxs_utf8_is_apostrophe(cp)) break; /* possessive */
    if (cp != '.') {
      char enc[4];
      size_t e = lxs_utf8_encode(lxs_utf8_toupper(cp), enc);
      lxs_buf_put(b, enc, e);
    }
    pos += m;
  }
  lxs_buf_putc(b, '\0');
  k->acro = (uint32_t)at;
  k->flags |= LXS_TF_ACRO;
  mark_token(s->t, k);
}

static inline int ascii_alnum(unsigned char c) {
  return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

static int is_word_cp(int32_t cp) {
  return lxs_utf8_is_letter(cp) || lxs_utf8_is_digit(cp) || lxs_utf8_is_mark(cp);
}

static int is_joiner_hyphen(int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 ||
         cp == 0xFE63 || cp == 0xFF0D;
}

/* Scan a word starting at pos.  Returns its end; fills part boundaries. */
typedef struct {
  size_t end;
  size_t part_start[32];
  size_t part_end[32];
  int nparts;
  int letters, uppers, digits_first;
  int first_upper;
  int dotted;       /* single letters separated by dots: U.S. */
  size_t last_apos; /* byte offset of last internal apostrophe or 0 */
} word_scan;

static void scan_word(tk_state *s, size_t pos, word_scan *w) {
  size_t n;
  int32_t cp = peek_cp(s, pos, &n);
  /* No memset: the part arrays are large and only nparts entries count. */
  w->end = 0;
  w->nparts = 0;
  w->letters = w->uppers = w->first_upper = w->dotted = 0;
  w->last_apos = 0;
  w->digits_first = lxs_utf8_is_digit(cp);
  w->part_start[0] = pos;
  w->nparts = 1;
  int prev_word = 0; /* previous code point was a word character */
  int prev_digit = 0;
  int seg_letters = 0; /* letters since last dot (for U.S.) */
  int dots = 0, dot_ok = 1;
  while (pos < s->len) {
    unsigned char c = (unsigned char)s->text[pos];
    if (c < 0x80 && ascii_alnum(c)) { /* fast path for plain ASCII */
      if (c >= 'A') {
        int up = c <= 'Z';
        if (w->letters == 0) w->first_upper = up;
        w->letters++;
        seg_letters++;
        w->uppers += up;
        prev_digit = 0;
      } else {
        prev_digit = 1;
      }
      prev_word = 1;
      pos++;
      continue;
    }
    cp = peek_cp(s, pos, &n);
    if (is_word_cp(cp)) {
      if (lxs_utf8_is_letter(cp)) {
        if (w->letters == 0) w->first_upper = lxs_utf8_is_upper(cp);
        w->letters++;
        seg_letters++;
        if (lxs_utf8_is_upper(cp)) w->uppers++;
      }
      prev_digit = lxs_utf8_is_digit(cp);
      prev_word = 1;
      pos += n;
      continue;
    }
    size_t n2;
    int32_t next = peek_cp(s, pos + n, &n2);
    int next_word = next >= 0 && is_word_cp(next);
    if (prev_word && lxs_utf8_is_apostrophe(cp) && next >= 0 && lxs_utf8_is_letter(next)) {
      w->last_apos = pos;
      pos += n;
      continue;
    }
    if (prev_word && (cp == '.' || cp == ',') && prev_digit && next >= 0 &&
        lxs_utf8_is_digit(next)) { /* 3.0, 1,000 */
      pos += n;
      continue;
    }
    if (prev_word && cp == '.' && seg_letters == 1 && next >= 0 && lxs_utf8_is_letter(next)) {
      /* U.S / e.g: letter '.' letter; require the next segment to be a
       * single letter too. */
      size_t n3;
      int32_t after = peek_cp(s, pos + n + n2, &n3);
      if (after < 0 || !is_word_cp(after)) {
        dots++;
        seg_letters = 0;
        pos += n;
        continue;
      }
    }
    if (prev_word && is_joiner_hyphen(cp) && next_word && w->nparts < 32) {
      w->part_end[w->nparts - 1] = pos;
      w->part_start[w->nparts] = pos + n;
      w->nparts++;
      pos += n;
      prev_word = 0;
      continue;
    }
    break;
  }
  /* Trailing dot of a dotted acronym belongs to it: "U.S." */
  if (dots > 0 && dot_ok && seg_letters == 1) {
    size_t n4;
    int32_t c = peek_cp(s, pos, &n4);
    if (c == '.') pos += n4;
    w->dotted = 1;
    /* possessive after the dot: "U.S.'s" */
    size_t n5, n6;
    int32_t ap = peek_cp(s, pos, &n5);
    if (ap >= 0 && lxs_utf8_is_apostrophe(ap)) {
      int32_t ss = peek_cp(s, pos + n5, &n6);
      size_t n7;
      int32_t after = peek_cp(s, pos + n5 + n6, &n7);
      if ((ss == 's' || ss == 'S') && (after < 0 || !is_word_cp(after))) pos += n5 + n6;
    }
  }
  w->end = pos;
  w->part_end[w->nparts - 1] = pos;
}

static void emit_word(tk_state *s, size_t start, word_scan *w) {
  lxs_tokenizer *t = s->t;
  const char *src = s->text + start;
  size_t n = w->end - start;
  if (w->dotted) {
    lxs_token *k = push_token(s, LXS_TOK_WORD, start, w->end);
    k->flags |= LXS_TF_ABBR | LXS_TF_ALLCAPS;
    /* Normal form drops the dots: "U.S." -> "us"; acronym key "US". */
    lxs_buf tmp;
    lxs_buf_init(&tmp);
    for (size_t i = 0; i < n; i++)
      if (src[i] != '.') lxs_buf_putc(&tmp, src[i]);
    set_norm(s, k, tmp.data ? tmp.data : "", tmp.len);
    lxs_buf_free(&tmp);
    if (w->uppers == w->letters) set_acro(s, k, src, n);
    else k->flags &= (uint16_t)~LXS_TF_ALLCAPS;
    if (w->first_upper) k->flags |= LXS_TF_CAPITAL;
    t->sents[t->nsent - 1].nwords++;
    t->nwords++;
    return;
  }
  uint16_t caseflags = 0;
  if (w->first_upper) caseflags |= LXS_TF_CAPITAL;
  /* "US's": a lower-case possessive s does not spoil an acronym */
  int poss = w->last_apos > start && w->end - w->last_apos <= 4 && src[n - 1] == 's' &&
             w->nparts == 1;
  if (w->letters - poss >= 2 && w->uppers == w->letters - poss) caseflags |= LXS_TF_ALLCAPS;
  if (w->digits_first) caseflags |= LXS_TF_NUMBER;

  /* Split the "n't" of a contraction into its own token: do|n't. */
  if (w->nparts == 1 && w->last_apos > start) {
    size_t a = w->last_apos;
    size_t an;
    peek_cp(s, a, &an);
    if (a + an + 1 == w->end && (s->text[a + an] == 't' || s->text[a + an] == 'T') &&
        a - 1 > start && (s->text[a - 1] == 'n' || s->text[a - 1] == 'N')) {
      lxs_token *k = push_token(s, LXS_TOK_WORD, start, a - 1);
      set_norm(s, k, src, a - 1 - start);
      k->flags |= caseflags & LXS_TF_CAPITAL;
      lxs_token *nt = push_token(s, LXS_TOK_WORD, a - 1, w->end);
      t->wpos[t->ntok - 1]++; /* the word after "do" */
      set_norm_str(s, nt, "n't");
      nt->flags |= LXS_TF_NT;
      t->sents[t->nsent - 1].nwords += 2;
      t->nwords += 2;
      return;
    }
  }
  lxs_token *k = push_token(s, LXS_TOK_WORD, start, w->end);
  k->flags |= caseflags;
  set_norm(s, k, src, n);
  if (caseflags & LXS_TF_ALLCAPS) set_acro(s, k, src, n);
  t->sents[t->nsent - 1].nwords++;
  t->nwords++;
  if (w->nparts > 1) {
    size_t ci = t->ntok - 1;
    t->toks[ci].flags |= LXS_TF_COMPOUND;
    t->toks[ci].nparts = (uint8_t)w->nparts;
    for (int p = 0; p < w->nparts; p++) {
      size_t ps = w->part_start[p], pe = w->part_end[p];
      lxs_token *pk = push_token(s, LXS_TOK_WORD, ps, pe);
      t->wpos[t->ntok - 1] = t->wpos[ci]; /* the compound's */
      pk->flags |= LXS_TF_PART;
      set_norm(s, pk, s->text + ps, pe - ps);
      int32_t c0;
      lxs_utf8_decode((const unsigned char *)s->text + ps, pe - ps, &c0);
      if (lxs_utf8_is_upper(c0)) pk->flags |= LXS_TF_CAPITAL;
      /* An all-caps part keeps its acronym key: "US-China" -> US */
      size_t up = 0, lo = 0, q = ps;
      while (q < pe) {
        int32_t cq;
        q += lxs_utf8_decode((const unsigned char *)s->text + q, pe - q, &cq);
        if (lxs_utf8_is_upper(cq)) up++;
        else if (lxs_utf8_is_lower(cq)) lo++;
      }
      if (up >= 2 && lo == 0) {
        pk = &t->toks[t->ntok - 1];
        pk->flags |= LXS_TF_ALLCAPS;
        set_acro(s, pk, s->text + ps, pe - ps);
      }
    }
  }
}

/* A word followed by a period: an abbreviation ("Dr.", "No. 5", "J.",
 * "Inc.") takes the period; returns the position after the word and any
 * period taken. */
static size_t abbreviation_period(tk_state *s, lxs_token *last, int letters, int first_upper,
                                  size_t wn, size_t pos) {
  const char *text = s->text;
  size_t len = s->len;
  const char *nm = lxs_tok_norm(s->t, last);
  size_t nl = last->norm_len;
  int single_initial = letters == 1 && first_upper && wn <= 4;
  if (!single_initial && (nl > g_abbrev_max || !maybe_abbrev(nm, nl))) return pos;
  size_t q = pos + 1;
  while (q < len && (text[q] == ' ' || text[q] == '\t')) q++;
  int digit_next = q < len && text[q] >= '0' && text[q] <= '9';
  if (in_list(g_titles, nm, nl) || single_initial ||
      (digit_next && in_list(g_number_abbrevs, nm, nl))) {
    last->flags |= LXS_TF_ABBR;
    last->end = pos + 1;
    return pos + 1;
  }
  if (in_list(g_abbrevs, nm, nl)) {
    last->flags |= LXS_TF_ABBR;
    last->end = pos + 1;
    s->pending_soft = 1;
    return pos + 1;
  }
  return pos;
}

#ifdef __SSE2__
/* Sixteen bytes x classified at once (SSE2 is part of x86-64 itself): bit
 * masks of the ASCII letters or digits, the letters and the upper-case
 * letters, and the bytes with 0x20 set (letters and digits lower-cased). */
typedef struct {
  __m128i lo;
  unsigned word, alpha, upper;
} ascii16;

static inline ascii16 classify16(__m128i x) {
  ascii16 r;
  r.lo = _mm_or_si128(x, _mm_set1_epi8(0x20));
  __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(r.lo, _mm_set1_epi8('a' - 1)),
                                _mm_cmpgt_epi8(_mm_set1_epi8('z' + 1), r.lo));
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                _mm_cmpgt_epi8(_mm_set1_epi8('9' + 1), x));
  r.word = (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
  r.alpha = (unsigned)_mm_movemask_epi8(alpha);
  r.upper = (unsigned)_mm_movemask_epi8(
      _mm_and_si128(alpha, _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), x)));
  return r;
}

/* lxs_hash_word of the first n (1..15) bytes of lo: zero the rest, take
 * the two 64-bit halves as the word's chunks. */
static inline uint64_t hash16(__m128i lo, unsigned n) {
  static const unsigned char kOnes[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  __m128i m = _mm_and_si128(lo, _mm_loadu_si128((const __m128i *)(kOnes + 16 - n)));
  /* one pair of chunks; the second is zero for words of 8 bytes or less */
  return lxs_hash_word_finish(
      lxs_hash_word_pair(lxs_hash_word_start(n), (uint64_t)_mm_cvtsi128_si64(m),
                         (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(m, m))));
}

/* A simple word found by ascii_word_at. */
typedef struct {
  __m128i lo;     /* the bytes lower-cased (only the first n count) */
  unsigned n;     /* its length, 1..15 */
  unsigned c;     /* the byte after it when "." or ",", else 0 */
  uint16_t flags; /* LXS_TF_CAPITAL, _ALLCAPS, _NUMBER */
  int letters;    /* 0, 1, or 2 = more */
  int first_upper, digits_first;
} ascii_word;

/* Whether the bytes p[0..n) begin with a mark that can neither continue
 * nor join a word, so that a word before it ends there: a closing or
 * opening curly double quote or an em dash (U+201D, U+201C, U+2014; the
 * en dash U+2013 joins "1990-2000", and the curly single quotes are
 * apostrophes).  Words before them took the general path (make
 * bench-ipb: see the commit). */
static inline int ends_word_mark(const unsigned char *p, size_t n) {
  return n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9D || p[2] == 0x9C || p[2] == 0x94);
}

/* A word that ends at p[*n] with a byte that may continue it (bit *n of
 * cont) after all: a possessive "'s" (a tenth of the words the general
 * path took), which *n then takes in, as scan_word's apostrophe rule does
 * ("'S" and "n't" stay with the general path), and/or a mark that ends
 * the word (ends_word_mark).  avail: the bytes at p; cl: their classes.
 * The possessive's s spoils no acronym ("US's", as in emit_word): when
 * two letters or more come before it, it counts as upper case in
 * cl->upper. */
static inline int possessive_or_mark(const unsigned char *p, size_t avail, ascii16 *cl,
                                     unsigned cont, unsigned *n) {
  unsigned k = *n;
  if (p[k] == '\'' && k + 2 < 16 && k + 1 < avail && p[k + 1] == 's' &&
      !((cl->word >> (k + 2)) & 1)) {
    unsigned before = cl->alpha & ((1u << k) - 1);
    if (before & (before - 1)) cl->upper |= 1u << (k + 1);
    k += 2;
    *n = k;
    if (!((cont >> k) & 1)) return 1; /* (beyond avail, cont has no bit) */
  }
  return ends_word_mark(p + k, avail - k);
}

/* The common case, nearly every word: ASCII letters and digits, under 16
 * bytes, perhaps with a possessive "'s", ended by a byte that cannot
 * continue a word.  One SSE2 load classifies and lower-cases it (the
 * caller hashes it and writes the token directly -- the same token the
 * general path, scan_word and emit_word, makes).  Returns 0 to leave the
 * word at pos to the general path (longer words, other apostrophes,
 * hyphens, "3.0", "U.S.", non-ASCII letters). */
static inline int ascii_word_at(const char *text, size_t len, size_t pos, ascii_word *w) {
  const unsigned char *p = (const unsigned char *)text + pos;
  __m128i x;
  if (pos + 16 <= len) {
    x = _mm_loadu_si128((const __m128i *)p);
  } else if (len >= 16) {
    /* The end of the text (a line's last words): its last 16 bytes, then
     * zeros (which end the word), loaded from pos on -- no memcpy call,
     * once or twice per document. */
    unsigned char tail[32];
    _mm_storeu_si128((__m128i *)tail, _mm_loadu_si128((const __m128i *)(text + len - 16)));
    _mm_storeu_si128((__m128i *)(tail + 16), _mm_setzero_si128());
    x = _mm_loadu_si128((const __m128i *)(tail + 16 - (len - pos)));
  } else { /* a text under 16 bytes */
    unsigned char tail[16] = {0};
    memcpy(tail, p, len - pos);
    x = _mm_loadu_si128((const __m128i *)tail);
  }
  ascii16 cl = classify16(x);
  unsigned wordm = cl.word;
  if (wordm == 0xFFFFu) return 0; /* 16 bytes or more */
  unsigned n = (unsigned)__builtin_ctz(~wordm);
  if (n == 0) return 0; /* no word here */
  /* What ends the word, tested in the register rather than by loading the
   * byte (which would wait for the whole chain above): bytes that may
   * continue a word send it to the general path; "." and "," do when a
   * letter or digit follows ("3.0", "U.S"). */
  unsigned bit = 1u << n;
  unsigned cont = (unsigned)_mm_movemask_epi8(
                      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))),
                                   _mm_cmpeq_epi8(x, _mm_set1_epi8('`')))) |
                  (unsigned)_mm_movemask_epi8(x);
  if (cont & bit) { /* rare, and tested off the common path */
    if (!possessive_or_mark(p, len - pos, &cl, cont, &n)) return 0;
    bit = 1u << n;
  }
  unsigned stop = (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')), _mm_cmpeq_epi8(x, _mm_set1_epi8(','))));
  w->c = 0;
  if (stop & bit) {
    /* (a period that ends the text, as a line's last "word." does, is
     * followed by nothing that could continue the word) */
    w->c = p[n];
    size_t after = pos + n + 1;
    if (after < len && (p[n + 1] >= 0x80 || ascii_alnum(p[n + 1])) &&
        !ends_word_mark(p + n + 1, len - after))
      return 0;
  }
  unsigned keep = (1u << n) - 1;
  unsigned a = cl.alpha & keep;
  unsigned u = cl.upper & keep;
  /* bit tricks, no branches: a & -a is the first letter's bit */
  unsigned more = (a & (a - 1)) != 0; /* two letters or more */
  w->first_upper = (u & (a & (0u - a))) != 0;
  w->digits_first = !(a & 1);
  w->letters = (a != 0) + (int)more;
  w->flags = (uint16_t)(w->first_upper * LXS_TF_CAPITAL | (more & (a == u)) * LXS_TF_ALLCAPS |
                        w->digits_first * LXS_TF_NUMBER);
  w->lo = cl.lo;
  w->n = n;
  return 1;
}

/* Write simple word w at pos as token k of sentence sent, its normal form
 * (the lower-cased bytes, then a NUL) at nb + nlen, which has 17 bytes
 * of room. */
static inline void put_ascii_word(lxs_token *k, char *nb, size_t nlen, size_t pos, uint32_t sent,
                                  const ascii_word *w) {
  _mm_storeu_si128((__m128i *)(nb + nlen), w->lo);
  nb[nlen + w->n] = '\0';
  *k = (lxs_token){.start = pos,
                   .end = pos + w->n,
                   .norm = (uint32_t)nlen,
                   .norm_len = w->n,
                   .sentence = sent,
                   .flags = w->flags,
                   .kind = LXS_TOK_WORD,
                   .hash = hash16(w->lo, w->n)};
}

/* One simple word at pos with the tokenizer's state (sentence breaks);
 * returns the position after it, or 0 for the general path. */
static size_t fast_ascii_word(tk_state *s, size_t pos) {
  lxs_tokenizer *t = s->t;
  ascii_word w;
  if (!ascii_word_at(s->text, s->len, pos, &w)) return 0;
  unsigned n = w.n;
  if (s->pending_break) {
    if (w.first_upper || w.digits_first) close_sentence(s);
    s->pending_break = 0;
  }
  if (!s->in_sent) open_sentence(s, pos);
  lxs_buf *b = &t->norms;
  lxs_buf_reserve(b, 16);
  grow_toks(t);
  lxs_sent *se = &t->sents[t->nsent - 1];
  t->wpos[t->ntok] = se->nwords;
  lxs_token *k = &t->toks[t->ntok++];
  put_ascii_word(k, b->data, b->len, pos, (uint32_t)(t->nsent - 1), &w);
  if (intern_word(&t->intern, k, b->data + b->len)) mark_token(t, k);
  b->len += n + 1;
  if (w.flags & LXS_TF_ALLCAPS) set_acro(s, k, s->text + pos, n);
  se->ntok++;
  se->nwords++;
  t->nwords++;
  if (w.c == '.') return abbreviation_period(s, k, w.letters, w.first_upper, n, pos + n);
  return pos + n;
}

/* After a word: running text is mostly "word word word", so take each
 * single space and simple word after pos here, with the tokenizer's
 * counters in locals (the compiler cannot keep them in registers across
 * the byte stores of the normal forms).  A sentence is open and no break
 * is pending, so each word only extends it.  Returns the position after
 * the last word taken; anything else is left to the caller's loop. */
static size_t fast_ascii_run(tk_state *s, size_t pos) {
  lxs_tokenizer *t = s->t;
  const char *text = s->text;
  size_t len = s->len;
  if (s->pending_soft || s->pending_break || !s->in_sent) return pos;
  lxs_token *toks = t->toks;
  uint32_t *wpos = t->wpos, *marks = t->marks;
  size_t ntok = t->ntok, captok = t->captok, nmarks = t->nmarks;
  char *nb = t->norms.data;
  size_t nlen = t->norms.len, ncap = t->norms.cap;
  uint32_t sent = (uint32_t)(t->nsent - 1);
  uint32_t wbase = t->sents[sent].nwords; /* plus added: the next word's position */
  size_t added = 0;
  const lxs_tok_intern in = t->intern; /* (a copy: the stores below may alias t) */
#define RUN_SAVE()                                                                                 \
  do {                                                                                             \
    t->ntok = ntok;                                                                                \
    t->nmarks = nmarks;                                                                            \
    t->norms.len = nlen;                                                                           \
    t->sents[sent].ntok += (uint32_t)added;                                                        \
    t->sents[sent].nwords += (uint32_t)added;                                                      \
    t->nwords += added;                                                                            \
    added = 0;                                                                                     \
  } while (0)
#define RUN_LOAD()                                                                                 \
  do {                                                                                             \
    toks = t->toks;                                                                                \
    wpos = t->wpos;                                                                                \
    wbase = t->sents[sent].nwords;                                                                 \
    marks = t->marks;                                                                              \
    nmarks = t->nmarks;                                                                            \
    captok = t->captok;                                                                            \
    nb = t->norms.data;                                                                            \
    ncap = t->norms.cap;                                                                           \
  } while (0)
  while (pos + 1 < len && text[pos] == ' ') {
    ascii_word w; /* (ascii_word_at turns down what is not a word) */
    size_t q = pos + 1;
    if (!ascii_word_at(text, len, q, &w)) break;
    unsigned n = w.n;
    if (ntok == captok || nlen + 17 > ncap) {
      RUN_SAVE();
      grow_toks(t);
      lxs_buf_reserve(&t->norms, 16);
      RUN_LOAD();
    }
    wpos[ntok] = wbase + (uint32_t)added;
    marks[nmarks] = (uint32_t)ntok; /* (room for every token) */
    lxs_token *k = &toks[ntok++];
    put_ascii_word(k, nb, nlen, q, sent, &w);
    nmarks += (size_t)intern_word(&in, k, nb + nlen);
    nlen += n + 1;
    added++;
    pos = q + n;
    if (w.flags & LXS_TF_ALLCAPS) { /* rare: an acronym key */
      RUN_SAVE();
      set_acro(s, k, text + q, n);
      RUN_LOAD();
      nlen = t->norms.len;
    }
    if (w.c == '.') {
      RUN_SAVE();
      return abbreviation_period(s, k, w.letters, w.first_upper, n, pos);
    }
  }
  RUN_SAVE();
#undef RUN_SAVE
#undef RUN_LOAD
  return pos;
}
#endif

/* Decide whether a single newline is a soft wrap: the text has blank-line
 * paragraphs and most lines are of similar, moderate length. */
static int detect_wrapped(const char *text, size_t len) {
  size_t lines = 0, blank = 0, mid = 0, longest = 0, cur = 0;
  int nonspace = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || text[i] == '\n') {
      if (nonspace) {
        lines++;
        if (cur >= 40 && cur <= 100) mid++;
        if (cur > longest) longest = cur;
      } else if (i < len) {
        blank++;
      }
      cur = 0;
      nonspace = 0;
      continue;
    }
    if (text[i] != '\r') cur++;
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') nonspace = 1;
  }
  return lines >= 5 && blank >= 1 && longest <= 120 && mid * 10 >= lines * 7;
}

/* A run of white space holding a line break at pos (cp): a blank line, a
 * paragraph separator, or any line break in a text that is not hard-wrapped
 * closes the paragraph.  Returns the position after the run. */
static size_t line_breaks(tk_state *s, size_t pos, int32_t cp) {
  size_t nl = 0, p = pos;
  while (p < s->len) {
    size_t m;
    int32_t c = peek_cp(s, p, &m);
    if (c == '\n' || c == 0x2029 || c == 0x2028) nl++;
    else if (!lxs_utf8_is_space(c)) break;
    p += m;
  }
  /* Decided at the first line break: most texts have none. */
  if (s->wrapped < 0) s->wrapped = detect_wrapped(s->text, s->len);
  if (nl >= 2 || !s->wrapped || cp == 0x2029) {
    close_paragraph(s);
    s->pending_break = s->pending_soft = 0;
  }
  s->prev_was_space = 1;
  return p;
}

/* Terminal punctuation came before the word w at pos: close the sentence
 * unless the word is lower-case, or, after an abbreviation, unless it is
 * not a capitalised sentence opener. */
static void break_before_word(tk_state *s, size_t pos, const word_scan *w) {
  int brk;
  if (s->pending_soft) {
    lxs_buf tmp;
    lxs_buf_init(&tmp);
    lxs_utf8_normalize_word(s->text + pos, w->end - pos, &tmp);
    brk = w->first_upper && in_list(g_openers, tmp.data, tmp.len);
    lxs_buf_free(&tmp);
  } else {
    brk = w->first_upper || w->digits_first;
  }
  if (brk) close_sentence(s);
  s->pending_break = s->pending_soft = 0;
}

/* The word at pos, and the period of an abbreviation after it.  Returns
 * the position after both. */
static size_t scan_emit_word(tk_state *s, size_t pos) {
  lxs_tokenizer *t = s->t;
  word_scan w;
  scan_word(s, pos, &w);
  if (s->pending_break || s->pending_soft) break_before_word(s, pos, &w);
  emit_word(s, pos, &w);
  size_t pn;
  int32_t nextc = peek_cp(s, w.end, &pn);
  /* The abbreviation is the whole compound, not its last part. */
  lxs_token *last = &t->toks[t->ntok - 1];
  if (last->flags & LXS_TF_PART) {
    size_t ci = t->ntok - 1;
    while (ci > 0 && (t->toks[ci].flags & LXS_TF_PART)) ci--;
    last = &t->toks[ci];
  }
  pos = w.end;
  if (w.dotted) {
    s->pending_soft = 1; /* "U.S." may or may not end the sentence */
  } else if (nextc == '.') {
    pos = abbreviation_period(s, last, w.letters, w.first_upper, w.end - w.part_start[0], pos);
  }
  s->prev_was_space = 0;
  return pos;
}

/* One punctuation token: its class, whether it ends a sentence, its
 * flags and its end (a run of periods or hyphens is one token). */
typedef struct {
  char cls;
  int terminal;
  uint16_t flags;
  size_t end;
} punct_scan;

/* Whether the quote or apostrophe cp (n bytes) at pos closes: a closing
 * mark, or a straight one glued to a word on its left with a space, the
 * end or punctuation after it.  *next_space says whether that follows. */
static int quote_closes(const tk_state *s, size_t pos, size_t n, int32_t cp, int *next_space) {
  size_t nn;
  int32_t nx = peek_cp(s, pos + n, &nn);
  *next_space = nx < 0 || lxs_utf8_is_space(nx) || nx == ',' || nx == '.' || nx == ';' ||
                nx == ':' || nx == ')';
  return cp == 0x201D || cp == 0x2019 || cp == 0x00BB ||
         ((cp == '"' || cp == '\'') && !s->prev_was_space && *next_space);
}

/* A possessive apostrophe after -s ("the US' approach") at pos is part of
 * the word before it, not a quote: the word takes it.  Returns 1 then. */
static int possessive_apostrophe(tk_state *s, size_t pos, size_t n) {
  lxs_tokenizer *t = s->t;
  if (t->ntok == 0 || t->toks[t->ntok - 1].kind != LXS_TOK_WORD || t->toks[t->ntok - 1].end != pos)
    return 0;
  lxs_token *w = &t->toks[t->ntok - 1];
  const char *nm = lxs_tok_norm(t, w);
  if (!w->norm_len || nm[w->norm_len - 1] != 's') return 0;
  w->end = pos + n;
  return 1;
}

/* Classifies the punctuation cp (n bytes) at pos into *p.  Returns 0 when
 * the mark is no token of its own (a possessive apostrophe, the hyphen of
 * a suspended compound): the caller steps over its n bytes. */
static int scan_punct(tk_state *s, size_t pos, size_t n, int32_t cp, punct_scan *p) {
  p->cls = LXS_P_OTHER;
  p->terminal = 0;
  p->flags = 0;
  p->end = pos + n;
  if (cp == ',' || cp == 0x3001 || cp == 0xFF0C) p->cls = LXS_P_COMMA;
  else if (cp == ';' || cp == 0xFF1B) p->cls = LXS_P_SEMI;
  else if (cp == ':' || cp == 0xFF1A) p->cls = LXS_P_COLON;
  else if (cp == '.' || cp == 0x3002 || cp == 0x2026) {
    p->cls = LXS_P_PERIOD;
    p->terminal = 1;
    while (p->end < s->len && s->text[p->end] == '.') p->end++; /* "..." */
  } else if (cp == '!' || cp == 0xFF01) {
    p->cls = LXS_P_EXCL;
    p->terminal = 1;
  } else if (cp == '?' || cp == 0xFF1F) {
    p->cls = LXS_P_QUEST;
    p->terminal = 1;
  } else if (cp == '(' || cp == '[' || cp == '{') p->cls = LXS_P_OPEN;
  else if (cp == ')' || cp == ']' || cp == '}') {
    p->cls = LXS_P_CLOSE;
    p->flags |= LXS_TF_CLOSING;
  } else if (lxs_utf8_is_quote(cp) || lxs_utf8_is_apostrophe(cp)) {
    p->cls = LXS_P_QUOTE;
    int next_space;
    if (quote_closes(s, pos, n, cp, &next_space)) p->flags |= LXS_TF_CLOSING;
    if (lxs_utf8_is_apostrophe(cp) && !s->prev_was_space && next_space &&
        possessive_apostrophe(s, pos, n))
      return 0;
  } else if (lxs_utf8_is_dash(cp)) {
    /* A hyphen glued to a word on the left ("micro-, small-") is a
     * suspended compound, not a clause dash. */
    size_t nn;
    int32_t nx = peek_cp(s, pos + n, &nn);
    if (!s->prev_was_space && cp == '-' && (nx < 0 || !is_word_cp(nx))) return 0;
    p->cls = LXS_P_DASH;
    while (p->end < s->len && s->text[p->end] == '-') p->end++;
  }
  return 1;
}

/* The punctuation cp (n bytes) at pos.  Returns the position after it. */
static size_t punctuation(tk_state *s, size_t pos, size_t n, int32_t cp) {
  punct_scan p;
  if (!scan_punct(s, pos, n, cp, &p)) return pos + n;
  /* A closing quote or bracket stays with the sentence it ends. */
  if (s->pending_break && !(p.flags & LXS_TF_CLOSING)) {
    close_sentence(s);
    s->pending_break = 0;
  }
  lxs_token *k = push_token(s, LXS_TOK_PUNCT, pos, p.end);
  LXS_VEC_GROW(s->t->puncts, s->t->npunct, s->t->cappunct);
  s->t->puncts[s->t->npunct++] = (uint32_t)(k - s->t->toks);
  k->punct = p.cls;
  k->flags |= p.flags;
  k->norm = 0;
  k->norm_len = 0;
  if (p.terminal) {
    s->pending_break = 1;
    s->pending_soft = 0;
  }
  s->prev_was_space = 0;
  return p.end;
}

void lxs_tokenize(lxs_tokenizer *t, const char *text, size_t len) {
  t->ntok = t->nsent = t->npara = t->npunct = t->nmarks = 0;
  t->nwords = 0;
  t->len = len;
  t->norms.len = 0;
  t->interned = t->intern.st != NULL;
  tk_state st = {t, text, len, 0, 0, 0, 0, 1, -1};
  tk_state *s = &st;
  size_t pos = 0;
  /* Skip a byte order mark. */
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (pos < len) {
    if (text[pos] == ' ') {
      pos++;
      s->prev_was_space = 1;
      continue;
    }
    /* Most words start with an ASCII letter or digit: skip the decoding
     * and the whitespace tests for them. */
    unsigned char c = (unsigned char)text[pos];
    if (c < 0x80 && ascii_alnum(c)) {
#ifdef __SSE2__
      size_t after = s->pending_soft || t->general_only ? 0 : fast_ascii_word(s, pos);
      if (after) {
        s->prev_was_space = 0;
        pos = fast_ascii_run(s, after);
        continue;
      }
#endif
      pos = scan_emit_word(s, pos);
      continue;
    }
    /* ASCII punctuation ("." "," and the like): printable, no letter,
     * digit or white space, so no need to decode or classify it */
    if (c > ' ' && c < 0x80) {
      pos = punctuation(s, pos, 1, c);
      continue;
    }
    size_t n;
    int32_t cp = peek_cp(s, pos, &n);
    if (cp == '\n' || cp == 0x2029 || cp == 0x2028) {
      pos = line_breaks(s, pos, cp);
    } else if (lxs_utf8_is_space(cp) || cp == LXS_REPLACEMENT_CHAR || (cp < 0x20 && cp != '\t')) {
      pos += n;
      s->prev_was_space = 1;
    } else if (is_word_cp(cp)) {
      pos = scan_emit_word(s, pos);
    } else {
      pos = punctuation(s, pos, n, cp);
    }
  }
  close_paragraph(s);
}
