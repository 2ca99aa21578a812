"""Journeys of the three authored articles (train, ship, flight) against the expectations a
reader wrote down in tests/expected_journeys.json (see data/articles/README.md)."""

from __future__ import annotations

import json

import pytest

from mapper.geodesy import distance_km
from tests.conftest import ARTICLES, ROOT

EXPECTED = json.loads((ROOT / "tests" / "expected_journeys.json").read_text(encoding="utf-8"))
CASES = [(name, j) for name, spec in EXPECTED["articles"].items() for j in spec["journeys"]]


def _match(journey, expected_stops):
    """Indexes of the produced stops matching each expected stop (within 50 km), in order."""
    used: list[int] = []
    pairs = []
    for es in expected_stops:
        hits = [i for i, s in enumerate(journey.stops) if i not in used and
                distance_km((s.place.lat, s.place.lon), (es["lat"], es["lon"])) <= 50]
        if hits:
            used.append(hits[0])
            pairs.append((es, journey.stops[hits[0]]))
    return used, pairs


@pytest.mark.parametrize("name,expected", CASES, ids=[f"{n}:{j['mover']}" for n, j in CASES])
def test_journey_found_in_time_order(analyze_file, name, expected):
    analysis = analyze_file(ARTICLES / name)
    movers = [j for j in analysis.journeys if expected["mover"].lower() in j.mover.lower()]
    assert movers, f"no journey for {expected['mover']}: {[j.mover for j in analysis.journeys]}"
    journey = movers[0]
    used, pairs = _match(journey, expected["stops"])
    share = len(used) / len(expected["stops"])
    assert share >= 0.7, f"{len(used)}/{len(expected['stops'])} stops found"
    assert used == sorted(used), "stops out of time order"
    statuses = sum(stop.status in es["status_accept"] for es, stop in pairs)
    assert statuses / len(pairs) >= 0.6
    assert {s.mode for s in journey.stops} & {expected["mode"]}


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_named_places_that_are_not_stops(analyze_file, name):
    analysis = analyze_file(ARTICLES / name)
    not_stops = set(EXPECTED["articles"][name].get("not_stops", []))
    for j in analysis.journeys:
        for s in j.stops:
            assert s.place.name not in not_stops and s.place.entry.name not in not_stops, (
                j.mover, s.place.name)


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_metadata(analyze_file, name):
    spec = EXPECTED["articles"][name]
    article = analyze_file(ARTICLES / name).article
    assert article.published.isoformat() == spec["published"]
    assert article.title == spec["title"]
