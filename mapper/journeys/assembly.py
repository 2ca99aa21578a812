"""Assembly: events into stops, legs and one journey per mover (merging repeated and
contained stops, implied origins, border crossings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mapper.gazetteer.base import normalize
from mapper.geodesy import distance_km, in_box
from mapper.implied import crossing_entry
from mapper.journeys.advance import order_advance, told_apart
from mapper.journeys.capitals import at_capitals
from mapper.journeys.context import Context
from mapper.journeys.ground import AIRPORT_CITY_KM, goal_beyond_airport, goals_last, ground_legs
from mapper.journeys.listing import order_listed
from mapper.journeys.merging import (
    better_date,
    combine,
    merge_planned_repeats,
    merge_restated,
)
from mapper.journeys.route import drop_locators, fit_route, most_specific
from mapper.journeys.timing import fill_dates, news_day, time_orders
from mapper.journeys.values import Event, JourneyResult, Mover
from mapper.journeys.words import (
    BORDER_WORDS,
    DRIVER_VERBS,
    LIFE_MOVES,
    MEETING_VERBS,
    PRESENCE_VERBS,
    SIGHTING_VERBS,
    STATUS_RANK,
    TRANSPORT_VERBS,
    VEHICLES,
    WATER,
)
from mapper.model import GazetteerEntry, Journey, Leg, Mention, Place, Stop
from mapper.nlp import doc_sents


def assemble_journeys(ctx: Context, events: list[Event]) -> JourneyResult:
    """Events into one journey per mover: stops ordered in time, repeats and contained
    places merged, crossings and implied origins added, legs between consecutive stops."""
    by_mover: dict[str, list[Event]] = {}
    one_group_per_kind(events)
    for ev in events:
        by_mover.setdefault(ev.mover.key, []).append(ev)
    journeys: list[Journey] = []
    extra: dict[str, Place] = {}
    # "now" is the publication date; without one, the latest date the events give
    latest = [date.fromisoformat(e.date.partition("/")[2] or e.date) for e in events
              if e.date and not e.extra.get("future")]
    ctx.base = (ctx.article.published or max(latest, default=date(2000, 1, 1))
                ).toordinal()
    movers = sorted(by_mover, key=lambda k: min(e.position for e in by_mover[k]))
    for key in movers:
        evs = _merge_headline(ctx, merge_restated(_dedupe(_with_birthplace(by_mover[key]))))
        if not evs:
            continue
        mover = evs[0].mover
        for ev in evs:
            if _diverted(ev, evs):
                ev.extra["apart"] = True  # a stop no leg reaches
        fill_dates(ctx, evs)
        for ev, order in zip(evs, time_orders(ctx, evs)):
            ev.order = order
        for ev in evs:
            if _departure_told_later(ev, evs):  # "arrived in X in 2016. They fled Y after"
                ev.order = min((o.order for o in evs if o is not ev and
                                not o.extra.get("apart")), default=ev.order + 1.0) - 1.0
        for ev in evs:
            if ev.extra.get("first"):  # "flies first to X": before the trip's other stops
                ev.order = _first_order(ev, evs)
            elif ev.extra.get("final"):  # "hope for a new life in X": the end of it all
                ev.order = max(o.order for o in evs) + 1.0
        evs.sort(key=lambda e: e.order)
        evs = order_advance(order_listed(evs))
        fit_route(ctx, evs, extra)
        most_specific(ctx, evs)
        evs = drop_locators(ctx, evs)
        evs = drop_covering(merge_contained(ctx, goals_last(evs)))
        evs = inherit_modes(evs, None if mover.key.startswith(
            ("vehicle:", "named:", "storm:")) else ctx.tour_mode)
        ground_legs(evs)
        stops = [stop_of(ctx, e) for e in evs]
        stops = resolve_crossings(ctx, stops, evs, mover, extra)
        apart = {(e.place.id, e.position) for e in evs if e.extra.get("apart")}
        origins = {(e.place.id, e.position): e.extra.get("lemma") for e in evs
                   if e.role == "origin"}
        stops = implied_origin(ctx, stops, mover, extra, apart, origins)
        stops = merge_planned_repeats(merge_repeats(ctx, stops, apart), apart, ctx.article.text)
        told = [s for s in stops if not s.implied]  # "met in X" with a home: no trip either
        if not told or len(told) == 1 and len(evs) == 1 and not lone_stop(told[0], evs[0]) or \
                planned_passage(evs):
            continue
        jid = f"j{len(journeys) + 1}"
        label = _mover_label(mover, len(evs))
        stops, joined = at_capitals(ctx, mover, stops, evs, apart)  # apart: no leg reaches
        pairs = list(zip(joined, joined[1:]))
        legs = tuple(Leg(jid, label, i, a, b) for i, (a, b) in enumerate(pairs, start=1))
        journeys.append(Journey(jid, label, tuple(stops), legs))
    used = {s.place.id for j in journeys for s in j.stops}
    homes = {k: p for k, p in {**ctx.home_places, **ctx.derived}.items()
             if p.id in used and k not in extra}
    extra = {k: p for k, p in extra.items() if p.id in used}  # a home left for its capital
    return JourneyResult(tuple(journeys), tuple({**extra, **homes}.values()))


def one_group_per_kind(events: list[Event]) -> None:
    """"Rebel forces", "Syrian rebel fighters", "rebel columns": groups of one kind, of which
    one only has a nationality, are that group (the text names one, then drops the
    nationality); two nationalities of one kind stay apart."""
    groups: dict[str, dict[str, Mover]] = {}
    for ev in events:
        if ev.mover.key.startswith("group:") and ev.mover.key.count(":") == 2:
            _, home, kind = ev.mover.key.split(":")
            groups.setdefault(kind, {})[home] = ev.mover
    for movers in groups.values():
        homes = [h for h in movers if h]
        if "" not in movers or len(homes) != 1:
            continue
        bare, named = movers[""], movers[homes[0]]
        for ev in events:
            if ev.mover is bare:
                ev.mover = named
        named.first = min(named.first, bare.first)


def planned_passage(evs: list[Event]) -> bool:
    """Whether a mover's only events are the places one sentence says it will pass over or
    through ("the jet is to cross A, B and C"): a route told ahead, with no place the
    mover stops at, sets out from or reaches."""
    return len({e.evidence for e in evs}) == 1 and all(
        e.role == "via" and e.extra.get("future") for e in evs)


def lone_stop(stop: Stop, ev: Event) -> bool:
    """Whether one stop alone is a journey: a destination the text says was or will be
    reached ("is travelling to X", "visited X", "crossed into X"), not an origin or a
    guess."""
    return (ev.role in ("dest", "crossing") or ev.role == "via" and ev.extra.get("lemma") ==
            "cross" and stop.place.entry.feature in ("strait", "canal")) and not stop.implied and \
        stop.status != "speculated" and \
        ev.extra.get("lemma") not in MEETING_VERBS | SIGHTING_VERBS | PRESENCE_VERBS and \
        stop.place.entry.feature != "continent"  # "met in X", "travels in Asia": no map


def merge_repeats(ctx: Context, stops: list[Stop], apart: set) -> list[Stop]:
    """One stop where the same place follows itself; both sentences kept as evidence (not
    a trip of another time and one of this trip)."""
    out: list[Stop] = []
    for s in stops:
        if out and out[-1].place.id == s.place.id and \
                ((out[-1].place.id, out[-1].position) in apart) == \
                ((s.place.id, s.position) in apart):
            prev = out[-1]
            status = max((prev.status, s.status), key=STATUS_RANK.__getitem__)
            evidence = "\n".join(sorted(dict.fromkeys(prev.evidence.split("\n") +
                                                       s.evidence.split("\n")),
                                         key=ctx.article.text.find))
            out[-1] = replace(prev, status=status, date=better_date(prev.date, s.date),
                              evidence=evidence)
            continue
        out.append(s)
    return out


def merge_contained(ctx: Context, evs: list[Event]) -> list[Event]:
    """Drop a country or region stop next to a stop inside it; keep the stronger status."""
    out: list[Event] = []
    for ev in evs:
        if out and (_tense_apart(out[-1], ev) or
                    bool(out[-1].extra.get("apart")) != bool(ev.extra.get("apart"))):
            out.append(ev)  # "arrived in Greece"; later "hope to reach Athens": two stops
            continue
        if out and out[-1].place.id == ev.place.id and out[-1].role == "dest" and \
                ev.role == "origin":
            out[-1] = combine(out[-1], ev)  # arrived in X, then left X: the arrival's stop
            continue
        if out and (_left_for_its_airport(out[-1], ev) or _via_its_airport(out[-1], ev) or
                    told_apart(out[-1], ev) or goal_beyond_airport(out[-1], ev)):
            out.append(ev)  # "leaving X's prison and departing from its airport": two stops
            continue
        if out and contains(out[-1].place, ev.place) and out[-1].role != "crossing" and \
                not _leaves_by_airport(out[-1], ev):
            prev = out.pop()
            ev = combine(ev, prev) if prev.role == ev.role else ev
            if prev.place.id == ev.place.id and ev.mode == "unknown":
                ev.mode = prev.mode  # "had flown in from X, where he met": by air
        elif out and contains(ev.place, out[-1].place) and ev.role != "crossing":
            if ev.role == out[-1].role:
                out[-1] = combine(out[-1], ev)
            continue
        out.append(ev)
    keep = []  # a region passed that holds a later stop adds nothing either
    for ev in out:  # the stops inside listed only for a region passed (else quadratic)
        if ev.role == "via" and ev.place.entry.feature not in ("city", "crossing"):
            inner = [o for o in out if o is not ev and contains(ev.place, o.place)]
            if inner and not _still_ahead(ev, inner, out) and \
                    not all(told_apart(ev, o) for o in inner):
                continue
        keep.append(ev)
    return keep


def _leaves_by_airport(city: Event, airport: Event) -> bool:
    """"arrived in X ... Later she leaves from X's airport": a stay in the city, then a
    departure from its airport, told apart; two stops, not one arrival."""
    return city.place.entry.feature == "city" and airport.place.entry.feature == "airport" \
        and city.role == "dest" and airport.role == "origin" and \
        city.evidence != airport.evidence


def _left_for_its_airport(city: Event, airport: Event) -> bool:
    """Whether a city left by one verb is followed by its airport left by another ("leaving
    X's prison and departing from Y airport"): the way to the airport is a leg of its own."""
    return city.role == airport.role == "origin" and city.place.entry.feature == "city" and \
        airport.place.entry.feature == "airport" and city.position != airport.position and \
        city.evidence == airport.evidence


def _via_its_airport(airport: Event, city: Event) -> bool:
    """Whether an airport passed through comes before the city the trip goes on to ("to X's
    palace via Y airport"): the airport is a stop on the way, the city the end."""
    return airport.role == "via" and city.role == "dest" and \
        airport.place.entry.feature == "airport" and city.place.entry.feature == "city"


COVERING = ("country", "continent", "region")


def drop_covering(evs: list[Event]) -> list[Event]:
    """Drop a country, continent or region stop when the same trip has a stop inside it
    ("a trip to Asia ... visit <country>", "a state visit to X ... arrived in <its capital>"),
    wherever the two stand in the trip; not where the trip sets out from, nor the mover's
    home country (a journey that starts or ends at home), nor a country reached before a
    stop inside it that is still to come ("arrived in <country>; hopes to reach <its city>")."""
    out: list[Event] = []
    moved: set[int] = set()
    for i, ev in enumerate(evs):
        if id(ev) in moved:
            continue
        if i == 0 and ev.role == "origin" or ev.role == "crossing" or \
                ev.place.entry.feature not in COVERING or \
                ev.mover.home and ev.place.entry.country_code == ev.mover.home:  # "returning home"
            out.append(ev)
            continue
        country = ev.place.entry.feature == "country"
        inner = [o for o in evs if o is not ev and o.place.id != ev.place.id and
                 o.role != "crossing" and _covers(ev.place, o.place)
                 and not (country and _tense_apart(o, ev) and not ev.extra.get("future"))
                 and bool(o.extra.get("apart")) == bool(ev.extra.get("apart"))]
        if not inner or _still_ahead(ev, inner, evs):
            out.append(ev)
        elif len(inner) == 1 and evs.index(inner[0]) > i and ev.status == "planned" and \
                inner[0].status == "planned" and ev.date is None:
            # "due to visit A, B and C ... will attend a summit in <a town of B>": the town
            # stands in B's place in the plan
            out.append(inner[0])
            moved.add(id(inner[0]))
    return out


def _still_ahead(ev: Event, inner: list[Event], evs: list[Event]) -> bool:
    """Whether a region still to be passed comes after every stop inside it, each one
    already reached and told in another sentence ("went through <a jungle of X>; a long way
    still ahead through <the region holding X>"): the way ahead, not the place reached."""
    return ev.role == "via" and bool(ev.extra.get("future")) and \
        ev.place.entry.feature != "country" and all(
            _tense_apart(o, ev) and evs.index(o) < evs.index(ev) for o in inner)


def _covers(outer: Place, inner: Place) -> bool:
    """``contains``, and a region's box holding a country's point ("Southeast Asia")."""
    if outer.entry.feature == "region" and inner.entry.feature == "country" and outer.entry.bbox:
        return in_box(outer.entry.bbox, inner.lat, inner.lon)
    return contains(outer, inner)


def inherit_modes(evs: list[Event], tour: str | None = None) -> list[Event]:
    """A mover keeps its mode on later legs until the text changes it (a trip of another
    time neither gives nor takes one); ``tour`` is the mode of the trip the lead names ("a
    bus tour"), the mode until the text gives one."""
    evs_all, evs = evs, [e for e in evs if not e.extra.get("apart")]
    mode, pending = "unknown", None
    for ev in evs:
        if ev.extra.get("leg_mode"):
            # "took a boat to X": that leg's mode, not the mover's from then on; "boarded
            # buses in X and travelled to Y": the leg that starts at X
            pending = ev.mode if ev.role == "origin" else None
            continue
        if ev.mode != "unknown":
            mode = ev.mode
        else:
            ev.mode = pending or mode
        pending = None
    # the start takes the first mode the text gives ("left X on Sunday, flew to Y"); a
    # place reached before it was reached some other way ("had arrived in X from Y,
    # travelled by bus to Z")
    first = next((e for e in evs if e.mode != "unknown" and not e.extra.get("leg_mode")),
                 None)
    for ev in evs:
        if first is not None and ev.mode == "unknown" and (
                ev.role == "origin" or ev.position == first.position):
            ev.mode = first.mode
    # a programme told with one mode ("is due to visit X, Y and Z ... He flies first to W"):
    # each planned leg's, before the one that names it too
    planned = {e.mode for e in evs if e.extra.get("future") and e.mode != "unknown"
               and not e.extra.get("leg_mode")}
    if len(planned) == 1:
        for ev in evs:
            if ev.extra.get("future") and ev.mode == "unknown":
                ev.mode = next(iter(planned))
    for ev in evs:  # the legs the text gives no mode at all: the tour's
        if tour and ev.mode == "unknown":
            ev.mode = tour
    return evs_all


def stop_of(ctx: Context, ev: Event) -> Stop:
    """The stop an event gives, with every sentence that told it as evidence."""
    sentences = dict.fromkeys([ev.evidence, *ev.extra.get("evidence", [])])
    evidence = "\n".join(sorted(sentences, key=ctx.article.text.find))
    return Stop(ev.place, ev.status, evidence, ev.date, ev.mode, ev.verb,
                bool(ev.extra.get("implied")), ev.position)


def resolve_crossings(ctx: Context, stops: list[Stop], evs: list[Event], mover: Mover,
                      extra: dict[str, Place]) -> list[Stop]:
    """Each crossing into another country as a point on the border between the country before
    and the one entered (the place crossed into follows, unless it is that country)."""
    out: list[Stop] = []
    for i, (stop, ev) in enumerate(zip(stops, evs)):
        if ev.role != "crossing":
            out.append(stop)
            continue
        to_cc = stop.place.entry.country_code
        prev_cc = out[-1].place.entry.country_code if out else mover.home
        if not to_cc or not prev_cc or prev_cc == to_cc:
            out.append(stop)
            continue
        before = (out[-1].place.lat, out[-1].place.lon) if out else None
        after = next(((s.place.lat, s.place.lon) for s in stops[i + 1:]
                      if s.place.entry.country_code == to_cc), None)
        entry = crossing_entry(ctx.gazetteer, prev_cc, to_cc, before, after, stop.mode)
        if entry is None:
            out.append(stop)
            continue
        mention = Mention(ctx.article.text[ev.position: ev.span[1]], ev.position,
                          ev.span[1], ev.evidence, "IMPLIED", implied=True,
                          hint=(("role", "crossing"),))
        place = extra.get(entry.key) or Place(
            entry.key.replace(":", "-").lower(), entry.name, entry,
            (mention, *border_mentions(ctx, ev)), implied=True)
        extra[entry.key] = place
        out.append(replace(stop, place=place))
        if stop.place.entry.feature != "country":
            out.append(replace(stop, date=stop.date, verb=stop.verb))
    return out


def border_mentions(ctx: Context, ev: Event) -> list[Mention]:
    """"the border", "the border crossing", "the frontier" in the mover's sentences: the
    crossing just computed is what they refer to."""
    text = ctx.article.text
    out = []
    for sent in doc_sents(ctx.doc):
        if sent.start_char > ev.position + 2000 or sent.end_char < ev.position - 2000:
            continue
        for m in BORDER_WORDS.finditer(sent.text):
            start = sent.start_char + m.start(1)
            end = sent.start_char + m.end(1)
            if start != ev.position:
                out.append(Mention(text[start:end], start, end, sent.text.strip(),
                                   "IMPLIED", implied=True, hint=(("role", "crossing"),)))
    return out


def home_place(ctx: Context, code: str) -> Place | None:
    """The place of a mover's home country: one the article names, else the gazetteer's."""
    place = next((p for p in ctx.places if p.entry.feature == "country"
                  and p.entry.country_code == code), None)
    if place is None:
        entry = ctx.gazetteer.country(code)
        if entry is None:
            return None
        place = ctx.home_places.setdefault(entry.key, Place(
            entry.key.replace(":", "-"), entry.name, entry, (), implied=True))
    return place


def implied_origin(ctx: Context, stops: list[Stop], mover: Mover, extra: dict[str, Place],
                   apart: set, origins: dict) -> list[Stop]:
    """A mover from a country the text names, travelling abroad, started at home (before
    the first stop that is not a trip of its own); not one who sets out from a place the
    text names ("arrived from Y") and goes home ("stranded in Bali, flew home to London"),
    or is carried from where they were ("evacuated 250 nationals from Khartoum").
    ``origins`` maps each origin stop to its verb's lemma."""
    first = next((s for s in stops if (s.place.id, s.position) not in apart), None)
    if first is None or not mover.home or mover.key.startswith(("vehicle:", "named:")):
        return stops  # a ship's flag or an airline's country is no place it set out from
    if first.place.entry.feature == "crossing" or first.verb.lower() in ("from", "left") or \
            origins.get((first.place.id, first.position)) == "arrive":
        return stops  # "arrived in X from Y": the trip the text tells starts at Y
    if first.place.entry.country_code == mover.home or origins.get(
            (first.place.id, first.position)) in TRANSPORT_VERBS - DRIVER_VERBS:
        return stops
    if (first.place.id, first.position) in origins and (any(
            s.place.entry.country_code == mover.home for s in stops) or all(
            (s.place.id, s.position) in origins for s in stops)):
        return stops  # "a Kenyan woman who had just arrived from India": not from Kenya
    home = next((p for p in ctx.places if p.entry.feature == "country"
                 and p.entry.country_code == mover.home), None)
    if home is None:
        entry = ctx.gazetteer.country(mover.home)
        if entry is None:
            return stops
        home = extra.setdefault(entry.key, Place(entry.key.replace(":", "-"), entry.name,
                                                 entry, (), implied=True))
    origin = Stop(home, first.status, first.evidence, None, first.mode, "(implied origin)",
                  True, first.position)
    return [origin, *stops]


def _departure_told_later(ev: Event, evs: list[Event]) -> bool:
    """Whether an undated past departure, told alone in its sentence, from a place the mover
    is not otherwise at, is where the journey began ("They arrived in Greece in 2016. ... They
    had fled Iraq after ...")."""
    return ev.role == "origin" and not ev.date and not ev.extra.get("future") and \
        not ev.extra.get("start") and len(evs) > 1 and \
        all((o.evidence != ev.evidence or o.extra.get("future")) and o.place.id != ev.place.id
            for o in evs if o is not ev)  # "Macron, who flew in from X, will travel to Y"


def _first_order(ev: Event, evs: list[Event]) -> float:
    """The order of a stop told as the trip's first ("flies first to X"): before the other
    stops of the same tense ordered after the trip's start, after that start."""
    kin = [o for o in evs if o is not ev and not o.extra.get("apart")]
    start = max((o.order for o in kin if o.role == "origin" and o.order < ev.order),
                default=float("-inf"))
    later = [o.order for o in kin if o.role != "origin" and start < o.order < ev.order
             and o.extra.get("future") == ev.extra.get("future")]
    return min(later) - 0.01 if later else ev.order


def _diverted(ev: Event, evs: list[Event]) -> bool:
    """Whether a destination the mover was heading for was not reached: the same sentence then
    takes it elsewhere ("was heading for X when it was escorted to Y")."""
    return bool(ev.extra.get("was_going")) and ev.status == "planned" and any(
        o.evidence == ev.evidence and o.role == "dest" and o.status == "confirmed" and
        o.position > ev.position and o.place.id != ev.place.id for o in evs)


def _with_birthplace(evs: list[Event]) -> list[Event]:
    """A mover's events with the birthplace only where it starts a life told as moves ("born
    in X, moved to Y in 1950 and later settled in Z"), not beside a visit or alone."""
    if any(e.extra.get("lemma") in LIFE_MOVES for e in evs):
        return evs
    return [e for e in evs if not e.extra.get("birth")]


def _dedupe(evs: list[Event]) -> list[Event]:
    """One event per (place, sentence, role): the same stop said twice in one clause."""
    seen: dict[tuple, Event] = {}
    for ev in evs:
        key = (ev.place.id, ev.evidence, ev.role)
        if key not in seen:
            seen[key] = ev
    return list(seen.values())


def _merge_headline(ctx: Context, evs: list[Event]) -> list[Event]:
    """The headline's arrival that the body tells again ("X opens tour in Y" above "X arrived
    in Y on Monday"): one stop, where the body tells it, with the headline as more evidence.
    Not a visit of another time ("arrived in Y in 1999"): the body's stop is undated or dated
    within a week of publication, and told as it happened, not as before."""
    drop: set[int] = set()
    for ev in evs:
        if not ev.extra.get("headline"):
            continue
        body = next((o for o in evs if o is not ev and not o.extra.get("headline") and
                     o.role == "dest" and o.place.id == ev.place.id and
                     bool(o.extra.get("future")) == bool(ev.extra.get("future")) and
                     not any(o.extra.get(k) for k in ("apart", "pluperfect", "earlier")) and
                     (o.date is None or "/" not in o.date and news_day(ctx, o.date))), None)
        if body is not None:
            combine(body, ev)
            body.extra["headline"] = True  # still the day's news when the body gives no day
            drop.add(id(ev))
    return [e for e in evs if id(e) not in drop]


def _mover_label(mover: Mover, n_events: int) -> str:
    """The mover's name, with its vehicle when it is one or travels in it for most of the
    trip ("Kim Jong-il (train)"), not for a vehicle used on one leg ("refugees")."""
    vehicle = mover.vehicle
    if mover.vehicles:
        most = max(mover.vehicles, key=mover.vehicles.get)
        if 2 * mover.vehicles[most] >= n_events or vehicle is None and \
                mover.key.startswith(("vehicle:", "named:")):
            vehicle = most
    if not vehicle or vehicle in mover.label.lower() or mover.key.startswith("vehicle:") and \
            any(w in VEHICLES for w in mover.label.lower().split()):
        return mover.label  # "fishing trawler", not "fishing trawler (vessel)"
    return f"{mover.label} ({vehicle})"


def _tense_apart(a: Event, b: Event) -> bool:
    """Whether two events, said in different sentences, are one done and one still to come."""
    return a.evidence != b.evidence and bool(a.extra.get("future")) != bool(b.extra.get("future"))


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` (a country or region) contains ``inner``."""
    if outer.id == inner.id:
        return True
    oe, ie = outer.entry, inner.entry
    if oe.feature == "country":
        return ie.feature != "country" and ie.country_code == oe.country_code and \
            ie.feature != "crossing"
    if oe.feature == "continent":  # "a tour of Africa, visiting Kenya and Ghana"
        return ie.feature != "continent" and bool(oe.bbox) and in_box(oe.bbox, ie.lat, ie.lon)
    if oe.feature == "city" and ie.feature == "airport":  # "the city's X airport"
        return distance_km((oe.lat, oe.lon), (ie.lat, ie.lon)) <= AIRPORT_CITY_KM
    if oe.feature in ("city", "crossing") or ie.feature == "country":
        return False
    if oe.feature in WATER:
        return False  # a port is on a sea's shore, not a stop inside it
    if oe.feature == "admin1" and other_admin1(oe, ie):
        return False  # a base in Montana inside Idaho's box is not in Idaho
    if oe.bbox and ie.feature not in ("ocean", "sea"):
        return in_box(oe.bbox, ie.lat, ie.lon) and oe.feature not in ("lake", "river")
    return False


def other_admin1(state: GazetteerEntry, inner: GazetteerEntry) -> bool:
    """Whether a place's own first-level subdivision is plainly another than ``state`` (its
    name shares no word stem with the state's: "Montana" and "Idaho", not "Vilniaus" and
    "Vilnius")."""
    if not inner.admin1 or inner.country_code != state.country_code:
        return False
    a, b = normalize(inner.admin1).split(), normalize(state.name).split()
    return not any(x[:4] == y[:4] for x in a for y in b)
