/* partial.h - mergeable results.  A partial file holds, per document and
 * speaker, the sufficient statistics of every theme; `lexstance merge`
 * combines any number of them into the report one run over all the input
 * gives.  Format (UTF-8 text, LF):
 *
 *   #lexstance-partial 1
 *   #themes<TAB>theme1<TAB>theme2...
 *   U<TAB>speaker<TAB>doc<TAB>tokens<TAB>sentences<TAB>sentiment_sum<TAB>
 *     sentiment_n{<TAB>mentions<TAB>stance_sum<TAB>stance_sumsq<TAB>stance_n}
 *     (one group per theme, in header order; sums printed with %.17g so
 *     they read back exactly)
 */
#ifndef LXS_PARTIAL_H
#define LXS_PARTIAL_H

#include "lexstance.h"
#include "util.h"

void lxs_partial_header(lxs_buf *b, const lxs_lexicon *lex);
void lxs_partial_rows(lxs_buf *b, const lxs_lexicon *lex, const char *doc,
                      const char *speaker_override, const lxs_result *res);

#endif
