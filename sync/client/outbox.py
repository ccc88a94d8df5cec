"""The durable outbox: mutations the agent made, in queue order, until the gateway has them.

Entry states:
  pending   not yet answered by the gateway; sent in ``seq`` order, re-sent with the same
            mutation id after a lost connection (the gateway answers "duplicate" the second time)
  acked     applied (or duplicate) at server version ``acked_version``; kept only so its overlay
            stays until the pull cursor reaches that version, then deleted
  rejected  refused by a business rule; kept with the server's reason until the agent retries
            (as a new mutation with a new id) or discards it; never blocks the entries behind it
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, select, update

from agentdesk.store.models import OutboxMutation
from agentdesk.sync.client.effects import ROW_EFFECTS
from agentdesk.timeutil import utcnow

ROW_EFFECT_KINDS = tuple(ROW_EFFECTS)
EntryState = Literal["pending", "acked", "rejected"]
_table = OutboxMutation.__table__
_OVERLAY_STATES = ("pending", "acked")


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    mutation_id: str
    kind: str
    entity: str
    entity_id: str
    base_version: int | None
    payload: dict[str, Any]
    created_at: datetime
    state: EntryState
    attempts: int
    rejected_reason: str | None
    acked_version: int | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.entity, self.entity_id)

    def wire(self) -> dict[str, Any]:
        return {
            "mutation_id": self.mutation_id,
            "kind": self.kind,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "base_version": self.base_version,
            "payload": self.payload,
        }


def _entry(row: Any) -> OutboxEntry:
    m = row._mapping
    return OutboxEntry(
        seq=m["seq"],
        mutation_id=m["mutation_id"],
        kind=m["kind"],
        entity=m["entity"],
        entity_id=m["entity_id"],
        base_version=m["base_version"],
        payload=m["payload"],
        created_at=m["created_at"],
        state=m["state"],
        attempts=m["attempts"],
        rejected_reason=m["rejected_reason"],
        acked_version=m["acked_version"],
    )


def add(
    conn: Connection,
    kind: str,
    entity: str,
    entity_id: str,
    payload: dict[str, Any],
    base_version: int | None,
    *,
    mutation_id: str | None = None,
) -> OutboxEntry:
    mutation_id = mutation_id or str(uuid.uuid4())
    conn.execute(
        _table.insert().values(
            mutation_id=mutation_id,
            kind=kind,
            entity=entity,
            entity_id=entity_id,
            base_version=base_version,
            payload=payload,
            created_at=utcnow(),
            state="pending",
            attempts=0,
        )
    )
    entry = get(conn, mutation_id)
    assert entry is not None
    return entry


def get(conn: Connection, mutation_id: str) -> OutboxEntry | None:
    row = conn.execute(select(_table).where(_table.c.mutation_id == mutation_id)).first()
    return _entry(row) if row else None


def next_batch(conn: Connection, limit: int, after_seq: int | None = None) -> list[OutboxEntry]:
    """The oldest pending entries (after ``after_seq``, if given), in queue order."""
    query = select(_table).where(_table.c.state == "pending")
    if after_seq is not None:
        query = query.where(_table.c.seq > after_seq)
    rows = conn.execute(query.order_by(_table.c.seq).limit(limit)).all()
    return [_entry(r) for r in rows]


def overlay_entries(conn: Connection, entity: str, entity_id: str) -> list[OutboxEntry]:
    """Entries whose local effect is still shown on this row, in queue order."""
    rows = conn.execute(
        select(_table)
        .where(
            _table.c.entity == entity, _table.c.entity_id == entity_id, _table.c.state.in_(_OVERLAY_STATES)
        )
        .order_by(_table.c.seq)
    ).all()
    return [_entry(r) for r in rows]


def overlay_keys(conn: Connection) -> set[tuple[str, str]]:
    """Rows that show local edits (replies and notes add their own message instead)."""
    rows = conn.execute(
        select(_table.c.entity, _table.c.entity_id)
        .where(_table.c.state.in_(_OVERLAY_STATES), _table.c.kind.in_(ROW_EFFECT_KINDS))
        .distinct()
    ).all()
    return {(r[0], r[1]) for r in rows}


def pending_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).where(_table.c.state == "pending")).scalar_one())


def rejected(conn: Connection) -> list[OutboxEntry]:
    rows = conn.execute(select(_table).where(_table.c.state == "rejected").order_by(_table.c.seq)).all()
    return [_entry(r) for r in rows]


def mark_acked(conn: Connection, mutation_id: str, version: int | None) -> None:
    conn.execute(
        update(_table)
        .where(_table.c.mutation_id == mutation_id)
        .values(state="acked", acked_version=version, attempts=_table.c.attempts + 1, last_error=None)
    )


def mark_rejected(conn: Connection, mutation_id: str, reason: str) -> None:
    conn.execute(
        update(_table)
        .where(_table.c.mutation_id == mutation_id)
        .values(state="rejected", rejected_reason=reason, attempts=_table.c.attempts + 1)
    )


def note_attempt(conn: Connection, mutation_ids: Sequence[str], error: str) -> None:
    conn.execute(
        update(_table)
        .where(_table.c.mutation_id.in_(list(mutation_ids)))
        .values(attempts=_table.c.attempts + 1, last_error=error[:500])
    )


def remove(conn: Connection, mutation_ids: Iterable[str]) -> None:
    ids = list(mutation_ids)
    if ids:
        conn.execute(delete(_table).where(_table.c.mutation_id.in_(ids)))


def acked_through(conn: Connection, cursor: int) -> list[OutboxEntry]:
    """Acked entries whose server version the pull has reached (or that carry no version)."""
    rows = conn.execute(
        select(_table).where(
            _table.c.state == "acked",
            (_table.c.acked_version.is_(None)) | (_table.c.acked_version <= cursor),
        )
    ).all()
    return [_entry(r) for r in rows]


def acked_among(conn: Connection, mutation_ids: Iterable[str]) -> list[OutboxEntry]:
    ids = list(mutation_ids)
    if not ids:
        return []
    rows = conn.execute(select(_table).where(_table.c.state == "acked", _table.c.mutation_id.in_(ids))).all()
    return [_entry(r) for r in rows]
