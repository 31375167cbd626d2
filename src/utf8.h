/* utf8.h - the UTF-8 module: decoding with repair, character classes and
 * word normalisation.  The only file that includes utf8proc.h is utf8.c. */
#ifndef LXS_UTF8_H
#define LXS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define LXS_REPLACEMENT_CHAR 0xFFFD

/* Decode one code point from s[0..len).  Invalid, overlong, surrogate or
 * truncated sequences yield U+FFFD and consume exactly one byte, so a caller
 * never reads past len and always makes progress.  len must be > 0. */
size_t lxs_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);

/* Encode cp (must be valid) into out; returns bytes written (1-4). */
size_t lxs_utf8_encode(int32_t cp, char out[4]);

/* Character classes (Unicode general categories). */
int lxs_utf8_is_letter(int32_t cp); /* L* */
int lxs_utf8_is_mark(int32_t cp);   /* M* */
int lxs_utf8_is_digit(int32_t cp);  /* N* */
int lxs_utf8_is_space(int32_t cp);  /* Z*, tab, CR, LF, VT, FF, NEL */
int lxs_utf8_is_upper(int32_t cp);
int lxs_utf8_is_lower(int32_t cp);
int32_t lxs_utf8_tolower(int32_t cp);
int32_t lxs_utf8_toupper(int32_t cp);
/* Dash punctuation (Pd): hyphen, en dash, em dash, ... */
int lxs_utf8_is_dash(int32_t cp);
/* Apostrophe-like: ' U+2019 U+2018 U+02BC U+FF07 */
int lxs_utf8_is_apostrophe(int32_t cp);
/* Quotation marks (Pi/Pf and ASCII "). */
int lxs_utf8_is_quote(int32_t cp);
/* Unicode general category as two-letter code ("Lu", "Po", ...). */
const char *lxs_utf8_category_code(int32_t cp);

/* Normalise a word for lookup: NFC, case-folded, with curly apostrophes,
 * quotes and dashes lumped to ASCII (utf8proc LUMP).  Appends to out
 * (which is reused by the caller).  Pure-ASCII input takes a fast path.
 * Returns the number of bytes appended. */
size_t lxs_utf8_normalize_word(const char *s, size_t len, lxs_buf *out);

/* Identity key of a name: letters and digits only, compatibility-
 * decomposed, case-folded and without diacritics (marks dropped); any
 * other run of characters is one space between words, none at the ends:
 * "José Núñez-Ruiz" -> "jose nunez ruiz".  Appends to out. */
void lxs_utf8_fold_key(const char *s, size_t len, lxs_buf *out);

/* Valid-UTF-8 check; returns offset of first invalid byte or len. */
size_t lxs_utf8_validate(const char *s, size_t len);

/* Copy s into out replacing every invalid sequence by U+FFFD. */
void lxs_utf8_repair(const char *s, size_t len, lxs_buf *out);

#endif

/* ---- Python str semantics (appended for the VADER-compatible mode) ---- */
#ifndef LXS_UTF8_PY_H
#define LXS_UTF8_PY_H
/* Whitespace as Python's str.split() sees it (U+001C..U+001F and U+0085
 * count; U+200B and U+FEFF do not). */
int lxs_utf8_py_isspace(int32_t cp);
/* Python's Lowercase / Uppercase character properties (Ll/Lu plus
 * Other_Lowercase / Other_Uppercase, e.g. U+00AA, U+2160). */
int lxs_utf8_py_islower_cp(int32_t cp);
int lxs_utf8_py_isupper_cp(int32_t cp);
/* Python str.isupper() of the UTF-8 text s[0..len) (invalid bytes read as
 * U+FFFD): at least one uppercase and no lowercase or titlecase char. */
int lxs_utf8_py_isupper(const char *s, size_t len);
/* Append Python str.lower() of s[0..len) to out (U+0130 -> "i\u0307",
 * final sigma; invalid bytes become U+FFFD).  Returns bytes appended. */
size_t lxs_utf8_py_lower(const char *s, size_t len, lxs_buf *out);
#endif
