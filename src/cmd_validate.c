/* cmd_validate.c - `lexstance validate [options] LABELS`: compare the tool
 * with hand codes, as a social scientist must before trusting a dictionary.
 *
 * Two modes score the labelled sentences:
 *   alone    each labelled sentence is a document of its own (no speaker
 *            attribution); its prediction aggregates the tool's sentences
 *            in it;
 *   context  each article (--articles DIR, by the labels' file column) is
 *            scored whole with speaker attribution; a labelled sentence is
 *            located by text search (whitespace runs folded), and the tool's
 *            sentences overlapping its bytes give its prediction.
 * In both, a prediction aggregates its tool sentences as a speaker's stance
 * does: the mean sentence stance over those that mention the theme, its
 * class by LXS_CLASS_THRESHOLD; the theme is absent when none mentions it.
 *
 * Pipeline: options -> lexicon and labels -> select rows (--split,
 * --files) -> run each mode into a result model -> render it as a table or
 * CSV; --errors writes every disagreeing cell with its evidence. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "aggregate.h"
#include "cli.h"
#include "labels.h"
#include "segment.h"
#include "validate.h"

enum { MODE_ALONE = 1, MODE_CONTEXT = 2 };
enum { SPLIT_ALL, SPLIT_ODD, SPLIT_EVEN };

typedef struct {
  const char *labels;
  lxs_table_format labels_format;
  int modes, modes_set;
  const char *articles; /* NULL: corpora/ beside the labels file */
  int skip_header;
  int csv;
  const char *output;
  const char *errors;
  int split;
  int baselines, sweep;
  const char **files; /* --files PATTERN (fnmatch), any may match */
  size_t nfiles;
  const char *speaker_labels;
  double dead_zone;
  cli_opts lex; /* lexicon and --speakers options */
} vopts;

/* One labelled row's values for one theme (kept for the threshold sweep
 * and the baselines). */
typedef struct {
  int8_t gold;               /* -1, 0, 1 or LXS_GOLD_ABSENT */
  uint8_t present;           /* the tool mentions the theme */
  double stance;             /* lexstance's stance */
  double keyword, sentiment; /* the two baselines' values */
} vitem;

/* What one mode measured: the model both renderers print. */
typedef struct {
  int mode;
  size_t n_themes;
  lxs_confusion *conf; /* per theme, at LXS_CLASS_THRESHOLD */
  vitem *items;        /* [rows * n_themes] */
  size_t cap_items;
  unsigned long rows, not_found, no_article, articles, articles_missing;
  /* context: rows the tool splits, or reads as part of a longer sentence */
  unsigned long rows_split, rows_inside;
  /* attribution (context mode, labels with a speaker column) */
  int attribution;
  unsigned long spk_gold, spk_tool, spk_matched;
  unsigned long named_rows, named_hits, author_rows, author_hits;
  /* per-speaker stance signs (--speaker-labels); [n_themes] is the total */
  int signs;
  unsigned long *sign_cells, *sign_found, *sign_agree;
} vresult;

typedef struct {
  const vopts *o;
  const lxs_lexicon *lex;
  const lxs_labels *L;
  const lxs_speaker_labels *S;
  size_t *sel; /* selected rows, in label order */
  size_t nsel;
  lxs_scorer *sc;
  lxs_speaker_hints *hints;
  lxs_agg agg;
  lxs_buf *errs; /* --errors CSV, or NULL */
  int *pred;     /* per theme, scratch */
  double *stance, *keyword, *sentiment;
} vctx;

/* ---- options ---------------------------------------------------------------- */

enum {
  VO_MODE = CLI_OWN_OPTION,
  VO_ARTICLES,
  VO_SKIPHDR,
  VO_FORMAT,
  VO_ERRORS,
  VO_SPLIT,
  VO_FILES,
  VO_SPKLABELS,
  VO_DEADZONE,
  VO_LABFMT,
  VO_BASELINES,
  VO_SWEEP
};

/* validate's own options; it takes the lexicon options, --speakers and
 * -o as score does (src/cli_options.c). */
static const cli_option kValidateOpts[] = {
    {VO_MODE, VO_MODE, "mode", required_argument, "--mode alone|context|both",
     "each sentence alone, inside its article, or\n"
     "both (default; alone only when no articles exist)"},
    {VO_ARTICLES, VO_ARTICLES, "articles", required_argument, "--articles DIR",
     "the articles named by the file column (default:\n"
     "corpora/ beside LABELS)"},
    {VO_SKIPHDR, VO_SKIPHDR, "skip-header", no_argument, "--skip-header",
     "articles open with a metadata block ended by the\n"
     "first blank line: it is neither scored nor searched"},
    {VO_SPLIT, VO_SPLIT, "split", required_argument, "--split odd|even|all",
     "only files whose name starts with an odd / even\n"
     "number (tune and check halves)"},
    {VO_FILES, VO_FILES, "files", required_argument, "--files PATTERN",
     "only files matching the shell pattern (repeatable)"},
    {VO_SPKLABELS, VO_SPKLABELS, "speaker-labels", required_argument, "--speaker-labels FILE",
     "per-speaker stance (file, speaker, one column per\n"
     "theme in [-1,1]): report per-speaker sign agreement"},
    {VO_DEADZONE, VO_DEADZONE, "dead-zone", required_argument, "--dead-zone X",
     "a speaker label with |value| < X is class 0\n"
     "(default 0.25)"},
    {VO_ERRORS, VO_ERRORS, "errors", required_argument, "--errors FILE",
     "CSV of every disagreeing cell with its evidence"},
    {VO_BASELINES, VO_BASELINES, "baselines", no_argument, "--baselines",
     "also the stance macro-F1 of two baselines: keyword\n"
     "counting, and sentence sentiment used as stance"},
    {VO_SWEEP, VO_SWEEP, "sweep", no_argument, "--sweep",
     "macro-F1 at class thresholds 0, 0.05, ..., 0.5"},
    {VO_FORMAT, VO_FORMAT, "format", required_argument, "--format table|csv",
     "report format (default table)"},
    {VO_LABFMT, VO_LABFMT, "labels-format", required_argument, "--labels-format tsv|csv",
     "default: by extension, else by the header"},
    {0, 0, NULL, 0, NULL, NULL}};

static void parse_choice(vopts *o, int c, const char *arg) {
  if (c == VO_MODE) {
    if (strcmp(arg, "alone") == 0) o->modes = MODE_ALONE;
    else if (strcmp(arg, "context") == 0) o->modes = MODE_CONTEXT;
    else if (strcmp(arg, "both") == 0) o->modes = MODE_ALONE | MODE_CONTEXT;
    else cli_usage_error("unknown --mode '%s' (alone, context, both)", arg);
    o->modes_set = 1;
  } else if (c == VO_FORMAT) {
    if (strcmp(arg, "csv") == 0) o->csv = 1;
    else if (strcmp(arg, "table") == 0) o->csv = 0;
    else cli_usage_error("unknown --format '%s' for validate (table, csv)", arg);
  } else if (c == VO_SPLIT) {
    if (strcmp(arg, "odd") == 0) o->split = SPLIT_ODD;
    else if (strcmp(arg, "even") == 0) o->split = SPLIT_EVEN;
    else if (strcmp(arg, "all") == 0) o->split = SPLIT_ALL;
    else cli_usage_error("unknown --split '%s' (odd, even, all)", arg);
  } else if (c == VO_LABFMT) {
    if (lxs_table_format_parse(arg, &o->labels_format))
      cli_usage_error("unknown --labels-format '%s' (tsv, csv)", arg);
  } else if (c == VO_DEADZONE) {
    char *end;
    double v = strtod(arg, &end);
    if (*end || end == arg || !(v >= 0 && v <= 1))
      cli_usage_error("--dead-zone needs a number from 0 to 1, not '%s'", arg);
    o->dead_zone = v;
  }
}

static void validate_option(void *ud, int c, const char *arg) {
  vopts *o = ud;
  switch (c) {
  case VO_ARTICLES: o->articles = arg; break;
  case VO_SKIPHDR: o->skip_header = 1; break;
  case VO_BASELINES: o->baselines = 1; break;
  case VO_SWEEP: o->sweep = 1; break;
  case VO_ERRORS: o->errors = arg; break;
  case VO_FILES: o->files[o->nfiles++] = arg; break;
  case VO_SPKLABELS: o->speaker_labels = arg; break;
  default: parse_choice(o, c, arg);
  }
}

static int parse_validate(int argc, char **argv, vopts *o) {
  memset(o, 0, sizeof *o);
  o->dead_zone = 0.25;
  o->modes = MODE_ALONE | MODE_CONTEXT;
  o->files = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  int first = cli_parse_with("validate", argc, argv, &o->lex, kValidateOpts, validate_option, o);
  o->output = o->lex.output;
  if (first != argc - 1)
    cli_usage_error("%s", first >= argc ? "validate needs a LABELS file"
                                        : "validate takes one LABELS file");
  o->labels = argv[first];
  return first;
}

static void vopts_free(vopts *o) {
  cli_opts_free(&o->lex);
  free(o->files);
}

/* ---- selecting rows ------------------------------------------------------------ */

/* The number a file name starts with (after any directory), or -1. */
static long file_number(const char *file) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  if (*base < '0' || *base > '9') return -1;
  long v = 0;
  for (; *base >= '0' && *base <= '9' && v < 100000000; base++) v = v * 10 + (*base - '0');
  return v;
}

/* Rows chosen by --split and --files, in label order, into sel (*n of
 * them); LXS_EDATA for a file name --split cannot place. */
static int select_rows(const vopts *o, const lxs_labels *L, size_t *sel, size_t *n) {
  *n = 0;
  if ((o->split != SPLIT_ALL || o->nfiles) && !L->has_file) {
    cli_err("%s: --split and --files need a file column", o->labels);
    return LXS_EDATA;
  }
  for (size_t i = 0; i < L->n; i++) {
    const lxs_label_row *r = &L->rows[i];
    if (o->split != SPLIT_ALL) {
      long k = file_number(r->file);
      if (k < 0) {
        lxs_buf d;
        lxs_buf_init(&d);
        lxs_display_text(r->file, strlen(r->file), 80, &d);
        cli_err("%s:%lu: --split needs a number at the start of the file name ('%s')", o->labels,
                r->line, d.data);
        lxs_buf_free(&d);
        return LXS_EDATA;
      }
      if ((k % 2 == 1) != (o->split == SPLIT_ODD)) continue;
    }
    int keep = o->nfiles == 0;
    for (size_t f = 0; f < o->nfiles && !keep; f++) keep = fnmatch(o->files[f], r->file, 0) == 0;
    if (keep) sel[(*n)++] = i;
  }
  return 0;
}

/* ---- predictions ------------------------------------------------------------- */

/* The two baselines of tools/eval.c for theme t over tool sentences
 * [first, first + n), which lexstance's detection gates: a plain keyword
 * count (the theme's stance terms +-1, and every sentiment word +-1 signed
 * by the orientation of the theme's targets; no modifiers, no ties), and
 * the mean sentence sentiment used as stance. */
static void baselines(const lxs_result *r, size_t first, size_t n, size_t t, double *keyword,
                      double *sentiment) {
  double orient = 0, kw = 0, sent = 0;
  size_t e0 = 0;
  while (e0 < r->n_evidence && r->evidence[e0].sentence < first) e0++;
  for (size_t e = e0; e < r->n_evidence && r->evidence[e].sentence < first + n; e++)
    if (r->evidence[e].theme == t && strcmp(r->evidence[e].role, "target") == 0)
      orient += r->evidence[e].weight;
  for (size_t e = e0; e < r->n_evidence && r->evidence[e].sentence < first + n; e++) {
    const lxs_evidence *ev = &r->evidence[e];
    if (ev->theme == t && strcmp(ev->role, "stance") == 0) kw += ev->weight > 0 ? 1 : -1;
    if (ev->theme == LXS_THEME_NONE && ev->weight != 0)
      kw += (ev->weight > 0 ? 1 : -1) * (orient < 0 ? -1 : 1);
  }
  for (size_t s = first; s < first + n; s++) sent += r->sentences[s].sentiment;
  *keyword = kw;
  *sentiment = n ? sent / (double)n : 0;
}

/* The prediction of tool sentences [first, first + n) of r, per theme:
 * c->pred gets -1/0/+1 or LXS_GOLD_ABSENT, c->stance the mean stance. */
static void predict(vctx *c, const lxs_result *r, size_t first, size_t n) {
  lxs_agg_reset(&c->agg);
  for (size_t s = first; s < first + n; s++) lxs_agg_sum_sentence(&c->agg, r, s);
  for (size_t t = 0; t < c->L->n_themes; t++) {
    int present;
    c->stance[t] = lxs_agg_stance(&c->agg, t, &present);
    c->pred[t] = present ? lxs_stance_class(c->stance[t]) : LXS_GOLD_ABSENT;
    c->keyword[t] = c->sentiment[t] = 0;
    if (c->o->baselines && present) baselines(r, first, n, t, &c->keyword[t], &c->sentiment[t]);
  }
}

static const char *label_text(int v) {
  return v == LXS_GOLD_ABSENT ? "absent" : v > 0 ? "1" : v < 0 ? "-1" : "0";
}

/* The evidence for theme t in tool sentences [first, first + n): each
 * sentence's stance, then every matched term with its role, the term it
 * is tied to, its modifiers and contribution. */
static void evidence_text(lxs_buf *b, const lxs_lexicon *lex, const lxs_result *r, const char *text,
                          size_t first, size_t n, size_t t) {
  size_t lo = 0, hi = r->n_evidence;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->evidence[mid].sentence < first) lo = mid + 1;
    else hi = mid;
  }
  int any = 0;
  for (size_t s = first; s < first + n; s++) {
    const lxs_theme_score *ts = &r->scores[s * r->n_themes + t];
    if (!ts->mentions) continue;
    lxs_buf_printf(b, "%ssentence %zu: stance %+.3f (raw %+.3f, %u mention%s)", any ? "; " : "",
                   s + 1, ts->stance, ts->raw, ts->mentions, ts->mentions == 1 ? "" : "s");
    any = 1;
  }
  for (size_t e = lo; e < r->n_evidence && r->evidence[e].sentence < first + n; e++) {
    const lxs_evidence *ev = &r->evidence[e];
    if (ev->theme != t) continue;
    lxs_buf_printf(b, "%s%s '", any ? "; " : "", ev->role);
    lxs_buf_put(b, text + ev->start, ev->end - ev->start);
    lxs_buf_putc(b, '\'');
    if (ev->target_end > ev->target_start &&
        (ev->target_start != ev->start || ev->target_end != ev->end)) {
      lxs_buf_puts(b, " -> '");
      lxs_buf_put(b, text + ev->target_start, ev->target_end - ev->target_start);
      lxs_buf_putc(b, '\'');
    }
    lxs_buf_printf(b, " (\"%s\" %+.2f", ev->term, ev->weight);
    for (unsigned m = 0; lxs_modifier_name(m); m++)
      if (ev->modifiers & (1u << m)) lxs_buf_printf(b, ", %s", lxs_modifier_name(m));
    if (ev->holder) lxs_buf_printf(b, ", held by %s", ev->holder);
    lxs_buf_printf(b, ") %+.4f", ev->contribution);
    any = 1;
  }
  (void)lex;
  if (!any) lxs_buf_puts(b, "no term of the theme");
}

static const char kErrorsHeader[] =
    "file,line,speaker,theme,gold,predicted,stance,mode,tool_speaker,sentence,evidence\r\n";

/* One errors-file row per theme where gold and prediction differ. */
static void error_rows(vctx *c, int mode, const lxs_label_row *row, const lxs_result *r,
                       const char *text, size_t first, size_t n, const char *tool_speaker) {
  if (!c->errs) return;
  lxs_buf ev;
  lxs_buf_init(&ev);
  for (size_t t = 0; t < c->L->n_themes; t++) {
    if (!c->L->has_theme[t] || row->gold[t] == c->pred[t]) continue;
    lxs_buf *b = c->errs;
    lxs_csv_str(b, row->file);
    lxs_buf_printf(b, ",%lu,", row->line);
    lxs_csv_str(b, row->speaker);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, lxs_lexicon_theme_name(c->lex, t));
    lxs_buf_printf(b, ",%s,%s,", label_text(row->gold[t]), label_text(c->pred[t]));
    if (c->pred[t] != LXS_GOLD_ABSENT) lxs_fmt_num(b, c->stance[t]);
    lxs_buf_printf(b, ",%s,", mode == MODE_ALONE ? "alone" : "context");
    lxs_csv_str(b, tool_speaker ? tool_speaker : "");
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, row->sentence);
    lxs_buf_putc(b, ',');
    ev.len = 0;
    evidence_text(&ev, c->lex, r, text, first, n, t);
    lxs_csv_field(b, ev.data, ev.len);
    lxs_buf_puts(b, "\r\n");
  }
  lxs_buf_free(&ev);
}

/* A labelled row the tool could not score, in the errors file. */
static void missing_row(vctx *c, const lxs_label_row *row, const char *why) {
  if (!c->errs) return;
  lxs_buf *b = c->errs;
  lxs_csv_str(b, row->file);
  lxs_buf_printf(b, ",%lu,", row->line);
  lxs_csv_str(b, row->speaker);
  lxs_buf_printf(b, ",,,%s,,context,,", why);
  lxs_csv_str(b, row->sentence);
  lxs_buf_puts(b, ",\r\n");
}

static void count_row(vctx *c, vresult *res, const lxs_label_row *row) {
  size_t nth = c->L->n_themes;
  if ((res->rows + 1) * nth > res->cap_items) {
    res->cap_items = (res->rows + 1) * nth * 2;
    res->items = lxs_xrealloc(res->items, res->cap_items * sizeof *res->items);
  }
  vitem *it = res->items + res->rows * nth;
  res->rows++;
  for (size_t t = 0; t < nth; t++) {
    it[t] = (vitem){row->gold[t], c->pred[t] != LXS_GOLD_ABSENT, c->stance[t], c->keyword[t],
                    c->sentiment[t]};
    if (c->L->has_theme[t]) lxs_confusion_add(&res->conf[t], row->gold[t], c->pred[t]);
  }
}

enum { BY_STANCE, BY_KEYWORD, BY_SENTIMENT };

/* The confusion of theme t when the value `by` is classed at threshold
 * thr (+1 above it, -1 below its negative), a theme the tool does not
 * mention being absent. */
static void confusion_at(const vresult *r, size_t t, int by, double thr, lxs_confusion *c) {
  memset(c, 0, sizeof *c);
  for (size_t i = 0; i < r->rows; i++) {
    const vitem *it = &r->items[i * r->n_themes + t];
    double v = by == BY_STANCE ? it->stance : by == BY_KEYWORD ? it->keyword : it->sentiment;
    int pred = !it->present ? LXS_GOLD_ABSENT : v > thr ? 1 : v < -thr ? -1 : 0;
    lxs_confusion_add(c, it->gold, pred);
  }
}

static double macro_f1_at(const vresult *r, size_t t, int by, double thr) {
  lxs_confusion c;
  lxs_theme_metrics m;
  confusion_at(r, t, by, thr, &c);
  lxs_theme_metrics_compute(&c, &m);
  return m.macro_f1;
}

/* Baseline thresholds, as tools/eval.c used them. */
#define KEYWORD_THRESHOLD 0.5
#define SENTIMENT_THRESHOLD 0.05
#define SWEEP_STEPS 11 /* thresholds 0, 0.05, ..., 0.5 */

/* ---- alone ------------------------------------------------------------------------ */

static void run_alone(vctx *c, vresult *res) {
  lxs_options opt = {0, NULL}; /* a sentence alone has no speakers */
  for (size_t i = 0; i < c->nsel; i++) {
    const lxs_label_row *row = &c->L->rows[c->sel[i]];
    size_t len = strlen(row->sentence);
    const lxs_result *r = lxs_scorer_run(c->sc, row->sentence, len, &opt);
    predict(c, r, 0, r->n_sentences);
    count_row(c, res, row);
    error_rows(c, MODE_ALONE, row, r, row->sentence, 0, r->n_sentences, NULL);
  }
}

/* ---- context ------------------------------------------------------------------------ */

typedef struct {
  const char *file;
  size_t row;
} file_row;

static int cmp_file_row(const void *a, const void *b) {
  const file_row *x = a, *y = b;
  int d = strcmp(x->file, y->file);
  return d ? d : (x->row > y->row) - (x->row < y->row);
}

static int is_author(const char *s) { return strcasecmp(s, "author") == 0; }

static void name_key(const char *name, lxs_buf *out) {
  out->len = 0;
  lxs_name_key(name, strlen(name), out);
  lxs_buf_cstr(out);
}

/* Reads DIR/FILE (or DIR/FILE.txt when FILE has no extension); *body is
 * where the text after a --skip-header block starts. */
static int read_article(const vopts *o, const char *dir, const char *file, lxs_buf *text,
                        size_t *body, char *err, size_t errlen) {
  lxs_buf path;
  lxs_buf_init(&path);
  lxs_buf_printf(&path, "%s/%s", dir, file);
  text->len = 0;
  struct stat st;
  int absent = stat(path.data, &st) != 0;
  int rc = lxs_read_file(path.data, text, err, errlen);
  const char *base = strrchr(file, '/');
  if (rc && absent && !strchr(base ? base : file, '.')) {
    lxs_buf_puts(&path, ".txt");
    text->len = 0;
    rc = lxs_read_file(path.data, text, err, errlen);
  }
  lxs_buf_free(&path);
  lxs_buf_cstr(text);
  *body = 0;
  for (size_t i = 0; rc == 0 && o->skip_header && i < text->len;) {
    const char *nl = memchr(text->data + i, '\n', text->len - i);
    if (!nl) break;
    size_t next = (size_t)(nl - text->data) + 1;
    size_t n = next - 1 - i;
    if (n == 0 || (n == 1 && text->data[i] == '\r')) {
      *body = next; /* the first blank line ends the header */
      break;
    }
    i = next;
  }
  return rc;
}

/* The speaker the tool gives the span [first, first + n): that of the
 * sentence covering most of [start, end); *holder is its reported view's
 * holder or LXS_NO_HOLDER.  Returns the sentence. */
static size_t span_speaker(const lxs_result *r, size_t first, size_t n, size_t start, size_t end) {
  size_t best = first, best_cover = 0;
  for (size_t s = first; s < first + n; s++) {
    const lxs_sentence *se = &r->sentences[s];
    size_t a = se->start > start ? se->start : start, b = se->end < end ? se->end : end;
    if (b > a && b - a > best_cover) {
      best_cover = b - a;
      best = s;
    }
  }
  return best;
}

typedef struct {
  lxs_buf text, gold, key, tool;
  lxs_span_index ix;
} article_scratch;

/* Attribution of one found row: does the tool give it to the person the
 * label names (its speaker or its reported view's holder), or to the
 * author when the label says author? */
static void attribute_row(vresult *res, article_scratch *a, const lxs_label_row *row,
                          const lxs_result *r, const lxs_sentence *se) {
  if (!row->speaker[0]) return;
  if (is_author(row->speaker)) {
    res->author_rows++;
    res->author_hits += se->speaker == 0;
    return;
  }
  res->named_rows++;
  name_key(row->speaker, &a->gold);
  int hit = 0;
  if (se->speaker != 0 && se->speaker < r->n_speakers) {
    name_key(r->speakers[se->speaker].name, &a->key);
    hit = lxs_name_match(a->gold.data, a->key.data) > 0;
  }
  if (!hit && se->holder != LXS_NO_HOLDER && se->holder != 0 && se->holder < r->n_speakers) {
    name_key(r->speakers[se->holder].name, &a->key);
    hit = lxs_name_match(a->gold.data, a->key.data) > 0;
  }
  res->named_hits += hit;
}

static void report_missing(const vopts *o, const lxs_label_row *row, const char *what) {
  lxs_buf d;
  lxs_buf_init(&d);
  lxs_display_text(row->sentence, strlen(row->sentence), 60, &d);
  lxs_buf_puts(&d, "\" in ");
  lxs_display_text(row->file, strlen(row->file), 200, &d);
  cli_err("%s:%lu: %s: \"%s", o->labels, row->line, what, d.data);
  lxs_buf_free(&d);
}

/* Scores the labelled rows of one article found in its text. */
static void context_rows(vctx *c, vresult *res, article_scratch *a, const file_row *rows, size_t n,
                         const lxs_result *r, const char *body) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    const lxs_label_row *row = &c->L->rows[rows[i].row];
    size_t len = strlen(row->sentence), start, end;
    if (lxs_span_find(&a->ix, row->sentence, len, from, &start, &end) &&
        lxs_span_find(&a->ix, row->sentence, len, 0, &start, &end)) {
      report_missing(c->o, row, "sentence not found in its article");
      res->not_found++;
      missing_row(c, row, "not-found");
      continue;
    }
    from = start;
    size_t first, k = lxs_span_sentences(r, start, end, &first);
    res->rows_split += k > 1;
    /* more than a closing quote (three bytes) beyond the labelled text */
    res->rows_inside += k == 1 && (r->sentences[first].start + 3 < start ||
                                   r->sentences[first].end > end + 3);
    predict(c, r, first, k);
    count_row(c, res, row);
    a->tool.len = 0;
    if (k) {
      const lxs_sentence *se = &r->sentences[span_speaker(r, first, k, start, end)];
      attribute_row(res, a, row, r, se);
      lxs_buf_printf(&a->tool, "%s (%s)", r->speakers[se->speaker].name, se->cue);
      if (se->holder != LXS_NO_HOLDER && se->holder < r->n_speakers)
        lxs_buf_printf(&a->tool, "; view held by %s", r->speakers[se->holder].name);
    } else if (row->speaker[0] && is_author(row->speaker)) {
      res->author_rows++; /* no tool sentence there: given to nobody */
    } else if (row->speaker[0]) {
      res->named_rows++;
    }
    error_rows(c, MODE_CONTEXT, row, r, body, first, k, a->tool.data ? a->tool.data : "");
  }
}

/* Named speakers of one article: gold = the distinct holders other than
 * the author among its labelled rows, tool = the speakers it gives at
 * least one sentence or one reported view (each is a row of `score --unit
 * speaker`).  Pairs are matched one to one (lxs_name_set_pairs). */
static void speaker_pr(vctx *c, vresult *res, const file_row *rows, size_t n, const lxs_result *r) {
  lxs_name_set gold, tool;
  lxs_name_set_init(&gold);
  lxs_name_set_init(&tool);
  for (size_t i = 0; i < n; i++) {
    const char *sp = c->L->rows[rows[i].row].speaker;
    if (sp[0] && !is_author(sp)) lxs_name_set_add(&gold, sp, i);
  }
  unsigned char *speaks = lxs_xcalloc(r->n_speakers + 1, 1);
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    if (se->flags & LXS_SENTENCE_HEADER) continue;
    if (se->speaker < r->n_speakers) speaks[se->speaker] = 1;
    if (se->holder < r->n_speakers) speaks[se->holder] = 1; /* a view reported from them */
  }
  for (size_t sp = 1; sp < r->n_speakers; sp++)
    if (speaks[sp]) lxs_name_set_add(&tool, r->speakers[sp].name, sp);
  lxs_name_set_finish(&gold, 1);
  lxs_name_set_finish(&tool, 1);
  res->spk_gold += gold.n;
  res->spk_tool += tool.n;
  res->spk_matched += lxs_name_set_pairs(&gold, &tool);
  free(speaks);
  lxs_name_set_free(&gold);
  lxs_name_set_free(&tool);
}

/* The tool's speaker for a labelled holder name: 0 for the author, else
 * the best-matching name among all its speakers (names: keyed and sorted
 * once per article), or -1. */
static long find_speaker(const lxs_name_set *names, const char *name, lxs_buf *k) {
  if (is_author(name)) return 0;
  name_key(name, k);
  int level;
  long i = lxs_name_set_best(names, k->data, NULL, 1, &level);
  return i < 0 ? -1 : (long)names->e[i].id;
}

/* Per-speaker stance classes of one article against --speaker-labels:
 * the tool's class of the speaker's aggregate stance (as `score --unit
 * speaker` gives it) vs the label's sign with a dead zone. */
static void speaker_signs(vctx *c, vresult *res, const char *file, const lxs_result *r,
                          const file_row *sorted) {
  const lxs_speaker_labels *S = c->S;
  size_t lo = 0, hi = S->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(sorted[mid].file, file) < 0) lo = mid + 1;
    else hi = mid;
  }
  lxs_name_set names;
  lxs_name_set_init(&names);
  for (size_t sp = 1; sp < r->n_speakers; sp++) lxs_name_set_add(&names, r->speakers[sp].name, sp);
  lxs_name_set_finish(&names, 0);
  lxs_buf k;
  lxs_buf_init(&k);
  size_t nth = S->n_themes;
  for (; lo < S->n && strcmp(sorted[lo].file, file) == 0; lo++) {
    const lxs_speaker_label *sl = &S->rows[sorted[lo].row];
    long sp = find_speaker(&names, sl->speaker, &k);
    lxs_agg_reset(&c->agg);
    if (sp >= 0) lxs_agg_sum_speaker(&c->agg, r, (uint32_t)sp);
    for (size_t t = 0; t < nth; t++) {
      if (!sl->has[t]) continue;
      int present;
      double st = lxs_agg_stance(&c->agg, t, &present);
      double v = sl->value[t], dz = c->o->dead_zone;
      int gold = v >= dz ? 1 : v <= -dz ? -1 : 0;
      if (dz == 0) gold = v > 0 ? 1 : v < 0 ? -1 : 0;
      res->sign_cells[t]++;
      res->sign_cells[nth]++;
      if (sp < 0 || !present) continue;
      res->sign_found[t]++;
      res->sign_found[nth]++;
      int agree = lxs_stance_class(st) == gold;
      res->sign_agree[t] += agree;
      res->sign_agree[nth] += agree;
    }
  }
  lxs_buf_free(&k);
  lxs_name_set_free(&names);
}

/* Rows (or speaker labels) as (file, index) pairs sorted by file, then
 * by their order in the file. */
static file_row *by_file(size_t n, const char *(*file_of)(const void *, size_t), const void *src,
                         const size_t *idx) {
  file_row *fr = lxs_xcalloc(n + 1, sizeof *fr);
  for (size_t i = 0; i < n; i++) {
    fr[i].row = idx ? idx[i] : i;
    fr[i].file = file_of(src, fr[i].row);
  }
  qsort(fr, n, sizeof *fr, cmp_file_row);
  return fr;
}

static const char *label_file(const void *L, size_t i) {
  return ((const lxs_labels *)L)->rows[i].file;
}

static const char *speaker_file(const void *S, size_t i) {
  return ((const lxs_speaker_labels *)S)->rows[i].file;
}

/* Each article is read and scored once for all its labelled rows. */
static void run_context(vctx *c, vresult *res, const char *dir) {
  file_row *rows = by_file(c->nsel, label_file, c->L, c->sel);
  file_row *spk = c->S ? by_file(c->S->n, speaker_file, c->S, NULL) : NULL;
  article_scratch a;
  memset(&a, 0, sizeof a);
  lxs_span_index_init(&a.ix);
  lxs_options opt = {1, c->hints};
  char err[ERRLEN];
  for (size_t i = 0, j; i < c->nsel; i = j) {
    for (j = i + 1; j < c->nsel && strcmp(rows[j].file, rows[i].file) == 0; j++) {}
    size_t body;
    res->articles++;
    if (read_article(c->o, dir, rows[i].file, &a.text, &body, err, sizeof err)) {
      lxs_buf d;
      lxs_buf_init(&d);
      lxs_display_text(err, strlen(err), 300, &d);
      cli_err("%s (%zu labelled row%s not scored)", d.data, j - i, j - i == 1 ? "" : "s");
      lxs_buf_free(&d);
      res->articles_missing++;
      res->no_article += j - i;
      for (size_t k = i; k < j; k++) missing_row(c, &c->L->rows[rows[k].row], "no-article");
      continue;
    }
    const char *text = a.text.data + body;
    const lxs_result *r = lxs_scorer_run(c->sc, text, a.text.len - body, &opt);
    lxs_span_index_build(&a.ix, text, a.text.len - body);
    context_rows(c, res, &a, rows + i, j - i, r, text);
    if (c->L->has_speaker) speaker_pr(c, res, rows + i, j - i, r);
    if (spk) speaker_signs(c, res, rows[i].file, r, spk);
  }
  res->attribution = c->L->has_speaker;
  res->signs = c->S != NULL;
  lxs_span_index_free(&a.ix);
  lxs_buf_free(&a.text);
  lxs_buf_free(&a.gold);
  lxs_buf_free(&a.key);
  lxs_buf_free(&a.tool);
  free(rows);
  free(spk);
}

/* ---- reports ------------------------------------------------------------------------ */

static const char *mode_name(int mode) { return mode == MODE_ALONE ? "alone" : "context"; }

static void put_ratio(lxs_buf *b, int width, double v) {
  if (isnan(v)) lxs_buf_printf(b, "%*s", width, "n/a");
  else lxs_buf_printf(b, "%*.3f", width, v);
}

static void put_share(lxs_buf *b, unsigned long k, unsigned long n) {
  if (n) lxs_buf_printf(b, "%lu of %lu (%.1f%%)", k, n, 100.0 * (double)k / (double)n);
  else lxs_buf_puts(b, "none");
}

/* Mean of the defined values. */
static double mean_of(const double *v, size_t n) {
  double s = 0;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!isnan(v[i])) {
      s += v[i];
      k++;
    }
  return k ? s / (double)k : NAN;
}

static void table_metrics(lxs_buf *b, const lxs_lexicon *lex, const lxs_labels *L,
                          const vresult *res) {
  enum { NCOL = 6 };
  double *cols = lxs_xcalloc(NCOL * (L->n_themes + 1), sizeof(double));
  size_t k = 0;
  lxs_buf_puts(b, "theme               named  found  det P  det R  det F1  macro-F1  on found"
                  "  kappa(4)  kappa(3)\n");
  for (size_t t = 0; t < L->n_themes; t++) {
    if (!L->has_theme[t]) continue;
    lxs_theme_metrics m;
    lxs_theme_metrics_compute(&res->conf[t], &m);
    lxs_buf_printf(b, "%-18s %6lu %6lu", lxs_lexicon_theme_name(lex, t), m.gold_present,
                   m.detection.tp + m.detection.fp);
    const double v[NCOL] = {m.detection.f1, m.macro_f1,     m.macro_f1_detected,
                            m.kappa4,       m.kappa_stance, 0};
    put_ratio(b, 7, m.detection.precision);
    put_ratio(b, 7, m.detection.recall);
    put_ratio(b, 8, v[0]);
    put_ratio(b, 10, v[1]);
    put_ratio(b, 10, v[2]);
    put_ratio(b, 10, v[3]);
    put_ratio(b, 10, v[4]);
    lxs_buf_putc(b, '\n');
    for (size_t j = 0; j < NCOL; j++) cols[j * (L->n_themes + 1) + k] = v[j];
    k++;
  }
  if (k > 1) {
    lxs_buf_printf(b, "%-18s %6s %6s %7s %7s", "mean", "", "", "", "");
    const int width[5] = {8, 10, 10, 10, 10};
    for (size_t j = 0; j < 5; j++) put_ratio(b, width[j], mean_of(cols + j * (L->n_themes + 1), k));
    lxs_buf_putc(b, '\n');
  }
  free(cols);
}

static void table_baselines(lxs_buf *b, const lxs_lexicon *lex, const lxs_labels *L,
                            const vresult *res) {
  lxs_buf_puts(b, "\nstance macro-F1 of lexstance and two baselines (with lexstance's detection):\n"
                  "theme               lexstance  keyword count  sentiment as stance\n");
  for (size_t t = 0; t < L->n_themes; t++) {
    if (!L->has_theme[t]) continue;
    double v[3] = {macro_f1_at(res, t, BY_STANCE, LXS_CLASS_THRESHOLD),
                   macro_f1_at(res, t, BY_KEYWORD, KEYWORD_THRESHOLD),
                   macro_f1_at(res, t, BY_SENTIMENT, SENTIMENT_THRESHOLD)};
    lxs_buf_printf(b, "%-18s", lxs_lexicon_theme_name(lex, t));
    put_ratio(b, 11, v[0]);
    put_ratio(b, 15, v[1]);
    put_ratio(b, 21, v[2]);
    lxs_buf_putc(b, '\n');
  }
}

static void table_sweep(lxs_buf *b, const lxs_lexicon *lex, const lxs_labels *L,
                        const vresult *res) {
  lxs_buf_puts(
      b, "\nstance macro-F1 by class threshold t (+1 above t, -1 below -t):\ntheme             ");
  for (int k = 0; k < SWEEP_STEPS; k++) lxs_buf_printf(b, " %5.2f", 0.05 * k);
  lxs_buf_putc(b, '\n');
  double mean[SWEEP_STEPS] = {0};
  size_t n = 0;
  for (size_t t = 0; t < L->n_themes; t++) {
    if (!L->has_theme[t]) continue;
    lxs_buf_printf(b, "%-18s", lxs_lexicon_theme_name(lex, t));
    for (int k = 0; k < SWEEP_STEPS; k++) {
      double v = macro_f1_at(res, t, BY_STANCE, 0.05 * k);
      put_ratio(b, 6, v);
      mean[k] += isnan(v) ? 0 : v;
    }
    lxs_buf_putc(b, '\n');
    n++;
  }
  lxs_buf_printf(b, "%-18s", "mean");
  for (int k = 0; k < SWEEP_STEPS; k++) put_ratio(b, 6, n ? mean[k] / (double)n : NAN);
  lxs_buf_putc(b, '\n');
}

static void table_confusion(lxs_buf *b, const lxs_lexicon *lex, const lxs_labels *L,
                            const vresult *res) {
  static const char *const rows[4] = {"gold -1", "gold  0", "gold +1", "gold absent"};
  lxs_buf_puts(b, "\nconfusion (rows: gold label; columns: the tool's):\n");
  for (size_t t = 0; t < L->n_themes; t++) {
    if (!L->has_theme[t]) continue;
    lxs_buf_printf(b, "  %-18s %6s %6s %6s %7s\n", lxs_lexicon_theme_name(lex, t), "-1", "0", "+1",
                   "absent");
    for (int g = 0; g < 4; g++) {
      const unsigned long *m = res->conf[t].m[g];
      lxs_buf_printf(b, "    %-16s %6lu %6lu %6lu %7lu\n", rows[g], m[0], m[1], m[2], m[3]);
    }
  }
}

static void table_attribution(lxs_buf *b, const lxs_lexicon *lex, const vopts *o,
                              const vresult *res) {
  lxs_prf p;
  lxs_prf_set(&p, res->spk_matched, res->spk_tool - res->spk_matched,
              res->spk_gold - res->spk_matched);
  lxs_buf_printf(b, "\nattribution (%lu article%s):\n", res->articles - res->articles_missing,
                 res->articles - res->articles_missing == 1 ? "" : "s");
  lxs_buf_printf(b,
                 "  named speakers: %lu labelled, %lu found by the tool, %lu matched:"
                 " precision",
                 res->spk_gold, res->spk_tool, res->spk_matched);
  put_ratio(b, 6, p.precision);
  lxs_buf_puts(b, ", recall");
  put_ratio(b, 6, p.recall);
  lxs_buf_puts(b, ", F1");
  put_ratio(b, 6, p.f1);
  lxs_buf_puts(b, "\n  sentences a human gives to a named person that the tool gives to them: ");
  put_share(b, res->named_hits, res->named_rows);
  lxs_buf_puts(b, "\n  sentences a human gives to the author that the tool gives to the author: ");
  put_share(b, res->author_hits, res->author_rows);
  lxs_buf_putc(b, '\n');
  if (!res->signs) return;
  lxs_buf_printf(b,
                 "  per-speaker stance class vs the speaker labels' sign (class 0 when"
                 " |value| < %.2f):\n",
                 o->dead_zone);
  lxs_buf_puts(b, "    theme               cells  found  agree  of found  of cells\n");
  for (size_t t = 0; t <= res->n_themes; t++) {
    if (t < res->n_themes && !res->sign_cells[t]) continue;
    unsigned long n = res->sign_cells[t], f = res->sign_found[t], a = res->sign_agree[t];
    lxs_buf_printf(b, "    %-18s %6lu %6lu %6lu",
                   t < res->n_themes ? lxs_lexicon_theme_name(lex, t) : "all", n, f, a);
    put_ratio(b, 10, f ? (double)a / (double)f : NAN);
    put_ratio(b, 10, n ? (double)a / (double)n : NAN);
    lxs_buf_putc(b, '\n');
  }
}

static const char kLegend[] =
    "\nnamed: rows whose label names the theme; found: rows where the tool mentions it.\n"
    "det P/R/F1: detection (named vs found) over all rows.  macro-F1: stance over\n"
    "-1/0/+1 on named rows, a theme the tool misses counted as 0; on found: on rows\n"
    "both name.  kappa(4): Cohen's kappa of absent/-1/0/+1 on all rows; kappa(3): of\n"
    "-1/0/+1 on named rows (missed = 0).  A class is +1 above 0.05, -1 below -0.05.\n";

static void render_table(lxs_buf *b, const vopts *o, const lxs_lexicon *lex, const lxs_labels *L,
                         const vresult *res, size_t nres, size_t nsel) {
  lxs_buf_puts(b, "lexstance validate: ");
  lxs_display_text(o->labels, strlen(o->labels), 200, b);
  lxs_buf_printf(b, ", %zu of %zu labelled rows", nsel, L->n);
  if (o->split != SPLIT_ALL)
    lxs_buf_printf(b, " (files with %s numbers)", o->split == SPLIT_ODD ? "odd" : "even");
  lxs_buf_putc(b, '\n');
  for (size_t i = 0; i < nres; i++) {
    const vresult *r = &res[i];
    if (r->mode == MODE_ALONE) {
      lxs_buf_printf(b, "\n== alone: each labelled sentence scored by itself: %lu row%s ==\n",
                     r->rows, r->rows == 1 ? "" : "s");
    } else {
      lxs_buf_printf(b,
                     "\n== context: each labelled sentence inside its article: %lu row%s"
                     " scored ==\n",
                     r->rows, r->rows == 1 ? "" : "s");
      lxs_buf_printf(b,
                     "%lu article%s, %lu missing (%lu rows); %lu sentence%s not found in"
                     " their article\n",
                     r->articles, r->articles == 1 ? "" : "s", r->articles_missing, r->no_article,
                     r->not_found, r->not_found == 1 ? "" : "s");
      lxs_buf_printf(b,
                     "the tool splits %lu labelled sentence%s and reads %lu inside a longer"
                     " sentence\n",
                     r->rows_split, r->rows_split == 1 ? "" : "s", r->rows_inside);
    }
    table_metrics(b, lex, L, r);
    if (o->baselines) table_baselines(b, lex, L, r);
    if (o->sweep) table_sweep(b, lex, L, r);
    table_confusion(b, lex, L, r);
    if (r->mode == MODE_CONTEXT && r->attribution) table_attribution(b, lex, o, r);
  }
  lxs_buf_puts(b, kLegend);
}

static void csv_value(lxs_buf *b, const char *mode, const char *theme, const char *measure,
                      double v, int count) {
  lxs_buf_printf(b, "%s,", mode);
  lxs_csv_str(b, theme);
  lxs_buf_printf(b, ",%s,", measure);
  if (count) lxs_buf_printf(b, "%.0f", v);
  else if (!isnan(v)) lxs_fmt_num(b, v);
  lxs_buf_puts(b, "\r\n");
}

static void csv_theme(lxs_buf *b, const char *mode, const char *theme, const lxs_confusion *c) {
  static const char *const lab[4] = {"-1", "0", "1", "absent"};
  lxs_theme_metrics m;
  lxs_theme_metrics_compute(c, &m);
  const struct {
    const char *name;
    double v;
    int count;
  } rows[] = {{"rows", (double)m.rows, 1},
              {"named", (double)m.gold_present, 1},
              {"found", (double)(m.detection.tp + m.detection.fp), 1},
              {"detection_tp", (double)m.detection.tp, 1},
              {"detection_fp", (double)m.detection.fp, 1},
              {"detection_fn", (double)m.detection.fn, 1},
              {"detection_precision", m.detection.precision, 0},
              {"detection_recall", m.detection.recall, 0},
              {"detection_f1", m.detection.f1, 0},
              {"macro_f1", m.macro_f1, 0},
              {"macro_f1_found", m.macro_f1_detected, 0},
              {"kappa4", m.kappa4, 0},
              {"kappa3", m.kappa_stance, 0}};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    csv_value(b, mode, theme, rows[i].name, rows[i].v, rows[i].count);
  char name[64];
  for (int g = 0; g < 4; g++)
    for (int p = 0; p < 4; p++) {
      snprintf(name, sizeof name, "gold_%s_pred_%s", lab[g], lab[p]);
      csv_value(b, mode, theme, name, (double)c->m[g][p], 1);
    }
}

static void csv_attribution(lxs_buf *b, const lxs_lexicon *lex, const vresult *r) {
  lxs_prf p;
  lxs_prf_set(&p, r->spk_matched, r->spk_tool - r->spk_matched, r->spk_gold - r->spk_matched);
  const struct {
    const char *name;
    double v;
    int count;
  } rows[] = {
      {"speakers_labelled", (double)r->spk_gold, 1},
      {"speakers_found", (double)r->spk_tool, 1},
      {"speakers_matched", (double)r->spk_matched, 1},
      {"speaker_precision", p.precision, 0},
      {"speaker_recall", p.recall, 0},
      {"speaker_f1", p.f1, 0},
      {"named_rows", (double)r->named_rows, 1},
      {"named_rows_to_person", (double)r->named_hits, 1},
      {"named_share", r->named_rows ? (double)r->named_hits / (double)r->named_rows : NAN, 0},
      {"author_rows", (double)r->author_rows, 1},
      {"author_rows_to_author", (double)r->author_hits, 1},
      {"author_share", r->author_rows ? (double)r->author_hits / (double)r->author_rows : NAN, 0}};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    csv_value(b, "context", "", rows[i].name, rows[i].v, rows[i].count);
  for (size_t t = 0; r->signs && t <= r->n_themes; t++) {
    if (t < r->n_themes && !r->sign_cells[t]) continue;
    const char *tn = t < r->n_themes ? lxs_lexicon_theme_name(lex, t) : "";
    unsigned long n = r->sign_cells[t], f = r->sign_found[t], a = r->sign_agree[t];
    csv_value(b, "context", tn, "sign_cells", (double)n, 1);
    csv_value(b, "context", tn, "sign_found", (double)f, 1);
    csv_value(b, "context", tn, "sign_agree", (double)a, 1);
    csv_value(b, "context", tn, "sign_agree_of_found", f ? (double)a / (double)f : NAN, 0);
    csv_value(b, "context", tn, "sign_agree_of_cells", n ? (double)a / (double)n : NAN, 0);
  }
}

/* --baselines and --sweep figures of theme t. */
static void csv_extras(lxs_buf *b, const vopts *o, const char *mode, const char *theme,
                       const vresult *r, size_t t) {
  if (o->baselines) {
    csv_value(b, mode, theme, "macro_f1_keyword_baseline",
              macro_f1_at(r, t, BY_KEYWORD, KEYWORD_THRESHOLD), 0);
    csv_value(b, mode, theme, "macro_f1_sentiment_baseline",
              macro_f1_at(r, t, BY_SENTIMENT, SENTIMENT_THRESHOLD), 0);
  }
  for (int k = 0; o->sweep && k < SWEEP_STEPS; k++) {
    char name[32];
    snprintf(name, sizeof name, "macro_f1_at_%.2f", 0.05 * k);
    csv_value(b, mode, theme, name, macro_f1_at(r, t, BY_STANCE, 0.05 * k), 0);
  }
}

/* Long CSV: mode,theme,measure,value (theme empty for whole-mode counts). */
static void render_csv(lxs_buf *b, const vopts *o, const lxs_lexicon *lex, const lxs_labels *L,
                       const vresult *res, size_t nres) {
  lxs_buf_puts(b, "mode,theme,measure,value\r\n");
  for (size_t i = 0; i < nres; i++) {
    const vresult *r = &res[i];
    const char *mode = mode_name(r->mode);
    csv_value(b, mode, "", "rows", (double)r->rows, 1);
    if (r->mode == MODE_CONTEXT) {
      csv_value(b, mode, "", "articles", (double)r->articles, 1);
      csv_value(b, mode, "", "articles_missing", (double)r->articles_missing, 1);
      csv_value(b, mode, "", "rows_without_article", (double)r->no_article, 1);
      csv_value(b, mode, "", "rows_not_found", (double)r->not_found, 1);
      csv_value(b, mode, "", "rows_split", (double)r->rows_split, 1);
      csv_value(b, mode, "", "rows_inside_longer", (double)r->rows_inside, 1);
    }
    for (size_t t = 0; t < L->n_themes; t++)
      if (L->has_theme[t]) {
        const char *tn = lxs_lexicon_theme_name(lex, t);
        csv_theme(b, mode, tn, &r->conf[t]);
        csv_extras(b, o, mode, tn, r, t);
      }
    if (r->mode == MODE_CONTEXT && r->attribution) csv_attribution(b, lex, r);
  }
}

/* ---- the command ------------------------------------------------------------------------ */

static void vresult_init(vresult *r, int mode, size_t nth) {
  memset(r, 0, sizeof *r);
  r->mode = mode;
  r->n_themes = nth;
  r->conf = lxs_xcalloc(nth + 1, sizeof *r->conf);
  r->sign_cells = lxs_xcalloc(nth + 1, sizeof *r->sign_cells);
  r->sign_found = lxs_xcalloc(nth + 1, sizeof *r->sign_found);
  r->sign_agree = lxs_xcalloc(nth + 1, sizeof *r->sign_agree);
}

static void vresult_free(vresult *r) {
  free(r->conf);
  free(r->items);
  free(r->sign_cells);
  free(r->sign_found);
  free(r->sign_agree);
}

/* 0 when path is a directory, else the reason (an errno value). */
static int dir_error(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return errno;
  return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

/* The articles directory (*dir, malloc'd), and which modes run: without
 * an explicit --mode, context runs only when the articles can be found. */
static int choose_modes(vopts *o, const lxs_labels *L, char **dir) {
  lxs_buf d;
  lxs_buf_init(&d);
  if (o->articles) {
    lxs_buf_puts(&d, o->articles);
  } else {
    const char *slash = strrchr(o->labels, '/');
    if (slash) lxs_buf_put(&d, o->labels, (size_t)(slash - o->labels) + 1);
    lxs_buf_puts(&d, "corpora");
  }
  *dir = d.data;
  int why = dir_error(d.data), ok = L->has_file && why == 0;
  if (o->modes_set && (o->modes & MODE_CONTEXT) && !L->has_file) {
    cli_err("%s: context mode needs a file column (file, doc, doc_id, document or id)", o->labels);
    return LXS_EDATA;
  }
  if (o->modes_set && (o->modes & MODE_CONTEXT) && !ok) {
    cli_err("%s: cannot open the articles directory: %s", d.data, strerror(why));
    return LXS_EIO;
  }
  if (!o->modes_set && !ok) {
    o->modes = MODE_ALONE;
    if (!L->has_file)
      cli_err("note: %s has no file column: each sentence is scored alone only", o->labels);
    else
      cli_err("note: no articles directory %s: each sentence is scored alone only "
              "(--articles DIR, or --mode alone)",
              d.data);
  }
  return 0;
}

static int run_modes(vctx *c, const char *dir, vresult *res) {
  size_t nres = 0, nth = c->L->n_themes;
  if (c->o->modes & MODE_ALONE) {
    vresult_init(&res[nres], MODE_ALONE, nth);
    run_alone(c, &res[nres++]);
  }
  if (c->o->modes & MODE_CONTEXT) {
    vresult_init(&res[nres], MODE_CONTEXT, nth);
    run_context(c, &res[nres++], dir);
  }
  return (int)nres;
}

static int load_inputs(const vopts *o, const lxs_lexicon *lex, lxs_labels *L,
                       lxs_speaker_labels *S) {
  char err[ERRLEN];
  int rc = lxs_labels_read(L, o->labels, o->labels_format, lex, err, sizeof err);
  if (rc == 0 && o->speaker_labels)
    rc = lxs_speaker_labels_read(S, o->speaker_labels, LXS_TABLE_AUTO, lex, err, sizeof err);
  if (rc) cli_err("%s", err);
  return rc;
}

/* Scores the selected rows in each mode and writes the report and the
 * errors file. */
static int run_and_report(vctx *c, const char *dir) {
  const vopts *o = c->o;
  size_t nth = c->L->n_themes;
  char err[ERRLEN];
  c->sc = lxs_scorer_new(c->lex, err, sizeof err);
  lxs_agg_init(&c->agg, nth);
  c->pred = lxs_xcalloc(nth + 1, sizeof *c->pred);
  c->stance = lxs_xcalloc(nth + 1, sizeof *c->stance);
  c->keyword = lxs_xcalloc(nth + 1, sizeof *c->keyword);
  c->sentiment = lxs_xcalloc(nth + 1, sizeof *c->sentiment);
  lxs_buf errs, out;
  lxs_buf_init(&errs);
  lxs_buf_init(&out);
  if (o->errors) {
    lxs_buf_puts(&errs, kErrorsHeader);
    c->errs = &errs; // cppcheck-suppress autoVariables ; reset before errs goes out of scope
  }
  vresult res[2];
  int nres = run_modes(c, dir, res);
  if (o->csv) render_csv(&out, o, c->lex, c->L, res, (size_t)nres);
  else render_table(&out, o, c->lex, c->L, res, (size_t)nres, c->nsel);
  int rc = cli_write_whole(o->output, &out);
  if (rc == 0 && o->errors) rc = cli_write_whole(o->errors, &errs);
  for (int i = 0; i < nres; i++) vresult_free(&res[i]);
  c->errs = NULL;
  lxs_buf_free(&errs);
  lxs_buf_free(&out);
  free(c->pred);
  free(c->stance);
  free(c->keyword);
  free(c->sentiment);
  lxs_agg_clear(&c->agg);
  lxs_scorer_free(c->sc);
  return rc;
}

int cmd_validate(int argc, char **argv) {
  vopts o;
  parse_validate(argc, argv, &o);
  lxs_speaker_hints *hints = cli_load_hints(&o.lex);
  lxs_lexicon *lex = cli_load_lexicon(&o.lex);
  lxs_labels L;
  lxs_speaker_labels S;
  memset(&L, 0, sizeof L);
  memset(&S, 0, sizeof S);
  vctx c;
  memset(&c, 0, sizeof c);
  c.o = &o;
  c.lex = lex;
  c.L = &L;
  c.S = o.speaker_labels ? &S : NULL;
  c.hints = hints;
  char *dir = NULL;
  int rc = load_inputs(&o, lex, &L, &S);
  c.sel = lxs_xcalloc(L.n + 1, sizeof *c.sel);
  if (rc == 0) rc = select_rows(&o, &L, c.sel, &c.nsel);
  if (rc == 0) rc = choose_modes(&o, &L, &dir);
  if (rc == 0) rc = run_and_report(&c, dir);
  free(c.sel);
  free(dir);
  cli_free_hints(hints);
  lxs_labels_free(&L);
  lxs_speaker_labels_free(&S);
  lxs_lexicon_free(lex);
  vopts_free(&o);
  return rc;
}
