/* lexformat.c - dictionary formats of other tools (LIWC .dic and .dicx,
 * Lexicoder, WordStat, quanteda YAML, VADER), category mapping, LIWC-style
 * per-category counts and lexicon provenance.  See lexformat.h for the
 * format decisions.
 *
 * Every reader turns a line into (term, category, weight), maps the
 * category to (theme, role, weight) and hands it to lxs_lexicon_add_entry,
 * so terms are validated, tokenised and stemmed by the one code path that
 * also loads TSV.  The only files that include csv.h and yaml.h are this
 * one. */
#include "lexformat.h"

#include "escape.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "report.h"
#include "tokenize.h"
#include "utf8.h"

/* ---- small string helpers ------------------------------------------------ */

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int ascii_casecmp(const char *a, const char *b) {
  for (;; a++, b++) {
    int x = lower((unsigned char)*a), y = lower((unsigned char)*b);
    if (x != y || !x) return x - y;
  }
}

/* a[0..n) equals the lower-case b[0..n) without regard to ASCII case. */
static int ascii_prefix(const char *a, size_t n, const char *b) {
  for (size_t i = 0; i < n; i++)
    if (!a[i] || lower((unsigned char)a[i]) != b[i]) return 0;
  return 1;
}

/* s[0..*n) without leading and trailing blanks. */
static const char *trim(const char *s, size_t *n) {
  while (*n && is_blank(*s)) s++, (*n)--;
  while (*n && is_blank(s[*n - 1])) (*n)--;
  return s;
}

/* Strict number: the whole string, finite. */
static int parse_number(const char *s, size_t n, double *out) {
  char buf[64];
  if (n == 0 || n >= sizeof buf) return -1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  char *end;
  errno = 0;
  double v = strtod(buf, &end);
  if (errno || *end || !isfinite(v)) return -1;
  *out = v;
  return 0;
}

static double clamp1(double v) { return v < -1 ? -1 : v > 1 ? 1 : v; }

/* ---- lines ------------------------------------------------------------------ */

/* One physical line; CR, LF and CRLF all end a line, as the tools that write
 * these dictionaries (Windows and classic Mac editors included) do. */
typedef struct {
  const char *p;
  size_t n;
  uint32_t no;
  size_t next; /* offset after the terminator */
} line_t;

static int next_line(const char *data, size_t len, size_t *pos, uint32_t *no, line_t *ln) {
  if (*pos >= len) return 0;
  size_t i = *pos;
  while (i < len && data[i] != '\n' && data[i] != '\r') i++;
  ln->p = data + *pos;
  ln->n = i - *pos;
  ln->no = ++*no;
  if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') i++;
  ln->next = i < len ? i + 1 : len;
  *pos = ln->next;
  return 1;
}

/* ---- category mapping ---------------------------------------------------- */

typedef struct {
  char *cat;
  char *theme; /* NULL: the category is not loaded */
  int pole;    /* +1, -1, or 0 for a target */
} map_item;

struct lxs_mapping {
  map_item *v;
  size_t n, cap;
};

lxs_mapping *lxs_mapping_new(void) { return lxs_xcalloc(1, sizeof(lxs_mapping)); }

void lxs_mapping_free(lxs_mapping *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) {
    free(m->v[i].cat);
    free(m->v[i].theme);
  }
  free(m->v);
  free(m);
}

size_t lxs_mapping_count(const lxs_mapping *m) { return m ? m->n : 0; }

static int valid_theme(const char *s, size_t n) {
  if (n == 0 || !(*s >= 'a' && *s <= 'z')) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
  return 1;
}

/* Parses "theme[:pole]" or "-" into it; returns NULL or a message. */
static const char *parse_target(const char *s, size_t n, map_item *it) {
  s = trim(s, &n);
  it->theme = NULL;
  it->pole = 0;
  if (n == 1 && s[0] == '-') return NULL;
  const char *colon = memchr(s, ':', n);
  size_t tl = colon ? (size_t)(colon - s) : n;
  if (colon) {
    size_t pl = n - tl - 1;
    const char *p = colon + 1;
    if (pl == 1 && p[0] == '+') it->pole = 1;
    else if (pl == 1 && p[0] == '-') it->pole = -1;
    else return "pole must be '+' or '-'";
  }
  if (tl == 0) return "no theme (use CATEGORY=theme[:+|-] or CATEGORY=-)";
  if (!valid_theme(s, tl)) return "invalid theme (use [a-z][a-z0-9_]* or 'sentiment')";
  if (tl == 9 && memcmp(s, "sentiment", 9) == 0 && it->pole == 0)
    return "'sentiment' needs a pole (sentiment:+ or sentiment:-)";
  it->theme = lxs_xstrndup(s, tl);
  return NULL;
}

static void map_push(lxs_mapping *m, const char *cat, size_t cn, const map_item *it) {
  LXS_VEC_GROW(m->v, m->n, m->cap);
  map_item *d = &m->v[m->n++];
  d->cat = lxs_xstrndup(cat, cn);
  d->theme = it->theme;
  d->pole = it->pole;
}

int lxs_mapping_add_spec(lxs_mapping *m, const char *spec, char *err, size_t errlen) {
  const char *eq = strrchr(spec, '=');
  if (!eq) {
    lxs_set_err(err, errlen, "--map '%s': expected CATEGORY=theme[:+|-]", spec);
    return LXS_EINVAL;
  }
  size_t cn = (size_t)(eq - spec);
  const char *cat = trim(spec, &cn);
  if (cn == 0) {
    lxs_set_err(err, errlen, "--map '%s': empty category", spec);
    return LXS_EINVAL;
  }
  map_item it;
  const char *why = parse_target(eq + 1, strlen(eq + 1), &it);
  if (why) {
    lxs_set_err(err, errlen, "--map '%s': %s", spec, why);
    return LXS_EINVAL;
  }
  map_push(m, cat, cn, &it);
  return LXS_OK;
}

int lxs_mapping_load_buffer(lxs_mapping *m, const char *name, const char *data, size_t len,
                            char *err, size_t errlen) {
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (next_line(data, len, &pos, &no, &ln)) {
    size_t n = ln.n;
    const char *s = trim(ln.p, &n);
    if (n == 0 || s[0] == '#') continue;
    if (memchr(s, '\0', n) || lxs_utf8_validate(s, n) < n) {
      lxs_set_err(err, errlen, "%s:%u: invalid UTF-8 or NUL byte", name, ln.no);
      return LXS_EDATA;
    }
    const char *tab = memchr(s, '\t', n);
    if (!tab) {
      lxs_set_err(err, errlen, "%s:%u: expected category<TAB>theme[:+|-]", name, ln.no);
      return LXS_EDATA;
    }
    size_t cn = (size_t)(tab - s);
    const char *cat = trim(s, &cn);
    if (cn == 0) {
      lxs_set_err(err, errlen, "%s:%u: empty category", name, ln.no);
      return LXS_EDATA;
    }
    map_item it;
    /* the target: everything after the tab (blanks around the category
     * are not part of it) */
    const char *why = parse_target(tab + 1, (size_t)(s + n - (tab + 1)), &it);
    if (why) {
      lxs_set_err(err, errlen, "%s:%u: %s", name, ln.no, why);
      return LXS_EDATA;
    }
    map_push(m, cat, cn, &it);
  }
  return LXS_OK;
}

static int read_file(const char *path, lxs_buf *b, char *err, size_t errlen) {
  return lxs_read_file(path, b, err, errlen) ? LXS_EIO : LXS_OK;
}

int lxs_mapping_load_file(lxs_mapping *m, const char *path, char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = read_file(path, &b, err, errlen);
  if (rc == LXS_OK) rc = lxs_mapping_load_buffer(m, path, b.data ? b.data : "", b.len, err, errlen);
  lxs_buf_free(&b);
  return rc;
}

/* The last mapping for a category (case-insensitive), or NULL. */
static const map_item *map_find(const lxs_mapping *m, const char *cat) {
  if (!m || !cat) return NULL;
  for (size_t i = m->n; i-- > 0;)
    if (ascii_casecmp(m->v[i].cat, cat) == 0) return &m->v[i];
  return NULL;
}

/* The last mapping for a LIWC category number ("02" is 2), or NULL. */
static const map_item *map_find_id(const lxs_mapping *m, const char *id) {
  if (!m || !id) return NULL;
  for (size_t i = m->n; i-- > 0;) {
    const char *c = m->v[i].cat;
    while (c[0] == '0' && c[1] >= '0' && c[1] <= '9') c++;
    if (strcmp(c, id) == 0) return &m->v[i];
  }
  return NULL;
}

void lxs_category_theme(const char *category, lxs_buf *out) {
  size_t at = out->len;
  int pending = 0;
  for (const unsigned char *p = (const unsigned char *)category; *p; p++) {
    int c = *p;
    if (c >= 'A' && c <= 'Z') c += 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending && out->len > at) lxs_buf_putc(out, '_');
      pending = 0;
      lxs_buf_putc(out, (char)c);
    } else {
      pending = 1; /* runs of other characters (UTF-8 bytes too) are one '_' */
    }
  }
  size_t n = out->len - at;
  const char *s = out->data ? out->data + at : "";
  if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z') || (n == 9 && memcmp(s, "sentiment", 9) == 0)) {
    /* 'sentiment' is the evaluative lexicon, not a countable theme */
    lxs_buf tmp;
    lxs_buf_init(&tmp);
    lxs_buf_puts(&tmp, "cat_");
    lxs_buf_put(&tmp, s, n);
    out->len = at;
    lxs_buf_put(out, tmp.data, tmp.len);
    lxs_buf_free(&tmp);
  }
  lxs_buf_cstr(out);
}

/* ---- the loading context ------------------------------------------------- */

typedef struct {
  lxs_lexicon *lex;
  const lxs_load_opts *o;
  const char *name;
  const char *format;
  uint32_t src;
  char *err;
  size_t errlen;
  int rc;
  lxs_tokenizer *tok;
  lxs_buf term, theme, tmp; /* scratch: normalised term, theme, messages */
} ld_ctx;

static int ld_fail(ld_ctx *c, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int ld_fail(ld_ctx *c, uint32_t line, const char *fmt, ...) {
  char m[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m, sizeof m, fmt, ap);
  va_end(ap);
  lxs_set_err(c->err, c->errlen, "%s:%u: %s", c->name, line, m);
  c->rc = LXS_EDATA;
  return LXS_EDATA;
}

static void ld_warn(ld_ctx *c, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void ld_warn(ld_ctx *c, uint32_t line, const char *fmt, ...) {
  if (!c->o || !c->o->warn) return;
  char m[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m, sizeof m, fmt, ap);
  va_end(ap);
  c->o->warn(c->o->ud, c->name, line, m);
}

/* An imported weight beyond [-1, 1] is clamped, and said so (a TSV line
 * like it is an error; other tools' weights have other scales).  v is
 * the dictionary's weight w as the mapping scales it. */
static double clamp_said(ld_ctx *c, uint32_t line, double v, double w, const char *category) {
  double clamped = clamp1(v);
  if (clamped == v) return v;
  char as[48] = "";
  if (v != w) snprintf(as, sizeof as, " (%g as mapped)", v);
  ld_warn(c, line, "weight %g of category '%s'%s is outside [-1, 1]; taken as %g", w, category, as,
          clamped);
  return clamped;
}

/* Every line valid UTF-8 without NUL bytes: the readers and libyaml then
 * see clean text, and the error names the line. */
static int check_text(ld_ctx *c, const char *data, size_t len) {
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  while (next_line(data, len, &pos, &no, &ln)) {
    if (memchr(ln.p, '\0', ln.n)) return ld_fail(c, ln.no, "NUL byte in line");
    size_t bad = lxs_utf8_validate(ln.p, ln.n);
    if (bad < ln.n) return ld_fail(c, ln.no, "invalid UTF-8 at byte %zu of the line", bad + 1);
  }
  return LXS_OK;
}

/* Characters a glob prefix can share with a token's normal form. */
static int glob_char_ok(int32_t cp) {
  return lxs_utf8_is_letter(cp) || lxs_utf8_is_digit(cp) || lxs_utf8_is_mark(cp) || cp == '-' ||
         cp == '\'';
}

enum {
  NT_UNDERSCORE = 1, /* '_' separates words (WordStat) */
  NT_LITERAL = 2     /* '*' is no wildcard (VADER's emoticons "*<|:-)") */
};

/* Normalises a dictionary term into c->term: blanks collapsed, lower case.
 * Returns 0, 1 when the entry can never match (warned), or LXS_EDATA. */
static int norm_term(ld_ctx *c, uint32_t line, const char *s, size_t n, int flags) {
  lxs_buf *t = &c->term;
  t->len = 0;
  s = trim(s, &n);
  size_t pos = 0;
  int space = 0;
  while (pos < n) {
    int32_t cp;
    size_t k = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    pos += k;
    if (cp == ' ' || cp == '\t' || ((flags & NT_UNDERSCORE) && cp == '_')) {
      space = 1;
      continue;
    }
    if (space && t->len) lxs_buf_putc(t, ' ');
    space = 0;
    char enc[4];
    lxs_buf_put(t, enc, lxs_utf8_encode(lxs_utf8_tolower(cp), enc));
  }
  lxs_buf_cstr(t);
  if (t->len == 0) return ld_fail(c, line, "empty term");
  /* Word by word: globs must be trailing, other words must tokenise to
   * words only (the matcher never crosses punctuation). */
  const char *p = t->data;
  while (*p) {
    const char *sp = strchr(p, ' ');
    size_t wl = sp ? (size_t)(sp - p) : strlen(p);
    const char *star = (flags & NT_LITERAL) ? NULL : memchr(p, '*', wl);
    if (star && star != p + wl - 1)
      return ld_fail(c, line, "'*' inside a word in '%s' (only a trailing '*' is a wildcard)",
                     t->data);
    if (star) {
      if (wl == 1) return ld_fail(c, line, "a wildcard needs a prefix before '*' in '%s'", t->data);
      for (size_t q = 0; q < wl - 1;) {
        int32_t cp;
        q += lxs_utf8_decode((const unsigned char *)p + q, wl - 1 - q, &cp);
        if (!glob_char_ok(cp)) {
          ld_warn(c, line, "'%s' can never match: the wildcard prefix has punctuation; skipped",
                  t->data);
          return 1;
        }
      }
    } else {
      lxs_tokenize(c->tok, p, wl);
      int bad = c->tok->ntok == 0;
      for (size_t i = 0; i < c->tok->ntok; i++)
        if (c->tok->toks[i].kind != LXS_TOK_WORD) bad = 1;
      if (bad) {
        ld_warn(c, line, "'%s' can never match: text tokens never carry its punctuation; skipped",
                t->data);
        return 1;
      }
    }
    p += wl;
    if (*p == ' ') p++;
  }
  return 0;
}

/* Maps category (and LIWC id) to a theme, role and weight and adds the
 * entry held in c->term.  w: the dictionary's own weight (1 if none). */
static int emit(ld_ctx *c, uint32_t line, const char *category, const char *id, double w) {
  const lxs_mapping *m = c->o ? c->o->map : NULL;
  const map_item *mi = map_find(m, category);
  if (!mi && id) mi = map_find_id(m, id);
  int flip = 0;
  if (!mi && strlen(category) > 4 && ascii_prefix(category, 4, "neg_")) {
    /* Lexicoder's convention (quanteda's LSD2015 keeps it): NEG_POSITIVE
     * holds negated positives, so it reads as the opposite pole of
     * whatever POSITIVE is mapped to. */
    mi = map_find(m, category + 4);
    if (mi && mi->theme) flip = 1;
    else mi = NULL;
  }
  if (mi && !mi->theme) return LXS_OK; /* mapped to '-': not loaded */
  const char *theme, *role;
  double weight;
  c->theme.len = 0;
  if (mi) {
    int pole = flip ? -mi->pole : mi->pole;
    theme = mi->theme;
    if (strcmp(theme, "sentiment") == 0) {
      role = "eval";
      weight = clamp_said(c, line, pole * 0.5 * w, w, category);
    } else if (pole) {
      role = "stance";
      weight = clamp_said(c, line, pole * w, w, category);
    } else {
      role = "target";
      weight = clamp_said(c, line, flip ? -w : w, w, category);
    }
  } else {
    lxs_category_theme(category, &c->theme);
    theme = c->theme.data;
    role = "target";
    weight = clamp_said(c, line, w, w, category);
  }
  char wbuf[40];
  snprintf(wbuf, sizeof wbuf, "%.17g", weight);
  int rc = lxs_lexicon_add_entry(c->lex, c->src, line, c->term.data, theme, role, wbuf, c->err,
                                 c->errlen);
  if (rc) {
    c->rc = rc;
    return rc;
  }
  lxs_lexicon_count_entry(c->lex, c->src);
  if (c->o && c->o->entry) {
    lxs_dict_entry e = {c->src, c->name, line, c->term.data, theme, role, weight, category};
    c->o->entry(c->o->ud, &e);
  }
  return LXS_OK;
}

/* ---- LIWC .dic ------------------------------------------------------------- */

typedef struct {
  char *id; /* leading zeros dropped: LIWC2007 writes "02" for 2 */
  char *name;
  uint32_t line;
} liwc_cat;

static char *liwc_id(const char *s, size_t n) {
  size_t i = 0;
  int digits = n > 0;
  for (size_t k = 0; k < n; k++)
    if (!(s[k] >= '0' && s[k] <= '9')) digits = 0;
  if (digits)
    while (i + 1 < n && s[i] == '0') i++;
  return lxs_xstrndup(s + i, n - i);
}

/* Splits s on blanks; a field that opens '(' runs to its ')' (LIWC2007's
 * "(02 12)/125/464").  Returns the count, or -1 for an unclosed '('. */
typedef struct {
  const char *p;
  size_t n;
} field;

static int split_fields(const char *s, size_t n, field *out, int max) {
  int nf = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && is_blank(s[i])) i++;
    if (i >= n) break;
    size_t st = i;
    int depth = 0;
    while (i < n && (depth > 0 || !is_blank(s[i]))) {
      if (s[i] == '(') depth++;
      else if (s[i] == ')' && depth > 0) depth--;
      i++;
    }
    if (depth > 0) return -1;
    if (nf < max) out[nf] = (field){s + st, i - st};
    nf++;
  }
  return nf;
}

static const liwc_cat *liwc_find(const liwc_cat *cats, size_t ncat, const char *s, size_t n) {
  char *id = liwc_id(s, n);
  const liwc_cat *r = NULL;
  for (size_t i = 0; i < ncat && !r; i++)
    if (strcmp(cats[i].id, id) == 0) r = &cats[i];
  free(id);
  return r;
}

#define MAX_FIELDS 256

static int liwc_entry(ld_ctx *c, const line_t *ln, const char *s, size_t n, const liwc_cat *cats,
                      size_t ncat) {
  field f[MAX_FIELDS];
  const char *term;
  size_t tn;
  int nf, first_id;
  const char *tab = memchr(s, '\t', n);
  if (tab) {
    /* LIWC2015: term<TAB>id<TAB>id...; the term may hold spaces */
    term = s;
    tn = (size_t)(tab - s);
    term = trim(term, &tn);
    nf = split_fields(tab + 1, n - (size_t)(tab + 1 - s), f, MAX_FIELDS);
    first_id = 0;
  } else {
    /* LIWC2007: term id id ...; the ids are the trailing known ids */
    nf = split_fields(s, n, f, MAX_FIELDS);
    term = s;
    tn = 0;
    first_id = nf;
  }
  if (nf < 0) return ld_fail(c, ln->no, "unbalanced '(' in the category ids");
  if (nf > MAX_FIELDS) return ld_fail(c, ln->no, "too many fields (at most %d)", MAX_FIELDS);
  if (!tab) {
    while (first_id > 1 && (f[first_id - 1].p[0] == '(' ||
                            liwc_find(cats, ncat, f[first_id - 1].p, f[first_id - 1].n)))
      first_id--;
    if (nf > 0) {
      term = f[0].p;
      tn = (size_t)(f[first_id - 1].p + f[first_id - 1].n - f[0].p);
    }
  }
  if (tn == 0) return ld_fail(c, ln->no, "line has no term before its category ids");
  c->tmp.len = 0;
  lxs_buf_put(&c->tmp, term, tn);
  lxs_buf_cstr(&c->tmp);
  const liwc_cat *use[MAX_FIELDS];
  int nuse = 0, nconds = 0;
  for (int i = first_id; i < nf; i++) {
    if (f[i].p[0] == '(') {
      /* "(02 134)126/125": a category that depends on the previous word;
       * the matcher has no such context, so the condition is dropped. */
      ld_warn(c, ln->no, "LIWC2007 conditional category '%.*s' of '%s' is not supported; ignored",
              (int)f[i].n, f[i].p, c->tmp.data);
      nconds++;
      continue;
    }
    const liwc_cat *k = liwc_find(cats, ncat, f[i].p, f[i].n);
    if (!k)
      return ld_fail(c, ln->no, "unknown category id '%.*s' for '%s'", (int)f[i].n, f[i].p,
                     c->tmp.data);
    int dup = 0;
    for (int j = 0; j < nuse; j++) dup |= use[j] == k;
    if (!dup) use[nuse++] = k;
  }
  if (nuse == 0 && nconds == 0)
    return ld_fail(c, ln->no, "entry '%s' has no category id", c->tmp.data);
  int r = norm_term(c, ln->no, term, tn, 0);
  if (r) return r == 1 ? LXS_OK : r;
  for (int j = 0; j < nuse; j++)
    if (emit(c, ln->no, use[j]->name, use[j]->id, 1.0)) return c->rc;
  return LXS_OK;
}

static int read_liwc(ld_ctx *c, const char *data, size_t len) {
  liwc_cat *cats = NULL;
  size_t ncat = 0, capcat = 0;
  int state = 0; /* 0: before the block, 1: categories, 2: entries */
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln = {data, 0, 0, 0};
  while (c->rc == LXS_OK && next_line(data, len, &pos, &no, &ln)) {
    size_t n = ln.n;
    const char *s = trim(ln.p, &n);
    if (n == 0) continue;
    int pct = n == 1 && s[0] == '%';
    if (state == 0) {
      if (!pct) ld_fail(c, ln.no, "expected '%%' to open the category block");
      state = 1;
    } else if (state == 1) {
      if (pct) {
        if (ncat == 0) ld_fail(c, ln.no, "the category block defines no category");
        state = 2;
        continue;
      }
      /* "ID<blank>NAME"; indentation (LIWC's nesting) is ignored: each id
       * is its own category. */
      size_t k = 0;
      while (k < n && !is_blank(s[k])) k++;
      size_t nn = n - k;
      const char *name = trim(s + k, &nn);
      char *id = liwc_id(s, k);
      if (nn == 0) {
        ld_fail(c, ln.no, "category '%s' has no name", id);
      } else {
        for (size_t i = 0; i < ncat; i++)
          if (strcmp(cats[i].id, id) == 0) {
            ld_fail(c, ln.no, "category id '%s' is defined twice (first on line %u)", id,
                    cats[i].line);
            break;
          }
      }
      if (c->rc) {
        free(id);
        break;
      }
      LXS_VEC_GROW(cats, ncat, capcat);
      cats[ncat++] = (liwc_cat){id, lxs_xstrndup(name, nn), ln.no};
    } else {
      if (pct) {
        ld_fail(c, ln.no, "unexpected '%%' after the category block");
        break;
      }
      liwc_entry(c, &ln, s, n, cats, ncat);
    }
  }
  if (c->rc == LXS_OK && state == 0)
    ld_fail(c, ln.no ? ln.no : 1, "no '%%' category block (not a LIWC dictionary?)");
  else if (c->rc == LXS_OK && state == 1)
    ld_fail(c, ln.no, "the category block is not closed by '%%'");
  for (size_t i = 0; i < ncat; i++) {
    free(cats[i].id);
    free(cats[i].name);
  }
  free(cats);
  return c->rc;
}

/* ---- LIWC-22 .dicx (CSV, read with libcsv) ---------------------------------- */

typedef struct {
  ld_ctx *c;
  uint32_t cur_line; /* line being fed to the parser */
  uint32_t row_line; /* line on which the row's first field ended */
  lxs_buf cells;     /* NUL-separated fields of the row */
  size_t *off;
  size_t ncell, capcell;
  char **cats;
  size_t ncats;
  int have_header;
} dicx_state;

static void dicx_field(void *s, size_t n, void *ud) {
  dicx_state *d = ud;
  if (d->c->rc) return;
  if (d->ncell == 0) d->row_line = d->cur_line;
  LXS_VEC_GROW(d->off, d->ncell, d->capcell);
  d->off[d->ncell++] = d->cells.len;
  lxs_buf_put(&d->cells, s ? s : "", s ? n : 0);
  lxs_buf_putc(&d->cells, '\0');
}

static const char *cell(const dicx_state *d, size_t i) { return d->cells.data + d->off[i]; }

static int cmp_name_at(const void *a, const void *b) {
  char **x = *(char **const *)a, **y = *(char **const *)b;
  int c = strcmp(*x, *y);
  return c ? c : (x > y) - (x < y); /* equal names: in header order */
}

/* The first name (in order) that repeats an earlier one, or -1: sorted,
 * so 20,000 categories cost n log n, not n^2 comparisons. */
static long first_repeat(char **names, size_t n) {
  if (n < 2) return -1;
  char ***by_name = lxs_xmalloc(n * sizeof *by_name);
  for (size_t i = 0; i < n; i++) by_name[i] = &names[i];
  qsort(by_name, n, sizeof *by_name, cmp_name_at);
  long first = -1;
  for (size_t i = 1; i < n; i++) {
    /* the second of a run of equal names is its first repeat */
    if (strcmp(*by_name[i], *by_name[i - 1]) != 0) continue;
    if (i >= 2 && strcmp(*by_name[i - 1], *by_name[i - 2]) == 0) continue;
    long at = (long)(by_name[i] - names);
    if (first < 0 || at < first) first = at;
  }
  free(by_name);
  return first;
}

static void dicx_row(int end, void *ud) {
  (void)end;
  dicx_state *d = ud;
  ld_ctx *c = d->c;
  if (c->rc || d->ncell == 0) goto reset;
  uint32_t line = d->row_line;
  if (!d->have_header) {
    d->have_header = 1;
    size_t n0 = strlen(cell(d, 0));
    const char *h0 = trim(cell(d, 0), &n0);
    if (!(n0 == 7 && ascii_prefix(h0, 7, "dicterm"))) {
      ld_fail(c, line, "first header cell must be 'DicTerm' (found '%s')", cell(d, 0));
      goto reset;
    }
    if (d->ncell < 2) {
      ld_fail(c, line, "the header names no category");
      goto reset;
    }
    d->cats = lxs_xcalloc(d->ncell, sizeof(char *));
    for (size_t i = 1; i < d->ncell; i++) {
      size_t n = strlen(cell(d, i));
      const char *h = trim(cell(d, i), &n);
      if (n == 0) {
        ld_fail(c, line, "header cell %zu (category name) is empty", i + 1);
        goto reset;
      }
      d->cats[d->ncats++] = lxs_xstrndup(h, n);
    }
    long dup = first_repeat(d->cats, d->ncats);
    if (dup >= 0) ld_fail(c, line, "category '%s' appears twice in the header", d->cats[dup]);
    goto reset;
  }
  if (d->ncell > d->ncats + 1) {
    ld_fail(c, line, "row has %zu cells, the header %zu", d->ncell, d->ncats + 1);
    goto reset;
  }
  size_t tn = strlen(cell(d, 0));
  const char *term = trim(cell(d, 0), &tn);
  if (tn == 0) {
    ld_fail(c, line, "row has no term (DicTerm is empty)");
    goto reset;
  }
  double *w = lxs_xcalloc(d->ncats + 1, sizeof(double));
  int any = 0;
  for (size_t i = 1; i < d->ncell && !c->rc; i++) {
    size_t n = strlen(cell(d, i));
    const char *v = trim(cell(d, i), &n);
    if (n == 0) continue;
    if (n == 1 && (v[0] == 'X' || v[0] == 'x')) w[i] = 1;
    else if (parse_number(v, n, &w[i]))
      ld_fail(c, line, "cell '%.*s' for category '%s' is neither X nor a number", (int)n, v,
              d->cats[i - 1]);
    /* a weight of 0 contributes nothing: the cell is no membership */
    any |= w[i] != 0;
  }
  if (!c->rc && !any) ld_warn(c, line, "'%.*s' belongs to no category; ignored", (int)tn, term);
  if (!c->rc && any) {
    int r = norm_term(c, line, term, tn, 0);
    for (size_t i = 1; r == 0 && i < d->ncell; i++)
      if (w[i] != 0 && emit(c, line, d->cats[i - 1], NULL, w[i])) break;
  }
  free(w);
reset:
  d->ncell = 0;
  d->cells.len = 0;
}

static int read_dicx(ld_ctx *c, const char *data, size_t len) {
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return ld_fail(c, 1, "cannot start the CSV parser");
  dicx_state d;
  memset(&d, 0, sizeof d);
  d.c = c;
  lxs_buf_init(&d.cells);
  /* Fed a line at a time so that errors and rows know their line. */
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  while (c->rc == LXS_OK && next_line(data, len, &pos, &no, &ln)) {
    d.cur_line = ln.no;
    size_t chunk = ln.next - (size_t)(ln.p - data);
    /* the callbacks may have set c->rc: cppcheck does not see it */
    if (csv_parse(&p, ln.p, chunk, dicx_field, dicx_row, &d) != chunk &&
        !c->rc) // cppcheck-suppress knownConditionTrueFalse
      ld_fail(c, ln.no, "malformed CSV: %s", csv_strerror(csv_error(&p)));
  }
  if (c->rc == LXS_OK && csv_fini(&p, dicx_field, dicx_row, &d) != 0 &&
      !c->rc) // cppcheck-suppress knownConditionTrueFalse
    ld_fail(c, no ? no : 1, "malformed CSV: %s (unterminated quoted field?)",
            csv_strerror(csv_error(&p)));
  if (c->rc == LXS_OK && !d.have_header)
    ld_fail(c, 1, "empty file: expected the header 'DicTerm,category,...'");
  csv_free(&p);
  for (size_t i = 0; i < d.ncats; i++) free(d.cats[i]);
  free(d.cats);
  free(d.off);
  lxs_buf_free(&d.cells);
  return c->rc;
}

/* ---- Lexicoder .lc3 / .lcd --------------------------------------------------- */

static int read_lexicoder(ld_ctx *c, const char *data, size_t len) {
  lxs_buf cat;
  lxs_buf_init(&cat);
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  int have = 0;
  while (c->rc == LXS_OK && next_line(data, len, &pos, &no, &ln)) {
    size_t n = ln.n;
    const char *s = trim(ln.p, &n);
    if (n == 0) continue;
    if (s[0] == '+') {
      size_t cn = n - 1;
      const char *name = trim(s + 1, &cn);
      if (cn == 0) {
        ld_fail(c, ln.no, "empty category name after '+'");
        break;
      }
      cat.len = 0;
      lxs_buf_put(&cat, name, cn);
      lxs_buf_cstr(&cat);
      have = 1;
      continue;
    }
    if (!have) {
      ld_fail(c, ln.no, "entry before the first '+category' line");
      break;
    }
    /* A negated entry ("not good*", in NEG_POSITIVE) is a multiword term:
     * the longest match takes both words, so "good*" does not also fire. */
    int r = norm_term(c, ln.no, s, n, 0);
    if (r == 0) emit(c, ln.no, cat.data, NULL, 1.0);
  }
  lxs_buf_free(&cat);
  return c->rc;
}

/* ---- WordStat .cat ------------------------------------------------------------ */

typedef struct {
  const char *p; /* content without indentation */
  size_t n;
  size_t indent; /* columns; a tab advances to the next multiple of 8 */
  uint32_t no;
} ws_line;

static int read_wordstat(ld_ctx *c, const char *data, size_t len) {
  ws_line *lines = NULL;
  size_t nl = 0, capl = 0;
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  while (next_line(data, len, &pos, &no, &ln)) {
    size_t ind = 0, k = 0;
    while (k < ln.n && is_blank(ln.p[k])) {
      ind = ln.p[k] == '\t' ? (ind / 8 + 1) * 8 : ind + 1;
      k++;
    }
    size_t n = ln.n - k;
    const char *s = trim(ln.p + k, &n);
    if (n == 0) continue;
    LXS_VEC_GROW(lines, nl, capl);
    lines[nl++] = (ws_line){s, n, ind, ln.no};
  }
  struct {
    size_t indent;
    size_t at;
  } stack[64]; /* at: path length */
  int depth = 0;
  lxs_buf path;
  lxs_buf_init(&path);
  for (size_t i = 0; i < nl && c->rc == LXS_OK; i++) {
    const ws_line *L = &lines[i];
    while (depth > 0 && stack[depth - 1].indent >= L->indent) depth--;
    path.len = depth > 0 ? stack[depth - 1].at : 0;
    double w = 1;
    size_t tn = L->n;
    int weighted = 0;
    if (L->p[L->n - 1] == ')') {
      const char *open = NULL;
      for (size_t k = L->n - 1; k-- > 0;)
        if (L->p[k] == '(') {
          open = L->p + k;
          break;
        }
      if (open) {
        size_t wn = (size_t)(L->p + L->n - 1 - open - 1);
        const char *ws = trim(open + 1, &wn);
        if (parse_number(ws, wn, &w)) {
          ld_fail(c, L->no, "weight '(%.*s)' is not a number", (int)wn, ws);
          break;
        }
        tn = (size_t)(open - L->p);
        trim(L->p, &tn);
        if (tn == 0) {
          ld_fail(c, L->no, "entry has no word before its weight");
          break;
        }
        weighted = 1;
      }
    }
    /* A name without a weight heads a category when the next line is
     * indented deeper; otherwise it is an entry of weight 1. */
    int is_cat = !weighted && i + 1 < nl && lines[i + 1].indent > L->indent;
    if (is_cat) {
      if (depth == (int)(sizeof stack / sizeof *stack)) {
        ld_fail(c, L->no, "categories nested too deeply");
        break;
      }
      if (path.len) lxs_buf_putc(&path, '.');
      lxs_buf_put(&path, L->p, L->n);
      stack[depth].indent = L->indent;
      stack[depth].at = path.len;
      depth++;
      continue;
    }
    if (depth == 0) {
      ld_fail(c, L->no, "entry '%.*s' is outside any category", (int)tn, L->p);
      break;
    }
    lxs_buf_cstr(&path);
    if (norm_term(c, L->no, L->p, tn, NT_UNDERSCORE) == 0) emit(c, L->no, path.data, NULL, w);
  }
  lxs_buf_free(&path);
  free(lines);
  return c->rc;
}

/* ---- quanteda YAML (libyaml events) -------------------------------------------- */

typedef struct {
  int seq;         /* 1: list of entries, 0: mapping of categories */
  size_t path_len; /* category path length for this level */
  int want_key;    /* mapping: the next scalar is a key */
  lxs_buf keys;    /* mapping: keys seen, NUL-separated */
  uint32_t line;
  int count; /* list: entries so far */
} y_frame;

static int y_key_seen(const lxs_buf *keys, const char *k) {
  for (size_t i = 0; i < keys->len;) {
    const char *s = keys->data + i;
    if (strcmp(s, k) == 0) return 1;
    i += strlen(s) + 1;
  }
  return 0;
}

static int read_yaml(ld_ctx *c, const char *data, size_t len) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return ld_fail(c, 1, "cannot start the YAML parser");
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  y_frame st[32];
  int depth = 0, docs = 0, done = 0;
  lxs_buf path;
  lxs_buf_init(&path);
  while (!done && c->rc == LXS_OK) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      ld_fail(c, (uint32_t)parser.problem_mark.line + 1, "YAML: %s%s%s",
              parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
              parser.context ? parser.context : "");
      break;
    }
    uint32_t line = (uint32_t)ev.start_mark.line + 1;
    y_frame *top = depth ? &st[depth - 1] : NULL;
    switch (ev.type) {
    case YAML_STREAM_END_EVENT: done = 1; break;
    case YAML_DOCUMENT_START_EVENT:
      if (++docs > 1) ld_fail(c, line, "more than one YAML document");
      break;
    case YAML_ALIAS_EVENT:
      ld_fail(c, line, "YAML aliases are not supported in a dictionary");
      break;
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT: {
      int seq = ev.type == YAML_SEQUENCE_START_EVENT;
      if (!top) {
        if (seq) ld_fail(c, line, "a dictionary is a mapping of categories, not a list");
      } else if (top->seq) {
        ld_fail(c, line, "a list of entries cannot hold a %s", seq ? "list" : "mapping");
      } else if (top->want_key) {
        ld_fail(c, line, "a category name must be a plain string");
      }
      if (c->rc) break;
      if (depth == (int)(sizeof st / sizeof *st)) {
        ld_fail(c, line, "categories nested too deeply");
        break;
      }
      if (top) top->want_key = 1;
      y_frame *f = &st[depth++];
      memset(f, 0, sizeof *f);
      f->seq = seq;
      f->want_key = 1;
      f->path_len = path.len; /* the path of its key */
      f->line = line;
      lxs_buf_init(&f->keys);
      break;
    }
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT: {
      if (depth == 0) break; /* libyaml balances them; never trust it blindly */
      y_frame *f = &st[--depth];
      if (f->seq && f->count == 0)
        ld_warn(c, f->line, "category '%s' has no entries", lxs_buf_cstr(&path));
      lxs_buf_free(&f->keys);
      path.len = depth ? st[depth - 1].path_len : 0; /* the parent's path */
      break;
    }
    case YAML_SCALAR_EVENT: {
      const char *v = (const char *)ev.data.scalar.value;
      size_t n = ev.data.scalar.length;
      if (!top) {
        ld_fail(c, line, "a dictionary is a mapping of categories, not a single value");
        break;
      }
      if (top->seq) {
        top->count++;
        if (n == 0 || memchr(v, '\0', n)) {
          ld_fail(c, line, "empty entry in category '%s'", lxs_buf_cstr(&path));
          break;
        }
        if (norm_term(c, line, v, n, 0) == 0) emit(c, line, path.data, NULL, 1.0);
        break;
      }
      if (top->want_key) {
        size_t kn = n;
        const char *k = trim(v, &kn);
        if (kn == 0 || memchr(v, '\0', n)) {
          ld_fail(c, line, "empty category name");
          break;
        }
        char *key = lxs_xstrndup(k, kn);
        if (y_key_seen(&top->keys, key)) ld_fail(c, line, "duplicate category '%s'", key);
        lxs_buf_put(&top->keys, key, kn + 1);
        path.len = top->path_len;
        if (path.len) lxs_buf_putc(&path, '.');
        lxs_buf_put(&path, key, kn);
        lxs_buf_cstr(&path);
        free(key);
        top->want_key = 0;
        break; /* a list or mapping value starts its frame at this path */
      }
      /* "key: word" is a category of one entry; "key:" or "key: ~" none */
      top->want_key = 1;
      int null = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                 (n == 0 || (n == 1 && v[0] == '~') ||
                  (n == 4 && (memcmp(v, "null", 4) == 0 || memcmp(v, "Null", 4) == 0 ||
                              memcmp(v, "NULL", 4) == 0)));
      if (null) {
        ld_warn(c, line, "category '%s' has no entries", lxs_buf_cstr(&path));
      } else {
        if (norm_term(c, line, v, n, 0) == 0) emit(c, line, path.data, NULL, 1.0);
      }
      path.len = top->path_len;
      break;
    }
    default: break;
    }
    yaml_event_delete(&ev);
  }
  while (depth > 0) lxs_buf_free(&st[--depth].keys);
  if (c->rc == LXS_OK && docs == 0)
    ld_fail(c, 1, "empty YAML file: expected a mapping of categories");
  lxs_buf_free(&path);
  yaml_parser_delete(&parser);
  return c->rc;
}

/* ---- VADER ------------------------------------------------------------------- */

static int read_vader(ld_ctx *c, const char *data, size_t len) {
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  while (c->rc == LXS_OK && next_line(data, len, &pos, &no, &ln)) {
    size_t n = ln.n;
    trim(ln.p, &n);
    if (n == 0) continue;
    const char *tab = memchr(ln.p, '\t', ln.n);
    if (!tab) {
      ld_fail(c, ln.no, "expected token<TAB>mean");
      break;
    }
    size_t tn = (size_t)(tab - ln.p);
    const char *tok = trim(ln.p, &tn);
    if (tn == 0) {
      ld_fail(c, ln.no, "empty token");
      break;
    }
    const char *m = tab + 1;
    const char *mend = memchr(m, '\t', ln.n - (size_t)(m - ln.p));
    size_t mn = mend ? (size_t)(mend - m) : ln.n - (size_t)(m - ln.p);
    m = trim(m, &mn);
    double mean;
    if (parse_number(m, mn, &mean)) {
      ld_fail(c, ln.no, "mean '%.*s' is not a number", (int)mn, m);
      break;
    }
    if (norm_term(c, ln.no, tok, tn, NT_LITERAL)) continue;
    /* VADER valences run from -4 to +4; ours from -1 to 1.  A later line
     * for the same token overrides the earlier one, as in VADER's dict. */
    char wbuf[40];
    if (mean < -4 || mean > 4)
      ld_warn(c, ln.no, "mean %g is outside VADER's [-4, 4]; taken as %g", mean,
              mean < 0 ? -4.0 : 4.0);
    double w = clamp1(mean / 4.0);
    snprintf(wbuf, sizeof wbuf, "%.17g", w);
    if (lxs_lexicon_add_entry(c->lex, c->src, ln.no, c->term.data, "sentiment", "eval", wbuf,
                              c->err, c->errlen)) {
      c->rc = LXS_EDATA;
      break;
    }
    lxs_lexicon_count_entry(c->lex, c->src);
    if (c->o && c->o->entry) {
      lxs_dict_entry e = {c->src, c->name, ln.no, c->term.data, "sentiment", "eval", w, NULL};
      c->o->entry(c->o->ud, &e);
    }
  }
  return c->rc;
}

/* ---- TSV (our own) -------------------------------------------------------------- */

/* The TSV loader validated every line; replay the accepted ones for the
 * entry callback. */
static void replay_tsv(ld_ctx *c, const char *data, size_t len) {
  size_t pos = 0;
  uint32_t no = 0;
  line_t ln;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  /* lxs_lexicon_load_buffer splits on LF only; a lone CR stays in a line */
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    ln.p = data + pos;
    ln.n = end - pos;
    ln.no = ++no;
    pos = nl ? end + 1 : len;
    if (ln.n && ln.p[ln.n - 1] == '\r') ln.n--;
    size_t k = 0;
    while (k < ln.n && is_blank(ln.p[k])) k++;
    if (k == ln.n || ln.p[k] == '#') continue;
    c->tmp.len = 0;
    lxs_buf_put(&c->tmp, ln.p, ln.n);
    lxs_buf_cstr(&c->tmp);
    char *f[5] = {0};
    int nf = 0;
    char *q = c->tmp.data;
    while (nf < 5) {
      f[nf++] = q;
      char *tab = strchr(q, '\t');
      if (!tab) break;
      *tab = '\0';
      q = tab + 1;
    }
    if (nf < 4) continue;
    lxs_dict_entry e = {c->src, c->name, ln.no, f[0], f[1], f[2], strtod(f[3], NULL), NULL};
    c->o->entry(c->o->ud, &e);
  }
}

/* ---- dispatch -------------------------------------------------------------------- */

static const struct {
  const char *alias, *name;
} kFormats[] = {{"tsv", "tsv"},       {"liwc", "liwc"},     {"dic", "liwc"},
                {"dicx", "dicx"},     {"liwc22", "dicx"},   {"lexicoder", "lexicoder"},
                {"lc3", "lexicoder"}, {"lcd", "lexicoder"}, {"wordstat", "wordstat"},
                {"cat", "wordstat"},  {"yaml", "yaml"},     {"yml", "yaml"},
                {"quanteda", "yaml"}, {"vader", "vader"},   {NULL, NULL}};

const char *lxs_lexformat_canonical(const char *name) {
  if (!name) return NULL;
  for (int i = 0; kFormats[i].alias; i++)
    if (ascii_casecmp(kFormats[i].alias, name) == 0) return kFormats[i].name;
  return NULL;
}

const char *lxs_lexformat_names(void) {
  return "tsv, liwc, dicx, lexicoder, wordstat, yaml, vader";
}

const char *lxs_lexformat_guess(const char *path) {
  static const struct {
    const char *ext, *name;
  } kExt[] = {{"dic", "liwc"},     {"dicx", "dicx"}, {"lc3", "lexicoder"}, {"lcd", "lexicoder"},
              {"cat", "wordstat"}, {"yml", "yaml"},  {"yaml", "yaml"},     {NULL, NULL}};
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return "tsv";
  for (int i = 0; kExt[i].ext; i++)
    if (ascii_casecmp(dot + 1, kExt[i].ext) == 0) return kExt[i].name;
  if (ascii_casecmp(dot + 1, "txt") == 0) {
    /* VADER ships as vader_lexicon.txt; other .txt files stay TSV */
    for (const char *p = base; p < dot; p++)
      if (ascii_prefix(p, 5, "vader")) return "vader";
  }
  return "tsv";
}

int lxs_lexicon_load_any_buffer(lxs_lexicon *lex, const char *name, const char *data, size_t len,
                                const lxs_load_opts *opts, char *err, size_t errlen) {
  const char *fmt = opts && opts->format ? lxs_lexformat_canonical(opts->format)
                                         : lxs_lexformat_guess(name);
  if (!fmt) {
    lxs_set_err(err, errlen, "unknown lexicon format '%s' (%s)", opts->format,
                lxs_lexformat_names());
    return LXS_EINVAL;
  }
  ld_ctx c;
  memset(&c, 0, sizeof c);
  c.lex = lex;
  c.o = opts;
  c.name = name;
  c.format = fmt;
  c.err = err;
  c.errlen = errlen;
  if (strcmp(fmt, "tsv") == 0) {
    int rc = lxs_lexicon_load_buffer(lex, name, data, len, err, errlen);
    if (rc == LXS_OK && opts && opts->entry) {
      c.src = (uint32_t)lxs_lexicon_source_count(lex) - 1;
      lxs_buf_init(&c.tmp);
      replay_tsv(&c, data, len);
      lxs_buf_free(&c.tmp);
    }
    return rc;
  }
  c.src = lxs_lexicon_begin_source(lex, name, fmt, data, len);
  c.tok = lxs_tokenizer_new();
  lxs_buf_init(&c.term);
  lxs_buf_init(&c.theme);
  lxs_buf_init(&c.tmp);
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3; /* a byte-order mark, as Windows tools write */
    len -= 3;
  }
  if (check_text(&c, data, len) == LXS_OK) {
    if (strcmp(fmt, "liwc") == 0) read_liwc(&c, data, len);
    else if (strcmp(fmt, "dicx") == 0) read_dicx(&c, data, len);
    else if (strcmp(fmt, "lexicoder") == 0) read_lexicoder(&c, data, len);
    else if (strcmp(fmt, "wordstat") == 0) read_wordstat(&c, data, len);
    else if (strcmp(fmt, "yaml") == 0) read_yaml(&c, data, len);
    else read_vader(&c, data, len);
  }
  lxs_tokenizer_free(c.tok);
  lxs_buf_free(&c.term);
  lxs_buf_free(&c.theme);
  lxs_buf_free(&c.tmp);
  return c.rc;
}

int lxs_lexicon_load_any_ex(lxs_lexicon *lex, const char *path, const lxs_load_opts *opts,
                            char *err, size_t errlen) {
  if (opts && opts->format && !lxs_lexformat_canonical(opts->format)) {
    lxs_set_err(err, errlen, "unknown lexicon format '%s' (%s)", opts->format,
                lxs_lexformat_names());
    return LXS_EINVAL;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = read_file(path, &b, err, errlen);
  if (rc == LXS_OK)
    rc = lxs_lexicon_load_any_buffer(lex, path, b.data ? b.data : "", b.len, opts, err, errlen);
  lxs_buf_free(&b);
  return rc;
}

/* ---- reports ----------------------------------------------------------------------- */

void lxs_categories_csv(lxs_buf *out, const lxs_lexicon *lex, const lxs_result *r, const char *doc,
                        int header) {
  if (header) lxs_buf_puts(out, "doc,speaker,category,count,percent\r\n");
  size_t nth = r->n_themes;
  uint64_t *count = lxs_xcalloc(nth + 1, sizeof *count);
  for (size_t sp = 0; sp < r->n_speakers; sp++) {
    /* LIWC counts the words a person writes: the speaker's own sentences,
     * reported views included, header lines not. */
    uint64_t tokens = 0;
    memset(count, 0, (nth + 1) * sizeof *count);
    for (size_t s = 0; s < r->n_sentences; s++) {
      const lxs_sentence *se = &r->sentences[s];
      if (se->speaker != sp || (se->flags & LXS_SENTENCE_HEADER)) continue;
      tokens += se->tokens;
      for (size_t t = 0; t < nth; t++) count[t] += r->scores[s * nth + t].mentions;
    }
    if (tokens == 0) continue;
    for (size_t t = 0; t < nth; t++) {
      lxs_csv_str(out, doc);
      lxs_buf_putc(out, ',');
      lxs_csv_str(out, r->speakers[sp].name);
      lxs_buf_putc(out, ',');
      lxs_csv_str(out, lxs_lexicon_theme_name(lex, t));
      lxs_buf_printf(out, ",%llu,", (unsigned long long)count[t]);
      lxs_fmt_num(out, 100.0 * (double)count[t] / (double)tokens);
      lxs_buf_puts(out, "\r\n");
    }
  }
  free(count);
}

void lxs_provenance_csv(lxs_buf *out, const lxs_lexicon *lex) {
  lxs_buf_puts(out, "name,format,entries,sha256\r\n");
  for (size_t i = 0; i < lxs_lexicon_source_count(lex); i++) {
    const lxs_source *s = lxs_lexicon_source(lex, i);
    lxs_csv_str(out, s->name);
    lxs_buf_putc(out, ',');
    lxs_csv_str(out, s->format);
    lxs_buf_printf(out, ",%zu,%s\r\n", s->entries, s->sha256);
  }
}

/* Text that cannot end or break the comment: no "--", no line breaks. */

void lxs_provenance_md(lxs_buf *out, const lxs_lexicon *lex) {
  lxs_buf_puts(out, "<!-- lexicons:\n");
  for (size_t i = 0; i < lxs_lexicon_source_count(lex); i++) {
    const lxs_source *s = lxs_lexicon_source(lex, i);
    lxs_buf_puts(out, "  ");
    lxs_html_comment_text(out, s->name, strlen(s->name));
    lxs_buf_puts(out, " (");
    lxs_html_comment_text(out, s->format, strlen(s->format));
    lxs_buf_printf(out, ", %zu entries, sha256 %s)\n", s->entries, s->sha256);
  }
  lxs_buf_puts(out, "-->\n");
}
