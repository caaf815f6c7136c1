"""Cross-article results recomputed from the store after each ingest: storyline events,
quote groups, disputes, conflicts and positions.

The rebuild is resumable and safe with concurrent writers: it runs inside
``store.cross_article_update()`` (one rebuild at a time, its reads from one snapshot, its
results replacing the old ones at once) and stores with them the fingerprint of the articles it
read. While the stored articles have another fingerprint (a rebuild was killed, or articles were
stored since) ``store.cross_article_current()`` is false, and the next ingest, reading command or
``dossier rebuild`` runs it again.

Article keys passed to the cross-article functions are the stored article ids (as strings), so
every source they return can be cited as ``dossier show ID:SENTENCE``.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any

from dossier.claims import positions_matrix
from dossier.claims.conflicts import find_conflicts
from dossier.claims.disputes import find_disputes
from dossier.events.merge import merge_events
from dossier.models import ArticleRecords
from dossier.quotes.group import group_quotes

log = logging.getLogger(__name__)

_CONTENT_KEY = re.compile(r"\b[0-9a-f]{64}\b")  # an article's content hash (sha256)


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
            for r in store.record_refs(table)}


def _to_ids(obj: Any, article_id: dict[str, str]) -> Any:
    """``obj`` with every article content key (alone or inside a text) replaced by the article id."""
    if isinstance(obj, str):
        return article_id.get(obj) or _CONTENT_KEY.sub(lambda m: article_id.get(m[0], m[0]), obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_ids(x, article_id) for x in obj)
    if isinstance(obj, dict):
        return {k: _to_ids(v, article_id) for k, v in obj.items()}
    return obj


def storylines(store) -> list[dict[str, Any]]:
    row_id = {(r["article_id"], r["idx"]): r["id"] for r in store.record_refs("events")}
    # The merge runs on content keys (article content hashes), not ids: its canonical order, tie
    # breaks and storyline ids then do not depend on which article was stored first (concurrent
    # writers). Keys are turned back into article ids in what it returns.
    articles = store.article_index()
    key = {r["id"]: r["content_hash"] for r in articles}
    article_id = {k: str(i) for i, k in key.items()}
    published = {key[r["id"]]: r["published"] for r in articles}
    items = [(key[aid], ev) for aid, ev in store.records("events")]
    out: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for story in merge_events(items, published=published):
        d = _to_ids(_plain(story), article_id)
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
    for row in store.article_index():
        art = Article(raw_text="", source=row["source"], url=row["url"], outlet=row["outlet"],
                      title=row["title"], published=row["published"],
                      published_precision=row["published_precision"] or "unknown")
        recs = by_article.get(row["id"], {})
        out.append((str(row["id"]), ArticleRecords(article=art, clean_text="", boilerplate=[], **recs)))
    return out


def update_cross_article(store) -> dict[str, int] | None:
    """Rebuild the cross-article tables unless they already cover every stored article (e.g.
    another process's rebuild covered ours meanwhile): the counts, or None when current."""
    if store.cross_article_current():
        return None
    with store.cross_article_update():
        if store.cross_article_current():  # another process finished a rebuild while we waited
            return None
        return rebuild_cross_article(store)


def rebuild_cross_article(store) -> dict[str, int]:
    """Recompute every cross-article table from the stored records (idempotent)."""
    with store.cross_article_update():
        return _rebuild(store)


def _rebuild(store) -> dict[str, int]:
    fingerprint = store.articles_fingerprint()  # the articles this rebuild reads (one snapshot)
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

    store.replace_storylines(stories, crossref, fingerprint=fingerprint)
    return counts
