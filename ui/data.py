"""Read queries behind the console's views (run on the store worker, return frozen values).

Plain SQL over the local store's tables; nothing here imports Qt, so the queries are tested and
benchmarked without a window.
"""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, Literal

from sqlalchemy import Connection

from agentdesk.store.queries import Customer360, driver_cursor, load_customer_360
from agentdesk.timeutil import utcnow

QueueView = Literal["mine", "team", "all"]
OPEN_GROUPS = ("new", "open", "pending", "on_hold")
QUEUE_LIMIT = 5000
PAGE = 200


def parse_time(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: str
    number: int
    subject: str
    status: str
    priority: str
    category: str | None
    customer_id: str
    customer_name: str
    customer_tier: str
    assignee_id: str | None
    team_id: str
    created_at: datetime
    updated_at: datetime | None
    first_response_at: datetime | None
    solved_at: datetime | None
    pauses: tuple[tuple[datetime, datetime | None], ...]
    tags: tuple[str, ...]


_QUEUE_SQL = """
SELECT t.id, t.number, t.subject, t.status_group, t.priority, t.category, t.customer_id,
       COALESCE(c.name, ''), COALESCE(c.tier, 'standard'), t.assignee_id, t.team_id, t.created_at,
       t.updated_at, t.first_response_at, t.solved_at, t.sla_pauses, t.tags
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
WHERE t.status_group IN ('new', 'open', 'pending', 'on_hold') {where}
ORDER BY t.priority, t.created_at
LIMIT {limit}
"""


# The teams with open tickets, one index seek each (SQLite has no skip-scan for DISTINCT here).
_OPEN_TEAMS_SQL = """
WITH RECURSIVE teams(team) AS (
  SELECT MIN(team_id) FROM tickets WHERE status_group IN ('new', 'open', 'pending', 'on_hold')
  UNION ALL
  SELECT (SELECT MIN(team_id) FROM tickets
          WHERE status_group IN ('new', 'open', 'pending', 'on_hold') AND team_id > teams.team)
  FROM teams WHERE teams.team IS NOT NULL
)
SELECT team FROM teams WHERE team IS NOT NULL
"""


def my_open_p1(conn: Connection, agent_id: str | None) -> set[str]:
    """Ids of the open P1 tickets assigned to the agent (a new one raises a desktop notification)."""
    cursor = driver_cursor(conn)
    try:
        cursor.execute(
            "SELECT id FROM tickets WHERE assignee_id = ? AND priority = 'P1' "
            "AND status_group IN ('new', 'open', 'pending', 'on_hold')",
            (agent_id or "",),
        )
        return {row[0] for row in cursor}
    finally:
        cursor.close()


def _open_ticket_teams(conn: Connection) -> list[str]:
    return [str(r[0]) for r in conn.exec_driver_sql(_OPEN_TEAMS_SQL)]


def _queue_order(row: Any) -> tuple[bool, str, bool, str]:
    """ORDER BY priority, created_at as SQLite sorts them (NULL first, then text)."""
    return (row[4] is not None, row[4] or "", row[11] is not None, row[11] or "")


def _pauses(raw: Any) -> tuple[tuple[datetime, datetime | None], ...]:
    out = []
    for item in _json(raw) or ():
        if isinstance(item, dict) and item.get("start"):
            start = parse_time(item["start"])
            if start is not None:
                out.append((start, parse_time(item.get("end"))))
    return tuple(out)


def load_queue(
    conn: Connection, view: QueueView, agent_id: str | None, team_ids: tuple[str, ...]
) -> list[QueueRow]:
    cursors: list[Any] = []

    def read(where: str, params: tuple[str, ...]) -> Any:
        cursors.append(driver_cursor(conn))
        return cursors[-1].execute(_QUEUE_SQL.format(where=where, limit=QUEUE_LIMIT), params)

    try:
        if view == "mine":
            rows = read("AND t.assignee_id = ?", (agent_id or "",)).fetchall()
        else:
            # One read per team in queue order (ix_tickets_open_team), merged and cut at the limit:
            # each read stops after the rows the merge takes. Over all teams or an IN list, SQLite
            # would read and sort every open ticket first (0.5-1.2 s at a million tickets).
            teams = team_ids if view == "team" else _open_ticket_teams(conn)
            parts = [read("AND t.team_id = ?", (team,)) for team in teams]
            rows = parts[0].fetchall() if len(parts) == 1 else list(
                islice(heapq.merge(*parts, key=_queue_order), QUEUE_LIMIT))
    finally:
        for cursor in cursors:
            cursor.close()
    return [
        QueueRow(
            id=r[0],
            number=int(r[1] or 0),
            subject=r[2] or "",
            status=r[3],
            priority=r[4] or "P3",
            category=r[5],
            customer_id=r[6],
            customer_name=r[7],
            customer_tier=r[8],
            assignee_id=r[9],
            team_id=r[10],
            created_at=parse_time(r[11]) or utcnow(),
            updated_at=parse_time(r[12]),
            first_response_at=parse_time(r[13]),
            solved_at=parse_time(r[14]),
            pauses=_pauses(r[15]),
            tags=tuple(_json(r[16]) or ()),
        )
        for r in rows
    ]


def customer_360(conn: Connection, customer_id: str) -> Customer360 | None:
    return load_customer_360(conn, customer_id, interactions=PAGE)


def interactions_page(
    conn: Connection, customer_id: str, before: tuple[str, str], limit: int = PAGE
) -> list[dict[str, Any]]:
    """Interactions older than ``before`` (occurred_at, id), newest first (the timeline's next page)."""
    from sqlalchemy import text

    rows = conn.execute(
        text(
            "SELECT id, channel, direction, occurred_at, summary, ticket_id, sentiment FROM interactions "
            "WHERE customer_id = :c AND (occurred_at < :t OR (occurred_at = :t AND id < :i)) "
            "ORDER BY occurred_at DESC, id DESC LIMIT :n"
        ),
        {"c": customer_id, "t": before[0], "i": before[1], "n": limit},
    ).all()
    return [
        {
            "id": r[0],
            "channel": r[1],
            "direction": r[2],
            "occurred_at": r[3],
            "summary": r[4],
            "ticket_id": r[5],
            "sentiment": r[6],
        }
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class TicketView:
    ticket: dict[str, Any]
    customer: dict[str, Any]
    messages: tuple[dict[str, Any], ...]


def load_ticket(conn: Connection, ticket_id: str) -> TicketView | None:
    from sqlalchemy import select

    from agentdesk.store.codec import wire_data
    from agentdesk.store.models import Customer, Ticket

    tickets, customers = Ticket.__table__, Customer.__table__
    row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
    if row is None:
        return None
    ticket = {
        "id": row._mapping["id"],
        "version": row._mapping["server_version"],
        **wire_data("ticket", row._mapping),
    }
    ticket.setdefault("status_group", row._mapping["status_group"])
    if ticket.get("assignee_id"):
        name = conn.exec_driver_sql("SELECT name FROM agents WHERE id = ?", (ticket["assignee_id"],)).scalar()
        ticket["assignee_name"] = name or ticket["assignee_id"]
    crow = conn.execute(select(customers).where(customers.c.id == ticket.get("customer_id"))).first()
    customer = {"id": crow._mapping["id"], **wire_data("customer", crow._mapping)} if crow else {}
    messages = conn.exec_driver_sql(
        "SELECT m.id, m.body, m.public, m.author_kind, COALESCE(m.author_name, a.name), m.created_at "
        "FROM messages m LEFT JOIN agents a ON a.id = m.author_id "
        "WHERE m.ticket_id = ? ORDER BY m.created_at, m.id LIMIT 2000",
        (ticket_id,),
    ).all()
    return TicketView(
        ticket,
        customer,
        tuple(
            {
                "id": m[0],
                "body": m[1],
                "public": bool(m[2]),
                "author_kind": m[3],
                "author_name": m[4],
                "created_at": m[5],
            }
            for m in messages
        ),
    )


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: Literal["customer", "ticket"]
    id: str
    title: str
    detail: str
    customer_id: str


def search(conn: Connection, query: str, limit: int = 30) -> list[SearchHit]:
    """Customers by ID, name, phone or email; tickets by number or subject text."""
    q = query.strip()
    if not q:
        return []
    hits: list[SearchHit] = []
    like = f"%{q}%"
    digits = q.lstrip("#")
    if digits.isdigit():
        for r in conn.exec_driver_sql(
            "SELECT id, number, subject, customer_id FROM tickets WHERE number = ?", (int(digits),)
        ):
            hits.append(SearchHit("ticket", r[0], f"#{r[1]} {r[2]}", "", r[3]))
    for r in conn.exec_driver_sql(
        "SELECT id, name, phone, email, tier FROM customers WHERE id = ? OR name LIKE ? OR phone LIKE ? "
        "OR email LIKE ? LIMIT ?",
        (q, like, like, like, limit),
    ):
        hits.append(SearchHit("customer", r[0], r[1], " · ".join(x for x in (r[2], r[3]) if x), r[0]))
    if len(hits) < limit:
        for r in conn.exec_driver_sql(
            "SELECT id, number, subject, customer_id FROM tickets WHERE subject LIKE ? "
            "ORDER BY updated_at DESC LIMIT ?",
            (like, limit - len(hits)),
        ):
            if not any(h.id == r[0] for h in hits):
                hits.append(SearchHit("ticket", r[0], f"#{r[1]} {r[2]}", "", r[3]))
    return hits[:limit]


def agents(conn: Connection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.exec_driver_sql("SELECT id, name FROM agents ORDER BY name")]


# ---- drafts --------------------------------------------------------------------------------


def draft_key(ticket_id: str) -> str:
    return f"ticket:{ticket_id}:composer"


def save_draft(conn: Connection, ticket_id: str, mode: str, body: str) -> None:
    if not body.strip():
        conn.exec_driver_sql("DELETE FROM drafts WHERE key = ?", (draft_key(ticket_id),))
        return
    from agentdesk.timeutil import to_wire

    conn.exec_driver_sql(
        "INSERT INTO drafts (key, ticket_id, mode, body, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET mode = excluded.mode, body = excluded.body, "
        "updated_at = excluded.updated_at",
        (draft_key(ticket_id), ticket_id, mode, body, to_wire(utcnow())),
    )


def load_draft(conn: Connection, ticket_id: str) -> tuple[str, str] | None:
    row = conn.exec_driver_sql("SELECT mode, body FROM drafts WHERE key = ?", (draft_key(ticket_id),)).first()
    return (row[0], row[1]) if row else None


def delete_draft(conn: Connection, ticket_id: str) -> None:
    conn.exec_driver_sql("DELETE FROM drafts WHERE key = ?", (draft_key(ticket_id),))


def last_draft_ticket(conn: Connection) -> str | None:
    row = conn.exec_driver_sql("SELECT ticket_id FROM drafts ORDER BY updated_at DESC LIMIT 1").first()
    return row[0] if row else None
