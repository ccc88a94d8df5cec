"""Connection indicator: online / offline / syncing / signed out, pending count, rejected changes."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.simple import PairListModel
from agentdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class StatusIndicator(Retranslatable, QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self.setAutoRaise(True)
        self.status: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Connection status"))
        self.update_status(self.status)

    def update_status(self, status: Any) -> None:
        self.status = status
        state = getattr(status, "state", "offline")
        labels = {
            "online": (self.tr("Online"), "#2f9e44"),
            "syncing": (self.tr("Syncing…"), "#1c7ed6"),
            "offline": (self.tr("Offline — working locally"), "#e8590c"),
            "signed_out": (self.tr("Signed out"), "#c92a2a"),
        }
        text, color = labels.get(state, labels["offline"])
        pending = int(getattr(status, "pending", 0) or 0)
        rejected = len(getattr(status, "rejected", ()) or ())
        parts = [f"● {text}"]
        if pending:
            parts.append(self.tr("%n pending", "", pending))
        if rejected:
            parts.append(self.tr("%n rejected", "", rejected))
        self.setText("  ·  ".join(parts))
        self.setStyleSheet(f"QToolButton#connectionIndicator {{ color: {color}; font-weight: 600; }}")
        error = getattr(status, "last_error", None)
        self.setToolTip(error or self.tr("Click to see changes the server rejected"))


class RejectedDialog(QDialog):
    """Changes the server refused, with its reason; retry or discard each."""

    retry = Signal(str)
    discard = Signal(str)

    def __init__(self, rejected: tuple[Any, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rejected changes"))
        reason = self.tr("Reason")
        self.model = PairListModel(self)
        self.model.set_items(
            [(f"{r.kind} · {r.entity_id}\n{reason}: {r.reason}", r.mutation_id) for r in rejected]
        )
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Rejected changes"))
        if rejected:
            self.list.setCurrentIndex(self.model.index(0))
        info = QLabel(
            self.tr(
                "The server refused these changes. Retry sends one again; Discard drops it "
                "and its local effect."
            )
            if rejected
            else self.tr("Nothing was rejected.")
        )
        info.setWordWrap(True)
        retry = QPushButton(self.tr("&Retry"))
        drop = QPushButton(self.tr("&Discard"))
        retry.clicked.connect(lambda: self._act(self.retry))
        drop.clicked.connect(lambda: self._act(self.discard))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(retry)
        row.addWidget(drop)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.resize(560, 320)

    def _act(self, signal: Any) -> None:
        index = self.list.currentIndex()
        mutation_id = self.model.payload(index.row()) if index.isValid() else None
        if mutation_id:
            signal.emit(mutation_id)
            self.accept()
