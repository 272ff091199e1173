"""The JSON API: the same queries as the pages, stories in the export contract's fields.

Lists are paginated with ``page`` and ``per_page`` and give the URLs of the next and previous
pages; an error is ``{"error": {"status": ..., "message": ...}}`` with the matching status code.
The OpenAPI document is served at ``/api/openapi.json``.
"""

from __future__ import annotations

import hmac
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request
from fastapi.responses import JSONResponse

from ..errors import BadInput
from ..serialize import story_to_dict
from . import schemas
from .desk import Desk
from .queries import (
    MAX_PER_PAGE,
    PER_PAGE,
    IncidentParams,
    SearchParams,
    event_comparison,
    events_list,
    incident_view,
    incidents,
    rejects_page,
    search,
)

ERRORS = {400: {"model": schemas.ErrorOut, "description": "a parameter is wrong (the message says which and how to fix it)"},
          404: {"model": schemas.ErrorOut, "description": "no such story, event or page"},
          422: {"model": schemas.ErrorOut, "description": "a parameter has the wrong type"}}

router = APIRouter(prefix="/api", tags=["read"], responses=ERRORS)
write_router = APIRouter(prefix="/api", tags=["write (only with --token)"], responses=ERRORS)

Page = Annotated[int, Query(ge=1, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="items per page")]


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def _links(request: Request, page: int, per_page: int, has_next: bool) -> dict:
    def url(n: int) -> str:
        return str(request.url.include_query_params(page=n, per_page=per_page))

    return {"page": page, "per_page": per_page, "next": url(page + 1) if has_next else None,
            "prev": url(page - 1) if page > 1 else None}


def _json(data: dict | list) -> JSONResponse:
    return JSONResponse(data)


def _facets(result) -> dict:
    return {k: [{"value": v, "count": n, **({"name": result.entity_names.get(v)} if k == "entity" else {})} for v, n in rows]
            for k, rows in result.facets.items()}


@router.get("/stories", summary="List stories, newest first", responses={200: {"model": schemas.StoryPage}})
def list_stories(request: Request, topic: str = "", outlet: str = "", family: str = "", lang: str = "",
                 since: Annotated[str, Query(description="ISO date: published on/after")] = "",
                 until: Annotated[str, Query(description="ISO date: published on/before")] = "",
                 entity: Annotated[str, Query(description="an entity's canonical id (org:huawei) or a name the gazetteer knows (Huawei, 华为)")] = "",
                 page: Page = 1, per_page: PerPage = PER_PAGE):
    p = SearchParams(topic=topic, outlet=outlet, family=family, lang=lang, since=since, until=until, entity=entity,
                     page=page, per_page=per_page)
    r = search(_desk(request), p)
    return _json({**_links(request, page, per_page, r.has_next), "items": [story_to_dict(h.story) for h in r.hits]})


@router.get("/stories/{story_id}", summary="One story (an id or a unique prefix of at least 4 characters)",
            responses={200: {"model": schemas.StoryOut}})
def get_story(request: Request, story_id: str):
    return _json(story_to_dict(_desk(request).archive.get_story(story_id)))


@router.get("/search", summary="Full-text search, English and Chinese, best first", responses={200: {"model": schemas.SearchPage}})
def search_stories(request: Request,
                   q: Annotated[str, Query(description='terms are AND-ed; "quotes" make a phrase; OR between terms; a trailing * is a prefix')],
                   topic: str = "", outlet: str = "", family: str = "", lang: str = "", since: str = "", until: str = "",
                   entity: str = "", page: Page = 1, per_page: PerPage = PER_PAGE):
    if not q.strip():
        raise BadInput("q is empty: give words to search for (list stories without a query at /api/stories)")
    p = SearchParams(q=q, topic=topic, outlet=outlet, family=family, lang=lang, since=since, until=until, entity=entity,
                     page=page, per_page=per_page)
    r = search(_desk(request), p)
    items = [{"story": story_to_dict(h.story), "score": h.score, "snippet": h.snippet} for h in r.hits]
    return _json({**_links(request, page, per_page, r.has_next), "query": q, "total": r.total, "total_exact": r.total_exact, "items": items,
                  "facets": _facets(r), "sampled": r.sampled})


@router.get("/events", summary="Events by spread across owner families, then size", responses={200: {"model": schemas.EventPage}})
def list_events(request: Request, since: str = "", until: str = "",
                min_size: Annotated[int, Query(ge=1, description="only events with at least this many stories")] = 2,
                page: Page = 1, per_page: PerPage = PER_PAGE):
    rows = events_list(_desk(request), since, until, min_size)
    first = (page - 1) * per_page
    return _json({**_links(request, page, per_page, len(rows) > first + per_page), "items": rows[first : first + per_page]})


@router.get("/events/{event_id}", summary="How each owner family framed one event", responses={200: {"model": schemas.EventOut}})
def get_event(request: Request, event_id: str):
    return _json(event_comparison(_desk(request), event_id))


@router.get("/explain", summary="Whether two stories are in one event, and why ('sinodesk explain --json')",
            responses={200: {"model": schemas.ExplainOut}})
def explain(request: Request, a: Annotated[str, Query(description="a story id (or a unique prefix of at least 4 characters)")],
            b: Annotated[str, Query(description="the other story's id")]):
    from ..stages.cluster.explain import explain_stories

    desk = _desk(request)
    return _json(explain_stories(desk.archive, a, b, desk.settings.events, linker=desk.linker()))


@router.get("/incidents", summary="Cyber incidents, newest first report first, every field with its evidence",
            responses={200: {"model": schemas.IncidentPage}})
def list_incidents(request: Request, since: Annotated[str, Query(description="ISO date: last reported on/after")] = "",
                   until: Annotated[str, Query(description="ISO date: first reported on/before")] = "",
                   actor: Annotated[str, Query(description="attacker or claimed actor, any alias (Winnti finds APT41)")] = "",
                   technique: Annotated[str, Query(description="ATT&CK id; T1498 also finds T1498.002")] = "",
                   type: Annotated[str, Query(description="ddos, data_breach, espionage, ransomware, disruption, "
                                                          "influence_operation, vulnerability, other")] = "",
                   victim: Annotated[str, Query(description="words in a victim's name")] = "",
                   page: Page = 1, per_page: PerPage = 50):
    p = IncidentParams(since=since, until=until, actor=actor, technique=technique, type=type, victim=victim, page=page, per_page=per_page)
    rows, has_next = incidents(_desk(request), p)
    return _json({**_links(request, page, per_page, has_next), "items": rows})


@router.get("/incidents/{incident_id}", summary="One incident (an id or a unique prefix of at least 4 characters)",
            responses={200: {"model": schemas.IncidentOut}})
def get_incident(request: Request, incident_id: str):
    return _json(incident_view(_desk(request), incident_id))


@router.get("/briefings", summary="Stored briefings, newest first", responses={200: {"model": list[schemas.BriefingInfoOut]}})
def list_briefings(request: Request, name: Annotated[str, Query(description="only this section set")] = ""):
    from .briefs import briefing_list

    return _json(briefing_list(_desk(request), name))


@router.get("/briefings/latest", summary="The latest stored briefing: sections, items, cited sentences",
            responses={200: {"model": schemas.BriefingOut}})
def latest_briefing(request: Request, name: Annotated[str, Query(description="the latest of this section set")] = ""):
    from .briefs import briefing

    return _json(briefing(_desk(request), None, name).to_dict())


@router.get("/briefings/{briefing_id}", summary="One stored briefing", responses={200: {"model": schemas.BriefingOut}})
def get_briefing(request: Request, briefing_id: int):
    from .briefs import briefing

    return _json(briefing(_desk(request), briefing_id).to_dict())


@router.get("/trends", summary="Stories per day for topics, entities or owner families, with spikes and their events",
            responses={200: {"model": list[schemas.SeriesOut]}})
def get_trends(request: Request, topic: Annotated[list[str], Query(description="a topic id (repeat for more)")] = [],  # noqa: B006
               entity: Annotated[list[str], Query(description="a name or canonical id (repeat for more)")] = [],  # noqa: B006
               family: Annotated[list[str], Query(description="an owner family (repeat for more)")] = [],  # noqa: B006
               since: Annotated[str, Query(description="first day: ISO date or a span before until (90d, 12w, 6m)")] = "90d",
               until: Annotated[str, Query(description="last day (ISO date; default today)")] = ""):
    from .briefs import TrendParams, trends

    p = TrendParams(tuple(topic), tuple(entity), tuple(family), since, until)
    return _json([s.to_dict() for s in trends(_desk(request), p)])


@router.get("/sources", summary="The outlet registry", responses={200: {"model": list[schemas.OutletOut]}})
def list_sources(request: Request, family: str = ""):
    return _json([asdict(o) for o in _desk(request).registry if not family or o.family == family])


@router.get("/rejects", summary="What could not be ingested, and why", responses={200: {"model": schemas.RejectPage}})
def list_rejects(request: Request, page: Page = 1, per_page: PerPage = 50):
    rows, has_next = rejects_page(_desk(request), page, per_page)
    return _json({**_links(request, page, per_page, has_next), "items": rows})


@write_router.post("/stories/{story_id}/labels", summary="Record a story's right topics ('sinodesk label')",
                   responses={200: {"model": schemas.LabelsOut}, 401: {"model": schemas.ErrorOut}})
def label_story(request: Request, story_id: str, body: Annotated[schemas.LabelsIn, Body()],
                authorization: Annotated[str, Header(description="Bearer TOKEN (the --token the server was started with)")] = ""):
    from ..topics_admin import record_label

    desk = _desk(request)
    given = authorization.removeprefix("Bearer ").strip()
    if not desk.token or not hmac.compare_digest(given.encode(), desk.token.encode()):
        return JSONResponse({"error": {"status": 401, "message": "this endpoint needs the server's token: send 'Authorization: Bearer TOKEN'"}},
                            status_code=401, headers={"WWW-Authenticate": "Bearer"})
    sid, labels = record_label(desk.archive, story_id, ",".join(body.topics))
    return _json({"story_id": sid, "topics": list(labels)})
