"""WAL checkpoints on a thread of their own while a snapshot is written.

A snapshot commits a page of rows every tenth of a second or so. SQLite's automatic checkpoint
(when the WAL holds 1000 pages) then runs at the end of about every other commit, on the writer
thread: it copies the pages into the database file and syncs it while the next page waits. While
``active``, the store's connections have the automatic checkpoint off (set as a connection is
checked out of the pool, so none keeps the setting after the snapshot, and a crash leaves nothing
behind: every new connection starts with SQLite's default) and each commit wakes a thread that
runs a PASSIVE checkpoint from its own connection; SQLite releases the GIL for it and it never
blocks the writer.

The WAL starts over from its beginning (instead of growing) only when everything in it has been
checkpointed as a write transaction begins, so every ``RESTART_EVERY`` commits the writer waits
for the checkpoint in flight (it had a page's time to run) before it begins.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from agentdesk.store import Store
from agentdesk.store.engine import connect_raw

log = logging.getLogger(__name__)

NORMAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default, what every new connection has
RESTART_EVERY = 8  # commits (a 10,000-row page of tickets is about 1,200 WAL pages, 5 MB)
_WAIT_S = 10.0  # at most, for a checkpoint in flight (a stuck disk must not stop the pull for good)
_SETTING = "agentdesk_wal_autocheckpoint"  # in the pool record's info: what the connection has


class SnapshotCheckpoints:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._active = False
        self._cond = threading.Condition()
        self._committed = 0  # commits made while active
        self._checkpointed = 0  # commits a checkpoint has run after
        self._since_restart = 0
        self._stopping = False
        self._dead = False  # the thread has ended: nobody to wait for
        self._thread: threading.Thread | None = None
        event.listen(store.engine, "checkout", self._on_checkout)

    def _on_checkout(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        want = 0 if self._active else NORMAL_AUTOCHECKPOINT
        if record.info.get(_SETTING, NORMAL_AUTOCHECKPOINT) != want:
            dbapi_conn.execute(f"PRAGMA wal_autocheckpoint={want}").fetchall()
            record.info[_SETTING] = want

    @contextmanager
    def active(self) -> Iterator[None]:
        """Checkpoints off the writer thread for the duration (the writer calls ``before_write``
        and ``after_commit`` around its transactions)."""
        with self._cond:
            self._committed = self._checkpointed = self._since_restart = 0
            self._stopping = self._dead = False
        self._thread = threading.Thread(target=self._run, name="agentdesk-sync-checkpoint", daemon=True)
        self._thread.start()
        self._active = True
        try:
            yield
        finally:
            self._active = False
            with self._cond:
                self._stopping = True
                self._cond.notify_all()
            self._thread.join(_WAIT_S)
            self._thread = None

    def before_write(self) -> None:
        if not self._active or self._since_restart < RESTART_EVERY:
            return
        self._since_restart = 0
        with self._cond:
            self._cond.wait_for(lambda: self._checkpointed >= self._committed or self._dead, _WAIT_S)

    def after_commit(self) -> None:
        if not self._active:
            return
        self._since_restart += 1
        with self._cond:
            self._committed += 1
            self._cond.notify_all()

    def _run(self) -> None:
        try:
            conn = connect_raw(self._store.path, self._store.key)
        except Exception:  # the writer's own checkpoints come back after the snapshot
            log.warning("no checkpoint connection to %s", self._store.path, exc_info=True)
            self._release_waiters()
            return
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._committed > self._checkpointed or self._stopping)
                    target, stopping = self._committed, self._stopping
                if target > self._checkpointed:
                    self._checkpoint(conn)
                    with self._cond:
                        self._checkpointed = target
                        self._cond.notify_all()
                if stopping:
                    return
        finally:
            conn.close()
            self._release_waiters()

    @staticmethod
    def _checkpoint(conn: Any) -> None:
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except Exception:  # busy, full disk: the next one (or the writer's, later) catches up
            log.debug("passive checkpoint failed", exc_info=True)

    def _release_waiters(self) -> None:
        with self._cond:
            self._dead = True
            self._cond.notify_all()
