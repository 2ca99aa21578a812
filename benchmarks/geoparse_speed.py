"""Geoparsing speed on one core, cold start and peak memory, each beside its target (issue 3).

    .venv/bin/python benchmarks/geoparse_speed.py [--corpus lgl] [--limit N] [--json]

Every measurement runs in a fresh process pinned to one CPU (``os.sched_setaffinity``):

* gazetteer extractor: documents per second of ``Geoparser("gazetteer").parse`` (recognition and
  resolution), target >= 300;
* spaCy overhead: the same documents through spaCy's pipeline alone and through
  ``Geoparser("spacy").parse`` (which runs that pipeline, then extraction rules and resolution);
  the extra time in % of spaCy's own, target <= 25 %;
* cold start: a fresh process's time from ``import mapper.geoparse`` to the first answer on a short
  text, with the gazetteer index already built, target <= 1.5 s (both extractors);
* peak RSS of the processes above, target <= 1 GB.

Times are CPU times of the process (``time.process_time``), best of ``--repeat`` passes, so other
load on the machine disturbs them little. The corpora are read from ../shared/corpora/.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPORA = {"lgl": "lgl.xml", "tr-news": "TR-News.xml", "geovirus": "GeoVirus.xml", "gwn": "GWN.xml"}
SAMPLE = "Kim Jong-il left Pyongyang by train for Ulan-Ude in eastern Siberia on Saturday."
TARGETS = {"gazetteer_docs_per_s": (">=", 300.0), "spacy_overhead_pct": ("<=", 25.0),
           "cold_start_s": ("<=", 1.5), "peak_rss_mb": ("<=", 1024.0)}

COLD = """
import time
began = time.perf_counter()
from mapper.geoparse import Geoparser
Geoparser(extractor={extractor!r}).parse({text!r})
print(time.perf_counter() - began)
"""


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _best(func, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        for text in texts:
            func(text)
        best = min(best, time.process_time() - began)
    return best


def _texts(corpus: str, limit: int | None) -> list[str]:
    from mapper.evaluate.corpora import load_documents

    return [d.text for d in load_documents(SHARED / CORPORA[corpus], limit=limit)]


def gazetteer_speed(corpus: str, limit: int | None, repeat: int) -> dict[str, Any]:
    pin_one_core()
    from mapper.geoparse import Geoparser

    texts = _texts(corpus, limit)
    geoparser = Geoparser(extractor="gazetteer")
    geoparser.parse(SAMPLE)
    seconds = _best(geoparser.parse, texts, repeat)
    return {"docs": len(texts), "seconds": seconds, "docs_per_s": len(texts) / seconds,
            "peak_rss_mb": peak_rss_mb()}


def spacy_overhead(corpus: str, limit: int | None, repeat: int) -> dict[str, Any]:
    pin_one_core()
    from mapper.geoparse import Geoparser
    from mapper.nlp import load_model

    texts = _texts(corpus, limit)
    nlp = load_model()
    geoparser = Geoparser(extractor="spacy")
    geoparser.parse(SAMPLE)
    alone = _best(nlp, texts, repeat)
    mapper = _best(geoparser.parse, texts, repeat)
    return {"docs": len(texts), "spacy_s": alone, "mapper_s": mapper,
            "spacy_docs_per_s": len(texts) / alone, "mapper_docs_per_s": len(texts) / mapper,
            "overhead_pct": 100.0 * (mapper - alone) / alone, "peak_rss_mb": peak_rss_mb()}


def cold_start(extractor: str) -> float:
    """Seconds from import to first answer in a fresh process (the index is built beforehand)."""
    code = COLD.format(extractor=extractor, text=SAMPLE)
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env, cwd=root)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return min(runs)


def _isolated(func, *args) -> dict[str, Any]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(func, args)


def verdict(key: str, value: float) -> str:
    op, target = TARGETS[key]
    ok = value >= target if op == ">=" else value <= target
    return f"target {op} {target:g}: {'met' if ok else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="lgl")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--spacy-limit", type=int, default=150,
                        help="documents for the spaCy overhead run (default 150)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (SHARED / CORPORA[args.corpus]).exists():
        print(f"geoparse_speed: error: corpus not found under {SHARED}", file=sys.stderr)
        return 1
    cold_start("gazetteer")  # builds the gazetteer index and the name index if missing
    gaz = _isolated(gazetteer_speed, args.corpus, args.limit, args.repeat)
    sp = _isolated(spacy_overhead, args.corpus, args.spacy_limit or args.limit, args.repeat)
    cold = {x: cold_start(x) for x in ("gazetteer", "spacy")}
    rss = max(gaz["peak_rss_mb"], sp["peak_rss_mb"])
    figures = {"corpus": args.corpus, "gazetteer": gaz, "spacy": sp, "cold_start_s": cold,
               "peak_rss_mb": rss}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus {args.corpus}, one core, CPU time, best of {args.repeat}")
    print(f"gazetteer extractor end to end: {gaz['docs_per_s']:.0f} docs/s over {gaz['docs']} "
          f"docs  ({verdict('gazetteer_docs_per_s', gaz['docs_per_s'])})")
    print(f"spaCy alone {sp['spacy_docs_per_s']:.1f} docs/s, mapper with spaCy "
          f"{sp['mapper_docs_per_s']:.1f} docs/s over {sp['docs']} docs: overhead "
          f"{sp['overhead_pct']:.1f} %  ({verdict('spacy_overhead_pct', sp['overhead_pct'])})")
    for extractor, seconds in cold.items():
        print(f"cold start, {extractor} extractor: {seconds:.2f} s  "
              f"({verdict('cold_start_s', seconds)})")
    print(f"peak RSS: {rss:.0f} MB  ({verdict('peak_rss_mb', rss)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
