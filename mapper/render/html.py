"""HTML fragments of the map: popups, legend, title and timeline. Every piece of article text is
escaped here (``esc`` from ``render.safe``); nothing else in the renderer inserts text into HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from mapper.model import Analysis, Corridor, Journey, Leg, Mention, Place, Stop
from mapper.render.css import PAGE_CSS, role_css  # noqa: F401  (re-exported)
from mapper.render.safe import esc
from mapper.render.style import (
    CORRIDOR_COLORS,
    CORRIDOR_DASH,
    CORRIDOR_LABELS,
    CORRIDOR_STATUS_LABELS,
    ROLES,
    STATUS_DASH,
    STATUS_LABELS,
    PlaceRole,
    is_places_only,
    journey_color,
    map_title,
    no_route_note,
    role_label,
)


def highlight(sentence: str, spans: Iterable[tuple[int, int]]) -> str:
    """``sentence`` escaped, with each (start, end) span (offsets in the sentence) in <mark>."""
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        start, end = max(start, pos), min(end, len(sentence))
        if start >= end:
            continue
        out += [esc(sentence[pos:start]), "<mark>", esc(sentence[start:end]), "</mark>"]
        pos = end
    out.append(esc(sentence[pos:]))
    return "".join(out)


def _mention_span(text: str, mention: Mention) -> tuple[int, tuple[int, int] | None]:
    """(sentence start in the article, mention span within the sentence)."""
    sent = mention.sentence
    lo = max(0, mention.end - len(sent))
    start = text.find(sent, lo) if sent else -1
    if 0 <= start <= mention.start and mention.end <= start + len(sent):
        return start, (mention.start - start, mention.end - start)
    found = sent.lower().find(mention.text.lower()) if mention.text else -1
    span = (found, found + len(mention.text)) if found >= 0 else None
    return (start if start >= 0 else mention.start), span


def mention_sentences(text: str, place: Place) -> list[str]:
    """Each sentence mentioning ``place``, in article order, with the mentions marked."""
    by_sentence: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    for m in place.mentions:
        if not m.sentence:
            continue
        start, span = _mention_span(text, m)
        pos, spans = by_sentence.setdefault(m.sentence, (start, []))
        if span:
            spans.append(span)
    ordered = sorted(by_sentence.items(), key=lambda kv: kv[1][0])
    return [highlight(sent, spans) for sent, (_, spans) in ordered]


def evidence_html(sentence: str, places: Sequence[Place]) -> str:
    """An evidence sentence with the names of ``places`` (as mentioned) marked."""
    spans = []
    for p in places:
        for word in {m.text for m in p.mentions if m.text} | {p.name}:
            # Whole words only: "Russia" is not marked inside "Russian".
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
            spans += [(m.start(), m.end()) for m in re.finditer(pattern, sentence)]
    return highlight(sentence, spans)


def _rows(rows: Iterable[tuple[str, str | None]]) -> str:
    cells = "".join(
        f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows if v not in (None, "")
    )
    return f'<table class="mp-kv">{cells}</table>'


def _sentences(items: Sequence[str], title: str) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{s}</li>" for s in items)
    return f'<div class="mp-ev"><b>{esc(title)}</b><ol>{lis}</ol></div>'


def _day(d: date, month: bool = True, year: bool = True) -> str:
    return f"{d.day}" + (f" {d:%B}" if month else "") + (f" {d.year}" if year else "")


def human_date(value: str | None) -> str | None:
    """An ISO date or interval as a reader says it: '22 August 2011', '22–28 August 2011',
    'August 2011', '2016'; anything else as given."""
    if not value:
        return None
    try:
        a, _, b = value.partition("/")
        start = date.fromisoformat(a)
        end = date.fromisoformat(b) if b else start
    except ValueError:
        return value
    if start == end:
        return _day(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}" if start.year == end.year else f"{start.year}–{end.year}"
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and (
        end + timedelta(days=1)
    ).month != end.month:
        return f"{start:%B} {start.year}"
    if start.year != end.year:
        return f"{_day(start)} – {_day(end)}"
    if start.month != end.month:
        return f"{_day(start, year=False)} – {_day(end)}"
    return f"{start.day}–{_day(end)}"


def _km(value: float | None) -> str | None:
    return None if value is None else f"{value:,.0f} km"


def _details(rows: Iterable[tuple[str, str | None]]) -> str:
    """Identifiers and sources, folded behind a "Details" toggle."""
    return f'<details class="mp-details"><summary>Details</summary>{_rows(rows)}</details>'


def place_roles_html(analysis: Analysis, place: Place) -> list[str]:
    """The place's part in each journey ('Kim Jong-il (train): stop 3 of 4, 22 August 2011,
    planned, by rail') and corridor, escaped."""
    out = []
    for i, j in enumerate(analysis.journeys):
        for k, s in enumerate(j.stops):
            if s.place.id != place.id:
                continue
            bits = [f"stop {k + 1} of {len(j.stops)}"]
            bits.append(human_date(s.date) or "date not stated")
            bits.append(STATUS_LABELS.get(s.status, s.status).lower())
            if s.mode != "unknown":
                bits.append(f"by {s.mode}")
            if s.implied:
                bits.append("inferred")
            out.append(
                f'<span class="mp-sw" style="background:{journey_color(i)}"></span>'
                f"<b>{esc(j.mover)}</b>: {esc(', '.join(bits))}"
            )
    for c in analysis.corridors:
        part = (
            "start" if c.origin.id == place.id else "end" if c.destination.id == place.id
            else "via" if any(v.id == place.id for v in c.via) else None
        )
        if part:
            label = CORRIDOR_LABELS.get(c.type, c.type)
            out.append(f"<b>{esc(label)}</b>: {esc(part)}")
    return out


def place_popup(analysis: Analysis, place: Place, role: PlaceRole) -> str:
    e = place.entry
    gn = None
    if e.geonameid:
        gid = int(e.geonameid)
        gn = f'<a href="https://www.geonames.org/{gid}" target="_blank">{gid}</a>'
    role_text = role_label(role.role, is_places_only(analysis))
    role_text += " (implied)" if role.implied else ""
    where = ", ".join(x for x in (e.admin1, e.country_code) if x and x != e.name)
    kind = (e.feature or "place").replace("_", " ")
    sub = esc(kind + (f" in {where}" if where else ""))
    parts = place_roles_html(analysis, place)
    roles = "".join(f"<li>{r}</li>" for r in parts)
    details = [
        ("Role", esc(role_text)),
        (
            "Gazetteer",
            esc(e.name)
            + (f", {esc(e.admin1)}" if e.admin1 else "")
            + (f" ({esc(e.country_code)})" if e.country_code else ""),
        ),
        ("Key", esc(e.key)),
        ("GeoNames", gn),
        ("Feature", esc(e.feature)),
        ("Coordinates", f"{e.lat:.4f}, {e.lon:.4f}"),
        ("Population", f"{e.population:,}" if e.population else None),
        ("Confidence", f"{place.score:.2f}" if place.score else None),
        ("Source", esc(e.source) if e.source else None),
    ]
    sents = mention_sentences(analysis.article.text, place)
    return (
        f'<div class="mp-pop"><div class="mp-main"><h4>{esc(place.name)}</h4>'
        f'<div class="mp-muted">{sub}</div>'
        + (f'<ul class="mp-roles">{roles}</ul>' if roles else "")
        + f"{_sentences(sents, f'Mentions ({len(place.mentions)})')}</div>"
        f"{_details(details)}</div>"
    )


def leg_popup(leg: Leg, color: str) -> str:
    o, d = leg.origin.place, leg.destination.place
    rows = [
        ("Mover", esc(leg.mover)),
        ("Leg", str(int(leg.seq))),
        ("Route", f"{esc(o.name)} &rarr; {esc(d.name)}"),
        ("Date", esc(human_date(leg.date)) if leg.date else "not stated"),
        ("Status", esc(STATUS_LABELS.get(leg.status, leg.status))),
        ("Mode", esc(leg.mode) if leg.mode != "unknown" else "not stated"),
        ("Length", _km(leg.length_km)),
    ]
    ev = [e for e in leg.destination.evidence.split("\n") if e]
    return (
        f'<div class="mp-pop"><div class="mp-main"><h4><span class="mp-sw" '
        f'style="background:{color}"></span>{esc(leg.mover)}: leg {int(leg.seq)}</h4>'
        f"{_rows(rows)}{_sentences([evidence_html(e, (o, d)) for e in ev], 'Evidence')}</div>"
        f"{_details([('Drawn by', esc(leg.network))])}</div>"
    )


def corridor_popup(c: Corridor) -> str:
    stated = c.stated_length_text or (_km(c.stated_length_km) if c.stated_length_km else None)
    if stated and c.stated_length_km and c.stated_length_text:
        stated = f"{c.stated_length_text} ({c.stated_length_km:,.0f} km)"
    rows = [
        ("Type", esc(CORRIDOR_LABELS.get(c.type, c.type))),
        ("Status", esc(CORRIDOR_STATUS_LABELS.get(c.status, c.status))),
        ("From", esc(c.origin.name)),
        ("To", esc(c.destination.name)),
        ("Via", ", ".join(esc(p.name) for p in c.via) or None),
        ("Stated length", esc(stated) if stated else None),
        ("Drawn length", _km(c.length_km)),
        ("Buffer", f"{c.width_km:g} km wide" if c.area is not None else None),
    ]
    places = (c.origin, c.destination, *c.via)
    ev = [evidence_html(c.evidence, places)] if c.evidence else []
    return (
        f'<div class="mp-pop"><h4>{esc(CORRIDOR_LABELS.get(c.type, c.type))}: '
        f"{esc(c.origin.name)} &ndash; {esc(c.destination.name)}</h4>{_rows(rows)}"
        f"{_sentences(ev, 'Evidence')}</div>"
    )


# ----------------------------------------------------------------------------- icons


def role_icon_html(role: str, implied: bool, label: str = "") -> str:
    """The marker HTML of a place role (CSS classes defined in ``PAGE_CSS``)."""
    # "mp-inferred", not "mp-implied": that is the class of the *role* "implied" (a crossing).
    cls = f"mp-pin mp-{role}" + (" mp-inferred" if implied else "")
    if not label:
        return f'<div class="{cls}"></div>'
    name = esc(f"{label} ({role_label(role)})")
    return f'<div class="{cls}" role="img" aria-label="{name}" title="{name}"></div>'


# One arrow shape per journey (cycled), so that journeys differ by shape as well as colour.
ARROW_PATHS = (
    "M0,-9 L7.5,8 L0,4 L-7.5,8 Z",  # notched arrowhead
    "M0,-9 L8,7 L-8,7 Z",  # triangle
    "M0,-10 L8,-1 L4,-1 L4,8 L-4,8 L-4,-1 L-8,-1 Z",  # block arrow
    "M0,-9 L8,1 L3,1 L3,3 L8,3 L0,9 L-8,3 L-3,3 L-3,1 L-8,1 Z",  # double chevron
)


def arrow_html(color: str, angle: float, journey: int = 0, size: int = 22) -> str:
    """The direction arrow of journey number ``journey`` (0-based), rotated by ``angle``."""
    d = ARROW_PATHS[journey % len(ARROW_PATHS)]
    return (
        f'<svg class="mp-arrow" width="{size}" height="{size}" viewBox="-11 -11 22 22" '
        f'style="transform:rotate({angle:.1f}deg)"><path d="{d}" '
        f'fill="{color}" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/></svg>'
    )


def _journey_sample(color: str, journey: int) -> str:
    """The legend key of a journey: its line and its arrow shape."""
    arrow = arrow_html(color, 90, journey, 16)
    return f'<span class="mp-jkey">{_line_sample(color, None)}{arrow}</span>'


def _line_sample(color: str, dash: str | None, width: int = 4) -> str:
    d = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="38" height="10"><line x1="2" y1="5" x2="36" y2="5" stroke="{color}" '
        f'stroke-width="{width}" stroke-linecap="round"{d}/></svg>'
    )


def _point_sample(color: str) -> str:
    """The legend key of a journey drawn as no line: a dot in its colour."""
    return (
        f'<svg width="38" height="10"><circle cx="19" cy="5" r="4" fill="{color}" '
        'stroke="#fff" stroke-width="1"/></svg>'
    )


# ----------------------------------------------------------------------------- panels


def source_text(article) -> str:
    """Where the article came from, as shown under the title: a URL in full, a file by name."""
    src = article.source or ""
    if src in ("", "-") or "://" in src:
        return src if src != "-" else ""
    return re.split(r"[\\/]", src)[-1]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def title_html(analysis: Analysis) -> str:
    a = analysis.article
    head = map_title(a)
    bits = [a.dateline, a.published.strftime("%-d %B %Y") if a.published else None]
    sub = " &middot; ".join(esc(b) for b in bits if b)
    src = esc(source_text(a))
    n_legs = sum(len(j.legs) for j in analysis.journeys)
    counts = ", ".join(
        _count(n, word)
        for n, word in (
            (len(analysis.journeys), "journey"),
            (n_legs, "leg"),
            (len(analysis.corridors), "corridor"),
            (len(analysis.places), "place"),
        )
        if n
    )
    if is_places_only(analysis):
        counts = f"{counts}; no journey found" if counts else "no place found"
    return (
        f'<div class="mp-panel mp-title"><div class="mp-h">{esc(head)}</div>'
        f'<div class="mp-sub">{sub}{" &middot; " if sub else ""}{esc(counts)}</div>'
        + (f'<div class="mp-src">{src}</div>' if src else "")
        + "</div>"
    )


def legend_html(analysis: Analysis, roles: dict[str, PlaceRole]) -> str:
    parts = [
        '<div class="mp-panel mp-legend" id="mp-legend"><details open><summary>Legend</summary>'
    ]
    if analysis.journeys:
        rows = "".join(
            f"<li>{_journey_sample(journey_color(i), i)} {esc(j.mover)}</li>"
            if j.legs
            else f"<li>{_point_sample(journey_color(i))} <span>{esc(j.mover)} "
            f'<span class="mp-muted">({esc(no_route_note(j))})</span></span></li>'
            for i, j in enumerate(analysis.journeys)
        )
        parts.append(f"<h5>Journeys</h5><ul>{rows}</ul>")
        used = {leg.status for j in analysis.journeys for leg in j.legs}
        rows = "".join(
            f"<li>{_line_sample('#455a64', STATUS_DASH[s])} {esc(STATUS_LABELS[s])}</li>"
            for s in STATUS_LABELS
            if s in used
        )
        if rows:
            parts.append(f"<h5>Leg status</h5><ul>{rows}</ul>")
            parts.append('<p class="mp-note">Arrows show the direction of travel.</p>')
    used_roles = {r.role for r in roles.values()}
    any_implied = any(r.implied and r.role != "mentioned" for r in roles.values())
    only = is_places_only(analysis)
    rows = "".join(
        f'<li><span class="mp-key">{role_icon_html(r, False)}</span> {esc(role_label(r))}</li>'
        for r in ROLES
        if r in used_roles and not (only and r == "mentioned")
    )
    if only and roles:
        # The same marker as drawn: a larger, darker dot, labelled.
        rows += (
            '<li><span class="mp-key"><span class="mp-pin mp-mentioned mp-only"></span></span> '
            f"{esc(role_label('mentioned', True))}</li>"
        )
    if any_implied:
        rows += (
            f'<li><span class="mp-key">{role_icon_html("stop", True)}</span> '
            "Hollow, dashed: inferred, not named</li>"
        )
    if rows:
        parts.append(f"<h5>Places</h5><ul>{rows}</ul>")
    if analysis.corridors:
        types = {c.type for c in analysis.corridors}
        rows = "".join(
            f"<li>{_line_sample(CORRIDOR_COLORS[t], None, 5)} {esc(CORRIDOR_LABELS[t])}</li>"
            for t in CORRIDOR_LABELS
            if t in types
        )
        statuses = {c.status for c in analysis.corridors}
        rows += "".join(
            f"<li>{_line_sample('#455a64', CORRIDOR_DASH[s], 5)} "
            f"{esc(CORRIDOR_STATUS_LABELS[s])}</li>"
            for s in CORRIDOR_STATUS_LABELS
            if s in statuses
        )
        if any(c.area is not None for c in analysis.corridors):
            rows += '<li><span class="mp-area"></span> Corridor buffer</li>'
        parts.append(f"<h5>Corridors</h5><ul>{rows}</ul>")
    parts.append("</details></div>")
    return "".join(parts)


def _date_key(stop_date: str | None) -> str:
    return (stop_date or "").split("/")[0]


def timeline_rows(journeys: Sequence[Journey]) -> list[tuple[str, int, int, Journey, Stop]]:
    """Every stop of every journey in time order.

    An undated stop takes the date of the stop before it in its journey (or, at the start of a
    journey, of the first dated stop after it), so that journeys keep their own order.
    """
    rows = []
    for ji, j in enumerate(journeys):
        dates = [_date_key(s.date) for s in j.stops]
        first = next((d for d in dates if d), "9999")
        last = first
        for si, s in enumerate(j.stops):
            last = dates[si] or last
            rows.append((last, ji, si, j, s))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def _filters(rows: Sequence[tuple]) -> str:
    """Status and mode filters for the timeline (only where there is a choice)."""
    out = []
    for cls, label, values in (
        ("mp-f-status", "Status", [s for s in STATUS_LABELS if s in {r[4].status for r in rows}]),
        ("mp-f-mode", "Mode", sorted({r[4].mode for r in rows})),
    ):
        if len(values) < 2:
            continue
        opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
        out.append(
            f'<label class="mp-filter">{label} <select class="{cls}">'
            f'<option value="">all</option>{opts}</select></label>'
        )
    return "".join(out)


def timeline_html(analysis: Analysis) -> str:
    rows = timeline_rows(analysis.journeys)
    if not rows and not analysis.warnings:
        return ""
    items = []
    for n, (_, ji, _si, j, s) in enumerate(rows):
        color = journey_color(ji)
        when = (
            esc(human_date(s.date)) if s.date else '<span class="mp-muted">date not stated</span>'
        )
        verb_text = s.verb.strip().strip("()").strip() if s.verb else ""
        verb = f' <span class="mp-muted">({esc(verb_text)})</span>' if verb_text else ""
        implied = ' <span class="mp-muted">[inferred]</span>' if s.implied else ""
        items.append(
            f'<li data-i="{n}" data-status="{esc(s.status)}" data-mode="{esc(s.mode)}" '
            f'tabindex="0" role="button" title="Show {esc(s.place.name)} on the map">'
            f'<span class="mp-sw" style="background:{color}"></span>'
            f'<span class="mp-when">{when}</span> <b>{esc(s.place.name)}</b>{verb}{implied} '
            f'<span class="mp-badge mp-{esc(s.status)}">{esc(s.status)}</span>'
            f'<div class="mp-muted">{esc(j.mover)}'
            + (f" &middot; {esc(s.mode)}" if s.mode != "unknown" else "")
            + "</div></li>"
        )
    notes = ""
    if analysis.warnings:
        warns = "".join(f"<li>{esc(w)}</li>" for w in analysis.warnings)
        notes = f'<ul class="mp-notes">{warns}</ul>'
    if not items:
        # No journey: no empty timeline, only the notes.
        return (
            '<div class="mp-panel mp-timeline" id="mp-timeline"><details>'
            f"<summary>Notes ({len(analysis.warnings)})</summary>{notes}</details></div>"
        )
    bar = ""
    if any(j.legs for j in analysis.journeys):
        bar = (
            '<div class="mp-tl-bar"><button type="button" class="mp-play" aria-pressed="false">'
            f"&#9654; Play the journeys</button>{_filters(rows)}</div>"
        )
    body = f'{bar}<ol class="mp-tl">{"".join(items)}</ol>'
    if notes:
        body += f"<details><summary>Notes ({len(analysis.warnings)})</summary>{notes}</details>"
    return (
        '<div class="mp-panel mp-timeline" id="mp-timeline"><details>'
        f"<summary>Timeline ({_count(len(rows), 'stop')})</summary>{body}"
        "</details></div>"
    )
