"""Read-only web pages and a JSON API over the archive (``sinodesk serve``).

    from sinodesk.web import create_app
    app = create_app("desk.db")          # an ASGI app: uvicorn.run(app, host="127.0.0.1", port=8080)

Layout: :mod:`.app` (the factory, security headers, errors), :mod:`.pages` (HTML) and :mod:`.api`
(JSON) over :mod:`.queries` (what both show), :mod:`.highlight` (facts marked in a story's text),
``templates/`` (Jinja2) and ``static/`` (CSS, a few keyboard shortcuts, a vendored htmx).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
