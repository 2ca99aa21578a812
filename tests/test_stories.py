"""Stories: one journey followed across several articles (mapper.stories). The three authored
articles of data/articles/story/ against their gold reading, the merge rules on hand-made
stops, and ``mapper map A B C``."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

from mapper.gazetteer.base import normalize
from mapper.model import GazetteerEntry, Place
from mapper.stories import Sighting, StoryArticle, build_story, story_of
from mapper.stories.build import is_named, name_words, same_mover
from tests.conftest import ARTICLES

STORY = ARTICLES / "story"
GOLD = json.loads((STORY / "gold.json").read_text(encoding="utf-8"))
FILES = sorted(GOLD["articles"])


@pytest.fixture(scope="module")
def analyses(analyze_file):
    return [analyze_file(STORY / name) for name in FILES]


@pytest.fixture(scope="module")
def story(analyses):
    return story_of(analyses)


def _name(place) -> set[str]:
    return {normalize(place.name), normalize(place.entry.name)}


def _file(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def test_each_article_dates_its_weekdays_from_its_own_publication(analyses):
    assert [a.article.published.isoformat() for a in analyses] == \
        [GOLD["articles"][f] for f in FILES]


def test_story_is_one_journey_in_order_with_statuses_dates_citations(story):
    gold = GOLD["journeys"][0]
    movers = [j for j in story.journeys if len(j.stops) > 1]
    assert len(movers) == 1
    j = movers[0]
    assert j.mover == gold["mover"]
    assert len(j.stops) == len(gold["stops"])
    for got, want in zip(j.stops, gold["stops"]):
        assert normalize(want["name"]) in _name(got.place), (got.place.name, want["name"])
        assert got.status == want["status"], want["name"]
        assert (got.date or "").split("/")[0] == want["date"].split("/")[0], want["name"]
        assert got.disputed == want.get("disputed", False), want["name"]
        cited = {_file(c.source) for c in got.citations}
        assert cited == set(want["articles"]) - set(want.get("not_yet", ())), want["name"]
        # every citation quotes its article's own sentences (one a line) naming the place
        for c in got.citations:
            text = " ".join((STORY / _file(c.source)).read_text(encoding="utf-8").split())
            for line in c.sentence.splitlines():
                assert " ".join(line.split())[:60] in text


def test_planned_then_confirmed_keeps_both_articles_statuses(story):
    j = story.journeys[0]
    tartu = next(s for s in j.stops if "tartu" in _name(s.place))
    assert [(_file(c.source), c.status) for c in tartu.citations] == [
        ("1_tallinn.txt", "planned"), ("2_riga.txt", "confirmed")]
    assert tartu.status == "confirmed"


def test_contradiction_flagged_with_both_citations(story):
    j = story.journeys[0]
    gold = GOLD["journeys"][0]["contradictions"]
    assert len(j.contradictions) == len(gold) == 1
    c, want = j.contradictions[0], gold[0]
    assert c.date == want["date"]
    assert [normalize(want_name) in _name(j.stops[i].place)
            for i, want_name in zip(c.stops, want["places"])] == [True, True]
    assert sorted(_file(x.source) for x in c.citations) == sorted(want["articles"])
    # the line follows the better-told side; the other stays a stop, flagged
    assert "parnu" not in {normalize(s.place.name) for s in j.route}
    assert len(j.route) == len(j.stops) - 1


def test_story_does_not_depend_on_the_order_articles_are_given(analyses, story):
    again = story_of(list(reversed(analyses)))
    stops = [(s.place.entry.key, s.status, s.date) for s in story.journeys[0].stops]
    assert [(s.place.entry.key, s.status, s.date) for s in again.journeys[0].stops] == stops
    assert len(again.journeys[0].contradictions) == 1


# ----------------------------------------------------------------------------- merge rules


def _place(key: str, name: str, cc: str = "XX", feature: str = "city") -> Place:
    return Place(key, name, GazetteerEntry(key, name, 10.0, float(len(key)), feature, cc), ())


A, B, C = _place("a", "Alpha"), _place("b", "Beta"), _place("c", "Gamma")
ARTS = (StoryArticle("one.txt", None, date(2024, 1, 1)),
        StoryArticle("two.txt", None, date(2024, 1, 3)))


def test_names_match_across_articles_only_when_unambiguous():
    assert name_words("Prime Minister Anders Vik (plane)") == ("anders", "vik")
    assert same_mover(("vik",), ("anders", "vik"))
    assert same_mover(("kim",), ("kim", "jong-un"))
    assert not same_mover(("kim", "jong-il"), ("kim", "jong-un"))
    # "Kim" in a third article could be either: it joins neither
    arts = ARTS + (StoryArticle("three.txt", None, date(2024, 1, 5)),)
    story = build_story(arts, [
        Sighting(0, "Kim Jong-il (train)", A, "confirmed", "s1", "2024-01-01"),
        Sighting(1, "Kim Jong-un", B, "confirmed", "s2", "2024-01-02"),
        Sighting(2, "Kim", C, "confirmed", "Later Kim went to Gamma.", "2024-01-04")])
    assert len(story.journeys) == 3


def test_common_nouns_and_trips_far_apart_are_not_joined():
    arts = ARTS + (StoryArticle("later.txt", None, date(2024, 6, 1)),)
    story = build_story(arts, [
        Sighting(0, "plane", A, "confirmed", "The plane landed in Alpha.", "2024-01-01"),
        Sighting(1, "Plane", B, "confirmed", "Plane lands in Beta.", "2024-01-02"),
        Sighting(1, "Ana Silva", B, "confirmed", "Then Ana Silva flew to Beta.", "2024-01-02"),
        Sighting(2, "Ana Silva", C, "confirmed", "Then Ana Silva flew to Gamma.", "2024-06-01")])
    assert sorted(len({s.articles for s in j.stops}) for j in story.journeys) == [1, 1, 1, 1]
    assert is_named("Ana Silva", []) and is_named("Vik", ["Officials said Vik left."])
    assert not is_named("Migrants", ["Migrants left Libya.", "The migrants slept."])


def test_same_stop_merges_later_article_sets_status_and_clash_is_flagged():
    story = build_story(ARTS, [
        Sighting(0, "Ana Silva", A, "confirmed", "In Alpha.", "2024-01-01", index=0),
        Sighting(0, "Ana Silva", B, "planned", "Will go to Beta.", "2024-01-02", index=1),
        Sighting(1, "Silva", B, "confirmed", "Then Silva went to Beta.", "2024-01-02", index=0),
        Sighting(1, "Silva", C, "reported", "Was in Gamma.", "2024-01-01", index=1)])
    (j,) = story.journeys
    assert j.mover == "Ana Silva" and set(j.names) == {"Ana Silva", "Silva"}
    assert [(s.place.name, s.status, s.date) for s in j.stops] == [
        ("Alpha", "confirmed", "2024-01-01"), ("Gamma", "reported", "2024-01-01"),
        ("Beta", "confirmed", "2024-01-02")]
    assert [c.status for c in j.stops[2].citations] == ["planned", "confirmed"]
    assert [(j.stops[a].place.name, j.stops[b].place.name)
            for a, b in (c.stops for c in j.contradictions)] == [("Alpha", "Gamma")]


def test_a_return_to_the_same_place_stays_two_stops_and_a_later_implied_origin_goes():
    home = _place("h", "Home")
    story = build_story(ARTS, [
        Sighting(0, "Vik", home, "confirmed", "On Monday Vik left Home.", "2024-01-01",
                 index=0),
        Sighting(0, "Vik", A, "confirmed", "In Alpha.", "2024-01-01", index=1),
        Sighting(1, "Vik", _place("n", "Nation", feature="country"), "confirmed", "",
                 None, implied=True, index=0),
        Sighting(1, "Vik", home, "planned", "Then Vik will fly Home.", "2024-01-06",
                 index=1)])
    assert [(s.place.name, s.date) for s in story.journeys[0].stops] == [
        ("Home", "2024-01-01"), ("Alpha", "2024-01-01"), ("Home", "2024-01-06")]


# ----------------------------------------------------------------------------- command line


def test_map_several_articles_writes_one_story_map(tmp_path, capsys):
    from mapper.cli import main

    out, gj = tmp_path / "story.html", tmp_path / "story.geojson"
    paths = [str(STORY / f) for f in FILES]
    assert main(["map", *paths, "-o", str(out), "--geojson", str(gj)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Contradictions (1)" in html and "mapper-disputed" in html
    for f in FILES:  # every article cited in the popups
        assert f"{f}, {GOLD['articles'][f]}" in html
    data = json.loads(gj.read_text(encoding="utf-8"))
    legs = [f["properties"] for f in data["features"] if f["properties"]["kind"] == "leg"]
    assert [leg["seq"] for leg in legs] == list(range(1, len(legs) + 1))
    assert "Contradiction" in capsys.readouterr().err
    assert main(["--published", "2024-03-04", "map", *paths, "-o", str(out)]) == 2


# ----------------------------------------------------------------------------- batch --stories


def test_batch_stories_table_from_stored_geojson_matches_the_story(analyses, story, tmp_path):
    """``mapper batch --stories`` builds the table from each article's stored GeoJSON (what
    the workers return): the same journey as from the analyses, citations as JSON."""
    gpd = pytest.importorskip("geopandas")
    from mapper import export
    from mapper.batch.inputs import collect
    from mapper.batch.store import Store
    from mapper.batch.tables import write_tables

    items = collect([str(STORY / f) for f in FILES], None)
    store = Store(tmp_path)
    for item, a in zip(items, analyses):
        store.save({"key": item.key, "id": item.id, "source": item.source, "status": "ok",
                    "geojson": export.to_geojson(a)})
    paths = write_tables(store, items, stories=True)
    table = gpd.read_parquet(paths["stories"])
    want = story.journeys[0].stops
    assert list(table["seq"]) == list(range(1, len(want) + 1))
    assert list(table["gazetteer_key"]) == [s.place.entry.key for s in want]
    assert list(table["status"]) == [s.status for s in want]
    assert list(table["date"]) == [s.date for s in want]
    assert list(table["disputed"]) == [s.disputed for s in want]
    tartu = json.loads(table.loc[table["disputed"] & (table["status"] == "confirmed"),
                                 "citations"].iloc[0])
    assert [(c["published"], c["status"]) for c in tartu] == [
        ("2024-03-04", "planned"), ("2024-03-06", "confirmed")]
    assert table.crs.to_epsg() == 4326
    assert "stories" not in write_tables(store, items)  # only when asked


# ----------------------------------------------------------------------------- hostile text


def _hostile_story_page(bad: str) -> str:
    from mapper.stories import story_map

    x, y = _place("x", f"X{bad}"), _place("y", f"Y{bad}")
    arts = (StoryArticle(f"a{bad}.txt", f"T{bad}", date(2024, 1, 1)),
            StoryArticle("b.txt", None, date(2024, 1, 2)))
    story = build_story(arts, [
        Sighting(0, f"Ana {bad}", x, "confirmed", f"So Ana was in X {bad}", "2024-01-01", index=0),
        Sighting(0, f"Ana {bad}", A, "confirmed", f"So Ana was in A {bad}", "2024-01-02", index=1),
        Sighting(1, f"Ana {bad}", y, "confirmed", f"So Ana was in Y {bad}", "2024-01-01", index=0)])
    assert len(story.journeys[0].contradictions) == 1
    return story_map(story).get_root().render()


def test_story_map_shows_hostile_names_and_sentences_as_text():
    """Movers, places, sources and sentences reach the story map's popups, layer names,
    tooltips and notes only through mapper.render.safe: the payload adds no tag and no
    template syntax to the page, and reads as written."""
    bad = "<script>alert(1)</script>{{ 7*7 }}<img src=x onerror=alert(2)>"
    page, clean = _hostile_story_page(bad), _hostile_story_page("")
    for token in ("<script", "<img", "{{", "{%"):
        assert page.count(token) == clean.count(token), token
    seen = html.unescape(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)),
                                page))
    assert f"So Ana was in Y {bad}" in seen and f"Ana {bad}" in seen


# ----------------------------------------------------------------------------- in a browser


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists()
                    or importlib.util.find_spec("playwright") is None,
                    reason="needs /usr/bin/chromium and playwright")
def test_story_map_in_chromium_panels_rings_and_citations(tmp_path):
    """The story map offline in a real browser: no console error, no two panels overlapping,
    both disputed places ringed, the leg into a stop told by two articles quoting both."""
    from playwright.sync_api import sync_playwright

    from mapper.cli import main
    from tests.test_browser_map import BOXES, PANELS, _open, _overlaps

    out = tmp_path / "story.html"
    assert main(["map", *(str(STORY / f) for f in FILES), "-o", str(out)]) == 0
    with sync_playwright() as p:
        browser, page, errors = _open(p, out, (1366, 768))
        boxes = page.evaluate(BOXES, list(PANELS))
        rings = page.locator("path.mapper-disputed").count()
        legs = page.locator("path.mapper-leg")
        quoted = ""
        for i in range(legs.count()):
            legs.nth(i).click(force=True)
            popup = page.locator(".leaflet-popup-content")
            text = popup.inner_text(timeout=3000) if popup.count() else ""
            if "(planned)" in text and "(confirmed)" in text:
                quoted = text
                break
        page.locator("#mp-timeline summary").first.click()
        disputed = page.locator("#mp-timeline li[data-i]", has_text="disputed").count()
        page.screenshot(path=str(tmp_path / "story.png"))
        browser.close()
    assert errors == []
    assert _overlaps(boxes) == [], boxes
    assert rings == 3 and disputed == 2  # two rings and the dashed line between them
    assert "1_tallinn.txt, 2024-03-04 (planned)" in quoted
    assert "2_riga.txt, 2024-03-06 (confirmed)" in quoted


def test_story_api_gives_each_text_its_own_publication_date(analyses):
    """mapper.story on texts without a date line: ``published`` anchors each one's weekdays;
    an Analysis given as it is keeps its own."""
    import mapper
    from mapper.read import article_from_text

    texts = ["ROME — Ana Silva flew from Lisbon to Rome on Monday, her office said.\n",
             "MILAN — On Tuesday Ana Silva took the train from Rome to Milan, officials said.\n"]
    arts = [article_from_text(t, html=None) for t in texts]
    story = mapper.story([arts[0], analyses[0], arts[1]],
                         published=["2024-05-07", None, "2024-05-08"])
    silva = next(j for j in story.journeys if j.mover == "Ana Silva")
    assert [(s.place.name, s.date) for s in silva.stops][:3] == [
        ("Lisbon", "2024-05-06"), ("Rome", "2024-05-06/2024-05-07"), ("Milan", "2024-05-07")]
    assert story.articles[1].published == date(2024, 3, 4)
