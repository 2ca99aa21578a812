"""A doubled word, a common typo in published copy ("from from X", "to to Y"), read as one:
the parser hangs the second preposition on the first, as if the first had it for its object;
the second's object is the first's."""

from __future__ import annotations


def doubled_preps(head) -> list:
    """The second of each doubled preposition on ``head`` ("took from from X": the "from"
    that holds X), to be read in place of the first."""
    return [c for p in head.children if p.dep_ == "prep" and not any(
        o.dep_ == "pobj" for o in p.children) for c in p.children
        if c.dep_ == "prep" and c.lower_ == p.lower_ and c.i == p.i + 1]


def prep_objects(prep) -> list:
    """A preposition's objects, a doubled one read as one ("from from X")."""
    return [o for o in prep.children if o.dep_ == "pobj"] + [
        o for c in doubled_preps_of(prep) for o in c.children if o.dep_ == "pobj"]


def doubled_preps_of(prep) -> list:
    """The repeat hung on ``prep`` itself ("from" under "from"), if any."""
    return [c for c in prep.children if c.dep_ == "prep" and c.lower_ == prep.lower_
            and c.i == prep.i + 1]
