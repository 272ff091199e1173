"""The web application: read-only pages and a JSON API over one archive.

    app = create_app("desk.db")            # then: uvicorn.run(app) -- or 'sinodesk serve'

Pages are rendered on the server (Jinja2, every value escaped); a vendored htmx only enhances
them (results update as you type), so everything reads without JavaScript.  Every response
carries a strict Content-Security-Policy: scripts and styles from this server only, no inline
code, no frames, nothing fetched from anywhere else.  Nothing is written unless the app was
created with a token (then the write endpoints exist and need it).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ArchiveError, BadInput, ConfigError, NotFound, SinodeskError
from ..settings import Settings
from .desk import Desk

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


STATUS = ((NotFound, 404), (BadInput, 400), (ConfigError, 400), (ArchiveError, 503))


def status_of(exc: SinodeskError) -> int:
    return next((code for cls, code in STATUS if isinstance(exc, cls)), 500)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str):
    """The error as JSON under /api/, else as a page; the message also in a header (percent-encoded)."""
    from urllib.parse import quote

    if wants_json(request):
        resp = JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    else:
        from .pages import render

        resp = render(request, "error.html.j2", {"status": status, "message": message, "title": f"Error {status}"}, status=status)
    resp.headers["X-Error-Message"] = quote(message, safe=" ,.:;'()/=?&-_")
    return resp


def create_app(db: str, *, settings: Settings | None = None, token: str | None = None) -> FastAPI:
    """The app serving the archive at ``db`` (which must exist).  ``token`` enables the write endpoints."""
    from . import api, pages

    desk = Desk(db=db, settings=settings or Settings(db=db), token=token or None)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        desk.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sinodesk",
        version=__version__,
        description="Read the sinodesk archive: stories in the export contract's fields, full-text search, "
                    "event comparisons, briefings, incidents and trends. Lists are paginated (page, per_page); "
                    "errors are JSON objects {\"error\": {\"status\", \"message\"}}.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; /api lists the endpoints instead
        openapi_url="/api/openapi.json",
    )
    app.state.desk = desk
    app.state.templates = pages.make_templates()
    pages.static_parts(app.state.templates, desk)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    if token:
        app.include_router(api.write_router)
    app.include_router(pages.router)

    @app.exception_handler(SinodeskError)
    async def sinodesk_error(request: Request, exc: SinodeskError):
        return error_response(request, status_of(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        status = exc.status_code
        if status in (404, 405) and request.method not in ("GET", "HEAD"):
            status, message = 405, f"{request.method} {request.url.path}: not allowed (this server is read-only unless started with --token)"
        elif status == 404 and message == "Not Found":
            message = f"{request.url.path}: no such page (start at / or see /api for the API)"
        return error_response(request, status, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            if e.get("type") == "json_invalid":  # its loc is ('body', character): "0: JSON decode error" said nothing
                at = e.get("loc", ("body", 0))[-1]
                parts.append(f"body: not valid JSON ({e.get('ctx', {}).get('error', 'cannot be read')} at character {at}); "
                             "send a JSON object as /api/openapi.json describes it")
                continue
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" + (f" (got {e['input']!r})" if "input" in e else ""))
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    return app


__all__ = ["create_app", "CSP"]
