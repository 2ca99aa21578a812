"""The headline's present is the day's news, and so is a step it tells just before ("Migrants
celebrate after crossing X"): dated on the day of publication. Short authored texts."""

from __future__ import annotations

from mapper.read import article_from_text


def test_a_crossing_a_headlines_present_follows_is_the_days_news(gazetteer):
    from mapper.pipeline import analyze

    text = ("Migrants celebrate after crossing the Strait of Gibraltar in a dinghy\n\n"
            "Published August 12, 2024\n\nA group of migrants has landed on a beach in "
            "southern Spain after crossing the Strait of Gibraltar.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    strait = next(s for j in a.journeys for s in j.stops
                  if s.place.name == "Strait of Gibraltar")
    assert (strait.status, strait.date) == ("confirmed", "2024-08-12")
