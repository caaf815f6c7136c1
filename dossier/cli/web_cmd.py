"""`dossier serve`, `dossier export`, `dossier brief`."""
from __future__ import annotations

from pathlib import Path

import typer

from dossier.cli import render
from dossier.cli.common import app, emit_json, handle_errors, settings_of
from dossier.errors import DossierError


def _store(ctx):
    from dossier.cli.query_cmd import _store as fresh_store

    return fresh_store(ctx)  # finishes a cross-article rebuild an interrupted ingest left undone


@app.command()
@handle_errors
def serve(ctx: typer.Context,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
          allow_ingest: bool = typer.Option(False, "--allow-ingest",
                                            help="Enable POST /api/ingest (JSON records). Off by default: read-only."),
          ) -> None:
    """Serve the dossier in a browser (timeline, article reader, actors, disputes, positions,
    search, map) and as a JSON API under /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from dossier.web import create_app

    settings = settings_of(ctx)
    if not allow_ingest:
        _store(ctx).close()  # fail now, with one line, when there is no database yet
    from dossier.store.postgres import redact

    typer.echo(f"serving {redact(settings.db)} on http://{host}:{port}  (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(settings, allow_ingest=allow_ingest), host=host, port=port, log_level="warning")


@app.command()
@handle_errors
def export(ctx: typer.Context,
           format: str = typer.Option("json", "--format", "-f", help="json | csv | parquet | plover"),
           output: str = typer.Option(None, "--output", "-o",
                                      help="File (json, plover) or folder (csv, parquet: one file per table). "
                                           "Default: dossier.json, dossier-csv/, dossier-parquet/, dossier.plover.jsonl"),
           json_out: bool = typer.Option(False, "--json", help="Print the written files as JSON."),
           ) -> None:
    """Export the whole dossier: one JSON document (schema in docs/schema/export.schema.json),
    CSV or Parquet tables (one per record type), or events as PLOVER-style JSON lines."""
    from dossier.export import FORMATS
    from dossier.export import export as run_export

    if format not in FORMATS:
        raise DossierError(f"--format: unknown format {format!r} (choose from {', '.join(FORMATS)})")
    default = {"json": "dossier.json", "csv": "dossier-csv", "parquet": "dossier-parquet",
               "plover": "dossier.plover.jsonl"}[format]
    with _store(ctx) as store:
        files = run_export(store, format, Path(output or default))
    if json_out:
        return emit_json([str(f) for f in files])
    for f in files:
        typer.echo(str(f))


@app.command()
@handle_errors
def brief(ctx: typer.Context,
          since: str = typer.Option(..., "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
          until: str = typer.Option(None, "--until", help="Up to this date, inclusive."),
          output: str = typer.Option("brief.md", "--output", "-o", help="brief.md (Markdown) or brief.html (one self-contained page)."),
          base_url: str = typer.Option(None, "--base-url",
                                       help="Link each citation to this served dossier (e.g. http://127.0.0.1:8000) "
                                            "instead of the article's own URL."),
          ) -> None:
    """A readable report of a date window: what happened, who said what, what is disputed,
    whose position moved; every line cited (article, outlet, date, sentence)."""
    from dossier.export import write_brief

    render.check_date(since, "--since")
    render.check_date(until, "--until")
    with _store(ctx) as store:
        path = write_brief(store, since, until, output, base_url=base_url)
    typer.echo(str(path))
