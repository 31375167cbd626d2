/* libFuzzer target: invariants of a scored document with speaker hints.
 * Input "HINTS\0TEXT" loads HINTS ("Name<TAB>alias..." lines) as the
 * --speakers file, else invented hints are used and all of it is text.
 * Every sentence lies inside the document, in order and apart; every match
 * lies inside its sentence and ties to a target inside the document; every
 * speaker and holder index is in range; every number is finite. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_scorer.h"
#include "lexstance.h"

static const char kHints[] = "Maria Tanaka\tTanaka\tthe trade minister\n"
                             "Kofi Mensah\tMensah\tthe envoy\n# a comment\n\n"
                             "Ana Lima\tLima\n";

static void check(const lxs_result *r, size_t size) {
  size_t prev_end = 0;
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *x = &r->sentences[s];
    if (x->start > x->end || x->end > size || x->start < prev_end) abort();
    prev_end = x->end;
    if (x->speaker >= r->n_speakers) abort();
    if (x->holder != LXS_NO_HOLDER && x->holder >= r->n_speakers) abort();
    if (!(fabs(x->sentiment) <= 1.0) || !x->cue) abort();
    for (size_t t = 0; t < r->n_themes; t++) {
      const lxs_theme_score *ts = &r->scores[s * r->n_themes + t];
      if (!(fabs(ts->stance) <= 1.0) || !isfinite(ts->raw) || !isfinite(ts->held_raw)) abort();
      if (ts->held_mentions > ts->mentions) abort();
    }
  }
  for (size_t e = 0; e < r->n_evidence; e++) {
    const lxs_evidence *ev = &r->evidence[e];
    if (ev->sentence >= r->n_sentences) abort();
    const lxs_sentence *x = &r->sentences[ev->sentence];
    if (ev->start > ev->end || ev->start < x->start || ev->end > x->end) abort();
    if (ev->target_start > ev->target_end || ev->target_end > size) abort();
    if (ev->theme != LXS_THEME_NONE && ev->theme >= r->n_themes) abort();
    if (!ev->term || !ev->role || !isfinite(ev->contribution) || !isfinite(ev->weight)) abort();
  }
  if (r->n_speakers < 1 || strcmp(r->speakers[0].name, "author") != 0) abort();
  for (size_t sp = 0; sp < r->n_speakers; sp++)
    if (!r->speakers[sp].name || !r->speakers[sp].description) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lxs_scorer *sc = fuzz_default_scorer();
  char err[512];
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  const uint8_t *nul = memchr(data, 0, size);
  const char *text = (const char *)data;
  size_t len = size;
  if (nul) {
    err[0] = '\0';
    lxs_status rc = lxs_speaker_hints_load_buffer(h, "fuzz.speakers", (const char *)data,
                                                  (size_t)(nul - data), err, sizeof err);
    if (rc != LXS_OK && strncmp(err, "fuzz.speakers:", 14) != 0) abort();
    text = (const char *)nul + 1;
    len = size - (size_t)(nul - data) - 1;
  } else if (lxs_speaker_hints_load_buffer(h, "hints", kHints, sizeof kHints - 1, err,
                                           sizeof err)) {
    abort();
  }
  lxs_options opt = {1, h};
  const lxs_result *r = lxs_scorer_run(sc, text, len, &opt);
  if (!r) abort();
  check(r, len);
  lxs_speaker_hints_free(h);
  return 0;
}
