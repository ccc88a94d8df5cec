"""The store's full quick_check runs after the first queue is on screen (it reads the whole file);
sync starts only once it passed, and a damaged store closes the console with the usual error."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from agentdesk.ui.app import remembered_agent
from tests.ui.conftest import Synced, make_console, wait_queue


def _damage_articles_table(store: Path) -> None:
    """A page the first queue never reads: SQLite's header checks pass, quick_check does not."""
    with sqlite3.connect(store) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with store.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 16)  # not a b-tree page type any more


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replicator.start calls (recorded, not run: no sync thread in these tests)."""
    from agentdesk.sync.client.replicator import Replicator

    calls: list[Any] = []
    monkeypatch.setattr(Replicator, "start", lambda self: calls.append(self))
    return calls


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    from agentdesk.ui import errors as error_boxes
    from agentdesk.ui import mainwindow

    shown: list[BaseException] = []
    monkeypatch.setattr(error_boxes, "show_error", lambda _parent, exc: shown.append(exc))
    monkeypatch.setattr(mainwindow, "show_error", lambda _parent, exc: shown.append(exc))
    return shown


def _open(synced: Synced, store: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from agentdesk.ui import app

    real = app.Console.__init__

    def with_sync(self: Any, **kwargs: Any) -> None:
        real(self, **{**kwargs, "start_sync": True})

    monkeypatch.setattr(app.Console, "__init__", with_sync)
    return make_console(synced, store)


def test_sound_store_starts_sync_after_the_first_queue(
    qtbot: Any,
    synced: Synced,
    tmp_path: Path,
    home: Path,
    starts: list[Any],
    errors: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    console = _open(synced, store, monkeypatch)
    try:
        assert starts == []  # not before the first queue
        qtbot.addWidget(console.window)
        console.window.show()
        wait_queue(qtbot, console.window)
        qtbot.waitUntil(lambda: starts == [console.replicator], timeout=10000)
        assert errors == [] and console.failed is None and console.window.isVisible()
        assert remembered_agent(console.store) == synced.agent  # written after the check
    finally:
        console.close()


def test_damaged_store_closes_the_console_without_sync(
    qtbot: Any,
    synced: Synced,
    tmp_path: Path,
    home: Path,
    starts: list[Any],
    errors: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agentdesk.errors import StoreCorrupt

    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    _damage_articles_table(store)
    console = _open(synced, store, monkeypatch)  # header checks only: it opens
    try:
        qtbot.addWidget(console.window)
        console.window.show()
        wait_queue(qtbot, console.window)
        qtbot.waitUntil(lambda: console.failed is not None, timeout=10000)
        assert isinstance(console.failed, StoreCorrupt)
        assert errors == [console.failed]
        qtbot.waitUntil(lambda: not console.window.isVisible(), timeout=5000)
        console._check_thread.join(5)
        assert starts == []
        assert remembered_agent(console.store) is None  # nothing of ours written to a damaged store
    finally:
        console.close()


def test_damaged_store_about_to_migrate_is_refused_at_open(
    synced: Synced, tmp_path: Path, home: Path, starts: list[Any]
) -> None:
    """Migrating writes the whole schema: a store at an older revision gets quick_check first."""
    from agentdesk.errors import StoreCorrupt
    from agentdesk.store import migrate

    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    _damage_articles_table(store)
    with sqlite3.connect(store) as conn:
        older = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert older == migrate.head_revision()
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    with pytest.raises(StoreCorrupt):
        make_console(synced, store)
    assert starts == []
