"""Extractor rules on real gazetteer data: the name index, embedded names, people, counties."""

from __future__ import annotations

import pytest

from mapper.extractors.gazetteer_match import GazetteerExtractor
from mapper.extractors.names import fold, name_index
from mapper.gazetteer.base import normalize
from mapper.gazetteer.embedded import default_gazetteer
from mapper.geoparse import Geoparser
from mapper.model import Article


@pytest.fixture(scope="module")
def extractor():
    return GazetteerExtractor(default_gazetteer())


def _found(extractor, text):
    return [m.text for m in extractor.extract(Article(text=text, source="t", stem="t"))]


def test_fold_matches_normalize():
    for name in ("Paris", "New  York", "Ulan-Ude", "St. Louis", "Côte d’Ivoire", "U.S.",
                 "Mount Pleasant", "Saint Paul", "Fort Worth", "Fortaleza"):
        assert fold(name) == normalize(name)
    # the long and the short spelling of saint, mount and fort fold alike
    assert fold("Mount Pleasant") == fold("Mt. Pleasant") and fold("Fortaleza") == "fortaleza"


def test_short_spelling_finds_every_namesake():
    """GeoNames records "Mt. Pleasant" as a name of only some Mount Pleasants; the short
    spelling must reach them all (Mount Pleasant, Iowa, among them)."""
    short = default_gazetteer().candidates("Mt. Pleasant")
    assert {(c.name, c.admin1) for c in short} == {
        (c.name, c.admin1) for c in default_gazetteer().candidates("Mount Pleasant")}
    assert ("Mount Pleasant", "Iowa") in {(c.name, c.admin1) for c in short}


def test_name_index_agrees_with_gazetteer():
    index = name_index(default_gazetteer())
    assert index is not None and len(index) > 50_000
    assert index.is_strong("france", 10**9)  # a country is strong at any threshold
    assert index.is_strong("laurel county", 10**9)  # "X County" second-level subdivision
    assert not index.is_strong("laurel", 10**6)  # the bare town name is not
    assert "red sea" in index.features


def test_county_and_embedded_state_and_surname(extractor):
    text = ("Deputies in Laurel County said the Texas Department of Health was told. "
            "Roy Jones, a pastor, spoke. Jones said I've seen it in Jan. in North Texas.")
    found = _found(extractor, text)
    assert "Laurel County" in found
    assert found.count("Texas") == 2  # inside an organisation's name and after a direction
    assert "Jones" not in found and "I've" not in found and "Jan" not in found


def test_demonyms_are_scored_spans():
    spans = Geoparser("gazetteer").parse("Russian troops entered Georgia, the Kremlin said.")
    texts = {s.text for s in spans}
    assert "Russian" in texts and "Georgia" in texts


def test_possessive_names_end_before_the_possessive(extractor):
    text = ("Georgia's assisted suicide law was cited at Dublin’s parade. "
            "It's late, and the St. Mary's County clerk agreed.")
    mentions = extractor.extract(Article(text=text, source="t", stem="t"))
    spans = {(m.text, text[m.start:m.end]) for m in mentions}
    assert ("Georgia", "Georgia") in spans and ("Dublin", "Dublin") in spans
    assert any(m.text.startswith("St. Mary") for m in mentions)  # the inner possessive stays
    assert not any(m.text == "It" for m in mentions)


@pytest.fixture(scope="module")
def spacy_extractor():
    return Geoparser("spacy").extractor


def _spacy_found(extractor, text):
    return [m.text for m in extractor.extract(Article(text=text, source="t", stem="t"))]


def test_spacy_places_inside_organisation_names(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "The figures came from the Ohio Department of Health on Friday. A spokesman for the "
        "National Association of Texas Farmers disagreed. It began at First Baptist Church."))
    assert "Ohio" in found  # leading an organisation's name, after "the"
    assert "Texas" in found  # after "of" inside one
    assert "First" not in found  # a number word is not a town


def test_age_and_town_after_a_name_spacy_did_not_take_for_a_person(spacy_extractor):
    """Under a headline spaCy reads "Ellie Smith" as no entity and "Bristol" as an
    organisation; ", 16, of" still says a person's home town follows."""
    text = ("Teen walks 300 miles for charity\n\nEllie Smith, 16, of Bristol, finished her "
            "300-mile walk to London on Sunday.")
    article = Article(text=text, source="t", stem="t", title="Teen walks 300 miles for charity")
    found = [m.text for m in spacy_extractor.extract(article)]
    assert "Bristol" in found and "London" in found


def test_the_planet_is_not_earth_texas(spacy_extractor, extractor):
    text = "The crew will return to Earth on Friday, the agency said in Moscow."
    for found in (_spacy_found(spacy_extractor, text), _found(extractor, text)):
        assert "Earth" not in found and "Moscow" in found


def test_first_word_of_a_name_ner_missed_is_not_a_town(spacy_extractor):
    """"Dalai" (a town of 93,000 in China) in "the Dalai Lama" is part of a title; a large
    place before a word it names stays ("Mauritius" in "Mauritius Commercial Bank")."""
    found = _spacy_found(spacy_extractor, "The Dalai Lama flew from Dharamsala to Delhi.")
    assert "Dalai" not in found and {"Dharamsala", "Delhi"} <= set(found)
    found = _spacy_found(spacy_extractor, "He banked with Mauritius Commercial Bank in Paris.")
    assert "Mauritius" in found


def test_a_town_tagged_as_a_work_of_art_after_from_is_a_place(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "The 12th stage of the Tour de France took riders 180 kilometres from Grenoble to "
        "Briancon on Wednesday."))
    assert {"Grenoble", "Briancon"} <= set(found)  # spaCy calls Grenoble a WORK_OF_ART


def test_spacy_direction_prefix_and_local_news_conventions(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "Schools in Northeast Georgia are reviewing the policy. "
        "The driver, Jane Miller, 34, of Jeannette, was taken to hospital. "
        "Rep. John Smith, D-Braxton, sponsored the bill. "
        "The council met on Monday. CROMWELL — The first selectman resigned."))
    assert "Georgia" in found and "Northeast Georgia" not in found
    assert "Jeannette" in found  # "NAME, AGE, of TOWN": a town of 9,000
    assert "Braxton" in found  # a legislator's party and home town
    assert "CROMWELL" in found  # a dateline in capitals mid-text


def test_spacy_common_words_and_facility_heads_are_not_towns(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "The meeting is at City Hall on Broad Street. Coach Mike Moore said the team won. "
        "Moore said it again."))
    assert "Hall" not in found  # the head word of a facility's name
    assert "Moore" not in found  # a person's surname elsewhere in the story


def test_spacy_county_lists_and_colon_datelines(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "Water covers roads in Becker, Clay and Otter Tail counties. "
        "Floods hit farms. BEIRUT: The body of a man was found on Saturday."))
    assert {"Becker", "Clay", "Otter Tail"} <= set(found)  # "X, Y and Z counties"
    assert "BEIRUT" in found  # a dateline in capitals, ended by a colon


def test_spacy_towns_before_local_government_words(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "The Roselle police ticketed two drivers on Sunday. Frankston Fire Chief Bob Lee said "
        "the blaze was out by noon. A Pewaukee man was charged with theft. The Edwardsville "
        "City Council voted 5-2. Students at Parkers Prairie High School won."))
    # towns of 1,000 to 25,000 people, found by the word after them, whatever spaCy tagged
    assert {"Roselle", "Frankston", "Pewaukee", "Edwardsville", "Parkers Prairie"} <= set(found)
    found = _spacy_found(spacy_extractor, (
        "A Sligo-based charity helped. She attended Northeast Texas Community College. "
        "On Thursday the Concord Police executed two search warrants."))
    assert {"Sligo", "Texas", "Concord"} <= set(found)  # "concord" is also a verb


def test_spacy_people_and_ordinary_words_are_not_towns(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "Coach Darren Ripley praised his wrestlers. \"We got stronger as the day went on,\" "
        "Ripley said. The Superior Court judge ruled that the Act applies. \"I thank God every "
        "day,\" she said from her home in PA."))
    assert "Ripley" not in found  # a person of the story (towns in Ohio, Mississippi...)
    assert not {"Superior", "Act"} & set(found)  # adjectives and verbs, not Superior (WI)
    assert "God" not in found  # not Göd (Hungary)
    assert "PA" not in found  # two capitals: a state's abbreviation, never Pa (Burkina Faso)


def test_a_large_town_that_speaks_stays_a_town(spacy_extractor):
    """Only a surname of the story is a person when it speaks: "Lafayette says enough" is the
    town speaking through its people (spaCy calls it a person)."""
    found = _spacy_found(spacy_extractor, (
        "About 40 Lafayette parents rallied Tuesday. Lee said the rally showed that Lafayette "
        "says \"enough\" to cuts."))
    assert found.count("Lafayette") == 2


def test_name_index_weighs_alternate_names_less():
    index = name_index(default_gazetteer())
    # "Story" is a GeoNames alternate name of Rochelle (Illinois, 9,300 people)
    assert 0 < index.strength(fold("Story")) < 5000
    assert index.strength(fold("Ohio")) > 10**9  # a state's own name is always strong


def test_spacy_region_demonyms_are_mentions():
    parser = Geoparser("spacy")
    text = "Many Ohioans drove north. Two South Ossetian officials met the envoy."
    spans = {s.text: s for s in parser.parse(text)}
    assert spans["Ohioans"].geonameid == 5165418  # Ohio, us_states.csv
    assert "South Ossetian" in spans
    # the demonym of a people across many countries names the people, not a place
    assert "Arab" not in {s.text for s in parser.parse("Arab leaders met on Monday.")}


def test_spacy_agency_datelines_conjuncts_and_trailing_countries(spacy_extractor):
    found = _spacy_found(spacy_extractor, (
        "By JILL SMITH, Associated Press WASHINGTON (AP) — The talks resumed. Relations between "
        "Harare and London suffered a chill. Shares in Air Zimbabwe and HSBC Malta fell. They "
        "lobbied for a new EU Aviation Strategy. The deadly struggle between Bell and Eggers "
        "ended in a shooting."))
    assert "WASHINGTON" in found  # capitals before an agency's tag, mid-line
    assert "Harare" in found  # a conjunct of a place (spaCy reads it as an organisation)
    assert {"Zimbabwe", "Malta"} <= set(found)  # a country ending an organisation's name
    assert "EU" in found  # a continent's abbreviation leading an organisation's name
    assert "Bell" not in found  # "between" two people is no place (Bell, California)
    found = _spacy_found(spacy_extractor, (
        "The S.C. Highway Patrol is looking for leads, said Rep. Jim Clyburn, D-S.C. Officials "
        "of Metro Vancouver disagreed."))
    assert found.count("S.C.") == 2  # a state's dotted abbreviation, leading a name or "D-"
    assert "Vancouver" in found and "Metro Vancouver" not in found
    found = _spacy_found(spacy_extractor, (
        "Traffic in the Fargo-Moorhead area slowed. The wrestlers beat Watertown-ML on Friday. "
        "Jane Smith-Jones spoke."))
    assert {"Fargo", "Moorhead", "Watertown"} <= set(found)  # every word a town, or a code
    assert "Smith" not in found and "Jones" not in found


def test_spacy_harbours_and_buildings_named_after_towns(spacy_extractor):
    """A big town's harbour is a place (whatever spaCy labels it); a palace named after a
    small town the story names nowhere else is no mention of that town."""
    found = _spacy_found(spacy_extractor, (
        "Watson has sailed her yacht Pink Lady up Sydney Harbour, the spot she left from. "
        "The coffin travels from the airport back to Buckingham Palace on Tuesday."))
    assert "Sydney Harbour" in found
    assert "Buckingham" not in found
    found = _spacy_found(spacy_extractor, (
        "The band played in Buckingham on Friday and then at Buckingham Palace."))
    assert "Buckingham" in found  # the town, named alone, stays


def test_coordinated_street_names_are_not_towns(spacy_extractor, extractor):
    text = ("Mourners queued in Washington between Adams and Lincoln Avenues. The parade "
            "runs along Main, Elm and Springfield streets. Trucks took the Kabul and Herat roads.")
    article = Article(text=text, source="t", stem="t")
    for mentions in (spacy_extractor.extract(article), extractor.extract(article)):
        labels = {m.text: m.label for m in mentions}
        assert labels["Washington"] != "STREET"
        assert all(labels[n] == "STREET" for n in ("Adams", "Lincoln", "Main", "Springfield"))
        assert labels["Kabul"] != "STREET"  # "roads" written small may lead to towns
        lincoln = next(m for m in mentions if m.text == "Lincoln")
        assert lincoln.hint_value("street") == "Avenue"


def test_an_organisation_that_speaks_with_its_last_word_is_a_person(spacy_extractor):
    """spaCy sometimes tags a speaker's name an organisation ("said Rina Salem, founder of
    ..."): when the last word speaks alone too ("said Salem"), it is the person's surname, not
    a town named Salem."""
    from spacy.tokens import Span

    from mapper.nlp import parse

    text = ("\"Six people have died,\" said Rina Salem, founder of a charity in Delhi. "
            "\"They are weak,\" said Salem, who spoke from Delhi.")
    doc = parse(text)
    start = next(t.i for t in doc if t.text == "Rina")
    delhi = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text == "Delhi"]
    doc.ents = [Span(doc, start, start + 2, label="ORG"), *delhi]
    doc.user_data.clear()
    found = [m.text for m in spacy_extractor.extract(Article(text=text, source="t", stem="t"),
                                                     doc)]
    assert found == ["Delhi", "Delhi"]

def test_a_surname_before_a_bare_apostrophe_is_a_person(spacy_extractor):
    """spaCy keeps the apostrophe of "Ramon Flores' motorcade" in the person's name: the
    surname is still "Flores" (a person of the story, not a town named Flores)."""
    found = _spacy_found(spacy_extractor, (
        "Officials said they would block President Ramon Flores' motorcade. An aide who rode "
        "with Flores accused the police."))
    assert "Flores" not in found

def test_a_dropped_possessive_finds_the_one_place_that_has_it(spacy_extractor):
    from mapper.gazetteer.spelling import possessive_forms, possessive_name

    g = default_gazetteer()
    assert possessive_name(g, "Bishop Stortford") == "bishops stortford"
    assert possessive_name(g, "Bishop's Stortford") is None  # known as written
    assert possessive_name(g, "Bishop Auckland") is None  # a town of its own
    assert possessive_name(g, "St John") is None  # a place's own name: not St. John's
    assert "st johns" not in possessive_forms("st john")  # a last word is never respelled
    assert possessive_name(g, "Mary Lou") is None
    # the strength an organisation's leading words are weighed by ("the Bishop Stortford
    # Rotary Club"): the restored name's, and only where the written name is no place's
    index = name_index(g)
    assert spacy_extractor.strength("Bishop Stortford") == index.strength("bishops stortford")
    assert spacy_extractor.strength("St John") == index.strength("st john")


@pytest.mark.parametrize("which", ["gazetteer", "spacy"])
def test_a_vessels_name_and_a_title_are_no_places(which, extractor, spacy_extractor):
    """"the yacht Marion", "the Alvin submersible" and every later "Marion" or "Alvin's" name
    the vessel; "the King" is a person; a strong place after a vessel noun stays a place ("the
    tanker Iran seized": a tanker that Iran seized)."""
    ex = extractor if which == "gazetteer" else spacy_extractor
    found = _found(ex, "The yacht Marion ran aground near Palermo on Friday, and rescuers "
                       "reached the Marion at dawn. The Alvin submersible later surveyed the "
                       "Alvin's dive site. The King sent a message from Edinburgh. The tanker "
                       "Iran seized last year left Bandar Abbas.")
    assert not {"Marion", "Alvin", "Alvin's", "King"} & set(found)
    assert {"Palermo", "Edinburgh", "Iran", "Bandar Abbas"} <= set(found)
    assert _found(ex, "Officials in Marion and Alvin met the county judge.")[:2] == [
        "Marion", "Alvin"]
