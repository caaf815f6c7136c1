"""SQLite backend: one file, WAL mode, FTS5 search, one transaction per article.

Only the connection and the catalogue are SQLite-specific; queries, writes and migrations are
shared with PostgreSQL (``dossier.store.sql``).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from dossier.errors import StoreError
from dossier.store.dialect import SQLITE
from dossier.store.sql import SQLStore

BUSY_SECONDS = 30  # how long a writer waits for another process's lock (connection timeout too)



class SQLiteStore(SQLStore):
    dialect = SQLITE
    operational_errors = (sqlite3.OperationalError,)
    integrity_errors = (sqlite3.IntegrityError,)
    database_errors = (sqlite3.Error,)

    def __init__(self, path: str, readonly: bool = False):
        self.path = self.name = path
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if readonly and not p.exists():
            raise StoreError(f"{path}: no database here yet (run 'dossier ingest' first)")
        if not readonly and not p.parent.exists():
            raise StoreError(f"{path}: folder {p.parent} does not exist")
        self.conn = None
        try:
            uri = f"file:{p}?mode=ro" if readonly else str(p)
            # isolation_level=None: transactions are begun and ended by SQLStore._tx only
            self.conn = sqlite3.connect(uri, uri=readonly, timeout=BUSY_SECONDS, check_same_thread=False,
                                        isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self._enable_wal()
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            elif not self._has_table("articles"):  # never add our tables to someone else's file
                empty = p.stat().st_size == 0
                raise StoreError(f"{path}: " + ("empty file, no dossier database yet (run 'dossier ingest' first)"
                                                if empty else "not a dossier database (it has no articles table)"))
            else:
                self._upgrade_if_needed()
        except (sqlite3.DatabaseError, StoreError) as exc:
            if self.conn is not None:
                self.conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{path}: not a dossier database or not writable ({exc})") from exc

    def _tuple_cursor(self):
        cur = self.conn.cursor()
        cur.row_factory = None
        return cur

    def _enable_wal(self) -> None:
        """Switch the file to write-ahead logging. The switch needs the file to itself and SQLite
        does not wait for it (the busy timeout is not consulted): several processes opening a new
        database at once (``--workers``, Dask workers writing) would get "database is locked".
        Retried for as long as a write would wait."""
        deadline = time.monotonic() + BUSY_SECONDS
        pause = 0.005
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)

    def _upgrade_if_needed(self) -> None:
        """A read-only store over a database written by an older dossier: add what it lacks
        through a short-lived writable connection (columns and indexes only ever get added)."""
        if self._stored_digest() == self._digest() or not self._pending():
            return
        try:
            SQLiteStore(self.path).close()
        except StoreError as exc:
            raise StoreError(f"{self.path}: written by an older dossier and cannot be upgraded here "
                             f"({exc}); open it once with write access") from exc

    # -- catalogue -------------------------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        return self._one("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?",
                         (name,)) is not None

    def _catalog(self) -> set[tuple[str, str]]:
        have: set[tuple[str, str]] = set()
        tables = []
        for r in self._rows("SELECT type, name FROM sqlite_master"):
            have.add((r["type"], r["name"]))
            if r["type"] == "table":
                tables.append(r["name"])
        for t in tables:
            have |= {("column", f"{t}.{r['name']}") for r in self._rows(f'PRAGMA table_info("{t}")')}
        return have

    def size_bytes(self) -> int:
        """The database file and its write-ahead log, in bytes."""
        return sum(p.stat().st_size for p in (Path(self.path), Path(f"{self.path}-wal")) if p.exists())
