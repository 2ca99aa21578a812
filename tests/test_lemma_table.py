"""mapper's lemma table gives exactly the lemmas of spaCy's stock rule lemmatizer."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from mapper.lemma_table import LemmaTable, table_lemmatizer
from mapper.nlp import load_model, stock_model

ROOT = Path(__file__).resolve().parents[1]

# every rule path: suffix rules found in the word index ("wolves", "studies", "running"), not
# found ("blorfing"), exceptions ("geese", "went", "better"), forms that are not all letters
# ("re-elected", "B-52s"), base forms, proper nouns, numbers, spaces and punctuation, and the
# attribute ruler's own lemmas (contractions), which the lemmatizer leaves as they are
WORDS = [
    "The wolves and geese went running past two churches; she studies better than he did.",
    "Blorfing snarfles were re-elected, and B-52s flew over 3,000 km of the fjords' coasts.",
    "Y'all ain't seen nothin' yet  \n\n  and they don't know it isn't over!!! (Really.)",
    "Ministers arrived, leaving Paris; the Kims' trains were slower, the slowest ever seen.",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "data" / "articles").glob("*.txt"))] + WORDS


@pytest.fixture(scope="module")
def pipelines():
    """A stock model and one whose lemmatizer is under a fresh lemma table."""
    stock, ours = stock_model(), stock_model()
    table_lemmatizer(ours)
    return stock, ours


def test_mapper_pipeline_uses_the_table():
    lemmatizer = load_model().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LemmaTable)
    assert type(lemmatizer.lemmatizer).__name__ == "EnglishLemmatizer"
    assert lemmatizer.lookups.get_table("lemma_index")  # what non_noun_words() reads


def test_same_lemmas_as_the_stock_lemmatizer(pipelines, shared):
    """Every token of the authored and development articles and the sentences above, parsed
    twice (the first time the table is empty, the second time it answers from the table)."""
    stock, ours = pipelines
    texts = _texts() + [p.read_text(encoding="utf-8")
                        for p in sorted((shared / "journeys").glob("*.txt"))]
    tokens = 0
    for _ in range(2):
        for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
            assert [(t.text, t.lemma_) for t in a] == [(t.text, t.lemma_) for t in b]
            tokens += len(a)
    assert tokens > 20_000
    assert len(ours.get_pipe("lemmatizer").table) > 1_000


def test_rule_lemmas_word_by_word(pipelines):
    """The table's own rules against the stock component's, on each token alone (no cache)."""
    stock, ours = pipelines
    table = ours.get_pipe("lemmatizer")
    lemmatizer = stock.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    seen = set()
    for doc in stock.pipe(WORDS, disable=["lemmatizer"]):
        for token in doc:
            lemmatizer.cache.clear()
            assert table.lemma(token) == lemmatizer.rule_lemmatize(token)[0], token.text
            seen.add(token.lemma_ if token.lemma else table.lemma(token))
    assert {"wolf", "go", "run", "study", "well", "be", "slow", "fly"} <= seen


def test_kept_lemmas_and_empty_docs(pipelines):
    """A lemma set before the lemmatizer (the attribute ruler's) stays; an empty Doc passes."""
    _, ours = pipelines
    table = ours.get_pipe("lemmatizer")
    assert len(table(Doc(ours.vocab, words=[]))) == 0
    doc = ours("They don't know.", disable=["lemmatizer"])
    assert [t.lemma_ for t in doc] == ["they", "", "not", "", ""]  # the attribute ruler's
    doc[0].lemma_ = "kept"
    table(doc)
    assert [t.lemma_ for t in doc] == ["kept", "do", "not", "know", "."]
