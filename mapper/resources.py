"""The one way to locate mapper's package data (``mapper/data/``).

Every table and model mapper reads at run time ships inside the package; :func:`data_path` finds
it through :mod:`importlib.resources`, so it works the same from a checkout, an editable install
or a wheel. A missing or unreadable file is a :class:`DataFileError` naming it, never a quiet
fallback: a mapper without its data would draw a plausible but wrong map.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from mapper.errors import DataFileError

__all__ = ["DataFileError", "data_path", "data_root", "parsed", "read_bytes", "read_csv",
           "read_json", "read_text"]

T = TypeVar("T")
# (file, builder, arguments) -> ((mtime, size) of the file when built, what the builder made)
_PARSED: dict[tuple, tuple[tuple[int, int], Any]] = {}


@cache
def data_root() -> Path:
    """The folder holding mapper's package data (``mapper/data``), found once per process."""
    root = files("mapper") / "data"
    if not isinstance(root, Path):  # a zipped install: the readers need real files
        raise DataFileError(f"mapper's data folder {root} is not on the file system; "
                            "install mapper unzipped (pip install)")
    return root


def data_path(name: str) -> Path:
    """The package data file ``name`` (relative to ``mapper/data``, e.g.
    ``"gazetteer/features.csv"``); :class:`DataFileError` when it is not there."""
    path = data_root() / name
    if not path.is_file():
        raise DataFileError(f"mapper's data file {name} is missing (looked for {path}); "
                            "reinstall mapper")
    return path


def read_bytes(name: str) -> bytes:
    """The bytes of the package data file ``name``."""
    path = data_path(name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read mapper's data file {name} ({path}): {exc}") from exc


def read_text(name: str) -> str:
    """The UTF-8 text of the package data file ``name``."""
    try:
        return read_bytes(name).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"mapper's data file {name} is not UTF-8 text: {exc}") from exc


def read_csv(name: str, columns: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The rows of the package CSV table ``name`` as dicts; :class:`DataFileError` when the
    table is empty or lacks one of ``columns``."""
    rows = list(csv.DictReader(io.StringIO(read_text(name), newline="")))
    missing = [c for c in columns if not rows or c not in rows[0]]
    if not rows or missing:
        what = f"lacks the columns {', '.join(missing)}" if rows else "has no rows"
        raise DataFileError(f"mapper's data file {name} is corrupt: it {what}")
    return rows


def corrupt(name: str, exc: Exception) -> DataFileError:
    """The error for the package data file ``name`` whose content cannot be parsed."""
    return DataFileError(f"mapper's data file {name} is corrupt: {type(exc).__name__}: {exc}")


def read_json(name: str) -> Any:
    """The parsed JSON of the package data file ``name``."""
    try:
        return json.loads(read_text(name))
    except ValueError as exc:
        raise corrupt(name, exc) from exc


def parsed(name: str, build: Callable[..., T], *args: Any) -> T:
    """``build(name, *args)``, made once per version (size and modification time) of the package
    data file ``name``: a table read for every article is parsed once per process, yet a changed,
    missing or corrupt file is read again (and its error raised) on the next call. The caller
    must not change what it gets (copy it)."""
    path = data_path(name)
    try:
        stat = path.stat()
    except OSError:
        return build(name, *args)  # read_* raise the error naming it
    stamp = (stat.st_mtime_ns, stat.st_size)
    slot = (str(path), build, args)
    hit = _PARSED.get(slot)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = build(name, *args)
    _PARSED[slot] = (stamp, value)
    return value
