"""``GET /v1/changes``: pages of the rows the caller may see, in ascending version order."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway.deps import (
    Gateway,
    bearer,
    cached_principal,
    check_principal_head,
    gateway,
    note_seen,
    off_loop,
)
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.changes import Page, changes_page
from agentdesk.sync.protocol import DEFAULT_PAGE, MAX_PAGE, Problems


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or len(raw) > 18:
        type_ = Problems.BAD_CURSOR if name == "cursor" else Problems.VALIDATION
        raise ProblemError(
            422,
            f"{name} must be a non-negative integer.",
            type_=type_,
            errors=[{"path": name, "message": "not a non-negative integer"}],
        )
    return int(raw)


async def changes(request: Request) -> Response:
    gw = gateway(request)
    token = bearer(request)
    cursor = _int_param(request, "cursor", 0)
    limit = max(1, min(_int_param(request, "limit", DEFAULT_PAGE), MAX_PAGE))  # clamped, never refused
    if cursor > 0:
        principal = cached_principal(gw, token)
        if principal is not None and gw.hub.live and cursor <= gw.hub.version:
            return await _incremental(gw, principal, cursor, limit)
    generation = gw.tokens.generation

    def read() -> tuple[Principal, Page | None]:
        # One thread hop and one read transaction for the token and the page: this is the hot path.
        with gw.store.read() as conn:
            principal, head = check_principal_head(conn, token)
            if cursor > head:
                return principal, None
            page = changes_page(
                conn, head, cursor, limit, team_ids=principal.scope, masked=not principal.sees_all
            )
            return principal, page

    principal, page = await off_loop(read)
    gw.tokens.put(principal, generation)
    await note_seen(gw, principal)
    if page is None:
        raise ProblemError(
            410,
            "This cursor is ahead of the server (was its database replaced?): start again from cursor 0.",
            type_=Problems.BAD_CURSOR,
        )
    gw.metrics.count_changes(page.count)
    return Response(page.body, media_type="application/json")


async def _incremental(gw: Gateway, principal: Principal, cursor: int, limit: int) -> Response:
    """A poll by a cached sign-in with a cursor the hub has heard of: the head comes from the hub
    (every version at or below it is committed), and when nothing was committed for the caller's
    teams since the cursor, the answer comes without the database or a thread; otherwise callers
    asking for the same page share one read (pagecache.py)."""
    await note_seen(gw, principal)
    head = gw.hub.version
    if cursor >= gw.hub.newest_for(principal.scope):
        # The same page changes_page would give: nothing visible up to head, so the cursor is head.
        return Response(b'{"changes":[],"cursor":%d,"has_more":false}' % head, media_type="application/json")

    scope, masked = principal.scope, not principal.sees_all

    def read() -> Page:
        with gw.store.read() as conn:
            return changes_page(conn, head, cursor, limit, team_ids=scope, masked=masked)

    page = await gw.pages.get(head, (cursor, limit, scope, masked), lambda: off_loop(read))
    gw.metrics.count_changes(page.count)
    return Response(page.body, media_type="application/json")


routes = [Route("/v1/changes", changes, methods=["GET"])]
