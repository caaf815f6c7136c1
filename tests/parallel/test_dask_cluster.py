"""``--scheduler``: the pipeline on a dask.distributed cluster (a LocalCluster of two worker
processes here). Records identical to a serial run; a failed article recorded as failed and the
rest stored; workers that write the database themselves store what a serial run stores."""
from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.config import Settings
from dossier.models import Article, ArticleFailure
from dossier.parallel import process_parallel

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow
runner = CliRunner()

# Written for these tests (fictional people and events).
TEXTS = [
    "La ministre fictive Claire Vautrin a rencontré mardi à Genève le négociateur Paul Ferrand. "
    "« Nous avons avancé sur les échanges de prisonniers », a déclaré Mme Vautrin après la réunion.",
    "Le porte-parole imaginaire Marc Delorme a démenti jeudi tout accord sur le cessez-le-feu. "
    "Selon lui, les délégations se retrouveront le 14 mars à Vienne.",
    "Le président Emmanuel Macron s'est entretenu par téléphone avec Volodymyr Zelensky lundi. "
    "« La sécurité de l'Europe se joue maintenant », a affirmé le chef de l'État français.",
    "Des frappes ont visé Kharkiv dans la nuit de samedi à dimanche, selon les autorités locales. "
    "Le maire a assuré que les secours étaient sur place.",
    "La cheffe de la diplomatie européenne Kaja Kallas a annoncé vendredi de nouvelles sanctions. "
    "Elle a estimé que la pression devait être maintenue jusqu'au retrait des troupes.",
]


def batch():
    return [Article(raw_text=t, source=f"t{i}", published="2025-03-10", published_precision="day",
                    published_basis="manifest", published_confidence=1.0, language="fr")
            for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit=0) as local, Client(local) as client:
        yield client


def test_records_on_two_worker_processes_are_identical_to_serial(cluster, nlp):
    from dossier.pipeline import process_many

    serial = list(process_many(batch(), nlp))
    assert all(not isinstance(r, ArticleFailure) for r in serial)
    remote = list(process_parallel(batch(), Settings(), scheduler=cluster, chunk=2))
    assert remote == serial
    assert len(cluster.nthreads()) == 2
    # each worker loaded the pipeline once, through the plugin
    loaded = cluster.run(lambda: __import__("dossier.pipeline").pipeline._cached.cache_info().currsize)
    assert sorted(loaded.values()) == [1, 1]


def dump(db):
    with sqlite3.connect(db) as c:
        return {table: sorted(c.execute(sql).fetchall()) for table, sql in {
            "articles": "SELECT id, content_hash, source, published, near_duplicate_of FROM articles",
            "quotes": "SELECT article_id, start, \"end\", text, speaker_id FROM quotes",
            "mentions": "SELECT article_id, start, \"end\", entity_id FROM mentions",
            "events": "SELECT article_id, start, \"end\", type FROM events",
        }.items()}


def write_inputs(folder, texts=TEXTS):
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"t{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_ingest_with_a_scheduler_stores_what_a_serial_ingest_stores(cluster, tmp_path):
    folder = write_inputs(tmp_path / "in")
    serial, remote = str(tmp_path / "s.db"), str(tmp_path / "r.db")
    assert runner.invoke(app, ["--db", serial, "ingest", "-q", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["--db", remote, "ingest", "-q", "--scheduler", cluster.scheduler.address, str(folder)])
    assert result.exit_code == 0, result.output
    assert f"new {len(TEXTS)}" in result.output
    assert dump(remote) == dump(serial) and dump(serial)["quotes"]


def test_workers_that_write_store_what_a_serial_ingest_stores(cluster, tmp_path):
    """write=True (what a PostgreSQL URL selects): each worker stores its articles; the client
    links near-duplicates. Exercised here on one SQLite file the local workers share."""
    from dossier.ingest import ingest
    from dossier.writer import Stored

    texts = [*TEXTS, TEXTS[0] + " Mise à jour : la réunion a duré trois heures."]  # a near-duplicate
    folder = write_inputs(tmp_path / "in", texts)
    serial = Settings(db=str(tmp_path / "s.db"))
    ingest([str(folder)], serial)
    shared = Settings(db=str(tmp_path / "w.db"))
    from dossier.read import iter_articles

    out = list(process_parallel(iter_articles([str(folder)], shared), shared, scheduler=cluster, chunk=2, write=True))
    assert all(isinstance(r, Stored) for r in out)
    assert sorted(r.article_id for r in out) == list(range(1, len(texts) + 1))
    assert len({r.signature for r in out}) == len(texts)
    # ids follow the order the workers stored the articles in: compare by content hash
    assert by_hash(shared.db) == by_hash(serial.db) and by_hash(serial.db)["quotes"]


def by_hash(db):
    with sqlite3.connect(db) as c:
        return {"quotes": sorted(c.execute("SELECT a.content_hash, q.start, q.\"end\", q.text, q.speaker_id FROM quotes q "
                                           "JOIN articles a ON a.id = q.article_id").fetchall()),
                "events": sorted(c.execute("SELECT a.content_hash, e.start, e.type FROM events e "
                                           "JOIN articles a ON a.id = e.article_id").fetchall()),
                "articles": sorted(c.execute("SELECT content_hash, source, published FROM articles").fetchall())}


def test_a_failing_article_on_the_cluster_is_recorded_and_the_rest_stored(tmp_path, monkeypatch):
    """Threads of one process (processes=False) share the patched component."""
    from distributed import Client, LocalCluster

    from dossier.timex.component import TimeComponent

    original = TimeComponent.__call__

    def failing(self, doc):
        if "Delorme" in doc.text:
            raise RuntimeError("panne simulée")
        return original(self, doc)

    monkeypatch.setattr(TimeComponent, "__call__", failing)
    folder = write_inputs(tmp_path / "in")
    db = str(tmp_path / "d.db")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local, \
            Client(local) as client:
        result = runner.invoke(app, ["--db", db, "ingest", "--scheduler", client.scheduler.address, str(folder)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"failed: {folder / 't1.txt'}: failed in dossier_time: RuntimeError: panne simulée" in result.output
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TEXTS) - 1
        assert c.execute("SELECT source, component FROM failed_articles").fetchall() == \
            [(str(folder / "t1.txt"), "dossier_time")]


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr("dossier.parallel.cluster.CONNECT_TIMEOUT", "2s")
    folder = write_inputs(tmp_path / "in", TEXTS[:1])
    result = runner.invoke(app, ["--db", str(tmp_path / "d.db"), "ingest", "--scheduler", "tcp://127.0.0.1:9", str(folder)])
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output


def pg_rows(url):
    import psycopg

    with psycopg.connect(url) as c:
        return {"quotes": sorted(c.execute("SELECT a.content_hash, q.start, q.\"end\", q.text, q.speaker_id FROM quotes q "
                                           "JOIN articles a ON a.id = q.article_id").fetchall()),
                "events": sorted(c.execute("SELECT a.content_hash, e.start, e.type FROM events e "
                                           "JOIN articles a ON a.id = e.article_id").fetchall()),
                "articles": sorted(c.execute("SELECT content_hash, source, published FROM articles").fetchall()),
                "near": c.execute("SELECT a.source, b.source FROM articles a JOIN articles b ON b.id = a.near_duplicate_of"
                                  ).fetchall()}


@pytest.mark.parametrize("how", ["scheduler", "workers"])
def test_workers_write_postgresql_what_a_serial_ingest_stores(how, cluster, tmp_path, postgres_url):
    """DOSSIER_DB=postgresql://...: the workers (of the cluster, or local ones) store the articles
    themselves; the client links the near-duplicate."""
    digest = " ".join(TEXTS)
    texts = [*TEXTS, digest, digest + " Mise à jour : l'entretien a duré une heure."]  # t6 near-duplicates t5
    folder = write_inputs(tmp_path / "in", texts)
    serial = str(tmp_path / "s.db")
    assert runner.invoke(app, ["--db", serial, "ingest", "-q", str(folder)]).exit_code == 0
    option = ["--scheduler", cluster.scheduler.address] if how == "scheduler" else ["--workers", "2"]
    result = runner.invoke(app, ["--db", postgres_url, "ingest", *option, str(folder)])
    assert result.exit_code == 0, result.output
    assert f"new {len(texts)}" in result.output and "near-duplicates 1" in result.output
    stored = pg_rows(postgres_url)
    assert stored["near"] == [(str(folder / "t6.txt"), str(folder / "t5.txt"))]
    assert {k: v for k, v in stored.items() if k != "near"} == by_hash(serial) and stored["quotes"]
