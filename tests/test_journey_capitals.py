"""A person's trip to or from a country is drawn at its capital; other movers' country stops
stay at the country's own point. Short authored texts."""

from __future__ import annotations

from mapper.geodesy import distance_km
from mapper.read import article_from_text


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _journey(analysis, mover):
    return next(j for j in analysis.journeys if mover in j.mover)


def _km(place, entry):
    return distance_km((place.lat, place.lon), (entry.lat, entry.lon))


def test_a_leaders_visit_to_a_country_stops_at_its_capital(gazetteer):
    a = _analyze(gazetteer, "Prime Minister Adaeze Okonkwo left Nairobi on Monday for a "
                            "three-day state visit to Portugal.")
    stops = _journey(a, "Okonkwo").stops
    portugal = stops[-1].place
    assert portugal.entry.feature == "country" and portugal.entry.country_code == "PT"
    assert portugal.name == "Portugal" and "capital, Lisbon" in portugal.entry.source
    assert _km(portugal, gazetteer.capital("PT")) < 1
    assert _km(portugal, gazetteer.country("PT")) > 50  # not the country's own point
    assert portugal in a.places  # drawn and exported like every other place


def test_a_persons_home_country_left_is_its_capital(gazetteer):
    a = _analyze(gazetteer, "Kenyan President Adaeze Okonkwo arrived in Lisbon on Monday for "
                            "talks.")
    stops = _journey(a, "Okonkwo").stops
    assert stops[0].implied and stops[0].place.entry.country_code == "KE"
    assert _km(stops[0].place, gazetteer.capital("KE")) < 1


def test_migrants_reaching_a_country_stay_at_its_own_point(gazetteer):
    a = _analyze(gazetteer, "About 300 migrants reached Spain on Monday after crossing the "
                            "sea from Morocco in small boats.")
    spain = next(s.place for j in a.journeys for s in j.stops
                 if s.place.entry.country_code == "ES")
    assert spain.name == "Spain"
    assert _km(spain, gazetteer.country("ES")) < 1


def test_a_persons_trip_to_a_state_is_drawn_at_its_namesake_city(gazetteer):
    a = _analyze(gazetteer, "Trip\n\nPublished March 5, 2025\n\nPrime Minister Adaeze Okonkwo "
                            "flew from Ontario, Canada, to Quebec, Canada, on Monday.")
    ontario, quebec = [s.place for s in _journey(a, "Okonkwo").stops]
    assert quebec.entry.feature == "admin1" and quebec.name == "Quebec"
    assert "namesake city, Québec" in quebec.entry.source
    city = max((c for c in gazetteer.candidates("Québec") if c.feature == "city"),
               key=lambda c: c.population)
    assert _km(quebec, city) < 1
    assert ontario.name == "Ontario"  # no city of its name: the province's own point
    assert _km(ontario, next(c for c in gazetteer.candidates("Ontario")
                             if c.feature == "admin1")) < 1


def test_a_group_reaching_a_state_stays_at_its_own_point(gazetteer):
    a = _analyze(gazetteer, "Trip\n\nPublished March 5, 2025\n\nAbout 300 migrants reached the "
                            "Canadian province of Quebec on Monday.")
    quebec = next(s.place for j in a.journeys for s in j.stops)
    assert quebec.name == "Quebec"
    assert _km(quebec, next(c for c in gazetteer.candidates("Quebec")
                            if c.feature == "admin1")) < 1
