/* walk.h - the .txt files below a directory (score -r DIR), for the CLI.
 *
 * Only regular files are scored.  Symbolic links are followed, to files
 * and to directories, but every directory is entered once (they are told
 * apart by device and inode): a link back up the tree (`ln -s .. up`) or
 * two links to one place add nothing twice, and a loop ends.  A file
 * reached by two names (a link) is one document, under the first name
 * (a note says so).  What cannot
 * be scored is reported as it is found, one line each ("lexstance: PATH:
 * skipped: REASON"): a .txt name that is not a regular file (a FIFO, which
 * would block forever; a device such as a link to /dev/zero, which would
 * read until memory runs out; a socket), a dangling link, an entry or
 * directory that cannot be read, and a path longer than PATH_MAX.  Names
 * starting with '.' are left out, as ls does.  The order is sorted by
 * name at each level, so runs are reproducible. */
#ifndef LXS_WALK_H
#define LXS_WALK_H

#include <stddef.h>

typedef struct lxs_walk lxs_walk;

lxs_walk *lxs_walk_new(void);
void lxs_walk_free(lxs_walk *w); /* accepts NULL */
/* Adds the files below dir.  0, or -1 with err when dir itself cannot be
 * read as a directory. */
int lxs_walk_dir(lxs_walk *w, const char *dir, char *err, size_t errlen);
/* The files found so far, in order (owned by w). */
size_t lxs_walk_count(const lxs_walk *w);
const char *lxs_walk_path(const lxs_walk *w, size_t i);
/* How many paths were skipped (each reported on standard error). */
size_t lxs_walk_skipped(const lxs_walk *w);

#endif
