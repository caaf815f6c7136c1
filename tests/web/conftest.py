"""Fixtures of the web tests: a temporary database filled with hand-made records, an app over it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load_sample():
    spec = importlib.util.spec_from_file_location("dossier_sample", Path(__file__).with_name("dossier_sample.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample():
    return load_sample()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, sample):
    from dossier.store.sqlite import SQLiteStore

    path = tmp_path_factory.mktemp("web") / "sample.db"
    store = SQLiteStore(str(path))
    ids = sample.build(store)
    store.close()
    return path, ids


@pytest.fixture(scope="session")
def app_settings(sample_db):
    from dossier.config import Settings

    return Settings(db=str(sample_db[0]))


@pytest.fixture(scope="session")
def client(app_settings):
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    with TestClient(create_app(app_settings), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def ids(sample_db):
    return sample_db[1]
