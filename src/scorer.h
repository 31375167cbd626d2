/* scorer.h - internal access to a scorer's stages (for tools and tests). */
#ifndef LXS_SCORER_H
#define LXS_SCORER_H

#include "lexstance.h"
#include "match.h"
#include "stem.h"
#include "tokenize.h"

lxs_tokenizer *lxs_scorer_tokenizer(lxs_scorer *sc);
const lxs_matcher *lxs_scorer_matcher(const lxs_scorer *sc);
lxs_stemmer *lxs_scorer_stemmer(lxs_scorer *sc);
/* When the sentences are all the author's (segment_speakers 0) and only
 * theme scores and tone are wanted -- no per-speaker totals, where the
 * holder of a view gets its part of the tone -- the holders of reported
 * views matter only in documents naming a theme: the others skip the
 * segmenter (a third of the instructions on short real texts). */
void lxs_scorer_theme_views_only(lxs_scorer *sc, int on);

/* Whether results list their evidence (the default): off for callers
 * that never read it, such as score's rows (make bench-ipb: 165.9 ->
 * 164.9 instructions per byte steady). */
void lxs_scorer_keep_evidence(lxs_scorer *sc, int on);

#endif
