/* hashtab.h - uthash for the library's tables: it allocates through
 * util.h, so running out of memory unwinds as any other allocation does
 * instead of uthash's exit(-1).  Include this, never <uthash.h>. */
#ifndef LXS_HASHTAB_H
#define LXS_HASHTAB_H

#include "util.h"

#define uthash_malloc(sz) lxs_uthash_malloc(sz)
#define uthash_fatal(msg) lxs_oom()
#include <uthash.h>

#endif
