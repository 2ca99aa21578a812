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


def _journey(gazetteer, head, body):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(head + body, source="test", stem="t"), gazetteer=gazetteer)
    journey = next(j for j in a.journeys if "Okonkwo" in j.mover)
    return [(s.place.name, s.status, s.mode) for s in journey.stops]


def test_a_trip_set_out_for_a_city_ends_there_after_its_airport(gazetteer):
    stops = _journey(gazetteer, "Okonkwo begins final journey to Lisbon\n\nPublished March 3, "
                     "2025\n\n", "Former President Adaeze Okonkwo began her final journey to "
                     "Lisbon on Monday. Her body arrived at Faro Airport, where it was placed "
                     "aboard a military jet for the trip to Lisbon Airport.")
    assert [s[0] for s in stops] == ["Faro Airport", "Lisbon Airport", "Lisbon"]
    assert stops[-1][1:] == ("planned", "road")  # from the airport into the city


def test_a_landing_told_as_done_is_the_arrival_set_out_for(gazetteer):
    stops = _journey(gazetteer, "Okonkwo leaves for Lisbon\n\nPublished March 3, 2025\n\n",
                     "Prime Minister Adaeze Okonkwo left for Lisbon on Monday. She landed at "
                     "Lisbon Airport at 4 pm.")
    assert stops == [("Lisbon Airport", "confirmed", "air")]


def test_a_field_a_city_names_as_its_own_stands_in_that_city(gazetteer):
    from mapper.pipeline import analyze

    text = ("Okonkwo flown home\n\nPublished March 3, 2025\n\nThe body of Senator Adaeze "
            "Okonkwo arrived at Dallas's Love Field on Monday.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journey = next(j for j in a.journeys if "Okonkwo" in j.mover)
    assert [(s.place.name, s.status) for s in journey.stops] == [("Dallas", "confirmed")]
