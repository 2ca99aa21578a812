"""Rules over the ranker's pick of a name's candidates, in the resolver's words: a major city
named by its own name over an alias, over a small town that lies only near other namesakes, and
as the place flown to or from; a region that is mostly one city of its name."""

from __future__ import annotations

import re
from collections.abc import Callable

from mapper.gazetteer.base import normalize
from mapper.model import GazetteerEntry
from mapper.ranker import FEATURES

QUALIFIED_BY = FEATURES.index("qualifier_match")
_STATE_CONTEXT = FEATURES.index("state_context")
_HAS_ANCHORS = FEATURES.index("has_anchors")
_ANCHORS_NEAR = FEATURES.index("anchors_within_300km")
_NAMES_NEARBY = FEATURES.index("names_nearby")
MAJOR_CITY = 1_000_000  # a city this big, named by its own name, beats a place only aliased so
CITY_SHARE = 0.4  # a region whose city of its name holds this share of its people is that city

# "flew to", "a flight from", "airlifted into": a name right after such words is an airport's city
FLOWN = re.compile(r"\b(?:fl(?:y|ies|ew|own|ying)|flights?|jetted|airlift(?:ed|s)?)"
                    r"(?:\s+(?:back|home|on|in|out|directly|direct))?"
                    r"(?:\s+from\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"  # "from Chicago"
                    r"\s+(?:to|from|into|for)\s+$")
MINOR_SHARE = 0.1  # a namesake with less than this share of a major city's people is minor


def major_city_when_flown(cs: list[GazetteerEntry], pick: GazetteerEntry,
                           kinds: dict[str, int], capitals: frozenset[str]) -> GazetteerEntry:
    """A place flown to or from is a major city, not a minor namesake near the story's other
    places: "flew from Chicago to Paris" is not Paris, Illinois. A national capital or a city of
    MAJOR_CITY people that bears the name as its own wins over a pick with less than
    MINOR_SHARE of its people."""
    if pick.feature != "city":
        return pick
    return _largest_city(cs, lambda c: kinds.get(c.key, 1) == 0
                         and (c.population >= MAJOR_CITY or c.key in capitals)
                         and pick.population < MINOR_SHARE * c.population) or pick


def neighbour_of_no_chosen_place(cs: list[GazetteerEntry], rows: list[list[float]],
                                  best: int) -> int:
    """The ranker's pick, unless it is a small town chosen for lying near some namesake of
    another name while none of the places actually chosen lies within 300 km of it: then the
    city of that name with ten times its people ("travel to Geneva and then to Vienna": a
    Geneva, New York sits near a Vienna, New York, but the Vienna chosen is Austria's)."""
    pick, row = cs[best], rows[best]
    if pick.feature != "city" or row[QUALIFIED_BY] or row[_STATE_CONTEXT] or \
            not row[_HAS_ANCHORS] or row[_ANCHORS_NEAR] > 0 or row[_NAMES_NEARBY] == 0:
        return best
    bigger = _largest_city(cs, lambda c: pick.population < MINOR_SHARE * c.population)
    return cs.index(bigger) if bigger is not None else best


def major_city_over_alias(cs: list[GazetteerEntry], best: int, kinds: dict[str, int],
                           qualified: bool) -> GazetteerEntry:
    """The ranker's pick, unless only an alternate name matched it and a city of at least
    MAJOR_CITY people (and more than the pick) bears the name as its own: "Cairo" beside Rome
    is Egypt's capital, not the Italian village GeoNames also calls Cairo; "Moscow" is the city,
    not the oblast. A qualifier that fits the pick ("Cairo, Italy") keeps it."""
    pick = cs[best]
    if qualified or kinds.get(pick.key, 1) == 0:
        return pick
    return _largest_city(cs, lambda c: kinds.get(c.key, 1) == 0
                         and c.population >= max(MAJOR_CITY, pick.population)) or pick


def _largest_city(cs: list[GazetteerEntry], keep: Callable[[GazetteerEntry], bool]
                  ) -> GazetteerEntry | None:
    """The most populous city among the candidates ``keep`` accepts, if any."""
    return max((c for c in cs if c.feature == "city" and keep(c)),
               key=lambda c: c.population, default=None)


def mostly_city(c: GazetteerEntry, cs: list[GazetteerEntry]) -> bool:
    """Whether subdivision ``c`` is mostly a city of the same name that lies in it."""
    if c.feature not in ("admin1", "admin2"):
        return False
    region = normalize(c.name if c.feature == "admin1" else c.admin1 or "")
    return any(o.feature == "city" and o.country_code == c.country_code
               and normalize(o.admin1 or "") == region
               and o.population >= CITY_SHARE * max(c.population, 1) for o in cs)
