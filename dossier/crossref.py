"""Cross-article results recomputed from the store after each ingest: storyline events,
quote groups, disputes, conflicts and positions.

The rebuild is resumable: every stored article bumps the store's article generation in its own
transaction, and the results are written with the generation the rebuild started from. When
they differ (a rebuild was killed, or articles were stored meanwhile) ``store.needs_rebuild()``
is true, and the next ingest, reader command or ``dossier rebuild`` runs it again.

Article keys passed to the cross-article functions are the stored article ids (as strings), so
every source they return can be cited as ``dossier show ID:SENTENCE``.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

from dossier.claims import positions_matrix
from dossier.claims.conflicts import find_conflicts
from dossier.claims.disputes import find_disputes
from dossier.events.merge import merge_events
from dossier.models import ArticleRecords
from dossier.quotes.group import group_quotes

log = logging.getLogger(__name__)


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return dataclasses.asdict(obj)
    return obj


def _cite(payload: Any, sentences: dict[tuple[int, int], int | None]) -> Any:
    """Add ``article_id`` and ``sentence`` to every nested item that names (key, index), so
    each piece of evidence can be cited as ``dossier show ID:SENTENCE``."""
    if isinstance(payload, list):
        return [_cite(x, sentences) for x in payload]
    if isinstance(payload, dict):
        out = {k: _cite(v, sentences) for k, v in payload.items()}
        key, index = out.get("key"), out.get("index")
        if isinstance(key, str) and key.isdigit() and isinstance(index, int):
            out["article_id"] = int(key)
            out["sentence"] = sentences.get((int(key), index))
        return out
    return payload


def _sentence_index(store, table: str) -> dict[tuple[int, int], int | None]:
    return {(r["article_id"], r["idx"]): r["sentence"]
            for r in store._rows(f"SELECT article_id, idx, sentence FROM {table}")}


def storylines(store) -> list[dict[str, Any]]:
    row_id = {(r["article_id"], r["idx"]): r["id"]
              for r in store._rows("SELECT id, article_id, idx FROM events")}
    published = {str(r["id"]): r["published"] for r in store._rows("SELECT id, published FROM articles")}
    items = [(str(aid), ev) for aid, ev in store.records("events")]
    out: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for story in merge_events(items, published=published):
        d = _plain(story)
        sid = d["id"]
        n = 2
        while sid in seen_ids:  # two storylines from one evidence offset: keep both, distinct ids
            sid = f"{d['id']}-{n}"
            n += 1
        seen_ids.add(sid)
        d["id"] = sid
        d["event_ids"] = [row_id[(int(src[0]), src[1])] for src in d.get("sources", [])
                          if (int(src[0]), src[1]) in row_id]
        d["n_articles"] = len({src[0] for src in d.get("sources", [])})
        d["place_id"] = d.get("place")
        out.append(d)
    return out


def _article_records(store) -> list[tuple[str, ArticleRecords]]:
    """Stored articles rebuilt as ArticleRecords (for functions that need whole articles)."""
    from dossier.models import Article

    by_article: dict[int, dict[str, list]] = {}
    for table in ("mentions", "quotes", "events", "claims", "attributes", "positions"):
        for aid, rec in store.records(table):
            by_article.setdefault(aid, {}).setdefault(table, []).append(rec)
    out = []
    for row in store._rows("SELECT id, source, url, outlet, title, published, published_precision FROM articles"):
        art = Article(raw_text="", source=row["source"], url=row["url"], outlet=row["outlet"],
                      title=row["title"], published=row["published"],
                      published_precision=row["published_precision"] or "unknown")
        recs = by_article.get(row["id"], {})
        out.append((str(row["id"]), ArticleRecords(article=art, clean_text="", boilerplate=[], **recs)))
    return out


def rebuild_cross_article(store) -> dict[str, int]:
    """Recompute every cross-article table from the stored records (idempotent)."""
    generation = store.article_generation()  # what this rebuild is computed from
    counts: dict[str, int] = {}
    crossref: dict[str, list[dict]] = {}
    stories = storylines(store)
    counts["storylines"] = len(stories)

    quotes = [(str(aid), q) for aid, q in store.records("quotes")]
    groups = [g for g in group_quotes(quotes) if len(g) > 1]
    crossref["quote_groups"] = [
        {"id": i, "members": [{"article_id": int(quotes[j][0]), "sentence": quotes[j][1].sentence,
                               "text": quotes[j][1].text, "speaker_id": quotes[j][1].speaker_id}
                              for j in g]}
        for i, g in enumerate(groups)]
    counts["quote_groups"] = len(groups)

    claims = [(str(aid), c) for aid, c in store.records("claims")]
    cites = _sentence_index(store, "claims")
    crossref["disputes"] = [{"id": i, **_cite(_plain(d), cites)} for i, d in enumerate(find_disputes(claims))]
    counts["disputes"] = len(crossref["disputes"])

    found = find_conflicts(_article_records(store))
    crossref["conflicts"] = [{"id": i, **_plain(c)} for i, c in enumerate(found)]
    counts["conflicts"] = len(found)

    items = [(str(aid), p) for aid, p in store.records("positions")]
    matrix = _cite(_plain(positions_matrix(items)), _sentence_index(store, "positions"))
    rows = []
    for actor, issues in (matrix or {}).items():
        for issue, cell in issues.items():
            cell = _plain(cell)
            rows.append({"id": f"{actor}|{issue}", "actor_id": actor, "issue": issue,
                         **(cell if isinstance(cell, dict) else {"stance": cell})})
    crossref["positions"] = rows
    counts["positions"] = len(rows)

    store.replace_storylines(stories, crossref, generation=generation)
    return counts
