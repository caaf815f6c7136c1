"""Predictions read from a dossier database (``dossier eval --db``): what users stored is what
gets measured, with no pipeline run.

A gold article is the stored article whose source file name equals the gold key (or its last
path part), else whose url equals the gold's ``url``, else whose title equals the gold's
``title`` (normalised); the first stored one (lowest id) wins when several match. Storylines
come from the stored storylines, conflicts from the stored conflicts and disputes; their
article ids are translated to gold keys.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.config import Settings
from dossier.eval.gold import Gold
from dossier.eval.matching import norm
from dossier.models import ArticleRecords


def match_articles(gold: Gold, rows: list[dict[str, Any]]) -> dict[str, tuple[int, str]]:
    """Gold key -> (stored article id, how it was matched: source | url | title)."""
    rows = sorted(rows, key=lambda r: r["id"])
    by_name: dict[str, int] = {}
    by_url: dict[str, int] = {}
    by_title: dict[str, int] = {}
    for r in rows:
        if r.get("source"):
            by_name.setdefault(Path(r["source"]).name, r["id"])
        if r.get("url"):
            by_url.setdefault(r["url"].strip(), r["id"])
            by_name.setdefault(r["url"].rstrip("/").rsplit("/", 1)[-1], r["id"])
        if r.get("title"):
            by_title.setdefault(norm(r["title"]), r["id"])
    out: dict[str, tuple[int, str]] = {}
    for key, art in gold.articles.items():
        if key in by_name or Path(key).name in by_name:
            out[key] = (by_name.get(key) or by_name[Path(key).name], "source")
        elif art.get("url") and art["url"].strip() in by_url:
            out[key] = (by_url[art["url"].strip()], "url")
        elif art.get("title") and norm(art["title"]) in by_title:
            out[key] = (by_title[norm(art["title"])], "title")
    return out


_KEY_FIELDS = ("key",)


def _rekey(payload: Any, keys: dict[str, str]) -> Any:
    """Replace stored article ids by gold keys where a cross-article payload names an article:
    ``articles`` lists, ``key`` fields and the first element of ``sources`` entries."""
    if isinstance(payload, list):
        return [_rekey(x, keys) for x in payload]
    if not isinstance(payload, dict):
        return payload
    out = {}
    for name, value in payload.items():
        if name == "articles" and isinstance(value, list):
            out[name] = [keys.get(str(v), str(v)) for v in value]
        elif name in _KEY_FIELDS and isinstance(value, (str, int)) and not isinstance(value, bool):
            out[name] = keys.get(str(value), value)
        elif name == "sources" and isinstance(value, list):
            out[name] = [[keys.get(str(s[0]), s[0]), *s[1:]] if isinstance(s, (list, tuple)) and s else _rekey(s, keys)
                         for s in value]
        else:
            out[name] = _rekey(value, keys)
    return out


def stored_predictions(gold: Gold, settings: Settings) -> dict[str, Any]:
    """``{"preds": {key: ArticleRecords}, "storylines": [...], "conflicts": [...],
    "matched": {key: how}, "missing": [key], "stored": n}`` from ``settings.db`` (read only)."""
    from dossier.store import open_store

    with open_store(settings, readonly=True) as store, store.snapshot():  # one state, even with an ingest running
        rows = store.articles(limit=1_000_000)
        matched = match_articles(gold, rows)
        preds: dict[str, ArticleRecords] = {key: store.article_records(aid) for key, (aid, _) in matched.items()}
        keys = {str(aid): key for key, (aid, _) in matched.items()}
        storylines = [_rekey(s, keys) for s in store.storyline_sources()]
        conflicts = [_rekey(c, keys) for kind in ("conflicts", "disputes") for c in store.crossref(kind)]
    return {"preds": preds, "storylines": storylines, "conflicts": conflicts,
            "matched": {k: how for k, (_, how) in matched.items()},
            "missing": [k for k in gold.articles if k not in matched], "stored": len(rows)}
