"""``mapper map A B C``: several articles on one story map."""

from __future__ import annotations

import sys
from functools import partial

from mapper import atomic
from mapper.errors import InputError


def story_stem(sources: list[str]) -> str:
    """The default output name of a story: the first article's stem and how many follow."""
    from mapper.read import source_stem

    return f"{source_stem(sources[0])}-story{len(sources)}"


def map_story(args, deadline, outputs_of) -> int:
    """Analyse each article, join them into a story and write its map (and the other outputs
    asked for), all or none. ``outputs_of(args, stem)`` names the files, as for one article."""
    from mapper import export
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
    data: dict[str, atomic.Data] = {"-o": page}
    if args.embed:
        from mapper.render.embed import embed_fragment

        data["--embed"] = embed_fragment(analysis, page)
    if args.geojson:
        data["--geojson"] = export.geojson_text(analysis)
    if args.csv:
        data["--csv"] = export.places_csv(analysis)
    images = {o: getattr(args, o) for o in ("png", "svg", "pdf") if getattr(args, o)}
    if images:
        from mapper.render.static import draw, image_format, save_figure

        fig = draw(analysis)
        for option, path in images.items():
            fmt = image_format(path) if option == "png" else option
            data[f"--{option}"] = partial(save_figure, fig, fmt=fmt)
    deadline.disarm()
    written = atomic.write_all([(outputs[k], data[k]) for k in outputs])
    if atomic.STDOUT not in outputs.values():
        for path in written:
            print(path)
    return 0
