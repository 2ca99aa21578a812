"""Groups on the move and where they were reported: authored sentences, no article's text."""

from __future__ import annotations

from mapper.read import article_from_text


def _analyze(gazetteer, text, published="2024-03-09"):
    from mapper.pipeline import analyze

    return analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer,
                   published=published)


def _stops(analysis, word):
    journey = next(j for j in analysis.journeys if word in j.mover)
    return [(s.place.name, s.status, s.date) for s in journey.stops]


def test_a_hedged_past_presence_of_a_group_is_a_reported_stop(gazetteer):
    text = ("Rebel fighters crossed into Ukraine from Belarus on Friday. On Saturday the rebel "
            "fighters were reportedly in Kharkiv, officials said.")
    stops = _stops(_analyze(gazetteer, text), "fighters")
    assert stops[-1] == ("Kharkiv", "reported", "2024-03-09"), stops


def test_a_past_presence_without_a_hedge_is_no_stop(gazetteer):
    for text in ("Rebel fighters crossed into Ukraine from Belarus on Friday. The rebel fighters "
                 "were in the Kharkiv region four years ago.",
                 "Rebel fighters crossed into Ukraine from Belarus on Friday. The rebel fighters "
                 "were reportedly in talks with officials in Kharkiv."):
        a = _analyze(gazetteer, text)
        assert not any(s.place.name == "Kharkiv" for j in a.journeys for s in j.stops), text


def test_a_group_that_seizes_a_building_or_town_was_there(gazetteer):
    text = ("Rebel fighters crossed into Ukraine from Belarus on Friday and seized the main "
            "police station in Kharkiv on Saturday.")
    assert _stops(_analyze(gazetteer, text), "fighters")[-1] == (
        "Kharkiv", "confirmed", "2024-03-09")
    text = ("Protesters marched from Tahrir Square to the parliament on Friday. Protesters "
            "occupied the city of Alexandria on Saturday.")
    assert _stops(_analyze(gazetteer, text), "Protesters")[-1][:2] == ("Alexandria", "confirmed")


def test_seized_goods_or_a_seizing_country_make_no_stop(gazetteer):
    text = ("Customs officers arrived in Antwerp on Friday. Officers seized 200 kilograms of "
            "cocaine in Rotterdam on Saturday.")
    a = _analyze(gazetteer, text)
    assert not any(s.place.name == "Rotterdam" for j in a.journeys for s in j.stops)
    text = "Russian troops crossed into Ukraine in 2014. Russia occupied Crimea in 2014."
    a = _analyze(gazetteer, text)
    assert not any(s.place.name == "Crimea" for j in a.journeys for s in j.stops)


def test_boarding_the_flights_at_a_place_starts_the_planes_there(gazetteer):
    told = "Two chartered planes landed in Paris late Sunday. Soldiers had moved 300 tourists " \
        "from their hotel to Nice airport"
    a = _analyze(gazetteer, told + " to board the flights.")
    assert [s[0] for s in _stops(a, "planes")] == ["Nice", "Paris"]
    a = _analyze(gazetteer, told + " on Saturday.")  # no boarding: the planes' start is untold
    assert [s[0] for s in _stops(a, "planes")] == ["Paris"]


def test_they_after_a_counted_group_is_that_group(gazetteer):
    text = ("Hundreds of Syrian refugees waited at the border on Monday. They walked through "
            "Hungary to Austria on Tuesday.")
    assert [s[0] for s in _stops(_analyze(gazetteer, text), "refugees")][-2:] == [
        "Hungary", "Austria"]


def test_a_present_passage_without_a_time_is_where_the_group_is_now(gazetteer):
    told = "Hundreds of Syrian refugees crossed into Turkey last week. "
    now = _stops(_analyze(gazetteer, told + "With little food, they trudge through Anatolia."),
                 "refugees")
    assert now[-1][:2] == ("Anatolia", "confirmed"), now
    later = _stops(_analyze(gazetteer, told + "They walk through Anatolia on Friday."),
                   "refugees")
    assert later[-1][:2] == ("Anatolia", "planned"), later  # a timetable: still ahead


def test_the_darien_jungle_is_the_darien_gap(gazetteer):
    text = ("Hundreds of Cuban migrants crossed into Colombia last week. They trudge through "
            "the Darien Jungle.")
    a = _analyze(gazetteer, text)
    last = next(j for j in a.journeys if "migrants" in j.mover).stops[-1]
    assert last.place.entry.key == "feat:darien_gap" and last.status == "confirmed"


def test_the_way_ahead_and_the_life_hoped_for_are_planned_in_that_order(gazetteer):
    text = ("Hundreds of Syrian refugees crossed into Turkey last week in search of a better "
            "life in Germany. With a long way still ahead through Bulgaria and Serbia, they "
            "rested in Edirne.")
    stops = _stops(_analyze(gazetteer, text), "refugees")
    assert [s[:2] for s in stops[-3:]] == [
        ("Bulgaria", "planned"), ("Serbia", "planned"), ("Germany", "planned")], stops


def test_a_life_built_is_no_plan_and_days_into_a_trek_no_date(gazetteer):
    a = _analyze(gazetteer, "The refugees built a new life in Canada after fleeing Syria.")
    assert not any(s.place.name == "Canada" and s.status == "planned"
                   for j in a.journeys for s in j.stops)
    text = ("Hundreds of Syrian refugees crossed into Turkey last week. Three days into their "
            "trek, they walked through Anatolia.")
    assert _stops(_analyze(gazetteer, text), "refugees")[-1] == ("Anatolia", "confirmed", None)


def test_a_region_still_ahead_is_kept_beside_the_stop_inside_it_already_reached(gazetteer):
    told = "Hundreds of Cuban migrants crossed into Colombia last week. "
    stops = _stops(_analyze(gazetteer, told + "They trudge through the Darien Jungle. With a long "
                            "way still ahead through Central America and Mexico, they rested."),
                   "migrants")
    assert [s[:2] for s in stops[-3:]] == [
        ("Darien Jungle", "confirmed"), ("Central America", "planned"), ("Mexico", "planned")
    ], stops
    # the region passed and the place inside it told as one done thing: the place only
    stops = _stops(_analyze(gazetteer, told + "They walked through Central America and stopped "
                            "in Guatemala City on Friday."), "migrants")
    assert "Central America" not in [s[0] for s in stops], stops


ADVANCE = ("Russian rebel fighters were moving across the Oryol region, the governor said on "
           "Saturday, en route to Moscow. Rebel fighters were reportedly in Belgorod. A local "
           "news channel said that rebel fighters were seen near Mtsensk.")


def test_an_advance_on_a_goal_told_latest_first_is_put_in_order(gazetteer):
    stops = _stops(_analyze(gazetteer, ADVANCE), "rebel")
    assert [s[:2] for s in stops] == [
        ("Belgorod", "reported"), ("Oryol", "reported"), ("Mtsensk", "reported"),
        ("Moscow", "planned")], stops


def test_a_region_and_a_town_in_it_each_reported_apart_are_two_stops(gazetteer):
    names = [s[0] for s in _stops(_analyze(gazetteer, ADVANCE), "rebel")]
    assert "Oryol" in names and "Mtsensk" in names, names
