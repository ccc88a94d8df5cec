"""KPI tiles: a figure, its target, and green / red / grey for met / missed / no data."""

from __future__ import annotations

import html
from dataclasses import dataclass

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.qt import QFrame, QLabel, Qt, QVBoxLayout, QWidget

COLOURS = {True: "#1b7f3a", False: "#c62828", None: "#6b6b6b"}


@dataclass(frozen=True)
class TileSpec:
    kpi: str
    unit: str = ""
    goal: float | None = None
    higher_is_better: bool = True
    scale: float = 1.0  # shown value = raw * scale (seconds -> minutes)

    def met(self, value: float | None) -> bool | None:
        if value is None or self.goal is None:
            return None
        return value >= self.goal if self.higher_is_better else value <= self.goal


class KpiTile(Retranslatable, QFrame):
    def __init__(self, title: str, spec: TileSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #555; font-size: 9pt;")
        self.value = QLabel("—")
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.target = QLabel("")
        self.target.setStyleSheet("color: #777; font-size: 8pt;")
        for w in (self.title, self.value, self.target):
            layout.addWidget(w)
        self._raw: float | int | None = None
        self.retranslate()

    def unit(self) -> str:
        return {" min": self.tr(" min"), " h": self.tr(" h")}.get(self.spec.unit, self.spec.unit)

    def retranslate(self) -> None:
        spec = self.spec
        if spec.goal is not None:
            sign = "≥" if spec.higher_is_better else "≤"
            self.target.setText(self.tr("target %1").replace("%1", f"{sign} {spec.goal:g}{self.unit()}"))
        self.set_value(self._raw)

    def set_value(self, raw: float | int | None) -> None:
        self._raw = raw
        value = None if raw is None else float(raw) * self.spec.scale
        if value is None:
            self.value.setText("—")
        elif self.spec.unit == "" and float(value).is_integer():
            self.value.setText(f"{int(value):,}")
        elif self.spec.unit.startswith(" "):  # a word ("分钟"): smaller than the figure, so it fits
            unit = html.escape(self.unit())
            self.value.setText(f"{value:,.1f}<span style='font-size: 11pt; font-weight: 400'>{unit}</span>")
        else:
            self.value.setText(f"{value:,.1f}{self.spec.unit}")
        colour = COLOURS[self.spec.met(value)]
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: 600; color: {colour};")
        self.setStyleSheet(f"#kpiTile {{ border-left: 4px solid {colour}; }}")
