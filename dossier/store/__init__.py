"""Storage behind one small interface. SQLite by default; the rest of the code asks for records.

``open_store(settings)`` returns a :class:`~dossier.store.sqlite.SQLiteStore` for a file path,
or a :class:`~dossier.store.postgres.PostgresStore` for a ``postgresql://`` (``postgres://``) URL
in ``settings.db`` (``--db`` / ``DOSSIER_DB``). Both implement ``dossier.store.base.Store`` with
the same SQL (``dossier.store.sql``); their differences live in ``dossier.store.dialect``.
"""
from __future__ import annotations

from dossier.config import Settings
from dossier.store.base import Store


def is_postgres_url(db: str) -> bool:
    from dossier.store.postgres import URL_PREFIXES

    return db.startswith(URL_PREFIXES)


def open_store(settings: Settings | None = None, readonly: bool = False) -> Store:
    settings = settings or Settings()
    if is_postgres_url(settings.db):
        from dossier.store.postgres import PostgresStore

        return PostgresStore(settings.db, readonly=readonly)
    from dossier.store.sqlite import SQLiteStore

    return SQLiteStore(settings.db, readonly=readonly)


__all__ = ["Store", "is_postgres_url", "open_store"]
