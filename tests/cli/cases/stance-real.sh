# Stance rules and vocabulary from the tune half of the real set (issue
# 14), one invented sentence per line of tests/fixtures/input/stance-real.txt
# scored alone with the DEFAULT lexicons: doc, theme, stance, class of
# every theme a line names.
#  1-3  helping a theme forward: "the acceleration of", "harness",
#       "expedite" are benefits (bare "accelerate" is not: "tariffs are
#       accelerating the decoupling" blames the tariffs).
#  4-6  distancing praise: "the supposed benefits", "so-called gains" are
#       ironic (4: -1), and a question that distances its praise is
#       rhetorical (5: -1); the same question without it takes no side (6).
#  7-8  a venue: "talks at the WTO" names where, and the frustration is
#       about the talks (7: 0, -1 before); after an evaluative word "at"
#       introduces its object ("anger at the WTO", 8: -1).
#  9-11 rebuttal: a reported view answered by "but" / "yet" in the
#       reporter's own voice counts against itself (9, 10: +1; -1 before);
#       unanswered it stands (11: -1).
# 12-13 scare quotes need their cue in the quotes' own segment: a negator
#       in an opening phrase does not make a quoted name disputed (12: 0,
#       -1 before); a dismissive word beside it does (13: -1).
# 14    a longer quotation in title case is a slogan or a name: its
#       evaluative words take no side (0; +1 before).
check stance-real 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/stance-real.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"

# Shell nouns after possessives (issue 14, spec 1), second sentence of each
# line scored in its document (the first names the tariffs):
#  1-2  a possessive pronoun or noun makes a shell noun refer back ("his
#       decision", "Washington's decision"): the full praise binds to the
#       tariffs (0.7926; 0.5450 before, carried at half weight);
#  3    so does "our plan" (0.5735; 0.3304 before);
#  4    a pronoun's contraction is no possessive ("It's decision time"):
#       unchanged, no stance.
#  5    "like this" after a shell noun refers back too ("praised action like
#       this": 0.5145; 0.2873 before, carried at half weight).
check stance-shells 0 -- sh -c "$BIN score --input lines --unit sentence --no-attribution \
  $FX/stance-shells.txt | awk -F, 'NR == 1 || (\$6 > 0 && \$3 == 2) { print \$1 \",\" \$3 \",\" \$4 \",\" \$6 \",\" \$7 \",\" \$10 }'"
