"""HTML pages rendered on the server (Jinja2, autoescape on). Each route asks the store, shapes
nothing more than the page needs and hands it to a template."""
from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from dossier import cards
from dossier.claims.wording import issue_labels
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


Sort = Literal["date", "sources"]
MinSources = Annotated[int, Query(ge=1, le=50)]
DateFrom = Annotated[str | None, Query(alias="from", max_length=10)]
DateTo = Annotated[str | None, Query(alias="to", max_length=10)]


@router.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, store: Store, actor: Text = None, type: Text = None,
                  date_from: DateFrom = None, date_to: DateTo = None,
                  group: Literal["day", "week", "month"] = "month", sort: Sort = "date",
                  min_sources: MinSources = 1):
    f, t = check_date(date_from, "from"), check_date(date_to, "to")
    view = cards.timeline_view(store, actor=actor or None, type=type or None, date_from=f, date_to=t,
                               sort=sort, min_sources=min_sources)
    return render(request, "timeline.html", view=view, axis=charts.timeline_groups(view.story, by=group),
                  filters={"actor": actor or "", "type": type or "", "from": f or "", "to": t or "", "group": group,
                           "sort": sort, "min_sources": min_sources},
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
                  issues=issue_labels(request.app.state.settings.issues_file),
                  axis=charts.timeline_groups(when, by="week") if quotes else None)


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, store: Store, actor: Text = None, place: Text = None,
                  date_from: DateFrom = None, date_to: DateTo = None):
    f, t = check_date(date_from, "from"), check_date(date_to, "to")
    found = cards.dispute_cards(store, cards.Filters(actor=actor or None, place=place or None, since=f, until=t))
    return render(request, "disputes.html", cards=found,
                  filters={"actor": actor or "", "place": place or "", "from": f or "", "to": t or ""})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, store: Store):
    return render(request, "conflicts.html", cards=cards.conflict_cards(store))


@router.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request, store: Store, actor: Text = None, issue: Text = None):
    issues_file = request.app.state.settings.issues_file
    view = cards.positions_view(store, actor=actor or None, issue=issue or None, issues_file=issues_file)
    return render(request, "positions.html", view=view, all_issues=sorted(
        issue_labels(issues_file).items(), key=lambda kv: kv[1].casefold()), actor=actor or "", issue=issue or "")


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
