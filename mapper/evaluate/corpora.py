"""Loaders for the standard geoparsing corpora (LGL, TR-News, GeoVirus, GeoWebNews).

Three XML schemas are read (see Gritta et al. 2019, "A Pragmatic Guide to Geoparsing
Evaluation"):

* ``lgl``: ``<article docid><text>`` + ``<toponym><start><end><phrase><gaztag geonameid>
  <lat><lon>`` (LGL and TR-News);
* ``geovirus``: ``<article><source><text>`` + ``<location><name><start><end><lat><lon>``;
* ``gwn``: ``<article file><text>`` + ``<toponym><extractedName><type><start><end>
  <latitude><longitude><geonamesID>``.

Offsets are checked against the text and repaired (:func:`repair_span`): GeoVirus offsets are one
character too high, some TR-News offsets drift, and a few GWN offsets are negative. Spans that
cannot be found are dropped and counted.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from mapper.errors import MapperError

# GeoWebNews types that are toponyms to score; the others (Demonym, Homonym, Language,
# Non_Toponym, Literal_Expression, Non_Lit_Expression) are annotated but are not toponyms.
GWN_SCORED_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Metonymic",
        "Non_Literal_Modifier",
    }
)

REPAIR_WINDOW = 200  # characters either side of a faulty offset searched for the gold phrase


class CorpusError(MapperError, ValueError):
    """A corpus file that cannot be read; the message is one line, fit for the user."""


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class Corpus:
    """A loaded corpus and what the loader had to repair."""

    name: str
    schema: str  # "lgl", "geovirus" or "gwn"
    documents: list[GoldDocument]
    repaired: int = 0  # spans moved to the nearest occurrence of their phrase
    dropped: int = 0  # spans whose phrase could not be found near their offsets
    notes: list[str] = field(default_factory=list)

    @property
    def n_gold(self) -> int:
        return sum(len(d.toponyms) for d in self.documents)


def repair_span(
    text: str, start: int, end: int, phrase: str, window: int = REPAIR_WINDOW
) -> tuple[int, int] | None:
    """The (start, end) of ``phrase`` in ``text``: as given if right, else its nearest occurrence.

    The nearest occurrence within ``window`` characters of ``start`` wins (the earlier one on a
    tie). Negative offsets, an empty phrase or no occurrence in the window give None.
    """
    if not phrase or start < 0 or end < start:
        return None
    if text[start:end] == phrase:
        return start, end
    lo = max(0, start - window)
    hi = min(len(text), start + window + len(phrase))
    best: int | None = None
    pos = text.find(phrase, lo, hi)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(phrase, pos + 1, hi)
    return None if best is None else (best, best + len(phrase))


def detect_schema(root: ET.Element) -> str:
    """Which of the three schemas an ``<articles>`` root uses."""
    article = root.find("article")
    if article is None:
        raise CorpusError("no <article> elements: not a geoparsing corpus")
    if root.find("article/locations") is not None or root.find(".//location/name") is not None:
        return "geovirus"
    if root.find(".//toponym/extractedName") is not None:
        return "gwn"
    if root.find(".//toponym/phrase") is not None or root.find("article/toponyms") is not None:
        return "lgl"
    raise CorpusError("unknown corpus schema: expected LGL, GeoVirus or GeoWebNews XML")


def load_corpus(path: str | Path, limit: int | None = None) -> Corpus:
    """Read a corpus file, repairing offsets; ``limit`` keeps the first N documents."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"corpus file not found: {path}")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise CorpusError(f"{path.name} is not well-formed XML: {exc}") from None
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}") from None
    if limit is not None and limit < 0:
        raise CorpusError("--limit must be zero or more")
    schema = detect_schema(root)
    corpus = Corpus(name=path.stem, schema=schema, documents=[])
    articles = root.findall("article")
    if limit is not None:
        articles = articles[:limit]
    reader = {"lgl": _lgl_article, "geovirus": _geovirus_article, "gwn": _gwn_article}[schema]
    for index, article in enumerate(articles):
        corpus.documents.append(reader(article, index, corpus))
    return corpus


def load_documents(path: str | Path, limit: int | None = None) -> list[GoldDocument]:
    """The documents of a corpus file (see :func:`load_corpus`)."""
    return load_corpus(path, limit).documents


# --- per-schema readers -------------------------------------------------------------------


def _text(article: ET.Element) -> str:
    return article.findtext("text") or ""


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float((value or "").strip())
    except ValueError:
        return None


def _add(
    corpus: Corpus,
    out: list[GoldToponym],
    text: str,
    start: int | None,
    end: int | None,
    phrase: str,
    lat: float | None,
    lon: float | None,
    geonameid: int | None,
) -> None:
    """Repair one span and append it, or count it as dropped."""
    span = None if start is None or end is None else repair_span(text, start, end, phrase)
    if span is None:
        corpus.dropped += 1
        return
    if span != (start, end):
        corpus.repaired += 1
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    out.append(GoldToponym(span[0], span[1], phrase, lat, lon, geonameid))


def _document(doc_id: str, text: str, toponyms: list[GoldToponym]) -> GoldDocument:
    unique = sorted(set(toponyms), key=lambda t: (t.start, t.end))
    return GoldDocument(doc_id, text, tuple(unique))


def _lgl_article(article: ET.Element, index: int, corpus: Corpus) -> GoldDocument:
    text = _text(article)
    out: list[GoldToponym] = []
    for top in article.iter("toponym"):
        gaz = top.find("gaztag")
        lat = lon = None
        gid = None
        if gaz is not None:
            lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
            gid = _int(gaz.get("geonameid"))
        phrase = top.findtext("phrase") or ""
        start, end = _int(top.findtext("start")), _int(top.findtext("end"))
        _add(corpus, out, text, start, end, phrase, lat, lon, gid)
    return _document(article.get("docid") or str(index), text, out)


def _geovirus_article(article: ET.Element, index: int, corpus: Corpus) -> GoldDocument:
    text = _text(article)
    out: list[GoldToponym] = []
    for loc in article.iter("location"):
        phrase = loc.findtext("name") or ""
        start, end = _int(loc.findtext("start")), _int(loc.findtext("end"))
        # Every GeoVirus offset is one character too high.
        if start is not None and end is not None:
            start, end = start - 1, end - 1
        lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
        _add(corpus, out, text, start, end, phrase, lat, lon, None)
    return _document((article.findtext("source") or "").strip() or str(index), text, out)


def _gwn_article(article: ET.Element, index: int, corpus: Corpus) -> GoldDocument:
    text = _text(article)
    out: list[GoldToponym] = []
    for top in article.iter("toponym"):
        if (top.findtext("type") or "").strip() not in GWN_SCORED_TYPES:
            continue
        phrase = top.findtext("extractedName") or ""
        start, end = _int(top.findtext("start")), _int(top.findtext("end"))
        lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
        gid = _int(top.findtext("geonamesID"))
        _add(corpus, out, text, start, end, phrase, lat, lon, gid)
    return _document(article.get("file") or str(index), text, out)
