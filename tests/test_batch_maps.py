"""Batch maps with their basemap and Leaflet in shared files (maps/assets/): the indexes a page
holds name the shapes and labels a single map would carry, the page keeps article text
escaped, and it works in Chromium from the output folder with the network blocked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import conftest_render as fx  # noqa: E402

from mapper.batch.store import Store  # noqa: E402
from mapper.model import Analysis  # noqa: E402
from mapper.render import basemap_assets as shared  # noqa: E402
from mapper.render.basemap_layer import reference_data  # noqa: E402
from mapper.render.interactive import to_map  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# map bounds: a region, one across the antimeridian, a world-wide one, none
BOUNDS = [[[40.0, 100.0], [55.0, 140.0]], [[50.0, 150.0], [66.0, 190.0]],
          [[-30.0, -80.0], [60.0, 125.0]], None]


def _resolve(data: dict) -> dict:
    """What the page's mapperSharedBasemap makes of ``data`` (in Python, for comparison)."""
    import json

    files = {}
    for name in data["ref"].values():
        text = shared.asset_text(name)
        files[name] = json.loads(text[text.index("] = ") + 4:].rstrip().rstrip(";"))
    ref = data["ref"]
    own, rough = files[ref["countries"]], files[ref["rough"]]

    def move(c, k):
        return [c[0] + k, c[1]] if isinstance(c[0], (int, float)) else [move(x, k) for x in c]

    def geo(g, k):
        return {"type": g["type"], "coordinates": move(g["coordinates"], k)} if k else g

    feats = []
    for i, coarse, k in data["countries"]:
        n, iso, g = (rough if coarse else own)[i]
        feats.append({"type": "Feature", "properties": {"n": n, "iso": iso},
                      "geometry": geo(g, k)})
    pts = files[ref["points"]]
    labels = list(data["labels"])
    for i, k in data["points"]:
        sea = i < len(pts["seas"])
        p = pts["seas"][i] if sea else pts["places"][i - len(pts["seas"])]
        labels.append(["sea" if sea else "place", p[0], p[1], p[2] + k, p[3], p[4]])
    water = files[ref["water"]]
    return {"countries": feats, "labels": labels,
            "lakes": [water["lakes"][i][0] for i, _ in data["lakes"]],
            "rivers": [water["rivers"][i][0] for i, _ in data["rivers"]]}


def _rounded(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("bounds", BOUNDS)
def test_shared_files_draw_what_a_single_map_draws(bounds):
    skip = {"baikal", "moscow"}
    single = reference_data(bounds, ["RU"], skip)
    data, names = shared.reference_refs(bounds, ["RU"], skip)
    got = _resolve(data)
    # the same countries, outlines and copies past the antimeridian, in the same order (a
    # copy shifted after rounding, not before: the same to 1e-9 degrees)
    assert _rounded(got["countries"]) == _rounded(single["countries"]["features"])
    # the same sea and place labels; lakes and rivers whole, not cut at the window's edge
    points = [row for row in single["labels"] if row[0] in ("sea", "place")]
    assert [r for r in got["labels"] if r[0] in ("sea", "place")] == points
    assert {r[0] for r in single["lakes"]} <= set(got["lakes"])
    assert {r[0] for r in single["rivers"]} <= set(got["rivers"])
    assert not any(r[1].lower() in skip for r in got["labels"])
    assert all(shared.shared_file(n) for n in names)
    assert shared.shared_file("basemap-water-0.02-000000000000.js") is None


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return fx.analysis_or_skip()


def test_batch_page_is_small_names_its_files_and_keeps_text_escaped(analysis, tmp_path):
    files: list[str] = []
    page = to_map(analysis, shared=files).get_root().render()
    single = to_map(analysis).get_root().render()
    assert len(page) < len(single) / 4
    assert "leaflet/leaflet.js" in files and any(f.startswith("basemap-water") for f in files)
    for name in files:
        assert f'"assets/{name}"' in page or name.endswith(("LICENSE", ".png"))
    assert "<script>alert('x')</script>" not in page and "${alert(1)}" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.skipif(not Path(CHROMIUM).exists() or importlib.util.find_spec("playwright") is None,
                    reason="needs /usr/bin/chromium and playwright")
def test_batch_map_opens_from_the_output_folder(analysis, tmp_path):
    from playwright.sync_api import sync_playwright

    store = Store(tmp_path)
    files: list[str] = []
    html = to_map(analysis, shared=files).get_root().render()
    store.save({"key": "k1", "geojson": None, "html": html, "assets": files, "status": "ok"})
    assert (tmp_path / "maps" / "assets" / "leaflet" / "images" / "layers.png").is_file()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        errors: list[str] = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                   else r.abort())
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((tmp_path / "maps" / "k1.html").as_uri(), wait_until="load")
        page.wait_for_selector(".mapper-place")
        page.wait_for_timeout(500)
        counts = page.evaluate("""() => [
            document.querySelectorAll('.leaflet-mapper-basemap-pane path').length,
            document.querySelectorAll('path.mapper-lake').length,
            document.querySelectorAll('path.mapper-leg').length,
            document.querySelectorAll('.mp-ctx-place').length]""")
        page.screenshot(path=str(tmp_path / "batch-map.png"))
        browser.close()
    assert errors == []
    countries, lakes, legs, place_labels = counts
    assert countries > 100 and lakes > 0 and legs > 0 and place_labels > 0


def test_store_writes_what_the_worker_sent_and_makes_only_what_it_lacks(tmp_path):
    store = Store(tmp_path)
    sent = {"leaflet/leaflet.js": b"// as sent"}
    rec = store.save({"key": "k2", "geojson": None, "html": "<html></html>", "status": "ok",
                      "assets": ["leaflet/leaflet.js", "leaflet/leaflet.css"],
                      "asset_files": sent})
    assets = tmp_path / "maps" / "assets" / "leaflet"
    assert (assets / "leaflet.js").read_bytes() == b"// as sent"
    assert (assets / "leaflet.css").read_bytes() == shared.shared_file("leaflet/leaflet.css")
    assert "asset_files" not in rec and "asset_files" not in store.load("k2")
    # a shared file nobody can make (another mapper version's): an error row, no map, no stop
    rec = store.save({"key": "k3", "geojson": None, "html": "x", "status": "ok",
                      "assets": ["basemap-water-0.02-000000000000.js"]})
    assert rec["status"] == "error" and "basemap-water-0.02-000000000000.js" in rec["error"]
    assert rec["map_file"] is None and not store.map_path("k3").exists()
    assert store.load("k3")["status"] == "error"
