"""The whole pipeline (read, analyse, map, GeoJSON) over real news articles: every article must
go through without an exception; prints how many journeys it found and a sample to read.

    .venv/bin/python benchmarks/robustness.py [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="articles per corpus")
    ap.add_argument("--show", action="store_true", help="print every journey found")
    args = ap.parse_args()
    os.environ["MAPPER_DEBUG"] = "1"
    sys.path.insert(0, str(ROOT))
    from mapper.evaluate.corpora import load_corpus
    from mapper.export import to_geojson
    from mapper.pipeline import analyze
    from mapper.read import article_from_text
    from mapper.render import to_map

    total = failures = journeys = 0
    start = time.perf_counter()
    for name in ("lgl.xml", "GWN.xml", "TR-News.xml", "GeoVirus.xml"):
        docs = load_corpus(str(CORPORA / name)).documents[: args.limit]
        found = 0
        for doc in docs:
            total += 1
            try:
                a = analyze(article_from_text(doc.text, source=name, stem=str(doc.id)))
                to_map(a).get_root().render()
                json.dumps(to_geojson(a))
            except Exception:  # noqa: BLE001 - counted and shown
                failures += 1
                print(f"FAIL {name} {doc.id}")
                traceback.print_exc(limit=4)
                continue
            found += len(a.journeys)
            if args.show:
                for j in a.journeys:
                    stops = " -> ".join(f"{s.place.name} ({s.status})" for s in j.stops)
                    print(f"  {name} {doc.id}: {j.mover}: {stops}")
        journeys += found
        print(f"{name:<13} {len(docs):4d} articles, {found:3d} journeys")
    secs = time.perf_counter() - start
    print(f"total {total} articles, {failures} failures, {journeys} journeys, "
          f"{secs:.1f} s ({total / secs:.1f} articles/s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
