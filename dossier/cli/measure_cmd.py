"""`dossier eval` and `dossier bench`."""
from __future__ import annotations

import typer

from dossier.cli.common import app, emit_json, handle_errors, settings_of
from dossier.errors import DossierError


@app.command("eval")
@handle_errors
def eval_cmd(
    ctx: typer.Context,
    gold: str = typer.Option(..., "--gold", help="Gold file in the dossier-gold/1 format."),
    corpus: str = typer.Option(None, "--corpus", help="Folder holding the gold articles (default: beside the gold file)."),
    manifest: str = typer.Option(None, "--manifest", help="Crawl manifest to use (publication dates, outlets)."),
    db: str = typer.Option(None, "--db", help="Score what this database stores (articles matched to gold by file name, url or title) instead of a fresh run."),
    complete: str = typer.Option(None, "--complete", help="Tasks the gold annotates completely, comma-separated (entities, dates, quotes, events, claims, same_events, conflicts, all, none): precision and F1 only for these. Default: the gold's own 'complete' key, else every task."),
    errors: bool = typer.Option(False, "--errors", help="List what was missed, extra or wrong, per article and task."),
    wrap: int = typer.Option(None, "--wrap", min=20, help="Hard-wrap every article at this many characters before the run (the scores of plain-text wire copy or PDF text; gold strings are found across the new line breaks)."),
    hyphenate: bool = typer.Option(False, "--hyphenate", help="With --wrap: cut long words with a hyphen at the line's end too, as in text extracted from a PDF (\"négocia-\" / \"tions\")."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON (with --errors: an 'errors' section)."),
    check: bool = typer.Option(False, "--check-floors", help="Exit 1 when a task scores below its recorded floor."),
    update: bool = typer.Option(False, "--update-floors", help="Record the current scores as the new floors (raises only, unless --allow-lower)."),
    allow_lower: bool = typer.Option(False, "--allow-lower", help="With --update-floors: let a floor go down (say why in the commit)."),
) -> None:
    """Score every task (entities, dates, quotes, events, claims, merges…) against gold
    annotations, with baselines side by side: a fresh pipeline run, or a database (--db)."""
    from dossier.eval import check_floors, format_errors, format_report, run_eval, run_eval_stored, update_floors

    if db and (corpus or manifest or wrap):
        raise DossierError("--db scores what is stored: --corpus, --manifest and --wrap do not apply")
    if hyphenate and not wrap:
        raise DossierError("--hyphenate goes with --wrap N (the width of the lines)")
    if wrap and (update or check):
        raise DossierError("--wrap is a robustness check: the floors are for the texts as they are")
    if db:
        report = run_eval_stored(gold, settings_of(ctx).with_(db=db), complete=complete, errors=errors)
    else:
        report = run_eval(gold, corpus_dir=corpus, manifest=manifest, settings=settings_of(ctx),
                          complete=complete, errors=errors, wrap=wrap, hyphenate=hyphenate)
    if json_out:
        emit_json(report)
    else:
        if errors:
            typer.echo(format_errors(report["errors"]))
            typer.echo()
        typer.echo(format_report(report))
    if update:
        update_floors(report, allow_lower=allow_lower)
        typer.echo("floors updated: dossier/eval/floors.json", err=True)
    if check:
        failures = check_floors(report)
        for line in failures:
            typer.echo(f"below floor: {line}", err=True)
        if failures:
            raise typer.Exit(1)


@app.command()
@handle_errors
def bench(
    ctx: typer.Context,
    quick: bool = typer.Option(False, "--quick", help="Small corpus and sizes, a 10k-article database (a smoke run)."),
    repeats: int = typer.Option(3, help="Repetitions of the pipeline/bare-spaCy comparison."),
    corpus: list[str] = typer.Option(None, "--corpus", help="A folder of real articles to measure too (repeatable); "
                                     "the workers comparison then uses them."),
    workers: int = typer.Option(2, "--workers", min=0, help="Compare 1 and N worker processes (0 or 1: skip)."),
    workers_articles: int = typer.Option(None, "--workers-articles", min=1, help="Articles for the workers comparison "
                                         "(default 244, 48 with --quick), cycled from the corpus with distinct closing lines."),
    postgres: str = typer.Option(None, "--postgres", help="A PostgreSQL server URL (postgresql://USER@HOST/DB): the workers' "
                                 "ingest and the query latencies are measured there too, in scratch schemas dropped after."),
    json_out: bool = typer.Option(False, "--json", help="Print the results as JSON."),
    growth: str = typer.Option(None, "--growth", help="Only the growth benchmark: ingest a batch of 100 real-length "
                               "articles into databases already holding these many articles, comma-separated "
                               "(e.g. 0,1000,10000,100000), with their cross-article state built."),
    growth_dir: str = typer.Option("build/growth", "--growth-dir", help="Where the grown databases are built once "
                                   "and reused."),
    growth_flow: str = typer.Option("stories", "--growth-flow", help="The synthetic news flow of the growth benchmark: "
                                    "'stories' (many stories of the knowledge base's states and persons) or 'one-story' "
                                    "(16 persons in every article, as measured before)."),
) -> None:
    """Speed and memory: the pipeline vs a bare nlp.pipe of the same model over the same texts
    (real-length synthetic articles, and the --corpus folders), per-stage time, 1 vs N workers,
    scaling at 1x/10x/100x, and query latency on a large synthetic database. With --growth: the
    ingest of a batch as the stored corpus grows (articles/s, the cross-article update's time)."""
    from dossier.bench import format_bench, run_bench

    if growth:
        from dossier.bench.growth import format_growth
        from dossier.bench.growth import growth as run_growth

        try:
            sizes = tuple(int(x) for x in growth.split(",") if x.strip())
        except ValueError:
            raise typer.BadParameter("--growth takes sizes such as 0,1000,10000") from None
        from dossier.bench.synth import FLOWS

        if growth_flow not in FLOWS:
            raise typer.BadParameter(f"--growth-flow is one of {', '.join(FLOWS)}")
        rows = run_growth(sizes, growth_dir=growth_dir, flow=growth_flow)
        if json_out:
            emit_json(rows)
        else:
            typer.echo(format_growth(rows))
        return

    result = run_bench(settings_of(ctx), repeats=repeats, quick=quick, corpora=tuple(corpus or ()),
                       workers=workers, workers_articles=workers_articles, postgres=postgres)
    if json_out:
        emit_json(result)
    else:
        typer.echo(format_bench(result))
