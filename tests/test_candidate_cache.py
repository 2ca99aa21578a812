"""The embedded gazetteer's candidate lists, kept per name, answer any limit as the index does."""

from __future__ import annotations

from mapper.gazetteer.embedded import EmbeddedGazetteer

# names with many entries (ties of population among them) and names with a few
NAMES = ["San Jose", "Springfield", "Santa Cruz", "Victoria", "Georgia", "Paris", "Kherson",
         "Nowhere-in-particular"]


def test_any_limit_after_any_other_is_the_index_answer(gazetteer):
    fresh = EmbeddedGazetteer(gazetteer.path)  # nothing cached
    limits = (1, 5, 10, 40, 50, 10, 3, 60)
    for name in NAMES:
        cached = EmbeddedGazetteer(gazetteer.path)
        for limit in limits:  # short lists after long ones and long after short
            fresh._candidates.clear()
            expected = fresh.candidates(name, limit)
            assert cached.candidates(name, limit) == expected, (name, limit)
            assert len(expected) <= limit
    many = fresh.candidates("San Jose", 60)
    assert len(many) > 10 and len({c.population for c in many}) < len(many)  # ties exercised
