"""The replicator's change feed as one Qt signal, delivered on the main thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agentdesk.ui.qt import QObject, Qt, Signal


class ChangeBridge(QObject):
    """``changed(Changes)`` on the main thread for every ``Changes`` the sync thread publishes."""

    changed = Signal(object)
    _incoming = Signal(object)

    def __init__(self, replicator: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self.changed.emit, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = (
            replicator.subscribe(self._incoming.emit) if replicator is not None else None
        )

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
