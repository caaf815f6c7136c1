"""What only the PostgreSQL backend does: URLs, French full-text search, and several connections
writing and reading at once (locks, snapshots, a concurrent duplicate)."""
from __future__ import annotations

import threading
import time

import pytest
from store_records import TEXT, make_records
from typer.testing import CliRunner

from dossier.config import Settings
from dossier.errors import AlreadyStored, StoreError
from dossier.store import open_store


def _open(url, readonly=False):
    return open_store(Settings(db=url), readonly=readonly)


@pytest.fixture()
def pg(postgres_url):
    s = _open(postgres_url)
    yield s
    s.close()


def _later(fn):
    """Run ``fn`` in a thread; returns (thread, box) where box holds its result or exception."""
    box: dict = {}

    def run():
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed to the test
            box["error"] = exc
        box["at"] = time.monotonic()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, box


def test_urls_select_postgresql(postgres_url):
    from dossier.store.postgres import PostgresStore

    for url in (postgres_url, postgres_url.replace("postgresql://", "postgres://", 1)):
        s = _open(url)
        assert isinstance(s, PostgresStore)
        s.close()


@pytest.mark.parametrize("url,message", [
    ("postgresql://nobody:s3cret@127.0.0.1:1/none", "cannot connect to PostgreSQL"),
    ("postgresql://127.0.0.1:5432/db?nonsense_option=1", "cannot connect to PostgreSQL"),
])
def test_connection_errors_are_one_line_without_password(url, message):
    with pytest.raises(StoreError, match=message) as info:
        _open(url)
    assert "s3cret" not in str(info.value) and "\n" not in str(info.value)


def test_cli_reports_an_unreachable_server_in_one_line():
    from dossier.cli import app

    result = CliRunner().invoke(app, ["articles"], env={"DOSSIER_DB": "postgresql://127.0.0.1:1/none"})
    assert result.exit_code == 1
    assert result.output.startswith("error: postgresql://127.0.0.1:1/none: cannot connect to PostgreSQL")
    assert "Traceback" not in result.output


def test_readonly_open_of_an_empty_schema(postgres_url):
    with pytest.raises(StoreError, match="no dossier database here yet"):
        _open(postgres_url, readonly=True)


def test_readers_cannot_write(pg, postgres_url):
    pg.add_article(make_records())
    reader = _open(postgres_url, readonly=True)
    try:
        with pytest.raises(StoreError):
            reader.add_article(make_records(text=TEXT + " Encore.", source="mem://2"))
    finally:
        reader.close()


@pytest.mark.parametrize("query", ["négociation", "negociations", "NÉGOCIER"])
def test_search_stems_french(pg, query):
    pg.add_article(make_records(text="Les négociations entre Alpha et Beta ont repris à Genève.", title="Reprise"))
    [row] = pg.search(query)
    assert row["title"] == "Reprise" and "[négociations]" in row["snippet"]


def test_a_concurrent_duplicate_is_a_duplicate(pg, postgres_url):
    other = _open(postgres_url)
    try:
        with pg._tx("write"):
            first = pg._insert(make_records(), None, None, None)  # not committed yet
            thread, box = _later(lambda: other.add_article(make_records()))
            time.sleep(0.5)
            assert thread.is_alive()  # the second writer waits on the unique content hash
        thread.join(10)
        assert isinstance(box.get("error"), AlreadyStored) and box["error"].article_id == first
        assert pg.count() == 1 and pg.count("quotes") == 1
    finally:
        other.close()


def test_entities_written_at_once_keep_every_alias(pg, postgres_url):
    other = _open(postgres_url)
    try:
        with pg._tx("write"):
            pg._insert(make_records(aliases=("Alpha", "M. Alpha")), None, None, None)
            thread, box = _later(lambda: other.add_article(
                make_records(text=TEXT + " Fin.", source="mem://2", aliases=("le ministre Alpha",))))
            time.sleep(0.5)
        thread.join(10)
        assert "error" not in box, box
        [alpha] = [e for e in pg.entities() if e["id"] == "local:alpha"]
        assert alpha["aliases"] == ["Alpha", "M. Alpha", "le ministre Alpha"]
    finally:
        other.close()


def test_rebuilds_never_interleave(pg, postgres_url):
    other = _open(postgres_url)
    try:
        with pg.cross_article_update():
            thread, box = _later(lambda: other.cross_article_update().__enter__())
            time.sleep(0.5)
            assert thread.is_alive()  # waits on the advisory lock
            released = time.monotonic()
        thread.join(10)
        assert "error" not in box and box["at"] >= released
    finally:
        other.close()


def test_readers_see_the_old_or_the_new_storylines(pg, postgres_url):
    pg.add_article(make_records())
    [event_id] = [r["id"] for r in pg.record_refs("events")]
    old = [{"id": "old", "type": "meeting", "date": "2025-06-09", "participants": [], "event_ids": [event_id]}]
    pg.replace_storylines(old, {"disputes": [{"id": 1}]})
    reader = _open(postgres_url, readonly=True)
    try:
        with pg.cross_article_update():
            pg.replace_storylines([{**old[0], "id": "new"}], {"disputes": [{"id": 2}]})
            during = ([r["id"] for r in reader.timeline()], reader.crossref("disputes"))
        after = ([r["id"] for r in reader.timeline()], reader.crossref("disputes"))
    finally:
        reader.close()
    assert during == (["old"], [{"id": 1}])
    assert after == (["new"], [{"id": 2}])


def test_stores_opened_at_once_on_a_new_schema(postgres_url):
    results = [_later(lambda: _open(postgres_url)) for _ in range(3)]
    for thread, box in results:
        thread.join(60)
        assert "error" not in box, box.get("error")
        box["result"].close()


def test_an_article_stored_during_a_rebuild_leaves_the_results_stale(pg, postgres_url):
    """Writers commit while a rebuild's snapshot is open: neither side fails (no shared counter
    row to conflict on), the rebuild reads its snapshot, and its results do not claim the new
    article, so the next update rebuilds."""
    from dossier.crossref import update_cross_article
    from dossier.models import ArticleFailure

    pg.add_article(make_records())
    writer = _open(postgres_url)
    try:
        with pg.cross_article_update():
            seen = pg.articles_fingerprint()
            writer.add_article(make_records(text=TEXT + " Fin.", source="mem://2"))  # commits at once
            writer.add_failure(ArticleFailure(make_records(text=TEXT + " Autre.").article, "dossier_time", "E: x"))
            assert pg.articles_fingerprint() == seen == "1:1"
            pg.replace_storylines([], {})
        assert pg.count() == 2 and len(pg.failures()) == 1
        assert not pg.cross_article_current()
        assert update_cross_article(pg) is not None and pg.cross_article_current()
        assert update_cross_article(writer) is None  # already covered: the other process skips its rebuild
    finally:
        writer.close()


def test_a_text_postgresql_cannot_hold_is_a_store_error(pg):
    """PostgreSQL text holds no NUL character (SQLite does): recording such a failed article is
    a one-line StoreError, not a driver exception."""
    from dossier.models import Article, ArticleFailure

    bad = ArticleFailure(Article(raw_text="Un texte\x00 inventé", source="in/nul.txt"), "store", "DataError: x")
    with pytest.raises(StoreError, match="in/nul.txt.*NUL") as info:
        pg.add_failure(bad)
    assert "\n" not in str(info.value)
