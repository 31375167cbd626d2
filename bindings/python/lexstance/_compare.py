"""compare(): the comparison tables of `lexstance compare`.

The comparison (speakers pooled across articles, bootstrap intervals,
ranks, pairwise differences) is built by the command line, which this runs
(on PATH, or LEXSTANCE_BIN) into a temporary directory; its CSV files are
read back, so the numbers are the command line's.
"""
import os
import shutil
import subprocess
import tempfile

from . import _TEXT_COLUMNS, LexstanceError, _cli, _table

TABLES = ("comparison", "speakers", "differences", "evidence", "lexicons")


def compare(paths, *, by="speaker", lexicons=None, no_default_lexicons=False, language=None,
            speakers=None, bootstrap=None, seed=1, ci=0.95, no_attribution=False,
            as_frame=None):
    """Compares the speakers of the articles at paths (files): a dict of
    tables -- comparison (one row per speaker), speakers (the long rows),
    differences (every pair per theme), evidence (every match) and
    lexicons (provenance) -- each a DataFrame (or a list of dicts).
    by="article" keeps one row per speaker and article."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if isinstance(lexicons, (str, os.PathLike)):
        lexicons = [lexicons]
    cmd = [_cli(), "compare", "--by", by, "--seed", str(int(seed)), "--ci", repr(float(ci))]
    if bootstrap is not None:
        cmd += ["--bootstrap", str(int(bootstrap))]
    for p in lexicons or ():
        cmd += ["--lexicon", os.fspath(p)]
    if no_default_lexicons:
        cmd.append("--no-default-lexicons")
    if language:
        cmd += ["--language", language]
    if speakers:
        cmd += ["--speakers", os.fspath(speakers)]
    if no_attribution:
        cmd.append("--no-attribution")
    tmp = tempfile.mkdtemp(prefix="lexstance-")
    try:
        out = os.path.join(tmp, "report")
        done = subprocess.run(cmd + ["-o", out, "--"] + [os.fspath(p) for p in paths],
                              capture_output=True)
        if done.returncode:
            raise LexstanceError(done.stderr.decode("utf-8", "replace").strip(), done.returncode)
        tables = {}
        for name in TABLES:
            with open(os.path.join(out, name + ".csv"), encoding="utf-8", newline="") as f:
                tables[name] = _table(f.read(), as_frame,
                                      text_columns=("name", "format", "sha256", "doc"))
        return tables
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
