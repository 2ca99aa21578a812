"""A sea that names a trip's kind ("a Mediterranean cruise") is no stop (authored sentences)."""

from __future__ import annotations

import pytest

from mapper.read import article_from_text


@pytest.mark.parametrize(("text", "stops"), [
    ("The ship Nordic Star sailed from Genoa on Friday for a Mediterranean cruise, due to dock "
     "in Marseille.", ["Genoa", "Marseille"]),
    ("The ship Nordic Star sailed from Genoa on Friday for the Mediterranean, due to dock in "
     "Marseille.", ["Genoa", "Mediterranean", "Marseille"]),
])
def test_a_trips_sea_is_no_stop(gazetteer, text, stops):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journey = next(j for j in a.journeys if "Nordic Star" in j.mover)
    assert [s.place.name for s in journey.stops] == stops
