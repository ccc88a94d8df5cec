"""Engines for the gateway store, and the write transaction that hands out versions.

Versions: every write transaction starts by taking the one ``gw_counters`` row for itself
(SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock; PostgreSQL: ``SELECT ... FOR
UPDATE`` row-locks the counter) and holds it to commit. Writers are therefore serialized, and a
transaction can only be handed versions above every version of a transaction that committed
before it. Without this, on PostgreSQL a transaction holding version 11 could commit after one
holding 12, and a reader who had already moved its cursor to 12 would never see 11. Readers take
no lock: ``changes_page`` reads the committed counter first and serves nothing above it, so
whatever it serves below that value is final.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text, update
from sqlalchemy.pool import NullPool

from agentdesk.sync.gateway.store import schema as s

log = logging.getLogger(__name__)

NOTIFY_CHANNEL = "agentdesk_changes"
_HEAD = select(s.counters.c.value).where(s.counters.c.name == "version")


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3; ``sqlite:///PATH`` stays."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_engine(url: str, begin: str, pool_size: int) -> Engine:
    engine = create_engine(url, pool_size=pool_size, max_overflow=32, pool_timeout=60)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "busy_timeout=30000",
            "foreign_keys=OFF",
            "cache_size=-64000",
            "temp_store=MEMORY",
        ):
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin)

    return engine


@dataclass(slots=True)
class WriteTx:
    """One write transaction: ``conn`` plus the versions it hands out (consecutive, increasing)."""

    conn: Connection
    start: int
    last: int
    is_pg: bool
    after_commit: list[Callable[[], None]] = field(default_factory=list)
    # Teams whose members may see something this transaction wrote (for targeted nudges);
    # ``everyone`` when a row that goes to all was written (agents, teams, articles, scripts).
    teams: set[str] = field(default_factory=set)
    everyone: bool = False

    def touch_teams(self, teams: set[str] | None) -> None:
        if teams is None:
            self.everyone = True
        else:
            self.teams |= teams

    def next_version(self) -> int:
        self.last += 1
        return self.last

    def reserve(self, n: int) -> int:
        """Reserve ``n`` versions; returns the first."""
        first = self.last + 1
        self.last += n
        return first


def notify_payload(tx: WriteTx) -> str:
    """``<version>:*`` or ``<version>:<team>,<team>`` (within NOTIFY's 8000-byte limit)."""
    teams = ",".join(sorted(tx.teams))
    if tx.everyone or not tx.teams or len(teams) > 7000 or any("," in t or ":" in t for t in tx.teams):
        return f"{tx.last}:*"
    return f"{tx.last}:{teams}"


def parse_notify(payload: str) -> tuple[int, frozenset[str] | None]:
    version, _, teams = payload.partition(":")
    if teams in ("", "*"):
        return int(version), None
    return int(version), frozenset(teams.split(","))


class GatewayStore:
    # Enough for the request threads (deps.DB_THREADS) and the background tasks' threads, so that
    # connections stay pooled: an overflow connection is opened and closed per checkout.
    def __init__(self, url: str, *, pool_size: int = 16) -> None:
        self.url = normalize_url(url)
        self.is_pg = self.url.startswith("postgresql")
        self.pid = os.getpid()
        if self.is_pg:
            # No pre-ping (a round trip per checkout on the hot path); a dropped connection fails one
            # request with 503 and is replaced, and connections are recycled every 30 minutes.
            self.reader = create_engine(
                self.url, pool_size=pool_size, max_overflow=32, pool_timeout=60, pool_recycle=1800
            )
            self.writer = self.reader
        else:
            self.reader = _sqlite_engine(self.url, "BEGIN", pool_size)
            self.writer = _sqlite_engine(self.url, "BEGIN IMMEDIATE", 2)
        self._listeners: list[Callable[[int, frozenset[str] | None, int], None]] = []

    # -- schema ----------------------------------------------------------------------------------
    def create_schema(self) -> None:
        if self.is_pg:
            # Two gateway processes starting on a fresh database must not race on CREATE TABLE.
            with self.writer.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(774411)"))
                s.metadata.create_all(conn)
                self._stamp(conn)
        else:
            with self.writer.begin() as conn:
                s.metadata.create_all(conn)
                self._stamp(conn)

    @staticmethod
    def _stamp(conn: Connection) -> None:
        if conn.execute(select(s.counters.c.value).where(s.counters.c.name == "version")).first() is None:
            conn.execute(insert(s.counters).values(name="version", value=0))
            conn.execute(insert(s.meta).values(key="schema_version", value=str(s.SCHEMA_VERSION)))

    def dispose(self) -> None:
        self.reader.dispose()
        if self.writer is not self.reader:
            self.writer.dispose()

    # -- transactions ----------------------------------------------------------------------------
    def add_listener(self, listener: Callable[[int, frozenset[str] | None, int], None]) -> None:
        """Called after each commit that wrote rows (this process only) with the newest version,
        the teams concerned (None: everyone) and the version the transaction started from."""
        self._listeners.append(listener)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        with self.writer.begin() as conn:
            query = select(s.counters.c.value).where(s.counters.c.name == "version")
            if self.is_pg:
                query = query.with_for_update()
            start = int(conn.execute(query).scalar_one())
            tx = WriteTx(conn, start, start, self.is_pg)
            yield tx
            if tx.last > start:
                conn.execute(update(s.counters).where(s.counters.c.name == "version").values(value=tx.last))
                if self.is_pg:  # delivered to every listening gateway when (and only if) we commit
                    conn.execute(
                        text("SELECT pg_notify(:c, :v)"), {"c": NOTIFY_CHANNEL, "v": notify_payload(tx)}
                    )
        for callback in tx.after_commit:
            callback()
        if tx.last > start:
            teams = None if tx.everyone or not tx.teams else frozenset(tx.teams)
            for listener in self._listeners:
                listener(tx.last, teams, start)

    def head(self, conn: Connection) -> int:
        """The newest committed version (every version at or below it is final)."""
        return int(
            conn.execute(select(s.counters.c.value).where(s.counters.c.name == "version")).scalar_one()
        )

    def single_connection_engine(self) -> Engine:
        """A pool-less engine on the same database (for short-lived tools)."""
        return create_engine(self.url, poolclass=NullPool)
