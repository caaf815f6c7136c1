"""Benchmark corpora: real articles read from a folder, and a larger corpus made from them.

``read_corpus(folder)`` reads every article the ingest would read (text, HTML, JSON...).
``replicate(articles, n)`` makes ``n`` articles by cycling through them, each copy with a
distinct closing line of its own (so no two are exact duplicates and every one is processed),
the way a worker benchmark needs a few hundred real-length articles from a few dozen.
"""
from __future__ import annotations

import dataclasses
import itertools

from dossier.config import Settings
from dossier.errors import DossierError
from dossier.models import Article


def read_corpus(folder: str, settings: Settings | None = None) -> list[Article]:
    from dossier.read import iter_articles

    articles = [a for a in iter_articles([folder], settings or Settings()) if isinstance(a, Article)]
    if not articles:
        raise DossierError(f"{folder}: no article to benchmark")
    return articles


def replicate(articles: list[Article], n: int) -> list[Article]:
    out = []
    for i, a in zip(range(n), itertools.cycle(articles)):
        text = a.raw_text.rstrip() + f"\n\nNote de la rédaction : exemplaire de mesure numéro {i + 1}.\n"
        out.append(dataclasses.replace(a, raw_text=text, source=f"{a.source}#{i + 1}"))
    return out
