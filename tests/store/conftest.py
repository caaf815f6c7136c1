"""The store tests run on both backends: ``store`` is a fresh SQLite file or PostgreSQL schema."""
from __future__ import annotations

import pytest


@pytest.fixture()
def store(db_url):
    from dossier.config import Settings
    from dossier.store import open_store

    s = open_store(Settings(db=db_url))
    yield s
    s.close()
