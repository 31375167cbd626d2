/* cmd_score.c - `lexstance score`: stream documents, write long rows. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_score(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  lxs_lexicon *lex = cli_load_lexicon(&o);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) {
    cli_err("%s", err);
    lxs_lexicon_free(lex);
    cli_opts_free(&o);
    return LXS_EUSAGE;
  }
  lxs_out *out = lxs_out_open(o.output, err, sizeof err);
  if (!out) {
    cli_err("%s", err);
    lxs_scorer_free(sc);
    lxs_lexicon_free(lex);
    cli_opts_free(&o);
    return LXS_EIO;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  cli_header(&b, &o);
  int rc = 0;
  const char *stdin_only[] = {"-"};
  char **files = argv + first;
  int nfiles = argc - first;
  if (nfiles == 0) {
    files = (char **)stdin_only;
    nfiles = 1;
  }
  lxs_options sopt = {o.input == LXS_IN_TEXT && !o.no_attribution};
  size_t skipped = 0;
  for (int i = 0; i < nfiles && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(files[i], o.input, err, sizeof err);
    if (!rd) {
      cli_err("%s", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k;
    for (;;) {
      k = lxs_reader_next(rd, &rec, err, sizeof err);
      if (k == -1 && o.on_error_skip && !strstr(err, "read error")) {
        cli_err("%s (skipped)", err);
        skipped++;
        continue;
      }
      if (k != 1) break;
      const lxs_result *res = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      cli_doc_rows(&b, &o, lex, rec.id, rec.speaker, res);
      if (b.len > (1 << 16) && cli_write(out, &b, err, sizeof err)) {
        k = -2;
        break;
      }
    }
    if (k == -1) {
      cli_err("%s", err);
      rc = strstr(err, "read error") ? LXS_EIO : LXS_EDATA;
    } else if (k == -2) {
      cli_err("%s", err);
      rc = LXS_EIO;
    }
    lxs_reader_close(rd);
  }
  if (rc == 0 && cli_write(out, &b, err, sizeof err)) {
    cli_err("%s", err);
    rc = LXS_EIO;
  }
  if (rc == 0) {
    if (lxs_out_commit(out, err, sizeof err)) {
      cli_err("%s", err);
      rc = LXS_EIO;
    }
  } else {
    lxs_out_abort(out);
  }
  if (skipped) cli_err("%zu malformed record%s skipped", skipped, skipped == 1 ? "" : "s");
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
