"""Longest UI event-loop stall while a full initial sync runs (target ≤ 50 ms).

    python bench/ui_stall.py [--customers 100000] [--tickets 1000000]

A gateway process on a bulk-loaded database (bench/sync_common.py); the console opens on an empty
local store and its replicator pulls the full snapshot while the window is up and refreshing on
every change. A 5 ms QTimer heartbeat records the gaps between ticks on the UI thread; the
longest gap minus the interval is the worst stall. The console's own start (first queue, then
the warm-up thread loading the language analysers) is measured first and reported on its own
(``console_start_longest_stall_ms``); the sync starts once it is over. Prints JSON (max, p99,
ticks, sync seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

import sync_common
import ui_common

WARM_UP_THREAD = "agentdesk-warm-up"  # ui/mainwindow.py starts it once the first queue shows


def _settle(app: Any, ticks: list[float], interval_ms: int, timeout: float = 20.0) -> float | None:
    """Spin until the console's warm-up thread has come and gone; the longest stall meanwhile."""
    deadline = time.perf_counter() + timeout
    seen = False
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
        warming = any(t.name == WARM_UP_THREAD for t in threading.enumerate())
        seen |= warming
        if seen and not warming:
            break
    quiet = time.perf_counter() + 0.5
    while time.perf_counter() < quiet:
        app.processEvents()
        time.sleep(0.001)
    gaps = [(b - a) * 1000 - interval_ms for a, b in itertools.pairwise(ticks)]
    return round(max(gaps), 1) if gaps else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--interval-ms", type=int, default=5)
    parser.add_argument("--page-size", type=int, default=5000)
    args = parser.parse_args()
    folder = sync_common.workdir("agentdesk-ui-stall-")
    loaded = sync_common.build_gateway_db(folder / "gateway.db", args.customers, args.tickets)
    gateway = sync_common.gateway(folder / "gateway.db").start()
    try:
        from agentdesk.sync.client import Replicator
        from agentdesk.ui.app import Console, ensure_app
        from agentdesk.ui.qt import QTimer

        app = ensure_app()
        store = folder / "store.sqlite3"
        replicator = Replicator(store, gateway.url, page_size=args.page_size)
        session = replicator.sign_in("demo.agent", "demo")
        made = Console(
            store_path=store,
            server_url=gateway.url,
            token=session["token"],
            agent=session["agent"],
            replicator=replicator,
        )
        window = made.window
        window.show()
        ticks: list[float] = []
        beat = QTimer()
        beat.setInterval(args.interval_ms)
        beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        beat.start()
        # The console's own start first (its first queue, then the warm-up of the language analysers
        # and scripts on a thread of its own): measured on its own, then the sync starts.
        start_stalls = _settle(app, ticks, args.interval_ms)
        ticks.clear()
        started = time.perf_counter()
        replicator.start()
        deadline = started + 3600
        done = {"synced": False}

        def check() -> None:
            status = replicator.status()
            if status.state == "online" and status.last_sync_at is not None and not status.pending:
                done["synced"] = True

        poll = QTimer()
        poll.setInterval(50)
        poll.timeout.connect(check)
        poll.start()
        while not done["synced"] and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        sync_seconds = time.perf_counter() - started
        settle = time.perf_counter() + 2.0  # the views' refresh after the last page
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.001)
        beat.stop()
        worst = sorted(((b - a) * 1000, a - started) for a, b in itertools.pairwise(ticks))[-5:]
        gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(ticks))
        stall = [max(0.0, g - args.interval_ms) for g in gaps]
        rows = window.queue.model.rowCount()
        made.close()
    finally:
        gateway.stop()
    print(
        json.dumps(
            {
                "bench": "ui_stall",
                "customers": args.customers,
                "tickets": args.tickets,
                "gateway_db": loaded,
                "sync_seconds": round(sync_seconds, 1),
                "queue_rows_after": rows,
                "ticks": len(ticks),
                "longest_stall_ms": round(stall[-1], 1) if stall else None,
                "p99_stall_ms": round(ui_common.percentile(stall, 0.99), 1) if stall else None,
                "worst_gaps_ms_at_s": [[round(g, 1), round(at, 2)] for g, at in worst],
                "console_start_longest_stall_ms": start_stalls,  # before the sync, no sync running
                "load_average_1m": round(os.getloadavg()[0], 2),
                "target_ms": 50,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
