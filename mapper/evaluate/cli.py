"""``mapper evaluate CORPUS.xml``: score mapper's geoparser on a standard corpus."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from typing import Any

from mapper.atomic import write_atomic
from mapper.errors import MapperError
from mapper.evaluate.corpora import load_corpus
from mapper.evaluate.runner import MODES, EvaluationError, evaluate

EXTRACTORS: tuple[str, ...] = ("spacy", "gazetteer")


def _non_negative(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return n


def configure(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the evaluate options to ``parser``."""
    parser.add_argument("corpus", help="corpus XML file (LGL, TR-News, GeoVirus or GWN schema)")
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="resolve",
        help="resolve: gold spans given, score resolution only; "
        "end-to-end: raw text, score recognition and resolution (default: resolve)",
    )
    parser.add_argument("--extractor", choices=EXTRACTORS, default="spacy")
    parser.add_argument("--limit", type=_non_negative, metavar="N", help="first N documents")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--details", metavar="PATH", help="write one JSON line per scored gold toponym"
    )
    parser.set_defaults(func=run)
    return parser


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``evaluate`` on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the geoparser on a gold corpus",
        description="Score mapper's toponym recognition and resolution on a gold corpus.",
    )
    return configure(parser)


def _fmt(value: Any, kind: str = "") -> str:
    if value is None:
        return "-"
    if kind == "pct":
        return f"{100 * value:.1f} %"
    if kind == "rate":
        return f"{value:,.1f}"
    if kind == "km":
        return f"{value:,.0f} km"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_figures(name: str, figures: dict[str, Any]) -> str:
    """A short human-readable report."""
    rows = [
        ("corpus", name),
        ("mode", figures["mode"]),
        ("documents", _fmt(figures["n_docs"])),
        ("gold toponyms", f"{figures['n_gold']} ({figures['n_gold_coords']} with coordinates)"),
    ]
    if figures["mode"] == "end-to-end":
        rows += [
            ("predicted spans", _fmt(figures["n_pred"])),
            (
                "overlap P / R / F1",
                " / ".join(_fmt(figures[k]) for k in ("precision", "recall", "f1")),
            ),
            (
                "exact P / R / F1",
                " / ".join(
                    _fmt(figures[k]) for k in ("exact_precision", "exact_recall", "exact_f1")
                ),
            ),
        ]
    rows += [
        ("scored toponyms", f"{figures['n_scored']} ({figures['n_unresolved']} unresolved)"),
        ("accuracy within 161 km", _fmt(figures["acc161"], "pct")),
    ]
    if figures["mode"] == "end-to-end":
        rows.append(("within 161 km / all gold", _fmt(figures["acc161_all_gold"], "pct")))
    rows += [
        ("mean error", _fmt(figures["mean_km"], "km")),
        ("median error", _fmt(figures["median_km"], "km")),
        ("AUC (log error, 0 best)", _fmt(figures["auc"])),
        ("GeoNames id accuracy", _fmt(figures["geonameid_acc"], "pct")),
        ("documents per second", _fmt(figures["docs_per_s"], "rate")),
        ("peak RSS", f"{figures['peak_rss_mb']:.0f} MB"),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def _load_geoparser(extractor: str) -> Any:
    try:
        from mapper.geoparse import Geoparser  # type: ignore[import-not-found]
    except ImportError as exc:
        raise EvaluationError(f"the geoparser is not available (mapper.geoparse): {exc}") from None
    return Geoparser(extractor=extractor)


def run(args: argparse.Namespace) -> int:
    """Run ``mapper evaluate``; returns the exit status."""
    try:
        corpus = load_corpus(args.corpus, args.limit)
        began = time.perf_counter()
        geoparser = _load_geoparser(args.extractor)
        load_s = time.perf_counter() - began
        evaluation = evaluate(geoparser, corpus.documents, args.mode)
    except (MapperError, EvaluationError) as exc:
        print(f"mapper evaluate: error: {exc}", file=sys.stderr)
        return 2
    figures = evaluation.figures()
    figures.update(
        corpus=corpus.name,
        extractor=args.extractor if args.mode == "end-to-end" else None,
        load_s=load_s,
        repaired_offsets=corpus.repaired,
        dropped_toponyms=corpus.dropped,
    )
    if args.details:
        lines = [json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in evaluation.results]
        try:
            write_atomic(args.details, "".join(lines))
        except OSError as exc:  # mapper's OutputError included: its message says it all
            message = str(exc) if isinstance(exc, MapperError) else (
                f"cannot write {args.details}: {exc.strerror or exc}")
            print(f"mapper evaluate: error: {message}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(figures))
    else:
        print(format_figures(corpus.name, figures))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = configure(
        argparse.ArgumentParser(
            prog="python -m mapper.evaluate",
            description="Score mapper's toponym recognition and resolution on a gold corpus.",
        )
    )
    return run(parser.parse_args(argv))
