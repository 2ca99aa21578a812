"""spaCy's attribute ruler with its patterns looked up in a table.

The English model's ``attribute_ruler`` (the tag map, the morph rules and their exceptions:
about 180 patterns) runs every pattern at every token through spaCy's ``Matcher``, which
evaluates each set predicate (``{"IN": [...]}``) as a Python call at every token: about 11 ms an
article, a sixth of the whole parse. Its patterns are a token or two whose attributes take exact
values, sets of values or regular expressions; :class:`IndexedAttributeRuler` looks each token's
values up in one dict per pattern shape (which attributes the first token tests) and checks the
rest of a pattern only where its first token matched. Patterns beyond that (operators,
extensions, other predicates) go to a ``Matcher`` of their own. The matches, and so the
attributes set, are the stock component's (``tests/test_attribute_index.py`` compares them
token by token). Written here: spaCy has no indexed matcher.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from operator import itemgetter

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id

# attributes whose values Doc.to_array gives as string hashes, and boolean lexical flags
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_STOP"})


@dataclass(frozen=True)
class _Spec:
    """One token's tests of a pattern, over the columns of the token table: exact values,
    sets a value must be in or not in, and regular expressions on a string attribute."""

    exact: tuple[tuple[int, int], ...]
    within: tuple[tuple[int, frozenset], ...]
    outside: tuple[tuple[int, frozenset], ...]
    regex: tuple[tuple[int, re.Pattern], ...]


def _value(attr: str, value) -> int | None:
    """The table value of an exact pattern value (None: not one this table handles)."""
    if attr in _FLAG_ATTRS:
        return int(value) if isinstance(value, bool) else None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return get_string_id(value)


def _supported(pattern: list[dict]) -> bool:
    """A pattern of fixed length whose every test is an exact value, ``IN``, ``NOT_IN`` or a
    ``REGEX`` on a string attribute (no operators, extensions or other predicates), and whose
    first token has a value or a regular expression to be looked up by."""
    if not pattern or not (_lead(pattern[0]) or any(
            isinstance(v, dict) and "REGEX" in v for v in pattern[0].values())):
        return False
    for spec in pattern:
        for attr, value in spec.items():
            if attr not in _STRING_ATTRS | _FLAG_ATTRS:
                return False
            if not isinstance(value, dict):
                values = [value]
            elif len(value) != 1:
                return False
            elif "REGEX" in value:
                if attr not in _STRING_ATTRS or not isinstance(value["REGEX"], str):
                    return False
                continue
            elif "IN" in value or "NOT_IN" in value:
                values = next(iter(value.values()))
                if not isinstance(values, list):
                    return False
            else:
                return False
            if any(_value(attr, v) is None for v in values):
                return False
    return True


def _spec(spec: dict, col: dict[str, int], lead: tuple[str, ...]) -> _Spec:
    """The tests of ``spec`` beyond its attributes in ``lead`` (looked up in the table)."""
    exact, within, outside, regex = [], [], [], []
    for attr, value in sorted(spec.items()):
        if attr in lead:
            continue
        if not isinstance(value, dict):
            exact.append((col[attr], _value(attr, value)))
        elif "REGEX" in value:
            regex.append((col[attr], re.compile(value["REGEX"])))
        else:
            op, values = next(iter(value.items()))
            target = within if op == "IN" else outside
            target.append((col[attr], frozenset(_value(attr, v) for v in values)))
    return _Spec(tuple(exact), tuple(within), tuple(outside), tuple(regex))


def _lead(spec: dict) -> tuple[str, ...]:
    """The attributes of a pattern's first token it is looked up by (exact values and IN)."""
    return tuple(sorted(a for a, v in spec.items() if not isinstance(v, dict) or "IN" in v))


class _RegexMemo(dict):
    """Whether a regular expression matches a string, by the string's hash, memoised (the
    values of a column repeat: words and tags)."""

    def __init__(self, regex: re.Pattern, column: int, strings) -> None:
        super().__init__()
        self.regex, self.column, self.strings = regex, column, strings

    def __call__(self, row: list[int]) -> bool:
        """Whether the token of ``row`` matches (in its column)."""
        return self[row[self.column]]

    def __missing__(self, value: int) -> bool:
        found = self[value] = bool(self.regex.search(self.strings[value]))
        return found


def _empty(spec: _Spec) -> bool:
    return not (spec.exact or spec.within or spec.outside or spec.regex)


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose patterns are looked up by their first token's values and then
    checked token by token; the same matches and attributes as the stock component."""

    def _table(self):
        """(columns, shapes, matcher of unsupported patterns), rebuilt when the rules change.
        A shape: the getter of its lead columns and a dict lead values -> [(key, specs)]."""
        cached = getattr(self, "_cached_table", None)
        if cached is not None and cached[0] == len(self.attrs):
            return cached[1]
        rest = Matcher(self.vocab, validate=False)
        supported: list[tuple[int, list[dict]]] = []
        for key in range(len(self.attrs)):
            for pattern in self.matcher.get(str(key))[1]:
                if _supported(pattern):
                    supported.append((key, pattern))
                else:
                    rest.add(str(key), [pattern])
        columns = sorted({a for _, p in supported for spec in p for a in spec})
        col = {a: i for i, a in enumerate(columns)}
        shapes: dict[tuple, tuple] = {}  # lead -> (getter, {lead values: [rule]})
        for key, pattern in supported:
            lead = _lead(pattern[0])
            specs = [_spec(s, col, lead if n == 0 else ()) for n, s in enumerate(pattern)]
            if lead:
                getter = itemgetter(*[col[a] for a in lead])
                combos: list[tuple] = [()]
                for attr in lead:
                    v = pattern[0][attr]
                    options = v["IN"] if isinstance(v, dict) else [v]
                    combos = [c + (_value(attr, o),) for c in combos
                              for o in dict.fromkeys(options)]
                values = [c[0] if len(c) == 1 else c for c in combos]
            else:  # looked up by its first regular expression's memo: True where it matches
                c, regex = specs[0].regex[0]
                lead = ("REGEX", c, regex.pattern)
                getter = _RegexMemo(regex, c, self.vocab.strings)
                specs[0] = dataclasses.replace(specs[0], regex=specs[0].regex[1:])
                values = [True]
            rules = shapes.setdefault(lead, (getter, {}))[1]
            checks = tuple((n, spec) for n, spec in enumerate(specs) if not _empty(spec))
            for value in values:
                rules.setdefault(value, []).append((key, len(specs), checks))
        compiled = list(shapes.values())
        table = (columns, compiled, rest if len(rest) else None)
        self._cached_table = (len(self.attrs), table)
        return table

    def match(self, doc):
        """As the stock ``match``: (rule key, match id, start, end), sorted, later rules last."""
        columns, compiled, rest = self._table()
        strings = self.vocab.strings
        found = []
        if columns and len(doc):
            rows = doc.to_array([IDS[a] for a in columns]).reshape(len(doc), -1).tolist()
            n = len(rows)
            for i, row in enumerate(rows):
                for get, rules in compiled:
                    hits = rules.get(get(row))
                    if hits:
                        for key, length, checks in hits:
                            if i + length <= n and (not checks or all(
                                    _passes(spec, rows[i + k], strings) for k, spec in checks)):
                                found.append((key, i, i + length))
        matches = [(key, strings[str(key)], s, e) for key, s, e in found]
        if rest is not None:
            matches += [(int(strings[m_id]), m_id, s, e)
                        for m_id, s, e in rest(doc, allow_missing=True, as_spans=False)]
        matches.sort()
        return matches


def _passes(spec: _Spec, row: list[int], strings) -> bool:
    """Whether a token (its table row) passes the spec's tests."""
    return (all(row[c] == v for c, v in spec.exact)
            and all(row[c] in values for c, values in spec.within)
            and all(row[c] not in values for c, values in spec.outside)
            and all(rx.search(strings[row[c]]) for c, rx in spec.regex))


@Language.factory("indexed_attribute_ruler",
                  default_config={"validate": False,
                                  "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer):
    """The spaCy factory of :class:`IndexedAttributeRuler`."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s attribute ruler ``name`` by an :class:`IndexedAttributeRuler` holding
    the same patterns (a pipeline without it is left as it is)."""
    if name not in nlp.component_names:
        return
    patterns = nlp.get_pipe(name).patterns
    ruler = nlp.replace_pipe(name, "indexed_attribute_ruler")
    ruler.add_patterns(patterns)
