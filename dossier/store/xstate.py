"""The incremental cross-article state (see :mod:`dossier.crossref`): which articles it covers,
each record's stored features and unit, the blocking keys that find a new record's candidates,
and the results of each unit. Neutral SQL (SQLite and PostgreSQL); every write joins the
transaction of ``cross_article_update()``.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from dossier.store import schema

CHUNK = 500  # parameters per IN (...) list


def _chunks(values: Sequence[Any], n: int = CHUNK):
    for i in range(0, len(values), n):
        yield values[i:i + n]


class CrossStateMixin:
    """Reads and writes of the x_* tables and of one unit's results."""

    def x_state_empty(self) -> bool:
        """No article is covered by the incremental state (a new database, one built before
        it existed, or results written whole by ``replace_storylines``)."""
        return self._scalar("SELECT count(*) FROM (SELECT 1 FROM x_articles LIMIT 1) AS one") == 0

    def x_reset(self) -> None:
        """Forget the state and every cross-article result (a full rebuild follows)."""
        self._drop_pair_caches()
        with self._tx("write"):
            for table in ("x_articles", "x_records", "x_key_ids", "x_key_records", "x_pairs", "x_affiliations",
                          "storyline_sources", "storylines", "crossref"):
                self._exec(f"DELETE FROM {table}")
            self.x_clear_legacy()

    def x_upgrade_keys(self) -> None:
        """Move the keys an earlier version stored as text rows (x_keys) to the numbered tables,
        once (the same keys: nothing is decided again), and empty x_keys."""
        if not self._has_table("x_keys") or self._scalar("SELECT count(*) FROM (SELECT 1 FROM x_keys LIMIT 1) AS one") == 0:
            return
        first = self._scalar("SELECT max(id) FROM x_key_ids") or 0
        self._exec("INSERT INTO x_key_ids (kind, key, id) SELECT kind, key, CAST(? AS BIGINT) + row_number() OVER (ORDER BY kind, key) "
                   "FROM (SELECT DISTINCT kind, key FROM x_keys) AS named "
                   "WHERE NOT EXISTS (SELECT 1 FROM x_key_ids n WHERE n.kind = named.kind AND n.key = named.key)",
                   [first])
        self._exec("INSERT INTO x_key_records (key_id, record_id) SELECT DISTINCT n.id, k.record_id FROM x_keys k "
                   "JOIN x_key_ids n ON n.kind = k.kind AND n.key = k.key ON CONFLICT DO NOTHING")
        self.x_clear_legacy()

    def x_clear_legacy(self) -> None:
        """Empty the state tables of earlier versions (schema.LEGACY_TABLES) a database still has."""
        for table in schema.LEGACY_TABLES:
            if self._has_table(table):
                self._exec(f"DELETE FROM {table}")

    def x_pending_articles(self) -> list[dict[str, Any]]:
        """Stored articles the state does not cover yet: id, content hash, publication date."""
        return self._rows("SELECT a.id, a.content_hash, a.published FROM articles a "
                          "LEFT JOIN x_articles x ON x.article_id = a.id WHERE x.article_id IS NULL ORDER BY a.id")

    def x_add_articles(self, rows: Iterable[tuple[int, str | None]]) -> None:
        self._exec_many("INSERT INTO x_articles (article_id, ref_day) VALUES (?, ?)", list(rows))

    def x_article_info(self, article_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """id -> content_hash, ref_day of covered articles."""
        out: dict[int, dict[str, Any]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for r in self._rows("SELECT a.id, a.content_hash, x.ref_day FROM articles a JOIN x_articles x "
                                f"ON x.article_id = a.id WHERE a.id IN ({', '.join('?' * len(part))})", part):
                out[r["id"]] = r
        return out

    def record_rows(self, table: str, article_ids: Iterable[int] | None = None,
                    ids: Iterable[int] | None = None) -> list[tuple[int, int, int, Any]]:
        """(row id, article_id, idx, record) of the rows of some articles or with some row ids,
        in (article_id, idx) order."""
        from dossier.store.queries import to_record

        if table not in schema.RECORD_TABLES:
            raise ValueError(f"not a record table: {table}")
        column, values = ("article_id", article_ids) if ids is None else ("id", ids)
        out = []
        for part in _chunks(sorted(set(values or ()))):
            out += [(r["id"], r["article_id"], r["idx"], to_record(table, r)) for r in self._rows(
                f"SELECT * FROM {table} WHERE {column} IN ({', '.join('?' * len(part))})", part)]
        out.sort(key=lambda t: (t[1], t[2]))
        return out

    def _key_ids(self, kind: str, keys: Iterable[str], create: bool = False) -> dict[str, int]:
        """key -> its number among the keys of ``kind`` (x_key_ids); with ``create``, keys not
        numbered yet are numbered (inside the update's transaction: one writer at a time)."""
        keys = sorted(set(keys))
        found: dict[str, int] = {}
        for part in _chunks(keys):
            found.update((r["key"], r["id"]) for r in self._exec(
                f"SELECT key, id FROM x_key_ids WHERE kind = ? AND key IN ({', '.join('?' * len(part))})", [kind, *part]))
        if create:
            missing = [k for k in keys if k not in found]
            if missing:
                first = (self._scalar("SELECT max(id) FROM x_key_ids") or 0) + 1
                rows = [(kind, k, first + i) for i, k in enumerate(missing)]
                self._exec_many("INSERT INTO x_key_ids (kind, key, id) VALUES (?, ?, ?)", rows)
                found.update((k, n) for _, k, n in rows)
        return found

    def x_lookup(self, kind: str, keys: Iterable[str]) -> list[tuple[str, int, int]]:
        """(key, record_id, unit) of the records of ``kind`` filed under one of ``keys``
        (x_key_ids kind ``kind.i`` or ``kind.p``: the record kind is the part before the dot),
        in (key, record_id) order."""
        return sorted((key, rid, unit) for key, rows in self.x_filed(kind, keys).items() for rid, unit in rows)

    def x_filed(self, kind: str, keys: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
        """Each of ``keys`` filed for some record -> (record_id, unit) of those records, by
        record id (:meth:`x_postings` as pairs; :meth:`x_lookup` sorted)."""
        postings, units = self.x_postings(kind, keys)
        return {k: [(rid, units[rid]) for rid in ids.tolist()] for k, ids in postings.items()}

    def x_postings(self, kind: str, keys: Iterable[str]) -> tuple[dict[str, Any], dict[int, int]]:
        """Each of ``keys`` filed for some record of the kind before the dot -> the ids of those
        records (an ascending int64 array), and each record met -> its unit. Read as plain rows,
        no mapping or pair built per row: an update's candidates, read by the million."""
        import itertools

        import numpy as np

        base = kind.split(".")[0]
        ids = self._key_ids(kind, keys)
        flat: list[tuple] = []
        for part in _chunks(sorted(ids.values())):
            flat += self._tuples(f"SELECT key_id, record_id FROM x_key_records WHERE key_id IN "
                                 f"({', '.join('?' * len(part))})", part)
        if not flat:
            return {}, {}
        pairs = np.fromiter(itertools.chain.from_iterable(flat), dtype=np.int64, count=2 * len(flat)).reshape(-1, 2)
        units: dict[int, int] = {}
        for part in _chunks(np.unique(pairs[:, 1]).tolist()):
            units.update(self._tuples(f"SELECT record_id, unit FROM x_records WHERE kind = ? AND record_id IN "
                                      f"({', '.join('?' * len(part))})", [base, *part]))
        # only records the kind holds (a key row may outlive its record): sorted by key, then record
        pairs = pairs[np.isin(pairs[:, 1], np.fromiter(units, dtype=np.int64, count=len(units)))]
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        key_ids, starts = np.unique(pairs[:, 0], return_index=True)
        ends = np.append(starts[1:], len(pairs))
        by_id = {int(n): pairs[a:b, 1] for n, a, b in zip(key_ids.tolist(), starts.tolist(), ends.tolist())}
        return {k: by_id[n] for k, n in ids.items() if n in by_id}, units

    def x_data(self, kind: str, record_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        out = {}
        for part in _chunks(sorted(set(record_ids))):
            for rid, data in self._tuples(f"SELECT record_id, data FROM x_records WHERE kind = ? AND record_id IN "
                                          f"({', '.join('?' * len(part))})", [kind, *part]):
                out[rid] = json.loads(data) if data else {}
        return out

    def x_members(self, kind: str, units: Iterable[int]) -> list[tuple[int, int, int]]:
        """(record_id, article_id, unit) of every record of these units."""
        out = []
        for part in _chunks(sorted(set(units))):
            out += [(r["record_id"], r["article_id"], r["unit"]) for r in self._exec(
                "SELECT record_id, article_id, unit FROM x_records WHERE kind = ? "
                f"AND unit IN ({', '.join('?' * len(part))})", [kind, *part])]
        return out

    def x_add_records(self, kind: str, rows: list[tuple[int, int, int, dict | None]],
                      keys: list[tuple[str, str, int]]) -> None:
        """Records (record_id, article_id, unit, data) of ``kind`` and their keys (kind, key, record_id)."""
        self._exec_many("INSERT INTO x_records (kind, record_id, article_id, unit, data) VALUES (?, ?, ?, ?, ?)",
                        [(kind, rid, aid, unit, json.dumps(data, ensure_ascii=False) if data is not None else None)
                         for rid, aid, unit, data in rows])
        self.x_add_keys(keys)

    def x_add_keys(self, keys: Iterable[tuple[str, str, int]]) -> None:
        """File records under keys: (kind, key, record_id) rows (a row filed twice is kept once)."""
        import itertools
        from operator import itemgetter

        import numpy as np

        by_kind: dict[str, tuple[list[str], list[int]]] = {}
        for kind, rows_of_kind in itertools.groupby(keys, key=itemgetter(0)):  # the callers' rows come by kind
            _, names, rids = zip(*rows_of_kind)
            filed = by_kind.setdefault(kind, ([], []))
            filed[0].extend(names)
            filed[1].extend(rids)
        rows: list = []
        for kind in sorted(by_kind):
            names, rids = by_kind[kind]
            ids = self._key_ids(kind, names, create=True)
            numbers = np.array([ids[key] for key in names], dtype=np.int64)
            records = np.array(rids, dtype=np.int64)
            span = int(records.max()) + 1  # (key id, record id) as one number, sorted and each once
            if int(numbers.max()) < (1 << 62) // span and int(records.min()) >= 0:
                both = np.sort(numbers * span + records)
                both = both[np.append(True, both[1:] != both[:-1])]
                rows += zip((both // span).tolist(), (both % span).tolist())
            else:  # too large to pack
                rows += sorted(set(zip(numbers.tolist(), rids)))
        self._exec_many("INSERT INTO x_key_records (key_id, record_id) VALUES (?, ?) ON CONFLICT DO NOTHING", rows)

    def x_add_pairs(self, kind: str, rows: Iterable[tuple[int, int, float, bool]]) -> None:
        """Pair decisions (a, b, score, apart) of ``kind`` that count for a unit's results."""
        rows = [(min(a, b), max(a, b), score, bool(apart)) for a, b, score, apart in rows]
        self._exec_many("INSERT INTO x_pairs (kind, a, b, score, apart) VALUES (?, ?, ?, ?, ?)",
                        [(kind, a, b, score, int(apart)) for a, b, score, apart in rows])
        cache = self._pair_cache(kind)
        if cache is not None:
            cache.add(rows)

    def x_pairs(self, kind: str, record_ids: Iterable[int]) -> list[tuple[int, int, float, bool]]:
        """The stored pair decisions (a, b, score, apart) of ``kind`` between these records, in
        (a, b) order."""
        ids = set(record_ids)
        cache = self._pair_cache(kind)
        if cache is not None:
            return cache.pairs(ids, both=True)
        out = []
        for part in _chunks(sorted(ids)):
            out += [(a, b, score, bool(apart)) for a, b, score, apart in self._tuples(
                f"SELECT a, b, score, apart FROM x_pairs WHERE kind = ? AND a IN ({', '.join('?' * len(part))})",
                [kind, *part]) if b in ids]
        return sorted(out)

    def x_pairs_touching(self, kind: str, record_ids: Iterable[int]) -> list[tuple[int, int, float, bool]]:
        """The stored pair decisions (a, b, score, apart) of ``kind`` with at least one of these
        records, each once, in (a, b) order (read as the update's cache reads them, in one go
        outside it)."""
        cache = self._pair_cache(kind) or _PairCache(lambda ids: self._pair_rows(kind, ids))
        return cache.pairs(set(record_ids), both=False)

    @contextmanager
    def x_pairs_cached(self):
        """Inside this block (one cross-article update: its reads see one snapshot and it is the
        only writer of the state) the stored pairs of each record are read from the database
        once, then served from memory, with the pairs the update adds: an update asks for the
        pairs of the same records several times (the weeks it reaches, the units' merges, the
        date conflicts between units). Forgetting records or the state drops the cache."""
        self._pair_caches = {}
        try:
            yield
        finally:
            self._pair_caches = None

    def x_pairs_preload(self, kind: str, record_ids: Iterable[int]) -> None:
        """Inside :meth:`x_pairs_cached`, read the stored pairs of these records in one go (the
        pair reads that follow, of some of them, then read nothing); else nothing."""
        cache = self._pair_cache(kind)
        if cache is not None:
            cache.load(record_ids)

    def _pair_cache(self, kind: str) -> "_PairCache | None":
        caches = getattr(self, "_pair_caches", None)
        if caches is None:
            return None
        if kind not in caches:
            caches[kind] = _PairCache(lambda ids: self._pair_rows(kind, ids))
        return caches[kind]

    def _pair_rows(self, kind: str, record_ids: list[int]) -> list[tuple]:
        """The stored pairs (a, b, score, apart) with an end among these records, as read (a
        pair with both ends there once per chunk of the records)."""
        rows: list[tuple] = []
        for part in _chunks(record_ids):
            marks = ', '.join('?' * len(part))
            rows += self._tuples(f"SELECT a, b, score, apart FROM x_pairs WHERE kind = ? AND (a IN ({marks}) "
                                 f"OR b IN ({marks}))", [kind, *part, *part])
        return rows

    def _drop_pair_caches(self) -> None:
        if getattr(self, "_pair_caches", None) is not None:
            self._pair_caches = {}

    def x_add_affiliations(self, counts: dict[tuple[str, str], int]) -> None:
        """Add (actor, organisation) -> how many more roles say so."""
        self._exec_many("INSERT INTO x_affiliations (actor, org, n) VALUES (?, ?, ?) ON CONFLICT (actor, org) "
                        "DO UPDATE SET n = x_affiliations.n + excluded.n",
                        [(actor, org, n) for (actor, org), n in sorted(counts.items())])

    def x_affiliations(self, actors: Iterable[str]) -> dict[str, Counter]:
        """actor -> Counter of the organisations the covered articles' roles say it acts for."""
        out: dict[str, Counter] = {}
        for part in _chunks(sorted(set(actors))):
            for r in self._rows(f"SELECT actor, org, n FROM x_affiliations WHERE actor IN ({', '.join('?' * len(part))})",
                                part):
                out.setdefault(r["actor"], Counter())[r["org"]] += r["n"]
        return out

    def x_set_units(self, kind: str, rows: Iterable[tuple[int, int]]) -> None:
        """Records (record_id, unit) of ``kind`` moved to another unit."""
        self._exec_many("UPDATE x_records SET unit = ? WHERE kind = ? AND record_id = ?",
                        [(unit, kind, rid) for rid, unit in rows])

    def x_delete_keys(self, kind: str, keys: Iterable[str]) -> None:
        """Drop what is filed under ``keys`` of kind ``kind``."""
        for part in _chunks(sorted(set(self._key_ids(kind, keys).values()))):
            self._exec(f"DELETE FROM x_key_records WHERE key_id IN ({', '.join('?' * len(part))})", part)

    def x_relabel(self, kind: str, old: Iterable[int], new: int) -> None:
        """Units merged into ``new``."""
        old = sorted(set(old) - {new})
        for part in _chunks(old):
            self._exec(f"UPDATE x_records SET unit = ? WHERE kind = ? AND unit IN ({', '.join('?' * len(part))})",
                       [new, kind, *part])

    def x_replace_results(self, kind: str, units: Iterable[int], storylines: list[dict[str, Any]],
                          rows: list[tuple[str, str, dict, int]]) -> None:
        """Drop the results of these units (storylines for events, crossref rows tagged
        ``kind:unit``) and store the new ones: ``storylines`` carry their ``unit``; ``rows`` are
        (crossref kind, id, payload, seq) tagged with ``payload['_unit']``."""
        units = sorted(set(units))
        tags = [f"{kind}:{u}" for u in units]
        for part in _chunks(tags):
            self._exec(f"DELETE FROM crossref WHERE unit IN ({', '.join('?' * len(part))})", part)
        if kind == "e":
            for part in _chunks(units):
                marks = ", ".join("?" * len(part))
                self._exec(f"DELETE FROM storyline_sources WHERE storyline_id IN "
                           f"(SELECT id FROM storylines WHERE unit IN ({marks}))", part)
                self._exec(f"DELETE FROM storylines WHERE unit IN ({marks})", part)
        if storylines:
            taken = self.storyline_ids_taken(s["id"] for s in storylines)
            for s in storylines:  # two storylines from one evidence offset: keep both, distinct ids
                sid, n = s["id"], 2
                while sid in taken:
                    sid = f"{s['id']}-{n}"
                    n += 1
                taken.add(sid)
                s["id"] = sid
            self._insert_storylines(storylines, seqs=[s["seq"] for s in storylines])
        self._exec_many("INSERT INTO crossref (kind, id, payload, seq, unit) VALUES (?, ?, ?, ?, ?)",
                        [(ck, cid, json.dumps({k: v for k, v in p.items() if k != "_unit"}, ensure_ascii=False,
                                              default=str), seq, f"{kind}:{p['_unit']}")
                         for ck, cid, p, seq in rows])

    def x_storylines_of(self, event_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """event id -> the stored storyline it is a source of (id, type, date, place_id, participants)."""
        out: dict[int, dict[str, Any]] = {}
        for part in _chunks(sorted(set(event_ids))):
            for r in self._rows("SELECT ss.event_id, s.id, s.type, s.date, s.place_id, s.participants FROM "
                                "storyline_sources ss JOIN storylines s ON s.id = ss.storyline_id "
                                f"WHERE ss.event_id IN ({', '.join('?' * len(part))})", part):
                r = dict(r)
                if isinstance(r["participants"], str):
                    r["participants"] = json.loads(r["participants"])
                out[r.pop("event_id")] = r
        return out

    def x_storyline_groups(self, event_ids: Iterable[int]) -> dict[int, str]:
        """event id -> the id of the stored storyline it is a source of, for the events whose
        storyline has all its sources among ``event_ids``."""
        ids = set(event_ids)
        of: dict[int, str] = {}
        for part in _chunks(sorted(ids)):
            of.update((r["event_id"], r["storyline_id"]) for r in self._rows(
                f"SELECT event_id, storyline_id FROM storyline_sources WHERE event_id IN ({', '.join('?' * len(part))})", part))
        whole: set[str] = set()
        for part in _chunks(sorted(set(of.values()))):
            sizes: dict[str, int] = {}
            outside: set[str] = set()
            for r in self._rows(f"SELECT storyline_id, event_id FROM storyline_sources WHERE storyline_id IN "
                                f"({', '.join('?' * len(part))})", part):
                if r["event_id"] not in ids:
                    outside.add(r["storyline_id"])
                sizes[r["storyline_id"]] = sizes.get(r["storyline_id"], 0) + 1
            whole |= set(sizes) - outside
        return {e: s for e, s in of.items() if s in whole}

    def x_story_views(self, units: Iterable[int] | None = None, between: tuple[str, str] | None = None
                      ) -> list[dict[str, Any]]:
        """The stored storylines of these ``units``, or those whose days meet ``between`` (first
        and last ISO day), as the conflict finders read merged events: id, unit, type, plover,
        date, status, place, participants, ``background`` (every source is background) and
        ``sources`` (article id as a string, event index, evidence), in id order."""
        if units is not None:
            parts = [(f"s.unit IN ({', '.join('?' * len(part))})", part) for part in _chunks(sorted(set(units)))]
        else:
            parts = [("s.date_end >= ? AND s.date_start <= ?", list(between))] if between else []
        out: dict[str, dict[str, Any]] = {}
        for where, params in parts:
            for r in self._rows("SELECT s.id, s.unit, s.type, s.plover, s.date, s.status, s.place_id, s.participants, "
                                "e.article_id, e.idx, e.text, e.background FROM storylines s "
                                "JOIN storyline_sources ss ON ss.storyline_id = s.id JOIN events e ON e.id = ss.event_id "
                                f"WHERE {where} ORDER BY s.id, e.article_id, e.idx", params):
                story = out.get(r["id"])
                if story is None:
                    parts_ = r["participants"]
                    story = out[r["id"]] = {
                        "id": r["id"], "unit": r["unit"], "type": r["type"], "plover": r["plover"], "date": r["date"],
                        "status": r["status"], "place": r["place_id"], "place_id": r["place_id"],
                        "participants": json.loads(parts_) if isinstance(parts_, str) else (parts_ or []),
                        "background": True, "sources": []}
                story["sources"].append((str(r["article_id"]), r["idx"], r["text"]))
                story["background"] = story["background"] and bool(r["background"])
        return [out[k] for k in sorted(out)]

    def x_story_parties(self, between: tuple[str, str]) -> list[tuple[int | None, list]]:
        """(unit, participants) of the stored storylines whose days meet ``between`` (first and
        last ISO day) and that have a source: the storylines :meth:`x_story_views` gives for
        ``between``, without reading their sources."""
        out = []
        for r in self._rows("SELECT s.unit, s.participants FROM storylines s WHERE s.date_end >= ? AND "
                            "s.date_start <= ? AND EXISTS (SELECT 1 FROM storyline_sources ss JOIN events e "
                            "ON e.id = ss.event_id WHERE ss.storyline_id = s.id) ORDER BY s.id", list(between)):
            parts = r["participants"]
            out.append((r["unit"], json.loads(parts) if isinstance(parts, str) else (parts or [])))
        return out

    def x_story_days(self, units: Iterable[int]) -> list[tuple[str, str]]:
        """(first day, last day) of the dated storylines of these units."""
        out = []
        for part in _chunks(sorted(set(units))):
            out += [(r["date_start"], r["date_end"]) for r in self._rows(
                f"SELECT date_start, date_end FROM storylines WHERE unit IN ({', '.join('?' * len(part))}) "
                "AND date_start IS NOT NULL AND date_end IS NOT NULL", part)]
        return out

    def x_units_of(self, kind: str, record_ids: Iterable[int]) -> dict[int, int]:
        """record id -> its unit, for the covered records of ``kind`` among ``record_ids``."""
        out: dict[int, int] = {}
        for part in _chunks(sorted(set(record_ids))):
            out.update((r["record_id"], r["unit"]) for r in self._exec(
                f"SELECT record_id, unit FROM x_records WHERE kind = ? AND record_id IN ({', '.join('?' * len(part))})",
                [kind, *part]))
        return out

    def x_record_ids(self, table: str, where: str, params: Iterable[Any] = ()) -> list[int]:
        """Ids of the records of a record table matching a condition on its own columns."""
        if table not in schema.RECORD_TABLES:
            raise ValueError(f"not a record table: {table}")
        return [r["id"] for r in self._rows(f"SELECT id FROM {table} WHERE {where} ORDER BY id", list(params))]

    def x_units_of_articles(self, kind: str, article_ids: Iterable[int]) -> set[int]:
        """The units of ``kind`` holding a record of one of these articles."""
        out: set[int] = set()
        for part in _chunks(sorted(set(article_ids))):
            out |= {r["unit"] for r in self._exec(
                f"SELECT DISTINCT unit FROM x_records WHERE kind = ? AND article_id IN ({', '.join('?' * len(part))})",
                [kind, *part])}
        return out

    def x_forget_records(self, kind: str, record_ids: Iterable[int]) -> None:
        """Take these records of ``kind`` out of the state: their x_records rows, the keys filed
        for them or naming them (``kind.d`` / ``kind.a`` keys are record ids), their pairs."""
        self._drop_pair_caches()
        for part in _chunks(sorted(set(record_ids))):
            marks = ", ".join("?" * len(part))
            self._exec(f"DELETE FROM x_records WHERE kind = ? AND record_id IN ({marks})", [kind, *part])
            self._exec(f"DELETE FROM x_key_records WHERE record_id IN ({marks}) AND key_id IN "
                       "(SELECT id FROM x_key_ids WHERE kind IN (?, ?, ?, ?, ?))",
                       [*part, f"{kind}.i", f"{kind}.p", f"{kind}.d", f"{kind}.a", f"{kind}.n"])
            for key_kind in (f"{kind}.d", f"{kind}.a"):
                self.x_delete_keys(key_kind, (str(r) for r in part))
            self._exec(f"DELETE FROM x_pairs WHERE kind = ? AND (a IN ({marks}) OR b IN ({marks}))", [kind, *part, *part])

    def x_forget_articles(self, article_ids: Iterable[int]) -> None:
        """These articles are no longer covered (the next update covers them again)."""
        for part in _chunks(sorted(set(article_ids))):
            self._exec(f"DELETE FROM x_articles WHERE article_id IN ({', '.join('?' * len(part))})", part)

    def x_prune_affiliations(self) -> None:
        """Drop the (actor, organisation) counts no covered article says any more."""
        self._exec("DELETE FROM x_affiliations WHERE n <= 0")

    def x_replace_tagged(self, tags: Iterable[str], rows: list[tuple[str, str, dict, int, str]]) -> None:
        """Drop the crossref rows of these unit tags, store ``rows`` (kind, id, payload, seq, tag)."""
        for part in _chunks(sorted(set(tags))):
            self._exec(f"DELETE FROM crossref WHERE unit IN ({', '.join('?' * len(part))})", part)
        self._exec_many("INSERT INTO crossref (kind, id, payload, seq, unit) VALUES (?, ?, ?, ?, ?)",
                        [(ck, cid, json.dumps(p, ensure_ascii=False, default=str), seq, tag)
                         for ck, cid, p, seq, tag in rows])

    def x_counts(self) -> dict[str, int]:
        """How many storylines and cross-article results of each kind are stored."""
        out = {"storylines": self._scalar("SELECT count(*) FROM storylines")}
        for kind in ("quote_groups", "disputes", "conflicts", "positions"):
            out[kind] = self._scalar("SELECT count(*) FROM crossref WHERE kind = ?", (kind,))
        return out

    def storyline_ids_taken(self, ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(sorted(set(ids))):
            out |= {r["id"] for r in self._rows(f"SELECT id FROM storylines WHERE id IN ({', '.join('?' * len(part))})",
                                                part)}
        return out


class _PairCache:
    """The stored pairs of one kind for :meth:`CrossStateMixin.x_pairs_cached`: columns a, b
    (a < b), score, apart as arrays in (a, b) order, each pair once, with the order of b; and
    the records whose every stored pair is among them (``complete``)."""

    def __init__(self, read: Callable[[list[int]], list[tuple[int, int, float, bool]]]) -> None:
        self.read = read
        self.complete: set[int] = set()
        self.pending: list[tuple[int, int, float, bool]] = []
        self.a = self.b = self.by_b = self.b_sorted = np.zeros(0, dtype=np.int64)
        self.score = np.zeros(0, dtype=np.float64)
        self.apart = np.zeros(0, dtype=bool)

    def _settle(self) -> None:
        """The pending rows merged in (of two rows of one pair, the later is kept)."""
        rows, self.pending = self.pending, []
        block = np.array(rows, dtype=np.float64).reshape(len(rows), 4)  # ids stay exact below 2**53
        a = np.concatenate((self.a, block[:, 0].astype(np.int64)))
        b = np.concatenate((self.b, block[:, 1].astype(np.int64)))
        score = np.concatenate((self.score, block[:, 2]))
        apart = np.concatenate((self.apart, block[:, 3] != 0))
        order = np.lexsort((b, a))  # stable: the later of two rows of one pair stays last
        a, b, score, apart = a[order], b[order], score[order], apart[order]
        last = np.append((a[1:] != a[:-1]) | (b[1:] != b[:-1]), True)
        self.a, self.b, self.score, self.apart = a[last], b[last], score[last], apart[last]
        self.by_b = np.argsort(self.b, kind="stable")
        self.b_sorted = self.b[self.by_b]

    def load(self, ids: Iterable[int]) -> None:
        """Read the stored pairs of the records not read yet."""
        missing = sorted(set(ids) - self.complete)
        if missing:
            self.pending += self.read(missing)
            self.complete.update(missing)

    def add(self, rows: list[tuple[int, int, float, bool]]) -> None:
        """Pairs the update stores (a < b)."""
        self.pending += rows

    @staticmethod
    def _rows(column: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        """Positions in the sorted ``column`` of the values ``wanted`` (sorted)."""
        lo, hi = np.searchsorted(column, wanted, "left"), np.searchsorted(column, wanted, "right")
        n = hi - lo
        if not n.any():
            return np.zeros(0, dtype=np.int64)
        return np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n) + np.repeat(lo, n)

    def pairs(self, ids: set[int], both: bool) -> list[tuple[int, int, float, bool]]:
        """The pairs with both ends (``both``) or at least one end among ``ids``, in (a, b) order."""
        self.load(ids)
        if self.pending:
            self._settle()
        if not ids or not len(self.a):
            return []
        wanted = np.unique(np.fromiter(ids, dtype=np.int64, count=len(ids)))
        keep = self._rows(self.a, wanted)
        if both:
            keep = keep[np.isin(self.b[keep], wanted)]
        else:
            mark = np.zeros(len(self.a), dtype=bool)
            mark[keep] = True
            mark[self.by_b[self._rows(self.b_sorted, wanted)]] = True
            keep = np.flatnonzero(mark)
        return list(zip(self.a[keep].tolist(), self.b[keep].tolist(), self.score[keep].tolist(),
                        self.apart[keep].tolist()))
