# compare is deterministic: same input and seed give byte-identical reports;
# another seed changes only the interval columns.
$BIN compare --seed 7 -o "$T/det1" corpora/cafta-3.0-global-times-2025-11-02.txt >"$T/det1.md" 2>&1
$BIN compare --seed 7 -o "$T/det2" corpora/cafta-3.0-global-times-2025-11-02.txt >"$T/det2.md" 2>&1
check compare-deterministic 0 -- diff -r "$T/det1" "$T/det2"
$BIN compare --seed 8 -o "$T/det3" corpora/cafta-3.0-global-times-2025-11-02.txt >/dev/null 2>&1
# point estimates (stance, salience, mentions, sentiment) are seed-independent
pick() { awk -F, 'NR>1 { print $2, $4, $5, $6, $7, $8, $9, $10 }' "$1"; }
pick "$T/det1/speakers.csv" > "$T/p1"; pick "$T/det3/speakers.csv" > "$T/p3"
check compare-seed-only-moves-intervals 0 -- cmp "$T/p1" "$T/p3"
# every report file is there
check compare-all-files 0 -- sh -c "cd '$T/det1' && ls comparison.csv comparison.svg differences.csv evidence.csv lexicons.csv report.html speakers.csv"
# partial results merge to the same bytes however the input is sharded
printf 'd1\tThe WTO is a pillar of fair trade.\nd2\tTariffs are a tax on consumers.\nd3\tThe Global South deserves a voice.\nd4\tAggressive tariffs hurt developing countries.\n' > "$T/m.tsv"
$BIN score --input tsv --partial - "$T/m.tsv" > "$T/all.part" 2>/dev/null
head -2 "$T/m.tsv" > "$T/s1.tsv"; tail -2 "$T/m.tsv" > "$T/s2.tsv"
$BIN score --input tsv --partial - "$T/s2.tsv" > "$T/s2.part" 2>/dev/null
$BIN score --input tsv --partial - "$T/s1.tsv" > "$T/s1.part" 2>/dev/null
$BIN merge "$T/all.part" > "$T/merged-all.csv" 2>&1
$BIN merge "$T/s2.part" "$T/s1.part" > "$T/merged-shards.csv" 2>&1
check merge-shards-identical 0 -- cmp "$T/merged-all.csv" "$T/merged-shards.csv"
# threads do not change output
$BIN score --input tsv -j 1 "$T/m.tsv" > "$T/j1.csv" 2>/dev/null
$BIN score --input tsv -j 3 "$T/m.tsv" > "$T/j3.csv" 2>/dev/null
check threads-identical 0 -- cmp "$T/j1.csv" "$T/j3.csv"
# ... over many batches of documents of every length, written in input order
awk 'BEGIN { for (i = 0; i < 700; i++) { printf "m%d\t", i; for (k = 0; k < (i * 37) % 300; k++) printf "%s ", (k % 5 ? "tariffs hurt the WTO" : "but fair trade helps."); printf "\n" } }' > "$T/many.tsv"
$BIN score --input tsv -j 1 "$T/many.tsv" > "$T/many1.csv" 2>/dev/null
$BIN score --input tsv -j 2 "$T/many.tsv" > "$T/many2.csv" 2>/dev/null
$BIN score --input tsv -j 3 "$T/many.tsv" > "$T/many3.csv" 2>/dev/null
check threads-identical-many-batches 0 -- sh -c "cmp '$T/many1.csv' '$T/many2.csv' && cmp '$T/many1.csv' '$T/many3.csv' && test \$(wc -l < '$T/many1.csv') = 2101"
# a malformed record stops the run after the rows of every record before it
{ head -100 "$T/many.tsv"; echo "no tab here"; tail -5 "$T/many.tsv"; } > "$T/bad-late.tsv"
for j in 1 3; do
  $BIN score --input tsv -j $j "$T/bad-late.tsv" > "$T/bad-late$j.csv" 2>"$T/bad-late$j.err"; echo $? >> "$T/bad-late$j.err"
done
check malformed-late-rows-before-it 0 -- sh -c "cmp '$T/bad-late1.csv' '$T/bad-late3.csv' && test \$(wc -l < '$T/bad-late1.csv') = 301 && tail -1 '$T/bad-late1.csv' | grep -q '^m99,' && cmp '$T/bad-late1.err' '$T/bad-late3.err' && tail -1 '$T/bad-late3.err' | grep -qx 1"
# the README's GNU parallel recipe, run locally: several processes, shards
if command -v parallel >/dev/null 2>&1; then
  awk 'BEGIN{for(i=0;i<60;i++) printf "p%d\tThe WTO is %s and tariffs are %s for developing countries.\n", i, (i%3?"vital":"failing"), (i%2?"harmful":"necessary")}' > "$T/par.tsv"
  $BIN score --input tsv --partial - "$T/par.tsv" 2>/dev/null | $BIN merge - > "$T/par-single.csv" 2>&1
  parallel --will-cite --pipe -N 7 -j 4 "$BIN score --input tsv --partial -" < "$T/par.tsv" 2>/dev/null | $BIN merge - > "$T/par-sharded.csv" 2>&1
  check parallel-recipe-identical 0 -- cmp "$T/par-single.csv" "$T/par-sharded.csv"
else
  echo "# skip parallel-recipe-identical (GNU parallel not installed)"
fi
