"""Storage behind one small interface. SQLite by default; the rest of the code asks for records.

``open_store(settings)`` returns a :class:`~dossier.store.sqlite.SQLiteStore`. A
``postgresql://`` URL in ``settings.db`` selects PostgreSQL, which is not implemented yet: the
interface (``dossier.store.base.Store``) is what a PostgreSQL backend has to provide.
"""
from __future__ import annotations

from dossier.config import Settings
from dossier.errors import StoreError
from dossier.store.base import Store


def open_store(settings: Settings | None = None, readonly: bool = False) -> Store:
    settings = settings or Settings()
    if settings.db.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            "PostgreSQL storage is not implemented yet: use a SQLite path for --db / DOSSIER_DB"
        )
    from dossier.store.sqlite import SQLiteStore

    return SQLiteStore(settings.db, readonly=readonly)


__all__ = ["Store", "open_store"]
