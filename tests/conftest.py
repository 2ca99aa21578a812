"""Session fixtures: the gazetteer index and the spaCy model load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MAPPER_DEBUG", "1")  # tests see every error, not a degraded result

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "000_e4a7c6f4d49187f3.txt"


@pytest.fixture(scope="session")
def gazetteer():
    from mapper.gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def analyze_file(gazetteer):
    """Analyse an article once per session (cached by path)."""
    from mapper.pipeline import analyze

    cache: dict = {}

    def run(path: Path):
        if path not in cache:
            cache[path] = analyze(str(path), gazetteer=gazetteer)
        return cache[path]

    return run


@pytest.fixture(scope="session")
def seed(analyze_file):
    return analyze_file(SEED)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
