"""The replicator's store actions. Each runs inside one transaction the caller opened, so a crash
or a failed write leaves the store as it was before the action (rows, cursor and outbox together).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from agentdesk.domain.enums import MutationKind
from agentdesk.errors import InputError
from agentdesk.store.codec import delete_rows, model_for
from agentdesk.store.models import ENTITY_MODELS
from agentdesk.sync.client import bulk, outbox, overlay, state
from agentdesk.sync.client.changes import ChangesBuilder
from agentdesk.sync.client.effects import (
    MESSAGE_KINDS,
    ROW_EFFECTS,
    check_mutation,
    wire_entity,
)
from agentdesk.sync.client.outbox import OutboxEntry
from agentdesk.sync.client.planner import PagePlan
from agentdesk.sync.protocol import MutationResult

CHUNK = 2000


def apply_page(conn: Connection, plan: PagePlan, changes: ChangesBuilder) -> list[tuple[str, str]]:
    """Write one page's rows, shadows and cursor; settle confirmed and caught-up mutations.

    Returns the rows the store refused (skipped, logged by the caller): the cursor still moves on.
    """
    skipped: list[tuple[str, str]] = []
    for entity, rows in plan.upserts.items():
        for start in range(0, len(rows), CHUNK):
            skipped += [(entity, i) for i in bulk.upsert_tolerant(conn, entity, rows[start:start + CHUNK])]
    for entity, ids in plan.deletes.items():
        for start in range(0, len(ids), CHUNK):
            delete_rows(conn, entity, ids[start:start + CHUNK])
    overlay.put_shadows(conn, plan.shadow_puts)
    overlay.drop_shadows(conn, plan.shadow_deletes)
    for entity, ids in plan.touched().items():
        changes.add(entity, ids)
    rebuild = set(plan.rebuild - plan.shadow_deletes)
    if plan.confirmed:
        changes.add("message", overlay.drop_placeholders(conn, plan.confirmed))
        confirmed = outbox.acked_among(conn, plan.confirmed)
        outbox.remove(conn, [e.mutation_id for e in confirmed])
        changes.outbox |= bool(confirmed)
    state.put(conn, state.CURSOR, plan.cursor)
    rebuild |= settle_acked(conn, plan.cursor, changes)
    skipped += _rebuild(conn, rebuild, changes)
    return skipped


def settle_acked(conn: Connection, cursor: int, changes: ChangesBuilder) -> set[tuple[str, str]]:
    """Forget acked entries the pull has caught up with; returns the rows to rebuild."""
    done = outbox.acked_through(conn, cursor)
    if not done:
        return set()
    outbox.remove(conn, [e.mutation_id for e in done])
    changes.add("message", overlay.drop_placeholders(
        conn, [e.mutation_id for e in done if e.kind in MESSAGE_KINDS]))
    changes.add("approval", overlay.drop_approval_placeholders(
        conn, [e.mutation_id for e in done if e.kind == MutationKind.APPROVAL_REQUEST]))
    changes.outbox = True
    return {e.key for e in done if e.kind in ROW_EFFECTS}


def _rebuild(conn: Connection, keys: set[tuple[str, str]], changes: ChangesBuilder) -> list[tuple[str, str]]:
    refused = []
    for entity, entity_id in sorted(keys):
        try:
            with conn.begin_nested():
                written = overlay.rebuild(conn, entity, entity_id)
        except bulk.ROW_ERRORS:
            refused.append((entity, entity_id))
            continue
        if written:
            changes.add(entity, [entity_id])
    return refused


def _local_version(conn: Connection, entity: str, entity_id: str) -> int | None:
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    return conn.execute(select(table.c.server_version).where(table.c.id == entity_id)).scalar_one_or_none()


def enqueue(conn: Connection, kind: str, entity_id: str, payload: dict[str, Any], base_version: int | None,
            changes: ChangesBuilder, *, mutation_id: str | None = None) -> OutboxEntry:
    """Queue a mutation and show its effect locally, in the caller's transaction."""
    mkind = check_mutation(kind, entity_id, payload)
    entity = wire_entity(mkind)
    if base_version is None:
        base_version = _local_version(conn, entity, entity_id)
    entry = outbox.add(conn, mkind.value, entity, entity_id, payload, base_version, mutation_id=mutation_id)
    changes.outbox = True
    if entry.kind in MESSAGE_KINDS:
        author = state.get(conn, state.AGENT)
        changes.add("message", [overlay.add_placeholder(conn, entry, author)])
    elif entry.kind == MutationKind.APPROVAL_REQUEST:
        author = state.get(conn, state.AGENT)
        changes.add("approval", [overlay.add_approval_placeholder(conn, entry, author)])
    elif entry.kind in ROW_EFFECTS and overlay.ensure_shadow(conn, entity, entity_id):
        _rebuild(conn, {entry.key}, changes)
    return entry


def record_results(conn: Connection, sent: Sequence[OutboxEntry], results: Sequence[MutationResult],
                   changes: ChangesBuilder) -> dict[str, int]:
    """Apply the gateway's answers to a batch; entries without an answer stay pending."""
    by_id = {e.mutation_id: e for e in sent}
    counts = {"applied": 0, "duplicate": 0, "rejected": 0}
    rebuild: set[tuple[str, str]] = set()
    for result in results:
        entry = by_id.get(str(result.get("mutation_id")))
        status = result.get("status")
        if entry is None or status not in counts:
            continue
        counts[status] += 1
        version = result.get("version")
        if status == "rejected":
            outbox.mark_rejected(conn, entry.mutation_id, str(result.get("reason") or "rejected"))
            if entry.kind in MESSAGE_KINDS:
                changes.add("message", overlay.drop_placeholders(conn, [entry.mutation_id]))
            elif entry.kind == MutationKind.APPROVAL_REQUEST:
                changes.add("approval", overlay.drop_approval_placeholders(conn, [entry.mutation_id]))
            current = result.get("current")
            if isinstance(current, dict) and isinstance(version, int) and entry.kind in ROW_EFFECTS:
                _refresh_shadow(conn, entry, version, current)
            rebuild.add(entry.key)
        else:
            outbox.mark_acked(conn, entry.mutation_id, version if isinstance(version, int) else None)
    changes.outbox = True
    rebuild |= settle_acked(conn, state.cursor(conn), changes)
    _rebuild(conn, {k for k in rebuild if k[0] in ENTITY_MODELS}, changes)
    return counts


def _refresh_shadow(conn: Connection, entry: OutboxEntry, version: int, current: dict[str, Any]) -> None:
    """A rejection carries the row's current server data: newer than our shadow, it replaces it."""
    known = overlay.shadow_version(conn, entry.entity, entry.entity_id)
    if known is not None and version >= known:
        overlay.put_shadows(conn, [(entry.entity, entry.entity_id, version, current)])


def retry(conn: Connection, mutation_id: str, changes: ChangesBuilder) -> OutboxEntry:
    """Queue a rejected mutation again, as a new mutation with a new id, at the end of the queue."""
    old = _rejected_entry(conn, mutation_id)
    outbox.remove(conn, [old.mutation_id])
    return enqueue(conn, old.kind, old.entity_id, old.payload, None, changes)


def discard(conn: Connection, mutation_id: str, changes: ChangesBuilder) -> None:
    old = _rejected_entry(conn, mutation_id)
    outbox.remove(conn, [old.mutation_id])
    changes.outbox = True
    _rebuild(conn, {old.key}, changes)


def _rejected_entry(conn: Connection, mutation_id: str) -> OutboxEntry:
    entry = outbox.get(conn, mutation_id)
    if entry is None or entry.state != "rejected":
        raise InputError(f"mutation {mutation_id} is not a rejected mutation in the outbox")
    return entry


def drop_unseen(conn: Connection, seen: Mapping[str, set[str]], changes: ChangesBuilder) -> int:
    """After a fresh snapshot over old rows: delete rows the snapshot did not contain (the agent
    may no longer see them). Placeholders of queued mutations (version 0) stay."""
    removed = 0
    for entity, model in ENTITY_MODELS.items():
        table = model.__table__  # type: ignore[attr-defined]
        keep = seen.get(entity, set())
        ids = [r[0] for r in conn.execute(select(table.c.id).where(table.c.server_version != 0)).all()]
        gone = [i for i in ids if i not in keep]
        for start in range(0, len(gone), CHUNK):
            chunk = gone[start:start + CHUNK]
            removed += delete_rows(conn, entity, chunk)
            overlay.drop_shadows(conn, [(entity, i) for i in chunk])
        changes.add(entity, gone)
    return removed
