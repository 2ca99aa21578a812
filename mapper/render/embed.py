"""The map as an HTML fragment to paste into a report or CMS page (``mapper map --embed``).

The fragment is one ``<div>`` holding an ``<iframe srcdoc>`` with the complete, self-contained
map page (Leaflet, basemap, panels): no ``<html>`` or ``<body>`` of its own, nothing that
clashes with the host page's CSS or scripts (they live in the frame), several maps per page.
The frame is sandboxed without same-origin rights, so the map's scripts cannot reach the host
page. Article text is escaped on its way into the page (:mod:`mapper.render.safe`) and the page
once more as the frame's attribute value.
"""

from __future__ import annotations

from pathlib import Path

from mapper.model import Analysis
from mapper.render import safe
from mapper.render.interactive import to_map
from mapper.render.style import map_title

DEFAULT_HEIGHT = "600px"


def to_embed(analysis: Analysis, path: str | Path | None = None, *, height: str = DEFAULT_HEIGHT,
             inline: bool = True, tiles: bool = True) -> str:
    """The map of ``analysis`` as an HTML fragment (a ``<div>``, ``height`` tall, full width);
    also written to ``path`` when given. ``inline`` and ``tiles`` as for ``to_map``."""
    page = to_map(analysis, inline=inline, tiles=tiles).get_root().render()
    fragment = embed_fragment(analysis, page, height)
    if path is not None:
        from mapper.atomic import write_atomic

        write_atomic(path, fragment)
    return fragment


def embed_fragment(analysis: Analysis, page: str, height: str = DEFAULT_HEIGHT) -> str:
    """The fragment that shows ``page`` (the rendered map page of ``analysis``)."""
    return safe.framed(page, f"Map: {map_title(analysis.article)}", height)


__all__ = ["DEFAULT_HEIGHT", "embed_fragment", "to_embed"]
