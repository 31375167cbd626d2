# lexicon check / coverage: the command line (the checks themselves are
# tests/unit/test_lexcheck.c).  Usage errors exit 2, a missing file 3.
D=tests/fixtures/dicts
check lexicon-check-no-file 2 -- usage_err $BIN lexicon check
check lexicon-check-bogus 2 -- usage_err $BIN lexicon check --bogus $D/eq.tsv
check lexicon-check-bad-map 2 -- usage_err $BIN lexicon check --map posemo $D/eq.dic
check lexicon-check-bad-format 2 -- usage_err $BIN lexicon check --lexicon-format xls $D/eq.dic
check lexicon-check-top 2 -- usage_err $BIN lexicon check --top 3 $D/eq.dic
check lexicon-unknown-sub 2 -- usage_err $BIN lexicon frobnicate
check lexicon-no-sub 2 -- usage_err $BIN lexicon
check lexicon-check-language 2 -- $BIN lexicon check --language klingon $D/eq.tsv
check lexicon-check-map-file-missing 3 -- $BIN lexicon check --map-file $D/nope.tsv $D/eq.dic
check lexicon-check-help 0 -- sh -c "$BIN lexicon check --help | sed -n 1p"
check lexicon-coverage-no-corpus 2 -- usage_err $BIN lexicon coverage $D/cov.tsv
check lexicon-coverage-top 2 -- usage_err $BIN lexicon coverage --top x --corpus $D/corpus.txt
check lexicon-coverage-input 2 -- usage_err $BIN lexicon coverage --input xml --corpus $D/corpus.txt
check lexicon-coverage-with-defaults 2 -- \
  usage_err $BIN lexicon coverage --with-defaults --corpus $D/corpus.txt
# --corpus takes one file (repeatable) and the operands are the lexicons,
# in any order: the dictionary after --corpus, as the help shows it, is a
# lexicon (it was read as a second corpus).  Mapped categories; one table
# to standard output with --table.
check lexicon-coverage-corpus-operands 0 -- sh -c "$BIN lexicon coverage --no-default-lexicons \
  --map-file $D/th.map --corpus $D/corpus.txt $D/th.tsv $D/th.yml --table entries | grep -a 'tariff'"
check lexicon-coverage-any-order 0 -- sh -c "$BIN lexicon coverage --no-default-lexicons \
  $D/th.tsv --table entries --map-file $D/th.map $D/th.yml --corpus $D/corpus.txt \
  | grep -a 'tariff' | cmp - $G/lexicon-coverage-corpus-operands.out && echo same table"
# -o DIR: one CSV file per table, each a header and its rows.
check lexicon-coverage-dir 0 -- sh -c "$BIN lexicon coverage --no-default-lexicons \
  --corpus $D/corpus.txt --corpus $D/corpus.txt -o $T/cov $D/cov.tsv && ls $T/cov && \
  for f in $T/cov/*.csv; do sed -n 1p \$f; done"
check lexicon-coverage-no-output 2 -- usage_err $BIN lexicon coverage --corpus $D/corpus.txt $D/cov.tsv
check lexicon-coverage-bad-table 2 -- usage_err $BIN lexicon coverage --corpus $D/corpus.txt --table hits
check lexicon-check-map-options 0 -- $BIN lexicon check --map posemo=sentiment:+ \
  --map=negemo=sentiment:- $D/check-b.dic
# A dictionary's warnings while scoring: the first three, then a count.
check lexicon-warnings-while-scoring 0 -- $BIN score --no-default-lexicons \
  --lexicon tests/fixtures/lexicons/stance.tsv --lexicon $D/emoticons_vader.txt $FX/article.txt
# A --map-file line with blanks between the category and the tab: the
# target is the rest of the line (it was measured from the trimmed
# category, so it took one byte more per blank, past the end of the
# buffer on a last line; found by tests/fuzz/fuzz_map.c)
printf 'trade \tmultilateralism:-\nposemo  \tsentiment:+' > "$T/blank-before-tab.map"
printf '%%\n1\ttrade\n2\tposemo\n%%\nwto\t1\ngood\t2\n' > "$T/blank-before-tab.dic"
check map-file-blank-before-tab 0 -- $BIN score --no-default-lexicons --lexicon "$T/blank-before-tab.dic" \
  --map-file "$T/blank-before-tab.map" --bootstrap 0 --unit doc $FX/article.txt
