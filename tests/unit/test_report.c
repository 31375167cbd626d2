#include <math.h>
/* test_report.c - stage 7: field formatting and atomic report files. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

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
  assert_string_equal(JSON("a\xFF" "b"), "\"a" FFFD "b\"");
  assert_string_equal(JSON("\xC0\xAF"), "\"" FFFD FFFD "\"");          /* overlong */
  assert_string_equal(JSON("\xED\xA0\x80"), "\"" FFFD FFFD FFFD "\""); /* surrogate */
  assert_string_equal(JSON("end\xE2\x82"), "\"end" FFFD FFFD "\"");     /* truncated */
  const char *s = JSON("\xF8\x88\x80\x80\x80 \x80 ok");
  assert_int_equal(lxs_utf8_validate(s, strlen(s)), strlen(s));
}

static void md_cell_escapes_pipes_and_newlines(void **state) {
  (void)state;
  b.len = 0;
  lxs_md_cell(&b, "a|b\nc\r\nd");
  assert_string_equal(lxs_buf_cstr(&b), "a\\|b c  d");
}

/* ---- atomic output ------------------------------------------------------ */

static char dir[64];

static int setup_dir(void **state) {
  (void)state;
  strcpy(dir, "/tmp/lxs-report-test.XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state) {
  (void)state;
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    char p[512];
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
      unlink(p);
    }
    closedir(d);
  }
  rmdir(dir);
  return 0;
}

/* Names in dir, sorted, joined with ' '. */
static const char *listing(void) {
  static char buf[1024];
  char names[16][256];
  int n = 0;
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *e;
  while ((e = readdir(d)) && n < 16) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    snprintf(names[n++], sizeof names[0], "%s", e->d_name);
  }
  closedir(d);
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(names[j], names[j - 1]) < 0; j--) {
      char t[256];
      strcpy(t, names[j]);
      strcpy(names[j], names[j - 1]);
      strcpy(names[j - 1], t);
    }
  buf[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i) strcat(buf, " ");
    strcat(buf, names[i]);
  }
  return buf;
}

static const char *path_of(const char *name) {
  static char p[256];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  return p;
}

static const char *slurp(const char *path) {
  static char buf[256];
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static void put(const char *path, const char *s) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(s, f);
  fclose(f);
}

static void abort_leaves_no_file(void **state) {
  (void)state;
  char err[256];
  lxs_out *o = lxs_out_open(path_of("report.csv"), err, sizeof err);
  assert_non_null(o);
  assert_non_null(lxs_out_file(o));
  fputs("partial,row\r\n", lxs_out_file(o));
  fflush(lxs_out_file(o));
  /* while open, only a temporary exists, never the target */
  assert_null(slurp(path_of("report.csv")));
  lxs_out_abort(o);
  assert_string_equal(listing(), "");
}

static void abort_keeps_existing_file(void **state) {
  (void)state;
  char err[256];
  put(path_of("report.csv"), "old contents\n");
  lxs_out *o = lxs_out_open(path_of("report.csv"), err, sizeof err);
  assert_non_null(o);
  fputs("new,partial", lxs_out_file(o));
  fflush(lxs_out_file(o));
  assert_string_equal(slurp(path_of("report.csv")), "old contents\n");
  lxs_out_abort(o);
  assert_string_equal(slurp(path_of("report.csv")), "old contents\n");
  assert_string_equal(listing(), "report.csv");
}

static void commit_replaces_existing_file(void **state) {
  (void)state;
  char err[256] = "";
  put(path_of("report.csv"), "old contents\n");
  lxs_out *o = lxs_out_open(path_of("report.csv"), err, sizeof err);
  assert_non_null(o);
  fputs("a,b\r\n1,2\r\n", lxs_out_file(o));
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  assert_string_equal(slurp(path_of("report.csv")), "a,b\r\n1,2\r\n");
  assert_string_equal(listing(), "report.csv");
  struct stat st;
  assert_int_equal(stat(path_of("report.csv"), &st), 0);
  assert_int_equal(st.st_mode & 0777, 0644);
}

static void commit_creates_new_file(void **state) {
  (void)state;
  char err[256] = "";
  lxs_out *o = lxs_out_open(path_of("new.csv"), err, sizeof err);
  assert_non_null(o);
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);  /* empty is fine */
  assert_string_equal(slurp(path_of("new.csv")), "");
  assert_string_equal(listing(), "new.csv");
}

static void open_in_missing_directory_fails(void **state) {
  (void)state;
  char err[256] = "";
  assert_null(lxs_out_open("/nonexistent-dir/x.csv", err, sizeof err));
  assert_string_equal(err, "/nonexistent-dir/x.csv: cannot create: No such file or directory");
}

static void cleanup_all_removes_temporaries(void **state) {
  (void)state;
  char err[256];
  lxs_out *a = lxs_out_open(path_of("a.csv"), err, sizeof err);
  lxs_out *c = lxs_out_open(path_of("c.csv"), err, sizeof err);
  assert_non_null(a);
  assert_non_null(c);
  assert_int_not_equal(strlen(listing()), 0);
  lxs_out_cleanup_all();
  assert_string_equal(listing(), "");
  lxs_out_abort(a);
  lxs_out_abort(c);
  assert_string_equal(listing(), "");
}

static void dash_means_standard_output(void **state) {
  (void)state;
  char err[256];
  lxs_out *o = lxs_out_open("-", err, sizeof err);
  assert_non_null(o);
  assert_ptr_equal(lxs_out_file(o), stdout);
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  o = lxs_out_open(NULL, err, sizeof err);
  assert_non_null(o);
  assert_ptr_equal(lxs_out_file(o), stdout);
  lxs_out_abort(o);
  lxs_out_abort(NULL);
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
      cmocka_unit_test_setup_teardown(md_cell_escapes_pipes_and_newlines, setup_buf,
                                      teardown_buf),
      cmocka_unit_test_setup_teardown(abort_leaves_no_file, setup_dir, teardown_dir),
      cmocka_unit_test_setup_teardown(abort_keeps_existing_file, setup_dir, teardown_dir),
      cmocka_unit_test_setup_teardown(commit_replaces_existing_file, setup_dir, teardown_dir),
      cmocka_unit_test_setup_teardown(commit_creates_new_file, setup_dir, teardown_dir),
      cmocka_unit_test(fmt_num_equals_printf),
      cmocka_unit_test(open_in_missing_directory_fails),
      cmocka_unit_test_setup_teardown(cleanup_all_removes_temporaries, setup_dir, teardown_dir),
      cmocka_unit_test(dash_means_standard_output),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
