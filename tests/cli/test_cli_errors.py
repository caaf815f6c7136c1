"""What a careful user types wrong gets one line and an exit code, never a traceback: usage
errors (raised by the click copy typer bundles), odd numbers, an empty database file, a full disk.
These go through ``dossier.cli.main``, the real entry point (not Typer's test runner)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dossier.cli import main


def run_main(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["dossier", *argv])
    with pytest.raises(SystemExit) as info:
        main()
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.fixture()
def db(tmp_path) -> str:
    """An empty dossier database (schema only)."""
    from dossier.store.sqlite import SQLiteStore

    path = tmp_path / "d.db"
    SQLiteStore(str(path)).close()
    return str(path)


@pytest.mark.parametrize("argv, code, message", [
    (["nosuchcmd"], 2, "error: No such command 'nosuchcmd'. (see 'dossier --help')"),
    (["articles", "--bogus"], 2, "error: No such option: --bogus (see 'dossier articles --help')"),
    (["show"], 2, "error: Missing argument 'ref'. (see 'dossier show --help')"),
    (["ingest", "--workers", "0", "x.txt"], 2, "error: Invalid value for '--workers' / '-w': "),
    (["serve", "--port", "80000"], 2, "error: Invalid value for '--port': "),
    (["show", "99999999999999999999999"], 1, "error: no article with id 99999999999999999999999"),
    (["show", "0"], 1, "error: no article with id 0"),
    (["articles", "--limit", "-1"], 2, "error: Invalid value for '--limit': "),
    (["articles", "--offset", "99999999999999999999999"], 0, ""),
])
def test_one_line_and_an_exit_code(monkeypatch, capsys, db, argv, code, message):
    status, out, err = run_main(monkeypatch, capsys, "--db", db, *argv)
    assert status == code, err
    assert "Traceback" not in out + err
    if message:
        assert err.startswith(message), err
        assert err.count("\n") == 1, err


def test_a_zero_byte_file_is_not_a_database(monkeypatch, capsys, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    status, _, err = run_main(monkeypatch, capsys, "--db", str(empty), "articles")
    assert status == 1
    assert err == f"error: {empty}: empty file, no dossier database yet (run 'dossier ingest' first)\n"


def test_a_foreign_sqlite_file_is_not_a_dossier_database(monkeypatch, capsys, tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    status, _, err = run_main(monkeypatch, capsys, "--db", str(other), "timeline")
    assert status == 1
    assert err == f"error: {other}: not a dossier database (it has no articles table)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("name, argv", [
    ("dossier.json", ["export", "-o"]),
    ("brief.md", ["brief", "--since", "2025", "-o"]),
])
def test_a_full_disk_is_one_line(monkeypatch, capsys, db, tmp_path, name, argv):
    target = tmp_path / name
    target.symlink_to("/dev/full")  # every write fails with ENOSPC
    status, _, err = run_main(monkeypatch, capsys, "--db", db, *argv, str(target))
    assert status == 1
    assert err == f"error: {target}: cannot write (No space left on device)\n"


def test_no_arguments_prints_the_help(monkeypatch, capsys):
    status, out, err = run_main(monkeypatch, capsys)
    assert status == 0
    assert "Usage" in out + err and "Traceback" not in out + err


def test_a_bug_is_one_line_unless_debugging(monkeypatch, capsys, db):
    import dossier.store.queries as queries

    def broken(self, *args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(queries.QueryMixin, "articles", broken)
    status, _, err = run_main(monkeypatch, capsys, "--db", db, "articles")
    assert status == 70
    assert err == ("error: internal error (KeyError: 'oops'); please report it "
                   "(DOSSIER_DEBUG=1 shows the traceback)\n")
    monkeypatch.setenv("DOSSIER_DEBUG", "1")
    monkeypatch.setattr(sys, "argv", ["dossier", "--db", db, "articles"])
    with pytest.raises(KeyError):
        main()
