# Where outputs go: paths, modes, signals (issue 16, items 3 and 8-10).
O="$T/outputs"; mkdir -p "$O"
ABS_BIN="$VALGRIND $(pwd)/$BUILD/lexstance"
ABS_LEX="--no-default-lexicons --lexicon $(pwd)/tests/fixtures/lexicons/stance.tsv"
# masked COMMAND...: its output (and standard error) with the test
# directory written as O, so goldens do not hold temporary paths
masked() { "$@" >"$T/m.out" 2>&1; s=$?; sed "s|$O|O|g" "$T/m.out"; return $s; }
SC="$BIN score $LEX --bootstrap 0 --input tsv"

# -o F --partial F would lose the rows: a usage error, however it is spelled
check partial-same-file 2 -- masked usage_err $SC -o "$O/x.csv" --partial "$O/x.csv" $FX/docs.tsv
check partial-same-file-spelled-otherwise 2 -- masked usage_err $SC -o "$O/x.csv" --partial "$O/../outputs/./x.csv" $FX/docs.tsv
check partial-same-file-nothing-written 0 -- sh -c "ls '$O' | wc -l"
check partial-both-stdout 2 -- usage_err $SC -o - --partial - $FX/docs.tsv
# --partial - goes to standard output; with -o F the rows go to F
$SC --partial "$O/p.part" -o "$O/rows.csv" $FX/docs.tsv 2>/dev/null
check partial-dash-to-stdout 0 -- sh -c "$SC -o '$O/rows2.csv' --partial - $FX/docs.tsv | cmp - '$O/p.part' \
  && cmp '$O/rows.csv' '$O/rows2.csv' && echo same bytes"
check partial-dash-alone-replaces-rows 0 -- sh -c "$SC --partial - $FX/docs.tsv | cmp - '$O/p.part' && echo same bytes"

# A new file follows the umask; a replaced file keeps its mode
check umask-077-private-file 0 -- sh -c "umask 077; $SC -o '$O/private.csv' $FX/docs.tsv && stat -c %a '$O/private.csv'"
check umask-002-group-file 0 -- sh -c "umask 002; $SC -o '$O/group.csv' $FX/docs.tsv && stat -c %a '$O/group.csv'"
check replaced-file-keeps-mode 0 -- sh -c "umask 022; chmod 600 '$O/private.csv'; $SC -o '$O/private.csv' $FX/docs.tsv \
  && stat -c %a '$O/private.csv'"
check report-dir-follows-umask 0 -- sh -c "umask 077; $BIN compare $LEX --bootstrap 0 -o '$O/rep077' $FX/article.txt >/dev/null \
  && stat -c %a '$O/rep077' '$O/rep077/comparison.csv' '$O/rep077/report.html'"
check report-dir-keeps-modes 0 -- sh -c "umask 022; chmod 750 '$O/rep077'; chmod 640 '$O/rep077/evidence.csv'; \
  $BIN compare $LEX --bootstrap 0 -o '$O/rep077' $FX/article.txt >/dev/null \
  && stat -c %a '$O/rep077' '$O/rep077/evidence.csv' '$O/rep077/speakers.csv'"

# compare -o "" is a usage error; an article named '...txt' does not put
# its report into reports/.. (the current directory)
check compare-empty-output 2 -- usage_err $BIN compare -o "" $FX/article.txt
mkdir -p "$O/cwd"; cp $FX/article.txt "$O/cwd/...txt"
check compare-dot-dot-name 0 -- sh -c "cd '$O/cwd' && $ABS_BIN compare $ABS_LEX --bootstrap 0 '...txt' >/dev/null \
  && ls -A . reports"
# a report directory that holds other files is not replaced
mkdir -p "$O/notes"; echo "my notes" > "$O/notes/notes.txt"
expect compare-foreign-files 3 "lexstance: $O/notes: holds 'notes.txt', which is not part of the report; not replacing the directory (write the report to a new or empty one)" -- \
  sh -c "$BIN compare $LEX --bootstrap 0 -o '$O/notes' $FX/article.txt"
check compare-foreign-files-kept 0 -- sh -c "ls -A '$O/notes' && cat '$O/notes/notes.txt'"
# a report directory that is a symbolic link: the link stays, its target
# gets the report
mkdir -p "$O/store/r"; ln -s store/r "$O/link"
check compare-symlinked-dir 0 -- sh -c "$BIN compare $LEX --bootstrap 0 -o '$O/link' $FX/article.txt >/dev/null \
  && test -L '$O/link' && cd '$O' && ls store store/r"

# A file-size limit (ulimit -f): exit 3, the old report kept, no temporary
$BIN compare $LEX --bootstrap 0 -o "$O/fsize" $FX/article.txt >/dev/null 2>&1
cp -rp "$O/fsize" "$O/fsize.orig"
expect file-size-limit 3 "lexstance: $O/fsize/evidence.csv: write failed: File too large" -- \
  sh -c "ulimit -f 4; exec $BIN compare $LEX --bootstrap 0 -o '$O/fsize' corpora/cafta-3.0-global-times-2025-11-02.txt >/dev/null"
check file-size-limit-old-kept 0 -- sh -c "diff -r '$O/fsize.orig' '$O/fsize' && ls -A '$O' | grep -c '\\.tmp\\.'; true"
