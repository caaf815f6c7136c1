"""Ingest: read inputs, skip duplicates, run the pipeline, store, link near-duplicates.

Streaming: articles are read, processed in small batches and committed one transaction per
article, so a killed ingest leaves a consistent database and a re-run completes it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossier.config import Settings
from dossier.errors import DossierError, InputError
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
    learned_file = None
    try:
        settings, learned_file = _with_learned_roles(settings, store)
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

            rebuild_cross_article(store)
    finally:
        store.close()
        if learned_file is not None:
            Path(learned_file).unlink(missing_ok=True)
    return summary


def _with_learned_roles(settings: Settings, store) -> tuple[Settings, str | None]:
    """Settings whose KB also holds the roles learned from the articles already stored (a
    temporary ``dossier-kb-learned/1`` file), so a role stated in an earlier article resolves the
    descriptions of later ones."""
    import dataclasses
    import tempfile

    import yaml

    from dossier.entities.roles import learned_kb_data

    try:
        facts = [dataclasses.asdict(f) for _, f in store.records("roles")]
    except Exception:  # noqa: BLE001 - a store without the table (older build) has nothing learned
        return settings, None
    if not facts:
        return settings, None
    data = learned_kb_data(facts)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix="dossier-learned-", delete=False,
                                     encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
    return settings.with_(kb_files=tuple(settings.kb_files) + (fh.name,)), fh.name


def article_from_text(text: str, **meta) -> Article:
    """Convenience for library users: an Article from a string."""
    return Article(raw_text=text, **meta)
