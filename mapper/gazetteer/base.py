"""The gazetteer interface: a geopy geocoder that also answers mapper's richer questions."""

from __future__ import annotations

import re
import unicodedata
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from functools import lru_cache

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from shapely.geometry.base import BaseGeometry

from mapper.model import GazetteerEntry

_APOSTROPHES = re.compile(r"[’'`ʼ]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,]+")
_SPACES = re.compile(r"\s+")
# Words names write both in full and shortened ("Mount Pleasant", "Mt. Pleasant"): folded to
# the short form so either spelling finds the entry whichever one the source recorded.
_SHORT_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
LONG_WORDS = re.compile(r"\b(?:" + "|".join(_SHORT_FORMS) + r")\b")
# The long words no other contains ("saint" is in "sainte"): a text without them has none.
_LONG_CORES = tuple(w for w in _SHORT_FORMS if not any(o != w and o in w for o in _SHORT_FORMS))


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
WORLD = (-90.0, -180.0, 90.0, 180.0)  # Gazetteer.within's box of the whole world (S, W, N, E)

def _short(match: re.Match[str]) -> str:
    return _SHORT_FORMS[match.group()]


class _CombiningMarks(dict):
    """A ``str.translate`` table that deletes combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _CombiningMarks()


def normalize_uncached(name: str) -> str:
    """Fold a place name for lookup: no accents, lower case, no dots or apostrophes, and
    "saint", "mount", "fort" as "st", "mt", "ft" (:func:`normalize` without its memo, for the
    index build's million names, most of them met once)."""
    if _PLAIN.fullmatch(name):  # letters and single spaces: only lower case and short forms
        low = name.lower()
        for word in _LONG_CORES:
            if word in low:
                return low if LONG_WORDS.search(low) is None else LONG_WORDS.sub(_short, low)
        return low  # no long word in it (the common case, without a regex call)
    if name.isascii():  # NFKD leaves ASCII as it is, without combining marks
        text = name
    else:
        text = unicodedata.normalize("NFKD", name).translate(_MARKS)
    text = _APOSTROPHES.sub("", text).replace(".", " ").lower()
    text = _SEPARATORS.sub(" ", text)
    text = LONG_WORDS.sub(_short, text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Fold a place name for lookup: :func:`normalize_uncached`, memoised."""
    return normalize_uncached(name)


def entry_location(entry: GazetteerEntry) -> Location:
    """A geopy Location for a gazetteer entry (``raw`` carries the entry's fields)."""
    raw = {
        "key": entry.key,
        "name": entry.name,
        "feature": entry.feature,
        "country_code": entry.country_code,
        "geonameid": entry.geonameid,
        "population": entry.population,
        "admin1": entry.admin1,
        "bbox": entry.bbox,
        "source": entry.source,
    }
    address = ", ".join(p for p in (entry.name, entry.admin1, entry.country_code) if p)
    return Location(address, (entry.lat, entry.lon), raw)


class Gazetteer(Geocoder):
    """Base class of mapper's gazetteers.

    ``geocode()`` works as in geopy (returns ``Location`` objects); ``candidates()`` returns
    every entry a name may denote, for the resolver to rank with the document as context.
    """

    def __init__(self) -> None:
        super().__init__(timeout=None, user_agent="mapper")

    @abstractmethod
    def candidates(self, name: str, limit: int = 50) -> list[GazetteerEntry]:
        """Entries whose name or alternate name folds to ``normalize(name)``."""

    @abstractmethod
    def by_key(self, key: str) -> GazetteerEntry | None: ...

    def match_kinds(self, name: str) -> dict[str, int]:
        """Entry key -> how the name matched (0 primary name, 1 alternate, 2 derived)."""
        return {c.key: 1 for c in self.candidates(name)}

    def has_name(self, norm: str) -> bool:
        """Whether any entry has this (normalized) name."""
        return bool(self.candidates(norm, limit=1))

    def within(self, south: float, west: float, north: float, east: float,
               feature: str = "city", min_population: int = 0) -> list[GazetteerEntry]:
        """Entries of a feature type inside a box (where the gazetteer can answer)."""
        return []

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        return self.by_key(f"gn:{geonameid}")

    @abstractmethod
    def country(self, code: str) -> GazetteerEntry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""

    def country_shape(self, code: str) -> BaseGeometry | None:
        """The country's outline (shapely, lon/lat), where the gazetteer has one."""
        return None

    def capital(self, code: str) -> GazetteerEntry | None:
        """The capital city of a country, where the gazetteer knows it."""
        return None

    def countries(self) -> Iterable[GazetteerEntry]:
        return ()

    def geocode(self, query: str, *, exactly_one: bool = True, **_: object):
        """geopy's geocode: the most populous entry first."""
        found: Sequence[GazetteerEntry] = sorted(
            self.candidates(query), key=lambda e: -(e.population or 0)
        )
        locations = [entry_location(e) for e in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations or None

    def reverse(self, query, *, exactly_one: bool = True, **_: object):  # noqa: D401
        raise NotImplementedError("mapper gazetteers do not reverse-geocode")
