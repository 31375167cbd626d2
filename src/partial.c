/* partial.c - writing and reading partial results (see partial.h for the
 * format).  The reader trusts nothing: a partial may come from another
 * machine, a cut-short pipe or a hand edit. */
#define _POSIX_C_SOURCE 200809L
#include "aggregate.h"
#include "partial.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void put_clean(lxs_buf *b, const char *s) {
  for (; *s; s++) lxs_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

void lxs_partial_header(lxs_buf *b, const lxs_lexicon *lex) {
  lxs_buf_puts(b, "#lexstance-partial 1\n#themes");
  for (size_t t = 0; t < lxs_lexicon_theme_count(lex); t++) {
    lxs_buf_putc(b, '\t');
    lxs_buf_puts(b, lxs_lexicon_theme_name(lex, t));
  }
  lxs_buf_putc(b, '\n');
}

void lxs_partial_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                      const char *speaker_override, const lxs_result *res) {
  size_t nth = lxs_lexicon_theme_count(lex);
  lxs_agg *aggs = lxs_xcalloc(res->n_speakers + 1, sizeof *aggs);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg_init(&aggs[sp], nth);
    aggs[sp].keep_samples = 1; /* for the sum of squares */
  }
  lxs_agg_sum_speakers(aggs, res);
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg a = aggs[sp];
    if (a.sentences || a.tokens) {
      lxs_buf_puts(b, "U\t");
      put_clean(b, speaker_override ? speaker_override : res->speakers[sp].name);
      lxs_buf_putc(b, '\t');
      put_clean(b, doc);
      lxs_buf_printf(b, "\t%zu\t%zu\t%.17g\t%zu", a.tokens, a.sentences, a.sentiment_sum,
                     a.sentiment_n);
      for (size_t t = 0; t < nth; t++) {
        double sq = 0;
        for (size_t i = 0; i < a.n_samples; i++) {
          double v = a.s_stance_sum[i * nth + t];
          sq += v * v;
        }
        lxs_buf_printf(b, "\t%u\t%.17g\t%.17g\t%u", a.mentions[t], a.stance_sum[t], sq,
                       a.stance_n[t]);
      }
      lxs_buf_putc(b, '\n');
    }
    lxs_agg_clear(&aggs[sp]);
  }
  free(aggs);
}

/* ---- reading ------------------------------------------------------------- */

struct lxs_partial_reader {
  char **themes;
  size_t n_themes;
  int have_themes;
  lxs_buf themes_line;           /* the first "#themes..." line read */
  uint32_t *mentions, *stance_n; /* scratch for checking records */
  double *stance_sum, *stance_sumsq;
};

lxs_partial_reader *lxs_partial_reader_new(void) {
  return lxs_xcalloc(1, sizeof(lxs_partial_reader));
}

void lxs_partial_reader_free(lxs_partial_reader *r) {
  if (!r) return;
  for (size_t t = 0; t < r->n_themes; t++) free(r->themes[t]);
  free(r->themes);
  lxs_buf_free(&r->themes_line);
  free(r->mentions);
  free(r->stance_n);
  free(r->stance_sum);
  free(r->stance_sumsq);
  free(r);
}

size_t lxs_partial_theme_count(const lxs_partial_reader *r) { return r->n_themes; }
const char *lxs_partial_theme(const lxs_partial_reader *r, size_t t) {
  return t < r->n_themes ? r->themes[t] : NULL;
}
lxs_themes lxs_partial_themes(const lxs_partial_reader *r) {
  return (lxs_themes){(const char *const *)r->themes, r->n_themes};
}

/* A field of a record line: [s, s + n). */
typedef struct {
  const char *s;
  size_t n;
} pfield;

static int parse_count(pfield f, const char *what, const char *theme, uint32_t *out, char *err,
                       size_t errlen) {
  uint64_t v = 0;
  int ok = f.n > 0 && f.n <= 10;
  for (size_t i = 0; ok && i < f.n; i++) {
    if (f.s[i] < '0' || f.s[i] > '9') ok = 0;
    else v = v * 10 + (uint64_t)(f.s[i] - '0');
  }
  if (!ok || v > LXS_PARTIAL_COUNT_MAX) {
    lxs_set_err(err, errlen, "%s%s%s '%.*s' is not a whole number from 0 to %u", theme ? theme : "",
                theme ? " " : "", what, (int)(f.n > 40 ? 40 : f.n), f.s, LXS_PARTIAL_COUNT_MAX);
    return -1;
  }
  *out = (uint32_t)v;
  return 0;
}

/* A decimal number as %.17g writes it: [-]digits[.digits][e[+-]digits].
 * No blanks, hex, inf or nan, which strtod alone would take. */
static int number_syntax(const char *s, size_t n) {
  size_t i = 0, d = 0;
  if (i < n && s[i] == '-') i++;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++, d++;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, d++;
  }
  if (d == 0) return 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t e = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, e++;
    if (e == 0) return 0;
  }
  return i == n;
}

/* A sum of `count` values in [-1, 1] (sentence stances or sentiments, or
 * their squares when nonneg): finite and within [-count, count]. */
static int parse_sum(pfield f, const char *what, const char *theme, uint32_t count, int nonneg,
                     double *out, char *err, size_t errlen) {
  char tmp[64];
  double v = 0;
  int ok = f.n < sizeof tmp && number_syntax(f.s, f.n);
  if (ok) {
    memcpy(tmp, f.s, f.n);
    tmp[f.n] = '\0';
    v = strtod(tmp, NULL);
    ok = isfinite(v);
  }
  const char *sp = theme ? " " : "";
  if (!ok) {
    lxs_set_err(err, errlen, "%s%s%s '%.*s' is not a finite number", theme ? theme : "", sp, what,
                (int)(f.n > 40 ? 40 : f.n), f.s);
    return -1;
  }
  if (fabs(v) > (double)count || (nonneg && v < 0)) {
    lxs_set_err(err, errlen, "%s%s%s %s is out of range for %u sentence%s", theme ? theme : "", sp,
                what, tmp, count, count == 1 ? "" : "s");
    return -1;
  }
  *out = v;
  return 0;
}

#define PFIELDS_FIXED 7
#define PFIELDS_THEME 4

static int split_record(const char *line, size_t len, pfield *fl, size_t want) {
  size_t nf = 0, start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && line[i] != '\t') continue;
    if (nf < want) fl[nf] = (pfield){line + start, i - start};
    nf++;
    start = i + 1;
  }
  return nf == want ? 0 : -1;
}

static int parse_theme_group(const pfield *g, const char *theme, size_t t, lxs_partial_rec *rec,
                             char *err, size_t errlen) {
  if (parse_count(g[0], "mentions", theme, &rec->mentions[t], err, errlen) ||
      parse_count(g[3], "stance_n", theme, &rec->stance_n[t], err, errlen) ||
      parse_sum(g[1], "stance_sum", theme, rec->stance_n[t], 0, &rec->stance_sum[t], err, errlen) ||
      parse_sum(g[2], "stance_sumsq", theme, rec->stance_n[t], 1, &rec->stance_sumsq[t], err,
                errlen))
    return -1;
  return 0;
}

int lxs_partial_parse(const lxs_partial_reader *r, const char *line, size_t len,
                      lxs_partial_rec *rec, char *err, size_t errlen) {
  size_t n_themes = r->n_themes;
  size_t want = PFIELDS_FIXED + PFIELDS_THEME * n_themes;
  pfield fixed[PFIELDS_FIXED + PFIELDS_THEME] = {{0}}, *fl = fixed;
  if (n_themes > 1) fl = lxs_xcalloc(want, sizeof *fl);
  int rc = -1;
  if (split_record(line, len, fl, want)) {
    lxs_set_err(err, errlen, "malformed record (expected %zu tab-separated fields)", want);
  } else if (fl[0].n != 1 || fl[0].s[0] != 'U') {
    lxs_set_err(err, errlen, "unknown record type '%.*s' (expected U)",
                (int)(fl[0].n > 40 ? 40 : fl[0].n), fl[0].s);
  } else if (memchr(line, '\0', len)) {
    lxs_set_err(err, errlen, "NUL byte in a record");
  } else {
    rec->speaker = fl[1].s;
    rec->speaker_len = fl[1].n;
    rec->doc = fl[2].s;
    rec->doc_len = fl[2].n;
    rc = parse_count(fl[3], "tokens", NULL, &rec->tokens, err, errlen) ||
                 parse_count(fl[4], "sentences", NULL, &rec->sentences, err, errlen) ||
                 parse_count(fl[6], "sentiment_n", NULL, &rec->sentiment_n, err, errlen) ||
                 parse_sum(fl[5], "sentiment_sum", NULL, rec->sentiment_n, 0, &rec->sentiment_sum,
                           err, errlen)
             ? -1
             : 0;
    for (size_t t = 0; rc == 0 && t < n_themes; t++)
      rc = parse_theme_group(fl + PFIELDS_FIXED + PFIELDS_THEME * t, r->themes[t], t, rec, err,
                             errlen);
  }
  if (fl != fixed) free(fl);
  return rc;
}

static int valid_theme(const char *s, size_t n) {
  if (n == 0 || s[0] < 'a' || s[0] > 'z') return 0;
  for (size_t i = 1; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
  return !(n == 9 && memcmp(s, "sentiment", 9) == 0);
}

/* "#themes<TAB>a<TAB>b": the first one read fixes the themes (and sizes
 * the scratch arrays); every later one must be the same line.  0 or -1. */
static int read_themes(lxs_partial_reader *r, const char *line, size_t len, char *err,
                       size_t errlen) {
  if (r->have_themes) {
    if (len == r->themes_line.len && memcmp(line, r->themes_line.data, len) == 0) return 0;
    lxs_set_err(err, errlen, "themes differ from the first partial");
    return -1;
  }
  for (size_t i = 7; i < len;) {
    const char *s = line + i + 1;
    const char *tab = memchr(s, '\t', len - i - 1);
    size_t n = tab ? (size_t)(tab - s) : len - i - 1;
    if (!valid_theme(s, n)) {
      lxs_set_err(err, errlen, "invalid theme '%.*s' (use [a-z][a-z0-9_]*)", (int)(n > 40 ? 40 : n),
                  s);
      return -1;
    }
    for (size_t t = 0; t < r->n_themes; t++)
      if (strlen(r->themes[t]) == n && memcmp(r->themes[t], s, n) == 0) {
        lxs_set_err(err, errlen, "theme '%.*s' listed twice", (int)n, s);
        return -1;
      }
    r->themes = lxs_xrealloc(r->themes, (r->n_themes + 1) * sizeof *r->themes);
    r->themes[r->n_themes++] = lxs_xstrndup(s, n);
    i += n + 1;
  }
  size_t k = r->n_themes;
  if (k == 0) {
    lxs_set_err(err, errlen, "no themes in the #themes line");
    return -1;
  }
  r->have_themes = 1;
  lxs_buf_put(&r->themes_line, line, len);
  r->mentions = lxs_xcalloc(k, sizeof *r->mentions);
  r->stance_n = lxs_xcalloc(k, sizeof *r->stance_n);
  r->stance_sum = lxs_xcalloc(k, sizeof *r->stance_sum);
  r->stance_sumsq = lxs_xcalloc(k, sizeof *r->stance_sumsq);
  return 0;
}

/* One non-blank line of a partial file (line end removed).  *state: 0 no
 * header yet, 1 after a header, 2 after its #themes line.  0 or -1. */
static int read_line(lxs_partial_reader *r, const char *line, size_t len, int *state,
                     int (*on_record)(void *, const char *, size_t), void *ud, char *err,
                     size_t errlen) {
  if (memchr(line, '\0', len)) {
    lxs_set_err(err, errlen, "NUL byte in a line");
    return -1;
  }
  if (len >= 19 && memcmp(line, "#lexstance-partial ", 19) == 0) {
    if (len != 20 || line[19] != '1') {
      lxs_set_err(err, errlen, "unsupported partial format version '%.*s'",
                  (int)(len - 19 > 40 ? 40 : len - 19), line + 19);
      return -1;
    }
    *state = 1;
    return 0;
  }
  if (len >= 7 && memcmp(line, "#themes", 7) == 0 && (len == 7 || line[7] == '\t')) {
    if (*state == 0) {
      lxs_set_err(err, errlen, "#themes line before the #lexstance-partial header");
      return -1;
    }
    if (read_themes(r, line, len, err, errlen)) return -1;
    *state = 2;
    return 0;
  }
  if (line[0] == '#') return 0; /* a comment */
  if (*state != 2) {
    lxs_set_err(err, errlen, "record before the header%s (not a lexstance partial file?)",
                *state ? "'s #themes line" : "");
    return -1;
  }
  lxs_partial_rec rec = {.mentions = r->mentions,
                         .stance_n = r->stance_n,
                         .stance_sum = r->stance_sum,
                         .stance_sumsq = r->stance_sumsq};
  if (lxs_partial_parse(r, line, len, &rec, err, errlen)) return -1;
  return on_record(ud, line, len);
}

int lxs_partial_read(lxs_partial_reader *r, FILE *f, const char *name,
                     int (*on_record)(void *ud, const char *line, size_t len), void *ud, char *err,
                     size_t errlen) {
  char msg[512];
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  int state = 0, rc = LXS_OK, any = 0;
  ssize_t n;
  errno = 0;
  while (rc == LXS_OK && (n = getline(&line, &cap, f)) > 0) {
    size_t len = (size_t)n;
    lineno++;
    any = 1;
    if (line[len - 1] != '\n') {
      lxs_set_err(err, errlen, "%s:%zu: truncated line (no line end; was the file cut short?)",
                  name, lineno);
      rc = LXS_EDATA;
      break;
    }
    len--;
    if (len && line[len - 1] == '\r') len--;
    if (len == 0) continue;
    if (read_line(r, line, len, &state, on_record, ud, msg, sizeof msg)) {
      lxs_set_err(err, errlen, "%s:%zu: %s", name, lineno, msg);
      rc = LXS_EDATA;
    }
  }
  if (rc == LXS_OK && ferror(f)) {
    lxs_set_err(err, errlen, "%s: read error: %s", name, strerror(errno ? errno : EIO));
    rc = LXS_EIO;
  } else if (rc == LXS_OK && state != 2) {
    if (!any) lxs_set_err(err, errlen, "%s: empty file (not a lexstance partial)", name);
    else if (state == 0)
      lxs_set_err(err, errlen, "%s: not a lexstance partial file (no header)", name);
    else
      lxs_set_err(err, errlen, "%s:%zu: truncated partial (no #themes line after the header)", name,
                  lineno);
    rc = LXS_EDATA;
  }
  free(line);
  return rc;
}
