"""Names the text itself gives to something other than a place.

- A vessel's name: a proper name right after a vessel noun ("the cruise ship Costa Concordia",
  "the tanker Nordic Star") or right before "submersible"/"submarine" ("the Titan
  submersible") names the vessel, and so does every other mention of that name in the story
  ("the Titan's wreckage"), unless the name alone is a strong place ("the tanker Iran seized"
  is a tanker that Iran seized).
- A title: "the King", "the Pope", "the Emir" (a capitalised title after "the") is a person,
  never a town called King.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mapper.model import Mention

VESSEL_NOUNS = ("cruise ship", "cargo ship", "container ship", "research vessel", "ship",
                "vessel", "tanker", "freighter", "liner", "yacht", "superyacht", "submarine",
                "submersible", "ferry", "trawler", "frigate", "destroyer", "aircraft carrier",
                "icebreaker", "bulk carrier", "warship", "sailboat", "schooner")
_NAME = r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
VESSEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(VESSEL_NOUNS, key=len, reverse=True)) + r")\s+(?:the\s+)?"
    + _NAME)
VESSEL_AFTER = re.compile(r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
                          r"(?:submersible|submarine|superyacht)s?\b")
TITLE = re.compile(r"\bthe\s+(King|Queen|Pope|Pontiff|Prince|Princess|Emperor|Empress|Sultan|"
                   r"Emir|Duke|Duchess|Monarch|Tsar|Shah)\b")
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_THE = re.compile(r"^The\s+")


def vessel_names(text: str, strong: Callable[[str], bool]) -> set[str]:
    """The names the text gives to vessels (never a name that alone is a strong place)."""
    names = {m.group(1) for m in VESSEL_BEFORE.finditer(text)} | \
        {_LEADING_THE.sub("", m.group(1)) for m in VESSEL_AFTER.finditer(text)}
    return {n for n in names if n and not strong(n)}


def title_spans(text: str) -> set[tuple[int, int]]:
    """The spans of capitalised titles after "the" ("the King")."""
    return {m.span(1) for m in TITLE.finditer(text)}


def drop_named_otherwise(text: str, mentions: list[Mention],
                         strong: Callable[[str], bool]) -> list[Mention]:
    """``mentions`` without vessels' names and titles."""
    vessels = vessel_names(text, strong)
    titles = title_spans(text)
    if not vessels and not titles:
        return mentions
    return [m for m in mentions if (m.start, m.end) not in titles and
            _POSSESSIVE.sub("", m.text) not in vessels]
