"""dossier.ingest: an interrupted cross-article rebuild is finished later (next ingest, a reading
command, `dossier rebuild`); a concurrent ingest's copies count as duplicates. On SQLite and
PostgreSQL."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import dossier.ingest as ingest_module
from dossier.cli import app
from dossier.config import Settings
from dossier.ingest import ingest
from dossier.store import open_store

pytestmark = pytest.mark.slow
runner = CliRunner()

TEXTS = [
    "Genève, le 2 décembre 2025. La ministre fictive Claire Vautrin a rencontré mardi à Genève le "
    "négociateur Paul Arnoux pour parler du cessez-le-feu.",
    "Vienne, le 4 décembre 2025. Le négociateur Paul Arnoux a rencontré jeudi à Vienne la ministre "
    "Claire Vautrin, qui a affirmé que « la trêve tiendra ».",
]


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    for i, text in enumerate(TEXTS, start=1):
        (path / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    return path


def stale(db: str) -> bool:
    with open_store(Settings(db=db), readonly=True) as store:
        return not store.cross_article_current()


def killed_before_rebuild(folder, db) -> None:
    """The state a kill -9 leaves after the last article is stored, before the rebuild."""
    summary = ingest([str(folder)], Settings(db=db), rebuild=False)
    assert summary.new == 2 and stale(db)


def test_the_next_ingest_finishes_the_rebuild_even_with_nothing_new(folder, db_url):
    db = db_url
    killed_before_rebuild(folder, db)
    summary = ingest([str(folder)], Settings(db=db))
    assert (summary.new, summary.duplicates, summary.rebuilt) == (0, 2, True)
    assert not stale(db)
    timeline = json.loads(runner.invoke(app, ["--db", db, "timeline", "--json"]).output)
    assert timeline, "the merged timeline is back"


def test_a_reading_command_finishes_the_rebuild(folder, db_url, monkeypatch):
    db = db_url
    killed_before_rebuild(folder, db)
    fresh = runner.invoke(app, ["--db", db, "timeline", "--json"])  # an ingest may still be running
    assert "note: cross-article results do not include the articles stored in the last 60 s" in fresh.output
    assert stale(db)
    monkeypatch.setattr(ingest_module, "QUIET_SECONDS", 0)
    result = runner.invoke(app, ["--db", db, "timeline"])
    assert result.exit_code == 0
    assert "note: cross-article results rebuilt (an earlier ingest stopped before finishing them)" in result.output
    assert "no events" not in result.output
    assert not stale(db)


def test_dossier_rebuild(folder, db_url):
    db = db_url
    killed_before_rebuild(folder, db)
    result = runner.invoke(app, ["--db", db, "rebuild", "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert counts["storylines"] >= 1 and set(counts) >= {"quote_groups", "disputes", "conflicts", "positions"}
    assert not stale(db)


def test_copies_stored_by_a_concurrent_ingest_are_duplicates(folder, db_url, monkeypatch):
    """Both ingests read the files before either stored them; the second must not report one
    'UNIQUE constraint failed' per article and exit 2."""
    import dossier.pipeline as pipeline

    db = db_url
    original = pipeline.process_many

    def other_ingest_got_there_first(articles, nlp, batch_size=16):
        with open_store(Settings(db=db)) as other:
            for result in original(articles, nlp, batch_size=batch_size):
                other.add_article(result)
                yield result

    monkeypatch.setattr(pipeline, "process_many", other_ingest_got_there_first)
    result = runner.invoke(app, ["--db", db, "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "new 0, duplicates 2" in result.output and "skipped 0, failed 0" in result.output
    assert "UNIQUE" not in result.output


def test_a_rebuild_that_raises_keeps_the_articles_and_says_so(folder, db_url, monkeypatch):
    import dossier.crossref as crossref

    def broken(store, **_):
        raise ValueError("une fusion impossible")

    monkeypatch.setattr(crossref, "update_pending", broken)
    db = db_url
    result = runner.invoke(app, ["--db", db, "ingest", "-q", str(folder)])
    assert result.exit_code == 2
    assert "new 2" in result.output and "Traceback" not in result.output
    assert ("error: cross-article rebuild failed (ValueError: une fusion impossible); the articles are stored, "
            "run 'dossier rebuild'") in result.output
    assert stale(db)
    monkeypatch.undo()
    assert runner.invoke(app, ["--db", db, "rebuild"]).exit_code == 0 and not stale(db)
