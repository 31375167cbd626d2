/* hints.c - user-supplied speakers (--speakers FILE): a canonical name and
 * the other ways a text names that speaker. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexstance.h"
#include "utf8.h"

void lxs_speaker_hints_init(lxs_speaker_hints *h) { memset(h, 0, sizeof *h); }

void lxs_speaker_hints_free(lxs_speaker_hints *h) {
  for (size_t i = 0; i < h->n; i++) {
    free(h->items[i].name);
    for (size_t k = 0; k < h->items[i].n_aliases; k++) free(h->items[i].aliases[k]);
    free(h->items[i].aliases);
  }
  free(h->items);
  memset(h, 0, sizeof *h);
}

size_t lxs_speaker_hints_add(lxs_speaker_hints *h, const char *name,
                             size_t nlen) {
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

void lxs_speaker_hints_add_alias(lxs_speaker_hints *h, size_t i,
                                 const char *alias, size_t alen) {
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

int lxs_speaker_hints_load_buffer(lxs_speaker_hints *h, const char *name,
                                  const char *data, size_t len, char *err,
                                  size_t errlen) {
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
        if (field == 1)
          lxs_set_err(err, errlen, "%s:%zu: empty speaker name", name, line);
        else
          lxs_set_err(err, errlen, "%s:%zu: empty alias (field %zu)", name, line, field);
        return LXS_EDATA;
      }
      if (field == 1) idx = lxs_speaker_hints_add(h, l + fpos, fe - fpos);
      else lxs_speaker_hints_add_alias(h, idx, l + fpos, fe - fpos);
      if (!tab) break;
      fpos = fe + 1;
      field++;
    }
  }
  return LXS_OK;
}

int lxs_speaker_hints_load(lxs_speaker_hints *h, const char *path, char *err,
                           size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = lxs_read_file(path, &b, err, errlen);
  if (rc == 0)
    rc = lxs_speaker_hints_load_buffer(h, path, b.data ? b.data : "", b.len, err, errlen);
  lxs_buf_free(&b);
  return rc;
}
