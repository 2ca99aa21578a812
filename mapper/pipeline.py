"""The pipeline: Article -> mentions -> places -> journeys and corridors -> geometries."""

from __future__ import annotations

import logging
import os

from mapper.corridors import CorridorExtractor
from mapper.errors import DataFileError
from mapper.extractors.base import Extractor
from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.embedded import default_gazetteer
from mapper.geometry import draw
from mapper.journeys import JourneyExtractor, JourneyResult
from mapper.model import Analysis, Article
from mapper.nlp import body_start, parse
from mapper.read import read_article
from mapper.resolve import Resolver

log = logging.getLogger("mapper")


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
    doc=None,
) -> Analysis:
    """Analyse an article (an ``Article`` or a path, URL or "-") into places, journeys and
    corridors with their geometries. ``doc`` is the article's spaCy parse if already made
    (``mapper batch`` parses many with ``nlp.pipe``; see :func:`mapper.nlp.parse_text`)."""
    if isinstance(article, str):
        article = read_article(article)
    gazetteer = gazetteer or default_gazetteer()
    if doc is None:
        doc = parse(article.text, body_start(article))
    mentions = make_extractor(extractor, gazetteer).extract(article, doc)
    resolution = Resolver(gazetteer).resolve(article, mentions)
    warnings = list(resolution.warnings)
    journeys = _guarded("journeys", warnings, JourneyResult((), ()),
                        JourneyExtractor(gazetteer).extract, article, doc, resolution.places)
    places = resolution.places + journeys.places
    corridors = _guarded("corridors", warnings, (),
                         CorridorExtractor(gazetteer).extract, article, doc, places)
    analysis = Analysis(article, places, journeys.journeys, corridors, tuple(warnings))
    return _guarded("geometry", warnings, analysis, draw, analysis, gazetteer, online=online)


def _guarded(stage: str, warnings: list[str], fallback, func, *args, **kwargs):
    """Run a later stage; if it fails on an unforeseen input, keep what the earlier stages
    found and say so in a warning (``MAPPER_DEBUG=1`` re-raises, as the tests do)."""
    try:
        return func(*args, **kwargs)
    except DataFileError:
        raise  # a missing package data file is an installation error, not an unforeseen input
    except Exception as exc:  # noqa: BLE001 - degrade to the places already found
        if os.environ.get("MAPPER_DEBUG"):
            raise
        log.warning("%s failed (%s: %s); the map shows the places only", stage,
                    type(exc).__name__, exc)
        warnings.append(f"{stage} could not be worked out ({type(exc).__name__})")
        return fallback
