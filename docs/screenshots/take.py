"""Take the README screenshots of the console (English and Simplified Chinese, light and dark).

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/take.py
    python docs/screenshots/take.py            # offscreen (Qt's offscreen fonts differ a little)

Builds a demo store (the demo generator, 2,000 customers), signs nobody in (the outbox is local),
opens a VIP customer's ticket of demo.agent with an internal note, types a reply draft and saves
console-en.png, console-zh_CN.png and console-dark.png next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui_common  # noqa: E402

DRAFT = {
    "en": "I'm sorry the delivery went wrong. I have checked your order and ",
    "zh_CN": "非常抱歉给您带来不便，我已经查看了您的订单，",
}


def pick_ticket(store: Path) -> str:
    import sqlite3

    with sqlite3.connect(store) as db:
        row = db.execute(
            "SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id "
            "WHERE t.assignee_id = 'agent-demo-agent' AND t.status_group IN ('open', 'new', 'pending') "
            "AND EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.public = 0) "
            "ORDER BY c.tier = 'VIP' DESC, t.priority, "
            "(SELECT count(*) FROM interactions i WHERE i.customer_id = c.id) DESC LIMIT 1"
        ).fetchone()
        if row is None:
            row = db.execute(
                "SELECT id FROM tickets WHERE assignee_id = 'agent-demo-agent' LIMIT 1"
            ).fetchone()
    return str(row[0])


def shoot(store: Path, language: str, dark: bool, out: Path) -> None:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    ensure_app()
    chosen = i18n.install(language)
    theme.apply("dark" if dark else "light")
    made = Console(
        store_path=store,
        server_url="http://127.0.0.1:9",
        token="demo",
        agent=ui_common.BENCH_AGENT,
        language=chosen,
        start_sync=False,
    )
    window = made.window
    window.resize(1600, 960)
    window.show()
    ui_common.spin_until(lambda: window.queue.model.rowCount() > 0)
    ticket = pick_ticket(store)
    window.open_ticket(ticket)
    ui_common.spin_until(lambda: window.ticket is not None and window.customer.customer_id is not None)
    ui_common.spin_until(lambda: window.side.model.rowCount() > 0, 20)
    row = window.queue.model.row_of(ticket)
    if row >= 0:
        index = window.queue.proxy.mapFromSource(window.queue.model.index(row, 0))
        window.queue.table.selectionModel().blockSignals(True)
        window.queue.table.setCurrentIndex(index)
        window.queue.table.selectionModel().blockSignals(False)
        window.queue.table.scrollTo(index)
    window.composer.editor.setPlainText(DRAFT.get(chosen, DRAFT["en"]))
    window.composer.editor.setFocus()
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        ui_common.spin_until(lambda: True)
    window.grab().save(str(out))
    made.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shots-"))
    store = folder / "store.sqlite3"
    ui_common.build_store(store, 2000)
    os.environ["AGENTDESK_HOME"] = str(folder / "home")
    for language, dark, name in (
        ("en", False, "console-en.png"),
        ("zh_CN", False, "console-zh_CN.png"),
        ("en", True, "console-dark.png"),
    ):
        copy = folder / f"{name}.sqlite3"
        copy.write_bytes(store.read_bytes())
        shoot(copy, language, dark, HERE / name)
        print(HERE / name)


if __name__ == "__main__":
    main()
