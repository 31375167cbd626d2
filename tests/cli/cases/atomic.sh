# Report sets are committed atomically: after any failure or interruption
# the old set (or no set) is there, never a mix, and no temporary is left.
# Failures are injected with tests/faults/faults.c (LD_PRELOAD), which
# fails the Nth fsync, rename, write or pthread_create of a run.
FAULTS=${FAULTS:-$BUILD/faults.so}
A="$T/atomic"; mkdir -p "$A"
ART=$FX/article.txt
SEED_ART=corpora/cafta-3.0-global-times-2025-11-02.txt
CMP="$BIN compare $LEX --bootstrap 20"
# the sanitized build loads the shim after its runtime
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"; export ASAN_OPTIONS

# leftovers DIR: temporaries in DIR (none is the answer)
leftovers() { ls -a "$1" | grep '\.tmp\.' ; true; }
# the two report sets every run below puts in R: OLD from ART, NEW from SEED_ART
$CMP -o "$A/old" $ART >/dev/null 2>&1
$CMP -o "$A/new" $SEED_ART >/dev/null 2>&1
check atomic-sets-differ 0 -- sh -c "! diff -rq '$A/old' '$A/new' >/dev/null"
# reset: R holds the old set again
reset() { rm -rf "$A/R"; cp -rp "$A/old" "$A/R"; }
# is_set WHICH: R is exactly that set
is_set() { diff -r "$A/$1" "$A/R" >/dev/null 2>&1; }

if [ -f "$FAULTS" ]; then
  # how many calls a successful replacing run makes
  reset; rm -f "$A/log"
  FAULT_LOG="$A/log" LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART >/dev/null 2>&1
  for fn in fsync rename write; do
    calls=$(grep -c "^$fn " "$A/log")
    VAR=FAULT_$(echo $fn | tr a-z A-Z)
    bad=""
    n=1
    while [ $n -le "$calls" ]; do
      reset
      env $VAR=$n LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART >/dev/null 2>"$A/err"
      st=$?
      if [ $st -ne 3 ] || ! is_set old || [ -n "$(leftovers "$A")" ]; then
        bad="$bad $n(status $st$(is_set old || echo ', mixed set')$(leftovers "$A" | tr '\n' ' '))"
      fi
      n=$((n + 1))
    done
    if [ "$calls" -gt 0 ] && [ -z "$bad" ]; then echo "ok atomic-compare-$fn-fails-at-each-call ($calls calls)"
    else echo "# $fn failing at call:$bad (of $calls)"; echo "not ok atomic-compare-$fn-fails-at-each-call"; fi
  done
  # the message names the report and the reason
  reset
  expect atomic-compare-fsync-message 3 "lexstance: $A/R/evidence.csv: write failed: Input/output error" -- \
    env FAULT_FSYNC=3 LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  reset
  expect atomic-compare-full-disk-message 3 "lexstance: $A/R/comparison.csv: write failed: No space left on device" -- \
    env FAULT_WRITE=1 LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  # a report directory on another file system (a mount point) cannot be swapped
  reset
  expect atomic-compare-exdev 3 "lexstance: $A/R: cannot replace: Invalid cross-device link" -- \
    env FAULT_RENAME=1:EXDEV LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  check atomic-compare-exdev-old-kept 0 -- sh -c "diff -r '$A/old' '$A/R' && test -z \"\$(ls -a '$A' | grep '\\.tmp\\.')\""
  # a file system without RENAME_EXCHANGE: the old set steps aside first
  reset
  check atomic-compare-no-exchange 0 -- sh -c "FAULT_RENAME=1:EINVAL LD_PRELOAD=$FAULTS $CMP -o '$A/R' $SEED_ART >/dev/null \
    && diff -r '$A/new' '$A/R' && ls -a '$A' | grep -c '\\.tmp\\.'; true"
  # ... and when its second rename fails, the old set is put back
  reset
  expect atomic-compare-no-exchange-fails 3 "lexstance: $A/R: cannot replace: Input/output error" -- \
    env FAULT_RENAME=1:EINVAL,3:EIO LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  check atomic-compare-no-exchange-fails-old-kept 0 -- sh -c "diff -r '$A/old' '$A/R' && ls -a '$A' | grep -c '\.tmp\.'; true"
  # Ctrl-C during the swap: the signal waits until the swap is done, so
  # the new set is whole; during staging, the old set stays
  reset
  # (a test run started in the background ignores SIGINT, and lexstance
  # leaves an ignored signal ignored, as nohup wants: give it its default)
  expect atomic-sigint-during-swap 130 "lexstance: interrupted after the report was written" -- \
    env --default-signal=INT FAULT_RENAME=1:SIGINT LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  check atomic-sigint-during-swap-new-set 0 -- sh -c "diff -r '$A/new' '$A/R' && ls -a '$A' | grep -c '\\.tmp\\.'; true"
  reset
  expect atomic-sigterm-during-staging 143 "lexstance: interrupted; no report written" -- \
    env FAULT_FSYNC=4:SIGTERM LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  check atomic-sigterm-during-staging-old-set 0 -- sh -c "diff -r '$A/old' '$A/R' && ls -a '$A' | grep -c '\\.tmp\\.'; true"
  # a signal the moment a temporary exists, before anything could track
  # it: the handler still finds and removes it (the staged directory of a
  # set; one output file)
  reset
  expect atomic-sigterm-on-staged-dir 143 "lexstance: interrupted; no report written" -- \
    env FAULT_CREATE=1:SIGTERM LD_PRELOAD=$FAULTS $CMP -o "$A/R" $SEED_ART
  check atomic-sigterm-on-staged-dir-old-set 0 -- sh -c "diff -r '$A/old' '$A/R' && ls -a '$A' | grep -c '\\.tmp\\.'; true"
  mkdir -p "$A/one"
  expect atomic-sigterm-on-temp-file 143 "lexstance: interrupted; no report written" -- \
    env FAULT_CREATE=1:SIGTERM LD_PRELOAD=$FAULTS $BIN score $LEX -o "$A/one/s.csv" $ART
  check atomic-sigterm-on-temp-file-nothing-left 0 -- ls -A "$A/one"
fi

# Two compare runs into one directory at the same time: one set or the
# other, never a mix.
reset
mixes=0; i=0
while [ $i -lt 25 ]; do
  $CMP -o "$A/R" $ART >/dev/null 2>&1 &
  p1=$!
  $CMP -o "$A/R" $SEED_ART >/dev/null 2>&1 &
  p2=$!
  wait $p1; wait $p2
  is_set old || is_set new || mixes=$((mixes + 1))
  i=$((i + 1))
done
if [ $mixes -eq 0 ] && [ -z "$(leftovers "$A")" ]; then echo "ok atomic-concurrent-compare"
else echo "# $mixes of 25 concurrent pairs left a mixed set"; echo "not ok atomic-concurrent-compare"; fi

# score -o F --partial P: both files or neither
if [ -f "$FAULTS" ]; then
  SC="$BIN score $LEX --bootstrap 0 --input tsv"
  printf 'old rows\n' > "$A/rows.csv"; printf 'old partial\n' > "$A/p.part"
  for spec in FAULT_FSYNC=1 FAULT_FSYNC=2 FAULT_RENAME=2 FAULT_WRITE=2; do
    check "atomic-score-pair-$spec" 0 -- sh -c "env $spec LD_PRELOAD=$FAULTS $SC -o '$A/rows.csv' --partial '$A/p.part' $FX/docs.tsv 2>/dev/null; \
      echo \$?; cat '$A/rows.csv' '$A/p.part'; ls '$A' | grep -c '\\.tmp\\.'; true"
  done
  # the first file is swapped, the second fails and so does the swap back:
  # an error that says where the old file is, and that file is kept
  stuck_run() {
    env FAULT_RENAME=2+ LD_PRELOAD=$FAULTS $SC -o "$A/rows.csv" --partial "$A/p.part" \
      $FX/docs.tsv >/dev/null 2>"$A/stuck.err"
    echo "status $?"
    sed "s|$A|A|g; s|tmp\.[A-Za-z0-9]*|tmp.X|" "$A/stuck.err"
  }
  check atomic-score-pair-stuck 0 -- stuck_run
  check atomic-score-pair-stuck-old-kept 0 -- sh -c "cat '$A'/rows.csv.tmp.* '$A/p.part'"
  rm -f "$A"/rows.csv.tmp.*
  # pthread_create failing: fewer threads, the same bytes
  $SC -j 1 $FX/docs.tsv > "$A/j1.csv" 2>/dev/null
  expect atomic-thread-create-fails 0 "lexstance: warning: cannot start thread 3 of 4 (Resource temporarily unavailable); scoring on 2" -- \
    env FAULT_PTHREAD_CREATE=2 LD_PRELOAD=$FAULTS $SC -j 4 -o "$A/j4.csv" $FX/docs.tsv
  check atomic-thread-create-fails-same-bytes 0 -- cmp "$A/j1.csv" "$A/j4.csv"
  expect atomic-no-thread-starts 0 "lexstance: warning: cannot start thread 2 of 3 (Resource temporarily unavailable); scoring on 1" -- \
    env FAULT_PTHREAD_CREATE=1+ LD_PRELOAD=$FAULTS $SC -j 3 -o "$A/j3.csv" $FX/docs.tsv
  check atomic-no-thread-starts-same-bytes 0 -- cmp "$A/j1.csv" "$A/j3.csv"
fi

# Worker threads that normalise non-ASCII words: the same bytes as one
# thread, and (under make asan / make valgrind) nothing leaked when the
# threads end -- a thread-local buffer used to be lost with each.
awk 'BEGIN { for (i = 0; i < 400; i++) printf "n%d\tLa OMC est vitale ; les tarifs nuisent \303\240 l\342\200\231\303\251conomie du Sud global, d\303\251clare M. M\303\274ller %d.\n", i, i }' > "$A/accents.tsv"
$BIN score $LEX --bootstrap 0 --input tsv -j 1 "$A/accents.tsv" > "$A/acc1.csv" 2>&1
check threads-non-ascii-identical 0 -- sh -c "$BIN score $LEX --bootstrap 0 --input tsv -j 2 '$A/accents.tsv' | cmp - '$A/acc1.csv' && wc -l < '$A/acc1.csv'"
