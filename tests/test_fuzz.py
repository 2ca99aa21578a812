"""A short fuzzing profile in CI (issue 13): generated articles end in mapper's own input error or
in GeoJSON that keeps the contract and a map that renders. ``benchmarks/fuzz.py`` runs 10,000+."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from benchmarks.fuzz import articles, check
from mapper.contract import problems
from mapper.export import to_geojson


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(articles)
def test_generated_articles_never_crash(text):
    assert check(text, render=len(text) % 5 == 0) in ("ok", "input")


def test_contract_check_finds_broken_collections(seed):
    """The checker the fuzzer relies on does fail: a good collection passes, broken ones not."""
    import json

    good = json.loads(json.dumps(to_geojson(seed)))
    assert problems(good, seed.article.text) == []
    leg = next(f for f in good["features"] if f["properties"]["kind"] == "leg")
    leg["properties"]["status"] = "maybe"
    place = next(f for f in good["features"] if f["properties"]["kind"] == "place")
    place["geometry"]["coordinates"] = [200.0, 10.0]
    place["properties"]["mentions"][0]["start"] += 1
    found = problems(good, seed.article.text)
    assert any("status" in p for p in found)
    assert any("out of range" in p for p in found)
    assert any("offsets" in p for p in found)
    assert problems({"type": "Feature"}) == ["not a FeatureCollection"]
