/* test_oom.c - running out of memory: every public call that allocates
 * gives up with LXS_ENOMEM (or NULL) and its objects can still be freed;
 * the library never ends the process (src/util.c, lxs_set_oom_handler).
 *
 * Each run makes the n-th allocation fail (lxs_fail_allocation) in a
 * forked child, for every n of a small session and a sample of n over the
 * embedded lexicons, and checks what the calls return.  Under ASan an
 * invalid free or a use after free in the unwinding fails the child.  The
 * memory a failed call had not linked to an object is lost, as the header
 * says, so the child ends with _exit: no leak check runs on it.  Valgrind
 * checks every child for leaks all the same, so under `make valgrind`
 * (VALGRIND set) the forking tests are skipped: `make asan` runs them. */
#include "testutil.h"

#include <limits.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

static const char kLexicon[] = "WTO\tmultilateralism\ttarget\t1\n"
                               "multilateral trade\tmultilateralism\ttarget\t1\n"
                               "tariff*\tus_protectionism\ttarget\t1\n"
                               "erosion\tsentiment\tharm\t-1\n"
                               "good\tsentiment\teval\t0.5\n"
                               "not\t-\tnegator\t-0.75\n";

static const char kText[] = "Jane Doe, a trade economist\n\n"
                            "\"The erosion of the WTO is not good,\" Doe said. Tariffs hurt.\n"
                            "According to Li Wei, multilateral trade is good for everyone.\n";

enum { HANDLED = 0, NO_FAILURE = 2, WRONG = 3 };

/* Exits WRONG unless the call gave up as documented. */
static void expect_nomem(int ok, const char *err) {
  if (!ok || strcmp(err, "out of memory") != 0) _exit(WRONG);
}

/* Per-speaker aggregates, their intervals and a difference. */
static int aggregate(const lxs_result *r) {
  size_t n = r->n_speakers, nth = r->n_themes;
  lxs_agg **aggs = calloc(n, sizeof *aggs);
  lxs_agg *all = lxs_agg_new(nth, 1);
  int failed = all == NULL;
  for (size_t i = 0; i < n; i++) failed |= (aggs[i] = lxs_agg_new(nth, 1)) == NULL;
  lxs_status rc = failed ? LXS_ENOMEM : lxs_agg_add_speakers(aggs, r);
  for (size_t i = 0; i < n && rc == LXS_OK; i++) rc = lxs_agg_merge(all, aggs[i]);
  lxs_interval st[8], sa[8], se, ci;
  if (rc == LXS_OK) rc = lxs_bootstrap(all, 50, 0.9, 1, st, sa, &se);
  double d = 0, p = 0;
  if (rc == LXS_OK && n > 1)
    rc = lxs_stance_difference(aggs[0], aggs[1], 0, 50, 0.9, 1, &d, &ci, &p);
  for (size_t i = 0; i < n; i++) lxs_agg_free(aggs[i]);
  lxs_agg_free(all);
  free(aggs);
  if (failed || rc == LXS_ENOMEM) return HANDLED;
  return rc == LXS_OK ? NO_FAILURE : WRONG;
}

/* The session: HANDLED when an allocation failed and every call said so,
 * NO_FAILURE when none failed. */
static int session(int defaults) {
  char err[256] = "";
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  if (!lex) {
    expect_nomem(1, err);
    return HANDLED;
  }
  lxs_status rc = defaults ? lxs_lexicon_load_defaults(lex, err, sizeof err)
                           : lxs_lexicon_load_buffer(lex, "t", kLexicon, strlen(kLexicon), err,
                                                     sizeof err);
  if (rc != LXS_OK) {
    expect_nomem(rc == LXS_ENOMEM, err);
    /* the lexicon is broken now: only freeing it is allowed */
    err[0] = '\0';
    expect_nomem(lxs_lexicon_load_buffer(lex, "t", kLexicon, 4, err, sizeof err) == LXS_ENOMEM,
                 "out of memory");
    if (lxs_scorer_new(lex, err, sizeof err)) _exit(WRONG);
    lxs_lexicon_free(lex);
    return HANDLED;
  }
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  if (!sc) {
    expect_nomem(1, err);
    lxs_lexicon_free(lex);
    return HANDLED;
  }
  lxs_speaker_hints *h = lxs_speaker_hints_new();
  const char *alias = "Doe";
  if (!h || lxs_speaker_hints_add(h, "Jane Doe", &alias, 1) != LXS_OK) {
    lxs_speaker_hints_free(h);
    lxs_scorer_free(sc);
    lxs_lexicon_free(lex);
    return HANDLED;
  }
  lxs_options opt = {.segment_speakers = 1, .speakers = h};
  const lxs_result *r = lxs_scorer_run(sc, kText, strlen(kText), &opt);
  int status = r ? aggregate(r) : HANDLED;
  if (!r && lxs_scorer_run(sc, kText, strlen(kText), &opt)) status = WRONG; /* stays broken */
  lxs_speaker_hints_free(h);
  lxs_scorer_free(sc);
  lxs_lexicon_free(lex);
  return status;
}

/* Runs the session in a child with the n-th allocation failing. */
static int run_failing(int defaults, unsigned long n) {
  fflush(NULL);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    lxs_fail_allocation(n);
    _exit(session(defaults));
  }
  int st;
  assert_int_equal(waitpid(pid, &st, 0), pid);
  if (!WIFEXITED(st)) fail_msg("allocation %lu: child killed by signal %d", n, WTERMSIG(st));
  return WEXITSTATUS(st);
}

/* How many allocations the whole session makes. */
static unsigned long allocations(int defaults) {
  lxs_fail_allocation(ULONG_MAX);
  assert_int_equal(session(defaults), NO_FAILURE);
  return ULONG_MAX - lxs_fail_allocation(0);
}

static void test_every_allocation_of_a_small_session(void **state) {
  (void)state;
  if (getenv("VALGRIND")) skip();
  unsigned long total = allocations(0);
  assert_true(total > 50);
  for (unsigned long n = 1; n <= total; n++) {
    int st = run_failing(0, n);
    if (st != HANDLED) fail_msg("allocation %lu of %lu: child status %d", n, total, st);
  }
  assert_int_equal(run_failing(0, total + 1), NO_FAILURE);
}

static void test_sampled_allocations_of_the_default_lexicons(void **state) {
  (void)state;
  if (getenv("VALGRIND")) skip();
  unsigned long total = allocations(1), samples = 150;
  assert_true(total > samples);
  for (unsigned long k = 0; k < samples; k++) {
    unsigned long n = 1 + k * (total / samples);
    int st = run_failing(1, n);
    if (st != HANDLED) fail_msg("allocation %lu of %lu: child status %d", n, total, st);
  }
}

static int g_handler_calls;
static void count_call(void *data) { g_handler_calls += *(int *)data; }

static void test_handler_is_called_and_may_return(void **state) {
  (void)state;
  int one = 1;
  lxs_set_oom_handler(count_call, &one);
  char err[256];
  lxs_lexicon *lex = lxs_lexicon_new(NULL, err, sizeof err);
  assert_non_null(lex);
  lxs_fail_allocation(3);
  assert_int_equal(lxs_lexicon_load_buffer(lex, "t", kLexicon, strlen(kLexicon), err, sizeof err),
                   LXS_ENOMEM);
  assert_string_equal(err, "out of memory");
  assert_int_equal(g_handler_calls, 1);
  lxs_lexicon_free(lex);
  lxs_set_oom_handler(NULL, NULL);
  assert_string_equal(lxs_status_string(LXS_ENOMEM), "out of memory");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_allocation_of_a_small_session),
      cmocka_unit_test(test_sampled_allocations_of_the_default_lexicons),
      cmocka_unit_test(test_handler_is_called_and_may_return),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
