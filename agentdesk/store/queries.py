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
    return to_wire(from_wire(text))


@cache
def _decoder(entity: str) -> tuple[str, Callable[[Sequence[Any]], dict[str, Any]]]:
    """``SELECT`` list and a row -> wire record function for ``entity``'s table."""
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    plan: list[tuple[int, str, Callable[[Any], Any] | None]] = []
    for index, column in enumerate(table.columns):
        kind = column.type
        convert: Callable[[Any], Any] | None = None
        if isinstance(kind, JSON):
            convert = json.loads
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


def _rows(conn: Connection, entity: str, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    columns, decode = _decoder(entity)
    table = model_for(entity).__tablename__
    cursor = conn.exec_driver_sql(f"SELECT {columns} FROM {table} {where}", params)
    return [decode(row) for row in cursor.fetchall()]


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
