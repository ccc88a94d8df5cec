"""Sign-in: server address (from policy/settings), login and password; the network call runs on
its own short-lived thread, never the UI thread or the store worker."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from agentdesk.ui.errors import describe
from agentdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QWidget,
    Signal,
)
from agentdesk.ui.unlock import make_verifier


class _Result(QObject):
    done = Signal(object, object)  # session dict | None, error | None


def sign_in_call(server_url: str, login: str, password: str) -> dict[str, Any]:
    from agentdesk.sync.client.transport import GatewayClient

    async def call() -> dict[str, Any]:
        client = GatewayClient(server_url, timeout=15.0)
        try:
            return dict(await client.sign_in(login, password))
        finally:
            await client.aclose()

    return asyncio.run(call())


class SignInDialog(QDialog):
    def __init__(
        self,
        server_url: str,
        server_locked: bool,
        login: str = "",
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to AgentDesk"))
        self.session: dict[str, Any] | None = None
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://agentdesk.example.com")
        self.server.setAccessibleName(self.tr("Server address"))
        if server_locked:
            self.server.setReadOnly(True)
            self.server.setToolTip(self.tr("Set by your organisation's policy"))
        self.login = QLineEdit(login)
        self.login.setAccessibleName(self.tr("Login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = QLabel(message)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.error)
        form.addRow(self.buttons)
        (self.password if login else self.login).setFocus()
        self._result = _Result(self)
        self._result.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        server, login, password = (
            self.server.text().strip().rstrip("/"),
            self.login.text().strip(),
            self.password.text(),
        )
        if not server.startswith(("http://", "https://")):
            self.error.setText(self.tr("Enter the server address, starting with https://"))
            return
        if not login or not password:
            self.error.setText(self.tr("Enter your login and password."))
            return
        self.error.setText(self.tr("Signing in…"))
        self.buttons.setEnabled(False)
        result = self._result

        def work() -> None:
            try:
                session = sign_in_call(server, login, password)
                # for the idle lock's offline unlock; a salted hash, never the password
                session["unlock_verifier"] = make_verifier(password)
                result.done.emit(session, None)
            except Exception as exc:
                result.done.emit(None, exc)

        threading.Thread(target=work, name="agentdesk-sign-in", daemon=True).start()

    def _finished(self, session: dict[str, Any] | None, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None or session is None:
            self.error.setText(describe(error or RuntimeError()))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.session = {**session, "server_url": self.server.text().strip().rstrip("/")}
        self.accept()
