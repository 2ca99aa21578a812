"""spaCy NER (GPE, LOC, FAC) with gazetteer rules for what it misses or mislabels."""

from __future__ import annotations

from mapper.extractors.base import (
    DIRECTIONS,
    Extractor,
    overlaps,
    qualifier_after,
    same_text_spans,
    strip_possessive,
    tokens,
)
from mapper.gazetteer import sources
from mapper.gazetteer.base import normalize
from mapper.model import Article, Mention
from mapper.nlp import doc_sentences, parse, sentence_at

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SPATIAL_PREPS = {"to", "for", "in", "at", "from", "toward", "towards", "near", "via", "into",
                 "through", "off"}
# Entities that are not places: a gazetteer match inside one of them is not a mention.
OTHER_LABELS = {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}


class SpacyExtractor(Extractor):
    name = "spacy"

    def __init__(self, gazetteer, min_population: int = 15000) -> None:
        super().__init__(gazetteer)
        self.min_population = min_population
        self.demonyms = sources.demonyms()

    def extract(self, article: Article, doc=None) -> list[Mention]:
        text = article.text
        doc = doc if doc is not None else parse(text)
        sentences = doc_sentences(doc)
        spans: dict[tuple[int, int], str] = {}
        known: set[str] = set()
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            name, s, e = strip_possessive(ent.text, ent.start_char, ent.end_char)
            if not any(ch.isupper() for ch in name) or e <= s or name.lower() in DIRECTIONS:
                continue  # bare "the North" is an ellipsis, resolved from context
            if not self.gazetteer.has_name(normalize(name)):
                if ent.label_ == "FAC":
                    continue
                spans[(s, e)] = ent.label_  # unknown place: kept, reported by the resolver
                continue
            spans[(s, e)] = ent.label_
            if ent.label_ in ("GPE", "LOC"):
                known.add(name)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and len(ent) == 1 and ent.root.dep_ == "pobj" \
                    and ent.root.head.lower_ in SPATIAL_PREPS and ent.root.pos_ == "PROPN" \
                    and self.is_strong(ent.text, 100_000):
                spans[(ent.start_char, ent.end_char)] = "GAZ"  # "sail for Rotterdam"
                known.add(ent.text)
        other = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in OTHER_LABELS
                 and (e.start_char, e.end_char) not in spans]
        # One sense per discourse: a name tagged as a place once is a place everywhere, unless a
        # longer non-place entity contains it ("Washington" in "The Washington Times").
        for s, e in same_text_spans(text, known):
            if (s, e) in spans or overlaps((s, e), spans):
                continue
            if any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe in other):
                continue
            spans[(s, e)] = "GAZ"
        # Gazetteer rules: multiword features and strong names NER missed; a longer match
        # replaces the NER spans it contains ("Korean peninsula", "eastern Siberia").
        blocked = [(s, e) for s, e in other]
        for s, e in self.gazetteer_matches(text, tokens(text), sentences,
                                           min_population=self.min_population, blocked=blocked):
            inner = [k for k in spans if s <= k[0] and k[1] <= e]
            if any(k[0] < e and s < k[1] for k in spans if k not in inner):
                continue
            if inner == [(s, e)]:
                continue
            for k in inner:
                del spans[k]
            spans[(s, e)] = "GAZ"
        mentions = []
        for (s, e), label in sorted(spans.items()):
            mentions.append(Mention(text[s:e], s, e, sentence_at(sentences, s).text, label,
                                    qualifier=qualifier_after(text, e, self.gazetteer)))
        taken = list(spans)
        mentions += self.implied_mentions(article, sentences, taken, self.demonyms)
        return sorted(mentions, key=lambda m: m.start)
