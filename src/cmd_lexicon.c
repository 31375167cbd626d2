/* cmd_lexicon.c - `lexstance lexicon check|coverage`: the command line
 * of the lexicon checks in src/lexcheck.c. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lexcheck.h"
#include "lexformat.h"

/* The --map and --map-file categories (as score reads them); exits on a
 * bad one. */
static lxs_mapping *load_mapping(const cli_opts *o) {
  char err[ERRLEN];
  lxs_mapping *map = lxs_mapping_new();
  int rc = 0;
  for (size_t i = 0; rc == 0 && i < o->nmaps; i++)
    rc = lxs_mapping_add_spec(map, o->maps[i], err, sizeof err);
  if (rc == LXS_EINVAL) cli_usage_error("%s", err);
  if (rc == 0 && o->map_file) rc = lxs_mapping_load_file(map, o->map_file, err, sizeof err);
  if (rc) {
    cli_err("%s", err);
    exit(cli_exit_code(rc));
  }
  return map;
}

/* The coverage tables: each its own CSV in -o DIR (a report set: the old
 * set or the new one, never a mix), or the --table one to standard
 * output. */
static int write_coverage(const cli_opts *o, lxs_buf *tables) {
  if (o->table) {
    for (int i = 0; i < LXS_COV_TABLES; i++)
      if (strcmp(o->table, lxs_coverage_table_names[i]) == 0)
        return cli_write_whole(NULL, &tables[i]);
    return CLI_EXIT_USAGE; /* checked before */
  }
  lxs_report_file files[LXS_COV_TABLES];
  lxs_buf names[LXS_COV_TABLES];
  for (int i = 0; i < LXS_COV_TABLES; i++) {
    lxs_buf_init(&names[i]);
    lxs_buf_printf(&names[i], "%s.csv", lxs_coverage_table_names[i]);
    files[i] = (lxs_report_file){names[i].data, tables[i].data ? tables[i].data : "",
                                 tables[i].len};
  }
  char err[ERRLEN];
  int rc = CLI_EXIT_OK;
  if (lxs_reportset_write(o->output, files, LXS_COV_TABLES, err, sizeof err)) {
    cli_err("%s", err);
    rc = CLI_EXIT_IO;
  }
  for (int i = 0; i < LXS_COV_TABLES; i++) lxs_buf_free(&names[i]);
  return rc;
}

/* Where coverage writes: -o DIR or --table NAME, one of them. */
static void check_coverage_output(const cli_opts *o) {
  if (!o->output && !o->table)
    cli_usage_error("%s", "lexicon coverage needs -o DIR (a CSV file per table) or --table NAME "
                          "(entries, speakers, unmatched or candidates, to standard output)");
  if (o->output && o->table)
    cli_usage_error("%s", "lexicon coverage takes -o DIR or --table NAME, not both");
  if (!o->table) return;
  for (int i = 0; i < LXS_COV_TABLES; i++)
    if (strcmp(o->table, lxs_coverage_table_names[i]) == 0) return;
  cli_usage_error("unknown table '%s' (entries, speakers, unmatched, candidates)", o->table);
}

int cmd_lexicon(int argc, char **argv) {
  if (argc < 2) cli_usage_error("%s", "lexicon needs a subcommand (check, coverage)");
  const char *sub = argv[1];
  if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) cli_help();
  int coverage = strcmp(sub, "coverage") == 0;
  if (!coverage && strcmp(sub, "check") != 0)
    cli_usage_error("unknown lexicon subcommand '%s' (check, coverage)", sub);
  cli_opts o;
  int first = cli_parse_as(coverage ? "lexicon coverage" : "lexicon check", argc - 1, argv + 1, &o);
  if (o.lexicon_format && !lxs_lexformat_canonical(o.lexicon_format)) {
    char msg[ERRLEN];
    snprintf(msg, sizeof msg, "unknown lexicon format '%s' (%s)", o.lexicon_format,
             lxs_lexformat_names());
    cli_usage_error("%s", msg);
  }
  if (!coverage && first >= argc - 1)
    cli_usage_error("%s", "lexicon check needs at least one FILE");
  if (coverage && o.ncorpus == 0) cli_usage_error("%s", "lexicon coverage needs --corpus FILE");
  if (coverage) check_coverage_output(&o);
  if (!coverage && o.with_defaults) cli_load_defaults(&o, 1); /* checks the language */
  lxs_mapping *map = load_mapping(&o);
  lxs_lexcheck_opts lo = {.format = o.lexicon_format,
                          .map = map,
                          .language = o.language,
                          .with_defaults = o.with_defaults,
                          .no_defaults = coverage &&
                                         !cli_load_defaults(&o, (size_t)(argc - 1 - first)),
                          .no_attribution = o.no_attribution,
                          .input = o.input,
                          .top = o.top,
                          .files = (const char *const *)argv + 1 + first,
                          .nfiles = (size_t)(argc - 1 - first),
                          .corpus = o.corpus,
                          .ncorpus = o.ncorpus,
                          .text_col = o.text_col,
                          .id_col = o.id_col};
  int rc;
  if (coverage) {
    lxs_buf tables[LXS_COV_TABLES];
    for (int i = 0; i < LXS_COV_TABLES; i++) lxs_buf_init(&tables[i]);
    rc = cli_exit_code(lxs_lexicon_coverage(&lo, tables, stderr));
    if (rc == CLI_EXIT_OK) rc = write_coverage(&o, tables);
    for (int i = 0; i < LXS_COV_TABLES; i++) lxs_buf_free(&tables[i]);
  } else {
    rc = cli_exit_code(lxs_lexicon_check(&lo, stdout, stderr));
  }
  if (rc == CLI_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
    cli_err("error writing to standard output: %s", strerror(errno));
    rc = CLI_EXIT_IO;
  }
  lxs_mapping_free(map);
  cli_opts_free(&o);
  return rc;
}
