# Broad vocabulary by kind (issue 14, second pass), one invented sentence
# per line of tests/fixtures/input/vocab-kinds.txt scored alone with the
# DEFAULT lexicons: doc, theme, stance, class of every theme a line names.
#  1-2  evaluative words of policy writing (decisive, well-targeted,
#       economic suicide);
#  3-4  harm verbs: the tariff is the agent blamed (scupper), the system
#       the patient defended (eviscerate);
#  5-6  benefit (kick-start) and decay, which defends its patient
#       (floundering, on life support);
#  7-8  oppose: criticism (castigate) and undoing (rescind);
#  9    agency of the Global South (join forces, set the agenda);
# 10-11 effectiveness (not working) and consequence (negatively affect);
# 12-15 instrument names (neo-protectionism, near-shoring, de-risking) as
#       0 mentions, tariff-cutting as the opposite pole, the advocates'
#       framing (protect American steel);
# 16,19 shell nouns in the next sentence (the proclamation, the secretariat);
# 17-18 institution names and short forms (East African Community, the
#       Green Climate Fund, IFC) as 0 mentions;
# 20-24 Global South: misfortune as sympathy (bear the brunt, a crisis,
#       plight), the dismissal of the name (misnomer, grab bag), the
#       South's claims as a mention (debt restructuring), found its voice;
# 25-29 exposure idioms (in the crosshairs), suspension as harm done to an
#       institution (put on ice), pushing forward, pressing ahead with a
#       measure in one's own voice, and lowering trade barriers as the
#       opposite pole of protection.
check vocab-kinds 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocab-kinds.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
