"""``sinodesk serve``: the web UI and JSON API over one archive (or one page printed with --get)."""

from __future__ import annotations

import os
import sys

import click

from .common import config_option, db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port to listen on.")
@click.option("--token", default=lambda: os.environ.get("SINODESK_WEB_TOKEN"), show_default="$SINODESK_WEB_TOKEN",
              help="Enable the write endpoints (topic labels), for requests that send 'Authorization: Bearer TOKEN'.")
@click.option("--get", "get_path", metavar="PATH", help="Print the page or API answer at PATH and exit, without a server.")
@config_option
def serve(db, host, port, token, get_path, config):
    """Serve the web UI (search, stories, events, sources, rejects) and the JSON API (/api).

    Read-only unless started with --token. --get prints one page (HTML or JSON) to stdout and
    exits 1 with the error message when the page answers with an error.

    \b
    Example:
      sinodesk serve --db desk.db --port 8080
      sinodesk serve --db desk.db --get '/api/search?q=DeepSeek'
    """
    from ..settings import load_settings
    from ..web import create_app

    settings = load_settings(config, db=db)
    app = create_app(settings.db, settings=settings, token=token)
    if get_path is not None:
        from starlette.testclient import TestClient

        if not get_path.startswith("/"):
            raise click.UsageError(f"--get {get_path!r}: give a path starting with '/', e.g. /search?q=DeepSeek")
        with TestClient(app, base_url="http://127.0.0.1") as client:
            resp = client.get(get_path, follow_redirects=True)
        sys.stdout.write(resp.text)
        if resp.status_code >= 400:
            from urllib.parse import unquote

            from ..errors import BadInput, NotFound

            message = unquote(resp.headers.get("x-error-message", ""))
            raise (NotFound if resp.status_code == 404 else BadInput)(f"GET {get_path} answered {resp.status_code}: {message}")
        return
    import uvicorn

    if token is None and host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"serving {settings.db} read-only on {host}: anyone who can reach this address can read the archive", err=True)
    click.echo(f"serving {settings.db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(serve)
