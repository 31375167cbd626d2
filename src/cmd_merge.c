/* cmd_merge.c - `lexstance merge PARTIAL...`: combine partial results into
 * per-speaker rows, exactly as one run over all the input would give.
 * Records are sorted before they are summed, so shard order and sharding
 * never change a digit.  Every record is checked as it is read
 * (src/partial.c): a malformed partial stops the merge with its file and
 * line before anything is written. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "cli.h"
#include "partial.h"

typedef struct {
  char *line; /* the record line (owned) */
  size_t len;
  size_t speaker_len; /* the speaker starts at line + 2 */
} record;

typedef struct {
  record *recs;
  size_t n, cap;
} record_list;

static int keep_record(void *ud, const char *line, size_t len) {
  record_list *l = ud;
  LXS_VEC_GROW(l->recs, l->n, l->cap);
  record *r = &l->recs[l->n++];
  r->line = lxs_xstrndup(line, len);
  r->len = len;
  const char *tab = memchr(line + 2, '\t', len - 2);
  r->speaker_len = (size_t)(tab - (line + 2));
  return 0;
}

/* By speaker, then by the rest of the line: a total order on the text, so
 * the sums are taken in the same order however the input was sharded. */
static int cmp_rec(const void *a, const void *b) {
  const record *x = a, *y = b;
  size_t n = x->speaker_len < y->speaker_len ? x->speaker_len : y->speaker_len;
  int c = memcmp(x->line + 2, y->line + 2, n);
  if (c || x->speaker_len != y->speaker_len)
    return c ? c : x->speaker_len < y->speaker_len ? -1 : 1;
  return strcmp(x->line + 2 + x->speaker_len, y->line + 2 + y->speaker_len);
}

static int same_speaker(const record *x, const record *y) {
  return x->speaker_len == y->speaker_len && memcmp(x->line + 2, y->line + 2, x->speaker_len) == 0;
}

static int read_partials(lxs_partial_reader *pr, record_list *l, int argc, char **argv) {
  char err[ERRLEN];
  for (int i = 0; i < argc; i++) {
    FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
    if (!f) {
      cli_err("%s: %s", argv[i], strerror(errno));
      return LXS_EIO;
    }
    int rc = lxs_partial_read(pr, f, argv[i], keep_record, l, err, sizeof err);
    if (f != stdin) fclose(f);
    if (rc) {
      cli_err("%s", err);
      return rc;
    }
  }
  return 0;
}

/* Adds one record to a speaker's totals; -1 when a total would overflow
 * its 32 bits (many records of one speaker with huge counts). */
static int add_record(lxs_agg *a, const lxs_partial_rec *r) {
  for (size_t t = 0; t < a->n_themes; t++)
    if (a->mentions[t] > UINT32_MAX - r->mentions[t] ||
        a->stance_n[t] > UINT32_MAX - r->stance_n[t])
      return -1;
  lxs_agg_sum_unit(a, r->tokens, r->sentences, r->sentiment_sum, r->sentiment_n, r->mentions,
                   r->stance_sum, r->stance_n);
  return 0;
}

/* The rows of every speaker, in sorted order. */
static int merge_rows(lxs_buf *b, const cli_opts *o, const lxs_partial_reader *pr,
                      const record_list *l) {
  size_t nth = lxs_partial_theme_count(pr);
  lxs_partial_rec rec = {.mentions = lxs_xcalloc(nth, sizeof(uint32_t)),
                         .stance_n = lxs_xcalloc(nth, sizeof(uint32_t)),
                         .stance_sum = lxs_xcalloc(nth, sizeof(double)),
                         .stance_sumsq = lxs_xcalloc(nth, sizeof(double))};
  char err[ERRLEN];
  lxs_buf speaker;
  lxs_buf_init(&speaker);
  int rc = 0;
  for (size_t i = 0; rc == 0 && i < l->n;) {
    lxs_agg a;
    lxs_agg_init(&a, nth);
    a.keep_samples = o->bootstrap > 0;
    size_t j = i;
    for (; rc == 0 && j < l->n && same_speaker(&l->recs[i], &l->recs[j]); j++) {
      if (lxs_partial_parse(pr, l->recs[j].line, l->recs[j].len, &rec, err, sizeof err))
        abort(); /* checked when read */
      if (add_record(&a, &rec)) {
        cli_err("speaker '%.*s': a total exceeds %u; merge fewer records", (int)rec.speaker_len,
                rec.speaker, UINT32_MAX);
        rc = LXS_EDATA;
      }
    }
    speaker.len = 0;
    lxs_buf_put(&speaker, l->recs[i].line + 2, l->recs[i].speaker_len);
    if (rc == 0) cli_agg_rows(b, o, lxs_partial_themes(pr), "", lxs_buf_cstr(&speaker), &a);
    lxs_agg_clear(&a);
    i = j;
  }
  lxs_buf_free(&speaker);
  free(rec.mentions);
  free(rec.stance_n);
  free(rec.stance_sum);
  free(rec.stance_sumsq);
  return rc;
}

int cmd_merge(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  if (!o.bootstrap_set) o.bootstrap = 2000;
  if (first >= argc) cli_usage_error("%s", "merge needs at least one PARTIAL file");
  lxs_partial_reader *pr = lxs_partial_reader_new();
  record_list l = {NULL, 0, 0};
  int rc = read_partials(pr, &l, argc - first, argv + first);
  lxs_buf b;
  lxs_buf_init(&b);
  if (rc == 0) {
    if (l.n) qsort(l.recs, l.n, sizeof *l.recs, cmp_rec);
    cli_opts ro = o;
    ro.unit = UNIT_SPEAKER;
    cli_header(&b, &ro, lxs_partial_themes(pr));
    rc = merge_rows(&b, &ro, pr, &l);
  }
  if (rc == 0) rc = cli_write_whole(o.output, &b);
  lxs_buf_free(&b);
  for (size_t i = 0; i < l.n; i++) free(l.recs[i].line);
  free(l.recs);
  lxs_partial_reader_free(pr);
  cli_opts_free(&o);
  return rc;
}
