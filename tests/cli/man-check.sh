#!/bin/sh
# Checks man/lexstance.1 against the program: every option each command's
# --help lists is named in that command's section of the man page and
# defined (a .TP entry) somewhere in it, and every column of every output
# header is named in a .B/.BR/.IB line.  Prints what is missing; exit 1
# if anything is.
#   sh tests/cli/man-check.sh "BIN" FIXTURE_DIR
BIN=$1
FX=$2
MAN=man/lexstance.1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
missing=0

# The text of one command's section: from ".SS NAME" to the next heading.
section() {
  awk -v s=".SS $1" '$0 == s { on = 1; next } /^\.S[SH] / { on = 0 } on' "$MAN"
}
# The lines that define options: the one after each .TP.
awk 'prev == ".TP" { print } { prev = $0 }' "$MAN" > "$T/defs"
# Every name the man page sets in bold or bold-italic (macro arguments).
grep -E '^\.(B|BR|BI|IB|RB) ' "$MAN" | sed 's/\\f[RBI]//g' | tr -s ' ,"()' '\n' > "$T/bold"

for cmd in score compare explain merge speakers kwic validate "lexicon check" "lexicon coverage"; do
  $BIN $cmd --help > "$T/help" || { echo "$cmd --help failed"; missing=1; continue; }
  section "$cmd" > "$T/sec"
  [ -s "$T/sec" ] || { echo "no section '.SS $cmd'"; missing=1; continue; }
  # the synopsis column of the option lines: long options only
  for opt in $(grep -E '^  -' "$T/help" | cut -c1-25 | grep -oE -- '--[a-z][a-z-]*'); do
    grep -qE -- "(^|[^a-z-])$opt([^a-z-]|$)" "$T/sec" ||
      { echo "$cmd: $opt not in its man section"; missing=1; }
    grep -qE -- "(^|[^a-z-])$opt([^a-z-]|$)" "$T/defs" ||
      { echo "$cmd: $opt has no .TP entry"; missing=1; }
  done
done

# Columns: the header of every output, theme-named columns of
# comparison.csv reduced to their suffix ("multilateralism_stance" ->
# "_stance", documented as THEME_stance).
$BIN score --no-default-lexicons --lexicon tests/fixtures/lexicons/stance.tsv \
  "$FX/article.txt" | sed -n 1p > "$T/headers"
$BIN speakers "$FX/article.txt" | sed -n 1p >> "$T/headers"
$BIN speakers --sentences "$FX/article.txt" | sed -n 1p >> "$T/headers"
$BIN compare --bootstrap 5 -o "$T/r" "$FX/article.txt" > /dev/null
for f in "$T"/r/*.csv; do sed -n 1p "$f"; done >> "$T/headers"
$BIN validate --mode alone --format csv --errors "$T/errors.csv" \
  tests/eval/stance-dev.tsv 2>/dev/null | sed -n 1p >> "$T/headers"
sed -n 1p "$T/errors.csv" >> "$T/headers"
$BIN lexicon coverage --no-default-lexicons --corpus tests/fixtures/dicts/corpus.txt \
  -o "$T/cov" tests/fixtures/dicts/cov.tsv
for f in "$T"/cov/*.csv; do sed -n 1p "$f"; done >> "$T/headers"
$BIN kwic --no-default-lexicons --lexicon tests/fixtures/lexicons/stance.tsv wto "$FX/article.txt" \
  | sed -n 1p >> "$T/headers"
# columns of modes the fixtures do not run: --categories, VADER
echo "doc,speaker,category,count,percent,neg,neu,pos,compound" >> "$T/headers"
for col in $(tr -d '\r' < "$T/headers" | tr ',' '\n' | sort -u); do
  case $col in
    multilateralism_*|us_protectionism_*|global_south_*)
      col=_${col#multilateralism_}; col=${col#_us_protectionism}; col=${col#_global_south}
      grep -qx -- "$col" "$T/bold" || { echo "column THEME$col not in the man page"; missing=1; }
      continue ;;
  esac
  grep -qx -- "$col" "$T/bold" || { echo "column $col not in the man page"; missing=1; }
done
exit $missing
