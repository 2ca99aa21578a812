"""The pipeline: Article -> mentions -> places -> journeys and corridors -> geometries."""

from __future__ import annotations

from mapper.corridors import CorridorExtractor
from mapper.extractors.base import Extractor
from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.embedded import default_gazetteer
from mapper.geometry import draw
from mapper.journeys import JourneyExtractor
from mapper.model import Analysis, Article
from mapper.nlp import body_start, parse
from mapper.read import read_article
from mapper.resolve import Resolver


def make_extractor(name: str, gazetteer: Gazetteer) -> Extractor:
    if name == "spacy":
        from mapper.extractors.spacy_ner import SpacyExtractor

        return SpacyExtractor(gazetteer)
    if name == "gazetteer":
        from mapper.extractors.gazetteer_match import GazetteerExtractor

        return GazetteerExtractor(gazetteer)
    raise ValueError(f"unknown extractor {name!r} (spacy or gazetteer)")


def analyze(
    article: Article | str,
    *,
    extractor: str = "spacy",
    gazetteer: Gazetteer | None = None,
    online: bool = False,
) -> Analysis:
    """Analyse an article (an ``Article`` or a path, URL or "-") into places, journeys and
    corridors with their geometries."""
    if isinstance(article, str):
        article = read_article(article)
    gazetteer = gazetteer or default_gazetteer()
    doc = parse(article.text, body_start(article))
    mentions = make_extractor(extractor, gazetteer).extract(article, doc)
    resolution = Resolver(gazetteer).resolve(article, mentions)
    journeys = JourneyExtractor(gazetteer).extract(article, doc, resolution.places)
    places = resolution.places + journeys.places
    corridors = CorridorExtractor(gazetteer).extract(article, doc, places)
    analysis = Analysis(article, places, journeys.journeys, corridors, resolution.warnings)
    return draw(analysis, gazetteer, online=online)
