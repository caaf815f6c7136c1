"""SQLite backend: one file, WAL mode, FTS5 search, one transaction per article."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.errors import NotFound, StoreError
from dossier.models import ArticleRecords
from dossier.store import schema
from dossier.store.base import Store
from dossier.store.queries import QueryMixin, date_bounds
from dossier.store.views import ViewsMixin


class SQLiteStore(QueryMixin, ViewsMixin, Store):
    def __init__(self, path: str, readonly: bool = False):
        self.path = path
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if readonly and not p.exists():
            raise StoreError(f"{path}: no database here yet (run 'dossier ingest' first)")
        if not readonly and not p.parent.exists():
            raise StoreError(f"{path}: folder {p.parent} does not exist")
        try:
            uri = f"file:{p}?mode=ro" if readonly else str(p)
            self.conn = sqlite3.connect(uri, uri=readonly, timeout=30, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            else:
                self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a dossier database or not writable ({exc})") from exc
        self._columns: dict[str, list[str]] = {}

    # -- schema ----------------------------------------------------------------------------
    def _migrate(self) -> None:
        c = self.conn
        with c:
            c.execute(schema.article_ddl())
            for table, cls in schema.RECORD_TABLES.items():
                c.execute(schema.record_ddl(table, cls))
                existing = {r["name"] for r in c.execute(f"PRAGMA table_info({table})")}
                for name, typ in schema.record_columns(cls).items():
                    if name not in existing:
                        c.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {typ}')
                c.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_article ON {table}(article_id)")
            for ddl in schema.STATIC_DDL:
                c.execute(ddl)
            for table, column, typ in schema.ADDED_COLUMNS:
                if column not in {r["name"] for r in c.execute(f"PRAGMA table_info({table})")}:
                    c.execute(f"ALTER TABLE {table} ADD COLUMN {column} {typ}")
            for ddl in schema.INDEXES:
                c.execute(ddl)
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                      (str(schema.SCHEMA_VERSION),))

    def _cols(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r["name"] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        return self._columns[table]

    # -- writing ---------------------------------------------------------------------------
    def add_article(self, records: ArticleRecords, signature: bytes | None = None,
                    near_duplicate_of: int | None = None, similarity: float | None = None) -> int:
        try:
            with self.conn:
                return self._insert(records, signature, near_duplicate_of, similarity)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"{records.article.source}: already stored ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc

    def add_many(self, items: Iterable[ArticleRecords], chunk: int = 1000) -> int:
        """Bulk insert (used by benchmarks): ``chunk`` articles per transaction."""
        n = 0
        batch: list[ArticleRecords] = []

        def flush():
            with self.conn:
                for r in batch:
                    self._insert(r, None, None, None)
            batch.clear()

        for records in items:
            batch.append(records)
            n += 1
            if len(batch) >= chunk:
                flush()
        if batch:
            flush()
        return n

    def _insert(self, records, signature, near_duplicate_of, similarity) -> int:
        a = records.article
        row = {
            "content_hash": a.content_hash, "source": a.source, "url": a.url, "outlet": a.outlet,
            "author": a.author, "title": a.title, "published": a.published,
            "published_precision": a.published_precision, "published_basis": a.published_basis,
            "published_confidence": a.published_confidence, "language": a.language,
            "raw_text": a.raw_text, "clean_text": records.clean_text,
            "boilerplate": json.dumps(records.boilerplate), "extra": json.dumps(a.extra, default=str),
            "pipeline_version": records.pipeline_version, "signature": signature,
            "near_duplicate_of": near_duplicate_of, "near_similarity": similarity,
        }
        cur = self.conn.execute(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        article_id = cur.lastrowid
        for table in schema.RECORD_TABLES:
            items = getattr(records, table)
            if not items:
                continue
            rows = []
            for idx, rec in enumerate(items):
                r = schema.to_row(rec)
                r["article_id"] = article_id
                r["idx"] = idx
                rows.append(r)
            cols = [c for c in rows[0] if c in self._cols(table)]
            quoted = ", ".join(f'"{c}"' for c in cols)
            self.conn.executemany(
                f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})",
                [[r[c] for c in cols] for r in rows],
            )
        for info in records.entities.values():
            self._upsert_entity(info)
        return article_id

    def _upsert_entity(self, info) -> None:
        old = self.conn.execute("SELECT aliases FROM entities WHERE id = ?", (info.id,)).fetchone()
        aliases = set(info.aliases or [])
        if old and old["aliases"]:
            aliases |= set(json.loads(old["aliases"]))
        self.conn.execute(
            """INSERT INTO entities (id, name, type, wikidata, lat, lon, country, affiliation, aliases)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases,
                 wikidata = COALESCE(entities.wikidata, excluded.wikidata),
                 lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon),
                 country = COALESCE(entities.country, excluded.country)""",
            (info.id, info.name, info.type, info.wikidata, info.lat, info.lon, info.country,
             info.affiliation, json.dumps(sorted(aliases), ensure_ascii=False)),
        )

    def replace_storylines(self, storylines: list[dict[str, Any]], crossref: dict[str, list[dict]] | None = None) -> None:
        """Replace the cross-article results. ``storylines`` items hold the storyline fields and
        ``event_ids`` (stored event row ids); ``crossref`` maps a kind (quote_groups, disputes,
        conflicts, positions) to JSON payloads with an ``id``."""
        with self.conn:
            self.conn.execute("DELETE FROM storyline_sources")
            self.conn.execute("DELETE FROM storylines")
            for s in storylines:
                self.conn.execute(
                    """INSERT INTO storylines (id, type, plover, date, date_precision, place_id,
                       place_name, status, participants, details, explanation, n_sources, n_articles, summary,
                       date_start, date_end)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (s["id"], s.get("type"), s.get("plover"), s.get("date"), s.get("date_precision"),
                     s.get("place_id"), s.get("place_name"), s.get("status"),
                     json.dumps(s.get("participants", []), ensure_ascii=False),
                     json.dumps(s.get("details", {}), ensure_ascii=False),
                     json.dumps(s.get("explanation", []), ensure_ascii=False),
                     len(s.get("event_ids", [])), s.get("n_articles", 0), s.get("summary"),
                     *date_bounds(s.get("date"))),
                )
                self.conn.executemany(
                    "INSERT INTO storyline_sources (storyline_id, event_id) VALUES (?, ?)",
                    [(s["id"], e) for e in s.get("event_ids", [])],
                )
            if crossref is not None:
                self.conn.execute("DELETE FROM crossref")
                for kind, payloads in crossref.items():
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO crossref (kind, id, payload) VALUES (?, ?, ?)",
                        [(kind, str(p.get("id", i)), json.dumps(p, ensure_ascii=False, default=str))
                         for i, p in enumerate(payloads)],
                    )

    # -- reading ---------------------------------------------------------------------------
    def article_id_for_hash(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        for row in self.conn.execute("SELECT id, signature FROM articles WHERE signature IS NOT NULL"):
            yield row["id"], row["signature"]

    def require_article(self, article_id: int) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return row

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
