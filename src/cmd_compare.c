/* cmd_compare.c - `lexstance compare ARTICLE...`: score the articles, pool
 * their speakers into the comparison (src/comparison.c) and write it: the
 * report set (one renderer per file, committed whole by src/reportset.c),
 * then the Markdown summary on standard output. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "cli.h"
#include "comparison.h"
#include "lexformat.h" /* lxs_provenance_csv */

typedef struct {
  cli_opts o;
  cli_opts rows; /* speakers.csv: score's rows per speaker */
  lxs_lexicon *lex;
  lxs_scorer *sc;
  lxs_speaker_hints *hints;
  lxs_comparison cmp;
  lxs_buf speakers, evidence; /* speakers.csv and evidence.csv, per document */
} compare_run;

/* Every record of one input into the comparison and the per-document
 * tables.  Articles are one record per file; --input corpora give many,
 * each attributed like an article, except that a JSONL "speaker" field
 * names the whole record's speaker (it replaces "author"). */
static int read_input(compare_run *r, const char *path) {
  char err[ERRLEN];
  lxs_reader *rd = lxs_reader_open(path, r->o.input_set ? r->o.input : LXS_IN_TEXT, err,
                                   sizeof err);
  if (!rd) {
    cli_err("%s", err);
    return LXS_EIO;
  }
  lxs_record rec;
  int k;
  while ((k = lxs_reader_next(rd, &rec, err, sizeof err)) == 1) {
    lxs_options opt = {!r->o.no_attribution && !rec.speaker, r->hints};
    const lxs_result *res = lxs_scorer_run(r->sc, rec.text, rec.len, &opt);
    if (rec.speaker) ((lxs_speaker *)res->speakers)[0].name = rec.speaker;
    cli_doc_rows(&r->speakers, &r->rows, r->lex, rec.id, NULL, res);
    lxs_evidence_rows(&r->evidence, r->lex, rec.id, rec.text, res);
    lxs_comparison_add(&r->cmp, rec.id, rec.text, res, rec.speaker != NULL);
  }
  int rc = 0;
  if (k < 0) {
    cli_err("%s", err);
    rc = cli_exit_code(lxs_reader_error(rd));
  }
  lxs_reader_close(rd);
  return rc;
}

/* The report directory (-o, or reports/ and the first article's name),
 * staged whole and swapped in as one set. */
static int write_report_set(compare_run *r, const char *first_input) {
  lxs_buf b[5], dir;
  for (int i = 0; i < 5; i++) lxs_buf_init(&b[i]);
  lxs_buf_init(&dir);
  lxs_compare_csv(&b[0], &r->cmp);
  lxs_compare_differences_csv(&b[1], &r->cmp);
  lxs_provenance_csv(&b[2], r->lex);
  lxs_compare_svg(&b[3], &r->cmp);
  lxs_compare_html(&b[4], &r->cmp);
  if (r->o.output) lxs_buf_puts(&dir, r->o.output);
  else cli_default_report_dir(first_input, &dir);
  const lxs_report_file files[] = {{"comparison.csv", b[0].data, b[0].len},
                                   {"speakers.csv", r->speakers.data, r->speakers.len},
                                   {"evidence.csv", r->evidence.data, r->evidence.len},
                                   {"differences.csv", b[1].data, b[1].len},
                                   {"lexicons.csv", b[2].data, b[2].len},
                                   {"comparison.svg", b[3].data, b[3].len},
                                   {"report.html", b[4].data, b[4].len}};
  char err[ERRLEN];
  int rc = 0;
  if (lxs_reportset_write(lxs_buf_cstr(&dir), files, sizeof files / sizeof *files, err,
                          sizeof err)) {
    cli_err("%s", err);
    rc = LXS_EIO;
  }
  for (int i = 0; i < 5; i++) lxs_buf_free(&b[i]);
  lxs_buf_free(&dir);
  return rc;
}

int cmd_compare(int argc, char **argv) {
  compare_run r = {0};
  int first = cli_parse(argc, argv, &r.o);
  if (first >= argc) cli_usage_error("%s", "compare needs at least one ARTICLE");
  for (int i = first; i < argc; i++) cli_check_input_name(&r.o, argv[i]);
  if (r.o.output && !*r.o.output) cli_usage_error("%s", "-o needs a directory name");
  if (!r.o.bootstrap_set) r.o.bootstrap = 2000;
  r.lex = cli_load_lexicon(&r.o);
  char err[ERRLEN];
  r.sc = lxs_scorer_new(r.lex, err, sizeof err);
  if (!r.sc) {
    cli_err("%s", err);
    lxs_lexicon_free(r.lex);
    cli_opts_free(&r.o);
    return CLI_EXIT_USAGE;
  }
  r.hints = cli_load_hints(&r.o);
  r.rows = r.o;
  r.rows.unit = UNIT_SPEAKER;
  r.rows.format = FMT_CSV;
  lxs_cmp_opts co = {r.o.bootstrap, r.o.ci, r.o.seed, r.o.by_article};
  lxs_comparison_init(&r.cmp, r.lex, &co);
  lxs_buf_init(&r.speakers);
  lxs_buf_init(&r.evidence);
  cli_header(&r.speakers, &r.rows, lxs_themes_of(r.lex));
  lxs_evidence_header(&r.evidence);
  int rc = 0;
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_comparison_add_input(&r.cmp, argv[i]);
    rc = read_input(&r, argv[i]);
  }
  if (rc == 0) {
    lxs_comparison_finish(&r.cmp);
    rc = write_report_set(&r, argv[first]);
  }
  if (rc == 0) {
    lxs_buf md;
    lxs_buf_init(&md);
    lxs_compare_md(&md, &r.cmp);
    rc = cli_write_whole(NULL, &md); /* on a terminal, control characters are shown */
    lxs_buf_free(&md);
  }
  lxs_comparison_free(&r.cmp);
  lxs_buf_free(&r.speakers);
  lxs_buf_free(&r.evidence);
  lxs_scorer_free(r.sc);
  cli_free_hints(r.hints);
  lxs_lexicon_free(r.lex);
  cli_opts_free(&r.o);
  return rc;
}
