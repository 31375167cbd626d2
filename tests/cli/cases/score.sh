# score: exact output bytes with the fixture lexicon.

check score-tsv-doc 0 -- $BIN score $LEX --input tsv --unit doc $FX/docs.tsv
check score-tsv-stdin 0 -- sh -c "$BIN score $LEX --input tsv - < $FX/docs.tsv"
check score-lines 0 -- $BIN score $LEX --input lines --unit doc $FX/docs.tsv
check score-sentence 0 -- $BIN score $LEX --unit sentence $FX/article.txt
check score-speaker 0 -- $BIN score $LEX --unit speaker $FX/article.txt
check score-no-attribution 0 -- $BIN score $LEX --no-attribution $FX/article.txt
check score-md 0 -- $BIN score $LEX --format md $FX/article.txt
check score-jsonl 0 -- $BIN score $LEX --input jsonl --format jsonl $FX/docs.jsonl
# -o writes the same bytes to the file and nothing to standard output.
check score-output-file 0 -- sh -c "$BIN score $LEX --input tsv --unit doc -o $T/score.csv $FX/docs.tsv \
  && cmp $T/score.csv $G/score-tsv-doc.out && echo same bytes as score-tsv-doc"
# --unit speaker finds the same speakers in a JSONL record holding an
# article as in the article's own file (issue 15).
check score-jsonl-article-speakers 0 -- sh -c "$BIN score $LEX --unit speaker $FX/article.txt > $T/a.csv \
  && $BIN score $LEX --input jsonl --unit speaker $FX/article.jsonl > $T/b.csv \
  && cmp $T/a.csv $T/b.csv && echo same rows && cut -d, -f2 $T/b.csv | sort -u"
# Records with their speaker, and the map step's statistics: the jobs API
# gives these bytes too (tests/unit/test_job.c).
check score-jsonl-csv 0 -- $BIN score $LEX --input jsonl $FX/docs.jsonl
check score-jsonl-partial 0 -- $BIN score $LEX --input jsonl --partial - $FX/docs.jsonl
check score-tsv-partial 0 -- $BIN score $LEX --input tsv --partial - $FX/docs.tsv
# ... and a record holding an article, one document when no --unit says
# speaker: one row per theme, no speakers found.
check score-jsonl-article-doc 0 -- $BIN score $LEX --input jsonl $FX/article.jsonl
# A view with no theme term ("Critics say the movie is terrible"): its
# holder still gets a per-speaker row (the held part of the tokens), though
# doc and sentence rows skip seeking holders where no theme is named
# (issue 19).
check score-tone-view-holder 0 -- sh -c "printf 'Critics say the movie is terrible.\n' \
  | $BIN score --input lines --unit speaker --no-attribution -"
