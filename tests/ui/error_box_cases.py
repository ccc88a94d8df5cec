"""Run by test_error_boxes.py in a pytest of its own (not collected here): one test meets an
unexpected store error box, one expects its box and answers it."""

from __future__ import annotations

from typing import Any

from agentdesk.errors import StoreWriteFailed


def test_unexpected_box(qtbot: Any) -> None:
    from agentdesk.ui.errors import show_error

    show_error(None, StoreWriteFailed("disk full"))  # blocked the suite until pytest-timeout


def test_expected_box(qtbot: Any, message_boxes: Any) -> None:
    from agentdesk.ui.errors import show_error
    from agentdesk.ui.qt import QApplication, QMessageBox, QTimer

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    show_error(None, StoreWriteFailed("disk full"))
    assert seen and "could not be saved" in seen[0]
