"""Throughput of ``mapper batch`` (issue 14): the corpora of ``../shared/corpora`` mapped on a
LocalCluster of 1 and of 2 worker processes (docs/s, peak RSS per worker), against spaCy's own
``nlp.pipe`` over the same texts in one process, and a resumed run over the done output.

    .venv/bin/python benchmarks/batch.py [--limit 25] [--workers 1,2] [--maps]

``--limit`` articles from each corpus. Without ``--maps`` the batch writes GeoJSON and the
tables only (``mapper batch --no-maps``); with it, every article's HTML map too. Wall times
include starting the cluster (each worker loads spaCy and the gazetteer once); docs/s are
counted after it, and "worker time per doc" is the time a worker spends on one article
(read, its share of ``nlp.pipe``, analysis, GeoJSON, map) beside spaCy's per-doc pipe time;
"CPU per doc" is the same in CPU seconds (``time.process_time`` in the worker, beside nlp.pipe's
CPU seconds here), the figure to read on a machine shared with other jobs, where wall times
measure the contention. The machine's own speed drifts over the minutes between the runs, so
each run also splits its CPU per doc, measured in the workers at the same time, into their
share of ``nlp.pipe`` and the rest (analysis, GeoJSON, map). "driver CPU" is this
process's (with the LocalCluster's scheduler).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as in the Dask workers: spaCy's baseline on one thread
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))


def spacy_pipe(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds spaCy's ``nlp.pipe`` takes over ``texts`` in this process (model
    loaded): the English model as spaCy ships it, without mapper's changes to it."""
    from mapper.nlp import stock_model

    nlp = stock_model()
    list(nlp.pipe(texts[:2]))  # warm
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def _spin(seconds: float) -> float:
    """CPU seconds per wall second this process gets running pure Python for ``seconds``."""
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        sum(range(1000))
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


def cores_available(n: int, seconds: float = 4.0) -> float:
    """How many cores' worth of CPU ``n`` busy processes get on this machine right now (a
    control: on a machine shared with other jobs, 2 workers cannot beat what 2 spin loops get)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(n) as pool:
        return sum(pool.map(_spin, [seconds] * n))


def run(items, out: Path, workers: int, maps: bool, chunk: int | None = None) -> dict:
    """One batch run: wall seconds, docs/s, failures and peak RSS per worker process."""
    from mapper.batch import run_batch

    rss: dict[int, float] = {}

    def seen(record: dict) -> None:
        if record.get("pid"):
            rss[record["pid"]] = max(rss.get(record["pid"], 0.0), record["peak_rss_mb"])

    summary = run_batch(items, out, workers=workers, maps=maps, progress=False, on_record=seen,
                        chunk_size=chunk)
    work = max(1e-9, summary.seconds - summary.startup)
    return {"workers": workers, "seconds": summary.seconds, "startup": summary.startup,
            "analysed": summary.analysed, "failed": summary.failed,
            "docs_s": summary.analysed / work,
            "busy_per_doc": summary.busy / max(1, summary.analysed),
            "cpu_per_doc": summary.busy_cpu / max(1, summary.analysed),
            "parse_cpu_per_doc": summary.parse_cpu / max(1, summary.analysed),
            "driver_cpu": summary.driver_cpu,
            "rss_mb": max(rss.values(), default=0.0), "processes": len(rss)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=25, help="articles per corpus (default 25)")
    p.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    p.add_argument("--maps", action="store_true", help="also render every article's map")
    p.add_argument("--chunk", type=int, default=None,
                   help="articles per task (default: mapper batch's own choice)")
    args = p.parse_args(argv)

    from mapper.batch.inputs import collect

    corpora = sorted(str(p) for p in CORPORA.glob("*.xml"))
    items = collect(corpora, args.limit)
    texts = [i.text or "" for i in items]
    print(f"{len(items)} articles ({args.limit} from each of {len(corpora)} corpora), "
          f"{sum(map(len, texts)) / 1e3:.0f} k characters; maps: {args.maps}; "
          f"{len(os.sched_getaffinity(0))} cores, load average {os.getloadavg()[0]:.1f}")
    pipe_s, pipe_cpu = spacy_pipe(texts)
    pipe_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"spaCy nlp.pipe, 1 process: {pipe_s:.1f} s, {len(texts) / pipe_s:.2f} docs/s, "
          f"{pipe_s / len(texts) * 1000:.0f} ms/doc ({pipe_cpu / len(texts) * 1000:.0f} ms "
          f"CPU), peak RSS {pipe_rss:.0f} MB")
    rows = []
    with tempfile.TemporaryDirectory(prefix="mapper-batch-bench-") as tmp:
        for n in [int(w) for w in args.workers.split(",")]:
            out = Path(tmp) / f"w{n}"
            r = run(items, out, n, args.maps, args.chunk)
            rows.append(r)
            cost = r["busy_per_doc"] / (pipe_s / len(texts))
            print(f"{n} worker(s): {r['seconds']:.1f} s wall ({r['startup']:.1f} s cluster "
                  f"start), {r['docs_s']:.2f} docs/s after start, {r['failed']} failed, "
                  f"peak RSS/worker {r['rss_mb']:.0f} MB, worker time per doc "
                  f"{r['busy_per_doc'] * 1000:.0f} ms = {cost:.2f} x nlp.pipe; CPU per doc "
                  f"{r['cpu_per_doc'] * 1000:.0f} ms = "
                  f"{r['cpu_per_doc'] / (pipe_cpu / len(texts)):.2f} x nlp.pipe's CPU, "
                  f"driver CPU {r['driver_cpu']:.1f} s")
            rest = r["cpu_per_doc"] - r["parse_cpu_per_doc"]
            print(f"  in the worker(s), at the same time: parse (their nlp.pipe) "
                  f"{r['parse_cpu_per_doc'] * 1000:.0f} ms CPU per doc, the rest "
                  f"{rest * 1000:.0f} ms: {r['cpu_per_doc'] / r['parse_cpu_per_doc']:.2f} x "
                  "the workers' own nlp.pipe CPU")
        start = time.perf_counter()
        again = run(items, out, rows[-1]["workers"], args.maps, args.chunk)
        resume_s = time.perf_counter() - start
    after, after_cpu = spacy_pipe(texts)  # again: the machine's load changes during the runs
    print(f"spaCy nlp.pipe again after the runs: {after:.1f} s, "
          f"{after / len(texts) * 1000:.0f} ms/doc")
    pipe_s, pipe_cpu = (pipe_s + after) / 2, (pipe_cpu + after_cpu) / 2
    for r in rows:
        print(f"{r['workers']} worker(s): worker time per doc = "
              f"{r['busy_per_doc'] / (pipe_s / len(texts)):.2f} x the mean nlp.pipe time, "
              f"CPU per doc = {r['cpu_per_doc'] / (pipe_cpu / len(texts)):.2f} x the mean "
              "nlp.pipe CPU")
    base = rows[0]
    cores = {n: cores_available(n) for n in {r["workers"] for r in rows}}
    for r in rows[1:]:
        print(f"speed-up {r['workers']} vs {base['workers']} worker(s): "
              f"{r['docs_s'] / base['docs_s']:.2f} x (control: {r['workers']} spin loops got "
              f"{cores[r['workers']]:.2f} cores, {base['workers']} got "
              f"{cores[base['workers']]:.2f}: at most "
              f"{cores[r['workers']] / cores[base['workers']]:.2f} x on this machine now)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"resume over the done output: {resume_s:.2f} s ({again['analysed']} analysed), "
          f"{resume_s / rows[-1]['seconds'] * 100:.1f} % of the first run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
