"""mapper: turn a news article about a journey into an interactive map.

In a notebook::

    import mapper
    analysis = mapper.analyze("data/articles/000_e4a7c6f4d49187f3.txt")
    mapper.to_map(analysis)            # a folium.Map, shown inline
    mapper.places_frame(analysis)      # pandas DataFrame of places
    mapper.legs_frame(analysis)        # pandas DataFrame of journey legs
    mapper.to_geojson(analysis)        # the GeoJSON contract as a dict
    mapper.to_embed(analysis)          # the map as an HTML fragment for a report page

Several articles on one journey (each with its own publication date)::

    story = mapper.story(["mon.txt", "wed.txt", "fri.txt"])   # one journey per mover
    mapper.story_map(story)            # a folium.Map citing each article
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "read_article", "to_map", "to_geojson", "places_frame", "legs_frame",
           "save_map", "to_png", "to_svg", "to_pdf", "to_embed", "Analysis", "analyze_many",
           "story", "story_map", "MapperError", "InputError"]


def __getattr__(name: str):
    # Imported lazily so that `import mapper` stays fast (spaCy loads on first analysis).
    if name == "analyze":
        from mapper.pipeline import analyze

        return analyze
    if name == "read_article":
        from mapper.read import read_article

        return read_article
    if name in ("to_map", "save_map"):
        from mapper import render

        return getattr(render, name)
    if name in ("to_png", "to_svg", "to_pdf"):
        from mapper.render import static

        return getattr(static, name)
    if name == "to_embed":
        from mapper.render.embed import to_embed

        return to_embed
    if name in ("to_geojson", "places_frame", "legs_frame"):
        from mapper import export

        return getattr(export, name)
    if name in ("analyze_many", "story", "story_map"):
        from mapper import stories

        return getattr(stories, name)
    if name in ("MapperError", "InputError"):  # what a bad input raises, to catch by name
        from mapper import errors

        return getattr(errors, name)
    if name == "Analysis":
        from mapper.model import Analysis

        return Analysis
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
