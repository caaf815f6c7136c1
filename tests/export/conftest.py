"""The export tests use the web tests' hand-made database (tests/web/dossier_sample.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "web" / "dossier_sample.py"


@pytest.fixture(scope="session")
def sample():
    spec = importlib.util.spec_from_file_location("dossier_sample", SAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def store(tmp_path, sample):
    from dossier.store.sqlite import SQLiteStore

    s = SQLiteStore(str(tmp_path / "export.db"))
    sample.build(s)
    yield s
    s.close()
