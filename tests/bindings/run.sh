#!/bin/sh
# The language bindings against the command line, on the founding article:
# the Python package installed offline into a fresh venv (its rows with
# pandas and without), the R package installed with R CMD INSTALL, and the Dask recipe
# on a local cluster.  Prints "ok NAME" / "not ok NAME" lines, and "# skip"
# notes for what this machine lacks (python3 with pandas and venv, R,
# Dask); .ci/run installs them all.
BUILD=${BUILD:-build}
BIN=$BUILD/lexstance
SEED=corpora/cafta-3.0-global-times-2025-11-02.txt
LIB=$(ls "$(pwd)/$BUILD"/liblexstance.so.*.* 2>/dev/null | tail -1)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

if [ -n "$VALGRIND" ] || [ -z "$LIB" ] || ldd "$LIB" | grep -q 'libasan\|libubsan'; then
  echo "# skip bindings (a sanitizer or valgrind build: the bindings load the plain library)"
  exit 0
fi
export LEXSTANCE_LIBRARY="$LIB" LEXSTANCE_BIN="$(pwd)/$BIN"

# missing WHAT NOTE: a tool this machine lacks.  A note ("# skip") where it
# is optional; a failure where LEXSTANCE_REQUIRE_BINDINGS is set (.ci/run
# sets it: CI installs them all, so a skip there would hide the tests).
missing() {
  if [ -n "$LEXSTANCE_REQUIRE_BINDINGS" ]; then
    echo "not ok $1 (LEXSTANCE_REQUIRE_BINDINGS is set: $2)"
  else
    echo "# skip $1 ($2)"
  fi
}

# ---- Python -------------------------------------------------------------
py=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pandas, venv, ensurepip' 2>/dev/null; then
    py=$p
    break
  fi
done
if [ -z "$py" ]; then
  missing python-bindings "python3 with pandas and venv not installed: apt-get install python3-pandas python3-venv python3-pip"
else
  # as the README says: a venv seeing the system's pandas, an offline install
  if "$py" -m venv --system-site-packages "$T/env" >"$T/log" 2>&1 &&
     "$T/env/bin/pip" install --no-build-isolation --no-index ./bindings/python >>"$T/log" 2>&1; then
    echo "ok python-install-offline"
    (cd "$T" && "$T/env/bin/python" -c 'import lexstance') >/dev/null 2>&1 &&
      echo "ok python-import-outside-tree" || echo "not ok python-import-outside-tree"
    # without LEXSTANCE_LIBRARY: the copy installed with the package
    env -u LEXSTANCE_LIBRARY "$T/env/bin/python" -c 'import lexstance; lexstance.score("The WTO is good.")' \
      >/dev/null 2>&1 && echo "ok python-bundled-library" || echo "not ok python-bundled-library"
    # compare() without LEXSTANCE_BIN nor lexstance on PATH: the command
    # line installed with the package, the same numbers as the tree's
    "$BIN" compare --bootstrap 50 -o "$T/cmp-cli" "$SEED" >/dev/null 2>&1
    env -u LEXSTANCE_BIN -u LEXSTANCE_LIBRARY PATH=/usr/bin:/bin "$T/env/bin/python" - "$SEED" "$T/cmp-cli" <<'PY' \
      >/dev/null 2>&1 && echo "ok python-compare-bundled-cli" || echo "not ok python-compare-bundled-cli"
import sys, lexstance, pandas as pd
seed, want = sys.argv[1:]
got = lexstance.compare([seed], bootstrap=50)["comparison"]
w = pd.read_csv(want + "/comparison.csv")
assert list(got.speaker) == list(w.speaker) and list(got.columns) == list(w.columns)
for c in [c for c in w.columns if c.endswith(("_stance", "_lo", "_hi"))]:
    assert ((got[c].astype(float) - w[c]).abs().fillna(0) < 1e-9).all(), c
PY
    "$T/env/bin/python" tests/bindings/test_python.py "$BIN" "$SEED"
    if "$T/env/bin/python" -c 'import dask.distributed' 2>/dev/null; then
      "$T/env/bin/python" tests/bindings/test_dask.py "$BIN" "$SEED"
    else
      missing dask-recipe "python3-dask and python3-distributed not installed"
    fi
  else
    echo "not ok python-install-offline"
    sed 's/^/# /' "$T/log" | tail -15
  fi
  # without pandas (blocked from import): the rows as a list of dicts
  "$T/env/bin/python" - "$BIN" "$SEED" <<'PY' && echo "ok python-without-pandas" || echo "not ok python-without-pandas"
import csv, io, subprocess, sys
sys.modules["pandas"] = None  # "import pandas" now fails, as where it is not installed
import lexstance
bin, seed = sys.argv[1:]
text = open(seed, encoding="utf-8").read()
name = seed.rsplit("/", 1)[-1].rsplit(".", 1)[0]
rows = lexstance.score(text, ids=[name])
want = list(csv.DictReader(io.StringIO(subprocess.run([bin, "score", seed], check=True,
            capture_output=True).stdout.decode(), newline="")))
assert isinstance(rows, list) and len(rows) == len(want) > 0
for r, w in zip(rows, want):
    assert r["speaker"] == w["speaker"] and r["theme"] == w["theme"]
    assert (r["stance"] is None) == (w["stance"] == "")
    assert r["stance"] is None or "%.4f" % r["stance"] == w["stance"]
PY
fi

# ---- R ------------------------------------------------------------------
if ! command -v R >/dev/null 2>&1 || ! command -v Rscript >/dev/null 2>&1; then
  missing r-bindings "R not installed: apt-get install r-base-dev"
else
  mkdir -p "$T/rlib"
  if LEXSTANCE_HOME=$(pwd) LEXSTANCE_BUILD="$BUILD" R CMD INSTALL --clean -l "$T/rlib" bindings/r >"$T/rlog" 2>&1; then
    echo "ok r-install"
    R_LIBS="$T/rlib" Rscript tests/bindings/test_r.R "$BIN" "$SEED"
    # lxs_compare without LEXSTANCE_BIN nor lexstance on PATH: the command
    # line installed with the package
    "$BIN" compare --bootstrap 50 -o "$T/rcmp-cli" "$SEED" >/dev/null 2>&1
    env -u LEXSTANCE_BIN PATH=/usr/bin:/bin R_LIBS="$T/rlib" Rscript -e '
      a <- commandArgs(TRUE); library(lexstance)
      got <- lxs_compare(a[1], bootstrap = 50)$comparison
      want <- read.csv(file.path(a[2], "comparison.csv"), stringsAsFactors = FALSE)
      stopifnot(isTRUE(all.equal(got, want, check.attributes = FALSE)))' "$SEED" "$T/rcmp-cli" \
      >/dev/null 2>&1 && echo "ok r-compare-bundled-cli" || echo "not ok r-compare-bundled-cli"
  else
    echo "not ok r-install"
    sed 's/^/# /' "$T/rlog" | tail -15
  fi
fi
