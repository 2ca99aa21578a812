"""Joining the journeys of several articles: the same mover recognised across them, the same
stop told in several merged (status after the latest information, every article cited), and
two articles that put the mover in different places at the same time flagged.

Each article's dates are already resolved against its own publication date by the journeys
stage ("on Tuesday" in a Wednesday article is the day before); the story orders the stops by
those dates, and within one day by each article's own order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from mapper.gazetteer.base import normalize
from mapper.model import Analysis, GazetteerEntry, Place
from mapper.stories.model import (
    Citation,
    Contradiction,
    Sighting,
    Story,
    StoryArticle,
    StoryJourney,
    StoryStop,
)

# Words before a name that are no part of it ("Mr. Kim", "President Lula").
TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "president", "prime",
               "minister", "premier", "chancellor", "king", "queen", "prince", "princess",
               "pope", "leader", "general", "gen", "secretary", "foreign", "defence", "defense",
               "senator", "sen", "rep", "governor", "gov", "mayor", "captain", "capt"}
STATUS_RANK = {"planned": 0, "speculated": 1, "reported": 2, "confirmed": 3}
# Stops an article tells as what happened: two of these in different places at one time clash.
TOLD_AS_FACT = ("confirmed", "reported")
# Articles on one mover published further apart than this tell different trips.
STORY_GAP_DAYS = 14
# Places that hold towns: a stop there told beside a town of it is the same stay, less precise.
# (Not admin1: the gazetteer gives some cities as their first-level subdivision.)
AREA_FEATURES = {"country", "region", "continent"}


# ----------------------------------------------------------------------------- inputs


def sightings_of(analysis: Analysis, article: int) -> list[Sighting]:
    """Every stop of every journey of one analysed article."""
    out = []
    for j in analysis.journeys:
        for i, s in enumerate(j.stops):
            out.append(Sighting(article, j.mover, s.place, s.status, s.evidence, s.date, s.mode,
                                s.implied, i))
    return out


def article_of(analysis: Analysis) -> StoryArticle:
    a = analysis.article
    return StoryArticle(a.source, a.title, a.published)


def sightings_from_geojson(gj: dict, article: int) -> list[Sighting]:
    """The stops of an article's GeoJSON (the mapper contract): each place feature lists its
    stops; their order in a journey is read from the journey's legs."""
    chains: dict[str, list[str]] = {}
    inferred: dict[str, list[bool]] = {}  # whether each stop of the chain is inferred
    legs = sorted((f["properties"] for f in gj.get("features", ())
                   if f["properties"].get("kind") == "leg"),
                  key=lambda p: (p["journey"], p["seq"]))
    for p in legs:
        chain = chains.setdefault(p["journey"], [])
        flags = inferred.setdefault(p["journey"], [])
        if not chain:
            chain.append(p["from"])
            flags.append(bool(p.get("from_implied")))
        chain.append(p["to"])
        flags.append(bool(p.get("to_implied")))
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in gj.get("features", ()):
        props = f["properties"]
        if props.get("kind") != "place" or not props.get("stops"):
            continue
        lon, lat = f["geometry"]["coordinates"][:2]
        entry = GazetteerEntry(props.get("gazetteer_key") or props["id"],
                               props.get("gazetteer_name") or props["name"], lat, lon,
                               props.get("feature") or "", props.get("country_code"),
                               geonameid=props.get("geonameid"))
        place = Place(props["id"], props["name"], entry, (), bool(props.get("implied")))
        for s in props["stops"]:
            chain = chains.get(s["journey"], [])
            k = seen.get((s["journey"], place.name), 0)
            seen[(s["journey"], place.name)] = k + 1
            at = [i for i, name in enumerate(chain) if name == place.name]
            index = at[k] if k < len(at) else len(chain) + k
            implied = place.implied or (k < len(at) and inferred[s["journey"]][index])
            out.append(Sighting(article, s["mover"], place, s["status"], s.get("evidence", ""),
                                s.get("date"), s.get("mode") or "unknown", implied, index))
    return out


# ----------------------------------------------------------------------------- movers


def name_words(label: str) -> tuple[str, ...]:
    """A mover's name as plain lower-case words, titles and the vehicle note left out:
    "President Anders Vik (train)" -> ("anders", "vik")."""
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label)
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z][a-z'-]*", plain) if w.rstrip(".") not in TITLE_WORDS]
    return tuple(words)


def same_mover(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names name the same mover: equal, or one a single word that is the
    other's first or last word ("Vik" and "Anders Vik"; "Kim" and "Kim Jong-un")."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, full = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) == 1 and len(full) > 1 and short[0] in (full[0], full[-1])


def is_named(label: str, sentences: Iterable[str]) -> bool:
    """Whether a mover's label is a name ("Anders Vik", "Kim"), not a common noun ("plane",
    "40 migrants"): one of its words is written with a capital inside a sentence that tells
    the mover, or inside the label after its first word."""
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label)
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", label) if w[0].isupper()]
    if any(label.find(w) > 0 for w in words):
        return True
    return any(re.search(rf"[^.!?\s\"“]\s+{re.escape(w)}\b", s) for w in words
               for s in sentences)


def _by_trip(group: list[Sighting], articles: Sequence[StoryArticle]) -> list[list[Sighting]]:
    """One mover's sightings split into trips: articles published within STORY_GAP_DAYS of
    the one before belong to one story (the same person's trips a year apart do not)."""
    days = sorted({articles[s.article].published for s in group} - {None})
    starts, last = [], None
    for d in days:
        if last is None or (d - last).days > STORY_GAP_DAYS:
            starts.append(d)
        last = d
    trips: dict[date | None, list[Sighting]] = {}
    for s in group:
        d = articles[s.article].published
        start = max((x for x in starts if x <= d), default=None) if d else None
        trips.setdefault(start, []).append(s)
    return list(trips.values())


def group_movers(sightings: Sequence[Sighting],
                 articles: Sequence[StoryArticle] = ()) -> list[list[Sighting]]:
    """The sightings of each mover, movers matched across articles by name and split into
    trips by publication date (with ``articles``); a name that could be two movers ("Kim"
    beside "Kim Jong-il" and "Kim Jong-un") joins neither, a common noun ("the plane") none."""
    labels: dict[tuple[int, str], list[Sighting]] = {}
    for s in sightings:
        labels.setdefault((s.article, s.mover), []).append(s)
    groups: list[dict] = []  # {"names": set of word tuples, "articles": set, "labels": [...]}
    # full names first, so that a lone surname finds the person it belongs to
    for (article, label) in sorted(labels, key=lambda k: (-len(name_words(k[1])), k[0])):
        words = name_words(label)
        named = is_named(label, (s.sentence for s in labels[(article, label)]))
        fits = [g for g in groups if named and g["named"] and article not in g["articles"]
                and any(same_mover(words, n) for n in g["names"])]
        if len(fits) == 1:
            group = fits[0]
        else:
            group = {"names": set(), "articles": set(), "labels": [], "named": named}
            groups.append(group)
        group["names"].add(words)
        group["articles"].add(article)
        group["labels"].append((article, label))
    out = [[s for key in sorted(g["labels"]) for s in labels[key]] for g in groups]
    return [trip for g in out for trip in (_by_trip(g, articles) if articles else [g])]


# ----------------------------------------------------------------------------- dates


def date_range(value: str | None) -> tuple[date, date] | None:
    """An ISO date or interval as (first day, last day); None when not a day-precise date."""
    if not value:
        return None
    a, _, b = value.partition("/")
    try:
        start = date.fromisoformat(a)
        end = date.fromisoformat(b) if b else start
    except ValueError:
        return None
    return (start, end) if start <= end else (end, start)


def _iso(r: tuple[date, date] | None) -> str | None:
    if r is None:
        return None
    return r[0].isoformat() if r[0] == r[1] else f"{r[0].isoformat()}/{r[1].isoformat()}"


def _near(a: tuple[date, date], b: tuple[date, date], days: int = 1) -> bool:
    """Whether two date ranges overlap or lie within ``days`` of each other."""
    return a[0] <= b[1] + timedelta(days=days) and b[0] <= a[1] + timedelta(days=days)


# ----------------------------------------------------------------------------- merging


class _Cluster:
    """Sightings of one stop, as the merge gathers them."""

    def __init__(self, first: Sighting) -> None:
        self.items = [first]
        self.range = date_range(first.date)

    def add(self, s: Sighting) -> None:
        self.items.append(s)
        r = date_range(s.date)
        if r is not None:
            self.range = r if self.range is None else (min(self.range[0], r[0]),
                                                       max(self.range[1], r[1]))


def _place_key(place: Place) -> str:
    return place.entry.key or place.id


def same_place(a: Place, b: Place) -> bool:
    """One gazetteer entry, or one name in one country (an article may resolve a city to its
    municipality where another gives the city)."""
    if _place_key(a) == _place_key(b):
        return True
    if a.entry.country_code != b.entry.country_code:
        return False
    names = {normalize(n) for n in (a.name, a.entry.name) if n}
    return bool(names & {normalize(n) for n in (b.name, b.entry.name) if n})


def _effective(sightings: Sequence[Sighting]) -> dict[int, tuple[date, int]]:
    """For each undated sighting (by id), the date of its article's stops around it: the
    previous dated stop's (rank +1, after it), else the next one's (rank -1, before it)."""
    out: dict[int, tuple[date, int]] = {}
    by_article: dict[tuple[int, str], list[Sighting]] = {}
    for s in sightings:
        by_article.setdefault((s.article, s.mover), []).append(s)
    for items in by_article.values():
        items.sort(key=lambda s: s.index)
        for i, s in enumerate(items):
            if date_range(s.date):
                continue
            before = [r for r in (date_range(x.date) for x in items[:i]) if r]
            after = [r for r in (date_range(x.date) for x in items[i + 1:]) if r]
            if before:
                out[id(s)] = (before[-1][1], 1)
            elif after:
                out[id(s)] = (after[0][0], -1)
    return out


def merge_stops(sightings: Sequence[Sighting], articles: Sequence[StoryArticle]) -> list[_Cluster]:
    """The sightings of one mover as stops in time order: same place at the same or the next
    day (or undated) is one stop; a country named beside a town of it folds into the town."""
    first_article = min((s.article for s in sightings),
                        key=lambda a: (articles[a].published or date.max, a), default=0)
    # an implied origin of a later article is where that article starts: told already
    items = [s for s in sightings if not s.implied or s.article == first_article]
    effective = _effective(items)
    clusters: list[_Cluster] = []
    dated = [s for s in items if date_range(s.date)]
    undated = [s for s in items if not date_range(s.date)]
    for s in sorted(dated, key=lambda s: (date_range(s.date),
                                          articles[s.article].published or date.max, s.index)):
        r = date_range(s.date)
        near = [c for c in clusters if same_place(c.items[0].place, s.place)
                and c.range is not None and _near(c.range, r)]
        if near:
            near[-1].add(s)
        else:
            clusters.append(_Cluster(s))
    for s in undated:
        same = [c for c in clusters if same_place(c.items[0].place, s.place)]
        when = effective.get(id(s))
        if same:
            target = min(same, key=lambda c: abs(((c.range[0] if c.range else date.max) -
                                                  (when[0] if when else date.max)).days))
            target.add(s)
        else:
            clusters.append(_Cluster(s))
    clusters = _fold_areas(clusters, effective)
    return sorted(clusters, key=lambda c: _order_key(c, effective, articles))


def _order_key(c: _Cluster, effective: dict[int, tuple[date, int]],
               articles: Sequence[StoryArticle]) -> tuple:
    dated = [s for s in c.items if date_range(s.date)]
    if c.range is not None:
        first = min(dated, key=lambda s: (articles[s.article].published or date.max, s.index))
        return (c.range[0], c.range[1], 0, articles[first.article].published or date.max,
                first.index)
    s = c.items[0]
    when, rank = effective.get(id(s), (articles[s.article].published or date.max, 1))
    return (when, when, rank, articles[s.article].published or date.max, s.index)


def _fold_areas(clusters: list[_Cluster],
                effective: dict[int, tuple[date, int]]) -> list[_Cluster]:
    """A country (or region) stop beside a town stop in it is the same stay told less
    precisely ("by train from Estonia" after Tartu): its citations go to the nearest town in
    time."""
    def when(c: _Cluster) -> date:
        if c.range is not None:
            return c.range[0]
        return effective.get(id(c.items[0]), (date.max, 0))[0]

    out = list(clusters)
    for c in clusters:
        e = c.items[0].place.entry
        if e.feature not in AREA_FEATURES or not e.country_code:
            continue
        towns = [t for t in out if t is not c and t.items[0].place.entry.country_code ==
                 e.country_code and t.items[0].place.entry.feature not in AREA_FEATURES]
        if c.range is not None:
            towns = [t for t in towns if t.range is not None and _near(t.range, c.range)]
        if not towns:
            continue
        target = min(towns, key=lambda t: abs((when(t) - when(c)).days))
        for s in c.items:
            target.items.append(s)
        out.remove(c)
    return out


def _story_stop(c: _Cluster, articles: Sequence[StoryArticle]) -> StoryStop:
    """Status after the latest information: the latest article's, never below a confirmation
    (what happened stays told); citations in article order."""
    def published(s: Sighting) -> tuple:
        return (articles[s.article].published or date.min, s.article)

    latest = max(c.items, key=lambda s: (published(s), STATUS_RANK.get(s.status, 0)))
    status = "confirmed" if any(s.status == "confirmed" for s in c.items) else latest.status
    # the mode of the arrival: the earliest day's best-told sighting (a later departure from
    # the same place by another means is the next leg's mode)
    modes = [s.mode for s in sorted(c.items, key=lambda s: (
        (date_range(s.date) or (date.max,))[0], -STATUS_RANK.get(s.status, 0)))
        if s.mode != "unknown"]
    place = next((s.place for s in c.items if s.place.entry.feature not in AREA_FEATURES),
                 c.items[0].place)
    seen: set[tuple[int, str]] = set()
    citations = []
    for s in sorted(c.items, key=lambda s: (published(s), s.index)):
        if (s.article, s.sentence) in seen:
            continue
        seen.add((s.article, s.sentence))
        a = articles[s.article]
        citations.append(Citation(s.article, a.source, a.published, s.sentence, s.status,
                                  s.date))
    return StoryStop(place, status, tuple(citations), _iso(c.range), modes[0] if modes else
                     "unknown", all(s.implied for s in c.items))


def contradictions(stops: list[StoryStop]) -> list[Contradiction]:
    """Pairs of stops that two articles tell as happening on the same day in different places,
    when neither article also puts the mover at the other's place that day."""
    out = []
    told: dict[tuple[date, int], set[int]] = {}  # (day, article) -> stops told that day
    for i, s in enumerate(stops):
        for c in s.citations:
            r = date_range(c.date)
            if r is None or r[0] != r[1] or c.status not in TOLD_AS_FACT:
                continue
            told.setdefault((r[0], c.article), set()).add(i)
    days = sorted({d for d, _ in told})
    for day in days:
        arts = sorted(a for d, a in told if d == day)
        for x in range(len(arts)):
            for y in range(x + 1, len(arts)):
                a, b = told[(day, arts[x])], told[(day, arts[y])]
                if a & b:
                    continue
                for i in sorted(a):
                    for k in sorted(b):
                        if stops[i].place.entry.feature in AREA_FEATURES or \
                                stops[k].place.entry.feature in AREA_FEATURES:
                            continue
                        ci = next(c for c in stops[i].citations if c.article == arts[x])
                        ck = next(c for c in stops[k].citations if c.article == arts[y])
                        note = (f"{stops[i].place.name} or {stops[k].place.name} on "
                                f"{day.isoformat()}: the articles disagree")
                        out.append(Contradiction(day.isoformat(), (min(i, k), max(i, k)),
                                                 (ci, ck), note))
    return out


def build_story(articles: Sequence[StoryArticle],
                sightings: Iterable[Sighting]) -> Story:
    """The story of ``articles`` from their stops."""
    journeys = []
    for n, group in enumerate(group_movers(list(sightings), articles), start=1):
        stops = [_story_stop(c, articles) for c in merge_stops(group, articles)]
        flags = contradictions(stops)
        disputed = {i for f in flags for i in f.stops}
        stops = [replace(s, disputed=True) if i in disputed else s for i, s in enumerate(stops)]
        labels = []
        for s in group:
            if s.mover not in labels:
                labels.append(s.mover)
        mover = max(labels, key=lambda m: (len(name_words(m)), -labels.index(m)))
        journeys.append(StoryJourney(f"s{n}", mover, tuple(labels), tuple(stops), tuple(flags)))
    return Story(tuple(articles), tuple(journeys))


def story_of(analyses: Sequence[Analysis]) -> Story:
    """The story of several analysed articles."""
    articles = [article_of(a) for a in analyses]
    sightings = [s for i, a in enumerate(analyses) for s in sightings_of(a, i)]
    return replace(build_story(articles, sightings), analyses=tuple(analyses))
