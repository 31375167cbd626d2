# Shared settings for the CLI cases (sourced first by tests/cli/run.sh).
#
# LEX: a fixed fixture lexicon instead of the embedded defaults, so golden
# bytes do not change when lexicons/ grows.
LEX="--no-default-lexicons --lexicon tests/fixtures/lexicons/stance.tsv"
FX=tests/fixtures/input

# UPDATE_GOLDEN=1 sh tests/cli/run.sh rewrites the golden files that already
# exist from the current output (review the diff before keeping it); cases
# without golden files are still only checked for their exit status.
if [ -n "$UPDATE_GOLDEN" ]; then
  check() {
    name=$1; want=$2; shift 3
    "$@" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    case $name in
      seed-default-signs) ;;  # written by hand: the expected signs
      *)
        [ -f "$G/$name.out" ] && cp "$T/out" "$G/$name.out"
        [ -f "$G/$name.err" ] && cp "$T/err" "$G/$name.err" ;;
    esac
    if [ "$got" -eq "$want" ]; then echo "ok $name (golden updated)"
    else echo "# $name: status $got, want $want"; echo "not ok $name"; fi
  }
fi

# usage_err COMMAND...: for usage errors, print the first line of standard
# error and the first word of the second ("usage:"), so the goldens do not
# repeat the whole usage text (no-args.err holds it once); complains if
# anything went to standard output; keeps the command's exit status.
usage_err() {
  "$@" >"$T/u.out" 2>"$T/u.err"
  s=$?
  [ -s "$T/u.out" ] && echo "(standard output not empty)"
  sed -n '1p;2s/ .*//p' "$T/u.err"
  return $s
}

# expect NAME STATUS 'STDERR' -- command...: the exit status and the whole
# standard error (one line, given inline; stdin from /dev/null).
expect() {
  name=$1; want=$2; wanterr=$3; shift 4
  "$@" >"$T/out" 2>"$T/err" </dev/null
  got=$?
  ok=1
  [ "$got" -eq "$want" ] || { echo "# $name: status $got, want $want"; ok=0; }
  # valgrind's own lines (a process that ends in _exit from a signal
  # handler leaves its memory allocated) are not the command's
  grep -v '^==[0-9]*==' "$T/err" > "$T/err.own"; mv "$T/err.own" "$T/err"
  printf '%s\n' "$wanterr" | cmp -s - "$T/err" || {
    echo "# $name: stderr differs"; echo "#   want: $wanterr"; sed -n '1,3s/^/#   got:  /p' "$T/err"; ok=0; }
  if [ $ok = 1 ]; then echo "ok $name"; else echo "not ok $name"; fi
}
