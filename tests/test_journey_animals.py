""""A tern - a seabird -" makes the tern an animal mover for the article; "since their
departure from X" gives the tracked animals' origin; "the tern - known as tag N - had
landed in Y's south-west" is the tern's arrival though the parser broke its subject, and a
compass part of a place ("Y's south-west") is a place of Y (authored sentences; no
article's phrases in the code)."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, body: str) -> list[list[str]]:
    from mapper.pipeline import analyze

    text = "Published May 20, 2021\n\n" + body
    analysis = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return [[s.place.name for s in j.stops] for j in analysis.journeys]


BODY = (
    "It is a new record set by a young arctic tern - a seabird that chases the summer by "
    "flying from pole to pole every year - which reached a beach this week.\n\n"
    "Researchers in Norway have been following a flock of terns since their departure from "
    "Iceland on May 2.\n\n"
    "In a post on Monday, the team said the two-year old tern - known as tag 4471 - had "
    "landed in Portugal's south-west, a record for the species.")


def test_a_tracked_animal_left_where_its_flock_departed_and_landed_later(gazetteer):
    journeys = _journeys(gazetteer, BODY)
    assert any(names[0] == "Iceland" and any("Portugal" in n for n in names[1:])
               for names in journeys), journeys


def test_a_departure_of_people_is_not_an_animal_trip(gazetteer):
    journeys = _journeys(gazetteer, (
        "Researchers in Norway have been following the sailors since their departure from "
        "Iceland on May 2."))
    assert not any("Iceland" in names for names in journeys), journeys


def test_an_apposition_teaches_an_animal_kind():
    from mapper.journeys.animals import learned_kinds
    from mapper.nlp import load_model

    doc = load_model()(BODY)
    assert "tern" in learned_kinds(doc)
    assert "record" not in learned_kinds(doc)
