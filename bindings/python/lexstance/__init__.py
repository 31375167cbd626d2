"""lexstance: who is speaking in opinion articles and news, and their stance
and sentiment on policy themes (multilateralism, US protectionism, the
Global South, and any theme a lexicon adds).

The functions run the C library (liblexstance, through ctypes) exactly as
the command line runs it, and return the command line's tables: a pandas
DataFrame when pandas is installed (absent stance as NaN, classes as
nullable integers), a list of dicts otherwise.

    >>> import lexstance
    >>> df = lexstance.score(open("article.txt").read())          # speakers
    >>> df = lexstance.score(corpus, text="text", id="doc_id",      # a DataFrame
    ...                      keep=["outlet", "date"], format="wide")
    >>> ev = lexstance.explain(open("article.txt").read(), theme="multilateralism")
"""
import csv
import io
import os
import shutil
import subprocess
import tempfile

from ._native import Job, LexstanceError, version

__all__ = ["score", "explain", "partial", "merge", "compare", "version", "LexstanceError"]

try:  # pandas is optional
    import pandas as _pd
except ImportError:  # pragma: no cover - exercised where pandas is absent
    _pd = None

# Columns that hold text; every other column of the tables is a number.
_TEXT_COLUMNS = {"doc", "speaker", "theme", "term", "role", "matched", "target", "modifiers",
                 "holder", "description", "kind", "speaker_a", "speaker_b", "distinguishable"}


def _integer_column(name):
    return (name in ("sentence", "tokens", "mentions", "sentences", "byte_start", "byte_end",
                     "class", "rank")
            or name.endswith(("_mentions", "_stance_class", "_rank")))


# ---- inputs ------------------------------------------------------------------

def _documents(texts, ids, text, id, speaker):
    """(id, text, speaker) triples from a string, a list, a dict, a pandas
    Series or a pandas DataFrame (columns text, id and speaker)."""
    speakers = None
    if _pd is not None and isinstance(texts, _pd.DataFrame):
        frame = texts
        if text not in frame.columns:
            raise ValueError("lexstance: no text column %r (columns: %s); name it with text="
                             % (text, ", ".join(map(str, frame.columns))))
        values = [str(v) for v in frame[text]]
        if id is not None:
            ids = [str(v) for v in frame[id]]
        elif ids is None:
            ids = [str(v) for v in frame.index]
        if isinstance(speaker, str):
            speakers = ["" if v is None or v != v else str(v) for v in frame[speaker]]
            speaker = None
    elif isinstance(texts, (str, bytes)):
        values = [texts]
    elif hasattr(texts, "keys") and hasattr(texts, "values") and not hasattr(texts, "index"):
        ids = [str(k) for k in texts.keys()] if ids is None else ids
        values = list(texts.values())
    elif _pd is not None and isinstance(texts, _pd.Series):
        ids = [str(k) for k in texts.index] if ids is None else ids
        values = list(texts)
    else:
        values = list(texts)
    if ids is None:
        ids = [str(i + 1) for i in range(len(values))]
    if speaker is not None:
        speakers = [speaker] * len(values) if isinstance(speaker, str) else list(speaker)
    if len(ids) != len(values) or (speakers is not None and len(speakers) != len(values)):
        raise ValueError("lexstance: ids, speakers and texts differ in length")
    for i, v in enumerate(values):
        yield str(ids[i]), v, (speakers[i] or None) if speakers is not None else None


def _speakers_file(speakers, tmp):
    """Known speakers: a path, or {name: [aliases]} / [name, ...] written
    to a file in tmp."""
    if speakers is None or isinstance(speakers, (str, os.PathLike)):
        return speakers
    path = os.path.join(tmp, "speakers.tsv")
    with open(path, "w", encoding="utf-8") as f:
        items = speakers.items() if hasattr(speakers, "items") else ((s, ()) for s in speakers)
        for name, aliases in items:
            if isinstance(aliases, str):
                aliases = [aliases]
            f.write("\t".join([name] + list(aliases)) + "\n")
    return path


def _job(documents, options, speakers, tmp):
    job = Job()
    for name, value in options:
        if value is None or value is False:
            continue
        job.set(name, None if value is True else value)
    path = _speakers_file(speakers, tmp)
    if path is not None:
        job.set("speakers", os.fspath(path))
    for doc_id, text, spk in documents:
        job.add(doc_id, text, spk)
    return job


def _options(unit, lexicons, no_default_lexicons, language, input, bootstrap, seed, ci,
             no_attribution, format=None):
    if isinstance(lexicons, (str, os.PathLike)):
        lexicons = [lexicons]
    opts = [("unit", unit), ("input", input), ("format", format), ("language", language),
            ("no-default-lexicons", bool(no_default_lexicons)),
            ("no-attribution", bool(no_attribution)),
            ("bootstrap", None if bootstrap is None else str(int(bootstrap))),
            ("seed", str(int(seed))), ("ci", repr(float(ci)))]
    opts += [("lexicon", os.fspath(p)) for p in (lexicons or ())]
    return opts


# ---- outputs -----------------------------------------------------------------

def _number(name, value):
    if value == "":
        return None
    return int(value) if _integer_column(name) else float(value)


def _table(text, as_frame, text_columns=()):
    """The command line's CSV as a DataFrame, or a list of dicts."""
    strings = _TEXT_COLUMNS | set(text_columns)
    if as_frame is None:
        as_frame = _pd is not None
    if not as_frame:
        rows = csv.DictReader(io.StringIO(text, newline=""))
        return [{k: (v if k in strings else _number(k, v)) for k, v in r.items()} for r in rows]
    if _pd is None:
        raise ImportError("lexstance: as_frame=True needs pandas")
    df = _pd.read_csv(io.StringIO(text, newline=""), dtype=str, keep_default_na=False)
    for col in df.columns:
        if col in strings:
            continue
        values = _pd.to_numeric(df[col].mask(df[col] == ""))  # "" is absent: NaN / <NA>
        df[col] = values.astype("Int64") if _integer_column(col) else values.astype("float64")
    return df


def _join_kept(result, frame, id, keep, as_frame):
    """Kept columns of the corpus after doc, as the command line's --keep."""
    if not keep:
        return result
    if isinstance(keep, str):
        keep = [keep]
    ids = [str(v) for v in (frame[id] if id is not None else frame.index)]
    kept = {k: dict(zip(ids, frame[k])) for k in keep}
    if not as_frame:
        out = []
        for row in result:
            new = {"doc": row["doc"]}
            new.update({k: kept[k].get(row["doc"]) for k in keep})
            new.update((k, v) for k, v in row.items() if k != "doc")
            out.append(new)
        return out
    for i, k in enumerate(keep):
        result.insert(1 + i, k, result["doc"].map(kept[k]))
    return result


# ---- the commands --------------------------------------------------------------

def score(texts, unit=None, lexicons=None, speakers=None, *, ids=None, text="text", id=None,
          speaker=None, keep=None, format="long", input=None, no_default_lexicons=False,
          language=None, bootstrap=None, seed=1, ci=0.95, no_attribution=False, as_frame=None):
    """Scores documents as `lexstance score` does and returns its rows.

    texts: an article (a string), a list of them, a dict id -> text, a
    pandas Series (the index gives the ids) or a DataFrame (its `text`
    column; `id` names the id column, `speaker` a column naming each
    record's speaker, `keep` columns carried into the rows after doc).
    unit: "speaker" (default for articles), "doc" or "sentence".
    input: "text" (each text an article, split into speakers: the default
    for strings and lists) or "doc" (each text one document, as `--input
    lines`; the default for DataFrames).
    lexicons: lexicon files (any format) added to the embedded ones, or
    replacing them with no_default_lexicons=True.  speakers: known speakers
    (`--speakers`): a file, a list of names or {name: [aliases]}.
    format: "long" (one row per unit and theme) or "wide" (one per unit).
    """
    frame = texts if _pd is not None and isinstance(texts, _pd.DataFrame) else None
    if input is None:
        input = "lines" if frame is not None else "text"
    elif input == "doc":
        input = "lines"
    fmt = {"long": None, "csv": None, "wide": "wide"}.get(format, format)
    if keep is not None and frame is None:
        raise ValueError("lexstance: keep= needs a DataFrame of the corpus")
    tmp = tempfile.mkdtemp(prefix="lexstance-")
    try:
        documents = _documents(texts, ids, text, id, speaker)
        opts = _options(unit, lexicons, no_default_lexicons, language, input, bootstrap, seed,
                        ci, no_attribution, fmt)
        with _job(documents, opts, speakers, tmp) as job:
            result = _table(job.run("score"), as_frame)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    as_frame = not isinstance(result, list)
    return _join_kept(result, frame, id, keep, as_frame) if frame is not None else result


def explain(texts, theme=None, speaker=None, lexicons=None, speakers=None, *, ids=None,
            input="text", no_default_lexicons=False, language=None, no_attribution=False,
            as_frame=None):
    """The evidence behind the scores, as compare's evidence.csv: one row
    per match with its speaker, sentence, theme, lexicon term, role, the
    matched text and its byte offsets, the theme term it is tied to, the
    lexicon weight, the modifiers applied and its contribution.  theme and
    speaker keep only their rows; a speaker with no row is an error, as
    `lexstance explain --speaker` makes it."""
    tmp = tempfile.mkdtemp(prefix="lexstance-")
    try:
        opts = _options(None, lexicons, no_default_lexicons, language, input, None, 1, 0.95,
                        no_attribution)
        with _job(_documents(texts, ids, "text", None, None), opts, speakers, tmp) as job:
            rows = _table(job.run("evidence"), False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if theme is not None:
        rows = [r for r in rows if r["theme"] == theme]
    if speaker is not None:
        rows = [r for r in rows if r["speaker"].casefold() == speaker.casefold()]
        if not rows:
            raise ValueError("lexstance: no evidence for speaker %r" % speaker)
    if as_frame is None:
        as_frame = _pd is not None
    if not as_frame:
        return rows
    df = _pd.DataFrame(rows, columns=["doc", "speaker", "sentence", "theme", "term", "role",
                                      "matched", "byte_start", "byte_end", "target", "weight",
                                      "modifiers", "contribution", "holder"])
    for col in ("sentence", "byte_start", "byte_end"):
        df[col] = df[col].astype("Int64")
    return df


def partial(texts, *, ids=None, speaker=None, input="text", lexicons=None, speakers=None,
            no_default_lexicons=False, language=None, no_attribution=False):
    """Mergeable statistics of the documents, as `score --partial -`
    writes them: the map step of a distributed run (see merge).  speaker:
    each document's speaker (a list; "" for none), as a speaker column."""
    if input == "doc":
        input = "lines"
    tmp = tempfile.mkdtemp(prefix="lexstance-")
    try:
        opts = _options(None, lexicons, no_default_lexicons, language, input, None, 1, 0.95,
                        no_attribution)
        with _job(_documents(texts, ids, "text", None, speaker), opts, speakers, tmp) as job:
            return job.run("partial")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _cli():
    """LEXSTANCE_BIN, else the command line installed with the package (the
    same build as its library), else `lexstance` on PATH."""
    bundled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "lexstance")
    exe = (os.environ.get("LEXSTANCE_BIN") or
           (bundled if os.access(bundled, os.X_OK) else None) or shutil.which("lexstance"))
    if not exe:
        raise LexstanceError("lexstance: this needs the command line (`lexstance` on PATH, or "
                             "LEXSTANCE_BIN)")
    return exe


def merge(partials, *, format="long", bootstrap=None, seed=1, ci=0.95, as_frame=None,
          as_text=False):
    """The reduce step: combines partial statistics (strings from partial(),
    or files) into per-speaker rows with `lexstance merge`, exactly as one
    run over all the input gives (as_text=True: its CSV text).  Runs the
    command line (on PATH, or LEXSTANCE_BIN)."""
    if isinstance(partials, (str, bytes, os.PathLike)):
        partials = [partials]
    tmp = tempfile.mkdtemp(prefix="lexstance-")
    try:
        paths = []
        for i, p in enumerate(partials):
            if isinstance(p, os.PathLike) or (isinstance(p, str) and "\n" not in p
                                              and os.path.exists(p)):
                paths.append(os.fspath(p))
                continue
            path = os.path.join(tmp, "%d.part" % i)
            with open(path, "wb") as f:
                f.write(p if isinstance(p, bytes) else p.encode("utf-8"))
            paths.append(path)
        cmd = [_cli(), "merge", "--seed", str(int(seed)), "--ci", repr(float(ci))]
        if bootstrap is not None:
            cmd += ["--bootstrap", str(int(bootstrap))]
        if format == "wide":
            cmd += ["--format", "wide"]
        done = subprocess.run(cmd + paths, capture_output=True)
        if done.returncode:
            raise LexstanceError(done.stderr.decode("utf-8", "replace").strip(), done.returncode)
        text = done.stdout.decode("utf-8")
        return text if as_text else _table(text, as_frame)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(paths, **options):
    """The comparison tables of articles, as `lexstance compare` writes
    them (see _compare)."""
    from ._compare import compare as _run
    return _run(paths, **options)
