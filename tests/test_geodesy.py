"""mapper.geodesy: a geodesic across the antimeridian keeps its longitudes continuous, the
same floats as shifting the points one by one (unwrap_longitudes)."""

from __future__ import annotations

import random

import numpy as np
from pyproj.enums import GeodIntermediateFlag

from mapper.geodesy import WGS84, distance_km, geodesic_line, unwrap_longitudes


def _stepwise(a, b, step_km=25.0) -> np.ndarray:
    n = max(int(distance_km(a, b) // step_km), 0)
    inner = WGS84.inv_intermediate(a[1], a[0], b[1], b[0], npts=n,
                                   flags=GeodIntermediateFlag.AZIS_DISCARD,
                                   return_back_azimuth=False) if n else None
    points = [(a[1], a[0]), *(zip(inner.lons, inner.lats) if inner else ()), (b[1], b[0])]
    return np.array(unwrap_longitudes(points))


def test_lines_across_the_antimeridian_are_the_stepwise_unwrap():
    rng = random.Random(7)
    crossing = 0
    for _ in range(300):
        a = (rng.uniform(-70, 70), rng.uniform(120, 180))
        b = (rng.uniform(-70, 70), rng.uniform(-180, -120))
        line = np.asarray(geodesic_line(a, b).coords)
        crossing += bool(np.any(np.abs(line[:, 0]) > 180))
        assert line.tobytes() == _stepwise(a, b).tobytes()
        assert np.all(np.abs(np.diff(line[:, 0])) <= 180)
    assert crossing > 250  # nearly all of them leave [-180, 180] to stay continuous


def test_tokyo_to_honolulu_goes_east_over_the_pacific():
    line = np.asarray(geodesic_line((35.68, 139.69), (21.31, -157.86)).coords)
    assert line[-1, 0] == -157.86 + 360 and np.all(np.diff(line[:, 0]) > 0)
