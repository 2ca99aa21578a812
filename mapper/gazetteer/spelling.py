"""A conservative spelling fallback for a place name the gazetteer does not know ("Yokahama"):
the one big place (a city of a million people or more, a country or a first-level region)
whose primary name is one edit away, for names of seven letters or more. The extractor asks it
only for a proper noun that spaCy tags a place, or a nationality after a spatial preposition
("at Yokahama port"), and never for a word of a person's name. A name of several words written
without a possessive's apostrophe and "s" ("Bishop Stortford") is the one known name that
restores it."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from mapper.gazetteer.base import WORLD, Gazetteer, normalize
from mapper.model import GazetteerEntry

MIN_LETTERS = 7  # shorter names have too many one-edit neighbours ("Bali"/"Mali")
BIG_CITY = 1_000_000
BIG_FEATURES = ("country", "admin1")
MAX_EDITS = 1
MIN_POSSESSOR = 3  # a word of fewer letters is no possessor ("St", "Mt")
VOWELS = frozenset("aeiouy")
PLACE_LABELS = ("GPE", "LOC")  # spaCy's labels of a place (a misspelt NORP is relabelled)
_BIG: WeakKeyDictionary = WeakKeyDictionary()


def big_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Normalized primary name -> name, of the big places (computed once per gazetteer)."""
    found = _BIG.get(gazetteer)
    if found is None:
        entries = [*gazetteer.within(*WORLD, feature="city", min_population=BIG_CITY),
                   *gazetteer.within(*WORLD, feature="admin1"), *gazetteer.countries()]
        found = {normalize(e.name): e.name for e in entries
                 if e.feature in ("city", *BIG_FEATURES)}
        _BIG[gazetteer] = found
    return found


def _usual_slip(written: str, name: str) -> bool:
    """Whether the one edit from ``written`` to ``name`` is a usual misspelling: a vowel for
    another ("Yokahama"), a vowel dropped or added ("Mauritious"), or a doubled letter made
    single or a single one doubled ("Massachusets"); not a consonant changed ("Greenlane" is
    no Greenland) or one added ("Carancas" is no Caracas)."""
    ops = Levenshtein.editops(written, name)
    if len(ops) != 1:
        return False
    op = ops[0]
    if op.tag == "replace":
        return written[op.src_pos] in VOWELS and name[op.dest_pos] in VOWELS
    longer, pos = (written, op.src_pos) if op.tag == "delete" else (name, op.dest_pos)
    letter = longer[pos]
    return letter in VOWELS or letter in longer[max(0, pos - 1):pos] + longer[pos + 1:pos + 2]


def respelled(gazetteer: Gazetteer, name: str) -> str | None:
    """The big place's name one edit from ``name`` when ``name`` (7+ letters) is unknown to
    the gazetteer and exactly one big place is that close; else None."""
    norm = normalize(name)
    if sum(ch.isalpha() for ch in norm) < MIN_LETTERS or gazetteer.has_name(norm):
        return None
    close = {n for n, _, _ in process.extract(
        norm, list(big_names(gazetteer)), scorer=Levenshtein.distance,
        score_cutoff=MAX_EDITS, limit=None) if _usual_slip(norm, n)}
    if len(close) != 1:
        return None
    return big_names(gazetteer)[close.pop()]


def respelled_candidates(gazetteer: Gazetteer, name: str, label: str = "GPE"
                         ) -> list[GazetteerEntry]:
    """The big places of the name ``name`` is a misspelling of (none if it is not one, or if
    the mention's ``label`` is not a place's)."""
    if label not in PLACE_LABELS or not all(w[:1].isupper() for w in name.split()):
        return []
    fixed = respelled(gazetteer, name)
    if fixed is None:
        return []
    return [c for c in gazetteer.candidates(fixed, limit=40)
            if c.feature in BIG_FEATURES or (c.feature == "city" and c.population >= BIG_CITY)]


def possessive_forms(norm: str) -> list[str]:
    """Folded forms of a name of two or more words with a possessive's "s" restored to one word
    before the last ("bishop stortford" -> "bishops stortford", which "Bishop's Stortford"
    folds to). The last word keeps its spelling: "St John" is a place of its own, not "St
    John's"."""
    words = norm.split()
    return [" ".join([*words[:i], w + "s", *words[i + 1:]]) for i, w in enumerate(words[:-1])
            if len(w) >= MIN_POSSESSOR and w.isalpha() and not w.endswith("s")]


def possessive_name(gazetteer: Gazetteer, name: str) -> str | None:
    """The gazetteer's name that ``name`` writes without its possessive ("Bishop Stortford" for
    "Bishop's Stortford"), when the gazetteer does not know ``name`` itself (so no place that
    owns the written name loses it) and exactly one such form is known; else None."""
    if not all(w[:1].isupper() for w in name.split()):
        return None
    norm = normalize(name)
    if gazetteer.has_name(norm):
        return None
    known = [form for form in possessive_forms(norm) if gazetteer.has_name(form)]
    return known[0] if len(known) == 1 else None
