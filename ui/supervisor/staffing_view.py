"""Staffing chart for the day: the forecast from recent arrivals and the agents Erlang C asks for."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.qt import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from agentdesk.ui.supervisor.charts import StaffingChart
from agentdesk.ui.supervisor.qtx import QSpinBox


class StaffingView(QWidget):
    recompute = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setValue(7)
        self.aht = QSpinBox()
        self.aht.setRange(10, 7200)
        self.aht.setValue(600)
        self.aht.setSuffix(" s")
        self.target = QDoubleSpinBox()
        self.target.setRange(0.5, 0.99)
        self.target.setSingleStep(0.05)
        self.target.setValue(0.8)
        self.within = QSpinBox()
        self.within.setRange(5, 3600)
        self.within.setValue(20)
        self.within.setSuffix(" s")
        for label, w in (
            (self.tr("History (days)"), self.days),
            (self.tr("Handle time"), self.aht),
            (self.tr("Service level"), self.target),
            (self.tr("answered within"), self.within),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        go = QPushButton(self.tr("Recompute"))
        go.clicked.connect(self.request)
        row.addWidget(go)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart = StaffingChart(self)
        layout.addWidget(self.chart, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)

    def params(self) -> dict[str, Any]:
        return {
            "days": self.days.value(),
            "aht_seconds": float(self.aht.value()),
            "target": round(self.target.value(), 2),
            "within_seconds": float(self.within.value()),
        }

    def request(self) -> None:
        self.recompute.emit(self.params())

    def show_plan(self, plan: dict[str, Any]) -> None:
        hours = plan.get("hours") or []
        arrivals = [h["arrivals"] for h in hours]
        agents = [h["agents"] for h in hours]
        self.chart.show_plan(
            self.tr("Today's staffing (UTC hours)"),
            self.tr("Forecast tickets per hour"),
            self.tr("Agents needed (Erlang C)"),
            arrivals,
            agents,
        )
        peak = max(hours, key=lambda h: h["agents"]) if hours else None
        self.summary.setText(
            self.tr("Peak: %1 agents at %2:00 for %3 tickets/hour.")
            .replace("%1", str(peak["agents"]))
            .replace("%2", f"{peak['hour']:02d}")
            .replace("%3", f"{peak['arrivals']:.1f}")
            if peak
            else ""
        )
