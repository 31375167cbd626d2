# Vocabulary by kind, fifth pass (issue 14): one invented sentence per line
# of tests/fixtures/input/vocab-wire.txt scored alone with the DEFAULT
# lexicons: doc, theme, stance, class of every theme a line names.
#  1-2  the WTO and the IMF under their wire-copy names (the global trade
#       watchdog, the global lender) as 0 mentions (were absent);
#  3-4  acronyms not yet listed (EAC, CUSMA) as 0 mentions (were absent);
#  5-6  the WTO's working vocabulary (the single undertaking, appeals
#       "into the void") as 0 mentions (were absent);
#  7-8  the camps by their holders' names: multilateralists lamenting a
#       collapsing world trade order (+1; was absent), unilateralists (0;
#       was absent); 9: Mercosur's Portuguese spelling (was absent);
# 10-14 us_protectionism: retaliatory steps, tit-for-tat measures, a
#       percentage surcharge (both spellings), import prohibitions as 0
#       mentions (were absent);
# 15-16 global_south: a region's exporters and governments as the group
#       (were absent; 16 named only the levies);
# 17-18 South-specific regimes: the Enabling Clause, the G20's Common
#       Framework for debt (were absent);
# 19-20 scope: "the U.S.-led global order" is geopolitics, not the rules
#       (no multilateralism), and a bare region named as a place (the
#       Caribbean) is not the Global South: both lines print nothing.
# 21-23 scope: cooperation that may be between two parties ("trade
#       cooperation") and a corporate "global partnership" are no
#       multilateralism (were +1 and 0); international cooperation is (+1).
# 24-25 a vague action noun with a US holder is a peripheral
#       us_protectionism mention: the American measure that breaches
#       promises (-1), US trade measures braced for (0; both were absent).
# 26    "the globalists", the protectionists' label for their opponents: a
#       us_protectionism grievance (+1; was absent) as well as
#       multilateralism's pejorative stance term (-1, as before).
# 27-28 what protection fights, named plainly: factories sent abroad that
#       hollowed out towns (+1, as "decades of offshoring"), and the Davos
#       crowd as a grievance (+1; both were absent).
# 29    a tariff named by its rate ("a flat 50 percent rate on all
#       exports"): a us_protectionism mention (was absent).
# 30    "special treatment", the short name of special and differential
#       treatment: a global_south mention (was absent).
check vocab-wire 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocab-wire.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
