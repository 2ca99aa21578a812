"""Two tellings of one stop made one: a containing stop merged into the stop inside it, two
mentions of one stop, and a sentence that retells a trip told before."""

from __future__ import annotations

from dataclasses import replace

from mapper.journeys.values import Event
from mapper.journeys.words import STATUS_RANK
from mapper.model import Stop


def merge_restated(evs: list[Event]) -> list[Event]:
    """A sentence that retells a trip told before, from the same place to the same place ("led
    police on a chase from X through Y to Z ... He drove from X to Z") or to places one
    sentence listed before ("is due to visit A, B and C ... His visits to A and B are ..."),
    adds its evidence, mode and status to that trip's stops instead of a second trip."""
    by_sentence: dict[str, list[Event]] = {}
    for ev in evs:
        by_sentence.setdefault(ev.evidence, []).append(ev)
    told: list[list[Event]] = []
    told_ends: list[set[tuple[str, str]]] = []  # each told group's (place, role)s, made once
    drop: set[int] = set()
    for group in by_sentence.values():
        ends = {(e.place.id, e.role) for e in group}
        earlier = next((g for g, g_ends in zip(told, told_ends) if ends <= g_ends), None)
        if earlier is not None and _retold(earlier, group, {r for _, r in ends}):
            for ev in group:
                combine(_same(earlier, ev), ev)
                drop.add(id(ev))
            for ev in earlier:  # the places passed between them are as sure as its ends
                if ev.role == "via":
                    ev.status = max((ev.status, group[0].status), key=STATUS_RANK.__getitem__)
            continue
        told.append(group)
        told_ends.append(ends)
    return [e for e in evs if id(e) not in drop]


def _same(earlier: list[Event], ev: Event) -> Event:
    """The event of an earlier sentence at ``ev``'s place in ``ev``'s role."""
    return next(e for e in earlier if (e.place.id, e.role) == (ev.place.id, ev.role))


def _retold(earlier: list[Event], group: list[Event], roles: set[str]) -> bool:
    """Whether a sentence's events retell an earlier sentence's: a trip between the same two
    places told in one tense, or two or more of the places one sentence listed as goals,
    each in the tense it had there."""
    def future(e: Event) -> bool:
        return bool(e.extra.get("future"))
    if roles == {"origin", "dest"}:
        return all(future(e) == future(group[0]) for e in earlier + group)
    return roles == {"dest"} and len(group) > 1 and all(
        future(_same(earlier, e)) == future(e) for e in group)


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


RETURN_WORDS = ("return", "back", "again")  # a second stop at one place the text says it is


def merge_planned_repeats(stops: list[Stop], apart: set, text: str) -> list[Stop]:
    """A planned stop told again later in the plan for the same day, with nothing saying the
    mover comes back ("is due to visit A, B and C ... arriving in A on November 5"): one stop,
    the first, with both sentences as evidence in the order of ``text``."""
    out: list[Stop] = []
    first: dict[tuple[str, str], int] = {}  # (place, day) -> where its first planned stop is
    for s in stops:
        key = (s.place.id, s.date or "")
        at = first.get(key) if s.status == "planned" and s.date and "/" not in s.date else None
        if at is None or s.implied or (s.place.id, s.position) in apart or any(
                w in s.evidence.lower() or w in s.verb.lower() for w in RETURN_WORDS):
            if s.status == "planned" and s.date:
                first.setdefault(key, len(out))
            out.append(s)
            continue
        same = out[at]
        evidence = "\n".join(sorted(dict.fromkeys(same.evidence.split("\n") +
                                                  s.evidence.split("\n")), key=text.find))
        out[at] = replace(same, evidence=evidence)
    return out
