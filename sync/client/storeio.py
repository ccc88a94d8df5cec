"""The replicator's own connection to the local store, and SQLite write failures mapped to errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from agentdesk.errors import StoreLocked, StoreWriteFailed
from agentdesk.store import Store
from agentdesk.store.engine import make_engine

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
    """
    Store.open(path, key=key, integrity="header").close()
    path = Path(path)
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
