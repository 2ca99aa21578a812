"""Real news articles the project was not written for go through the whole pipeline."""

from __future__ import annotations

import json

import pytest

from mapper.cli import main
from mapper.evaluate.corpora import load_corpus
from mapper.export import to_geojson
from mapper.read import article_from_text
from tests.conftest import SEED


@pytest.mark.parametrize("corpus", ["lgl.xml", "GWN.xml"])
def test_corpus_articles_go_through_the_whole_pipeline(shared, gazetteer, corpus):
    from mapper.pipeline import analyze

    docs = load_corpus(str(shared / "corpora" / corpus)).documents[:12]
    with_places = 0
    for doc in docs:
        a = analyze(article_from_text(doc.text, source=corpus, stem=str(doc.id)),
                    gazetteer=gazetteer)
        data = json.loads(json.dumps(to_geojson(a)))
        assert data["type"] == "FeatureCollection"
        with_places += bool(a.places)
    assert with_places >= len(docs) - 2


def test_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    import mapper.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.delenv("MAPPER_DEBUG", raising=False)
    monkeypatch.setattr(mapper.pipeline, "analyze", broken)
    code = main(["places", str(SEED)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "internal error" in err and "Traceback" not in err


def test_a_failing_later_stage_keeps_the_places(monkeypatch, gazetteer):
    import mapper.pipeline

    def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.delenv("MAPPER_DEBUG", raising=False)
    monkeypatch.setattr(mapper.pipeline.CorridorExtractor, "extract", broken)
    a = mapper.pipeline.analyze(str(SEED), gazetteer=gazetteer)
    assert a.places and a.journeys and not a.corridors
    assert any("corridors" in w for w in a.warnings)
