"""The resolved places ("anchors") each group of same-name mentions is ranked against, kept as
running totals while the resolver picks, so that ranking one group costs about the same with
5,000 places in the story as with 50 (issue 13).

The resolver used to list every other pick for every group and compare each candidate with each
of them: quadratic in the places. Here the picks are counted per gazetteer entry, their countries
and first-level subdivisions are running counters, and a group sees them through a view that takes
its own pick out. The distance features come from every anchor while there are at most
``EXACT_ANCHORS`` of them (as before, to the float); above that, the nearest anchor is found in a
k-d tree over all the candidates of the story (scipy's ``cKDTree`` on unit vectors, where the
chord grows with the great-circle distance, so the nearest point is the same) and the share within
300 km and the median distance are estimated on an even sample of ``EXACT_ANCHORS`` anchors taken
when the round starts. A grid or shapely's STRtree would do too; the k-d tree answers k-nearest
queries on the sphere directly and ships with scipy, already a dependency.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
from scipy.spatial import cKDTree

from mapper.gazetteer.base import normalize
from mapper.model import GazetteerEntry

EXACT_ANCHORS = 500  # up to this many anchors, distances to each of them (exact)
NEAR_K = 8  # nearest anchors listed per entry in a round's snapshot (see Anchors.snapshot)
ADDED_MAX = 256  # anchors new since the snapshot checked one by one before it is taken again
WITHIN_KM = 300.0
EARTH_KM = 6371.0088
COS_WITHIN = math.cos(WITHIN_KM / EARTH_KM)  # the cosine of the angle 300 km subtends


def haversine_rad(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray,
                  lon2: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between every point 1 and every point 2 (radians)."""
    h = (np.sin((lat1[:, None] - lat2[None, :]) / 2) ** 2
         + np.cos(lat1[:, None]) * np.cos(lat2[None, :])
         * np.sin((lon1[:, None] - lon2[None, :]) / 2) ** 2)
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def haversine_pairs(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray,
                    lon2: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between points 1 and 2 element by element (radians, arrays
    that broadcast together)."""
    h = (np.sin((lat1 - lat2) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon1 - lon2) / 2) ** 2)
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _km_of_cos(cos: float) -> float:
    """The great-circle distance (km) of the cosine of its angle (by the chord, which is
    precise for small angles too)."""
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(min(4.0, max(0.0, 2 - 2 * cos))) / 2))


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points (radians) as 3-D unit vectors: the chord between two grows with their distance."""
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def state_of(a: GazetteerEntry) -> tuple[str, str] | None:
    """The (country, normalized first-level subdivision) an anchor names or lies in."""
    if a.feature == "admin1" and a.country_code:
        return (a.country_code, normalize(a.name))
    if a.admin1 and a.country_code:
        return (a.country_code, normalize(a.admin1))
    return None


class Anchors:
    """The picks of the names of a story (name key -> entry) as counts per entry, with running
    totals of their countries and subdivisions; ``view(k)`` is what name ``k`` is ranked against."""

    def __init__(self, universe: Sequence[GazetteerEntry]) -> None:
        self.entries: list[GazetteerEntry] = []
        self.index: dict[str, int] = {}
        for e in universe:
            if e.key not in self.index:
                self.index[e.key] = len(self.entries)
                self.entries.append(e)
        self.lat = np.radians([e.lat for e in self.entries])
        self.lon = np.radians([e.lon for e in self.entries])
        self.units = unit_vectors(self.lat, self.lon)  # the entries as unit vectors
        self.country = np.array([e.feature == "country" for e in self.entries], dtype=bool)
        self.count = np.zeros(len(self.entries), dtype=np.int64)
        self.active: Counter = Counter()  # entry index -> picks (non-zero only)
        self.picks: dict[str, int] = {}  # name key -> entry index
        self.countries: Counter = Counter()  # country code -> non-country anchors
        self.states: Counter = Counter()
        self.placed = 0  # non-country anchors
        self._tree: cKDTree | None = None
        self.sample: list[int] = []
        self.sample_array = np.array([], dtype=np.intp)  # the sample as an array
        self.sample_first: dict[int, int] = {}  # entry number -> its first place in the sample
        self.sample_units: np.ndarray | None = None  # their unit vectors
        self._snap: tuple[frozenset[int], list[list[int]], list[list[float]]] | None = None
        self.added: set[int] = set()  # non-country anchors that are not in the snapshot

    def set(self, name: str, entry: GazetteerEntry) -> None:
        """Record ``entry`` as the pick of ``name`` (replacing its earlier pick)."""
        self.remove(name)
        if entry.key not in self.index:
            self.index[entry.key] = len(self.entries)
            self.entries.append(entry)
            self.lat = np.append(self.lat, np.radians(entry.lat))
            self.lon = np.append(self.lon, np.radians(entry.lon))
            self.units = np.vstack((self.units, unit_vectors(self.lat[-1:], self.lon[-1:])))
            self.country = np.append(self.country, entry.feature == "country")
            self.count = np.append(self.count, 0)
            self._tree = None
        u = self.index[entry.key]
        self.picks[name] = u
        self._add(u, 1)

    def remove(self, name: str) -> None:
        u = self.picks.pop(name, None)
        if u is not None:
            self._add(u, -1)

    def _add(self, u: int, n: int) -> None:
        e = self.entries[u]
        self.count[u] += n
        if self._snap is not None and n > 0 and e.feature != "country" \
                and u not in self._snap[0]:
            self.added.add(u)
            if len(self.added) > ADDED_MAX:
                self._snap = None
        _bump(self.active, u, n)
        if e.feature != "country":
            _bump(self.countries, e.country_code, n)
            self.placed += n
        state = state_of(e)
        if state is not None:
            _bump(self.states, state, n)

    def start_round(self) -> None:
        """Take the even sample of the non-country anchors used when there are many."""
        units = [u for u in sorted(self.active) if not self.country[u]
                 for _ in range(self.active[u])]
        step = max(1, -(-len(units) // EXACT_ANCHORS))
        self.sample = units[::step]
        self.sample_array = np.array(self.sample, dtype=np.intp)
        self.sample_first = {}
        self.sample_units = None
        for i, u in enumerate(self.sample):
            self.sample_first.setdefault(u, i)
        self._snap = None

    def snapshot(self) -> tuple[frozenset[int], list[list[int]], list[list[float]]]:
        """The non-country anchors now, and for every entry the NEAR_K nearest of them
        (entry numbers, nearest first) with their distances (km): one k-d tree query for all
        the entries instead of one per name. Anchors added later are kept in ``added``; those
        removed are skipped by their count."""
        if self._snap is None:
            live = np.flatnonzero((self.count > 0) & ~self.country)
            self.added = set()
            if not live.size:
                self._snap = (frozenset(), [[] for _ in self.entries],
                              [[] for _ in self.entries])
                return self._snap
            tree = cKDTree(self.units[live])
            _, j = tree.query(self.units, k=min(NEAR_K, live.size))
            idx = live[np.asarray(j).reshape(len(self.entries), -1)]
            d = haversine_pairs(self.lat[:, None], self.lon[:, None], self.lat[idx],
                                self.lon[idx])
            self._snap = (frozenset(live.tolist()), idx.tolist(), d.tolist())
        return self._snap

    def tree(self) -> cKDTree:
        if self._tree is None:
            self._tree = cKDTree(self.units)
        return self._tree

    def view(self, name: str) -> AnchorView:
        return AnchorView(self, self.picks.get(name))


class AnchorView:
    """The anchors one name is ranked against: all the picks but its own."""

    def __init__(self, anchors: Anchors, own: int | None) -> None:
        self.anchors = anchors
        self.own = own
        e = anchors.entries[own] if own is not None else None
        self.own_entry = e
        self.placed = anchors.placed - (e is not None and e.feature != "country")
        self.states = _Without(anchors.states, state_of(e) if e is not None else None)
        self._own_sample: np.ndarray | None = None
        self._own_units: np.ndarray | None = None

    def country_count(self, code: str | None) -> int:
        """Non-country anchors in the country ``code``."""
        e = self.own_entry
        mine = e is not None and e.feature != "country" and e.country_code == code
        return self.anchors.countries[code] - mine

    def country_codes(self) -> list[str]:
        """The countries of the non-country anchors."""
        counts, e = self.anchors.countries, self.own_entry
        gone = e.country_code if e is not None and e.feature != "country" else None
        return [cc for cc, n in counts.items() if cc and (n > 1 or cc != gone)]

    def entries(self) -> list[GazetteerEntry]:
        """Every anchor (with repeats), in the order of the entries."""
        a = self.anchors
        return [a.entries[u] for u in sorted(a.active)
                for _ in range(a.active[u] - (u == self.own))]

    def summaries(self, candidates: Sequence[GazetteerEntry]
                  ) -> list[tuple[int, float | None, float, float | None]]:
        """Per candidate: the non-country anchors other than itself, the distance (km) to the
        nearest, the share within 300 km and the median distance (None without anchors)."""
        a = self.anchors
        none: tuple[int, float | None, float, float | None] = (0, None, 0.0, None)
        if not candidates:
            return []
        cu = np.array([a.index.get(c.key, -1) for c in candidates], dtype=np.intp)
        clat = np.radians([c.lat for c in candidates])
        clon = np.radians([c.lon for c in candidates])
        if self.placed <= EXACT_ANCHORS:
            units = np.array([u for u in a.active if not a.country[u]
                              for _ in range(a.active[u] - (u == self.own))], dtype=np.intp)
            if not units.size:
                return [none] * len(candidates)
            d = haversine_rad(clat, clon, a.lat[units], a.lon[units])
            d[units[None, :] == cu[:, None]] = np.inf
            d.sort(axis=1)
            out = []
            for row in d:
                row = row[np.isfinite(row)]
                n = len(row)
                out.append((n, float(row[0]), int(np.count_nonzero(row <= WITHIN_KM)) / n,
                            float(row[n // 2])) if n else none)
            return out
        # the anchors other than the candidate's own entry (when it is one)
        own = -1 if self.own is None else self.own
        u = np.maximum(cu, 0)
        mine = np.where((cu >= 0) & ~a.country[u], a.count[u] - (u == own), 0)
        counts = (self.placed - mine).tolist()
        near = self._near_snapshot(cu, clat, clon)
        # the share within 300 km and the median: see spread(), for the candidates that need them
        return [(n, nd, math.nan, math.nan) if n > 0 else none for n, nd in zip(counts, near)]

    @property
    def exact(self) -> bool:
        """Whether summaries() gives every figure (else spread() completes them)."""
        return self.placed <= EXACT_ANCHORS

    def spread(self, c: GazetteerEntry, summary: tuple[int, float | None, float, float | None]
               ) -> tuple[int, float | None, float, float | None]:
        """A summary of many anchors completed with the share within 300 km and the median
        distance, both estimated on the round's even sample of the anchors."""
        return self.spreads([c], [summary])[0]

    def spreads(self, candidates: Sequence[GazetteerEntry],
                summaries: Sequence[tuple[int, float | None, float, float | None]]
                ) -> list[tuple[int, float | None, float, float | None]]:
        """spread() for several candidates at once: one matrix of the cosines of the angles
        to the sample's anchors (the distance falls as the cosine grows: the count within
        300 km is a count of cosines at least that of 300 km, and only each median's cosine
        becomes a distance)."""
        todo = [i for i, (n, near, *_) in enumerate(summaries) if n > 0 and near is not None]
        out = list(summaries)
        if not todo:
            return out
        a = self.anchors
        cs = [candidates[i] for i in todo]
        cu = np.array([a.index.get(c.key, -1) for c in cs], dtype=np.intp)
        s = self._sample()
        units = a.units[cu] if cu.size and cu.min() >= 0 else \
            unit_vectors(np.radians([c.lat for c in cs]), np.radians([c.lon for c in cs]))
        cos = -(units @ self._sample_units().T)  # negated: ascending with the distance
        own = s[None, :] == cu[:, None]  # a candidate is not its own anchor
        if own.any():
            cos[own] = np.inf
            left = (s.size - np.count_nonzero(own, axis=1)).tolist()
        else:
            left = [s.size] * len(cs)
        within = np.count_nonzero(cos <= -COS_WITHIN, axis=1).tolist()
        # the medians: each row partitioned at its middle (no full sort; the same value)
        middles = sorted({m // 2 for m in left if m})
        if middles:
            cos.partition(middles, axis=1)
        for r, i in enumerate(todo):
            n, near = summaries[i][0], summaries[i][1]
            m = left[r]
            out[i] = ((n, near, within[r] / m, _km_of_cos(-float(cos[r, m // 2]))) if m else
                      (n, near, float(near <= WITHIN_KM), near))  # type: ignore[operator]
        return out

    def _sample(self) -> np.ndarray:
        """The round's sample of anchors without this name's own pick."""
        if self._own_sample is None:  # the round's array, shared by the views (read only)
            a = self.anchors
            first = a.sample_first.get(self.own) if self.own is not None else None
            self._own_sample = a.sample_array if first is None else \
                np.delete(a.sample_array, first)
        return self._own_sample

    def _sample_units(self) -> np.ndarray:
        """The unit vectors of :meth:`_sample`'s anchors."""
        if self._own_units is None:
            s = self._sample()
            a = self.anchors
            if s is a.sample_array:  # the round's whole sample: its vectors are shared too
                if a.sample_units is None:
                    a.sample_units = a.units[s]
                self._own_units = a.sample_units
            else:
                self._own_units = a.units[s]
        return self._own_units

    def _near_snapshot(self, cu: np.ndarray, clat: np.ndarray, clon: np.ndarray
                       ) -> list[float]:
        """Per candidate (entry number ``cu``, -1 if none), the distance (km) to the nearest
        live anchor other than its own entry: from the round's snapshot and the anchors added
        since; a candidate whose listed anchors are all gone asks the k-d tree (_nearest)."""
        a, own = self.anchors, self.own
        members, rows, dists = a.snapshot()
        active = a.active
        added = np.array([v for v in sorted(a.added) if active.get(v, 0) - (v == own) > 0],
                         dtype=np.intp)
        if added.size:  # the nearest of the anchors added since the snapshot, all at once
            extra = haversine_pairs(clat[:, None], clon[:, None], a.lat[added], a.lon[added])
            extra[added[None, :] == cu[:, None]] = np.inf
            first = extra.min(axis=1).tolist()
        else:
            first = [math.inf] * len(cu)
        out: list[float] = []
        ask: list[int] = []
        for i, u in enumerate(cu.tolist()):
            best, found = first[i], False
            if 0 <= u < len(rows):
                for v, dv in zip(rows[u], dists[u]):
                    if v != u and active.get(v, 0) - (v == own) > 0:
                        found = True
                        if dv < best:
                            best = dv
            if not found and not (0 <= u < len(rows) and len(rows[u]) == len(members)):
                ask.append(i)  # the list may miss a live anchor further off
            out.append(best)
        if ask:
            live = a.count.copy()
            if own is not None:
                live[own] -= 1
            live[a.country] = 0
            pick = np.array(ask, dtype=np.intp)
            for i, d in zip(ask, self._nearest(unit_vectors(clat[pick], clon[pick]), cu[pick],
                                               live, clat[pick], clon[pick])):
                out[i] = d
        return out

    def _nearest(self, points: np.ndarray, cu: np.ndarray, live: np.ndarray,
                 clat: np.ndarray, clon: np.ndarray) -> list[float]:
        """Per point, the distance (km) to the nearest live anchor other than the point's own
        entry (k-d tree over all entries; inf when there is none)."""
        a = self.anchors
        tree, total = a.tree(), len(a.entries)
        out = np.full(len(points), np.inf)
        todo = np.arange(len(points))
        k = 16
        while todo.size:
            k = min(k, total)
            _, idx = tree.query(points[todo], k=k)
            idx = np.asarray(idx).reshape(len(todo), -1)
            ok = (live[idx] > 0) & (idx != cu[todo, None])
            d = haversine_pairs(clat[todo, None], clon[todo, None], a.lat[idx], a.lon[idx])
            d[~ok] = np.inf
            found = ok.any(axis=1)
            out[todo[found]] = d[found].min(axis=1)
            todo = todo[~found] if k < total else todo[:0]
            k *= 4
        return out.tolist()


class CountryWeights(Mapping):
    """The countries a name is ranked with: those the story names without the name's own votes,
    and 0.5 more for each country of the other non-country anchors. The same weights as
    ``named - votes`` updated with 0.5 per code of ``view.country_codes()``, looked up per code
    instead of built for every name (a story can hold anchors in every country)."""

    def __init__(self, named: Counter, named_total: int, votes: Counter,
                 view: AnchorView) -> None:
        self.named, self.named_total, self.votes = named, named_total, votes
        self.counts = view.anchors.countries
        e = view.own_entry
        self.gone = e.country_code if e is not None and e.feature != "country" else None
        self._total: float | None = None

    def _base(self, code: object) -> int:
        n = self.named.get(code, 0) - self.votes.get(code, 0)
        return n if n > 0 else 0

    def _anchored(self, code: object) -> bool:
        return bool(code) and self.counts.get(code, 0) - (code == self.gone) > 0

    def __getitem__(self, code: object) -> float:
        n = self._base(code)
        return n + 0.5 if self._anchored(code) else n  # 0 when absent, as a Counter

    def __contains__(self, code: object) -> bool:
        return self._base(code) > 0 or self._anchored(code)

    def __iter__(self) -> Iterator:
        yield from (cc for cc in self.named if self._base(cc) > 0)
        yield from (cc for cc in self.counts if self._anchored(cc) and not self._base(cc))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def total(self) -> float:
        """The sum of the weights (exact: whole and half numbers)."""
        if self._total is not None:
            return self._total
        base = self.named_total - sum(min(self.named.get(cc, 0), v)
                                      for cc, v in self.votes.items() if v > 0)
        codes = len(self.counts) - sum(1 for cc in (None, "") if cc in self.counts) - (
            bool(self.gone) and self.counts.get(self.gone) == 1)
        self._total = base + 0.5 * codes
        return self._total


class _Without(Mapping):
    """A counter with one occurrence of a key taken out: a name's view of the anchors' states."""

    def __init__(self, counts: Counter, gone: object) -> None:
        self.counts, self.gone = counts, gone

    def __getitem__(self, key: object) -> int:
        n = self.counts[key] - (key == self.gone)
        if n <= 0:
            raise KeyError(key)
        return n

    def __iter__(self) -> Iterator:
        return (k for k in self.counts if k in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return self.counts.get(key, 0) - (key == self.gone) > 0

    def __bool__(self) -> bool:
        return len(self.counts) - (self.counts.get(self.gone) == 1) > 0


def _bump(counts: Counter, key: object, n: int) -> None:
    """Add ``n`` to a count, dropping the key when it reaches zero."""
    counts[key] += n
    if not counts[key]:
        del counts[key]
