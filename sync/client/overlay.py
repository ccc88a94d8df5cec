"""The pending-change overlay in the local tables.

A row with local edits is always ``shadow data + effects of its overlay entries in queue order``
(``rebuild``). The shadow (``sync_shadow``) holds the server's latest data for that row; it is
taken from the row when the first edit is queued and replaced whenever the server sends the row,
so older server data never makes an edit flicker back, and a rejected or discarded edit simply
drops out of the next rebuild. When a row has no overlay entries left, it is the shadow again and
the shadow goes away.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from agentdesk.store.codec import delete_rows, model_for, row_values, upsert_rows, wire_data
from agentdesk.store.models import SyncShadow
from agentdesk.sync.client import outbox
from agentdesk.sync.client.effects import (
    APPROVAL_PREFIX,
    apply_effect,
    placeholder_approval,
    placeholder_id,
    placeholder_message,
)
from agentdesk.sync.client.outbox import OutboxEntry

_shadow = SyncShadow.__table__
Key = tuple[str, str]


def ensure_shadow(conn: Connection, entity: str, entity_id: str) -> bool:
    """Keep the row's server data before the first local edit; False if the row is not here."""
    exists = conn.execute(
        select(_shadow.c.id).where(_shadow.c.entity == entity, _shadow.c.id == entity_id)
    ).first()
    if exists:
        return True
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    row = conn.execute(select(table).where(table.c.id == entity_id)).first()
    if row is None:
        return False
    mapping = row._mapping
    put_shadows(conn, [(entity, entity_id, mapping["server_version"], wire_data(entity, mapping))])
    return True


def put_shadows(conn: Connection, shadows: Iterable[tuple[str, str, int, dict[str, Any]]]) -> None:
    rows = [{"entity": e, "id": i, "version": v, "data": d} for e, i, v, d in shadows]
    if not rows:
        return
    stmt = sqlite_insert(_shadow)
    replace = {"version": stmt.excluded.version, "data": stmt.excluded.data}
    conn.execute(stmt.on_conflict_do_update(index_elements=["entity", "id"], set_=replace), rows)


def shadow_version(conn: Connection, entity: str, entity_id: str) -> int | None:
    return conn.execute(
        select(_shadow.c.version).where(_shadow.c.entity == entity, _shadow.c.id == entity_id)
    ).scalar_one_or_none()


def drop_shadows(conn: Connection, keys: Iterable[Key]) -> None:
    key_list = list(keys)
    for start in range(0, len(key_list), 400):
        chunk = key_list[start:start + 400]
        conn.execute(delete(_shadow).where(tuple_(_shadow.c.entity, _shadow.c.id).in_(chunk)))


def shadow_keys(conn: Connection) -> set[Key]:
    return {(r[0], r[1]) for r in conn.execute(select(_shadow.c.entity, _shadow.c.id)).all()}


def rebuild(conn: Connection, entity: str, entity_id: str) -> bool:
    """Write server data + overlay effects into the row; returns whether a row was written."""
    shadow = conn.execute(
        select(_shadow.c.version, _shadow.c.data).where(_shadow.c.entity == entity, _shadow.c.id == entity_id)
    ).first()
    if shadow is None:
        return False
    entries = [e for e in outbox.overlay_entries(conn, entity, entity_id)]
    data: dict[str, Any] = dict(shadow.data)
    for entry in entries:
        data = apply_effect(entry.kind, data, entry.payload)
    upsert_rows(conn, entity, [row_values(entity, entity_id, shadow.version, data)])
    if not entries:
        drop_shadows(conn, [(entity, entity_id)])
    return True


def add_placeholder(conn: Connection, entry: OutboxEntry, author: dict[str, Any] | None) -> str:
    """Insert the pending message of a reply/note; returns its local id."""
    local_id = placeholder_id(entry.mutation_id)
    data = placeholder_message(entry.mutation_id, entry.kind, entry.entity_id, entry.payload, author)
    upsert_rows(conn, "message", [row_values("message", local_id, 0, data)])
    return local_id


def drop_placeholders(conn: Connection, mutation_ids: Iterable[str]) -> list[str]:
    """Remove the placeholder messages of these mutations; returns the local ids removed."""
    ids = [placeholder_id(m) for m in mutation_ids]
    if not ids:
        return []
    table = model_for("message").__table__  # type: ignore[attr-defined]
    present = [r[0] for r in conn.execute(select(table.c.id).where(table.c.id.in_(ids))).all()]
    delete_rows(conn, "message", present)
    return present


def add_approval_placeholder(conn: Connection, entry: OutboxEntry, author: dict[str, Any] | None) -> str:
    """Insert the pending approval of a request on a ticket, under the id the gateway will give it."""
    tickets = model_for("ticket").__table__  # type: ignore[attr-defined]
    team_id = conn.execute(select(tickets.c.team_id).where(tickets.c.id == entry.entity_id)).scalar()
    approval_id = APPROVAL_PREFIX + entry.mutation_id
    data = placeholder_approval(entry.mutation_id, entry.entity_id, team_id, entry.payload, author)
    upsert_rows(conn, "approval", [row_values("approval", approval_id, 0, data)])
    return approval_id


def drop_approval_placeholders(conn: Connection, mutation_ids: Iterable[str]) -> list[str]:
    """Remove pending approvals of these requests that the server's row has not replaced."""
    ids = [APPROVAL_PREFIX + m for m in mutation_ids]
    if not ids:
        return []
    table = model_for("approval").__table__  # type: ignore[attr-defined]
    present = [r[0] for r in conn.execute(
        select(table.c.id).where(table.c.id.in_(ids), table.c.server_version == 0)).all()]
    delete_rows(conn, "approval", present)
    return present
