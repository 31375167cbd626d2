/* cmd_explain.c - `lexstance explain`: every matched sentence with its
 * matched spans highlighted, the rules applied and each contribution. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "validate.h"

#define C_ON_TARGET "\033[1;36m"
#define C_ON_EVAL "\033[1;33m"
#define C_OFF "\033[0m"

static int wanted(const cli_opts *o, const lxs_lexicon *lex, const lxs_evidence *e) {
  if (!o->theme) return e->theme != LXS_THEME_NONE;
  const char *tn = e->theme == LXS_THEME_NONE ? "sentiment" : lxs_lexicon_theme_name(lex, e->theme);
  return strcmp(tn, o->theme) == 0;
}

static void explain_doc(lxs_buf *b, const cli_opts *o, const lxs_lexicon *lex, const char *doc,
                        const char *text, const lxs_result *r, int color) {
  size_t e = 0;
  for (size_t s = 0; s < r->n_sentences; s++) {
    const lxs_sentence *se = &r->sentences[s];
    const char *spk = r->speakers[se->speaker].name;
    if (o->speaker && strcasecmp(o->speaker, spk) != 0) {
      while (e < r->n_evidence && r->evidence[e].sentence == s) e++;
      continue;
    }
    size_t e0 = e;
    int any = 0;
    while (e < r->n_evidence && r->evidence[e].sentence == s) {
      if (wanted(o, lex, &r->evidence[e])) any = 1;
      e++;
    }
    if (!any) continue;
    /* what comes from the text or a lexicon is shown, not obeyed, by a
     * terminal: lxs_term_text */
    lxs_term_text(b, doc, strlen(doc));
    lxs_buf_printf(b, " sentence %zu, ", s + 1);
    lxs_term_text(b, spk, strlen(spk));
    lxs_buf_puts(b, ":\n  ");
    /* Highlight: walk the sentence, opening a mark at each wanted span. */
    size_t pos = se->start;
    for (size_t k = e0; k < e; k++) {
      const lxs_evidence *ev = &r->evidence[k];
      if (!wanted(o, lex, ev) || ev->start < pos) continue;
      lxs_term_text(b, text + pos, ev->start - pos);
      int tgt = strcmp(ev->role, "target") == 0;
      lxs_buf_puts(b, color ? (tgt ? C_ON_TARGET : C_ON_EVAL) : (tgt ? "{" : "["));
      lxs_term_text(b, text + ev->start, ev->end - ev->start);
      lxs_buf_puts(b, color ? C_OFF : (tgt ? "}" : "]"));
      pos = ev->end;
    }
    lxs_term_text(b, text + pos, se->end - pos);
    lxs_buf_putc(b, '\n');
    for (size_t k = e0; k < e; k++) {
      const lxs_evidence *ev = &r->evidence[k];
      if (!wanted(o, lex, ev)) continue;
      const char *tn = ev->theme == LXS_THEME_NONE ? "sentiment"
                                                   : lxs_lexicon_theme_name(lex, ev->theme);
      lxs_buf_printf(b, "    %-18s %+.3f  %s '", tn, ev->contribution, ev->role);
      lxs_term_text(b, text + ev->start, ev->end - ev->start);
      lxs_buf_puts(b, "'");
      if (ev->target_end > ev->target_start &&
          (ev->target_start != ev->start || ev->target_end != ev->end)) {
        lxs_buf_puts(b, " -> '");
        lxs_term_text(b, text + ev->target_start, ev->target_end - ev->target_start);
        lxs_buf_puts(b, "'");
      }
      lxs_buf_puts(b, " (lexicon \"");
      lxs_term_text(b, ev->term, strlen(ev->term));
      lxs_buf_printf(b, "\", weight %+.2f", ev->weight);
      for (unsigned m = 0; lxs_modifier_name(m); m++)
        if (ev->modifiers & (1u << m)) lxs_buf_printf(b, ", %s", lxs_modifier_name(m));
      if (ev->holder) {
        lxs_buf_puts(b, ", held by ");
        lxs_term_text(b, ev->holder, strlen(ev->holder));
      }
      lxs_buf_puts(b, ")\n");
    }
    for (size_t t = 0; t < r->n_themes; t++) {
      const lxs_theme_score *ts = &r->scores[s * r->n_themes + t];
      const char *tn = lxs_lexicon_theme_name(lex, t);
      if (!ts->mentions || (o->theme && strcmp(o->theme, tn) != 0)) continue;
      lxs_buf_printf(b, "    = %s stance %+.3f (raw %+.3f, %u mention%s)\n", tn, ts->stance,
                     ts->raw, ts->mentions, ts->mentions == 1 ? "" : "s");
    }
    if (!o->theme || strcmp(o->theme, "sentiment") == 0)
      lxs_buf_printf(b, "    = sentiment %+.3f\n", se->sentiment);
    lxs_buf_putc(b, '\n');
  }
}

/* --speaker: whether the inputs have that speaker, and which they have
 * (for the message when they do not). */
typedef struct {
  int found;
  lxs_buf names; /* "a, b, c" */
  size_t n;
} speaker_check;

static void check_speakers(speaker_check *c, const char *wanted, const lxs_result *r) {
  for (size_t sp = 0; sp < r->n_speakers && !c->found; sp++) {
    const char *name = r->speakers[sp].name;
    if (strcasecmp(name, wanted) == 0) c->found = 1;
    else if (c->n < 20 && !strstr(c->names.data ? c->names.data : "", name)) {
      if (c->n++) lxs_buf_puts(&c->names, ", ");
      lxs_display_text(name, strlen(name), 60, &c->names);
    }
  }
}

int cmd_explain(int argc, char **argv) {
  cli_opts o;
  int first = cli_parse(argc, argv, &o);
  if (first >= argc) cli_usage_error("%s", "explain needs at least one FILE");
  for (int i = first; i < argc; i++) cli_check_input_name(&o, argv[i]);
  lxs_lexicon *lex = cli_load_lexicon(&o);
  if (o.theme && strcmp(o.theme, "sentiment") != 0) {
    int found = 0;
    for (size_t t = 0; t < lxs_lexicon_theme_count(lex); t++)
      if (strcmp(lxs_lexicon_theme_name(lex, t), o.theme) == 0) found = 1;
    if (!found) {
      cli_err("unknown theme '%s'", o.theme);
      lxs_lexicon_free(lex);
      cli_opts_free(&o);
      return CLI_EXIT_USAGE;
    }
  }
  char err[ERRLEN];
  lxs_scorer *sc = lxs_scorer_new(lex, err, sizeof err);
  int color = o.color >= 0 ? o.color : isatty(STDOUT_FILENO);
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = 0;
  lxs_speaker_hints *hints = cli_load_hints(&o);
  lxs_options sopt = {!o.no_attribution, hints};
  lxs_columns cols = {o.text_col, o.id_col, NULL, 0};
  speaker_check spk = {0};
  lxs_buf_init(&spk.names);
  for (int i = first; i < argc && rc == 0; i++) {
    lxs_reader *rd = lxs_reader_open(argv[i], o.input_set ? o.input : LXS_IN_TEXT, err, sizeof err);
    if (!rd) {
      cli_err("%s", err);
      rc = LXS_EIO;
      break;
    }
    lxs_reader_set_columns(rd, &cols);
    lxs_record rec;
    int k;
    while ((k = lxs_reader_next(rd, &rec, err, sizeof err)) == 1) {
      const lxs_result *res = lxs_scorer_run(sc, rec.text, rec.len, &sopt);
      if (o.speaker) check_speakers(&spk, o.speaker, res);
      explain_doc(&b, &o, lex, rec.id, rec.text, res, color);
      if (fwrite(b.data ? b.data : "", 1, b.len, stdout) != b.len) break;
      b.len = 0;
    }
    if (k < 0) {
      cli_err("%s", err);
      rc = cli_exit_code(lxs_reader_error(rd));
    }
    lxs_reader_close(rd);
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_err("error writing to standard output: %s", strerror(errno ? errno : EIO));
    if (!rc) rc = LXS_EIO;
  }
  /* A speaker the inputs do not have is a mistyped name, not "nothing to
   * show": printing nothing and exiting 0 would hide it. */
  if (rc == 0 && o.speaker && !spk.found) {
    cli_err("no speaker '%s' in the input (its speakers: %s)", o.speaker,
            spk.n ? lxs_buf_cstr(&spk.names) : "none");
    rc = CLI_EXIT_USAGE;
  }
  lxs_buf_free(&spk.names);
  lxs_buf_free(&b);
  lxs_scorer_free(sc);
  cli_free_hints(hints);
  lxs_lexicon_free(lex);
  cli_opts_free(&o);
  return rc;
}
