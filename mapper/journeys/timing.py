"""Time: the date of an event from the time expressions attached to it, and the order of
events in time (not in order of mention)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

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
        for ent in reversed(previous.ents):
            if ent.label_ in ("DATE", "TIME"):
                found = resolve_date(ctx, ent.text, tense, ent.label_)
                if found:
                    return found
    return None


def resolve_date(ctx: Context, text: str, tense: str, label: str = "DATE") -> str | None:
    """A DATE entity's date; NER spans can carry extra words ("March 29 after days"). A TIME
    entity dates only by a day it names ("this morning", "1am on Wednesday"), not by its
    figures ("at 8.30 am", "a 6.5-hour flight")."""
    if label == "DATE":
        found = dates.resolve_when(text, ctx.article.published, tense)
        if found:
            return found
    for expr, _, _ in dates.find_when(text):
        found = dates.resolve_when(expr, ctx.article.published, tense)
        if found:
            return found
    return None


def attached_date(ctx: Context, verb, sent, tense: str) -> str | None:
    """The resolved date of the first DATE (or TIME naming a day) of the sentence in the
    verb's own clause, or None. An entity the tagger cut short is read with the words that
    modify it ("early Monday morning" tagged "morning"); "the next day" and "two days
    later" count from the day told before."""
    for ent in owned_times(verb, sent):
        for text in dict.fromkeys((ent.text, _phrase(ent))):
            later = _LATER.search(text)
            if later:
                before = day_told_before(ctx, ent.start_char)
                if before:
                    return _add_days(before, later)
            resolved = resolve_date(ctx, text, tense, ent.label_)
            if resolved:
                return resolved
    return None


def time_of_day(verb, sent) -> bool:
    """Whether the verb's own clause gives a time of day but no day ("touched down at 2.35
    pm", "flew in early in the morning")."""
    return any(ent.label_ == "TIME" and not dates.find_when(_phrase(ent)) and
               not _LATER.search(_phrase(ent)) for ent in owned_times(verb, sent))


_LATER = re.compile(
    r"(?i)\b(?:the\s+(?P<next>next|following)\s+(?P<unit1>day|morning|afternoon|evening|"
    r"night|week)|(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?P<unit2>days?|weeks?)\s+later)\b")


def _add_days(day: str, later: re.Match) -> str | None:
    """``day`` moved on by what a "the next day" / "two weeks later" match says."""
    if later.group("next"):
        n = 7 if later.group("unit1") == "week" else 1
    else:
        n = dates.NUMBER_WORDS.get(later.group("n").lower()) or (
            int(later.group("n")) if later.group("n").isdigit() else 0)
        n *= 7 if later.group("unit2").startswith("week") else 1
    if not n:
        return None
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


def _phrase(ent) -> str:
    """The entity with the words of its head's phrase (a short one) around it."""
    sub = list(ent.root.subtree)
    if len(sub) > 8:
        return ent.text
    start = min(sub[0].i, ent.start)
    end = max(sub[-1].i + 1, ent.end)
    return ent.doc[start:end].text


def owned_times(verb, sent):
    """The DATE and TIME entities of the sentence that belong to the verb's own clause."""
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
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
        if owner is not None:
            yield ent


def fill_dates(ctx: Context, evs: list[Event]) -> None:
    """Dates for a mover's undated events that the article gives elsewhere: another mention
    of the same arrival ("arrives in X" in the headline, "arrived in X on Tuesday" in the
    body), and the day the story is telling for a time of day with no day ("touched down at
    2.35 pm")."""
    for ev in evs:
        if ev.date or ev.extra.get("apart") or ev.extra.get("pluperfect") or \
                ev.extra.get("return"):
            continue
        if ev.role == "dest":
            same = [o for o in evs if o.date and o.role == "dest" and
                    o.place.id == ev.place.id and not o.extra.get("apart") and
                    not o.extra.get("pluperfect") and not o.extra.get("return") and
                    bool(o.extra.get("future")) == bool(ev.extra.get("future"))]
            if same:
                ev.date = min(same, key=lambda o: ("/" in o.date, o.position)).date
                continue
        if ev.extra.get("time_of_day") and not ev.extra.get("future"):
            ev.date = day_told_before(ctx, ev.position)
            continue
        before = [o for o in evs if o.position < ev.position and not o.extra.get("apart")]
        last = max(before, key=lambda o: o.position, default=None)
        if last is not None and last.date and "/" not in last.date and \
                not ev.extra.get("earlier") and last.evidence != ev.evidence and \
                bool(last.extra.get("future")) == bool(ev.extra.get("future")) and \
                _sentence_of(ctx, ev.position) - _sentence_of(ctx, last.position) == 1:
            ev.date = last.date  # "landed in X on Tuesday. ... then flew on from X to Y"


def _sentence_of(ctx: Context, position: int) -> int:
    """The index of the sentence holding a character position."""
    starts = [sent.start_char for sent in ctx.doc.sents]
    return bisect_right(starts, position) - 1


def day_told_before(ctx: Context, position: int) -> str | None:
    """The day of the nearest date told before ``position`` that is one past day (not a
    plan's), else the publication date: the day a story is telling."""
    published = ctx.article.published
    for sent in reversed([s for s in ctx.doc.sents if s.start_char < position]):
        for ent in reversed(sent.ents):
            if ent.start_char >= position or ent.label_ not in ("DATE", "TIME"):
                continue
            found = resolve_date(ctx, ent.text, "past", ent.label_)
            if found and "/" not in found and (
                    published is None or found <= published.isoformat()):
                return found
    return published.isoformat() if published else None


def time_orders(ctx: Context, evs: list[Event]) -> list[float]:
    """``time_order`` of every event of one mover, each (event, depth) worked out once: the
    rules look back at other events recursively, which without the memo grew exponentially
    with the events of a sentence."""
    memo: dict[tuple[int, int], float] = {}
    return [time_order(ctx, ev, evs, 0, memo) for ev in evs]


def time_order(ctx: Context, ev: Event, evs: list[Event], depth: int = 0,
               memo: dict[tuple[int, int], float] | None = None) -> float:
    """A sortable time. An event's own date first; else the time of an earlier event of the
    same mover in the same sentence ("crossed ... and passed through"), else of the last
    dated event before it in the text with the same tense; else what its tense implies:
    an undated past event in the lede stands at publication, a past-perfect one well
    before, a future one after. A journey's start comes first, a return last."""
    key = (id(ev), depth)
    if memo is not None and key in memo:
        return memo[key]
    base = ctx.base
    eps = ev.position * POSITION_STEP
    floor = None
    after_start = False  # told after another start of its sentence, already set back
    if ev.extra.get("start"):
        t = base - 100.0
    elif ev.date:
        start, _, end = ev.date.partition("/")
        a = date.fromisoformat(start).toordinal()
        b = date.fromisoformat(end).toordinal() if end else a
        t = (a + b) / 2 + (0.25 if ev.extra.get("future") else 0.0)  # a plan after the day's news
        if ev.extra.get("goal") and b < base:
            t = max(t, base + 0.5)  # "set off from X on the 3rd for Y": not there yet
    else:
        # another occasion ("who last visited X in 2013") times nothing of this trip
        kin = [o for o in evs if o is not ev and
               bool(o.extra.get("apart")) == bool(ev.extra.get("apart"))]
        same = sorted((o for o in kin if o.evidence == ev.evidence
                       and _told_before(o, ev)
                       and not o.extra.get("earlier")
                       and not (o.extra.get("pluperfect") and not ev.extra.get("pluperfect"))
                       and not (o.extra.get("later") and not ev.extra.get("later"))
                       and not (o.extra.get("future") and not ev.extra.get("future"))),
                      key=lambda o: (o.span[0], o.position))
        # "travelled through X before reaching Y in 2016": X just before Y's date
        following = [o for o in kin if o.evidence == ev.evidence and o.date
                     and not o.extra.get("earlier")
                     and (o.extra.get("later") or o.span[0] > ev.span[0])
                     and o.extra.get("future") == ev.extra.get("future")]
        prior = [o for o in kin if o.date and "/" not in o.date
                 and o.span[0] < ev.span[0]
                 and o.extra.get("future") == ev.extra.get("future")]
        dated_past = [o for o in kin if o.date and not o.extra.get("future")]
        if ev.extra.get("pluperfect"):
            same = [o for o in same if o.extra.get("pluperfect")]
        if same and depth < 5:  # a plan said beside a past stop comes after it
            later = ev.extra.get("future") and not same[-1].extra.get("future")
            # after the latest of them ("who had arrived in X from Y, travelled to Z")
            t = max(time_order(ctx, o, evs, depth + 1, memo) for o in same) + (
                0.5 if later else SENTENCE_STEP)
            eps = 0.0  # the earlier event's order holds the sentence's place already
            # "walked out of X's jail and flew out of Z": Z after X, not set back again
            after_start = all(o.role == "origin" for o in same)
        elif ev.extra.get("en_route") and goal_before(ev, kin) and depth < 5:
            t = time_order(ctx, goal_before(ev, kin), evs, depth + 1, memo) - 0.05
        elif following and not ev.extra.get("later") and depth < 5:
            t = time_order(ctx, following[0], evs, depth + 1, memo) - 0.05
        elif ev.extra.get("pluperfect"):
            earliest = min((time_order(ctx, o, evs, depth + 1, memo) for o in dated_past),
                           default=base)
            t = min(earliest, base) - 1.0
        elif prior and depth < 5:
            t = time_order(ctx, prior[-1], evs, depth + 1, memo) + 0.01
            if prior[-1].evidence != ev.evidence:
                floor = t  # a start told after a dated arrival comes after it
        elif not ev.extra.get("future"):
            t = base + 0.4
        else:  # undated plans and guesses in the order the text gives them
            t = base + 1.0
    if ev.role == "origin" and not after_start:
        t -= 0.1
        if floor is not None:
            t = max(t, floor - 0.01 + SENTENCE_STEP)
    if ev.extra.get("return"):
        t += 0.5
    if ev.extra.get("earlier"):  # not before a departure ("left X and, after calls")
        main = [o for o in evs if o is not ev and o.evidence == ev.evidence
                and not o.extra.get("earlier") and not o.extra.get("apart")
                and o.role != "origin"]
        if main and depth < 5:
            t = min(t, min(time_order(ctx, o, evs, depth + 1, memo) for o in main) - 0.05)
            # "who left X, arrived in Z after crossing Y": Y after the sentence's start
            starts = [o for o in evs if o.evidence == ev.evidence and o.role == "origin"
                      and not o.extra.get("apart") and o is not ev]
            if starts and ev.role != "origin":
                t = max(t, max(time_order(ctx, o, evs, depth + 1, memo) for o in starts) +
                        SENTENCE_STEP / 2)
    if ev.extra.get("later") and not ev.date:
        # "Before arriving in X, he stopped in Y": X after what the sentence tells first
        main = [o for o in evs if o is not ev and o.evidence == ev.evidence
                and not o.extra.get("later") and not o.extra.get("earlier")
                and not o.extra.get("apart")]
        if main and depth < 5:
            t = max(t, max(time_order(ctx, o, evs, depth + 1, memo) for o in main) + 0.05)
    t += eps
    if memo is not None:
        memo[key] = t
    return t


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
