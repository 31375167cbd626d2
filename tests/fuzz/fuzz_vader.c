/* libFuzzer target: VADER mode.  Input "LEXICON\0TEXT" loads LEXICON (in
 * VADER's format) over a small invented one and scores TEXT; input without
 * a NUL is all text.  A load succeeds or fails with "fuzz_vader.txt:...";
 * neg, neu and pos lie in [0, 1] and sum to 1 (or are all 0 with an empty
 * text), compound in [-1, 1], all finite. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexstance.h"
#include "vader.h"

static const char kLexicon[] = "good\t1.9\t0.9\t[2, 2, 1, 2, 2, 2, 2, 1, 3, 2]\n"
                               "great\t3.1\t0.5\t[3]\nbad\t-2.5\t0.8\t[-2]\n"
                               "horrible\t-2.5\t1\t[-3]\nfine\t0.8\t0.4\t[1]\n"
                               "kind\t2.4\t0.5\t[2]\nlol\t1.8\t0.6\t[2]\n:)\t2.0\t1\t[2]\n"
                               "no\t-1.2\t0.7\t[-1]\nlike\t2\t0.5\t[2]\n";
static const char kEmoji[] = "\xf0\x9f\x98\x80\tgrinning face\n\xf0\x9f\x98\xa2\tcrying face\n";

static void check(const lxs_vader_scores *s) {
  if (!isfinite(s->neg) || !isfinite(s->neu) || !isfinite(s->pos) || !isfinite(s->compound))
    abort();
  if (s->neg < 0 || s->neg > 1 || s->neu < 0 || s->neu > 1 || s->pos < 0 || s->pos > 1) abort();
  if (fabs(s->compound) > 1) abort();
  double sum = s->neg + s->neu + s->pos;
  if (sum != 0 && fabs(sum - 1) > 0.002) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  lxs_vader *v = lxs_vader_new();
  if (lxs_vader_load_lexicon_buffer(v, "base_vader.txt", kLexicon, sizeof kLexicon - 1, err,
                                    sizeof err) ||
      lxs_vader_load_emoji_buffer(v, "emoji.txt", kEmoji, sizeof kEmoji - 1, err, sizeof err))
    abort();
  const uint8_t *nul = memchr(data, 0, size);
  const char *text = (const char *)data;
  size_t len = size;
  if (nul) {
    err[0] = '\0';
    lxs_status rc = lxs_vader_load_lexicon_buffer(v, "fuzz_vader.txt", (const char *)data,
                                                  (size_t)(nul - data), err, sizeof err);
    if (rc != LXS_OK && strncmp(err, "fuzz_vader.txt:", 15) != 0) abort();
    text = (const char *)nul + 1;
    len = size - (size_t)(nul - data) - 1;
  }
  lxs_vader_scores out, raw;
  lxs_vader_score(v, text, len, &out, &raw);
  check(&out);
  if (!isfinite(raw.compound) || fabs(raw.compound) > 1) abort();
  lxs_vader_free(v);
  return 0;
}
