"""The queue: my tickets / my team / all open, a text and priority filter, sortable columns."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.data import QueueRow, QueueView
from agentdesk.ui.i18n import Retranslatable, retranslate_tab_bar
from agentdesk.ui.models.queue_model import (
    COL_CUSTOMER,
    COL_NUMBER,
    COL_PRIORITY,
    COL_SLA,
    COL_STATUS,
    COL_SUBJECT,
    ROW_ROLE,
    PreparedRows,
    QueueModel,
)
from agentdesk.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

VIEWS: tuple[QueueView, ...] = ("mine", "team", "all")
# Qt 6.10 replaced invalidateFilter() (deprecated) by begin/endFilterChange(); pyproject allows 6.7.
_FILTER_CHANGE_API = hasattr(QSortFilterProxyModel, "endFilterChange")


class QueueFilter(QSortFilterProxyModel):
    """Filters the queue; sorting is the model's (QueueModel.sort: Python keys, no data() per compare)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.priority = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)  # this proxy keeps the model's order

    def set_filter(self, text: str, priority: str) -> None:
        if not _FILTER_CHANGE_API:
            self.text, self.priority = text.strip().lower(), priority
            self.invalidateRowsFilter()  # Qt < 6.10; only rows are filtered here
            return
        self.beginFilterChange()
        self.text, self.priority = text.strip().lower(), priority
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.text and not self.priority:
            return True  # no filter: inserting 5,000 rows calls this once per row on the UI thread
        row: QueueRow | None = self.sourceModel().row_at(source_row)  # type: ignore[attr-defined]
        if row is None:
            return False
        if self.priority and row.priority != self.priority:
            return False
        if not self.text:
            return True
        hay = f"{row.number} {row.subject} {row.customer_name} {' '.join(row.tags)}".lower()
        return all(word in hay for word in self.text.split())


class QueuePanel(Retranslatable, QWidget):
    DEFAULT_VIEW: QueueView = "mine"
    ticket_chosen = Signal(str)
    view_changed = Signal(str)

    def __init__(self, agent: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent = agent
        self.view: QueueView = self.DEFAULT_VIEW
        self.tabs = QTabWidget()
        self.tabs.setObjectName("queueTabs")
        self.tabs.setDocumentMode(True)
        for _view in VIEWS:
            self.tabs.addTab(QWidget(), "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.priority = QComboBox()
        for text, value in (("", ""), ("P1", "P1"), ("P2", "P2"), ("P3", "P3")):
            self.priority.addItem(text, value)
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.visible_rows = self._visible_source_rows  # the SLA column ticks for these only
        self.filter.textChanged.connect(self._refilter)
        self.priority.currentIndexChanged.connect(self._refilter)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setHighlightSections(False)
        header = self.table.horizontalHeader()
        for col, width in (
            (COL_PRIORITY, 34),
            (COL_SLA, 76),
            (COL_NUMBER, 72),
            (COL_CUSTOMER, 120),
            (COL_STATUS, 64),
        ):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(COL_PRIORITY, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._activated(cur))
        self.count = QLabel("")
        self.count.setObjectName("hint")
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.priority)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(self.tabs)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setAccessibleName(self.tr("Queue view"))
        for i, label in enumerate((self.tr("My tickets"), self.tr("My team"), self.tr("All open"))):
            self.tabs.setTabText(i, label)
        self.tabs.setMaximumHeight(self.tabs.tabBar().sizeHint().height())
        retranslate_tab_bar(self.tabs)
        self.filter.setPlaceholderText(self.tr("Filter: number, subject, customer, tag"))
        self.filter.setAccessibleName(self.tr("Filter the queue"))
        self.priority.setAccessibleName(self.tr("Priority filter"))
        self.priority.setItemText(0, self.tr("All priorities"))
        self.table.setAccessibleName(self.tr("Tickets"))
        self._update_count()
        # the model is no widget (no LanguageChange of its own): its headers and status words
        columns, rows = self.model.columnCount(), self.model.rowCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(rows - 1, columns - 1))

    def set_view(self, view: QueueView) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(view))
        self.focus_list()

    def _tab_changed(self, index: int) -> None:
        self.view = VIEWS[index]
        self.view_changed.emit(self.view)

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filter(self.filter.text(), self.priority.currentData() or "")
        self._update_count()

    def show_rows(self, rows: list[QueueRow] | PreparedRows, pending: frozenset[str]) -> None:
        current = self.current_ticket_id()
        self.model.set_rows(rows, pending)
        if current:
            row = self.model.row_of(current)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.selectionModel().blockSignals(False)
        self._update_count()

    def _visible_source_rows(self) -> tuple[int, int] | None:
        if not self.table.isVisible():
            return None
        top = self.table.rowAt(0)
        if top < 0:
            return None
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        bottom = self.proxy.rowCount() - 1 if bottom < 0 else bottom
        # the proxy keeps the model's order: a run of shown rows is within this span of the model
        first = self.proxy.mapToSource(self.proxy.index(top, 0)).row()
        last = self.proxy.mapToSource(self.proxy.index(bottom, 0)).row()
        return first, last

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("%n ticket(s)", "", total)
            if shown == total
            else self.tr("%1 of %2 tickets").replace("%1", str(shown)).replace("%2", str(total))
        )
        self.count.setText(text)

    def current_ticket_id(self) -> str | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.id if row else None

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.ticket_chosen.emit(row.id)

    def focus_list(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()
