"""Connections to a local store file: plain SQLite, or SQLCipher when the profile has a key.

Every connection to a store file, SQLAlchemy's or a raw one for backups and checks, is made by
``connect_raw`` so the key and pragmas are applied the same way everywhere.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from agentdesk.errors import NotAvailable

KEY_BYTES = 32

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",  # WAL + NORMAL: durable across app crashes, fast commits
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32000",
    "PRAGMA mmap_size=268435456",
)


def _driver(key: bytes | None) -> Any:
    if key is None:
        return sqlite3
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - sqlcipher3 is a dependency
        raise NotAvailable("Encrypted stores need the sqlcipher3 package") from exc
    return dbapi2


def connect_raw(path: Path, key: bytes | None = None, *, readonly: bool = False) -> Any:
    """A DB-API connection to the store file with the key applied (no other pragmas)."""
    driver = _driver(key)
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = driver.connect(target, uri=True, check_same_thread=False)
    if key is not None:
        if len(key) != KEY_BYTES:
            conn.close()
            raise ValueError("a store key is 32 bytes")
        # A raw key (not a passphrase): no per-open key derivation cost.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def make_engine(path: Path, key: bytes | None = None, *, begin: str = "BEGIN") -> Engine:
    """``begin="BEGIN IMMEDIATE"`` suits a writer thread: it takes the write lock up front, so a
    transaction that reads and then writes never fails on a snapshot another writer made stale."""
    engine = create_engine(
        f"sqlite:///{path}", creator=lambda: connect_raw(path, key), module=_driver(key)
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy own transactions (pysqlite's implicit BEGIN breaks SAVEPOINT and DDL).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in _PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine
