#!/bin/sh
# make bench: throughput, scaling and memory of lexstance on two corpora --
# a generated English corpus, and lines of real writing built from
# ../shared (tools/realcorpus.sh) -- each compared with `wc -w` on the
# same file in the same run; then VADER mode, and instructions per byte.
#   tools/bench.sh BUILD MEGABYTES SHARED
BUILD=${1:-build}
MB=${2:-200}
SHARED=${3:-../shared}
BIN=$BUILD/lexstance
TIME=/usr/bin/time

[ -x "$BIN" ] || { echo "bench: build $BIN first"; exit 1; }

# Timings on a shared virtual machine drift by a factor of two within
# minutes, so every configuration is run once per round, back to back, and
# rounds are repeated: the ratios (speed against wc -w, -j 2 against -j 1,
# big against small input) are the medians of the per-round ratios, which
# compare runs made under the same conditions; MB/s are from the best run.
ROUNDS=${BENCH_ROUNDS:-7}
: > "$BUILD/bench-empty.txt"
: > "$BUILD/bench.summary"
# run NAME CMD...: one timed run; sets last_NAME, keeps best_NAME/mem_NAME
run() {
  name=$1; shift
  $TIME -f "%e %M" -o "$BUILD/bench.time" "$@" >/dev/null 2>"$BUILD/bench.err" || { cat "$BUILD/bench.err"; exit 1; }
  read -r s m < "$BUILD/bench.time"
  eval "last_$name=$s; old=\${best_$name:-}"
  if [ -z "$old" ] || [ "$(awk -v a="$s" -v b="$old" 'BEGIN{print (a < b)}')" = 1 ]; then
    eval "best_$name=$s; mem_$name=$m"
  fi
}
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# bench_corpus NAME FILE INPUT: the rounds, the table and the ratios for
# one corpus read as --input INPUT; one line of the closing summary.
bench_corpus() {
  NAME=$1 CORPUS=$2 INPUT=$3
  SCORE="score --input $INPUT --unit doc -o /dev/null"
  SMALL=$BUILD/bench-small-$NAME.txt
  BYTES=$(wc -c < "$CORPUS")
  WORDS=$(wc -w < "$CORPUS")
  DOCS=$(wc -l < "$CORPUS")
  head -c $((BYTES / 10)) "$CORPUS" | sed '$d' > "$SMALL"
  SBYTES=$(wc -c < "$SMALL")
  unset best_empty best_wc best_j1 best_j2 best_small
  echo
  echo "== $NAME: $CORPUS ($BYTES bytes, $WORDS words, $DOCS lines); $ROUNDS rounds"
  echo "   $BIN $SCORE -j 1|2"
  : > "$BUILD/bench.ratios"
  r=0
  while [ $r -lt "$ROUNDS" ]; do
    run empty "$BIN" $SCORE -j 1 "$BUILD/bench-empty.txt"
    run wc wc -w "$CORPUS"
    run j1 "$BIN" $SCORE -j 1 "$CORPUS"
    run j2 "$BIN" $SCORE -j 2 "$CORPUS"
    run small "$BIN" $SCORE -j 1 "$SMALL"
    awk -v wc="$last_wc" -v j1="$last_j1" -v j2="$last_j2" -v js="$last_small" -v j0="$last_empty" \
      'BEGIN { printf "%f %f %f\n", wc / j1, j1 / j2, (j1 - j0) / (js - j0) }' >> "$BUILD/bench.ratios"
    printf '  round %d: wc -w %ss, -j 1 %ss, -j 2 %ss, small %ss\n' $((r + 1)) "$last_wc" "$last_j1" "$last_j2" "$last_small"
    r=$((r + 1))
  done
  WC=$best_wc J1=$best_j1 J2=$best_j2
  printf '%-34s %8s %10s %14s %10s\n' "command (best run)" "seconds" "MB/s" "tokens/s" "peak KB"
  printf '%-34s %8s %10s %14s %10s\n' "wc -w" "$WC" "$(rate "$BYTES" "$WC")" "$(awk -v w="$WORDS" -v s="$WC" 'BEGIN{printf "%.0f", w/s}')" "-"
  printf '%-34s %8s %10s %14s %10s\n' "lexstance score -j 1" "$J1" "$(rate "$BYTES" "$J1")" "$(awk -v w="$WORDS" -v s="$J1" 'BEGIN{printf "%.0f", w/s}')" "$mem_j1"
  printf '%-34s %8s %10s %14s %10s\n' "lexstance score -j 2" "$J2" "$(rate "$BYTES" "$J2")" "$(awk -v w="$WORDS" -v s="$J2" 'BEGIN{printf "%.0f", w/s}')" "$mem_j2"
  # The same ratios from the best runs (the least disturbed), beside the
  # medians: a 0.3 s run is at the mercy of a neighbour's burst.
  VSWC=$(cut -d' ' -f1 "$BUILD/bench.ratios" | median)
  J2J1=$(cut -d' ' -f2 "$BUILD/bench.ratios" | median)
  echo "speed of -j 1 relative to wc -w: $VSWC (median of rounds; best runs $(ratio "$WC" "$J1"); goal >= 0.5)"
  echo "-j 2 speed-up over -j 1: ${J2J1}x (median of rounds; best runs $(ratio "$J1" "$J2")x; goal >= 1.8)"
  echo "start-up (lexicon load, empty input): $best_empty s"
  echo "linearity: $(awk -v b="$BYTES" -v sb="$SBYTES" 'BEGIN{printf "%.1f", b / sb}')x the input took $(cut -d' ' -f3 "$BUILD/bench.ratios" | median)x the time after start-up (median of rounds; best runs $(awk -v j="$J1" -v s="$best_small" -v e="$best_empty" 'BEGIN { printf "%.2f", (s > e ? (j - e) / (s - e) : 0) }')x; goal: within 10%)"
  # Memory while streaming 1 GB or more: the corpus through a pipe enough
  # times, on all cores (one word cache per thread).
  PEAK=-
  if [ "${BENCH_STREAM:-1}" = 1 ]; then
    REP=$(( (1000000000 + BYTES - 1) / BYTES ))
    $TIME -f "%e %M" -o "$BUILD/bench.time" sh -c "i=0; while [ \$i -lt $REP ]; do cat '$CORPUS'; i=\$((i + 1)); done | '$BIN' $SCORE -" 2>"$BUILD/bench.err" || { cat "$BUILD/bench.err"; exit 1; }
    read -r s PEAK < "$BUILD/bench.time"
    echo "streaming $(awk -v b="$BYTES" -v n="$REP" 'BEGIN{printf "%.1f", n * b / 1e9}') GB from a pipe on all cores: $s s, peak $PEAK KB (goal < 64 MB)"
  fi
  printf '%-10s %10s %10s %10s %12s %12s\n' "$NAME" "$(rate "$BYTES" "$J1")" "$VSWC" "${J2J1}x" "$mem_j1" "$PEAK" >> "$BUILD/bench.summary"
}

CORPUS=$BUILD/bench-corpus-$MB.tsv
if [ ! -s "$CORPUS" ]; then
  echo "bench: generating a $MB MB corpus (tools/gencorpus.c, seed 1)"
  "$BUILD/gencorpus" "$MB" 1 > "$CORPUS" || exit 1
fi
bench_corpus generated "$CORPUS" tsv

# Real writing: one document per line, 8 to 9 times the documents per
# byte of the generated corpus (built here from ../shared, never kept in
# the project).
REALC=$BUILD/bench-real-$MB.txt
if [ -d "$SHARED/data/stance-real/corpora" ] && [ -d "$SHARED/data/vader" ]; then
  [ -s "$REALC" ] || sh tools/realcorpus.sh "$SHARED" "$MB" > "$REALC" || exit 1
  bench_corpus real "$REALC" lines
else
  echo "bench: $SHARED/data/stance-real or $SHARED/data/vader not found; skipping the real-text corpus"
fi

echo
echo "summary (-j 1 MB/s of the best run; ratios are medians of rounds):"
printf '%-10s %10s %10s %10s %12s %12s\n' corpus "-j1 MB/s" "vs wc -w" "-j2/-j1" "peak KB -j1" "peak KB 1GB"
cat "$BUILD/bench.summary"

# VADER mode (issue 5) on the four human-rated sets, repeated to >= 50 MB,
# its scoring loop alone (tools/vader_check.c), and the same loop of a
# Python VADER (tools/vader_ref.py) on one pass of the same lines: the
# reference vaderSentiment when VADER_REF names a checkout of it (it is
# not in Debian), else NLTK's port (python3-nltk) when installed.
echo
if [ -d "$SHARED/data/vader" ] && "$BIN" score --help 2>&1 | grep -q -- '--sentiment'; then
  V=$BUILD/bench-vader.txt
  if [ ! -s "$V" ]; then
    : > "$V"
    while [ "$(wc -c < "$V")" -lt 50000000 ]; do
      for f in "$SHARED"/data/vader/*_GroundTruth.txt; do cut -f3 "$f" | tr -d '\r' >> "$V"; done
    done
  fi
  VB=$(wc -c < "$V"); VL=$(wc -l < "$V")
  if [ -x "$BUILD/vader_check" ]; then
    echo "VADER mode on the four human-rated sets repeated to $VB bytes ($VL sentences):"
    "$BUILD/vader_check" --bench "$V" "$SHARED/data/vader/vader_lexicon.txt" \
      "$SHARED/data/vader/emoji_utf8_lexicon.txt" | tee "$BUILD/bench.vader" | sed 's/^/  /'
  fi
  PY= REFNAME=
  for py in ${PYTHON:-} python3 /usr/bin/python3; do
    if [ -n "${VADER_REF:-}" ]; then
      [ -f "$VADER_REF/vaderSentiment/vaderSentiment.py" ] && "$py" -c '' 2>/dev/null &&
        { PY=$py; REFNAME="the reference vaderSentiment ($VADER_REF)"; break; }
    else
      "$py" -c 'import nltk.sentiment.vader' 2>/dev/null &&
        { PY=$py; REFNAME="NLTK's port of VADER (python3-nltk)"; break; }
    fi
  done
  if [ -n "$PY" ]; then
    V1=$BUILD/bench-vader-1.txt
    for f in "$SHARED"/data/vader/*_GroundTruth.txt; do cut -f3 "$f" | tr -d '\r'; done > "$V1"
    echo "$REFNAME on the same sentences, one pass:"
    VADER_REF=${VADER_REF:-} "$PY" tools/vader_ref.py "$V1" "$SHARED/data/vader/vader_lexicon.txt" |
      tee "$BUILD/bench.vref" | sed 's/^/  /'
    c=$(awk '/^best pass/ { print $3; exit }' "$BUILD/bench.vader")
    p=$(awk '/^best pass/ { print $3; exit }' "$BUILD/bench.vref")
    echo "VADER mode is $(ratio "$c" "$p")x $REFNAME (best passes; the goal is >= 100x the reference)"
  elif [ -n "${VADER_REF:-}" ]; then
    echo "VADER_REF=$VADER_REF holds no vaderSentiment/vaderSentiment.py: no reference timing"
  else
    echo "no Python VADER: set VADER_REF to a vaderSentiment checkout or install python3-nltk"
  fi
else
  echo "bench: $SHARED/data/vader not found or no VADER mode; skipping the VADER benchmark"
fi

# Instructions per byte on a fixed real sample (make bench-ipb).
if command -v valgrind >/dev/null && [ -d "$SHARED/data/vader" ]; then
  echo
  sh tools/ipb.sh "$BUILD" "$SHARED"
fi
