"""The journey metric (``mapper evaluate-journeys``): scoring on hand-made values, the CLI's
errors, and floors on three real articles of ../shared/journeys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.cli import main
from mapper.evaluate.journeys import (
    GoldJourney,
    GoldStop,
    PredJourney,
    PredStop,
    arrivals,
    date_ok,
    lcs_pairs,
    load_gold,
    match_journey,
    score_article,
    to_json,
    total,
)
from mapper.model import GazetteerEntry, Journey, Leg, Place, Stop

# real coordinates (lat, lon)
PARIS, LYON, MARSEILLE, NICE = (48.8566, 2.3522), (45.764, 4.8357), (43.2965, 5.3698), (43.7102,
                                                                                       7.262)
BERLIN = (52.52, 13.405)


def gold_stop(ll, tol=25.0, status=None, mode=None, date=None, name="g") -> GoldStop:
    return GoldStop(name, ll[0], ll[1], tol, tuple(status) if status else None, mode, date)


def pred_stop(ll, status="confirmed", mode="unknown", date=None, name="p") -> PredStop:
    return PredStop(name, ll[0], ll[1], status, mode, date)


def gold_journey(*lls, **fields) -> GoldJourney:
    return GoldJourney("mover", tuple(gold_stop(ll, **fields) for ll in lls))


def pred_journey(*lls, jid="j1", **fields) -> PredJourney:
    return PredJourney(jid, "mover", tuple(pred_stop(ll, **fields) for ll in lls))


# -- order, tolerance, choice of journey --------------------------------------------------------


def test_lcs_counts_stops_in_order_only() -> None:
    gold = gold_journey(PARIS, LYON, MARSEILLE, NICE).stops
    assert len(lcs_pairs(gold, pred_journey(PARIS, LYON, MARSEILLE, NICE).stops)) == 4
    # the same places in the wrong order match fewer
    assert len(lcs_pairs(gold, pred_journey(NICE, MARSEILLE, LYON, PARIS).stops)) == 1
    assert len(lcs_pairs(gold, pred_journey(LYON, PARIS, MARSEILLE, NICE).stops)) == 3
    # a stop the prediction adds in between does not break the order
    assert lcs_pairs(gold, pred_journey(PARIS, BERLIN, LYON).stops) == [(0, 0), (1, 2)]


def test_tolerance_is_the_gold_stops_km() -> None:
    near_paris = (48.8566, 2.75)  # about 29 km east of Paris
    assert not lcs_pairs(gold_journey(PARIS).stops, pred_journey(near_paris).stops)
    assert lcs_pairs(gold_journey(PARIS, tol=40).stops, pred_journey(near_paris).stops)


def test_the_best_predicted_journey_is_chosen_per_gold_journey() -> None:
    gold = gold_journey(PARIS, LYON, MARSEILLE)
    preds = [pred_journey(MARSEILLE, LYON, PARIS, jid="j1"),
             pred_journey(PARIS, MARSEILLE, jid="j2")]
    match = match_journey(gold, preds)
    assert match.pred is not None and match.pred.id == "j2"
    assert [sm.pred is not None for sm in match.stops] == [True, False, True]
    assert match_journey(gold, [pred_journey(BERLIN)]).pred is None


# -- recall and precision -----------------------------------------------------------------------


def test_recall_and_precision_counts() -> None:
    gold = [gold_journey(PARIS, LYON, MARSEILLE, NICE)]
    preds = [pred_journey(PARIS, LYON, jid="j1"), pred_journey(BERLIN, NICE, jid="j2")]
    score = score_article("a.txt", gold, preds)
    c = score.counts
    assert (c.gold, c.matched) == (4, 2)  # only the best journey counts towards recall
    assert (c.predicted, c.on_gold) == (4, 3)  # Nice of j2 lies on a gold stop, Berlin not
    assert [(jid, s.lat) for jid, s in score.extra] == [("j2", BERLIN[0])]
    figures = c.figures()
    assert figures["recall"] == pytest.approx(0.5)
    assert figures["precision"] == pytest.approx(0.75)


def test_figures_are_summed_over_articles_before_dividing() -> None:
    a = score_article("a.txt", [gold_journey(PARIS, LYON)], [pred_journey(PARIS, LYON)])
    b = score_article("b.txt", [gold_journey(PARIS, LYON, MARSEILLE, NICE)],
                      [pred_journey(PARIS)])
    assert total([a, b]).figures()["recall"] == pytest.approx(3 / 6)  # not (1 + 0.25) / 2
    out = to_json([a, b])
    assert set(out["overall"]) >= {"recall", "precision", "status", "mode", "date"}
    assert out["articles"]["b.txt"]["recall"] == pytest.approx(0.25)


def test_no_prediction_scores_zero_recall_and_no_precision() -> None:
    c = score_article("a.txt", [gold_journey(PARIS, LYON)], []).counts
    assert c.figures()["recall"] == 0.0 and c.figures()["precision"] is None


# -- status, mode, date -------------------------------------------------------------------------


def test_status_is_one_of_the_accepted_and_the_origin_is_not_scored() -> None:
    gold = GoldJourney("m", (gold_stop(PARIS, status=["confirmed"], mode="air", date="2020"),
                             gold_stop(LYON, status=["reported", "speculated"]),
                             gold_stop(NICE, status=["planned"])))
    pred = PredJourney("j1", "m", (pred_stop(PARIS, status="planned", mode="rail"),
                                   pred_stop(LYON, status="speculated"),
                                   pred_stop(NICE, status="confirmed")))
    c = score_article("a.txt", [gold], [pred]).counts
    # the origin's wrong status, mode and date count for nothing
    assert (c.status_n, c.status_ok) == (2, 1)
    assert (c.mode_n, c.date_n) == (0, 0)


def test_mode_and_date_are_scored_where_gold_has_them() -> None:
    gold = GoldJourney("m", (gold_stop(PARIS), gold_stop(LYON, mode="rail", date="2019-04-24"),
                             gold_stop(NICE, mode="air")))
    pred = PredJourney("j1", "m", (pred_stop(PARIS), pred_stop(LYON, mode="rail"),
                                   pred_stop(NICE, mode="unknown", date="2019-04-25")))
    c = score_article("a.txt", [gold], [pred]).counts
    assert (c.mode_n, c.mode_ok) == (2, 1)
    assert (c.date_n, c.date_ok) == (1, 0)  # Lyon's date is missing: wrong


def test_date_prefix_and_interval() -> None:
    assert date_ok("2021-08-14", "2021-08")
    assert date_ok("2021-08-14", "2021-08-14")
    assert not date_ok("2021-09-01", "2021-08")
    assert not date_ok(None, "2021-08")
    assert not date_ok("", "2021")
    # a gold interval contains the date
    assert date_ok("2019-04-25", "2019-04-24/2019-04-26")
    assert date_ok("2019-04-26", "2019-04-24/2019-04-26")
    assert not date_ok("2019-04-27", "2019-04-24/2019-04-26")
    assert not date_ok("2019-04-23", "2019-04-24/2019-04-26")
    # a predicted interval fits only if both ends do
    assert date_ok("2021-03-18/2021-03-19", "2021-03")
    assert not date_ok("2021-03-18/2021-03-19", "2021-03-18")
    assert date_ok("2019-04-24/2019-04-25", "2019-04-24/2019-04-26")


def _stop(name, ll, status, mode="unknown", date=None, position=0) -> Stop:
    entry = GazetteerEntry(f"t:{name}", name, ll[0], ll[1], "city")
    return Stop(Place(name, name, entry, ()), status, "", date, mode, position=position)


def test_a_predicted_stop_takes_the_values_of_the_leg_arriving_there() -> None:
    a = _stop("Paris", PARIS, "confirmed", "air", "2020-01-01", 1)
    b = _stop("Lyon", LYON, "planned", "rail", "2020-01-02", 2)
    lone = _stop("Nice", NICE, "reported", "road", "2020-01-05", 3)
    journey = Journey("j1", "m", (a, b, lone), (Leg("j1", "m", 1, a, b),))
    stops = arrivals(journey)
    assert (stops[0].status, stops[0].mode, stops[0].date) == (None, None, None)  # departure
    assert (stops[1].status, stops[1].mode, stops[1].date) == ("planned", "rail", "2020-01-02")
    assert stops[2].status == "reported"  # no leg reaches it: its own values
    # a journey with no legs still has stops
    assert len(arrivals(Journey("j2", "m", (lone,)))) == 1


# -- gold file and CLI errors -------------------------------------------------------------------


GOLD = {"_about": "comment", "a.txt": [{"mover": "m", "stops": [
    {"name": "Paris", "ll": list(PARIS), "tol": 25},
    {"name": "Lyon", "ll": list(LYON), "tol": 25, "status": ["confirmed"], "mode": "rail",
     "date": "2020-01"}]}]}


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    gold = load_gold(path)
    assert list(gold) == ["a.txt"]
    lyon = gold["a.txt"][0].stops[1]
    assert (lyon.status, lyon.mode, lyon.date, lyon.tol) == (("confirmed",), "rail", "2020-01",
                                                            25.0)


@pytest.mark.parametrize("content,message", [
    (None, "gold file not found"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected an object"),
    ('{"a.txt": [{"mover": "m", "stops": [{"name": "x", "tol": 25}]}]}', "bad journey"),
    ('{"a.txt": [{"mover": "m", "stops": [{"name": "x", "ll": [1, 2]}]}]}', "bad journey"),
    ('{"a.txt": 5}', "bad journey"),
])
def test_a_bad_gold_file_is_one_line_exit_2(tmp_path: Path, capsys, content, message) -> None:
    gold = tmp_path / "gold.json"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    code = main(["evaluate-journeys", str(tmp_path), "--gold", str(gold)])
    out, err = capsys.readouterr()
    assert code == 2 and not out
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_folder_without_gold_articles_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    code = main(["evaluate-journeys", str(tmp_path), "--gold", str(gold)])
    _, err = capsys.readouterr()
    assert code == 2 and "no article" in err and len(err.strip().splitlines()) == 1
    code = main(["evaluate-journeys", str(tmp_path / "missing"), "--gold", str(gold)])
    _, err = capsys.readouterr()
    assert code == 2 and "not a folder" in err


# -- real articles ------------------------------------------------------------------------------

REAL = ("d01_kim_trump_singapore.txt", "d05_modi_africa_tour_2018.txt",
        "d14_pakistan_team_port_louis_bangalore.txt")
# measured at ddf72e8: recall 18/21, precision 25/26, status 11/14, mode 6/7, date 4/13
FLOORS = {"recall": 0.80, "precision": 0.90, "status": 0.70, "mode": 0.70, "date": 0.25}


def test_real_articles_reach_the_floors(shared: Path, tmp_path: Path, capsys) -> None:
    folder = shared / "journeys"
    if not (folder / "gold.json").exists():
        pytest.skip("../shared/journeys is not present")
    full = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({name: full[name] for name in REAL}), encoding="utf-8")
    code = main(["evaluate-journeys", str(folder), "--gold", str(gold), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert sorted(result["articles"]) == sorted(REAL)
    for key, floor in FLOORS.items():
        assert result["overall"][key] >= floor, (key, result["overall"])
