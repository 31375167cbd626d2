/* cmd_speakers.c - `lexstance speakers [--sentences] ARTICLE...`: who was
 * found speaking, how many sentences each has, and the cue that attributed
 * them, so a user can check the attribution before trusting a comparison. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "segment.h"

int cmd_speakers(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  int sentences = o.sentences;
  if (first >= argc) cli_usage_error("%s", "speakers needs at least one ARTICLE");
  lxs_lexicon *lex = cli_load_lexicon(&o);
  lxs_speaker_hints *hints = cli_load_hints(&o);
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  lxs_options sopt = {!o.no_attribution, hints};
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_buf_puts(&b, sentences ? "doc,sentence,byte_start,byte_end,speaker,cue\r\n"
                             : "doc,speaker,description,sentences,cues\r\n");
  int rc = 0;
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(argv[i], LXS_IN_TEXT, err, sizeof err);
    if (!rd) {
      cli_err("%s", err);
      rc = LXS_EIO;
      break;
    }
    lxs_record rec;
    int k = lxs_reader_next(rd, &rec, err, sizeof err);
    if (k < 0) {
      cli_err("%s", err);
      rc = LXS_EIO;
    } else if (k == 1) {
      const lxs_result *r = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      if (sentences) {
        for (size_t s = 0; s < r->n_sentences; s++) {
          const lxs_sentence *se = &r->sentences[s];
          lxs_csv_str(&b, rec.id);
          lxs_buf_printf(&b, ",%zu,%zu,%zu,", s + 1, se->start, se->end);
          lxs_csv_str(&b, r->speakers[se->speaker].name);
          lxs_buf_putc(&b, ',');
          lxs_buf_puts(&b, (se->flags & LXS_SENTENCE_HEADER) ? "header-line" : se->cue);
          lxs_buf_puts(&b, "\r\n");
        }
      } else {
        /* Per speaker: sentence count and the cues used, most used first. */
        size_t ns = r->n_speakers;
        size_t *count = lxs_xcalloc(ns + 1, sizeof *count);
        size_t *cues = lxs_xcalloc((ns + 1) * LXS_CUE_COUNT, sizeof *cues);
        for (size_t s = 0; s < r->n_sentences; s++) {
          const lxs_sentence *se = &r->sentences[s];
          if (se->flags & LXS_SENTENCE_HEADER) continue;
          count[se->speaker]++;
          for (int c = 0; c < LXS_CUE_COUNT; c++)
            if (strcmp(lxs_cue_name(c), se->cue) == 0) cues[se->speaker * LXS_CUE_COUNT + c]++;
        }
        for (size_t sp = 0; sp < ns; sp++) {
          if (!count[sp]) continue;
          lxs_csv_str(&b, rec.id);
          lxs_buf_putc(&b, ',');
          lxs_csv_str(&b, r->speakers[sp].name);
          lxs_buf_putc(&b, ',');
          lxs_csv_str(&b, r->speakers[sp].description);
          lxs_buf_printf(&b, ",%zu,", count[sp]);
          size_t *row = cues + sp * LXS_CUE_COUNT;
          int firstc = 1;
          for (;;) {
            int best = -1;
            for (int c = 0; c < LXS_CUE_COUNT; c++)
              if (row[c] && (best < 0 || row[c] > row[best])) best = c;
            if (best < 0) break;
            lxs_buf_printf(&b, "%s%s:%zu", firstc ? "" : " ", lxs_cue_name(best), row[best]);
            row[best] = 0;
            firstc = 0;
          }
          lxs_buf_puts(&b, "\r\n");
        }
        free(count);
        free(cues);
      }
    }
    lxs_reader_close(rd);
  }
  if (rc == 0) rc = cli_write_whole(o.output, &b);
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
