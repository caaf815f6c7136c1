"""No article sinks its batch: `dossier ingest` stores the others, reports the failed one on one
line, keeps it for `--retry-failed` and lists it in `dossier articles --failed` (on SQLite and
PostgreSQL)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.config import Settings
from dossier.store import open_store
from dossier.timex.component import TimeComponent

pytestmark = pytest.mark.slow
runner = CliRunner()

MARK = "Zorglub"  # a made-up name the patched component fails on
TEXTS = [
    "La ministre fictive Claire Vautrin a reçu mardi à Genève son homologue pour parler du cessez-le-feu.",
    f"Le diplomate imaginaire Paul {MARK} a quitté jeudi la table des négociations sans un mot.",
    "Les délégations se retrouveront lundi prochain à Vienne, selon un communiqué publié mercredi.",
]


def write_three(folder):
    folder.mkdir()
    for i, text in enumerate(TEXTS, start=1):
        (folder / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def break_time_component(monkeypatch):
    original = TimeComponent.__call__

    def failing(self, doc):
        if MARK in doc.text:
            raise RuntimeError("panne simulée")
        return original(self, doc)

    monkeypatch.setattr(TimeComponent, "__call__", failing)


def contents(db):
    """(article sources, failed articles as dicts) of the database ``db``."""
    with open_store(Settings(db=db), readonly=True) as store:
        return [a["source"] for a in store.article_index()], store.failures()


def no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_component_raising_on_second_of_three_articles(tmp_path, monkeypatch, db_url):
    folder = write_three(tmp_path / "in")
    db = db_url
    break_time_component(monkeypatch)

    result = runner.invoke(app, ["--db", db, "ingest", str(folder)])
    assert result.exit_code == 2, result.output
    no_traceback(result)
    assert "new 2" in result.output and "failed 1" in result.output
    line = f"failed: {folder / 'a2.txt'}: failed in dossier_time: RuntimeError: panne simulée"
    assert result.output.count(line) == 1  # the summary line (progress lines say "failed <source>...")
    articles, failed = contents(db)
    assert len(articles) == 2 and len(failed) == 1

    listed = runner.invoke(app, ["--db", db, "articles", "--failed"])
    assert listed.exit_code == 0
    assert f"{folder / 'a2.txt'}: failed in dossier_time: RuntimeError: panne simulée" in listed.output
    rows = json.loads(runner.invoke(app, ["--db", db, "articles", "--failed", "--json"]).output)
    assert [(r["source"], r["component"], r["attempts"]) for r in rows] == [(str(folder / "a2.txt"), "dossier_time", 1)]
    assert rows[0]["pipeline_version"]

    # the same failure again (no upgrade yet): still one row, one more attempt
    again = runner.invoke(app, ["--db", db, "ingest", "-q", "--retry-failed"])
    assert again.exit_code == 2 and "retried 1" in again.output
    assert [f["attempts"] for f in contents(db)[1]] == [2]

    monkeypatch.undo()  # the component is fixed (an upgrade)
    retry = runner.invoke(app, ["--db", db, "ingest", "--retry-failed"])
    assert retry.exit_code == 0, retry.output
    no_traceback(retry)
    assert "retried 1" in retry.output and "new 1" in retry.output and "failed 0" in retry.output
    articles, failed = contents(db)
    assert failed == [] and len(articles) == 3
    assert "no failed articles" in runner.invoke(app, ["--db", db, "articles", "--failed"]).output
    stored = runner.invoke(app, ["--db", db, "articles", "--json"]).output
    assert str(folder / "a2.txt") in stored


def test_a_failed_article_ingested_again_successfully_leaves_the_failed_list(tmp_path, monkeypatch, db_url):
    folder = write_three(tmp_path / "in")
    db = db_url
    break_time_component(monkeypatch)
    assert runner.invoke(app, ["--db", db, "ingest", "-q", str(folder)]).exit_code == 2
    monkeypatch.undo()
    result = runner.invoke(app, ["--db", db, "ingest", "-q", str(folder)])
    assert result.exit_code == 0 and "new 1" in result.output and "duplicates 2" in result.output
    articles, failed = contents(db)
    assert failed == [] and len(articles) == 3


def test_dask_workers_keep_the_batch_when_one_article_fails(tmp_path, monkeypatch):
    """The --workers path (Dask, local processes): forked workers inherit the broken component."""
    import dask

    folder = write_three(tmp_path / "in")
    db = str(tmp_path / "d.db")
    break_time_component(monkeypatch)
    with dask.config.set({"multiprocessing.context": "fork"}):
        result = runner.invoke(app, ["--db", db, "ingest", "--workers", "2", str(folder)])
    assert result.exit_code == 2, result.output
    no_traceback(result)
    assert "new 2" in result.output and "failed 1" in result.output
    assert f"failed: {folder / 'a2.txt'}: failed in dossier_time: RuntimeError: panne simulée" in result.output
    articles, failed = contents(db)
    assert sorted(articles) == [str(folder / "a1.txt"), str(folder / "a3.txt")]
    assert [f["component"] for f in failed] == ["dossier_time"]
