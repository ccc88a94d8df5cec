"""The console and the supervisor panel in Simplified Chinese show no English of their own: every
widget's texts (labels, buttons, actions, tabs, headers, placeholders, tool tips, combo items,
charts) are checked against the catalogue's English sources, on data from a real gateway."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gateway.harness import sign_in
from tests.ui.conftest import Synced, make_console, wait_queue
from tests.ui.visible_text import Seen, untranslated, visible_texts

DATA_LABELS = frozenset({"breadcrumbs"})  # team and agent names


def report(found: list[Seen]) -> str:
    return "\n".join(f"{s.where}: {s.text!r}" for s in found)


@pytest.fixture
def zh_console(qtbot: Any, synced: Synced, tmp_path: Path, home: Path) -> Iterator[Any]:
    from agentdesk.ui import i18n

    store = tmp_path / "zh.sqlite3"
    shutil.copy(synced.store, store)
    made = make_console(synced, store, language="zh_CN")
    qtbot.addWidget(made.window)
    made.window.show()
    try:
        yield made
    finally:
        made.close()
        i18n.install("en")


def open_first_ticket(qtbot: Any, window: Any) -> None:
    wait_queue(qtbot, window)
    window.queue.table.setCurrentIndex(window.queue.proxy.index(0, 0))
    qtbot.waitUntil(
        lambda: window.ticket is not None and window.customer.customer_id is not None, timeout=5000
    )
    qtbot.waitUntil(lambda: window.side.model.rowCount() > 0, timeout=20000)


def test_console_in_chinese_has_no_english_left(qtbot: Any, zh_console: Any) -> None:
    window = zh_console.window
    open_first_ticket(qtbot, window)
    window.composer.editor.setPlainText("您好")
    window.compose("note")  # the note mode's button and colours
    texts = visible_texts(window)
    assert any(s.text == "添加内部备注" for s in texts)  # the walk does see the composer
    assert any(s.where.endswith(".header") and s.text == "主题" for s in texts)
    found = untranslated(texts, (window.agent.name,))
    assert found == [], report(found)


def test_console_dialogs_in_chinese_have_no_english_left(qtbot: Any, zh_console: Any) -> None:
    from agentdesk.config import load_settings
    from agentdesk.domain.responsibility import default_list
    from agentdesk.ui.widgets.dialogs import (
        ApprovalDialog,
        CheatSheet,
        SettingsDialog,
        TagDialog,
        TransferDialog,
    )
    from agentdesk.ui.widgets.palette import Picker
    from agentdesk.ui.widgets.signin import SignInDialog
    from agentdesk.ui.widgets.status_indicator import RejectedDialog

    window = zh_console.window
    rows = [(" / ".join(c.shortcuts), c.text) for c in window.commands]
    dialogs = [
        SettingsDialog(load_settings(), window),
        TransferDialog(default_list(), None, "zh", window),
        ApprovalDialog(window),
        TagDialog(["vip"], window),
        CheatSheet(rows, window),
        RejectedDialog((), window),
        Picker(window.tr("Command palette"), window.tr("Type a command…"), lambda _t, done: done([]), window),
        SignInDialog("https://agentdesk.example.com", False, "demo.agent", "", window),
    ]
    found = [s for d in dialogs for s in untranslated(visible_texts(d))]
    assert found == [], report(found)


@pytest.mark.parametrize("switched", [False, True], ids=["started-in-chinese", "switched-while-open"])
def test_supervisor_panel_in_chinese_has_no_english_left(qtbot: Any, synced: Synced, switched: bool) -> None:
    from agentdesk.ui import i18n
    from agentdesk.ui.app import ensure_app
    from agentdesk.ui.supervisor.client import SupervisorClient
    from agentdesk.ui.supervisor.panel import SupervisorPanel
    from agentdesk.ui.supervisor.tables import ROW_KEY

    ensure_app()
    i18n.install("en" if switched else "zh_CN")
    panel = SupervisorPanel(SupervisorClient(synced.url, sign_in(synced.url, "demo.lead")))
    qtbot.addWidget(panel)
    panel.show()
    if switched:  # English figures on screen first, then the language changes under them
        qtbot.waitUntil(lambda: panel.dashboard.table.rowCount() > 0, timeout=20000)
        assert panel.tabs.tabText(0) == "Dashboard"
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: panel.tabs.tabText(0) == "数据看板", timeout=5000)
    try:
        found: list[Seen] = []
        dash = panel.dashboard
        qtbot.waitUntil(lambda: dash.table.rowCount() > 0, timeout=20000)
        found += untranslated(visible_texts(panel, DATA_LABELS))
        # drill down to one agent's tickets (bulk buttons, ticket columns): the first column is
        # named after the level once its rows arrived
        for level, first_column in (("team", "坐席"), ("agent", "工单")):
            keyed = [r for r in range(dash.table.rowCount()) if dash.table.item(r, 0).data(ROW_KEY)[0]]
            dash.table.selectRow(keyed[0])  # not the "(unassigned)" row
            dash._drill()
            qtbot.waitUntil(
                lambda h=first_column: (
                    dash.table.horizontalHeaderItem(0).text() == h and dash.table.rowCount() > 0
                ),
                timeout=20000,
            )
            found += untranslated(visible_texts(panel, DATA_LABELS))
            assert level != "agent" or all(b.isVisibleTo(panel) for b in dash.bulk_buttons.values())
        for view, ready in (
            (panel.alerts, lambda: True),
            (panel.board, lambda: panel.board.table.rowCount() > 0),
            (panel.inbox, lambda: True),
            (panel.audit, lambda: True),
            (panel.staffing, lambda: panel.staffing.chart.chart().series() != []),
        ):
            panel.tabs.setCurrentWidget(view)
            qtbot.waitUntil(ready, timeout=20000)
            found += untranslated(visible_texts(panel, DATA_LABELS))
        assert panel.tabs.tabText(0) == "数据看板"
        assert found == [], report(found)
    finally:
        panel.close()
        i18n.install("en")
