"""The journeys extractor: the steps put together over one article."""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.alternation import one_of
from mapper.gazetteer import sources
from mapper.gazetteer.base import Gazetteer
from mapper.journeys.ahead import ahead_events
from mapper.journeys.animal_trips import animal_departures
from mapper.journeys.assembly import assemble_journeys
from mapper.journeys.boarding import boarded_origins
from mapper.journeys.coasts import coast_positions
from mapper.journeys.context import Context
from mapper.journeys.departures import event_origins
from mapper.journeys.events import events_at
from mapper.journeys.grounding import grounding_events
from mapper.journeys.groups import note_counted_group
from mapper.journeys.itinerary import route_point_events
from mapper.journeys.occasions import mark_past_visits
from mapper.journeys.people import (
    craft_kind,
    genders,
    named_craft,
    named_people,
    vehicle_owners,
)
from mapper.journeys.positions import (
    place_positions,
    planned_overflights,
    position_events,
)
from mapper.journeys.roads import drop_road_movers
from mapper.journeys.seizures import seizure_events
from mapper.journeys.status_mode import tour_mode
from mapper.journeys.stays import drop_where_stays
from mapper.journeys.storm_track import storm_object_events
from mapper.journeys.triggers import ReaderPlan
from mapper.journeys.trip_area import drop_trip_areas
from mapper.journeys.values import Event, JourneyResult
from mapper.journeys.words import STORM_NAMED
from mapper.model import Article, Place
from mapper.nlp import doc_sents, doc_tokens

# The readers run at each token their trigger fires at (mapper.journeys.triggers), in this
# order; each returns the motion events it reads there (a counted group kept as the next
# "they", a verb's frame, where a trip started, a route point, a position, a grounding, a
# storm's move, a place seized, a goal still ahead).
TOKEN_READERS = (note_counted_group, events_at, event_origins, route_point_events,
                 position_events, grounding_events, storm_object_events, seizure_events,
                 ahead_events, animal_departures)
READER_PLAN = ReaderPlan(TOKEN_READERS)

@lru_cache(maxsize=8)
def demonym_pattern(demonyms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The country demonyms as one pattern, longest first (made once per table)."""
    names = sorted(demonyms, key=len, reverse=True)
    # "Central American", "Latin American": a region's people, not the United States'
    return re.compile(
        r"(?<!Central )(?<!Latin )(?<!North )(?<!South )(?<!East )(?<!West )\b(" +
        one_of(names) + r")\b") if names else None


class JourneyExtractor:
    """Motion events and journeys of an article, from its parse and resolved places."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.demonyms = sources.demonyms()
        self.demonym_pattern = demonym_pattern(tuple(self.demonyms))

    def context(self) -> Context:
        """A fresh context for one article."""
        return Context(self.gazetteer, self.demonyms, self.demonym_pattern)

    def extract(self, article: Article, doc, places: tuple[Place, ...]) -> JourneyResult:
        ctx = self.context()
        return assemble_journeys(ctx, read_events(ctx, article, doc, places))

    def events(self, article: Article, doc, places: tuple[Place, ...]) -> list[Event]:
        """Every motion event of the article, in text order."""
        return read_events(self.context(), article, doc, places)


def read_events(ctx: Context, article: Article, doc, places: tuple[Place, ...]) -> list[Event]:
    """Every motion event of the article, in text order, read into ``ctx``."""
    ctx.article = article
    ctx.doc = doc
    ctx.places = places
    ctx.by_span = sorted(
        ((m.start, m.end, p, m.label) for p in places for m in p.mentions),
        key=lambda x: x[0])
    ctx.people = named_people(ctx, doc)
    ctx.gender = genders(ctx, doc)
    ctx.owners = vehicle_owners(ctx, doc)
    ctx.craft = named_craft(doc)
    ctx.craft_kind = craft_kind(doc)
    ctx.tour_mode = tour_mode(doc)
    ctx.storms = {m.group(1).lower(): m.group(0) for m in STORM_NAMED.finditer(article.text)}
    events: list[Event] = []
    toks = doc_tokens(doc)
    for sent in doc_sents(doc):
        for tok in toks[sent.start:sent.end]:
            ctx.taken = False  # a vehicle taken is this token's verb's only
            for reader in READER_PLAN.at(tok):
                events.extend(reader(ctx, tok, sent))
    events = drop_trip_areas(ctx, drop_road_movers(events))
    place_positions(ctx, events)
    coast_positions(ctx, events)
    events = boarded_origins(ctx, planned_overflights(ctx, events))
    return drop_where_stays(ctx, mark_past_visits(ctx, events))
