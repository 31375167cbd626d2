#!/bin/sh
# The library as a program outside the source tree sees it: `make install`
# to a temporary prefix, then, with only that prefix's header, libraries
# and lexstance.pc:
#   - tests/api/api_test.c, built with `pkg-config --cflags --libs`;
#   - the README's library example, built exactly as the README shows, and
#     its output compared with the README's;
#   - the same example statically (`pkg-config --static`), which needs a
#     complete Libs.private;
#   - the shared library exports the functions lexstance.h declares and
#     nothing else, and neither library calls exit, _exit, abort or
#     sigaction/signal (nm).
# Prints "ok NAME" or "not ok NAME" per check, as tests/cli/run.sh.
# API_CFLAGS (the build's sanitizer flags) are added to every compile.
BUILD=${BUILD:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
P=$T/prefix

result() {  # result NAME STATUS [LOGFILE]
  if [ "$2" -eq 0 ]; then echo "ok $1"; else
    echo "not ok $1"; [ -n "$3" ] && sed 's/^/# /' "$3" | head -20; fi
}

${MAKE:-make} --no-print-directory -s install BUILD="$BUILD" PREFIX="$P" >"$T/log" 2>&1
result api-install $? "$T/log" || exit 0
[ -f "$P/lib/liblexstance.so" ] || { echo "not ok api-install (no liblexstance.so)"; exit 0; }
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
CFLAGS_API=$(pkg-config --cflags lexstance)
LIBS_API=$(pkg-config --libs lexstance)

# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -pedantic $API_CFLAGS $CFLAGS_API -o "$T/api_test" \
  tests/api/api_test.c $LIBS_API -lm >"$T/log" 2>&1
result api-build $? "$T/log"
if [ -x "$T/api_test" ]; then
  LD_LIBRARY_PATH="$P/lib" $VALGRIND "$T/api_test"
  result api-test-exit $?
fi

# The README's example: the first C block after "## Library", then the
# first plain block after it (its output).
awk '/^## Library/ { on = 1 } on && /^```c$/ { c = 1; next } c && /^```$/ { exit } c' README.md \
  > "$T/example.c"
awk '/^## Library/ { on = 1 } on && /^```c$/ { c = 1 } c && /^```$/ { n++; if (n == 2) o = 1; else if (n == 3) exit; next } o' \
  README.md > "$T/example.want"
# shellcheck disable=SC2086
cc $API_CFLAGS -o "$T/example" "$T/example.c" $(pkg-config --cflags --libs lexstance) >"$T/log" 2>&1
result api-readme-example-builds $? "$T/log"
LD_LIBRARY_PATH="$P/lib" $VALGRIND "$T/example" >"$T/example.out" 2>"$T/log"
s=$?
[ $s -eq 0 ] && cmp -s "$T/example.out" "$T/example.want" || { diff "$T/example.want" "$T/example.out" >>"$T/log"; s=1; }
result api-readme-example-output $s "$T/log"
case "$API_CFLAGS" in
  *sanitize*) echo "# skip api-static (sanitizers do not link statically)" ;;
  *)
    # shellcheck disable=SC2086
    cc -static -o "$T/example-static" "$T/example.c" \
      $(pkg-config --static --cflags --libs lexstance) >"$T/log" 2>&1 &&
      "$T/example-static" | cmp -s - "$T/example.want"
    result api-static $? "$T/log" ;;
esac

# Exports: exactly the functions the installed header declares.
sed -n 's/^LXS_API [^(]*[ *]\(lxs_[a-z0-9_]*\)(.*/\1/p' "$P/include/lexstance.h" | sort > "$T/declared"
nm -D --defined-only "$P/lib/liblexstance.so" | awk '{ print $3 }' | sort > "$T/exported"
cmp -s "$T/declared" "$T/exported" || diff "$T/declared" "$T/exported" > "$T/log"
result api-exports-only-the-header $? "$T/log"
[ -s "$T/declared" ]
result api-header-declares-functions $?

# The library never ends the process nor handles signals (the CLI does:
# src/reportset.c).
nm -u "$P/lib/liblexstance.a" 2>/dev/null | awk '{ print $2 }' > "$T/undef"
nm -D --undefined-only "$P/lib/liblexstance.so" | awk '{ print $2 }' | sed 's/@.*//' >> "$T/undef"
grep -xE 'exit|_exit|_Exit|abort|sigaction|signal|raise|kill' "$T/undef" | sort -u > "$T/log"
[ ! -s "$T/log" ]
result api-no-exit-abort-signal $? "$T/log"
