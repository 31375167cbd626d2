/* reportset.h - outputs that appear whole or not at all (CLI side).
 *
 * lxs_out is one output file, written to a temporary file beside it
 * (NAME.tmp.XXXXXX); "-" is standard output, and a device or FIFO is
 * written directly (neither can be replaced).  lxs_reportset is a report
 * directory, staged whole in a temporary directory beside it
 * (DIR.tmp.XXXXXX).
 *
 * A commit -- of one output, of several together (score -o F --partial
 * P), or of a report directory -- puts every target in place or leaves
 * every target as it was:
 *  1. all that can fail on a full or failing disk (writing, fsync of each
 *     file and of the staging directory) is done before any target
 *     changes;
 *  2. an exclusive flock on each target's parent directory keeps another
 *     lexstance from committing into the same place at the same time;
 *  3. with the catchable signals blocked, each staged entry is exchanged
 *     with its target (renameat2 RENAME_EXCHANGE; a plain rename when
 *     there is no target yet; where the file system cannot exchange, the
 *     target is first renamed aside to STAGED.old); when a step fails, the
 *     entries already swapped are swapped back;
 *  4. the parent directories are synced (a failure swaps back too), the
 *     old content, now at the temporary names, is removed, and the
 *     signals are unblocked.
 *
 * A new file gets mode 0666 & ~umask and a new directory 0777 & ~umask; a
 * replaced one keeps its mode (and its owner and group where permitted).
 * A target that is a symbolic link is resolved: what it points to is
 * replaced, and the link kept.  An existing report directory is replaced
 * only if it holds nothing but files the new set also writes, so a
 * mistaken `-o .` or `-o ~` never deletes anything.
 *
 * Signals: INT, TERM, HUP, QUIT, ALRM, USR1, USR2, VTALRM, PROF, XCPU, IO,
 * PWR and the real-time signals remove every temporary and exit 128+N (130
 * for SIGINT); SIGPIPE (a closed pipe on standard output) removes them
 * and ends the run quietly (141), and SIGXFSZ is ignored, so a `ulimit
 * -f` limit is a write error (exit 3).  Only SIGKILL, a crash or
 * a power loss can leave a temporary (NAME.tmp.XXXXXX, DIR.tmp.XXXXXX, or
 * DIR.tmp.XXXXXX.old during the fallback swap) behind. */
#ifndef LXS_REPORTSET_H
#define LXS_REPORTSET_H

#include <pthread.h>
#include <stddef.h>

#include "util.h"

/* Installs the signal handlers above and reads the umask; call once at
 * start-up, before any thread starts. */
void lxs_out_install_signal_handlers(void);
/* Removes every temporary still open (what the signal handler does). */
void lxs_out_cleanup_all(void);
/* pthread_create for the CLI's worker threads: they start with the fatal
 * signals blocked, so the handler only ever runs on the main thread, never
 * beside a thread between creating a temporary and tracking it.  0 or
 * pthread_create's error number. */
int lxs_out_thread_create(pthread_t *th, void *(*fn)(void *), void *arg);

typedef struct lxs_out lxs_out;

/* Opens path for writing ("-" or NULL: standard output).  NULL with err
 * ("PATH: reason") when it cannot be created. */
lxs_out *lxs_out_open(const char *path, char *err, size_t errlen);
/* Appends n bytes (buffered).  On a terminal (standard output or a
 * device), control characters are shown, not sent (escape.h's
 * lxs_term_text; a CR ending a line stays).  0, or -1 with err ("PATH: write failed:
 * reason", or "error writing to standard output: reason"). */
int lxs_out_write(lxs_out *o, const char *data, size_t n, char *err, size_t errlen);
/* Commits one output and frees it: 0, or -1 with err and nothing changed. */
int lxs_out_commit(lxs_out *o, char *err, size_t errlen);
/* Commits n outputs as one set (NULL entries skipped) and frees them all:
 * 0 with every one in place, or -1 with err and none of them changed. */
int lxs_out_commit_set(lxs_out **outs, size_t n, char *err, size_t errlen);
/* Discards a file output (its temporary is removed; the target stays as
 * it was); standard output or a device gets what was buffered, since what
 * a stream was given cannot be taken back.  Accepts NULL. */
void lxs_out_abort(lxs_out *o);
/* mkdir -p (new directories 0777 & ~umask): 0, or -1 with err ("PATH:
 * cannot create directory: reason" or "PATH: not a directory"); "" is
 * an error. */
int lxs_out_mkdir_p(const char *path, char *err, size_t errlen);
/* 1 when a and b name the same file (after resolving links, "." and
 * "..", for files that do not exist yet too); "-" only equals "-". */
int lxs_out_same_target(const char *a, const char *b);

/* ---- report directories -------------------------------------------------- */

typedef struct lxs_reportset lxs_reportset;

/* Stages a new report directory for dir (created with its parents when
 * missing; a symbolic link is followed).  NULL with err on failure. */
lxs_reportset *lxs_reportset_open(const char *dir, char *err, size_t errlen);
/* Writes one file of the set into the staging directory (and syncs it).
 * 0, or -1 with err ("DIR/NAME: write failed: reason"). */
int lxs_reportset_add(lxs_reportset *rs, const char *name, const char *data, size_t n, char *err,
                      size_t errlen);
/* Swaps the staged set in for the old one and frees rs: 0, or -1 with err
 * and the old set (or no directory) left as it was. */
int lxs_reportset_commit(lxs_reportset *rs, char *err, size_t errlen);
/* Removes the staged set and frees rs; accepts NULL. */
void lxs_reportset_abort(lxs_reportset *rs);

/* One file of a report directory. */
typedef struct {
  const char *name;
  const char *data;
  size_t len;
} lxs_report_file;

/* The whole cycle: stage the n files, commit them as one set.  0, or -1
 * with err and nothing changed. */
int lxs_reportset_write(const char *dir, const lxs_report_file *files, size_t n, char *err,
                        size_t errlen);

#endif
