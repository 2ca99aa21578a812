"""Extractors find place mentions in an article. One base class, one module per method."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from mapper.alternation import one_of
from mapper.extractors.names import ALWAYS, FLOOR, fold, is_district_name, name_index
from mapper.extractors.not_places import drop_named_otherwise
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.gazetteer.local import STREET_HINT, STREET_LABEL
from mapper.gazetteer.spelling import possessive_forms, possessive_name
from mapper.model import Article, Mention, Sentence
from mapper.nlp import sentence_at

TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ]*(?:[.’'\-][\wÀ-ÿ]+)*\.?|\d+|[^\w\s]")
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northeastern", "northwestern", "southeastern", "southwestern",
              "northeast", "northwest", "southeast", "southwest", "far", "upper", "lower"}
FEATURE_WORDS = {"peninsula", "river", "lake", "sea", "ocean", "mountains", "desert", "islands",
                 "island", "strait", "straits", "gulf", "bay", "valley", "basin", "plateau",
                 "coast", "delta", "canal", "range", "plain", "plains", "highlands"}
CONNECTORS = {"of", "the", "de", "la", "del", "du", "des", "upon", "on", "and", "-"}
NOT_PLACES = {w.title() for w in STOP_WORDS} | {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Police", "Mayor",
    "Governor", "Senator", "General", "Click", "Copyright", "Please", "Read", "More", "Hide",
    # words of faith and plural titles that fold onto small towns ("God" -> Göd, "Sens." -> Sens)
    "God", "Lord", "Allah", "Christ", "Jesus", "Heaven", "Sens", "Reps", "Gens", "Govs",
    # "the Centre" is a national government (India); the regions so named take a qualifier
    "Centre", "Center",
    # a transit system or a metropolitan government ("Metro 911"), not Metro (Indonesia)
    "Metro",
    # the planet ("return to Earth"), not Earth, Texas; LGL marks it with no coordinates
    "Earth",
}
TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.",
          "Sgt.", "Rev.", "President", "Premier", "Chancellor", "King", "Queen", "Prince",
          "Princess", "Pope", "Judge", "Justice", "Mayor", "Governor", "Senator", "Minister",
          "Secretary", "Sheriff", "Officer", "Detective", "Coach", "Chairman", "Professor"}


CONTRACTION = re.compile(r"[’'](?:ve|ll|re|m|d|t)$")  # "I've", "We'll": not names
POSSESSIVES = {"'s", "’s", "'S", "’S"}
INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


# One name of a list that shares its last word ("Adams and Lincoln Avenues", "Becker, Clay and
# Otter Tail counties"). Names are bounded (one or two words of at most 60 characters, at most
# 51 of them in a list) so that no long token or list makes the regex backtrack (issue 13).
LIST_NAME = r"[A-Z][\w’'.-]{1,60}(?:\s[A-Z][\w’'.-]{1,60})?"
# written small only when no town could be meant ("the Kabul and Jalalabad roads" lead there)
STREET_PLURALS = ("streets", "avenues", "boulevards")
ROAD_PLURALS = ("Streets", "Avenues", "Boulevards", "Roads", "Drives", "Lanes", "Parkways")
# "Adams and Lincoln Avenues", "Main, Elm and Oak streets": each name is a street's, not a
# town's
STREET_LIST = re.compile(rf"((?:{LIST_NAME},\s+){{0,50}}{LIST_NAME},?\s+(?:and|or|&)\s+"
                         rf"{LIST_NAME})\s+({'|'.join(STREET_PLURALS + ROAD_PLURALS)})\b")


class StreetList(NamedTuple):
    span: tuple[int, int]  # the whole list with its street word
    names: list[tuple[int, int]]  # each street's name
    word: str  # the street word, singular ("Avenue")


def street_lists(text: str) -> list[StreetList]:
    """Coordinated street names sharing a plural street word ("between Adams and Lincoln
    Avenues"): no name in one is a town's."""
    lower = text.lower()
    if not any(w.lower() in lower for w in ROAD_PLURALS):
        return []
    out = []
    for m in STREET_LIST.finditer(text):
        names = listed_spans(text, m.start(1), m.group(1), ("and", "or", "&"))
        word = m.group(2)[:-1]
        out.append(StreetList(m.span(), names, word[:1].upper() + word[1:]))
    return out


def listed_spans(text: str, start: int, listing: str, joiners: tuple[str, ...] = ("and", "or")
                 ) -> list[tuple[int, int]]:
    """The span in ``text`` of each name of ``listing`` ("A, B and C", found at ``start``)."""
    joined = "|".join(map(re.escape, joiners))
    out, offset = [], start
    for name in re.split(rf",\s+(?:(?:{joined})\s+)?|,?\s+(?:{joined})\s+", listing):
        begin = text.index(name, offset)
        offset = begin + len(name)
        out.append((begin, offset))
    return out


def street_mentions(text: str, sentences: list[Sentence], streets: list[StreetList]
                    ) -> list[Mention]:
    """One mention per name of a street list, with its street word as a hint."""
    return [Mention(text[s:e], s, e, sentence_at(sentences, s).text, STREET_LABEL,
                    hint=((STREET_HINT, lst.word),))
            for lst in streets for s, e in lst.names]


class Token(NamedTuple):
    start: int
    end: int
    text: str


VESSEL_NAME_PLACE_POPULATION = 100_000  # a vessel's name this big a town's is the town's

ABBREVIATIONS = {"St.", "Mt.", "Ft.", "Pt.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.",
                 "Gov.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev.", "Jr.", "Sr.", "Co.", "Inc."}


# A lower-case word that can be no part of a place's name, shared: most words of a text are
# one, and the matchers only need to know that a name stops there.
GAP = Token(-1, -1, "")
_KEEP_LOWER = frozenset(CONNECTORS | DIRECTIONS | FEATURE_WORDS)


def tokens(text: str) -> list[Token]:
    out = []
    append = out.append
    for m in TOKEN.finditer(text):
        word = m.group()
        if word[0].islower() and word.rstrip(".") not in _KEEP_LOWER and "'" not in word \
                and "’" not in word:
            append(GAP)
            continue
        start, end = m.span()
        if word[-1] == "." and word not in ABBREVIATIONS and not INITIALS.fullmatch(word):
            word, end = word[:-1], end - 1  # a sentence's full stop, not an abbreviation
        if word[-2:] in POSSESSIVES and len(word) > 2:
            # "Georgia's law": the name ends before the possessive; the gap after it keeps the
            # next word from gluing on, and a phrase sliced across it keeps it ("St. Mary's")
            word, end = word[:-2], end - 2
        append(Token(start, end, word))
    return out


def strip_possessive(text: str, start: int, end: int) -> tuple[str, int, int]:
    """'Chile’s' -> 'Chile'; 'the Iberian peninsula' -> 'Iberian peninsula'."""
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text, end = text[: -len(suffix)], end - len(suffix)
            break
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text, start = text[len(prefix):], start + len(prefix)
    return text.strip(), start, end


class Extractor(ABC):
    """Finds place mentions; every extractor shares the gazetteer rules and implied mentions."""

    name: str = "base"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.names = name_index(gazetteer)

    @abstractmethod
    def extract(self, article: Article, doc=None) -> list[Mention]:
        """Mentions of places in ``article.text`` (``doc``: a spaCy Doc of it, when parsed)."""

    # -- shared gazetteer rules -------------------------------------------------------------
    def named_otherwise(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` without the names the text gives to vessels and titles ("the cruise
        ship X", "the King"; :mod:`mapper.extractors.not_places`)."""
        return drop_named_otherwise(text, mentions,
                                    lambda n: self.is_strong(n, VESSEL_NAME_PLACE_POPULATION))

    def is_strong(self, name: str, min_population: int) -> bool:
        """Whether a name alone is good evidence of a place (country, region, feature, city)."""
        if self.names is not None and min_population >= FLOOR:
            return self.names.is_strong(fold(name), min_population)
        district = is_district_name(normalize(name))
        for c in self.gazetteer.candidates(name, limit=15):
            if c.feature in ("country", "admin1") or c.key.startswith("feat:") or \
                    district and c.feature == "admin2":
                return True
            if c.feature == "city" and c.population >= min_population:
                return True
        return False

    def strength(self, name: str) -> int:
        """The index's strength of a name, or of the one known name that restores a possessive
        the text dropped ("Bishop Stortford" for "Bishop's Stortford"; ``possessive_name``).
        Asked only for a few names (each form looked up counts toward loading the index)."""
        if self.names is None:
            return 0
        norm = fold(name)
        found = self.names.strength(norm)
        if found or " " not in norm:
            return found
        forms = [f for f in possessive_forms(norm) if self.names.strength(f)]
        if len(forms) != 1 or possessive_name(self.gazetteer, name) != forms[0]:
            return 0
        return self.names.strength(forms[0])

    def is_feature(self, name: str) -> bool:
        """Whether a physical feature (sea, river, region...) bears the name."""
        if self.names is not None:
            return fold(name) in self.names.features
        return any(c.key.startswith("feat:") for c in self.gazetteer.candidates(name, limit=5))

    def gazetteer_matches(
        self, text: str, toks: list[Token], sentences: list[Sentence], *,
        min_population: int, max_len: int = 5, blocked: Iterable[tuple[int, int]] = (),
    ) -> list[tuple[int, int]]:
        """Longest n-grams of the text that the gazetteer knows well enough to call places."""
        blocked = sorted(blocked)
        blocked_starts = [s for s, _ in blocked]  # looked up by bisection, not walked
        blocked_longest = max((e - s for s, e in blocked), default=0)
        sentence_starts = {s.start for s in sentences}
        found: list[tuple[int, int]] = []
        # each token's tests, made once (not once per n-gram holding it): a capital, a feature
        # word, and a word that joins no name (a mark, the gap of a lower-case word), counted
        words = [t.text for t in toks]
        capital = [w[:1].isupper() for w in words]
        feature = [w in FEATURE_WORDS for w in words]
        apart = list(accumulate((not (c or w.lower() in CONNECTORS or w.lower() in DIRECTIONS
                                      or f) for w, c, f in zip(words, capital, feature)),
                                initial=0))
        i = 0
        while i < len(toks):
            first = toks[i]
            lead_direction = first.text.lower() in DIRECTIONS and first.text[:1].islower()
            if not (capital[i] or lead_direction):
                i += 1
                continue
            best = None
            for n in range(min(max_len, len(toks) - i), 0, -1):
                j = i + n - 1
                last = toks[j]
                if not (capital[j] or n > 1 and feature[j]) or \
                        n == 1 and last.text in NOT_PLACES:
                    continue
                if apart[j + 1] > apart[i + 1]:
                    continue  # a word after the first that joins no name (the first is a capital)
                phrase = text[first.start: last.end]
                if n == 1 and (first.text in NOT_PLACES or first.text in TITLES
                               or CONTRACTION.search(first.text)
                               or first.text.lower() in DIRECTIONS
                               or len(first.text) < 3 and
                               not first.text.isupper()):
                    continue
                if n == 1 and first.start in sentence_starts and first.text.lower() in STOP_WORDS:
                    continue
                close = blocked[bisect_left(blocked_starts, first.start - blocked_longest):
                                bisect_left(blocked_starts, last.end)]
                if any(s < last.end and first.start < e and not (first.start <= s and e <= last.end
                       and (e - s) < (last.end - first.start)) for s, e in close):
                    continue
                if lead_direction and n > 1:
                    if not self.is_feature(phrase):
                        continue
                elif lead_direction:
                    continue
                # two capitals are an abbreviation: of a state or a country ("PA"), not a town
                needed = ALWAYS if n == 1 and len(first.text) <= 2 else min_population
                if self.is_strong(phrase, needed):
                    best = (first.start, last.end)
                    i += n
                    break
            if best:
                found.append(best)
            else:
                i += 1
        return found

    # -- implied mentions ---------------------------------------------------------------------
    def implied_mentions(self, article: Article, sentences: list[Sentence],
                         taken: list[tuple[int, int]], demonyms: dict[str, str]) -> list[Mention]:
        """Dateline, demonyms ("Chilean"), ellipses ("the North"), "the X capital"."""
        text = article.text
        out: list[Mention] = []

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken)

        def add(m: Mention) -> None:
            out.append(m)
            taken.append((m.start, m.end))

        if article.dateline_span:
            s, e = article.dateline_span
            if free(s, e):
                line_start = text.rfind("\n", 0, s) + 1
                line_end = text.find("\n", e)
                line = text[line_start: line_end if line_end >= 0 else len(text)].strip()
                # "OSAKA, Japan": the place, qualified by what follows the comma
                head, _, tail = text[s:e].partition(",")
                qualifier = tail.strip() or None
                add(Mention(head.strip(), s, s + len(head.strip()), line, "DATELINE",
                            qualifier=qualifier))
                if qualifier:
                    q_start = text.index(qualifier, s + len(head))
                    add(Mention(qualifier, q_start, q_start + len(qualifier), line,
                                "DATELINE"))
        if demonyms:
            pattern = _demonym_pattern_of(tuple(demonyms))
            for m in pattern.finditer(text):
                word = m.group(1) or m.group(2)
                s, e = (m.start(), m.end()) if m.group(1) else (m.start(2), m.end(2))
                if not free(s, e):
                    continue
                code = demonyms[word]
                if m.group(1):
                    add(Mention(text[s:e], s, e, sentence_at(sentences, s).text, "IMPLIED",
                                implied=True, hint=(("country_code", code), ("role", "capital"))))
                else:
                    add(Mention(word, s, e, sentence_at(sentences, s).text, "DEMONYM",
                                implied=True, hint=(("country_code", code),)))
        for m in re.finditer(r"\b[Tt]he\s+(North|South|East|West)(?:’s|'s)?\b(?!\s+[A-Z])", text):
            s, e = m.start(1), m.end(1)
            if free(s, e):
                add(Mention(m.group(1), s, e, sentence_at(sentences, s).text, "ELLIPSIS",
                            implied=True, hint=(("direction", m.group(1).lower()),)))
        return out


@lru_cache(maxsize=4)
def _demonym_pattern_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """:func:`_demonym_pattern` of the names longest first, sorted once per table (not for
    every article)."""
    return _demonym_pattern(tuple(sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=4)
def _demonym_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = one_of(names)
    # the lookahead skips, cheaply, every position where no demonym (or "the") can start
    return re.compile(r"\b(?=[A-Zt])(?:(?:the\s+)?(" + alternatives + r")\s+capital\b|("
                      + alternatives + r")\b)")


class SpanMap(dict):
    """A dict of (start, end) character spans that also keeps its keys sorted by start, so
    that the spans near a range are found by bisection instead of a walk over all of them."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[tuple[int, int]] = []
        self._longest = 0  # the longest span ever added (a bound, never lowered)

    def __setitem__(self, key: tuple[int, int], value: str) -> None:
        if key not in self:
            insort(self._keys, key)
            self._longest = max(self._longest, key[1] - key[0])
        super().__setitem__(key, value)

    def __delitem__(self, key: tuple[int, int]) -> None:
        super().__delitem__(key)
        del self._keys[bisect_left(self._keys, key)]

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every span that touches or lies in ``start``..``end`` (and a few more), by start."""
        lo = bisect_left(self._keys, (start - self._longest, -1))
        hi = bisect_right(self._keys, (end, end + self._longest + 1))
        return self._keys[lo:hi]


MANY_NAMES = 50  # same_text_spans scans by length (_scan) above this many names


def near(spans: Iterable[tuple[int, int]], start: int, end: int) -> Iterable[tuple[int, int]]:
    """The spans that may touch ``start``..``end``: all of them unless ``spans`` is a SpanMap."""
    return spans.near(start, end) if isinstance(spans, SpanMap) else spans


def overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in near(spans, a[0], a[1]))


def same_text_spans(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Every token-aligned occurrence of the given names (one sense per discourse)."""
    if not names:
        return []
    if len(names) == 1 and next(iter(names)):  # a plain search: faster than the lookbehind
        return _occurrences(text, next(iter(names)))
    if len(names) > MANY_NAMES and "" not in names:
        return _scan(text, names)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _scan(text: str, names: set[str]) -> list[tuple[int, int]]:
    """``same_text_spans`` for many names: at each position that may start a word (left to
    right, resuming after a match), the longest name there not followed by a word character,
    as the regex's longest-first alternation finds it, looked up by length in a set instead of
    tried name by name (Python's regex tries every alternative at every position)."""
    lengths = sorted({len(n) for n in names}, reverse=True)
    firsts = {n[0] for n in names}
    out: list[tuple[int, int]] = []
    at, size = 0, len(text)
    while at < size:
        if text[at] in firsts and (at == 0 or not _word_char(text[at - 1])):
            for n in lengths:
                end = at + n
                if end <= size and text[at:end] in names and \
                        (end == size or not _word_char(text[end])):
                    out.append((at, end))
                    at = end
                    break
            else:
                at += 1
        else:
            at += 1
    return out


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """``same_text_spans`` for one name: each occurrence not inside a longer word (neither
    side a word character or a hyphen), scanned left to right like the regex."""
    out: list[tuple[int, int]] = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not _word_char(text[at - 1])) and \
                (end == len(text) or not _word_char(text[end])):
            out.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return out


def _word_char(ch: str) -> bool:
    """Whether ``[\\w-]`` matches the character."""
    return ch.isalnum() or ch in "_-"


def folded(name: str) -> str:
    return normalize(name)
