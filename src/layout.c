/* layout.c - layouts that attribute whole paragraphs: round-up headers
 * ("Name, title, affiliation" lines), "Speaker: Name" lines, Q&A
 * interviews and "Name: text" transcripts. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

static int sent_ends(const actx *c) {
  if (!c->nw) return 0;
  size_t l = c->nw - 1;
  return terminal(c, l) || is_quote(c, l);
}

/* The first sentence of a paragraph being classified (in c->w). */
typedef struct {
  const lxs_para *P;
  const lxs_sent *S;
  size_t nw;
  int one_line; /* a paragraph of one sentence */
  int has_next; /* not the last paragraph */
} line_t;

/* Are the words before the name proper titles only? */
static int titles_only(const actx *c, const nameinfo *ni) {
  for (size_t k = 0; k < ni->n0; k++)
    if (!(c->wc[k] & (W_TITLE | W_ROLE | W_ROLEADJ | W_NATION))) return 0;
  return 1;
}

/* "Speaker: Name[, description]" */
static int speaker_line(actx *c, const line_t *l, pinfo *pk) {
  size_t nw = l->nw;
  if (!(l->one_line && l->has_next && norm_is(c, 0, "speaker") && nw > 2 &&
        is_p(c, 1, LXS_P_COLON) && !sent_ends(c)))
    return 0;
  size_t k = 2;
  while (k < nw && !is_p(c, k, LXS_P_COMMA)) k++;
  if (k <= 2) return 0;
  pk->kind = PK_SPEAKERLINE;
  pk->ns = TK(c, 2)->start;
  pk->ne = TK(c, k - 1)->end;
  pk->ds = k + 1 < nw ? TK(c, k + 1)->start : l->S->end;
  pk->de = l->S->end;
  return 1;
}

/* Are words [a, e) one or two personal names ("Ines Varga, Pim Alders",
 * "Li Wen and Sarah Chan")? */
static int names_only(const actx *c, size_t a, size_t e) {
  int names = 0;
  for (size_t k = a; k < e;) {
    if (is_p(c, k, LXS_P_COMMA) || norm_is(c, k, "and") || is_p(c, k, LXS_P_OTHER)) {
      k++;
      continue;
    }
    if (!namey(c, k) || (c->wc[k] & (W_NONNAME & ~W_TITLE))) return 0;
    size_t r = lxs_run_right(c, k, e);
    if (r == k) return 0; /* a one-word "name" is not enough */
    /* a headline in title case ("Okafor Slams Port Board Over Fees") */
    if (r > k + 3) return 0;
    for (size_t x = k + 1; x <= r; x++)
      if (c->wc[x] & (W_SPEECH | (W_NONNAME & ~(W_TITLE | W_ROLE)))) return 0;
    names++;
    k = r + 1;
  }
  return names >= 1 && names <= 2;
}

/* A byline at the top of the text: "By Michael Grant", "By Li Wen,
 * Beijing correspondent", or a line of one or two names ("Ines Varga,
 * Pim Alders").  It names the author; it is never a round-up header. */
static int byline(actx *c, uint32_t p, const line_t *l, pinfo *pk) {
  size_t nw = l->nw;
  if (p > 3 || !l->one_line || !l->has_next || l->S->nwords > 12 || terminal(c, nw - 1)) return 0;
  size_t a = norm_is(c, 0, "by") ? 1 : 0;
  if (a >= nw || !namey(c, a)) return 0;
  size_t e = a;
  while (e < nw && !is_p(c, e, LXS_P_COMMA)) e++;
  if (a == 1) {
    if (!names_only(c, a, e) && !names_only(c, a, nw)) return 0;
  } else if (!names_only(c, 0, nw)) {
    return 0;
  }
  pk->kind = PK_BYLINE;
  pk->bare = a == 0 && lxs_run_right(c, 0, nw) == nw - 1;
  pk->ns = TK(c, a)->start;
  pk->ne = a == 1 ? TK(c, e - 1)->end : l->S->end;
  return 1;
}

/* "Name, description" header line */
static int header_line(actx *c, const line_t *l, pinfo *pk) {
  size_t nw = l->nw;
  const lxs_sent *S = l->S;
  if (!(l->one_line && l->has_next && S->nwords >= 3 && S->nwords <= 60 && namey(c, 0) &&
        !(c->wc[0] & W_OPENER) && !(terminal(c, nw - 1) || is_quote(c, nw - 1))))
    return 0;
  size_t e = lxs_run_right(c, 0, nw);
  if (!(e + 1 < nw && is_p(c, e + 1, LXS_P_COMMA) && e >= 1 && S->nwords >= e + 3)) return 0;
  /* "Tariffs Hurt Farmers, Minister Says" is a title-case headline whose
   * speech verb ends it, not a name and a description */
  if (is_word(c, nw - 1) && (c->wc[nw - 1] & (W_SAY | W_WEAK | W_ACT)) && !(c->wc[nw - 1] & W_ROLE))
    return 0;
  nameinfo ni;
  lxs_analyze_run(c, 0, e, 0, &ni);
  int only = titles_only(c, &ni);
  /* "..., speaks at a forum in Beijing on Monday" is a photo caption */
  for (size_t k = e + 2; k < nw; k++)
    if ((c->wc[k] & W_TIME) || (c->wc[k] & W_META && norm_is(c, k, "photo")) ||
        (is_word(c, k) && !(TK(c, k)->flags & LXS_TF_CAPITAL) && (c->wc[k] & (W_SAY | W_WEAK))))
      only = 0;
  if (!(ni.ok && only)) return 0;
  pk->kind = PK_HEADER;
  pk->ns = TK(c, 0)->start;
  pk->ne = TK(c, e)->end;
  pk->ds = TK(c, e + 2)->start;
  pk->de = S->end;
  return 1;
}

/* "Name (Affiliation)" and a bare "Name" line */
static int name_line(actx *c, const line_t *l, pinfo *pk) {
  size_t nw = l->nw;
  if (!(l->one_line && l->has_next && namey(c, 0) && !(c->wc[0] & W_OPENER) && l->S->nwords <= 40))
    return 0;
  size_t e = lxs_run_right(c, 0, nw);
  size_t x = e + 1;
  int paren = x < nw && is_p(c, x, LXS_P_OPEN) && is_p(c, nw - 1, LXS_P_CLOSE) && nw > x + 2;
  int bare = x == nw || (x + 1 == nw && is_p(c, x, LXS_P_COLON));
  if (!((paren || bare) && e >= 1)) return 0;
  nameinfo ni;
  lxs_analyze_run(c, 0, e, 0, &ni);
  if (!(ni.ok && titles_only(c, &ni))) return 0;
  pk->kind = paren ? PK_HEADER : PK_NAMEONLY;
  if (bare && x < nw) pk->kind = PK_SPEAKERLINE; /* "Jayant Menon:" */
  pk->ns = TK(c, 0)->start;
  pk->ne = TK(c, e)->end;
  if (paren) {
    pk->ds = TK(c, x + 1)->start;
    pk->de = TK(c, nw - 2)->end;
  }
  return 1;
}

/* The label of a "Label: text" line: its colon (0 for "Q." / "A."), the
 * start of a parenthesis before the colon ("Global Times (GT):") and
 * whether it is a "Q." / "A." label.  0 when there is none. */
static int find_label(const actx *c, size_t nw, size_t *colon, size_t *paren_at, int *qa_dot) {
  *colon = 0;
  *paren_at = 0;
  *qa_dot = 0;
  for (size_t k = 0; k < nw && k < 9; k++) {
    if (is_p(c, k, LXS_P_COLON)) {
      *colon = k;
      break;
    }
    /* "Global Times (GT):" */
    if (k > 0 && !*paren_at && is_p(c, k, LXS_P_OPEN) && k + 2 < nw) {
      size_t y = k + 1;
      while (y < nw && y < k + 4 && !is_p(c, y, LXS_P_CLOSE)) y++;
      if (y + 1 < nw && is_p(c, y, LXS_P_CLOSE) && is_p(c, y + 1, LXS_P_COLON)) {
        *paren_at = k;
        k = y;
        continue;
      }
      break;
    }
    if (!is_word(c, k) || !(namey(c, k) || particle(c, k) || possessive(c, k))) break;
  }
  if (!*colon && nw > 1 && is_word(c, 0) && (TK(c, 0)->flags & LXS_TF_ABBR) &&
      (norm_is(c, 0, "q") || norm_is(c, 0, "a")) && is_word(c, 1)) {
    *colon = 0;
    *qa_dot = 1;
  }
  return *colon || *qa_dot;
}

/* A label in capitals ending in a full stop, alone in the paragraph's
 * first sentence: "THE MAYOR. Good evening ...", "MAYOR OKAFOR." -- its
 * full stop, or 0. */
static size_t dot_label(const actx *c, const line_t *l) {
  size_t nw = l->nw;
  if (l->P->nsent < 2 || nw < 2 || nw > 7 || !is_p(c, nw - 1, LXS_P_PERIOD)) return 0;
  for (size_t k = 0; k + 1 < nw; k++) {
    const lxs_token *t = TK(c, k);
    if (t->kind != LXS_TOK_WORD || !(t->flags & LXS_TF_ALLCAPS) || t->norm_len < 2 ||
        (t->flags & LXS_TF_NUMBER))
      return 0;
  }
  return nw - 1;
}

/* A label of a role only ("THE CHAIR", "The Mayor"): determiners and
 * titles, at least one of them an office. */
static int role_label(const actx *c, size_t le) {
  int office = 0;
  for (size_t k = 0; k <= le; k++) {
    lxs_wbits cl = c->wc[k];
    if (!is_word(c, k) || (cl & W_ASKER)) return 0;
    if ((cl & (W_ROLE | W_TITLE)) && !(cl & W_HONOR)) office = 1;
    else if (!(cl & (W_DET | W_ROLEADJ | W_NATION))) return 0;
  }
  return office;
}

/* The kind of a label ending at word le. */
static int label_kind(actx *c, size_t le) {
  for (size_t k = 0; k <= le; k++)
    if (c->wc[k] & (W_META | W_TIME)) return PK_NONE;
  if (role_label(c, le)) return PK_ROLE;
  if (le == 0) {
    lxs_wbits cl = c->wc[0];
    const lxs_token *t = TK(c, 0);
    if (cl & W_ASKER) return PK_Q;
    if (cl & W_ANSWER) return PK_A;
    if ((cl & W_ORG) && !(cl & W_PLACE)) return PK_OUTLET; /* "Xinhua:" */
    if (cl & (W_OPENER | W_PLACE | W_ORG | W_NATION | W_ROLEADJ)) return PK_NONE;
    if ((t->flags & LXS_TF_ALLCAPS) && t->norm_len <= 4) return PK_OUTLET;
    if (namey(c, 0)) return PK_NAME;
    return PK_NONE;
  }
  nameinfo ni;
  lxs_analyze_run(c, 0, le, 0, &ni);
  if (ni.ok && titles_only(c, &ni)) return PK_NAME; /* "Mayor Okafor:" */
  if (c->wc[le] & W_ASKER) return PK_Q;
  if (c->wc[le] & W_ORG) return PK_OUTLET; /* "Global Times:" */
  return PK_NONE;
}

/* "Label: text" */
static void label_line(actx *c, const line_t *l, pinfo *pk) {
  size_t nw = l->nw;
  const lxs_para *P = l->P;
  size_t colon, paren_at;
  int qa_dot;
  colon = dot_label(c, l);
  int dot = colon != 0;
  paren_at = 0;
  qa_dot = 0;
  if (!colon && !find_label(c, nw, &colon, &paren_at, &qa_dot)) return;
  size_t le = qa_dot ? 0 : (paren_at ? paren_at : colon) - 1; /* last label word */
  size_t body = qa_dot ? 1 : colon + 1;
  uint32_t words_after = 0;
  for (size_t k = body; k < nw; k++)
    if (is_word(c, k)) words_after++;
  for (uint32_t k = 1; k < P->nsent; k++) words_after += c->tk->sents[P->first_sent + k].nwords;
  int kind = label_kind(c, le);
  if (kind == PK_NONE) return;
  /* "Okafor: East quay will reopen" without a full stop is a headline */
  if (kind == PK_NAME && P->nsent == 1 && !terminal(c, nw - 1) && !is_quote(c, nw - 1)) return;
  if (qa_dot && kind != PK_Q && kind != PK_A) return;
  if (kind == PK_NAME && words_after == 0) {
    /* "Jayant Menon:" alone on its line */
    if (l->one_line && l->has_next && le >= 1 && nw == colon + 1) {
      pk->kind = PK_SPEAKERLINE;
      pk->ns = TK(c, 0)->start;
      pk->ne = TK(c, le)->end;
    }
    return;
  }
  /* a short label line without a sentence is article furniture */
  if (words_after < 4 && !(P->nsent > 1 || terminal(c, nw - 1) || is_quote(c, nw - 1))) return;
  pk->kind = kind;
  pk->dot = dot;
  pk->ns = TK(c, 0)->start;
  pk->ne = TK(c, le)->end;
}

/* A teaser or furniture line between paragraphs: "(RELATED: Mayor Hits
 * Out At Port Board)", "READ MORE: ...", "Photo: ...".  A furniture
 * label of one to three capitalised words, perhaps in brackets, then a
 * colon. */
static int teaser_line(const actx *c, const line_t *l, pinfo *pk) {
  size_t nw = l->nw, k = is_p(c, 0, LXS_P_OPEN) ? 1 : 0, m = k;
  if (!l->one_line || nw < k + 3 || !is_word(c, k) || !(c->wc[k] & W_META)) return 0;
  while (m < nw && m < k + 3 && is_word(c, m) && (TK(c, m)->flags & LXS_TF_CAPITAL)) m++;
  if (m >= nw || !is_p(c, m, LXS_P_COLON)) return 0;
  /* ("Editor's Note: ... reporter Li Wen talked to Jayant Menon." is prose:
   * a teaser is in brackets, has a label in capitals, or ends unstopped) */
  if (!k && !(TK(c, 0)->flags & LXS_TF_ALLCAPS) && terminal(c, nw - 1)) return 0;
  pk->kind = PK_TEASER;
  return 1;
}

/* Classify paragraph p by its first sentence. */
static void classify_para(actx *c, uint32_t p, pinfo *pk) {
  line_t l;
  l.P = &c->tk->paras[p];
  memset(pk, 0, sizeof *pk);
  lxs_sent_words(c, l.P->first_sent);
  l.nw = c->nw;
  if (!l.nw) return;
  l.S = &c->tk->sents[l.P->first_sent];
  l.one_line = l.P->nsent == 1;
  l.has_next = p + 1 < c->tk->npara;
  if (speaker_line(c, &l, pk) || teaser_line(c, &l, pk) || byline(c, p, &l, pk) ||
      header_line(c, &l, pk) || name_line(c, &l, pk))
    return;
  label_line(c, &l, pk);
}

/* The person answering in a Q&A. */
static int find_interviewee(actx *c, int section_owner, uint32_t from_para) {
  if (c->interviewee != WHO_NONE) return c->interviewee;
  if (section_owner >= 0) return section_owner;
  int best = c->intro_best;
  if (best >= 0 && c->P[best].intro > 0) return c->interviewee = best;
  /* the first person named anywhere after this point */
  for (uint32_t p = from_para; p < c->tk->npara; p++) {
    const lxs_para *P = &c->tk->paras[p];
    for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
      lxs_sent_words(c, s);
      for (size_t k = 0; k < c->nw; k++) {
        if (!namey(c, k)) continue;
        size_t e = lxs_run_right(c, k, c->nw);
        nameinfo ni;
        lxs_analyze_run(c, k, e, 1, &ni);
        if (ni.ok && ni.pi >= 0 && strchr(c->P[ni.pi].name, ' ')) return c->interviewee = ni.pi;
        k = e;
      }
    }
  }
  return c->interviewee = WHO_AUTHOR;
}

/* Counts of the layouts the pre-pass found. */
typedef struct {
  int nq, na, nname, distinct, multi, name_only;
  size_t first_ns, first_ne;
  uint32_t first_label; /* paragraph of the first name or role label + 1 */
} layout_counts;

static void count_layout(const actx *c, uint32_t p, const pinfo *pk, layout_counts *n) {
  const char *text = c->text;
  if (pk->kind == PK_Q || pk->kind == PK_OUTLET) n->nq++;
  if (pk->kind == PK_A) n->na++;
  if (pk->kind == PK_NAME || pk->kind == PK_ROLE) {
    n->nname++;
    if (memchr(text + pk->ns, ' ', pk->ne - pk->ns)) n->multi = 1;
    if (!n->first_label) n->first_label = p + 1;
  }
  if (pk->kind >= PK_Q) {
    if (!n->first_ne) {
      n->first_ns = pk->ns;
      n->first_ne = pk->ne;
      n->distinct = 1;
    } else if (n->distinct < 2 && !lxs_eq_lower(text + n->first_ns, n->first_ne - n->first_ns,
                                                text + pk->ns, pk->ne - pk->ns)) {
      n->distinct = 2;
    }
  }
  if (pk->kind == PK_NAMEONLY) n->name_only++;
}

/* Bare name lines are headers only in a round-up of two or more; a
 * one-line description right under one belongs to the header. */
static void settle_name_line(actx *c, uint32_t p, int name_only) {
  const lxs_tokenizer *tk = c->tk;
  pinfo *pk = &c->pk[p];
  /* ... introducing prose, not a byline */
  uint32_t q = p + 1;
  if (q < tk->npara && tk->paras[q].nsent == 1 && q + 1 < tk->npara) q++;
  uint32_t words = 0;
  for (uint32_t k = 0; k < tk->paras[q].nsent; k++)
    words += tk->sents[tk->paras[q].first_sent + k].nwords;
  if (name_only < 2 || words < 12) {
    pk->kind = PK_NONE;
    return;
  }
  pk->kind = PK_HEADER;
  if (p + 2 < tk->npara && c->pk[p + 1].kind == PK_NONE && tk->paras[p + 1].nsent == 1) {
    lxs_sent_words(c, tk->paras[p + 1].first_sent);
    int role = 0;
    for (size_t k = 0; k < c->nw; k++)
      if (c->wc[k] & (W_ROLE | W_ORG)) role = 1;
    if (role && c->nw && !sent_ends(c) && tk->sents[tk->paras[p + 1].first_sent].nwords <= 30) {
      const lxs_sent *D = &tk->sents[tk->paras[p + 1].first_sent];
      pk->ds = D->start;
      pk->de = D->end;
      c->pk[p + 1].kind = PK_DESCLINE;
    }
  }
}

/* "Full text of Governor Hana Lindqvist's speech at ...", "Minister Ada
 * Moreau's opening remarks": the speech noun at k (one adjective may stand
 * between) owned by a full name; its byte range. */
static int possessive_title(actx *c, size_t k, size_t *ns, size_t *ne) {
  size_t e = k - (k > 0);
  if (e > 0 && !possessive(c, e) && is_word(c, e) && !namey(c, e)) e--;
  if (!k || !possessive(c, e) || !namey(c, e)) return 0;
  size_t a = lxs_run_left(c, e, 0);
  while (a < e && (c->wc[a] & W_TITLE) && !(c->wc[a] & W_GIVEN)) a++;
  nameinfo ni;
  lxs_analyze_run(c, a, e, 0, &ni);
  if (!ni.ok || ni.ref != REF_FULL) return 0;
  *ns = TK(c, ni.n0)->start;
  *ne = TK(c, e)->end; /* with its "'s": lxs_canonical_name drops it */
  return 1;
}

/* A title line naming the speaker of the whole text: "Remarks by Minister
 * Ada Moreau at the Harbour Forum", "Full text of the statement of
 * Ambassador Ines Varga", "Keynote speech by Tom Birch, chair of the
 * Guild".  The name's byte range in *ns, *ne; 1 when it is one.  c holds
 * the paragraph's only sentence. */
static int speech_title(actx *c, size_t *ns, size_t *ne) {
  static const char *const nouns[] = {"remarks",   "statement", "speech",  "address", "keynote",
                                      "testimony", "message",   "lecture", NULL};
  static const char *const by[] = {"by", "of", "from", NULL};
  size_t k = 0;
  while (k < c->nw && k < 12 && (is_word(c, k) || is_p(c, k, LXS_P_COLON)) &&
         !lxs_in_words(nouns, NORM(c, k)))
    k++;
  if (k >= c->nw || k >= 12 || !is_word(c, k) || !lxs_in_words(nouns, NORM(c, k))) return 0;
  if (possessive_title(c, k, ns, ne)) return 1;
  size_t x = k + 1; /* "Keynote speech by", "Remarks as delivered by" */
  if (x < c->nw && is_word(c, x) && lxs_in_words(nouns, NORM(c, x))) x++;
  if (x + 1 < c->nw && norm_is(c, x, "as") && norm_is(c, x + 1, "delivered")) x += 2;
  if (!(x + 1 < c->nw && lxs_in_words(by, NORM(c, x)))) return 0;
  size_t a = x + 1;
  while (a < c->nw && a < x + 6 && is_word(c, a) && !namey(c, a) &&
         (c->wc[a] & (W_DET | W_ROLEADJ)))
    a++;
  while (a < c->nw && a < x + 8 && is_word(c, a) && (c->wc[a] & W_TITLE) && !(c->wc[a] & W_GIVEN))
    a++;
  if (a >= c->nw || !namey(c, a)) return 0;
  size_t e = lxs_run_right(c, a, c->nw);
  nameinfo ni;
  lxs_analyze_run(c, a, e, 0, &ni);
  if (!ni.ok || ni.ref != REF_FULL) return 0;
  *ns = TK(c, ni.n0)->start;
  *ne = TK(c, e)->end;
  return 1;
}

/* Does paragraph p report someone in the third person ("Mayor Ruth
 * Okafor said", "said Varga")?  Then one label opening the text is a
 * headline ("Mayor: East quay will reopen"), not a remarks transcript. */
static int reports_others(actx *c, uint32_t p) {
  const lxs_para *P = &c->tk->paras[p];
  for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
    lxs_sent_words(c, s);
    for (size_t k = 1; k < c->nw; k++)
      if (is_word(c, k) && !(TK(c, k)->flags & LXS_TF_CAPITAL) && (c->wc[k] & (W_SAY | W_WEAK)) &&
          ((namey(c, k - 1) && !norm_is(c, k - 1, "i")) || (k + 1 < c->nw && namey(c, k + 1))))
        return 1;
  }
  return 0;
}

void lxs_layout_prepass(actx *c) {
  const lxs_tokenizer *tk = c->tk;
  layout_counts n;
  memset(&n, 0, sizeof n);
  int bare = 0, reports = 0;
  for (uint32_t p = 0; p < tk->npara; p++) {
    classify_para(c, p, &c->pk[p]);
    count_layout(c, p, &c->pk[p], &n);
    bare += c->pk[p].kind == PK_BYLINE && c->pk[p].bare;
    if (c->pk[p].kind == PK_NONE && !reports) reports = reports_others(c, p);
  }
  /* a bare name at the top is a byline unless more bare names follow: then
   * it opens the first section of a round-up */
  if (bare && n.name_only + bare >= 2)
    for (uint32_t p = 0; p < tk->npara; p++)
      if (c->pk[p].kind == PK_BYLINE && c->pk[p].bare) {
        c->pk[p].kind = PK_NAMEONLY;
        n.name_only++;
      }
  for (uint32_t p = 0; p < tk->npara; p++)
    if (c->pk[p].kind == PK_NAMEONLY) settle_name_line(c, p, n.name_only);
  /* a title line naming the speaker opens a text that is theirs (not a
   * report of them: no "Okafor said" anywhere) */
  uint32_t t = tk->npara && c->pk[0].kind == PK_BYLINE ? 1 : 0;
  if (t < tk->npara && !reports && c->pk[t].kind == PK_NONE && tk->paras[t].nsent == 1 &&
      n.nq + n.na + n.nname == 0) {
    lxs_sent_words(c, tk->paras[t].first_sent);
    if (speech_title(c, &c->pk[t].ns, &c->pk[t].ne)) c->pk[t].kind = PK_HEADER;
  }
  layout_state *L = &c->lay;
  L->labelled = (n.nq >= 1 && n.na >= 1) || (n.nq + n.nname >= 2 && n.distinct >= 2) ||
                (n.nname >= 2 && n.multi) ||
                /* remarks: one label opening the text makes it that speaker's */
                (n.nq + n.na == 0 && n.nname == 1 && n.first_label && n.first_label <= 2 &&
                 !reports);
  L->owner = WHO_NONE;
  L->owner_cue = LXS_CUE_HEADER;
  L->turn = WHO_NONE;
  L->turn_active = 0;
}

/* A header or speaker line opens a section owned by its person. */
static void open_section(actx *c, const lxs_para *P, const pinfo *pk) {
  layout_state *L = &c->lay;
  int pi = lxs_person_from_text(c, c->text + pk->ns, pk->ne - pk->ns);
  if (pi >= 0 && pk->de > pk->ds) lxs_person_set_desc(c, pi, c->text + pk->ds, pk->de - pk->ds);
  L->owner = pi;
  L->owner_cue = pk->kind == PK_HEADER ? LXS_CUE_HEADER : LXS_CUE_SPEAKER_LINE;
  L->turn_active = 0;
  c->chain = WHO_NONE;
  c->dangling = WHO_NONE;
  c->intro_next = WHO_NONE;
  if (pi >= 0) lxs_recent_push(c, pi);
  lxs_put_para(c, P, pi, L->owner_cue, LXS_SENT_HEADER);
}

/* A labelled turn of a transcript or Q&A. */
static void open_turn(actx *c, uint32_t p, const lxs_para *P, const pinfo *pk) {
  layout_state *L = &c->lay;
  int who = WHO_AUTHOR, cue = LXS_CUE_TRANSCRIPT;
  if (pk->kind == PK_Q) cue = LXS_CUE_QA;
  if (pk->kind == PK_A) {
    who = find_interviewee(c, L->owner, p);
    cue = LXS_CUE_QA;
  }
  if (pk->kind == PK_NAME) {
    who = lxs_person_from_text(c, c->text + pk->ns, pk->ne - pk->ns);
    if (who >= 0 && c->P[who].asker) who = WHO_AUTHOR; /* the interviewer */
  }
  if (pk->kind == PK_ROLE) {
    who = lxs_person_for_role(c, c->text + pk->ns, pk->ne - pk->ns);
    cue = LXS_CUE_TRANSCRIPT;
  }
  c->labels_seen = 1;
  L->turn = who;
  L->turn_active = 1;
  c->chain = WHO_NONE;
  c->dangling = WHO_NONE;
  if (who >= 0) lxs_recent_push(c, who);
  lxs_put_para(c, P, who, cue, 0);
  if (pk->dot) c->sf[P->first_sent] |= LXS_SENT_HEADER; /* "THE MAYOR." is not scored */
}

int lxs_layout_paragraph(actx *c, uint32_t p) {
  const lxs_para *P = &c->tk->paras[p];
  const pinfo *pk = &c->pk[p];
  layout_state *L = &c->lay;
  if (pk->kind == PK_BYLINE) {
    if (!c->byline_e) {
      c->byline_s = pk->ns;
      c->byline_e = pk->ne;
    }
    lxs_put_para(c, P, WHO_AUTHOR, LXS_CUE_AUTHOR, LXS_SENT_HEADER);
    return 1;
  }
  if (pk->kind == PK_TEASER) { /* read on as if it were not there */
    lxs_put_para(c, P, WHO_AUTHOR, LXS_CUE_AUTHOR, 0);
    return 2;
  }
  if (pk->kind == PK_HEADER || pk->kind == PK_SPEAKERLINE) {
    open_section(c, P, pk);
    return 1;
  }
  if (pk->kind != PK_NONE) c->npend = 0;
  if (pk->kind == PK_DESCLINE) {
    lxs_put_para(c, P, L->owner, L->owner_cue, LXS_SENT_HEADER);
    return 1;
  }
  if (L->labelled && pk->kind >= PK_Q) {
    open_turn(c, p, P, pk);
    return 1;
  }
  if (L->turn_active && L->turn >= 0) {
    lxs_put_para(c, P, L->turn, LXS_CUE_CONTINUATION, 0);
    return 1;
  }
  if (L->owner >= 0 && !L->turn_active) {
    lxs_put_para(c, P, L->owner, L->owner_cue, 0);
    return 1;
  }
  return 0;
}
