"""Time: the date of an event from the time expressions attached to it, and the order of
events in time (not in order of mention)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from mapper import dates
from mapper.journeys.context import Context
from mapper.journeys.values import Event
from mapper.journeys.words import (
    MOTION_VERBS,
    POSITION_STEP,
    REPORT_VERBS,
    ROLE_RANK,
    SENTENCE_STEP,
)
from mapper.nlp import span_ents


def event_date(ctx: Context, verb, sent, tense: str) -> str | None:
    """The date of the time expression attached to the verb (not to another verb); for a
    subordinate clause ("shortly after entering ...") the governing clause's; after
    "then", the previous sentence's."""
    own = attached_date(ctx, verb, sent, tense)
    if own:
        return own
    if verb.dep_ in ("advcl", "pcomp") or verb.head.dep_ == "prep" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if head.pos_ in ("VERB", "AUX"):
            found = attached_date(ctx, head, sent, tense)
            if found:
                return found
    if any(c.lower_ == "then" for c in verb.children) and sent.start > 0:
        previous = ctx.doc[sent.start - 1].sent
        for ent in reversed(span_ents(previous)):
            if ent.label_ == "DATE":
                found = resolve_date(ctx, ent.text, tense)
                if found:
                    return found
    return None


def resolve_date(ctx: Context, text: str, tense: str) -> str | None:
    """A DATE entity's date; NER spans can carry extra words ("March 29 after days")."""
    found = dates.resolve_when(text, ctx.article.published, tense)
    if found:
        return found
    for expr, _, _ in dates.find_when(text):
        found = dates.resolve_when(expr, ctx.article.published, tense)
        if found:
            return found
    return None


def attached_date(ctx: Context, verb, sent, tense: str) -> str | None:
    """The resolved date of the first DATE of the sentence in the verb's own clause, or None."""
    for ent in span_ents(sent):
        if ent.label_ != "DATE":
            continue
        owner = None
        for anc in [ent.root, *ent.root.ancestors]:
            if anc == verb:
                owner = verb
                break
            finite = any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children) or \
                anc.dep_ in ("relcl", "acl")
            if anc.pos_ in ("VERB", "AUX") and anc != ent.root and (
                    finite or anc.lemma_.lower() in MOTION_VERBS | REPORT_VERBS):
                break  # the date belongs to another clause
            if anc.dep_ == "prep" and anc.lower_ == "since":
                break  # "his first visit since 2019": a time before, not the visit's
        if owner is None:
            continue
        resolved = resolve_date(ctx, ent.text, tense)
        if resolved:
            return resolved
    return None


class _Events:
    """The events of one mover indexed for ``time_order``: each sentence's events, the dated
    ones by text position, and the times already worked out (so ordering n events costs
    about n sentence-sized steps, not an n-fold scan of all events per event)."""

    def __init__(self, evs: list[Event]) -> None:
        self.evs = evs
        self.memo: dict[tuple[int, int], float] = {}
        self.earliest_past: dict[tuple[bool, int], float] = {}
        self.by_evidence: dict[str, list[Event]] = {}
        for o in evs:
            self.by_evidence.setdefault(o.evidence, []).append(o)
        # "prior": per (apart, future), the events with one date, by start, with the
        # greatest list index among those starting before each (the last told, in list order)
        self._prior: dict[tuple[bool, object], tuple[list[int], list[int]]] = {}
        rows: dict[tuple[bool, object], list[tuple[int, int]]] = {}
        for i, o in enumerate(evs):
            if o.date and "/" not in o.date:
                rows.setdefault((bool(o.extra.get("apart")), o.extra.get("future")), []).append(
                    (o.span[0], i))
        for key, found in rows.items():
            found.sort()
            best, latest = -1, []
            for _, i in found:
                best = max(best, i)
                latest.append(best)
            self._prior[key] = ([start for start, _ in found], latest)

    def kin(self, ev: Event) -> list[Event]:
        """The other events of the same occasion (apart or not), in list order."""
        apart = bool(ev.extra.get("apart"))
        return [o for o in self.evs if o is not ev and bool(o.extra.get("apart")) == apart]

    def sentence(self, ev: Event) -> list[Event]:
        """The events told in the same sentence as ``ev`` (itself included), in list order."""
        return self.by_evidence.get(ev.evidence, [])

    def prior(self, ev: Event) -> Event | None:
        """The last event (in list order) of the same occasion and tense with one date that
        starts before ``ev``."""
        starts, latest = self._prior.get(
            (bool(ev.extra.get("apart")), ev.extra.get("future")), ((), ()))
        k = bisect_left(starts, ev.span[0])
        return self.evs[latest[k - 1]] if k else None


def time_order(ctx: Context, ev: Event, evs: list[Event], depth: int = 0) -> float:
    """A sortable time. An event's own date first; else the time of an earlier event of the
    same mover in the same sentence ("crossed ... and passed through"), else of the last
    dated event before it in the text with the same tense; else what its tense implies:
    an undated past event in the lede stands at publication, a past-perfect one well
    before, a future one after. A journey's start comes first, a return last."""
    return _order(ctx, ev, _Events(evs), depth)


def time_orders(ctx: Context, evs: list[Event]) -> list[float]:
    """``time_order`` of each of ``evs``, sharing one index and the times worked out."""
    index = _Events(evs)
    return [_order(ctx, ev, index, 0) for ev in evs]


def _order(ctx: Context, ev: Event, ix: _Events, depth: int) -> float:
    """``time_order`` over the indexed events, each (event, depth) worked out once."""
    key = (id(ev), depth)
    found = ix.memo.get(key)
    if found is None:
        found = ix.memo[key] = _time_order(ctx, ev, ix, depth)
    return found


def _time_order(ctx: Context, ev: Event, ix: _Events, depth: int) -> float:
    """The rules of ``time_order``."""
    base = ctx.base
    eps = ev.position * POSITION_STEP
    if ev.extra.get("start"):
        t = base - 100.0
    elif ev.date:
        start, _, end = ev.date.partition("/")
        a = date.fromisoformat(start).toordinal()
        b = date.fromisoformat(end).toordinal() if end else a
        t = (a + b) / 2
    else:
        # another occasion ("who last visited X in 2013") times nothing of this trip
        apart = bool(ev.extra.get("apart"))
        told = [o for o in ix.sentence(ev) if o is not ev and
                bool(o.extra.get("apart")) == apart]  # kin told in the same sentence
        same = sorted((o for o in told if _told_before(o, ev)
                       and not o.extra.get("earlier")
                       and not (o.extra.get("pluperfect") and not ev.extra.get("pluperfect"))
                       and not (o.extra.get("later") and not ev.extra.get("later"))
                       and not (o.extra.get("future") and not ev.extra.get("future"))),
                      key=lambda o: (o.span[0], o.position))
        # "travelled through X before reaching Y in 2016": X just before Y's date
        following = [o for o in told if o.date
                     and not o.extra.get("earlier")
                     and (o.extra.get("later") or o.span[0] > ev.span[0])
                     and o.extra.get("future") == ev.extra.get("future")]
        if ev.extra.get("pluperfect"):
            same = [o for o in same if o.extra.get("pluperfect")]
        goal = None if same and depth < 5 or not ev.extra.get("en_route") or depth >= 5 \
            else goal_before(ev, ix.kin(ev))
        if same and depth < 5:  # a plan said beside a past stop comes after it
            later = ev.extra.get("future") and not same[-1].extra.get("future")
            # after the latest of them ("who had arrived in X from Y, travelled to Z")
            t = max(_order(ctx, o, ix, depth + 1) for o in same) + (
                0.5 if later else SENTENCE_STEP)
            eps = 0.0  # the earlier event's order holds the sentence's place already
        elif goal:
            t = _order(ctx, goal, ix, depth + 1) - 0.05
        elif following and not ev.extra.get("later") and depth < 5:
            t = _order(ctx, following[0], ix, depth + 1) - 0.05
        elif ev.extra.get("pluperfect"):
            t = min(_earliest_past(ctx, ev, ix, depth + 1), base) - 1.0
        elif depth < 5 and (prior := ix.prior(ev)) is not None:
            t = _order(ctx, prior, ix, depth + 1) + 0.01
        elif not ev.extra.get("future"):
            t = base + 0.4
        else:  # undated plans and guesses in the order the text gives them
            t = base + 1.0
    if ev.role == "origin":
        t -= 0.1
    if ev.extra.get("return"):
        t += 0.5
    if ev.extra.get("earlier"):  # not before a departure ("left X and, after calls")
        main = [o for o in ix.sentence(ev) if o is not ev
                and not o.extra.get("earlier") and not o.extra.get("apart")
                and o.role != "origin"]
        if main and depth < 5:
            t = min(t, min(_order(ctx, o, ix, depth + 1) for o in main) - 0.05)
            # "who left X, arrived in Z after crossing Y": Y after the sentence's start
            starts = [o for o in ix.sentence(ev) if o.role == "origin"
                      and not o.extra.get("apart") and o is not ev]
            if starts and ev.role != "origin":
                t = max(t, max(_order(ctx, o, ix, depth + 1) for o in starts) +
                        SENTENCE_STEP / 2)
    if ev.extra.get("later") and not ev.date:
        # "Before arriving in X, he stopped in Y": X after what the sentence tells first
        main = [o for o in ix.sentence(ev) if o is not ev
                and not o.extra.get("later") and not o.extra.get("earlier")
                and not o.extra.get("apart")]
        if main and depth < 5:
            t = max(t, max(_order(ctx, o, ix, depth + 1) for o in main) + 0.05)
    return t + eps


def _earliest_past(ctx: Context, ev: Event, ix: _Events, depth: int) -> float:
    """The earliest time of the dated past events of ``ev``'s occasion (``ctx.base`` if none)."""
    apart = bool(ev.extra.get("apart"))
    key = (apart, depth)
    if key not in ix.earliest_past:
        ix.earliest_past[key] = min(
            (_order(ctx, o, ix, depth) for o in ix.evs if o is not ev
             and bool(o.extra.get("apart")) == apart and o.date and not o.extra.get("future")),
            default=ctx.base)
    return ix.earliest_past[key]


def goal_before(ev: Event, kin: list[Event]) -> Event | None:
    """The destination an earlier sentence gave the trip a stop "along the way" was on."""
    return next((o for o in reversed(kin) if o.role == "dest" and o.evidence != ev.evidence
                 and o.span[0] < ev.span[0] and not o.extra.get("en_route")), None)


def _told_before(a: Event, b: Event) -> bool:
    """Whether event ``a`` comes before ``b`` of the same sentence: in the text's order, but
    for one verb the start, then the places passed, then the end ("heading for X via Y")."""
    if a.position == b.position and ROLE_RANK.get(a.role) != ROLE_RANK.get(b.role):
        return ROLE_RANK.get(a.role, 2) < ROLE_RANK.get(b.role, 2)
    return (a.span[0], a.position) < (b.span[0], b.position)
