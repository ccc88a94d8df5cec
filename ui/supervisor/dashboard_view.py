"""KPI tiles, a chart and the drill-down table: all teams -> one team's agents -> one agent's
tickets (where bulk actions work on the selected tickets)."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.queue_model import status_label
from agentdesk.ui.models.timeline_model import channel_label
from agentdesk.ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from agentdesk.ui.supervisor.charts import KpiBars
from agentdesk.ui.supervisor.qtx import QGridLayout, QInputDialog
from agentdesk.ui.supervisor.tables import fill, make_table, selected_keys
from agentdesk.ui.supervisor.tiles import KpiTile, TileSpec

TILES = (
    ("volume", TileSpec("volume")),
    ("first_response_avg_s", TileSpec("first_response_avg_s", " min", 10.0, False, 1 / 60)),
    ("resolution_avg_h", TileSpec("resolution_avg_h", " h", 18.0, False)),
    ("csat_pct", TileSpec("csat_pct", "%", 90.0)),
    ("fcr_pct", TileSpec("fcr_pct", "%", 85.0)),
    ("p1_within_5min_pct", TileSpec("p1_within_5min_pct", "%", 90.0)),
    ("sla_attainment_pct", TileSpec("sla_attainment_pct", "%")),
    ("complaint_rate_pct", TileSpec("complaint_rate_pct", "%")),
    ("nps", TileSpec("nps")),
)


class DashboardView(Retranslatable, QWidget):
    level_changed = Signal()
    bulk_requested = Signal(str, list, str, dict)  # action, ticket ids, reason, fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team: tuple[str, str] | None = None
        self.agent: tuple[str, str] | None = None
        self.days = 30
        self.scope = "teams"  # "all" for an admin (from the gateway's answer)
        self._data: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton()
        self.back.clicked.connect(self.go_up)
        self.crumbs = QLabel()
        self.crumbs.setObjectName("breadcrumbs")
        self.crumbs.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.window_box = QComboBox()
        for days in (1, 7, 30):
            self.window_box.addItem("", days)
        self.window_box.setCurrentIndex(2)
        self.window_box.currentIndexChanged.connect(self._window_changed)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #777;")
        top.addWidget(self.back)
        top.addWidget(self.crumbs, 1)
        top.addWidget(self.as_of)
        top.addWidget(self.window_box)
        layout.addLayout(top)
        grid = QGridLayout()
        self.tiles: dict[str, KpiTile] = {}
        for i, (kpi, spec) in enumerate(TILES):
            tile = KpiTile("", spec, self)
            self.tiles[kpi] = tile
            grid.addWidget(tile, 0, i)
        layout.addLayout(grid)
        self.chart = KpiBars(self)
        layout.addWidget(self.chart, 2)
        self.table = make_table([], self, multi=True)
        self.table.doubleClicked.connect(self._drill)
        layout.addWidget(self.table, 3)
        bar = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #777;")
        self.hint.setWordWrap(True)
        bar.addWidget(self.hint, 1)
        self.bulk_buttons: dict[str, QPushButton] = {}
        for action in ("assign", "tag", "priority", "close"):
            b = QPushButton()
            b.clicked.connect(lambda _=False, a=action: self._bulk(a))
            bar.addWidget(b)
            self.bulk_buttons[action] = b
        layout.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "volume": self.tr("Tickets"),
            "first_response_avg_s": self.tr("Avg first response"),
            "resolution_avg_h": self.tr("Avg resolution"),
            "csat_pct": self.tr("CSAT"),
            "fcr_pct": self.tr("First-contact resolution"),
            "p1_within_5min_pct": self.tr("P1 answered ≤ 5 min"),
            "sla_attainment_pct": self.tr("SLA attained"),
            "complaint_rate_pct": self.tr("Complaint rate"),
            "nps": self.tr("NPS"),
        }
        for kpi, tile in self.tiles.items():
            tile.title.setText(titles[kpi])
        self.back.setText(self.tr("◀ Back"))
        for i, label in enumerate((self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"))):
            self.window_box.setItemText(i, label)
        buttons = {
            "assign": self.tr("Assign…"),
            "tag": self.tr("Tag…"),
            "priority": self.tr("Priority…"),
            "close": self.tr("Close"),
        }
        for action, b in self.bulk_buttons.items():
            b.setText(buttons[action])
        self._update_chrome()
        if self._data is not None:
            self.show_data(self._data)

    # -- navigation ------------------------------------------------------------------------------
    def query(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "team_id": self.team[0] if self.team else None,
            "agent_id": self.agent[0] if self.agent else None,
        }

    def _window_changed(self) -> None:
        self.days = int(self.window_box.currentData())
        self.level_changed.emit()

    def go_up(self) -> None:
        if self.agent:
            self.agent = None
        elif self.team:
            self.team = None
        self._update_chrome()
        self.level_changed.emit()

    def _drill(self) -> None:
        keys = selected_keys(self.table)
        if not keys or self.agent:
            return
        key, name = keys[0]
        if self.team is None:
            self.team = (key, name)
        elif key:
            self.agent = (key, name)
        else:
            return
        self._update_chrome()
        self.level_changed.emit()

    def _update_chrome(self) -> None:
        parts = [self.tr("All teams") if self.scope == "all" else self.tr("My teams")]
        if self.team:
            parts.append(self.team[1])
        if self.agent:
            parts.append(self.agent[1])
        self.crumbs.setText("  ›  ".join(parts))
        self.back.setEnabled(self.team is not None)
        for b in self.bulk_buttons.values():
            b.setVisible(self.agent is not None)
        self.hint.setText(
            self.tr("Select tickets (Ctrl/Shift+click) for bulk actions.")
            if self.agent
            else self.tr("Double-click a row to drill down.")
        )

    # -- data ------------------------------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        self._data = data
        if data.get("scope") != self.scope:
            self.scope = str(data.get("scope") or "teams")
            self._update_chrome()
        total = data.get("total") or {}
        if self.agent is not None:  # the tiles follow the drill-down: this agent's own figures
            mine = [a for a in data.get("agents") or [] if a.get("agent_id") == self.agent[0]]
            total = mine[0]["kpis"] if mine else {}
        for kpi, tile in self.tiles.items():
            tile.set_value(total.get(kpi))
        self.as_of.setText(
            self.tr("%1 to %2").replace("%1", data["window"]["from"]).replace("%2", data["window"]["to"])
        )
        if self.agent is not None:
            self._show_tickets(data.get("tickets") or [])
            rows = data.get("by_channel") or {}
            self._chart(
                self.tr("%1 by channel").replace("%1", self.team[1] if self.team else ""),  # the team's
                [channel_label(str(channel)) for channel in rows],
                list(rows.values()),
            )
        elif self.team is not None:
            agents = data.get("agents") or []
            headers, rows = self._kpi_rows(
                self.tr("Agent"),
                [((a["agent_id"], a["name"] or self.tr("(unassigned)")), a["kpis"]) for a in agents],
            )
            self._headers(headers)
            fill(self.table, rows)
            self._chart(
                self.tr("Agents of %1").replace("%1", self.team[1]),
                [a["name"] or self.tr("(unassigned)") for a in agents],
                [a["kpis"] for a in agents],
            )
        else:
            teams = data.get("teams") or []
            headers, rows = self._kpi_rows(
                self.tr("Team"), [((t["team_id"], t["name"]), t["kpis"]) for t in teams]
            )
            self._headers(headers)
            fill(self.table, rows)
            self._chart(self.tr("Teams"), [t["name"] for t in teams], [t["kpis"] for t in teams])

    def _headers(self, headers: list[str], stretch: int = 0) -> None:
        from agentdesk.ui.qt import QHeaderView

        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        for i in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if i == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(i, mode)

    def _kpi_rows(self, first: str, items: list[tuple[Any, dict[str, Any]]]) -> tuple[list[str], list[Any]]:
        headers = [
            first,
            self.tr("Tickets"),
            self.tr("Open"),
            self.tr("First resp. (min)"),
            self.tr("Resolution (h)"),
            self.tr("CSAT %"),
            self.tr("FCR %"),
            self.tr("SLA %"),
            self.tr("Complaints %"),
        ]
        rows = []
        for key, k in items:
            frt = k.get("first_response_avg_s")
            rows.append(
                (
                    key,
                    [
                        key[1],
                        k.get("volume"),
                        k.get("open"),
                        None if frt is None else round(frt / 60, 1),
                        k.get("resolution_avg_h"),
                        k.get("csat_pct"),
                        k.get("fcr_pct"),
                        k.get("sla_attainment_pct"),
                        k.get("complaint_rate_pct"),
                    ],
                )
            )
        return headers, rows

    def _chart(self, title: str, labels: list[str], kpis: list[dict[str, Any]]) -> None:
        self.chart.show_rows(
            title,
            labels,
            {
                self.tr("CSAT %"): [k.get("csat_pct") for k in kpis],
                self.tr("FCR %"): [k.get("fcr_pct") for k in kpis],
                self.tr("SLA %"): [k.get("sla_attainment_pct") for k in kpis],
            },
        )

    def _show_tickets(self, tickets: list[dict[str, Any]]) -> None:
        headers = [
            self.tr("Ticket"),
            self.tr("Subject"),
            self.tr("Status"),
            self.tr("Priority"),
            self.tr("Channel"),
            self.tr("Created"),
            self.tr("First resp. (min)"),
            self.tr("CSAT"),
        ]
        self._headers(headers, stretch=1)
        rows = []
        for t in tickets:
            frt = t.get("first_response_s")
            rows.append(
                (
                    (t["ticket_id"], t.get("subject") or ""),
                    [
                        f"#{t['number']}" if t.get("number") else t["ticket_id"],
                        t.get("subject"),
                        status_label(str(t.get("status") or "")),
                        t.get("priority"),
                        channel_label(str(t.get("channel") or "")),
                        (t.get("created_at") or "")[:16].replace("T", " "),
                        None if frt is None else round(frt / 60, 1),
                        t.get("csat"),
                    ],
                )
            )
        fill(self.table, rows)

    # -- bulk ------------------------------------------------------------------------------------
    def _bulk(self, action: str) -> None:
        ids = [k[0] for k in selected_keys(self.table)]
        if not ids:
            return
        fields: dict[str, Any] = {}
        if action == "assign":
            agent, ok = QInputDialog.getText(self, self.tr("Assign"), self.tr("Agent id to assign to:"))
            if not ok or not agent.strip():
                return
            fields["agent_id"] = agent.strip()
        elif action == "tag":
            tag, ok = QInputDialog.getText(self, self.tr("Tag"), self.tr("Tag to add:"))
            if not ok or not tag.strip():
                return
            fields["add"] = [tag.strip()]
        elif action == "priority":
            priority, ok = QInputDialog.getItem(
                self, self.tr("Priority"), self.tr("New priority:"), ["P1", "P2", "P3"], 1, False
            )
            if not ok:
                return
            fields["priority"] = priority
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reason"),
            self.tr("Why (kept in the audit log) — %1 tickets:").replace("%1", str(len(ids))),
        )
        if ok and reason.strip():
            self.bulk_requested.emit(action, ids, reason.strip(), fields)
