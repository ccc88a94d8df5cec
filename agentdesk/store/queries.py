"""Read queries behind the console's views. Each returns plain frozen values, safe to pass between threads.

These run on every click, so they use constant SQL through the driver and decode rows with
per-table decoders derived once from the typed mappings (same result as ``codec.wire_data``, a
fraction of the cost of building and compiling expressions per call).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Numeric

from agentdesk.store.codec import model_for
from agentdesk.store.types import UTCDateTime
from agentdesk.timeutil import from_wire, to_wire

_OPEN_GROUPS = "('new', 'open', 'pending', 'on_hold')"


@dataclass(frozen=True, slots=True)
class Customer360:
    """Everything the 360 view paints for one customer, as wire-shaped dicts."""

    customer_id: str
    customer: dict[str, Any]
    organization: dict[str, Any] | None
    open_tickets: tuple[dict[str, Any], ...]
    interactions: tuple[dict[str, Any], ...]  # newest first
    has_more_interactions: bool


def _timestamp(text: str) -> str:
    # The store's fixed-width UTC text converts by slicing; anything else takes the parser.
    if len(text) == 27 and text[19] == "." and text[26] == "Z" and text[10] == "T":
        return text[:19] + "Z" if text[20:26] == "000000" else text
    return to_wire(from_wire(text))


def _json_value(text: str) -> Any:
    # Most JSON cells are SQL-side "null" (absent extra/external_ref) or an empty list.
    if text == "null":
        return None
    if text == "[]":
        return []
    return json.loads(text)


@cache
def _decoder(entity: str) -> tuple[str, Callable[[Sequence[Any]], dict[str, Any]]]:
    """``SELECT`` list and a row -> wire record function for ``entity``'s table."""
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    plan: list[tuple[int, str, Callable[[Any], Any] | None]] = []
    for index, column in enumerate(table.columns):
        kind = column.type
        convert: Callable[[Any], Any] | None = None
        if isinstance(kind, JSON):
            convert = _json_value
        elif isinstance(kind, UTCDateTime):
            convert = _timestamp
        elif isinstance(kind, Boolean):
            convert = bool
        elif isinstance(kind, Numeric):
            convert = lambda v: f"{float(v):.2f}"  # noqa: E731
        plan.append((index, column.name, convert))
    select_list = ", ".join(column.name for column in table.columns)

    def decode(row: Sequence[Any]) -> dict[str, Any]:
        record: dict[str, Any] = {}
        extra = None
        for index, name, convert in plan:
            value = row[index]
            if value is None:
                continue
            if convert is not None:
                value = convert(value)
            if name == "server_version":
                record["version"] = value
            elif name == "extra":
                extra = value
            else:
                record[name] = value
        if record.get("status") == record.get("status_group"):
            record.pop("status_group", None)
        if extra:
            record.update(extra)
        return record

    return select_list, decode


def driver_cursor(conn: Connection) -> Any:
    """The driver's own cursor, inside the transaction SQLAlchemy would have begun: the reads of one
    view share a snapshot, and SQLAlchemy's per-statement result set-up and per-row fetch (about a
    quarter of a 360 load) are skipped. The caller closes it."""
    if not conn.in_transaction():
        conn.begin()
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def _rows(conn: Connection, entity: str, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    columns, decode = _decoder(entity)
    table = model_for(entity).__tablename__
    cursor = driver_cursor(conn)
    try:
        return [decode(row) for row in cursor.execute(f"SELECT {columns} FROM {table} {where}", params)]
    finally:
        cursor.close()


def load_customer_360(conn: Connection, customer_id: str, *, interactions: int = 200) -> Customer360 | None:
    """Profile, organization, open tickets and the newest ``interactions`` across all channels."""
    found = _rows(conn, "customer", "WHERE id = ?", (customer_id,))
    if not found:
        return None
    customer = found[0]
    organization = None
    if customer.get("organization_id"):
        orgs = _rows(conn, "organization", "WHERE id = ?", (customer["organization_id"],))
        organization = orgs[0] if orgs else None
    tickets = _rows(
        conn,
        "ticket",
        f"WHERE customer_id = ? AND status_group IN {_OPEN_GROUPS} ORDER BY priority, created_at",
        (customer_id,),
    )
    history = _rows(
        conn,
        "interaction",
        "WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ?",
        (customer_id, interactions + 1),
    )
    return Customer360(
        customer_id=customer_id,
        customer=customer,
        organization=organization,
        open_tickets=tuple(tickets),
        interactions=tuple(history[:interactions]),
        has_more_interactions=len(history) > interactions,
    )


QueueScope = str  # "mine" | "team" | "open"


def load_queue(
    conn: Connection,
    *,
    agent_id: str | None,
    team_ids: Sequence[str],
    scope: QueueScope = "mine",
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Open tickets for the queue view, P1 first, then by first-response due time.

    Each row carries the customer's name, tier and language for display.
    """
    where = [f"t.status_group IN {_OPEN_GROUPS}"]
    params: list[Any] = []
    if scope == "mine":
        where.append("t.assignee_id = ?")
        params.append(agent_id or "")
    elif scope == "team" and team_ids:
        where.append(f"t.team_id IN ({', '.join('?' * len(team_ids))})")
        params.extend(team_ids)
    columns, decode = _decoder("ticket")
    prefixed = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
    sql = (
        f"SELECT {prefixed}, c.name, c.tier, c.language FROM tickets AS t LEFT JOIN customers AS c "
        f"ON c.id = t.customer_id WHERE {' AND '.join(where)} "
        "ORDER BY t.priority, COALESCE(t.first_response_due, t.created_at) LIMIT ?"
    )
    rows = conn.exec_driver_sql(sql, (*params, limit)).fetchall()
    width = len(columns.split(","))
    out = []
    for row in rows:
        record = decode(row[:width])
        record["customer_name"], record["customer_tier"], record["customer_language"] = row[width:]
        out.append(record)
    return out


def load_conversation(conn: Connection, ticket_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The ticket and its messages (replies and internal notes), oldest first."""
    tickets = _rows(conn, "ticket", "WHERE id = ?", (ticket_id,))
    if not tickets:
        return None, []
    return tickets[0], _rows(conn, "message", "WHERE ticket_id = ? ORDER BY created_at, id", (ticket_id,))


def load_interactions(conn: Connection, customer_id: str, *, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of a customer's timeline, newest first (for incremental fetching)."""
    return _rows(
        conn,
        "interaction",
        "WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ? OFFSET ?",
        (customer_id, limit, offset),
    )


def search(conn: Connection, text: str, *, limit: int = 30) -> list[dict[str, Any]]:
    """Customers by name, phone digits, e-mail or id; tickets by number or subject."""
    text = text.strip()
    if not text:
        return []
    like = f"%{text}%"
    results: list[dict[str, Any]] = []
    for row in conn.exec_driver_sql(
        "SELECT id, name, tier, phone FROM customers "
        "WHERE id = ? OR name LIKE ? OR email LIKE ? OR phone LIKE ? LIMIT ?",
        (text, like, like, like, limit),
    ):
        results.append(
            {"kind": "customer", "id": row[0], "title": row[1], "detail": row[3] or "", "tier": row[2]}
        )
    number = int(text.lstrip("#")) if text.lstrip("#").isdigit() else -1
    for row in conn.exec_driver_sql(
        "SELECT id, number, subject, customer_id FROM tickets WHERE number = ? OR subject LIKE ? "
        "ORDER BY created_at DESC LIMIT ?",
        (number, like, limit),
    ):
        results.append({"kind": "ticket", "id": row[0], "title": f"#{row[1]} {row[2]}", "detail": row[3]})
    return results[:limit]


def load_draft(conn: Connection, key: str) -> dict[str, Any] | None:
    row = conn.exec_driver_sql("SELECT mode, body, updated_at FROM drafts WHERE key = ?", (key,)).first()
    return {"mode": row[0], "body": row[1], "updated_at": row[2]} if row else None


def save_draft(conn: Connection, key: str, ticket_id: str | None, mode: str, body: str) -> None:
    from agentdesk.timeutil import to_store, utcnow

    if body.strip():
        conn.exec_driver_sql(
            "INSERT INTO drafts (key, ticket_id, mode, body, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET mode = excluded.mode, body = excluded.body, "
            "updated_at = excluded.updated_at",
            (key, ticket_id, mode, body, to_store(utcnow())),
        )
    else:
        conn.exec_driver_sql("DELETE FROM drafts WHERE key = ?", (key,))
