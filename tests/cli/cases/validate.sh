# lexstance validate: figures on an invented fixture worked by hand
# (tests/fixtures/validate/README.md), label errors, missing sentences and
# articles, usage errors.
VD=tests/fixtures/validate
VOPT="$LEX --skip-header"
# vtmp COMMAND...: runs it with the temporary directory shown as $T in its
# standard error, so that messages naming generated files stay the same.
vtmp() { "$@" 2>"$T/v.err"; s=$?; sed "s|$T|\$T|g" "$T/v.err" >&2; return $s; }

# The hand-worked figures, both modes, with attribution and speaker signs.
check validate-fixture 0 -- $BIN validate $VOPT --speaker-labels $VD/speakers.tsv $VD/labels.tsv
# The same labels as RFC 4180 CSV give the same figures.
check validate-fixture-csv-labels 0 -- sh -c "$BIN validate $VOPT --speaker-labels $VD/speakers.tsv \
  $VD/labels.csv | sed 1d; $BIN validate $VOPT --speaker-labels $VD/speakers.tsv $VD/labels.tsv \
  | sed 1d > $T/tsv.out; $BIN validate $VOPT --speaker-labels $VD/speakers.tsv $VD/labels.csv \
  | sed 1d | cmp - $T/tsv.out && echo same as TSV"
check validate-format-csv 0 -- $BIN validate $VOPT --format csv --mode context \
  --speaker-labels $VD/speakers.tsv --dead-zone 0.1 $VD/labels.tsv
check validate-errors-file 0 -- sh -c "$BIN validate $VOPT --errors $T/errors.csv $VD/labels.tsv \
  >/dev/null && cat $T/errors.csv"
check validate-split-odd 0 -- $BIN validate $VOPT --split odd --mode context $VD/labels.tsv
check validate-files 0 -- sh -c "$BIN validate $VOPT --files '02-*' --format csv $VD/labels.tsv \
  | grep ',rows,'"
# Without --skip-header the header block is scored too; the rows are found.
check validate-with-header 0 -- sh -c "$BIN validate $LEX --mode context --format csv $VD/labels.tsv \
  | grep -E ',(rows|rows_not_found|macro_f1),'"
# stance-dev style: id/text columns, NA for absent, no articles: alone only.
printf 'id\ttext\tmultilateralism\tus_protectionism\tglobal_south\trule\ns1\tThe WTO is good.\t1\tNA\tNA\tx\ns2\tTariffs are bad.\tNA\t-1\tNA\ty\n' > "$T/dev.tsv"
check validate-dev-style 0 -- vtmp sh -c "$BIN validate $LEX --format csv $T/dev.tsv | grep -E 'macro_f1,|^context'"

# A sentence not in its article, and an article that does not exist: each
# listed on standard error, counted, and in the errors file.
check validate-missing 0 -- sh -c "$BIN validate $VOPT --mode context --errors $T/miss.csv \
  $VD/labels-missing.tsv | sed -n '3,4p'; grep -E 'not-found|no-article' $T/miss.csv"

# Malformed labels: exit 1, "lexstance: FILE:LINE: message".
H='file\tsentence\tmultilateralism\n'
printf "$H"'a.txt\tThe WTO is good.\t1\nb.txt\tThe WTO.\n' > "$T/fields.tsv"
check validate-bad-fields 1 -- vtmp $BIN validate $LEX "$T/fields.tsv"
printf "$H"'a.txt\tThe WTO is good.\t1\na.txt\tThe WTO is bad.\tyes\n' > "$T/value.tsv"
check validate-bad-value 1 -- vtmp $BIN validate $LEX "$T/value.tsv"
printf 'file\tmultilateralism\na.txt\t1\n' > "$T/nosentence.tsv"
check validate-no-sentence-column 1 -- vtmp $BIN validate $LEX "$T/nosentence.tsv"
printf 'file\tsentence\tmood\na.txt\tThe WTO.\t1\n' > "$T/notheme.tsv"
check validate-no-theme-column 1 -- vtmp $BIN validate $LEX "$T/notheme.tsv"
printf "$H"'a.txt\tThe WTO is \377good.\t1\n' > "$T/utf8.tsv"
check validate-bad-utf8 1 -- vtmp $BIN validate $LEX "$T/utf8.tsv"
printf "$H"'a.txt\t  \t1\n' > "$T/empty.tsv"
check validate-empty-sentence 1 -- vtmp $BIN validate $LEX "$T/empty.tsv"
printf 'file,sentence,multilateralism\r\na.txt,"The WTO, \r\nin two lines",1\r\nb.txt,"unclosed,1\r\n' > "$T/quote.csv"
check validate-csv-unclosed-quote 1 -- vtmp $BIN validate $LEX "$T/quote.csv"
printf 'file,sentence,multilateralism,sentence\na.txt,x,1,y\n' > "$T/twice.csv"
check validate-column-twice 1 -- vtmp $BIN validate $LEX "$T/twice.csv"
: > "$T/nothing.tsv"
check validate-empty-file 1 -- vtmp $BIN validate $LEX "$T/nothing.tsv"
printf 'file\tspeaker\tmultilateralism\n01-harbour.txt\tauthor\t2\n' > "$T/spk.tsv"
check validate-bad-speaker-label 1 -- vtmp $BIN validate $VOPT --speaker-labels "$T/spk.tsv" $VD/labels.tsv
printf 'sentence\tmultilateralism\nThe WTO is good.\t1\n' > "$T/nofile.tsv"
check validate-context-needs-file 1 -- vtmp $BIN validate $LEX --mode context "$T/nofile.tsv"
printf "$H"'harbour.txt\tThe WTO is good.\t1\n' > "$T/nonumber.tsv"
check validate-split-needs-number 1 -- vtmp $BIN validate $LEX --split odd "$T/nonumber.tsv"
check validate-labels-missing 3 -- $BIN validate $LEX $VD/no-such.tsv
check validate-articles-missing 3 -- vtmp $BIN validate $LEX --mode context --articles $T/none $VD/labels.tsv

# Usage errors: exit 2.
check validate-no-labels 2 -- usage_err $BIN validate $LEX
check validate-two-labels 2 -- usage_err $BIN validate $LEX $VD/labels.tsv $VD/labels.tsv
check validate-mode-bogus 2 -- usage_err $BIN validate --mode sideways $VD/labels.tsv
check validate-split-bogus 2 -- usage_err $BIN validate --split thirds $VD/labels.tsv
check validate-option-bogus 2 -- usage_err $BIN validate --unit doc $VD/labels.tsv
check validate-help 0 -- sh -c "$BIN validate --help | sed -n 1p"
# The baselines of tools/eval.c and the threshold sweep (README of the fixture).
check validate-baselines-sweep 0 -- sh -c "$BIN validate $VOPT --mode alone --baselines --sweep \
  --format csv $VD/labels.tsv | grep -E 'baseline|at_0.(00|40|45)'"
# A sentence that is not found is listed without its control characters.
printf 'file\tsentence\tmultilateralism\n01-harbour.txt\tThe WTO \033[2J\033]0;pwned\007 is gone.\t1\n' > "$T/hostile.tsv"
check validate-missing-hostile 0 -- vtmp sh -c "$BIN validate $LEX --mode context --articles $VD/corpora \
  --format csv $T/hostile.tsv | grep rows_not_found"
# A labelled span over two tool sentences, and one inside a longer one.
printf 'file\tsentence\tmultilateralism\tus_protectionism\n01-harbour.txt\tThe WTO is good for small ports. The talks in Geneva were calm on Tuesday.\t1\t\n01-harbour.txt\tTariffs are bad for the harbour,\t\t-1\n' > "$T/spans.tsv"
check validate-split-and-inside 0 -- sh -c "$BIN validate $LEX --skip-header --mode context \
  --articles $VD/corpora --format csv $T/spans.tsv | grep -E 'rows_(split|inside)|macro_f1,'"
