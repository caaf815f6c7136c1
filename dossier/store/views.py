"""Read queries for the web app, exports and the brief (mixed into SQLStore, both backends).

Rows come back as plain dicts with JSON fields decoded; nothing outside ``dossier/store`` writes
SQL. Every method is read-only.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dossier.store import schema
from dossier.store.queries import MAX_INT, bounded, said_between
from dossier.store.xstate import _chunks

# tables an export may read, in dependency order
EXPORT_TABLES = ("articles", "entities", *schema.RECORD_TABLES, "storylines", "storyline_sources", "crossref")
_STORYLINE_JSON = ("participants", "details", "explanation")


def _decode(table: str, row: dict[str, Any]) -> dict[str, Any]:
    if table in schema.RECORD_TABLES:
        return schema.from_row(table, row)
    out = dict(row)
    if table == "articles":
        out.pop("signature", None)
        out["boilerplate"] = json.loads(out.get("boilerplate") or "[]")
        out["extra"] = json.loads(out.get("extra") or "{}")
    elif table == "entities":
        out["aliases"] = json.loads(out.get("aliases") or "[]")
    elif table == "storylines":
        for k in _STORYLINE_JSON:
            out[k] = json.loads(out[k]) if isinstance(out.get(k), str) else out.get(k)
    elif table == "crossref":
        out["payload"] = json.loads(out.get("payload") or "null")
    return out


class ViewsMixin:
    dialect: Any

    # -- articles --------------------------------------------------------------------------
    def articles_page(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      since: str | None = None, until: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """One page of the article list and the total number of articles matching the filters."""
        where, params = ["1=1"], []
        if outlet:
            where.append("lower(outlet) = lower(?)")
            params.append(outlet)
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("substr(published, 1, ?) <= ?")
            params += [len(until), until]
        cond = " AND ".join(where)
        total = self._scalar(f"SELECT count(*) FROM articles WHERE {cond}", params)
        rows = self._rows(
            f"""SELECT id, source, url, outlet, author, title, published, published_precision,
                published_basis, language, near_duplicate_of, near_similarity, content_hash,
                length(raw_text) AS chars, substr(clean_text, 1, 200) AS lead FROM articles WHERE {cond}
                ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?""", [*params, bounded(limit), bounded(offset)])
        return rows, total

    def article_exists(self, article_id: int) -> bool:
        if not 0 < article_id <= MAX_INT:  # beyond a BIGINT: PostgreSQL would refuse the comparison
            return False
        return self._one("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)) is not None

    def article_meta(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Title, outlet, date and url of some articles (for citations), read a chunk of ids at a
        time (any number of them)."""
        out: dict[int, dict[str, Any]] = {}
        for part in _chunks(list(ids)):
            out.update((r["id"], r) for r in self._rows(
                f"""SELECT id, title, outlet, published, url, source, language, substr(clean_text, 1, 200) AS lead
                    FROM articles WHERE id IN ({", ".join("?" * len(part))})""", part))
        return out

    def locate_evidence(self, items: list[tuple[int, str]]) -> dict[tuple[int, str], dict[str, Any]]:
        """Where pieces of evidence (article id, text as stored) lie: ``sentence`` (index),
        ``start``/``end`` in the original text, and ``said``, the date of the quote the text lies
        in (when the statement was made), or None. Texts not found are left out."""
        ids = sorted({a for a, _ in items if isinstance(a, int) and 0 < a <= MAX_INT})
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        texts = {r["id"]: r["raw_text"] or "" for r in
                 self._rows(f"SELECT id, raw_text FROM articles WHERE id IN ({marks})", ids)}
        sentences: dict[int, list[tuple[int, int, int]]] = {}
        for r in self._rows(f"""SELECT article_id, idx, start, "end" FROM sentences WHERE article_id IN ({marks})
                                ORDER BY article_id, start, idx""", ids):
            sentences.setdefault(r["article_id"], []).append((r["start"], r["end"], r["idx"]))
        quotes: dict[int, list[dict[str, Any]]] = {}
        for r in self._rows(f"""SELECT article_id, start, "end", date FROM quotes WHERE article_id IN ({marks})
                                ORDER BY article_id, idx""", ids):
            quotes.setdefault(r["article_id"], []).append(r)
        out: dict[tuple[int, str], dict[str, Any]] = {}
        for article_id, text in items:
            raw = texts.get(article_id)
            start = raw.find(text) if raw is not None and text else -1
            if start < 0:
                continue
            end = start + len(text)
            sentence = next((i for s, e, i in sentences.get(article_id, []) if s <= start < e), None)
            said = next((q["date"] for q in quotes.get(article_id, [])
                         if q["date"] and q["start"] < end and start < q["end"]), None)
            out[(article_id, text)] = {"sentence": sentence, "start": start, "end": end, "said": said}
        return out

    # -- records across articles -----------------------------------------------------------
    def entity_names(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return {r["id"]: r for r in self._rows(
            f"SELECT id, name, type, lat, lon, wikidata FROM entities WHERE id IN ({marks})", list(ids))}

    def entities_page(self, type: str | None = None, q: str | None = None, limit: int = 50,
                      offset: int = 0) -> list[dict[str, Any]]:
        sql = """SELECT e.*, count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles
                 FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id WHERE 1=1"""
        params: list[Any] = []
        if type:
            sql += " AND e.type = ?"
            params.append(type)
        if q:
            like = self.dialect.like
            sql += f" AND (e.name {like} ? OR e.aliases {like} ? OR e.id {like} ?)"
            params += [f"%{q}%"] * 3
        sql += " GROUP BY e.id ORDER BY mentions DESC, e.name NULLS FIRST, e.id LIMIT ? OFFSET ?"
        rows = self._rows(sql, [*params, bounded(limit), bounded(offset)])
        return [_decode("entities", r) for r in rows]

    def events_with(self, entity_id: str | None = None, search: str | None = None, limit: int = 200,
                    offset: int = 0, place_id: str | None = None) -> list[dict[str, Any]]:
        """Per-article events (with their article's title/date), filtered by participant or words."""
        sql = """SELECT ev.*, a.title AS article_title, a.published AS article_published,
                 a.outlet AS article_outlet, a.url AS article_url
                 FROM events ev JOIN articles a ON a.id = ev.article_id WHERE 1=1"""
        params: list[Any] = []
        if entity_id:
            sql += f" AND ev.participants {self.dialect.like} ?"
            params.append(f'%"entity_id": "{entity_id}"%')
        if place_id:
            sql += " AND ev.place_id = ?"
            params.append(place_id)
        if search:
            for word in search.split():
                sql += f" AND ev.text {self.dialect.like} ?"
                params.append(f"%{word}%")
        sql += " ORDER BY COALESCE(ev.date, a.published) NULLS FIRST, ev.article_id, ev.idx LIMIT ? OFFSET ?"
        rows = self._rows(sql, [*params, bounded(limit), bounded(offset)])
        return [schema.from_row("events", r) for r in rows]

    def positions_rows(self, actor_ids: list[str] | None = None, issue: str | None = None,
                       since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Per-article stated positions with their article's date, in the order they were
        stated (``said``: when the stance was stated, else the article's publication date;
        ``date`` stays the time the sentence is about); the window applies to ``said``."""
        sql = """SELECT p.*, a.title AS article_title, a.published AS article_published,
                 a.outlet AS article_outlet, a.url AS article_url
                 FROM positions p JOIN articles a ON a.id = p.article_id WHERE 1=1"""
        params: list[Any] = []
        if actor_ids is not None:
            if not actor_ids:
                return []
            sql += f" AND p.actor_id IN ({', '.join('?' * len(actor_ids))})"
            params += actor_ids
        if issue:
            sql += " AND lower(p.issue) = lower(?)"
            params.append(issue)
        window_sql, window_params = said_between("p", since, until, column="said")
        sql += window_sql
        params += window_params
        sql += " ORDER BY COALESCE(p.said, a.published) NULLS FIRST, p.article_id, p.idx"
        rows = [schema.from_row("positions", r) for r in self._rows(sql, params)]
        for r in rows:  # stored before positions had a statement date: their article's
            r["said"] = r.get("said") or r.get("article_published")
        return rows

    def claims_rows(self, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        sql = """SELECT c.*, a.title AS article_title, a.published AS article_published,
                 a.outlet AS article_outlet, a.url AS article_url
                 FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1=1"""
        params: list[Any] = []
        window_sql, window_params = said_between("c", since, until)
        sql += window_sql
        params += window_params
        sql += " ORDER BY COALESCE(c.date, a.published) NULLS FIRST, c.article_id, c.idx"
        return [schema.from_row("claims", r) for r in self._rows(sql, params)]

    def event_places(self) -> list[dict[str, Any]]:
        """Places of events that have coordinates, with how many events happened there."""
        return self._rows(
            """SELECT e.id, e.name, e.lat, e.lon, e.country, count(ev.id) AS events,
                      min(COALESCE(ev.date, a.published)) AS first, max(COALESCE(ev.date, a.published)) AS last
               FROM events ev JOIN entities e ON e.id = ev.place_id JOIN articles a ON a.id = ev.article_id
               WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
               GROUP BY e.id ORDER BY events DESC, e.name NULLS FIRST, e.id""")

    def event_row_ids(self) -> dict[int, tuple[int, int]]:
        """Stored event id -> (article id, index in the article)."""
        return {r["id"]: (r["article_id"], r["idx"]) for r in
                self._rows("SELECT id, article_id, idx FROM events ORDER BY id")}

    # -- exports ---------------------------------------------------------------------------
    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table, JSON fields decoded, in a stable order."""
        if table not in EXPORT_TABLES:
            raise ValueError(f"not an exportable table: {table}")
        order = {"storyline_sources": "storyline_id, event_id", "crossref": "kind, seq NULLS FIRST, id",
                 "entities": "id", "storylines": "date IS NULL, date, id"}.get(table, "id")
        columns = {"articles": ", ".join(schema.ARTICLE_FIELDS), "crossref": "kind, id, payload"}.get(table, "*")
        for row in self._exec(f"SELECT {columns} FROM {table} ORDER BY {order}"):
            yield _decode(table, dict(row))
