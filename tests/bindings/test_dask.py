"""The Dask recipe (bindings/python/examples/dask_merge.py) on a local
cluster of worker processes gives, byte for byte, what one `score
--partial -` of the whole corpus and one `merge` give.
    python test_dask.py BIN SEED_ARTICLE"""
import os
import subprocess
import sys
import tempfile

BIN, SEED = sys.argv[1], sys.argv[2]
RECIPE = "bindings/python/examples/dask_merge.py"


SPEAKERS = ["Ann Lee", "Bo Ray", "Chen Wei", ""]  # invented; "" = the record's own


def corpus(path):
    """The founding article's paragraphs, each a record of one of a few
    speakers: a small corpus whose merge pools records per speaker."""
    paras = [p.strip().replace("\n", " ").replace("\t", " ")
             for p in open(SEED, encoding="utf-8").read().split("\n\n") if p.strip()]
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\ttext\tspeaker\n")
        for i, p in enumerate(paras):
            f.write("p%03d\t%s\t%s\n" % (i + 1, p, SPEAKERS[i % len(SPEAKERS)]))


with tempfile.TemporaryDirectory() as d:
    tsv = os.path.join(d, "corpus.tsv")
    corpus(tsv)
    part = subprocess.run([BIN, "score", "--input", "tsv", "--partial", "-", tsv],
                          check=True, capture_output=True).stdout
    want = subprocess.run([BIN, "merge", "-"], input=part, check=True,
                          capture_output=True).stdout
    got = subprocess.run([sys.executable, RECIPE, tsv, "5", "2"], capture_output=True)
    if got.returncode == 0 and got.stdout == want and want.count(b"\n") == 1 + 3 * len(SPEAKERS):
        print("ok dask-recipe-equals-one-merge")
    else:
        print("not ok dask-recipe-equals-one-merge")
        print("# status %d; %d bytes, want %d" % (got.returncode, len(got.stdout), len(want)))
        for line in got.stderr.decode("utf-8", "replace").splitlines()[-10:]:
            print("# " + line)
        sys.exit(1)
