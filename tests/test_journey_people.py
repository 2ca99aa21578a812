"""People and groups on the move: itineraries, route points, things carried for a person (one
short authored text each; no article's phrases in the code)."""

from __future__ import annotations

import pytest

from mapper.read import article_from_text


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _names(analysis, mover):
    journey = next(j for j in analysis.journeys if mover in j.mover)
    return [s.place.name for s in journey.stops]


def _in_order(names, want):
    it = iter(names)
    return all(n in it for n in want)


@pytest.mark.parametrize("text,mover,stops", [
    # "holding rallies in X and Y", "will have talks in Z": an itinerary's stops
    ("Published May 6, 2022\n\nThe senator will visit a steel plant in Denver on Saturday "
     "before holding rallies in Pueblo and Boulder. She will then have meetings in Durango on "
     "Sunday.",
     "senator", ["Denver", "Pueblo", "Boulder", "Durango"]),
    # "X, the starting point of the tour": where the trip began
    ("The governor spoke on Monday at a rally in Toledo, the starting point of his tour, and "
     "flew to Dayton on Tuesday.",
     "governor", ["Toledo", "Dayton"]),
])
def test_itineraries(gazetteer, text, mover, stops):
    names = _names(_analyze(gazetteer, text), mover)
    assert _in_order(names, stops), names


def test_a_meeting_alone_is_no_journey(gazetteer):
    a = _analyze(gazetteer, "The two ministers will have talks in Geneva next week.")
    assert not a.journeys, [j.mover for j in a.journeys]


def test_a_persons_coffin_is_that_persons_journey(gazetteer):
    # "X's coffin", "the coffin", "the body of the president", "as it travels": one mover
    text = ("The late president's coffin was flown from Denver to Chicago on Monday. The coffin "
            "will lie in state there. His widow will accompany the coffin as it travels by train "
            "to Detroit.")
    a = _analyze(gazetteer, text)
    assert len(a.journeys) == 1, [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys]
    assert _in_order([s.place.name for s in a.journeys[0].stops],
                     ["Denver", "Chicago", "Detroit"])


@pytest.mark.parametrize("text,mover,stops", [
    # a stop told on a participle that describes the place reached
    ("The king landed in the capital of Peru late on Monday, delayed by a prior stop in Bogota.",
     "king", ["Bogota", "Peru"]),
    # "his arrival by train to X": the "by" hung on the verb
    ("Local television showed footage of Mr. Rossi's arrival by train to Verona on Friday. "
     "Rossi later flew from Verona to Madrid.",
     "Rossi", ["Verona", "Madrid"]),
    # sighted on the way; "en route" after the report verb is the movers', not the reporter's
    ("Rebel fighters were moving through Bavaria, the governor said, en route to Berlin. Later "
     "the rebel fighters were seen near Leipzig.",
     "fighters", ["Bavaria", "Leipzig", "Berlin"]),
])
def test_groups_and_sightings(gazetteer, text, mover, stops):
    names = _names(_analyze(gazetteer, text), mover)
    assert _in_order(names, stops), names


def test_a_sighting_alone_is_no_journey(gazetteer):
    a = _analyze(gazetteer, "Three deer were spotted near Oxford on Sunday.")
    assert not a.journeys, [j.mover for j in a.journeys]


def test_a_plane_carrying_a_person_is_that_persons_journey(gazetteer):
    text = ("The jet carrying the banker Ana Rocha landed in Dubai on Monday. It will then leave "
            "for Manila.")
    a = _analyze(gazetteer, text)
    assert len(a.journeys) == 1, [j.mover for j in a.journeys]
    assert "Rocha" in a.journeys[0].mover
    assert _in_order([s.place.name for s in a.journeys[0].stops], ["Dubai", "Manila"])


def test_an_escape_told_after_the_name_changing_planes_and_appearing(gazetteer):
    # the person named once, not as a subject; "changed planes in X", "then appeared in Y"
    text = ("Police questioned two pilots over the escape of the tycoon Marco Bellini. "
            "He fled Italy on May 3 and then appeared in Tunis two days later, after changing "
            "planes in Malta.")
    names = _names(_analyze(gazetteer, text), "Bellini")
    assert _in_order(names, ["Italy", "Malta", "Tunis"]), names


def test_appearing_alone_is_no_journey(gazetteer):
    a = _analyze(gazetteer, "The singer Lena Vogt appeared in Vienna on Friday.")
    assert not a.journeys, [j.mover for j in a.journeys]


@pytest.mark.parametrize("text,mover,stops", [
    # travel on foot; marchers, climbers; "the group"; one escaped inmate
    ("The migrants trekked from Colombia through Panama to Costa Rica.",
     "migrants", ["Colombia", "Panama", "Costa Rica"]),
    ("The marchers walked from Selma to Montgomery.", "marchers", ["Selma", "Montgomery"]),
    ("The two climbers hiked from Zermatt to Chamonix over five days.",
     "climbers", ["Zermatt", "Chamonix"]),
    ("The group left Calais on Sunday and arrived in Dover on Monday.",
     "group", ["Calais", "Dover"]),
    ("The escaped inmate stole a car and drove to Reno, where he was arrested.",
     "inmate", ["Reno"]),
])
def test_people_on_foot_and_groups(gazetteer, text, mover, stops):
    names = _names(_analyze(gazetteer, text), mover)
    assert _in_order(names, stops), names


def test_lying_in_state_is_a_stay(gazetteer):
    text = ("The president's casket arrived in Dallas on Monday and lay in repose at the Capitol "
            "in Austin on Tuesday.")
    names = _names(_analyze(gazetteer, text), "casket")
    assert _in_order(names, ["Dallas", "Austin"]), names
