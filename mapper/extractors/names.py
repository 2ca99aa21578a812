"""An in-memory index of the gazetteer's "strong" names, so extractors need no SQL per n-gram.

For each folded name it keeps the largest population among the entries it may denote (countries,
first-level subdivisions and physical features count as infinitely large) and whether a physical
feature bears it. Built with the SQLite gazetteer (its ``strong_names`` table) and read from it:
the cache holds data, never pickles.
"""

from __future__ import annotations

import re
import sqlite3
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


class NameIndex:
    """``strength(norm)``: the population a name stands for (0 when weak or unknown)."""

    def __init__(self, strength: dict[str, int], features: frozenset[str]) -> None:
        self._strength = strength
        self.features = features

    def strength(self, norm: str) -> int:
        return self._strength.get(norm, 0)

    def is_strong(self, norm: str, min_population: int) -> bool:
        return self._strength.get(norm, 0) >= min_population

    def __len__(self) -> int:
        return len(self._strength)


# A second-level subdivision named with its generic word ("Laurel County", "Orleans Parish") is
# as unambiguous as a state; the bare name ("Laurel") is not.
DISTRICT_WORDS = ("county", "parish", "borough")
_DISTRICT_SQL = " OR ".join(f"names.norm LIKE '% {w}'" for w in DISTRICT_WORDS)


def is_district_name(norm: str) -> bool:
    return norm.rsplit(" ", 1)[-1] in DISTRICT_WORDS and " " in norm


def create_strong_names(db: sqlite3.Connection) -> int:
    """Fill the gazetteer index's ``strong_names`` table (at build time); returns its rows."""
    district = f"(feature = 'admin2' AND ({_DISTRICT_SQL}))"
    # A place's own name counts in full; an alternate or derived name (GeoNames lists many:
    # "Story" for Rochelle, "Abbas" for Fort Abbas) at a tenth of its population. A first-level
    # subdivision counts as always strong by its own name and when it holds people enough to
    # be news ("Patrick", a parish of the Isle of Man, does not).
    db.execute("CREATE TABLE strong_names (norm TEXT PRIMARY KEY, strength INTEGER,"
               " feature INTEGER) WITHOUT ROWID")
    cur = db.execute(
        "INSERT INTO strong_names SELECT names.norm,"
        " MAX(CASE WHEN feature IN ('country', 'continent') OR key LIKE 'feat:%'"
        f" OR {district} THEN {ALWAYS}"
        f" WHEN feature = 'admin1' AND kind = 0 AND population >= {ADMIN1_MIN} THEN {ALWAYS}"
        " WHEN kind = 0 THEN population ELSE population / 10 END),"
        " MAX(key LIKE 'feat:%') FROM names JOIN entries ON entries.id = names.entry"
        f" WHERE (feature IN ('country', 'continent', 'admin1') OR key LIKE 'feat:%' OR {district}"
        " OR (feature = 'city' AND population >= ?)) AND names.norm != '' GROUP BY names.norm",
        (FLOOR,),
    )
    return cur.rowcount


@lru_cache(maxsize=4)
def _load(path: Path) -> NameIndex:
    db = EmbeddedGazetteer(path).db
    strength = dict(db.execute("SELECT norm, strength FROM strong_names"))
    features = frozenset(n for (n,) in db.execute("SELECT norm FROM strong_names WHERE feature"))
    return NameIndex(strength, features)


def name_index(gazetteer: Gazetteer) -> NameIndex | None:
    """The in-memory index for the embedded gazetteer; None for others (they answer by query)."""
    if type(gazetteer) is EmbeddedGazetteer:
        return _load(gazetteer.path)
    return None
