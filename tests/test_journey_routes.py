"""The way a trip ran, told with a route particle and an object ("sailed her yacht up the
harbour", "marched down the avenue to X"), from short authored sentences."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, text):
    from mapper.pipeline import analyze

    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return {j.mover: [(s.place.name, s.status) for s in j.stops] for j in analysis.journeys}


def test_sailing_a_boat_up_a_harbour_reaches_it(gazetteer):
    text = ("Published May 3, 2011\n\nThe sailor Anna Berg has sailed her small yacht Blue Wren "
            "up Hobart, ending a long voyage.")
    journeys = _journeys(gazetteer, text)
    assert any(("Hobart", "confirmed") in stops for stops in journeys.values()), journeys


def test_a_street_walked_down_is_not_a_trip_without_a_particle(gazetteer):
    text = ("Published May 3, 2011\n\nThe sailor Anna Berg has sailed her small yacht Blue Wren "
            "near Hobart every summer.")
    assert not any(("Hobart", "confirmed") in stops
                   for stops in _journeys(gazetteer, text).values())


def test_heading_along_a_path_toward_islands_is_a_planned_stop(gazetteer):
    text = ("Published June 2, 2009\n\nThe plane had taken off Sunday night from Lisbon.\n\n"
            "At the time, the jet was about 100 miles north of the Spanish city of Bilbao, "
            "heading along its planned flight path toward the Faroe Islands, the airline said.")
    journeys = _journeys(gazetteer, text)
    assert any(("Faroe Islands", "planned") in stops for stops in journeys.values()), journeys


def test_heading_toward_a_country_is_only_a_direction(gazetteer):
    text = ("Published June 2, 2009\n\nThe plane had taken off Sunday night from Lisbon.\n\n"
            "At the time, the jet was about 100 miles north of the Spanish city of Bilbao, "
            "heading along its planned flight path toward Norway, the airline said.")
    assert not any(name == "Norway" for stops in _journeys(gazetteer, text).values()
                   for name, _ in stops)


def test_a_town_told_later_stands_in_its_country_s_place_in_a_planned_tour(gazetteer):
    text = ("Published March 1, 2019\n\nPresident Ana Silva left Lisbon on Friday and is due to "
            "visit Japan, Vietnam and the Philippines during her trip.\n\nShe will make a state "
            "visit to Vietnam, where she will attend a summit in Danang.")
    stops = [name for name, _ in _journeys(gazetteer, text)["Ana Silva"]]
    assert stops.index("Danang") < stops.index("Philippines"), stops
