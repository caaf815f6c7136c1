"""Storing one article's records: its MinHash signature, an optional near-duplicate link, one
``add_article`` transaction, and what happened as a small value.

Used by ingest in the client process (records computed here or sent back by workers) and by
Dask workers that write to a shared PostgreSQL database themselves (``dossier.parallel``). In
the second case the near-duplicate index lives in the client: a worker returns the article id
and signature (:class:`Stored`) and the client links the near-duplicate afterwards
(``Store.link_near_duplicate``), in input order, so the links are those of a serial run.
"""
from __future__ import annotations

from dataclasses import dataclass

from dossier.errors import AlreadyStored, DossierError
from dossier.models import ArticleFailure, ArticleRecords


@dataclass(frozen=True)
class Stored:
    """An article stored: its id, signature and, when the writer had the index, its
    near-duplicate (id, similarity)."""

    source: str
    article_id: int
    signature: bytes
    near: tuple[int, float] | None = None
    linked: bool = False  # the near-duplicate link was written with the article


@dataclass(frozen=True)
class NotStored:
    """An article not stored: already there (``duplicate``) or the database refused it."""

    source: str
    reason: str
    duplicate: bool = False


Written = Stored | NotStored | ArticleFailure


def write_records(store, records: ArticleRecords, index=None) -> Written:
    """Store ``records`` in one transaction. With ``index`` (a ``NearDuplicateIndex``) the
    near-duplicate link is written with the article; without it the caller links it later.

    Per-article isolation: a signature or a record the store cannot write becomes an
    ArticleFailure ("dedup" / "store"); a duplicate or a database that refuses writes (locked,
    full, read-only) a NotStored."""
    from dossier.dedup import signature

    article = records.article
    source = article.source or "<text>"
    try:
        sig = signature(records.clean_text)
        near = index.query(sig) if index is not None else []
    except Exception as exc:  # noqa: BLE001  (per-article isolation: the article is kept as failed)
        return ArticleFailure.from_exception(article, "dedup", exc, records.pipeline_version)
    near_id, sim = (near[0] if near else (None, None))
    try:
        article_id = store.add_article(records, signature=sig, near_duplicate_of=near_id, similarity=sim)
    except AlreadyStored:  # stored meanwhile by a concurrent ingest
        return NotStored(source, "duplicate", duplicate=True)
    except DossierError as exc:  # the database cannot take it (locked, full, read-only)
        return NotStored(source, str(exc))
    except Exception as exc:  # noqa: BLE001  (per-article isolation: a record the store cannot write)
        return ArticleFailure.from_exception(article, "store", exc, records.pipeline_version)
    return Stored(source, article_id, sig, (near_id, sim) if near_id is not None else None,
                  linked=index is not None)
