"""The command line on bad inputs and outputs: checked before any model loads, one line and exit
2, no output file of a failed run, devices written in place, and outputs that survive a kill."""

from __future__ import annotations

import json
import os
import pickle
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapper.cli import main
from tests.conftest import ARTICLES, ROOT, SEED

PYTHON = sys.executable
# Runs the CLI and reports whether spaCy (or the pipeline) was imported on the way.
PROBE = ("import sys; from mapper.cli import main; rc = main(sys.argv[1:]); "
         "print(rc, 'spacy' in sys.modules or 'mapper.pipeline' in sys.modules)")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MAPPER_DEBUG"}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def probe(*argv: str, cwd: Path = ROOT, timeout: float = 60) -> tuple[str, str, float]:
    start = time.monotonic()
    proc = subprocess.run([PYTHON, "-c", PROBE, *argv], capture_output=True, text=True,
                          cwd=cwd, env=_env(), timeout=timeout)
    return proc.stdout.strip(), proc.stderr, time.monotonic() - start


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mapper: ") and "Traceback" not in err
    assert "internal error" not in err
    return lines[0]


# ------------------------------------------------------------------------------------ input


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "dev_zero"])
def test_bad_input_fails_before_any_model_loads(tmp_path: Path, case: str) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    arg = {"missing": str(tmp_path / "missing.txt"), "directory": str(tmp_path),
           "empty": str(tmp_path / "empty.txt"), "dev_zero": "/dev/zero"}[case]
    out, err, seconds = probe("places", arg)
    assert out == "2 False"  # exit 2, and neither spaCy nor the pipeline was imported
    line = one_line(err)
    assert {"missing": "not found", "directory": "directory", "empty": "empty",
            "dev_zero": "too large"}[case] in line
    assert seconds < 30  # generous for a loaded machine; about 0.3 s on a quiet one


def test_unreadable_socket_file(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "article.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))  # a path that exists and cannot be opened, even by root
        out, err, _ = probe("places", str(path))
    assert out == "2 False" and "cannot read" in one_line(err)


def test_endless_stdin_is_read_up_to_the_cap(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    class Endless:
        asked = 0

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "an unbounded read"
            Endless.asked += n
            return b"a" * n

    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": Endless()})())
    assert main(["places", "-"]) == 2
    assert "standard input is too large" in one_line(capsys.readouterr().err)
    assert Endless.asked <= 5_000_001


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The ship sailed from Suez to Rotterdam.")
    path.chmod(0)
    out, err, _ = probe("places", str(path))
    assert out == "2 False" and "Permission denied" in one_line(err)


def test_library_logging_is_silenced(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><body><div></div></body></html>")
    proc = subprocess.run([PYTHON, "-m", "mapper", "places", str(page)], capture_output=True,
                          text=True, cwd=ROOT, env=_env(), timeout=120)
    assert proc.returncode == 2
    assert "contains no article text" in one_line(proc.stderr)  # no "discarding data: None"


# ----------------------------------------------------------------------------------- output


@pytest.mark.parametrize("case", ["o_folder", "o_under_a_file", "geojson_folder", "png_format"])
def test_bad_output_fails_first_and_writes_nothing(tmp_path: Path, case: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    html = str(tmp_path / "map.html")
    args = {"o_folder": ["-o", str(tmp_path / "folder")],
            "o_under_a_file": ["-o", str(tmp_path / "file" / "map.html")],
            "geojson_folder": ["-o", html, "--geojson", str(tmp_path / "folder")],
            "png_format": ["-o", html, "--png", str(tmp_path / "map.xyz")]}[case]
    out, err, _ = probe("map", str(SEED), *args)
    assert out == "2 False"
    assert "cannot write" in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]
    assert list((tmp_path / "folder").iterdir()) == []


def test_devices_are_written_in_place(tmp_path: Path, capsys, seed) -> None:
    before = os.stat("/dev/null")
    code = main(["map", str(SEED), "-o", str(tmp_path / "map.html"), "--geojson", "/dev/null",
                 "--csv", "/dev/null"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert (tmp_path / "map.html").read_text("utf-8").rstrip().endswith("</html>")


def test_geojson_to_stdout(tmp_path: Path, capsys, seed) -> None:
    code = main(["map", str(SEED), "-o", str(tmp_path / "map.html"), "--geojson", "-"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert json.loads(captured.out)["type"] == "FeatureCollection"  # no paths mixed in


# A process that has imported mapper and holds two finished analyses; for each line "i" on its
# standard input it forks a child running ``mapper map`` (cli.main) on article i, prints the
# child's pid, waits for it and prints its exit status. The maps are rendered once, in advance,
# so a trial is the command line and the writes, and the writes are slowed down (64 KB pieces,
# 10 ms apart) so that random kills land inside them as often as before them.
FORK_SERVER = """
import os, pickle, sys, time, types
from mapper import atomic, cli, export, render  # noqa: F401 - imported once, before the forks
analyses = [pickle.load(open(p, "rb")) for p in sys.argv[1:3]]
commands = [line.split("\\t") for line in sys.argv[3:5]]
pages = {id(a): render.to_map(a).get_root().render() for a in analyses}  # rendered once
page = lambda a: types.SimpleNamespace(render=lambda: pages[id(a)])
render.to_map = lambda a, inline=True: types.SimpleNamespace(get_root=lambda: page(a))
plain = atomic._write
def slow(fh, data):
    data = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(data, bytes):
        return plain(fh, data)
    for i in range(0, len(data), 65536):
        fh.write(data[i:i + 65536])
        fh.flush()
        time.sleep(0.01)
atomic._write = slow
for line in sys.stdin:
    i = int(line)
    pid = os.fork()
    if pid == 0:
        sys.modules["mapper.pipeline"] = types.SimpleNamespace(
            analyze=lambda *a, **k: analyses[i])
        sys.stdout = open(os.devnull, "w")
        os._exit(cli.main(commands[i]))
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


def _complete(html: Path, geojson: Path) -> tuple[str, str]:
    page = html.read_text("utf-8")
    assert page.rstrip().endswith("</html>"), "a half-written map"
    data = json.loads(geojson.read_text("utf-8"))  # a half-written GeoJSON does not parse
    return page, data["article"]["source"]


def test_killed_at_random_moments_old_output_intact_or_new_complete(
    tmp_path: Path, analyze_file
) -> None:
    articles = [ARTICLES / "ship_voyage.txt", ARTICLES / "flight_itinerary.txt"]
    pickles = []
    for i, article in enumerate(articles):
        pickles.append(tmp_path / f"analysis{i}.pickle")
        pickles[-1].write_bytes(pickle.dumps(analyze_file(article)))
    html, geojson = tmp_path / "out" / "map.html", tmp_path / "out" / "map.geojson"
    commands = ["\t".join(["map", str(a), "-o", str(html), "--geojson", str(geojson)])
                for a in articles]
    server = subprocess.Popen([PYTHON, "-c", FORK_SERVER, *map(str, pickles), *commands],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=_env())

    def start(i: int) -> int:
        server.stdin.write(f"{i}\n")
        server.stdin.flush()
        return int(server.stdout.readline())

    try:
        start(0)
        assert server.stdout.readline().strip() == "0"  # a complete first run
        began = time.monotonic()
        start(1)
        assert server.stdout.readline().strip() == "0"  # a second one, timed
        duration = time.monotonic() - began
        rng = random.Random(13)
        outcomes = {"old": 0, "new": 0, "killed while writing": 0}
        for trial in range(20):
            old_page, old_source = _complete(html, geojson)
            new = trial % 2
            pid = start(new)
            time.sleep(rng.uniform(0.0, 1.1) * duration)
            sig = signal.SIGKILL if trial % 4 else signal.SIGTERM
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass  # it had finished
            server.stdout.readline()
            page, source = _complete(html, geojson)
            html_state = "old" if page == old_page else "new"
            assert source in (old_source, str(articles[new]))
            if sig == signal.SIGTERM:
                assert html_state == ("old" if source == old_source else "new")
            outcomes[html_state] += 1
            temps = [p.name for p in html.parent.iterdir() if p.name.endswith(".tmp")]
            if sig == signal.SIGTERM:
                assert temps == []  # a terminated run cleans up; a killed one cannot
            outcomes["killed while writing"] += bool(temps)
            for name in temps:
                (html.parent / name).unlink()
    finally:
        server.stdin.close()
        server.wait(30)
    print(f"kill trials over a {duration:.2f} s run: {outcomes}")
    assert outcomes["old"] + outcomes["new"] == 20
