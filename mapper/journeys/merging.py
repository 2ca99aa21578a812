"""Two tellings of one stop made one: a containing stop merged into the stop inside it, two
mentions of one stop, and a sentence that retells a trip told before."""

from __future__ import annotations

from mapper.journeys.values import Event
from mapper.journeys.words import STATUS_RANK


def merge_restated(evs: list[Event]) -> list[Event]:
    """A sentence that retells a trip told before, from the same place to the same place ("led
    police on a chase from X through Y to Z ... He drove from X to Z"), adds its evidence, mode
    and status to that trip's stops instead of a second trip."""
    by_sentence: dict[str, list[Event]] = {}
    for ev in evs:
        by_sentence.setdefault(ev.evidence, []).append(ev)
    told: list[list[Event]] = []
    told_ends: list[set[tuple[str, str]]] = []  # each told group's (place, role)s, made once
    drop: set[int] = set()
    for group in by_sentence.values():
        ends = {(e.place.id, e.role) for e in group}
        earlier = next((g for g, g_ends in zip(told, told_ends) if ends <= g_ends), None)
        if earlier is not None and {r for _, r in ends} == {"origin", "dest"} and \
                all(bool(e.extra.get("future")) == bool(group[0].extra.get("future"))
                    for e in earlier + group):
            for ev in group:
                keep = next(e for e in earlier if (e.place.id, e.role) == (ev.place.id, ev.role))
                combine(keep, ev)
                drop.add(id(ev))
            for ev in earlier:  # the places passed between them are as sure as its ends
                if ev.role == "via":
                    ev.status = max((ev.status, group[0].status), key=STATUS_RANK.__getitem__)
            continue
        told.append(group)
        told_ends.append(ends)
    return [e for e in evs if id(e) not in drop]


def combine(keep: Event, other: Event) -> Event:
    """Merge a containing stop into a contained one (or two mentions of one stop): the
    stronger status (a continent's from its own sentence only: "in Africa" confirms no stop
    planned in it); the more precise date of the same place, a region's date only when the
    same sentence gave it or, for an arrival, the contained stop has none of its own told in
    the same tense ("returned to Turkey on Saturday ... arriving at the port of X"; not a
    region "rolled through on Monday" for a city passed before)."""
    if other.place.entry.feature != "continent" or other.evidence == keep.evidence:
        keep.status = max((keep.status, other.status), key=STATUS_RANK.__getitem__)
    if other.evidence == keep.evidence or keep.place.id == other.place.id:
        keep.date = better_date(keep.date, other.date)
    elif keep.date is None and keep.role == other.role == "dest" and \
            bool(keep.extra.get("future")) == bool(other.extra.get("future")):
        keep.date = other.date
    keep.extra.setdefault("evidence", []).extend(
        [other.evidence, *other.extra.get("evidence", [])])
    if keep.mode == "unknown":
        keep.mode = other.mode
    return keep


def better_date(a: str | None, b: str | None) -> str | None:
    """The more informative of two dates of one stop: either one when the other is missing,
    a day within a span rather than the span ("on Tuesday" rather than "this week")."""
    if not a or not b:
        return a or b
    if "/" in a and "/" not in b:
        lo, _, hi = a.partition("/")
        if lo <= b <= hi:
            return b
    return a
