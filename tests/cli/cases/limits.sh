# Cost linear in the input, and imported data checked as TSV is (issue 16,
# item 11).  100,000 identical globs took 20-40 s in `lexicon check`
# (every entry compared with every earlier one of its stem, every glob's
# breadth worked out from scratch) and a .dicx of 20,000 categories 11-20 s
# and 400-660 MB in `score` (a linear theme lookup per entry, a quadratic
# duplicate check of the header, and every category resampled 2,000 times
# per speaker); both now take about a second.  Linearity is checked by
# counting instructions (callgrind: the same count on every run), never by
# timing; the time bounds below only catch a run that never ends.  Sizes
# shrink under valgrind.
L="$T/limits"; mkdir -p "$L"
if [ -n "$VALGRIND" ]; then NGLOB=2000; NCAT=400; else NGLOB=200000; NCAT=20000; fi
awk -v n=$NGLOB 'BEGIN { for (i = 0; i < n; i++) print "a*\tmultilateralism\ttarget\t1" }' > "$L/globs.tsv"
# limited LIMIT_NAME SECONDS -- command: fails when it takes longer
limited() {
  name=$1; secs=$2; shift 3
  timeout "$secs" "$@" >"$L/$name.out" 2>"$L/$name.err" </dev/null
  got=$?
  if [ "$got" -eq 124 ]; then echo "# $name: not done after ${secs}s"; echo "not ok $name"
  elif [ "$got" -ne 0 ]; then echo "# $name: status $got"; head -3 "$L/$name.err" | sed 's/^/# /'; echo "not ok $name"
  else echo "ok $name"; fi
}
limited lexicon-check-many-globs 60 -- $BIN lexicon check "$L/globs.tsv"
check lexicon-check-many-globs-counts 0 -- sh -c "tail -1 '$L/lexicon-check-many-globs.out' | sed 's/$NGLOB entries/N entries/; s/$((NGLOB * 2 - 1)) warnings/2N-1 warnings/'"
# dicx FILE N [all]: a .dicx of N categories, word0 ... word49 each in
# every 50th and 'wto' in three; with "all", 'wto' in every category and
# 'trade' in every other (thousands of senses of one pattern)
dicx() {
  awk -v n="$2" -v all="$3" 'BEGIN {
      printf "DicTerm"; for (i = 0; i < n; i++) printf ",C%d", i; print ""
      for (r = 0; r < 50; r++) { printf "word%d", r; for (i = 0; i < n; i++) printf ",%s", (i % 50 == r ? "X" : ""); print "" }
      printf "wto"; for (i = 0; i < n; i++) printf ",%s", (all || i < 3 ? "X" : ""); print ""
      if (all) { printf "trade"; for (i = 0; i < n; i++) printf ",%s", (i % 2 ? "X" : ""); print "" }
  }' > "$1"
}
dicx "$L/cats.dicx" $NCAT
limited dicx-many-categories 60 -- $BIN score --no-default-lexicons --lexicon "$L/cats.dicx" \
  corpora/cafta-3.0-global-times-2025-11-02.txt
D="$L/dicx-many-categories.out"
check dicx-many-categories-rows 0 -- sh -c "test \$(wc -l < '$D') -eq \$(( $NCAT * \$(cut -d, -f2 '$D' | sed 1d | sort -u | wc -l) + 1 )) \
  && grep -q '^cafta-3.0-global-times-2025-11-02,author,,c0,' '$D' && echo a row per speaker and category"
# instructions ir INPUT... : what `lexstance ARGS` executes, by callgrind
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null $BUILD/lexstance "$@" 2>&1 >/dev/null |
  sed -n 's/.*refs: *//p' | tr -d ,; }
# the same inputs 1x and 8x: a linear cost grows about 8 times (a little
# less: start-up is fixed), a quadratic one about 64 times
case "$BUILD" in *asan*|*fuzz*) CG=;; *) CG=$(command -v valgrind);; esac
if [ -n "$CG" ] && [ -z "$VALGRIND" ]; then
  for n in 1000 8000; do
    awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) print "wto\tmultilateralism\ttarget\t1" }' > "$L/wto$n.tsv"
    awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) print "a*\tmultilateralism\ttarget\t1" }' > "$L/glob$n.tsv"
    dicx "$L/c$n.dicx" $n
    dicx "$L/all$n.dicx" $n all
  done
  printf 'The WTO is good.\n' > "$L/one.txt"
  # one sentence of many quoted theme terms: each pair of quotes looked
  # for its segment's cues among all the sentence's matches (quadratic;
  # 16,000 pairs cost 23 times what 2,000 did)
  for n in 2000 16000; do
    awk -v n=$n 'BEGIN { printf "Critics call the"; for (i = 0; i < n; i++) printf " \"tariffs\" unfair,"; print " they said." }' > "$L/quotes$n.txt"
  done
  # one sentence of many frames of its own speaker, after their view or
  # before it: each frame walked the sentence and marked its view again
  # (8x the frames cost 21 and 19 times the instructions)
  for n in 1000 8000; do
    awk -v n=$n 'BEGIN { printf "Okafor said the WTO is good"; for (i = 1; i < n; i++) printf "; Okafor said the WTO is good"; print "." }' > "$L/own$n.txt"
    awk -v n=$n 'BEGIN { printf "Tariffs are bad"; for (i = 0; i < n; i++) printf ", said Okafor, tariffs are bad"; print "." }' > "$L/inverted$n.txt"
  done
  # growth NAME ARGS-FOR-1x -- ARGS-FOR-8x: passes when 8x the input costs
  # under 10x the instructions
  growth() {
    name=$1; shift
    a=""; b=""
    while [ "$1" != "--" ]; do a="$a $1"; shift; done; shift
    i1=$(ir $a); i8=$(ir "$@")
    if [ -n "$i1" ] && [ -n "$i8" ] && [ $((i8 * 10)) -lt $((i1 * 100)) ]; then echo "ok $name"
    else echo "# $name: $i1 instructions for 1x, $i8 for 8x"; echo "not ok $name"; fi
  }
  growth lexicon-check-same-stem-linear lexicon check "$L/wto1000.tsv" -- lexicon check "$L/wto8000.tsv"
  growth dicx-categories-linear score --no-default-lexicons --lexicon "$L/c1000.dicx" "$L/one.txt" \
    -- score --no-default-lexicons --lexicon "$L/c8000.dicx" "$L/one.txt"
  growth lexicon-check-word-in-all-categories-linear lexicon check "$L/all1000.dicx" \
    -- lexicon check "$L/all8000.dicx"
  growth scare-quotes-in-one-sentence-linear score "$L/quotes2000.txt" -- score "$L/quotes16000.txt"
  growth own-frames-in-one-sentence-linear score --unit speaker "$L/own1000.txt" -- score --unit speaker "$L/own8000.txt"
  growth inverted-frames-in-one-sentence-linear score --unit speaker "$L/inverted1000.txt" \
    -- score --unit speaker "$L/inverted8000.txt"
  # a glob's breadth is worked out once per prefix: at most 150,000
  # instructions per further entry (it was 1.3 million, every time)
  g1=$(ir lexicon check "$L/glob1000.tsv"); g8=$(ir lexicon check "$L/glob8000.tsv")
  if [ -n "$g1" ] && [ $(( (g8 - g1) / 7000 )) -lt 150000 ]; then echo "ok lexicon-check-glob-cost"
  else echo "# lexicon-check-glob-cost: $g1 and $g8 instructions"; echo "not ok lexicon-check-glob-cost"; fi
else
  echo "# skip lexicon-check-same-stem-linear, dicx-categories-linear, lexicon-check-word-in-all-categories-linear, scare-quotes-in-one-sentence-linear, own-frames-in-one-sentence-linear, inverted-frames-in-one-sentence-linear, lexicon-check-glob-cost (no valgrind, or a sanitized build)"
fi
# a header that names a category twice: the first repeat, by name
printf 'DicTerm,A,B,C,B,A\nwto,X,,,,\n' > "$L/dup.dicx"
expect dicx-duplicate-category 1 "lexstance: $L/dup.dicx:1: category 'B' appears twice in the header" -- \
  $BIN score --no-default-lexicons --lexicon "$L/dup.dicx" $FX/article.txt
# imported weights beyond [-1, 1] are clamped, and said so
printf 'DicTerm,Pos,Neg,Tone\nwto,1e308,,\ntariff*,,-2,\ngood,0.5,,3\n' > "$L/weights.dicx"
check dicx-weight-clamped 0 -- sh -c "$BIN score --no-default-lexicons --lexicon '$L/weights.dicx' --map Tone=sentiment:+ --bootstrap 0 $FX/article.txt 2>&1 >/dev/null | sed 's|$L|L|'"
printf 'good\t1.9\t0.5\t[1]\nsuperb\t1e308\t1\t[1]\nawful\t-7\t1\t[1]\n' > "$L/vader_lexicon.txt"
check vader-mean-clamped 0 -- sh -c "$BIN score $LEX --lexicon '$L/vader_lexicon.txt' --bootstrap 0 $FX/article.txt 2>&1 >/dev/null | sed 's|$L|L|'"
# "\u0000" would cut an id or a speaker short: an error naming file and line
printf '{"id":"a","text":"The WTO is good."}\n{"id":"a\\u0000b","text":"The WTO is good."}\n' > "$L/nul-id.jsonl"
expect jsonl-nul-id 1 "lexstance: $L/nul-id.jsonl:2: NUL character in \"id\"" -- $BIN score $LEX --input jsonl "$L/nul-id.jsonl"
printf '{"id":"a","speaker":"Anna\\u0000 Lee","text":"The WTO is good."}\n' > "$L/nul-speaker.jsonl"
expect jsonl-nul-speaker 1 "lexstance: $L/nul-speaker.jsonl:1: NUL character in \"speaker\"" -- $BIN score $LEX --input jsonl "$L/nul-speaker.jsonl"
printf 'a\000b\tThe WTO is good.\n' > "$L/nul-id.tsv"
expect tsv-nul-id 1 "lexstance: $L/nul-id.tsv:1: NUL byte in the id column" -- $BIN score $LEX --input tsv "$L/nul-id.tsv"
