"""A stop someone confirms is confirmed; one they only say is reported (authored sentences)."""

from __future__ import annotations

import pytest

from mapper.read import article_from_text


@pytest.mark.parametrize(("text", "status"), [
    ("The airline confirmed that Flight 88 landed in Denver on Monday.", "confirmed"),
    ("The airline said Flight 88 landed in Denver on Monday.", "reported"),
    ("The airline did not confirm that Flight 88 landed in Denver on Monday.", "reported"),
    ("The airline confirmed that Flight 88 will fly to Denver on Monday.", "planned"),
])
def test_a_confirmation_confirms_the_stop(gazetteer, text, status):
    from mapper.pipeline import analyze

    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    stops = {s.place.name: s for j in a.journeys for s in j.stops}
    assert stops["Denver"].status == status


def test_a_confirmation_still_to_come_confirms_nothing(gazetteer):
    """"have yet to confirm that it landed in X": reported."""
    from mapper.pipeline import analyze

    text = "Officials have yet to confirm that the plane landed in Denver."
    a = analyze(article_from_text(text, source="test", stem="t"), gazetteer=gazetteer)
    assert [s.status for j in a.journeys for s in j.stops] == ["reported"]
