#include <math.h>
/* test_report.c - stage 7: field formatting. */
#include "testutil.h"

#include <stdio.h>

#include "report.h"
#include "utf8.h"

static lxs_buf b;

static int setup_buf(void **state) {
  (void)state;
  lxs_buf_init(&b);
  return 0;
}

static int teardown_buf(void **state) {
  (void)state;
  lxs_buf_free(&b);
  return 0;
}

static const char *csv(const char *s, size_t n) {
  b.len = 0;
  lxs_csv_field(&b, s, n);
  return lxs_buf_cstr(&b);
}
#define CSV(lit) csv(lit, sizeof lit - 1)

static const char *num(double v) {
  b.len = 0;
  lxs_fmt_num(&b, v);
  return lxs_buf_cstr(&b);
}

static const char *json(const char *s, size_t n) {
  b.len = 0;
  lxs_json_str(&b, s, n);
  return lxs_buf_cstr(&b);
}
#define JSON(lit) json(lit, sizeof lit - 1)

/* ---- CSV ---------------------------------------------------------------- */

static void csv_plain_field_unquoted(void **state) {
  (void)state;
  assert_string_equal(CSV("Kin Phea"), "Kin Phea");
  assert_string_equal(CSV(""), "");
  assert_string_equal(CSV("caf\xC3\xA9 'quoted'"), "caf\xC3\xA9 'quoted'");
}

static void csv_quotes_comma_quote_cr_lf(void **state) {
  (void)state;
  assert_string_equal(CSV("director, Institute"), "\"director, Institute\"");
  assert_string_equal(CSV("the \"Example\" Institute"), "\"the \"\"Example\"\" Institute\"");
  assert_string_equal(CSV("\""), "\"\"\"\"");
  assert_string_equal(CSV("line\nbreak"), "\"line\nbreak\"");
  assert_string_equal(CSV("cr\rhere"), "\"cr\rhere\"");
  assert_string_equal(CSV("a\r\nb"), "\"a\r\nb\"");
}

static void csv_field_uses_length_not_nul(void **state) {
  (void)state;
  assert_string_equal(csv("a,b", 1), "a");
  b.len = 0;
  lxs_csv_str(&b, "x,y");
  assert_string_equal(lxs_buf_cstr(&b), "\"x,y\"");
}

/* ---- numbers ------------------------------------------------------------ */

static void fmt_num_four_decimals(void **state) {
  (void)state;
  assert_string_equal(num(0.5), "0.5000");
  assert_string_equal(num(-0.5), "-0.5000");
  assert_string_equal(num(0.44721359), "0.4472");
  assert_string_equal(num(1.23456), "1.2346");
  assert_string_equal(num(125.0), "125.0000");
  assert_string_equal(num(0), "0.0000");
  assert_string_equal(num(-0.0001), "-0.0001");
}

static void fmt_num_never_negative_zero(void **state) {
  (void)state;
  assert_string_equal(num(-0.0), "0.0000");
  assert_string_equal(num(-1e-300), "0.0000");
  assert_string_equal(num(-0.00004), "0.0000");
  assert_string_equal(num(-0.0000499999), "0.0000");
  for (double v = -1e-9; v > -0.0002; v *= 1.01) {
    const char *s = num(v);
    if (strcmp(s, "-0.0000") == 0) fail_msg("lxs_fmt_num(%.12g) = -0.0000", v);
  }
}

static void fmt_num_non_finite(void **state) {
  (void)state;
  assert_string_equal(num(NAN), "0.0000");
  assert_string_equal(num(INFINITY), "0.0000");
  assert_string_equal(num(-INFINITY), "0.0000");
}

/* ---- JSON and Markdown -------------------------------------------------- */

static void json_escapes(void **state) {
  (void)state;
  assert_string_equal(JSON("plain"), "\"plain\"");
  assert_string_equal(JSON("a\"b\\c"), "\"a\\\"b\\\\c\"");
  assert_string_equal(JSON("l\nr\rt\t"), "\"l\\nr\\rt\\t\"");
  assert_string_equal(JSON("\x01\x1f"), "\"\\u0001\\u001f\"");
  assert_string_equal(JSON("nul\0x"), "\"nul\\u0000x\"");
  assert_string_equal(JSON("caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80"),
                      "\"caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80\"");
}

#define FFFD "\xEF\xBF\xBD"

static void json_invalid_utf8_becomes_replacement(void **state) {
  (void)state;
  assert_string_equal(JSON("a\xFF"
                           "b"),
                      "\"a" FFFD "b\"");
  assert_string_equal(JSON("\xC0\xAF"), "\"" FFFD FFFD "\"");          /* overlong */
  assert_string_equal(JSON("\xED\xA0\x80"), "\"" FFFD FFFD FFFD "\""); /* surrogate */
  assert_string_equal(JSON("end\xE2\x82"), "\"end" FFFD FFFD "\"");    /* truncated */
  const char *s = JSON("\xF8\x88\x80\x80\x80 \x80 ok");
  assert_int_equal(lxs_utf8_validate(s, strlen(s)), strlen(s));
}

static void md_cell_escapes_pipes_and_newlines(void **state) {
  (void)state;
  b.len = 0;
  lxs_md_cell(&b, "a|b\nc\r\nd");
  assert_string_equal(lxs_buf_cstr(&b), "a\\|b c  d");
}

/* lxs_fmt_num prints its own digits; it must equal "%.4f" byte for byte
 * (apart from the -0.0000 rule) on values of every kind. */
static void fmt_num_equals_printf(void **state) {
  (void)state;
  uint64_t x = 88172645463325252ULL;
  char want[64];
  for (int i = 0; i < 200000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    double v;
    if (i % 3 == 0) v = (double)(int64_t)(x % 400001 - 200000) / 20000.0; /* halves */
    else if (i % 3 == 1) v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 4;
    else v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 2e6;
    lxs_buf nb;
    lxs_buf_init(&nb);
    lxs_fmt_num(&nb, v);
    snprintf(want, sizeof want, "%.4f", fabs(v) < 0.00005 ? 0.0 : v);
    if (strcmp(nb.data, want) != 0) fail_msg("%.17g: got %s, want %s", v, nb.data, want);
    lxs_buf_free(&nb);
  }
}

/* lxs_buf_put_uint and lxs_buf_put_int print "%llu" and "%lld" byte for
 * byte: every digit count, the 32-bit edge, both ends of the range. */
static void put_uint_equals_printf(void **state) {
  (void)state;
  const unsigned long long v[] = {0,          9,
                                  10,         99,
                                  100,        101,
                                  12345,      1000000,
                                  4294967295, 4294967296,
                                  9999999999, 18446744073709551615ULL,
                                  1ULL << 63, 10000000000000000000ULL};
  char want[32];
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
    for (unsigned long long d = 0; d < 3 && d <= v[i]; d++) {
      lxs_buf nb;
      lxs_buf_init(&nb);
      lxs_buf_put(&nb, "x", 1);
      lxs_buf_put_uint(&nb, v[i] - d);
      snprintf(want, sizeof want, "x%llu", v[i] - d);
      assert_string_equal(nb.data, want);
      nb.len = 0;
      lxs_buf_put_int(&nb, -(long long)((v[i] - d) >> 1));
      snprintf(want, sizeof want, "%lld", -(long long)((v[i] - d) >> 1));
      assert_string_equal(nb.data, want);
      lxs_buf_free(&nb);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(csv_plain_field_unquoted, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(csv_quotes_comma_quote_cr_lf, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(csv_field_uses_length_not_nul, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(fmt_num_four_decimals, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(fmt_num_never_negative_zero, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(fmt_num_non_finite, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(json_escapes, setup_buf, teardown_buf),
      cmocka_unit_test_setup_teardown(json_invalid_utf8_becomes_replacement, setup_buf,
                                      teardown_buf),
      cmocka_unit_test_setup_teardown(md_cell_escapes_pipes_and_newlines, setup_buf, teardown_buf),
      cmocka_unit_test(fmt_num_equals_printf),
      cmocka_unit_test(put_uint_equals_printf),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
