"""Listed stops: places one verb names together ("caused damage in X and Y") carry no order
in time of their own; between the stops before and after them they go in the order of the
shorter path (a storm's list of islands struck, told in any order)."""

from __future__ import annotations

from itertools import permutations

from mapper.geodesy import distance_km
from mapper.journeys.values import Event

MAX_RUN = 4  # permutations of at most this many listed places
SAVING = 0.2  # the reordered path must be this much shorter (a fraction of the told one)


def _km(a: Event, b: Event) -> float:
    return distance_km((a.place.lat, a.place.lon), (b.place.lat, b.place.lon))


def _length(path: list[Event]) -> float:
    return sum(_km(a, b) for a, b in zip(path, path[1:]))


def _listed_together(a: Event, b: Event) -> bool:
    """Two places of one verb in one role, status and date: "in X and Y" (not a plan's:
    "will visit X, Y and Z" is mostly told in the order of the programme)."""
    return (a.position == b.position and a.evidence == b.evidence and a.role == b.role
            and a.status != "planned"
            and a.status == b.status and a.date == b.date and a.place.id != b.place.id
            and not a.extra.get("apart") and not b.extra.get("apart"))


def order_listed(evs: list[Event]) -> list[Event]:
    """``evs`` (in time order) with each run of places listed together reordered to the
    shortest path from the stop before the run to the stop after it, when that path is
    clearly shorter than the told order; a run at either end of the journey stays."""
    out = list(evs)
    i = 1
    while i < len(out) - 1:
        j = i
        while j + 1 < len(out) and _listed_together(out[i], out[j + 1]):
            j += 1
        run = out[i:j + 1]
        if 2 <= len(run) <= MAX_RUN and j + 1 < len(out):
            before, after = out[i - 1], out[j + 1]
            told = _length([before, *run, after])
            best = min(permutations(run), key=lambda p: _length([before, *p, after]))
            if _length([before, *best, after]) < (1 - SAVING) * told:
                orders = [ev.order for ev in run]  # sorted already: the steps after rely on it
                for k, ev, order in zip(range(i, j + 1), best, orders):
                    out[k] = ev
                    ev.order = order
        i = j + 1
    return out
