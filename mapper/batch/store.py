"""The batch output folder: per-article files keyed by content hash, the corpus tables and the
index page. Every file is written atomically (temporary file, then rename).

Layout of ``DIR``::

    records/<key>.json     one article's status, error and counts (written last: its "done")
    geojson/<key>.geojson  the GeoJSON contract (mapper.export.to_geojson)
    maps/<key>.html        the map
    maps/assets/           what every map loads: Leaflet and the basemap's shapes (written once)
    places.parquet legs.parquet corridors.parquet articles.parquet   GeoParquet, EPSG:4326
    index.html             the articles with links to their maps
"""

from __future__ import annotations

import json
from pathlib import Path

from mapper.atomic import write_atomic
from mapper.export import geojson_dumps

FAILED = ("error", "timeout")


class MissingAsset(LookupError):
    """A map needs a shared file that neither its worker sent nor this process can make."""


class Store:
    """Reads and writes one batch output folder."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.assets: set[str] = set()  # shared files known to be in maps/assets/

    def write_assets(self, names: list[str], given: dict[str, bytes] | None = None) -> None:
        """Write the shared files ``names`` that maps/assets/ lacks: from ``given`` (what the
        worker sent) or made in this process (the same, unless another mapper version's)."""
        from mapper.render.basemap_assets import shared_file

        for name in names:
            path = self.root / "maps" / "assets" / name
            if name in self.assets or path.is_file():
                self.assets.add(name)
                continue
            data = (given or {}).get(name) or shared_file(name)
            if data is None:
                raise MissingAsset(f"mapper makes no shared map file {name} (another version?)")
            write_atomic(path, data)
            self.assets.add(name)

    def record_path(self, key: str) -> Path:
        return self.root / "records" / f"{key}.json"

    def geojson_path(self, key: str) -> Path:
        return self.root / "geojson" / f"{key}.geojson"

    def map_path(self, key: str) -> Path:
        return self.root / "maps" / f"{key}.html"

    def done(self, key: str, retry_failed: bool = False) -> bool:
        """Whether the article's record is written (a failed one counts unless retried)."""
        rec = self.load(key)
        if rec is None:
            return False
        return not (retry_failed and rec.get("status") in FAILED)

    def load(self, key: str) -> dict | None:
        """The stored record (without GeoJSON and HTML), or None."""
        try:
            return json.loads(self.record_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def geojson(self, key: str) -> dict | None:
        try:
            return json.loads(self.geojson_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, record: dict) -> dict:
        """Write an article's GeoJSON and map, then its record; the record as stored."""
        key = record["key"]
        rec = {k: v for k, v in record.items() if k not in ("geojson", "html", "asset_files")}
        geojson, html = record.get("geojson"), record.get("html")
        rec["geojson_file"] = rec["map_file"] = None
        if geojson is not None:
            write_atomic(self.geojson_path(key), geojson_dumps(geojson))
            rec["geojson_file"] = self.geojson_path(key).relative_to(self.root).as_posix()
            kinds = [f["properties"]["kind"] for f in geojson.get("features", ())]
            rec.update(places=kinds.count("place"), legs=kinds.count("leg"),
                       corridors=kinds.count("corridor"))
        if html is not None:
            try:
                self.write_assets(record.get("assets") or [], record.get("asset_files"))
            except MissingAsset as exc:  # an error row for this article, never a stopped batch
                rec.update(status="error", error=f"map not written: {exc}")
            else:
                write_atomic(self.map_path(key), html)
                rec["map_file"] = self.map_path(key).relative_to(self.root).as_posix()
        text = json.dumps(rec, ensure_ascii=False, indent=1)
        write_atomic(self.record_path(key), text)
        return rec
