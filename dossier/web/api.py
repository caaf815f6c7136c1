"""The JSON API under /api: read-only unless the server was started with --allow-ingest.

Every list is paginated (``limit`` ≤ 500, ``offset``); dates are YYYY, YYYY-MM or YYYY-MM-DD;
errors have one shape, ``{"error": {"code": ..., "message": ...}}``.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dossier.web.app import MAX_OFFSET, MAX_PAGE, store_dependency
from dossier.web.errors import ApiError, check_date

router = APIRouter()

Store = Annotated[Any, Depends(store_dependency)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many.")]
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Words = Annotated[str | None, Query(max_length=200)]
ArticleId = Annotated[int, Path(ge=1, le=2**62, description="Article id")]


def page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """A page of ``items`` already sliced (or fetched with limit+1 to know whether more follow)."""
    more = len(items) > limit
    items = items[:limit]
    out: dict[str, Any] = {"items": items, "limit": limit, "offset": offset, "count": len(items)}
    if total is not None:
        out["total"] = total
        more = offset + len(items) < total
    out["next_offset"] = offset + len(items) if more else None
    return out


def window(fetch, limit: int, offset: int) -> dict[str, Any]:
    """Page over a store method that only takes a limit."""
    rows = fetch(offset + limit + 1)
    return page(rows[offset:], limit, offset)


@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request):
    routes = [{"path": path, "methods": sorted(m.upper() for m in ops),
               "summary": next(iter(ops.values())).get("description") or next(iter(ops.values())).get("summary", "")}
              for path, ops in sorted(request.app.openapi()["paths"].items())]
    return request.app.state.templates.TemplateResponse(
        request, "api.html", {"routes": routes, "allow_ingest": request.app.state.allow_ingest, "max_page": MAX_PAGE})


@router.get("/api/articles", tags=["articles"])
def list_articles(store: Store, limit: Limit = 50, offset: Offset = 0,
                  outlet: Words = None, since: DateParam = None, until: DateParam = None) -> dict:
    """Stored articles (metadata only), oldest first."""
    rows, total = store.articles_page(limit=limit, offset=offset, outlet=outlet or None,
                                      since=check_date(since, "since"), until=check_date(until, "until"))
    return page(rows, limit, offset, total)


@router.get("/api/articles/{article_id}", tags=["articles"])
def get_article(store: Store, article_id: ArticleId,
                records: Annotated[bool, Query(description="Include every record (mentions, quotes…).")] = True) -> dict:
    """One article: metadata, original text, removed spans and (by default) all its records."""
    art = store.article(article_id)
    if not records:
        from dossier.store.schema import RECORD_TABLES

        for table in RECORD_TABLES:
            art.pop(table, None)
    return art


@router.get("/api/search", tags=["search"])
def search(store: Store, q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find")],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
    """Full-text search over articles, and word search over quotes and events."""
    return {"query": q, "articles": store.search(q, limit=limit),
            "quotes": store.quotes(search=q, limit=limit), "events": store.events_with(search=q, limit=limit)}


@router.get("/api/entities", tags=["entities"])
def list_entities(store: Store, limit: Limit = 50, offset: Offset = 0,
                  type: Annotated[str | None, Query(pattern="^(person|place|organization|group)$")] = None,
                  q: Words = None) -> dict:
    """Canonical entities with their mention counts (most mentioned first)."""
    return page(store.entities_page(type=type, q=q or None, limit=limit + 1, offset=offset), limit, offset)


@router.get("/api/entities/{name}", tags=["entities"])
def get_entity(store: Store, name: Annotated[str, Path(max_length=200)]) -> dict:
    """One entity by id or any alias: aliases seen, roles, articles, co-occurring actors, quotes, events."""
    ent = store.entity(name)
    ent["quotes"] = store.quotes(speaker=ent["id"], limit=MAX_PAGE)
    ent["events"] = store.events_with(entity_id=ent["id"], limit=MAX_PAGE)
    ent["positions"] = store.positions_rows(actor_ids=[ent["id"]])
    return ent


@router.get("/api/timeline", tags=["timeline"])
def timeline(store: Store, limit: Limit = 100, offset: Offset = 0, actor: Words = None,
             type: Annotated[str | None, Query(max_length=40)] = None,
             date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
             date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None) -> dict:
    """Storyline events (merged across articles), each with its sources (article, sentence)."""
    f, t = check_date(date_from, "from"), check_date(date_to, "to")
    return window(lambda n: store.timeline(actor=actor or None, type=type or None, date_from=f, date_to=t, limit=n),
                  limit, offset)


@router.get("/api/quotes", tags=["quotes"])
def quotes(store: Store, limit: Limit = 100, offset: Offset = 0, speaker: Words = None,
           since: DateParam = None, until: DateParam = None, q: Words = None) -> dict:
    """Who said what, when: direct and indirect quotes."""
    s, u = check_date(since, "since"), check_date(until, "until")
    return window(lambda n: store.quotes(speaker=speaker or None, since=s, until=u, search=q or None, limit=n),
                  limit, offset)


@router.get("/api/disputes", tags=["cross-article"])
def disputes(store: Store, limit: Limit = 100, offset: Offset = 0) -> dict:
    """Disputed propositions: claims and denials across articles."""
    rows = store.crossref("disputes")
    return page(rows[offset:offset + limit], limit, offset, len(rows))


@router.get("/api/conflicts", tags=["cross-article"])
def conflicts(store: Store, limit: Limit = 100, offset: Offset = 0) -> dict:
    """Conflicting reports: incompatible details about the same entity or event."""
    rows = store.crossref("conflicts")
    return page(rows[offset:offset + limit], limit, offset, len(rows))


@router.get("/api/positions", tags=["cross-article"])
def positions(store: Store, limit: Limit = 100, offset: Offset = 0, actor: Words = None,
              issue: Annotated[str | None, Query(max_length=60)] = None,
              since: DateParam = None, until: DateParam = None) -> dict:
    """Stated positions (actor, issue, stance, date, evidence), oldest first, and the cross-article
    position summaries when they have been computed."""
    ids = store.resolve_entity(actor) if actor else None
    rows = store.positions_rows(actor_ids=ids, issue=issue or None,
                                since=check_date(since, "since"), until=check_date(until, "until"))
    out = page(rows[offset:offset + limit], limit, offset, len(rows))
    summary = store.crossref("positions")
    if ids is not None:
        summary = [s for s in summary if s.get("actor_id") in ids]
    if issue:
        summary = [s for s in summary if str(s.get("issue", "")).lower() == issue.lower()]
    out["summary"] = summary
    return out


MAX_TEXT = 1_000_000  # characters in one posted article (spaCy's default max_length)
MAX_RECORDS = 100


class IngestRecord(BaseModel):
    """One article given as JSON. No path, no URL to fetch: the text itself."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=8)


_RECORD_SCHEMA = IngestRecord.model_json_schema()
_INGEST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [_RECORD_SCHEMA, {"type": "array", "items": _RECORD_SCHEMA, "minItems": 1, "maxItems": MAX_RECORDS}]}}}}}


def _check_record(raw: Any, where: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the record, None) or (None, the one-line reason it is rejected)."""
    try:
        record = IngestRecord.model_validate(raw)
        check_date(record.published, f"{where}.published")
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err.get("loc", ()))
        return None, f"{where}{'.' + field if field else ''}: {err.get('msg', 'invalid')}"
    except ApiError as exc:
        return None, exc.message
    return record.model_dump(exclude_none=True), None


@router.post("/api/ingest", tags=["write"], status_code=201, openapi_extra=_INGEST_BODY)
def ingest(request: Request, body: Annotated[Any, Body()]) -> dict:
    """Add articles (only when the server runs with --allow-ingest): one JSON record
    {text, title, url, published, outlet, language} or a list of up to 100. Each record is
    checked on its own: an invalid one is listed in ``rejected`` with its reason and the others
    are stored. Returns the ingest summary (new, duplicates, skipped, failed, rejected)."""
    records = body if isinstance(body, list) else [body]
    if not 1 <= len(records) <= MAX_RECORDS:
        raise ApiError(422, "invalid_parameter", f"send between 1 and {MAX_RECORDS} records")
    valid, names, rejected = [], [], []
    for i, raw in enumerate(records):
        name = f"records[{i}]" if isinstance(body, list) else "record"
        record, reason = _check_record(raw, name)
        if reason:
            rejected.append({"index": i, "reason": reason})
        else:
            valid.append(record)
            names.append(name)
    if not valid:
        raise ApiError(422, "bad_date" if all(": not a date" in r["reason"] for r in rejected) else "invalid_parameter",
                       "; ".join(r["reason"] for r in rejected[:5]))
    if not request.app.state.allow_ingest:
        raise ApiError(403, "forbidden", "this server is read-only (start it with --allow-ingest to add articles)")
    from dossier.web.ingest import ingest_records

    return {**ingest_records(valid, request.app.state.settings, names), "rejected": rejected}
