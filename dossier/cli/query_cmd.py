"""Read-only commands over the store: articles, show, search, entities, entity, timeline,
quotes, disputes, conflicts, positions."""
from __future__ import annotations

import typer

from dossier.cli.common import app, emit_json, handle_errors, settings_of, short
from dossier.cli import render
from dossier.errors import DossierError


def _store(ctx):
    """The store, read-only, after finishing a cross-article rebuild an earlier ingest left undone."""
    from dossier.ingest import rebuild_if_stale
    from dossier.store import open_store

    settings = settings_of(ctx)
    note = rebuild_if_stale(settings)
    if note:
        typer.echo(f"note: {note}", err=True)
    return open_store(settings, readonly=True)


JSON = typer.Option(False, "--json", help="Machine-readable JSON output.")


@app.command()
@handle_errors
def articles(ctx: typer.Context, limit: int = typer.Option(100, min=0, help="At most this many."),
             offset: int = typer.Option(0, min=0, help="Skip this many."),
             failed: bool = typer.Option(False, "--failed", help="List the articles the pipeline failed on instead "
                                         "(source, stage, error; taken again by 'dossier ingest --retry-failed')."),
             json_out: bool = JSON) -> None:
    """List stored articles: id, date (precision), outlet, title."""
    with _store(ctx) as store:
        rows = store.failures(limit=limit, offset=offset) if failed else store.articles(limit=limit, offset=offset)
    if json_out:
        return emit_json(rows)
    if failed and not rows:
        typer.echo("no failed articles")
    for r in rows:
        typer.echo(render.failure_line(r) if failed else render.article_line(r))


@app.command()
@handle_errors
def show(ctx: typer.Context,
         ref: str = typer.Argument(..., help="Article id, or ID:SENTENCE to jump to a sentence (as cited by timeline/quotes)."),
         json_out: bool = JSON,
         full: bool = typer.Option(False, "--full", help="With --json: include every record.")) -> None:
    """Show one article: metadata, the original text with removed furniture marked and dates
    highlighted with their resolved values; or one cited sentence in its context."""
    article_id, _, sent = ref.partition(":")
    if not article_id.isdigit() or (sent and not sent.isdigit()):
        raise DossierError(f"not an article reference: {ref!r} (expected ID or ID:SENTENCE)")
    with _store(ctx) as store:
        art = store.article(int(article_id))
    if json_out:
        if not full:
            for k in ("raw_text",):
                art.pop(k, None)
        return emit_json(art)
    typer.echo(render.article_view(art, int(sent) if sent else None))


@app.command()
@handle_errors
def search(ctx: typer.Context, words: list[str] = typer.Argument(..., help="Words to find (full-text, accents optional)."),
           limit: int = typer.Option(20), json_out: bool = JSON) -> None:
    """Full-text search over stored articles."""
    query = " ".join(words)  # `dossier search otages Doha` as `dossier search "otages Doha"`
    with _store(ctx) as store:
        rows = store.search(query, limit=limit)
    if json_out:
        return emit_json(rows)
    if not rows:
        typer.echo("no match")
    for r in rows:
        typer.echo(f"#{r['id']:<4} {r['published'] or '?':10}  {short(r['title'], 60)}\n      {short(r['snippet'], 110)}")


@app.command()
@handle_errors
def entities(ctx: typer.Context,
             type: str = typer.Option(None, "--type", help="person | place | organization | group"),
             limit: int = typer.Option(200), json_out: bool = JSON) -> None:
    """List canonical entities with their mention counts."""
    with _store(ctx) as store:
        rows = store.entities(type=type, limit=limit)
    if json_out:
        return emit_json(rows)
    for r in rows:
        qid = f" {r['wikidata']}" if r.get("wikidata") else ""
        typer.echo(f"{r['mentions']:>4}× {r['type'] or '?':12} {r['name']}{qid}  [{r['id']}]")


@app.command()
@handle_errors
def entity(ctx: typer.Context, names: list[str] = typer.Argument(..., help="Any name, alias or spelling (Ouchakov, Ushakov…)."),
           json_out: bool = JSON) -> None:
    """Profile of one entity: aliases seen, roles, articles, co-occurring actors."""
    name = " ".join(names)  # `dossier entity Abdel Fattah al-Burhan` without quotes
    with _store(ctx) as store:
        ent = store.entity(name)
    if json_out:
        return emit_json(ent)
    typer.echo(render.entity_view(ent))


@app.command()
@handle_errors
def timeline(ctx: typer.Context,
             actor: str = typer.Option(None, "--actor", help="Only events with this participant (any alias)."),
             type: str = typer.Option(None, "--type", help="Event type or PLOVER code (meeting, CONSULT, ASSAULT…)."),
             date_from: str = typer.Option(None, "--from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
             date_to: str = typer.Option(None, "--to", help="Up to this date (inclusive, any precision)."),
             dated_only: bool = typer.Option(False, "--dated-only", help="Leave out events the texts do not date."),
             background: bool = typer.Option(False, "--background", help="Show background events (dated over half a year before their article) in full instead of folded."),
             details: bool = typer.Option(False, "--details", "-d", help="Show each event's evidence and the details its sources disagree on."),
             limit: int = typer.Option(1000), json_out: bool = JSON) -> None:
    """The merged timeline: one line per storyline event, its date precision, participants,
    place and sources (cite a source with `dossier show ID:SENTENCE`). Background events (history
    an article recalls, dated over half a year before it) are folded into one line after the story
    unless --background is given; events naming neither participant nor place make no line."""
    for value, opt in ((date_from, "--from"), (date_to, "--to")):
        render.check_date(value, opt)
    with _store(ctx) as store:
        rows = store.timeline(actor=actor, type=type, date_from=date_from, date_to=date_to, limit=limit)
    if dated_only:
        rows = [r for r in rows if r.get("date")]
    if json_out:
        return emit_json(rows)
    rows = [r for r in rows if r.get("timeline_line", True)]  # no participant, no place: no line
    if not rows:
        typer.echo("no events (ingest articles first, or widen the filters)")
    story = [r for r in rows if background or not r.get("background")]
    for r in story:
        typer.echo(render.timeline_line(r, details=details))
    folded = [r for r in rows if r.get("background") and not background]
    if folded:
        typer.echo(render.folded_background(folded))


@app.command()
@handle_errors
def quotes(ctx: typer.Context,
           speaker: str = typer.Option(None, "--speaker", help="Speaker under any alias."),
           since: str = typer.Option(None, "--since", help="Statements made on/after this date."),
           until: str = typer.Option(None, "--until", help="Statements made on/before this date."),
           search: str = typer.Option(None, "--search", help="Words the quote must contain."),
           limit: int = typer.Option(500), json_out: bool = JSON) -> None:
    """Who said what, when: direct and indirect quotes with their speakers and dates."""
    render.check_date(since, "--since")
    render.check_date(until, "--until")
    with _store(ctx) as store:
        rows = store.quotes(speaker=speaker, since=since, until=until, search=search, limit=limit)
    if json_out:
        return emit_json(rows)
    if not rows:
        typer.echo("no quotes")
    for r in rows:
        typer.echo(render.quote_line(r))


def _crossref(ctx, kind):
    with _store(ctx) as store:
        return store.crossref(kind)


def _show_crossref(ctx, kind: str, json_out: bool, render_one) -> None:
    rows = _crossref(ctx, kind)
    if json_out:
        return emit_json(rows)
    if not rows:
        typer.echo(f"no {kind}")
    for r in rows:
        typer.echo(render_one(r))


@app.command()
@handle_errors
def disputes(ctx: typer.Context, json_out: bool = JSON) -> None:
    """Disputed propositions (claims vs denials), each side's claimants, dates and evidence."""
    _show_crossref(ctx, "disputes", json_out, render.dispute_block)


@app.command()
@handle_errors
def conflicts(ctx: typer.Context, json_out: bool = JSON) -> None:
    """Conflicting reports: incompatible details about the same entity or event, side by side,
    each source with its outlet and publication day."""
    if json_out:
        return _show_crossref(ctx, "conflicts", json_out, render.conflict_block)
    with _store(ctx) as store:
        rows = store.crossref("conflicts")
        ids = sorted({int(src[0]) for r in rows for v in r.get("values") or [] for src in v.get("sources") or []
                      if isinstance(src, (list, tuple)) and src and str(src[0]).isdigit()})
        articles = {str(i): a for i, a in store.article_meta(ids).items()}  # only the articles cited
    if not rows:
        typer.echo("no conflicts")
    for r in rows:
        typer.echo(render.conflict_block(r, articles))


@app.command()
@handle_errors
def positions(ctx: typer.Context,
              actor: str = typer.Option(None, "--actor", help="Only this actor (any alias)."),
              issue: str = typer.Option(None, "--issue", help="Only this issue id (nato, ceasefire, territory…)."),
              json_out: bool = JSON) -> None:
    """Actor × issue matrix: each actor's stance on each negotiation issue, with dated evidence.
    The issues are the shipped ones plus those of the file DOSSIER_ISSUES names at ingest."""
    rows = _crossref(ctx, "positions")
    if actor:
        with _store(ctx) as store:
            ids = set(store.resolve_entity(actor))
        rows = [r for r in rows if r.get("actor_id") in ids]
    if issue:  # an issue id or its first word: --issue nato finds nato_membership
        wanted = issue.lower()
        rows = [r for r in rows if str(r.get("issue", "")).lower() in (wanted, )
                or str(r.get("issue", "")).lower().startswith(wanted + "_")]
    if json_out:
        return emit_json(rows)
    if not rows:
        typer.echo("no positions")
    for r in sorted(rows, key=lambda r: (str(r.get("issue")), str(r.get("actor_name")))):
        typer.echo(render.position_line(r))
