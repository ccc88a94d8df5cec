"""QtCharts views: KPI bars per row of the drill-down, and the staffing day."""

from __future__ import annotations

from collections.abc import Sequence

from agentdesk.ui.qt import QColor, Qt, QWidget
from agentdesk.ui.supervisor.qtx import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QPainter,
    QValueAxis,
)


def _reset(chart: QChart, title: str) -> QChart:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(title)
    return chart


class KpiBars(QChartView):
    """Percent KPIs (CSAT, FCR, SLA) side by side for each team / agent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def show_rows(self, title: str, labels: Sequence[str], series: dict[str, Sequence[float | None]]) -> None:
        chart = _reset(self._chart, title)
        bars = QBarSeries()
        palette = ["#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a"]
        for i, (name, values) in enumerate(series.items()):
            s = QBarSet(name)
            s.setColor(QColor(palette[i % len(palette)]))
            for v in values:
                s.append(float(v or 0.0))
            bars.append(s)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append([label[:18] for label in labels])
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d%%")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)


class StaffingChart(QChartView):
    """Forecast arrivals per hour (bars) and Erlang C agents needed (line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)

    def show_plan(
        self,
        title: str,
        arrivals_label: str,
        agents_label: str,
        arrivals: Sequence[float],
        agents: Sequence[int],
    ) -> None:
        chart = _reset(self._chart, title)
        bars = QBarSeries()
        s = QBarSet(arrivals_label)
        s.setColor(QColor("#90caf9"))
        for v in arrivals:
            s.append(float(v))
        bars.append(s)
        line = QLineSeries()
        line.setName(agents_label)
        line.setColor(QColor("#c62828"))
        for hour, n in enumerate(agents):
            line.append(hour, float(n))
        chart.addSeries(bars)
        chart.addSeries(line)
        x = QBarCategoryAxis()
        x.append([f"{h:02d}" for h in range(len(arrivals))])
        top = max([*arrivals, *[float(a) for a in agents], 4.0])
        y = QValueAxis()
        y.setRange(0, top * 1.15)
        y.applyNiceNumbers()
        y.setLabelFormat("%.0f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, line):
            series.attachAxis(x)
            series.attachAxis(y)
