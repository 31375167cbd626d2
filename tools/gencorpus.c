/* gencorpus.c - writes a synthetic English corpus for `make bench`:
 *   gencorpus MEGABYTES SEED > corpus.tsv
 * One document per line (id<TAB>text), 3-8 sentences of 6-38 words, words
 * drawn with a Zipf law from real English and policy vocabulary plus
 * generated rare words, so the word cache sees a realistic long tail. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kWords[] = {
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "as", "was",
    "with", "be", "by", "on", "not", "he", "this", "are", "or", "his", "from",
    "at", "which", "but", "have", "an", "had", "they", "you", "were", "their",
    "one", "all", "we", "can", "her", "has", "there", "been", "if", "more",
    "when", "will", "would", "who", "so", "no", "trade", "tariffs", "WTO",
    "multilateral", "cooperation", "rules-based", "order", "Global", "South",
    "developing", "countries", "economic", "growth", "policy", "government",
    "agreement", "market", "markets", "investment", "supply", "chains",
    "protectionism", "unilateral", "partnership", "regional", "integration",
    "development", "inclusive", "resilient", "coercion", "turbulence",
    "erosion", "strengthen", "support", "undermine", "sanctions", "exports",
    "imports", "manufacturing", "jobs", "workers", "prices", "consumers",
    "China", "ASEAN", "United", "States", "U.S.", "Europe", "Africa", "India",
    "officials", "experts", "analysts", "said", "says", "argued", "noted",
    "however", "although", "while", "because", "therefore", "also", "only",
    "new", "first", "last", "long", "great", "little", "own", "other", "old",
    "right", "big", "high", "different", "small", "large", "next", "early",
    "young", "important", "few", "public", "bad", "same", "able", "good",
    "strong", "weak", "stable", "fragile", "open", "fair", "unfair", "free",
    "global", "national", "international", "financial", "digital", "green",
    "energy", "climate", "technology", "security", "crisis", "war", "peace",
    "year", "years", "people", "time", "way", "day", "man", "thing", "woman",
    "life", "child", "world", "school", "state", "family", "student", "group",
    "country", "problem", "hand", "part", "place", "case", "week", "company",
    "system", "program", "question", "work", "number", "night", "point",
    "home", "water", "room", "mother", "area", "money", "story", "fact",
    "month", "lot", "study", "book", "eye", "job", "word", "business", "issue",
    "side", "kind", "head", "house", "service", "friend", "father", "power",
    "hour", "game", "line", "end", "member", "law", "car", "city", "community",
    "name", "president", "team", "minute", "idea", "kid", "body", "information",
    "back", "parent", "face", "others", "level", "office", "door", "health",
    "person", "art", "history", "party", "result", "change", "morning",
    "reason", "research", "girl", "guy", "moment", "air", "teacher", "force",
    "education", "make", "made", "take", "see", "know", "get", "give", "find",
    "think", "tell", "become", "show", "leave", "feel", "put", "bring",
    "begin", "keep", "hold", "write", "stand", "hear", "let", "mean", "set",
    "meet", "run", "pay", "sit", "speak", "lie", "lead", "read", "grow",
    "lose", "fall", "send", "build", "understand", "draw", "break", "spend",
    "cut", "rise", "drive", "buy", "wear", "choose", "seek", "throw", "catch",
    "deal", "win", "raise", "reduce", "expand", "boost", "harm", "protect",
    "threaten", "improve", "increase", "decline", "recover", "rebound",
    "surge", "slump", "negotiate", "sign", "ratify", "impose", "lift", "ease",
    "don't", "isn't", "can't", "won't", "very", "extremely", "somewhat",
    "may", "could", "might", "should", "must", "never", "without", NULL};

static uint64_t rs;
static uint64_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return rs;
}
static double unif(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

#define NSYN 60000
static char syn[NSYN][14];

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: gencorpus MEGABYTES [SEED]\n");
    return 2;
  }
  double mb = atof(argv[1]);
  rs = argc > 2 ? strtoull(argv[2], NULL, 10) * 2654435761u + 88172645463325252ULL
                : 88172645463325252ULL;
  size_t nreal = 0;
  while (kWords[nreal]) nreal++;
  static const char *const syl[] = {"ka", "ro", "tel", "man", "vi", "sto",
                                    "pre", "gen", "lo", "dra", "mi", "nus",
                                    "qua", "ber", "ti", "zon", "ell", "ar"};
  for (int i = 0; i < NSYN; i++) {
    int n = 2 + (int)(rnd() % 3);
    syn[i][0] = '\0';
    for (int k = 0; k < n; k++) strcat(syn[i], syl[rnd() % 18]);
    if (rnd() % 4 == 0) strcat(syn[i], rnd() % 2 ? "s" : "ing");
  }
  /* Zipf over ranks: real words first, then the generated tail. */
  size_t V = nreal + NSYN;
  double *cdf = malloc(V * sizeof *cdf), z = 0;
  for (size_t i = 0; i < V; i++) z += 1.0 / (double)(i + 2);
  double acc = 0;
  for (size_t i = 0; i < V; i++) cdf[i] = (acc += 1.0 / (double)(i + 2) / z);
  double limit = mb * 1e6, written = 0;
  char line[1 << 16];
  for (unsigned long doc = 1; written < limit; doc++) {
    int len = snprintf(line, sizeof line, "d%lu\t", doc);
    int ns = 3 + (int)(rnd() % 6);
    for (int s = 0; s < ns; s++) {
      int nw = 6 + (int)(rnd() % 33);
      for (int w = 0; w < nw; w++) {
        double u = unif();
        size_t lo = 0, hi = V - 1;
        while (lo < hi) {
          size_t mid = (lo + hi) / 2;
          if (cdf[mid] < u) lo = mid + 1;
          else hi = mid;
        }
        const char *word = lo < nreal ? kWords[lo] : syn[lo - nreal];
        char buf[32];
        snprintf(buf, sizeof buf, "%s", word);
        if (w == 0 && buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 32);
        len += snprintf(line + len, sizeof line - (size_t)len, "%s%s", buf,
                        w + 1 == nw ? "" : (rnd() % 11 == 0 ? ", " : " "));
      }
      len += snprintf(line + len, sizeof line - (size_t)len, "%s",
                      rnd() % 15 == 0 ? "? " : ". ");
    }
    line[len - 1] = '\n';
    fwrite(line, 1, (size_t)len, stdout);
    written += len;
  }
  free(cdf);
  return ferror(stdout) ? 1 : 0;
}
