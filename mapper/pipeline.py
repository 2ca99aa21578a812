"""The pipeline: Article -> mentions -> places -> journeys and corridors -> geometries."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import replace
from datetime import date

from mapper.corridors import CorridorExtractor
from mapper.errors import DataFileError, InputError
from mapper.extractors.base import Extractor
from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.embedded import default_gazetteer
from mapper.geometry import draw
from mapper.journeys import JourneyExtractor, JourneyResult
from mapper.model import Analysis, Article
from mapper.nlp import body_start, parse
from mapper.read import article_from_text, read_article
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
    article: Article | str | None = None,
    *,
    text: str | None = None,
    extractor: str = "spacy",
    gazetteer: Gazetteer | None = None,
    online: bool = False,
    published: date | str | None = None,
    doc=None,
) -> Analysis:
    """Analyse an article (an ``Article`` or a path, URL or "-") into places, journeys and
    corridors with their geometries. ``published`` (a date or "YYYY-MM-DD") is the article's
    publication date, which relative dates ("on Sunday", "yesterday") count from; it wins over
    the date read from the page or text. ``doc`` is the article's spaCy parse if already made
    (``mapper batch`` parses many with ``nlp.pipe``; see :func:`mapper.nlp.parse_text`).
    ``text`` is the article itself, as a notebook user has it (text or HTML), instead of
    ``article``."""
    if (article is None) == (text is None):
        raise TypeError("analyze() takes an article (path, URL, '-' or Article) or text=...")
    if text is not None:
        article = article_from_text(text, html=None)
    if isinstance(article, str):
        try:
            article = read_article(article)
        except InputError as exc:
            if " " in article.strip() and str(exc).startswith("file not found"):
                raise InputError(f"{exc} (to analyse a text itself, pass text=...)") from None
            raise
    if published is not None:
        article = replace(article, published=as_date(published))
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


def as_date(value: date | str) -> date:
    """A publication date given by the caller: a date, or text ("2023-02-21", "Feb 21,
    2023")."""
    if isinstance(value, date):
        return value
    from mapper.dates import parse_date

    found = parse_date(str(value)) if re.search(r"\d{4}", str(value)) else None
    if found is None:
        raise InputError(f"not a date: {value!r} (write it as YYYY-MM-DD)")
    return found


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
