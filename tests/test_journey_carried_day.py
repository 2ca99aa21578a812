"""A sentence that names no day goes on with the day of the one before, for each of its
events (timing.fill_dates). Short authored texts."""

from __future__ import annotations

from mapper.read import article_from_text


def test_a_sentence_without_a_day_keeps_the_day_told_before_for_all_its_stops(gazetteer):
    from mapper.pipeline import analyze

    text = ("Okonkwo in Portugal\n\nPublished March 5, 2025\n\nPrime Minister Adaeze Okonkwo "
            "arrived in Lisbon on Monday. She was driven to Sintra, where she met the mayor, "
            "and later flew to Porto.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    stops = {s.place.name: s.date for j in a.journeys for s in j.stops}
    assert stops["Sintra"] == stops["Porto"] == "2025-03-03"
