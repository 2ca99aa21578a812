"""The gazetteer index build's shortcuts give what the slow, plain way gives (issue 12: the first
run's build at most 20 s of CPU): strong names gathered in the build's one pass, folding without
the memo, the precomputed country points."""

from __future__ import annotations

import csv

from mapper.extractors.names import ADMIN1_MIN, ALWAYS, DISTRICT_WORDS, FLOOR
from mapper.gazetteer import sources
from mapper.gazetteer.base import normalize, normalize_uncached
from mapper.resources import data_path

# The strong_names table as one SQL query over the built index (how it was built before the
# build gathered it in Python): the reference the fast path must equal row for row.
_DISTRICT = " OR ".join(f"names.norm LIKE '% {w}'" for w in DISTRICT_WORDS)
_STRONG_SQL = (
    "SELECT names.norm,"
    " MAX(CASE WHEN feature IN ('country', 'continent') OR key LIKE 'feat:%'"
    f" OR (feature = 'admin2' AND ({_DISTRICT})) THEN {ALWAYS}"
    f" WHEN feature = 'admin1' AND kind = 0 AND population >= {ADMIN1_MIN} THEN {ALWAYS}"
    " WHEN kind = 0 THEN population ELSE population / 10 END),"
    " MAX(key LIKE 'feat:%') FROM names JOIN entries ON entries.id = names.entry"
    " WHERE (feature IN ('country', 'continent', 'admin1') OR key LIKE 'feat:%'"
    f" OR (feature = 'admin2' AND ({_DISTRICT}))"
    " OR (feature = 'city' AND population >= ?)) AND names.norm != '' GROUP BY names.norm"
)


def test_strong_names_equal_the_sql_reference(gazetteer):
    db = gazetteer.db
    built = db.execute("SELECT norm, strength, feature FROM strong_names ORDER BY norm").fetchall()
    reference = sorted(db.execute(_STRONG_SQL, (FLOOR,)).fetchall())
    assert len(built) > 100_000
    assert built == reference


def test_uncached_fold_is_normalize():
    cities = sources.geonames_cities()
    names = [n for c in list(cities.values())[::50]
             for n in (c["name"], *c.get("alternatenames", []))]
    names += ["Saint-Louis", " Mount  Pleasant ", "St. John's", "Ft. Worth", "l’Aquila", ""]
    assert len(names) > 10_000
    assert [normalize_uncached(n) for n in names] == [normalize(n) for n in names]


def test_country_points_table_is_what_the_geometry_gives():
    """Every row of the package table is the computed point of the installed shapefile (a
    sample: computing all takes seconds), and every country has a row."""
    rows = {r["adm0_a3"]: r for r in csv.DictReader(
        data_path(sources.COUNTRY_POINTS_CSV).open(encoding="utf-8"))}
    shapes = list(sources.natural_earth_shapes())
    assert {adm0 for adm0, *_ in shapes} == set(rows)
    assert {r["data_version"] for r in rows.values()} == {sources.natural_earth_version()}
    for adm0, geom, lat, lon in shapes[::20] + [s for s in shapes if s[0] in ("RUS", "USA")]:
        point = sources.country_point(geom, lat, lon)
        assert point == (float(rows[adm0]["lat"]), float(rows[adm0]["lon"])), adm0


def test_stale_country_points_are_computed(monkeypatch):
    """A table computed from another version of the shapefile's package is not used."""
    monkeypatch.setattr(sources, "natural_earth_version", lambda: "0.0.0-other")
    assert sources.country_points() == {}


def test_outlines_are_what_shape_builds():
    """The countries' outlines built from coordinate arrays are shapely's ``shape`` of the same
    GeoJSON, byte for byte."""
    from shapely.geometry import shape

    geo = {"type": "MultiPolygon", "coordinates": [
        [[(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], [(1, 1), (2, 1), (2, 2), (1, 1)]],
        [[(5, 5), (6, 5), (6, 6), (5, 5)]]]}
    assert sources._outline(geo).wkb == shape(geo).wkb
    poly = {"type": "Polygon", "coordinates": geo["coordinates"][0]}
    assert sources._outline(poly).wkb == shape(poly).wkb
    shapes = list(sources.natural_earth_shapes())
    assert len(shapes) > 200 and all(g.is_valid for _, g, _, _ in shapes)


def test_the_whole_world_by_population_is_the_box_walk(gazetteer):
    """within() over the whole world reads the population index, not the latitude walk: the
    same places, most populous first."""
    from mapper.gazetteer.base import WORLD

    inner = (-89.9, -179.9, 89.9, 179.9)  # a box just inside the world: the latitude walk
    for feature, floor in (("city", 1_000_000), ("admin1", 0), ("city", 300_000)):
        world = gazetteer.within(*WORLD, feature=feature, min_population=floor)
        walked = gazetteer.within(*inner, feature=feature, min_population=floor)
        assert len(world) > 100
        assert sorted(e.key for e in world) == sorted(e.key for e in walked)
        pops = [e.population for e in world]
        assert pops == sorted(pops, reverse=True)
