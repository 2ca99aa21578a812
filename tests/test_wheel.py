"""The wheel carries everything mapper needs at run time.

Built from the checkout's tracked files (``pip wheel --no-deps``, as a user would), installed into
a fresh venv, it maps the example article from a folder outside the checkout exactly as the
editable install does; a data file missing from the wheel fails loudly.

The fresh venv (``--without-pip``, no system site-packages) holds only the wheel; its dependencies
come from this suite's own environment through a ``.pth`` line added after the install (the
versions in constraints.txt, which CI installs), so the check costs seconds rather than a second
download of spaCy and friends. A ``.pth`` line only extends ``sys.path``: the editable install's
finder in that environment is not run, and the test asserts mapper is imported from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

from mapper.cli import main
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.wheel


def _tracked_files() -> list[str]:
    """The checkout's tracked (and new, not ignored) files that exist: what a clean clone has."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines() if (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Build the wheel from a copy of the tracked files and install it into a fresh venv."""
    start = time.perf_counter()
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    files = _tracked_files()
    for name in files:  # a copy: no build/ or egg-info left in the checkout, no stale files
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    dist = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)])
    (wheel,) = dist.glob("mapper-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
          "--no-index", str(wheel)])
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"]).stdout.strip())
    deps = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_mapper_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {"wheel": wheel, "venv": venv, "site": site, "env": env, "files": files,
            "setup_s": time.perf_counter() - start}


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    assert proc.returncode == 0, f"{' '.join(argv)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_wheel_holds_every_package_file(wheel_env):
    names = set(zipfile.ZipFile(wheel_env["wheel"]).namelist())
    wanted = {f for f in wheel_env["files"] if f.startswith("mapper/")}
    assert {f for f in wanted if f.startswith("mapper/data/")}, "no package data tracked"
    assert not wanted - names, f"missing from the wheel: {sorted(wanted - names)}"
    assert not any(n.startswith(("data/", "tests/", "benchmarks/")) for n in names)


def test_wheel_maps_the_example_from_outside_the_checkout_like_the_editable_install(
        wheel_env, tmp_path, capsys, monkeypatch):
    venv, env = wheel_env["venv"], wheel_env["env"]
    where = _run([str(venv / "bin" / "python"), "-c",
                  "import mapper, mapper.resources as r; print(mapper.__file__); "
                  "print(r.data_root())"], cwd=tmp_path, env=env).stdout.split()
    assert all(Path(p).is_relative_to(wheel_env["site"]) for p in where), where
    work = tmp_path / "outside"  # no mapper/ or data/ here
    work.mkdir()
    shutil.copy(SEED, work / SEED.name)
    start = time.perf_counter()
    _run([str(venv / "bin" / "mapper"), "map", SEED.name, "-o", "map.html",
          "--geojson", "out.geojson"], cwd=work, env=env)
    run_s = time.perf_counter() - start
    ref = tmp_path / "ref"
    ref.mkdir()
    shutil.copy(SEED, ref / SEED.name)
    monkeypatch.chdir(ref)  # the same relative argument: the GeoJSON names its source
    assert main(["map", SEED.name, "-o", "map.html", "--geojson", "out.geojson"]) == 0
    capsys.readouterr()
    got = json.loads((work / "out.geojson").read_text(encoding="utf-8"))
    want = json.loads((ref / "out.geojson").read_text(encoding="utf-8"))

    def summary(fc: dict) -> tuple:
        places = sorted(f["properties"]["gazetteer_name"] for f in fc["features"]
                        if f["properties"]["kind"] == "place")
        legs = sorted((f["properties"]["journey"], f["properties"]["seq"],
                       f["properties"]["from"], f["properties"]["to"], f["properties"]["mode"],
                       f["properties"]["network"]) for f in fc["features"]
                      if f["properties"]["kind"] == "leg")
        return places, legs

    assert summary(got) == summary(want)
    assert got == want  # and everything else: geometries, quotes, article metadata
    assert "Khabarovsk" in summary(got)[0]
    print(f"wheel check: build and install {wheel_env['setup_s']:.1f} s, "
          f"mapper map from the wheel {run_s:.1f} s")


def test_wheel_missing_a_data_file_fails_loudly(wheel_env, tmp_path):
    table = wheel_env["site"] / "mapper" / "data" / "gazetteer" / "features.csv"
    kept = tmp_path / "features.csv"
    shutil.move(table, kept)
    try:
        proc = subprocess.run([str(wheel_env["venv"] / "bin" / "mapper"), "places", str(SEED)],
                              cwd=tmp_path, env=wheel_env["env"], capture_output=True, text=True)
    finally:
        shutil.move(kept, table)
    assert proc.returncode == 2, proc.stderr
    assert "gazetteer/features.csv is missing" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stdout == ""
