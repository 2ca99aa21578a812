"""mapper batch on a LocalCluster with 2 workers: tables, resume, bad articles, a killed worker,
Ctrl-C. One cluster serves the whole module (its start is most of the cost)."""

from __future__ import annotations

import os
import time

import pytest

from tests.conftest import ARTICLES, SHARED

pytest.importorskip("distributed")
gpd = pytest.importorskip("geopandas")

CRASH = "XYZZY-KILL-THIS-WORKER"  # the test hook's token (mapper.batch.worker.CRASH_ENV)
TRAIN = ARTICLES / "train_state_visit.txt"
SHIP = ARTICLES / "ship_voyage.txt"
SHORT = ("HANOI — Kim Jong-un arrived in Hanoi on Tuesday after a train journey from Pyongyang "
         "through China, officials said.\n",
         "LIMA — The president flew from Lima to Cusco on Monday and will travel on to Puno by "
         "train, his office said.\n")


def _short(folder) -> list[str]:
    """Two short journey articles (fast to analyse) written into ``folder``."""
    folder.mkdir(exist_ok=True)
    paths = []
    for n, text in enumerate(SHORT):
        path = folder / f"short{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import LocalCluster

    from mapper.batch.worker import CRASH_ENV

    old = os.environ.get(CRASH_ENV)
    os.environ[CRASH_ENV] = CRASH  # inherited by the worker processes
    from mapper.batch.run import CLUSTER_CONFIG

    with dask.config.set(CLUSTER_CONFIG):
        cl = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None, memory_limit=0)
    yield cl.scheduler_address
    cl.close()
    if old is None:
        os.environ.pop(CRASH_ENV, None)
    else:
        os.environ[CRASH_ENV] = old


def _no_partial_files(out) -> None:
    assert not [p for p in out.rglob(".*") if p.is_file()], "a temporary file was left"


def test_tables_index_bad_articles_and_resume(cluster, tmp_path):
    from mapper.batch import run_batch

    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "huge.txt").write_text("Paris is a city. " * 150_000)  # 2.5 MB
    out = tmp_path / "out"
    inputs = [str(SHIP), str(bad)]  # the ship's map renders fast
    seen: list[dict] = []
    first = run_batch(inputs, out, scheduler=cluster, timeout=120, progress=False,
                      on_record=seen.append)
    assert (first.total, first.analysed, first.skipped) == (4, 4, 0)
    assert first.failed == 3

    articles = gpd.read_parquet(out / "articles.parquet")
    assert len(articles) == 4
    status = dict(zip(articles["id"].map(lambda s: os.path.basename(s)), articles["status"]))
    assert status == {"ship_voyage.txt": "ok",
                      "empty.txt": "error", "binary.txt": "error", "huge.txt": "error"}
    errors = articles.set_index(articles["id"].map(os.path.basename))["error"]
    assert "empty" in errors["empty.txt"] and "binary" in errors["binary.txt"]
    assert "too large" in errors["huge.txt"]
    places = gpd.read_parquet(out / "places.parquet")
    legs = gpd.read_parquet(out / "legs.parquet")
    corridors = gpd.read_parquet(out / "corridors.parquet")
    assert places.crs.to_epsg() == 4326 and len(places) >= 6 and len(articles.crs.srs)
    assert set(places["article_key"]) == set(articles.loc[articles.status == "ok", "key"])
    assert {"Ismailia", "Port Said"} <= set(places["name"])
    assert len(legs) >= 2 and legs.geometry.notna().all()
    assert corridors.empty and list(corridors.columns)[:3] == ["article_key", "article_id", "id"]
    ok = articles[articles.status == "ok"]
    for row in ok.itertuples():
        assert (out / row.map_file).is_file() and (out / row.geojson_file).is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr class=") == 4 and ok.iloc[0]["map_file"] in index
    _no_partial_files(out)

    start = time.perf_counter()
    again = run_batch(inputs, out, scheduler=cluster, timeout=120, progress=False)
    assert (again.analysed, again.skipped) == (0, 4)
    assert time.perf_counter() - start < 10
    assert len(gpd.read_parquet(out / "articles.parquet")) == 4


def test_killed_worker_and_timeout_are_rows_not_a_stopped_batch(cluster, tmp_path):
    from mapper.batch import run_batch
    from mapper.batch.inputs import collect

    crash = tmp_path / "crash.txt"
    crash.write_text(SHORT[0] + f"\nThe train passed {CRASH}.\n")
    innocent = _short(tmp_path / "in")[1]
    out = tmp_path / "out"
    items = collect([str(crash), innocent])
    summary = run_batch(items, out, scheduler=cluster, chunk_size=2, maps=False,
                        progress=False)
    articles = gpd.read_parquet(out / "articles.parquet").set_index("id")
    assert articles.loc[str(crash), "status"] == "error"
    assert "worker process died" in articles.loc[str(crash), "error"]
    assert articles.loc[innocent, "status"] == "ok"  # its chunk was lost, then redone
    assert summary.analysed == 2
    _no_partial_files(out)

    slow = run_batch([innocent], tmp_path / "slow", scheduler=cluster, timeout=0.01,
                     maps=False, progress=False)
    row = gpd.read_parquet(tmp_path / "slow" / "articles.parquet").iloc[0]
    assert (slow.failed, row["status"]) == (1, "timeout")


def test_interrupted_run_keeps_finished_articles(cluster, tmp_path):
    from mapper.batch import run_batch

    out = tmp_path / "out"
    inputs = _short(tmp_path / "in")
    calls = []

    def interrupt(record: dict) -> None:
        calls.append(record["id"])
        raise KeyboardInterrupt

    first = run_batch(inputs, out, scheduler=cluster, chunk_size=1, maps=False, progress=False,
                      on_record=interrupt)
    assert first.interrupted and len(calls) == 1
    articles = gpd.read_parquet(out / "articles.parquet").set_index("id")
    assert articles.loc[calls[0], "status"] == "ok"  # written, and in the tables
    _no_partial_files(out)
    second = run_batch(inputs, out, scheduler=cluster, chunk_size=1, maps=False, progress=False)
    assert (second.skipped, second.analysed) == (1, 1)
    assert set(gpd.read_parquet(out / "articles.parquet")["status"]) == {"ok"}


def test_inputs_tables_folders_and_corpora(tmp_path):
    from mapper.batch.inputs import collect

    table = tmp_path / "feed.csv"
    table.write_text("id,published,text\na1,2019-02-26,Kim arrived in Hanoi.\n"
                     "a2,,Kim left Hanoi.\na3,,\n", encoding="utf-8")
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text('{"url": "https://example.org/a", "id": "u1"}\nnot json\n',
                     encoding="utf-8")
    items = collect([str(table), str(jsonl)])
    assert [i.id for i in items[:3]] == ["a1", "a2", "a3"]
    assert items[0].published == "2019-02-26" and items[0].text == "Kim arrived in Hanoi."
    assert items[2].text == ""  # no text: an error row later, not a stopped batch
    assert items[3].url == "https://example.org/a" and items[4].text == ""
    assert len({i.key for i in items}) == 5
    assert collect([str(table)], limit=1)[0].id == "a1" and len(collect([str(table)], 1)) == 1

    folder = [i.id for i in collect([str(ARTICLES)])]
    assert str(TRAIN) in folder and not any(f.endswith("README.md") for f in folder)
    assert collect([str(ARTICLES / "*.txt")])[0].key == collect([str(ARTICLES)])[0].key
    corpus = SHARED / "corpora" / "TR-News.xml"
    if corpus.is_file():
        docs = collect([str(corpus)], limit=3)
        assert len(docs) == 3 and docs[0].id.startswith("TR-News/") and docs[0].text


def test_cli_batch_on_a_scheduler(cluster, tmp_path, capsys):
    from mapper.cli import main

    (tmp_path / "empty.txt").write_text(" \n")
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "*.txt"), "--out", str(out), "--scheduler", cluster,
            "--no-maps", "--timeout", "30"]
    assert main(args) == 0
    assert "1 articles, 0 already done, 1 analysed (1 failed)" in capsys.readouterr().err
    assert gpd.read_parquet(out / "articles.parquet")["status"].tolist() == ["error"]
    assert main(args) == 0
    assert "1 already done, 0 analysed" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "nothing-*.txt"), "--out", str(out)]) == 2


def test_warm_up_freezes_only_when_asked():
    """A worker of mapper's own cluster moves what its warm-up loaded out of the garbage
    collector's walks (gc.freeze); a process that is not mapper's (a user's scheduler's
    worker, a notebook) is left as it is."""
    import subprocess
    import sys

    code = ("import gc; from mapper.batch.worker import warm; warm(False, freeze={}); "
            "print(gc.get_freeze_count())")
    counts = [int(subprocess.run([sys.executable, "-c", code.format(flag)], check=True,
                                 capture_output=True, text=True).stdout.split()[-1])
              for flag in (True, False)]
    assert counts[0] > 100_000 and counts[1] == 0
