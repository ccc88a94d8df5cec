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
    # No memory-mapped I/O: every page a connection touched stayed in the console's resident memory
    # on top of its page cache (+83 MB after 150 scripted iterations on the 1M store, still rising;
    # bench/ui_memory.py), and the 360 load gains nothing consistent from it at 1M (two runs of
    # bench/store_encryption.py: p95 1.2 vs 4.0 ms with/without, then 1.26 vs 0.88; target 10 ms).
)
# Page cache per connection, resident for the session. A reader's lookups are served about as
# fast from the OS file cache (the 1M 360 load is the same with 8 or 32 MB); a writer keeps more
# index pages between the batches of a bulk pull.
READER_CACHE_KIB = 8000
WRITER_CACHE_KIB = 32000


def _null(_value: None) -> None:
    return None


def _bind_none_fast(driver: Any) -> Any:
    """Register an adapter for None (None -> None, bound as NULL as before) with the DB-API driver.

    Without one, the driver looks every None parameter up in its adapter registry, misses, then
    asks the protocol and the value for ``__adapt__`` / ``__conform__``: 0.25 us per None with
    sqlite3, 0.85 us with sqlcipher3. A snapshot ticket binds about ten of them, which was an
    eighth of the client's CPU in bench/sync_initial.py. The registry is the driver module's, so
    this holds for every connection of the process (the bound value is the same NULL).
    """
    driver.register_adapter(type(None), _null)
    return driver


_bind_none_fast(sqlite3)


def _driver(key: bytes | None) -> Any:
    if key is None:
        return sqlite3
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - sqlcipher3 is a dependency
        raise NotAvailable("Encrypted stores need the sqlcipher3 package") from exc
    return _bind_none_fast(dbapi2)


# SQLCipher 4 authenticates each page with HMAC-SHA512 by default. HMAC-SHA256 authenticates as
# well and costs a third to a half as much per page where the CPU has SHA extensions (x86 SHA-NI,
# ARMv8), which decides how much slower an encrypted store reads (bench/store_encryption.py).
# New stores use it; stores written before with SHA-512 are recognised and opened as they are
# (their backups, written through SQLCipher, come out in the new format).
HMAC_ALGORITHM = "HMAC_SHA256"
LEGACY_HMAC_ALGORITHMS = ("HMAC_SHA512",)
_hmac_of: dict[str, str] = {}  # store file -> the algorithm it last opened with (tried first)


def connect_raw(path: Path, key: bytes | None = None, *, readonly: bool = False) -> Any:
    """A DB-API connection to the store file with the key applied (no other pragmas)."""
    driver = _driver(key)
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    if key is None:
        return driver.connect(target, uri=True, check_same_thread=False)
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    known = _hmac_of.get(str(path))
    candidates = [a for a in (known, HMAC_ALGORITHM, *LEGACY_HMAC_ALGORITHMS) if a]
    for algorithm in dict.fromkeys(candidates):
        conn = _keyed(driver, target, key, algorithm)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError:
            conn.close()
            continue
        _hmac_of[str(path)] = algorithm
        return conn
    # Another key, or not a store: a connection that says so at its first statement, as before.
    return _keyed(driver, target, key, HMAC_ALGORITHM)


def _keyed(driver: Any, target: str, key: bytes, hmac_algorithm: str) -> Any:
    conn = driver.connect(target, uri=True, check_same_thread=False)
    # A raw key (not a passphrase): no per-open key derivation cost.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac_algorithm}")
    return conn


def make_engine(path: Path, key: bytes | None = None, *, begin: str = "BEGIN") -> Engine:
    """``begin="BEGIN IMMEDIATE"`` suits a writer thread: it takes the write lock up front, so a
    transaction that reads and then writes never fails on a snapshot another writer made stale."""
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect_raw(path, key), module=_driver(key))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy own transactions (pysqlite's implicit BEGIN breaks SAVEPOINT and DDL).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in _PRAGMAS:
            cursor.execute(pragma)
        cache_kib = READER_CACHE_KIB if begin == "BEGIN" else WRITER_CACHE_KIB
        cursor.execute(f"PRAGMA cache_size=-{cache_kib}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine
