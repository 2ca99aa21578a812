"""The seed article (AP, 2011-08-22): places, journeys and corridors as a reader draws them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from shapely.geometry import Point, shape

from mapper.geodesy import distance_km

# Published coordinates (Wikipedia / GeoNames) of the cities the seed names.
CITIES = {
    "Moscow": (55.7558, 37.6173),
    "Pyongyang": (39.0392, 125.7625),
    "Khabarovsk": (48.4802, 135.0719),
    "Skovorodino": (53.9871, 123.9437),
}
COUNTRIES = {"Russia": "RU", "North Korea": "KP", "China": "CN", "Mongolia": "MN",
             "South Korea": "KR", "United States": "US"}
REGIONS = {"Lake Baikal": (53.5, 108.0), "Siberia": (60.0, 105.0),
           "Korean Peninsula": (37.5, 127.5)}
# The extent of each region (west, south, east, north): "within the feature".
EXTENTS = {"Lake Baikal": (103.6, 51.4, 110.0, 55.8), "Siberia": (60.0, 45.0, 180.0, 78.0),
           "Korean Peninsula": (124.0, 34.0, 130.7, 43.0)}


def _place(analysis, pred):
    found = [p for p in analysis.places if pred(p)]
    assert found, "place not found"
    return found[0]


def _ne_countries(shared):
    with open(shared / "naturalearth" / "ne_50m_admin_0_countries.json", encoding="utf-8") as fh:
        data = json.load(fh)
    out = {}
    for f in data["features"]:
        code = f["properties"].get("ISO_A2_EH") or f["properties"].get("ISO_A2")
        out[code] = shape(f["geometry"])
    return out


def test_article_metadata(seed):
    assert seed.article.published == date(2011, 8, 22)
    assert seed.article.dateline == "MOSCOW"


@pytest.mark.parametrize("name", sorted(CITIES))
def test_cities_within_25_km(seed, name):
    place = _place(seed, lambda p: p.entry.name == name)
    assert distance_km((place.lat, place.lon), CITIES[name]) <= 25


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_countries_inside_their_natural_earth_outline(seed, shared, name):
    outlines = _ne_countries(shared)
    code = COUNTRIES[name]
    place = _place(seed, lambda p: p.entry.feature == "country" and p.entry.country_code == code)
    assert outlines[code].buffer(0.1).contains(Point(place.lon, place.lat))


@pytest.mark.parametrize("name", sorted(REGIONS))
def test_lakes_and_regions_within_150_km_of_centre(seed, name):
    key = name.lower().split()[-1]  # "eastern Siberia" is a Siberia too
    place = _place(seed, lambda p: key in p.entry.name.lower())
    assert place.entry.feature not in ("city", "admin2")
    w, s, e, n = EXTENTS[name]
    assert distance_km((place.lat, place.lon), REGIONS[name]) <= 150 or (
        w <= place.lon <= e and s <= place.lat <= n)


def test_lake_baikal_inside_natural_earth_lake(seed, shared):
    with open(shared / "naturalearth" / "ne_10m_lakes.json", encoding="utf-8") as fh:
        lakes = json.load(fh)["features"]
    baikal = next(shape(f["geometry"]) for f in lakes if f["properties"].get("name") == "Baikal"
                  or f["properties"].get("name") == "Lake Baikal")
    place = _place(seed, lambda p: p.entry.name == "Lake Baikal")
    assert baikal.buffer(0.05).contains(Point(place.lon, place.lat))


def test_implied_border_crossing(seed):
    crossing = _place(seed, lambda p: p.entry.feature == "crossing")
    assert crossing.implied
    assert distance_km((crossing.lat, crossing.lon), (42.43, 130.64)) <= 30


def test_implied_capital_and_demonyms_link_to_places(seed):
    pyongyang = _place(seed, lambda p: p.entry.name == "Pyongyang")
    assert any(m.implied and "capital" in m.text for m in pyongyang.mentions)
    south = _place(seed, lambda p: p.entry.country_code == "KR" and p.entry.feature == "country")
    assert south.implied  # named only as "South Korean" and "the South"
    assert {m.text for m in south.mentions} >= {"South Korean", "South"}


@pytest.mark.parametrize("word", ["Tass", "Yonhap", "Golts", "Medvedev", "Kim", "Washington",
                                  "Times", "Cold War", "War"])
def test_no_place_from_names_of_people_or_organisations(seed, word):
    for p in seed.places:
        for m in p.mentions:
            assert word not in m.text.split() and m.text != word, (word, p.name, m.text)


def _journey(seed, mode):
    found = [j for j in seed.journeys if any(s.mode == mode for s in j.stops)]
    assert found, f"no {mode} journey"
    return found[0]


def test_train_journey_in_time_order(seed):
    train = _journey(seed, "rail")
    names = [s.place.entry.name for s in train.stops]
    features = [s.place.entry.feature for s in train.stops]
    assert features[0] == "crossing"
    assert names[1:] == ["Khabarovsk", "Skovorodino", "Lake Baikal"]
    crossing, khabarovsk, skovorodino, baikal = train.stops
    assert crossing.status == "confirmed" and crossing.date == "2011-08-20"
    assert khabarovsk.status == "confirmed"
    assert skovorodino.status in ("reported", "speculated")
    assert baikal.status == "planned"
    assert baikal.date is None or (
        "2011-08-22" <= baikal.date.split("/")[0] and baikal.date.split("/")[-1] <= "2011-08-28")
    assert all(s.mode == "rail" for s in train.stops)
    assert [leg.seq for leg in train.legs] == [1, 2, 3]


def test_military_officers_fly_from_russia_to_pyongyang(seed):
    flight = _journey(seed, "air")
    origin, dest = flight.stops
    assert origin.place.entry.country_code == "RU" and origin.place.entry.feature == "country"
    assert origin.implied
    assert dest.place.entry.name == "Pyongyang"
    assert dest.status == "confirmed" and dest.date == "2011-08-22" and dest.mode == "air"
    assert "officers" in flight.mover or "officials" in flight.mover


def test_oil_pipeline_from_skovorodino_into_china(seed):
    oil = [c for c in seed.corridors if c.type == "oil_pipeline"]
    assert len(oil) == 1
    c = oil[0]
    assert c.status == "existing"
    assert c.origin.entry.name == "Skovorodino"
    assert c.destination.entry.country_code == "CN"
    assert c.stated_length_km == pytest.approx(965.6, abs=1)
    # the corridor ends at China's border, not at China's centre
    end = c.geometry.coords[-1]
    assert distance_km((end[1], end[0]), (c.origin.lat, c.origin.lon)) < 300


def test_proposed_gas_pipeline_russia_north_korea_south_korea(seed):
    gas = [c for c in seed.corridors if c.type == "gas_pipeline"]
    assert len(gas) == 1
    c = gas[0]
    assert c.status == "proposed"
    assert c.origin.entry.country_code == "RU"
    assert [v.entry.country_code for v in c.via] == ["KP"]
    assert c.destination.entry.country_code == "KR"


def test_legs_and_corridors_are_densified_geodesics(seed):
    for j in seed.journeys:
        for leg in j.legs:
            assert leg.geometry is not None and leg.length_km > 0
            if leg.length_km > 100:
                assert len(leg.geometry.coords) > 3
    for c in seed.corridors:
        assert c.geometry is not None and c.area is not None and c.area.area > 0
