"""HTML pages: search, story, events and an event's framing comparison, sources, rejects, raw inputs.

Every page is a plain GET with its state in the URL, rendered on the server, so it reads (and can
be shared, bookmarked and printed) without JavaScript.  With htmx, the search form asks for the
results fragment alone as you type (``HX-Request``), and pushes the URL.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .desk import Desk
from .queries import (
    INCIDENT_TYPES,
    IncidentParams,
    SearchParams,
    conflict_keys,
    event_comparison,
    events_list,
    incident_view,
    incidents,
    rejects_page,
    search,
    snippet_parts,
    story_view,
)

router = APIRouter(include_in_schema=False)


def make_templates():
    """The Jinja2 environment: autoescaping on for every template (all user text is escaped)."""
    import jinja2

    from .app import HERE

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["qs"] = lambda d: urlencode(d)
    env.globals["snippet_parts"] = snippet_parts
    env.globals["lang_name"] = lambda code: LANGUAGES.get(code or "", code or "unknown")
    return env


def static_parts(env, desk: Desk) -> None:
    """Pieces of the search form that never change while the server runs, rendered once (the
    outlet names offered as you type in the outlet filter: the registry's 255)."""
    from markupsafe import Markup

    env.globals["outlet_datalist"] = Markup(env.from_string(
        '<datalist id="outlet-names">{% for o in outlets %}<option value="{{ o.name }}">{% endfor %}</datalist>'
    ).render(outlets=list(desk.registry)))


LANGUAGES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian", "fr": "French",
             "de": "German", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic", "vi": "Vietnamese"}

NAV = (("/search", "Search"), ("/briefings", "Briefing"), ("/events", "Events"), ("/trends", "Trends"), ("/incidents", "Incidents"),
       ("/sources", "Sources"), ("/rejects", "Rejects"), ("/api", "API"))


def render(request: Request, template: str, ctx: dict, *, status: int = 200) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(request_path=request.url.path, nav=NAV, **ctx)
    return HTMLResponse(html, status_code=status, headers={"Vary": "HX-Request"})


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def _partial(request: Request) -> bool:
    return bool(request.headers.get("hx-request")) and not request.headers.get("hx-history-restore-request")


@router.get("/")
def home() -> Response:
    return RedirectResponse("/search", status_code=307)


@router.get("/search")
def search_page(request: Request, q: str = "", topic: str = "", outlet: str = "", family: str = "", lang: str = "",
                since: str = "", until: str = "", entity: str = "", page: Annotated[int, Query()] = 1,
                per_page: Annotated[int, Query()] = 20):
    desk = _desk(request)
    params = SearchParams(q=q, topic=topic, outlet=outlet, family=family, lang=lang, since=since, until=until,
                          entity=entity, page=page, per_page=per_page)
    result = search(desk, params)
    ctx = {"r": result, "p": result.params, "desk": desk, "languages": LANGUAGES,
           "title": f"{q} – search" if q else "Search"}
    return render(request, "_results.html.j2" if _partial(request) else "search.html.j2", ctx)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, hl: str = ""):
    view = story_view(_desk(request), story_id, hl)
    return render(request, "story.html.j2", {"v": view, "s": view.story, "title": view.story.headline or view.story.story_id})


@router.get("/events")
def events_page(request: Request, since: str = "", until: str = "", min_size: int = 2, page: int = 1):
    rows = events_list(_desk(request), since, until, min_size)
    per = 50
    first = (max(page, 1) - 1) * per
    return render(request, "events.html.j2", {"rows": rows[first : first + per], "total": len(rows), "page": max(page, 1),
                                              "has_next": len(rows) > first + per, "since": since, "until": until,
                                              "min_size": min_size, "title": "Events"})


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str):
    comparison = event_comparison(_desk(request), event_id)
    return render(request, "event.html.j2", {"c": comparison, "conflicts": conflict_keys(comparison),
                                             "title": f"Event {event_id}"})


@router.get("/incidents")
def incidents_page(request: Request, since: str = "", until: str = "", actor: str = "", technique: str = "", type: str = "",
                   victim: str = "", page: int = 1):
    p = IncidentParams(since=since, until=until, actor=actor, technique=technique, type=type, victim=victim, page=page)
    rows, has_next = incidents(_desk(request), p)
    return render(request, "incidents.html.j2", {"rows": rows, "p": p, "has_next": has_next, "types": INCIDENT_TYPES,
                                                 "title": "Incidents"})


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str):
    rec = incident_view(_desk(request), incident_id)
    return render(request, "incident.html.j2", {"r": rec, "title": rec["title"]})


@router.get("/briefings")
def briefing_latest(request: Request, name: str = ""):
    return _briefing_page(request, None, name)


@router.get("/briefings/latest")
def briefing_latest_alias(request: Request, name: str = ""):
    return _briefing_page(request, None, name)


@router.get("/briefings/{briefing_id}")
def briefing_page(request: Request, briefing_id: int):
    return _briefing_page(request, briefing_id, "")


def _briefing_page(request: Request, briefing_id: int | None, name: str):
    from .briefs import briefing, briefing_context, briefing_list

    desk = _desk(request)
    b = briefing(desk, briefing_id, name)
    return render(request, "briefing.html.j2", {"b": b, **briefing_context(b), "older": briefing_list(desk),
                                                "title": b.title})


@router.get("/trends")
def trends_page(request: Request, topic: Annotated[list[str], Query()] = [], entity: Annotated[list[str], Query()] = [],  # noqa: B006
                family: Annotated[list[str], Query()] = [], since: str = "90d", until: str = ""):  # noqa: B006
    from .briefs import TrendParams, chart_of, trends

    desk = _desk(request)
    p = TrendParams(tuple(t for t in topic if t), tuple(e.strip() for e in entity if e.strip()), tuple(f for f in family if f),
                    since, until)
    series = trends(desk, p)
    charts = [(s, chart_of(s, desk.settings.brief)) for s in series]
    return render(request, "trends.html.j2", {"charts": charts, "p": p, "desk": desk, "window": p.window(), "title": "Trends"})


@router.get("/sources")
def sources_page(request: Request, family: str = ""):
    desk = _desk(request)
    outlets = [o for o in desk.registry if not family or o.family == family]
    return render(request, "sources.html.j2", {"outlets": outlets, "family": family, "families": desk.families,
                                               "title": "Sources"})


@router.get("/rejects")
def rejects_view(request: Request, page: int = 1):
    rows, has_next = rejects_page(_desk(request), page)
    return render(request, "rejects.html.j2", {"rows": rows, "page": page, "has_next": has_next, "title": "Rejects"})


@router.get("/raw/{raw_id}")
def raw_input(request: Request, raw_id: str, charset: str = "utf-8", download: bool = False):
    """The bytes exactly as received, shown as text in ``charset`` (never as a page: nothing in them runs)."""
    import codecs

    from ..errors import BadInput

    try:
        charset = codecs.lookup(charset).name
    except LookupError:
        raise BadInput(f"charset={charset!r}: not an encoding Python knows (try utf-8, gb18030 or big5)") from None
    raw = _desk(request).archive.get_raw(raw_id)
    headers = {"Content-Security-Policy": "default-src 'none'; sandbox"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{raw_id[:16]}.raw"'
        return Response(raw.data, media_type="application/octet-stream", headers=headers)
    return Response(raw.data, media_type=f"text/plain; charset={charset}", headers=headers)


@router.get("/api")
def api_page(request: Request):
    spec = request.app.openapi()
    return render(request, "api.html.j2", {"spec": spec, "title": "API"})
