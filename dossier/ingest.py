"""Ingest: read inputs, skip duplicates, run the pipeline, store, link near-duplicates.

Streaming: articles are read, processed in small batches and committed one transaction per
article, so a killed ingest leaves a consistent database and a re-run completes it. Several
ingests may write one PostgreSQL database at once: an article another process stored meanwhile
counts as a duplicate, and the cross-article rebuild at the end runs once at a time (skipped
when another process's rebuild already covers every stored article).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dossier.config import Settings
from dossier.errors import AlreadyStored, DossierError, InputError
from dossier.models import Article

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    stored: list[int] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.skipped)

    def to_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
            "stored": self.stored,
        }


def ingest(inputs: Iterable[str], settings: Settings, manifest: str | None = None,
           progress: Callable[[str], None] | None = None, rebuild: bool = True) -> IngestSummary:
    from dossier.dedup import NearDuplicateIndex, signature
    from dossier.pipeline import cached_nlp, process_many
    from dossier.read import iter_articles
    from dossier.store import open_store

    summary = IngestSummary()
    store = open_store(settings)
    try:
        index = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
        for key, sig in store.signatures():
            index.add(key, sig)
        seen: set[str] = set()

        def fresh_articles():
            for item in iter_articles(list(inputs), settings, manifest=manifest):
                if isinstance(item, InputError):
                    summary.skipped.append((item.source, item.reason))
                    if progress:
                        progress(f"skipped {item.source}: {item.reason}")
                    continue
                summary.read += 1
                h = item.content_hash
                if h in seen or store.article_id_for_hash(h) is not None:
                    summary.duplicates += 1
                    if progress:
                        progress(f"duplicate {item.source}")
                    continue
                seen.add(h)
                yield item

        articles = fresh_articles()
        first = next(articles, None)
        if first is not None:
            def chained():
                yield first
                yield from articles

            if settings.n_process > 1:
                from dossier.parallel import process_parallel

                stream = process_parallel(chained(), settings, workers=settings.n_process)
            else:
                stream = process_many(chained(), cached_nlp(settings), batch_size=settings.batch_size)
            for records in stream:
                sig = signature(records.clean_text)
                near = index.query(sig)
                near_id, sim = (near[0] if near else (None, None))
                try:
                    article_id = store.add_article(records, signature=sig, near_duplicate_of=near_id,
                                                   similarity=sim)
                except AlreadyStored:  # stored by another process since it was read
                    summary.duplicates += 1
                    if progress:
                        progress(f"duplicate {records.article.source}")
                    continue
                except DossierError as exc:
                    summary.skipped.append((records.article.source, str(exc)))
                    continue
                index.add(article_id, sig)
                summary.new += 1
                summary.stored.append(article_id)
                if near_id is not None:
                    summary.near_duplicates += 1
                if progress:
                    progress(f"stored {records.article.source} as #{article_id}")
        if rebuild and summary.new:
            from dossier.crossref import rebuild_cross_article

            with store.cross_article_update():
                if not store.cross_article_current():
                    rebuild_cross_article(store)
    finally:
        store.close()
    return summary


def article_from_text(text: str, **meta) -> Article:
    """Convenience for library users: an Article from a string."""
    return Article(raw_text=text, **meta)
