""""Took from X" said of an aircraft with "off" left out or mistyped ("took from from X") is
its take-off from X; "take" with an object or said of a person is no departure (authored
sentences; no article's phrases in the code)."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, body: str) -> list[list[str]]:
    from mapper.pipeline import analyze

    text = "Published May 4, 2015\n\n" + body
    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return [[s.place.name for s in j.stops] for j in analysis.journeys]


def test_a_plane_that_took_from_from_an_airport_left_it(gazetteer):
    journeys = _journeys(gazetteer, (
        "The cargo plane vanished over the sea on Monday. Officials said the jet flew for "
        "three hours after it took from from Lisbon Airport at 10:15 local time. It was due "
        "to land in Oslo at 16:00."))
    assert any(names[0].startswith("Lisbon") and "Oslo" in names for names in journeys), journeys


def test_the_money_a_man_took_from_a_bank_is_no_departure(gazetteer):
    journeys = _journeys(gazetteer, (
        "The clerk said the money he took from Lisbon was never found. He took a share "
        "from Porto as well."))
    assert not any(any(n.startswith(("Lisbon", "Porto")) for n in names)
                   for names in journeys), journeys


def test_the_particle_rule_reads_only_an_objectless_take():
    from mapper.journeys.take_off import particle_dropped
    from mapper.nlp import load_model

    nlp = load_model()
    took = [t for t in nlp("The plane took from from Lisbon at noon.") if t.lower_ == "took"]
    assert particle_dropped(took[0])
    took = [t for t in nlp("The plane took cargo from Lisbon at noon.") if t.lower_ == "took"]
    assert not particle_dropped(took[0])
