"""The evaluation harness: corpus loaders, offset repairs, metrics, runner and CLI."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from mapper.errors import MapperError
from mapper.evaluate import cli
from mapper.evaluate.corpora import CorpusError, load_corpus, repair_span
from mapper.evaluate.metrics import (
    MAX_ERROR_KM,
    auc,
    error_km,
    match_exact,
    match_overlap,
    prf,
)
from mapper.evaluate.runner import EvaluationError, evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"

# One degree of longitude along the equator on the WGS84 ellipsoid: a * pi / 180.
DEG_KM = 6378137.0 * math.pi / 180 / 1000
LOG_MAX = math.log1p(MAX_ERROR_KM)

# The tiny corpus, the same in every schema. Gamma has no coordinates (recognition only).
TEXT1 = "Alpha met Beta in Gamma."
TEXT2 = "Delta and Epsilon."
GOLD = {
    TEXT1: [
        ("Alpha", 0, 5, 0.0, 0.0, 1),
        ("Beta", 10, 14, 0.0, 10.0, 2),
        ("Gamma", 18, 23, None, None, None),
    ],
    TEXT2: [("Delta", 0, 5, 0.0, 20.0, 3), ("Epsilon", 10, 17, 0.0, 30.0, 4)],
}


def lgl_xml(shift: int = 0, docs: dict = GOLD) -> str:
    """LGL/TR-News schema; ``shift`` moves every offset further into the text."""
    arts = []
    for n, (text, tops) in enumerate(docs.items()):
        items = []
        for phrase, s, e, lat, lon, gid in tops:
            gaz = (
                f'<gaztag geonameid="{gid}"><name>{phrase}</name><lat>{lat}</lat>'
                f"<lon>{lon}</lon></gaztag>"
                if lat is not None
                else ""
            )
            items.append(
                f"<toponym><start>{s + shift}</start><end>{e + shift}</end>"
                f"<phrase>{phrase}</phrase>{gaz}</toponym>"
            )
        arts.append(
            f'<article docid="d{n + 1}"><title>t</title><text><![CDATA[{text}]]></text>'
            f"<toponyms>{''.join(items)}</toponyms></article>"
        )
    return f'<?xml version="1.0" encoding="utf-8"?><articles>{"".join(arts)}</articles>'


def geovirus_xml() -> str:
    """GeoVirus schema, with its offsets one character too high as in the real corpus."""
    arts = []
    for n, (text, tops) in enumerate(GOLD.items()):
        items = []
        for phrase, s, e, lat, lon, _ in tops:
            coords = f"<lat>{lat}</lat><lon>{lon}</lon>" if lat is not None else ""
            items.append(
                f"<location><name>{phrase}</name><start>{s + 1}</start><end>{e + 1}</end>"
                f"{coords}<page>p</page></location>"
            )
        arts.append(
            f"<article><source>https://example.org/{n + 1}</source><text>{text}</text>"
            f"<locations>{''.join(items)}</locations></article>"
        )
    return f"<articles>{''.join(arts)}</articles>"


def _gwn_toponym(name: str, kind: str, s: int, e: int, lat=None, lon=None, gid=None) -> str:
    coords = f"<latitude>{lat}</latitude><longitude>{lon}</longitude>" if lat is not None else ""
    gid_xml = f"<geonamesID>{gid}</geonamesID>" if gid is not None else "<geonamesID />"
    return (
        f"<toponym><extractedName>{name}</extractedName><type>{kind}</type>"
        f"<start>{s}</start><end>{e}</end>{gid_xml}{coords}</toponym>"
    )


def gwn_xml() -> str:
    """GeoWebNews schema, with types not to score and a negative offset to drop."""
    arts = []
    kinds = ["Literal", "Metonymic", "Coercion", "Literal_Modifier", "Embedded_Literal"]
    for n, (text, tops) in enumerate(GOLD.items()):
        items = [
            _gwn_toponym(phrase, kinds.pop(0), s, e, lat, lon, gid)
            for phrase, s, e, lat, lon, gid in tops
        ]
        if n == 0:
            items.append(_gwn_toponym("met", "Literal_Expression", 6, 9))
            items.append(_gwn_toponym("Beta in", "Non_Toponym", 10, 17))
            items.append(_gwn_toponym("Alpha", "Literal", -40, -35, 0.0, 0.0, 1))
        else:
            items.append(_gwn_toponym("Delta", "Demonym", 0, 5))
        arts.append(
            f'<article file="{n}"><title>t</title><text>{text}</text>'
            f"<toponyms>{''.join(items)}</toponyms></article>"
        )
    return f"<?xml version='1.0' ?><articles>{''.join(arts)}</articles>"


SCHEMAS = {"lgl": lgl_xml, "geovirus": geovirus_xml, "gwn": gwn_xml}


@dataclass
class Out:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


class FakeGeoparser:
    """Answers chosen per document text."""

    def __init__(self, parsed: dict, resolved: dict) -> None:
        self.parsed, self.resolved = parsed, resolved
        self.calls: list[tuple[str, list]] = []

    def parse(self, text: str) -> list[Out]:
        return self.parsed[text]

    def resolve(self, text: str, spans: list[tuple[int, int]]) -> list[Out | None]:
        self.calls.append((text, spans))
        return self.resolved[text]


def _out(text: str, s: int, e: int, lat=None, lon=None, gid=None) -> Out:
    return Out(s, e, text[s:e], lat, lon, gid)


FAKE = FakeGeoparser(
    parsed={
        TEXT1: [
            _out(TEXT1, 0, 5, 0.0, 0.0, 1),  # Alpha, exact, right
            _out(TEXT1, 10, 17, 0.0, 10.0, 2),  # "Beta in": overlaps Beta, right
            _out(TEXT1, 6, 9, 5.0, 5.0),  # "met": false positive
        ],  # Gamma missed
        TEXT2: [
            _out(TEXT2, 0, 5, 0.0, 23.0, 3),  # Delta, exact, 3 degrees off
            _out(TEXT2, 10, 12),  # "Ep": overlaps Epsilon by 2, loses to the next
            _out(TEXT2, 13, 17, 0.0, 30.0, 4),  # "ilon": overlaps Epsilon by 4, right
        ],
    },
    resolved={
        TEXT1: [
            _out(TEXT1, 0, 5, 0.0, 0.0, 1),  # 0 km
            _out(TEXT1, 10, 14, 0.0, 11.0, 99),  # 1 degree, wrong id
            _out(TEXT1, 18, 23, 1.0, 1.0),  # Gamma: no gold coordinates, not scored
        ],
        TEXT2: [None, _out(TEXT2, 10, 17, 0.0, 32.0, 4)],  # unresolved; 2 degrees
    },
)


@pytest.fixture(params=sorted(SCHEMAS))
def corpus_file(request, tmp_path: Path) -> Path:
    path = tmp_path / f"{request.param}.xml"
    path.write_text(SCHEMAS[request.param](), encoding="utf-8")
    return path


def test_loaders_read_every_schema_alike(corpus_file: Path) -> None:
    corpus = load_corpus(corpus_file)
    assert corpus.schema == corpus_file.stem
    assert [d.text for d in corpus.documents] == [TEXT1, TEXT2]
    for doc, (_, tops) in zip(corpus.documents, GOLD.items()):
        got = [(t.phrase, t.start, t.end, t.lat, t.lon) for t in doc.toponyms]
        assert got == [top[:5] for top in tops]
        for t in doc.toponyms:
            assert doc.text[t.start : t.end] == t.phrase
    ids = [t.geonameid for d in corpus.documents for t in d.toponyms]
    assert ids == ([None] * 5 if corpus.schema == "geovirus" else [1, 2, None, 3, 4])
    assert corpus.n_gold == 5
    # GWN: the negative-offset span is dropped; GeoVirus' shift is not a repair.
    assert corpus.dropped == (1 if corpus.schema == "gwn" else 0)
    assert corpus.repaired == 0


def test_resolve_mode_figures(corpus_file: Path) -> None:
    docs = load_corpus(corpus_file).documents
    ev = evaluate(FAKE, docs, "resolve")
    fig = ev.figures()
    errors = [0.0, DEG_KM, MAX_ERROR_KM, 2 * DEG_KM]
    assert ev.errors == pytest.approx(errors, rel=1e-9)
    assert fig["n_docs"] == 2
    assert fig["n_gold"] == 5
    assert fig["n_gold_coords"] == 4
    assert fig["n_scored"] == 4
    assert fig["n_unresolved"] == 1  # Delta
    assert fig["acc161"] == 0.5
    assert fig["mean_km"] == pytest.approx((3 * DEG_KM + MAX_ERROR_KM) / 4, rel=1e-9)
    assert fig["median_km"] == pytest.approx(1.5 * DEG_KM, rel=1e-9)
    l1, l2 = math.log1p(DEG_KM), math.log1p(2 * DEG_KM)
    assert fig["auc"] == pytest.approx((l1 + l2 + LOG_MAX / 2) / (3 * LOG_MAX), rel=1e-9)
    if corpus_file.stem == "geovirus":
        assert fig["geonameid_acc"] is None
    else:
        assert fig["geonameid_acc"] == 0.5  # Alpha and Epsilon
    for key in ("precision", "recall", "f1", "exact_f1", "overlap_f1"):
        assert fig[key] is None  # recognition is not scored on gold spans
    assert fig["docs_per_s"] > 0 and fig["peak_rss_mb"] > 0
    # The resolver was given every gold span, Gamma's included.
    assert FAKE.calls[-2:] == [(TEXT1, [(0, 5), (10, 14), (18, 23)]), (TEXT2, [(0, 5), (10, 17)])]


def test_end_to_end_figures(corpus_file: Path) -> None:
    fig = evaluate(FAKE, load_corpus(corpus_file).documents, "end-to-end").figures()
    assert (fig["n_docs"], fig["n_gold"], fig["n_pred"]) == (2, 5, 6)
    # Exact: Alpha and Delta. Overlap: Alpha, Beta, Delta, Epsilon.
    assert fig["exact_precision"] == pytest.approx(2 / 6)
    assert fig["exact_recall"] == pytest.approx(2 / 5)
    assert fig["exact_f1"] == pytest.approx(4 / 11)
    assert fig["precision"] == fig["overlap_precision"] == pytest.approx(4 / 6)
    assert fig["recall"] == fig["overlap_recall"] == pytest.approx(4 / 5)
    assert fig["f1"] == fig["overlap_f1"] == pytest.approx(8 / 11)
    # Resolution over recognised gold with coordinates: Alpha 0, Beta 0, Delta 3 deg, Epsilon 0.
    assert fig["n_scored"] == 4
    assert fig["n_unresolved"] == 0
    assert fig["acc161"] == 0.75
    assert fig["acc161_all_gold"] == 0.75
    assert fig["mean_km"] == pytest.approx(3 * DEG_KM / 4, rel=1e-9)
    assert fig["median_km"] == 0.0
    assert fig["auc"] == pytest.approx(math.log1p(3 * DEG_KM) / 2 / (3 * LOG_MAX), rel=1e-9)


def test_runner_rejects_a_resolver_that_drops_spans(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(lgl_xml(), encoding="utf-8")
    bad = FakeGeoparser({}, {TEXT1: [None], TEXT2: [None, None]})
    with pytest.raises(EvaluationError, match="1 answers for 3 spans"):
        evaluate(bad, load_corpus(path).documents, "resolve")


# --- offset repairs -------------------------------------------------------------------------


def test_drifted_offsets_are_moved_to_the_nearest_occurrence(tmp_path: Path) -> None:
    text = "Rome and Milan. " + "x" * 30 + " Milan, then Rome and Turin."
    docs = {
        text: [
            ("Milan", 9 + 4, 14 + 4, 45.46, 9.19, 3173435),  # drifted by 4: back to 9
            ("Milan", 47 + 3, 52 + 3, 45.46, 9.19, 3173435),  # drifted by 3: back to 47
            ("Rome", 59, 63, 41.89, 12.48, 3169070),  # exact
            ("Naples", 20, 26, 40.85, 14.27, 3172394),  # absent: dropped
        ]
    }
    path = tmp_path / "tr.xml"
    path.write_text(lgl_xml(docs=docs), encoding="utf-8")
    corpus = load_corpus(path)
    spans = [(t.phrase, t.start, t.end) for t in corpus.documents[0].toponyms]
    assert spans == [("Milan", 9, 14), ("Milan", 47, 52), ("Rome", 59, 63)]
    assert (corpus.repaired, corpus.dropped) == (2, 1)


def test_repair_span_rules() -> None:
    text = "ab Paris cd Paris ef"
    assert repair_span(text, 3, 8, "Paris") == (3, 8)  # right as given
    assert repair_span(text, 4, 9, "Paris") == (3, 8)  # nearest
    assert repair_span("ab Paris c Paris", 7, 12, "Paris") == (3, 8)  # tie: the earlier
    assert repair_span(text, 10, 15, "Paris") == (12, 17)
    assert repair_span(text, -5, 0, "Paris") is None  # negative offsets
    assert repair_span("Paris" + " " * 500, 400, 405, "Paris") is None  # beyond the window
    assert repair_span(text, 3, 8, "") is None


# --- metrics ----------------------------------------------------------------------------------


def test_matching_is_one_to_one() -> None:
    gold = [(0, 5), (6, 10)]
    assert match_overlap(gold, [(0, 10)]) == [(0, 0)]  # one pred covering two gold: one match
    assert match_overlap(gold, [(3, 5), (0, 4)]) == [(0, 1)]  # the longer overlap wins
    assert match_overlap(gold, [(5, 6)]) == []  # touching is not overlapping
    assert match_exact(gold, [(0, 5), (0, 5), (6, 10)]) == [(0, 0), (1, 2)]
    counts = prf(gold, [(0, 5), (0, 5)], exact=True)
    assert (counts.precision, counts.recall, counts.f1) == (0.5, 0.5, 0.5)
    none = prf([], [])
    assert (none.precision, none.recall, none.f1) == (0.0, 0.0, 0.0)


def test_auc_and_errors() -> None:
    assert auc([]) is None
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 3) == pytest.approx(1.0)
    assert auc([161.0]) == pytest.approx(math.log(162) / LOG_MAX)
    # Order does not matter: errors are sorted first.
    assert auc([5000.0, 0.0, 10.0]) == auc([0.0, 10.0, 5000.0])
    assert error_km((0.0, 0.0), None) == MAX_ERROR_KM
    assert error_km((0.0, 0.0), (None, 3.0)) == MAX_ERROR_KM
    assert error_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(DEG_KM, rel=1e-9)


# --- CLI --------------------------------------------------------------------------------------


def test_cli_json(monkeypatch, tmp_path: Path, capsys) -> None:
    path = tmp_path / "c.xml"
    path.write_text(lgl_xml(), encoding="utf-8")
    monkeypatch.setattr(cli, "_load_geoparser", lambda extractor: FAKE)
    details = tmp_path / "details.jsonl"
    args = [str(path), "--mode", "end-to-end", "--json", "--details", str(details)]
    assert cli.main(args) == 0
    fig = json.loads(capsys.readouterr().out)
    for key in ("precision", "recall", "f1", "acc161", "mean_km", "median_km", "auc"):
        assert key in fig
    assert (fig["n_docs"], fig["n_gold"], fig["f1"]) == (2, 5, pytest.approx(8 / 11))
    rows = [json.loads(line) for line in details.read_text().splitlines()]
    assert [r["phrase"] for r in rows] == ["Alpha", "Beta", "Delta", "Epsilon"]
    assert cli.main([str(path), "--limit", "1"]) == 0
    text = capsys.readouterr().out
    assert "documents" in text and "accuracy within 161 km" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "corpus file not found"),
        ("<articles><article>", "not well-formed XML"),
        ("<html><body/></html>", "no <article> elements"),
    ],
)
def test_cli_bad_input_is_one_line(tmp_path: Path, capsys, content, message) -> None:
    path = tmp_path / "c.xml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert cli.main([str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_geoparser_failure_is_one_line(monkeypatch, tmp_path: Path, capsys) -> None:
    path = tmp_path / "c.xml"
    path.write_text(lgl_xml(), encoding="utf-8")

    def broken(extractor: str):
        raise MapperError("gazetteer index missing")

    monkeypatch.setattr(cli, "_load_geoparser", broken)
    assert cli.main([str(path), "--extractor", "gazetteer"]) == 2
    assert capsys.readouterr().err == "mapper evaluate: error: gazetteer index missing\n"


def test_corpus_error_on_negative_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(lgl_xml(), encoding="utf-8")
    with pytest.raises(CorpusError):
        load_corpus(path, limit=-1)


# --- the real corpora -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "schema"),
    [("lgl", "lgl"), ("TR-News", "lgl"), ("GeoVirus", "geovirus"), ("GWN", "gwn")],
)
def test_real_corpora_offsets_match_after_repair(name: str, schema: str) -> None:
    path = SHARED / f"{name}.xml"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    corpus = load_corpus(path, limit=3)
    assert corpus.schema == schema and len(corpus.documents) == 3
    assert corpus.n_gold > 0
    for doc in corpus.documents:
        for t in doc.toponyms:
            assert doc.text[t.start : t.end] == t.phrase


def test_real_corpora_known_faults_are_all_repaired() -> None:
    """The README's counts: 117 drifted TR-News offsets; GWN's 2,599 scored spans."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    tr = load_corpus(SHARED / "TR-News.xml")
    assert (tr.repaired, tr.dropped, tr.n_gold) == (117, 0, 1319)
    gwn = load_corpus(SHARED / "GWN.xml")
    coords = sum(t.has_coordinates for d in gwn.documents for t in d.toponyms)
    assert (gwn.dropped, coords) == (2, 2599)
    for corpus in (tr, gwn):
        for doc in corpus.documents:
            assert all(doc.text[t.start : t.end] == t.phrase for t in doc.toponyms)


# --- smoke evaluation: the real geoparser on the first documents of each corpus ---------------

SMOKE_DOCS = 8
# Floors about 0.1 under what the first 8 documents score (resolve acc161 with the gazetteer
# extractor's resolver; end-to-end overlap F1 with spaCy): a broken stage falls far below them.
# The full figures are a benchmark (benchmarks/geoparse_table.py), not a test.
SMOKE_FLOORS = {
    "lgl": (0.75, 0.75),  # measured 0.846 / 0.862
    "TR-News": (0.85, 0.83),  # 0.965 / 0.934
    "GeoVirus": (0.73, 0.61),  # 0.830 / 0.713
    "GWN": (0.56, 0.69),  # 0.660 / 0.791
}


@pytest.fixture(scope="module")
def real_geoparsers(gazetteer):
    from mapper.geoparse import Geoparser

    return Geoparser("gazetteer", gazetteer=gazetteer), Geoparser("spacy", gazetteer=gazetteer)


@pytest.mark.parametrize("name", list(SMOKE_FLOORS))
def test_smoke_evaluation_on_each_corpus(name: str, real_geoparsers) -> None:
    path = SHARED / f"{name}.xml"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    docs = load_corpus(path, limit=SMOKE_DOCS).documents
    resolve_floor, f1_floor = SMOKE_FLOORS[name]
    gazetteer_parser, spacy_parser = real_geoparsers
    fig = evaluate(gazetteer_parser, docs, "resolve").figures()
    assert fig["n_docs"] == SMOKE_DOCS and fig["acc161"] >= resolve_floor
    fig = evaluate(spacy_parser, docs, "end-to-end").figures()
    assert fig["f1"] >= f1_floor and fig["acc161"] >= resolve_floor
    for key in ("precision", "recall", "f1", "acc161", "mean_km", "median_km", "auc",
                "docs_per_s", "peak_rss_mb"):
        assert math.isfinite(fig[key]), key
