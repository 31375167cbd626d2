/* cli.c - the lexstance command line: score, compare.
 *
 * Exit codes: 0 ok, 1 bad input or lexicon data, 2 usage, 3 I/O error,
 * 4 out of memory, 130 interrupted. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "input.h"
#include "lexicon.h"
#include "lexstance.h"
#include "report.h"
#include "util.h"

#define ERRLEN 512

static const char kUsage[] =
    "usage: lexstance score [options] [FILE|-]...\n"
    "       lexstance compare [options] [-o DIR] ARTICLE...\n"
    "       lexstance --help | --version\n";

static const char kHelp[] =
    "lexstance - score speakers' stance and sentiment on policy themes\n"
    "\n"
    "Commands:\n"
    "  score [FILE|-]...      score documents; long CSV to stdout\n"
    "  compare ARTICLE...     compare the speakers of articles; Markdown table\n"
    "                         to stdout, CSV reports to DIR\n"
    "\n"
    "Options:\n"
    "  --input FMT            text (an article, default), lines, tsv (id<TAB>text),\n"
    "                         jsonl ({\"id\",\"text\",\"speaker\"})\n"
    "  --unit UNIT            sentence, speaker (default for text) or doc\n"
    "  --format FMT           csv (default), md, jsonl\n"
    "  -o, --output PATH      score: output file (written atomically);\n"
    "                         compare: report directory (default reports/NAME/)\n"
    "  --lexicon PATH         add or override lexicon entries (repeatable)\n"
    "  --no-default-lexicons  do not load the embedded lexicons\n"
    "  --language LANG        Snowball stemmer language (default english)\n"
    "  --no-attribution       do not split articles into speakers\n"
    "  -h, --help             this help\n"
    "  --version              print the version\n"
    "\n"
    "Exit status: 0 ok, 1 bad input or lexicon data, 2 usage error,\n"
    "3 I/O error, 4 out of memory, 130 interrupted.\n";

static void die_usage(const char *fmt, const char *arg) {
  fprintf(stderr, "lexstance: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", kUsage);
  exit(LXS_EUSAGE);
}

typedef struct {
  const char **lexicons;
  size_t nlex;
  int no_defaults;
  const char *language;
  lxs_input_format input;
  int input_set;
  enum { UNIT_SENTENCE, UNIT_SPEAKER, UNIT_DOC } unit;
  int unit_set;
  enum { FMT_CSV, FMT_MD, FMT_JSONL } format;
  const char *output;
  int no_attribution;
} cli_opts;

enum {
  OPT_INPUT = 256, OPT_UNIT, OPT_FORMAT, OPT_LEXICON, OPT_NODEF, OPT_LANG,
  OPT_NOATTR, OPT_VERSION
};

static const struct option kLongOpts[] = {
    {"input", required_argument, NULL, OPT_INPUT},
    {"unit", required_argument, NULL, OPT_UNIT},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"no-default-lexicons", no_argument, NULL, OPT_NODEF},
    {"language", required_argument, NULL, OPT_LANG},
    {"no-attribution", no_argument, NULL, OPT_NOATTR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0}};

static void print_help(void) {
  fputs(kHelp, stdout);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "lexstance: error writing to standard output\n");
    exit(LXS_EIO);
  }
  exit(0);
}

static int parse_opts(int argc, char **argv, cli_opts *o) {
  memset(o, 0, sizeof *o);
  o->lexicons = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  o->unit = UNIT_SPEAKER;
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, "+o:h", kLongOpts, NULL)) != -1) {
    switch (c) {
    case OPT_INPUT:
      if (lxs_input_format_parse(optarg, &o->input))
        die_usage("unknown input format '%s' (text, lines, tsv, jsonl)", optarg);
      o->input_set = 1;
      break;
    case OPT_UNIT:
      if (strcmp(optarg, "sentence") == 0) o->unit = UNIT_SENTENCE;
      else if (strcmp(optarg, "speaker") == 0) o->unit = UNIT_SPEAKER;
      else if (strcmp(optarg, "doc") == 0) o->unit = UNIT_DOC;
      else die_usage("unknown unit '%s' (sentence, speaker, doc)", optarg);
      o->unit_set = 1;
      break;
    case OPT_FORMAT:
      if (strcmp(optarg, "csv") == 0) o->format = FMT_CSV;
      else if (strcmp(optarg, "md") == 0) o->format = FMT_MD;
      else if (strcmp(optarg, "jsonl") == 0) o->format = FMT_JSONL;
      else die_usage("unknown format '%s' (csv, md, jsonl)", optarg);
      break;
    case 'o': o->output = optarg; break;
    case OPT_LEXICON: o->lexicons[o->nlex++] = optarg; break;
    case OPT_NODEF: o->no_defaults = 1; break;
    case OPT_LANG: o->language = optarg; break;
    case OPT_NOATTR: o->no_attribution = 1; break;
    case 'h': print_help(); break;
    case OPT_VERSION:
      printf("lexstance %s\n", LXS_VERSION);
      exit(0);
    case ':':
      die_usage("option '%s' needs an argument", argv[optind - 1]);
      break;
    default:
      die_usage("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (!o->unit_set && o->input_set && o->input != LXS_IN_TEXT)
    o->unit = UNIT_DOC;
  return optind;
}

static lxs_lexicon *load_lexicon(const cli_opts *o) {
  char err[ERRLEN];
  lxs_lexicon *lex = lxs_lexicon_new(o->language, err, sizeof err);
  if (!lex) {
    fprintf(stderr, "lexstance: %s\n", err);
    exit(LXS_EUSAGE);
  }
  int rc = 0;
  if (!o->no_defaults) rc = lxs_lexicon_load_defaults(lex, err, sizeof err);
  for (size_t i = 0; rc == 0 && i < o->nlex; i++)
    rc = lxs_lexicon_load_file(lex, o->lexicons[i], err, sizeof err);
  if (rc) {
    fprintf(stderr, "lexstance: %s\n", err);
    lxs_lexicon_free(lex);
    exit(rc);
  }
  if (lxs_lexicon_theme_count(lex) == 0) {
    fprintf(stderr, "lexstance: no themes loaded (no lexicon defines a theme)\n");
    lxs_lexicon_free(lex);
    exit(LXS_EDATA);
  }
  return lex;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct {
  const char *doc, *speaker;
  long sentence;          /* < 0: none */
  size_t tokens;
  const lxs_agg *agg;     /* for speaker/doc units */
  const lxs_result *res;  /* for sentence units */
  size_t sent;
} row_src;

static void emit_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                      const row_src *r) {
  size_t nth = lxs_lexicon_theme_count(lex);
  for (size_t t = 0; t < nth; t++) {
    size_t mentions;
    int present;
    double stance, salience, sentiment;
    size_t tokens;
    if (r->res) {
      const lxs_theme_score *ts = &r->res->scores[r->sent * r->res->n_themes + t];
      const lxs_sentence *se = &r->res->sentences[r->sent];
      mentions = ts->mentions;
      present = mentions > 0;
      stance = ts->stance;
      tokens = se->tokens;
      salience = tokens ? 1000.0 * mentions / tokens : 0;
      sentiment = se->sentiment;
    } else {
      mentions = r->agg->mentions[t];
      stance = lxs_agg_stance(r->agg, t, &present);
      tokens = r->agg->tokens;
      salience = lxs_agg_salience(r->agg, t);
      sentiment = lxs_agg_sentiment(r->agg);
    }
    const char *theme = lxs_lexicon_theme_name(lex, t);
    if (o->format == FMT_CSV || o->format == FMT_MD) {
      const char *sep = o->format == FMT_CSV ? "," : " | ";
      if (o->format == FMT_MD) lxs_buf_puts(b, "| ");
      if (o->format == FMT_CSV) lxs_csv_str(b, r->doc); else lxs_md_cell(b, r->doc);
      lxs_buf_puts(b, sep);
      if (o->format == FMT_CSV) lxs_csv_str(b, r->speaker); else lxs_md_cell(b, r->speaker);
      lxs_buf_puts(b, sep);
      if (r->sentence >= 0) lxs_buf_printf(b, "%ld", r->sentence);
      lxs_buf_puts(b, sep);
      lxs_buf_puts(b, theme);
      lxs_buf_puts(b, sep);
      lxs_buf_printf(b, "%zu%s%zu%s", tokens, sep, mentions, sep);
      if (present) lxs_fmt_num(b, stance);
      lxs_buf_puts(b, sep);
      lxs_fmt_num(b, salience);
      lxs_buf_puts(b, sep);
      lxs_fmt_num(b, sentiment);
      lxs_buf_puts(b, o->format == FMT_CSV ? "\r\n" : " |\n");
    } else {
      lxs_buf_puts(b, "{\"doc\":");
      lxs_json_str(b, r->doc, strlen(r->doc));
      lxs_buf_puts(b, ",\"speaker\":");
      lxs_json_str(b, r->speaker, strlen(r->speaker));
      lxs_buf_puts(b, ",\"sentence\":");
      if (r->sentence >= 0) lxs_buf_printf(b, "%ld", r->sentence);
      else lxs_buf_puts(b, "null");
      lxs_buf_printf(b, ",\"theme\":\"%s\",\"tokens\":%zu,\"mentions\":%zu,\"stance\":",
                     theme, tokens, mentions);
      if (present) lxs_fmt_num(b, stance); else lxs_buf_puts(b, "null");
      lxs_buf_puts(b, ",\"salience\":");
      lxs_fmt_num(b, salience);
      lxs_buf_puts(b, ",\"sentiment\":");
      lxs_fmt_num(b, sentiment);
      lxs_buf_puts(b, "}\n");
    }
  }
}

static const char kLongHeader[] =
    "doc,speaker,sentence,theme,tokens,mentions,stance,salience,sentiment";

static void emit_header(lxs_buf *b, const cli_opts *o) {
  if (o->format == FMT_CSV) {
    lxs_buf_puts(b, kLongHeader);
    lxs_buf_puts(b, "\r\n");
  } else if (o->format == FMT_MD) {
    lxs_buf_puts(b, "| doc | speaker | sentence | theme | tokens | mentions | "
                    "stance | salience | sentiment |\n");
    lxs_buf_puts(b, "|---|---|---:|---|---:|---:|---:|---:|---:|\n");
  }
}

/* Rows of one scored document, per the unit. */
static void doc_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex,
                     const char *doc, const char *speaker_override,
                     const lxs_result *res) {
  size_t nth = lxs_lexicon_theme_count(lex);
  if (o->unit == UNIT_SENTENCE) {
    for (size_t s = 0; s < res->n_sentences; s++) {
      if (res->sentences[s].flags & LXS_SENTENCE_HEADER) continue;
      row_src r = {doc,
                   speaker_override ? speaker_override
                                    : res->speakers[res->sentences[s].speaker].name,
                   (long)s + 1, 0, NULL, res, s};
      emit_rows(b, o, lex, &r);
    }
    return;
  }
  if (o->unit == UNIT_DOC) {
    lxs_agg a;
    lxs_agg_init(&a, nth);
    for (size_t s = 0; s < res->n_sentences; s++) lxs_agg_add_sentence(&a, res, s);
    row_src r = {doc, speaker_override ? speaker_override : "", -1, 0, &a, NULL, 0};
    emit_rows(b, o, lex, &r);
    lxs_agg_free(&a);
    return;
  }
  for (size_t sp = 0; sp < res->n_speakers; sp++) {
    lxs_agg a;
    lxs_agg_init(&a, nth);
    lxs_agg_add_speaker(&a, res, (uint32_t)sp);
    if (a.sentences > 0 || a.tokens > 0) {
      row_src r = {doc, speaker_override ? speaker_override : res->speakers[sp].name,
                   -1, 0, &a, NULL, 0};
      emit_rows(b, o, lex, &r);
    }
    lxs_agg_free(&a);
  }
}

static int write_out(lxs_out *out, lxs_buf *b, char *err, size_t errlen) {
  if (b->len && fwrite(b->data, 1, b->len, lxs_out_file(out)) != b->len) {
    lxs_set_err(err, errlen, "write failed: %s", strerror(errno));
    return -1;
  }
  b->len = 0;
  return 0;
}

static int cmd_score(int argc, char **argv) {
  cli_opts o;
  int first = parse_opts(argc, argv, &o);
  lxs_lexicon *lex = load_lexicon(&o);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) {
    fprintf(stderr, "lexstance: %s\n", err);
    return LXS_EUSAGE;
  }
  lxs_out *out = lxs_out_open(o.output, err, sizeof err);
  if (!out) {
    fprintf(stderr, "lexstance: %s\n", err);
    lxs_scorer_free(sc);
    lxs_lexicon_free(lex);
    free(o.lexicons);
    return LXS_EIO;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  emit_header(&b, &o);
  int rc = 0;
  const char *stdin_only[] = {"-"};
  char **files = argv + first;
  int nfiles = argc - first;
  if (nfiles == 0) {
    files = (char **)stdin_only;
    nfiles = 1;
  }
  lxs_options sopt = {o.input == LXS_IN_TEXT && !o.no_attribution};
  for (int i = 0; i < nfiles && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(files[i], o.input, err, sizeof err);
    if (!rd) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k;
    while ((k = lxs_reader_next(rd, &rec, err, sizeof err)) == 1) {
      const lxs_result *res = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      doc_rows(&b, &o, lex, rec.id, rec.speaker, res);
      if (b.len > (1 << 16) && write_out(out, &b, err, sizeof err)) {
        k = -2;
        break;
      }
    }
    if (k == -1) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = strstr(err, "read error") ? LXS_EIO : LXS_EDATA;
    } else if (k == -2) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
    }
    lxs_reader_close(rd);
  }
  if (rc == 0 && write_out(out, &b, err, sizeof err)) {
    fprintf(stderr, "lexstance: %s\n", err);
    rc = LXS_EIO;
  }
  if (rc == 0) {
    if (lxs_out_commit(out, err, sizeof err)) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
    }
  } else {
    lxs_out_abort(out);
  }
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  free(o.lexicons);
  return rc;
}

/* ---- compare ------------------------------------------------------------- */

typedef struct {
  char *name, *desc;
  lxs_agg agg;
} pooled;

static int mkdir_p(const char *path, char *err, size_t errlen) {
  char *p = lxs_xstrndup(path, strlen(path));
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(p, 0755) != 0 && errno != EEXIST) {
      lxs_set_err(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
      free(p);
      return -1;
    }
    *s = '/';
  }
  int rc = 0;
  if (mkdir(p, 0755) != 0 && errno != EEXIST) {
    lxs_set_err(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
    rc = -1;
  }
  free(p);
  return rc;
}

static const char *mod_names[] = {"negated", "intensified", "diminished", "hedged",
                                  "contrast+", "contrast-", "conditional", "question",
                                  "harm-inverted", "agent", "distanced", "reported",
                                  "weak-link"};

static void evidence_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                          const char *text, const lxs_result *res) {
  for (size_t i = 0; i < res->n_evidence; i++) {
    const lxs_evidence *e = &res->evidence[i];
    const lxs_sentence *s = &res->sentences[e->sentence];
    lxs_csv_str(b, doc);
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, res->speakers[s->speaker].name);
    lxs_buf_printf(b, ",%u,", e->sentence + 1);
    lxs_buf_puts(b, e->theme == LXS_THEME_NONE ? "sentiment"
                                               : lxs_lexicon_theme_name(lex, e->theme));
    lxs_buf_putc(b, ',');
    lxs_csv_str(b, e->term);
    lxs_buf_putc(b, ',');
    lxs_buf_puts(b, e->role);
    lxs_buf_putc(b, ',');
    lxs_csv_field(b, text + e->start, e->end - e->start);
    lxs_buf_printf(b, ",%zu,%zu,", e->start, e->end);
    if (e->target_end > e->target_start)
      lxs_csv_field(b, text + e->target_start, e->target_end - e->target_start);
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, e->weight);
    lxs_buf_putc(b, ',');
    int firstm = 1;
    for (unsigned k = 0; k < sizeof mod_names / sizeof *mod_names; k++)
      if (e->modifiers & (1u << k)) {
        if (!firstm) lxs_buf_putc(b, ' ');
        lxs_buf_puts(b, mod_names[k]);
        firstm = 0;
      }
    lxs_buf_putc(b, ',');
    lxs_fmt_num(b, e->contribution);
    lxs_buf_puts(b, "\r\n");
  }
}

static int cmd_compare(int argc, char **argv) {
  cli_opts o;
  int first = parse_opts(argc, argv, &o);
  if (first >= argc) die_usage("%s", "compare needs at least one ARTICLE");
  lxs_lexicon *lex = load_lexicon(&o);
  size_t nth = lxs_lexicon_theme_count(lex);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) {
    fprintf(stderr, "lexstance: %s\n", err);
    return LXS_EUSAGE;
  }
  pooled *pool = NULL;
  size_t npool = 0, cappool = 0;
  lxs_buf spk, evid, name;
  lxs_buf_init(&spk);
  lxs_buf_init(&evid);
  lxs_buf_init(&name);
  cli_opts lo = o;
  lo.unit = UNIT_SPEAKER;
  lo.format = FMT_CSV;
  emit_header(&spk, &lo);
  lxs_buf_puts(&evid, "doc,speaker,sentence,theme,term,role,matched,byte_start,"
                      "byte_end,target,weight,modifiers,contribution\r\n");
  int rc = 0;
  lxs_options sopt = {!o.no_attribution};
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(argv[i], LXS_IN_TEXT, err, sizeof err);
    if (!rd) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k = lxs_reader_next(rd, &rec, err, sizeof err);
    if (k < 0) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
    } else if (k == 1) {
      const lxs_result *res = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      doc_rows(&spk, &lo, lex, rec.id, NULL, res);
      evidence_rows(&evid, lex, rec.id, rec.text, res);
      for (size_t sp = 0; sp < res->n_speakers; sp++) {
        size_t p;
        for (p = 0; p < npool; p++)
          if (strcmp(pool[p].name, res->speakers[sp].name) == 0) break;
        if (p == npool) {
          LXS_VEC_GROW(pool, npool, cappool);
          pool[p].name = lxs_xstrndup(res->speakers[sp].name, strlen(res->speakers[sp].name));
          pool[p].desc = lxs_xstrndup(res->speakers[sp].description,
                                      strlen(res->speakers[sp].description));
          lxs_agg_init(&pool[p].agg, nth);
          npool++;
        }
        lxs_agg_add_speaker(&pool[p].agg, res, (uint32_t)sp);
      }
    }
    lxs_reader_close(rd);
  }
  /* Wide comparison table and Markdown. */
  lxs_buf cmp, md;
  lxs_buf_init(&cmp);
  lxs_buf_init(&md);
  lxs_buf_puts(&cmp, "speaker,description,sentences,tokens");
  lxs_buf_puts(&md, "| speaker |");
  for (size_t t = 0; t < nth; t++) {
    const char *tn = lxs_lexicon_theme_name(lex, t);
    lxs_buf_printf(&cmp, ",%s_stance,%s_salience,%s_mentions", tn, tn, tn);
    lxs_buf_printf(&md, " %s |", tn);
  }
  lxs_buf_puts(&cmp, ",sentiment\r\n");
  lxs_buf_puts(&md, " sentiment |\n|---|");
  for (size_t t = 0; t <= nth; t++) lxs_buf_puts(&md, "---:|");
  lxs_buf_putc(&md, '\n');
  for (size_t p = 0; p < npool; p++) {
    const lxs_agg *a = &pool[p].agg;
    if (a->sentences == 0 && a->tokens == 0) continue;
    lxs_csv_str(&cmp, pool[p].name);
    lxs_buf_putc(&cmp, ',');
    lxs_csv_str(&cmp, pool[p].desc);
    lxs_buf_printf(&cmp, ",%zu,%zu", a->sentences, a->tokens);
    lxs_buf_puts(&md, "| ");
    lxs_md_cell(&md, pool[p].name);
    lxs_buf_puts(&md, " |");
    for (size_t t = 0; t < nth; t++) {
      int present;
      double st = lxs_agg_stance(a, t, &present);
      lxs_buf_putc(&cmp, ',');
      if (present) lxs_fmt_num(&cmp, st);
      lxs_buf_putc(&cmp, ',');
      lxs_fmt_num(&cmp, lxs_agg_salience(a, t));
      lxs_buf_printf(&cmp, ",%u", a->mentions[t]);
      if (present)
        lxs_buf_printf(&md, " %+.2f (%.1f/1k, n=%u) |", st, lxs_agg_salience(a, t),
                       a->mentions[t]);
      else
        lxs_buf_puts(&md, " - |");
    }
    lxs_buf_putc(&cmp, ',');
    lxs_fmt_num(&cmp, lxs_agg_sentiment(a));
    lxs_buf_puts(&cmp, "\r\n");
    lxs_buf_printf(&md, " %+.2f |\n", lxs_agg_sentiment(a));
  }
  /* Report directory. */
  lxs_buf dir;
  lxs_buf_init(&dir);
  if (o.output) lxs_buf_puts(&dir, o.output);
  else {
    lxs_doc_name(argv[first], &name);
    lxs_buf_printf(&dir, "reports/%s", lxs_buf_cstr(&name));
  }
  if (rc == 0 && mkdir_p(lxs_buf_cstr(&dir), err, sizeof err)) {
    fprintf(stderr, "lexstance: %s\n", err);
    rc = LXS_EIO;
  }
  struct { const char *file; lxs_buf *data; } files[] = {
      {"comparison.csv", &cmp}, {"speakers.csv", &spk}, {"evidence.csv", &evid}};
  lxs_out *outs[3] = {NULL, NULL, NULL};
  for (int i = 0; i < 3 && rc == 0; i++) {
    lxs_buf path;
    lxs_buf_init(&path);
    lxs_buf_printf(&path, "%s/%s", lxs_buf_cstr(&dir), files[i].file);
    outs[i] = lxs_out_open(path.data, err, sizeof err);
    lxs_buf_free(&path);
    if (!outs[i] || write_out(outs[i], files[i].data, err, sizeof err)) {
      fprintf(stderr, "lexstance: %s\n", err);
      rc = LXS_EIO;
    }
  }
  /* Commit only when every file is complete. */
  for (int i = 0; i < 3; i++) {
    if (!outs[i]) continue;
    if (rc == 0) {
      if (lxs_out_commit(outs[i], err, sizeof err)) {
        fprintf(stderr, "lexstance: %s\n", err);
        rc = LXS_EIO;
      }
    } else {
      lxs_out_abort(outs[i]);
    }
  }
  if (rc == 0) {
    fwrite(md.data, 1, md.len, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
      fprintf(stderr, "lexstance: error writing to standard output: %s\n",
              strerror(errno));
      rc = LXS_EIO;
    }
  }
  for (size_t p = 0; p < npool; p++) {
    free(pool[p].name);
    free(pool[p].desc);
    lxs_agg_free(&pool[p].agg);
  }
  free(pool);
  lxs_buf_free(&dir);
  lxs_buf_free(&cmp);
  lxs_buf_free(&md);
  lxs_buf_free(&spk);
  lxs_buf_free(&evid);
  lxs_buf_free(&name);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  free(o.lexicons);
  return rc;
}

int main(int argc, char **argv) {
  lxs_out_install_signal_handlers();
  if (argc < 2) {
    fputs(kUsage, stderr);
    return LXS_EUSAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
      strcmp(cmd, "help") == 0)
    print_help();
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("lexstance %s\n", LXS_VERSION);
    return fflush(stdout) == 0 ? 0 : LXS_EIO;
  }
  if (strcmp(cmd, "score") == 0) return cmd_score(argc - 1, argv + 1);
  if (strcmp(cmd, "compare") == 0) return cmd_compare(argc - 1, argv + 1);
  die_usage("unknown command '%s'", cmd);
  return LXS_EUSAGE;
}
