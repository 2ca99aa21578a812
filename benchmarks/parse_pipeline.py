"""mapper's spaCy pipeline against the English model as spaCy ships it (issues 13 and 14).

mapper's pipeline (``mapper.nlp.load_model``) is the stock model with line breaks ending
sentences and its attribute ruler indexed (``mapper.attribute_index``). Both parse the same
chunks of 16 corpus articles alternately (the machine's drift falls on both alike), after one
pass over all the texts each (vocabulary and lemmatizer caches warm alike); CPU ms per article
and the ratio. The stock model gets mapper's line breaks too, so that only the ruler differs.

    .venv/bin/python benchmarks/parse_pipeline.py [--limit 25] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))
CHUNK = 16


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=25, help="articles per corpus (default 25)")
    p.add_argument("--rounds", type=int, default=2, help="passes over the chunks (default 2)")
    args = p.parse_args(argv)

    from mapper.batch.inputs import collect
    from mapper.batch.worker import _read
    from mapper.nlp import body_start, load_model, parse_text, stock_model

    items = collect(sorted(str(p) for p in CORPORA.glob("*.xml")), args.limit)
    texts = [parse_text(a.text, body_start(a)) for a in map(_read, items)]
    stock = stock_model()
    stock.add_pipe("line_breaks", before="parser")
    pipelines = {"mapper's": load_model(), "stock": stock}
    for nlp in pipelines.values():
        for _ in nlp.pipe(texts, batch_size=CHUNK):
            pass
    cpu = dict.fromkeys(pipelines, 0.0)
    for r in range(args.rounds):
        for n, k in enumerate(range(0, len(texts), CHUNK)):
            names = list(pipelines) if (n + r) % 2 else list(pipelines)[::-1]
            for name in names:
                start = time.process_time()
                for _ in pipelines[name].pipe(texts[k:k + CHUNK], batch_size=CHUNK):
                    pass
                cpu[name] += time.process_time() - start
    done = len(texts) * args.rounds
    for name, seconds in cpu.items():
        print(f"{name} pipeline: {seconds / done * 1000:.1f} ms CPU per article")
    ours, stock_cpu = cpu.values()
    print(f"{len(texts)} articles, {args.rounds} round(s): mapper's / stock "
          f"{ours / stock_cpu:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
