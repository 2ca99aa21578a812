"""Drawing: the interactive map (``interactive``), the static image (``static``), the offline
basemap (``basemap``), the shared visual vocabulary (``style``), HTML fragments (``html``) and the
one path by which article text reaches folium (``safe``)."""

from __future__ import annotations

from mapper.render.interactive import RenderError, arrow_points, save_map, to_map

__all__ = ["RenderError", "arrow_points", "save_map", "to_map"]
