"""``mapper map --embed`` and ``mapper.to_embed``: the map as an HTML fragment for a report or
CMS page (issue 12): a fragment (no page of its own), holding the whole map, inert whatever the
article says, and several of them on one host page each showing its map in a real browser."""

from __future__ import annotations

import importlib.util
from html.parser import HTMLParser
from pathlib import Path

import pytest

import mapper
from mapper.cli import main as cli_main
from tests.test_template_injection import (
    TEMPLATE_OPENERS,
    _assert_page_safe,
    _clean_openers,
    _hostile_analysis,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"
FLIGHT = ROOT / "data" / "articles" / "flight_itinerary.txt"
CHROMIUM = "/usr/bin/chromium"


class _Tags(HTMLParser):
    """The elements of a fragment as the host page's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.depth0: list[str] = []
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.depth0.append(tag)
        self.tags.append((tag, dict(attrs)))
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_data(self, data):
        if data.strip():
            self.text.append(data)


def _parse(fragment: str) -> _Tags:
    tags = _Tags()
    tags.feed(fragment)
    tags.close()
    return tags


def _srcdoc(tags: _Tags) -> str:
    (frame,) = [a for t, a in tags.tags if t == "iframe"]
    return frame["srcdoc"] or ""


def test_fragment_holds_the_map_and_no_page(seed):
    fragment = mapper.to_embed(seed)
    tags = _parse(fragment)
    # One <div> with one sandboxed frame: no <html>, <body>, <head>, script or style of its own.
    assert tags.depth0 == ["div"] and [t for t, _ in tags.tags] == ["div", "iframe"]
    assert tags.text == []
    low = fragment.lower()
    for tag in ("<html", "<body", "<head", "<script", "<style", "<link"):
        assert tag not in low
    frame = dict(tags.tags[1][1])
    assert "allow-scripts" in frame["sandbox"] and "allow-same-origin" not in frame["sandbox"]
    assert frame["title"].startswith("Map: Russian military officers")
    # The frame holds the complete map page: Leaflet, the markers, the legs, the title panel.
    page = _srcdoc(tags)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "L.map(" in page and "mapper-place" in page and "Khabarovsk" in page
    assert 'class="mp-panel mp-title"' in page


def test_api_writes_the_fragment_and_cli_flag(seed, tmp_path):
    out = tmp_path / "frag.html"
    text = mapper.to_embed(seed, out, height="420px")
    assert out.read_bytes().decode("utf-8") == text and "height:420px" in text
    cli_out, cli_frag = tmp_path / "m.html", tmp_path / "e.html"
    assert cli_main(["map", str(EXAMPLE), "-o", str(cli_out), "--embed", str(cli_frag)]) == 0
    # The same map as the page -o wrote.
    page = cli_out.read_bytes().decode("utf-8")
    assert _srcdoc(_parse(cli_frag.read_bytes().decode("utf-8"))) == page


@pytest.mark.parametrize("payload", [
    "</script><script>alert(1)</script>",
    "\"'><script>alert(1)</script><div x=\"",
    "</iframe><script>alert(1)</script>",
    "{{ 7*7 }}",
    "${alert(1)}",
    "<img src=x onerror=alert(1)>",
    "&quot; onload=&quot;alert(1)",
])
def test_payload_stays_inert(payload, tmp_path):
    analysis = _hostile_analysis(payload)
    fragment = mapper.to_embed(analysis)
    tags = _parse(fragment)
    assert [t for t, _ in tags.tags] == ["div", "iframe"] and tags.text == []
    frame = tags.tags[1][1]
    # The payload added no attribute and no element: it is text in the frame's title.
    assert set(frame) == {"title", "srcdoc", "sandbox", "referrerpolicy", "style"}
    assert frame["title"].startswith("Map: ")
    page = _srcdoc(tags)
    _assert_page_safe(page, payload, _clean_openers_cached())
    assert len(TEMPLATE_OPENERS.findall(fragment)) == len(TEMPLATE_OPENERS.findall(page))
    assert "<" not in fragment.split("srcdoc=", 1)[1].split('" sandbox=', 1)[0]


_CLEAN: list[int] = []


def _clean_openers_cached() -> int:
    if not _CLEAN:
        _CLEAN.append(_clean_openers())
    return _CLEAN[0]


@pytest.mark.skipif(not Path(CHROMIUM).exists() or importlib.util.find_spec("playwright") is None,
                    reason="needs /usr/bin/chromium and playwright")
def test_two_fragments_on_one_page_show_both_maps(seed, analyze_file, tmp_path):
    """A report page with hostile CSS of its own and two embedded maps: each frame draws its
    markers and basemap, with no console errors, and the host's styles do not reach them."""
    from playwright.sync_api import sync_playwright

    flight = analyze_file(FLIGHT)
    host = tmp_path / "report.html"
    host.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Report</title><style>"
        "div { padding: 3px; } .leaflet-container, .mp-panel { display: none !important; }"
        "</style></head><body><h1>Report</h1><p>First map:</p>"
        + mapper.to_embed(seed) + "<p>Second map:</p>"
        + mapper.to_embed(flight, height="500px") + "<p>End.</p></body></html>",
        encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu"], headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 1400})
        errors: list[str] = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
            ("file:", "about:")) else r.abort())
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(host.resolve().as_uri(), wait_until="load")
        frames = [f.content_frame() for f in page.query_selector_all(".mapper-embed iframe")]
        seen = []
        for frame in frames:
            frame.wait_for_selector(".mapper-place", state="attached")
            frame.wait_for_timeout(300)
            seen.append({
                "title": frame.evaluate("() => document.title"),
                "places": frame.locator(".mapper-place").count(),
                "land": frame.locator("path.mapper-land").count(),
                "shown": frame.evaluate(
                    "() => getComputedStyle(document.querySelector('.leaflet-container'))"
                    ".display"),
            })
        boxes = [f.bounding_box() for f in page.query_selector_all(".mapper-embed iframe")]
        page.wait_for_timeout(1500)  # the maps' first zoom has ended: the screenshot shows them
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert len(seen) == 2, seen
    assert seen[0]["title"].startswith("Russian military officers")
    assert seen[0]["title"] != seen[1]["title"]
    for s in seen:
        assert s["places"] >= 3 and s["land"] > 10 and s["shown"] == "block", s
    assert boxes[0]["height"] == pytest.approx(600, abs=2)
    assert boxes[1]["height"] == pytest.approx(500, abs=2)
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"]
    assert errors == []


def test_story_map_embeds_too(tmp_path):
    """``mapper map A B C --embed``: the fragment holds the story map that -o wrote."""
    story = ROOT / "data" / "articles" / "story"
    paths = [str(p) for p in sorted(story.glob("*.txt"))]
    assert len(paths) >= 2
    out, frag = tmp_path / "story.html", tmp_path / "story-embed.html"
    assert cli_main(["map", *paths, "-o", str(out), "--embed", str(frag)]) == 0
    page = out.read_bytes().decode("utf-8")
    assert _srcdoc(_parse(frag.read_bytes().decode("utf-8"))) == page
    assert "mapper-disputed" in page
