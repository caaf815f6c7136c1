"""HTML pages rendered on the server (Jinja2, autoescape on). Each route asks the store, shapes
nothing more than the page needs and hands it to a template."""
from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from dossier.errors import NotFound
from dossier.web import charts
from dossier.web.app import MAX_OFFSET, MAX_PAGE, store_dependency
from dossier.web.errors import check_date
from dossier.web.markup import article_regions

router = APIRouter(include_in_schema=False)
Store = Annotated[Any, Depends(store_dependency)]
Text = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def render(request: Request, name: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def cite(value: Any) -> tuple[int, int | None] | None:
    """(article id, sentence) when a cross-article payload item points to an article."""
    if not isinstance(value, dict):
        return None
    for key in ("article_id", "article", "key"):
        raw = value.get(key)
        if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
            sentence = value.get("sentence")
            return int(raw), sentence if isinstance(sentence, int) else None
    return None


@router.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, store: Store, actor: Text = None, type: Text = None,
                  date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                  date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
                  group: Literal["day", "week", "month"] = "day"):
    f, t = check_date(date_from, "from"), check_date(date_to, "to")
    rows = store.timeline(actor=actor or None, type=type or None, date_from=f, date_to=t, limit=2000)
    rows = [r for r in rows if r.get("timeline_line", True)]  # no participant, no place: no line
    story = [r for r in rows if not r.get("background")]  # history recalled is folded below
    axis = charts.timeline_groups(story, by=group)
    return render(request, "timeline.html", axis=axis, rows=story, total=len(story),
                  background=[r for r in rows if r.get("background")],
                  filters={"actor": actor or "", "type": type or "", "from": f or "", "to": t or "", "group": group},
                  articles=store.count("articles"))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: Store, offset: Offset = 0,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100):
    rows, total = store.articles_page(limit=limit, offset=offset)
    return render(request, "articles.html", rows=rows, total=total, offset=offset, limit=limit)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: Store, article_id: Annotated[int, Path(ge=1, le=2**62)]):
    art = store.article(article_id)
    near = store.article_meta([art["near_duplicate_of"]]).get(art["near_duplicate_of"]) if art.get("near_duplicate_of") else None
    return render(request, "article.html", a=art, regions=article_regions(art), near=near)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: Store, q: Text = None,
                  type: Annotated[Literal["person", "place", "organization", "group", ""], Query()] = "",
                  offset: Offset = 0):
    if q:
        ids = store.resolve_entity(q)
        if len(ids) == 1:
            return RedirectResponse(f"/entities/{quote(ids[0], safe='')}", status_code=303)
    rows = store.entities_page(type=type or None, q=q or None, limit=MAX_PAGE, offset=offset)
    return render(request, "entities.html", rows=rows, q=q or "", type=type)


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, store: Store, name: Annotated[str, Path(max_length=200)]):
    ent = store.entity(name)
    if ent["id"] != name:
        return RedirectResponse(f"/entities/{quote(ent['id'], safe='')}", status_code=303)
    quotes = store.quotes(speaker=ent["id"], limit=MAX_PAGE)
    events = store.events_with(entity_id=ent["id"], limit=MAX_PAGE)
    if ent.get("type") == "place":
        events += store.events_with(place_id=ent["id"], limit=MAX_PAGE)
    positions = store.positions_rows(actor_ids=[ent["id"]])
    when = [{"date": q.get("date") or q.get("article_published")} for q in quotes]
    return render(request, "entity.html", e=ent, quotes=quotes, events=events, positions=positions,
                  axis=charts.timeline_groups(when, by="week") if quotes else None)


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, store: Store):
    return render(request, "crossref.html", kind="disputes", title="Disputes",
                  lead="Propositions asserted by some and denied by others, with each side's evidence.",
                  rows=store.crossref("disputes"), cite=cite)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, store: Store):
    return render(request, "crossref.html", kind="conflicts", title="Conflicting reports",
                  lead="Incompatible details about the same entity or event, side by side.",
                  rows=store.crossref("conflicts"), cite=cite)


@router.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request, store: Store, actor: Text = None, issue: Text = None):
    ids = store.resolve_entity(actor) if actor else None
    rows = store.positions_rows(actor_ids=ids, issue=issue or None)
    matrix: dict[str, dict[str, list[dict]]] = {}
    names: dict[str, str] = {}
    for r in rows:
        matrix.setdefault(r["actor_id"], {}).setdefault(r["issue"], []).append(r)
        names[r["actor_id"]] = r.get("actor_name") or r["actor_id"]
    issues = sorted({r["issue"] for r in rows})
    return render(request, "positions.html", matrix=matrix, names=names, issues=issues, rows=rows,
                  summary=store.crossref("positions"), cite=cite, actor=actor or "", issue=issue or "")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: Store, q: Text = None):
    results = None
    if q and q.strip():
        results = {"articles": store.search(q, limit=50), "quotes": store.quotes(search=q, limit=50),
                   "events": store.events_with(search=q, limit=50)}
    return render(request, "search.html", q=q or "", results=results)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: Store):
    places = store.event_places()
    return render(request, "map.html", view=charts.project(places), places=places)


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    raise NotFound("no favicon")
