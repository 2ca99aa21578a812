"""spaCy's rule lemmatizer with its word index as a set and a table of its answers.

The English model's ``lemmatizer`` (rule mode) costs about a tenth of the parse. For a word it
has not seen, each form its suffix rules make is looked up in the model's word index, which
is a list (57,000 nouns: a scan per lookup); for every token it builds a cache key from the
form, part of speech and morphology (a new ``MorphAnalysis`` object each time) and sets
``token.lemma_`` through the string store. :class:`LemmaTable` reads those three values for a
whole Doc at once (``Doc.to_array``), answers a key it has seen from its table, works a new one
out by the stock rules with the word index as a set (the model's own component's
``is_base_form`` decides what is already a base form), and writes the lemmas back in one
``Doc.from_array``. The lemma of a token is a function of that key in the stock component too
(its own cache is keyed by it), so the lemmas are the stock ones (``tests/test_lemma_table.py``
compares them token by token). Written here: spaCy has no array-wise lemmatizer.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc


class LemmaTable:
    """A pipeline component that lemmatizes as ``lemmatizer`` (the model's own component, in
    rule mode) does: each (form, part of speech, morphology) worked out once by its rules."""

    def __init__(self, lemmatizer=None) -> None:
        self.lemmatizer = lemmatizer
        self.table: dict[tuple[int, int, int], int] = {}
        self.rules: dict[str, tuple | None] = {}  # part of speech -> (index, exceptions, rules)

    @property
    def lookups(self):
        """The lookup tables of the model's lemmatizer (its word index, rules, exceptions)."""
        return self.lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        overwrite = self.lemmatizer.overwrite
        strings, table = doc.vocab.strings, self.table
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue  # set before (the attribute ruler's exceptions): kept, as spaCy does
            key = (orth, pos, morph)
            value = table.get(key)
            if value is None:
                value = table[key] = strings.add(self.lemma(doc[i]))
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)  # uint64, as to_array gave it
        return doc

    def lemma(self, token) -> str:
        """The stock rule lemmatizer's first lemma of ``token`` (its ``rule_lemmatize``, the
        word index looked up as a set)."""
        string = token.text
        pos = token.pos_.lower()
        if pos in ("", "eol", "space"):
            return self.lemmatizer.rule_lemmatize(token)[0]  # with spaCy's warning on ""
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        if pos not in self.rules:
            self.rules[pos] = self._pos_rules(pos)
        if self.rules[pos] is None:
            return string if pos == "propn" else string.lower()
        index, exceptions, rules = self.rules[pos]
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    def _pos_rules(self, pos: str) -> tuple | None:
        """The word index (as a set), exceptions and suffix rules of a part of speech; None
        when the model has none of them for it."""
        lookups = self.lemmatizer.lookups
        index, exceptions, rules = (lookups.get_table(name, {}).get(pos) for name in
                                    ("lemma_index", "lemma_exc", "lemma_rules"))
        if not any((index, exceptions, rules)):
            return None
        return frozenset(index or ()), exceptions or {}, rules or []


@Language.factory("lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    """The spaCy factory of :class:`LemmaTable` (its lemmatizer is set by
    :func:`table_lemmatizer`)."""
    return LemmaTable()


def table_lemmatizer(nlp: Language, name: str = "lemmatizer") -> None:
    """Put a :class:`LemmaTable` over ``nlp``'s lemmatizer ``name``, in its place (a pipeline
    without one, or whose lemmatizer is not in rule mode, is left as it is)."""
    if name not in nlp.component_names:
        return
    lemmatizer = nlp.get_pipe(name)
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    lemmatizer(Doc(nlp.vocab, words=[]))  # checks its tables once, as its first call does
    table = nlp.replace_pipe(name, "lemma_table")
    table.lemmatizer = lemmatizer
