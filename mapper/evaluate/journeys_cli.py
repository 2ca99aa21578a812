"""``mapper evaluate-journeys DIR --gold GOLD.json``: score mapper's journeys against gold."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mapper.errors import InputError, MapperError
from mapper.evaluate.journeys import (
    ArticleScore,
    GoldJourney,
    format_details,
    format_table,
    load_gold,
    predicted_journeys,
    score_article,
    to_json,
)

log = logging.getLogger("mapper")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``evaluate-journeys`` on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "evaluate-journeys",
        help="score the journeys on articles with gold journeys",
        description="Run mapper on every article of DIR that the gold file lists and score "
        "its journeys: recall and precision of stops, status, mode and arrival date.",
    )
    parser.add_argument("dir", help="folder of article files")
    parser.add_argument("--gold", required=True, help="gold journeys (JSON, see "
                        "../shared/journeys/README.md)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--details", action="store_true",
                        help="also print, per article, what matched each gold stop")
    parser.set_defaults(func=run)
    return parser


def evaluate_dir(folder: str | Path, gold: dict[str, tuple[GoldJourney, ...]], *,
                 extractor: str = "spacy") -> list[ArticleScore]:
    """Analyse every article of ``folder`` that has gold (the models load once) and score it.
    An article mapper cannot read scores as one with no journeys (a warning says so)."""
    from mapper.gazetteer import default_gazetteer
    from mapper.pipeline import analyze
    from mapper.read import read_article

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    files = [name for name in sorted(gold) if (folder / name).is_file()]
    if not files:
        raise InputError(f"no article in {folder} has an entry in the gold file")
    if len(files) < len(gold):
        log.warning("%d gold article(s) not in %s, not scored", len(gold) - len(files), folder)
    gazetteer = default_gazetteer()
    scores = []
    for name in files:
        try:
            analysis = analyze(read_article(str(folder / name)), extractor=extractor,
                               gazetteer=gazetteer)
            preds = predicted_journeys(analysis)
        except MapperError as exc:
            log.warning("%s: %s; scored with no journeys", name, exc)
            preds = ()
        scores.append(score_article(name, gold[name], preds))
    return scores


def report(scores: Sequence[ArticleScore], *, as_json: bool, details: bool) -> str:
    """The text ``evaluate-journeys`` prints."""
    if as_json:
        out = to_json(scores)
        if details:
            out["details"] = {s.file: format_details(s).splitlines() for s in scores}
        return json.dumps(out, ensure_ascii=False, indent=1)
    parts = [format_details(s) for s in scores] if details else []
    return "\n\n".join([*parts, format_table(scores)])


def run(args: argparse.Namespace) -> int:
    """Run ``mapper evaluate-journeys``; bad input raises InputError (exit 2 in the CLI)."""
    gold = load_gold(args.gold)
    scores = evaluate_dir(args.dir, gold, extractor=getattr(args, "extractor", "spacy"))
    print(report(scores, as_json=args.json, details=args.details))
    sys.stdout.flush()
    return 0
