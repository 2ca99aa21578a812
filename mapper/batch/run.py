"""The batch driver: schedules chunks of articles on Dask, writes each finished article at once,
then the corpus tables and the index page."""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mapper.batch.inputs import Item, collect
from mapper.batch.store import FAILED, Store
from mapper.batch.tables import write_tables


@dataclass
class Summary:
    """What a batch run did."""

    total: int = 0  # articles in the inputs
    skipped: int = 0  # already done in DIR before this run
    analysed: int = 0  # records written by this run
    failed: int = 0  # of those, status error or timeout
    seconds: float = 0.0
    startup: float = 0.0  # starting the cluster and loading spaCy on its workers
    busy: float = 0.0  # worker seconds spent on the articles analysed (sum of their records)
    busy_cpu: float = 0.0  # worker CPU seconds spent on them (the same on a loaded machine)
    parse_cpu: float = 0.0  # of those, the worker's share of its nlp.pipe
    driver_cpu: float = 0.0  # CPU seconds of this process (with a LocalCluster's scheduler)
    interrupted: bool = False
    tables: dict[str, Path] = field(default_factory=dict)


# A chunk whose worker dies is not retried whole: the driver splits it (see run_batch). A worker
# holds one task at a time, so a dying worker takes no queued bystander with it.
# Dask's default MALLOC_TRIM_THRESHOLD_ for workers (64 KiB) makes glibc return memory often,
# which slowed spaCy's many small allocations in one (noisy) measurement: workers keep glibc's
# default; Dask's one-thread limits for the numeric libraries stay. Dask's statistical profiler
# (the event loop walking the running task's stack every 10 ms, for the dashboard mapper does
# not start) is off: it made the worker's event-loop thread use 7-12 ms of CPU per article
# against 2-4 ms without it (per-thread CPU from /proc, 40 articles, 1 worker).
CLUSTER_CONFIG = {"distributed.scheduler.allowed-failures": 0,
                  "distributed.scheduler.worker-saturation": 1.0,
                  "distributed.worker.profile.enabled": False,
                  "distributed.nanny.pre-spawn-environ": {
                      "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}}
SINGLE_ATTEMPTS = 2  # an article alone in its task is tried this often before an error row


def default_workers() -> int:
    """One worker process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: Sequence[Item], size: int) -> list[list[Item]]:
    """``items`` in chunks of ``size``, the heaviest chunk (most characters) first: the
    scheduler hands them out in this order, so the last ones to finish are short and no worker
    waits long at the end for another's long chunk. (A chunk's content stays that of the
    input order: nlp.pipe gets the same batches.)"""
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
    return sorted(chunks, key=lambda chunk: -sum(map(_weight, chunk)))


def _weight(item: Item) -> int:
    """About how long ``item`` takes: its characters (a file's bytes; a URL's unknown: 0)."""
    if item.text is not None:
        return len(item.text)
    if item.path is not None:
        try:
            return os.path.getsize(item.path)
        except OSError:
            return 0
    return 0


def _client(workers: int, scheduler: str | None, maps: bool = False):
    """A client of the given scheduler, or of a new LocalCluster; (client, cluster or None)."""
    import dask
    from distributed import Client, LocalCluster

    from mapper.batch.worker import Warmup

    for name in ("distributed", "bokeh", "tornado"):  # Dask's start/stop chatter stays quiet
        logging.getLogger(name).setLevel(logging.ERROR)

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        with dask.config.set(CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, memory_limit=0)
            client = Client(cluster)
    client.register_plugin(Warmup(own_cluster=cluster is not None, maps=maps))
    return client, cluster


class _Progress:
    """A rich progress bar on a terminal (done, failed, rate, ETA); silent otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        self.bar = Progress(TextColumn("mapper batch"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed"),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=console,
                            disable=not (enabled and console.is_terminal))
        self.task = self.bar.add_task("batch", total=total, failed=0, rate="")
        self.start = time.perf_counter()
        self.done = self.failed = 0

    def __enter__(self) -> _Progress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def advance(self, records: list[dict]) -> None:
        self.done += len(records)
        self.failed += sum(r["status"] in FAILED for r in records)
        rate = self.done / max(1e-9, time.perf_counter() - self.start)
        self.bar.update(self.task, advance=len(records), failed=self.failed,
                        rate=f"{rate:.2f} articles/s")


def run_batch(inputs: Sequence[str] | Sequence[Item], out: str | Path, *,
              workers: int | None = None, scheduler: str | None = None,
              timeout: float | None = 60.0, limit: int | None = None,
              chunk_size: int | None = None, maps: bool = True, inline: bool = True,
              retry_failed: bool = False, progress: bool = True, stories: bool = False,
              on_record: Callable[[dict], None] | None = None) -> Summary:
    """Map every article of ``inputs`` into ``out`` (see :mod:`mapper.batch`); ``stories``
    also writes the ``stories`` table (movers' journeys joined across the articles)."""
    from distributed import as_completed

    from mapper.batch.worker import process_chunk

    started, started_cpu = time.perf_counter(), time.process_time()
    items = [i for i in inputs if isinstance(i, Item)] or collect(list(inputs), limit)
    store = Store(out)
    store.root.mkdir(parents=True, exist_ok=True)
    summary = Summary(total=len(items))
    todo: dict[str, Item] = {}
    for item in items:
        if item.key not in todo and not store.done(item.key, retry_failed):
            todo[item.key] = item
    summary.skipped = len({i.key for i in items}) - len(todo)
    workers = workers or default_workers()
    if chunk_size is None:  # a few chunks per worker: balanced, yet nlp.pipe batches
        chunk_size = max(1, min(16, math.ceil(len(todo) / (workers * 4))))
    client = cluster = None
    try:
        if todo:
            client, cluster = _client(workers, scheduler, maps)
            summary.startup = time.perf_counter() - started
            kwargs = {"timeout": timeout, "maps": maps, "inline": inline}
            pending = {client.submit(process_chunk, chunk, pure=False, **kwargs): (chunk, 0)
                       for chunk in _chunks(list(todo.values()), chunk_size)}
            with _Progress(len(todo), progress) as bar:
                queue = as_completed(list(pending))
                for fut in queue:
                    chunk, tries = pending.pop(fut)
                    try:
                        records = fut.result()
                    except Exception as exc:  # noqa: BLE001 - a dead worker, a lost chunk
                        # the article that kills its worker is found by trying them one by one
                        again = [[item] for item in chunk] if len(chunk) > 1 else (
                            [chunk] if tries + 1 < SINGLE_ATTEMPTS else [])
                        for part in again:
                            new = client.submit(process_chunk, part, pure=False, **kwargs)
                            pending[new] = (part, tries + 1 if len(chunk) == 1 else 0)
                            queue.add(new)
                        if again:
                            continue
                        records = [_failure(chunk[0], exc)]
                    # all of a chunk's records first: then it is done
                    records = [store.save(rec) for rec in records]
                    summary.analysed += len(records)
                    summary.busy += sum(r["seconds"] for r in records)
                    summary.busy_cpu += sum(r.get("cpu_seconds") or 0.0 for r in records)
                    summary.parse_cpu += sum(r.get("parse_cpu_seconds") or 0.0
                                             for r in records)
                    summary.failed += sum(r["status"] in FAILED for r in records)
                    bar.advance(records)
                    for rec in records:
                        if on_record is not None:
                            on_record(rec)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        try:  # the tables first: a second Ctrl-C while the cluster stops cannot lose them
            summary.tables = write_tables(store, items, stories=stories)
            summary.seconds = time.perf_counter() - started
            summary.driver_cpu = time.process_time() - started_cpu
        finally:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
    return summary


def _failure(item: Item, exc: BaseException) -> dict:
    """The error record of an article whose worker died or whose task failed."""
    from mapper.batch.worker import _record

    what = type(exc).__name__
    error = "its worker process died" if what == "KilledWorker" else f"{what}: {exc}"
    return _record(item, status="error", error=error[:500], pid=None)


def report(summary: Summary, out: str | Path) -> str:
    """The one-paragraph summary printed at the end of a run."""
    word = "interrupted" if summary.interrupted else "done"
    return (f"mapper batch {word}: {summary.total} articles, {summary.skipped} already done, "
            f"{summary.analysed} analysed ({summary.failed} failed) in {summary.seconds:.1f} s; "
            f"tables and index.html in {out}")

