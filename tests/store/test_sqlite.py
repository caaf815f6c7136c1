"""What only the SQLite backend does: a file, WAL mode, errors about paths."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from dossier.config import Settings
from dossier.errors import StoreError
from dossier.store import open_store


@pytest.fixture()
def sqlite_store(tmp_path):
    s = open_store(Settings(db=str(tmp_path / "t.db")))
    yield s
    s.close()


def test_an_older_database_gets_the_missing_column(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(Settings(db=str(path)))
    s.conn.execute("ALTER TABLE quotes DROP COLUMN confidence")
    s.conn.execute("DELETE FROM meta WHERE key = 'schema_digest'")  # as written by an older dossier
    s.close()
    s = open_store(Settings(db=str(path)), readonly=True)  # reopening adds the missing column back
    cols = {r[1] for r in s.conn.execute("PRAGMA table_info(quotes)")}
    assert "confidence" in cols
    s.close()


def test_not_a_database(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a dossier database"):
        open_store(Settings(db=str(bad)))


@pytest.mark.parametrize("path,message", [
    ("/proc/dossier-test.db", "not a dossier database or not writable"),
    ("/nonexistent-folder-xyz/d.db", "does not exist"),
])
def test_unwritable_locations(path, message):
    with pytest.raises(StoreError, match=message):
        open_store(Settings(db=path))


def test_readonly_open_of_missing_db(tmp_path):
    with pytest.raises(StoreError, match="no database here yet"):
        open_store(Settings(db=str(tmp_path / "none.db")), readonly=True)


def test_wal_mode(sqlite_store):
    assert sqlite_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert isinstance(sqlite_store.conn, sqlite3.Connection)


def test_a_new_database_opened_while_another_process_writes_waits_for_it(tmp_path):
    """Several workers open one new file at once: switching it to WAL needs the file to itself and
    SQLite does not wait for that on its own; the open waits instead of failing "locked"."""
    path = tmp_path / "shared.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock for a moment
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        s = open_store(Settings(db=str(path)))
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.close()
    finally:
        release.join()
        other.close()


@pytest.mark.parametrize("value,bounds", [
    ("2025-12-02", ("2025-12-02", "2025-12-02")),
    ("2025-12-02T17:00", ("2025-12-02", "2025-12-02")),
    ("2025-W48", ("2025-11-24", "2025-11-30")),
    ("2025-12", ("2025-12-01", "2025-12-31")),
    ("2025", ("2025-01-01", "2025-12-31")),
    (None, (None, None)),
])
def test_date_bounds(value, bounds):
    from dossier.store.queries import date_bounds

    assert date_bounds(value) == bounds
