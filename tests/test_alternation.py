"""mapper.alternation.one_of: the trie of words matches what the alternation of the words,
longest first, matches, on the demonym table and on words that start one another."""

from __future__ import annotations

import re

import pytest

from mapper.alternation import one_of
from mapper.gazetteer import sources


def _longest_first(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _matches(alternation: str, text: str) -> list[tuple]:
    pattern = re.compile(r"\b(" + alternation + r")(?:\s+capital\b|\b)")
    return [(m.span(), m.group(1)) for m in pattern.finditer(text)]


WORDS = ["Iran", "Iranian", "Iraqi", "Ira", "North Korean", "North", "U.S.", "St. Lucian",
         "Guinea", "Guinea-Bissau", "Papua New Guinean", "C++", "a|b"]
TEXTS = [
    "The Iranian and Iraqi envoys met Ira in Iran; the North Korean capital and the North.",
    "Guinea-Bissau, Guinea and Papua New Guinean troops; U.S. aid, St. Lucian rum, C++ a|b.",
    "Iranians Irani Iraqis NorthKorean north korean",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_trie_matches_the_longest_first_alternation(text):
    assert _matches(one_of(WORDS), text) == _matches(_longest_first(WORDS), text)


def test_the_texts_hold_the_words_longest_first():
    found = [w for _, w in _matches(one_of(WORDS), TEXTS[0] + " " + TEXTS[1])]
    assert found[:3] == ["Iranian", "Iraqi", "Ira"] and "North Korean" in found
    assert "Guinea-Bissau" in found and "Papua New Guinean" in found
    assert _matches(one_of(WORDS), TEXTS[2]) == []  # no word ends at a word's end there


def test_the_demonym_table_matches_as_its_alternation():
    names = list(sources.demonyms())
    text = " ".join(f"The {n} capital and {n}s, {n}-born, ({n})" for n in names[::7])
    assert _matches(one_of(names), text) == _matches(_longest_first(names), text)


def test_no_words_match_nothing():
    assert re.search(one_of([]), "anything") is None
    assert re.fullmatch(one_of(["", "a"]), "") is not None
