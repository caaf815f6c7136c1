"""The storage interface. Every backend implements these methods; nothing else touches SQL."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.models import ArticleRecords


class Store(ABC):
    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, records: ArticleRecords, signature: bytes | None = None,
                    near_duplicate_of: int | None = None, similarity: float | None = None) -> int:
        """Store one article and all its records in one transaction; returns the article id."""

    def add_many(self, items: Iterable[ArticleRecords]) -> int:
        n = 0
        for records in items:
            self.add_article(records)
            n += 1
        return n

    @abstractmethod
    def replace_storylines(self, storylines: list[dict[str, Any]]) -> None:
        """Replace the cross-article tables (storylines, quote groups, disputes, conflicts)."""

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
