"""Open a map HTML file in headless Chromium and save a screenshot.

    python benchmarks/screenshot.py MAP.html OUT.png [--popup CLASS[:N]] [--click CSS]
        [--size 1400x900] [--online]

Prints the page's JavaScript console errors and uncaught exceptions, and how many leg,
corridor and place elements Leaflet drew. Network requests are blocked unless ``--online``
(the map must work offline). Exits 1 when the page had JS errors. Needs Debian's chromium
(/usr/bin/chromium) and the Python package playwright (no ``playwright install``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COUNTS = {
    "legs": "path.mapper-leg",
    "corridors": "path.mapper-corridor",
    "places": ".mapper-place",
    "mentioned": "path.mapper-mentioned",
    "arrows": ".mapper-arrow",
    "countries": ".leaflet-mapper-basemap-pane path",
}

# Open the popup of the n-th layer whose className (or icon className) contains a class.
OPEN_POPUP = """([cls, n]) => {
  const k = Object.keys(window).find(v => v.startsWith('map_') && window[v] instanceof L.Map);
  const found = [];
  const visit = l => {
    const c = (l.options && (l.options.className || (l.options.icon && l.options.icon.options
               && l.options.icon.options.className))) || '';
    if (c.split(' ').includes(cls) && l.getPopup && l.getPopup()) found.push(l);
    if (l.eachLayer) l.eachLayer(visit);
  };
  window[k].eachLayer(visit);
  const uniq = [...new Set(found)];
  if (!uniq[n]) return false;
  uniq[n].openPopup();
  return true;
}"""


def screenshot(
    html: Path,
    png: Path,
    click: str | None = None,
    size: tuple[int, int] = (1400, 900),
    online: bool = False,
    view: tuple[float, float, float] | None = None,
    popup: str | None = None,
) -> tuple[list[str], dict[str, int]]:
    """Render ``html`` to ``png``; returns (JS errors, element counts)."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        if not online:
            page.route("http*://**/*", lambda route: route.abort())
        page.on(
            "console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(600)
        if view:
            page.evaluate(
                "([lat, lon, z]) => { const k = Object.keys(window).find("
                "n => n.startsWith('map_') && window[n] instanceof L.Map);"
                " window[k].setView([lat, lon], z, {animate: false}); }",
                list(view),
            )
            page.wait_for_timeout(400)
        if popup:
            cls, _, nth = popup.partition(":")
            opened = page.evaluate(OPEN_POPUP, [cls, int(nth or 0)])
            if not opened:
                errors.append(f"screenshot: no layer with class {cls!r} and a popup")
            page.wait_for_timeout(400)
        if click:
            page.locator(click).first.click(force=True)
            page.wait_for_timeout(400)
        page.screenshot(path=str(png))
        counts = {k: page.locator(sel).count() for k, sel in COUNTS.items()}
        browser.close()
    if not online:
        # Blocked requests for optional online resources are expected offline, not errors.
        errors = [e for e in errors if "net::ERR_FAILED" not in e]
    return errors, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--click", help="CSS selector of an element to click first (opens a popup)")
    ap.add_argument("--size", default="1400x900", help="viewport WIDTHxHEIGHT")
    ap.add_argument(
        "--popup",
        help="CLASS[:N]: open the popup of the N-th layer of that class "
        "(mapper-leg, mapper-corridor, mapper-place, mapper-mentioned)",
    )
    ap.add_argument("--view", help="LAT,LON,ZOOM to show instead of the fitted bounds")
    ap.add_argument("--online", action="store_true", help="let the page use the network")
    ns = ap.parse_args(argv)
    if not ns.html.is_file():
        print(f"error: no such file: {ns.html}", file=sys.stderr)
        return 2
    try:
        w, h = (int(v) for v in ns.size.lower().split("x"))
    except ValueError:
        print(f"error: bad --size {ns.size!r}, expected WIDTHxHEIGHT", file=sys.stderr)
        return 2
    view = None
    if ns.view:
        try:
            lat, lon, zoom = (float(v) for v in ns.view.split(","))
        except ValueError:
            print(f"error: bad --view {ns.view!r}, expected LAT,LON,ZOOM", file=sys.stderr)
            return 2
        view = (lat, lon, zoom)
    errors, counts = screenshot(ns.html, ns.png, ns.click, (w, h), ns.online, view, ns.popup)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    for e in errors:
        print(e)
    print(f"saved {ns.png} ({len(errors)} JS errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
