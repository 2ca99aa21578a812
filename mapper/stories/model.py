"""Typed values of a story: one journey per mover followed across several articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mapper.model import Analysis, Mode, Place, Status


@dataclass(frozen=True)
class StoryArticle:
    """One article of the story, as cited."""

    source: str  # path, URL or id
    title: str | None = None
    published: date | None = None

    @property
    def label(self) -> str:
        """How a citation names the article: its file name or URL, and its date."""
        name = self.source.rstrip("/").rsplit("/", 1)[-1] if "://" not in self.source \
            else self.source
        return f"{name}, {self.published.isoformat()}" if self.published else name


@dataclass(frozen=True)
class Sighting:
    """One article's stop of one mover: the input of the merge."""

    article: int  # index into Story.articles
    mover: str  # the mover as that article's journeys stage named it
    place: Place
    status: Status
    sentence: str
    date: str | None = None  # ISO date or interval, resolved against the article's own date
    mode: Mode = "unknown"
    implied: bool = False
    index: int = 0  # the stop's place in its article's journey (time order)


@dataclass(frozen=True)
class Citation:
    """What one article says about a stop."""

    article: int  # index into Story.articles
    source: str
    published: date | None
    sentence: str
    status: Status
    date: str | None = None


@dataclass(frozen=True)
class StoryStop:
    """A stop of the merged journey: the place, its status after the latest information, and
    every article that tells it."""

    place: Place
    status: Status
    citations: tuple[Citation, ...]
    date: str | None = None
    mode: Mode = "unknown"
    implied: bool = False
    disputed: bool = False  # another article puts the mover elsewhere at that time

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(sorted({c.article for c in self.citations}))


@dataclass(frozen=True)
class Contradiction:
    """Two articles that disagree about where the mover was: both citations kept."""

    date: str
    stops: tuple[int, int]  # indices into StoryJourney.stops
    citations: tuple[Citation, Citation]
    note: str


@dataclass(frozen=True)
class StoryJourney:
    """One mover's journey across the articles, stops in time order."""

    id: str
    mover: str
    names: tuple[str, ...]  # every name the articles give the mover
    stops: tuple[StoryStop, ...]
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def route(self) -> tuple[StoryStop, ...]:
        """The stops a line joins: a disputed stop with less support stays off the line."""
        keep = set(range(len(self.stops)))
        for c in self.contradictions:
            a, b = c.stops
            keep.discard(min((a, b), key=lambda i: _support(self.stops[i])))
        return tuple(s for i, s in enumerate(self.stops) if i in keep)


_RANK = {"confirmed": 3, "reported": 2, "speculated": 1, "planned": 0}


def _support(stop: StoryStop) -> tuple[int, int, int]:
    """How well a stop is supported: articles telling it, status, latest article."""
    return (len(stop.articles), _RANK.get(stop.status, 0), max(stop.articles, default=0))


@dataclass(frozen=True)
class Story:
    """Several articles read together: their movers' journeys joined."""

    articles: tuple[StoryArticle, ...]
    journeys: tuple[StoryJourney, ...]
    analyses: tuple[Analysis, ...] = field(default=(), repr=False, compare=False)
