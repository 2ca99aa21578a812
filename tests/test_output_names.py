"""Default map names for stdin and URL inputs (issue 12): ``output/<headline slug>.html``; another
article's map is never overwritten (``-2``, ``-3``...), the same article's map is updated."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mapper.cli import main as cli_main
from mapper.naming import slug
from tests.local_pages import serve_pages

HEADLINE = "Minister flies from Paris to Berlin for talks"
BODY = ("The minister flew from Paris to Berlin on Monday for talks with the chancellor.\n\n"
        "She travels on to Warsaw on Wednesday.\n")
OTHER_BODY = ("The minister flew from Paris to Rome on Monday for talks with the premier.\n\n"
              "She travels on to Madrid on Friday.\n")


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def _map_stdin(monkeypatch, capsys, text: str) -> tuple[int, str, str]:
    _stdin(monkeypatch, text)
    code = cli_main(["map", "-"])
    out, err = capsys.readouterr()
    return code, out.strip(), err


def test_slug():
    assert slug("Kim Jong-il's train: 9,000 km to Moscow!") == (
        "kim-jong-il-s-train-9-000-km-to-moscow")
    assert slug("Zürich – São Paulo") == "zurich-sao-paulo"
    long = slug("word " * 40)
    assert len(long) <= 60 and long.endswith("word") and not long.endswith("-")
    assert slug("北京") == ""


def test_stdin_maps_are_named_by_headline_and_never_overwrite_another(monkeypatch, capsys,
                                                                      tmp_path, seed):
    monkeypatch.chdir(tmp_path)
    first = f"{HEADLINE}\n\n{BODY}"
    code, out, err = _map_stdin(monkeypatch, capsys, first)
    name = "output/minister-flies-from-paris-to-berlin-for-talks.html"
    assert code == 0 and out == name and "another" not in err
    assert "Berlin" in Path(name).read_text(encoding="utf-8")
    # The same article again: its own map is updated, no second file.
    code, out, err = _map_stdin(monkeypatch, capsys, first)
    assert code == 0 and out == name
    page = Path(name).read_text(encoding="utf-8")
    # Another article with the same headline: a new name, a one-line note, the first map kept.
    code, out, err = _map_stdin(monkeypatch, capsys, f"{HEADLINE}\n\n{OTHER_BODY}")
    second = name.replace(".html", "-2.html")
    assert code == 0 and out == second
    assert err.strip().splitlines()[-1] == (f"mapper: {name} holds another article's map; "
                                            f"writing {second}")
    assert Path(name).read_text(encoding="utf-8") == page
    assert "Madrid" in Path(second).read_text(encoding="utf-8")
    # And that one again updates -2, not a -3.
    code, out, _ = _map_stdin(monkeypatch, capsys, f"{HEADLINE}\n\n{OTHER_BODY}")
    assert code == 0 and out == second
    assert sorted(p.name for p in Path("output").iterdir()) == sorted([Path(name).name,
                                                                      Path(second).name])


def test_a_file_mapper_did_not_write_is_kept(monkeypatch, capsys, tmp_path, seed):
    monkeypatch.chdir(tmp_path)
    Path("output").mkdir()
    mine = Path("output/minister-flies-from-paris-to-berlin-for-talks.html")
    mine.write_text("<html>my own notes</html>", encoding="utf-8")
    code, out, _ = _map_stdin(monkeypatch, capsys, f"{HEADLINE}\n\n{BODY}")
    assert code == 0 and out == str(mine).replace(".html", "-2.html")
    assert mine.read_text(encoding="utf-8") == "<html>my own notes</html>"


def test_o_still_overwrites(monkeypatch, capsys, tmp_path, seed):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "mine.html"
    target.write_text("old", encoding="utf-8")
    _stdin(monkeypatch, f"{HEADLINE}\n\n{BODY}")
    assert cli_main(["map", "-", "-o", str(target)]) == 0
    assert "Berlin" in target.read_text(encoding="utf-8")
    assert not Path("output").exists()


@pytest.fixture()
def server():
    """Two pages on 127.0.0.1: one with a headline, one without a title."""
    pages = {
        "/news/2021/story.html": (f"<html><head><title>{HEADLINE}</title></head><body>"
                                  f"<article><h1>{HEADLINE}</h1><p>{BODY}</p></article>"
                                  "</body></html>"),
        "/untitled": f"<html><body><article><p>{OTHER_BODY}</p></article></body></html>",
    }

    with serve_pages(pages) as base:
        yield base


def test_url_maps_are_named_by_headline_else_by_url(monkeypatch, capsys, tmp_path, server,
                                                    seed):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path / "cache"))
    assert cli_main(["map", f"{server}/news/2021/story.html"]) == 0
    assert capsys.readouterr().out.strip() == (
        "output/minister-flies-from-paris-to-berlin-for-talks.html")
    assert cli_main(["map", f"{server}/untitled"]) == 0
    out = capsys.readouterr().out.strip()
    # No headline: the URL's host and path.
    assert out == "output/127-0-0-1-untitled.html", out
