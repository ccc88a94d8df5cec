"""Shows the supervisor panel to team leads and admins: a "Supervisor panel" command (palette and
Ctrl+Shift+D) and a status-bar button on the main window. Agents get neither — and the gateway
refuses them anyway (403)."""

from __future__ import annotations

import dataclasses
from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.qt import QAction, QCoreApplication, QKeySequence, QPushButton, Qt

SUPERVISOR_ROLES = frozenset({"team_lead", "admin"})
SHORTCUT = "Ctrl+Shift+D"


def _text() -> str:
    # translate() with literal arguments: lupdate reads tr(a, b) as source a, disambiguation b
    return QCoreApplication.translate("SupervisorPanel", "Supervisor panel")


class _EntryButton(Retranslatable, QPushButton):
    """The status-bar button; on a language change it also renames the command and the action."""

    def __init__(self, window: Any, action: QAction) -> None:
        super().__init__()
        self._window, self._action = window, action
        self.setFlat(True)
        self.retranslate()

    def retranslate(self) -> None:
        text = _text()
        self.setText(text)
        self.setToolTip(f"{text} ({SHORTCUT})")
        self._action.setText(text)
        commands = self._window.commands
        for i, cmd in enumerate(commands):
            if cmd.id == "supervisor":
                commands[i] = dataclasses.replace(cmd, text=text)


def install(window: Any, server_url: str, token: str | None) -> bool:
    """Add the panel's entry points to ``window`` (a MainWindow); False for an agent."""
    if getattr(window.agent, "role", "agent") not in SUPERVISOR_ROLES or not server_url:
        return False
    from agentdesk.ui.mainwindow import Command

    text = _text()

    def open_panel() -> None:
        panel = getattr(window, "supervisor_panel", None)
        if panel is None:
            from agentdesk.ui.supervisor.client import SupervisorClient
            from agentdesk.ui.supervisor.panel import SupervisorPanel

            panel = SupervisorPanel(SupervisorClient(server_url, token))
            panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            window.supervisor_panel = panel
        panel.show()
        panel.raise_()
        panel.activateWindow()

    window.commands.append(Command("supervisor", text, (SHORTCUT,), open_panel))
    action = QAction(text, window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(open_panel)
    window.addAction(action)
    if hasattr(window, "actions_by_id"):
        window.actions_by_id["supervisor"] = action
    button = _EntryButton(window, action)
    button.clicked.connect(open_panel)
    window.statusBar().addPermanentWidget(button)
    window.open_supervisor_panel = open_panel
    return True
