"""PostgreSQL backend (psycopg 3): the same tables, queries and results as SQLite, for several
readers and concurrent writers.

``--db postgresql://USER@HOST:PORT/DBNAME`` (or ``DOSSIER_DB``) selects it. Tables are created
in the connection's current schema (the first of its ``search_path``; choose another with
``?options=-csearch_path%3Dmyschema`` in the URL). Full-text search uses a copy of the built-in
``french`` text-search configuration (``dossier_french``: French stemming and stop words, accents
ignored when the ``unaccent`` extension can be installed) over a stored ``tsvector`` column with
a GIN index.

The connection runs in autocommit mode; ``SQLStore._tx`` begins and ends every transaction:
one per article written (READ COMMITTED), a REPEATABLE READ snapshot for reads that take several
queries and for the cross-article rebuild, which also holds an advisory lock so that two
processes never rebuild at once.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dossier.errors import StoreError
from dossier.store.dialect import POSTGRES
from dossier.store.sql import SQLStore, first_line

log = logging.getLogger(__name__)

URL_PREFIXES = ("postgresql://", "postgres://")


def redact(url: str) -> str:
    """The URL without its password (for messages)."""
    return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    dialect = POSTGRES

    def __init__(self, url: str, readonly: bool = False):
        self.url = url
        self.name = redact(url)
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # a main dependency, but say so plainly if it was removed
            raise StoreError("PostgreSQL storage needs psycopg: pip install 'psycopg[binary]'") from exc
        # what the user can fix (server, permissions, a read-only store) rather than a bug
        self.operational_errors = (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction,
                                   psycopg.errors.InsufficientPrivilege)
        self.integrity_errors = (psycopg.IntegrityError,)
        self.transient_errors = (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected)
        self.database_errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"{self.name}: cannot connect to PostgreSQL ({first_line(exc)})") from exc
        try:
            if self._scalar("SELECT current_schema() AS s") is None:
                raise StoreError(f"{self.name}: no schema to keep the tables in (check the search_path)")
            if readonly:
                if not self._has_table("articles"):
                    raise StoreError(f"{self.name}: no dossier database here yet (run 'dossier ingest' first)")
                self._migrate()  # adds what an older dossier did not create; a no-op otherwise
                self._exec("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{self.name}: not a dossier database or not writable ({first_line(exc)})") from exc
        except BaseException:
            self.conn.close()
            raise

    def _tuple_cursor(self):
        from psycopg.rows import tuple_row

        return self.conn.cursor(row_factory=tuple_row)

    # -- catalogue -------------------------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        return self._scalar("SELECT to_regclass(?) IS NOT NULL AS found", (name,))

    def _catalog(self) -> set[tuple[str, str]]:
        rows = self._rows("""
            SELECT 'table' AS kind, table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema()
            UNION ALL SELECT 'column', table_name || '.' || column_name FROM information_schema.columns
             WHERE table_schema = current_schema()
            UNION ALL SELECT 'index', indexname FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT 'ts_config', c.cfgname FROM pg_ts_config c
              JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = current_schema()""")
        return {(r["kind"], r["name"]) for r in rows}

    def _search_options(self) -> dict[str, Any]:
        """Where the unaccent dictionary lives (installing the extension if allowed), or None."""
        find = ("SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n "
                "ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'")
        where = self._scalar(find)
        if where is None:
            self._exec("SAVEPOINT dossier_unaccent")
            try:
                self._exec("CREATE EXTENSION IF NOT EXISTS unaccent")
                self._exec("RELEASE SAVEPOINT dossier_unaccent")
                where = self._scalar(find)
            except Exception as exc:  # not installed on the server, or not allowed to install it
                self._exec("ROLLBACK TO SAVEPOINT dossier_unaccent")
                log.warning("%s: unaccent extension unavailable (%s): search is accent-sensitive",
                            self.name, first_line(exc))
        return {"unaccent": where}

    def _migration_lock(self) -> None:
        # database-wide: schemas of one database share extensions
        self._exec("SELECT pg_advisory_xact_lock(hashtextextended('dossier.migrate', 0))")

    @contextmanager
    def _cross_article_lock(self) -> Iterator[None]:
        key = "hashtextextended(current_schema() || ':dossier.crossref', 0)"
        self._exec(f"SELECT pg_advisory_lock({key})")
        try:
            yield
        finally:
            try:
                self._exec(f"SELECT pg_advisory_unlock({key})")
            except StoreError:  # the connection is gone, and its session lock with it
                log.debug("advisory unlock failed", exc_info=True)

    def size_bytes(self) -> int:
        """Tables, indexes and TOAST of this store's schema, in bytes."""
        return int(self._scalar(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS size FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"))


@contextmanager
def scratch_schema(url: str, label: str = "scratch") -> Iterator[str]:
    """A new empty schema in the database of ``url`` for the time of the block (benchmarks): yields
    the URL that selects it (``options=-csearch_path=...``); the schema is dropped on exit."""
    import uuid
    from urllib.parse import quote, urlsplit, urlunsplit

    import psycopg

    schema = f"{re.sub(r'[^a-z0-9_]', '_', label.lower())[:30]}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)}: cannot create a schema ({first_line(exc)})") from exc
    parts = urlsplit(url)
    query = "&".join(p for p in (parts.query, f"options={quote(f'-csearch_path={schema},public')}") if p)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    finally:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
