"""A story as one ``Analysis`` the existing renderer draws: one journey per mover, a place per
gazetteer entry, every stop's evidence one line per article that tells it (the popups list
them), contradictions as notes and disputed stops marked in the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from mapper.model import Analysis, Article, Corridor, Journey, Leg, Mention, Place, Stop
from mapper.stories.model import Citation, Story, StoryArticle, StoryJourney

STATUS_WORDS = {"confirmed": "confirmed", "planned": "planned", "reported": "reported",
                "speculated": "speculated"}


def citation_line(c: Citation, article: StoryArticle) -> str:
    """One article's sentence on a stop, as a popup lists it: which article, of which day,
    what it said the stop was."""
    sentence = " ".join(c.sentence.split())  # a headline and its lede: one line
    return f"{article.label} ({STATUS_WORDS.get(c.status, c.status)}): {sentence}"


def _key(place: Place) -> str:
    return place.entry.key or place.id


def _cited(mention: Mention, label: str, offset: int) -> Mention:
    """A mention whose sentence ends with its article's name and date, at its offset in the
    story's text (the articles one after another, so popups list them in article order)."""
    return replace(mention, start=mention.start + offset, end=mention.end + offset,
                   sentence=f"{mention.sentence} ({label})" if mention.sentence else "")


def _offsets(analyses: Sequence[Analysis]) -> list[int]:
    """Where each article starts in the story's text (``story_text``)."""
    out, at = [], 0
    for a in analyses:
        out.append(at)
        at += len(a.article.text) + 2
    return out


def story_places(story: Story, analyses: Sequence[Analysis]) -> dict[str, Place]:
    """One place per gazetteer entry, with the mentions of every article; keyed by entry."""
    places: dict[str, Place] = {}
    offsets = _offsets(analyses)
    found: list[tuple[Place, int]] = [(p, i) for i, a in enumerate(analyses) for p in a.places]
    found += [(s.place, c.article) for j in story.journeys for s in j.stops
              for c in s.citations[:1]]
    for p, i in found:
        key = _key(p)
        label = story.articles[i].label if i < len(story.articles) else ""
        at = offsets[i] if i < len(offsets) else 0
        mentions = tuple(_cited(m, label, at) for m in p.mentions)
        if key in places:
            old = places[key]
            places[key] = replace(old, mentions=old.mentions + mentions,
                                  implied=old.implied and p.implied)
        else:
            places[key] = replace(p, id=f"sp{len(places) + 1}", mentions=mentions)
    return places


def _journey(j: StoryJourney, story: Story, places: dict[str, Place]) -> Journey:
    stops = []
    for s in j.stops:
        evidence = "\n".join(citation_line(c, story.articles[c.article]) for c in s.citations)
        verb = "disputed" if s.disputed else (
            f"{len(s.articles)} articles" if len(s.articles) > 1 else "")
        stops.append(Stop(places[_key(s.place)], s.status, evidence, s.date, s.mode, verb,
                          s.implied, len(stops)))
    route_ids = {id(s) for s in j.route}
    on_route = [st for st, s in zip(stops, j.stops) if id(s) in route_ids]
    legs = tuple(Leg(j.id, j.mover, n, a, b)
                 for n, (a, b) in enumerate(zip(on_route, on_route[1:]), start=1)
                 if a.place.id != b.place.id)
    legs = tuple(replace(leg, seq=n) for n, leg in enumerate(legs, start=1))
    return Journey(j.id, j.mover, tuple(stops), legs)


def contradiction_notes(story: Story) -> tuple[str, ...]:
    """One line per contradiction, naming both articles."""
    notes = []
    for j in story.journeys:
        for c in j.contradictions:
            a, b = (j.stops[i] for i in c.stops)
            ca, cb = c.citations
            notes.append(
                f"Contradiction, {j.mover} on {c.date}: {a.place.name} "
                f"({story.articles[ca.article].label}) or {b.place.name} "
                f"({story.articles[cb.article].label})")
    return tuple(notes)


def story_analysis(story: Story, analyses: Sequence[Analysis] = (), *,
                   online: bool = False) -> Analysis:
    """The story as one drawn ``Analysis`` (see the module docstring)."""
    from mapper.gazetteer.embedded import default_gazetteer
    from mapper.geometry import draw

    places = story_places(story, analyses)
    journeys = tuple(_journey(j, story, places) for j in story.journeys if j.stops)
    corridors: list[Corridor] = []
    for a in analyses:
        for c in a.corridors:
            corridors.append(replace(
                c, id=f"c{len(corridors) + 1}", origin=places[_key(c.origin)],
                destination=places[_key(c.destination)],
                via=tuple(places[_key(v)] for v in c.via)))
    names = [a.label for a in story.articles]
    movers = ", ".join(j.mover for j in story.journeys[:2] if len(j.stops) > 1)
    title = f"{movers or 'Story'}: {len(story.articles)} articles"
    dates = sorted(a.published for a in story.articles if a.published)
    article = Article(text="\n\n".join(a.article.text for a in analyses),
                      source="; ".join(names), stem="story", title=title,
                      published=dates[-1] if dates else None)
    warnings = contradiction_notes(story) + tuple(
        f"{story.articles[i].label}: {w}" for i, a in enumerate(analyses) for w in a.warnings)
    analysis = Analysis(article, tuple(places.values()), journeys, tuple(corridors), warnings)
    return draw(analysis, default_gazetteer(), online=online)


DISPUTED_COLOR = "#c62828"


def _dispute_popup(story: Story, j: StoryJourney, k: int) -> str:
    """Both sides of a contradiction: each article's sentence with its date."""
    from mapper.render.safe import esc

    c = j.contradictions[k]
    items = "".join(
        f"<li><b>{esc(j.stops[i].place.name)}</b>: "
        f"{esc(citation_line(cit, story.articles[cit.article]))}</li>"
        for i, cit in zip(c.stops, c.citations))
    return (f'<div class="mp-pop"><div class="mp-main"><h4>Contradiction: {esc(j.mover)}, '
            f'{esc(c.date)}</h4><div class="mp-ev"><b>The articles disagree</b><ol>{items}'
            "</ol></div></div></div>")


def add_contradictions(m, story: Story, places: dict[str, Place]) -> None:
    """A red dashed ring round each disputed stop and a dashed line between the two places
    the articles give, in a "Contradictions" layer; popups cite both articles."""
    import folium

    from mapper.render import safe

    flagged = [(j, k) for j in story.journeys for k in range(len(j.contradictions))]
    if not flagged:
        return
    ring = (f'<span class="mp-sw" style="background:none;border:2px dashed {DISPUTED_COLOR};'
            'border-radius:50%;box-sizing:border-box"></span>')
    group = safe.feature_group(f"{ring}Contradictions ({len(flagged)})", overlay=True,
                               show=True)
    for j, k in flagged:
        c = j.contradictions[k]
        pts = [places[_key(j.stops[i].place)] for i in c.stops]
        popup = _dispute_popup(story, j, k)
        tip = safe.esc(f"Disputed: {pts[0].name} or {pts[1].name} on {c.date}")
        folium.PolyLine([(p.lat, p.lon) for p in pts], color=DISPUTED_COLOR, weight=2,
                        dash_array="2 6", opacity=0.9, class_name="mapper-disputed",
                        popup=safe.popup(popup, max_width=380),
                        tooltip=safe.tooltip(tip)).add_to(group)
        for p in pts:
            folium.CircleMarker((p.lat, p.lon), radius=13, color=DISPUTED_COLOR, weight=2,
                                dash_array="4 3", fill=False, class_name="mapper-disputed",
                                popup=safe.popup(popup, max_width=380),
                                tooltip=safe.tooltip(tip)).add_to(group)
    group.add_to(m)


def story_map(story: Story, inline: bool = True, online: bool = False):
    """The folium map of a story: one line per mover, popups citing each article, disputed
    stops ringed in red."""
    from mapper.render import to_map

    analysis = story_analysis(story, story.analyses, online=online)
    return to_map(analysis, inline=inline, overlays=partial(
        add_contradictions, story=story, places={_key(p): p for p in analysis.places}))
