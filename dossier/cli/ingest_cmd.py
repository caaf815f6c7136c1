"""`dossier ingest`."""
from __future__ import annotations

import typer

from dossier.cli.common import app, emit_json, handle_errors, settings_of
from dossier.errors import DossierError


@app.command()
@handle_errors
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(None, help="Files, folders, http(s) URLs or RSS/Atom feeds."),
    manifest: list[str] = typer.Option(None, "--manifest", "-m", help="JSON Lines manifest (file or url -> published, outlet, url, author, language; repeatable). With no PATH, ingests what the manifests list. Its files must be inside its folder (or an --allow-root)."),
    allow_root: list[str] = typer.Option(None, "--allow-root", help="Another folder a manifest may name files in (repeatable; also DOSSIER_ALLOWED_ROOTS)."),
    max_bytes: int = typer.Option(None, "--max-bytes", help="Skip files larger than this (default 5 MB, or DOSSIER_MAX_BYTES)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Local worker processes for the NLP, each loading the model once; 1 = in this process."),
    scheduler: str = typer.Option(None, "--scheduler", help="A Dask scheduler (tcp://HOST:PORT, also DOSSIER_SCHEDULER): its workers run the NLP "
                                  "and, with a PostgreSQL database, store the articles (--workers is then ignored). See docs/scaling.md."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="First take again the articles recorded as failed "
                                      "(see 'dossier articles --failed'), e.g. after an upgrade; those that succeed leave the list."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress lines."),
) -> None:
    """Read articles (text, HTML, JSON/JSONL, folders, URLs, feeds), clean, deduplicate,
    annotate and store them. Re-running on the same inputs stores nothing new. An input that
    cannot be read, or an article the pipeline fails on, is reported on one line and the rest
    goes in (exit code 2); failed articles are kept for --retry-failed."""
    from dossier.ingest import ingest as run_ingest

    if not paths and not manifest and not retry_failed:
        raise DossierError("nothing to ingest: give PATH/URL arguments, --manifest FILE or --retry-failed")
    settings = settings_of(ctx)
    settings = settings.with_(max_bytes=max_bytes, n_process=workers, scheduler=scheduler,
                              allowed_roots=(*settings.allowed_roots, *allow_root) if allow_root else None)
    import sys

    progress = None
    bar = None
    if not quiet and not json_out:
        if sys.stderr.isatty():  # a live bar on a terminal, plain lines in logs and pipes
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), BarColumn(),
                           TimeElapsedColumn(), TextColumn("{task.description}"), transient=True)
            task = bar.add_task("", total=None)

            def progress(line: str) -> None:
                bar.update(task, advance=1 if line.startswith("stored") else 0, description=line[:60])
                if line.startswith(("skipped", "failed")):
                    bar.console.print(f"  {line}")
        else:
            def progress(line: str) -> None:
                typer.echo(f"  {line}", err=True)

    def run():
        return run_ingest(paths or [], settings, manifest=manifest, progress=progress, retry_failed=retry_failed,
                          settle=True)

    if bar is not None:
        with bar:
            summary = run()
    else:
        summary = run()
    if json_out:
        emit_json(summary.to_dict())
    else:
        typer.echo(
            (f"retried {summary.retried}, " if retry_failed else "")
            + f"read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, "
            f"near-duplicates {summary.near_duplicates}, skipped {len(summary.skipped)}, "
            f"failed {len(summary.failures)}"
            + (" (nothing new)" if summary.new == 0 else "")
        )
        for source, reason in summary.skipped:
            typer.echo(f"skipped: {source}: {reason}", err=True)
        for failure in summary.failures:
            typer.echo(f"failed: {failure.line}", err=True)
        if summary.failures:
            typer.echo("  (kept for 'dossier ingest --retry-failed'; list: 'dossier articles --failed')", err=True)
        if summary.rebuild_error:
            typer.echo(f"error: cross-article rebuild failed ({summary.rebuild_error}); the articles are stored, "
                       "run 'dossier rebuild'", err=True)
    if summary.failed:
        raise typer.Exit(2)


@app.command()
@handle_errors
def rebuild(ctx: typer.Context, json_out: bool = typer.Option(False, "--json", help="Print the counts as JSON.")) -> None:
    """Recompute the cross-article results (merged timeline, quote groups, disputes, conflicts,
    positions) from the stored articles. Articles of unknown or month/year date that the merged
    events date are processed again with that date ("redated" in the counts). Ingest does it by
    itself; use this after an interrupted ingest or an upgrade."""
    from dossier.ingest import rebuild as run_rebuild

    counts = run_rebuild(settings_of(ctx))
    if json_out:
        return emit_json(counts)
    typer.echo(", ".join(f"{name.replace('_', ' ')} {n}" for name, n in counts.items()))
