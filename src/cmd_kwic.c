/* cmd_kwic.c - `lexstance kwic TERM|THEME FILE...`: keyword in context,
 * as quanteda's kwic gives it, with what lexstance made of each match.
 *
 * A THEME (a theme id, or "sentiment") lists every lexicon match the
 * scorer tied to it.  A TERM (words, the last one may end in '*') lists
 * every place the words occur, compared by their normal form (case
 * folded) as the tokenizer gives it, with the lexicon matches there -- or
 * none, which is what an analyst checking a dictionary wants to see.
 * Each row has the match, the WINDOW words before and after it, its
 * speaker, its theme, lexicon term, role and contribution, and the holder
 * of the view when the speaker reports someone else's. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scorer.h"

typedef struct {
  char **words; /* normal forms */
  size_t n;
  int glob;       /* the last word is a prefix */
  int by_theme;   /* theme mode */
  uint32_t theme; /* its theme index, LXS_THEME_NONE for sentiment */
} pattern;

typedef struct {
  const cli_opts *o;
  const lxs_lexicon *lex;
  pattern pat;
  unsigned window;
  lxs_buf row; /* scratch */
} kwic_ctx;

/* ---- the pattern ----------------------------------------------------------- */

static void pattern_parse(pattern *p, const lxs_lexicon *lex, const char *arg) {
  memset(p, 0, sizeof *p);
  if (strcmp(arg, "sentiment") == 0) {
    p->by_theme = 1;
    p->theme = LXS_THEME_NONE;
  }
  for (size_t t = 0; t < lxs_lexicon_theme_count(lex); t++)
    if (strcmp(lxs_lexicon_theme_name(lex, t), arg) == 0) {
      p->by_theme = 1;
      p->theme = (uint32_t)t;
    }
  if (p->by_theme) return;
  size_t len = strlen(arg);
  p->glob = len > 1 && arg[len - 1] == '*';
  lxs_tokenizer *tk = lxs_tokenizer_new();
  lxs_tokenize(tk, arg, len - (size_t)p->glob);
  p->words = lxs_xcalloc(tk->ntok + 1, sizeof *p->words);
  for (size_t i = 0; i < tk->ntok; i++) {
    const lxs_token *k = &tk->toks[i];
    if (k->kind != LXS_TOK_WORD || (k->flags & LXS_TF_PART)) continue;
    p->words[p->n++] = lxs_xstrndup(lxs_tok_norm(tk, k), k->norm_len);
  }
  lxs_tokenizer_free(tk);
  if (p->n == 0) cli_usage_error("kwic: '%s' is neither a theme nor a word", arg);
}

static void pattern_free(pattern *p) {
  for (size_t i = 0; i < p->n; i++) free(p->words[i]);
  free(p->words);
}

/* The tokens of a document a pattern's words are compared with: words,
 * compounds whole (not their parts). */
static int is_word(const lxs_token *k) {
  return k->kind == LXS_TOK_WORD && !(k->flags & LXS_TF_PART);
}

/* Whether the pattern starts at token i; *last gets its last token. */
static int pattern_at(const pattern *p, const lxs_tokenizer *tk, size_t i, size_t *last) {
  size_t k = i;
  for (size_t w = 0; w < p->n; w++, k++) {
    while (k < tk->ntok && (tk->toks[k].flags & LXS_TF_PART)) k++;
    if (k >= tk->ntok || !is_word(&tk->toks[k])) return 0;
    const lxs_token *t = &tk->toks[k];
    const char *norm = lxs_tok_norm(tk, t);
    size_t n = strlen(p->words[w]);
    int prefix = p->glob && w + 1 == p->n;
    if (prefix ? t->norm_len < n || memcmp(norm, p->words[w], n) != 0
               : t->norm_len != n || memcmp(norm, p->words[w], n) != 0)
      return 0;
    *last = k;
  }
  return 1;
}

/* ---- rows ------------------------------------------------------------------ */

static void put_cell(lxs_buf *b, const cli_opts *o, const char *s, size_t n) {
  if (o->format == FMT_JSONL) lxs_json_str(b, s, n);
  else if (o->format == FMT_MD) {
    lxs_buf tmp;
    lxs_buf_init(&tmp);
    lxs_buf_put(&tmp, s, n);
    lxs_md_cell(b, lxs_buf_cstr(&tmp));
    lxs_buf_free(&tmp);
  } else {
    lxs_csv_field(b, s, n);
  }
}

static const char *const kColumns[] = {"speaker", "sentence", "byte_start",   "byte_end",
                                       "pre",     "match",    "post",         "theme",
                                       "term",    "role",     "contribution", "holder"};
enum { NCOLUMNS = sizeof kColumns / sizeof *kColumns };

static void header(lxs_buf *b, const cli_opts *o) {
  if (o->format == FMT_JSONL) return;
  int md = o->format == FMT_MD;
  lxs_buf_puts(b, md ? "| doc |" : "doc");
  for (size_t k = 0; k < o->nkeep; k++) lxs_buf_printf(b, md ? " %s |" : ",%s", o->keep_names[k]);
  for (int i = 0; i < NCOLUMNS; i++) lxs_buf_printf(b, md ? " %s |" : ",%s", kColumns[i]);
  if (!md) {
    lxs_buf_puts(b, "\r\n");
    return;
  }
  lxs_buf_puts(b, "\n|---|");
  for (size_t k = 0; k < o->nkeep + NCOLUMNS; k++) lxs_buf_puts(b, "---|");
  lxs_buf_putc(b, '\n');
}

/* text[from..to) with every run of white space one space: a line per
 * match, as quanteda prints it. */
static void squeeze(lxs_buf *b, const char *text, size_t from, size_t to) {
  int space = 0;
  for (size_t i = from; i < to; i++) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = 1;
      continue;
    }
    if (space && b->len) lxs_buf_putc(b, ' ');
    space = 0;
    lxs_buf_putc(b, c);
  }
}

/* The context of tokens first..last: window words either side. */
static void context(const kwic_ctx *c, const lxs_tokenizer *tk, const char *text, size_t first,
                    size_t last, lxs_buf *pre, lxs_buf *post) {
  size_t a = first, words = 0;
  while (a > 0 && words < c->window)
    if (is_word(&tk->toks[--a])) words++;
  size_t z = last;
  words = 0;
  while (z + 1 < tk->ntok && words < c->window)
    if (is_word(&tk->toks[++z])) words++;
  pre->len = post->len = 0;
  if (a < first) squeeze(pre, text, tk->toks[a].start, tk->toks[first].start);
  if (z > last) squeeze(post, text, tk->toks[last].end, tk->toks[z].end);
  lxs_buf_cstr(pre);
  lxs_buf_cstr(post);
}

typedef struct {
  const char *doc;
  const char *const *keep;
  const char *speaker;
  const char *text;
} doc_info;

/* One row: the match at text[start..end) in sentence s, with evidence e
 * (or none). */
static void emit(kwic_ctx *c, lxs_buf *b, const doc_info *d, size_t s, size_t start, size_t end,
                 const lxs_buf *pre, const lxs_buf *post, const lxs_evidence *e) {
  const cli_opts *o = c->o;
  int md = o->format == FMT_MD, js = o->format == FMT_JSONL;
  const char *sep = md ? " | " : ",";
  size_t nn = 0;
  /* JSON: the key before each value; CSV and Markdown: the separator */
#define NEXT(key)                                                                                  \
  do {                                                                                             \
    if (js) lxs_buf_printf(b, "%s\"%s\":", nn++ ? "," : "{", key);                                 \
    else if (nn++) lxs_buf_puts(b, sep);                                                           \
    else if (md) lxs_buf_puts(b, "| ");                                                            \
  } while (0)
  NEXT("doc");
  put_cell(b, o, d->doc, strlen(d->doc));
  for (size_t k = 0; k < o->nkeep; k++) {
    NEXT(o->keep_names[k]);
    put_cell(b, o, d->keep ? d->keep[k] : "", d->keep ? strlen(d->keep[k]) : 0);
  }
  NEXT("speaker");
  put_cell(b, o, d->speaker, strlen(d->speaker));
  NEXT("sentence");
  lxs_buf_put_uint(b, s + 1);
  NEXT("byte_start");
  lxs_buf_put_uint(b, start);
  NEXT("byte_end");
  lxs_buf_put_uint(b, end);
  NEXT("pre");
  put_cell(b, o, pre->data ? pre->data : "", pre->len);
  NEXT("match");
  c->row.len = 0;
  squeeze(&c->row, d->text, start, end);
  put_cell(b, o, c->row.data ? c->row.data : "", c->row.len);
  NEXT("post");
  put_cell(b, o, post->data ? post->data : "", post->len);
  const char *theme = !e                           ? ""
                      : e->theme == LXS_THEME_NONE ? "sentiment"
                                                   : lxs_lexicon_theme_name(c->lex, e->theme);
  NEXT("theme");
  put_cell(b, o, theme, strlen(theme));
  NEXT("term");
  put_cell(b, o, e ? e->term : "", e ? strlen(e->term) : 0);
  NEXT("role");
  put_cell(b, o, e ? e->role : "", e ? strlen(e->role) : 0);
  NEXT("contribution");
  if (e) lxs_fmt_num(b, e->contribution);
  else if (js) lxs_buf_puts(b, "null");
  NEXT("holder");
  put_cell(b, o, e && e->holder ? e->holder : "", e && e->holder ? strlen(e->holder) : 0);
#undef NEXT
  lxs_buf_puts(b, js ? "}\n" : md ? " |\n" : "\r\n");
}

/* The token whose bytes hold offset pos (the first at or after it). */
static size_t token_at(const lxs_tokenizer *tk, size_t pos) {
  size_t lo = 0, hi = tk->ntok;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (tk->toks[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < tk->ntok ? lo : tk->ntok - 1;
}

static const char *speaker_of(const doc_info *d, const lxs_result *r, size_t s) {
  return d->speaker ? d->speaker : r->speakers[r->sentences[s].speaker].name;
}

/* Theme mode: every match the scorer tied to the theme. */
static void theme_rows(kwic_ctx *c, lxs_buf *b, doc_info *d, const lxs_result *r,
                       const lxs_tokenizer *tk, lxs_buf *pre, lxs_buf *post) {
  const char *override = d->speaker;
  for (size_t i = 0; i < r->n_evidence; i++) {
    const lxs_evidence *e = &r->evidence[i];
    if (e->theme != c->pat.theme) continue;
    if (r->sentences[e->sentence].flags & LXS_SENTENCE_HEADER) continue;
    context(c, tk, d->text, token_at(tk, e->start), token_at(tk, e->end ? e->end - 1 : 0), pre,
            post);
    d->speaker = speaker_of(d, r, e->sentence);
    emit(c, b, d, e->sentence, e->start, e->end, pre, post, e);
    d->speaker = override;
  }
}

/* Term mode: every place the words occur, with the matches there. */
static void term_rows(kwic_ctx *c, lxs_buf *b, doc_info *d, const lxs_result *r,
                      const lxs_tokenizer *tk, lxs_buf *pre, lxs_buf *post) {
  const char *override = d->speaker;
  size_t e0 = 0;
  for (size_t i = 0; i < tk->ntok; i++) {
    size_t last = i;
    if (!is_word(&tk->toks[i]) || !pattern_at(&c->pat, tk, i, &last)) continue;
    size_t s = tk->toks[i].sentence;
    if (r->sentences[s].flags & LXS_SENTENCE_HEADER) continue;
    size_t start = tk->toks[i].start, end = tk->toks[last].end;
    context(c, tk, d->text, i, last, pre, post);
    d->speaker = speaker_of(d, r, s);
    /* evidence is in text order: skip what ends before this match */
    while (e0 < r->n_evidence && r->evidence[e0].sentence < s) e0++;
    int any = 0;
    for (size_t k = e0; k < r->n_evidence && r->evidence[k].sentence == s; k++) {
      const lxs_evidence *e = &r->evidence[k];
      if (e->start >= end || e->end <= start) continue;
      emit(c, b, d, s, start, end, pre, post, e);
      any = 1;
    }
    if (!any) emit(c, b, d, s, start, end, pre, post, NULL);
    d->speaker = override;
  }
}

/* ---- the command ----------------------------------------------------------- */

enum { OPT_WINDOW = CLI_OWN_OPTION };
static const cli_option kOwn[] = {{OPT_WINDOW, OPT_WINDOW, "window", required_argument,
                                   "--window N", "words of context either side (default 5)"},
                                  {0, 0, NULL, 0, NULL, NULL}};

static void own_option(void *ud, int val, const char *arg) {
  unsigned *window = ud;
  char *end;
  unsigned long v = strtoul(arg, &end, 10);
  if (val != OPT_WINDOW || *end || !*arg || arg[0] == '-' || v > 1000)
    cli_usage_error("--window needs a number of words from 0 to 1000, not '%s'", arg);
  *window = (unsigned)v;
}

/* Scores each record of path and writes its rows; a status. */
static int kwic_file(kwic_ctx *c, lxs_scorer *sc, const lxs_options *sopt, const char *path,
                     lxs_out *out) {
  char err[ERRLEN];
  lxs_reader *rd = lxs_reader_open(path, c->o->input, err, sizeof err);
  if (!rd) {
    cli_err("%s", err);
    return CLI_EXIT_IO;
  }
  lxs_columns cols = {c->o->text_col, c->o->id_col, (const char *const *)c->o->keep, c->o->nkeep};
  lxs_reader_set_columns(rd, &cols);
  lxs_buf b, pre, post;
  lxs_buf_init(&b);
  lxs_buf_init(&pre);
  lxs_buf_init(&post);
  lxs_record rec;
  int k, rc = 0;
  while (rc == 0 && (k = lxs_reader_next(rd, &rec, err, sizeof err)) == 1) {
    const lxs_result *r = lxs_scorer_run(sc, rec.text, rec.len, sopt);
    const lxs_tokenizer *tk = lxs_scorer_tokenizer(sc);
    doc_info d = {rec.id, rec.keep, rec.speaker, rec.text};
    if (c->pat.by_theme) theme_rows(c, &b, &d, r, tk, &pre, &post);
    else term_rows(c, &b, &d, r, tk, &pre, &post);
    if (cli_write(out, &b, err, sizeof err)) {
      cli_err("%s", err);
      rc = CLI_EXIT_IO;
    }
  }
  if (rc == 0 && k < 0) {
    cli_err("%s", err);
    rc = cli_exit_code(lxs_reader_error(rd));
  }
  lxs_reader_close(rd);
  lxs_buf_free(&b);
  lxs_buf_free(&pre);
  lxs_buf_free(&post);
  return rc;
}

int cmd_kwic(int argc, char **argv) {
  cli_opts o;
  unsigned window = 5;
  int first = cli_parse_with("kwic", argc, argv, &o, kOwn, own_option, &window);
  if (first >= argc) cli_usage_error("%s", "kwic needs a TERM or THEME");
  if (o.format == FMT_WIDE) cli_usage_error("%s", "kwic writes csv, md or jsonl, not wide");
  int named = o.input == LXS_IN_TSV || o.input == LXS_IN_CSV || o.input == LXS_IN_JSONL;
  if ((o.nkeep || o.text_col || o.id_col) && !named)
    cli_usage_error("%s", "--keep, --text-col and --id-col need --input csv, tsv or jsonl");
  for (int i = first + 1; i < argc; i++) cli_check_input_name(&o, argv[i]);
  lxs_lexicon *lex = cli_load_lexicon(&o);
  kwic_ctx c = {&o, lex, {0}, window, {0}};
  pattern_parse(&c.pat, lex, argv[first]);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  lxs_speaker_hints *hints = cli_load_hints(&o);
  lxs_options sopt = {o.input == LXS_IN_TEXT && !o.no_attribution, hints};
  lxs_out *out = lxs_out_open(o.output, err, sizeof err);
  int rc = 0;
  if (!out) {
    cli_err("%s", err);
    rc = CLI_EXIT_IO;
  }
  lxs_buf hdr;
  lxs_buf_init(&hdr);
  header(&hdr, &o);
  if (rc == 0 && cli_write(out, &hdr, err, sizeof err)) {
    cli_err("%s", err);
    rc = CLI_EXIT_IO;
  }
  for (int i = first + 1; rc == 0 && i < argc; i++) rc = kwic_file(&c, sc, &sopt, argv[i], out);
  if (rc == 0 && first + 1 >= argc) rc = kwic_file(&c, sc, &sopt, "-", out);
  rc = cli_finish_outputs(&out, 1, rc);
  lxs_buf_free(&hdr);
  lxs_buf_free(&c.row);
  pattern_free(&c.pat);
  lxs_scorer_free(sc);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
