/* attrib.h - internal: the segmenter's shared state and the passes its
 * files provide.  segment.h is the public side (speakers, hints, cues,
 * lxs_attribute); this header is for src/segment.c and its concerns:
 *
 *   names.c     canonical names, the speaker registry
 *   hints.c     user-supplied speakers (--speakers)
 *   wordclass.c word classes (titles, roles, places, speech verbs, ...)
 *   people.c    the person table: keys, lookup, pronouns, descriptions
 *   phrases.c   names and noun phrases in the current sentence
 *   groups.c    organisations and groups: speakers and holders that are
 *               no single person
 *   quotes.c    quotation spans of a paragraph
 *   frames.c    speech frames ("X said", "according to X", "X: ...")
 *   prose.c     attribution of a prose paragraph
 *   layout.c    round-up headers, speaker lines, Q&A and transcripts
 *   segment.c   the driver over the paragraphs
 *
 * Every scan around a token is bounded by a constant window and names are
 * looked up in hash tables, so the whole pass is linear in the article. */
#ifndef LXS_ATTRIB_H
#define LXS_ATTRIB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "segment.h"
#include "strmap.h"
#include "tokenize.h"
#include "util.h"
#include "wordclass.h"

#define NO_SPK 0xFFFFFFFFu
#define NO_TOK 0xFFFFFFFFu
#define WHO_NONE (-1)   /* nothing found */
#define WHO_AUTHOR (-2) /* found, and it is no person: the author */
#define RECENT 8
#define MAX_RUN 8
#define APPOS_REACH 60
#define MAX_CLAUSES                                                                                \
  16 /* speakers of clauses after the first, per sentence;                                         \
        later ones go to the last (a fixed cap keeps frames copyable) */

enum { REF_FULL, REF_SHORT, REF_PRONOUN, REF_DESC };

typedef struct {
  char *name;
  char *desc;
  lxs_buf dwords;   /* " word word " lower case, for description references */
  uint32_t speaker; /* NO_SPK until a sentence is attributed */
  int gender;       /* 0 unknown, 1 male, 2 female */
  int desc_synced;
  int intro;     /* interviewee score from the introduction */
  int asker;     /* introduced as reporter, host or moderator */
  int merged;    /* the person this one turned out to be, or -1 */
  int entity;    /* an organisation or group, not a person */
  int tentative; /* a one-word headline label not yet confirmed by the
                    body ("Ports: ..." is nobody, "Okafor: ..." is
                    Ruth Okafor once she is named) */
  int described; /* only a description so far ("the minister said"): the
                    person it names is chosen once the article is read */
  int fallback;  /* for a described one: who speaks if no person holds the
                    role ("the chair of the Guild": the Guild), or -1 */
  uint32_t para; /* for a described one: the paragraph that named it */
  int spoke;     /* the last sentence given to them (by a frame) + 1, or 0 */
} person;

typedef struct {
  uint32_t open, close; /* quote tokens; close = NO_TOK when unclosed */
  uint32_t s_open, s_close;
  uint32_t nwords;
  int speech;   /* looks like speech, not scare quotes */
  int attached; /* speaker decided */
  int who;
  int single;   /* single quotation marks */
  int straight; /* straight double marks (they nest) */
  int pending;  /* unclosed, speaker may be named later */
} qspan;

typedef struct {
  int who;
  int ref;
  int add;
  int according;
  int colon;         /* pseudo-frame "Name ...: "quote"" */
  int headline;      /* "Name: claim" as a headline */
  uint32_t verb;     /* token index of the verb */
  uint32_t vend;     /* token index of the frame's last word ("according
                        to", "issued a warning") */
  int at_start;      /* subject opens the sentence and the verb is near */
  int after, before; /* attached to a quote before / after the verb */
  int back;          /* "That is how X described ...": names the quote before */
  int participle;    /* ", saying ...": the clause's subject speaks */
  size_t subj;       /* word where the speaker's noun phrase starts */
  /* the clauses other speakers hold, in order: "Okafor said ..., while
   * the lawyer, Tom Birch, argued that ..., but Ada Moreau disagreed,
   * calling ..." (each runs to the next one or the sentence's end) */
  struct frame_clause {
    int who, ref, add;
    uint32_t split; /* token where the clause starts */
  } more[MAX_CLAUSES];
  size_t nmore;
} frame_t;

/* Paragraph layouts; PK_Q and after are turns of a transcript. */
enum {
  PK_NONE,
  PK_HEADER,
  PK_SPEAKERLINE,
  PK_NAMEONLY,
  PK_DESCLINE,
  PK_TEASER, /* "(RELATED: ...)": the author's, and no break in the prose */
  PK_Q,
  PK_A,
  PK_NAME,
  PK_OUTLET,
  PK_ROLE,
  PK_BYLINE
};

typedef struct {
  int kind;
  int bare;              /* a byline of one bare name (maybe a round-up header) */
  int dot;               /* a turn label that is a sentence of its own ("THE MAYOR.") */
  size_t ns, ne, ds, de; /* name and description byte ranges */
} pinfo;

/* Layout state carried from paragraph to paragraph. */
typedef struct {
  int labelled; /* the text is a transcript / Q&A */
  int owner;    /* person owning the current round-up section */
  int owner_cue;
  int turn; /* speaker of the current transcript turn */
  int turn_active;
} layout_state;

typedef struct {
  const lxs_tokenizer *tk;
  const char *text;
  lxs_speakers *sp;
  const lxs_speaker_hints *hints;
  person *P;
  size_t np, capp;
  lxs_strmap full, sur, given;
  lxs_strmap orgs; /* organisations by folded name and acronym */
  int recent[RECENT];
  int nrecent;
  int orecent[RECENT]; /* organisations, most recently named first */
  int norecent;
  /* the current sentence: main (non-part) token indices and classes,
   * views into the document's arrays below (lxs_sent_words) */
  uint32_t *w;
  lxs_wbits *wc;
  size_t nw;
  /* every sentence's, listed once per document: sentence s has entries
   * [sent_w0[s], sent_w0[s + 1]) */
  uint32_t *doc_w;
  lxs_wbits *doc_wc;
  uint32_t *sent_w0;
  uint32_t cur_sent;
  uint32_t *inq; /* per token: quote span + 1 (current paragraph) */
  qspan *spans;
  size_t nspans, capspans;
  uint32_t *sspan0, *sspan1; /* per sentence of paragraph: span range */
  uint32_t *qwords;          /* per sentence of paragraph: words in speech */
  int *subj;                 /* per sentence of paragraph: subject person */
  frame_t *fr;
  size_t capfr;
  lxs_buf tmp;
  lxs_buf key; /* scratch for folded identity keys */
  int *who;    /* per sentence: person (resolved at the end) */
  uint32_t *ss, *sf;
  uint8_t *sc; /* per sentence: cue (the caller's array, or sc_own) */
  uint8_t *sc_own;
  int chain; /* last quoted person, WHO_AUTHOR or WHO_NONE */
  uint32_t chain_para;
  int dangling;         /* speaker of a quote left open at paragraph end */
  int intro_next;       /* person introducing a quote across a colon */
  int para_after_colon; /* the previous paragraph ended in a colon */
  int intro_frame;      /* ... after a speech frame ("X said in a statement:") */
  int runon;            /* speaker of an unclosed colon-opened quote */
  int list_who;         /* speaker of a list the previous paragraph was an item of */
  int pend_comma;       /* the pending quote closed with a comma */
  uint32_t *pend;       /* sentences of an open quote awaiting a speaker */
  size_t npend, cappend;
  int labels_seen;
  int interviewee;
  int intro_best;
  pinfo *pk;
  layout_state lay;
  size_t byline_s, byline_e; /* the writers' names from a byline, if any */
  lxs_clauses *clauses;      /* second speakers' clauses (person in .speaker
                                until the speakers are interned), or NULL */
  lxs_holders *holders;      /* holders of reported views, or NULL */
  struct pending_holder {
    uint32_t verb, end, subj;
    int who;       /* a person, or WHO_AUTHOR for a group's words */
    uint32_t a, e; /* the group's tokens [a, e) */
    uint8_t inverted;
  } * ph; /* until the names are final */
  size_t nph, capph;
  size_t np_a, np_e; /* words of the last subject read as a group or
                        organisation (np_e = 0: none) */
  size_t aside_end;  /* the comma closing a subject's aside (", along
                        with ...,"), or 0 */
  /* the last plural group read as a subject ("Dock workers", "the four
   * ports"): tokens [they_a, they_e) of sentence they_sent, what a "they"
   * at token they_tok of a later sentence refers to (they_e = 0: none) */
  uint32_t they_a, they_e, they_sent, they_tok;
  int quiet; /* reading a quotation's verbs for their holders:
                pronouns fix no person's gender */
} actx;

typedef struct {
  int ok; /* a person (known, or new and valid) */
  int pi; /* -1 when !create and new */
  int ref;
  size_t n0; /* first word of the name proper */
  int honor;
  int gender;
} nameinfo;

/* ---- tokens of the current sentence (segment.c loads them) ------------ */

/* Points c->w and c->wc at sentence s's main (non-part) tokens and their
 * classes (listed once per document by lxs_attribute_clauses). */
void lxs_sent_words(actx *c, uint32_t s);
/* Quotation mark kind of a token: 0 none, 1 opening, 2 closing, 3 straight
 * double (direction from context), 4 opening single, 5 closing single. */
int lxs_qkind(const actx *c, const lxs_token *t);

static inline const lxs_token *TK(const actx *c, size_t k) { return &c->tk->toks[c->w[k]]; }
static inline const char *NORM(const actx *c, size_t k) { return lxs_tok_norm(c->tk, TK(c, k)); }
static inline int is_word(const actx *c, size_t k) { return TK(c, k)->kind == LXS_TOK_WORD; }
static inline int is_p(const actx *c, size_t k, char ch) {
  return TK(c, k)->kind == LXS_TOK_PUNCT && TK(c, k)->punct == ch;
}
static inline int norm_is(const actx *c, size_t k, const char *s) {
  return is_word(c, k) && strcmp(NORM(c, k), s) == 0;
}
static inline int terminal(const actx *c, size_t k) {
  return is_p(c, k, LXS_P_PERIOD) || is_p(c, k, LXS_P_QUEST) || is_p(c, k, LXS_P_EXCL);
}
static inline int is_quote(const actx *c, size_t k) { return lxs_qkind(c, TK(c, k)) != 0; }
/* A lower-case particle joined by a hyphen to a capitalised name:
 * "al-Qasabi", "el-Sisi", "bin-Zayed". */
static inline int particle_hyphen_name(const actx *c, const lxs_token *t) {
  const char *s = c->text + t->start;
  size_t n = t->end - t->start, h = 2;
  while (h < n && h < 4 && s[h] != '-') h++;
  return h + 1 < n && s[h] == '-' && s[h + 1] >= 'A' && s[h + 1] <= 'Z' && s[0] >= 'a' &&
         s[0] <= 'z' && (lxs_wclass(s, h) & W_PARTICLE);
}
/* Word that may be part of a personal name: capitalised, no digits. */
static inline int namey(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  return t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_NUMBER) &&
         ((t->flags & LXS_TF_CAPITAL) || particle_hyphen_name(c, t));
}
static inline int particle(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  return t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_CAPITAL) && (c->wc[k] & W_PARTICLE);
}
static inline int possessive(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  const char *n = lxs_tok_norm(c->tk, t);
  return t->kind == LXS_TOK_WORD && t->norm_len > 2 && n[t->norm_len - 1] == 's' &&
         n[t->norm_len - 2] == '\'';
}
static inline size_t tok_text(const actx *c, size_t a, size_t e, const char **p) {
  *p = c->text + TK(c, a)->start;
  return TK(c, e)->end - TK(c, a)->start;
}
static inline int in_speech(const actx *c, size_t k) {
  uint32_t q = c->inq[c->w[k]];
  return q && c->spans[q - 1].speech;
}
static inline int pronoun_gender(const char *nm) {
  if (strcmp(nm, "he") == 0) return 1;
  if (strcmp(nm, "she") == 0) return 2;
  return 0;
}
static inline int first_or_group(const char *nm) {
  return strcmp(nm, "i") == 0 || strcmp(nm, "we") == 0 || strcmp(nm, "they") == 0 ||
         strcmp(nm, "it") == 0 || strcmp(nm, "this") == 0 || strcmp(nm, "these") == 0 ||
         strcmp(nm, "which") == 0 || strcmp(nm, "you") == 0 || strcmp(nm, "one") == 0;
}

/* ---- output (segment.c) -------------------------------------------------- */

void lxs_put_sent(actx *c, uint32_t s, int who, int cue, uint32_t flags);
void lxs_put_para(actx *c, const lxs_para *P, int who, int cue, uint32_t flags);

/* ---- names (names.c) ----------------------------------------------------- */

/* Copy of s with every run of Unicode space collapsed to one ASCII space. */
char *lxs_clean_copy(const char *s, size_t n);

/* ---- the person table (people.c) ----------------------------------------- */

/* A new person with canonical name [name, name + n) (a one-word person
 * seen before, "Mr Smith", merges into the full name); its index. */
int lxs_person_new(actx *c, const char *name, size_t n);
/* Person for a canonical name: exact (or alias) first, then a surname
 * ("Menon", "von der Leyen") or given name.  -1 if unknown or ambiguous. */
int lxs_person_lookup(actx *c, const char *nm, size_t n, int *is_short);
/* The person pi finally is (following merges). */
int lxs_person_root(const actx *c, int pi);
/* Name tables keyed by folded identity ("José Núñez" = "Jose Nunez"). */
int lxs_key_get(actx *c, const lxs_strmap *m, const char *s, size_t n);
void lxs_key_put(actx *c, lxs_strmap *m, const char *s, size_t n, int val, int keep);
/* The person a text names (canonicalised), created if new. */
int lxs_person_from_text(actx *c, const char *s, size_t n);
/* The person a role label names ("THE MAYOR"): a --speakers alias, the
 * one person described by the role, or a speaker named by the role. */
int lxs_person_for_role(actx *c, const char *s, size_t n);
/* The speaker index of a person, interned on first use (only once the
 * article is read: names may still grow until then). */
uint32_t lxs_person_speaker(actx *c, int pi);
/* Adds description text (its words are kept for description references). */
void lxs_person_set_desc(actx *c, int pi, const char *s, size_t n);
/* Makes pi the most recently mentioned person. */
void lxs_recent_push(actx *c, int pi);
/* Adds pi as the least recent, if it is not in the list. */
void lxs_recent_append(actx *c, int pi);
/* The most recent person of gender g (1 male, 2 female) or of unknown
 * gender (fixed to g when commit); WHO_NONE. */
int lxs_resolve_pronoun(actx *c, int g, int commit);
/* The recent person a description [a, e] of the current sentence refers
 * to ("the former ADB economist"), or WHO_NONE. */
int lxs_resolve_desc(actx *c, size_t a, size_t e);
/* A description [a, e] no recent person answers: a stand-in person, who
 * becomes the one person of the article holding the role once it is read
 * (lxs_settle_descriptions), or stays nobody; WHO_AUTHOR when quiet. */
int lxs_desc_pending(actx *c, size_t a, size_t e);
/* Each stand-in merges into the unique person of the article whose title
 * matches best; the others remain no speaker. */
void lxs_settle_descriptions(actx *c);
/* Is pi no speaker of its own (an unconfirmed headline label or an
 * unsettled description)? */
int lxs_person_unnamed(const actx *c, int pi);
/* A user hint naming words ending at e (leftward) or starting at a. */
int lxs_hint_span(actx *c, size_t a, size_t e, int leftward);
void lxs_people_free(actx *c);
/* Organisations that speak ("The Alliance for Harbour Pilots (AHP) is
 * urging ...") are people of the table with entity set: never a pronoun's
 * antecedent, found by their name, its initials or the acronym given in
 * brackets (acro, an; may be empty), never by a single word of it. */
int lxs_entity_find(actx *c, const char *name, size_t n);
int lxs_entity_new(actx *c, const char *name, size_t n, const char *acro, size_t an);
/* The organisation "the union", "the group" (head word [head, head + n))
 * refers to: the most recent one with that word in its name, or for a
 * word any organisation is ("group", "body", "bloc") the most recent one;
 * WHO_NONE. */
int lxs_entity_desc(actx *c, const char *head, size_t n);
/* Makes organisation pi the most recently named. */
void lxs_entity_push(actx *c, int pi);

/* ---- names and noun phrases in the sentence (phrases.c) ------------------ */

size_t lxs_run_left(const actx *c, size_t e, size_t lo);
size_t lxs_run_right(const actx *c, size_t a, size_t hi);
/* Analyse the run of capitalised words [a, e]: strip leading titles,
 * offices, places and openers, validate and resolve the rest. */
void lxs_analyze_run(actx *c, size_t a, size_t e, int create, nameinfo *ni);
/* Description words before a name: "ISEAS senior fellow Jayant Menon". */
void lxs_prename_desc(actx *c, int pi, size_t a, size_t n0);
/* An appositive starting at d ("a researcher at ..."): its end or 0. */
size_t lxs_appositive_end(const actx *c, size_t d, int to_end);
void lxs_set_appositive(actx *c, int pi, size_t d, size_t end);
/* Does the run starting at a open its clause (perhaps after titles)? */
int lxs_clause_start(const actx *c, size_t a);
/* The person of the noun phrase ending at j / starting at p, WHO_AUTHOR
 * for a non-person, WHO_NONE for nothing; *ref says how it referred. */
int lxs_np_left(actx *c, size_t j, int *ref);
int lxs_np_right(actx *c, size_t p, int *ref);
/* The subject that opens the sentence; *pos its first word. */
int lxs_main_subject(actx *c, int *ref, size_t *pos);
/* Registers the people named in sentence k of the paragraph, their
 * descriptions, and the sentence's subject (c->subj[k]). */
void lxs_scan_mentions(actx *c, uint32_t k_in_para);

/* ---- organisations and groups (groups.c) --------------------------------- */

/* A subject that is no person but a group or an organisation ("Critics",
 * "Chinese officials"): its words [a, e] are kept (c->np_a, c->np_e) as
 * the holder of the view its verb reports; the sentence stays the
 * author's.  A date or a number ("said Monday") holds no view.  Returns
 * WHO_AUTHOR. */
int lxs_group_np(actx *c, size_t a, size_t e);
/* "They" at word k: 1 when it refers to the plural group read as a
 * subject in one of the two sentences before (c->they_a, they_e),
 * noting k as that reference (c->they_tok). */
int lxs_they_group(actx *c, size_t k);
/* A plural group opening the current sentence as its subject ("The
 * farmers' unions were angry."): noted for a later "they". */
void lxs_group_subject(actx *c);
/* A plural noun for people or groups ("critics", "farmers", "economists",
 * "governments"): the word lists' group nouns, or a plural agent noun by
 * its ending. */
int lxs_collective_head(const actx *c, size_t j);
/* The words before a group noun at j that belong to it ("Chinese
 * officials", "many trade economists"): the first of them. */
size_t lxs_group_start(const actx *c, size_t j);
/* The post-modifier after a group noun at j: "participants at the EMDC
 * (...) Forum", "officials from the Commerce Ministry".  Its last word,
 * or j. */
size_t lxs_group_postmod_end(const actx *c, size_t j);
/* A group named before a post-modifier [a, j] ("experts at the Boao
 * Forum said"): WHO_AUTHOR with the group noted, or WHO_NONE. */
int lxs_group_before_postmod(actx *c, size_t a, size_t j);
/* The last / first word of an organisation's name starting at a / ending
 * at j, over glue after an organisation word ("Alliance for American
 * Manufacturing", "Ministry of Commerce") and possessives inside it
 * ("National Taxpayer's Union"). */
size_t lxs_org_run_right(const actx *c, size_t a);
size_t lxs_org_run_left(const actx *c, size_t j);
/* The organisation the capitalised words [a, e] name: known by its name,
 * initials or acronym, or (create) new when they read as one (an
 * organisation word beside other capitals, an acronym, a name with its
 * acronym in brackets after it; create 2: any capitalised name that is
 * no place).  WHO_NONE; *ref is REF_SHORT for an
 * acronym standing for a longer name. */
int lxs_org_at(actx *c, size_t a, size_t e, int create, int *ref);
/* "the group", "the union" [a, j]: the organisation it refers to, or
 * WHO_NONE. */
int lxs_org_desc(actx *c, size_t a, size_t j);
/* "The Fund", "the Commission" (an organisation word alone, capitalised,
 * after "the"): the organisation named before with that word, or
 * WHO_NONE. */
int lxs_org_word_ref(actx *c, size_t j);

/* ---- quotations (quotes.c) ----------------------------------------------- */

/* The quotation spans of a paragraph (c->spans, c->inq, per-sentence
 * span ranges and words in speech). */
void lxs_build_spans(actx *c, const lxs_para *P);

/* ---- speech frames (frames.c) -------------------------------------------- */

/* The speech frame of the current sentence (k_in_para of its paragraph). */
void lxs_find_frame(actx *c, uint32_t k_in_para, frame_t *f);
/* May the current sentence be a headline by where it stands: first in
 * the text, or alone on its line without a final full stop? */
int lxs_headline_place(const actx *c);
/* Does the current sentence point back to a quotation ("That is how X
 * described the vote")? */
int lxs_points_back(const actx *c);
/* Notes the holder a verb frame names (for the scorer's holder pass);
 * quoted: the verb stands inside a quotation. */
void lxs_note_holder(actx *c, const frame_t *f, int quoted);
/* Turns the noted holders into names once the people are final. */
void lxs_name_holders(actx *c);
/* The cue a frame gives its sentence. */
int lxs_frame_cue(const frame_t *f);
/* Records the clauses of other speakers in sentence s (its frame f) and
 * makes them recent. */
void lxs_frame_clauses(actx *c, const lxs_sent *S, uint32_t s, const frame_t *f);

/* ---- paragraphs ------------------------------------------------------------ */

/* Prose: quotations, frames, continuations (prose.c). */
void lxs_prose_paragraph(actx *c, uint32_t pi);
/* Classifies every paragraph's layout (c->pk) and decides whether the text
 * is a transcript (layout.c). */
void lxs_layout_prepass(actx *c);
/* Attributes paragraph p if its layout decides it: 1, or 2 for a teaser
 * line that leaves the prose around it open; 0 for prose. */
int lxs_layout_paragraph(actx *c, uint32_t p);

#endif
