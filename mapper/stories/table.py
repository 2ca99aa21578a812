"""The ``stories`` table of ``mapper batch --stories``: one row per stop of each mover's
journey joined across the corpus, built from the stored per-article GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mapper.stories.build import build_story, sightings_from_geojson
from mapper.stories.model import Story, StoryArticle

STORY_COLUMNS = ["story", "mover", "names", "seq", "place", "gazetteer_name", "gazetteer_key",
                 "country_code", "status", "date", "mode", "disputed", "contradicts",
                 "articles", "article_ids", "citations"]


def corpus_story(articles: Sequence[tuple[str, dict]]) -> tuple[Story, list[str]]:
    """The story of stored articles, given as (article id, GeoJSON contract) pairs; and the
    ids in the story's article order."""
    from mapper.pipeline import as_date

    arts, ids, sightings = [], [], []
    for art_id, gj in articles:
        meta = gj.get("article") or {}
        published = meta.get("published")
        arts.append(StoryArticle(meta.get("source") or art_id, meta.get("title"),
                                 as_date(published) if published else None))
        sightings += sightings_from_geojson(gj, len(ids))
        ids.append(art_id)
    return build_story(arts, sightings), ids


def story_rows(story: Story, ids: Sequence[str], min_articles: int = 2) -> tuple[list, list]:
    """(rows, point geometries) of the journeys told by at least ``min_articles`` articles."""
    from shapely.geometry import Point

    rows, geoms = [], []
    for j in story.journeys:
        if len({a for s in j.stops for a in s.articles}) < min_articles:
            continue
        clash: dict[int, list[int]] = {}
        for c in j.contradictions:
            a, b = c.stops
            clash.setdefault(a, []).append(b + 1)
            clash.setdefault(b, []).append(a + 1)
        for n, s in enumerate(j.stops):
            e = s.place.entry
            rows.append({
                "story": j.id, "mover": j.mover, "names": json.dumps(list(j.names)),
                "seq": n + 1, "place": s.place.name, "gazetteer_name": e.name,
                "gazetteer_key": e.key, "country_code": e.country_code, "status": s.status,
                "date": s.date, "mode": s.mode, "disputed": s.disputed,
                "contradicts": json.dumps(clash.get(n, [])),
                "articles": len(s.articles),
                "article_ids": json.dumps([ids[a] for a in s.articles], ensure_ascii=False),
                "citations": json.dumps([
                    {"article_id": ids[c.article], "source": c.source,
                     "published": c.published.isoformat() if c.published else None,
                     "status": c.status, "date": c.date, "sentence": c.sentence}
                    for c in s.citations], ensure_ascii=False)})
            geoms.append(Point(e.lon, e.lat))
    return rows, geoms
