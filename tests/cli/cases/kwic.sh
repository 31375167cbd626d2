# kwic: keyword in context, as quanteda's kwic, with what the lexicons made
# of each match (theme, term, role, contribution) and its speaker.

# A word: every occurrence, case-folded, with the matches there.
check kwic-term 0 -- $BIN kwic $LEX wto $FX/article.txt
# A word no lexicon entry matches: its rows say so (empty theme).
check kwic-unmatched 0 -- $BIN kwic $LEX geneva $FX/article.txt
# A prefix (tariff* matches Tariffs), a narrower window.
check kwic-glob 0 -- $BIN kwic $LEX 'tariff*' --window 3 $FX/article.txt
# Several words; Markdown.
check kwic-phrase-md 0 -- $BIN kwic $LEX 'trade war' --format md $FX/article.txt
# A theme: every match tied to it, evaluative words and harms included.
check kwic-theme 0 -- $BIN kwic $LEX us_protectionism $FX/article.txt
check kwic-sentiment 0 -- $BIN kwic $LEX sentiment --window 2 $FX/article.txt
# A CSV corpus with kept columns, JSON Lines out; standard input.
check kwic-csv-keep 0 -- $BIN kwic $LEX good --input csv --keep outlet,date --format jsonl \
  $FX/corpus.csv
check kwic-stdin 0 -- sh -c "echo 'Critics say the WTO is broken.' | $BIN kwic $LEX WTO"
# Usage errors.
check kwic-no-term 2 -- usage_err $BIN kwic $LEX
check kwic-wide 2 -- usage_err $BIN kwic $LEX --format wide wto $FX/article.txt
check kwic-no-word 2 -- usage_err $BIN kwic $LEX '*' $FX/article.txt
check kwic-window 2 -- usage_err $BIN kwic $LEX --window -1 wto $FX/article.txt
check kwic-keep-text 2 -- usage_err $BIN kwic $LEX --keep outlet wto $FX/article.txt
