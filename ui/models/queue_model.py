"""The ticket queue: P1 first, then the most urgent SLA; the SLA column counts down each second."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from agentdesk.timeutil import utcnow
from agentdesk.ui import theme
from agentdesk.ui.data import QueueRow
from agentdesk.ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt, QTimer
from agentdesk.ui.sla_view import Countdown, countdown, format_remaining

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COL_PRIORITY, COL_SLA, COL_NUMBER, COL_SUBJECT, COL_CUSTOMER, COL_STATUS = range(6)
_TIER_ORDER = {"P1": 0, "P2": 1, "P3": 2}


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._clocks: list[Countdown] = []
        self._pending: frozenset[str] = frozenset()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_countdowns)
        self._tick.start()
        self.clock_offset = 0.0  # server minus local seconds (SLA shows the server's clock)

    def now(self) -> datetime:
        from datetime import timedelta

        return utcnow() + timedelta(seconds=self.clock_offset)

    def set_rows(self, rows: list[QueueRow], pending: frozenset[str] = frozenset()) -> None:
        now = self.now()
        clocks = [countdown(r, now) for r in rows]
        order = sorted(
            range(len(rows)),
            key=lambda i: (
                _TIER_ORDER.get(rows[i].priority, 3),
                clocks[i].due or datetime.max.replace(tzinfo=now.tzinfo),
            ),
        )
        self.beginResetModel()
        self._rows = [rows[i] for i in order]
        self._clocks = [clocks[i] for i in order]
        self._pending = pending
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == ticket_id), -1)

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def _refresh_countdowns(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_SLA),
                self.index(len(self._rows) - 1, COL_SLA),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    # ---- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Pri"),
            self.tr("SLA"),
            self.tr("No."),
            self.tr("Subject"),
            self.tr("Customer"),
            self.tr("Status"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_PRIORITY:
                return r.priority
            if col == COL_SLA:
                clock = self._clocks[index.row()]
                if clock.paused:
                    return self.tr("paused")
                return format_remaining(clock.remaining(self.now()))
            if col == COL_NUMBER:
                return f"#{r.number}" + (" ⟳" if r.id in self._pending else "")
            if col == COL_SUBJECT:
                return r.subject
            if col == COL_CUSTOMER:
                return r.customer_name + (" ★" if r.customer_tier.upper() == "VIP" else "")
            if col == COL_STATUS:
                return status_label(r.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_PRIORITY:
                return theme.color(theme.PRIORITY_COLORS, r.priority)
            if col == COL_SLA:
                return theme.color(theme.SLA_COLORS, self._clocks[index.row()].state(self.now()))
        if role == Qt.ItemDataRole.FontRole and col in (COL_PRIORITY, COL_SLA):
            font = QFont()
            font.setBold(col == COL_PRIORITY or self._clocks[index.row()].state(self.now()) == "breached")
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SLA:
            clock = self._clocks[index.row()]
            which = self.tr("First response due") if clock.first_response else self.tr("Resolution due")
            due = clock.due.astimezone().strftime("%Y-%m-%d %H:%M") if clock.due else "—"
            return f"{which}: {due}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{r.priority} #{r.number} {r.subject}"
        if role == SORT_ROLE:
            if col == COL_PRIORITY:
                return _TIER_ORDER.get(r.priority, 3)
            if col == COL_SLA:
                due = self._clocks[index.row()].due
                return due.timestamp() if due else float("inf")
            if col == COL_NUMBER:
                return r.number
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


def status_label(status: str) -> str:
    from agentdesk.ui.qt import QCoreApplication

    labels = {
        "new": QCoreApplication.translate("status", "New"),
        "open": QCoreApplication.translate("status", "Open"),
        "pending": QCoreApplication.translate("status", "Pending"),
        "on_hold": QCoreApplication.translate("status", "On hold"),
        "solved": QCoreApplication.translate("status", "Solved"),
        "closed": QCoreApplication.translate("status", "Closed"),
    }
    return labels.get(status, status)
