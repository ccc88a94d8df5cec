"""The replicator's key/value state in the local store (``sync_state``), read and written in-transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from agentdesk.store.models import SyncState

_table = SyncState.__table__

CURSOR = "cursor"
CLIENT_ID = "client_id"
AGENT = "agent"  # the signed-in agent (id, name), author of placeholder messages
RESNAPSHOT = "resnapshot"  # a fresh snapshot is under way: restart it from 0 after a crash
SERVER = "server"  # the gateway URL the rows came from
DEFERRED_INDEXES = "deferred_indexes"  # [[name, CREATE INDEX sql]] dropped for a first snapshot


def get(conn: Connection, key: str, default: Any = None) -> Any:
    value = conn.execute(select(_table.c.value).where(_table.c.key == key)).scalar_one_or_none()
    return default if value is None else value


def put(conn: Connection, key: str, value: Any) -> None:
    stmt = sqlite_insert(_table).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value}))


def delete(conn: Connection, key: str) -> None:
    conn.execute(_table.delete().where(_table.c.key == key))


def cursor(conn: Connection) -> int:
    return int(get(conn, CURSOR, 0))


def client_id(conn: Connection) -> str:
    """This store's client id (created once; the gateway keys idempotency per mutation id)."""
    value = get(conn, CLIENT_ID)
    if value is None:
        value = str(uuid.uuid4())
        put(conn, CLIENT_ID, value)
    return str(value)
