"""The seeds ingested with ``DOSSIER_DB=postgresql://…`` read back exactly as with SQLite: CLI
listings, JSON API and web pages. Search differs by design (PostgreSQL stems French words and
ranks with ts_rank), so for search the same articles must be found for names, and PostgreSQL
must find at least SQLite's articles for common words."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.slow

COMMANDS = [
    ["articles"], ["timeline"], ["timeline", "--details"], ["timeline", "--dated-only"],
    ["timeline", "--actor", "Witkoff"], ["quotes"], ["quotes", "--speaker", "Poutine"],
    ["entities"], ["entities", "--type", "place"], ["entity", "Ouchakov"], ["disputes"],
    ["conflicts"], ["positions"], ["show", "2"], ["show", "3:5"],
    ["articles", "--json"], ["timeline", "--json"], ["quotes", "--json"], ["entities", "--json"],
    ["disputes", "--json"], ["positions", "--json"],
]
NAMES = ["Pokrovsk", "Witkoff", "Moscou", "Zelensky", "Kushner"]
WORDS = ["négociations", "paix", "territoires", "accord"]
PAGES = ["/", "/?group=month", "/articles", "/articles/1", "/articles/4", "/entities", "/entities/Poutine",
         "/disputes", "/conflicts", "/positions", "/map"]
API = ["/api/articles", "/api/articles/2", "/api/timeline?limit=500", "/api/timeline?actor=Poutine",
       "/api/quotes?limit=500", "/api/quotes?speaker=Witkoff", "/api/entities?limit=500",
       "/api/entities/Witkoff", "/api/disputes", "/api/conflicts", "/api/positions"]


def _cli(args, env):
    from dossier.cli import app

    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, (args, result.output)
    return result.output


@pytest.fixture(scope="module")
def backends(tmp_path_factory, corpus_dir, new_postgres_schema):
    """{"sqlite": db, "postgresql": url}, each holding the seeds ingested by ``dossier ingest``."""
    sqlite_db = str(tmp_path_factory.mktemp("parity") / "seeds.db")
    with new_postgres_schema("parity") as url:
        dbs = {"sqlite": sqlite_db, "postgresql": url}
        for db in dbs.values():
            out = _cli(["ingest", "--manifest", str(corpus_dir / "seeds.jsonl"), str(corpus_dir / "seeds")],
                       {"DOSSIER_DB": db})
            assert "new 5" in out, out
        yield dbs


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_cli_output_is_the_same(backends, args):
    outputs = {name: _cli(args, {"DOSSIER_DB": db}) for name, db in backends.items()}
    assert outputs["sqlite"].strip(), args
    assert outputs["postgresql"] == outputs["sqlite"]


def _search_ids(db, query):
    return [r["id"] for r in json.loads(_cli(["search", query, "--json", "--limit", "50"], {"DOSSIER_DB": db}))]


@pytest.mark.parametrize("name", NAMES)
def test_search_finds_the_same_articles_for_names(backends, name):
    found = {b: _search_ids(db, name) for b, db in backends.items()}
    assert found["sqlite"], name
    assert sorted(found["postgresql"]) == sorted(found["sqlite"])
    rows = json.loads(_cli(["search", name, "--json"], {"DOSSIER_DB": backends["postgresql"]}))
    assert all(f"[{name}" in r["snippet"] for r in rows)


@pytest.mark.parametrize("word", WORDS)
def test_search_stems_french_words(backends, word):
    found = {b: set(_search_ids(db, word)) for b, db in backends.items()}
    assert found["sqlite"] and found["sqlite"] <= found["postgresql"]


def _client(db):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    return TestClient(create_app(Settings(db=db)), raise_server_exceptions=True)


def _without_ingest_time(body: str) -> str:
    return re.sub(r'"ingested_at": ?"[^"]*"', '"ingested_at": ""', body)


@pytest.mark.parametrize("path", API + PAGES)
def test_web_is_the_same(backends, path):
    bodies = {}
    for name, db in backends.items():
        with _client(db) as client:
            response = client.get(path)
        assert response.status_code == 200, (name, path, response.text[:300])
        bodies[name] = _without_ingest_time(response.text)
    assert bodies["postgresql"] == bodies["sqlite"]


@pytest.mark.parametrize("q", ["Moscou", "Witkoff"])
def test_web_search_finds_the_same(backends, q):
    found = {}
    for name, db in backends.items():
        with _client(db) as client:
            found[name] = client.get("/api/search", params={"q": q, "limit": 100}).json()
    sqlite, pg = found["sqlite"], found["postgresql"]
    assert sqlite["quotes"] and sqlite["events"]
    assert (pg["quotes"], pg["events"]) == (sqlite["quotes"], sqlite["events"])  # word search: identical
    assert sorted(a["id"] for a in pg["articles"]) == sorted(a["id"] for a in sqlite["articles"])


def test_eval_of_the_stored_seeds_is_the_same(backends, gold_file):
    """``dossier eval --db`` reads every stored record back (article_records, storyline_sources,
    conflicts): the scores and every listed error are the same on both backends."""
    reports = {}
    for name, db in backends.items():
        report = json.loads(_cli(["eval", "--gold", str(gold_file), "--db", db, "--errors", "--json"], {}))
        for key in ("db", "seconds", "date"):
            report["meta"].pop(key, None)
        reports[name] = report
    assert reports["sqlite"]["tasks"]["same_events"]["recall"] > 0
    assert reports["postgresql"] == reports["sqlite"]
