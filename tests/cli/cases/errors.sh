# Failures: exit status, one-line message, and no partial or clobbered files.

# Bad lexicon data: exit 1, "lexstance: FILE:LINE: message".
check lexicon-bad-role 1 -- $BIN score --no-default-lexicons \
  --lexicon tests/fixtures/lexicons/bad-role.tsv $FX/article.txt
check lexicon-bad-fields 1 -- $BIN score --no-default-lexicons \
  --lexicon tests/fixtures/lexicons/bad-fields.tsv $FX/article.txt
check lexicon-missing 3 -- $BIN score --no-default-lexicons \
  --lexicon tests/fixtures/lexicons/no-such.tsv $FX/article.txt

# Bad input: exit 3 for I/O, exit 1 for data, naming file and line.
check input-missing 3 -- $BIN score $LEX $FX/no-such.txt
check tsv-without-tab 1 -- $BIN score $LEX --input tsv $FX/notab.tsv
check jsonl-invalid 1 -- $BIN score $LEX --input jsonl $FX/badjson.jsonl

# Write errors: exit 3 with a message.
check stdout-full 3 -- sh -c "$BIN score $LEX --input tsv $FX/docs.tsv > /dev/full"
check output-dir-missing 3 -- $BIN score $LEX --input tsv -o /nonexistent-dir/x.csv $FX/docs.tsv

# A failed run never leaves a partial -o file ...
check failed-run-no-output-file 0 -- sh -c "$BIN score $LEX --input tsv -o $T/new.csv \
  $FX/docs.tsv $FX/notab.tsv 2>/dev/null; echo status \$?; \
  ls $T | grep -c '^new\\.csv' ; true"
# ... even after more than 64 KiB of rows were already written out ...
check failed-big-run-no-output-file 0 -- sh -c "i=0; while [ \$i -lt 3000 ]; do \
  echo \"d\$i	The WTO is good and tariffs are bad.\"; i=\$((i+1)); done > $T/big.tsv; \
  echo 'no tab here' >> $T/big.tsv; \
  $BIN score $LEX --input tsv -o $T/big.csv $T/big.tsv 2>/dev/null; echo status \$?; \
  ls $T | grep -c '^big\\.csv' ; true"
# ... and never clobbers an existing one.
check failed-run-keeps-old-file 0 -- sh -c "echo old report > $T/keep.csv; \
  $BIN score $LEX --input tsv -o $T/keep.csv $FX/docs.tsv $FX/notab.tsv 2>/dev/null; \
  echo status \$?; cat $T/keep.csv; ls $T | grep -c '^keep\\.csv'"
check failed-compare-no-reports 0 -- sh -c "$BIN compare $LEX -o $T/cmp-fail \
  $FX/article.txt $FX/no-such.txt >/dev/null 2>&1; echo status \$?; \
  ls $T/cmp-fail 2>/dev/null | grep -c csv; true"
