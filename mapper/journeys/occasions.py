"""A visit of an earlier year is a trip of its own: "This is his second visit to Africa, after
he visited A, B and C in 2016" tells a past tour beside today's, not the way the leader came
to today's first stop. Such visits are kept as stops no leg joins to the present trip (the
``apart`` mark), as "who last visited X in 2013" is.

A visit is a round trip (the visitor went home after it), so this holds for visit and tour
verbs only: a migrant who "fled X in 2015" and "reached Y" this year made one journey."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.values import Event

VISIT_LEMMAS = {"visit", "tour"}


def _year_end(day: str) -> int:
    """The year an ISO date or interval ends in."""
    return int((day.partition("/")[2] or day)[:4])


def mark_past_visits(ctx: Context, events: list[Event]) -> list[Event]:
    """Mark apart each visit told as done in a year before the article's, for a mover with
    events of the article's own time (dated in its year, or undated plans)."""
    published = ctx.article.published if ctx.article is not None else None
    if published is None:
        return events
    now = published.year
    current = {ev.mover.key for ev in events if ev.date and _year_end(ev.date) >= now or
               not ev.date and ev.extra.get("future")}
    for ev in events:
        if ev.mover.key in current and ev.date and _year_end(ev.date) < now and \
                ev.extra.get("lemma") in VISIT_LEMMAS and ev.status == "confirmed":
            ev.extra["apart"] = True
    return events
