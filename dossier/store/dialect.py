"""The few things SQLite and PostgreSQL spell differently, in one place.

Queries elsewhere in ``dossier/store`` are written once, with ``?`` placeholders and SQL both
databases share (``ON CONFLICT``, ``RETURNING``, ``NULLS FIRST``, ``COALESCE``, ``substr``); a
dialect renders the schema definitions of ``dossier.store.schema`` as DDL, converts placeholders,
and supplies what cannot be shared: column types, case-insensitive LIKE, transaction modes,
row locks and the full-text index.

Text compares the same way in both: PostgreSQL text columns use the "C" collation (code-point
order, ASCII-only case folding), which is how SQLite compares and sorts by default.
"""
from __future__ import annotations

import functools
import hashlib
from typing import Any

from dossier.store.schema import Column, Index, SearchIndex, Table


class Dialect:
    name = ""
    types: dict[str, str] = {}
    auto_id = ""
    like = "LIKE"  # case-insensitive for ASCII letters, like SQLite's LIKE
    for_update = ""  # row lock suffix of a SELECT inside a write transaction
    # BEGIN statement per transaction kind: write (one article), read (a consistent snapshot
    # across several queries), rebuild (a snapshot that also replaces the cross-article tables)
    begin: dict[str, str] = {}

    def sql(self, query: str) -> str:
        """A query written with ``?`` placeholders, in this dialect's paramstyle."""
        return query

    def column_type(self, col: Column) -> str:
        return self.types[col.type]

    def column_ddl(self, col: Column, added: bool = False) -> str:
        """A column definition (``added``: for ALTER TABLE ADD COLUMN, which allows no constraint
        but a reference)."""
        parts = [f'"{col.name}"', self.column_type(col)]
        if not added:
            if col.primary_key:
                parts.append("PRIMARY KEY")
            if col.not_null:
                parts.append("NOT NULL")
            if col.unique:
                parts.append("UNIQUE")
            if col.type == "timestamp":
                parts.append(f"DEFAULT {self.now}")
        if col.references:
            parts.append(f"REFERENCES {col.references}")
            if col.on_delete:
                parts.append(f"ON DELETE {col.on_delete}")
        return " ".join(parts)

    now = "CURRENT_TIMESTAMP"

    def create_table(self, table: Table) -> str:
        cols = ([self.auto_id] if table.auto_id else []) + [self.column_ddl(c) for c in table.columns]
        if table.primary_key:
            cols.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
        return f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(cols)}){self.table_options(table)}"

    def table_options(self, table: Table) -> str:
        return ""

    def add_column(self, table: Table, col: Column) -> str:
        return f"ALTER TABLE {table.name} ADD COLUMN {self.column_ddl(col, added=True)}"

    def create_index(self, index: Index) -> str:
        return f"CREATE INDEX IF NOT EXISTS {index.name} ON {index.table}({', '.join(index.columns)})"

    def search_objects(self, search: SearchIndex, **options) -> list[tuple[str, str, list[str]]]:
        """(kind, name, DDL statements) of the objects behind the full-text index."""
        raise NotImplementedError

    def search_query(self, terms: list[str], limit: int) -> tuple[str, list[Any]]:
        """SQL and parameters returning id, title, published, outlet, source, snippet of the
        articles holding every term, best match first."""
        raise NotImplementedError

    def schema_digest(self, tables: tuple[Table, ...], indexes: tuple[Index, ...], search: SearchIndex) -> str:
        """A digest of the DDL this dialect renders: a database whose stored digest differs has
        something to add."""
        ddl = [self.create_table(t) for t in tables] + [self.create_index(i) for i in indexes]
        ddl += [s for _, _, stmts in self.search_objects(search) for s in stmts]
        return hashlib.sha1("\n".join(ddl).encode()).hexdigest()[:16]


class SQLiteDialect(Dialect):
    name = "sqlite"
    types = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "bytes": "BLOB", "json": "TEXT",
             "timestamp": "TEXT"}
    auto_id = "id INTEGER PRIMARY KEY"
    begin = {"write": "BEGIN IMMEDIATE", "read": "BEGIN", "rebuild": "BEGIN IMMEDIATE"}

    def table_options(self, table: Table) -> str:
        return " WITHOUT ROWID" if table.without_rowid else ""

    def search_objects(self, search: SearchIndex, **options):
        t, cols = search.table, ", ".join(search.columns)
        new = ", ".join(f"new.{c}" for c in search.columns)
        old = ", ".join(f"old.{c}" for c in search.columns)
        return [
            ("table", f"{t}_fts", [
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {t}_fts USING fts5({cols}, content='{t}', "
                "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"]),
            ("trigger", f"{t}_ai", [
                f"CREATE TRIGGER IF NOT EXISTS {t}_ai AFTER INSERT ON {t} BEGIN "
                f"INSERT INTO {t}_fts(rowid, {cols}) VALUES (new.id, {new}); END"]),
            ("trigger", f"{t}_ad", [
                f"CREATE TRIGGER IF NOT EXISTS {t}_ad AFTER DELETE ON {t} BEGIN "
                f"INSERT INTO {t}_fts({t}_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); END"]),
        ]

    def search_query(self, terms, limit):
        match = " ".join(f'"{t}"' for t in terms)
        return ("""SELECT a.id, a.title, a.published, a.outlet, a.source,
                   snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet
                   FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                   WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?""", [match, limit])


TS_CONFIG = "dossier_french"  # the built-in french configuration, accent-insensitive when unaccent is installed


class PostgresDialect(Dialect):
    name = "postgresql"
    types = {"text": 'TEXT COLLATE "C"', "int": "BIGINT", "real": "DOUBLE PRECISION", "bytes": "BYTEA",
             "json": 'TEXT COLLATE "C"', "timestamp": 'TEXT COLLATE "C"'}
    auto_id = "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    like = "ILIKE"  # with the "C" collation, case-insensitive for ASCII letters only (as SQLite)
    for_update = " FOR UPDATE"
    begin = {"write": "BEGIN", "read": "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
             "rebuild": "BEGIN ISOLATION LEVEL REPEATABLE READ"}
    now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"  # as SQLite's CURRENT_TIMESTAMP

    @functools.lru_cache(maxsize=512)
    def sql(self, query: str) -> str:
        return query.replace("%", "%%").replace("?", "%s")

    def search_objects(self, search: SearchIndex, unaccent: str | None = None, **options):
        """``unaccent``: the schema holding the unaccent dictionary (accent-insensitive search),
        or None (the french stemmer alone, accents significant)."""
        t = search.table
        text = " || ' ' || ".join(f"coalesce({c}, '')" for c in search.columns)
        config = [f"CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = pg_catalog.french)"]
        if unaccent:
            config.append(f"ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG} ALTER MAPPING FOR hword, hword_part, "
                          f"word WITH {unaccent}.unaccent, french_stem")
        return [
            ("ts_config", TS_CONFIG, config),
            ("column", f"{t}.fts", [
                f"ALTER TABLE {t} ADD COLUMN fts tsvector GENERATED ALWAYS AS "
                f"(to_tsvector('{TS_CONFIG}'::regconfig, {text})) STORED"]),
            ("index", f"idx_{t}_fts", [f"CREATE INDEX IF NOT EXISTS idx_{t}_fts ON {t} USING GIN (fts)"]),
        ]

    def search_query(self, terms, limit):
        headline = "StartSel=[, StopSel=], MaxWords=14, MinWords=6, MaxFragments=1"
        return (f"""SELECT a.id, a.title, a.published, a.outlet, a.source,
                    ts_headline('{TS_CONFIG}', coalesce(a.clean_text, ''), a.q, '{headline}') AS snippet
                    FROM (SELECT articles.*, q, ts_rank(fts, q) AS score
                          FROM articles, plainto_tsquery('{TS_CONFIG}', ?) q WHERE fts @@ q
                          ORDER BY score DESC, articles.id LIMIT ?) a
                    ORDER BY a.score DESC, a.id""", [" ".join(terms), limit])


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()
