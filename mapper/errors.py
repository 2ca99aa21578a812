"""Errors mapper reports to its user as one line, never as a traceback."""

from __future__ import annotations


class MapperError(Exception):
    """Base class of every error mapper turns into a one-line message."""


class InputError(MapperError):
    """The input article cannot be read: missing, empty, binary, not English, unreachable..."""


class DataFileError(MapperError):
    """One of mapper's package data files (``mapper/data/``) is missing, unreadable or corrupt:
    an installation error, never a reason to fall back to a degraded map."""


class OutputError(MapperError, OSError):
    """An output cannot be written: a folder, a parent that is a file, no permission... Also an
    OSError, so code that guards a write with ``except OSError`` keeps working."""


class TimeoutExceeded(BaseException):
    """The per-article time budget (``mapper --timeout``, ``MAPPER_TIMEOUT``) ran out. A
    BaseException, like KeyboardInterrupt, so that no stage's ``except Exception`` fallback
    turns a stopped run into a partial result."""
