"""Command palette (Ctrl+K) and global search (Ctrl+E): a filter box over a list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agentdesk.ui.models.simple import PairListModel
from agentdesk.ui.qt import QDialog, QEvent, QLineEdit, QListView, QObject, Qt, QTimer, QVBoxLayout, QWidget


class Picker(QDialog):
    """Type to filter; Up/Down move; Enter picks. ``source(text, done)`` supplies rows (may be async)."""

    def __init__(
        self,
        title: str,
        placeholder: str,
        source: Callable[[str, Callable[[list[tuple[str, Any]]], None]], None],
        parent: QWidget | None = None,
        delay_ms: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.source = source
        self.chosen: Any = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(title)
        self.model = PairListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(title)
        self.list.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._refresh)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self._asked = ""
        self._shown: str | None = None
        self._pick_when_ready = False
        self.resize(620, 420)
        self._refresh()

    def _refresh(self) -> None:
        self._timer.stop()
        text = self.edit.text()
        self._asked = text
        self.source(text, lambda rows, asked=text: self._show(asked, rows))

    def _show(self, asked: str, rows: list[tuple[str, Any]]) -> None:
        if asked != self._asked:
            return  # an older answer arrived after a newer question
        self._shown = asked
        self.model.set_items(rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0))
        if self._pick_when_ready:
            self._pick_when_ready = False
            self._pick()

    def _pick(self, index: Any = None) -> None:
        if index is None and (self._timer.isActive() or self._shown != self.edit.text()):
            # Enter typed faster than the list followed: pick once the list shows this text.
            self._pick_when_ready = True
            if self._timer.isActive() or self._asked != self.edit.text():
                self._refresh()
            return
        index = index if index is not None else self.list.currentIndex()
        if index.isValid():
            self.chosen = self.model.payload(index.row())
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                rows = self.model.rowCount()
                if rows:
                    step = {
                        Qt.Key.Key_Down: 1,
                        Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 10,
                        Qt.Key.Key_PageUp: -10,
                    }[key]
                    current = self.list.currentIndex().row()
                    self.list.setCurrentIndex(self.model.index(max(0, min(rows - 1, current + step))))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick()
                return True
        return super().eventFilter(watched, event)
