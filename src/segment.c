/* segment.c - speaker sections of round-up articles.
 *
 * A header paragraph is one line that does not end a sentence, opens with a
 * personal name (2-6 capitalised words, initials or name particles) and a
 * comma, then describes the person: "Jayant Menon, a visiting senior fellow
 * at ...".  Such a line starts that person's section. */
#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

static const char *const kParticles[] = {
    "van", "von", "de", "da", "del", "der", "di", "dos", "du", "la", "le",
    "bin", "binti", "al", "ibn", "y", "ter", "ten", "bte", "bt", NULL};
/* Capitalised words that open sentences or headlines, never names. */
static const char *const kNotNames[] = {
    "the", "a", "an", "in", "on", "at", "for", "by", "with", "this", "that",
    "these", "those", "it", "we", "they", "he", "she", "i", "but", "and",
    "or", "however", "meanwhile", "yet", "so", "if", "when", "while",
    "although", "as", "after", "before", "since", "first", "second",
    "third", "finally", "ultimately", "moreover", "today", "now", "our",
    "its", "their", "his", "her", "editor's", "note",
    "published", "illustration", "photo", "source", "according", NULL};

static int in_list(const char *const *l, const char *s) {
  for (size_t i = 0; l[i]; i++)
    if (strcmp(l[i], s) == 0) return 1;
  return 0;
}

void lxs_speakers_init(lxs_speakers *sp) {
  memset(sp, 0, sizeof *sp);
  lxs_speakers_intern(sp, "author", 6, "", 0);
}

void lxs_speakers_clear(lxs_speakers *sp) {
  for (size_t i = 1; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  if (sp->n > 1) sp->n = 1;
}

void lxs_speakers_free(lxs_speakers *sp) {
  for (size_t i = 0; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  free(sp->names);
  free(sp->descs);
  memset(sp, 0, sizeof *sp);
}

/* Copy text collapsing any run of Unicode space to one ASCII space. */
static char *clean_copy(const char *s, size_t n) {
  lxs_buf b;
  lxs_buf_init(&b);
  size_t pos = 0;
  int space = 0;
  while (pos < n) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (lxs_utf8_is_space(cp) || cp == 0) {
      space = 1;
    } else {
      if (space && b.len) lxs_buf_putc(&b, ' ');
      space = 0;
      if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(&b, "\xEF\xBF\xBD", 3);
      else lxs_buf_put(&b, s + pos, m);
    }
    pos += m;
  }
  char *r = lxs_xstrndup(b.data ? b.data : "", b.len);
  lxs_buf_free(&b);
  return r;
}

uint32_t lxs_speakers_intern(lxs_speakers *sp, const char *name, size_t nlen,
                             const char *desc, size_t dlen) {
  char *nm = clean_copy(name, nlen);
  for (size_t i = 0; i < sp->n; i++) {
    if (strcasecmp(sp->names[i], nm) == 0) {
      free(nm);
      if (!sp->descs[i][0] && dlen) {
        free(sp->descs[i]);
        sp->descs[i] = clean_copy(desc, dlen);
      }
      return (uint32_t)i;
    }
  }
  if (sp->n == sp->cap) {
    sp->cap = sp->cap ? sp->cap * 2 : 8;
    sp->names = lxs_xrealloc(sp->names, sp->cap * sizeof(char *));
    sp->descs = lxs_xrealloc(sp->descs, sp->cap * sizeof(char *));
  }
  sp->names[sp->n] = nm;
  sp->descs[sp->n] = clean_copy(desc, dlen);
  return (uint32_t)sp->n++;
}

/* Is token a plausible part of a personal name? */
static int name_token(const lxs_tokenizer *tk, const lxs_token *t) {
  if (t->kind != LXS_TOK_WORD) return 0;
  const char *nm = lxs_tok_norm(tk, t);
  if (in_list(kParticles, nm)) return 2;
  if (!(t->flags & LXS_TF_CAPITAL)) return 0;
  if (t->flags & LXS_TF_NUMBER) return 0;
  return 1;
}

/* If paragraph p is a speaker header, return 1 and the byte ranges of the
 * name and the description. */
static int header_line(const lxs_tokenizer *tk, const char *text,
                       const lxs_para *p, size_t *ns, size_t *ne, size_t *ds,
                       size_t *de) {
  if (p->nsent != 1) return 0;
  const lxs_sent *s = &tk->sents[p->first_sent];
  if (s->nwords < 3 || s->nwords > 60) return 0;
  const lxs_token *toks = tk->toks + s->first_tok;
  size_t n = s->ntok;
  const lxs_token *last = &toks[n - 1];
  if (last->kind == LXS_TOK_PUNCT &&
      (last->punct == LXS_P_PERIOD || last->punct == LXS_P_QUEST ||
       last->punct == LXS_P_EXCL || last->punct == LXS_P_QUOTE ||
       last->punct == LXS_P_COLON))
    return 0;
  /* Explicit "Speaker: Name[, description]" */
  if (toks[0].kind == LXS_TOK_WORD &&
      strcmp(lxs_tok_norm(tk, &toks[0]), "speaker") == 0 && n > 2 &&
      toks[1].kind == LXS_TOK_PUNCT && toks[1].punct == LXS_P_COLON) {
    size_t k = 2, comma = n;
    for (; k < n; k++)
      if (toks[k].kind == LXS_TOK_PUNCT && toks[k].punct == LXS_P_COMMA) {
        comma = k;
        break;
      }
    *ns = toks[2].start;
    *ne = toks[comma - 1].end;
    *ds = comma < n - 1 ? toks[comma + 1].start : s->end;
    *de = s->end;
    return *ne > *ns;
  }
  /* Name: 2-6 name tokens, then a comma. */
  size_t k = 0, names = 0, caps = 0;
  for (; k < n; k++) {
    const lxs_token *t = &toks[k];
    if (t->flags & LXS_TF_PART) continue;
    if (t->kind == LXS_TOK_PUNCT) break;
    int nt = name_token(tk, t);
    if (!nt) return 0;
    if (nt == 1) {
      if (names == 0 && in_list(kNotNames, lxs_tok_norm(tk, t))) return 0;
      caps++;
    }
    names++;
    if (names > 6) return 0;
  }
  if (k >= n || toks[k].punct != LXS_P_COMMA || caps < 2) return 0;
  /* The first word must not be a particle, the last must be capitalised. */
  if (name_token(tk, &toks[0]) != 1) return 0;
  /* A description follows: at least two more words. */
  if (s->nwords < names + 2) return 0;
  (void)text;
  *ns = toks[0].start;
  *ne = toks[k - 1].end;
  *ds = toks[k + 1 < n ? k + 1 : k].start;
  *de = s->end;
  return 1;
}

void lxs_segment(const lxs_tokenizer *tk, const char *text,
                 lxs_speakers *sp, uint32_t *sent_speaker,
                 uint32_t *sent_flags) {
  uint32_t cur = 0; /* author */
  for (size_t pi = 0; pi < tk->npara; pi++) {
    const lxs_para *p = &tk->paras[pi];
    size_t ns, ne, ds, de;
    int is_header = 0;
    /* A header needs a following paragraph to introduce. */
    if (pi + 1 < tk->npara && header_line(tk, text, p, &ns, &ne, &ds, &de)) {
      cur = lxs_speakers_intern(sp, text + ns, ne - ns, text + ds, de - ds);
      is_header = 1;
    }
    for (uint32_t k = 0; k < p->nsent; k++) {
      sent_speaker[p->first_sent + k] = cur;
      sent_flags[p->first_sent + k] = is_header ? LXS_SENT_HEADER : 0;
    }
  }
}
