"""The offline reference basemap (package data built from Natural Earth), reader-facing popups
and the timeline's data, without a browser."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import conftest_render as fx  # noqa: E402

from mapper import resources  # noqa: E402
from mapper.model import Analysis, Place  # noqa: E402
from mapper.render import basemap, to_map  # noqa: E402
from mapper.render.basemap_layer import reference_data  # noqa: E402
from mapper.render.html import evidence_html, place_popup  # noqa: E402
from mapper.render.style import place_roles  # noqa: E402

NE = Path(__file__).resolve().parents[2] / "shared" / "naturalearth"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return fx.analysis_or_skip()


def test_package_data_names_its_source_and_holds_the_layers():
    doc = basemap.reference_layers()
    meta = doc["meta"]
    assert "Natural Earth" in meta["source"] and meta["version"].startswith("4.")
    assert set(meta["inputs"]) >= {"ne_10m_lakes.json", "ne_10m_rivers_lake_centerlines.json"}
    assert any(row[0] == "Lake Baikal" for row in doc["lakes"])
    assert any(row[0] == "Amur" for row in doc["rivers"])
    assert any(row[0] == "Sea of Japan" for row in doc["marine"])
    assert any(row[0] == "Khabarovsk" for row in doc["places"])
    assert {row[0] for row in doc["admin1"]} >= {"US", "CA"}
    assert resources.data_path(basemap.REFERENCE_DATA).stat().st_size < 1_000_000


@pytest.mark.skipif(not NE.is_dir(), reason="needs ../shared/naturalearth")
def test_package_data_is_built_from_the_shared_natural_earth_files():
    """The inputs' hashes in the package data are those of the files the build script reads."""
    meta = basemap.reference_layers()["meta"]
    for name, digest in meta["inputs"].items():
        assert hashlib.sha256((NE / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.skipif(not NE.is_dir(), reason="needs ../shared/naturalearth")
def test_build_script_reproduces_one_layer():
    from mapper.render import build_basemap as b

    shipped = json.loads(gzip.decompress(resources.read_bytes(basemap.REFERENCE_DATA)))
    assert b.marine(NE / b.FILES["marine"]) == shipped["marine"]


def test_reference_data_is_cut_to_the_map_and_skips_article_names(analysis):
    bounds = [[38.0, 100.0], [55.0, 140.0]]
    data = reference_data(bounds, ["RU"], {"khabarovsk"})
    names = {row[1] for row in data["labels"]}
    assert "Khabarovsk" not in names  # the article's own marker names it
    assert {"Amur", "Harbin"} <= names and "Lake Baikal" in {r[0] for r in data["lakes"]}
    assert "Paris" not in names and "Lake Superior" not in {r[0] for r in data["lakes"]}
    world = reference_data(None, [], set())
    assert len(json.dumps(world, separators=(',', ':'))) < 800_000


def test_whole_words_are_marked():
    russia = Place("russia", "Russia", fx.country("RU"), ())
    html = evidence_html("Russian officials flew from Russia.", [russia])
    assert "<mark>Russia</mark>." in html and "<mark>Russia</mark>n" not in html


def test_place_popup_reads_for_people_and_folds_identifiers(analysis):
    roles = place_roles(analysis)
    place = next(p for p in analysis.places if p.name == "Khabarovsk")
    html = place_popup(analysis, place, roles[place.id])
    main, _, details = html.partition('<details class="mp-details">')
    assert "stop 2 of" in main and "Kim Jong-il" in main
    assert "<mark>Khabarovsk</mark>" in main
    assert place.entry.key not in main and place.entry.key in details
    assert "GeoNames" not in main and "GeoNames" in details


def test_page_has_lang_title_and_timeline_data(analysis):
    page = to_map(replace(analysis)).get_root().render()
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    title = page[page.index("<title>") + 7 : page.index("</title>")]
    assert "<" not in title and "Kim" in title
    assert 'class="mp-play"' in page and '"rows":[{"m":"marker_' in page
    assert "aria-label" in page and "Khabarovsk (Stop)" in page
