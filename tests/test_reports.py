"""Reports and notebooks (issue 12): the static map as PNG, SVG and PDF from the API and the
CLI, and ``mapper.analyze(text=...)`` for text a notebook user has in hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import mapper
from mapper.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"


def test_analyze_takes_text(gazetteer):
    a = mapper.analyze(text="Trip\n\nThe minister flew from Paris to Berlin on Monday.",
                       gazetteer=gazetteer)
    assert [s.place.name for j in a.journeys for s in j.stops] == ["Paris", "Berlin"]
    with pytest.raises(TypeError):
        mapper.analyze(str(SEED), text="x")
    with pytest.raises(TypeError):
        mapper.analyze()


def test_text_given_where_a_path_goes_says_to_use_text(gazetteer):
    """A notebook user who passes the article itself positionally is told about text=."""
    for given in ("The minister flew from Paris to Berlin on Monday.",
                  "Trip\n\nThe minister flew from Paris to Berlin on Monday."):
        with pytest.raises(mapper.InputError, match="text=") as info:
            mapper.analyze(given, gazetteer=gazetteer)
        assert "\n" not in str(info.value)


def test_static_map_in_three_formats(seed, tmp_path):
    png = mapper.to_png(seed, tmp_path / "m.png")
    svg = mapper.to_svg(seed, tmp_path / "m.svg")
    pdf = mapper.to_pdf(seed, tmp_path / "m.pdf")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    # legend and title are text in the SVG (place labels with a halo are drawn as paths)
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Russian military officers" in text
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert min(p.stat().st_size for p in (png, svg, pdf)) > 10_000


def test_cli_writes_svg_and_pdf_with_the_map(tmp_path):
    out = tmp_path / "m.html"
    code = main(["map", str(SEED), "-o", str(out), "--svg", str(tmp_path / "m.svg"),
                 "--pdf", str(tmp_path / "report.pdf")])
    assert code == 0 and out.is_file()
    assert (tmp_path / "m.svg").read_text(encoding="utf-8").count("<svg") == 1
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"


def test_svg_escapes_article_text(seed, tmp_path):
    """Text in the SVG is XML-escaped: a headline with markup cannot add elements or scripts."""
    import dataclasses

    hostile = "<script>alert(1)</script> & $x^2$ {{ 7*7 }}"
    a = dataclasses.replace(seed, article=dataclasses.replace(seed.article, title=hostile))
    text = mapper.to_svg(a, tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; $x^2$ {{ 7*7 }}" in text
