"""The resolver's anchors as running totals and the k-d tree support features (issue 13): the
same figures as comparing every candidate with every other, on the gazetteer's own candidates."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import mapper.anchors as anchors_mod
from mapper.anchors import Anchors, haversine_rad, state_of
from mapper.ranker import NEARBY_KM, support


@pytest.fixture(scope="module")
def cands(gazetteer) -> dict[str, list]:
    """Candidates of the 150 most populous city names (many shared by small towns)."""
    rows = gazetteer.db.execute(
        "SELECT name FROM entries WHERE feature = 'city' GROUP BY name "
        "ORDER BY MAX(population) DESC LIMIT 150")
    out = {}
    for (name,) in rows:
        cs = gazetteer.candidates(name, limit=40)
        if cs:
            out[name] = cs
    return out


def _brute_support(cands):
    """support() as it was: every candidate against every candidate of every other name."""
    keys = list(cands)
    out = {}
    for k in keys:
        rows = []
        for c in cands[k]:
            per_name = []
            for o in keys:
                if o == k:
                    continue
                d = haversine_rad(np.radians([c.lat]), np.radians([c.lon]),
                                  np.radians([x.lat for x in cands[o]]),
                                  np.radians([x.lon for x in cands[o]]))[0]
                per_name.append(d.min())
            per_name = np.array(per_name)
            rows.append(((per_name <= NEARBY_KM).mean(), per_name.min(),
                         (per_name <= 300.0).mean()))
        out[k] = rows
    return out


def test_support_matches_all_pairs(cands):
    some = dict(list(cands.items())[:60])
    fast, slow = support(some), _brute_support(some)
    assert sum(len(v) for v in fast.values()) > 200  # ambiguous names: many candidates
    for k in some:
        for (share, nearest, wide, _), (s_share, s_nearest, s_wide) in zip(fast[k], slow[k]):
            assert share == pytest.approx(s_share)
            assert nearest == pytest.approx(s_nearest, abs=1e-6)
            assert wide == pytest.approx(s_wide)


def test_support_looks_past_a_name_s_own_cluster(gazetteer, cands):
    """A name whose candidates crowd one small country (the towns of Luxembourg under one
    name): the nearest other name's candidate lies beyond the first points the tree gives,
    found by the second, wider look, as comparing every pair finds it."""
    keys = [k for (k,) in gazetteer.db.execute(
        "SELECT key FROM entries WHERE feature = 'city' AND cc = 'LU' "
        "ORDER BY population DESC LIMIT 30")]
    crowd = [gazetteer.by_key(k) for k in keys]
    some = {"crowd": crowd, **dict(list(cands.items())[:20])}
    fast, slow = support(some), _brute_support(some)
    for k in some:
        for (share, nearest, wide, _), (s_share, s_nearest, s_wide) in zip(fast[k], slow[k]):
            assert share == pytest.approx(s_share)
            assert nearest == pytest.approx(s_nearest, abs=1e-6)
            assert wide == pytest.approx(s_wide)
    assert min(n for _, n, _, _ in fast["crowd"]) > 100  # no other name's town in reach


def _picks(cands):
    """One pick per name: its most populous candidate."""
    return {k: max(cs, key=lambda c: c.population) for k, cs in cands.items()}


def _brute(picks, k, c):
    """Distances from ``c`` to every other name's pick that is no country and not ``c``."""
    return sorted(float(haversine_rad(np.radians([c.lat]), np.radians([c.lon]),
                                      np.radians([a.lat]), np.radians([a.lon]))[0, 0])
                  for kk, a in picks.items() if kk != k and a.feature != "country"
                  and a.key != c.key)


def test_view_totals_leave_out_own_pick(cands):
    picks = _picks(cands)
    anchors = Anchors([c for cs in cands.values() for c in cs])
    for k, e in picks.items():
        anchors.set(k, e)
    k = next(iter(picks))
    view = anchors.view(k)
    rest = [a for kk, a in picks.items() if kk != k]
    placed = [a for a in rest if a.feature != "country"]
    assert view.placed == len(placed)
    codes = Counter(a.country_code for a in placed)
    assert all(view.country_count(cc) == n for cc, n in codes.items())
    assert set(view.country_codes()) == {cc for cc in codes if cc}
    states = Counter(s for s in map(state_of, rest) if s)
    assert set(view.states) == set(states) and bool(view.states)
    assert sorted(e.key for e in view.entries()) == sorted(a.key for a in rest)
    # a changed pick moves the totals
    other = next(c for c in cands[k] if c.key != picks[k].key)
    anchors.set(k, other)
    assert anchors.view(next(iter(list(picks)[1:]))).placed == view.placed


def test_summaries_exact_and_capped(cands, monkeypatch):
    picks = _picks(cands)
    anchors = Anchors([c for cs in cands.values() for c in cs])
    for k, e in picks.items():
        anchors.set(k, e)
    anchors.start_round()
    k = list(picks)[3]
    cs = cands[k]
    exact = anchors.view(k).summaries(cs)
    for c, (n, near, within, median) in zip(cs, exact):
        d = _brute(picks, k, c)
        assert n == len(d) and near == pytest.approx(d[0], abs=1e-9)
        assert within == sum(x <= 300.0 for x in d) / len(d)
        assert median == pytest.approx(d[len(d) // 2], abs=1e-9)
    # above the cap: the same counts and nearest (k-d tree), the share and median estimated
    monkeypatch.setattr(anchors_mod, "EXACT_ANCHORS", 40)
    anchors.start_round()
    assert len(anchors.sample) <= 40
    view = anchors.view(k)
    assert not view.exact
    capped = [view.spread(c, row) for c, row in zip(cs, view.summaries(cs))]
    for (n, near, within, median), (n2, near2, within2, median2) in zip(exact, capped):
        assert (n2, near2) == (n, pytest.approx(near, abs=1e-9))
        assert abs(within2 - within) < 0.2
        assert 0.5 * median < median2 < 2 * median
    # the estimates are the sample's own figures, as haversine distances give them
    assert view.spreads(cs, view.summaries(cs)) == capped
    sample = view._sample()
    for c, (n, _, within, median) in zip(cs, capped):
        others = sample[sample != anchors.index.get(c.key, -1)]
        d = np.sort(haversine_rad(np.radians([c.lat]), np.radians([c.lon]),
                                  anchors.lat[others], anchors.lon[others])[0])
        assert n and within == np.count_nonzero(d <= 300.0) / len(d)
        assert median == pytest.approx(d[len(d) // 2], abs=1e-6)
