"""The files of one ``mapper map`` run (map, embed fragment, GeoJSON, CSV, images), all
rendered before the first is written, then written together: all outputs or none."""

from __future__ import annotations

from functools import partial

from mapper import atomic
from mapper.model import Analysis

IMAGE_OPTIONS = ("png", "svg", "pdf")


def write_map_outputs(args, analysis: Analysis, page: str, outputs: dict, deadline) -> int:
    """Render what ``args`` asks for beside the map ``page``, stop the clock, write every file
    at once and print their paths (not when one of them is stdout)."""
    from mapper import export

    data: dict[str, atomic.Data] = {"-o": page}
    if args.embed:
        from mapper.render.embed import embed_fragment

        data["--embed"] = embed_fragment(analysis, page)
    if args.geojson:
        data["--geojson"] = export.geojson_text(analysis)
    if args.csv:
        data["--csv"] = export.places_csv(analysis)
    images = {o: getattr(args, o) for o in IMAGE_OPTIONS if getattr(args, o)}
    if images:
        from mapper.render.static import draw, image_format, save_figure

        fig = draw(analysis)
        for option, path in images.items():
            fmt = image_format(path) if option == "png" else option
            data[f"--{option}"] = partial(save_figure, fig, fmt=fmt)
    deadline.disarm()
    written = atomic.write_all([(outputs[k], data[k]) for k in outputs])
    if atomic.STDOUT not in outputs.values():  # the paths would mix into the data
        for path in written:
            print(path)
    return 0
