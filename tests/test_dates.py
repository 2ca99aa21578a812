"""Resolving time expressions against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from mapper.dates import find_when, parse_date, resolve_when

MON = date(2011, 8, 22)  # a Monday (the seed article's publication date)
WED = date(2021, 3, 17)  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("on Saturday", "past", "2011-08-20"),
        ("Saturday morning", None, "2011-08-20"),  # no tense reads as past
        ("on Saturday", "future", "2011-08-27"),
        ("Monday", "past", "2011-08-22"),  # the publication day itself
        ("Monday", "future", "2011-08-22"),
        ("Friday", "past", "2011-08-19"),
        ("on Thursday", "future", "2011-08-25"),
        ("last Monday", "past", "2011-08-15"),
        ("next Monday", "future", "2011-08-29"),
        ("Sunday", "past", "2021-03-14"),
        ("Thursday", "future", "2021-03-18"),
        ("Tuesday", None, "2021-03-16"),
    ],
)
def test_weekdays(expression: str, tense: str | None, expected: str) -> None:
    published = MON if expected.startswith("2011") else WED
    assert resolve_when(expression, published, tense) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("today", "2011-08-22"),
        ("yesterday", "2011-08-21"),
        ("tomorrow", "2011-08-23"),
        ("later this week", "2011-08-22/2011-08-28"),
        ("earlier this week", "2011-08-22/2011-08-22"),
        ("this week", "2011-08-22/2011-08-28"),
        ("last week", "2011-08-15/2011-08-21"),
        ("next week", "2011-08-29/2011-09-04"),
        ("last month", "2011-07-01/2011-07-31"),
        ("this month", "2011-08-01/2011-08-31"),
        ("last year", "2010-01-01/2010-12-31"),
        ("this year", "2011-01-01/2011-12-31"),
        ("two days ago", "2011-08-20"),
    ],
)
def test_relative(expression: str, expected: str) -> None:
    assert resolve_when(expression, MON, None) == expected


def test_relative_across_boundaries() -> None:
    assert resolve_when("last month", date(2021, 1, 5), None) == "2020-12-01/2020-12-31"
    assert resolve_when("next week", WED, "future") == "2021-03-22/2021-03-28"
    assert resolve_when("later this month", date(2021, 7, 7), "future") == "2021-07-07/2021-07-31"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("August 22, 2011", None, "2011-08-22"),
        ("Monday, August 22, 2011", None, "2011-08-22"),
        ("22 August", MON, "2011-08-22"),
        ("Aug. 22", MON, "2011-08-22"),
        ("on March 23", date(2021, 7, 7), "2021-03-23"),
        ("Dec. 30", date(2012, 1, 3), "2011-12-30"),  # the nearest year, not the same year
        ("January 2", date(2011, 12, 28), "2012-01-02"),
        ("2019-02-23", None, "2019-02-23"),
        ("in August", MON, "2011-08-01/2011-08-31"),
        ("March 2021", None, "2021-03-01/2021-03-31"),
        ("in 2010", None, "2010-01-01/2010-12-31"),
    ],
)
def test_explicit(expression: str, published: date | None, expected: str) -> None:
    assert resolve_when(expression, published, None) == expected


def test_unresolvable() -> None:
    assert resolve_when("Saturday", None, "past") is None  # relative, no publication date
    assert resolve_when("Aug. 22", None, None) is None  # no year, no publication date
    assert resolve_when("the talks", MON, None) is None
    assert resolve_when("", MON, None) is None
    assert resolve_when("February 30, 2011", None, None) is None


def test_find_when_offsets() -> None:
    sentence = (
        "Mr. Kim's train crossed into Russia on Saturday morning and he is to meet Mr. Medvedev "
        "later this week, a year after a visit on Aug. 22, 2010; Russia said Friday it may act."
    )
    found = find_when(sentence)
    assert [text for text, _, _ in found] == [
        "Saturday morning",
        "later this week",
        "Aug. 22, 2010",
        "Friday",
    ]
    for text, start, end in found:
        assert sentence[start:end] == text


def test_find_when_ignores_modal_may_and_verb_march() -> None:
    assert find_when("Troops may march on the capital, officials said.") == []
    assert [t for t, _, _ in find_when("Talks may resume in May or on March 3.")] == [
        "in May",
        "March 3",
    ]


def test_find_then_resolve() -> None:
    sentence = "North Korean diplomats met U.S. officials last month and will meet again next week."
    resolved = [resolve_when(t, MON, None) for t, _, _ in find_when(sentence)]
    assert resolved == ["2011-07-01/2011-07-31", "2011-08-29/2011-09-04"]


def test_parse_date() -> None:
    assert parse_date("Monday, August 22, 2011") == MON
    assert parse_date("22 August 2011") == MON
    assert parse_date("sometime soon") is None


def test_find_when_skips_spans_and_event_relative_counts() -> None:
    seed_like = "He will meet him during his first visit to his country's ally in nine years."
    assert find_when(seed_like) == []
    sentence = "He will return in two weeks, a day before the vote, which was called two days ago."
    found = [(t, resolve_when(t, MON, "future")) for t, _, _ in find_when(sentence)]
    assert found == [("in two weeks", "2011-09-05"), ("two days ago", "2011-08-20")]
