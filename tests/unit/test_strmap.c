/* test_strmap.c - the shared string map (src/strmap.h): both kinds of key,
 * the ambiguous mark, clearing and growth. */
#include "testutil.h"

#include "strmap.h"

static void folding_keys(void **state) {
  (void)state;
  lxs_strmap m;
  lxs_strmap_init(&m);
  assert_int_equal(lxs_strmap_get(&m, "Kin", 3), -1); /* empty map */
  lxs_strmap_put(&m, "Kin Phea", 8, 4, 0);
  assert_int_equal(lxs_strmap_get(&m, "KIN PHEA", 8), 4);
  assert_int_equal(lxs_strmap_get(&m, "kin phea", 8), 4);
  assert_int_equal(lxs_strmap_get(&m, "Kin Phe", 7), -1);
  lxs_strmap_put(&m, "kin phea", 8, 7, 0); /* replaces */
  assert_int_equal(lxs_strmap_get(&m, "Kin Phea", 8), 7);
  /* keep: the same value stays, a different one marks the key ambiguous */
  lxs_strmap_put(&m, "KIN PHEA", 8, 7, 1);
  assert_int_equal(lxs_strmap_get(&m, "Kin Phea", 8), 7);
  lxs_strmap_put(&m, "KIN PHEA", 8, 9, 1);
  assert_int_equal(lxs_strmap_get(&m, "Kin Phea", 8), -2);
  /* the empty key is none */
  lxs_strmap_put(&m, "", 0, 1, 0);
  assert_int_equal(lxs_strmap_get(&m, "", 0), -1);
  assert_int_equal(m.n, 1);
  lxs_strmap_free(&m);
}

static void exact_keys(void **state) {
  (void)state;
  lxs_strmap m;
  lxs_strmap_init_exact(&m);
  lxs_strmap_put(&m, "Trade", 5, 1, 0);
  lxs_strmap_put(&m, "trade", 5, 2, 0);
  assert_int_equal(lxs_strmap_get(&m, "Trade", 5), 1);
  assert_int_equal(lxs_strmap_get(&m, "trade", 5), 2);
  assert_int_equal(lxs_strmap_get(&m, "TRADE", 5), -1);
  /* bytes after a NUL count */
  lxs_strmap_put(&m, "a\0b", 3, 3, 0);
  assert_int_equal(lxs_strmap_get(&m, "a\0b", 3), 3);
  assert_int_equal(lxs_strmap_get(&m, "a\0c", 3), -1);
  assert_int_equal(lxs_strmap_get(&m, "a", 1), -1);
  /* the empty key is a key, with or without a pointer */
  assert_int_equal(lxs_strmap_get(&m, NULL, 0), -1);
  lxs_strmap_put(&m, NULL, 0, 4, 0);
  assert_int_equal(lxs_strmap_get(&m, "", 0), 4);
  assert_int_equal(m.n, 4);
  lxs_strmap_free(&m);
}

static void clear_keeps_the_kind(void **state) {
  (void)state;
  lxs_strmap m;
  lxs_strmap_init_exact(&m);
  lxs_strmap_put(&m, "Menon", 5, 1, 0);
  lxs_strmap_clear(&m);
  assert_int_equal(m.n, 0);
  assert_int_equal(lxs_strmap_get(&m, "Menon", 5), -1);
  lxs_strmap_put(&m, "menon", 5, 2, 0);
  assert_int_equal(lxs_strmap_get(&m, "Menon", 5), -1); /* still exact */
  assert_int_equal(lxs_strmap_get(&m, "menon", 5), 2);
  lxs_strmap_free(&m);
  lxs_strmap_init(&m);
  lxs_strmap_clear(&m); /* nothing allocated yet */
  lxs_strmap_put(&m, "Menon", 5, 3, 0);
  assert_int_equal(lxs_strmap_get(&m, "MENON", 5), 3);
  lxs_strmap_free(&m);
}

/* Growth past many doublings keeps every key and value. */
static void many_keys(void **state) {
  (void)state;
  for (int exact = 0; exact < 2; exact++) {
    lxs_strmap m;
    if (exact) lxs_strmap_init_exact(&m);
    else lxs_strmap_init(&m);
    char k[32];
    for (int i = 0; i < 5000; i++) {
      int n = snprintf(k, sizeof k, "Key%d", i);
      lxs_strmap_put(&m, k, (size_t)n, i, 0);
    }
    assert_int_equal(m.n, 5000);
    for (int i = 0; i < 5000; i++) {
      int n = snprintf(k, sizeof k, "KEY%d", i);
      assert_int_equal(lxs_strmap_get(&m, k, (size_t)n), exact ? -1 : i);
      n = snprintf(k, sizeof k, "Key%d", i);
      assert_int_equal(lxs_strmap_get(&m, k, (size_t)n), i);
    }
    assert_int_equal(lxs_strmap_get(&m, "Key5000", 7), -1);
    lxs_strmap_free(&m);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(folding_keys),
      cmocka_unit_test(exact_keys),
      cmocka_unit_test(clear_keeps_the_kind),
      cmocka_unit_test(many_keys),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
