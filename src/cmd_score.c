/* cmd_score.c - `lexstance score`: stream documents, score them on N
 * threads, write long rows in input order.
 *
 * While N - 1 worker threads score a batch of documents, the main thread
 * writes the previous batch's rows, reads the next batch and then scores
 * with them; each thread has its own scorer (stemmer, caches), the
 * lexicon is shared read-only, and outputs are written in input order, so
 * -j N gives the same bytes as -j 1.  Memory is bounded by three batches. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lexformat.h"
#include "partial.h"
#include "vader.h"

/* Documents are read, scored and written in batches.  With threads a
 * batch is big, so that the workers rarely wait for each other; alone,
 * it is small, so that a document is still in the CPU's caches when it
 * is scored after being read. */
#define BATCH_DOCS 512
#define BATCH_DOCS_ALONE 32
#define BATCH_BYTES (4u << 20)
#define BATCH_BYTES_ALONE (256u << 10)

typedef struct {
  const char *id;        /* idbuf's text */
  char *speaker;
  lxs_buf idbuf, text;
  lxs_buf out, part;     /* rows and partial records of this document */
} doc_slot;

typedef struct {
  doc_slot *docs;
  size_t n, cap, bytes;
} batch;

typedef struct score_ctx score_ctx;

typedef struct {
  score_ctx *ctx;
  lxs_scorer *sc;
  lxs_vader *vd;          /* VADER mode: one per thread (it keeps scratch) */
  pthread_t th;
} worker;

struct score_ctx {
  const cli_opts *o;
  const lxs_lexicon *lex;
  lxs_options sopt;
  /* work hand-off */
  pthread_mutex_t mu;
  pthread_cond_t go, done;
  unsigned long gen;
  int quit;
  batch *cur;
  atomic_size_t next;
  unsigned pending;
  worker *w;
  unsigned nw;
};

static void score_doc(score_ctx *c, lxs_scorer *sc, lxs_vader *vd, doc_slot *d) {
  const lxs_result *res = lxs_scorer_run(sc, d->text.data ? d->text.data : "",
                                         d->text.len, &c->sopt);
  d->out.len = 0;
  d->part.len = 0;
  if (c->o->categories)
    lxs_categories_csv(&d->out, c->lex, res, d->id, 0);
  else
    cli_doc_rows_v(&d->out, c->o, c->lex, d->id, d->speaker, res,
                   d->text.data ? d->text.data : "", d->text.len, vd);
  if (c->o->partial) lxs_partial_rows(&d->part, c->lex, d->id, d->speaker, res);
}

/* Workers take documents in runs of CLAIM, so no two threads write the
 * output buffers of neighbouring documents (false sharing). */
#define CLAIM 8

static void run_batch(score_ctx *c, lxs_scorer *sc, lxs_vader *vd) {
  batch *b = c->cur;
  for (;;) {
    size_t i = atomic_fetch_add(&c->next, CLAIM);
    if (i >= b->n) break;
    for (size_t k = i; k < i + CLAIM && k < b->n; k++)
      score_doc(c, sc, vd, &b->docs[k]);
  }
}

static void *worker_main(void *arg) {
  worker *w = arg;
  score_ctx *c = w->ctx;
  unsigned long seen = 0;
  for (;;) {
    pthread_mutex_lock(&c->mu);
    while (c->gen == seen && !c->quit) pthread_cond_wait(&c->go, &c->mu);
    if (c->quit) {
      pthread_mutex_unlock(&c->mu);
      return NULL;
    }
    seen = c->gen;
    pthread_mutex_unlock(&c->mu);
    run_batch(c, w->sc, w->vd);
    pthread_mutex_lock(&c->mu);
    if (--c->pending == 0) pthread_cond_signal(&c->done);
    pthread_mutex_unlock(&c->mu);
  }
}

static void batch_clear(batch *b) {
  b->n = 0;
  b->bytes = 0;
}

static void batch_free(batch *b) {
  for (size_t i = 0; i < b->cap; i++) {
    lxs_buf_free(&b->docs[i].idbuf);
    free(b->docs[i].speaker);
    lxs_buf_free(&b->docs[i].text);
    lxs_buf_free(&b->docs[i].out);
    lxs_buf_free(&b->docs[i].part);
  }
  free(b->docs);
}

static void batch_add(batch *b, const lxs_record *r) {
  if (b->n == b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
    b->docs = lxs_xrealloc(b->docs, nc * sizeof *b->docs);
    memset(b->docs + b->cap, 0, (nc - b->cap) * sizeof *b->docs);
    b->cap = nc;
  }
  doc_slot *d = &b->docs[b->n++];
  d->idbuf.len = 0;
  lxs_buf_puts(&d->idbuf, r->id);
  d->id = d->idbuf.data;
  free(d->speaker);
  d->speaker = r->speaker ? lxs_xstrndup(r->speaker, strlen(r->speaker)) : NULL;
  d->text.len = 0;
  lxs_buf_put(&d->text, r->text, r->len);
  b->bytes += r->len;
}

/* ---- inputs: files, stdin, directories ---------------------------------- */

typedef struct {
  char **paths;
  size_t n, cap;
} path_list;

static void path_add(path_list *pl, const char *p) {
  LXS_VEC_GROW(pl->paths, pl->n, pl->cap);
  pl->paths[pl->n++] = lxs_xstrndup(p, strlen(p));
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* All .txt files below dir, sorted, so runs are reproducible. */
static int walk_dir(const char *dir, path_list *pl, char *err, size_t errlen) {
  DIR *d = opendir(dir);
  if (!d) {
    lxs_set_err(err, errlen, "%s: %s", dir, strerror(errno));
    return -1;
  }
  path_list local = {NULL, 0, 0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    lxs_buf p;
    lxs_buf_init(&p);
    lxs_buf_printf(&p, "%s/%s", dir, de->d_name);
    path_add(&local, p.data);
    lxs_buf_free(&p);
  }
  closedir(d);
  qsort(local.paths, local.n, sizeof(char *), cmp_str);
  int rc = 0;
  for (size_t i = 0; i < local.n; i++) {
    struct stat st;
    if (rc == 0 && stat(local.paths[i], &st) == 0) {
      if (S_ISDIR(st.st_mode)) rc = walk_dir(local.paths[i], pl, err, errlen);
      else {
        size_t l = strlen(local.paths[i]);
        if (l > 4 && strcmp(local.paths[i] + l - 4, ".txt") == 0) path_add(pl, local.paths[i]);
      }
    }
    free(local.paths[i]);
  }
  free(local.paths);
  return rc;
}

/* ---- progress ------------------------------------------------------------ */

static double now_sec(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(size_t docs, double bytes, double total, double t0, int final) {
  double el = now_sec() - t0;
  double mbs = el > 0 ? bytes / 1e6 / el : 0;
  fprintf(stderr, "\r%zu docs, %.1f MB, %.1f MB/s", docs, bytes / 1e6, mbs);
  if (total > 0 && mbs > 0 && !final)
    fprintf(stderr, ", ETA %.0f s   ", (total - bytes) / 1e6 / mbs);
  else
    fputs("          ", stderr);
  if (final) fputc('\n', stderr);
}

int cmd_score(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  if (o.ndirs && !o.input_set) o.input = LXS_IN_TEXT;
  lxs_lexicon *lex = cli_load_lexicon(&o);
  char err[ERRLEN];
  int rc = 0;
  path_list files = {NULL, 0, 0};
  for (int i = first; i < argc; i++) path_add(&files, argv[i]);
  for (size_t i = 0; i < o.ndirs && rc == 0; i++)
    if (walk_dir(o.dirs[i], &files, err, sizeof err)) {
      cli_err("%s", err);
      rc = LXS_EIO;
    }
  if (files.n == 0 && o.ndirs == 0) path_add(&files, "-");
  unsigned nthreads = o.jobs ? o.jobs : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
  if (nthreads < 1) nthreads = 1;

  score_ctx c;
  memset(&c, 0, sizeof c);
  c.o = &o;
  c.lex = lex;
  c.sopt.segment_speakers = o.input == LXS_IN_TEXT && !o.no_attribution;
  lxs_speaker_hints *hints = cli_load_hints(&o);
  c.sopt.speakers = hints;
  pthread_mutex_init(&c.mu, NULL);
  pthread_cond_init(&c.go, NULL);
  pthread_cond_init(&c.done, NULL);
  c.nw = nthreads;
  c.w = lxs_xcalloc(nthreads, sizeof *c.w);
  for (unsigned i = 0; i < nthreads; i++) {
    c.w[i].ctx = &c;
    c.w[i].sc = lxs_scorer_new(lex, err, sizeof err);
    c.w[i].vd = cli_load_vader(&o);
    if (!c.w[i].sc) {
      cli_err("%s", err);
      exit(LXS_EUSAGE);
    }
  }
  /* With -j N, N - 1 threads score in the background and the main thread,
   * once it has written the last batch and read the next, scores too with
   * the last scorer: N busy threads, not N + 1 on N cores. */
  if (nthreads > 1)
    for (unsigned i = 0; i + 1 < nthreads; i++)
      pthread_create(&c.w[i].th, NULL, worker_main, &c.w[i]);

  lxs_out *out = rc ? NULL : lxs_out_open(o.output, err, sizeof err);
  if (!out && rc == 0) {
    cli_err("%s", err);
    rc = LXS_EIO;
  }
  lxs_out *pout = NULL;
  if (rc == 0 && o.partial) {
    if (o.output == NULL && strcmp(o.partial, "-") == 0) {
      /* partial records replace the rows on stdout */
    }
    pout = strcmp(o.partial, "-") == 0 ? NULL : lxs_out_open(o.partial, err, sizeof err);
    if (strcmp(o.partial, "-") != 0 && !pout) {
      cli_err("%s", err);
      rc = LXS_EIO;
    }
  }
  int partial_stdout = o.partial && strcmp(o.partial, "-") == 0;
  lxs_buf hdr;
  lxs_buf_init(&hdr);
  if (rc == 0) {
    if (o.categories && !partial_stdout)
      lxs_buf_puts(&hdr, "doc,speaker,category,count,percent\r\n");
    else if (!partial_stdout) {
      if (o.format == FMT_MD) lxs_provenance_md(&hdr, lex);
      cli_header(&hdr, &o);
    }
    if (o.partial) {
      lxs_buf ph;
      lxs_buf_init(&ph);
      lxs_partial_header(&ph, lex);
      if (pout) cli_write(pout, &ph, err, sizeof err);
      else lxs_buf_put(&hdr, ph.data, ph.len);
      lxs_buf_free(&ph);
    }
    if (cli_write(out, &hdr, err, sizeof err)) {
      cli_err("%s", err);
      rc = LXS_EIO;
    }
  }
  /* Three batches: one being written out, one being scored, one being
   * read; with threads the main thread writes and reads while the workers
   * score. */
  batch bufs[3];
  memset(bufs, 0, sizeof bufs);
  batch *cur = &bufs[0], *nxt = &bufs[1], *done = &bufs[2];
  done->n = 0;
  size_t skipped = 0, ndocs = 0;
  double bytes = 0, total = 0, t0 = now_sec();
  int show = !o.quiet && isatty(STDERR_FILENO);
  for (size_t i = 0; i < files.n; i++) {
    struct stat st;
    if (strcmp(files.paths[i], "-") != 0 && stat(files.paths[i], &st) == 0) total += (double)st.st_size;
  }
  size_t batch_docs = nthreads > 1 ? BATCH_DOCS : BATCH_DOCS_ALONE;
  size_t batch_bytes = nthreads > 1 ? BATCH_BYTES : BATCH_BYTES_ALONE;
  size_t fi = 0;
  lxs_reader *rd = NULL;
  int eof = 0;
  /* Fill a batch from the inputs; returns 0, or an exit code. */
#define FILL(B)                                                              \
  do {                                                                       \
    batch_clear(B);                                                          \
    while (!eof && (B)->n < batch_docs && (B)->bytes < batch_bytes) {        \
      if (!rd) {                                                             \
        if (fi >= files.n) { eof = 1; break; }                               \
        rd = lxs_reader_open(files.paths[fi++], o.input, err, sizeof err);   \
        if (!rd) { cli_err("%s", err); rc = LXS_EIO; eof = 1; break; }       \
      }                                                                      \
      lxs_record rec;                                                        \
      int k = lxs_reader_next(rd, &rec, err, sizeof err);                    \
      if (k == 1) { batch_add(B, &rec); continue; }                          \
      if (k == -1 && o.on_error_skip && !strstr(err, "read error")) {        \
        cli_err("%s (skipped)", err); skipped++; continue;                   \
      }                                                                      \
      if (k == -1) {                                                         \
        cli_err("%s", err);                                                  \
        rc = strstr(err, "read error") ? LXS_EIO : LXS_EDATA;                \
        eof = 1; break;                                                      \
      }                                                                      \
      lxs_reader_close(rd); rd = NULL;                                       \
    }                                                                        \
  } while (0)
  /* Write a scored batch's rows in input order; sets rc on failure. */
#define WRITE(B)                                                             \
  do {                                                                       \
    for (size_t i = 0; i < (B)->n && rc == 0; i++) {                         \
      doc_slot *d = &(B)->docs[i];                                           \
      if (!partial_stdout && cli_write(out, &d->out, err, sizeof err))       \
        rc = LXS_EIO;                                                        \
      if (o.partial && cli_write(pout ? pout : out, &d->part, err, sizeof err)) \
        rc = LXS_EIO;                                                        \
      if (rc) cli_err("%s", err);                                            \
      bytes += (double)d->text.len;                                          \
    }                                                                        \
    ndocs += (B)->n;                                                         \
    if (show && (B)->n) progress(ndocs, bytes, total, t0, 0);                \
    (B)->n = 0;                                                              \
  } while (0)
  if (rc == 0) FILL(cur);
  while (rc == 0 && cur->n > 0) {
    c.cur = cur;
    atomic_store(&c.next, 0);
    if (nthreads > 1) {
      pthread_mutex_lock(&c.mu);
      c.pending = nthreads - 1;
      c.gen++;
      pthread_cond_broadcast(&c.go);
      pthread_mutex_unlock(&c.mu);
    }
    /* While the workers score this batch: write the previous one, read the
     * next one, then score with them. */
    WRITE(done);
    if (rc == 0) FILL(nxt);
    run_batch(&c, c.w[nthreads - 1].sc, c.w[nthreads - 1].vd);
    if (nthreads > 1) {
      pthread_mutex_lock(&c.mu);
      while (c.pending) pthread_cond_wait(&c.done, &c.mu);
      pthread_mutex_unlock(&c.mu);
    }
    batch *t = done;
    done = cur;
    cur = nxt;
    nxt = t;
  }
  WRITE(done);
#undef FILL
#undef WRITE
  if (show) progress(ndocs, bytes, total, t0, 1);
  if (rd) lxs_reader_close(rd);
  if (nthreads > 1) {
    pthread_mutex_lock(&c.mu);
    c.quit = 1;
    pthread_cond_broadcast(&c.go);
    pthread_mutex_unlock(&c.mu);
    for (unsigned i = 0; i + 1 < nthreads; i++) pthread_join(c.w[i].th, NULL);
  }
  lxs_out *outs[2] = {out, pout};
  rc = cli_finish_outputs(outs, 2, rc);
  if (skipped) cli_err("%zu malformed record%s skipped", skipped, skipped == 1 ? "" : "s");
  for (int i = 0; i < 3; i++) batch_free(&bufs[i]);
  for (unsigned i = 0; i < nthreads; i++) {
    lxs_scorer_free(c.w[i].sc);
    lxs_vader_free(c.w[i].vd);
  }
  free(c.w);
  pthread_mutex_destroy(&c.mu);
  pthread_cond_destroy(&c.go);
  pthread_cond_destroy(&c.done);
  for (size_t i = 0; i < files.n; i++) free(files.paths[i]);
  free(files.paths);
  lxs_buf_free(&hdr);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
