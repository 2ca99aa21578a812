"""Local features no gazetteer holds (streets, roads, buildings, venues), placed at their town.

A name the gazetteer does not know whose form marks it as a local feature ("Royal Street",
"Highway 19", "City Hall", "MetroHealth Medical Center") is placed at the town the text puts it
in: the town named right after it ("Royal Street in New Orleans", "Main Street, Dayton"), else
the town named nearest before it in the same paragraph, else the story's main town (the
dateline's, or the most mentioned). The entry is synthetic (no GeoNames id, the town's point), so
maps and exports can show it as approximate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from mapper.gazetteer.base import normalize
from mapper.model import GazetteerEntry, Mention

LOCAL_FEATURE = "local"  # the ``feature`` of a synthetic local entry
# The entries a local feature may be placed at: towns, and counties when no town is named.
TOWN_FEATURES = ("city", "admin2")
# A name in a list of streets ("Adams and Lincoln Avenues") is labelled so, its street word
# ("Avenue") in its hint: a street whatever the name, placed at its town.
STREET_LABEL = "STREET"
STREET_HINT = "street"

# A road (or school) word ends the name ("Royal Street", "Dauphine streets", "Elm St.").
_ROAD_WORDS = {
    "street", "streets", "st", "road", "roads", "rd", "avenue", "avenues", "ave", "drive", "dr",
    "boulevard", "blvd", "lane", "ln", "parkway", "pkwy", "highway", "hwy", "route", "interstate",
    "freeway", "expressway", "turnpike", "bypass", "pike", "alley", "causeway",
    "elementary", "middle", "high",  # schools: "Buckland Elementary", "Patriot High"
}
# A numbered road: "Highway 19", "Route 66", "Interstate 95", "I-95", "State Road 54".
_NUMBERED = re.compile(
    r"^(?:(?:U\.?S\.?|State|County|Farm|FM)\s+)?(?:Highway|Hwy\.?|Route|Road|Interstate|"
    r"Rte\.?|SR|I)\s*-?\s*\d+[A-Z]?$", re.I)
# A building or venue word anywhere in the name ("Barclays Center", "City Hall",
# "Cyber Tech Career College", "University of Phoenix Stadium").
_VENUE_WORDS = {
    "center", "centre", "hall", "stadium", "arena", "park", "school", "college", "university",
    "hospital", "airport", "station", "church", "court", "courthouse", "mall", "tower", "towers",
    "bridge", "square", "plaza", "library", "museum", "clinic", "cathedral", "chapel", "temple",
    "mosque", "synagogue", "hotel", "theater", "theatre", "building", "prison", "jail",
    "penitentiary", "pier", "terminal", "zoo", "cemetery", "academy", "campus", "auditorium",
    "coliseum", "ballpark", "speedway", "raceway", "depot", "gym", "gymnasium", "fieldhouse",
    "pavilion", "casino", "resort", "motel", "golf",
}
_WORD = re.compile(r"[A-Za-z]+")
# The town right after the name: ", Dayton", " in New Orleans", " of the city of Dayton".
_AFTER = re.compile(
    r"(?:\s*,\s*|\s+in\s+)(?:the\s+)?(?:downtown\s+|(?:city|town|village)\s+of\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")


def is_local_name(text: str) -> bool:
    """Whether a name's form marks it as a street, road, building or venue."""
    text = text.strip()
    if not any(ch.isupper() for ch in text[:1]) and not text[:1].isdigit():
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    if words[-1] in _ROAD_WORDS and len(words) > 1 or _NUMBERED.match(text):
        return True
    return any(w in _VENUE_WORDS for w in words)


# The road words of _ROAD_WORDS (not the school ones) and a few more that end a street's name
# ("Elm Street", "Boley Drive", "Freeman Circle").
_STREET_WORDS = _ROAD_WORDS - {"elementary", "middle", "high"} | {
    "circle", "court", "terrace", "crescent", "trail"}


def is_road_name(text: str) -> bool:
    """Whether a capitalised name is a street's or a road's by its last word ("Boley Drive",
    "Royal Street", "Route 66"), never a school's or a venue's."""
    words = _WORD.findall(text.strip())
    if not words or not words[0][:1].isupper():
        return False
    return len(words) > 1 and words[-1].lower() in _STREET_WORDS or \
        _NUMBERED.match(text.strip()) is not None


def local_name(mention: Mention) -> str | None:
    """The name of the local feature a mention stands for ("Lincoln Avenue" for "Lincoln" in
    "Adams and Lincoln Avenues"), or None when its form does not mark it as one."""
    word = mention.hint_value(STREET_HINT) if mention.label == STREET_LABEL else None
    if word:
        return f"{mention.text} {word}"
    return mention.text if is_local_name(mention.text) else None


def local_entry(name: str, town: GazetteerEntry) -> GazetteerEntry:
    """A synthetic entry for local feature ``name`` at ``town``'s point."""
    return GazetteerEntry(
        key=f"local:{town.key}:{normalize(name)}", name=name.strip(), lat=town.lat,
        lon=town.lon, feature=LOCAL_FEATURE, country_code=town.country_code,
        admin1=town.admin1, source=f"placed at {town.name}: not in the gazetteer")


def _paragraph_start(text: str, pos: int) -> int:
    cut = text.rfind("\n\n", 0, pos)
    return 0 if cut < 0 else cut + 2


def town_for(mention: Mention, text: str, placed: list[tuple[Mention, GazetteerEntry]],
             lookup: Callable[[str], GazetteerEntry | None],
             main: GazetteerEntry | None) -> GazetteerEntry | None:
    """The town a local feature stands in: the one named right after it (``lookup`` finds a
    town the document did not resolve), else the one named nearest before it in its paragraph,
    else ``main``. ``placed`` are the document's resolved mentions with their entries; a name
    after it that the document resolved to a state or country is no town ("Main Street,
    Florida" looks further)."""
    towns = [(m, e) for m, e in placed if e.feature in TOWN_FEATURES]
    after = _AFTER.match(text, mention.end)
    names = [mention.qualifier] if mention.qualifier else []
    if after:
        words = after.group(1).split()
        names += [" ".join(words[:n]).rstrip(".,") for n in range(len(words), 0, -1)]
    for name in names:
        key = normalize(name)
        own = next((e for m, e in placed if normalize(m.text) == key), None)
        if own is None:
            own = lookup(name)
        if own is not None:
            if own.feature in TOWN_FEATURES:
                return own
            break
    lo = text.find(mention.sentence, max(0, mention.start - len(mention.sentence)))
    if mention.sentence and 0 <= lo <= mention.start:
        hi = lo + len(mention.sentence)
        same = [(abs(m.start - mention.start), e) for m, e in towns if lo <= m.start < hi]
        if same:
            return min(same, key=lambda p: p[0])[1]
    begin = _paragraph_start(text, mention.start)
    before = [(m.start, e) for m, e in towns if begin <= m.start and m.end <= mention.start]
    if before:
        return max(before, key=lambda p: p[0])[1]
    return main


def main_town(towns: Iterable[tuple[Mention, GazetteerEntry]]) -> GazetteerEntry | None:
    """The story's town: its dateline's, else the most mentioned (the first named on a tie)."""
    towns = list(towns)
    towns = [(m, e) for m, e in towns if e.feature == "city"] or towns
    dateline = next((e for m, e in towns if m.label == "DATELINE"), None)
    if dateline is not None:
        return dateline
    counts: Counter = Counter(e.key for _, e in towns)
    if not counts:
        return None
    first = {}
    for m, e in sorted(towns, key=lambda p: p[0].start):
        first.setdefault(e.key, (m.start, e))
    best = max(counts, key=lambda k: (counts[k], -first[k][0]))
    return first[best][1]
