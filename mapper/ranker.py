"""A learned candidate ranker: readable features per (mention group, candidate) and a small model.

The resolver computes a :class:`GroupContext` for each group of same-name mentions; the features
below describe each candidate in that context (the evidence the hand-weighted score uses, one
number each). ``benchmarks/train_ranker.py`` fits a model on LGL and GeoWebNews and writes
``mapper/data/ranker/ranker.json`` (package data): the coefficients of a logistic regression or
the trees of a gradient boosting model, evaluated here in plain Python (no scikit-learn at run
time).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from mapper.anchors import (
    EARTH_KM,
    WITHIN_KM,
    AnchorView,
    CountryWeights,
    haversine_pairs,
    unit_vectors,
)
from mapper.gazetteer.base import normalize
from mapper.model import GazetteerEntry, Mention
from mapper.namesakes import Namesakes
from mapper.resources import corrupt, read_json

MODEL = "ranker/ranker.json"  # package data (mapper.resources.data_path)

ADMIN_WORDS = re.compile(r"^\s+(?:province|state|region|oblast|county|prefecture|parish|"
                         r"district|governorate|department|territory)\b", re.I)
ADMIN_IN_NAME = re.compile(r"\b(?:county|parish|province|state|region|district|oblast|"
                           r"governorate|prefecture|department|territory|borough)\b", re.I)
FEATURE_WORDS = re.compile(r"\b(?:lake|river|sea|ocean|gulf|bay|strait|mountains?|range|"
                           r"peninsula|desert|island|islands|plateau|valley|basin|canal)\b", re.I)
TYPE_WORDS = {
    "sea": {"sea", "gulf", "bay", "strait", "ocean"}, "ocean": {"ocean", "sea"},
    "gulf": {"gulf", "bay", "sea"}, "bay": {"bay", "gulf"}, "strait": {"strait"},
    "lake": {"lake"}, "river": {"river"}, "mountains": {"range"}, "mountain": {"range"},
    "range": {"range"}, "peninsula": {"peninsula"}, "desert": {"desert"},
    "island": {"island", "archipelago"}, "islands": {"island", "archipelago"},
    "plateau": {"plateau"}, "valley": {"valley"}, "basin": {"basin"}, "canal": {"canal"},
}
NO_ANCHOR_KM = 20000.0  # the distance feature when no other place is resolved yet
_NO_SUPPORT = (0.0, NO_ANCHOR_KM, 0.0, 0.0)

FEATURES: tuple[str, ...] = (
    "is_country", "is_continent", "is_water", "is_physical", "is_admin1", "is_admin2",
    "is_city", "log_population", "rel_population", "population_rank", "is_largest_namesake",
    "is_largest_of_feature", "match_primary", "match_derived", "country_in_document",
    "country_share", "anchor_country_share", "qualifier_match", "qualifier_mismatch",
    "state_context", "admin_word_follows", "admin_has_city_twin", "name_has_admin_word",
    "admin_word_and_admin", "label_feature", "type_word_match", "has_anchors",
    "log_anchor_km", "anchor_near", "log_candidates", "log_mentions", "hand_score",
    "anchors_within_300km", "log_median_anchor_km", "names_nearby", "log_nearest_other_name_km",
    "names_within_300km", "names_same_region", "home_region_ratio", "home_region_weight",
)
NEARBY_KM = 100.0  # another name "supports" a candidate when one of its candidates is this close
NEAREST_FIRST = 8  # support() first looks for another name's candidate among this many points


@dataclass
class GroupContext:
    """What the resolver knows about one group of same-name mentions."""

    mentions: Sequence[Mention]
    text: str
    candidates: Sequence[GazetteerEntry]
    kinds: dict[str, int]  # entry key -> match kind (0 primary, 1 alternate, 2 derived)
    countries: Counter | CountryWeights  # country code -> weight (named, anchors' countries)
    anchors: AnchorView  # the places resolved so far, but the group's own pick
    states: Mapping  # (country code, normalized admin1) the anchors name or lie in
    qualifier_matches: Callable[[str, GazetteerEntry], bool]
    # per candidate: see support()
    support: Sequence[tuple[float, float, float, float]] = ()
    # per candidate: see home_regions()
    home: Sequence[tuple[float, float]] = ()
    _cache: dict = field(default_factory=dict)

    def top_population(self, feature: str | None = None) -> int:
        key = ("top", feature)
        if key not in self._cache:
            self._cache[key] = max((c.population for c in self.candidates
                                    if feature is None or c.feature == feature), default=0)
        return self._cache[key]

    def anchor_summary(self, i: int) -> tuple[int, float | None, float, float | None]:
        """Candidate ``i`` against the resolved places other than countries and itself: how
        many, the distance (km) to the nearest, the share within 300 km, the median distance
        (see :meth:`mapper.anchors.AnchorView.summaries`)."""
        rows = self.anchor_nearest_rows()
        if self.spreads_needed([i]):
            self.set_spread(i, self.anchors.spread(self.candidates[i], rows[i]))
        return rows[i]

    def spreads_needed(self, indices: Sequence[int]) -> list[int]:
        """Of candidates ``indices``, those whose share within 300 km and median are still to
        be worked out (AnchorView.spreads; none when there are few anchors)."""
        if self.anchors.exact:
            return []
        return [i for i in indices if not self._cache.get(("spread", i))]

    def set_spread(self, i: int, row: tuple[int, float | None, float, float | None]) -> None:
        """Candidate ``i``'s completed anchor summary (see spreads_needed)."""
        self.anchor_nearest_rows()[i] = row
        self._cache[("spread", i)] = True

    @property
    def has_nearest_rows(self) -> bool:
        return "anchor_km" in self._cache

    def set_nearest_rows(self, rows: list[tuple[int, float | None, float, float | None]]
                         ) -> None:
        """The anchor summaries of the candidates, worked out with other groups'."""
        self._cache["anchor_km"] = rows

    def anchor_nearest_rows(self) -> list[tuple[int, float | None, float, float | None]]:
        """Every candidate's anchor summary, the share and median left out (NaN) when there are
        many anchors (anchor_summary completes them for the candidates that need them)."""
        if "anchor_km" not in self._cache:
            self._cache["anchor_km"] = self.anchors.summaries(self.candidates)
        return self._cache["anchor_km"]

    def namesakes(self) -> Namesakes:
        """The facts of the candidates the hand score and the features share."""
        if "namesakes" not in self._cache:
            self._cache["namesakes"] = Namesakes.of(self.candidates)
        return self._cache["namesakes"]

    def population_rank(self, c: GazetteerEntry) -> int:
        if "rank" not in self._cache:
            order = sorted({o.population for o in self.candidates}, reverse=True)
            self._cache["rank"] = {p: i for i, p in enumerate(order)}
        return self._cache["rank"][c.population]


def features(i: int, g: GroupContext, hand_score: float) -> list[float]:
    """The feature vector of candidate ``i`` of the group (in the order of :data:`FEATURES`)."""
    c = g.candidates[i]
    feat = c.feature
    physical = c.key.startswith("feat:")
    kind = g.kinds.get(c.key, 1)
    if "per_group" not in g._cache:  # the same for every candidate: worked out once
        g._cache["per_group"] = _per_group(g)
    (total, n_anchors, qualifiers, any_followed, admin_word, words, loc_label, log_cands,
     log_mentions) = g._cache["per_group"]
    in_doc = bool(c.country_code and c.country_code in g.countries)
    anchor_share = (g.anchors.country_count(c.country_code) / n_anchors
                    if n_anchors and c.country_code else 0.0)
    q_match = sum(g.qualifier_matches(q, c) for q in qualifiers)
    admin = feat in ("admin1", "admin2")
    followed = admin and any_followed
    twin = admin and g.namesakes().city_twin(c)
    state_ctx = False
    if g.states and c.country_code and feat != "country":
        own = (c.country_code, normalize(c.name)) if feat == "admin1" else None
        mine = (c.country_code, normalize(c.admin1 or ""))
        state_ctx = mine in g.states or own in g.states
    n_near, nearest_km, within, median_km = g.anchor_summary(i)
    others = n_near > 0
    near = nearest_km if nearest_km is not None else NO_ANCHOR_KM
    top_feat = g.top_population(feat)
    median = median_km if median_km is not None else NO_ANCHOR_KM
    nearby, nearest, wide, region = g.support[i] if g.support else _NO_SUPPORT
    home_ratio, home_weight = g.home[i] if g.home else (0.0, 0.0)
    return [
        float(feat == "country"),
        float(feat == "continent"),
        float(feat in ("ocean", "sea")),
        float(physical and feat not in ("ocean", "sea")),
        float(feat == "admin1"),
        float(feat == "admin2"),
        float(feat == "city"),
        math.log10(c.population + 1),
        max(-3.0, math.log10((c.population + 1) / (top_feat + 1))),
        math.log2(1 + g.population_rank(c)),
        float(c.population >= g.top_population() and c.population > 0),
        float(c.population >= top_feat and c.population > 0),
        float(kind == 0),
        float(kind == 2),
        float(in_doc),
        g.countries[c.country_code] / total if in_doc else 0.0,
        anchor_share,
        float(q_match),
        float(len(qualifiers) - q_match),
        float(state_ctx),
        float(followed),
        float(twin),
        float(admin_word),
        float(admin_word and admin),
        float(physical and (loc_label or bool(words))),
        float(any(feat in TYPE_WORDS.get(w, ()) for w in words)),
        float(bool(others)),
        math.log10(near + 1),
        math.exp(-near / 400.0),
        log_cands,
        log_mentions,
        hand_score,
        within,
        math.log10(median + 1),
        nearby,
        math.log10(nearest + 1),
        wide,
        region,
        home_ratio,
        home_weight,
    ]


def _per_group(g: GroupContext) -> tuple:
    """The parts of the features that are the same for every candidate of a group."""
    ms = g.mentions
    return (g.countries.total() or 1, g.anchors.placed,
            {m.qualifier for m in ms if m.qualifier},
            any(ADMIN_WORDS.match(g.text[m.end: m.end + 20]) for m in ms),
            any(ADMIN_IN_NAME.search(m.text) for m in ms),
            {w.lower() for m in ms for w in FEATURE_WORDS.findall(m.text)},
            bool({m.label for m in ms} & {"LOC", "FAC"}),
            math.log2(len(g.candidates)), math.log2(len(ms)))


def support(cands: dict[str, Sequence[GazetteerEntry]]
            ) -> dict[str, list[tuple[float, float, float, float]]]:
    """For each name's candidates: the share of the document's other names that have a
    candidate within NEARBY_KM, the distance to the nearest candidate of another name, the share
    with a candidate within 300 km and the share with a candidate in the same first-level
    subdivision (places a story names together tend to lie together).

    Only pairs of candidates within 300 km are compared, found in a k-d tree over unit vectors
    (mapper.anchors), and the nearest other name's candidate among the nearest points (a few,
    or for a point whose few are all its own name's, one more than the name's candidates):
    linear in the names, not quadratic."""
    keys = [k for k, cs in cands.items() if cs]
    if len(keys) < 2:
        return {k: [_NO_SUPPORT] * len(cands[k]) for k in cands}
    lat = np.radians([c.lat for k in keys for c in cands[k]])
    lon = np.radians([c.lon for k in keys for c in cands[k]])
    sizes = [len(cands[k]) for k in keys]
    owner = np.repeat(np.arange(len(keys)), sizes)
    starts = [0, *np.cumsum(sizes)[:-1].tolist()]
    others = len(keys) - 1
    points = unit_vectors(lat, lon)
    tree = cKDTree(points)
    nearest = np.full(len(points), np.inf)
    todo = np.arange(len(points))
    for k in (min(NEAREST_FIRST, len(points)), min(max(sizes) + 1, len(points))):
        _, idx = tree.query(points[todo], k=k)
        idx = np.asarray(idx).reshape(len(todo), -1)
        d = haversine_pairs(lat[todo, None], lon[todo, None], lat[idx], lon[idx])
        d[owner[idx] == owner[todo, None]] = np.inf
        nearest[todo] = d.min(axis=1)
        todo = todo[np.isinf(nearest[todo])]
        if not todo.size:
            break
    # names with a candidate within 100 km and 300 km: candidate pairs closer than 300 km
    # (each pair found once, counted both ways: the distance is the same either way)
    chord = 2 * np.sin(WITHIN_KM / (2 * EARTH_KM)) * (1 + 1e-9) + 1e-12
    pairs = tree.query_pairs(chord, output_type="ndarray")
    keep = owner[pairs[:, 0]] != owner[pairs[:, 1]]
    i, j = pairs[keep, 0], pairs[keep, 1]
    dist = haversine_pairs(lat[i], lon[i], lat[j], lon[j])
    near_names = np.zeros(len(points))
    wide_names = np.zeros(len(points))
    for limit, out in ((NEARBY_KM, near_names), (WITHIN_KM, wide_names)):
        close = dist <= limit
        a, b = i[close], j[close]
        codes = np.concatenate((a * len(keys) + owner[b], b * len(keys) + owner[a]))
        out += np.bincount(_distinct(codes) // len(keys), minlength=len(out))
    region_of = [list(map(_region, cands[k])) for k in keys]
    regions = [{r for r in rs if r} for rs in region_of]
    named_in = Counter(r for rs in regions for r in rs)  # region -> names with one
    out: dict[str, list[tuple[float, float, float, float]]] = {k: [] for k in cands}
    near_share, wide_share = (near_names / others).tolist(), (wide_names / others).tolist()
    nearest_km = nearest.tolist()
    for gi, k in enumerate(keys):
        lo, hi = starts[gi], starts[gi] + sizes[gi]
        same = [(named_in[r] - (r in regions[gi])) / others if r else 0.0
                for r in region_of[gi]]
        out[k] = list(zip(near_share[lo:hi], nearest_km[lo:hi], wide_share[lo:hi], same))
    return out


def _distinct(codes: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array, sorted (``np.unique`` hashes them, many times
    slower than a sort on millions of values)."""
    codes = np.sort(codes)
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if codes.size else codes


def home_regions(cands: dict[str, Sequence[GazetteerEntry]]
                 ) -> dict[str, list[tuple[float, float]]]:
    """For each name's candidates, how strongly the document's other names point to the
    candidate's first-level subdivision (its home region, as a local story's places lie in its
    state): each other name gives its region(s) one vote, shared among the regions its
    candidates lie in (a name found in one state counts fully, "Springfield" little). Returns,
    per candidate, (votes for its region / votes for the best region, votes / other names)."""
    keys = [k for k, cs in cands.items() if cs]
    votes: dict[str, dict[str, float]] = {}
    total: dict[str, float] = {}
    for k in keys:
        regions = {r for r in map(_region, cands[k]) if r}
        if regions:
            share = 1.0 / len(regions)
            votes[k] = dict.fromkeys(regions, share)
            for r in regions:
                total[r] = total.get(r, 0.0) + share
    out: dict[str, list[tuple[float, float]]] = {}
    ranked = sorted(total.items(), key=lambda rv: -rv[1])  # best region: looked up, not scanned
    for k, cs in cands.items():
        mine = votes.get(k, {})
        others = len(votes) - (k in votes)
        if not cs or not others:
            out[k] = [(0.0, 0.0)] * len(cs)
            continue
        top = next((v for r, v in ranked if r not in mine), None)
        best = max([total[r] - v for r, v in mine.items()] + ([top] if top is not None else []),
                   default=0.0)
        row = []
        for r in map(_region, cs):
            v = total.get(r, 0.0) - mine.get(r, 0.0) if r else 0.0
            row.append((v / best if best > 0 else 0.0, v / others))
        out[k] = row
    return out


def _region(c: GazetteerEntry) -> str | None:
    """The (country, first-level subdivision) a candidate is or lies in."""
    name = c.name if c.feature == "admin1" else c.admin1
    return f"{c.country_code}/{normalize(name)}" if name and c.country_code else None


class Ranker:
    """A trained model over :data:`FEATURES`: ``scores(rows)``, higher is better."""

    def __init__(self, model: dict) -> None:
        names = tuple(model["features"])
        if names != FEATURES:
            raise ValueError("ranker model was trained on other features; rebuild it with "
                             "benchmarks/train_ranker.py")
        self.kind = model["kind"]
        if self.kind == "logistic":
            self.coef = np.array(model["coef"]) / np.array(model["scale"])
            self.intercept = model["intercept"] - float(self.coef @ np.array(model["mean"]))
        elif self.kind == "trees":
            self._compile(model)
        else:
            raise ValueError(f"unknown ranker model kind {self.kind!r}")

    def _compile(self, model: dict) -> None:
        """The trees as padded arrays (a leaf points to itself), evaluated level by level."""
        trees = model["trees"]
        width = max(len(t["left"]) for t in trees)
        shape = (len(trees), width)
        self.feature = np.zeros(shape, dtype=np.intp)
        self.threshold = np.zeros(shape)
        self.left = np.tile(np.arange(width), (len(trees), 1))
        self.right = self.left.copy()
        self.value = np.zeros(shape)
        for i, t in enumerate(trees):
            n = len(t["left"])
            inner = np.array(t["left"]) >= 0
            self.feature[i, :n] = np.where(inner, t["feature"], 0)
            self.threshold[i, :n] = t["threshold"]
            self.left[i, :n] = np.where(inner, t["left"], np.arange(n))
            self.right[i, :n] = np.where(inner, t["right"], np.arange(n))
            self.value[i, :n] = t["value"]
        self.depth = max(_depth(t) for t in trees)
        # Flat copies with absolute node numbers: one gather per level for all trees.
        offset = (np.arange(len(trees)) * width)[:, None]
        self.roots = offset[:, 0]
        self.flat_feature, self.flat_threshold = self.feature.ravel(), self.threshold.ravel()
        self.flat_left = (self.left + offset).ravel()
        self.flat_right = (self.right + offset).ravel()
        self.flat_value = self.value.ravel()
        self.nodes = self.flat_left.size
        self.flat_next = np.concatenate((self.flat_right, self.flat_left))
        self.init, self.rate = model["init"], model["learning_rate"]

    @classmethod
    def load(cls, name: str = MODEL) -> Ranker:
        """The model shipped as the package data file ``name``."""
        model = read_json(name)
        try:
            return cls(model)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise corrupt(name, exc) from exc

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each candidate's feature vector (log-odds of being the right one)."""
        x = np.asarray(rows, dtype=float)
        if self.kind == "logistic":
            return (x @ self.coef + self.intercept).tolist()
        # flat gathers (np.take) over the rows laid end to end; a node's next node is
        # flat_next[node] to the right, flat_next[node + nodes] to the left
        flat, base = x.ravel(), (np.arange(x.shape[0]) * x.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (x.shape[0], self.roots.size))
        for _ in range(self.depth):
            go_left = flat.take(base + self.flat_feature.take(node)) <= \
                self.flat_threshold.take(node)
            node = self.flat_next.take(node + go_left * self.nodes)
        return (self.init + self.rate * self.flat_value.take(node).sum(axis=1)).tolist()


def _depth(tree: dict, node: int = 0) -> int:
    if tree["left"][node] < 0:
        return 0
    return 1 + max(_depth(tree, tree["left"][node]), _depth(tree, tree["right"][node]))
