"""Ticket facts for a time range, read from the local store or from a gateway database.

Both readers count public customer messages per ticket (for first-contact resolution) and return the
team names for labels. The gateway reader reads ``gw_records`` with plain SQL, so the report needs
no gateway code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from agentdesk.supervisor.facts import TicketFacts, ticket_facts
from agentdesk.timeutil import to_store


def from_local_store(
    path: Path | str, start: datetime, end: datetime, key: bytes | None = None
) -> tuple[list[TicketFacts], dict[str, str]]:
    from agentdesk.store import Store

    with Store.open(path, key=key) as store, store.connect() as conn:
        lo, hi = to_store(start), to_store(end)
        replies = dict(
            conn.execute(
                text(
                    "SELECT m.ticket_id, count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id "
                    "WHERE m.public = 1 AND m.author_kind = 'customer' AND t.created_at >= :lo "
                    "AND t.created_at < :hi GROUP BY m.ticket_id"
                ),
                {"lo": lo, "hi": hi},
            ).all()
        )
        has_messages = bool(conn.execute(text("SELECT 1 FROM messages LIMIT 1")).first())
        facts = []
        rows = conn.execute(
            text(
                "SELECT id, status, status_group, priority, category, team_id, assignee_id, tags, "
                "channel, created_at, first_response_at, solved_at, first_response_due, "
                "resolution_due, csat, extra FROM tickets WHERE created_at >= :lo AND created_at < :hi"
            ),
            {"lo": lo, "hi": hi},
        )
        for row in rows:
            data: dict[str, Any] = dict(row._mapping)
            extra = _json(data.pop("extra"))
            data["tags"] = _json(data["tags"]) or []
            data.update({k: v for k, v in (extra or {}).items() if k in ("nps", "reopened")})
            n = replies.get(row.id, 0) if has_messages else None
            f = ticket_facts(row.id, data, n)
            if f is not None:
                facts.append(f)
        teams = dict(conn.execute(text("SELECT id, name FROM teams")).all())
    return facts, teams


def from_gateway_database(
    url: str, start: datetime, end: datetime
) -> tuple[list[TicketFacts], dict[str, str]]:
    engine = create_engine(_sqlalchemy_url(url))
    try:
        with engine.connect() as conn:
            replies: dict[str, int] = {}
            has_messages = False
            for (change,) in conn.execute(
                text("SELECT change FROM gw_records WHERE entity = 'message' AND deleted = :f"), {"f": False}
            ):
                has_messages = True
                data = (json.loads(change).get("data")) or {}
                if data.get("public") and data.get("author_kind") == "customer":
                    tid = str(data.get("ticket_id"))
                    replies[tid] = replies.get(tid, 0) + 1
            facts = list(_gateway_tickets(conn, start, end, replies if has_messages else None))
            teams = {}
            for team_id, change in conn.execute(
                text("SELECT id, change FROM gw_records WHERE entity = 'team' AND deleted = :f"), {"f": False}
            ):
                teams[team_id] = str((json.loads(change).get("data") or {}).get("name") or team_id)
    finally:
        engine.dispose()
    return facts, teams


def _gateway_tickets(
    conn: Any, start: datetime, end: datetime, replies: dict[str, int] | None
) -> Iterator[TicketFacts]:
    rows = conn.execute(
        text("SELECT id, change FROM gw_records WHERE entity = 'ticket' AND deleted = :f"), {"f": False}
    )
    for ticket_id, change in rows:
        data = json.loads(change).get("data") or {}
        f = ticket_facts(ticket_id, data, None if replies is None else replies.get(ticket_id, 0))
        if f is not None and start <= f.created_at < end:
            yield f


def _sqlalchemy_url(url: str) -> str:
    """``postgresql://`` / ``postgres://`` mean psycopg 3 (as the gateway reads them)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value
