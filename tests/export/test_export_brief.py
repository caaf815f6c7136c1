"""The brief: four sections in a date window, every line cited; and the export/brief/serve CLI."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError
from dossier.export import build_brief, to_html, to_markdown

runner = CliRunner()


def test_brief_sections(store):
    b = build_brief(store, "2025-12-01")
    assert [line.text for line in b.happened] == ["military_claim: Forces armées russes (Pokrovsk)",
                                                  "Poutine reçoit Witkoff à Moscou (Moscou)"]
    assert [line.who for line in b.said] == ["Iouri Ouchakov", "Volodymyr Zelensky", "Vladimir Poutine"]
    [dispute] = b.disputed  # the disputes page's card
    assert dispute.title == "Pokrovsk est sous contrôle russe"
    assert [(s.label, [e.actor_name for e in s.entries]) for s in dispute.sides] == [
        ("affirment", ["ministère russe de la Défense"]), ("démentent", ["Gouvernement ukrainien"])]
    assert [c.title for c in b.conflicts] == ["Rencontre — Vladimir Poutine, Steve Witkoff (Moscou), 2025-12-02 : durée"]
    assert [(ln.id, ln.outlets) for ln in b.top] == [("S1", 2), ("S2", 1)]  # most sources first
    assert [(m.who, m.text) for m in b.moved] == [("Volodymyr Zelensky",
                                                   "concessions territoriales : sous conditions → contre")]
    assert all(line.cites for line in b.happened + b.said + b.moved)


@pytest.mark.parametrize("since, until, events, quotes, moves", [
    ("2025-12-04", None, 1, 2, 1),  # the month-precise event overlaps the window
    ("2025-12-01", "2025-12-03", 2, 1, 0),
    ("2025-11", "2025-11", 0, 0, 0),
    ("2026", None, 0, 0, 0),
])
def test_brief_window(store, since, until, events, quotes, moves):
    b = build_brief(store, since, until)
    assert (len(b.happened), len(b.said), len(b.moved)) == (events, quotes, moves)


def test_brief_rejects_reversed_window(store):
    with pytest.raises(DossierError, match="before"):
        build_brief(store, "2025-12-05", "2025-12-01")


def test_markdown_cites_every_line(store):
    md = to_markdown(build_brief(store, "2025-12-01"))
    items = [line.strip() for line in md.splitlines() if line.strip().startswith("- ")]
    side_heads = [line for line in items if line in ("- **affirment**", "- **démentent**")]
    kb = [line for line in items if "base de connaissances" in line]
    assert len(side_heads) == 2 and len(kb) == 1
    cited = [line for line in items if line not in side_heads + kb]
    # 2 events, 2 most reported, 3 quotes, 1 entry per side, 2 conflicting values, 1 move
    assert len(cited) == 2 + 2 + 3 + 2 + 2 + 1
    for line in cited:
        assert re.search(r"\\\[\d+:\d+\\\]", line), line  # article:sentence
        assert "2025-12" in line
    assert "[« Un long entretien au Kremlin sans percée », Le Quotidien Test, 2025-12-03 \\[1:1\\]]" \
           "(<https://example.org/entretien>)" in md
    assert "### Pokrovsk est sous contrôle russe" in md and "## Most reported" in md
    assert "<script>" not in md and "javascript:" not in md


def test_html_is_self_contained_and_escaped(store):
    html = to_html(build_brief(store, "2025-12-01", base_url="http://127.0.0.1:8000"))
    assert "<style>" in html and "<link" not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="http://127.0.0.1:8000/articles/1#s2"' in html
    assert html.count('class="cites"') == 2 + 2 + 3 + 2 + 2 + 1
    assert re.search(r'class="side side-asserts">\s*<h4 lang="fr">affirment</h4>.*?href="http://127.0.0.1:8000/articles/1#s3"',
                     html, re.S)
    assert re.search(r'class="side side-denies">\s*<h4 lang="fr">démentent</h4>.*?href="http://127.0.0.1:8000/articles/1#s4"',
                     html, re.S)


def _db(tmp_path, sample):
    from dossier.store.sqlite import SQLiteStore

    path = tmp_path / "cli.db"
    s = SQLiteStore(str(path))
    sample.build(s)
    s.close()
    return str(path)


@pytest.mark.parametrize("fmt, out, produced", [
    ("json", "d.json", "d.json"),
    ("csv", "tables", "tables/quotes.csv"),
    ("parquet", "pq", "pq/events.parquet"),
    ("plover", "ev.jsonl", "ev.jsonl"),
])
def test_export_command(tmp_path, sample, fmt, out, produced):
    db = _db(tmp_path, sample)
    result = runner.invoke(app, ["--db", db, "export", "--format", fmt, "-o", str(tmp_path / out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / produced).stat().st_size > 0


@pytest.mark.parametrize("name", ["brief.md", "brief.html"])
def test_brief_command(tmp_path, sample, name):
    db = _db(tmp_path, sample)
    result = runner.invoke(app, ["--db", db, "brief", "--since", "2025-12-01", "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert "Who said what" in (tmp_path / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["export", "--format", "xml"], "unknown format 'xml'"),
    (["brief", "--since", "hier", "-o", "b.md"], "--since: not a date"),
    (["brief", "--since", "2025-12-01", "-o", "b.pdf"], "written as .md or .html"),
])
def test_cli_errors_are_one_line(tmp_path, sample, args, message):
    db = _db(tmp_path, sample)
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_serve_without_database_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "absent.db"), "serve"])
    assert result.exit_code == 1
    assert "no database here yet" in result.output
