/* names.c - canonical personal names ("Dr. Peter T.C. Chang" -> "Peter T C
 * Chang") and the speaker registry every attribution interns its names
 * in (segment.h). */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

typedef struct {
  const char *p;
  size_t n;
} wref;

static int ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Dotted initials "T.C." / "T." / "T.C" */
static int dotted_initials(const char *p, size_t n) {
  if (n < 2) return 0;
  int letters = 0;
  for (size_t i = 0; i < n;) {
    if (!ascii_upper((unsigned char)p[i])) return 0;
    letters++;
    i++;
    if (i < n) {
      if (p[i] != '.') return 0;
      i++;
    }
  }
  return letters >= 1 && memchr(p, '.', n) != NULL;
}

static int word_all_caps(const char *p, size_t n, int *letters) {
  int up = 0, lo = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (ascii_upper(c)) up++;
    else if (ascii_lower(c) || c >= 0x80) lo++;
  }
  *letters = up + lo;
  return up >= 1 && lo == 0;
}

size_t lxs_canonical_name(const char *s, size_t len, lxs_buf *out) {
  size_t at = out->len;
  wref w[40];
  size_t nw = 0;
  size_t pos = 0;
  /* split on Unicode space */
  while (pos < len && nw < 40) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (lxs_utf8_is_space(cp) || cp == 0) {
      pos += m;
      continue;
    }
    size_t st = pos;
    while (pos < len) {
      m = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
      if (lxs_utf8_is_space(cp) || cp == 0) break;
      pos += m;
    }
    size_t en = pos;
    while (en > st && (s[en - 1] == ',' || s[en - 1] == ';' || s[en - 1] == ':')) en--;
    if (en > st) w[nw++] = (wref){s + st, en - st};
  }
  /* possessive on the last word */
  if (nw) {
    wref *l = &w[nw - 1];
    if (l->n > 2 && (l->p[l->n - 1] == 's' || l->p[l->n - 1] == 'S') && l->p[l->n - 2] == '\'')
      l->n -= 2;
    else if (l->n > 4 && (l->p[l->n - 1] == 's') && memcmp(l->p + l->n - 4, "\xE2\x80\x99", 3) == 0)
      l->n -= 4;
    else if (l->n > 1 && l->p[l->n - 1] == '\'') l->n -= 1;
    else if (l->n > 3 && memcmp(l->p + l->n - 3, "\xE2\x80\x99", 3) == 0) l->n -= 3;
  }
  /* leading titles: strip through the last title/role word of a leading
   * run of title, role, office-adjective, nationality and place words. */
  size_t first = 0, cut = 0;
  for (size_t i = 0; i + 1 < nw; i++) {
    size_t n = w[i].n;
    if (n && w[i].p[n - 1] == '.') n--;
    lxs_wbits c = lxs_wclass(w[i].p, n);
    if (c & W_TITLE) cut = i + 1;
    else if (!(c & (W_ROLEADJ | W_NATION | W_PLACE | W_ORG | W_DET | W_STOP))) break;
  }
  first = cut;
  /* post-nominals */
  while (nw > first + 1) {
    wref *l = &w[nw - 1];
    size_t n = l->n;
    if (n && l->p[n - 1] == '.') n--;
    if (!(lxs_wclass(l->p, n) & W_POSTNOM)) break;
    nw--;
  }
  /* all-capitals name? */
  int mixed = 0, caps_words = 0;
  for (size_t i = first; i < nw; i++) {
    int letters;
    int ac = word_all_caps(w[i].p, w[i].n, &letters);
    if (!ac && letters) mixed = 1;
    if (ac && letters >= 2 && !dotted_initials(w[i].p, w[i].n)) caps_words++;
  }
  int all_caps = !mixed && caps_words > 0 && (nw - first > 1 || (w[first].n >= 5));
  int emitted = 0;
  for (size_t i = first; i < nw; i++) {
    const char *p = w[i].p;
    size_t n = w[i].n;
    int letters;
    int ac = word_all_caps(p, n, &letters);
    if (dotted_initials(p, n) || (n == 2 && ascii_upper((unsigned char)p[0]) && p[1] == '.')) {
      for (size_t k = 0; k < n; k++)
        if (p[k] != '.') {
          if (emitted) lxs_buf_putc(out, ' ');
          lxs_buf_putc(out, p[k]);
          emitted = 1;
        }
      continue;
    }
    if (!all_caps && ac && letters >= 2 && letters <= 3 && n == (size_t)letters && i > first &&
        i + 1 < nw) {
      /* middle "TC" -> "T C" */
      for (size_t k = 0; k < n; k++) {
        if (emitted) lxs_buf_putc(out, ' ');
        lxs_buf_putc(out, p[k]);
        emitted = 1;
      }
      continue;
    }
    if (emitted) lxs_buf_putc(out, ' ');
    emitted = 1;
    if (all_caps && letters >= 2) {
      int start = 1;
      for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)p[k];
        if (ascii_upper(c) && !start) c = (unsigned char)(c + 32);
        lxs_buf_putc(out, (char)c);
        start = (c == '-' || c == '\'');
      }
      continue;
    }
    /* "Jr." -> "Jr" (a lone initial "T." was handled above) */
    if (n > 1 && p[n - 1] == '.' && (lxs_wclass(p, n - 1) & W_SUFFIX)) n--;
    lxs_buf_put(out, p, n);
  }
  lxs_buf_putc(out, '\0');
  out->len--;
  return out->len - at;
}

/* Is s[0..n) printable ASCII with single spaces between words, and so
 * its own clean copy (most names)? */
static int clean_already(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' ? i == 0 || i + 1 == n || s[i + 1] == ' ' : ch < 0x21 || ch > 0x7F) return 0;
  }
  return 1;
}

/* Copy text collapsing any run of Unicode space to one ASCII space. */
char *lxs_clean_copy(const char *s, size_t n) {
  if (clean_already(s, n)) return lxs_xstrndup(s, n);
  lxs_buf b;
  lxs_buf_init(&b);
  size_t pos = 0;
  int space = 0;
  while (pos < n) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (lxs_utf8_is_space(cp) || cp == 0) {
      space = 1;
    } else {
      if (space && b.len) lxs_buf_putc(&b, ' ');
      space = 0;
      if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(&b, "\xEF\xBF\xBD", 3);
      else lxs_buf_put(&b, s + pos, m);
    }
    pos += m;
  }
  char *r = lxs_xstrndup(b.data ? b.data : "", b.len);
  lxs_buf_free(&b);
  return r;
}

void lxs_speakers_init(lxs_speakers *sp) {
  memset(sp, 0, sizeof *sp);
  lxs_strmap_init(&sp->index);
  lxs_speakers_intern(sp, "author", 6, "", 0);
}

void lxs_speakers_clear(lxs_speakers *sp) {
  for (size_t i = 1; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  if (sp->n > 1) {
    sp->n = 1;
    lxs_strmap_clear(&sp->index);
    lxs_strmap_put(&sp->index, sp->names[0], strlen(sp->names[0]), 0, 0);
  }
  if (sp->n == 1 && sp->descs[0][0]) {
    free(sp->descs[0]);
    sp->descs[0] = lxs_xstrndup("", 0);
  }
}

void lxs_speakers_free(lxs_speakers *sp) {
  for (size_t i = 0; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  free(sp->names);
  free(sp->descs);
  lxs_strmap_free(&sp->index);
  memset(sp, 0, sizeof *sp);
}

static uint32_t intern(lxs_speakers *sp, const char *name, size_t nlen, const char *desc,
                       size_t dlen, int canonical) {
  lxs_buf b;
  lxs_buf_init(&b);
  if (canonical) {
    lxs_canonical_name(name, nlen, &b);
  } else {
    char *s = lxs_clean_copy(name, nlen);
    lxs_buf_puts(&b, s);
    free(s);
  }
  if (b.len == 0) lxs_buf_put(&b, "author", 6);
  size_t kn = b.len;
  int found = lxs_strmap_get(&sp->index, b.data, kn);
  if (found >= 0) {
    size_t i = (size_t)found;
    lxs_buf_free(&b);
    if (!sp->descs[i][0] && dlen) {
      char *d = lxs_clean_copy(desc, dlen);
      if (d[0]) {
        free(sp->descs[i]);
        sp->descs[i] = d;
      } else {
        free(d);
      }
    }
    return (uint32_t)i;
  }
  if (sp->n == sp->cap) {
    sp->cap = sp->cap ? sp->cap * 2 : 8;
    sp->names = lxs_xrealloc(sp->names, sp->cap * sizeof(char *));
    sp->descs = lxs_xrealloc(sp->descs, sp->cap * sizeof(char *));
  }
  sp->names[sp->n] = lxs_xstrndup(b.data, kn);
  sp->descs[sp->n] = lxs_clean_copy(desc, dlen);
  lxs_strmap_put(&sp->index, sp->names[sp->n], kn, (int)sp->n, 0);
  lxs_buf_free(&b);
  return (uint32_t)sp->n++;
}

uint32_t lxs_speakers_intern(lxs_speakers *sp, const char *name, size_t nlen, const char *desc,
                             size_t dlen) {
  return intern(sp, name, nlen, desc, dlen, 1);
}

uint32_t lxs_speakers_intern_as_is(lxs_speakers *sp, const char *name, size_t nlen,
                                   const char *desc, size_t dlen) {
  return intern(sp, name, nlen, desc, dlen, 0);
}
