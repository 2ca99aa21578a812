"""Every evaluation figure on the four corpora, both modes and both extractors, as Markdown.

Run by hand from the repo root (about four minutes on one core):

    .venv/bin/python benchmarks/geoparse_table.py > /tmp/geoparse_table.md

Each cell comes from ``mapper evaluate CORPUS --mode MODE [--extractor X] --json`` in a fresh
process (so docs/s and peak RSS are per run). Mordecai 3's published figures (Halterman 2023,
resolution with gold spans) are printed beside resolve mode.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {"LGL": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml", "GWN": "GWN.xml"}
MORDECAI3 = {"LGL": ("82.7 %", "304"), "TR-News": ("87.3 %", "295"), "GWN": ("94.1 %", "249")}
RUNS = [("resolve", None), ("end-to-end", "gazetteer"), ("end-to-end", "spacy")]


def run(corpus: str, mode: str, extractor: str | None) -> dict:
    cmd = [sys.executable, "-m", "mapper", "evaluate", str(CORPORA / FILES[corpus]),
           "--mode", mode, "--json"]
    if extractor:
        cmd += ["--extractor", extractor]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True,
                                     cwd=ROOT).stdout)


def fmt(value, kind: str) -> str:
    if value is None:
        return "–"
    return {"pct": f"{100 * value:.1f} %", "f": f"{value:.3f}", "km": f"{value:,.0f}",
            "int": f"{value:,.0f}"}[kind]


def main() -> None:
    print("| corpus | mode | extractor | P | R | F1 overlap | F1 exact | acc161 | mean km "
          "| median km | AUC | docs/s | peak RSS MB | Mordecai 3 acc161 / mean km |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for corpus in FILES:
        for mode, extractor in RUNS:
            d = run(corpus, mode, extractor)
            m3 = " / ".join(MORDECAI3[corpus]) if mode == "resolve" and corpus in MORDECAI3 \
                else "–"
            cells = [corpus, mode, extractor or "gold spans",
                     fmt(d["overlap_precision"], "f"), fmt(d["overlap_recall"], "f"),
                     fmt(d["overlap_f1"], "f"), fmt(d["exact_f1"], "f"), fmt(d["acc161"], "pct"),
                     fmt(d["mean_km"], "km"), fmt(d["median_km"], "km"), fmt(d["auc"], "f"),
                     fmt(d["docs_per_s"], "int"), fmt(d["peak_rss_mb"], "int"), m3]
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
