# What analysts met first (issue "Where analysts work"): each of these was
# wrong or silent before.

# A reader that closes the pipe early (`| head`) ends the run quietly with
# the status a closed pipe gives (141: killed by SIGPIPE), leaving no
# temporary file beside -o or --partial.
check broken-pipe-quiet 0 -- sh -c "i=0; while [ \$i -lt 3000 ]; do \
  echo \"d\$i	The WTO is good and tariffs are bad.\"; i=\$((i+1)); done > $T/pipe.tsv; \
  ($BIN score $LEX --input tsv --partial $T/pipe.part $T/pipe.tsv 2>$T/pipe.err; \
   echo status \$? > $T/pipe.st) | head -c 100 > /dev/null; \
  cat $T/pipe.st; echo stderr:; cat $T/pipe.err; ls $T | grep -c 'pipe\\.part'; true"

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
