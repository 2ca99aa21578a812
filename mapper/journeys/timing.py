"""Time: the date of an event from the time expressions attached to it, and the order of
events in time (not in order of mention)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
from mapper.nlp import doc_sents, span_ents


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
            if head.tag_ == "VBD" or head.tag_ == "VBN" and any(
                    c.lower_ in ("had", "has", "have") for c in head.children):
                tense = "past"  # "sailed on Friday, due to dock in X after ...": the sailing's
            found = attached_date(ctx, head, sent, tense)
            if found:
                return found
    then = any(c.lower_ == "then" for c in verb.children)
    if (then or verb.i and verb.doc[verb.i - 1].lower_ == "then") and \
            verb.dep_ in ("conj", "dep") and verb.head.pos_ in ("VERB", "AUX"):
        found = attached_date(ctx, verb.head, sent, tense)
        if found and "/" not in found:
            return found  # "flew to X on Monday, then drove to Y": that Monday
    if then and sent.start > 0:
        previous = ctx.doc[sent.start - 1].sent
        for ent in reversed(span_ents(previous)):
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
                before = day_told_before(ctx, ent.start_char, tense)
                if before:
                    return _add_days(before, later)
            resolved = resolve_date(ctx, text, tense, ent.label_)
            if resolved:
                return resolved
    for child in verb.children:  # "The following day, she will ..." untagged
        if child.dep_ in ("npadvmod", "tmod") and not child.ent_type_:
            later = _LATER.search(" ".join(t.text for t in child.subtree))
            before = day_told_before(ctx, child.idx, tense) if later else None
            if before:
                return _add_days(before, later)
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
    for ent in span_ents(sent):
        if ent.label_ not in ("DATE", "TIME") or ent.root.dep_ == "npadvmod" and (
                ent.root.head.lower_ == "into" or any(
                c.dep_ == "prep" and c.lower_ == "into" for c in ent.root.children)):
            continue  # "several days into the trek": time elapsed, not a day
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
        if ent.text.isdigit() and any(t.lemma_.lower() == "anniversary" for t in sent):
            continue  # "coincides with the 25th anniversary of X in 1999": X's year
        near = _motion_just_before(ent)
        if owner is not None and (near is None or near == verb or not verb.is_ancestor(near)):
            yield ent
        elif owner is None and near == verb and any(
                anc.is_ancestor(verb) for anc in ent.root.ancestors):
            yield ent


def _motion_just_before(ent):
    """The movement verb whose phrase ends just before a time entity, which the parser may
    have hung on a verb higher up ("heading for X, where ..., before moving on to Y, from
    May 3 to 5": Y's days, not X's); None if the nearest verb is no movement's."""
    i = ent.start - 1
    if i >= 0 and ent.doc[i] == ent.root.head and ent.doc[i].dep_ == "prep":
        i -= 1  # "from" of "from May 3 to 5"
    while i >= 0 and ent.doc[i].is_punct:
        i -= 1
    if i < 0 or ent.doc[i].sent != ent.sent:
        return None
    for anc in [ent.doc[i], *ent.doc[i].ancestors]:
        if anc.pos_ == "VERB":
            return anc if anc.lemma_.lower() in MOTION_VERBS else None
    return None


def fill_dates(ctx: Context, evs: list[Event]) -> None:
    """Dates for a mover's undated events that the article gives elsewhere: another mention
    of the same arrival ("arrives in X" in the headline, "arrived in X on Tuesday" in the
    body), and the day the story is telling for a time of day with no day ("touched down at
    2.35 pm")."""
    at: dict[str, list[Event]] = {}  # the arrivals at each place, looked up, not scanned
    for o in evs:
        if o.role == "dest":
            at.setdefault(o.place.id, []).append(o)
    # the events of this trip by position (first in ``evs`` among equals), for "the last before"
    trip = sorted((o for o in evs if not o.extra.get("apart")), key=lambda o: o.position)
    positions = [o.position for o in trip]
    dated = any(o.date for o in evs)  # kept up to date below, not rescanned per event
    for ev in evs:
        if ev.date or ev.extra.get("apart") or ev.extra.get("pluperfect") or \
                ev.extra.get("return"):
            continue
        if ev.role == "dest":
            same = [o for o in at[ev.place.id] if o.date and not o.extra.get("apart") and
                    not o.extra.get("pluperfect") and not o.extra.get("return") and
                    bool(o.extra.get("future")) == bool(ev.extra.get("future"))]
            if same:
                first = min(same, key=lambda o: ("/" in o.date, o.position))
                ev.date = first.date
                ev.extra["story_day"] = bool(first.extra.get("story_day"))
                continue
        if ev.extra.get("time_of_day"):
            # "touched down at 2.35 pm"; a plan's "will depart about 9pm", "was due to
            # arrive at 06:30": the day the story is telling
            ev.date = day_told_before(ctx, ev.position)
            if ev.date:
                ev.date = past_midnight(ctx, ev.date, ev.position) or ev.date
            ev.extra["story_day"] = bool(ev.extra.get("future"))
            dated = dated or bool(ev.date)
            continue
        if ev.extra.get("headline") and not ev.extra.get("future") and \
                ctx.article.published:
            ev.date = ctx.article.published.isoformat()  # "X arrives in Y": today's news
            ev.extra["story_day"] = True
            dated = True
            continue
        k = bisect_left(positions, ev.position)
        last = trip[bisect_left(positions, positions[k - 1])] if k else None
        if not dated and ev.role == "dest" and \
                ev.status in ("confirmed", "reported") and not ev.extra.get("future") and \
                not ev.extra.get("earlier"):
            day = day_told_before(ctx, ev.position)
            if day and news_day(ctx, day):
                # a mover the text dates nowhere: the day the story is telling ("was
                # rerouted on Tuesday ... said after the plane touched down in X")
                ev.date = day
                ev.extra["story_day"] = True
                dated = True
            continue
        day = _moved_on_day(ctx, ev, trip[:k])
        if day:
            # "was being taken to X on Wednesday night ... Police spotted the car early
            # Thursday morning ... was caught in Y": the day the story has moved on to
            ev.date = day
            ev.extra["story_day"] = True
            continue
        if last is None or not last.date or "/" in last.date or \
                ev.extra.get("earlier") or (last.evidence == ev.evidence and not (
                    last.extra.get("story_day") or last.extra.get("carried"))) or \
                bool(last.extra.get("future")) != bool(ev.extra.get("future")):
            continue
        if _sentence_of(ctx, ev.position) - _sentence_of(ctx, last.position) == 1:
            ev.date = last.date  # "landed in X on Tuesday. ... then flew on from X to Y"
            ev.extra["story_day"] = bool(last.extra.get("story_day"))
            ev.extra["carried"] = True  # the sentence names no day: its other events too
        elif news_day(ctx, last.date) and \
                not _dates_between(ctx, last.position, ev.position, last.date):
            # a story of the day's news goes on with the same day until it names another
            # (not one of years ago: "married in 1958 ... They moved to X"); the event's
            # place in time stays the text's
            ev.date = last.date
            ev.extra["story_day"] = True


def news_day(ctx: Context, day: str) -> bool:
    """Whether a day is within a week of publication (the news the article reports)."""
    published = ctx.article.published
    return published is not None and \
        abs(date.fromisoformat(day).toordinal() - published.toordinal()) <= NEWS_DAYS


NEWS_DAYS = 7


def _dates_between(ctx: Context, start: int, end: int, day: str) -> bool:
    """Whether a date other than ``day`` ("Tuesday", "last week", "in 2019") is named
    between the sentence holding ``start`` and the one holding ``end``, both included
    (after ``start`` itself)."""
    first, last = _sentence_of(ctx, start), _sentence_of(ctx, end)
    sents = _sentences(ctx)[0][first:last + 1]
    return any(ent.label_ == "DATE" and ent.start_char > start and
               resolve_date(ctx, ent.text, "past") not in (None, day)
               for sent in sents for ent in span_ents(sent))


def _moved_on_day(ctx: Context, ev: Event, before: list[Event]) -> str | None:
    """For an undated arrival told in the past, the day named last between the mover's last
    dated event and it, if that is a later day of the week's news (a story going on in time);
    else None."""
    if ev.role != "dest" or ev.status not in ("confirmed", "reported") or \
            ev.extra.get("future") or ev.extra.get("earlier"):
        return None
    prev = next((o for o in reversed(before) if o.date and "/" not in o.date), None)
    if prev is None or not news_day(ctx, prev.date):
        return None
    day = _day_named_between(ctx, prev.position, ev.position)
    if day in (None, prev.date):  # "took off Sunday night ... at 4:14 a.m. ... was 90 miles off X"
        day = past_midnight(ctx, prev.date, ev.position)
    return day if day and day > prev.date and news_day(ctx, day) else None


_NIGHT = re.compile(r"(?i)\b(?:night|evening|\d{1,2}(?:[:.]\d\d)?\s*p\.?\s?m\b)")
_SMALL_HOURS = re.compile(r"(?i)\b(?:[1-9]|1[01])(?:[:.][0-5]\d)?\s*a\.?\s?m\b")


def past_midnight(ctx: Context, day: str, position: int) -> str | None:
    """The day after ``day`` if the story, from the night of that day it names ("took off
    Sunday night", "the evening of May 3"), has come to a clock time of the small hours or
    morning ("at 4:14 a.m.") by the end of the sentence holding ``position``, naming no other
    day between; or to a morning time after an evening one told since that day ("on May 3
    ... left at 11 p.m. and landed at 5 a.m."); else None."""
    sents, _ = _sentences(ctx)
    k = _sentence_of(ctx, position)
    # the event's own clock time: the first told after it (later ones are later events')
    own = min((e.start_char for e in span_ents(sents[k]) if e.label_ in ("DATE", "TIME")
               and e.start_char >= position), default=sents[k].end_char)
    morning = early = night = False  # a morning time (up to the event's own); an evening
    for sent in reversed(sents[:k + 1]):  # one told before that
        for ent in reversed(span_ents(sent)):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            found = resolve_date(ctx, ent.text, "past", ent.label_)
            if found:
                if found == day and (night or morning and _NIGHT.search(_phrase(ent))):
                    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
                return None
            small = bool(_SMALL_HOURS.search(ent.text))
            night = night or early and bool(_NIGHT.search(ent.text))
            early = early or small and ent.start_char <= own
            morning = morning or small
    return None


def _day_named_between(ctx: Context, start: int, end: int) -> str | None:
    """The day of the last DATE or TIME entity between two positions if it names one past
    day (not a span, not after publication), else None."""
    sents = _sentences(ctx)[0][_sentence_of(ctx, start):_sentence_of(ctx, end) + 1]
    ents = [ent for sent in sents for ent in span_ents(sent)
            if ent.label_ in ("DATE", "TIME") and start < ent.start_char < end]
    published = ctx.article.published
    for ent in reversed(ents):
        found = resolve_date(ctx, ent.text, "past", ent.label_)
        if found:
            if "/" in found or published is not None and found > published.isoformat():
                return None
            return found
    return None


def _sentences(ctx: Context) -> tuple[list, list[int]]:
    """The Doc's sentences and their start offsets, listed once per Doc."""
    key = ("mapper", "sentences")
    if key not in ctx.doc.user_data:
        sents = list(doc_sents(ctx.doc))
        ctx.doc.user_data[key] = (sents, [sent.start_char for sent in sents])
    return ctx.doc.user_data[key]


def _sentence_of(ctx: Context, position: int) -> int:
    """The index of the sentence holding a character position."""
    return bisect_right(_sentences(ctx)[1], position) - 1


def day_told_before(ctx: Context, position: int, tense: str = "past") -> str | None:
    """The day of the nearest date told before ``position`` that is one past day (not a
    plan's), else the publication date: the day a story is telling. For a plan
    (``tense`` "future") the day of the plan told before ("On Monday ... The following
    day")."""
    published = ctx.article.published
    starts, ents = _date_ents(ctx)
    for ent in reversed(ents[:bisect_left(starts, position)]):
        found = resolve_date(ctx, ent.text, tense, ent.label_)
        if found and "/" not in found and (
                published is None or tense == "future" or
                found <= published.isoformat()):
            return found
    return published.isoformat() if published else None


def _date_ents(ctx: Context) -> tuple[list[int], list]:
    """The Doc's DATE and TIME entities and their start offsets, listed once per Doc (every
    undated event asks for the day told before it)."""
    key = ("mapper", "date_ents")
    if key not in ctx.doc.user_data:
        ents = [ent for sent in _sentences(ctx)[0] for ent in span_ents(sent)
                if ent.label_ in ("DATE", "TIME")]
        ctx.doc.user_data[key] = ([ent.start_char for ent in ents], ents)
    return ctx.doc.user_data[key]


def time_orders(ctx: Context, evs: list[Event]) -> list[float]:
    """``time_order`` of every event of one mover, each (event, depth) worked out once: the
    rules look back at other events recursively, which without the memo grew exponentially
    with the events of a sentence."""
    memo: dict[tuple[int, int], float] = {}
    # a day only inferred from the story's ("story_day") dates the stop, not its order
    hidden = {id(ev): ev.date for ev in evs if ev.extra.get("story_day")}
    for ev in evs:
        if id(ev) in hidden:
            ev.date = None
    index = Kin(evs)
    orders = [time_order(ctx, ev, evs, 0, memo, index) for ev in evs]
    for ev in evs:
        if id(ev) in hidden:
            ev.date = hidden[id(ev)]
    return orders


class Kin:
    """A mover's events grouped once for ``time_order`` (which otherwise filters all of them
    for every event): by occasion ("apart" or not) and sentence, and the dated ones, each
    group in the order of ``evs``."""

    def __init__(self, evs: list[Event]) -> None:
        self.evs = evs
        self.by_sentence: dict[tuple[bool, str], list[Event]] = {}
        self.dated: dict[bool, list[Event]] = {}
        self.kin: dict[int, tuple[list[Event], list[Event], list[Event], list[Event]]] = {}
        for o in evs:
            apart = bool(o.extra.get("apart"))
            self.by_sentence.setdefault((apart, o.evidence), []).append(o)
            if o.date:
                self.dated.setdefault(apart, []).append(o)


def time_order(ctx: Context, ev: Event, evs: list[Event], depth: int = 0,
               memo: dict[tuple[int, int], float] | None = None,
               index: Kin | None = None) -> float:
    """A sortable time. An event's own date first; else the time of an earlier event of the
    same mover in the same sentence ("crossed ... and passed through"), else of the last
    dated event before it in the text with the same tense; else what its tense implies:
    an undated past event in the lede stands at publication, a past-perfect one well
    before, a future one after. A journey's start comes first, a return last."""
    key = (id(ev), depth)
    if memo is not None and key in memo:
        return memo[key]
    if index is None or index.evs is not evs:
        index = Kin(evs)
    base = ctx.base
    eps = ev.position * POSITION_STEP
    floor = None
    after_start = False  # told after another start of its sentence, already set back
    if ev.extra.get("start"):
        t = base - 100.0
    elif ev.date and not ev.extra.get("story_day"):
        start, _, end = ev.date.partition("/")
        a = date.fromisoformat(start).toordinal()
        b = date.fromisoformat(end).toordinal() if end else a
        t = (a + b) / 2 + (0.25 if ev.extra.get("future") else 0.0)  # a plan after the day's news
        if ev.extra.get("goal") and b < base or ev.extra.get("future") and b == base:
            # "set off from X on the 3rd for Y": not there yet; a plan of today after the
            # day's undated news ("took off today, heading for Y ... upon arriving at X")
            t = max(t, base + 0.5)
    else:
        # another occasion ("who last visited X in 2013") times nothing of this trip
        apart = bool(ev.extra.get("apart"))
        same, following, prior, dated_past = _kin_of(ev, index, apart)
        if same and depth < 5:  # a plan said beside a past stop comes after it
            later = ev.extra.get("future") and not same[-1].extra.get("future")
            # after the latest of them ("who had arrived in X from Y, travelled to Z")
            t = max(time_order(ctx, o, evs, depth + 1, memo, index) for o in same) + (
                0.5 if later else SENTENCE_STEP)
            eps = 0.0  # the earlier event's order holds the sentence's place already
            # "walked out of X's jail and flew out of Z": Z after X, not set back again
            after_start = all(o.role == "origin" for o in same)
        elif ev.extra.get("en_route") and depth < 5 and (goal := goal_before(ev, [
                o for o in evs if o is not ev and bool(o.extra.get("apart")) == apart])):
            t = time_order(ctx, goal, evs, depth + 1, memo, index) - 0.05
        elif following and not ev.extra.get("later") and depth < 5:
            t = time_order(ctx, following[0], evs, depth + 1, memo, index) - 0.05
        elif ev.extra.get("pluperfect"):
            earliest = min((time_order(ctx, o, evs, depth + 1, memo, index) for o in dated_past),
                           default=base)
            t = min(earliest, base) - 1.0
        elif prior and depth < 5:
            t = time_order(ctx, prior[-1], evs, depth + 1, memo, index) + 0.01
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
        main = [o for o in index.by_sentence.get((False, ev.evidence), ()) if o is not ev
                and not o.extra.get("earlier") and o.role != "origin"]
        # a plan before a plan ("sailed for X, due to dock in Y after calling at Z"): Z
        # before Y, not before the sailing
        main = [o for o in main if o.extra.get("future")] if ev.extra.get("future") and any(
            o.extra.get("future") for o in main) else main
        if main and depth < 5:
            t = min(t, min(time_order(ctx, o, evs, depth + 1, memo, index) for o in main) - 0.05)
            # "who left X, arrived in Z after crossing Y": Y after the sentence's start
            starts = [o for o in index.by_sentence.get((False, ev.evidence), ())
                      if o.role == "origin" and o is not ev]
            if starts and ev.role != "origin":
                t = max(t, max(time_order(ctx, o, evs, depth + 1, memo, index) for o in starts) +
                        SENTENCE_STEP / 2)
    if ev.extra.get("later") and not ev.date:
        # "Before arriving in X, he stopped in Y": X after what the sentence tells first
        main = [o for o in index.by_sentence.get((False, ev.evidence), ()) if o is not ev
                and not o.extra.get("later") and not o.extra.get("earlier")]
        if main and depth < 5:
            t = max(t, max(time_order(ctx, o, evs, depth + 1, memo, index) for o in main) + 0.05)
    t += eps
    if memo is not None:
        memo[key] = t
    return t


def _kin_of(ev: Event, index: Kin, apart: bool) -> tuple[list[Event], list[Event],
                                                         list[Event], list[Event]]:
    """The events an undated event is timed by (see time_order): those told before it in its
    sentence, those dated after it there, the dated ones before it, the dated past ones.
    The same at every depth of the recursion: listed once per event."""
    found = index.kin.get(id(ev))
    if found is not None:
        return found
    told = [o for o in index.by_sentence.get((apart, ev.evidence), ()) if o is not ev]
    dated = [o for o in index.dated.get(apart, ()) if o is not ev]
    same = sorted((o for o in told if _told_before(o, ev)
                   and not o.extra.get("earlier")
                   and not (o.extra.get("pluperfect") and not ev.extra.get("pluperfect"))
                   and not (o.extra.get("later") and not ev.extra.get("later"))
                   and not (o.extra.get("future") and not ev.extra.get("future"))),
                  key=lambda o: (o.span[0], o.position))
    # "travelled through X before reaching Y in 2016": X just before Y's date
    following = [o for o in told if o.date
                 and not o.extra.get("earlier") and not o.extra.get("story_day")
                 and (o.extra.get("later") or o.span[0] > ev.span[0])
                 and o.extra.get("future") == ev.extra.get("future")]
    prior = [o for o in dated if "/" not in o.date
             and o.span[0] < ev.span[0]
             and o.extra.get("future") == ev.extra.get("future")]
    dated_past = [o for o in dated if not o.extra.get("future")]
    if ev.extra.get("pluperfect"):
        same = [o for o in same if o.extra.get("pluperfect")]
    index.kin[id(ev)] = (same, following, prior, dated_past)
    return index.kin[id(ev)]


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
