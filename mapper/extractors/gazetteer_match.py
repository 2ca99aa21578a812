"""A model-free extractor: gazetteer matching over capitalised n-grams (fast, no spaCy)."""

from __future__ import annotations

from mapper.extractors.airports import claim_airports
from mapper.extractors.base import (
    DIRECTIONS,
    NOT_PLACES,
    TITLES,
    Extractor,
    Token,
    overlaps,
    street_lists,
    street_mentions,
    tokens,
)
from mapper.extractors.names import fold
from mapper.gazetteer import sources
from mapper.gazetteer.qualifiers import qualifier_after
from mapper.model import Article, Mention
from mapper.nlp import sentence_at, split_sentences

# A match glued to the next capitalised word still counts when it names a place this large.
EMBEDDED_MIN_POPULATION = 100_000


class GazetteerExtractor(Extractor):
    name = "gazetteer"

    def __init__(self, gazetteer, min_population: int = 5000) -> None:
        super().__init__(gazetteer)
        self.min_population = min_population
        self.demonyms = sources.demonyms()

    def extract(self, article: Article, doc=None) -> list[Mention]:
        text = article.text
        sentences = split_sentences(text)
        toks = tokens(text)
        index = {t.start: i for i, t in enumerate(toks)}
        streets = street_lists(text)  # "Adams and Lincoln Avenues": streets, not towns
        found = [span for span in self.gazetteer_matches(
            text, toks, sentences, min_population=self.min_population,
            blocked=[lst.span for lst in streets])
                 if not self._part_of_name(text, span, toks, index)]
        persons = self._person_names(toks) | self._surnames(toks)
        found = [(s, e) for s, e in found if text[s:e] not in persons]
        claimed = dict.fromkeys(found, "GAZ")
        claim_airports(text, self.gazetteer, claimed)
        found = sorted(claimed)
        mentions = [
            Mention(text[s:e], s, e, sentence_at(sentences, s).text, claimed[(s, e)],
                    qualifier=qualifier_after(text, e, self.gazetteer))
            for s, e in found
        ]
        mentions += [m for m in street_mentions(text, sentences, streets)
                     if not overlaps((m.start, m.end), found)]
        taken = [(m.start, m.end) for m in mentions]
        mentions += self.implied_mentions(article, sentences, taken, self.demonyms)
        return sorted(self.named_otherwise(text, mentions), key=lambda m: m.start)

    def _part_of_name(self, text: str, span: tuple[int, int], toks: list[Token],
                      index: dict[int, int]) -> bool:
        """A match glued to a further capitalised word is part of a longer name ("Paris Hilton",
        "Bob Jones"), not a place by itself, unless it is a direction ("North Texas") or the
        match names a large place, which the corpora count even inside an organisation's name
        ("the Texas Department of Health")."""
        i = index.get(span[0])
        if i is None:
            return False
        j = i
        while j < len(toks) and toks[j].end <= span[1]:
            j += 1
        before = toks[i - 1] if i > 0 else None
        after = toks[j] if j < len(toks) else None
        glued_after = after is not None and after.start == toks[j - 1].end + 1 and \
            after.text[:1].isupper() and after.text not in NOT_PLACES and \
            self._strength(text[span[0]:span[1]]) < EMBEDDED_MIN_POPULATION
        glued_before = before is not None and before.end + 1 == span[0] and \
            before.text[:1].isupper() and before.text not in NOT_PLACES and \
            before.text != "The" and before.text.lower() not in DIRECTIONS
        return glued_after or glued_before

    def _strength(self, name: str) -> int:
        if self.names is not None:
            return self.names.strength(fold(name))
        return EMBEDDED_MIN_POPULATION if self.is_strong(name, EMBEDDED_MIN_POPULATION) else 0

    def _surnames(self, toks: list[Token]) -> set[str]:
        """Last words of "Firstname Lastname" pairs (a capitalised word that is not a place
        before it): the same word alone elsewhere in the article names the person too."""
        out = set()
        for a, b in zip(toks, toks[1:]):
            if b.start == a.end + 1 and a.text[:1].isupper() and b.text[:1].isupper() and \
                    a.text not in NOT_PLACES and a.text.lower() not in DIRECTIONS and \
                    a.text != "The" and len(a.text) > 1 and \
                    self._strength(a.text) < EMBEDDED_MIN_POPULATION and \
                    self._strength(a.text + " " + b.text) == 0:
                out.add(b.text)
        return out

    @staticmethod
    def _person_names(toks: list[Token]) -> set[str]:
        """Words that follow a title anywhere in the article ("Mr. Lincoln") name people."""
        return {toks[i + 1].text for i, t in enumerate(toks[:-1])
                if t.text in TITLES and toks[i + 1].text[:1].isupper()}
