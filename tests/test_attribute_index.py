"""The indexed attribute ruler sets exactly the attributes spaCy's stock one sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.pipeline import AttributeRuler

from mapper.attribute_index import IndexedAttributeRuler
from mapper.nlp import load_model, stock_model

ROOT = Path(__file__).resolve().parents[1]

# sentences that start the model's rarer rules: contractions, "ain't", "y'all", "nothin'",
# "there is", pronouns as objects, "do"/"have" as main verbs, determiners as pronouns
RARE = [
    "Y'all ain't seen nothin' yet, and they don't know it isn't over.",
    "There's a train, there are two ships and there were planes; I'm sure you've heard.",
    "She gave it to me and I told you that she had done what she does.",
    "That is what those were: this is all that remains, whether or not it's true.",
    "He didn't have to, but he has had enough; nuthin' y' know can't be undone.",
]


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    """The stock model with mapper's line breaks, and mapper's pipeline."""
    stock = stock_model()
    stock.add_pipe("line_breaks", before="parser")
    return stock, load_model()


def test_mapper_pipeline_uses_the_indexed_ruler(pipelines):
    stock, ours = pipelines
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    ruler = ours.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    columns, shapes, rest = ruler._table()
    assert shapes and rest is None  # every rule of the English model is in the table


def test_same_attributes_on_articles(pipelines, shared):
    stock, ours = pipelines
    texts = [p.read_text(encoding="utf-8")
             for folder in (ROOT / "data" / "articles", shared / "journeys")
             for p in sorted(folder.glob("*.txt"))]
    texts += RARE
    tokens = 0
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert _attributes(a) == _attributes(b)
        tokens += len(a)
    assert tokens > 10_000


def test_same_matches_as_the_stock_matcher(pipelines):
    """Rules of every kind the table handles, and one it leaves to a Matcher (an operator)."""
    stock, _ = pipelines
    rules = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "noun"}},
        {"patterns": [[{"LOWER": {"IN": ["train", "ship"]}, "TAG": {"NOT_IN": ["NNS"]}}]],
         "attrs": {"LEMMA": "vehicle"}},
        {"patterns": [[{"DEP": {"NOT_IN": ["nsubj", ""]}, "TAG": {"IN": ["NN", "NNP"]}}]],
         "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^t.*n$"}}]], "attrs": {"LEMMA": "t-n"}},
        {"patterns": [[{"LOWER": "the"}, {"TAG": "NN", "LOWER": {"REGEX": "r"}}]],
         "attrs": {"LEMMA": "the-noun"}, "index": -1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "space"}},
        {"patterns": [[{"TAG": "DT"}, {"TAG": "JJ", "OP": "*"}, {"TAG": "NN"}]],
         "attrs": {"LEMMA": "phrase"}, "index": 0},
        {"patterns": [[{"LOWER": {"IN": ["town", "yet"]}}, {}]],  # never past the last token
         "attrs": {"LEMMA": "followed"}},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", "DT", ""]}}]], "attrs": {"LEMMA": "other"}},
        {"patterns": [[{}]], "attrs": {"NORM": "any"}},
    ]
    plain = AttributeRuler(stock.vocab, "plain")
    indexed = IndexedAttributeRuler(stock.vocab, "indexed")
    plain.add_patterns(rules)
    indexed.add_patterns(rules)
    assert len(indexed._table()[2]) == 3  # the operator's and the two without a lead value
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(["The train left the station at ten.\n\nThe old red train "
                                "and two ships met the man in the town.",
                                "They have not arrived yet", *RARE]))
    for doc in docs:
        assert sorted(set(plain.match(doc))) == sorted(set(indexed.match(doc)))
        assert _attributes(plain(doc.copy())) == _attributes(indexed(doc.copy()))
    found = {m[0] for doc in docs for m in indexed.match(doc)}
    assert found == set(range(len(rules)))  # every rule matched somewhere
