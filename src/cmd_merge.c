/* cmd_merge.c - `lexstance merge PARTIAL...`: combine partial results into
 * per-speaker rows, exactly as one run over all the input would give.
 * Records are sorted before they are summed, so shard order and sharding
 * never change a digit. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
  char *line;     /* the record line (owned) */
  char *speaker;  /* points into line */
  char *rest;     /* after speaker */
} record;

static int cmp_rec(const void *a, const void *b) {
  const record *x = a, *y = b;
  int c = strcmp(x->speaker, y->speaker);
  return c ? c : strcmp(x->rest, y->rest);
}

int cmd_merge(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  if (!o.bootstrap_set) o.bootstrap = 2000;
  if (first >= argc) cli_usage_error("%s", "merge needs at least one PARTIAL file");
  char err[ERRLEN];
  record *recs = NULL;
  size_t n = 0, cap = 0;
  char **themes = NULL;
  size_t nth = 0;
  int rc = 0;
  char *line = NULL;
  size_t lcap = 0;
  for (int i = first; i < argc && rc == 0; i++) {
    FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
    if (!f) {
      cli_err("%s: %s", argv[i], strerror(errno));
      rc = LXS_EIO;
      break;
    }
    size_t lineno = 0;
    ssize_t len;
    int seen_header = 0;
    while ((len = getline(&line, &lcap, f)) > 0 && rc == 0) {
      lineno++;
      while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
      if (len == 0) continue;
      if (strncmp(line, "#lexstance-partial ", 19) == 0) {
        if (strcmp(line + 19, "1") != 0) {
          cli_err("%s:%zu: unsupported partial format version '%s'", argv[i], lineno, line + 19);
          rc = LXS_EDATA;
        }
        seen_header = 1;
        continue;
      }
      if (strncmp(line, "#themes", 7) == 0) {
        /* Every partial must list the same themes in the same order. */
        char *p = line + 7;
        size_t k = 0;
        while (*p == '\t') {
          char *q = strchr(p + 1, '\t');
          size_t l = q ? (size_t)(q - p - 1) : strlen(p + 1);
          if (themes == NULL || k >= nth) {
            if (i == first && seen_header) {
              themes = lxs_xrealloc(themes, (k + 1) * sizeof *themes);
              themes[k] = lxs_xstrndup(p + 1, l);
              nth = k + 1;
            } else {
              cli_err("%s:%zu: themes differ from the first partial", argv[i], lineno);
              rc = LXS_EDATA;
              break;
            }
          } else if (strlen(themes[k]) != l || strncmp(themes[k], p + 1, l) != 0) {
            cli_err("%s:%zu: themes differ from the first partial", argv[i], lineno);
            rc = LXS_EDATA;
            break;
          }
          k++;
          p = q ? q : p + 1 + l;
        }
        if (rc == 0 && k != nth) {
          cli_err("%s:%zu: themes differ from the first partial", argv[i], lineno);
          rc = LXS_EDATA;
        }
        continue;
      }
      if (line[0] == '#') continue;
      if (!seen_header || !nth) {
        cli_err("%s:%zu: not a lexstance partial file (missing header)", argv[i], lineno);
        rc = LXS_EDATA;
        break;
      }
      /* Validate field count and numbers now, so merge never half-reads. */
      size_t tabs = 0;
      for (char *p = line; *p; p++) tabs += *p == '\t';
      if (line[0] != 'U' || line[1] != '\t' || tabs != 6 + 4 * nth) {
        cli_err("%s:%zu: malformed record (expected %zu fields)", argv[i], lineno, 7 + 4 * nth);
        rc = LXS_EDATA;
        break;
      }
      LXS_VEC_GROW(recs, n, cap);
      record *r = &recs[n++];
      r->line = lxs_xstrndup(line, (size_t)len);
      r->speaker = r->line + 2;
      char *tab = strchr(r->speaker, '\t');
      *tab = '\0';
      r->rest = tab + 1;
    }
    if (f != stdin) fclose(f);
  }
  free(line);
  lxs_buf b;
  lxs_buf_init(&b);
  if (rc == 0) {
    qsort(recs, n, sizeof *recs, cmp_rec);
    /* Build a tiny lexicon-free theme table for the row writer. */
    lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
    lxs_buf tsv;
    lxs_buf_init(&tsv);
    /* The row writer takes theme names from a lexicon: register them. */
    for (size_t t = 0; t < nth; t++)
      lxs_buf_printf(&tsv, "lxsthememarker%c%c\t%s\ttarget\t1\n", (char)('a' + t / 26 % 26), (char)('a' + t % 26), themes[t]);
    if (nth && lxs_lexicon_load_buffer(lex, "merge", tsv.data, tsv.len, err, sizeof err)) {
      cli_err("%s", err);
      rc = LXS_EDATA;
    }
    lxs_buf_free(&tsv);
    cli_opts ro = o;
    ro.unit = UNIT_SPEAKER;
    cli_header(&b, &ro);
    uint32_t *men = lxs_xcalloc(nth + 1, sizeof *men), *sn = lxs_xcalloc(nth + 1, sizeof *sn);
    double *ss = lxs_xcalloc(nth + 1, sizeof *ss);
    size_t i = 0;
    while (rc == 0 && i < n) {
      lxs_agg a;
      lxs_agg_init(&a, nth);
      a.keep_samples = o.bootstrap > 0;
      size_t j = i;
      for (; j < n && strcmp(recs[j].speaker, recs[i].speaker) == 0; j++) {
        char *p = recs[j].rest;
        char *end;
        p = strchr(p, '\t') + 1; /* skip doc */
        size_t tokens = strtoull(p, &end, 10);
        size_t sentences = strtoull(end + 1, &end, 10);
        double ssum = strtod(end + 1, &end);
        size_t sentn = strtoull(end + 1, &end, 10);
        for (size_t t = 0; t < nth; t++) {
          men[t] = (uint32_t)strtoul(end + 1, &end, 10);
          ss[t] = strtod(end + 1, &end);
          (void)strtod(end + 1, &end); /* sum of squares: not needed here */
          sn[t] = (uint32_t)strtoul(end + 1, &end, 10);
        }
        if (*end) {
          cli_err("malformed numbers in a record of speaker '%s'", recs[j].speaker);
          rc = LXS_EDATA;
          break;
        }
        lxs_agg_add_unit(&a, tokens, sentences, ssum, sentn, men, ss, sn);
      }
      if (rc == 0) cli_agg_rows(&b, &ro, lex, "", recs[i].speaker, &a);
      lxs_agg_free(&a);
      i = j;
    }
    free(men);
    free(sn);
    free(ss);
    lxs_lexicon_free(lex);
  }
  if (rc == 0) rc = cli_write_whole(o.output, &b);
  lxs_buf_free(&b);
  for (size_t i = 0; i < n; i++) free(recs[i].line);
  free(recs);
  for (size_t t = 0; t < nth; t++) free(themes[t]);
  free(themes);
  cli_opts_free(&o);
  return rc;
}
