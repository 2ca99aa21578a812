"""The GeoJSON contract that other tools read (issue 2): kinds, properties and their types."""

from __future__ import annotations

import json

import pytest

from mapper.export import geojson_text, to_geojson
from mapper.model import MODES, STATUSES

PLACE_KEYS = {"name", "gazetteer_name", "geonameid", "feature", "country_code", "implied",
              "mentions", "stops"}
LEG_KEYS = {"journey", "mover", "seq", "from", "to", "status", "mode", "date", "length_km",
            "evidence"}
CORRIDOR_KEYS = {"type", "status", "from", "to", "via", "stated_length_km", "length_km",
                 "evidence"}
CORRIDOR_TYPES = {"oil_pipeline", "gas_pipeline", "railway", "road", "power_line", "other"}
CORRIDOR_STATUSES = {"existing", "proposed", "under_construction", "unknown"}


@pytest.fixture(scope="module")
def collection(seed):
    # through the text mapper writes, as another tool would read it
    return json.loads(geojson_text(seed))


def test_top_level_article(collection):
    assert collection["type"] == "FeatureCollection"
    assert collection["article"]["published"] == "2011-08-22"
    assert collection["article"]["dateline"] == "MOSCOW"
    assert "title" in collection["article"]


def test_every_feature_has_a_known_kind(collection):
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert set(kinds) == {"place", "leg", "corridor"}


def test_places(collection, seed):
    text = seed.article.text
    for f in (f for f in collection["features"] if f["properties"]["kind"] == "place"):
        p = f["properties"]
        assert PLACE_KEYS <= set(p)
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert p["geonameid"] is None or isinstance(p["geonameid"], int)
        assert isinstance(p["implied"], bool)
        for m in p["mentions"]:
            assert text[m["start"]: m["end"]] == m["text"]
            assert m["text"] in m["sentence"]
        for stop in p["stops"]:
            assert stop["status"] in STATUSES and stop["mode"] in MODES
            assert stop["evidence"] and stop["journey"] and stop["mover"]


def test_every_stop_is_on_its_place_even_without_a_leg(collection, seed):
    """A journey's stops are listed on their places, so a journey with no leg ("visited X")
    is still in the GeoJSON."""
    on_places = {(s["journey"], f["properties"]["id"]) for f in collection["features"]
                 if f["properties"]["kind"] == "place" for s in f["properties"]["stops"]}
    assert on_places == {(j.id, s.place.id) for j in seed.journeys for s in j.stops}


def test_legs(collection):
    legs = [f for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert legs
    by_journey: dict[str, list[int]] = {}
    for f in legs:
        p = f["properties"]
        assert LEG_KEYS <= set(p)
        assert f["geometry"]["type"] == "LineString" and len(f["geometry"]["coordinates"]) >= 2
        assert p["status"] in STATUSES and p["mode"] in MODES
        assert p["date"] is None or len(p["date"]) in (10, 21)
        assert p["length_km"] > 0 and p["evidence"]
        by_journey.setdefault(p["journey"], []).append(p["seq"])
    for seqs in by_journey.values():
        assert seqs == list(range(1, len(seqs) + 1))


def test_corridors(collection):
    corridors = [f for f in collection["features"] if f["properties"]["kind"] == "corridor"]
    assert corridors
    for f in corridors:
        p = f["properties"]
        assert CORRIDOR_KEYS <= set(p)
        assert p["type"] in CORRIDOR_TYPES and p["status"] in CORRIDOR_STATUSES
        assert isinstance(p["via"], list)
        assert f["geometry"]["type"] == "LineString"


def test_text_is_one_feature_per_line(seed):
    """The written text holds the same collection, one feature on each line."""
    text = geojson_text(seed)
    lines = text.splitlines()
    features = json.loads(json.dumps(to_geojson(seed)["features"]))  # tuples as lists
    assert len(lines) == len(features) + 2 and text.endswith("]}\n")
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == features
    assert json.loads(text) == json.loads(json.dumps(to_geojson(seed)))
