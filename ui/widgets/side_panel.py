"""Suggested knowledge articles and script templates for the ticket in view (Ctrl+1–5 inserts)."""

from __future__ import annotations

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.simple import PairListModel
from agentdesk.ui.qt import QLabel, QListView, Qt, QVBoxLayout, QWidget, Signal
from agentdesk.ui.suggestions import Suggestion


class SidePanel(Retranslatable, QWidget):
    insert_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PairListModel(self)
        self.list = QListView()
        self.list.setObjectName("suggestions")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(lambda i: self.insert_requested.emit(self.model.payload(i.row())))
        self.title = QLabel()
        self.title.setObjectName("sectionLabel")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.items: list[Suggestion] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Suggested articles and scripts"))
        self.title.setText(self.tr("Suggestions"))
        self.hint.setText(self.tr("Enter or Ctrl+1–5 inserts into the reply"))
        if self.items:
            current = self.list.currentIndex().row()
            self.show_suggestions(self.items)
            if current >= 0:
                self.list.setCurrentIndex(self.model.index(current))

    def show_suggestions(self, items: list[Suggestion]) -> None:
        self.items = items
        rows = []
        for n, s in enumerate(items, 1):
            kind = self.tr("Script") if s.kind == "script" else self.tr("Article")
            key = f"Ctrl+{n}  " if n <= 5 else ""
            rows.append((f"{key}[{kind}] {s.title}\n{s.preview}", s, s.preview))
        self.model.set_items(rows)

    def suggestion(self, n: int) -> Suggestion | None:
        return self.items[n - 1] if 0 < n <= len(self.items) else None
