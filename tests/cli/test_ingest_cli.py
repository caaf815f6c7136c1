"""`dossier ingest` end to end: idempotence, bad inputs in a batch, a killed ingest."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.config import Settings
from dossier.store import open_store

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(
            f"Dépêche numéro {i}\n\nLe négociateur fictif Arsène Vallon{i} a rencontré jeudi "
            f"la déléguée Maud Ferrand{i} à Lausanne pour la séance {i} des pourparlers. "
            f"\"Nous progressons lentement\", a déclaré M. Vallon{i}, qui a demandé {i + 2} jours de plus.\n",
            encoding="utf-8")


def test_second_ingest_stores_nothing_new(tmp_path, seeds_dir):
    db = str(tmp_path / "d.db")
    first = runner.invoke(app, ["--db", db, "ingest", "--quiet", str(seeds_dir)])
    assert first.exit_code == 0, first.output
    assert "new 5" in first.output
    second = runner.invoke(app, ["--db", db, "ingest", "--quiet", str(seeds_dir)])
    assert second.exit_code == 0
    assert "new 0" in second.output and "duplicates 5" in second.output and "nothing new" in second.output


def test_two_manifests_on_the_command_line_both_apply(tmp_path):
    import json

    for story, day in (("a", "2025-03-02"), ("b", "2025-07-19")):
        _write_articles(tmp_path / story / "texts", 1)
        (tmp_path / story / "texts" / "a000.txt").write_text(
            f"Dépêche {story}\n\nLa médiatrice fictive Odile Brun{story} a rencontré lundi ses homologues à Lausanne.\n",
            encoding="utf-8")
        (tmp_path / story / "m.jsonl").write_text(json.dumps({"file": "texts/a000.txt", "published": day}) + "\n",
                                                   encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = runner.invoke(app, ["--db", db, "ingest", "--quiet", "-m", str(tmp_path / "a" / "m.jsonl"),
                                 "--manifest", str(tmp_path / "b" / "m.jsonl")])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(app, ["--db", db, "articles", "--json"]).output)
    rows = listed["articles"] if isinstance(listed, dict) else listed
    assert sorted(r["published"] for r in rows) == ["2025-03-02", "2025-07-19"]


def test_bad_input_is_reported_and_the_rest_goes_in(tmp_path):
    _write_articles(tmp_path / "in", 2)
    missing = tmp_path / "missing.txt"
    db = str(tmp_path / "d.db")
    result = runner.invoke(app, ["--db", db, "ingest", "--quiet", str(tmp_path / "in"), str(missing)])
    assert result.exit_code == 2
    assert f"skipped: {missing}" in result.output
    assert "new 2" in result.output
    listed = runner.invoke(app, ["--db", db, "articles", "--json"])
    assert listed.output.count('"title"') == 2


def test_killed_ingest_completes_on_rerun_without_duplicates(tmp_path):
    _write_articles(tmp_path / "in", 40)
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dossier", "--db", str(db), "ingest", "--quiet", str(tmp_path / "in")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as c:
                    stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.DatabaseError:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.05)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
        assert c.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 40
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_parallel_ingest_stores_the_same_records(tmp_path):
    _write_articles(tmp_path / "in", 6)
    serial, parallel = str(tmp_path / "s.db"), str(tmp_path / "p.db")
    assert runner.invoke(app, ["--db", serial, "ingest", "-q", str(tmp_path / "in")]).exit_code == 0
    result = runner.invoke(app, ["--db", parallel, "ingest", "-q", "--workers", "2", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    assert "new 6" in result.output

    def dump(db):
        with sqlite3.connect(db) as c:
            return sorted(c.execute("SELECT a.content_hash, q.text, q.speaker_id FROM quotes q "
                                    "JOIN articles a ON a.id = q.article_id").fetchall())

    assert dump(serial) == dump(parallel) and dump(serial)


def test_kill_before_the_cross_article_rebuild_is_finished_by_the_next_run(tmp_path, db_url):
    """kill -9 once every article is stored, as the rebuild starts: the next ingest (nothing new)
    rebuilds; before this fix the timeline stayed empty for good. On SQLite and PostgreSQL."""
    _write_articles(tmp_path / "in", 30)
    db = db_url
    cmd = [sys.executable, "-m", "dossier", "--db", db, "ingest", str(tmp_path / "in")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    for line in proc.stderr:
        if "rebuilding cross-article results" in line:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    with open_store(Settings(db=db), readonly=True) as store:
        assert store.count() == 30
        if store.cross_article_current():
            pytest.skip("the rebuild finished before the kill landed")
    rerun = subprocess.run(cmd + ["-q"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "new 0" in rerun.stdout and "nothing new" in rerun.stdout
    with open_store(Settings(db=db), readonly=True) as store:  # before a reading command could rebuild
        assert store.cross_article_current() and store.articles_fingerprint() == "30:30"
    timeline = runner.invoke(app, ["--db", db, "timeline", "--json"])
    assert timeline.exit_code == 0 and timeline.output.count('"sources"') >= 1


def test_untitled_article_is_listed_by_the_start_of_its_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "untitled.txt").write_text(
        "Le médiateur fictif Odilon Brac a quitté Genève mardi sans accord avec les deux délégations, "
        "qui doivent se revoir la semaine prochaine.\n", encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert runner.invoke(app, ["--db", db, "ingest", "--quiet", str(folder)]).exit_code == 0
    listed = runner.invoke(app, ["--db", db, "articles"])
    assert listed.exit_code == 0, listed.output
    assert "[no title] Le médiateur fictif Odilon Brac" in listed.output
    assert "untitled.txt" not in listed.output
