# merge: every malformed partial is exit 1 naming file and line; nothing
# is written.  (Issue 16: empty fields read past the line, negative counts
# wrapped, NaN printed as stance 0, empty and truncated files merged.)
P="$T/partials"; mkdir -p "$P"
HDR='#lexstance-partial 1\n#themes\tmultilateralism\tglobal_south\n'
GOOD='U\tAnna Lee\tdoc1\t12\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n'
# partial NAME CONTENT: a partial file holding the printf-expanded content
partial() { printf "$2" > "$P/$1.part"; }
partial good "$HDR$GOOD"
partial empty-fields "${HDR}U\tspk\tdoc\t\t\t\t\t\t\t\t\t\t\t\t5\n"
partial negative "${HDR}U\tspk\tdoc\t-5\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial over-32-bits "${HDR}U\tspk\tdoc\t4294967296\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial nan "${HDR}U\tspk\tdoc\t12\t2\t0.5\t1\t2\tnan\t0.5625\t1\t0\t0\t0\t0\n"
partial inf "${HDR}U\tspk\tdoc\t12\t2\tinf\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial huge "${HDR}U\tspk\tdoc\t12\t2\t0.5\t1\t2\t1e308\t0.5625\t1\t0\t0\t0\t0\n"
partial hex "${HDR}U\tspk\tdoc\t12\t2\t0x1p-1\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial blank "${HDR}U\tspk\tdoc\t12\t2\t 0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial negative-sumsq "${HDR}U\tspk\tdoc\t12\t2\t0.5\t1\t2\t0.75\t-0.5\t1\t0\t0\t0\t0\n"
partial few-fields "${HDR}U\tspk\tdoc\t12\t2\t0.5\t1\t2\t0.75\t0.5625\t1\n"
partial many-fields "${HDR}U\tspk\tdoc\t12\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\t7\n"
partial bad-type "${HDR}X\tspk\tdoc\t12\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial nul "${HDR}U\tsp\0k\tdoc\t12\t2\t0.5\t1\t2\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial empty ""
partial comments-only "# nothing here\n"
partial truncated "$HDR$GOOD$(printf "$GOOD" | head -c 30)"
partial no-themes '#lexstance-partial 1\n'
partial themes-first '#themes\tmultilateralism\n#lexstance-partial 1\n'
partial version '#lexstance-partial 2\n#themes\tmultilateralism\n'
partial bad-theme '#lexstance-partial 1\n#themes\tMulti lateral\n'
partial dup-theme '#lexstance-partial 1\n#themes\tmultilateralism\tmultilateralism\n'
partial no-header "$GOOD"
partial other-themes '#lexstance-partial 1\n#themes\tglobal_south\tmultilateralism\n'
partial max "${HDR}U\tspk\tdoc\t4294967295\t2\t0.5\t1\t4294967295\t0.75\t0.5625\t1\t0\t0\t0\t0\n"
partial empty-shard "$HDR"
M="$BIN merge --bootstrap 0"
expect merge-empty-fields 1 "lexstance: $P/empty-fields.part:3: tokens '' is not a whole number from 0 to 4294967295" -- $M "$P/empty-fields.part"
expect merge-negative-count 1 "lexstance: $P/negative.part:3: tokens '-5' is not a whole number from 0 to 4294967295" -- $M "$P/negative.part"
expect merge-count-over-32-bits 1 "lexstance: $P/over-32-bits.part:3: tokens '4294967296' is not a whole number from 0 to 4294967295" -- $M "$P/over-32-bits.part"
expect merge-nan 1 "lexstance: $P/nan.part:3: multilateralism stance_sum 'nan' is not a finite number" -- $M "$P/nan.part"
expect merge-inf 1 "lexstance: $P/inf.part:3: sentiment_sum 'inf' is not a finite number" -- $M "$P/inf.part"
expect merge-1e308 1 "lexstance: $P/huge.part:3: multilateralism stance_sum 1e308 is out of range for 1 sentence" -- $M "$P/huge.part"
expect merge-hex-number 1 "lexstance: $P/hex.part:3: sentiment_sum '0x1p-1' is not a finite number" -- $M "$P/hex.part"
expect merge-blank-in-number 1 "lexstance: $P/blank.part:3: sentiment_sum ' 0.5' is not a finite number" -- $M "$P/blank.part"
expect merge-negative-sumsq 1 "lexstance: $P/negative-sumsq.part:3: multilateralism stance_sumsq -0.5 is out of range for 1 sentence" -- $M "$P/negative-sumsq.part"
expect merge-few-fields 1 "lexstance: $P/few-fields.part:3: malformed record (expected 15 tab-separated fields)" -- $M "$P/few-fields.part"
expect merge-many-fields 1 "lexstance: $P/many-fields.part:3: malformed record (expected 15 tab-separated fields)" -- $M "$P/many-fields.part"
expect merge-record-type 1 "lexstance: $P/bad-type.part:3: unknown record type 'X' (expected U)" -- $M "$P/bad-type.part"
expect merge-nul-byte 1 "lexstance: $P/nul.part:3: NUL byte in a line" -- $M "$P/nul.part"
expect merge-empty-file 1 "lexstance: $P/empty.part: empty file (not a lexstance partial)" -- $M "$P/empty.part"
expect merge-comments-only 1 "lexstance: $P/comments-only.part: not a lexstance partial file (no header)" -- $M "$P/comments-only.part"
expect merge-truncated 1 "lexstance: $P/truncated.part:4: truncated line (no line end; was the file cut short?)" -- $M "$P/truncated.part"
expect merge-header-only 1 "lexstance: $P/no-themes.part:1: truncated partial (no #themes line after the header)" -- $M "$P/no-themes.part"
expect merge-themes-before-header 1 "lexstance: $P/themes-first.part:1: #themes line before the #lexstance-partial header" -- $M "$P/themes-first.part"
expect merge-version 1 "lexstance: $P/version.part:1: unsupported partial format version '2'" -- $M "$P/version.part"
expect merge-bad-theme 1 "lexstance: $P/bad-theme.part:2: invalid theme 'Multi lateral' (use [a-z][a-z0-9_]*)" -- $M "$P/bad-theme.part"
expect merge-duplicate-theme 1 "lexstance: $P/dup-theme.part:2: theme 'multilateralism' listed twice" -- $M "$P/dup-theme.part"
expect merge-no-header 1 "lexstance: $P/no-header.part:1: record before the header (not a lexstance partial file?)" -- $M "$P/no-header.part"
expect merge-themes-differ 1 "lexstance: $P/other-themes.part:2: themes differ from the first partial" -- $M "$P/good.part" "$P/other-themes.part"
expect merge-total-overflow 1 "lexstance: speaker 'spk': a total exceeds 4294967295; merge fewer records" -- $M "$P/max.part" "$P/max.part"
# a bad second file: nothing written, not even the rows of the first
check merge-bad-file-writes-nothing 0 -- sh -c "$M -o '$P/out.csv' '$P/good.part' '$P/nan.part' 2>/dev/null; echo \$?; ls '$P' | grep -c 'out\.csv'; true"
# what is valid still merges: exact rows; an empty shard adds nothing
check merge-good 0 -- $M "$P/good.part" "$P/empty-shard.part"
check merge-empty-shard-only 0 -- $M "$P/empty-shard.part"
# what score writes, merge reads back to the rows of score itself
$BIN score $LEX --bootstrap 0 --partial "$P/fx.part" -o "$P/fx.csv" $FX/article.txt 2>/dev/null
check merge-reads-score-partial 0 -- sh -c "$M '$P/fx.part' | cut -d, -f2,4- > '$P/m.cut' && cut -d, -f2,4- '$P/fx.csv' | sort > '$P/s.cut' && sort '$P/m.cut' | cmp - '$P/s.cut' && wc -l < '$P/m.cut'"
