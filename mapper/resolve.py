"""Resolution: each mention to one gazetteer entry, ranked with the whole document as context.

Evidence, in order of weight: a qualifier ("Alexandria, La."), the countries the story names
(explicitly, by demonym or in the dateline), spatial coherence with the places that are not
ambiguous, the kind of feature and its population. Implied mentions (demonyms, "the North",
"the X capital") are linked to the country or capital they stand for.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from mapper.anchors import Anchors, AnchorView, CountryWeights
from mapper.gazetteer import local, sources
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.gazetteer.qualifiers import qualifier_after
from mapper.gazetteer.spelling import possessive_name, respelled_candidates
from mapper.geodesy import distance_km
from mapper.group_ranking import Ranked, rank_groups
from mapper.model import Article, GazetteerEntry, Mention, Place
from mapper.namesakes import Namesakes
from mapper.ranker import (
    ADMIN_IN_NAME,
    ADMIN_WORDS,
    FEATURE_WORDS,
    TYPE_WORDS,
    GroupContext,
    Ranker,
    home_regions,
    support,
)

_COUNTY_ABBR = re.compile(r"\s+Co\.?$")  # "Loudon Co." is Loudon County
PART_MIN_POPULATION = 10_000  # a part of an unknown name stands for a town at least this big
PART_BIG_POPULATION = 100_000  # ... or this big when the rest of the name is not generic
# Words that alone never make a part of a longer name a place ("City" in "Norwich City").
PART_GENERIC = {
    "city", "state", "county", "town", "street", "road", "avenue", "university", "college",
    "school", "bank", "house", "hall", "office", "court", "council", "centre", "center",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "new", "old", "great", "upper", "lower", "saint", "st", "mount", "national", "international",
    "royal", "united", "union", "republic", "government", "park", "station", "airport", "port",
    "institute", "academy", "hospital", "church", "cathedral", "stadium", "estate", "village",
    "township", "district", "borough", "municipal", "metro", "area", "region", "province",
    "river", "creek", "lake", "lakes", "canal", "bay", "harbor", "harbour", "elementary", "high",
}
# ... but a harbour beside a town's name needs a big town: "Pearl Harbor" is not in Pearl
# (a river or lake is mostly near its small namesake town: "Saint Marys River").
PART_REST = PART_GENERIC - {"harbor", "harbour"}
WATER = ("ocean", "sea")
BIG_CITY = 100_000  # a city this big keeps its one-word name from the ocean of that name
_QUALIFIED = re.compile(r",\s*[A-Z]")  # "Atlantic, Iowa"
LOCAL_PART_KM = 100.0  # a town in a venue's name farther than this from the story's is not it
REL_POP = 1.0  # weight of log10(population / the most populous namesake's), floored at -3


@dataclass(frozen=True)
class Resolution:
    places: tuple[Place, ...]
    unresolved: tuple[Mention, ...]
    warnings: tuple[str, ...]


_DEFAULT = object()
_MODEL: list[Ranker] = []


def default_ranker() -> Ranker:
    """The trained ranker shipped in mapper/data/ranker/ (loaded once); a missing or corrupt
    model file is a DataFileError."""
    if not _MODEL:
        _MODEL.append(Ranker.load())
    return _MODEL[0]


@lru_cache(maxsize=4)
def _folded_states(table: tuple[tuple[str, tuple[str, int]], ...]
                   ) -> tuple[dict[str, str], dict[str, int]]:
    """The state abbreviations folded -> the state's name, and -> its GeoNames id (made once
    per table, not for every article; read only)."""
    return ({normalize(k): name for k, (name, _) in table},
            {normalize(k): gid for k, (_, gid) in table})


class Resolver:
    """Ranks each name's gazetteer candidates with the learned ranker shipped with the package
    (``ranker=None`` forces the hand-weighted :meth:`score`)."""

    def __init__(self, gazetteer: Gazetteer, ranker: Ranker | None | object = _DEFAULT) -> None:
        self.gazetteer = gazetteer
        self.ranker: Ranker | None = default_ranker() if ranker is _DEFAULT else ranker  # type: ignore[assignment]
        self.demonyms = sources.demonyms()
        self.region_demonyms = sources.aliases("demonym")
        self.state_abbreviations = sources.us_state_abbreviations()
        # "La.", "IL", "W. Va." folded -> the state's name, for qualifiers ("Alexandria, La.")
        self.us_states, self.us_state_ids = _folded_states(
            tuple(self.state_abbreviations.items()))
        self.name_aliases = sources.aliases("name")
        self._capitals: frozenset[str] | None = None
        # qualifier -> (feature, country code, folded names) of its places, looked up once
        self._qualifier_places: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {}

    @property
    def capitals(self) -> frozenset[str]:
        """Entry keys of the national capitals (looked up once, when first needed)."""
        if self._capitals is None:
            codes = {c.country_code for c in self.gazetteer.countries() if c.country_code}
            self._capitals = frozenset(e.key for code in codes
                                       if (e := self.gazetteer.capital(code)) is not None)
        return self._capitals

    # -- public -----------------------------------------------------------------------------
    def resolve(self, article: Article, mentions: list[Mention],
                trace: list[Ranked] | None = None) -> Resolution:
        """Resolve the mentions; ``trace`` (if given) receives the last round's ranked groups."""
        # a name in a list of streets is placed as a street, never looked up as a town
        streets = [m for m in mentions if m.label == local.STREET_LABEL]
        explicit = [m for m in mentions if not m.implied and m.label != local.STREET_LABEL]
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in explicit:
            groups[normalize(m.text)].append(m)
        # For ranking, a mention without a qualifier takes the one the text gives it
        # ("Alexandria, La." when only "Alexandria" was marked).
        qualified = {k: [m if m.qualifier else replace(
            m, qualifier=qualifier_after(article.text, m.end, self.gazetteer)) for m in ms]
            for k, ms in groups.items()}
        groups, qualified = _split_by_qualifier(groups, qualified)
        cands = {k: self.gazetteer.candidates(ms[0].text, limit=40) for k, ms in groups.items()}
        kinds = {k: self.gazetteer.match_kinds(ms[0].text) for k, ms in groups.items()}
        partial: set[str] = set()  # names resolved through a part of them: not context
        for k, ms in groups.items():
            alias = self._alias_entry(ms[0].text, cands[k])
            if alias is not None:
                cands[k], kinds[k] = [alias], {alias.key: 0}
            elif not cands[k] and (spelt := possessive_name(self.gazetteer, ms[0].text)):
                cands[k] = self.gazetteer.candidates(spelt, limit=40)  # "Bishop Stortford"
                kinds[k] = self.gazetteer.match_kinds(spelt)
            elif not cands[k]:
                cands[k], kinds[k] = self._part_candidates(ms[0].text)
                if cands[k]:
                    partial.add(k)
                else:  # a misspelt big place ("Yokahama")
                    cands[k] = respelled_candidates(self.gazetteer, ms[0].text, ms[0].label)
                    kinds[k] = {c.key: 0 for c in cands[k]}
            else:
                water = _open_water(qualified[k], cands[k], article.text)
                if water is not None:
                    cands[k] = [water]

        votes = {k: self._country_votes(ms, cands[k]) for k, ms in groups.items()}
        context_cands = {k: cs for k, cs in cands.items() if k not in partial}
        countries = self._document_countries(mentions, context_cands)
        chosen: dict[str, GazetteerEntry] = {}
        # Pass 1: names that denote a country (and no sizeable place of another kind) or a
        # single entry are anchors.
        for k, cs in cands.items():
            if self._country_anchor(cs) is not None:
                chosen[k] = self._country_anchor(cs)  # type: ignore[assignment]
            elif len(cs) == 1:
                chosen[k] = cs[0]
        fixed = set(chosen)
        learned = self.ranker is not None or trace is not None
        near = support(context_cands) if learned else {}
        home = home_regions(context_cands) if learned else {}
        # Pass 2: rank the ambiguous names with the anchors as context (twice, so choices made
        # in the first round inform the second). A name's own country vote is left out.
        # The anchors as running totals (mapper.anchors): each name sees all picks but its own.
        anchors = Anchors([c for k, cs in context_cands.items() for c in cs])
        named_total = sum(countries.values())
        ranked = [k for k, cs in cands.items() if cs and k not in fixed]

        def group(k: str, view: AnchorView) -> GroupContext:
            return GroupContext(qualified[k], article.text, cands[k], kinds[k],
                                CountryWeights(countries, named_total, votes[k], view), view,
                                view.states, self._qualifier_matches, near.get(k, ()),
                                home.get(k, ()))

        for rnd in range(2):
            # The first round sees only the fixed anchors, so that its choices do not
            # depend on the order of the names (an early wrong pick misleading the rest).
            for kk, v in chosen.items():
                if kk not in partial and (rnd or kk in fixed):
                    anchors.set(kk, v)
            anchors.start_round()
            if rnd == 0:  # no pick moves the anchors: the names are ranked all at once
                views: dict[int | None, AnchorView] = {}  # one view per own pick, made once
                for k in ranked:
                    if anchors.picks.get(k) not in views:
                        views[anchors.picks.get(k)] = anchors.view(k)
                at_once = [(k, group(k, views[anchors.picks.get(k)])) for k in ranked]
                chosen.update(zip(ranked, self._rank(at_once, article, None)))
                continue
            for k in ranked:
                chosen[k] = self._rank([(k, group(k, anchors.view(k)))], article, trace)[0]
                if k not in partial:
                    anchors.set(k, chosen[k])

        places: dict[str, Place] = {}
        unresolved: list[Mention] = []
        # A street or venue known only by a town in its name ("Jackson Square") is placed at
        # the story's town when that town is far from the one its name holds.
        local_parts = {k for k in partial if local.is_local_name(groups[k][0].text)
                       and chosen.get(k) is not None and chosen[k].feature == "city"}
        for k, ms in groups.items():
            entry = chosen.get(k)
            if entry is None or k in local_parts:
                unresolved.extend(ms)
                continue
            self._attach(places, entry, ms, implied=False)
        unresolved = self._place_locals(article, places, unresolved + streets,
                                        {m: chosen[k] for k in local_parts for m in groups[k]})
        for m in (m for m in mentions if m.implied):
            entry = self._implied_entry(m, places, countries)
            if entry is None:
                unresolved.append(m)
                continue
            self._attach(places, entry, [m], implied=True)
        warnings = tuple(sorted({f"unknown place: {m.text!r}" for m in unresolved
                                 if not m.implied}))
        return Resolution(tuple(places.values()), tuple(unresolved), warnings)

    def _place_locals(self, article: Article, places: dict[str, Place],
                      unresolved: list[Mention],
                      named: dict[Mention, GazetteerEntry]) -> list[Mention]:
        """Unknown streets, roads and venues placed at their town (see mapper.gazetteer.local);
        ``named`` are those a town in their name stands for, kept unless the story puts them in
        a town farther than LOCAL_PART_KM from it. The mentions left unresolved."""
        local_ms = [m for m in unresolved if m in named or local.local_name(m) is not None]
        if not local_ms:
            return unresolved
        placed = sorted(((m, p.entry) for p in places.values() for m in p.mentions),
                        key=lambda me: me[0].start)
        regions = Counter((e.country_code, e.admin1) for _, e in placed
                          if e.feature in local.TOWN_FEATURES)
        main = local.main_town((m, e) for m, e in placed if e.feature in local.TOWN_FEATURES)
        left = [m for m in unresolved if m not in local_ms]
        for m in local_ms:
            town = local.town_for(m, article.text, placed,
                                  lambda name: self._town_named(name, regions), main)
            own = named.get(m)
            if own is not None and (town is None or distance_km(
                    (town.lat, town.lon), (own.lat, own.lon)) <= LOCAL_PART_KM):
                self._attach(places, own, [m], implied=False)
            elif town is None:
                left.append(m)
            else:
                name = local.local_name(m) or m.text
                self._attach(places, local.local_entry(_display(name), town), [m],
                             implied=False)
        return sorted(left, key=lambda m: m.start)

    def _town_named(self, name: str, regions: Counter) -> GazetteerEntry | None:
        """The place a name after a street or venue stands for, when the story did not resolve
        it: a state or country when it names one ("Main Street, Fla."), else its town in the
        story's region, else its most populous town."""
        state = self.us_state_ids.get(normalize(name))
        if state:
            return self.gazetteer.by_geonameid(state)
        kinds = self.gazetteer.match_kinds(name)
        cs = [c for c in self.gazetteer.candidates(name, limit=40) if kinds.get(c.key, 1) < 2]
        region = next((c for c in cs if c.feature in ("country", "admin1")), None)
        towns = [c for c in cs if c.feature in local.TOWN_FEATURES]
        home = [c for c in towns if (c.country_code, c.admin1) in regions]
        if home:
            return max(home, key=lambda c: c.population)
        if region is not None:
            return region
        return max(towns, key=lambda c: c.population) if towns else None

    def _rank(self, groups: list[tuple[str, GroupContext]], article: Article,
              trace: list[Ranked] | None) -> list[GazetteerEntry]:
        """The best candidate of each group: by the learned ranker, else by :meth:`score`."""
        if self.ranker is None and trace is None:
            picks = []
            for _, g in groups:
                cs, anchors = list(g.candidates), g.anchors.entries()
                hand = [self.score(c, list(g.mentions), article, g.countries, anchors,
                                   g.kinds, cs, g.states, namesakes=g.namesakes()) for c in cs]
                picks.append(cs[max(range(len(cs)), key=hand.__getitem__)])
            return picks

        def hand_score(c: GazetteerEntry, g: GroupContext, near_km: float | None) -> float:
            return self.score(c, list(g.mentions), article, g.countries, [], g.kinds,
                              list(g.candidates), g.states, near_km, g.namesakes())

        return rank_groups(groups, hand_score, self.ranker, lambda: self.capitals, trace)

    def score(self, c: GazetteerEntry, ms: list[Mention], article: Article,
              countries: Counter | CountryWeights, anchors: list[GazetteerEntry],
              kinds: dict[str, int],
              cs: list[GazetteerEntry], states: Mapping | None = None,
              near_km: float | None = None, namesakes: Namesakes | None = None) -> float:
        """A candidate's score for a group of same-name mentions (higher is better);
        ``near_km``, when known, is the distance to the nearest other non-country anchor;
        ``namesakes``, when given, are the facts of ``cs`` worked out once for the group."""
        text = article.text
        score = _type_prior(c)
        facts = namesakes if namesakes is not None else Namesakes.of(cs)
        # Prominence among the namesakes: a hamlet needs strong context to beat a city
        top = facts.top_city if c.feature == "city" else 0
        if top > 0:
            score += REL_POP * max(-3.0, math.log10((c.population + 1) / (top + 1)))
        score += {0: 1.0, 1: 0.0, 2: -1.5}.get(kinds.get(c.key, 1), 0.0)
        total = countries.total() or 1
        if c.country_code and c.country_code in countries:
            score += 2.0 + 2.0 * countries[c.country_code] / total
        labels = {m.label for m in ms}
        if c.key.startswith("feat:"):
            if labels & {"LOC", "FAC"} or any(FEATURE_WORDS.search(m.text) for m in ms):
                score += 1.5
            words = {w.lower() for m in ms for w in FEATURE_WORDS.findall(m.text)}
            if any(c.feature in TYPE_WORDS.get(w, ()) for w in words):
                score += 3.0  # "Red Sea" is a sea, not the province named after it
        qualifiers = {m.qualifier for m in ms if m.qualifier}
        for q in qualifiers:
            score += 6.0 if self._qualifier_matches(q, c) else -2.0
        if c.feature in ("admin1", "admin2"):
            followed = any(ADMIN_WORDS.match(text[m.end: m.end + 20]) for m in ms)
            twin = facts.city_twin(c)
            if followed:
                score += 3.0
            elif twin:
                score -= 2.5
        if states and c.country_code and c.feature != "country":
            own = (c.country_code, normalize(c.name)) if c.feature == "admin1" else None
            if (c.country_code, normalize(c.admin1 or "")) in states or own in states:
                score += 3.0  # a place in a state (province) the story names or is set in
        if near_km is None:
            others = [a for a in anchors if a.key != c.key and a.feature != "country"]
            if others:
                near_km = min(distance_km((c.lat, c.lon), (a.lat, a.lon)) for a in others)
        if near_km is not None:
            score += 2.5 * math.exp(-near_km / 400.0)
        return score

    # -- helpers ----------------------------------------------------------------------------
    def _alias_entry(self, text: str, cands: list[GazetteerEntry]) -> GazetteerEntry | None:
        """The one entry a demonym ("Chilean", "European") or a US state abbreviation ("W.Va.",
        "Ill.") written as a place name stands for; None for other names."""
        text = text.strip()
        key = self.name_aliases.get(text)
        if key:  # "US", "EU", "L.A.": an abbreviation is not the village that shares its letters
            return self.gazetteer.by_key(key)
        if any(c.feature == "country" for c in cands):
            return None
        forms = (text, text.title()) if text.isupper() and len(text) > 3 else (text,)
        for form in forms:
            key = self.region_demonyms.get(form)  # first: "English" is England, not the UK
            if key:
                return self.gazetteer.by_key(key)
            code = self.demonyms.get(form)
            if code:
                return self.gazetteer.country(code)
        state = self.state_abbreviations.get(text) or (
            self.state_abbreviations.get(text + ".") if len(text) >= 3 else None)  # "Calif"
        if state:
            return self.gazetteer.by_geonameid(state[1])
        return None

    def _part_candidates(self, text: str) -> tuple[list[GazetteerEntry], dict[str, int]]:
        """Candidates for a name the gazetteer does not know, from the longest part of it that
        names a prominent place: "Loudon Co." (County), "Greer Station", "Colorado State
        University", "Bank of Mexico", "European Central Bank" (a demonym). A part followed by
        "State", "Province", ... keeps only subdivisions ("Oaxaca State")."""
        text = text.strip()
        full = _COUNTY_ABBR.sub(" County", text)
        if full != text and self.gazetteer.candidates(full, limit=40):
            return self.gazetteer.candidates(full, limit=40), self.gazetteer.match_kinds(full)
        words = full.split()
        for n in range(len(words) - 1, 0, -1):
            best: tuple[float, list[GazetteerEntry], dict[str, int] | None, str] | None = None
            for i in range(len(words) - n + 1):
                part = words[i:i + n]
                if not part[0][:1].isupper() or not part[-1][:1].isupper() or \
                        all(w.lower().strip(".,") in PART_GENERIC for w in part):
                    continue
                sub = " ".join(part).strip(".,;:")
                found = self.gazetteer.candidates(sub, limit=40)
                # A demonym or alternate name inside a compound name is not that place:
                # "Central American", "Latin America" are not the United States.
                compound = i > 0 and words[i - 1][:1].isupper()
                if compound and found:
                    primary = self.gazetteer.match_kinds(sub)
                    found = [c for c in found if primary.get(c.key) == 0]
                alias = None if compound else self._alias_entry(sub, found)
                if alias is not None:
                    found, kinds = [alias], {alias.key: 0}
                else:
                    kinds = None
                    if ADMIN_WORDS.match(" " + " ".join(words[i + n:])):
                        found = [c for c in found if c.feature in ("admin1", "admin2")]
                # A town stands for the name when it is big, or when the rest of the name is
                # generic words ("Greer Station"), not another name ("Meadow Grove").
                rest = [w for w in words[:i] + words[i + n:] if w[:1].isupper()]
                small = PART_MIN_POPULATION if all(
                    w.lower().strip(".,") in PART_REST for w in rest) else PART_BIG_POPULATION
                strong = [c for c in found if c.feature in ("country", "admin1", "continent")
                          or c.population >= small or ADMIN_IN_NAME.search(sub)]
                if strong:
                    prior = max(_type_prior(c) for c in strong)
                    if best is None or prior > best[0]:
                        best = (prior, found, kinds, sub)
            if best is not None:
                _, found, kinds, sub = best
                return found, kinds if kinds is not None else self.gazetteer.match_kinds(sub)
        return [], {}

    @staticmethod
    def _country_anchor(cs: list[GazetteerEntry]) -> GazetteerEntry | None:
        """The country a name denotes unless a sizeable subdivision or town shares the name
        ("Georgia", "Palestine, Texas"): those are ranked with the document as context."""
        country = next((c for c in cs if c.feature == "country"), None)
        if country is None:
            return None
        if any(c.feature in ("admin1", "admin2", "city") and c.population >= 10_000
               and c.country_code != country.country_code for c in cs):
            return None
        return country

    def _country_votes(self, ms: list[Mention], cs: list[GazetteerEntry]) -> Counter:
        """The country votes a group of same-name mentions casts (see _document_countries)."""
        return self._document_countries(ms, {normalize(ms[0].text): cs})

    def _document_countries(self, mentions: list[Mention], cands: dict) -> Counter:
        out: Counter = Counter()
        for m in mentions:
            code = m.hint_value("country_code")
            if code:
                out[code] += 1
                continue
            cs = cands.get(normalize(m.text)) or []
            country = next((c for c in cs if c.feature == "country"), None)
            if country and country.country_code:
                out[country.country_code] += 2 if m.label == "DATELINE" else 1
        return out

    def _qualifier_matches(self, qualifier: str, c: GazetteerEntry) -> bool:
        state = self.us_states.get(normalize(qualifier))
        if state and c.country_code == "US":
            return normalize(c.admin1 or "") == normalize(state)
        for feature, code, names in self._places_of_qualifier(qualifier):
            if feature == "country" and code == c.country_code:
                return True
            if feature == "admin1" and c.country_code == code and \
                    normalize(c.admin1 or "") in names:
                return True
        return False

    def _places_of_qualifier(self, qualifier: str
                             ) -> list[tuple[str, str | None, frozenset[str]]]:
        """The feature, country code and folded names (its own and the qualifier's) of each
        place a qualifier may name, looked up once per article."""
        found = self._qualifier_places.get(qualifier)
        if found is None:
            folded = normalize(qualifier)
            found = self._qualifier_places[qualifier] = [
                (q.feature, q.country_code, frozenset({normalize(q.name), folded}))
                for q in self.gazetteer.candidates(qualifier, limit=10)]
        return found

    def _implied_entry(self, m: Mention, places: dict[str, Place],
                       countries: Counter) -> GazetteerEntry | None:
        code = m.hint_value("country_code")
        if code and m.hint_value("role") == "capital":
            return self.gazetteer.capital(code)
        if code:
            return self.gazetteer.country(code)
        direction = m.hint_value("direction")
        if direction:
            named = [p.entry for p in places.values() if p.entry.feature == "country"]
            named += [e for e in (self.gazetteer.country(cc) for cc in countries) if e]
            match = {e.key: e for e in named if normalize(e.name).startswith(direction + " ")}
            return next(iter(match.values())) if len(match) == 1 else None
        return None

    @staticmethod
    def _attach(places: dict[str, Place], entry: GazetteerEntry, ms: list[Mention],
                implied: bool) -> None:
        pid = _place_id(entry)
        if pid in places:
            p = places[pid]
            mentions = tuple(sorted((*p.mentions, *ms), key=lambda m: m.start))
            name = p.name if not p.implied or implied else _display(ms[0].text)
            places[pid] = replace(p, mentions=mentions, implied=p.implied and implied, name=name)
        else:
            name = _display(ms[0].text) if not implied else entry.name
            places[pid] = Place(pid, name, entry, tuple(ms), implied=implied)


def _split_by_qualifier(groups: dict[str, list[Mention]], qualified: dict[str, list[Mention]]
                        ) -> tuple[dict[str, list[Mention]], dict[str, list[Mention]]]:
    """Same-name mentions the text qualifies differently ("Toledo, Ohio" ... "Toledo, Spain")
    are different places: one group per qualifier. A mention without one joins the group of
    the qualified mention before it (the first qualifier's group before any)."""
    out_groups: dict[str, list[Mention]] = {}
    out_qualified: dict[str, list[Mention]] = {}
    for k, ms in groups.items():
        seen = list(dict.fromkeys(normalize(q.qualifier) for q in qualified[k] if q.qualifier))
        if len(seen) < 2:
            out_groups[k], out_qualified[k] = ms, qualified[k]
            continue
        current = seen[0]
        for m, q in sorted(zip(ms, qualified[k]), key=lambda pair: pair[0].start):
            current = normalize(q.qualifier) if q.qualifier else current
            key = k if current == seen[0] else f"{k}@{current}"
            out_groups.setdefault(key, []).append(m)
            out_qualified.setdefault(key, []).append(q)
    return out_groups, out_qualified


def _open_water(ms: list[Mention], cs: list[GazetteerEntry], text: str) -> GazetteerEntry | None:
    """The ocean or sea a one-word name stands for ("the Atlantic", "the Pacific"): in news
    such a name is the ocean far more often than a town or county of that name. Not when a
    qualifier or an admin word other than "region" follows ("Atlantic, Iowa", "Pacific County")
    or a big city bears the name."""
    if any(len(m.text.split()) != 1 or m.qualifier for m in ms):
        return None
    water = [c for c in cs if c.feature in WATER]
    if len(water) != 1:
        return None
    if any(_admin_word_after(text, m.end) not in (None, "region")  # "the Pacific region"
           or _QUALIFIED.match(text[m.end: m.end + 30]) for m in ms):
        return None
    if any(c.feature == "country" or (c.feature == "city" and c.population >= BIG_CITY)
           for c in cs):
        return None
    return water[0]


def _admin_word_after(text: str, end: int) -> str | None:
    """The word of administration ("county", "region", ...) right after a name, lower case."""
    found = ADMIN_WORDS.match(text[end: end + 20])
    return found.group().strip().lower() if found else None


def _type_prior(c: GazetteerEntry) -> float:
    if c.feature == "country":
        return 8.0
    if c.feature == "continent":
        return 5.0
    if c.feature in ("ocean", "sea"):
        return 5.0
    if c.key.startswith("feat:"):
        return 3.0
    if c.feature == "admin1":
        return 2.0 + 0.25 * math.log10(c.population + 1)
    if c.feature == "admin2":
        return 0.5 + 0.2 * math.log10(c.population + 1)
    return 0.55 * math.log10(c.population + 10)


def _display(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def _place_id(entry: GazetteerEntry) -> str:
    return re.sub(r"[^a-z0-9]+", "-", entry.key.lower()).strip("-")
