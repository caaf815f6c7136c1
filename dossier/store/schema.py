"""Schema: tables derived from the record dataclasses, plus migrations.

Record tables are generated from ``dossier.models`` so that a field added to a record becomes a
column (``migrate`` adds missing columns to an existing database; nothing is ever dropped).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import typing
from typing import Any

from dossier import models

SCHEMA_VERSION = 2  # 2: storylines.date_start/date_end

# table name -> record class (per-article records)
RECORD_TABLES: dict[str, type] = {
    "sentences": models.Sentence,
    "mentions": models.Mention,
    "timexes": models.Timex,
    "sentence_times": models.SentenceTime,
    "quotes": models.Quote,
    "events": models.Event,
    "claims": models.Claim,
    "attributes": models.Attribute,
    "positions": models.Position,
    "roles": models.RoleFact,
}

ARTICLE_COLUMNS = {
    "content_hash": "TEXT NOT NULL UNIQUE",
    "source": "TEXT",
    "url": "TEXT",
    "outlet": "TEXT",
    "author": "TEXT",
    "title": "TEXT",
    "published": "TEXT",
    "published_precision": "TEXT",
    "published_basis": "TEXT",
    "published_confidence": "REAL",
    "language": "TEXT",
    "raw_text": "TEXT NOT NULL",
    "clean_text": "TEXT",
    "boilerplate": "TEXT",  # JSON list of [start, end]
    "extra": "TEXT",  # JSON
    "pipeline_version": "TEXT",
    "signature": "BLOB",
    "near_duplicate_of": "INTEGER REFERENCES articles(id)",
    "near_similarity": "REAL",
    "ingested_at": "TEXT DEFAULT CURRENT_TIMESTAMP",
}

STATIC_DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS entities (
        id TEXT PRIMARY KEY, name TEXT, type TEXT, wikidata TEXT, lat REAL, lon REAL,
        country TEXT, affiliation TEXT, aliases TEXT)""",
    """CREATE TABLE IF NOT EXISTS storylines (
        id TEXT PRIMARY KEY, type TEXT, plover TEXT, date TEXT, date_precision TEXT,
        place_id TEXT, place_name TEXT, status TEXT, participants TEXT, details TEXT,
        explanation TEXT, n_sources INTEGER, n_articles INTEGER, summary TEXT,
        date_start TEXT, date_end TEXT)""",
    """CREATE TABLE IF NOT EXISTS storyline_sources (
        storyline_id TEXT REFERENCES storylines(id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES events(id) ON DELETE CASCADE)""",
    "CREATE INDEX IF NOT EXISTS idx_storyline_sources ON storyline_sources(storyline_id)",
    "CREATE INDEX IF NOT EXISTS idx_storyline_date ON storylines(date_start)",
    """CREATE TABLE IF NOT EXISTS crossref (
        kind TEXT, id TEXT, payload TEXT, PRIMARY KEY (kind, id))""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, clean_text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)
        VALUES ('delete', old.id, old.title, old.clean_text); END""",
]

# columns added after a table was first created: (table, column, type)
ADDED_COLUMNS = [("storylines", "date_start", "TEXT"), ("storylines", "date_end", "TEXT")]

INDEXES = [
    "CREATE INDEX IF NOT EXISTS idx_mentions_entity ON mentions(entity_id)",
    "CREATE INDEX IF NOT EXISTS idx_mentions_sentence ON mentions(article_id, sentence)",
    "CREATE INDEX IF NOT EXISTS idx_quotes_speaker ON quotes(speaker_id)",
    "CREATE INDEX IF NOT EXISTS idx_quotes_date ON quotes(date)",
    "CREATE INDEX IF NOT EXISTS idx_events_date ON events(date)",
    "CREATE INDEX IF NOT EXISTS idx_claims_prop ON claims(proposition)",
    "CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published)",
]


def _sql_type(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if origin in (list, dict) or tp in (list, dict):
        return "TEXT"  # JSON
    if args:
        return _sql_type(args[0])
    if tp is int:
        return "INTEGER"
    if tp is float:
        return "REAL"
    if tp is bool:
        return "INTEGER"
    return "TEXT"


@functools.lru_cache(maxsize=None)
def record_columns(cls: type) -> dict[str, str]:
    hints = typing.get_type_hints(cls)
    return {f.name: _sql_type(hints[f.name]) for f in dataclasses.fields(cls)}


@functools.lru_cache(maxsize=None)
def json_fields(cls: type) -> frozenset[str]:
    hints = typing.get_type_hints(cls)
    out = set()
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        if typing.get_origin(tp) in (list, dict) or tp in (list, dict):
            out.add(f.name)
    return frozenset(out)


def record_ddl(table: str, cls: type) -> str:
    cols = ", ".join(f'"{name}" {typ}' for name, typ in record_columns(cls).items())
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY, "
        f"article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER, {cols})"
    )


def article_ddl() -> str:
    cols = ", ".join(f"{k} {v}" for k, v in ARTICLE_COLUMNS.items())
    return f"CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, {cols})"


def to_row(record: Any) -> dict[str, Any]:
    row = {}
    jf = json_fields(type(record))
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in jf:
            value = json.dumps(value if not dataclasses.is_dataclass(value) else dataclasses.asdict(value),
                               ensure_ascii=False, default=_json_default)
        elif isinstance(value, bool):
            value = int(value)
        row[f.name] = value
    return row


def _json_default(obj):
    if dataclasses.is_dataclass(obj):
        return dataclasses.asdict(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def from_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as a plain dict with JSON fields decoded."""
    cls = RECORD_TABLES.get(table)
    out = dict(row)
    for name in json_fields(cls) if cls else ():
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out
