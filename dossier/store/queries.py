"""Read queries of the store (mixed into SQLStore, the same SQL for SQLite and PostgreSQL).

Rows come back as plain dicts. Every ORDER BY ends on a unique key and says where NULLs go, so
both backends return the same rows in the same order.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from dossier import models
from dossier.errors import NotFound
from dossier.store import schema

ARTICLE_LIST_COLS = ("id, source, url, outlet, author, title, published, published_precision, "
                     "published_basis, language, near_duplicate_of, near_similarity, content_hash")


MAX_INT = 2**63 - 1  # the largest integer SQLite (and a PostgreSQL BIGINT) holds


def bounded(n: int) -> int:
    """A LIMIT/OFFSET value the database accepts (a huge offset just pages past the end)."""
    return max(0, min(int(n), MAX_INT))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def to_record(table: str, row: dict[str, Any]):
    """Rebuild the dataclass record of a stored row (for cross-article functions)."""
    cls, names, bool_names = _record_shape(table)
    kwargs = {k: v for k, v in schema.from_row(table, row).items() if k in names}
    if cls is models.Event:
        kwargs["participants"] = [models.Participant(**p) for p in kwargs.get("participants") or []]
    for name in bool_names:
        if kwargs.get(name) is not None:
            kwargs[name] = bool(kwargs[name])
    return cls(**kwargs)


@functools.lru_cache(maxsize=None)
def _record_shape(table: str) -> tuple[type, frozenset[str], tuple[str, ...]]:
    """A record table's dataclass, its field names and its boolean fields."""
    cls = schema.RECORD_TABLES[table]
    fields = dataclasses.fields(cls)
    return cls, frozenset(f.name for f in fields), tuple(f.name for f in fields if f.type in ("bool", bool))


def _story_flags(row: dict[str, Any]) -> None:
    """A storyline is background when every source event is (history recalled, not the story),
    and a timeline line when one source event has a participant or a place (rows stored before
    these flags existed count as story lines)."""
    sources = row.get("sources") or []
    row["background"] = bool(sources) and all(bool(s.get("background")) for s in sources)
    row["timeline_line"] = not sources or any(s.get("timeline_line") is None or bool(s["timeline_line"])
                                              for s in sources)


def said_between(alias: str, since: str | None, until: str | None, column: str = "date") -> tuple[str, list[Any]]:
    """SQL (and its parameters) keeping rows of table ``alias`` whose ``column`` (a date), or
    else their article's publication date, lies in [since, until] (``until`` compared at its
    own precision)."""
    sql, params = "", []
    if since:
        sql += f" AND COALESCE({alias}.{column}, a.published) >= ?"
        params.append(since)
    if until:
        sql += f" AND substr(COALESCE({alias}.{column}, a.published), 1, ?) <= ?"
        params += [len(until), until]
    return sql, params


def date_bounds(value: str | None) -> tuple[str, str] | tuple[None, None]:
    """First and last day (ISO) an ISO date value may denote: 2025-12-02(T17:00), 2025-W48,
    2025-12, 2025 (also a season 2025-SU or decade 202 at their year/decade)."""
    import datetime as dt

    if not value:
        return None, None
    if m := re.match(r"(\d{4})-W(\d{2})", value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None, None
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10], value[:10]
    if re.match(r"\d{4}-\d{2}$", value):
        return f"{value}-01", f"{value}-31"
    if m := re.match(r"(\d{4})", value):
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    if m := re.match(r"(\d{3})$", value):
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    return None, None


def _window(value: str) -> tuple[str, str]:
    return date_bounds(value)


class QueryMixin:
    dialect: Any

    # -- articles --------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "entities", "storylines", *schema.RECORD_TABLES):
            raise ValueError(table)
        return self._scalar(f"SELECT count(*) FROM {table}")

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self._rows(
            f"SELECT {ARTICLE_LIST_COLS}, substr(clean_text, 1, 120) AS lead FROM articles "
            "ORDER BY published IS NULL, published, id "
            "LIMIT ? OFFSET ?", (bounded(limit), bounded(offset)))

    def article(self, article_id: int) -> dict[str, Any]:
        with self.snapshot():
            return self._article(article_id)

    def _article(self, article_id: int) -> dict[str, Any]:
        row = dict(self.require_article(article_id))
        row["boilerplate"] = json.loads(row["boilerplate"] or "[]")
        row["extra"] = json.loads(row["extra"] or "{}")
        for table in schema.RECORD_TABLES:
            row[table] = [schema.from_row(table, r) for r in
                          self._rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", (article_id,))]
        return row

    def records(self, table: str, article_id: int | None = None) -> list[tuple[int, Any]]:
        """(article_id, record) pairs of one record table, as dataclasses."""
        sql = f"SELECT * FROM {table}" + (" WHERE article_id = ?" if article_id is not None else "")
        sql += " ORDER BY article_id, idx"
        params = (article_id,) if article_id is not None else ()
        return [(r["article_id"], to_record(table, r)) for r in self._rows(sql, params)]

    def article_records(self, article_id: int) -> models.ArticleRecords:
        """A stored article rebuilt as the ArticleRecords the pipeline produced for it (records,
        sentences, and the entities they name), e.g. to score what is stored."""
        with self.snapshot():
            return self._article_records(article_id)

    def _article_records(self, article_id: int) -> models.ArticleRecords:
        row = self.require_article(article_id)
        names = {f.name for f in dataclasses.fields(models.Article)}
        article = models.Article(**{k: row[k] for k in row if k in names and k != "extra"},
                                 extra=json.loads(row["extra"] or "{}"))
        records = models.ArticleRecords(
            article=article, clean_text=row["clean_text"] or "",
            boilerplate=[tuple(span) for span in json.loads(row["boilerplate"] or "[]")],
            pipeline_version=row["pipeline_version"] or "")
        for table in schema.RECORD_TABLES:
            setattr(records, table, [rec for _, rec in self.records(table, article_id)])
        ids = {m.entity_id for m in records.mentions}
        ids |= {q.speaker_id for q in records.quotes} | {c.claimant_id for c in records.claims}
        ids |= {p.entity_id for e in records.events for p in e.participants} | {e.place_id for e in records.events}
        ids.discard(None)
        if not ids:  # PostgreSQL rejects an empty IN ()
            return records
        for r in self._rows(f"SELECT * FROM entities WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY id",
                            sorted(ids)):
            records.entities[r["id"]] = models.EntityInfo(
                id=r["id"], name=r["name"], type=r["type"], wikidata=r["wikidata"], lat=r["lat"], lon=r["lon"],
                country=r["country"], affiliation=r["affiliation"], aliases=json.loads(r["aliases"] or "[]"))
        return records

    def storyline_sources(self, article_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
        """Every stored storyline (with ``article_ids``: those that merge an event of one of
        these articles), in the order the merge produced them, with ``sources``: (article id as
        a string, event index in its article, evidence) of each event merged into it."""
        out: dict[str, dict[str, Any]] = {}
        where, params = "", []
        if article_ids is not None:
            ids = sorted(set(article_ids))
            if not ids:
                return []
            where = (" WHERE s.id IN (SELECT ss2.storyline_id FROM storyline_sources ss2 JOIN events e2 "
                     f"ON e2.id = ss2.event_id WHERE e2.article_id IN ({', '.join('?' * len(ids))}))")
            params = ids
        for r in self._rows(f"""SELECT s.id, s.type, s.plover, s.date, s.date_precision, s.place_id, s.summary,
                                      e.article_id, e.idx, e.text
                               FROM storylines s LEFT JOIN storyline_sources ss ON ss.storyline_id = s.id
                               LEFT JOIN events e ON e.id = ss.event_id{where}
                               ORDER BY s.seq NULLS FIRST, s.id, e.article_id NULLS FIRST, e.idx, e.id""", params):
            story = out.setdefault(r["id"], {k: r[k] for k in ("id", "type", "plover", "date", "date_precision",
                                                                "place_id", "summary")} | {"sources": []})
            if r["article_id"] is not None:
                story["sources"].append((str(r["article_id"]), r["idx"], r["text"]))
        return list(out.values())

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        terms = [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t]
        if not terms:
            return []
        return self._rows(*self.dialect.search_query(terms, bounded(limit)))

    # -- entities --------------------------------------------------------------------------
    def entities(self, type: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        sql = """SELECT e.*, count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles
                 FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"""
        params: list[Any] = []
        if type:
            sql += " WHERE e.type = ?"
            params.append(type)
        sql += " GROUP BY e.id ORDER BY mentions DESC, e.name NULLS FIRST, e.id LIMIT ?"
        params.append(bounded(limit))
        rows = self._rows(sql, params)
        for r in rows:
            r["aliases"] = json.loads(r["aliases"] or "[]")
        return rows

    def resolve_entity(self, name: str) -> list[str]:
        """Entity ids a user's NAME may mean: id, canonical name, any alias seen, KB alias,
        transliteration-aware match."""
        ids: list[str] = []
        key = _norm(name)
        if self._one("SELECT 1 AS found FROM entities WHERE id = ?", (name,)):
            return [name]
        for r in self._rows("SELECT id, name, aliases FROM entities ORDER BY id"):
            names = [r["name"] or ""] + json.loads(r["aliases"] or "[]")
            if any(_norm(n) == key for n in names):
                ids.append(r["id"])
        if ids:
            return ids
        from dossier.entities import load_kb, match_name

        kb = load_kb()
        ids = [entry.id for entry in kb.by_alias(name)]
        if not ids:
            entry, confidence, _ = match_name(name, kb)
            if entry is not None and confidence >= 0.8:
                ids.append(entry.id)
        if not ids:
            like = f"%{name}%"
            ids = [r["entity_id"] for r in self._rows(
                f"SELECT DISTINCT entity_id FROM mentions WHERE text {self.dialect.like} ? "
                "ORDER BY entity_id NULLS FIRST LIMIT 20", (like,))]
        return ids

    def entity(self, name: str) -> dict[str, Any]:
        with self.snapshot():
            return self._entity(name)

    def _entity(self, name: str) -> dict[str, Any]:
        ids = self.resolve_entity(name)
        rows = [r for r in (self._rows("SELECT * FROM entities WHERE id = ?", (i,)) for i in ids) if r]
        if not rows:
            raise NotFound(f"no entity known as {name!r}")
        ent = rows[0][0]
        eid = ent["id"]
        ent["aliases"] = json.loads(ent["aliases"] or "[]")
        ent["surface_forms"] = self._rows(
            "SELECT text, count(*) AS n FROM mentions WHERE entity_id = ? GROUP BY text "
            "ORDER BY n DESC, text NULLS FIRST", (eid,))
        ent["articles"] = self._rows(
            """SELECT a.id, a.title, a.published, a.outlet, substr(a.clean_text, 1, 200) AS lead,
                      count(*) AS mentions FROM mentions m
               JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?
               GROUP BY a.id ORDER BY a.published NULLS FIRST, a.id""", (eid,))
        ent["first_seen"] = ent["articles"][0]["published"] if ent["articles"] else None
        ent["last_seen"] = ent["articles"][-1]["published"] if ent["articles"] else None
        ent["mention_count"] = sum(a["mentions"] for a in ent["articles"])
        ent["co_occurring"] = self._rows(
            """SELECT m2.entity_id AS id, e.name, e.type, count(DISTINCT m2.article_id) AS articles
               FROM mentions m1 JOIN mentions m2 ON m1.article_id = m2.article_id AND m1.sentence = m2.sentence
               JOIN entities e ON e.id = m2.entity_id
               WHERE m1.entity_id = ? AND m2.entity_id != ? GROUP BY m2.entity_id, e.name, e.type
               ORDER BY articles DESC, count(*) DESC, m2.entity_id LIMIT 15""", (eid, eid))
        ent["learned_roles"] = self._rows(
            """SELECT r.role, r.organization_id, r.date, r.text, r.sentence, r.article_id, a.title AS article_title
               FROM roles r JOIN articles a ON a.id = r.article_id
               WHERE r.person_id = ? ORDER BY r.date, r.article_id""", (eid,))
        from dossier.entities import load_kb

        kb_entry = load_kb().get(eid)
        ent["roles"] = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else r
                        for r in (kb_entry.roles or [])] if kb_entry is not None else []
        return ent

    # -- quotes ----------------------------------------------------------------------------
    def quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None,
               search: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        with self.snapshot():
            return self._quotes(speaker, since, until, search, limit)

    def _quotes(self, speaker, since, until, search, limit) -> list[dict[str, Any]]:
        sql = """SELECT q.*, a.title AS article_title, a.published AS article_published, a.source AS article_source
                 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1=1"""
        params: list[Any] = []
        if speaker:
            ids = self.resolve_entity(speaker)
            if not ids:
                raise NotFound(f"no speaker known as {speaker!r}")
            sql += f" AND q.speaker_id IN ({', '.join('?' * len(ids))})"
            params += ids
        window_sql, window_params = said_between("q", since, until)
        sql += window_sql
        params += window_params
        if search:
            for word in search.split():
                sql += f" AND q.text {self.dialect.like} ?"
                params.append(f"%{word}%")
        sql += " ORDER BY COALESCE(q.date, a.published) NULLS FIRST, q.article_id, q.idx LIMIT ?"
        params.append(bounded(limit))
        return [schema.from_row("quotes", r) for r in self._rows(sql, params)]

    # -- storylines ------------------------------------------------------------------------
    def timeline(self, actor: str | None = None, type: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        with self.snapshot():  # storylines and their sources from one state of the database
            return self._timeline(actor, type, date_from, date_to, limit)

    def _timeline(self, actor, type, date_from, date_to, limit) -> list[dict[str, Any]]:
        sql = "SELECT * FROM storylines s WHERE 1=1"
        params: list[Any] = []
        if actor:
            ids = self.resolve_entity(actor)
            if not ids:
                raise NotFound(f"no actor known as {actor!r}")
            sql += " AND (" + " OR ".join(f"s.participants {self.dialect.like} ?" for _ in ids) + ")"
            params += [f'%"{i}"%' for i in ids]
        if type:
            sql += " AND (lower(s.type) = lower(?) OR lower(s.plover) = lower(?))"
            params += [type, type]
        # an event is kept when the days it may denote overlap the window (2025-12 for 2025-12-01)
        if date_from:
            sql += " AND s.date_end >= ?"
            params.append(_window(date_from)[0])
        if date_to:
            sql += " AND s.date_start <= ?"
            params.append(_window(date_to)[1])
        sql += " ORDER BY s.date_start IS NULL, s.date_start, s.date_end NULLS FIRST, s.id LIMIT ?"
        params.append(bounded(limit))
        rows = self._rows(sql, params)
        sources: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        ids = list(sources)
        for i in range(0, len(ids), 500):  # every source in one query per 500 storylines
            chunk = ids[i:i + 500]
            for src in self._rows(
                    f"""SELECT ss.storyline_id, ev.id AS event_id, ev.article_id, ev.start, ev."end", ev.text,
                               ev.sentence, ev.background, ev.timeline_line, a.title, a.outlet, a.published, a.source,
                               a.url
                        FROM storyline_sources ss JOIN events ev ON ev.id = ss.event_id
                        JOIN articles a ON a.id = ev.article_id WHERE ss.storyline_id IN ({', '.join('?' * len(chunk))})
                        ORDER BY a.published NULLS FIRST, a.id, ev.idx, ev.id""", chunk):
                sources[src.pop("storyline_id")].append(src)
        for r in rows:
            for k in ("participants", "details", "explanation"):
                r[k] = json.loads(r[k] or "null")
            r["sources"] = sources[r["id"]]
            _story_flags(r)
        return rows

    def crossref(self, kind: str) -> list[dict[str, Any]]:
        return [json.loads(r["payload"]) for r in
                self._rows("SELECT payload FROM crossref WHERE kind = ? ORDER BY seq NULLS FIRST, id", (kind,))]
