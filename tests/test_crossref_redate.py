"""The store dates an article from a later report of the same event (dossier.timex.crossdate
via dossier.crossref.update_pending), and the incremental ingest gives what a rebuild gives."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.config import Settings
from dossier.ingest import ingest
from dossier.store import open_store

pytestmark = pytest.mark.slow
runner = CliRunner()

# one meeting told twice: "mardi" without a date, and dated by an outlet whose date is known
FIRST = ("Lavrov et Fidan parlent de la mer Noire\n\n"
         "Le chef de la diplomatie russe, Sergueï Lavrov, a rencontré mardi à Ankara son homologue turc "
         "Hakan Fidan pour évoquer la sécurité de la navigation en mer Noire. Les deux ministres ont promis "
         "de se revoir bientôt.")
SECOND = ("Le 4 mars 2025, Sergueï Lavrov a rencontré Hakan Fidan à Ankara pour parler de la navigation "
          "en mer Noire, a indiqué le ministère turc.")


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    (path / "premier.txt").write_text(FIRST + "\n", encoding="utf-8")
    (path / "second.txt").write_text(SECOND + "\n", encoding="utf-8")
    (path / "second.jsonl").write_text(json.dumps({"file": "second.txt", "published": "2025-03-06",
                                                    "outlet": "La Dépêche du Bosphore"}) + "\n", encoding="utf-8")
    return path


def _state(db: str) -> dict:
    with open_store(Settings(db=db), readonly=True) as store:
        first = store.article_records(1)
        return {"published": (first.article.published, first.article.published_precision,
                              first.article.published_basis),
                "evidence": first.article.extra.get("published_evidence"),
                "meeting": [e.date for e in first.events if e.type == "meeting"],
                "storylines": [(s["date"], s["sources"]) for s in store.storyline_sources()]}


def test_a_stored_article_takes_its_day_from_a_later_report(folder, db_url, tmp_path):
    db = db_url
    ingest([str(folder / "premier.txt")], Settings(db=db))
    assert _state(db)["published"] == (None, "unknown", "unknown")
    ingest([], Settings(db=db), manifest=str(folder / "second.jsonl"))
    incremental = _state(db)
    assert incremental["published"] == ("2025-03-04", "day", "inferred")
    assert "La Dépêche du Bosphore" in incremental["evidence"] and '"mardi" is 2025-03-04' in incremental["evidence"]
    assert incremental["meeting"] == ["2025-03-04"]  # its relative dates resolved again, in the store
    assert any(date == "2025-03-04" and {a for a, _, _ in sources} == {"1", "2"}
               for date, sources in incremental["storylines"]), incremental["storylines"]
    result = runner.invoke(app, ["--db", db, "rebuild", "--json"])
    assert result.exit_code == 0, result.output
    assert _state(db) == incremental
    if "://" not in db:  # both articles in one ingest: the same result
        both = str(tmp_path / "both.db")
        ingest([str(folder / "premier.txt"), str(folder / "second.txt")], Settings(db=both),
               manifest=str(folder / "second.jsonl"))
        assert _state(both) == incremental
