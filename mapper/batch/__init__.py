"""``mapper batch``: many articles mapped in parallel on Dask, resumably.

``run_batch(inputs, out)`` expands the inputs (files, folders, globs, CSV/JSONL tables with a
text or url column, corpus XML) into items keyed by content hash, skips those already in
``out``, runs the rest in chunks on a ``dask.distributed`` cluster (a LocalCluster with one
worker process per core unless a scheduler address is given), writes each article's GeoJSON and
map as its chunk comes back (the maps share Leaflet and the basemap in ``maps/assets/``), and
finally the GeoParquet tables and ``index.html``.
"""

from __future__ import annotations

__all__ = ["Item", "Summary", "collect", "report", "run_batch"]


def __getattr__(name: str):
    # Imported lazily: the command line builds its parser from mapper.batch.cli without them.
    if name in ("Item", "collect"):
        from mapper.batch import inputs

        return getattr(inputs, name)
    if name in ("Summary", "report", "run_batch"):
        from mapper.batch import run

        return getattr(run, name)
    raise AttributeError(f"module 'mapper.batch' has no attribute {name!r}")
