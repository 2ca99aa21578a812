"""A fugitive's last stop: where the text says they were caught, told of the person named
before by what they are ("the Lyon man"), not of a new unnamed traveller (one short authored
text each; no article's phrases in the code)."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, text):
    from mapper.pipeline import analyze

    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return [(j.mover, [s.place.name for s in j.stops]) for j in analysis.journeys]


def test_a_fugitive_caught_in_a_town_ends_there(gazetteer):
    # "the Dayton, Ohio man was caught in X": the person named before, stopped in X
    text = ("Published March 16, 2017\n\nPolice say John Doherty escaped from a transport van "
            "in Toledo on Wednesday night.\n\nThe Dayton, Ohio man eventually was caught in "
            "Ann Arbor, Michigan, where officers stopped the car.")
    journeys = _journeys(gazetteer, text)
    names = next(n for m, n in journeys if "Doherty" in m)
    assert names[:2] == ["Toledo", "Ann Arbor"], journeys


def test_the_teen_after_another_one_is_not_the_one_named_first(gazetteer):
    # a second unnamed person comes between: "the injured teen" is that one, not A B
    text = ("Published March 16, 2017\n\nJohn Doherty left the party in Toledo on Sunday. "
            "The car's driver, another teen, was also hurt.\n\nThe injured teen drove to a "
            "hospital in Ann Arbor, and Doherty was later airlifted to Detroit.")
    journeys = _journeys(gazetteer, text)
    names = next(n for m, n in journeys if "Doherty" in m)
    assert "Ann Arbor" not in names and "Detroit" in names, journeys
