"""Pure functions scoring toponym recognition and resolution.

Recognition: spans are (start, end) character offsets, matched one-to-one either exactly or by
overlap. Resolution: great-circle errors in km between gold and predicted points, summarised as
accuracy within 161 km, mean and median error, and the AUC of the log error curve (Gritta et al.
2019, "What's missing in geographical parsing?").
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from mapper.geodesy import distance_km

Span = tuple[int, int]

MAX_ERROR_KM = 20039.0  # half Earth's circumference: the error of an unresolved toponym
ACC_KM = 161.0  # 100 miles, the usual "accuracy@161km"


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of one matching, with the counts behind them."""

    matched: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched + other.matched, self.n_pred + other.n_pred, self.n_gold + other.n_gold
        )


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs of identical spans, one-to-one."""
    free: dict[Span, list[int]] = {}
    for j, span in enumerate(pred):
        free.setdefault((span[0], span[1]), []).append(j)
    pairs = []
    for i, span in enumerate(gold):
        candidates = free.get((span[0], span[1]))
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_overlap(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs of overlapping spans, one-to-one.

    Pairs are taken greedily by shared length (longest first), ties by position, so a predicted
    span covering two gold spans matches only one of them.
    """
    candidates = [
        (-overlap(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if overlap(g, p) > 0
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(gold: Sequence[Span], pred: Sequence[Span], exact: bool = True) -> PRF:
    """Recognition counts for one document."""
    pairs = match_exact(gold, pred) if exact else match_overlap(gold, pred)
    return PRF(len(pairs), len(pred), len(gold))


def error_km(gold: tuple[float, float], pred: tuple[float | None, float | None] | None) -> float:
    """Distance from the gold (lat, lon) to the predicted one; ``MAX_ERROR_KM`` if none."""
    if pred is None or pred[0] is None or pred[1] is None:
        return MAX_ERROR_KM
    return min(distance_km(gold, (pred[0], pred[1])), MAX_ERROR_KM)


def accuracy_within(errors: Sequence[float], km: float = ACC_KM) -> float | None:
    """Share of errors of at most ``km``."""
    return sum(1 for e in errors if e <= km) / len(errors) if errors else None


def mean_km(errors: Sequence[float]) -> float | None:
    return statistics.fmean(errors) if errors else None


def median_km(errors: Sequence[float]) -> float | None:
    return statistics.median(errors) if errors else None


def auc(errors: Sequence[float]) -> float | None:
    """Area under the curve of sorted log errors, normalised to [0, 1] (0 is perfect).

    As in Gritta et al. (2019): ``trapz(sorted(log(1 + e))) / (log(1 + 20039) * (n - 1))``, the
    trapezoid rule at unit spacing over the n sorted errors. (Their code divides by log(20039);
    log(20040) makes an unresolved toponym exactly 1; the two differ by under 1e-5.) A single
    error is its own normalised log.
    """
    if not errors:
        return None
    logs = sorted(math.log1p(min(max(e, 0.0), MAX_ERROR_KM)) for e in errors)
    norm = math.log1p(MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / norm
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
    return area / (norm * (len(logs) - 1))


def resolution_figures(errors: Sequence[float]) -> dict[str, float | None]:
    """acc161, mean_km, median_km and auc of a list of errors in km."""
    return {
        "acc161": accuracy_within(errors),
        "mean_km": mean_km(errors),
        "median_km": median_km(errors),
        "auc": auc(errors),
    }
