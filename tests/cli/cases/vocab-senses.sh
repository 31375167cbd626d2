# Word senses that Snowball merges (issue 14): one invented sentence per
# line of tests/fixtures/input/vocab-senses.txt scored alone with the
# DEFAULT lexicons: doc, theme, stance, class of every theme a line names.
# 1, 4, 5: "strongly", "greatly", "bitterly" scale the next word; they are
# not the verdicts strong, great, bitterness (line 1 was -0.196: "strong"
# +0.4 against "oppose").  2: "badly needed" is an urgent need, not "bad"
# (-0.515 before).  3: "fairly modest" is a degree, not fairness (+0.447
# before).  6: "perfectly legal" is not perfection (+0.669 before).
# 7: "optimize" is not optimism (+0.447 before).  8: a meeting's closure
# is not plant closures (-0.447 before).  9-10: "developed countries" are
# not the developing ones (line 9 was a global_south mention; the
# hyphenated "developing-country" still is one).  11: "dangerously" scales
# the verb, it adds no threat of its own (-0.669 before).
check vocab-senses 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocab-senses.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
