"""Between wire records (``entity``, ``id``, ``version``, ``data``) and local-store rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, delete
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.schema import Column

from agentdesk.domain.enums import TicketStatus
from agentdesk.store.models import ENTITY_MODELS, EntityRow
from agentdesk.store.types import UTCDateTime
from agentdesk.timeutil import to_wire

_BOOKKEEPING = ("id", "server_version", "extra")
_OUR_STATUSES = frozenset(s.value for s in TicketStatus)


@cache
def _columns(entity: str) -> tuple[Column[Any], ...]:
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    return tuple(c for c in table.columns if c.name not in _BOOKKEEPING)


def model_for(entity: str) -> type[EntityRow]:
    try:
        return ENTITY_MODELS[entity]
    except KeyError:
        raise ValueError(f"unknown entity {entity!r}") from None


def row_values(entity: str, entity_id: str, version: int, data: Mapping[str, Any]) -> dict[str, Any]:
    """Column values for one wire record; unknown fields go to ``extra``."""
    values: dict[str, Any] = {"id": entity_id, "server_version": version}
    known: set[str] = set()
    for column in _columns(entity):
        name = column.name
        known.add(name)
        value = data.get(name)
        if value is None and column.default is not None and not column.nullable:
            # Absent or null (an upstream record without it): the default, not a refused row.
            arg = column.default.arg  # type: ignore[attr-defined]
            value = arg(None) if callable(arg) else arg
        values[name] = value
    if entity == "ticket":
        status = data.get("status") or TicketStatus.NEW.value
        values["status"] = status
        group = data.get("status_group") or (status if status in _OUR_STATUSES else TicketStatus.OPEN.value)
        values["status_group"] = group
    if entity == "approval" and values.get("amount") is not None:
        values["amount"] = Decimal(str(values["amount"]))
    extra = {k: v for k, v in data.items() if k not in known}
    values["extra"] = extra or None
    return values


def wire_data(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The wire ``data`` object for a store row (a Core row mapping or dict of column values)."""
    data: dict[str, Any] = {}
    for column in _columns(entity):
        value = row.get(column.name)
        if value is None:
            continue
        if isinstance(column.type, UTCDateTime) and not isinstance(value, str):
            value = to_wire(value)
        elif isinstance(value, Decimal):
            value = f"{value:.2f}"
        data[column.name] = value
    if entity == "ticket" and data.get("status") == data.get("status_group"):
        data.pop("status_group", None)
    extra = row.get("extra")
    if extra:
        data.update(extra)
    return data


def upsert_rows(conn: Connection, entity: str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert or replace rows (as produced by ``row_values``) in one statement batch."""
    batch = list(rows)
    if not batch:
        return 0
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    stmt = sqlite_insert(table)
    update_cols = {c.name: stmt.excluded[c.name] for c in table.columns if c.name != "id"}
    conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update_cols), batch)
    return len(batch)


def delete_rows(conn: Connection, entity: str, ids: Iterable[str]) -> int:
    id_list = list(ids)
    if not id_list:
        return 0
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    result = conn.execute(delete(table).where(table.c.id.in_(id_list)))
    return result.rowcount or 0
