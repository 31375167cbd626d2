/* phrases.c - names and noun phrases in the current sentence: runs of
 * capitalised words read as personal names (titles and places stripped),
 * descriptions before and after a name, and the noun phrase a speech verb
 * takes as its subject ("Jayant Menon", "he", "the former ADB economist"). */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

/* A run of capitalised words may hold lower-case particles, one or two
 * in a row ("Ursula von der Leyen", "Luiz Inacio Lula da Silva"). */
size_t lxs_run_left(const actx *c, size_t e, size_t lo) {
  size_t a = e;
  while (a > lo && e - a + 1 < MAX_RUN) {
    size_t p = a - 1;
    if (namey(c, p) && !possessive(c, p)) {
      a = p;
      continue;
    }
    size_t q = p;
    while (q > lo && p - q < 2 && particle(c, q)) q--;
    if (q < p && particle(c, q + 1) && namey(c, q) && !possessive(c, q)) {
      a = q;
      continue;
    }
    break;
  }
  return a;
}

size_t lxs_run_right(const actx *c, size_t a, size_t hi) {
  size_t e = a;
  while (e + 1 < hi && e - a + 1 < MAX_RUN && !possessive(c, e)) {
    if (namey(c, e + 1)) {
      e++;
      continue;
    }
    size_t q = e + 1;
    while (q < hi && q - e <= 2 && particle(c, q)) q++;
    if (q > e + 1 && q < hi && q - e <= 3 && namey(c, q)) {
      e = q;
      continue;
    }
    break;
  }
  return e;
}

/* A three-letter month abbreviation inside a run of names is a name
 * ("Zhang Jun", "Jan Kowalski"): in prose a date's "Jun" has a full stop
 * or a number after it, and a full month ("May", "June") is left alone
 * ("In May Okafor said ...").  Its neighbour in the run must be a name
 * word. */
static int month_name_part(const actx *c, size_t p, size_t a, size_t e) {
  const lxs_token *t = TK(c, p);
  if (t->kind != LXS_TOK_WORD || t->norm_len != 3 || (t->flags & (LXS_TF_ALLCAPS | LXS_TF_ABBR)))
    return 0;
  if ((c->wc[p] & W_NONNAME) != W_TIME || (p + 1 < c->nw && is_p(c, p + 1, LXS_P_PERIOD))) return 0;
  size_t q = p > a ? p - 1 : p + 1; /* the neighbour in the run */
  if (q > e || q == p) return 0;
  return namey(c, q) && !(c->wc[q] & W_NONNAME) && !(TK(c, q)->flags & LXS_TF_NUMBER);
}

/* Analyse the run of capitalised words [a, e]: strip leading titles,
 * offices, places and openers, validate and resolve the rest. */
void lxs_analyze_run(actx *c, size_t a, size_t e, int create, nameinfo *ni) {
  memset(ni, 0, sizeof *ni);
  ni->pi = -1;
  int mixed = 0;
  for (size_t k = a; k <= e; k++) {
    const lxs_token *t = TK(c, k);
    if (t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_ALLCAPS) && t->norm_len > 1 &&
        !(t->flags & LXS_TF_ABBR))
      mixed = 1;
  }
  size_t k = e + 1;
  while (k > a) {
    size_t p = k - 1;
    const lxs_token *t = TK(c, p);
    lxs_wbits cl = c->wc[p];
    int part;
    if (p == e && p > a && (cl & (W_ROLE | W_TITLE)) && !(cl & (W_HONOR | W_ORG)) && namey(c, p) &&
        !(TK(c, p - 1)->flags & LXS_TF_ALLCAPS) && !(c->wc[p - 1] & W_NONNAME) && namey(c, p - 1))
      part = 1; /* a surname that is also a title: "Mervyn King" */
    else if (cl == W_ROLE && namey(c, p) && p < e) part = 1; /* "Dean Baker" */
    else if (p < e && namey(c, p) && namey(c, p + 1) && !(c->wc[p + 1] & W_NONNAME) &&
             (norm_is(c, p, "he") || norm_is(c, p, "an") || norm_is(c, p, "do")))
      part = 1;                                     /* "He Lifeng", "An Gang" */
    else if (month_name_part(c, p, a, e)) part = 1; /* "Zhang Jun", "Jan Kowalski" */
    else if (p == 0 && p < e && (cl & (W_SAY | W_ADD)) && !(cl & W_GIVEN))
      part = 0; /* "Said Anton Reyes, president of the Guild:": an inverted verb */
    else if (t->kind != LXS_TOK_WORD || (cl & W_NONNAME) || (t->flags & LXS_TF_NUMBER)) part = 0;
    else if (possessive(c, p) && p != e) part = 0;
    else if ((t->flags & LXS_TF_ALLCAPS) && mixed)
      part = (t->flags & LXS_TF_ABBR)
                 ? p < e
                 : (t->norm_len <= 3 && p < e && p > a && namey(c, p - 1) &&
                    !(TK(c, p - 1)->flags & LXS_TF_ALLCAPS) && !(c->wc[p - 1] & W_NONNAME));
    else part = namey(c, p) || particle(c, p);
    if (!part) break;
    k = p;
  }
  size_t n0 = k;
  while (n0 <= e && particle(c, n0)) n0++;
  ni->n0 = n0;
  if (n0 > e) {
    /* "King said" after "Mervyn King": a known surname that is a title */
    if (namey(c, e) && (c->wc[e] & (W_ROLE | W_TITLE)) && !(c->wc[e] & W_HONOR)) {
      const char *tp;
      size_t tn = tok_text(c, e, e, &tp);
      int is_short = 0;
      int pi = lxs_key_get(c, &c->sur, tp, tn);
      if (pi < 0) pi = lxs_person_lookup(c, tp, tn, &is_short);
      if (pi >= 0) {
        ni->ok = 1;
        ni->pi = pi;
        ni->ref = REF_SHORT;
        ni->n0 = e;
      }
    }
    return;
  }
  if (n0 > a || n0 > 0) {
    size_t h = n0 - 1;
    if (h >= (a > 0 ? a - 1 : 0) && is_word(c, h) && (c->wc[h] & W_TITLE)) {
      ni->honor = 1;
      if (c->wc[h] & W_MALE) ni->gender = 1;
      if (c->wc[h] & W_FEMALE) ni->gender = 2;
    }
  }
  size_t nname = e - n0 + 1;
  for (size_t k2 = n0; k2 < e; k2++)
    if (norm_is(c, k2, "hong") && norm_is(c, k2 + 1, "kong")) return; /* a place */
  const char *p;
  size_t n = tok_text(c, n0, e, &p);
  c->tmp.len = 0;
  lxs_canonical_name(p, n, &c->tmp);
  if (!c->tmp.len) return;
  int is_short = 0;
  int pi = lxs_person_lookup(c, c->tmp.data, c->tmp.len, &is_short);
  if (pi >= 0) {
    ni->ok = 1;
    ni->pi = pi;
    ni->ref = is_short ? REF_SHORT : REF_FULL;
    if (ni->gender && !c->P[pi].gender) c->P[pi].gender = ni->gender;
    return;
  }
  int valid = nname >= 2 || ni->honor;
  if (n0 == a && a > 0 && (c->wc[a - 1] & W_DET)) valid = 0;
  if (nname > 6) valid = 0;
  if (!mixed && nname < 2 && !ni->honor) valid = 0;
  if (!valid) return;
  ni->ok = 1;
  ni->ref = REF_FULL;
  if (!create) return;
  ni->pi = lxs_person_new(c, c->tmp.data, c->tmp.len);
  if (ni->gender) c->P[ni->pi].gender = ni->gender;
}

/* Description words before a name: "ISEAS senior fellow Jayant Menon",
 * "Foreign Ministry spokesperson Mao Ning". */
void lxs_prename_desc(actx *c, int pi, size_t a, size_t n0) {
  if (pi < 0) return;
  size_t d0 = a;
  int words = 0;
  while (d0 > 0 && words < 6) {
    size_t p = d0 - 1;
    if (!is_word(c, p)) break;
    lxs_wbits cl = c->wc[p];
    /* "Secretary of State" */
    int of = norm_is(c, p, "of") && p > 0 && namey(c, p - 1) && namey(c, p + 1);
    if ((cl & (W_DET | W_STOP)) && !of) break;
    if (!of && !(cl & (W_ROLE | W_ROLEADJ | W_ORG | W_NATION | W_PLACE | W_TITLE)) &&
        !namey(c, p) && !possessive(c, p))
      break;
    if (p == 0 && (cl & W_OPENER) && !(cl & (W_ROLE | W_ROLEADJ | W_TITLE))) break;
    d0 = p;
    words++;
  }
  while (n0 > d0 && (c->wc[n0 - 1] & W_HONOR)) n0--; /* "... Minister Tengku" */
  if (d0 >= n0) return;
  int role = 0;
  for (size_t k = d0; k < n0; k++)
    if (is_word(c, k) && (c->wc[k] & (W_ROLE | W_TITLE)) && !(c->wc[k] & W_HONOR)) role = 1;
  if (!role) return;
  const char *p;
  size_t n = tok_text(c, d0, n0 - 1, &p);
  lxs_person_set_desc(c, pi, p, n);
}

/* An appositive starting at position d ("a researcher at ..."): returns
 * its end (exclusive) or 0.  to_end: runs to the end of the sentence. */
size_t lxs_appositive_end(const actx *c, size_t d, int to_end) {
  if (d >= c->nw || !is_word(c, d)) return 0;
  lxs_wbits cl = c->wc[d];
  const char *nm = NORM(c, d);
  int ok = (cl & W_DET) || strcmp(nm, "who") == 0;
  /* "Asia-Pacific chief economist at ...": a role within the first words */
  for (size_t k = d; !ok && k < c->nw && k < d + 5 && is_word(c, k); k++) {
    if (c->wc[k] & (W_ROLE | W_ROLEADJ | W_TITLE)) ok = 1;
    if (c->wc[k] & (W_SAY | W_WEAK | W_SAYING | W_STOP)) break;
  }
  if (!ok || (cl & W_OPENER && !(cl & (W_DET | W_ROLEADJ)) && strcmp(nm, "who") != 0)) return 0;
  size_t k = d;
  size_t lim = d + 40 < c->nw ? d + 40 : c->nw;
  for (; k < lim; k++) {
    if (is_quote(c, k)) break;
    if (terminal(c, k) || is_p(c, k, LXS_P_SEMI) || is_p(c, k, LXS_P_OPEN)) break;
    if (is_p(c, k, LXS_P_COMMA) && !to_end) {
      if (k + 1 < c->nw && norm_is(c, k + 1, "and") && k + 2 < c->nw &&
          (c->wc[k + 2] & (W_ROLE | W_ROLEADJ | W_DET)))
        continue;
      break;
    }
    if (is_p(c, k, LXS_P_DASH) && !to_end) break;
  }
  if (k == d) return 0;
  return k;
}

/* A finite verb at d that may say what office one holds, before its
 * object: "heads the", "chaired the", "leads Northport's" (not a speech
 * verb or an auxiliary: "who said", "who has"). */
static int role_verb(const actx *c, size_t d) {
  if (!is_word(c, d) || namey(c, d) || (c->wc[d] & (W_SPEECH | W_AUX | W_STOP | W_OPINE))) return 0;
  const lxs_token *t = TK(c, d);
  const char *n = NORM(c, d);
  size_t m = t->norm_len;
  int finite = (m > 3 && n[m - 1] == 's' && n[m - 2] != 's') ||
               (m > 4 && n[m - 2] == 'e' && n[m - 1] == 'd');
  return finite && (c->wc[d + 1] & W_DET || namey(c, d + 1));
}

void lxs_set_appositive(actx *c, int pi, size_t d, size_t end) {
  if (pi < 0 || end <= d) return;
  /* "who is/was ..." */
  if (norm_is(c, d, "who")) {
    /* only "who is/was (a) ..." and "who serves as ..." describe */
    d++;
    if (d + 1 < end && (norm_is(c, d, "serves") || norm_is(c, d, "served")) &&
        norm_is(c, d + 1, "as")) {
      d += 2;
    } else if (d + 1 < end && role_verb(c, d)) {
      /* "who heads the Pilots Guild", "who led the talks": kept as said,
       * a later "the head of the Pilots Guild" finds it (people.c) */
    } else {
      if (!(d < end && (norm_is(c, d, "is") || norm_is(c, d, "was")))) return;
      while (d < end && is_word(c, d) && (c->wc[d] & W_AUX)) d++;
    }
  }
  while (end > d && !is_word(c, end - 1)) end--;
  if (end <= d) return;
  const char *p;
  size_t n = tok_text(c, d, end - 1, &p);
  lxs_person_set_desc(c, pi, p, n);
}

/* Does the run starting at a open its clause, perhaps after title words
 * ("U.S. Secretary of State Marco Rubio, ...")? */
int lxs_clause_start(const actx *c, size_t a) {
  size_t k = a;
  for (int steps = 0; steps < 8; steps++) {
    if (k == 0 || !is_word(c, k - 1)) return 1;
    size_t p = k - 1;
    if (p == 0 && (c->wc[p] & W_OPENER) && !(c->wc[p] & W_DET)) return 1;
    if (!(namey(c, p) || (c->wc[p] & (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_NATION | W_PLACE)) ||
          norm_is(c, p, "of") || possessive(c, p)))
      return 0;
    k = p;
  }
  return 0;
}

/* "according to him" */
static int object_pronoun_gender(const char *nm) {
  if (strcmp(nm, "him") == 0) return 1;
  if (strcmp(nm, "her") == 0) return 2;
  return pronoun_gender(nm);
}

/* "the chair of the Pilots' Guild said": the description ending at the
 * role word e is a person of the organisation, not the organisation; the
 * person, or WHO_AUTHOR. */
static int role_of_org(actx *c, size_t e, int *ref) {
  if (!is_word(c, e) || !(c->wc[e] & W_ROLE) || (c->wc[e] & W_GROUPN)) return WHO_AUTHOR;
  size_t d = e;
  while (d > 0 && d + 3 > e && is_word(c, d - 1) && !(c->wc[d] & W_DET) &&
         !((c->wc[d - 1] & W_STOP) && !(c->wc[d - 1] & W_DET)))
    d--;
  if (!(c->wc[d] & W_DET) || norm_is(c, d, "a") || norm_is(c, d, "an")) return WHO_AUTHOR;
  *ref = REF_DESC;
  int r = lxs_resolve_desc(c, d, e);
  return r >= 0 ? r : lxs_desc_pending(c, d, e);
}

/* "Hana Lindqvist of Northport University said": the organisation run
 * [a, j] is a post-modifier of the name before "of", "from" or "at" (and
 * its description).  The person, or WHO_AUTHOR. */
static int postmod_owner(actx *c, size_t a, size_t j, int *ref) {
  size_t p = a;
  if (p >= 1 && norm_is(c, p - 1, "the")) p--;
  if (p < 2 || !(norm_is(c, p - 1, "of") || norm_is(c, p - 1, "from") || norm_is(c, p - 1, "at")))
    return WHO_AUTHOR;
  size_t e = p - 2;
  if (!namey(c, e)) return role_of_org(c, e, ref);
  size_t b = lxs_run_left(c, e, 0);
  nameinfo ni;
  lxs_analyze_run(c, b, e, 1, &ni);
  if (!ni.ok || ni.pi < 0) return WHO_AUTHOR;
  lxs_prename_desc(c, ni.pi, b, ni.n0);
  lxs_set_appositive(c, ni.pi, p - 1, j + 1);
  *ref = ni.ref;
  return ni.pi;
}

/* A surname alone as the subject of a speech verb, never named in full
 * before ("in an interview with the Courier, Okafor said", "Okafor
 * said"): a person (known by it alone until a full name with it comes),
 * unless the word is a place, an organisation, a group ("Democrats",
 * "Europeans") or an acronym.  The person, or WHO_NONE. */
static int lone_name(actx *c, size_t j, int *ref) {
  static const char *const plural[] = {"ans", "ats", "ives", "ists", "ites", NULL};
  static const char *const nobody[] = {"everyone", "everybody", "someone", "somebody", "nobody",
                                       "anyone",   "others",    "many",    "most",     NULL};
  const lxs_token *t = TK(c, j);
  if (c->quiet || !namey(c, j) || (t->flags & (LXS_TF_ALLCAPS | LXS_TF_ABBR)) || t->norm_len < 3 ||
      possessive(c, j) ||
      (c->wc[j] & (W_NONNAME | W_GROUPN | W_STOP | W_DET | W_SPEECH | W_AUX | W_NEG)))
    return WHO_NONE;
  const char *n = NORM(c, j);
  if (lxs_in_words(nobody, n)) return WHO_NONE;
  /* a list ("Norland and Ostria oppose"): places or groups */
  if (j > 0 && (norm_is(c, j - 1, "and") || norm_is(c, j - 1, "or") || is_p(c, j - 1, LXS_P_OTHER)))
    return WHO_NONE;
  if (c->aside_end > j) return WHO_NONE; /* "Norland, along with Ostria, insisted" */
  for (int i = 0; plural[i]; i++) {
    size_t m = strlen(plural[i]);
    if (t->norm_len > m && memcmp(n + t->norm_len - m, plural[i], m) == 0) return WHO_NONE;
  }
  const char *p;
  size_t len = tok_text(c, j, j, &p);
  int pi = lxs_person_from_text(c, p, len);
  if (pi < 0 || c->P[lxs_person_root(c, pi)].entity) return WHO_NONE;
  *ref = REF_SHORT;
  return pi;
}

/* "a spokesman for Senator Pim Alders", "the office of Governor Hana
 * Lindqvist": the name run [a, j] after a proxy word and "for"/"of"
 * speaks through it.  The person, or WHO_NONE. */
static int proxy_owner(actx *c, size_t a, size_t j, int *ref) {
  if (a < 2 || !(norm_is(c, a - 1, "for") || norm_is(c, a - 1, "of")) || !is_word(c, a - 2) ||
      !(c->wc[a - 2] & W_PROXY))
    return WHO_NONE;
  nameinfo ni;
  lxs_analyze_run(c, a, j, 1, &ni);
  if (!ni.ok || ni.pi < 0 || c->P[lxs_person_root(c, ni.pi)].entity) return WHO_NONE;
  lxs_prename_desc(c, ni.pi, a, ni.n0);
  *ref = ni.ref;
  return ni.pi;
}

/* "Governor Hana Lindqvist's office said": the possessive name before the
 * proxy word j.  The person, or WHO_NONE. */
static int proxy_possessor(actx *c, size_t j, int *ref) {
  if (j == 0 || !(c->wc[j] & W_PROXY) || !possessive(c, j - 1) || !namey(c, j - 1)) return WHO_NONE;
  size_t a = lxs_run_left(c, j - 1, 0);
  nameinfo ni;
  lxs_analyze_run(c, a, j - 1, 1, &ni);
  if (!ni.ok || ni.pi < 0 || c->P[lxs_person_root(c, ni.pi)].entity) return WHO_NONE;
  lxs_prename_desc(c, ni.pi, a, ni.n0);
  *ref = ni.ref;
  return ni.pi;
}

/* Is the word k the last word of a place's name ("Africa", "Brazil")? */
static int place_end(const actx *c, size_t k) {
  return namey(c, k) && (c->wc[k] & W_PLACE) && !possessive(c, k);
}

/* "India and South Africa said", "Brazil, India and China argue": the
 * places listed before the run [a, j] ending in a place hold the view
 * together.  The first word of the list, else a. */
static size_t place_list_start(const actx *c, size_t a, size_t j) {
  if (!place_end(c, j)) return a;
  size_t start = a;
  for (int n = 0; n < 8; n++) {
    size_t k = start; /* the conjunct's first word; "the" may open it */
    if (k >= 1 && norm_is(c, k - 1, "the")) k--;
    if (k < 2) break;
    int and = norm_is(c, k - 1, "and");
    /* the first conjunct back is joined by "and", the rest by commas */
    if (!(and || (n > 0 && is_p(c, k - 1, LXS_P_COMMA))) || !place_end(c, k - 2)) break;
    start = lxs_run_left(c, k - 2, 0);
  }
  return start;
}

/* The subject ending at the capitalised word j: a person ("Jayant Menon",
 * "Hana Lindqvist of the Northport Institute"), an organisation ("The
 * Northport Traders Union (NTU) is urging", later "The NTU objects"), or a group or place (a
 * holder, WHO_AUTHOR). */
static int capitals_left(actx *c, size_t j, int *ref) {
  size_t a = lxs_run_left(c, j, 0), oa = lxs_org_run_left(c, j);
  int r = proxy_owner(c, a, j, ref);
  if (r >= 0) return r;
  r = postmod_owner(c, oa, j, ref);
  if (r >= 0 && c->P[r].described) { /* nobody holds the role: the organisation */
    int oref;
    c->P[r].fallback = lxs_org_at(c, oa, j, oa < a, &oref);
  }
  if (r >= 0) return r;
  /* "Experts at the Northwind Institute said": the experts, not the
   * institute, hold the view */
  if (lxs_group_before_postmod(c, oa, j) != WHO_NONE) return WHO_AUTHOR;
  r = lxs_org_word_ref(c, j);
  if (r >= 0) {
    *ref = REF_DESC;
    return r;
  }
  r = lxs_org_at(c, oa, j, oa < a, ref); /* known, or named with glue */
  if (r >= 0) return r;
  nameinfo ni;
  lxs_analyze_run(c, a, j, 1, &ni);
  if (!ni.ok) {
    if (lxs_group_before_postmod(c, a, j) != WHO_NONE) return WHO_AUTHOR;
    r = lxs_org_at(c, a, j, 1, ref); /* "Steel Makers Association said" */
    if (r >= 0) return r;
    /* "in an interview with the Courier Osei said": the name after
     * an organisation or a title holds the view */
    int prefix = 0;
    for (size_t k = a; k < ni.n0 && k <= j; k++)
      if (c->wc[k] & (W_ORG | W_TITLE | W_ROLE)) prefix = 1;
    /* ("the Courier Okafor": after "the", the run names a thing first) */
    int after_the = a > 0 && a < j && (c->wc[a - 1] & W_DET);
    if (a == j || (prefix && ni.n0 == j) || after_the) {
      int lone = lone_name(c, j, ref);
      if (lone >= 0) return lone;
    }
    return lxs_group_np(c, prefix && ni.n0 == j ? j : place_list_start(c, a, j), j);
  }
  /* "Kin Phea and Jayant Menon said" (not "Commerce and Industry
   * Minister Suresh Prabhu said": an office) */
  if (a >= 2 && ni.n0 == a && (norm_is(c, a - 1, "and") || is_p(c, a - 1, LXS_P_OTHER)) &&
      namey(c, a - 2))
    return WHO_AUTHOR;
  lxs_prename_desc(c, ni.pi, a, ni.n0);
  *ref = ni.ref;
  return ni.pi;
}

/* "the 58-year-old said", "the 58-year-old diplomat said": an age after
 * "the" describes the person the text spoke of last, never someone new.
 * The person, or WHO_NONE. */
static int age_description(actx *c, size_t a, size_t j, int *ref) {
  if (!norm_is(c, a, "the")) return WHO_NONE;
  int age = 0;
  for (size_t k = a + 1; k <= j && !age; k++) {
    const char *n = NORM(c, k);
    size_t len = strlen(n);
    age = (TK(c, k)->flags & LXS_TF_NUMBER) && len > 9 &&
          (strcmp(n + len - 9, "-year-old") == 0 || strcmp(n + len - 10, "-years-old") == 0);
  }
  if (!age) return WHO_NONE;
  for (int r = 0; r < c->nrecent; r++) {
    const person *p = &c->P[c->recent[r]];
    if (p->entity || p->described || p->tentative) continue;
    *ref = REF_DESC;
    return c->recent[r];
  }
  return WHO_NONE;
}

int lxs_np_left(actx *c, size_t j, int *ref) {
  *ref = REF_FULL;
  if (!is_word(c, j)) return WHO_NONE;
  const char *nm = NORM(c, j);
  int g = pronoun_gender(nm);
  if (g) {
    *ref = REF_PRONOUN;
    int r = lxs_resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (nm[0] == 't' && strcmp(nm, "they") == 0 && lxs_they_group(c, j)) return WHO_AUTHOR;
  /* "The Guild praised the rules. In a statement, it said ...": "it" is
   * the organisation that spoke in one of the two sentences before, when
   * no one has since */
  if (nm[0] == 'i' && strcmp(nm, "it") == 0 && c->nrecent && c->P[c->recent[0]].entity &&
      c->P[c->recent[0]].merged < 0 && c->P[c->recent[0]].spoke &&
      c->cur_sent < (uint32_t)c->P[c->recent[0]].spoke + 2) {
    *ref = REF_PRONOUN;
    return c->recent[0];
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  if (strcmp(nm, "who") == 0 && j >= 2 && is_p(c, j - 1, LXS_P_COMMA) && namey(c, j - 2)) j -= 2;
  int h = lxs_hint_span(c, j, j, 1);
  if (h >= 0) {
    *ref = REF_SHORT;
    return h;
  }
  if (namey(c, j) && !(j == 0 && (c->wc[j] & W_ROLE))) return capitals_left(c, j, ref);
  int px = proxy_possessor(c, j, ref);
  if (px >= 0) return px;
  if (lxs_collective_head(c, j)) return lxs_group_np(c, lxs_group_start(c, j), j);
  /* lower-case noun phrase: "the former ADB economist" */
  size_t a = j;
  int words = 0;
  while (a > 0 && words < 6) {
    size_t p = a - 1;
    if (!is_word(c, p)) break;
    if ((c->wc[p] & W_STOP) && !(c->wc[p] & W_DET)) break;
    a = p;
    words++;
    if (c->wc[p] & W_DET) break;
  }
  int aged = age_description(c, a, j, ref);
  if (aged >= 0) return aged;
  int o = lxs_org_desc(c, a, j); /* "the group said" */
  if (o >= 0) {
    *ref = REF_DESC;
    return o;
  }
  if ((c->wc[j] & W_ROLE) && (norm_is(c, a, "a") || norm_is(c, a, "an") || norm_is(c, a, "one") ||
                              norm_is(c, a, "another")))
    return lxs_group_np(c, a, j); /* "a MOFCOM spokesperson said": nobody we know */
  /* (a headline drops the article: "Minister slams tariff plan") */
  int headline_role = a == 0 && j == 0 && !(c->wc[j] & W_GROUPN) && lxs_headline_place(c);
  if ((c->wc[j] & W_ROLE) && (a < j || (c->wc[a] & W_DET) || headline_role)) {
    *ref = REF_DESC;
    int r = lxs_resolve_desc(c, a, j);
    return r >= 0 ? r : lxs_desc_pending(c, a, j);
  }
  if (c->wc[j] & (W_ORG | W_PLACE)) {
    if (lxs_group_before_postmod(c, a, j) != WHO_NONE) return WHO_AUTHOR;
    return lxs_group_np(c, a, j);
  }
  return WHO_NONE;
}

/* The role word before q ("the chair" in "the chair of the Pilots'
 * Guild, Anton Reyes") followed by "of/for/at/from" and an organisation
 * run: the position after that run, else q.  Bounded by the run. */
static size_t role_postmod_end(const actx *c, size_t q) {
  if (q == 0 || q + 1 >= c->nw || !is_word(c, q - 1) || !(c->wc[q - 1] & W_ROLE) ||
      !(norm_is(c, q, "of") || norm_is(c, q, "for") || norm_is(c, q, "at") ||
        norm_is(c, q, "from")))
    return q;
  size_t x = q + 1;
  if (x + 1 < c->nw && norm_is(c, x, "the")) x++;
  if (!namey(c, x)) return q;
  return lxs_org_run_right(c, x) + 1;
}

/* "her counterpart, Pim Alders", "his deputy, Tom Birch" at p: a
 * possessive before a description set off from the name that follows. */
static int possessive_then_name(const actx *c, size_t p) {
  if (!(c->wc[p] & W_DET)) return 0;
  size_t x = p + 1;
  while (x < c->nw && x < p + 4 && is_word(c, x) && !namey(c, x) && !(c->wc[x] & W_STOP)) x++;
  return x > p + 1 && x + 1 < c->nw && is_p(c, x, LXS_P_COMMA) && (c->wc[x - 1] & W_ROLE) &&
         namey(c, x + 1);
}

/* An office after an organisation's name ending at oe, then a personal
 * name: "said WTO chief Anna Lind", "Said Guild for Harbour Pilots (GHP)
 * President Anton Reyes:".  The organisation premodifies the office; the
 * first word of the office, or 0. */
static size_t office_after_org(const actx *c, size_t oe) {
  size_t x = oe + 1;
  if (x + 2 < c->nw && is_p(c, x, LXS_P_OPEN) && is_p(c, x + 2, LXS_P_CLOSE)) x += 3; /* (GHP) */
  size_t t = x;
  while (t < c->nw && t < x + 3 && is_word(c, t) && (c->wc[t] & (W_TITLE | W_ROLE | W_ROLEADJ)))
    t++;
  if (t == x || t >= c->nw || !namey(c, t) || (c->wc[t] & W_NONNAME)) return 0;
  return x;
}

/* The noun phrase starting at p (after an inverted verb or "according
 * to"): "said Jayant Menon, a ...", "said the former ADB economist". */
int lxs_np_right(actx *c, size_t p, int *ref) {
  *ref = REF_FULL;
  if (p >= c->nw || !is_word(c, p)) return WHO_NONE;
  const char *nm = NORM(c, p);
  int g = object_pronoun_gender(nm);
  if (g && possessive_then_name(c, p)) g = 0; /* "by her counterpart, Pim Alders" */
  if (g) {
    *ref = REF_PRONOUN;
    int r = lxs_resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  size_t q = p;
  while (q < c->nw && q - p < 10 && is_word(c, q)) {
    if (q > p && !namey(c, q) && (c->wc[q] & W_STOP)) break;
    q++;
  }
  int h = lxs_hint_span(c, p, q - 1, 0);
  if (h >= 0) {
    *ref = REF_SHORT;
    return h;
  }
  /* an organisation: "said the Northport Traders Union" */
  size_t f = p + (q > p + 1 && (c->wc[p] & W_DET));
  if (namey(c, f)) {
    size_t oe = lxs_org_run_right(c, f);
    size_t off = office_after_org(c, oe);
    if (off) { /* the name after the office holds the view */
      p = off;
      q = lxs_run_right(c, off, c->nw) + 1;
    } else {
      int o = lxs_org_at(c, f, oe, oe > lxs_run_right(c, f, c->nw), ref);
      if (o >= 0) return o;
    }
  }
  /* the last run of capitalised words in [p, q) */
  size_t e = q;
  while (e > p && !namey(c, e - 1)) e--;
  if (e > p) {
    e--;
    size_t a = lxs_run_left(c, e, p);
    nameinfo ni;
    lxs_analyze_run(c, a, e, 1, &ni);
    if (!ni.ok) {
      if (c->wc[q - 1] & W_ROLE) goto desc;
      int o = lxs_org_at(c, a, e, 1, ref);
      if (o < 0 && a == e) o = lone_name(c, e, ref); /* "said Okafor" */
      return o >= 0 ? o : lxs_group_np(c, a, e);
    }
    lxs_prename_desc(c, ni.pi, a, ni.n0);
    if (e + 1 < c->nw && is_p(c, e + 1, LXS_P_COMMA)) {
      size_t ae = lxs_appositive_end(c, e + 2, 1);
      if (ae) lxs_set_appositive(c, ni.pi, e + 2, ae);
    } else if (e + 2 < c->nw &&
               (norm_is(c, e + 1, "of") || norm_is(c, e + 1, "at") || norm_is(c, e + 1, "from"))) {
      size_t ae = e + 2;
      while (ae < c->nw && is_word(c, ae) && ae < e + 12) ae++;
      if (ae > e + 2) lxs_set_appositive(c, ni.pi, e + 1, ae);
    }
    *ref = ni.ref;
    return ni.pi;
  }
  /* "said a spokesman for Senator Pim Alders" */
  if (q > p && q + 1 < c->nw && namey(c, q + 1)) {
    int px = proxy_owner(c, q + 1, lxs_run_right(c, q + 1, c->nw), ref);
    if (px >= 0) return px;
  }
desc:;
  /* "the harbour master, Pim Alders": the name after the description,
   * also past the role's organisation ("the chair of the Pilots' Guild,
   * Anton Reyes") */
  size_t cm = role_postmod_end(c, q);
  if (q > p && cm + 1 < c->nw && is_p(c, cm, LXS_P_COMMA) && namey(c, cm + 1) &&
      (c->wc[p] & W_DET)) {
    size_t e2 = lxs_run_right(c, cm + 1, c->nw);
    nameinfo ni;
    lxs_analyze_run(c, q + 1, e2, 1, &ni);
    if (ni.ok && ni.pi >= 0) {
      lxs_set_appositive(c, ni.pi, p, cm);
      *ref = ni.ref;
      return ni.pi;
    }
  }
  if (q > p) {
    size_t last = q - 1;
    int o = lxs_org_desc(c, p, last); /* "said the group" */
    if (o >= 0) {
      *ref = REF_DESC;
      return o;
    }
    if (lxs_collective_head(c, last)) return lxs_group_np(c, p, lxs_group_postmod_end(c, last));
    if ((c->wc[last] & W_ROLE) && (norm_is(c, p, "a") || norm_is(c, p, "an") ||
                                   norm_is(c, p, "one") || norm_is(c, p, "another")))
      return lxs_group_np(c, p, last);
    if (c->wc[last] & W_ROLE) {
      *ref = REF_DESC;
      int r = lxs_resolve_desc(c, p, last);
      return r >= 0 ? r : lxs_desc_pending(c, p, last);
    }
  }
  return WHO_NONE;
}

/* The subject that opens the sentence (for ", saying ..." and "X: "..."). */
/* A fronted adverbial or subordinate clause ("On 3 May,", "After she
 * criticised the fees,") opening at k: the position after its comma, or
 * k.  Its pronouns are never the main subject. */
static size_t skip_fronted(const actx *c, size_t k) {
  if (k >= c->nw || !is_word(c, k) || !(c->wc[k] & W_STOP) || !(c->wc[k] & W_OPENER) ||
      (c->wc[k] & W_DET))
    return k;
  for (size_t x = k + 1; x < c->nw && x < k + 16; x++) {
    if (is_p(c, x, LXS_P_COMMA)) return x + 1 < c->nw ? x + 1 : k;
    if (terminal(c, x) || is_quote(c, x) || is_p(c, x, LXS_P_COLON)) return k;
  }
  return k;
}

static int conjunction(const char *n) {
  static const char *const conj[] = {"and", "but", "so", "yet", "or", NULL};
  return lxs_in_words(conj, n);
}

/* A dateline opening the sentence: "NORTHPORT (Reuters) -", "Northport
 * (Harbour Courier) –", "Northport –" (a place or capitals before a
 * dash).  The position after its dash, or 0. */
static size_t skip_dateline(const actx *c) {
  size_t x = 0;
  int place = 1, caps = 1;
  while (x < c->nw && x < 4 && namey(c, x)) {
    if (!(c->wc[x] & W_PLACE)) place = 0;
    if (!(TK(c, x)->flags & LXS_TF_ALLCAPS)) caps = 0;
    x++;
  }
  if (x == 0 || x >= c->nw) return 0;
  int bracket = 0;
  if (is_p(c, x, LXS_P_OPEN)) {
    size_t y = x + 1;
    while (y < c->nw && y < x + 8 && !is_p(c, y, LXS_P_CLOSE)) y++;
    if (y >= c->nw || !is_p(c, y, LXS_P_CLOSE)) return 0;
    x = y + 1;
    bracket = 1;
  }
  if (!(bracket || place || caps) || x + 1 >= c->nw || !is_p(c, x, LXS_P_DASH)) return 0;
  return x + 1;
}

int lxs_main_subject(actx *c, int *ref, size_t *pos) {
  size_t k0 = skip_dateline(c), k = k0;
  while (k < c->nw && k < k0 + 3 && is_word(c, k) && (c->wc[k] & W_OPENER) &&
         !(c->wc[k] & (W_DET | W_TITLE)) && (!(c->wc[k] & W_STOP) || conjunction(NORM(c, k))) &&
         !pronoun_gender(NORM(c, k)) && !first_or_group(NORM(c, k)))
    k++;
  if (k < c->nw && k > k0 && is_p(c, k, LXS_P_COMMA)) k++;
  k = skip_fronted(c, k);
  /* "Northland's Brenner": a place or organisation before the name */
  if (k + 1 < c->nw && possessive(c, k) && namey(c, k) && namey(c, k + 1)) {
    int is_short;
    size_t n = TK(c, k)->norm_len;
    if (n > 2 && lxs_person_lookup(c, NORM(c, k), n - 2, &is_short) < 0) k++;
  }
  *pos = k;
  *ref = REF_FULL;
  if (k >= c->nw || !is_word(c, k)) return WHO_NONE;
  const char *nm = NORM(c, k);
  int g = pronoun_gender(nm);
  if (g) {
    *ref = REF_PRONOUN;
    int r = lxs_resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  if (namey(c, k) && !(c->wc[k] & W_DET)) {
    size_t e = lxs_run_right(c, k, c->nw);
    if (possessive(c, e)) return WHO_NONE;
    size_t oe = lxs_org_run_right(c, k);
    int o = lxs_org_at(c, k, oe, oe > e, ref); /* "The Alliance for ...", "The AAM" */
    if (o >= 0) return o;
    nameinfo ni;
    lxs_analyze_run(c, k, e, 1, &ni);
    if (!ni.ok && (o = lxs_org_at(c, k, e, 1, ref)) >= 0) return o;
    /* "Labor unions", "European farmers": a group noun after the capitals */
    if (!ni.ok && e + 1 < c->nw && !namey(c, e + 1) && lxs_collective_head(c, e + 1))
      return lxs_group_np(c, k, lxs_group_postmod_end(c, e + 1));
    if (!ni.ok && k == e && (o = lone_name(c, k, ref)) >= 0) return o; /* "Okafor was blunt:" */
    if (!ni.ok) return lxs_group_np(c, k, e);
    lxs_prename_desc(c, ni.pi, k, ni.n0);
    *ref = ni.ref;
    return ni.pi;
  }
  if ((c->wc[k] & W_DET) && k + 1 < c->nw && namey(c, k + 1)) { /* "The AAM", "The Guild ..." */
    int o = lxs_org_at(c, k + 1, lxs_org_run_right(c, k + 1), 1, ref);
    if (o >= 0) return o;
  }
  if (c->wc[k] & W_DET) {
    size_t e = k + 1;
    while (e < c->nw && e < k + 6 && is_word(c, e) && !(c->wc[e] & W_STOP) &&
           !(c->wc[e] & (W_SAY | W_WEAK | W_AUX)))
      e++;
    if (e > k + 1 && (c->wc[e - 1] & W_ROLE)) {
      *ref = REF_DESC;
      int r = lxs_resolve_desc(c, k, e - 1);
      return r >= 0 ? r : lxs_desc_pending(c, k, e - 1);
    }
    int o = e > k + 1 ? lxs_org_desc(c, k, e - 1) : WHO_NONE; /* "The group predicted" */
    if (o >= 0) {
      *ref = REF_DESC;
      return o;
    }
    if (e > k + 1 && (c->wc[e - 1] & (W_GROUPN | W_ORG))) return lxs_group_np(c, k, e - 1);
  }
  return WHO_NONE;
}

/* A sentence in title case ("Navarro Defends Tariffs As Strategy"): its
 * runs of capitals are not names to learn. */
static int title_case(const actx *c) {
  size_t words = 0, caps = 0;
  for (size_t k = 0; k < c->nw; k++) {
    if (!is_word(c, k)) continue;
    words++;
    if (TK(c, k)->flags & LXS_TF_CAPITAL) caps++;
  }
  return words >= 4 && caps * 10 >= words * 6;
}

/* An organisation named by the run [a, e] or by it and the words joined
 * to it ("The Guild for Harbour Pilots (GHP)", "the Steel Makers
 * Association"): registered (not in a title-case headline) and made the
 * most recent; its last word, or 0.  Unless alone, only a name joined by
 * glue is new: the run may be a person's name. */
static size_t org_mention(actx *c, size_t a, size_t e, int headline, int alone) {
  size_t oe = alone ? e : lxs_org_run_right(c, a);
  int ref, o = lxs_org_at(c, a, oe, !headline && (alone || oe > e), &ref);
  if (o < 0) return 0;
  lxs_entity_push(c, o);
  return oe;
}

/* Does the name at a open its sentence after its description ("The
 * historian Karl Weiss", "Harbour chief Odile Marsh", "Northland's
 * Brenner")?  Only words of a description stand before it: no
 * preposition, verb or punctuation. */
static int described_subject(const actx *c, size_t a) {
  if (a > 6) return 0;
  for (size_t b = 0; b < a; b++) {
    if (!is_word(c, b) && !is_p(c, b, LXS_P_DASH)) return 0;
    if (!is_word(c, b)) continue;
    lxs_wbits cl = c->wc[b];
    if (b == 0 && (cl & W_DET)) continue;
    if ((cl & (W_STOP | W_SPEECH | W_AUX | W_NEG | W_TIME)) || (TK(c, b)->flags & LXS_TF_NUMBER))
      return 0;
  }
  return 1;
}

/* A description set off before a name that opens its clause: "Its
 * chief, Anton Reyes, spoke first", "The guild's new president, Ines
 * Varga, ...".  It describes the person (for a role named elsewhere,
 * such as a headline's "Pilots' guild chief:"). */
static void desc_before_name(actx *c, int pi, size_t a) {
  if (a < 3 || !is_p(c, a - 1, LXS_P_COMMA) || !is_word(c, a - 2) || !(c->wc[a - 2] & W_ROLE) ||
      (c->wc[a - 2] & W_GROUPN) || namey(c, a - 2))
    return;
  size_t d = a - 2;
  while (d > 0 && a - d < 8 && is_word(c, d - 1) && !namey(c, d - 1)) d--;
  if (d == 1 && (c->wc[0] & W_DET)) d = 0; /* "The trade minister, ..." */
  if (d > 0 && !is_p(c, d - 1, LXS_P_COMMA)) return;
  if (!(c->wc[d] & W_DET) && !possessive(c, d)) return;
  lxs_set_appositive(c, pi, d, a - 1);
}

void lxs_scan_mentions(actx *c, uint32_t k_in_para) {
  c->subj[k_in_para] = WHO_NONE;
  lxs_group_subject(c);
  int headline = title_case(c) && lxs_headline_place(c);
  int other[8];
  size_t nother = 0;
  size_t k = 0;
  while (k < c->nw) {
    if (!namey(c, k)) {
      if (k <= 1 && is_word(c, k) && pronoun_gender(NORM(c, k)) &&
          (k == 0 || (c->wc[0] & W_OPENER)))
        c->subj[k_in_para] = lxs_resolve_pronoun(c, pronoun_gender(NORM(c, k)), 0);
      k++;
      continue;
    }
    size_t a = k, e = lxs_run_right(c, k, c->nw);
    k = e + 1;
    int inq = in_speech(c, a);
    size_t oe = org_mention(c, a, e, headline, 0);
    if (oe) {
      k = oe + 1;
      continue;
    }
    nameinfo ni;
    lxs_analyze_run(c, a, e, !headline, &ni);
    if (!ni.ok || ni.pi < 0) {
      oe = org_mention(c, a, e, headline, 1);
      if (oe) k = oe + 1;
      continue;
    }
    person *p = &c->P[ni.pi];
    lxs_prename_desc(c, ni.pi, a, ni.n0);
    desc_before_name(c, ni.pi, a);
    size_t x = e + 1;
    /* "Jayant Menon (Menon), a ..." */
    if (x < c->nw && is_p(c, x, LXS_P_OPEN)) {
      size_t y = x + 1;
      while (y < c->nw && y < x + 6 && !is_p(c, y, LXS_P_CLOSE)) y++;
      if (y < c->nw && is_p(c, y, LXS_P_CLOSE)) x = y + 1;
    }
    if (x + 1 < c->nw && is_p(c, x, LXS_P_COMMA)) {
      size_t ae = lxs_appositive_end(c, x + 1, 0);
      if (ae && (ae >= c->nw || !is_word(c, ae)) &&
          !(ae < c->nw && is_p(c, ae, LXS_P_COMMA) && ae + 1 < c->nw &&
            (c->wc[ae + 1] & (W_SAY | W_WEAK))))
        lxs_set_appositive(c, ni.pi, x + 1, ae);
    } else if (x == e + 1 && x + 1 < c->nw && !p->desc[0] &&
               (norm_is(c, x, "of") || norm_is(c, x, "at")) &&
               (namey(c, x + 1) ||
                (norm_is(c, x + 1, "the") && x + 2 < c->nw && namey(c, x + 2)))) {
      /* "Li Wen of the Global Times" */
      size_t ae = x + 1;
      while (ae < c->nw && ae < x + 10 && is_word(c, ae) &&
             (namey(c, ae) || (c->wc[ae] & (W_DET | W_STOP)) || particle(c, ae)))
        ae++;
      while (ae > x + 1 && !namey(c, ae - 1)) ae--;
      if (ae > x + 1) lxs_set_appositive(c, ni.pi, x + 1, ae);
    }
    /* "reporter Wang Qi", "The moderator was Li Wen": the interviewer */
    for (size_t b = a >= 2 ? a - 2 : 0; b < a; b++)
      if (is_word(c, b) && (c->wc[b] & W_ASKER) && !(c->wc[b] & W_ANSWER) && !norm_is(c, b, "q") &&
          (b + 1 == a || (c->wc[b + 1] & W_AUX)))
        p->asker = 1;
    /* interviewee candidates in an introduction */
    if (!c->labels_seen) {
      int sc = 1;
      if (p->desc[0]) sc += 3;
      for (size_t b = a >= 3 ? a - 3 : 0; b < a; b++) {
        if (!is_word(c, b)) continue;
        const char *bn = NORM(c, b);
        if (strcmp(bn, "with") == 0 || strcmp(bn, "interviewed") == 0 || strcmp(bn, "to") == 0)
          sc += 3;
        if ((c->wc[b] & W_ASKER) || strcmp(bn, "by") == 0 || strcmp(bn, "editor") == 0) sc -= 10;
      }
      p->intro += sc;
      if (c->intro_best < 0 || p->intro > c->P[c->intro_best].intro) c->intro_best = ni.pi;
    }
    int subject = a == 0 || (a == 1 && (c->wc[0] & W_OPENER) && !(c->wc[0] & W_DET)) ||
                  described_subject(c, a);
    if (subject && !inq) {
      lxs_recent_push(c, ni.pi);
      c->subj[k_in_para] = ni.pi;
    } else if (!inq && nother < sizeof other / sizeof other[0]) {
      other[nother++] = ni.pi;
    }
  }
  /* Objects and prepositional mentions are antecedents too ("a letter from
   * the adviser Tomas Brenner. He said ..."), ranked below everyone
   * mentioned as a subject. */
  for (size_t i = 0; i < nother; i++) lxs_recent_append(c, other[i]);
}
