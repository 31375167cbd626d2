#!/bin/sh
# Runs every cmocka binary given as argument and the CLI golden tests, and
# ends with one line "N passed, N failed" (exit status: failures > 0).
# VALGRIND, if set, prefixes every test command.
BUILD=${BUILD:-build}
passed=0
failed=0
for t in "$@"; do
  out=$(CMOCKA_MESSAGE_OUTPUT=stdout $VALGRIND "$t" 2>&1)
  status=$?
  printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR|SKIPPED) \]|^\[  FAILED|Test failed|error:' | sed "s|^|$(basename "$t"): |"
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "$(basename "$t"): exited with status $status"
    f=1
  fi
  passed=$((passed + p)); failed=$((failed + f))
done
# CLI golden tests and the installed library's tests (tests/api/run.sh):
# each prints "ok NAME" or "not ok NAME".
for suite in cli api; do
  [ $suite = cli ] && [ -n "$SKIP_CLI" ] && continue
  [ $suite = api ] && [ -n "$SKIP_API" ] && continue
  out=$(BUILD="$BUILD" VALGRIND="$VALGRIND" sh tests/$suite/run.sh 2>&1)
  printf '%s\n' "$out" | grep -v '^ok '
  p=$(printf '%s\n' "$out" | grep -c '^ok ')
  f=$(printf '%s\n' "$out" | grep -c '^not ok ')
  passed=$((passed + p)); failed=$((failed + f))
done
# The language bindings against the command line (skipped, with a note,
# where python3/pandas, R or Dask are missing).
if [ -z "$SKIP_BINDINGS" ]; then
  out=$(BUILD="$BUILD" VALGRIND="$VALGRIND" sh tests/bindings/run.sh 2>&1)
  printf '%s\n' "$out" | grep -v '^ok '
  p=$(printf '%s\n' "$out" | grep -c '^ok ')
  f=$(printf '%s\n' "$out" | grep -c '^not ok ')
  passed=$((passed + p)); failed=$((failed + f))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
