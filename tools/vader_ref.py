"""Times a Python VADER on one sentence per line, its scoring loop alone
(lexicon load excluded), for tools/bench.sh.

    python3 tools/vader_ref.py LINES VADER_LEXICON
    VADER_REF=DIR python3 tools/vader_ref.py LINES VADER_LEXICON

With VADER_REF naming a checkout of the reference implementation
(github.com/cjhutto/vaderSentiment, the directory holding its
vaderSentiment/ package) it times that, with the lexicon the checkout
ships; otherwise NLTK's port (python3-nltk), which stands in for it
because the reference is not packaged in Debian.
"""
import os
import sys
import tempfile
import time


def reference_analyzer(ref_dir):
    """The reference implementation, imported from its checkout."""
    sys.path.insert(0, os.path.abspath(ref_dir))
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer(), "the reference vaderSentiment"


def nltk_analyzer(lexicon_path):
    """NLTK's port, given the same lexicon file."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    # NLTK 3.8 fails on the lexicon's final newline: load a copy without it.
    with open(lexicon_path, encoding="utf-8") as f:
        lexicon = f.read().rstrip("\n")
    fd, tmp = tempfile.mkstemp(suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(lexicon)
        return SentimentIntensityAnalyzer(lexicon_file=tmp), "NLTK's port"
    finally:
        os.unlink(tmp)


def main(lines_path, lexicon_path):
    with open(lines_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    ref = os.environ.get("VADER_REF")
    sia, name = reference_analyzer(ref) if ref else nltk_analyzer(lexicon_path)
    nbytes = sum(len(s.encode("utf-8")) for s in lines)
    best, checksum = None, 0.0
    for _ in range(int(os.environ.get("VADER_REF_PASSES", "2"))):
        t0 = time.perf_counter()
        for s in lines:
            checksum += sia.polarity_scores(s)["compound"]
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    print("%s on %s: %d lines, %d bytes" % (name, lines_path, len(lines), nbytes))
    print("best pass: %.2f MB/s, %.0f sentences/s (checksum %.4f)"
          % (nbytes / 1e6 / best, len(lines) / best, checksum))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: vader_ref.py LINES VADER_LEXICON")
    main(sys.argv[1], sys.argv[2])
