"""Airports and air bases from the ``airportsdata`` package (MIT; ~28k airports keyed by ICAO).

Each airport is one gazetteer entry of feature ``airport``, keyed ``ap:<ICAO>``. Its names are
only ever phrases that contain an airport word ("Airport", "Air Base", "RAF ..."), never a bare
town's name, so matching one cannot take a town away:

- the name as the data gives it ("London Gatwick Airport") and without "International";
- a name in parentheses as the short name ("Leonardo Da Vinci (Fiumicino) International
  Airport" -> "Fiumicino Airport");
- without the leading city ("Gatwick Airport") and with it ("Narita Airport" ->
  "Tokyo Narita Airport");
- "Afb" spelled out ("Dyess Air Force Base", "Dyess AFB"), "Air Base" also as "Airbase",
  and a base's name without a trailing "Airport" ("Beale AFB");
- "<city> Airport" when the city has no other airport with an IATA code;
- "<IATA> Airport" ("JFK Airport"), looked up last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from mapper.gazetteer.base import normalize
from mapper.gazetteer.sources import Record

SOURCE = "airportsdata (ICAO code, name, city, lat/lon)"
# Words that make a phrase an airport's name; matched case-insensitively on whole words.
AIRPORT_WORDS = ("airport", "airfield", "aerodrome", "airbase", "air base", "air force base",
                 "afb", "air station", "naval air station", "airstrip", "airpark", "air park",
                 "heliport", "raf", "joint base", "army airfield", "seaplane base")
AIRPORT_WORD = re.compile(r"\b(?:" + "|".join(sorted(AIRPORT_WORDS, key=len, reverse=True))
                          .replace(" ", r"\s+") + r")\b", re.IGNORECASE)
_QUALIFIERS = re.compile(r"\s+(?:International|Intl|Int'l)(?=\s+Airport\b)", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^)]+)\)\s*")
# Words that name no particular airport ("County Airport", "North Airport" are not names).
_GENERIC = re.compile(r"\b(?:International|Intl|Regional|Municipal|County|State|City|Memorial"
                      r"|Executive|Metropolitan|National|Domestic|Glider|Usfs|Nas|Field|Old|New"
                      r"|North|South|East|West|Central|Airpark|of|the)\b", re.IGNORECASE)
_BASE_AIRPORT = re.compile(r"^(.*\b(?:Afb|Air Base|Air Force Base|Joint Base|RAF|Nas)\b.*?)"
                           r"\s+Airport$", re.IGNORECASE)


_AFB = re.compile(r"\bAfb\b", re.IGNORECASE)
_AIR_BASE = re.compile(r"\bAir Base\b", re.IGNORECASE)
_AIRBASE = re.compile(r"\bAirbase\b", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def has_airport_word(name: str) -> bool:
    """Whether a phrase names an airport or an air base by its own words."""
    return AIRPORT_WORD.search(name) is not None


def _spellings(name: str) -> list[str]:
    """Other spellings of one name: "Afb" in full, "Air Base"/"Airbase", no trailing "Airport"
    after a base word, no "International"."""
    out = [name]
    m = _BASE_AIRPORT.match(name)
    if m:
        out.append(m.group(1))
    for n in list(out):
        if _AFB.search(n):
            out.append(_AFB.sub("Air Force Base", n))
            out.append(_AFB.sub("AFB", n))
        if _AIR_BASE.search(n):
            out.append(_AIR_BASE.sub("Airbase", n))
        elif _AIRBASE.search(n):
            out.append(_AIRBASE.sub("Air Base", n))
    out += [_QUALIFIERS.sub("", n) for n in out]
    return out


def airport_names(name: str, city: str) -> list[str]:
    """The names an airport may be written by (each with an airport word)."""
    bases = [name]
    m = _PAREN.search(name)
    if m:
        inner = m.group(1).strip()
        tail = name[m.end():].strip()
        bases = [_PAREN.sub(" ", name).strip(), f"{name[:m.start()].strip()} {tail}".strip()]
        if tail:
            bases.append(f"{inner} {tail}")
    city_norm = normalize(city) if city else ""
    for b in list(bases):
        # "London Gatwick Airport" -> "Gatwick Airport"; "<City>-<Village> ..." -> "<Village> ..."
        for sep in (" ", "-", " / ", "/"):
            if city and b.startswith(city + sep):
                rest = b[len(city) + len(sep):].strip()
                if rest and normalize(rest) != city_norm and _core(rest):
                    bases.append(rest)
                    if not rest.startswith(city):
                        bases.append(f"{city} {rest}")
        if city and not normalize(b).startswith(city_norm) and _core(b):
            bases.append(f"{city} {b}")  # "Narita International Airport" -> "Tokyo Narita ..."
    out: list[str] = []
    for b in bases:
        for n in _spellings(b):
            n = " ".join(n.split())
            if has_airport_word(n) and _core(n) and n not in out:
                out.append(n)
    return out


def _core(name: str) -> bool:
    """Whether a name says more than its airport word(s) ("Airport" alone names nothing)."""
    rest = AIRPORT_WORD.sub(" ", name)
    rest = _GENERIC.sub(" ", rest)
    return len(_NOT_WORD.sub("", rest)) >= 3


def airport_records() -> Iterator[Record]:
    """One record per airport of ``airportsdata`` (nothing when the package is absent)."""
    try:
        import airportsdata
    except ImportError:
        return
    data = airportsdata.load("ICAO")
    with_iata = Counter((a["city"], a["country"]) for a in data.values() if a.get("iata"))
    all_names = {icao: airport_names(a["name"].strip(), (a.get("city") or "").strip())
                 for icao, a in data.items() if icao and a["name"].strip()}
    # A name an airport with scheduled service (an IATA code) is known by is that airport's,
    # not a private strip's of the same name ("Heathrow Airport" is London's, not a Texas
    # ranch's, which keeps "Robinson Heathrow Airport").
    served = {normalize(n) for icao, names in all_names.items() if data[icao].get("iata")
              for n in names}
    for icao, names in all_names.items():
        a = data[icao]
        name, city = a["name"].strip(), (a.get("city") or "").strip()
        taken = not a.get("iata") and normalize(name) in served
        if not a.get("iata"):
            names = [n for n in names if normalize(n) not in served]
        if not names:
            continue  # no name with an airport word ("Smith Field"): could be anything
        if taken or not has_airport_word(name):
            name = names[0]
        if city and a.get("iata") and with_iata[(city, a["country"])] == 1:
            names += [f"{city} Airport", f"{city} International Airport"]
        derived = [f"{a['iata']} Airport"] if a.get("iata") else []
        yield Record(
            key=f"ap:{icao}",
            name=name,
            lat=float(a["lat"]),
            lon=float(a["lon"]),
            feature="airport",
            country_code=a.get("country") or None,
            population=0,
            geonameid=None,
            names=[n for n in names if n != name],
            derived=derived,
            admin1=(a.get("subd") or "").replace("-", " ") or None,
            source=SOURCE,
        )
