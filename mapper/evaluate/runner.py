"""Run a geoparser over gold documents and collect the figures.

Any object with ``parse(text)`` and ``resolve(text, spans)`` (see :class:`GeoparserLike`) can be
evaluated, so tests and baselines pass their own.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from mapper.errors import MapperError
from mapper.evaluate.corpora import GoldDocument
from mapper.evaluate.metrics import (
    MAX_ERROR_KM,
    PRF,
    accuracy_within,
    error_km,
    match_overlap,
    prf,
    resolution_figures,
)

Mode = Literal["resolve", "end-to-end"]
MODES: tuple[str, ...] = ("resolve", "end-to-end")


class SpanLike(Protocol):
    """What the runner reads from a geoparser's output span."""

    start: int
    end: int
    lat: float | None
    lon: float | None


class GeoparserLike(Protocol):
    def parse(self, text: str) -> Sequence[SpanLike]: ...

    def resolve(self, text: str, spans: list[tuple[int, int]]) -> Sequence[SpanLike | None]: ...


class EvaluationError(MapperError):
    """The geoparser broke the contract (e.g. wrong number of answers); one-line message."""


@dataclass
class ToponymResult:
    """One scored gold toponym (for error analysis)."""

    doc_id: str
    start: int
    end: int
    phrase: str
    gold: tuple[float, float]
    gold_geonameid: int | None
    pred: tuple[float, float] | None
    pred_geonameid: int | None
    error_km: float


@dataclass
class Evaluation:
    mode: str
    n_docs: int = 0
    n_gold: int = 0  # gold toponyms (spans)
    n_gold_coords: int = 0  # gold toponyms with coordinates (resolution can be scored)
    exact: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    overlapping: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    results: list[ToponymResult] = field(default_factory=list)
    seconds: float = 0.0  # time spent inside the geoparser

    @property
    def errors(self) -> list[float]:
        return [r.error_km for r in self.results]

    def figures(self) -> dict[str, Any]:
        """Every figure as a flat JSON-ready dict."""
        e2e = self.mode == "end-to-end"
        errors = self.errors
        with_ids = [r for r in self.results if r.gold_geonameid is not None]
        out: dict[str, Any] = {
            "mode": self.mode,
            "n_docs": self.n_docs,
            "n_gold": self.n_gold,
            "n_gold_coords": self.n_gold_coords,
            "n_pred": self.overlapping.n_pred if e2e else None,
            "n_scored": len(errors),
            "n_unresolved": sum(r.pred is None for r in self.results),  # scored at 20039 km
            # Headline recognition figures use overlap matching; exact ones are given too.
            "precision": self.overlapping.precision if e2e else None,
            "recall": self.overlapping.recall if e2e else None,
            "f1": self.overlapping.f1 if e2e else None,
            "overlap_precision": self.overlapping.precision if e2e else None,
            "overlap_recall": self.overlapping.recall if e2e else None,
            "overlap_f1": self.overlapping.f1 if e2e else None,
            "exact_precision": self.exact.precision if e2e else None,
            "exact_recall": self.exact.recall if e2e else None,
            "exact_f1": self.exact.f1 if e2e else None,
            **resolution_figures(errors),
            "geonameid_acc": (
                sum(r.pred_geonameid == r.gold_geonameid for r in with_ids) / len(with_ids)
                if with_ids
                else None
            ),
            # End to end: gold toponyms with coordinates both recognised and within 161 km.
            "acc161_all_gold": (
                (accuracy_within(errors) or 0.0) * len(errors) / self.n_gold_coords
                if e2e and self.n_gold_coords
                else None
            ),
            "seconds": self.seconds,
            "docs_per_s": self.n_docs / self.seconds if self.seconds > 0 else None,
            "peak_rss_mb": peak_rss_mb(),
        }
        return out


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss: KB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _point(span: SpanLike | None) -> tuple[float, float] | None:
    if span is None:
        return None
    lat, lon = getattr(span, "lat", None), getattr(span, "lon", None)
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


def _result(doc: GoldDocument, gold_index: int, span: SpanLike | None) -> ToponymResult:
    gold = doc.toponyms[gold_index]
    assert gold.lat is not None and gold.lon is not None
    point = _point(span)
    return ToponymResult(
        doc_id=doc.id,
        start=gold.start,
        end=gold.end,
        phrase=gold.phrase,
        gold=(gold.lat, gold.lon),
        gold_geonameid=gold.geonameid,
        pred=point,
        pred_geonameid=getattr(span, "geonameid", None) if span is not None else None,
        error_km=error_km((gold.lat, gold.lon), point) if point else MAX_ERROR_KM,
    )


def evaluate_document(
    geoparser: GeoparserLike, doc: GoldDocument, mode: Mode, evaluation: Evaluation
) -> None:
    """Run the geoparser on one document and add its counts to ``evaluation``."""
    gold_spans = [(t.start, t.end) for t in doc.toponyms]
    evaluation.n_docs += 1
    evaluation.n_gold += len(gold_spans)
    evaluation.n_gold_coords += sum(t.has_coordinates for t in doc.toponyms)
    if mode == "resolve":
        began = time.perf_counter()
        answers = list(geoparser.resolve(doc.text, list(gold_spans)))
        evaluation.seconds += time.perf_counter() - began
        if len(answers) != len(gold_spans):
            raise EvaluationError(
                f"resolve() returned {len(answers)} answers for {len(gold_spans)} spans "
                f"in document {doc.id}"
            )
        for i, answer in enumerate(answers):
            if doc.toponyms[i].has_coordinates:
                evaluation.results.append(_result(doc, i, answer))
        return
    began = time.perf_counter()
    predicted = list(geoparser.parse(doc.text))
    evaluation.seconds += time.perf_counter() - began
    pred_spans = [(int(p.start), int(p.end)) for p in predicted]
    evaluation.exact += prf(gold_spans, pred_spans, exact=True)
    evaluation.overlapping += prf(gold_spans, pred_spans, exact=False)
    for i, j in match_overlap(gold_spans, pred_spans):
        if doc.toponyms[i].has_coordinates:
            evaluation.results.append(_result(doc, i, predicted[j]))


def evaluate(
    geoparser: GeoparserLike, documents: Sequence[GoldDocument], mode: Mode = "resolve"
) -> Evaluation:
    """Score ``geoparser`` on ``documents`` in ``mode`` ("resolve" or "end-to-end")."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: expected one of {', '.join(MODES)}")
    evaluation = Evaluation(mode=mode)
    for doc in documents:
        evaluate_document(geoparser, doc, mode, evaluation)
    return evaluation
