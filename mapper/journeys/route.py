"""Route geography: a stop's place chosen with the route. A town resolved to a namesake across
the world from the stops around it is moved to the namesake near them, when that one bears the
name as its own (a large town named by its own name stays: a capital named after a stop on
another continent is still the capital, while a small town read as an alternate spelling of a
great city far away moves to the town of that name)."""

from __future__ import annotations

import re

from mapper.geodesy import distance_km
from mapper.journeys.context import Context, spans_near
from mapper.journeys.values import Event
from mapper.model import GazetteerEntry, Place
from mapper.nlp import doc_sents

FAR_KM = 2500.0  # a stop this far from both its neighbours is worth a second look
RATIO = 5.0  # the namesake must lie this many times nearer the neighbours
TOWNS = ("city", "admin2")
MAJOR = 100_000  # a town this large, named by its own name, stays however far it lies


def _nearest(entry: GazetteerEntry, around: list[Place]) -> float:
    return min(distance_km((entry.lat, entry.lon), (p.lat, p.lon)) for p in around)


def fit_route(ctx: Context, evs: list[Event], extra: dict[str, Place]) -> None:
    """Each town stop (events in time order) far from its neighbouring stops, whose name is
    the own name of a town near them, moved to that town (a place qualified in the text stays
    where it is)."""
    for i, ev in enumerate(evs):
        place = ev.place
        if place.implied or place.entry.feature not in TOWNS or \
                any(m.qualifier for m in place.mentions):
            continue
        around = [o.place for o in evs[max(0, i - 1): i + 2]
                  if o.place.id != place.id and not o.place.implied]
        if not around or _nearest(place.entry, around) < FAR_KM:
            continue
        far = _nearest(place.entry, around)
        kinds = ctx.gazetteer.match_kinds(place.name)
        if kinds.get(place.entry.key, 1) == 0 and place.entry.population >= MAJOR:
            continue  # a large town of that very name: the text may well mean it
        alts = [c for c in ctx.gazetteer.candidates(place.name)
                if c.key != place.entry.key and c.feature in TOWNS and kinds.get(c.key) == 0]
        if not alts:
            continue
        best = min(alts, key=lambda c: _nearest(c, around))
        if _nearest(best, around) * RATIO > far:
            continue
        moved = extra.get(best.key) or Place(best.key.replace(":", "-").lower(), place.name,
                                             best, place.mentions, score=place.score)
        extra[best.key] = moved
        ev.place = moved


SPECIFIC = ("city", "airport")


def most_specific(ctx: Context, evs: list[Event]) -> None:
    """A country stop becomes the one town in it that the same sentence names and no event
    of the mover places ("a state visit to <country>, where he will attend a summit in
    <city>"): the town is where the visit happens."""
    if ctx.doc is None:
        return
    at = {o.place.id for o in evs}
    for ev in evs:
        entry = ev.place.entry
        if entry.feature != "country" or ev.role == "crossing" or ev.place.implied:
            continue
        sent = next((s for s in doc_sents(ctx.doc) if s.start_char <= ev.position < s.end_char),
                    None)
        if sent is None:
            continue
        towns = {place.id: place for s, e, place, label in
                 spans_near(ctx, sent.start_char, sent.end_char)
                 if sent.start_char <= s and e <= sent.end_char and label != "DEMONYM"
                 and place.entry.feature in SPECIFIC and not place.implied
                 and place.entry.country_code == entry.country_code}
        if len(towns) == 1 and not set(towns) & at:
            ev.place = next(iter(towns.values()))
            at.add(ev.place.id)


# "<X> port near <Y>", "<X>, just outside <Y>": Y only says where X is
LOCATOR = re.compile(r"^(?:['’]s)?\s*(?:[a-z]+\s+)?,?\s*(?:just\s+|not\s+far\s+from|near|"
                     r"outside(?:\s+of)?|close\s+to)\s*(?:near|outside)?\s*(?:the\s+)?$")


def drop_locators(ctx: Context, evs: list[Event]) -> list[Event]:
    """Events at a place that only locates another stop of the same sentence ("sailed from
    <X> port near <Y>": Y is no stop)."""
    text = ctx.article.text if ctx.article else ""
    out = []
    told: dict[str, list[Event]] = {}  # the events of each sentence
    for ev in evs:
        told.setdefault(ev.evidence, []).append(ev)
    for ev in evs:
        if any(o is not ev and o.place.id != ev.place.id
               and 0 <= ev.span[0] - o.span[1] <= 30
               and LOCATOR.match(text[o.span[1]: ev.span[0]]) for o in told[ev.evidence]):
            continue
        out.append(ev)
    return out
