"""The values the journeys steps pass along: a mover, a motion event, the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from mapper.model import Journey, Place


@dataclass
class Mover:
    key: str
    label: str
    vehicle: str | None = None
    home: str | None = None  # ISO country code
    first: int = 0
    vehicles: dict[str, int] = field(default_factory=dict)  # how often each vehicle moves it


@dataclass
class Event:
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
    journeys: tuple[Journey, ...]
    places: tuple[Place, ...]  # places the journeys imply (border crossings, origins)
