"""General motion patterns, one short authored text each (no article's phrases in the code)."""

from __future__ import annotations

import pytest

from mapper.read import article_from_text

CASES = [
    ("KYIV - Ukrainian President Volodymyr Zelensky flew from Kyiv to Warsaw on Tuesday and then "
     "traveled by train to Berlin, where he met Chancellor Olaf Scholz. He returned to Kyiv on "
     "Thursday.",
     "Zelensky", [("Kyiv", "air"), ("Warsaw", "air"), ("Berlin", "rail"), ("Kyiv", "rail")]),
    ("WASHINGTON - President Biden left Washington on Sunday night, flew to Poland and then took "
     "a 10-hour train ride from the Polish border to Kyiv, where he arrived on Monday morning.",
     "Biden", [("Washington", "air"), ("Poland", "air"), ("Kyiv", "rail")]),
    ("TOKYO - The cruise ship Diamond Princess docked in Yokohama on Feb. 3 after a two-week "
     "voyage that took it to Hong Kong, Vietnam and Taiwan.",
     "Diamond Princess", [("Hong Kong", "sea"), ("Vietnam", "sea"), ("Taiwan", "sea")]),
    ("LIMA, Peru (AP) - Chilean President Gabriel Boric arrived in Lima on Tuesday after a stop "
     "in Arica, and will fly on to Quito on Thursday before returning home.",
     "Boric", [("Arica", None), ("Lima", None), ("Quito", "air"), ("Chile", None)]),
    ("PARIS - German Chancellor Olaf Scholz wrapped up a two-day visit to Paris on Wednesday and "
     "flew home to Berlin.",
     "Scholz", [("Paris", None), ("Berlin", "air")]),
    ("CAIRO - Hundreds of pilgrims traveled by bus from Cairo to Alexandria on Sunday, and then "
     "sailed to Jeddah.",
     "pilgrims", [("Cairo", "road"), ("Alexandria", "road"), ("Jeddah", "sea")]),
    ("VATICAN CITY - Pope Francis will travel to Iraq next month, visiting Baghdad, Najaf and "
     "Mosul, the Vatican said on Saturday.",
     "Francis", [("Baghdad", None), ("Najaf", None), ("Mosul", None)]),
    # "bound for X": the destination the mover set out for
    ("The cargo ship Nordic Star left Rotterdam on Monday bound for Lagos.",
     "Nordic Star", [("Rotterdam", "sea"), ("Lagos", "sea")]),
    # "en route to X", "on his way to X": a later, planned stop
    ("Indian Prime Minister Narendra Modi stopped in Frankfurt on Sunday en route to Toronto.",
     "Modi", [("India", None), ("Frankfurt", None), ("Toronto", None)]),
    ("Kenyan President William Ruto stopped in Cairo on his way to Brussels.",
     "Ruto", [("Kenya", None), ("Cairo", None), ("Brussels", None)]),
    # "en route from X to Y" on the mover itself; "made an emergency landing in Z"
    ("The airliner, en route from Madrid to Chicago, made an emergency landing in Dublin.",
     "airliner", [("Madrid", "air"), ("Dublin", "air"), ("Chicago", "air")]),
    # the mover is the object: "crowds met the train at X", "was greeted ... at X"
    ("The royal train left Toronto on Tuesday. Cheering crowds met the train at Winnipeg on "
     "Friday.",
     "train", [("Toronto", "rail"), ("Winnipeg", "rail")]),
    ("King Charles flew from London on Tuesday and was greeted by cheering crowds at Nairobi "
     "airport.",
     "Charles", [("London", "air"), ("Nairobi", "air")]),
    # "would stop off in X", announced by the mover's side
    ("Danish Prime Minister Mette Frederiksen flew to Nairobi on Monday. Her spokesman said she "
     "would stop off in Addis Ababa on the way home.",
     "Frederiksen", [("Denmark", None), ("Nairobi", "air"), ("Addis Ababa", None)]),
    # evacuations and transfers: the one carried moves
    ("Hundreds of residents were evacuated from Dresden to Leipzig on Monday.",
     "residents", [("Dresden", None), ("Leipzig", None)]),
    ("Rescue helicopters airlifted 40 climbers from Chamonix to Geneva.",
     "climbers", [("Chamonix", "air"), ("Geneva", "air")]),
    ("Police officers escorted the two suspects from Munich to Vienna.",
     "suspects", [("Munich", None), ("Vienna", None)]),
    # flight from a place: "fled X"
    ("The family fled Mosul in 2015 and reached Berlin a year later.",
     "family", [("Mosul", None), ("Berlin", None)]),
    # "he" after a quoted source ("..., said Ana Silva") is still the traveller
    ("Saudi Crown Prince Mohammed bin Salman arrived in Boston on Monday. The visit went "
     "smoothly, said Michelle Wu, the city's mayor. He plans a final stop in Houston on Saturday "
     "before returning home.",
     "Mohammed bin Salman", [("Boston", None), ("Houston", None), ("Saudi Arabia", None)]),
]


@pytest.mark.parametrize("text,mover,stops", CASES, ids=[c[1] for c in CASES])
def test_pattern(gazetteer, text, mover, stops):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    journeys = [j for j in a.journeys if mover in j.mover]
    assert journeys, [j.mover for j in a.journeys]
    got = [(s.place.name, s.mode) for s in journeys[0].stops]
    names = [n for n, _ in got]
    want = [n for n, _ in stops]
    # the expected stops appear in this order
    it = iter(names)
    assert all(n in it for n in want), got
    for name, mode in stops:
        if mode:
            assert (name, mode) in got, got


def test_future_and_reported_statuses(gazetteer):
    from mapper.pipeline import analyze

    text = next(c[0] for c in CASES if c[1] == "Francis")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    (journey,) = a.journeys
    # "will travel ..., the Vatican said": the mover's own office announcing a trip is a plan
    assert {s.status for s in journey.stops} == {"planned"}


def test_returning_home_is_an_implied_planned_stop(gazetteer):
    from mapper.pipeline import analyze

    text = next(c[0] for c in CASES if c[1] == "Boric")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    last = a.journeys[0].stops[-1]
    assert last.place.entry.country_code == "CL" and last.implied and last.status == "planned"


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _stops(analysis, mover):
    journey = next(j for j in analysis.journeys if mover in j.mover)
    return {s.place.name: s for s in journey.stops}


@pytest.mark.parametrize("mover,place,status", [
    ("Nordic Star", "Lagos", "planned"),  # bound for: set out, not arrived
    ("Modi", "Toronto", "planned"),
    ("Modi", "Frankfurt", "confirmed"),
    ("Ruto", "Brussels", "planned"),
    ("airliner", "Chicago", "planned"),  # never reached in the text
    ("airliner", "Dublin", "confirmed"),
    ("Frederiksen", "Addis Ababa", "planned"),  # "her spokesman said she would": a plan
])
def test_route_and_plan_statuses(gazetteer, mover, place, status):
    text = next(c[0] for c in CASES if c[1] == mover)
    assert _stops(_analyze(gazetteer, text), mover)[place].status == status


def test_escorts_and_hosts_do_not_travel(gazetteer):
    a = _analyze(gazetteer, next(c[0] for c in CASES if c[1] == "suspects"))
    assert [j.mover for j in a.journeys if "Police" in j.mover] == []
    a = _analyze(gazetteer, next(c[0] for c in CASES if c[1] == "train"))
    assert all("crowd" not in j.mover.lower() for j in a.journeys)


def test_sourced_claims_stay_reported(gazetteer):
    a = _analyze(gazetteer, "Mexican President Claudia Sheinbaum flew to Madrid on Monday. "
                            "Local media reported that she would also visit Lisbon.")
    assert _stops(a, "Sheinbaum")["Lisbon"].status == "reported"


def test_a_hope_is_speculated_and_comes_after_the_arrival(gazetteer):
    a = _analyze(gazetteer, "The Syrian family arrived in Greece in 2016. They hope that once "
                            "they reach Athens they can find work.")
    journey = next(j for j in a.journeys if "family" in j.mover)
    names = [s.place.name for s in journey.stops]
    assert names.index("Greece") < names.index("Athens")
    assert journey.stops[names.index("Athens")].status == "speculated"


def test_a_belief_about_something_else_leaves_the_trip_confirmed(gazetteer):
    a = _analyze(gazetteer, "A farmer believes the dog found on a freight train that travelled "
                            "from Lyon to Marseille on Sunday is his.")
    stops = [s for j in a.journeys for s in j.stops]
    assert stops and {s.status for s in stops} == {"confirmed"}, stops


def test_a_nationality_word_is_not_a_stop(gazetteer):
    a = _analyze(gazetteer, "Chilean President Gabriel Boric flew to Hanoi on Monday and "
                            "visited the North Korean embassy.")
    names = [s.place.name for j in a.journeys for s in j.stops]
    assert "Hanoi" in names and not any(n.startswith("North") for n in names), names


@pytest.mark.parametrize("text", [
    "Lena said her son never went with her to Denver.",
    # counterfactual and conditional motion did not happen
    "Officials said the suspects would have been flown from Madrid to Lisbon if the court had "
    "agreed.",
    "If they were deported from Canada to Ghana, they would face prison, their lawyer said.",
    # detained, and a telephone call, are not stops
    "Ana Silva was held in a Denver jail on Monday. She called her sister in Boston.",
    # a general statement about any aircraft is not a trip
    "An aircraft flying from London to Paris burns about two tonnes of fuel.",
    "Airplanes are flying into Darfur and Malakal again, aid workers said.",
    "Many volunteer pilots flew for China and Britain before the war.",
    "The Syrians seem willing to go to any lengths to stay on Washington's good side.",
    # a lone stop needs a trip: meeting somewhere, a timetable, a reported generic vehicle
    "Tom Reed and Ann Cole met at a dance in Leeds in 1960.",
    "Direct trains to Vienna run every hour.",
    "A lorry driving from Lyon to Milan emits about 90 kilos of CO2, the expert Paul Weber told "
    "the newspaper.",
    # denied motion: a negated or failing verb governs the motion
    "Ana Silva did not want to drive to Denver after the party.",
    "The envoy was unable to reach Lyon because of the snow.",
    # "called on X to act" is an appeal; a bare plural in the simple present states a rule
    "Ana Silva called on Canada to act on Monday.",
    "Visa rules eased.\nCitizens of 40 states stay in Kazakhstan up to 30 days without visas.",
    # "the Mexico border" is the border, not Mexico
    "Officials said 200 troops would be sent to the Mexico border.",
    # a continent alone is no place to draw a trip to
    "Tom Reed traveled to Africa last year.",
    # an obligation under a condition is a rule; getting others to travel is an aim
    "Residents have to travel to Boston if they want to see a specialist.",
    "Ana Silva saved money to get her parents to take a trip to Cancun.",
    "Foreign residents can register their cars at home. A city official said fined drivers "
    "were not happy, especially since they have to travel to Denver if they want to contest "
    "the fine.",
    # a process as the subject of "bring" drives no one
    "Rapid growth is expected to bring 6,500 students to Springfield.",
    # a trip as the subject names no traveller
    "As the annual pilgrimage to Mecca gets underway, officials expressed concern.",
])
def test_not_journeys(gazetteer, text):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    assert not a.journeys, [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys]


def test_one_destination_is_a_journey(gazetteer):
    a = _analyze(gazetteer, "The author Ruth Ellis is travelling to Nairobi with a group of aid "
                            "workers.")
    assert [(j.mover, [s.place.name for s in j.stops], j.legs) for j in a.journeys] == [
        ("Ruth Ellis", ["Nairobi"], ())]


def test_a_holiday_cut_short_and_a_departure_for_work_are_done(gazetteer):
    stops = _stops(_analyze(gazetteer, "Mr. Brandt cut short his holiday in Cornwall to return "
                                       "to London on Monday."), "Brandt")
    assert list(stops) == ["Cornwall", "London"]
    assert {s.status for s in stops.values()} == {"confirmed"}
    stops = _stops(_analyze(gazetteer, "Dr. Mara Olsen, a surgeon in Boston, left in May 2010 to "
                                       "practice in Norway."), "Olsen")
    assert list(stops) == ["Norway"] and stops["Norway"].date == "2010-05-01/2010-05-31"


def test_he_skips_a_woman_named_since(gazetteer):
    a = _analyze(gazetteer, "Tom Ward has coached the team for ten years. He said he loves the "
                            "job. Mary Hill has worked with Ward since 2015. She said she admired "
                            "him. He plans to fly to Lisbon in June.")
    assert [j.mover for j in a.journeys] == ["Tom Ward"]


def test_an_untitled_president_and_a_visit_to_a_building_in_a_city(gazetteer):
    a = _analyze(gazetteer, "During his state visit, President Ivo Markov met the Pope. The "
                            "President of Bulgaria then visited the Embassy of the Republic of "
                            "Bulgaria in Vienna.")
    assert [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys] == [
        ("Ivo Markov", ["Vienna"])]


def test_a_region_and_a_town_in_it_are_one_stop(gazetteer):
    a = _analyze(gazetteer, "Police believe Mr. Crane made his wife drive him to Toledo, Ohio. "
                            "She later told police she drove Mr. Crane to Ohio.")
    assert [s.place.name for s in next(j for j in a.journeys if "Crane" in j.mover).stops] == [
        "Toledo"]


@pytest.mark.parametrize("text,movers", [
    # two people who share a first name are two people
    ("Bob Carter opened the meeting on Monday. Bob Vinyard moved to Denver as a child.",
     ["Bob Vinyard"]),
    # a bare surname is the person of that name named as a subject, not a parent in passing
    ("Kelsey Dunkerson, daughter of Mike and Betty Dunkerson, studies biology. Dunkerson "
     "traveled to Guatemala City last week.", ["Kelsey Dunkerson"]),
    # a pronoun in a clause about a person ("whose parents flew him") is that person
    ("Pope Leo spoke on Sunday. The story recalls that of Tom Reed, the young boy whose parents "
     "flew him to Boston for surgery.", ["Tom Reed"]),
    # "B's aide, C": the aide travels, not B
    ("Mayor Ann Cole and Gov. Tim Ross's budget director, Dan Ortiz, traveled to Denver on "
     "Monday.", ["Ann Cole", "Dan Ortiz"]),
    # "her husband" is someone else, named after her; "A and her husband" is one party
    ("Ana Silva works in Porto. Her husband flew to Lisbon on Monday.",
     ["Ana Silva's husband"]),
    ("Ana Silva and her husband moved to Denver in 1973.", ["Ana Silva"]),
    # the title is the last word before a name: a train conductor is not the train
    ("The dog was found by train conductor Ben Hale. The train travelled from Winnipeg to "
     "Edmonton on Sunday.", ["train"]),
    ("National Guard spokesman Tom Keane spoke on Monday. Officials said the National Guard "
     "would be sent to Tucson.", ["the National Guard"]),
])
def test_movers_are_the_clause_subject(gazetteer, text, movers):
    assert [j.mover for j in _analyze(gazetteer, text).journeys] == movers


def test_a_place_in_a_name_is_not_the_stop(gazetteer):
    # the hospital stands in Mesquite; "Dallas" is a word of its name
    a = _analyze(gazetteer, "Ana Silva was flown to Dallas Regional Medical Center in Mesquite.")
    assert [[s.place.name for s in j.stops] for j in a.journeys] == [["Mesquite"]]
    # "attended law school at X University in Y" is study, not a trip
    a = _analyze(gazetteer, "Ana Silva attended law school at Texas Southern University in "
                            "Houston. She moved to Dallas in 2001.")
    assert [[s.place.name for s in j.stops] for j in a.journeys] == [["Dallas"]]


@pytest.mark.parametrize("text,mover,stops", [
    # a headline "X to visit Y" is a planned trip of X, named in full in the story
    ("Merkel to travel to China next week.\nBERLIN - Chancellor Angela Merkel will meet Chinese "
     "leaders on Monday.", "Angela Merkel", [("China", "planned")]),
    # a continent that holds the stops named with it gives way to them
    ("Tom Reed traveled to Africa last year, visiting Kenya and Ghana.", "Tom Reed",
     [("Kenya", "confirmed"), ("Ghana", "confirmed")]),
    # "arrived from X" leaves X; "settled in Y" ends there
    ("The Haddad family arrived from Poland in 2004 and settled in Chicago.", "Haddad",
     [("Poland", "confirmed"), ("Chicago", "confirmed")]),
    # a flight told after the arrival came first
    ("Omar Haddad and his family arrived in Greece in late 2016. He and his family fled Iraq "
     "after a feud.", "Omar Haddad", [("Iraq", "confirmed"), ("Greece", "confirmed")]),
    # "arrived here": the dateline's place
    ("LISBON - Ana Silva arrived here from Luanda on Monday.", "Silva",
     [("Luanda", "confirmed"), ("Lisbon", "confirmed")]),
])
def test_arrivals_headlines_and_continents(gazetteer, text, mover, stops):
    journeys = [j for j in _analyze(gazetteer, text).journeys if mover in j.mover]
    assert [[(s.place.name, s.status) for s in j.stops] for j in journeys] == [stops]


@pytest.mark.parametrize("text,mover,stops", [
    # "they" after a couple named as a subject
    ("The couple married in Leeds in 1960. Later they moved to Cambridge.", "couple",
     [("Cambridge", "confirmed")]),
    # a name the tagger does not know, as the subject of a motion
    ("Kovalchuk flew to Murmansk on Saturday to meet regional officials. Kovalchuk said the "
     "talks went well.", "Kovalchuk", [("Murmansk", "confirmed")]),
    # a counted nationality is a group from that country
    ("More than 5,000 Venezuelans have arrived in Brazil since January.", "Venezuelans",
     [("Venezuela", "confirmed"), ("Brazil", "confirmed")]),
    # a vehicle's own "to X" when it arrives
    ("The first direct train to Amsterdam arrived on Wednesday.", "train",
     [("Amsterdam", "confirmed")]),
    # a building of an institution in a city
    ("Li Wenzu visited the office of the Supreme Court in Beijing on Monday.", "Li Wenzu",
     [("Beijing", "confirmed")]),
    # "set off on a march from X to Y": Y not reached yet; "to Y" hung on "from X"
    ("Ana Silva and a small group of supporters set off on a march from Beijing to Tianjin.",
     "Ana Silva", [("Beijing", "confirmed"), ("Tianjin", "planned")]),
])
def test_more_movers_and_routes(gazetteer, text, mover, stops):
    journeys = [j for j in _analyze(gazetteer, text).journeys if mover in j.mover]
    assert [(s.place.name, s.status) for s in journeys[0].stops] == stops, journeys


def test_mover_labels_are_the_noun_phrase(gazetteer):
    a = _analyze(gazetteer, "About 300 out-of-state fans of the team travelled to Denver on "
                            "Sunday.")
    assert [j.mover for j in a.journeys] == ["About 300 out-of-state fans"]
    # a vehicle's own "from X" is where it set out
    a = _analyze(gazetteer, "Four U.S. Army helicopters from the base in Bagram flew to Kabul "
                            "on Monday.")
    assert [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys] == [
        ("Four U.S. Army helicopters", ["Bagram", "Kabul"])]


def test_counted_plurals_in_the_present_and_a_layover_on_the_way(gazetteer):
    # a count of people in the present is news, not a rule
    a = _analyze(gazetteer, "Aid groups warned of disease.\nThe outbreak comes as hundreds of "
                            "thousands of refugees return to Juba after a peace deal.")
    assert [(j.mover, [s.place.name for s in j.stops]) for j in a.journeys] == [
        ("refugees", ["Juba"])]
    # "made it to X after a layover in Y": both done
    stops = _stops(_analyze(gazetteer, "Ana Silva eventually made it to Paris after an 11-hour "
                                       "layover in San Francisco."), "Silva")
    assert list(stops) == ["San Francisco", "Paris"]
    assert {s.status for s in stops.values()} == {"confirmed"}


def test_an_object_pronoun_is_the_person_named_before_it(gazetteer):
    # "A abducted B ... and drove her to X": B is carried, A drives
    a = _analyze(gazetteer, "Police said Tom Reed abducted Ana Silva from a mall in Springfield "
                            "and drove her to Woodbridge.")
    assert sorted(j.mover for j in a.journeys) == ["Ana Silva", "Tom Reed"]


@pytest.mark.parametrize("habit", [
    "She has visited Lyon weekly since then.",
    "She goes to Nice every summer.",
])
def test_a_habit_is_not_a_stop(gazetteer, habit):
    # "visits X weekly", "goes to X every summer": a habit, not a trip after the dated one
    a = _analyze(gazetteer, "Ana Silva flew to Paris on May 3, 2010. " + habit)
    assert list(_stops(a, "Silva")) == ["Paris"]


def test_holidays_in_two_places_are_two_trips_not_a_leg(gazetteer):
    a = _analyze(gazetteer, "Tom Reed went on vacations in Hawaii and Europe.")
    journey = next(j for j in a.journeys if "Reed" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Hawaii", "Europe"] and not journey.legs
    # a tour of two countries is one trip: the leg stays
    a = _analyze(gazetteer, "Tom Reed is touring Canada and the US.")
    assert [len(j.legs) for j in a.journeys if "Reed" in j.mover] == [1]


def test_trips_told_in_two_sentences_keep_the_text_order_and_no_legs(gazetteer):
    """"took trips to X and Y" (the place on the verb) is a trip to each, like holidays; the
    places of one sentence stay together, before the next sentence's."""
    a = _analyze(gazetteer, "Maria Lopez, a retired teacher from Denver, took trips to Paris "
                            "and Rome.")
    journey = next(j for j in a.journeys if "Lopez" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Paris", "Rome"] and not journey.legs
    a = _analyze(gazetteer, "The couple, who live in Leeds, took holidays in Spain and Greece. "
                            "Last summer they also went on trips to Paris and Rome.")
    journey = next(j for j in a.journeys if "couple" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Spain", "Greece", "Paris", "Rome"]
    assert not journey.legs


def test_an_obligation_without_a_condition_is_a_plan(gazetteer):
    """"must travel to X next week" is planned (not a report of a trip made); "must have
    travelled to X" is an inference, so no stop is claimed."""
    a = _analyze(gazetteer, "Prime Minister Jan Novak must travel to Brussels next week for "
                            "talks on the budget, officials said in Prague.")
    assert _stops(a, "Novak")["Brussels"].status == "planned"
    a = _analyze(gazetteer, "Jan Novak must have travelled to Brussels by car, police said.")
    assert not any("Novak" in j.mover for j in a.journeys)


def _legs(analysis, mover):
    journey = next(j for j in analysis.journeys if mover in j.mover)
    return [(leg.origin.place.name, leg.destination.place.name, leg.mode) for leg in journey.legs]


def test_an_earlier_visit_is_a_trip_of_its_own_and_the_arrival_comes_before_the_plans(gazetteer):
    """"Xi, who last visited Russia in 2013, will go on to ...": the 2013 visit is another
    occasion, kept as a stop without legs; today's arrival (past) precedes the planned stops."""
    a = _analyze(gazetteer, "Chinese President Xi Jinping arrived in Moscow on Monday. Xi, who "
                            "last visited Russia in 2013, will go on to Berlin and Paris later "
                            "this week.")
    assert [(o, d) for o, d, _ in _legs(a, "Xi")] == [
        ("China", "Moscow"), ("Moscow", "Berlin"), ("Berlin", "Paris")]
    stops = _stops(a, "Xi")
    assert stops["Russia"].date.startswith("2013") and stops["Moscow"].status == "confirmed"
    assert stops["Berlin"].status == stops["Paris"].status == "planned"
    # a visit in a relative clause on the traveller is background, whatever its adverb
    a = _analyze(gazetteer, "German Chancellor Angela Merkel, who visited Washington in "
                            "February, flew to Tokyo on Sunday and will go on to Seoul on "
                            "Tuesday.")
    assert [(o, d) for o, d, _ in _legs(a, "Merkel")] == [("Germany", "Tokyo"), ("Tokyo", "Seoul")]
    assert "Washington" in _stops(a, "Merkel")
    # but a visit on a day of this week is a step of this trip
    a = _analyze(gazetteer, "US President Barack Obama, who visited Kenya on Sunday, flew to "
                            "Ethiopia on Monday.")
    assert ("Kenya", "Ethiopia") in [(o, d) for o, d, _ in _legs(a, "Obama")]


def test_before_reaching_comes_last_and_a_boat_taken_makes_only_its_leg(gazetteer):
    """"travelled through X and Y before reaching Z in 2016": Z after X and Y; "took a boat to
    L": the boat is how the refugees went (no mover of its own), by sea on that leg only."""
    a = _analyze(gazetteer, "The refugees left Aleppo in 2015, crossed into Turkey and took a "
                            "boat to the Greek island of Lesbos. From there they travelled "
                            "through Macedonia and Serbia before reaching Germany in early "
                            "2016.")
    assert not any(j.mover == "boat" for j in a.journeys), [j.mover for j in a.journeys]
    legs = _legs(a, "refugees")
    assert [d for _, d, _ in legs][-4:] == ["Lesbos", "Macedonia", "Serbia", "Germany"], legs
    modes = {d: m for _, d, m in legs}
    assert modes["Lesbos"] == "sea"
    assert {modes["Macedonia"], modes["Serbia"], modes["Germany"]} == {"unknown"}
    assert legs[0][2] == "unknown"  # leaving Aleppo overland: the later boat does not reach back
    # "Before arriving in X, he stopped in Y": Y first
    a = _analyze(gazetteer, "Before arriving in Tokyo on Monday, Secretary of State Antony "
                            "Blinken stopped in Seoul for talks with South Korean officials.")
    assert [(o, d) for o, d, _ in _legs(a, "Blinken")] == [("Seoul", "Tokyo")]


def test_then_head_to_shares_the_subject_and_the_plan(gazetteer):
    """"will travel to X ..., then head to Y": a conjunct verb the parser leaves unlabelled
    takes the first verb's subject and future."""
    a = _analyze(gazetteer, "Secretary of State John Kerry will travel to Geneva on Thursday to "
                            "meet his Russian counterpart, then head to Brussels for a NATO "
                            "meeting, the State Department said on Tuesday.")
    assert [(o, d) for o, d, _ in _legs(a, "Kerry")] == [("Geneva", "Brussels")]
    assert _stops(a, "Kerry")["Brussels"].status == "planned"


def test_a_plan_a_diversion_overtook_is_not_a_confirmed_stop(gazetteer):
    a = _analyze(gazetteer, "The cargo ship MV Seabird sailed from Rotterdam on March 3, 2019 "
                            "and was due to arrive in New York ten days later. It was diverted "
                            "to Halifax after a storm.")
    stops = _stops(a, "Seabird")
    assert stops["Halifax"].status == "confirmed"
    assert stops["New York"].status == "planned"


def test_a_tour_stop_after_the_landing_and_a_second_to_on_the_verb(gazetteer):
    """"landed in X on Wednesday, the first stop of a tour" is a landing (the noun after the
    comma is no object landed); "flown to Q and then to G" reaches both."""
    a = _analyze(gazetteer, "Pope Francis landed in Nairobi on Wednesday, the first stop of a "
                            "six-day tour that will also take him to Uganda and the Central "
                            "African Republic.")
    assert [d for _, d, _ in _legs(a, "Francis")] == ["Uganda", "Central African Republic"]
    assert _legs(a, "Francis")[0][0] == "Nairobi"
    a = _analyze(gazetteer, "Afghan refugees who fled Kabul in August were flown to Qatar and "
                            "then to Germany before arriving in the United States.")
    assert [d for _, d, _ in _legs(a, "refugees")] == ["Qatar", "Germany", "United States"]


def test_prepositions_on_the_vehicle_the_object_or_on_are_the_verbs(gazetteer):
    """"after travelling by train from Poland", "then on to Sydney", "fled X for Y", "after
    meeting A in Rome": the parser hangs the place on a neighbour of the verb."""
    a = _analyze(gazetteer, "Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday "
                            "after travelling by train from Poland.")
    assert ("Poland", "Kyiv", "rail") in _legs(a, "Kishida")
    a = _analyze(gazetteer, "The team flew from London to Doha on Monday, then on to Sydney, "
                            "where they will play their first match on Friday.")
    assert [d for _, d, _ in _legs(a, "team")] == ["Doha", "Sydney"]
    a = _analyze(gazetteer, "Thousands of Rohingya refugees fled Myanmar for Bangladesh in "
                            "2017.")
    assert [(o, d) for o, d, _ in _legs(a, "refugees")] == [("Myanmar", "Bangladesh")]
    a = _analyze(gazetteer, "After meeting Pope Francis in Rome, U.S. President Joe Biden flew "
                            "to Glasgow on Sunday for the climate summit.")
    assert [(o, d) for o, d, _ in _legs(a, "Biden")] == [("Rome", "Glasgow")]


def test_a_place_reached_before_the_first_mode_keeps_its_own(gazetteer):
    """"who had arrived in Lima from Madrid, travelled by bus to Cusco": Lima before Cusco (the
    pluperfect first), and the bus does not reach back to the flight from Madrid."""
    a = _analyze(gazetteer, "The tourists, who had arrived in Lima from Madrid, travelled by bus "
                            "to Cusco.")
    legs = _legs(a, "tourists")
    assert [(o, d) for o, d, _ in legs] == [("Madrid", "Lima"), ("Lima", "Cusco")]
    assert [m for _, _, m in legs] == ["unknown", "road"]


def test_passengers_bound_for_where_their_boat_is(gazetteer):
    """"The migrants, most of them from X, crossed ... to Libya, where they boarded a boat
    bound for Italy": the migrants (not "most") move, and are bound for Italy by sea."""
    a = _analyze(gazetteer, "The migrants, most of them from Eritrea, crossed the Sahara to "
                            "Libya, where they boarded a fishing boat bound for Italy.")
    assert not any("boat" == j.mover or j.mover.startswith("fishing") for j in a.journeys)
    assert _legs(a, "migrants") == [("Libya", "Italy", "sea")]
    assert _stops(a, "migrants")["Italy"].status == "planned"
    a = _analyze(gazetteer, "The passengers boarded a ferry to Dover on Monday.")
    dover = _stops(a, "passengers")["Dover"]
    assert (dover.status, dover.mode) == ("planned", "sea")


def test_a_traveller_named_by_office_alone(gazetteer):
    """"The Turkish president will fly to X ... and then to Y": the office holder travels (home
    from the nationality); the second "to" the parser hangs on the date is a stop too."""
    a = _analyze(gazetteer, "The Turkish president will fly to Doha on Sunday and then to Abu "
                            "Dhabi, before returning to Ankara on Tuesday.")
    assert [(o, d) for o, d, _ in _legs(a, "president")] == [
        ("Turkey", "Doha"), ("Doha", "Abu Dhabi"), ("Abu Dhabi", "Ankara")]
    a = _analyze(gazetteer, "The president travelled by train from Kyiv to Odesa and then flew "
                            "to Warsaw.")
    assert _legs(a, "president") == [("Kyiv", "Odesa", "rail"), ("Odesa", "Warsaw", "air")]


def test_stops_after_a_landing_or_a_departure_and_a_pluperfect_arrival(gazetteer):
    """"landed in X after a stop in T": T first (landing is no 'landed a job'); "left F and,
    after calls in P and T, reached M": the calls follow the departure; "Macron, who had flown
    in from Paris, left Beijing for Guangzhou": the pluperfect comes first."""
    a = _analyze(gazetteer, "Russian Foreign Minister Sergei Lavrov landed in New Delhi on "
                            "Thursday after a stop in Tehran, and is expected to travel on to "
                            "Beijing.")
    assert [d for _, d, _ in _legs(a, "Lavrov")] == ["Tehran", "New Delhi", "Beijing"]
    a = _analyze(gazetteer, "The cruise ship Costa Luminosa left Fort Lauderdale on March 5 and, "
                            "after calls in Puerto Rico and Tenerife, reached Marseille on "
                            "March 19.")
    stops = _stops(a, "Costa Luminosa")
    assert list(stops)[:3] == ["Fort Lauderdale", "Puerto Rico", "Tenerife"]
    assert stops["Puerto Rico"].status == "confirmed"
    a = _analyze(gazetteer, "Macron, who had flown in from Paris on Sunday, left Beijing on "
                            "Tuesday for Guangzhou.")
    assert [(o, d) for o, d, _ in _legs(a, "Macron")] == [("Paris", "Beijing"),
                                                          ("Beijing", "Guangzhou")]


def test_a_visit_since_a_year_is_not_dated_by_it(gazetteer):
    """"his first visit since 2019, when he toured X and Y": 2019 dates the earlier tour (a trip
    of its own, no legs), not the planned visit."""
    a = _analyze(gazetteer, "The prime minister will visit Japan later this month, his first "
                            "visit since 2019, when he toured Tokyo and Osaka.")
    journey = next(j for j in a.journeys if "minister" in j.mover)
    japan = next(s for s in journey.stops if s.place.name == "Japan")
    assert japan.status == "planned" and not (japan.date or "").startswith("2019")
    assert {"Tokyo", "Osaka"} <= {s.place.name for s in journey.stops}
    assert not journey.legs


def test_a_where_clause_shares_the_pluperfect_of_its_place(gazetteer):
    """"arrived in Paris. He had flown in from Berlin, where he met A": Berlin once, before
    Paris, and the flight's mode stays on the way on."""
    a = _analyze(gazetteer, "Indian Prime Minister Narendra Modi arrived in Paris on Thursday. "
                            "He had flown in from Berlin, where he met Chancellor Olaf Scholz.")
    assert _legs(a, "Modi") == [("India", "Berlin", "air"), ("Berlin", "Paris", "air")]


def test_a_stay_of_years_and_a_resettlement(gazetteer):
    """"spent two years in a camp in Lebanon before they were resettled in Canada"."""
    a = _analyze(gazetteer, "After leaving Damascus, the family spent two years in a camp in "
                            "Lebanon before they were resettled in Canada.")
    assert [(o, d) for o, d, _ in _legs(a, "family")] == [("Damascus", "Lebanon"),
                                                          ("Lebanon", "Canada")]
    # money spent is no stay
    a = _analyze(gazetteer, "The company spent $5 million in Texas last year.")
    assert not a.journeys


def test_a_clause_on_a_trip_noun_takes_the_travellers_subject(gazetteer):
    a = _analyze(gazetteer, "Elon Musk flew to Beijing on Tuesday, his first visit to China in "
                            "three years, before heading to Shanghai.")
    assert [(o, d) for o, d, _ in _legs(a, "Musk")] == [("Beijing", "Shanghai")]


def test_a_vehicle_has_no_home_origin_and_a_flight_that_took_off_is_not_arrived(gazetteer):
    """A ship's flag or an airline's country is no place it left; "crashed after taking off
    from X on a flight to Y": X left, Y never reached."""
    a = _analyze(gazetteer, "The Ethiopian Airlines jet crashed shortly after taking off from "
                            "Addis Ababa on a flight to Nairobi.")
    journey = next(j for j in a.journeys if "jet" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Addis Ababa", "Nairobi"]
    assert journey.stops[-1].status == "planned"
    a = _analyze(gazetteer, "The Norwegian ship rescued 200 migrants off Libya and took them to "
                            "Malta.")
    assert all("Norway" not in {s.place.name for s in j.stops} for j in a.journeys)


def test_heading_for_a_place_via_others(gazetteer):
    """"sailed from B, heading for G via S and C": the places passed before the goal, all still
    ahead (planned)."""
    a = _analyze(gazetteer, "The flotilla sailed from Barcelona on Sunday, heading for Gaza via "
                            "Sicily and Crete.")
    journey = next(j for j in a.journeys if "flotilla" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Barcelona", "Sicily", "Crete", "Gaza"]
    assert [s.status for s in journey.stops] == ["confirmed", "planned", "planned", "planned"]
    assert {leg.mode for leg in journey.legs} == {"sea"}


def test_office_holders_in_pairs_and_a_title_that_names_another_country(gazetteer):
    """"The Dutch king and queen arrived ... They will later visit Bali": both travel, both from
    the Netherlands; "The Kenyan president flew to X for talks with President Biden": the
    Kenyan, not Biden (a title whose nationality says otherwise)."""
    a = _analyze(gazetteer, "The Dutch king and queen arrived in Jakarta on Tuesday for a state "
                            "visit. They will later visit Bali.")
    for who in ("king", "queen"):
        assert [(o, d) for o, d, _ in _legs(a, who)] == [("The Netherlands", "Jakarta"),
                                                         ("Jakarta", "Bali")], who
    a = _analyze(gazetteer, "The Kenyan president flew to Washington for talks with President "
                            "Biden, then went on to New York for the UN General Assembly.")
    assert [j.mover for j in a.journeys] == ["Kenyan president"]
    a = _analyze(gazetteer, "Having visited Vietnam and Cambodia, the British foreign secretary "
                            "arrived in Jakarta on Friday.")
    assert [d for _, d, _ in _legs(a, "secretary")] == ["Vietnam", "Cambodia", "Jakarta"]


def test_boarding_somewhere_and_a_span_of_time_somewhere(gazetteer):
    """"boarded buses in T and travelled to M": T is where they set out, by bus; "after a week
    in R" / "following three days in O": a stay before the clause."""
    a = _analyze(gazetteer, "The migrants boarded buses in Tapachula and travelled north to "
                            "Mexico City.")
    assert _legs(a, "migrants") == [("Tapachula", "Mexico City", "road")]
    a = _analyze(gazetteer, "After a week in Rome, the pilgrims returned to Warsaw.")
    assert [(o, d) for o, d, _ in _legs(a, "pilgrims")] == [("Rome", "Warsaw")]
    a = _analyze(gazetteer, "Following three days in Oslo, the delegation flew to Stockholm.")
    assert [(o, d) for o, d, _ in _legs(a, "delegation")] == [("Oslo", "Stockholm")]


def test_a_when_clause_of_an_earlier_visit_and_an_arrival_flight_told_later(gazetteer):
    """"Macron last visited China in 2019, when he toured S and B": one other time (no legs);
    "Macron, who flew in from Paris overnight, will travel to G": Paris is where today's trip
    began, though told after the arrival."""
    a = _analyze(gazetteer, "French President Emmanuel Macron arrived in Beijing on Wednesday "
                            "for a state visit.\n\nMacron, who flew in from Paris overnight, will "
                            "hold talks on Thursday before travelling to Guangzhou on Friday.\n\n"
                            "Macron last visited China in November 2019, when he toured Shanghai "
                            "and Beijing.")
    assert [(o, d) for o, d, _ in _legs(a, "Macron")] == [("Paris", "Beijing"),
                                                          ("Beijing", "Guangzhou")]
    shanghai = _stops(a, "Macron")["Shanghai"]
    assert shanghai.date.startswith("2019-11")


def test_origins_listed_together_are_alternatives(gazetteer):
    """"had travelled from Egypt, Syria and Pakistan to Libya": each came from one of them; no
    leg runs from one to the next. "a reception centre near Athens" is at Athens."""
    a = _analyze(gazetteer, "The survivors said they had travelled from Egypt, Syria and "
                            "Pakistan to Libya over several months. They will be transferred to "
                            "a reception centre near Athens.")
    legs = [(o, d) for o, d, _ in _legs(a, "survivors")]
    assert legs == [("Libya", "Athens")], legs
    assert {"Egypt", "Syria", "Pakistan"} <= set(_stops(a, "survivors"))


def test_back_home_and_north_carry_the_destination(gazetteer):
    """"flew back to X", "were flown home to X" (the "to" on the adverb); "were bused from K to
    O and later taken by train to L" (the second verb shares the passive)."""
    a = _analyze(gazetteer, "Israeli Prime Minister Benjamin Netanyahu cut short his visit to "
                            "Washington and flew back to Israel.")
    assert [(o, d) for o, d, _ in _legs(a, "Netanyahu")][-1] == ("Washington", "Israel")
    a = _analyze(gazetteer, "The Indian navy evacuated 1,200 citizens from Yemen to Djibouti by "
                            "ship, from where they were flown home to India.")
    assert _legs(a, "citizens") == [("Yemen", "Djibouti", "sea"), ("Djibouti", "India", "air")]
    a = _analyze(gazetteer, "The evacuees were bused from Kyiv to Odesa and later taken by train "
                            "to Lviv.")
    assert _legs(a, "evacuees") == [("Kyiv", "Odesa", "road"), ("Odesa", "Lviv", "rail")]


def test_a_caravan_moves_its_people_and_a_question_asserts_no_trip(gazetteer):
    a = _analyze(gazetteer, "The caravan of some 3,000 migrants, which left San Pedro Sula in "
                            "Honduras on Saturday, crossed into Guatemala on Monday.")
    assert _legs(a, "migrants")[0][0] == "San Pedro Sula"
    a = _analyze(gazetteer, "Is it safe to send the family back to Nigeria?")
    assert not a.journeys


def test_and_on_to_a_timetable_present_and_a_tour_told_in_one_clause(gazetteer):
    """"sailed from L to M and on to C": C next; "a tour that has taken him to G, N and K. He
    arrives in S on Friday": the three in the text's order (one clause never outruns the next
    sentence), then S, planned (a present with a date is a timetable)."""
    a = _analyze(gazetteer, "The ship sailed from Lisbon to Madeira and on to the Canary "
                            "Islands.")
    assert [d for _, d, _ in _legs(a, "ship")] == ["Madeira", "Canary Islands"]
    a = _analyze(gazetteer, "The prime minister is on a five-nation tour of Africa that has "
                            "taken him to Ghana, Nigeria and Kenya. He arrives in South Africa on "
                            "Friday.")
    journey = next(j for j in a.journeys if "minister" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Ghana", "Nigeria", "Kenya", "South Africa"]
    assert journey.stops[-1].status == "planned"


def test_a_stay_at_a_home_in_a_place(gazetteer):
    a = _analyze(gazetteer, "The former president, who spent the weekend at his resort in "
                            "Florida, flew to New York on Monday.")
    assert [(o, d) for o, d, _ in _legs(a, "president")] == [("Florida", "New York")]


def test_a_flight_that_lands_the_way_back_and_a_crossing_from(gazetteer):
    """"The Emirates flight from Dubai landed in Manchester": a flight is a vehicle that moves
    (not a trip noun without a traveller); "On his way back from Japan, ... stopped in Alaska";
    "Having crossed the Darien Gap from Colombia, the migrants reached Panama City"."""
    a = _analyze(gazetteer, "The Emirates flight from Dubai landed safely in Manchester after "
                            "circling for an hour.")
    assert _legs(a, "flight") == [("Dubai", "Manchester", "air")]
    a = _analyze(gazetteer, "On his way back from Japan, the president stopped in Alaska.")
    assert [(o, d) for o, d, _ in _legs(a, "president")] == [("Japan", "Alaska")]
    a = _analyze(gazetteer, "Having crossed the Darien Gap from Colombia, the migrants reached "
                            "Panama City a week later.")
    assert [(o, d) for o, d, _ in _legs(a, "migrants")] == [("Colombia", "Panama City")]


def test_stranded_in_a_place_is_the_start_and_via_comes_before_the_destination(gazetteer):
    """"tourists stranded in B flew home to L via S": B is where they set out (no implied home
    origin for a trip that goes home), S is passed before L."""
    a = _analyze(gazetteer, "More than 300 British tourists stranded in Bali by the volcano "
                            "eruption flew home to London on Thursday via Singapore.")
    assert [(o, d) for o, d, _ in _legs(a, "tourists")] == [
        ("Bali", "Singapore"), ("Singapore", "London")]
    # quarantined in a place, likewise
    a = _analyze(gazetteer, "Forty Canadian students quarantined in Hanoi for two weeks flew "
                            "home to Toronto on Friday.")
    assert [(o, d) for o, d, _ in _legs(a, "students")] == [("Hanoi", "Toronto")]


def test_escorted_elsewhere_while_heading_for_a_port_and_a_named_tanker(gazetteer):
    """"had left J and was heading for D when it was ... escorted to B": the passive moves the
    subject to B; D, where it was going, stays planned with no leg; the name after "a ...
    tanker" in the sentence before is that tanker (by sea)."""
    a = _analyze(gazetteer, "Iranian forces seized a British-flagged oil tanker in the Strait "
                            "of Hormuz on Friday. The Stena Impero had left the Saudi port of "
                            "Jubail and was heading for Dubai when it was surrounded by patrol "
                            "boats and escorted to Bandar Abbas.")
    assert _legs(a, "Stena Impero") == [("Jubail", "Bandar Abbas", "sea")]
    stops = _stops(a, "Stena Impero")
    assert stops["Bandar Abbas"].status == "confirmed"
    assert stops["Dubai"].status == "planned"


def test_airlifted_after_a_passive_and_the_pair_set_out_before(gazetteer):
    """"were found alive and airlifted to a hospital in S": the passive's subject is flown to S;
    "The pair ... had set out from P" (the two hikers) is where the trip began."""
    a = _analyze(gazetteer, "Two hikers who went missing on Mount Rainier were found alive on "
                            "Tuesday and airlifted to Harborview Medical Center in Seattle, park "
                            "officials said. The pair, from Portland, Oregon, had set out from "
                            "Paradise on Saturday.")
    legs = _legs(a, "hikers")
    assert [(o, d) for o, d, _ in legs] == [("Paradise", "Seattle")]
    assert legs[0][2] == "air"


def test_a_finished_walk_and_stops_along_the_way(gazetteer):
    """"E S finished her walk from A to L. Along the way she stopped in X, Y and Z": a name the
    tagger missed walks to L (her walk is the subject's); the stops along the way come before
    L, in the text's order."""
    a = _analyze(gazetteer, "Ellie Smith, 16, of Bristol, finished her 300-mile walk from "
                            "Land's End to London on Sunday. Along the way she stopped in "
                            "Exeter, Salisbury and Reading.")
    journey = next(j for j in a.journeys if "Smith" in j.mover)
    assert [s.place.name for s in journey.stops] == ["Exeter", "Salisbury", "Reading", "London"]
    assert all(s.status == "confirmed" for s in journey.stops)


def test_a_country_crossed_on_the_way_and_a_hope_to_go_on(gazetteer):
    """"migrants who left S arrived in M after crossing G. Many hope to continue north to T":
    G between S and M (not before the start); "many" of the group hope to reach T
    (speculated); "Central American" is no nationality, so no implied origin."""
    a = _analyze(gazetteer, "Thousands of Central American migrants who left San Pedro Sula, "
                            "Honduras, last month arrived in Mexico City on Sunday, after "
                            "crossing Guatemala. Many hope to continue north to Tijuana and seek "
                            "asylum in the United States.")
    journey = next(j for j in a.journeys if "migrants" in j.mover)
    assert [s.place.name for s in journey.stops] == [
        "San Pedro Sula", "Guatemala", "Mexico City", "Tijuana"]
    assert journey.stops[-1].status == "speculated"


def test_a_chase_retold_and_officers_who_stopped_him(gazetteer):
    """"A man was arrested after leading police on a chase from W through B to T ... He drove
    from W to T before officers stopped him near M": one trip W, B, T by road (the retelling
    adds to it); halting someone is no trip of the officers."""
    a = _analyze(gazetteer, "A Pewaukee man was arrested Saturday after leading police on a "
                            "chase from Waukesha through Brookfield to Wauwatosa, the Waukesha "
                            "County Sheriff's Department said. He drove from Waukesha to "
                            "Wauwatosa at speeds of up to 90 mph before officers stopped him "
                            "near Milwaukee.")
    assert _legs(a, "man") == [("Waukesha", "Brookfield", "road"),
                               ("Brookfield", "Wauwatosa", "road")]
    assert all(s.status == "confirmed" for s in _stops(a, "man").values())
    assert not any("officer" in j.mover for j in a.journeys)


def test_a_boat_taken_for_one_leg_does_not_name_the_mover(gazetteer):
    a = _analyze(gazetteer, "The refugees left Aleppo in 2015, crossed into Turkey and took a "
                            "boat to the Greek island of Lesbos. From there they travelled "
                            "through Macedonia and Serbia before reaching Germany in early 2016.")
    assert [j.mover for j in a.journeys] == ["refugees"]


def test_being_in_a_place_now_or_later_is_a_stop(gazetteer):
    """"The foreign minister is in Cairo for talks": a stop there (confirmed); "will be in X on
    Thursday" a planned one; "was in X four years ago" and a thing that "is in X" are not."""
    a = _analyze(gazetteer, "The foreign minister is in Cairo for talks with his Egyptian "
                            "counterpart.")
    assert _stops(a, "minister")["Cairo"].status == "confirmed"
    a = _analyze(gazetteer, "Actress Elizabeth Hurley will be in Oxford on Thursday to open a "
                            "shop.")
    assert _stops(a, "Hurley")["Oxford"].status == "planned"
    a = _analyze(gazetteer, "Four years ago, Chidinma Anyiwo was in Nigeria. The factory is in "
                            "Ohio.")
    assert not a.journeys


def test_a_name_said_once_at_the_start_of_a_sentence(gazetteer):
    """"Modi arrived in Dhaka": a lone capitalised subject right before a past motion verb is
    a traveller even when the text names it once and the tagger does not."""
    a = _analyze(gazetteer, "Modi arrived in Dhaka on Friday for a two-day visit.")
    assert _stops(a, "Modi")["Dhaka"].status == "confirmed"


def test_a_city_tagged_as_a_nationality_is_still_the_place_gone_to(gazetteer):
    """"they will travel to Mombasa" with "Mombasa" tagged as a nationality: the object of the
    preposition is a place, and "they" are both of "A and B" named before."""
    a = _analyze(gazetteer, "King Charles and Queen Camilla arrived in Nairobi on Tuesday. On "
                            "Thursday they will travel to Mombasa.")
    for mover in ("Charles", "Camilla"):
        assert ("Nairobi", "Mombasa") in [(o, d) for o, d, _ in _legs(a, mover)]
        assert _stops(a, mover)["Mombasa"].status == "planned"


def test_people_named_by_kind_alone_are_movers(gazetteer):
    """"traffickers moved the women from X through Y to Z": the women travel; "Most children
    watching ..." is no group a later "they" refers to."""
    a = _analyze(gazetteer, "Human traffickers moved the women from Lagos through Niger to "
                            "Libya, prosecutors said.")
    assert [(o, d) for o, d, _ in _legs(a, "women")] == [("Lagos", "Niger"), ("Niger", "Libya")]
    a = _analyze(gazetteer, "Most children watching the parade never knew the war. Some of the "
                            "old fighters are ministers now, but they still came to Belfast.")
    assert not any("children" in j.mover for j in a.journeys)


def test_a_diverted_flight_never_reached_its_goal(gazetteer):
    """"The flight from D to S was diverted to A": D to A is the leg flown; S was the goal
    (planned, no leg reaches it)."""
    a = _analyze(gazetteer, "The British Airways flight from London to New York was diverted "
                            "to Shannon on Sunday.")
    assert _legs(a, "flight") == [("London", "Shannon", "air")]
    assert _stops(a, "flight")["New York"].status == "planned"


def test_a_vehicle_after_by_gives_the_mode(gazetteer):
    """"were taken by helicopter to X": a vehicle noun after "by" is the mode, even one the
    mode word lists do not hold."""
    a = _analyze(gazetteer, "The rescued crew were taken by helicopter from Stornoway to "
                            "Aberdeen.")
    assert _legs(a, "crew") == [("Stornoway", "Aberdeen", "air")]


def test_where_a_traveller_was_held_is_where_the_trip_home_began(gazetteer):
    """"Two Americans detained in Russia were ... flown to Washington": the place of the
    participle that detained them is the origin."""
    a = _analyze(gazetteer, "Two Americans detained in Russia were freed on Thursday and flown "
                            "to Washington.")
    assert [(o, d) for o, d, _ in _legs(a, "Americans")] == [("Russia", "Washington")]


def test_people_carried_from_where_they_were_did_not_set_out_from_home(gazetteer):
    """"evacuated 250 British nationals from Khartoum to Cyprus": they were in Khartoum, no
    implied origin in Britain before it."""
    a = _analyze(gazetteer, "A Royal Air Force plane evacuated 250 British nationals from "
                            "Khartoum to Cyprus on Sunday.")
    assert [(o, d) for o, d, _ in _legs(a, "nationals")] == [("Khartoum", "Cyprus")]


def test_performing_or_playing_in_a_place_is_a_stop_of_a_tour(gazetteer):
    """"will play in X and Y before flying home": the games' places are stops of the trip;
    "performing in X" alone makes no journey."""
    a = _analyze(gazetteer, "The Indian cricket team arrived in Johannesburg on Sunday. They "
                            "will play in Durban and Cape Town before flying home to Mumbai.")
    assert [(o, d) for o, d, _ in _legs(a, "team")][1:] == [
        ("Johannesburg", "Durban"), ("Durban", "Cape Town"), ("Cape Town", "Mumbai")]
    assert _stops(a, "team")["Durban"].status == "planned"
    a = _analyze(gazetteer, "The band Coldplay performed in Stockholm last year.")
    assert not a.journeys


def test_a_birthplace_starts_a_life_told_as_moves(gazetteer):
    """"born in X in 1925, moved to Y in 1950 and later settled in Z": X, Y, Z in turn; a
    birthplace beside a visit, or alone, is no stop."""
    a = _analyze(gazetteer, "Smith was born in Glasgow in 1925, moved to London in 1950 and "
                            "later settled in Toronto, where he died on Monday.")
    assert [(o, d) for o, d, _ in _legs(a, "Smith")] == [("Glasgow", "London"),
                                                          ("London", "Toronto")]
    a = _analyze(gazetteer, "Martha was born in Grantville, Pennsylvania, on November 4, 1913.")
    assert not a.journeys
    a = _analyze(gazetteer, "Chancellor Olaf Scholz, who was born in Hamburg, flew to Paris "
                            "on Monday.")
    assert "Hamburg" not in _stops(a, "Scholz")


def test_a_torch_or_a_body_carried_on_its_own_journey(gazetteer):
    """"The Olympic torch arrived in X ... It will travel through Y": a thing with a journey
    of its own; "offering to transport the casket to X" is an offer, no trip."""
    a = _analyze(gazetteer, "The Olympic torch arrived in Marseille on Thursday aboard a sailing "
                            "ship from Athens. It will travel through Nice and Lyon before "
                            "reaching Paris in July.")
    assert [(o, d) for o, d, _ in _legs(a, "torch")] == [
        ("Athens", "Marseille"), ("Marseille", "Nice"), ("Nice", "Lyon"), ("Lyon", "Paris")]
    a = _analyze(gazetteer, "The body of the former president was flown from Paris to Algiers "
                            "on Friday.")
    assert _legs(a, "body") == [("Paris", "Algiers", "air")]
    a = _analyze(gazetteer, "The funeral director said he had offered to transport the casket "
                            "to Dayton.")
    assert not a.journeys


def test_the_team_is_the_side_just_named(gazetteer):
    """"Manchester United flew to Madrid ... The team will return to Manchester": one mover;
    a team named sentences before is not "the team" of a later sentence."""
    a = _analyze(gazetteer, "Manchester United flew to Madrid on Tuesday for their Champions "
                            "League match. The team will return to Manchester on Thursday.")
    assert [j.mover for j in a.journeys] == ["Manchester United"]
    assert [(o, d) for o, d, _ in _legs(a, "United")] == [("Madrid", "Manchester")]
    a = _analyze(gazetteer, "Mayor David Smith flew to Boston in May. He liked the city. The "
                            "owners were unhappy. The team proposed moving to Fremont.")
    assert "Fremont" not in _stops(a, "Smith")


def test_a_squad_or_a_band_travels(gazetteer):
    """"Argentina's squad landed in Doha", "The band will play in X and Y": a team, a band."""
    a = _analyze(gazetteer, "Argentina's squad landed in Doha on Wednesday ahead of the World "
                            "Cup.")
    assert _stops(a, "squad")["Doha"].status == "confirmed"
    a = _analyze(gazetteer, "The band flew to Oslo on Monday and will play in Stockholm and "
                            "Copenhagen this week.")
    assert [(o, d) for o, d, _ in _legs(a, "band")] == [("Oslo", "Stockholm"),
                                                         ("Stockholm", "Copenhagen")]


def test_a_trip_opened_on_a_coming_day_is_a_timetable(gazetteer):
    """"The Red Sox open a road trip in Seattle on Monday before heading to Oakland": a trip
    begun in the present with a date is still ahead (planned), from Seattle."""
    a = _analyze(gazetteer, "The Boston Red Sox open a six-game road trip in Seattle on Monday "
                            "before heading to Oakland.")
    stops = _stops(a, "Red Sox")
    assert list(stops) == ["Seattle", "Oakland"]
    assert stops["Seattle"].status == stops["Oakland"].status == "planned"


def test_a_name_said_once_before_a_passive_motion(gazetteer):
    """"Navalny was flown from Omsk to Berlin": a lone capitalised subject of a past passive
    (or pluperfect) motion is a traveller too, and "He" after it is the same one."""
    a = _analyze(gazetteer, "Navalny was flown from Omsk to Berlin for treatment in August. He "
                            "returned to Moscow in January.")
    assert [(o, d) for o, d, _ in _legs(a, "Navalny")] == [("Omsk", "Berlin"),
                                                            ("Berlin", "Moscow")]


def test_where_a_vessel_sank_is_its_last_stop(gazetteer):
    """"The ferry sank off the coast of X an hour after leaving Y": Y to X."""
    a = _analyze(gazetteer, "The ferry sank off the coast of Bali on Tuesday night, an hour "
                            "after leaving the port of Ketapang.")
    assert _legs(a, "ferry") == [("Ketapang", "Bali", "sea")]


def test_a_boat_carrying_people_from_a_place_came_from_there(gazetteer):
    """"A boat carrying 120 migrants from Libya was intercepted ... and escorted back to X":
    the boat came from Libya, also for a verb joined to the one that holds the subject."""
    a = _analyze(gazetteer, "A boat carrying 120 migrants from Libya was intercepted by the "
                            "coast guard and escorted back to Lampedusa on Tuesday.")
    assert [(o, d) for o, d, _ in _legs(a, "boat")] == [("Libya", "Lampedusa")]


def test_the_and_an_untyped_capitalised_name_is_a_mover(gazetteer):
    """"The Ever Given, which had been stuck in X, ... sailed to Y", "The Dalai Lama returned
    to X": a name the tagger left untyped after "the" (no place's) moves."""
    a = _analyze(gazetteer, "The Ever Given, which had been stuck in the Suez Canal for six "
                            "days, was refloated on Monday and sailed to the Great Bitter Lake.")
    assert _legs(a, "Ever Given") == [("Suez Canal", "Great Bitter Lake", "sea")]
    a = _analyze(gazetteer, "The Dalai Lama returned to Dharamsala on Friday.")
    assert _stops(a, "Dalai Lama")["Dharamsala"].status == "confirmed"


def test_crossing_into_a_country_alone_is_a_journey(gazetteer):
    """"Hundreds of Sudanese refugees crossed into Chad": a crossing on the border, kept even
    as the only stop."""
    a = _analyze(gazetteer, "Hundreds of Sudanese refugees crossed into Chad on Sunday, the UN "
                            "refugee agency said.")
    [stop] = _stops(a, "refugees").values()
    assert stop.place.entry.feature == "crossing" and stop.place.entry.country_code in (
        "SD", "TD")


def test_due_in_a_place_is_a_planned_stop(gazetteer):
    """"The Canadian prime minister is due in Kyiv on Saturday": planned; "was due in ...
    Superior Court" is a court date."""
    a = _analyze(gazetteer, "The Canadian prime minister is due in Kyiv on Saturday, his first "
                            "visit since the war began.")
    assert _stops(a, "minister")["Kyiv"].status == "planned"
    a = _analyze(gazetteer, "Jane Miller was due in Bridgeport Superior Court today.")
    assert not a.journeys


def test_fleets_trawlers_and_ambulances_are_vehicles(gazetteer):
    """"The Japanese whaling fleet returned to X" moves by sea; "the vessel" after "a fishing
    trawler" is that trawler, labelled without a second vehicle word."""
    a = _analyze(gazetteer, "The Japanese whaling fleet returned to Shimonoseki on Friday.")
    assert _stops(a, "fleet")["Shimonoseki"].mode == "sea"
    a = _analyze(gazetteer, "A fishing trawler left Plymouth on Friday. A lifeboat towed the "
                            "vessel to Falmouth.")
    assert [j.mover for j in a.journeys] == ["fishing trawler"]


def test_the_group_named_before_with_its_nationality(gazetteer):
    """"Forty Chinese tourists flew to Bali ... The tourists will return to Shanghai": one
    group, one trip."""
    a = _analyze(gazetteer, "Forty Chinese tourists flew to Bali on Monday. The tourists will "
                            "return to Shanghai on Friday.")
    assert len(a.journeys) == 1
    assert [(o, d) for o, d, _ in _legs(a, "tourists")][-2:] == [("China", "Bali"),
                                                                 ("Bali", "Shanghai")]


def test_the_evacuees_are_the_group_evacuated_before(gazetteer):
    """"evacuated 250 British nationals from Khartoum to Cyprus ... The evacuees will then be
    flown to London": one journey Khartoum > Cyprus > London."""
    a = _analyze(gazetteer, "A Royal Air Force plane evacuated 250 British nationals from "
                            "Khartoum to Cyprus on Sunday. The evacuees will then be flown to "
                            "London.")
    assert len(a.journeys) == 1
    assert [(o, d) for o, d, _ in _legs(a, "nationals")] == [("Khartoum", "Cyprus"),
                                                              ("Cyprus", "London")]
    assert _stops(a, "nationals")["London"].status == "planned"


def test_a_vehicle_object_is_what_it_refers_to_in_an_as_clause(gazetteer):
    """"Radar operators followed the balloon as it drifted across X, moved over Y and entered
    Z": "it" is the balloon named before it (not the ones who followed it), and the clause's
    conjuncts move the balloon too, though the parser joins them to the main verb."""
    a = _analyze(gazetteer, "Radar operators followed the weather balloon as it drifted across "
                            "Nebraska, moved over Iowa and entered Illinois on Friday.")
    stops = [s.place.name for s in next(j for j in a.journeys if "balloon" in j.mover).stops]
    assert stops[:2] == ["Nebraska", "Iowa"]
    assert all(s.mode == "air" for s in _stops(a, "balloon").values())
    assert not any("operators" in j.mover for j in a.journeys)


def test_bound_for_after_a_place_belongs_to_the_vehicle(gazetteer):
    """"took off from X, bound for Y": the flight is bound for Y, not X; an icebreaker is a
    vessel."""
    a = _analyze(gazetteer, "The jetliner took off on Friday from Lisbon, bound for Toronto.")
    assert _legs(a, "jetliner") == [("Lisbon", "Toronto", "air")]
    assert _stops(a, "jetliner")["Toronto"].status == "planned"
    a = _analyze(gazetteer, "A Norwegian icebreaker left Oslo on Monday, bound for Reykjavik.")
    assert [m for _, _, m in _legs(a, "icebreaker")] == ["sea"]


def test_a_denied_or_expected_motion_is_not_reached(gazetteer):
    """"denied it was meant to enter X": no stop; "a route that should have taken it to Y": a
    goal not reached, so a planned stop (as the journey gold reads such goals)."""
    a = _analyze(gazetteer, "The cargo plane flew from Nairobi to Cairo. Officials denied that "
                            "the plane was ever meant to enter Libya.")
    assert "Libya" not in _stops(a, "plane")
    a = _analyze(gazetteer, "The ferry left Split on Sunday, bound for Ancona. Its usual "
                            "course should have brought it to Venice by noon.")
    assert _stops(a, "ferry")["Ancona"].status == "planned"
    assert _stops(a, "ferry")["Venice"].status == "planned"


def test_a_named_storm_moves_where_it_strikes(gazetteer):
    """"Typhoon X battered A ... X, which caused flooding in B, is heading toward C": the
    storm is one mover under its name, "it" and "the storm"; what it struck is where it was,
    in time order; its heading is where it goes next. "A Hurricane Warning" names no storm."""
    a = _analyze(gazetteer, "Typhoon Lumen battered Okinawa on Monday. Lumen, which then caused "
                            "flooding in Taiwan, is now heading toward Shanghai. A Typhoon "
                            "Warning is in effect for Ningbo.")
    storm = next(j for j in a.journeys if "Lumen" in j.mover)
    assert [s.place.name for s in storm.stops] == ["Okinawa", "Taiwan", "Shanghai"]
    assert storm.stops[-1].status != "confirmed"
    assert not any("Warning" in j.mover for j in a.journeys)
    a = _analyze(gazetteer, "Hurricane Odile made landfall near Cabo San Lucas on Sunday. The "
                            "storm then swept across La Paz.")
    assert [s.place.name for s in next(j for j in a.journeys if "Odile" in j.mover).stops] == \
        ["Cabo San Lucas", "La Paz"]


def test_a_craft_named_by_its_model_or_said_to_be_a_vessel(gazetteer):
    """"a Cessna Skyhawk departed X, arriving in Y": a model's name with "a" is one craft (of
    the mode of the article's vehicles);
    "the Aurora Borealis ... is a research vessel": the name moves by sea; "pulled up in X",
    "put in at X" arrive."""
    a = _analyze(gazetteer, "Shortly after dawn a Cessna Skyhawk departed Denver, arriving in "
                            "Omaha two hours later. The plane carried two passengers.")
    assert _legs(a, "Cessna") == [("Denver", "Omaha", "air")]  # the article's planes
    a = _analyze(gazetteer, "The Aurora Borealis pulled up in Halifax on Tuesday. The Aurora "
                            "Borealis is a research vessel.")
    stops = _stops(a, "Aurora Borealis")
    assert list(stops) == ["Halifax"] and stops["Halifax"].mode == "sea"


def test_a_tracked_animal_is_a_mover(gazetteer):
    """"A tagged whale left X ... The whale ... it": one animal across the text, by its kind
    or the kind an apposition gives it ("a petrel, a seabird")."""
    a = _analyze(gazetteer, "A tagged humpback whale left Hawaii in January. Scientists said the "
                            "whale reached Vancouver in April, and it later moved on to Juneau.")
    assert [s.place.name for s in next(j for j in a.journeys if "whale" in j.mover).stops] == \
        ["Hawaii", "Vancouver", "Juneau"]
    a = _analyze(gazetteer, "A young petrel, a seabird ringed last year, left Lisbon on Monday. "
                            "The bird landed in Dakar on Friday.")
    assert [s.place.name for s in next(j for j in a.journeys if "petrel" in j.mover).stops] == \
        ["Lisbon", "Dakar"]


def test_a_vessel_the_parser_made_the_root_still_docks(gazetteer):
    """"A supply ship with 12 crew ... and anchored in X": the parser may read the ship as
    the sentence's root and "anchored" as its conjunct."""
    a = _analyze(gazetteer, "A Maltese supply ship with 12 crew on board ignored orders and "
                            "anchored in the harbour of Naples on Monday.")
    stops = _stops(a, "ship")
    assert "Naples" in stops and stops["Naples"].mode == "sea"


def test_a_kind_of_place_then_where_it_is(gazetteer):
    """"returned to port in X": the port the verb goes to is in X."""
    a = _analyze(gazetteer, "The tanker returned to port in Rotterdam on Friday after a voyage "
                            "from Lagos.")
    assert _legs(a, "tanker") == [("Lagos", "Rotterdam", "sea")]


def test_a_storys_setting_is_no_trip(gazetteer):
    """"a film which is set in X" tells where a story happens; "set off from X" is a start."""
    a = _analyze(gazetteer, "Kenyan director Amani Otieno's film Tides, which is set in "
                            "Tasmania, won the prize on Friday.")
    assert a.journeys == ()
    a = _analyze(gazetteer, "The crew set off from Lisbon on Monday and reached Madeira on "
                            "Thursday.")
    assert [p.name for p in (a.journeys[0].stops[0].place, a.journeys[0].stops[-1].place)] == [
        "Lisbon", "Madeira"]


def test_a_visit_of_an_earlier_year_is_a_trip_of_its_own(gazetteer):
    """"after he visited A and B in 2016": a past tour beside today's, joined by no leg to it;
    being "on a visit to <a continent>" confirms no stop still planned in it."""
    a = _analyze(gazetteer, "Minister leaves for Africa\n\nPublished July 23, 2018\n\nPrime "
                            "Minister Arjun Mehta on Monday left New Delhi for Rwanda on a "
                            "three-day tour. This is his second visit to Africa after he "
                            "visited Kenya and Ghana in 2016.")
    legs = _legs(a, "Mehta")
    assert ("New Delhi", "Rwanda") in [(o, d) for o, d, _ in legs]
    assert not [leg for leg in legs if {"Kenya", "Ghana"} & set(leg[:2])]
    stops = _stops(a, "Mehta")
    assert stops["Kenya"].date.startswith("2016") and stops["Rwanda"].status == "planned"


def test_a_trip_from_a_named_place_with_a_where_clause_and_an_anniversary(gazetteer):
    """"arrived in X from Y, where she held talks": one stay at Y, before X, and the trip starts
    at Y (no implied home before it); "coincides with the 10th anniversary of Z in 2014":
    2014 is Z's year, not the visit's."""
    a = _analyze(gazetteer, "Premier arrives in Lisbon\n\nPublished March 4, 2024\n\nBrazilian "
                            "Premier Ana Ribeiro arrived in Lisbon on Monday from Madrid, where "
                            "she held talks with the Spanish king. Ribeiro's visit to Lisbon "
                            "coincides with the 10th anniversary of the accidental sinking of a "
                            "Brazilian ship in Portugal in 2014. She will travel on to Rome on "
                            "Wednesday.")
    stops = [s.place.name for s in _journey_of(a, "Ribeiro").stops]
    assert stops == ["Madrid", "Lisbon", "Rome"]
    assert _stops(a, "Ribeiro")["Lisbon"].date == "2024-03-04"
    assert not [s for s in _journey_of(a, "Ribeiro").stops if (s.date or "").startswith("2014")]


def _journey_of(analysis, mover):
    return next(j for j in analysis.journeys if mover in j.mover)


def test_a_plan_told_twice_is_one_trip(gazetteer):
    """"is due to visit A, B and C ... arriving in A on <day> ... His visits to A and B are
    likely to ...": each place once, in the plan's order; a stop the text says the mover
    comes back to stays twice."""
    a = _analyze(gazetteer, "Premier sets off on Asia tour\n\nPublished May 2, 2022\n\nPremier "
                            "Ana Ribeiro left Lisbon on Monday and is due to visit Japan, "
                            "Malaysia and Indonesia during her ten-day trip. She flies first to "
                            "Dubai, before arriving in Japan on May 4. Her visits to Japan and "
                            "Malaysia are likely to be dominated by trade talks.")
    names = [s.place.name for s in _journey_of(a, "Ribeiro").stops]
    assert names == ["Lisbon", "Dubai", "Japan", "Malaysia", "Indonesia"]
    a = _analyze(gazetteer, "Premier Ana Ribeiro will fly to Tokyo on Monday and to Seoul on "
                            "Tuesday. She will return to Tokyo on Wednesday.")
    assert [s.place.name for s in _journey_of(a, "Ribeiro").stops].count("Tokyo") == 2
