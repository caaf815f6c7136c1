"""The store written once for both SQL backends: migrations, writes, transactions.

A backend (``sqlite.py``, ``postgres.py``) opens the connection, names its driver's errors, lists
what its database already holds (``_catalog``) and may add a lock around the cross-article
rebuild; everything else is here and in the read mixins (``queries.py``, ``views.py``), written
with ``?`` placeholders and SQL both databases share, through ``self.dialect``.

Writers are safe to run concurrently on PostgreSQL: one transaction per article, the article's
content hash is a unique key (``ON CONFLICT DO NOTHING``: a concurrent duplicate raises
:class:`~dossier.errors.AlreadyStored`), entities are upserted in id order with their rows
locked, and the cross-article tables are replaced in one transaction.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from dossier.errors import AlreadyStored, NotFound, StoreError
from dossier.models import Article, ArticleFailure, ArticleRecords
from dossier.store import schema
from dossier.store.base import Store
from dossier.store.dialect import Dialect
from dossier.store.queries import ARTICLE_LIST_COLS, MAX_INT, QueryMixin, bounded, date_bounds
from dossier.store.views import ViewsMixin
from dossier.store.xstate import CrossStateMixin

log = logging.getLogger(__name__)

RETRIES = 5  # attempts of one article's transaction after a deadlock or serialization failure

_STORYLINE_COLS = ("id", "type", "plover", "date", "date_precision", "place_id", "place_name", "status",
                   "participants", "details", "explanation", "n_sources", "n_articles", "summary",
                   "date_start", "date_end", "seq", "unit")


CROSSREF_BUILT_FROM = "crossref_articles"  # meta key: fingerprint of the articles the cross-article tables cover


def _fingerprint(row: dict[str, Any]) -> str:
    return f"{row['n']}:{row['last']}"


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class SQLStore(CrossStateMixin, QueryMixin, ViewsMixin, Store):
    dialect: Dialect
    conn: Any
    name: str  # how messages name the database (a path, or a URL without its password)
    # driver exception classes, set by the backend
    operational_errors: tuple[type[BaseException], ...] = ()
    integrity_errors: tuple[type[BaseException], ...] = ()
    transient_errors: tuple[type[BaseException], ...] = ()
    database_errors: tuple[type[BaseException], ...] = ()  # every error of the driver

    _depth = 0  # nesting of _tx blocks

    # -- statements ------------------------------------------------------------------------
    def _exec(self, sql: str, params: tuple | list = ()):
        try:
            return self.conn.execute(self.dialect.sql(sql), params)
        except self.operational_errors as exc:
            if self.transient_errors and isinstance(exc, self.transient_errors):
                raise
            raise StoreError(f"{self.name}: {first_line(exc)}") from exc

    def _exec_many(self, sql: str, rows: list) -> None:
        if not rows:
            return
        try:
            self.conn.cursor().executemany(self.dialect.sql(sql), rows)
        except self.operational_errors as exc:
            if self.transient_errors and isinstance(exc, self.transient_errors):
                raise
            raise StoreError(f"{self.name}: {first_line(exc)}") from exc

    def _tuple_cursor(self):
        """A cursor whose rows are plain tuples (the backend's own kind of cursor)."""
        raise NotImplementedError

    def _tuples(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """The rows as plain tuples, no mapping built per row: reads of millions of rows."""
        try:
            cur = self._tuple_cursor()
            cur.execute(self.dialect.sql(sql), params)
            return cur.fetchall()
        except self.operational_errors as exc:
            if self.transient_errors and isinstance(exc, self.transient_errors):
                raise
            raise StoreError(f"{self.name}: {first_line(exc)}") from exc

    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self._exec(sql, params)]

    def _one(self, sql: str, params: tuple | list = ()) -> dict[str, Any] | None:
        row = self._exec(sql, params).fetchone()
        return None if row is None else dict(row)

    def _scalar(self, sql: str, params: tuple | list = ()) -> Any:
        row = self._one(sql, params)
        return None if row is None else next(iter(row.values()))

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def _tx(self, kind: str = "write") -> Iterator[None]:
        """One transaction (``kind``: write, read or rebuild, see ``Dialect.begin``). Blocks
        nest: an inner block joins the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._exec(self.dialect.begin[kind])
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        try:
            self._exec("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except Exception:  # the connection is gone or no transaction is open: nothing to undo
            log.debug("rollback failed", exc_info=True)

    def snapshot(self):
        """Several reads that see one consistent state of the database."""
        return self._tx("read")

    @contextmanager
    def _cross_article_lock(self) -> Iterator[None]:
        """Held while the cross-article tables are rebuilt (PostgreSQL: an advisory lock)."""
        yield

    @contextmanager
    def cross_article_update(self) -> Iterator[None]:
        """Rebuild the cross-article tables inside this block: one rebuild at a time across
        processes; its reads see one snapshot and its ``replace_storylines`` becomes visible
        at once when the block ends, so readers see the old state or the new, never a mix."""
        with self._cross_article_lock(), self._tx("rebuild"), self.x_pairs_cached():
            yield

    # The cross-article tables are current when the fingerprint of the articles they were built
    # from (meta ``crossref_articles``, written with them) is the fingerprint of the stored
    # articles. Both are read from the data: writers update no shared row (a counter bumped by
    # every article would make concurrent writers wait on that one row, and a rebuild writing it
    # from its REPEATABLE READ snapshot would fail to commit).
    def articles_fingerprint(self) -> str:
        row = self._one("SELECT count(*) AS n, max(id) AS last FROM articles")
        return _fingerprint(row)

    def cross_article_current(self) -> bool:
        row = self._one("SELECT (SELECT value FROM meta WHERE key = ?) AS built, count(*) AS n, max(id) AS last "
                        "FROM articles", (CROSSREF_BUILT_FROM,))
        return (row["built"] or _fingerprint({"n": 0, "last": None})) == _fingerprint(row)

    def last_stored_at(self) -> str | None:
        last = self._scalar("SELECT max(ingested_at) AS last FROM articles")  # "YYYY-MM-DD HH:MM:SS", UTC
        return f"{last.replace(' ', 'T')}+00:00" if last else None

    # -- meta ------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        return self._scalar("SELECT value FROM meta WHERE key = ?", (key,))

    def set_meta(self, key: str, value: str) -> None:
        with self._tx("write"):
            self._exec("INSERT INTO meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- schema ----------------------------------------------------------------------------
    def _catalog(self) -> set[tuple[str, str]]:
        """What the database holds: (kind, name) for tables, "table.column" columns, indexes
        and the backend's full-text objects."""
        raise NotImplementedError

    def _has_table(self, name: str) -> bool:
        raise NotImplementedError

    def _search_options(self) -> dict[str, Any]:
        return {}

    def _migration_lock(self) -> None:
        """Called first in the migration transaction (PostgreSQL: one migration at a time)."""

    def _digest(self) -> str:
        return self.dialect.schema_digest(schema.TABLES, schema.INDEXES, schema.SEARCH)

    def _stored_digest(self) -> str | None:
        return self.get_meta("schema_digest") if self._has_table("meta") else None

    def _pending(self) -> list[str]:
        """DDL adding whatever declared table, column, index or full-text object is missing."""
        have = self._catalog()
        out: list[str] = []
        for table in schema.TABLES:
            if ("table", table.name) not in have:
                out.append(self.dialect.create_table(table))
                continue
            out += [self.dialect.add_column(table, c) for c in table.columns
                    if ("column", f"{table.name}.{c.name}") not in have]
        out += [self.dialect.create_index(i) for i in schema.INDEXES if ("index", i.name) not in have]
        missing = [(k, n) for k, n, _ in self.dialect.search_objects(schema.SEARCH) if (k, n) not in have]
        if missing:
            for kind, name, ddl in self.dialect.search_objects(schema.SEARCH, **self._search_options()):
                if (kind, name) in missing:
                    out += ddl
        return out

    def _migrate(self) -> None:
        """Bring the database to the declared schema (a no-op when its digest matches)."""
        digest = self._digest()
        if self._stored_digest() == digest:
            return
        with self._tx("write"):
            self._migration_lock()
            if self._stored_digest() == digest:  # another process migrated meanwhile
                return
            for ddl in self._pending():
                self._exec(ddl)
            self.set_meta("schema_version", str(schema.SCHEMA_VERSION))
            self.set_meta("schema_digest", digest)

    # -- writing ---------------------------------------------------------------------------
    def add_article(self, records: ArticleRecords, signature: bytes | None = None,
                    near_duplicate_of: int | None = None, similarity: float | None = None) -> int:
        """Store one article and its records in one transaction. Raises AlreadyStored when an
        article with the same content is stored (perhaps by another process meanwhile)."""
        for attempt in range(RETRIES):
            try:
                with self._tx("write"):
                    return self._insert(records, signature, near_duplicate_of, similarity)
            except self.transient_errors as exc:  # deadlock or serialization failure: try again
                if attempt == RETRIES - 1:
                    raise StoreError(f"{self.name}: cannot write {records.article.source} "
                                     f"({first_line(exc)})") from exc
            except self.integrity_errors as exc:
                raise StoreError(f"{records.article.source}: cannot store ({first_line(exc)})") from exc
        raise AssertionError("unreachable")

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load; PostgreSQL's autovacuum and
        SQLite's ``PRAGMA optimize`` do it on their own schedule otherwise)."""
        with self._tx("write"):
            self._exec("ANALYZE")

    def link_near_duplicate(self, article_id: int, near_duplicate_of: int, similarity: float) -> None:
        with self._tx("write"):
            self._exec("UPDATE articles SET near_duplicate_of = ?, near_similarity = ? WHERE id = ?",
                       (near_duplicate_of, similarity, article_id))

    def add_many(self, items: Iterable[ArticleRecords], chunk: int = 1000) -> int:
        """Bulk insert (used by benchmarks): ``chunk`` articles per transaction."""
        n = 0
        batch: list[ArticleRecords] = []

        def flush():
            with self._tx("write"):
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

    def _insert(self, records: ArticleRecords, signature, near_duplicate_of, similarity) -> int:
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
        new = self._one(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) "
            "ON CONFLICT (content_hash) DO NOTHING RETURNING id", list(row.values()))
        if new is None:
            raise AlreadyStored(a.source or "<text>", self.article_id_for_hash(a.content_hash))
        article_id = new["id"]
        self._insert_records(article_id, records)
        self._exec("DELETE FROM failed_articles WHERE content_hash = ?", (a.content_hash,))
        return article_id

    def _insert_records(self, article_id: int, records: ArticleRecords) -> None:
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
            self._exec_many(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})",
                            [[r[c] for c in cols] for r in rows])
        self._upsert_entities(records.entities.values())

    def replace_records(self, article_id: int, records: ArticleRecords) -> None:
        a = records.article
        with self._tx("write"):
            self._exec("UPDATE articles SET published = ?, published_precision = ?, published_basis = ?, "
                       "published_confidence = ?, extra = ?, pipeline_version = ? WHERE id = ?",
                       (a.published, a.published_precision, a.published_basis, a.published_confidence,
                        json.dumps(a.extra, default=str), records.pipeline_version, article_id))
            for table in schema.RECORD_TABLES:
                self._exec(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._insert_records(article_id, records)

    def set_article_extra(self, article_id: int, extra: dict[str, Any]) -> None:
        with self._tx("write"):
            self._exec("UPDATE articles SET extra = ? WHERE id = ?", (json.dumps(extra, default=str), article_id))

    def _cols(self, table: str) -> list[str]:
        return schema.TABLE[table].column_names

    def _upsert_entities(self, infos) -> None:
        """Insert new entities, then merge aliases (union) and fill missing facts of existing
        ones, rows locked in id order so that concurrent writers neither lose aliases nor
        deadlock."""
        infos = sorted(infos, key=lambda i: i.id)
        if not infos:
            return
        self._exec_many(
            "INSERT INTO entities (id, name, type, wikidata, lat, lon, country, affiliation, aliases) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [(i.id, i.name, i.type, i.wikidata, i.lat, i.lon, i.country, i.affiliation,
              json.dumps(sorted(set(i.aliases or [])), ensure_ascii=False)) for i in infos])
        marks = ", ".join("?" * len(infos))
        stored = {r["id"]: r for r in self._rows(
            f"SELECT id, wikidata, lat, lon, country, aliases FROM entities WHERE id IN ({marks}) "
            f"ORDER BY id{self.dialect.for_update}", [i.id for i in infos])}
        updates = []
        for info in infos:
            old = stored[info.id]
            aliases = set(json.loads(old["aliases"] or "[]"))
            merged = (old["wikidata"] if old["wikidata"] is not None else info.wikidata,
                      old["lat"] if old["lat"] is not None else info.lat,
                      old["lon"] if old["lon"] is not None else info.lon,
                      old["country"] if old["country"] is not None else info.country,
                      json.dumps(sorted(aliases | set(info.aliases or [])), ensure_ascii=False))
            if merged != (old["wikidata"], old["lat"], old["lon"], old["country"], old["aliases"]):
                updates.append((*merged, info.id))
        self._exec_many("UPDATE entities SET wikidata = ?, lat = ?, lon = ?, country = ?, aliases = ? "
                        "WHERE id = ?", updates)

    def replace_storylines(self, storylines: list[dict[str, Any]], crossref: dict[str, list[dict]] | None = None,
                           fingerprint: str | None = None) -> None:
        """Replace the cross-article results in one transaction. ``storylines`` items hold the
        storyline fields and ``event_ids`` (stored event row ids); ``crossref`` maps a kind
        (quote_groups, disputes, conflicts, positions) to JSON payloads with an ``id``;
        ``fingerprint``: that of the articles they were computed from (default: the current
        one, right inside ``cross_article_update()``, whose reads see one snapshot)."""
        with self._tx("write"):
            built_from = fingerprint if fingerprint is not None else self.articles_fingerprint()
            self._exec("DELETE FROM storyline_sources")
            self._exec("DELETE FROM storylines")
            for table in ("x_articles", "x_records", "x_key_ids", "x_key_records", "x_pairs"):  # results written whole: no incremental state
                self._exec(f"DELETE FROM {table}")
            self.x_clear_legacy()
            self._insert_storylines(storylines)
            if crossref is not None:
                self._exec("DELETE FROM crossref")
                rows = [(kind, str(p.get("id", i)), json.dumps(p, ensure_ascii=False, default=str))
                        for kind, payloads in crossref.items() for i, p in enumerate(payloads)]
                self._exec_many(
                    "INSERT INTO crossref (kind, id, payload, seq) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (kind, id) DO UPDATE SET payload = excluded.payload, seq = excluded.seq",
                    [(*r, n) for n, r in enumerate(rows)])
            self.set_meta(CROSSREF_BUILT_FROM, built_from)

    def _insert_storylines(self, storylines: list[dict[str, Any]], seqs: list[int] | None = None) -> None:
        """Storyline rows and their sources (``seqs``: their order, default their position;
        ``unit``: the cross-article unit they come from, when an item has one)."""
        seqs = seqs if seqs is not None else list(range(len(storylines)))
        self._exec_many(
            f"INSERT INTO storylines ({', '.join(_STORYLINE_COLS)}) VALUES ({', '.join('?' * len(_STORYLINE_COLS))})",
            [(s["id"], s.get("type"), s.get("plover"), s.get("date"), s.get("date_precision"),
              s.get("place_id"), s.get("place_name"), s.get("status"),
              json.dumps(s.get("participants", []), ensure_ascii=False),
              json.dumps(s.get("details", {}), ensure_ascii=False),
              json.dumps(s.get("explanation", []), ensure_ascii=False),
              len(s.get("event_ids", [])), s.get("n_articles", 0), s.get("summary"),
              *date_bounds(s.get("date")), seq, s.get("unit")) for seq, s in zip(seqs, storylines)])
        self._exec_many("INSERT INTO storyline_sources (storyline_id, event_id) VALUES (?, ?)",
                        [(s["id"], e) for s in storylines for e in s.get("event_ids", [])])

    # -- failed articles -------------------------------------------------------------------
    def add_failure(self, failure: ArticleFailure) -> None:
        a = failure.article
        meta = {k: v for k, v in dataclasses.asdict(a).items() if k != "raw_text"}
        try:
            with self._tx("write"):
                self._exec(
                    f"""INSERT INTO failed_articles (content_hash, source, component, error, detail, raw_text,
                        article, pipeline_version, attempts, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, {self.dialect.now})
                        ON CONFLICT (content_hash) DO UPDATE SET source = excluded.source,
                          component = excluded.component, error = excluded.error, detail = excluded.detail,
                          raw_text = excluded.raw_text, article = excluded.article,
                          pipeline_version = excluded.pipeline_version,
                          attempts = failed_articles.attempts + 1, failed_at = excluded.failed_at""",
                    (a.content_hash, a.source, failure.component, failure.error, failure.detail, a.raw_text,
                     json.dumps(meta, ensure_ascii=False, default=str), failure.pipeline_version or None))
        except self.database_errors as exc:  # e.g. a text PostgreSQL cannot hold (a NUL character)
            raise StoreError(f"{self.name}: cannot record the failed article {a.source} "
                             f"({first_line(exc)})") from exc

    def failures(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._rows(
            """SELECT id, source, article, component, error, pipeline_version, attempts, failed_at, content_hash
               FROM failed_articles ORDER BY id LIMIT ? OFFSET ?""", (bounded(limit), bounded(offset)))
        for r in rows:
            r["title"] = json.loads(r.pop("article") or "{}").get("title")
        return rows

    def failed_articles(self) -> list[ArticleFailure]:
        names = {f.name for f in dataclasses.fields(Article)}
        out = []
        for r in self._rows("SELECT * FROM failed_articles ORDER BY id"):
            meta = {k: v for k, v in json.loads(r["article"] or "{}").items() if k in names and k != "raw_text"}
            out.append(ArticleFailure(article=Article(raw_text=r["raw_text"], **meta), component=r["component"],
                                      error=r["error"], detail=r["detail"] or "",
                                      pipeline_version=r["pipeline_version"] or ""))
        return out

    def remove_failure(self, content_hash: str) -> None:
        with self._tx("write"):
            self._exec("DELETE FROM failed_articles WHERE content_hash = ?", (content_hash,))

    # -- reading ---------------------------------------------------------------------------
    def article_id_for_hash(self, content_hash: str) -> int | None:
        return self._scalar("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        for row in self._exec("SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY id"):
            row = dict(row)
            yield row["id"], bytes(row["signature"])

    def require_article(self, article_id: int) -> dict[str, Any]:
        if not 0 < article_id <= MAX_INT:  # beyond a BIGINT: PostgreSQL would refuse the comparison
            raise NotFound(f"no article with id {article_id}")
        row = self._one(f"SELECT {', '.join(schema.ARTICLE_FIELDS)} FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return row

    def article_index(self) -> list[dict[str, Any]]:
        """Every article's metadata (no text), by id."""
        return self._rows(f"SELECT {ARTICLE_LIST_COLS} FROM articles ORDER BY id")

    def article_dating(self, article_ids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
        """(published_basis, published_precision) of some articles, by id."""
        ids, out = sorted(set(article_ids)), {}
        for k in range(0, len(ids), 500):
            part = ids[k:k + 500]
            for r in self._rows("SELECT id, published_basis, published_precision FROM articles "
                                f"WHERE id IN ({', '.join('?' * len(part))})", part):
                out[r["id"]] = (r["published_basis"], r["published_precision"])
        return out

    def record_refs(self, table: str) -> list[dict[str, Any]]:
        """id, article_id, idx and sentence of every row of one record table."""
        if table not in schema.RECORD_TABLES:
            raise ValueError(f"not a record table: {table}")
        sentence = "sentence" if "sentence" in schema.record_columns(schema.RECORD_TABLES[table]) else "NULL"
        return self._rows(f"SELECT id, article_id, idx, {sentence} AS sentence FROM {table} "
                          "ORDER BY article_id, idx")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
