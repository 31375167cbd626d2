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

#include "lexstance.h"
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

uint64_t lxs_seed_mix(uint64_t seed, const char *s) {
  return seed ^ lxs_hash_bytes(s, strlen(s));
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Percentile with linear interpolation (Hyndman-Fan type 7). */
static double quantile(const double *v, size_t n, double q) {
  if (n == 0) return NAN;
  double h = (double)(n - 1) * q;
  size_t lo = (size_t)floor(h);
  size_t hi = lo + 1 < n ? lo + 1 : lo;
  return v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
}

static void interval(double *v, size_t n, double level, lxs_interval *out) {
  if (n == 0) {
    out->ok = 0;
    out->lo = out->hi = 0;
    return;
  }
  qsort(v, n, sizeof *v, cmp_double);
  double a = (1 - level) / 2;
  out->lo = quantile(v, n, a);
  out->hi = quantile(v, n, 1 - a);
  out->ok = 1;
}

void lxs_bootstrap(const lxs_agg *a, unsigned B, double level, uint64_t seed,
                   lxs_interval *stance, lxs_interval *salience,
                   lxs_interval *sentiment) {
  size_t nth = a->n_themes, n = a->n_samples;
  for (size_t t = 0; t < nth; t++) stance[t].ok = salience[t].ok = 0;
  sentiment->ok = 0;
  if (n == 0 || B == 0) return;
  rng r;
  rng_seed(&r, seed);
  double *st = lxs_xmalloc((nth + 1) * B * sizeof *st);
  double *sa = lxs_xmalloc((nth + 1) * B * sizeof *sa);
  double *se = lxs_xmalloc((B + 1) * sizeof *se);
  size_t *nst = lxs_xcalloc(nth + 1, sizeof *nst);
  size_t nse = 0;
  double *sum = lxs_xmalloc((nth + 1) * sizeof *sum);
  uint32_t *cnt = lxs_xmalloc((nth + 1) * sizeof *cnt);
  uint64_t *men = lxs_xmalloc((nth + 1) * sizeof *men);
  for (unsigned b = 0; b < B; b++) {
    memset(sum, 0, nth * sizeof *sum);
    memset(cnt, 0, nth * sizeof *cnt);
    memset(men, 0, nth * sizeof *men);
    uint64_t tokens = 0;
    double ssum = 0;
    size_t sn = 0;
    for (size_t k = 0; k < n; k++) {
      size_t i = rng_below(&r, n);
      tokens += a->s_tokens[i];
      if (!isnan(a->s_sentiment[i])) {
        ssum += a->s_sentiment[i];
        sn++;
      }
      for (size_t t = 0; t < nth; t++) {
        uint32_t m = a->s_mentions[i * nth + t];
        if (!m) continue;
        men[t] += m;
        sum[t] += a->s_stance[i * nth + t];
        cnt[t]++;
      }
    }
    for (size_t t = 0; t < nth; t++) {
      if (cnt[t]) st[t * B + nst[t]++] = sum[t] / cnt[t];
      sa[t * B + b] = tokens ? 1000.0 * (double)men[t] / (double)tokens : 0;
    }
    se[nse++] = sn ? ssum / (double)sn : 0;
  }
  for (size_t t = 0; t < nth; t++) {
    /* Resamples that drew no mentioning sentence have no stance; the
     * interval is over the others (with a unit that mentions the theme,
     * they are the vast majority). */
    if (a->stance_n[t]) interval(st + t * B, nst[t], level, &stance[t]);
    interval(sa + t * B, B, level, &salience[t]);
  }
  interval(se, nse, level, sentiment);
  free(st);
  free(sa);
  free(se);
  free(nst);
  free(sum);
  free(cnt);
  free(men);
}

/* Mentioning-sentence stances of theme t. */
static double *theme_values(const lxs_agg *a, size_t t, size_t *n) {
  double *v = lxs_xmalloc((a->n_samples + 1) * sizeof *v);
  size_t k = 0;
  for (size_t i = 0; i < a->n_samples; i++)
    if (a->s_mentions[i * a->n_themes + t]) v[k++] = a->s_stance[i * a->n_themes + t];
  *n = k;
  return v;
}

static double mean(const double *v, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += v[i];
  return n ? s / (double)n : 0;
}

int lxs_stance_difference(const lxs_agg *a, const lxs_agg *b, size_t t,
                          unsigned B, double level, uint64_t seed,
                          double *diff, lxs_interval *ci, double *p_value) {
  size_t na, nb;
  double *va = theme_values(a, t, &na), *vb = theme_values(b, t, &nb);
  if (!na || !nb) {
    free(va);
    free(vb);
    return 0;
  }
  double obs = mean(va, na) - mean(vb, nb);
  *diff = obs;
  rng r;
  rng_seed(&r, seed);
  double *d = lxs_xmalloc((B + 1) * sizeof *d);
  for (unsigned k = 0; k < B; k++) {
    double sa = 0, sb = 0;
    for (size_t i = 0; i < na; i++) sa += va[rng_below(&r, na)];
    for (size_t i = 0; i < nb; i++) sb += vb[rng_below(&r, nb)];
    d[k] = sa / (double)na - sb / (double)nb;
  }
  interval(d, B, level, ci);
  /* Permutation test: shuffle the pooled values (Fisher-Yates). */
  size_t n = na + nb;
  double *pool = lxs_xmalloc(n * sizeof *pool);
  memcpy(pool, va, na * sizeof *pool);
  memcpy(pool + na, vb, nb * sizeof *pool);
  size_t extreme = 0;
  for (unsigned k = 0; k < B; k++) {
    for (size_t i = n - 1; i > 0; i--) {
      size_t j = rng_below(&r, i + 1);
      double tmp = pool[i];
      pool[i] = pool[j];
      pool[j] = tmp;
    }
    double pd = mean(pool, na) - mean(pool + na, nb);
    if (fabs(pd) >= fabs(obs) - 1e-12) extreme++;
  }
  *p_value = (double)(extreme + 1) / (double)(B + 1);
  free(d);
  free(pool);
  free(va);
  free(vb);
  return 1;
}
