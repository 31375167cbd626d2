# lexstance speakers: who speaks, how often, by which cue.
check speakers-seed 0 -- $BIN speakers corpora/cafta-3.0-global-times-2025-11-02.txt
check speakers-sentences-wire 0 -- $BIN speakers --sentences tests/fixtures/articles/wire-said-after.txt
printf 'Jayant Menon\tMenon\tthe ADB veteran\n\tbad\n' > "$T/bad-speakers.tsv"
check speakers-bad-file 1 -- $BIN speakers --speakers "$T/bad-speakers.tsv" corpora/cafta-3.0-global-times-2025-11-02.txt
