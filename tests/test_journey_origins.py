"""Where a journey starts: origins the text gives in a participle, a noun or a past event
(authored sentences, no article's phrases)."""

from __future__ import annotations

from mapper.read import article_from_text


def _journeys(gazetteer, text):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    return {j.mover: [(s.place.name, s.place.entry.feature) for s in j.stops]
            for j in a.journeys}, a


def test_a_participle_pair_hung_on_the_main_verb_is_the_craft_trip(gazetteer):
    # the parser hangs "arriving" on "tracked": the arrival is still the jet's
    text = ("Flight records tracked a Bombardier Global Express departing Dubai International "
            "Airport at 9 p.m. and arriving at Vienna International Airport at 2 a.m. local time.")
    got, a = _journeys(gazetteer, text)
    jet = next(j for j in a.journeys if "Bombardier" in j.mover)
    names = [s.place.name for s in jet.stops]
    assert len(names) == 2 and "Dubai" in names[0] and "Vienna" in names[1], got
    (leg,) = jet.legs
    assert leg.mode == "air"  # from airport to airport: a plane


def test_the_event_a_traveller_comes_from_is_the_origin(gazetteer):
    # "after a summit in X": the traveller was at X before; no home country before it
    got, _ = _journeys(gazetteer, "US President Joe Biden arrived in Tokyo on Sunday after a "
                                  "summit of Asian leaders in Seoul.")
    (stops,) = got.values()
    assert [n for n, _ in stops] == ["Seoul", "Tokyo"], got
    got, _ = _journeys(gazetteer, "The President flew into Berlin on Monday after talks in Paris.")
    assert [n for n, _ in next(iter(got.values()))] == ["Paris", "Berlin"], got


def test_an_event_where_the_trip_ends_is_no_origin(gazetteer):
    got, _ = _journeys(gazetteer, "The senator arrived in Boston after a rally in Boston.")
    assert [n for n, _ in next(iter(got.values()))] == ["Boston"], got


def test_a_coast_is_a_coastal_point_not_the_middle_of_the_country(gazetteer):
    from shapely.geometry import Point

    from mapper.geodesy import distance_km

    text = ("Fishermen found 30 migrants drifting in a wooden boat off the coast of Tunisia on "
            "Monday. The migrants were later brought to Malta.")
    got, a = _journeys(gazetteer, text)
    (journey,) = a.journeys
    first, last = journey.stops[0].place, journey.stops[-1].place
    assert last.name == "Malta" and "Tunisia" in first.name, got
    country = gazetteer.country("TN")
    assert distance_km((first.lat, first.lon), (country.lat, country.lon)) > 100
    edge = gazetteer.country_shape("TN").boundary.distance(Point(first.lon, first.lat))
    assert edge < 0.2  # on the outline (degrees)


def test_a_group_on_board_travels_with_the_vessel(gazetteer):
    got, _ = _journeys(gazetteer, "A coast guard cutter with 25 refugees on board docked in "
                                  "Valletta on Friday.")
    (mover,) = got
    assert "refugees" in mover and got[mover][0][0] == "Valletta", got


def test_a_lone_meeting_gets_no_home_origin_to_make_it_a_trip(gazetteer):
    # "met in X" alone is no journey; a home country guessed before it does not make one
    got, _ = _journeys(gazetteer, "The visit came a year after the Chinese leader held a summit "
                                  "with Biden in San Francisco.")
    assert got == {}, got
    got, _ = _journeys(gazetteer, "US President Joe Biden met Xi Jinping in Bali on Monday and "
                                  "flew to Tokyo on Tuesday.")
    (stops,) = got.values()
    assert [n for n, _ in stops][-2:] == ["Bali", "Tokyo"], got


def test_a_coast_is_told_before_or_after_the_name_but_a_coast_guard_is_not():
    from mapper.journeys.coasts import coast_told

    for text, told in [("drifting off the coast of Oman", True), ("off Oman's coast", True),
                       ("along Oman's coastline", True), ("Oman's coast guard said", False),
                       ("the capital of Oman", False)]:
        start = text.index("Oman")
        assert coast_told(text, start, start + 4) == told, text
