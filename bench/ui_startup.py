"""Cold start of the console to an interactive window showing the queue (target ≤ 1.5 s).

    python bench/ui_startup.py [--customers 20000] [--runs 5] [--store PATH]

Each run is a fresh Python process (imports, Qt, store open, first queue query, first paint); the
clock starts before the process is spawned and stops when the child reports the queue painted
with rows and the event loop idle (wall clock across the two processes). Prints JSON: median and
max, and per run the child's own split (import, window built, queue shown, from interpreter start).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(store: str) -> None:
    t0 = time.perf_counter()
    sys.path.insert(0, str(HERE))
    import ui_common

    from agentdesk.ui.qt import QApplication, QTimer

    imported = time.perf_counter()
    made = ui_common.console(Path(store))
    window = made.window
    window.show()
    built = time.perf_counter()
    ui_common.spin_until(lambda: window.queue.model.rowCount() > 0)
    window.repaint()
    shown = time.perf_counter()
    idle = {}
    QTimer.singleShot(0, lambda: idle.setdefault("t", time.perf_counter()))
    ui_common.spin_until(lambda: "t" in idle)
    print(
        json.dumps(
            {
                "ready_wall": time.time(),
                "import_s": round(imported - t0, 3),
                "window_built_s": round(built - t0, 3),
                "queue_shown_s": round(shown - t0, 3),
                "rows": window.queue.model.rowCount(),
            }
        ),
        flush=True,
    )
    made.close()
    QApplication.instance().quit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", default=None)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    sys.path.insert(0, str(HERE))
    import ui_common

    folder = Path(tempfile.mkdtemp(prefix="agentdesk-ui-startup-"))
    store = Path(args.store) if args.store else folder / f"store-{args.customers}.sqlite3"
    built = ui_common.build_store(store, args.customers)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_HOME": str(folder / "home")}
    runs, splits = [], []
    for _ in range(args.runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(store)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if out.returncode != 0:
            raise SystemExit(out.stderr[-3000:])
        line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
        split = json.loads(line)
        split["spawn_to_ready_s"] = round(split.pop("ready_wall") - started, 3)
        runs.append(split["spawn_to_ready_s"])
        splits.append(split)
    print(
        json.dumps(
            {
                "bench": "ui_startup",
                "customers": args.customers,
                "store": built,
                "spawn_to_ready_s": {"median": statistics.median(runs), "max": max(runs)},
                "target_s": 1.5,
                "runs": splits,
            },
            indent=1,
        )
    )
    if not args.store:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
