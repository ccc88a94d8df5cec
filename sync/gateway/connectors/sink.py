"""The gateway store side of the connectors: mirrored records in, agents' changes out.

``enqueue_push`` runs inside the transaction that applies an agent's mutation, so a change to a
mirrored record and its place in the upstream outbox commit together. ``GatewaySink`` is the
``UpstreamSink`` the runner uses.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, and_, insert, select, update

from agentdesk.domain.enums import MutationKind
from agentdesk.sync.gateway.connectors.base import PushItem, PushOutcome, UpstreamRecord, local_id
from agentdesk.sync.gateway.store import GatewayStore, audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.erasure import PLACEHOLDER as ERASED
from agentdesk.sync.gateway.store.records import RecordWriter, load
from agentdesk.timeutil import to_wire, utcnow

SYSTEM_ACTOR = "system:connector"
PUSHABLE = frozenset(
    {
        MutationKind.TICKET_REPLY,
        MutationKind.TICKET_NOTE,
        MutationKind.TICKET_SET_STATUS,
        MutationKind.TICKET_SET_PRIORITY,
        MutationKind.TICKET_ASSIGN,
        MutationKind.TICKET_TAG,
        MutationKind.CUSTOMER_UPDATE,
    }
)
_o = s.upstream_outbox


def enqueue_push(conn: Connection, mutation: dict[str, Any], author_id: str) -> bool:
    """Queue an applied mutation for the upstream system its target is mirrored from, if any."""
    if mutation["kind"] not in PUSHABLE:
        return False
    target = load(conn, mutation["entity"], mutation["entity_id"])
    ref = (target.data or {}).get("external_ref") if target is not None else None
    if not isinstance(ref, dict) or not ref.get("system") or not ref.get("id"):
        return False
    now = time.time()
    conn.execute(
        insert(_o).values(
            push_id=mutation["mutation_id"],
            system=str(ref["system"]),
            kind=mutation["kind"],
            external_id=str(ref["id"]),
            payload=orjson.dumps(mutation["payload"]).decode(),
            author_id=author_id,
            state="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )
    return True


def _complete(entity: str, data: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
    """Fill what the AgentDesk shape requires and the upstream may lack (timestamps, defaults)."""
    now = to_wire(utcnow())
    merged = {**(current or {}), **data}
    if entity == "ticket":
        merged.setdefault("created_at", now)
        merged.setdefault("tags", [])
        if current is None or any(current.get(k) != v for k, v in data.items()):
            merged["updated_at"] = data.get("updated_at") or now
    elif entity == "message":
        merged.setdefault("created_at", now)
        merged.setdefault("author_kind", "customer")
        merged.setdefault("public", True)
    elif entity == "customer":
        merged.setdefault("tier", "standard")
        merged.setdefault("tags", [])
        merged.setdefault("verified", False)
    return merged


def _people(data: dict[str, Any]) -> tuple[str, ...]:
    """The customers a mirrored record points to (requester, message author)."""
    return tuple(v for k in ("customer_id", "author_id") if isinstance(v := data.get(k), str))


def _erased_link(entity: str, data: dict[str, Any], erased: set[str]) -> bool:
    return entity != "customer" and any(pid in erased for pid in _people(data))


def _after_erasure(
    entity: str, data: dict[str, Any], live: dict[str, Any] | None, erased: set[str]
) -> dict[str, Any] | None:
    """An upstream record pointing to an erased person, as the gateway may keep it; None to skip.

    Nothing new about the person comes back: their interactions and messages are not imported,
    and neither is a ticket the gateway no longer holds. A ticket still held (anonymised by the
    erasure) takes the upstream's workflow changes but keeps its anonymised requester.
    """
    if entity != "ticket" or live is None or live.get("customer_id") in erased:
        return None
    return {**data, "customer_id": live["customer_id"]}


def _keep_erased_text(data: dict[str, Any], live: dict[str, Any]) -> dict[str, Any]:
    """Text an erasure rewrote stays rewritten when the upstream sends the original again."""
    kept = {k: v for k, v in live.items() if isinstance(v, str) and ERASED in v and data.get(k) != v}
    return {**data, **kept} if kept else data


class GatewaySink:
    def __init__(self, store: GatewayStore) -> None:
        self.store = store

    def load_checkpoint(self, connector: str) -> dict[str, Any] | None:
        table = s.connector_checkpoints
        with self.store.read() as conn:
            raw = conn.execute(select(table.c.checkpoint).where(table.c.connector == connector)).scalar()
        return orjson.loads(raw) if raw else None

    def apply(
        self, connector: str, system: str, records: Sequence[UpstreamRecord], checkpoint: dict[str, Any]
    ) -> int:
        applied = 0
        table = s.connector_checkpoints
        with self.store.write() as tx:
            writer = RecordWriter(tx)
            erased = self._erased(tx.conn, system, records)
            for record in records:
                if record.entity == "customer" and local_id(system, "customer", record.external_id) in erased:
                    continue
                lid = local_id(system, record.entity, record.external_id)
                current = load(tx.conn, record.entity, lid)
                live = current.data if current is not None and not current.deleted else None
                if record.data is None:
                    applied += writer.delete(record.entity, lid) is not None
                    continue
                data = _complete(record.entity, record.data, live)
                if _erased_link(record.entity, data, erased):
                    kept = _after_erasure(record.entity, data, live, erased)
                    if kept is None:
                        continue
                    data = kept
                if live is not None:
                    data = _keep_erased_text(data, live)
                if data != live:
                    writer.put(record.entity, lid, data)
                    applied += 1
            encoded = orjson.dumps(checkpoint).decode()
            exists = tx.conn.execute(select(table.c.connector).where(table.c.connector == connector)).first()
            if exists:
                tx.conn.execute(
                    update(table).where(table.c.connector == connector).values(checkpoint=encoded)
                )
            else:
                tx.conn.execute(insert(table).values(connector=connector, checkpoint=encoded))
        return applied

    @staticmethod
    def _erased(conn: Connection, system: str, records: Sequence[UpstreamRecord]) -> set[str]:
        """Local ids of the erased people these records are or point to."""
        people = {local_id(system, "customer", r.external_id) for r in records if r.entity == "customer"} | {
            pid for r in records if r.data is not None for pid in _people(r.data)
        }
        prefix = local_id(system, "customer", "")
        ids = [pid.removeprefix(prefix) for pid in people if pid.startswith(prefix)]
        if not ids:
            return set()
        e = s.erasures
        rows = conn.execute(select(e.c.external_id).where(e.c.system == system, e.c.external_id.in_(ids)))
        return {prefix + row.external_id for row in rows}

    def due_pushes(self, system: str, now: datetime, limit: int) -> list[PushItem]:
        with self.store.read() as conn:
            rows = conn.execute(
                select(_o)
                .where(
                    and_(
                        _o.c.system == system,
                        _o.c.state == "pending",
                        _o.c.next_attempt_at <= now.timestamp(),
                    )
                )
                .order_by(_o.c.created_at, _o.c.push_id)
                .limit(limit)
            ).all()
            items = []
            for row in rows:
                author = load(conn, "agent", row.author_id) if row.author_id else None
                email = (author.data or {}).get("email") if author is not None else None
                items.append(
                    PushItem(
                        push_id=row.push_id,
                        kind=MutationKind(row.kind),
                        external_id=row.external_id,
                        payload=orjson.loads(row.payload),
                        author_email=email,
                        maybe_sent_at=datetime.fromtimestamp(row.maybe_sent_at, UTC)
                        if row.maybe_sent_at
                        else None,
                        attempts=row.attempts,
                    )
                )
        return items

    def mark_sending(self, system: str, push_id: str, at: datetime) -> None:
        with self.store.write() as tx:
            tx.conn.execute(
                update(_o)
                .where(_o.c.push_id == push_id)
                .values(maybe_sent_at=at.timestamp(), attempts=_o.c.attempts + 1)
            )

    def record_outcome(
        self, system: str, push_id: str, outcome: PushOutcome, retry_at: datetime | None
    ) -> None:
        values: dict[str, Any] = {"detail": outcome.detail or None, "upstream_ref": outcome.upstream_ref}
        if outcome.status == "retry":
            values.update(state="pending", next_attempt_at=(retry_at or utcnow()).timestamp())
        else:
            values.update(state=outcome.status, maybe_sent_at=None)
        with self.store.write() as tx:
            tx.conn.execute(update(_o).where(_o.c.push_id == push_id).values(**values))
            if outcome.status == "failed":
                audit.record(
                    tx.conn,
                    SYSTEM_ACTOR,
                    "upstream_failed",
                    entity="mutation",
                    entity_id=push_id,
                    reason=outcome.detail[:500],
                    detail={"system": system},
                )

    def save_health(self, connector: str, system: str, health: dict[str, Any]) -> None:
        table = s.connector_health
        values = {
            "system": system,
            "health": orjson.dumps(health, default=str).decode(),
            "updated_at": time.time(),
        }
        with self.store.write() as tx:
            found = tx.conn.execute(select(table.c.connector).where(table.c.connector == connector)).first()
            if found:
                tx.conn.execute(update(table).where(table.c.connector == connector).values(**values))
            else:
                tx.conn.execute(insert(table).values(connector=connector, **values))

    def pending_count(self, system: str) -> int:
        with self.store.read() as conn:
            return len(
                conn.execute(select(_o.c.push_id).where(_o.c.system == system, _o.c.state == "pending")).all()
            )
