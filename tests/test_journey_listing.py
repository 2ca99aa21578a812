"""Places one verb lists together go in the order of the shorter path between the stops
around them (authored sentences, no article's phrases)."""

from __future__ import annotations

from mapper.read import article_from_text


def _stops(gazetteer, text, mover):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return [s.place.name for s in next(j for j in a.journeys if mover in j.mover).stops]


def test_listed_places_follow_the_shorter_path(gazetteer):
    """"caused flooding in Okinawa and Taiwan" between Manila and Nagasaki: Taiwan first."""
    text = ("Typhoon Lumen battered Manila on Monday. Lumen, which then caused flooding in "
            "Okinawa and Taiwan, is now heading toward Nagasaki.")
    assert _stops(gazetteer, text, "Lumen") == ["Manila", "Taiwan", "Okinawa", "Nagasaki"]


def test_listed_places_in_path_order_or_at_the_end_stay(gazetteer):
    """Told in the order of the path already, or last with nothing after them: as told."""
    text = ("Typhoon Lumen battered Manila on Monday. Lumen, which then caused flooding in "
            "Taiwan and Okinawa, is now heading toward Nagasaki.")
    assert _stops(gazetteer, text, "Lumen") == ["Manila", "Taiwan", "Okinawa", "Nagasaki"]
    text = ("Typhoon Lumen battered Manila on Monday. It then caused flooding in Okinawa and "
            "Taiwan.")
    assert _stops(gazetteer, text, "Lumen") == ["Manila", "Okinawa", "Taiwan"]


def test_a_plans_list_keeps_its_order(gazetteer):
    """"will then visit Okinawa and Taiwan": a programme, in the order told."""
    text = ("Prime Minister Anders Vik flew to Manila on Monday. He will then visit Okinawa and "
            "Taiwan before flying to Nagasaki.")
    assert _stops(gazetteer, text, "Vik") == ["Manila", "Okinawa", "Taiwan", "Nagasaki"]
