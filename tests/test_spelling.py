"""The spelling fallback for a place name the gazetteer does not know: only one edit from
exactly one big place (authored names and sentences)."""

from __future__ import annotations

from mapper.gazetteer.spelling import respelled, respelled_candidates
from mapper.read import article_from_text


def test_a_misspelt_big_place_is_respelled(gazetteer):
    assert respelled(gazetteer, "Yokahama") == "Yokohama"
    assert respelled(gazetteer, "Massachusets") == "Massachusetts"
    assert respelled(gazetteer, "Mauritious") == "Mauritius"
    (city,) = respelled_candidates(gazetteer, "Yokahama")
    assert city.country_code == "JP" and city.population >= 1_000_000


def test_known_short_far_or_small_names_are_left_alone(gazetteer):
    assert respelled(gazetteer, "Yokohama") is None  # known: nothing to fix
    assert respelled(gazetteer, "Tokio") is None  # under seven letters
    assert respelled(gazetteer, "Shanghia") is None  # two edits away
    assert respelled(gazetteer, "Johnson") is None  # no big place that close
    assert respelled(gazetteer, "Greenlane") is None  # a consonant changed: another name
    assert respelled(gazetteer, "Carancas") is None  # a consonant added: another name
    assert respelled_candidates(gazetteer, "Johnson") == []


def test_a_misspelt_port_is_the_place_a_group_left(gazetteer):
    from mapper.pipeline import analyze

    text = ("Soldiers helped move about 200 tourists from the ferry at Yokahama port to "
            "Osaka on Tuesday.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    place = next(p for p in a.places if p.mentions[0].text == "Yokahama")
    assert place.entry.country_code == "JP" and place.entry.population >= 1_000_000
    stops = [s.place.entry.key for j in a.journeys for s in j.stops]
    assert place.entry.key in stops, [(j.mover, [s.place.name for s in j.stops])
                                       for j in a.journeys]


def test_a_name_written_without_its_possessive_is_placed(gazetteer):
    """"Bishop Stortford" is Bishop's Stortford (England): the one known name that restores
    the possessive, since no place is called "Bishop Stortford" itself."""
    from mapper.pipeline import analyze

    text = "Commuters arrived in Bishop Stortford on Monday from London."
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    entries = {p.mentions[0].text: p.entry for p in a.places}
    assert entries["Bishop Stortford"].country_code == "GB"
    assert entries["Bishop Stortford"].name == "Bishops Stortford"
