"""The composer: reply or internal note, template insertion, drafts autosaved via the worker."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.data import load_draft, save_draft
from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.ops import StoreOp
from agentdesk.ui.qt import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

AUTOSAVE_MS = 2000


class Composer(Retranslatable, QWidget):
    send_requested = Signal(str, str)  # mode ("reply" | "note"), body

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket_id: str | None = None
        self._status: str | None = None  # key of the status text shown (see status_texts)
        self._status_text = ""
        self.reply = QRadioButton()
        self.note = QRadioButton()
        self.reply.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.reply)
        self.modes.addButton(self.note)
        self.modes.buttonToggled.connect(lambda *_: self._mode_changed())
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("composerEditor")
        self.editor.textChanged.connect(self._changed)
        self.status = QLabel("")
        self.status.setObjectName("composerStatus")
        self.status.setMinimumWidth(180)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.send = QPushButton()
        self.send.setObjectName("sendButton")
        self.send.clicked.connect(self.submit)
        top = QHBoxLayout()
        top.addWidget(self.reply)
        top.addWidget(self.note)
        top.addStretch(1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._loading = False
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.reply.setText(self.tr("&Reply to customer"))
        self.note.setText(self.tr("Internal &note"))
        self.editor.setAccessibleName(self.tr("Message text"))
        self.editor.setPlaceholderText(
            self.tr("Type your reply… Ctrl+Enter sends, Ctrl+1–5 inserts a suggestion")
        )
        self.send.setAccessibleName(self.tr("Send"))
        self.send.setText(self.tr("Add internal note") if self.mode == "note" else self.tr("Send reply"))
        if self._status is not None and self.status.text() == self._status_text:
            self.set_status(self._status)  # not when an error was shown since

    def status_texts(self) -> dict[str, str]:
        return {
            "": "",
            "restored": self.tr("Draft restored"),
            "editing": self.tr("Editing…"),
            "saved": self.tr("Draft saved"),
            "empty": self.tr("Nothing to send"),
            "queued": self.tr("Queued for sending"),
        }

    def set_status(self, key: str) -> None:
        """One of ``status_texts``; it follows a language change (free text set elsewhere does not)."""
        self._status, self._status_text = key, self.status_texts()[key]
        self.status.setText(self._status_text)

    @property
    def mode(self) -> str:
        return "note" if self.note.isChecked() else "reply"

    def set_mode(self, mode: str) -> None:
        (self.note if mode == "note" else self.reply).setChecked(True)

    def _mode_changed(self) -> None:
        note = self.mode == "note"
        self.send.setText(self.tr("Add internal note") if note else self.tr("Send reply"))
        self.editor.setProperty("note", note)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self._changed()

    def open_ticket(self, ticket_id: str) -> None:
        """Switch to ``ticket_id``: save what was typed for the previous one, then load its draft."""
        if self.ticket_id == ticket_id:
            return
        self.save_now()
        self.ticket_id = ticket_id
        self.setEnabled(True)
        self._loading = True
        self.editor.clear()
        self.set_mode("reply")
        self._loading = False
        self.set_status("")

        def load(ws: Any) -> tuple[str, str] | None:
            with ws.store.connect() as conn:
                return load_draft(conn, ticket_id)

        StoreOp(self, load).success(lambda d: self._restore(ticket_id, d)).run()

    def _restore(self, ticket_id: str, draft: tuple[str, str] | None) -> None:
        if draft is None or ticket_id != self.ticket_id or self.editor.toPlainText():
            return
        self._loading = True
        self.set_mode(draft[0])
        self.editor.setPlainText(draft[1])
        self._loading = False
        self.set_status("restored")

    def _changed(self) -> None:
        if not self._loading and self.ticket_id:
            self.set_status("editing")
            self._autosave.start()

    def save_now(self) -> None:
        self._autosave.stop()
        if not self.ticket_id:
            return
        ticket_id, mode, body = self.ticket_id, self.mode, self.editor.toPlainText()

        def save(ws: Any) -> None:
            with ws.store.connect() as conn:
                save_draft(conn, ticket_id, mode, body)

        StoreOp(self, save).success(lambda _r: self._saved(ticket_id)).run()

    def _saved(self, ticket_id: str) -> None:
        if ticket_id == self.ticket_id and self.editor.toPlainText().strip():
            self.set_status("saved")

    def insert_text(self, text: str) -> None:
        cursor = self.editor.textCursor()
        cursor.insertText(text)
        self.editor.setFocus()

    def submit(self) -> None:
        body = self.editor.toPlainText().strip()
        if not self.ticket_id or not body:
            self.set_status("empty")
            return
        self.send_requested.emit(self.mode, body)

    def sent(self) -> None:
        """The message is in the outbox: clear the editor (the draft row goes with the enqueue)."""
        self._autosave.stop()
        self._loading = True
        self.editor.clear()
        self._loading = False
        self.set_status("queued")
