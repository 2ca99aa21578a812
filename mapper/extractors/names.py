"""An index of the gazetteer's "strong" names: one query per distinct name (remembered), the
whole table read into memory once a text asks for many (see NameIndex).

For each folded name it keeps the largest population among the entries it may denote (countries,
first-level subdivisions and physical features count as infinitely large) and whether a physical
feature bears it. Built with the SQLite gazetteer (its ``strong_names`` table) and read from it:
the cache holds data, never pickles.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mapper.gazetteer.base import LONG_WORDS, Gazetteer, normalize
from mapper.gazetteer.embedded import EmbeddedGazetteer

# What the strong_names table holds is part of the gazetteer index: a change here bumps
# ``mapper.gazetteer.embedded.INDEX_VERSION``.
FLOOR = 5000  # cities smaller than this are never strong evidence; kept out of the index
ALWAYS = 2**62  # countries, continents, first-level subdivisions, physical features
ADMIN1_MIN = 50_000  # a first-level subdivision with fewer people is weighed by its population
_PLAIN = re.compile(r"[A-Za-z0-9 ]*")


def fold(name: str) -> str:
    """``normalize(name)``, with a fast path for plain ASCII words (the common case)."""
    if _PLAIN.fullmatch(name):
        low = " ".join(name.lower().split())
        if LONG_WORDS.search(low) is None:  # normalize() shortens these words
            return low
    return normalize(name)


LOOKUPS_BEFORE_LOAD = 20_000  # names looked up one by one before the whole table is read


class NameIndex:
    """``strength(norm)``: the population a name stands for (0 when weak or unknown);
    ``norm in features``: whether a physical feature bears it.

    Given a gazetteer, names are looked up in its ``strong_names`` table one by one (and
    remembered) until LOOKUPS_BEFORE_LOAD distinct names have been asked for; then the whole
    table is read into memory. An article names a few hundred; reading the ~300,000 rows
    costs about half a second, the same answers (issue 13)."""

    def __init__(self, strength: dict[str, int] | None = None,
                 features: frozenset[str] | None = None,
                 gazetteer: EmbeddedGazetteer | None = None) -> None:
        self._strength = strength
        self._features = features
        self._gazetteer = gazetteer
        self._seen: dict[str, tuple[int, bool]] = {}
        self.features = _Features(self)

    def row(self, norm: str) -> tuple[int, bool]:
        """(strength, whether a physical feature bears the name)."""
        if self._strength is None or self._features is None:
            hit = self._seen.get(norm)
            if hit is not None:
                return hit
            if len(self._seen) < LOOKUPS_BEFORE_LOAD and self._gazetteer is not None:
                found = self._gazetteer.db.execute(
                    "SELECT strength, feature FROM strong_names WHERE norm = ?",
                    (norm,)).fetchone()
                hit = (found[0], bool(found[1])) if found else (0, False)
                self._seen[norm] = hit
                return hit
            self._read_all()
        return self._strength.get(norm, 0), norm in self._features  # type: ignore[union-attr, operator]

    def _read_all(self) -> None:
        db = self._gazetteer.db  # type: ignore[union-attr]
        features = frozenset(n for (n,) in db.execute(
            "SELECT norm FROM strong_names WHERE feature"))
        self._strength = dict(db.execute("SELECT norm, strength FROM strong_names"))
        self._features = features

    def strength(self, norm: str) -> int:
        return self.row(norm)[0]

    def is_strong(self, norm: str, min_population: int) -> bool:
        return self.row(norm)[0] >= min_population

    def __len__(self) -> int:
        if self._strength is not None:
            return len(self._strength)
        return self._gazetteer.db.execute(  # type: ignore[union-attr]
            "SELECT COUNT(*) FROM strong_names").fetchone()[0]


class _Features:
    """``norm in index.features``, answered by the index."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def __contains__(self, norm: object) -> bool:
        return isinstance(norm, str) and self.index.row(norm)[1]


# A second-level subdivision named with its generic word ("Laurel County", "Orleans Parish") is
# as unambiguous as a state; the bare name ("Laurel") is not.
DISTRICT_WORDS = ("county", "parish", "borough")


def is_district_name(norm: str) -> bool:
    return norm.rsplit(" ", 1)[-1] in DISTRICT_WORDS and " " in norm


_ALWAYS_FEATURES = frozenset({"country", "continent"})
_WEIGHED_FEATURES = frozenset({"admin1", "admin2", "city"})  # strong by name or population


class StrongNames:
    """The gazetteer index's ``strong_names`` table, gathered while the index is built (no
    second pass over its names): for each folded name, the largest strength among the entries
    that bear it, and whether a physical feature (a ``feat:`` key) does.

    A place's own name counts in full; an alternate or derived name (GeoNames lists many:
    "Story" for Rochelle, "Abbas" for Fort Abbas) at a tenth of its population. Countries,
    continents, physical features and districts named with their generic word ("Laurel
    County") are always strong; a first-level subdivision by its own name when it holds people
    enough to be news ("Patrick", a parish of the Isle of Man, does not), else by population;
    a city only from ``FLOOR`` people up."""

    def __init__(self) -> None:
        self.strength: dict[str, int] = {}
        self.features: set[str] = set()

    def add(self, key: str, feature: str, population: int,
            names: Iterable[tuple[str, int]]) -> None:
        """One entry's folded names with their kinds (0 own name, 1 alternate, 2 derived)."""
        is_feature = key.startswith("feat:")
        if feature in _ALWAYS_FEATURES or is_feature:
            always: bool | None = True
        elif feature == "city" and population < FLOOR or feature not in _WEIGHED_FEATURES:
            return
        else:
            always = None if feature == "admin2" else False  # None: only district names
        strength = self.strength
        for norm, kind in names:
            if not norm:
                continue
            if always or always is None and is_district_name(norm):
                value = ALWAYS
            elif always is None:
                continue
            elif feature == "admin1" and kind == 0 and population >= ADMIN1_MIN:
                value = ALWAYS
            else:
                value = population if kind == 0 else population // 10
            if value > strength.get(norm, -1):
                strength[norm] = value
            if is_feature:
                self.features.add(norm)

    def write(self, db: sqlite3.Connection) -> int:
        """Create and fill the table; returns its rows."""
        db.execute("CREATE TABLE strong_names (norm TEXT PRIMARY KEY, strength INTEGER,"
                   " feature INTEGER) WITHOUT ROWID")
        features = self.features
        db.executemany("INSERT INTO strong_names VALUES (?, ?, ?)",
                       sorted((n, v, int(n in features)) for n, v in self.strength.items()))
        return len(self.strength)


@lru_cache(maxsize=4)
def _load(path: Path) -> NameIndex:
    return NameIndex(gazetteer=EmbeddedGazetteer(path))


def name_index(gazetteer: Gazetteer) -> NameIndex | None:
    """The in-memory index for the embedded gazetteer; None for others (they answer by query)."""
    if type(gazetteer) is EmbeddedGazetteer:
        return _load(gazetteer.path)
    return None
