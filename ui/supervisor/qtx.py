"""Qt names the supervisor panel needs beyond agentdesk.ui.qt (charts, table widgets, input
dialogs): the panel imports Qt from here and from agentdesk.ui.qt only."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

__all__ = [
    "QBarCategoryAxis",
    "QBarSeries",
    "QBarSet",
    "QChart",
    "QChartView",
    "QGridLayout",
    "QInputDialog",
    "QLineSeries",
    "QPainter",
    "QSpinBox",
    "QTableWidget",
    "QTableWidgetItem",
    "QValueAxis",
]
