"""The console on a store synced from a real gateway: queue, 360, keyboard flow, Chinese UI."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from agentdesk.ui.models.queue_model import ROW_ROLE
from agentdesk.ui.qt import QModelIndex, Qt
from tests.ui.conftest import Synced, make_console, wait_queue


def outbox(store: Path) -> list[tuple[str, str, str]]:
    import json
    import sqlite3

    with sqlite3.connect(store) as db:
        return [
            (k, e, json.loads(p).get("body", ""))
            for k, e, p in db.execute("SELECT kind, entity_id, payload FROM outbox ORDER BY seq")
        ]


def test_open_customer_from_queue(qtbot: Any, console: Any) -> None:
    window = console.window
    wait_queue(qtbot, window)
    queue = window.queue
    first = queue.proxy.index(0, 0)
    row = first.data(ROW_ROLE)
    assert row is not None
    assert row.priority == "P1"  # P1 at the top
    queue.table.setCurrentIndex(first)
    qtbot.waitUntil(lambda: window.customer.customer_id == row.customer_id, timeout=5000)
    assert row.customer_name in window.customer.header.text()
    assert window.customer.timeline_model.rowCount() > 0
    assert window.customer.tickets_model.rowCount() >= 1
    qtbot.waitUntil(lambda: f"#{row.number}" in window.conversation.title.text(), timeout=5000)


def test_keyboard_only_flow_from_queue_to_sent_reply(qtbot: Any, console: Any) -> None:
    window = console.window
    wait_queue(qtbot, window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # go to the queue
    qtbot.waitUntil(
        lambda: window.queue.table.hasFocus() or window.queue.table.currentIndex().isValid(), timeout=2000
    )
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.ticket is not None and window.ticket.ticket["id"] == window.composer.ticket_id,
        timeout=5000,
    )
    ticket_id = window.ticket.ticket["id"]
    qtbot.keyClick(window.queue.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # reply
    qtbot.waitUntil(lambda: window.composer.editor.hasFocus(), timeout=2000)
    qtbot.keyClicks(window.composer.editor, "Your refund is on its way.")
    qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # send
    qtbot.waitUntil(lambda: window.composer.editor.toPlainText() == "", timeout=5000)
    assert outbox(console.store.path) == [("ticket.reply", ticket_id, "Your refund is on its way.")]
    qtbot.waitUntil(
        lambda: "Your refund is on its way." in window.conversation.browser.toPlainText(), timeout=5000
    )
    assert "1 pending" in window.indicator.text()


def test_internal_note_is_marked_and_not_public(qtbot: Any, console: Any) -> None:
    window = console.window
    wait_queue(qtbot, window)
    window.queue.table.setCurrentIndex(window.queue.proxy.index(0, 0))
    qtbot.waitUntil(lambda: window.ticket is not None, timeout=5000)
    window.compose("note")
    window.composer.editor.setPlainText("Customer called twice; check the courier.")
    window.composer.submit()
    qtbot.waitUntil(
        lambda: "Customer called twice" in window.conversation.browser.toPlainText(), timeout=5000
    )
    assert outbox(console.store.path)[0][0] == "ticket.note"
    assert "Internal note" in window.conversation.browser.toPlainText()


def test_chinese_ui_shows_chinese_strings(qtbot: Any, synced: Synced, tmp_path: Path, home: Path) -> None:
    from agentdesk.ui import i18n

    store = tmp_path / "zh.sqlite3"
    shutil.copy(synced.store, store)
    made = make_console(synced, store, language="zh_CN")
    try:
        qtbot.addWidget(made.window)
        window = made.window
        wait_queue(qtbot, window)
        assert window.queue.tabs.tabText(0) == "我的工单"
        assert window.composer.send.text() == "发送回复"
        assert window.queue.model.headerData(3, Qt.Orientation.Horizontal) == "主题"
        assert "离线" in window.indicator.text() or "在线" in window.indicator.text()
        assert any(c.text == "命令面板" for c in window.commands)
    finally:
        made.close()
        i18n.install("en")


def test_search_finds_customer_by_name_and_ticket_by_number(console: Any) -> None:
    from agentdesk.ui import data

    with console.store.connect() as conn:
        number, customer_name = conn.exec_driver_sql(
            "SELECT t.number, c.name FROM tickets t JOIN customers c ON c.id = t.customer_id LIMIT 1"
        ).one()
        by_number = data.search(conn, f"#{number}")
        by_name = data.search(conn, customer_name)
    assert by_number[0].kind == "ticket" and by_number[0].title.startswith(f"#{number}")
    assert any(h.kind == "customer" and h.title == customer_name for h in by_name)


def test_timeline_fetches_more_as_it_scrolls(qtbot: Any, console: Any) -> None:
    from agentdesk.ui.models.timeline_model import TimelineModel

    model = TimelineModel()
    items = [
        {
            "id": f"i{n:05d}",
            "occurred_at": f"2026-01-01T00:00:{n % 60:02d}Z",
            "channel": "app",
            "direction": "inbound",
            "summary": "x",
        }
        for n in range(3)
    ]
    model.reset("nobody", items, True)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    qtbot.waitUntil(lambda: not model._loading, timeout=5000)
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())
