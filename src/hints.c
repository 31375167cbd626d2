/* hints.c - user-supplied speakers (--speakers FILE): a canonical name and
 * the other ways a text names that speaker. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexstance.h"
#include "utf8.h"

static void clear(lxs_speaker_hints *h) {
  for (size_t i = 0; i < h->n; i++) {
    free(h->items[i].name);
    for (size_t k = 0; k < h->items[i].n_aliases; k++) free(h->items[i].aliases[k]);
    free(h->items[i].aliases);
  }
  free(h->items);
  memset(h, 0, sizeof *h);
}

/* Adds a speaker (or finds one with the same name); returns its index. */
static size_t add_name(lxs_speaker_hints *h, const char *name, size_t nlen) {
  char *nm = lxs_clean_copy(name, nlen);
  for (size_t i = 0; i < h->n; i++)
    if (strcasecmp(h->items[i].name, nm) == 0) {
      free(nm);
      return i;
    }
  LXS_VEC_GROW(h->items, h->n, h->cap);
  lxs_speaker_hint *it = &h->items[h->n];
  it->name = nm;
  it->aliases = NULL;
  it->n_aliases = 0;
  return h->n++;
}

static void add_alias(lxs_speaker_hints *h, size_t i, const char *alias, size_t alen) {
  if (i >= h->n) return;
  lxs_speaker_hint *it = &h->items[i];
  char *a = lxs_clean_copy(alias, alen);
  if (!a[0]) {
    free(a);
    return;
  }
  for (size_t k = 0; k < it->n_aliases; k++)
    if (strcasecmp(it->aliases[k], a) == 0) {
      free(a);
      return;
    }
  it->aliases = lxs_xrealloc(it->aliases, (it->n_aliases + 1) * sizeof(char *));
  it->aliases[it->n_aliases++] = a;
}

static int blank_field(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
  return 1;
}

static lxs_status load_buffer(lxs_speaker_hints *h, const char *name, const char *data, size_t len,
                              char *err, size_t errlen) {
  size_t pos = 0, line = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (pos < len) {
    line++;
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t le = end;
    if (le > pos && data[le - 1] == '\r') le--;
    const char *l = data + pos;
    size_t ln = le - pos;
    pos = nl ? end + 1 : len;
    if (blank_field(l, ln) || l[0] == '#') continue;
    if (lxs_utf8_validate(l, ln) != ln) {
      lxs_set_err(err, errlen, "%s:%zu: invalid UTF-8", name, line);
      return LXS_EDATA;
    }
    size_t fpos = 0, field = 1, idx = 0;
    for (;;) {
      const char *tab = memchr(l + fpos, '\t', ln - fpos);
      size_t fe = tab ? (size_t)(tab - l) : ln;
      if (blank_field(l + fpos, fe - fpos)) {
        if (field == 1) lxs_set_err(err, errlen, "%s:%zu: empty speaker name", name, line);
        else lxs_set_err(err, errlen, "%s:%zu: empty alias (field %zu)", name, line, field);
        return LXS_EDATA;
      }
      if (field == 1) idx = add_name(h, l + fpos, fe - fpos);
      else add_alias(h, idx, l + fpos, fe - fpos);
      if (!tab) break;
      fpos = fe + 1;
      field++;
    }
  }
  return LXS_OK;
}

static lxs_status load_file(lxs_speaker_hints *h, const char *path, char *err, size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_status rc = lxs_read_file(path, &b, err, errlen);
  if (rc == LXS_OK) rc = load_buffer(h, path, b.data ? b.data : "", b.len, err, errlen);
  lxs_buf_free(&b);
  return rc;
}

/* ---- the public API: guarded (util.h) ------------------------------------ */

lxs_speaker_hints *lxs_speaker_hints_new(void) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return NULL;
  lxs_speaker_hints *h = lxs_xcalloc(1, sizeof *h);
  lxs_guard_leave(&g);
  return h;
}

void lxs_speaker_hints_free(lxs_speaker_hints *h) {
  if (!h) return;
  clear(h);
  free(h);
}

size_t lxs_speaker_hints_count(const lxs_speaker_hints *h) { return h->n; }

lxs_status lxs_speaker_hints_add(lxs_speaker_hints *h, const char *name, const char *const *aliases,
                                 size_t n_aliases) {
  if (blank_field(name, strlen(name))) return LXS_EINVAL;
  for (size_t k = 0; k < n_aliases; k++)
    if (blank_field(aliases[k], strlen(aliases[k]))) return LXS_EINVAL;
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return LXS_ENOMEM;
  size_t i = add_name(h, name, strlen(name));
  for (size_t k = 0; k < n_aliases; k++) add_alias(h, i, aliases[k], strlen(aliases[k]));
  lxs_guard_leave(&g);
  return LXS_OK;
}

/* The two loaders under a guard: from a file (data NULL) or memory. */
static lxs_status guarded_load(lxs_speaker_hints *h, const char *name, const char *data, size_t len,
                               char *err, size_t errlen) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return lxs_out_of_memory(err, errlen);
  lxs_status rc = data ? load_buffer(h, name, data, len, err, errlen)
                       : load_file(h, name, err, errlen);
  lxs_guard_leave(&g);
  return rc;
}

lxs_status lxs_speaker_hints_load_file(lxs_speaker_hints *h, const char *path, char *err,
                                       size_t errlen) {
  return guarded_load(h, path, NULL, 0, err, errlen);
}

lxs_status lxs_speaker_hints_load_buffer(lxs_speaker_hints *h, const char *name, const char *data,
                                         size_t len, char *err, size_t errlen) {
  return guarded_load(h, name, data ? data : "", len, err, errlen);
}
