/* faults.c - fault injection for the CLI tests, as SQLite tests its I/O
 * layer: an LD_PRELOAD library whose fsync, rename, write and
 * pthread_create fail at the Nth call.  Each is controlled by a variable:
 *
 *   FAULT_FSYNC, FAULT_RENAME, FAULT_WRITE, FAULT_PTHREAD_CREATE = SPEC
 *
 *   SPEC  N          the Nth call (from 1, counted over the process) fails
 *                    with the function's usual error: EIO for fsync and
 *                    rename, ENOSPC for write, EAGAIN for pthread_create
 *         N+         every call from the Nth on fails
 *         N:ERRNO    fails with that errno (EXDEV, EINVAL, EROFS, EIO,
 *                    ENOSPC, EDQUOT, EFBIG, EAGAIN, EPERM, EBUSY)
 *         N:SIGNAME  raises the signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT)
 *                    in the calling thread at the Nth call, then makes
 *                    the call: a signal arriving mid-commit
 *         SPEC,SPEC  several of these ("1:EINVAL,3": the first call fails
 *                    with EINVAL, the third with the usual error)
 *
 *   FAULT_CREATE = N:SIGNAME
 *                    mkstemp and mkdtemp make their file or directory,
 *                    then the Nth call raises the signal: a signal the
 *                    moment a temporary exists (only signals here)
 *
 * rename counts rename, renameat and renameat2; write counts only writes
 * to descriptors other than 0, 1 and 2 (the output files, not the
 * messages).  FAULT_LOG=FILE appends "fsync 3" etc. for every call, so a
 * test can learn how many calls a run makes and try each. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
  const char *name;
  int value;
} kNames[] = {
    {"EXDEV", EXDEV},   {"EINVAL", EINVAL}, {"EROFS", EROFS}, {"EIO", EIO},
    {"ENOSPC", ENOSPC}, {"EDQUOT", EDQUOT}, {"EFBIG", EFBIG}, {"EAGAIN", EAGAIN},
    {"EPERM", EPERM},   {"EBUSY", EBUSY},
};
static const struct {
  const char *name;
  int value;
} kSignals[] = {{"SIGINT", SIGINT}, {"SIGTERM", SIGTERM}, {"SIGHUP", SIGHUP}, {"SIGQUIT", SIGQUIT}};

static void log_call(const char *what, long n) {
  const char *path = getenv("FAULT_LOG");
  if (!path) return;
  FILE *f = fopen(path, "a");
  if (!f) return;
  fprintf(f, "%s %ld\n", what, n);
  fclose(f);
}

/* Does one SPEC (up to a ',' or the end) match call n?  Sets *err (0: a
 * signal was raised and the call goes on). */
static int spec_matches(const char *spec, long n, int deflt, int *err) {
  char *end;
  long at = strtol(spec, &end, 10);
  int every = *end == '+';
  if (every) end++;
  if (every ? n < at : n != at) return 0;
  *err = deflt;
  if (*end != ':') return 1;
  size_t len = strcspn(end + 1, ",");
  for (size_t i = 0; i < sizeof kSignals / sizeof *kSignals; i++)
    if (strlen(kSignals[i].name) == len && strncmp(end + 1, kSignals[i].name, len) == 0) {
      raise(kSignals[i].value);
      *err = 0;
      return 1;
    }
  for (size_t i = 0; i < sizeof kNames / sizeof *kNames; i++)
    if (strlen(kNames[i].name) == len && strncmp(end + 1, kNames[i].name, len) == 0)
      *err = kNames[i].value;
  return 1;
}

/* Counts a call of `what`; returns 0 to make the call, or -1 with errno set
 * to fail it. */
static int fault(const char *var, const char *what, long *counter, int deflt) {
  long n = __atomic_add_fetch(counter, 1, __ATOMIC_SEQ_CST);
  log_call(what, n);
  const char *spec = getenv(var);
  for (; spec && *spec; spec = strchr(spec, ',') ? strchr(spec, ',') + 1 : NULL) {
    int err;
    if (!spec_matches(spec, n, deflt, &err)) continue;
    if (!err) return 0;
    errno = err;
    return -1;
  }
  return 0;
}

#define NEXT(type, name) ((type)dlsym(RTLD_NEXT, name))

static long n_fsync, n_rename, n_write, n_thread, n_create;

int fsync(int fd) {
  if (fault("FAULT_FSYNC", "fsync", &n_fsync, EIO)) return -1;
  return NEXT(int (*)(int), "fsync")(fd);
}

int rename(const char *a, const char *b) {
  if (fault("FAULT_RENAME", "rename", &n_rename, EIO)) return -1;
  return NEXT(int (*)(const char *, const char *), "rename")(a, b);
}

int renameat(int da, const char *a, int db, const char *b) {
  if (fault("FAULT_RENAME", "rename", &n_rename, EIO)) return -1;
  return NEXT(int (*)(int, const char *, int, const char *), "renameat")(da, a, db, b);
}

int renameat2(int da, const char *a, int db, const char *b, unsigned flags) {
  if (fault("FAULT_RENAME", "rename", &n_rename, EIO)) return -1;
  return NEXT(int (*)(int, const char *, int, const char *, unsigned), "renameat2")(da, a, db, b,
                                                                                    flags);
}

ssize_t write(int fd, const void *buf, size_t n) {
  if (fd > 2 && fault("FAULT_WRITE", "write", &n_write, ENOSPC)) return -1;
  return NEXT(ssize_t(*)(int, const void *, size_t), "write")(fd, buf, n);
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg) {
  if (fault("FAULT_PTHREAD_CREATE", "pthread_create", &n_thread, EAGAIN)) return errno;
  return NEXT(int (*)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *),
              "pthread_create")(t, a, fn, arg);
}

/* After the call, so the temporary exists when the signal arrives; an
 * errno in the spec is ignored (failing would leave what was made). */
int mkstemp(char *tmpl) {
  int fd = NEXT(int (*)(char *), "mkstemp")(tmpl);
  if (fd >= 0) {
    int e = errno;
    (void)fault("FAULT_CREATE", "create", &n_create, 0);
    errno = e;
  }
  return fd;
}

char *mkdtemp(char *tmpl) {
  char *d = NEXT(char *(*)(char *), "mkdtemp")(tmpl);
  if (d) {
    int e = errno;
    (void)fault("FAULT_CREATE", "create", &n_create, 0);
    errno = e;
  }
  return d;
}
