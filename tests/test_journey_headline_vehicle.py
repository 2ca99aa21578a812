"""The vehicle the headline puts its traveller in ("Escaped inmate caught in stolen van") is
the mode of the legs the body gives none for (status_mode.tour_mode). Short authored texts."""

from __future__ import annotations

from mapper.read import article_from_text

BODY = ("\n\nPublished March 16, 2024\n\nAuthorities say 41-year-old Dale Brenner was being "
        "taken to Cincinnati on Wednesday night when he escaped and fled. He was caught in "
        "Columbus on Thursday.")


def _modes(gazetteer, headline):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(headline + BODY, source="test", stem="t"),
                gazetteer=gazetteer)
    return {s.place.name: s.mode for j in a.journeys for s in j.stops}


def test_the_headlines_vehicle_is_the_mode_of_the_untold_legs(gazetteer):
    assert _modes(gazetteer, "Escaped inmate caught in stolen van after chase") == {
        "Cincinnati": "road", "Columbus": "road"}


def test_a_headline_naming_no_vehicle_or_two_modes_gives_none(gazetteer):
    assert set(_modes(gazetteer, "Escaped inmate caught after chase").values()) == {"unknown"}
    assert set(_modes(gazetteer, "Escaped inmate caught in stolen van, flown back in "
                                 "helicopter").values()) == {"unknown"}
