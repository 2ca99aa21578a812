"""Journeys in time: dates, status and mode of stops, each rule on a short authored text (no
article's phrases in the code or here)."""

from __future__ import annotations

from mapper.read import article_from_text


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _stops(analysis, mover):
    journey = next(j for j in analysis.journeys if mover in j.mover)
    return {s.place.name: s for s in journey.stops}


def test_a_headline_arrival_keeps_the_date_the_body_gives(gazetteer):
    """The headline's "arrives in X" and the body's "arrived in X on Tuesday" are one visit:
    the stop keeps Tuesday's date."""
    a = _analyze(gazetteer, "Finnish President arrives in Lisbon for talks\n\n"
                            "Published March 6, 2024\n\n"
                            "Finnish President Sauli Niinisto arrived in Lisbon on Tuesday "
                            "evening from Helsinki for two days of talks.")
    assert _stops(a, "Niinisto")["Lisbon"].date == "2024-03-05"


def test_a_time_of_day_takes_the_day_told_before(gazetteer):
    """"touched down at 4.15 pm" names no day: the day the story told just before."""
    a = _analyze(gazetteer, "Published October 12, 2022\n\n"
                            "The charter plane left Oslo on Monday morning with the orchestra "
                            "on board. The plane touched down in Reykjavik at 4.15 pm.")
    stops = _stops(a, "plane")
    assert stops["Reykjavik"].date == "2022-10-10"


def test_a_time_of_day_alone_is_the_day_of_publication(gazetteer):
    """With no day told before, "early in the morning" is the day of publication."""
    a = _analyze(gazetteer, "Published October 12, 2022\n\n"
                            "The cargo plane flew from Oslo to Reykjavik early in the morning.")
    assert _stops(a, "plane")["Reykjavik"].date == "2022-10-12"


def test_clock_figures_are_no_date(gazetteer):
    """"a 6.5-hour flight" and "at 8:28 a.m." name no day of their own (no "June 5")."""
    a = _analyze(gazetteer, "Published January 20, 2021\n\n"
                            "The minister left Oslo at 8:28 a.m. on Tuesday for a 6.5-hour "
                            "flight to Lagos.")
    assert _stops(a, "minister")["Oslo"].date in (None, "2021-01-19")


def test_a_day_the_tagger_cuts_short_and_the_next_day(gazetteer):
    """"landed hours later, early Friday morning": Friday; "the next day" counts on."""
    a = _analyze(gazetteer, "Published June 14, 2019\n\n"
                            "The first plane with the evacuees landed in Manila on Thursday. "
                            "The second plane landed several hours later, early Friday morning "
                            "in Cebu.")
    assert _stops(a, "plane")["Cebu"].date == "2019-06-14"
    a = _analyze(gazetteer, "Published June 20, 2019\n\n"
                            "The minister flew from Lyon to Madrid on June 10. She flew on to "
                            "Lisbon the next day.")
    assert _stops(a, "minister")["Lisbon"].date == "2019-06-11"


def test_a_country_reached_dates_the_port_in_it(gazetteer):
    """"returned to Norway on Saturday" then "arriving in Bergen": the port is
    where the return ended, on Saturday."""
    a = _analyze(gazetteer, "Published May 11, 2019\n\n"
                            "The research ship Polar Dawn returned to Norway on Saturday. "
                            "Television showed the Polar Dawn arriving in Bergen after "
                            "leaving Reykjavik on Wednesday.")
    stops = _stops(a, "Polar Dawn")
    assert stops["Bergen"].date == "2019-05-11"


def test_a_leg_told_next_keeps_the_day_and_comes_after_the_arrival(gazetteer):
    """"landed in M on Wednesday. ..., the team was split into two flights from M to S": the
    next sentence's undated leg is that day's, and starts after the arrival in M (not a
    second M before it)."""
    a = _analyze(gazetteer, "Published June 22, 2023\n\n"
                            "The Chilean team left Lisbon at 6pm on Tuesday and landed in Madrid "
                            "on Wednesday. Because of delays, the team was split into two "
                            "flights from Madrid to Seville.")
    journey = next(j for j in a.journeys if "team" in j.mover)
    assert [(s.place.name, s.date) for s in journey.stops] == [
        ("Lisbon", "2023-06-20"), ("Madrid", "2023-06-21"), ("Seville", "2023-06-21")]


def test_a_stop_arrived_at_and_left_later_keeps_the_arrival_date(gazetteer):
    """"will fly to Quito on July 24. From Quito, she will fly to Bogota on July 26": Quito is
    reached on the 24th; the 26th is when it is left."""
    a = _analyze(gazetteer, "Published July 23, 2018\n\n"
                            "The minister left for Lima on Monday. From Lima, the minister will "
                            "fly to Quito on July 24. From Quito, she will fly to Bogota on "
                            "July 26.")
    stops = _stops(a, "minister")
    assert stops["Quito"].date == "2018-07-24" and stops["Bogota"].date == "2018-07-26"


def _statuses(gazetteer, text, mover):
    return {name: s.status for name, s in _stops(_analyze(gazetteer, text), mover).items()}


def test_set_out_for_and_begun_journeys_are_not_arrivals(gazetteer):
    """"left for X on Monday" and "began its final journey to X": X is still ahead."""
    assert _statuses(gazetteer, "Published March 4, 2024\n\nDanish Prime Minister Mette "
                                "Frederiksen left for Lima on Monday.",
                     "Frederiksen")["Lima"] == "planned"
    assert _statuses(gazetteer, "Published March 4, 2024\n\nThe body of the former prime "
                                "minister began its final journey to Madrid on Monday.",
                     "body")["Madrid"] == "planned"


def test_should_have_brought_is_a_goal_not_reached(gazetteer):
    assert _statuses(gazetteer, "Published March 4, 2024\n\nThe plane took off on Sunday "
                                "night. At that moment the plane was 200 miles off the coast, "
                                "on a course that should have brought it to Lisbon by noon.",
                     "plane")["Lisbon"] == "planned"


def test_a_time_clause_of_the_saying_and_footage_are_no_report(gazetteer):
    """"the minister said after the plane touched down in X": the landing is told as known;
    "footage showed the ferry arriving in X": seen, not claimed."""
    assert _statuses(gazetteer, "Published March 4, 2024\n\nHungarian foreign minister Peter "
                                "Szijjarto said after the plane touched down in Oslo: \"We "
                                "were never told why.\"", "plane")["Oslo"] == "confirmed"
    assert _statuses(gazetteer, "Published March 4, 2024\n\nTelevision footage showed the "
                                "ferry Nordic Star arriving in Dover after leaving Calais on "
                                "Sunday.", "Nordic Star")["Dover"] == "confirmed"


def test_the_goal_of_a_trip_under_way_is_planned_whoever_reports_it(gazetteer):
    assert _statuses(gazetteer, "Published March 4, 2024\n\nSatellite data reveals the bulk "
                                "carrier (en route from Lagos to Rotterdam) slowed near the "
                                "coast on Friday.", "carrier")["Rotterdam"] == "planned"


def test_a_trip_told_in_the_present_is_a_timetable(gazetteer):
    """"He flies first to X, ... before arriving in Y": news tells done trips in the past; in
    the body a present is a programme (planned), unless quoted or in the headline."""
    statuses = _statuses(gazetteer, "Published November 3, 2017\n\nGerman Chancellor Angela "
                                    "Merkel left Berlin on Friday. She flies first to Oslo, "
                                    "stopping for talks, before arriving in Tromso on Sunday.",
                         "Merkel")
    assert statuses["Oslo"] == "planned" and statuses["Tromso"] == "planned"


def test_a_programme_told_with_one_mode(gazetteer):
    """"is due to visit X, Y and Z. She flies first to W, ... before arriving in X": every
    planned leg is by air, the one a subordinate clause tells too."""
    a = _analyze(gazetteer, "Published November 3, 2017\n\nGerman Chancellor Angela Merkel "
                            "left Berlin on Friday and is due to visit Norway, Sweden and "
                            "Finland. She flies first to Oslo, stopping for talks, before "
                            "arriving in Tromso on Sunday.")
    stops = _stops(a, "Merkel")
    assert {stops[n].mode for n in ("Sweden", "Finland", "Oslo", "Tromso")} == {"air"}


def test_the_vehicle_a_clause_names_gives_the_mode(gazetteer):
    """"hidden in a truck when she fled X", "after changing planes in Y", "took off from Z":
    the vehicle in the clause, the one changed to and the phrasal verb name the mode."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva was hidden in a truck when she fled from Minsk to "
                            "Vilnius on Sunday.")
    assert _stops(a, "Silva")["Vilnius"].mode == "road"
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva reached Lagos on Monday after changing planes in Madrid.")
    assert {s.mode for s in _stops(a, "Silva").values()} == {"air"}
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "The minister took off from Oslo on Monday, heading for Lagos.")
    assert _stops(a, "minister")["Lagos"].mode == "air"


def test_a_flight_named_by_its_number_travels_by_air(gazetteer):
    """A mover named by a flight number ("KL605") is a flight, whatever the tagger took it
    for."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Officials said that KL605 departed from Amsterdam at 10:00 on "
                            "Monday. KL605 was due to arrive in Lima at 18:30.")
    assert _stops(a, "KL605")["Lima"].mode == "air"


def test_a_tour_the_lead_names_by_its_vehicle_gives_the_legs_mode(gazetteer):
    """"began a bus tour": the stops of the tour are reached by road, though no sentence
    about them names a vehicle; a tour with no vehicle word gives no mode."""
    text = ("Published May 3, 2021\n\nSenator Ana Silva began a three-day {}tour on Monday. "
            "On Tuesday, Silva will hold rallies in Leeds and York.")
    a = _analyze(gazetteer, text.format("bus "))
    assert {s.mode for s in _stops(a, "Silva").values()} == {"road"}
    a = _analyze(gazetteer, text.format(""))
    assert {s.mode for s in _stops(a, "Silva").values()} == {"unknown"}


def test_a_main_clause_auxiliary_makes_no_progressive(gazetteer):
    """"was detained after flying out of X and returning to Y": the "was" is the
    detention's, so Y was reached (not "was returning to Y", still under way)."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva was detained after flying out of Spain and returning to "
                            "Peru on Sunday.")
    peru = _stops(a, "Silva")["Peru"]
    assert (peru.status, peru.date) == ("confirmed", "2021-05-02")


def test_the_following_day_of_a_plan(gazetteer):
    """"The following day" (untagged) after a plan's "On Thursday": the day after that
    Thursday, still to come."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "On Thursday afternoon, Ana Silva will speak at a rally. The "
                            "following day, Silva will travel from Leeds to York.")
    assert _stops(a, "Silva")["York"].date == "2021-05-07"


def test_the_story_keeps_its_day_until_it_names_another(gazetteer):
    """An undated leg told a few sentences after the day's first one, with no other day
    named between (the same day named again is no other), is of that day."""
    text = ("Published May 3, 2021\n\nOn Wednesday, Ana Silva traveled to Lyon by train. "
            "Reporters saw her there on {}, and a car was waiting for her. The visit was kept "
            "secret. Silva later flew from Lyon to Oslo.")
    a = _analyze(gazetteer, text.format("Wednesday"))
    assert [s.place.name for s in _stops(a, "Silva").values()] == ["Lyon", "Oslo"]
    assert _stops(a, "Silva")["Oslo"].date == "2021-04-28"
    a = _analyze(gazetteer, text.format("Friday"))
    assert _stops(a, "Silva")["Oslo"].date != "2021-04-28"
    # a day of years ago is no news day the story goes on with
    a = _analyze(gazetteer, text.replace("On Wednesday", "On April 5, 1998").format(
        "April 5, 1998"))
    assert _stops(a, "Silva")["Oslo"].date is None


def test_a_hedged_clause_is_not_confirmed(gazetteer):
    """"apparently after changing planes in X": X is inferred (speculated), the stop the
    main clause tells is not."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva left Spain on Friday and then appeared in Lima on "
                            "Sunday, apparently after changing planes in Miami.")
    stops = _stops(a, "Silva")
    assert (stops["Miami"].status, stops["Lima"].status) == ("speculated", "confirmed")


def test_stops_of_a_plan_told_beside_a_past_departure(gazetteer):
    """"sailed from X on Friday, due to dock in Y after calling at ports in Z": Z is part
    of the plan, and the sailing's Friday is a past one."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "The ferry Nordlys had sailed from Bergen on Friday, due to dock in "
                            "Oslo after calling at ports in Stavanger and Kristiansand.")
    stops = _stops(a, "Nordlys")
    assert stops["Stavanger"].status == "planned"
    assert stops["Bergen"].date == "2021-04-30"


def test_a_goal_being_carried_to_is_planned_whoever_tells_it(gazetteer):
    """"officials say she was being transported to X on Monday night when she escaped": X
    was not reached; Monday is the past one."""
    a = _analyze(gazetteer, "Published May 5, 2021\n\n"
                            "Officials say Ana Silva was being transported to Lima by a private "
                            "company on Monday night when she escaped.")
    lima = _stops(a, "Silva")["Lima"]
    assert (lima.status, lima.date) == ("planned", "2021-05-03")


def test_a_storm_track_ahead_is_a_forecast(gazetteer):
    """Where a storm "will move" is speculated (a forecast), not planned."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Hurricane Ana hit Cuba on Monday. Forecasters said Ana will move "
                            "over Jamaica on Wednesday.")
    assert _stops(a, "Ana")["Jamaica"].status == "speculated"


def test_a_start_named_with_the_country_around_it_is_one_start(gazetteer):
    """"departing Britain from Stansted Airport": one start (the airport in the country),
    not two alternatives with no leg, so the flight's leg from it is drawn."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "The plane carrying Ana Silva has landed in Bangkok on its way to "
                            "Lima. Earlier, footage showed Silva departing Britain from "
                            "Stansted Airport.")
    journey = next(j for j in a.journeys if "Silva" in j.mover)
    assert [(g.origin.place.name, g.destination.place.name) for g in journey.legs] == [
        ("Stansted Airport", "Bangkok"), ("Bangkok", "Lima")]


def test_a_plans_time_of_day_is_the_days_told(gazetteer):
    """"was due to arrive in X at 06:30": the day told before (a plan of that day)."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "The plane left Oslo on Sunday. It was due to arrive in Lima at "
                            "06:30.")
    lima = _stops(a, "plane")["Lima"]
    assert (lima.status, lima.date) == ("planned", "2021-05-02")


def test_a_headline_arrival_is_the_days_news(gazetteer):
    """"X arrives in Y" in the headline, dated nowhere else: the publication day."""
    a = _analyze(gazetteer, "Ana Silva arrives in Lima for talks\n\n"
                            "Published May 3, 2021\n\n"
                            "The Chilean minister Ana Silva flew in from Santiago.")
    assert _stops(a, "Silva")["Lima"].date == "2021-05-03"


def test_a_trip_readied_or_begun_is_still_ahead(gazetteer):
    """"placed aboard a plane for the trip to X", "began her journey to Y": X and Y are not
    reached yet (planned)."""
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva arrived at Bergen airport, where she was placed aboard a "
                            "plane for the trip to Oslo.")
    assert _stops(a, "Silva")["Oslo"].status == "planned"
    a = _analyze(gazetteer, "Published May 3, 2021\n\n"
                            "Ana Silva began her journey to Oslo on Monday.")
    assert _stops(a, "Silva")["Oslo"].status == "planned"


def test_then_joins_a_leg_to_the_day_of_the_one_before(gazetteer):
    """"flew to X on Monday, then drove to Y": Y is reached that Monday too; the legs keep
    their own modes."""
    a = _analyze(gazetteer, "Published May 5, 2021\n\n"
                            "Ana Silva flew from Lima to Quito on Monday, then drove to "
                            "Otavalo.")
    stops = _stops(a, "Silva")
    assert [(s.mode, s.date) for s in stops.values()][1:] == [
        ("air", "2021-05-03"), ("road", "2021-05-03")]


def test_a_mover_dated_nowhere_takes_the_news_day(gazetteer):
    """A mover whose own sentences give no day: an arrival takes the day of the news told
    before it ("was diverted on Tuesday ... after the plane touched down in X"), and its
    place in the trip stays the text's."""
    a = _analyze(gazetteer, "Published July 3, 2013\n\n"
                            "The minister's plane was diverted on Tuesday amid a row over "
                            "airspace. Officials were furious. Ana Silva, the minister, spoke "
                            "to reporters after her plane touched down in Vienna.")
    assert _stops(a, "Silva")["Vienna"].date == "2013-07-02"


def test_a_stop_told_as_the_first_comes_before_the_tour_listed_earlier(gazetteer):
    """"is due to visit A, B and C ... He flies first to X": X is the first stop after the
    start, though the tour's list was told before it."""
    a = _analyze(gazetteer, "Published May 2, 2019\n\n"
                            "The Canadian prime minister Justin Trudeau left Ottawa on Thursday "
                            "and is due to visit Italy, Greece and Egypt. "
                            "He flies first to Portugal, stopping for talks in Lisbon, before "
                            "arriving in Italy on May 5.")
    journey = next(j for j in a.journeys if "Trudeau" in j.mover)
    names = [s.place.name for s in journey.stops]
    assert names.index("Ottawa") < names.index("Portugal") < names.index("Italy")


def test_leaving_a_citys_prison_comes_before_departing_from_its_airport(gazetteer):
    """"leaving X's prison and departing from Y airport": two starts told in order, the city
    first and then its airport, each a stop (the drive to the airport is a leg)."""
    a = _analyze(gazetteer, "Published June 25, 2024\n\n"
                            "Peter Hansen was freed on Monday. Footage showed Hansen leaving "
                            "Madrid's Soto prison on bail and departing Spain from Barajas "
                            "Airport. Hansen landed in Montreal on Tuesday.")
    names = [s.place.name for s in next(j for j in a.journeys if "Hansen" in j.mover).stops]
    assert "Madrid" in names and "Barajas Airport" in names
    assert names.index("Madrid") < names.index("Barajas Airport")


def test_an_airport_passed_before_its_city_is_a_stop_of_its_own(gazetteer):
    """"travels from X airport back to the city via Y airport": Y is passed on the way, the
    city is the end; neither is merged into the other."""
    a = _analyze(gazetteer, "Published September 11, 2022\n\n"
                            "On Tuesday, Princess Anne will accompany the coffin as it travels "
                            "from Edinburgh Airport back to London via RAF Northolt.")
    names = [s.place.name for j in a.journeys for s in j.stops]
    assert names.index("RAF Northolt") < names.index("London")


def test_a_goal_never_reached_comes_after_where_the_boat_is_adrift(gazetteer):
    """"left X on <day> for Y ... is believed to be adrift at Z": the boat is at Z now, Y
    is still its goal, so Z comes before Y though Y's sentence carries the earlier date."""
    a = _analyze(gazetteer, "Published May 12, 2021\n\n"
                            "A boat carrying 40 migrants from Libya, on its way to Italy, is "
                            "believed to be adrift in the Ionian Sea. Relatives said the boat "
                            "left Libya on May 3 for Italy.")
    names = [s.place.name for j in a.journeys for s in j.stops]
    assert names.index("Ionian Sea") < names.index("Italy")


def test_due_to_dock_after_calling_at_ports_is_the_last_planned_stop(gazetteer):
    """"had sailed from X, due to dock in Y after calling at ports in A and B": Y is the
    voyage's planned end, after A and B (the parser reads "dock" as a noun)."""
    a = _analyze(gazetteer, "Published January 14, 2012\n\n"
                            "The Aurora Star had sailed earlier on Friday from Genoa for a "
                            "Mediterranean cruise, due to dock in Barcelona after calling at "
                            "ports in Sicily and Malta.")
    stops = [s for j in a.journeys for s in j.stops]
    names = [s.place.name for s in stops]
    assert "Barcelona" in names and names.index("Barcelona") == len(names) - 1
    assert next(s for s in stops if s.place.name == "Barcelona").status == "planned"


def test_an_undated_arrival_takes_the_day_the_story_moved_on_to(gazetteer):
    """"was being driven to X on Monday night ... spotted early Tuesday morning ... was
    caught in Y": Y on the Tuesday the story moved on to, not the plan's Monday."""
    a = _analyze(gazetteer, "Published March 10, 2021\n\n"
                            "Guards say the prisoner Tom Berg was being driven to Oslo on "
                            "Monday night when he escaped from the van. Police spotted the "
                            "stolen car early Tuesday morning, but it sped off. Berg was "
                            "eventually caught in Bergen.")
    stops = _stops(a, "Berg")
    assert stops["Oslo"].date == "2021-03-08"
    assert stops["Bergen"].date == "2021-03-09"


def test_no_later_day_named_leaves_the_arrival_undated(gazetteer):
    """With no later day named after the plan's Monday, the arrival gets no day from it."""
    a = _analyze(gazetteer, "Published March 10, 2021\n\n"
                            "Guards say the prisoner Tom Berg was being driven to Oslo on "
                            "Monday night when he escaped from the van. Police spotted the "
                            "stolen car on a highway, but it sped off. Berg was eventually "
                            "caught in Bergen.")
    assert _stops(a, "Berg")["Bergen"].date is None


def test_a_stay_told_after_the_next_leg_dates_that_leg(gazetteer):
    """"took off on May 1, heading for X, where she will stay until May 3, before moving on
    to Y, from May 3 to 5" parsed right: X on the take-off's day, Y from May 3 (the rule for
    days the parser hangs on "heading" leaves a right parse alone)."""
    a = _analyze(gazetteer, "Published May 1, 2023\n\n"
                            "President Anna Berg took off from Oslo airport on May 1, 2023, "
                            "heading for Nairobi, capital of Kenya, where she will stay until "
                            "May 3, before moving on to Kampala, capital of Uganda, from May 3 "
                            "to 5.")
    stops = _stops(a, "Berg")
    assert stops["Nairobi"].date == "2023-05-01"
    assert stops["Kampala"].date == "2023-05-03"


def test_days_hung_on_an_outer_verb_go_to_the_movement_told_just_before():
    """The parser may hang "from May 3 to 5" on "heading" ("heading for X, ..., before moving
    on to Y, from May 3 to 5"): the days are the nearer movement's (Y's), not X's. The parse
    is given as the parser made it."""
    import spacy
    from spacy.tokens import Doc

    from mapper.journeys.timing import owned_times

    words = ["She", "left", "Oslo", ",", "heading", "for", "Accra", ",", "before", "moving",
             "on", "to", "Lome", ",", "from", "May", "3", "to", "5", "."]
    heads = [1, 1, 1, 1, 1, 4, 5, 4, 4, 8, 9, 9, 11, 4, 4, 14, 15, 14, 17, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "prep", "pobj", "punct", "prep",
            "pcomp", "prt", "prep", "pobj", "punct", "prep", "pobj", "nummod", "prep", "pobj",
            "punct"]
    pos = ["PRON", "VERB", "PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "ADP", "VERB",
           "ADP", "ADP", "PROPN", "PUNCT", "ADP", "PROPN", "NUM", "ADP", "NUM", "PUNCT"]
    lemmas = ["she", "leave", "Oslo", ",", "head", "for", "Accra", ",", "before", "move",
              "on", "to", "Lome", ",", "from", "May", "3", "to", "5", "."]
    ents = ["O"] * 15 + ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas, ents=ents)
    sent = doc[:]
    assert [e.text for e in owned_times(doc[4], sent)] == []
    assert [e.text for e in owned_times(doc[9], sent)] == ["May 3 to 5"]


def test_a_flight_across_midnight_lands_the_next_day(gazetteer):
    """"took off Sunday night ... at 4:10 a.m. ... was 90 miles off X" and "should have brought
    it to Y at 11:15 a.m.": after midnight, the Monday."""
    a = _analyze(gazetteer, "Published June 2, 2009\n\n"
                            "The cargo plane had taken off Sunday night from Lisbon, bound for "
                            "Oslo. The crew made its last radio call at 4:10 a.m. Oslo time. "
                            "At the time, the plane was about 90 miles north of Porto, a "
                            "course that should have brought it to Oslo at 11:15 a.m.")
    stops = _stops(a, "plane")
    assert stops["Oslo"].date == "2009-06-01"
    assert [s.date for n, s in stops.items() if "Porto" in n] == ["2009-06-01"]


def test_a_morning_after_a_day_named_without_its_night_stays_that_day(gazetteer):
    """"left on Sunday ... touched down at 4.15 am": no night told, no day added."""
    a = _analyze(gazetteer, "Published June 2, 2009\n\n"
                            "The cargo plane left Lisbon on Sunday with the orchestra on board. "
                            "The plane touched down in Oslo at 4.15 am.")
    assert _stops(a, "plane")["Oslo"].date == "2009-05-31"


def test_calls_planned_before_a_planned_arrival_come_after_the_past_stops(gazetteer):
    # "had sailed from X ..., due to dock in Y after calling at ports in Z": the calls were to
    # come before Y, after the sailing and after where the ship ran aground on the way
    text = ("Published March 3, 2019\n\nThe cruise ship Aegean Star ran aground near the island "
            "of Naxos on Friday evening. The ship had sailed earlier on Friday from Piraeus port "
            "near Athens for an Aegean cruise, due to dock in Rhodes after calling at ports in "
            "Crete and Cyprus.")
    stops = _stops(_analyze(gazetteer, text), "Aegean Star")
    assert list(stops) == ["Piraeus", "Naxos", "Crete", "Cyprus", "Rhodes"]
