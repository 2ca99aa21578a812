"""What ``pip install '.[test]'`` pulls into an environment, for the constraints file.

``python -m tests.constraints > constraints.txt`` (run with the CI venv's python) writes the
exact version of every distribution mapper[test] needs, directly or not, excluding mapper itself
and the installers (pip, setuptools, wheel); ``tests/test_packaging.py`` checks the file against
the environment and ``pyproject.toml``.
"""

from __future__ import annotations

import sys
from importlib import metadata

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HEADER = """\
# The exact versions CI tests with (pip install -c constraints.txt -e '.[test]'). pyproject.toml
# states the compatible ranges users get; regenerate this file with
#   .venv/bin/python -m tests.constraints > constraints.txt
# after changing a dependency (the closure of mapper[test]; not mapper, pip, setuptools, wheel).
"""
TOOLING = {"pip", "setuptools", "wheel"}  # the venv's own installers: not constrained


def closure(root: str = "mapper", extras: tuple[str, ...] = ("test",)) -> dict[str, str]:
    """Installed distributions ``root[extras]`` requires, transitively: name -> version."""
    found: dict[str, str] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(root, extras)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        dist = metadata.distribution(name)
        key = canonicalize_name(dist.metadata["Name"])
        if key != canonicalize_name(root) and key not in TOOLING:
            found[key] = dist.version
        for line in dist.requires or ():
            req = Requirement(line)
            if req.marker is None or any(
                req.marker.evaluate({**default_environment(), "extra": extra})
                for extra in (*wanted, "")
            ):
                todo.append((req.name, tuple(sorted(req.extras))))
    return dict(sorted(found.items()))


def constraints_text() -> str:
    """The constraints file for the running environment."""
    return HEADER + "".join(f"{name}=={version}\n" for name, version in closure().items())


if __name__ == "__main__":
    sys.stdout.write(constraints_text())
