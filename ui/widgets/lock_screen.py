"""The lock screen: takes the place of the main window's content while the console is locked.

It shows the agent's name and a password field, nothing from the store."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)


class LockScreen(Retranslatable, QWidget):
    unlock_requested = Signal(str)  # the password typed
    sign_out_requested = Signal()

    def __init__(self, agent_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = title = QLabel()
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(agent_name)
        self.name.setObjectName("lockAgentName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.name.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.name.setFont(big)
        self.hint = hint = QLabel()
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.unlock = QPushButton()
        self.unlock.setObjectName("unlockButton")
        self.unlock.setDefault(True)
        self.unlock.setMinimumWidth(96)
        for field in (self.password, self.unlock):
            field.setMinimumHeight(34)
        self.unlock.clicked.connect(self.submit)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_out = QPushButton()
        self.sign_out.setObjectName("lockSignOut")
        self.sign_out.setFlat(True)
        self.sign_out.clicked.connect(self.sign_out_requested.emit)
        self.note = note = QLabel()
        note.setObjectName("lockNote")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        # palette() roles: the same sheet reads right on the light and the dark theme
        card.setStyleSheet(
            "QFrame#lockCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 10px; }"
            " QPushButton#lockSignOut { color: palette(link); border: none; padding: 4px 8px; }"
            " QLabel#lockNote, QLabel#lockTitle { color: palette(placeholder-text); }"
        )
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 24)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(self.name)
        inner.addWidget(hint)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addWidget(note)
        inner.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setFocusProxy(self.password)
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("AgentDesk is locked"))
        self.hint.setText(self.tr("Enter your password to continue."))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock.setText(self.tr("&Unlock"))
        self.error.setAccessibleName(self.tr("Unlock problem"))
        self.sign_out.setText(self.tr("Sign &out…"))
        self.note.setText(self.tr("Your queued work keeps syncing while the console is locked."))

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.error.setText(self.tr("Enter your password."))
            return
        self.unlock_requested.emit(password)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.password.setEnabled(not busy)
        self.unlock.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Checking…"))

    def set_waiting(self, seconds: int) -> None:
        """Too many wrong passwords: no tries for ``seconds`` (0 ends the wait)."""
        self.password.setEnabled(seconds <= 0)
        self.unlock.setEnabled(seconds <= 0)
        if seconds > 0:
            text = self.tr("Too many wrong passwords. Try again in %1 s.")
            self.error.setText(text.replace("%1", str(seconds)))
        else:
            self.error.setText("")
            self.password.setFocus()

    def reset(self) -> None:
        self.password.clear()
        self.error.setText("")
        self.set_busy(False)


class SignOutDialog(Retranslatable, QDialog):
    """Confirms a sign-out; with changes still in the outbox it says how many and can wait for them."""

    def __init__(self, replicator: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replicator = replicator
        self.text = text = QLabel()
        text.setWordWrap(True)
        self.pending_label = QLabel("")
        self.pending_label.setObjectName("errorLabel")
        self.pending_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.sign_out = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.wait = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.wait.clicked.connect(self._wait_for_sync)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.buttons)
        self.waiting = False
        self._poll = QTimer(self, interval=300)
        self._poll.timeout.connect(self.refresh)
        self.retranslate()
        self._poll.start()
        self.setMinimumWidth(460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign out"))
        self.text.setText(
            self.tr(
                "Signing out deletes this computer's copy of your tickets, customers and drafts. The server keeps everything that was synced."  # noqa: E501
            )
        )
        self.wait.setText(self.tr("Wait for sync, then sign out"))
        self.refresh()

    def pending(self) -> int:
        status = self.replicator.status() if self.replicator is not None else None
        return int(getattr(status, "pending", 0) or 0)

    def refresh(self) -> None:
        count = self.pending()
        if count and self.waiting:
            text = self.tr("Waiting for sync. Changes not yet on the server: %1")
        elif count:
            text = self.tr("Changes not yet on the server: %1. They are lost if you sign out now.")
        else:
            text = ""
        text = text.replace("%1", str(count))
        self.pending_label.setText(text)
        self.pending_label.setVisible(bool(text))
        self.wait.setVisible(bool(count))
        self.sign_out.setText(self.tr("Sign out anyway") if count else self.tr("Sign out"))
        if self.waiting and not count:
            self.accept()

    def _wait_for_sync(self) -> None:
        self.waiting = True
        self.wait.setEnabled(False)
        if self.replicator is not None:
            self.replicator.sync_now()
        self.refresh()
