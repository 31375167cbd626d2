# Domain families by kind (issue 14, third pass): one invented sentence per
# line of tests/fixtures/input/vocab-domain.txt scored alone with the
# DEFAULT lexicons: doc, theme, stance, class of every theme a line names.
#  1-4  the WTO's bodies, agreements and agenda (General Council, fisheries
#       subsidies, the Anti-Dumping Agreement, bound tariffs) and a bloc's
#       common external tariff are multilateralism 0 mentions, not US
#       protection (lines 2-4 were us_protectionism mentions before);
#  5    a free trade zone is a named agreement, not "free trade" as policy
#       (was us_protectionism -1);
#  6-7  plural acronyms (MDBs, IFIs) and the UN family (IPCC, Human Rights
#       Council) as 0 mentions (were absent);
#  8-9  acting alone (unilateral trade measures) and "might is right" as
#       multilateralism's opposite pole (were absent);
# 10    a customs union as regional integration (was absent).
# 11-15 us_protectionism: export licences, America's trade agenda, a
#       partner's rebalancing measures, secondary sanctions as 0 mentions
#       (were absent); 12: the IMF's quotas are its voting shares, an IMF
#       mention (the neutral blocker left it absent);
# 16-20 global_south: plural acronyms (LDCs), debt swaps, the aid that
#       flows to the group (cuts to foreign aid lamented: +1), climate
#       finance and climate justice, the new climate finance goal (all
#       absent before).
# 21    the Group of Seven spelled out is no mention (Theme scope; it was a
#       multilateralism 0): the line prints nothing.
# 22-23 a trade policy or posture named without a holder is Washington's
#       (peripheral; were absent);
# 24-25 "duty-free" is no multilateralism mention (line 24 was one); the
#       WTO's e-commerce moratorium on customs duties is not US protection;
# 26-27 one African leader is not the group (was global_south 0), African
#       leaders are.
# 28-29 word sense: "escape" is not ESCAP (was multilateralism 0), the
#       capitalised acronym is;
# 30    negotiating coalitions of developing countries (AOSIS, the LMDC)
#       acting as agents (was absent);
# 31    a trade embargo (was absent);
# 32    outmoded and defanged as verdicts on an institution (was 0).
# 33-34 trade preferences a country grants are its own trade policy, not
#       multilateral cooperation (Theme scope): "preferential access" is no
#       mention (was multilateralism -1), "preferential tariffs" names
#       tariffs (us_protectionism 0; was multilateralism 0).
check vocab-domain 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocab-domain.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"

# The advocates' own vocabulary (issue 14, fourth pass), scored alone:
#  1-3  bringing work home, whatever stands between the verb and its object
#       (1-2 were 0); negated it is the case against (3: -1);
#  4-5  protection named by what it protects in the first person, and "put
#       America First" (4 had only "foreign cheating" unmatched; 5 was 0);
#  6-9  grievances that name the country as the victim: ripped off, taken
#       advantage of, jobs stolen, unfair foreign competition (absent
#       before);
# 10-11 a loaded term inside a quoted name with a plain theme term takes no
#       side (10: 0, +1 before); a loaded term alone in quotes is a quoted
#       verdict and keeps its sign (11: -1).
# 12-13 effectiveness without an evaluative adjective: "producing results"
#       (was 0), "proven them wrong" praises the subject, not the critics
#       (was -1: "wrong" bound to the tariffs).
check vocab-advocates 0 -- sh -c "$BIN score --input lines --unit doc --no-attribution \
  $FX/vocab-advocates.txt | awk -F, 'NR == 1 || \$6 > 0 { print \$1 \",\" \$4 \",\" \$7 \",\" \$10 }'"
