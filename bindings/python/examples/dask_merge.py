"""Scale-out with Dask: partitions of a corpus are mapped to lexstance's
mergeable statistics on worker processes, and one `lexstance merge` turns
them into the per-speaker rows -- byte for byte what one `score --partial`
of the whole corpus and a merge give (merge sorts its records, so neither
the partitioning nor the order the workers finish in changes a digit).

    python dask_merge.py CORPUS.tsv [PARTITIONS [WORKERS]] > speakers.csv

CORPUS.tsv: a header line id<TAB>text<TAB>speaker, then one record a
line (the speaker may be empty: the record is then an article's whole
text, its speakers found inside it).  Point Client() at a real cluster's
scheduler to run the same code on many machines; every worker needs the
lexstance package (and liblexstance), the merge needs the command line.
"""
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster

import lexstance


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        next(f)  # the header
        for line in f:
            fields = line.rstrip("\n").rstrip("\r").split("\t")
            if len(fields) == 3:
                yield tuple(fields)


def partition_statistics(records):
    """The map step, on a worker: one partition's --partial statistics."""
    records = list(records)
    if not records:
        return []
    return [lexstance.partial([r[1] for r in records], ids=[r[0] for r in records],
                              speaker=[r[2] for r in records], input="doc")]


def main(argv):
    corpus = argv[1]
    partitions = int(argv[2]) if len(argv) > 2 else 4
    workers = int(argv[3]) if len(argv) > 3 else 2
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        bag = db.from_sequence(list(read_corpus(corpus)), npartitions=partitions)
        parts = bag.map_partitions(partition_statistics).compute(scheduler=client.get)
        # the reduce step: `lexstance merge` over all partitions' statistics
        sys.stdout.write(lexstance.merge(parts, as_text=True))


if __name__ == "__main__":
    main(sys.argv)
