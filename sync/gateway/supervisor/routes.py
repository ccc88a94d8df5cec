"""Supervisor endpoints (team leads and admins; an agent gets 403 before anything is read):

- ``GET /v1/supervisor/dashboard?days=30[&team_id=T][&agent_id=A]``: KPIs of the window, per team,
  channel and priority; with ``team_id`` per agent too; with ``agent_id`` that agent's tickets.
- ``GET /v1/supervisor/staffing?days=7&aht_seconds=600&target=0.8&within_seconds=20[&team_id=T]``:
  arrivals per hour of recent days, their mean as the day's forecast, Erlang C agents per hour.
- ``GET /v1/supervisor/alerts[?state=all]``, ``POST /v1/supervisor/alerts/{id}/ack``.
- ``GET /v1/supervisor/approvals[?status=pending]``, ``POST /v1/supervisor/approvals/{id}/decide``
  {decision: approve|reject|escalate, reason}.
- ``POST /v1/supervisor/bulk`` {action: assign|tag|priority|close, ticket_ids, reason, ...} and
  ``POST /v1/supervisor/reassign`` {ticket_ids, agent_id, reason}.

A team lead sees and acts on their own teams only. Every request first brings the rollup up to date
(at most every 0.5 s per process), so figures are never more than a moment behind the change log.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, func, select, update
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.supervisor.tally import Tally
from agentdesk.sync.gateway.deps import Gateway, current_principal, gateway, json_body, object_body, off_loop
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.supervisor import actions
from agentdesk.sync.gateway.supervisor import tables as t
from agentdesk.sync.gateway.supervisor.alerting import evaluate_alerts
from agentdesk.sync.gateway.supervisor.rollup import REFRESHER, cursor
from agentdesk.timeutil import to_wire

SUPERVISORS = ("team_lead", "admin")
BACKGROUND_EVERY = 1.0


def _json(value: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(value), status_code=status, media_type="application/json")


def _wire(ts: float | None) -> str | None:
    return None if ts is None else to_wire(datetime.fromtimestamp(ts, UTC))


def refresh(gw: Gateway) -> None:
    REFRESHER.refresh(gw.store, evaluate_alerts)


async def _background(gw: Gateway) -> None:
    """Keeps rollup and alerts current while the gateway runs (started by the first supervisor call,
    or by ``start_background`` as a startup hook)."""
    while True:
        try:
            await off_loop(refresh, gw)
        except Exception:  # the database is away for a moment: the next round tries again
            import logging

            logging.getLogger(__name__).warning("supervisor refresh failed", exc_info=True)
        await asyncio.sleep(BACKGROUND_EVERY)


def start_background(gw: Gateway) -> None:
    if getattr(gw, "_sv_task", None) is None:
        gw._sv_task = asyncio.get_running_loop().create_task(_background(gw))  # type: ignore[attr-defined]


async def lead(request: Request) -> tuple[Gateway, Principal]:
    gw = gateway(request)
    principal = await current_principal(request, *SUPERVISORS)
    start_background(gw)
    await off_loop(refresh, gw)
    return gw, principal


def _teams_in_scope(conn: Connection, principal: Principal, team_id: str | None) -> list[str] | None:
    """None: all teams (admin without a filter)."""
    if team_id is not None:
        if not principal.sees_all and team_id not in principal.team_ids:
            raise ProblemError(403, "This team is not yours.")
        return [team_id]
    return None if principal.sees_all else list(principal.team_ids)


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ProblemError(
            422,
            f"{name} must be a whole number from {low} to {high}.",
            errors=[{"path": name, "message": "out of range"}],
        )
    return int(raw)


def _names(conn: Connection, entity: str) -> dict[str, str]:
    r = s.records
    out = {}
    for entity_id, change in conn.execute(select(r.c.id, r.c.change).where(r.c.entity == entity)):
        out[entity_id] = str((orjson.loads(change).get("data") or {}).get("name") or entity_id)
    return out


def dashboard_data(
    conn: Connection,
    principal: Principal,
    days: int,
    team_id: str | None,
    agent_id: str | None,
    now: float | None = None,
) -> dict[str, Any]:
    now = time.time() if now is None else now
    today = int(now // 86400)
    first = today - days + 1
    teams = _teams_in_scope(conn, principal, team_id)
    ru = t.rollup
    cols = [func.sum(getattr(ru.c, c)).label(c) for c in Tally.columns()]

    def grouped(dim: str, by: Any, extra: Any = None) -> dict[str, Tally]:
        q = select(by, *cols).where(ru.c.dim == dim, ru.c.day >= first, ru.c.day <= today)
        if teams is not None:
            q = q.where(ru.c.team_id.in_(teams))
        if extra is not None:
            q = q.where(extra)
        return {row[0]: Tally.from_row(row) for row in conn.execute(q.group_by(by))}

    per_team = grouped("priority", ru.c.team_id)
    total = Tally()
    for tally in per_team.values():
        total.add(tally)
    team_names = _names(conn, "team")
    out: dict[str, Any] = {
        "window": {"days": days, "from": _day(first), "to": _day(today)},
        "as_of_version": cursor(conn),
        "scope": "all" if principal.sees_all else "teams",
        "total": total.kpis(),
        "teams": [
            {"team_id": k, "name": team_names.get(k, k), "kpis": v.kpis()}
            for k, v in sorted(per_team.items())
        ],
        "by_channel": {k: v.kpis() for k, v in sorted(grouped("channel", ru.c.key).items())},
        "by_priority": {k: v.kpis() for k, v in sorted(grouped("priority", ru.c.key).items())},
    }
    if team_id is not None:
        agent_names = _names(conn, "agent")
        out["agents"] = [
            {"agent_id": k or None, "name": agent_names.get(k, k) if k else None, "kpis": v.kpis()}
            for k, v in sorted(grouped("agent", ru.c.key).items())
        ]
    if agent_id is not None:
        out["tickets"] = _agent_tickets(conn, agent_id, teams, first * 86400.0)
    return out


def _day(day: int) -> str:
    return datetime.fromtimestamp(day * 86400, UTC).date().isoformat()


def _agent_tickets(
    conn: Connection, agent_id: str, teams: list[str] | None, since: float
) -> list[dict[str, Any]]:
    f = t.facts
    q = (
        select(f.c.ticket_id, f.c.team_id, f.c.priority, f.c.channel, f.c.open, f.c.created_at, f.c.tally)
        .where(f.c.agent_id == agent_id, f.c.created_at >= since)
        .order_by(f.c.created_at.desc())
        .limit(200)
    )
    if teams is not None:
        q = q.where(f.c.team_id.in_(teams))
    facts = conn.execute(q).all()
    r = s.records
    data_by_id: dict[str, dict[str, Any]] = {}
    ids = [row.ticket_id for row in facts]
    if ids:  # one query for the 200 ticket records, not one each
        for ticket_id, change in conn.execute(
            select(r.c.id, r.c.change).where(r.c.entity == "ticket", r.c.id.in_(ids))
        ):
            data_by_id[ticket_id] = orjson.loads(change).get("data") or {}
    out = []
    for row in facts:
        data = data_by_id.get(row.ticket_id) or {}
        k = Tally.from_row(orjson.loads(row.tally)).kpis()
        out.append(
            {
                "ticket_id": row.ticket_id,
                "number": data.get("number"),
                "subject": data.get("subject"),
                "status": data.get("status"),
                "priority": row.priority,
                "channel": row.channel,
                "created_at": _wire(row.created_at),
                "first_response_s": k["first_response_avg_s"],
                "csat": data.get("csat"),
            }
        )
    return out


async def dashboard(request: Request) -> Response:
    gw, principal = await lead(request)
    days = _int_param(request, "days", 30, 1, 366)
    team_id = request.query_params.get("team_id") or None
    agent_id = request.query_params.get("agent_id") or None

    def read() -> dict[str, Any]:
        with gw.store.read() as conn:
            return dashboard_data(conn, principal, days, team_id, agent_id)

    return _json(await off_loop(read))


def _alert_json(row: Any, team_names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row.id,
        "rule": row.rule,
        "team_id": row.team_id,
        "team_name": team_names.get(row.team_id, row.team_id),
        "level": row.level,
        "value": row.value,
        "threshold": row.threshold,
        "detail": orjson.loads(row.detail) if row.detail else {},
        "raised_at": _wire(row.raised_at),
        "updated_at": _wire(row.updated_at),
        "cleared_at": _wire(row.cleared_at),
        "acked_by": row.acked_by,
        "acked_at": _wire(row.acked_at),
    }


async def alerts(request: Request) -> Response:
    gw, principal = await lead(request)
    state = request.query_params.get("state", "active")
    if state not in ("active", "all"):
        raise ProblemError(
            422, "state is 'active' or 'all'.", errors=[{"path": "state", "message": "unknown"}]
        )

    def read() -> list[dict[str, Any]]:
        a = t.alerts
        q = select(a).order_by(a.c.level.desc(), a.c.raised_at.desc()).limit(500)
        if state == "active":
            q = q.where(a.c.cleared_at.is_(None))
        if not principal.sees_all:
            q = q.where(a.c.team_id.in_(list(principal.team_ids)))
        with gw.store.read() as conn:
            names = _names(conn, "team")
            return [_alert_json(row, names) for row in conn.execute(q)]

    return _json({"alerts": await off_loop(read)})


async def acknowledge(request: Request) -> Response:
    gw, principal = await lead(request)
    raw = request.path_params["alert_id"]
    if not raw.isdigit() or len(raw) > 12:
        raise ProblemError(404, "No such alert.")
    alert_id = int(raw)
    body = object_body(await json_body(request)) if int(request.headers.get("content-length") or 0) else {}
    reason = actions.text_field(body, "reason", required=False)

    def write() -> dict[str, Any]:
        a = t.alerts
        with gw.store.write() as tx:
            row = tx.conn.execute(select(a).where(a.c.id == alert_id)).first()
            if row is None or (not principal.sees_all and row.team_id not in principal.team_ids):
                raise ProblemError(404, "No such alert among your teams.")
            now = time.time()
            tx.conn.execute(
                update(a).where(a.c.id == alert_id).values(acked_by=principal.agent_id, acked_at=now)
            )
            audit.record(
                tx.conn,
                principal.agent_id,
                "alert.ack",
                entity="alert",
                entity_id=str(alert_id),
                reason=reason,
                detail={"rule": row.rule, "team_id": row.team_id, "level": row.level},
            )
            row = tx.conn.execute(select(a).where(a.c.id == alert_id)).first()
            return _alert_json(row, _names(tx.conn, "team"))

    return _json({"alert": await off_loop(write)})


async def approvals(request: Request) -> Response:
    gw, principal = await lead(request)
    status = request.query_params.get("status", "pending")
    if status not in ("pending", "approved", "rejected", "escalated", "all"):
        raise ProblemError(422, "Unknown approval status.", errors=[{"path": "status", "message": "unknown"}])

    def read() -> list[dict[str, Any]]:
        with gw.store.read() as conn:
            return actions.approvals_for(conn, principal, status)

    return _json({"approvals": await off_loop(read)})


async def decide(request: Request) -> Response:
    gw, principal = await lead(request)
    body = object_body(await json_body(request))
    decision, reason = actions.decision_fields(body)
    approval_id = request.path_params["approval_id"]
    result = await off_loop(actions.decide, gw.store, principal, approval_id, decision, reason)
    return _json(result)


async def bulk(request: Request) -> Response:
    gw, principal = await lead(request)
    body = object_body(await json_body(request))
    plan = actions.bulk_plan(body)

    def run() -> dict[str, Any]:
        return actions.run_bulk(gw.store, principal, plan)

    return _json(await off_loop(run))


async def reassign(request: Request) -> Response:
    gw, principal = await lead(request)
    body = object_body(await json_body(request))
    plan = actions.bulk_plan({**body, "action": "assign"})
    return _json(await off_loop(actions.run_bulk, gw.store, principal, plan))


def _float_param(request: Request, name: str, default: float, low: float, high: float) -> float:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # NaN fails too
        raise ProblemError(
            422,
            f"{name} must be a number from {low:g} to {high:g}.",
            errors=[{"path": name, "message": "out of range"}],
        )
    return value


def staffing_data(
    conn: Connection,
    principal: Principal,
    days: int,
    team_id: str | None,
    aht: float,
    target: float,
    within: float,
    now: float | None = None,
) -> dict[str, Any]:
    """Arrivals per hour of the last ``days`` whole days (UTC), their mean as the forecast, and the
    Erlang C agents needed per hour (agentdesk.staffing)."""
    from agentdesk.staffing import average_arrivals, day_plan

    now = time.time() if now is None else now
    today = int(now // 86400)
    teams = _teams_in_scope(conn, principal, team_id)
    f = t.facts
    q = select(f.c.created_at).where(f.c.day >= today - days, f.c.day < today)
    if teams is not None:
        q = q.where(f.c.team_id.in_(teams))
    history = [[0.0] * 24 for _ in range(days)]
    for (created,) in conn.execute(q):
        day = int(created // 86400) - (today - days)
        if 0 <= day < days:
            history[day][int(created % 86400 // 3600)] += 1
    forecast = average_arrivals(history)
    plan = day_plan(forecast, 60, aht, target, within)
    return {
        "days": days,
        "aht_seconds": aht,
        "target": target,
        "within_seconds": within,
        "hours": [
            {"hour": h, "arrivals": round(forecast[h], 2), **result.as_dict()}
            for h, result in enumerate(plan)
        ],
    }


async def staffing(request: Request) -> Response:
    gw, principal = await lead(request)
    days = _int_param(request, "days", 7, 1, 60)
    team_id = request.query_params.get("team_id") or None
    aht = _float_param(request, "aht_seconds", 600.0, 1.0, 86400.0)
    target = _float_param(request, "target", 0.8, 0.01, 0.999)
    within = _float_param(request, "within_seconds", 20.0, 1.0, 86400.0)

    def read() -> dict[str, Any]:
        with gw.store.read() as conn:
            return staffing_data(conn, principal, days, team_id, aht, target, within)

    return _json(await off_loop(read))


routes = [
    Route("/v1/supervisor/dashboard", dashboard, methods=["GET"]),
    Route("/v1/supervisor/staffing", staffing, methods=["GET"]),
    Route("/v1/supervisor/alerts", alerts, methods=["GET"]),
    Route("/v1/supervisor/alerts/{alert_id}/ack", acknowledge, methods=["POST"]),
    Route("/v1/supervisor/approvals", approvals, methods=["GET"]),
    Route("/v1/supervisor/approvals/{approval_id}/decide", decide, methods=["POST"]),
    Route("/v1/supervisor/bulk", bulk, methods=["POST"]),
    Route("/v1/supervisor/reassign", reassign, methods=["POST"]),
]


def audit_filters(request: Request) -> dict[str, Any]:
    """``actor_id``, ``entity``, ``entity_id``, ``since``, ``until`` (ISO 8601) of the audit query."""
    from agentdesk.timeutil import from_wire

    out: dict[str, Any] = {}
    for name in ("actor_id", "entity", "entity_id"):
        value = request.query_params.get(name) or None
        if value is not None and len(value) > 128:
            raise ProblemError(
                422, f"{name} is at most 128 characters.", errors=[{"path": name, "message": "too long"}]
            )
        out[name] = value
    for name in ("since", "until"):
        raw = request.query_params.get(name) or None
        if raw is None:
            out[name] = None
            continue
        try:
            out[name] = from_wire(raw).timestamp()
        except ValueError:
            raise ProblemError(
                422,
                f"{name} must be an ISO 8601 time such as 2026-11-01T00:00:00Z.",
                errors=[{"path": name, "message": "not a time"}],
            ) from None
    return out
