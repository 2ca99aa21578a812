"""Extractor.gazetteer_matches: the longest known name of up to five words, cut at marks and
at lower-case words that join no name; connectors, feature words and a leading direction
join one (its per-token tests are made once; these sentences pin what they decide)."""

from __future__ import annotations

from mapper.extractors.base import tokens
from mapper.extractors.gazetteer_match import GazetteerExtractor
from mapper.nlp import split_sentences


def _spans(gazetteer, text: str, blocked=()) -> list[tuple[int, int]]:
    ex = GazetteerExtractor(gazetteer)
    return ex.gazetteer_matches(text, tokens(text), split_sentences(text),
                                min_population=5000, blocked=blocked)


def _names(gazetteer, text: str, blocked=()) -> list[str]:
    return [text[s:e] for s, e in _spans(gazetteer, text, blocked)]


def test_the_longest_name_wins_and_marks_cut_names(gazetteer):
    text = "Officials flew from Rio de Janeiro to New York City (United States) on Monday."
    assert _names(gazetteer, text) == ["Rio de Janeiro", "New York City", "United States"]


def test_a_lower_case_word_ends_a_name_and_a_feature_word_joins_one(gazetteer):
    assert _names(gazetteer, "They sailed across Lake Victoria and then rested in Kampala.") == [
        "Lake Victoria", "Kampala"]
    assert _names(gazetteer, "Trucks crossed Bosnia and Herzegovina, then Serbia.") == [
        "Bosnia and Herzegovina", "Serbia"]


def test_a_blocked_span_keeps_its_words_out(gazetteer):
    text = "The Paris Agreement was signed, and delegates left Paris for Lyon."
    start = text.index("Paris Agreement")
    spans = _spans(gazetteer, text, blocked=[(start, start + len("Paris Agreement"))])
    assert [text[s:e] for s, e in spans] == ["Paris", "Lyon"]
    assert spans[0][0] == text.rindex("Paris")  # the second Paris, not the blocked one
