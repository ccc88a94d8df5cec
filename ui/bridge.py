"""The replicator's change feed as one Qt signal, delivered on the main thread."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from agentdesk.ui.qt import QObject, Qt, QTimer, Signal

# Rows of a full snapshot (a first sync: a million rows, hundreds of pages) reach the views at most
# this often, merged: each delivery makes the views query the store again.
SNAPSHOT_WINDOW_MS = 2000
# The sync threads share the interpreter with the UI thread. With the default 5 ms, a sync thread
# busy in Python keeps the UI thread waiting up to 5 ms each time it wants the GIL back, and a
# single event can want it several times (measured: UI stalls during a full sync halve at 1 ms).
UI_SWITCH_INTERVAL = 0.001


class ChangeBridge(QObject):
    """``changed(Changes)`` on the main thread for every ``Changes`` the sync thread publishes.

    Changes marked ``snapshot`` are held and merged for up to ``SNAPSHOT_WINDOW_MS``; anything
    else (the agent's own edits, status, a later incremental pull) is delivered at once, together
    with whatever was held.
    """

    changed = Signal(object)
    _incoming = Signal(object)

    def __init__(
        self, replicator: Any, parent: QObject | None = None, *, window_ms: int = SNAPSHOT_WINDOW_MS
    ) -> None:
        super().__init__(parent)
        if replicator is not None and sys.getswitchinterval() > UI_SWITCH_INTERVAL:
            sys.setswitchinterval(UI_SWITCH_INTERVAL)
        # Entity -> ids of held snapshot changes, and one of those changes (its type builds the merge).
        self._held: dict[str, set[str]] = {}
        self._sample: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(window_ms)
        self._timer.timeout.connect(self.flush)
        self._incoming.connect(self._receive, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = (
            replicator.subscribe(self._incoming.emit) if replicator is not None else None
        )

    def _receive(self, changes: Any) -> None:
        entities = getattr(changes, "entities", None)
        if getattr(changes, "snapshot", False) and entities:
            if self._sample is None:
                self._sample = changes
                self._timer.start()
            self._hold(entities)
            if changes.outbox or changes.status:
                self.changed.emit(dataclasses.replace(changes, entities=MappingProxyType({}), snapshot=False))
            return
        if entities:
            self.flush()  # what was held first: deliveries stay in the order they were made
        self.changed.emit(changes)

    def _hold(self, entities: Any) -> None:
        for entity, ids in entities.items():
            self._held.setdefault(entity, set()).update(ids)

    def flush(self) -> None:
        """Deliver the held snapshot changes now (if any), merged into one."""
        self._timer.stop()
        sample, held = self._sample, self._held
        self._sample, self._held = None, {}
        if sample is not None:
            # The held sets change hands uncopied (nothing here touches them again): a 2 s window of
            # a first sync holds ~100k ids, and freezing them cost the UI thread several ms.
            merged = MappingProxyType(held)
            self.changed.emit(dataclasses.replace(sample, entities=merged, snapshot=False))

    def close(self) -> None:
        self._timer.stop()
        self._sample, self._held = None, {}
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
