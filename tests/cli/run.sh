#!/bin/sh
# CLI golden tests.  Each case runs build/lexstance and compares stdout,
# stderr and the exit status with files in tests/cli/golden/.
# Prints "ok NAME" or "not ok NAME" per case.
BUILD=${BUILD:-build}
BIN="$VALGRIND $BUILD/lexstance"
G=tests/cli/golden
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# check NAME EXPECTED_STATUS -- command...   (stdin from /dev/null)
check() {
  name=$1; want=$2; shift 3
  "$@" >"$T/out" 2>"$T/err" </dev/null
  got=$?
  ok=1
  [ "$got" -eq "$want" ] || { echo "# $name: status $got, want $want"; ok=0; }
  if [ -f "$G/$name.out" ]; then
    cmp -s "$T/out" "$G/$name.out" || { echo "# $name: stdout differs"; diff "$G/$name.out" "$T/out" | head -10 | sed 's/^/# /'; ok=0; }
  fi
  if [ -f "$G/$name.err" ]; then
    cmp -s "$T/err" "$G/$name.err" || { echo "# $name: stderr differs"; diff "$G/$name.err" "$T/err" | head -5 | sed 's/^/# /'; ok=0; }
  fi
  if [ $ok = 1 ]; then echo "ok $name"; else echo "not ok $name"; fi
}

for f in tests/cli/cases/*.sh; do
  [ -f "$f" ] || continue
  . "$f"
done
