"""Writing entity rows: a new version per write, the served change JSON, and team visibility.

Visibility follows the tickets (see schema.py): a ticket is granted to ``data.team_id``; its
messages, approvals and interactions to the ticket's team; a customer to the teams of its
tickets; an organization to the teams of its customers; an interaction without a ticket to its
customer's teams. A write that changes a row's teams re-grants its dependants; a team that loses a
row gets a revocation (``op: "delete"`` at a new version), a team that gains one gets the row at a
new version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import orjson
from sqlalchemy import Connection, and_, bindparam, delete, insert, select, update

from agentdesk.sync.gateway.privacy import mask_data
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.engine import WriteTx

GLOBAL_ENTITIES = frozenset({"agent", "team", "article", "script"})
_r = s.records
_g = s.grants


@dataclass(frozen=True, slots=True)
class Record:
    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any] | None
    team_id: str | None
    ticket_id: str | None
    customer_id: str | None
    org_id: str | None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def index_columns(entity: str, data: dict[str, Any] | None) -> dict[str, str | None]:
    data = data or {}
    return {
        "team_id": _str(data.get("team_id")) if entity in ("ticket", "approval") else None,
        "ticket_id": _str(data.get("ticket_id"))
        if entity in ("message", "approval", "interaction")
        else None,
        "customer_id": _str(data.get("customer_id")) if entity in ("ticket", "interaction") else None,
        "org_id": _str(data.get("organization_id")) if entity == "customer" else None,
    }


def change_json(
    entity: str, entity_id: str, version: int, data: dict[str, Any] | None
) -> tuple[str, str | None]:
    """The served change object, and its masked twin when the data holds personal fields."""
    op = "delete" if data is None else "upsert"
    change = {"entity": entity, "id": entity_id, "op": op, "version": version, "data": data}
    full = orjson.dumps(change).decode()
    masked = mask_data(entity, data)
    if masked is None:
        return full, None
    change["data"] = masked
    return full, orjson.dumps(change).decode()


# Statements on the write path are built once (building one costs more than running it on SQLite).
_ROW = (_r.c.entity == bindparam("b_entity")) & (_r.c.id == bindparam("b_id"))
_INSERT = insert(_r)
_UPDATE = update(_r).where(_ROW)
_GRANTED = select(_g.c.team_id).where(_g.c.entity == bindparam("entity"), _g.c.id == bindparam("id"))
_INDEX = select(_r.c.team_id, _r.c.ticket_id, _r.c.customer_id, _r.c.org_id, _r.c.deleted).where(_ROW)
_TICKET_TEAM = select(_r.c.team_id).where(_r.c.entity == "ticket", _r.c.id == bindparam("id"))
_LOAD = select(
    _r.c.version, _r.c.deleted, _r.c.change, _r.c.team_id, _r.c.ticket_id, _r.c.customer_id, _r.c.org_id
).where(_r.c.entity == bindparam("entity"), _r.c.id == bindparam("id"))


def load(conn: Connection, entity: str, entity_id: str) -> Record | None:
    row = conn.execute(_LOAD, {"entity": entity, "id": entity_id}).first()
    if row is None:
        return None
    data = None if row.deleted else orjson.loads(row.change).get("data")
    return Record(
        entity,
        entity_id,
        row.version,
        bool(row.deleted),
        data,
        row.team_id,
        row.ticket_id,
        row.customer_id,
        row.org_id,
    )


class RecordWriter:
    """Writes inside one ``WriteTx``; every call keeps grants and revocations consistent."""

    def __init__(self, tx: WriteTx) -> None:
        self.tx = tx
        self.conn = tx.conn

    # -- public ----------------------------------------------------------------------------------
    def put(self, entity: str, entity_id: str, data: dict[str, Any]) -> int:
        return self._write(entity, entity_id, data)

    def delete(self, entity: str, entity_id: str) -> int | None:
        """Tombstone a row (deletion wins); None if there was no live row."""
        current = load(self.conn, entity, entity_id)
        if current is None or current.deleted:
            return None
        return self._write(entity, entity_id, None, current)

    # -- internals -------------------------------------------------------------------------------
    def _write(
        self, entity: str, entity_id: str, data: dict[str, Any] | None, current: Record | None = None
    ) -> int:
        current = current or load(self.conn, entity, entity_id)
        version = self.tx.next_version()
        change, masked = change_json(entity, entity_id, version, data)
        if data is None and current is not None:
            columns = {
                "team_id": current.team_id,
                "ticket_id": current.ticket_id,
                "customer_id": current.customer_id,
                "org_id": current.org_id,
            }
        else:
            columns = index_columns(entity, data)
        values = {"version": version, "deleted": data is None, "change": change, "masked": masked, **columns}
        if current is None:
            self.conn.execute(
                _INSERT,
                {"entity": entity, "id": entity_id, "scoped": entity not in GLOBAL_ENTITIES, **values},
            )
        else:
            self.conn.execute(_UPDATE, {"b_entity": entity, "b_id": entity_id, **values})
        if entity in GLOBAL_ENTITIES:
            self.tx.touch_teams(None)
            return version
        # A tombstone keeps its grants: the teams that had it get the delete. The cascade below
        # re-grants other rows only, so the grants this row has now are final.
        granted = self._regrant(entity, entity_id, bumped=True, index=columns) if data is not None else None
        self._cascade(entity, entity_id, current, columns, data is None)
        self.tx.touch_teams(granted if granted is not None else self._granted(entity, entity_id))
        return version

    def _cascade(
        self,
        entity: str,
        entity_id: str,
        before: Record | None,
        after: dict[str, str | None],
        deleted_now: bool,
    ) -> None:
        """Re-grant the rows whose visibility follows this one."""
        created = before is None
        if entity == "ticket":
            if (
                created
                or before.deleted != deleted_now
                or before.team_id != after["team_id"]
                or before.customer_id != after["customer_id"]
            ):
                for dep, dep_id in self.conn.execute(
                    select(_r.c.entity, _r.c.id).where(_r.c.ticket_id == entity_id)
                ).all():
                    self._regrant(dep, dep_id)
                old_customer = None if created else before.customer_id
                for customer in sorted({old_customer, after["customer_id"]} - {None}):
                    self._regrant("customer", customer)  # type: ignore[arg-type]
        elif entity == "customer" and (
            created or before.org_id != after["org_id"] or before.deleted != deleted_now
        ):
            old_org = None if created else before.org_id
            for org in sorted({old_org, after["org_id"]} - {None}):
                self._regrant("organization", org)  # type: ignore[arg-type]

    def _teams_for(self, entity: str, entity_id: str, index: dict[str, str | None] | None = None) -> set[str]:
        """``index``: the row's index columns when the caller just wrote them (saves reading them)."""
        conn = self.conn
        row: Any = (
            SimpleNamespace(**index)
            if index is not None
            else conn.execute(_INDEX, {"b_entity": entity, "b_id": entity_id}).first()
        )
        if row is None:
            return set()
        if entity == "ticket":
            return {row.team_id} if row.team_id else set()
        if entity in ("message", "approval", "interaction") and row.ticket_id:
            team = conn.execute(_TICKET_TEAM, {"id": row.ticket_id}).scalar()
            if team:
                return {team}
            if entity == "approval" and row.team_id:
                return {row.team_id}
            if entity != "interaction":
                return set()
        if entity == "approval":
            return {row.team_id} if row.team_id else set()
        if entity == "interaction":
            return self._granted("customer", row.customer_id) if row.customer_id else set()
        if entity == "customer":
            return {
                t
                for (t,) in conn.execute(
                    select(_r.c.team_id)
                    .distinct()
                    .where(
                        _r.c.entity == "ticket",
                        _r.c.customer_id == entity_id,
                        _r.c.deleted.is_(False),
                        _r.c.team_id.is_not(None),
                    )
                )
            }
        if entity == "organization":
            return {
                t
                for (t,) in conn.execute(
                    select(_g.c.team_id)
                    .distinct()
                    .select_from(_g.join(_r, and_(_r.c.entity == "customer", _r.c.id == _g.c.id)))
                    .where(_g.c.entity == "customer", _r.c.org_id == entity_id)
                )
            }
        return set()

    def _granted(self, entity: str, entity_id: str) -> set[str]:
        return {t for (t,) in self.conn.execute(_GRANTED, {"entity": entity, "id": entity_id})}

    def _regrant(
        self, entity: str, entity_id: str, *, bumped: bool = False, index: dict[str, str | None] | None = None
    ) -> set[str]:
        """Bring this row's grants up to date and return them; ``bumped``: the row was just written
        at a new version (with ``index`` columns)."""
        want = self._teams_for(entity, entity_id, index)
        have = self._granted(entity, entity_id)
        if want == have:
            return want
        conn = self.conn
        lost, gained = have - want, want - have
        self.tx.touch_teams(lost | gained)
        if lost:
            conn.execute(
                delete(_g).where(_g.c.entity == entity, _g.c.id == entity_id, _g.c.team_id.in_(lost))
            )
            for team in sorted(lost):
                version = self.tx.next_version()
                conn.execute(
                    insert(s.revocations).values(
                        version=version,
                        entity=entity,
                        id=entity_id,
                        team_id=team,
                        change=change_json(entity, entity_id, version, None)[0],
                    )
                )
        if gained:
            conn.execute(
                insert(_g), [{"entity": entity, "id": entity_id, "team_id": t} for t in sorted(gained)]
            )
            if not bumped:
                self._bump(entity, entity_id)
        self._follow(entity, entity_id)
        return want

    def _bump(self, entity: str, entity_id: str) -> None:
        """Re-issue the row at a new version so the teams that just gained it receive it."""
        current = load(self.conn, entity, entity_id)
        if current is None or current.deleted:
            return
        version = self.tx.next_version()
        change, masked = change_json(entity, entity_id, version, current.data)
        self.conn.execute(
            update(_r)
            .where(_r.c.entity == entity, _r.c.id == entity_id)
            .values(version=version, change=change, masked=masked)
        )

    def _follow(self, entity: str, entity_id: str) -> None:
        """Rows whose teams derive from this row's grants."""
        if entity == "customer":
            org = self.conn.execute(
                select(_r.c.org_id).where(_r.c.entity == "customer", _r.c.id == entity_id)
            ).scalar()
            if org:
                self._regrant("organization", org)
            for (iid,) in self.conn.execute(
                select(_r.c.id).where(
                    _r.c.entity == "interaction", _r.c.customer_id == entity_id, _r.c.ticket_id.is_(None)
                )
            ):
                self._regrant("interaction", iid)


def visible_teams(conn: Connection, entity: str, entity_id: str) -> set[str]:
    return {
        t for (t,) in conn.execute(select(_g.c.team_id).where(_g.c.entity == entity, _g.c.id == entity_id))
    }


def is_visible(conn: Connection, entity: str, entity_id: str, team_ids: Iterable[str] | None) -> bool:
    """``team_ids`` None: sees everything (admin)."""
    row = conn.execute(
        select(_r.c.deleted, _r.c.scoped).where(_r.c.entity == entity, _r.c.id == entity_id)
    ).first()
    if row is None or row.deleted:
        return False
    if team_ids is None or not row.scoped:
        return True
    return bool(visible_teams(conn, entity, entity_id) & set(team_ids))


def bulk_load(tx: WriteTx, rows: Iterable[tuple[str, str, dict[str, Any]]], *, chunk: int = 5000) -> int:
    """Load many rows into an empty store fast (demo seeding, benches); grants computed in SQL.

    Refuses a store that already has rows: incremental writes go through ``RecordWriter``.
    """
    conn = tx.conn
    if conn.execute(select(_r.c.version).limit(1)).first() is not None:
        raise ValueError("bulk_load needs an empty store")
    count = 0
    batch: list[dict[str, Any]] = []
    for entity, entity_id, data in rows:
        version = tx.next_version()
        change, masked = change_json(entity, entity_id, version, data)
        batch.append(
            {
                "entity": entity,
                "id": entity_id,
                "version": version,
                "deleted": False,
                "scoped": entity not in GLOBAL_ENTITIES,
                "change": change,
                "masked": masked,
                **index_columns(entity, data),
            }
        )
        if len(batch) >= chunk:
            conn.execute(insert(_r), batch)
            count += len(batch)
            batch = []
    if batch:
        conn.execute(insert(_r), batch)
        count += len(batch)
    _grant_all(conn)
    tx.touch_teams(None)
    return count


def _grant_all(conn: Connection) -> None:
    from sqlalchemy import literal

    t = _r.alias("t")
    c = _r.alias("c")
    cols = [_g.c.entity, _g.c.id, _g.c.team_id]
    conn.execute(
        insert(_g).from_select(
            cols,
            select(_r.c.entity, _r.c.id, _r.c.team_id).where(
                _r.c.entity == "ticket", _r.c.team_id.is_not(None)
            ),
        )
    )
    conn.execute(
        insert(_g).from_select(
            cols,
            select(_r.c.entity, _r.c.id, t.c.team_id)
            .select_from(_r.join(t, and_(t.c.entity == "ticket", t.c.id == _r.c.ticket_id)))
            .where(_r.c.entity.in_(("message", "approval", "interaction")), t.c.team_id.is_not(None)),
        )
    )
    conn.execute(
        insert(_g).from_select(
            cols,
            select(_r.c.entity, _r.c.id, _r.c.team_id).where(
                _r.c.entity == "approval",
                _r.c.team_id.is_not(None),
                ~select(t.c.id).where(t.c.entity == "ticket", t.c.id == _r.c.ticket_id).exists(),
            ),
        )
    )
    conn.execute(
        insert(_g).from_select(
            cols,
            select(literal("customer"), c.c.id, _r.c.team_id)
            .distinct()
            .select_from(_r.join(c, and_(c.c.entity == "customer", c.c.id == _r.c.customer_id)))
            .where(_r.c.entity == "ticket", _r.c.team_id.is_not(None)),
        )
    )
    conn.execute(
        insert(_g).from_select(
            cols,
            select(_r.c.entity, _r.c.id, _g.c.team_id)
            .select_from(_r.join(_g, and_(_g.c.entity == "customer", _g.c.id == _r.c.customer_id)))
            .where(_r.c.entity == "interaction", _r.c.ticket_id.is_(None)),
        )
    )
    o = _r.alias("o")
    conn.execute(
        insert(_g).from_select(
            cols,
            select(literal("organization"), c.c.org_id, _g.c.team_id)
            .distinct()
            .select_from(
                _g.join(c, and_(c.c.entity == "customer", c.c.id == _g.c.id)).join(
                    o, and_(o.c.entity == "organization", o.c.id == c.c.org_id)
                )
            )
            .where(_g.c.entity == "customer"),
        )
    )
