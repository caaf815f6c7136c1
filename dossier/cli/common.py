"""Shared CLI plumbing: the Typer app, global options, error translation, JSON output."""
from __future__ import annotations

import functools
import json
import sys
from typing import Any

import typer

from dossier.config import Settings
from dossier.errors import DossierError

app = typer.Typer(
    name="dossier",
    help="Turn raw news articles into a sourced dossier: actors, dated events, quotes, claims, "
    "positions and one merged timeline, every line traceable to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", envvar="DOSSIER_DB", help="Database: a SQLite file, or a postgresql://USER@HOST/DBNAME URL. Default: ./dossier.db"),
    kb: list[str] = typer.Option(None, "--kb", help="Your own knowledge-base file (YAML/JSON); its entries win. Repeatable."),
) -> None:
    """Global options."""
    settings = Settings()
    settings = settings.with_(db=db, kb_files=tuple(kb) if kb else None)
    if not settings.kb_files and settings.default_kb_file.is_file():
        settings = settings.with_(kb_files=(str(settings.default_kb_file),))
    ctx.obj = settings


def settings_of(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings()


def handle_errors(fn):
    """Translate domain errors into a one-line message and exit code 1 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DossierError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None

    return wrapper


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
