"""The publication date: from the text's date lines and datelines, and given by the caller
(authored texts only)."""

from __future__ import annotations

from datetime import date

import pytest

from mapper.read import article_from_text

BODY = ("The minister flew to Oslo on Monday for talks with her counterpart about fishing "
        "rights. She will return home on Wednesday.")


@pytest.mark.parametrize("head,expected", [
    ("Published June 10, 2018\n\n", date(2018, 6, 10)),
    ("Posted at 8:04 AM, Feb 21, 2023\n\n", date(2023, 2, 21)),
    ("Updated: 10:15 PM EST Feb 21, 2023\n\n", date(2023, 2, 21)),
    ("Thursday September 21, 2017\n\n", date(2017, 9, 21)),
    ("Last updated on 4 February, 2023\n\n", date(2023, 2, 4)),
    ("Published: 02/21/2023\n\n", date(2023, 2, 21)),
    ("Published 21.02.2023 08:04\n\n", date(2023, 2, 21)),
    ("Published: 02/03/2023\n\n", None),  # March 2 or 3 February: not guessed
    ("LONDON (March 3, 2021) - ", date(2021, 3, 3)),
    ("LONDON, March 3, 2021 - ", date(2021, 3, 3)),
    ("LONDON, March 3, 2021 (Reuters) - ", date(2021, 3, 3)),
    ("LONDON (Reuters, March 3, 2021) - ", date(2021, 3, 3)),
    ("OSLO, Norway (AP, March 3, 2021) — ", date(2021, 3, 3)),
    ("OSLO, Norway (AP) — ", None),
])
def test_publication_date_from_the_text(head, expected):
    assert article_from_text("Minister flies to Oslo\n\n" + head + BODY).published == expected


def test_a_date_in_the_body_is_no_publication_date():
    text = ("Minister flies to Oslo\n\nThe minister flew to Oslo on March 3, 2021 for talks - "
            "she returned on Friday.")
    assert article_from_text(text).published is None


def test_the_callers_date_wins(gazetteer):
    from mapper.errors import InputError
    from mapper.pipeline import analyze

    article = article_from_text("Published June 10, 2018\n\n" + BODY)
    a = analyze(article, gazetteer=gazetteer, published="2019-03-04")
    assert a.article.published == date(2019, 3, 4)
    stops = {s.place.name: s for j in a.journeys for s in j.stops}
    assert stops["Oslo"].date == "2019-03-04"  # Monday counted from the caller's date
    with pytest.raises(InputError):
        analyze(article, gazetteer=gazetteer, published="yesterday")
