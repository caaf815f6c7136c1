"""Exact duplicates: the same text (whitespace-insensitive) has the same ``Article.content_hash``."""
from __future__ import annotations

from collections.abc import Iterable

from dossier.models import Article


def exact_groups(articles: Iterable[tuple[str, Article]]) -> list[list[str]]:
    """Keys of articles sharing a content hash (groups of two or more, in input order)."""
    by_hash: dict[str, list[str]] = {}
    for key, article in articles:
        by_hash.setdefault(article.content_hash, []).append(key)
    return [keys for keys in by_hash.values() if len(keys) > 1]
