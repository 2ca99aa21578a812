"""The ``mapper batch`` subcommand."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    """Add ``batch`` to the ``mapper`` subcommands."""
    b = sub.add_parser(
        "batch", help="map many articles in parallel (Dask), resumably",
        description="Map every article of the inputs into DIR: per-article GeoJSON and map, "
                    "GeoParquet tables places/legs/corridors/articles and index.html. A rerun "
                    "skips the articles already done.")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files, folders, globs, CSV/JSONL with a text or url column "
                        "(optional id, published), or corpus XML")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder")
    b.add_argument("--workers", type=int, metavar="N",
                   help="worker processes of the local cluster (default: one per core)")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this existing Dask scheduler instead of a local cluster")
    b.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="time limit per article in seconds (default 60; 0: none)")
    b.add_argument("--limit", type=int, metavar="N",
                   help="at most N articles from each input (file list, table or corpus)")
    b.add_argument("--chunk", type=int, metavar="N", help="articles per task (default: auto)")
    b.add_argument("--no-maps", action="store_true",
                   help="GeoJSON and tables only, no per-article HTML map")
    b.add_argument("--cdn", action="store_true",
                   help="maps load Leaflet from a CDN instead of DIR/maps/assets/")
    b.add_argument("--retry-failed", action="store_true",
                   help="analyse again the articles a previous run marked error or timeout")
    b.add_argument("--stories", action="store_true",
                   help="also write the stories table: each mover's journey joined across the "
                        "articles (stops merged, every article cited, contradictions flagged)")
    b.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the batch; exit 0 when it ran to the end (failed articles are rows, not errors)."""
    from mapper.batch.run import report, run_batch
    from mapper.errors import InputError

    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be 1 or more")
    if args.limit is not None and args.limit < 0:
        raise InputError("--limit must be zero or more")
    summary = run_batch(args.inputs, args.out, workers=args.workers, scheduler=args.scheduler,
                        timeout=args.timeout or None, limit=args.limit, chunk_size=args.chunk,
                        maps=not args.no_maps, inline=not args.cdn,
                        retry_failed=args.retry_failed, stories=args.stories)
    print(report(summary, args.out), file=sys.stderr)
    return 130 if summary.interrupted else 0
