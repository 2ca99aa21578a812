"""A vehicle the text names by its model ("Flight 9 was an Airbus A330, a modern jet designed
to ...; the Airbus was over X") is the vehicle told before as "the plane" (one short authored
text; no article's phrases in the code)."""

from __future__ import annotations

from mapper.read import article_from_text


def test_the_model_named_in_a_copula_is_the_plane_told_before(gazetteer):
    from mapper.pipeline import analyze

    text = ("Published June 2, 2009\n\nFlight 9 was an Airbus 330-200, a big, modern jetliner "
            "designed, as its name implies, to ride through anything. But somewhere over the "
            "sea, in the dead of night, it fell out of the sky.\n\nThe plane had taken off "
            "Sunday night from "
            "Lisbon, bound for Oslo.\n\nAt the time, the Airbus was about 100 miles north of "
            "the Spanish city of Bilbao, heading toward Oslo.")
    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journeys = [[s.place.name for s in j.stops] for j in analysis.journeys]
    assert any(names[0] == "Lisbon" and any("Bilbao" in n for n in names[1:])
               for names in journeys), journeys


def test_the_first_of_two_planes_is_a_plane_that_arrived(gazetteer):
    # "The first of two planes ... arrived at X": an ordinal's "of" object is the mover
    from mapper.pipeline import analyze

    text = ("Published February 17, 2020\n\nThe first of two planes carrying hundreds of "
            "Canadians taken off a cruise ship in Japan arrived at Vancouver International "
            "Airport late Sunday night.")
    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journeys = [[s.place.name for s in j.stops] for j in analysis.journeys]
    assert any(any("Vancouver" in n for n in names) for names in journeys), journeys
