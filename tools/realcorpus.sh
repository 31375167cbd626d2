#!/bin/sh
# Lines of real writing for the benchmarks, built from ../shared at bench
# time (the texts belong to their publishers: never copied into the
# project).  One document per line: the stance-real articles' paragraphs
# (their header lines left out) and the four VADER human-rated sentence
# sets, interleaved line by line so that any prefix mixes all five
# sources, repeated until the output holds MEGABYTES MB (whole lines).
#   tools/realcorpus.sh SHARED MEGABYTES > FILE
export LC_ALL=C
SHARED=${1:-../shared}
MB=${2:-1}
REAL=$SHARED/data/stance-real/corpora
VADER=$SHARED/data/vader
[ -d "$REAL" ] && [ -d "$VADER" ] || { echo "realcorpus: $REAL or $VADER not found" >&2; exit 2; }
# the article paragraphs: after each file's header (up to its first
# blank line), indentation dropped, blank lines dropped
articles() {
  for f in "$REAL"/*.txt; do
    awk 'body { sub(/^[ \t]+/, ""); if ($0 != "") print; next } /^[ \t\r]*$/ { body = 1 }' "$f"
  done
}
{
  articles | sed 's/^/0\t/'
  n=1
  for f in tweets nytEditorialSnippets movieReviewSnippets amazonReviewSnippets; do
    cut -f3 "$VADER/${f}_GroundTruth.txt" | tr -d '\r' | awk -v s=$n '$0 != "" { print s "\t" $0 }'
    n=$((n + 1))
  done
} | awk -F'\t' -v want=$((MB * 1000000)) '
  { i = $1; t = substr($0, length(i) + 2); line[i, cnt[i]++] = t; if (i + 1 > ns) ns = i + 1 }
  END {
    max = 0; for (s = 0; s < ns; s++) if (cnt[s] > max) max = cnt[s]
    out = 0
    do {
      for (k = 0; k < max; k++)
        for (s = 0; s < ns; s++)
          if (k < cnt[s]) {
            print line[s, k]
            if ((out += length(line[s, k]) + 1) >= want) exit
          }
    } while (1)
  }'
