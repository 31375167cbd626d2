/* walk.c - the .txt files below a directory: regular files only, each
 * directory entered once (by device and inode), what is skipped reported.
 * See walk.h. */
#define _POSIX_C_SOURCE 200809L
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h" /* cli_err */
#include "strmap.h"
#include "util.h"

struct lxs_walk {
  char **paths;
  size_t n, cap;
  size_t skipped;
  lxs_strmap seen; /* "dev:ino" of every directory entered and file found */
};

lxs_walk *lxs_walk_new(void) {
  lxs_walk *w = lxs_xcalloc(1, sizeof *w);
  lxs_strmap_init(&w->seen);
  return w;
}

void lxs_walk_free(lxs_walk *w) {
  if (!w) return;
  for (size_t i = 0; i < w->n; i++) free(w->paths[i]);
  free(w->paths);
  lxs_strmap_free(&w->seen);
  free(w);
}

size_t lxs_walk_count(const lxs_walk *w) { return w->n; }
const char *lxs_walk_path(const lxs_walk *w, size_t i) { return i < w->n ? w->paths[i] : NULL; }
size_t lxs_walk_skipped(const lxs_walk *w) { return w->skipped; }

static void skip(lxs_walk *w, const char *path, const char *reason) {
  cli_err("%s: skipped: %s", path, reason);
  w->skipped++;
}

static int is_txt(const char *name) {
  size_t l = strlen(name);
  return l > 4 && strcmp(name + l - 4, ".txt") == 0;
}

/* -1 the first time a file or directory is seen (it is then recorded as
 * the index-th path), else the index recorded. */
static int first_visit(lxs_walk *w, const struct stat *st, int index) {
  char key[48];
  int n = snprintf(key, sizeof key, "%jx:%jx", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
  int seen = lxs_strmap_get(&w->seen, key, (size_t)n);
  if (seen < 0) lxs_strmap_put(&w->seen, key, (size_t)n, index, 0);
  return seen;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir (not those starting with '.'), sorted; the directory
 * is closed before its entries are walked, so depth costs no descriptors.
 * NULL (errno set) when it cannot be read. */
static char **read_names(const char *dir, size_t *n) {
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char **names = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    errno = 0; /* readdir's end and its failure differ only in errno */
    struct dirent *de = readdir(d);
    if (!de) break;
    if (de->d_name[0] == '.') continue;
    LXS_VEC_GROW(names, *n, cap);
    names[(*n)++] = lxs_xstrndup(de->d_name, strlen(de->d_name));
  }
  int saved = errno;
  closedir(d);
  if (saved) { /* a read error part-way: what was read is not the listing */
    for (size_t i = 0; i < *n; i++) free(names[i]);
    free(names);
    errno = saved;
    return NULL;
  }
  if (*n) qsort(names, *n, sizeof *names, cmp_str);
  return names ? names : lxs_xcalloc(1, sizeof *names);
}

static void walk(lxs_walk *w, const char *dir);

/* One entry: a file to score, a directory to enter, or a skip. */
static void visit(lxs_walk *w, const char *path, const char *name) {
  struct stat st, lst;
  if (stat(path, &st) != 0) {
    int dangling = errno == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
    skip(w, path, dangling ? "dangling symbolic link" : strerror(errno));
  } else if (S_ISDIR(st.st_mode)) {
    if (first_visit(w, &st, INT_MAX) < 0) walk(w, path);
  } else if (!is_txt(name)) {
    /* not a candidate */
  } else if (S_ISREG(st.st_mode)) {
    /* a file reached twice (a link, a hard link) is one document */
    int seen = first_visit(w, &st, (int)w->n);
    if (seen >= 0) {
      cli_err("%s: the same file as %s, scored once", path, w->paths[seen]);
      return;
    }
    LXS_VEC_GROW(w->paths, w->n, w->cap);
    w->paths[w->n++] = lxs_xstrndup(path, strlen(path));
  } else {
    skip(w, path,
         S_ISFIFO(st.st_mode)   ? "not a regular file (a FIFO)"
         : S_ISSOCK(st.st_mode) ? "not a regular file (a socket)"
                                : "not a regular file (a device)");
  }
}

static void walk(lxs_walk *w, const char *dir) {
  size_t n;
  char **names = read_names(dir, &n);
  if (!names) {
    skip(w, dir, strerror(errno));
    return;
  }
  size_t dl = strlen(dir);
  for (size_t i = 0; i < n; i++) {
    size_t nl = strlen(names[i]);
    char *path = lxs_xmalloc(dl + nl + 2);
    memcpy(path, dir, dl);
    path[dl] = '/';
    memcpy(path + dl + 1, names[i], nl + 1);
    if (dl + 1 + nl >= PATH_MAX) skip(w, path, "path longer than PATH_MAX");
    else visit(w, path, names[i]);
    free(path);
    free(names[i]);
  }
  free(names);
}

int lxs_walk_dir(lxs_walk *w, const char *dir, char *err, size_t errlen) {
  struct stat st;
  if (stat(dir, &st) != 0) {
    lxs_set_err(err, errlen, "%s: %s", dir, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    lxs_set_err(err, errlen, "%s: not a directory", dir);
    return -1;
  }
  size_t dl = strlen(dir);
  while (dl > 1 && dir[dl - 1] == '/') dl--; /* "corpus/" lists corpus/a.txt */
  char *root = lxs_xstrndup(dir, dl);
  if (first_visit(w, &st, INT_MAX) < 0) walk(w, root);
  free(root);
  return 0;
}
