"""Staffing chart for the day: the forecast from recent arrivals and the agents Erlang C asks for."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.qt import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from agentdesk.ui.supervisor.charts import StaffingChart
from agentdesk.ui.supervisor.qtx import QSpinBox


class StaffingView(Retranslatable, QWidget):
    recompute = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setValue(7)
        self.aht = QSpinBox()
        self.aht.setRange(10, 7200)
        self.aht.setValue(600)
        self.target = QDoubleSpinBox()
        self.target.setRange(0.5, 0.99)
        self.target.setSingleStep(0.05)
        self.target.setValue(0.8)
        self.within = QSpinBox()
        self.within.setRange(5, 3600)
        self.within.setValue(20)
        self.labels: list[QLabel] = []
        for w in (self.days, self.aht, self.target, self.within):
            label = QLabel()
            label.setBuddy(w)
            self.labels.append(label)
            row.addWidget(label)
            row.addWidget(w)
        self.go = QPushButton()
        self.go.clicked.connect(self.request)
        row.addWidget(self.go)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart = StaffingChart(self)
        layout.addWidget(self.chart, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("History (days)"),
            self.tr("Handle time"),
            self.tr("Service level"),
            self.tr("answered within"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        seconds = self.tr(" s")
        self.aht.setSuffix(seconds)
        self.within.setSuffix(seconds)
        self.go.setText(self.tr("Recompute"))
        if self._plan is not None:
            self.show_plan(self._plan)

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
        self._plan = plan
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
