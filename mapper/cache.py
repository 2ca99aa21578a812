"""Mapper's cache directory: where it is, locked atomic builds and files checked before use.

Every cache lives under ``cache_dir()`` (``MAPPER_CACHE_DIR`` when set). Caches hold data only
(SQLite, JSON): nothing in the folder is ever unpickled or executed. A built file is written to a
temporary file beside it under a file lock and renamed into place, so concurrent processes on an
empty cache build it once and a killed build leaves only a temporary file that the next build
removes. A file whose checksum no longer matches the one recorded at build time is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout

from mapper.atomic import leftovers, write_atomic
from mapper.errors import MapperError

log = logging.getLogger("mapper")

ENV = "MAPPER_CACHE_DIR"
LOCK_TIMEOUT_S = 900.0  # how long a process waits for another one's build
TMP_MARK = ".tmp-"  # temporary files are named <target>.tmp-<pid>-<random>
_resolved: dict[Path, Path] = {}  # configured directory -> the one used (itself or a fallback)
_verified: dict[Path, tuple[int, int, int]] = {}  # files checked in this process, by stat


class CacheError(MapperError):
    """No usable cache directory, or a build that could not finish (exit status 2)."""

    exit_code = 2


def configured_dir() -> Path:
    """The cache directory asked for: ``MAPPER_CACHE_DIR``, else the user cache directory."""
    env = os.environ.get(ENV)
    return Path(env).expanduser() if env else Path(platformdirs.user_cache_dir("mapper"))


def cache_dir() -> Path:
    """The writable cache directory, created when missing. When the configured one cannot be
    created or written, a per-user folder in the temporary directory, with a one-line warning;
    ``CacheError`` when that fails too."""
    wanted = configured_dir()
    found = _resolved.get(wanted)
    if found is not None:
        return found
    problem = _unwritable(wanted)
    if problem is None:
        found = wanted
    else:
        found = Path(tempfile.gettempdir()) / f"mapper-cache-{_user()}"
        second = _unwritable(found)
        if second is not None:
            raise CacheError(f"cache directory {wanted} cannot be used ({problem}), nor can "
                             f"{found} ({second}); set {ENV} to a writable folder")
        log.warning("warning: cache directory %s cannot be used (%s); using %s instead",
                    wanted, problem, found)
    _resolved[wanted] = found
    return found


def _user() -> str:
    try:
        return str(os.getuid())
    except AttributeError:  # pragma: no cover - Windows
        return os.environ.get("USERNAME", "user")


def _unwritable(folder: Path) -> str | None:
    """Why ``folder`` cannot hold cache files, or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return None


# -- checksums -----------------------------------------------------------------------------
def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def file_digest(path: Path) -> str:
    """The SHA-256 of a file (about 0.1 s of CPU for the 100 MB gazetteer index)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _signature(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ino


def check(path: Path) -> str | None:
    """None when ``path`` matches the checksum recorded when it was built, else what is wrong
    ("missing" when there is no file). A file checked once in this process is not read again
    while its size, time and inode stay the same."""
    try:
        sig = _signature(path)
    except OSError:
        return "missing"
    if _verified.get(path) == sig:
        return None
    try:
        stamp = json.loads(_stamp_path(path).read_text(encoding="utf-8"))
        size, digest = int(stamp["size"]), str(stamp["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return "its checksum file is missing or unreadable"
    if sig[0] != size:
        return f"its size is {sig[0]:,} bytes, not {size:,}"
    try:
        if file_digest(path) != digest:
            return "its checksum does not match"
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    _verified[path] = sig
    return None


def _write_stamp(tmp: Path, target: Path) -> None:
    stamp = {"size": tmp.stat().st_size, "sha256": file_digest(tmp)}
    write_atomic(_stamp_path(target), json.dumps(stamp).encode())


# -- locked, atomic builds -----------------------------------------------------------------
def temp_path(target: Path) -> Path:
    """A temporary file name beside ``target``, unique to this process."""
    return target.with_name(f"{target.name}{TMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


@contextmanager
def locked(target: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold ``target``'s build lock (a file lock the system releases if the process dies)."""
    lock = FileLock(str(lock_path(target)))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if sys.stderr is not None and sys.stderr.isatty():
                print(f"mapper: waiting for another mapper process to build {target.name}",
                      file=sys.stderr)
            lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise CacheError(f"gave up after {timeout:.0f} s waiting for another process to "
                         f"build {target}") from exc
    except OSError as exc:
        raise CacheError(f"cannot lock {lock_path(target)} ({exc.strerror or exc})") from exc
    try:
        yield
    finally:
        lock.release()


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def build_file(target: Path, build: Callable[[Path], None], *, damaged: str | None = None) -> Path:
    """Build ``target`` once under its lock: ``build(tmp)`` writes a temporary file beside it,
    which gets a checksum and is renamed into place. Another process that built it while this
    one waited for the lock wins; a build killed earlier leaves temporary files removed here.
    ``damaged`` (why the existing file failed its check) is reported as a one-line warning."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(f"cannot create {target.parent} ({exc.strerror or exc})") from exc
    with locked(target):
        if check(target) is None:
            return target
        if damaged is not None:
            log.warning("warning: cache file %s is damaged (%s); rebuilding it", target, damaged)
        for orphan in _temporaries(target):
            orphan.unlink(missing_ok=True)
        tmp = temp_path(target)
        try:
            build(tmp)
            _write_stamp(tmp, target)
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise CacheError(f"cannot build {target} ({reason})") from exc
        finally:
            tmp.unlink(missing_ok=True)
        _verified[target] = _signature(target)  # just checksummed: not read again
    return target


def sweep(target: Path) -> int:
    """Remove temporary files a killed build of ``target`` left, when no build of it is under
    way (its lock is free). A directory listing when there are none. Returns how many went."""
    found = _temporaries(target)
    if not found:
        return 0
    lock = FileLock(str(lock_path(target)))
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return 0
    try:
        removed = 0
        for path in _temporaries(target):
            with suppress(OSError):
                path.unlink()
                removed += 1
        return removed
    finally:
        lock.release()


def remove_stale(current: Path, pattern: str) -> int:
    """Remove the files matching ``pattern`` beside ``current`` that belong to other versions:
    the file, its checksum, lock and temporary files, unless another process holds its build
    lock. Returns how many files went."""
    targets: set[str] = set()
    for path in current.parent.glob(pattern):
        name = path.name.split(TMP_MARK)[0].removesuffix(".lock").removesuffix(".sha256")
        if name != current.name:
            targets.add(name)
    removed = 0
    for name in sorted(targets):
        other = current.with_name(name)
        lock = FileLock(str(lock_path(other)))
        try:
            lock.acquire(timeout=0)
        except (Timeout, OSError):
            continue  # being built or read-only: left alone
        try:
            for path in (other, _stamp_path(other), *_temporaries(other)):
                if path.exists():
                    path.unlink()
                    removed += 1
        except OSError:
            pass
        finally:
            lock.release()
        lock_path(other).unlink(missing_ok=True)
    return removed


def _temporaries(target: Path) -> list[Path]:
    """The temporary files beside ``target``: of its builds, and of atomic writes of it or of
    its checksum file (``.NAME.<random>.tmp``, see mapper.atomic)."""
    return list(target.parent.glob(f"{_glob_escape(target.name)}*{TMP_MARK}*")) + \
        leftovers(target)
