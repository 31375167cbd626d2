/* utf8.c - UTF-8 decoding with repair and normalisation (utf8proc). */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t lxs_utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need;
  int32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
    v = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    v = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    v = c & 0x07;
    min = 0x10000;
  } else {
    *cp = LXS_REPLACEMENT_CHAR;
    return 1;
  }
  if (len < need) {
    *cp = LXS_REPLACEMENT_CHAR;
    return 1;
  }
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = LXS_REPLACEMENT_CHAR;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = LXS_REPLACEMENT_CHAR;
    return 1;
  }
  *cp = v;
  return need;
}

size_t lxs_utf8_encode(int32_t cp, char out[4]) {
  utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
  if (n <= 0) {
    out[0] = (char)0xEF;
    out[1] = (char)0xBF;
    out[2] = (char)0xBD;
    return 3;
  }
  return (size_t)n;
}

int lxs_utf8_is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int lxs_utf8_is_mark(int32_t cp) {
  if (cp < 0x80) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int lxs_utf8_is_digit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

int lxs_utf8_is_space(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85)
    return 1;
  if (cp < 0x80) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0xFEFF || cp == 0x200B;
}

int lxs_utf8_is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(cp);
}

int lxs_utf8_is_lower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_islower(cp);
}

int32_t lxs_utf8_tolower(int32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return utf8proc_tolower(cp);
}

int32_t lxs_utf8_toupper(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  return utf8proc_toupper(cp);
}

int lxs_utf8_is_dash(int32_t cp) {
  if (cp == '-') return 1;
  if (cp < 0x80) return 0;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_PD || cp == 0x2212;
}

int lxs_utf8_is_apostrophe(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07 || cp == 0x2032;
}

int lxs_utf8_is_quote(int32_t cp) {
  if (cp == '"') return 1;
  if (cp < 0x80) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_PI || c == UTF8PROC_CATEGORY_PF || cp == 0x201E || cp == 0x201A ||
         cp == 0xFF02;
}

const char *lxs_utf8_category_code(int32_t cp) { return utf8proc_category_string(cp); }

/* Whether s is ASCII but for curly apostrophes (U+2018, U+2019), with no
 * backquote: what normalisation gives is then the ASCII lower-cased, each
 * curly apostrophe a straight one (NFKC and case folding change no other
 * ASCII byte; a backquote is left to the general path). */
static int ascii_with_apostrophes(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '`') return 0;
    if (c < 0x80) continue;
    if (c != 0xE2 || i + 2 >= len || (unsigned char)s[i + 1] != 0x80 ||
        ((unsigned char)s[i + 2] != 0x98 && (unsigned char)s[i + 2] != 0x99))
      return 0;
    i += 2;
  }
  return 1;
}

size_t lxs_utf8_normalize_word(const char *s, size_t len, lxs_buf *out) {
  size_t i;
  for (i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) break;
  if (i == len) { /* ASCII fast path: lower-case, backquote -> ' */
    lxs_buf_reserve(out, len);
    char *d = out->data + out->len;
    for (i = 0; i < len; i++) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
      else if (c == '`') c = '\'';
      d[i] = c;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return len;
  }
  if (ascii_with_apostrophes(s, len)) { /* "Trump\u2019s": no utf8proc */
    lxs_buf_reserve(out, len);
    size_t before = out->len;
    for (i = 0; i < len; i++) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
      if ((unsigned char)c == 0xE2) { /* U+2018 or U+2019 */
        c = '\'';
        i += 2;
      }
      out->data[out->len++] = c;
    }
    out->data[out->len] = '\0';
    return out->len - before;
  }
  /* Decompose into a scratch area of code points kept at the end of out,
   * then recompose.  utf8proc needs the buffer size up front; a case fold
   * expands a code point to at most 3, and decomposition to at most 18. */
  const utf8proc_option_t opts = UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_LUMP |
                                 UTF8PROC_STABLE;
  /* On the stack for any ordinary word (this runs per token); only a
   * word of over 120 bytes takes the heap.  (A thread-local buffer leaked
   * with every worker thread that ended.) */
  int32_t small[512];
  size_t scratch_cap = len * 4 + 16;
  int32_t *scratch = scratch_cap <= 512 ? small : lxs_xmalloc(scratch_cap * sizeof(int32_t));
  utf8proc_ssize_t n = 0;
  size_t pos = 0;
  /* Decode ourselves so invalid bytes become U+FFFD instead of an error. */
  while (pos < len) {
    int32_t cp;
    pos += lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    int last = 0;
    utf8proc_ssize_t r = utf8proc_decompose_char(cp, scratch + n,
                                                 (utf8proc_ssize_t)(scratch_cap - (size_t)n),
                                                 opts & ~UTF8PROC_COMPOSE, &last);
    if (r < 0 || (size_t)(n + r) > scratch_cap) {
      n = -1; /* cannot happen given the bound above */
      break;
    }
    n += r;
  }
  if (n >= 0) n = utf8proc_normalize_utf32(scratch, n, opts);
  if (n < 0) { /* fall back to a raw copy */
    if (scratch != small) free(scratch);
    lxs_buf_put(out, s, len);
    return len;
  }
  size_t before = out->len;
  for (utf8proc_ssize_t k = 0; k < n; k++) {
    char enc[4];
    int32_t cp = scratch[k];
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032) cp = '\'';
    size_t m = lxs_utf8_encode(cp, enc);
    lxs_buf_put(out, enc, m);
  }
  if (scratch != small) free(scratch);
  return out->len - before;
}

size_t lxs_utf8_validate(const char *s, size_t len) {
  size_t pos = 0;
  while (pos < len) {
    int32_t cp;
    size_t n = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (cp == LXS_REPLACEMENT_CHAR && n == 1) return pos;
    pos += n;
  }
  return len;
}

void lxs_utf8_repair(const char *s, size_t len, lxs_buf *out) {
  size_t pos = 0;
  lxs_buf_reserve(out, len);
  while (pos < len) {
    int32_t cp;
    size_t n = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (cp == LXS_REPLACEMENT_CHAR && n == 1) lxs_buf_put(out, "\xEF\xBF\xBD", 3);
    else lxs_buf_put(out, s + pos, n);
    pos += n;
  }
}

/* ---- Python str semantics, appended for the VADER-compatible mode. ----
 * The reference VADER is Python; to reproduce it we need Python's notions
 * of whitespace (str.split), case (str.isupper) and lowering (str.lower),
 * which differ from the classes above in a few code points. */

int lxs_utf8_py_isspace(int32_t cp) {
  /* Py_UNICODE_ISSPACE: bidi class WS/B/S or category Zs.  Unlike
   * lxs_utf8_is_space it includes U+001C..U+001F and excludes U+200B and
   * U+FEFF. */
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

typedef struct {
  int32_t lo, hi;
} lxs_utf8_range;

static int lxs_utf8_in_ranges(int32_t cp, const lxs_utf8_range *r, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (cp >= r[i].lo && cp <= r[i].hi) return 1;
  return 0;
}

/* Other_Lowercase / Other_Uppercase (PropList.txt): letters-like symbols
 * that Python counts as cased although their category is not Ll/Lu. */
static const lxs_utf8_range lxs_utf8_other_lower[] = {
    {0x00AA, 0x00AA},  {0x00BA, 0x00BA}, {0x02B0, 0x02B8},   {0x02C0, 0x02C1},   {0x02E0, 0x02E4},
    {0x0345, 0x0345},  {0x037A, 0x037A}, {0x10FC, 0x10FC},   {0x1D2C, 0x1D6A},   {0x1D78, 0x1D78},
    {0x1D9B, 0x1DBF},  {0x2071, 0x2071}, {0x207F, 0x207F},   {0x2090, 0x209C},   {0x2170, 0x217F},
    {0x24D0, 0x24E9},  {0x2C7C, 0x2C7D}, {0xA69C, 0xA69D},   {0xA770, 0xA770},   {0xA7F8, 0xA7F9},
    {0xAB5C, 0xAB5F},  {0xAB69, 0xAB69}, {0x10780, 0x10780}, {0x10783, 0x10785}, {0x10787, 0x107B0},
    {0x107B2, 0x107BA}};
static const lxs_utf8_range lxs_utf8_other_upper[] = {
    {0x2160, 0x216F}, {0x24B6, 0x24CF}, {0x1F130, 0x1F149}, {0x1F150, 0x1F169}, {0x1F170, 0x1F189}};

int lxs_utf8_py_islower_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL ||
         lxs_utf8_in_ranges(cp, lxs_utf8_other_lower,
                            sizeof lxs_utf8_other_lower / sizeof lxs_utf8_other_lower[0]);
}

int lxs_utf8_py_isupper_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
         lxs_utf8_in_ranges(cp, lxs_utf8_other_upper,
                            sizeof lxs_utf8_other_upper / sizeof lxs_utf8_other_upper[0]);
}

static int lxs_utf8_py_iscased(int32_t cp) {
  return lxs_utf8_py_islower_cp(cp) || lxs_utf8_py_isupper_cp(cp) ||
         (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

int lxs_utf8_py_isupper(const char *s, size_t len) {
  /* str.isupper(): no lowercase or titlecase character, at least one
   * uppercase one. */
  int cased = 0;
  size_t pos = 0;
  while (pos < len) {
    int32_t cp;
    pos += lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (lxs_utf8_py_islower_cp(cp) || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LT))
      return 0;
    if (lxs_utf8_py_isupper_cp(cp)) cased = 1;
  }
  return cased;
}

/* Case_Ignorable (approximation from categories and Word_Break classes),
 * needed only for the final-sigma rule of str.lower(). */
static int lxs_utf8_py_case_ignorable(int32_t cp) {
  switch (cp) {
  case 0x27:
  case 0x2E:
  case 0x3A:
  case 0xB7:
  case 0x387:
  case 0x55F:
  case 0x5F4:
  case 0x2018:
  case 0x2019:
  case 0x2024:
  case 0x2027:
  case 0xFE13:
  case 0xFE52:
  case 0xFE55:
  case 0xFF07:
  case 0xFF0E:
  case 0xFF1A: return 1;
  default: break;
  }
  if (cp < 0x80) return cp == '^' || cp == '`';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_CF ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_SK;
}

/* Python's Final_Sigma context for the capital sigma at s[at..): a cased
 * letter before it and none after it, skipping case-ignorables. */
static int lxs_utf8_final_sigma(const char *s, size_t len, size_t at, size_t next) {
  const unsigned char *u = (const unsigned char *)s;
  int before = 0;
  size_t p = at;
  while (p > 0) {
    size_t q = p - 1; /* back up to the start of the previous code point */
    while (q > 0 && (u[q] & 0xC0) == 0x80 && p - q < 4) q--;
    int32_t cp;
    if (lxs_utf8_decode(u + q, p - q, &cp) != p - q) {
      q = p - 1; /* not a well-formed sequence: last byte alone is U+FFFD */
      cp = LXS_REPLACEMENT_CHAR;
    }
    p = q;
    if (!lxs_utf8_py_case_ignorable(cp)) {
      before = lxs_utf8_py_iscased(cp);
      break;
    }
  }
  if (!before) return 0;
  for (p = next; p < len;) {
    int32_t cp;
    p += lxs_utf8_decode(u + p, len - p, &cp);
    if (!lxs_utf8_py_case_ignorable(cp)) return !lxs_utf8_py_iscased(cp);
  }
  return 1;
}

size_t lxs_utf8_py_lower(const char *s, size_t len, lxs_buf *out) {
  size_t before = out->len, pos = 0;
  lxs_buf_reserve(out, len);
  while (pos < len) {
    int32_t cp;
    size_t n = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (cp < 0x80) {
      lxs_buf_putc(out, (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp));
    } else if (cp == 0x130) {
      /* The one unconditional multi-character lowercase mapping
       * (SpecialCasing.txt): I WITH DOT ABOVE -> i + COMBINING DOT ABOVE. */
      lxs_buf_put(out, "i\xCC\x87", 3);
    } else {
      if (cp == 0x3A3 && lxs_utf8_final_sigma(s, len, pos, pos + n)) cp = 0x3C2;
      else cp = utf8proc_tolower(cp);
      char enc[4] = {0};
      lxs_buf_put(out, enc, lxs_utf8_encode(cp, enc));
    }
    pos += n;
  }
  return out->len - before;
}

/* lxs_utf8_fold_key's ASCII run from pos (to the first non-ASCII byte or
 * the end): ASCII folds to itself lower-cased, no utf8proc call.  Letters
 * and digits are kept, one space for each gap between them (gap: one is
 * pending; none before the key's first character, at out's offset at).
 * The room is reserved once for the run -- at most a space per byte --
 * rather than checked per byte: names are folded on every mention (make
 * bench-ipb: see the commit).  Returns the position after the run. */
static size_t fold_ascii_run(const char *s, size_t len, size_t pos, lxs_buf *out, size_t at,
                             int *gap) {
  size_t end = pos;
  while (end < len && (unsigned char)s[end] < 0x80) end++;
  lxs_buf_reserve(out, 2 * (end - pos));
  char *d = out->data;
  size_t o = out->len;
  int g = *gap;
  for (; pos < end; pos++) {
    unsigned char b = (unsigned char)s[pos];
    if (b >= 'A' && b <= 'Z') b = (unsigned char)(b - 'A' + 'a');
    if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) {
      g = o > at;
      continue;
    }
    if (g) d[o++] = ' ';
    g = 0;
    d[o++] = (char)b;
  }
  out->len = o;
  d[o] = '\0';
  *gap = g;
  return end;
}

void lxs_utf8_fold_key(const char *s, size_t len, lxs_buf *out) {
  const utf8proc_option_t opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                 UTF8PROC_STRIPMARK;
  int gap = 0;
  size_t at = out->len;
  for (size_t pos = 0; pos < len;) {
    unsigned char b = (unsigned char)s[pos];
    if (b < 0x80) {
      pos = fold_ascii_run(s, len, pos, out, at, &gap);
      continue;
    }
    int32_t cp, parts[32];
    pos += lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 32, opts, &last);
    if (n < 0 || n > 32) n = 0;
    for (utf8proc_ssize_t k = 0; k < n; k++) {
      if (!lxs_utf8_is_letter(parts[k]) && !lxs_utf8_is_digit(parts[k])) {
        gap = out->len > at;
        continue;
      }
      if (gap) lxs_buf_putc(out, ' ');
      gap = 0;
      char enc[4] = {0};
      lxs_buf_put(out, enc, lxs_utf8_encode(parts[k], enc));
    }
  }
  lxs_buf_cstr(out);
}
