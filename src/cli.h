/* cli.h - shared pieces of the command-line front end (src/cli*.c). */
#ifndef LXS_CLI_H
#define LXS_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "input.h"
#include "lexstance.h"
#include "report.h"
#include "rows.h"
#include "reportset.h"
#include "util.h"

#define ERRLEN 1024

/* Process exit codes (README "Exit codes"). */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_DATA = 1,  /* bad input or lexicon data */
  CLI_EXIT_USAGE = 2, /* unknown command, option or value */
  CLI_EXIT_IO = 3,    /* a file cannot be read or written */
  CLI_EXIT_NOMEM = 4, /* out of memory */
  CLI_EXIT_INTR = 130 /* SIGINT (128 + N for signal N) */
};

typedef enum { UNIT_SENTENCE, UNIT_SPEAKER, UNIT_DOC } cli_unit;
typedef enum { FMT_CSV, FMT_MD, FMT_JSONL, FMT_WIDE } cli_format;

typedef struct {
  const char **lexicons;
  size_t nlex;
  int no_defaults;
  const char *language;
  lxs_input_format input;
  int input_set;
  cli_unit unit;
  int unit_set;
  cli_format format;
  const char *output;
  int no_attribution;
  unsigned bootstrap; /* resamples; 0 = no intervals */
  int bootstrap_set;
  uint64_t seed;
  double ci;           /* confidence level */
  const char *theme;   /* explain filter */
  const char *speaker; /* explain filter */
  int color;           /* -1 auto, 0 never, 1 always */
  int by_article;
  const char *speakers_file;
  const char *lexicon_format;
  const char **maps;
  size_t nmaps;
  const char *map_file;
  int categories;
  int sentiment_vader;
  const char *vader_lexicon;
  const char *emoji_lexicon;
  unsigned jobs;
  const char *partial;
  int on_error_skip;
  const char **dirs; /* -r DIR */
  size_t ndirs;
  int quiet;
  int sentences;       /* speakers --sentences */
  int with_defaults;   /* lexicon check */
  unsigned long top;   /* lexicon coverage: candidates listed */
  const char **corpus; /* lexicon coverage --corpus FILE... */
  char **operands;     /* cli_parse's scratch */
  size_t ncorpus;
  const char *text_col; /* --text-col */
  const char *id_col;   /* --id-col */
  char **keep;          /* --keep: column names, in order */
  size_t nkeep;
  char **keep_names; /* their output names (cli_keep_names) */
  const char *table; /* lexicon coverage --table */
} cli_opts;

/* Parse the options of a command (src/cli_options.c): argv[0] names it
 * ("score"); cli_parse_as names it explicitly ("lexicon check").  An
 * option the command does not take, or a bad value, is a usage error
 * (exit 2); -h prints the command's help and exits.  The operands are
 * moved to the end of argv, in order; returns the index of the first. */
int cli_parse(int argc, char **argv, cli_opts *o);
int cli_parse_as(const char *command, int argc, char **argv, cli_opts *o);

/* An option: the shared ones are in src/cli_options.c; a command may have
 * options of its own (val >= CLI_OWN_OPTION), which cli_parse_with gives
 * to its handler and its --help lists first. */
typedef struct {
  int key;          /* what a command's table names (own: = val) */
  int val;          /* getopt's value: the short letter, or the key */
  const char *name; /* long name */
  int has_arg;
  const char *synopsis; /* as --help shows it; NULL for an alias */
  const char *help;     /* lines after the first start with a newline */
} cli_option;
enum { CLI_OWN_OPTION = 1000 };
typedef void cli_option_fn(void *ud, int val, const char *arg);
/* own: the command's own options, ended by a NULL name. */
int cli_parse_with(const char *command, int argc, char **argv, cli_opts *o, const cli_option *own,
                   cli_option_fn *fn, void *ud);
void cli_opts_free(cli_opts *o);
/* `lexstance --help`, and the short usage of every command. */
_Noreturn void cli_help(void);
void cli_usage(FILE *f);
lxs_lexicon *cli_load_lexicon(const cli_opts *o);
/* Whether the embedded lexicons are loaded: not with
 * --no-default-lexicons, and not for another --language than theirs
 * (English), where the nfiles lexicons given stand in for them; with
 * none given, that is a usage error. */
int cli_load_defaults(const cli_opts *o, size_t nfiles);
/* The exit code for a library status (the README's table). */
int cli_exit_code(lxs_status status);
/* "lexstance: " fmt with arg, then the usage of the command being
 * parsed (or of all); exits 2. */
_Noreturn void cli_usage_error(const char *fmt, const char *arg);
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Row writers shared by score, compare and merge: src/rows.c with the
 * options (src/cli_rows.c). */
void cli_header(lxs_buf *b, const cli_opts *o, lxs_themes th);
void cli_doc_rows(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex, const char *doc,
                  const char *speaker_override, const lxs_result *res);
/* Rows of one aggregated unit (speaker or doc). */
void cli_agg_rows(lxs_buf *b, const cli_opts *o, lxs_themes th, const char *doc,
                  const char *speaker, const lxs_agg *a);
typedef struct lxs_vader lxs_vader;
/* score's rows, prepared once for the run (lxs_row_writer_doc writes a
 * document's; in VADER mode they add neg,neu,pos,compound). */
void cli_row_writer_init(lxs_row_writer *w, const cli_opts *o, const lxs_lexicon *lex);
/* A VADER scorer from --vader-lexicon/--emoji-lexicon, or NULL; exits with
 * a message on a bad file. */
lxs_vader *cli_load_vader(const cli_opts *o);
int cli_write(lxs_out *out, lxs_buf *b, char *err, size_t errlen);
/* Write b to path ("-"/NULL: stdout) atomically; 0 or LXS_EIO (with a
 * message printed and no file left behind). */
int cli_write_whole(const char *path, lxs_buf *b);
/* Commit the outputs as one set if rc == 0 (all or none), else discard
 * them all; returns the new rc (LXS_EIO if the commit failed). */
int cli_finish_outputs(lxs_out **outs, size_t n, int rc);

/* compare's report directory without -o: "reports/" and the first
 * article's name. */
void cli_default_report_dir(const char *article, lxs_buf *dir);

int cmd_score(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_speakers(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
/* A file an article command is given without --input whose name says it
 * is a corpus table (.csv, .tsv, .jsonl): a usage error suggesting
 * --input, since reading it as one article would score nonsense. */
void cli_check_input_name(const cli_opts *o, const char *path);
/* --speakers FILE, or NULL; exits with a message on a bad file. */
lxs_speaker_hints *cli_load_hints(const cli_opts *o);
void cli_free_hints(lxs_speaker_hints *h);

#endif
