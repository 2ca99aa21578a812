"""Frames: the places a motion word's argument names, and one event of a mover at a place
(its status, date and mode)."""

from __future__ import annotations

import re
from bisect import bisect_left

from mapper.journeys.assembly import contains
from mapper.journeys.context import Context, spans_near
from mapper.journeys.status_mode import own_auxes, stop_status, travel_mode
from mapper.journeys.syntax import (
    after_clause,
    along_the_way,
    bare_past,
    before_clause,
    future_clause,
    in_headline,
    lemma_of,
    located_in,
    where_pluperfect,
)
from mapper.journeys.timing import event_date, time_of_day
from mapper.journeys.values import Event, Mover
from mapper.journeys.words import (
    COMPASS_PARTS,
    FUTURE_AUXES,
    FUTURE_WORDS,
    INSTITUTION_NOUNS,
    PLACE_ENTS,
    PLACE_NOUNS,
    PLACE_OR_INSTITUTION,
    START_VERBS,
    VEHICLES,
    WATER,
)
from mapper.model import Place
from mapper.nlp import doc_subtree, doc_text


def places_under(ctx: Context, token) -> list[tuple[Place, tuple[int, int]]]:
    """Places named in a preposition's object: its noun phrase with "of" phrases,
    appositions and conjuncts, but not other prepositions or clauses."""
    keep = []
    owners: list = []  # the town an institution's possessor names
    stack = [token]
    while stack:
        t = stack.pop()
        keep.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
                continue
            if c.dep_ == "prep" and not (c.lower_ == "of" and t.lemma_.lower() in
                                         PLACE_NOUNS) and not (
                    c.lower_ == "near" and t.ent_type_ in ("LOC", "FAC")):
                continue  # "from the Atlantic near the port city of Brest" keeps Brest
            if c.dep_ == "poss" and not (t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in
                                         PLACE_NOUNS | COMPASS_PARTS):
                if t.lemma_.lower() in INSTITUTION_NOUNS:  # "London's X prison" stands in
                    owners.extend(c.subtree)  # a town (not "China's embassy in Paris")
                continue  # "on Washington's good side" is not Washington
            stack.append(c)
    where = located_in(token)
    if where is not None:  # "to the Memorial Hospital in Anoka": where it stands
        onward = [t for p in where.subtree if p.dep_ == "prep" and p is not where and
                  p.lower_ in ("to", "into", "toward", "towards") for t in p.subtree]
        keep.extend(t for t in where.subtree if t not in onward)  # not "... to Y"
    idx = sorted(t.idx for t in keep)
    around = idx + [t.idx for t in owners]  # the possessor stands before the phrase's head
    found = []
    for ms, me, place, label in spans_near(ctx, min(around), max(around)):
        if label != "DEMONYM" and _any_within(idx, ms, me) and not modifier_only(ctx, ms, me):
            found.append((place, (ms, me)))
        elif label != "DEMONYM" and place.entry.feature == "city" and any(
                ms <= t.idx < me for t in owners):
            found.append((place, (ms, me)))
    found = [(p, span) for p, span in found if not part_of_name(ctx, token, span)
             and not run_of_names(ctx, span)]
    if any(p.entry.feature not in WATER for p, _ in found):
        found = [(p, span) for p, span in found if p.entry.feature not in WATER]
    return [(p, span) for p, span in found
            if not any(o.id != p.id and contains(p, o) for o, _ in found)]


def _any_within(sorted_offsets: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted offsets lies in [start, end) (a list's phrase holds each of
    its names: a search, not a scan per name)."""
    k = bisect_left(sorted_offsets, start)
    return k < len(sorted_offsets) and sorted_offsets[k] < end


def part_of_name(ctx: Context, token, span: tuple[int, int]) -> bool:
    """Whether a place is only a word of another thing's name: "North Medical Center in
    Anoka" (the centre stands in Anoka), "a Honda Civic" (a car), "the Mexico border" (the
    border, not the country)."""
    words = [t for t in doc_subtree(token) if span[0] <= t.idx < span[1]]
    if not words:
        return False
    head = words[-1]
    while head.dep_ in ("compound", "nmod") and head.head != head:
        head = head.head  # "North" -> "Memorial" -> "Center"
    if head.idx < span[1]:
        return False  # the place is the phrase's head
    if head.lemma_.lower() in ("border", "frontier"):
        return True
    if head.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                    for c in head.children):
        return True
    return head == token and located_in(head) is not None


def run_of_names(ctx: Context, span: tuple[int, int]) -> bool:
    """Whether a mention runs into another with only a space between ("the Casa Santa Marta
    residence" read as two towns): together they are one name, of neither place."""
    text = ctx.article.text
    return any(label not in ("DEMONYM", "IMPLIED", "ELLIPSIS") and (
        ms == span[1] + 1 and text[span[1]] == " " or me == span[0] - 1 and text[me] == " ")
        for ms, me, _, label in spans_near(ctx, span[0] - 1, span[1] + 1) if (ms, me) != span)


def modifier_only(ctx: Context, start: int, end: int) -> bool:
    """Whether a mention is no place to stop at: a word of a nationality ("the North Korean
    embassy") or a bare common noun read as a town ("Airport", "Station")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if doc_text(span.doc)[span.start_char:span.end_char].lower() in PLACE_OR_INSTITUTION:
        return True  # "Airport", "Centre" read as towns
    demonym = ctx.demonym_pattern.match(ctx.article.text, start) \
        if ctx.demonym_pattern else None
    if demonym and demonym.end() > end:
        return True  # "North" of "North Korean"
    if any(t.pos_ == "PROPN" and (t.dep_ == "pobj" or t.dep_ == "compound" and
                                  t.head.lemma_.lower() in PLACE_NOUNS) for t in span):
        return False  # "to Mombasa", "at X port" tagged as a nationality: the place gone to
    return all(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in span)


def make_event(ctx: Context, verb, sent, mover: Mover, place: Place, role: str, span,
               noun=None) -> Event:
    """One event of a mover at a place, with its status, date and mode."""
    status = stop_status(ctx, verb, sent, noun)
    if status == "planned" and mover.key.startswith("storm:"):
        status = "speculated"  # a storm has no plans: where it "will" go is a forecast
    if role == "origin" and status == "planned" and verb.tag_ == "VBG" and \
            not future_clause(verb):
        status = "confirmed"  # "was flying from X to Y": X was left
    if noun is not None:  # "a 10-hour train ride to Lyon", "his flight to Paris"
        phrase = " ".join(t.text for t in noun.lefts) + " " + noun.text
        ctx.subject_vehicle = ctx.subject_vehicle or next(
            (w for w in VEHICLES if re.search(rf"\b{w}\b", phrase.lower())), None)
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    future = status == "planned" or bool(
        auxes & FUTURE_AUXES) or future_clause(verb) or (
        "must" in auxes and verb.tag_ == "VB") or (
        status == "speculated" and (noun is not None or verb.tag_ not in ("VBD", "VBN"))
        and not bare_past(verb))
    # "was being taken to X on Monday when ...": a plan of the past, dated as the past
    told_past = verb.tag_ in ("VBD", "VBN", "VBG") and bool(
        own_auxes(verb) & {"was", "were", "had"}) and not own_auxes(verb) & FUTURE_WORDS
    when = event_date(ctx, verb, sent, "future" if future and not told_past else "past")
    mode = travel_mode(ctx, verb, sent, mover)
    if mode == "unknown" and place.entry.feature == "airport" and \
            mover.key.startswith(("vehicle:", "named:")) and \
            lemma_of(verb) in ("arrive", "land", "depart", "touch"):
        mode = "air"  # "a Global Express departing X and arriving at Y Airport": a plane
    label = (noun.text if noun is not None else verb.text)
    lemma = lemma_of(verb)
    extra = {
        "lemma": lemma,
        "future": future,
        "pluperfect": "had" in auxes and verb.tag_ == "VBN" or where_pluperfect(verb),
        "start": (lemma in START_VERBS or noun is not None and noun.head.lemma_.lower()
                  in START_VERBS) and role == "origin",
        "return": lemma == "return" or (noun is not None and noun.lemma_ == "return"),
        # "arrived in Lima after a stop in Arica": the stop came first
        "earlier": after_clause(noun if noun is not None else verb) or noun is not None and any(
            c.dep_ == "amod" and c.lower_ in ("prior", "previous", "earlier")
            for c in noun.children),  # "delayed by a prior stop in X"
        # "Along the way she stopped in X": before the destination told before
        "en_route": along_the_way(verb),
        "later": before_clause(noun if noun is not None else verb),
        # "He flies first to X, ... before arriving in Y": X the trip's first stop
        "first": role == "dest" and noun is None and any(
            c.dep_ == "advmod" and c.lower_ == "first" for c in verb.children),
        # "took a boat to X": the boat makes that leg, not the ones after it
        "leg_mode": ctx.taken,
        # "was heading for X when ...": where the mover was going at the time
        "was_going": verb.tag_ == "VBG" and bool(auxes & {"was", "were"}) and role == "dest",
        # "touched down at 2.35 pm": a time of day, the day the story is telling
        "time_of_day": when is None and time_of_day(verb, sent),
        # the headline's present ("X arrives in Y"): the day's news
        "headline": headline_present(verb),
    }
    if ctx.subject_vehicle and not ctx.taken:  # not a boat taken for one leg
        mover.vehicles[ctx.subject_vehicle] = mover.vehicles.get(ctx.subject_vehicle, 0) + 1
    evidence = doc_text(sent.doc)[sent.start_char:sent.end_char].strip()  # sent.text's
    return Event(mover, place, role, status, when, mode, label, evidence,
                 verb.idx, span, extra=extra)


def headline_present(verb) -> bool:
    """Whether a motion is the headline's news of the day: its present ("X arrives in Y",
    "Hikers reach Y"), or a step a present tells just before ("Hikers celebrate after
    crossing X")."""
    if not in_headline(verb):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return verb.tag_ == "VBZ" or any(c.dep_ == "nsubj" for c in verb.children)
    head = verb.head.head if verb.head.dep_ == "prep" else verb.head
    return verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "advcl") and head is not verb and \
        head.tag_ in ("VBZ", "VBP") and any(c.dep_ == "nsubj" for c in head.children)


def dateline_place(ctx: Context) -> Place | None:
    """The place a story is filed from: its dateline ("LIMA (AP) —"), or a place name standing
    alone on a line of the article's head, after the headline and before the body
    ("Lima"). Worked out once per Doc: every verb asks."""
    if "dateline_place" not in ctx.memo:
        ctx.memo["dateline_place"] = _dateline_place(ctx)
    return ctx.memo["dateline_place"]


def _dateline_place(ctx: Context) -> Place | None:
    found = next((p for p in ctx.places for m in p.mentions if m.label == "DATELINE"), None)
    if found is not None:
        return found
    head = ctx.article.text[:2000]  # the headline and the few lines after it
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", head)
             if m.group(0).strip()]
    for start, line in lines[1:4]:  # not the headline
        for place in ctx.places:
            if any(m.start >= start and m.text == line for m in place.mentions):
                return place
        if line.endswith((".", "?", "!", "”", '"')):
            return None  # the body has begun
    return None


def first_body_sentence(ctx: Context, sent, place: Place) -> bool:
    """Whether a sentence is the story's first after its dateline ``place``."""
    ends = [m.end for m in place.mentions if m.end <= sent.start_char]
    if not ends:
        return any(m.start >= sent.start_char and m.end <= sent.end_char for m in place.mentions)
    between = ctx.article.text[max(ends):sent.start_char]
    return not re.search(r"[.!?]", between)
