"""SQLite backend: one file, WAL mode, FTS5 search, one transaction per article."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.errors import DuplicateArticle, NotFound, StoreError
from dossier.models import Article, ArticleFailure, ArticleRecords
from dossier.store import schema
from dossier.store.base import Store
from dossier.store.queries import MAX_INT, QueryMixin, bounded as _bounded, date_bounds
from dossier.store.views import ViewsMixin


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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
            elif not self._has_table("articles"):
                empty = p.stat().st_size == 0
                raise StoreError(f"{path}: " + ("empty file, no dossier database yet (run 'dossier ingest' first)"
                                                if empty else "not a dossier database (it has no articles table)"))
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
            for ddl in [*schema.STATIC_DDL, *schema.FAILED_ARTICLES_DDL]:
                c.execute(ddl)
            for table, column, typ in schema.ADDED_COLUMNS:
                if column not in {r["name"] for r in c.execute(f"PRAGMA table_info({table})")}:
                    c.execute(f"ALTER TABLE {table} ADD COLUMN {column} {typ}")
            for ddl in schema.INDEXES:
                c.execute(ddl)
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                      (str(schema.SCHEMA_VERSION),))

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

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
            existing = self.article_id_for_hash(records.article.content_hash)
            if existing is not None:  # stored meanwhile by another ingest
                raise DuplicateArticle(records.article.source, existing) from None
            raise StoreError(f"{records.article.source}: cannot store ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc

    def link_near_duplicate(self, article_id: int, near_duplicate_of: int, similarity: float) -> None:
        try:
            with self.conn:
                self.conn.execute("UPDATE articles SET near_duplicate_of = ?, near_similarity = ? WHERE id = ?",
                                  (near_duplicate_of, similarity, article_id))
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
        self.conn.execute("DELETE FROM failed_articles WHERE content_hash = ?", (a.content_hash,))
        self.conn.execute(
            """INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key)
               DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)""", (schema.GENERATION,))
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (schema.STORED_AT, _now()))
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

    def replace_storylines(self, storylines: list[dict[str, Any]], crossref: dict[str, list[dict]] | None = None,
                           generation: int | None = None) -> None:
        """Replace the cross-article results. ``storylines`` items hold the storyline fields and
        ``event_ids`` (stored event row ids); ``crossref`` maps a kind (quote_groups, disputes,
        conflicts, positions) to JSON payloads with an ``id``. ``generation``: the article
        generation the results were computed from (default: the current one)."""
        with self.conn:
            built = self.article_generation() if generation is None else generation
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                              (schema.CROSSREF_GENERATION, str(built)))
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

    # -- resumable cross-article rebuild -----------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def article_generation(self) -> int:
        return int(self._meta(schema.GENERATION) or 0)

    def last_stored_at(self) -> str | None:
        return self._meta(schema.STORED_AT)

    def needs_rebuild(self) -> bool:
        built = self._meta(schema.CROSSREF_GENERATION)
        if built is None:  # never rebuilt since generations exist: stale when there are articles
            return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
        return int(built) != self.article_generation()

    # -- failed articles -------------------------------------------------------------------
    def add_failure(self, failure: ArticleFailure) -> None:
        a = failure.article
        meta = {k: v for k, v in dataclasses.asdict(a).items() if k != "raw_text"}
        try:
            with self.conn:
                self.conn.execute(
                    """INSERT INTO failed_articles (content_hash, source, component, error, detail, raw_text,
                       article, pipeline_version, attempts, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                       ON CONFLICT(content_hash) DO UPDATE SET source = excluded.source,
                         component = excluded.component, error = excluded.error, detail = excluded.detail,
                         article = excluded.article, pipeline_version = excluded.pipeline_version,
                         attempts = failed_articles.attempts + 1, failed_at = excluded.failed_at""",
                    (a.content_hash, a.source, failure.component, failure.error, failure.detail, a.raw_text,
                     json.dumps(meta, ensure_ascii=False, default=str), failure.pipeline_version or None,
                     _now()))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot record the failed article {a.source} ({exc})") from exc

    def failures(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        if not self._has_table("failed_articles"):  # a database written before failures were kept
            return []
        rows = [dict(r) for r in self.conn.execute(
            """SELECT id, source, article, component, error, pipeline_version, attempts, failed_at, content_hash
               FROM failed_articles ORDER BY id LIMIT ? OFFSET ?""", (_bounded(limit), _bounded(offset)))]
        for r in rows:
            r["title"] = json.loads(r.pop("article") or "{}").get("title")
        return rows

    def failed_articles(self) -> list[ArticleFailure]:
        if not self._has_table("failed_articles"):
            return []
        names = {f.name for f in dataclasses.fields(Article)}
        out = []
        for r in self.conn.execute("SELECT * FROM failed_articles ORDER BY id"):
            meta = {k: v for k, v in json.loads(r["article"] or "{}").items() if k in names}
            out.append(ArticleFailure(article=Article(raw_text=r["raw_text"], **meta), component=r["component"],
                                      error=r["error"], detail=r["detail"] or "",
                                      pipeline_version=r["pipeline_version"] or ""))
        return out

    def remove_failure(self, content_hash: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM failed_articles WHERE content_hash = ?", (content_hash,))

    # -- reading ---------------------------------------------------------------------------
    def article_id_for_hash(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        for row in self.conn.execute("SELECT id, signature FROM articles WHERE signature IS NOT NULL"):
            yield row["id"], row["signature"]

    def require_article(self, article_id: int) -> sqlite3.Row:
        if not 0 < article_id <= MAX_INT:
            raise NotFound(f"no article with id {article_id}")
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
