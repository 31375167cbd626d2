# Command line: help, usage errors (exit 2).

# --help goes to standard output, nothing to standard error, exit 0.
check help 0 -- $BIN --help
check help-first-line 0 -- sh -c "$BIN --help | sed -n 1p"
check score-help 0 -- $BIN score --help
check version 0 -- sh -c "v=\$(sed -n 's/^#define LXS_VERSION \"\\(.*\\)\"/\\1/p' include/lexstance.h); \
  [ \"\$($BIN --version)\" = \"lexstance \$v\" ] && echo matches LXS_VERSION"

# No arguments: usage on standard error, exit 2.
check no-args 2 -- $BIN
check unknown-command 2 -- usage_err $BIN bogus
check unknown-option 2 -- usage_err $BIN score --bogus
check unknown-short-option 2 -- usage_err $BIN score -x
check unit-bogus 2 -- usage_err $BIN score --unit bogus $FX/article.txt
check format-bogus 2 -- usage_err $BIN score --format xml $FX/article.txt
check input-bogus 2 -- usage_err $BIN score --input xlsx $FX/article.txt
check option-missing-argument 2 -- usage_err $BIN score --unit
check compare-no-article 2 -- usage_err $BIN compare $LEX

# One option table per command: an option another command takes is a
# usage error here, named as such.
check merge-theme 2 -- usage_err $BIN merge --theme x /dev/null
check merge-color 2 -- usage_err $BIN merge --color /dev/null
check speakers-jobs 2 -- usage_err $BIN speakers -j 2 $FX/article.txt
check explain-output 2 -- usage_err $BIN explain -o x $FX/article.txt
check compare-unit 2 -- usage_err $BIN compare --unit doc $FX/article.txt
check merge-help 0 -- $BIN merge --help

# The man page names every option of every command's --help (in that
# command's section, with a .TP entry) and every output column.
check man-page-complete 0 -- sh tests/cli/man-check.sh "$BIN" $FX
