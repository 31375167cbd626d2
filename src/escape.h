/* escape.h - text from documents, names and dictionaries made safe for the
 * format it is written into.  Nothing hostile in a text, a speaker's name
 * or a lexicon's file name may run as a spreadsheet formula, reach a
 * terminal as an escape sequence, become HTML in a Markdown table or a
 * report page, close an HTML comment early or make an SVG invalid XML.
 * Every writer takes its text cells through one of these; each repairs
 * invalid UTF-8 to U+FFFD, so every report is valid UTF-8. */
#ifndef LXS_ESCAPE_H
#define LXS_ESCAPE_H

#include <stddef.h>

#include "util.h"

/* CSV (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes
 * doubled.  A cell that starts with = + - @ TAB or CR (a spreadsheet would
 * run it as a formula: "=1+1", "@SUM(1+1)", "+cmd|' /C calc'!A0") gets a
 * ' in front, as OWASP recommends -- unless it is a plain number ("-3",
 * "+0.5") or a single character ("-").  lxs_csv_set_raw(1) turns that off for the whole process
 * (--csv-raw: for pipelines that want the bytes); set it before writing. */
void lxs_csv_field(lxs_buf *b, const char *s, size_t n);
void lxs_csv_str(lxs_buf *b, const char *s);
void lxs_csv_set_raw(int raw);

/* JSON string with escapes; invalid UTF-8 written as U+FFFD. */
void lxs_json_str(lxs_buf *b, const char *s, size_t n);

/* Markdown table cell: '|' '\' '`' '[' ']' backslash-escaped, & < > as
 * HTML entities (no raw HTML such as <img onerror=...>), line breaks and
 * other control characters as spaces. */
void lxs_md_cell(lxs_buf *b, const char *s);

/* Text for HTML and SVG (XML): & < > " ' as entities; control characters
 * but TAB and LF as spaces; U+FFFE, U+FFFF and C1 controls, which XML
 * does not allow or a page would not show, as U+FFFD. */
void lxs_html_escape(lxs_buf *out, const char *s, size_t n);

/* Text inside an HTML comment (<!-- ... -->): a '-' next to another '-' as
 * %2D, so no "-->" or "--!>" can close the comment early (nor "<!--"
 * open another); control characters as spaces. */
void lxs_html_comment_text(lxs_buf *out, const char *s, size_t n);

/* Text for a terminal: control characters shown, not obeyed -- C0 and DEL
 * in caret notation (ESC as ^[, DEL as ^?), C1 controls and the
 * bidirectional overrides (which reorder what is shown) as <U+XXXX>; TAB
 * and LF kept. */
void lxs_term_text(lxs_buf *out, const char *s, size_t n);

#endif
