# compare: report files with the fixture lexicon.

check compare-writes-reports 0 -- sh -c "rm -rf $T/cmp; $BIN compare $LEX -o $T/cmp $FX/article.txt \
  >/dev/null && for f in comparison.csv speakers.csv evidence.csv; do \
  [ -s $T/cmp/\$f ] && echo \$f; done; ls $T/cmp | grep -c 'tmp'; true"
check compare-comparison-csv 0 -- sh -c "$BIN compare $LEX -o $T/cmp $FX/article.txt >/dev/null \
  && cat $T/cmp/comparison.csv"
check compare-speakers-csv 0 -- sh -c "$BIN compare $LEX -o $T/cmp $FX/article.txt >/dev/null \
  && cat $T/cmp/speakers.csv"
check compare-evidence-csv 0 -- sh -c "$BIN compare $LEX -o $T/cmp $FX/article.txt >/dev/null \
  && cat $T/cmp/evidence.csv"
# Every evidence row's byte offsets slice exactly the matched text.
check compare-evidence-offsets 0 -- sh -c "$BIN compare $LEX -o $T/cmp $FX/article.txt >/dev/null \
  && tail -n +2 $T/cmp/evidence.csv | tr -d '\\r' | awk -F, -v f=$FX/article.txt '
    BEGIN { RS = \"\\n\"; while ((getline l < f) > 0) text = text l \"\\n\" }
    { n++; if (substr(text, \$8 + 1, \$9 - \$8) != \$7) { bad++; print \"bad: \" \$0 } }
    END { print n \" rows, \" bad + 0 \" bad\" }'"
# Each article's writer is a row of its own, named by the byline when there
# is one; named people pool across articles by a folded identity key
# ("José Núñez" = "Jose Nunez").
check compare-writers-per-article 0 -- sh -c "$BIN compare $LEX --bootstrap 0 -o $T/cmpw \
  tests/fixtures/articles/levy-oped.txt tests/fixtures/articles/levy-report.txt >/dev/null \
  && cut -d, -f1-5 $T/cmpw/comparison.csv"
