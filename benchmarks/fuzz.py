"""Fuzz the whole pipeline: generated articles (random Unicode, English words mixed with place
names, motion verbs, dates, punctuation runs, markup, template and formula payloads) through
``read`` -> ``analyze`` -> GeoJSON -> map. An example passes when it ends in mapper's own input
error or in GeoJSON that keeps the contract and a map that renders; anything else is a crash.

    .venv/bin/python benchmarks/fuzz.py [--examples 10000] [--render-every 10] [--seed 0]

``tests/test_fuzz.py`` runs a short profile of the same check in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

WORDS = (
    "the president flew to arrived in left for crossed into headed toward visited returned "
    "from and then on Monday Tuesday last week next month yesterday June 3, 2019 by train "
    "aboard his plane the ship sailed from docked at was expected to will travel to said "
    "officials reported that a convoy drove through border crossing capital minister it he "
    "she they its their his her mr. ms. dr. of in at to from via near north south east west"
).split()
PLACES = (
    "Paris", "Berlin", "Moscow", "Beijing", "Tokyo", "New York", "London", "Cairo", "Lagos",
    "Sydney", "Rio de Janeiro", "Mumbai", "Mexico City", "Canada", "Russia", "China", "France",
    "Texas", "Bavaria", "Siberia", "the Alps", "the Black Sea", "the Danube", "Lake Victoria",
    "Springfield", "Georgia", "Jordan", "Victoria", "Washington", "the Middle East",
)
PAYLOADS = (
    "{{ 7*7 }}", "{% for i in range(3) %}x{% endfor %}", "{# c", "${alert(1)}", "`", "\\x3c",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</div>", "&amp;", "$x^2$",
    "=1+1", "@SUM(1)", "+cmd", "-2", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\x00",
)
PUNCT = (".", ",", ";", ":", "!", "?", "...", "—", "-", "(", ")", "\"", "'", "\n", "\n\n",
         "  ", "\t", "•", "*", "#")

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PLACES),
    st.sampled_from(PAYLOADS),
    st.sampled_from(PUNCT),
    st.text(max_size=12),
    st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True),
    st.from_regex(r"[.!?,;:\-]{2,40}", fullmatch=True),
    st.integers(min_value=-10**6, max_value=10**9).map(str),
)
articles = st.builds(
    lambda head, body: f"{head}\n\n{body}",
    st.lists(token, max_size=8).map(" ".join),
    st.lists(token, min_size=0, max_size=120).map(" ".join),
)


def check(text: str, render: bool = True) -> str:
    """Run one article; returns "input" (mapper refused it), "ok", or raises on a crash."""
    from mapper.contract import problems
    from mapper.errors import InputError
    from mapper.export import to_geojson
    from mapper.pipeline import analyze
    from mapper.read import article_from_text
    from mapper.render import to_map

    try:
        article = article_from_text(text, source="fuzz", stem="fuzz")
    except InputError:
        return "input"
    analysis = analyze(article)
    collection = json.loads(json.dumps(to_geojson(analysis), allow_nan=False))
    found = problems(collection, analysis.article.text)
    if found:
        raise AssertionError(f"GeoJSON breaks the contract: {found[:3]}")
    if render:
        page = to_map(analysis).get_root().render()
        assert "</html>" in page
    return "ok"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--render-every", type=int, default=10, help="render the map every N")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    os.environ["MAPPER_DEBUG"] = "1"  # a stage that fails is a crash, not a degraded map
    sys.path.insert(0, str(ROOT))
    counts: Counter[str] = Counter()
    crashes: list[str] = []
    start = time.perf_counter()

    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(articles)
    def run(text: str) -> None:
        n = sum(counts.values())
        try:
            counts[check(text, render=n % args.render_every == 0)] += 1
        except Exception as exc:  # noqa: BLE001 - counted and shown, not raised
            counts["crash"] += 1
            crashes.append(f"{type(exc).__name__}: {exc} <- {text[:200]!r}\n"
                           + traceback.format_exc(limit=3))

    import random

    random.seed(args.seed)
    run()
    took = time.perf_counter() - start
    total = sum(counts.values())
    print(f"examples {total}  ok {counts['ok']}  refused as input {counts['input']}  "
          f"crashes {counts['crash']}  ({took:.0f} s, {total / took:.1f} examples/s)")
    for c in crashes[:10]:
        print(c)
    return 1 if counts["crash"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
