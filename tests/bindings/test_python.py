"""The Python package gives the command line's numbers: each check runs
lexstance (the package) and build/lexstance (the command line) on the same
input and compares.  Prints "ok NAME" / "not ok NAME" lines (counted by
tests/run-tests.sh).  Run by tests/bindings/run.sh in a fresh venv.
    python test_python.py BIN SEED_ARTICLE"""
import io
import os
import subprocess
import sys
import tempfile
import traceback

import pandas as pd

import lexstance
from lexstance._native import Job

BIN, SEED = sys.argv[1], sys.argv[2]
FX = "tests/fixtures/input"
LEX = ["--no-default-lexicons", "--lexicon", "tests/fixtures/lexicons/stance.tsv"]
NAME = os.path.splitext(os.path.basename(SEED))[0]
TEXT = open(SEED, encoding="utf-8").read()
failed = 0


def cli(*args):
    return subprocess.run([BIN] + list(args), check=True, capture_output=True).stdout.decode()


def frame(csv_text, text_columns=()):
    """A CLI table read as the package reads it."""
    return lexstance._table(csv_text, True, text_columns)


def check(name, fn):
    global failed
    try:
        fn()
        print("ok python-" + name)
    except Exception:  # report and go on
        failed += 1
        print("not ok python-" + name)
        for line in traceback.format_exc().splitlines():
            print("# " + line)


def same_bytes_score():
    with Job() as job:
        job.add(NAME, TEXT)
        assert job.run("score") == cli("score", SEED)


def seed_speakers():
    got = lexstance.score(TEXT, ids=[NAME])
    pd.testing.assert_frame_equal(got, frame(cli("score", SEED)))
    # absent stance is missing, not 0; classes are nullable integers
    absent = got[got["mentions"] == 0]
    assert len(absent) and absent["stance"].isna().all() and absent["class"].isna().all()
    assert str(got["class"].dtype) == "Int64" and got["stance"].dtype == "float64"


def seed_units_and_wide():
    for unit in ("sentence", "doc"):
        pd.testing.assert_frame_equal(lexstance.score(TEXT, unit=unit, ids=[NAME]),
                                      frame(cli("score", "--unit", unit, SEED)))
    wide = lexstance.score(TEXT, format="wide", ids=[NAME], bootstrap=500, seed=7)
    pd.testing.assert_frame_equal(
        wide, frame(cli("score", "--format", "wide", "--bootstrap", "500", "--seed", "7", SEED)))
    for col in wide.columns:
        assert col.isidentifier(), col


def seed_explain():
    with tempfile.TemporaryDirectory() as d:
        cli("compare", "--bootstrap", "10", "-o", d, SEED)
        want = frame(open(os.path.join(d, "evidence.csv"), encoding="utf-8", newline="").read())
    got = lexstance.explain(TEXT, ids=[NAME])
    want["holder"] = want["holder"].fillna("")
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    theme = lexstance.explain(TEXT, ids=[NAME], theme="multilateralism")
    assert len(theme) and (theme["theme"] == "multilateralism").all()
    try:
        lexstance.explain(TEXT, speaker="Nobody")
        raise AssertionError("no error for an unknown speaker")
    except ValueError:
        pass


def corpus_frame_keep():
    """A DataFrame corpus with kept columns: score --input csv --keep."""
    corpus = pd.read_csv(FX + "/corpus.csv", dtype=str, keep_default_na=False)
    got = lexstance.score(corpus, id="doc_id", keep=["outlet", "date"], lexicons=LEX[2],
                          no_default_lexicons=True)
    want = frame(cli("score", *LEX, "--input", "csv", "--keep", "outlet,date", FX + "/corpus.csv"),
                 ("outlet", "date"))
    pd.testing.assert_frame_equal(got, want)


def corpus_frame_speakers():
    """unit="speaker" on a DataFrame finds the speakers in each record, as
    score --input csv --unit speaker does."""
    corpus = pd.DataFrame({
        "id": ["r1", "r2"],
        "text": ['"The WTO is good," said Jane Doe, a trade economist. Doe added that '
                 'tariffs are bad.', "Tariffs are very harmful. The Global South is strong."]})
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "records.csv")
        corpus.to_csv(path, index=False)
        want = frame(cli("score", "--input", "csv", "--unit", "speaker", "--bootstrap", "200",
                         path))
    got = lexstance.score(corpus, id="id", unit="speaker", bootstrap=200)
    pd.testing.assert_frame_equal(got, want)
    assert set(got["speaker"]) == {"Jane Doe", "author"}, set(got["speaker"])


def without_pandas():
    rows = lexstance.score(TEXT, ids=[NAME], as_frame=False)
    df = frame(cli("score", SEED))
    assert len(rows) == len(df)
    for row, (_, want) in zip(rows, df.iterrows()):
        for k, v in row.items():
            w = want[k]
            assert (v is None and pd.isna(w)) or v == w or (v == "" and pd.isna(w)), (k, v, w)


def partial_and_merge():
    docs = pd.read_csv(FX + "/docs.tsv", sep="\t", dtype=str)
    part = lexstance.partial(list(docs["text"]), ids=list(docs["id"]), input="doc",
                             lexicons=LEX[2], no_default_lexicons=True)
    assert part == cli("score", *LEX, "--input", "tsv", "--partial", "-", FX + "/docs.tsv")
    merged = lexstance.merge([part], bootstrap=100)
    with tempfile.NamedTemporaryFile("w", suffix=".part") as f:
        f.write(part)
        f.flush()
        pd.testing.assert_frame_equal(merged, frame(cli("merge", "--bootstrap", "100", f.name)))


def compare_tables():
    got = lexstance.compare([SEED], bootstrap=300)
    with tempfile.TemporaryDirectory() as d:
        cli("compare", "--bootstrap", "300", "-o", d, SEED)
        for name in ("comparison", "speakers", "differences"):
            want = lexstance._table(open(os.path.join(d, name + ".csv"), encoding="utf-8",
                                         newline="").read(), True)
            pd.testing.assert_frame_equal(got[name], want)


def bad_input():
    for call in (lambda: lexstance.score(TEXT, unit="paragraph"),
                 lambda: lexstance.score(TEXT, language="german")):
        try:
            call()
            raise AssertionError("no error")
        except (ValueError, lexstance.LexstanceError) as e:
            assert "lexstance:" in str(e), e


check("score-same-bytes", same_bytes_score)
check("score-speakers", seed_speakers)
check("score-units-wide", seed_units_and_wide)
check("explain", seed_explain)
check("dataframe-keep", corpus_frame_keep)
check("dataframe-speakers", corpus_frame_speakers)
check("list-of-dicts", without_pandas)
check("partial-merge", partial_and_merge)
check("compare", compare_tables)
check("errors", bad_input)
sys.exit(1 if failed else 0)
