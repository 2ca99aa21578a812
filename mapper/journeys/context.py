"""The context the journeys steps share over one article: what it is (the article, its parse
and resolved places) and what has been read of it so far (people, movers, vehicles)."""

from __future__ import annotations

import re
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
    # people: one record per person, a name word -> person key, each name's mentions, genders
    people: dict[str, dict] = field(default_factory=dict)
    person_alias: dict[str, str] = field(default_factory=dict)
    name_keys: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict)
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
    base: int = 0  # the ordinal of "now" events are ordered against (set by assembly)
