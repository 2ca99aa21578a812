"""The values the journeys steps pass along: a mover, a motion event, the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from mapper.model import Journey, Place


@dataclass
class Mover:
    """Who travels: a person, group, vehicle or thing, one per identity in the article."""

    key: str
    label: str
    vehicle: str | None = None
    home: str | None = None  # ISO country code
    first: int = 0
    vehicles: dict[str, int] = field(default_factory=dict)  # how often each vehicle moves it


@dataclass
class Event:
    """A mover at a place in one clause: origin, dest, via or crossing, with status, date, mode."""

    mover: Mover
    place: Place
    role: str  # origin, dest, via, crossing
    status: str
    date: str | None
    mode: str
    verb: str
    evidence: str
    position: int
    span: tuple[int, int]
    order: float = 0.0
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class JourneyResult:
    """The journeys of an article and the places they add."""

    journeys: tuple[Journey, ...]
    places: tuple[Place, ...]  # places the journeys imply (border crossings, origins)
