"""The folium map and the static image, on a hand-built Analysis of the seed article."""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import conftest_render as fx  # noqa: E402

from mapper.model import Analysis, Article, Journey  # noqa: E402
from mapper.render import arrow_points, save_map, to_map  # noqa: E402
from mapper.render_html import esc, highlight, mention_sentences, timeline_rows  # noqa: E402
from mapper.render_style import place_roles  # noqa: E402
from mapper.static import save_static  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    try:
        fx.seed_text()
    except FileNotFoundError:
        pytest.skip("seed article not available")
    return fx.build_analysis()


@pytest.fixture(scope="module")
def map_file(analysis, tmp_path_factory) -> Path:
    return save_map(analysis, tmp_path_factory.mktemp("map") / "map.html")


@pytest.fixture(scope="module")
def page(map_file) -> str:
    return map_file.read_text(encoding="utf-8")


def test_map_written_with_legend_layers_and_title(page):
    assert 'id="mp-legend"' in page and "Leg status" in page and "Only mentioned" in page
    for layer in (
        "Journey: Kim Jong-il",
        "Journey: Russian military officials",
        "Corridors",
        "Mentioned places",
        "Countries (Natural Earth, offline)",
        "OpenStreetMap (online)",
    ):
        assert layer in page, layer
    assert "22 August 2011" in page and "MOSCOW" in page
    assert 'id="mp-timeline"' in page and "Timeline (6 stops)" in page
    assert "GeoNames" in page and "Natural Earth" in page


def test_article_text_is_escaped(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    # Inert inside folium's JS template literals: no ${...}, no raw backtick or backslash escape.
    assert "${alert(1)}" not in page and "&#36;{alert(1)}" in page
    assert "C:&#92;new&#92;u0041" in page
    assert "<b>&</b>" not in page and "&lt;b&gt;&amp;&lt;/b&gt;" in page
    assert "Example warning with &lt;tag&gt; &amp; ampersand" in page


def test_every_leg_and_corridor_is_a_polyline(analysis, page):
    legs = sum(len(j.legs) for j in analysis.journeys)
    assert legs == 4
    assert page.count('"className": "mapper-leg"') == legs
    assert page.count('"className": "mapper-corridor"') == len(analysis.corridors) == 2
    assert page.count('"className": "mapper-corridor-area"') == 1  # only c2 has an area
    assert page.count("L.polyline(") >= 2 * legs + 2  # legs, their casings, corridors


def test_offline_by_default_and_cdn_when_asked(analysis, page):
    assert "Leaflet 1.9.4" in page  # the vendored script is inlined
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?:', page)
    online = to_map(analysis, inline=False).get_root().render()
    assert re.search(r'<script src="https://[^"]+leaflet\.js"', online)
    assert "Leaflet 1.9.4, a JS library" not in online
    assert len(page) < 3_000_000


def test_roles(analysis):
    roles = place_roles(analysis)
    assert roles["pyongyang"].role == "origin" and not roles["pyongyang"].implied
    assert roles["khabarovsk"].role == "stop"
    assert roles["skovorodino"].role == "destination"
    assert roles["moscow"].role == "origin" and roles["moscow"].implied
    assert roles["seoul"].role == "corridor" and roles["seoul"].implied
    assert roles["russia"].role == "mentioned" and roles["mongolia"].role == "mentioned"
    # An intermediate stop that the text only implies (a border crossing) is "implied".
    kim = analysis.journeys[0]
    a, b, c = kim.stops
    crossing = Journey("jx", "x", (a, replace(b, implied=True), c))
    other = replace(analysis, journeys=(crossing,), corridors=())
    assert place_roles(other)["khabarovsk"].role == "implied"


def test_mentions_are_marked_in_their_sentences(analysis):
    place = next(p for p in analysis.places if p.id == "pyongyang")
    sents = mention_sentences(analysis.article.text, place)
    assert len(sents) == 1  # both mentions are in one sentence
    assert sents[0].count("<mark>") == 2
    assert "<mark>North Korean capital</mark>" in sents[0]
    assert highlight("a <b> c", [(2, 5)]) == "a <mark>&lt;b&gt;</mark> c"
    assert esc("`${x}`\\") == "&#96;&#36;{x}&#96;&#92;"


def test_timeline_in_time_order(analysis):
    rows = timeline_rows(analysis.journeys)
    names = [(r[3].id, r[4].place.id) for r in rows]
    assert names[:3] == [("j1", "pyongyang"), ("j1", "khabarovsk"), ("j1", "skovorodino")]
    assert names[3:] == [("j2", "moscow"), ("j2", "pyongyang"), ("j2", "moscow")]


def test_arrow_angles():
    from shapely.geometry import LineString

    ((_, _, east),) = arrow_points(LineString([(10, 0), (20, 0)]), 100)
    ((_, _, north),) = arrow_points(LineString([(10, 0), (10, 10)]), 100)
    ((_, _, west),) = arrow_points(LineString([(20, 50), (10, 50)]), 100)
    assert east == pytest.approx(90) and north == pytest.approx(0) and west == pytest.approx(-90)
    assert len(arrow_points(LineString([(0, 0), (40, 0)]), 4400)) == 4


def test_map_without_journeys_fits_places(analysis, tmp_path):
    bare = replace(analysis, journeys=(), corridors=())
    page = save_map(bare, tmp_path / "bare.html").read_text(encoding="utf-8")
    assert "mapper-leg" not in page and "fitBounds" in page
    empty = Analysis(Article(text="", source="-", stem="empty"), ())
    assert "Countries (Natural Earth" in to_map(empty).get_root().render()


def test_static_png(analysis, tmp_path):
    from PIL import Image

    out = save_static(analysis, tmp_path / "map.png")
    im = Image.open(out).convert("RGB")
    assert im.size[0] > 1000
    colors = {c for _, c in im.getcolors(maxcolors=1 << 20)}
    assert (0xD8, 0x1B, 0x60) in colors  # first journey's legs
    assert (0x1E, 0x88, 0xE5) in colors  # second journey's legs


def _browser_available() -> bool:
    return Path("/usr/bin/chromium").exists() and importlib.util.find_spec("playwright") is not None


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_page_loads_in_chromium_without_errors(analysis, map_file, tmp_path):
    spec = importlib.util.spec_from_file_location(
        "screenshot", ROOT / "benchmarks" / "screenshot.py"
    )
    shot = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shot)
    errors, counts = shot.screenshot(map_file, tmp_path / "map.png", popup="mapper-leg:0")
    assert errors == []
    assert counts["legs"] == 4 and counts["corridors"] == 2
    assert counts["places"] == 6 and counts["mentioned"] == 3 and counts["countries"] > 200
    assert (tmp_path / "map.png").stat().st_size > 20_000


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_popups_open_and_run_no_article_script(map_file):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=_args())
        page = browser.new_page()
        page.route("http*://**/*", lambda route: route.abort())
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(map_file.resolve().as_uri())
        page.wait_for_selector("path.mapper-leg.leaflet-interactive")
        assert page.locator("path.mapper-leg.leaflet-interactive").count() == 4
        texts = page.evaluate(OPEN_ALL_POPUPS)
        browser.close()
    assert dialogs == []
    joined = " ".join(texts)
    assert "<script>alert('x')</script>" in joined  # shown as text, not run
    assert "${alert(1)}" in joined
    assert "heading toward the city of Skovorodino" in joined


def _args() -> list[str]:
    from benchmarks.screenshot import ARGS  # one list of the flags headless Chromium needs here

    return list(ARGS)


OPEN_ALL_POPUPS = """() => {
  const k = Object.keys(window).find(v => v.startsWith('map_') && window[v] instanceof L.Map);
  const out = [];
  const visit = l => {
    if (l.getPopup && l.getPopup()) {
      l.openPopup();
      const c = l.getPopup().getContent();
      out.push(typeof c === 'string' ? c : c.textContent);
    }
    if (l.eachLayer) l.eachLayer(visit);
  };
  window[k].eachLayer(visit);
  return out;
}"""


def test_antimeridian_markers_follow_unwrapped_legs(analysis):
    from mapper.geodesy import geodesic_line, line_length_km
    from mapper.model import Leg, Place, Stop
    from mapper.render import _basemap_data
    from mapper.render_style import analysis_bounds, place_lons

    kim = analysis.journeys[0]
    far = Place("far", "Testville", fx.city(5879400), ())  # coordinates of Anchorage, GeoNames
    a = kim.stops[1]
    b = Stop(far, "planned", "", mode="air")
    line = geodesic_line((a.place.lat, a.place.lon), (far.lat, far.lon))
    assert line.coords[-1][0] > 180  # unwrapped eastwards across the antimeridian
    leg = Leg("jx", "x", 1, a, b, line, line_length_km(line))
    other = replace(analysis, journeys=(Journey("jx", "x", (a, b), (leg,)),), corridors=())
    lons = place_lons(other)
    assert lons["far"] == pytest.approx(line.coords[-1][0]) and lons["far"] > 180
    assert lons["khabarovsk"] == pytest.approx(a.place.lon)
    bounds = analysis_bounds(other)
    assert bounds[1][1] > 180
    shifted = _basemap_data(bounds)["features"]
    assert len(shifted) > len(_basemap_data(None)["features"])  # copies east of 180
    page = to_map(other).get_root().render()
    assert f"{lons['far']:.4f}"[:7] in page
