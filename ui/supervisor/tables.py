"""Small helpers for the panel's read-only tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agentdesk.ui.qt import QAbstractItemView, QBrush, QColor, QHeaderView, Qt, QWidget
from agentdesk.ui.supervisor.qtx import QTableWidget, QTableWidgetItem

ROW_KEY = Qt.ItemDataRole.UserRole


def make_table(headers: Sequence[str], parent: QWidget | None = None, *, multi: bool = False) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if headers:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setAlternatingRowColors(True)
    return table


def set_headers(table: QTableWidget, headers: Sequence[str]) -> None:
    """Relabel the columns (after a language change) without touching the rows."""
    if table.columnCount() != len(headers):
        table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def fill(
    table: QTableWidget,
    rows: Sequence[tuple[Any, Sequence[Any]]],
    colours: Sequence[str | None] | None = None,
) -> None:
    """``rows``: (key kept on column 0, cell values). Keeps the selected keys selected."""
    selected = set(selected_keys(table))
    table.setSortingEnabled(False)
    # Fit the columns once at the end: with ResizeToContents on, every replaced cell re-measures
    # its whole column (200 tickets took 30 s per refresh, longer than the 2 s refresh itself).
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(table.columnCount())]
    for i in range(len(modes)):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
    table.setRowCount(len(rows))
    for r, (key, cells) in enumerate(rows):
        for c, value in enumerate(cells):
            item = QTableWidgetItem(fmt(value))
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0:
                item.setData(ROW_KEY, key)
            if colours and colours[r]:
                item.setBackground(QBrush(QColor(colours[r])))
            table.setItem(r, c, item)
        if key in selected:
            table.selectRow(r)
    for i, mode in enumerate(modes):
        header.setSectionResizeMode(i, mode)


def selected_keys(table: QTableWidget) -> list[Any]:
    rows = (
        sorted({index.row() for index in table.selectionModel().selectedRows()})
        if table.selectionModel()
        else []
    )
    keys = []
    for r in rows:
        item = table.item(r, 0)
        if item is not None:
            keys.append(item.data(ROW_KEY))
    return keys
