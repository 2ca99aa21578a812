"""The journeys extractor: the steps put together over one article."""

from __future__ import annotations

import re

from mapper.gazetteer import sources
from mapper.gazetteer.base import Gazetteer
from mapper.journeys.assembly import AssemblySteps
from mapper.journeys.events import EventSteps
from mapper.journeys.movers import MoverSteps
from mapper.journeys.people import PeopleSteps
from mapper.journeys.status_mode import StatusModeSteps
from mapper.journeys.timing import TimeSteps
from mapper.journeys.values import Event, JourneyResult, Mover
from mapper.model import Article, Place


class JourneyExtractor(PeopleSteps, MoverSteps, EventSteps, StatusModeSteps, TimeSteps,
                       AssemblySteps):
    """Motion events and journeys of an article, from its parse and resolved places."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.demonyms = sources.demonyms()
        names = sorted(self.demonyms, key=len, reverse=True)
        # "Central American", "Latin American": a region's people, not the United States'
        self.demonym_pattern = re.compile(
            r"(?<!Central )(?<!Latin )(?<!North )(?<!South )(?<!East )(?<!West )\b(" +
            "|".join(map(re.escape, names)) + r")\b") if names else None

    def extract(self, article: Article, doc, places: tuple[Place, ...]) -> JourneyResult:
        return self._journeys(self.events(article, doc, places))

    def events(self, article: Article, doc, places: tuple[Place, ...]) -> list[Event]:
        """Every motion event of the article, in text order."""
        self.article = article
        self.doc = doc
        self.places = places
        self.by_span = sorted(
            ((m.start, m.end, p, m.label) for p in places for m in p.mentions),
            key=lambda x: x[0])
        self.people = self._people(doc)
        self.movers: dict[str, Mover] = {}
        self.last: dict[str, Mover] = {}
        self.last_person = None
        self.plural_subject = None  # the latest group named as a subject ("the couple")
        self.person_trail: list = []  # the people named as subjects, latest last
        self.gender = self._genders(doc)
        self.subject_vehicle: str | None = None
        self.taken = False  # the vehicle is one taken for this leg ("took a boat to X")
        self.last_together: list[Mover] = []
        self.last_two: Mover | None = None  # the latest group of two ("two hikers")
        self.last_named: Mover | None = None  # the latest mover the text names, and where
        self.last_named_at = 0
        self.carried_by: dict[str, Mover] = {}  # the latest mover each transport verb moved
        self.by_label: dict[str, Mover] = {}
        self.home_places: dict[str, Place] = {}
        self.owners = self._vehicle_owners(doc)
        events: list[Event] = []
        for sent in doc.sents:
            for tok in sent:
                events.extend(self._events_at(tok, sent))
        return events
