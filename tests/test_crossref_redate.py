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
    assert incremental["published"] == ("2025-03-06", "day", "inferred")  # out with the other report
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


# an unrelated meeting, stored before: a re-dating must leave its storyline as it was
OTHER = ("Le 20 février 2025, le ministre indien des Affaires étrangères a reçu à New Delhi son homologue "
         "brésilien pour préparer un sommet consacré au commerce des engrais.")


def test_a_redated_article_updates_only_its_units(folder, tmp_path, monkeypatch):
    """The re-dated article's units are covered again, not the whole state: no full rebuild,
    and the storyline of an article it shares nothing with keeps its row."""
    import dossier.crossref as crossref

    (folder / "autre.txt").write_text(OTHER + "\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    ingest([str(folder / "autre.txt"), str(folder / "premier.txt")], Settings(db=db))
    with open_store(Settings(db=db), readonly=True) as store:
        before = {r["id"]: r for r in store.export_rows("storylines")}
    full_updates = []
    real = crossref.update_pending

    def spy(store, full=False, **kw):
        full_updates.append(full)
        return real(store, full=full, **kw)

    monkeypatch.setattr(crossref, "update_pending", spy)
    summary = ingest([], Settings(db=db), manifest=str(folder / "second.jsonl"))
    assert summary.crossref["redated"] == 1 and summary.crossref["redated_recovered"] >= 1
    assert True not in full_updates, full_updates
    with open_store(Settings(db=db), readonly=True) as store:
        after = {r["id"]: r for r in store.export_rows("storylines")}
        other_id = next(r["id"] for r in store.article_index() if (r["source"] or "").endswith("autre.txt"))
        sources = store.storyline_sources([other_id])
        first = next(r for r in store.article_index() if (r["source"] or "").endswith("premier.txt"))
    assert sources and all(after[s["id"]] == before[s["id"]] for s in sources)
    assert (first["published"], first["published_basis"]) == ("2025-03-06", "inferred")
