"""Animals an article names by a kind no word list holds: "a godwit - a migratory bird -"
makes "godwit" an animal for the whole article, so "the godwit" later moves as one."""

from __future__ import annotations

from mapper.journeys.words import ANIMAL_NOUNS
from mapper.nlp import doc_tokens

_KEY = "mapper_animal_kinds"


def learned_kinds(doc) -> frozenset[str]:
    """Lemmas of the nouns the article calls an animal in an apposition ("a tern, a
    seabird", "a godwit - a migratory bird"); computed once per parse."""
    kinds = doc.user_data.get(_KEY)
    if kinds is None:
        kinds = frozenset(
            t.lemma_.lower() for t in doc_tokens(doc)
            if t.pos_ in ("NOUN", "PROPN") and t.is_lower and any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ANIMAL_NOUNS
                for c in t.children))
        doc.user_data[_KEY] = kinds
    return kinds


def broken_subject(verb):
    """The subject noun of a finite clause the parser left without one when a dashed
    aside split it ("the young tern - known as X - had landed in Y": "tern" hung on
    "known"): the last common noun of a left dependent that opens with "the", else None."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.tag_ != "VBN"
           for c in verb.children) or not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None
    for dep in verb.children:  # "known" read as a modifier of the verb, or as its subject
        if dep.i > verb.i or dep.dep_ not in ("amod", "npadvmod", "advcl", "nsubj"):
            continue
        if dep.left_edge.lower_ != "the" or not any(t.text in ("-", "—", "–")
                                                  for t in dep.doc[dep.i:verb.i]):
            continue
        nouns = [t for t in dep.subtree if t.i < dep.i and t.pos_ == "NOUN" and
                 t.tag_ == "NN" and t.dep_ != "compound"]
        if nouns:
            return nouns[-1]
    return None


def determined(noun) -> bool:
    """Whether a noun is a definite or possessed one ("the tern", "its calf"), counting a
    determiner the parser hung elsewhere when it broke the phrase ("the young tern -
    known as X -": "the" hangs on "known", "tern" too)."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return True
    return noun.dep_ in ("npadvmod", "advmod") and noun.head.i > noun.i and any(
        c.dep_ in ("det", "poss") and c.i < noun.i for c in noun.head.children)


def animal_kind(noun) -> str | None:
    """The animal a noun names: its own lemma, or that of an apposition ("a petrel, a
    seabird": seabird); else None."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return None
    return next((t.lemma_.lower() for t in [noun, *noun.children] if (
        t is noun or t.dep_ == "appos") and t.lemma_.lower() in ANIMAL_NOUNS), None) or (
        noun.lemma_.lower() if noun.lemma_.lower() in learned_kinds(noun.doc) else None)
