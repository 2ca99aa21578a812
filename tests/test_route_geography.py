"""Where a stop is: the most specific place of a trip, and the place chosen with the route."""

from __future__ import annotations

from mapper.model import Article


def _stops(gazetteer, text: str) -> list[tuple[str, str | None]]:
    from mapper.pipeline import analyze

    result = analyze(Article(text=text, source="t", stem="t"), gazetteer=gazetteer)
    return [(s.place.entry.feature, s.place.entry.country_code)
            for j in result.journeys for s in j.stops]


def test_formal_country_name_without_its_article(gazetteer):
    assert {c.country_code for c in gazetteer.candidates("Democratic Republic of Congo")} == {"CD"}


def test_continent_and_country_give_way_to_a_stop_inside_them(gazetteer):
    """"a tour of Asia ... will visit <city>": the city is the stop, not the continent; a
    country whose capital the trip reaches is no stop of its own."""
    stops = _stops(gazetteer, "The prime minister set off on Monday on a tour of Asia. She "
                              "will fly to Vientiane, the capital of Laos, and then to Manila.")
    assert ("continent", None) not in stops and ("country", "LA") not in stops
    assert ("city", "LA") in stops and ("city", "PH") in stops


def test_returning_home_stays(gazetteer):
    stops = _stops(gazetteer, "The Chilean president arrived in Lima on Tuesday after a stop "
                              "in Arica, and will fly on to Quito before returning home.")
    assert stops[-1] == ("country", "CL")


def test_namesake_near_the_route_wins(gazetteer):
    """A town read as another spelling of a great city across the world moves to the town of
    that very name beside the neighbouring stops."""
    stops = _stops(gazetteer, "The envoy flew from Darwin to Dili, the capital of East Timor, "
                              "on Monday and then flew on to Jakarta.")
    assert ("city", "TL") in stops and ("city", "IN") not in stops


def test_the_town_the_sentence_names_in_the_country(gazetteer):
    """"a state visit to <country>, where she will attend a conference in <city>": the city."""
    stops = _stops(gazetteer, "The chancellor left Munich on Monday. She will make a state visit "
                              "to Italy, where she will attend a conference in Bologna.")
    assert ("country", "IT") not in stops and ("city", "IT") in stops


def test_a_place_that_only_locates_another_is_no_stop(gazetteer):
    """"sailed from <X> port near <Y>": Y says where X is; the trip does not pass it."""
    stops = _stops(gazetteer, "The ferry had sailed earlier on Monday from Dover port near "
                              "Folkestone for a crossing to Calais.")
    assert stops == [("city", "GB"), ("city", "FR")]
