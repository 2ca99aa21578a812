"""Geoparsing alone (recognition and resolution), for evaluation on gold corpora."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.embedded import default_gazetteer
from mapper.model import Article, Mention
from mapper.nlp import sentence_at, split_sentences
from mapper.pipeline import make_extractor
from mapper.resolve import Resolver

# Implied mentions that the corpora score as toponyms: demonyms ("Chilean", which LGL annotates and
# GeoWebNews's modifier types overlap) and "the Chilean capital"; datelines are found again as
# explicit names, ellipses ("the North") are not spans of a name.
SCORED_IMPLIED = frozenset({"DEMONYM", "IMPLIED"})


@dataclass(frozen=True)
class ResolvedSpan:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


class Geoparser:
    """``parse(text)``: find and resolve places; ``resolve(text, spans)``: resolve given spans."""

    def __init__(self, extractor: str = "spacy", gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or default_gazetteer()
        self.extractor = make_extractor(extractor, self.gazetteer)
        self.resolver = Resolver(self.gazetteer)

    def parse(self, text: str) -> list[ResolvedSpan]:
        article = Article(text=text, source="text", stem="text")
        mentions = [m for m in self.extractor.extract(article)
                    if not m.implied or m.label in SCORED_IMPLIED]
        return self._spans(article, mentions)

    def resolve(self, text: str, spans: list[tuple[int, int]]) -> list[ResolvedSpan | None]:
        article = Article(text=text, source="text", stem="text")
        sentences = split_sentences(text)
        mentions = [Mention(text[s:e], s, e, sentence_at(sentences, s).text, "GOLD")
                    for s, e in spans]
        found = {(r.start, r.end): r for r in self._spans(article, mentions)}
        return [found.get((s, e)) for s, e in spans]

    def _spans(self, article: Article, mentions: list[Mention]) -> list[ResolvedSpan]:
        result = self.resolver.resolve(article, mentions)
        out: list[ResolvedSpan] = []
        for place in result.places:
            for m in place.mentions:
                if m.implied and m.label not in SCORED_IMPLIED:
                    continue
                out.append(ResolvedSpan(m.start, m.end, m.text, place.lat, place.lon,
                                        place.entry.geonameid))
        return sorted(out, key=lambda r: r.start)
