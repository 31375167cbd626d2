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
  if (coverage && o.ncorpus == 0)
    cli_usage_error("%s", "lexicon coverage needs --corpus FILE...");
  lxs_mapping *map = load_mapping(&o);
  lxs_lexcheck_opts lo = {.format = o.lexicon_format,
                          .map = map,
                          .language = o.language,
                          .with_defaults = o.with_defaults,
                          .no_defaults = o.no_defaults,
                          .no_attribution = o.no_attribution,
                          .input = o.input,
                          .top = o.top,
                          .files = (const char *const *)argv + 1 + first,
                          .nfiles = (size_t)(argc - 1 - first),
                          .corpus = o.corpus,
                          .ncorpus = o.ncorpus};
  int rc = cli_exit_code(coverage ? lxs_lexicon_coverage(&lo, stdout, stderr)
                                    : lxs_lexicon_check(&lo, stdout, stderr));
  if (rc == CLI_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
    cli_err("error writing to standard output: %s", strerror(errno));
    rc = CLI_EXIT_IO;
  }
  lxs_mapping_free(map);
  cli_opts_free(&o);
  return rc;
}
