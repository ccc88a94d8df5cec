"""The Qt binding keeps Python's reference counts: a long console session must not wear them down.

PySide6 6.12.0 dropped one reference to None for every call of a Python model's ``data()`` that
answered None (Qt asks for a dozen roles per visible cell, every repaint) and one to True for every
``Signal.emit()``. On Python 3.11, where None and True are ordinary objects, the console aborted
("deallocating None") after a few minutes of work; pyproject.toml excludes that release.
"""

from __future__ import annotations

import gc
import sys

from agentdesk.ui.qt import QAbstractListModel, QModelIndex, QObject, Qt, Signal

CALLS = 2000


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return "row" if role == Qt.ItemDataRole.DisplayRole else None


class _Emitter(QObject):
    fired = Signal(object)


def _drift(obj: object, action: object) -> int:
    gc.collect()
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()  # type: ignore[operator]
    gc.collect()
    return sys.getrefcount(obj) - before


def test_model_data_answering_none_keeps_none_alive(qapp: object) -> None:
    model = _Model()
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert abs(_drift(None, lambda: index.data(Qt.ItemDataRole.ToolTipRole))) < CALLS // 10


def test_signal_emit_keeps_true_alive(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    assert abs(_drift(True, lambda: emitter.fired.emit(1))) < CALLS // 10
    assert len(received) == CALLS
