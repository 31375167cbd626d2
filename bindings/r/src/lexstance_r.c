/* lexstance_r.c - .Call wrappers over the jobs API of liblexstance
 * (include/lexstance.h): options by their command-line names, documents
 * in, the command line's CSV text out (read.csv builds the data frame). */
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <string.h>

#include <lexstance.h>

/* lxs_r_run(ids, texts, speakers, names, values, what): a character(1),
 * the table `what` ("score", "partial", "evidence") of the documents
 * under the options names[i] = values[i] (NA: a flag). */
static SEXP lxs_r_run(SEXP ids, SEXP texts, SEXP speakers, SEXP names, SEXP values, SEXP what) {
  char err[1024];
  if (!isString(ids) || !isString(texts) || !isString(speakers) || !isString(names) ||
      !isString(values) || !isString(what) || XLENGTH(ids) != XLENGTH(texts) ||
      XLENGTH(speakers) != XLENGTH(texts) || XLENGTH(names) != XLENGTH(values) ||
      XLENGTH(what) != 1)
    error("lexstance: bad arguments to lxs_r_run");
  lxs_job *job = lxs_job_new();
  for (R_xlen_t i = 0; i < XLENGTH(names); i++) {
    SEXP v = STRING_ELT(values, i);
    const char *value = v == NA_STRING ? NULL : translateCharUTF8(v);
    if (lxs_job_set(job, translateCharUTF8(STRING_ELT(names, i)), value, err, sizeof err)) {
      lxs_job_free(job);
      error("lexstance: %s", err);
    }
  }
  for (R_xlen_t i = 0; i < XLENGTH(texts); i++) {
    SEXP t = STRING_ELT(texts, i), s = STRING_ELT(speakers, i);
    const char *text = t == NA_STRING ? "" : translateCharUTF8(t);
    const char *speaker = s == NA_STRING ? NULL : translateCharUTF8(s);
    if (lxs_job_add(job, translateCharUTF8(STRING_ELT(ids, i)), text, strlen(text), speaker)) {
      lxs_job_free(job);
      error("lexstance: cannot add document %lld", (long long)i + 1);
    }
  }
  char *out;
  size_t n;
  lxs_status rc = lxs_job_run(job, translateCharUTF8(STRING_ELT(what, 0)), &out, &n, err,
                              sizeof err);
  lxs_job_free(job);
  if (rc) error("lexstance: %s", err);
  SEXP res = PROTECT(allocVector(STRSXP, 1));
  SET_STRING_ELT(res, 0, mkCharLenCE(out, (int)n, CE_UTF8));
  lxs_text_free(out);
  UNPROTECT(1);
  return res;
}

static SEXP lxs_r_version(void) { return mkString(lxs_version_string()); }

static const R_CallMethodDef kCalls[] = {{"lxs_r_run", (DL_FUNC)&lxs_r_run, 6},
                                         {"lxs_r_version", (DL_FUNC)&lxs_r_version, 0},
                                         {NULL, NULL, 0}};

void R_init_lexstance(DllInfo *dll) {
  R_registerRoutines(dll, NULL, kCalls, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
}
