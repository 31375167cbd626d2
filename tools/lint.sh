#!/bin/sh
# make lint: cppcheck and the clang static analyzer over src/ and tools/.
# Every finding fails, except those documented in tools/lint.supp (clang
# analyzer: FILE CHECKER, with the reason) and the inline
# "cppcheck-suppress" comments (each says why).  Usage:
#   sh tools/lint.sh [JOBS]
JOBS=${1:-2}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
status=0
FILES="src/*.c tools/*.c"
DEFS="-std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc"

# cppcheck: errors, warnings, style, portability, performance.
# shellcheck disable=SC2086
cppcheck --quiet --std=c11 --enable=style,portability,performance --inline-suppr \
  --error-exitcode=0 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
  --template='{file}:{line}: cppcheck {severity}: {message} [{id}]' $FILES 2> "$T/cppcheck"
grep '\[' "$T/cppcheck" > "$T/cppcheck.found"
if [ -s "$T/cppcheck.found" ]; then cat "$T/cppcheck.found"; status=1; fi

# clang --analyze, one file per job; "FILE:LINE:COL: warning: MSG [CHECKER]".
# shellcheck disable=SC2086
ls $FILES | xargs -P "$JOBS" -I{} sh -c \
  "clang --analyze $DEFS -o /dev/null {} 2>&1 | grep ': warning: ' > \"$T/\$(echo {} | tr / _).an\"; true"
cat "$T"/*.an 2>/dev/null | sort -u > "$T/analyzer"
# drop the documented false positives: "FILE CHECKER" lines of lint.supp
grep -v '^#' tools/lint.supp | awk 'NF >= 2 { print $1 ":[0-9]*:[0-9]*: warning: .*\\[" $2 "\\]$" }' \
  > "$T/supp.re"
if [ -s "$T/supp.re" ]; then grep -v -f "$T/supp.re" "$T/analyzer" > "$T/analyzer.left"
else cp "$T/analyzer" "$T/analyzer.left"; fi
if [ -s "$T/analyzer.left" ]; then cat "$T/analyzer.left"; status=1; fi

n1=$(wc -l < "$T/cppcheck.found"); n2=$(wc -l < "$T/analyzer.left")
n3=$(($(wc -l < "$T/analyzer") - n2))
echo "lint: cppcheck $n1 findings, clang --analyze $n2 findings ($n3 suppressed in tools/lint.supp)"
exit $status
