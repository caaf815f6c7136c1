"""The storage interface. Every backend implements these methods; nothing else touches SQL."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.models import ArticleFailure, ArticleRecords


class Store(ABC):
    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, records: ArticleRecords, signature: bytes | None = None,
                    near_duplicate_of: int | None = None, similarity: float | None = None) -> int:
        """Store one article and all its records in one transaction; returns the article id.

        In that same transaction: bump the article generation (``schema.GENERATION``, so the
        cross-article tables are known to be stale until rebuilt) and delete the article's row
        from ``failed_articles`` if it had one. Raises :class:`~dossier.errors.DuplicateArticle`
        when its content hash is already stored (e.g. by a concurrent ingest),
        :class:`~dossier.errors.StoreError` when the database cannot be written."""

    def add_many(self, items: Iterable[ArticleRecords]) -> int:
        n = 0
        for records in items:
            self.add_article(records)
            n += 1
        return n

    def link_near_duplicate(self, article_id: int, near_duplicate_of: int, similarity: float) -> None:
        """Record that a stored article is a near-duplicate of an earlier one (when the article
        was stored by a worker that had no near-duplicate index: ``dossier.parallel``)."""
        from dossier.errors import StoreError

        raise StoreError(f"{type(self).__name__} cannot link near-duplicates")

    @abstractmethod
    def replace_storylines(self, storylines: list[dict[str, Any]], crossref: dict[str, list[dict]] | None = None,
                           generation: int | None = None) -> None:
        """Replace the cross-article tables (storylines, quote groups, disputes, conflicts) and, in
        the same transaction, record ``generation`` (what :meth:`article_generation` said when the
        rebuild started; default: the current one) as the generation they were built from."""

    # -- resumable cross-article rebuild -----------------------------------------------------
    @abstractmethod
    def article_generation(self) -> int:
        """A counter bumped with every stored article (0 for a database that never had one)."""

    @abstractmethod
    def last_stored_at(self) -> str | None:
        """UTC ISO time (``schema.STORED_AT``) at which the last article was stored, or None."""

    @abstractmethod
    def needs_rebuild(self) -> bool:
        """True when articles were stored after the last completed cross-article rebuild (a
        rebuild was interrupted, or never ran on a database written before generations)."""

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
    def article_id_for_hash(self, content_hash: str) -> int | None: ...

    @abstractmethod
    def signatures(self) -> Iterator[tuple[int, bytes]]: ...

    @abstractmethod
    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    @abstractmethod
    def article(self, article_id: int) -> dict[str, Any]: ...

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...
