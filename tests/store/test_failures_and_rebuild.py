"""The store's failed articles, duplicate detection and the fingerprint that makes the
cross-article rebuild resumable (hand-made records, no model), on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_records import TEXT, make_records

from dossier.config import Settings
from dossier.errors import AlreadyStored, NotFound
from dossier.models import Article, ArticleFailure
from dossier.store import open_store


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
    with pytest.raises(AlreadyStored) as info:
        store.add_article(make_records())
    assert info.value.article_id == first
    assert str(info.value) == f"mem://1: already stored as #{first}"


def test_the_fingerprint_makes_the_rebuild_resumable(store):
    assert store.cross_article_current() and store.last_stored_at() is None  # nothing stored, nothing to build
    store.add_article(make_records())
    assert not store.cross_article_current()
    age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(store.last_stored_at())
    assert abs(age.total_seconds()) < 120
    started = store.articles_fingerprint()  # a rebuild read the articles here...
    store.add_article(make_records(text=TEXT + " Fin.", source="mem://2"))  # ...and this one was stored meanwhile
    store.replace_storylines([], {}, fingerprint=started)
    assert not store.cross_article_current(), "results built from the first article do not cover the second"
    store.replace_storylines([], {})
    assert store.cross_article_current()


def test_a_database_written_before_fingerprints_is_rebuilt_once(db_url):
    s = open_store(Settings(db=db_url))
    s.add_article(make_records())
    s.replace_storylines([], {})
    assert s.cross_article_current()
    s._exec("DELETE FROM meta WHERE key = 'crossref_articles'")  # what an older dossier left
    s.close()
    s = open_store(Settings(db=db_url), readonly=True)
    assert not s.cross_article_current()
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
