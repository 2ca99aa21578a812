"""notebooks/explore.ipynb: a clean nbformat 4 notebook whose code runs top to bottom."""

from __future__ import annotations

import json
from pathlib import Path

import folium
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def test_notebook_is_clean_nbformat4(notebook):
    assert notebook["nbformat"] == 4 and notebook["nbformat_minor"] >= 5
    assert notebook["metadata"]["kernelspec"]["language"] == "python"
    kinds = [c["cell_type"] for c in notebook["cells"]]
    assert kinds[0] == "markdown" and kinds.count("code") >= 6
    ids = [c["id"] for c in notebook["cells"]]
    assert len(set(ids)) == len(ids)
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_notebook_runs(notebook, monkeypatch, gazetteer):
    """Every code cell, in order, in one namespace, from the repository root."""
    monkeypatch.chdir(ROOT)
    ns: dict = {"__name__": "__main__"}
    for i, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
        code = compile(_source(cell), f"{NOTEBOOK.name}[code cell {i}]", "exec")
        exec(code, ns)  # noqa: S102 - the notebook is the project's own code

    a = ns["a"]
    assert isinstance(ns["places"], pd.DataFrame) and len(ns["places"]) == len(a.places) > 0
    assert isinstance(ns["legs"], pd.DataFrame) and len(ns["legs"]) > 0
    assert isinstance(ns["m"], folium.Map)
    assert "leaflet" in ns["m"]._repr_html_().lower()  # what Jupyter displays inline
    assert len(ns["mentions"]) == max(len(p.mentions) for p in a.places) > 1
    corridors = ns["corridors"]
    assert len(corridors) == len(a.corridors)
    assert corridors["stated_km"].notna().any()  # the seed states a pipeline's length
