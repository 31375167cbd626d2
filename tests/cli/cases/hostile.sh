# Hostile input: each case must finish within its time bound, exit with a
# documented status, and never crash.  Sizes shrink under valgrind, and
# under the sanitizers (about ten times slower: 100 MB took over 120 s).
if [ -n "$VALGRIND" ]; then BIG=200000; MID=20000
elif [ "${BUILD:-build}" = build-asan ]; then BIG=20000000; MID=1000000
else BIG=100000000; MID=1000000; fi
H="$T/hostile"; mkdir -p "$H"
# bounded: NAME STATUS SECONDS -- command
bounded() {
  name=$1; want=$2; secs=$3; shift 4
  timeout "$secs" "$@" >"$T/out" 2>"$T/err" </dev/null
  got=$?
  if [ "$got" -eq 124 ]; then echo "# $name: timed out after ${secs}s"; echo "not ok $name"
  elif [ "$got" -ne "$want" ]; then echo "# $name: status $got, want $want"; head -3 "$T/err" | sed 's/^/# /'; echo "not ok $name"
  else echo "ok $name"; fi
}
python3 - "$H" "$BIG" "$MID" <<'PY'
import os, sys
d, big, mid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def w(name, data):
    open(os.path.join(d, name), 'wb').write(data)
unit = b'The WTO is not a failure, but aggressive tariffs hurt developing countries. '
w('long-line.txt', (unit * (big // len(unit) + 1))[:big].replace(b'. ', b' ; ') + b'\n')
w('negators.txt', b'The WTO is ' + b'not ' * (mid // 4) + b'good.\n')
w('nospace.txt', b'a' * mid + b'\n')
w('prefixes.txt', b'rules based ' * (mid // 12) + b'order.\n')
w('allcaps.txt', (b'THE U.S. TARIFFS ARE AGGRESSIVE AND THE WTO IS FAILING. ' * (mid // 56)) + b'\n')
w('nul.txt', b'The WTO\x00 is good.\x00\x00 Tariffs\x00hurt.\n' * 1000)
bad = [b'\x80', b'\xbf', b'\xc0\xaf', b'\xc1\xbf', b'\xe0\x80\xaf', b'\xed\xa0\x80', b'\xed\xbf\xbf',
       b'\xf0\x80\x80\xaf', b'\xf4\x90\x80\x80', b'\xf5\x80\x80\x80', b'\xfe', b'\xff', b'\xe2\x82',
       b'\xf0\x9f\x98', b'\xc3']
w('badutf8.txt', b' '.join(b'The WTO' + x + b'is good' + x + b'.' for x in bad * 200) + b'\n')
w('bom.txt', b'\xef\xbb\xbfThe WTO is good.\n')
w('cr-only.txt', b'The WTO is good.\rTariffs are bad.\rThe Global South rises.\r')
w('empty.txt', b'')
w('spaces.txt', b'   \n\t\n  \r\n')
w('quotes.txt', b'"' * mid + b'\n')
# the scorer's context passes: shell nouns, scene-setting, sceptical frames
w('shells.txt', b'Tariffs rose and ' + b'the policy amid the bloc purports to ' * (mid // 37) + b'bad.\n')
speakers = []
for i in range(10000):
    speakers.append(b'Person%d Speaker%d, analyst at Institute %d\n\nThe WTO is good and tariffs are bad.\n' % (i, i, i))
w('speakers10k.txt', b'Title\n\n' + b'\n'.join(speakers))
with open(os.path.join(d, 'lex200k.tsv'), 'w') as f:
    f.write('wto\tmultilateralism\ttarget\t1\n')
    for i in range(200000):
        a, b = divmod(i, 26 * 26)
        f.write('w%sq%s%s\tsentiment\teval\t0.%d\n' % (a, chr(97 + b // 26), chr(97 + b % 26), 1 + i % 9))
PY
for f in long-line negators nospace prefixes allcaps nul badutf8 bom cr-only empty spaces quotes shells; do
  bounded "hostile-$f" 0 120 -- $BIN score --bootstrap 50 "$H/$f.txt"
done
bounded hostile-10k-speakers 0 300 -- $BIN score --bootstrap 20 "$H/speakers10k.txt"
bounded hostile-10k-speakers-compare 0 300 -- $BIN compare --bootstrap 20 -o "$H/cmp" "$H/speakers10k.txt"
bounded hostile-200k-lexicon 0 300 -- $BIN score --lexicon "$H/lex200k.tsv" corpora/cafta-3.0-global-times-2025-11-02.txt
# output on stdin lines/tsv/jsonl with broken records
printf 'a\tThe WTO is good.\nno tab here\nb\tTariffs hurt.\n' > "$H/bad.tsv"
bounded hostile-tsv-fail 1 60 -- $BIN score --input tsv "$H/bad.tsv"
bounded hostile-tsv-skip 0 60 -- $BIN score --input tsv --on-error skip "$H/bad.tsv"
printf '{"id":"a","text":"The WTO is good."}\n{"id":"b","text":\n{"id":"c","text":"ok"}\n' > "$H/bad.jsonl"
bounded hostile-jsonl-skip 0 60 -- $BIN score --input jsonl --on-error skip "$H/bad.jsonl"
# faults: full disk, closed stdout, unwritable directory, existing report kept
bounded fault-dev-full 3 60 -- sh -c "$BIN score corpora/cafta-3.0-global-times-2025-11-02.txt > /dev/full"
bounded fault-closed-stdout 3 60 -- sh -c "$BIN score corpora/cafta-3.0-global-times-2025-11-02.txt >&-"
mkdir -p "$H/ro"; chmod 555 "$H/ro"
if [ "$(id -u)" != 0 ]; then
  bounded fault-unwritable-dir 3 60 -- $BIN compare -o "$H/ro/rep" corpora/cafta-3.0-global-times-2025-11-02.txt
fi
echo "keep me" > "$H/keep.csv"
bounded fault-keeps-existing 1 60 -- $BIN score --input tsv -o "$H/keep.csv" "$H/bad.tsv"
check fault-existing-untouched 0 -- grep -qx "keep me" "$H/keep.csv"
check fault-no-temp-left 0 -- sh -c "! ls '$H' | grep -q '\.tmp\.'"
# Signals mid-run: exit 128+N (130 for SIGINT), no partial or temporary
# report -- INT and TERM, and the others that end a process (QUIT, USR1,
# ALRM used to kill it with their default action, leaving the temporary)
for sig in INT:2 TERM:15 QUIT:3 USR1:10 ALRM:14; do
  num=${sig#*:}; sig=${sig%:*}
  rm -f "$H/sig.csv"
  # (an asynchronous command of sh ignores INT and QUIT, and lexstance leaves
  # an ignored signal ignored, as nohup wants: give them their default back)
  env --default-signal=INT,QUIT $BIN score --bootstrap 0 -o "$H/sig.csv" "$H/long-line.txt" "$H/long-line.txt" "$H/long-line.txt" 2>/dev/null &
  pid=$!
  sleep 0.3
  kill -s $sig $pid 2>/dev/null
  wait $pid
  st=$?
  want=$((128 + num))
  if [ $st -eq $want ] && [ ! -e "$H/sig.csv" ] && ! ls "$H" | grep -q 'sig.csv.tmp'; then
    echo "ok fault-sig$sig-no-report"
  elif [ $st -eq 0 ] && [ -s "$H/sig.csv" ]; then
    echo "ok fault-sig$sig-no-report (finished before the signal)"
  else
    echo "# fault-sig$sig: status $st"; ls "$H" | grep sig | sed 's/^/# /'; echo "not ok fault-sig$sig-no-report"
  fi
done
# VADER mode on a long sentence full of sentiment words and "but"s
if [ -f ../shared/data/vader/vader_lexicon.txt ]; then
  python3 -c "import sys; sys.stdout.write('x\t' + 'good bad but great awful ' * ($MID // 25) + '\n')" > "$H/vader-long.tsv"
  bounded hostile-vader-long 0 120 -- $BIN score --input tsv --unit doc --sentiment vader \
    --vader-lexicon ../shared/data/vader/vader_lexicon.txt "$H/vader-long.tsv"
fi
