/* cli.c - the lexstance command line: lexicon loading, output files and
 * main() (options: cli_options.c; the rows: cli_rows.c).
 *
 * Exit codes: 0 ok, 1 bad input or lexicon data, 2 usage, 3 I/O error,
 * 4 out of memory, 130 interrupted, 128+N killed by signal N. */
#define _POSIX_C_SOURCE 200809L
#include "aggregate.h"
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "lexformat.h"
#include "lexicon.h"
#include "segment.h"
#include "stem.h"
#include "vader.h"
#include "validate.h"

int cli_exit_code(lxs_status status) {
  switch (status) {
  case LXS_OK: return CLI_EXIT_OK;
  case LXS_EDATA: return CLI_EXIT_DATA;
  case LXS_EINVAL: return CLI_EXIT_USAGE;
  case LXS_EIO: return CLI_EXIT_IO;
  case LXS_ENOMEM: return CLI_EXIT_NOMEM;
  }
  return CLI_EXIT_DATA;
}

/* Scoring should not drown in the warnings of a big dictionary (VADER has
 * some 200 emoticons): the first few are shown, then how many more, so no
 * skipped entry goes unmentioned. */
#define SHOWN_WARNINGS 3

typedef struct {
  unsigned n;
  const char *file;
} warn_count;

static void warn_some(void *ud, const char *file, uint32_t line, const char *msg) {
  warn_count *w = ud;
  w->file = file;
  if (w->n++ < SHOWN_WARNINGS) cli_err("%s:%u: warning: %s", file, line, msg);
}

/* A --lexicon file in any format, its warnings on standard error. */
static int load_lexicon_file(lxs_lexicon *lex, const char *path, const char *format,
                             const lxs_mapping *map, char *err, size_t errlen) {
  warn_count w = {0, NULL};
  lxs_load_opts lo = {format, map, warn_some, NULL, &w};
  int rc = lxs_lexicon_load_any_ex(lex, path, &lo, err, errlen);
  if (w.n > SHOWN_WARNINGS)
    cli_err("%s: warning: %u more warnings (see 'lexstance lexicon check %s')", w.file,
            w.n - SHOWN_WARNINGS, w.file);
  return rc;
}

int cli_load_defaults(const cli_opts *o, size_t nfiles) {
  if (o->no_defaults) return 0;
  const char *lang = lxs_language_name(o->language);
  if (!lang || strcmp(lang, "english") == 0) return 1; /* (an unknown name fails later) */
  if (nfiles == 0)
    cli_usage_error("the embedded lexicons are English: --language %s needs lexicons in that "
                    "language (--lexicon FILE)",
                    lang);
  return 0; /* the user's lexicons stand in for the English ones */
}

lxs_lexicon *cli_load_lexicon(const cli_opts *o) {
  char err[ERRLEN];
  int defaults = cli_load_defaults(o, o->nlex);
  lxs_lexicon *lex = lxs_lexicon_new(o->language, err, sizeof err);
  if (!lex) cli_usage_error("%s", err);
  int rc = 0;
  lxs_mapping *map = lxs_mapping_new();
  for (size_t i = 0; rc == 0 && i < o->nmaps; i++)
    rc = lxs_mapping_add_spec(map, o->maps[i], err, sizeof err);
  if (rc == 0 && o->map_file) rc = lxs_mapping_load_file(map, o->map_file, err, sizeof err);
  if (rc == 0 && o->lexicon_format && !lxs_lexformat_canonical(o->lexicon_format)) {
    lxs_set_err(err, sizeof err, "unknown lexicon format '%s' (%s)", o->lexicon_format,
                lxs_lexformat_names());
    rc = LXS_EINVAL;
  }
  if (rc == LXS_EINVAL) {
    lxs_mapping_free(map);
    lxs_lexicon_free(lex);
    cli_usage_error("%s", err);
  }
  if (rc == 0 && defaults) rc = lxs_lexicon_load_defaults(lex, err, sizeof err);
  for (size_t i = 0; rc == 0 && i < o->nlex; i++)
    rc = load_lexicon_file(lex, o->lexicons[i], o->lexicon_format, map, err, sizeof err);
  lxs_mapping_free(map);
  /* English terms stemmed by another language's stemmer score nonsense
   * ("die" is an English decay word, a German article) */
  if (rc == 0 && lxs_lexicon_check_language(lex, err, sizeof err)) {
    lxs_lexicon_free(lex);
    cli_usage_error("%s (pass --language and lexicons of one language)", err);
  }
  if (rc) {
    cli_err("%s", err);
    lxs_lexicon_free(lex);
    exit(cli_exit_code(rc));
  }
  if (lxs_lexicon_theme_count(lex) == 0) {
    cli_err("no themes loaded (no lexicon defines a theme)");
    lxs_lexicon_free(lex);
    exit(CLI_EXIT_DATA);
  }
  return lex;
}

void cli_check_input_name(const cli_opts *o, const char *path) {
  static const struct {
    const char *ext, *input, *what;
  } kTables[] = {{".csv", "csv", "a CSV corpus"},
                 {".tsv", "tsv", "a TSV corpus"},
                 {".tab", "tsv", "a TSV corpus"},
                 {".jsonl", "jsonl", "a JSON Lines corpus"},
                 {".ndjson", "jsonl", "a JSON Lines corpus"}};
  if (o->input_set) return;
  size_t n = strlen(path);
  for (size_t i = 0; i < sizeof kTables / sizeof *kTables; i++) {
    size_t m = strlen(kTables[i].ext);
    if (n <= m || strcasecmp(path + n - m, kTables[i].ext) != 0) continue;
    lxs_buf msg;
    lxs_buf_init(&msg);
    lxs_display_text(path, n, 200, &msg);
    lxs_buf_printf(&msg,
                   " looks like %s, not an article: read it with --input %s "
                   "(--text-col names the text column), or with --input text as "
                   "one article",
                   kTables[i].what, kTables[i].input);
    cli_usage_error("%s", lxs_buf_cstr(&msg)); /* exits: the buffer goes with it */
  }
}

lxs_speaker_hints *cli_load_hints(const cli_opts *o) {
  if (!o->speakers_file) return NULL;
  char err[ERRLEN];
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  lxs_status rc = lxs_speaker_hints_load_file(h, o->speakers_file, err, sizeof err);
  if (rc) {
    cli_err("%s", err);
    lxs_speaker_hints_free(h);
    exit(cli_exit_code(rc));
  }
  return h;
}

void cli_free_hints(lxs_speaker_hints *h) { lxs_speaker_hints_free(h); }

lxs_vader *cli_load_vader(const cli_opts *o) {
  if (!o->sentiment_vader) return NULL;
  char err[ERRLEN];
  lxs_vader *vd = lxs_vader_new();
  lxs_status rc = lxs_vader_load_lexicon(vd, o->vader_lexicon, err, sizeof err);
  if (rc == LXS_OK && o->emoji_lexicon)
    rc = lxs_vader_load_emoji(vd, o->emoji_lexicon, err, sizeof err);
  if (rc) {
    cli_err("%s", err);
    lxs_vader_free(vd);
    exit(cli_exit_code(rc));
  }
  return vd;
}

int cli_write(lxs_out *out, lxs_buf *b, char *err, size_t errlen) {
  if (b->len && lxs_out_write(out, b->data, b->len, err, errlen)) return -1;
  b->len = 0;
  return 0;
}

int cli_write_whole(const char *path, lxs_buf *b) {
  char err[ERRLEN];
  lxs_out *out = lxs_out_open(path, err, sizeof err);
  if (!out) {
    cli_err("%s", err);
    return LXS_EIO;
  }
  int rc = 0;
  if (cli_write(out, b, err, sizeof err)) {
    cli_err("%s", err);
    rc = LXS_EIO;
  }
  return cli_finish_outputs(&out, 1, rc);
}

int cli_finish_outputs(lxs_out **outs, size_t n, int rc) {
  char err[ERRLEN];
  if (rc == 0 && lxs_out_commit_set(outs, n, err, sizeof err)) {
    cli_err("%s", err);
    return LXS_EIO;
  }
  for (size_t i = 0; i < n; i++) {
    lxs_out_abort(outs[i]);
    outs[i] = NULL;
  }
  return rc;
}

void cli_default_report_dir(const char *article, lxs_buf *dir) {
  lxs_buf name;
  lxs_buf_init(&name);
  lxs_doc_name(article, &name);
  lxs_buf_puts(dir, "reports/");
  /* "...txt" names "..": a name starting with a dot gets a '_' before it,
   * so the report is always a new, visible directory under reports/ */
  if (name.len == 0) lxs_buf_puts(dir, "report");
  else if (name.data[0] == '.') lxs_buf_putc(dir, '_');
  lxs_buf_put(dir, name.data ? name.data : "", name.len);
  lxs_buf_free(&name);
}

static void out_of_memory(void *data) {
  (void)data;
  lxs_out_cleanup_all();
  static const char msg[] = "lexstance: out of memory\n";
  ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)r;
  _exit(CLI_EXIT_NOMEM); /* not exit(): another thread may be running */
}

int main(int argc, char **argv) {
  lxs_set_oom_handler(out_of_memory, NULL);
  lxs_out_install_signal_handlers(); /* and SIGPIPE: see reportset.h */
  if (argc < 2) {
    cli_usage(stderr);
    return CLI_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) cli_help();
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("lexstance %s\n", LXS_VERSION);
    return fflush(stdout) == 0 ? 0 : LXS_EIO;
  }
  if (strcmp(cmd, "score") == 0) return cmd_score(argc - 1, argv + 1);
  if (strcmp(cmd, "compare") == 0) return cmd_compare(argc - 1, argv + 1);
  if (strcmp(cmd, "explain") == 0) return cmd_explain(argc - 1, argv + 1);
  if (strcmp(cmd, "merge") == 0) return cmd_merge(argc - 1, argv + 1);
  if (strcmp(cmd, "lexicon") == 0) return cmd_lexicon(argc - 1, argv + 1);
  if (strcmp(cmd, "kwic") == 0) return cmd_kwic(argc - 1, argv + 1);
  if (strcmp(cmd, "speakers") == 0) return cmd_speakers(argc - 1, argv + 1);
  if (strcmp(cmd, "validate") == 0) return cmd_validate(argc - 1, argv + 1);
  if (cmd[0] == '-') cli_usage_error("unknown option '%s'", cmd);
  cli_usage_error("unknown command '%s'", cmd);
}
