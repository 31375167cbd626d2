/* lexcheck.c - `lexstance lexicon check` and `lexstance lexicon coverage`
 * (see lexcheck.h).
 *
 * Both load the files through lxs_lexicon_load_any_ex with an entry
 * callback, so they see every entry exactly as the scorer will (lower-
 * cased, mapped), and compute each entry's stem pattern with the same
 * tokenizer and stemmer as lexicon.c: two entries conflict when their
 * patterns are equal, whatever they looked like in the file.  Coverage
 * reads the matcher's senses, which carry the source and line of the entry
 * that produced them, so hits are counted per entry (modifiers included,
 * which leave no evidence rows). */
#include "lexcheck.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lexformat.h"
#include "lexicon.h"
#include "match.h"
#include "report.h"
#include "scorer.h"
#include "stem.h"
#include "strmap.h"
#include "tokenize.h"
#include "utf8.h"
#include "util.h"
#include "wordclass.h"

/* ---- embedded data ------------------------------------------------------- */

/* The common words (lexicons/words/common.txt) and the function words
 * coverage never proposes (stopwords.txt) are data: see those files. */

#define CANDIDATE_WINDOW 5 /* words either side of a theme term */
#define DEFAULT_TOP 20

/* ---- entries as loaded ------------------------------------------------------ */

typedef struct {
  uint32_t source, line;
  char *file, *term, *theme, *role;
  double weight;
  char *key;           /* stem pattern; NULL when it has none */
  uint32_t theme_code; /* theme index, LXS_THEME_SENTIMENT or _MODIFIER */
  int role_code;
  int is_default;
  uint64_t hits;
  size_t docs, last_doc;
  long overridden_by; /* entry index, or -1 */
} ck_entry;

typedef struct {
  size_t ord; /* file ordinal: messages come out in file order */
  uint32_t line;
  size_t seq;
  char *text; /* the whole line after "lexstance: " */
} ck_msg;

typedef struct {
  FILE *out, *err;
  lxs_lexicon *lex;
  lxs_stemmer *st;
  lxs_tokenizer *tok;
  ck_entry *e;
  size_t n, cap;
  lxs_strmap by_sense; /* "source:line:theme:role:term" -> entry */
  int loading_default;
  size_t cur_ord;
  size_t *src_ord; /* per lexicon source: its file ordinal */
  size_t nsrc_ord;
  ck_msg *msgs;
  size_t nmsg, capmsg;
  size_t nwarn, nerr;
  int print_now; /* coverage: warnings straight to err */
  lxs_buf b;
} ck_ctx;

static void add_msg(ck_ctx *c, size_t ord, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add_msg(ck_ctx *c, size_t ord, uint32_t line, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (c->print_now) {
    fprintf(c->err, "lexstance: %s\n", buf);
    return;
  }
  LXS_VEC_GROW(c->msgs, c->nmsg, c->capmsg);
  c->msgs[c->nmsg] = (ck_msg){ord, line, c->nmsg, lxs_xstrndup(buf, strlen(buf))};
  c->nmsg++;
}

static void warn_at(ck_ctx *c, const ck_entry *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn_at(ck_ctx *c, const ck_entry *e, const char *fmt, ...) {
  char buf[800];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  size_t ord = e->source < c->nsrc_ord ? c->src_ord[e->source] : 0;
  add_msg(c, ord, e->line, "%s:%u: warning: %s", e->file, e->line, buf);
  c->nwarn++;
}

static int cmp_msg(const void *a, const void *b) {
  const ck_msg *x = a, *y = b;
  if (x->ord != y->ord) return x->ord < y->ord ? -1 : 1;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The stem pattern of a term, as lexicon.c builds it: per word 'e' + stem,
 * 'a' + acronym key or 'g' + glob prefix, each ended by \x1f.  Returns -1
 * when a word does not tokenise to words only. */
static int pattern_key(ck_ctx *c, const char *term, lxs_buf *key) {
  key->len = 0;
  const char *p = term;
  while (*p) {
    const char *sp = strchr(p, ' ');
    size_t wl = sp ? (size_t)(sp - p) : strlen(p);
    if (wl == 0) return -1;
    if (p[wl - 1] == '*') {
      lxs_buf_putc(key, 'g');
      lxs_utf8_normalize_word(p, wl - 1, key);
      lxs_buf_putc(key, '\x1f');
    } else {
      lxs_tokenize(c->tok, p, wl);
      for (size_t i = 0; i < c->tok->ntok; i++) {
        const lxs_token *k = &c->tok->toks[i];
        if (k->kind != LXS_TOK_WORD) return -1;
        if (k->flags & LXS_TF_PART) continue;
        if (k->flags & LXS_TF_ACRO) {
          lxs_buf_putc(key, 'a');
          lxs_buf_puts(key, lxs_tok_acro(c->tok, k));
        } else {
          size_t sl;
          const char *s = lxs_stem(c->st, lxs_tok_norm(c->tok, k), k->norm_len, &sl);
          lxs_buf_putc(key, 'e');
          lxs_buf_put(key, s, sl);
        }
        lxs_buf_putc(key, '\x1f');
      }
    }
    p += wl;
    if (*p == ' ') p++;
  }
  lxs_buf_cstr(key);
  return key->len ? 0 : -1;
}

static void on_entry(void *ud, const lxs_dict_entry *d) {
  ck_ctx *c = ud;
  uint32_t theme;
  if (strcmp(d->theme, "-") == 0) theme = LXS_THEME_MODIFIER;
  else if (strcmp(d->theme, "sentiment") == 0) theme = LXS_THEME_SENTIMENT;
  else theme = (uint32_t)lxs_lexicon_theme_index(c->lex, d->theme);
  int role = -1;
  for (int r = 0; r < LXS_R_COUNT; r++)
    if (strcmp(lxs_role_name((lxs_role)r), d->role) == 0) role = r;
  /* one dictionary line can reach one sense twice (two categories mapped
   * to one theme): the lexicon keeps one, and so do we */
  c->b.len = 0;
  lxs_buf_printf(&c->b, "%u:%u:%u:%d:%s", d->source, d->line, theme, role, d->term);
  if (lxs_strmap_get(&c->by_sense, c->b.data, c->b.len) >= 0) return;
  lxs_strmap_put(&c->by_sense, c->b.data, c->b.len, (int)c->n, 0);
  LXS_VEC_GROW(c->e, c->n, c->cap);
  ck_entry *e = &c->e[c->n++];
  memset(e, 0, sizeof *e);
  e->source = d->source;
  e->line = d->line;
  e->file = lxs_xstrndup(d->file, strlen(d->file));
  e->term = lxs_xstrndup(d->term, strlen(d->term));
  e->theme = lxs_xstrndup(d->theme, strlen(d->theme));
  e->role = lxs_xstrndup(d->role, strlen(d->role));
  e->weight = d->weight;
  e->theme_code = theme;
  e->role_code = role;
  e->is_default = c->loading_default;
  e->overridden_by = -1;
  e->last_doc = (size_t)-1;
  lxs_buf key;
  lxs_buf_init(&key);
  if (pattern_key(c, d->term, &key) == 0) e->key = lxs_xstrndup(key.data, key.len);
  lxs_buf_free(&key);
}

static void on_warn(void *ud, const char *file, uint32_t line, const char *msg) {
  ck_ctx *c = ud;
  add_msg(c, c->cur_ord, line, "%s:%u: warning: %s", file, line, msg);
  c->nwarn++;
}

/* Records which file ordinal the sources registered since 'from' belong to. */
static void note_sources(ck_ctx *c, size_t from) {
  size_t n = lxs_lexicon_source_count(c->lex);
  if (n > c->nsrc_ord) {
    c->src_ord = lxs_xrealloc(c->src_ord, n * sizeof *c->src_ord);
    c->nsrc_ord = n;
  }
  for (size_t s = from; s < n; s++) c->src_ord[s] = c->cur_ord;
}

/* ---- loading ------------------------------------------------------------------- */

static void ctx_free(ck_ctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    ck_entry *e = &c->e[i];
    free(e->file);
    free(e->term);
    free(e->theme);
    free(e->role);
    free(e->key);
  }
  free(c->e);
  for (size_t i = 0; i < c->nmsg; i++) free(c->msgs[i].text);
  free(c->msgs);
  free(c->src_ord);
  lxs_strmap_free(&c->by_sense);
  lxs_buf_free(&c->b);
  lxs_tokenizer_free(c->tok);
  lxs_stemmer_free(c->st);
  lxs_lexicon_free(c->lex);
}

/* Worse status wins: invalid argument over I/O over data. */
static int worse(int a, int b) {
  static const int rank[] = {[LXS_OK] = 0, [LXS_EDATA] = 1, [LXS_EIO] = 2, [LXS_EINVAL] = 3};
  int ra = a >= 0 && a <= 3 ? rank[a] : 4, rb = b >= 0 && b <= 3 ? rank[b] : 4;
  return ra >= rb ? a : b;
}

/* Loads one file (or embedded buffer); errors become messages. */
static int load_one(ck_ctx *c, const lxs_lexcheck_opts *o, const char *path, const char *data,
                    size_t len) {
  char ebuf[1024];
  lxs_load_opts lo = {data ? "tsv" : o->format, o->map, on_warn, on_entry, c};
  size_t before = lxs_lexicon_source_count(c->lex);
  int rc = data ? lxs_lexicon_load_any_buffer(c->lex, path, data, len, &lo, ebuf, sizeof ebuf)
                : lxs_lexicon_load_any_ex(c->lex, path, &lo, ebuf, sizeof ebuf);
  note_sources(c, before);
  if (rc) {
    /* "FILE:LINE: message": keep it with that line's warnings */
    uint32_t line = 0;
    size_t pl = strlen(path);
    if (strncmp(ebuf, path, pl) == 0 && ebuf[pl] == ':')
      line = (uint32_t)strtoul(ebuf + pl + 1, NULL, 10);
    add_msg(c, c->cur_ord, line ? line : UINT32_MAX, "%s", ebuf);
    c->nerr++;
  }
  c->cur_ord++;
  return rc;
}

static int ctx_init(ck_ctx *c, const lxs_lexcheck_opts *o, FILE *out, FILE *err) {
  memset(c, 0, sizeof *c);
  lxs_strmap_init_exact(&c->by_sense);
  c->out = out;
  c->err = err;
  char ebuf[512];
  c->lex = lxs_lexicon_new(o->language, ebuf, sizeof ebuf);
  if (!c->lex) {
    fprintf(err, "lexstance: %s\n", ebuf);
    return LXS_EINVAL;
  }
  c->st = lxs_stemmer_new(o->language, ebuf, sizeof ebuf);
  c->tok = lxs_tokenizer_new();
  lxs_buf_init(&c->b);
  return LXS_OK;
}

static int load_all(ck_ctx *c, const lxs_lexcheck_opts *o, int defaults) {
  int rc = LXS_OK;
  if (defaults) {
    c->loading_default = 1;
    for (size_t i = 0; i < lxs_embedded_lexicon_count; i++) {
      const lxs_embedded_file *f = &lxs_embedded_lexicons[i];
      rc = worse(rc, load_one(c, o, f->name, f->data, f->len));
    }
    c->loading_default = 0;
  }
  for (size_t i = 0; i < o->nfiles; i++) rc = worse(rc, load_one(c, o, o->files[i], NULL, 0));
  return rc;
}

/* Files that declare another language than the stemmer's: an error. */
static int language_of(ck_ctx *c) {
  char ebuf[1024];
  if (lxs_lexicon_check_language(c->lex, ebuf, sizeof ebuf) == LXS_OK) return LXS_OK;
  fprintf(c->err, "lexstance: %s\n", ebuf);
  return LXS_EINVAL;
}

/* Entry indices sorted by stem pattern, then load order. */
static const ck_entry *g_sort_e;
static int cmp_by_key(const void *a, const void *b) {
  const ck_entry *x = &g_sort_e[*(const size_t *)a], *y = &g_sort_e[*(const size_t *)b];
  int k = strcmp(x->key, y->key);
  if (k) return k;
  return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static size_t *sorted_by_key(ck_ctx *c, size_t *n) {
  size_t *idx = lxs_xmalloc((c->n + 1) * sizeof *idx);
  *n = 0;
  for (size_t i = 0; i < c->n; i++)
    if (c->e[i].key) idx[(*n)++] = i;
  g_sort_e = c->e;
  qsort(idx, *n, sizeof *idx, cmp_by_key);
  return idx;
}

/* ---- check ---------------------------------------------------------------------- */

static int is_real_theme(uint32_t t) { return t < LXS_THEME_SENTIMENT; }

static int polar_role(int r) { return r == LXS_R_TARGET || r == LXS_R_STANCE || r == LXS_R_EVAL; }

static void fmt_w(char *buf, size_t n, double w) { snprintf(buf, n, "%g", w); }

/* The latest earlier entry of a group with j's theme and role (j
 * overrides it): a duplicate or a conflict. */
static void check_override(ck_ctx *c, const ck_entry *i, const ck_entry *j) {
  char wi[32], wj[32];
  fmt_w(wi, sizeof wi, i->weight);
  fmt_w(wj, sizeof wj, j->weight);
  int same_term = strcmp(i->term, j->term) == 0;
  if (i->weight == j->weight && same_term)
    warn_at(c, j, "duplicate of %s:%u ('%s', %s %s %s)", i->file, i->line, i->term, i->theme,
            i->role, wi);
  else if (i->weight == j->weight)
    warn_at(c, j, "duplicate of %s:%u: '%s' and '%s' have the same stem (%s %s %s)", i->file,
            i->line, i->term, j->term, i->theme, i->role, wi);
  else if (same_term)
    warn_at(c, j,
            "conflicts with %s:%u: '%s' is %s %s weight %s there and %s here (the later "
            "entry wins)",
            i->file, i->line, j->term, j->theme, j->role, wi, wj);
  else
    warn_at(c, j,
            "conflicts with %s:%u: '%s' and '%s' have the same stem, %s %s weight %s there "
            "and %s here (the later entry wins)",
            i->file, i->line, i->term, j->term, j->theme, j->role, wi, wj);
}

/* Whether entries x and y come from one line of one file with one term:
 * one dictionary entry in several categories, meant that way. */
static int same_line(const ck_entry *x, const ck_entry *y) {
  return x->source == y->source && x->line == y->line && strcmp(x->term, y->term) == 0;
}

/* The earlier entries of a group that can be the first clash of a later
 * one.  A clash is the first earlier entry whose attribute (its theme, or
 * its role) differs from the later entry's and that is not from its line.
 * Whatever the attribute A and line L asked about, that first entry is
 * one of six: the first (a); the first with another attribute than a's
 * (b) or another line (b2); the first with another attribute than a's and
 * another line than b's (c1), another line than a's and another attribute
 * than b2's (c2), or another attribute and line than a's (c3).  So the
 * cost per entry is constant, however many themes share a stem (a .dicx
 * row in 20,000 categories). */
typedef struct {
  size_t at[6]; /* group position + 1 of a, b, b2, c1, c2, c3; 0: none yet */
} first_clash;

enum { FC_A, FC_B, FC_B2, FC_C1, FC_C2, FC_C3 };

static int fc_attr(const ck_entry *e, int by_role) {
  return by_role ? e->role_code : (int)e->theme_code;
}

static void fc_add(first_clash *f, const ck_ctx *c, const size_t *idx, size_t pos, int by_role) {
  const ck_entry *x = &c->e[idx[pos]];
  if (!f->at[FC_A]) {
    f->at[FC_A] = pos + 1;
    return;
  }
  const ck_entry *a = &c->e[idx[f->at[FC_A] - 1]];
  int other_attr = fc_attr(x, by_role) != fc_attr(a, by_role), other_line = !same_line(x, a);
  if (!f->at[FC_B] && other_attr) f->at[FC_B] = pos + 1;
  if (!f->at[FC_B2] && other_line) f->at[FC_B2] = pos + 1;
  if (!f->at[FC_C1] && f->at[FC_B] && other_attr && !same_line(x, &c->e[idx[f->at[FC_B] - 1]]))
    f->at[FC_C1] = pos + 1;
  if (!f->at[FC_C2] && f->at[FC_B2] && other_line &&
      fc_attr(x, by_role) != fc_attr(&c->e[idx[f->at[FC_B2] - 1]], by_role))
    f->at[FC_C2] = pos + 1;
  if (!f->at[FC_C3] && other_attr && other_line) f->at[FC_C3] = pos + 1;
}

/* The first entry added to f with another attribute and line than j's
 * (a group position + 1), or 0. */
static size_t fc_first(const first_clash *f, const ck_ctx *c, const size_t *idx, const ck_entry *j,
                       int by_role) {
  size_t best = 0;
  for (int s = 0; s < 6; s++) {
    size_t p = f->at[s];
    if (!p || (best && p >= best)) continue;
    const ck_entry *i = &c->e[idx[p - 1]];
    if (fc_attr(i, by_role) != fc_attr(j, by_role) && !same_line(i, j)) best = p;
  }
  return best;
}

/* The clashes a group keeps: the real themes' entries and their targets
 * (by theme), and per theme and sign of weight its polar entries (by
 * role). */
typedef struct {
  first_clash any, targets;
  first_clash *poles;
  size_t npoles, cappoles;
  lxs_strmap pole_of; /* "theme:sign" -> index in poles */
} group_clashes;

static int weight_sign(double w) { return w > 0 ? 1 : w < 0 ? -1 : 0; }

static first_clash *pole_set(group_clashes *g, uint32_t theme, int sign, int make) {
  char key[32];
  size_t kl = (size_t)snprintf(key, sizeof key, "%u:%d", theme, sign);
  int i = lxs_strmap_get(&g->pole_of, key, kl);
  if (i >= 0) return &g->poles[i];
  if (!make) return NULL;
  LXS_VEC_GROW(g->poles, g->npoles, g->cappoles);
  memset(&g->poles[g->npoles], 0, sizeof *g->poles);
  lxs_strmap_put(&g->pole_of, key, kl, (int)g->npoles, 0);
  return &g->poles[g->npoles++];
}

static void clashes_add(group_clashes *g, const ck_ctx *c, const size_t *idx, size_t pos) {
  const ck_entry *x = &c->e[idx[pos]];
  if (is_real_theme(x->theme_code)) {
    fc_add(&g->any, c, idx, pos, 0);
    if (x->role_code == LXS_R_TARGET) fc_add(&g->targets, c, idx, pos, 0);
  }
  int sign = weight_sign(x->weight);
  if (polar_role(x->role_code) && sign) fc_add(pole_set(g, x->theme_code, sign, 1), c, idx, pos, 1);
}

/* A grievance: one term that is a positive stance term and a negative
 * target of the same theme ("trade cheating": naming it supports
 * protection, and what is done to it follows the opposite pole), written
 * so on purpose, not a clash. */
static int grievance_pair(const ck_entry *i, const ck_entry *j) {
  if (i->theme_code != j->theme_code || strcmp(i->term, j->term) != 0) return 0;
  const ck_entry *st = i->role_code == LXS_R_STANCE ? i : j, *tg = st == i ? j : i;
  return st->role_code == LXS_R_STANCE && tg->role_code == LXS_R_TARGET && st->weight > 0 &&
         tg->weight < 0;
}

/* Entry j against the group's earlier entries: the first opposite pole of
 * its theme, and the first target of another theme (or, for a target, the
 * first entry of another theme), in the order of those entries. */
static void check_clashes(ck_ctx *c, group_clashes *g, const size_t *idx, const ck_entry *j) {
  size_t pole = 0, coll = 0;
  int sign = weight_sign(j->weight);
  if (polar_role(j->role_code) && sign) {
    const first_clash *f = pole_set(g, j->theme_code, -sign, 0);
    if (f) pole = fc_first(f, c, idx, j, 1);
    if (pole && grievance_pair(&c->e[idx[pole - 1]], j)) pole = 0;
  }
  if (is_real_theme(j->theme_code))
    coll = fc_first(j->role_code == LXS_R_TARGET ? &g->any : &g->targets, c, idx, j, 0);
  char wi[32], wj[32];
  fmt_w(wj, sizeof wj, j->weight);
  for (int k = 0; k < 2; k++) {
    int is_pole = (k == 0) == (pole && (!coll || pole < coll));
    size_t p = is_pole ? pole : coll;
    if (!p) continue;
    const ck_entry *i = &c->e[idx[p - 1]];
    fmt_w(wi, sizeof wi, i->weight);
    if (is_pole) {
      warn_at(c, j, "opposite pole to %s:%u: '%s' is %s %s %s there, '%s' %s %s here", i->file,
              i->line, i->term, i->theme, i->role, wi, j->term, j->role, wj);
    } else {
      const ck_entry *t = i->role_code == LXS_R_TARGET ? i : j;
      const ck_entry *x = t == i ? j : i;
      warn_at(c, j,
              "same stem as %s:%u: '%s' is a target of theme '%s' and '%s' a %s%s of "
              "theme '%s'",
              i->file, i->line, t->term, t->theme, x->term, x->role,
              x->role_code == LXS_R_TARGET ? "" : " term", x->theme);
    }
  }
}

/* One group of entries with the same stem pattern (positions g..h of
 * idx), each against those before it. */
static void check_group(ck_ctx *c, const size_t *idx, size_t g, size_t h) {
  lxs_strmap last; /* "theme:role" -> latest position */
  group_clashes gc;
  memset(&gc, 0, sizeof gc);
  lxs_strmap_init_exact(&last);
  lxs_strmap_init_exact(&gc.pole_of);
  char key[32];
  for (size_t jj = g; jj < h; jj++) {
    const ck_entry *j = &c->e[idx[jj]];
    size_t kl = (size_t)snprintf(key, sizeof key, "%u:%d", j->theme_code, j->role_code);
    int prev = lxs_strmap_get(&last, key, kl);
    if (!j->is_default) {
      if (prev >= 0) check_override(c, &c->e[idx[prev]], j);
      check_clashes(c, &gc, idx, j);
    }
    lxs_strmap_put(&last, key, kl, (int)jj, 0);
    clashes_add(&gc, c, idx, jj);
  }
  lxs_strmap_free(&last);
  free(gc.poles);
  lxs_strmap_free(&gc.pole_of);
}

static void check_pairs(ck_ctx *c) {
  size_t n;
  size_t *idx = sorted_by_key(c, &n);
  for (size_t g = 0; g < n;) {
    size_t h = g + 1;
    while (h < n && strcmp(c->e[idx[h]].key, c->e[idx[g]].key) == 0) h++;
    if (h - g > 1) check_group(c, idx, g, h);
    g = h;
  }
  free(idx);
}

/* The common words, each stemmed once and sorted by its bytes, so the
 * words a glob's prefix covers are one range found by binary search:
 * checking N globs costs N lookups, not N passes over every word with a
 * stem each (100,000 globs took tens of seconds). */
typedef struct {
  const char *w;
  size_t wl, order; /* order: its place in common.txt (for examples) */
  char *stem;
  size_t sl;
} common_word;

typedef struct {
  common_word *v;
  size_t n, cap;
} common_list;

static int cmp_common(const void *a, const void *b) {
  const common_word *x = a, *y = b;
  int c = memcmp(x->w, y->w, x->wl < y->wl ? x->wl : y->wl);
  return c ? c : (x->wl > y->wl) - (x->wl < y->wl);
}

static void common_init(common_list *cl, lxs_stemmer *st) {
  memset(cl, 0, sizeof *cl);
  lxs_word_cursor words = lxs_word_list("common.txt");
  const char *w;
  size_t wl;
  while (lxs_word_list_next(&words, &w, &wl)) {
    LXS_VEC_GROW(cl->v, cl->n, cl->cap);
    common_word *c = &cl->v[cl->n];
    c->w = w;
    c->wl = wl;
    c->order = cl->n++;
    const char *stem = lxs_stem(st, w, c->wl, &c->sl);
    c->stem = lxs_xstrndup(stem, c->sl);
  }
  if (cl->n) qsort(cl->v, cl->n, sizeof *cl->v, cmp_common);
}

static void common_free(common_list *cl) {
  for (size_t i = 0; i < cl->n; i++) free(cl->v[i].stem);
  free(cl->v);
}

static int cmp_order(const void *a, const void *b) {
  const common_word *x = *(common_word *const *)a, *y = *(common_word *const *)b;
  return (x->order > y->order) - (x->order < y->order);
}

/* Distinct stems of the common words that start with prefix; examples:
 * the first words (in list order) of the first max_examples stems. */
static size_t glob_breadth(const common_list *cl, const char *prefix, size_t plen, char *examples,
                           size_t exlen, int max_examples) {
  size_t lo = 0, hi = cl->n;
  while (lo < hi) { /* the first word >= prefix */
    size_t mid = lo + (hi - lo) / 2;
    const common_word *c = &cl->v[mid];
    int k = memcmp(c->w, prefix, c->wl < plen ? c->wl : plen);
    if (k < 0 || (k == 0 && c->wl < plen)) lo = mid + 1;
    else hi = mid;
  }
  size_t end = lo;
  while (end < cl->n && cl->v[end].wl >= plen && memcmp(cl->v[end].w, prefix, plen) == 0) end++;
  const common_word **m = lxs_xmalloc((end - lo + 1) * sizeof *m);
  for (size_t i = lo; i < end; i++) m[i - lo] = &cl->v[i];
  qsort(m, end - lo, sizeof *m, cmp_order);
  lxs_strmap stems;
  lxs_strmap_init_exact(&stems);
  size_t nst = 0, exn = 0;
  if (examples && exlen) examples[0] = '\0';
  for (size_t i = 0; i < end - lo; i++) {
    if (lxs_strmap_get(&stems, m[i]->stem, m[i]->sl) >= 0) continue;
    lxs_strmap_put(&stems, m[i]->stem, m[i]->sl, 1, 0);
    nst++;
    size_t wl = m[i]->wl;
    if (examples && (int)nst <= max_examples && exn + wl + 3 < exlen) {
      if (exn) {
        examples[exn++] = ',';
        examples[exn++] = ' ';
      }
      memcpy(examples + exn, m[i]->w, wl);
      exn += wl;
      examples[exn] = '\0';
    }
  }
  lxs_strmap_free(&stems);
  free(m);
  return nst;
}

size_t lxs_glob_breadth(const char *prefix, const char *language, char *examples, size_t exlen,
                        int max_examples) {
  char err[256];
  lxs_stemmer *st = lxs_stemmer_new(language, err, sizeof err);
  if (!st) return 0;
  common_list cl;
  common_init(&cl, st);
  lxs_buf norm;
  lxs_buf_init(&norm);
  lxs_utf8_normalize_word(prefix, strlen(prefix), &norm);
  size_t n = glob_breadth(&cl, norm.data ? norm.data : "", norm.len, examples, exlen, max_examples);
  lxs_buf_free(&norm);
  common_free(&cl);
  lxs_stemmer_free(st);
  return n;
}

/* What a glob's prefix covers, worked out once per distinct prefix. */
typedef struct {
  size_t breadth;
  char examples[200];
} glob_result;

static void check_globs(ck_ctx *c) {
  /* the word list is English: breadth means nothing for other stemmers */
  if (strcmp(lxs_lexicon_language(c->lex), "english") != 0) return;
  common_list cl;
  common_init(&cl, c->st);
  lxs_strmap done, by_prefix;
  lxs_strmap_init_exact(&done);
  lxs_strmap_init_exact(&by_prefix);
  /* allocated up front: by_prefix's indices point into it */
  size_t nres = 0, capres = 16;
  glob_result *res = lxs_xmalloc(capres * sizeof *res);
  lxs_buf k, norm;
  lxs_buf_init(&k);
  lxs_buf_init(&norm);
  for (size_t i = 0; i < c->n; i++) {
    const ck_entry *e = &c->e[i];
    if (e->is_default) continue;
    const char *p = e->term;
    while (*p) {
      const char *sp = strchr(p, ' ');
      size_t wl = sp ? (size_t)(sp - p) : strlen(p);
      if (wl > 1 && p[wl - 1] == '*') {
        norm.len = 0;
        lxs_utf8_normalize_word(p, wl - 1, &norm);
        k.len = 0;
        lxs_buf_printf(&k, "%u:%u:", e->source, e->line);
        lxs_buf_put(&k, norm.data, norm.len);
        if (lxs_strmap_get(&done, k.data, k.len) < 0) {
          lxs_strmap_put(&done, k.data, k.len, 1, 0);
          int r = lxs_strmap_get(&by_prefix, norm.data, norm.len);
          if (r < 0) {
            LXS_VEC_GROW(res, nres, capres);
            res[nres].breadth = glob_breadth(&cl, norm.data, norm.len, res[nres].examples,
                                             sizeof res[nres].examples, 6);
            r = (int)nres++;
            lxs_strmap_put(&by_prefix, norm.data, norm.len, r, 0);
          }
          if (res[r].breadth > LXS_GLOB_BREADTH_MAX)
            warn_at(c, e,
                    "glob '%.*s' covers %zu different common words (%s, ...); "
                    "narrow the prefix or list the words",
                    (int)wl, p, res[r].breadth, res[r].examples);
        }
      }
      p += wl;
      if (*p == ' ') p++;
    }
  }
  free(res);
  lxs_strmap_free(&done);
  lxs_strmap_free(&by_prefix);
  lxs_buf_free(&k);
  lxs_buf_free(&norm);
  common_free(&cl);
}

lxs_status lxs_lexicon_check(const lxs_lexcheck_opts *o, FILE *out, FILE *err) {
  ck_ctx c;
  int rc = ctx_init(&c, o, out, err);
  if (rc) return rc;
  rc = load_all(&c, o, o->with_defaults);
  rc = worse(rc, language_of(&c));
  check_pairs(&c);
  check_globs(&c);
  if (c.nmsg) qsort(c.msgs, c.nmsg, sizeof *c.msgs, cmp_msg);
  for (size_t i = 0; i < c.nmsg; i++) fprintf(err, "lexstance: %s\n", c.msgs[i].text);
  size_t own = 0;
  for (size_t i = 0; i < c.n; i++) own += !c.e[i].is_default;
  fprintf(out, "%zu file%s, %zu entries, %zu warning%s, %zu error%s\n", o->nfiles,
          o->nfiles == 1 ? "" : "s", own, c.nwarn, c.nwarn == 1 ? "" : "s", c.nerr,
          c.nerr == 1 ? "" : "s");
  ctx_free(&c);
  return rc;
}

/* ---- coverage ------------------------------------------------------------------- */

typedef struct {
  size_t entry, speaker;
  uint64_t hits;
} sp_hit;

typedef struct {
  char *word; /* the first form seen */
  char *stem;
  uint64_t count;
  uint32_t *themes;
  size_t nthemes, capthemes;
} cand;

typedef struct {
  lxs_strmap speakers; /* name -> index */
  char **names;
  size_t nnames, capnames;
  lxs_strmap sp_hits; /* "entry\x1fspeaker" -> index */
  sp_hit *hits;
  size_t nhits, caphits;
  lxs_strmap cands; /* stem -> index */
  lxs_strmap stop;  /* the stop words */
  cand *cands_v;
  size_t ncands, capcands;
  unsigned char *covered, *counted;
  size_t capcov;
} cov_state;

/* The stop words (stopwords.txt) into s->stop, on first use. */
static int is_stopword(cov_state *s, const char *w, size_t n) {
  if (!s->stop.n) {
    lxs_word_cursor words = lxs_word_list("stopwords.txt");
    const char *sw;
    size_t sn;
    while (lxs_word_list_next(&words, &sw, &sn)) lxs_strmap_put(&s->stop, sw, sn, 1, 0);
  }
  return lxs_strmap_get(&s->stop, w, n) >= 0;
}

static int has_letter(const char *s, size_t n) {
  size_t pos = 0;
  while (pos < n) {
    int32_t cp;
    pos += lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (lxs_utf8_is_letter(cp)) return 1;
  }
  return 0;
}

static size_t intern_speaker(cov_state *s, const char *name) {
  int v = lxs_strmap_get(&s->speakers, name, strlen(name));
  if (v >= 0) return (size_t)v;
  LXS_VEC_GROW(s->names, s->nnames, s->capnames);
  s->names[s->nnames] = lxs_xstrndup(name, strlen(name));
  lxs_strmap_put(&s->speakers, name, strlen(name), (int)s->nnames, 0);
  return s->nnames++;
}

static void count_hit(ck_ctx *c, cov_state *s, const lxs_sense *se, size_t doc,
                      const char *speaker) {
  c->b.len = 0;
  lxs_buf_printf(&c->b, "%u:%u:%u:%d:%s", se->source, se->line, se->theme, (int)se->role, se->term);
  int v = lxs_strmap_get(&c->by_sense, c->b.data, c->b.len);
  if (v < 0) return; /* not an entry we were told about (cannot happen) */
  ck_entry *e = &c->e[v];
  e->hits++;
  if (e->last_doc != doc) {
    e->last_doc = doc;
    e->docs++;
  }
  size_t sp = intern_speaker(s, speaker);
  c->b.len = 0;
  lxs_buf_printf(&c->b, "%d\x1f%zu", v, sp);
  int h = lxs_strmap_get(&s->sp_hits, c->b.data, c->b.len);
  if (h >= 0) {
    s->hits[h].hits++;
    return;
  }
  LXS_VEC_GROW(s->hits, s->nhits, s->caphits);
  s->hits[s->nhits] = (sp_hit){(size_t)v, sp, 1};
  lxs_strmap_put(&s->sp_hits, c->b.data, c->b.len, (int)s->nhits++, 0);
}

static void add_candidate(cov_state *s, lxs_stemmer *st, const lxs_tokenizer *tk,
                          const lxs_token *t, uint32_t theme, int count) {
  size_t stem_len;
  const char *stem = lxs_stem(st, lxs_tok_norm(tk, t), t->norm_len, &stem_len);
  int v = lxs_strmap_get(&s->cands, stem, stem_len);
  cand *cd;
  if (v >= 0) {
    cd = &s->cands_v[v];
  } else {
    LXS_VEC_GROW(s->cands_v, s->ncands, s->capcands);
    cd = &s->cands_v[s->ncands];
    memset(cd, 0, sizeof *cd);
    cd->word = lxs_xstrndup(lxs_tok_norm(tk, t), t->norm_len);
    cd->stem = lxs_xstrndup(stem, stem_len);
    lxs_strmap_put(&s->cands, stem, stem_len, (int)s->ncands++, 0);
  }
  if (count) cd->count++;
  for (size_t i = 0; i < cd->nthemes; i++)
    if (cd->themes[i] == theme) return;
  LXS_VEC_GROW(cd->themes, cd->nthemes, cd->capthemes);
  cd->themes[cd->nthemes++] = theme;
}

/* Words near theme terms that no entry matched. */
static void collect_candidates(cov_state *s, lxs_scorer *sc, const lxs_result *r) {
  const lxs_matcher *mt = lxs_scorer_matcher(sc);
  const lxs_tokenizer *tk = lxs_scorer_tokenizer(sc);
  if (!s->covered || s->capcov < tk->ntok + 1) {
    s->capcov = tk->ntok + 1;
    s->covered = lxs_xrealloc(s->covered, s->capcov);
    s->counted = lxs_xrealloc(s->counted, s->capcov);
  }
  memset(s->covered, 0, tk->ntok + 1);
  memset(s->counted, 0, tk->ntok + 1);
  for (size_t i = 0; i < mt->n; i++) {
    const lxs_match *m = &mt->m[i];
    size_t last = m->tok_last;
    if (tk->toks[last].flags & LXS_TF_COMPOUND) last += tk->toks[last].nparts;
    for (size_t k = m->tok_first; k <= last && k < tk->ntok; k++) {
      s->covered[k] = 1;
      /* a matched part covers its compound ("anti-WTO") */
      if (tk->toks[k].flags & LXS_TF_PART) {
        size_t p = k;
        while (p > 0 && (tk->toks[p].flags & LXS_TF_PART)) p--;
        s->covered[p] = 1;
      }
    }
  }
  for (size_t i = 0; i < mt->n; i++) {
    const lxs_match *m = &mt->m[i];
    if (r->sentences[m->sentence].flags & LXS_SENTENCE_HEADER) continue;
    for (uint32_t k = 0; k < m->nsenses; k++) {
      const lxs_sense *se = mt->senses[m->sense_off + k];
      if (!is_real_theme(se->theme) || (se->role != LXS_R_TARGET && se->role != LXS_R_STANCE))
        continue;
      const lxs_sent *S = &tk->sents[m->sentence];
      uint32_t lo = m->wpos > CANDIDATE_WINDOW ? m->wpos - CANDIDATE_WINDOW : 0;
      uint32_t hi = m->wpos_last + CANDIDATE_WINDOW;
      for (uint32_t t = S->first_tok; t < S->first_tok + S->ntok; t++) {
        const lxs_token *tok = &tk->toks[t];
        if (tok->kind != LXS_TOK_WORD || (tok->flags & LXS_TF_PART) || s->covered[t]) continue;
        if (mt->wpos[t] < lo || mt->wpos[t] > hi) continue;
        const char *nm = lxs_tok_norm(tk, tok);
        if (!has_letter(nm, tok->norm_len) || is_stopword(s, nm, tok->norm_len)) continue;
        add_candidate(s, lxs_scorer_stemmer(sc), tk, tok, se->theme, !s->counted[t]);
        s->counted[t] = 1;
      }
    }
  }
}

static const cand *g_sort_c;
static int cmp_cand(const void *a, const void *b) {
  const cand *x = &g_sort_c[*(const size_t *)a], *y = &g_sort_c[*(const size_t *)b];
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->word, y->word);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static int cmp_sp_hit(const void *a, const void *b) {
  const sp_hit *x = a, *y = b;
  if (x->entry != y->entry) return x->entry < y->entry ? -1 : 1;
  return x->speaker < y->speaker ? -1 : x->speaker > y->speaker;
}

static void entry_cols(lxs_buf *b, const ck_entry *e) {
  lxs_csv_str(b, e->file);
  lxs_buf_printf(b, ",%u,", e->line);
  lxs_csv_str(b, e->term);
  lxs_buf_putc(b, ',');
  lxs_csv_str(b, e->theme);
  lxs_buf_putc(b, ',');
  lxs_csv_str(b, e->role);
}

static void mark_overrides(ck_ctx *c) {
  size_t n;
  size_t *idx = sorted_by_key(c, &n);
  for (size_t a = 0; a < n; a++)
    for (size_t b = a + 1; b < n && strcmp(c->e[idx[a]].key, c->e[idx[b]].key) == 0; b++) {
      ck_entry *x = &c->e[idx[a]];
      const ck_entry *y = &c->e[idx[b]];
      /* the lexicon keeps the later sense of a (pattern, theme, role) */
      if (x->theme_code == y->theme_code && x->role_code == y->role_code)
        x->overridden_by = (long)idx[b];
    }
  free(idx);
}

const char *const lxs_coverage_table_names[LXS_COV_TABLES] = {"entries", "speakers", "unmatched",
                                                              "candidates"};

/* The four tables of the coverage report, each a CSV of its own. */
static void coverage_tables(ck_ctx *c, cov_state *s, size_t top, lxs_buf t[LXS_COV_TABLES]) {
  lxs_buf *b = &t[LXS_COV_ENTRIES];
  lxs_buf_puts(b, "source,line,term,theme,role,weight,hits,docs\r\n");
  for (size_t i = 0; i < c->n; i++) {
    entry_cols(b, &c->e[i]);
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, c->e[i].weight);
    lxs_buf_printf(b, ",%llu,%zu\r\n", (unsigned long long)c->e[i].hits, c->e[i].docs);
  }
  b = &t[LXS_COV_SPEAKERS];
  lxs_buf_puts(b, "source,line,term,theme,role,speaker,hits\r\n");
  if (s->nhits) qsort(s->hits, s->nhits, sizeof *s->hits, cmp_sp_hit);
  for (size_t i = 0; i < s->nhits; i++) {
    entry_cols(b, &c->e[s->hits[i].entry]);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, s->names[s->hits[i].speaker]);
    lxs_buf_printf(b, ",%llu\r\n", (unsigned long long)s->hits[i].hits);
  }
  b = &t[LXS_COV_UNMATCHED];
  lxs_buf_puts(b, "source,line,term,theme,role,reason\r\n");
  for (size_t i = 0; i < c->n; i++) {
    const ck_entry *e = &c->e[i];
    if (e->hits) continue;
    entry_cols(b, e);
    lxs_buf_putc(b, ',');
    if (e->overridden_by >= 0) {
      const ck_entry *w = &c->e[e->overridden_by];
      c->b.len = 0;
      lxs_buf_printf(&c->b, "overridden by %s:%u", w->file, w->line);
      lxs_csv_str(b, lxs_buf_cstr(&c->b));
    } else {
      lxs_buf_puts(b, "no match in the corpus");
    }
    lxs_buf_puts(b, "\r\n");
  }
  b = &t[LXS_COV_CANDIDATES];
  lxs_buf_puts(b, "word,stem,count,themes\r\n");
  size_t *ord = lxs_xmalloc((s->ncands + 1) * sizeof *ord);
  for (size_t i = 0; i < s->ncands; i++) ord[i] = i;
  g_sort_c = s->cands_v;
  qsort(ord, s->ncands, sizeof *ord, cmp_cand);
  for (size_t i = 0; i < s->ncands && i < top; i++) {
    cand *cd = &s->cands_v[ord[i]];
    lxs_csv_str(b, cd->word);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, cd->stem);
    lxs_buf_printf(b, ",%llu,", (unsigned long long)cd->count);
    qsort(cd->themes, cd->nthemes, sizeof *cd->themes, cmp_u32);
    c->b.len = 0;
    for (size_t k = 0; k < cd->nthemes; k++) {
      if (k) lxs_buf_putc(&c->b, ' ');
      lxs_buf_puts(&c->b, lxs_lexicon_theme_name(c->lex, cd->themes[k]));
    }
    lxs_csv_str(b, lxs_buf_cstr(&c->b));
    lxs_buf_puts(b, "\r\n");
  }
  free(ord);
}

lxs_status lxs_lexicon_coverage(const lxs_lexcheck_opts *o, lxs_buf tables[LXS_COV_TABLES],
                                FILE *err) {
  ck_ctx c;
  int rc = ctx_init(&c, o, NULL, err);
  if (rc) return rc;
  c.print_now = 1;
  rc = load_all(&c, o, !o->no_defaults);
  if (rc == LXS_OK) rc = language_of(&c);
  if (rc) {
    ctx_free(&c);
    return rc;
  }
  if (lxs_lexicon_theme_count(c.lex) == 0) {
    fprintf(err, "lexstance: no themes loaded (no lexicon defines a theme)\n");
    ctx_free(&c);
    return LXS_EDATA;
  }
  mark_overrides(&c);
  char ebuf[1024];
  lxs_scorer *sc = lxs_scorer_new(c.lex, ebuf, sizeof ebuf);
  cov_state s;
  memset(&s, 0, sizeof s);
  lxs_strmap_init_exact(&s.speakers);
  lxs_strmap_init_exact(&s.sp_hits);
  lxs_strmap_init_exact(&s.cands);
  lxs_strmap_init_exact(&s.stop);
  lxs_options sopt = {o->input == LXS_IN_TEXT && !o->no_attribution};
  size_t doc = 0;
  for (size_t f = 0; f < o->ncorpus && rc == LXS_OK; f++) {
    lxs_reader *rd = lxs_reader_open(o->corpus[f], o->input, ebuf, sizeof ebuf);
    if (!rd) {
      fprintf(err, "lexstance: %s\n", ebuf);
      rc = LXS_EIO;
      break;
    }
    lxs_columns cols = {o->text_col, o->id_col, NULL, 0};
    lxs_reader_set_columns(rd, &cols);
    lxs_record rec;
    int k;
    while ((k = lxs_reader_next(rd, &rec, ebuf, sizeof ebuf)) == 1) {
      const lxs_result *r = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      const lxs_matcher *mt = lxs_scorer_matcher(sc);
      for (size_t i = 0; i < mt->n; i++) {
        const lxs_match *m = &mt->m[i];
        const lxs_sentence *se = &r->sentences[m->sentence];
        if (se->flags & LXS_SENTENCE_HEADER) continue; /* not scored */
        const char *spk = rec.speaker ? rec.speaker : r->speakers[se->speaker].name;
        for (uint32_t q = 0; q < m->nsenses; q++)
          count_hit(&c, &s, mt->senses[m->sense_off + q], doc, spk);
      }
      collect_candidates(&s, sc, r);
      doc++;
    }
    if (k < 0) {
      fprintf(err, "lexstance: %s\n", ebuf);
      rc = lxs_reader_error(rd);
    }
    lxs_reader_close(rd);
  }
  if (rc == LXS_OK) coverage_tables(&c, &s, o->top, tables);
  for (size_t i = 0; i < s.nnames; i++) free(s.names[i]);
  free(s.names);
  for (size_t i = 0; i < s.ncands; i++) {
    free(s.cands_v[i].word);
    free(s.cands_v[i].stem);
    free(s.cands_v[i].themes);
  }
  free(s.cands_v);
  free(s.hits);
  free(s.covered);
  free(s.counted);
  lxs_strmap_free(&s.speakers);
  lxs_strmap_free(&s.sp_hits);
  lxs_strmap_free(&s.cands);
  lxs_strmap_free(&s.stop);
  lxs_scorer_free(sc);
  ctx_free(&c);
  return rc;
}
