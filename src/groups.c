/* groups.c - speakers and holders that are no single person: named
 * organisations ("the Alliance for Harbour Pilots (AHP)", later "the
 * AHP" or "the group"), which speak as people do, and groups and
 * collective voices ("critics", "Chinese officials", "the four
 * countries", "participants at the X Forum"), which hold the views the
 * author reports without taking the sentence. */
#include "attrib.h"

#include <string.h>

/* ---- groups ---------------------------------------------------------------- */

static int postmod_prep(const actx *c, size_t k) {
  return norm_is(c, k, "of") || norm_is(c, k, "from") || norm_is(c, k, "at") ||
         norm_is(c, k, "in"); /* "officials in Beijing" */
}

/* Do the words [a, e] name more than one ("critics", "the four ports",
 * "Northland and Southmark"), so that a later "they" may be them? */
static int plural_group(const actx *c, size_t a, size_t e) {
  for (size_t k = a; k < e; k++)
    if (norm_is(c, k, "and") || is_p(c, k, LXS_P_COMMA)) return 1;
  if (c->wc[e] & W_GROUPN) return 1;
  size_t n = TK(c, e)->norm_len;
  const char *w = NORM(c, e);
  return !namey(c, e) && n > 3 && w[n - 1] == 's' && w[n - 2] != 's';
}

int lxs_group_np(actx *c, size_t a, size_t e) {
  int words = 0;
  for (size_t k = a; k <= e; k++)
    if (is_word(c, k) && !(c->wc[k] & (W_TIME | W_DET)) && !(TK(c, k)->flags & LXS_TF_NUMBER))
      words++;
  if (!words || !is_word(c, e) || (c->wc[e] & W_TIME) || (TK(c, e)->flags & LXS_TF_NUMBER))
    return WHO_AUTHOR;
  c->np_a = a;
  c->np_e = e + 1;
  if (!c->quiet && plural_group(c, a, e)) { /* (a quotation's subject is no antecedent) */
    c->they_a = c->w[a];
    c->they_e = c->w[e] + 1;
    c->they_sent = c->cur_sent;
  }
  return WHO_AUTHOR;
}

void lxs_group_subject(actx *c) {
  size_t k = 0;
  while (k < c->nw && k < 6 && is_word(c, k) && !lxs_collective_head(c, k)) {
    lxs_wbits cl = c->wc[k];
    if ((cl & (W_STOP | W_SPEECH | W_AUX | W_NEG | W_TIME)) && !(cl & W_DET)) return;
    k++;
  }
  if (k >= c->nw || k >= 6 || !is_word(c, k) || !lxs_collective_head(c, k) || k + 1 >= c->nw ||
      !is_word(c, k + 1) || postmod_prep(c, k + 1))
    return;
  /* "the farmers' unions": the last plural noun heads the group */
  while (k + 2 < c->nw && is_word(c, k + 1) && !namey(c, k + 1) &&
         !(c->wc[k + 1] & (W_STOP | W_SPEECH | W_AUX | W_NEG | W_TIME)) &&
         plural_group(c, k + 1, k + 1))
    k++;
  size_t a = 0;
  while (a < k && (c->wc[a] & (W_DET | W_HOLDERDET | W_OPENER)) && !namey(c, a + 1)) a++;
  if (!plural_group(c, a, k)) return;
  c->they_a = c->w[a];
  c->they_e = c->w[k] + 1;
  c->they_sent = c->cur_sent;
}

int lxs_they_group(actx *c, size_t k) {
  if (!c->they_e || c->cur_sent < c->they_sent || c->cur_sent > c->they_sent + 2 ||
      c->they_a >= c->w[0])
    return 0;
  c->they_tok = c->w[k];
  return 1;
}

/* "the four ports", "the 27 members": a plural counted by a number. */
static int counted_plural(const actx *c, size_t j) {
  static const char *const n[] = {"two",  "three", "four", "five",   "six",    "seven", "eight",
                                  "nine", "ten",   "both", "eleven", "twelve", NULL};
  size_t len = TK(c, j)->norm_len;
  if (j < 2 || len < 4 || NORM(c, j)[len - 1] != 's' || !norm_is(c, j - 2, "the")) return 0;
  return is_word(c, j - 1) &&
         (lxs_in_words(n, NORM(c, j - 1)) || (TK(c, j - 1)->flags & LXS_TF_NUMBER));
}

int lxs_collective_head(const actx *c, size_t j) {
  if (!is_word(c, j) || namey(c, j)) return (c->wc[j] & W_GROUPN) != 0;
  if (c->wc[j] & W_GROUPN) return 1;
  if (c->wc[j] & (W_STOP | W_SPEECH | W_TIME | W_AUX)) return 0;
  if (counted_plural(c, j)) return 1;
  static const char *const ends[] = {"ers", "ors", "ists", "ians", NULL};
  const char *n = NORM(c, j);
  size_t len = TK(c, j)->norm_len;
  if (len < 6) return 0;
  for (int i = 0; ends[i]; i++) {
    size_t m = strlen(ends[i]);
    if (memcmp(n + len - m, ends[i], m) == 0) return 1;
  }
  return 0;
}

size_t lxs_group_start(const actx *c, size_t j) {
  size_t a = j;
  while (a > 0 && j - a < 4 && is_word(c, a - 1) && !possessive(c, a - 1)) {
    lxs_wbits cl = c->wc[a - 1];
    if ((cl & W_STOP) && !(cl & W_DET)) break;
    if (cl & (W_SPEECH | W_AUX | W_NEG)) break;
    a--;
    if (cl & W_DET) break;
  }
  return a;
}

size_t lxs_group_postmod_end(const actx *c, size_t j) {
  size_t x = j + 1;
  if (x + 1 >= c->nw || !postmod_prep(c, x)) return j;
  x++;
  if (norm_is(c, x, "the") && x + 1 < c->nw) x++;
  if (!namey(c, x)) return j;
  size_t e = lxs_org_run_right(c, x);
  size_t y = e + 1;
  if (y < c->nw && is_p(c, y, LXS_P_OPEN)) { /* an expansion in brackets */
    while (y < c->nw && y < e + 14 && !is_p(c, y, LXS_P_CLOSE)) y++;
    y = y < c->nw && is_p(c, y, LXS_P_CLOSE) ? y + 1 : e + 1;
  }
  if (y < c->nw && namey(c, y)) return lxs_org_run_right(c, y);
  if (y < c->nw && is_word(c, y) && (c->wc[y] & W_ORG)) e = y;
  return e;
}

int lxs_group_before_postmod(actx *c, size_t a, size_t j) {
  size_t p = a;
  if (p >= 1 && norm_is(c, p - 1, "the")) p--;
  if (p < 2 || !postmod_prep(c, p - 1) || !lxs_collective_head(c, p - 2)) return WHO_NONE;
  return lxs_group_np(c, lxs_group_start(c, p - 2), j);
}

/* ---- organisations --------------------------------------------------------- */

/* Lower-case glue inside an organisation's name, after one of its
 * organisation words: "Alliance for ...", "Ministry of ...",
 * "Development and Cooperation Forum". */
static int org_glue(const actx *c, size_t k) {
  static const char *const glue[] = {"of", "for", "and", "on", "de", "&", NULL};
  return k > 0 && is_word(c, k) && !namey(c, k) && lxs_in_words(glue, NORM(c, k)) &&
         namey(c, k - 1) && (c->wc[k - 1] & W_ORG);
}

/* "for a Prosperous America", "of the Treasury": an article after glue. */
static size_t after_glue(const actx *c, size_t k) {
  if (k + 1 < c->nw && (norm_is(c, k, "the") || norm_is(c, k, "a")) && namey(c, k + 1))
    return k + 1;
  return k;
}

/* "and" (or "&", or a comma before a later "and") joining names inside
 * an organisation's name at n, after the run ending at e: within the
 * complement of an organisation word, one word more ("Ministry of Trade
 * and Industry", "Department of Trade, Industry and Competition"), or
 * before a run ending in an organisation word ("Iron and Steel
 * Institute").  The new run's last word, or 0. */
static size_t list_glue(const actx *c, size_t n, size_t e, int in_complement) {
  if (n + 1 >= c->nw || !namey(c, e) || possessive(c, e) || !namey(c, n + 1)) return 0;
  int comma = is_p(c, n, LXS_P_COMMA);
  if (!comma && !norm_is(c, n, "and") && !norm_is(c, n, "&")) return 0;
  size_t e2 = lxs_run_right(c, n + 1, c->nw);
  if (possessive(c, e2)) return 0;
  if (comma) /* a list: "Trade, Industry and ..." */
    return in_complement && e2 == n + 1 && e2 + 2 < c->nw &&
                   (norm_is(c, e2 + 1, "and") || is_p(c, e2 + 1, LXS_P_COMMA))
               ? e2
               : 0;
  if (in_complement && e2 == n + 1) return e2;
  return (c->wc[e2] & W_ORG) && !(c->wc[e] & W_ORG) && e2 - n <= 3 ? e2 : 0;
}

size_t lxs_org_run_right(const actx *c, size_t a) {
  size_t e = lxs_run_right(c, a, c->nw);
  int in_complement = 0; /* after "Ministry of", "Alliance for" */
  for (;;) {
    size_t n = e + 1;
    size_t l = e - a < 16 ? list_glue(c, n, e, in_complement) : 0;
    if (l) {
      e = l;
      continue;
    }
    /* "Taxpayer's Union" (not "China's Ministry of Commerce") */
    if (possessive(c, e) && n < c->nw && namey(c, n) && !(c->wc[e] & (W_PLACE | W_NATION))) {
      e = lxs_run_right(c, n, c->nw);
      continue;
    }
    if (n + 1 >= c->nw || e - a >= 16 || possessive(c, e) || !org_glue(c, n)) break;
    size_t x = after_glue(c, n + 1);
    if (!namey(c, x)) break;
    in_complement = !norm_is(c, n, "and") && !norm_is(c, n, "&");
    e = lxs_run_right(c, x, c->nw);
  }
  return e;
}

size_t lxs_org_run_left(const actx *c, size_t j) {
  size_t a = lxs_run_left(c, j, 0);
  while (a > 1 && j - a < 16) {
    size_t p = a - 1;
    /* "Taxpayer's Union" (not "China's Ministry of Commerce") */
    if (possessive(c, p) && namey(c, p) && !(c->wc[p] & (W_PLACE | W_NATION))) {
      a = lxs_run_left(c, p, 0);
      continue;
    }
    /* "Department of Trade, Industry and Competition": single words listed
     * in the complement of an organisation word */
    size_t q = p, listed = 0;
    while (q > 2 && listed < 4 &&
           (norm_is(c, q, "and") || norm_is(c, q, "&") || is_p(c, q, LXS_P_COMMA)) &&
           namey(c, q - 1) && !possessive(c, q - 1) && !namey(c, q - 2)) {
      q -= 2;
      listed++;
    }
    if (listed && org_glue(c, q)) {
      a = lxs_run_left(c, q - 1, 0);
      continue;
    }
    /* "Iron and Steel Institute": a word or two before "and" */
    if ((norm_is(c, p, "and") || norm_is(c, p, "&")) && p > 0 && namey(c, p - 1) &&
        !possessive(c, p - 1) && (c->wc[j] & W_ORG)) {
      size_t b = lxs_run_left(c, p - 1, 0);
      while (b + 1 < p && (c->wc[b] & (W_DET | W_OPENER))) b++; /* ("The") */
      /* one or two words before "and" (written so cppcheck sees it can fail) */
      if (b + 2 >= p && !(c->wc[p - 1] & W_ORG)) {
        a = b;
        continue;
      }
    }
    if ((norm_is(c, p, "the") || norm_is(c, p, "a")) && p > 1) p--;
    if (!org_glue(c, p)) break;
    a = lxs_run_left(c, p - 1, 0);
  }
  return a;
}

/* An acronym: two to seven capitals ("AAM", "WTO"). */
static int acronym(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  return t->kind == LXS_TOK_WORD && (t->flags & LXS_TF_ALLCAPS) && t->norm_len >= 2 &&
         t->norm_len <= 7 && !(t->flags & LXS_TF_NUMBER);
}

/* The acronym in brackets right after word e ("... Manufacturing
 * (AAM)"): its position, or 0. */
static size_t bracket_acronym(const actx *c, size_t e) {
  if (e + 3 < c->nw && is_p(c, e + 1, LXS_P_OPEN) && acronym(c, e + 2) &&
      is_p(c, e + 3, LXS_P_CLOSE))
    return e + 2;
  return 0;
}

/* Do the capitalised words [a, e] read as an organisation's name: an
 * organisation word beside other capitals ("Steel Makers Association",
 * "White House"), an acronym that is no place ("AAM", "WTO"), or a name
 * its acronym follows in brackets?  Never a place alone, a date, or a
 * title-case headline's words. */
static int org_name(const actx *c, size_t a, size_t e) {
  if (a == e && acronym(c, a)) return !(c->wc[a] & (W_PLACE | W_NATION));
  int org = 0, caps = 0, place = 1, glue_after = 0;
  for (size_t k = a; k <= e; k++) {
    if (!is_word(c, k)) continue;
    if (c->wc[k] & W_TIME) return 0;
    if (namey(c, k)) caps++;
    if ((c->wc[k] & W_ORG) && !(c->wc[k] & W_META)) org = 1, glue_after = 0;
    else if (org && !namey(c, k)) glue_after = 1;
    /* "Bloomberg News Trump": a name right after the organisation */
    else if (org && !glue_after && namey(c, k) && k > a && (c->wc[k - 1] & W_ORG)) org = 0;
    if (namey(c, k) && !(c->wc[k] & (W_PLACE | W_NATION))) place = 0;
  }
  if (bracket_acronym(c, e)) return !place || org;
  return org && caps >= 2 && !place;
}

int lxs_org_at(actx *c, size_t a, size_t e, int create, int *ref) {
  while (a < e && (c->wc[a] & (W_DET | W_OPENER)) && !(c->wc[a] & W_ORG)) a++; /* "The" */
  const char *p;
  size_t n = tok_text(c, a, e, &p);
  if (possessive(c, e) && n >= 2 && p[n - 1] == 's' && p[n - 2] == '\'') n -= 2;
  else if (possessive(c, e) && n >= 4 && p[n - 1] == 's' &&
           memcmp(p + n - 4, "\xE2\x80\x99", 3) == 0)
    n -= 4; /* "Bloomberg’s" */
  int pi = lxs_entity_find(c, p, n);
  *ref = REF_FULL;
  if (pi >= 0) {
    if (a == e && strlen(c->P[pi].name) > n) *ref = REF_SHORT; /* "the AAM" */
    return pi;
  }
  /* create 2: any capitalised name that is no place or date ("Reuters's
   * take:", "The Courier's verdict:") */
  int named = create == 2 && namey(c, a) && !(c->wc[a] & (W_PLACE | W_NATION | W_TIME));
  if (!create || !(named || org_name(c, a, e))) return WHO_NONE;
  size_t ac = bracket_acronym(c, e);
  const char *ap = "";
  size_t an = ac ? tok_text(c, ac, ac, &ap) : 0;
  return lxs_entity_new(c, p, n, ap, an);
}

int lxs_org_word_ref(actx *c, size_t j) {
  if (j < 1 || !norm_is(c, j - 1, "the") || !namey(c, j) || !(c->wc[j] & W_ORG) ||
      (c->wc[j] & W_META) || (TK(c, j)->flags & LXS_TF_ALLCAPS) ||
      (j + 1 < c->nw && namey(c, j + 1)))
    return WHO_NONE;
  return lxs_entity_desc(c, NORM(c, j), TK(c, j)->norm_len);
}

int lxs_org_desc(actx *c, size_t a, size_t j) {
  if (!is_word(c, j) || namey(c, j) || !(c->wc[j] & W_ORG) || !norm_is(c, a, "the") || j > a + 2)
    return WHO_NONE;
  return lxs_entity_desc(c, NORM(c, j), TK(c, j)->norm_len);
}
