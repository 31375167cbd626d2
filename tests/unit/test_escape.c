/* test_escape.c - text made safe for each output format (escape.c): exact
 * bytes for hostile input. */
#include "testutil.h"

#include "escape.h"

static lxs_buf b;

static int setup(void **state) {
  (void)state;
  lxs_buf_init(&b);
  lxs_csv_set_raw(0);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  lxs_buf_free(&b);
  lxs_csv_set_raw(0);
  return 0;
}

typedef void (*esc_fn)(lxs_buf *, const char *, size_t);
static const char *run(esc_fn f, const char *s, size_t n) {
  b.len = 0;
  f(&b, s, n);
  return lxs_buf_cstr(&b);
}
#define RUN(f, lit) run(f, lit, sizeof lit - 1)

static void csv_str(lxs_buf *out, const char *s, size_t n) {
  (void)n;
  lxs_csv_str(out, s);
}

/* lxs_csv_str finds a plain string's end in its scan; everything else
 * takes lxs_csv_field's general path, with the same bytes. */
static void csv_str_plain_and_not(void **state) {
  (void)state;
  assert_string_equal(RUN(csv_str, "us_protectionism"), "us_protectionism");
  assert_string_equal(RUN(csv_str, ""), "");
  assert_string_equal(RUN(csv_str, "12"), "12");
  assert_string_equal(RUN(csv_str, "=1+1"), "'=1+1");
  assert_string_equal(RUN(csv_str, "a,b"), "\"a,b\"");
  assert_string_equal(RUN(csv_str, "say \"no\""), "\"say \"\"no\"\"\"");
  assert_string_equal(RUN(csv_str, "two\nlines"), "\"two\nlines\"");
  assert_string_equal(RUN(csv_str, "caf\xC3\xA9"), "caf\xC3\xA9");
  assert_string_equal(RUN(csv_str, "caf\xC3"), "caf\xEF\xBF\xBD");
  assert_string_equal(RUN(csv_str, "\x7f~"), "\x7f~");
  /* a counted field holding a NUL is copied whole, as before */
  run(lxs_csv_field, "a\0b", 3);
  assert_int_equal(b.len, 3);
  assert_memory_equal(b.data, "a\0b", 3);
}

static void md(lxs_buf *out, const char *s, size_t n) {
  (void)n;
  lxs_md_cell(out, s);
}

static void csv_formulas_neutralised(void **state) {
  (void)state;
  assert_string_equal(RUN(lxs_csv_field, "=1+1"), "'=1+1");
  assert_string_equal(RUN(lxs_csv_field, "@SUM(1+1)"), "'@SUM(1+1)");
  assert_string_equal(RUN(lxs_csv_field, "+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  assert_string_equal(RUN(lxs_csv_field, "-1+1"), "'-1+1");
  assert_string_equal(RUN(lxs_csv_field, "\t=1"), "'\t=1");
  /* CR forces quotes; the ' goes inside them */
  assert_string_equal(RUN(lxs_csv_field, "\r=1"), "\"'\r=1\"");
  assert_string_equal(RUN(lxs_csv_field, "=A1,\"x\""), "\"'=A1,\"\"x\"\"\"");
  assert_string_equal(RUN(lxs_csv_field, "=caf\xC3\xA9"), "'=caf\xC3\xA9");
  /* numbers, one character and ordinary text stay */
  assert_string_equal(RUN(lxs_csv_field, "-3"), "-3");
  assert_string_equal(RUN(lxs_csv_field, "+0.5"), "+0.5");
  assert_string_equal(RUN(lxs_csv_field, "-"), "-");
  assert_string_equal(RUN(lxs_csv_field, "a=1"), "a=1");
  assert_string_equal(RUN(lxs_csv_field, ""), "");
  lxs_csv_set_raw(1);
  assert_string_equal(RUN(lxs_csv_field, "=1+1"), "=1+1");
  assert_string_equal(RUN(lxs_csv_field, "=A1,\"x\""), "\"=A1,\"\"x\"\"\"");
}

static void md_no_html_no_links(void **state) {
  (void)state;
  assert_string_equal(RUN(md, "<img src=x onerror=alert(1)>"),
                      "&lt;img src=x onerror=alert(1)&gt;");
  assert_string_equal(RUN(md, "a | b & [c](d) `e` \\"), "a \\| b &amp; \\[c\\](d) \\`e\\` \\\\");
  assert_string_equal(RUN(md, "line\nbreak\r\x1b[2J\x7f"), "line break  \\[2J ");
  assert_string_equal(RUN(md, "bad\xff\xfe utf8"), "bad\xEF\xBF\xBD\xEF\xBF\xBD utf8");
  assert_string_equal(RUN(md, "us_protectionism"), "us_protectionism");
}

static void html_is_valid_xml(void **state) {
  (void)state;
  assert_string_equal(RUN(lxs_html_escape, "<a href=\"x\">'&'</a>"),
                      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  /* U+FFFF, U+FFFE and a C1 control are not XML characters */
  assert_string_equal(RUN(lxs_html_escape, "A\xEF\xBF\xBF"
                                           "B\xEF\xBF\xBE"
                                           "C\xC2\x85"),
                      "A\xEF\xBF\xBD"
                      "B\xEF\xBF\xBD"
                      "C\xEF\xBF\xBD");
  assert_string_equal(RUN(lxs_html_escape, "a\x01\tb\nc\x1b"), "a \tb\nc ");
  assert_string_equal(RUN(lxs_html_escape, "\xc3"), "\xEF\xBF\xBD");
}

static void comment_cannot_close(void **state) {
  (void)state;
  assert_string_equal(RUN(lxs_html_comment_text, "x--><img>.tsv"), "x%2D-><img>.tsv");
  assert_string_equal(RUN(lxs_html_comment_text, "a---b--!>c<!--d"), "a%2D%2D-b%2D-!>c<!%2D-d");
  assert_string_equal(RUN(lxs_html_comment_text, "my-lex\n.tsv"), "my-lex .tsv");
}

static void terminal_controls_shown(void **state) {
  (void)state;
  assert_string_equal(RUN(lxs_term_text, "\x1b]0;title\x07 \x1b[2J"), "^[]0;title^G ^[[2J");
  assert_string_equal(RUN(lxs_term_text, "tab\tline\nDEL\x7f"
                                         "CR\r"),
                      "tab\tline\nDEL^?CR^M");
  /* C1 CSI and a right-to-left override, in UTF-8 */
  assert_string_equal(RUN(lxs_term_text, "\xC2\x9B"
                                         "2J \xE2\x80\xAE"
                                         "txt.exe"),
                      "<U+009B>2J <U+202E>txt.exe");
  assert_string_equal(RUN(lxs_term_text, "caf\xC3\xA9 \xff"), "caf\xC3\xA9 \xEF\xBF\xBD");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(csv_formulas_neutralised, setup, teardown),
      cmocka_unit_test_setup_teardown(csv_str_plain_and_not, setup, teardown),
      cmocka_unit_test_setup_teardown(md_no_html_no_links, setup, teardown),
      cmocka_unit_test_setup_teardown(html_is_valid_xml, setup, teardown),
      cmocka_unit_test_setup_teardown(comment_cannot_close, setup, teardown),
      cmocka_unit_test_setup_teardown(terminal_controls_shown, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
