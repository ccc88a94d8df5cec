"""Changing the language in the settings dialog applies at once, in a running console: English ->
Simplified Chinese -> English, with the opened ticket, the typed reply and the layout kept."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentdesk.ui.qt import QApplication, Qt, QTimer
from tests.ui.conftest import Synced, wait_queue
from tests.ui.visible_text import untranslated, visible_texts

CJK = re.compile(r"[\u4e00-\u9fff]")
DRAFT = "Typed before the switch: your refund is on its way"


@pytest.fixture
def console_with_settings(qtbot: Any, synced: Synced, tmp_path: Path, home: Path) -> Iterator[Any]:
    from agentdesk.config import load_settings
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    ensure_app()
    settings = load_settings()
    settings.set("language", "en")
    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    theme.apply("light")
    made = Console(
        store_path=store,
        server_url=synced.url,
        token=synced.token,
        agent=synced.agent,
        settings=settings,
        language=i18n.install("en"),
        start_sync=False,
    )
    qtbot.addWidget(made.window)
    made.window.show()
    try:
        yield made
    finally:
        made.close()
        i18n.install("en")


def choose_language(qtbot: Any, window: Any, language: str) -> None:
    """Settings… (the real dialog, modal): pick ``language`` and press OK."""
    from agentdesk.ui.widgets.dialogs import SettingsDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.actions_by_id["settings"].trigger()


def snapshot(window: Any) -> dict[str, Any]:
    return {
        "ticket": window.ticket.ticket["id"],
        "composer_ticket": window.composer.ticket_id,
        "queue_current": window.queue.current_ticket_id(),
        "draft": window.composer.editor.toPlainText(),
        "mode": window.composer.mode,
        "columns": window.main.sizes(),
        # the vertical splits, to a few pixels: a Chinese status bar may be a little taller
        "rows": [round(s.sizes()[0] / sum(s.sizes()), 2) for s in (window.center, window.right)],
        "view": window.queue.tabs.currentIndex(),
    }


def test_language_switches_at_once_and_keeps_the_work(qtbot: Any, console_with_settings: Any) -> None:
    window = console_with_settings.window
    wait_queue(qtbot, window)
    window.queue.set_view("team")
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 1, timeout=5000)
    window.queue.table.setCurrentIndex(window.queue.proxy.index(1, 0))
    qtbot.waitUntil(
        lambda: window.ticket is not None and window.customer.customer_id is not None, timeout=5000
    )
    qtbot.waitUntil(lambda: window.side.model.rowCount() > 0, timeout=20000)
    window.compose("note")
    qtbot.keyClicks(window.composer.editor, DRAFT)
    window.main.setSizes([500, 600, 460])
    before = snapshot(window)
    assert window.composer.send.text() == "Add internal note"
    assert not CJK.search(window.side.items[0].title)  # English scripts and articles

    choose_language(qtbot, window, "zh_CN")
    qtbot.waitUntil(lambda: window.composer.send.text() == "添加内部备注", timeout=5000)
    assert console_with_settings.window.settings["language"] == "zh_CN"  # saved as well
    assert window.queue.tabs.tabText(1) == "本组"
    assert window.queue.model.headerData(3, Qt.Orientation.Horizontal) == "主题"
    assert window.actions_by_id["palette"].text() == "命令面板"
    assert any(c.text == "命令面板" for c in window.commands)
    assert "客服工作台" in window.windowTitle()
    assert "处理人" in window.conversation.title.text()  # the opened ticket, reworded
    assert "健康度" in window.customer.header.text()
    assert window.composer.editor.placeholderText().startswith("输入回复")
    # suggestions come again, for Chinese content
    qtbot.waitUntil(
        lambda: bool(window.side.items) and CJK.search(window.side.items[0].title) is not None, timeout=20000
    )
    found = untranslated(visible_texts(window), (window.agent.name,))
    assert found == [], "\n".join(f"{s.where}: {s.text!r}" for s in found)
    assert snapshot(window) == before

    choose_language(qtbot, window, "en")
    qtbot.waitUntil(lambda: window.composer.send.text() == "Add internal note", timeout=5000)
    assert window.queue.tabs.tabText(1) == "My team"
    assert window.queue.model.headerData(3, Qt.Orientation.Horizontal) == "Subject"
    assert window.actions_by_id["palette"].text() == "Command palette"
    assert "Assignee" in window.conversation.title.text()
    chinese = [s for s in visible_texts(window) if s.chrome and CJK.search(s.text)]
    assert chinese == [], "\n".join(f"{s.where}: {s.text!r}" for s in chinese)
    assert snapshot(window) == before
    assert window.settings["language"] == "en"
