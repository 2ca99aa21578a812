"""Is spaCy's parse slower in a ``mapper batch`` worker than in a lean process (issue 14)?
With ``--end-to-end``: what does a worker's whole work on an article cost against the stock
``nlp.pipe`` over the same texts, measured side by side?

The machine's speed drifts by 10-30 % over the minutes between ``benchmarks/batch.py``'s runs,
so its ratio of a worker's cost to a separate ``nlp.pipe`` run moves as much with the drift as
with the code. Here the same chunks of articles are parsed alternately, chunk by chunk, in a
LocalCluster worker (as ``process_chunk`` parses them) and in a lean process (a plain
``concurrent.futures`` pool process: this one hosts the cluster's scheduler and client, whose
threads' CPU would count in a parse timed here), so that both see the same machine; CPU ms per
article, mean and median over the chunks.

With ``--end-to-end`` the worker runs ``process_chunk`` as ``mapper batch`` does (read, parse,
analysis, GeoJSON, record: its CPU per article) and the lean process runs the English model as
spaCy ships it (``nlp.pipe`` over the same texts), chunk by chunk alternately: issue 14's
"cost per article against ``nlp.pipe``" without the drift that falls between two runs of
``benchmarks/batch.py``. (The driver's own share, writing the records out, is not in it:
``batch.py`` prints it, 4-8 ms an article in the runs of 2026-12-06.)

    .venv/bin/python benchmarks/worker_parse.py [--limit 25] [--rounds 2] [--analyse | --end-to-end]
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as in the Dask workers
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))
CHUNK = 16  # articles per task, as mapper batch makes them (run_batch's chunk_size)


def parse_cpu_ms(items) -> float:
    """CPU ms per article of ``nlp.pipe`` over the items' texts, as process_chunk parses them."""
    from mapper.batch.worker import _read
    from mapper.nlp import body_start, load_model, parse_text

    nlp = load_model()
    articles = [_read(i) for i in items]
    texts = [parse_text(a.text, body_start(a)) for a in articles]
    cpu = time.process_time()
    for _ in nlp.pipe(texts, batch_size=CHUNK):
        pass
    return (time.process_time() - cpu) / len(texts) * 1000


@functools.lru_cache(maxsize=1)
def _stock():
    """The English model as spaCy ships it, loaded once in this process (as a user's script
    does: its lemmatizer's cache lives as long as the model)."""
    from mapper.nlp import stock_model

    return stock_model()


def stock_cpu_ms(items) -> float:
    """CPU ms per article of the stock English model's ``nlp.pipe`` over the items' texts."""
    nlp = _stock()
    texts = [i.text or "" for i in items]
    cpu = time.process_time()
    for _ in nlp.pipe(texts, batch_size=CHUNK):
        pass
    return (time.process_time() - cpu) / len(texts) * 1000


def chunk_total_cpu_ms(items) -> float:
    """CPU ms per article of ``process_chunk``'s whole work (read, parse, analysis, GeoJSON)."""
    from mapper.batch.worker import process_chunk

    records = process_chunk(items, timeout=60.0, maps=False)
    return sum(r["cpu_seconds"] for r in records) / len(records) * 1000


def chunk_parse_cpu_ms(items) -> float:
    """The parse's share of CPU ms per article in ``process_chunk`` (parse, then analysis)."""
    from mapper.batch.worker import process_chunk

    records = process_chunk(items, timeout=60.0, maps=False)
    return sum(r["parse_cpu_seconds"] for r in records) / len(records) * 1000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=25, help="articles per corpus (default 25)")
    p.add_argument("--rounds", type=int, default=2, help="passes over the chunks (default 2)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--analyse", action="store_true",
                     help="the worker runs process_chunk (parse, then analysis), as mapper batch")
    how.add_argument("--end-to-end", action="store_true",
                     help="the worker's whole process_chunk against the stock model's nlp.pipe")
    args = p.parse_args(argv)

    import dask
    from distributed import Client, LocalCluster

    from mapper.batch.inputs import collect
    from mapper.batch.run import CLUSTER_CONFIG
    from mapper.batch.worker import Warmup

    items = collect(sorted(str(p) for p in CORPORA.glob("*.xml")), args.limit)
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    # "here" is a lean process of its own, started before the cluster: this one hosts the
    # LocalCluster's scheduler and the client, whose event-loop threads' CPU would count in
    # a parse timed here
    lean = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    lean.submit(stock_cpu_ms if args.end_to_end else parse_cpu_ms, items[:2]).result()  # loads
    worker_task, here_task = ((chunk_total_cpu_ms, stock_cpu_ms) if args.end_to_end else
                              (chunk_parse_cpu_ms if args.analyse else parse_cpu_ms,
                               parse_cpu_ms))
    with dask.config.set(CLUSTER_CONFIG):
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                               dashboard_address=None, memory_limit=0)
        client = Client(cluster)
    try:
        client.register_plugin(Warmup(own_cluster=True, maps=False))
        what = (" (the worker's whole process_chunk; the lean process the stock model's nlp.pipe)"
                if args.end_to_end else
                " (the worker analyses each chunk after its parse)" if args.analyse else "")
        print(f"{len(items)} articles in {len(chunks)} chunks of {CHUNK}; CPU ms per article"
              f"{what}")
        for n in range(args.rounds):
            worker, here = [], []
            for chunk in chunks:  # alternately: the machine's drift falls on both alike
                worker.append(client.submit(worker_task, chunk, pure=False).result())
                here.append(lean.submit(here_task, chunk).result())
            print(f"round {n + 1}: in the worker mean {statistics.mean(worker):.1f}, median "
                  f"{statistics.median(worker):.1f}; in the lean process mean "
                  f"{statistics.mean(here):.1f}, median {statistics.median(here):.1f}; "
                  f"worker / here {sum(worker) / sum(here):.2f}")
    finally:
        client.close()
        cluster.close()
        lean.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
