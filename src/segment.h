/* segment.h - stage 5: who is speaking.  Splits an article into speaker
 * sections: round-up header lines ("Name, title, affiliation") and explicit
 * "Speaker: Name" lines start a section; text before the first belongs to
 * the author. */
#ifndef LXS_SEGMENT_H
#define LXS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "tokenize.h"
#include "util.h"

#define LXS_SENT_HEADER 1u  /* the speaker's header line itself */

typedef struct {
  char **names;
  char **descs;
  size_t n, cap;
} lxs_speakers;

void lxs_speakers_init(lxs_speakers *sp);
void lxs_speakers_clear(lxs_speakers *sp);  /* keeps index 0 = author */
void lxs_speakers_free(lxs_speakers *sp);
uint32_t lxs_speakers_intern(lxs_speakers *sp, const char *name, size_t nlen,
                             const char *desc, size_t dlen);

/* Assign each sentence a speaker (sent_speaker) and flags (sent_flags). */
void lxs_segment(const lxs_tokenizer *tk, const char *text,
                 lxs_speakers *sp, uint32_t *sent_speaker,
                 uint32_t *sent_flags);

#endif
