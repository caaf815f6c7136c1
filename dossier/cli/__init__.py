"""The `dossier` command line. Each command parses its arguments, calls one library function
and turns domain errors into a one-line message and an exit code."""
from __future__ import annotations

import os
import sys

import typer

from dossier.cli.common import app
from dossier.errors import DossierError

# command modules register themselves on `app`
from dossier.cli import ingest_cmd, kb_cmd, query_cmd, measure_cmd, web_cmd  # noqa: E402,F401

__all__ = ["app", "main"]

# The click exceptions typer really raises: recent typer bundles its own copy of click
# (typer._click), older ones use the click package. typer.BadParameter is one of them either way.
_click = sys.modules[typer.BadParameter.__module__]
_EXIT = tuple({typer.Exit, getattr(_click, "Exit", typer.Exit)})
_ABORT = tuple({typer.Abort, getattr(_click, "Abort", typer.Abort)})


def _usage_line(exc) -> str:
    """One line for a usage error: the message, and where to look for the right usage."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path} --help" if ctx is not None else "dossier --help"
    return f"error: {message} (see '{where}')"


def main() -> None:
    try:
        rv = app(prog_name="dossier", standalone_mode=False)
    except _EXIT as exc:
        sys.exit(exc.exit_code)
    except _ABORT:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except _click.ClickException as exc:
        if isinstance(exc, getattr(_click, "NoArgsIsHelpError", ())):
            exc.show()  # `dossier` alone: the help text
            sys.exit(0)
        typer.echo(_usage_line(exc) if isinstance(exc, _click.UsageError) else f"error: {exc.format_message()}",
                   err=True)
        sys.exit(exc.exit_code)
    except DossierError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not the user's input: one line, the traceback on request
        if os.environ.get("DOSSIER_DEBUG"):
            raise
        message = " ".join(str(exc).split())[:300]
        typer.echo(f"error: internal error ({type(exc).__name__}{': ' + message if message else ''}); "
                   "please report it (DOSSIER_DEBUG=1 shows the traceback)", err=True)
        sys.exit(70)
    sys.exit(rv if isinstance(rv, int) else 0)
