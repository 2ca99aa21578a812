"""Participles the parser hangs on the wrong word: "a jet departing X and arriving at Y"."""

from __future__ import annotations

from mapper.journeys.syntax import lemma_of
from mapper.journeys.words import GROUP_NOUNS, MOTION_VERBS


def paired_participle(verb):
    """The participle of a noun that a motion participle pairs with, when the parser hung the
    second on the sentence's main verb ("spotted a jet departing X and arriving at Y": Y is
    the jet's, not the spotter's), else None."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.head.tag_ == "VBG" or \
            lemma_of(verb) not in MOTION_VERBS or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    main = verb.head
    cc = [c for c in main.children if c.dep_ == "cc" and main.i < c.i < verb.i]
    if not cc:
        return None
    for tok in reversed(main.doc[main.i + 1:cc[-1].i]):
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and lemma_of(tok) in MOTION_VERBS and \
                tok.head.pos_ in ("NOUN", "PROPN") and main in tok.ancestors:
            return tok
    return None


def aboard_group(vehicle):
    """The group a vehicle has on board ("a ship with 40 migrants on board", "a boat with
    refugees aboard"), read from the words even when the parser hangs "on board" elsewhere;
    else None."""
    for prep in vehicle.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.tag_ != "NNS" or lemma_of(obj) not in GROUP_NOUNS:
                continue
            after = obj.doc[obj.i + 1: obj.i + 3]
            if after.text.lower().startswith(("on board", "aboard", "onboard")):
                return obj
    return None
