"""CLI plumbing: help on every command, one-line errors, no tracebacks."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()


def command_names():
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_has_help():
    names = command_names()
    assert {"ingest", "articles", "show", "search", "timeline", "quotes", "entity", "eval", "bench"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output
        import typer.main

        cmd = typer.main.get_command(app).commands[name]
        assert cmd.help and len(cmd.help.strip()) > 20, f"{name} lacks a help text"


def test_readme_mentions_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for name in command_names():
        assert f"dossier {name}" in readme or name in ("serve", "export", "brief") and name in readme, name


@pytest.mark.parametrize("args,message", [
    (["articles"], "no database here yet"),
    (["show", "abc"], "not an article reference"),
    (["timeline", "--from", "mardi"], "--from: not a date"),
    (["quotes", "--since", "2025/12/01"], "--since: not a date"),
    (["timeline", "--to", "2025-13"], "--to: not a date"),
    (["quotes", "--until", "2025-02-30"], "--until: not a date"),
    (["ingest"], "nothing to ingest"),
])
def test_user_errors_are_one_line(tmp_path, args, message):
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_show_unknown_article(tmp_path):
    from dossier.config import Settings
    from dossier.store import open_store

    open_store(Settings(db=str(tmp_path / "d.db"))).close()
    result = runner.invoke(app, ["--db", str(tmp_path / "d.db"), "show", "42"])
    assert result.exit_code == 1 and "no article with id 42" in result.output


def test_search_and_entity_take_several_words_unquoted(tmp_path):
    from dossier.config import Settings
    from dossier.store import open_store

    db = str(tmp_path / "d.db")
    open_store(Settings(db=db)).close()
    found = runner.invoke(app, ["--db", db, "search", "otages", "libérés", "Doha"])
    assert found.exit_code == 0 and "no match" in found.output, found.output
    person = runner.invoke(app, ["--db", db, "entity", "Jeanne", "Exemple", "de", "Tal"])
    assert "extra argument" not in person.output
    assert "Jeanne Exemple de Tal" in person.output, person.output
