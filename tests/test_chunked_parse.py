"""Texts longer than one parse are parsed in chunks cut on paragraph, sentence or word
boundaries, joined into one Doc with the text's exact offsets."""

from __future__ import annotations

import pytest

from mapper import nlp
from tests.conftest import ARTICLES

TEXT = "\n\n".join(p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt")))


@pytest.mark.parametrize("size", [500, 3000])
def test_chunks_cover_the_text_on_boundaries(size: int) -> None:
    spans = nlp.chunk_spans(TEXT, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))
    assert all(0 < end - start <= size for start, end in spans)
    assert all(TEXT[end - 1].isspace() for _, end in spans[:-1])  # never inside a word


def test_one_long_token_is_cut_at_the_size() -> None:
    spans = nlp.chunk_spans("a" * 2500, 1000)
    assert spans == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_chunked_parse_keeps_offsets_and_finds_the_same_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blank = ((0, 3),)
    whole = nlp.parse(TEXT, blank)
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 3000)
    chunked = nlp.parse(TEXT, blank)
    assert len(nlp.chunk_spans(TEXT, 3000)) == 4
    assert chunked.text == "   " + TEXT[3:]
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in chunked if t.idx >= 3)
    # cut on paragraph breaks, the four articles parse as they do in one piece
    assert [(e.start_char, e.end_char, e.label_) for e in chunked.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in chunked.sents] == [s.start_char for s in whole.sents]
