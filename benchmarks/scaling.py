"""How mapper's cost grows with the input (issue 13): time and peak RSS of the whole analysis
(read, parse, mentions, places, journeys, corridors, geometry, GeoJSON) for real prose of growing
size, and for articles naming growing numbers of places, each in a fresh process, beside spaCy's
own parse of the same text in the same process (the ratio is mapper / spaCy; spaCy's time is
the mean of a parse before mapper's run and one after it, as the machine's speed drifts). spaCy's
parse is the English model as spaCy ships it, over the same pieces mapper cuts a text of more
than 100,000 characters into; mapper's own pipeline sets the same attributes faster
(``mapper.attribute_index``). Both are loaded before the timing: spaCy's model, and mapper's
one-time loads (a batch worker's warm-up: ranker, name index, compiled patterns; printed; their
objects then frozen out of the garbage collector's walks, as mapper's own workers do).

    .venv/bin/python benchmarks/scaling.py [--sizes 10000,100000,1000000] [--places 100,1000,5000]
                                           [--repeat N]

``--repeat N`` runs each input in N fresh processes and prints every run's CPU ratio and their
median: on a machine shared with other jobs one run's ratio moves by a quarter either way.

Prose is built from the articles of ``../shared/corpora`` (joined whole, in corpus order);
the place articles list the most populous distinct names of the embedded gazetteer, ten to a
sentence ("Officials travelled to A, B, ... and J."). Times are wall clock and CPU
(``time.process_time``, steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
text = open(sys.argv[1], encoding="utf-8").read()
from mapper.nlp import chunk_spans, load_model, stock_model
from mapper.gazetteer import default_gazetteer
load_model(); default_gazetteer()
def parse():  # the model as spaCy ships it (loaded, used, let go: mapper's peak RSS is its
    # own), over the pieces mapper parses a long text in
    stock = stock_model(); list(stock.pipe(text[:100] for _ in range(2)))
    t, c = time.perf_counter(), time.process_time()
    list(stock.pipe((text[a:b] for a, b in chunk_spans(text)), batch_size=1))
    return time.perf_counter() - t, time.process_time() - c
spacy_s, spacy_cpu = parse()
from mapper.export import to_geojson
from mapper.pipeline import analyze
from mapper.read import article_from_text
from mapper.batch.worker import warm
# mapper's one-time loads (ranker, name index, compiled patterns), as a worker of mapper's own
# batch cluster makes them at its start (their objects then frozen out of the garbage
# collector's walks): outside the timing, as spaCy's model load is
c = time.process_time(); warm(False, freeze=True); warm_cpu = time.process_time() - c
t, c = time.perf_counter(), time.process_time()
a = analyze(article_from_text(text, source="scaling", stem="scaling"))
to_geojson(a)
total, cpu = time.perf_counter() - t, time.process_time() - c
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# spaCy's parse again after mapper: the machine's speed drifts; the mean of the two parses
again_s, again_cpu = parse()
spacy_s, spacy_cpu = (spacy_s + again_s) / 2, (spacy_cpu + again_cpu) / 2
print(json.dumps({"mapper_s": total, "spacy_s": spacy_s, "mapper_cpu": cpu,
                  "spacy_cpu": spacy_cpu, "rss_mb": rss, "warm_cpu": warm_cpu,
                  "places": len(a.places), "journeys": len(a.journeys)}))
"""


def prose(size: int) -> str:
    """Up to ``size`` characters of real news prose from the corpora, whole articles (never
    more: 1 MB stays within mapper's 1,000,000-character limit)."""
    sys.path.insert(0, str(ROOT))
    from mapper.evaluate.corpora import load_corpus

    parts: list[str] = []
    total = len("Corpus sample")
    while total < size:
        for name in ("lgl.xml", "GWN.xml", "TR-News.xml", "GeoVirus.xml"):
            for doc in load_corpus(str(CORPORA / name)).documents:
                text = doc.text.strip()
                if parts and total + len(text) + 2 > size:
                    return "Corpus sample\n\n" + "\n\n".join(parts)
                parts.append(text)
                total += len(text) + 2
    return "Corpus sample\n\n" + "\n\n".join(parts)


def place_list(n: int) -> str:
    """An article naming ``n`` distinct populous places, ten to a sentence."""
    sys.path.insert(0, str(ROOT))
    from mapper.gazetteer import default_gazetteer

    rows = default_gazetteer().db.execute(
        "SELECT name FROM entries WHERE feature = 'city' GROUP BY name "
        "ORDER BY MAX(population) DESC LIMIT ?", (n,))
    names = [name for (name,) in rows]
    sentences = []
    for i in range(0, len(names), 10):
        group = names[i:i + 10]
        listed = ", ".join(group[:-1]) + (" and " if len(group) > 1 else "") + group[-1]
        sentences.append(f"Officials travelled to {listed}.")
    return "Places named\n\n" + "\n".join(" ".join(sentences[i:i + 5])
                                          for i in range(0, len(sentences), 5))


def run(label: str, text: str, tmp: Path) -> dict:
    path = tmp / f"{label}.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)],
                         capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        return {"label": label, "error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["label"], row["chars"] = label, len(text)
    return row


def main() -> int:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--places", default="100,1000,5000")
    ap.add_argument("--repeat", type=int, default=1, help="fresh processes per input")
    args = ap.parse_args()
    rows = []
    inputs = [(f"prose {size // 1000} KB", prose(size))
              for size in (int(s) for s in args.sizes.split(",") if s)]
    inputs += [(f"{n} places", place_list(n))
               for n in (int(s) for s in args.places.split(",") if s)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, text in inputs:
            rows.extend(run(label, text, Path(tmp)) for _ in range(max(1, args.repeat)))
    print(f"{'input':16} {'chars':>9} {'mapper s':>9} {'spaCy s':>8} {'ratio':>6} "
          f"{'CPU s':>7} {'spaCy CPU':>9} {'ratio':>6} {'peak MB':>8} {'places':>7}")
    for r in rows:
        if "error" in r:
            print(f"{r['label']:16} error: {r['error']}")
            continue
        print(f"{r['label']:16} {r['chars']:>9} {r['mapper_s']:>9.1f} {r['spacy_s']:>8.1f} "
              f"{r['mapper_s'] / max(r['spacy_s'], 1e-9):>6.2f} {r['mapper_cpu']:>7.1f} "
              f"{r['spacy_cpu']:>9.1f} {r['mapper_cpu'] / max(r['spacy_cpu'], 1e-9):>6.2f} "
              f"{r['rss_mb']:>8.0f} "
              f"{r['places']:>7}")
    warm = [r["warm_cpu"] for r in rows if "warm_cpu" in r]
    if warm:
        print(f"(mapper's one-time loads before the timing, in each process: {min(warm):.1f}-"
              f"{max(warm):.1f} s CPU; spaCy's model load is outside its timing too)")
    if args.repeat > 1:
        for label, _ in inputs:
            ratios = sorted(r["mapper_cpu"] / max(r["spacy_cpu"], 1e-9) for r in rows
                            if r["label"] == label and "error" not in r)
            if ratios:
                print(f"{label}: CPU ratio over {len(ratios)} runs "
                      f"{', '.join(f'{x:.2f}' for x in ratios)}; median "
                      f"{statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
