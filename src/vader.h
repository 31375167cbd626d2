/* vader.h - VADER-compatible sentiment scoring (internal).
 *
 * A C re-implementation of the rule set of Hutto & Gilbert (ICWSM 2014) as
 * shipped in the `vaderSentiment` Python package
 * (SentimentIntensityAnalyzer.polarity_scores), written from the published
 * description and behaviour.  It reproduces the reference outputs bit for
 * bit after rounding, including the reference's quirks (see vader.c).
 *
 * Threading: an lxs_vader holds its own scratch buffers, so one lxs_vader
 * must be used by one thread at a time.  Give each thread its own instance
 * (loading the lexicons once per instance). */
#ifndef LXS_VADER_H
#define LXS_VADER_H

#include <stddef.h>

#include "lexstance.h"

typedef struct lxs_vader lxs_vader;

typedef struct {
  double neg, neu, pos, compound;
} lxs_vader_scores;

lxs_vader *lxs_vader_new(void);
void lxs_vader_free(lxs_vader *v); /* accepts NULL */

/* Load VADER's lexicon format: token<TAB>mean[<TAB>...], one entry a line.
 * A later line for the same token replaces the earlier one (as the
 * reference's dict does).  Blank lines are skipped.  Returns LXS_OK,
 * LXS_EIO when the file cannot be read, or LXS_EDATA with err =
 * "PATH:LINE: message" for a malformed line (missing tab, empty token,
 * non-numeric mean); entries before the bad line stay loaded.  Means are
 * parsed with strtod, so LC_NUMERIC must be "C" (the default). */
lxs_status lxs_vader_load_lexicon(lxs_vader *v, const char *path, char *err, size_t errlen);
lxs_status lxs_vader_load_lexicon_buffer(lxs_vader *v, const char *name, const char *data,
                                         size_t len, char *err, size_t errlen);

/* Load the emoji lexicon: emoji<TAB>description.  Like the reference, only
 * keys that are a single code point can ever match, so multi-code-point keys
 * (ZWJ sequences, flags, skin tones) are accepted and ignored. */
lxs_status lxs_vader_load_emoji(lxs_vader *v, const char *path, char *err, size_t errlen);
lxs_status lxs_vader_load_emoji_buffer(lxs_vader *v, const char *name, const char *data, size_t len,
                                       char *err, size_t errlen);

/* Score one text (any bytes; invalid UTF-8 is read as U+FFFD).  *out gets
 * the values rounded exactly like the reference (Python round() on the
 * binary double: neg/neu/pos to 3 decimals, compound to 4); *raw, if not
 * NULL, gets the unrounded values. */
void lxs_vader_score(lxs_vader *v, const char *text, size_t len, lxs_vader_scores *out,
                     lxs_vader_scores *raw);

/* Python's round(x, ndigits) for doubles (correctly rounded, ties to even
 * on the exact binary value).  ndigits in 0..15. */
double lxs_vader_round(double x, int ndigits);

/* Format x like Python's repr(float): shortest string that reads back to
 * the same double ("0.0", "-0.128", "0.9571", "1e-05").  Returns the
 * length written (always NUL-terminated; buf should hold >= 32 bytes). */
size_t lxs_vader_format(double x, char *buf, size_t buflen);

#endif
