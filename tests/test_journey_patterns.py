"""General motion patterns, one short authored text each (no article's phrases in the code)."""

from __future__ import annotations

import pytest

from mapper.read import article_from_text

CASES = [
    ("KYIV - Ukrainian President Volodymyr Zelensky flew from Kyiv to Warsaw on Tuesday and then "
     "traveled by train to Berlin, where he met Chancellor Olaf Scholz. He returned to Kyiv on "
     "Thursday.",
     "Zelensky", [("Kyiv", "air"), ("Warsaw", "air"), ("Berlin", "rail"), ("Kyiv", "rail")]),
    ("WASHINGTON - President Biden left Washington on Sunday night, flew to Poland and then took "
     "a 10-hour train ride from the Polish border to Kyiv, where he arrived on Monday morning.",
     "Biden", [("Washington", "air"), ("Poland", "air"), ("Kyiv", "rail")]),
    ("TOKYO - The cruise ship Diamond Princess docked in Yokohama on Feb. 3 after a two-week "
     "voyage that took it to Hong Kong, Vietnam and Taiwan.",
     "Diamond Princess", [("Hong Kong", "sea"), ("Vietnam", "sea"), ("Taiwan", "sea")]),
    ("LIMA, Peru (AP) - Chilean President Gabriel Boric arrived in Lima on Tuesday after a stop "
     "in Arica, and will fly on to Quito on Thursday before returning home.",
     "Boric", [("Arica", None), ("Lima", None), ("Quito", "air"), ("Chile", None)]),
    ("PARIS - German Chancellor Olaf Scholz wrapped up a two-day visit to Paris on Wednesday and "
     "flew home to Berlin.",
     "Scholz", [("Paris", None), ("Berlin", "air")]),
    ("CAIRO - Hundreds of pilgrims traveled by bus from Cairo to Alexandria on Sunday, and then "
     "sailed to Jeddah.",
     "pilgrims", [("Cairo", "road"), ("Alexandria", "road"), ("Jeddah", "sea")]),
    ("VATICAN CITY - Pope Francis will travel to Iraq next month, visiting Baghdad, Najaf and "
     "Mosul, the Vatican said on Saturday.",
     "Francis", [("Baghdad", None), ("Najaf", None), ("Mosul", None)]),
]


@pytest.mark.parametrize("text,mover,stops", CASES, ids=[c[1] for c in CASES])
def test_pattern(gazetteer, text, mover, stops):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journeys = [j for j in a.journeys if mover in j.mover]
    assert journeys, [j.mover for j in a.journeys]
    got = [(s.place.name, s.mode) for s in journeys[0].stops]
    names = [n for n, _ in got]
    want = [n for n, _ in stops]
    # the expected stops appear in this order
    it = iter(names)
    assert all(n in it for n in want), got
    for name, mode in stops:
        if mode:
            assert (name, mode) in got, got


def test_future_and_reported_statuses(gazetteer):
    from mapper.pipeline import analyze

    text = next(c[0] for c in CASES if c[1] == "Francis")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    (journey,) = a.journeys
    assert {s.status for s in journey.stops} == {"reported"}  # "will travel ..., the Vatican said"


def test_returning_home_is_an_implied_planned_stop(gazetteer):
    from mapper.pipeline import analyze

    text = next(c[0] for c in CASES if c[1] == "Boric")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    last = a.journeys[0].stops[-1]
    assert last.place.entry.country_code == "CL" and last.implied and last.status == "planned"


@pytest.mark.parametrize("text", [
    "Noma said her daughter never went with her to Cape Town.",
    "Airplanes are flying into Darfur and Malakal again, aid workers said.",
    "Many volunteer pilots flew for China and Britain before the war.",
    "The Syrians seem willing to go to any lengths to stay on Washington's good side.",
])
def test_not_journeys(gazetteer, text):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    assert not a.journeys, [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys]
