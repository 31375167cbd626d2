/* cmd_score.c - `lexstance score`: stream documents, score them on N
 * threads, write long rows in input order.
 *
 * Every thread (the main thread is one of the N) reads a small batch of
 * documents under a lock, scores it with its own scorer (stemmer,
 * caches; the lexicon is shared read-only) while the text is in its
 * caches, and then writes, in input order, whatever batches are due -- so
 * -j N gives the same bytes as -j 1.  Memory is bounded by the batches in
 * flight (INFLIGHT_PER_THREAD per thread). */
#define _POSIX_C_SOURCE 200809L
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
#include "scorer.h"
#include "vader.h"
#include "walk.h"

/* Documents are read, scored and written in small batches: a thread
 * reads a batch (under the lock, so input order is kept), scores it
 * while its text is still in that core's caches, and the batches are
 * written in input order by whichever thread completes the next one due.
 * A bounded number of batches is in flight, so memory stays bounded
 * whatever the corpus size. */
#define BATCH_DOCS 32
#define BATCH_BYTES (256u << 10)
#define INFLIGHT_PER_THREAD 4

typedef struct {
  const char *id; /* idbuf's text */
  char *speaker;
  lxs_buf idbuf;
  const char *tp; /* the text: in line (taken from the reader, no
                     copy) or in text (copied) */
  size_t tlen;
  char *line;
  size_t linecap;
  lxs_buf text;
  lxs_buf keepbuf;   /* --keep values, NUL-separated */
  const char **keep; /* pointers into keepbuf, o->nkeep of them */
  lxs_buf out, part; /* rows and partial records of this document */
} doc_slot;

typedef struct {
  doc_slot *docs;
  size_t n, cap, bytes;
  size_t seq; /* position in the input, in batches */
} batch;

typedef struct score_ctx score_ctx;

typedef struct {
  score_ctx *ctx;
  lxs_scorer *sc;
  lxs_vader *vd; /* VADER mode: one per thread (it keeps scratch) */
  pthread_t th;
} worker;

typedef struct {
  char **paths;
  size_t n, cap;
} path_list;

struct score_ctx {
  const cli_opts *o;
  const lxs_lexicon *lex;
  lxs_options sopt;
  lxs_row_writer rows;
  pthread_mutex_t mu; /* guards everything below */
  pthread_cond_t cv;  /* a batch was written, or the input ended */
  /* input */
  const path_list *files;
  lxs_columns cols; /* --text-col, --id-col, --keep */
  size_t fi;
  lxs_reader *rd;
  int eof;
  size_t skipped;
  /* batches: ring[seq % nring] holds a scored batch until it is due */
  batch *bufs, **ring, **free_b;
  size_t nring, nfree, next_seq, next_write;
  /* output */
  lxs_out *out;  /* the rows; NULL when --partial - replaces them */
  lxs_out *pout; /* --partial */
  int rc, wrc;   /* first input error; first write error */
  /* progress */
  int show;
  size_t ndocs;
  double bytes, total, t0;
  worker *w;
  unsigned nw;
  lxs_word_memo *memo; /* first sights shared by the threads' stemmers */
};

static void score_doc(score_ctx *c, lxs_scorer *sc, lxs_vader *vd, doc_slot *d) {
  lxs_options opt = c->sopt;
  if (d->speaker) opt.segment_speakers = 0; /* the record's speaker says it all */
  const lxs_result *res = lxs_scorer_run(sc, d->tp, d->tlen, &opt);
  d->out.len = 0;
  d->part.len = 0;
  if (!c->out) {
    /* --partial - without -o: the partial replaces the rows */
  } else if (c->o->categories) {
    lxs_categories_csv(&d->out, c->lex, res, d->id, 0);
  } else {
    lxs_row_writer_doc(&d->out, &c->rows, d->id, d->keep, d->speaker, res, d->tp, d->tlen, vd);
  }
  if (c->pout) lxs_partial_rows(&d->part, c->lex, d->id, d->speaker, res);
}

static void batch_free(batch *b) {
  for (size_t i = 0; i < b->cap; i++) {
    lxs_buf_free(&b->docs[i].idbuf);
    free(b->docs[i].speaker);
    lxs_buf_free(&b->docs[i].text);
    lxs_buf_free(&b->docs[i].keepbuf);
    free(b->docs[i].keep);
    free(b->docs[i].line);
    lxs_buf_free(&b->docs[i].out);
    lxs_buf_free(&b->docs[i].part);
  }
  free(b->docs);
}

/* The kept values of a record, copied: the reader reuses its buffers.
 * (The reader never gives a value holding a NUL byte.) */
static void keep_values(doc_slot *d, const lxs_record *r, size_t nkeep) {
  if (!nkeep) return;
  if (!d->keep) d->keep = lxs_xcalloc(nkeep, sizeof *d->keep);
  d->keepbuf.len = 0;
  for (size_t k = 0; k < nkeep; k++) {
    lxs_buf_puts(&d->keepbuf, r->keep ? r->keep[k] : "");
    lxs_buf_putc(&d->keepbuf, '\0');
  }
  const char *p = d->keepbuf.data;
  for (size_t k = 0; k < nkeep; k++, p += strlen(p) + 1) d->keep[k] = p;
}

static void batch_add(batch *b, lxs_reader *rd, const lxs_record *r, size_t nkeep) {
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
  keep_values(d, r, nkeep);
  long off = lxs_reader_take_line(rd, r, &d->line, &d->linecap);
  if (off >= 0) {
    d->line[off + (long)r->len] = '\0'; /* over the newline, as a copy ends */
    d->tp = d->line + off;
  } else {
    d->text.len = 0;
    lxs_buf_put(&d->text, r->text, r->len);
    d->tp = d->text.data ? d->text.data : "";
  }
  d->tlen = r->len;
  b->bytes += r->len;
}

/* ---- inputs: files, stdin, directories ---------------------------------- */

static void path_add(path_list *pl, const char *p) {
  LXS_VEC_GROW(pl->paths, pl->n, pl->cap);
  pl->paths[pl->n++] = lxs_xstrndup(p, strlen(p));
}

/* The .txt files below each -r DIR (src/walk.c).  What cannot be scored
 * is reported as found; unless --on-error skip, it fails the run before
 * anything is scored.  0 or an exit code. */
static int add_walked(const cli_opts *o, path_list *files) {
  char err[ERRLEN];
  int rc = 0;
  lxs_walk *w = lxs_walk_new();
  for (size_t i = 0; i < o->ndirs && rc == 0; i++)
    if (lxs_walk_dir(w, o->dirs[i], err, sizeof err)) {
      cli_err("%s", err);
      rc = CLI_EXIT_IO;
    }
  for (size_t i = 0; i < lxs_walk_count(w); i++) path_add(files, lxs_walk_path(w, i));
  size_t sk = lxs_walk_skipped(w);
  if (rc == 0 && sk && o->on_error_skip) {
    cli_err("%zu path%s skipped", sk, sk == 1 ? "" : "s");
  } else if (rc == 0 && sk) {
    cli_err("%zu path%s could not be scored; nothing was (--on-error skip scores the rest)", sk,
            sk == 1 ? "" : "s");
    rc = CLI_EXIT_IO;
  }
  lxs_walk_free(w);
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
  else fputs("          ", stderr);
  if (final) fputc('\n', stderr);
}

/* ---- the batch pipeline --------------------------------------------------- */

/* Read the next batch from the inputs (the lock held).  A malformed record
 * is skipped (--on-error skip) or ends the input with c->rc set; the
 * records before it are still scored and written. */
static void fill_batch(score_ctx *c, batch *b) {
  char err[ERRLEN];
  b->n = 0;
  b->bytes = 0;
  while (!c->eof && b->n < BATCH_DOCS && b->bytes < BATCH_BYTES) {
    if (!c->rd) {
      if (c->fi >= c->files->n) {
        c->eof = 1;
        break;
      }
      c->rd = lxs_reader_open(c->files->paths[c->fi++], c->o->input, err, sizeof err);
      if (!c->rd) {
        cli_err("%s", err);
        c->rc = LXS_EIO;
        c->eof = 1;
        break;
      }
      lxs_reader_set_columns(c->rd, &c->cols);
    }
    lxs_record rec;
    int k = lxs_reader_next(c->rd, &rec, err, sizeof err);
    if (k == 1) {
      batch_add(b, c->rd, &rec, c->o->nkeep);
      continue;
    }
    if (k == -1 && c->o->on_error_skip && lxs_reader_error(c->rd) == LXS_EDATA) {
      cli_err("%s (skipped)", err);
      c->skipped++;
      continue;
    }
    if (k < 0) {
      cli_err("%s", err);
      c->rc = cli_exit_code(lxs_reader_error(c->rd));
      c->eof = 1;
      break;
    }
    lxs_reader_close(c->rd);
    c->rd = NULL;
  }
}

/* Write a scored batch's rows in input order (the lock held). */
static void write_batch(score_ctx *c, batch *b) {
  char err[ERRLEN];
  for (size_t i = 0; i < b->n && c->wrc == 0; i++) {
    doc_slot *d = &b->docs[i];
    if (c->out && cli_write(c->out, &d->out, err, sizeof err)) c->wrc = LXS_EIO;
    if (c->pout && c->wrc == 0 && cli_write(c->pout, &d->part, err, sizeof err)) c->wrc = LXS_EIO;
    if (c->wrc) cli_err("%s", err);
    c->bytes += (double)d->tlen;
  }
  c->ndocs += b->n;
  if (c->show && b->n) progress(c->ndocs, c->bytes, c->total, c->t0, 0);
}

/* What every thread runs, the main thread too: take the next batch, score
 * it, and write whatever is due. */
static void pipeline(score_ctx *c, worker *w) {
  pthread_mutex_lock(&c->mu);
  for (;;) {
    /* at most nring batches between reading and writing */
    while (!c->eof && c->wrc == 0 && c->next_seq - c->next_write >= c->nring)
      pthread_cond_wait(&c->cv, &c->mu);
    if (c->eof || c->wrc) break;
    batch *b = c->free_b[--c->nfree];
    fill_batch(c, b);
    if (b->n == 0) {
      c->free_b[c->nfree++] = b;
      continue;
    }
    b->seq = c->next_seq++;
    pthread_mutex_unlock(&c->mu);
    for (size_t i = 0; i < b->n; i++) score_doc(c, w->sc, w->vd, &b->docs[i]);
    pthread_mutex_lock(&c->mu);
    c->ring[b->seq % c->nring] = b;
    while ((b = c->ring[c->next_write % c->nring]) != NULL) {
      c->ring[c->next_write % c->nring] = NULL;
      write_batch(c, b);
      c->free_b[c->nfree++] = b;
      c->next_write++;
    }
    pthread_cond_broadcast(&c->cv);
  }
  pthread_cond_broadcast(&c->cv); /* the input ended: wake the others */
  pthread_mutex_unlock(&c->mu);
}

static void *worker_main(void *arg) {
  worker *w = arg;
  pipeline(w->ctx, w);
  return NULL;
}

/* --keep, --text-col and --id-col name columns: only tables and JSON
 * records have them, and only rows can carry them. */
static void check_columns(const cli_opts *o) {
  int named = o->input == LXS_IN_TSV || o->input == LXS_IN_CSV || o->input == LXS_IN_JSONL;
  if (o->nkeep && !named)
    cli_usage_error("%s", "--keep needs --input csv, tsv or jsonl (columns to keep)");
  if ((o->text_col || o->id_col) && !named)
    cli_usage_error("%s", "--text-col and --id-col need --input csv, tsv or jsonl");
  if (o->nkeep && o->categories)
    cli_usage_error("%s", "--keep does not apply to --categories rows");
  if (o->nkeep && o->partial && strcmp(o->partial, "-") == 0 && !o->output)
    cli_usage_error("%s", "--keep: --partial - writes no rows to carry the columns in");
}

/* Opens the rows' output (none when --partial - stands in for them) and
 * the partial's, and writes their headers.  0 or LXS_EIO. */
static int open_outputs(score_ctx *c, const cli_opts *o, const lxs_lexicon *lex) {
  char err[ERRLEN];
  int rc = 0;
  lxs_buf hdr;
  lxs_buf_init(&hdr);
  if (o->output || !o->partial || strcmp(o->partial, "-") != 0) {
    c->out = lxs_out_open(o->output, err, sizeof err);
    if (o->categories) {
      lxs_buf_puts(&hdr, "doc,speaker,category,count,percent\r\n");
    } else {
      if (o->format == FMT_MD) lxs_provenance_md(&hdr, lex);
      cli_header(&hdr, o, lxs_themes_of(lex));
    }
    if (!c->out || cli_write(c->out, &hdr, err, sizeof err)) rc = LXS_EIO;
  }
  if (rc == 0 && o->partial) {
    c->pout = lxs_out_open(o->partial, err, sizeof err);
    hdr.len = 0;
    lxs_partial_header(&hdr, lex);
    if (!c->pout || cli_write(c->pout, &hdr, err, sizeof err)) rc = LXS_EIO;
  }
  if (rc) cli_err("%s", err);
  lxs_buf_free(&hdr);
  return rc;
}

/* Starts the N - 1 worker threads (the main thread is the Nth).  When the
 * system refuses one, the run goes on with the threads it has: the output
 * is the same with any number.  Returns how many started. */
static unsigned start_workers(score_ctx *c, unsigned nthreads) {
  unsigned i = 0;
  for (; i + 1 < nthreads; i++) {
    int e = lxs_out_thread_create(&c->w[i].th, worker_main, &c->w[i]);
    if (e) {
      cli_err("warning: cannot start thread %u of %u (%s); scoring on %u", i + 2, nthreads,
              strerror(e), i + 1);
      break;
    }
  }
  return i;
}

/* The option checks that need no file: a usage error (exit 2) ends the
 * run before anything is read or written. */
static void check_score_options(cli_opts *o, int first, int argc, char **argv) {
  if (o->ndirs && !o->input_set) o->input = LXS_IN_TEXT;
  check_columns(o);
  for (int i = first; i < argc; i++) cli_check_input_name(o, argv[i]);
  /* Two outputs in one file would lose one of them (-o - --partial - too) */
  if (o->partial && (o->output || strcmp(o->partial, "-") != 0) &&
      lxs_out_same_target(o->output, o->partial))
    cli_usage_error("-o and --partial name the same file '%s'", o->partial);
}

/* The inputs in order: the arguments, then the files under each --dir;
 * standard input when there are neither.  0 or the walk's exit code. */
static int collect_files(const cli_opts *o, int first, int argc, char **argv, path_list *files) {
  int rc = 0;
  for (int i = first; i < argc; i++) path_add(files, argv[i]);
  if (o->ndirs) rc = add_walked(o, files);
  if (files->n == 0 && o->ndirs == 0) path_add(files, "-");
  return rc;
}

static void paths_free(path_list *files) {
  for (size_t i = 0; i < files->n; i++) free(files->paths[i]);
  free(files->paths);
}

/* Bytes in the named files (standard input counts none): what progress
 * measures against. */
static double input_bytes(const path_list *files) {
  double total = 0;
  for (size_t i = 0; i < files->n; i++) {
    struct stat st;
    if (strcmp(files->paths[i], "-") != 0 && stat(files->paths[i], &st) == 0)
      total += (double)st.st_size;
  }
  return total;
}

/* The lock and one scorer and VADER per thread.  A scorer that cannot be
 * made is a usage error (exit 2), before any output is opened. */
static void workers_new(score_ctx *c, const cli_opts *o, unsigned nthreads) {
  char err[ERRLEN];
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->cv, NULL);
  c->nw = nthreads;
  c->w = lxs_xcalloc(nthreads, sizeof *c->w);
  /* one thread has no one to share its words with */
  c->memo = nthreads > 1 ? lxs_word_memo_new() : NULL;
  for (unsigned i = 0; i < nthreads; i++) {
    c->w[i].ctx = c;
    c->w[i].sc = lxs_scorer_new(c->lex, err, sizeof err);
    if (c->w[i].sc) lxs_stemmer_set_memo(lxs_scorer_stemmer(c->w[i].sc), c->memo);
    /* only per-speaker rows and partials credit a view's holder */
    if (c->w[i].sc) lxs_scorer_theme_views_only(c->w[i].sc, o->unit != UNIT_SPEAKER && !o->partial);
    /* no table of score's lists evidence */
    if (c->w[i].sc) lxs_scorer_keep_evidence(c->w[i].sc, 0);
    c->w[i].vd = cli_load_vader(o);
    if (!c->w[i].sc) {
      cli_err("%s", err);
      exit(CLI_EXIT_USAGE);
    }
  }
}

/* The batches in flight: INFLIGHT_PER_THREAD per thread, all free. */
static void ring_new(score_ctx *c, unsigned nthreads) {
  c->nring = (size_t)INFLIGHT_PER_THREAD * nthreads;
  c->bufs = lxs_xcalloc(c->nring, sizeof *c->bufs);
  c->ring = lxs_xcalloc(c->nring, sizeof *c->ring);
  c->free_b = lxs_xcalloc(c->nring, sizeof *c->free_b);
  for (size_t i = 0; i < c->nring; i++) c->free_b[c->nfree++] = &c->bufs[i];
}

/* With -j N, N - 1 threads start and the main thread is the Nth: N busy
 * threads, not N + 1 on N cores.  Returns when all input is written (or
 * an error stopped the run). */
static void run_threads(score_ctx *c) {
  unsigned started = start_workers(c, c->nw);
  pipeline(c, &c->w[c->nw - 1]);
  for (unsigned i = 0; i < started; i++) pthread_join(c->w[i].th, NULL);
}

/* The run's exit code, once the outputs are closed and the skipped
 * records said. */
static int finish_run(score_ctx *c) {
  int rc = c->rc ? c->rc : c->wrc;
  /* skipping every record is no success: nothing was scored */
  int all_skipped = rc == 0 && c->skipped && c->ndocs == 0;
  if (all_skipped) rc = CLI_EXIT_DATA;
  if (c->show) progress(c->ndocs, c->bytes, c->total, c->t0, 1);
  if (c->rd) lxs_reader_close(c->rd);
  lxs_out *outs[2] = {c->out, c->pout};
  rc = cli_finish_outputs(outs, 2, rc);
  if (c->skipped) cli_err("%zu malformed record%s skipped", c->skipped, c->skipped == 1 ? "" : "s");
  if (all_skipped) cli_err("every record was malformed: nothing scored");
  return rc;
}

static void score_ctx_free(score_ctx *c) {
  for (size_t i = 0; i < c->nring; i++) batch_free(&c->bufs[i]);
  free(c->bufs);
  free(c->ring);
  free(c->free_b);
  for (unsigned i = 0; i < c->nw; i++) {
    lxs_scorer_free(c->w[i].sc);
    lxs_vader_free(c->w[i].vd);
  }
  free(c->w);
  lxs_word_memo_free(c->memo);
  lxs_row_writer_free(&c->rows);
  pthread_mutex_destroy(&c->mu);
  pthread_cond_destroy(&c->cv);
}

int cmd_score(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  check_score_options(&o, first, argc, argv);
  lxs_lexicon *lex = cli_load_lexicon(&o);
  path_list files = {NULL, 0, 0};
  int rc = collect_files(&o, first, argc, argv, &files);
  unsigned nthreads = o.jobs ? o.jobs : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
  if (nthreads < 1) nthreads = 1;

  score_ctx c;
  memset(&c, 0, sizeof c);
  c.o = &o;
  c.lex = lex;
  c.cols = (lxs_columns){o.text_col, o.id_col, (const char *const *)o.keep, o.nkeep};
  /* Speakers are found the same way in every input format: a JSONL record
   * holding an article is attributed like the article's file. */
  c.sopt.segment_speakers = (o.input == LXS_IN_TEXT || o.unit == UNIT_SPEAKER) && !o.no_attribution;
  lxs_speaker_hints *hints = cli_load_hints(&o);
  c.sopt.speakers = hints;
  cli_row_writer_init(&c.rows, &o, lex);
  workers_new(&c, &o, nthreads);
  if (rc == 0) rc = open_outputs(&c, &o, lex);
  c.files = &files;
  c.show = !o.quiet && isatty(STDERR_FILENO);
  c.total = input_bytes(&files);
  c.t0 = now_sec();
  ring_new(&c, nthreads);
  c.rc = rc;
  c.eof = rc != 0;
  run_threads(&c);
  rc = finish_run(&c);
  score_ctx_free(&c);
  paths_free(&files);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
