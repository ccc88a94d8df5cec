"""The panel's list tabs: alerts (red / yellow, acknowledge), the live agent board, the approval
inbox (one-click approve within the limit, reject / escalate with a reason) and the audit viewer."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agentdesk.ui.supervisor.qtx import QInputDialog
from agentdesk.ui.supervisor.tables import fill, make_table, selected_keys, set_headers

LEVEL_COLOURS = {"red": "#ffcdd2", "yellow": "#fff59d"}
STATE_COLOURS = {"online": "#c8e6c9", "away": "#fff9c4", "offline": None}


def duration(seconds: float) -> str:
    from datetime import timedelta

    from agentdesk.ui.sla_view import format_remaining

    return format_remaining(timedelta(seconds=abs(seconds)))


class AlertsView(Retranslatable, QWidget):
    acknowledge = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alerts: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.table = make_table([""] * 6, self)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary, 1)
        self.ack = QPushButton()
        self.ack.clicked.connect(self._ack)
        row.addWidget(self.ack)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.rule_names = {
            "complaint_rate_rise": self.tr("Complaint rate up against the last 7 days"),
            "first_response_over": self.tr("Average first response today"),
            "p1_breach_soon": self.tr("P1 about to breach its SLA"),
            "queue_over_capacity": self.tr("Waiting tickets over capacity"),
        }
        set_headers(
            self.table,
            [
                self.tr("Level"),
                self.tr("Team"),
                self.tr("Alert"),
                self.tr("Now"),
                self.tr("Raised"),
                self.tr("Acknowledged by"),
            ],
        )
        self.ack.setText(self.tr("Acknowledge"))
        self.show_alerts(self._alerts)

    def show_alerts(self, alerts: list[dict[str, Any]]) -> None:
        self._alerts = alerts
        levels = {"red": self.tr("RED"), "yellow": self.tr("YELLOW")}
        rows = [
            (
                a["id"],
                [
                    levels.get(a["level"], a["level"]),
                    a.get("team_name") or a["team_id"],
                    self.rule_names.get(a["rule"], a["rule"]),
                    self.describe(a),
                    (a.get("raised_at") or "")[:19].replace("T", " "),
                    a.get("acked_by") or "",
                ],
            )
            for a in alerts
        ]
        fill(self.table, rows, [LEVEL_COLOURS.get(a["level"]) for a in alerts])
        red = sum(1 for a in alerts if a["level"] == "red")
        self.summary.setText(
            self.tr("%1 red, %2 yellow").replace("%1", str(red)).replace("%2", str(len(alerts) - red))
        )

    def describe(self, alert: dict[str, Any]) -> str:
        """The alert's figure in words a lead reads at a glance."""
        value, detail, rule = float(alert["value"]), alert.get("detail") or {}, alert["rule"]
        if rule == "p1_breach_soon":
            ticket = detail.get("ticket_id") or ""
            if value <= 0:
                return self.tr("%1 overdue by %2").replace("%1", ticket).replace("%2", duration(-value))
            return self.tr("%1 due in %2").replace("%1", ticket).replace("%2", duration(value))
        if rule == "first_response_over":
            return (
                self.tr("%1 (limit %2)")
                .replace("%1", duration(value))
                .replace("%2", duration(alert["threshold"]))
            )
        if rule == "complaint_rate_rise":
            return (
                self.tr("+%1 % (%2 % against %3 %)")
                .replace("%1", f"{value:.0f}")
                .replace("%2", f"{detail.get('rate_pct', 0):.1f}")
                .replace("%3", f"{detail.get('baseline_pct', 0):.1f}")
            )
        if rule == "queue_over_capacity":
            return (
                self.tr("%1 waiting, capacity %2")
                .replace("%1", str(detail.get("queue")))
                .replace("%2", str(detail.get("capacity")))
            )
        return f"{value:g}"

    def _ack(self) -> None:
        for key in selected_keys(self.table):
            self.acknowledge.emit(int(key))


class BoardView(Retranslatable, QWidget):
    """Who is online, away or offline, and how many open tickets each holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agents: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.table = make_table([""] * 4, self)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        set_headers(
            self.table, [self.tr("Agent"), self.tr("State"), self.tr("Open tickets"), self.tr("Last seen")]
        )
        self.show_board(self._agents)

    def show_board(self, agents: list[dict[str, Any]]) -> None:
        self._agents = agents
        states = {"online": self.tr("online"), "away": self.tr("away"), "offline": self.tr("offline")}
        order = {"online": 0, "away": 1, "offline": 2}
        agents = sorted(agents, key=lambda a: (order.get(a.get("state"), 3), -(a.get("open") or 0)))
        rows = [
            (
                a["agent_id"],
                [
                    a.get("name") or a["agent_id"],
                    states.get(a.get("state"), a.get("state")),
                    a.get("open"),
                    (a.get("last_seen_at") or "")[:19].replace("T", " "),
                ],
            )
            for a in agents
        ]
        fill(self.table, rows, [STATE_COLOURS.get(a.get("state")) for a in agents])


class InboxView(Retranslatable, QWidget):
    decide = Signal(str, str, str)  # approval id, decision, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: dict[str, dict[str, Any]] = {}
        layout = QVBoxLayout(self)
        self.table = make_table([""] * 6, self)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        self.approve = QPushButton()
        self.approve.clicked.connect(lambda: self._decide("approve"))
        self.reject = QPushButton()
        self.reject.clicked.connect(lambda: self._decide("reject"))
        self.escalate = QPushButton()
        self.escalate.clicked.connect(lambda: self._decide("escalate"))
        for b in (self.approve, self.reject, self.escalate):
            row.addWidget(b)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        set_headers(
            self.table,
            [
                self.tr("Ticket"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Requested by"),
                self.tr("Within your limit"),
            ],
        )
        self.approve.setText(self.tr("Approve"))
        self.reject.setText(self.tr("Reject…"))
        self.escalate.setText(self.tr("Escalate…"))
        self.show_approvals(list(self.items.values()))

    def show_approvals(self, approvals: list[dict[str, Any]]) -> None:
        self.items = {a["id"]: a for a in approvals}
        yes, no = self.tr("yes"), self.tr("no — escalate")
        kinds = {"refund": self.tr("Refund"), "compensation": self.tr("Compensation")}
        rows = [
            (
                a["id"],
                [
                    a.get("ticket_subject") or a.get("ticket_id"),
                    kinds.get(str(a.get("kind")), a.get("kind")),
                    f"{a.get('amount')} {a.get('currency') or ''}".strip(),
                    a.get("reason"),
                    a.get("requested_by"),
                    yes if a.get("within_your_limit") else no,
                ],
            )
            for a in approvals
        ]
        fill(self.table, rows, [None if a.get("within_your_limit") else "#ffe0b2" for a in approvals])
        self._selection()

    def _selection(self) -> None:
        keys = selected_keys(self.table)
        item = self.items.get(keys[0]) if keys else None
        within = bool(item and item.get("within_your_limit"))
        self.approve.setEnabled(within)
        self.reject.setEnabled(item is not None)
        self.escalate.setEnabled(item is not None)
        self.note.setText(
            ""
            if item is None or within
            else self.tr("Above your one-step limit (refund 5,000 / compensation 2,000): escalate it.")
        )

    def _decide(self, decision: str) -> None:
        keys = selected_keys(self.table)
        if not keys:
            return
        reason = ""
        if decision != "approve":
            reason, ok = QInputDialog.getText(
                self, self.tr("Reason"), self.tr("Why (kept in the audit log):")
            )
            if not ok or not reason.strip():
                return
        self.decide.emit(str(keys[0]), decision, reason.strip())


AUDIT_ACTIONS = (
    "",
    "approval.decide",
    "approval.request",
    "reassign",
    "bulk.assign",
    "bulk.close",
    "alert.ack",
    "reveal",
)


class AuditView(Retranslatable, QWidget):
    search = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.action = QComboBox()
        self.action.setEditable(True)
        for value in AUDIT_ACTIONS:
            self.action.addItem(value, value)
        self.actor = QLineEdit()
        self.entity_id = QLineEdit()
        self.since = QLineEdit()
        self.go = QPushButton()
        self.go.clicked.connect(self.request)
        for w in (self.action, self.actor, self.entity_id, self.since, self.go):
            filters.addWidget(w)
        layout.addLayout(filters)
        self.table = make_table([""] * 6, self)
        layout.addWidget(self.table)
        self.retranslate()

    def action_labels(self) -> dict[str, str]:
        """What the audit log's action codes mean (the code itself is what the gateway filters on)."""
        return {
            "": self.tr("any action"),
            "approval.decide": self.tr("Approval decided"),
            "approval.request": self.tr("Approval requested"),
            "reassign": self.tr("Reassigned"),
            "bulk.assign": self.tr("Bulk assign"),
            "bulk.tag": self.tr("Bulk tag"),
            "bulk.priority": self.tr("Bulk priority"),
            "bulk.close": self.tr("Bulk close"),
            "alert.ack": self.tr("Alert acknowledged"),
            "reveal": self.tr("Personal data revealed"),
            "reveal_denied": self.tr("Personal data refused"),
            "transfer": self.tr("Transferred"),
            "customer.update": self.tr("Customer updated"),
            "privacy_erase": self.tr("Personal data erased"),
            "upstream_failed": self.tr("Upstream sync failed"),
        }

    def retranslate(self) -> None:
        labels = self.action_labels()
        for i in range(self.action.count()):
            code = self.action.itemData(i)
            if code in labels:
                self.action.setItemText(i, labels[code])
        self.actor.setPlaceholderText(self.tr("who (agent id)"))
        self.entity_id.setPlaceholderText(self.tr("ticket / approval id"))
        self.since.setPlaceholderText(self.tr("since (2026-11-01T00:00:00Z)"))
        self.go.setText(self.tr("Search"))
        set_headers(
            self.table,
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("On"),
                self.tr("Why"),
                self.tr("Detail"),
            ],
        )
        self.show_entries(self._entries)

    def filters(self) -> dict[str, str]:
        action = (
            self.action.currentData()
            if self.action.currentText() == self.action.itemText(self.action.currentIndex())
            else self.action.currentText()
        )
        return {
            "action": (action or "").strip(),
            "actor_id": self.actor.text().strip(),
            "entity_id": self.entity_id.text().strip(),
            "since": self.since.text().strip(),
        }

    def request(self) -> None:
        self.search.emit(self.filters())

    def show_entries(self, entries: list[dict[str, Any]]) -> None:
        self._entries = entries
        labels = self.action_labels()
        rows = []
        for e in entries:
            detail = e.get("detail") or {}
            detail = ", ".join(f"{k}={v}" for k, v in detail.items() if k != "mutation_id")
            rows.append(
                (
                    e["id"],
                    [
                        (e.get("at") or "")[:19].replace("T", " "),
                        e.get("actor_id"),
                        labels.get(str(e.get("action")), e.get("action")),
                        f"{e.get('entity') or ''} {e.get('entity_id') or ''}".strip(),
                        e.get("reason") or "",
                        detail,
                    ],
                )
            )
        fill(self.table, rows)
