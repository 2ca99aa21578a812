"""The example map in a real browser (Debian's chromium), with every network request blocked:
basemap drawn (Lake Baikal's polygon under its marker), markers and legs, a popup quoting its
sentence, the timeline playing to its last stop, no console errors, no two panels overlapping at
desktop and phone sizes. Screenshots are saved in the test's tmp dir."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mapper.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"
CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or importlib.util.find_spec("playwright") is None,
    reason="needs /usr/bin/chromium and playwright",
)

PANELS = (
    ".mp-title",
    "#mp-timeline",
    "#mp-legend",
    ".leaflet-control-layers",
    ".leaflet-control-zoom",
    ".leaflet-control-attribution",
    ".leaflet-control-scale",
)

# The boxes of the visible panels, by selector.
BOXES = """(sels) => sels.map(s => [s, document.querySelector(s)]).filter(([s, e]) => e
  && e.offsetWidth && getComputedStyle(e).visibility !== 'hidden').map(([s, e]) => {
    const r = e.getBoundingClientRect();
    return [s, r.left, r.top, r.right, r.bottom]; })"""

# Whether the point under the centre of the marker named NAME is inside a drawn lake polygon.
LAKE_UNDER = """(name) => {
  const pin = [...document.querySelectorAll('.mapper-place [aria-label]')]
    .find(e => e.getAttribute('aria-label').startsWith(name));
  if (!pin) return 'no marker';
  const r = pin.getBoundingClientRect();
  const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  return [...document.querySelectorAll('path.mapper-lake')].some(p => {
    const pt = new DOMPoint(x, y).matrixTransform(p.getScreenCTM().inverse());
    return p.isPointInFill(pt);
  });
}"""


@pytest.fixture(scope="module")
def example_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "example.html"
    assert cli_main(["map", str(EXAMPLE), "-o", str(out)]) == 0
    return out


def _open(p, html: Path, size: tuple[int, int]):
    browser = p.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
    )
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    errors: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.resolve().as_uri(), wait_until="load")
    page.wait_for_selector(".mapper-place")
    page.wait_for_timeout(500)
    return browser, page, errors


def _overlaps(boxes: list) -> list[tuple[str, str]]:
    out = []
    for i, (a, *ra) in enumerate(boxes):
        for b, *rb in boxes[i + 1 :]:
            if ra[0] < rb[2] and ra[2] > rb[0] and ra[1] < rb[3] and ra[3] > rb[1]:
                out.append((a, b))
    return out


@pytest.mark.parametrize("size", [(1366, 768), (400, 700), (800, 600)])
def test_example_map_panels_do_not_overlap(example_map, tmp_path, size):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, page, errors = _open(p, example_map, size)
        boxes = page.evaluate(BOXES, list(PANELS))
        page.screenshot(path=str(tmp_path / f"example-{size[0]}x{size[1]}.png"))
        layers_open = page.locator(".leaflet-control-layers-expanded").count()
        cut = page.evaluate(
            "() => [...document.querySelectorAll('.leaflet-control-layers label')]"
            ".filter(l => l.offsetWidth && l.scrollWidth > l.clientWidth + 1).length"
        )
        browser.close()
    assert errors == []
    assert {b[0] for b in boxes} >= {".mp-title", "#mp-legend", ".leaflet-control-layers"}
    assert _overlaps(boxes) == [], boxes
    # A phone starts with the layer control folded; elsewhere its names are not cut.
    assert layers_open == (0 if size[0] < 700 else 1)
    assert cut == 0


def test_example_map_offline_basemap_markers_popup_timeline(example_map, tmp_path):
    from playwright.sync_api import sync_playwright

    text = EXAMPLE.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser, page, errors = _open(p, example_map, (1366, 768))
        assert page.title().startswith("Russian military officers")
        assert page.evaluate("() => document.documentElement.lang") == "en"
        # Basemap: lakes, rivers, land; Lake Baikal's polygon under its marker; the Amur.
        assert page.locator("path.mapper-lake[aria-label='Lake Baikal']").count() >= 1
        assert page.evaluate(LAKE_UNDER, "Lake Baikal") is True
        assert page.locator("path.mapper-river").count() > 10
        assert page.locator(".mp-ctx-river", has_text="Amur").count() == 1
        assert page.locator("path.mapper-land").count() > 50
        # Markers and legs, named for screen readers.
        legs = page.locator("path.mapper-leg").count()
        assert legs >= 3 and page.locator(".mapper-place").count() >= 5
        assert page.locator("path.mapper-leg[aria-label]").count() == legs
        # A popup quotes its sentence, the name marked, internals behind "Details".
        page.locator(".mapper-place [aria-label^='Khabarovsk']").first.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        quoted = popup.locator(".mp-ev li").first.inner_text()
        assert quoted.replace("\n", " ")[:40] in " ".join(text.split())
        assert popup.locator("mark", has_text="Khabarovsk").count() >= 1
        assert popup.locator("details.mp-details").count() == 1
        assert "gn:" not in popup.locator(".mp-main").inner_text()
        page.screenshot(path=str(tmp_path / "popup.png"))
        # The timeline: a click flies to the stop and opens its popup.
        page.locator("#mp-timeline summary").first.click()
        items = page.locator("#mp-timeline li[data-i]")
        n = items.count()
        assert n >= 4
        page.locator(".leaflet-popup-close-button").click()
        page.wait_for_selector(".leaflet-popup-content", state="detached", timeout=5_000)
        items.nth(1).click()
        page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
        name = items.nth(1).locator("b").inner_text()
        assert name in page.locator(".leaflet-popup-content h4").inner_text()
        # Play: every leg is hidden, then revealed in time order up to the last stop.
        page.locator(".mp-play").click()
        page.wait_for_timeout(300)
        assert page.locator("path.mapper-leg").count() < legs
        page.wait_for_selector("#mp-timeline.mp-played", timeout=30_000)
        assert page.locator("#mp-timeline").get_attribute("data-step") == str(n - 1)
        assert "mp-current" in (items.nth(n - 1).get_attribute("class") or "")
        assert page.locator("path.mapper-leg").count() == legs
        page.screenshot(path=str(tmp_path / "played.png"))
        browser.close()
    assert errors == []
