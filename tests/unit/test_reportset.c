/* test_reportset.c - outputs that appear whole or not at all: temporary
 * files, report directories staged and swapped in, modes, links.  (The
 * failure paths -- fsync, rename, write failing mid-commit, signals -- are
 * tested through the CLI with the fault-injection shim, tests/faults/.) */
#define _XOPEN_SOURCE 700
#include "testutil.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reportset.h"

static char dir[64];

static int setup_dir(void **state) {
  (void)state;
  strcpy(dir, "/tmp/lxs-reportset-test.XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f) {
  (void)st;
  (void)flag;
  (void)f;
  return remove(p);
}

static int teardown_dir(void **state) {
  (void)state;
  return nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Names in directory d (relative to the test directory), sorted, joined
 * with ' '. */
static const char *listing_of(const char *sub) {
  static char buf[1024];
  char path[512], names[16][256];
  snprintf(path, sizeof path, "%s/%s", dir, sub);
  int n = 0;
  DIR *d = opendir(path);
  if (!d) return "(none)";
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
#define listing() listing_of("")

static const char *path_of(const char *name) {
  static char p[4][256];
  static int k;
  k = (k + 1) % 4;
  snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
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

static unsigned mode_of(const char *path) {
  struct stat st;
  assert_int_equal(lstat(path, &st), 0);
  return st.st_mode & 07777;
}

static void write_str(lxs_out *o, const char *s) {
  char err[256];
  assert_int_equal(lxs_out_write(o, s, strlen(s), err, sizeof err), 0);
}

/* ---- single files ----------------------------------------------------------- */

static void abort_leaves_no_file(void **state) {
  (void)state;
  char err[256];
  lxs_out *o = lxs_out_open(path_of("report.csv"), err, sizeof err);
  assert_non_null(o);
  write_str(o, "partial,row\r\n");
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
  write_str(o, "new,partial");
  assert_string_equal(slurp(path_of("report.csv")), "old contents\n");
  lxs_out_abort(o);
  assert_string_equal(slurp(path_of("report.csv")), "old contents\n");
  assert_string_equal(listing(), "report.csv");
}

/* A replaced file keeps its mode: a private 0600 report stays private. */
static void commit_replaces_file_and_keeps_its_mode(void **state) {
  (void)state;
  char err[256] = "";
  put(path_of("report.csv"), "old contents\n");
  chmod(path_of("report.csv"), 0600);
  lxs_out *o = lxs_out_open(path_of("report.csv"), err, sizeof err);
  assert_non_null(o);
  write_str(o, "a,b\r\n1,2\r\n");
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  assert_string_equal(slurp(path_of("report.csv")), "a,b\r\n1,2\r\n");
  assert_string_equal(listing(), "report.csv");
  assert_int_equal(mode_of(path_of("report.csv")), 0600);
}

/* A new file is 0666 & ~umask, as any program's. */
static void new_file_follows_umask(void **state) {
  (void)state;
  char err[256] = "";
  mode_t old = umask(077);
  lxs_out_install_signal_handlers(); /* reads the umask */
  lxs_out *o = lxs_out_open(path_of("private.csv"), err, sizeof err);
  umask(002);
  lxs_out_install_signal_handlers();
  lxs_out *p = lxs_out_open(path_of("shared.csv"), err, sizeof err);
  umask(old);
  lxs_out_install_signal_handlers();
  assert_non_null(o);
  assert_non_null(p);
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0); /* empty is fine */
  assert_int_equal(lxs_out_commit(p, err, sizeof err), 0);
  assert_string_equal(slurp(path_of("private.csv")), "");
  assert_int_equal(mode_of(path_of("private.csv")), 0600);
  assert_int_equal(mode_of(path_of("shared.csv")), 0664);
}

/* More than the write buffer, in pieces of every size. */
static void large_output_written_whole(void **state) {
  (void)state;
  char err[256];
  lxs_out *o = lxs_out_open(path_of("big.csv"), err, sizeof err);
  assert_non_null(o);
  static char chunk[200000];
  size_t total = 0;
  for (size_t n = 1; n < sizeof chunk; n = n * 3 + 1) {
    memset(chunk, 'a' + (int)(n % 26), n);
    assert_int_equal(lxs_out_write(o, chunk, n, err, sizeof err), 0);
    total += n;
  }
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  struct stat st;
  assert_int_equal(stat(path_of("big.csv"), &st), 0);
  assert_int_equal((size_t)st.st_size, total);
}

static void open_in_missing_directory_fails(void **state) {
  (void)state;
  char err[256] = "";
  assert_null(lxs_out_open("/nonexistent-dir/x.csv", err, sizeof err));
  assert_string_equal(err, "/nonexistent-dir/x.csv: cannot create: No such file or directory");
  assert_null(lxs_out_open("/tmp", err, sizeof err));
  assert_string_equal(err, "/tmp: is a directory");
}

static void cleanup_all_removes_temporaries(void **state) {
  (void)state;
  char err[256];
  lxs_out *a = lxs_out_open(path_of("a.csv"), err, sizeof err);
  lxs_out *c = lxs_out_open(path_of("c.csv"), err, sizeof err);
  lxs_reportset *rs = lxs_reportset_open(path_of("rep"), err, sizeof err);
  assert_non_null(a);
  assert_non_null(c);
  assert_non_null(rs);
  assert_int_equal(lxs_reportset_add(rs, "x.csv", "1\n", 2, err, sizeof err), 0);
  assert_int_not_equal(strlen(listing()), 0);
  lxs_out_cleanup_all();
  assert_string_equal(listing(), "");
  lxs_out_abort(a);
  lxs_out_abort(c);
  lxs_reportset_abort(rs);
  assert_string_equal(listing(), "");
}

static void dash_means_standard_output(void **state) {
  (void)state;
  char err[256];
  lxs_out *o = lxs_out_open("-", err, sizeof err);
  assert_non_null(o);
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  o = lxs_out_open(NULL, err, sizeof err);
  assert_non_null(o);
  lxs_out_abort(o);
  lxs_out_abort(NULL);
}

/* score -o F --partial P: both replaced by one commit. */
static void set_of_two_files_committed_together(void **state) {
  (void)state;
  char err[256] = "";
  put(path_of("rows.csv"), "old rows\n");
  lxs_out *outs[3] = {lxs_out_open(path_of("rows.csv"), err, sizeof err), NULL,
                      lxs_out_open(path_of("p.part"), err, sizeof err)};
  assert_non_null(outs[0]);
  assert_non_null(outs[2]);
  write_str(outs[0], "new rows\n");
  write_str(outs[2], "new partial\n");
  assert_int_equal(lxs_out_commit_set(outs, 3, err, sizeof err), 0);
  assert_null(outs[0]);
  assert_string_equal(slurp(path_of("rows.csv")), "new rows\n");
  assert_string_equal(slurp(path_of("p.part")), "new partial\n");
  assert_string_equal(listing(), "p.part rows.csv");
}

/* A link to the report is kept; the file it points to is replaced. */
static void symlinked_file_replaced_through_the_link(void **state) {
  (void)state;
  char err[256] = "";
  put(path_of("real.csv"), "old\n");
  assert_int_equal(symlink("real.csv", path_of("link.csv")), 0);
  lxs_out *o = lxs_out_open(path_of("link.csv"), err, sizeof err);
  assert_non_null(o);
  write_str(o, "new\n");
  assert_int_equal(lxs_out_commit(o, err, sizeof err), 0);
  struct stat st;
  assert_int_equal(lstat(path_of("link.csv"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_string_equal(slurp(path_of("real.csv")), "new\n");
  assert_string_equal(listing(), "link.csv real.csv");
}

static void same_target_resolves_paths(void **state) {
  (void)state;
  put(path_of("a.csv"), "");
  assert_int_equal(symlink("a.csv", path_of("l.csv")), 0);
  char dot[300], up[300];
  snprintf(dot, sizeof dot, "%s/./a.csv", dir);
  snprintf(up, sizeof up, "%s/../%s/new.csv", dir, strrchr(dir, '/') + 1);
  assert_true(lxs_out_same_target(path_of("a.csv"), dot));
  assert_true(lxs_out_same_target(path_of("l.csv"), path_of("a.csv")));
  assert_true(lxs_out_same_target(up, path_of("new.csv"))); /* neither exists */
  assert_false(lxs_out_same_target(path_of("a.csv"), path_of("new.csv")));
  assert_true(lxs_out_same_target("-", NULL));
  assert_false(lxs_out_same_target("-", path_of("a.csv")));
}

/* ---- report directories ---------------------------------------------------- */

static const lxs_report_file kSetA[] = {{"one.csv", "A1\n", 3}, {"two.svg", "A2\n", 3}};
static const lxs_report_file kSetB[] = {{"one.csv", "B1\n", 3}, {"two.svg", "B2\n", 3}};

static void report_directory_created_then_replaced(void **state) {
  (void)state;
  char err[256] = "";
  assert_int_equal(lxs_reportset_write(path_of("reports/deep/r"), kSetA, 2, err, sizeof err), 0);
  assert_string_equal(listing_of("reports/deep/r"), "one.csv two.svg");
  assert_string_equal(slurp(path_of("reports/deep/r/two.svg")), "A2\n");
  assert_int_equal(mode_of(path_of("reports/deep/r")), 0777 & ~022);
  chmod(path_of("reports/deep/r"), 0750);
  chmod(path_of("reports/deep/r/one.csv"), 0640);
  assert_int_equal(lxs_reportset_write(path_of("reports/deep/r/"), kSetB, 2, err, sizeof err), 0);
  assert_string_equal(slurp(path_of("reports/deep/r/one.csv")), "B1\n");
  assert_string_equal(slurp(path_of("reports/deep/r/two.svg")), "B2\n");
  /* the modes of what was replaced are kept; nothing else is left */
  assert_int_equal(mode_of(path_of("reports/deep/r")), 0750);
  assert_int_equal(mode_of(path_of("reports/deep/r/one.csv")), 0640);
  assert_int_equal(mode_of(path_of("reports/deep/r/two.svg")), 0644);
  assert_string_equal(listing_of("reports/deep"), "r");
}

/* `-o .` or `-o ~` must never delete what is not a report. */
static void directory_with_other_files_not_replaced(void **state) {
  (void)state;
  char err[512] = "";
  mkdir(path_of("mine"), 0755);
  put(path_of("mine/one.csv"), "old\n");
  put(path_of("mine/notes.txt"), "my notes\n");
  assert_int_equal(lxs_reportset_write(path_of("mine"), kSetA, 2, err, sizeof err), -1);
  char want[512];
  snprintf(want, sizeof want,
           "%s: holds 'notes.txt', which is not part of the report; not replacing the directory "
           "(write the report to a new or empty one)",
           path_of("mine"));
  assert_string_equal(err, want);
  assert_string_equal(listing_of("mine"), "notes.txt one.csv");
  assert_string_equal(slurp(path_of("mine/one.csv")), "old\n");
  assert_string_equal(listing(), "mine");
  /* a subdirectory is not a report file either */
  unlink(path_of("mine/notes.txt"));
  mkdir(path_of("mine/two.svg"), 0755);
  assert_int_equal(lxs_reportset_write(path_of("mine"), kSetA, 2, err, sizeof err), -1);
  assert_string_equal(listing_of("mine"), "one.csv two.svg");
}

static void symlinked_report_directory_kept(void **state) {
  (void)state;
  char err[256] = "";
  mkdir(path_of("store"), 0755);
  mkdir(path_of("store/r"), 0755);
  assert_int_equal(symlink("store/r", path_of("r")), 0);
  assert_int_equal(lxs_reportset_write(path_of("r"), kSetA, 2, err, sizeof err), 0);
  struct stat st;
  assert_int_equal(lstat(path_of("r"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_string_equal(slurp(path_of("store/r/one.csv")), "A1\n");
  assert_string_equal(listing_of("store"), "r");
  assert_int_equal(symlink("nowhere", path_of("dangling")), 0);
  assert_int_equal(lxs_reportset_write(path_of("dangling"), kSetA, 2, err, sizeof err), -1);
  char want[300];
  snprintf(want, sizeof want, "%s: dangling symbolic link", path_of("dangling"));
  assert_string_equal(err, want);
}

static void bad_report_paths_refused(void **state) {
  (void)state;
  char err[256] = "";
  assert_int_equal(lxs_reportset_write("", kSetA, 2, err, sizeof err), -1);
  assert_string_equal(err, "empty output path");
  assert_int_equal(lxs_reportset_write("/", kSetA, 2, err, sizeof err), -1);
  assert_string_equal(err, "/: cannot replace the root directory");
  put(path_of("file"), "x");
  assert_int_equal(lxs_reportset_write(path_of("file"), kSetA, 2, err, sizeof err), -1);
  char want[300];
  snprintf(want, sizeof want, "%s: not a directory", path_of("file"));
  assert_string_equal(err, want);
  assert_string_equal(listing(), "file");
}

#define DIRTEST(f) cmocka_unit_test_setup_teardown(f, setup_dir, teardown_dir)

int main(void) {
  lxs_out_install_signal_handlers();
  umask(022);
  lxs_out_install_signal_handlers();
  const struct CMUnitTest tests[] = {
      DIRTEST(abort_leaves_no_file),
      DIRTEST(abort_keeps_existing_file),
      DIRTEST(commit_replaces_file_and_keeps_its_mode),
      DIRTEST(new_file_follows_umask),
      DIRTEST(large_output_written_whole),
      cmocka_unit_test(open_in_missing_directory_fails),
      DIRTEST(cleanup_all_removes_temporaries),
      cmocka_unit_test(dash_means_standard_output),
      DIRTEST(set_of_two_files_committed_together),
      DIRTEST(symlinked_file_replaced_through_the_link),
      DIRTEST(same_target_resolves_paths),
      DIRTEST(report_directory_created_then_replaced),
      DIRTEST(directory_with_other_files_not_replaced),
      DIRTEST(symlinked_report_directory_kept),
      DIRTEST(bad_report_paths_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
