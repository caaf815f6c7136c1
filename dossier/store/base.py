"""The storage interface. Every backend implements these methods; nothing else touches SQL.

Both SQL backends get their implementation from ``dossier.store.sql.SQLStore`` (plus the read
mixins in ``queries.py`` and ``views.py``); a method added there works on SQLite and PostgreSQL.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from dossier.models import ArticleFailure, ArticleRecords


class Store(ABC):
    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, records: ArticleRecords, signature: bytes | None = None,
                    near_duplicate_of: int | None = None, similarity: float | None = None) -> int:
        """Store one article and all its records in one transaction; returns the article id.

        In that same transaction it deletes the article's row from ``failed_articles``, if any.
        Raises ``AlreadyStored`` when its content is stored already (even by another process
        meanwhile), ``StoreError`` when the database cannot be written."""

    def add_many(self, items: Iterable[ArticleRecords]) -> int:
        n = 0
        for records in items:
            self.add_article(records)
            n += 1
        return n

    @abstractmethod
    def link_near_duplicate(self, article_id: int, near_duplicate_of: int, similarity: float) -> None:
        """Record that a stored article is a near-duplicate of an earlier one (when the article
        was stored by a worker that had no near-duplicate index: ``dossier.parallel``)."""

    @abstractmethod
    def replace_records(self, article_id: int, records: ArticleRecords) -> None:
        """Replace a stored article's records and its publication date (fields and ``extra``)
        by those of ``records``, the same text processed again (an article the cross-article
        merge dated: :mod:`dossier.timex.crossdate`); its text and identity stay."""

    @abstractmethod
    def set_article_extra(self, article_id: int, extra: dict[str, Any]) -> None:
        """Replace a stored article's ``extra``."""

    def size_bytes(self) -> int:
        """What the store takes on disk (benchmarks)."""
        raise NotImplementedError

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load)."""

    @abstractmethod
    def replace_storylines(self, storylines: list[dict[str, Any]],
                           crossref: dict[str, list[dict]] | None = None,
                           fingerprint: str | None = None) -> None:
        """Replace the cross-article tables (storylines, quote groups, disputes, conflicts)
        in one transaction, and record ``fingerprint`` (what :meth:`articles_fingerprint` said
        when the rebuild read the articles; default: the current one) as the articles they were
        built from."""

    # -- is the cross-article state stale? ---------------------------------------------------
    @abstractmethod
    def cross_article_update(self) -> AbstractContextManager[None]:
        """A block in which to rebuild the cross-article tables: one rebuild at a time across
        processes, reading one snapshot, its result visible at once when the block ends."""

    @abstractmethod
    def articles_fingerprint(self) -> str:
        """What the stored articles are, read from the articles themselves (their count and
        highest id: articles are never deleted), so concurrent writers need not update a shared
        counter."""

    @abstractmethod
    def cross_article_current(self) -> bool:
        """Whether the cross-article tables were built from every stored article (an empty
        database is current). False after an interrupted rebuild, or while articles are being
        stored, or on a database written before fingerprints were recorded."""

    @abstractmethod
    def last_stored_at(self) -> str | None:
        """UTC ISO time (``2025-12-02T17:00:00+00:00``) at which the most recent article was
        stored, or None."""

    # -- failed articles -------------------------------------------------------------------
    @abstractmethod
    def add_failure(self, failure: ArticleFailure) -> None:
        """Record an article whose processing raised (one row per content hash: a new failure
        of the same article replaces the reason and the pipeline version, and counts one more
        attempt)."""

    @abstractmethod
    def failures(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Failed articles for display, oldest first: id, source, title, component, error,
        pipeline_version, attempts, failed_at, content_hash (no text)."""

    @abstractmethod
    def failed_articles(self) -> list[ArticleFailure]:
        """Every failed article, rebuilt (text and metadata) so that it can be processed again."""

    @abstractmethod
    def remove_failure(self, content_hash: str) -> None:
        """Forget a failed article (it was stored since, e.g. by another route)."""

    # -- reading ---------------------------------------------------------------------------
    @abstractmethod
    def snapshot(self) -> AbstractContextManager[None]:
        """A block whose reads all see one consistent state of the database."""

    @abstractmethod
    def article_id_for_hash(self, content_hash: str) -> int | None: ...

    @abstractmethod
    def signatures(self) -> Iterator[tuple[int, bytes]]: ...

    @abstractmethod
    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    @abstractmethod
    def article(self, article_id: int) -> dict[str, Any]: ...

    @abstractmethod
    def article_index(self) -> list[dict[str, Any]]:
        """Every article's metadata (no text), by id."""

    @abstractmethod
    def article_dating(self, article_ids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
        """(published_basis, published_precision) of some articles, by id."""

    @abstractmethod
    def records(self, table: str, article_id: int | None = None) -> list[tuple[int, Any]]:
        """(article_id, record dataclass) pairs of one record table."""

    @abstractmethod
    def record_refs(self, table: str) -> list[dict[str, Any]]:
        """id, article_id, idx and sentence of every row of one record table."""

    @abstractmethod
    def article_records(self, article_id: int) -> ArticleRecords:
        """A stored article rebuilt as the ArticleRecords the pipeline produced for it (records,
        sentences and the entities they name): what ``dossier eval --db`` scores."""

    @abstractmethod
    def storyline_sources(self, article_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
        """Every stored storyline (with ``article_ids``: those merging an event of one of these
        articles), in the merge's order, with ``sources``: (article id as a string, event index
        in its article, evidence) of each event merged into it."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...
