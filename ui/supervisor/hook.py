"""Shows the supervisor panel to team leads and admins: a "Supervisor panel" command (palette and
Ctrl+Shift+D) and a status-bar button on the main window. Agents get neither — and the gateway
refuses them anyway (403)."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.qt import QAction, QKeySequence, QPushButton, Qt, tr

SUPERVISOR_ROLES = frozenset({"team_lead", "admin"})
SHORTCUT = "Ctrl+Shift+D"


def install(window: Any, server_url: str, token: str | None) -> bool:
    """Add the panel's entry points to ``window`` (a MainWindow); False for an agent."""
    if getattr(window.agent, "role", "agent") not in SUPERVISOR_ROLES or not server_url:
        return False
    from agentdesk.ui.mainwindow import Command

    text = tr("SupervisorPanel", "Supervisor panel")

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
    button = QPushButton(text)
    button.setFlat(True)
    button.setToolTip(f"{text} ({SHORTCUT})")
    button.clicked.connect(open_panel)
    window.statusBar().addPermanentWidget(button)
    window.open_supervisor_panel = open_panel
    return True
