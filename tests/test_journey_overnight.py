"""A flight that leaves in the evening of a day the text names and lands at a morning clock
time lands the next day (timing.past_midnight); its departure keeps the day. Short authored
texts."""

from __future__ import annotations

from mapper.read import article_from_text


def _dates(gazetteer, body):
    from mapper.pipeline import analyze

    a = analyze(article_from_text("Jet\n\nPublished May 6, 2024\n\n" + body, source="test",
                                  stem="t"), gazetteer=gazetteer)
    return {s.place.name: s.date for j in a.journeys for s in j.stops}


def test_an_evening_departure_lands_the_next_morning(gazetteer):
    dates = _dates(gazetteer, "Flights of May 3 included a chartered jet departing Lisbon "
                              "Airport at 10:40 p.m. and arriving at Dubai International "
                              "Airport at 7:15 a.m. local time.")
    assert dates["Lisbon Airport"] == "2024-05-03"
    assert dates["Dubai International Airport"] == "2024-05-04"


def test_a_morning_flight_lands_the_same_day(gazetteer):
    dates = _dates(gazetteer, "On May 3 a chartered jet departed Lisbon Airport at 6:30 a.m., "
                              "arriving at Madrid-Barajas Airport at 8:40 a.m.")
    assert dates["Madrid-Barajas Airport"] == "2024-05-03"
