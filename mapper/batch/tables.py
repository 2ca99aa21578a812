"""The corpus tables (GeoParquet) and the index page, built from the stored records."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

from mapper.atomic import replace_via, write_atomic
from mapper.batch.inputs import Item
from mapper.batch.store import Store

ARTICLE_COLUMNS = ["key", "id", "source", "title", "published", "status", "error", "seconds",
                   "places", "legs", "corridors", "map_file", "geojson_file"]
PLACE_COLUMNS = ["article_key", "article_id", "id", "name", "gazetteer_name", "gazetteer_key",
                 "geonameid", "feature", "country_code", "implied", "mentions", "first_sentence",
                 "stops"]
LEG_COLUMNS = ["article_key", "article_id", "journey", "mover", "seq", "from", "to",
               "from_implied", "to_implied", "status", "mode", "date", "length_km", "network",
               "evidence"]
CORRIDOR_COLUMNS = ["article_key", "article_id", "id", "type", "status", "from", "to", "via",
                    "stated_length_km", "stated_length_text", "length_km", "evidence"]
TABLES = ("articles", "places", "legs", "corridors")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _frame(rows: list[dict], geoms: list, columns: list[str]):
    import geopandas as gpd

    data = {c: [r.get(c) for r in rows] for c in columns}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"),
                            crs="EPSG:4326")


def build_frames(store: Store, items: Sequence[Item]) -> dict:
    """The four GeoDataFrames for ``items`` (one article row per item, done or not)."""
    from shapely.geometry import MultiPoint, shape

    rows: dict[str, tuple[list[dict], list]] = {t: ([], []) for t in TABLES}
    for item in items:
        rec = store.load(item.key) or {"status": "pending"}
        art = {c: rec.get(c) for c in ARTICLE_COLUMNS}
        art.update(key=item.key, id=item.id, source=item.source)
        points = []
        gj = store.geojson(item.key) if rec.get("geojson_file") else None
        for f in (gj or {}).get("features", ()):
            props, geom = f["properties"], f.get("geometry")
            g = shape(geom) if geom else None
            base = {"article_key": item.key, "article_id": item.id}
            if props["kind"] == "place":
                mentions = props.get("mentions") or []
                row = {**base, **props, "mentions": len(mentions),
                       "first_sentence": mentions[0]["sentence"] if mentions else "",
                       "stops": _json(props.get("stops") or [])}
                if g is not None:
                    points.append(g)
                table = "places"
            elif props["kind"] == "leg":
                row = {**base, **props}
                table = "legs"
            else:
                row = {**base, **props, "via": _json(props.get("via") or [])}
                table = "corridors"
            rows[table][0].append(row)
            rows[table][1].append(g)
        rows["articles"][0].append(art)
        rows["articles"][1].append(MultiPoint(points).envelope if points else None)
    columns = {"articles": ARTICLE_COLUMNS, "places": PLACE_COLUMNS, "legs": LEG_COLUMNS,
               "corridors": CORRIDOR_COLUMNS}
    return {t: _frame(rows[t][0], rows[t][1], columns[t]) for t in TABLES}


def stories_frame(store: Store, items: Sequence[Item]):
    """The ``stories`` GeoDataFrame: each mover's journey joined across the articles done
    (see :mod:`mapper.stories.table`)."""
    from mapper.stories.table import STORY_COLUMNS, corpus_story, story_rows

    done = []
    for item in dict((i.key, i) for i in items).values():
        gj = store.geojson(item.key) if (store.load(item.key) or {}).get("geojson_file") else None
        if gj is not None:
            done.append((item.id, gj))
    story, ids = corpus_story(done)
    rows, geoms = story_rows(story, ids)
    return _frame(rows, geoms, STORY_COLUMNS)


def write_tables(store: Store, items: Sequence[Item], stories: bool = False) -> dict[str, Path]:
    """Write ``<table>.parquet`` for the four tables (and ``stories`` if asked) and
    ``index.html``; their paths."""
    frames = build_frames(store, items)
    if stories:
        frames["stories"] = stories_frame(store, items)
    paths = {}
    for name, frame in frames.items():
        paths[name] = replace_via(store.root / f"{name}.parquet",
                                  lambda p, f=frame: f.to_parquet(p, index=False))
    html = index_html(frames["articles"])
    paths["index"] = write_atomic(store.root / "index.html", html)
    return paths


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def index_html(articles) -> str:
    """A page listing the articles with links to their maps; all text through mapper.render.safe."""
    from urllib.parse import quote

    from mapper.render.safe import esc

    counts = articles["status"].fillna("pending").value_counts().to_dict()
    summary = ", ".join(f"{n} {esc(s)}" for s, n in sorted(counts.items()))
    lines = []
    for rec in articles.drop(columns="geometry").to_dict("records"):
        row = SimpleNamespace(**{k: (None if _missing(v) else v) for k, v in rec.items()})
        status = row.status or "pending"
        title = row.title or row.id
        if row.map_file:
            link = f'<a href="{esc(quote(row.map_file))}">{esc(title)}</a>'
        else:
            link = esc(title)
        extra = f' <a href="{esc(quote(row.geojson_file))}">GeoJSON</a>' if row.geojson_file else ""
        places = "" if row.places is None else int(row.places)
        lines.append(f'<tr class="{esc(status)}"><td>{link}{extra}</td><td>{esc(row.id)}</td>'
                     f"<td>{esc(row.published or '')}</td><td>{esc(status)}</td>"
                     f"<td>{esc(places)}</td><td>{esc(row.error or '')}</td></tr>")
    body = "\n".join(lines)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mapper batch: {len(articles)} articles</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}}
tr.error td,tr.timeout td{{color:#a00}}</style></head>
<body><h1>{len(articles)} articles</h1><p>{summary}</p>
<table><thead><tr><th>article</th><th>id</th><th>published</th><th>status</th><th>places</th>
<th>error</th></tr></thead><tbody>
{body}
</tbody></table></body></html>
"""
