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


@pytest.fixture(scope="session")
def seeds_settings(tmp_path_factory, corpus_dir):
    """A database of the five seed articles, ingested by the pipeline (loads the model)."""
    from dossier.config import Settings
    from dossier.ingest import ingest

    settings = Settings(db=str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    summary = ingest([], settings, manifest=str(corpus_dir / "seeds.jsonl"))
    assert summary.new == 5
    return settings


# -- a real browser (browser_support.py) ------------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    from browser_support import ARGS, CHROMIUM, install_chromium, unavailable

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install playwright)")
    reason = install_chromium()
    if reason:
        unavailable(reason)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(app_settings):
    from browser_support import serve

    yield from serve(app_settings)


@pytest.fixture(scope="session")
def seeds_server(seeds_settings):
    from browser_support import serve

    yield from serve(seeds_settings)


@pytest.fixture()
def page(browser):
    from browser_support import new_page

    context, p = new_page(browser)
    yield p
    context.close()


@pytest.fixture(scope="session")
def axe_script():
    from browser_support import axe_source

    return axe_source()


@pytest.fixture()
def axe_page(browser):
    """A page where axe-core may be injected (the app's CSP forbids inline scripts)."""
    from browser_support import new_page

    context, p = new_page(browser, bypass_csp=True)
    yield p
    context.close()
