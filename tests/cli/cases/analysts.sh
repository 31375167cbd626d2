# What analysts met first (issue "Where analysts work"): each of these was
# wrong or silent before.

# A reader that closes the pipe early (`| head`) ends the run quietly with
# the status a closed pipe gives (141: killed by SIGPIPE; valgrind says so
# in "==" lines), leaving no temporary file beside --partial.
check broken-pipe-quiet 0 -- sh -c "i=0; while [ \$i -lt 3000 ]; do \
  echo \"d\$i	The WTO is good and tariffs are bad.\"; i=\$((i+1)); done > $T/pipe.tsv; \
  ($BIN score $LEX --input tsv --partial $T/pipe.part $T/pipe.tsv 2>$T/pipe.err; \
   echo status \$? > $T/pipe.st) | head -c 100 > /dev/null; \
  cat $T/pipe.st; echo stderr:; grep -v '^==' $T/pipe.err; ls $T | grep -c 'pipe\\.part'; true"

# explain --speaker with a name the inputs do not have: an error listing
# the speakers there are (it printed nothing and exited 0); a speaker's
# name is matched without regard to case.
check explain-unknown-speaker 2 -- $BIN explain $LEX --speaker Nobody $FX/article.txt
check explain-speaker-case 0 -- $BIN explain $LEX --speaker 'maria lopez' $FX/article.txt

# Lexicons carry their language ("# language: NAME"): English lexicons
# stemmed by the German stemmer gave "Die WTO ist wichtig" multilateralism
# -0.45 ("die" is an English decay word).  Another --language with only
# the embedded (English) lexicons is a usage error; German lexicons stand
# in for them; a file declaring another language than --language is one.
check language-mismatch 2 -- sh -c "echo 'Die WTO ist wichtig.' | $BIN score --language german -"
check language-own-lexicon 0 -- sh -c "echo 'Die WTO ist wichtig. Zölle sind nicht wichtig.' | \
  $BIN score --language de --lexicon tests/fixtures/lexicons/de.tsv --unit sentence -"
check language-declared-other 2 -- $BIN score --no-default-lexicons \
  --lexicon tests/fixtures/lexicons/de.tsv $FX/article.txt
check language-check-defaults 2 -- $BIN lexicon check --with-defaults --language german \
  tests/fixtures/lexicons/de.tsv
check language-unknown 0 -- sh -c "printf '# language: klingon\nwto\tm\ttarget\t1\n' > $T/kl.tsv; \
  $BIN score --no-default-lexicons --lexicon $T/kl.tsv $FX/article.txt 2>$T/e; \
  echo status \$?; sed 's|$T/||' $T/e"

# The bootstrap seed depends on the speaker, not on the file name:
# renaming an article changed its rows' intervals.  (compare --by article:
# the first three columns name the article.)
check seed-not-file-name 0 -- sh -c "cp $FX/article.txt $T/renamed.txt; \
  $BIN score $LEX --bootstrap 500 $FX/article.txt | cut -d, -f2- > $T/seed-a; \
  $BIN score $LEX --bootstrap 500 $T/renamed.txt | cut -d, -f2- > $T/seed-b; \
  cmp $T/seed-a $T/seed-b && echo same rows; \
  $BIN compare $LEX --bootstrap 500 --by article -o $T/seed-ca $FX/article.txt > /dev/null; \
  $BIN compare $LEX --bootstrap 500 --by article -o $T/seed-cb $T/renamed.txt > /dev/null; \
  for f in speakers comparison differences; do cut -d, -f4- $T/seed-ca/\$f.csv > $T/x1; \
    cut -d, -f4- $T/seed-cb/\$f.csv > $T/x2; cmp $T/x1 $T/x2 && echo same \$f.csv intervals; done"

# The wording of "cannot be told apart" follows the rule that decides it
# (interval excludes 0 AND p < 1 - level): a degenerate interval that
# excludes 0 beside a high p said "the interval includes 0".
check interval-wording 0 -- sh -c "$BIN compare $LEX --bootstrap 300 -o $T/iw $FX/article.txt \
  | grep -e 'told apart' -e '^- '; grep -o 'no &mdash;[^<]*' $T/iw/report.html | sort | uniq -c; \
  grep -o '<p>[^<]*told apart[^<]*</p>' $T/iw/report.html; \
  printf 'The WTO is good. The WTO is bad. The WTO is good. The WTO is bad. The WTO is very good.\\n\\n\
Maria Lopez, trade minister of Chile\\n\\nThe WTO is good. The WTO is bad. The WTO is very bad. \
The WTO is good.\\n' > $T/mixed.txt; $BIN compare $LEX --bootstrap 300 -o $T/iw2 $T/mixed.txt | grep '^- '"

# (Owned by the attribution issue, checked here too.)  compare pools no
# "author" across articles: each article's writer is a row of its own.
check compare-writers-apart 0 -- sh -c "printf 'By Ann Lee\\n\\nThe WTO is good. Tariffs are bad.\\n' > $T/w1.txt; \
  printf 'By Bo Ray\\n\\nThe WTO is bad. Tariffs are good.\\n' > $T/w2.txt; \
  $BIN compare $LEX --bootstrap 10 -o $T/wcmp $T/w1.txt $T/w2.txt > /dev/null && \
  cut -d, -f1-5 $T/wcmp/comparison.csv"
# A JSON Lines record holding an article: "Jane Doe" and the later "Doe"
# are one speaker.
check jsonl-article-one-speaker 0 -- sh -c "$BIN score $LEX --input jsonl --unit speaker \
  --bootstrap 0 $FX/jane-doe.jsonl | cut -d, -f1-2 | sort -u"
