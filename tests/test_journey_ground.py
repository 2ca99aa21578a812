"""Ground legs at an airport (journeys/ground.py): the way to an airport from a place near it
is driven, not flown; a far one keeps the flight's mode. Short authored texts."""

from __future__ import annotations

from mapper.read import article_from_text

HEAD = "Silva flies to Brazil\n\nPublished March 5, 2025\n\n"


def _stops(gazetteer, body):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(HEAD + body, source="test", stem="t"), gazetteer=gazetteer)
    journey = next(j for j in a.journeys if "Silva" in j.mover)
    return [(s.place.name, s.mode) for s in journey.stops]


def test_the_way_to_a_nearby_airport_then_left_by_air_is_by_road(gazetteer):
    stops = _stops(gazetteer, "President Ana Silva arrived in Braga by train on Monday. On "
                              "Tuesday she flew from Porto Airport to Brasilia.")
    assert stops == [("Braga", "rail"), ("Porto Airport", "road"), ("Brasilia", "air")]


def test_an_airport_far_from_the_stop_before_keeps_the_flight(gazetteer):
    stops = _stops(gazetteer, "President Ana Silva visited Braga on Monday. On Tuesday she "
                              "flew from Madrid-Barajas Airport to Brasilia.")
    assert stops[1:] == [("Madrid-Barajas Airport", "air"), ("Brasilia", "air")]
