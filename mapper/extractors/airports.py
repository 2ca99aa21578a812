"""Airports and air bases named in the text ("Gatwick Airport", "the city's Malpensa airport",
"Dyess Air Force Base", "RAF Lakenheath"): the longest phrase around an airport word that the
gazetteer knows as a name. Only phrases with an airport word are matched, never a bare town."""

from __future__ import annotations

import re

from mapper.extractors.base import near
from mapper.gazetteer.airports import AIRPORT_WORD
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.geodesy import distance_km

MAX_WORDS = 5  # name words before or after the airport word
# A city named in "<city> Airport" is the airport's city: one of that name lies this close.
CITY_KM = 100.0
TOWN_POPULATION = 50_000  # a smaller namesake does not make "<name> Airport" a town's airport
_WORD = re.compile(r"[A-Z][\w.’'\-]*|[a-z]{1,3}\b|/")
_LOWER_INSIDE = {"de", "da", "del", "do", "dos", "di", "la", "le", "of", "the", "/", "st"}
_LEADING = re.compile(r"^(?:raf|joint\s+base|naval\s+air\s+station)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _words_before(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the name words directly before ``start`` (nearest first)."""
    out: list[tuple[int, int]] = []
    pos = start
    while len(out) < MAX_WORDS:
        head = text[:pos].rstrip(" ")
        if len(head) == pos or not head:
            break
        m = re.search(r"(\S+)$", head)
        if m is None:
            break
        word = m.group(1)
        if _POSSESSIVE.search(word) or not (word[:1].isupper() or word.lower() in _LOWER_INSIDE):
            break
        if not re.fullmatch(r"[\w.’'\-/]+", word):
            break
        out.append((m.start(1), m.end(1)))
        pos = m.start(1)
    while out and not text[out[-1][0]].isupper():
        out.pop()  # a name starts with a capital ("de" in "the Aeroporto de ..." is inside)
    return out


_NEXT_WORD = re.compile(r" ([A-Z][\w\-]*(?:\.(?=\s[A-Z]))?)")


def _words_after(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the capitalised words directly after ``end``."""
    out: list[tuple[int, int]] = []
    pos = end
    while len(out) < MAX_WORDS:
        m = _NEXT_WORD.match(text, pos)
        if m is None:
            break
        out.append(m.span(1))
        pos = m.end(1)
        if _POSSESSIVE.match(text, pos) or text[pos:pos + 2] in ("'s", "’s"):
            break
    return out


def airport_spans(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The (start, end) of every airport name in ``text``, longest first where they overlap."""
    found: list[tuple[int, int]] = []
    for m in AIRPORT_WORD.finditer(text):
        ws, we = m.span()
        options: list[tuple[int, int]] = []
        before = _words_before(text, ws)
        for k in range(len(before), 0, -1):
            options.append((before[k - 1][0], we))
        if _LEADING.match(m.group()) or m.group()[:1].isupper():
            after = _words_after(text, we)
            for k in range(len(after), 0, -1):
                options.append((ws, after[k - 1][1]))
                for j in range(len(before), 0, -1):
                    options.append((before[j - 1][0], after[k - 1][1]))
        options.sort(key=lambda se: se[0] - se[1])
        for s, e in options:
            phrase = text[s:e].rstrip(".")
            if _known_airport(phrase, gazetteer):
                found.append((s, s + len(phrase)))
                break
    found.sort(key=lambda se: (se[0], se[0] - se[1]))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if not any(s < oe and os < e for os, oe in out):
            out.append((s, e))
    return out


def _known_airport(phrase: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer has an airport (or base) of this name; "<town> Airport", for a
    sizeable town, only as a proper name (capital A) and when an airport so named lies near
    the most populous town so named."""
    cands = [c for c in gazetteer.candidates(phrase, limit=20)]
    if not cands:
        return False
    head = AIRPORT_WORD.sub(" ", phrase)
    head = re.sub(r"\bInternational\b", " ", head, flags=re.IGNORECASE).strip(" /-")
    if not head.isupper() and all(k == 2 for k in gazetteer.match_kinds(phrase).values()):
        return False  # an IATA code only in capitals ("JFK Airport"), not "New Airport"
    towns = [c for c in gazetteer.candidates(head, limit=20)
             if c.feature in ("admin1", "country") or c.feature == "city"
             and c.population >= TOWN_POPULATION] if head else []
    own = gazetteer.match_kinds(head) if head else {}
    if AIRPORT_WORD.search(phrase).group().islower() and any(
            c.feature == "city" and own.get(c.key) == 0 for c in gazetteer.candidates(head)):
        return False  # "<town> airport": the town, as the geoparsing corpora annotate it
    if not towns or normalize(head) == normalize(phrase):
        return True
    town = max(towns, key=lambda c: c.population)
    return any(distance_km((c.lat, c.lon), (town.lat, town.lon)) <= CITY_KM for c in cands)


def claim_airports(text: str, gazetteer: Gazetteer, spans: dict[tuple[int, int], str]) -> None:
    """Put the airport names of ``text`` in ``spans`` (label FAC), dropping the spans they
    overlap ("Gatwick" inside "Gatwick Airport")."""
    for s, e in airport_spans(text, gazetteer):
        for k in [k for k in near(spans, s, e) if k[0] < e and s < k[1]]:
            del spans[k]
        spans[(s, e)] = "FAC"
