"""First-run and later-run cost of ``mapper places`` (issue 12: first run at most 20 s of CPU).

Each run is a fresh process. The cold run starts on an empty ``MAPPER_CACHE_DIR`` (it builds
the gazetteer index, the basemap is not needed by ``places``); the warm runs reuse what it built.
CPU is user + system time of the child process, wall is elapsed time.

    .venv/bin/python benchmarks/cold_start.py [ARTICLE] [--warm N] [--command places|map]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_e4a7c6f4d49187f3.txt"
TARGET_CPU_S = 20.0


def run_once(args: list[str], cache: Path, out: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``python -m mapper ARGS`` in a fresh process."""
    env = {**os.environ, "MAPPER_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mapper", *args], env=env, cwd=out,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"cold_start: mapper exited {done.returncode}: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("article", nargs="?", type=Path, default=SEED)
    p.add_argument("--warm", type=int, default=3, help="warm runs after the cold one")
    p.add_argument("--command", choices=("places", "map"), default="places")
    args = p.parse_args()
    article = args.article.resolve()
    with tempfile.TemporaryDirectory(prefix="mapper-cold-") as tmp:
        cache, out = Path(tmp) / "cache", Path(tmp) / "out"
        out.mkdir()
        cli = [args.command, str(article)] + (["-o", str(out / "map.html")]
                                              if args.command == "map" else [])
        cold = run_once(cli, cache, out)
        warm = [run_once(cli, cache, out) for _ in range(args.warm)]
        size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    print(f"mapper {args.command} {article.name}  (load average {os.getloadavg()[0]:.2f})")
    print(f"{'run':<22}{'CPU s':>8}{'wall s':>9}")
    print(f"{'cold (empty cache)':<22}{cold[0]:>8.2f}{cold[1]:>9.2f}")
    if warm:
        print(f"{f'warm (median of {len(warm)})':<22}"
              f"{statistics.median(c for c, _ in warm):>8.2f}"
              f"{statistics.median(w for _, w in warm):>9.2f}")
    print(f"cache size: {size / 1e6:.0f} MB; cold CPU target {TARGET_CPU_S:.0f} s: "
          f"{'met' if cold[0] <= TARGET_CPU_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
