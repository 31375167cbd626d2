/* bootstrap.c - stage 6b: honest uncertainty.  Percentile bootstrap over a
 * unit's sentences and permutation tests for differences between units.
 *
 * The generator is xoshiro256** seeded through splitmix64, so results are
 * identical on every machine for a given seed; each unit's stream is seeded
 * from the user's seed mixed with the unit's name, so row order and thread
 * count never change the numbers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "util.h"

typedef struct {
  uint64_t s[4];
} rng;

static uint64_t splitmix(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed) {
  for (int i = 0; i < 4; i++) r->s[i] = splitmix(&seed);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r) {
  uint64_t *s = r->s;
  uint64_t res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return res;
}

/* Uniform in [0, n) without modulo bias (Lemire). */
static size_t rng_below(rng *r, size_t n) {
  uint64_t x = rng_next(r);
  __uint128_t m = (__uint128_t)x * n;
  uint64_t l = (uint64_t)m;
  if (l < n) {
    uint64_t t = -(uint64_t)n % n;
    while (l < t) {
      x = rng_next(r);
      m = (__uint128_t)x * n;
      l = (uint64_t)m;
    }
  }
  return (size_t)(m >> 64);
}

uint64_t lxs_seed_mix(uint64_t seed, const char *s) { return seed ^ lxs_hash_bytes(s, strlen(s)); }

/* k-th smallest of v[0..n) in expected linear time (Hoare's selection);
 * reorders v.  Deterministic: the pivot is the middle element. */
static double select_kth(double *v, size_t n, size_t k) {
  size_t lo = 0, hi = n - 1;
  while (lo < hi) {
    double pivot = v[lo + (hi - lo) / 2];
    size_t i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        if (j == 0) break;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return v[k];
  }
  return v[k];
}

/* Percentile with linear interpolation (Hyndman-Fan type 7). */
static double quantile(double *v, size_t n, double q) {
  if (n == 0) return NAN;
  double h = (double)(n - 1) * q;
  size_t lo = (size_t)floor(h);
  double a = select_kth(v, n, lo);
  if (lo + 1 >= n || h == (double)lo) return a;
  /* the next order statistic is the minimum of the part above lo */
  double b = v[lo + 1];
  for (size_t i = lo + 2; i < n; i++)
    if (v[i] < b) b = v[i];
  return a + (h - (double)lo) * (b - a);
}

static void interval(double *v, size_t n, double level, lxs_interval *out) {
  if (n == 0) {
    out->ok = 0;
    out->lo = out->hi = 0;
    return;
  }
  double a = (1 - level) / 2;
  out->lo = quantile(v, n, a);
  out->hi = quantile(v, n, 1 - a);
  out->ok = 1;
}

/* Only the themes some sentence of the unit mentions are resampled: for
 * the others every resample has salience 0 and no stance, which is known
 * without drawing (the draws do not depend on the themes, so skipping
 * them changes no other number).  A dictionary of 20,000 categories
 * mentioned a few times costs resamples x sentences x (themes mentioned),
 * not x 20,000. */
static void bootstrap(const lxs_agg *a, unsigned B, double level, uint64_t seed,
                      lxs_interval *stance, lxs_interval *salience, lxs_interval *sentiment) {
  size_t nth = a->n_themes, n = a->n_samples;
  for (size_t t = 0; t < nth; t++) stance[t].ok = salience[t].ok = 0;
  sentiment->ok = 0;
  if (n == 0 || B == 0) return;
  size_t *act = lxs_xmalloc((nth + 1) * sizeof *act), na = 0;
  for (size_t t = 0; t < nth; t++) {
    size_t i = 0;
    while (i < n && !a->s_mentions[i * nth + t]) i++;
    if (i < n) act[na++] = t;
    else salience[t] = (lxs_interval){0, 0, 1};
  }
  rng r;
  rng_seed(&r, seed);
  double *st = lxs_xmalloc((na + 1) * B * sizeof *st);
  double *sa = lxs_xmalloc((na + 1) * B * sizeof *sa);
  double *se = lxs_xmalloc((B + 1) * sizeof *se);
  size_t *nst = lxs_xcalloc(na + 1, sizeof *nst);
  size_t nse = 0;
  double *sum = lxs_xmalloc((na + 1) * sizeof *sum);
  uint64_t *cnt = lxs_xmalloc((na + 1) * sizeof *cnt);
  uint64_t *men = lxs_xmalloc((na + 1) * sizeof *men);
  for (unsigned b = 0; b < B; b++) {
    memset(sum, 0, na * sizeof *sum);
    memset(cnt, 0, na * sizeof *cnt);
    memset(men, 0, na * sizeof *men);
    uint64_t tokens = 0, sn = 0;
    double ssum = 0;
    for (size_t k = 0; k < n; k++) {
      size_t i = rng_below(&r, n);
      tokens += a->s_tokens[i];
      ssum += a->s_sentiment_sum[i];
      sn += a->s_sentiment_n[i];
      for (size_t j = 0; j < na; j++) {
        size_t t = act[j];
        uint32_t m = a->s_mentions[i * nth + t];
        if (!m) continue;
        men[j] += m;
        sum[j] += a->s_stance_sum[i * nth + t];
        cnt[j] += a->s_stance_n[i * nth + t];
      }
    }
    for (size_t j = 0; j < na; j++) {
      if (cnt[j]) st[j * B + nst[j]++] = sum[j] / (double)cnt[j];
      sa[j * B + b] = tokens ? 1000.0 * (double)men[j] / (double)tokens : 0;
    }
    se[nse++] = sn ? ssum / (double)sn : 0;
  }
  for (size_t j = 0; j < na; j++) {
    size_t t = act[j];
    /* Resamples that drew no mentioning sentence have no stance; the
     * interval is over the others (with a unit that mentions the theme,
     * they are the vast majority). */
    if (a->stance_n[t]) interval(st + j * B, nst[j], level, &stance[t]);
    interval(sa + j * B, B, level, &salience[t]);
  }
  interval(se, nse, level, sentiment);
  free(act);
  free(st);
  free(sa);
  free(se);
  free(nst);
  free(sum);
  free(cnt);
  free(men);
}

/* Resampling units that mention theme t: their stance sums and counts. */
static size_t theme_units(const lxs_agg *a, size_t t, double **sum, double **cnt) {
  *sum = lxs_xmalloc((a->n_samples + 1) * sizeof **sum);
  *cnt = lxs_xmalloc((a->n_samples + 1) * sizeof **cnt);
  size_t k = 0;
  for (size_t i = 0; i < a->n_samples; i++)
    if (a->s_stance_n[i * a->n_themes + t]) {
      (*sum)[k] = a->s_stance_sum[i * a->n_themes + t];
      (*cnt)[k] = a->s_stance_n[i * a->n_themes + t];
      k++;
    }
  return k;
}

static double ratio(const double *s, const double *c, size_t n) {
  double a = 0, b = 0;
  for (size_t i = 0; i < n; i++) {
    a += s[i];
    b += c[i];
  }
  return b > 0 ? a / b : 0;
}

static void stance_difference(const lxs_agg *a, const lxs_agg *b, size_t t, unsigned B,
                              double level, uint64_t seed, double *diff, lxs_interval *ci,
                              double *p_value) {
  double *sa, *ca, *sb, *cb;
  size_t na = theme_units(a, t, &sa, &ca), nb = theme_units(b, t, &sb, &cb);
  ci->ok = 0;
  if (na && nb) {
    double obs = ratio(sa, ca, na) - ratio(sb, cb, nb);
    *diff = obs;
    rng r;
    rng_seed(&r, seed);
    double *d = lxs_xmalloc((B + 1) * sizeof *d);
    for (unsigned k = 0; k < B; k++) {
      double x = 0, xn = 0, y = 0, yn = 0;
      for (size_t i = 0; i < na; i++) {
        size_t j = rng_below(&r, na);
        x += sa[j];
        xn += ca[j];
      }
      for (size_t i = 0; i < nb; i++) {
        size_t j = rng_below(&r, nb);
        y += sb[j];
        yn += cb[j];
      }
      d[k] = x / xn - y / yn;
    }
    interval(d, B, level, ci);
    /* Permutation test: shuffle the pooled units' labels (Fisher-Yates). */
    size_t n = na + nb;
    double *ps = lxs_xmalloc(n * sizeof *ps), *pc = lxs_xmalloc(n * sizeof *pc);
    memcpy(ps, sa, na * sizeof *ps);
    memcpy(ps + na, sb, nb * sizeof *ps);
    memcpy(pc, ca, na * sizeof *pc);
    memcpy(pc + na, cb, nb * sizeof *pc);
    size_t extreme = 0;
    for (unsigned k = 0; k < B; k++) {
      for (size_t i = n - 1; i > 0; i--) {
        size_t j = rng_below(&r, i + 1);
        double tmp = ps[i];
        ps[i] = ps[j];
        ps[j] = tmp;
        tmp = pc[i];
        pc[i] = pc[j];
        pc[j] = tmp;
      }
      double pd = ratio(ps, pc, na) - ratio(ps + na, pc + na, nb);
      if (fabs(pd) >= fabs(obs) - 1e-12) extreme++;
    }
    *p_value = (double)(extreme + 1) / (double)(B + 1);
    free(d);
    free(ps);
    free(pc);
  }
  free(sa);
  free(ca);
  free(sb);
  free(cb);
}

/* ---- the public API: guarded (util.h) -------------------------------------- */

lxs_status lxs_bootstrap(const lxs_agg *a, unsigned B, double level, uint64_t seed,
                         lxs_interval *stance, lxs_interval *salience, lxs_interval *sentiment) {
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return LXS_ENOMEM;
  bootstrap(a, B, level, seed, stance, salience, sentiment);
  lxs_guard_leave(&g);
  return LXS_OK;
}

lxs_status lxs_stance_difference(const lxs_agg *a, const lxs_agg *b, size_t t, unsigned B,
                                 double level, uint64_t seed, double *diff, lxs_interval *ci,
                                 double *p_value) {
  if (t >= a->n_themes || t >= b->n_themes) return LXS_EINVAL;
  lxs_guard g;
  lxs_guard_enter(&g);
  if (setjmp(g.jb)) return LXS_ENOMEM;
  stance_difference(a, b, t, B, level, seed, diff, ci, p_value);
  lxs_guard_leave(&g);
  return LXS_OK;
}
