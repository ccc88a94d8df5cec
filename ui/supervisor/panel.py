"""The supervisor panel: dashboard with drill-down, alerts, live agent board, approvals, audit
log and staffing, refreshed every few seconds. Every gateway call runs off the UI thread
(``tasks.run``); failures show inline in the status line, never as a pop-up storm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agentdesk.ui.i18n import Retranslatable, retranslate_tab_bar
from agentdesk.ui.qt import QLabel, QTabWidget, QTimer, QVBoxLayout, QWidget
from agentdesk.ui.supervisor import tasks
from agentdesk.ui.supervisor.client import SupervisorClient
from agentdesk.ui.supervisor.dashboard_view import DashboardView
from agentdesk.ui.supervisor.lists import AlertsView, AuditView, BoardView, InboxView
from agentdesk.ui.supervisor.staffing_view import StaffingView

REFRESH_MS = 2000  # alerts must reach the lead within 5 s of the data


def board_data(client: SupervisorClient) -> list[dict[str, Any]]:
    """Presence joined with each agent's open tickets (from the team drill-downs)."""
    agents = client.presence()
    open_by_agent: dict[str, int] = {}
    for team in client.dashboard(days=30).get("teams") or []:
        for a in client.dashboard(days=30, team_id=team["team_id"]).get("agents") or []:
            if a.get("agent_id"):
                open_by_agent[a["agent_id"]] = open_by_agent.get(a["agent_id"], 0) + int(
                    a["kpis"].get("open") or 0
                )
    return [{**a, "open": open_by_agent.get(a["agent_id"], 0)} for a in agents]


class SupervisorPanel(Retranslatable, QWidget):
    def __init__(self, client: SupervisorClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.setObjectName("supervisorPanel")
        self._alerts: list[dict[str, Any]] = []
        self._error: BaseException | None = None  # the last call's failure, until a call succeeds
        self._notice: Callable[[], str] | None = None  # an action's outcome, until the next action
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.dashboard = DashboardView(self)
        self.alerts = AlertsView(self)
        self.board = BoardView(self)
        self.inbox = InboxView(self)
        self.audit = AuditView(self)
        self.staffing = StaffingView(self)
        for widget in (self.dashboard, self.alerts, self.board, self.inbox, self.audit, self.staffing):
            self.tabs.addTab(widget, "")
        layout.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setObjectName("errorLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.retranslate()
        self.dashboard.level_changed.connect(self.load_dashboard)
        self.dashboard.bulk_requested.connect(self.run_bulk)
        self.alerts.acknowledge.connect(self.ack_alert)
        self.inbox.decide.connect(self.decide)
        self.audit.search.connect(self.load_audit)
        self.staffing.recompute.connect(self.load_staffing)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.resize(1400, 860)
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("AgentDesk — supervisor"))
        titles = (
            self.tr("Dashboard"),
            self.tr("Alerts"),
            self.tr("Agents"),
            self.tr("Approvals"),
            self.tr("Audit log"),
            self.tr("Staffing"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        retranslate_tab_bar(self.tabs)
        self._alerts_title()
        self._show_status()

    def _alerts_title(self) -> None:
        alerts, title = self._alerts, self.tr("Alerts")
        red = any(a["level"] == "red" for a in alerts)
        self.tabs.setTabText(1, f"{title} ({len(alerts)})" + (" ●" if red else "") if alerts else title)

    # -- loading ---------------------------------------------------------------------------------
    def _call(self, fn: Any, done: Any) -> None:
        def ok(result: Any) -> None:
            if self._error is not None:
                self._error = None
                self._show_status()
            done(result)

        tasks.run(self, fn, ok, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._show_status()

    def _show_status(self) -> None:
        """The status line: the last failure, else the last action's outcome (in today's language)."""
        from agentdesk.errors import GatewayRefused, GatewayUnreachable

        error = self._error
        if error is None:
            self.status.setText(self._notice() if self._notice is not None else "")
        elif isinstance(error, GatewayRefused):
            self.status.setText(self.tr("The gateway refused: %1").replace("%1", str(error)))
        elif isinstance(error, GatewayUnreachable):
            # the client's own wording is English; the cause's type is enough for IT
            name = type(error.__cause__ or error).__name__
            self.status.setText(self.tr("The gateway did not answer (%1).").replace("%1", name))
        else:
            self.status.setText(self.tr("Something went wrong: %1").replace("%1", str(error)))

    def refresh(self) -> None:
        self.load_alerts()
        current = self.tabs.currentWidget()
        if current is self.dashboard:
            self.load_dashboard()
        elif current is self.board:
            self._call(lambda: board_data(self.client), self.board.show_board)
        elif current is self.inbox:
            self._call(self.client.approvals, self.inbox.show_approvals)
        elif current is self.audit and self.audit.table.rowCount() == 0:
            self.load_audit(self.audit.filters())
        elif current is self.staffing and self.staffing.chart.chart().series() == []:
            self.load_staffing(self.staffing.params())

    def load_dashboard(self) -> None:
        q = self.dashboard.query()
        self._call(lambda: self.client.dashboard(**q), self.dashboard.show_data)

    def load_alerts(self) -> None:
        def show(alerts: list[dict[str, Any]]) -> None:
            self.alerts.show_alerts(alerts)
            self._alerts = alerts
            self._alerts_title()

        self._call(self.client.alerts, show)

    def load_audit(self, filters: dict[str, str]) -> None:
        self._call(lambda: self.client.audit(**filters), self.audit.show_entries)

    def load_staffing(self, params: dict[str, Any]) -> None:
        self._call(lambda: self.client.staffing(**params), self.staffing.show_plan)

    # -- actions ---------------------------------------------------------------------------------
    def ack_alert(self, alert_id: int) -> None:
        self._call(lambda: self.client.acknowledge(alert_id), lambda _r: self.load_alerts())

    def decide(self, approval_id: str, decision: str, reason: str) -> None:
        def done(_r: Any) -> None:
            self._notice = None
            self._show_status()
            self._call(self.client.approvals, self.inbox.show_approvals)

        self._call(lambda: self.client.decide(approval_id, decision, reason or None), done)

    def run_bulk(self, action: str, ticket_ids: list[str], reason: str, fields: dict[str, Any]) -> None:
        def done(result: dict[str, Any]) -> None:
            self.load_dashboard()
            applied, refused = str(result.get("applied", 0)), str(result.get("rejected") or 0)
            self._notice = (
                (lambda: self.tr("%1 applied, %2 refused").replace("%1", applied).replace("%2", refused))
                if result.get("rejected")
                else None
            )
            self._show_status()

        self._call(lambda: self.client.bulk(action, ticket_ids, reason, **fields), done)

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        super().closeEvent(event)
