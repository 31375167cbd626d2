/* escape.c - text made safe for CSV, JSON, Markdown, HTML/SVG, HTML
 * comments and terminals (see escape.h). */
#include "escape.h"

#include <string.h>

#include "utf8.h"

/* ---- CSV -------------------------------------------------------------------- */

static int g_csv_raw;

void lxs_csv_set_raw(int raw) { g_csv_raw = raw; }

/* "-3", "+0.5", "12": a cell a spreadsheet reads as a number, not a
 * formula. */
static int plain_number(const char *s, size_t n) {
  size_t i = s[0] == '+' || s[0] == '-', digits = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
  if (i < n && s[i] == '.')
    for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) digits++;
  return digits > 0 && i == n;
}

/* One character ("-", the modifiers' theme) cannot make a formula. */
static int formula_like(const char *s, size_t n) {
  if (g_csv_raw || n < 2) return 0;
  char c = s[0];
  return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') &&
         !plain_number(s, n);
}

/* The bytes that end a CSV field's plain run: what needs quotes (',', '"',
 * CR, LF), non-ASCII (checked as UTF-8), and NUL (the end of a C string;
 * inside a counted field it only takes the general path, which copies it
 * the same). */
/* clang-format off */
static const unsigned char kCsvStop[256] = {
    [0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1,
    [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80..0x8f */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
/* clang-format on */

/* The length of s's leading run of bytes that end no plain field. */
static size_t plain_run(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && !kCsvStop[(unsigned char)s[i]]) i++;
  return i;
}

/* A plain field (ids, names, theme names: nearly all of them), as is. */
static void put_plain(lxs_buf *b, const char *s, size_t n) {
  if (formula_like(s, n)) lxs_buf_putc(b, '\'');
  lxs_buf_put(b, s, n);
}

void lxs_csv_field(lxs_buf *b, const char *s, size_t n) {
  if (plain_run(s, n) == n) {
    put_plain(b, s, n);
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
  for (size_t j = 0; j < n && !quote; j++)
    quote = s[j] == ',' || s[j] == '"' || s[j] == '\r' || s[j] == '\n';
  if (quote) lxs_buf_putc(b, '"');
  if (formula_like(s, n)) lxs_buf_putc(b, '\'');
  for (size_t j = 0; j < n; j++) {
    if (s[j] == '"') lxs_buf_putc(b, '"');
    lxs_buf_putc(b, s[j]);
  }
  if (quote) lxs_buf_putc(b, '"');
}

void lxs_csv_str(lxs_buf *b, const char *s) {
  /* one scan finds the end of a plain string; anything else is measured */
  size_t i = plain_run(s, (size_t)-1);
  if (s[i] == '\0') put_plain(b, s, i);
  else lxs_csv_field(b, s, i + strlen(s + i));
}

/* ---- JSON ------------------------------------------------------------------- */

/* The next code point of s[pos..n): its length, and U+FFFD for a byte
 * that starts no valid sequence. */
static size_t next_cp(const char *s, size_t n, size_t pos, int32_t *cp) {
  unsigned char c = (unsigned char)s[pos];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  return lxs_utf8_decode((const unsigned char *)s + pos, n - pos, cp);
}

/* Appends cp as UTF-8 (U+FFFD for an invalid byte: m == 1). */
static void put_cp(lxs_buf *b, const char *s, size_t m, int32_t cp) {
  if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(b, "\xEF\xBF\xBD", 3);
  else lxs_buf_put(b, s, m);
}

void lxs_json_str(lxs_buf *b, const char *s, size_t n) {
  lxs_buf_putc(b, '"');
  for (size_t pos = 0, m; pos < n; pos += m) {
    int32_t cp;
    m = next_cp(s, n, pos, &cp);
    switch (cp) {
    case '"': lxs_buf_puts(b, "\\\""); break;
    case '\\': lxs_buf_puts(b, "\\\\"); break;
    case '\n': lxs_buf_puts(b, "\\n"); break;
    case '\r': lxs_buf_puts(b, "\\r"); break;
    case '\t': lxs_buf_puts(b, "\\t"); break;
    default:
      if (cp < 0x20) lxs_buf_printf(b, "\\u%04x", (unsigned)cp);
      else put_cp(b, s + pos, m, cp);
    }
  }
  lxs_buf_putc(b, '"');
}

/* ---- Markdown, HTML, comments ---------------------------------------------- */

static int is_control(int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

void lxs_md_cell(lxs_buf *b, const char *s) {
  size_t n = strlen(s);
  for (size_t pos = 0, m; pos < n; pos += m) {
    int32_t cp;
    m = next_cp(s, n, pos, &cp);
    switch (cp) {
    case '|':
    case '\\':
    case '`':
    case '[':
    case ']':
      lxs_buf_putc(b, '\\');
      lxs_buf_putc(b, (char)cp);
      break;
    case '&': lxs_buf_puts(b, "&amp;"); break;
    case '<': lxs_buf_puts(b, "&lt;"); break;
    case '>': lxs_buf_puts(b, "&gt;"); break;
    default:
      if (is_control(cp)) lxs_buf_putc(b, ' ');
      else put_cp(b, s + pos, m, cp);
    }
  }
}

void lxs_html_escape(lxs_buf *out, const char *s, size_t n) {
  for (size_t pos = 0, m; pos < n; pos += m) {
    int32_t cp;
    m = next_cp(s, n, pos, &cp);
    switch (cp) {
    case '&': lxs_buf_puts(out, "&amp;"); break;
    case '<': lxs_buf_puts(out, "&lt;"); break;
    case '>': lxs_buf_puts(out, "&gt;"); break;
    case '"': lxs_buf_puts(out, "&quot;"); break;
    case '\'': lxs_buf_puts(out, "&#39;"); break;
    case '\n':
    case '\t': lxs_buf_putc(out, (char)cp); break;
    default:
      if (cp < 0x20) lxs_buf_putc(out, ' ');
      else if (is_control(cp) || cp == 0xFFFE || cp == 0xFFFF) lxs_buf_put(out, "\xEF\xBF\xBD", 3);
      else put_cp(out, s + pos, m, cp);
    }
  }
}

void lxs_html_comment_text(lxs_buf *out, const char *s, size_t n) {
  for (size_t pos = 0, m; pos < n; pos += m) {
    int32_t cp;
    m = next_cp(s, n, pos, &cp);
    /* the first '-' of every pair becomes %2D: "--" never stands */
    if (cp == '-' &&
        ((pos + 1 < n && s[pos + 1] == '-') || (out->len && out->data[out->len - 1] == '-')))
      lxs_buf_puts(out, "%2D");
    else if (is_control(cp)) lxs_buf_putc(out, ' ');
    else put_cp(out, s + pos, m, cp);
  }
}

/* ---- terminals -------------------------------------------------------------- */

static int is_bidi_control(int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

void lxs_term_text(lxs_buf *out, const char *s, size_t n) {
  for (size_t pos = 0, m; pos < n; pos += m) {
    int32_t cp;
    m = next_cp(s, n, pos, &cp);
    if (cp == '\t' || cp == '\n') {
      lxs_buf_putc(out, (char)cp);
    } else if (cp < 0x20 || cp == 0x7F) {
      lxs_buf_putc(out, '^');
      lxs_buf_putc(out, (char)(cp ^ 0x40)); /* ESC ^[, BEL ^G, DEL ^? */
    } else if (is_control(cp) || is_bidi_control(cp)) {
      lxs_buf_printf(out, "<U+%04X>", (unsigned)cp);
    } else {
      put_cp(out, s + pos, m, cp);
    }
  }
}
