"""Airports as gazetteer places: names from airportsdata, matched only with an airport word."""

from __future__ import annotations

import pytest

from mapper.extractors.airports import airport_spans
from mapper.gazetteer.airports import airport_names, has_airport_word
from mapper.model import Article


def test_airport_names_have_an_airport_word():
    names = airport_names("Negarbo (Negabo) Airport", "Colombo")
    assert "Negabo Airport" in names and "Colombo Negarbo Airport" in names
    assert all(has_airport_word(n) for n in names)
    assert "Gatwick Airport" in airport_names("London Gatwick Airport", "London")
    assert "Dyess Air Force Base" in airport_names("Dyess Afb Airport", "Abilene")
    assert "Beale AFB" in airport_names("Beale Afb Airport", "Marysville")
    # the city alone, or a generic word with the airport word, is never an airport's name
    assert not any(n in ("London", "County Airport", "Airport")
                   for n in airport_names("London County Airport", "London"))


@pytest.mark.parametrize("text, expected", [
    ("The jet landed at Milan's Malpensa airport late on Friday.", "Malpensa airport"),
    ("Crews flew them to Ramstein Air Base in Germany.", "Ramstein Air Base"),
    ("The squadron left RAF Lakenheath for the exercise.", "RAF Lakenheath"),
    ("It was diverted to LAX Airport after an engine fault.", "LAX Airport"),
    ("She boarded at Denver International Airport.", "Denver International Airport"),
])
def test_airport_spans(gazetteer, text, expected):
    assert [text[s:e] for s, e in airport_spans(text, gazetteer)] == [expected]


def test_town_airport_must_be_near_the_town(gazetteer):
    """"<big city> Airport" is that city's airport or nothing: never a namesake's far away;
    "<big city> airport" in lower case is the city, as the geoparsing corpora annotate it."""
    text = "Travellers waited for hours at Lyon Airport."
    for s, e in airport_spans(text, gazetteer):
        for c in gazetteer.candidates(text[s:e]):
            assert c.country_code == "FR"
    assert airport_spans("Travellers waited for hours at Amsterdam airport.", gazetteer) == []


def test_airport_is_the_stop_not_its_city(gazetteer):
    """"landed at <city>'s <name> airport": one stop, the airport, not the city as well."""
    from mapper.pipeline import analyze

    text = ("The minister left Dublin on Monday and landed at Chicago's O'Hare airport "
            "in the evening.")
    result = analyze(Article(text=text, source="t", stem="t"), gazetteer=gazetteer)
    stops = [s.place.entry for j in result.journeys for s in j.stops]
    assert [e.feature for e in stops] == ["city", "airport"]
    assert stops[1].key == "ap:KORD"


def test_iata_code_only_in_capitals(gazetteer):
    """"<IATA> Airport" is a code written as one: a word that happens to spell a code is not."""
    text = "The city opened its New Airport on Monday, far from LAX Airport."
    assert [text[s:e] for s, e in airport_spans(text, gazetteer)] == ["LAX Airport"]


def test_served_airport_keeps_a_shared_name(gazetteer):
    """A name a served airport (one with an IATA code) is known by is not also a private
    strip's: "Heathrow Airport" with no other context is London's, not a ranch strip in Texas
    whose data name is the same; the strip is still found by its town and name."""
    assert {c.key for c in gazetteer.candidates("Heathrow Airport")} == {"ap:EGLL"}
    assert [c.country_code for c in gazetteer.candidates("Robinson Heathrow Airport")] == ["US"]
    names = airport_names("Heathrow Airport", "Robinson")
    assert "Robinson Heathrow Airport" in names
