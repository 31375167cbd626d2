/* wordclass.h - internal: the segmenter's and the scorer's word classes (titles, roles,
 * organisations, places, openers, speech verbs, ...), looked up by a
 * word's surface form, ASCII case-insensitively.  The words and their
 * classes are data: the files in lexicons/words/, embedded at build time (see
 * lexicons/words/README.md for the format and the class names). */
#ifndef LXS_WORDCLASS_H
#define LXS_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t lxs_wbits;

#define W_BIT(n) ((lxs_wbits)1 << (n))
#define W_TITLE W_BIT(0)   /* office or honorific before a name: dr, minister */
#define W_ROLE W_BIT(1)    /* role noun: economist, spokesperson */
#define W_ROLEADJ W_BIT(2) /* former, senior, foreign (in "Foreign Minister") */
#define W_ORG W_BIT(3)     /* ministry, institute, bank, times */
#define W_PLACE W_BIT(4)   /* countries, cities, regions */
#define W_NATION W_BIT(5)  /* chinese, american */
#define W_OPENER W_BIT(6)  /* capitalised sentence openers, never names */
#define W_TIME W_BIT(7)    /* months, weekdays */
#define W_META W_BIT(8)    /* article furniture labels: photo, source */
#define W_SAY W_BIT(9)     /* speech verb */
#define W_WEAK W_BIT(10)   /* speech verb only before that/:/quote or after a quote */
#define W_SAYING W_BIT(11) /* participle: ", saying ..." */
#define W_ADD W_BIT(12)    /* continuation verb: added, continued */
#define W_MALE W_BIT(13)
#define W_FEMALE W_BIT(14)
#define W_AUX W_BIT(15) /* may stand between subject and verb */
#define W_DET W_BIT(16)
#define W_PARTICLE W_BIT(17)
#define W_ASKER W_BIT(18)   /* Q, Question, Interviewer */
#define W_ANSWER W_BIT(19)  /* A, Answer */
#define W_POSTNOM W_BIT(20) /* PhD */
#define W_STOP W_BIT(21)    /* function word: ends a noun phrase */
#define W_HONOR W_BIT(22)   /* pure honorific (not a description): mr, dr */
#define W_NEG W_BIT(23)     /* not, never: the verb does not report speech */
#define W_GROUPN W_BIT(24)  /* plural speakers: officials, analysts */
#define W_SUFFIX W_BIT(25)  /* Jr, III */
#define W_OPINE W_BIT(26)   /* believes, thinks: a clause follows without "that" */
/* The scorer's classes (lexicons/words/scoring.tsv): */
#define W_COORD W_BIT(27)     /* and, or, nor: negation carries over it */
#define W_PASSIVE W_BIT(28)   /* is, got, became: a harm word after it is passive */
#define W_FIRSTP W_BIT(29)    /* i, we, our: a view "we" report is the speaker's */
#define W_REFLEXIVE W_BIT(30) /* itself: dropped from a holder's name */
#define W_HOLDERDET W_BIT(31) /* the, some, many: dropped before a holder */
#define W_NOUNDET W_BIT(32)   /* the, a, its: a reporting word after it is a noun */
#define W_CLAUSEW W_BIT(33)   /* and, which, is: a holder with it is a clause */
/* The segmenter's speech and name classes: */
#define W_URGE W_BIT(34)    /* urged: also before object + "to" */
#define W_INF W_BIT(35)     /* vowed, proposed: also before "to" + verb or -ing */
#define W_ACT W_BIT(36)     /* praised, condemned: evaluates its object */
#define W_AS W_BIT(37)      /* described: reports when "as" follows */
#define W_CALL W_BIT(38)    /* called: before on/for or a quotation */
#define W_LIGHT W_BIT(39)   /* issued, voiced: with a speech noun after it */
#define W_NOUN W_BIT(40)    /* statement, warning, concerns */
#define W_VIEW W_BIT(41)    /* "In X's view" */
#define W_GIVEN W_BIT(42)   /* a given name (with male or female) */
#define W_PHRASAL W_BIT(43) /* pointed, hit: reports only with a particle next (frames.c) */

/* More of the scorer's classes: */
#define W_SUFFERPREP W_BIT(44) /* of, in: after a decay word, what suffers it */
#define W_CAUSEPREP W_BIT(45)  /* of, from: after a threat word, the threat itself */
#define W_INFINITIVE W_BIT(46) /* to: "threatened to impose tariffs" */
#define W_SHELLDET W_BIT(47)   /* the, this, such: a shell noun after it refers back */
#define W_SINGULAR W_BIT(48)   /* it, its: an anaphor for a singular term */
#define W_PLURAL W_BIT(49)     /* they, them: an anaphor for a plural term */
#define W_UNDERGO W_BIT(50)    /* face, suffer: its subject undergoes the harm after it */
#define W_RELATIVE W_BIT(51)   /* which: an anaphor for the noun right before it */
#define W_HOLDERN W_BIT(52)    /* critic, supporter: "X is a vocal critic of" holds a view */
#define W_TOPICPREP W_BIT(53)  /* over, about: after an oppose word, the topic of a dispute */
#define W_PREP W_BIT(54)       /* with, for, against: an adjective after it describes its head */
#define W_MEANS W_BIT(55)      /* with, through: after a harm, introduces its means */
#define W_STANCE W_BIT(56)     /* supports, opposes: a person's stance, not an organisation's */
#define W_PROXY W_BIT(57)      /* office, spokesperson: "X's office said" speaks for X */
#define W_EVENT W_BIT(58)      /* talks, summit: a meeting whose course is news, not a verdict */
#define W_RECEIVE W_BIT(59)    /* drew, attracted: its subject receives the verdict after it */
#define W_NCLASSES 60

/* Any verb form that may report speech. */
#define W_SPEECH                                                                                   \
  (W_SAY | W_WEAK | W_SAYING | W_URGE | W_INF | W_ACT | W_AS | W_CALL | W_LIGHT | W_PHRASAL)

#define W_NONNAME                                                                                  \
  (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_PLACE | W_NATION | W_OPENER | W_TIME | W_META)

/* Class bits of a word (ASCII case-insensitive); 0 for unknown words. */
lxs_wbits lxs_wclass(const char *s, size_t n);

/* lxs_wclass(s, n) of a word the tokenizer hashed (hash: lxs_hash_word of
 * its normal form s[0..n); 0 for none), remembered per thread by the
 * hash: the scorer asks about the same few words in sentence after
 * sentence. */
lxs_wbits lxs_wclass_hashed(const char *s, size_t n, uint64_t hash);

/* The name of class bit n ("title", "say", ...), or NULL. */
const char *lxs_wclass_name(unsigned n);

/* Reads the embedded word lists again and reports the first malformed
 * line as "lexicons/words/x.tsv:LINE: message"; LXS_OK when all are
 * clean (a build with a bad list fails its unit test, not a user). */
int lxs_wordclass_check(char *err, size_t errlen);

/* A plain word list of lexicons/words/ (a .txt file: one word a line,
 * '#' starts a comment line), read in file order:
 *
 *   lxs_word_cursor c = lxs_word_list("common.txt");
 *   while (lxs_word_list_next(&c, &w, &n)) ...
 *
 * The words point into the embedded data (not NUL-terminated) and live as
 * long as the program.  A name that is not embedded gives no words. */
typedef struct {
  const char *at, *end;
} lxs_word_cursor;
lxs_word_cursor lxs_word_list(const char *name);
int lxs_word_list_next(lxs_word_cursor *c, const char **w, size_t *n);

/* Is w one of the NULL-terminated list l? */
int lxs_in_words(const char *const *l, const char *w);

#endif
