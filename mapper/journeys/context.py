"""The context the journeys steps share over one article: what it is (the article, its parse
and resolved places) and what has been read of it so far (people, movers, vehicles)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from mapper.gazetteer.base import Gazetteer
from mapper.journeys.values import Mover
from mapper.model import Article, Place


@dataclass
class Context:
    """The state of the journeys steps over one article (a fresh one per article)."""

    gazetteer: Gazetteer
    demonyms: dict[str, str]  # "Brazilian" -> "BR"
    demonym_pattern: re.Pattern | None
    article: Article | None = None
    doc: Any = None  # the spaCy parse
    places: tuple[Place, ...] = ()
    by_span: list = field(default_factory=list)  # (start, end, place, label) by mention start
    span_index: Any = None  # by_span's starts and running furthest ends (see spans_near)
    # people: one record per person, a name word -> person key, each name's mentions, genders
    people: dict[str, dict] = field(default_factory=dict)
    person_alias: dict[str, str] = field(default_factory=dict)
    name_keys: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict)
    person_keys: set[str] = field(default_factory=set)  # every person key in name_keys
    first_named: dict[str, int] | None = None  # person key -> first token (from name_keys)
    gender: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)  # vehicle noun -> its owner's key
    # movers seen so far
    movers: dict[str, Mover] = field(default_factory=dict)
    last: dict[str, Mover] = field(default_factory=dict)
    last_person: Any = None
    plural_subject: Any = None  # the latest group named as a subject ("the couple")
    person_trail: list = field(default_factory=list)  # the people named as subjects, latest last
    subject_vehicle: str | None = None
    taken: bool = False  # the vehicle is one taken for this leg ("took a boat to X")
    last_together: list[Mover] = field(default_factory=list)
    last_two: Mover | None = None  # the latest group of two ("two hikers")
    last_named: Mover | None = None  # the latest mover the text names, and where
    last_named_at: int = 0
    carried_by: dict[str, Mover] = field(default_factory=dict)  # transport verb -> latest mover
    by_label: dict[str, Mover] = field(default_factory=dict)
    home_places: dict[str, Place] = field(default_factory=dict)
    craft: dict[str, str] = field(default_factory=dict)  # "the Sea Star" -> "ship" ("is a ship")
    craft_kind: str | None = None  # the vehicle noun of an article that names one mode only
    tour_mode: str | None = None  # the mode of the trip the lead names ("a bus tour")
    storms: dict[str, str] = field(default_factory=dict)  # a storm's name -> "Hurricane Ana"
    derived: dict[str, Place] = field(default_factory=dict)  # offset points, parts of areas
    base: int = 0  # the ordinal of "now" events are ordered against (set by assembly)
    memo: dict[Any, Any] = field(default_factory=dict)  # facts of the article worked out once


def spans_near(ctx: Context, lo: int, hi: int) -> list:
    """The entries of ``ctx.by_span`` that may touch characters ``lo``..``hi`` (every one that
    does, in order, and a few that do not), found by bisection instead of a walk over all."""
    spans = ctx.by_span
    if ctx.span_index is None or ctx.span_index[0] is not spans or \
            len(ctx.span_index[1]) != len(spans):
        starts = [s for s, _, _, _ in spans]
        reach, far = [], -1
        for _, e, _, _ in spans:
            far = max(far, e)
            reach.append(far)
        ctx.span_index = (spans, starts, reach)
    _, starts, reach = ctx.span_index
    return spans[bisect_left(reach, lo):bisect_right(starts, hi)]
