"""A read-only list model of (text, payload) pairs for short lists (open tickets, suggestions, palette)."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


class PairListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, Any, str]] = []

    def set_items(self, items: list[tuple[str, Any]] | list[tuple[str, Any, str]]) -> None:
        self.beginResetModel()
        self._items = [(t[0], t[1], t[2] if len(t) > 2 else "") for t in items]  # type: ignore[misc]
        self.endResetModel()

    def payload(self, row: int) -> Any:
        return self._items[row][1] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, payload, tip = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or text
        if role == PAYLOAD_ROLE:
            return payload
        return None
