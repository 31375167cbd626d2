# lexstance speakers: who speaks, how often, by which cue.
check speakers-seed 0 -- $BIN speakers corpora/cafta-3.0-global-times-2025-11-02.txt
check speakers-sentences-wire 0 -- $BIN speakers --sentences tests/fixtures/articles/wire-said-after.txt
printf 'Jayant Menon\tMenon\tthe ADB veteran\n\tbad\n' > "$T/bad-speakers.tsv"
check speakers-bad-file 1 -- $BIN speakers --speakers "$T/bad-speakers.tsv" corpora/cafta-3.0-global-times-2025-11-02.txt
# a second speaker's clause is a row of its own; every row has a confidence
check speakers-sentences-clauses 0 -- $BIN speakers --sentences tests/fixtures/articles/harbour-debate.txt
# several speakers in one sentence: one row per span, in order
check speakers-sentences-spans 0 -- $BIN speakers --sentences tests/fixtures/articles/clause-spans.txt
# a role label maps to a name through a --speakers alias
check speakers-role-alias 0 -- $BIN speakers --speakers $FX/mayor-alias.tsv tests/fixtures/articles/harbour-remarks.txt
check speakers-role 0 -- $BIN speakers tests/fixtures/articles/harbour-remarks.txt
