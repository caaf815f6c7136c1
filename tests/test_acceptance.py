"""What the issues say a user must see, checked on the real seeds through the CLI."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def db(corpus_dir, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("acceptance") / "seeds.db")
    result = runner.invoke(app, ["--db", path, "ingest", "-q", "--manifest", str(corpus_dir / "seeds.jsonl")])
    assert result.exit_code == 0, result.output
    return path


def run_json(db, *args):
    result = runner.invoke(app, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_articles_listed_with_dates(db):
    rows = run_json(db, "articles")
    assert len(rows) == 5
    assert all(r["published"] and r["published_precision"] == "day" for r in rows)


@pytest.mark.parametrize("names", [
    ("Ouchakov", "Ushakov", "Iouri Ouchakov", "Oushakov", "Yury Ushakov"),
    ("Kushner", "Jared Kushner"),
    ("Witkoff", "Steve Witkoff"),
    ("Dmitriev", "Kirill Dmitriev", "Dmitriiev"),
    ("Zelensky", "Zelenskyy", "Zelenski", "Volodymyr Zelensky"),
])
def test_one_profile_under_every_spelling(db, names):
    profiles = [run_json(db, "entity", n) for n in names]
    assert len({p["id"] for p in profiles}) == 1, [p["id"] for p in profiles]
    assert profiles[0]["mention_count"] > 0


def test_quotes_of_ushakov_are_dated(db):
    rows = run_json(db, "quotes", "--speaker", "Ouchakov")
    assert len(rows) >= 3
    assert all(r["speaker_id"] == rows[0]["speaker_id"] for r in rows)
    assert all(r["date"] for r in rows)


def test_pokrovsk_dispute_has_both_sides(db):
    disputes = run_json(db, "disputes")
    pokrovsk = [d for d in disputes if "pokrovsk" in d["proposition"]]
    assert pokrovsk
    sides = pokrovsk[0]["sides"]
    assert sides.get("asserts") and sides.get("denies")
    assert all(item.get("article_id") for items in sides.values() for item in items)


def test_kushner_relation_conflict_settled_by_kb(db):
    conflicts = run_json(db, "conflicts")
    kushner = [c for c in conflicts if c.get("subject") == "jared_kushner" and c.get("kind") == "relation"]
    assert kushner and kushner[0]["settled_by_kb"] == "donald_trump"
    assert len(kushner[0]["articles"]) == 2


def test_nato_positions_of_three_actors(db):
    rows = run_json(db, "positions", "--issue", "nato")
    assert len({r["actor_id"] for r in rows}) >= 3
    assert all(r["history"] for r in rows)


def test_timeline_is_chronological_and_cited(db):
    rows = run_json(db, "timeline")
    starts = [r["date_start"] for r in rows if r["date"]]
    assert starts == sorted(starts)  # weeks and months sit at their first day, not by string
    dated = [r["date"] for r in rows if r["date"]]
    months = {d[:7] for d in dated}
    assert {"2025-02", "2025-03", "2025-12"} <= months
    for r in rows:
        for src in r["sources"]:
            shown = runner.invoke(app, ["--db", db, "show", f"{src['article_id']}:{src['sentence']}"])
            assert shown.exit_code == 0 and ">>>" in shown.output
            break


def test_kremlin_meeting_appears_once_with_all_its_reports(db):
    rows = run_json(db, "timeline", "--from", "2025-12-02", "--to", "2025-12-02", "--type", "meeting")

    def people(r):
        return {p["entity_id"] for p in r["participants"]}

    meetings = [r for r in rows if {"vladimir_putin", "steve_witkoff"} <= people(r)]
    assert len(meetings) == 1
    assert len({s["article_id"] for s in meetings[0]["sources"]}) >= 3
