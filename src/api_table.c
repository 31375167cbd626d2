/* api_table.c - whole jobs as the command line runs them, for the
 * language bindings (bindings/python, bindings/r): set options by their
 * command-line names, add documents, and get the CSV text `lexstance
 * score` (or --partial, or compare's evidence.csv) would write, byte for
 * byte -- so a data frame built from it has the command line's columns
 * and numbers.  See "Jobs" in include/lexstance.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lexformat.h"
#include "lexicon.h"
#include "partial.h"
#include "rows.h"
#include "stem.h"

typedef struct {
  char *id, *text, *speaker;
  size_t len;
} job_doc;

struct lxs_job {
  /* options, as the command line's */
  int articles; /* --input text (1) or one document per text */
  int unit;     /* lxs_unit, or -1: by the input */
  int wide;
  long bootstrap; /* -1: by the unit */
  uint64_t seed;
  double ci;
  int no_defaults, no_attribution;
  char *language, *speakers_file;
  char **lexicons;
  size_t nlex;
  /* documents */
  job_doc *docs;
  size_t ndocs, capdocs;
};

lxs_job *lxs_job_new(void) {
  lxs_job *j = lxs_xcalloc(1, sizeof *j);
  j->articles = 1;
  j->unit = -1;
  j->bootstrap = -1;
  j->seed = 1;
  j->ci = 0.95;
  return j;
}

static void clear_docs(lxs_job *j) {
  for (size_t i = 0; i < j->ndocs; i++) {
    free(j->docs[i].id);
    free(j->docs[i].text);
    free(j->docs[i].speaker);
  }
  j->ndocs = 0;
}

void lxs_job_free(lxs_job *j) {
  if (!j) return;
  clear_docs(j);
  free(j->docs);
  for (size_t i = 0; i < j->nlex; i++) free(j->lexicons[i]);
  free(j->lexicons);
  free(j->language);
  free(j->speakers_file);
  free(j);
}

void lxs_job_clear(lxs_job *j) { clear_docs(j); }

void lxs_text_free(char *text) { free(text); }

/* ---- options ------------------------------------------------------------- */

static lxs_status bad_value(const char *name, const char *value, const char *want, char *err,
                            size_t errlen) {
  lxs_set_err(err, errlen, "%s: '%s' is not %s", name, value ? value : "(none)", want);
  return LXS_EINVAL;
}

static int parse_number(const char *s, double lo, double hi, double *out) {
  char *end;
  errno = 0;
  double v = s ? strtod(s, &end) : NAN;
  if (!s || errno || *end || !*s || !(v >= lo && v <= hi)) return -1;
  *out = v;
  return 0;
}

static char *dup_or_null(const char *s) { return s ? lxs_xstrndup(s, strlen(s)) : NULL; }

/* Options that take a number. */
static lxs_status set_number(lxs_job *j, const char *name, const char *value, char *err,
                             size_t errlen) {
  double v;
  if (strcmp(name, "bootstrap") == 0) {
    if (parse_number(value, 0, 1000000, &v) || v != floor(v))
      return bad_value(name, value, "a count from 0 to 1000000", err, errlen);
    j->bootstrap = (long)v;
  } else if (strcmp(name, "seed") == 0) {
    if (parse_number(value, 0, 1.8e19, &v) || v != floor(v))
      return bad_value(name, value, "a non-negative integer", err, errlen);
    j->seed = strtoull(value, NULL, 10);
  } else if (parse_number(value, 1e-9, 1 - 1e-9, &j->ci)) {
    return bad_value(name, value, "a level between 0 and 1", err, errlen);
  }
  return LXS_OK;
}

lxs_status lxs_job_set(lxs_job *j, const char *name, const char *value, char *err, size_t errlen) {
  static const char *const kUnits[] = {"sentence", "speaker", "doc"};
  if (strcmp(name, "unit") == 0) {
    for (int u = 0; u < 3; u++)
      if (value && strcmp(value, kUnits[u]) == 0) {
        j->unit = u;
        return LXS_OK;
      }
    return bad_value(name, value, "sentence, speaker or doc", err, errlen);
  }
  if (strcmp(name, "input") == 0) {
    lxs_input_format f;
    if (!value || lxs_input_format_parse(value, &f))
      return bad_value(name, value, "text, lines, tsv, csv or jsonl", err, errlen);
    j->articles = f == LXS_IN_TEXT;
  } else if (strcmp(name, "format") == 0) {
    if (!value || (strcmp(value, "csv") && strcmp(value, "wide")))
      return bad_value(name, value, "csv or wide", err, errlen);
    j->wide = strcmp(value, "wide") == 0;
  } else if (strcmp(name, "lexicon") == 0 && value) {
    j->lexicons = lxs_xrealloc(j->lexicons, (j->nlex + 1) * sizeof *j->lexicons);
    j->lexicons[j->nlex++] = dup_or_null(value);
  } else if (strcmp(name, "language") == 0 || strcmp(name, "speakers") == 0) {
    char **field = name[0] == 'l' ? &j->language : &j->speakers_file;
    free(*field);
    *field = dup_or_null(value);
  } else if (strcmp(name, "no-default-lexicons") == 0) {
    j->no_defaults = 1;
  } else if (strcmp(name, "no-attribution") == 0) {
    j->no_attribution = 1;
  } else if (strcmp(name, "bootstrap") == 0 || strcmp(name, "seed") == 0 ||
             strcmp(name, "ci") == 0) {
    return set_number(j, name, value, err, errlen);
  } else {
    lxs_set_err(err, errlen,
                "unknown option '%s' (unit, input, format, lexicon, "
                "no-default-lexicons, language, speakers, no-attribution, bootstrap, seed, ci)",
                name);
    return LXS_EINVAL;
  }
  return LXS_OK;
}

lxs_status lxs_job_add(lxs_job *j, const char *id, const char *text, size_t len,
                       const char *speaker) {
  if (!id || (!text && len)) return LXS_EINVAL;
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return LXS_ENOMEM;
  LXS_VEC_GROW(j->docs, j->ndocs, j->capdocs);
  job_doc *d = &j->docs[j->ndocs++];
  d->id = lxs_xstrndup(id, strlen(id));
  d->text = lxs_xstrndup(text ? text : "", len);
  d->len = len;
  d->speaker = speaker && *speaker ? lxs_xstrndup(speaker, strlen(speaker)) : NULL;
  lxs_guard_leave(&g);
  return LXS_OK;
}

size_t lxs_job_count(const lxs_job *j) { return j->ndocs; }

/* ---- running ------------------------------------------------------------- */

/* The lexicon the options name, loaded as the command line loads it: the
 * embedded lexicons unless left out or in another language than the run's
 * (then the files given stand in for them), then the files. */
static lxs_lexicon *job_lexicon(const lxs_job *j, char *err, size_t errlen, lxs_status *rc) {
  const char *lang = lxs_language_name(j->language);
  int defaults = !j->no_defaults && (!lang || strcmp(lang, "english") == 0);
  if (!j->no_defaults && !defaults && j->nlex == 0) {
    lxs_set_err(err, errlen,
                "the embedded lexicons are English: language %s needs lexicons "
                "in that language",
                lang);
    *rc = LXS_EINVAL;
    return NULL;
  }
  lxs_lexicon *lex = lxs_lexicon_new(j->language, err, errlen);
  if (!lex) {
    *rc = LXS_EINVAL;
    return NULL;
  }
  *rc = defaults ? lxs_lexicon_load_defaults(lex, err, errlen) : LXS_OK;
  for (size_t i = 0; *rc == LXS_OK && i < j->nlex; i++)
    *rc = lxs_lexicon_load_any_ex(lex, j->lexicons[i], NULL, err, errlen);
  if (*rc == LXS_OK) *rc = lxs_lexicon_check_language(lex, err, errlen);
  if (*rc == LXS_OK && lxs_lexicon_theme_count(lex) == 0) {
    lxs_set_err(err, errlen, "no themes loaded (no lexicon defines a theme)");
    *rc = LXS_EDATA;
  }
  if (*rc) {
    lxs_lexicon_free(lex);
    return NULL;
  }
  return lex;
}

/* The row options the job's options give, as the command line's defaults
 * give them. */
static lxs_rows_opts job_rows(const lxs_job *j) {
  lxs_unit unit = j->unit >= 0 ? (lxs_unit)j->unit : j->articles ? LXS_UNIT_SPEAKER : LXS_UNIT_DOC;
  unsigned boot = j->bootstrap >= 0 ? (unsigned)j->bootstrap : unit == LXS_UNIT_SPEAKER ? 2000 : 0;
  return (lxs_rows_opts){
      j->wide ? LXS_FMT_WIDE : LXS_FMT_CSV, unit, boot, j->seed, j->ci, 0, NULL, 0};
}

enum { RUN_SCORE, RUN_PARTIAL, RUN_EVIDENCE };

/* Scores every document and writes what `what` asks for into b. */
static lxs_status run_docs(const lxs_job *j, int what, lxs_buf *b, char *err, size_t errlen) {
  lxs_status rc;
  lxs_lexicon *lex = job_lexicon(j, err, errlen, &rc);
  if (!lex) return rc;
  lxs_speaker_hints *hints = NULL;
  if (j->speakers_file) {
    hints = lxs_speaker_hints_new();
    rc = lxs_speaker_hints_load_file(hints, j->speakers_file, err, errlen);
  }
  lxs_scorer *sc = rc == LXS_OK ? lxs_scorer_new(lex, err, errlen) : NULL;
  if (rc == LXS_OK && !sc) rc = LXS_ENOMEM;
  lxs_rows_opts ro = job_rows(j);
  if (what == RUN_SCORE) lxs_rows_header(b, &ro, lxs_themes_of(lex));
  else if (what == RUN_PARTIAL) lxs_partial_header(b, lex);
  else lxs_evidence_header(b);
  for (size_t i = 0; rc == LXS_OK && i < j->ndocs; i++) {
    const job_doc *d = &j->docs[i];
    /* Speakers are found as the command line finds them: in articles, and
     * in every record when the unit is the speaker; a document's own
     * speaker stands for all of it, as a JSONL record's. */
    int attribute = (j->articles || ro.unit == LXS_UNIT_SPEAKER) && !j->no_attribution;
    lxs_options opt = {attribute && !d->speaker, hints};
    const lxs_result *r = lxs_scorer_run(sc, d->text, d->len, &opt);
    if (!r) {
      lxs_set_err(err, errlen, "out of memory");
      rc = LXS_ENOMEM;
    } else if (what == RUN_SCORE) {
      lxs_rows_doc(b, &ro, lxs_themes_of(lex), d->id, NULL, d->speaker, r, d->text, d->len, NULL);
    } else if (what == RUN_PARTIAL) {
      lxs_partial_rows(b, lex, d->id, d->speaker, r);
    } else {
      lxs_evidence_rows(b, lex, d->id, d->text, r);
    }
  }
  lxs_scorer_free(sc);
  lxs_speaker_hints_free(hints);
  lxs_lexicon_free(lex);
  return rc;
}

/* run_docs under a guard: running out of memory returns LXS_ENOMEM. */
static lxs_status run_guarded(const lxs_job *j, int what, lxs_buf *b, char *err, size_t errlen) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return lxs_out_of_memory(err, errlen);
  lxs_status rc = run_docs(j, what, b, err, errlen);
  lxs_guard_leave(&g);
  return rc;
}

lxs_status lxs_job_run(lxs_job *j, const char *what, char **out, size_t *out_len, char *err,
                       size_t errlen) {
  static const char *const kWhat[] = {"score", "partial", "evidence"};
  *out = NULL;
  if (out_len) *out_len = 0;
  int w = -1;
  for (int i = 0; i < 3; i++)
    if (what && strcmp(what, kWhat[i]) == 0) w = i;
  if (w < 0) {
    lxs_set_err(err, errlen, "unknown table '%s' (score, partial, evidence)",
                what ? what : "(none)");
    return LXS_EINVAL;
  }
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_status rc = run_guarded(j, w, &b, err, errlen);
  if (rc) {
    lxs_buf_free(&b);
    return rc;
  }
  if (out_len) *out_len = b.len;
  *out = b.data ? b.data : lxs_xstrndup("", 0);
  return LXS_OK;
}
