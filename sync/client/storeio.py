"""The replicator's own connection to the local store, and SQLite write failures mapped to errors."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from agentdesk.errors import StoreLocked, StoreWriteFailed
from agentdesk.store import Store
from agentdesk.store.engine import connect_raw, make_engine
from agentdesk.store.models import ENTITY_MODELS
from agentdesk.sync.client import state

log = logging.getLogger(__name__)

_CODES = {
    sqlite3.SQLITE_FULL: ("disk_full", "The disk is full: the local store cannot save changes"),
    sqlite3.SQLITE_READONLY: ("read_only", "The local store is read-only: changes cannot be saved"),
    sqlite3.SQLITE_IOERR: ("write_failed", "Writing to the local store failed"),
    sqlite3.SQLITE_CANTOPEN: ("write_failed", "The local store file cannot be opened"),
}


def open_writer_store(path: Path | str, key: bytes | None = None) -> Store:
    """Open (and migrate) the store, then give the replicator its own engine on the same file.

    Its transactions start with BEGIN IMMEDIATE: the replicator reads and then writes in one
    transaction, and must not fail because the console's thread wrote in between. Only the cheap
    header check runs here: the console's own open (or ``agentdesk doctor``) does the full ones.
    Indexes a first snapshot deferred and a crash left dropped are rebuilt first (``defer_indexes``).
    """
    path = Path(path)
    _restore_after_crash(path, key)
    Store.open(path, key=key, integrity="header").close()
    return Store(path, make_engine(path, key, begin="BEGIN IMMEDIATE"), key)


def mapped_write_error(exc: BaseException) -> StoreWriteFailed | StoreLocked | None:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreLocked("The local store is busy in another program; will try again")
    if primary in _CODES:
        problem, text = _CODES[primary]
        return StoreWriteFailed(text, code=problem)
    return None


@contextmanager
def write(store: Store) -> Iterator[Connection]:
    """One transaction; a SQLite write failure rolls it all back and raises StoreWriteFailed."""
    try:
        with store.connect() as conn:
            yield conn
    except (DBAPIError, sqlite3.Error) as exc:
        # SQLite rolls the whole transaction back on a full disk, so a savepoint's own rollback
        # then fails ("no such savepoint"): the cause is further down the chain.
        cause: BaseException | None = exc
        for _ in range(5):
            mapped = mapped_write_error(cause) if cause is not None else None
            if mapped is not None:
                raise mapped from exc
            cause = cause.__context__ if cause is not None else None
        raise


# ---- secondary indexes deferred during a first snapshot ---------------------------------------
#
# Into an empty store, a snapshot of a million rows spends about half its insert time keeping the
# entity tables' secondary indexes in step, row by row, in random key order. Built once at the end
# (one sort each) they cost a fraction of that. The dropped definitions are kept in sync_state in
# the transaction that drops them, so a crash mid-snapshot loses nothing: the next open of the
# replicator's store puts them back before anything else (before migrations too).

_ENTITY_TABLES = tuple(m.__tablename__ for m in ENTITY_MODELS.values())
# Kept: the console's queue reads through these while the snapshot runs (a full scan of a growing
# million-row table every refresh would cost more), and their keys are few, so rows land on a
# handful of hot pages rather than all over the tree.
KEPT_DURING_SNAPSHOT = frozenset({"ix_tickets_assignee_status", "ix_tickets_team_status"})
_SECONDARY = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({})"
)


def defer_indexes(conn: Connection) -> int:
    """Drop the entity tables' secondary indexes if this store has never held a row (a first
    snapshot is about to run); returns how many were dropped. Call ``restore_indexes`` after it."""
    if state.cursor(conn) != 0 or state.get(conn, state.DEFERRED_INDEXES):
        return 0
    for table in _ENTITY_TABLES:
        if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None:
            return 0
    marks = ", ".join("?" for _ in _ENTITY_TABLES)
    rows = conn.exec_driver_sql(_SECONDARY.format(marks), _ENTITY_TABLES)
    found = [(str(n), str(s)) for n, s in rows if n not in KEPT_DURING_SNAPSHOT]
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    if found:
        state.put(conn, state.DEFERRED_INDEXES, [list(f) for f in found])
    return len(found)


def snapshot_pending(conn: Connection) -> bool:
    """Whether the next pull is a full snapshot (a store never synced, or one the gateway reset)."""
    return state.cursor(conn) == 0 or bool(state.get(conn, state.RESNAPSHOT))


def restore_indexes(conn: Connection) -> int:
    """Build the indexes ``defer_indexes`` dropped (no-op when none are deferred)."""
    return _restore(
        conn.exec_driver_sql,
        state.get(conn, state.DEFERRED_INDEXES),
        lambda: state.delete(conn, state.DEFERRED_INDEXES),
    )


def _restore(execute: Callable[..., Any], saved: Any, forget: Callable[[], Any]) -> int:
    if not saved:
        return 0
    existing = {r[0] for r in execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    built = 0
    for name, sql in saved:
        if name not in existing:
            execute(sql)
            built += 1
    forget()
    return built


def _restore_after_crash(path: Path, key: bytes | None) -> None:
    """Indexes left deferred by a process that died mid-snapshot, rebuilt in one transaction."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        _restore_raw(path, key)
    except Exception:  # a damaged or foreign file: Store.open, next, says what is wrong with it
        log.debug("deferred indexes not checked in %s", path, exc_info=True)


def _restore_raw(path: Path, key: bytes | None) -> None:
    raw = connect_raw(path, key)
    try:
        raw.isolation_level = None
        has_state = raw.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
        ).fetchone()
        if has_state is None:
            return
        row = raw.execute("SELECT value FROM sync_state WHERE key = ?", (state.DEFERRED_INDEXES,)).fetchone()
        if row is None or row[0] is None:
            return
        raw.execute("PRAGMA busy_timeout=5000")
        raw.execute("BEGIN IMMEDIATE")
        _restore(
            raw.execute,
            json.loads(row[0]),
            lambda: raw.execute("DELETE FROM sync_state WHERE key = ?", (state.DEFERRED_INDEXES,)),
        )
        raw.execute("COMMIT")
    finally:
        raw.close()
