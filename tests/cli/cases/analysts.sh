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
