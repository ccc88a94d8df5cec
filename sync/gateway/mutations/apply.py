"""Applying validated mutations: each in its own transaction together with its mutation id.

A retry of an applied mutation is answered "duplicate" with the original version; a retry of a
rejected one gets the same rejection again. A rejection never stops the mutations behind it.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from agentdesk.sync.gateway.connectors.sink import enqueue_push
from agentdesk.sync.gateway.mutations.kinds import HANDLERS, Context, Reject
from agentdesk.sync.gateway.privacy import mask_data
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import RecordWriter
from agentdesk.sync.protocol import REJECT_FORBIDDEN, MutationResult

log = logging.getLogger(__name__)
_m = s.mutations


def _previous(conn: Any, mutation_id: str, principal: Principal) -> MutationResult | None:
    row = conn.execute(select(_m).where(_m.c.mutation_id == mutation_id)).first()
    if row is None:
        return None
    if row.agent_id != principal.agent_id:
        return {
            "mutation_id": mutation_id,
            "status": "rejected",
            "version": None,
            "reason": f"{REJECT_FORBIDDEN}: this mutation id belongs to someone else",
        }
    if row.status == "applied":
        return {"mutation_id": mutation_id, "status": "duplicate", "reason": None, "version": row.version}
    result: MutationResult = {
        "mutation_id": mutation_id,
        "status": "rejected",
        "reason": row.reason,
        "version": None,
    }
    if row.current:
        result["current"] = orjson.loads(row.current)
    return result


def _record(
    conn: Any,
    principal: Principal,
    client_id: str,
    m: dict[str, Any],
    status: str,
    reason: str | None,
    version: int | None,
    current: dict[str, Any] | None,
) -> None:
    import time

    conn.execute(
        insert(_m).values(
            mutation_id=m["mutation_id"],
            agent_id=principal.agent_id,
            client_id=client_id,
            kind=m["kind"],
            entity=m["entity"],
            entity_id=m["entity_id"],
            status=status,
            reason=reason,
            version=version,
            current=orjson.dumps(current).decode() if current is not None else None,
            at=time.time(),
        )
    )


def apply_one(store: GatewayStore, principal: Principal, client_id: str, m: dict[str, Any]) -> MutationResult:
    mutation_id = m["mutation_id"]
    try:
        with store.write() as tx:
            previous = _previous(tx.conn, mutation_id, principal)
            if previous is not None:
                return previous
            version = HANDLERS[m["kind"]](Context(RecordWriter(tx), principal, m))
            # A change to a record mirrored from Zendesk/django-helpdesk/CRM goes upstream later,
            # queued in this same transaction so it is neither lost nor sent twice.
            enqueue_push(tx.conn, m, principal.agent_id)
            _record(tx.conn, principal, client_id, m, "applied", None, version, None)
        log.info(
            "mutation %s %s %s/%s applied at %d by %s",
            mutation_id,
            m["kind"],
            m["entity"],
            m["entity_id"],
            version,
            principal.agent_id,
        )
        return {"mutation_id": mutation_id, "status": "applied", "reason": None, "version": version}
    except Reject as rejection:
        current = rejection.current
        if current is not None and not principal.sees_all:
            current = mask_data(m["entity"], current) or current
        reason = f"{rejection.code}: {rejection.text}"
        try:
            with store.write() as tx:
                previous = _previous(tx.conn, mutation_id, principal)
                if previous is not None:
                    return previous
                _record(tx.conn, principal, client_id, m, "rejected", reason, None, current)
        except IntegrityError:  # the same id, recorded meanwhile by a concurrent request
            with store.read() as conn:
                return _previous(conn, mutation_id, principal) or _rejected(mutation_id, reason, current)
        log.info(
            "mutation %s %s %s/%s rejected (%s) for %s",
            mutation_id,
            m["kind"],
            m["entity"],
            m["entity_id"],
            rejection.code,
            principal.agent_id,
        )
        return _rejected(mutation_id, reason, current)
    except IntegrityError:
        with store.read() as conn:
            previous = _previous(conn, mutation_id, principal)
        if previous is None:
            raise
        return previous


def _rejected(mutation_id: str, reason: str, current: dict[str, Any] | None) -> MutationResult:
    result: MutationResult = {
        "mutation_id": mutation_id,
        "status": "rejected",
        "reason": reason,
        "version": None,
    }
    if current is not None:
        result["current"] = current
    return result


def apply_batch(
    store: GatewayStore, principal: Principal, client_id: str, mutations: list[dict[str, Any]]
) -> list[MutationResult]:
    return [apply_one(store, principal, client_id, m) for m in mutations]
