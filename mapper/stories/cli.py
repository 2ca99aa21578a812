"""``mapper map A B C``: several articles on one story map."""

from __future__ import annotations

import sys

from mapper import atomic
from mapper.errors import InputError
from mapper.map_outputs import write_map_outputs


def story_stem(sources: list[str]) -> str:
    """The default output name of a story: the first article's stem and how many follow."""
    from mapper.read import source_stem

    return f"{source_stem(sources[0])}-story{len(sources)}"


def map_story(args, deadline, outputs_of) -> int:
    """Analyse each article, join them into a story and write its map (and the other outputs
    asked for), all or none. ``outputs_of(args, stem)`` names the files, as for one article."""
    from mapper.read import read_article

    if args.published:
        raise InputError("--published names one article's date; with several articles each "
                         "date is read from its own text")
    outputs = outputs_of(args, story_stem(args.article))
    atomic.check_targets(outputs.values())
    if args.png:
        from mapper.render.static import image_format

        image_format(args.png)
    articles = [read_article(a) for a in args.article]

    from mapper.render import to_map
    from mapper.stories import analyze_many, story_of
    from mapper.stories.draw import add_contradictions, story_analysis

    analyses = analyze_many(articles, extractor=args.extractor, online=args.online)
    story = story_of(analyses)
    analysis = story_analysis(story, analyses, online=args.online)
    if not analysis.places:
        raise InputError("no places found in the articles")
    for w in analysis.warnings:
        print(f"mapper: warning: {w}", file=sys.stderr)
    places = {p.entry.key or p.id: p for p in analysis.places}
    m = to_map(analysis, inline=not args.cdn,
               overlays=lambda m: add_contradictions(m, story, places))
    page = m.get_root().render()
    return write_map_outputs(args, analysis, page, outputs, deadline)
