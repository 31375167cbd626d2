/* cli_options.c - the commands' option tables, their parsing and --help.
 *
 * Every option any command takes is described once in kOptions (its
 * names, argument and help); each command lists the options it takes in
 * its own table (kCommands).  An option a command does not list is a
 * usage error (exit 2), and a command's --help is printed from its
 * table, so help, parser and man page cannot drift apart (a test checks
 * the man page against every command's --help). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- options ------------------------------------------------------------- */

enum {
  OPT_INPUT = 256,
  OPT_UNIT,
  OPT_FORMAT,
  OPT_LEXICON,
  OPT_NODEF,
  OPT_LANG,
  OPT_NOATTR,
  OPT_BOOT,
  OPT_SEED,
  OPT_CI,
  OPT_THEME,
  OPT_SPEAKER,
  OPT_COLOR,
  OPT_COLOUR,
  OPT_NOCOLOR,
  OPT_NOCOLOUR,
  OPT_BY,
  OPT_SPEAKERS,
  OPT_LEXFMT,
  OPT_MAP,
  OPT_MAPFILE,
  OPT_CATEGORIES,
  OPT_SENTIMENT,
  OPT_VADERLEX,
  OPT_EMOJILEX,
  OPT_PARTIAL,
  OPT_ONERROR,
  OPT_QUIET,
  OPT_SENTENCES,
  OPT_WITHDEF,
  OPT_TOP,
  OPT_CORPUS,
  OPT_TEXTCOL,
  OPT_IDCOL,
  OPT_KEEP,
  OPT_TABLE,
  OPT_CSVRAW,
  /* keys of options whose getopt value is a short letter */
  OPT_OUTFILE,
  OPT_OUTDIR,
  OPT_TABLEDIR,
  OPT_JOBS,
  OPT_RECURSIVE,
  OPT_HELP
};

static const cli_option kOptions[] = {
    {OPT_INPUT, OPT_INPUT, "input", required_argument, "--input FMT",
     "text (an article, default), lines, tsv (id<TAB>text, or\n"
     "a header naming the columns), csv (RFC 4180 with a\n"
     "header), jsonl ({\"id\",\"text\",\"speaker\"})"},
    {OPT_TEXTCOL, OPT_TEXTCOL, "text-col", required_argument, "--text-col NAME",
     "the column (JSON key) holding the text (default text)"},
    {OPT_IDCOL, OPT_IDCOL, "id-col", required_argument, "--id-col NAME",
     "the column (JSON key) holding the document id (default\n"
     "id, doc_id, doc or document; else the line number)"},
    {OPT_KEEP, OPT_KEEP, "keep", required_argument, "--keep COL,...",
     "carry these columns (JSON keys) of a csv, tsv or jsonl\n"
     "corpus into every row, after doc"},
    {OPT_UNIT, OPT_UNIT, "unit", required_argument, "--unit UNIT",
     "sentence, speaker (default for text) or doc"},
    {OPT_FORMAT, OPT_FORMAT, "format", required_argument, "--format FMT",
     "csv (default), md, jsonl, or wide: CSV, one row per unit\n"
     "with every theme's columns (LIWC-22's shape)"},
    {OPT_OUTFILE, 'o', "output", required_argument, "-o, --output FILE",
     "write to FILE instead of standard output (atomically)"},
    {OPT_OUTDIR, 'o', "output", required_argument, "-o, --output DIR",
     "report directory (default reports/NAME/, NAME the first\n"
     "article's file name)"},
    {OPT_LEXICON, OPT_LEXICON, "lexicon", required_argument, "--lexicon PATH",
     "add or override lexicon entries (repeatable)"},
    {OPT_NODEF, OPT_NODEF, "no-default-lexicons", no_argument, "--no-default-lexicons",
     "do not load the embedded lexicons"},
    {OPT_LANG, OPT_LANG, "language", required_argument, "--language LANG",
     "Snowball stemmer language (default english)"},
    {OPT_NOATTR, OPT_NOATTR, "no-attribution", no_argument, "--no-attribution",
     "do not split articles into speakers"},
    {OPT_SPEAKERS, OPT_SPEAKERS, "speakers", required_argument, "--speakers FILE",
     "known speakers: Name<TAB>alias<TAB>alias... per line"},
    {OPT_BOOT, OPT_BOOT, "bootstrap", required_argument, "--bootstrap N",
     "bootstrap resamples for intervals (default 2000 for\n"
     "speakers, compare and merge; 0 for doc and sentence\n"
     "units)"},
    {OPT_SEED, OPT_SEED, "seed", required_argument, "--seed S",
     "random seed for resampling (default 1)"},
    {OPT_CI, OPT_CI, "ci", required_argument, "--ci LEVEL",
     "confidence level of intervals (default 0.95)"},
    {OPT_BY, OPT_BY, "by", required_argument, "--by article|speaker",
     "one row per speaker and article, or per speaker pooled\n"
     "across articles (default)"},
    {OPT_JOBS, 'j', "jobs", required_argument, "-j, --jobs N",
     "score on N threads (default: all cores); same output"},
    {OPT_RECURSIVE, 'r', "recursive", required_argument, "-r, --recursive DIR",
     "score every .txt file below DIR (sorted)"},
    {OPT_PARTIAL, OPT_PARTIAL, "partial", required_argument, "--partial FILE",
     "also write mergeable per-speaker statistics (- = stdout,\n"
     "instead of the rows unless -o is given)"},
    {OPT_ONERROR, OPT_ONERROR, "on-error", required_argument, "--on-error skip|fail",
     "malformed records: skip (counted) or stop (default)"},
    {OPT_QUIET, 'q', "quiet", no_argument, "-q, --quiet", "no progress line on a terminal"},
    {OPT_CSVRAW, OPT_CSVRAW, "csv-raw", no_argument, "--csv-raw",
     "write CSV text cells as they are: no ' before a cell\n"
     "starting with = + - @ TAB or CR (spreadsheet formulas)"},
    {OPT_THEME, OPT_THEME, "theme", required_argument, "--theme T",
     "only this theme (or sentiment)"},
    {OPT_SPEAKER, OPT_SPEAKER, "speaker", required_argument, "--speaker S", "only this speaker"},
    {OPT_COLOR, OPT_COLOR, "color", no_argument, "--color, --colour",
     "colour the matches even when not on a terminal"},
    {OPT_COLOUR, OPT_COLOR, "colour", no_argument, NULL, NULL},
    {OPT_NOCOLOR, OPT_NOCOLOR, "no-color", no_argument, "--no-color, --no-colour",
     "no colour even on a terminal"},
    {OPT_NOCOLOUR, OPT_NOCOLOR, "no-colour", no_argument, NULL, NULL},
    {OPT_LEXFMT, OPT_LEXFMT, "lexicon-format", required_argument, "--lexicon-format FMT",
     "format of the lexicon files: tsv, liwc (.dic), dicx,\n"
     "lexicoder (.lc3/.lcd), wordstat (.cat), yaml, vader\n"
     "(default: by extension)"},
    {OPT_MAP, OPT_MAP, "map", required_argument, "--map CAT=THEME[:+|-]",
     "map an imported dictionary's category to a theme or\n"
     "pole (repeatable)"},
    {OPT_MAPFILE, OPT_MAPFILE, "map-file", required_argument, "--map-file FILE",
     "many --map lines (CAT=THEME[:+|-]) from a file"},
    {OPT_CATEGORIES, OPT_CATEGORIES, "categories", no_argument, "--categories",
     "LIWC-style counts and percentages per category:\n"
     "doc,speaker,category,count,percent"},
    {OPT_SENTIMENT, OPT_SENTIMENT, "sentiment", required_argument, "--sentiment default|vader",
     "vader: VADER-compatible sentiment (needs\n"
     "--vader-lexicon); adds neg,neu,pos,compound columns"},
    {OPT_VADERLEX, OPT_VADERLEX, "vader-lexicon", required_argument, "--vader-lexicon PATH",
     "VADER's vader_lexicon.txt"},
    {OPT_EMOJILEX, OPT_EMOJILEX, "emoji-lexicon", required_argument, "--emoji-lexicon PATH",
     "VADER's emoji_utf8_lexicon.txt (optional)"},
    {OPT_SENTENCES, OPT_SENTENCES, "sentences", no_argument, "--sentences",
     "one row per sentence: doc,sentence,byte_start,byte_end,\n"
     "speaker,cue"},
    {OPT_WITHDEF, OPT_WITHDEF, "with-defaults", no_argument, "--with-defaults",
     "check the files against the embedded lexicons too"},
    {OPT_TOP, OPT_TOP, "top", required_argument, "--top N", "candidate words to list (default 20)"},
    {OPT_CORPUS, OPT_CORPUS, "corpus", required_argument, "--corpus FILE",
     "a file of the corpus (repeatable); the operands are\n"
     "the lexicons, in any order with the options"},
    {OPT_TABLEDIR, 'o', "output", required_argument, "-o, --output DIR",
     "write entries.csv, speakers.csv, unmatched.csv and\n"
     "candidates.csv to DIR (put in place together)"},
    {OPT_TABLE, OPT_TABLE, "table", required_argument, "--table NAME",
     "write one table to standard output: entries, speakers,\n"
     "unmatched or candidates"},
    {OPT_HELP, 'h', "help", no_argument, "-h, --help", "this help"},
};
enum { NOPTIONS = sizeof kOptions / sizeof *kOptions };

/* ---- commands ------------------------------------------------------------ */

#define LEXICON_OPTS OPT_LEXICON, OPT_NODEF, OPT_LANG, OPT_LEXFMT, OPT_MAP, OPT_MAPFILE

typedef struct {
  const char *name;  /* as cli_parse_as is given it */
  const char *usage; /* after "usage: lexstance " */
  const char *about; /* what --help says it does */
  int opts[40];      /* keys of the options it takes, 0-terminated */
} cli_command;

static const cli_command kCommands[] = {
    {"score",
     "score [options] [FILE|-]...",
     "Score documents: one row per unit and theme (long format) to standard\n"
     "output: doc,speaker,sentence,theme,tokens,mentions,stance,salience,\n"
     "sentiment,class,stance_lo,stance_hi,salience_lo,salience_hi,sentiment_lo,\n"
     "sentiment_hi,sentences.\n",
     {OPT_INPUT,      OPT_TEXTCOL,   OPT_IDCOL,     OPT_KEEP,     OPT_UNIT,    OPT_FORMAT,
      OPT_OUTFILE,    LEXICON_OPTS,  OPT_NOATTR,    OPT_SPEAKERS, OPT_BOOT,    OPT_SEED,
      OPT_CI,         OPT_JOBS,      OPT_RECURSIVE, OPT_PARTIAL,  OPT_ONERROR, OPT_QUIET,
      OPT_CATEGORIES, OPT_SENTIMENT, OPT_VADERLEX,  OPT_EMOJILEX, OPT_CSVRAW,  OPT_HELP}},
    {"compare",
     "compare [options] [-o DIR] ARTICLE...",
     "Compare speakers across articles: a Markdown table to standard output;\n"
     "comparison.csv, speakers.csv, evidence.csv, differences.csv,\n"
     "lexicons.csv, comparison.svg and report.html in DIR.\n",
     {OPT_INPUT, OPT_TEXTCOL, OPT_IDCOL, OPT_OUTDIR, OPT_BY, LEXICON_OPTS, OPT_NOATTR, OPT_SPEAKERS,
      OPT_BOOT, OPT_SEED, OPT_CI, OPT_CSVRAW, OPT_HELP}},
    {"explain",
     "explain [options] FILE...",
     "Show each matched sentence with its matches marked, the rules applied and\n"
     "each contribution.\n",
     {OPT_INPUT, OPT_TEXTCOL, OPT_IDCOL, OPT_THEME, OPT_SPEAKER, OPT_COLOR, OPT_COLOUR, OPT_NOCOLOR,
      OPT_NOCOLOUR, LEXICON_OPTS, OPT_NOATTR, OPT_SPEAKERS, OPT_HELP}},
    {"merge",
     "merge [options] PARTIAL...",
     "Combine --partial results into per-speaker rows (the columns of score),\n"
     "exactly as one run over all the input gives.\n",
     {OPT_OUTFILE, OPT_FORMAT, OPT_BOOT, OPT_SEED, OPT_CI, OPT_CSVRAW, OPT_HELP}},
    {"speakers",
     "speakers [options] ARTICLE...",
     "The speakers found, with their sentence counts, the attribution cues and\n"
     "their confidence: doc,speaker,description,sentences,cues,confidence.\n",
     {OPT_SENTENCES, OPT_OUTFILE, LEXICON_OPTS, OPT_NOATTR, OPT_SPEAKERS, OPT_CSVRAW, OPT_HELP}},
    {"lexicon check",
     "lexicon check [options] FILE...",
     "Parse and lint lexicons: parse errors exit 1; duplicates, conflicts across\n"
     "files, greedy globs, entries that can never match and stems colliding\n"
     "with another theme's target are warnings.\n",
     {OPT_LEXFMT, OPT_MAP, OPT_MAPFILE, OPT_LANG, OPT_WITHDEF, OPT_HELP}},
    {"kwic",
     "kwic [options] TERM|THEME [FILE|-]...",
     "Keyword in context, as quanteda's kwic: every place TERM occurs (words\n"
     "compared case-folded; a trailing * makes the last a prefix), or every\n"
     "match tied to THEME, with the words around it, its speaker and what the\n"
     "lexicons made of it: doc,speaker,sentence,byte_start,byte_end,pre,match,\n"
     "post,theme,term,role,contribution,holder.\n",
     {OPT_INPUT, OPT_TEXTCOL, OPT_IDCOL, OPT_KEEP, OPT_FORMAT, OPT_OUTFILE, LEXICON_OPTS,
      OPT_NOATTR, OPT_SPEAKERS, OPT_HELP}},
    {"validate",
     "validate [options] LABELS",
     "Compare the tool with hand-coded sentences.  LABELS is a TSV or CSV file\n"
     "with a header: file (or doc, doc_id, document, id), sentence (or text),\n"
     "one column per theme id holding 1, 0, -1, or blank/NA (absent), and\n"
     "optionally speaker (the holder of the view; 'author' = the writer).\n",
     {OPT_OUTFILE, LEXICON_OPTS, OPT_SPEAKERS, OPT_CSVRAW, OPT_HELP}},
    {"lexicon coverage",
     "lexicon coverage [options] --corpus FILE... (-o DIR | --table NAME) [LEXICON...]",
     "Score the corpus and report, one CSV table each, the hits per entry\n"
     "(entries) and per speaker (speakers), the entries never matched (unmatched)\n"
     "and frequent unmatched words near theme terms (candidates for the lexicon).\n",
     {OPT_INPUT, OPT_TEXTCOL, OPT_IDCOL, OPT_LEXFMT, OPT_MAP, OPT_MAPFILE, OPT_LANG, OPT_NODEF,
      OPT_NOATTR, OPT_TOP, OPT_CORPUS, OPT_TABLEDIR, OPT_TABLE, OPT_CSVRAW, OPT_HELP}},
};

static const char kUsage[] = "usage: lexstance score [options] [FILE|-]...\n"
                             "       lexstance compare [options] [-o DIR] ARTICLE...\n"
                             "       lexstance explain [--theme T] [--speaker S] FILE...\n"
                             "       lexstance merge [-o FILE] PARTIAL...\n"
                             "       lexstance lexicon check|coverage ...\n"
                             "       lexstance kwic [options] TERM|THEME [FILE|-]...\n"
                             "       lexstance speakers [--sentences] ARTICLE...\n"
                             "       lexstance validate [options] LABELS\n"
                             "       lexstance --help | --version\n";

static const char kHelp[] =
    "lexstance - score speakers' stance and sentiment on policy themes\n"
    "\n"
    "Commands:\n"
    "  score [FILE|-]...      score documents; long CSV to stdout\n"
    "  compare ARTICLE...     compare speakers across articles: Markdown table to\n"
    "                         stdout; comparison.csv, speakers.csv, evidence.csv,\n"
    "                         differences.csv, comparison.svg, report.html in DIR\n"
    "  explain FILE...        show each matched sentence, the rules applied and\n"
    "                         each contribution\n"
    "  merge PARTIAL...       combine --partial results into per-speaker rows\n"
    "  kwic TERM|THEME FILE...\n"
    "                         keyword in context: each occurrence or theme match\n"
    "                         with its words around, speaker and contribution\n"
    "  speakers ARTICLE...    the speakers found, their sentence counts and the\n"
    "                         attribution cues; --sentences: one row per sentence\n"
    "  validate LABELS        compare with hand-coded sentences: detection P/R/F1,\n"
    "                         stance macro-F1, confusion, kappa, attribution\n"
    "  lexicon check FILE...  parse and lint lexicons (duplicates, conflicts,\n"
    "                         greedy globs, entries that can never match)\n"
    "  lexicon coverage --corpus FILE -o DIR [LEXICON...]\n"
    "                         hits per entry, unmatched entries, candidate words\n"
    "\n"
    "`lexstance COMMAND --help` lists the options a command takes; an option\n"
    "it does not take is a usage error.\n"
    "\n"
    "Exit status: 0 ok, 1 bad input or lexicon data, 2 usage error,\n"
    "3 I/O error, 4 out of memory, 130 interrupted, 128+N killed by signal N;\n"
    "a closed pipe on standard output ends the run quietly (SIGPIPE, 141).\n";

/* The command being parsed: usage errors print its usage line. */
static const cli_command *g_cmd;

static const cli_command *find_command(const char *name) {
  for (size_t i = 0; i < sizeof kCommands / sizeof *kCommands; i++)
    if (strcmp(kCommands[i].name, name) == 0) return &kCommands[i];
  return NULL;
}

static const cli_option *find_option(int key) {
  for (size_t i = 0; i < NOPTIONS; i++)
    if (kOptions[i].key == key) return &kOptions[i];
  return NULL;
}

/* "lexstance: MESSAGE" on standard error, on one line: what a message
 * quotes (a name, a file's bytes) cannot drive the terminal or break the
 * line (escape.h's lxs_term_text; a line break shows as ^J). */
static void vmessage(const char *fmt, va_list ap) {
  lxs_buf msg, shown;
  lxs_buf_init(&msg);
  lxs_buf_init(&shown);
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, again);
  va_end(again);
  if (n > 0) {
    lxs_buf_reserve(&msg, (size_t)n);
    vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
    msg.len = (size_t)n;
  }
  lxs_buf_puts(&shown, "lexstance: ");
  for (size_t i = 0, start = 0; i <= msg.len; i++)
    if (i == msg.len || msg.data[i] == '\n') {
      lxs_term_text(&shown, msg.data ? msg.data + start : "", i - start);
      if (i < msg.len) lxs_buf_puts(&shown, "^J");
      start = i + 1;
    }
  fputs(lxs_buf_cstr(&shown), stderr);
  lxs_buf_free(&msg);
  lxs_buf_free(&shown);
}

void cli_err(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static void usage_message(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  va_end(ap);
}

_Noreturn void cli_usage_error(const char *fmt, const char *arg) {
  usage_message(fmt, arg);
  if (g_cmd)
    fprintf(stderr, "\nusage: lexstance %s\n(`lexstance %s --help` lists its options)\n",
            g_cmd->usage, g_cmd->name);
  else fprintf(stderr, "\n%s", kUsage);
  exit(CLI_EXIT_USAGE);
}

/* Prints text to standard output and exits 0, or 3 when it cannot. */
static _Noreturn void print_and_exit(const char *text) {
  fputs(text, stdout);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_err("error writing to standard output: %s", strerror(errno));
    exit(CLI_EXIT_IO);
  }
  exit(0);
}

_Noreturn void cli_help(void) { print_and_exit(kHelp); }

void cli_usage(FILE *f) { fputs(kUsage, f); }

/* One option's help: "  SYNOPSIS   help", the help in a column. */
static void option_help(lxs_buf *b, const cli_option *op) {
  enum { COL = 25 };
  if (!op->synopsis) return; /* an alias, shown with its option */
  lxs_buf_printf(b, "  %s", op->synopsis);
  size_t col = 2 + strlen(op->synopsis);
  if (col + 1 > COL) {
    lxs_buf_putc(b, '\n');
    col = 0;
  }
  for (const char *h = op->help; *h;) {
    const char *nl = strchr(h, '\n');
    size_t n = nl ? (size_t)(nl - h) : strlen(h);
    lxs_buf_printf(b, "%*s%.*s\n", (int)(COL - col), "", (int)n, h);
    col = 0;
    h += n + (nl != NULL);
  }
}

/* A command's --help: usage, what it does, its own options, then the
 * shared ones it takes. */
static _Noreturn void command_help(const cli_command *c, const cli_option *own) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_buf_printf(&b, "usage: lexstance %s\n\n%s\nOptions:\n", c->usage, c->about);
  for (; own && own->name; own++) option_help(&b, own);
  for (const int *k = c->opts; *k; k++) option_help(&b, find_option(*k));
  print_and_exit(lxs_buf_cstr(&b)); /* the buffer lives until exit */
}

/* ---- parsing ------------------------------------------------------------- */

static unsigned long parse_count(const char *s, const char *what, unsigned long max) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (errno || *end || !*s || s[0] == '-' || v > max) cli_usage_error(what, s);
  return v;
}

/* Choices: an option whose value is one of a few words. */
static void parse_choice(cli_opts *o, int val, const char *arg) {
  switch (val) {
  case OPT_INPUT:
    if (lxs_input_format_parse(arg, &o->input))
      cli_usage_error("unknown input format '%s' (text, lines, tsv, csv, jsonl)", arg);
    o->input_set = 1;
    break;
  case OPT_UNIT:
    if (strcmp(arg, "sentence") == 0) o->unit = UNIT_SENTENCE;
    else if (strcmp(arg, "speaker") == 0) o->unit = UNIT_SPEAKER;
    else if (strcmp(arg, "doc") == 0) o->unit = UNIT_DOC;
    else cli_usage_error("unknown unit '%s' (sentence, speaker, doc)", arg);
    o->unit_set = 1;
    break;
  case OPT_FORMAT:
    if (strcmp(arg, "csv") == 0) o->format = FMT_CSV;
    else if (strcmp(arg, "md") == 0) o->format = FMT_MD;
    else if (strcmp(arg, "jsonl") == 0) o->format = FMT_JSONL;
    else if (strcmp(arg, "wide") == 0) o->format = FMT_WIDE;
    else cli_usage_error("unknown format '%s' (csv, md, jsonl, wide)", arg);
    break;
  case OPT_BY:
    if (strcmp(arg, "article") != 0 && strcmp(arg, "speaker") != 0)
      cli_usage_error("unknown --by value '%s' (article, speaker)", arg);
    o->by_article = strcmp(arg, "article") == 0;
    break;
  case OPT_SENTIMENT:
    if (strcmp(arg, "vader") == 0) o->sentiment_vader = 1;
    else if (strcmp(arg, "default") == 0) o->sentiment_vader = 0;
    else cli_usage_error("unknown sentiment model '%s' (default, vader)", arg);
    break;
  case OPT_ONERROR:
    if (strcmp(arg, "skip") == 0) o->on_error_skip = 1;
    else if (strcmp(arg, "fail") == 0) o->on_error_skip = 0;
    else cli_usage_error("unknown --on-error value '%s' (skip, fail)", arg);
    break;
  }
}

/* Numbers: counts, levels. */
static void parse_number(cli_opts *o, int val, const char *arg) {
  switch (val) {
  case OPT_BOOT:
    o->bootstrap = (unsigned)parse_count(
        arg, "--bootstrap needs a count from 0 to 1000000, not '%s'", 1000000);
    o->bootstrap_set = 1;
    break;
  case OPT_SEED:
    o->seed = parse_count(arg, "--seed needs a non-negative integer, not '%s'", ~0UL);
    break;
  case OPT_CI: {
    char *end;
    double v = strtod(arg, &end);
    if (*end || !(v > 0 && v < 1))
      cli_usage_error("--ci needs a level between 0 and 1, not '%s'", arg);
    o->ci = v;
    break;
  }
  case 'j':
    o->jobs = (unsigned)parse_count(arg, "-j needs a thread count from 1 to 256, not '%s'", 256);
    if (o->jobs == 0) cli_usage_error("-j needs a thread count from 1 to 256, not '%s'", arg);
    break;
  case OPT_TOP: o->top = parse_count(arg, "--top needs a number >= 0, not '%s'", ~0UL); break;
  }
}

/* --keep a,b,c (repeatable): the names in order; an empty name is a
 * usage error. */
static void parse_keep(cli_opts *o, const char *arg) {
  for (const char *p = arg;;) {
    size_t n = strcspn(p, ",");
    if (n == 0) cli_usage_error("--keep needs column names separated by commas, not '%s'", arg);
    o->keep = lxs_xrealloc(o->keep, (o->nkeep + 1) * sizeof *o->keep);
    o->keep[o->nkeep++] = lxs_xstrndup(p, n);
    if (!p[n]) break;
    p += n + 1;
  }
}

/* The options that only set a field. */
static void parse_plain(cli_opts *o, int val, const char *arg) {
  switch (val) {
  case 'o': o->output = arg; break;
  case OPT_LEXICON: o->lexicons[o->nlex++] = arg; break;
  case OPT_NODEF: o->no_defaults = 1; break;
  case OPT_LANG: o->language = arg; break;
  case OPT_NOATTR: o->no_attribution = 1; break;
  case OPT_THEME: o->theme = arg; break;
  case OPT_SPEAKER: o->speaker = arg; break;
  case OPT_COLOR: o->color = 1; break;
  case OPT_NOCOLOR: o->color = 0; break;
  case OPT_SPEAKERS: o->speakers_file = arg; break;
  case OPT_LEXFMT: o->lexicon_format = arg; break;
  case OPT_MAP: o->maps[o->nmaps++] = arg; break;
  case OPT_MAPFILE: o->map_file = arg; break;
  case OPT_CATEGORIES: o->categories = 1; break;
  case OPT_VADERLEX: o->vader_lexicon = arg; break;
  case OPT_EMOJILEX: o->emoji_lexicon = arg; break;
  case OPT_PARTIAL: o->partial = arg; break;
  case 'r': o->dirs[o->ndirs++] = arg; break;
  case 'q': o->quiet = 1; break;
  case OPT_SENTENCES: o->sentences = 1; break;
  case OPT_WITHDEF: o->with_defaults = 1; break;
  case OPT_TEXTCOL: o->text_col = arg; break;
  case OPT_IDCOL: o->id_col = arg; break;
  case OPT_KEEP: parse_keep(o, arg); break;
  case OPT_TABLE: o->table = arg; break;
  case OPT_CSVRAW: lxs_csv_set_raw(1); break; /* every CSV writer of the run */
  }
}

static int takes(const cli_command *c, int key) {
  for (const int *k = c->opts; *k; k++)
    if (*k == key) return 1;
  return 0;
}

/* An option getopt did not accept: one of another command's, or none. */
static _Noreturn void bad_option(const cli_command *c, const cli_option *own, const char *arg,
                                 int short_opt) {
  const char *name = arg + 2;
  size_t n = strcspn(name, "=");
  int is_long = arg[0] == '-' && arg[1] == '-';
  size_t nown = 0;
  while (own && own[nown].name) nown++;
  for (size_t i = 0; i < nown + NOPTIONS; i++) {
    const cli_option *op = i < nown ? &own[i] : &kOptions[i - nown];
    if (is_long ? strlen(op->name) == n && strncmp(op->name, name, n) == 0
                : op->val < 256 && op->val == short_opt) {
      lxs_buf msg;
      lxs_buf_init(&msg);
      if (is_long && (i < nown || takes(c, op->key)))
        lxs_buf_printf(&msg, "option '--%s' takes no value", op->name);
      else if (is_long) lxs_buf_printf(&msg, "%s does not take --%s", c->name, op->name);
      else lxs_buf_printf(&msg, "%s does not take -%c", c->name, short_opt);
      cli_usage_error("%s", lxs_buf_cstr(&msg));
    }
  }
  cli_usage_error("unknown option '%s'", arg);
}

int cli_parse_with(const char *command, int argc, char **argv, cli_opts *o, const cli_option *own,
                   cli_option_fn *fn, void *ud) {
  const cli_command *c = find_command(command);
  size_t nown = 0;
  while (own && own[nown].name) nown++;
  g_cmd = c;
  memset(o, 0, sizeof *o);
  o->lexicons = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  o->maps = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  o->dirs = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  o->corpus = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  /* in o, so that a usage error's exit leaves nothing unreachable */
  char **operands = o->operands = lxs_xcalloc((size_t)argc + 1, sizeof(char *));
  int noperands = 0;
  o->unit = UNIT_SPEAKER;
  o->seed = 1;
  o->ci = 0.95;
  o->color = -1;
  o->top = 20;
  /* getopt's tables from the command's: "-" first returns operands in
   * order (code 1); ":" reports a missing value.  Static: a command is
   * parsed once, and an exit on a usage error leaks nothing. */
  static struct option longopts[sizeof c->opts / sizeof *c->opts + 32];
  if (nown + sizeof c->opts / sizeof *c->opts >= sizeof longopts / sizeof *longopts)
    cli_usage_error("internal error: %s has too many options of its own", c->name);
  char shortopts[64] = "-:";
  size_t nl = 0, ns = 2;
  for (size_t i = 0; i < nown; i++)
    longopts[nl++] = (struct option){own[i].name, own[i].has_arg, NULL, own[i].val};
  for (const int *k = c->opts; *k; k++) {
    const cli_option *op = find_option(*k);
    longopts[nl++] = (struct option){op->name, op->has_arg, NULL, op->val};
    if (op->val < 256) {
      shortopts[ns++] = (char)op->val;
      if (op->has_arg) shortopts[ns++] = ':';
    }
  }
  longopts[nl] = (struct option){NULL, 0, NULL, 0};
  shortopts[ns] = '\0';
  opterr = 0;
  optind = 1;
  int ch;
  while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    if (ch == 1) {
      operands[noperands++] = optarg;
      continue;
    }
    if (ch == 'h') command_help(c, own);
    if (ch == ':') cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
    if (ch == '?') bad_option(c, own, argv[optind - 1], optopt);
    if (ch >= CLI_OWN_OPTION && fn) {
      fn(ud, ch, optarg);
      continue;
    }
    if (ch == OPT_CORPUS) o->corpus[o->ncorpus++] = optarg;
    parse_choice(o, ch, optarg);
    parse_number(o, ch, optarg);
    parse_plain(o, ch, optarg);
  }
  /* operands after "--", then all of them at the end of argv in order,
   * as getopt's own permutation would leave them */
  while (optind < argc) operands[noperands++] = argv[optind++];
  for (int i = 0; i < noperands; i++) argv[argc - noperands + i] = operands[i];
  if (!o->unit_set && o->input_set && o->input != LXS_IN_TEXT) o->unit = UNIT_DOC;
  if (!o->bootstrap_set) o->bootstrap = o->unit == UNIT_SPEAKER ? 2000 : 0;
  o->keep_names = lxs_keep_names((const char *const *)o->keep, o->nkeep);
  if (o->sentiment_vader && !o->vader_lexicon)
    cli_usage_error("%s", "--sentiment vader needs --vader-lexicon PATH");
  return argc - noperands;
}

int cli_parse_as(const char *command, int argc, char **argv, cli_opts *o) {
  return cli_parse_with(command, argc, argv, o, NULL, NULL, NULL);
}

int cli_parse(int argc, char **argv, cli_opts *o) { return cli_parse_as(argv[0], argc, argv, o); }

void cli_opts_free(cli_opts *o) {
  for (size_t i = 0; i < o->nkeep; i++) {
    free(o->keep[i]);
    free(o->keep_names[i]);
  }
  free(o->keep);
  free(o->keep_names);
  free(o->lexicons);
  free(o->maps);
  free(o->dirs);
  free(o->corpus);
  free(o->operands);
}
