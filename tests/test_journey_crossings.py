"""A strait crossed is a journey of its own; a habit's purpose is no trip (authored
sentences)."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, text):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return {j.mover: [(s.place.name, s.status, s.mode) for s in j.stops] for j in a.journeys}


def test_a_strait_crossed_alone_is_a_journey(gazetteer):
    """"crossed the English Channel in a dinghy": one stop, but a crossing from shore to
    shore; a desert crossed alone stays no journey."""
    assert list(_journeys(gazetteer, "Forty migrants crossed the English Channel in a dinghy "
                                     "on Monday.").values()) == [
        [("English Channel", "confirmed", "sea")]]
    assert _journeys(gazetteer, "Forty migrants crossed the Sahara on Monday.") == {}


def test_the_purpose_of_a_long_habit_is_no_trip(gazetteer):
    """"have long used X as a launching point to reach Y": what they do, not this trip."""
    text = ("Forty migrants crossed the English Channel in a dinghy on Monday. Migrants have "
            "long used northern France as a launching point to reach Britain.")
    assert [s for stops in _journeys(gazetteer, text).values() for s, _, _ in stops] == [
        "English Channel"]
    text = ("Forty migrants crossed the English Channel in a dinghy on Monday. They used the "
            "tide to reach Britain.")
    assert "Britain" in [s for stops in _journeys(gazetteer, text).values()
                                for s, _, _ in stops]


def test_a_long_held_plan_stays_a_plan(gazetteer):
    """"had long planned to visit X": a plan, not a habit."""
    text = "President Lula had long planned to visit India. He arrived in Tokyo on Monday."
    assert ("India", "planned", "unknown") in [s for stops in _journeys(gazetteer, text).values()
                                               for s in stops]
