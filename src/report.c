/* report.c - atomic report files and field formatting. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"

#define MAX_OPEN 64

struct lxs_out {
  FILE *f;
  char *path;
  char *tmp;
  int is_stdout;
  int is_device;
};

/* Temporaries to remove if a signal arrives; plain array so the handler
 * only reads memory that is already in place. */
static char *volatile g_tmp[MAX_OPEN];

static void track(char *tmp) {
  for (int i = 0; i < MAX_OPEN; i++)
    if (!g_tmp[i]) {
      g_tmp[i] = tmp;
      return;
    }
}

static void untrack(char *tmp) {
  for (int i = 0; i < MAX_OPEN; i++)
    if (g_tmp[i] == tmp) g_tmp[i] = NULL;
}

void lxs_out_cleanup_all(void) {
  for (int i = 0; i < MAX_OPEN; i++)
    if (g_tmp[i]) unlink(g_tmp[i]);
}

static void on_signal(int sig) {
  lxs_out_cleanup_all();
  static const char msg[] = "lexstance: interrupted; no report written\n";
  ssize_t r = write(2, msg, sizeof msg - 1);
  (void)r;
  _exit(sig == SIGINT ? 130 : 128 + sig);
}

void lxs_out_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  signal(SIGPIPE, SIG_IGN); /* a closed stdout is reported as EPIPE */
}

lxs_out *lxs_out_open(const char *path, char *err, size_t errlen) {
  lxs_out *o = lxs_xcalloc(1, sizeof *o);
  if (!path || strcmp(path, "-") == 0) {
    o->f = stdout;
    o->is_stdout = 1;
    return o;
  }
  size_t n = strlen(path);
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* A device or pipe (/dev/null, /dev/stdout, a FIFO): write to it
     * directly; renaming over it would replace the device node. */
    o->f = fopen(path, "wb");
    if (!o->f) {
      lxs_set_err(err, errlen, "%s: %s", path, strerror(errno));
      free(o);
      return NULL;
    }
    o->is_device = 1;
    o->path = lxs_xstrndup(path, n);
    return o;
  }
  o->path = lxs_xstrndup(path, n);
  o->tmp = lxs_xmalloc(n + 16);
  snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    lxs_set_err(err, errlen, "%s: cannot create: %s", path, strerror(errno));
    free(o->path);
    free(o->tmp);
    free(o);
    return NULL;
  }
  fchmod(fd, 0644);
  o->f = fdopen(fd, "wb");
  if (!o->f) {
    lxs_set_err(err, errlen, "%s: %s", path, strerror(errno));
    close(fd);
    unlink(o->tmp);
    free(o->path);
    free(o->tmp);
    free(o);
    return NULL;
  }
  track(o->tmp);
  return o;
}

FILE *lxs_out_file(lxs_out *o) { return o->f; }

int lxs_out_commit(lxs_out *o, char *err, size_t errlen) {
  int rc = 0;
  if (o->is_stdout) {
    if (fflush(stdout) != 0 || ferror(stdout)) {
      lxs_set_err(err, errlen, "error writing to standard output: %s",
                  strerror(errno ? errno : EIO));
      rc = -1;
    }
    free(o);
    return rc;
  }
  if (o->is_device) {
    if (fflush(o->f) != 0 || ferror(o->f)) {
      lxs_set_err(err, errlen, "%s: write failed: %s", o->path, strerror(errno ? errno : EIO));
      rc = -1;
    }
    if (fclose(o->f) != 0 && rc == 0) {
      lxs_set_err(err, errlen, "%s: write failed: %s", o->path, strerror(errno));
      rc = -1;
    }
    free(o->path);
    free(o);
    return rc;
  }
  if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
    lxs_set_err(err, errlen, "%s: write failed: %s", o->path,
                strerror(errno ? errno : EIO));
    rc = -1;
  }
  if (fclose(o->f) != 0 && rc == 0) {
    lxs_set_err(err, errlen, "%s: write failed: %s", o->path, strerror(errno));
    rc = -1;
  }
  if (rc == 0 && rename(o->tmp, o->path) != 0) {
    lxs_set_err(err, errlen, "%s: cannot rename into place: %s", o->path,
                strerror(errno));
    rc = -1;
  }
  if (rc != 0) unlink(o->tmp);
  untrack(o->tmp);
  free(o->tmp);
  free(o->path);
  free(o);
  return rc;
}

void lxs_out_abort(lxs_out *o) {
  if (!o) return;
  if (o->is_device) {
    fclose(o->f);
    free(o->path);
  } else if (!o->is_stdout) {
    fclose(o->f);
    unlink(o->tmp);
    untrack(o->tmp);
    free(o->tmp);
    free(o->path);
  }
  free(o);
}

void lxs_csv_field(lxs_buf *b, const char *s, size_t n) {
  /* Most fields (ids, names, theme names) are plain ASCII that needs no
   * quotes: one pass decides, and they are copied as they are. */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 || c == ',' || c == '"' || c == '\r' || c == '\n') break;
    i++;
  }
  if (i == n) {
    lxs_buf_put(b, s, n);
    return;
  }
  if (lxs_utf8_validate(s, n) < n) {
    /* Reports are always valid UTF-8: repair, then quote as usual. */
    lxs_buf fixed;
    lxs_buf_init(&fixed);
    lxs_utf8_repair(s, n, &fixed);
    lxs_csv_field(b, fixed.data, fixed.len);
    lxs_buf_free(&fixed);
    return;
  }
  int quote = 0;
  for (size_t j = 0; j < n; j++)
    if (s[j] == ',' || s[j] == '"' || s[j] == '\r' || s[j] == '\n') {
      quote = 1;
      break;
    }
  if (!quote) {
    lxs_buf_put(b, s, n);
    return;
  }
  lxs_buf_putc(b, '"');
  for (size_t j = 0; j < n; j++) {
    if (s[j] == '"') lxs_buf_putc(b, '"');
    lxs_buf_putc(b, s[j]);
  }
  lxs_buf_putc(b, '"');
}

void lxs_csv_str(lxs_buf *b, const char *s) { lxs_csv_field(b, s, strlen(s)); }

void lxs_fmt_num(lxs_buf *b, double v) {
  if (!isfinite(v)) v = 0;
  if (fabs(v) < 0.00005) { /* never print -0.0000; and zero is common */
    lxs_buf_put(b, "0.0000", 6);
    return;
  }
  /* Hot in large reports: print digits directly, and leave the rare value
   * that sits within rounding noise of a half (or is huge) to printf, so
   * the bytes always equal "%.4f". */
  double scaled = fabs(v) * 10000.0;
  double frac = scaled - floor(scaled);
  if (scaled > 9e15 || fabs(frac - 0.5) < 1e-6) {
    lxs_buf_printf(b, "%.4f", v);
    return;
  }
  uint64_t n = (uint64_t)(scaled + 0.5);
  char tmp[32];
  int k = 0;
  for (int d = 0; d < 4; d++) {
    tmp[k++] = (char)('0' + n % 10);
    n /= 10;
  }
  tmp[k++] = '.';
  do {
    tmp[k++] = (char)('0' + n % 10);
    n /= 10;
  } while (n);
  if (v < 0) tmp[k++] = '-';
  lxs_buf_reserve(b, (size_t)k);
  while (k) b->data[b->len++] = tmp[--k];
  b->data[b->len] = '\0';
}

void lxs_json_str(lxs_buf *b, const char *s, size_t n) {
  lxs_buf_putc(b, '"');
  size_t pos = 0;
  while (pos < n) {
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
      switch (c) {
      case '"': lxs_buf_puts(b, "\\\""); break;
      case '\\': lxs_buf_puts(b, "\\\\"); break;
      case '\n': lxs_buf_puts(b, "\\n"); break;
      case '\r': lxs_buf_puts(b, "\\r"); break;
      case '\t': lxs_buf_puts(b, "\\t"); break;
      default:
        if (c < 0x20) lxs_buf_printf(b, "\\u%04x", c);
        else lxs_buf_putc(b, (char)c);
      }
      pos++;
      continue;
    }
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(b, "\xEF\xBF\xBD", 3);
    else lxs_buf_put(b, s + pos, m);
    pos += m;
  }
  lxs_buf_putc(b, '"');
}

void lxs_md_cell(lxs_buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '|') lxs_buf_puts(b, "\\|");
    else if (*s == '\n' || *s == '\r') lxs_buf_putc(b, ' ');
    else lxs_buf_putc(b, *s);
  }
}
