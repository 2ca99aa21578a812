"""A storm's track from a place parsed as its motion verb's object (authored sentences)."""

from __future__ import annotations

from mapper.read import article_from_text


def test_a_storm_goes_where_its_motion_verb_has_a_place_as_object(gazetteer):
    """"Lumen's eye will then move ... western Cuba": a storm carries nothing, so a place
    parsed as the object of its motion verb is where it goes (a forecast)."""
    from mapper.pipeline import analyze

    text = ("Hurricane Lumen battered Barbados on Monday. Lumen's eye will then move near or "
            "just south of Jamaica and western Cuba on Wednesday.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    stops = next(j for j in a.journeys if "Lumen" in j.mover).stops
    assert [s.place.name for s in stops] == ["Barbados", "western Cuba"]
    assert stops[-1].status == "speculated"


def test_a_place_passed_back_over(gazetteer):
    """"flew back over X": the "over" the parser hangs on "back" names a place passed."""
    from mapper.pipeline import analyze

    text = "Flight AB123 left Bangkok on Monday. It later flew back over Cambodia."
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    stops = next(j for j in a.journeys if "AB123" in j.mover).stops
    assert [s.place.name for s in stops] == ["Bangkok", "Cambodia"]
