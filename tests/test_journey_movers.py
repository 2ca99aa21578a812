"""Movers and their links: one identity per mover across a text, a person's home country,
origins and stops told around the motion verb (one short authored text each; no article's
phrases in the code)."""

from __future__ import annotations

from mapper.read import article_from_text


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _journeys(analysis):
    return [(j.mover, [s.place.name for s in j.stops]) for j in analysis.journeys]


def _in_order(names, want):
    it = iter(names)
    return all(n in it for n in want)


def test_home_country_from_a_possessive_title(gazetteer):
    # "Croatia's president" names the country of the one president named before: his trip
    # abroad starts at home
    text = ("Published May 3, 2022\n\nOn Tuesday, President Zoran Milanovic traveled to Austria "
            "by train. The mayor greeted Croatia's president at the station. He flew from "
            "Vienna to Paris on Wednesday.")
    journeys = _journeys(_analyze(gazetteer, text))
    names = next(n for m, n in journeys if "Milanovic" in m)
    assert names[0] == "Croatia", journeys


def test_no_home_country_from_a_title_nobody_held_before(gazetteer):
    text = ("Published May 3, 2022\n\nA car was waiting at the station for Croatia's president. "
            "President Joe Biden flew from Vienna to Paris on Wednesday.")
    journeys = _journeys(_analyze(gazetteer, text))
    names = next(n for m, n in journeys if "Biden" in m)
    assert "Croatia" not in names, journeys


def test_it_after_a_numbered_flight_is_that_flight(gazetteer):
    # "Flight 455 ... when it was diverted to X": the flight, not a jet of the sentence before
    text = ("A passenger jet made an emergency landing on Friday, officials said. Delta Flight "
            "455 left Boston for Atlanta in the morning, but it was diverted to Baltimore.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(_in_order(n, ["Boston", "Baltimore"]) for _, n in journeys), journeys


def test_a_stay_in_a_city_then_a_departure_from_its_airport(gazetteer):
    # told apart, the city reached and its airport left from later are two stops
    text = ("Published May 4, 2022\n\nThe minister flew from London to Glasgow on Monday for "
            "talks with local leaders.\n\nOn Tuesday she flew from Glasgow Airport to "
            "Dublin.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(_in_order(n, ["London", "Glasgow", "Glasgow Airport", "Dublin"])
               for _, n in journeys), journeys


def test_due_to_dock_read_as_a_noun_is_still_the_plan(gazetteer):
    # "due to dock in X after calling at Y": X and the calls before it are the plan
    text = ("Published May 3, 2022\n\nThe ship sailed from Genoa on Friday, due to dock in "
            "Naples after calling at ports in Sardinia and Corsica.")
    journey = _analyze(gazetteer, text).journeys[0]
    stops = [(s.place.name, s.status) for s in journey.stops]
    assert stops[0] == ("Genoa", "confirmed"), stops
    assert ("Naples", "planned") in stops and ("Sardinia", "planned") in stops, stops


def test_a_group_named_with_and_without_its_nationality_is_one_group(gazetteer):
    text = ("Published June 24, 2023\n\nRebel forces crossed into Bulgaria on Friday. Serbian "
            "rebel fighters reached Sofia on Saturday.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert len(journeys) == 1 and "Sofia" in journeys[0][1] and len(journeys[0][1]) > 1, journeys


def test_a_vessel_adrift_now_is_past_its_start_and_before_its_goal(gazetteer):
    # "is believed to be adrift in X": where it is now; "left Y on <day> for Z": Z not reached
    text = ("Published December 11, 2022\n\nA boat carrying 90 migrants from Libya is believed "
            "to be adrift in the Ionian Sea, an NGO said. The boat left Tripoli on December 2 "
            "for Italy.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(n == ["Tripoli", "Ionian Sea", "Italy"] for _, n in journeys), journeys


def test_a_flight_home_read_as_home_still_flies(gazetteer):
    # "X's flight home from A was diverted to B", with "home" parsed as the head noun
    text = ("Published July 3, 2013\n\nThe team's flight home from Lisbon was diverted to "
            "Madrid on Tuesday.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(n == ["Lisbon", "Madrid"] for _, n in journeys), journeys


def test_a_departure_in_the_lede_sets_out_from_the_dateline(gazetteer):
    # a place alone on a line before the body is the dateline; "left for X" there starts at it
    text = ("Minister departs for Africa\n\nPublished July 23, 2018\n\nLisbon\n\nPrime Minister "
            "Antonio Costa on Monday left for Angola on a three-day visit. He will then fly to "
            "Mozambique.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(n[:2] == ["Lisbon", "Angola"] for _, n in journeys), journeys
    later = ("Minister departs for Africa\n\nPublished July 23, 2018\n\nLisbon\n\nThe cabinet "
             "met on Monday. Prime Minister Antonio Costa later left for Angola.")
    journeys = _journeys(_analyze(gazetteer, later))
    assert not any("Lisbon" in n for _, n in journeys), journeys


def test_a_city_at_the_edge_of_a_regions_box_belongs_to_its_own_region(gazetteer):
    # Great Falls (Montana) lies inside Idaho's bounding box, near its edge: not in Idaho
    from mapper.journeys.assembly import contains
    from mapper.model import Place

    def place(name, feature):
        entry = next(e for e in gazetteer.candidates(name) if e.name == name and
                     e.feature == feature and e.country_code == "US")
        return Place(entry.key, entry.name, entry, ())

    idaho, montana = place("Idaho", "admin1"), place("Montana", "admin1")
    falls, boise = place("Great Falls", "city"), place("Boise", "city")
    assert not contains(idaho, falls)
    assert contains(montana, falls) and contains(idaho, boise)


def test_a_route_told_ahead_over_countries_is_no_journey_of_its_own(gazetteer):
    text = ("Published January 31, 2023\n\nThe minister left Lisbon on Tuesday for Luanda "
            "aboard a chartered jet. The plane will fly over Spain, Morocco, Mauritania and "
            "Senegal.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any("Luanda" in n for _, n in journeys), journeys
    assert not any("Morocco" in n for _, n in journeys), journeys
    past = "The balloon passed over Spain, Morocco and Mauritania last week."
    assert any("Morocco" in n for _, n in _journeys(_analyze(gazetteer, past)))


def test_an_unnamed_traveller_of_the_lede_is_the_one_named_next(gazetteer):
    # "a prisoner who escaped from a van in X ... Police say A B was being taken to Y": A B
    text = ("Published March 16, 2017\n\nPolice say a handcuffed prisoner who escaped from a "
            "transport van in Toledo is back in custody.\n\nPolice say John Doherty was being "
            "taken to Detroit on Wednesday night when he escaped.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any("Doherty" in m and _in_order(n, ["Toledo", "Detroit"]) for m, n in journeys), \
        journeys


def test_a_place_left_from_with_its_goal_hung_on_it(gazetteer):
    # "moved the passengers from the ship at X to Y": they left X (where the ship was) for Y
    text = ("Published February 17, 2020\n\nSoldiers helped move 300 passengers from the ship "
            "at Kobe port to Osaka's Itami airport on Sunday.")
    journeys = _journeys(_analyze(gazetteer, text))
    names = next(n for m, n in journeys if "passengers" in m)
    assert names[0] == "Kobe" and "Itami" in names[1:], journeys


def test_a_citys_prison_left_then_the_countrys_airport(gazetteer):
    # "leaving X's prison and departing Britain from Y airport": X, then Y
    text = ("Published June 25, 2024\n\nThe plane carrying John Doherty has landed in Reykjavik."
            "\n\nFootage showed Doherty leaving Glasgow's Barlinnie prison on bail and departing "
            "Britain from Prestwick Airport.")
    journeys = _journeys(_analyze(gazetteer, text))
    assert any(_in_order(n, ["Glasgow", "Prestwick Airport", "Reykjavik"]) for _, n in journeys), \
        journeys



def test_a_road_is_no_traveller(gazetteer):
    """A mover named as a street ("Boley Drive" read as a person driving) is dropped."""
    from mapper.gazetteer.local import is_road_name
    from mapper.journeys.roads import drop_road_movers
    from mapper.journeys.values import Event, Mover
    from mapper.model import Place

    assert all(is_road_name(n) for n in ("Boley Drive", "Royal Street", "Oak Circle",
                                         "Route 66", "Elm St."))
    assert not any(is_road_name(n) for n in ("Patriot High", "Francis Drake", "Drive",
                                             "the street", "Air Force One", "Barack Obama"))
    entry = gazetteer.candidates("Athens")[0]
    place = Place("athens", "Athens", entry, ())

    def event(label):
        return Event(Mover(f"person:{label.lower()}", label), place, "dest", "confirmed",
                     None, "road", "drive", "", 0, (0, 6))

    kept = drop_road_movers([event("Boley Drive"), event("Mary Freeman")])
    assert [e.mover.label for e in kept] == ["Mary Freeman"]
