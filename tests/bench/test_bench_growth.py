"""The growth benchmark's pieces that need no NLP: a grown database with its cross-article
state, the news-flow spans, the table."""
from __future__ import annotations

import datetime as dt

from dossier.bench.growth import batch_span, build_grown_db, format_growth, stored_span
from dossier.config import Settings
from dossier.store import open_store


def test_a_grown_database_has_its_cross_article_state(tmp_path):
    path = tmp_path / "grown-12.db"
    info = build_grown_db(path, 12)
    assert info["articles"] == 12 and info["crossref"]["articles"] == 12
    assert path.with_suffix(".json").exists()
    from dossier.bench.growth import reusable

    assert reusable(path) == info  # the next run reuses it
    with open_store(Settings().with_(db=str(path))) as store:
        assert store.cross_article_current() and not store.x_state_empty()
        assert store.x_pending_articles() == []
        assert store.x_counts()["storylines"] == info["crossref"]["storylines"] > 0


def test_a_grown_database_built_in_chronological_chunks_is_the_rebuild(tmp_path):
    """Built by incremental updates of 5 articles in order of publication: the state a full
    rebuild gives (the same storylines and cross-article results)."""
    from dossier.crossref import rebuild_cross_article

    path = tmp_path / "grown-12.db"
    info = build_grown_db(path, 12, chunk=5)
    assert [c["articles"] for c in info["chunks"]] == [5, 10, 15] and info["crossref"]["articles"] == 2
    with open_store(Settings().with_(db=str(path))) as store:
        grown = store.x_counts()
        stories = sorted(s["id"] for s in store.export_rows("storylines"))
        rebuild_cross_article(store)
        assert store.x_counts() == grown and sorted(s["id"] for s in store.export_rows("storylines")) == stories


def test_a_grown_database_of_another_generator_is_not_reused(tmp_path):
    """The batch continues the stories the stored flow tells: a database another version of the
    generator wrote is built again (an unfinished one too)."""
    import json

    from dossier.bench.growth import generator_version, reusable

    db = tmp_path / "grown-stories-10.db"
    db.write_bytes(b"")
    assert reusable(db) is None  # no build information: unfinished
    db.with_suffix(".json").write_text(json.dumps({"articles": 10, "flow": "stories"}))
    assert reusable(db) is None  # written before the generator had a version
    db.with_suffix(".json").write_text(json.dumps({"articles": 10, "generator": "stories-1"}))
    assert reusable(db) is None
    db.with_suffix(".json").write_text(json.dumps({"articles": 10, "generator": generator_version("stories")}))
    assert reusable(db)["articles"] == 10
    db.with_suffix(".json").write_text("{not json")
    assert reusable(db) is None


def test_the_flow_keeps_its_density_and_the_batch_is_its_last_days():
    first, days = stored_span(100_000)
    assert days == 1000 and first + dt.timedelta(days=days - 1) == dt.date(2025, 12, 31)
    assert stored_span(1000)[1] == 30  # at least a month
    b_first, b_days = batch_span()
    assert b_first >= first and b_first + dt.timedelta(days=b_days - 1) == dt.date(2025, 12, 31)


def test_the_table_has_one_line_per_size():
    lat = {"p50_ms": 1.0, "p95_ms": 2.0}
    row = {"size": 1000, "database": {"crossref_build_seconds": 9.5, "reused": True}, "articles_per_s": 1.5,
           "seconds": 66.0, "crossref_seconds": 6.6, "crossref_share": 0.1, "cpu_seconds": 30.0,
           "crossref_cpu_seconds": 3.0, "crossref_cpu_share": 0.1,
           "crossref": {"events_candidates": 4321, "events_decisions": 1234, "events_recomputed": 56,
                        "quotes_recomputed": 7},
           "queries": {"timeline_actor": lat, "search": lat, "entity": lat}}
    table = format_growth([row])
    assert "| 1,000 | 9.5 (reused) | 1.5 | 66.0 (30.0) | 6.6 (3.0) | 10.0 % (10.0 %) | 4,321 / 1,234 | 56 / 7 |" in table


def test_the_many_story_flow_asks_the_queries_about_its_own_actors():
    """The reading queries of the many-story flow name persons and places its articles hold (the
    one-story generator's persons are not in it: the entity query would fail on most)."""
    from dossier.bench.growth import _asked
    from dossier.entities.kb import load_kb

    persons, places = _asked("stories")
    kb = load_kb()
    assert len(persons) >= 20 and all(kb.get(pid).type == "person" for pid, _ in persons)
    assert len(places) >= 100
    assert _asked("one-story") == (None, None)


def test_an_unknown_growth_flow_is_a_one_line_error():
    from typer.testing import CliRunner

    from dossier.cli import app

    result = CliRunner().invoke(app, ["bench", "--growth", "0", "--growth-flow", "nope"])
    assert result.exit_code == 2 and "--growth-flow is one of one-story, stories" in result.output
    assert "Traceback" not in result.output
