"""An in-memory index of the gazetteer's "strong" names, so extractors need no SQL per n-gram.

For each folded name it keeps the largest population among the entries it may denote (countries,
first-level subdivisions and physical features count as infinitely large) and whether a physical
feature bears it. Built once from the SQLite gazetteer and pickled beside it in the cache.
"""

from __future__ import annotations

import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from mapper.gazetteer.base import LONG_WORDS, Gazetteer, normalize
from mapper.gazetteer.embedded import EmbeddedGazetteer

INDEX_VERSION = "6"  # bump when what the index holds changes
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


def _build(gazetteer: EmbeddedGazetteer) -> NameIndex:
    district = f"(feature = 'admin2' AND ({_DISTRICT_SQL}))"
    # A place's own name counts in full; an alternate or derived name (GeoNames lists many:
    # "Story" for Rochelle, "Abbas" for Fort Abbas) at a tenth of its population. A first-level
    # subdivision counts as always strong by its own name and when it holds people enough to
    # be news ("Patrick", a parish of the Isle of Man, does not).
    rows = gazetteer.db.execute(
        "SELECT names.norm, MAX(CASE WHEN feature IN ('country', 'continent') OR key LIKE 'feat:%'"
        f" OR {district} THEN {ALWAYS}"
        f" WHEN feature = 'admin1' AND kind = 0 AND population >= {ADMIN1_MIN} THEN {ALWAYS}"
        " WHEN kind = 0 THEN population ELSE population / 10 END),"
        " MAX(key LIKE 'feat:%') FROM names JOIN entries ON entries.id = names.entry"
        f" WHERE feature IN ('country', 'continent', 'admin1') OR key LIKE 'feat:%' OR {district}"
        " OR (feature = 'city' AND population >= ?) GROUP BY names.norm",
        (FLOOR,),
    ).fetchall()
    strength = {norm: int(pop) for norm, pop, _ in rows if norm}
    features = frozenset(norm for norm, _, feat in rows if feat)
    return NameIndex(strength, features)


@lru_cache(maxsize=4)
def _load(path: Path) -> NameIndex:
    pickled = path.with_name(path.stem + f".names{FLOOR}-{INDEX_VERSION}.pickle")
    if pickled.exists():
        try:
            with pickled.open("rb") as fh:
                strength, features = pickle.load(fh)
            return NameIndex(strength, features)
        except (OSError, pickle.UnpicklingError, ValueError, EOFError):
            pass  # rebuilt below
    index = _build(EmbeddedGazetteer(path))
    tmp = pickled.with_suffix(f".tmp{os.getpid()}")
    try:
        with tmp.open("wb") as fh:
            pickle.dump((index._strength, index.features), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, pickled)
    except OSError:
        tmp.unlink(missing_ok=True)
    return index


def name_index(gazetteer: Gazetteer) -> NameIndex | None:
    """The in-memory index for the embedded gazetteer; None for others (they answer by query)."""
    if type(gazetteer) is EmbeddedGazetteer:
        return _load(gazetteer.path)
    return None
