"""The mode of transport a piece of text implies, from word lists kept in one place."""

from __future__ import annotations

import re

# Each mode's words and phrases; a word also matches with a plural "s"/"es".
MODE_WORDS: dict[str, tuple[str, ...]] = {
    "rail": ("armored train", "armoured train", "train", "rail", "railway", "railroad",
             "locomotive", "sleeper car"),
    "air": ("flew", "fly", "flies", "flying", "flight", "plane", "airplane", "aeroplane", "jet",
            "airport", "airliner", "aircraft", "airfield"),
    "sea": ("ship", "vessel", "sailed", "sail", "sailing", "voyage", "port", "cruise", "ferry",
            "boat", "yacht"),
    "road": ("drove", "drive", "driving", "motorcade", "convoy", "car", "bus", "motorway",
             "highway", "limousine"),
}

_PATTERNS = [
    (mode, re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                          sorted(words, key=len, reverse=True))
                      + r")(?:e?s)?\b", re.IGNORECASE))
    for mode, words in MODE_WORDS.items()
]


def mode_from_text(text: str) -> str | None:
    """The mode whose word comes first in ``text`` ("rail", "air", "sea", "road"), or None."""
    best: tuple[int, str] | None = None
    for mode, pattern in _PATTERNS:
        m = pattern.search(text or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), mode)
    return best[1] if best else None
