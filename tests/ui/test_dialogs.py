"""Dialogs and keyboard reach: approval limits, transfer list, tags, palette, cheat sheet."""

from __future__ import annotations

from typing import Any

from agentdesk.domain.responsibility import default_list
from agentdesk.ui.qt import QDialog, Qt
from tests.ui.conftest import wait_queue


def test_approval_refuses_zero_and_shows_one_step_limits(qtbot: Any) -> None:
    from agentdesk.ui.widgets.dialogs import ApprovalDialog

    dialog = ApprovalDialog()
    qtbot.addWidget(dialog)
    assert "5,000" in dialog.limit.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("compensation"))
    assert "2,000" in dialog.limit.text()
    dialog.amount.setValue(2500)
    assert "escalated" in dialog.limit.text() and "Above" in dialog.limit.text()
    dialog.amount.setValue(0)
    dialog.reason.setPlainText("Courier broke the table")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "greater than 0" in dialog.error.text()
    dialog.amount.setValue(120.5)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.payload() == {
        "kind": "compensation",
        "amount": "120.50",
        "reason": "Courier broke the table",
    }


def test_transfer_offers_the_responsible_department_first(qtbot: Any) -> None:
    from agentdesk.ui.widgets.dialogs import TransferDialog

    dialog = TransferDialog(default_list(), "delivery", "en")
    qtbot.addWidget(dialog)
    assert dialog.department.itemData(0) == "delivery"
    assert "responsible" in dialog.department.itemText(0)
    dialog.note.setPlainText("Customer wants a new delivery slot")
    assert dialog.payload() == {"department": "delivery", "note": "Customer wants a new delivery slot"}


def test_tags_dialog_sends_only_the_difference(qtbot: Any) -> None:
    from agentdesk.ui.widgets.dialogs import TagDialog

    dialog = TagDialog(["refund", "vip"])
    qtbot.addWidget(dialog)
    dialog.edit.setText("refund， urgent")
    assert dialog.payload() == {"add": ["urgent"], "remove": ["vip"]}


def test_every_command_has_a_unique_shortcut_and_the_palette_runs_it(qtbot: Any, console: Any) -> None:
    window = console.window
    wait_queue(qtbot, window)
    keys = [k for c in window.commands for k in c.shortcuts]
    assert len(keys) == len(set(keys))
    # nothing that text editing needs (copy, paste, undo, select all, word moves)
    assert not {"Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y", "Ctrl+A", "Ctrl+Shift+Z"} & set(keys)
    assert {c.id for c in window.commands} >= {
        "status",
        "priority",
        "assign",
        "tag",
        "transfer",
        "approval",
        "search",
        "reply",
        "note",
        "send",
        "sync",
        "rejected",
    }
    from agentdesk.ui.widgets.palette import Picker

    opened: list[Picker] = []

    from agentdesk.ui.qt import QApplication, QTimer

    def answer() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, Picker):
            QTimer.singleShot(50, answer)
            return
        opened.append(picker)
        picker.edit.setText("all open")
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        if picker.isVisible():  # no match: never leave a modal dialog behind
            picker.reject()

    QTimer.singleShot(50, answer)
    window.show_palette()
    assert opened
    qtbot.waitUntil(lambda: window.queue.view == "all", timeout=3000)


def test_workspace_enqueue_validates_before_writing(console: Any) -> None:
    import pytest

    from agentdesk.errors import InputError

    with pytest.raises(InputError):
        console.runner.call(lambda ws: ws.enqueue("ticket.reply", "", {"body": "x"}))
