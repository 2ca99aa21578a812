"""A model-free extractor: gazetteer matching over capitalised n-grams (fast, no spaCy)."""

from __future__ import annotations

from mapper.extractors.base import NOT_PLACES, TITLES, Extractor, Token, qualifier_after, tokens
from mapper.gazetteer import sources
from mapper.model import Article, Mention
from mapper.nlp import sentence_at, split_sentences


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
        found = [span for span in self.gazetteer_matches(text, toks, sentences,
                                                         min_population=self.min_population)
                 if not self._part_of_name(span, toks, index)]
        persons = self._person_names(toks)
        found = [(s, e) for s, e in found if text[s:e] not in persons]
        mentions = [
            Mention(text[s:e], s, e, sentence_at(sentences, s).text, "GAZ",
                    qualifier=qualifier_after(text, e, self.gazetteer))
            for s, e in found
        ]
        mentions += self.implied_mentions(article, sentences, list(found), self.demonyms)
        return sorted(mentions, key=lambda m: m.start)

    @staticmethod
    def _part_of_name(span: tuple[int, int], toks: list[Token], index: dict[int, int]) -> bool:
        """A match glued to a further capitalised word is part of a longer name
        ("Kim Jong-il", "The Washington Times"), not a place by itself."""
        i = index.get(span[0])
        if i is None:
            return False
        j = i
        while j < len(toks) and toks[j].end <= span[1]:
            j += 1
        before = toks[i - 1] if i > 0 else None
        after = toks[j] if j < len(toks) else None
        glued_after = after is not None and after.start == toks[j - 1].end + 1 and \
            after.text[:1].isupper() and after.text not in NOT_PLACES
        glued_before = before is not None and before.end + 1 == span[0] and \
            before.text[:1].isupper() and before.text not in NOT_PLACES and before.text != "The"
        return glued_after or glued_before

    @staticmethod
    def _person_names(toks: list[Token]) -> set[str]:
        """Words that follow a title anywhere in the article ("Mr. Kim") name people."""
        return {toks[i + 1].text for i, t in enumerate(toks[:-1])
                if t.text in TITLES and toks[i + 1].text[:1].isupper()}
