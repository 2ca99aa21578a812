"""The demonyms that name a place inside one country ("Texan", "Bavarian", "European") as one
pattern, for the spaCy extractor."""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.alternation import one_of


@lru_cache(maxsize=8)
def _region_demonym_pattern(gazetteer, forms: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    out = []
    for form, key in forms:
        entry = gazetteer.by_key(key)
        if entry is None or entry.feature != "continent" and entry.country_code is None:
            continue
        out.append(form)
    out.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + one_of(out) + r")\b")


def region_demonym_pattern(gazetteer, demonyms: dict[str, str]) -> re.Pattern[str]:
    """The demonyms of states, provinces, continents and regions inside one country as one
    pattern, longest first; not those of peoples across many countries ("Arab", "Kurds"),
    which name the people. Made once per gazetteer and demonym table (every article's
    extractor asks for it)."""
    return _region_demonym_pattern(gazetteer, tuple(demonyms.items()))
