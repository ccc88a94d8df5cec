"""The UI thread never does work that can stall it: the per-row work of a large queue load (SLA
clocks, sort keys) runs on the store worker, and the console's start makes no keyring call there."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from agentdesk.ui.models import queue_model
from tests.ui.conftest import Synced, make_console, wait_queue


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
