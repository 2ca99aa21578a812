"""Journey accuracy (issue 11): ``mapper evaluate-journeys`` on the dev set and the authored
articles, as tables.

Run by hand from the repo root (about 15 s after the models load):

    .venv/bin/python benchmarks/journeys.py [--details]

Dev set: the 34 real articles of ``../shared/journeys/`` against their ``gold.json``. Authored:
the three articles of ``data/articles/`` that ``tests/expected_journeys.json`` describes,
converted to the gold format here: the first stop is the origin (no status, mode or date),
``status_accept`` is the accepted statuses, coordinates are the gazetteer entry's (by GeoNames
id, or the nearest entry of the same name within 50 km of the file's approximate point; failing
both, that approximate point), ``tol`` is 25 km for a town and 50 km for anything else.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapper.evaluate.journeys import (  # noqa: E402
    ArticleScore,
    GoldJourney,
    GoldStop,
    format_details,
    format_table,
    load_gold,
    total,
)
from mapper.evaluate.journeys_cli import evaluate_dir  # noqa: E402
from mapper.gazetteer import default_gazetteer  # noqa: E402
from mapper.gazetteer.base import Gazetteer  # noqa: E402
from mapper.geodesy import distance_km  # noqa: E402

DEV = ROOT.parent / "shared" / "journeys"
AUTHORED = ROOT / "data" / "articles"
EXPECTED = ROOT / "tests" / "expected_journeys.json"


def _located(stop: dict[str, Any], gazetteer: Gazetteer) -> tuple[float, float, float]:
    """(lat, lon, tol) of an expected stop, from the gazetteer where it has the place."""
    entry = gazetteer.by_geonameid(stop["geonameid"]) if stop.get("geonameid") else None
    if entry is None:
        near = [e for e in gazetteer.candidates(stop["name"])
                if distance_km((e.lat, e.lon), (stop["lat"], stop["lon"])) <= 50]
        entry = min(near, key=lambda e: distance_km((e.lat, e.lon), (stop["lat"], stop["lon"])),
                    default=None)
    if entry is None:
        return stop["lat"], stop["lon"], 50.0
    return entry.lat, entry.lon, 25.0 if entry.feature == "city" else 50.0


def authored_gold(gazetteer: Gazetteer) -> dict[str, tuple[GoldJourney, ...]]:
    """tests/expected_journeys.json in the gold format."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"]
    gold = {}
    for file, spec in expected.items():
        journeys = []
        for j in spec["journeys"]:
            stops = []
            for i, s in enumerate(j["stops"]):
                lat, lon, tol = _located(s, gazetteer)
                if i == 0:
                    stops.append(GoldStop(s["name"], lat, lon, tol))
                else:
                    stops.append(GoldStop(s["name"], lat, lon, tol, tuple(s["status_accept"]),
                                          s.get("mode"), s.get("date")))
            journeys.append(GoldJourney(j["mover"], tuple(stops)))
        gold[file] = tuple(journeys)
    return gold


def markdown_row(name: str, scores: list[ArticleScore]) -> str:
    c = total(scores)
    f = c.figures()

    def cell(key: str, ok: int, n: int) -> str:
        return "–" if f[key] is None else f"{f[key]:.2f} ({ok}/{n})"

    return (f"| {name} | {len(scores)} | {c.gold} | "
            f"{cell('recall', c.matched, c.gold)} | {cell('precision', c.on_gold, c.predicted)} "
            f"| {cell('status', c.status_ok, c.status_n)} | {cell('mode', c.mode_ok, c.mode_n)} "
            f"| {cell('date', c.date_ok, c.date_n)} |")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--details", action="store_true", help="print what matched each gold stop")
    args = p.parse_args(argv)
    sets: list[tuple[str, list[ArticleScore]]] = []
    if (DEV / "gold.json").exists():
        sets.append(("dev set (../shared/journeys)",
                     evaluate_dir(DEV, load_gold(DEV / "gold.json"))))
    else:
        print(f"({DEV} is not present: dev set skipped)", file=sys.stderr)
    sets.append(("authored (data/articles)",
                 evaluate_dir(AUTHORED, authored_gold(default_gazetteer()))))
    for name, scores in sets:
        print(f"## {name}\n")
        if args.details:
            print("\n\n".join(format_details(s) for s in scores) + "\n")
        print(format_table(scores) + "\n")
    print("| set | articles | gold stops | recall | precision | status | mode | date |")
    print("|---|---|---|---|---|---|---|---|")
    for name, scores in sets:
        print(markdown_row(name, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
