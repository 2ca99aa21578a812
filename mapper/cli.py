"""The ``mapper`` command line: map, places, journey, batch, evaluate, evaluate-journeys.

Exit 0 on success; exit 2 with one line on stderr for bad input or a missing or corrupt package
data file; never a traceback, never a partial output file.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import sys
import threading
import warnings
from pathlib import Path

from mapper import atomic
from mapper.errors import DataFileError, InputError, MapperError, OutputError, TimeoutExceeded
from mapper.map_outputs import IMAGE_OPTIONS, write_map_outputs
from mapper.model import Analysis

EXIT_BAD_INPUT = 2
DEFAULT_TIMEOUT = 300.0  # seconds per article for map, places and journey


def _seconds(value: str) -> float:
    """A positive number of seconds (argparse type)."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def _add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                        help="stop with exit 2, writing nothing, when the article takes longer "
                             f"(default: $MAPPER_TIMEOUT or {DEFAULT_TIMEOUT:g})")


def _parser(evaluate: bool = True) -> argparse.ArgumentParser:
    """The argument parser; without ``evaluate`` its ``evaluate`` command is a stub, so the
    other commands start without importing the evaluation code (numpy, pyproj)."""
    p = argparse.ArgumentParser(prog="mapper", description="Turn a journey article into a map.")
    p.add_argument("--extractor", choices=("spacy", "gazetteer"), default="spacy",
                   help="place extractor (default: spacy)")
    p.add_argument("--online", action="store_true",
                   help="allow online sources (rail networks, routers); cached on disk")
    p.add_argument("--geocoder", metavar="NAME",
                   help="also ask this web geocoder (geopy name: nominatim, photon, ...) for names "
                        "the embedded gazetteer lacks; 1 request/s, cached on disk")
    p.add_argument("--geocoder-domain", metavar="HOST[:PORT]",
                   help="the geocoder's server (default: the provider's public one)")
    p.add_argument("--published", metavar="DATE",
                   help="the article's publication date (YYYY-MM-DD), which relative dates "
                        "('on Sunday', 'yesterday') count from; wins over the date read from "
                        "the page or the text")
    sub = p.add_subparsers(dest="command", required=True)

    m = sub.add_parser("map", help="write the interactive map (and GeoJSON)")
    m.add_argument("article", nargs="+",
                   help="a text or HTML file, - for stdin, or an http(s) URL; several: one "
                        "story map joining their journeys (mapper.stories)")
    m.add_argument("-o", "--output",
                   help="HTML path (default: output/<file-stem>.html; for stdin or a URL "
                        "output/<headline-slug>.html, -2, -3... when that holds another map)")
    m.add_argument("--geojson", help="also write the GeoJSON here")
    m.add_argument("--csv", help="also write the places CSV here")
    m.add_argument("--png", help="also write a static image here (.svg, .pdf by suffix too)")
    m.add_argument("--svg", help="also write the static map as SVG here")
    m.add_argument("--pdf", help="also write the static map as PDF here")
    m.add_argument("--embed", metavar="OUT.html",
                   help="also write the map as an HTML fragment (a <div> with the map in a "
                        "sandboxed frame) to paste into a report or CMS page")
    m.add_argument("--cdn", action="store_true",
                   help="load Leaflet from a CDN instead of embedding it (smaller file)")
    _add_timeout(m)

    pl = sub.add_parser("places", help="print the places")
    pl.add_argument("article")
    pl.add_argument("--format", choices=("table", "csv", "json", "geojson"), default="table")
    _add_timeout(pl)

    j = sub.add_parser("journey", help="print the journeys")
    j.add_argument("article")
    j.add_argument("--format", choices=("table", "json", "geojson"), default="table")
    _add_timeout(j)

    if evaluate:
        from mapper.evaluate.cli import add_parser
        from mapper.evaluate.journeys_cli import add_parser as add_journeys_parser

        add_parser(sub)
        add_journeys_parser(sub)
    else:
        sub.add_parser("evaluate", help="score the geoparser on a gold corpus", add_help=False)
        sub.add_parser("evaluate-journeys", help="score the journeys against gold journeys",
                       add_help=False)
    from mapper.batch.cli import add_parser as add_batch_parser

    add_batch_parser(sub)
    return p


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it)."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def _quiet_logging(debug: bool) -> None:
    """mapper's own log records go to stderr as "mapper: ..."; the libraries' (trafilatura's
    "discarding data: None", urllib3's retries, ...) and their Python warnings are silenced,
    unless ``MAPPER_DEBUG`` is set (then the libraries' warnings show too)."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if isinstance(h, _StderrHandler)), None)
    if handler is None:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("mapper: %(message)s"))
        root.addHandler(handler)
    handler.filters = [] if debug else [
        lambda r: r.name == "mapper" or r.name.startswith("mapper.")]
    root.setLevel(logging.WARNING)
    if not debug:
        warnings.simplefilter("ignore")


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM ends mapper like Ctrl-C: temporary files are removed, no output is half written."""
    raise SystemExit(128 + signum)


def _time_budget(args) -> float:
    """The article's time budget in seconds: ``--timeout``, else ``MAPPER_TIMEOUT``, else
    DEFAULT_TIMEOUT."""
    if args.timeout is not None:
        return args.timeout
    env = os.environ.get("MAPPER_TIMEOUT", "").strip()
    if not env:
        return DEFAULT_TIMEOUT
    try:
        return _seconds(env)
    except argparse.ArgumentTypeError as exc:
        raise InputError(f"MAPPER_TIMEOUT: {exc}") from None


def _out_of_time(_signum: int, frame) -> None:
    """The SIGALRM handler: raise TimeoutExceeded, but never inside an import (a library
    half imported turns it into an ImportError); then again a moment later."""
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            return
        frame = frame.f_back
    _Deadline.expired = True
    raise TimeoutExceeded


class _Deadline:
    """SIGALRM after ``seconds`` raises TimeoutExceeded in the main thread (elsewhere, or where
    SIGALRM does not exist, no deadline). Only the CLI sets it: the pipeline uses no signals."""

    expired = False  # whether the last deadline ran out (a library may wrap the exception)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        _Deadline.expired = False

    def __enter__(self) -> _Deadline:
        if hasattr(signal, "setitimer") and \
                threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGALRM, _out_of_time)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def disarm(self) -> None:
        """Stop the clock (before the outputs are written: they are written whole or not)."""
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            self.armed = False

    def __exit__(self, *_exc: object) -> None:
        self.disarm()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(evaluate=bool({"evaluate", "evaluate-journeys"} & set(argv))).parse_args(argv)
    _quiet_logging(bool(os.environ.get("MAPPER_DEBUG")))
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.command in ("evaluate", "evaluate-journeys", "batch"):
            return int(args.func(args) or 0)
        return _run(args)
    except (InputError, DataFileError, OutputError) as exc:
        print(f"mapper: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MapperError as exc:
        print(f"mapper: {exc}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 1))
    except TimeoutExceeded:
        return _timed_out(args)
    except KeyboardInterrupt:
        print("mapper: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        if _Deadline.expired:  # TimeoutExceeded, wrapped by a library
            return _timed_out(args)
        if os.environ.get("MAPPER_DEBUG"):
            raise
        print(f"mapper: internal error ({type(exc).__name__}: {exc}); "
              "rerun with MAPPER_DEBUG=1 for details", file=sys.stderr)
        return 1


def _timed_out(args) -> int:
    print(f"mapper: gave up after {_time_budget(args):g} s (the time limit; raise it with "
          "--timeout or MAPPER_TIMEOUT); nothing written", file=sys.stderr)
    return EXIT_BAD_INPUT




def _map_outputs(args, stem: str) -> dict[str, str]:
    """The files ``mapper map`` writes, by option: the map, then the optional ones."""
    if args.output:
        out = args.output
        if not Path(out).suffix and not atomic.is_stream(out) and not os.path.isdir(out):
            out += ".html"  # "-o mymap": a browser opens mymap.html
    else:
        out = str(Path("output") / f"{stem}.html")
    paths = {"-o": out}
    for option in ("geojson", "csv", "embed", *IMAGE_OPTIONS):
        if getattr(args, option):
            paths[f"--{option}"] = getattr(args, option)
    return paths


def _named_by_headline(args) -> bool:
    """Whether the map's name comes from the article (stdin or a URL, no ``-o``)."""
    from mapper.read import is_url

    return not args.output and (args.article == "-" or is_url(args.article))


def _headline_output(article, stem: str) -> str:
    """``output/<headline slug>.html``, with ``-2``, ``-3``... rather than overwriting another
    article's map (see mapper.naming); says so on stderr when it adds one."""
    from mapper.naming import article_digest, article_slug, free_name

    base = article_slug(article, stem)
    path = free_name(Path("output"), base, article_digest(article))
    if path.name != f"{base}.html":
        print(f"mapper: output/{base}.html holds another article's map; writing {path}",
              file=sys.stderr)
    return str(path)


def _run(args) -> int:
    """map, places or journey within the article's time budget."""
    with _Deadline(_time_budget(args)) as deadline:
        return _run_within(args, deadline)


def _run_within(args, deadline: _Deadline) -> int:
    # The input and the outputs are checked before any model loads: a bad path fails at once.
    from mapper.read import read_article, source_stem

    if args.command == "map" and isinstance(args.article, list):
        if len(args.article) > 1:  # several articles: one story
            from mapper.stories.cli import map_story

            return map_story(args, deadline, _map_outputs)
        args.article = args.article[0]
    outputs: dict[str, str] = {}
    named_later = args.command == "map" and _named_by_headline(args)
    if args.command == "map":
        outputs = _map_outputs(args, source_stem(args.article))
        atomic.check_targets(v for k, v in outputs.items() if not (named_later and k == "-o"))
        if args.png:
            from mapper.render.static import image_format

            image_format(args.png)
    article = read_article(args.article)
    if named_later:
        outputs["-o"] = _headline_output(article, source_stem(args.article))
        atomic.check_targets(outputs.values())

    from mapper import export
    from mapper.pipeline import analyze

    gazetteer = None
    if args.geocoder:
        from mapper import __version__
        from mapper.gazetteer.web import make_gazetteer

        gazetteer = make_gazetteer(args.geocoder, user_agent=f"mapper/{__version__}",
                                   domain=args.geocoder_domain)
    analysis = analyze(article, extractor=args.extractor, online=args.online,
                       gazetteer=gazetteer, published=args.published)
    if not analysis.places:
        raise InputError(f"no places found in {article.source}")
    for w in analysis.warnings:
        print(f"mapper: warning: {w}", file=sys.stderr)

    if args.command == "map":
        from mapper.render import to_map

        # everything is rendered before the first file is written: all outputs or none
        page = to_map(analysis, inline=not args.cdn).get_root().render()
        return write_map_outputs(args, analysis, page, outputs, deadline)

    deadline.disarm()  # nothing is printed half
    if args.command == "places":
        if args.format == "csv":
            sys.stdout.write(export.places_csv(analysis))
        elif args.format == "json":
            print(json.dumps(export.place_rows(analysis), ensure_ascii=False, indent=1))
        elif args.format == "geojson":
            gj = export.to_geojson(analysis)
            gj["features"] = [f for f in gj["features"] if f["properties"]["kind"] == "place"]
            sys.stdout.write(export.geojson_dumps(gj))
        else:
            print(_table(export.place_rows(analysis),
                         ["name", "gazetteer_name", "feature", "country_code", "lat", "lon",
                          "implied", "mentions"]))
        return 0

    if args.command == "journey":
        if args.format == "json":
            print(json.dumps(export.leg_rows(analysis), ensure_ascii=False, indent=1))
        elif args.format == "geojson":
            gj = export.to_geojson(analysis)
            gj["features"] = [f for f in gj["features"] if f["properties"]["kind"] != "place"]
            sys.stdout.write(export.geojson_dumps(gj))
        else:
            rows = export.leg_rows(analysis) + _lone_stop_rows(analysis)
            if not rows:
                print("no journeys found")
            else:
                print(_table(rows, ["journey", "mover", "seq", "from", "to", "status", "mode",
                                    "date", "length_km", "network"]))
            for c in analysis.corridors:
                stated = f", stated {c.stated_length_km:g} km" if c.stated_length_km else ""
                print(_printable(f"corridor {c.id}: {c.type} ({c.status}) {c.origin.name} -> "
                                 f"{c.destination.name}, drawn {c.length_km:g} km{stated}"))
        return 0
    return 0


def _lone_stop_rows(analysis: Analysis) -> list[dict]:
    """Table rows for the stops no leg reaches ("visited Paris", "trips to Paris and Rome"):
    a stop with an empty "from"."""
    rows = []
    for j in analysis.journeys:
        on_legs = {(s.place.id, s.position) for leg in j.legs
                   for s in (leg.origin, leg.destination)}
        rows += [{"journey": j.id, "mover": j.mover, "seq": "-", "from": "", "to": s.place.name,
                  "status": s.status, "mode": s.mode, "date": s.date}
                 for s in j.stops if (s.place.id, s.position) not in on_legs]
    return rows


# Control characters from an article (ESC sequences, bells) shown as escapes, never sent raw
# to the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[("" if r.get(c) is None else _printable(str(r.get(c)))) for c in columns]
             for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) if cells else len(c)
              for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
