"""Suggested knowledge articles and script templates for the ticket in view (Ctrl+1–5 inserts)."""

from __future__ import annotations

from agentdesk.ui.models.simple import PairListModel
from agentdesk.ui.qt import QLabel, QListView, Qt, QVBoxLayout, QWidget, Signal
from agentdesk.ui.suggestions import Suggestion


class SidePanel(QWidget):
    insert_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PairListModel(self)
        self.list = QListView()
        self.list.setObjectName("suggestions")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Suggested articles and scripts"))
        self.list.activated.connect(lambda i: self.insert_requested.emit(self.model.payload(i.row())))
        title = QLabel(self.tr("Suggestions"))
        title.setObjectName("sectionLabel")
        hint = QLabel(self.tr("Enter or Ctrl+1–5 inserts into the reply"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self.items: list[Suggestion] = []

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
