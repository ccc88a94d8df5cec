"""A console in its own process for the crash test: ``type`` saves a draft and waits to be killed;
``check`` starts again on the same store and prints what the composer shows."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    mode, store, text = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    from PySide6.QtTest import QTest

    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    app = ensure_app()
    i18n.install("en")
    theme.apply("light")
    agent = json.loads(sys.argv[4])
    console = Console(
        store_path=store, server_url="http://127.0.0.1:9", token="t", agent=agent, start_sync=False
    )
    window = console.window
    window.show()

    def spin_until(check: object, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                raise SystemExit("timed out")

    if mode == "type":
        spin_until(lambda: window.queue.model.rowCount() > 0)
        window.queue.table.setCurrentIndex(window.queue.proxy.index(0, 0))
        spin_until(lambda: window.ticket is not None and window.composer.isEnabled())
        window.compose("reply")
        QTest.keyClicks(window.composer.editor, text)
        import sqlite3

        def saved() -> bool:
            with sqlite3.connect(store) as db:
                return db.execute("SELECT count(*) FROM drafts WHERE body = ?", (text,)).fetchone()[0] == 1

        spin_until(saved)
        print("SAVED", window.ticket.ticket["id"], flush=True)
        while True:  # typing on, until the test kills us
            app.processEvents()
            time.sleep(0.05)
    else:
        spin_until(lambda: window.composer.editor.toPlainText() != "")
        print(
            json.dumps({"ticket": window.composer.ticket_id, "text": window.composer.editor.toPlainText()}),
            flush=True,
        )
        console.close()


if __name__ == "__main__":
    main()
