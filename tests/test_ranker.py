"""The learned candidate ranker: model file, features, choices, and the training data builder."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from mapper.group_ranking import Ranked
from mapper.model import Article, Mention
from mapper.ranker import FEATURES, Ranker
from mapper.resolve import Resolver

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _trace(gazetteer, text: str, names: list[str], ranker=None) -> tuple[dict, list[Ranked]]:
    mentions, at = [], 0
    for name in names:
        start = text.index(name, at)
        at = start + len(name)
        mentions.append(Mention(name, start, at, text, "GPE"))
    trace: list[Ranked] = []
    resolver = Resolver(gazetteer) if ranker is None else Resolver(gazetteer, ranker=ranker)
    result = resolver.resolve(Article(text, "test", "test"), mentions, trace=trace)
    chosen = {m.text: p.entry for p in result.places for m in p.mentions}
    return chosen, trace


def test_model_file_loads():
    ranker = Ranker.load()
    assert ranker.kind in ("trees", "logistic")
    assert len(ranker.scores([[0.0] * len(FEATURES)])) == 1


def test_model_trained_on_other_features_is_refused():
    with pytest.raises(ValueError, match="other features"):
        Ranker({"kind": "logistic", "features": ["population"], "coef": [1.0], "mean": [0.0],
                "scale": [1.0], "intercept": 0.0})


def test_logistic_model_scores_by_its_coefficients():
    n = len(FEATURES)
    coef = [0.0] * n
    coef[FEATURES.index("log_population")] = 2.0
    ranker = Ranker({"kind": "logistic", "features": list(FEATURES), "coef": coef,
                     "mean": [1.0] * n, "scale": [0.5] * n, "intercept": 0.25})
    row = [1.0] * n
    row[FEATURES.index("log_population")] = 2.0
    assert ranker.scores([row]) == pytest.approx([0.25 + 2.0 * (2.0 - 1.0) / 0.5])


def test_features_are_finite_and_complete(gazetteer):
    text = ("Flooding closed roads in Springfield and Columbus on Monday, and the river rose "
            "at Paris and Lexington.")
    _, trace = _trace(gazetteer, text, ["Springfield", "Columbus", "Paris", "Lexington"])
    assert trace, "ambiguous names are ranked"
    for group in trace:
        assert len(group.features) == len(group.candidates) >= 2
        for row in group.features:
            assert len(row) == len(FEATURES)
            assert all(math.isfinite(v) for v in row)


@pytest.mark.parametrize("text,names,expected", [
    # Paris, Tennessee is the seat of Henry County, next to Murray, Kentucky
    ("Deputies from Paris and Murray searched the lake shore in Henry County, Tennessee.",
     ["Paris", "Murray", "Henry County", "Tennessee"], 4647963),
    ("The train from Paris reached Lyon and Marseille before noon.",
     ["Paris", "Lyon", "Marseille"], 2988507),
])
def test_ranker_prefers_the_place_the_context_points_to(gazetteer, text, names, expected):
    ranker = Ranker.load()
    chosen, trace = _trace(gazetteer, text, names, ranker=ranker)
    assert chosen["Paris"].geonameid == expected
    (paris,) = [g for g in trace if g.key == "paris"]
    scores = ranker.scores(paris.features)
    best = paris.candidates[max(range(len(scores)), key=scores.__getitem__)]
    assert best.geonameid == expected


def test_region_named_like_its_city_is_the_city(gazetteer):
    chosen, _ = _trace(gazetteer, "The train left Khabarovsk for Vladivostok.",
                       ["Khabarovsk", "Vladivostok"], ranker=Ranker.load())
    assert chosen["Khabarovsk"].feature == "city"


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ranker",
                                                  ROOT / "benchmarks" / "train_ranker.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ranker"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _lgl_training(limit: int):
    """The training script as a module and the first ``limit`` LGL documents (skip if absent)."""
    lgl = SHARED / "corpora" / "lgl.xml"
    if not lgl.exists():
        pytest.skip("../shared/corpora is absent")
    from mapper.evaluate.corpora import load_documents

    return _train_module(), load_documents(lgl, limit=limit)


def test_training_data_builder_on_three_lgl_documents(gazetteer):
    train, docs = _lgl_training(3)
    queries = train.build_queries(docs, Resolver(gazetteer, ranker=None))
    assert queries
    assert {q.doc for q in queries} <= {0, 1, 2}
    for q in queries:
        assert len(q.x) == len(q.y) >= 2
        assert sum(q.y) >= 1  # the candidates within 161 km of gold, or the closest one
        assert all(len(row) == len(FEATURES) for row in q.x)
    # The first LGL article is about Alexandria, Louisiana, a name with many namesakes: its
    # group has right and wrong candidates.
    first = [q for q in queries if q.doc == 0]
    assert first and all(sum(q.y) < len(q.y) for q in first)


def test_home_regions_favour_the_state_the_other_names_share(gazetteer):
    from mapper.ranker import home_regions

    cands = {k: gazetteer.candidates(k, limit=40) for k in ("Alexandria", "St. Cloud")}
    # the two towns named Saint Cloud in the US (old names also reach towns in France,
    # Algeria and Missouri)
    cands["St. Cloud"] = [c for c in cands["St. Cloud"]
                          if c.country_code == "US" and c.name == "Saint Cloud"]
    assert {c.admin1 for c in cands["St. Cloud"]} == {"Minnesota", "Florida"}
    cands["Minnesota"] = [gazetteer.by_geonameid(5037779)]
    home = home_regions(cands)
    by_state = {c.admin1: h for c, h in zip(cands["Alexandria"], home["Alexandria"])
                if c.country_code == "US"}
    assert by_state["Minnesota"] == (1.0, pytest.approx(0.75))  # Minnesota 1 + St. Cloud 1/2
    assert by_state["Virginia"] == (0.0, 0.0)
    # St. Cloud's own vote (half Florida) does not count for it: Florida gets nothing
    cloud = {c.admin1: h for c, h in zip(cands["St. Cloud"], home["St. Cloud"])}
    assert cloud["Minnesota"][0] == 1.0 and cloud["Florida"] == (0.0, 0.0)


def test_training_data_recorded_with_the_model_making_the_first_round(gazetteer):
    train, docs = _lgl_training(4)
    hand = train.build_queries(docs, Resolver(gazetteer, ranker=None), [1, 2, 3])
    model = train.build_queries(docs, Resolver(gazetteer, ranker=Ranker.load()), [1, 2, 3])
    assert hand and model and {q.doc for q in model} <= {1, 2, 3}
    assert all(len(row) == len(FEATURES) for q in model for row in q.x)
    refit = train.train("logistic", docs, [0, 1, 2, 3], hand, 1, gazetteer)
    assert refit["kind"] == "logistic" and len(refit["coef"]) == len(FEATURES)


def test_cross_fitted_features_come_from_a_model_that_never_saw_the_document(gazetteer):
    train, docs = _lgl_training(6)
    ids = [0, 1, 2, 3, 4, 5]
    hand = train.build_queries(docs, Resolver(gazetteer, ranker=None))
    crossed = train.cross_fit("logistic", docs, ids, hand, 2, gazetteer)
    assert {q.doc for q in crossed} == {q.doc for q in hand}
    # Part 0 (documents 0, 2, 4) is recorded by a model fitted on documents 1, 3, 5 only.
    inner = train.fit("logistic", [q for q in hand if q.doc in {1, 3, 5}])
    expected = train.build_queries(docs, Resolver(gazetteer, ranker=Ranker(inner)), [0, 2, 4])
    assert [(q.doc, q.x, q.y) for q in crossed if q.doc in {0, 2, 4}] == \
        [(q.doc, q.x, q.y) for q in expected]
    model = train.train("logistic", docs, ids, hand, 0, gazetteer, crossfit=2)
    assert model["coef"] == train.fit("logistic", crossed)["coef"]


@pytest.mark.parametrize("name", ["000_e4a7c6f4d49187f3.txt", "train_state_visit.txt",
                                  "flight_itinerary.txt", "ship_voyage.txt"])
def test_names_ranked_at_once_get_the_picks_and_features_they_get_one_by_one(gazetteer, name):
    """The resolver's first round ranks all its names in one call (mapper.group_ranking,
    numpy work shared across the names): each name gets the pick and the shortlist features
    it gets ranked alone."""
    from dataclasses import replace

    from mapper.nlp import parse
    from mapper.pipeline import make_extractor
    from mapper.read import article_from_text

    text = (ROOT / "data" / "articles" / name).read_text(encoding="utf-8")
    article = article_from_text(text, source=name, stem=name)
    mentions = make_extractor("spacy", gazetteer).extract(article, parse(article.text))
    resolver = Resolver(gazetteer)
    calls = []
    rank = resolver._rank

    def recorded(groups, art, trace):
        if len(groups) > 1:  # the first round's call, before the groups' caches fill
            calls.append([(k, replace(g, _cache={})) for k, g in groups])
        return rank(groups, art, trace)

    resolver._rank = recorded
    resolver.resolve(article, mentions)
    assert len(calls) == 1 and len(calls[0]) >= 3  # several ambiguous names ranked at once
    groups = calls[0]
    together: list[Ranked] = []
    picks = rank([(k, replace(g, _cache={})) for k, g in groups], article, together)
    alone: list[Ranked] = []
    for (k, g), pick in zip(groups, picks):
        assert rank([(k, replace(g, _cache={}))], article, alone) == [pick], k
    assert [(r.key, r.candidates, r.features) for r in together] == \
        [(r.key, r.candidates, r.features) for r in alone]
