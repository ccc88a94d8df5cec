"""Resident memory of the console over an hour-like scripted session (target ≤ 300 MB at 1M customers).

    python bench/ui_memory.py [--customers 1000000] [--iterations 2000] [--store PATH]

Builds (or reuses, with --store) a local store with the demo generator (1M customers ≈ 5M
interactions), opens the console offscreen on it with the replicator not started, and repeats a
compressed agent's hour: open a ticket from the queue (ticket + customer 360), scroll the timeline
to its end (paged loads), open one of the customer's other tickets, type a reply into the composer,
insert the first suggested template or article, search, switch the queue view, open the command
palette. RSS (``/proc/self/status`` VmRSS) and the number of live QObjects are sampled every
``--sample-every`` iterations. Prints JSON: start (window up, queue shown), peak and end RSS, and
the least-squares slope over the second half of the session in MB per 1,000 iterations — a leak
keeps climbing there, a plateau is flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ui_common

WORDS = [
    "refund",
    "invoice",
    "delivery",
    "password",
    "account",
    "billing",
    "order",
    "late",
    "broken",
    "thanks",
]


def memory_mb() -> dict[str, float]:
    """Resident set size, and on Linux its anonymous and file-backed parts (the store's mmap)."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        kb = {k: int(fields[k].split()[0]) for k in ("VmRSS", "RssAnon", "RssFile") if k in fields}
        return {
            "rss": round(kb["VmRSS"] / 1024, 1),
            "anon": round(kb.get("RssAnon", 0) / 1024, 1),
            "file": round(kb.get("RssFile", 0) / 1024, 1),
        }
    import psutil  # type: ignore[import-not-found]

    return {"rss": round(psutil.Process().memory_info().rss / 2**20, 1)}


def slope_per_1000(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of (iteration, MB), in MB per 1,000 iterations."""
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if not sxx:
        return None
    return round(1000 * sum((x - mx) * (y - my) for x, y in points) / sxx, 2)


def settle(ms: float = 20) -> None:
    from agentdesk.ui.qt import QApplication

    app = QApplication.instance()
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def wait_for(check: Callable[[], bool], timeout: float = 20.0) -> bool:
    try:
        ui_common.spin_until(check, timeout)
    except TimeoutError:
        return False
    return True


def through_dialog(open_dialog: Callable[[], None], drive: Callable[[Any], None]) -> None:
    """Run ``open_dialog`` (which blocks in a modal exec) while ``drive`` works the dialog, then close it."""
    from agentdesk.ui.qt import QApplication, QTimer

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, step)
            return
        try:
            drive(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, step)
    open_dialog()


def sample_value(name: str) -> str:
    """A value of the right shape for a template variable, guessed from its name."""
    shapes = {
        ("amount", "price", "fee", "total", "refund"): "129.90",
        ("date", "day_of"): "2026-11-23",
        ("hours", "days", "minutes", "count", "quantity", "months"): "4",
        ("email",): "sample@example.com",
    }
    for keys, value in shapes.items():
        if any(k in name for k in keys):
            return value
    return "AB-1234"


def answer_dialogs(errors: list[str]) -> Any:
    """Until stopped: fill and accept the prompt a template opens for values the ticket lacks, and
    note and close any error message (the session goes on; the errors are in the report)."""
    from agentdesk.ui.qt import QApplication, QMessageBox, QTimer

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if hasattr(dialog, "edits"):
            for name, edit in dialog.edits.items():
                edit.setText(sample_value(name))
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            errors.append(dialog.text()[:200])
            dialog.accept()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    return timer


class Session:
    def __init__(self, made: Any, rng: random.Random) -> None:
        self.made = made
        self.window = made.window
        self.rng = rng
        self.counts = {"opens": 0, "timeline_pages": 0, "templates": 0, "searches": 0, "palettes": 0}
        self.seconds: dict[str, float] = {}
        self.errors: list[str] = []

    def timed(self, name: str, action: Callable[..., Any], *args: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return action(*args)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0

    def open_ticket(self, ticket_id: str) -> bool:
        w = self.window
        w.open_ticket(ticket_id)
        return wait_for(lambda: w.ticket is not None and w.ticket.ticket["id"] == ticket_id)

    def iteration(self, n: int) -> None:
        from agentdesk.ui.widgets.queue_panel import VIEWS

        w, rng = self.window, self.rng
        rows = w.queue.model.rows()
        if rows:
            row = rows[rng.randrange(len(rows))]
            if self.timed("open", self.open_ticket, row.id):
                self.counts["opens"] += 1
                wait_for(lambda: w.customer.customer_id == row.customer_id, 10)
                self.timed("timeline", self.scroll_timeline)
                self.timed("other_ticket", self.other_ticket, row.id)
                self.timed("type", self.type_reply)
                self.timed("template", self.insert_template)
        self.timed("search", self.search, rows)
        if n % 3 == 0:
            self.timed("queue_view", lambda: (w.queue.set_view(VIEWS[(n // 3) % len(VIEWS)]), settle(30)))
        if n % 2 == 0:
            self.timed("palette", self.palette)
        w.repaint()

    def scroll_timeline(self) -> None:
        timeline, model = self.window.customer.timeline, self.window.customer.timeline_model
        for _ in range(3):
            before = model.rowCount()
            timeline.scrollToBottom()
            settle(10)
            if not model.canFetchMore() and model.rowCount() == before:
                break
            if model.rowCount() > before:
                self.counts["timeline_pages"] += 1

    def other_ticket(self, current: str) -> None:
        tickets = self.window.customer.tickets_model
        for i in range(tickets.rowCount()):
            ticket_id = tickets.payload(i)
            if ticket_id != current:
                self.open_ticket(ticket_id)
                return

    def type_reply(self) -> None:
        editor = self.window.composer.editor
        editor.clear()
        for word in self.rng.sample(WORDS, 5):
            editor.insertPlainText(word + " ")
            settle(2)

    def insert_template(self) -> None:
        w = self.window
        if not wait_for(lambda: bool(w.side.items), 3):
            return
        suggestion = w.side.suggestion(1)
        before = w.composer.editor.toPlainText()
        answering = answer_dialogs(self.errors)
        w.insert_suggestion(suggestion)
        if wait_for(lambda: w.composer.editor.toPlainText() != before, 5):
            self.counts["templates"] += 1
        answering.stop()

    def search(self, rows: list[Any]) -> None:
        if not rows:
            return
        row = rows[self.rng.randrange(len(rows))]
        term = (row.customer_name or row.subject or "a").split()[0]

        def drive(picker: Any) -> None:
            picker.edit.setText(term)
            wait_for(lambda: picker.model.rowCount() > 0, 5)

        through_dialog(self.window.show_search, drive)
        self.counts["searches"] += 1

    def palette(self) -> None:
        def drive(picker: Any) -> None:
            picker.edit.setText(self.rng.choice(["status", "assign", "tag", "search", "sync"]))
            settle(5)

        through_dialog(self.window.show_palette, drive)
        self.counts["palettes"] += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--sample-every", type=int, default=50)
    parser.add_argument("--store", default=None, help="reuse this store (built there if missing)")
    parser.add_argument("--max-minutes", type=float, default=None, help="stop early (reported)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-ui-memory-"))
    os.environ.setdefault("AGENTDESK_HOME", str(folder / "home"))
    store = Path(args.store) if args.store else folder / f"store-{args.customers}.sqlite3"
    built = ui_common.build_store(store, args.customers)
    from agentdesk.ui.qt import QObject

    before_console = memory_mb()
    made = ui_common.console(store)
    window = made.window
    window.resize(1600, 960)
    window.show()
    window.queue.set_view("all")
    ui_common.spin_until(lambda: window.queue.model.rowCount() > 0, 300)
    settle(200)
    start = memory_mb()
    session = Session(made, random.Random(11))
    samples: list[dict[str, Any]] = [{"iteration": 0, "seconds": 0.0, "mb": start, "qobjects": 0}]
    started = time.perf_counter()
    done = 0
    for n in range(1, args.iterations + 1):
        session.iteration(n)
        done = n
        out_of_time = args.max_minutes is not None and time.perf_counter() - started > args.max_minutes * 60
        if n % args.sample_every == 0 or n == args.iterations or out_of_time:
            samples.append(
                {
                    "iteration": n,
                    "seconds": round(time.perf_counter() - started, 1),
                    "mb": memory_mb(),
                    "qobjects": len(window.findChildren(QObject)),
                }
            )
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)  # progress
        if out_of_time:
            break
    samples[0]["qobjects"] = samples[1]["qobjects"] if len(samples) > 1 else 0
    end = memory_mb()
    made.close()
    half = [s for s in samples if s["iteration"] >= done / 2]
    print(
        json.dumps(
            {
                "bench": "ui_memory",
                "customers": args.customers,
                "store": built,
                "iterations": done,
                "iterations_asked": args.iterations,
                "session_seconds": round(time.perf_counter() - started, 1),
                "actions": session.counts,
                "action_seconds": {k: round(v, 1) for k, v in session.seconds.items()},
                "errors_shown": {e: session.errors.count(e) for e in sorted(set(session.errors))},
                "mb": {
                    "before_console": before_console,
                    "start": start,
                    "peak_rss": max(s["mb"]["rss"] for s in samples),
                    "end": end,
                },
                "second_half_slope_per_1000_iterations": {
                    "rss_mb": slope_per_1000([(s["iteration"], s["mb"]["rss"]) for s in half]),
                    "anon_mb": slope_per_1000([(s["iteration"], s["mb"].get("anon", 0.0)) for s in half]),
                    "qobjects": slope_per_1000([(s["iteration"], s["qobjects"]) for s in half]),
                },
                "target_mb": 300,
                "replicator": "not started (no gateway)",
                "samples": samples,
            },
            indent=1,
        )
    )
    if not args.store:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()
    # PySide6 6.12 can abort in the interpreter's final garbage collection after a long session
    # (none_dealloc); the figures are printed, so skip the teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
