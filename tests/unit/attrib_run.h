/* attrib_run.h - helpers for the attribution unit tests: run the segmenter
 * on a string or a fixture and check each sentence's speaker and cue. */
#ifndef LXS_ATTRIB_RUN_H
#define LXS_ATTRIB_RUN_H

#include <stdio.h>

#include "segment.h"
#include "tokenize.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
  char *text;
  size_t len;
  lxs_tokenizer *tk;
  lxs_speakers sp;
  uint32_t *ss, *sf;
  uint8_t *cue;
} arun;

static inline char *read_fixture(const char *name, size_t *len) {
  *len = 0;
  char path[1024];
  const char *dirs[] = {"tests/fixtures/articles/", "../tests/fixtures/articles/",
                        "../../tests/fixtures/articles/", NULL};
  for (int i = 0; dirs[i]; i++) {
    snprintf(path, sizeof path, "%s%s", dirs[i], name);
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t got;
    while ((got = fread(b + n, 1, cap - n - 1, f)) > 0) {
      n += got;
      if (n + 1 >= cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
  }
  fail_msg("fixture %s not found", name);
  return NULL;
}

static inline char *read_seed(size_t *len) {
  *len = 0;
  const char *paths[] = {"corpora/cafta-3.0-global-times-2025-11-02.txt",
                         "../corpora/cafta-3.0-global-times-2025-11-02.txt", NULL};
  for (int i = 0; paths[i]; i++) {
    FILE *f = fopen(paths[i], "rb");
    if (!f) continue;
    char *b = malloc(1 << 16);
    size_t n = fread(b, 1, (1 << 16) - 1, f);
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
  }
  fail_msg("seed article not found");
  return NULL;
}

static inline void arun_text(arun *r, char *text, size_t len, const lxs_speaker_hints *hints) {
  r->text = text;
  r->len = len;
  r->tk = lxs_tokenizer_new();
  lxs_tokenize(r->tk, text, len);
  lxs_speakers_init(&r->sp);
  size_t n = r->tk->nsent + 1;
  r->ss = calloc(n, sizeof *r->ss);
  r->sf = calloc(n, sizeof *r->sf);
  r->cue = calloc(n, 1);
  lxs_attribute(r->tk, text, &r->sp, hints, r->ss, r->sf, r->cue);
}

static inline void arun_str(arun *r, const char *s, const lxs_speaker_hints *hints) {
  size_t n = strlen(s);
  char *t = malloc(n + 1);
  memcpy(t, s, n + 1);
  arun_text(r, t, n, hints);
}

static inline void arun_fixture(arun *r, const char *name) {
  size_t len;
  char *t = read_fixture(name, &len);
  arun_text(r, t, len, NULL);
}

static inline void arun_free(arun *r) {
  lxs_tokenizer_free(r->tk);
  lxs_speakers_free(&r->sp);
  free(r->ss);
  free(r->sf);
  free(r->cue);
  free(r->text);
}

/* Index of the first sentence containing needle. */
static inline size_t sent_with(const arun *r, const char *needle) {
  size_t nl = strlen(needle);
  for (size_t s = 0; s < r->tk->nsent; s++) {
    const lxs_sent *S = &r->tk->sents[s];
    for (size_t i = S->start; i + nl <= S->end; i++)
      if (memcmp(r->text + i, needle, nl) == 0) return s;
  }
  fail_msg("no sentence contains \"%s\"", needle);
  return 0;
}

#define EXPECT(r, needle, who, cuename)                                                            \
  do {                                                                                             \
    size_t s_ = sent_with((r), (needle));                                                          \
    const char *got_ = (r)->sp.names[(r)->ss[s_]];                                                 \
    if (strcmp(got_, (who)) != 0) fail_msg("\"%s\": speaker %s, want %s", (needle), got_, (who));  \
    if (strcmp(lxs_cue_name((r)->cue[s_]), (cuename)) != 0)                                        \
      fail_msg("\"%s\": cue %s, want %s", (needle), lxs_cue_name((r)->cue[s_]), (cuename));        \
  } while (0)

static inline void expect_speakers(const arun *r, const char *const *names) {
  size_t n = 0;
  while (names[n]) n++;
  if (r->sp.n != n) {
    for (size_t i = 0; i < r->sp.n; i++) print_message("speaker %zu: %s\n", i, r->sp.names[i]);
    fail_msg("%zu speakers, want %zu", r->sp.n, n);
  }
  for (size_t i = 0; i < n; i++) assert_string_equal(r->sp.names[i], names[i]);
}

static inline const char *desc_of(const arun *r, const char *name) {
  for (size_t i = 0; i < r->sp.n; i++)
    if (strcmp(r->sp.names[i], name) == 0) return r->sp.descs[i];
  fail_msg("no speaker %s", name);
  return NULL;
}

#endif
