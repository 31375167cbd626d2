# Word-sense blockers as data (issue 14; lexicons/README.md, modifiers.tsv):
# Snowball merges words whose sense or polarity differ.  One invented
# sentence (or two) per line of tests/fixtures/input/word-sense.txt scored
# alone with the DEFAULT lexicons: doc, theme, mentions, stance, sentiment,
# class.
#  1  "cheered" is the verb of praise (cheer 0.5; was cheerful's 0.6);
#  2  "quite" is not the harm "quit" (sentiment 0; was -0.45);
#  3  "impassioned" is not an impasse (0; was -1);
#  4  lumber (timber) is not "lumbering" (0; was -1);
#  5  a conviction (belief) is not being convicted (0; was -1);
#  6  progressives are not progress (0; was +1);
#  7  the verb "hope" is a wish, not the verdict "hopeful" (0; was +1);
#  8  "the organizers" are not an organisation (3 mentions; was 4);
#  9  "the national interest" is not the nations (1 mention; was 2);
# 11  "the institute" is not an institution (1 mention; was 2).
check word-sense 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/word-sense.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$6 \",\" \$7 \",\" \$9 \",\" \$10 }'"
