"""Atomic outputs (mapper.atomic): whole files or none, devices and FIFOs written in place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mapper.atomic import check_targets, replace_via, write_all, write_atomic
from mapper.errors import OutputError


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_bytes_text_and_writer(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.bin", b"\x00\x01")
    write_atomic(tmp_path / "b.txt", "Zürich")
    write_atomic(tmp_path / "c.txt", lambda fh: fh.write(b"written"))
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_text("utf-8") == "Zürich"
    assert (tmp_path / "c.txt").read_bytes() == b"written"
    assert leftovers(tmp_path) == []


def test_overwrite_keeps_the_mode_and_a_new_file_gets_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "map.html"
    old.write_text("old")
    old.chmod(0o640)
    write_atomic(old, "new")
    assert old.read_text() == "new" and stat.S_IMODE(old.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "fresh.txt", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_missing_folders_are_created(tmp_path: Path) -> None:
    out = write_atomic(tmp_path / "a" / "b" / "map.html", "x")
    assert out.read_text() == "x"


def test_all_or_none_when_a_writer_fails(tmp_path: Path) -> None:
    first, second = tmp_path / "map.html", tmp_path / "new" / "map.geojson"
    first.write_text("old map")

    def broken(_fh) -> None:
        raise ValueError("render failed")

    with pytest.raises(ValueError):
        write_all([(first, "new map"), (second, broken)])
    assert first.read_text() == "old map"
    assert not (tmp_path / "new").exists()  # the folder made for it is gone too
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("case", ["folder", "parent_is_file", "same_file"])
def test_bad_targets_are_one_line_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    (tmp_path / "file").write_text("data")
    (tmp_path / "folder").mkdir()
    bad = {"folder": tmp_path / "folder", "parent_is_file": tmp_path / "file" / "x.geojson",
           "same_file": tmp_path / "map.html"}[case]
    with pytest.raises(OutputError) as info:
        write_all([(tmp_path / "map.html", "map"), (bad, "other")])
    message = str(info.value)
    assert "\n" not in message
    assert "cannot write" in message or "same file" in message
    assert not (tmp_path / "map.html").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="no permission"):
            check_targets([folder / "map.html"])
    finally:
        folder.chmod(0o755)


def test_device_is_written_in_place_not_replaced() -> None:
    before = os.stat("/dev/null")
    write_atomic("/dev/null", "discarded")
    replace_via("/dev/null", lambda p: p.write_text("discarded"))
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    write_all([("-", "to standard output\n")])
    assert capfdbinary.readouterr().out == b"to standard output\n"


def test_symlink_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_replace_via_a_path_writer(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        replace_via(out, lambda p: (p.write_text("half"), (_ for _ in ()).throw(RuntimeError())))
    assert out.read_text() == "old" and leftovers(tmp_path) == []
    replace_via(out, lambda p: p.write_text("new"))
    assert out.read_text() == "new"


def test_dev_stdout_redirected_to_a_file_is_written_in_place(tmp_path: Path) -> None:
    out = tmp_path / "redirected.geojson"
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parents[1])!r}); "
            "from mapper.atomic import write_atomic; write_atomic('/dev/stdout', 'data')")
    with open(out, "w") as fh:
        inode = os.fstat(fh.fileno()).st_ino
        subprocess.run([sys.executable, "-c", code], stdout=fh, check=True, timeout=60)
    assert out.read_text() == "data" and leftovers(tmp_path) == []
    assert out.stat().st_ino == inode  # written through the shell's file, not renamed over
    assert not Path("/dev/stdout.html").exists()
