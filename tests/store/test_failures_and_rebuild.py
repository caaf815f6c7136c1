"""The store's failed articles, duplicate detection and the generations that make the
cross-article rebuild resumable (hand-made records, no model)."""
from __future__ import annotations

import dataclasses
import importlib.util
import sqlite3
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.errors import DuplicateArticle, NotFound
from dossier.models import Article, ArticleFailure
from dossier.store import open_store

_spec = importlib.util.spec_from_file_location("store_sample", Path(__file__).with_name("test_sqlite.py"))
_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_sample)
make_records = _sample.make_records


@pytest.fixture()
def store(tmp_path):
    s = open_store(Settings(db=str(tmp_path / "t.db")))
    yield s
    s.close()


def failure(text="Un article qui fait tomber un composant, inventé pour le test.", error="RuntimeError: panne"):
    article = Article(raw_text=text, source="in/a2.txt", title="Titre inventé", published="2025-12-02",
                      published_precision="day", published_basis="manifest", language="fr",
                      extra={"feed": "f.xml"})
    return ArticleFailure(article, "dossier_time", error, detail="Traceback ...", pipeline_version="v1")


def test_a_failure_round_trips_with_everything_needed_to_retry(store):
    store.add_failure(failure())
    (back,) = store.failed_articles()
    assert back.article == failure().article
    assert (back.component, back.error, back.detail, back.pipeline_version) == \
           ("dossier_time", "RuntimeError: panne", "Traceback ...", "v1")
    (row,) = store.failures()
    assert {k: row[k] for k in ("source", "title", "component", "error", "pipeline_version", "attempts")} == {
        "source": "in/a2.txt", "title": "Titre inventé", "component": "dossier_time",
        "error": "RuntimeError: panne", "pipeline_version": "v1", "attempts": 1}
    assert row["failed_at"] and row["content_hash"] == failure().article.content_hash


def test_the_same_article_failing_again_is_one_row_with_one_more_attempt(store):
    store.add_failure(failure())
    store.add_failure(dataclasses.replace(failure(), error="ValueError: autre"))
    (row,) = store.failures()
    assert (row["attempts"], row["error"]) == (2, "ValueError: autre")


def test_storing_the_article_removes_its_failure_in_the_same_transaction(store):
    records = make_records()
    store.add_failure(ArticleFailure(records.article, "dossier_quotes", "KeyError: x"))
    store.add_failure(failure())
    store.add_article(records)
    assert [f.article.source for f in store.failed_articles()] == ["in/a2.txt"]
    store.remove_failure(failure().article.content_hash)
    assert store.failures() == []


def test_a_second_copy_is_a_duplicate_not_a_store_error(store):
    first = store.add_article(make_records())
    with pytest.raises(DuplicateArticle) as info:
        store.add_article(make_records())
    assert info.value.article_id == first
    assert str(info.value) == f"mem://1: already stored as #{first}"


def test_generations_make_the_rebuild_resumable(store):
    assert not store.needs_rebuild() and store.article_generation() == 0
    store.add_article(make_records())
    assert store.needs_rebuild() and store.article_generation() == 1 and store.last_stored_at()
    started = store.article_generation()
    store.add_article(make_records(text=_sample.TEXT + " Fin."))  # stored while the rebuild ran
    store.replace_storylines([], {}, generation=started)
    assert store.needs_rebuild(), "results built from generation 1 do not cover the second article"
    store.replace_storylines([], {})
    assert not store.needs_rebuild()


def test_a_database_written_before_generations_is_rebuilt_once(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(Settings(db=str(path)))
    s.add_article(make_records())
    s.close()
    with sqlite3.connect(path) as c:  # what an older dossier left: no generation keys
        c.execute("DELETE FROM meta WHERE key IN ('generation', 'crossref_generation', 'stored_at')")
    s = open_store(Settings(db=str(path)), readonly=True)
    assert s.needs_rebuild()
    s.close()


@pytest.mark.parametrize("article_id", [0, -1, 2**63, 10**30])
def test_ids_out_of_range_are_not_found(store, article_id):
    with pytest.raises(NotFound):
        store.article(article_id)


def test_huge_offsets_page_past_the_end(store):
    store.add_article(make_records())
    assert store.articles(limit=10**30, offset=10**30) == []
    assert store.articles_page(limit=10, offset=2**64)[0] == []
    assert store.failures(limit=10, offset=2**64) == []
