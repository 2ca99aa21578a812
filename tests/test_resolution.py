"""Resolution on the real embedded gazetteer: demonyms, abbreviations, homonyms, country points."""

from __future__ import annotations

import pytest

from mapper.gazetteer import sources
from mapper.gazetteer.local import is_local_name
from mapper.geodesy import distance_km
from mapper.geoparse import Geoparser
from mapper.model import Article, Mention
from mapper.resolve import Resolver


@pytest.fixture(scope="module")
def geoparser(gazetteer):
    return Geoparser("gazetteer", gazetteer=gazetteer)


def _resolve(geoparser, text: str, names: list[str]):
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return geoparser.resolve(text, spans)


def test_demonym_span_resolves_to_its_country(geoparser):
    (russian, british) = _resolve(geoparser, "Russian troops met British diplomats.",
                                  ["Russian", "British"])
    assert russian.geonameid == 2017370  # Russia
    assert british.geonameid == 2635167  # United Kingdom


def test_continent_demonym_resolves_to_the_continent(geoparser):
    (european,) = _resolve(geoparser, "European leaders met on Monday.", ["European"])
    assert european.geonameid == 6255148  # Europe


@pytest.mark.parametrize("name", ["US", "USA", "U.S."])
def test_us_is_the_united_states_not_a_french_village(geoparser, name):
    (us,) = _resolve(geoparser, f"The {name} said it would act.", [name])
    assert us.geonameid == 6252001


def test_eu_is_not_the_french_town_eu(geoparser):
    (eu,) = _resolve(geoparser, "The EU imposed sanctions.", ["EU"])
    assert eu.geonameid != 3019329  # Eu, Normandy
    assert eu.geonameid == 6255148


def test_state_abbreviation_qualifies_the_city(geoparser):
    springfield, ill = _resolve(geoparser, "He was born in Springfield, Ill., in 1950.",
                                ["Springfield", "Ill."])
    assert ill.geonameid == 4896861  # Illinois
    assert springfield.geonameid == 4250542  # Springfield, Illinois


@pytest.mark.parametrize("abbreviation,state", [("W.Va.", 4826850), ("S.C.", 4597040),
                                                ("D.C.", 4138106)])
def test_state_abbreviations(geoparser, abbreviation, state):
    (span,) = _resolve(geoparser, f"The plant in {abbreviation} closed.", [abbreviation])
    assert span.geonameid == state


def test_georgia_is_the_us_state_in_an_american_story(geoparser):
    text = "Police in Atlanta and Savannah said Georgia would change its law."
    *_, georgia = _resolve(geoparser, text, ["Atlanta", "Savannah", "Georgia"])
    assert georgia.geonameid == 4197000  # Georgia, US state


def test_georgia_is_the_country_beside_russia(geoparser):
    text = "Russia sent troops into Georgia after fighting near Tbilisi."
    _, georgia, _ = _resolve(geoparser, text, ["Russia", "Georgia", "Tbilisi"])
    assert georgia.geonameid == 614540  # Georgia, the country


def test_a_capital_beats_a_hamlet_of_the_same_name_in_an_american_story(geoparser):
    text = "The secretary flew from Washington to Brussels for the NATO meeting."
    _, brussels = _resolve(geoparser, text, ["Washington", "Brussels"])
    assert brussels.geonameid == 2800866  # Brussels, Belgium


def test_country_points_are_near_the_country_centre(gazetteer):
    # GeoNames' country points (Russia 60N 100E, United States 39.76N 98.5W), not a label point
    assert distance_km(_point(gazetteer.country("RU")), (60.0, 100.0)) < 200
    assert distance_km(_point(gazetteer.country("US")), (39.76, -98.5)) < 200
    assert distance_km(_point(gazetteer.country("CN")), (35.0, 105.0)) < 200


def test_every_alias_row_names_an_entry(gazetteer):
    for kind in ("name", "demonym"):
        for alias, key in sources.aliases(kind).items():
            assert gazetteer.by_key(key) is not None, alias
    for abbreviation, (name, gid) in sources.us_state_abbreviations().items():
        entry = gazetteer.by_geonameid(gid)
        assert entry is not None and entry.name == name, abbreviation


@pytest.mark.parametrize("text,name,gid", [
    ("Aides said at the White House on Monday that talks would go on.", "White House", 4140963),
    ("Flights out of Heathrow were cancelled by the fog.", "Heathrow", 2643743),
    ("Her plane landed at Schiphol after midnight.", "Schiphol", 2759794),
])
def test_airports_and_landmarks_stand_for_their_city(geoparser, text, name, gid):
    """Washington, not Casablanca (a translated name in GeoNames); London, not Heathrow,
    Florida; Amsterdam for an airport the installed data has no entry for."""
    (span,) = _resolve(geoparser, text, [name])
    assert span is not None and span.geonameid == gid


def test_arabic_town_found_without_its_article(gazetteer):
    """GeoNames writes "Al Qāmishlī" and "Al Kharj"; news writes "Qamishli" and "Kharj". An
    "El" in a Spanish name is left alone."""
    assert [(c.name, c.country_code) for c in gazetteer.candidates("Qamishli")][:1] == [
        ("Al Qāmishlī", "SY")]
    assert "SA" in {c.country_code for c in gazetteer.candidates("Kharj")}
    assert sources.without_article("El Paso") == "Paso"  # the rule itself is plain ...
    assert "US" not in {c.country_code for c in gazetteer.candidates("Paso")}  # ... but scoped


@pytest.mark.parametrize("text,names,gid", [
    # a village near Rome that GeoNames also calls Cairo does not beat Egypt's capital
    ("Pope Francis arrives in Cairo on Friday, the Vatican said. He flew from Rome.",
     ["Cairo", "Vatican", "Rome"], 360630),
    # the oblast lists "Moscow" among its names; the city bears it as its own
    ("Xi arrived in Moscow on Monday. He last visited Russia in 2013 and will go on to Berlin "
     "and Paris.", ["Moscow", "Russia", "Berlin", "Paris"], 524901),
])
def test_a_major_city_named_so_beats_a_place_only_aliased_so(geoparser, text, names, gid):
    span = _resolve(geoparser, text, names)[0]
    assert span is not None and span.geonameid == gid


def test_same_name_qualified_differently_is_two_places(geoparser, gazetteer):
    """One sense per discourse, unless the text says otherwise: "Toledo, Ohio" and "Toledo,
    Spain" are two cities; a bare "Toledo" after the second is the Spanish one."""
    text = ("The mayor of Toledo, Ohio, visited Toledo, Spain, last week. "
            "In Toledo he toured the cathedral.")
    spans = _resolve(geoparser, text, ["Toledo", "Ohio", "Toledo", "Spain", "Toledo"])
    ohio, spain, bare = (gazetteer.by_geonameid(s.geonameid) for s in spans if s.text == "Toledo")
    assert ohio.geonameid == 5174035  # Toledo, Ohio
    assert spain.country_code == "ES" and bare.key == spain.key


@pytest.mark.parametrize("text,names,gid", [
    ("The senator flew from Chicago to Paris on Monday for the climate summit.",
     ["Chicago", "Paris"], 2988507),  # Paris, France; not Paris, Illinois, near Chicago
    ("Secretary Rice flew from Washington to Damascus on Monday for talks with Syrian leaders.",
     ["Washington", "Damascus", "Syrian"], 170654),  # not Damascus, Maryland
    ("The minister flew from Bogota to Madrid on Monday.", ["Bogota", "Madrid"],
     3117735),  # Spain's capital, not Madrid, Colombia, 30 km from Bogota
])
def test_a_place_flown_to_is_the_major_city_not_a_small_namesake_nearby(geoparser, text,
                                                                        names, gid):
    spans = _resolve(geoparser, text, names)
    assert spans[1] is not None and spans[1].geonameid == gid


def test_a_town_chosen_only_for_an_unchosen_neighbour_gives_way(geoparser, gazetteer):
    """Geneva and Vienna, New York, lie side by side; but the Vienna chosen is Austria's, so
    nothing chosen supports Geneva, New York, and the Swiss city is the Geneva."""
    text = ("The delegation will first travel to Geneva and then to Vienna, where talks are due "
            "to resume on Monday.")
    geneva, vienna = _resolve(geoparser, text, ["Geneva", "Vienna"])
    assert gazetteer.by_geonameid(vienna.geonameid).country_code == "AT"
    assert gazetteer.by_geonameid(geneva.geonameid).country_code == "CH"


def test_in_and_a_country_after_a_name_qualifies_it(geoparser, gazetteer):
    """"Tripoli in northern Lebanon" is Lebanon's Tripoli, as "Tripoli, Lebanon" would be."""
    text = "Clashes broke out in Tripoli in northern Lebanon on Monday."
    tripoli, _ = _resolve(geoparser, text, ["Tripoli", "Lebanon"])
    assert gazetteer.by_geonameid(tripoli.geonameid).country_code == "LB"


def _point(entry):
    assert entry is not None
    return entry.lat, entry.lon


@pytest.mark.parametrize("text,name,gid", [
    ("Students at Colorado State University protested.", "Colorado State University", 5417618),
    ("The Bank of Mexico raised rates.", "Bank of Mexico", 3996063),  # Mexico
    ("Deputies in Loudon Co. closed the road.", "Loudon Co.", 4638283),  # Loudon County, TN
    ("Flooding hit Oaxaca State on Monday.", "Oaxaca State", 3522509),  # the state, not the city
    ("The European Central Bank met.", "European Central Bank", 6255148),  # Europe
])
def test_an_unknown_name_resolves_through_the_place_it_contains(geoparser, text, name, gid):
    (span,) = _resolve(geoparser, text, [name])
    assert span is not None and span.geonameid == gid


@pytest.mark.parametrize("text,name", [
    ("Police closed Royal Street in the old town.", "Royal Street"),
    ("He moved to Meadow Grove last year.", "Meadow Grove"),  # not the English town Grove
    ("The fleet sailed into Pearl Harbor at dawn.", "Pearl Harbor"),  # not Pearl, Mississippi
])
def test_a_generic_or_small_part_does_not_stand_for_the_name(geoparser, text, name):
    assert _resolve(geoparser, text, [name]) == [None]


@pytest.mark.parametrize("name,gid", [("Ohioans", 5165418), ("Minnesotan", 5037779),
                                      ("Ontarians", 6093943), ("Abkhaz", 6643410),
                                      ("Dagestani", 567293), ("Calif", 5332921)])
def test_subdivision_demonyms_and_undotted_abbreviations(geoparser, name, gid):
    (span,) = _resolve(geoparser, f"Many {name} voters stayed home.", [name])
    assert span is not None and span.geonameid == gid


def test_a_region_that_is_mostly_its_city_is_the_city(geoparser):
    (moscow,) = _resolve(geoparser, "The president spoke in Moscow on Monday.", ["Moscow"])
    assert moscow.geonameid == 524901  # the city, not the federal subject Moskva


def test_a_state_named_like_its_big_city_stays_a_candidate(geoparser):
    text = "The governor of New York spoke in Albany, Buffalo and Rochester."
    new_york, *_ = _resolve(geoparser, text, ["New York", "Albany", "Buffalo", "Rochester"])
    assert new_york.geonameid == 5128638  # New York State: the others are upstate


@pytest.mark.parametrize("name", ["Latin America", "Central American"])
def test_a_short_form_inside_a_compound_name_is_not_that_place(geoparser, name):
    (span,) = _resolve(geoparser, f"Migrants from {name} countries arrived.", [name])
    assert span is None or span.geonameid != 6252001  # not the United States ("America")


def test_a_wide_subdivision_is_placed_at_the_middle_of_its_settlements():
    # mean of the points when they are close together
    assert sources.subdivision_point([(10.0, 20.0, 1), (10.2, 20.4, 1), (10.1, 20.2, 5)]) == \
        pytest.approx((10.1, 20.2))
    # the middle of their extent when they span more than WIDE_KM: not the crowded south
    south = [(42.0 + i * 0.01, -80.0, 1000) for i in range(50)]
    lat, lon = sources.subdivision_point([*south, (56.0, -90.0, 10)])
    assert lat == pytest.approx(49.0) and lon == pytest.approx(-85.0)
    # across the 180th meridian the middle stays on the settlements' side of the globe
    lat, lon = sources.subdivision_point([(60.0, 170.0, 1), (70.0, -170.0, 1)])
    assert lat == pytest.approx(65.0) and abs(lon) == pytest.approx(180.0)


def test_ontario_point_is_not_at_its_southern_cities(gazetteer):
    ontario = gazetteer.by_geonameid(6093943)
    assert ontario is not None and ontario.lat > 47.0  # Toronto is at 43.7 N


@pytest.mark.parametrize("text,name", [
    ("Russian troops entered South Ossetia on Friday.", "South Ossetia"),
    ("South Ossetian militias shelled the villages.", "South Ossetian"),
])
def test_south_ossetia_and_its_demonym_resolve_to_the_region(geoparser, text, name):
    (span,) = _resolve(geoparser, text, [name])
    assert span is not None
    assert distance_km((span.lat, span.lon), (42.23, 43.97)) < 100  # Tskhinvali, its capital


@pytest.mark.parametrize("name,near", [("Kurdish", (37.0, 43.5)), ("Sinhalese", (7.6, 80.7))])
def test_region_and_ethnic_demonyms(geoparser, name, near):
    (span,) = _resolve(geoparser, f"The {name} parties won the vote.", [name])
    assert span is not None and distance_km((span.lat, span.lon), near) < 300


def test_latin_america_is_placed_at_south_america(geoparser):
    (span,) = _resolve(geoparser, "Growth slowed across Latin America this year.",
                       ["Latin America"])
    assert span is not None and span.geonameid == 6255150


@pytest.mark.parametrize("name,text", [
    ("Atlantic", "The storm formed over the Atlantic on Monday."),
    ("Pacific", "The storm formed over the Pacific on Monday."),
    ("Pacific", "Russia wants a greater role in the Asian-Pacific region."),  # region: the ocean's
])
def test_a_one_word_ocean_name_is_the_ocean_not_a_town(geoparser, name, text):
    (span,) = _resolve(geoparser, text, [name])
    assert span is not None and span.geonameid is None  # the ocean (features.csv), no town
    assert abs(span.lat) < 30


def test_a_qualified_ocean_name_is_the_town(geoparser):
    text = "The fair opened in Atlantic, Iowa, on Monday."
    atlantic, _ = _resolve(geoparser, text, ["Atlantic", "Iowa"])
    assert atlantic is not None and atlantic.geonameid == 4847385  # Atlantic, Iowa


@pytest.mark.parametrize("name,gid", [("English", 6269131), ("Scottish", 2638360),
                                      ("Welsh", 2634895)])
def test_english_scottish_welsh_name_the_constituent_country(geoparser, name, gid):
    (span,) = _resolve(geoparser, f"The {name} city council met on Monday.", [name])
    assert span is not None and span.geonameid == gid


def test_arab_is_the_arab_world_not_the_alabama_town(geoparser):
    (span,) = _resolve(geoparser, "Arab leaders met in Cairo.", ["Arab"])
    assert span is not None and span.geonameid != 4830455  # Arab, Alabama
    assert distance_km((span.lat, span.lon), (30.04, 31.24)) < 1500  # Cairo


@pytest.mark.parametrize("text", [
    "Students from Parkland, Florida, marched on Saturday.",
    "Students rally in Parkland, Florida The rally drew thousands.",  # headline ran into text
])
def test_a_qualifier_in_the_text_counts_when_only_the_town_is_marked(geoparser, text):
    # in resolve mode the qualifier is a span of its own; the resolver still reads it
    (parkland,) = _resolve(geoparser, text, ["Parkland"])
    assert parkland is not None and parkland.geonameid == 4167829  # Parkland, Florida


@pytest.mark.parametrize("text,name,near", [
    ("Farmers want water from the Cauvery for their crops.", "Cauvery", (11.8, 77.8)),
    ("Shelling hit Eastern Ghouta near Damascus.", "Eastern Ghouta", (33.5, 36.3)),
    ("Tourists flew to Oahu for the week.", "Oahu", (21.3, -157.9)),
])
def test_authored_features_resolve(geoparser, text, name, near):
    (span,) = _resolve(geoparser, text, [name])
    assert span is not None and distance_km((span.lat, span.lon), near) < 100


@pytest.mark.parametrize("text,names,state", [
    ("Police in Alexandria said the driver, from Douglas County, was taken to the hospital "
     "in St. Cloud.", ["Alexandria", "Douglas County", "St. Cloud"], "Minnesota"),
    ("The Athens City Council met in Henderson County; Tyler and Dallas officials came.",
     ["Athens", "Henderson County", "Tyler", "Dallas"], "Texas"),
    ("A Richmond man was arrested in Madison County near Berea and Lexington.",
     ["Richmond", "Madison County", "Berea", "Lexington"], "Kentucky"),
])
def test_ambiguous_local_names_resolve_into_the_state_they_share(geoparser, gazetteer, text,
                                                                 names, state):
    # no name is unambiguous, but only one state holds them all
    for span in _resolve(geoparser, text, names):
        entry = gazetteer.by_geonameid(span.geonameid)
        assert entry.country_code == "US" and entry.admin1 == state, span.text


def test_a_street_is_placed_at_the_town_named_after_it(geoparser, gazetteer):
    text = "The parade went down Royal Street in New Orleans."
    street, town = _resolve(geoparser, text, ["Royal Street", "New Orleans"])
    assert town is not None and street is not None
    assert street.geonameid is None
    assert distance_km((street.lat, street.lon), (29.95, -90.07)) < 20


def test_a_local_place_is_a_synthetic_entry_saying_where_it_was_placed(gazetteer):
    text = "The parade went down Royal Street in New Orleans."
    names = ["Royal Street", "New Orleans"]
    mentions = [Mention(n, text.index(n), text.index(n) + len(n), text, "FAC") for n in names]
    result = Resolver(gazetteer).resolve(Article(text, "-", "t"), mentions)
    street = next(p for p in result.places if p.name == "Royal Street")
    assert street.entry.feature == "local" and street.entry.geonameid is None
    assert street.entry.key.startswith("local:") and street.entry.key.endswith(":royal street")
    assert street.entry.source == "placed at New Orleans: not in the gazetteer"
    assert not result.warnings


def test_a_street_in_a_story_without_a_town_stays_unresolved(geoparser):
    text = "Police closed Third Street on Tuesday after a water main broke."
    assert _resolve(geoparser, text, ["Third Street"]) == [None]


@pytest.mark.parametrize("text, names, town", [
    # the town named before it in the paragraph
    ("Officials in Dayton met on Monday.\n\nLater, crews closed Main Street and City Hall.",
     ["Dayton", "Main Street", "City Hall"], (39.76, -84.19)),
    # a state after the comma is no town: the story's town
    ("She studied at Cyber Tech Career College, Florida, and now works in Orlando.",
     ["Cyber Tech Career College", "Florida", "Orlando"], (28.54, -81.38)),
    # a numbered road; the dateline's town over a later one
    ("TAMPA, Fla. - A crash closed Highway 19 on Friday. Drivers from Orlando were delayed.",
     ["TAMPA", "Fla.", "Highway 19", "Orlando"], (27.95, -82.46)),
])
def test_local_features_are_placed_at_the_town_the_text_puts_them_in(geoparser, text, names,
                                                                      town):
    out = _resolve(geoparser, text, names)
    local = [r for r, n in zip(out, names) if n in ("Main Street", "City Hall", "Highway 19",
                                                     "Cyber Tech Career College")]
    assert local and all(r is not None and r.geonameid is None for r in local)
    assert all(distance_km((r.lat, r.lon), town) < 20 for r in local)


@pytest.mark.parametrize("name, local", [
    ("Royal Street", True), ("Highway 19", True), ("I-95", True), ("Barclays Center", True),
    ("MetroHealth Medical Center", True), ("Patriot High", True), ("Bourbon Street", True),
    ("Meadow Grove", False), ("Zamalek", False), ("Street", False), ("the north", False),
])
def test_a_local_feature_is_known_by_its_form(name, local):
    assert is_local_name(name) is local


def test_names_in_a_list_of_streets_are_streets_of_the_story_town(gazetteer):
    """"between Adams and Lincoln Avenues" names two avenues: placed at the town the story
    names, never at Lincoln (Nebraska); a street named after them is not put at such a town."""
    from mapper.pipeline import analyze
    from mapper.read import article_from_text

    text = ("Mourners queued in Washington on Monday. They waited between Adams and Lincoln "
            "Avenues, or on East Market Street.")
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    entries = {m.text: p.entry for p in a.places for m in p.mentions}
    town = entries["Washington"]
    assert town.country_code == "US" and town.admin1 == "District of Columbia"
    for name, street in (("Lincoln", "lincoln avenue"), ("Adams", "adams avenue"),
                         ("East Market Street", "east market street")):
        assert entries[name].key == f"local:{town.key}:{street}", (name, entries[name])
    assert entries["Lincoln"].name == "Lincoln Avenue" and entries["Lincoln"].feature == "local"
