"""The CLI contract: outputs, formats, exit codes, one-line errors and no partial files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from mapper.cli import main
from tests.conftest import ROOT, SEED


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_map_writes_html_and_geojson_and_prints_paths(tmp_path, capsys, seed):
    html, gj, places_csv = tmp_path / "m.html", tmp_path / "m.geojson", tmp_path / "p.csv"
    code, out, err = run(capsys, "map", str(SEED), "-o", str(html), "--geojson", str(gj),
                         "--csv", str(places_csv))
    assert code == 0, err
    assert out.split() == [str(html), str(gj), str(places_csv)]
    text = html.read_text(encoding="utf-8")
    assert "leaflet" in text.lower() and "Kim Jong-il" in text
    data = json.loads(gj.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    rows = list(csv.DictReader(io.StringIO(places_csv.read_text(encoding="utf-8"))))
    assert {"Pyongyang", "Khabarovsk", "Skovorodino"} <= {r["gazetteer_name"] for r in rows}
    assert oct(html.stat().st_mode & 0o777) != oct(0o600)  # not left with mkstemp's mode


def test_map_default_output_is_output_stem_html(tmp_path, capsys, monkeypatch, seed):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "map", str(SEED))
    assert code == 0
    assert out.strip() == f"output/{SEED.stem}.html"
    assert (tmp_path / "output" / f"{SEED.stem}.html").exists()


def test_map_output_without_suffix_gets_html(tmp_path, capsys, seed):
    code, out, _ = run(capsys, "map", str(SEED), "-o", str(tmp_path / "mymap"))
    assert code == 0
    assert out.strip() == str(tmp_path / "mymap.html")
    assert (tmp_path / "mymap.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not (tmp_path / "mymap").exists()


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "geojson"])
def test_places_formats(capsys, fmt, seed):
    code, out, _ = run(capsys, "places", str(SEED), "--format", fmt)
    assert code == 0
    assert "Pyongyang" in out
    if fmt == "json":
        assert any(r["gazetteer_name"] == "Khabarovsk" for r in json.loads(out))
    if fmt == "geojson":
        kinds = {f["properties"]["kind"] for f in json.loads(out)["features"]}
        assert kinds == {"place"}


@pytest.mark.parametrize("fmt", ["table", "json", "geojson"])
def test_journey_formats(capsys, fmt, seed):
    code, out, _ = run(capsys, "journey", str(SEED), "--format", fmt)
    assert code == 0
    assert "Khabarovsk" in out
    if fmt == "json":
        legs = json.loads(out)
        assert {leg["mode"] for leg in legs} == {"rail", "air"}
    if fmt == "geojson":
        kinds = {f["properties"]["kind"] for f in json.loads(out)["features"]}
        assert kinds == {"leg", "corridor"}


def test_journey_table_lists_a_journey_without_legs(capsys, monkeypatch, seed):
    """"visited Paris" is a journey of one stop: the table shows it, not "no journeys"."""
    text = "Maria Lopez visited Paris on May 3, 2011, officials said."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, _ = run(capsys, "journey", "-")
    assert code == 0 and "no journeys found" not in out
    (row,) = [line.split() for line in out.splitlines() if "Paris" in line]
    assert row[:5] == ["j1", "Maria", "Lopez", "-", "Paris"] and "2011-05-03" in row


def test_stdin(capsys, monkeypatch, seed):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    code, out, _ = run(capsys, "places", "-", "--format", "csv")
    assert code == 0 and "Skovorodino" in out


BAD_INPUTS = {
    "empty": b"",
    "blank": b"   \n\n  ",
    "binary": bytes(range(256)) * 40,
    "undecodable": "Le navire a quitt\u00e9 le port.".encode("utf-16-le") + b"\xff\xfe\x00\xd8",
    "french": ("Le train blind\u00e9 du dirigeant nord-cor\u00e9en a travers\u00e9 la "
               "fronti\u00e8re samedi matin et se dirige vers le lac Ba\u00efkal, selon les "
               "m\u00e9dias russes qui citent des sources officielles.").encode(),
    "no_places": b"The committee met on Tuesday and agreed that the budget was too high. "
                 b"Members said they would meet again next week to talk it over.",
    "huge": b"The train went on. " * 200_000,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_one_line_exit_2_no_file(tmp_path, capsys, name, seed):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(BAD_INPUTS[name])
    out_html = tmp_path / "out.html"
    code, out, err = run(capsys, "map", str(path), "-o", str(out_html))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("mapper: ")
    assert not out_html.exists()
    assert not list(tmp_path.glob(".out.html*"))


@pytest.mark.parametrize("arg", ["missing-file.txt", "http://", "https://exa mple.com/x",
                                 "ftp://example.com/a.txt"])
def test_missing_and_malformed_sources(tmp_path, capsys, arg):
    code, out, err = run(capsys, "places", str(tmp_path / arg) if "/" not in arg else arg)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_runs_in_a_fresh_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mapper", "places", str(SEED), "--format", "csv"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Pyongyang" in proc.stdout


def test_timeout_exit_2_one_line_nothing_written(tmp_path, capsys, seed):
    html, gj = tmp_path / "m.html", tmp_path / "m.geojson"
    gj.write_text("old", encoding="utf-8")
    code, out, err = run(capsys, "map", str(SEED), "-o", str(html), "--geojson", str(gj),
                         "--timeout", "0.01")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "gave up after 0.01 s" in err
    assert not html.exists() and gj.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.geojson"]  # no temporary left


def test_timeout_from_environment_in_a_fresh_process(tmp_path):
    """The deadline may fall inside an import or the model load: still one line, exit 2."""
    import os

    env = {**os.environ, "MAPPER_TIMEOUT": "0.5", "PYTHONPATH": str(ROOT)}
    env.pop("MAPPER_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "mapper", "places", str(SEED)], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert "gave up after 0.5 s" in done.stderr


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf"])
def test_timeout_must_be_positive_seconds(capsys, value):
    with pytest.raises(SystemExit) as exc:
        main(["places", "x.txt", "--timeout", value])
    assert exc.value.code == 2
