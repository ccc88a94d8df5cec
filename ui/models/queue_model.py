"""The ticket queue: P1 first, then the most urgent SLA; the SLA column counts down each second."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from agentdesk.timeutil import utcnow
from agentdesk.ui import theme
from agentdesk.ui.data import QueueRow
from agentdesk.ui.qt import (
    QAbstractTableModel,
    QFont,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from agentdesk.ui.sla_view import Countdown, countdown, format_remaining

Index = QModelIndex | QPersistentModelIndex
Entry = tuple[QueueRow, Countdown]
# More separate runs of removed (or changed) rows than this in one reload: a reset (or one change
# over their span) instead; each removal makes the filter proxy and the view update their mappings.
MAX_RUNS = 32
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
COL_PRIORITY, COL_SLA, COL_NUMBER, COL_SUBJECT, COL_CUSTOMER, COL_STATUS = range(6)
_TIER_ORDER = {"P1": 0, "P2": 1, "P3": 2}
DEFAULT_SORT = (COL_PRIORITY, Qt.SortOrder.AscendingOrder)


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """A queue load with its SLA clocks, sorted by ``column`` in ``order`` (``prepare_rows``)."""

    rows: list[QueueRow]
    clocks: list[Countdown]
    column: int
    order: Qt.SortOrder


def prepare_rows(
    rows: list[QueueRow],
    now: datetime,
    column: int = DEFAULT_SORT[0],
    order: Qt.SortOrder = DEFAULT_SORT[1],
    known: Mapping[str, Entry] | None = None,
) -> PreparedRows:
    """The per-row work of a load (SLA clocks, sort keys, the sort), for the store worker: on the
    UI thread a first load of 5,000 rows took 75-200 ms. ``known``: the model's current entries
    (an unchanged row keeps its clock, and a clock is shared by the rows with the same inputs)."""
    shared: dict[tuple[Any, ...], Countdown] | None = None if known else {}
    clocks: list[Countdown] = []
    for row in rows:
        before = known.get(row.id) if known else None
        if before is not None and before[0] == row and not before[1].paused:
            clocks.append(before[1])
            continue
        if shared is None:  # the first changed row: the known clocks, by their inputs
            shared = {_clock_inputs(r): c for r, c in (known or {}).values() if not c.paused}
        inputs = _clock_inputs(row)  # a clock is a function of a few fields: rows may share one
        clock = shared.get(inputs)
        if clock is None:
            clock = countdown(row, now)
            if not clock.paused:
                shared[inputs] = clock
        clocks.append(clock)
    key = _sort_key(column, now)
    ranked = sorted(
        range(len(rows)),
        key=lambda i: key(rows[i], clocks[i]),
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    return PreparedRows([rows[i] for i in ranked], [clocks[i] for i in ranked], column, order)


def preparer(model: QueueModel | None) -> Callable[[list[QueueRow]], PreparedRows]:
    """``prepare_rows`` for a load that ``model`` will show (its sort and server clock, read now on
    the UI thread), to run on the store worker; ``None``: a model not made yet (its defaults)."""
    column, order = model.sort_column() if model is not None else DEFAULT_SORT
    offset = model.clock_offset if model is not None else 0.0

    def prepare(rows: list[QueueRow]) -> PreparedRows:
        return prepare_rows(rows, utcnow() + timedelta(seconds=offset), column, order)

    return prepare


class QueueModel(QAbstractTableModel):
    """The queue's rows, in the order of the chosen column (the model sorts, not a proxy).

    ``set_rows`` applies a new load as changes to the current rows (removed, inserted, moved,
    changed): a reload during a sync mostly finds the same tickets, so the view keeps its selection
    and scroll position and the UI thread recomputes SLA clocks only for rows that changed.
    Sorting runs on precomputed keys in Python's sort: a ``QSortFilterProxyModel`` sorting 5,000
    rows calls ``data()`` from C++ ~130,000 times (0.5 s on the UI thread).
    """

    applied = Signal()  # after each set_rows (a reload may change nothing: no other signal then)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._clocks: list[Countdown] = []
        self._pending: frozenset[str] = frozenset()
        self._sort_column, self._sort_order = DEFAULT_SORT
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_countdowns)
        self._tick.start()
        self.clock_offset = 0.0  # server minus local seconds (SLA shows the server's clock)
        # The rows (first, last) a view shows, None when it shows none; unset: all rows.
        self.visible_rows: Callable[[], tuple[int, int] | None] | None = None

    def now(self) -> datetime:
        return utcnow() + timedelta(seconds=self.clock_offset)

    def set_rows(self, rows: list[QueueRow] | PreparedRows, pending: frozenset[str] = frozenset()) -> None:
        """Apply a load: ``PreparedRows`` from the store worker (clocks and order made there), or
        plain rows, prepared here on the UI thread (tests; unchanged rows keep their clocks)."""
        now = self.now()
        known = {r.id: (r, c) for r, c in zip(self._rows, self._clocks, strict=True)}
        if not isinstance(rows, PreparedRows):
            rows = prepare_rows(rows, now, self._sort_column, self._sort_order, known)
        entries: dict[str, Entry] = {}
        changed: set[str] = set()
        for row, clock in zip(rows.rows, rows.clocks, strict=True):
            before = known.get(row.id)
            if before is not None and before[1] == clock and before[0] == row:
                entries[row.id] = before
                continue
            entries[row.id] = (row, clock)
            changed.add(row.id)
        if pending != self._pending:
            changed.update(self._pending ^ pending)
        self._pending = pending
        self._apply(entries, changed, now, rows)
        self.applied.emit()

    def _apply(
        self, entries: dict[str, Entry], changed: set[str], now: datetime, prepared: PreparedRows
    ) -> None:
        # 1. rows no longer in the load, removed bottom-up in runs
        gone = _runs([i for i, r in enumerate(self._rows) if r.id not in entries])
        if len(gone) > MAX_RUNS:  # scattered removals: one reset costs the proxy and the view less
            self.beginResetModel()
            self._rows, self._clocks = [r for r, _ in entries.values()], [c for _, c in entries.values()]
            order = self._order(now, prepared)
            self._rows, self._clocks = [self._rows[i] for i in order], [self._clocks[i] for i in order]
            self.endResetModel()
            return
        for first, last in reversed(gone):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1], self._clocks[first : last + 1]
            self.endRemoveRows()
        # 2. rows kept take their new values; new rows go at the end
        kept = {r.id for r in self._rows}
        for i, row in enumerate(self._rows):
            self._rows[i], self._clocks[i] = entries[row.id]
        new = [entries[i] for i in entries if i not in kept]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows += [r for r, _ in new]
            self._clocks += [c for _, c in new]
            self.endInsertRows()
        # 3. the order of the sort column
        self._reorder(now, prepared)
        # 4. rows whose values changed in place
        runs = _runs([i for i, r in enumerate(self._rows) if r.id in changed and r.id in kept])
        if len(runs) > MAX_RUNS:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._reorder(self.now())

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _order(self, now: datetime, prepared: PreparedRows | None = None) -> list[int]:
        if (
            prepared is not None
            and (prepared.column, prepared.order) == (self._sort_column, self._sort_order)
            and len(prepared.rows) == len(self._rows)  # (a load with a ticket twice: sort here)
        ):
            # The rows and clocks are the prepared ones, sorted by the same column: their order.
            rank = {r.id: i for i, r in enumerate(prepared.rows)}
            order = [0] * len(self._rows)
            for i, r in enumerate(self._rows):
                order[rank[r.id]] = i
            return order
        key = _sort_key(self._sort_column, now)
        return sorted(
            range(len(self._rows)),
            key=lambda i: key(self._rows[i], self._clocks[i]),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _reorder(self, now: datetime, prepared: PreparedRows | None = None) -> None:
        order = self._order(now, prepared)
        if order == list(range(len(order))):
            return
        self.layoutAboutToBeChanged.emit()
        where = [0] * len(order)
        for new_row, old_row in enumerate(order):
            where[old_row] = new_row
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(where[p.row()], p.column()) if p.isValid() else p for p in persistent]
        )
        self._rows = [self._rows[i] for i in order]
        self._clocks = [self._clocks[i] for i in order]
        self.layoutChanged.emit()

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == ticket_id), -1)

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def _refresh_countdowns(self) -> None:
        # Only the rows a view shows: a change over all 5,000 rows made the filter proxy run its
        # Python filterAcceptsRow for each of them, every second (~25 ms on the UI thread).
        span = self.visible_rows() if self.visible_rows is not None else (0, len(self._rows) - 1)
        if span is not None and self._rows:
            first, last = max(0, span[0]), min(len(self._rows) - 1, span[1])
            if first <= last:
                self.dataChanged.emit(
                    self.index(first, COL_SLA),
                    self.index(last, COL_SLA),
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
        return None


def _clock_inputs(row: QueueRow) -> tuple[Any, ...]:
    """What ``countdown`` reads of a row (its result for a running clock does not depend on now)."""
    return row.priority, row.created_at, row.first_response_at, row.solved_at, row.pauses


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _sort_key(column: int, now: datetime) -> Callable[[QueueRow, Countdown], Any]:
    """The key of ``column`` (ties: priority, then SLA due, then number: a stable, useful order)."""
    never = datetime.max.replace(tzinfo=now.tzinfo)

    def base(r: QueueRow, c: Countdown) -> tuple[int, datetime, int]:
        return _TIER_ORDER.get(r.priority, 3), c.due or never, r.number

    if column == COL_SLA:
        return lambda r, c: (c.due or never, *base(r, c))
    if column == COL_NUMBER:
        return lambda r, c: r.number
    if column == COL_SUBJECT:
        return lambda r, c: (r.subject, *base(r, c))
    if column == COL_CUSTOMER:
        return lambda r, c: (r.customer_name, *base(r, c))
    if column == COL_STATUS:
        return lambda r, c: (status_label(r.status), *base(r, c))
    return base


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
