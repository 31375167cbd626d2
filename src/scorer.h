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

#endif
