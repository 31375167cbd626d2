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
