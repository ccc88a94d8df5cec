"""Retention: rows older than their entity's configured age are deleted, through the change log.

Off unless configured (``--retention interaction=730,ticket=1095`` or ``AGENTDESK_RETENTION``):

- ``interaction=D``  interactions that occurred more than D days ago;
- ``message=D``      messages on tickets closed (solved or closed) more than D days ago; the
                     ticket stays;
- ``ticket=D``       tickets closed more than D days ago, with their messages, approvals and
                     interactions;
- ``audit=D``        audit log entries older than D days (not synced to clients).

A ticket's closing time is the later of its ``solved_at`` and ``updated_at``; a row whose date
cannot be read is kept. Deletions go through ``RecordWriter``, so every client that held a row
receives ``op: "delete"``. Expired bearer tokens are removed on every run, configured or not.
The gateway runs ``purge`` every ``purge_interval_seconds``; ``agentdesk privacy purge`` runs it
once. Several gateway processes may run it at once: each batch re-checks its rows in its own
write transaction, so a row is deleted once and a ticket reopened meanwhile is kept.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Mapping
from typing import Any

import orjson
from sqlalchemy import Connection, delete, func, select

from agentdesk.errors import ConfigError
from agentdesk.sync.gateway.store import GatewayStore, audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import purge_expired
from agentdesk.sync.gateway.store.records import RecordWriter, load
from agentdesk.timeutil import from_wire

log = logging.getLogger(__name__)

ENV = "AGENTDESK_RETENTION"
RETAINED = ("interaction", "message", "ticket", "audit")
CLOSED = frozenset({"solved", "closed"})
SYSTEM_ACTOR = "system:retention"
DAY = 86400.0
_TX_SECONDS = 0.25
_r = s.records


def parse_retention(text: str | None) -> dict[str, float]:
    """``"interaction=730,ticket=1095"`` -> ``{"interaction": 730.0, "ticket": 1095.0}`` (days)."""
    out: dict[str, float] = {}
    for part in (text or "").replace(";", ",").split(","):
        if not part.strip():
            continue
        name, eq, value = part.partition("=")
        name = name.strip().lower()
        if not eq or name not in RETAINED:
            raise ConfigError(
                f"retention {part.strip()!r}: expected ENTITY=DAYS with ENTITY one of {', '.join(RETAINED)}"
            )
        try:
            days = float(value)
        except ValueError:
            days = -1.0
        if not days > 0 or days != days or days == float("inf"):
            raise ConfigError(f"retention {part.strip()!r}: DAYS must be a positive number")
        out[name] = days
    return out


def retention_from_env() -> str | None:
    return os.environ.get(ENV) or None


def _when(value: Any) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return from_wire(value).timestamp()
    except ValueError:
        return None


def closed_at(data: Mapping[str, Any] | None) -> float | None:
    """When a closed ticket was closed (its last change); None while open or undated."""
    if not data or str(data.get("status_group") or data.get("status") or "") not in CLOSED:
        return None
    times = [t for t in (_when(data.get("solved_at")), _when(data.get("updated_at"))) if t is not None]
    return max(times) if times else None


def _expired_ticket_mode(data: Mapping[str, Any] | None, cutoffs: Mapping[str, float]) -> str | None:
    """``"ticket"`` (delete it and its rows), ``"message"`` (its messages only) or None."""
    at = closed_at(data)
    if at is None:
        return None
    if "ticket" in cutoffs and at < cutoffs["ticket"]:
        return "ticket"
    if "message" in cutoffs and at < cutoffs["message"]:
        return "message"
    return None


def _interaction_expired(data: Mapping[str, Any] | None, cutoffs: Mapping[str, float]) -> bool:
    at = _when((data or {}).get("occurred_at"))
    return at is not None and at < cutoffs["interaction"]


def _scan(conn: Connection, entity: str) -> list[tuple[str, dict[str, Any]]]:
    rows = conn.execute(
        select(_r.c.id, _r.c.change).where(_r.c.entity == entity, _r.c.deleted.is_(False)).order_by(_r.c.id)
    )
    return [(row.id, orjson.loads(row.change)["data"]) for row in rows]


def _dependants(conn: Connection, ticket_id: str, entities: tuple[str, ...]) -> list[tuple[str, str]]:
    # Filtered and sorted here: with the entity or an ORDER BY in SQL, SQLite walks the primary key.
    rows = conn.execute(
        select(_r.c.entity, _r.c.id).where(_r.c.ticket_id == ticket_id, _r.c.deleted.is_(False))
    )
    return sorted((row.entity, row.id) for row in rows if row.entity in entities)


def _plan(conn: Connection, cutoffs: Mapping[str, float]) -> list[tuple[str, str]]:
    """(``ticket``/``message``/``interaction``, id) candidates; re-checked before deleting."""
    plan: list[tuple[str, str]] = []
    if "ticket" in cutoffs or "message" in cutoffs:
        plan += [
            (mode, tid)
            for tid, data in _scan(conn, "ticket")
            if (mode := _expired_ticket_mode(data, cutoffs))
        ]
    if "interaction" in cutoffs:
        plan += [
            ("interaction", iid)
            for iid, data in _scan(conn, "interaction")
            if _interaction_expired(data, cutoffs)
        ]
    return plan


def _apply(
    conn: Connection, writer: RecordWriter | None, item: tuple[str, str], cutoffs: Mapping[str, float]
) -> dict[str, int]:
    """Delete one planned item if it is still expired (``writer`` None: only count)."""
    kind, entity_id = item
    if kind == "interaction":
        current = load(conn, "interaction", entity_id)
        if current is None or current.deleted or not _interaction_expired(current.data, cutoffs):
            return {}
        rows = [("interaction", entity_id)]
    else:
        current = load(conn, "ticket", entity_id)
        if current is None or current.deleted or _expired_ticket_mode(current.data, cutoffs) != kind:
            return {}
        if kind == "ticket":
            rows = [
                *_dependants(conn, entity_id, ("approval", "interaction", "message")),
                ("ticket", entity_id),
            ]
        else:
            rows = _dependants(conn, entity_id, ("message",))
    counts: dict[str, int] = {}
    for entity, row_id in rows:
        if writer is None or writer.delete(entity, row_id) is not None:
            counts[entity] = counts.get(entity, 0) + 1
    return counts


def purge(
    store: GatewayStore,
    retention: Mapping[str, float],
    *,
    now: float | None = None,
    dry_run: bool = False,
    actor_id: str = SYSTEM_ACTOR,
) -> dict[str, int]:
    """Delete what has outlived its retention, and expired bearer tokens; returns counts per kind."""
    now = time.time() if now is None else now
    cutoffs = {entity: now - days * DAY for entity, days in retention.items()}
    counts: dict[str, int] = {}

    def add(more: dict[str, int]) -> None:
        for key, n in more.items():
            counts[key] = counts.get(key, 0) + n

    with store.read() as conn:
        plan = _plan(conn, cutoffs)
        if dry_run:
            for item in plan:
                add(_apply(conn, None, item, cutoffs))
            add(_side_counts(conn, cutoffs, now))
            return counts
    done = 0
    while done < len(plan):
        # Short transactions: each holds the one write lock that agents' mutations also need.
        with store.write() as tx:
            writer = RecordWriter(tx)
            started = time.monotonic()
            while done < len(plan) and time.monotonic() - started < _TX_SECONDS:
                add(_apply(tx.conn, writer, plan[done], cutoffs))
                done += 1
        if done < len(plan):
            time.sleep(_TX_SECONDS / 5)  # let waiting writers in (SQLite's lock is not fair)
    with store.write() as tx:
        side = _side_counts(tx.conn, cutoffs, now)
        purge_expired(tx.conn, now)
        if "audit" in cutoffs:
            tx.conn.execute(delete(s.audit).where(s.audit.c.at < cutoffs["audit"]))
        add(side)
        rows = {k: v for k, v in counts.items() if k != "token" and v}
        if rows:
            audit.record(
                tx.conn,
                actor_id,
                "retention_purge",
                detail={"deleted": rows, "retention_days": dict(sorted(retention.items()))},
            )
    return counts


def _side_counts(conn: Connection, cutoffs: Mapping[str, float], now: float) -> dict[str, int]:
    counts = {
        "token": int(conn.execute(select(func.count()).where(s.tokens.c.expires_at < now)).scalar_one())
    }
    if "audit" in cutoffs:
        counts["audit"] = int(
            conn.execute(select(func.count()).where(s.audit.c.at < cutoffs["audit"])).scalar_one()
        )
    return counts


async def purge_job(store: GatewayStore, retention: Mapping[str, float], interval: float) -> None:
    """The gateway's periodic purge, off the event loop: soon after start, then every ``interval``
    seconds (the short first wait keeps it out of the startup burst of sign-ins and snapshots)."""
    await asyncio.sleep(min(interval, 30.0))
    while True:
        try:
            counts = await asyncio.to_thread(purge, store, retention)
            if any(v for k, v in counts.items() if k != "token"):
                log.info("retention purge deleted %s", {k: v for k, v in counts.items() if v})
        except Exception as exc:  # a busy or unreachable database: try again next round
            log.warning("retention purge failed (%s); retrying in %.0f s", type(exc).__name__, interval)
        await asyncio.sleep(interval)
