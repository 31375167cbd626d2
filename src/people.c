/* people.c - the person table: every person the article names, the keys
 * they are found by (full name, surname, given name, user aliases), the
 * recency stack pronouns resolve against, and the description words that
 * "the former ADB economist" is matched with. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static int first_word_len(const char *s) {
  const char *sp = strchr(s, ' ');
  return sp ? (int)(sp - s) : (int)strlen(s);
}

static void add_dwords(person *p, const char *s, size_t n) {
  /* lower-case words, hyphen parts, and acronyms of capitalised runs */
  char acro[16];
  size_t na = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && !((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                      (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      i++;
    size_t st = i;
    while (i < n && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '\''))
      i++;
    if (i == st) break;
    size_t wn = i - st;
    lxs_buf_putc(&p->dwords, ' ');
    for (size_t k = 0; k < wn; k++) {
      char ch = s[st + k];
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
      lxs_buf_putc(&p->dwords, ch);
    }
    lxs_wbits cl = lxs_wclass(s + st, wn);
    if (s[st] >= 'A' && s[st] <= 'Z') {
      if (na < sizeof acro) acro[na++] = (char)(s[st] + 32);
    } else if (!(cl & (W_STOP | W_DET)) || (i < n && s[i] == ',')) {
      if (na >= 2) {
        lxs_buf_putc(&p->dwords, ' ');
        lxs_buf_put(&p->dwords, acro, na);
      }
      na = 0;
    }
    if (i < n && (s[i] == ',' || s[i] == ';' || s[i] == '(')) {
      if (na >= 2) {
        lxs_buf_putc(&p->dwords, ' ');
        lxs_buf_put(&p->dwords, acro, na);
      }
      na = 0;
    }
  }
  if (na >= 2) {
    lxs_buf_putc(&p->dwords, ' ');
    lxs_buf_put(&p->dwords, acro, na);
  }
  lxs_buf_putc(&p->dwords, ' ');
  lxs_buf_cstr(&p->dwords);
}

void lxs_person_set_desc(actx *c, int pi, const char *s, size_t n) {
  if (pi < 0 || !n) return;
  person *p = &c->P[pi];
  add_dwords(p, s, n);
  if (!p->desc[0]) {
    char *d = lxs_clean_copy(s, n);
    /* trim trailing punctuation */
    size_t dl = strlen(d);
    while (dl && (d[dl - 1] == ',' || d[dl - 1] == '.' || d[dl - 1] == ';' || d[dl - 1] == ':' ||
                  d[dl - 1] == ' '))
      d[--dl] = 0;
    if (dl) {
      free(p->desc);
      p->desc = d;
      p->desc_synced = 0;
    } else {
      free(d);
    }
  }
}

/* ---- identity keys ---------------------------------------------------------
 * Names are looked up by a folded key: letters and digits only, case and
 * diacritics dropped ("José Núñez" = "Jose Nunez", "Okonjo-Iweala" =
 * "Okonjo Iweala"). */

static const char *fold(actx *c, const char *s, size_t n, size_t *kn) {
  c->key.len = 0;
  lxs_utf8_fold_key(s, n, &c->key);
  *kn = c->key.len;
  return c->key.data ? c->key.data : "";
}

int lxs_key_get(actx *c, const lxs_strmap *m, const char *s, size_t n) {
  if (!m->n) return -1; /* most documents name no organisation: skip the fold */
  size_t kn;
  const char *k = fold(c, s, n, &kn);
  return lxs_strmap_get(m, k, kn);
}

void lxs_key_put(actx *c, lxs_strmap *m, const char *s, size_t n, int val, int keep) {
  size_t kn;
  const char *k = fold(c, s, n, &kn);
  lxs_strmap_put(m, k, kn, val, keep);
}

/* Is the word [w, w + n) a lower-case name particle ("von", "bin")? */
static int particle_word(const char *w, size_t n) {
  return n && w[0] >= 'a' && w[0] <= 'z' && (lxs_wclass(w, n) & W_PARTICLE);
}

static void put_keys(actx *c, int pi) {
  const char *nm = c->P[pi].name;
  size_t n = strlen(nm);
  lxs_key_put(c, &c->full, nm, n, pi, 0);
  const char *last = strrchr(nm, ' ');
  if (!last) return;
  last++;
  if (lxs_wclass(last, strlen(last)) & W_SUFFIX) { /* "Ferdinand Marcos Jr" */
    const char *q = last - 1;
    while (q > nm && q[-1] != ' ') q--;
    if (q > nm) {
      lxs_key_put(c, &c->sur, q, (size_t)(last - 1 - q), pi, 1);
      last = q;
    }
  } else {
    lxs_key_put(c, &c->sur, last, strlen(last), pi, 1);
  }
  int fl = first_word_len(nm);
  lxs_key_put(c, &c->given, nm, (size_t)fl, pi, 1);
  /* middle names: "Zafrul" for "Tengku Zafrul Aziz" after titles; a
   * surname with particles: "von der Leyen" for "Ursula von der Leyen" */
  int particles = 0;
  for (const char *m = nm + fl + 1; m < last - 1;) {
    const char *sp = strchr(m, ' ');
    size_t ml = sp ? (size_t)(sp - m) : strlen(m);
    if (!particles && particle_word(m, ml)) {
      particles = 1;
      lxs_key_put(c, &c->sur, m, strlen(m), pi, 1);
    }
    if (ml >= 3 && !particles) lxs_key_put(c, &c->given, m, ml, pi, 1);
    m += ml + 1;
  }
  /* "Peter T C Chang" is also "Peter Chang" */
  if (last - nm > fl + 1) {
    lxs_buf b;
    lxs_buf_init(&b);
    lxs_buf_put(&b, nm, (size_t)fl);
    lxs_buf_putc(&b, ' ');
    lxs_buf_puts(&b, last);
    lxs_key_put(c, &c->full, b.data, b.len, pi, 1);
    lxs_buf_free(&b);
  }
}

/* The gender a given name tells (0 when the list does not say). */
static int given_gender(const char *nm) {
  lxs_wbits g = lxs_wclass(nm, (size_t)first_word_len(nm));
  if (!(g & W_GIVEN)) return 0;
  if ((g & (W_MALE | W_FEMALE)) == W_MALE) return 1;
  if ((g & (W_MALE | W_FEMALE)) == W_FEMALE) return 2;
  return 0;
}

/* A person known so far by a shorter name that ends this one ("Mr Smith"
 * before "John Smith", "Von der Leyen" before "Ursula von der Leyen"), or
 * -1. */
static int shorter_self(actx *c, const char *name, size_t n) {
  for (size_t i = 1; i < n; i++) {
    if (name[i - 1] != ' ') continue;
    int o = lxs_key_get(c, &c->full, name + i, n - i);
    if (o < 0) continue;
    size_t on = strlen(c->P[o].name);
    if (on < n && c->P[o].merged < 0 && !c->P[o].entity &&
        lxs_key_get(c, &c->full, c->P[o].name, on) == o)
      return o;
  }
  return -1;
}

/* A new entry of the table holding NAME (owned), with no description,
 * speaker or merge yet; its index. */
static int append_person(actx *c, char *name) {
  LXS_VEC_GROW(c->P, c->np, c->capp);
  person *p = &c->P[c->np];
  memset(p, 0, sizeof *p);
  p->name = name;
  p->desc = lxs_xstrndup("", 0);
  lxs_buf_init(&p->dwords);
  p->speaker = NO_SPK;
  p->merged = -1;
  return (int)c->np++;
}

int lxs_person_new(actx *c, const char *name, size_t n) {
  int o = shorter_self(c, name, n);
  if (o >= 0) {
    free(c->P[o].name);
    c->P[o].name = lxs_xstrndup(name, n);
    c->P[o].tentative = 0;
    put_keys(c, o);
    if (!c->P[o].gender) c->P[o].gender = given_gender(c->P[o].name);
    return o;
  }
  int pi = append_person(c, lxs_xstrndup(name, n));
  c->P[pi].gender = given_gender(c->P[pi].name);
  put_keys(c, pi);
  return pi;
}

int lxs_person_root(const actx *c, int pi) {
  while (pi >= 0 && c->P[pi].merged >= 0) pi = c->P[pi].merged;
  return pi;
}

/* Person for a canonical name: exact (or alias) first, then a surname
 * ("Menon", "von der Leyen") or given name.  -1 if unknown or ambiguous. */
int lxs_person_lookup(actx *c, const char *nm, size_t n, int *is_short) {
  int pi = lxs_key_get(c, &c->full, nm, n);
  if (pi >= 0) {
    pi = lxs_person_root(c, pi);
    *is_short = !lxs_eq_lower(c->P[pi].name, strlen(c->P[pi].name), nm, n);
    return pi;
  }
  *is_short = 1;
  int amb = 0;
  pi = lxs_key_get(c, &c->sur, nm, n);
  if (pi >= 0) return lxs_person_root(c, pi);
  if (memchr(nm, ' ', n)) return -1;
  if (pi == -2) amb = 1;
  if (!amb) {
    pi = lxs_key_get(c, &c->given, nm, n);
    if (pi >= 0) return lxs_person_root(c, pi);
    if (pi == -2) amb = 1;
  }
  if (!amb) return -1;
  /* two people share the word: the one mentioned last */
  for (int r = 0; r < c->nrecent; r++) {
    const char *pn = c->P[c->recent[r]].name;
    const char *sp = strrchr(pn, ' ');
    int fl = first_word_len(pn);
    if ((sp && lxs_eq_lower(sp + 1, strlen(sp + 1), nm, n)) || lxs_eq_lower(pn, (size_t)fl, nm, n))
      return c->recent[r];
  }
  return -1;
}

uint32_t lxs_person_speaker(actx *c, int pi) {
  person *p = &c->P[pi];
  if (p->speaker == NO_SPK || (!p->desc_synced && p->desc[0])) {
    p->speaker = p->entity ? lxs_speakers_intern_as_is(c->sp, p->name, strlen(p->name), p->desc,
                                                       strlen(p->desc))
                           : lxs_speakers_intern(c->sp, p->name, strlen(p->name), p->desc,
                                                 strlen(p->desc));
    p->desc_synced = p->desc[0] != 0;
  }
  return p->speaker;
}

/* Moves pi to the front of a recency list of at most RECENT entries. */
static void push_front(int *list, int *n, int pi) {
  if (pi < 0) return;
  int i = 0;
  while (i < *n && list[i] != pi) i++;
  if (i == *n) {
    if (*n < RECENT) (*n)++;
    i = *n - 1;
  }
  for (; i > 0; i--) list[i] = list[i - 1];
  list[0] = pi;
}

void lxs_recent_push(actx *c, int pi) { push_front(c->recent, &c->nrecent, pi); }

void lxs_recent_append(actx *c, int pi) {
  if (pi < 0) return;
  for (int i = 0; i < c->nrecent; i++)
    if (c->recent[i] == pi) return;
  if (c->nrecent < RECENT) c->recent[c->nrecent++] = pi;
}

int lxs_resolve_pronoun(actx *c, int g, int commit) {
  for (int i = 0; i < c->nrecent; i++) {
    person *p = &c->P[c->recent[i]];
    /* a bare role ("the minister said") is one for "he" or "she" in its
     * own paragraph: the pronoun's sentence is the role's until a name
     * holds it */
    if (p->described && c->tk->sents[c->cur_sent].paragraph != p->para) continue;
    if (p->gender == 0 || p->gender == g) {
      if (commit && p->gender == 0 && !c->quiet) p->gender = g;
      return c->recent[i];
    }
  }
  return WHO_NONE;
}

/* Does word w (lower case) occur in p's description words? */
static int in_dwords(const person *p, const char *w, size_t n) {
  if (!p->dwords.len || n < 2) return 0;
  const char *d = p->dwords.data, *end = d + p->dwords.len;
  while (d < end) {
    while (d < end && *d == ' ') d++;
    const char *st = d;
    while (d < end && *d != ' ') d++;
    size_t dn = (size_t)(d - st);
    if (!dn) break;
    if (dn == n && memcmp(st, w, n) == 0) return 1;
    /* Cambodia / Cambodian, economist / economics */
    if (dn >= 5 && n >= 5) {
      size_t k = 0;
      while (k < dn && k < n && st[k] == w[k]) k++;
      if (k >= 5 && (k + 3 >= dn || k + 3 >= n)) return 1;
    }
  }
  return 0;
}

/* ---- description references ------------------------------------------- */

/* Does p's description hold a role word ("economist", "minister")? */
static int role_in_dwords(const person *p) {
  const char *d = p->dwords.data, *end = d + p->dwords.len;
  while (d < end) {
    while (d < end && *d == ' ') d++;
    const char *st = d;
    while (d < end && *d != ' ') d++;
    if (d > st && (lxs_wclass(st, (size_t)(d - st)) & (W_ROLE | W_TITLE))) return 1;
  }
  return 0;
}

static const char *const kExperts[] = {"expert",     "scholar",    "academic",  "analyst",
                                       "researcher", "professor",  "prof",      "fellow",
                                       "economist",  "specialist", "observer",  "lecturer",
                                       "scientist",  "strategist", "historian", NULL};
static const char *const kOfficials[] = {
    "official",  "minister",   "diplomat",     "ambassador",     "envoy",
    "secretary", "negotiator", "commissioner", "representative", NULL};
static const char *const kSpokes[] = {"spokesperson", "spokesman", "spokeswoman", NULL};
static const char *const kBosses[] = {"executive", "ceo",       "chairman", "chairwoman",
                                      "founder",   "president", "director", "head",
                                      "chief",     "manager",   NULL};

static int role_group(const char *head) {
  if (lxs_in_words(kExperts, head)) return 1;
  if (lxs_in_words(kOfficials, head)) return 2;
  if (lxs_in_words(kBosses, head)) return 3;
  if (lxs_in_words(kSpokes, head)) return 4;
  return 0;
}

static int group_in_dwords(const person *p, int group) {
  const char *const *l = group == 1   ? kExperts
                         : group == 2 ? kOfficials
                         : group == 3 ? kBosses
                                      : kSpokes;
  for (int i = 0; l[i]; i++)
    if (in_dwords(p, l[i], strlen(l[i]))) return 1;
  return 0;
}

/* The capitalised words [*a, return) of the organisation after the role
 * word e ("the chair of the Pilots' Guild"); empty when none. */
static size_t role_org_words(const actx *c, size_t e, size_t *a) {
  size_t x = e + 1;
  *a = x;
  if (!(x + 1 < c->nw && (norm_is(c, x, "of") || norm_is(c, x, "at") || norm_is(c, x, "from"))))
    return x;
  x++;
  if (norm_is(c, x, "the")) x++;
  size_t oe = x;
  while (oe < c->nw && oe < x + 6 && is_word(c, oe) && (TK(c, oe)->flags & LXS_TF_CAPITAL)) oe++;
  *a = x;
  return oe;
}

/* Does person pp's description hold one of the organisation words
 * [a, e), or say nothing at all that could contradict them? */
static int org_words_held(const actx *c, const person *pp, size_t a, size_t e) {
  if (pp->dwords.len == 0) return 1;
  for (size_t k = a; k < e; k++) {
    const lxs_token *t = TK(c, k);
    if (!(c->wc[k] & W_ROLE) && in_dwords(pp, lxs_tok_norm(c->tk, t), t->norm_len)) return 1;
  }
  return 0;
}

int lxs_resolve_desc(actx *c, size_t a, size_t e) {
  /* user alias: "the ADB economist" */
  const char *p;
  size_t n = tok_text(c, a, e, &p);
  c->tmp.len = 0;
  lxs_canonical_name(p, n, &c->tmp);
  int h = lxs_key_get(c, &c->full, c->tmp.data, c->tmp.len);
  if (h >= 0) return h;
  int best = WHO_NONE, bestsc = 0;
  int group = role_group(NORM(c, e));
  size_t oa, oe = role_org_words(c, e, &oa);
  for (int r = 0; r < c->nrecent; r++) {
    const person *pp = &c->P[c->recent[r]];
    int sc = 0, head = 0;
    /* "the head of the Ferry Union" is not the head of the Pilots Guild */
    if (oe > oa && !org_words_held(c, pp, oa, oe)) continue;
    /* "the expert" for a professor, "the official" for a minister */
    if (group && group_in_dwords(pp, group)) {
      sc = 1;
      head = 1;
    }
    for (size_t k = a; k <= e; k++) {
      if (!is_word(c, k) || (c->wc[k] & (W_DET | W_STOP))) continue;
      const lxs_token *t = TK(c, k);
      if (in_dwords(pp, lxs_tok_norm(c->tk, t), t->norm_len)) {
        /* "Cambodian", "ADB" say more than "former" or "senior" */
        sc += (c->wc[k] & (W_ROLE | W_ROLEADJ)) ? 1 : 2;
        if (k == e) head = 1;
      }
    }
    if ((head || sc >= 2) && sc > bestsc) {
      best = c->recent[r];
      bestsc = sc;
    }
  }
  if (best >= 0) return best;
  /* "the economist said" about the last person quoted, when nothing is
   * known about them that could contradict it (no role in their
   * description: "the first woman to lead the body") */
  if ((c->wc[e] & W_ROLE) && norm_is(c, a, "the") && c->nrecent) {
    const person *pp = &c->P[c->recent[0]];
    if (pp->spoke && !pp->entity && !pp->described && !pp->tentative && !role_in_dwords(pp))
      return c->recent[0];
  }
  return WHO_NONE;
}

int lxs_desc_pending(actx *c, size_t a, size_t e) {
  if (c->quiet) return WHO_AUTHOR;
  const lxs_token *t = TK(c, e);
  int pi = append_person(c, lxs_xstrndup(lxs_tok_norm(c->tk, t), t->norm_len));
  /* "the chair of the Pilots' Guild": the organisation's words count */
  size_t x = e + 1;
  if (x + 1 < c->nw && (norm_is(c, x, "of") || norm_is(c, x, "at") || norm_is(c, x, "from"))) {
    x++;
    if (norm_is(c, x, "the")) x++;
    size_t oe = x;
    while (oe < c->nw && oe < x + 6 && is_word(c, oe) && (TK(c, oe)->flags & LXS_TF_CAPITAL)) oe++;
    if (oe > x) e = oe - 1;
  }
  const char *p;
  size_t n = tok_text(c, a, e, &p);
  add_dwords(&c->P[pi], p, n);
  c->P[pi].described = 1;
  c->P[pi].para = c->tk->sents[c->cur_sent].paragraph;
  c->P[pi].fallback = WHO_NONE;
  return pi;
}

/* How well q's description words answer the stand-in d's: -1 when q does
 * not hold d's role (its name), else the other words of d that q holds. */
/* Does q's description hold role r as a verb of a relative clause ("the
 * head of the Guild" = "Reyes, who heads the Guild"; "the leader" = "who
 * leads"): r+s, r+ed, or for an -er noun its stem+s, stem+ed. */
static int holds_role_verb(const person *q, const char *r) {
  size_t n = strlen(r);
  if (n < 3 || n > 30) return 0;
  char v[40];
  static const char *const ends[] = {"s", "ed", NULL};
  for (int stem = 0; stem < 2; stem++) {
    size_t m = n;
    if (stem) {
      if (!(r[n - 2] == 'e' && r[n - 1] == 'r')) break;
      m = n - 2;
    }
    for (int i = 0; ends[i]; i++) {
      size_t k = strlen(ends[i]);
      memcpy(v, r, m);
      memcpy(v + m, ends[i], k);
      if (in_dwords(q, v, m + k)) return 1;
    }
  }
  return 0;
}

static int desc_score(const person *d, const person *q) {
  if (!in_dwords(q, d->name, strlen(d->name)) && !holds_role_verb(q, d->name)) return -1;
  int sc = 0, org_words = 0, org_held = 0, in_org = 0;
  const char *w = d->dwords.data, *end = w + d->dwords.len;
  while (w < end) {
    while (w < end && *w == ' ') w++;
    const char *st = w;
    while (w < end && *w != ' ') w++;
    size_t wn = (size_t)(w - st);
    if (!wn) continue;
    lxs_wbits cl = lxs_wclass(st, wn);
    /* the words of "the head of the Ferry Union" after the preposition */
    if ((wn == 2 && (memcmp(st, "of", 2) == 0 || memcmp(st, "at", 2) == 0)) ||
        (wn == 4 && memcmp(st, "from", 4) == 0))
      in_org = 1;
    if (cl & (W_DET | W_STOP)) continue;
    int held = in_dwords(q, st, wn);
    if (in_org && !(cl & W_ROLE)) {
      org_words++;
      org_held += held;
    }
    if (!(wn == strlen(d->name) && memcmp(st, d->name, wn) == 0) && held) sc++;
  }
  /* another organisation's head is someone else */
  return org_words && !org_held && q->dwords.len ? -1 : sc;
}

void lxs_settle_descriptions(actx *c) {
  for (size_t i = 0; i < c->np; i++) {
    person *d = &c->P[i];
    if (!d->described || d->merged >= 0) continue;
    int best = WHO_NONE, bestsc = -1, tie = 0;
    for (size_t j = 0; j < c->np; j++) {
      const person *q = &c->P[j];
      if (q->described || q->entity || q->merged >= 0 || q->tentative) continue;
      int sc = desc_score(d, q);
      if (sc < 0 || sc < bestsc) continue;
      tie = sc == bestsc;
      if (sc > bestsc) best = (int)j, bestsc = sc;
    }
    if (best < 0 || tie) best = d->fallback;
    if (best >= 0) {
      d->merged = best; /* "the minister" is Trade Minister Lina Osei */
      d->described = 0;
    }
  }
}

int lxs_person_unnamed(const actx *c, int pi) { return c->P[pi].tentative || c->P[pi].described; }

/* A user hint naming a run that is not a personal name ("the Ministry of
 * Commerce"): try the words ending at e (or starting at a). */
int lxs_hint_span(actx *c, size_t a, size_t e, int leftward) {
  if (!c->hints || !c->hints->n) return WHO_NONE;
  for (int k = 0; k < 7; k++) {
    size_t x;
    if (leftward) {
      if ((size_t)k > e) break;
      x = e - (size_t)k;
      if (!is_word(c, x)) break;
    } else {
      x = a + (size_t)k;
      if (x >= c->nw || !is_word(c, x)) break;
    }
    const char *p;
    size_t n = leftward ? tok_text(c, x, e, &p) : tok_text(c, a, x, &p);
    c->tmp.len = 0;
    lxs_canonical_name(p, n, &c->tmp);
    int pi = lxs_key_get(c, &c->full, c->tmp.data, c->tmp.len);
    if (pi >= 0) return pi;
  }
  return WHO_NONE;
}

int lxs_person_from_text(actx *c, const char *s, size_t n) {
  c->tmp.len = 0;
  lxs_canonical_name(s, n, &c->tmp);
  if (!c->tmp.len) return WHO_NONE;
  int is_short;
  int pi = lxs_person_lookup(c, c->tmp.data, c->tmp.len, &is_short);
  if (pi >= 0) return pi;
  return lxs_person_new(c, c->tmp.data, c->tmp.len);
}

void lxs_people_free(actx *c) {
  lxs_strmap_free(&c->orgs);
  for (size_t i = 0; i < c->np; i++) {
    free(c->P[i].name);
    free(c->P[i].desc);
    lxs_buf_free(&c->P[i].dwords);
  }
  free(c->P);
  lxs_strmap_free(&c->full);
  lxs_strmap_free(&c->sur);
  lxs_strmap_free(&c->given);
}

/* The person a role label names ("THE MAYOR", "The Chair"): a --speakers
 * alias for it, else the one person whose description holds the role
 * word, else a speaker named by the role itself. */
int lxs_person_for_role(actx *c, const char *s, size_t n) {
  c->tmp.len = 0;
  lxs_canonical_name(s, n, &c->tmp);
  if (!c->tmp.len) return WHO_NONE;
  int pi = lxs_key_get(c, &c->full, c->tmp.data, c->tmp.len);
  if (pi >= 0) return lxs_person_root(c, pi);
  const char *w = c->tmp.data + c->tmp.len;
  while (w > c->tmp.data && w[-1] != ' ') w--; /* the role word: "Mayor" */
  char role[48];
  size_t rn = (size_t)(c->tmp.data + c->tmp.len - w);
  if (rn >= sizeof role) return lxs_person_new(c, c->tmp.data, c->tmp.len);
  for (size_t i = 0; i < rn; i++) role[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  int found = -1;
  for (size_t i = 0; i < c->np; i++) {
    if (c->P[i].merged >= 0 || c->P[i].entity || c->P[i].described ||
        !in_dwords(&c->P[i], role, rn))
      continue;
    if (found >= 0) {
      found = -2; /* two mayors: the label says no more */
      break;
    }
    found = (int)i;
  }
  if (found >= 0) return found;
  return lxs_person_new(c, c->tmp.data, c->tmp.len);
}

/* ---- organisations ------------------------------------------------------ */

int lxs_entity_find(actx *c, const char *name, size_t n) {
  int pi = lxs_key_get(c, &c->orgs, name, n);
  return pi >= 0 ? lxs_person_root(c, pi) : WHO_NONE;
}

/* The initials of a name's capitalised words ("National Taxpayers Union":
 * "NTU"), into out; their count. */
static size_t initials(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'A' && s[i] <= 'Z') {
      if (k + 1 >= cap) return 0;
      out[k++] = s[i];
    }
  }
  out[k] = 0;
  return k;
}

int lxs_entity_new(actx *c, const char *name, size_t n, const char *acro, size_t an) {
  int pi = lxs_entity_find(c, name, n);
  if (pi < 0 && an) pi = lxs_entity_find(c, acro, an);
  if (pi < 0) {
    pi = append_person(c, lxs_clean_copy(name, n));
    person *p = &c->P[pi];
    p->entity = 1;
    p->gender = 3;          /* neither "he" nor "she" */
    add_dwords(p, name, n); /* "the union" for "National Taxpayers Union" */
    lxs_key_put(c, &c->orgs, name, n, pi, 0);
    char ini[16];
    size_t in = initials(p->name, strlen(p->name), ini, sizeof ini);
    if (in >= 3) lxs_key_put(c, &c->orgs, ini, in, pi, 1);
  }
  if (an) {
    lxs_key_put(c, &c->orgs, acro, an, pi, 0);
    if (!c->P[pi].desc[0]) {
      free(c->P[pi].desc);
      c->P[pi].desc = lxs_xstrndup(acro, an);
    }
  }
  return pi;
}

void lxs_entity_push(actx *c, int pi) { push_front(c->orecent, &c->norecent, pi); }

int lxs_entity_desc(actx *c, const char *head, size_t n) {
  static const char *const any[] = {
      "group", "organisation", "organization", "body", "bloc", "lobby", NULL};
  char h[32];
  if (n >= sizeof h) return WHO_NONE;
  memcpy(h, head, n);
  h[n] = 0;
  int generic = lxs_in_words(any, h);
  for (int r = 0; r < c->norecent; r++) {
    const person *p = &c->P[c->orecent[r]];
    if (generic || in_dwords(p, head, n)) return c->orecent[r];
  }
  return WHO_NONE;
}
