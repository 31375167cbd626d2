# Retaliation by a partner is the opposite pole of us_protectionism (issue
# 14; lexicons/README.md "Theme scope"): one invented sentence per line of
# tests/fixtures/input/retaliation.txt scored alone with the DEFAULT
# lexicons.
#  1   countermeasures against US duties: -1 (the oppose phrase, as before);
#  2   counter-tariffs narrated: a 0 mention (as before);
#  3-4 a partner's countermeasures or rebalancing measures called
#      justified: -1 (both were +1, read as support for US tariffs);
#  5   harm since "the retaliatory tariffs" took effect: -1, the tariffs
#      blamed (retaliatory tariffs stay a +1 target).
check retaliation 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/retaliation.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
