/* frames.c - speech frames: the verb that reports speech in a sentence
 * ("said", "argued", "according to", ", saying", "In X's view", "X was
 * blunt: ...") and the person it names as speaker. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

static int time_word(const actx *c, size_t k) {
  static const char *const w[] = {"week",      "month",   "year",  "weekend", "morning",
                                  "afternoon", "evening", "night", "today",   "yesterday",
                                  "earlier",   "later",   NULL};
  if (c->wc[k] & W_TIME) return 1;
  if (TK(c, k)->flags & LXS_TF_NUMBER) return 1;
  const char *n = NORM(c, k);
  for (int i = 0; w[i]; i++)
    if (strcmp(n, w[i]) == 0) return 1;
  return 0;
}

/* Is there a speech quote in sentence k (of the paragraph) that closes
 * before token v? */
static int quote_closes_before(const actx *c, uint32_t k, uint32_t v) {
  if (c->sspan0[k] == NO_TOK) return 0;
  for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++) {
    const qspan *sp = &c->spans[x];
    if (sp->speech && sp->close != NO_TOK && sp->close < v && sp->s_close == c->cur_sent) return 1;
  }
  return 0;
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n > m + 2 && memcmp(s + n - m, suf, m) == 0;
}

static int is_be(const char *n) {
  static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
  return lxs_in_words(be, n);
}

/* A form of "be" before word k, perhaps with adverbs between ("was highly
 * criticised"): the passive or the progressive. */
static int be_before(const actx *c, size_t k) {
  for (size_t p = k, steps = 0; p > 0 && steps < 3; steps++) {
    p--;
    if (!is_word(c, p)) return 0;
    const char *n = NORM(c, p);
    if (is_be(n)) return 1;
    if ((c->wc[p] & W_NEG) || !((c->wc[p] & W_AUX) || ends_with(n, "ly"))) return 0;
  }
  return 0;
}

/* An object of a few words, then "to" and a verb: "urged the smaller
 * ports to reject ...". */
static int object_then_to(const actx *c, size_t nx) {
  for (size_t x = nx; x < c->nw && x < nx + 8 && is_word(c, x); x++)
    if (x > nx && norm_is(c, x, "to")) return x + 1 < c->nw && is_word(c, x + 1);
  return 0;
}

static int finite_aux(const char *n) {
  static const char *const f[] = {"is",   "are",    "was",   "were",  "will", "would", "could",
                                  "can",  "should", "might", "may",   "must", "had",   "has",
                                  "have", "'s",     "'ll",   "won't", NULL};
  return lxs_in_words(f, n);
}

/* Words [a, e] between a weak verb and "that": a time or place phrase
 * ("on Monday", "in a statement") or the people addressed ("shipowners",
 * "the board", "him"), not a thing a relative clause describes ("a plan
 * that the board rejected"). */
static int addressee_or_phrase(const actx *c, size_t a, size_t e) {
  static const char *const prep[] = {"on",   "in",   "at",      "during", "after", "before",
                                     "to",   "via",  "through", "from",   "with",  "over",
                                     "last", "this", "earlier", "late",   NULL};
  static const char *const obj[] = {"him", "her", "them", "us", "me", "you", NULL};
  if (lxs_in_words(prep, NORM(c, a)) || time_word(c, a)) return 1;
  if ((c->wc[e] & (W_ROLE | W_GROUPN)) || lxs_collective_head(c, e)) return 1;
  /* ("the board", "Congress"; not "a plan": "plan" is also an
   * organisation word, as in "the Colombo Plan") */
  int indefinite = norm_is(c, a, "a") || norm_is(c, a, "an");
  return !indefinite && (namey(c, e) || (c->wc[e] & W_ORG) || lxs_in_words(obj, NORM(c, e)));
}

/* The complement of a weak speech verb a few words on, over an object or
 * a time or place phrase: "warned shipowners that ...", "hinted on Monday
 * that ...", "acknowledged the timetable was tight", "predicted the fees
 * would fall".  A "that" after a speech noun ("a statement that") or a
 * relative word stops the search: what follows is no reported clause. */
static int weak_complement(const actx *c, size_t nx) {
  for (size_t x = nx; x < c->nw && x < nx + 6; x++) {
    if (!is_word(c, x) || c->inq[c->w[x]] || (c->wc[x] & (W_SPEECH | W_NEG))) return 0;
    const char *n = NORM(c, x);
    if (x > nx && strcmp(n, "that") == 0)
      return x + 1 < c->nw && is_word(c, x + 1) && addressee_or_phrase(c, nx, x - 1);
    if (strcmp(n, "which") == 0 || strcmp(n, "who") == 0 || strcmp(n, "to") == 0) return 0;
    /* a subject of a word or more and its finite verb */
    if (x > nx && finite_aux(n)) return !(c->wc[x - 1] & W_AUX);
  }
  return 0;
}

/* "as" within a few words: "described the deal as ...". */
static int as_follows(const actx *c, size_t nx) {
  for (size_t x = nx; x < c->nw && x < nx + 12; x++) {
    if (norm_is(c, x, "as")) return 1;
    if (!is_word(c, x) && !is_quote(c, x)) return 0;
  }
  return 0;
}

/* "called on/for ...", "called it "reckless"", "called it a tax". */
static int call_reports(const actx *c, size_t nx) {
  if (nx >= c->nw) return 0;
  if ((norm_is(c, nx, "on") || norm_is(c, nx, "for")) && nx + 1 < c->nw && is_word(c, nx + 1))
    return 1;
  /* "called it a tax on breathing", "calls them unfair" (not "called it
   * off", "called it a day", nor inside a quotation: "I call it a plan") */
  static const char *const obj[] = {"it", "them", "this", NULL};
  static const char *const idiom[] = {"off", "up", "back", "in", "out", "quits", "together", NULL};
  if (!c->inq[c->w[nx]] && lxs_in_words(obj, NORM(c, nx)) && nx + 2 < c->nw && is_word(c, nx + 1) &&
      !lxs_in_words(idiom, NORM(c, nx + 1)) &&
      !(norm_is(c, nx + 1, "a") && norm_is(c, nx + 2, "day")))
    return 1;
  for (size_t x = nx; x < c->nw && x < nx + 5; x++) {
    if (is_quote(c, x)) return x > nx;
    if (!is_word(c, x)) return 0;
  }
  return 0;
}

/* A light verb with its speech noun a few words on ("issued a formal
 * warning", "voiced strong concerns"): the noun's position, or 0. */
static size_t light_noun(const actx *c, size_t nx) {
  for (size_t x = nx; x < c->nw && x < nx + 5 && is_word(c, x); x++)
    if (c->wc[x] & W_NOUN) return x;
  return 0;
}

/* "made (it) clear that ...", "made it plain:" after a light verb. */
static int made_clear(const actx *c, size_t nx) {
  size_t x = nx + (nx < c->nw && norm_is(c, nx, "it"));
  if (!(x + 1 < c->nw && (norm_is(c, x, "clear") || norm_is(c, x, "plain")))) return 0;
  return norm_is(c, x + 1, "that") || is_p(c, x + 1, LXS_P_COLON);
}

/* "That is" / "This was" opening the sentence: the position after it
 * and the adverbs that may follow ("That was essentially ..."), or 0. */
static size_t that_was(const actx *c) {
  /* a short adverbial before or after "that" is set off by commas: "At
   * least, that is what ...", "That, at least, is the view of ..." */
  size_t t = 0, b;
  for (size_t x = 1; x < 4 && x + 1 < c->nw; x++)
    if (is_p(c, x, LXS_P_COMMA)) {
      t = x + 1;
      break;
    }
  if (!t || !(norm_is(c, t, "that") || norm_is(c, t, "this"))) t = 0;
  b = t + 1;
  if (b + 1 < c->nw && is_p(c, b, LXS_P_COMMA))
    for (size_t x = b + 1; x < b + 4 && x + 1 < c->nw; x++)
      if (is_p(c, x, LXS_P_COMMA)) {
        b = x + 1;
        break;
      }
  int one = c->nw > b + 3 && (norm_is(c, t, "that") || norm_is(c, t, "this")) &&
            (norm_is(c, b, "is") || norm_is(c, b, "was") || norm_is(c, b, "'s"));
  int many = c->nw > b + 3 && (norm_is(c, t, "those") || norm_is(c, t, "these")) &&
             (norm_is(c, b, "are") || norm_is(c, b, "were"));
  if (!one && !many) return 0;
  size_t x = b + 1;
  while (x < b + 3 && is_word(c, x) && !namey(c, x) && ends_with(NORM(c, x), "ly")) x++;
  return x;
}

/* "So argues Kofi Boateng, ...", "Or so says Lena Park": an inverted
 * speech verb after "so" points back to the sentence before; the position
 * of the verb, or 0. */
static size_t so_says(const actx *c) {
  size_t x = norm_is(c, 0, "or") ? 1 : 0;
  if (!(x + 2 < c->nw && norm_is(c, x, "so") && is_word(c, x + 1) &&
        (c->wc[x + 1] & (W_SAY | W_WEAK | W_OPINE)) && namey(c, x + 2)))
    return 0;
  return x + 1;
}

/* "(Those were) the words of Anna Varga", "the view of ...": the
 * position of the name after "of", or 0. */
static size_t words_of(const actx *c, size_t x) {
  if (!(x + 3 < c->nw && norm_is(c, x, "the") && (c->wc[x + 1] & W_VIEW) &&
        norm_is(c, x + 2, "of")))
    return 0;
  size_t a = x + 3;
  /* ("the view of economist Omar Haddad": a bare role before the name) */
  int role = a + 1 < c->nw && (c->wc[a] & (W_ROLE | W_TITLE)) && namey(c, a + 1);
  return namey(c, a) || role || ((c->wc[a] & W_DET) && a + 1 < c->nw) ? a : 0;
}

/* "That is how Mayor Okafor described the vote", "That is what Okafor
 * said", "That was essentially the message Mayor Okafor had for ...":
 * the sentence points back to what the sentence before it says. */
int lxs_points_back(const actx *c) {
  if (so_says(c)) return 1;
  size_t x = that_was(c);
  if (!x) return 0;
  if (norm_is(c, x, "how") || norm_is(c, x, "what")) return 1;
  if (words_of(c, x)) return 1;
  return x + 2 < c->nw && (c->wc[x] & W_DET) && (c->wc[x + 1] & W_NOUN) && !possessive(c, x + 1) &&
         namey(c, x + 2);
}

/* "That was (essentially) the message Mayor Okafor had for the board":
 * the person named after the speech noun, whatever the verb after them,
 * holds the sentence and the one before. */
static int message_frame(actx *c, frame_t *f) {
  if (!lxs_points_back(c)) return 0;
  size_t v = so_says(c);
  if (v) { /* "So argues Kofi Boateng, a fellow at ..." */
    int ref = REF_FULL, who = lxs_np_right(c, v + 1, &ref);
    if (who < 0 || c->P[lxs_person_root(c, who)].entity) return 0;
    frame_t cur = {who, ref, 0, 0, 0, 0, c->w[v], c->w[v], 0, 0, 0};
    cur.subj = v + 1;
    *f = cur;
    return 1;
  }
  size_t w = words_of(c, that_was(c));
  if (w) { /* "Those were the words of Anna Varga, who chairs ..." */
    int ref = REF_FULL, who = lxs_np_right(c, w, &ref);
    if (who < 0 || c->P[lxs_person_root(c, who)].entity) return 0;
    frame_t cur = {who, ref, 0, 0, 0, 0, c->w[w - 1], c->w[w - 1], 0, 0, 0};
    cur.subj = w;
    *f = cur;
    return 1;
  }
  size_t a = that_was(c) + 2;
  if (a >= c->nw || !namey(c, a)) return 0;
  size_t e = lxs_run_right(c, a, c->nw);
  if (e >= c->nw || e < a) return 0;
  nameinfo ni;
  lxs_analyze_run(c, a, e, 1, &ni);
  if (!ni.ok) return 0;
  frame_t cur = {ni.pi, ni.ref, 0, 0, 0, 0, c->w[a - 1], c->w[a - 1], 0, 0, 0};
  cur.subj = a;
  *f = cur;
  return 1;
}

/* Past a time phrase at nx ("on Monday", "last week", "today"): the
 * word after it, or nx. */
static size_t past_time(const actx *c, size_t nx) {
  size_t x = nx;
  if (x < c->nw && is_word(c, x) &&
      (norm_is(c, x, "on") || norm_is(c, x, "last") || norm_is(c, x, "this") ||
       norm_is(c, x, "earlier")))
    x++;
  size_t t = x;
  while (x < c->nw && x < t + 3 && is_word(c, x) && (time_word(c, x) || (c->wc[x] & W_TIME))) x++;
  return x > t ? x : nx;
}

/* Does the sentence end at x: its final stop, or the end of a headline
 * ("Levy will ruin small ports, warns Varga")? */
static int ends_at(const actx *c, size_t x) {
  if (x + 1 == c->nw && terminal(c, x)) return 1;
  return x == c->nw && c->nw && !terminal(c, c->nw - 1) && lxs_headline_place(c);
}

/* The end of a phrase after a post-posed verb that adds no clause of its
 * own: a short time phrase ("on Monday") or a prepositional phrase ("in a
 * letter to members", "at a news conference on Monday").  Returns where
 * it ends (nx when there is none). */
static size_t trailing_phrase(const actx *c, size_t nx) {
  static const char *const prep[] = {"in",      "at",   "on",      "to",    "during", "after",
                                     "before",  "from", "via",     "with",  "last",   "this",
                                     "earlier", "late", "through", "while", NULL};
  size_t x = nx;
  if (x >= c->nw || !is_word(c, x) || c->inq[c->w[x]]) return nx;
  if (!lxs_in_words(prep, NORM(c, x)) && !time_word(c, x) && !(c->wc[x] & W_TIME)) return nx;
  for (; x < c->nw && x < nx + 12; x++) {
    if (is_p(c, x, LXS_P_COMMA)) continue;
    if (!is_word(c, x) || c->inq[c->w[x]]) break;
    const char *n = NORM(c, x);
    if ((c->wc[x] & W_SPEECH) || finite_aux(n) || strcmp(n, "that") == 0 ||
        strcmp(n, "which") == 0 || strcmp(n, "who") == 0)
      return nx;
  }
  return x;
}

/* An inverted verb right after the comma, then its speaker to the end:
 * "..., warned Ines Varga(, the guild chair)." (not a passive "by"). */
static int inverted_to_end(const actx *c, size_t nx) {
  if (nx >= c->nw || !is_word(c, nx) || c->inq[c->w[nx]] || norm_is(c, nx, "by") ||
      !(namey(c, nx) || (c->wc[nx] & (W_DET | W_TITLE | W_ROLE))))
    return 0;
  for (size_t x = nx; x < c->nw && x < nx + 14; x++) {
    if (ends_at(c, x)) return 1;
    if (is_p(c, x, LXS_P_COMMA) || is_p(c, x, LXS_P_OPEN) || is_p(c, x, LXS_P_CLOSE)) continue;
    if (!is_word(c, x) || c->inq[c->w[x]] || (c->wc[x] & W_SPEECH) || finite_aux(NORM(c, x)) ||
        norm_is(c, x, "that"))
      return 0;
  }
  return ends_at(c, c->nw);
}

/* A verb at k set off after what it reports: a comma at most six words
 * before it (its subject: "Varga", "the guild chair Ines Varga"), and after it the end of
 * the sentence, perhaps after a short time or place phrase ("on Monday",
 * "in a letter to members"); or the verb right after the comma, its
 * speaker after it ("..., warned Ines Varga."). */
static int post_posed(const actx *c, size_t k, size_t nx) {
  for (size_t p = k; p-- > 0 && k - p <= 7;) {
    if (is_p(c, p, LXS_P_COMMA)) {
      if (c->inq[c->w[p]]) return 0;
      /* (a capitalised verb is title case: its "names" are no names) */
      if (p + 1 == k)
        return p >= 3 && !(TK(c, k)->flags & LXS_TF_CAPITAL) && inverted_to_end(c, nx);
      return ends_at(c, trailing_phrase(c, nx));
    }
    if (!is_word(c, p)) return 0;
  }
  return 0;
}

/* Does a verb of classes cl at k report speech, by what follows it?  *ve
 * may move to the frame's last word (a light verb's noun). */
static int reports_here(actx *c, uint32_t k_in_para, size_t k, lxs_wbits cl, size_t *ve) {
  if (cl & W_SAY) return 1;
  if (lxs_points_back(c) && !(cl & W_LIGHT)) return 1;
  size_t nx = *ve + 1;
  if (cl & W_WEAK) {
    int ok = nx < c->nw && (norm_is(c, nx, "that") || is_p(c, nx, LXS_P_COLON) || is_quote(c, nx) ||
                            (is_p(c, nx, LXS_P_COMMA) && nx + 1 < c->nw && is_quote(c, nx + 1)));
    /* "Menon believes the pact will help" */
    if (!ok && (cl & W_OPINE) && nx < c->nw && is_word(c, nx)) ok = 1;
    /* "warned of a trade war", "cautioned against tariffs", "warned on
     * Monday of ..." */
    size_t of = past_time(c, nx);
    if (!ok && of + 1 < c->nw && is_word(c, of + 1) &&
        (norm_is(c, of, "of") || norm_is(c, of, "against") || norm_is(c, of, "about")))
      ok = 1;
    /* "questioned whether ...", "warned shipowners that ..." */
    if (!ok && nx + 1 < c->nw && norm_is(c, nx, "whether")) ok = 1;
    if (!ok && !namey(c, k) && weak_complement(c, nx)) ok = 1; /* (not "United States")*/
    if (ok) return 1;
  }
  if ((cl & W_URGE) && object_then_to(c, nx)) return 1;
  if ((cl & W_INF) && nx + 1 < c->nw &&
      ((norm_is(c, nx, "to") && is_word(c, nx + 1)) || ends_with(NORM(c, nx), "ing")))
    return 1;
  if ((cl & W_ACT) && nx < c->nw && is_word(c, nx) && !norm_is(c, nx, "by")) return 1;
  if ((cl & W_AS) && as_follows(c, nx)) return 1;
  if ((cl & W_CALL) && call_reports(c, nx)) return 1;
  if (cl & W_LIGHT) {
    size_t n = light_noun(c, nx);
    if (n) {
      *ve = n;
      return 1;
    }
    if (made_clear(c, nx)) return 1;
  }
  /* "The levy is unfair, Varga warned (on Monday)." */
  if (post_posed(c, k, nx)) return 1;
  /* ""...," she warned." */
  return quote_closes_before(c, k_in_para, c->w[k]);
}

/* The particles that make a phrasal verb at k report besides "out" and
 * "aim": "hit back at", "pushed back against", "pushed for", "pointed
 * to", "spoke of",
 * "took issue with", and "put it" as a frame ("As Varga put it, ...",
 * "he puts it bluntly:"). */
static int particle_reports(const actx *c, size_t k, const char *nm) {
  size_t p = k + 1, x = k + 2;
  int more = x < c->nw && is_word(c, x);
  if (norm_is(c, p, "back"))
    return more && (norm_is(c, x, "at") || norm_is(c, x, "against") || norm_is(c, x, "on"));
  if (norm_is(c, p, "for")) return more && strncmp(nm, "push", 4) == 0;
  if (norm_is(c, p, "to")) return more && strncmp(nm, "point", 5) == 0; /* "pointed to" */
  if (norm_is(c, p, "of") || norm_is(c, p, "about"))
    return more && (strncmp(nm, "spok", 4) == 0 || strncmp(nm, "speak", 5) == 0);
  if (norm_is(c, p, "issue")) return more && norm_is(c, x, "with") && nm[0] == 't';
  if (norm_is(c, p, "it") && strncmp(nm, "put", 3) == 0 && x < c->nw)
    return is_p(c, x, LXS_P_COMMA) || is_p(c, x, LXS_P_COLON) || terminal(c, x) ||
           (is_word(c, x) && (ends_with(NORM(c, x), "ly") || norm_is(c, x, "this")));
  return 0;
}

/* Is word k (class cl, normal form nm) a speech verb here?  Sets *ve to
 * the verb's last word ("pointed out", "according to", "went on to say"). */
static int speech_verb(actx *c, uint32_t k_in_para, size_t k, lxs_wbits cl, const char *nm,
                       int according, size_t *ve) {
  *ve = k;
  if (according) {
    if (k + 1 >= c->nw || !(norm_is(c, k + 1, "to") || strcmp(nm, "per") == 0)) return 0;
    if (strcmp(nm, "per") == 0) {
      /* "per Trade Commissioner Ines Varga", not "per cent" */
      if (!namey(c, k + 1) || (c->wc[k + 1] & W_TIME)) return 0;
      *ve = k;
      return 1;
    }
    *ve = k + 1;
  } else if (cl & W_PHRASAL) {
    if (k + 1 >= c->nw || !(norm_is(c, k + 1, "out") || norm_is(c, k + 1, "aim") ||
                            norm_is(c, k + 1, "on") || particle_reports(c, k, nm)))
      return 0;
    *ve = k + 1;
    if (strcmp(nm, "went") == 0 && *ve + 2 < c->nw && norm_is(c, *ve + 1, "to") &&
        (c->wc[*ve + 2] & (W_SAY | W_WEAK)))
      *ve += 2;
    if (!norm_is(c, k + 1, "on") || strcmp(nm, "went") == 0) return 1;
    return 0;
  } else if (strcmp(nm, "continued") == 0 || strcmp(nm, "continues") == 0) {
    if (k + 1 < c->nw && !is_p(c, k + 1, LXS_P_COMMA) && !is_p(c, k + 1, LXS_P_COLON) &&
        !is_quote(c, k + 1) && !terminal(c, k + 1) && !norm_is(c, k + 1, "that"))
      return 0;
  } else if (strcmp(nm, "asked") == 0 && k == 0) {
    return 0; /* "Asked about ..., Menon said" */
  } else if (k + 1 < c->nw && norm_is(c, k + 1, "nothing")) {
    return 0; /* "Birch said nothing": no view */
  } else if ((strcmp(nm, "asked") == 0 || strcmp(nm, "asks") == 0) && k + 1 < c->nw &&
             is_word(c, k + 1) && !norm_is(c, k + 1, "that") && !object_then_to(c, k + 1)) {
    /* "the paper asked three scholars how ...": a question holds no view
     * (but ""Is it?" she asked", "asked the board to wait") */
    return quote_closes_before(c, k_in_para, c->w[k]);
  }
  if (!according && k >= 1 && is_word(c, k - 1)) {
    lxs_wbits pc = c->wc[k - 1];
    /* "the minister's comments", "his claims": nouns */
    if ((pc & W_NEG) || (pc & W_DET) || norm_is(c, k - 1, "to") || possessive(c, k - 1)) return 0;
    if (k >= 2 && (pc & W_AUX) && is_word(c, k - 2) && (c->wc[k - 2] & W_NEG)) return 0;
  }
  return according || reports_here(c, k_in_para, k, cl, ve);
}

/* Where the subject before the verb at k ends: auxiliaries, ", however,"
 * and time phrases ("China on Thursday said") are skipped.  Returns the
 * position after the subject's last word (0: the verb opens the clause). */
/* A word that may stand between a subject and its verb: an auxiliary or
 * an adverb ("also", "directly", "today"), but not a name ("Long said"). */
static int between_subject_and_verb(actx *c, size_t p) {
  if (!is_word(c, p)) return 0;
  const char *n = NORM(c, p);
  if (namey(c, p) && p > 0) return 0;
  if (namey(c, p)) {
    int is_short;
    if (lxs_person_lookup(c, n, TK(c, p)->norm_len, &is_short) >= 0) return 0;
  }
  if (c->wc[p] & W_AUX) return 1;
  static const char *const deictic[] = {"today", "yesterday", "tonight", "now", NULL};
  if (lxs_in_words(deictic, n)) return 1;
  /* an adverb: "directly", "strongly" (not "family", "supply") */
  return !namey(c, p) && ends_with(n, "ly") &&
         !(c->wc[p] & (W_ROLE | W_GROUPN | W_ORG | W_STOP | W_OPENER));
}

/* The comma opening an aside that p (a comma) closes and that adds to
 * the subject: ", along with China and Brazil,", ", together with ...,".
 * Its position, or 0. */
static size_t along_with(const actx *c, size_t p) {
  static const char *const first[] = {"along", "together", "alongside", "like", NULL};
  for (size_t x = p; x-- > 1 && p - x < 14;) {
    if (!is_p(c, x, LXS_P_COMMA)) {
      if (!is_word(c, x) && !is_p(c, x, LXS_P_OTHER)) return 0;
      continue;
    }
    if (is_word(c, x + 1) && lxs_in_words(first, NORM(c, x + 1)) && is_word(c, x - 1)) return x;
  }
  return 0;
}

static size_t subject_end(actx *c, size_t k) {
  size_t j = k, o;
  int steps = 0;
  while (j > 0 && steps < 6) {
    size_t p = j - 1;
    if (between_subject_and_verb(c, p)) {
      j = p;
      steps++;
      continue;
    }
    /* "India, along with China and Brazil, has insisted": the aside
     * belongs to the subject (c->aside_end: its closing comma) */
    if (is_p(c, p, LXS_P_COMMA) && (o = along_with(c, p)) != 0) {
      c->aside_end = p;
      j = o;
      steps++;
      continue;
    }
    if (is_p(c, p, LXS_P_COMMA) && p >= 2 && is_word(c, p - 1) &&
        (c->wc[p - 1] & (W_AUX | W_OPENER)) && is_p(c, p - 2, LXS_P_COMMA) &&
        !(c->wc[p - 1] & W_STOP)) {
      j = p - 2;
      steps++;
      continue;
    }
    /* "Birch, 61, said": an age set off by commas after the subject */
    if (is_p(c, p, LXS_P_COMMA) && p >= 3 && is_word(c, p - 1) && is_p(c, p - 2, LXS_P_COMMA) &&
        (TK(c, p - 1)->flags & LXS_TF_NUMBER) && TK(c, p - 1)->norm_len <= 3 && namey(c, p - 3)) {
      j = p - 2;
      steps++;
      continue;
    }
    /* "China on Thursday said", "Menon last week argued" */
    if (is_word(c, p) && time_word(c, p)) {
      size_t q = p;
      while (q > 0 && p - q < 3 && is_word(c, q - 1) && time_word(c, q - 1)) q--;
      if (q > 0 &&
          (norm_is(c, q - 1, "on") || norm_is(c, q - 1, "last") || norm_is(c, q - 1, "this") ||
           norm_is(c, q - 1, "in") || norm_is(c, q - 1, "earlier") || norm_is(c, q - 1, "late"))) {
        j = q - 1;
        steps++;
        continue;
      }
    }
    break;
  }
  return j;
}

static int opens_clause(const actx *c, size_t b);

/* A description opening the sentence, then an aside set off by commas
 * that opens with a participle or "who" (p is the comma before the verb):
 * "The minister, speaking at the harbour, said ...", "The guild's
 * president, who chairs the board, told ...". */
static int described_aside(actx *c, size_t p, int *ref, size_t *spos) {
  size_t x = 0; /* the comma after the description */
  while (x < p && x < 8 && is_word(c, x)) x++;
  if (x < 2 || x >= p || !is_p(c, x, LXS_P_COMMA) || !(c->wc[0] & W_DET) ||
      !(c->wc[x - 1] & W_ROLE) || namey(c, x - 1) || !is_word(c, x + 1))
    return WHO_NONE;
  const char *n = NORM(c, x + 1);
  if (!(ends_with(n, "ing") || strcmp(n, "who") == 0)) return WHO_NONE;
  for (size_t y = x + 1; y < p; y++)
    if (!is_word(c, y) && !is_p(c, y, LXS_P_OTHER)) return WHO_NONE;
  int who = lxs_np_left(c, x - 1, ref);
  if (who == WHO_NONE) return WHO_NONE;
  *spos = 0;
  return who;
}

/* Appositive subject: "Jayant Menon, a visiting senior fellow ..., said"
 * (p is the comma before the verb). */
static int appositive_subject(actx *c, size_t p, int *ref, size_t *spos) {
  /* "a former head of the port board, Pim Alders, told ...": the name right
   * before the comma, set off by a comma before it */
  if (p >= 2 && namey(c, p - 1)) {
    size_t a = lxs_run_left(c, p - 1, 0);
    /* "Critics, including lawmaker Tom Birch, said": the one named */
    size_t inc = a;
    while (inc > 2 && a - inc < 3 && is_word(c, inc - 1) && !norm_is(c, inc - 1, "including") &&
           (c->wc[inc - 1] & W_ROLE))
      inc--;
    int including = inc >= 3 && norm_is(c, inc - 1, "including") && is_p(c, inc - 2, LXS_P_COMMA);
    if (including || (a >= 2 && is_p(c, a - 1, LXS_P_COMMA))) {
      nameinfo ni;
      lxs_analyze_run(c, a, p - 1, 1, &ni);
      if (ni.ok && ni.pi >= 0 && ni.n0 == a && including &&
          !(a >= 2 && is_p(c, a - 1, LXS_P_COMMA))) {
        *ref = ni.ref;
        *spos = a;
        return ni.pi;
      }
      if (ni.ok && ni.pi >= 0 && ni.n0 == a) {
        size_t d = a - 1; /* the description from its clause start */
        while (d > 0 && d + 12 > a && !terminal(c, d - 1) && !is_quote(c, d - 1) &&
               !is_p(c, d - 1, LXS_P_COMMA) && !is_p(c, d - 1, LXS_P_SEMI))
          d--;
        while (d < a - 1 && is_word(c, d) && (c->wc[d] & W_OPENER) && !(c->wc[d] & W_DET)) d++;
        if (d < a - 1) lxs_set_appositive(c, ni.pi, d, a - 1);
        *ref = ni.ref;
        *spos = d;
        return ni.pi;
      }
    }
  }
  int desc = described_aside(c, p, ref, spos);
  if (desc != WHO_NONE) return desc;
  size_t lo = p > APPOS_REACH ? p - APPOS_REACH : 0;
  for (size_t x = p; x-- > lo;) {
    if (is_quote(c, x) || terminal(c, x)) break;
    if (!is_p(c, x, LXS_P_COMMA) || x == 0 || !namey(c, x - 1)) continue;
    size_t a = lxs_run_left(c, x - 1, 0);
    /* "The GHP, a lobby formed in 1990, said": an organisation's article */
    if (a < x - 1 && norm_is(c, a, "the")) a++;
    int the = a >= 1 && norm_is(c, a - 1, "the") && lxs_clause_start(c, a - 1);
    /* (also after a clause's conjunction: "..., while Mary Jones, an ...,") */
    if (!the && !lxs_clause_start(c, a) && !(a > 0 && opens_clause(c, a - 1))) continue;
    if (the) {
      int r, who = lxs_np_left(c, x - 1, &r);
      if (who < 0) continue;
      *ref = r;
      *spos = a - 1;
      return who;
    }
    nameinfo ni;
    lxs_analyze_run(c, a, x - 1, 1, &ni);
    if (!ni.ok) continue;
    lxs_prename_desc(c, ni.pi, a, ni.n0);
    lxs_set_appositive(c, ni.pi, x + 1, p);
    *ref = ni.ref;
    *spos = a;
    return ni.pi;
  }
  return WHO_NONE;
}

/* The speaker of a verb at k whose last word is ve, searched before it
 * (the subject) or after it (inverted "said Menon"). */
static int verb_subject(actx *c, size_t k, size_t ve, int *ref, size_t *spos, int *inverted) {
  size_t j = subject_end(c, k);
  *inverted = 0;
  if (j == 0) {
    *inverted = 1;
    return lxs_np_right(c, ve + 1, ref);
  }
  size_t p = j - 1;
  int who = WHO_NONE;
  /* "..., said the minister" (not "X, an organisation that ... "robust
   * policy," released a handbook": only verbs of saying invert) */
  int saying = (c->wc[k] & (W_SAY | W_WEAK | W_ADD)) != 0;
  if ((is_quote(c, p) || (is_p(c, p, LXS_P_COMMA) && p >= 1 && is_quote(c, p - 1)) ||
       is_p(c, p, LXS_P_COLON) || is_p(c, p, LXS_P_DASH)) &&
      saying) {
    *inverted = 1;
    who = lxs_np_right(c, ve + 1, ref);
  } else if (is_p(c, p, LXS_P_COMMA)) {
    who = appositive_subject(c, p, ref, spos);
    if (who == WHO_NONE && saying) {
      *inverted = 1;
      who = lxs_np_right(c, ve + 1, ref);
    }
  } else if (is_p(c, p, LXS_P_CLOSE)) {
    size_t o = p;
    while (o > 0 && p - o < 15 && !is_p(c, o, LXS_P_OPEN)) o--;
    if (is_p(c, o, LXS_P_OPEN) && o > 0) {
      who = lxs_np_left(c, o - 1, ref);
      if (who >= 0 && p > o + 1) {
        const char *tp;
        size_t tn = tok_text(c, o + 1, p - 1, &tp);
        lxs_person_set_desc(c, who, tp, tn);
      }
      *spos = lxs_run_left(c, o - 1, 0);
    }
  } else if (is_word(c, p)) {
    who = lxs_np_left(c, p, ref);
    *spos = namey(c, p) ? lxs_run_left(c, p, 0) : p;
    if (c->np_e == p + 1 && c->aside_end > p) c->np_e = c->aside_end; /* the group's aside */
  }
  return who;
}

/* "He had this to say:" -- the subject stands before "had". */
static size_t had_this_to(const actx *c, size_t k) {
  if (k < 3 || !norm_is(c, k - 1, "to")) return 0;
  static const char *const what[] = {"this",   "that",      "much",    "more", "little",
                                     "plenty", "something", "nothing", NULL};
  if (!is_word(c, k - 2) || !lxs_in_words(what, NORM(c, k - 2))) return 0;
  const char *h = NORM(c, k - 3);
  return strcmp(h, "had") == 0 || strcmp(h, "has") == 0 || strcmp(h, "have") == 0 ? k - 3 : 0;
}

/* The speaker of the participle at k (", saying ..."), or WHO_NONE. */
/* A name set off by commas after a short description that opens the
 * sentence: "Costa's predecessor, Tom Birch, took a softer line, ...".
 * The person, or WHO_NONE. */
static int opening_appositive(actx *c, size_t k, int *ref, size_t *spos) {
  size_t p0 = 1;
  while (p0 < c->nw && p0 < 6 && is_word(c, p0)) p0++;
  if (p0 >= c->nw || !is_p(c, p0, LXS_P_COMMA) || !namey(c, p0 + 1)) return WHO_NONE;
  size_t e = lxs_run_right(c, p0 + 1, c->nw);
  if (e + 1 >= k || !is_p(c, e + 1, LXS_P_COMMA) || c->inq[c->w[e + 1]]) return WHO_NONE;
  return appositive_subject(c, e + 1, ref, spos);
}

static int participle_subject(actx *c, size_t k, int *ref, size_t *spos) {
  if (k >= 1 && is_p(c, k - 1, LXS_P_COMMA)) {
    int who = lxs_main_subject(c, ref, spos);
    if (who < 0) {
      int r, w = opening_appositive(c, k, &r, spos);
      if (w >= 0) *ref = r, who = w;
    }
    return who;
  }
  /* "The statement quoted Minister Ada Moreau as saying": the one quoted */
  if (k >= 4 && norm_is(c, k - 1, "as") && is_word(c, k - 2))
    for (size_t x = k - 2; x-- > 0 && k - x < 9 && is_word(c, x);)
      if (norm_is(c, x, "quoted") || norm_is(c, x, "quotes") || norm_is(c, x, "quoting")) {
        /* (not the passive "X was quoted (by the Courier) as saying") */
        if (be_before(c, x) || x + 1 == k - 1 || norm_is(c, x + 1, "by")) break;
        *spos = x + 1;
        int g = norm_is(c, k - 2, "him") ? 1 : norm_is(c, k - 2, "her") ? 2 : 0;
        if (!g) return lxs_np_left(c, k - 2, ref);
        *ref = REF_PRONOUN; /* "quoted her as saying" */
        int r = lxs_resolve_pronoun(c, g, 1);
        return r >= 0 ? r : WHO_NONE;
      }
  /* "X was quoted (by the Courier) as saying" */
  size_t qd = k >= 3 && norm_is(c, k - 1, "as") ? k - 2 : 0;
  if (qd && !norm_is(c, qd, "quoted"))
    for (size_t x = qd; x-- > 1 && qd - x < 6 && is_word(c, x);)
      if (norm_is(c, x, "by")) {
        qd = norm_is(c, x - 1, "quoted") ? x - 1 : 0;
        break;
      }
  if (qd >= 1 && norm_is(c, qd, "quoted")) {
    size_t j = qd - 1;
    while (j > 0 && is_word(c, j) && (c->wc[j] & W_AUX)) j--;
    return lxs_np_left(c, j, ref);
  }
  /* "..., with the governor calling the plan "reckless"" */
  for (size_t w = k; w-- > 0 && w + 7 > k;) {
    if (!is_word(c, w)) break;
    if (norm_is(c, w, "with") && w + 1 < k) {
      *spos = w + 1;
      return lxs_np_left(c, k - 1, ref);
    }
  }
  return WHO_NONE;
}

static long document_at(const actx *c, size_t s);

/* An opinion word that is no verb ("convinced", "adamant", "confident")
 * after a form of "be", before "that", "about" or a clause: "Okafor is
 * convinced the levy is fair", "Varga was adamant that ...".  Read as the
 * subject's speech verb. */
static int opinion_adjective(const actx *c, size_t k) {
  if (!be_before(c, k) || k + 2 >= c->nw) return 0;
  size_t nx = k + 1;
  /* ("critical of the levy", "wary of new tariffs") */
  return norm_is(c, nx, "that") || norm_is(c, nx, "about") || norm_is(c, nx, "of") ||
         weak_complement(c, nx);
}

/* A frame at word k, if it is one: 1 and *cur filled.  A word inside a
 * quotation is none unless quoted_ok. */
static int verb_frame(actx *c, uint32_t k_in_para, size_t k, frame_t *cur, int quoted_ok) {
  if (!is_word(c, k) || (c->inq[c->w[k]] && !quoted_ok)) return 0;
  lxs_wbits cl = c->wc[k];
  const char *nm = NORM(c, k);
  /* (every word comes here: its first letter spares most the strcmp) */
  int according = (nm[0] == 'a' && strcmp(nm, "according") == 0) ||
                  (nm[0] == 'p' && strcmp(nm, "per") == 0);
  if (!(cl & W_SPEECH) && !according && !((cl & W_OPINE) && opinion_adjective(c, k))) return 0;
  c->np_a = c->np_e = c->aside_end = 0;
  int who = WHO_NONE, ref = REF_FULL, at_start = 0, add = (cl & W_ADD) != 0, inverted = 0;
  size_t spos = 0, ve = k;
  int be = !according && be_before(c, k);
  if ((cl & W_SAYING) && !be) {
    if ((cl & W_PHRASAL) && !speech_verb(c, k_in_para, k, cl, nm, 0, &ve)) return 0;
    who = participle_subject(c, k, &ref, &spos);
  } else if (be) {
    if ((cl & W_SAYING) || ends_with(nm, "ing")) { /* the progressive: "are lauding ..." */
      cl &= ~W_SAYING;
      if (!(cl & W_SPEECH) || !speech_verb(c, k_in_para, k, cl, nm, 0, &ve)) return 0;
      who = verb_subject(c, k, ve, &ref, &spos, &inverted);
    } else if (!(cl & W_SPEECH)) { /* an opinion adjective: "is convinced that" */
      who = verb_subject(c, k, ve, &ref, &spos, &inverted);
      if (inverted) return 0;
    } else if ((cl & W_STANCE) && k + 2 < c->nw && norm_is(c, k + 1, "to")) {
      /* "is opposed to the levy": a stance held, as "opposes" */
      who = verb_subject(c, k, ve, &ref, &spos, &inverted);
      if (inverted) return 0;
    } else if (k + 2 < c->nw && norm_is(c, k + 1, "by")) {
      /* the passive with its agent: "was told by the harbour master, X:" */
      who = lxs_np_right(c, k + 2, &ref);
      spos = k + 2;
      inverted = 1;
    } else {
      return 0; /* "He was told ...": not his words */
    }
  } else {
    if (!speech_verb(c, k_in_para, k, cl, nm, according, &ve)) return 0;
    size_t h = according ? 0 : had_this_to(c, k);
    if (according) {
      who = lxs_np_right(c, ve + 1, &ref);
      inverted = 1;
    } else {
      who = verb_subject(c, h ? h : k, ve, &ref, &spos, &inverted);
    }
  }
  if (who == WHO_NONE && !inverted && spos < k && document_at(c, spos)) who = WHO_AUTHOR;
  if (who == WHO_NONE) return 0;
  if (who == WHO_AUTHOR && add) return 0; /* "value added" */
  /* "China opposes the order", "the group backed Ethiopia's bid": acts of
   * a country or an organisation, not words; but an organisation's stance
   * in the present ("The Guild strongly opposes the levy") is its
   * declared position, held as a speaker's */
  if ((cl & W_STANCE) && (who < 0 || (c->P[lxs_person_root(c, who)].entity && ends_with(nm, "ed"))))
    return 0;
  at_start = spos <= 1 && k <= spos + MAX_RUN + 2;
  frame_t f = {who, ref, add, according, 0, 0, c->w[k], c->w[ve], at_start, 0, 0};
  f.subj = inverted ? ve + 1 : spos;
  f.participle = (cl & W_SAYING) && !be && k >= 1 && is_p(c, k - 1, LXS_P_COMMA);
  *cur = f;
  return 1;
}

/* "For Ines Varga, the fees are a tax on small boats": a person named
 * alone before the comma of a fronted "For" holds the view that follows
 * ("For him, ..." too).  A one-word name must be a person already known
 * ("For Brazil," "For years," are no one). */
static int for_frame(actx *c, frame_t *f) {
  if (!(c->nw > 5 && norm_is(c, 0, "for"))) return 0;
  size_t e = 1;
  while (e < c->nw && e < 7 && namey(c, e) && !possessive(c, e)) e++;
  int who = WHO_NONE, ref = REF_FULL;
  if (e == 1 && is_word(c, 1) && is_p(c, 2, LXS_P_COMMA)) {
    int g = norm_is(c, 1, "him") ? 1 : norm_is(c, 1, "her") ? 2 : 0;
    if (!g) return 0;
    ref = REF_PRONOUN;
    who = lxs_resolve_pronoun(c, g, 1);
  } else if (e > 1 && is_p(c, e, LXS_P_COMMA)) {
    const char *p;
    size_t n = tok_text(c, 1, e - 1, &p);
    int is_short;
    c->tmp.len = 0;
    lxs_canonical_name(p, n, &c->tmp);
    if (e == 2) {
      who = lxs_person_lookup(c, c->tmp.data, c->tmp.len, &is_short);
      ref = REF_SHORT;
    } else {
      nameinfo ni;
      lxs_analyze_run(c, 1, e - 1, 1, &ni);
      if (ni.ok) who = ni.pi, ref = ni.ref;
    }
  }
  if (who < 0 || c->P[lxs_person_root(c, who)].entity) return 0;
  frame_t cur = {who, ref, 0, 1, 0, 0, c->w[0], c->w[e], 0, 0, 0};
  *f = cur;
  return 1;
}

/* "In the words of Ines Varga, ...": the person named holds the view. */
static int words_of_frame(actx *c, frame_t *f) {
  if (!(c->nw > 6 && norm_is(c, 1, "the") && norm_is(c, 2, "words") && norm_is(c, 3, "of")))
    return 0;
  int ref = REF_FULL, who = lxs_np_right(c, 4, &ref);
  if (who < 0 || c->P[lxs_person_root(c, who)].entity) return 0;
  frame_t cur = {who, ref, 0, 1, 0, 0, c->w[0], c->w[3], 0, 0, 0};
  cur.subj = 4;
  *f = cur;
  return 1;
}

/* The holder named by the possessor in words [a, e]: "his", "her", or a
 * name ending in "'s" ("Menon's"); WHO_NONE. */
static int view_owner(actx *c, size_t a, size_t e, int *ref) {
  const char *pn = NORM(c, e);
  *ref = REF_FULL;
  if (a == e && (strcmp(pn, "his") == 0 || strcmp(pn, "her") == 0)) {
    *ref = REF_PRONOUN;
    return lxs_resolve_pronoun(c, pn[0] == 'h' && pn[1] == 'i' ? 1 : 2, 1);
  }
  if (possessive(c, e) && namey(c, e)) {
    nameinfo ni;
    lxs_analyze_run(c, a, e, 1, &ni);
    if (ni.ok) {
      *ref = ni.ref;
      return ni.pi;
    }
  }
  return WHO_NONE;
}

/* "..., in his view.", "..., in Varga's opinion.", "..., by her
 * account.": a view phrase set off at the sentence's end names the holder
 * of what comes before it. */
static int tail_view_frame(actx *c, frame_t *f) {
  size_t n = c->nw;
  if (n < 7 || !terminal(c, n - 1) || !is_word(c, n - 2) || !(c->wc[n - 2] & W_VIEW)) return 0;
  size_t e = n - 3, a = e;
  while (a > 2 && a + 5 > e && namey(c, a - 1) && is_word(c, a - 1)) a--;
  if (a < 2 || !(norm_is(c, a - 1, "in") || norm_is(c, a - 1, "by")) ||
      !is_p(c, a - 2, LXS_P_COMMA) || c->inq[c->w[a - 2]])
    return 0;
  int ref, who = view_owner(c, a, e, &ref);
  if (who < 0 || c->P[lxs_person_root(c, who)].entity) return 0;
  frame_t cur = {who, ref, 0, 1, 0, 0, c->w[a - 1], c->w[n - 2], 0, 0, 0};
  cur.subj = a;
  *f = cur;
  return 1;
}

/* "In Menon's view, ...", "In his view, ..." */
static int view_frame(actx *c, frame_t *f) {
  if (for_frame(c, f) || tail_view_frame(c, f)) return 1;
  if (!(c->nw > 4 && norm_is(c, 0, "in"))) return 0;
  if (words_of_frame(c, f)) return 1;
  size_t e = 1;
  while (e + 1 < c->nw && namey(c, e) && !possessive(c, e) && e < 6) e++;
  if (!(e + 1 < c->nw && (c->wc[e + 1] & W_VIEW))) return 0;
  int ref, who = view_owner(c, 1, e, &ref);
  if (who < 0) return 0;
  frame_t cur = {who, ref, 0, 1, 0, 0, c->w[0], c->w[e + 1], 0, 0, 0};
  *f = cur;
  return 1;
}

static int be_subject_frame(actx *c, size_t k, size_t noun, frame_t *f) {
  int ref = REF_FULL, inverted = 0;
  size_t spos = 0;
  c->np_a = c->np_e = c->aside_end = 0;
  int who = verb_subject(c, k, k, &ref, &spos, &inverted);
  if (inverted || who == WHO_NONE) return 0;
  frame_t cur = {who, ref, 0, 0, 0, 0, c->w[k], c->w[noun], 0, 0, 0};
  cur.subj = spos;
  if (who < 0) { /* a group: it holds the view, the author reports it */
    lxs_note_holder(c, &cur, 0);
    return 0;
  }
  *f = cur;
  return 1;
}

/* "The AAM ... is a vocal supporter of the tariffs", "He has long been a
 * critic of the WTO": the subject holds the view the sentence states. */
static int supporter_frame(actx *c, frame_t *f) {
  for (size_t k = 2; k + 1 < c->nw; k++) {
    if (c->inq[c->w[k]] || !norm_is(c, k + 1, "of") || !(c->wc[k] & W_HOLDERN)) continue;
    size_t x = k; /* back over adjectives ("vocal", "long-time") to the article */
    while (x > 0 && k - x < 3 && is_word(c, x - 1) && !(c->wc[x - 1] & (W_STOP | W_DET)) &&
           !namey(c, x - 1))
      x--;
    if (x > 0 && is_word(c, x - 1) && (c->wc[x - 1] & W_DET)) x--;
    if (x == 0 || !is_word(c, x - 1)) continue;
    const char *b = NORM(c, x - 1);
    if (!(is_be(b) || strcmp(b, "remains") == 0 || strcmp(b, "remained") == 0 ||
          strcmp(b, "became") == 0 || strcmp(b, "becomes") == 0))
      continue;
    size_t v = x - 1; /* "has (long) been": the subject stands before "has" */
    if (strcmp(b, "been") == 0)
      while (
          v > 0 && k - v < 6 && is_word(c, v - 1) &&
          ((c->wc[v - 1] & W_AUX) || ends_with(NORM(c, v - 1), "ly") || norm_is(c, v - 1, "long")))
        v--;
    if (be_subject_frame(c, v, k, f)) return 1;
  }
  return 0;
}

/* "Ines Varga's study of berth delays blames ...", "citing Alders's
 * report": a person's study, report or argument carries their view. */
static int possessive_frame(actx *c, frame_t *f) {
  for (size_t e = 0; e + 1 < c->nw; e++) {
    if (c->inq[c->w[e]] || !possessive(c, e) || !namey(c, e)) continue;
    size_t n = e + 1; /* one adjective may stand between ("recent study") */
    if (n + 1 < c->nw && !(c->wc[n] & W_VIEW) && is_word(c, n) && !namey(c, n) &&
        !(c->wc[n] & W_STOP))
      n++;
    if (!is_word(c, n) || !(c->wc[n] & W_VIEW)) continue;
    size_t a = lxs_run_left(c, e, 0);
    nameinfo ni;
    lxs_analyze_run(c, a, e, 1, &ni);
    if (!ni.ok || ni.pi < 0) continue;
    frame_t cur = {ni.pi, ni.ref, 0, 1, 0, 0, c->w[n], c->w[n], 0, 0, 0};
    cur.subj = a;
    *f = cur;
    return 1;
  }
  return 0;
}

/* Words that may stand in a label before a colon besides names, titles
 * and organisations: "Guild for Harbour Pilots Chairman ...". */
static int label_word(const actx *c, size_t x) {
  static const char *const glue[] = {"of",  "for", "the", "a",  "an", "and", "on",  "at", "de",
                                     "del", "des", "du",  "la", "le", "van", "von", NULL};
  if (is_p(c, x, LXS_P_OPEN) || is_p(c, x, LXS_P_CLOSE) || is_p(c, x, LXS_P_COMMA) ||
      is_p(c, x, LXS_P_DASH) || is_p(c, x, LXS_P_OTHER))
    return 1;
  if (!is_word(c, x)) return 0;
  if (particle(c, x)) return 1;
  /* (not a clause in title case: "Berth Reform Is A Win For Small Ports:") */
  if ((c->wc[x] & W_AUX) && (c->wc[x] & W_STOP)) return 0;
  if (namey(c, x) || possessive(c, x)) return !(c->wc[x] & W_SPEECH) || x == 0;
  return (c->wc[x] & (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_VIEW | W_NOUN)) ||
         lxs_in_words(glue, NORM(c, x));
}

/* Is the current sentence a headline: a paragraph of its own without a
 * full stop, at the top of the text or short? */
static int headline_sentence(const actx *c, uint32_t k_in_para) {
  const lxs_sent *S = &c->tk->sents[c->cur_sent];
  const lxs_para *P = &c->tk->paras[S->paragraph];
  if (k_in_para != 0 || P->nsent != 1 || !c->nw || terminal(c, c->nw - 1) || is_quote(c, c->nw - 1))
    return 0;
  return S->paragraph == 0 || S->nwords <= 20;
}

/* Does the current sentence stand where a headline may: first in the
 * text, or alone on its line without a final full stop?  ("Ines Varga
 * and Pim Alders Disagreed." in the body is a sentence, not a title.) */
int lxs_headline_place(const actx *c) {
  const lxs_sent *S = &c->tk->sents[c->cur_sent];
  const char *t = c->text;
  size_t a = S->start, e = S->end, len = c->tk->len;
  while (a > 0 && (t[a - 1] == ' ' || t[a - 1] == '\t')) a--;
  int line_start = a == 0 || t[a - 1] == '\n' || t[a - 1] == '\r';
  while (e < len && (t[e] == ' ' || t[e] == '\t')) e++;
  int line_end = e >= len || !t[e] || t[e] == '\n' || t[e] == '\r';
  if (!line_start || !line_end) return c->cur_sent == 0 && c->tk->paras[0].nsent == 1;
  return c->cur_sent == 0 || !c->nw || !is_p(c, c->nw - 1, LXS_P_PERIOD);
}

/* A label before a colon names who speaks after it: "Northport Traders
 * Union Chairman Tomas Reyes: "...", "Said Guild for Harbour Pilots (GHP)
 * President Anton Reyes:", the headline "Osei: new levies undermine ...",
 * "The Courier's take: "..."" (the outlet's view). */
static int label_frame(actx *c, uint32_t k_in_para, frame_t *f) {
  /* ("Said Anton Reyes, president of the Guild:" is an inverted verb
   * frame: its speaker is the noun phrase after the verb) */
  if (c->nw && namey(c, 0) && (c->wc[0] & (W_SAY | W_ADD)) && !(c->wc[0] & W_GIVEN)) return 0;
  size_t k = 1;
  while (k < c->nw && k < 24 && label_word(c, k)) k++;
  if (k >= c->nw || !is_p(c, k, LXS_P_COLON) || c->inq[c->w[k]]) return 0;
  int quote_next = k + 1 < c->nw && is_quote(c, k + 1) && in_speech(c, k + 1);
  int headline = !quote_next && k + 1 < c->nw && headline_sentence(c, k_in_para);
  if (!quote_next && k + 1 < c->nw && !headline) return 0;
  size_t e = k - 1;
  if (e >= 1 && (c->wc[e] & (W_VIEW | W_NOUN)) && possessive(c, e - 1)) e--; /* "X's take:" */
  int roles_only = 1; /* "Mayor:", "Port Chief:" */
  for (size_t x = 0; x <= e && roles_only; x++)
    roles_only = is_word(c, x) && (c->wc[x] & (W_TITLE | W_ROLE | W_ROLEADJ | W_DET));
  if (headline && (!namey(c, e) || roles_only) && (c->wc[e] & W_ROLE) && !(c->wc[e] & W_GROUPN) &&
      e < 6 && label_word(c, 0)) {
    /* "Pilots' guild chief: New rules are overdue": the person the
     * article names with that role */
    int r = lxs_resolve_desc(c, 0, e);
    if (r < 0) r = lxs_desc_pending(c, 0, e);
    if (r < 0) return 0;
    frame_t cur = {r, REF_DESC, 0, 0, 1, 1, c->w[k], c->w[k], 0, 0, 0};
    *f = cur;
    return 1;
  }
  if (!namey(c, e) || !label_word(c, 0)) return 0;
  size_t a = lxs_run_left(c, e, 0);
  nameinfo ni;
  lxs_analyze_run(c, a, e, 1, &ni);
  int who = ni.ok ? ni.pi : WHO_AUTHOR, ref = ni.ok ? ni.ref : REF_FULL;
  if (!ni.ok && headline && a == e && !c->wc[e] && !(TK(c, e)->flags & LXS_TF_ALLCAPS)) {
    const char *p;
    size_t n = tok_text(c, e, e, &p); /* "Ramaphosa: ...", named in full later */
    who = lxs_person_from_text(c, p, n);
    if (who >= 0 && !strchr(c->P[who].name, ' ')) c->P[who].tentative = 1;
  }
  int outlet = !ni.ok && e + 1 < k && possessive(c, e) ? lxs_org_at(c, a, e, 2, &ref) : WHO_NONE;
  if (outlet >= 0) who = outlet;
  if (who >= 0) lxs_prename_desc(c, who, a, ni.n0);
  frame_t cur = {who, ref, 0, 0, 1, headline, c->w[k], c->w[k], 0, 0, 0};
  *f = cur;
  return 1;
}

/* A headline whose speaker follows the claim: "East quay will reopen:
 * Okafor", "Berth reform is a win for small ports: Guild statement".  The
 * words after the last colon are a name of one to four words, perhaps
 * with a speech noun after it. */
static int trailing_label_frame(actx *c, uint32_t k_in_para, frame_t *f) {
  if (c->nw < 4 || !headline_sentence(c, k_in_para)) return 0;
  size_t k = c->nw;
  while (k > 0 && c->nw - k < 7 && !is_p(c, k - 1, LXS_P_COLON)) k--;
  if (k < 3 || k >= c->nw || !is_p(c, k - 1, LXS_P_COLON) || c->inq[c->w[k - 1]]) return 0;
  size_t e = c->nw - 1;
  if (e > k && (c->wc[e] & W_NOUN)) e--; /* "Guild statement" */
  if (!namey(c, k) || lxs_run_right(c, k, c->nw) != e || e > k + 3) return 0;
  int ref = REF_FULL, who = lxs_org_at(c, k, e, 1, &ref);
  if (who < 0) {
    nameinfo ni;
    lxs_analyze_run(c, k, e, 1, &ni);
    if (ni.ok) {
      who = ni.pi;
      ref = ni.ref;
    } else if (k == e && !c->wc[e] && !(TK(c, e)->flags & LXS_TF_ALLCAPS)) {
      const char *p;
      size_t n = tok_text(c, e, e, &p); /* "...: Okafor", named in full later */
      who = lxs_person_from_text(c, p, n);
      if (who >= 0 && !strchr(c->P[who].name, ' ')) c->P[who].tentative = 1;
    }
  }
  if (who < 0) return 0;
  frame_t cur = {who, ref, 0, 0, 1, 1, c->w[k - 1], c->w[k - 1], 0, 0, 0};
  cur.subj = k;
  *f = cur;
  return 1;
}

/* "Brenner's reply was short:", "Her answer was blunt:" -- the holder of
 * the speech noun that opens the sentence, or WHO_NONE. */
static int speech_noun_owner(actx *c, size_t colon, int *ref) {
  size_t e = 0;
  int pron = norm_is(c, 0, "his") || norm_is(c, 0, "her");
  while (!pron && e < colon && e < 6 && namey(c, e) && !possessive(c, e)) e++;
  if (e + 1 >= colon || !is_word(c, e)) return WHO_NONE;
  size_t n = e + 1; /* one adjective may stand between ("curt reply") */
  if (n + 1 < colon && is_word(c, n) && !(c->wc[n] & (W_NOUN | W_VIEW | W_STOP))) n++;
  if (!(c->wc[n] & (W_NOUN | W_VIEW))) return WHO_NONE;
  const char *pn = NORM(c, e);
  if (e == 0 && (strcmp(pn, "his") == 0 || strcmp(pn, "her") == 0)) {
    *ref = REF_PRONOUN;
    int r = lxs_resolve_pronoun(c, pn[1] == 'i' ? 1 : 2, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (!possessive(c, e) || !namey(c, e)) return WHO_NONE;
  nameinfo ni;
  lxs_analyze_run(c, 0, e, 1, &ni);
  if (!ni.ok || ni.pi < 0) return WHO_NONE;
  *ref = ni.ref;
  return ni.pi;
}

/* "Menon was blunt: "..."" */
static int colon_frame(actx *c, frame_t *f) {
  for (size_t k = 1; k + 1 < c->nw; k++) {
    if (!is_p(c, k, LXS_P_COLON) || c->inq[c->w[k]] || !is_quote(c, k + 1) || !in_speech(c, k + 1))
      continue;
    int ref = REF_FULL;
    size_t spos;
    int who = speech_noun_owner(c, k, &ref);
    if (who < 0) who = lxs_main_subject(c, &ref, &spos);
    if (who >= 0) {
      frame_t cur = {who, ref, 0, 0, 1, 0, c->w[k], c->w[k], 0, 0, 0};
      *f = cur;
      return 1;
    }
    break;
  }
  return 0;
}

static const char *const clause_conj[] = {"while",  "whilst", "but", "whereas", "although",
                                          "though", "yet",    "and", NULL};

/* Does word b, after a comma, dash or semicolon, open a new clause: a
 * semicolon before it, or a comma or dash before "while", "but", "and",
 * "whereas", "although", "though", "yet"? */
static int opens_clause(const actx *c, size_t b) {
  if (b == 0 || c->inq[c->w[b]] || c->inq[c->w[b - 1]]) return 0;
  if (is_p(c, b - 1, LXS_P_SEMI)) return 1;
  return (is_p(c, b - 1, LXS_P_COMMA) || is_p(c, b - 1, LXS_P_DASH)) && is_word(c, b) &&
         lxs_in_words(clause_conj, NORM(c, b));
}

/* The last clause boundary in words (from, to), or 0. */
static size_t last_boundary(const actx *c, size_t from, size_t to) {
  for (size_t b = to; b-- > from + 1;)
    if (opens_clause(c, b)) return b;
  return 0;
}

/* The speaker of the clause opened at b ("..., but Mary Jones
 * disagreed, calling them a tax"), from its first words; WHO_NONE. */
static int clause_subject(actx *c, size_t b, int *ref, size_t *spos) {
  size_t a = b + (is_word(c, b) && lxs_in_words(clause_conj, NORM(c, b)));
  *spos = a;
  return lxs_np_right(c, a, ref);
}

/* The frame cur of another person after the previous speaker's frame at
 * word after: a clause of its own when a clause boundary stands between
 * them ("Okafor said ..., while ... Tom Birch, argued that ..."; not
 * "..., said Birch").  1 when f gains the clause. */
static int add_clause(actx *c, size_t after, const frame_t *cur, frame_t *f) {
  int prev = f->nmore ? f->more[f->nmore - 1].who : f->who;
  if (cur->who == prev || cur->subj <= after || f->nmore >= MAX_CLAUSES) return 0;
  size_t lo = cur->subj > after + 40 ? cur->subj - 40 : after + 1; /* (bounded: linear) */
  size_t b = last_boundary(c, lo - 1, cur->subj + 1);              /* the clause cur opens */
  /* "Varga said ..., Alders said ...": a comma before a subject whose
   * verb goes on to what it reports (not "..., Alders noted.") */
  size_t v = cur->subj; /* (the frame's last word, found from its subject) */
  while (v < c->nw && c->w[v] < cur->vend) v++;
  if (!b && cur->subj > after + 1 && cur->subj < c->nw && is_p(c, cur->subj - 1, LXS_P_COMMA) &&
      !c->inq[c->w[cur->subj - 1]] && cur->verb > c->w[cur->subj] && v + 1 < c->nw &&
      is_word(c, v + 1))
    b = cur->subj;
  if (!b) return 0;
  struct frame_clause *x = &f->more[f->nmore++];
  x->who = cur->who;
  x->ref = cur->ref;
  x->add = cur->add;
  x->split = c->w[b];
  return 1;
}

/* A participle's speaker (", calling it a tax") when a clause boundary
 * stands between it (at k) and the frame before it (at from): the
 * subject of its own clause.  1 when cur changed. */
static int participle_clause(actx *c, size_t from, size_t k, frame_t *cur) {
  /* (a bounded look back: a sentence of many participles stays linear) */
  size_t b = last_boundary(c, from + 40 < k ? k - 40 : from, k), spos;
  if (!b) return 0;
  size_t np_a = c->np_a, np_e = c->np_e, aside_end = c->aside_end;
  c->np_a = c->np_e = c->aside_end = 0;
  int ref, who = clause_subject(c, b, &ref, &spos);
  if (who == WHO_NONE) { /* no subject there: the verb frame's reading stands */
    c->np_a = np_a;
    c->np_e = np_e;
    c->aside_end = aside_end;
    return 0;
  }
  cur->who = who;
  cur->ref = ref;
  cur->subj = spos;
  return 1;
}

/* A subordinate clause fronted before the main clause ("(And) after she
 * criticised the fees, the minister was told ..."): the position after
 * its comma, or 0.  A speaker found inside it gives way to the main
 * clause's. */
static size_t fronted_clause_end(const actx *c) {
  static const char *const sub[] = {"after",  "when",    "while",  "since", "although",
                                    "though", "as",      "before", "once",  "because",
                                    "until",  "whereas", NULL};
  size_t k = c->nw > 1 && (norm_is(c, 0, "and") || norm_is(c, 0, "but")) ? 1 : 0;
  if (k + 3 >= c->nw || !is_word(c, k) || !lxs_in_words(sub, NORM(c, k))) return 0;
  for (size_t x = k + 2; x < c->nw && x < k + 20; x++) {
    if (is_p(c, x, LXS_P_COMMA)) return c->inq[c->w[x]] ? 0 : x + 1;
    if (!is_word(c, x)) return 0;
  }
  return 0;
}

/* The frames of the sentence's speech verbs, in order: the first
 * person's is the sentence's (*f), the next persons' may hold clauses of
 * their own, the first non-person's is kept in *np (the view is then the
 * author's to report, *have_np).  Each frame also names the holder of the
 * view it reports.  After a label ("Name: ..."), and inside quotations
 * ("Critics say the levy is unfair," she said), verbs only name holders;
 * quoted verbs leave the person table as it is (c->quiet). */
static void verb_frames(actx *c, uint32_t k_in_para, int label, frame_t *f, frame_t *np,
                        int *have_np) {
  frame_t cur, last = {0};
  int have_last = 0;
  size_t prev = 0, last_k = 0, last_a = 0, last_e = 0, fronted = fronted_clause_end(c);
  int f_fronted = 0;
  *have_np = 0;
  for (size_t k = 0; k < c->nw; k++) {
    int quoted = c->inq[c->w[k]] != 0;
    c->quiet = quoted;
    int found = verb_frame(c, k_in_para, k, &cur, quoted);
    c->quiet = 0;
    if (!found) continue;
    if (cur.participle && !quoted && participle_clause(c, have_last ? last_k : 0, k, &cur)) {
      last = cur; /* "..., but Jones disagreed, calling them a tax": Jones */
      last_k = k;
      last_a = c->np_a;
      last_e = c->np_e;
      have_last = 1;
    } else if (cur.participle && have_last) { /* "X asserted ..., rejecting ...": X */
      cur.who = last.who;
      cur.ref = last.ref;
      cur.subj = last.subj;
      c->np_a = last_a;
      c->np_e = last_e;
    } else if (!quoted) {
      last = cur;
      last_k = k;
      last_a = c->np_a;
      last_e = c->np_e;
      have_last = 1;
    }
    lxs_note_holder(c, &cur, quoted);
    if (label || quoted) continue;
    if (cur.who >= 0 && (f->who < 0 || (f_fronted && k >= fronted && f->nmore == 0))) {
      *f = cur;
      prev = k;
      f_fronted = k < fronted;
    } else if (cur.who >= 0 && k >= prev + 2) {
      if (add_clause(c, prev, &cur, f)) prev = k;
    } else if (cur.who < 0 && !*have_np) {
      *np = cur;
      *have_np = 1;
    }
  }
}

/* Does a fronted adverbial of speech open at k?  A speech participle
 * ("Speaking to reporters", "Writing in the Courier", "Asked about the
 * levy"; not "Speaking of ...") or "In" + a speech noun a few words on
 * ("In an interview with the Courier", "In his weekly letter"). */
static int speech_adverbial(const actx *c, size_t k) {
  if (!is_word(c, k) || c->inq[c->w[k]] || !is_word(c, k + 1)) return 0;
  lxs_wbits cl = c->wc[k];
  if ((cl & W_SAYING) && (cl & W_SAY)) return !norm_is(c, k + 1, "of");
  if (norm_is(c, k, "asked")) return 1;
  if (!norm_is(c, k, "in")) return 0;
  for (size_t x = k + 1; x < c->nw && x < k + 5 && is_word(c, x); x++)
    if (c->wc[x] & W_NOUN) return x > k + 1 && !namey(c, x);
  return 0;
}

/* A fronted adverbial of speech before the main clause: "Speaking to
 * reporters on Monday, Varga called the levy unfair", "In an interview,
 * she described ...": the main clause's subject speaks, whatever its
 * verb (only when no speech verb names a person). */
static int fronted_speech_frame(actx *c, frame_t *f) {
  size_t k = c->nw > 1 && (norm_is(c, 0, "and") || norm_is(c, 0, "but")) ? 1 : 0;
  if (k + 4 >= c->nw || !speech_adverbial(c, k)) return 0;
  size_t b = 0;
  for (size_t x = k + 2; x < c->nw && x < k + 20; x++) {
    if (is_p(c, x, LXS_P_COMMA)) {
      b = c->inq[c->w[x]] ? 0 : x + 1;
      break;
    }
    if (terminal(c, x) || is_quote(c, x) || is_p(c, x, LXS_P_COLON)) return 0;
  }
  if (!b || b + 1 >= c->nw || !is_word(c, b)) return 0;
  int ref = REF_FULL, who = lxs_np_right(c, b, &ref);
  if (who < 0) return 0;
  frame_t cur = {who, ref, 0, 0, 0, 0, c->w[k], c->w[b - 1], 0, 0, 0};
  cur.subj = b;
  *f = cur;
  return 1;
}

void lxs_find_frame(actx *c, uint32_t k_in_para, frame_t *f) {
  memset(f, 0, sizeof *f);
  f->who = WHO_NONE;
  frame_t nonperson;
  int have_np;
  /* (holders or not, the same scan: the people it meets are the same) */
  int label = label_frame(c, k_in_para, f) || trailing_label_frame(c, k_in_para, f);
  verb_frames(c, k_in_para, label, f, &nonperson, &have_np);
  if (label || f->who >= 0) return;
  /* ("X was blunt: ..." only without a speech verb: "..., in an interview
   * with the radio Trump said: ..." is not the sentence subject's) */
  if (view_frame(c, f) || message_frame(c, f) || (!have_np && colon_frame(c, f))) return;
  if (fronted_speech_frame(c, f)) return;
  if ((!have_np && supporter_frame(c, f)) || possessive_frame(c, f)) return;
  if (have_np) *f = nonperson;
}

static int number_word(const actx *c, size_t k) {
  static const char *const n[] = {"two",  "three", "four",   "five",   "six",  "seven", "eight",
                                  "nine", "ten",   "eleven", "twelve", "both", NULL};
  return is_word(c, k) && (lxs_in_words(n, NORM(c, k)) || (TK(c, k)->flags & LXS_TF_NUMBER));
}

/* Names listed in the tokens [a, e): runs of capitalised words ("Norland,
 * along with Ostria, New Vell and Sarai": 4). */
static size_t listed_names(const actx *c, uint32_t a, uint32_t e) {
  size_t n = 0;
  int in_run = 0;
  for (uint32_t t = a; t < e; t++) {
    const lxs_token *tok = &c->tk->toks[t];
    int cap = tok->kind == LXS_TOK_WORD && c->text[tok->start] >= 'A' && c->text[tok->start] <= 'Z';
    if (cap && !in_run) n++;
    in_run = cap;
  }
  return n;
}

/* "the four countries said": the group of four listed by an earlier
 * frame's holder ("Norland, along with Ostria, New Vell and Sarai, has
 * insisted ...") takes the view.  Changes *h's tokens; 1 when found. */
static int listed_group(const actx *c, struct pending_holder *h) {
  if (!(c->np_e == c->np_a + 3 && norm_is(c, c->np_a, "the") && number_word(c, c->np_a + 1)))
    return 0;
  const char *nw = NORM(c, c->np_a + 1);
  static const char *const small[] = {"",      "",      "two",  "three", "four",   "five",   "six",
                                      "seven", "eight", "nine", "ten",   "eleven", "twelve", NULL};
  size_t want = strcmp(nw, "both") == 0 ? 2 : 0;
  for (size_t i = 2; small[i] && !want; i++)
    if (strcmp(nw, small[i]) == 0) want = i;
  if (!want) want = (size_t)strtoul(nw, NULL, 10);
  if (want < 2) return 0;
  for (size_t i = c->nph, seen = 0; i-- > 0 && seen < 16; seen++) {
    const struct pending_holder *x = &c->ph[i];
    if (x->who != WHO_AUTHOR || listed_names(c, x->a, x->e) != want) continue;
    h->a = x->a;
    h->e = x->e;
    return 1;
  }
  return 0;
}

/* "The paper said ...", "Their letter says ..." after a sentence whose
 * frame named a holder: the document is theirs.  The index of that
 * holder in c->ph, or -1. */
static long document_at(const actx *c, size_t s) {
  if (s < 1 || s >= c->nw || !(c->wc[s] & (W_VIEW | W_NOUN)) || !(c->wc[s - 1] & W_DET) ||
      !(s == 1 || is_p(c, s - 2, LXS_P_COMMA)) || !c->nph || c->cur_sent == 0)
    return -1;
  const struct pending_holder *x = &c->ph[c->nph - 1];
  uint32_t prev = c->tk->sents[c->cur_sent - 1].first_tok;
  return x->verb >= prev && x->verb < c->w[0] ? (long)(c->nph - 1) : -1;
}

void lxs_note_holder(actx *c, const frame_t *f, int quoted) {
  int group = f->who < 0 && c->np_e > c->np_a;
  long doc = f->who < 0 && !quoted && c->holders ? document_at(c, f->subj) : -1;
  /* inside a quotation only a group holds a view of its own ("Critics say
   * ...," she said); a person there is described by the speaker */
  /* "They said ..." after a group: the group's view */
  int they = f->who < 0 && !group && c->they_e && f->subj < c->nw && c->they_tok == c->w[f->subj];
  if (!c->holders || (f->who < 0 && !group && !they && doc < 0) || (quoted && !group)) return;
  if (c->nph && c->ph[c->nph - 1].verb >= f->verb) return; /* seen (and in order) */
  LXS_VEC_GROW(c->ph, c->nph, c->capph);
  struct pending_holder *h = &c->ph[c->nph++];
  h->verb = f->verb;
  h->end = f->vend;
  h->subj = f->subj < c->nw ? c->w[f->subj] : f->verb;
  h->who = group ? WHO_AUTHOR : f->who;
  h->a = group ? c->w[c->np_a] : 0;
  h->e = group ? c->w[c->np_e - 1] + 1 : 0;
  if (group && h->a < h->subj) h->subj = h->a; /* "Chinese experts say" */
  h->inverted = f->according || h->subj > f->verb;
  if (doc >= 0) {
    h->who = c->ph[doc].who;
    h->a = c->ph[doc].a;
    h->e = c->ph[doc].e;
  } else if (group) {
    listed_group(c, h);
  } else if (they) {
    h->who = WHO_AUTHOR;
    h->a = c->they_a;
    h->e = c->they_e;
  }
}

int lxs_frame_cue(const frame_t *f) {
  if (f->headline) return LXS_CUE_HEADLINE;
  if (f->add) return LXS_CUE_CONTINUATION;
  if (f->ref == REF_PRONOUN) return LXS_CUE_PRONOUN;
  if (f->ref == REF_SHORT) return LXS_CUE_SHORT_NAME;
  if (f->ref == REF_DESC) return LXS_CUE_DESCRIPTION;
  if (f->according) return LXS_CUE_ACCORDING_TO;
  if (f->after) return LXS_CUE_SAID_AFTER;
  if (f->before) return LXS_CUE_SAID_BEFORE;
  return LXS_CUE_INDIRECT;
}

void lxs_frame_clauses(actx *c, const lxs_sent *S, uint32_t s, const frame_t *f) {
  for (size_t i = 0; i < f->nmore; i++) {
    const struct frame_clause *m = &f->more[i];
    lxs_recent_push(c, m->who);
    if (!c->clauses) continue;
    lxs_clauses *cl = c->clauses;
    LXS_VEC_GROW(cl->items, cl->n, cl->cap);
    lxs_clause *x = &cl->items[cl->n++];
    x->sentence = s;
    x->start = c->tk->toks[m->split].start;
    x->end = i + 1 < f->nmore ? c->tk->toks[f->more[i + 1].split].start : S->end;
    while (x->end > x->start && (c->text[x->end - 1] == ' ' || c->text[x->end - 1] == '\t'))
      x->end--;
    x->speaker = (uint32_t)m->who; /* a person until the speakers are interned */
    frame_t g = {0};
    g.ref = m->ref;
    g.add = m->add;
    x->cue = (uint8_t)lxs_frame_cue(&g);
  }
}
