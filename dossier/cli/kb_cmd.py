"""``dossier kb``: extend the knowledge base for your story."""
from __future__ import annotations

from pathlib import Path

import typer

from dossier.cli.common import app, handle_errors, settings_of

kb_app = typer.Typer(help="Extend the knowledge base (your own KB file, which wins over the shipped one).",
                     no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("import")
@handle_errors
def import_(ctx: typer.Context,
            export: Path = typer.Argument(..., help="A Wikidata entity JSON (Special:EntityData) or SPARQL results JSON."),
            into: Path = typer.Option(None, "--into", help="KB file to update. Default: the first --kb / DOSSIER_KB "
                                      "file, else dossier-kb.yaml beside the database (read automatically).")) -> None:
    """Add the entities of a Wikidata export (labels and aliases in fr/en, P31 types, P39 positions
    with start/end dates) to your KB file, so later ingests resolve them and their roles."""
    from dossier.entities.wikidata import import_export

    settings = settings_of(ctx)
    target = into or (Path(settings.kb_files[0]) if settings.kb_files else settings.default_kb_file)
    result = import_export(export, target, settings.kb_files)
    typer.echo(result.line())
