/* validate.h - comparing the tool with hand codes (`lexstance validate`):
 * agreement measures, locating a labelled sentence in its article, the
 * tool's prediction for a span, and matching speaker names.  Nothing here
 * prints; src/cmd_validate.c writes the reports.
 *
 * Labels are -1, 0, +1 or absent (the sentence does not name the theme);
 * matrices are indexed by lxs_label_index: 0 = -1, 1 = 0, 2 = +1, 3 = absent,
 * rows gold, columns predicted. */
#ifndef LXS_VALIDATE_H
#define LXS_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "labels.h"
#include "lexstance.h"
#include "util.h"

static inline int lxs_label_index(int v) { return v == LXS_GOLD_ABSENT ? 3 : v + 1; }

/* ---- agreement measures -------------------------------------------------- */

/* Macro-F1 of a k x k confusion matrix m[gold * k + pred]: the mean over
 * classes of F1 = 2 tp / (2 tp + fp + fn), leaving out a class that no
 * gold row and no prediction has (it has no F1; scikit-learn's rule).
 * NAN when the matrix is empty. */
double lxs_macro_f1(const unsigned long *m, size_t k);
/* Cohen's kappa (po - pe) / (1 - pe) of a k x k matrix; NAN when it is
 * empty or pe = 1 (both raters always use one class). */
double lxs_cohen_kappa(const unsigned long *m, size_t k);

typedef struct {
  unsigned long tp, fp, fn;
  double precision, recall, f1; /* NAN when undefined (0/0) */
} lxs_prf;
void lxs_prf_set(lxs_prf *p, unsigned long tp, unsigned long fp, unsigned long fn);

/* One theme's counts: the 4 x 4 matrix of gold x predicted labels. */
typedef struct {
  unsigned long m[4][4];
} lxs_confusion;

static inline void lxs_confusion_add(lxs_confusion *c, int gold, int pred) {
  c->m[lxs_label_index(gold)][lxs_label_index(pred)]++;
}

typedef struct {
  unsigned long rows;         /* labelled rows scored */
  unsigned long gold_present; /* rows whose label names the theme */
  unsigned long detected;     /* of those, rows where the tool found it */
  lxs_prf detection;          /* gold names the theme vs tool mentions it */
  double macro_f1;            /* -1/0/+1 on gold-present rows, absent -> 0 */
  double macro_f1_detected;   /* -1/0/+1 on rows both name */
  double kappa4;              /* absent/-1/0/+1 on all rows */
  double kappa_stance;        /* -1/0/+1 on gold-present rows, absent -> 0 */
  unsigned long stance[3][4]; /* gold -1/0/+1 x predicted -1/0/+1/absent */
} lxs_theme_metrics;

void lxs_theme_metrics_compute(const lxs_confusion *c, lxs_theme_metrics *out);

/* ---- locating a labelled sentence ------------------------------------------ */

/* A text with its whitespace runs folded to one space (spaces, tabs, line
 * ends, no-break spaces), and where each folded byte came from, so that a
 * sentence copied with other line breaks or spacing is still found. */
typedef struct {
  lxs_buf folded;
  size_t *from; /* folded byte i came from text byte from[i] */
  size_t cap;
} lxs_span_index;

void lxs_span_index_init(lxs_span_index *ix);
void lxs_span_index_build(lxs_span_index *ix, const char *text, size_t len);
void lxs_span_index_free(lxs_span_index *ix);
/* Finds sentence (folded the same way, trimmed) at or after text byte
 * `from`; sets [*start, *end) in the text.  Returns 0, or -1 when absent. */
int lxs_span_find(const lxs_span_index *ix, const char *sentence, size_t len, size_t from,
                  size_t *start, size_t *end);

/* The tool's sentences overlapping the byte range [start, end): the first
 * in *first, the count returned (sentences are in text order). */
size_t lxs_span_sentences(const lxs_result *r, size_t start, size_t end, size_t *first);

/* ---- names ---------------------------------------------------------------- */

/* Identity key of a person's name: the canonical name (titles dropped,
 * initials joined), case and diacritics folded, punctuation as spaces:
 * "President José  Núñez" -> "jose nunez". */
void lxs_name_key(const char *name, size_t len, lxs_buf *out);

/* How two keys match: 0 not at all, 1 surname only (one key is a single
 * word equal to the other's last word), 2 same first and last word
 * (middle names and initials ignored), 3 equal. */
int lxs_name_match(const char *a, const char *b);

/* A set of names keyed for matching, sorted by last word so that a lookup
 * compares only the names that share it (lxs_name_match needs equal last
 * words): matching stays linear in the names for real text. */
typedef struct {
  char *key;
  size_t id; /* the caller's id for the name */
} lxs_name_entry;

typedef struct {
  lxs_name_entry *e;
  size_t n, cap;
} lxs_name_set;

void lxs_name_set_init(lxs_name_set *s);
void lxs_name_set_clear(lxs_name_set *s);
void lxs_name_set_free(lxs_name_set *s);
/* Adds the key of name (nothing for a name with an empty key). */
void lxs_name_set_add(lxs_name_set *s, const char *name, size_t id);
/* Sorts the set (call after the last add); with dedupe, a key seen
 * before is dropped (the first id stays). */
void lxs_name_set_finish(lxs_name_set *s, int dedupe);
/* The entry of s best matching key (the highest lxs_name_match level, the
 * first on ties), skipping entries marked in used (may be NULL) and
 * matches below min_level; -1 when none.  *level gets the match level. */
long lxs_name_set_best(const lxs_name_set *s, const char *key, const unsigned char *used,
                       int min_level, int *level);
/* Pairs names of a with names of b one to one, equal keys first, then
 * same first and last word, then surname only; returns the pairs. */
size_t lxs_name_set_pairs(const lxs_name_set *a, const lxs_name_set *b);

/* ---- display -------------------------------------------------------------- */

/* Appends s[0..len) for a terminal message: at most max bytes (then
 * "..."), control characters and invalid bytes shown as '?'. */
void lxs_display_text(const char *s, size_t len, size_t max, lxs_buf *out);

#endif
