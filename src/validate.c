/* validate.c - agreement measures, sentence location and name matching
 * for `lexstance validate` (see validate.h). */
#define _GNU_SOURCE /* memmem: glibc's is linear (two-way) */
#include "validate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "utf8.h"

/* ---- agreement measures -------------------------------------------------- */

double lxs_macro_f1(const unsigned long *m, size_t k) {
  double sum = 0;
  size_t classes = 0;
  for (size_t c = 0; c < k; c++) {
    unsigned long tp = m[c * k + c], fp = 0, fn = 0;
    for (size_t o = 0; o < k; o++) {
      if (o == c) continue;
      fp += m[o * k + c];
      fn += m[c * k + o];
    }
    if (tp + fp + fn == 0) continue; /* nobody uses this class */
    sum += 2.0 * (double)tp / (2.0 * (double)tp + (double)fp + (double)fn);
    classes++;
  }
  return classes ? sum / (double)classes : NAN;
}

double lxs_cohen_kappa(const unsigned long *m, size_t k) {
  double n = 0, agree = 0, chance = 0;
  for (size_t i = 0; i < k * k; i++) n += (double)m[i];
  if (n == 0) return NAN;
  for (size_t c = 0; c < k; c++) {
    double row = 0, col = 0;
    for (size_t o = 0; o < k; o++) {
      row += (double)m[c * k + o];
      col += (double)m[o * k + c];
    }
    agree += (double)m[c * k + c];
    chance += row * col;
  }
  double po = agree / n, pe = chance / (n * n);
  if (fabs(1 - pe) < 1e-12) return NAN;
  return (po - pe) / (1 - pe);
}

void lxs_prf_set(lxs_prf *p, unsigned long tp, unsigned long fp, unsigned long fn) {
  p->tp = tp;
  p->fp = fp;
  p->fn = fn;
  p->precision = (tp + fp) ? (double)tp / (double)(tp + fp) : NAN;
  p->recall = (tp + fn) ? (double)tp / (double)(tp + fn) : NAN;
  p->f1 = (tp + fp + fn) ? 2.0 * (double)tp / (2.0 * (double)tp + (double)fp + (double)fn) : NAN;
}

void lxs_theme_metrics_compute(const lxs_confusion *c, lxs_theme_metrics *out) {
  memset(out, 0, sizeof *out);
  unsigned long merged[9] = {0}, detected[9] = {0}, tp = 0, fp = 0, fn = 0;
  for (int g = 0; g < 4; g++)
    for (int p = 0; p < 4; p++) {
      unsigned long v = c->m[g][p];
      out->rows += v;
      if (g == 3) {
        fp += p < 3 ? v : 0; /* the tool names a theme the label does not */
        continue;
      }
      out->gold_present += v;
      out->stance[g][p] = v;
      merged[g * 3 + (p == 3 ? 1 : p)] += v; /* predicted absent counts as 0 */
      if (p == 3) {
        fn += v;
      } else {
        detected[g * 3 + p] += v;
        tp += v;
      }
    }
  out->detected = tp;
  lxs_prf_set(&out->detection, tp, fp, fn);
  out->macro_f1 = lxs_macro_f1(merged, 3);
  out->macro_f1_detected = lxs_macro_f1(detected, 3);
  out->kappa_stance = lxs_cohen_kappa(merged, 3);
  out->kappa4 = lxs_cohen_kappa(&c->m[0][0], 4);
}

/* ---- locating a labelled sentence ------------------------------------------ */

void lxs_span_index_init(lxs_span_index *ix) {
  memset(ix, 0, sizeof *ix);
  lxs_buf_init(&ix->folded);
}

void lxs_span_index_free(lxs_span_index *ix) {
  lxs_buf_free(&ix->folded);
  free(ix->from);
  memset(ix, 0, sizeof *ix);
}

/* Length of the whitespace character at s[0..n), or 0. */
static size_t space_at(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && n > 1 && (unsigned char)s[1] == 0xA0) return 2; /* no-break space */
  return 0;
}

/* Folds text into out (whitespace runs as one space, none at either end);
 * from (when not NULL, sized len + 1) gets each folded byte's origin. */
static void fold_spaces(const char *text, size_t len, lxs_buf *out, size_t *from) {
  out->len = 0;
  lxs_buf_reserve(out, len);
  int gap = 0;
  for (size_t i = 0; i < len;) {
    size_t w = space_at(text + i, len - i);
    if (w) {
      gap = out->len > 0;
      i += w;
      continue;
    }
    if (gap) {
      if (from) from[out->len] = i;
      out->data[out->len++] = ' ';
      gap = 0;
    }
    if (from) from[out->len] = i;
    out->data[out->len++] = text[i++];
  }
  out->data[out->len] = '\0';
}

void lxs_span_index_build(lxs_span_index *ix, const char *text, size_t len) {
  if (ix->cap < len + 1) {
    ix->cap = len + 1;
    ix->from = lxs_xrealloc(ix->from, ix->cap * sizeof *ix->from);
  }
  fold_spaces(text, len, &ix->folded, ix->from);
}

int lxs_span_find(const lxs_span_index *ix, const char *sentence, size_t len, size_t from,
                  size_t *start, size_t *end) {
  lxs_buf needle;
  lxs_buf_init(&needle);
  fold_spaces(sentence, len, &needle, NULL);
  /* the first folded byte at or after text byte `from` */
  size_t lo = 0, hi = ix->folded.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->from[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const char *hit = NULL;
  if (needle.len && lo < ix->folded.len)
    hit = memmem(ix->folded.data + lo, ix->folded.len - lo, needle.data, needle.len);
  if (hit) {
    size_t k = (size_t)(hit - ix->folded.data);
    *start = ix->from[k];
    *end = ix->from[k + needle.len - 1] + 1; /* the needle ends in no space */
  }
  lxs_buf_free(&needle);
  return hit ? 0 : -1;
}

size_t lxs_span_sentences(const lxs_result *r, size_t start, size_t end, size_t *first) {
  size_t lo = 0, hi = r->n_sentences;
  while (lo < hi) { /* the first sentence ending after start */
    size_t mid = lo + (hi - lo) / 2;
    if (r->sentences[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  *first = lo;
  size_t n = 0;
  while (lo + n < r->n_sentences && r->sentences[lo + n].start < end) n++;
  return n;
}

/* ---- names ---------------------------------------------------------------- */

void lxs_name_key(const char *name, size_t len, lxs_buf *out) {
  lxs_buf canon;
  lxs_buf_init(&canon);
  lxs_canonical_name(name, len, &canon);
  lxs_utf8_fold_key(canon.data ? canon.data : "", canon.len, out);
  lxs_buf_free(&canon);
}

/* Words of a key: start of the first and of the last, and the count. */
static size_t key_words(const char *k, const char **last, size_t *first_len) {
  size_t n = 0;
  *first_len = strcspn(k, " ");
  *last = k;
  for (const char *p = k; *p;) {
    *last = p;
    n++;
    p += strcspn(p, " ");
    p += strspn(p, " ");
  }
  return n;
}

/* Keys equal but for their spaces: "united steel workers" and "united
 * steelworkers" name one body. */
static int same_but_spaces(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ') a++;
    while (*b == ' ') b++;
    if (*a != *b) return 0;
    if (!*a) return 1;
    a++;
    b++;
  }
}

int lxs_name_match(const char *a, const char *b) {
  if (!*a || !*b) return 0;
  if (strcmp(a, b) == 0 || same_but_spaces(a, b)) return 3;
  const char *la, *lb;
  size_t fa, fb;
  size_t na = key_words(a, &la, &fa), nb = key_words(b, &lb, &fb);
  if (strcmp(la, lb) != 0) return 0;
  if (na == 1 || nb == 1) return 1;
  return fa == fb && memcmp(a, b, fa) == 0 ? 2 : 0;
}

void lxs_name_set_init(lxs_name_set *s) { memset(s, 0, sizeof *s); }

void lxs_name_set_clear(lxs_name_set *s) {
  for (size_t i = 0; i < s->n; i++) free(s->e[i].key);
  s->n = 0;
}

void lxs_name_set_free(lxs_name_set *s) {
  lxs_name_set_clear(s);
  free(s->e);
  memset(s, 0, sizeof *s);
}

void lxs_name_set_add(lxs_name_set *s, const char *name, size_t id) {
  lxs_buf k;
  lxs_buf_init(&k);
  lxs_name_key(name, strlen(name), &k);
  if (k.len) {
    LXS_VEC_GROW(s->e, s->n, s->cap);
    s->e[s->n++] = (lxs_name_entry){lxs_xstrndup(k.data, k.len), id};
  }
  lxs_buf_free(&k);
}

static const char *last_word(const char *key) {
  const char *sp = strrchr(key, ' ');
  return sp ? sp + 1 : key;
}

static int cmp_name_entry(const void *a, const void *b) {
  const lxs_name_entry *x = a, *y = b;
  int d = strcmp(last_word(x->key), last_word(y->key));
  if (!d) d = strcmp(x->key, y->key);
  return d ? d : (x->id > y->id) - (x->id < y->id);
}

void lxs_name_set_finish(lxs_name_set *s, int dedupe) {
  if (s->n) qsort(s->e, s->n, sizeof *s->e, cmp_name_entry);
  if (!dedupe) return;
  size_t k = 0;
  for (size_t i = 0; i < s->n; i++) {
    if (k && strcmp(s->e[k - 1].key, s->e[i].key) == 0) {
      free(s->e[i].key);
      continue;
    }
    s->e[k++] = s->e[i];
  }
  s->n = k;
}

/* The first entry of s whose last word is lw[0..n) (or s->n). */
static size_t last_word_bucket(const lxs_name_set *s, const char *lw, size_t n) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) { /* the first entry whose last word is not below lw */
    size_t mid = lo + (hi - lo) / 2;
    const char *w = last_word(s->e[mid].key);
    int d = strncmp(w, lw, n);
    if (d < 0 || (d == 0 && strlen(w) < n)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int word_is(const char *w, const char *lw, size_t n) {
  return strncmp(w, lw, n) == 0 && w[n] == '\0';
}

/* Scans the entries whose last word is lw[0..n) for the best match. */
static void scan_bucket(const lxs_name_set *s, const char *key, const char *lw, size_t n,
                        const unsigned char *used, int min_level, int *level, long *best) {
  for (size_t i = last_word_bucket(s, lw, n); i < s->n && word_is(last_word(s->e[i].key), lw, n);
       i++) {
    if (used && used[i]) continue;
    int m = lxs_name_match(key, s->e[i].key);
    if (m >= min_level && m > *level) {
      *level = m;
      *best = (long)i;
    }
  }
}

long lxs_name_set_best(const lxs_name_set *s, const char *key, const unsigned char *used,
                       int min_level, int *level) {
  const char *lw = last_word(key);
  long best = -1;
  *level = 0;
  scan_bucket(s, key, lw, strlen(lw), used, min_level, level, &best);
  if (*level == 3 || min_level > 3) return best;
  /* spelled with other spaces: the last word may be the key's last two
   * words joined ("steel workers" / "steelworkers") or a tail of it */
  if (lw > key + 1) {
    char joined[64];
    const char *pw = lw - 1;
    while (pw > key && pw[-1] != ' ') pw--;
    size_t a = (size_t)(lw - 1 - pw), b = strlen(lw);
    if (a + b < sizeof joined) {
      memcpy(joined, pw, a);
      memcpy(joined + a, lw, b + 1);
      scan_bucket(s, key, joined, a + b, used, 3, level, &best);
    }
  }
  for (const char *t = lw + 1; *level < 3 && strlen(t) >= 3; t++)
    scan_bucket(s, key, t, strlen(t), used, 3, level, &best);
  return best;
}

size_t lxs_name_set_pairs(const lxs_name_set *a, const lxs_name_set *b) {
  unsigned char *used_a = lxs_xcalloc(a->n + 1, 1), *used_b = lxs_xcalloc(b->n + 1, 1);
  size_t pairs = 0;
  for (int level = 3; level >= 1; level--)
    for (size_t i = 0; i < a->n; i++) {
      if (used_a[i]) continue;
      int got;
      long j = lxs_name_set_best(b, a->e[i].key, used_b, level, &got);
      if (j < 0 || got != level) continue;
      used_a[i] = used_b[j] = 1;
      pairs++;
    }
  free(used_a);
  free(used_b);
  return pairs;
}

/* ---- display -------------------------------------------------------------- */

static int unsafe_cp(int32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == LXS_REPLACEMENT_CHAR ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void lxs_display_text(const char *s, size_t len, size_t max, lxs_buf *out) {
  size_t i = 0, shown = 0;
  while (i < len) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (shown + m > max) {
      lxs_buf_puts(out, "...");
      return;
    }
    if (unsafe_cp(cp)) lxs_buf_putc(out, '?');
    else lxs_buf_put(out, s + i, m);
    shown += m;
    i += m;
  }
  lxs_buf_cstr(out);
}
