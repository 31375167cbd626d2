# Corpora as analysts keep them: CSV (RFC 4180) and TSV with a header
# naming the columns, JSON Lines with metadata keys; --keep carries the
# metadata into every row; --format wide gives one row per unit.

# CSV: quoted fields with commas, doubled quotes and a line break; a blank
# line between records; the metadata columns kept after doc.
check csv-keep 0 -- $BIN score $LEX --input csv --keep outlet,date $FX/corpus.csv
check csv-wide 0 -- $BIN score $LEX --input csv --format wide --keep outlet,date,author $FX/corpus.csv
check csv-md 0 -- $BIN score $LEX --input csv --format md --keep outlet $FX/corpus.csv
check csv-jsonl 0 -- $BIN score $LEX --input csv --format jsonl --keep outlet $FX/corpus.csv
# CRLF line ends and a byte-order mark, the text column named by --text-col,
# the id by --id-col, a header in another case.
check csv-crlf-bom 0 -- sh -c "printf '\\357\\273\\277Key,Body,Year\\r\\nk1,\"The WTO is good.\\r\\nTariffs are bad.\",2020\\r\\n' \
  > $T/crlf.csv && $BIN score $LEX --input csv --text-col body --id-col KEY --keep year --format wide $T/crlf.csv"
# No id column: the id is the line the record starts on.
check csv-no-id 0 -- sh -c "printf 'text\\n\"The WTO\\nis good.\"\\nTariffs are bad.\\n' > $T/noid.csv && \
  $BIN score $LEX --input csv --format wide $T/noid.csv"
# -j 2 gives the same bytes.
check csv-threads 0 -- sh -c "$BIN score $LEX --input csv -j 2 --keep outlet,date $FX/corpus.csv \
  | cmp - $G/csv-keep.out && echo same bytes as csv-keep"

# TSV whose header is doc_id<TAB>text<TAB>source: the header is not a
# document and the third column is not glued into the text.
check tsv-header 0 -- $BIN score $LEX --input tsv $FX/header.tsv
check tsv-header-keep 0 -- $BIN score $LEX --input tsv --keep source --format wide $FX/header.tsv
# JSON Lines: other keys kept (numbers and arrays as written, null and a
# missing key empty).
check jsonl-keep 0 -- $BIN score $LEX --input jsonl --keep outlet,year,tags --format jsonl $FX/meta.jsonl

# One row per speaker of an article: intervals are computed, so the wide
# row has them; kept names become identifiers R and pandas take.
check wide-speaker 0 -- $BIN score $LEX --format wide --bootstrap 200 $FX/article.txt
check wide-names 0 -- sh -c "printf 'id,pub date,2020,class,speaker,text\\na,x,y,z,w,The WTO is good.\\n' \
  > $T/names.csv && $BIN score $LEX --input csv --format wide --keep 'pub date,2020,class,speaker' $T/names.csv"
check wide-merge 0 -- sh -c "$BIN score $LEX --input tsv --partial - $FX/docs.tsv > $T/w.part && \
  $BIN merge --format wide --bootstrap 0 $T/w.part"

# Malformed CSV: exit 1 naming file and line; --on-error skip reads on;
# every record skipped is exit 1.
check csv-malformed 1 -- $BIN score $LEX --input csv $FX/bad.csv
check csv-skip 0 -- $BIN score $LEX --input csv --on-error skip $FX/bad.csv
# (commands on files written here: the status, then standard error with the
# temporary directory left out)
check csv-all-skipped 0 -- sh -c "printf 'id,text\\na,\"x\"y\\nb,1,2\\n' > $T/allbad.csv; \
  $BIN score $LEX --input csv --on-error skip -o $T/allbad.out $T/allbad.csv 2>$T/e; \
  echo status \$?; sed 's|$T/||' $T/e; ls $T | grep -c allbad.out; true"
check jsonl-all-skipped 0 -- sh -c "printf '{\"id\":1}\\nnot json\\n' > $T/allbad.jsonl; \
  $BIN score $LEX --input jsonl --on-error skip $T/allbad.jsonl 2>$T/e >/dev/null; \
  echo status \$?; sed 's|$T/||' $T/e"
check csv-unclosed 0 -- sh -c "printf 'id,text\\na,\"The WTO is good.\\nb,Tariffs.\\n' > $T/open.csv; \
  $BIN score $LEX --input csv $T/open.csv 2>$T/e >/dev/null; echo status \$?; sed 's|$T/||' $T/e"
check csv-no-text-col 0 -- sh -c "printf 'id,body\\na,The WTO.\\n' > $T/nobody.csv; \
  $BIN score $LEX --input csv $T/nobody.csv 2>$T/e >/dev/null; echo status \$?; sed 's|$T/||' $T/e"
check csv-no-keep-col 2 -- $BIN score $LEX --input csv --keep outlet,nosuch $FX/corpus.csv

# A corpus file read as an article: a usage error suggesting --input.
check csv-as-text 2 -- usage_err $BIN score $LEX $FX/corpus.csv
check jsonl-as-text 2 -- usage_err $BIN compare $LEX $FX/meta.jsonl
check csv-as-text-explicit 0 -- sh -c "$BIN score $LEX --input text --unit doc $FX/corpus.csv | sed -n 2p"
# --keep needs a table; --text-col names a column.
check keep-text 2 -- usage_err $BIN score $LEX --keep outlet $FX/article.txt
check keep-empty 2 -- usage_err $BIN score $LEX --input csv --keep outlet,,date $FX/corpus.csv
check keep-categories 2 -- usage_err $BIN score $LEX --input csv --categories --keep outlet $FX/corpus.csv
# A byte-order mark alone on the first line (found by fuzz_input: the
# reader indexed before an empty piece): the header is on the next line.
check csv-bom-line 0 -- sh -c "printf '\\357\\273\\277\\nid,text\\na,The WTO is good.\\n' > $T/bomline.csv && \
  $BIN score $LEX --input csv --format wide $T/bomline.csv"
check csv-bom-only 0 -- sh -c "printf '\\357\\273\\277' > $T/bomonly.csv && $BIN score $LEX --input csv --format wide $T/bomonly.csv"
