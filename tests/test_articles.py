"""Journeys of the three authored articles (train, ship, flight) against the expectations a
reader wrote down in tests/expected_journeys.json (see data/articles/README.md)."""

from __future__ import annotations

import json

import pytest

from mapper.geodesy import distance_km
from tests.conftest import ARTICLES, ROOT

EXPECTED = json.loads((ROOT / "tests" / "expected_journeys.json").read_text(encoding="utf-8"))
CASES = [(name, j) for name, spec in EXPECTED["articles"].items() for j in spec["journeys"]]


def _match(journey, expected_stops):
    """Indexes of the produced stops matching each expected stop (within 50 km), in order."""
    used: list[int] = []
    pairs = []
    for es in expected_stops:
        hits = [i for i, s in enumerate(journey.stops) if i not in used and
                distance_km((s.place.lat, s.place.lon), (es["lat"], es["lon"])) <= 50]
        if hits:
            used.append(hits[0])
            pairs.append((es, journey.stops[hits[0]]))
    return used, pairs


@pytest.mark.parametrize("name,expected", CASES, ids=[f"{n}:{j['mover']}" for n, j in CASES])
def test_journey_found_in_time_order(analyze_file, name, expected):
    analysis = analyze_file(ARTICLES / name)
    movers = [j for j in analysis.journeys if expected["mover"].lower() in j.mover.lower()]
    assert movers, f"no journey for {expected['mover']}: {[j.mover for j in analysis.journeys]}"
    journey = movers[0]
    used, pairs = _match(journey, expected["stops"])
    share = len(used) / len(expected["stops"])
    assert share >= 0.7, f"{len(used)}/{len(expected['stops'])} stops found"
    assert used == sorted(used), "stops out of time order"
    statuses = sum(stop.status in es["status_accept"] for es, stop in pairs)
    assert statuses / len(pairs) >= 0.6
    assert {s.mode for s in journey.stops} & {expected["mode"]}


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_named_places_that_are_not_stops(analyze_file, name):
    analysis = analyze_file(ARTICLES / name)
    not_stops = set(EXPECTED["articles"][name].get("not_stops", []))
    for j in analysis.journeys:
        for s in j.stops:
            assert s.place.name not in not_stops and s.place.entry.name not in not_stops, (
                j.mover, s.place.name)


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_metadata(analyze_file, name):
    spec = EXPECTED["articles"][name]
    article = analyze_file(ARTICLES / name).article
    assert article.published.isoformat() == spec["published"]
    assert article.title == spec["title"]


# Real news articles (LGL and GeoWebNews, ../shared/corpora): who travels is the clause's
# subject, not the nearest name, and a few kinds of sentence are no trip at all.
@pytest.fixture(scope="module")
def corpus_doc(shared):
    from mapper.evaluate.corpora import load_corpus

    docs: dict = {}

    def get(corpus: str, doc_id: str):
        if corpus not in docs:
            docs[corpus] = {str(d.id): d for d in load_corpus(shared / "corpora" / corpus)
                            .documents}
        return docs[corpus][doc_id]

    return get


@pytest.mark.parametrize("corpus,doc_id,mover,not_mover", [
    ("GWN.xml", "260", "Dan Villa", "Steve Bullock"),  # "A and B's budget director, C, traveled"
    ("GWN.xml", "149", "Charlie Gard", "Pope Francis"),  # "C, whose parents ... take him to X"
    ("GWN.xml", "128", "Yulia Skripal", "Sergei Skripal"),  # "the 33-year-old Skripal, who ..."
    ("lgl.xml", "40832556", "Bob Vinyard", "Angie Bennett"),  # another "Bob" named before
])
def test_corpus_movers(corpus_doc, gazetteer, corpus, doc_id, mover, not_mover):
    from mapper.pipeline import analyze
    from mapper.read import article_from_text

    doc = corpus_doc(corpus, doc_id)
    movers = [j.mover for j in analyze(article_from_text(doc.text, source=corpus, stem=doc_id),
                                       gazetteer=gazetteer).journeys]
    assert any(mover in m for m in movers) and not any(not_mover in m for m in movers), movers


@pytest.mark.parametrize("corpus,doc_id", [
    ("GWN.xml", "296"),  # "landed a plum drive in a ... Honda Civic"
    ("GWN.xml", "308"),  # "citizens of which stay in Kazakhstan up to 61 days"
    ("lgl.xml", "40818148"),  # "didn't want to drive to his ... home"
    ("lgl.xml", "41493262"),  # "turning left onto Decatur"
    ("lgl.xml", "40648857"),  # "He called on Israel to stop ..."
])
def test_corpus_sentences_that_are_no_trip(corpus_doc, gazetteer, corpus, doc_id):
    from mapper.pipeline import analyze
    from mapper.read import article_from_text

    doc = corpus_doc(corpus, doc_id)
    a = analyze(article_from_text(doc.text, source=corpus, stem=doc_id), gazetteer=gazetteer)
    assert not a.journeys, [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys]
