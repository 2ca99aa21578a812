"""Scoring predicted journeys against gold journeys (``mapper evaluate-journeys``).

Gold is the format of ``../shared/journeys/gold.json`` (see its README): ``{file: [journey]}``,
a journey ``{"mover", "stops"}`` with stops in time order, each ``{"name", "ll": [lat, lon],
"tol": km, "status": [accepted], "mode", "date"}`` (status, mode and date optional).

The metric, per article, summed over articles before dividing:

- recall: for each gold journey, the predicted journey whose stops match most gold stops in
  order (longest common subsequence; a predicted stop matches a gold stop within the gold
  stop's ``tol`` km); matched gold stops / gold stops;
- precision: predicted stops (of every predicted journey) within ``tol`` of some gold stop of
  the article / predicted stops;
- status, mode, date: on matched stops whose gold stop carries the field, except the gold
  journey's first stop (its origin, which no leg reaches). A predicted stop's values are those
  of the leg arriving there; a stop no leg reaches that starts a leg (a departure point) has
  none; a stop no leg touches ("visited X", a trip to each) keeps its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from mapper.errors import InputError
from mapper.geodesy import distance_km
from mapper.model import Analysis, Journey

FIELDS: tuple[str, ...] = ("status", "mode", "date")

# --------------------------------------------------------------------------------------------
# values


@dataclass(frozen=True)
class GoldStop:
    name: str
    lat: float
    lon: float
    tol: float  # km
    status: tuple[str, ...] | None = None  # accepted statuses of the arriving leg
    mode: str | None = None
    date: str | None = None  # a prefix ("2021-08") or an interval ("2019-04-24/2019-04-26")


@dataclass(frozen=True)
class GoldJourney:
    mover: str
    stops: tuple[GoldStop, ...]


@dataclass(frozen=True)
class PredStop:
    """A predicted stop with the status, mode and date of the leg arriving there."""

    name: str
    lat: float
    lon: float
    status: str | None = None
    mode: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class PredJourney:
    id: str
    mover: str
    stops: tuple[PredStop, ...]


@dataclass(frozen=True)
class StopMatch:
    """One gold stop and the predicted stop matched to it (None: missed)."""

    gold: GoldStop
    origin: bool
    pred: PredStop | None = None
    km: float | None = None
    checks: tuple[tuple[str, bool], ...] = ()  # (field, correct) for the fields scored


@dataclass(frozen=True)
class JourneyMatch:
    gold: GoldJourney
    pred: PredJourney | None
    stops: tuple[StopMatch, ...]


@dataclass(frozen=True)
class Counts:
    """The counts behind the figures; they add up over articles (micro average)."""

    gold: int = 0
    matched: int = 0
    predicted: int = 0
    on_gold: int = 0
    status_n: int = 0
    status_ok: int = 0
    mode_n: int = 0
    mode_ok: int = 0
    date_n: int = 0
    date_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def figures(self) -> dict[str, float | None]:
        """recall, precision, status, mode, date; None where nothing was counted."""

        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        return {
            "recall": ratio(self.matched, self.gold),
            "precision": ratio(self.on_gold, self.predicted),
            "status": ratio(self.status_ok, self.status_n),
            "mode": ratio(self.mode_ok, self.mode_n),
            "date": ratio(self.date_ok, self.date_n),
        }


@dataclass(frozen=True)
class ArticleScore:
    file: str
    counts: Counts
    journeys: tuple[JourneyMatch, ...]
    extra: tuple[tuple[str, PredStop], ...]  # (journey id, stop) on no gold stop


# --------------------------------------------------------------------------------------------
# gold


def load_gold(path: str | Path) -> dict[str, tuple[GoldJourney, ...]]:
    """Read a gold file; InputError (one line) if it is missing or not in the gold format.
    Top-level keys starting with "_" are comments."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"gold file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"gold file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"gold file {path}: expected an object {{file: [journey, ...]}}")
    gold = {}
    for file, journeys in data.items():
        if file.startswith("_"):
            continue
        try:
            gold[file] = tuple(_gold_journey(j) for j in journeys)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise InputError(f"gold file {path}: bad journey for {file!r} "
                             f"({type(exc).__name__}: {exc})") from None
    return gold


def _gold_journey(raw: dict[str, Any]) -> GoldJourney:
    stops = tuple(_gold_stop(s) for s in raw["stops"])
    if not stops:
        raise ValueError("a journey without stops")
    return GoldJourney(str(raw.get("mover", "")), stops)


def _gold_stop(raw: dict[str, Any]) -> GoldStop:
    lat, lon = (float(x) for x in raw["ll"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {raw['ll']}")
    status = raw.get("status")
    if isinstance(status, str):
        status = [status]
    if status is not None and not all(isinstance(s, str) for s in status):
        raise ValueError(f"status must be a list of strings: {status!r}")
    for key in ("mode", "date"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValueError(f"{key} must be a string: {raw[key]!r}")
    return GoldStop(str(raw["name"]), lat, lon, float(raw["tol"]),
                    tuple(status) if status is not None else None, raw.get("mode"),
                    raw.get("date"))


# --------------------------------------------------------------------------------------------
# predictions


def predicted_journeys(analysis: Analysis) -> tuple[PredJourney, ...]:
    """The analysis' journeys as PredJourneys (every stop, with or without a leg)."""
    return tuple(PredJourney(j.id, j.mover, arrivals(j)) for j in analysis.journeys)


def arrivals(journey: Journey) -> tuple[PredStop, ...]:
    """The journey's stops, each with the status, mode and date of the leg arriving there.

    A stop that only starts legs (the origin) has none; a stop no leg touches (a journey
    without legs, a trip "to each") keeps its own, as the destination of a trip."""
    arrived = {leg.destination for leg in journey.legs}
    departed = {leg.origin for leg in journey.legs}
    out = []
    for stop in journey.stops:
        name, lat, lon = stop.place.name, stop.place.lat, stop.place.lon
        if stop in departed and stop not in arrived:
            out.append(PredStop(name, lat, lon))
        else:
            out.append(PredStop(name, lat, lon, stop.status, stop.mode, stop.date))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# scoring


def km_between(pred: PredStop, gold: GoldStop) -> float:
    """Geodesic distance between a predicted and a gold stop, km."""
    return distance_km((pred.lat, pred.lon), (gold.lat, gold.lon))


def within(pred: PredStop, gold: GoldStop) -> bool:
    """Whether the predicted stop lies within the gold stop's tolerance."""
    return km_between(pred, gold) <= gold.tol


def lcs_pairs(gold: Sequence[GoldStop], pred: Sequence[PredStop]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs of a longest common subsequence, in order."""
    hit = [[within(p, g) for p in pred] for g in gold]
    n, m = len(gold), len(pred)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (best[i + 1][j + 1] + 1 if hit[i][j]
                          else max(best[i + 1][j], best[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if hit[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def date_ok(predicted: str | None, gold: str) -> bool:
    """Whether a predicted date (ISO date or "start/end") fits a gold prefix or interval.

    A predicted interval fits only if both its ends do; a missing date never fits."""
    if not predicted:
        return False
    return all(_date_fits(end, gold) for end in predicted.split("/") if end)


def _date_fits(day: str, gold: str) -> bool:
    if "/" in gold:
        lo, _, hi = gold.partition("/")
        return lo <= day and day[: len(hi)] <= hi
    return day.startswith(gold)


def field_checks(pred: PredStop, gold: GoldStop) -> tuple[tuple[str, bool], ...]:
    """(field, correct) for each of status, mode and date the gold stop carries."""
    checks = []
    if gold.status is not None:
        checks.append(("status", pred.status in gold.status))
    if gold.mode is not None:
        checks.append(("mode", pred.mode == gold.mode))
    if gold.date is not None:
        checks.append(("date", date_ok(pred.date, gold.date)))
    return tuple(checks)


def match_journey(gold: GoldJourney, preds: Sequence[PredJourney]) -> JourneyMatch:
    """The predicted journey matching most of the gold stops in order (the first on a tie),
    and what matched each gold stop."""
    best: tuple[PredJourney | None, list[tuple[int, int]]] = (None, [])
    for pj in preds:
        pairs = lcs_pairs(gold.stops, pj.stops)
        if len(pairs) > len(best[1]):
            best = (pj, pairs)
    pj, pairs = best
    paired = dict(pairs)
    stops = []
    for i, gs in enumerate(gold.stops):
        if pj is None or i not in paired:
            stops.append(StopMatch(gs, i == 0))
            continue
        ps = pj.stops[paired[i]]
        checks = () if i == 0 else field_checks(ps, gs)
        stops.append(StopMatch(gs, i == 0, ps, km_between(ps, gs), checks))
    return JourneyMatch(gold, pj, tuple(stops))


def score_article(file: str, gold: Sequence[GoldJourney],
                  preds: Sequence[PredJourney]) -> ArticleScore:
    """Match every gold journey of one article and count."""
    matches = tuple(match_journey(g, preds) for g in gold)
    gold_stops = [s for g in gold for s in g.stops]
    extra = tuple((pj.id, ps) for pj in preds for ps in pj.stops
                  if not any(within(ps, gs) for gs in gold_stops))
    n_pred = sum(len(pj.stops) for pj in preds)
    tally = {f: [0, 0] for f in FIELDS}
    for m in matches:
        for sm in m.stops:
            for name, ok in sm.checks:
                tally[name][0] += 1
                tally[name][1] += ok
    counts = Counts(
        gold=len(gold_stops),
        matched=sum(sm.pred is not None for m in matches for sm in m.stops),
        predicted=n_pred,
        on_gold=n_pred - len(extra),
        status_n=tally["status"][0], status_ok=tally["status"][1],
        mode_n=tally["mode"][0], mode_ok=tally["mode"][1],
        date_n=tally["date"][0], date_ok=tally["date"][1],
    )
    return ArticleScore(file, counts, matches, extra)


def total(scores: Sequence[ArticleScore]) -> Counts:
    """The counts of all articles summed."""
    out = Counts()
    for s in scores:
        out = out + s.counts
    return out


# --------------------------------------------------------------------------------------------
# reports


def to_json(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """{"overall": figures, "articles": {file: counts and figures}}."""
    articles = {s.file: {**s.counts.__dict__, **s.counts.figures()} for s in scores}
    overall = total(scores)
    return {"overall": {**overall.figures(), "articles": len(scores), **overall.__dict__},
            "articles": articles}


def _fig(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(scores: Sequence[ArticleScore]) -> str:
    """One row per article and an overall row: counts and figures."""
    head = ["article", "gold", "found", "pred", "on gold", "recall", "precision", "status",
            "mode", "date"]
    rows = []
    for name, c in [*((s.file, s.counts) for s in scores), ("overall", total(scores))]:
        f = c.figures()
        rows.append([name, str(c.gold), str(c.matched), str(c.predicted), str(c.on_gold),
                     _fig(f["recall"]), _fig(f["precision"]),
                     *(f"{_fig(f[k])} ({getattr(c, k + '_ok')}/{getattr(c, k + '_n')})"
                       for k in FIELDS)])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(head, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in rows]
    lines.insert(len(lines) - 1, lines[1])
    return "\n".join(lines)


def _values(stop: PredStop) -> str:
    return f"{stop.status or '-'}, {stop.mode or '-'}, {stop.date or '-'}"


def format_details(score: ArticleScore) -> str:
    """Each gold stop and what matched it (or MISSED), then the predicted stops on no gold
    stop (EXTRA)."""
    lines = [f"== {score.file}"]
    for m in score.journeys:
        which = f"{m.pred.id} {m.pred.mover}" if m.pred else "no predicted journey"
        lines.append(f"  gold journey: {m.gold.mover}  <- {which}")
        for sm in m.stops:
            g = sm.gold
            want = "origin" if sm.origin else (
                f"{'|'.join(g.status) if g.status else '-'}, {g.mode or '-'}, {g.date or '-'}")
            head = f"    {g.name} [{want}]"
            if sm.pred is None:
                lines.append(f"{head}: MISSED")
                continue
            wrong = [name for name, ok in sm.checks if not ok]
            note = f"  wrong: {', '.join(wrong)}" if wrong else ""
            lines.append(f"{head}: {sm.pred.name} ({sm.km:.0f} km) {_values(sm.pred)}{note}")
    for jid, ps in score.extra:
        lines.append(f"  EXTRA {jid}: {ps.name} {_values(ps)}")
    return "\n".join(lines)
