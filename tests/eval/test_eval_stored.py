"""Scoring what a database stores (``dossier eval --db``): articles matched to gold keys by file
name, url or title; cross-article tasks from the stored storylines, conflicts and disputes. On
SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.config import Settings
from dossier.crossref import rebuild_cross_article
from dossier.errors import GoldError
from dossier.eval import run_eval, run_eval_stored
from dossier.eval.stored import match_articles
from dossier.store import open_store

DATA = Path(__file__).parent / "data"
GOLD = DATA / "mini.gold.json"


@pytest.fixture()
def make_db(db_url, mini_gold, mini_texts, oracle):
    """A database (SQLite, then PostgreSQL) holding the mini gold's oracle records (some keys,
    renamed sources, changes)."""
    def make(keys=None, source=None, change=None) -> Settings:
        return _store(db_url, mini_gold, mini_texts, oracle, keys, source, change)

    return make


def _store(db: str, gold, texts: dict[str, str], oracle, keys=None, source=None, change=None) -> Settings:
    settings = Settings(db=str(db))
    store = open_store(settings)
    try:
        for key in gold.articles if keys is None else keys:
            rec = oracle(gold, key, texts[key])
            rec.article = dataclasses.replace(rec.article, source=source(key) if source else str(DATA / "mini" / key),
                                              title=gold.articles[key]["title"], published_basis="manifest")
            if change:
                change(key, rec)
            store.add_article(rec)
        rebuild_cross_article(store)
    finally:
        store.close()
    return settings


def _without(result: dict) -> dict:
    return {k: v for k, v in result.items() if k not in ("errors",)}


def test_stored_scores_equal_a_fresh_run_of_the_same_records(make_db, fake_nlp, oracle_pipeline):
    settings = make_db()
    stored = run_eval_stored(GOLD, settings)
    fresh = run_eval(GOLD, corpus_dir=DATA, nlp=fake_nlp)
    for task in ("boilerplate", "persons", "places", "organizations", "dates", "quotes", "events", "claims",
                 "same_events", "conflicts"):
        assert _without(stored["tasks"][task]) == _without(fresh["tasks"][task]), task
    assert stored["tasks"]["same_events"]["recall"] == 1.0
    assert stored["tasks"]["published"]["accuracy"] == 1.0
    assert stored["tasks"]["published"]["with_manifest"]["accuracy"] == 1.0
    assert stored["tasks"]["published"]["without_manifest"]["status"] == "not available"
    assert stored["meta"]["mode"] == "stored" and stored["meta"]["matched_by"] == {"a1.txt": "source",
                                                                                   "a2.txt": "source"}
    assert stored["baselines"] == {}


def test_stored_errors_name_the_gold_keys(make_db):
    def lose_a_quote(key, rec):
        if key == "a2.txt":
            rec.quotes.pop(0)

    settings = make_db(change=lose_a_quote)
    report = run_eval_stored(GOLD, settings, errors=True)
    missed = report["errors"]["articles"]["a2.txt"]["quotes"]
    assert [e["gold"]["quote"] for e in missed] == ["très utile"]
    assert "très utile" in missed[0]["sentence"]


def test_missing_stored_article_counts_as_empty(make_db):
    settings = make_db(keys=["a1.txt"])
    report = run_eval_stored(GOLD, settings)
    assert report["meta"]["missing"] == ["a2.txt"] and report["meta"]["read"] == 1
    assert report["tasks"]["persons"]["recall"] == 0.5
    assert report["tasks"]["same_events"]["recall"] == 0.0


def test_articles_matched_by_title_when_the_file_name_differs(make_db):
    settings = make_db(source=lambda key: f"https://example.org/{key}.html")
    report = run_eval_stored(GOLD, settings)
    assert report["meta"]["matched_by"] == {"a1.txt": "title", "a2.txt": "title"}
    assert report["tasks"]["quotes"]["recall"] == 1.0


def test_match_articles_prefers_source_then_url_then_title(mini_gold):
    rows = [{"id": 3, "source": "x/a1.txt", "url": None, "title": None},
            {"id": 1, "source": "feed", "url": "https://example.org/a1.txt", "title": None},
            {"id": 2, "source": "feed", "url": None, "title": mini_gold.articles["a2.txt"]["title"].upper()}]
    assert match_articles(mini_gold, rows) == {"a1.txt": (1, "source"), "a2.txt": (2, "title")}


def test_no_stored_article_is_a_gold_error(make_db):
    settings = make_db(keys=[])
    with pytest.raises(GoldError, match="none of the 2 articles"):
        run_eval_stored(GOLD, settings)


def test_cli_scores_a_database(make_db):
    db = make_db().db
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--db", str(db), "--json", "--complete", "quotes"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["meta"]["db"] == str(db) and report["tasks"]["quotes"]["f1"] == 1.0
    assert "precision" not in report["tasks"]["events"]
    text = runner.invoke(app, ["eval", "--gold", str(GOLD), "--db", str(db), "--errors"])
    assert text.exit_code == 0 and "error counts per task" in text.output and f"database {db}" in text.output


@pytest.mark.parametrize("args, message", [
    (["--corpus", "x"], "error: --db scores what is stored: --corpus, --manifest and --wrap do not apply"),
    (["--complete", "speakers"], "--complete: unknown task 'speakers'"),
])
def test_cli_db_errors_are_one_line(make_db, args, message):
    db = make_db().db
    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--db", str(db), *args])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_cli_missing_database_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database here yet" in result.output
