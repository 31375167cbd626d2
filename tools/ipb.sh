#!/bin/sh
# make bench-ipb: instructions per byte of `score --input lines --unit doc
# -j 1` on a fixed real sample -- the first 200 KB (whole lines) of
# tools/realcorpus.sh's lines -- counted by callgrind, which no neighbour
# on a shared machine disturbs.  Three runs: empty input (start-up), the
# sample, the sample twice; the second copy's cost per byte is the steady
# state (every word already stemmed and cached), the first's includes
# first sight of its words.  Speed commits quote the steady figure.
#   tools/ipb.sh BUILD SHARED
BUILD=${1:-build}
SHARED=${2:-../shared}
BIN=$BUILD/lexstance
[ -x "$BIN" ] || { echo "bench-ipb: build $BIN first"; exit 1; }
command -v valgrind >/dev/null || { echo "bench-ipb: valgrind not found"; exit 1; }
if ! [ -d "$SHARED/data/stance-real/corpora" ] || ! [ -d "$SHARED/data/vader" ]; then
  echo "bench-ipb: $SHARED/data/stance-real or $SHARED/data/vader not found; skipped"
  exit 0
fi
S1=$BUILD/ipb-sample.txt S2=$BUILD/ipb-sample2.txt S0=$BUILD/ipb-empty.txt
sh tools/realcorpus.sh "$SHARED" 1 | head -c 204800 | sed '$d' > "$S1" || exit 1
cat "$S1" "$S1" > "$S2"
: > "$S0"
BYTES=$(wc -c < "$S1")
# ir FILE: the instructions callgrind counts for the command on FILE
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$BUILD/ipb.cg" \
    "$BIN" score --input lines --unit doc -j 1 ${IPB_ARGS:-} "$1" 2>&1 >/dev/null |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
I0=$(ir "$S0") I1=$(ir "$S1") I2=$(ir "$S2")
echo "instructions per byte, callgrind, score --input lines --unit doc -j 1 ${IPB_ARGS:-}on"
echo "$S1 ($BYTES bytes, $(wc -l < "$S1") lines; sha256 $(sha256sum < "$S1" | cut -c1-12)):"
awk -v i0="$I0" -v i1="$I1" -v i2="$I2" -v b="$BYTES" 'BEGIN {
  printf "  steady (the sample'"'"'s second copy): %.1f\n", (i2 - i1) / b
  printf "  first copy (every word new):        %.1f\n", (i1 - i0) / b
  printf "  start-up (empty input):             %d instructions\n", i0 }'
