"""The `dossier` command line. Each command parses its arguments, calls one library function
and turns domain errors into a one-line message and an exit code."""
from __future__ import annotations

import sys

import click
import typer

from dossier.cli.common import app
from dossier.errors import DossierError

# command modules register themselves on `app`
from dossier.cli import ingest_cmd, kb_cmd, query_cmd, measure_cmd  # noqa: E402,F401

try:  # the web app and exports need fastapi/uvicorn; keep the rest usable without them
    from dossier.cli import web_cmd  # noqa: F401
except ImportError:  # pragma: no cover
    pass

__all__ = ["app", "main"]


def main() -> None:
    try:
        rv = app(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DossierError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    sys.exit(rv if isinstance(rv, int) else 0)
