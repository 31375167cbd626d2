# The DEFAULT lexicons' vocabulary families (issue 14), one invented
# sentence per line scored alone: doc, theme, stance, class of every theme
# the line mentions.  Lines 1-10 us_protectionism: the advocates' case
# ("level the playing field"), what protection fights as the opposite pole
# (cheap imports, offshoring, dumping: attacking it supports the remedy,
# praising it is the case against, naming it takes no side), the critics'
# case (retaliation, a hidden tax, a blunt instrument).  11-15
# multilateralism: bilateral deals and global bureaucrats as the opposite
# pole, contempt for agreements as harm done to them, order and norm
# nouns.  16-19 global_south: finance claims and voice.  20: "deplore"
# opposes, and is not also read as "deplorable" (-0.768 before).  21-27:
# the WTO's working names (appeals body, MC14), developing status and
# its dismissal (self-declared), complaints about institutions and
# tariffs (hamstrung by, a raw deal, less sanguine, ineffective).
# 28-30: trade action named by its object, "hold China accountable", an
# institution that "exceeded its authority".  A
# lexicon change that moves one of these figures shows here; update the
# golden deliberately.
check vocabulary-families 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocabulary.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
