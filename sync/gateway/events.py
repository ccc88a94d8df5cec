"""The "changes available" nudges behind ``GET /v1/events``.

One ``EventHub`` per process holds the newest committed version and wakes every open stream when
it grows. Where the news comes from depends on the store:

* PostgreSQL: every write transaction sends ``pg_notify`` (engine.py), delivered at commit to each
  gateway process, whose ``PgListener`` feeds its hub — so a mutation on one process nudges the
  streams held by all of them.
* SQLite: the writing process tells its hub directly after commit; a slow poll of the counter
  catches commits made by another process on the same file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import AUTH_CHANNEL
from agentdesk.sync.gateway.store.engine import NOTIFY_CHANNEL, parse_notify

log = logging.getLogger(__name__)
WAKE_SLICE = 50


@dataclass(eq=False)
class Subscriber:
    agent_id: str
    supervisor: bool
    teams: frozenset[str] | None = None  # None: sees every team (admin)
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    presence: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=200))
    seen_version: int = 0
    keepalive_due: bool = False
    woken_at: float = field(default_factory=time.monotonic)


class EventHub:
    """Also the in-memory head that lets ``/v1/changes`` answer "nothing new" without the database:
    ``version`` is the newest commit heard of, ``team_versions`` the newest that concerned each team
    and ``floor`` the newest whose teams are unknown (it counts for everyone). ``live`` is true while
    a watcher keeps them current (every local commit at once; other processes: NOTIFY on
    PostgreSQL, the counter poll on SQLite)."""

    def __init__(self) -> None:
        self._version = 0
        self.floor = 0
        self.team_versions: dict[str, int] = {}
        self.live = False
        self.subscribers: set[Subscriber] = set()
        self.streams_by_agent: dict[str, int] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.presence_dirty = asyncio.Event()
        self.closed_agents: set[str] = set()
        # Called with None when a commit may have changed any principal (tokencache.py), or with
        # the payload of an auth NOTIFY (``token:<hash>``, ``agent:<id>``).
        self.auth_listeners: list[Callable[[str | None], None]] = []
        # One ticker for every stream's keep-alive, rather than a timer re-armed at each wake-up.
        self.keepalive_seconds = 15.0
        self._ticker: asyncio.Task[None] | None = None

    @property
    def version(self) -> int:
        return self._version

    @version.setter
    def version(self, value: int) -> None:
        # Set directly (at startup): what came before is of unknown teams.
        self._version = value
        self.floor = max(self.floor, value)

    def newest_for(self, teams: tuple[str, ...] | frozenset[str] | None) -> int:
        """The newest version that may hold something for ``teams`` (None: all)."""
        if teams is None:
            return self._version
        newest = self.floor
        for team in teams:
            version = self.team_versions.get(team, 0)
            if version > newest:
                newest = version
        return newest

    def auth_changed(self, what: str | None) -> None:
        for listener in self.auth_listeners:
            listener(what)

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def publish_threadsafe(
        self, version: int, teams: frozenset[str] | None = None, start: int | None = None
    ) -> None:
        """From any thread (the store calls this after a commit)."""
        loop = self.loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self.publish, version, teams, start)

    def publish(self, version: int, teams: frozenset[str] | None = None, start: int | None = None) -> None:
        """A commit up to ``version`` (from ``start``, exclusive, when known) concerned ``teams``
        (None: everyone): wake only the streams of people who can see something of it, so a busy
        team does not make every console pull."""
        if start is not None and start > self._version:
            # Versions we never heard of came before it (another process): teams unknown.
            self.floor = max(self.floor, start)
        # Recorded even when late (out of order): the per-team versions must never miss a commit.
        if teams is None:
            self.floor = max(self.floor, version)
            self.auth_changed(None)  # agent rows (role, teams) go to everyone
        else:
            for team in teams:
                if version > self.team_versions.get(team, 0):
                    self.team_versions[team] = version
        if version <= self._version:
            return
        self._version = version
        targets = [
            sub
            for sub in self.subscribers
            if teams is None or sub.teams is None or not teams.isdisjoint(sub.teams)
        ]
        self._wake(targets, 0)

    def heard_head(self, head: int) -> None:
        """The head read from the database (teams unknown): news only when above what we know."""
        if head > self._version:
            self.publish(head, None)

    def _wake(self, targets: list[Subscriber], start: int) -> None:
        """A slice of streams per turn of the loop: a thousand streams woken at once would hold
        every request that arrives meanwhile for the whole fan-out."""
        end = start + WAKE_SLICE
        now = time.monotonic()
        for sub in targets[start:end]:
            sub.woken_at = now
            sub.wake.set()
        if end < len(targets):
            loop = self.loop
            if loop is not None and loop.is_running():
                loop.call_soon(self._wake, targets, end)
            else:
                self._wake(targets, end)

    def subscribe(self, agent_id: str, supervisor: bool, teams: frozenset[str] | None = None) -> Subscriber:
        sub = Subscriber(agent_id, supervisor, teams)
        self.subscribers.add(sub)
        if self._ticker is None or self._ticker.done():
            self._ticker = asyncio.get_running_loop().create_task(self._keepalives(), name="sse-keepalive")
        count = self.streams_by_agent.get(agent_id, 0) + 1
        self.streams_by_agent[agent_id] = count
        if count == 1:
            self._presence(agent_id, "online")
            self.closed_agents.discard(agent_id)
            self.presence_dirty.set()
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)
        count = self.streams_by_agent.get(sub.agent_id, 1) - 1
        if count <= 0:
            self.streams_by_agent.pop(sub.agent_id, None)
            self._presence(sub.agent_id, "offline")
            self.closed_agents.add(sub.agent_id)
            self.presence_dirty.set()
        else:
            self.streams_by_agent[sub.agent_id] = count

    async def _keepalives(self) -> None:
        """Wake each stream that was idle for ``keepalive_seconds`` (it sends a comment and checks
        its sign-in); ends when no stream is left."""
        while self.subscribers:
            await asyncio.sleep(min(1.0, self.keepalive_seconds / 4))
            now = time.monotonic()
            for sub in self.subscribers:
                if now - sub.woken_at >= self.keepalive_seconds:
                    sub.keepalive_due = True
                    sub.woken_at = now
                    sub.wake.set()

    def _presence(self, agent_id: str, state: str) -> None:
        event = {"agent_id": agent_id, "state": state}
        for sub in self.subscribers:
            if sub.supervisor and sub.agent_id != agent_id:
                sub.presence.append(event)
                sub.wake.set()


class PgListener:
    """LISTEN on the store's channel; reconnects with backoff until stopped."""

    def __init__(self, store: GatewayStore, hub: EventHub) -> None:
        self.store = store
        self.hub = hub
        self.task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        self.task = asyncio.create_task(self._run(), name="pg-listen")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    async def _run(self) -> None:
        import psycopg

        conninfo = self.store.url.replace("postgresql+psycopg://", "postgresql://", 1)
        delay = 0.5
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    await conn.execute(f"LISTEN {AUTH_CHANNEL}")
                    self.connected.set()
                    delay = 0.5
                    # Commits and sign-outs made while we were not listening: catch up once.
                    self.hub.auth_changed(None)
                    self.hub.heard_head(await asyncio.to_thread(self._head))
                    self.hub.live = True
                    async for note in conn.notifies():
                        if note.channel == AUTH_CHANNEL:
                            self.hub.auth_changed(note.payload)
                            continue
                        with contextlib.suppress(ValueError):
                            self.hub.publish(*parse_notify(note.payload))
            except asyncio.CancelledError:
                self.hub.live = False
                raise
            except Exception as exc:  # the database went away: retry, never die
                self.hub.live = False
                self.connected.clear()
                log.warning("LISTEN connection lost (%s); retrying in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    def _head(self) -> int:
        with self.store.read() as conn:
            return self.store.head(conn)


class SqlitePoller:
    """Another process may write the same SQLite file: look at the counter now and then."""

    def __init__(self, store: GatewayStore, hub: EventHub, interval: float) -> None:
        self.store = store
        self.hub = hub
        self.interval = interval
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.hub.live = True  # local commits publish at once; other processes' within the interval
        self.task = asyncio.create_task(self._run(), name="sqlite-poll")

    async def stop(self) -> None:
        self.hub.live = False
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:  # also with no stream open: /v1/changes answers "nothing new" from the hub
                self.hub.heard_head(await asyncio.to_thread(self._head))
            except Exception as exc:
                log.warning("could not read the version counter (%s)", type(exc).__name__)

    def _head(self) -> int:
        with self.store.read() as conn:
            return self.store.head(conn)


class PresenceWriter:
    """Writes this process's open event streams to ``gw_presence`` in one transaction per round:
    at once when an agent's first stream opens or last one closes, and every keep-alive interval
    (so the rows of a process that died expire by themselves)."""

    def __init__(self, store: GatewayStore, hub: EventHub, interval: float) -> None:
        self.store = store
        self.hub = hub
        self.interval = interval
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self._run(), name="presence")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.hub.presence_dirty.wait(), timeout=self.interval)
            self.hub.presence_dirty.clear()
            open_ids = list(self.hub.streams_by_agent)
            closed = list(self.hub.closed_agents - set(open_ids))
            self.hub.closed_agents.clear()
            if not open_ids and not closed:
                continue
            try:
                await asyncio.to_thread(self._write, open_ids, closed)
            except Exception as exc:
                log.warning("could not record presence (%s)", type(exc).__name__)
            await asyncio.sleep(0.2)  # coalesce bursts of connects into one write

    def _write(self, open_ids: list[str], closed: list[str]) -> None:
        import time

        from agentdesk.sync.gateway.store import audit

        with self.store.write() as tx:
            audit.streams_open(tx.conn, open_ids, time.time() + 2.5 * self.interval)
            for agent_id in closed:
                audit.end_stream(tx.conn, agent_id)
