"""Download-once helpers for the online sources: a disk cache and a bounded HTTP fetch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import requests

from mapper.atomic import write_atomic

TIMEOUT_S = 30.0
_unreachable: set[str] = set()  # hosts that failed in this process: not tried again


def cache_dir() -> Path:
    """Where downloaded network data is kept: ``networks`` in mapper's cache directory."""
    from mapper.cache import cache_dir as base

    return base() / "networks"


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def fetch(url: str, path: Path, *, data: dict | None = None,
          timeout: float = TIMEOUT_S) -> bytes | None:
    """Cached bytes at ``path``, else GET (or POST ``data``) ``url`` into it; None on failure."""
    if path.exists():
        return path.read_bytes()
    host = requests.utils.urlparse(url).netloc
    if host in _unreachable:
        return None
    try:
        if data is None:
            resp = requests.get(url, timeout=timeout, headers={"User-Agent": "mapper"})
        else:
            resp = requests.post(url, data=data, timeout=timeout, headers={"User-Agent": "mapper"})
        resp.raise_for_status()
    except requests.RequestException:
        _unreachable.add(host)
        return None
    try:
        write_atomic(path, resp.content)
    except OSError:
        pass  # caching is a convenience: the answer is still used
    return resp.content


def forget_unreachable() -> None:
    """Let hosts that failed be tried again (tests, long-running processes)."""
    _unreachable.clear()
