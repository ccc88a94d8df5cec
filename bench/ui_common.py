"""Shared pieces of the console benches (not a bench itself): a local store of N customers built
with the demo generator's bulk loader, and an offscreen console on it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

BENCH_AGENT = {
    "id": "agent-demo-agent",
    "name": "Dana Agent",
    "login": "demo.agent",
    "role": "agent",
    "team_ids": ["team-billing"],
}


def build_store(path: Path, customers: int, seed: int = 7) -> dict[str, Any]:
    """A local store with the demo generator's rows for ``customers`` customers (kept if it exists)."""
    from agentdesk.demo import DemoSpec, generate, load_into_store
    from agentdesk.store import Store

    if path.exists():
        return {"store": str(path), "reused": True, "bytes": path.stat().st_size}
    started = time.perf_counter()
    with Store.open(path) as store:
        counts = load_into_store(store, generate(DemoSpec(customers=customers, seed=seed)))
    return {
        "store": str(path),
        "reused": False,
        "rows": counts,
        "bytes": path.stat().st_size,
        "build_seconds": round(time.perf_counter() - started, 1),
    }


class DeadReplicator:
    """The console's outbox without a server (benches measure the UI, not sync)."""

    def __init__(self, store_path: Path) -> None:
        from agentdesk.sync.client import Replicator

        self._inner = Replicator(store_path, "http://127.0.0.1:9", None, events=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def console(store_path: Path, agent: dict[str, Any] | None = None) -> Any:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    ensure_app()
    i18n.install("en")
    theme.apply("light")
    return Console(
        store_path=store_path,
        server_url="http://127.0.0.1:9",
        token=None,
        agent=agent or BENCH_AGENT,
        start_sync=False,
    )


def spin_until(check: Any, timeout: float = 30.0) -> None:
    from agentdesk.ui.qt import QApplication

    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while not check():
        app.processEvents()
        time.sleep(0.0005)
        if time.monotonic() > deadline:
            raise TimeoutError("the console did not get there in time")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
