"""Cold start of the console to an interactive window showing the queue (target ≤ 1.5 s).

    python bench/ui_startup.py [--customers 20000] [--runs 5] [--cold-runs 3] [--store PATH]

Each run is a fresh Python process (imports, Qt, store open, first queue query, first paint); the
clock starts before the process is spawned and stops when the child reports the queue painted
with rows and the event loop idle (wall clock across the two processes). The child imports
``agentdesk.ui.app`` first, as ``agentdesk`` does. Prints JSON: median and max, the child's CPU
seconds (all threads; steadier than wall time on a shared machine), and per run the child's own
split (import, window built, queue shown, from interpreter start). After the clock stops, each
child also reports when the work the console defers past its first paint was over
(``background_done_s``, not part of the start).

Children run from compiled bytecode (kept in the run's folder via PYTHONPYCACHEPREFIX), as the
installed app does; a first unmeasured run compiles it. Cold runs drop the OS file cache first
(``sync; echo 3 > /proc/sys/vm/drop_caches``, root on Linux): the first start after a reboot.
They are skipped, and said so, where that is not allowed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Threads the console starts once its first queue is painted (ui/mainwindow.py, ui/app.py).
BACKGROUND = ("agentdesk-store-check", "agentdesk-warm-up")


def child(store: str) -> None:
    t0 = time.perf_counter()
    sys.path.insert(0, str(HERE))
    import ui_common

    import agentdesk.ui.app  # noqa: F401  (what `agentdesk` imports first)
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
    split = {
        "ready_wall": time.time(),
        "import_s": round(imported - t0, 3),
        "window_built_s": round(built - t0, 3),
        "queue_shown_s": round(shown - t0, 3),
        "cpu_s": round(time.process_time(), 3),
        "rows": window.queue.model.rowCount(),
    }
    # Not part of the start: when the work the console leaves until after the first paint (the
    # store's quick_check, the language analysers' warm-up) is over, with the event loop running.
    ui_common.spin_until(lambda: not any(t.name in BACKGROUND for t in threading.enumerate()), timeout=60)
    split["background_done_s"] = round(time.perf_counter() - t0, 3)
    split["cpu_with_background_s"] = round(time.process_time(), 3)
    print(json.dumps(split), flush=True)
    made.close()
    QApplication.instance().quit()


def drop_file_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def run_once(store: Path, env: dict[str, str], cold: bool) -> dict[str, float] | None:
    if cold and not drop_file_cache():
        return None
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
    return split


def summary(splits: list[dict[str, float]]) -> dict[str, object] | None:
    if not splits:
        return None
    walls = [s["spawn_to_ready_s"] for s in splits]
    cpus = [s["cpu_s"] for s in splits]
    return {
        "spawn_to_ready_s": {"median": statistics.median(walls), "max": max(walls), "min": min(walls)},
        "child_cpu_s": {"median": statistics.median(cpus), "max": max(cpus)},
        "background_done_s": {"median": statistics.median(s["background_done_s"] for s in splits)},
        "runs": splits,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=0, help="runs after dropping the file cache")
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
    # The installed app runs from compiled bytecode; a checkout with PYTHONDONTWRITEBYTECODE would
    # compile every project module at each start. Children keep their bytecode in the run's folder.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    run_once(store, env, False)  # compiles the bytecode once
    cold = [r for r in (run_once(store, env, True) for _ in range(args.cold_runs)) if r]
    run_once(store, env, False)  # the first warm run after a cold one still finds some pages missing
    warm = [r for r in (run_once(store, env, False) for _ in range(args.runs)) if r]
    print(
        json.dumps(
            {
                "bench": "ui_startup",
                "customers": args.customers,
                "store": built,
                "target_s": 1.5,
                "warm": summary(warm),
                "cold": summary(cold) if args.cold_runs else None,
                "cold_skipped": bool(args.cold_runs and not cold),
                "cpu": os.cpu_count(),
                "load_average_1m": round(os.getloadavg()[0], 2),
            },
            indent=1,
        )
    )
    import shutil

    shutil.rmtree(folder, ignore_errors=True)  # with --store, only the home and bytecode are here


if __name__ == "__main__":
    main()
