"""The FastAPI application: HTML pages rendered on the server, a JSON API under /api, static
files written for the project. Fully offline: no CDN, no external font, a strict CSP.

The database path comes from the Settings given to :func:`create_app` (the CLI's ``--db`` /
``DOSSIER_DB``), never from a request.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dossier.config import Settings

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_PAGE = 500
MAX_OFFSET = 10_000_000  # a page offset beyond this is a 422, not a database integer overflow
MAX_BODY = 20_000_000  # bytes accepted in one POST


def safe_url(value: str | None) -> str | None:
    """An http(s) URL from article metadata, or None (no javascript:, data: … links)."""
    if not value or not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _short(text: str | None, width: int = 140) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.ChainableUndefined)
    env.filters["safe_url"] = safe_url
    env.filters["short"] = _short
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None, allow_ingest: bool = False) -> FastAPI:
    from dossier.web import api, errors, pages

    app = FastAPI(
        title="dossier",
        summary="A sourced dossier of a negotiation or conflict: articles, actors, timeline, quotes, "
                "disputes, conflicts and positions; every record points to its sentence.",
        version="1",
        docs_url=None,  # Swagger UI would load from a CDN: /api lists the endpoints instead
        redoc_url=None,
        openapi_url="/openapi.json",
        max_body_size=MAX_BODY,  # counts the bytes read, so chunked bodies without Content-Length stop there too
    )
    app.state.settings = settings or Settings()
    app.state.allow_ingest = allow_ingest
    app.state.templates = templates()
    errors.install(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY:
            response = JSONResponse({"error": {"code": "too_large", "message": f"request body over {MAX_BODY} bytes"}},
                                    status_code=413)
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.add_middleware(HeadAsGet)  # outermost: HEAD answers like GET, without the body
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


class HeadAsGet:
    """Answer HEAD on every GET route (pages, API, static files) with the GET response's status
    and headers and no body (RFC 9110 §9.3.2); FastAPI routes declare GET only."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def without_body(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def store_dependency(request: Request) -> Iterator:
    """One read-only store per request (SQLite connections stay on their thread)."""
    from dossier.store import open_store

    store = open_store(request.app.state.settings, readonly=True)
    try:
        yield store
    finally:
        store.close()
