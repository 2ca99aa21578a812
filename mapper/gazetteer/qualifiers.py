"""The qualifier after a place's name: 'La.' in 'Alexandria, La.', 'Florida' in 'Parkland,
Florida'. Read by the extractors (stored on the mention) and by the resolver (for mentions
whose extractor did not store one, e.g. gold spans)."""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.gazetteer import sources
from mapper.gazetteer.base import Gazetteer, normalize

# ", W. Va."; " in (northern) Lebanon"
_QUALIFIER = re.compile(r"(?:,\s*|\s+in\s+(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?)"
                        r"([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)")


@lru_cache(maxsize=1)
def _state_forms() -> frozenset[str]:
    """US state names' abbreviations, folded ("la.", "w. va.", "il")."""
    return frozenset(normalize(k) for k in sources.us_state_abbreviations())


def qualifier_after(text: str, end: int, gazetteer: Gazetteer) -> str | None:
    """The one or two capitalised words after a comma, or after "in" (and a direction), at
    ``end`` when they name a US state, a first-level subdivision or a country ('Parkland,
    Florida The ...' gives 'Florida', 'Tripoli in northern Lebanon' gives 'Lebanon')."""
    m = _QUALIFIER.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        q = " ".join(words[:n]).rstrip(",")
        if normalize(q) in _state_forms() or any(
                c.feature in ("admin1", "country") for c in gazetteer.candidates(q, limit=10)):
            return q
    return None
