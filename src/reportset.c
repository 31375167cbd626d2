/* reportset.c - outputs that appear whole or not at all: temporary files
 * and staging directories, the swap that commits a set of them, and the
 * signal handling that removes what an interrupted run leaves.  See
 * reportset.h for the guarantees. */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "reportset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "lexstance.h"

/* ---- temporaries a signal must remove -------------------------------------- */

#define MAX_TRACKED 64

/* Plain arrays, so the handler reads only memory already in place.  Files
 * are removed before directories, so a staging directory empties first. */
static char *volatile g_tracked[MAX_TRACKED];
static volatile sig_atomic_t g_tracked_dir[MAX_TRACKED];
static volatile sig_atomic_t g_committed;
static mode_t g_umask = 022;

static const int kFatalSignals[] = {SIGHUP,  SIGINT,    SIGQUIT, SIGTERM, SIGALRM, SIGUSR1,
                                    SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGIO,   SIGPWR};

static void fatal_signal_set(sigset_t *s) {
  sigemptyset(s);
  for (size_t i = 0; i < sizeof kFatalSignals / sizeof *kFatalSignals; i++)
    sigaddset(s, kFatalSignals[i]);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) sigaddset(s, sig);
}

/* Signals are blocked while the tracking list or a target changes. */
static void block_signals(sigset_t *old) {
  sigset_t s;
  fatal_signal_set(&s);
  pthread_sigmask(SIG_BLOCK, &s, old);
}

static void restore_signals(const sigset_t *old) { pthread_sigmask(SIG_SETMASK, old, NULL); }

static void track(char *path, int is_dir) {
  sigset_t old;
  block_signals(&old);
  for (int i = 0; i < MAX_TRACKED; i++)
    if (!g_tracked[i]) {
      g_tracked_dir[i] = is_dir;
      g_tracked[i] = path;
      break;
    }
  restore_signals(&old);
}

static void untrack(const char *path) {
  sigset_t old;
  block_signals(&old);
  for (int i = 0; i < MAX_TRACKED; i++)
    if (g_tracked[i] == path) g_tracked[i] = NULL;
  restore_signals(&old);
}

/* How a temporary comes into being. */
enum { MAKE_TEMP_FILE, MAKE_TEMP_DIR, MAKE_NEW_FILE };

/* Creates path (a mkstemp or mkdtemp template, or a new file) and tracks
 * it with the fatal signals blocked: a signal arriving in between would
 * otherwise end the run with the temporary created but not yet known to
 * the handler, left behind.  The descriptor (0 for a directory), or -1
 * with errno. */
static int create_tracked(char *path, int how) {
  sigset_t old;
  block_signals(&old);
  int fd;
  if (how == MAKE_TEMP_DIR) fd = mkdtemp(path) ? 0 : -1;
  else if (how == MAKE_TEMP_FILE) fd = mkstemp(path);
  else fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int e = errno;
  if (fd >= 0) track(path, how == MAKE_TEMP_DIR);
  restore_signals(&old);
  errno = e;
  return fd;
}

int lxs_out_thread_create(pthread_t *th, void *(*fn)(void *), void *arg) {
  sigset_t old;
  block_signals(&old); /* the new thread inherits the mask */
  int e = pthread_create(th, NULL, fn, arg);
  restore_signals(&old);
  return e;
}

void lxs_out_cleanup_all(void) {
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < MAX_TRACKED; i++) {
      char *p = g_tracked[i];
      if (!p || g_tracked_dir[i] != pass) continue;
      if (pass) rmdir(p);
      else unlink(p);
    }
}

static void on_signal(int sig) {
  lxs_out_cleanup_all();
  static const char kNone[] = "lexstance: interrupted; no report written\n";
  static const char kDone[] = "lexstance: interrupted after the report was written\n";
  ssize_t r = g_committed ? write(2, kDone, sizeof kDone - 1) : write(2, kNone, sizeof kNone - 1);
  (void)r;
  _exit(128 + sig); /* 130 for SIGINT */
}

/* A reader that closed the pipe (`lexstance score ... | head`) ends the
 * run quietly, as it ends any Unix tool, with the status a closed pipe
 * gives (141 in the shell): the temporaries go, then SIGPIPE's default
 * action ends the process. */
static void on_sigpipe(int sig) {
  lxs_out_cleanup_all();
  signal(sig, SIG_DFL);
  raise(sig); /* delivered when the handler returns */
}

void lxs_out_install_signal_handlers(void) {
  g_umask = umask(0);
  umask(g_umask);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  fatal_signal_set(&sa.sa_mask); /* one handler at a time */
  sigset_t all;
  fatal_signal_set(&all);
  for (int sig = 1; sig < NSIG; sig++) {
    struct sigaction cur;
    /* a signal ignored by whoever started us (nohup) stays ignored */
    if (sigismember(&all, sig) == 1 && sigaction(sig, NULL, &cur) == 0 && cur.sa_handler != SIG_IGN)
      sigaction(sig, &sa, NULL);
  }
  struct sigaction pipe_sa;
  memset(&pipe_sa, 0, sizeof pipe_sa);
  pipe_sa.sa_handler = on_sigpipe;
  sigemptyset(&pipe_sa.sa_mask);
  sigaction(SIGPIPE, &pipe_sa, NULL);
  signal(SIGXFSZ, SIG_IGN); /* a file-size limit is reported as EFBIG */
}

/* ---- paths ------------------------------------------------------------------ */

static char *path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = lxs_xmalloc(a + b + 2);
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

static char *path_suffix(const char *path, const char *suffix) {
  size_t a = strlen(path), b = strlen(suffix);
  char *p = lxs_xmalloc(a + b + 1);
  memcpy(p, path, a);
  memcpy(p + a, suffix, b + 1);
  return p;
}

/* mkdir -p, mode 0777 & ~umask; empty components ("a//b") are skipped. */
int lxs_out_mkdir_p(const char *path, char *err, size_t errlen) {
  if (!*path) {
    lxs_set_err(err, errlen, "empty directory name");
    return -1;
  }
  char *p = lxs_xstrndup(path, strlen(path));
  int rc = 0;
  for (char *s = p;; s++) {
    if (*s && *s != '/') continue;
    char c = *s;
    *s = '\0';
    struct stat st;
    if (*p && s > p && s[-1] != '/') {
      if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        lxs_set_err(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
        rc = -1;
      } else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
        lxs_set_err(err, errlen, "%s: not a directory", p);
        rc = -1;
      }
    }
    *s = c;
    if (rc || !c) break;
  }
  free(p);
  return rc;
}

/* The path a commit replaces (malloc'd): an existing path resolved
 * (links, ".", ".."); a missing one as its resolved parent (created first
 * when make_parent) and its name.  NULL with err. */
static char *resolve_target(const char *path, int make_parent, char *err, size_t errlen) {
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/') n--;
  if (n == 0) {
    lxs_set_err(err, errlen, "empty output path");
    return NULL;
  }
  char *p = lxs_xstrndup(path, n);
  char *r = NULL;
  struct stat st;
  if (lstat(p, &st) == 0) {
    r = realpath(p, NULL);
    if (!r)
      lxs_set_err(err, errlen, "%s: %s", p,
                  S_ISLNK(st.st_mode) && errno == ENOENT ? "dangling symbolic link"
                                                         : strerror(errno));
  } else if (errno != ENOENT) {
    lxs_set_err(err, errlen, "%s: %s", p, strerror(errno));
  } else {
    char *slash = strrchr(p, '/');
    const char *base = slash ? slash + 1 : p;
    char *parent = slash ? lxs_xstrndup(p, slash == p ? 1 : (size_t)(slash - p))
                         : lxs_xstrndup(".", 1);
    char *rp = NULL;
    if (!make_parent || lxs_out_mkdir_p(parent, err, errlen) == 0) {
      rp = realpath(parent, NULL);
      if (!rp) lxs_set_err(err, errlen, "%s: cannot create: %s", p, strerror(errno));
    }
    if (rp && (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)) {
      r = realpath(p, NULL); /* "new/.." once new exists */
      if (!r) lxs_set_err(err, errlen, "%s: %s", p, strerror(errno));
    } else if (rp) {
      r = path_join(strcmp(rp, "/") == 0 ? "" : rp, base);
    }
    free(rp);
    free(parent);
  }
  if (r && strcmp(r, "/") == 0) {
    lxs_set_err(err, errlen, "%s: cannot replace the root directory", p);
    free(r);
    r = NULL;
  }
  free(p);
  return r;
}

int lxs_out_same_target(const char *a, const char *b) {
  int da = !a || strcmp(a, "-") == 0, db = !b || strcmp(b, "-") == 0;
  if (da || db) return da && db;
  char e1[16], e2[16];
  char *ra = resolve_target(a, 0, e1, sizeof e1), *rb = resolve_target(b, 0, e2, sizeof e2);
  int same = ra && rb ? strcmp(ra, rb) == 0 : strcmp(a, b) == 0;
  free(ra);
  free(rb);
  return same;
}

/* The mode a new output takes, or the replaced one's; for a file we may
 * own, also its owner (uid/gid -1 when new). */
static mode_t target_mode(const char *target, int is_dir, uid_t *uid, gid_t *gid) {
  struct stat st;
  if (uid) *uid = (uid_t)-1;
  if (gid) *gid = (gid_t)-1;
  if (stat(target, &st) != 0 || (is_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
    return (is_dir ? 0777 : 0666) & ~g_umask;
  if (uid) *uid = st.st_uid;
  if (gid) *gid = st.st_gid;
  return st.st_mode & (is_dir ? 07777 : 0777);
}

/* Gives fd the mode (and owner, where permitted) of what it replaces. */
static int set_mode(int fd, mode_t mode, uid_t uid, gid_t gid) {
  if (uid != (uid_t)-1 && (uid != geteuid() || gid != getegid())) {
    int r = fchown(fd, uid, gid); /* where permitted: best effort */
    (void)r;
  }
  return fchmod(fd, mode);
}

static int write_all(int fd, const char *data, size_t n) {
  while (n) {
    ssize_t w = write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return -1;
    data += w;
    n -= (size_t)w;
  }
  return 0;
}

static int fsync_dir(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno == EACCES ? 0 : -1; /* cannot open: cannot sync */
  int rc = fsync(fd);
  int saved = errno;
  close(fd);
  errno = saved;
  return rc;
}

/* ---- the swap ------------------------------------------------------------- */

enum { SWAP_NONE, SWAP_RENAMED, SWAP_EXCHANGED, SWAP_ASIDE };

typedef struct {
  char *staged; /* the new content; after the swap, the old */
  char *target;
  char *aside; /* the fallback's STAGED.old */
  int is_dir;
  const char *const *names; /* a directory's files */
  size_t n_names;
  int how; /* SWAP_* */
} swap_entry;

typedef struct {
  int fd;
  dev_t dev;
  ino_t ino;
  char *path;
} parent_lock;

static char *parent_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash && slash != path ? lxs_xstrndup(path, (size_t)(slash - path))
                                : lxs_xstrndup(slash ? "/" : ".", 1);
}

static int cmp_lock(const void *a, const void *b) {
  const parent_lock *x = a, *y = b;
  if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
  return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Opens and flocks each distinct parent, in (device, inode) order so two
 * writers of overlapping sets cannot deadlock.  A parent that cannot be
 * opened for reading (mode 0300) is neither locked nor synced. */
static size_t lock_parents(swap_entry *e, size_t n, parent_lock *locks) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char *dir = parent_of(e[i].target);
    struct stat st;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int dup = 0;
    if (fd >= 0 && fstat(fd, &st) == 0)
      for (size_t j = 0; j < k; j++) dup |= locks[j].dev == st.st_dev && locks[j].ino == st.st_ino;
    if (fd < 0 || dup) {
      if (fd >= 0) close(fd);
      free(dir);
      continue;
    }
    locks[k++] = (parent_lock){fd, st.st_dev, st.st_ino, dir};
  }
  qsort(locks, k, sizeof *locks, cmp_lock);
  for (size_t j = 0; j < k; j++)
    while (flock(locks[j].fd, LOCK_EX) != 0 && errno == EINTR) {}
  return k;
}

static void unlock_parents(parent_lock *locks, size_t k) {
  for (size_t j = 0; j < k; j++) {
    close(locks[j].fd); /* releases the flock */
    free(locks[j].path);
  }
}

/* A directory to be replaced must hold only files the new set writes. */
static int only_report_files(const swap_entry *e, char *err, size_t errlen) {
  DIR *d = opendir(e->target);
  if (!d && errno == ENOENT) return 0;
  if (!d) {
    lxs_set_err(err, errlen, "%s: %s", e->target, strerror(errno));
    return -1;
  }
  struct dirent *de;
  int rc = 0;
  while (rc == 0 && (de = readdir(d)) != NULL) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
    int known = 0;
    for (size_t i = 0; i < e->n_names && !known; i++) known = strcmp(e->names[i], de->d_name) == 0;
    struct stat st;
    char *p = path_join(e->target, de->d_name);
    if (!known || lstat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
      lxs_set_err(err, errlen,
                  "%s: holds '%s', which is not part of the report; not replacing the "
                  "directory (write the report to a new or empty one)",
                  e->target, de->d_name);
      rc = -1;
    }
    free(p);
  }
  closedir(d);
  return rc;
}

/* Swaps one entry in; 0 or -1 (errno set; nothing changed unless how is
 * left at SWAP_ASIDE: the target is then missing, its old content aside). */
static int swap_in(swap_entry *e) {
  if (renameat2(AT_FDCWD, e->staged, AT_FDCWD, e->target, RENAME_EXCHANGE) == 0) {
    e->how = SWAP_EXCHANGED;
    return 0;
  }
  if (errno == ENOENT) { /* no target yet */
    if (rename(e->staged, e->target) != 0) return -1;
    e->how = SWAP_RENAMED;
    return 0;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) return -1;
  /* The file system cannot exchange: the target steps aside first. */
  e->aside = path_suffix(e->staged, ".old");
  if (rename(e->target, e->aside) != 0) return -1;
  if (rename(e->staged, e->target) != 0) {
    int saved = errno;
    if (rename(e->aside, e->target) != 0) e->how = SWAP_ASIDE; /* stuck: reported */
    errno = saved;
    return -1;
  }
  e->how = SWAP_ASIDE;
  return 0;
}

/* Undoes a swap; 0, or -1 with e->how kept (the old content is where
 * stuck_note says). */
static int swap_back(swap_entry *e) {
  int rc = 0;
  if (e->how == SWAP_EXCHANGED) {
    rc = renameat2(AT_FDCWD, e->staged, AT_FDCWD, e->target, RENAME_EXCHANGE);
  } else if (e->how == SWAP_RENAMED) {
    rc = rename(e->target, e->staged);
  } else if (e->how == SWAP_ASIDE) {
    if (access(e->target, F_OK) == 0) rc = rename(e->target, e->staged);
    if (rc == 0) rc = rename(e->aside, e->target);
  }
  if (rc == 0) e->how = SWAP_NONE;
  return rc;
}

/* Appends to err where an entry that could not be swapped back left the
 * old content. */
static void stuck_note(const swap_entry *e, int errnum, char *err, size_t errlen) {
  size_t len = strlen(err);
  const char *what = e->is_dir ? "report" : "file";
  if (e->how == SWAP_RENAMED)
    lxs_set_err(err + len, errlen - len, "; %s could not be removed again (%s)", e->target,
                strerror(errnum));
  else
    lxs_set_err(err + len, errlen - len, "; the old %s could not be put back (%s) and is at %s",
                what, strerror(errnum), e->how == SWAP_ASIDE ? e->aside : e->staged);
}

/* Reports a failed step (cur: the entry whose swap failed, or NULL) and
 * swaps back the done entries before it. */
static void swap_failed(swap_entry *e, size_t done, const swap_entry *cur, const char *what,
                        const char *target, char *err, size_t errlen) {
  lxs_set_err(err, errlen, "%s: %s: %s", target, what, strerror(errno));
  if (cur && cur->how == SWAP_ASIDE) stuck_note(cur, errno, err, errlen);
  for (size_t j = done; j-- > 0;)
    if (swap_back(&e[j]) != 0) stuck_note(&e[j], errno, err, errlen);
}

/* Removes a file or a report directory (its set's files, then itself). */
static void remove_entry(const char *path, const swap_entry *e) {
  if (!e->is_dir) {
    unlink(path);
    return;
  }
  for (size_t i = 0; i < e->n_names; i++) {
    char *p = path_join(path, e->names[i]);
    unlink(p);
    free(p);
  }
  if (rmdir(path) != 0 && errno != ENOENT)
    fprintf(stderr, "lexstance: warning: the old report is left in %s: %s\n", path,
            strerror(errno));
}

/* Commits n staged entries as one set; 0, or -1 with err. */
static int swap_set(swap_entry *e, size_t n, char *err, size_t errlen) {
  parent_lock *locks = lxs_xcalloc(n + 1, sizeof *locks);
  size_t nl = lock_parents(e, n, locks);
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    if (e[i].is_dir) rc = only_report_files(&e[i], err, errlen);
  sigset_t old;
  block_signals(&old);
  for (size_t i = 0; rc == 0 && i < n; i++)
    if (swap_in(&e[i]) != 0) {
      swap_failed(e, i, &e[i], "cannot replace", e[i].target, err, errlen);
      rc = -1;
    }
  for (size_t j = 0; rc == 0 && j < nl; j++)
    if (fsync(locks[j].fd) != 0) {
      swap_failed(e, n, NULL, "cannot sync the directory", locks[j].path, err, errlen);
      rc = -1;
    }
  if (rc == 0) {
    g_committed = 1;
    /* the old content is now at the staged name (or aside) */
    for (size_t i = 0; i < n; i++)
      if (e[i].how == SWAP_EXCHANGED) remove_entry(e[i].staged, &e[i]);
      else if (e[i].how == SWAP_ASIDE) remove_entry(e[i].aside, &e[i]);
  }
  restore_signals(&old);
  unlock_parents(locks, nl);
  free(locks);
  return rc;
}

/* ---- single outputs --------------------------------------------------------- */

enum { OUT_STDOUT, OUT_DEVICE, OUT_FILE };
#define OUT_BUFFER (64 * 1024)

struct lxs_out {
  int kind;
  int fd;
  char *path;    /* the target (resolved), for messages and the swap */
  char *target;  /* OUT_FILE: the file it replaces (resolved) */
  char *tmp;     /* OUT_FILE: the temporary */
  int tty;       /* a terminal: control characters are shown, not sent */
  lxs_buf buf;   /* bytes not yet written */
  lxs_buf shown; /* scratch for a terminal's text */
};

static void out_free(lxs_out *o) {
  if (o->tmp) {
    untrack(o->tmp);
    free(o->tmp);
  }
  free(o->path);
  free(o->target);
  lxs_buf_free(&o->buf);
  lxs_buf_free(&o->shown);
  free(o);
}

static lxs_out *open_device(lxs_out *o, const char *path, char *err, size_t errlen) {
  o->kind = OUT_DEVICE;
  o->fd = open(path, O_WRONLY | O_CLOEXEC);
  if (o->fd < 0) {
    lxs_set_err(err, errlen, "%s: %s", path, strerror(errno));
    out_free(o);
    return NULL;
  }
  o->tty = isatty(o->fd);
  return o;
}

lxs_out *lxs_out_open(const char *path, char *err, size_t errlen) {
  lxs_out *o = lxs_xcalloc(1, sizeof *o);
  lxs_buf_init(&o->buf);
  lxs_buf_init(&o->shown);
  if (!path || strcmp(path, "-") == 0) {
    o->kind = OUT_STDOUT;
    o->fd = STDOUT_FILENO;
    o->tty = isatty(o->fd);
    o->path = lxs_xstrndup("-", 1);
    return o;
  }
  o->path = lxs_xstrndup(path, strlen(path));
  struct stat st;
  /* A device or pipe (/dev/null, /dev/stdout, a FIFO) is written directly:
   * renaming over it would replace the node. */
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return open_device(o, path, err, errlen);
  char *target = resolve_target(path, 0, err, errlen);
  if (!target || (stat(target, &st) == 0 && S_ISDIR(st.st_mode))) {
    if (target) lxs_set_err(err, errlen, "%s: is a directory", path);
    free(target);
    out_free(o);
    return NULL;
  }
  uid_t uid;
  gid_t gid;
  mode_t mode = target_mode(target, 0, &uid, &gid);
  o->tmp = path_suffix(target, ".tmp.XXXXXX");
  o->target = target;
  o->fd = create_tracked(o->tmp, MAKE_TEMP_FILE);
  if (o->fd < 0) {
    lxs_set_err(err, errlen, "%s: cannot create: %s", path, strerror(errno));
    free(o->tmp);
    o->tmp = NULL;
    out_free(o);
    return NULL;
  }
  o->kind = OUT_FILE;
  if (set_mode(o->fd, mode, uid, gid) != 0) {
    lxs_set_err(err, errlen, "%s: cannot set its mode: %s", path, strerror(errno));
    lxs_out_abort(o);
    return NULL;
  }
  return o;
}

static int out_failed(const lxs_out *o, char *err, size_t errlen) {
  if (o->kind == OUT_STDOUT)
    lxs_set_err(err, errlen, "error writing to standard output: %s", strerror(errno));
  else lxs_set_err(err, errlen, "%s: write failed: %s", o->path, strerror(errno));
  return -1;
}

static int out_flush(lxs_out *o, char *err, size_t errlen) {
  if (o->buf.len && write_all(o->fd, o->buf.data, o->buf.len) != 0)
    return out_failed(o, err, errlen);
  o->buf.len = 0;
  return 0;
}

/* Text for a terminal (escape.c's lxs_term_text), but a CR that ends a
 * line (CSV's CRLF) stays one. */
static void term_filter(lxs_buf *out, const char *s, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '\r' && (i + 1 == n || s[i + 1] == '\n')) {
      lxs_term_text(out, s + start, i - start);
      lxs_buf_putc(out, '\r');
      start = i + 1;
    }
  lxs_term_text(out, s + start, n - start);
}

int lxs_out_write(lxs_out *o, const char *data, size_t n, char *err, size_t errlen) {
  if (o->tty) { /* text from documents must not drive the terminal */
    o->shown.len = 0;
    term_filter(&o->shown, data, n);
    data = o->shown.data ? o->shown.data : "";
    n = o->shown.len;
  }
  if (o->buf.len + n <= OUT_BUFFER) {
    lxs_buf_put(&o->buf, data, n);
    return 0;
  }
  if (out_flush(o, err, errlen)) return -1;
  if (n >= OUT_BUFFER) return write_all(o->fd, data, n) ? out_failed(o, err, errlen) : 0;
  lxs_buf_put(&o->buf, data, n);
  return 0;
}

/* Everything that can fail before the swap: write what is buffered, sync
 * and close.  0 or -1 with err. */
static int out_finish(lxs_out *o, char *err, size_t errlen) {
  if (out_flush(o, err, errlen)) return -1;
  if (o->kind == OUT_STDOUT) return 0;
  int rc = o->kind == OUT_FILE && fsync(o->fd) != 0 ? out_failed(o, err, errlen) : 0;
  if (close(o->fd) != 0 && rc == 0) rc = out_failed(o, err, errlen);
  o->fd = -1;
  return rc;
}

void lxs_out_abort(lxs_out *o) {
  if (!o) return;
  /* a stream cannot be taken back: what was written to it still goes
   * (the rows before a malformed record) */
  if (o->kind != OUT_FILE && o->fd >= 0 && o->buf.len) {
    int r = write_all(o->fd, o->buf.data, o->buf.len);
    (void)r;
  }
  if (o->kind != OUT_STDOUT && o->fd >= 0) close(o->fd);
  if (o->tmp) unlink(o->tmp);
  out_free(o);
}

int lxs_out_commit(lxs_out *o, char *err, size_t errlen) {
  return lxs_out_commit_set(&o, 1, err, errlen);
}

int lxs_out_commit_set(lxs_out **outs, size_t n, char *err, size_t errlen) {
  int rc = 0;
  size_t k = 0;
  swap_entry *e = lxs_xcalloc(n + 1, sizeof *e);
  for (size_t i = 0; i < n; i++) {
    if (!outs[i]) continue;
    if (rc == 0) rc = out_finish(outs[i], err, errlen);
    if (outs[i]->kind == OUT_FILE)
      e[k++] = (swap_entry){.staged = outs[i]->tmp, .target = outs[i]->target};
  }
  if (rc == 0 && k) rc = swap_set(e, k, err, errlen);
  for (size_t i = 0; i < k; i++) {
    /* kept when it holds an old file that could not be put back */
    if (rc != 0 && e[i].how == SWAP_NONE) unlink(e[i].staged);
    free(e[i].aside);
  }
  for (size_t i = 0; i < n; i++)
    if (outs[i]) {
      if (outs[i]->fd >= 0 && outs[i]->kind != OUT_STDOUT) close(outs[i]->fd);
      out_free(outs[i]);
      outs[i] = NULL;
    }
  free(e);
  return rc;
}

/* ---- report directories ------------------------------------------------------ */

struct lxs_reportset {
  char *target; /* the report directory (resolved) */
  char *staged; /* DIR.tmp.XXXXXX */
  mode_t mode;  /* the directory's final mode */
  char **names; /* files written so far */
  char **paths; /* their staged paths (tracked) */
  size_t n, cap;
};

lxs_reportset *lxs_reportset_open(const char *dir, char *err, size_t errlen) {
  char *target = resolve_target(dir, 1, err, errlen);
  if (!target) return NULL;
  struct stat st;
  if (stat(target, &st) == 0 && !S_ISDIR(st.st_mode)) {
    lxs_set_err(err, errlen, "%s: not a directory", dir);
    free(target);
    return NULL;
  }
  lxs_reportset *rs = lxs_xcalloc(1, sizeof *rs);
  rs->target = target;
  rs->mode = target_mode(target, 1, NULL, NULL);
  rs->staged = path_suffix(target, ".tmp.XXXXXX");
  if (create_tracked(rs->staged, MAKE_TEMP_DIR) != 0) {
    lxs_set_err(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
    free(rs->staged);
    free(rs->target);
    free(rs);
    return NULL;
  }
  return rs;
}

int lxs_reportset_add(lxs_reportset *rs, const char *name, const char *data, size_t n, char *err,
                      size_t errlen) {
  char *final = path_join(rs->target, name);
  uid_t uid;
  gid_t gid;
  mode_t mode = target_mode(final, 0, &uid, &gid);
  char *path = path_join(rs->staged, name);
  int fd = create_tracked(path, MAKE_NEW_FILE);
  int rc = 0;
  if (fd < 0) {
    lxs_set_err(err, errlen, "%s: cannot create: %s", final, strerror(errno));
    free(path);
    free(final);
    return -1;
  }
  LXS_VEC_GROW(rs->names, rs->n, rs->cap);
  rs->paths = lxs_xrealloc(rs->paths, rs->cap * sizeof *rs->paths);
  rs->names[rs->n] = lxs_xstrndup(name, strlen(name));
  rs->paths[rs->n++] = path;
  if (set_mode(fd, mode, uid, gid) != 0 || write_all(fd, data, n) != 0 || fsync(fd) != 0) {
    lxs_set_err(err, errlen, "%s: write failed: %s", final, strerror(errno));
    rc = -1;
  }
  if (close(fd) != 0 && rc == 0) {
    lxs_set_err(err, errlen, "%s: write failed: %s", final, strerror(errno));
    rc = -1;
  }
  free(final);
  return rc;
}

static void reportset_free(lxs_reportset *rs, int remove_staged) {
  for (size_t i = 0; i < rs->n; i++) {
    if (remove_staged) unlink(rs->paths[i]);
    untrack(rs->paths[i]);
    free(rs->paths[i]);
    free(rs->names[i]);
  }
  if (remove_staged) rmdir(rs->staged);
  untrack(rs->staged);
  free(rs->paths);
  free(rs->names);
  free(rs->staged);
  free(rs->target);
  free(rs);
}

void lxs_reportset_abort(lxs_reportset *rs) {
  if (rs) reportset_free(rs, 1);
}

int lxs_reportset_commit(lxs_reportset *rs, char *err, size_t errlen) {
  if (chmod(rs->staged, rs->mode) != 0 || fsync_dir(rs->staged) != 0) {
    lxs_set_err(err, errlen, "%s: write failed: %s", rs->target, strerror(errno));
    reportset_free(rs, 1);
    return -1;
  }
  swap_entry e = {.staged = rs->staged,
                  .target = rs->target,
                  .is_dir = 1,
                  .names = (const char *const *)rs->names,
                  .n_names = rs->n};
  int rc = swap_set(&e, 1, err, errlen);
  /* committed: the old set was removed; failed: the staged set goes,
   * unless the old one is stuck at the staged name */
  reportset_free(rs, rc != 0 && e.how == SWAP_NONE);
  free(e.aside);
  return rc;
}

int lxs_reportset_write(const char *dir, const lxs_report_file *files, size_t n, char *err,
                        size_t errlen) {
  lxs_reportset *rs = lxs_reportset_open(dir, err, errlen);
  if (!rs) return -1;
  for (size_t i = 0; i < n; i++)
    if (lxs_reportset_add(rs, files[i].name, files[i].data, files[i].len, err, errlen)) {
      lxs_reportset_abort(rs);
      return -1;
    }
  return lxs_reportset_commit(rs, err, errlen);
}
