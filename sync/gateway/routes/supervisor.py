"""``/v1/supervisor/*``: team leads and admins only (an agent's token gets 403 on every path).

Audit filters: ``action``, ``actor_id``, ``entity``, ``entity_id``, ``since`` / ``until`` (ISO 8601),
``before`` (entry id, for paging) and ``limit``.

A team lead sees the audit entries and presence of the agents of their teams; an admin sees all.
Further supervisor endpoints (dashboard, alerts, approvals, reassign) are added to ``routes``.
"""

from __future__ import annotations

import time

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway.deps import current_principal, gateway, off_loop
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import audit
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import load
from agentdesk.sync.gateway.supervisor import routes as panel

SUPERVISORS = ("team_lead", "admin")


async def supervisor(request: Request) -> Principal:
    return await current_principal(request, *SUPERVISORS)


def team_members(conn: object, principal: Principal) -> list[str] | None:
    """Agent ids in the caller's teams (None: everyone, for admins)."""
    if principal.sees_all:
        return None
    from sqlalchemy import select

    from agentdesk.sync.gateway.store import schema as s

    r = s.records
    members = []
    for agent_id, change in conn.execute(  # type: ignore[attr-defined]
        select(r.c.id, r.c.change).where(r.c.entity == "agent", r.c.deleted.is_(False))
    ):
        teams = (orjson.loads(change).get("data") or {}).get("team_ids") or []
        if set(teams) & set(principal.team_ids):
            members.append(agent_id)
    return members


def _query_int(request: Request, name: str, default: int | None, maximum: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or len(raw) > 12:
        raise ProblemError(
            422,
            f"{name} must be a non-negative integer.",
            errors=[{"path": name, "message": "not a non-negative integer"}],
        )
    return min(int(raw), maximum)


async def audit_log(request: Request) -> Response:
    gw = gateway(request)
    principal = await supervisor(request)
    limit = _query_int(request, "limit", 100, 1000) or 1
    before = _query_int(request, "before", None, 2**62)
    action = request.query_params.get("action") or None
    if action is not None and len(action) > 32:
        raise ProblemError(
            422, "action is at most 32 characters.", errors=[{"path": "action", "message": "too long"}]
        )
    filters = panel.audit_filters(request)

    def read() -> list[dict[str, object]]:
        with gw.store.read() as conn:
            members = team_members(conn, principal)
            return audit.entries(
                conn, limit=limit, before_id=before, action=action, actor_ids=members, **filters
            )

    entries = await off_loop(read)
    return Response(orjson.dumps({"entries": entries}), media_type="application/json")


async def presence(request: Request) -> Response:
    gw = gateway(request)
    principal = await supervisor(request)

    def read() -> list[dict[str, object]]:
        with gw.store.read() as conn:
            members = team_members(conn, principal)
            states = audit.presence(conn, time.time(), gw.config.away_after_seconds)
            ids = members if members is not None else sorted(states)
            out = []
            for agent_id in ids:
                record = load(conn, "agent", agent_id)
                state = states.get(agent_id, {"state": "offline", "last_seen_at": None})
                out.append(
                    {
                        "agent_id": agent_id,
                        "name": (record.data or {}).get("name") if record else None,
                        **state,
                    }
                )
            return out

    agents = await off_loop(read)
    return Response(orjson.dumps({"agents": agents}), media_type="application/json")


routes = [
    Route("/v1/supervisor/audit", audit_log, methods=["GET"]),
    Route("/v1/supervisor/presence", presence, methods=["GET"]),
    *panel.routes,
]


async def other(request: Request) -> Response:
    """Unknown supervisor paths: still 403 for agents (role first), 404 for supervisors."""
    for route in routes:
        if route.path == request.url.path:
            raise ProblemError(
                405, "This address does not take that method.", allow=sorted(route.methods or ())
            )
    await supervisor(request)
    raise ProblemError(404, "No such supervisor endpoint.")


fallback = Route("/v1/supervisor/{rest:path}", other, methods=["GET", "POST"])
