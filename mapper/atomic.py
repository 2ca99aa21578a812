"""Atomic file outputs: every file mapper writes appears whole or not at all.

A regular file is written to a temporary file in its own folder, flushed to disk and renamed
over the target (``os.replace``), so a reader, a crash or a ``kill -9`` sees the old file or the
new one, never half of one. :func:`write_all` does this for all the outputs of one run: every
target is checked first, every temporary file is written next, and only then are they renamed;
a failure before the renames removes the temporary files and leaves every target untouched.

Standard output (``-``), devices, FIFOs and sockets cannot be renamed over: they are written
directly, after the regular files (``--geojson /dev/null`` stays a device, even as root).
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from mapper.errors import OutputError

#: What to write: bytes, text (written as UTF-8), or a function writing to a binary file.
Data = bytes | str | Callable[[BinaryIO], None]

STDOUT = "-"
TMP_SUFFIX = ".tmp"  # temporary files are .NAME.<random>.tmp beside the target
_STD_STREAM = re.compile(r"^/(?:dev/(?:std(?:in|out|err)|fd/\d+)|proc/self/fd/\d+)$")


def _describe(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def is_stream(path: str | os.PathLike) -> bool:
    """``-`` or an existing device, FIFO or socket: written directly, never renamed over."""
    if str(path) == STDOUT or _STD_STREAM.match(str(path)):
        return True  # /dev/stdout even when the shell points it at a file: written in place
    try:
        mode = os.stat(path).st_mode  # follows symlinks
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces (symlinks followed); raises OutputError, one line,
    when it cannot be written: a folder, a parent that is a file, a folder without write access.
    Missing parent folders are fine (they are created)."""
    if str(path) == STDOUT or is_stream(path):
        return Path(path)
    if not str(path).strip():
        raise OutputError("an output path is empty")
    target = Path(os.path.realpath(Path(path).expanduser()))
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    ancestor = target.parent
    while not ancestor.exists():
        if ancestor.is_symlink():  # a dangling link as a parent
            raise OutputError(f"cannot write {path}: {ancestor} is a broken link")
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(f"cannot write {path}: {ancestor} is not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: no permission to write in {ancestor}")
    return target


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)  # an overwritten file keeps its mode
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write(fh: BinaryIO, data: Data) -> None:
    if isinstance(data, str):
        fh.write(data.encode("utf-8"))
    elif isinstance(data, (bytes, bytearray, memoryview)):
        fh.write(data)
    else:
        data(fh)


def _make_parents(folder: Path, created: list[Path]) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for d in reversed(missing):
        d.mkdir()
        created.append(d)


def _remove_folders(created: list[Path]) -> None:
    for d in reversed(created):
        try:
            d.rmdir()
        except OSError:
            pass


class _Staged:
    """One output on its way: the target, its temporary file (None for a stream), its data."""

    def __init__(self, path: str | os.PathLike, data: Data) -> None:
        self.path = path
        self.data = data
        self.target = check_target(path)
        self.stream = str(path) == STDOUT or is_stream(path)
        self.tmp: Path | None = None

    def stage(self, created: list[Path]) -> None:
        if self.stream:
            return
        _make_parents(self.target.parent, created)
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=TMP_SUFFIX,
                                    dir=self.target.parent)
        self.tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            _write(fh, self.data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(self.tmp, _new_file_mode(self.target))

    def commit(self) -> None:
        if self.tmp is not None:
            os.replace(self.tmp, self.target)
            self.tmp = None
        elif str(self.path) == STDOUT:
            sys.stdout.flush()
            _write(sys.stdout.buffer, self.data)
            sys.stdout.buffer.flush()
        else:
            with open(self.path, "wb") as fh:  # a device or FIFO: written in place
                _write(fh, self.data)

    def discard(self) -> None:
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def check_targets(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Check every output path of a run (see :func:`check_target`) and that no two name the
    same file; raises OutputError on the first that cannot be written."""
    seen: dict[Path, str] = {}
    targets = []
    for p in paths:
        target = check_target(p)
        if not (str(p) == STDOUT or is_stream(p)):
            if target in seen:
                raise OutputError(f"two outputs name the same file: {seen[target]} and {p}")
            seen[target] = str(p)
        targets.append(target)
    return targets


def write_all(outputs: Sequence[tuple[str | os.PathLike, Data]]) -> list[Path]:
    """Write every ``(path, data)`` of one run, all or none; returns the paths as given.

    Raises OutputError (one line) when a target cannot be written; then no target has been
    touched and no temporary file is left behind."""
    check_targets(p for p, _ in outputs)
    staged = [_Staged(p, d) for p, d in outputs]
    created: list[Path] = []
    current = staged[0] if staged else None
    try:
        for current in staged:
            current.stage(created)
    except BaseException as exc:
        for s in staged:
            s.discard()
        _remove_folders(created)
        if isinstance(exc, OSError) and current is not None:
            raise OutputError(f"cannot write {current.path}: {_describe(exc)}") from None
        raise
    # Ctrl-C or SIGTERM wait until every file is renamed: a run's outputs all change together
    blocked = _block_signals()
    try:
        for current in (s for s in staged if not s.stream):
            current.commit()
    except OSError as exc:
        raise OutputError(f"cannot write {current.path}: {_describe(exc)}") from None
    finally:
        for s in staged:
            s.discard()
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    try:
        for current in (s for s in staged if s.stream):  # streams last, interruptible
            current.commit()
    except OSError as exc:
        raise OutputError(f"cannot write {current.path}: {_describe(exc)}") from None
    return [Path(p) for p, _ in outputs]


def leftovers(target: Path) -> list[Path]:
    """The temporary files (``.NAME.<random>.tmp``) that writes of ``target`` killed half-way
    (``kill -9``) left beside it; only safe to remove when nothing is writing ``target``."""
    name = "".join(f"[{ch}]" if ch in "*?[" else ch for ch in target.name)
    return list(target.parent.glob(f".{name}.*{TMP_SUFFIX}"))


def _block_signals() -> set[signal.Signals] | None:
    """Block SIGINT and SIGTERM in this thread; the previous mask (None where not supported)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def write_atomic(path: str | os.PathLike, data: Data) -> Path:
    """Write one file atomically (see :func:`write_all`); returns ``Path(path)``."""
    return write_all([(path, data)])[0]


def replace_via(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Atomically write ``path`` with ``write(temporary_path)``, for writers that need a path
    rather than a file object (a stream target is handed its own path)."""
    if str(path) == STDOUT:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder) / "out"
            write(tmp)
            return write_atomic(path, tmp.read_bytes())
    if is_stream(path):
        write(Path(path))
        return Path(path)
    target = check_target(path)
    created: list[Path] = []
    tmp = None
    try:
        _make_parents(target.parent, created)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX,
                                    dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        os.chmod(tmp, _new_file_mode(target))
        write(tmp)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        _remove_folders(created)
        raise OutputError(f"cannot write {path}: {_describe(exc)}") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return Path(path)
