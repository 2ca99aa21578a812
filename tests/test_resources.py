"""Package data: found through mapper.resources, and a missing or corrupt file is an error naming
it (exit 2 on the CLI), never a quiet fallback to a poorer map."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mapper import resources
from mapper.cli import main
from mapper.errors import DataFileError, MapperError
from mapper.gazetteer import sources
from tests.conftest import ROOT, SEED

DATA = ROOT / "mapper" / "data"


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of mapper/data that the resolver reads instead of the package's."""
    copy = tmp_path / "data"
    shutil.copytree(resources.data_root(), copy)
    monkeypatch.setattr(resources, "data_root", lambda: copy)
    return copy


def test_data_is_inside_the_package():
    assert resources.data_root() == DATA
    assert resources.data_path("gazetteer/features.csv") == DATA / "gazetteer" / "features.csv"
    for moved in ("gazetteer", "networks", "ranker"):  # data/ keeps the example articles
        assert not (ROOT / "data" / moved).exists()


@pytest.mark.parametrize("name, reader", [
    ("gazetteer/demonyms.csv", sources.demonyms),
    ("gazetteer/aliases.csv", lambda: sources.aliases("name")),
    ("gazetteer/us_states.csv", sources.us_state_abbreviations),
    ("gazetteer/features.csv", lambda: list(sources.authored_features())),
    ("gazetteer/country_points.csv", sources.country_points),
])
def test_missing_table_is_an_error_naming_it(data_copy, name, reader):
    (data_copy / name).unlink()
    with pytest.raises(DataFileError, match=name) as info:
        reader()
    assert isinstance(info.value, MapperError)
    assert str(data_copy / name) in str(info.value)


def test_missing_rail_table_is_an_error_not_a_geodesic(data_copy):
    from mapper.networks import route
    from mapper.networks.rail import rail_graph

    (data_copy / "networks" / "rail_lines.csv").unlink()
    rail_graph.cache_clear()
    try:
        with pytest.raises(DataFileError, match="networks/rail_lines.csv"):
            route((48.48, 135.08), (52.29, 104.28), "rail")  # Khabarovsk -> Irkutsk
    finally:
        rail_graph.cache_clear()


def test_corrupt_tables_are_errors_naming_them(data_copy):
    from mapper.networks.rail import read_rows

    states = data_copy / "gazetteer" / "us_states.csv"
    states.write_text(states.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(DataFileError, match="us_states.csv is corrupt"):
        sources.us_state_abbreviations()
    rail = data_copy / "networks" / "rail_lines.csv"
    rail.write_text(rail.read_text(encoding="utf-8").replace(",1,", ",one,", 1),
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="rail_lines.csv is corrupt"):
        read_rows()
    (data_copy / "gazetteer" / "demonyms.csv").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DataFileError, match="demonyms.csv is not UTF-8"):
        sources.demonyms()


def test_corrupt_or_missing_ranker_is_an_error(data_copy):
    from mapper.ranker import Ranker

    model = data_copy / "ranker" / "ranker.json"
    model.write_text('{"features": ["x"], "kind": "trees"}', encoding="utf-8")
    with pytest.raises(DataFileError, match="ranker/ranker.json is corrupt"):
        Ranker.load()
    model.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="ranker/ranker.json is corrupt"):
        Ranker.load()
    model.unlink()
    with pytest.raises(DataFileError, match="ranker/ranker.json is missing"):
        Ranker.load()


def test_missing_leaflet_is_an_error_not_a_cdn_link(data_copy):
    from mapper.render.interactive import _asset_head

    (data_copy / "assets" / "leaflet" / "leaflet.js").unlink()
    with pytest.raises(DataFileError, match="assets/leaflet/leaflet.js"):
        _asset_head(inline=True)
    assert "cdn" in _asset_head(inline=False)  # --cdn asks for the links, and needs no file


def test_cli_exits_2_with_one_line_naming_the_missing_file(data_copy, monkeypatch, capsys,
                                                          gazetteer):
    from mapper import resolve

    monkeypatch.setattr(resolve, "_MODEL", [])  # the session's loaded model would hide it
    (data_copy / "ranker" / "ranker.json").unlink()
    code = main(["places", str(SEED)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "ranker/ranker.json is missing" in err and err.startswith("mapper: ")
