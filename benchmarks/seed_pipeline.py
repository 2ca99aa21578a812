"""Whole-process time of ``mapper map`` on an article (issue 2: at most 3 s on the seed).

Runs the CLI in fresh processes (cold start: Python, spaCy and the gazetteer loaded each time;
the gazetteer index and basemap already built in the cache, as after the first run on a
machine), then times each stage in one process.

    .venv/bin/python benchmarks/seed_pipeline.py [ARTICLE] [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"
TARGET_S = 3.0


def cold_runs(article: Path, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        # one warm-up builds the caches if this machine has none yet
        subprocess.run([sys.executable, "-m", "mapper", "map", str(article), "-o",
                        f"{tmp}/warm.html"], check=True, capture_output=True)
        for i in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mapper", "map", str(article), "-o",
                            f"{tmp}/m{i}.html", "--geojson", f"{tmp}/m{i}.geojson"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - t)
    return times


def stage_times(article: Path) -> dict[str, float]:
    out: dict[str, float] = {}

    def lap(name: str, t0: float) -> float:
        now = time.perf_counter()
        out[name] = now - t0
        return now

    t = time.perf_counter()
    from mapper import export
    from mapper.corridors import CorridorExtractor
    from mapper.gazetteer import default_gazetteer
    from mapper.geometry import draw
    from mapper.journeys import JourneyExtractor
    from mapper.model import Analysis
    from mapper.nlp import body_start, load_model, parse
    from mapper.pipeline import make_extractor
    from mapper.read import read_article
    from mapper.render import to_map
    from mapper.resolve import Resolver

    t = lap("import", t)
    gaz = default_gazetteer()
    load_model()
    t = lap("load spaCy + gazetteer", t)
    art = read_article(str(article))
    t = lap("read", t)
    doc = parse(art.text, body_start(art))
    t = lap("parse (spaCy)", t)
    mentions = make_extractor("spacy", gaz).extract(art, doc)
    t = lap("extract mentions", t)
    res = Resolver(gaz).resolve(art, mentions)
    t = lap("resolve places", t)
    jr = JourneyExtractor(gaz).extract(art, doc, res.places)
    places = res.places + jr.places
    corridors = CorridorExtractor(gaz).extract(art, doc, places)
    t = lap("journeys + corridors", t)
    analysis = draw(Analysis(art, places, jr.journeys, corridors), gaz)
    t = lap("geometry (networks)", t)
    html = to_map(analysis).get_root().render()
    export.to_geojson(analysis)
    lap("map + GeoJSON", t)
    out["_html_mb"] = len(html) / 1e6
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", default=str(SEED))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    article = Path(args.article)

    times = cold_runs(article, args.runs)
    med = statistics.median(times)
    print(f"article: {article.name}")
    print(f"mapper map, fresh process x{args.runs}: median {med:.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s  (target <= {TARGET_S:.1f} s: "
          f"{'met' if med <= TARGET_S else 'MISSED'})")
    stages = stage_times(article)
    html_mb = stages.pop("_html_mb")
    print("stages in one process:")
    for name, secs in stages.items():
        print(f"  {name:<26} {secs:6.3f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"map HTML {html_mb:.2f} MB; peak RSS of this process {rss:.0f} MB")
    return 0 if med <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
