/* wordclass.h - internal: the segmenter's word classes (titles, roles,
 * organisations, places, openers, speech verbs, ...), looked up by a
 * word's surface form, ASCII case-insensitively. */
#ifndef LXS_WORDCLASS_H
#define LXS_WORDCLASS_H

#include <stddef.h>

enum {
  W_TITLE = 1u << 0,    /* office or honorific before a name: dr, minister */
  W_ROLE = 1u << 1,     /* role noun: economist, spokesperson */
  W_ROLEADJ = 1u << 2,  /* former, senior, foreign (in "Foreign Minister") */
  W_ORG = 1u << 3,      /* ministry, institute, bank, times */
  W_PLACE = 1u << 4,    /* countries, cities, regions */
  W_NATION = 1u << 5,   /* chinese, american */
  W_OPENER = 1u << 6,   /* capitalised sentence openers, never names */
  W_TIME = 1u << 7,     /* months, weekdays */
  W_META = 1u << 8,     /* article furniture labels: photo, source */
  W_SAY = 1u << 9,      /* speech verb */
  W_WEAK = 1u << 10,    /* speech verb only before that/:/quote or after a quote */
  W_SAYING = 1u << 11,  /* participle: ", saying ..." */
  W_ADD = 1u << 12,     /* continuation verb: added, continued */
  W_MALE = 1u << 13,
  W_FEMALE = 1u << 14,
  W_AUX = 1u << 15,     /* may stand between subject and verb */
  W_DET = 1u << 16,
  W_PARTICLE = 1u << 17,
  W_ASKER = 1u << 18,   /* Q, Question, Interviewer */
  W_ANSWER = 1u << 19,  /* A, Answer */
  W_POSTNOM = 1u << 20, /* PhD */
  W_STOP = 1u << 21,    /* function word: ends a noun phrase */
  W_HONOR = 1u << 22,   /* pure honorific (not a description): mr, dr */
  W_NEG = 1u << 23,     /* not, never: the verb does not report speech */
  W_GROUPN = 1u << 24,  /* plural speakers: officials, analysts */
  W_SUFFIX = 1u << 25,  /* Jr, III */
  W_OPINE = 1u << 26,   /* believes, thinks: a clause follows without "that" */
};

#define W_NONNAME (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_PLACE | W_NATION | \
                   W_OPENER | W_TIME | W_META)

/* Class bits of a word (ASCII case-insensitive); 0 for unknown words. */
unsigned lxs_wclass(const char *s, size_t n);

/* Is w one of the NULL-terminated list l? */
int lxs_in_words(const char *const *l, const char *w);

#endif
