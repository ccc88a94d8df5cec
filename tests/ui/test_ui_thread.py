"""The UI thread never does work that can stall it: the per-row work of a large queue load (SLA
clocks, sort keys) runs on the store worker, and the console's start makes no keyring call there."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentdesk.config import secrets
from agentdesk.ui.models import queue_model
from agentdesk.ui.qt import QApplication, QTimer
from tests.support.keyrings import MemoryKeyring, keyring_in_use
from tests.ui.conftest import Synced, make_console, wait_queue
from tests.ui.test_lock import open_console, unreachable_url


def multiply_open_tickets(store: Path, at_least: int) -> int:
    """Copies of the store's open tickets (new ids and numbers) until it holds ``at_least``."""
    with sqlite3.connect(store) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(tickets)")]
        open_sql = "status_group IN ('new', 'open', 'pending', 'on_hold')"
        (count,) = conn.execute(f"SELECT count(*) FROM tickets WHERE {open_sql}").fetchone()
        assert count > 0
        for copy in range(1, at_least // count + 1):
            changed = {"id": f"id || '-copy{copy}'", "number": f"number + {copy * 1_000_000}"}
            values = [changed.get(c, c) for c in columns]
            conn.execute(
                f"INSERT INTO tickets ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM tickets WHERE {open_sql} AND id NOT LIKE '%-copy%'"
            )
        (count,) = conn.execute(f"SELECT count(*) FROM tickets WHERE {open_sql}").fetchone()
    return int(count)


def test_a_first_load_of_thousands_of_rows_does_its_per_row_work_on_the_store_worker(
    qtbot: Any, synced: Synced, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    total = multiply_open_tickets(store, at_least=3000)
    assert total >= 3000
    on_ui_thread: dict[str, list[bool]] = {"countdown": [], "sort key": []}
    real_countdown, real_sort_key = queue_model.countdown, queue_model._sort_key

    def countdown(row: Any, now: Any) -> Any:
        on_ui_thread["countdown"].append(threading.current_thread() is threading.main_thread())
        return real_countdown(row, now)

    def sort_key(column: int, now: Any) -> Any:
        key = real_sort_key(column, now)

        def recorded(row: Any, clock: Any) -> Any:
            on_ui_thread["sort key"].append(threading.current_thread() is threading.main_thread())
            return key(row, clock)

        return recorded

    monkeypatch.setattr(queue_model, "countdown", countdown)
    monkeypatch.setattr(queue_model, "_sort_key", sort_key)
    console = make_console(synced, store)
    qtbot.addWidget(console.window)
    try:
        console.window.show()
        window = console.window
        wait_queue(qtbot, window)
        window.queue.set_view("all")  # a first load of every open ticket
        qtbot.waitUntil(lambda: window.queue.model.rowCount() == min(total, 5000), timeout=20000)
        shown = [window.queue.model.row_at(i) for i in range(window.queue.model.rowCount())]
    finally:
        console.close()
    assert len(on_ui_thread["countdown"]) > 0 and len(on_ui_thread["sort key"]) >= len(shown)
    assert not any(on_ui_thread["countdown"]), "SLA clocks were computed on the UI thread"
    assert not any(on_ui_thread["sort key"]), "sort keys were computed on the UI thread"
    # and the model shows the worker's order: P1 first, then the most urgent SLA
    tiers = [{"P1": 0, "P2": 1, "P3": 2}.get(r.priority, 3) for r in shown if r is not None]
    assert tiers == sorted(tiers)


class SlowKeyring(MemoryKeyring):
    """An in-memory keyring whose calls wait while ``gate`` is closed (a Secret Service keyring
    over D-Bus, a keychain access prompt), noting each call's thread and how many finished."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.threads: list[threading.Thread] = []
        self.finished = 0

    def _wait(self) -> None:
        self.threads.append(threading.current_thread())
        self.gate.wait(GATE_SECONDS)  # a UI thread that waits for the keyring waits this long

    def get_password(self, service: str, username: str) -> str | None:
        self._wait()
        value = super().get_password(service, username)
        self.finished += 1
        return value

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait()
        super().set_password(service, username, password)
        self.finished += 1

    def delete_password(self, service: str, username: str) -> None:
        self._wait()
        super().delete_password(service, username)
        self.finished += 1


GATE_SECONDS = 8.0


@pytest.fixture
def slow_keyring() -> Iterator[SlowKeyring]:
    with keyring_in_use(SlowKeyring()) as backend:
        yield backend
        backend.gate.set()


def test_the_console_never_waits_for_the_keyring(
    qtbot: Any, synced: Synced, tmp_path: Path, home: Path, slow_keyring: SlowKeyring
) -> None:
    """Start (after a sign-in, then from the keyring), unlock and signing in again work while every
    keyring call hangs; the calls run on the keyring worker, in order, once it answers."""
    from agentdesk.ui.unlock import make_verifier
    from agentdesk.ui.widgets.signin import SignInDialog

    store, gate = tmp_path / "store.sqlite3", slow_keyring.gate

    # 1. a sign-in just now: the start queues the verifier for the keyring and does not wait
    gate.clear()
    console = open_console(synced, store, verifier=make_verifier("demo"))
    try:
        wait_queue(qtbot, console.window)
        assert slow_keyring.finished == 0  # the console is up; the keyring has not answered
        gate.set()
        qtbot.waitUntil(lambda: slow_keyring.finished == 1, timeout=5000)
    finally:
        gate.set()
        console.close()

    # 2. the next start, offline: the keyring's verifier is read on the worker; an unlock waits
    # for it on the unlock thread, not on the UI thread
    gate.clear()
    console = open_console(synced, store, server_url=unreachable_url())
    try:
        wait_queue(qtbot, console.window)
        console.lock.lock()
        console.lock.screen.password.setText("demo")
        console.lock.screen.submit()
        qtbot.wait(200)
        assert console.lock.screen.busy and slow_keyring.finished == 1 and console.lock.verifier is None
        gate.set()
        qtbot.waitUntil(lambda: not console.lock.screen.busy, timeout=20000)
        assert not console.lock.locked and console.lock.verifier is not None
    finally:
        gate.set()
        console.close()

    # 3. online, the token expires: signing in again hands the new token to the replicator at once
    console = open_console(synced, store)
    try:

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SignInDialog):
                QTimer.singleShot(50, answer)
                return
            gate.clear()
            dialog.password.setText("demo")
            dialog.submit()

        wait_queue(qtbot, console.window)
        qtbot.waitUntil(lambda: slow_keyring.finished == 3, timeout=5000)  # this start's read
        QTimer.singleShot(50, answer)
        console.replicator.set_token(None)  # what a 401 from the gateway leads to
        qtbot.waitUntil(lambda: console.replicator._token is not None, timeout=20000)
        qtbot.wait(100)
        assert slow_keyring.finished == 3  # the token and the verifier wait in the keyring's queue
        gate.set()
        token = console.replicator._token
        qtbot.waitUntil(lambda: secrets.get_secret("demo.agent", "token") == token, timeout=5000)
    finally:
        gate.set()
        console.close()
    assert slow_keyring.threads and not any(t is threading.main_thread() for t in slow_keyring.threads)
    assert {t.name.rsplit("_", 1)[0] for t in slow_keyring.threads} == {secrets.WORKER_NAME}


def test_signing_out_forgets_a_secret_still_queued_for_the_keyring(slow_keyring: SlowKeyring) -> None:
    """Sign-out's keyring reads and deletes run after the writes this session queued (a token from
    signing in again just before): that token is found (to be revoked) and deleted."""
    from types import SimpleNamespace

    from agentdesk.ui import signout

    slow_keyring.gate.clear()
    secrets.remember_later("dana", "token", "late-token")
    threading.Timer(0.3, slow_keyring.gate.set).start()  # the keyring answers a moment later
    console = SimpleNamespace(token="first-token", replicator=None, profile="dana")
    assert signout.known_tokens(console) == ["first-token", "late-token"]
    signout.forget_secrets("dana")
    assert slow_keyring.values == {}
