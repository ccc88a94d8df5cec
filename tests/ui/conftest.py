"""Console tests: pytest-qt, offscreen; a local store synced from a real gateway on loopback.

``synced`` (session): a gateway with the demo data and a local store synced from it as
demo.agent, copied per test by ``console`` so tests never see each other's edits.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass(frozen=True)
class Synced:
    url: str
    store: Path
    token: str
    agent: dict[str, Any]


@pytest.fixture(scope="session")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synced]:
    from agentdesk.sync.client import Replicator
    from tests.gateway.harness import gateway_server

    folder = tmp_path_factory.mktemp("ui-gateway")
    with gateway_server(f"sqlite:///{folder / 'gateway.db'}", seed_demo=True, demo_customers=300) as url:
        store = folder / "template.sqlite3"
        replicator = Replicator(store, url, events=False)
        session = replicator.sign_in("demo.agent", "demo")
        replicator.sync_once()
        replicator.stop()
        yield Synced(url, store, str(session["token"]), dict(session["agent"]))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and profiles under tmp_path; no OS keyring."""
    monkeypatch.setenv("AGENTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    return tmp_path / "home"


def make_console(synced: Synced, store: Path, *, language: str = "en", server_url: str | None = None) -> Any:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    ensure_app()
    chosen = i18n.install(language)
    theme.apply("light")
    return Console(
        store_path=store,
        server_url=server_url or synced.url,
        token=synced.token,
        agent=synced.agent,
        language=chosen,
        start_sync=False,
    )


@pytest.fixture
def console(qtbot: Any, synced: Synced, tmp_path: Path, home: Path) -> Iterator[Any]:
    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    made = make_console(synced, store)
    qtbot.addWidget(made.window)
    made.window.show()
    yield made
    made.close()
    from agentdesk.ui import i18n

    i18n.install("en")


def wait_queue(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=5000)
