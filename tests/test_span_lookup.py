"""Lookups that replaced walks over every span (issue 13): the same answers as the walks."""

from __future__ import annotations

import random
import re

from mapper.extractors.base import SpanMap, near, overlaps, same_text_spans


def _regex_spans(text: str, name: str) -> list[tuple[int, int]]:
    """The one-sense-per-discourse pattern as it was, for one name."""
    pattern = re.compile(r"(?<![\w-])(" + re.escape(name) + r")(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_one_name_found_as_the_regex_finds_it():
    rng = random.Random(13)
    alphabet = "ab -_é1.,Ⅳ"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        assert same_text_spans(text, {name}) == _regex_spans(text, name), (text, name)
    text = "Paris, Paris-based, Parisian and Paris."
    assert same_text_spans(text, {"Paris"}) == [(0, 5), (33, 38)]


def test_span_map_finds_what_a_walk_finds():
    rng = random.Random(7)
    spans, plain = SpanMap(), {}
    for _ in range(3000):
        s = rng.randint(0, 500)
        key = (s, s + rng.randint(0, 30))
        if key in plain and rng.random() < 0.5:
            del spans[key], plain[key]
        else:
            spans[key] = plain[key] = "GAZ"
        a = rng.randint(0, 520)
        probe = (a, a + rng.randint(0, 40))
        assert overlaps(probe, spans) == overlaps(probe, plain)
        touching = {k for k in plain if k[0] <= probe[1] and k[1] >= probe[0]}
        assert touching <= set(near(spans, *probe))
    assert list(spans) == list(plain)  # a dict still, in insertion order
    assert sorted(spans) == spans.near(-100, 10_000)
