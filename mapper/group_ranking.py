"""The pick of each group of same-name mentions: the hand score's shortlist reranked by the
learned model, then the pick rules (mapper.pick_rules).

Groups ranked against one anchor view (the resolver's first round, where no pick moves the
anchors) share its numpy work: their anchor summaries, the spreads of their shortlists and the
model's scores are worked out in calls of CHUNK candidates, not one call per name. Every row of
those arrays is its own candidate's, so the figures are the same as group by group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mapper.anchors import AnchorView
from mapper.model import GazetteerEntry, Mention
from mapper.pick_rules import (
    FLOWN,
    QUALIFIED_BY,
    major_city_over_alias,
    major_city_when_flown,
    mostly_city,
    neighbour_of_no_chosen_place,
)
from mapper.ranker import FEATURES, GroupContext, Ranker, features

SHORTLIST = 10  # candidates the learned ranker sees, the hand score's best
# candidates per shared call: the matrices against the anchors (a row per candidate, a column
# per anchor of the sample, up to 500) stay a few megabytes
CHUNK = 512
_TYPED = FEATURES.index("type_word_match")
_FOLLOWED = FEATURES.index("admin_word_follows")

# A candidate's hand score: (candidate, group, distance to the nearest other anchor) -> score
HandScore = Callable[[GazetteerEntry, GroupContext, "float | None"], float]


@dataclass
class Ranked:
    """One ranked group, as recorded for training: its mentions, candidates and features."""

    key: str
    mentions: list[Mention]
    candidates: list[GazetteerEntry]
    features: list[list[float]]


def rank_groups(groups: Sequence[tuple[str, GroupContext]], hand_score: HandScore,
                ranker: Ranker | None, capitals: Callable[[], frozenset[str]],
                trace: list[Ranked] | None = None) -> list[GazetteerEntry]:
    """The pick of each group: the model's best of the hand score's shortlist after the pick
    rules, or the hand score's best without a model. ``trace`` (if given) receives each
    group's shortlist and features."""
    _summaries([g for _, g in groups])
    shortlists = []
    for _, g in groups:
        nearest = g.anchor_nearest_rows()
        hand = [hand_score(c, g, nearest[i][1]) for i, c in enumerate(g.candidates)]
        shortlists.append((hand, sorted(range(len(hand)), key=lambda i: -hand[i])[:SHORTLIST]))
    _spreads([(g, short) for (_, g), (_, short) in zip(groups, shortlists)])
    ranked: list[tuple[list[GazetteerEntry], list[list[float]]]] = []
    for (k, g), (hand, short) in zip(groups, shortlists):
        cs, rows = [g.candidates[i] for i in short], [features(i, g, hand[i]) for i in short]
        # A name whose type word fits some candidates ("Red Sea": a sea) is one of those.
        # A region that is mostly one city of its name (the city holds CITY_SHARE of its
        # people) is that city unless "Province", "Krai", ... follows the name; a region with
        # a smaller twin ("New York" state) stays for the model to weigh against the context.
        keep = [i for i, r in enumerate(rows) if r[_TYPED]] or \
            [i for i, r in enumerate(rows) if r[_FOLLOWED] or not mostly_city(cs[i], cs)]
        if keep and len(keep) < len(cs):
            cs, rows = [cs[i] for i in keep], [rows[i] for i in keep]
        if trace is not None:
            trace.append(Ranked(k, list(g.mentions), cs, rows))
        ranked.append((cs, rows))
    if ranker is None:
        return [g.candidates[max(range(len(hand)), key=hand.__getitem__)]
                for (_, g), (hand, _) in zip(groups, shortlists)]
    every = [r for _, rows in ranked for r in rows]
    scores = [v for lo in range(0, len(every), CHUNK) for v in ranker.scores(every[lo:lo + CHUNK])]
    picks, at = [], 0
    for (_, g), (cs, rows) in zip(groups, ranked):
        own = scores[at:at + len(cs)]
        at += len(cs)
        picks.append(_checked(cs, rows, max(range(len(cs)), key=own.__getitem__), g,
                              capitals))
    return picks


def _checked(cs: list[GazetteerEntry], rows: list[list[float]], best: int, g: GroupContext,
             capitals: Callable[[], frozenset[str]]) -> GazetteerEntry:
    """The model's pick after three checks of what it cannot see: a town chosen only for an
    unchosen neighbour, a pick matched only by an alternate name, a place flown to."""
    qualified = rows[best][QUALIFIED_BY] > 0
    best = neighbour_of_no_chosen_place(cs, rows, best)
    pick = major_city_over_alias(cs, best, g.kinds, qualified)
    if not qualified and any(FLOWN.search(g.text[max(0, m.start - 60):m.start])
                             for m in g.mentions):
        pick = major_city_when_flown(cs, pick, g.kinds, capitals())
    return pick


def _by_view(groups: Sequence[GroupContext]) -> dict[int, tuple[AnchorView, list[int]]]:
    """The groups' positions by the anchor view they are ranked against."""
    out: dict[int, tuple[AnchorView, list[int]]] = {}
    for n, g in enumerate(groups):
        out.setdefault(id(g.anchors), (g.anchors, []))[1].append(n)
    return out


def _summaries(groups: Sequence[GroupContext]) -> None:
    """Every group's anchor summaries (GroupContext.anchor_nearest_rows), one call per view
    and about CHUNK candidates."""
    for view, members in _by_view(groups).values():
        parts: list[list[GroupContext]] = [[]]
        size = 0
        for g in (groups[n] for n in members if not groups[n].has_nearest_rows):
            if parts[-1] and size + len(g.candidates) > CHUNK:
                parts.append([])
                size = 0
            parts[-1].append(g)
            size += len(g.candidates)
        for part in parts:
            rows = view.summaries([c for g in part for c in g.candidates])
            at = 0
            for g in part:
                g.set_nearest_rows(rows[at:at + len(g.candidates)])
                at += len(g.candidates)


def _spreads(shortlists: Sequence[tuple[GroupContext, Sequence[int]]]) -> None:
    """The share within 300 km and the median of every group's shortlist (AnchorView.spreads),
    one call per view and CHUNK candidates."""
    groups = [g for g, _ in shortlists]
    for view, members in _by_view(groups).values():
        todo = [(g, i) for g, short in (shortlists[n] for n in members)
                for i in g.spreads_needed(short)]
        for lo in range(0, len(todo), CHUNK):
            part = todo[lo:lo + CHUNK]
            done = view.spreads([g.candidates[i] for g, i in part],
                                [g.anchor_nearest_rows()[i] for g, i in part])
            for (g, i), row in zip(part, done):
                g.set_spread(i, row)
