"""spaCy NER (GPE, LOC, FAC) with gazetteer rules for what it misses or mislabels."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Span

from mapper.extractors.airports import claim_airports
from mapper.extractors.base import (
    DIRECTIONS,
    FEATURE_WORDS,
    LIST_NAME,
    NOT_PLACES,
    TITLES,
    Extractor,
    SpanMap,
    listed_spans,
    near,
    overlaps,
    same_text_spans,
    street_lists,
    street_mentions,
    strip_possessive,
    tokens,
)
from mapper.extractors.demonyms import region_demonym_pattern
from mapper.extractors.names import ALWAYS, FLOOR
from mapper.gazetteer import sources
from mapper.gazetteer.base import normalize
from mapper.gazetteer.local import is_local_name
from mapper.gazetteer.qualifiers import qualifier_after
from mapper.gazetteer.spelling import respelled
from mapper.model import Article, Mention
from mapper.nlp import (
    doc_ents,
    doc_sentences,
    doc_text,
    doc_tokens,
    non_noun_words,
    parse,
    sentence_at,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ORG_PLACE_MIN_POPULATION = 100_000
SPATIAL_PREPS = {"to", "for", "in", "at", "from", "toward", "towards", "near", "via", "into",
                 "through", "off", "across", "outside", "throughout", "within", "inside",
                 "beyond"}
# Words that follow a town's name in local news when the town is meant ("the Roselle police",
# "Huntsville Fire Chief", "the Edwardsville City Council", "a Gainesville man").
CIVIC_WORDS = {
    "police", "fire", "sheriff", "sheriff's", "sheriff’s", "mayor", "city", "town", "village",
    "township", "council", "councilman", "councilwoman", "selectman", "selectmen", "schools",
    "school", "high", "elementary", "middle", "junior", "public", "library", "hospital",
    "medical", "regional", "community", "chamber", "parks", "park", "recreation", "planning",
    "zoning", "board", "commission", "commissioners", "housing", "water", "utilities",
    "airport", "transit", "historical", "municipal", "superintendent", "officers", "officer",
    "firefighters", "residents", "resident", "native", "man", "woman", "teen", "boy", "girl",
    "couple", "family", "officials", "area", "department", "courthouse", "jail",
    "emergency", "volunteer", "senior", "downtown", "neighborhood",
}
# Words before a place's name that make it a part or the surroundings of the place ("Northeast
# Georgia", "Metro Vancouver", "Historic Dublin")
AREA_WORDS = DIRECTIONS | {"metro", "metropolitan", "greater", "downtown", "uptown", "historic",
                           "suburban", "rural", "urban", "inner", "outer", "coastal"}
# Entities that are not places: a gazetteer match inside one of them is not a mention.
# A harbour named after its town stands at the town ("Sydney Harbour"); a building named
# after a small town stands anywhere ("Buckingham Palace" is not in Buckingham).
HARBOUR_HEADS = {"harbour", "harbor"}
BUILDING_HEADS = {"palace", "castle", "cathedral", "abbey"}
# Verbs of saying: their one-word subject is a person ("said Ripley"), an organisation's last
# word when it speaks too ("said Ana Salem, founder of ..."), not a place.
REPORT_LEMMAS = {"say", "tell", "add", "explain", "recall", "write"}
POSSESSIVE_MARKS = {"'", "’", "'s", "’s"}
OTHER_LABELS = {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}


OF_PLACE = re.compile(r"\b(?:city|town|port|village|province|region|state|island|county"
                      r"|district|municipality|prefecture) of "
                      r"((?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+)?)")


def _proper(token) -> bool:
    """A capitalised proper noun that is not a number word ("First")."""
    return token.text[:1].isupper() and token.pos_ == "PROPN" and not token.like_num


def _name(ent):
    """An entity without a trailing possessive mark ("Carlos Reyes'" -> "Carlos Reyes"), with
    its label."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].text in POSSESSIVE_MARKS:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _civic_follows(doc, i: int) -> bool:
    """Whether token ``i`` starts a word of local government or its people, or "-based"."""
    if doc[i].lower_ in CIVIC_WORDS:
        return True
    return doc[i].text in ("-", "–") and i + 1 < len(doc) and doc[i + 1].lower_ == "based"


# "Jane Doe, 34, of Smalltown": where a person named in the story lives, a place however small
PERSON_OF = re.compile(r"(?:,\s*\d{1,3},)?\s+(?:of|from)\s+"
                       r"((?:[A-Z][\w’'.-]+)(?:\s[A-Z][\w’'.-]+){0,2})")
# "Ellie Smith, 16, of Smalltown" where spaCy did not see the person: the age says it is one
AGE_OF = re.compile(r"\b[A-Z][\w’'.-]+,\s*\d{1,3},\s+(?:of|from)\s+"
                    r"((?:[A-Z][\w’'.-]+)(?:\s[A-Z][\w’'.-]+){0,2})")
# "Sen. Jane Doe, D-Smalltown": a legislator's party and home town
PARTY_HOME = re.compile(r"\b[RDI]-((?:[A-Z][\w’'.]+)(?:\s[A-Z][\w’'.]+){0,2})")
# "SMALLTOWN — The council met...": a dateline in capitals at the start of a paragraph or sentence
CAPS_DATELINE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][A-Z’'.-]+(?:\s[A-Z][A-Z’'.-]+){0,3})"
                           r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:\s*\([A-Z]+\))?"
                           r"\s*(?:—|–|--| - |:\s|\x97|”)")
# "... Associated Press WASHINGTON (AP) —": capitals before an agency's tag, wherever they stand
AGENCY_DATELINE = re.compile(r"\b([A-Z][A-Z’'.-]+(?:\s[A-Z][A-Z’'.-]+){0,3})"
                             r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*\([A-Z][A-Za-z]{1,9}\)")
# capitalised words joined by hyphens: each may be a place ("the Fargo-Moorhead area")
HYPHENED = re.compile(r"\b[A-Z][A-Za-z’'.]+(?:-[A-Z][A-Za-z’'.]+)+\b")
# "Becker, Clay and Otter Tail counties": each name is a county (names bounded: LIST_NAME)
COUNTY_LIST = re.compile(rf"((?:{LIST_NAME},\s+){{0,50}}{LIST_NAME},?\s+(?:and|or)\s+"
                         rf"{LIST_NAME})\s+(counties|parishes)\b")


class SpacyExtractor(Extractor):
    name = "spacy"

    def __init__(self, gazetteer, min_population: int = 15000) -> None:
        super().__init__(gazetteer)
        self.min_population = min_population
        self.demonyms = sources.demonyms()
        # "S.C.", "W.Va.", "D.C.": a state's abbreviation with its dots is never a word
        self.state_abbreviations = {k for k in sources.us_state_abbreviations() if "." in k}
        # demonyms of states, provinces, regions and continents ("Ohioans", "South Ossetian"):
        # the resolver maps each to its entry
        self.region_demonyms = region_demonym_pattern(gazetteer, sources.aliases("demonym"))

    def _people(self, doc) -> set[str]:
        """One-word names the story uses for people: the surname of a longer person's name
        ("Ripley" after "Darren Ripley"), a name after a title ("coach Ripley"), or a person who
        is the subject of a verb ("Robertson said"). Such a name is a person wherever it stands
        alone, unless it names a large place ("Lafayette says no" is the town) and is no
        surname that speaks alone ("said Jackson" after "Ann Jackson" is the woman, a country
        or state excepted). A two- or three-word name spaCy calls an organisation is a
        person's when it speaks and so does its last word alone ("said Ana Salem, founder of
        ...", then "said Salem")."""
        speakers = {t.text for t in doc_tokens(doc) if _proper(t) and t.dep_ == "nsubj"
                    and t.head.lemma_ in REPORT_LEMMAS and not any(
                        c.dep_ == "compound" for c in t.children)
                    and not (t.i > 0 and _proper(doc[t.i - 1]))}
        names: set[str] = set()
        surnames: set[str] = set()
        for e in map(_name, doc_ents(doc)):
            if e.label_ == "PERSON" and len(e) > 1:
                if _proper(e[-1]) and not any(t.lower_ in CIVIC_WORDS for t in e):
                    surnames.add(e[-1].text)  # not "Frankston Fire", "Erie GM Jo Bass"
            elif e.label_ == "PERSON" and e.root.dep_ == "nsubj" \
                    and e.root.head.pos_ == "VERB":
                names.add(e.root.text)
            elif e.label_ == "ORG" and len(e) in (2, 3) and all(_proper(t) for t in e) \
                    and e[-1].text in speakers and e.root.dep_ == "nsubj" \
                    and e.root.head.lemma_ in REPORT_LEMMAS:
                surnames.add(e[-1].text)
        for t in doc_tokens(doc)[1:]:
            prev = doc[t.i - 1]
            if _proper(t) and (prev.text in TITLES or prev.text.title() in TITLES):
                names.add(t.text)
        return {n for n in names | surnames if not self.is_strong(n, ORG_PLACE_MIN_POPULATION)
                or n in surnames and n in speakers and not self._region(n)}

    def _civic(self, doc, spans: dict) -> None:
        """A town named before a word of local government or its people ("Huntsville Fire
        Chief", "the Roselle police", "a Gainesville man"), however small: its leading one to
        three proper nouns, at the start of an entity or outside one."""
        starts = {e.start + (doc[e.start].lower_ == "the") for e in doc_ents(doc)}
        inside = {t for e in doc_ents(doc) for t in range(e.start + 1, e.end)}
        proper = [_proper(t) for t in doc_tokens(doc)]  # each token's, once
        for i, tok in enumerate(doc_tokens(doc)):
            if not proper[i] or (i in inside and i not in starts) or \
                    (i > 0 and proper[i - 1] and i not in starts):
                continue
            if tok.lower_ in DIRECTIONS:
                continue
            for n in (3, 2, 1):  # the civic word first: the rare test
                if i + n >= len(proper) or not _civic_follows(doc, i + n) or \
                        not all(proper[i:i + n]):
                    continue
                part = doc[i:i + n]
                span = (part.start_char, part.end_char)
                if n == 1 and part.text.lower() in non_noun_words(("adj", "adv")):
                    continue  # "Central High School"; a verb may name a town ("Concord Police")
                if part.text in self.state_abbreviations or \
                        self.gazetteer.has_name(normalize(part.text)):
                    for k in [k for k in near(spans, *span) if k[0] < span[1] and
                              span[0] < k[1]]:
                        if spans[k] not in ("GPE", "LOC") or not \
                                self.gazetteer.has_name(normalize(doc_text(doc)[k[0]:k[1]])):
                            del spans[k]  # an unknown longer name ("Huntsville City")
                    if not overlaps(span, spans):
                        spans[span] = "GAZ"
                    break

    def _places_tagged_as_people(self, doc, words_in_names: set[str]) -> set[str]:
        """One-word PERSON entities that name a sizeable place and never a person: not part of
        a longer person's name ("Paris" in "Paris Hilton"), never after a title ("Mr. Lincoln")."""
        people = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
        titled = {doc[e.start].text for e in people if e.start > 0
                  and doc[e.start - 1].text in TITLES}
        # "the Duma" is an institution: a name after "the" is neither a person nor a town
        titled |= {doc[e.start].text for e in people if e.start > 0
                   and doc[e.start - 1].lower_ == "the"}
        out = set()
        for e in people:
            name = e.text
            if len(e) > 3 or name in titled or name in out or not _proper(e[0]) or \
                    len(e) == 1 and name in words_in_names:
                continue
            if self.is_strong(name, 20_000):
                out.add(name)
        return out

    def _split_compound(self, text: str, name: str, start: int) -> list[tuple[int, int]]:
        """Spans of the known places in "X in Y" or "X, Y" when the whole is unknown."""
        for sep in (" in ", ", "):
            if sep in name:
                head, _, tail = name.partition(sep)
                spans = []
                offset = start
                for part in (head, tail):
                    part_start = text.index(part, offset)
                    if self.gazetteer.has_name(normalize(part)):
                        spans.append((part_start, part_start + len(part)))
                    offset = part_start + len(part)
                if spans:
                    return spans
        return []

    def _add_known(self, text: str, start: int, name: str, spans: dict) -> bool:
        """Add the longest leading part of ``name`` that the gazetteer knows, however small."""
        words = name.split()
        for n in range(len(words), 0, -1):
            part = " ".join(words[:n]).rstrip(".")
            span = (start, start + len(part))
            if text[span[0]:span[1]] != part or overlaps(span, spans):
                continue
            if text[span[1]:span[1] + 1] == "." and part + "." in self.state_abbreviations:
                spans[(span[0], span[1] + 1)] = "GAZ"  # "D-S.C."
                return True
            if self.gazetteer.has_name(normalize(part)):
                spans[span] = "GAZ"
                return True
        return False

    def _large_place(self, words, spans: dict) -> bool:
        """Add the longest leading part (up to three proper nouns) of ``words`` that names a
        place of at least ``ORG_PLACE_MIN_POPULATION``; whether one was added."""
        if len(words) > 1 and words[0].lower_ in AREA_WORDS:
            words = words[1:]  # "the Northeast Texas Community College"
        for n in (3, 2, 1):
            part = words[:n]
            if len(part) != n or not all(_proper(t) for t in part) or part[-1].text in TITLES:
                continue
            span = (part.start_char, part.end_char)
            if n == 1 and part.text.lower() in non_noun_words():
                continue  # "Central Command", "Federal Highway Administration"
            if n == 1 and part.text in self.state_abbreviations and not overlaps(span, spans):
                spans[span] = "GAZ"  # "the S.C. Highway Patrol"
                return True
            if self.names is not None and not overlaps(span, spans) and \
                    self.strength(part.text) >= ORG_PLACE_MIN_POPULATION:
                spans[span] = "GAZ"
                return True
        return False

    @staticmethod
    def _common_word(doc, start: int, end: int, person_words: set[str]) -> bool:
        """A one-word match the parser reads as a common word ("Man", "Free") or that is part of
        a person's name elsewhere in the story ("Moore" after "Mike Moore")."""
        span = doc.char_span(start, end)
        if span is None or len(span) != 1:
            return False
        return span[0].pos_ != "PROPN" or span.text in person_words

    @staticmethod
    def _beside_place(token) -> bool:
        """A conjunct of a word tagged as a place ("Harare" in "Harare and London")."""
        if token.dep_ == "conj" and token.head.ent_type_ in ("GPE", "LOC"):
            return True
        return any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in token.children)

    def _region(self, name: str) -> bool:
        """Whether ``name`` is a country, a continent or a first-level subdivision."""
        return self.is_strong(name, ALWAYS) and any(
            c.feature in ("country", "continent", "admin1")
            for c in self.gazetteer.candidates(name, limit=5))

    @staticmethod
    def _after_preposition(doc, start: int) -> bool:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        return span is not None and span.start > 0 and \
            doc[span.start - 1].lower_ in SPATIAL_PREPS

    @staticmethod
    def _after_direction(name: str) -> str | None:
        """'Northeast Georgia' -> 'Georgia', 'Metro Vancouver' -> 'Vancouver' (None without a
        prefix)."""
        head, _, rest = name.partition(" ")
        if rest and head.lower() in AREA_WORDS and rest[:1].isupper():
            return rest
        return None

    def extract(self, article: Article, doc=None) -> list[Mention]:
        """spaCy's place entities, then rules in order, each adding spans the earlier ones left
        free; people of the story are dropped last."""
        text = article.text
        doc = doc if doc is not None else parse(text)
        sentences = doc_sentences(doc)
        dateline = [article.dateline_span] if article.dateline_span else []
        spans: dict[tuple[int, int], str] = SpanMap()
        # every word of a longer person's name ("Paris" and "Hilton" in "Paris Hilton")
        person_words = {w for e in map(_name, doc_ents(doc)) if e.label_ == "PERSON"
                        and len(e) > 1 for w in e.text.split()}
        known = self._entity_places(doc, spans)
        known |= self._mislabelled_places(doc, person_words, spans)
        self._misspelled_places(doc, person_words, spans)
        other = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ in OTHER_LABELS
                 and (e.start_char, e.end_char) not in spans]
        other += self._named_after_towns(doc, spans)
        streets = street_lists(text)  # "Adams and Lincoln Avenues": streets, not towns
        for lst in streets:
            s, e = lst.span
            for k in [k for k in near(spans, s, e) if s <= k[0] and k[1] <= e]:
                del spans[k]
            other.append(lst.span)
        self._one_sense_per_discourse(text, known, other, dateline, spans)
        self._gazetteer_names(doc, sentences, other, dateline, person_words, spans)
        self._organisation_places(doc, spans)
        self._local_news(doc, dateline, spans)
        claim_airports(text, self.gazetteer, spans)
        people = self._people(doc)
        mentions = [Mention(text[s:e], s, e, sentence_at(sentences, s).text, label,
                            qualifier=qualifier_after(text, e, self.gazetteer))
                    for (s, e), label in sorted(spans.items()) if text[s:e] not in people]
        mentions += [m for m in street_mentions(text, sentences, streets)
                     if not overlaps((m.start, m.end), spans)]
        taken = list(spans) + [(m.start, m.end) for m in mentions]
        mentions += self.implied_mentions(article, sentences, taken, self.demonyms)
        return sorted(self.named_otherwise(text, mentions), key=lambda m: m.start)

    def _misspelled_places(self, doc, person_words: set[str], spans: dict) -> None:
        """A one-word proper noun that spaCy tags a nationality, after a spatial preposition,
        that is a misspelt big place ("at Yokahama port"); the resolver places it."""
        for ent in doc_ents(doc):
            if ent.label_ == "NORP" and len(ent) == 1 and ent[0].pos_ == "PROPN" and \
                    ent.text not in person_words and (ent.start_char, ent.end_char) not in spans \
                    and self._after_preposition(doc, ent.start_char) and \
                    respelled(self.gazetteer, ent.text) is not None:
                spans[(ent.start_char, ent.end_char)] = "GPE"

    def _entity_places(self, doc, spans: dict) -> set[str]:
        """spaCy's GPE, LOC and FAC entities; the names of those known as places."""
        text = doc_text(doc)
        known: set[str] = set()
        for ent in doc_ents(doc):
            if ent.label_ not in PLACE_LABELS:
                continue
            name, s, e = strip_possessive(ent.text, ent.start_char, ent.end_char)
            if not any(ch.isupper() for ch in name) or e <= s or name.lower() in DIRECTIONS \
                    or name in NOT_PLACES:
                continue  # bare "the North" is an ellipsis, resolved from context
            if not self.gazetteer.has_name(normalize(name)):
                rest = self._after_direction(name)
                if rest and self.gazetteer.has_name(normalize(rest)):
                    s = s + len(name) - len(rest)  # "Northeast Georgia" names a part of Georgia
                    spans[(s, e)] = ent.label_
                    known.add(rest)
                    continue
                parts = self._split_compound(text, name, s)
                if parts:  # "Dover in England", "Fairbanks, Alaska"
                    for ps, pe in parts:
                        spans[(ps, pe)] = ent.label_
                        known.add(text[ps:pe])
                    continue
                if ent.label_ == "FAC" and not is_local_name(name):
                    continue
                spans[(s, e)] = ent.label_  # unknown place: kept, reported by the resolver
                continue
            spans[(s, e)] = ent.label_
            if ent.label_ in ("GPE", "LOC"):
                known.add(name)
        return known

    def _named_after_towns(self, doc, spans: dict) -> list[tuple[int, int]]:
        """Harbours and buildings whose name starts with a town's ("Sydney Harbour", whatever
        spaCy labels it): a harbour of a big town is a place, resolved to that town; a palace,
        castle, cathedral or abbey of a small town whose name the story uses nowhere else is
        no mention of the town. The spans of the latter, to keep the town's name out."""
        text = doc_text(doc)
        blocked = []
        for ent in doc_ents(doc):
            if ent.label_ not in PLACE_LABELS | {"PERSON", "ORG", "WORK_OF_ART"}:
                continue
            toks = [t for t in ent if t.lower_ != "the"]
            head = toks[-1].lower_ if toks else ""
            if len(toks) < 2 or head not in HARBOUR_HEADS | BUILDING_HEADS or \
                    not all(_proper(t) for t in toks):
                continue
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
            town, _, _ = strip_possessive(text[s:toks[-2].idx + len(toks[-2])], s, e)
            if self.gazetteer.has_name(normalize(text[s:e])):
                continue
            strong = self.is_strong(town, ORG_PLACE_MIN_POPULATION)
            if head in HARBOUR_HEADS and strong:
                for k in [k for k in spans if s <= k[0] and k[1] <= e]:
                    del spans[k]
                if not overlaps((s, e), spans):
                    spans[(s, e)] = "FAC"
            elif head in BUILDING_HEADS and not strong and \
                    len(re.findall(rf"\b{re.escape(town)}\b", text)) == \
                    len(re.findall(rf"\b{re.escape(text[s:e])}\b", text)):
                blocked.append((s, e))
        return blocked

    def _mislabelled_places(self, doc, person_words: set[str], spans: dict) -> set[str]:
        """Places spaCy labels otherwise: features as events, towns as people or organisations
        after a spatial preposition or beside a place, countries ending an organisation's
        name, one-word "people" that are sizeable places. The names added as places."""
        known: set[str] = set()
        for ent in doc_ents(doc):
            if ent.label_ in ("EVENT", "ORG", "WORK_OF_ART", "PRODUCT"):
                name, s, e = strip_possessive(ent.text, ent.start_char, ent.end_char)
                if any(c.key.startswith("feat:") or c.feature in ("country", "continent")
                       for c in self.gazetteer.candidates(name, limit=10)):
                    spans[(s, e)] = "GAZ"  # "the Dead Sea" tagged as an event
                    continue
            whole = (ent.start_char, ent.end_char)
            if ent.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART") and len(ent) <= 3 \
                    and ent.root.dep_ == "pobj" \
                    and ent.root.head.lower_ in SPATIAL_PREPS and all(_proper(t) for t in ent) \
                    and not (ent.start > 0 and doc[ent.start - 1].lower_ == "the") \
                    and not overlaps(whole, spans) and self.is_strong(ent.text, FLOOR):
                spans[whole] = "GAZ"  # "sail for Lisbon", "from Grenoble" (a work of art)
                known.add(ent.text)
            elif ent.label_ in ("PERSON", "ORG", "NORP") and len(ent) == 1 \
                    and _proper(ent[0]) and self._beside_place(ent.root) \
                    and not overlaps(whole, spans) and self.is_strong(ent.text, 20_000):
                spans[whole] = "GAZ"  # "between Harare and London"
                known.add(ent.text)
            if ent.label_ in ("ORG", "FAC") and len(ent) > 1 and _proper(ent[-1]) \
                    and doc[ent.end - 2].lower_ not in ("of", "for", "united") \
                    and ent[-1].lower_ not in non_noun_words(("adj", "adv")) \
                    and ent[-1].lower_ not in DIRECTIONS and self._region(ent[-1].text):
                span = (ent[-1].idx, ent[-1].idx + len(ent[-1]))
                if not overlaps(span, spans):
                    spans[span] = "GAZ"  # "Air Zimbabwe", "HSBC Malta", "Education Minnesota"
        for name in self._places_tagged_as_people(doc, person_words):
            for s, e in same_text_spans(doc_text(doc), {name}):
                if not overlaps((s, e), spans):
                    spans[(s, e)] = "GAZ"
                    known.add(name)
        return known

    @staticmethod
    def _one_sense_per_discourse(text: str, known: set[str], other: list, dateline: list,
                                 spans: dict) -> None:
        """A name tagged as a place once is a place everywhere, unless a longer non-place
        entity contains it ("Washington" in "The Washington Times")."""
        other = sorted(other)  # looked up by bisection, not walked, for each occurrence
        starts = [os for os, _ in other]
        longest = max((oe - os for os, oe in other), default=0)
        for s, e in same_text_spans(text, known):
            if overlaps((s, e), dateline):
                continue  # the dateline is its own mention
            if (s, e) in spans or overlaps((s, e), spans):
                continue
            if any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe in
                   other[bisect_left(starts, s - longest):bisect_right(starts, s)]):
                continue
            spans[(s, e)] = "GAZ"

    def _gazetteer_names(self, doc, sentences, other: list, dateline: list,
                         person_words: set[str], spans: dict) -> None:
        """Multiword features and strong names NER missed; a longer match replaces the NER
        spans it contains ("Iberian peninsula", "northern Patagonia"). A later word of a
        facility's name is not a town ("Hall" in "City Hall on Elm Street"); its first word may
        be ("Springfield Airport")."""
        text = doc_text(doc)
        heads = [(t.idx, t.idx + len(t)) for e in doc_ents(doc) if e.label_ == "FAC" for t in e[1:]]
        blocked = list(other) + heads + dateline
        for s, e in self.gazetteer_matches(text, tokens(text), sentences,
                                           min_population=self.min_population, blocked=blocked):
            if self._common_word(doc, s, e, person_words):
                continue
            word = text[s:e]
            if " " not in word and word.lower() in non_noun_words() and not \
                    self.is_feature(word) and not self._after_preposition(doc, s):
                continue  # "Act", "Superior", "Man" in a headline: the ordinary word
            if " " not in word and (s, e) not in spans and self._name_part(doc, s):
                continue  # "Dalai" in "the Dalai Lama flew": part of a name NER did not see
            close = near(spans, s, e)
            inner = [k for k in close if s <= k[0] and k[1] <= e]
            if any(k[0] < e and s < k[1] for k in close if k not in inner):
                continue
            if inner == [(s, e)]:
                continue
            for k in inner:
                del spans[k]
            spans[(s, e)] = "GAZ"

    def _name_part(self, doc, start: int) -> bool:
        """Whether the token at ``start``, a name of no large place, modifies a following proper
        noun that no entity, place word or known place name accounts for: the first word of a
        person's or a title's name ("the Dalai Lama"), not of a place's ("Ohio River")."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span[0].dep_ != "compound" or span[0].head.i != span.start + 1:
            return False
        tok, head = span[0], span[0].head
        if self.is_strong(tok.text, ORG_PLACE_MIN_POPULATION):
            return False  # "Mauritius Commercial Bank", "Windsor Castle": the place stays
        return head.tag_ == "NNP" and not head.ent_type_ and head.is_title and \
            head.lower_ not in FEATURE_WORDS | CIVIC_WORDS | AREA_WORDS and \
            not is_local_name(f"{tok.text} {head.text}") and \
            not self.is_strong(head.text, ORG_PLACE_MIN_POPULATION) and \
            not self.gazetteer.has_name(normalize(f"{tok.text} {head.text}"))

    def _organisation_places(self, doc, spans: dict) -> None:
        """A large place leading an organisation's name ("the Texas Department of Health") or
        after "of" inside it ("the Association of Ohio Teachers"): the corpora annotate these."""
        for ent in doc_ents(doc):
            if ent.label_ != "ORG":
                continue
            inner = ent[1:] if ent[0].lower_ == "the" else ent
            if len(inner) >= 2:
                self._large_place(inner[:-1], spans)
            any(self._large_place(doc[t.i + 1:ent.end], spans)
                for t in ent[:-1] if t.lower_ == "of")

    def _local_news(self, doc, dateline: list, spans: dict) -> None:
        """Local-news conventions that name towns however small: "Jane Doe, 34, of Town",
        "D-Town", "the Town Police", "X, Y and Z counties", datelines in capitals, "the port of
        X", and demonyms of states and regions."""
        text = doc_text(doc)
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON":
                continue
            m = PERSON_OF.match(text, ent.end_char)
            if m:
                self._add_known(text, m.start(1), m.group(1), spans)
        for m in (*PARTY_HOME.finditer(text), *AGE_OF.finditer(text)):
            self._add_known(text, m.start(1), m.group(1), spans)
        self._civic(doc, spans)
        for m in COUNTY_LIST.finditer(text) if "counties" in text or "parishes" in text \
                else ():
            for span in listed_spans(text, m.start(1), m.group(1)):
                if not overlaps(span, spans):
                    spans[span] = "GAZ"
        for pattern in (CAPS_DATELINE, AGENCY_DATELINE):
            for m in pattern.finditer(text):
                if len(m.group(1)) > 2 and not overlaps(m.span(1), dateline):
                    self._add_known(text, m.start(1), m.group(1), spans)
        # "the port of Sines", "the town of Tete": any gazetteer place after a generic
        # place noun, however small
        for m in OF_PLACE.finditer(text):
            s, e = m.start(1), m.end(1)
            if overlaps((s, e), spans) or not self.gazetteer.has_name(normalize(m.group(1))):
                continue
            spans[(s, e)] = "GAZ"
        for m in self.region_demonyms.finditer(text):
            if not overlaps(m.span(), spans):
                spans[m.span()] = "GAZ"
        for m in HYPHENED.finditer(text):  # "Fargo-Moorhead", "Watertown-ML", "Egypt-US ties"
            if self.gazetteer.has_name(normalize(m.group())):
                continue  # a town's own name ("Winston-Salem"), found as a whole or not at all
            parts, offset = [], m.start()
            for part in m.group().split("-"):
                parts.append((part, (offset, offset + len(part))))
                offset += len(part) + 1
            words = [(p, span) for p, span in parts if not p.isupper()]  # not "ML", "US"
            if words and all(self.is_strong(p, FLOOR) for p, _ in words):
                for p, span in parts:
                    if (not p.isupper() or self._region(p)) and not overlaps(span, spans):
                        spans[span] = "GAZ"
