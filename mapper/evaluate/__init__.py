"""Geoparsing evaluation: gold corpora, metrics and a runner (``mapper evaluate``)."""

from mapper.evaluate.corpora import Corpus, CorpusError, GoldDocument, GoldToponym, load_corpus
from mapper.evaluate.runner import Evaluation, GeoparserLike, evaluate

__all__ = [
    "Corpus",
    "CorpusError",
    "Evaluation",
    "GeoparserLike",
    "GoldDocument",
    "GoldToponym",
    "evaluate",
    "load_corpus",
]
