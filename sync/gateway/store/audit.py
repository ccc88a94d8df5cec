"""The audit log (who, when, what, why) and agents' presence."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, func, insert, select, update

from agentdesk.sync.gateway.store import schema as s
from agentdesk.timeutil import to_wire

_a = s.audit
_p = s.presence


def record(
    conn: Connection,
    actor_id: str,
    action: str,
    *,
    entity: str | None = None,
    entity_id: str | None = None,
    field: str | None = None,
    reason: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one audit entry. ``detail`` holds ids and codes only, never personal values."""
    conn.execute(
        insert(_a).values(
            at=time.time(),
            actor_id=actor_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            reason=reason,
            detail=orjson.dumps(detail).decode() if detail else None,
        )
    )


def count_since(conn: Connection, actor_id: str, action: str, since: float) -> tuple[int, float | None]:
    """How many ``action`` entries the actor made since ``since``, and the oldest one's time."""
    row = conn.execute(
        select(func.count(), func.min(_a.c.at)).where(
            _a.c.actor_id == actor_id, _a.c.action == action, _a.c.at >= since
        )
    ).first()
    return (int(row[0]), row[1]) if row else (0, None)


def entries(
    conn: Connection,
    *,
    limit: int,
    before_id: int | None = None,
    action: str | None = None,
    actor_ids: Sequence[str] | None = None,
    actor_id: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    since: float | None = None,
    until: float | None = None,
) -> list[dict[str, Any]]:
    q = select(_a).order_by(_a.c.id.desc()).limit(limit)
    if before_id is not None:
        q = q.where(_a.c.id < before_id)
    if action is not None:
        q = q.where(_a.c.action == action)
    if actor_ids is not None:
        q = q.where(_a.c.actor_id.in_(list(actor_ids)))
    if actor_id is not None:
        q = q.where(_a.c.actor_id == actor_id)
    if entity is not None:
        q = q.where(_a.c.entity == entity)
    if entity_id is not None:
        q = q.where(_a.c.entity_id == entity_id)
    if since is not None:
        q = q.where(_a.c.at >= since)
    if until is not None:
        q = q.where(_a.c.at < until)
    return [entry(row) for row in conn.execute(q)]


def touch(conn: Connection, agent_ids: Sequence[str], now: float) -> None:
    """Mark agents seen now (they made a request)."""
    _upsert(conn, agent_ids, {"last_seen_at": now})


def streams_open(conn: Connection, agent_ids: Sequence[str], until: float) -> None:
    """These agents hold an event stream (refreshed every keep-alive, so a dead process expires)."""
    _upsert(conn, agent_ids, {"stream_until": until})


def _upsert(conn: Connection, agent_ids: Sequence[str], values: dict[str, Any]) -> None:
    if not agent_ids:
        return
    ids = sorted(set(agent_ids))
    conn.execute(update(_p).where(_p.c.agent_id.in_(ids)).values(**values))
    known = {a for (a,) in conn.execute(select(_p.c.agent_id).where(_p.c.agent_id.in_(ids)))}
    missing = [a for a in ids if a not in known]
    if missing:
        base = {"last_seen_at": time.time(), "stream_until": None}
        conn.execute(insert(_p), [{**base, **values, "agent_id": a} for a in missing])


def end_stream(conn: Connection, agent_id: str) -> None:
    conn.execute(update(_p).where(_p.c.agent_id == agent_id).values(stream_until=None))


def presence_state(last_seen_at: float, stream_until: float | None, now: float, away_after: float) -> str:
    """online: an open event stream and active lately; away: one of the two; offline: neither."""
    streaming = bool(stream_until and stream_until > now)
    active = now - last_seen_at < away_after
    if streaming and active:
        return "online"
    return "away" if streaming or active else "offline"


def presence(conn: Connection, now: float, away_after: float) -> dict[str, dict[str, Any]]:
    return {
        row.agent_id: {
            "state": presence_state(row.last_seen_at, row.stream_until, now, away_after),
            "last_seen_at": to_wire(datetime.fromtimestamp(row.last_seen_at, UTC)),
        }
        for row in conn.execute(select(_p))
    }


def entry(row: Any) -> dict[str, Any]:
    """One audit row as the API returns it."""
    return {
        "id": row.id,
        "at": to_wire(datetime.fromtimestamp(row.at, UTC)),
        "actor_id": row.actor_id,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "field": row.field,
        "reason": row.reason,
        "detail": orjson.loads(row.detail) if row.detail else None,
    }
