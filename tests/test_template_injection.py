"""Hostile articles: template, script, mathtext and spreadsheet payloads are shown as text and
never evaluated, in every output (map HTML, static image, CSV, GeoJSON) and through every input
(text file, headline, a place's position, the mover's name, HTML file, URL on 127.0.0.1, API)."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from pathlib import Path

import pytest

from mapper import export
from mapper.cli import main as cli_main
from mapper.model import Analysis
from mapper.pipeline import analyze
from mapper.read import read_article
from mapper.render import safe as render_safe
from mapper.render import to_map
from tests.local_pages import serve_pages

ROOT = Path(__file__).resolve().parents[1]

# A payload that would create this folder if it ever ran; each test checks it does not exist.
MARK = "{mark}"

PAYLOADS = [
    "{{ 7*7 }}",
    "{{7*'7'}}",
    "{{ config }}",
    "{{ config.items() }}",
    "{{ self }}",
    "{{ self.__init__.__globals__ }}",
    "{{ lipsum.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].makedirs('" + MARK + "') }}",
    "{{ cycler.__init__.__globals__.os.makedirs('" + MARK + "') }}",
    "{{ joiner.__init__.__globals__.os.makedirs('" + MARK + "') }}",
    "{{ namespace.__init__.__globals__.os.makedirs('" + MARK + "') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for i in range(3) %}x{% endfor %}",
    "{% if 1 %}yes{% endif %}",
    "{% set a = 7*7 %}{{ a }}",
    "{% include 'base.html' %}",
    "{% raw %}{{ 1 }}{% endraw %}",
    "{% endraw %} {{ 6*7 }}",
    "{# a comment #}",
    "{# an unclosed comment",
    "{{ unclosed",
    "{% x %}",
    "{{cite web|url=x|title=y}}",
    "{{{{7*7}}}}",
    "{{ '{{' }}7*7}}",
    "{{ 7*\n7 }}",
    "${alert(1)}",
    "${7*7}",
    "`);alert(1);(`",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "C:\\new\\u0041\\x3cb\\x3e",
    "$\\frac{1}{2}$",
    "$x^2$ and $$",
    "=1+1",
    '=HYPERLINK("http://x.example","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
]
assert len(PAYLOADS) >= 30

TEMPLATE_OPENERS = re.compile(r"\{[{%#]")


def _payload(p: str, mark: Path) -> str:
    return p.replace(MARK, str(mark))


def _article_text(payload: str) -> str:
    headline = f"Leader visits Europe {payload}".replace("\n", " ")
    return (
        f"{headline}\n\n"
        f"The president flew to Paris on Monday {payload} and then arrived in Berlin.\n\n"
        "He will travel on to Rome on Friday.\n"
    )


def _page_text(page: str) -> str:
    """What a reader sees of the page's markup: JSON escapes (layer names) and HTML entities
    (popups, panels) decoded."""
    page = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)
    return html.unescape(page)


def _clean_openers() -> int:
    """Template openers in the map of an article with no payload."""
    text = _article_text("")
    page = to_map(analyze_text(text)).get_root().render()
    return len(TEMPLATE_OPENERS.findall(page))


def analyze_text(text: str) -> Analysis:
    from mapper.model import Article

    title, _, _ = text.partition("\n")
    return analyze(Article(text=text, source="-", stem="hostile", title=title))


@pytest.fixture(scope="module")
def clean_openers() -> int:
    return _clean_openers()


def _assert_page_safe(page: str, payload: str, clean: int) -> None:
    seen = _page_text(page)
    # A line break ends a sentence: each line of the payload is quoted with its own sentence.
    for part in payload.split("\n"):
        assert part in seen, f"payload not shown verbatim: {payload!r}"
    # The payload added no template syntax to the page: every brace it had is an entity.
    assert len(TEMPLATE_OPENERS.findall(page)) == clean
    assert "${" not in page


@pytest.mark.parametrize("raw", PAYLOADS)
def test_body_and_headline_payload_is_shown_not_run(raw, tmp_path, clean_openers):
    mark = tmp_path / "pwned"
    payload = _payload(raw, mark)
    text = _article_text(payload)
    analysis = analyze_text(text)
    page = to_map(analysis).get_root().render()
    _assert_page_safe(page, payload, clean_openers)
    assert f"Leader visits Europe {payload}".replace("\n", " ") in _page_text(page)
    assert not mark.exists()


def _hostile_analysis(payload: str) -> Analysis:
    """A real analysis whose mover, places' names and headline are replaced by the payload (as a
    resolver or a notebook user correcting a place might set them)."""
    a = analyze_text(_article_text("nothing"))
    places = tuple(dataclasses.replace(p, name=f"{p.name}{payload}") for p in a.places)
    by_id = {p.id: p for p in places}

    def stop(s):
        return dataclasses.replace(s, place=by_id.get(s.place.id, s.place))

    journeys = tuple(
        dataclasses.replace(
            j,
            mover=payload,
            stops=tuple(stop(s) for s in j.stops),
            legs=tuple(dataclasses.replace(leg, mover=payload, origin=stop(leg.origin),
                                           destination=stop(leg.destination)) for leg in j.legs),
        )
        for j in a.journeys
    )
    article = dataclasses.replace(a.article, title=payload, dateline=payload)
    return dataclasses.replace(a, article=article, places=places, journeys=journeys,
                               warnings=(payload,))


@pytest.mark.parametrize("raw", PAYLOADS)
def test_mover_place_and_title_payload_through_the_api(raw, tmp_path, clean_openers):
    mark = tmp_path / "pwned"
    payload = _payload(raw, mark)
    analysis = _hostile_analysis(payload)
    assert analysis.journeys and analysis.journeys[0].legs
    out = tmp_path / "map.html"
    from mapper.render import save_map

    page = save_map(analysis, out).read_text(encoding="utf-8")
    # In HTML a line break is a space; JSON strings write it as "\\n".
    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("\\n", " "))

    seen, shown = flat(_page_text(page)), flat(payload)
    assert f"Paris{shown}" in seen  # a place's name with the payload at its position
    assert f"Journey: {shown}" in seen  # the mover in the layer control
    assert len(TEMPLATE_OPENERS.findall(page)) == clean_openers
    # GeoJSON carries the text as data, verbatim.
    gj = json.dumps(export.to_geojson(analysis), ensure_ascii=False)
    assert json.loads(gj)["features"][0]["properties"]["name"].endswith(
        _payload(raw, mark))
    assert not mark.exists()


@pytest.mark.parametrize("raw", PAYLOADS)
def test_csv_cells_are_never_formulas(raw, tmp_path):
    payload = _payload(raw, tmp_path / "pwned")
    analysis = _hostile_analysis(payload)
    places = tuple(dataclasses.replace(p, name=payload) for p in analysis.places)
    rows = list(csv.DictReader(io.StringIO(export.places_csv(
        dataclasses.replace(analysis, places=places)))))
    for row in rows:
        cell = row["name"]
        assert cell[0] not in "=+-@\t\r"
        assert cell in (payload, "'" + payload)
        assert (cell == "'" + payload) == payload.startswith(export.FORMULA_START)


@pytest.mark.parametrize("raw", [p for p in PAYLOADS if "$" in p or "\\" in p or "{" in p])
def test_static_image_draws_text_as_written(raw, tmp_path):
    from matplotlib.text import Text

    from mapper.render.static import draw, save_static

    payload = _payload(raw, tmp_path / "pwned")
    analysis = _hostile_analysis(payload)
    fig = draw(analysis)
    texts = [t for t in fig.findobj(Text) if payload in t.get_text().replace("\n", " ")
             or t.get_text() == payload]
    assert texts, "the payload is drawn somewhere (title, legend or a label)"
    for t in texts:
        assert t._preprocess_math(t.get_text())[1] is False  # neither mathtext nor TeX
    assert save_static(analysis, tmp_path / "map.png").stat().st_size > 10_000
    assert not (tmp_path / "pwned").exists()


def test_example_payload_reads_as_written_in_the_page(tmp_path):
    """The issue's example: the popup says '{{ 7*7 }}', never '49'."""
    src = tmp_path / "a.txt"
    src.write_text("Trip\n\nThe president flew to Paris on Monday {{ 7*7 }} and then arrived in "
                   "Berlin.\n", encoding="utf-8")
    out = tmp_path / "a.html"
    assert cli_main(["map", str(src), "-o", str(out)]) == 0
    seen = _page_text(out.read_text(encoding="utf-8"))
    assert "on Monday {{ 7*7 }} and then" in seen
    assert "Monday 49" not in seen


# ------------------------------------------------------------------ HTML file and URL inputs


def _html_page(mark: Path) -> str:
    paras = "\n".join(
        f"<p>The minister flew to Paris on Monday {html.escape(_payload(p, mark))} and then "
        f"arrived in Berlin.</p>"
        for p in PAYLOADS
    )
    return (
        f"<html><head><title>Minister {html.escape('{{ 7*7 }}')} tours Europe</title></head>"
        f"<body><article><h1>Minister {html.escape('{{ 7*7 }}')} tours Europe</h1>{paras}"
        "</article></body></html>"
    )


def _check_all(path_or_url: str, mark: Path, tmp_path: Path) -> None:
    out, gj, csv_out = tmp_path / "m.html", tmp_path / "m.geojson", tmp_path / "m.csv"
    code = cli_main(["map", path_or_url, "-o", str(out), "--geojson", str(gj), "--csv",
                     str(csv_out)])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    seen = _page_text(page)
    seen = seen.replace("\n", " ")
    # Every payload reads as written: whole, or where spaCy ends a sentence inside it ("{% for i
    # in range(3) %}x{% endfor %}" is two sentences), its first piece, quoted with its place.
    full = {p: _payload(p, mark).replace("\n", " ") for p in PAYLOADS}
    shown = [p for p, f in full.items() if f in seen or f"Monday {f[: len(f) // 2]}" in seen]
    assert len(shown) == len(PAYLOADS), set(PAYLOADS) - set(shown)
    assert len(TEMPLATE_OPENERS.findall(page)) == 0 and "${" not in page
    assert "Monday 49" not in seen
    assert not mark.exists()
    props = json.loads(gj.read_text(encoding="utf-8"))
    assert "{{ 7*7 }}" in (props["article"]["title"] or "")


def test_html_file_input(tmp_path):
    mark = tmp_path / "pwned"
    src = tmp_path / "page.html"
    src.write_text(_html_page(mark), encoding="utf-8")
    _check_all(str(src), mark, tmp_path)


def test_url_input_from_a_local_server(tmp_path):
    mark = tmp_path / "pwned"
    with serve_pages(every=_html_page(mark)) as base:
        url = f"{base}/news/{{{{7*7}}}}.html"
        article = read_article(url, cache_dir=tmp_path / "cache")
        assert "{{ 7*7 }}" in (article.title or "")
        _check_all(url, mark, tmp_path)


# ------------------------------------------------------------------ the one safe path


def test_folium_objects_are_built_only_through_render_safe():
    """Every popup, tooltip, icon, layer name and raw page element goes through
    mapper/render/safe.py."""
    pattern = re.compile(
        r"folium\.(Popup|Tooltip|DivIcon|FeatureGroup|Html|IFrame|Element|Figure)\(|"
        r"branca\.element\.(Element|Html|Figure)\(|\b(Html|IFrame|Figure)\(|\bElement\(|"
        r"(?<!\w)name=f?[\"']"
    )
    offenders = []
    for path in (ROOT / "mapper").rglob("*.py"):
        if path.relative_to(ROOT).as_posix() == "mapper/render/safe.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and "folium" in path.read_text(encoding="utf-8"):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    allowed = {"name=\"mapper_assets\"", "name=\"mapper_panels\"", "name=\"OpenStreetMap"}
    offenders = [o for o in offenders if not any(a in o for a in allowed)]
    assert offenders == []


def test_esc_and_inert_are_idempotent_and_complete():
    for p in PAYLOADS:
        e = render_safe.esc(p)
        assert not set(e) & set("{}`$\\<>")
        assert render_safe.inert(e) == e
        assert html.unescape(e) == p
    js = render_safe.script_json({"a": ["{{ 7*7 }}", "</script>", "{%x%}", "{#"]})
    assert not TEMPLATE_OPENERS.search(js) and "</" not in js
    assert json.loads(js) == {"a": ["{{ 7*7 }}", "</script>", "{%x%}", "{#"]}


# ------------------------------------------------------------------ in a real browser


def _browser_available() -> bool:
    import importlib.util

    return Path("/usr/bin/chromium").exists() and importlib.util.find_spec("playwright") is not None


@pytest.mark.skipif(not _browser_available(), reason="needs /usr/bin/chromium and playwright")
def test_payloads_read_as_text_in_chromium(tmp_path):
    """Every popup's text, as the browser shows it, quotes the payloads; no script runs."""
    from playwright.sync_api import sync_playwright

    from benchmarks.screenshot import ARGS
    from tests.test_render import OPEN_ALL_POPUPS

    mark = tmp_path / "pwned"
    src = tmp_path / "page.html"
    src.write_text(_html_page(mark), encoding="utf-8")
    out = tmp_path / "m.html"
    assert cli_main(["map", str(src), "-o", str(out)]) == 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=list(ARGS))
        page = browser.new_page()
        page.route("http*://**/*", lambda route: route.abort())
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.resolve().as_uri())
        page.wait_for_selector(".leaflet-marker-icon")
        texts = " ".join(page.evaluate(OPEN_ALL_POPUPS))
        body = page.inner_text("body")
        title = page.title()
        browser.close()
    assert dialogs == [] and errors == []
    for p in ("{{ 7*7 }}", "{{ config }}", "{# a comment #}", "${alert(1)}",
              "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
              "C:\\new\\u0041\\x3cb\\x3e", "{{cite web|url=x|title=y}}"):
        assert p in texts, p
    assert "Minister {{ 7*7 }} tours Europe" in body  # the title panel
    assert "Minister {{ 7*7 }} tours Europe" in title  # the page's <title>
    assert "Monday 49" not in texts and not mark.exists()
