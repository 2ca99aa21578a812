"""Typed values passed between mapper's stages.

The pipeline is ``Article -> Mention -> Place -> Journey/Corridor -> (geometry) -> map/exports``.
Every stage takes and returns these frozen dataclasses; no stage reaches back into another's
internals. Coordinates are WGS84 degrees; shapely geometries are in (lon, lat) order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # annotations only: `mapper places missing.txt` fails before shapely loads
    from shapely.geometry import LineString, Polygon

Status = Literal["confirmed", "planned", "reported", "speculated"]
Mode = Literal["rail", "air", "road", "sea", "unknown"]
CorridorType = Literal["oil_pipeline", "gas_pipeline", "railway", "road", "power_line", "other"]
CorridorStatus = Literal["existing", "proposed", "under_construction", "unknown"]

STATUSES: tuple[str, ...] = ("confirmed", "planned", "reported", "speculated")
MODES: tuple[str, ...] = ("rail", "air", "road", "sea", "unknown")


@dataclass(frozen=True)
class Article:
    """One article as read: its text and what was detected about it."""

    text: str
    source: str  # path, URL or "-" (stdin)
    stem: str  # file-name stem for default outputs
    title: str | None = None
    dateline: str | None = None  # e.g. "MOSCOW", as written
    dateline_span: tuple[int, int] | None = None  # offsets of the dateline place in ``text``
    published: date | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of the article that refers to a place, directly or by implication."""

    text: str
    start: int
    end: int
    sentence: str
    label: str = "GPE"  # GPE, LOC, FAC, DATELINE, DEMONYM, ELLIPSIS, IMPLIED, GAZ
    implied: bool = False  # demonyms, ellipses ("the North"), "the Chilean capital"
    # For implied mentions: what they point to, e.g. {"country_code": "KP", "role": "capital"}.
    hint: tuple[tuple[str, str], ...] = ()
    qualifier: str | None = None  # "La." in "Alexandria, La."

    def hint_value(self, key: str) -> str | None:
        return dict(self.hint).get(key)


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer record: a named feature with a representative point."""

    key: str  # unique in the gazetteer: "gn:1871859", "ne:RUS", "feat:lake_victoria"
    name: str
    lat: float
    lon: float
    feature: str  # city, country, admin1, admin2, lake, river, sea, region, ...
    country_code: str | None = None
    population: int = 0
    geonameid: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    admin1: str | None = None  # name of the first-level subdivision, where known
    source: str = ""


@dataclass(frozen=True)
class Place:
    """A resolved place: one gazetteer entry and every mention of it."""

    id: str
    name: str  # as written in the article (the first explicit mention)
    entry: GazetteerEntry
    mentions: tuple[Mention, ...]
    implied: bool = False  # True when no mention names it explicitly
    score: float = 0.0  # resolver confidence, 0..1

    @property
    def lat(self) -> float:
        return self.entry.lat

    @property
    def lon(self) -> float:
        return self.entry.lon


@dataclass(frozen=True)
class Stop:
    """A mover at a place, as one sentence of the article says."""

    place: Place
    status: Status
    evidence: str  # the sentence
    date: str | None = None  # ISO date or ISO interval "start/end"
    mode: Mode = "unknown"
    verb: str = ""  # the motion word that introduced it ("crossed", "next stop", ...)
    implied: bool = False  # the stop itself is inferred (an origin the text does not name)
    position: int = 0  # character offset of the evidence in the article


@dataclass(frozen=True)
class Leg:
    journey: str
    mover: str
    seq: int
    origin: Stop
    destination: Stop
    geometry: LineString | None = None
    length_km: float | None = None
    network: str = "geodesic"

    @property
    def status(self) -> Status:
        return self.destination.status

    @property
    def mode(self) -> Mode:
        return self.destination.mode

    @property
    def date(self) -> str | None:
        return self.destination.date


@dataclass(frozen=True)
class Journey:
    id: str
    mover: str
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...] = ()


@dataclass(frozen=True)
class Corridor:
    id: str
    type: CorridorType
    status: CorridorStatus
    origin: Place
    destination: Place
    via: tuple[Place, ...] = ()
    stated_length_km: float | None = None
    stated_length_text: str | None = None
    evidence: str = ""
    geometry: LineString | None = None
    length_km: float | None = None
    width_km: float = 20.0
    area: Polygon | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything mapper found in one article."""

    article: Article
    places: tuple[Place, ...]
    journeys: tuple[Journey, ...] = ()
    corridors: tuple[Corridor, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)
