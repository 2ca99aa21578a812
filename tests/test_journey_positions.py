"""Positions told relative to a place: an offset ("N miles northeast of X") and a compass part
of a wide area ("western X"), on short authored texts."""

from __future__ import annotations

from mapper.geodesy import distance_km
from mapper.journeys.positions import offset_of, part_of
from mapper.read import article_from_text


def _analyze(gazetteer, text):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)


def _journey(analysis, mover):
    return next(j for j in analysis.journeys if mover in j.mover)


def test_offset_phrase_gives_direction_and_distance():
    text = "the ship was about 120 miles south-west of the port city of Brest"
    azimuth, km = offset_of(text, text.index("Brest"))
    assert azimuth == 225.0 and round(km) == 193
    text = "it was located 40 km east northeast of Nice"
    assert offset_of(text, text.index("Nice")) == (67.5, 40.0)
    assert offset_of("it sailed to Nice", 13) is None


def test_compass_part_of_an_area():
    text = "The balloon passed over Northern Brazil and Tasmania's north-east."
    assert part_of(text, text.index("Brazil"), text.index("Brazil") + 6) == (
        "north", "Northern Brazil")
    start = text.index("Tasmania")
    assert part_of(text, start, start + 8) == ("northeast", "")
    assert part_of("flew to Brazil", 8, 14) is None


def test_a_storm_located_off_a_city_is_at_the_offset_point(gazetteer):
    a = _analyze(gazetteer, "Hurricane Lumen struck Guadeloupe on Monday. On Tuesday it was "
                            "located 100 miles north of San Juan, Puerto Rico.")
    stops = _journey(a, "Lumen").stops
    assert [s.place.entry.feature for s in stops][-1] == "point"
    last = stops[-1].place
    san_juan = next(p for p in a.places if p.name == "San Juan")
    assert abs(distance_km((last.lat, last.lon), (san_juan.lat, san_juan.lon)) - 161) < 2
    assert last.lat > san_juan.lat  # north of it
    assert last in a.places  # the point is one of the analysis' places


def test_a_plane_told_where_it_was_is_there(gazetteer):
    a = _analyze(gazetteer, "The airliner took off from Lisbon on Sunday. Two hours later the "
                            "airliner was 200 km west of the Spanish city of Vigo.")
    stops = _journey(a, "airliner").stops
    assert stops[0].place.name == "Lisbon"
    assert stops[-1].place.lon < -9.5 and stops[-1].status == "confirmed"


def test_where_a_thing_always_lies_is_no_stop(gazetteer):
    a = _analyze(gazetteer, "The ferry left Naples on Monday. The islands are 300 km south of "
                            "Naples.")
    assert all(s.place.entry.feature != "point" for j in a.journeys for s in j.stops)


def test_a_part_of_a_country_is_that_part(gazetteer):
    a = _analyze(gazetteer, "The weather balloon drifted over Eastern Canada on Monday and "
                            "then crossed into Maine.")
    stops = {s.place.name: s.place for s in _journey(a, "balloon").stops}
    canada = gazetteer.country("CA")
    assert stops["Eastern Canada"].lon > canada.lon + 10
    # a place of its own keeps its own point
    a = _analyze(gazetteer, "The cargo plane flew from Singapore to Western Australia.")
    assert "Western Australia" in [s.place.entry.name for s in _journey(a, "plane").stops]


def test_a_towns_institution_stands_in_that_town(gazetteer):
    """"left Chicago's Cook County jail": the jail stands in Chicago; a country's embassy is
    no stop in that country."""
    a = _analyze(gazetteer, "The activist John Miller left Chicago's Cook County jail on Monday "
                            "and flew to Denver. Later he went to China's embassy in Rome.")
    names = [s.place.name for s in _journey(a, "Miller").stops]
    assert names[:2] == ["Chicago", "Denver"]
    assert "China" not in names


def test_a_state_holds_its_own_towns_not_a_neighbours_inside_its_box(gazetteer):
    """Idaho's outline box reaches into Montana: a Montana base is not in Idaho."""
    from mapper.journeys.assembly import contains
    from mapper.model import Place

    def place(name, feature):
        entry = next(c for c in gazetteer.candidates(name) if c.feature == feature and
                     c.country_code == "US")
        return Place(entry.key, name, entry, ())

    idaho = place("Idaho", "admin1")
    base = place("Malmstrom Air Force Base", "city")
    assert base.entry.bbox is None and idaho.entry.bbox[2] > base.lon  # inside the box
    assert not contains(idaho, base)
    assert contains(idaho, place("Boise", "city"))
    assert contains(place("Montana", "admin1"), base)


def test_a_vessel_adrift_somewhere_is_there(gazetteer):
    a = _analyze(gazetteer, "The fishing boat left Galle on Monday. The boat is now believed to "
                            "be adrift in the Laccadive Sea.")
    stops = _journey(a, "boat").stops
    assert [s.place.name for s in stops] == ["Galle", "Laccadive Sea"]
    assert stops[-1].status in ("speculated", "reported")
    # a plan, not a vessel's state, is no stop
    a = _analyze(gazetteer, "The fishing boat left Galle on Monday. The talks are adrift in "
                            "Colombo.")
    assert "Colombo" not in [s.place.name for j in a.journeys for s in j.stops]


def test_two_names_run_together_are_one_name():
    """"the Villa Nova Rosa residence" read as the towns "Villa Nova" and "Rosa": one name
    of neither; "Rome, Italy" and "the capital Rome" are not such runs."""
    from types import SimpleNamespace

    from mapper.journeys.frames import run_of_names

    text = "left the Villa Nova Rosa residence for Rome, Italy and the capital Lima"
    spans = {w: (text.index(w), text.index(w) + len(w))
             for w in ("Villa Nova", "Rosa", "Rome", "Italy", "capital", "Lima")}
    labels = {"capital": "IMPLIED"}
    ctx = SimpleNamespace(article=SimpleNamespace(text=text), span_index=None, by_span=[
        (*spans[w], None, labels.get(w, "GPE")) for w in spans])
    assert run_of_names(ctx, spans["Villa Nova"]) and run_of_names(ctx, spans["Rosa"])
    assert not run_of_names(ctx, spans["Rome"]) and not run_of_names(ctx, spans["Italy"])
    assert not run_of_names(ctx, spans["Lima"])


def test_a_strait_crossed_is_on_the_route_an_ocean_is_not(gazetteer):
    a = _analyze(gazetteer, "The ferry left Dover on Sunday and crossed the English Channel.")
    assert [s.place.name for s in _journey(a, "ferry").stops] == ["Dover", "English Channel"]
    a = _analyze(gazetteer, "The yacht left Lisbon in May, crossed the Atlantic Ocean and "
                            "reached Barbados in June.")
    assert "Atlantic Ocean" not in [s.place.name for s in _journey(a, "yacht").stops]


def test_a_part_of_a_country_across_the_antimeridian(gazetteer):
    """The US outline reaches past 180° (the Aleutians): its west is the western states."""
    from types import SimpleNamespace

    from mapper.journeys.positions import part_point

    ctx = SimpleNamespace(gazetteer=gazetteer)
    lat, lon = part_point(ctx, gazetteer.country("US"), "west")
    assert 30 < lat < 50 and -125 < lon < -100
    lat, lon = part_point(ctx, gazetteer.country("US"), "east")
    assert 30 < lat < 45 and -95 < lon < -70  # not the Aleutians past 180°
    lat, lon = part_point(ctx, gazetteer.country("RU"), "west")
    assert 30 < lon < 80  # European Russia, not Chukotka


def test_a_planned_flight_path_over_countries_is_no_stop(gazetteer):
    a = _analyze(gazetteer, "The cargo plane left Rome on Monday. The plane will fly over "
                            "Tunisia, Niger and Chad before landing in Kinshasa.")
    names = [s.place.name for j in a.journeys for s in j.stops]
    assert "Kinshasa" in names and not {"Tunisia", "Niger", "Chad"} & set(names)
    # an overflight told as done is the track the mover took
    a = _analyze(gazetteer, "The weather balloon left Norway on Monday and flew over Sweden "
                            "and Finland.")
    assert [s.place.name for s in _journey(a, "balloon").stops] == ["Norway", "Sweden",
                                                                     "Finland"]


def test_a_vessel_that_ran_aground_or_struck_a_reef_was_there(gazetteer):
    # "ran aground off X", "struck a reef near Y", a strike inside "ran aground after ...",
    # and a subject the parser reads as an apposition of an earlier noun
    for text in ("The cargo ship left Durban on Monday. The ship ran aground off Madagascar.",
                 "The cargo ship left Durban on Monday. It struck a reef near Madagascar.",
                 "The cargo ship left Durban on Monday and ran aground after hitting a sandbar "
                 "near the island of Madagascar."):
        stops = _journey(_analyze(gazetteer, text), "ship").stops
        assert [s.place.name for s in stops] == ["Durban", "Madagascar"], text
        assert stops[-1].status == "confirmed"
    # no grounding without the hazard or with a negation
    for text in ("The cargo ship left Durban on Monday. The ship hit the headlines in Madagascar.",
                 "The cargo ship left Durban on Monday. It did not hit rocks near Madagascar."):
        a = _analyze(gazetteer, text)
        assert "Madagascar" not in [s.place.name for j in a.journeys for s in j.stops], text


def test_a_craft_that_crashed_or_was_shot_down_was_there(gazetteer):
    for text, craft, place in (
            ("The plane left Paris on Monday and crashed near Lyon.", "plane", "Lyon"),
            ("The airliner took off from Amsterdam and was shot down over Ukraine.", "airliner",
             "Ukraine"),
            ("The trawler left Hull and was wrecked off the coast of Norway.", "trawler",
             "the coast of Norway")):  # a point on Norway's coast (journeys/coasts.py)
        stops = _journey(_analyze(gazetteer, text), craft).stops
        assert stops[-1].place.name == place and stops[-1].status == "confirmed", text
    # a crash of prices or a car driven into something moves nobody there
    for text in ("Stocks crashed in Tokyo on Monday.", "The driver crashed the car in Leeds."):
        assert not _analyze(gazetteer, text).journeys, text
