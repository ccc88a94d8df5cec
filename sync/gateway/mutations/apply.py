"""Applying a validated batch of mutations: one transaction per request, a savepoint per mutation.

Each mutation runs inside its own SAVEPOINT together with the row that records its id (and its
upstream outbox row), so a rejection or an unexpected error undoes only that mutation; the batch
then commits once and sends one change notification. A retry of an applied mutation is answered
"duplicate" with the original version; a retry of a rejected one gets the same rejection again. A
rejection never stops the mutations behind it.

A mutation that fails for an unexpected reason (a bug, a database error inside its savepoint) is
not recorded and is left out of the results: the client keeps it pending and sends it again later,
while the mutations around it are applied. A batch in which every mutation failed that way is a
server error, so nothing about it looks like an answer.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from agentdesk.sync.gateway.connectors.sink import enqueue_push
from agentdesk.sync.gateway.mutations.kinds import HANDLERS, Context, Reject
from agentdesk.sync.gateway.privacy import mask_data
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.engine import WriteTx
from agentdesk.sync.gateway.store.records import RecordWriter
from agentdesk.sync.protocol import REJECT_FORBIDDEN, MutationResult

log = logging.getLogger(__name__)
_m = s.mutations
_INSERT = insert(_m)  # built once: statement construction costs more than the insert itself
# Ids looked up per query when a batch starts (well under SQLite's and psycopg's parameter limits).
_LOOKUP_CHUNK = 500


@dataclass(frozen=True, slots=True)
class _Row:
    """What a recorded mutation row holds for answering a second copy in the same batch."""

    agent_id: str
    status: str
    version: int | None
    reason: str | None
    current: str | None


@dataclass(slots=True)
class _Outcome:
    mutation: dict[str, Any]
    result: MutationResult | None  # None: failed unexpectedly, not recorded, left out
    error: BaseException | None = None
    code: str | None = None  # the rejection code, for the log


def _answer(row: Any, mutation_id: str, principal: Principal) -> MutationResult:
    """The answer to a mutation id that is already recorded."""
    if row.agent_id != principal.agent_id:
        return {
            "mutation_id": mutation_id,
            "status": "rejected",
            "version": None,
            "reason": f"{REJECT_FORBIDDEN}: this mutation id belongs to someone else",
        }
    if row.status == "applied":
        return {"mutation_id": mutation_id, "status": "duplicate", "reason": None, "version": row.version}
    return _rejected(mutation_id, row.reason, orjson.loads(row.current) if row.current else None)


def _previous(conn: Connection, mutation_id: str, principal: Principal) -> MutationResult | None:
    row = conn.execute(select(_m).where(_m.c.mutation_id == mutation_id)).first()
    return None if row is None else _answer(row, mutation_id, principal)


def _recorded(conn: Connection, mutation_ids: list[str]) -> dict[str, Any]:
    """The rows of the ids among ``mutation_ids`` that are already recorded."""
    rows: dict[str, Any] = {}
    unique = sorted(set(mutation_ids))
    for at in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[at : at + _LOOKUP_CHUNK]
        for row in conn.execute(select(_m).where(_m.c.mutation_id.in_(chunk))):
            rows[row.mutation_id] = row
    return rows


def _record(
    conn: Connection,
    principal: Principal,
    client_id: str,
    m: dict[str, Any],
    status: str,
    reason: str | None,
    version: int | None,
    current: dict[str, Any] | None,
) -> None:
    conn.execute(
        _INSERT,
        {
            "mutation_id": m["mutation_id"],
            "agent_id": principal.agent_id,
            "client_id": client_id,
            "kind": m["kind"],
            "entity": m["entity"],
            "entity_id": m["entity_id"],
            "status": status,
            "reason": reason,
            "version": version,
            "current": orjson.dumps(current).decode() if current is not None else None,
            "at": time.time(),
        },
    )


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


class _Savepoint:
    """A SAVEPOINT that, when rolled back, also hands back the versions and nudge targets taken
    inside it, so the versions a batch commits stay consecutive."""

    def __init__(self, tx: WriteTx) -> None:
        self.tx = tx

    def __enter__(self) -> _Savepoint:
        tx = self.tx
        self._state = (tx.last, set(tx.teams), tx.everyone, len(tx.after_commit))
        self._nested = tx.conn.begin_nested()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            try:
                self._nested.commit()  # RELEASE SAVEPOINT
            except BaseException:
                self._undo()
                raise
            return
        self._undo()

    def _undo(self) -> None:
        if self._nested.is_active:
            self._nested.rollback()
        tx = self.tx
        tx.last, tx.teams, tx.everyone, callbacks = self._state
        del tx.after_commit[callbacks:]


def _apply_one(
    tx: WriteTx, principal: Principal, client_id: str, m: dict[str, Any], known: dict[str, Any]
) -> _Outcome:
    mutation_id = m["mutation_id"]
    if mutation_id in known:
        return _Outcome(m, _answer(known[mutation_id], mutation_id, principal))
    try:
        with _Savepoint(tx):
            version = HANDLERS[m["kind"]](Context(RecordWriter(tx), principal, m))
            # A change to a record mirrored from Zendesk/django-helpdesk/CRM goes upstream later,
            # queued in this same transaction so it is neither lost nor sent twice.
            enqueue_push(tx.conn, m, principal.agent_id)
            _record(tx.conn, principal, client_id, m, "applied", None, version, None)
    except Reject as rejection:
        return _reject(tx, principal, client_id, m, rejection, known)
    except Exception as exc:
        previous = _previous(tx.conn, mutation_id, principal) if isinstance(exc, IntegrityError) else None
        if previous is not None:  # not expected (writers are serialized): answer what is recorded
            return _Outcome(m, previous)
        log.exception("mutation %s %s failed; left pending for the client", mutation_id, m["kind"])
        return _Outcome(m, None, exc)
    known[mutation_id] = _Row(principal.agent_id, "applied", version, None, None)
    result: MutationResult = {
        "mutation_id": mutation_id,
        "status": "applied",
        "reason": None,
        "version": version,
    }
    return _Outcome(m, result)


def _reject(
    tx: WriteTx,
    principal: Principal,
    client_id: str,
    m: dict[str, Any],
    rejection: Reject,
    known: dict[str, Any],
) -> _Outcome:
    current = rejection.current
    if current is not None and not principal.sees_all:
        current = mask_data(m["entity"], current) or current
    reason = f"{rejection.code}: {rejection.text}"
    try:
        with _Savepoint(tx):
            _record(tx.conn, principal, client_id, m, "rejected", reason, None, current)
    except IntegrityError:  # not expected (writers are serialized): answer what is recorded
        previous = _previous(tx.conn, m["mutation_id"], principal)
        if previous is not None:
            return _Outcome(m, previous)
    encoded = orjson.dumps(current).decode() if current is not None else None
    known[m["mutation_id"]] = _Row(principal.agent_id, "rejected", None, reason, encoded)
    return _Outcome(m, _rejected(m["mutation_id"], reason, current), code=rejection.code)


def apply_batch(
    store: GatewayStore, principal: Principal, client_id: str, mutations: list[dict[str, Any]]
) -> list[MutationResult]:
    """Apply ``mutations`` in request order in one transaction; results in the same order."""
    if not mutations:
        return []
    with store.write() as tx:
        known = _recorded(tx.conn, [m["mutation_id"] for m in mutations])
        outcomes = [_apply_one(tx, principal, client_id, m, known) for m in mutations]
    _log(outcomes, principal)
    results = [o.result for o in outcomes if o.result is not None]
    if not results:
        failure = next(o.error for o in outcomes if o.error is not None)
        raise failure
    return results


def _log(outcomes: list[_Outcome], principal: Principal) -> None:
    for o in outcomes:
        m, result = o.mutation, o.result
        if result is None:
            continue
        if result["status"] == "applied":
            log.info(
                "mutation %s %s %s/%s applied at %d by %s",
                m["mutation_id"],
                m["kind"],
                m["entity"],
                m["entity_id"],
                result["version"],
                principal.agent_id,
            )
        elif o.code is not None:
            log.info(
                "mutation %s %s %s/%s rejected (%s) for %s",
                m["mutation_id"],
                m["kind"],
                m["entity"],
                m["entity_id"],
                o.code,
                principal.agent_id,
            )


def apply_one(store: GatewayStore, principal: Principal, client_id: str, m: dict[str, Any]) -> MutationResult:
    """One mutation in its own transaction (supervisor actions); an unexpected failure raises."""
    return apply_batch(store, principal, client_id, [m])[0]
