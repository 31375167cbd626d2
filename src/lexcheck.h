/* lexcheck.h - `lexstance lexicon check` and `lexstance lexicon coverage`:
 * quality checks of lexicons and dictionaries before they are used, and
 * how much of a corpus they cover.
 *
 *   lexstance lexicon check [options] FILE...
 *     Loads every FILE (any format, see lexformat.h) into one lexicon.
 *     Parse errors: "lexstance: FILE:LINE: message" (exit 1).
 *     Warnings (exit 0), "lexstance: FILE:LINE: warning: ...":
 *       - duplicate entries (same stem pattern, theme, role and weight)
 *         and conflicting ones (same stem pattern and theme, another
 *         weight or pole), across files too;
 *       - globs whose prefix covers many different stems among the
 *         common English words embedded in lexcheck.c ("stat*");
 *       - entries that can never match (punctuation the tokenizer never
 *         keeps inside words, emoticons);
 *       - entries whose stem pattern is another theme's target;
 *       - ignored LIWC2007 conditions and empty categories.
 *     Standard output: one summary line.
 *
 *   lexstance lexicon coverage [options] --corpus FILE [LEXICON...]
 *     Scores the corpus and makes four tables, each a CSV of its own
 *     (RFC 4180 rows, CRLF), which the command line writes to a directory
 *     or one of to standard output:
 *       entries     source,line,term,theme,role,weight,hits,docs
 *       speakers    source,line,term,theme,role,speaker,hits
 *       unmatched   source,line,term,theme,role,reason
 *       candidates  word,stem,count,themes
 *     candidates: the words no entry matched that occur most often within
 *     5 words of a theme target or stance term (function words and
 *     numbers left out), with the themes they were near.
 *     The embedded lexicons are loaded first unless --no-default-lexicons.
 *
 * The command line (src/cmd_lexicon.c) parses the options into
 * lxs_lexcheck_opts.
 *
 * Returns LXS_OK, LXS_EDATA (a lexicon or the corpus is malformed),
 * LXS_EIO, or LXS_EINVAL (unknown language); messages go to err, one a
 * line, "lexstance: ...". */
#ifndef LXS_LEXCHECK_H
#define LXS_LEXCHECK_H

#include <stdio.h>

#include "input.h"
#include "lexformat.h"

typedef struct {
  const char *format;       /* format of the files; NULL: by extension */
  const lxs_mapping *map;   /* imported categories to themes, or NULL */
  const char *language;     /* Snowball language; NULL: english */
  int with_defaults;        /* check: the embedded lexicons too */
  int no_defaults;          /* coverage: not the embedded lexicons */
  int no_attribution;       /* coverage: do not split into speakers */
  lxs_input_format input;   /* coverage: the corpus's format */
  size_t top;               /* coverage: candidate words listed */
  const char *const *files; /* the lexicon files */
  size_t nfiles;
  const char *const *corpus; /* coverage: the corpus files */
  size_t ncorpus;
  const char *text_col; /* coverage: the corpus's text and id */
  const char *id_col;   /*   columns (NULL: the defaults) */
} lxs_lexcheck_opts;

/* `lexicon check`: warnings and errors to err, the summary line to out. */
lxs_status lxs_lexicon_check(const lxs_lexcheck_opts *o, FILE *out, FILE *err);
/* `lexicon coverage`: the four tables, appended to tables[LXS_COV_*]
 * (buffers the caller initialised); their names are
 * lxs_coverage_table_names[]. */
enum { LXS_COV_ENTRIES, LXS_COV_SPEAKERS, LXS_COV_UNMATCHED, LXS_COV_CANDIDATES, LXS_COV_TABLES };
extern const char *const lxs_coverage_table_names[LXS_COV_TABLES];
lxs_status lxs_lexicon_coverage(const lxs_lexcheck_opts *o, lxs_buf tables[LXS_COV_TABLES],
                                FILE *err);

/* How many distinct stems (Snowball, language) the glob prefix (normal
 * form, without '*') covers among the embedded common English words;
 * examples gets up to max_examples words, one per stem, space-separated. */
size_t lxs_glob_breadth(const char *prefix, const char *language, char *examples, size_t exlen,
                        int max_examples);
/* examples are separated by ", ". */

/* Warn about a glob covering more distinct common stems than this:
 * "econom*" (economic, economist, economy) and "protect*" stay quiet,
 * "ban*" (ban, band, bank, banker, bankrupt) and "stat*" do not. */
#define LXS_GLOB_BREADTH_MAX 4

#endif
