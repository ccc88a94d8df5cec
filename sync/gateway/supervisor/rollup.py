"""Keeping the KPI rollup current: read the change log after our cursor, re-derive each touched
ticket's facts, and move its contribution from the old rollup rows to the new ones.

``catch_up`` runs inside ``store.write()`` so it holds the writer lock: no write can slip between
reading the log and moving the cursor, and two gateway instances never apply the same range. Only
the current state of a row is in ``gw_records``, so a ticket changed twice since the cursor is read
once, in its latest form — which is all the rollup needs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import Any

import orjson
from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, text, tuple_, update

from agentdesk.supervisor.facts import TicketFacts, ticket_facts
from agentdesk.supervisor.tally import COLUMNS, Tally
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.supervisor import tables as t
from agentdesk.timeutil import from_wire

BATCH = 5000
DIMS = ("agent", "channel", "priority")
_r = s.records
_create_lock = threading.Lock()


def ensure_schema(store: GatewayStore) -> None:
    """Create the supervisor tables once per store object (create_all is idempotent)."""
    if getattr(store, "_sv_schema", False):
        return
    with _create_lock:
        with store.writer.begin() as conn:
            if store.is_pg:  # two gateway processes must not race on CREATE TABLE
                conn.execute(text("SELECT pg_advisory_xact_lock(774412)"))
            t.metadata.create_all(conn)
            if conn.execute(select(t.state.c.value).where(t.state.c.name == "cursor")).first() is None:
                conn.execute(insert(t.state).values(name="cursor", value=0))
        store._sv_schema = True  # type: ignore[attr-defined]


def cursor(conn: Connection) -> int:
    return int(conn.execute(select(t.state.c.value).where(t.state.c.name == "cursor")).scalar_one())


def _dim_keys(f: TicketFacts) -> dict[str, str]:
    return {"agent": f.agent_id or "", "channel": f.channel, "priority": f.priority}


def _epoch(value: Any) -> float | None:
    if isinstance(value, str) and value:
        try:
            return from_wire(value).timestamp()
        except ValueError:
            return None
    return None


def _next_due(f: TicketFacts, data: dict[str, Any]) -> float | None:
    if not f.open:
        return None
    if f.first_response_s is None:
        return _epoch(data.get("first_response_due"))
    return _epoch(data.get("resolution_due"))


def catch_up(store: GatewayStore, *, batch: int = BATCH) -> int:
    """Apply up to ``batch`` changes past the cursor; returns how many were read (0: current)."""
    ensure_schema(store)
    with store.read() as conn:  # nothing new: no write lock taken
        if cursor(conn) >= store.head(conn):
            return 0
    with store.write() as tx:
        conn = tx.conn
        start = cursor(conn)
        rows = conn.execute(
            select(_r.c.entity, _r.c.id, _r.c.version, _r.c.deleted, _r.c.change)
            .where(_r.c.version > start, _r.c.entity.in_(("ticket", "message")))
            .order_by(_r.c.version)
            .limit(batch)
        ).all()
        if not rows:
            head = tx.start
            if head > start:
                conn.execute(update(t.state).where(t.state.c.name == "cursor").values(value=head))
            return 0
        tickets: dict[str, dict[str, Any] | None] = {}
        new_replies: list[dict[str, str]] = []
        for row in rows:
            data = None if row.deleted else orjson.loads(row.change).get("data")
            if row.entity == "ticket":
                tickets[row.id] = data
            elif (
                data
                and data.get("public")
                and data.get("author_kind") == "customer"
                and data.get("ticket_id")
            ):
                new_replies.append({"message_id": row.id, "ticket_id": str(data["ticket_id"])})
        touched = _add_replies(conn, new_replies)
        for ticket_id in touched - set(tickets):
            change = conn.execute(
                select(_r.c.change, _r.c.deleted).where(_r.c.entity == "ticket", _r.c.id == ticket_id)
            ).first()
            if change is not None:
                tickets[ticket_id] = None if change.deleted else orjson.loads(change.change).get("data")
        _apply(conn, tickets)
        conn.execute(update(t.state).where(t.state.c.name == "cursor").values(value=rows[-1].version))
        if tx.is_pg and len(rows) >= 1000:
            # A bulk build grows these tables fast: fresh statistics keep PostgreSQL's cached plans
            # (psycopg prepares repeated statements) on the primary keys instead of full scans.
            for table in ("gw_sv_facts", "gw_sv_rollup", "gw_sv_replies"):
                conn.execute(text(f"ANALYZE {table}"))
        return len(rows)


def _add_replies(conn: Connection, rows: list[dict[str, str]]) -> set[str]:
    if not rows:
        return set()
    ids = [r["message_id"] for r in rows]
    known = set()
    for chunk in _chunks(ids, 500):
        known |= {
            m
            for (m,) in conn.execute(select(t.replies.c.message_id).where(t.replies.c.message_id.in_(chunk)))
        }
    fresh = [r for r in rows if r["message_id"] not in known]
    if fresh:
        conn.execute(insert(t.replies), fresh)
    return {r["ticket_id"] for r in fresh}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _apply(conn: Connection, tickets: dict[str, dict[str, Any] | None]) -> None:
    ids = list(tickets)
    old: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for chunk in _chunks(ids, 500):
        for row in conn.execute(select(t.facts).where(t.facts.c.ticket_id.in_(chunk))):
            old[row.ticket_id] = row
        counts.update(
            conn.execute(
                select(t.replies.c.ticket_id, func.count())
                .where(t.replies.c.ticket_id.in_(chunk))
                .group_by(t.replies.c.ticket_id)
            ).all()
        )
    # Deltas as plain lists in COLUMNS order: this loop runs once per ticket of a 1M-ticket build.
    deltas: dict[tuple[int, str, str, str], list[float]] = {}
    width = len(COLUMNS)

    def move(day: int, team: str, keys: dict[str, str], values: list[float], sign: int) -> None:
        for dim in DIMS:
            acc = deltas.get((day, team, dim, keys[dim]))
            if acc is None:
                acc = deltas[(day, team, dim, keys[dim])] = [0] * width
            for i, v in enumerate(values):
                if v:
                    acc[i] += sign * v

    fresh_rows = []
    for ticket_id, data in tickets.items():
        before = old.get(ticket_id)
        if before is not None:
            keys = {"agent": before.agent_id or "", "channel": before.channel, "priority": before.priority}
            previous = orjson.loads(before.tally)
            move(before.day, before.team_id, keys, [previous.get(c, 0) for c in COLUMNS], -1)
        f = ticket_facts(ticket_id, data, counts.get(ticket_id, 0)) if data else None
        if f is None:
            continue
        contribution = Tally.of(f).as_dict()
        day = int(f.created_at.timestamp() // 86400)
        move(day, f.team_id, _dim_keys(f), [contribution[c] for c in COLUMNS], +1)
        fresh_rows.append(
            {
                "ticket_id": ticket_id,
                "team_id": f.team_id,
                "agent_id": f.agent_id,
                "channel": f.channel,
                "priority": f.priority,
                "day": day,
                "created_at": f.created_at.timestamp(),
                "open": f.open,
                "next_due": _next_due(f, data or {}),
                "tally": orjson.dumps(contribution).decode(),
            }
        )
    for chunk in _chunks([i for i in ids if i in old], 500):
        conn.execute(delete(t.facts).where(t.facts.c.ticket_id.in_(chunk)))
    if fresh_rows:
        conn.execute(insert(t.facts), fresh_rows)
    _merge_rollup(conn, deltas)


def _merge_rollup(conn: Connection, deltas: dict[tuple[int, str, str, str], list[float]]) -> None:
    ru = t.rollup
    keys = list(deltas)
    existing: dict[tuple[int, str, str, str], list[float]] = {}
    pk = tuple_(ru.c.day, ru.c.team_id, ru.c.dim, ru.c.key)
    for i in range(0, len(keys), 300):
        chunk = keys[i : i + 300]
        for row in conn.execute(select(ru).where(pk.in_(chunk))):
            existing[(row.day, row.team_id, row.dim, row.key)] = [getattr(row, c) for c in COLUMNS]
    inserts, updates = [], []
    for key, delta in deltas.items():
        ident = {"day": key[0], "team_id": key[1], "dim": key[2], "key": key[3]}
        if key in existing:
            total = [a + b for a, b in zip(existing[key], delta, strict=True)]
            updates.append(
                {**{f"k_{k}": v for k, v in ident.items()}, **dict(zip(COLUMNS, total, strict=True))}
            )
        else:
            inserts.append({**ident, **dict(zip(COLUMNS, delta, strict=True))})
    if updates:  # one executemany, not a round trip per row
        conn.execute(
            update(ru).where(
                and_(
                    ru.c.day == bindparam("k_day"),
                    ru.c.team_id == bindparam("k_team_id"),
                    ru.c.dim == bindparam("k_dim"),
                    ru.c.key == bindparam("k_key"),
                )
            ),
            updates,
        )
    if inserts:
        conn.execute(insert(ru), inserts)


class Refresher:
    """Catch up at most every ``min_interval`` seconds per process (called by supervisor requests
    and by the background loop); a caller that finds a catch-up running waits for it."""

    def __init__(self, min_interval: float = 0.5) -> None:
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}

    def refresh(self, store: GatewayStore, after: Any = None) -> None:
        with self._lock:
            now = time.monotonic()
            if now - self._last.get(store.url, 0.0) < self.min_interval:
                return
            while catch_up(store):
                pass
            if after is not None:
                after(store)
            self._last[store.url] = time.monotonic()


REFRESHER = Refresher()
