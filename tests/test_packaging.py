"""Dependencies: pyproject states compatible ranges, constraints.txt the exact versions CI tests
with (the environment this suite runs in), and .ci/run is the README's test command."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT
from tests.constraints import closure


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                       for r in extra]
    return [Requirement(r) for r in lines]


def test_declared_dependencies_are_ranges_not_pins():
    for req in _requirements():
        assert not any(s.operator in ("==", "===") for s in req.specifier), req
        assert any(s.operator == "<" for s in req.specifier), f"{req}: no upper bound"


def test_constraints_pin_the_tested_versions_inside_the_declared_ranges():
    pins = _constraints()
    for req in _requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (req, pins[name])


def test_constraints_are_the_environment_the_suite_runs_in():
    """CI installs with -c constraints.txt; regenerate it with python -m tests.constraints."""
    assert closure() == _constraints()


def test_ci_runs_the_readme_test_command_with_the_constraints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == test_command
    assert "pip install -q -c constraints.txt -e '.[test]'" in test_command
    install = next(c for c in commands if "mapper map" in c)
    assert "pip install -c constraints.txt -e ." in install
