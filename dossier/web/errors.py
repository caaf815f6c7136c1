"""One error shape for the JSON API, ``{"error": {"code": ..., "message": ...}}``, and the HTML
error page for the browser pages. Domain exceptions are translated here, once."""
from __future__ import annotations

import datetime as dt
import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.errors import DossierError, NotFound, StoreError

log = logging.getLogger(__name__)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 422: "invalid_parameter", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar, or None for an empty value."""
    if value is None or value == "":
        return None
    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise ApiError(422, "bad_date", f"{name}: not a date: {value[:40]!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _respond(request: Request, status: int, code: str, message: str):
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                      status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return _respond(request, 422, "invalid_parameter", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        elif exc.status_code == 413:
            from dossier.web.app import MAX_BODY

            message = f"request body over {MAX_BODY} bytes"
        return _respond(request, exc.status_code, _CODES.get(exc.status_code, "error"), message)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return _respond(request, 404, "not_found", str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        return _respond(request, 503, "unavailable", str(exc))

    @app.exception_handler(DossierError)
    async def _domain(request: Request, exc: DossierError):
        return _respond(request, 400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal_error", "internal error (see the server log)")
