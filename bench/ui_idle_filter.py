"""Cost of the idle lock's application-wide event filter (ui/lock.py IdleWatcher) per event.

    python bench/ui_idle_filter.py [--events 100000]

Sends mouse-move (input) and update-request (non-input) events to a widget, first without the
filter (the baseline), then with it, in the same run; prints JSON with microseconds per event.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ui_common  # noqa: F401  (offscreen platform, no keyring)


def per_event_us(widget: object, events: int) -> float:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    from agentdesk.ui.qt import QCoreApplication, QEvent, Qt

    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    update = QEvent(QEvent.Type.UpdateRequest)
    started = time.perf_counter()
    for _ in range(events // 2):
        QCoreApplication.sendEvent(widget, move)
        QCoreApplication.sendEvent(widget, update)
    return (time.perf_counter() - started) / events * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    from agentdesk.ui.app import ensure_app
    from agentdesk.ui.lock import IdleWatcher
    from agentdesk.ui.qt import QWidget

    ensure_app()
    widget = QWidget()
    widget.show()
    baseline = min(per_event_us(widget, args.events) for _ in range(3))
    watcher = IdleWatcher(60.0)
    with_filter = min(per_event_us(widget, args.events) for _ in range(3))
    watcher.stop()
    print(
        json.dumps(
            {
                "events": args.events,
                "baseline_us_per_event": round(baseline, 3),
                "with_idle_filter_us_per_event": round(with_filter, 3),
                "added_us_per_event": round(with_filter - baseline, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
