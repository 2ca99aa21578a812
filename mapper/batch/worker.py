"""What runs on a Dask worker: articles in, plain records out.

Each worker process loads spaCy and the gazetteer once (the ``Warmup`` plugin at start, then the
process-wide caches of :mod:`mapper.nlp` and :mod:`mapper.gazetteer`), parses a chunk of articles
with ``nlp.pipe`` and analyses each under a time limit. A record is a plain dict (status, error,
GeoJSON, map HTML, wall and CPU seconds spent on it): the driver writes every file.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import os
import resource
import signal
import threading
import time
from datetime import date

from distributed.diagnostics.plugin import WorkerPlugin

from mapper.batch.inputs import Item

# Test hook: an article whose text contains this environment variable's value makes its
# worker process exit at once (tests/test_batch.py kills a worker this way).
CRASH_ENV = "MAPPER_BATCH_CRASH_TOKEN"
MAX_CHARS = 500_000  # longer article texts are refused (spaCy time grows with length)


class ArticleTimeout(BaseException):
    """An article took longer than the batch's per-article time limit (a BaseException, like
    KeyboardInterrupt, so that the pipeline's ``except Exception`` fallbacks let it through)."""


class Watchdog:
    """Raise :class:`ArticleTimeout` in the calling thread after ``seconds`` (as an asynchronous
    exception: it lands at the next Python bytecode, so a long C call ends first)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False
        self.timer: threading.Timer | None = None

    def _fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self.thread_id), ctypes.py_object(ArticleTimeout))
                # again in a while: one that lands in a weakref callback or __del__ is dropped
                self.timer = threading.Timer(0.5, self._fire)
                self.timer.daemon = True
                self.timer.start()

    def __enter__(self) -> Watchdog:
        if self.seconds:
            self.timer = threading.Timer(self.seconds, self._fire)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self.lock:
            self.done = True
            if self.timer is not None:
                self.timer.cancel()
            if self.fired:  # fired but maybe not delivered yet: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)


_WARMED: set[str] = set()  # "analysis", "map", "frozen": what warm() has done in this process


def warm(maps: bool = False, freeze: bool = False) -> int:
    """Load spaCy and the gazetteer in this process (cached for its lifetime); the pid. The
    first call also analyses a two-sentence text naming two countries of the gazetteer (and
    with ``maps`` builds the shared basemap files and draws its map once): what the pipeline
    loads when first used (name index, ranker, compiled patterns, the big places misspelt
    names are checked against: about 1.5 s of CPU; the
    basemap at each detail level: several seconds) is then part of the worker's start, not of
    its first chunk's articles.

    ``freeze`` then moves every object the process holds (the model, the gazetteer's indexes,
    the compiled patterns: about 170,000) into the garbage collector's permanent generation
    (``gc.freeze``): its full collections, a few per article on a long one, no longer walk
    them (0.6 -> 0.3 s of collection on the 5,000-place article). Only in a process mapper
    owns: they are never collected after it."""
    import mapper.pipeline  # noqa: F401 - its imports (networks, routers) take a second or two
    from mapper.gazetteer.embedded import default_gazetteer
    from mapper.nlp import load_model

    load_model()
    gazetteer = default_gazetteer()
    todo = {"analysis", "map"} if maps else {"analysis"}
    if todo - _WARMED:
        _WARMED.update(todo)
        try:
            names = sorted(c.name for c in gazetteer.countries())[:2]
            if len(names) == 2:
                analysis = mapper.pipeline.analyze(
                    text=f"On Monday the minister flew from {names[0]} to {names[1]}. "
                         "She will travel on by train on Friday.", gazetteer=gazetteer)
                from mapper.gazetteer.spelling import big_names

                big_names(gazetteer)  # the big places a misspelt name is checked against
                if maps:
                    from mapper.render import basemap_assets
                    from mapper.render.interactive import to_map

                    basemap_assets.warm()
                    to_map(analysis, shared=[]).get_root().render()
        except Exception:  # noqa: BLE001 - a warm-up only; the articles report their errors
            pass
    if freeze and "frozen" not in _WARMED:
        _WARMED.add("frozen")
        gc.collect()
        gc.freeze()
    return os.getpid()


class Warmup(WorkerPlugin):
    """Loads spaCy and the gazetteer when a worker starts, before its first chunk. On mapper's
    own LocalCluster (``own_cluster``) the worker also ignores SIGINT: Ctrl-C reaches every
    process of the terminal's group, and the driver, not each worker, stops the batch."""

    name = "mapper-warmup"

    def __init__(self, own_cluster: bool = False, maps: bool = False) -> None:
        self.own_cluster = own_cluster
        self.maps = maps

    def setup(self, worker) -> None:  # noqa: D401 - Dask's hook
        if self.own_cluster and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        warm(self.maps, freeze=self.own_cluster)


def _record(item: Item, **fields) -> dict:
    rec = {"key": item.key, "id": item.id, "source": item.source, "status": "ok",
           "error": None, "seconds": 0.0, "title": None, "published": item.published,
           "geojson": None, "html": None, "pid": os.getpid(), "cpu_seconds": 0.0}
    rec.update(fields)
    rec["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return rec


def _read(item: Item):
    """The item's Article (raises InputError for what cannot be read)."""
    from mapper.errors import InputError
    from mapper.read import article_from_text, read_article

    if item.path is not None:
        article = read_article(item.path)
    elif item.url is not None:
        article = read_article(item.url)
    else:
        if not (item.text or "").strip():
            raise InputError(f"{item.source} is empty")
        if len(item.text or "") > MAX_CHARS * 4:
            raise InputError(f"{item.source} is too large")
        stem = item.id.replace("/", "_")[:80] or "article"
        article = article_from_text(item.text or "", source=item.source, stem=stem, html=None)
    if item.published:
        article = dataclasses.replace(article, published=date.fromisoformat(item.published))
    if len(article.text) > MAX_CHARS:
        raise InputError(f"{item.source} is too large ({len(article.text):,} characters; "
                         f"batch reads up to {MAX_CHARS:,})")
    crash = os.environ.get(CRASH_ENV)
    if crash and crash in article.text:
        os._exit(70)
    return article


_SENT: set[str] = set()  # shared map files this process has put in a record


def _unsent(names: list[str]) -> dict[str, bytes]:
    """The bytes of the shared files ``names`` not yet sent from this process: the driver
    writes them without making them again (it makes those it lacks, e.g. on a cluster whose
    workers served an earlier batch)."""
    if not names:
        return {}  # no map (--no-maps): the renderer is never imported
    from mapper.render.basemap_assets import shared_file

    out = {}
    for name in names:
        if name not in _SENT:
            data = shared_file(name)
            if data is not None:
                out[name] = data
            _SENT.add(name)
    return out


def _error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:500]


def _finish(item: Item, article, doc, timeout: float | None, maps: bool, inline: bool) -> dict:
    """Analyse one parsed article into its record (never raises)."""
    from mapper.export import to_geojson
    from mapper.gazetteer.embedded import default_gazetteer
    from mapper.pipeline import analyze

    start = time.perf_counter()
    cpu = time.process_time()
    try:
        with Watchdog(timeout):
            analysis = analyze(article, doc=doc, gazetteer=default_gazetteer())
            geojson = to_geojson(analysis)
            html = None
            shared: list[str] = []  # the files of maps/assets/ the map needs
            if maps:
                from mapper.render.interactive import to_map

                html = to_map(analysis, inline=inline, shared=shared).get_root().render()
    except ArticleTimeout:
        return _record(item, status="timeout", title=article.title,
                       error=f"took longer than {timeout:g} s",
                       seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - one bad article is an error row
        return _record(item, status="error", title=article.title, error=_error(exc),
                       seconds=time.perf_counter() - start)
    published = article.published.isoformat() if article.published else None
    return _record(item, title=article.title, published=published, geojson=geojson, html=html,
                   assets=shared, asset_files=_unsent(shared),
                   warnings=list(analysis.warnings), seconds=time.perf_counter() - start,
                   cpu_seconds=time.process_time() - cpu)


def process_chunk(items: list[Item], timeout: float | None = None, maps: bool = True,
                  inline: bool = True) -> list[dict]:
    """Records for a chunk of articles: read each, parse them together with ``nlp.pipe``, then
    analyse each under the per-article ``timeout`` (seconds)."""
    from mapper.nlp import CHUNK_CHARS, body_start, load_model, parse_text

    warm(maps)
    records: dict[str, dict] = {}
    readable = []
    for item in items:
        start = time.perf_counter()
        try:
            with Watchdog(timeout):
                readable.append((item, _read(item)))
        except ArticleTimeout:
            records[item.key] = _record(item, status="timeout", error="reading took too long",
                                        seconds=time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001
            records[item.key] = _record(item, status="error", error=_error(exc),
                                        seconds=time.perf_counter() - start)
    nlp = load_model()
    # a text over CHUNK_CHARS is left to analyze(), which parses it in pieces (mapper.nlp.parse)
    readable.sort(key=lambda pair: len(pair[1].text) > CHUNK_CHARS)
    piped = [(i, a) for i, a in readable if len(a.text) <= CHUNK_CHARS]
    texts = [parse_text(a.text, body_start(a)) for _, a in piped]
    docs: list = []
    pipe_start, pipe_cpu = time.perf_counter(), time.process_time()
    try:
        with Watchdog(timeout * len(texts) if timeout else None):
            docs = list(nlp.pipe(texts, batch_size=16))
    except (ArticleTimeout, Exception):  # noqa: BLE001 - parse them one by one below
        docs = []
    share = (time.perf_counter() - pipe_start) / max(1, len(texts))
    cpu_share = (time.process_time() - pipe_cpu) / max(1, len(texts))
    for n, (item, article) in enumerate(readable):
        doc = docs[n] if n < len(docs) else None
        rec = _finish(item, article, doc, timeout, maps, inline)
        rec["seconds"] += share if doc is not None else 0.0
        rec["cpu_seconds"] += cpu_share if doc is not None else 0.0
        rec["parse_cpu_seconds"] = cpu_share if doc is not None else 0.0
        records[item.key] = rec
    return [records[i.key] for i in items]
