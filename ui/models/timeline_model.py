"""A customer's interactions across channels, newest first, fetched a page at a time.

The first page comes with the 360 load; the view asks ``canFetchMore`` / ``fetchMore`` as the agent
scrolls and the next page is read on the store worker, so 10,000 items scroll smoothly.
"""

from __future__ import annotations

from typing import Any

from agentdesk.ui.data import PAGE, interactions_page, parse_time
from agentdesk.ui.ops import StoreOp
from agentdesk.ui.qt import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
# Glyphs every UI font has (colour emoji are missing on many agent desktops).
CHANNEL_ICONS = {"phone": "☎", "email": "✉"}


def channel_label(channel: str) -> str:
    labels = {
        "phone": QCoreApplication.translate("channel", "Phone"),
        "app": QCoreApplication.translate("channel", "App"),
        "web": QCoreApplication.translate("channel", "Web"),
        "store": QCoreApplication.translate("channel", "Store"),
        "social": QCoreApplication.translate("channel", "Social"),
        "email": QCoreApplication.translate("channel", "Email"),
        "chat": QCoreApplication.translate("channel", "Chat"),
    }
    return labels.get(channel, channel)


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[dict[str, Any]] = []
        self._customer_id: str | None = None
        self._has_more = False
        self._loading = False

    def reset(
        self,
        customer_id: str | None,
        items: tuple[dict[str, Any], ...] | list[dict[str, Any]],
        has_more: bool,
    ) -> None:
        self.beginResetModel()
        self._customer_id = customer_id
        self._items = list(items)
        self._has_more = has_more
        self._loading = False
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._items or self._customer_id is None:
            return
        self._loading = True
        customer_id = self._customer_id
        last = self._items[-1]
        before = (str(last["occurred_at"]), str(last["id"]))

        def load(ws: Any) -> list[dict[str, Any]]:
            with ws.store.connect() as conn:
                return interactions_page(conn, customer_id, before, PAGE + 1)

        StoreOp(self, load).success(lambda rows: self._append(customer_id, rows)).failure(
            lambda _e: setattr(self, "_loading", False)
        ).run()

    def _append(self, customer_id: str, rows: list[dict[str, Any]]) -> None:
        if customer_id != self._customer_id:
            return
        page = rows[:PAGE]
        self._has_more = len(rows) > PAGE
        self._loading = False
        if page:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(page) - 1)
            self._items.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = parse_time(item.get("occurred_at"))
            stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
            arrow = "→" if item.get("direction") == "outbound" else "←"
            channel = str(item.get("channel") or "")
            icon = CHANNEL_ICONS.get(channel, "•")
            return f"{stamp}  {icon} {channel_label(channel)} {arrow}  {item.get('summary') or ''}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.get("summary")
        return None
