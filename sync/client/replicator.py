"""The replicator: the local store kept in step with the gateway, on its own thread.

One thread runs an asyncio loop with an httpx.AsyncClient (network) and a one-worker executor
that owns the replicator's SQLite connection (store writes). Any other thread may call
``enqueue`` (a short write transaction of its own) and read ``status()``; nothing here touches Qt.

A sync round pushes the outbox (oldest first, in batches; the same mutation ids after a lost
connection, so re-sends are answered "duplicate") and then pulls /v1/changes page by page, each
page's rows and cursor in one transaction. While one page is written the next is fetched. SSE
"changes" nudges, ``enqueue`` and a slow poll start rounds; failures back off with full jitter
and honour Retry-After.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection

from agentdesk.errors import (
    GatewayRefused,
    GatewayUnreachable,
    InputError,
    SignedOut,
    StoreError,
    StoreWriteFailed,
)
from agentdesk.sync.client import actions, outbox, state, storeio
from agentdesk.sync.client.backoff import Backoff
from agentdesk.sync.client.changes import ChangeHub, Changes, ChangesBuilder, Listener
from agentdesk.sync.client.checkpoints import SnapshotCheckpoints
from agentdesk.sync.client.outbox import OutboxEntry
from agentdesk.sync.client.pages import PagedGatewayClient
from agentdesk.sync.client.rounds import Round, RoundContext, RoundReport
from agentdesk.sync.client.status import RejectedMutation, SyncStatus
from agentdesk.sync.client.transport import GatewayClient
from agentdesk.sync.protocol import MAX_MUTATIONS_PER_REQUEST, MAX_PAGE
from agentdesk.timeutil import utcnow

log = logging.getLogger(__name__)
T = TypeVar("T")


_gc_lock = threading.Lock()
_gc_pauses = 0  # snapshot rounds running in this process (tests run several replicators)


@contextlib.contextmanager
def _pause_gc() -> Iterator[None]:
    """No cyclic garbage collection while a snapshot runs, in this whole process.

    A snapshot allocates millions of short-lived containers (freed by reference counting; the
    rows hold no cycles). They set off a full collection about once a second, and each one walks
    every object the process holds, the GIL held throughout: 50-120 ms of frozen console on the
    2-core machine. What lives at the start lives long (the console, its modules): frozen out of
    the collector's way. At the end what lives is frozen too, so the collector does not start
    with a walk over everything the console made meanwhile; cycles made during the snapshot wait
    for the next collection.
    """
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        if _gc_pauses == 1:
            gc.freeze()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.freeze()
                gc.enable()


class Replicator:
    def __init__(
        self,
        store_path: Path | str,
        server_url: str,
        token: str | None = None,
        *,
        key: bytes | None = None,
        page_size: int = MAX_PAGE,
        batch_size: int = 200,
        poll_interval: float = 30.0,
        events: bool = True,
        backoff: Callable[[], Backoff] = Backoff,
        timeout: float = 30.0,
    ) -> None:
        self.store = storeio.open_writer_store(store_path, key)
        self._checkpoints = SnapshotCheckpoints(self.store)
        self.server_url = server_url.rstrip("/")
        self.page_size = page_size
        self.batch_size = min(batch_size, MAX_MUTATIONS_PER_REQUEST)
        self.poll_interval = poll_interval
        self.events_enabled = events
        self._make_backoff = backoff
        self._timeout = timeout
        self._token = token
        self._hub = ChangeHub()
        self._status_lock = threading.Lock()
        with self.store.connect() as conn:
            self._client_id = state.client_id(conn)
            initial = "signed_out" if not token else "offline"
            self._status = SyncStatus(state=initial, cursor=state.cursor(conn))
            self._status = self._outbox_status(conn, self._status)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._urgent: asyncio.Event | None = None
        self._stopping: asyncio.Event | None = None
        self._db_pool: ThreadPoolExecutor | None = None
        self._gateway: GatewayClient | None = None
        self._started = threading.Event()
        self._rounds = threading.Condition()
        self._requested = 0  # sync requests made through sync_now()
        self._served = 0  # the highest request a successful round started after

    # ---- public API (any thread) -------------------------------------------------------------

    @property
    def client_id(self) -> str:
        return self._client_id

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """``listener(Changes)`` after every change to rows, outbox or status (called on any thread)."""
        return self._hub.subscribe(listener)

    def status(self) -> SyncStatus:
        with self._status_lock:
            return self._status

    def enqueue(
        self, kind: str, entity_id: str, payload: dict[str, Any], base_version: int | None = None
    ) -> str:
        """Queue a mutation and show its effect in the local store at once; returns its mutation id.

        Raises InputError for a malformed mutation and StoreWriteFailed (e.g. disk full) when it
        could not be saved; in both cases nothing was written.
        """
        try:
            payload = json.loads(json.dumps(payload))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{kind}: the payload is not JSON ({exc})") from None
        changes = ChangesBuilder()
        entry = self._outbox_write(
            lambda conn: actions.enqueue(conn, kind, entity_id, payload, base_version, changes), changes
        )
        self._wake_threadsafe(urgent=False)
        return entry.mutation_id

    def retry(self, mutation_id: str) -> str:
        """Send a rejected mutation again as a new mutation (new id); returns the new id."""
        changes = ChangesBuilder()
        entry = self._outbox_write(lambda conn: actions.retry(conn, mutation_id, changes), changes)
        self._wake_threadsafe(urgent=False)
        return entry.mutation_id

    def discard(self, mutation_id: str) -> None:
        """Drop a rejected mutation; its local effect goes away."""
        changes = ChangesBuilder()
        self._outbox_write(lambda conn: actions.discard(conn, mutation_id, changes), changes)

    def pending(self) -> list[OutboxEntry]:
        with self.store.connect() as conn:
            return outbox.next_batch(conn, 1_000_000)

    def pending_ids(self, entity: str) -> frozenset[str]:
        """Ids of ``entity`` rows that show local edits not yet confirmed (for a "pending" mark)."""
        with self.store.connect() as conn:
            return frozenset(i for e, i in outbox.overlay_keys(conn) if e == entity)

    def sign_in(self, login: str, password: str) -> dict[str, Any]:
        """POST /v1/session; keeps the token (in memory only) and the agent. Returns the session.

        The caller stores the token in the OS keyring; SignedOut on wrong credentials."""

        async def call() -> dict[str, Any]:
            client = GatewayClient(self.server_url, timeout=self._timeout)
            try:
                return dict(await client.sign_in(login, password))
            finally:
                await client.aclose()

        session = asyncio.run(call())
        self.set_agent(session.get("agent") or {})
        self.set_token(str(session["token"]))
        return session

    def set_token(self, token: str | None) -> None:
        """A new sign-in (after "signed_out"): the outbox kept everything; sync resumes."""
        self._token = token
        if self._gateway is not None:
            self._gateway.token = token
        self._set_status(state="offline" if token else "signed_out", last_error=None)
        self._wake_threadsafe(urgent=True)

    def set_agent(self, agent: dict[str, Any]) -> None:
        """The signed-in agent (id, name): author of the placeholder messages of queued replies."""
        author = {"id": agent.get("id"), "name": agent.get("name")}
        self._write(lambda conn: state.put(conn, state.AGENT, author))

    def sync_now(self) -> int:
        """Start a round soon; returns a ticket for ``wait_synced``."""
        with self._rounds:
            self._requested += 1
            ticket = self._requested
        self._wake_threadsafe(urgent=True)
        return ticket

    def wait_synced(self, timeout: float = 30.0) -> bool:
        """Block until a round that started after this call ended with an empty queue."""
        ticket = self.sync_now()
        deadline = time.monotonic() + timeout
        with self._rounds:
            while self._served < ticket or self.status().pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._rounds.wait(min(remaining, 0.2))
                if self._served >= ticket and self.status().pending:
                    self._requested += 1
                    ticket = self._requested
                    self._wake_threadsafe(urgent=True)
        return True

    def start(self) -> Replicator:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run_thread, name="agentdesk-sync", daemon=True)
            self._thread.start()
            self._started.wait(10)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        loop, stopping = self._loop, self._stopping
        if self._thread is not None and loop is not None and stopping is not None:
            loop.call_soon_threadsafe(stopping.set)
            self._thread.join(timeout)
        self._thread = None
        self.store.close()

    def __enter__(self) -> Replicator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def sync_once(self) -> RoundReport:
        """One push + pull on the calling thread (no background thread); raises on failure."""
        return asyncio.run(self._once())

    # ---- store access --------------------------------------------------------------------

    def _write(self, fn: Callable[[Connection], T]) -> T:
        try:
            with storeio.write(self.store) as conn:
                result = fn(conn)
        except StoreWriteFailed as exc:
            self._set_status(store_problem=exc.code, last_error=str(exc))
            raise
        if self.status().store_problem is not None:
            self._set_status(store_problem=None)
        return result

    async def _db(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one write transaction on the store worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db_pool, self._worker_write, fn)

    def _worker_write(self, fn: Callable[[Connection], T]) -> T:
        self._checkpoints.before_write()
        result = self._write(fn)
        self._checkpoints.after_commit()
        return result

    def _outbox_status(self, conn: Connection, current: SyncStatus) -> SyncStatus:
        rejected = tuple(
            RejectedMutation(
                e.mutation_id,
                e.kind,
                e.entity,
                e.entity_id,
                e.payload,
                e.rejected_reason or "rejected",
                e.created_at,
            )
            for e in outbox.rejected(conn)
        )
        return replace(current, pending=outbox.pending_count(conn), rejected=rejected)

    def _outbox_write(self, fn: Callable[[Connection], T], changes: ChangesBuilder) -> T:
        """``fn`` and the refreshed queue counts in one transaction, then tell the listeners."""
        result, refreshed = self._write(lambda conn: (fn(conn), self._outbox_status(conn, self.status())))
        self._publish_outbox(changes, refreshed)
        return result

    def _after_outbox_change(self, changes: ChangesBuilder) -> None:
        with self.store.connect() as conn:
            refreshed = self._outbox_status(conn, self.status())
        self._publish_outbox(changes, refreshed)

    def _publish_outbox(self, changes: ChangesBuilder, refreshed: SyncStatus) -> None:
        with self._status_lock:  # only the queue fields: the rest may have moved meanwhile
            new = replace(self._status, pending=refreshed.pending, rejected=refreshed.rejected)
            changed = new != self._status
            self._status = new
        changes.status |= changed
        self._hub.publish(changes.build())

    def _publish_snapshot(self, changes: Changes) -> None:
        self._hub.publish(replace(changes, snapshot=True))

    def _set_status(self, **fields: Any) -> None:
        with self._status_lock:
            new = replace(self._status, **fields)
            changed = new != self._status
            self._status = new
        if changed:
            self._hub.publish(Changes(status=True))

    # ---- the thread ----------------------------------------------------------------------

    def _wake_threadsafe(self, *, urgent: bool) -> None:
        loop, wake, hurry = self._loop, self._wake, self._urgent
        if loop is None or wake is None or hurry is None or loop.is_closed():
            return

        def _set() -> None:
            wake.set()
            if urgent:
                hurry.set()

        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(_set)

    def _run_thread(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception:  # pragma: no cover - the loop's own failures are logged in _main
            log.exception("the sync thread stopped")

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake, self._urgent, self._stopping = asyncio.Event(), asyncio.Event(), asyncio.Event()
        self._db_pool = ThreadPoolExecutor(1, thread_name_prefix="agentdesk-sync-db")
        self._gateway = PagedGatewayClient(self.server_url, self._token, timeout=self._timeout)
        tasks = [asyncio.create_task(self._sync_loop(), name="sync")]
        if self.events_enabled:
            tasks.append(asyncio.create_task(self._events_loop(), name="events"))
        self._started.set()
        try:
            await self._stopping.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self._gateway.aclose()
            self._db_pool.shutdown(wait=True)
            self._loop = None

    async def _sleep(self, delay: float) -> None:
        """Sleep ``delay`` s, or less if something urgent (a reconnect, a sign-in) happens."""
        assert self._urgent is not None
        self._urgent.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._urgent.wait(), delay)

    async def _sync_loop(self) -> None:
        assert self._wake is not None
        backoff = self._make_backoff()
        self._wake.set()
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            self._wake.clear()
            if not self._token:
                self._set_status(state="signed_out")
                continue
            with self._rounds:
                ticket = self._requested
            try:
                report = await self._round()
            except SignedOut as exc:
                self._set_status(state="signed_out", last_error=str(exc), events_connected=False)
                continue
            except (GatewayUnreachable, GatewayRefused, StoreError) as exc:
                retry_after = exc.retry_after if isinstance(exc, GatewayUnreachable) else None
                delay = backoff.next_delay(retry_after)
                state_now = "offline" if isinstance(exc, GatewayUnreachable) else self.status().state
                self._set_status(state=state_now, last_error=str(exc))
                log.info("sync round failed (%s); next try in %.2f s", exc, delay)
                await self._sleep(delay)
                self._wake.set()
                continue
            except Exception as exc:  # a bug must not kill the thread; it is logged and retried
                log.exception("sync round failed")
                self._set_status(last_error=f"{type(exc).__name__}: {exc}")
                await self._sleep(backoff.next_delay())
                self._wake.set()
                continue
            backoff.reset()
            self._set_status(state="online", last_error=None, last_sync_at=utcnow(), cursor=report.cursor)
            with self._rounds:
                self._served = max(self._served, ticket)
                self._rounds.notify_all()
            if report.pending:
                self._wake.set()

    async def _events_loop(self) -> None:
        assert self._gateway is not None and self._wake is not None and self._urgent is not None
        backoff = self._make_backoff()
        while True:
            retry_after: float | None = None
            if self._token:
                try:
                    async for event, _data in self._gateway.events():
                        if event == "open":
                            backoff.reset()
                            self._set_status(events_connected=True)
                            self._wake.set()
                            self._urgent.set()
                        elif event == "changes":
                            self._wake.set()
                except SignedOut:
                    self._set_status(state="signed_out", events_connected=False)
                except (GatewayUnreachable, GatewayRefused) as exc:
                    retry_after = exc.retry_after if isinstance(exc, GatewayUnreachable) else None
                    log.debug("event stream: %s", exc)
            self._set_status(events_connected=False)
            await asyncio.sleep(backoff.next_delay(retry_after) if self._token else 1.0)

    # ---- one round -----------------------------------------------------------------------

    async def _once(self) -> RoundReport:
        self._db_pool = ThreadPoolExecutor(1, thread_name_prefix="agentdesk-sync-db")
        self._gateway = PagedGatewayClient(self.server_url, self._token, timeout=self._timeout)
        try:
            return await self._round()
        finally:
            await self._gateway.aclose()
            self._db_pool.shutdown(wait=True)

    async def _round(self) -> RoundReport:
        assert self._gateway is not None
        self._gateway.token = self._token
        if self.status().state != "online":
            self._set_status(state="syncing")
        # A first snapshot into an empty store writes its rows without the secondary indexes and
        # builds them once at the end of the round (storeio.defer_indexes; crash-safe).
        deferred, snapshot = await self._db(
            lambda conn: (storeio.defer_indexes(conn), storeio.snapshot_pending(conn))
        )
        publish = self._publish_snapshot if snapshot else self._hub.publish
        try:
            # ... and its WAL checkpoints run on a thread of their own (SnapshotCheckpoints).
            with (
                _pause_gc() if snapshot else contextlib.nullcontext(),
                self._checkpoints.active() if snapshot else contextlib.nullcontext(),
            ):
                report = await Round(
                    RoundContext(
                        gateway=self._gateway,
                        client_id=self._client_id,
                        page_size=self.page_size,
                        batch_size=self.batch_size,
                        db=self._db,
                        outbox_changed=self._after_outbox_change,
                        publish=publish,
                        progress=lambda cursor: self._set_status(cursor=cursor),
                    )
                ).run()
        finally:
            if deferred:
                await self._db(storeio.restore_indexes)
        self._set_status(clock_offset=self._gateway.clock_offset)
        report.pending = self.status().pending
        return report
